/* test-validation.c: rows V1-V17 of shared/validation/targets.md through the engine's API
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each row prints its measured numbers next to the expected range. A row the current
 * calibration does not meet yet (open_findings below) is reported with g_test_incomplete ()
 * (TAP "not ok # TODO"), never passed and never given a wider range: it is a finding,
 * documented in docs/model.md. Every other row is asserted: a miss fails the test.
 *
 * V18 is ours, beyond targets.md (issue 2): no intervention, alone or all of them together, at
 * default or maximum doses, drives any preset's fasting glucose below 3.9 mmol/L, the lower end
 * of normal fasting glucose; counter-regulation holds it there in people without diabetes
 * medication that forces insulin (Cryer 2008; Mitrakou 1991). V19 is ours too: berberine and
 * exercise together, against each alone. V20 and V21 are the 75 g OGTT: each preset's reading
 * as its name says (WHO 1999), and the progressor's 2-h glucose before diagnosis (Tabák 2009).
 * V22 is the Diabetes Prevention Program in a population around prediabetes-igt. V23 is the
 * Counterpoint study's low-calorie diet soon after diagnosis (Lim 2011; Taylor 2013).
 */
#include <math.h>
#include <gtw-model.h>
#include "gtw-test-util.h"

/* Rows not met yet, with their numbers in docs/model.md section 5. V19: exercise alone lowers the
 * compensated progressor's fasting insulin by a third where training trials report 20-30 %:
 * the recovery of insulin receptors amplifies every fall of insulin, and V10 needs it; the
 * training effects that V9 needs reach his fasting insulin too (docs/model.md, V19, has the
 * measurements). V22: the placebo arm is met; each treatment rescues nearly every patient it
 * reaches before Ha & Sherman's tipping point, so both falls are too large. */
static const char *const open_findings[] = { "V19", "V22", NULL };

typedef struct
{
  GString    *misses;
  const char *id;
} Row;

static void
row_begin (Row *row, const char *id, const char *title)
{
  row->misses = g_string_new (NULL);
  row->id = id;
  g_test_message ("%s: %s", id, title);
  g_printerr ("# %s: %s\n", id, title);
}

static void
check (Row *row, const char *what, double value, double lo, double hi)
{
  gboolean ok = isfinite (value) && value >= lo && value <= hi;
  g_printerr ("#   %-58s %9.3f  expected %g to %g  %s\n", what, value, lo, hi, ok ? "ok" : "MISS");
  if (!ok)
    g_string_append_printf (row->misses, "%s%s = %.3f (expected %g to %g)",
                            row->misses->len ? "; " : "", what, value, lo, hi);
}

static void
row_end (Row *row)
{
  if (row->misses->len && g_strv_contains (open_findings, row->id))
    g_test_incomplete (row->misses->str);
  else if (row->misses->len)
    g_test_fail_printf ("%s", row->misses->str);
  g_string_free (row->misses, TRUE);
}



static GtwIntervention *
add (GtwScenario *s, GtwInterventionType type, int start, int end)
{
  GtwIntervention iv;
  gtw_intervention_init (&iv, type, start);
  iv.end_day = end;
  g_array_append_val (s->interventions, iv);
  return &g_array_index (s->interventions, GtwIntervention, s->interventions->len - 1);
}

static const GtwDayRecord *
day (GtwTrace *t, int d)
{
  return gtw_trace_get_day (t, (guint) d);
}

static void
test_v1 (void)
{
  Row row;
  g_autoptr (GtwScenario) s = gtw_test_preset ("healthy", 20 * 365);
  g_autoptr (GtwTrace) t = gtw_test_run (s);
  double fpg_lo = 99, fpg_hi = 0, a1c_lo = 99, a1c_hi = 0, homa_lo = 99, homa_hi = 0, beta_dev = 0;

  row_begin (&row, "V1", "healthy, 20 years, no intervention");
  for (int y = 0; y <= 20; y++)
    {
      const GtwDayRecord *r = day (t, MIN (y * 365, 20 * 365 - 1));
      fpg_lo = MIN (fpg_lo, r->fasting_glucose), fpg_hi = MAX (fpg_hi, r->fasting_glucose);
      a1c_lo = MIN (a1c_lo, r->hba1c), a1c_hi = MAX (a1c_hi, r->hba1c);
      homa_lo = MIN (homa_lo, r->homa_ir), homa_hi = MAX (homa_hi, r->homa_ir);
      beta_dev = MAX (beta_dev, fabs (r->beta_cell_mass_rel / day (t, 0)->beta_cell_mass_rel - 1));
    }
  check (&row, "lowest yearly fasting glucose (mmol/L)", fpg_lo, 4.0, 5.5);
  check (&row, "highest yearly fasting glucose (mmol/L)", fpg_hi, 4.0, 5.5);
  check (&row, "lowest yearly HbA1c (%)", a1c_lo, 4.6, 5.6);
  check (&row, "highest yearly HbA1c (%)", a1c_hi, 4.6, 5.6);
  check (&row, "lowest yearly HOMA-IR", homa_lo, 0.4, 2.0);
  check (&row, "highest yearly HOMA-IR", homa_hi, 0.4, 2.0);
  check (&row, "largest beta-cell mass change from day 0", beta_dev, 0, 0.20);
  row_end (&row);
}

