/* gtw-population.c: a virtual population run on a thread pool, and its yearly percentiles
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every patient is one task: sample (gtw-variability.c), simulate, keep the onset and the yearly
 * values. Results land in slots indexed by patient, so neither the thread count nor the order in
 * which the tasks finish changes anything.
 */
#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "gtw-model.h"
#include "gtw-population.h"
#include "gtw-tsan.h"

static const double percentile_levels[GTW_POPULATION_N_PERCENTILES] = { 5, 25, 50, 75, 95 };

struct _GtwPopulation
{
  guint   n_patients;
  guint64 seed;
  guint   n_days;
  guint   n_years;
  int    *onset;       /* per patient */
  double *values;      /* [marker][year][patient] */
  double *percentiles; /* [marker][year][percentile] */
};

typedef struct
{
  const GtwScenario          *scenario;
  const GtwPopulationOptions *options;
  GtwPopulation              *population;
  GCancellable               *cancellable; /* the caller's, or ours to stop the others */
  GMutex                      lock;
  GError                     *error;       /* the first failure */
} Run;

void
gtw_population_options_init (GtwPopulationOptions *options)
{
  memset (options, 0, sizeof *options);
  options->n_patients = 100;
  options->seed = 1;
  options->integrator = GTW_INTEGRATOR_FAST;
}

static double *
value_slot (GtwPopulation *pop, GtwPopulationMarker marker, guint year, guint patient)
{
  return &pop->values[((gsize) marker * pop->n_years + year) * pop->n_patients + patient];
}

static void
simulate_one (gpointer data, gpointer user_data)
{
  Run *run = user_data;
  guint index = GPOINTER_TO_UINT (data) - 1;
  GtwPopulation *pop = run->population;
  g_autoptr (GtwScenario) scenario = gtw_scenario_copy (run->scenario);
  g_autoptr (GtwTrace) trace = NULL;
  g_autoptr (GError) error = NULL;
  GtwSimOptions options;

  if (g_cancellable_is_cancelled (run->cancellable))
    return;

  gtw_population_sample_patient (&run->scenario->patient, run->options->seed, index,
                                 &scenario->patient);
  gtw_sim_options_init (&options);
  options.integrator = run->options->integrator;
  options.reserve_at_rest = TRUE;
  trace = gtw_simulate (scenario, &options, run->cancellable, &error);
  if (trace == NULL)
    {
      g_mutex_lock (&run->lock);
      if (run->error == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          run->error = g_error_copy (error);
          g_prefix_error (&run->error, _("Patient %u: "), index);
          g_cancellable_cancel (run->cancellable);
        }
      g_mutex_unlock (&run->lock);
      return;
    }

  pop->onset[index] = gtw_trace_diabetes_onset (trace);
  for (guint y = 0; y < pop->n_years; y++)
    {
      const GtwDayRecord *r = gtw_trace_get_day (trace, gtw_population_get_year_day (pop, y));
      *value_slot (pop, GTW_POPULATION_FASTING_GLUCOSE, y, index) = r->fasting_glucose;
      *value_slot (pop, GTW_POPULATION_HBA1C, y, index) = r->hba1c;
      *value_slot (pop, GTW_POPULATION_BETA_CELL_MASS, y, index) = r->beta_cell_mass_rel;
      *value_slot (pop, GTW_POPULATION_FASTING_INSULIN, y, index) = r->fasting_insulin;
      *value_slot (pop, GTW_POPULATION_FASTING_CPEPTIDE, y, index) = r->fasting_cpeptide;
    }
}

/* A pool task: what the run handed over is seen before, what the task wrote is handed back. */
static void
simulate_patient (gpointer data, gpointer user_data)
{
  gtw_tsan_acquire (user_data);
  simulate_one (data, user_data);
  gtw_tsan_release (user_data);
}

