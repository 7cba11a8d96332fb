/* gtw-handout-pages.c: what the handout's two pages say
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Page one: the patient, the figures with and without the plan, what happens and what the
 * plan changes, and what the markers mean. Page two: the markers table at years 1, 5 and 10,
 * each intervention with its timing and evidence, and the disclaimer.
 */
#include "gtw-handout-private.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "gtw-figure.h"
#include "gtw-intervention-style.h"
#include "gtw-story.h"

/* Story kinds by how much they matter to a patient, for the sentences that compare runs. */
static const GtwStoryKind compare_order[] = {
  GTW_STORY_DIABETES, GTW_STORY_PREDIABETES, GTW_STORY_BETA_CELLS_HALVED,
  GTW_STORY_BACK_TO_NORMAL, GTW_STORY_INSULIN_DOUBLED, GTW_STORY_HOMA_IR_HIGH,
};

/* ---------------------------------------------------------------------------------------- */
/* Content                                                                                  */

gboolean
gtw_handout_has_plan (Doc *doc)
{
  return doc->baseline != NULL;
}

static char *
format_when (int day)
{
  g_autofree char *span = gtw_story_format_span (day);

  /* Translators: when a story marker happens, e.g. "After 1.4 years", "After 3 days" */
  return g_strdup_printf (_("After %s"), span);
}

static char *
patient_summary (const GtwScenario *scenario)
{
  const GtwPatient *p = &scenario->patient;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  /* Translators: the date the handout was made, a g_date_time_format () format */
  g_autofree char *date = g_date_time_format (now, _("%-d %B %Y"));
  g_autofree char *duration = gtw_story_format_span (scenario->duration_days);
  g_autofree char *person = NULL;

  /* Translators: sex, age, height, weight, BMI and waist of the patient on day 0 */
  person = g_strdup_printf (_("%s, %d years, %d cm, %.0f kg (BMI %.1f), waist %d cm"),
                            gtw_patient_is_female (p) ? _("Woman") : _("Man"),
                            (int) lround (p->v[GTW_P_AGE]), (int) lround (p->v[GTW_P_HEIGHT]),
                            p->v[GTW_P_WEIGHT], gtw_patient_bmi (p),
                            (int) lround (p->v[GTW_P_WAIST]));
  /* Translators: the patient, the length of the simulated run, the date */
  return g_strdup_printf (_("%s · simulated over %s · prepared on %s"), person, duration, date);
}

void
gtw_handout_flow_title (Doc *doc)
{
  g_autofree char *overline = g_markup_escape_text (_("YOUR GLUCOSE STORY"), -1);
  g_autofree char *title = g_markup_escape_text (doc->scenario->name, -1);
  g_autofree char *summary = patient_summary (doc->scenario);
  g_autofree char *summary_markup = g_markup_escape_text (summary, -1);

  gtw_handout_flow_text (doc, STYLE_OVERLINE, overline, 3);
  gtw_handout_flow_text (doc, STYLE_TITLE, title, 4);
  gtw_handout_flow_text (doc, STYLE_SUBTITLE, summary_markup, 8);
  gtw_handout_flow_rule (doc);
}

void
gtw_handout_flow_figure (Doc *doc, double height, double draw_width, double font_scale,
                         const char *title, GtwTrace *trace, GtwTrace *baseline)
{
  GtwFigureOptions options;
  double s = doc->width / draw_width;

  gtw_handout_ensure_space (doc, height);
  if (doc->cr != NULL && doc->error == NULL)
    {
      gtw_figure_options_init (&options);
      options.view = GTW_FIGURE_VIEW_DECADE;
      options.width = (int) draw_width;
      options.height = (int) (height / s);
      options.glucose_unit = doc->units.glucose;
      options.insulin_unit = doc->units.insulin;
      options.cpeptide_unit = doc->units.cpeptide;
      options.show_baseline = baseline != NULL;
      options.font_scale = font_scale;
      options.title = title;

      cairo_save (doc->cr);
      cairo_translate (doc->cr, doc->left, doc->y);
      cairo_scale (doc->cr, s, s);
      cairo_rectangle (doc->cr, 0, 0, options.width, options.height);
      cairo_clip (doc->cr);
      gtw_figure_draw_trace (doc->cr, &options, trace, baseline, &doc->error);
      cairo_restore (doc->cr);
    }
  doc->y += height + 8 * doc->scale;
}

