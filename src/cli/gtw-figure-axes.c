/* gtw-figure-axes.c: the figure's colours, layout, scales, ticks, labels and legend
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gtw-figure-private.h"

/* ---------------------------------------------------------------------------------------- */
/* Colours                                                                                  */

/* Okabe & Ito (2008), Color Universal Design: distinguishable with every common form of
 * colour vision deficiency. */
static const Rgb oi_orange = { 0xE6, 0x9F, 0x00 };
static const Rgb oi_sky = { 0x56, 0xB4, 0xE9 };
static const Rgb oi_green = { 0x00, 0x9E, 0x73 };
static const Rgb oi_yellow = { 0xF0, 0xE4, 0x42 };
static const Rgb oi_blue = { 0x00, 0x72, 0xB2 };
static const Rgb oi_vermillion = { 0xD5, 0x5E, 0x00 };
static const Rgb oi_purple = { 0xCC, 0x79, 0xA7 };

/* One hue family per intervention type, from the GNOME palette, so that neighbouring blocks
 * never share a hue and an intervention has the same colour on the timeline, the figure and
 * the map. Light: the palette's darker shades (white text at 4.5:1 or better on the app's
 * solid blocks); dark: one step brighter, to stand off a dark background. */
static const struct { Rgb light, dark; } iv_colours[] = {
  [GTW_IV_BERBERINE] = { { 0xE5, 0xA5, 0x0A }, { 0xF5, 0xC2, 0x11 } },
  [GTW_IV_EXERCISE] = { { 0x1F, 0x7A, 0x4D }, { 0x26, 0xA2, 0x69 } },
  [GTW_IV_CARB_REDUCTION] = { { 0xC6, 0x46, 0x00 }, { 0xE6, 0x61, 0x00 } },
  [GTW_IV_GUT_REPAIR] = { { 0x86, 0x5E, 0x3C }, { 0x98, 0x6A, 0x44 } },
  [GTW_IV_CHROMIUM] = { { 0x5E, 0x5C, 0x64 }, { 0x77, 0x76, 0x7B } },
  [GTW_IV_MAGNESIUM] = { { 0x81, 0x3D, 0x9C }, { 0x91, 0x41, 0xAC } },
  [GTW_IV_ALPHA_LIPOIC_ACID] = { { 0xA5, 0x1D, 0x2D }, { 0xC0, 0x1C, 0x28 } },
  [GTW_IV_PREMEAL_PROTEIN] = { { 0xB4, 0x33, 0x6A }, { 0xD0, 0x43, 0x7F } },
  [GTW_IV_OMEGA3] = { { 0x15, 0x6A, 0x7A }, { 0x1C, 0x85, 0x98 } },
  [GTW_IV_METFORMIN] = { { 0x1A, 0x5F, 0xB4 }, { 0x35, 0x84, 0xE4 } },
  [GTW_IV_LOW_CALORIE_DIET] = { { 0x5E, 0x6B, 0x0F }, { 0x8A, 0x9A, 0x1B } },
};
G_STATIC_ASSERT (G_N_ELEMENTS (iv_colours) == N_IV_COLOURS);

static GtwFigureColour
colour_of (const Rgb *rgb)
{
  return (GtwFigureColour) { rgb->r / 255.0, rgb->g / 255.0, rgb->b / 255.0, 1.0 };
}

void
gtw_figure_intervention_colour (GtwInterventionType type,
                                gboolean            dark,
                                GtwFigureColour    *colour)
{
  g_return_if_fail (type < GTW_N_IV_TYPES);
  g_return_if_fail (colour != NULL);

  *colour = colour_of (dark ? &iv_colours[type].dark : &iv_colours[type].light);
}

