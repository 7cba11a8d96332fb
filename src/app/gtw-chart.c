/* gtw-chart.c: the four stacked panels (glucose, insulin, C-peptide, beta-cell mass), live
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gtw-chart.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#define DAYS_PER_YEAR 365.25

struct _GtwChart
{
  GtkWidget        parent_instance;

  GtwTrace        *trace;
  GtwTrace        *baseline;
  GtwDayDetail    *day;
  GtwDayDetail    *baseline_day;

  GtwChartView     view;
  int              view_day;
  GtwDisplayUnits  units;
  gboolean         show_baseline;
  gboolean         show_band;
};

G_DEFINE_FINAL_TYPE (GtwChart, gtw_chart, GTK_TYPE_WIDGET)

enum
{
  DAY_ACTIVATED,
  CURSOR_MOVED,
  RANGE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
gtw_chart_get_figure_options (GtwChart         *self,
                              GtwFigureOptions *options)
{
  g_return_if_fail (GTW_IS_CHART (self));
  g_return_if_fail (options != NULL);

  gtw_figure_options_init (options);
  options->view = self->view == GTW_CHART_VIEW_DAY ? GTW_FIGURE_VIEW_DAY : GTW_FIGURE_VIEW_DECADE;
  options->width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1);
  options->height = MAX (gtk_widget_get_height (GTK_WIDGET (self)), 1);
  options->glucose_unit = self->units.glucose;
  options->insulin_unit = self->units.insulin;
  options->cpeptide_unit = self->units.cpeptide;
  options->dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  options->show_baseline = self->show_baseline;
}

static void
gtw_chart_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  GtwChart *self = GTW_CHART (widget);
  GtwFigureOptions options;
  g_autoptr (GError) error = NULL;
  cairo_t *cr;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (width <= 0 || height <= 0 || !gtw_figure_available (NULL))
    return;

  gtw_chart_get_figure_options (self, &options);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->view == GTW_CHART_VIEW_DAY && self->day != NULL)
    gtw_figure_draw_day (cr, &options, self->day, self->baseline_day, &error);
  else if (self->trace != NULL && gtw_trace_get_n_days (self->trace) > 0)
    gtw_figure_draw_trace (cr, &options, self->trace, self->baseline, &error);
  if (error != NULL)
    g_warning ("Chart: %s", error->message);
  cairo_destroy (cr);
}

static void
gtw_chart_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  g_signal_emit (widget, signals[RANGE_CHANGED], 0);
}

static void
gtw_chart_dispose (GObject *object)
{
  GtwChart *self = GTW_CHART (object);

  g_clear_pointer (&self->trace, gtw_trace_unref);
  g_clear_pointer (&self->baseline, gtw_trace_unref);
  g_clear_pointer (&self->day, gtw_day_detail_free);
  g_clear_pointer (&self->baseline_day, gtw_day_detail_free);

  G_OBJECT_CLASS (gtw_chart_parent_class)->dispose (object);
}

static void
gtw_chart_class_init (GtwChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gtw_chart_dispose;
  widget_class->snapshot = gtw_chart_snapshot;
  widget_class->size_allocate = gtw_chart_size_allocate;

  signals[DAY_ACTIVATED] = g_signal_new ("day-activated", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, G_TYPE_INT);
  signals[CURSOR_MOVED] = g_signal_new ("cursor-moved", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_INT);
  signals[RANGE_CHANGED] = g_signal_new ("range-changed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
gtw_chart_init (GtwChart *self)
{
  self->view = GTW_CHART_VIEW_DECADE;
  self->show_baseline = TRUE;
  self->show_band = TRUE;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Chart"), -1);
}

GtkWidget *
gtw_chart_new (void)
{
  return g_object_new (GTW_TYPE_CHART, NULL);
}

void
gtw_chart_set_traces (GtwChart *self,
                      GtwTrace *trace,
                      GtwTrace *baseline)
{
  g_return_if_fail (GTW_IS_CHART (self));

  if (trace != NULL)
    gtw_trace_ref (trace);
  if (baseline != NULL)
    gtw_trace_ref (baseline);
  g_clear_pointer (&self->trace, gtw_trace_unref);
  g_clear_pointer (&self->baseline, gtw_trace_unref);
  self->trace = trace;
  self->baseline = baseline;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[RANGE_CHANGED], 0);
}

void
gtw_chart_traces_changed (GtwChart *self)
{
  g_return_if_fail (GTW_IS_CHART (self));

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
gtw_chart_take_day_detail (GtwChart     *self,
                           GtwDayDetail *day,
                           GtwDayDetail *baseline_day)
{
  g_return_if_fail (GTW_IS_CHART (self));

  g_clear_pointer (&self->day, gtw_day_detail_free);
  g_clear_pointer (&self->baseline_day, gtw_day_detail_free);
  self->day = day;
  self->baseline_day = baseline_day;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
gtw_chart_set_view (GtwChart     *self,
                    GtwChartView  view,
                    int           day)
{
  g_return_if_fail (GTW_IS_CHART (self));

  self->view = view;
  self->view_day = day;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[RANGE_CHANGED], 0);
}

GtwChartView
gtw_chart_get_view (GtwChart *self)
{
  g_return_val_if_fail (GTW_IS_CHART (self), GTW_CHART_VIEW_DECADE);

  return self->view;
}

int
gtw_chart_get_view_day (GtwChart *self)
{
  g_return_val_if_fail (GTW_IS_CHART (self), 0);

  return self->view_day;
}

void
gtw_chart_set_units (GtwChart              *self,
                     const GtwDisplayUnits *units)
{
  g_return_if_fail (GTW_IS_CHART (self));
  g_return_if_fail (units != NULL);

  self->units = *units;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
gtw_chart_set_show_baseline (GtwChart *self,
                             gboolean  show)
{
  g_return_if_fail (GTW_IS_CHART (self));

  self->show_baseline = !!show;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
gtw_chart_set_show_band (GtwChart *self,
                         gboolean  show)
{
  g_return_if_fail (GTW_IS_CHART (self));

  self->show_band = !!show;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
gtw_chart_get_range (GtwChart *self,
                     double   *first_day,
                     double   *last_day)
{
  double last = 0;

  g_return_if_fail (GTW_IS_CHART (self));

  if (self->trace != NULL)
    last = gtw_trace_get_scenario (self->trace)->duration_days;
  if (first_day != NULL)
    *first_day = 0;
  if (last_day != NULL)
    *last_day = last;
}

void
gtw_chart_get_margins (GtwChart *self,
                       int      *left_px,
                       int      *right_px)
{
  g_return_if_fail (GTW_IS_CHART (self));

  if (left_px != NULL)
    *left_px = 0;
  if (right_px != NULL)
    *right_px = 0;
}