/* The markers of one run as a list of "After 1.4 years: Fasting insulin doubled", under
 * @heading unless it is NULL. */
static char *
story_list_markup (GPtrArray *story, const char *heading, int n_days)
{
  GString *markup = g_string_new (NULL);

  if (heading != NULL)
    g_string_append_printf (markup, "<b>%s</b>\n", heading);
  if (story->len == 0)
    {
      g_autofree char *duration = gtw_story_format_span (n_days);
      g_autofree char *none = g_strdup_printf (_("No turning point within the %s simulated."),
                                               duration);
      g_autofree char *escaped = g_markup_escape_text (none, -1);

      g_string_append (markup, escaped);
    }
  for (guint i = 0; i < story->len; i++)
    {
      const GtwStoryMarker *m = g_ptr_array_index (story, i);
      g_autofree char *when = format_when (m->day);
      g_autofree char *line = g_markup_printf_escaped ("%s%s: %s", i > 0 ? "\n" : "", when,
                                                       m->title);

      g_string_append (markup, line);
    }
  return g_string_free (markup, FALSE);
}

/* The sentences that say what the interventions change: "Diabetes: avoided ...". */
static GPtrArray *
comparisons (Doc *doc)
{
  GPtrArray *sentences = g_ptr_array_new_with_free_func (g_free);

  if (!gtw_handout_has_plan (doc))
    return sentences;
  for (guint i = 0; i < G_N_ELEMENTS (compare_order); i++)
    {
      char *sentence = gtw_story_compare (doc->story, doc->baseline_story, compare_order[i],
                                          gtw_trace_get_n_days (doc->trace));

      if (sentence != NULL)
        g_ptr_array_add (sentences, sentence);
    }
  return sentences;
}

static void
flow_story_columns (Doc *doc)
{
  int n_days = (int) gtw_trace_get_n_days (doc->trace);
  double gap = 18 * doc->scale;
  double column = (doc->width - gap) / 2;
  g_autofree char *with = story_list_markup (doc->story, _("With your plan"), n_days);
  g_autofree char *without = NULL;
  double height;

  if (!gtw_handout_has_plan (doc))
    {
      g_autofree char *one = story_list_markup (doc->story, NULL, n_days);

      gtw_handout_flow_text (doc, STYLE_BODY, one, 8);
      return;
    }

  without = story_list_markup (doc->baseline_story, _("Without changes"), n_days);
  height = MAX (gtw_handout_text_height (doc, column, STYLE_BODY, with),
                gtw_handout_text_height (doc, column, STYLE_BODY, without));
  gtw_handout_ensure_space (doc, height);
  gtw_handout_text_at (doc, doc->left, doc->y, column, STYLE_BODY, PANGO_ALIGN_LEFT, with);
  gtw_handout_text_at (doc, doc->left + column + gap, doc->y, column, STYLE_BODY, PANGO_ALIGN_LEFT,
                       without);
  doc->y += height + 8 * doc->scale;
}

static void
flow_comparisons (Doc *doc)
{
  g_autoptr (GPtrArray) sentences = comparisons (doc);

  for (guint i = 0; i < sentences->len; i++)
    gtw_handout_flow_bullet (doc, STYLE_BODY, g_ptr_array_index (sentences, i), 3);
}

/* What the figure with the plan spends above its panels that the one without does not: a
 * second legend row (the baseline and the difference) and a lane for each intervention, up to
 * four, at the figure's type size (its smallest, at the height a page-one figure has). */
static double
plan_lanes_height (Doc *doc)
{
  const double text = 10.0;
  guint n = doc->scenario->interventions != NULL ? doc->scenario->interventions->len : 0;
  double s = doc->width / PDF_FIGURE_WIDTH;

  return (1.5 + MIN (n, 4) * 1.6 + 0.6) * text * s;
}