static void
test_v2 (void)
{
  Row row;
  g_autoptr (GError) error = NULL;
  g_autoptr (GtwScenario) s = gtw_test_preset ("healthy", 1);
  g_autoptr (GtwTrace) t = gtw_test_run (s);
  g_autoptr (GtwDayDetail) dd = gtw_trace_simulate_day (t, 0, &error);
  double fasting = day (t, 0)->fasting_glucose;
  guint meal_no = 0;

  g_assert_no_error (error);
  row_begin (&row, "V2", "healthy, a day with three mixed meals");
  for (guint e = 0; e < dd->events->len; e++)
    {
      const GtwDayEvent *ev = &g_array_index (dd->events, GtwDayEvent, e);
      double peak = 0;
      int peak_at = 0;
      g_autofree char *w1 = NULL, *w2 = NULL, *w3 = NULL;

      if (ev->kind != GTW_EVENT_MEAL)
        continue;
      meal_no++;
      for (int m = ev->minute; m < MIN (ev->minute + 180, 1440); m++)
        {
          double g = g_array_index (dd->minutes, GtwMinuteRecord, m).glucose;
          if (g > peak)
            peak = g, peak_at = m - ev->minute;
        }
      w1 = g_strdup_printf ("meal %u at %02d:%02d: glucose peak (mmol/L)", meal_no, ev->minute / 60, ev->minute % 60);
      w2 = g_strdup_printf ("meal %u: minutes from meal to peak", meal_no);
      check (&row, w1, peak, 6.0, 9.0);
      check (&row, w2, peak_at, 30, 90);
      if (ev->minute + 300 < 1440)
        {
          double g5 = g_array_index (dd->minutes, GtwMinuteRecord, ev->minute + 300).glucose;
          w3 = g_strdup_printf ("meal %u: |glucose 5 h after - fasting| (mmol/L)", meal_no);
          check (&row, w3, fabs (g5 - fasting), 0, 1.0);
        }
    }
  g_assert_cmpuint (meal_no, ==, 3);
  row_end (&row);
}

static void
test_v3 (void)
{
  Row row;
  g_autoptr (GError) error = NULL;
  g_autoptr (GtwScenario) s = gtw_test_preset ("healthy", 1);
  g_autoptr (GtwTrace) t = gtw_test_run (s);
  g_autoptr (GtwOgttResult) o = gtw_trace_run_ogtt (t, 0, &error);
  int gpeak = 0, ipeak = 0;

  g_assert_no_error (error);
  row_begin (&row, "V3", "healthy, OGTT 75 g");
  for (int k = 1; k < GTW_OGTT_N_SAMPLES; k++)
    {
      if (o->glucose[k] > o->glucose[gpeak]) gpeak = k;
      if (o->insulin[k] > o->insulin[ipeak]) ipeak = k;
    }
  check (&row, "2-h glucose (mmol/L), below 7.8", o->two_hour_glucose, 0, 7.79);
  check (&row, "minute of the glucose peak (30 or 60)", o->minute[gpeak], 30, 60);
  check (&row, "insulin peak (pmol/L)", o->insulin[ipeak], 150, 600);
  check (&row, "minute of the insulin peak", o->minute[ipeak], 30, 60);
  row_end (&row);
}

static void
test_v4 (void)
{
  Row row;
  g_autoptr (GtwScenario) s = gtw_test_preset ("healthy", 1);
  g_autoptr (GtwTrace) t = gtw_test_run (s);
  const GtwDayRecord *r = day (t, 0);

  row_begin (&row, "V4", "healthy, fasting C-peptide");
  check (&row, "fasting C-peptide (nmol/L)", r->fasting_cpeptide, 0.25, 0.8);
  check (&row, "C-peptide:insulin molar ratio", r->fasting_cpeptide * 1000 / r->fasting_insulin, 4, 15);
  row_end (&row);
}

static void
test_v5 (void)
{
  Row row;
  g_autoptr (GtwScenario) h = gtw_test_preset ("healthy", 1);
  g_autoptr (GtwScenario) s = gtw_test_preset ("compensated-ir", 1);
  g_autoptr (GtwTrace) th = gtw_test_run (h);
  g_autoptr (GtwTrace) t = gtw_test_run (s);
  const GtwDayRecord *r = day (t, 0);

  row_begin (&row, "V5", "compensated-ir, day 0");
  check (&row, "fasting glucose (mmol/L), below 5.6", r->fasting_glucose, 0, 5.59);
  check (&row, "fasting insulin / healthy fasting insulin", r->fasting_insulin / day (th, 0)->fasting_insulin, 2.0, 100);
  check (&row, "HOMA-IR", r->homa_ir, 2.5, 6.0);
  check (&row, "stage is compensated_ir (1 = yes)", r->stage == GTW_STAGE_COMPENSATED_IR, 1, 1);
  row_end (&row);
}