void
gtw_figure_get_palette (gboolean          dark,
                        gboolean          high_contrast,
                        GtwFigurePalette *palette)
{
  static const Rgb light_bg = { 0xFF, 0xFF, 0xFF }, light_fg = { 0x1E, 0x1E, 0x1E };
  static const Rgb dark_bg = { 0x24, 0x24, 0x24 }, dark_fg = { 0xF2, 0xF2, 0xF2 };
  /* high contrast: text and axes in the strongest contrast a projector keeps */
  static const Rgb black = { 0x00, 0x00, 0x00 }, white = { 0xFF, 0xFF, 0xFF };
  const Rgb *fg = high_contrast ? (dark ? &white : &black) : dark ? &dark_fg : &light_fg;

  g_return_if_fail (palette != NULL);

  palette->background = colour_of (dark ? &dark_bg : &light_bg);
  palette->foreground = colour_of (fg);
  palette->grid = palette->foreground;
  palette->grid.alpha = high_contrast ? 0.22 : 0.12;
  palette->threshold = palette->foreground;
  palette->threshold.alpha = high_contrast ? 0.8 : 0.55;
  /* the blue of the palette is too dark on a dark background; the last panel (beta-cell mass,
   * or insulin secretion in the day view) stays clear of the orange of the differences */
  palette->series[0] = colour_of (dark ? &oi_sky : &oi_blue);
  palette->series[1] = colour_of (&oi_vermillion);
  palette->series[2] = colour_of (&oi_purple);
  palette->series[3] = colour_of (&oi_green);
  palette->difference = colour_of (&oi_orange);
}

static void
set_colour (int index, const Rgb *rgb, double alpha)
{
  plscol0a (index, rgb->r, rgb->g, rgb->b, alpha);
}

static void
set_palette_colour (int index, const GtwFigureColour *colour, double alpha)
{
  plscol0a (index, (PLINT) round (colour->red * 255), (PLINT) round (colour->green * 255),
            (PLINT) round (colour->blue * 255), alpha);
}

void
gtw_fig_setup_colours (const GtwFigureOptions *options)
{
  static const Rgb grey = { 0x80, 0x80, 0x80 };
  GtwFigurePalette p;

  gtw_figure_get_palette (options->dark, options->high_contrast, &p);
  plscmap0n (N_COLOURS);
  set_palette_colour (COL_BG, &p.background, 1.0);
  set_palette_colour (COL_FG, &p.foreground, 1.0);
  set_palette_colour (COL_GRID, &p.grid, p.grid.alpha);
  set_palette_colour (COL_THRESHOLD, &p.threshold, p.threshold.alpha);
  if (options->dark)
    set_palette_colour (COL_BASELINE, &p.foreground, 0.75);
  else
    set_colour (COL_BASELINE, &grey, 0.75);
  set_palette_colour (COL_DIFF, &p.difference, 0.35);
  set_colour (COL_BAND, options->dark ? &oi_blue : &oi_sky, 0.35);
  set_colour (COL_EVENT_BAND, &oi_yellow, 0.30);
  set_colour (COL_EVENT_BLOCK, &oi_yellow, 0.85);
  set_palette_colour (COL_HALO, &p.background, 0.75);
  for (guint i = 0; i < N_PANELS; i++)
    set_palette_colour (COL_SERIES + i, &p.series[i], 1.0);

  /* the population in the text colour: apart from the blue daily range and orange differences */
  for (guint i = 0; i < N_PANELS; i++)
    {
      set_palette_colour (COL_POP_WIDE + i, &p.foreground, options->dark ? 0.13 : 0.10);
      set_palette_colour (COL_POP_NARROW + i, &p.foreground, options->dark ? 0.24 : 0.20);
    }

  for (guint i = 0; i < N_IV_COLOURS; i++)
    {
      const Rgb *rgb = options->dark ? &iv_colours[i].dark : &iv_colours[i].light;

      set_colour (COL_IV_BAND + i, rgb, options->dark ? 0.10 : 0.08);
      set_colour (COL_IV_BLOCK + i, rgb, 0.60);
    }
}

