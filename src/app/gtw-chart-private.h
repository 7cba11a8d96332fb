/* gtw-chart-private.h: what gtw-chart.c and gtw-chart-render.c share
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * gtw-chart.c is the widget: its range, cursor, input, signals and public API.
 * gtw-chart-render.c draws it: the cached figure, the story flags, the cursor overlay, and the
 * description of what is drawn for screen readers.
 */
#pragma once

#include "gtw-chart.h"
#include "gtw-plot-theme.h"

G_BEGIN_DECLS

#define DAYS_PER_YEAR    365.25
#define DEFAULT_DAYS     3652
#define MIN_SPAN_DAYS    30.0
#define ZOOM_STEP        1.25 /* per scroll step or key press */
#define CLICK_SLOP_PX    4.0
#define DOT_RADIUS       4.0
#define N_PANELS         4
#define FLAG_HIT_PX      6.0 /* how near the pointer must come to a flag for its tooltip */
#define FLAG_ROWS        3   /* title rows above each other before titles are dropped */
#define PRESENTATION_TEXT 1.9 /* how much larger presentation mode draws all text */

/* The labels the chart draws over its figure, where the last snapshot put them. */
typedef enum
{
  GTW_CHART_LABEL_FLAG,    /* a story flag's title */
  GTW_CHART_LABEL_NOW,     /* playback's day, at the "now" line */
  GTW_CHART_LABEL_NOW_LINE, /* the line itself: the labels do not cross it */
  GTW_CHART_LABEL_READOUT, /* a value under the cursor */
  GTW_CHART_LABEL_DATE,    /* the cursor's day */
} GtwChartLabelKind;

typedef struct
{
  GtwChartLabelKind kind;
  graphene_rect_t   rect;
} GtwChartLabel;

struct _GtwChart
{
  GtkWidget          parent_instance;

  GtwTrace          *trace;
  GtwTrace          *baseline;
  char              *failure;   /* why the last run stopped, until a new one shows; or NULL */
  GtwDayDetail      *day;
  GtwDayDetail      *baseline_day;

  /* the story markers of the run and of its baseline (GtwStoryMarker), by day */
  GPtrArray         *story;
  GPtrArray         *baseline_story;

  GtwChartView       view;
  int                view_day;
  int                view_day_asked; /* as set; view_day is this, held to the trace's length */
  GtwDisplayUnits    units;
  gboolean           show_baseline;
  gboolean           show_band;
  double             font_scale;
  gboolean           presentation;
  gboolean           high_contrast; /* in presentation mode */
  GtwChartCurves     curves;
  int                reveal_day;  /* -1: everything */
  GtwPopulation     *population;

  /* the days on the x axis in the decade and year views */
  double             first_day;
  double             last_day;
  gboolean           zoomed;
  int                range_duration; /* the run length the range was made for */
  int                margin_left;
  int                margin_right;

  /* the rendered figure and where its panels went */
  GdkTexture        *texture;
  GdkTexture        *previous; /* the last run's figure, until the new run has a day */
  GdkTexture        *unrevealed; /* while revealing: the same figure without its data */
  GdkTexture        *previous_unrevealed; /* and the last run's, with previous */
  GtwFigureGeometry  geometry;
  gboolean           have_geometry;
  GArray            *labels; /* GtwChartLabel: the overlay's labels, kept clear of each other */
  gint64             render_usec;

  /* the cursor: a day in the decade and year views, a fractional day in the day view */
  gboolean           cursor_shown;
  double             cursor;
  int                cursor_emitted;
  double             pointer_x;
  gboolean           pointer_inside;

  double             drag_x;
  double             drag_y;
  double             drag_first_day;
  gboolean           dragged;
};

/* gtw-chart.c */
gboolean gtw_chart_is_long_view (GtwChart *self);

/* gtw-chart-render.c */
void gtw_chart_update_story (GtwChart *self);
void gtw_chart_update_description (GtwChart *self);
double gtw_chart_figure_text_scale (GtwChart *self);
gboolean gtw_chart_is_dark (void);
void gtw_chart_invalidate (GtwChart *self);
gboolean gtw_chart_query_tooltip (GtwChart   *self,
                                  int         x,
                                  int         y,
                                  gboolean    keyboard_mode,
                                  GtkTooltip *tooltip);
void gtw_chart_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot);

G_END_DECLS