void
gtw_handout_page_one (Doc *doc)
{
  double figures, story;
  cairo_t *cr = doc->cr;

  gtw_handout_flow_title (doc);

  /* The figures take what the story leaves of the page. */
  doc->cr = NULL;
  {
    double y = doc->y;

    gtw_handout_flow_heading (doc, _("Turning points"), 0);
    flow_story_columns (doc);
    flow_comparisons (doc);
    story = doc->y - y;
    doc->y = y;
  }
  doc->cr = cr;
  figures = doc->bottom - doc->y - story - 16 * doc->scale;

  if (gtw_handout_has_plan (doc))
    {
      double lanes = plan_lanes_height (doc);

      /* the plan's figure also carries its interventions: with that much more room, the
       * panels of the two figures come out as tall as each other */
      gtw_handout_flow_figure (doc, (figures + lanes) / 2, PDF_FIGURE_WIDTH, 1.0,
                               _("With your plan"), doc->trace, doc->baseline);
      gtw_handout_flow_figure (doc, (figures - lanes) / 2, PDF_FIGURE_WIDTH, 1.0,
                               _("Without changes"), doc->baseline, NULL);
    }
  else
    /* one figure alone would stretch its panels: keep it about as tall as it is wide */
    gtw_handout_flow_figure (doc, MIN (figures, 0.85 * doc->width), PDF_FIGURE_WIDTH, 1.0, NULL,
                             doc->trace, NULL);

  gtw_handout_flow_heading (doc, _("Turning points"), 0);
  flow_story_columns (doc);
  flow_comparisons (doc);
}

static void
flow_explanations (Doc *doc)
{
  g_autofree char *duration = gtw_story_format_span ((int) gtw_trace_get_n_days (doc->trace));

  gtw_handout_flow_heading (doc, _("What the turning points mean"), 40 * doc->scale);
  if (doc->story->len == 0)
    {
      g_autofree char *none = g_strdup_printf (gtw_handout_has_plan (doc)
                                                 ? _("With your plan, none of the turning points "
                                                     "happens within the %s simulated.")
                                                 : _("None of the turning points happens within "
                                                     "the %s simulated."),
                                               duration);
      g_autofree char *markup = g_markup_escape_text (none, -1);

      gtw_handout_flow_text (doc, STYLE_BODY, markup, 6);
      return;
    }
  for (guint i = 0; i < doc->story->len; i++)
    {
      const GtwStoryMarker *m = g_ptr_array_index (doc->story, i);
      g_autofree char *when = format_when (m->day);
      g_autofree char *markup = g_markup_printf_escaped ("<b>%s · %s.</b> %s", when, m->title,
                                                         m->explanation);

      gtw_handout_flow_text (doc, STYLE_BODY, markup, 5);
    }
}

/* ---- the markers table ---- */

static const char *
row_title (Row row)
{
  switch (row)
    {
    case ROW_FASTING_GLUCOSE: return _("Fasting glucose");
    case ROW_FASTING_INSULIN: return _("Fasting insulin");
    case ROW_CPEPTIDE: return _("C-peptide");
    case ROW_HOMA_IR: return _("HOMA-IR");
    case ROW_HBA1C: return _("HbA1c");
    case ROW_TG_HDL: return _("Triglycerides : HDL");
    case ROW_WEIGHT: return _("Weight");
    case ROW_BETA_CELLS: return _("Beta-cell mass");
    case ROW_STAGE: return _("Stage");
    case N_ROWS:
    default: g_assert_not_reached ();
    }
}

static const char *
row_unit (Row row, const GtwDisplayUnits *u)
{
  switch (row)
    {
    case ROW_FASTING_GLUCOSE: return gtw_glucose_unit_label (u->glucose);
    case ROW_FASTING_INSULIN: return gtw_insulin_unit_label (u->insulin);
    case ROW_CPEPTIDE: return gtw_cpeptide_unit_label (u->cpeptide);
    case ROW_HBA1C: return gtw_hba1c_unit_label (u->hba1c);
    case ROW_WEIGHT: return _("kg");
    case ROW_BETA_CELLS:
      /* xgettext:no-c-format */
      return _("% of healthy");
    case ROW_HOMA_IR:
    case ROW_TG_HDL:
    case ROW_STAGE:
      return NULL;
    case N_ROWS:
    default: g_assert_not_reached ();
    }
}

