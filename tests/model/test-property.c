/* test-property.c: random patients on random timelines stay finite and physiological
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 7's property test, V17 of shared/validation/targets.md extended to random timelines:
 * every patient parameter drawn uniformly inside its registry range (the weight drawn again
 * where it gives, with the height, a body mass index the loader refuses), one to six interventions
 * of random types with every field, the days and the adherence drawn inside the ranges the
 * scenario format documents. Each case has a seed of its own, so a failure is reproduced by its
 * seed alone; it is reported with the scenario file that shows it.
 *
 * For every simulated day: every column finite, insulin and C-peptide not negative (numerical
 * faults), glucose within 1.5-40 mmol/L and HbA1c within 3-20 % (physiological bounds); three
 * days of each case minute by minute, insulin, C-peptide and secretion finite and not negative.
 * Any of these fails the test (V17's bounds were a TODO finding until the model met them). A
 * solver failure must come back as a GTW_SIM_ERROR_SOLVER GError; it is reported, it is not a
 * crash.
 *
 * By default (suite unit) 50 patients over 2 years; with -m slow (model-property-full, suite
 * long) 1000 patients over 5 years, on a thread pool. GTW_PROPERTY_SEEDS=18,882 runs only those
 * cases (over the mode's years), to reproduce a report.
 */
#include <math.h>
#include <gtw-model.h>

#define DAYS_PER_YEAR 365
/* "gtwp": keeps these streams apart from other uses of the same numbers */
#define STREAM_SALT 0x67747770u

typedef struct
{
  guint  n_days;
  GMutex lock;
  guint  n_failed;
  guint  n_out_of_range;
  guint  n_solver_errors;
  guint  n_done;
} Run;

static GRand *
case_rand (guint seed)
{
  guint32 key[] = { seed, STREAM_SALT };

  return g_rand_new_with_seed_array (key, G_N_ELEMENTS (key));
}

static void
random_patient (GRand *rand, GtwPatient *patient)
{
  for (guint p = 0; p < GTW_N_PATIENT_PARAMS; p++)
    {
      const GtwParamInfo *info = gtw_registry_get ((GtwParamId) p);

      if (info->kind == GTW_PARAM_NUMBER)
        patient->v[p] = g_rand_double_range (rand, info->min, info->max);
      else
        /* a boolean or the index of a choice: an integer from min to max */
        patient->v[p] = g_rand_int_range (rand, (gint32) info->min, (gint32) info->max + 1);
    }
  /* a weight and a height that together give a body mass index no adult lives at are refused
   * by the loader (gtw_patient_check ()): the weight is drawn again until the patient can live */
  while (!gtw_patient_check (patient, NULL))
    patient->v[GTW_P_WEIGHT] = g_rand_double_range (rand, gtw_registry_get (GTW_P_WEIGHT)->min,
                                                    gtw_registry_get (GTW_P_WEIGHT)->max);
}

static double
random_field (GRand *rand, const GtwFieldSpec *spec, double current)
{
  guint n_choices = 0;

  /* a field that follows another (NAN) is left following half of the time */
  if (isnan (current) && g_rand_boolean (rand))
    return current;

  switch (spec->kind)
    {
    case GTW_FIELD_NUMBER:
      return g_rand_double_range (rand, spec->min, spec->max);
    case GTW_FIELD_CHOICE:
      while (spec->choices[n_choices] != NULL)
        n_choices++;
      return g_rand_int_range (rand, 0, (gint32) n_choices);
    case GTW_FIELD_BOOLEAN:
      return g_rand_boolean (rand) ? 1 : 0;
    case GTW_FIELD_TIME:
      return g_rand_int_range (rand, (gint32) spec->min, (gint32) spec->max + 1);
    default:
      g_assert_not_reached ();
    }
}

static void
random_intervention (GRand *rand, guint n_days, GtwIntervention *iv)
{
  GtwInterventionType type = g_rand_int_range (rand, 0, GTW_N_IV_TYPES);
  const GtwInterventionClass *klass = gtw_intervention_class (type);

  gtw_intervention_init (iv, type, g_rand_int_range (rand, 0, (gint32) n_days));
  if (g_rand_boolean (rand))
    iv->end_day = g_rand_int_range (rand, iv->start_day, (gint32) n_days);
  iv->adherence = g_rand_double (rand);
  for (guint f = 0; f < klass->n_fields; f++)
    iv->field[f] = random_field (rand, &klass->fields[f], iv->field[f]);
}

/* The case of @seed, written as a scenario file and read back: the file format's own checks
 * then confirm that every value drawn lies inside its documented range. */
