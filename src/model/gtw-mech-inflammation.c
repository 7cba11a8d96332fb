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

/* Lipotoxic and inflammatory beta-cell apoptosis, added to Ha's glucotoxic term. */
double
gtw_beta_apoptosis_extra (const GtwSlow *s)
{
  return GTW_K (A_LIPO) * MAX (s->visceral / 1.2 - 1.0, 0.0)
         + GTW_K (A_INFLAM) * MAX (s->inflammation - 1.0, 0.0)
         + GTW_K (A_STRESS) * s->beta_stress;
}

/* Workload stress: years of secretion per cell above the healthy level exhaust beta cells
 * (ER stress, oxidative stress, dedifferentiation; Prentki & Nolan 2006, Weir & Bonner-Weir
 * 2004). It builds up and fades with tau_beta_stress, so that compensation that holds glucose
 * normal for years still wears the beta cells down: the source texts' hidden decade. */
double
gtw_beta_stress_target (double mean_isr)
{
  /* saturates: stress cannot grow without bound however hard the cells work */
  /* a workload within 15 % of the healthy reference is physiological (ageing, day to day) */
  double excess = MAX (mean_isr / GTW_K (ISR_REF) - 1.15, 0.0);
  return excess / (1.0 + excess / 1.5);
}