/* The row's name, and its unit in grey on a line of its own (never broken inside "mmol/L"). */
static char *
row_label_markup (Row row, const GtwDisplayUnits *u)
{
  const char *unit = row_unit (row, u);

  if (unit == NULL)
    return g_markup_escape_text (row_title (row), -1);
  return g_markup_printf_escaped ("%s\n<span foreground=\"#707070\">%s</span>", row_title (row),
                                  unit);
}

char *
gtw_handout_row_value (Row row, const GtwMarkers *m, const GtwDisplayUnits *u)
{
  switch (row)
    {
    case ROW_FASTING_GLUCOSE:
      return g_strdup_printf ("%.*f", u->glucose == GTW_GLUCOSE_MGDL ? 0 : 1,
                              gtw_glucose_convert (m->fasting_glucose, u->glucose));
    case ROW_FASTING_INSULIN:
      return g_strdup_printf ("%.*f", u->insulin == GTW_INSULIN_UU ? 1 : 0,
                              gtw_insulin_convert (m->fasting_insulin, u->insulin));
    case ROW_CPEPTIDE:
      return g_strdup_printf ("%.*f", u->cpeptide == GTW_CPEPTIDE_NGML ? 1 : 2,
                              gtw_cpeptide_convert (m->fasting_cpeptide, u->cpeptide));
    case ROW_HOMA_IR:
      return g_strdup_printf ("%.1f", m->homa_ir);
    case ROW_HBA1C:
      return g_strdup_printf ("%.*f", u->hba1c == GTW_HBA1C_MMOLMOL ? 0 : 1,
                              gtw_hba1c_convert (m->hba1c, u->hba1c));
    case ROW_TG_HDL:
      /* as the markers panel: the ratio of the lipid units that go with the glucose unit */
      return g_strdup_printf ("%.1f", u->glucose == GTW_GLUCOSE_MGDL ? m->tg_hdl_mgdl
                                                                      : m->tg_hdl_mmol);
    case ROW_WEIGHT:
      return g_strdup_printf ("%.1f", m->weight);
    case ROW_BETA_CELLS:
      return g_strdup_printf ("%.0f", 100.0 * m->beta_cell_mass_rel);
    case ROW_STAGE:
      return g_strdup (gtw_stage_label (gtw_stage_classify_as_shown (m->fasting_glucose, m->hba1c,
                                                                      m->homa_ir, m->fasting_insulin,
                                                                      u->glucose, u->hba1c)));
    case N_ROWS:
    default:
      g_assert_not_reached ();
    }
}

/* Years 1, 5 and 10, or the end of a shorter run, once each. */
static guint
table_days (GtwTrace *trace, int *days)
{
  static const int years[] = { 1, 5, 10 };
  int last = (int) gtw_trace_get_n_days (trace) - 1;
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      int day = MIN (years[i] * 365, last);

      if (n == 0 || days[n - 1] != day)
        days[n++] = day;
    }
  return n;
}

/* @elapsed: days since the start, the end of the run counting as its whole length */
static char *
column_heading (int elapsed)
{
  g_autofree char *span = gtw_story_format_span (elapsed);

  /* Translators: a column of the markers table, e.g. "After 5 years" */
  return g_strdup_printf (_("After %s"), span);
}

static gboolean
table_markers (Doc *doc, GtwTrace *trace, const int *days, guint n_days, GtwMarkers *out)
{
  for (guint i = 0; i < n_days; i++)
    if (!gtw_trace_markers (trace, days[i], &out[i], doc->error == NULL ? &doc->error : NULL))
      return FALSE;
  return TRUE;
}

static void
fill_rect (Doc *doc, double x, double y, double w, double h, double r, double g, double b)
{
  if (doc->cr == NULL)
    return;
  cairo_set_source_rgb (doc->cr, r, g, b);
  cairo_rectangle (doc->cr, x, y, w, h);
  cairo_fill (doc->cr);
}

/* The cells of the markers table are narrow (six beside the labels when there is a plan), and
 * a translated stage can hold a word wider than a cell ("Insulinresistenz"). A row whose widest
 * word does not fit is set smaller, the whole row alike, down to CELL_MIN_SCALE of the table's
 * type; a word that still does not fit is broken, with a hyphen, rather than drawn over its
 * neighbour. */
