/* gtw-figure.c: the four-panel figure, drawn with PLplot into any cairo context
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Layout is computed in pixels from the top-left corner and handed to PLplot in millimetres
 * (the cairo devices assume 72 DPI). Series are decimated to a minimum and a maximum per pixel
 * column before PLplot sees them, so drawing costs the same for two years or thirty.
 */
#include "gtw-figure.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <math.h>
#include <plplot.h>
#include <string.h>

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

G_DEFINE_QUARK (gtw-figure-error-quark, gtw_figure_error)

/* ---------------------------------------------------------------------------------------- */
/* Colours                                                                                  */

typedef struct
{
  guint8 r, g, b;
} Rgb;

/* Okabe & Ito (2008), Color Universal Design: distinguishable with every common form of
 * colour vision deficiency. */
static const Rgb oi_orange = { 0xE6, 0x9F, 0x00 };
static const Rgb oi_sky = { 0x56, 0xB4, 0xE9 };
static const Rgb oi_green = { 0x00, 0x9E, 0x73 };
static const Rgb oi_yellow = { 0xF0, 0xE4, 0x42 };
static const Rgb oi_blue = { 0x00, 0x72, 0xB2 };
static const Rgb oi_vermillion = { 0xD5, 0x5E, 0x00 };
static const Rgb oi_purple = { 0xCC, 0x79, 0xA7 };

/* Intervention blocks cycle through these, by type. */
static const Rgb *const iv_palette[] = {
  &oi_orange, &oi_sky, &oi_green, &oi_yellow, &oi_purple, &oi_vermillion, &oi_blue,
};
#define N_IV_COLOURS G_N_ELEMENTS (iv_palette)

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
  N_COLOURS = COL_IV_BLOCK + N_IV_COLOURS,
};

static void
set_colour (int index, const Rgb *rgb, double alpha)
{
  plscol0a (index, rgb->r, rgb->g, rgb->b, alpha);
}

static void
setup_colours (const GtwFigureOptions *options)
{
  static const Rgb light_bg = { 0xFF, 0xFF, 0xFF }, light_fg = { 0x1E, 0x1E, 0x1E };
  static const Rgb dark_bg = { 0x24, 0x24, 0x24 }, dark_fg = { 0xF2, 0xF2, 0xF2 };
  static const Rgb grey = { 0x80, 0x80, 0x80 };
  const Rgb *bg = options->dark ? &dark_bg : &light_bg;
  const Rgb *fg = options->dark ? &dark_fg : &light_fg;
  /* the blue of the palette is too dark on a dark background; the last panel (beta-cell mass,
   * or insulin secretion in the day view) stays clear of the orange of the differences */
  const Rgb *glucose = options->dark ? &oi_sky : &oi_blue;

  plscmap0n (N_COLOURS);
  set_colour (COL_BG, bg, 1.0);
  set_colour (COL_FG, fg, 1.0);
  set_colour (COL_GRID, fg, 0.12);
  set_colour (COL_THRESHOLD, fg, 0.55);
  set_colour (COL_BASELINE, options->dark ? fg : &grey, 0.75);
  set_colour (COL_DIFF, &oi_orange, 0.35);
  set_colour (COL_BAND, options->dark ? &oi_blue : &oi_sky, 0.35);
  set_colour (COL_EVENT_BAND, &oi_yellow, 0.30);
  set_colour (COL_EVENT_BLOCK, &oi_yellow, 0.85);
  set_colour (COL_HALO, bg, 0.75);

  set_colour (COL_SERIES + 0, glucose, 1.0);
  set_colour (COL_SERIES + 1, &oi_vermillion, 1.0);
  set_colour (COL_SERIES + 2, &oi_purple, 1.0);
  set_colour (COL_SERIES + 3, &oi_green, 1.0);

  for (guint i = 0; i < N_IV_COLOURS; i++)
    {
      set_colour (COL_IV_BAND + i, iv_palette[i], options->dark ? 0.08 : 0.13);
      set_colour (COL_IV_BLOCK + i, iv_palette[i], 0.60);
    }
}

/* ---------------------------------------------------------------------------------------- */
/* Layout                                                                                   */

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
} Layout;

static double
px_to_mm (double px)
{
  return px * 25.4 / 72.0;
}

/* Rough advance of @s at @scale of the text height: PLplot cannot measure strings, and
 * DejaVu Sans averages about 0.55 em per character. */
static double
text_width (const Layout *layout, const char *s, double scale)
{
  return g_utf8_strlen (s, -1) * 0.55 * layout->text * scale;
}

/* The 1, 2, 5 x 10^k step nearest to range / target (no 2.5: PLplot would round its labels). */
static double
nice_step (double range, double target)
{
  double raw = range / target;
  double mag, norm;

  if (!(raw > 0) || !isfinite (raw))
    return 1;
  mag = pow (10, floor (log10 (raw)));
  norm = raw / mag;
  if (norm < 1.5)
    return mag;
  if (norm < 3.2)
    return 2 * mag;
  if (norm < 7.5)
    return 5 * mag;
  return 10 * mag;
}

/* The next step of the 1, 2, 5 x 10^k series. */
static double
next_step (double step)
{
  double mag = pow (10, floor (log10 (step) + 1e-9));
  double norm = step / mag;

  return (norm < 1.5 ? 2 : norm < 3.5 ? 5 : 10) * mag;
}

/* Rounds the data range out to whole ticks, about four of them per panel, and fewer when the
 * panel is too short for their labels to stand apart. */
static void
panel_set_range (Panel *panel, double lo, double hi, gboolean from_zero, double text)
{
  double span;
  double max_intervals = MAX (floor ((panel->bottom - panel->top) / (text * 1.5)), 1);

  if (!isfinite (lo) || !isfinite (hi))
    lo = 0, hi = 1;
  if (from_zero || lo < 0)
    lo = MIN (0, lo);
  if (hi - lo < 1e-9)
    hi = lo + MAX (fabs (lo) * 0.1, 1e-3);
  span = hi - lo;
  panel->ystep = nice_step (span * 1.05, 4);
  panel->ymin = floor ((from_zero ? lo : lo - span * 0.04) / panel->ystep) * panel->ystep;
  if (from_zero && lo >= 0)
    panel->ymin = MAX (panel->ymin, 0);
  panel->ymax = ceil ((hi + span * 0.04) / panel->ystep) * panel->ystep;
  if ((panel->ymax - panel->ymin) / panel->ystep > max_intervals + 0.5)
    {
      panel->ystep = next_step (panel->ystep);
      panel->ymin = floor ((from_zero ? lo : lo - span * 0.04) / panel->ystep) * panel->ystep;
      if (from_zero && lo >= 0)
        panel->ymin = MAX (panel->ymin, 0);
      panel->ymax = ceil ((hi + span * 0.04) / panel->ystep) * panel->ystep;
    }
}

/* The text height and the horizontal extent of the plot areas, which depend on the size and
 * the font scale only. */