static GtwTrace *progressor_trace;

static GtwTrace *
progressor (void)
{
  if (progressor_trace == NULL)
    {
      g_autoptr (GtwScenario) s = gtw_test_preset ("progressor", 20 * 365);
      progressor_trace = gtw_test_run (s);
    }
  return progressor_trace;
}

static void
test_v6 (void)
{
  Row row;
  GtwTrace *t = progressor ();
  double fpg_max7 = 0, beta_peak = 0;
  int onset = gtw_trace_diabetes_onset (t);

  row_begin (&row, "V6", "progressor, no intervention, up to 20 years");
  for (int d = 0; d < 7 * 365; d++)
    fpg_max7 = MAX (fpg_max7, day (t, d)->fasting_glucose);
  check (&row, "highest fasting glucose in years 0-7 (mmol/L), below 5.6", fpg_max7, 0, 5.59);
  check (&row, "fasting insulin year 7 / day 0", day (t, 7 * 365)->fasting_insulin / day (t, 0)->fasting_insulin, 1.8, 100);
  check (&row, "year of fasting glucose 7.0 (-1: never)", onset < 0 ? -1 : onset / 365.0, 8, 16);
  if (onset >= 0)
    {
      for (int d = 0; d <= onset; d++)
        beta_peak = MAX (beta_peak, day (t, d)->beta_cell_mass_rel);
      check (&row, "beta-cell mass at onset / its peak", day (t, onset)->beta_cell_mass_rel / beta_peak, 0.25, 0.65);
    }
  row_end (&row);
}

/* Runs the scenario with and without its interventions and returns both traces. */
static void
pair (GtwScenario *s, GtwTrace **with, GtwTrace **without)
{
  g_autoptr (GtwScenario) base = gtw_scenario_copy_baseline (s);
  *with = gtw_test_run (s);
  *without = gtw_test_run (base);
}

static void
test_v7 (void)
{
  Row row;
  g_autoptr (GtwScenario) s = gtw_test_preset ("early-t2d", 91);
  g_autoptr (GtwTrace) t = NULL, b = NULL;

  add (s, GTW_IV_BERBERINE, 0, -1)->field[0] = 1500;
  pair (s, &t, &b);
  row_begin (&row, "V7", "early-t2d + berberine 1500 mg/day, 90 days");
  check (&row, "HbA1c lower than without at day 90 (points)", day (b, 90)->hba1c - day (t, 90)->hba1c, 0.4, 2.0);
  check (&row, "fasting glucose lower at day 90 (mmol/L)", day (b, 90)->fasting_glucose - day (t, 90)->fasting_glucose, 0.5, 3.7);
  check (&row, "HOMA-IR lower at day 90", day (b, 90)->homa_ir - day (t, 90)->homa_ir, 1e-6, 1e9);
  row_end (&row);
}

static void
test_v8 (void)
{
  Row row;
  g_autoptr (GtwScenario) s = gtw_test_preset ("compensated-ir", 15);
  g_autoptr (GtwTrace) t = NULL, b = NULL;
  GtwIntervention *iv = add (s, GTW_IV_EXERCISE, 10, 10);

  iv->field[1] = 1, iv->field[2] = 45;
  pair (s, &t, &b);
  row_begin (&row, "V8", "compensated-ir + one 45-min moderate session on day 10 (17:00)");
  check (&row, "effective Si next morning vs without (rise, fraction)", day (t, 11)->si_bergman / day (b, 11)->si_bergman - 1, 0.10, 0.40);
  check (&row, "effective Si 72 h after (day 13 morning) vs without", fabs (day (t, 13)->si_bergman / day (b, 13)->si_bergman - 1), 0, 0.05);
  row_end (&row);
}

static void
test_v9 (void)
{
  Row row;
  g_autoptr (GtwScenario) s = gtw_test_preset ("early-t2d", 85);
  g_autoptr (GtwTrace) t = NULL, b = NULL;
  GtwIntervention *iv = add (s, GTW_IV_EXERCISE, 0, -1);

  iv->field[1] = 3, iv->field[2] = 60;
  pair (s, &t, &b);
  row_begin (&row, "V9", "early-t2d + exercise 3 x 60 min/week, 12 weeks");
  check (&row, "HbA1c lower than without at week 12 (points)", day (b, 84)->hba1c - day (t, 84)->hba1c, 0.4, 1.2);
  row_end (&row);
}

