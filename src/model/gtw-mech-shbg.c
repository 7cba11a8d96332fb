/* gtw-mech-shbg.c: sex hormone-binding globulin
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Insulin suppresses the liver's synthesis of SHBG (Nestler 1991), so a falling SHBG marks
 * hyperinsulinaemia, in women most of all, and lower still with PCOS. An output only.
 */
#include "gtw-model-private.h"

double
gtw_shbg_target (const GtwPatientConstants *pc,
                 double                     fasting_i)
{
  gboolean female = gtw_patient_is_female (&pc->patient);
  double base = female ? 70.0 : 40.0;
  double pcos = female && pc->patient.v[GTW_P_PCOS] > 0.5 ? 0.7 : 1.0;
  return base * pcos / (1.0 + 0.04 * MAX (fasting_i - 5.0, 0.0));
}
