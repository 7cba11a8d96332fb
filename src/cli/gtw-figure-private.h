/* gtw-figure-private.h: what the parts of the figure renderer share
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * gtw-figure.c holds the public entry points, the PLplot stream and file writing;
 * gtw-figure-axes.c the colours, the layout, scales, ticks, labels and the legend;
 * gtw-figure-panels.c the series, the lanes and the decade and year views;
 * gtw-figure-day.c the day view. Not installed, not for use outside src/cli.
 */
#pragma once

#include <glib/gi18n.h>
#include <math.h>
#include <plplot.h>
#include <string.h>

#include "gtw-figure.h"

G_BEGIN_DECLS

#define N_PANELS       4
#define DAYS_PER_YEAR  365.25
#define DEFAULT_BETA_CELL_MG 1533.9 /* the healthy reference of gtw-simulation.h */
#define MIN_SIZE_PX    120
#define MAX_LANES      4
#define LEGEND_ROW     1.5 /* text heights */
/* Distances from the left axis to the middle of the rotated unit and title lines, in text
 * heights, leaving room for tick labels of four characters. */
#define UNIT_CENTRE    3.4
#define TITLE_CENTRE   4.45
#define RIGHT_UNIT_CENTRE 3.9 /* right tick labels start at the axis, not end there */
#define N_IV_COLOURS   GTW_N_IV_TYPES /* one colour per intervention type (gtw-figure-axes.c) */

typedef struct
{
  guint8 r, g, b;
} Rgb;

enum
{
  COL_BG,
  COL_FG,
  COL_GRID,
  COL_THRESHOLD,
  COL_BASELINE,
  COL_DIFF,
  COL_BAND,
  COL_EVENT_BAND,
  COL_EVENT_BLOCK,
  COL_HALO,      /* behind labels drawn over curves */
  COL_SERIES, /* one per panel */
  COL_IV_BAND = COL_SERIES + N_PANELS,
  COL_IV_BLOCK = COL_IV_BAND + N_IV_COLOURS,
  COL_POP_WIDE = COL_IV_BLOCK + N_IV_COLOURS, /* the population's 90 % band, one per panel */
  COL_POP_NARROW = COL_POP_WIDE + N_PANELS,   /* its 50 % band */
  N_COLOURS = COL_POP_NARROW + N_PANELS,
};

typedef struct
{
  double top, bottom; /* pixels from the top of the figure */
  double ymin, ymax;
  double ystep;
} Panel;

typedef struct
{
  const GtwFigureOptions *options;
  double width, height; /* pixels */
  double text;          /* character height in pixels */
  double left, right;   /* pixel x extent of the plot areas */
  double legend_top;    /* pixel y of the legend rows */
  double lanes_top;     /* pixel y of the lane strip, n_lanes of lane_height */
  double lane_height;
  guint  n_lanes;
  double x0, x1;        /* world x range */
  double xstep;
  gboolean right_axis;
  guint  columns;       /* pixel columns of a plot area */
  Panel  panels[N_PANELS];
  gboolean shown[N_PANELS]; /* by options->panels; hidden panels have no height */
  guint  last;          /* the lowest panel shown, which carries the x axis */
} Layout;

typedef enum
{
  PICK_MINMAX, /* for lines: both extremes of every column, in their order */
  PICK_MIN,    /* for the lower edge of a band */
  PICK_MAX,    /* for the upper edge of a band */
  PICK_MEAN,   /* for filled differences */
} Pick;

typedef struct
{
  double *x;
  double *y;
  guint   n;
} Points;

typedef enum
{
  KEY_LINE,
  KEY_DASHED,
  KEY_BOX,
  KEY_BANDS,  /* the population's two bands, colour the panel's */
  KEY_MARKER, /* a measured value */
} KeyKind;

typedef struct
{
  KeyKind     kind;
  int         colour;
  const char *label;
} Key;

/* Where a lane's block has its label: inside when it fits whole, else beside it (after it, or
 * before it at the figure's right end), never cut and never across the block's edge. */
typedef enum
{
  LABEL_INSIDE,
  LABEL_AFTER,
  LABEL_BEFORE,
  LABEL_NONE,   /* the figure is narrower than the label */
} LabelPlace;