static void
test_v10 (void)
{
  Row row;
  g_autoptr (GtwScenario) s = gtw_test_preset ("metabolic-syndrome", 183);
  g_autoptr (GtwTrace) t = NULL, b = NULL;
  const GtwDayRecord *r0;

  add (s, GTW_IV_CARB_REDUCTION, 0, -1)->field[0] = 0.4;
  pair (s, &t, &b);
  r0 = day (b, 0);
  row_begin (&row, "V10", "metabolic-syndrome + carbohydrate reduction 40 %");
  check (&row, "TG fall by day 14 (fraction)", 1 - day (t, 14)->tg / r0->tg, 0.15, 1);
  check (&row, "TG:HDL fall by week 8 (fraction)", 1 - (day (t, 56)->tg / day (t, 56)->hdl) / (r0->tg / r0->hdl), 0.25, 1);
  check (&row, "HbA1c lower than without at 6 months (points)", day (b, 182)->hba1c - day (t, 182)->hba1c, 0.1, 0.6);
  row_end (&row);
}

static void
test_v11 (void)
{
  Row row;
  g_autoptr (GtwScenario) s = gtw_test_preset ("compensated-ir", 85);
  g_autoptr (GtwTrace) t = NULL, b = NULL;

  /* "with a poor gut barrier" */
  s->patient.v[GTW_P_GUT_BARRIER] = 0.4;
  s->patient.v[GTW_P_AKKERMANSIA] = 0.2;
  add (s, GTW_IV_GUT_REPAIR, 0, -1);
  pair (s, &t, &b);
  row_begin (&row, "V11", "compensated-ir with a poor gut barrier + gut repair, 12 weeks");
  check (&row, "insulin sensitivity rise at week 12 (fraction)", day (t, 84)->si_rel / day (b, 84)->si_rel - 1, 0.15, 0.40);
  check (&row, "fasting insulin fall at week 12 (fraction)", 1 - day (t, 84)->fasting_insulin / day (b, 84)->fasting_insulin, 0.15, 0.45);
  row_end (&row);
}

/* The progressor's untreated onset, for the rows that start an intervention from it; checked so
 * that a model without an onset fails the row instead of placing the start nowhere. */
static int
progressor_onset (Row *row)
{
  int onset = gtw_trace_diabetes_onset (progressor ());

  check (row, "untreated onset year (needed to place the start)", onset < 0 ? -1 : onset / 365.0, 1, 26);
  return onset;
}

static void
test_v12 (void)
{
  Row row;
  int onset;

  row_begin (&row, "V12", "progressor + lifestyle change 1 year before vs 4 years after onset");
  onset = progressor_onset (&row);
  if (onset >= 365)
    {
      const int starts[2] = { onset - 365, onset + 4 * 365 };
      for (int k = 0; k < 2; k++)
        {
          g_autoptr (GtwScenario) s = gtw_test_preset ("progressor", MIN (starts[k] + 4 * 365 + 1, GTW_SCENARIO_MAX_DAYS));
          g_autoptr (GtwTrace) t = NULL;
          GtwIntervention *ex = add (s, GTW_IV_EXERCISE, starts[k], -1);
          ex->field[1] = 5, ex->field[2] = 30;
          add (s, GTW_IV_CARB_REDUCTION, starts[k], -1)->field[0] = 0.4;
          t = gtw_test_run (s);
          if (k == 0)
            check (&row, "early start: fasting glucose at the end (mmol/L), below 6.1",
                   day (t, s->duration_days - 1)->fasting_glucose, 0, 6.09);
          else
            check (&row, "late start: fasting glucose at the end (mmol/L), 7.0 or more",
                   day (t, s->duration_days - 1)->fasting_glucose, 7.0, 100);
        }
    }
  row_end (&row);
}

static void
test_v13 (void)
{
  Row row;
  row_begin (&row, "V13", "magnesium 400 mg/day, 6 months, deficient vs replete compensated-ir");
  for (int k = 0; k < 2; k++)
    {
      g_autoptr (GtwScenario) s = gtw_test_preset ("compensated-ir", 183);
      g_autoptr (GtwTrace) t = NULL, b = NULL;
      s->patient.v[GTW_P_MAGNESIUM] = k == 0 ? 0.4 : 1.0;
      add (s, GTW_IV_MAGNESIUM, 0, -1)->field[0] = 400;
      pair (s, &t, &b);
      if (k == 0)
        check (&row, "deficient: HOMA-IR lower at 6 months", day (b, 182)->homa_ir - day (t, 182)->homa_ir, 0.3, 1.2);
      else
        check (&row, "replete: |HOMA-IR change| at 6 months", fabs (day (b, 182)->homa_ir - day (t, 182)->homa_ir), 0, 0.0999);
    }
  row_end (&row);
}

static void
test_v14 (void)
{
  Row row;
  const GtwInterventionType types[2] = { GTW_IV_CHROMIUM, GTW_IV_ALPHA_LIPOIC_ACID };

  row_begin (&row, "V14", "chromium, alpha-lipoic acid, 3 months in early-t2d");
  for (int k = 0; k < 2; k++)
    {
      g_autoptr (GtwScenario) s = gtw_test_preset ("early-t2d", 91);
      g_autoptr (GtwTrace) t = NULL, b = NULL;
      g_autofree char *what = NULL;
      add (s, types[k], 0, -1);
      pair (s, &t, &b);
      what = g_strdup_printf ("%s: HbA1c lowering at 3 months (points), below 0.4",
                              gtw_intervention_class (types[k])->id);
      check (&row, what, day (b, 90)->hba1c - day (t, 90)->hba1c, -0.05, 0.399);
    }
  row_end (&row);
}

