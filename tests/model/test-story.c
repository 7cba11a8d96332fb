/* test-story.c: story markers on real preset runs
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The young progressor turns through every marker in the order of the source texts (insulin
 * first, glucose a decade later), a healthy adult through none, a treated prediabetic comes
 * back to normal, and the markers of a growing trace are those of the finished one so far.
 */
#include <math.h>
#include <string.h>

#include <gtw-model.h>
#include <gtw-story.h>

#include "gtw-test-util.h"

static GtwTrace *progressor_trace;

static GtwTrace *
progressor (void)
{
  if (progressor_trace == NULL)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GtwScenario) s = gtw_preset_load ("progressor", &error);

      g_assert_no_error (error);
      g_array_set_size (s->interventions, 0);
      progressor_trace = gtw_test_run (s);
    }
  return progressor_trace;
}

static void
add_intervention (GtwScenario *s, GtwInterventionType type, int start_day)
{
  GtwIntervention iv;

  gtw_intervention_init (&iv, type, start_day);
  g_array_append_val (s->interventions, iv);
}

static void
assert_same_markers (GPtrArray *a, GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      const GtwStoryMarker *ma = g_ptr_array_index (a, i);
      const GtwStoryMarker *mb = g_ptr_array_index (b, i);

      g_assert_cmpint (ma->kind, ==, mb->kind);
      g_assert_cmpint (ma->day, ==, mb->day);
      g_assert_cmpfloat (ma->value, ==, mb->value);
      g_assert_cmpstr (ma->explanation, ==, mb->explanation);
    }
}

/* The beta-cell flag speaks of the healthy reference mass, so it holds in treated runs too:
 * on its day the mass is below half of that reference, and its sentence says so. */
static void
assert_beta_flag_true (GtwTrace *trace, GPtrArray *story)
{
  for (guint i = 0; i < story->len; i++)
    {
      const GtwStoryMarker *m = g_ptr_array_index (story, i);

      if (m->kind != GTW_STORY_BETA_CELLS_HALVED)
        continue;
      g_assert_cmpfloat (gtw_trace_get_day (trace, m->day)->beta_cell_mass_rel, <, 0.5);
      g_assert_cmpfloat (m->value, ==, 100.0 * gtw_trace_get_day (trace, m->day)->beta_cell_mass_rel);
      g_assert_nonnull (strstr (m->explanation, "healthy adult"));
    }
}

static void
test_progressor (void)
{
  GtwTrace *trace = progressor ();
  g_autoptr (GPtrArray) story = gtw_story_compute (trace, NULL);
  const GtwStoryMarker *insulin, *homa, *pre, *beta, *diabetes;
  guint counts[GTW_N_STORY_KINDS] = { 0 };

  for (guint i = 0; i < story->len; i++)
    {
      const GtwStoryMarker *m = g_ptr_array_index (story, i);

      g_test_message ("day %5d %-20s %7.2f  %s", m->day, gtw_story_kind_to_string (m->kind),
                      m->value, m->explanation);
      counts[m->kind]++;
      g_assert_cmpstr (m->title, ==, gtw_story_kind_title (m->kind));
      g_assert_true (g_utf8_validate (m->explanation, -1, NULL));
      g_assert_true (g_str_has_prefix (m->explanation, "Your "));
      if (i > 0)
        g_assert_cmpint (((GtwStoryMarker *) g_ptr_array_index (story, i - 1))->day, <=, m->day);
    }

  /* Each turn once: no flicker near the thresholds, and no way back without treatment. */
  for (guint k = 0; k < GTW_STORY_BACK_TO_NORMAL; k++)
    g_assert_cmpuint (counts[k], ==, 1);
  g_assert_cmpuint (counts[GTW_STORY_BACK_TO_NORMAL], ==, 0);

  insulin = gtw_story_find (story, GTW_STORY_INSULIN_DOUBLED);
  homa = gtw_story_find (story, GTW_STORY_HOMA_IR_HIGH);
  pre = gtw_story_find (story, GTW_STORY_PREDIABETES);
  beta = gtw_story_find (story, GTW_STORY_BETA_CELLS_HALVED);
  diabetes = gtw_story_find (story, GTW_STORY_DIABETES);

  /* The hidden decade: insulin doubles years before glucose leaves the normal range. */
  g_assert_cmpint (insulin->day + 5 * 365, <, pre->day);
  g_assert_cmpint (homa->day, <, pre->day);
  g_assert_cmpint (pre->day, <, diabetes->day);
  g_assert_cmpint (diabetes->day, >=, 8 * 365);
  g_assert_cmpint (diabetes->day, <=, 16 * 365);
  /* Beta-cell mass first grows with the demand (by about a quarter), so it falls below half of
   * the healthy reference only around the onset, after prediabetes has begun (Butler 2003: 40-60 %
   * below the matched non-diabetic level at diagnosis). */
  g_assert_cmpint (beta->day, >, pre->day);
  g_assert_cmpint (ABS (beta->day - diabetes->day), <, 3 * 365);

  /* The values are those of the day reported, and the sentences carry them. */
  g_assert_cmpfloat (insulin->value, >=,
                     2.0 * gtw_trace_get_day (trace, 0)->fasting_insulin);
  g_assert_cmpfloat (insulin->value, ==, gtw_trace_get_day (trace, insulin->day)->fasting_insulin);
  g_assert_nonnull (strstr (insulin->explanation, "pmol/L"));
  g_assert_nonnull (strstr (insulin->explanation, "still normal"));
  g_assert_cmpfloat (homa->value, >, 2.5);
  g_assert_cmpfloat (beta->value, <, 50.0);
  g_assert_cmpfloat (beta->value, >, 45.0);
  g_assert_nonnull (strstr (beta->explanation, "overwork"));
  assert_beta_flag_true (trace, story);
  /* The story classifies the values as they are shown (one decimal in mmol/L and %). */
  g_assert_true (round (diabetes->value * 10.0) >= 70.0
                 || round (gtw_trace_get_day (trace, diabetes->day)->hba1c * 10.0) >= 65.0);
  /* The sentence names the value that crossed its cut-off as shown. */
  if (strstr (pre->explanation, "fasting glucose") != NULL)
    g_assert_cmpfloat (round (pre->value * 10.0), >=, 56.0);
  else
    g_assert_cmpfloat (round (gtw_trace_get_day (trace, pre->day)->hba1c * 10.0), >=, 57.0);
  if (strstr (diabetes->explanation, "fasting glucose") != NULL)
    g_assert_cmpfloat (round (diabetes->value * 10.0), >=, 70.0);
  else
    g_assert_cmpfloat (round (gtw_trace_get_day (trace, diabetes->day)->hba1c * 10.0), >=, 65.0);
  /* The engine's own onset (first day at or above 7.0) is not before the marker's. */
  g_assert_cmpint (gtw_trace_diabetes_onset (trace), >=, diabetes->day);
}