typedef struct
{
  double      x0, x1; /* world */
  int         band_colour;  /* the translucent band through the panels, -1 for none */
  int         block_colour;
  char       *label;
  gboolean    marker;       /* a triangle at x0 instead of a block */
  guint       lane;
  LabelPlace  label_place;  /* set with the lane */
  double      label_x;      /* pixels from the plot area's left edge: where the label starts */
} Block;

typedef struct
{
  const char *title;
  const char *unit;
  double     *y;          /* main series */
  double     *base;       /* baseline series, or NULL */
  double     *band_lo;    /* optional shaded range */
  double     *band_hi;
  gboolean    from_zero;
} Series;

/* gtw-figure-axes.c */
double gtw_fig_line_width (const Layout *layout, double width);
void gtw_fig_draw_marker (const Layout *layout, guint panel, double x, double y, int colour);
void gtw_fig_setup_colours (const GtwFigureOptions *options);
double gtw_fig_text_width (const Layout *layout, const char *s, double scale);
double gtw_fig_measure_text (const Layout *layout, const char *s, double scale);
double gtw_fig_nice_step (double range, double target);
double gtw_fig_axis_step (double range, double pixels, double text);
void gtw_fig_panel_set_range (Panel *panel, double lo, double hi, gboolean from_zero, double text);
void gtw_fig_layout_init (Layout                 *layout,
                          const GtwFigureOptions *options,
                          double                  x0,
                          double                  x1,
                          guint                   n_legend_rows,
                          guint                   n_lanes,
                          gboolean                right_axis);
gboolean gtw_fig_layout_fits (const Layout *layout);
void gtw_fig_layout_store_geometry (const Layout *layout, double day_offset, double days_per_x);
void gtw_fig_viewport (const Layout *layout, double top, double bottom, double ymin, double ymax);
void gtw_fig_panel_viewport (const Layout *layout, guint i);
double gtw_fig_disp (double text_heights, double scale);
void gtw_fig_set_text_scale (const Layout *layout, double scale);
void gtw_fig_draw_grid (const Layout *layout, guint i);
void gtw_fig_draw_axes (const Layout *layout, guint i, const char *title, const char *unit, gboolean custom_x);
void gtw_fig_draw_x_label (const Layout *layout, const char *label);
void gtw_fig_draw_title (const Layout *layout, const char *title);
guint gtw_fig_place_legend (const Layout *layout, const Key *keys, guint n_keys, double *x, guint *row);
void gtw_fig_draw_legend (const Layout *layout, const Key *keys, guint n_keys);

/* gtw-figure-panels.c */
void gtw_fig_fill_rect (double x0, double x1, double y0, double y1, int colour);
void gtw_fig_series_range (const Layout *layout,
                           Panel        *panel,
                           const Series *s,
                           guint         n,
                           guint         n_base,
                           const double *extra,
                           guint         n_extra);
void gtw_fig_draw_series (const Layout *layout,
                          guint         i,
                          const Series *s,
                          const double *x,
                          guint         n,
                          const double *xb,
                          guint         n_base);
GArray  *gtw_fig_blocks_new (void);
int gtw_fig_compare_blocks (gconstpointer a, gconstpointer b);
void gtw_fig_draw_block_bands (const Layout *layout, guint panel, GArray *blocks);
void gtw_fig_draw_lanes (const Layout *layout, GArray *blocks);
void gtw_fig_layout_init_full (Layout                 *layout,
                               const GtwFigureOptions *options,
                               double                  x0,
                               double                  x1,
                               const Key              *keys,
                               guint                   n_keys,
                               GArray                 *blocks,
                               gboolean                right_axis);

/* gtw-figure-day.c */

/* gtw-figure.c */
void gtw_fig_begin_stream (cairo_t *cr, const GtwFigureOptions *options);
gboolean gtw_fig_check_draw_args (cairo_t *cr, const GtwFigureOptions *options, GError **error);
gboolean gtw_fig_too_small (cairo_t *cr, const GtwFigureOptions *options);

G_END_DECLS
