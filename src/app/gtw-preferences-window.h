/* gtw-preferences-window.h: units and display preferences, bound to GSettings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GTW_TYPE_PREFERENCES_WINDOW (gtw_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (GtwPreferencesWindow, gtw_preferences_window, GTW, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *gtw_preferences_window_new (GtkWindow *parent,
                                       GSettings *settings);

G_END_DECLS
