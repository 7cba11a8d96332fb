/* gtw-mech-muscle.c: intramyocellular lipid (DAG, ceramide) and GLUT4
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Muscle lipid intermediates activate PKC-theta (DAG) and PP2A (ceramide), which serine-
 * phosphorylate IRS-1 and block Akt (Samuel & Shulman 2012). They grow with energy surplus,
 * fatty-acid flux from visceral fat and saturated fat, and are burnt by training (Goodpaster
 * 2001). Training raises GLUT4 by 20-40 % within weeks and detraining loses it within two
 * (Dela 1994; Houmard 1993). Both adaptations run through AMPK: contraction raises GLUT4
 * expression (Holmes 1999) and burns muscle lipid by switching off acetyl-CoA carboxylase
 * (Winder & Hardie 1996). Berberine and metformin hold the same node active, so with a drug on
 * board training adds less (Malin 2012: metformin blunted the insulin sensitivity gain of 12
 * weeks of training; Viskochil 2017: it did not lower insulin further), and the two do not
 * simply add up.
 */
#include "gtw-model-private.h"

/* Training load above the habitual reference (0.4) counts only on the part of AMPK that a drug
 * does not already hold active. */
static double
ampk_training (const GtwDrivers *d)
{
  double free_ampk = 1.0 - GTW_K (AMPK_TRAINING_OVERLAP) * CLAMP (d->fx.ampk, 0.0, 1.0);

  if (d->training <= 0.4)
    return d->training;
  return 0.4 + (d->training - 0.4) * free_ampk;
}

double
gtw_imcl_target (const GtwPatientConstants *pc,
                 const GtwSlow             *s,
                 const GtwDrivers          *d)
{
  double target = 1.0
                  + 0.5 * MAX (d->energy_balance, 0.0) / 500.0
                  + 0.25 * (s->visceral - 1.2)
                  + 0.03 * (pc->patient.v[GTW_P_SATURATED_FAT] - 11.0)
                  - 0.25 * (ampk_training (d) - 0.4);
  return CLAMP (target, 0.5, 4.0);
}

double
gtw_imcl_f_factor (const GtwSlow *s)
{
  if (s->imcl >= 1.0)
    return 1.0 / (1.0 + 0.8 * (s->imcl - 1.0));
  return 1.0 + 0.2 * (1.0 - s->imcl);
}

double
gtw_glut4_target (const GtwDrivers *d)
{
  double training = MIN (ampk_training (d), 3.0);

  return 1.0 + 0.35 * (training - 0.4) + 0.10 * MIN (d->resistance, 3.0);
}
