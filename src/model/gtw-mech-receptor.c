/* gtw-mech-receptor.c: insulin receptor downregulation by chronic hyperinsulinaemia
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ha & Sherman 2020 (Fig. 9): receptor density FE relaxes with tau about 2 days to
 * FE_inf = 0.5 (1 - (I - 5)^4 / (a^4 + (I - 5)^4)) + 0.5, with I the time-averaged insulin.
 */
#include "gtw-model-private.h"

double
gtw_receptor_target (double mean_i)
{
  double x = pow (MAX (mean_i - 5.0, 0.0), 4);
  double a4 = pow (GTW_K (RECEPTOR_A), 4);
  return 0.5 * (1.0 - x / (a4 + x)) + 0.5;
}
