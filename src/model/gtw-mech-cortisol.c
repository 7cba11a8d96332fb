/* gtw-mech-cortisol.c: the HPA axis and the cortisol awakening response
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Cortisol raises the liver's glucose output in the morning and lowers its insulin action
 * (Rizza 1982). The patient's cortisol awakening response (1 in the reference) sets both.
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
