/* gtw-figure-panels.c: the figure's series and lanes, and its decade and year views
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gtw-figure-private.h"

/* ---------------------------------------------------------------------------------------- */
/* Decimation                                                                               */

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

void
gtw_fig_fill_rect (double x0, double x1, double y0, double y1, int colour)
{
  PLFLT x[4] = { x0, x1, x1, x0 };
  PLFLT y[4] = { y0, y0, y1, y1 };

  plcol0 (colour);
  plfill (4, x, y);
}

/* ---------------------------------------------------------------------------------------- */
/* Shared panel drawing                                                                     */

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

void
gtw_fig_series_range (const Layout *layout,
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
  gtw_fig_panel_set_range (panel, lo, hi, s->from_zero, layout->text);
}

void
gtw_fig_draw_series (const Layout *layout,
                     guint         i,
                     const Series *s,
                     const double *x,
                     guint         n,
                     const double *xb,
                     guint         n_base)
{
  const Panel *panel = &layout->panels[i];
  double line_width = gtw_fig_line_width (layout, MAX (2.0, layout->text / 7.0));

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

static gboolean
rects_meet (const GtwFigureRect *a, const GtwFigureRect *b)
{
  return a->width > 0 && b->width > 0 && a->x < b->x + b->width && b->x < a->x + a->width
         && a->y < b->y + b->height && b->y < a->y + a->height;
}

/* The veil of a threshold label (in pixels) whose text ends at pixel @right and is centred on
 * @value, @width wide with its margins. */
static GtwFigureRect
threshold_veil (const Layout *layout, const Panel *p, double value, double right, double width)
{
  double y = p->bottom - (value - p->ymin) / (p->ymax - p->ymin) * (p->bottom - p->top);
  double half = layout->text * 0.42;

  return (GtwFigureRect) { right - width + layout->text * 0.15, y - half, width, 2 * half };
}

static gboolean
veil_fits (const GtwFigureRect *veil, const Panel *p, double left, const GtwFigureRect *taken,
           guint n_taken)
{
  if (veil->y < p->top || veil->y + veil->height > p->bottom || veil->x < left)
    return FALSE;
  for (guint i = 0; i < n_taken; i++)
    if (rects_meet (veil, &taken[i]))
      return FALSE;
  return TRUE;
}

/* A threshold's label, placed by draw_thresholds and written by draw_threshold_labels. */
typedef struct
{
  const char *text;
  double      x, y;            /* world: the right end of the text, its centre */
  double      veil[4];         /* world: x0, x1, y0, y1 */
} ThresholdLabel;

/* Whether the curve (x, y) passes through the veil, a rectangle in pixels. */
static gboolean
veil_meets_curve (const Layout *layout, const Panel *p, const GtwFigureRect *veil,
                  const double *x, const double *y, guint n)
{
  double per_x_px = (layout->x1 - layout->x0) / (layout->right - layout->left);
  double per_px = (p->ymax - p->ymin) / (p->bottom - p->top);
  double xa = layout->x0 + (veil->x - layout->left) * per_x_px;
  double xb = xa + veil->width * per_x_px;
  double ya = p->ymin + (p->bottom - veil->y - veil->height) * per_px, yb = ya + veil->height * per_px;

  for (guint i = 0; y != NULL && i < n; i++)
    if (x[i] >= xa && x[i] <= xb && isfinite (y[i]) && y[i] >= ya && y[i] <= yb)
      return TRUE;
  return FALSE;
}

/* Dashed lines across the glucose panel, each labelled at its right end above (or below) the
 * line. A label that would leave the panel goes to the other side of its line; one that would
 * cover another label, or the patient's curve where the other side is clear of it, takes
 * the other side, or moves left of it. The labels are measured and never cut. Their veils go to
 * the geometry, for overlays to keep clear of. Only the lines and the veils are drawn here: the
 * curves go over the veils, and draw_threshold_labels writes the labels over the curves, so
 * that a label never hides the patient's own curve. */
static void
draw_thresholds (const Layout *layout, const double *values, const char *const *labels,
                 const gboolean *above_first, guint n, const double *curve_x,
                 const double *curve_y, guint n_points, ThresholdLabel *out)
{
  const Panel *p = &layout->panels[0];
  double per_px = (p->ymax - p->ymin) / (p->bottom - p->top);
  double per_x_px = (layout->x1 - layout->x0) / (layout->right - layout->left);
  double right = layout->right - (layout->right - layout->left) * 0.005;
  GtwFigureRect taken[2] = { { 0 } };

  g_assert (n <= G_N_ELEMENTS (taken));
  for (guint k = 0; k < n; k++)
    {
      PLFLT x[2] = { layout->x0, layout->x1 }, y[2] = { values[k], values[k] };
      double width = gtw_fig_measure_text (layout, labels[k], 0.85) + layout->text * 0.45;
      gboolean above = above_first[k];
      double label_right = right, centre;
      GtwFigureRect veil;

      out[k].text = NULL;
      if (values[k] <= p->ymin || values[k] >= p->ymax)
        continue;
      /* a label that would leave the panel goes to the other side of its line */
      if (above && values[k] + layout->text * 1.1 * per_px > p->ymax)
        above = FALSE;
      else if (!above && values[k] - layout->text * 1.1 * per_px < p->ymin)
        above = TRUE;
      centre = values[k] + (above ? 1 : -1) * layout->text * 0.5 * per_px;
      veil = threshold_veil (layout, p, centre, label_right, width);
      if (!veil_fits (&veil, p, layout->left, taken, k)
          || veil_meets_curve (layout, p, &veil, curve_x, curve_y, n_points))
        {
          double other = values[k] + (above ? -1 : 1) * layout->text * 0.5 * per_px;
          GtwFigureRect flipped = threshold_veil (layout, p, other, label_right, width);

          if (veil_fits (&flipped, p, layout->left, taken, k)
              && !veil_meets_curve (layout, p, &flipped, curve_x, curve_y, n_points))
            centre = other, veil = flipped;
          /* where both sides meet the curve, the first choice stays, and the curve crosses it */
          else if (!veil_fits (&veil, p, layout->left, taken, k))
            {
              /* inside the panel, left of the labels it would cover */
              veil.y = CLAMP (veil.y, p->top, MAX (p->bottom - veil.height, p->top));
              centre = p->ymin + (p->bottom - veil.y - veil.height / 2) * per_px;
              for (guint j = 0; j < k; j++)
                if (rects_meet (&veil, &taken[j]))
                  {
                    label_right = taken[j].x - layout->text * 0.6;
                    veil = threshold_veil (layout, p, centre, label_right, width);
                  }
            }
        }
      taken[k] = veil;
      if (layout->options->geometry != NULL)
        layout->options->geometry->threshold_labels[k] = veil;

      plcol0 (COL_THRESHOLD);
      plwidth (gtw_fig_line_width (layout, 1.3));
      pllsty (2);
      plline (2, x, y);
      pllsty (1);
      out[k] = (ThresholdLabel) {
        labels[k], layout->x0 + (label_right - layout->left) * per_x_px, centre,
        { layout->x0 + (veil.x - layout->left) * per_x_px,
          layout->x0 + (veil.x + veil.width - layout->left) * per_x_px,
          centre - veil.height / 2 * per_px, centre + veil.height / 2 * per_px } };
    }
  /* each label sits on a veil of the background, over every dashed line */
  for (guint k = 0; k < n; k++)
    if (out[k].text != NULL)
      gtw_fig_fill_rect (out[k].veil[0], out[k].veil[1], out[k].veil[2], out[k].veil[3], COL_HALO);
}

static void
draw_threshold_labels (const Layout *layout, const ThresholdLabel *labels, guint n)
{
  plcol0 (COL_THRESHOLD);
  gtw_fig_set_text_scale (layout, 0.85);
  for (guint k = 0; k < n; k++)
    if (labels[k].text != NULL)
      plptex (labels[k].x, labels[k].y, 1, 0, 1, labels[k].text);
  gtw_fig_set_text_scale (layout, 1.0);
}

/* ---------------------------------------------------------------------------------------- */
/* Lanes: labelled blocks above the panels (interventions, or the events of a day)          */

static void
block_clear (gpointer data)
{
  Block *block = data;

  g_free (block->label);
}

GArray *
gtw_fig_blocks_new (void)
{
  GArray *blocks = g_array_new (FALSE, TRUE, sizeof (Block));

  g_array_set_clear_func (blocks, block_clear);
  return blocks;
}

/* Places @b's label (see LabelPlace) and sets [@from, @to] to the pixels, from the plot
 * area's left edge, that the block and its label take in their lane. */
static void
place_label (const Layout *layout, Block *b, double *from, double *to)
{
  double per_world = (layout->right - layout->left) / (layout->x1 - layout->x0);
  double width = layout->right - layout->left;
  double start = (MAX (b->x0, layout->x0) - layout->x0) * per_world;
  double end = (MIN (b->x1, layout->x1) - layout->x0) * per_world;
  double label = gtw_fig_measure_text (layout, b->label, 0.9);
  double pad = layout->text * 0.35;

  if (b->marker)
    {
      /* a triangle at x0, its label beside it */
      double half = layout->text * 0.45;

      start -= half;
      end = start + 2 * half;
      pad = layout->text * 0.25;
    }
  else if (label + 2 * pad <= end - start)
    {
      b->label_place = LABEL_INSIDE;
      b->label_x = start + pad;
      *from = start;
      *to = end;
      return;
    }

  if (end + pad + label <= width)
    {
      b->label_place = LABEL_AFTER;
      b->label_x = end + pad;
      *from = start;
      *to = end + pad + label;
    }
  else if (start - pad - label >= 0)
    {
      b->label_place = LABEL_BEFORE;
      b->label_x = start - pad - label;
      *from = start - pad - label;
      *to = end;
    }
  else
    {
      b->label_place = LABEL_NONE;
      *from = start;
      *to = end;
    }
}

/* Greedy lanes: a block takes the first lane that is free where it (or its label before it)
 * starts, counting its label as part of it so that labels never overlap. Returns the number
 * of lanes used. */
static guint
assign_lanes (const Layout *layout, GArray *blocks)
{
  double end[MAX_LANES];
  guint n_lanes = 0;

  for (guint i = 0; i < blocks->len; i++)
    {
      Block *b = &g_array_index (blocks, Block, i);
      double from, to;
      guint lane = 0;

      place_label (layout, b, &from, &to);
      while (lane < n_lanes && end[lane] > from)
        lane++;
      if (lane == MAX_LANES)
        lane = i % MAX_LANES;
      if (lane == n_lanes)
        n_lanes++;
      end[lane] = to + layout->text * 0.5;
      b->lane = lane;
    }
  return n_lanes;
}

int
gtw_fig_compare_blocks (gconstpointer a, gconstpointer b)
{
  const Block *ba = a, *bb = b;

  return (ba->x0 > bb->x0) - (ba->x0 < bb->x0);
}

void
gtw_fig_draw_block_bands (const Layout *layout, guint panel, GArray *blocks)
{
  const Panel *p = &layout->panels[panel];

  for (guint i = 0; i < blocks->len; i++)
    {
      const Block *b = &g_array_index (blocks, Block, i);

      if (b->band_colour >= 0)
        gtw_fig_fill_rect (MAX (b->x0, layout->x0), MIN (b->x1, layout->x1), p->ymin, p->ymax,
                   b->band_colour);
    }
}

void
gtw_fig_draw_lanes (const Layout *layout, GArray *blocks)
{
  double per_px = (layout->x1 - layout->x0) / (layout->right - layout->left);
  GtwFigureGeometry *geometry = layout->options->geometry;

  if (layout->n_lanes == 0)
    return;

  gtw_fig_viewport (layout, layout->lanes_top, layout->lanes_top + layout->n_lanes * layout->lane_height, 0,
            layout->n_lanes);
  gtw_fig_set_text_scale (layout, 0.9);
  for (guint i = 0; i < blocks->len; i++)
    {
      const Block *b = &g_array_index (blocks, Block, i);
      double y0 = layout->n_lanes - b->lane - 1;
      double x0 = MAX (b->x0, layout->x0), x1 = MIN (b->x1, layout->x1);
      double top = layout->lanes_top + (b->lane + 0.1) * layout->lane_height;
      GtwFigureRect block_rect, label_rect = { 0 };

      if (b->lane >= layout->n_lanes)
        continue;
      if (b->marker)
        {
          double half = layout->text * 0.45 * per_px;
          PLFLT tx[3] = { x0 - half, x0 + half, x0 };
          PLFLT ty[3] = { y0 + 0.82, y0 + 0.82, y0 + 0.18 };

          plcol0 (b->block_colour);
          plfill (3, tx, ty);
          x0 -= half, x1 = x0 + 2 * half;
        }
      else
        gtw_fig_fill_rect (x0, x1, y0 + 0.1, y0 + 0.9, b->block_colour);
      block_rect = (GtwFigureRect) { layout->left + (x0 - layout->x0) / per_px, top,
                                     (x1 - x0) / per_px, 0.8 * layout->lane_height };

      if (b->label_place != LABEL_NONE)
        {
          plcol0 (COL_FG);
          plptex (layout->x0 + b->label_x * per_px, y0 + 0.5, 1, 0, 0, b->label);
          label_rect = (GtwFigureRect) { layout->left + b->label_x, top,
                                         gtw_fig_measure_text (layout, b->label, 0.9),
                                         0.8 * layout->lane_height };
        }
      if (geometry != NULL && geometry->n_blocks < GTW_FIGURE_MAX_BLOCKS)
        {
          geometry->blocks[geometry->n_blocks] = block_rect;
          geometry->block_labels[geometry->n_blocks] = label_rect;
          geometry->n_blocks++;
        }
    }
  gtw_fig_set_text_scale (layout, 1.0);
}

/* Legend rows and lanes depend on the text size, which the layout sets. */
void
gtw_fig_layout_init_full (Layout                 *layout,
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
  gtw_fig_layout_init (&probe, options, x0, x1, 1, 0, right_axis);
  n_rows = gtw_fig_place_legend (&probe, keys, n_keys, x, row);
  /* In a presentation the window's timeline shows the interventions, large, under the decade
   * and year views: the figure keeps their bands on the panels and gives the lanes' height to
   * the curves. The day view's lanes are its meals and sessions, and stay. */
  n_lanes = options->presentation && options->view != GTW_FIGURE_VIEW_DAY
              ? 0 : assign_lanes (&probe, blocks);
  gtw_fig_layout_init (layout, options, x0, x1, n_rows, n_lanes, right_axis);
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
  GArray *blocks = gtw_fig_blocks_new ();

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
      b.band_colour = COL_IV_BAND + (int) iv->type;
      b.block_colour = COL_IV_BLOCK + (int) iv->type;
      b.label = intervention_label (iv);
      g_array_append_val (blocks, b);
    }
  g_array_sort (blocks, gtw_fig_compare_blocks);
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

/* A week's exercise leaves a weekly wave in the fasting values: lower on the morning after a
 * session, a few per cent. Where a pixel column holds more than a day, that wave cannot be
 * drawn, and the two extremes of every column that a line keeps alias it into a beat: marks on
 * the line every few months. There the fasting lines are drawn through the mean of the week
 * around each day (fewer days at the ends of the data), which has no weekly wave left and
 * moves anything slower by less than a pixel. */
#define WEEK_HALF 3

static void
weekly_mean (double *y, guint n)
{
  g_autofree double *raw = g_memdup2 (y, sizeof (double) * n);

  for (guint i = 0; i < n; i++)
    {
      double sum = 0;
      guint count = 0;

      if (!isfinite (raw[i]))
        continue;
      for (guint k = i > WEEK_HALF ? i - WEEK_HALF : 0; k <= i + WEEK_HALF && k < n; k++)
        if (isfinite (raw[k]))
          sum += raw[k], count++;
      y[i] = sum / count;
    }
}

static void
decade_data_weekly_means (DecadeData *d)
{
  weekly_mean (d->glucose, d->n);
  weekly_mean (d->insulin, d->n);
  weekly_mean (d->cpeptide, d->n);
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

  gtw_fig_viewport (layout, p->top, p->bottom, lo, hi);
  plcol0 (COL_FG);
  gtw_fig_set_text_scale (layout, 1.0);
  plbox ("", 0, 0, "cmstv", gtw_fig_axis_step (hi - lo, p->bottom - p->top, layout->text), 2);
  gtw_fig_set_text_scale (layout, 0.9);
  plmtex ("r", gtw_fig_disp (RIGHT_UNIT_CENTRE, 0.9), 0.5, 0.5, "mg");
  gtw_fig_set_text_scale (layout, 1.0);
}

/* The leading points of @x (world, days_per_x per unit) on or before the reveal day. */
static guint
revealed (const GtwFigureOptions *options,
          const double           *x,
          guint                   n,
          double                  days_per_x)
{
  guint shown = 0;

  if (!options->reveal)
    return n;
  while (shown < n && x[shown] * days_per_x <= options->reveal_day + 1e-6)
    shown++;
  return shown;
}

/* The population's percentiles per year of what panel @panel draws, in its display units. */
typedef struct
{
  guint   n;
  double *x;
  double *p[GTW_POPULATION_N_PERCENTILES];
} Bands;

static double
band_value (const GtwFigureOptions *options, guint panel, double v)
{
  switch (panel)
    {
    case 0:
      return gtw_glucose_convert (v, options->glucose_unit);
    case 1:
      return gtw_insulin_convert (v, options->insulin_unit);
    case 2:
      return gtw_cpeptide_convert (v, options->cpeptide_unit);
    default:
      return v * 100;
    }
}

static gboolean
bands_load (Bands                  *bands,
            const GtwFigureOptions *options,
            guint                   panel,
            double                  days_per_x)
{
  /* the daily columns the panels draw, top to bottom */
  static const GtwPopulationMarker markers[N_PANELS] = {
    GTW_POPULATION_FASTING_GLUCOSE,
    GTW_POPULATION_FASTING_INSULIN,
    GTW_POPULATION_FASTING_CPEPTIDE,
    GTW_POPULATION_BETA_CELL_MASS,
  };
  const GtwPopulation *pop = options->population;

  memset (bands, 0, sizeof *bands);
  if (pop == NULL)
    return FALSE;
  bands->n = gtw_population_get_n_years (pop);
  bands->x = g_new (double, bands->n);
  for (guint k = 0; k < GTW_POPULATION_N_PERCENTILES; k++)
    bands->p[k] = g_new (double, bands->n);
  for (guint y = 0; y < bands->n; y++)
    {
      bands->x[y] = gtw_population_get_year_day (pop, y) / days_per_x;
      for (guint k = 0; k < GTW_POPULATION_N_PERCENTILES; k++)
        bands->p[k][y] = band_value (options, panel,
                                     gtw_population_get_percentile (pop, markers[panel], y, k));
    }
  return bands->n > 0;
}

static void
bands_clear (Bands *bands)
{
  g_free (bands->x);
  for (guint k = 0; k < GTW_POPULATION_N_PERCENTILES; k++)
    g_free (bands->p[k]);
  memset (bands, 0, sizeof *bands);
}

/* How far beyond the patient's own curves (and baseline, thresholds and labs) an axis may
 * reach to show more of the population's bands, as a fraction of their span. A band never
 * stretches an axis more than that: the rest of it is clipped to the plot area. */
#define BAND_REACH 0.15

/* Appends to @extra (the panel's other values) the part of @bands in view that lies within
 * BAND_REACH of the patient's range, [@x0, @x1] being the view in world x. */
static void
append_band_reach (GArray       *extra,
                   const Series *s,
                   guint         n,
                   guint         n_base,
                   const Bands  *bands,
                   double        x0,
                   double        x1)
{
  double lo = INFINITY, hi = -INFINITY, band_lo = INFINITY, band_hi = -INFINITY, reach;

  if (bands->n == 0)
    return;
  minmax_update (s->y, n, &lo, &hi);
  minmax_update (s->band_lo, n, &lo, &hi);
  minmax_update (s->band_hi, n, &lo, &hi);
  minmax_update (s->base, n_base, &lo, &hi);
  minmax_update ((const double *) extra->data, extra->len, &lo, &hi);
  if (!isfinite (lo) || !isfinite (hi))
    return;
  /* the years in view, and the one on either side that the band's edge runs to */
  for (guint y = 0; y < bands->n; y++)
    if ((y + 1 == bands->n || bands->x[y + 1] >= x0) && (y == 0 || bands->x[y - 1] <= x1))
      {
        band_lo = MIN (band_lo, bands->p[0][y]);
        band_hi = MAX (band_hi, bands->p[GTW_POPULATION_N_PERCENTILES - 1][y]);
      }
  if (!isfinite (band_lo) || !isfinite (band_hi))
    return;
  reach = MAX (hi - lo, fabs (hi) * 0.1) * BAND_REACH;
  band_lo = CLAMP (band_lo, lo - reach, hi + reach);
  band_hi = CLAMP (band_hi, lo - reach, hi + reach);
  g_array_append_val (extra, band_lo);
  g_array_append_val (extra, band_hi);
}

/* Fills between two yearly percentile lines, the first @n years. */
static void
fill_years (const Bands *bands, guint n, const double *upper, const double *lower, int colour)
{
  g_autofree double *px = NULL, *py = NULL;

  if (n < 2)
    return;
  px = g_new (double, 2 * n);
  py = g_new (double, 2 * n);
  for (guint i = 0; i < n; i++)
    {
      px[i] = bands->x[i], py[i] = upper[i];
      px[2 * n - 1 - i] = bands->x[i], py[2 * n - 1 - i] = lower[i];
    }
  plcol0 (colour);
  plfill ((PLINT) (2 * n), px, py);
}

/* The 90 % (5-95) and 50 % (25-75) bands of the population on panel @i. */
static void
draw_bands (const Layout *layout, guint i, const Bands *bands, double days_per_x)
{
  guint n = revealed (layout->options, bands->x, bands->n, days_per_x);

  fill_years (bands, n, bands->p[4], bands->p[0], COL_POP_WIDE + i);
  fill_years (bands, n, bands->p[3], bands->p[1], COL_POP_NARROW + i);
}

int
gtw_figure_lab_panel (GtwLabKind kind)
{
  switch (kind)
    {
    case GTW_LAB_FASTING_GLUCOSE:
      return 0;
    case GTW_LAB_FASTING_INSULIN:
      return 1;
    case GTW_LAB_FASTING_CPEPTIDE:
      return 2;
    case GTW_LAB_HBA1C:
    case GTW_LAB_TG:
    case GTW_LAB_HDL:
    case GTW_LAB_N_KINDS:
    default:
      return -1;
    }
}

double
gtw_figure_lab_value (const GtwLab    *lab,
                      GtwGlucoseUnit   glucose_unit,
                      GtwInsulinUnit   insulin_unit,
                      GtwCpeptideUnit  cpeptide_unit)
{
  g_return_val_if_fail (lab != NULL, NAN);

  switch (lab->kind)
    {
    case GTW_LAB_FASTING_GLUCOSE:
      return gtw_glucose_convert (lab->value, glucose_unit);
    case GTW_LAB_FASTING_INSULIN:
      return gtw_insulin_convert (lab->value, insulin_unit);
    case GTW_LAB_FASTING_CPEPTIDE:
      return gtw_cpeptide_convert (lab->value, cpeptide_unit);
    case GTW_LAB_HBA1C:
    case GTW_LAB_TG:
    case GTW_LAB_HDL:
    case GTW_LAB_N_KINDS:
    default:
      return lab->value;
    }
}

/* The measured values of panel @i, as world x and display y; the caller frees them. */
static guint
labs_load (const GArray           *labs,
           const GtwFigureOptions *options,
           guint                   panel,
           double                  days_per_x,
           double                **x,
           double                **y)
{
  guint n = 0;

  *x = *y = NULL;
  if (labs == NULL)
    return 0;
  *x = g_new (double, labs->len + 1);
  *y = g_new (double, labs->len + 1);
  for (guint i = 0; i < labs->len; i++)
    {
      const GtwLab *lab = &g_array_index (labs, GtwLab, i);

      if (gtw_figure_lab_panel (lab->kind) != (int) panel)
        continue;
      (*x)[n] = lab->day / days_per_x;
      (*y)[n] = gtw_figure_lab_value (lab, options->glucose_unit, options->insulin_unit,
                                      options->cpeptide_unit);
      n++;
    }
  return n;
}

typedef struct
{
  const DecadeData *d;
  const DecadeData *b;
  Series           *series;
  GArray           *blocks;
  const Bands      *bands;     /* N_PANELS of them */
  const GArray     *labs;
  double            days_per_x;
} DecadeParts;

static void
draw_decade (const Layout      *layout,
             const DecadeParts *parts,
             const char        *title,
             const char        *x_label,
             double             ada_ifg,
             double             ada_diabetes,
             const char        *ifg_label,
             const char        *diabetes_label)
{
  const GtwFigureOptions *o = layout->options;
  const DecadeData *d = parts->d, *b = parts->b;
  guint n = revealed (o, d->x, d->n, parts->days_per_x);
  guint n_base = b != NULL ? revealed (o, b->x, b->n, parts->days_per_x) : 0;
  const double values[] = { ada_ifg, ada_diabetes };
  const char *const labels[] = { ifg_label, diabetes_label };
  const gboolean above[] = { FALSE, TRUE };
  ThresholdLabel threshold_labels[G_N_ELEMENTS (values)];

  gtw_fig_draw_title (layout, title);
  for (guint i = 0; i < N_PANELS; i++)
    {
      g_autofree double *lab_x = NULL, *lab_y = NULL;
      guint n_labs;

      if (!layout->shown[i])
        continue;
      gtw_fig_panel_viewport (layout, i);
      gtw_fig_draw_block_bands (layout, i, parts->blocks);
      gtw_fig_draw_grid (layout, i);
      if (parts->bands[i].n > 0)
        draw_bands (layout, i, &parts->bands[i], parts->days_per_x);
      if (i == 0)
        draw_thresholds (layout, values, labels, above, G_N_ELEMENTS (values), d->x,
                         parts->series[0].y, n, threshold_labels);
      gtw_fig_draw_series (layout, i, &parts->series[i], d->x, n, b ? b->x : NULL, n_base);
      if (i == 0)
        draw_threshold_labels (layout, threshold_labels, G_N_ELEMENTS (threshold_labels));
      n_labs = labs_load (parts->labs, o, i, parts->days_per_x, &lab_x, &lab_y);
      for (guint k = 0; k < n_labs; k++)
        if ((!o->reveal || lab_x[k] * parts->days_per_x <= o->reveal_day + 1e-6)
            && lab_x[k] >= layout->x0 && lab_x[k] <= layout->x1)
          gtw_fig_draw_marker (layout, i, lab_x[k], lab_y[k], COL_SERIES + i);
      gtw_fig_draw_axes (layout, i, parts->series[i].title, parts->series[i].unit, FALSE);
    }
  if (layout->shown[N_PANELS - 1])
    draw_beta_cell_mg_axis (layout, d->beta_mg_per_rel);
  gtw_fig_draw_x_label (layout, x_label);
  gtw_fig_draw_lanes (layout, parts->blocks);
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
  Key keys[8];
  guint n_keys = 0;
  Bands bands[N_PANELS];
  DecadeParts parts;
  gboolean any_bands = FALSE, labs_drawn = FALSE, labs_left_out = FALSE;
  const GtwFigureOptions *o = options;
  gboolean year_view;
  double days_per_x, first_day, last_day;

  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (trace != NULL, FALSE);

  if (!gtw_fig_check_draw_args (cr, options, error))
    return FALSE;
  if (gtw_fig_too_small (cr, options))
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
  for (guint i = 0; i < N_PANELS; i++)
    any_bands |= bands_load (&bands[i], options, i, days_per_x);
  for (guint i = 0; scenario->labs != NULL && i < scenario->labs->len; i++)
    {
      int panel = gtw_figure_lab_panel (g_array_index (scenario->labs, GtwLab, i).kind);

      if (panel >= 0)
        labs_drawn = TRUE;
      else
        labs_left_out = TRUE;
    }

  /* a presentation keeps the legend short: the curves and the thresholds are labelled */
  if (!options->presentation)
    keys[n_keys++] = (Key) { KEY_LINE, COL_SERIES, _("Fasting value") };
  if (options->show_band)
    keys[n_keys++] = (Key) { KEY_BOX, COL_BAND, _("Daily glucose range") };
  if (with_base)
    {
      keys[n_keys++] = (Key) { KEY_LINE, COL_BASELINE, _("Without interventions") };
      keys[n_keys++] = (Key) { KEY_BOX, COL_DIFF, _("Difference") };
    }
  if (!options->presentation)
    keys[n_keys++] = (Key) { KEY_DASHED, COL_THRESHOLD, _("ADA thresholds") };
  if (any_bands)
    keys[n_keys++] = (Key) { KEY_BANDS, 0, _("People like this patient: 50 % / 90 %") };
  /* HbA1c, TG and HDL have no panel of their own: the legend says so rather than crowd one */
  if (labs_drawn || labs_left_out)
    keys[n_keys++] = (Key) { KEY_MARKER, COL_SERIES,
                             labs_left_out ? _("Your labs (HbA1c, TG and HDL not drawn)")
                                           : _("Your labs") };

  gtw_fig_begin_stream (cr, options);
  gtw_fig_layout_init_full (&layout, options, first_day / days_per_x, last_day / days_per_x, keys, n_keys,
                    blocks, TRUE);
  if ((last_day - first_day) / layout.columns > 1.0)
    {
      decade_data_weekly_means (&d);
      decade_data_weekly_means (&b);
    }

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
  /* the axes hold the thresholds and the labs too, revealed or not, and the bands as far as
   * they may reach */
  for (guint i = 0; i < N_PANELS; i++)
    {
      g_autoptr (GArray) extra = g_array_new (FALSE, FALSE, sizeof (double));
      g_autofree double *lab_x = NULL, *lab_y = NULL;
      guint n_labs = labs_load (scenario->labs, options, i, days_per_x, &lab_x, &lab_y);

      if (i == 0)
        {
          g_array_append_val (extra, ifg);
          g_array_append_val (extra, diabetes);
        }
      for (guint k = 0; k < n_labs; k++)
        if (lab_x[k] >= first_day / days_per_x && lab_x[k] <= last_day / days_per_x)
          g_array_append_val (extra, lab_y[k]);
      append_band_reach (extra, &series[i], d.n, b.n, &bands[i], first_day / days_per_x,
                         last_day / days_per_x);
      gtw_fig_series_range (&layout, &layout.panels[i], &series[i], d.n, b.n,
                            (const double *) extra->data, extra->len);
    }

  ifg_label = g_strdup_printf (_("impaired fasting glucose %.*f"), ifg < 50 ? 1 : 0, ifg);
  diabetes_label = g_strdup_printf (_("diabetes %.*f"), diabetes < 50 ? 1 : 0, diabetes);

  gtw_fig_layout_store_geometry (&layout, 0, days_per_x);
  if (gtw_fig_layout_fits (&layout))
    {
      gtw_fig_draw_legend (&layout, keys, n_keys);
      parts = (DecadeParts) { &d, with_base ? &b : NULL, series, blocks, bands, scenario->labs,
                              days_per_x };
      draw_decade (&layout, &parts, options->title != NULL ? options->title : scenario->name,
                   year_view ? _("Time (months)") : _("Time (years)"), ifg, diabetes, ifg_label,
                   diabetes_label);
    }
  gtw_figure_end_plot (cr);

  decade_data_clear (&d);
  decade_data_clear (&b);
  for (guint i = 0; i < N_PANELS; i++)
    bands_clear (&bands[i]);
  return TRUE;
}
