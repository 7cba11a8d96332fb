/* test-fast.c: the multirate fast integrator against the reference, and its determinism
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Agreement (issue 4): every preset, and every preset with each intervention type, every year
 * of a 20-year run: fasting glucose within 0.1 mmol/L, HbA1c within 0.1 points, beta-cell mass
 * within 2 %, diabetes onset day within 30 days. The reference runs are slow, so the cases run
 * on a thread pool over all cores. Fasting insulin is compared too (it is drawn), and the
 * drawn curves must not jump where the fast integrator steps over days.
 */
#include <math.h>
#include <string.h>

#include <gtw-model.h>

#define YEARS       20
#define RUN_DAYS    (YEARS * 365)
#define IV_START    730          /* after two years, so that the run has a before */
#define IV_END      (15 * 365)   /* and an after: the wash-out is compared too */
/* Fasting insulin, drawn in the figures though not among the criteria, within 5 %
 * (below the 6-10 % coefficient of variation of an insulin immunoassay) or, at the low values of
 * failed beta cells where a ratio means little, within 3 pmol/L. */
#define INSULIN_RELATIVE 0.05
#define INSULIN_FLOOR    3.0 /* pmol/L */

typedef struct
{
  char        *name;
  GtwScenario *scenario;
  /* results, written by the worker */
  GError      *error;
  double       d_fasting_glucose;  /* worst |fast - reference| over the years, mmol/L */
  double       d_hba1c;            /* points */
  double       d_beta_mass;        /* relative */
  double       d_fasting_insulin;  /* relative */
  gboolean     insulin_ok;
  int          onset_fast;
  int          onset_reference;
  double       seconds_fast;
  double       seconds_reference;
} Case;

static void
case_free (gpointer data)
{
  Case *c = data;

  g_free (c->name);
  gtw_scenario_free (c->scenario);
  g_clear_error (&c->error);
  g_free (c);
}

static GtwTrace *
run (const GtwScenario *scenario, GtwIntegrator integrator, double *seconds, GError **error)
{
  GtwSimOptions options;
  gint64 start = g_get_monotonic_time ();
  GtwTrace *trace;

  gtw_sim_options_init (&options);
  options.integrator = integrator;
  trace = gtw_simulate (scenario, &options, NULL, error);
  *seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  return trace;
}

static void
compare_worker (gpointer data, gpointer user_data)
{
  Case *c = data;
  g_autoptr (GtwTrace) fast = NULL;
  g_autoptr (GtwTrace) reference = NULL;
  guint n;

  if (!(fast = run (c->scenario, GTW_INTEGRATOR_FAST, &c->seconds_fast, &c->error))
      || !(reference = run (c->scenario, GTW_INTEGRATOR_REFERENCE, &c->seconds_reference, &c->error)))
    return;

  n = gtw_trace_get_n_days (reference);
  c->insulin_ok = TRUE;
  for (guint year = 0; year <= YEARS; year++)
    {
      guint day = MIN (year * 365, n - 1);
      const GtwDayRecord *f = gtw_trace_get_day (fast, day);
      const GtwDayRecord *r = gtw_trace_get_day (reference, day);

      c->d_fasting_glucose = MAX (c->d_fasting_glucose, fabs (f->fasting_glucose - r->fasting_glucose));
      c->d_hba1c = MAX (c->d_hba1c, fabs (f->hba1c - r->hba1c));
      c->d_beta_mass = MAX (c->d_beta_mass, fabs (f->beta_cell_mass_rel / r->beta_cell_mass_rel - 1.0));
      c->d_fasting_insulin = MAX (c->d_fasting_insulin,
                                  fabs (f->fasting_insulin / r->fasting_insulin - 1.0));
      if (fabs (f->fasting_insulin / r->fasting_insulin - 1.0) > INSULIN_RELATIVE
          && fabs (f->fasting_insulin - r->fasting_insulin) > INSULIN_FLOOR)
        c->insulin_ok = FALSE;
    }
  c->onset_fast = gtw_trace_diabetes_onset (fast);
  c->onset_reference = gtw_trace_diabetes_onset (reference);
  /* progress on standard error: the whole test takes minutes */
  g_printerr ("# %-40s fasting glucose %.3f, HbA1c %.3f, beta-cell mass %.2f %%, "
              "fasting insulin %.1f %%, onset %d vs %d\n",
              c->name, c->d_fasting_glucose, c->d_hba1c, 100 * c->d_beta_mass,
              100 * c->d_fasting_insulin, c->onset_fast, c->onset_reference);
}

