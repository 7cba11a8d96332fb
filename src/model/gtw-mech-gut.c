/* gtw-mech-gut.c: gut barrier, Akkermansia and LPS
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Zonulin loosens tight junctions (Fasano 2011); a thin mucus layer with little Akkermansia
 * lets more LPS through (Everard 2013). Fructose and refined carbohydrate loosen the barrier
 * (Spruss 2009). LPS is 1 in the healthy reference (barrier 0.9, Akkermansia 0.7).
 */
#include "gtw-model-private.h"

double
gtw_lps (const GtwSlow *s)
{
  double leak = (1.0 - s->barrier) / 0.1;
  return pow (MAX (leak, 0.0), 0.7) * (1.0 + 0.4 * (0.7 - s->akkermansia));
}

double
gtw_barrier_target (const GtwPatientConstants *pc,
                    const GtwDrivers          *d)
{
  double base = pc->patient.v[GTW_P_GUT_BARRIER];
  return base + (0.95 - base) * MIN (d->fx.barrier_repair, 1.0) * (base < 0.95);
}

double
gtw_akkermansia_target (const GtwPatientConstants *pc,
                        const GtwDrivers          *d)
{
  double base = pc->patient.v[GTW_P_AKKERMANSIA];
  return base + (1.0 - base) * 0.8 * MIN (d->fx.akkermansia, 1.0);
}
