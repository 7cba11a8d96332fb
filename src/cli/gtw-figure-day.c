/* gtw-figure-day.c: the figure's day view, minute by minute
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gtw-figure-private.h"

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
  GArray *blocks = gtw_fig_blocks_new ();

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
  g_array_sort (blocks, gtw_fig_compare_blocks);
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

  if (!gtw_fig_check_draw_args (cr, options, error))
    return FALSE;
  if (day->minutes == NULL || day->minutes->len == 0)
    {
      g_set_error (error, GTW_FIGURE_ERROR, GTW_FIGURE_ERROR_NO_DATA, _("Day %d has no data"),
                   day->day);
      return FALSE;
    }
  if (gtw_fig_too_small (cr, options))
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

  gtw_fig_begin_stream (cr, options);
  gtw_fig_layout_init_full (&layout, options, 0, 24, keys, n_keys, blocks, FALSE);
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
    gtw_fig_series_range (&layout, &layout.panels[i], &series[i], d.n, b.n, NULL, 0);

  if (options->title != NULL)
    title = g_strdup_printf (_("%s: day %d"), options->title, day->day);
  else
    title = g_strdup_printf (_("Day %d"), day->day);

  gtw_fig_layout_store_geometry (&layout, day->day, 1.0 / 24);
  if (gtw_fig_layout_fits (&layout))
    {
      gtw_fig_draw_title (&layout, title);
      gtw_fig_draw_legend (&layout, keys, n_keys);
      plslabelfunc (clock_label_func, NULL);
      for (guint i = 0; i < N_PANELS; i++)
        {
          if (!layout.shown[i])
            continue;
          gtw_fig_panel_viewport (&layout, i);
          gtw_fig_draw_block_bands (&layout, i, blocks);
          gtw_fig_draw_grid (&layout, i);
          gtw_fig_draw_series (&layout, i, &series[i], d.x, d.n, b.x, b.n);
          gtw_fig_draw_axes (&layout, i, series[i].title, series[i].unit, TRUE);
        }
      plslabelfunc (NULL, NULL);
      gtw_fig_draw_x_label (&layout, _("Time of day"));
      gtw_fig_draw_lanes (&layout, blocks);
    }
  gtw_figure_end_plot (cr);

  day_data_clear (&d);
  day_data_clear (&b);
  return TRUE;
}
