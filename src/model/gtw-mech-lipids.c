/* gtw-mech-lipids.c: triglycerides and HDL
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fasting TG follows VLDL output: liver fat, fructose and refined carbohydrate (DNL), and
 * insulin (Parks 2008); training and fibrate-like effects lower it. HDL falls as TG rises
 * (CETP exchange) and with visceral fat, and rises with activity (Kodama 2007).
 * TG:HDL (mmol/L) above about 1.3 (3.0 in mg/dL) marks insulin resistance (McLaughlin 2003).
 */
#include "gtw-model-private.h"

double
gtw_tg_target (const GtwSlow    *s,
               const GtwDrivers *d,
               double            mean_i)
{
  double tg = 0.55 + 0.06 * s->liver_fat + 0.005 * d->fructose_g + 0.0025 * d->refined_g
              + 0.008 * MAX (mean_i - 10.0, 0.0) - 0.10 * (d->training - 0.4);
  tg *= 1.0 - MIN (d->fx.tg_lowering, 0.6);
  return CLAMP (tg, 0.3, 12.0);
}

double
gtw_hdl_target (const GtwPatientConstants *pc,
                const GtwSlow             *s,
                const GtwDrivers          *d)
{
  double base = gtw_patient_is_female (&pc->patient) ? 1.5 : 1.25;
  double hdl = base - 0.15 * (s->tg - 1.0) - 0.02 * (s->visceral - 1.2) + 0.05 * (d->training - 0.4);
  return CLAMP (hdl, 0.4, 3.0);
}