static GtwScenario *
random_scenario (guint seed, guint n_days)
{
  g_autoptr (GRand) rand = case_rand (seed);
  g_autoptr (GtwScenario) drawn = gtw_scenario_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  GtwScenario *loaded;
  guint n_interventions;
  gsize length;

  g_free (drawn->name);
  drawn->name = g_strdup_printf ("property case %u", seed);
  drawn->duration_days = (int) n_days;
  random_patient (rand, &drawn->patient);
  n_interventions = g_rand_int_range (rand, 1, 7);
  for (guint i = 0; i < n_interventions; i++)
    {
      GtwIntervention iv;

      random_intervention (rand, n_days, &iv);
      g_array_append_val (drawn->interventions, iv);
    }

  data = gtw_scenario_to_data (drawn, &length);
  loaded = gtw_scenario_load_data (data, (gssize) length, &error);
  if (loaded == NULL)
    g_error ("case %u: the drawn scenario does not load (%s):\n%s", seed, error->message, data);
  return loaded;
}

/* Appends what is wrong with day @r to @faults (not finite, negative) or to @misses (outside
 * the physiological bounds), at most one line per day. */
static void
check_day (const GtwDayRecord *r, GString *faults, GString *misses)
{
  static const struct { const char *name; gsize offset; } extras[] = {
    { "min_glucose", G_STRUCT_OFFSET (GtwDayRecord, min_glucose) },
    { "beta_cell_mass_mg", G_STRUCT_OFFSET (GtwDayRecord, beta_cell_mass_mg) },
    { "si_bergman", G_STRUCT_OFFSET (GtwDayRecord, si_bergman) },
    { "shbg", G_STRUCT_OFFSET (GtwDayRecord, shbg) },
    { "mean_insulin", G_STRUCT_OFFSET (GtwDayRecord, mean_insulin) },
  };
  guint n_columns;
  const GtwColumn *columns = gtw_day_columns (&n_columns);

  for (guint c = 0; c < n_columns; c++)
    if (!isfinite (gtw_column_get_double (&columns[c], r)))
      {
        g_string_append_printf (faults, "day %d: %s is %g\n", r->day, columns[c].name,
                                gtw_column_get_double (&columns[c], r));
        return;
      }
  for (guint e = 0; e < G_N_ELEMENTS (extras); e++)
    {
      double value = G_STRUCT_MEMBER (double, r, extras[e].offset);

      if (!isfinite (value))
        {
          g_string_append_printf (faults, "day %d: %s is %g\n", r->day, extras[e].name, value);
          return;
        }
    }
  if (r->fasting_insulin < 0 || r->mean_insulin < 0 || r->fasting_cpeptide < 0)
    g_string_append_printf (faults, "day %d: insulin %.2f pmol/L (mean %.2f), C-peptide "
                            "%.4f nmol/L\n", r->day, r->fasting_insulin, r->mean_insulin,
                            r->fasting_cpeptide);
  else if (r->min_glucose < 1.5 || r->max_glucose > 40 || r->fasting_glucose < 1.5
           || r->fasting_glucose > 40)
    g_string_append_printf (misses, "day %d: glucose %.2f to %.2f mmol/L (fasting %.2f)\n",
                            r->day, r->min_glucose, r->max_glucose, r->fasting_glucose);
  else if (r->hba1c < 3 || r->hba1c > 20)
    g_string_append_printf (misses, "day %d: HbA1c %.2f %%\n", r->day, r->hba1c);
}

/* The daily records hold fasting and mean values: three days of each case are replayed minute
 * by minute (the first, one drawn from the seed and the last), and every minute's insulin,
 * C-peptide and secretion must be finite and not negative, its glucose finite. */
static void
check_minutes (GtwTrace *trace, guint seed, GString *faults)
{
  guint n = gtw_trace_get_n_days (trace);
  guint days[] = { 0, seed % n, n - 1 };

  for (guint k = 0; k < G_N_ELEMENTS (days); k++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GtwDayDetail) detail = gtw_trace_simulate_day (trace, days[k], &error);

      if (detail == NULL)
        {
          g_string_append_printf (faults, "day %u at minute detail: %s\n", days[k], error->message);
          return;
        }
      for (guint m = 0; m < detail->minutes->len; m++)
        {
          const GtwMinuteRecord *r = &g_array_index (detail->minutes, GtwMinuteRecord, m);

          if (!isfinite (r->glucose) || !isfinite (r->insulin) || !isfinite (r->cpeptide)
              || !isfinite (r->isr) || r->insulin < 0 || r->cpeptide < 0 || r->isr < 0)
            {
              g_string_append_printf (faults, "day %u, minute %d: glucose %g, insulin %g, "
                                      "C-peptide %g, secretion %g\n", days[k], r->minute,
                                      r->glucose, r->insulin, r->cpeptide, r->isr);
              return;
            }
        }
    }
}

/* A case's report: the days that failed (the first few), then the scenario file. */
static void
report_case (guint seed, const char *what, const GString *days, const GtwScenario *scenario)
{
  g_autofree char *json = gtw_scenario_to_data (scenario, NULL);
  g_auto (GStrv) lines = g_strsplit (days->str, "\n", 0);
  guint n_lines = g_strv_length (lines) - 1;

  g_printerr ("# case %u %s on %u day(s):\n", seed, what, n_lines);
  for (guint i = 0; i < MIN (n_lines, 5); i++)
    g_printerr ("#   %s\n", lines[i]);
  g_printerr ("# its scenario (seed %u):\n%s\n", seed, json);
}