/* ---------------------------------------------------------------------------------------- */
/* Layout                                                                                   */

static double
px_to_mm (double px)
{
  return px * 25.4 / 72.0;
}

/* Rough advance of @s at @scale of the text height: PLplot cannot measure strings, and
 * DejaVu Sans averages about 0.55 em per character. */
double
gtw_fig_text_width (const Layout *layout, const char *s, double scale)
{
  return g_utf8_strlen (s, -1) * 0.55 * layout->text * scale;
}

/* The advance of @s as PLplot's cairo driver draws it at @scale of the text height: the
 * figure's font (PLplot's "sans") measured with cairo, for text that must not be cut or
 * covered. */
double
gtw_fig_measure_text (const Layout *layout, const char *s, double scale)
{
  static cairo_t *measure;
  cairo_text_extents_t extents;

  if (measure == NULL)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);

      measure = cairo_create (surface);
      cairo_surface_destroy (surface);
      cairo_select_font_face (measure, "sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    }
  cairo_set_font_size (measure, layout->text * scale);
  cairo_text_extents (measure, s, &extents);
  return extents.x_advance;
}

/* The 1, 2, 5 x 10^k step nearest to range / target (no 2.5: PLplot would round its labels). */
double
gtw_fig_nice_step (double range, double target)
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

/* The closest two tick labels may come, in text heights. */
#define CROWDED_TICKS 1.2

/* The step of @range over @pixels with about four ticks, or fewer where labels of @text
 * height would crowd. */
double
gtw_fig_axis_step (double range, double pixels, double text)
{
  double step = gtw_fig_nice_step (range, 4);

  while (range / step * text * CROWDED_TICKS > pixels + 1e-9 && range / step > 1)
    step = next_step (step);
  return step;
}

static void
set_step (Panel *panel, double step, double lo, double hi, double span, gboolean from_zero)
{
  panel->ystep = step;
  panel->ymin = floor ((from_zero ? lo : lo - span * 0.04) / step) * step;
  if (from_zero && lo >= 0)
    panel->ymin = MAX (panel->ymin, 0);
  panel->ymax = ceil ((hi + span * 0.04) / step) * step;
}

/* Rounds the data range out to whole ticks, about four of them per panel, and fewer when the
 * panel is too short for their labels to stand apart. */