static void
plot_edges (const GtwFigureOptions *options,
            gboolean                right_axis,
            double                 *text,
            double                 *left,
            double                 *right)
{
  double scale = options->font_scale > 0 ? options->font_scale : 1.0;

  *text = CLAMP (MIN (options->width, options->height * 1.25) / 56.0, 10.0, 30.0) * scale;
  /* tick labels plus a two-line rotated title (see draw_axes) */
  *left = *text * (TITLE_CENTRE + 1.0);
  *right = options->width - *text * (right_axis ? RIGHT_UNIT_CENTRE + 1.0 : 2.0);
}

/* The decade and year views carry the beta-cell mass in mg on a right axis. */
static gboolean
view_has_right_axis (GtwFigureView view)
{
  return view != GTW_FIGURE_VIEW_DAY;
}

void
gtw_figure_get_plot_edges (const GtwFigureOptions *options,
                           double                 *left,
                           double                 *right)
{
  double text, l, r;

  g_return_if_fail (options != NULL);

  plot_edges (options, view_has_right_axis (options->view), &text, &l, &r);
  if (left != NULL)
    *left = l;
  if (right != NULL)
    *right = r;
}

static void
layout_init (Layout                 *layout,
             const GtwFigureOptions *options,
             double                  x0,
             double                  x1,
             guint                   n_legend_rows,
             guint                   n_lanes,
             gboolean                right_axis)
{
  double plot_top, plot_bottom, gap, panel_height;

  memset (layout, 0, sizeof *layout);
  layout->options = options;
  layout->width = options->width;
  layout->height = options->height;
  layout->x0 = x0;
  layout->x1 = x1 > x0 ? x1 : x0 + 1;
  layout->right_axis = right_axis;
  plot_edges (options, right_axis, &layout->text, &layout->left, &layout->right);
  layout->columns = (guint) MAX (layout->right - layout->left, 1);
  layout->xstep = nice_step (layout->x1 - layout->x0, MAX (layout->columns / (layout->text * 6), 2));

  /* title line, legend rows, then the lanes */
  layout->n_lanes = MIN (n_lanes, MAX_LANES);
  layout->lane_height = layout->text * 1.6;
  layout->legend_top = layout->text * 2.3;
  layout->lanes_top = layout->legend_top + MAX (n_legend_rows, 1) * LEGEND_ROW * layout->text
                      + layout->text * 0.4;
  plot_top = layout->lanes_top + layout->n_lanes * layout->lane_height
             + (layout->n_lanes > 0 ? layout->text * 0.6 : 0);
  plot_bottom = layout->height - layout->text * 3.4;
  gap = layout->text * 1.1;
  panel_height = (plot_bottom - plot_top - gap * (N_PANELS - 1)) / N_PANELS;

  for (guint i = 0; i < N_PANELS; i++)
    {
      layout->panels[i].top = plot_top + i * (panel_height + gap);
      layout->panels[i].bottom = layout->panels[i].top + panel_height;
    }
}

static gboolean
layout_fits (const Layout *layout)
{
  return layout->right - layout->left > 40 && layout->panels[0].bottom - layout->panels[0].top > 20;
}

/* Hands the caller where the panels went; @days_per_x converts world x back to days. */
static void
layout_store_geometry (const Layout *layout, double day_offset, double days_per_x)
{
  GtwFigureGeometry *g = layout->options->geometry;

  if (g == NULL)
    return;
  g->left = layout->left;
  g->right = layout->right;
  g->first_day = day_offset + layout->x0 * days_per_x;
  g->last_day = day_offset + layout->x1 * days_per_x;
  for (guint i = 0; i < N_PANELS; i++)
    {
      g->panels[i].top = layout->panels[i].top;
      g->panels[i].bottom = layout->panels[i].bottom;
      g->panels[i].ymin = layout->panels[i].ymin;
      g->panels[i].ymax = layout->panels[i].ymax;
    }
}

/* Sets the PLplot viewport to the pixel rectangle and its world window. */
static void
viewport (const Layout *layout, double top, double bottom, double ymin, double ymax)
{
  plsvpa (px_to_mm (layout->left), px_to_mm (layout->right), px_to_mm (layout->height - bottom),
          px_to_mm (layout->height - top));
  plwind (layout->x0, layout->x1, ymin, ymax);
}

static void
panel_viewport (const Layout *layout, guint i)
{
  const Panel *p = &layout->panels[i];

  viewport (layout, p->top, p->bottom, p->ymin, p->ymax);
}

/* ---------------------------------------------------------------------------------------- */
/* Decimation                                                                               */

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

static void
points_clear (Points *points)
{
  g_clear_pointer (&points->x, g_free);
  g_clear_pointer (&points->y, g_free);
  points->n = 0;
}

static void
points_add (Points *points, double x, double y)
{
  points->x[points->n] = x;
  points->y[points->n] = y;
  points->n++;
}

/* Drops the points that a straight segment passes within a fraction of a pixel of: smooth
 * stretches of a long run then cost a handful of segments instead of two per pixel column,
 * and stroking and filling get several times cheaper. The slopes from the last point kept that
 * pass near every point since form an interval (Zhao & Saalfeld's sleeve, in slopes since x
 * never decreases) that narrows point by point; when the next point leaves it, the one before
 * is kept. Steep steps (less than the tolerance apart in x) are always kept. */
#define SIMPLIFY_PX 0.3

static void
simplify (Points *p, const Layout *layout, const Panel *panel)
{
  double sx = layout->columns / (layout->x1 - layout->x0);
  double sy = (panel->bottom - panel->top) / (panel->ymax - panel->ymin);
  double lo = -INFINITY, hi = INFINITY;
  guint anchor = 0, kept = 1;

  if (p->n < 3 || !isfinite (sy))
    return;
  for (guint i = 1; i < p->n; i++)
    {
      double dx = (p->x[i] - p->x[anchor]) * sx, dy = (p->y[i] - p->y[anchor]) * sy;
      double slope, slack;

      if (dx * dx + dy * dy <= SIMPLIFY_PX * SIMPLIFY_PX)
        continue;
      if (dx >= SIMPLIFY_PX)
        {
          slope = dy / dx;
          if (slope >= lo && slope <= hi)
            {
              /* the line of slope s misses the point by |dy - s dx| / sqrt (1 + s^2) */
              slack = SIMPLIFY_PX * sqrt (dx * dx + dy * dy) / (dx * dx);
              lo = MAX (lo, slope - slack);
              hi = MIN (hi, slope + slack);
              continue;
            }
        }
      /* keep the previous point (or this steep one) and start afresh from it */
      anchor = i - 1 > anchor ? i - 1 : i;
      p->x[kept] = p->x[anchor];
      p->y[kept] = p->y[anchor];
      kept++;
      lo = -INFINITY, hi = INFINITY;
      if (anchor != i)
        i--; /* measure this point again from the new anchor */
    }
  if (anchor != p->n - 1)
    {
      p->x[kept] = p->x[p->n - 1];
      p->y[kept] = p->y[p->n - 1];
      kept++;
    }
  p->n = kept;
}

/* At most two points per pixel column, whatever @n is, then simplified in the pixels of
 * @panel. NaNs are skipped. */
