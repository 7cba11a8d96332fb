/* gtw-chart.h: the four stacked panels (glucose, insulin, C-peptide, beta-cell mass), live
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A view of traces it does not own: the owner hands it the run and its baseline (either may
 * still be filling on a worker) and calls gtw_chart_traces_changed () when a chunk arrived.
 * Drawing goes through the shared PLplot renderer (gtw-figure), on the main thread only.
 *
 * Properties:
 *   "high-contrast" (gboolean): presentation mode's high-contrast palette, TRUE by default.
 *
 * Signals:
 *   "day-activated" (int day): a click on a day in the decade or year view.
 *   "cursor-moved"  (int day): the day under the pointer, -1 when it left.
 *   "range-changed" (void): the visible day range or the plot-area margins changed (zoom, pan,
 *                   resize, view); the timeline follows with gtw_chart_get_range/_margins.
 */
#pragma once

#include <gtk/gtk.h>

#include "gtw-model.h"
#include "gtw-figure.h"
#include "gtw-markers-panel.h" /* GtwDisplayUnits */

G_BEGIN_DECLS

typedef enum
{
  GTW_CHART_VIEW_DECADE, /* the whole run, x in years */
  GTW_CHART_VIEW_YEAR,   /* one year around the cursor's (or the chosen) day, x in months */
  GTW_CHART_VIEW_DAY,    /* one day at minute detail, x in clock hours */
} GtwChartView;

/* The panels, top to bottom; hidden ones are left out and the others share the height. */
typedef enum
{
  GTW_CHART_CURVE_GLUCOSE    = 1 << 0,
  GTW_CHART_CURVE_INSULIN    = 1 << 1,
  GTW_CHART_CURVE_CPEPTIDE   = 1 << 2,
  GTW_CHART_CURVE_BETA_CELLS = 1 << 3,
  GTW_CHART_CURVES_ALL       = 0xf,
} GtwChartCurves;

#define GTW_TYPE_CHART (gtw_chart_get_type ())
G_DECLARE_FINAL_TYPE (GtwChart, gtw_chart, GTW, CHART, GtkWidget)

GtkWidget   *gtw_chart_new             (void);

/* Either may be NULL; the chart keeps references. */
void         gtw_chart_set_traces      (GtwChart *self,
                                        GtwTrace *trace,
                                        GtwTrace *baseline);
void         gtw_chart_traces_changed  (GtwChart *self);
/* The day view's data; either may be NULL. The chart copies nothing: it takes ownership. */
void         gtw_chart_take_day_detail (GtwChart     *self,
                                        GtwDayDetail *day,
                                        GtwDayDetail *baseline_day);

void         gtw_chart_set_view        (GtwChart     *self,
                                        GtwChartView  view,
                                        int           day); /* year and day views: the day */
GtwChartView gtw_chart_get_view        (GtwChart *self);
int          gtw_chart_get_view_day    (GtwChart *self);

void         gtw_chart_set_units       (GtwChart              *self,
                                        const GtwDisplayUnits *units);
void         gtw_chart_set_show_baseline (GtwChart *self, gboolean show);
void         gtw_chart_set_failure     (GtwChart *self, const char *message);
const char  *gtw_chart_get_failure     (GtwChart *self);
void         gtw_chart_set_show_band   (GtwChart *self, gboolean show);

/* Large type, thick lines, fewer ticks and, unless turned off, a high-contrast palette, to be
 * read from afar. */
void         gtw_chart_set_presentation (GtwChart *self,
                                         gboolean  presentation);
gboolean     gtw_chart_get_presentation (GtwChart *self);
/* Whether presentation mode draws black or white text and bolder lines ("high-contrast",
 * TRUE by default); the normal palette otherwise. */
void         gtw_chart_set_high_contrast (GtwChart *self,
                                          gboolean  high_contrast);
gboolean     gtw_chart_get_high_contrast (GtwChart *self);

/* At least one panel stays: an empty set shows them all. */
void         gtw_chart_set_visible_curves (GtwChart       *self,
                                           GtwChartCurves  curves);
GtwChartCurves gtw_chart_get_visible_curves (GtwChart *self);

/* Playback: the decade and year views draw the run only up to @day, with a "now" line there;
 * the axes stay put. -1 (the default) draws everything. Cheap enough for every frame. */
void         gtw_chart_set_reveal_day  (GtwChart *self,
                                        int       day);
int          gtw_chart_get_reveal_day  (GtwChart *self);

/* The virtual population around the patient, drawn as 50 % and 90 % bands in the decade and
 * year views; NULL removes them. The chart takes ownership. */
void         gtw_chart_set_population  (GtwChart      *self,
                                        GtwPopulation *population);
gboolean     gtw_chart_has_population  (GtwChart *self);

/* Visible days and the plot area's left and right margins in widget pixels. */
void         gtw_chart_get_range       (GtwChart *self,
                                        double   *first_day,
                                        double   *last_day);
void         gtw_chart_get_margins     (GtwChart *self,
                                        int      *left_px,
                                        int      *right_px);
/* The figure options matching what is on screen, for export. */
void         gtw_chart_get_figure_options (GtwChart         *self,
                                           GtwFigureOptions *options);

G_END_DECLS