#define CELL_MIN_SCALE 0.7

static PangoLayout *
cell_layout (Doc *doc, double width, double size_scale, const char *markup)
{
  PangoLayout *layout = gtw_handout_make_layout (doc, STYLE_TABLE, size_scale, width, markup);

  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  return layout;
}

/* The width of the widest word of @markup at the table's full type size. */
static double
widest_word (Doc *doc, const char *markup)
{
  g_autoptr (PangoLayout) layout = gtw_handout_make_layout (doc, STYLE_TABLE, 1.0, -1, markup);
  int widest = 0;

  /* as narrow as can be, whole words: one word a line */
  pango_layout_set_width (layout, 1);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      PangoRectangle logical;

      pango_layout_line_get_extents (l->data, NULL, &logical);
      widest = MAX (widest, logical.width);
    }
  return (double) widest / PANGO_SCALE;
}

/* The value cells of a row, in the order they are drawn: for each column the run with the plan
 * (bold when there is a plan to compare it with), then the run without. */
static GPtrArray *
row_cells (Doc *doc, Row row, const GtwMarkers *with, const GtwMarkers *without, guint n_cols)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);

  for (guint c = 0; c < n_cols; c++)
    {
      g_autofree char *a = gtw_handout_row_value (row, &with[c], &doc->units);

      if (gtw_handout_has_plan (doc))
        {
          g_autofree char *b = gtw_handout_row_value (row, &without[c], &doc->units);

          g_ptr_array_add (cells, g_markup_printf_escaped ("<b>%s</b>", a));
          g_ptr_array_add (cells, g_markup_escape_text (b, -1));
        }
      else
        g_ptr_array_add (cells, g_markup_escape_text (a, -1));
    }
  return cells;
}