static Points
decimate (const Layout *layout, const Panel *panel, const double *x, const double *y, guint n,
          Pick pick)
{
  Points out = { 0 };
  double scale = layout->columns / (layout->x1 - layout->x0);
  gint64 column = G_MININT64;
  guint lo = 0, hi = 0, count = 0;
  double sum_x = 0, sum_y = 0;

  out.x = g_new (double, 2 * (gsize) MIN (n, layout->columns + 2) + 2);
  out.y = g_new (double, 2 * (gsize) MIN (n, layout->columns + 2) + 2);

  for (guint i = 0; i <= n; i++)
    {
      gint64 c = G_MAXINT64;

      if (i < n)
        {
          if (!isfinite (y[i]))
            continue;
          double column_x = (x[i] - layout->x0) * scale;

          /* truncation is floor for the visible columns, and much cheaper */
          c = column_x >= 0 ? (gint64) column_x : (gint64) floor (column_x);
          if (c == column)
            {
              if (y[i] < y[lo])
                lo = i;
              if (y[i] > y[hi])
                hi = i;
              sum_x += x[i], sum_y += y[i], count++;
              continue;
            }
        }

      /* flush the finished column */
      if (count > 0)
        {
          switch (pick)
            {
            case PICK_MINMAX:
              points_add (&out, x[MIN (lo, hi)], y[MIN (lo, hi)]);
              if (lo != hi)
                points_add (&out, x[MAX (lo, hi)], y[MAX (lo, hi)]);
              break;
            case PICK_MIN:
              points_add (&out, x[lo], y[lo]);
              break;
            case PICK_MAX:
              points_add (&out, x[hi], y[hi]);
              break;
            case PICK_MEAN:
              points_add (&out, sum_x / count, sum_y / count);
              break;
            default:
              g_assert_not_reached ();
            }
        }
      if (i == n)
        break;
      column = c;
      lo = hi = i;
      sum_x = x[i], sum_y = y[i], count = 1;
    }

  simplify (&out, layout, panel);
  return out;
}

static void
draw_line (const Layout *layout,
           const Panel  *panel,
           const double *x,
           const double *y,
           guint         n,
           int           colour,
           double        width)
{
  Points p = decimate (layout, panel, x, y, n, PICK_MINMAX);

  if (p.n > 1)
    {
      plcol0 (colour);
      plwidth (width);
      plline ((PLINT) p.n, p.x, p.y);
    }
  points_clear (&p);
}

/* Fills between @upper and @lower. */
static void
fill_between (const Layout *layout,
              const Panel  *panel,
              const double *x,
              const double *upper,
              const double *lower,
              guint         n,
              Pick          pick_upper,
              Pick          pick_lower,
              int           colour)
{
  Points up = decimate (layout, panel, x, upper, n, pick_upper);
  Points down = decimate (layout, panel, x, lower, n, pick_lower);
  guint total = up.n + down.n;

  if (up.n > 1 && down.n > 1)
    {
      g_autofree double *px = g_new (double, total);
      g_autofree double *py = g_new (double, total);

      memcpy (px, up.x, up.n * sizeof (double));
      memcpy (py, up.y, up.n * sizeof (double));
      for (guint i = 0; i < down.n; i++)
        {
          px[up.n + i] = down.x[down.n - 1 - i];
          py[up.n + i] = down.y[down.n - 1 - i];
        }
      plcol0 (colour);
      plfill ((PLINT) total, px, py);
    }
  points_clear (&up);
  points_clear (&down);
}

static void
fill_rect (double x0, double x1, double y0, double y1, int colour)
{
  PLFLT x[4] = { x0, x1, x1, x0 };
  PLFLT y[4] = { y0, y0, y1, y1 };

  plcol0 (colour);
  plfill (4, x, y);
}

/* ---------------------------------------------------------------------------------------- */
/* Axes, labels, legend                                                                     */

/* PLplot measures plmtex distances in its character height, which Pango renders 96/72 larger
 * than PLplot expects: convert from text heights as drawn. */
static double
disp (double text_heights, double scale)
{
  return text_heights / (0.75 * scale);
}

static void
set_text_scale (const Layout *layout, double scale)
{
  /* Pango renders PLplot's point sizes at 96 DPI */
  plschr (layout->text * 25.4 / 96.0, scale);
}

static void
draw_grid (const Layout *layout, guint i)
{
  plcol0 (COL_GRID);
  plwidth (1.0);
  pllsty (1);
  plbox ("g", layout->xstep, 0, "g", layout->panels[i].ystep, 0);
}

static void
draw_axes (const Layout *layout, guint i, const char *title, const char *unit, gboolean custom_x)
{
  const Panel *p = &layout->panels[i];
  gboolean bottom = i == N_PANELS - 1;
  const char *xopt = bottom ? (custom_x ? "bcnsto" : "bcnst") : "bcst";
  /* the decade view's last panel has its own right axis (mg), drawn later */
  const char *yopt = bottom && layout->right_axis ? "bnstv" : "bcnstv";

  plcol0 (COL_FG);
  plwidth (1.2);
  pllsty (1);
  set_text_scale (layout, 1.0);
  plbox (xopt, layout->xstep, 2, yopt, p->ystep, 2);
  set_text_scale (layout, 1.05);
  plmtex ("l", disp (TITLE_CENTRE, 1.05), 0.5, 0.5, title);
  set_text_scale (layout, 0.9);
  plmtex ("l", disp (UNIT_CENTRE, 0.9), 0.5, 0.5, unit);
  set_text_scale (layout, 1.0);
}

static void
draw_x_label (const Layout *layout, const char *label)
{
  panel_viewport (layout, N_PANELS - 1);
  plcol0 (COL_FG);
  set_text_scale (layout, 1.0);
  plmtex ("b", disp (2.4, 1.0), 0.5, 0.5, label);
}

static void
draw_title (const Layout *layout, const char *title)
{
  if (title == NULL || *title == '\0')
    return;
  viewport (layout, 0, layout->text * 2.2, 0, 1);
  plcol0 (COL_FG);
  set_text_scale (layout, 1.3);
  plptex (layout->x0, 0.5, 1, 0, 0, title);
  set_text_scale (layout, 1.0);
}

typedef enum
{
  KEY_LINE,
  KEY_DASHED,
  KEY_BOX,
} KeyKind;

typedef struct
{
  KeyKind     kind;
  int         colour;
  const char *label;
} Key;

static double
key_width (const Layout *layout, const Key *key)
{
  return layout->text * (2.2 + 0.4) + text_width (layout, key->label, 0.95);
}

/* Rows of keys under the title, left to right, wrapping at the plot width; returns the rows. */
static guint
place_legend (const Layout *layout, const Key *keys, guint n_keys, double *x, guint *row)
{
  double at = layout->left;
  guint r = 0;

  for (guint i = 0; i < n_keys; i++)
    {
      double w = key_width (layout, &keys[i]);

      if (at > layout->left && at + w > layout->right)
        at = layout->left, r++;
      x[i] = at;
      row[i] = r;
      at += w + layout->text * 1.2;
    }
  return r + 1;
}

