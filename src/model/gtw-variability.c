/* gtw-variability.c: between-person variability of the patient parameters
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each parameter with a coefficient of variation in the registry (gtw-params.def, where every cv
 * names its source) is drawn log-normally with the patient's value as the median: positive
 * quantities stay positive and their spread is multiplicative, as for most physiological
 * measures. Draws outside the registry's range are clamped to it, and a weight too low for the
 * height is raised to the lowest body mass index an adult lives at. Every patient has a random
 * stream of its own, seeded from the population seed and the patient's index, so a population
 * is the same whatever the order or the thread in which its patients are drawn.
 *
 * The beta-cell reserve is not drawn: a drawn patient is run with the reserve that holds his
 * beta-cell function where the draw put it (GtwSimOptions.reserve_at_rest), as a single
 * patient's day 0 is at rest. With the reserve drawn independently of function and mass, many
 * patients started off their rest and moved from day 0: 49.5 % of those drawn around
 * prediabetes-igt reached diabetes within 3 years, against 35 % at rest (docs/model.md).
 */
#include <math.h>

#include "gtw-population.h"

/* "gtwv": keeps these streams apart from other uses of the same seed */
#define STREAM_SALT 0x67747776u

static double
normal_deviate (GRand *rand)
{
  /* Box-Muller; 1 - u keeps the logarithm's argument in (0, 1] */
  double u1 = 1.0 - g_rand_double (rand);
  double u2 = g_rand_double (rand);

  return sqrt (-2.0 * log (u1)) * cos (2.0 * G_PI * u2);
}

void
gtw_population_sample_patient (const GtwPatient *base,
                               guint64           seed,
                               guint             index,
                               GtwPatient       *out)
{
  guint32 key[] = { (guint32) seed, (guint32) (seed >> 32), index, STREAM_SALT };
  g_autoptr (GRand) rand = g_rand_new_with_seed_array (key, G_N_ELEMENTS (key));

  g_return_if_fail (base != NULL && out != NULL);

  *out = *base;
  for (guint i = 0; i < GTW_N_PATIENT_PARAMS; i++)
    {
      const GtwParamInfo *info = &gtw_registry_table[i];
      double sigma, z;

      if (info->cv <= 0 || info->kind != GTW_PARAM_NUMBER)
        continue;
      /* one deviate per varied parameter, always, so that the streams stay aligned */
      z = normal_deviate (rand);
      sigma = sqrt (log1p (info->cv * info->cv));
      out->v[i] = CLAMP (base->v[i] * exp (sigma * z), info->min, info->max);
    }

  /* a thin patient's draw may fall below the lowest body mass index an adult lives at, which
   * gtw_patient_check () refuses: such a draw is held at that index */
  if (!gtw_patient_check (out, NULL))
    {
      double h = out->v[GTW_P_HEIGHT] / 100.0;

      out->v[GTW_P_WEIGHT] = GTW_K (BMI_MIN) * h * h;
    }
}
