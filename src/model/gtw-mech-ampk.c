/* gtw-mech-ampk.c: the AMPK pathway shared by training and the drugs
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Contraction activates AMPK, which raises GLUT4 expression (Holmes 1999) and burns muscle
 * lipid by switching off acetyl-CoA carboxylase (Winder & Hardie 1996). Berberine and
 * metformin hold the same node active (Turner 2008), so with a drug on board training adds
 * less (Malin 2012: metformin blunted the insulin sensitivity gain of 12 weeks of training;
 * Viskochil 2017: it did not lower insulin further), and the two do not simply add up. The
 * acute effects (during a session and after it, and the drugs' own) act in the core.
 */
#include "gtw-model-private.h"

/* Training load above the habitual reference (0.4) counts only on the part of AMPK that a drug
 * does not already hold active. */
double
gtw_ampk_training (const GtwDrivers *d)
{
  double free_ampk = 1.0 - GTW_K (AMPK_TRAINING_OVERLAP) * CLAMP (d->fx.ampk, 0.0, 1.0);

  if (d->training <= 0.4)
    return d->training;
  return 0.4 + (d->training - 0.4) * free_ampk;
}