static void
draw_legend (const Layout *layout, const Key *keys, guint n_keys)
{
  double sample = layout->text * 2.2;
  double per_px = (layout->x1 - layout->x0) / (layout->right - layout->left);
  double x[8];
  guint row[8], n_rows;

  g_assert (n_keys <= G_N_ELEMENTS (x));
  n_rows = place_legend (layout, keys, n_keys, x, row);
  viewport (layout, layout->legend_top, layout->legend_top + n_rows * LEGEND_ROW * layout->text, n_rows, 0);
  set_text_scale (layout, 0.95);
  for (guint i = 0; i < n_keys; i++)
    {
      double wx0 = layout->x0 + (x[i] - layout->left) * per_px;
      double wx1 = wx0 + sample * per_px;
      double yc = row[i] + 0.5;
      PLFLT lx[2] = { wx0, wx1 }, ly[2] = { yc, yc };

      switch (keys[i].kind)
        {
        case KEY_BOX:
          fill_rect (wx0, wx1, yc - 0.3, yc + 0.3, keys[i].colour);
          break;
        case KEY_DASHED:
          pllsty (2);
          G_GNUC_FALLTHROUGH;
        case KEY_LINE:
          plcol0 (keys[i].colour);
          plwidth (keys[i].kind == KEY_LINE ? 3.0 : 1.5);
          plline (2, lx, ly);
          pllsty (1);
          break;
        default:
          g_assert_not_reached ();
        }
      plcol0 (COL_FG);
      plptex (wx1 + layout->text * 0.4 * per_px, yc, 1, 0, 0, keys[i].label);
    }
  set_text_scale (layout, 1.0);
}

/* ---------------------------------------------------------------------------------------- */
/* Lanes: labelled blocks above the panels (interventions, or the events of a day)          */

typedef struct
{
  double      x0, x1; /* world */
  int         band_colour;  /* the translucent band through the panels, -1 for none */
  int         block_colour;
  char       *label;
  gboolean    marker;       /* a triangle at x0 instead of a block */
  guint       lane;
} Block;

static void
block_clear (gpointer data)
{
  Block *block = data;

  g_free (block->label);
}

static GArray *
blocks_new (void)
{
  GArray *blocks = g_array_new (FALSE, TRUE, sizeof (Block));

  g_array_set_clear_func (blocks, block_clear);
  return blocks;
}

/* Greedy lanes: a block takes the first lane that is free where it starts, counting its label
 * as part of it so that labels never overlap. Returns the number of lanes used. */
static guint
assign_lanes (const Layout *layout, GArray *blocks)
{
  double end[MAX_LANES];
  double per_world = (layout->right - layout->left) / (layout->x1 - layout->x0);
  guint n_lanes = 0;

  for (guint i = 0; i < blocks->len; i++)
    {
      Block *b = &g_array_index (blocks, Block, i);
      double start = (b->x0 - layout->x0) * per_world;
      double extent = MAX ((b->x1 - b->x0) * per_world,
                           text_width (layout, b->label, 0.9) + layout->text * (b->marker ? 1.2 : 0.8));
      guint lane = 0;

      while (lane < n_lanes && end[lane] > start)
        lane++;
      if (lane == MAX_LANES)
        lane = i % MAX_LANES;
      if (lane == n_lanes)
        n_lanes++;
      end[lane] = start + extent + layout->text * 0.5;
      b->lane = lane;
    }
  return n_lanes;
}

static int
compare_blocks (gconstpointer a, gconstpointer b)
{
  const Block *ba = a, *bb = b;

  return (ba->x0 > bb->x0) - (ba->x0 < bb->x0);
}

static void
draw_block_bands (const Layout *layout, guint panel, GArray *blocks)
{
  const Panel *p = &layout->panels[panel];

  for (guint i = 0; i < blocks->len; i++)
    {
      const Block *b = &g_array_index (blocks, Block, i);

      if (b->band_colour >= 0)
        fill_rect (MAX (b->x0, layout->x0), MIN (b->x1, layout->x1), p->ymin, p->ymax,
                   b->band_colour);
    }
}

static void
draw_lanes (const Layout *layout, GArray *blocks)
{
  double per_px = (layout->x1 - layout->x0) / (layout->right - layout->left);

  if (layout->n_lanes == 0)
    return;

  viewport (layout, layout->lanes_top, layout->lanes_top + layout->n_lanes * layout->lane_height, 0,
            layout->n_lanes);
  set_text_scale (layout, 0.9);
  for (guint i = 0; i < blocks->len; i++)
    {
      const Block *b = &g_array_index (blocks, Block, i);
      double y0 = layout->n_lanes - b->lane - 1;
      double x0 = MAX (b->x0, layout->x0), x1 = MIN (b->x1, layout->x1);
      double label_x = x0 + layout->text * 0.35 * per_px;
      double just = 0;

      if (b->lane >= layout->n_lanes)
        continue;
      if (b->marker)
        {
          double half = layout->text * 0.45 * per_px;
          PLFLT tx[3] = { x0 - half, x0 + half, x0 };
          PLFLT ty[3] = { y0 + 0.82, y0 + 0.82, y0 + 0.18 };

          plcol0 (b->block_colour);
          plfill (3, tx, ty);
          label_x = x0 + half + layout->text * 0.25 * per_px;
        }
      else
        fill_rect (x0, x1, y0 + 0.1, y0 + 0.9, b->block_colour);

      /* keep labels of late blocks inside the figure */
      if (label_x + text_width (layout, b->label, 0.9) * per_px > layout->x1)
        {
          label_x = b->marker ? x0 - layout->text * 0.7 * per_px : layout->x1 - layout->text * 0.2 * per_px;
          just = 1;
        }
      plcol0 (COL_FG);
      plptex (label_x, y0 + 0.5, 1, 0, just, b->label);
    }
  set_text_scale (layout, 1.0);
}

/* Legend rows and lanes depend on the text size, which the layout sets. */
static void
layout_init_full (Layout                 *layout,
                  const GtwFigureOptions *options,
                  double                  x0,
                  double                  x1,
                  const Key              *keys,
                  guint                   n_keys,
                  GArray                 *blocks,
                  gboolean                right_axis)
{
  Layout probe;
  double x[8];
  guint row[8], n_rows, n_lanes;

  g_assert (n_keys <= G_N_ELEMENTS (x));
  layout_init (&probe, options, x0, x1, 1, 0, right_axis);
  n_rows = place_legend (&probe, keys, n_keys, x, row);
  n_lanes = assign_lanes (&probe, blocks);
  layout_init (layout, options, x0, x1, n_rows, n_lanes, right_axis);
}

/* ---------------------------------------------------------------------------------------- */
/* Stream handling                                                                          */

gboolean
gtw_figure_available (GError **error)
{
  static int available = -1;

  if (available < 0)
    {
      const char *menus[128], *names[128];
      const char **pm = menus, **pn = names;
      int n = G_N_ELEMENTS (names);

      available = 0;
      plgDevs (&pm, &pn, &n);
      for (int i = 0; i < n; i++)
        if (g_strcmp0 (names[i], "extcairo") == 0)
          available = 1;
    }

  if (!available)
    g_set_error_literal (error, GTW_FIGURE_ERROR, GTW_FIGURE_ERROR_UNAVAILABLE,
                         _("PLplot has no extcairo device: install the PLplot cairo driver "
                           "(Debian: plplot-driver-cairo)"));
  return available;
}