static void
flow_table (Doc *doc)
{
  int days[3];
  guint n_cols = table_days (doc->trace, days);
  guint n_sub = gtw_handout_has_plan (doc) ? 2 : 1;
  GtwMarkers with[3], without[3];
  double label_width = doc->width * 0.21;
  double cell = (doc->width - label_width) / (n_cols * n_sub);
  double pad = 3 * doc->scale;
  double heights[N_ROWS + 2];
  double size_scales[N_ROWS];
  GPtrArray *cells[N_ROWS] = { NULL };
  double total = 0;
  double y;

  if (!table_markers (doc, doc->trace, days, n_cols, with))
    return;
  if (gtw_handout_has_plan (doc) && !table_markers (doc, doc->baseline, days, n_cols, without))
    return;

  /* measure the header rows and every row first: the table stays on one page */
  heights[0] = gtw_handout_text_height (doc, cell * n_sub, STYLE_TABLE, "<b>X</b>") + 2 * pad;
  heights[1] = gtw_handout_has_plan (doc)
               ? gtw_handout_text_height (doc, cell, STYLE_TABLE, "X") + 2 * pad : 0;
  for (Row row = 0; row < N_ROWS; row++)
    {
      g_autofree char *label_markup = row_label_markup (row, &doc->units);
      double h = gtw_handout_text_height (doc, label_width - 2 * pad, STYLE_TABLE, label_markup);

      cells[row] = row_cells (doc, row, with, without, n_cols);
      size_scales[row] = 1.0;
      for (guint i = 0; i < cells[row]->len; i++)
        {
          double widest = widest_word (doc, g_ptr_array_index (cells[row], i));

          if (widest > cell - 2 * pad)
            size_scales[row] = MIN (size_scales[row],
                                    MAX (CELL_MIN_SCALE, (cell - 2 * pad) / widest));
        }
      for (guint i = 0; i < cells[row]->len; i++)
        {
          g_autoptr (PangoLayout) layout = cell_layout (doc, cell - 2 * pad, size_scales[row],
                                                        g_ptr_array_index (cells[row], i));

          h = MAX (h, gtw_handout_layout_height (layout));
        }
      heights[row + 2] = h + 2 * pad;
    }
  for (guint i = 0; i < G_N_ELEMENTS (heights); i++)
    total += heights[i];

  gtw_handout_flow_heading (doc, _("Your markers"), total);
  y = doc->y;

  /* header: the years, then "with / without" under each */
  for (guint c = 0; c < n_cols; c++)
    {
      int last = (int) gtw_trace_get_n_days (doc->trace) - 1;
      g_autofree char *heading = column_heading (days[c] == last ? last + 1 : days[c]);
      g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", heading);
      double x = doc->left + label_width + c * n_sub * cell;

      fill_rect (doc, x + pad / 2, y, n_sub * cell - pad, heights[0] + heights[1], 0.93, 0.94,
                 0.96);
      gtw_handout_text_at (doc, x, y + pad, n_sub * cell, STYLE_TABLE, PANGO_ALIGN_CENTER, markup);
      if (gtw_handout_has_plan (doc))
        {
          gtw_handout_text_at (doc, x, y + heights[0] + pad, cell, STYLE_TABLE, PANGO_ALIGN_CENTER,
                               _("With plan"));
          gtw_handout_text_at (doc, x + cell, y + heights[0] + pad, cell, STYLE_TABLE,
                               PANGO_ALIGN_CENTER, _("Without"));
        }
    }
  y += heights[0] + heights[1];

  for (Row row = 0; row < N_ROWS; row++)
    {
      g_autofree char *label_markup = row_label_markup (row, &doc->units);
      double h = heights[row + 2];

      if (row % 2 == 0)
        fill_rect (doc, doc->left, y, doc->width, h, 0.965, 0.965, 0.965);
      gtw_handout_text_at (doc, doc->left + pad, y + pad, label_width - 2 * pad, STYLE_TABLE,
                           PANGO_ALIGN_LEFT, label_markup);
      for (guint i = 0; i < cells[row]->len && doc->cr != NULL; i++)
        {
          g_autoptr (PangoLayout) layout = cell_layout (doc, cell - 2 * pad, size_scales[row],
                                                        g_ptr_array_index (cells[row], i));
          double grey = gtw_handout_styles[STYLE_TABLE].grey;

          cairo_set_source_rgb (doc->cr, grey, grey, grey);
          cairo_move_to (doc->cr, doc->left + label_width + i * cell + pad, y + pad);
          pango_cairo_show_layout (doc->cr, layout);
        }
      y += h;
      g_ptr_array_unref (cells[row]);
    }
  doc->y = y + 10 * doc->scale;
}

/* ---- the interventions ---- */

static const char *
evidence_meaning (GtwEvidence evidence)
{
  switch (evidence)
    {
    case GTW_EVIDENCE_STRONG:
      return _("large randomised trials show that it works.");
    case GTW_EVIDENCE_MODERATE:
      return _("smaller trials and their pooled analyses show an effect.");
    case GTW_EVIDENCE_WEAK:
      return _("few or mixed studies; the effect may be small or absent.");
    case GTW_EVIDENCE_MECHANISTIC:
      return _("expected from how the body works, not yet shown in trials.");
    default:
      g_return_val_if_reached (NULL);
    }
}

static char *
intervention_timing (const GtwIntervention *iv, int n_days)
{
  g_autofree char *start = gtw_intervention_style_format_day (iv->start_day);
  g_autofree char *end = NULL;

  if (iv->end_day < 0 || iv->end_day >= n_days - 1)
    /* Translators: when an intervention runs, e.g. "Year 6, month 1 to the end of the run" */
    return g_strdup_printf (_("%s to the end of the run"), start);
  end = gtw_intervention_style_format_day (iv->end_day);
  /* Translators: when an intervention runs, e.g. "Year 1, month 1 to year 2, month 6" */
  return g_strdup_printf (_("%s to %s"), start, end);
}

/* Appends " · @text" to @markup, escaped; nothing for NULL. */
static void
append_part (GString *markup, const char *text)
{
  g_autofree char *escaped = NULL;

  if (text == NULL)
    return;
  escaped = g_markup_escape_text (text, -1);
  g_string_append_printf (markup, " · %s", escaped);
}

