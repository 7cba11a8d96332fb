/* gtw-mech-imcl.c: intramyocellular lipid (DAG, ceramide) and IRS-1
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Muscle lipid intermediates activate PKC-theta (DAG) and PP2A (ceramide), which serine-
 * phosphorylate IRS-1 and block Akt (Samuel & Shulman 2012). They grow with energy surplus,
 * fatty-acid flux from visceral fat and saturated fat, and are burnt by training through AMPK
 * (Goodpaster 2001; gtw-mech-ampk.c).
 */
#include "gtw-model-private.h"

double
gtw_imcl_target (const GtwPatientConstants *pc,
                 const GtwSlow             *s,
                 const GtwDrivers          *d)
{
  double target = 1.0
                  + 0.5 * MAX (d->energy_balance, 0.0) / 500.0
                  + 0.25 * (s->visceral - 1.2)
                  + 0.03 * (pc->patient.v[GTW_P_SATURATED_FAT] - 11.0)
                  - 0.25 * (gtw_ampk_training (d) - 0.4);
  return CLAMP (target, 0.5, 4.0);
}

double
gtw_imcl_f_factor (const GtwSlow *s)
{
  if (s->imcl >= 1.0)
    return 1.0 / (1.0 + 0.8 * (s->imcl - 1.0));
  return 1.0 + 0.2 * (1.0 - s->imcl);
}