void
gtw_figure_options_init (GtwFigureOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->view = GTW_FIGURE_VIEW_DECADE;
  options->width = 1000;
  options->height = 800;
  options->glucose_unit = GTW_GLUCOSE_MMOL;
  options->insulin_unit = GTW_INSULIN_PMOL;
  options->cpeptide_unit = GTW_CPEPTIDE_NMOL;
  options->show_baseline = TRUE;
  options->show_band = TRUE;
  options->font_scale = 1.0;
}

static void
paint_background (cairo_t *cr, const GtwFigureOptions *options)
{
  if (options->dark)
    cairo_set_source_rgb (cr, 0x24 / 255.0, 0x24 / 255.0, 0x24 / 255.0);
  else
    cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
}

/* The stack-notes recipe: a fresh stream per draw, extcairo on @cr. Returns FALSE (having
 * painted only the background) when the figure is too small to hold its panels. */
static void
begin_stream (cairo_t *cr, const GtwFigureOptions *options)
{
  PLINT stream;
  char geometry[64];

  g_snprintf (geometry, sizeof geometry, "%dx%d", options->width, options->height);
  plmkstrm (&stream);
  plsdev ("extcairo");
  plsetopt ("geometry", geometry);
  plinit ();
  cairo_save (cr);
  paint_background (cr, options);
  pl_cmd (PLESC_DEVINIT, cr);
  pladv (0);
  setup_colours (options);
  plsmaj (0, 1.3);
  plsmin (0, 1.0);
}

static void
end_stream (cairo_t *cr)
{
  plend1 ();
  cairo_restore (cr);
}

static gboolean
check_draw_args (cairo_t *cr, const GtwFigureOptions *options, GError **error)
{
  if (!gtw_figure_available (error))
    return FALSE;
  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, GTW_FIGURE_ERROR, GTW_FIGURE_ERROR_FAILED, "cairo: %s",
                   cairo_status_to_string (cairo_status (cr)));
      return FALSE;
    }
  return TRUE;
}

static gboolean
too_small (cairo_t *cr, const GtwFigureOptions *options)
{
  if (options->width >= MIN_SIZE_PX && options->height >= MIN_SIZE_PX)
    return FALSE;
  cairo_save (cr);
  paint_background (cr, options);
  cairo_restore (cr);
  return TRUE;
}

/* ---------------------------------------------------------------------------------------- */
/* Shared panel drawing                                                                     */

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

static void
minmax_update (const double *y, guint n, double *lo, double *hi)
{
  if (y == NULL)
    return;
  for (guint i = 0; i < n; i++)
    if (isfinite (y[i]))
      {
        *lo = MIN (*lo, y[i]);
        *hi = MAX (*hi, y[i]);
      }
}

static void
series_range (const Layout *layout,
              Panel        *panel,
              const Series *s,
              guint         n,
              guint         n_base,
              const double *extra,
              guint         n_extra)
{
  double lo = INFINITY, hi = -INFINITY;

  minmax_update (s->y, n, &lo, &hi);
  minmax_update (s->band_lo, n, &lo, &hi);
  minmax_update (s->band_hi, n, &lo, &hi);
  minmax_update (s->base, n_base, &lo, &hi);
  minmax_update (extra, n_extra, &lo, &hi);
  panel_set_range (panel, lo, hi, s->from_zero, layout->text);
}

static void
draw_series (const Layout *layout,
             guint         i,
             const Series *s,
             const double *x,
             guint         n,
             const double *xb,
             guint         n_base)
{
  const Panel *panel = &layout->panels[i];
  double line_width = MAX (2.0, layout->text / 7.0);

  if (s->band_lo != NULL && s->band_hi != NULL)
    fill_between (layout, panel, x, s->band_hi, s->band_lo, n, PICK_MAX, PICK_MIN, COL_BAND);
  if (s->base != NULL)
    {
      guint common = MIN (n, n_base);

      fill_between (layout, panel, x, s->y, s->base, common, PICK_MEAN, PICK_MEAN, COL_DIFF);
      draw_line (layout, panel, xb, s->base, n_base, COL_BASELINE, line_width * 0.8);
    }
  draw_line (layout, panel, x, s->y, n, COL_SERIES + i, line_width);
}

/* A dashed line across the panel, labelled at its right end above (or below) the line. */
static void
draw_threshold (const Layout *layout, guint i, double value, const char *label, gboolean above)
{
  const Panel *p = &layout->panels[i];
  PLFLT x[2] = { layout->x0, layout->x1 }, y[2] = { value, value };
  double per_px = (p->ymax - p->ymin) / (p->bottom - p->top);
  double per_x_px = (layout->x1 - layout->x0) / (layout->right - layout->left);
  double label_x, label_y, half_height;

  if (value <= p->ymin || value >= p->ymax)
    return;
  /* a label that would leave the panel goes to the other side of its line */
  if (above && value + layout->text * 1.1 * per_px > p->ymax)
    above = FALSE;
  else if (!above && value - layout->text * 1.1 * per_px < p->ymin)
    above = TRUE;
  plcol0 (COL_THRESHOLD);
  plwidth (1.3);
  pllsty (2);
  plline (2, x, y);
  pllsty (1);

  /* the label sits on a veil of the background, to be read across the curves */
  label_x = layout->x1 - (layout->x1 - layout->x0) * 0.005;
  label_y = value + (above ? 1 : -1) * layout->text * 0.5 * per_px;
  half_height = layout->text * 0.42 * per_px; /* clear of the line, 0.5 text away */
  fill_rect (label_x - (text_width (layout, label, 0.85) + layout->text * 0.3) * per_x_px,
             label_x + layout->text * 0.15 * per_x_px, label_y - half_height,
             label_y + half_height, COL_HALO);
  plcol0 (COL_THRESHOLD);
  set_text_scale (layout, 0.85);
  plptex (label_x, label_y, 1, 0, 1, label);
  set_text_scale (layout, 1.0);
}

/* ---------------------------------------------------------------------------------------- */
/* The decade view                                                                          */

static char *
intervention_label (const GtwIntervention *iv)
{
  const GtwInterventionClass *klass = gtw_intervention_class (iv->type);

  return g_strdup (klass != NULL ? _(klass->label) : "?");
}