static void
forward_cancel (GCancellable *cancellable, gpointer own)
{
  g_cancellable_cancel (own);
}

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* Linear interpolation between order statistics (Hyndman & Fan 1996, type 7). */
static void
compute_percentiles (GtwPopulation *pop)
{
  g_autofree double *sorted = g_new (double, pop->n_patients);

  for (guint m = 0; m < GTW_POPULATION_N_MARKERS; m++)
    for (guint y = 0; y < pop->n_years; y++)
      {
        memcpy (sorted, value_slot (pop, m, y, 0), pop->n_patients * sizeof (double));
        qsort (sorted, pop->n_patients, sizeof (double), compare_double);
        for (guint k = 0; k < GTW_POPULATION_N_PERCENTILES; k++)
          {
            double pos = percentile_levels[k] / 100.0 * (pop->n_patients - 1);
            guint lo = (guint) floor (pos), hi = MIN (lo + 1, pop->n_patients - 1);
            double v = sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
            pop->percentiles[((gsize) m * pop->n_years + y) * GTW_POPULATION_N_PERCENTILES + k] = v;
          }
      }
}

/* Runs the patients from @first's count on (all of them without @first). */
static GtwPopulation *
run_population (const GtwPopulation        *first,
                const GtwScenario          *scenario,
                const GtwPopulationOptions *options,
                GCancellable               *cancellable,
                GError                    **error)
{
  g_autoptr (GtwPopulation) pop = g_new0 (GtwPopulation, 1);
  g_autoptr (GCancellable) own_cancellable = g_cancellable_new ();
  GtwPopulationOptions defaults;
  GThreadPool *pool;
  gulong handler = 0;
  Run run = { 0 };
  guint n_threads;

  g_return_val_if_fail (scenario != NULL, NULL);
  g_return_val_if_fail (scenario->duration_days > 0, NULL);

  if (options == NULL)
    {
      gtw_population_options_init (&defaults);
      options = &defaults;
    }
  g_return_val_if_fail (options->n_patients > 0, NULL);

  pop->n_patients = options->n_patients;
  pop->seed = options->seed;
  pop->n_days = (guint) scenario->duration_days;
  pop->n_years = (pop->n_days - 1 + 364) / 365 + 1;
  pop->onset = g_new (int, pop->n_patients);
  pop->values = g_new0 (double, (gsize) GTW_POPULATION_N_MARKERS * pop->n_years * pop->n_patients);
  pop->percentiles = g_new0 (double, (gsize) GTW_POPULATION_N_MARKERS * pop->n_years
                                       * GTW_POPULATION_N_PERCENTILES);
  if (first != NULL)
    {
      g_return_val_if_fail (first->seed == pop->seed && first->n_days == pop->n_days, NULL);
      g_return_val_if_fail (first->n_patients <= pop->n_patients, NULL);
      memcpy (pop->onset, first->onset, first->n_patients * sizeof (int));
      for (guint m = 0; m < GTW_POPULATION_N_MARKERS; m++)
        for (guint y = 0; y < pop->n_years; y++)
          memcpy (value_slot (pop, m, y, 0), &first->values[((gsize) m * first->n_years + y)
                                                            * first->n_patients],
                  first->n_patients * sizeof (double));
    }

  run.scenario = scenario;
  run.options = options;
  run.population = pop;
  run.cancellable = own_cancellable;
  g_mutex_init (&run.lock);
  /* The caller's cancellation stops every patient through our own cancellable. */
  if (cancellable != NULL)
    handler = g_cancellable_connect (cancellable, G_CALLBACK (forward_cancel),
                                     g_object_ref (own_cancellable), g_object_unref);

  n_threads = options->n_threads > 0 ? options->n_threads : g_get_num_processors ();
  gtw_tsan_release (&run);
  pool = g_thread_pool_new (simulate_patient, &run, (int) MIN (n_threads, pop->n_patients), TRUE, NULL);
  for (guint i = first != NULL ? first->n_patients : 0; i < pop->n_patients; i++)
    g_thread_pool_push (pool, GUINT_TO_POINTER (i + 1), NULL);
  g_thread_pool_free (pool, FALSE, TRUE);
  gtw_tsan_acquire (&run);

  if (cancellable != NULL)
    g_cancellable_disconnect (cancellable, handler);
  g_mutex_clear (&run.lock);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_clear_error (&run.error);
      return NULL;
    }
  if (run.error != NULL)
    {
      g_propagate_error (error, run.error);
      return NULL;
    }

  compute_percentiles (pop);
  return g_steal_pointer (&pop);
}