static void
test_units (void)
{
  const GtwStoryUnits us = { GTW_GLUCOSE_MGDL, GTW_INSULIN_UU, GTW_HBA1C_MMOLMOL };
  g_autoptr (GPtrArray) si = gtw_story_compute (progressor (), NULL);
  g_autoptr (GPtrArray) story = gtw_story_compute (progressor (), &us);
  const GtwStoryMarker *insulin = gtw_story_find (story, GTW_STORY_INSULIN_DOUBLED);
  const GtwStoryMarker *diabetes = gtw_story_find (story, GTW_STORY_DIABETES);
  const GtwStoryMarker *pre = gtw_story_find (story, GTW_STORY_PREDIABETES);

  /* The same turns, in the units chosen. Their days may differ a little: each unit rounds its
   * own way (100 mg/dL is 5.55 mmol/L), and the story reads the values as shown. */
  g_assert_cmpuint (story->len, ==, si->len);
  g_assert_nonnull (strstr (insulin->explanation, "µU/mL"));
  g_assert_null (strstr (insulin->explanation, "pmol/L"));
  if (gtw_stage_classify_as_shown (diabetes->value, 0, 0, 0, us.glucose, us.hba1c)
      == GTW_STAGE_DIABETES)
    g_assert_nonnull (strstr (diabetes->explanation, "126 mg/dL"));
  else
    g_assert_nonnull (strstr (diabetes->explanation, "48 mmol/mol"));
  if (gtw_stage_classify_as_shown (pre->value, 0, 0, 0, us.glucose, us.hba1c)
      >= GTW_STAGE_PREDIABETES)
    g_assert_nonnull (strstr (pre->explanation, "mg/dL"));
  else
    g_assert_nonnull (strstr (pre->explanation, "mmol/mol"));
}

typedef struct
{
  guint      n_checks;
  GPtrArray *final;
} GrowingCheck;

static void
check_chunk (GtwTrace *trace, guint first_day, guint n_days, gpointer user_data)
{
  GrowingCheck *check = user_data;
  g_autoptr (GPtrArray) story = gtw_story_compute (trace, NULL);
  guint filled = first_day + n_days;
  guint expected = 0;

  g_assert_cmpuint (gtw_trace_get_n_days (trace), >=, filled);
  filled = gtw_trace_get_n_days (trace);
  /* A turn is known once it has held: exactly the finished run's markers that have. */
  for (guint i = 0; i < check->final->len; i++)
    {
      const GtwStoryMarker *m = g_ptr_array_index (check->final, i);

      if ((guint) m->day + GTW_STORY_HOLD_DAYS <= filled)
        expected++;
    }
  g_assert_cmpuint (story->len, ==, expected);
  for (guint i = 0; i < story->len; i++)
    {
      const GtwStoryMarker *a = g_ptr_array_index (story, i);
      const GtwStoryMarker *b = g_ptr_array_index (check->final, i);

      g_assert_cmpint (a->kind, ==, b->kind);
      g_assert_cmpint (a->day, ==, b->day);
    }
  check->n_checks++;
}

