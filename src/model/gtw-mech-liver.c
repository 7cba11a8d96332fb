/* gtw-mech-liver.c: liver fat, hepatic insulin resistance and insulin extraction
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Liver fat is made from fructose and refined carbohydrate by de novo lipogenesis (Stanhope
 * 2009), fed by visceral fatty acids and by energy surplus, and falls fast in energy deficit
 * (Lim 2011: -30 % in a week; Taylor 2013). Steatosis makes the liver resistant to insulin
 * (Seppala-Lindroos 2002) and lowers its first-pass insulin extraction (Kotronen 2007), which
 * raises peripheral insulin and lowers the C-peptide:insulin ratio.
 */
#include "gtw-model-private.h"

double
gtw_liver_fat_target (const GtwSlow    *s,
                      const GtwDrivers *d,
                      double            mean_i)
{
  double target = 1.0
                  + 2.0 * MAX (s->visceral - 1.0, 0.0)
                  + 0.030 * d->fructose_g
                  + 0.008 * d->refined_g
                  + 0.05 * MAX (mean_i - 15.0, 0.0);

  if (d->energy_balance > 0)
    target += 3.0 * d->energy_balance / 500.0;
  else
    target *= exp (d->energy_balance / 600.0);
  return CLAMP (target, 0.5, 45.0);
}

/* hepaSi falls by a third at 10 % liver fat (Seppala-Lindroos 2002). */
double
gtw_liver_g_factor (const GtwSlow *s)
{
  return 1.0 / (1.0 + 0.06 * MAX (s->liver_fat - 2.5, 0.0));
}

double
gtw_liver_extraction (const GtwSlow *s)
{
  double excess = MAX (s->liver_fat - 2.5, 0.0);
  return GTW_K (HE_REF) * (1.0 - 0.3 * excess / (excess + 15.0));
}