GtwPopulation *
gtw_population_run (const GtwScenario          *scenario,
                    const GtwPopulationOptions *options,
                    GCancellable               *cancellable,
                    GError                    **error)
{
  return run_population (NULL, scenario, options, cancellable, error);
}

GtwPopulation *
gtw_population_run_more (const GtwPopulation        *first,
                         const GtwScenario          *scenario,
                         const GtwPopulationOptions *options,
                         GCancellable               *cancellable,
                         GError                    **error)
{
  g_return_val_if_fail (first != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  return run_population (first, scenario, options, cancellable, error);
}

GtwPopulation *
gtw_population_copy (const GtwPopulation *population)
{
  GtwPopulation *copy;
  gsize n_values, n_percentiles;

  g_return_val_if_fail (population != NULL, NULL);

  n_values = (gsize) GTW_POPULATION_N_MARKERS * population->n_years * population->n_patients;
  n_percentiles = (gsize) GTW_POPULATION_N_MARKERS * population->n_years
                  * GTW_POPULATION_N_PERCENTILES;
  copy = g_memdup2 (population, sizeof *population);
  copy->onset = g_memdup2 (population->onset, population->n_patients * sizeof (int));
  copy->values = g_memdup2 (population->values, n_values * sizeof (double));
  copy->percentiles = g_memdup2 (population->percentiles, n_percentiles * sizeof (double));
  return copy;
}

void
gtw_population_free (GtwPopulation *population)
{
  if (population == NULL)
    return;
  g_free (population->onset);
  g_free (population->values);
  g_free (population->percentiles);
  g_free (population);
}

guint
gtw_population_get_n_patients (const GtwPopulation *population)
{
  g_return_val_if_fail (population != NULL, 0);
  return population->n_patients;
}

int
gtw_population_get_onset (const GtwPopulation *population,
                          guint                patient)
{
  g_return_val_if_fail (population != NULL && patient < population->n_patients, -1);
  return population->onset[patient];
}

double
gtw_population_get_incidence (const GtwPopulation *population)
{
  guint n = 0;

  g_return_val_if_fail (population != NULL, NAN);
  for (guint i = 0; i < population->n_patients; i++)
    n += population->onset[i] >= 0;
  return (double) n / population->n_patients;
}

guint
gtw_population_get_n_years (const GtwPopulation *population)
{
  g_return_val_if_fail (population != NULL, 0);
  return population->n_years;
}

guint
gtw_population_get_year_day (const GtwPopulation *population,
                             guint                year)
{
  g_return_val_if_fail (population != NULL && year < population->n_years, 0);
  return MIN (year * 365, population->n_days - 1);
}

const double *
gtw_population_percentile_levels (void)
{
  return percentile_levels;
}

double
gtw_population_get_percentile (const GtwPopulation *population,
                               GtwPopulationMarker  marker,
                               guint                year,
                               guint                percentile)
{
  g_return_val_if_fail (population != NULL, NAN);
  g_return_val_if_fail (marker < GTW_POPULATION_N_MARKERS, NAN);
  g_return_val_if_fail (year < population->n_years && percentile < GTW_POPULATION_N_PERCENTILES, NAN);
  return population->percentiles[((gsize) marker * population->n_years + year)
                                 * GTW_POPULATION_N_PERCENTILES + percentile];
}

const char *
gtw_population_marker_name (GtwPopulationMarker marker)
{
  static const char *names[GTW_POPULATION_N_MARKERS] = {
    [GTW_POPULATION_FASTING_GLUCOSE] = "fasting_glucose_mmol_l",
    [GTW_POPULATION_HBA1C] = "hba1c_percent",
    [GTW_POPULATION_BETA_CELL_MASS] = "beta_cell_mass_rel",
    [GTW_POPULATION_FASTING_INSULIN] = "fasting_insulin_pmol_l",
    [GTW_POPULATION_FASTING_CPEPTIDE] = "fasting_cpeptide_nmol_l",
  };

  g_return_val_if_fail (marker < GTW_POPULATION_N_MARKERS, NULL);
  return names[marker];
}
