/* gtw-mech-inflammation.c: low-grade inflammation (TNF-alpha, IL-6, NLRP3/IL-1beta)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Visceral fat secretes TNF-alpha and IL-6 (Hotamisligil 2006), LPS from a leaky gut signals
 * through TLR4 (Cani 2007), ceramide activates NLRP3 (Vandanmagsar 2011). The index is 1 in the
 * healthy reference. It blunts IRS-1 signalling in muscle and liver and adds IL-1beta-driven
 * beta-cell apoptosis (Donath 2009). Experimental endotoxaemia lowers Si by about 35 %
 * (Mehta 2010), which sets the strength of f_inflam.
 */
#include "gtw-model-private.h"

double
gtw_inflammation_target (const GtwSlow *s)
{
  double target = 0.35 + 0.40 * (s->visceral / 1.2) + 0.25 * gtw_lps (s)
                  + 0.15 * MAX (s->imcl - 1.0, 0.0);
  /* EPA and DHA resolve inflammation a little (Calder 2017). */
  target *= 1.0 - 0.03 * (s->omega3 - 6.0);
  return CLAMP (target, 0.3, 6.0);
}

double
gtw_inflammation_f_factor (const GtwSlow *s)
{
  return 1.0 / (1.0 + 0.35 * MAX (s->inflammation - 1.0, 0.0));
}

double
gtw_inflammation_g_factor (const GtwSlow *s)
{
  return 1.0 / (1.0 + 0.25 * MAX (s->inflammation - 1.0, 0.0));
}