void
gtw_fig_panel_set_range (Panel *panel, double lo, double hi, gboolean from_zero, double text)
{
  double span;
  double max_intervals = MAX (floor ((panel->bottom - panel->top) / (text * 1.5)), 1);
  double crowded = floor ((panel->bottom - panel->top) / (text * CROWDED_TICKS));

  if (!isfinite (lo) || !isfinite (hi))
    lo = 0, hi = 1;
  if (from_zero || lo < 0)
    lo = MIN (0, lo);
  if (hi - lo < 1e-9)
    hi = lo + MAX (fabs (lo) * 0.1, 1e-3);
  span = hi - lo;
  set_step (panel, gtw_fig_nice_step (span * 1.05, 4), lo, hi, span, from_zero);
  if ((panel->ymax - panel->ymin) / panel->ystep > max_intervals + 0.5)
    set_step (panel, next_step (panel->ystep), lo, hi, span, from_zero);
  /* a panel too short even for those widens the step until its labels stand apart */
  while ((panel->ymax - panel->ymin) / panel->ystep > MAX (crowded, 1) + 0.5
         && (panel->ymax - panel->ymin) / panel->ystep > 1.5)
    set_step (panel, next_step (panel->ystep), lo, hi, span, from_zero);
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
  /* tick labels plus a two-line rotated title (see gtw_fig_draw_axes) */
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

void
gtw_fig_layout_init (Layout                 *layout,
                     const GtwFigureOptions *options,
                     double                  x0,
                     double                  x1,
                     guint                   n_legend_rows,
                     guint                   n_lanes,
                     gboolean                right_axis)
{
  double plot_top, plot_bottom, gap, panel_height, y;
  guint n_shown = 0;

  memset (layout, 0, sizeof *layout);
  layout->options = options;
  layout->width = options->width;
  layout->height = options->height;
  layout->x0 = x0;
  layout->x1 = x1 > x0 ? x1 : x0 + 1;
  layout->right_axis = right_axis;
  plot_edges (options, right_axis, &layout->text, &layout->left, &layout->right);
  layout->columns = (guint) MAX (layout->right - layout->left, 1);
  layout->xstep = gtw_fig_nice_step (layout->x1 - layout->x0, MAX (layout->columns / (layout->text * 6), 2));

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
  for (guint i = 0; i < N_PANELS; i++)
    {
      layout->shown[i] = options->panels == 0 || (options->panels & (1u << i)) != 0;
      n_shown += layout->shown[i];
    }
  if (n_shown == 0)
    {
      for (guint i = 0; i < N_PANELS; i++)
        layout->shown[i] = TRUE;
      n_shown = N_PANELS;
    }
  panel_height = (plot_bottom - plot_top - gap * (n_shown - 1)) / n_shown;

  /* the shown panels share the height; a hidden one sits, flat, where the next would begin */
  y = plot_top;
  for (guint i = 0; i < N_PANELS; i++)
    {
      layout->panels[i].top = y;
      layout->panels[i].bottom = y + (layout->shown[i] ? panel_height : 0);
      if (layout->shown[i])
        {
          y += panel_height + gap;
          layout->last = i;
        }
    }
}

gboolean
gtw_fig_layout_fits (const Layout *layout)
{
  const Panel *p = &layout->panels[layout->last];

  return layout->right - layout->left > 40 && p->bottom - p->top > 20;
}

/* Where PLplot puts the labels of the time axis's ticks: centred under them, from half a text
 * height to about two under the axis, "0.5" or "12" as the step asks, or "06:00" (the day
 * view's clock). */
static void
store_tick_labels (const Layout *layout, GtwFigureGeometry *g)
{
  const Panel *p = &layout->panels[layout->last];
  int digits = MAX (0, (int) ceil (-log10 (layout->xstep) - 1e-9));
  double per_px = (layout->right - layout->left) / (layout->x1 - layout->x0);
  double first = ceil (layout->x0 / layout->xstep - 1e-9) * layout->xstep;

  g->n_tick_labels = 0;
  for (double x = first; x <= layout->x1 + 1e-9 && g->n_tick_labels < GTW_FIGURE_MAX_TICK_LABELS;
       x += layout->xstep)
    {
      g_autofree char *text = layout->options->view == GTW_FIGURE_VIEW_DAY
                                ? g_strdup ("00:00")
                                : g_strdup_printf ("%.*f", digits, fabs (x) < 1e-9 ? 0 : x);
      double width = gtw_fig_measure_text (layout, text, 1.0);
      double centre = layout->left + (x - layout->x0) * per_px;

      g->tick_labels[g->n_tick_labels++] = (GtwFigureRect) { centre - width / 2, p->bottom + layout->text * 0.4,
                                                            width, layout->text * 1.5 };
    }
}

/* Hands the caller where the panels went; @days_per_x converts world x back to days. */
void
gtw_fig_layout_store_geometry (const Layout *layout, double day_offset, double days_per_x)
{
  GtwFigureGeometry *g = layout->options->geometry;

  if (g == NULL)
    return;
  g->left = layout->left;
  g->right = layout->right;
  g->first_day = day_offset + layout->x0 * days_per_x;
  g->last_day = day_offset + layout->x1 * days_per_x;
  g->n_blocks = 0; /* the lanes add theirs as they are drawn */
  store_tick_labels (layout, g);
  for (guint i = 0; i < N_PANELS; i++)
    {
      g->panels[i].top = layout->panels[i].top;
      g->panels[i].bottom = layout->panels[i].bottom;
      g->panels[i].ymin = layout->panels[i].ymin;
      g->panels[i].ymax = layout->panels[i].ymax;
      g->panels[i].shown = layout->shown[i];
    }
}

/* Sets the PLplot viewport to the pixel rectangle and its world window. */
void
gtw_fig_viewport (const Layout *layout, double top, double bottom, double ymin, double ymax)
{
  plsvpa (px_to_mm (layout->left), px_to_mm (layout->right), px_to_mm (layout->height - bottom),
          px_to_mm (layout->height - top));
  plwind (layout->x0, layout->x1, ymin, ymax);
}

void
gtw_fig_panel_viewport (const Layout *layout, guint i)
{
  const Panel *p = &layout->panels[i];

  gtw_fig_viewport (layout, p->top, p->bottom, p->ymin, p->ymax);
}

/* ---------------------------------------------------------------------------------------- */
/* Axes, labels, legend                                                                     */

/* PLplot measures plmtex distances in its character height, which Pango renders 96/72 larger
 * than PLplot expects: convert from text heights as drawn. */
double
gtw_fig_disp (double text_heights, double scale)
{
  return text_heights / (0.75 * scale);
}

void
gtw_fig_set_text_scale (const Layout *layout, double scale)
{
  /* Pango renders PLplot's point sizes at 96 DPI */
  plschr (layout->text * 25.4 / 96.0, scale);
}

/* Presentation mode draws every line half as thick again. */
double
gtw_fig_line_width (const Layout *layout, double width)
{
  return layout->options->presentation ? width * 1.6 : width;
}

/* A measured value: a diamond of the panel's colour with an outline of the text colour, seen
 * on both themes and apart from the curves' lines. */
void
gtw_fig_draw_marker (const Layout *layout, guint panel, double x, double y, int colour)
{
  const Panel *p = &layout->panels[panel];
  double half = layout->text * (layout->options->presentation ? 0.5 : 0.42);
  double half_x = half * (layout->x1 - layout->x0) / (layout->right - layout->left);
  double half_y = half * (p->ymax - p->ymin) / (p->bottom - p->top);
  PLFLT mx[5] = { x - half_x, x, x + half_x, x, x - half_x };
  PLFLT my[5] = { y, y - half_y, y, y + half_y, y };

  plcol0 (colour);
  plfill (4, mx, my);
  plcol0 (COL_FG);
  plwidth (gtw_fig_line_width (layout, 1.5));
  pllsty (1);
  plline (5, mx, my);
}

void
gtw_fig_draw_grid (const Layout *layout, guint i)
{
  plcol0 (COL_GRID);
  plwidth (1.0);
  pllsty (1);
  plbox ("g", layout->xstep, 0, "g", layout->panels[i].ystep, 0);
}

void
gtw_fig_draw_axes (const Layout *layout, guint i, const char *title, const char *unit, gboolean custom_x)
{
  const Panel *p = &layout->panels[i];
  gboolean bottom = i == layout->last;
  const char *xopt = bottom ? (custom_x ? "bcnsto" : "bcnst") : "bcst";
  /* the decade view's beta-cell panel has its own right axis (mg), drawn later */
  const char *yopt = i == N_PANELS - 1 && layout->right_axis ? "bnstv" : "bcnstv";

  /* presentation text is large: a title longer than its panel is tall shrinks to fit */
  double height = (p->bottom - p->top) * 0.95;
  double title_scale = 1.05, unit_scale = 0.9;

  if (layout->options->presentation)
    {
      title_scale *= MIN (1.0, height / MAX (gtw_fig_text_width (layout, title, 1.05), 1.0));
      unit_scale *= MIN (1.0, height / MAX (gtw_fig_text_width (layout, unit, 0.9), 1.0));
    }
  plcol0 (COL_FG);
  plwidth (gtw_fig_line_width (layout, 1.2));
  pllsty (1);
  gtw_fig_set_text_scale (layout, 1.0);
  plbox (xopt, layout->xstep, 2, yopt, p->ystep, 2);
  gtw_fig_set_text_scale (layout, title_scale);
  plmtex ("l", gtw_fig_disp (TITLE_CENTRE, title_scale), 0.5, 0.5, title);
  gtw_fig_set_text_scale (layout, unit_scale);
  plmtex ("l", gtw_fig_disp (UNIT_CENTRE, unit_scale), 0.5, 0.5, unit);
  gtw_fig_set_text_scale (layout, 1.0);
}

void
gtw_fig_draw_x_label (const Layout *layout, const char *label)
{
  gtw_fig_panel_viewport (layout, layout->last);
  plcol0 (COL_FG);
  gtw_fig_set_text_scale (layout, 1.0);
  plmtex ("b", gtw_fig_disp (2.4, 1.0), 0.5, 0.5, label);
}

void
gtw_fig_draw_title (const Layout *layout, const char *title)
{
  if (title == NULL || *title == '\0')
    return;
  gtw_fig_viewport (layout, 0, layout->text * 2.2, 0, 1);
  plcol0 (COL_FG);
  gtw_fig_set_text_scale (layout, 1.3);
  plptex (layout->x0, 0.5, 1, 0, 0, title);
  gtw_fig_set_text_scale (layout, 1.0);
}

static double
key_width (const Layout *layout, const Key *key)
{
  return layout->text * (2.2 + 0.4) + gtw_fig_text_width (layout, key->label, 0.95);
}

/* Rows of keys under the title, left to right, wrapping at the plot width; returns the rows. */
guint
gtw_fig_place_legend (const Layout *layout, const Key *keys, guint n_keys, double *x, guint *row)
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

void
gtw_fig_draw_legend (const Layout *layout, const Key *keys, guint n_keys)
{
  double sample = layout->text * 2.2;
  double per_px = (layout->x1 - layout->x0) / (layout->right - layout->left);
  double x[8];
  guint row[8], n_rows;

  g_assert (n_keys <= G_N_ELEMENTS (x));
  n_rows = gtw_fig_place_legend (layout, keys, n_keys, x, row);
  gtw_fig_viewport (layout, layout->legend_top, layout->legend_top + n_rows * LEGEND_ROW * layout->text, n_rows, 0);
  gtw_fig_set_text_scale (layout, 0.95);
  for (guint i = 0; i < n_keys; i++)
    {
      double wx0 = layout->x0 + (x[i] - layout->left) * per_px;
      double wx1 = wx0 + sample * per_px;
      double yc = row[i] + 0.5;
      PLFLT lx[2] = { wx0, wx1 }, ly[2] = { yc, yc };

      switch (keys[i].kind)
        {
        case KEY_BOX:
          gtw_fig_fill_rect (wx0, wx1, yc - 0.3, yc + 0.3, keys[i].colour);
          break;
        case KEY_BANDS:
          gtw_fig_fill_rect (wx0, wx1, yc - 0.38, yc + 0.38, COL_POP_WIDE + keys[i].colour);
          gtw_fig_fill_rect (wx0, wx1, yc - 0.18, yc + 0.18, COL_POP_NARROW + keys[i].colour);
          break;
        case KEY_MARKER:
          {
            double half_x = layout->text * 0.4 * per_px, half_y = 0.3;
            double xc = (wx0 + wx1) / 2;
            PLFLT mx[5] = { xc - half_x, xc, xc + half_x, xc, xc - half_x };
            PLFLT my[5] = { yc, yc - half_y, yc, yc + half_y, yc };

            plcol0 (keys[i].colour);
            plfill (4, mx, my);
            plcol0 (COL_FG);
            plwidth (1.5);
            plline (5, mx, my);
          }
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
  gtw_fig_set_text_scale (layout, 1.0);
}