static void
test_growing_and_determinism (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GtwScenario) s = gtw_preset_load ("progressor", &error);
  g_autoptr (GPtrArray) final = gtw_story_compute (progressor (), NULL);
  g_autoptr (GPtrArray) again = NULL;
  g_autoptr (GtwTrace) trace = NULL;
  GrowingCheck check = { 0, final };
  GtwSimOptions options;

  g_assert_no_error (error);
  g_array_set_size (s->interventions, 0);
  gtw_sim_options_init (&options);
  options.chunk_days = 200;
  options.chunk_func = check_chunk;
  options.chunk_data = &check;
  trace = gtw_simulate (s, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (check.n_checks, >=, s->duration_days / 200);

  /* A second run, and a second computation, tell the same story word for word. */
  again = gtw_story_compute (trace, NULL);
  assert_same_markers (final, again);
}

static void
test_format_span (void)
{
  g_autofree char *days = gtw_story_format_span (12);
  g_autofree char *day = gtw_story_format_span (1);
  g_autofree char *months = gtw_story_format_span (150);
  g_autofree char *years = gtw_story_format_span (4637);
  g_autofree char *whole = gtw_story_format_span (20 * 365);
  g_autofree char *one = gtw_story_format_span (365);

  g_assert_cmpstr (days, ==, "12 days");
  g_assert_cmpstr (day, ==, "1 day");
  g_assert_cmpstr (months, ==, "5 months");
  g_assert_cmpstr (years, ==, "12.7 years");
  g_assert_cmpstr (whole, ==, "20 years");
  g_assert_cmpstr (one, ==, "1 year");
}

static void
test_healthy (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GtwScenario) s = gtw_preset_load ("healthy", &error);
  g_autoptr (GtwTrace) trace = NULL;
  g_autoptr (GPtrArray) story = NULL;

  g_assert_no_error (error);
  trace = gtw_test_run (s);
  story = gtw_story_compute (trace, NULL);
  for (guint i = 0; i < story->len; i++)
    g_test_message ("unexpected: %s", ((GtwStoryMarker *) g_ptr_array_index (story, i))->explanation);
  g_assert_cmpuint (story->len, ==, 0);
}

/* The stage as the story sees it: on the values as shown in mmol/L and %. */
static GtwStage
shown_stage (const GtwDayRecord *rec)
{
  return gtw_stage_classify_as_shown (rec->fasting_glucose, rec->hba1c, rec->homa_ir,
                                      rec->fasting_insulin, GTW_GLUCOSE_MMOL, GTW_HBA1C_PERCENT);
}

static void
test_back_to_normal (void)
{
  g_autoptr (GtwScenario) s = gtw_test_preset ("prediabetes-ifg", 2 * 365);
  g_autoptr (GtwScenario) baseline = gtw_scenario_copy_baseline (s);
  g_autoptr (GtwTrace) trace = NULL;
  g_autoptr (GtwTrace) baseline_trace = NULL;
  g_autoptr (GPtrArray) story = NULL;
  g_autoptr (GPtrArray) baseline_story = NULL;
  g_autofree char *compared = NULL;
  const GtwStoryMarker *back;

  add_intervention (s, GTW_IV_METFORMIN, 0);
  add_intervention (s, GTW_IV_EXERCISE, 0);
  add_intervention (s, GTW_IV_CARB_REDUCTION, 0);
  trace = gtw_test_run (s);
  baseline_trace = gtw_test_run (baseline);
  g_assert_cmpint (shown_stage (gtw_trace_get_day (trace, 0)), ==, GTW_STAGE_PREDIABETES);

  story = gtw_story_compute (trace, NULL);
  baseline_story = gtw_story_compute (baseline_trace, NULL);
  back = gtw_story_find (story, GTW_STORY_BACK_TO_NORMAL);
  g_assert_nonnull (back);
  assert_beta_flag_true (trace, story);
  g_test_message ("day %d: %s", back->day, back->explanation);
  /* Metformin and exercise act within weeks (DPP); the start is no turn, so no prediabetes. */
  g_assert_cmpint (back->day, <, 120);
  g_assert_cmpfloat (back->value, <, 5.6);
  g_assert_null (gtw_story_find (story, GTW_STORY_PREDIABETES));
  for (guint day = back->day; day < (guint) back->day + GTW_STORY_HOLD_DAYS; day++)
    g_assert_cmpint (shown_stage (gtw_trace_get_day (trace, day)), <, GTW_STAGE_PREDIABETES);
  g_assert_cmpint (shown_stage (gtw_trace_get_day (trace, back->day - 1)), >=, GTW_STAGE_PREDIABETES);

  g_assert_null (gtw_story_find (baseline_story, GTW_STORY_BACK_TO_NORMAL));
  compared = gtw_story_compare (story, baseline_story, GTW_STORY_BACK_TO_NORMAL, 2 * 365);
  g_assert_nonnull (strstr (compared, "not reached without interventions"));
  g_clear_pointer (&compared, g_free);
  compared = gtw_story_compare (story, baseline_story, GTW_STORY_INSULIN_DOUBLED, 2 * 365);
  g_assert_null (compared);
}

