/* test-population.c: virtual populations: sampling, determinism across threads, percentiles
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include <gtw-model.h>

static GtwScenario *
progressor (int days)
{
  g_autoptr (GError) error = NULL;
  GtwScenario *s = gtw_preset_load ("progressor", &error);

  g_assert_no_error (error);
  s->duration_days = days;
  return s;
}

/* Every varied parameter has a cv source; draws stay in range, depend only on (seed, index),
 * and spread around the patient's value with about the registry's cv. */
static void
test_sampling (void)
{
  g_autoptr (GtwScenario) s = progressor (10);
  const GtwPatient *base = &s->patient;
  const guint n = 2000;
  double log_sum = 0, log_sq = 0, cv = gtw_registry_get (GTW_P_SI_INTRINSIC)->cv;
  GtwPatient a, b;

  for (guint i = 0; i < GTW_N_PATIENT_PARAMS; i++)
    {
      const GtwParamInfo *info = gtw_registry_get ((GtwParamId) i);
      if (info->cv > 0)
        g_assert_true (info->cv_source != NULL && *info->cv_source);
      else
        g_assert_null (info->cv_source);
    }

  gtw_population_sample_patient (base, 42, 7, &a);
  gtw_population_sample_patient (base, 42, 7, &b);
  g_assert_cmpmem (&a, sizeof a, &b, sizeof b);
  gtw_population_sample_patient (base, 43, 7, &b);
  g_assert_cmpfloat (a.v[GTW_P_SI_INTRINSIC], !=, b.v[GTW_P_SI_INTRINSIC]);
  /* not varied: the patient's own value */
  g_assert_cmpfloat (a.v[GTW_P_AGE], ==, base->v[GTW_P_AGE]);
  g_assert_cmpfloat (a.v[GTW_P_SEX], ==, base->v[GTW_P_SEX]);

  for (guint i = 0; i < n; i++)
    {
      double x;

      gtw_population_sample_patient (base, 1, i, &a);
      for (guint p = 0; p < GTW_N_PATIENT_PARAMS; p++)
        {
          const GtwParamInfo *info = gtw_registry_get ((GtwParamId) p);
          g_assert_cmpfloat (a.v[p], >=, info->min);
          g_assert_cmpfloat (a.v[p], <=, info->max);
        }
      x = log (a.v[GTW_P_SI_INTRINSIC] / base->v[GTW_P_SI_INTRINSIC]);
      log_sum += x;
      log_sq += x * x;
    }
  /* log-normal around the patient: mean log ratio 0, SD sqrt (ln (1 + cv²)) (clamping aside) */
  g_assert_cmpfloat (fabs (log_sum / n), <, 0.02);
  g_assert_cmpfloat_with_epsilon (sqrt (log_sq / n), sqrt (log1p (cv * cv)), 0.03);
}

/* A patient drawn at rest: whatever reserve the draw gave, the run sets the one at which his
 * beta-cell function stays where day 0 has it; a patient whose function no reserve in range
 * holds keeps the nearest end of the range. */
static void
test_at_rest (void)
{
  const GtwParamInfo *info = gtw_registry_get (GTW_P_BETA_RESERVE);
  const double reserves[] = { info->min, info->max };
  const GtwDayRecord *day0[2], *day60[2];
  GtwTrace *t[2];
  GtwSimOptions options;
  double rest = 0;

  gtw_sim_options_init (&options);
  g_assert_false (options.reserve_at_rest);
  options.reserve_at_rest = TRUE;
  for (guint k = 0; k < 2; k++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GtwScenario) s = gtw_preset_load ("compensated-ir", &error);

      g_assert_no_error (error);
      s->duration_days = 61;
      s->patient.v[GTW_P_BETA_RESERVE] = reserves[k];
      t[k] = gtw_simulate (s, &options, NULL, &error);
      g_assert_no_error (error);
      day0[k] = gtw_trace_get_day (t[k], 0);
      day60[k] = gtw_trace_get_day (t[k], 60);
      g_test_message ("reserve %.2f -> %.4f; function day 0 %.4f, day 60 %.4f", reserves[k],
                      gtw_trace_get_scenario (t[k])->patient.v[GTW_P_BETA_RESERVE],
                      day0[k]->beta_cell_function_rel, day60[k]->beta_cell_function_rel);
      g_assert_cmpfloat (fabs (day60[k]->beta_cell_function_rel / day0[k]->beta_cell_function_rel - 1), <, 0.005);

      /* as entered, either reserve moves the function within two months */
      {
        g_autoptr (GtwTrace) entered = gtw_simulate (s, NULL, NULL, &error);

        g_assert_no_error (error);
        g_assert_cmpfloat (fabs (gtw_trace_get_day (entered, 60)->beta_cell_function_rel
                                 / day0[k]->beta_cell_function_rel - 1), >, 0.03);
      }
    }
  /* about the same patient whatever the reserve drawn: one day measures the target, and over
   * that day the function moved a little with the reserve it had */
  rest = gtw_trace_get_scenario (t[0])->patient.v[GTW_P_BETA_RESERVE];
  g_assert_cmpfloat (rest, >, info->min);
  g_assert_cmpfloat (rest, <, info->max);
  g_assert_cmpfloat_with_epsilon (gtw_trace_get_scenario (t[1])->patient.v[GTW_P_BETA_RESERVE], rest, 0.01 * rest);
  g_assert_cmpfloat_with_epsilon (day60[0]->fasting_insulin, day60[1]->fasting_insulin, 0.002 * day60[0]->fasting_insulin);
  gtw_trace_unref (t[0]);
  gtw_trace_unref (t[1]);

  /* early-t2d: glucotoxicity holds the target of his function below it at any reserve */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (GtwScenario) s = gtw_preset_load ("early-t2d", &error);
    g_autoptr (GtwTrace) trace = NULL;

    g_assert_no_error (error);
    s->duration_days = 2;
    trace = gtw_simulate (s, &options, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpfloat (gtw_trace_get_scenario (trace)->patient.v[GTW_P_BETA_RESERVE], ==, info->max);
  }
}