/* The interventions that overlap [first_day, last_day], in world x of @days_per_x. */
static GArray *
intervention_blocks (const GtwScenario *scenario,
                     double             first_day,
                     double             last_day,
                     double             days_per_x)
{
  GArray *blocks = blocks_new ();

  if (scenario == NULL || scenario->interventions == NULL)
    return blocks;

  for (guint i = 0; i < scenario->interventions->len; i++)
    {
      const GtwIntervention *iv = &g_array_index (scenario->interventions, GtwIntervention, i);
      int end = iv->end_day < 0 ? scenario->duration_days : MIN (iv->end_day + 1, scenario->duration_days);
      Block b = { 0 };

      if (iv->start_day >= scenario->duration_days || iv->start_day >= last_day || end <= first_day)
        continue;
      b.x0 = iv->start_day / days_per_x;
      b.x1 = MAX (end, iv->start_day + 1) / days_per_x;
      b.band_colour = COL_IV_BAND + (int) iv->type % N_IV_COLOURS;
      b.block_colour = COL_IV_BLOCK + (int) iv->type % N_IV_COLOURS;
      b.label = intervention_label (iv);
      g_array_append_val (blocks, b);
    }
  g_array_sort (blocks, compare_blocks);
  return blocks;
}

typedef struct
{
  guint   n;
  double *x;
  double *glucose, *glucose_min, *glucose_max, *insulin, *cpeptide, *beta;
  double  beta_mg_per_rel;
} DecadeData;

/* The days of [first_day, last_day] filled so far, with one more on each side so that lines
 * reach the plot edges. Trace and baseline load from the same first day, index for index. */
static void
decade_data_load (DecadeData             *d,
                  const GtwTrace         *trace,
                  const GtwFigureOptions *options,
                  double                  first_day,
                  double                  last_day,
                  double                  days_per_x)
{
  guint filled = gtw_trace_get_n_days (trace);
  guint start = (guint) CLAMP (floor (first_day) - 1, 0, filled);
  guint end = (guint) CLAMP (ceil (last_day) + 2, start, filled);

  d->n = end - start;
  d->x = g_new (double, d->n);
  d->glucose = g_new (double, d->n);
  d->glucose_min = g_new (double, d->n);
  d->glucose_max = g_new (double, d->n);
  d->insulin = g_new (double, d->n);
  d->cpeptide = g_new (double, d->n);
  d->beta = g_new (double, d->n);
  d->beta_mg_per_rel = DEFAULT_BETA_CELL_MG;

  for (guint i = 0; i < d->n; i++)
    {
      const GtwDayRecord *r = gtw_trace_get_day (trace, start + i);

      d->x[i] = r->day / days_per_x;
      d->glucose[i] = gtw_glucose_convert (r->fasting_glucose, options->glucose_unit);
      d->glucose_min[i] = gtw_glucose_convert (r->min_glucose, options->glucose_unit);
      d->glucose_max[i] = gtw_glucose_convert (r->max_glucose, options->glucose_unit);
      d->insulin[i] = gtw_insulin_convert (r->fasting_insulin, options->insulin_unit);
      d->cpeptide[i] = gtw_cpeptide_convert (r->fasting_cpeptide, options->cpeptide_unit);
      d->beta[i] = r->beta_cell_mass_rel * 100.0;
    }
  if (filled > 0)
    {
      const GtwDayRecord *r = gtw_trace_get_day (trace, 0);

      if (r->beta_cell_mass_rel > 0 && r->beta_cell_mass_mg > 0)
        d->beta_mg_per_rel = r->beta_cell_mass_mg / r->beta_cell_mass_rel;
    }
}

static void
decade_data_clear (DecadeData *d)
{
  g_free (d->x);
  g_free (d->glucose);
  g_free (d->glucose_min);
  g_free (d->glucose_max);
  g_free (d->insulin);
  g_free (d->cpeptide);
  g_free (d->beta);
  memset (d, 0, sizeof *d);
}

static void
draw_beta_cell_mg_axis (const Layout *layout, double mg_per_rel)
{
  const Panel *p = &layout->panels[N_PANELS - 1];
  double lo = p->ymin / 100.0 * mg_per_rel, hi = p->ymax / 100.0 * mg_per_rel;

  viewport (layout, p->top, p->bottom, lo, hi);
  plcol0 (COL_FG);
  set_text_scale (layout, 1.0);
  plbox ("", 0, 0, "cmstv", nice_step (hi - lo, 4), 2);
  set_text_scale (layout, 0.9);
  plmtex ("r", disp (RIGHT_UNIT_CENTRE, 0.9), 0.5, 0.5, "mg");
  set_text_scale (layout, 1.0);
}

static void
draw_decade (const Layout     *layout,
             const DecadeData *d,
             const DecadeData *b,
             Series            series[N_PANELS],
             GArray           *blocks,
             const char       *title,
             const char       *x_label,
             double            ada_ifg,
             double            ada_diabetes,
             const char       *ifg_label,
             const char       *diabetes_label)
{
  draw_title (layout, title);
  for (guint i = 0; i < N_PANELS; i++)
    {
      panel_viewport (layout, i);
      draw_block_bands (layout, i, blocks);
      draw_grid (layout, i);
      draw_series (layout, i, &series[i], d->x, d->n, b ? b->x : NULL, b ? b->n : 0);
      if (i == 0)
        {
          draw_threshold (layout, 0, ada_ifg, ifg_label, FALSE);
          draw_threshold (layout, 0, ada_diabetes, diabetes_label, TRUE);
        }
      draw_axes (layout, i, series[i].title, series[i].unit, FALSE);
    }
  draw_beta_cell_mg_axis (layout, d->beta_mg_per_rel);
  draw_x_label (layout, x_label);
  draw_lanes (layout, blocks);
}