static void
run_case (gpointer data, gpointer user_data)
{
  guint seed = GPOINTER_TO_UINT (data);
  Run *run = user_data;
  g_autoptr (GtwScenario) scenario = random_scenario (seed, run->n_days);
  g_autoptr (GString) faults = g_string_new (NULL);
  g_autoptr (GString) misses = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  GtwTrace *trace = gtw_simulate (scenario, NULL, NULL, &error);
  gboolean solver_error = FALSE;

  if (trace == NULL)
    {
      if (g_error_matches (error, GTW_SIM_ERROR, GTW_SIM_ERROR_SOLVER))
        solver_error = TRUE;
      else
        g_string_append_printf (faults, "failed with an error that is not the solver's: "
                                "%s %d: %s\n", g_quark_to_string (error->domain), error->code,
                                error->message);
    }
  else
    {
      if (gtw_trace_get_n_days (trace) != run->n_days)
        g_string_append_printf (faults, "%u days simulated of %u\n",
                                gtw_trace_get_n_days (trace), run->n_days);
      for (guint d = 0; d < gtw_trace_get_n_days (trace); d++)
        check_day (gtw_trace_get_day (trace, d), faults, misses);
      if (faults->len == 0)
        check_minutes (trace, seed, faults);
      gtw_trace_unref (trace);
    }

  g_mutex_lock (&run->lock);
  run->n_done++;
  if (solver_error)
    {
      g_autofree char *json = gtw_scenario_to_data (scenario, NULL);

      run->n_solver_errors++;
      g_printerr ("# case %u: solver error (reported as a GError): %s\n%s\n", seed,
                  error->message, json);
    }
  if (faults->len > 0)
    {
      run->n_failed++;
      report_case (seed, "FAILED", faults, scenario);
    }
  else if (misses->len > 0)
    {
      run->n_out_of_range++;
      report_case (seed, "left the physiological bounds", misses, scenario);
    }
  g_mutex_unlock (&run->lock);
}

static void
test_random_patients (void)
{
  const char *only = g_getenv ("GTW_PROPERTY_SEEDS");
  g_auto (GStrv) seeds = only != NULL ? g_strsplit (only, ",", 0) : NULL;
  guint n_cases = seeds != NULL ? g_strv_length (seeds) : g_test_slow () ? 1000 : 50;
  guint n_years = g_test_slow () ? 5 : 2;
  Run run = { .n_days = n_years * DAYS_PER_YEAR };
  g_autoptr (GError) error = NULL;
  GThreadPool *pool;
  gint64 start = g_get_monotonic_time ();

  g_mutex_init (&run.lock);
  pool = g_thread_pool_new (run_case, &run, (int) g_get_num_processors (), TRUE, &error);
  g_assert_no_error (error);
  /* seeds from 1: the case numbers in a report are the seeds */
  for (guint i = 0; i < n_cases; i++)
    {
      guint64 seed = i + 1;

      if (seeds != NULL && !g_ascii_string_to_unsigned (seeds[i], 10, 1, G_MAXUINT, &seed, &error))
        g_error ("GTW_PROPERTY_SEEDS: %s", error->message);
      g_thread_pool_push (pool, GUINT_TO_POINTER ((guint) seed), &error);
      g_assert_no_error (error);
    }
  g_thread_pool_free (pool, FALSE, TRUE);
  g_mutex_clear (&run.lock);

  g_test_message ("%u random patients x %u years on %u threads: %u failed, %u outside the "
                  "bounds, %u solver errors, %.1f s", n_cases, n_years, g_get_num_processors (),
                  run.n_failed, run.n_out_of_range, run.n_solver_errors,
                  (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpuint (run.n_done, ==, n_cases);
  g_assert_cmpuint (run.n_failed, ==, 0);
  /* V17: glucose within 1.5-40 mmol/L; met since 1 December 2026, so a miss fails */
  g_assert_cmpuint (run.n_out_of_range, ==, 0);
}

/* The same seed draws the same case, so a reported seed reproduces its failure. */
static void
test_cases_are_deterministic (void)
{
  for (guint seed = 1; seed <= 20; seed++)
    {
      g_autoptr (GtwScenario) a = random_scenario (seed, 2 * DAYS_PER_YEAR);
      g_autoptr (GtwScenario) b = random_scenario (seed, 2 * DAYS_PER_YEAR);
      g_autofree char *a_data = gtw_scenario_to_data (a, NULL);
      g_autofree char *b_data = gtw_scenario_to_data (b, NULL);

      g_assert_cmpstr (a_data, ==, b_data);
      g_assert_cmpuint (a->interventions->len, >=, 1);
      g_assert_cmpuint (a->interventions->len, <=, 6);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/property/deterministic-cases", test_cases_are_deterministic);
  g_test_add_func ("/property/random-patients", test_random_patients);
  return g_test_run ();
}
