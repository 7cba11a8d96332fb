/* gtw-mech-glut4.c: GLUT4 expression
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Training raises muscle GLUT4 by 20-40 % within weeks and detraining loses it within two
 * (Dela 1994; Houmard 1993), through AMPK (gtw-mech-ampk.c); resistance training adds muscle
 * that takes up glucose.
 */
#include "gtw-model-private.h"

double
gtw_glut4_target (const GtwDrivers *d)
{
  double training = MIN (gtw_ampk_training (d), 3.0);

  return 1.0 + 0.35 * (training - 0.4) + 0.10 * MIN (d->resistance, 3.0);
}