static void
test_v15 (void)
{
  Row row;
  const char *const *ids = gtw_preset_ids ();

  row_begin (&row, "V15", "internal consistency at steady state, every gtw_test_preset (1 year)");
  for (guint i = 0; ids[i]; i++)
    {
      g_autoptr (GtwScenario) s = gtw_test_preset (ids[i], 365);
      g_autoptr (GtwTrace) t = gtw_test_run (s);
      const GtwDayRecord *r = day (t, 364);
      double mean = 0;
      g_autofree char *w1 = g_strdup_printf ("%s: |HbA1c - ADAG(mean glucose, last 120 d)|", ids[i]);
      g_autofree char *w2 = g_strdup_printf ("%s: |HOMA-IR - formula|", ids[i]);
      g_autofree char *w3 = g_strdup_printf ("%s: |HOMA-%%B - formula|", ids[i]);

      for (int d = 365 - 120; d < 365; d++)
        mean += day (t, d)->mean_glucose / 120.0;
      check (&row, w1, fabs (r->hba1c - gtw_hba1c_from_mean_glucose (mean * 18.0)), 0, 0.15);
      check (&row, w2, fabs (r->homa_ir - r->fasting_insulin / 6.0 * r->fasting_glucose / 22.5), 0, 1e-9);
      check (&row, w3, fabs (r->homa_b - 20 * r->fasting_insulin / 6.0 / (r->fasting_glucose - 3.5)), 0, 1e-9);
    }
  row_end (&row);
}

static void
test_v16 (void)
{
  Row row;
  const struct { const char *id; double lo, hi; } rows[] = {
    { "healthy", 2, 8 }, { "prediabetes-igt", 0.8, 2.5 }, { "early-t2d", 0.2, 1.3 },
  };

  row_begin (&row, "V16", "Bergman-equivalent SI by stage (x 1e-4 mL/µU/min)");
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr (GtwScenario) s = gtw_test_preset (rows[i].id, 1);
      g_autoptr (GtwTrace) t = gtw_test_run (s);
      g_autofree char *what = g_strdup_printf ("%s: SI", rows[i].id);
      check (&row, what, day (t, 0)->si_bergman, rows[i].lo, rows[i].hi);
    }
  row_end (&row);
}

/* V17: random patients with every parameter inside its registry range. */
static void
robustness_worker (gpointer data, gpointer user_data)
{
  guint seed = GPOINTER_TO_UINT (data);
  int *failures = user_data;
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr (GtwScenario) s = gtw_scenario_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GtwTrace) t = NULL;
  int days = g_test_slow () ? 5 * 365 : 2 * 365;

  for (guint p = 0; p < GTW_N_PATIENT_PARAMS; p++)
    {
      const GtwParamInfo *info = gtw_registry_get ((GtwParamId) p);
      double v = g_rand_double_range (rand, info->min, info->max);
      s->patient.v[p] = info->kind == GTW_PARAM_NUMBER ? v : round (v);
    }
  s->duration_days = days;
  t = gtw_simulate (s, NULL, NULL, &error);
  if (t == NULL)
    {
      /* a reported error is allowed; it must be a solver error, not a crash */
      g_printerr ("#   patient %u: reported error: %s\n", seed, error->message);
      g_assert_true (g_error_matches (error, GTW_SIM_ERROR, GTW_SIM_ERROR_SOLVER));
      return;
    }
  for (int d = 0; d < days; d++)
    {
      const GtwDayRecord *r = day (t, d);
      guint n;
      const GtwColumn *cols = gtw_day_columns (&n);
      for (guint c = 0; c < n; c++)
        if (!isfinite (gtw_column_get_double (&cols[c], r)))
          g_atomic_int_inc (failures);
      if (r->min_glucose < 1.5 || r->max_glucose > 40 || r->fasting_insulin < 0 || r->fasting_cpeptide < 0)
        {
          g_printerr ("#   patient %u day %d: glucose %.2f-%.2f insulin %.1f C-peptide %.3f\n",
                      seed, d, r->min_glucose, r->max_glucose, r->fasting_insulin, r->fasting_cpeptide);
          g_atomic_int_inc (failures);
          break;
        }
    }
}

static void
test_v17 (void)
{
  Row row;
  int failures = 0;
  guint n = g_test_slow () ? 1000 : 100;
  GThreadPool *pool = g_thread_pool_new (robustness_worker, &failures, (int) g_get_num_processors (), TRUE, NULL);

  row_begin (&row, "V17", "random patients inside the registry ranges");
  for (guint i = 1; i <= n; i++)
    g_thread_pool_push (pool, GUINT_TO_POINTER (i), NULL);
  g_thread_pool_free (pool, FALSE, TRUE);
  check (&row, "patients or days with NaN, infinity or glucose outside 1.5-40", failures, 0, 0);
  row_end (&row);
}

