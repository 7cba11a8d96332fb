/* gtw-mech-hormones.c: cortisol, sleep, age, PCOS and SHBG
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Cortisol raises liver glucose output in the morning and lowers hepatic insulin action (Rizza
 * 1982); short sleep lowers insulin sensitivity (Spiegel 1999, Donga 2010); Si falls about 4 %
 * per decade of age (Ferrannini 1996); PCOS carries intrinsic insulin resistance (Dunaif 1997);
 * insulin suppresses hepatic SHBG synthesis (Nestler 1991).
 */
#include "gtw-model-private.h"

double
gtw_cortisol_morning_extra (const GtwPatientConstants *pc)
{
  return 0.15 * (pc->patient.v[GTW_P_CORTISOL] - 1.0);
}

double
gtw_cortisol_g_factor (const GtwPatientConstants *pc)
{
  return 1.0 / (1.0 + 0.15 * MAX (pc->patient.v[GTW_P_CORTISOL] - 1.0, 0.0));
}

double
gtw_hormone_f_factor (const GtwPatientConstants *pc,
                      const GtwDrivers          *d)
{
  double f_age = 1.0 - 0.004 * (d->age - 45.0);
  double f_sleep = 1.0 - 0.04 * MAX (7.0 - pc->patient.v[GTW_P_SLEEP], 0.0);
  double f_pcos = pc->patient.v[GTW_P_PCOS] > 0.5 ? 0.85 : 1.0;
  return CLAMP (f_age, 0.7, 1.2) * f_sleep * f_pcos;
}

double
gtw_shbg_target (const GtwPatientConstants *pc,
                 double                     fasting_i)
{
  gboolean female = gtw_patient_is_female (&pc->patient);
  double base = female ? 70.0 : 40.0;
  double pcos = female && pc->patient.v[GTW_P_PCOS] > 0.5 ? 0.7 : 1.0;
  return base * pcos / (1.0 + 0.04 * MAX (fasting_i - 5.0, 0.0));
}