gboolean
gtw_figure_draw_trace (cairo_t                *cr,
                       const GtwFigureOptions *options,
                       const GtwTrace         *trace,
                       const GtwTrace         *baseline,
                       GError                **error)
{
  const GtwScenario *scenario;
  DecadeData d = { 0 }, b = { 0 };
  g_autoptr (GArray) blocks = NULL;
  gboolean with_base;
  Layout layout;
  Series series[N_PANELS];
  double ifg, diabetes;
  g_autofree char *ifg_label = NULL, *diabetes_label = NULL;
  Key keys[5];
  guint n_keys = 0;
  const GtwFigureOptions *o = options;
  gboolean year_view;
  double days_per_x, first_day, last_day;

  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (trace != NULL, FALSE);

  if (!check_draw_args (cr, options, error))
    return FALSE;
  if (too_small (cr, options))
    return TRUE;

  scenario = gtw_trace_get_scenario (trace);
  year_view = options->view == GTW_FIGURE_VIEW_YEAR;
  days_per_x = year_view ? DAYS_PER_YEAR / 12 : DAYS_PER_YEAR;
  first_day = options->first_day;
  last_day = options->last_day;
  if (last_day <= first_day)
    first_day = 0, last_day = scenario->duration_days;

  /* without interventions the baseline is the scenario itself: nothing to compare */
  with_base = options->show_baseline && baseline != NULL && gtw_trace_has_interventions (trace);
  decade_data_load (&d, trace, options, first_day, last_day, days_per_x);
  if (with_base)
    decade_data_load (&b, baseline, options, first_day, last_day, days_per_x);

  blocks = intervention_blocks (scenario, first_day, last_day, days_per_x);

  keys[n_keys++] = (Key) { KEY_LINE, COL_SERIES, _("Fasting value") };
  if (options->show_band)
    keys[n_keys++] = (Key) { KEY_BOX, COL_BAND, _("Daily glucose range") };
  if (with_base)
    {
      keys[n_keys++] = (Key) { KEY_LINE, COL_BASELINE, _("Without interventions") };
      keys[n_keys++] = (Key) { KEY_BOX, COL_DIFF, _("Difference") };
    }
  keys[n_keys++] = (Key) { KEY_DASHED, COL_THRESHOLD, _("ADA thresholds") };

  begin_stream (cr, options);
  layout_init_full (&layout, options, first_day / days_per_x, last_day / days_per_x, keys, n_keys,
                    blocks, TRUE);

  series[0] = (Series) { _("Glucose"), gtw_glucose_unit_label (o->glucose_unit), d.glucose,
                         with_base ? b.glucose : NULL, o->show_band ? d.glucose_min : NULL,
                         o->show_band ? d.glucose_max : NULL, FALSE };
  series[1] = (Series) { _("Insulin"), gtw_insulin_unit_label (o->insulin_unit), d.insulin,
                         with_base ? b.insulin : NULL, NULL, NULL, TRUE };
  series[2] = (Series) { _("C-peptide"), gtw_cpeptide_unit_label (o->cpeptide_unit), d.cpeptide,
                         with_base ? b.cpeptide : NULL, NULL, NULL, TRUE };
  series[3] = (Series) { _("β-cell mass"), _("% of healthy"), d.beta,
                         with_base ? b.beta : NULL, NULL, NULL, TRUE };

  /* ADA 2024 fasting plasma glucose cut-offs, as published in each unit (not converted) */
  ifg = o->glucose_unit == GTW_GLUCOSE_MGDL ? 100 : 5.6;
  diabetes = o->glucose_unit == GTW_GLUCOSE_MGDL ? 126 : 7.0;
  {
    double thresholds[2] = { ifg, diabetes };

    series_range (&layout, &layout.panels[0], &series[0], d.n, b.n, thresholds, 2);
  }
  for (guint i = 1; i < N_PANELS; i++)
    series_range (&layout, &layout.panels[i], &series[i], d.n, b.n, NULL, 0);

  ifg_label = g_strdup_printf (_("impaired fasting glucose %.*f"), ifg < 50 ? 1 : 0, ifg);
  diabetes_label = g_strdup_printf (_("diabetes %.*f"), diabetes < 50 ? 1 : 0, diabetes);

  layout_store_geometry (&layout, 0, days_per_x);
  if (layout_fits (&layout))
    {
      draw_legend (&layout, keys, n_keys);
      draw_decade (&layout, &d, with_base ? &b : NULL, series, blocks,
                   options->title != NULL ? options->title : scenario->name,
                   year_view ? _("Time (months)") : _("Time (years)"), ifg, diabetes, ifg_label,
                   diabetes_label);
    }
  end_stream (cr);

  decade_data_clear (&d);
  decade_data_clear (&b);
  return TRUE;
}

/* ---------------------------------------------------------------------------------------- */
/* The day view                                                                             */

typedef struct
{
  guint   n;
  double *x;
  double *glucose, *insulin, *cpeptide, *isr;
} DayData;

static void
day_data_load (DayData *d, const GtwDayDetail *day, const GtwFigureOptions *options)
{
  d->n = day->minutes != NULL ? day->minutes->len : 0;
  d->x = g_new (double, d->n);
  d->glucose = g_new (double, d->n);
  d->insulin = g_new (double, d->n);
  d->cpeptide = g_new (double, d->n);
  d->isr = g_new (double, d->n);

  for (guint i = 0; i < d->n; i++)
    {
      const GtwMinuteRecord *m = &g_array_index (day->minutes, GtwMinuteRecord, i);

      d->x[i] = m->minute / 60.0;
      d->glucose[i] = gtw_glucose_convert (m->glucose, options->glucose_unit);
      d->insulin[i] = gtw_insulin_convert (m->insulin, options->insulin_unit);
      d->cpeptide[i] = gtw_cpeptide_convert (m->cpeptide, options->cpeptide_unit);
      d->isr[i] = m->isr;
    }
}

static void
day_data_clear (DayData *d)
{
  g_free (d->x);
  g_free (d->glucose);
  g_free (d->insulin);
  g_free (d->cpeptide);
  g_free (d->isr);
  memset (d, 0, sizeof *d);
}

static GArray *
event_blocks (const GtwDayDetail *day)
{
  GArray *blocks = blocks_new ();

  for (guint i = 0; day->events != NULL && i < day->events->len; i++)
    {
      const GtwDayEvent *e = &g_array_index (day->events, GtwDayEvent, i);
      Block b = { 0 };

      b.x0 = e->minute / 60.0;
      b.band_colour = -1;
      b.block_colour = COL_FG;
      b.marker = TRUE;
      switch (e->kind)
        {
        case GTW_EVENT_MEAL:
          b.label = g_strdup_printf (_("%.0f g"), e->amount);
          break;
        case GTW_EVENT_PROTEIN:
          b.label = g_strdup_printf (_("protein %.0f g"), e->amount);
          b.block_colour = COL_SERIES + 3;
          break;
        case GTW_EVENT_OGTT:
          b.label = g_strdup_printf (_("OGTT %.0f g"), e->amount);
          b.block_colour = COL_SERIES;
          break;
        case GTW_EVENT_EXERCISE:
          b.marker = FALSE;
          b.x1 = (e->minute + MAX (e->duration_min, 1)) / 60.0;
          b.band_colour = COL_EVENT_BAND;
          b.block_colour = COL_EVENT_BLOCK;
          b.label = g_strdup_printf (_("exercise %d min"), e->duration_min);
          break;
        default:
          b.label = g_strdup ("?");
          break;
        }
      if (b.marker)
        b.x1 = b.x0;
      g_array_append_val (blocks, b);
    }
  g_array_sort (blocks, compare_blocks);
  return blocks;
}

static void
clock_label_func (PLINT axis, PLFLT value, char *label, PLINT length, PLPointer data)
{
  g_snprintf (label, length, "%02ld:00", lround (value));
}

