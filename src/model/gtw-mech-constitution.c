/* gtw-mech-constitution.c: age, sleep and PCOS
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the patient brings to insulin sensitivity besides the mechanisms of the table: Si falls
 * about 4 % per decade of age (Ferrannini 1996), short sleep lowers it (Spiegel 1999; Donga
 * 2010), and PCOS carries an intrinsic insulin resistance of its own (Dunaif 1997).
 */
#include "gtw-model-private.h"

double
gtw_constitution_f_factor (const GtwPatientConstants *pc,
                           const GtwDrivers          *d)
{
  double f_age = 1.0 - 0.004 * (d->age - 45.0);
  double f_sleep = 1.0 - 0.04 * MAX (7.0 - pc->patient.v[GTW_P_SLEEP], 0.0);
  double f_pcos = pc->patient.v[GTW_P_PCOS] > 0.5 ? 0.85 : 1.0;
  return CLAMP (f_age, 0.7, 1.2) * f_sleep * f_pcos;
}
