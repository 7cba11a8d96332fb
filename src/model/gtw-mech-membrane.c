/* gtw-mech-membrane.c: membrane fluidity and the omega-3 index
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * EPA and DHA build into cell membranes as red cells turn over (Harris & von Schacky 2004) and
 * make them more fluid, which raises receptor function a little (Borkman 1993).
 */
#include "gtw-model-private.h"

/* About +1.5 index points per g/day of EPA+DHA at steady state (Harris 2004). */
double
gtw_omega3_target (const GtwPatientConstants *pc,
                   const GtwDrivers          *d)
{
  return MIN (pc->patient.v[GTW_P_OMEGA3_INDEX] + 1.5 * d->fx.omega3_g, 14.0);
}

double
gtw_membrane_f_factor (const GtwSlow *s)
{
  return 1.0 + 0.01 * (s->omega3 - 6.0);
}