static const struct
{
  const char *preset;
  int         sessions;
  gboolean    in_default;
  int         second;       /* an intervention type that starts mid-week of the exercise, or -1 */
} weekly[] = {
  { "compensated-ir", 1, FALSE, -1 },  { "pcos", 1, FALSE, -1 },
  { "prediabetes-igt", 2, FALSE, -1 }, { "prediabetes-igt", 4, TRUE, -1 },
  { "metabolic-syndrome", 5, FALSE, -1 }, { "progressor", 6, FALSE, -1 },
  { "prediabetes-ifg", 7, FALSE, -1 },  { "metabolic-syndrome", 8, TRUE, -1 },
  { "prediabetes-igt", 10, FALSE, -1 },
  /* weeks that start on another day of the exercise's week (the day of the second start) */
  { "prediabetes-igt", 4, FALSE, GTW_IV_MAGNESIUM },
  { "metabolic-syndrome", 3, FALSE, GTW_IV_PREMEAL_PROTEIN },
};
#define SECOND_START (IV_START + 2 * 365 + 3) /* day 5 of an exercise week */

static GPtrArray *
agreement_cases (void)
{
  GPtrArray *cases = g_ptr_array_new_with_free_func (case_free);
  const char *const *ids = gtw_preset_ids ();

  guint n_presets = g_strv_length ((char **) ids);

  for (guint i = 0; ids[i] != NULL; i++)
    for (int type = -1; type < GTW_N_IV_TYPES; type++)
      {
        g_autoptr (GError) error = NULL;
        Case *c;

        /* The whole matrix (107 runs of 20 years against CVODE every day, a quarter of an hour
         * of both cores) runs with -m slow (suite 'long'); the default suite takes every preset
         * alone and every intervention type once, each on another preset. */
        if (!g_test_slow () && type >= 0 && (guint) type % n_presets != i)
          continue;
        c = g_new0 (Case, 1);

        c->scenario = gtw_preset_load (ids[i], &error);
        g_assert_no_error (error);
        c->scenario->duration_days = RUN_DAYS;
        if (type >= 0)
          {
            GtwIntervention iv;

            gtw_intervention_init (&iv, (GtwInterventionType) type, IV_START);
            iv.end_day = IV_END;
            g_array_append_val (c->scenario->interventions, iv);
            c->name = g_strdup_printf ("%s + %s", ids[i], gtw_intervention_class (type)->id);
          }
        else
          c->name = g_strdup (ids[i]);
        g_ptr_array_add (cases, c);
      }

  /* Weeks of other patterns than the default three sessions (the fast integrator sorts their
   * days by the sessions before them, and days of two sessions apart): until 2 December 2026
   * one session a week left pcos 7.5 % of beta-cell mass from the reference, four left
   * prediabetes-igt 6.1 % and eight metabolic-syndrome 6.7 %. */
  for (guint i = 0; i < G_N_ELEMENTS (weekly); i++)
    {
      g_autoptr (GError) error = NULL;
      const GtwInterventionClass *klass = gtw_intervention_class (GTW_IV_EXERCISE);
      GtwIntervention iv;
      Case *c;

      if (!g_test_slow () && !weekly[i].in_default)
        continue;
      c = g_new0 (Case, 1);
      c->scenario = gtw_preset_load (weekly[i].preset, &error);
      g_assert_no_error (error);
      c->scenario->duration_days = RUN_DAYS;
      gtw_intervention_init (&iv, GTW_IV_EXERCISE, IV_START);
      iv.end_day = IV_END;
      iv.field[gtw_intervention_field_index (klass, "sessions_per_week")] = weekly[i].sessions;
      g_array_append_val (c->scenario->interventions, iv);
      c->name = g_strdup_printf ("%s + exercise %d a week", weekly[i].preset, weekly[i].sessions);
      if (weekly[i].second >= 0)
        {
          char *name = c->name;

          gtw_intervention_init (&iv, (GtwInterventionType) weekly[i].second, SECOND_START);
          iv.end_day = IV_END;
          g_array_append_val (c->scenario->interventions, iv);
          c->name = g_strdup_printf ("%s + %s", name,
                                     gtw_intervention_class (weekly[i].second)->id);
          g_free (name);
        }
      g_ptr_array_add (cases, c);
    }
  return cases;
}

