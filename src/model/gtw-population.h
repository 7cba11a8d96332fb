/* gtw-population.h: virtual populations around one patient, run in parallel
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gtw-simulation.h"

G_BEGIN_DECLS

typedef enum
{
  GTW_POPULATION_FASTING_GLUCOSE, /* mmol/L */
  GTW_POPULATION_HBA1C,           /* % */
  GTW_POPULATION_BETA_CELL_MASS,  /* × reference */
  GTW_POPULATION_FASTING_INSULIN, /* pmol/L */
  GTW_POPULATION_FASTING_CPEPTIDE, /* nmol/L */
  GTW_POPULATION_N_MARKERS
} GtwPopulationMarker;

/* The percentiles reported for every year: 5, 25, 50, 75, 95. */
#define GTW_POPULATION_N_PERCENTILES 5

typedef struct
{
  guint         n_patients;
  guint64       seed;
  guint         n_threads;  /* 0: one per processor */
  GtwIntegrator integrator; /* fast by default */
} GtwPopulationOptions;

typedef struct _GtwPopulation GtwPopulation;

void           gtw_population_options_init (GtwPopulationOptions *options);

/* Patient `index` of the population with `seed`: the base patient with every parameter that has
 * a coefficient of variation in the registry drawn log-normally around its value (the median)
 * and kept inside the registry's range. Depends only on (base, seed, index). The population
 * runs each draw with GtwSimOptions.reserve_at_rest: his beta-cell reserve is the one that holds
 * the function drawn, as if he had lived with what was drawn for years. */
void           gtw_population_sample_patient (const GtwPatient *base,
                                              guint64           seed,
                                              guint             index,
                                              GtwPatient       *out);

/* Runs options->n_patients variations of the scenario for its whole duration on a thread pool.
 * The result depends on the seed, never on the number of threads. */
GtwPopulation *gtw_population_run          (const GtwScenario          *scenario,
                                            const GtwPopulationOptions *options,
                                            GCancellable               *cancellable,
                                            GError                    **error);
/* The same, but the first gtw_population_get_n_patients (@first) patients are taken from
 * @first, an earlier run of the same scenario with the same seed, which has no more patients
 * than options->n_patients: a population that grows in stages computes no patient twice. The
 * result is the same as gtw_population_run ()'s. */
GtwPopulation *gtw_population_run_more     (const GtwPopulation        *first,
                                            const GtwScenario          *scenario,
                                            const GtwPopulationOptions *options,
                                            GCancellable               *cancellable,
                                            GError                    **error);
GtwPopulation *gtw_population_copy         (const GtwPopulation *population);
void           gtw_population_free         (GtwPopulation *population);

guint          gtw_population_get_n_patients (const GtwPopulation *population);
/* First day with fasting glucose >= 7.0 mmol/L, or -1. */
int            gtw_population_get_onset      (const GtwPopulation *population,
                                              guint                patient);
/* Fraction of the patients with an onset. */
double         gtw_population_get_incidence  (const GtwPopulation *population);

/* Year y is the day min (365 y, last day): years 0 .. n_years - 1 cover the whole run. */
guint          gtw_population_get_n_years    (const GtwPopulation *population);
guint          gtw_population_get_year_day   (const GtwPopulation *population,
                                              guint                year);
const double  *gtw_population_percentile_levels (void); /* GTW_POPULATION_N_PERCENTILES */
double         gtw_population_get_percentile (const GtwPopulation *population,
                                              GtwPopulationMarker  marker,
                                              guint                year,
                                              guint                percentile);
/* The name of the marker's daily column: "fasting_glucose_mmol_l", "hba1c_percent",
 * "beta_cell_mass_rel", "fasting_insulin_pmol_l", "fasting_cpeptide_nmol_l". */
const char    *gtw_population_marker_name    (GtwPopulationMarker  marker);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GtwPopulation, gtw_population_free)

G_END_DECLS