static GtwPopulation *
run_population (const GtwScenario *s, guint n, guint threads, guint64 seed)
{
  g_autoptr (GError) error = NULL;
  GtwPopulationOptions options;
  GtwPopulation *pop;

  gtw_population_options_init (&options);
  g_assert_cmpint (options.integrator, ==, GTW_INTEGRATOR_FAST);
  options.n_patients = n;
  options.n_threads = threads;
  options.seed = seed;
  pop = gtw_population_run (s, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pop);
  return pop;
}

static void
assert_same (const GtwPopulation *a, const GtwPopulation *b)
{
  g_assert_cmpuint (gtw_population_get_n_patients (a), ==, gtw_population_get_n_patients (b));
  g_assert_cmpuint (gtw_population_get_n_years (a), ==, gtw_population_get_n_years (b));
  for (guint i = 0; i < gtw_population_get_n_patients (a); i++)
    g_assert_cmpint (gtw_population_get_onset (a, i), ==, gtw_population_get_onset (b, i));
  for (guint m = 0; m < GTW_POPULATION_N_MARKERS; m++)
    for (guint y = 0; y < gtw_population_get_n_years (a); y++)
      for (guint k = 0; k < GTW_POPULATION_N_PERCENTILES; k++)
        g_assert_cmpfloat (gtw_population_get_percentile (a, m, y, k), ==,
                           gtw_population_get_percentile (b, m, y, k));
}

static void
test_threads (void)
{
  g_autoptr (GtwScenario) s = progressor (3 * 365);
  g_autoptr (GtwPopulation) one = run_population (s, 12, 1, 5);
  g_autoptr (GtwPopulation) three = run_population (s, 12, 3, 5);
  g_autoptr (GtwPopulation) all = run_population (s, 12, 0, 5);
  g_autoptr (GtwPopulation) other = run_population (s, 12, 0, 6);
  gboolean differs = FALSE;

  /* every marker, the chart's fasting insulin and C-peptide among them */
  assert_same (one, three);
  assert_same (one, all);
  for (guint k = 0; k < GTW_POPULATION_N_PERCENTILES; k++)
    differs |= gtw_population_get_percentile (one, GTW_POPULATION_HBA1C, 3, k)
               != gtw_population_get_percentile (other, GTW_POPULATION_HBA1C, 3, k);
  g_assert_true (differs);
  for (guint m = GTW_POPULATION_FASTING_INSULIN; m <= GTW_POPULATION_FASTING_CPEPTIDE; m++)
    {
      differs = FALSE;
      for (guint k = 0; k < GTW_POPULATION_N_PERCENTILES; k++)
        differs |= gtw_population_get_percentile (one, m, 2, k)
                   != gtw_population_get_percentile (other, m, 2, k);
      g_assert_true (differs);
    }
}

/* A population grown from a smaller one of the same seed is the population run at once; a
 * copy is the same too. */
static void
test_more (void)
{
  g_autoptr (GtwScenario) s = progressor (2 * 365);
  g_autoptr (GtwPopulation) small = run_population (s, 5, 0, 9);
  g_autoptr (GtwPopulation) whole = run_population (s, 12, 2, 9);
  g_autoptr (GtwPopulation) grown = NULL;
  g_autoptr (GtwPopulation) copy = NULL;
  g_autoptr (GError) error = NULL;
  GtwPopulationOptions options;

  gtw_population_options_init (&options);
  options.n_patients = 12;
  options.n_threads = 3;
  options.seed = 9;
  grown = gtw_population_run_more (small, s, &options, NULL, &error);
  g_assert_no_error (error);
  assert_same (grown, whole);
  copy = gtw_population_copy (grown);
  assert_same (copy, whole);

  /* as many as the small one: nothing to run, the same percentiles */
  g_clear_pointer (&grown, gtw_population_free);
  options.n_patients = 5;
  grown = gtw_population_run_more (small, s, &options, NULL, &error);
  g_assert_no_error (error);
  assert_same (grown, small);
}

/* The fasting insulin and C-peptide percentiles are those of the daily columns the chart draws:
 * on day 0 the median sits near the patient's own value, as beta-cell mass does. */