static gboolean
onsets_agree (int fast, int reference)
{
  if (fast < 0 || reference < 0)
    return MAX (fast, reference) < 0 || MAX (fast, reference) >= RUN_DAYS - 30;
  return ABS (fast - reference) <= 30;
}

static void
test_agreement (void)
{
  g_autoptr (GPtrArray) cases = agreement_cases ();
  g_autoptr (GError) error = NULL;
  GThreadPool *pool = g_thread_pool_new (compare_worker, NULL, (int) g_get_num_processors (), TRUE, &error);
  double fast_total = 0, reference_total = 0;
  guint failed = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < cases->len; i++)
    g_thread_pool_push (pool, cases->pdata[i], NULL);
  g_thread_pool_free (pool, FALSE, TRUE);

  for (guint i = 0; i < cases->len; i++)
    {
      Case *c = cases->pdata[i];
      gboolean ok;

      g_assert_no_error (c->error);
      ok = c->d_fasting_glucose <= 0.1 && c->d_hba1c <= 0.1 && c->d_beta_mass <= 0.02
           && c->insulin_ok
           && onsets_agree (c->onset_fast, c->onset_reference);
      g_test_message ("%-40s fasting glucose %.3f mmol/L, HbA1c %.3f, beta-cell mass %.2f %%, "
                      "fasting insulin %.1f %%, onset %d vs %d; %.2f s vs %.2f s%s",
                      c->name, c->d_fasting_glucose, c->d_hba1c, 100 * c->d_beta_mass,
                      100 * c->d_fasting_insulin,
                      c->onset_fast, c->onset_reference, c->seconds_fast, c->seconds_reference,
                      ok ? "" : "  ** outside the tolerance");
      fast_total += c->seconds_fast;
      reference_total += c->seconds_reference;
      failed += !ok;
    }
  g_test_message ("%u cases: fast %.1f s, reference %.1f s of thread time (%.0fx)", cases->len,
                  fast_total, reference_total, reference_total / fast_total);
  g_assert_cmpuint (failed, ==, 0);
}

/* ---------------------------------------------------------------------------------------- */

static GtwScenario *
treated_progressor (int days)
{
  g_autoptr (GError) error = NULL;
  GtwScenario *s = gtw_preset_load ("progressor", &error);
  const GtwInterventionType types[] = { GTW_IV_METFORMIN, GTW_IV_EXERCISE, GTW_IV_CARB_REDUCTION,
                                        GTW_IV_PREMEAL_PROTEIN };

  g_assert_no_error (error);
  s->duration_days = days;
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      GtwIntervention iv;
      gtw_intervention_init (&iv, types[i], 400 + 300 * (int) i);
      if (i == 2)
        iv.end_day = 2000;
      g_array_append_val (s->interventions, iv);
    }
  return s;
}

