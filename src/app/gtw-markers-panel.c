/* gtw-markers-panel.c: the clinical markers of one day, against the baseline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gtw-markers-panel.h"

#include <glib/gi18n.h>

struct _GtwMarkersPanel
{
  GtkWidget       parent_instance;
  GtkWidget      *label;
  GtwDisplayUnits units;
  GtwMarkers      markers;
  gboolean        has_markers;
  char           *glucose_text;
};

G_DEFINE_FINAL_TYPE (GtwMarkersPanel, gtw_markers_panel, GTK_TYPE_WIDGET)

enum { OGTT_REQUESTED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
update (GtwMarkersPanel *self)
{
  g_clear_pointer (&self->glucose_text, g_free);
  if (!self->has_markers)
    {
      self->glucose_text = g_strdup ("—");
      gtk_label_set_text (GTK_LABEL (self->label), "");
      return;
    }
  self->glucose_text = g_strdup_printf ("%.1f %s",
                                        gtw_glucose_convert (self->markers.fasting_glucose,
                                                             self->units.glucose),
                                        gtw_glucose_unit_label (self->units.glucose));
  gtk_label_set_text (GTK_LABEL (self->label), self->glucose_text);
}

static void
gtw_markers_panel_dispose (GObject *object)
{
  GtwMarkersPanel *self = GTW_MARKERS_PANEL (object);

  g_clear_pointer (&self->label, gtk_widget_unparent);
  G_OBJECT_CLASS (gtw_markers_panel_parent_class)->dispose (object);
}

static void
gtw_markers_panel_finalize (GObject *object)
{
  GtwMarkersPanel *self = GTW_MARKERS_PANEL (object);

  g_free (self->glucose_text);
  G_OBJECT_CLASS (gtw_markers_panel_parent_class)->finalize (object);
}

static void
gtw_markers_panel_class_init (GtwMarkersPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gtw_markers_panel_dispose;
  object_class->finalize = gtw_markers_panel_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  signals[OGTT_REQUESTED] = g_signal_new ("ogtt-requested", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
gtw_markers_panel_init (GtwMarkersPanel *self)
{
  self->label = gtk_label_new (NULL);
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
  update (self);
}

GtkWidget *
gtw_markers_panel_new (void)
{
  return g_object_new (GTW_TYPE_MARKERS_PANEL, NULL);
}

void
gtw_markers_panel_set_units (GtwMarkersPanel       *self,
                             const GtwDisplayUnits *units)
{
  g_return_if_fail (GTW_IS_MARKERS_PANEL (self));
  g_return_if_fail (units != NULL);

  self->units = *units;
  update (self);
}

void
gtw_markers_panel_set_markers (GtwMarkersPanel  *self,
                               const GtwMarkers *markers,
                               const GtwMarkers *baseline)
{
  g_return_if_fail (GTW_IS_MARKERS_PANEL (self));

  self->has_markers = markers != NULL;
  if (markers != NULL)
    self->markers = *markers;
  update (self);
}

const char *
gtw_markers_panel_get_row_text (GtwMarkersPanel *self,
                                const char      *row_id)
{
  g_return_val_if_fail (GTW_IS_MARKERS_PANEL (self), NULL);
  g_return_val_if_fail (row_id != NULL, NULL);

  if (g_str_equal (row_id, "fasting-glucose"))
    return self->glucose_text;
  return NULL;
}