/* V18: every preset, 10 years with the fast integrator, with no intervention, each single one
 * from day 0 at its default dose (exercise 4 x 45 min/week), and all of them stacked; then each
 * single one and all of them at their maximum doses (every numeric field at the top of its
 * range, exercise vigorous: 14 sessions of 180 minutes a week, the low-calorie diet at its
 * lowest energy, 400 kcal/day). */
typedef struct
{
  const char *preset;
  int         type; /* -1 none, GTW_N_IV_TYPES all */
  gboolean    max_dose;
  double      lowest;
  int         lowest_day;
} FloorJob;

static void
set_max_dose (GtwIntervention *iv)
{
  const GtwInterventionClass *klass = gtw_intervention_class (iv->type);

  for (guint i = 0; i < klass->n_fields; i++)
    if (klass->fields[i].kind == GTW_FIELD_NUMBER)
      iv->field[i] = klass->fields[i].max;
  if (iv->type == GTW_IV_EXERCISE)
    iv->field[gtw_intervention_field_index (klass, "intensity")] = 2; /* vigorous */
  if (iv->type == GTW_IV_LOW_CALORIE_DIET) /* the strongest diet has the least energy */
    iv->field[0] = klass->fields[0].min;
}

static void
floor_worker (gpointer data, gpointer user_data)
{
  FloorJob *job = data;
  g_autoptr (GtwScenario) s = gtw_test_preset (job->preset, 10 * 365);
  g_autoptr (GtwTrace) t = NULL;

  for (int k = 0; k < GTW_N_IV_TYPES; k++)
    if (job->type == k || job->type == GTW_N_IV_TYPES)
      {
        GtwIntervention *iv = add (s, (GtwInterventionType) k, 0, -1);
        if (job->max_dose)
          set_max_dose (iv);
        else if (k == GTW_IV_EXERCISE)
          iv->field[1] = 4, iv->field[2] = 45;
      }
  t = gtw_test_run (s);
  job->lowest = G_MAXDOUBLE;
  for (int d = 0; d < s->duration_days; d++)
    if (day (t, d)->fasting_glucose < job->lowest)
      job->lowest = day (t, d)->fasting_glucose, job->lowest_day = d;
}

static void
test_v18 (void)
{
  Row row;
  const char *const *ids = gtw_preset_ids ();
  g_autoptr (GArray) jobs = g_array_new (FALSE, TRUE, sizeof (FloorJob));
  GThreadPool *pool = g_thread_pool_new (floor_worker, NULL, (int) g_get_num_processors (), TRUE, NULL);
  double lowest = G_MAXDOUBLE, lowest_max = G_MAXDOUBLE;

  row_begin (&row, "V18", "every preset x each intervention alone and all together, default and maximum doses, 10 years: fasting glucose floor");
  for (guint i = 0; ids[i]; i++)
    for (int k = -1; k <= GTW_N_IV_TYPES; k++)
      {
        g_array_append_val (jobs, ((FloorJob) { ids[i], k, FALSE, 0, 0 }));
        if (k >= 0)
          g_array_append_val (jobs, ((FloorJob) { ids[i], k, TRUE, 0, 0 }));
      }
  for (guint j = 0; j < jobs->len; j++)
    g_thread_pool_push (pool, &g_array_index (jobs, FloorJob, j), NULL);
  g_thread_pool_free (pool, FALSE, TRUE);
  for (guint j = 0; j < jobs->len; j++)
    {
      const FloorJob *job = &g_array_index (jobs, FloorJob, j);
      const char *what = job->type < 0 ? "none" : job->type == GTW_N_IV_TYPES ? "all together"
                         : gtw_intervention_class ((GtwInterventionType) job->type)->id;
      g_printerr ("#   %-20s %-18s %-7s lowest fasting glucose %.2f on day %d\n", job->preset, what,
                  job->max_dose ? "maximum" : "default", job->lowest, job->lowest_day);
      if (job->max_dose)
        lowest_max = MIN (lowest_max, job->lowest);
      else
        lowest = MIN (lowest, job->lowest);
    }
  check (&row, "lowest fasting glucose, default doses (mmol/L)", lowest, 3.9, 100);
  check (&row, "lowest fasting glucose, maximum doses (mmol/L)", lowest_max, 3.9, 100);
  row_end (&row);
}

/* V19: berberine and exercise share AMPK (Turner 2008: berberine, like metformin, acts through
 * complex I and AMPK), so together they lower insulin less than two independent effects would
 * (Malin 2012; Viskochil 2017: adding metformin to training lowered insulin no further). The
 * progressor in his compensated years (year 8), 12 weeks. */