static GtwTrace *
simulate_fast (const GtwScenario *s, GtwSimOptions *options)
{
  g_autoptr (GError) error = NULL;
  GtwTrace *trace;

  options->integrator = GTW_INTEGRATOR_FAST;
  trace = gtw_simulate (s, options, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (trace);
  return trace;
}

static void
assert_same_records (const GtwTrace *a, const GtwTrace *b)
{
  g_assert_cmpuint (gtw_trace_get_n_days (a), ==, gtw_trace_get_n_days (b));
  for (guint d = 0; d < gtw_trace_get_n_days (a); d++)
    g_assert_cmpmem (gtw_trace_get_day (a, d), sizeof (GtwDayRecord),
                     gtw_trace_get_day (b, d), sizeof (GtwDayRecord));
}

typedef struct
{
  GArray *records;
  guint   n_chunks;
  guint   first_chunk_days;
  double  last_progress;
} Collected;

static void
collect_chunk (GtwTrace *trace, guint first, guint n, gpointer user_data)
{
  Collected *c = user_data;

  g_assert_cmpuint (first, ==, c->records->len);
  g_assert_cmpuint (first + n, <=, gtw_trace_get_n_days (trace));
  /* the first chunk as soon as days exist; the others end on multiples of chunk_days */
  if (first == 0)
    c->first_chunk_days = n;
  else
    g_assert_true ((first + n) % 100 == 0 || first + n == 3650);
  for (guint d = first; d < first + n; d++)
    g_array_append_vals (c->records, gtw_trace_get_day (trace, d), 1);
  c->n_chunks++;
}

static void
collect_progress (double fraction, gpointer user_data)
{
  Collected *c = user_data;

  g_assert_cmpfloat (fraction, >=, c->last_progress);
  g_assert_cmpfloat (fraction, <=, 1.0);
  c->last_progress = fraction;
}

static void
test_determinism (void)
{
  g_autoptr (GtwScenario) s = treated_progressor (3650);
  g_autoptr (GtwTrace) first = NULL;
  g_autoptr (GtwTrace) second = NULL;
  g_autoptr (GtwTrace) chunked = NULL;
  g_autoptr (GArray) records = g_array_new (FALSE, FALSE, sizeof (GtwDayRecord));
  Collected collected = { records, 0, 0, 0 };
  GtwSimOptions options;

  gtw_sim_options_init (&options);
  g_assert_cmpint (options.integrator, ==, GTW_INTEGRATOR_FAST);
  first = simulate_fast (s, &options);
  second = simulate_fast (s, &options);
  assert_same_records (first, second);

  options.chunk_days = 100;
  options.chunk_func = collect_chunk;
  options.chunk_data = &collected;
  options.progress_func = collect_progress;
  options.progress_data = &collected;
  chunked = simulate_fast (s, &options);
  assert_same_records (first, chunked);
  g_assert_cmpuint (records->len, ==, 3650);
  g_assert_cmpuint (collected.first_chunk_days, <, 10);
  g_assert_cmpuint (collected.n_chunks, ==, 38);
  g_assert_cmpfloat (collected.last_progress, ==, 1.0);
  for (guint d = 0; d < records->len; d++)
    {
      g_assert_cmpint (g_array_index (records, GtwDayRecord, d).day, ==, (int) d);
      g_assert_cmpmem (&g_array_index (records, GtwDayRecord, d), sizeof (GtwDayRecord),
                       gtw_trace_get_day (first, d), sizeof (GtwDayRecord));
    }
}

/* Every day has a record and a checkpoint that replays, whether simulated or stepped over. */
static void
test_replay (void)
{
  g_autoptr (GtwScenario) s = treated_progressor (1500);
  g_autoptr (GtwTrace) trace = NULL;
  GtwSimOptions options;
  const guint days[] = { 0, 37, 401, 1000, 1499 };

  gtw_sim_options_init (&options);
  trace = simulate_fast (s, &options);
  g_assert_cmpuint (gtw_trace_get_n_days (trace), ==, 1500);

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GtwDayDetail) detail = gtw_trace_simulate_day (trace, days[i], &error);
      g_autoptr (GtwDayDetail) again = gtw_trace_simulate_day (trace, days[i], &error);
      g_autoptr (GtwOgttResult) ogtt = gtw_trace_run_ogtt (trace, days[i], &error);
      const GtwDayRecord *r = gtw_trace_get_day (trace, days[i]);
      int breakfast = (int) lround (s->patient.v[GTW_P_BREAKFAST_TIME] * 60);
      const GtwMinuteRecord *fasting;

      g_assert_no_error (error);
      g_assert_cmpuint (detail->minutes->len, ==, 1440);
      g_assert_cmpmem (detail->minutes->data, 1440 * sizeof (GtwMinuteRecord),
                       again->minutes->data, 1440 * sizeof (GtwMinuteRecord));
      fasting = &g_array_index (detail->minutes, GtwMinuteRecord, breakfast);
      /* the replay starts from the day's checkpoint: the same fasting glucose as the record */
      g_assert_cmpfloat_with_epsilon (fasting->glucose, r->fasting_glucose, 0.1);
      g_assert_cmpfloat (ogtt->two_hour_glucose, >, ogtt->glucose[0]);
      g_assert_cmpint (r->day, ==, (int) days[i]);
    }
}

