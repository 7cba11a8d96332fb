/* gtw-mech-cofactors.c: magnesium and chromium
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The receptor tyrosine kinase needs Mg-ATP (Barbagallo 2003); chromium (chromodulin) amplifies
 * receptor kinase activity (Anderson 1997). Supplements raise status only up to repletion, so
 * they do nothing in a replete patient (Simental-Mendia 2016).
 */
#include "gtw-model-private.h"

double
gtw_magnesium_target (const GtwPatientConstants *pc,
                      const GtwDrivers          *d)
{
  double base = pc->patient.v[GTW_P_MAGNESIUM];
  return base + (1.0 - base) * MIN (d->fx.magnesium_supply, 1.0);
}

double
gtw_chromium_target (const GtwPatientConstants *pc,
                     const GtwDrivers          *d)
{
  double base = pc->patient.v[GTW_P_CHROMIUM];
  return base + (1.0 - base) * MIN (d->fx.chromium_supply, 1.0);
}

/* Severe magnesium deficiency (status 0.2) costs about 20 % of Si, chromium 12 %. */
double
gtw_cofactor_f_factor (const GtwSlow *s)
{
  return (0.75 + 0.25 * s->magnesium) * (0.85 + 0.15 * s->chromium);
}