static void
test_v19 (void)
{
  Row row;
  const int start = 8 * 365, end = start + 84;
  GtwTrace *t[4];
  double fall[4];

  row_begin (&row, "V19", "progressor, year 8: berberine, exercise 3 x 45 min/week, both; fasting insulin at 12 weeks");
  for (int k = 0; k < 4; k++)
    {
      g_autoptr (GtwScenario) s = gtw_test_preset ("progressor", end + 1);
      if (k & 1)
        add (s, GTW_IV_BERBERINE, start, -1);
      if (k & 2)
        add (s, GTW_IV_EXERCISE, start, -1);
      t[k] = gtw_test_run (s);
      fall[k] = 1.0 - day (t[k], end)->fasting_insulin / day (t[0], end)->fasting_insulin;
    }
  g_printerr ("#   fasting insulin at week 12 (pmol/L): none %.1f, berberine %.1f, exercise %.1f, both %.1f\n",
              day (t[0], end)->fasting_insulin, day (t[1], end)->fasting_insulin,
              day (t[2], end)->fasting_insulin, day (t[3], end)->fasting_insulin);
  check (&row, "berberine alone: fasting insulin fall (fraction)", fall[1], 0.25, 0.45);
  check (&row, "exercise alone: fasting insulin fall (fraction)", fall[2], 0.20, 0.30);
  check (&row, "both: fasting insulin fall (fraction)", fall[3], 0.25, 0.55);
  check (&row, "both: below two independent effects, 1 - (1 - b)(1 - e) - fall",
         1.0 - (1.0 - fall[1]) * (1.0 - fall[2]) - fall[3], 1e-3, 1);
  for (int k = 0; k < 4; k++)
    gtw_trace_unref (t[k]);
  row_end (&row);
}

/* V20: the OGTT reads as each preset's name says (WHO 1999 cut-offs on the 2-h value: normal
 * below 7.8, impaired glucose tolerance 7.8-11.0, diabetes from 11.1 mmol/L). */
static void
test_v20 (void)
{
  static const struct { const char *preset; double lo, hi; } rows[] = {
    { "healthy", 0, 7.79 }, { "prediabetes-igt", 7.8, 11.09 }, { "early-t2d", 11.1, 40 },
  };
  Row row;

  row_begin (&row, "V20", "OGTT 75 g on day 0: healthy normal, prediabetes-igt impaired, early-t2d diabetic");
  for (guint k = 0; k < G_N_ELEMENTS (rows); k++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GtwScenario) s = gtw_test_preset (rows[k].preset, 1);
      g_autoptr (GtwTrace) t = gtw_test_run (s);
      g_autoptr (GtwOgttResult) o = gtw_trace_run_ogtt (t, 0, &error);
      g_autofree char *what = g_strdup_printf ("%s: 2-h glucose (mmol/L)", rows[k].preset);

      g_assert_no_error (error);
      check (&row, what, o->two_hour_glucose, rows[k].lo, rows[k].hi);
    }
  row_end (&row);
}

/* V21: Whitehall II (Tabák 2009), the last 3 years before diagnosis: 2-h glucose 7.6 -> 11.9
 * mmol/L. The progressor's untreated run, 3 years before its onset and at it; the ranges are
 * the study's means +- 1 mmol/L at 3 years, +- 1.5 at diagnosis. */
static void
test_v21 (void)
{
  Row row;
  GtwTrace *t = progressor ();
  int onset = gtw_trace_diabetes_onset (t);
  g_autoptr (GError) error = NULL;
  g_autoptr (GtwOgttResult) before = NULL;
  g_autoptr (GtwOgttResult) at = NULL;

  row_begin (&row, "V21", "progressor, untreated: 2-h glucose 3 years before diabetes onset and at it");
  g_assert_cmpint (onset, >=, 3 * 365);
  before = gtw_trace_run_ogtt (t, (guint) (onset - 3 * 365), &error);
  g_assert_no_error (error);
  at = gtw_trace_run_ogtt (t, (guint) onset, &error);
  g_assert_no_error (error);
  check (&row, "2-h glucose 3 years before (mmol/L)", before->two_hour_glucose, 6.6, 8.6);
  check (&row, "2-h glucose at onset (mmol/L)", at->two_hour_glucose, 10.4, 13.4);
  row_end (&row);
}

/* V22: the Diabetes Prevention Program (DPP Research Group 2002): people with IGT, 2.8 years on
 * average; cumulative incidence at 3 years 28.9 % with placebo, 21.7 % with metformin 850 mg
 * twice daily (-31 %, 95 % CI 17-43 %), 14.4 % with the lifestyle programme (-58 %, 48-66 %:
 * 150 min/week of activity and 7 % weight loss). 200 patients around prediabetes-igt, 3 years;
 * the lifestyle arm is V12's programme (exercise 5 x 30 min/week, carbohydrate reduction 40 %),
 * the nearest the engine has. */
static double
dpp_incidence (int arm)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GtwScenario) s = gtw_test_preset ("prediabetes-igt", 3 * 365 + 1);
  GtwPopulationOptions options;
  GtwPopulation *population;
  double incidence;

  if (arm == 1)
    add (s, GTW_IV_METFORMIN, 0, -1);
  if (arm == 2)
    {
      GtwIntervention *ex = add (s, GTW_IV_EXERCISE, 0, -1);
      ex->field[1] = 5, ex->field[2] = 30;
      add (s, GTW_IV_CARB_REDUCTION, 0, -1)->field[0] = 0.4;
    }
  gtw_population_options_init (&options);
  options.n_patients = 200;
  population = gtw_population_run (s, &options, NULL, &error);
  g_assert_no_error (error);
  incidence = gtw_population_get_incidence (population);
  gtw_population_free (population);
  return incidence;
}