static void
cancel_in_chunk (GtwTrace *trace, guint first, guint n, gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_cancel (void)
{
  g_autoptr (GtwScenario) s = treated_progressor (7300);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GtwTrace) trace = NULL;
  GtwSimOptions options;

  gtw_sim_options_init (&options);
  options.chunk_func = cancel_in_chunk;
  options.chunk_data = cancellable;
  trace = gtw_simulate (s, &options, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (trace);
}

/* A single exercise session (V8 of the validation targets): its acute effect on insulin
 * sensitivity fades within two or three days, and the fast integrator, which steps over days
 * after it, must follow the reference there. */
static void
test_single_session (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GtwScenario) s = gtw_preset_load ("compensated-ir", &error);
  g_autoptr (GtwTrace) fast = NULL;
  g_autoptr (GtwTrace) reference = NULL;
  GtwIntervention iv;
  double seconds;

  g_assert_no_error (error);
  s->duration_days = 60;
  g_array_set_size (s->interventions, 0);
  gtw_intervention_init (&iv, GTW_IV_EXERCISE, 10);
  iv.end_day = 10;
  iv.field[1] = 1; /* sessions per week */
  iv.field[2] = 45; /* minutes */
  g_array_append_val (s->interventions, iv);
  fast = run (s, GTW_INTEGRATOR_FAST, &seconds, &error);
  g_assert_no_error (error);
  reference = run (s, GTW_INTEGRATOR_REFERENCE, &seconds, &error);
  g_assert_no_error (error);

  /* the mornings 24, 48 and 72 hours after the session, then the weeks after */
  for (guint d = 11; d < 60; d++)
    {
      const GtwDayRecord *f = gtw_trace_get_day (fast, d);
      const GtwDayRecord *r = gtw_trace_get_day (reference, d);

      if (d <= 13)
        {
          g_test_message ("day %u: acute effect %.4f (reference %.4f), Si %.3f (reference %.3f)",
                          d, f->exercise_acute, r->exercise_acute, f->si_bergman, r->si_bergman);
          g_assert_cmpfloat_with_epsilon (f->exercise_acute, r->exercise_acute, 0.002);
          g_assert_cmpfloat_with_epsilon (f->si_bergman / r->si_bergman, 1.0, 0.005);
        }
      g_assert_cmpfloat (r->exercise_acute, <, 0.2);
      g_assert_cmpfloat_with_epsilon (f->exercise_acute, r->exercise_acute, 0.005);
      g_assert_cmpfloat_with_epsilon (f->fasting_glucose, r->fasting_glucose, 0.02);
      g_assert_cmpfloat_with_epsilon (f->si_bergman / r->si_bergman, 1.0, 0.01);
    }
  /* the effect is there the next morning and gone after three days */
  g_assert_cmpfloat (gtw_trace_get_day (reference, 11)->exercise_acute, >, 0.1);
  g_assert_cmpfloat (gtw_trace_get_day (fast, 13)->exercise_acute, <, 0.03);
}

