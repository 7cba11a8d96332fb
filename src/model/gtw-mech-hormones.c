/* gtw-mech-hormones.c: cortisol, sleep, age, PCOS, SHBG and incretins
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

/* Incretins: oral glucose releases GLP-1 and GIP, which amplify secretion only at raised
 * glucose; that is the rising part of Ha & Sherman's glucose-dependent factor. In type 2
 * diabetes the incretin effect falls from about 60 to 36 % (Knop 2007), and as much in diabetes
 * secondary to pancreatitis, so it follows hyperglycaemia rather than causing it; four weeks of
 * near-normal glucose restore the beta cells' response to both hormones (Højberg 2009). The
 * loss follows the mean glucose of the last weeks (HbA1c's filter) above the normal range,
 * saturating at INCRETIN_LOSS_MAX. */
double
gtw_incretin_factor (const GtwSlow *s)
{
  double x = MAX (s->gw - GTW_K (INCRETIN_LOSS_GLUCOSE), 0.0);
  double h = GTW_K (INCRETIN_LOSS_HALF);

  return 1.0 - GTW_K (INCRETIN_LOSS_MAX) * x * x / (x * x + h * h);
}