/* prediabetes-igt with carbohydrate reduction alone: smaller glucose loads take fasting glucose
 * and HbA1c back under the cut-offs within a year, while his fasting insulin stays high (the
 * diet removes glucose, not the resistance); the story says the resistance is still there. */
static void
test_back_to_normal_resistant (void)
{
  g_autoptr (GtwScenario) s = gtw_test_preset ("prediabetes-igt", 4 * 365);
  g_autoptr (GtwTrace) trace = NULL;
  g_autoptr (GPtrArray) story = NULL;
  const GtwStoryMarker *back;
  const GtwDayRecord *rec;
  GtwIntervention iv;

  gtw_intervention_init (&iv, GTW_IV_CARB_REDUCTION, 0);
  g_array_append_val (s->interventions, iv);
  trace = gtw_test_run (s);
  story = gtw_story_compute (trace, NULL);
  back = gtw_story_find (story, GTW_STORY_BACK_TO_NORMAL);
  g_assert_nonnull (back);
  g_test_message ("day %d: %s", back->day, back->explanation);
  rec = gtw_trace_get_day (trace, back->day + GTW_STORY_HOLD_DAYS - 1);
  g_assert_cmpint (shown_stage (rec), ==, GTW_STAGE_COMPENSATED_IR);
  g_assert_nonnull (strstr (back->explanation, "is still high"));
  g_assert_cmpstr (back->title, ==, "Glucose back to normal");
}

static void
test_compare (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GtwScenario) s = gtw_preset_load ("progressor", &error);
  g_autoptr (GtwTrace) trace = NULL;
  g_autoptr (GPtrArray) story = NULL;
  g_autoptr (GPtrArray) baseline_story = gtw_story_compute (progressor (), NULL);
  g_autofree char *diabetes = NULL;
  g_autofree char *same = NULL;
  const GtwStoryMarker *without = gtw_story_find (baseline_story, GTW_STORY_DIABETES);
  const GtwStoryMarker *with;

  g_assert_no_error (error);
  g_array_set_size (s->interventions, 0);
  add_intervention (s, GTW_IV_BERBERINE, 5 * 365);
  add_intervention (s, GTW_IV_EXERCISE, 5 * 365);
  trace = gtw_test_run (s);
  story = gtw_story_compute (trace, NULL);
  with = gtw_story_find (story, GTW_STORY_DIABETES);
  assert_beta_flag_true (trace, story);

  diabetes = gtw_story_compare (story, baseline_story, GTW_STORY_DIABETES, s->duration_days);
  g_test_message ("%s", diabetes);
  if (with == NULL)
    g_assert_nonnull (strstr (diabetes, "avoided within the 20 years simulated"));
  else
    {
      g_assert_cmpint (with->day, >, without->day + 30);
      g_assert_nonnull (strstr (diabetes, "later than without interventions"));
    }
  /* Before the interventions start, both runs are one: the same turn on the same day. */
  same = gtw_story_compare (story, baseline_story, GTW_STORY_INSULIN_DOUBLED, s->duration_days);
  g_assert_nonnull (strstr (same, "at the same time"));
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/story/progressor", test_progressor);
  g_test_add_func ("/story/units", test_units);
  g_test_add_func ("/story/growing-and-determinism", test_growing_and_determinism);
  g_test_add_func ("/story/format-span", test_format_span);
  g_test_add_func ("/story/healthy", test_healthy);
  g_test_add_func ("/story/back-to-normal", test_back_to_normal);
  g_test_add_func ("/story/back-to-normal-resistant", test_back_to_normal_resistant);
  g_test_add_func ("/story/compare", test_compare);
  status = g_test_run ();
  g_clear_pointer (&progressor_trace, gtw_trace_unref);
  return status;
}