static void
test_v22 (void)
{
  Row row;
  double placebo, metformin, lifestyle;

  row_begin (&row, "V22", "Diabetes Prevention Program: 200 patients around prediabetes-igt, 3 years");
  placebo = dpp_incidence (0);
  metformin = dpp_incidence (1);
  lifestyle = dpp_incidence (2);
  check (&row, "placebo: incidence at 3 years (fraction)", placebo, 0.20, 0.38);
  check (&row, "metformin: fall of incidence (fraction)", 1.0 - metformin / placebo, 0.17, 0.43);
  check (&row, "lifestyle: fall of incidence (fraction)", 1.0 - lifestyle / placebo, 0.48, 0.66);
  row_end (&row);
}

/* V23: the Counterpoint study (Lim 2011; Taylor 2013): 11 people with type 2 diabetes of less
 * than 4 years (HbA1c 7.4 %, fasting glucose 9.2 mmol/L, BMI 33.6), 600 kcal/day for 8 weeks.
 * Fasting glucose 5.7 mmol/L by day 7, as the liver lost 30 % of its fat and answered insulin
 * again; liver fat 12.8 % to 2.9 % and weight -15.3 kg by week 8; the first-phase insulin
 * response back at the controls' level by week 8 (Taylor 2013). The progressor one year after
 * his untreated onset (HbA1c 7.7 %, fasting glucose 8.3 mmol/L) on the same diet. */
static void
test_v23 (void)
{
  Row row;
  int onset;

  row_begin (&row, "V23", "progressor 1 year after onset: low-calorie diet 600 kcal/day, 8 weeks");
  onset = progressor_onset (&row);
  if (onset >= 0)
    {
      int start = onset + 365;
      g_autoptr (GtwScenario) s = gtw_test_preset ("progressor", start + 57);
      g_autoptr (GtwTrace) t = NULL;
      const GtwDayRecord *before, *week1, *week8;

      add (s, GTW_IV_LOW_CALORIE_DIET, start, start + 55)->field[0] = 600;
      t = gtw_test_run (s);
      before = day (t, start - 1), week1 = day (t, start + 7), week8 = day (t, start + 56);
      g_printerr ("#   fasting glucose %.2f -> %.2f (day 7) -> %.2f mmol/L (week 8); liver fat %.1f -> %.1f -> %.1f %%\n",
                  before->fasting_glucose, week1->fasting_glucose, week8->fasting_glucose,
                  before->liver_fat, week1->liver_fat, week8->liver_fat);
      check (&row, "fasting glucose fall by day 7 (mmol/L)", before->fasting_glucose - week1->fasting_glucose, 2.0, 5.0);
      check (&row, "liver fat fall by day 7 (fraction)", 1.0 - week1->liver_fat / before->liver_fat, 0.15, 0.45);
      check (&row, "liver fat at week 8 (%)", week8->liver_fat, 1.5, 5.0);
      check (&row, "weight loss by week 8 (kg)", before->weight - week8->weight, 11, 19);
      /* Taylor 2013: the first-phase insulin response came back to the controls' level by week 8 */
      check (&row, "beta-cell function at week 8 (fraction of healthy)", week8->beta_cell_function_rel, 0.5, 1.5);
    }
  row_end (&row);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/validation/V1", test_v1);
  g_test_add_func ("/validation/V2", test_v2);
  g_test_add_func ("/validation/V3", test_v3);
  g_test_add_func ("/validation/V4", test_v4);
  g_test_add_func ("/validation/V5", test_v5);
  g_test_add_func ("/validation/V6", test_v6);
  g_test_add_func ("/validation/V7", test_v7);
  g_test_add_func ("/validation/V8", test_v8);
  g_test_add_func ("/validation/V9", test_v9);
  g_test_add_func ("/validation/V10", test_v10);
  g_test_add_func ("/validation/V11", test_v11);
  g_test_add_func ("/validation/V12", test_v12);
  g_test_add_func ("/validation/V13", test_v13);
  g_test_add_func ("/validation/V14", test_v14);
  g_test_add_func ("/validation/V15", test_v15);
  g_test_add_func ("/validation/V16", test_v16);
  g_test_add_func ("/validation/V17", test_v17);
  g_test_add_func ("/validation/V18", test_v18);
  g_test_add_func ("/validation/V19", test_v19);
  g_test_add_func ("/validation/V20", test_v20);
  g_test_add_func ("/validation/V21", test_v21);
  g_test_add_func ("/validation/V22", test_v22);
  g_test_add_func ("/validation/V23", test_v23);
  status = g_test_run ();
  g_clear_pointer (&progressor_trace, gtw_trace_unref);
  return status;
}
