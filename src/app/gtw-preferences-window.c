/* gtw-preferences-window.c: units and display preferences, bound to GSettings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gtw-preferences-window.h"

#include <glib/gi18n.h>

struct _GtwPreferencesWindow
{
  AdwPreferencesWindow parent_instance;
  GSettings           *settings;
};

G_DEFINE_FINAL_TYPE (GtwPreferencesWindow, gtw_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
gtw_preferences_window_dispose (GObject *object)
{
  GtwPreferencesWindow *self = GTW_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (gtw_preferences_window_parent_class)->dispose (object);
}

static void
gtw_preferences_window_class_init (GtwPreferencesWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = gtw_preferences_window_dispose;
}

static void
gtw_preferences_window_init (GtwPreferencesWindow *self)
{
  gtk_window_set_title (GTK_WINDOW (self), _("Preferences"));
}

GtkWidget *
gtw_preferences_window_new (GtkWindow *parent,
                            GSettings *settings)
{
  GtwPreferencesWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (GTW_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
  self->settings = g_object_ref (settings);
  return GTK_WIDGET (self);
}