static void
test_insulin (void)
{
  g_autoptr (GtwScenario) s = progressor (400);
  g_autoptr (GtwPopulation) pop = run_population (s, 20, 0, 3);
  g_autoptr (GtwTrace) trace = NULL;
  g_autoptr (GError) error = NULL;
  const GtwDayRecord *day0, *last;
  GtwSimOptions options;

  gtw_sim_options_init (&options);
  options.integrator = GTW_INTEGRATOR_FAST;
  trace = gtw_simulate (s, &options, NULL, &error);
  g_assert_no_error (error);
  day0 = gtw_trace_get_day (trace, 0);
  last = gtw_trace_get_day (trace, 399);

  g_assert_cmpfloat_with_epsilon (gtw_population_get_percentile (pop, GTW_POPULATION_FASTING_INSULIN, 0, 2)
                                  / day0->fasting_insulin, 1.0, 0.3);
  g_assert_cmpfloat_with_epsilon (gtw_population_get_percentile (pop, GTW_POPULATION_FASTING_CPEPTIDE, 0, 2)
                                  / day0->fasting_cpeptide, 1.0, 0.3);
  /* the patient lies inside the 90 % band on the last day */
  g_assert_cmpfloat (gtw_population_get_percentile (pop, GTW_POPULATION_FASTING_INSULIN, 2, 0), <=,
                     last->fasting_insulin * 1.05);
  g_assert_cmpfloat (gtw_population_get_percentile (pop, GTW_POPULATION_FASTING_INSULIN, 2, 4), >=,
                     last->fasting_insulin * 0.95);
  g_assert_cmpstr (gtw_population_marker_name (GTW_POPULATION_FASTING_INSULIN), ==,
                   "fasting_insulin_pmol_l");
  g_assert_cmpstr (gtw_population_marker_name (GTW_POPULATION_FASTING_CPEPTIDE), ==,
                   "fasting_cpeptide_nmol_l");
}

static void
test_percentiles (void)
{
  g_autoptr (GtwScenario) s = progressor (2 * 365 + 100);
  g_autoptr (GtwPopulation) pop = run_population (s, 20, 0, 11);
  const double *levels = gtw_population_percentile_levels ();
  guint with_onset = 0;

  g_assert_cmpfloat (levels[0], ==, 5);
  g_assert_cmpfloat (levels[2], ==, 50);
  g_assert_cmpfloat (levels[4], ==, 95);
  /* years 0, 1, 2 and the last day */
  g_assert_cmpuint (gtw_population_get_n_years (pop), ==, 4);
  g_assert_cmpuint (gtw_population_get_year_day (pop, 1), ==, 365);
  g_assert_cmpuint (gtw_population_get_year_day (pop, 3), ==, 2 * 365 + 99);

  for (guint m = 0; m < GTW_POPULATION_N_MARKERS; m++)
    for (guint y = 0; y < gtw_population_get_n_years (pop); y++)
      {
        double spread = gtw_population_get_percentile (pop, m, y, 4)
                        - gtw_population_get_percentile (pop, m, y, 0);
        for (guint k = 1; k < GTW_POPULATION_N_PERCENTILES; k++)
          g_assert_cmpfloat (gtw_population_get_percentile (pop, m, y, k - 1), <=,
                             gtw_population_get_percentile (pop, m, y, k));
        g_assert_cmpfloat (spread, >, 0); /* the patients differ */
        g_assert_true (isfinite (spread));
      }
  /* beta-cell mass on day 0 centres on the patient's (1.0 x reference for the progressor) */
  g_assert_cmpfloat_with_epsilon (gtw_population_get_percentile (pop, GTW_POPULATION_BETA_CELL_MASS, 0, 2),
                                  s->patient.v[GTW_P_BETA_MASS], 0.15);

  for (guint i = 0; i < gtw_population_get_n_patients (pop); i++)
    {
      int onset = gtw_population_get_onset (pop, i);
      g_assert_cmpint (onset, >=, -1);
      g_assert_cmpint (onset, <, s->duration_days);
      with_onset += onset >= 0;
    }
  g_assert_cmpfloat (gtw_population_get_incidence (pop), ==, with_onset / 20.0);
  g_assert_cmpstr (gtw_population_marker_name (GTW_POPULATION_HBA1C), ==, "hba1c_percent");
}

static void
test_cancel (void)
{
  g_autoptr (GtwScenario) s = progressor (3650);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GtwPopulation) pop = NULL;
  GtwPopulationOptions options;

  gtw_population_options_init (&options);
  options.n_patients = 50;
  g_cancellable_cancel (cancellable);
  pop = gtw_population_run (s, &options, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (pop);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/population/sampling", test_sampling);
  g_test_add_func ("/population/at-rest", test_at_rest);
  g_test_add_func ("/population/threads", test_threads);
  g_test_add_func ("/population/percentiles", test_percentiles);
  g_test_add_func ("/population/insulin", test_insulin);
  g_test_add_func ("/population/more", test_more);
  g_test_add_func ("/population/cancel", test_cancel);
  return g_test_run ();
}
