/* gtw-mech-receptor.c: insulin receptor downregulation by chronic hyperinsulinaemia
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ha & Sherman 2020 (Fig. 9; their model file pathway_FIG9.m): receptor density FE relaxes with
 * tau 2880 min to FE_inf = 0.5 (1 - (I - 5)^4 / (a^4 + (I - 5)^4)) + 0.5 at the plasma insulin
 * I of the moment. The core integrates FE_inf (I(t)) over each day (Y_INT_FE) and the mechanism
 * layer relaxes FE towards that daily mean: with a time constant of two days this is their
 * equation, where the target of the day's mean insulin (as before) counted the meals' peaks as
 * if they were spread evenly over the day and made the receptors follow every fall of insulin
 * more steeply.
 */
#include "gtw-model-private.h"

double
gtw_receptor_target (double insulin)
{
  double x = MAX (insulin - 5.0, 0.0), a = GTW_K (RECEPTOR_A);

  /* called at every step of the core: whole powers, not pow () */
  x *= x, x *= x;
  a *= a, a *= a;
  return 0.5 * (1.0 - x / (a + x)) + 0.5;
}