/* The figures draw every day of a fast run. Through the progressor's compensated years, where
 * the macro-steps are longest, fasting insulin and C-peptide rise along a bending curve: drawn
 * from a line extrapolated over a step, they lagged and jumped back at the next exact day, by
 * 0.4-1.3 % in a day. Drawn between the exact days around each step they bend smoothly (the
 * exact days themselves carry the solver's noise of a few tenths of a percent, so the bound is
 * for the long steps of years 1-8, where they are months apart). */
static void
test_drawn_smooth (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GtwScenario) s = gtw_preset_load ("progressor", &error);
  g_autoptr (GtwTrace) trace = NULL;
  double seconds, worst[2] = { 0, 0 };

  g_assert_no_error (error);
  s->duration_days = 8 * 365 + 1;
  trace = run (s, GTW_INTEGRATOR_FAST, &seconds, &error);
  g_assert_no_error (error);
  for (guint d = 365; d + 1 < 8 * 365; d++)
    {
      const GtwDayRecord *a = gtw_trace_get_day (trace, d - 1), *b = gtw_trace_get_day (trace, d),
                         *c = gtw_trace_get_day (trace, d + 1);

      worst[0] = MAX (worst[0], fabs (a->fasting_insulin - 2 * b->fasting_insulin + c->fasting_insulin)
                                    / b->fasting_insulin);
      worst[1] = MAX (worst[1], fabs (a->fasting_cpeptide - 2 * b->fasting_cpeptide + c->fasting_cpeptide)
                                    / b->fasting_cpeptide);
    }
  g_test_message ("largest change of the daily change, years 1-8: fasting insulin %.4f %%, "
                  "C-peptide %.4f %%", 100 * worst[0], 100 * worst[1]);
  g_assert_cmpfloat (worst[0], <, 0.002);
  g_assert_cmpfloat (worst[1], <, 0.002);
}

/* A run cut after day N, as the `markers` command runs it, reports day N as the whole run does
 * when it goes on GTW_FAST_LOOKAHEAD_DAYS past N. */
static void
test_lookahead (void)
{
  g_autoptr (GtwScenario) s = treated_progressor (10 * 365);
  g_autoptr (GError) error = NULL;
  g_autoptr (GtwTrace) whole = NULL;
  const guint days[] = { 100, 1000, 1500, 2999, 3400 };
  double seconds;

  whole = run (s, GTW_INTEGRATOR_FAST, &seconds, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr (GtwScenario) cut = gtw_scenario_copy (s);
      g_autoptr (GtwTrace) part = NULL;

      cut->duration_days = (int) (days[i] + 1 + GTW_FAST_LOOKAHEAD_DAYS);
      part = run (cut, GTW_INTEGRATOR_FAST, &seconds, &error);
      g_assert_no_error (error);
      for (guint d = 0; d <= days[i]; d++)
        g_assert_cmpmem (gtw_trace_get_day (part, d), sizeof (GtwDayRecord),
                         gtw_trace_get_day (whole, d), sizeof (GtwDayRecord));
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/fast/determinism", test_determinism);
  g_test_add_func ("/fast/replay", test_replay);
  g_test_add_func ("/fast/cancel", test_cancel);
  g_test_add_func ("/fast/single-session", test_single_session);
  g_test_add_func ("/fast/drawn-smooth", test_drawn_smooth);
  g_test_add_func ("/fast/lookahead", test_lookahead);
  g_test_add_func ("/fast/agreement", test_agreement);
  return g_test_run ();
}