gboolean
gtw_figure_draw_day (cairo_t                *cr,
                     const GtwFigureOptions *options,
                     const GtwDayDetail     *day,
                     const GtwDayDetail     *baseline_day,
                     GError                **error)
{
  DayData d = { 0 }, b = { 0 };
  g_autoptr (GArray) blocks = NULL;
  gboolean with_base;
  Layout layout;
  Series series[N_PANELS];
  g_autofree char *title = NULL;
  Key keys[4];
  guint n_keys = 0;
  const GtwFigureOptions *o = options;

  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (day != NULL, FALSE);

  if (!check_draw_args (cr, options, error))
    return FALSE;
  if (day->minutes == NULL || day->minutes->len == 0)
    {
      g_set_error (error, GTW_FIGURE_ERROR, GTW_FIGURE_ERROR_NO_DATA, _("Day %d has no data"),
                   day->day);
      return FALSE;
    }
  if (too_small (cr, options))
    return TRUE;

  with_base = options->show_baseline && baseline_day != NULL && baseline_day->minutes != NULL;
  day_data_load (&d, day, options);
  if (with_base)
    day_data_load (&b, baseline_day, options);
  blocks = event_blocks (day);

  keys[n_keys++] = (Key) { KEY_LINE, COL_SERIES, _("This scenario") };
  if (with_base)
    {
      keys[n_keys++] = (Key) { KEY_LINE, COL_BASELINE, _("Without interventions") };
      keys[n_keys++] = (Key) { KEY_BOX, COL_DIFF, _("Difference") };
    }
  for (guint i = 0; i < blocks->len; i++)
    if (g_array_index (blocks, Block, i).band_colour == COL_EVENT_BAND)
      {
        keys[n_keys++] = (Key) { KEY_BOX, COL_EVENT_BAND, _("Exercise") };
        break;
      }

  begin_stream (cr, options);
  layout_init_full (&layout, options, 0, 24, keys, n_keys, blocks, FALSE);
  layout.xstep = layout.columns / layout.text > 45 ? 3 : 6;

  series[0] = (Series) { _("Glucose"), gtw_glucose_unit_label (o->glucose_unit), d.glucose,
                         with_base ? b.glucose : NULL, NULL, NULL, FALSE };
  series[1] = (Series) { _("Insulin"), gtw_insulin_unit_label (o->insulin_unit), d.insulin,
                         with_base ? b.insulin : NULL, NULL, NULL, TRUE };
  series[2] = (Series) { _("C-peptide"), gtw_cpeptide_unit_label (o->cpeptide_unit), d.cpeptide,
                         with_base ? b.cpeptide : NULL, NULL, NULL, TRUE };
  series[3] = (Series) { _("Secretion"), _("pmol/min"), d.isr, with_base ? b.isr : NULL, NULL,
                         NULL, TRUE };
  for (guint i = 0; i < N_PANELS; i++)
    series_range (&layout, &layout.panels[i], &series[i], d.n, b.n, NULL, 0);

  if (options->title != NULL)
    title = g_strdup_printf (_("%s: day %d"), options->title, day->day);
  else
    title = g_strdup_printf (_("Day %d"), day->day);

  layout_store_geometry (&layout, day->day, 1.0 / 24);
  if (layout_fits (&layout))
    {
      draw_title (&layout, title);
      draw_legend (&layout, keys, n_keys);
      plslabelfunc (clock_label_func, NULL);
      for (guint i = 0; i < N_PANELS; i++)
        {
          panel_viewport (&layout, i);
          draw_block_bands (&layout, i, blocks);
          draw_grid (&layout, i);
          draw_series (&layout, i, &series[i], d.x, d.n, b.x, b.n);
          draw_axes (&layout, i, series[i].title, series[i].unit, TRUE);
        }
      plslabelfunc (NULL, NULL);
      draw_x_label (&layout, _("Time of day"));
      draw_lanes (&layout, blocks);
    }
  end_stream (cr);

  day_data_clear (&d);
  day_data_clear (&b);
  return TRUE;
}

/* ---------------------------------------------------------------------------------------- */
/* Files                                                                                    */

typedef enum
{
  FORMAT_NONE,
  FORMAT_PNG,
  FORMAT_SVG,
  FORMAT_PDF,
} Format;

static Format
format_for_path (const char *path)
{
  const char *dot = strrchr (path, '.');

  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return FORMAT_NONE;
  if (g_ascii_strcasecmp (dot, ".png") == 0)
    return FORMAT_PNG;
  if (g_ascii_strcasecmp (dot, ".svg") == 0)
    return FORMAT_SVG;
  if (g_ascii_strcasecmp (dot, ".pdf") == 0)
    return FORMAT_PDF;
  return FORMAT_NONE;
}

gboolean
gtw_figure_format_supported (const char *path)
{
  g_return_val_if_fail (path != NULL, FALSE);

  return format_for_path (path) != FORMAT_NONE;
}

static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
draw_view (cairo_t                *cr,
           const GtwFigureOptions *options,
           const GtwTrace         *trace,
           const GtwTrace         *baseline,
           const GtwDayDetail     *day,
           const GtwDayDetail     *baseline_day,
           GError                **error)
{
  if (options->view == GTW_FIGURE_VIEW_DAY)
    {
      if (day == NULL)
        {
          g_set_error_literal (error, GTW_FIGURE_ERROR, GTW_FIGURE_ERROR_NO_DATA,
                               _("The day view needs a simulated day"));
          return FALSE;
        }
      return gtw_figure_draw_day (cr, options, day, baseline_day, error);
    }
  if (trace == NULL)
    {
      g_set_error_literal (error, GTW_FIGURE_ERROR, GTW_FIGURE_ERROR_NO_DATA,
                           _("The decade view needs a simulated run"));
      return FALSE;
    }
  return gtw_figure_draw_trace (cr, options, trace, baseline, error);
}

static gboolean
check_surface (cairo_surface_t *surface, GError **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, GTW_FIGURE_ERROR, GTW_FIGURE_ERROR_FAILED, "cairo: %s",
               cairo_status_to_string (status));
  return FALSE;
}

gboolean
gtw_figure_write_file (const char             *path,
                       const GtwFigureOptions *options,
                       const GtwTrace         *trace,
                       const GtwTrace         *baseline,
                       const GtwDayDetail     *day,
                       const GtwDayDetail     *baseline_day,
                       GError                **error)
{
  g_autoptr (GByteArray) bytes = NULL;
  cairo_surface_t *surface = NULL;
  cairo_t *cr;
  gboolean ok;
  Format format;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  format = format_for_path (path);
  if (format == FORMAT_NONE)
    {
      g_set_error (error, GTW_FIGURE_ERROR, GTW_FIGURE_ERROR_FORMAT,
                   _("%s: unknown figure format (use .png, .svg or .pdf)"), path);
      return FALSE;
    }
  if (!gtw_figure_available (error))
    return FALSE;

  bytes = g_byte_array_new ();
  switch (format)
    {
    case FORMAT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, options->width, options->height);
      break;
    case FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (append_bytes, bytes, options->width,
                                                     options->height);
      break;
    case FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, options->width,
                                                     options->height);
      break;
    case FORMAT_NONE:
    default:
      g_assert_not_reached ();
    }
  if (!check_surface (surface, error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }

  cr = cairo_create (surface);
  ok = draw_view (cr, options, trace, baseline, day, baseline_day, error);
  cairo_destroy (cr);

  if (ok && format == FORMAT_PNG)
    {
      cairo_status_t status = cairo_surface_write_to_png_stream (surface, append_bytes, bytes);

      if (status != CAIRO_STATUS_SUCCESS)
        {
          g_set_error (error, GTW_FIGURE_ERROR, GTW_FIGURE_ERROR_FAILED, "cairo: %s",
                       cairo_status_to_string (status));
          ok = FALSE;
        }
    }
  cairo_surface_finish (surface);
  ok = ok && check_surface (surface, error);
  cairo_surface_destroy (surface);

  return ok && g_file_set_contents_full (path, (const char *) bytes->data, bytes->len,
                                         G_FILE_SET_CONTENTS_CONSISTENT, 0666, error);
}