static void
flow_intervention (Doc *doc, const GtwIntervention *iv)
{
  const GtwInterventionClass *klass = gtw_intervention_class (iv->type);
  g_autofree char *dose = gtw_intervention_style_format_dose (iv);
  g_autofree char *timing = intervention_timing (iv, doc->scenario->duration_days);
  g_autofree char *label = g_markup_escape_text (_(klass->label), -1);
  g_autofree char *body = NULL;
  g_autoptr (GString) head = g_string_new (NULL);
  double chip = 8 * doc->scale;
  double indent = chip + 6 * doc->scale;
  double width = doc->width - indent;
  double h_head, h_body;
  GdkRGBA fill, text;

  g_string_append_printf (head, "<b>%s</b>", label);
  append_part (head, dose);
  append_part (head, timing);
  if (iv->adherence < 1.0)
    {
      /* Translators: how faithfully an intervention is followed, in percent */
      g_autofree char *adherence = g_strdup_printf (_("followed %.0f %% of the time"),
                                                    100.0 * iv->adherence);

      append_part (head, adherence);
    }
  body = g_markup_printf_escaped ("%s\n<i>%s</i> %s\n<i>%s</i> %s: %s",
                                  _(klass->explanation), _("Where it acts:"), _(klass->acts_on),
                                  _("Evidence:"), gtw_evidence_label (klass->evidence),
                                  evidence_meaning (klass->evidence));

  h_head = gtw_handout_text_height (doc, width, STYLE_BODY, head->str);
  h_body = gtw_handout_text_height (doc, width, STYLE_SMALL, body);
  gtw_handout_ensure_space (doc, h_head + h_body + 4 * doc->scale);

  if (doc->cr != NULL)
    {
      gtw_intervention_style_colors (iv->type, FALSE, &fill, &text);
      cairo_set_source_rgb (doc->cr, fill.red, fill.green, fill.blue);
      cairo_new_path (doc->cr);
      /* centred on the first line of the heading */
      cairo_arc (doc->cr, doc->left + chip / 2,
                 doc->y + 0.7 * gtw_handout_styles[STYLE_BODY].size * doc->scale, chip / 2, 0,
                 2 * G_PI);
      cairo_fill (doc->cr);
    }
  gtw_handout_text_at (doc, doc->left + indent, doc->y, width, STYLE_BODY, PANGO_ALIGN_LEFT,
                       head->str);
  doc->y += h_head + 2 * doc->scale;
  gtw_handout_text_at (doc, doc->left + indent, doc->y, width, STYLE_SMALL, PANGO_ALIGN_LEFT, body);
  doc->y += h_body + 9 * doc->scale;
}

static void
flow_interventions (Doc *doc)
{
  GArray *ivs = doc->scenario->interventions;

  if (!gtw_handout_has_plan (doc))
    return;
  gtw_handout_flow_heading (doc, _("Your plan"), 60 * doc->scale);
  for (guint i = 0; i < ivs->len; i++)
    flow_intervention (doc, &g_array_index (ivs, GtwIntervention, i));
}

static void
flow_disclaimer (Doc *doc)
{
  g_autofree char *markup = g_markup_escape_text (gtw_handout_disclaimer (), -1);
  double pad = 8 * doc->scale;
  double height = gtw_handout_text_height (doc, doc->width - 2 * pad, STYLE_DISCLAIMER, markup)
                  + 2 * pad;

  gtw_handout_ensure_space (doc, height + 6 * doc->scale);
  doc->y += 6 * doc->scale;
  fill_rect (doc, doc->left, doc->y, doc->width, height, 1.0, 0.95, 0.82);
  fill_rect (doc, doc->left, doc->y, 3 * doc->scale, height, 0.90, 0.60, 0.10);
  gtw_handout_text_at (doc, doc->left + pad, doc->y + pad, doc->width - 2 * pad, STYLE_DISCLAIMER,
                       PANGO_ALIGN_LEFT, markup);
  doc->y += height;
}

void
gtw_handout_page_two (Doc *doc)
{
  double scale = doc->scale;

  gtw_handout_new_page (doc);
  doc->scale = scale * doc->page_two_fit;
  flow_explanations (doc);
  flow_table (doc);
  flow_interventions (doc);
  flow_disclaimer (doc);
  doc->scale = scale;
}

