/* gtw-mech-adiposity.c: energy balance, body weight and visceral fat
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Weight follows intake minus expenditure at 7700 kcal/kg (Hall 2011); expenditure grows with
 * weight (Mifflin-St Jeor 1990), so a fixed surplus settles at a higher weight over years.
 * Visceral fat takes a sex-dependent share of the change (Kuk 2006; men store more viscerally)
 * and aerobic training removes it preferentially (Ismail 2012). Appetite pushes back against
 * weight lost below the starting weight (Polidori 2016: intake rises by about 100 kcal/day per
 * kg lost), so that a deficit does not starve a patient down to an impossible weight.
 */
#include "gtw-model-private.h"

double
gtw_adiposity_expenditure (const GtwPatientConstants *pc,
                           const GtwSlow             *s,
                           const GtwDrivers          *d)
{
  const GtwPatient *pt = &pc->patient;
  double bmr = 10.0 * s->weight + 6.25 * pt->v[GTW_P_HEIGHT] - 5.0 * pt->v[GTW_P_AGE]
               + (gtw_patient_is_female (pt) ? -161.0 : 5.0);
  /* Physical activity level from daily steps: 1.3 at rest to 1.9 at 25,000 steps, including the
   * thermic effect of food (Tudor-Locke 2011 step-based PAL bands). */
  double pal = 1.3 + 2.4e-5 * pt->v[GTW_P_STEPS];
  /* Habitual structured exercise: about 4 kcal/kg/h above rest (Ainsworth 2011). */
  double habitual = pt->v[GTW_P_HABITUAL_EXERCISE] / 7.0 * (4.0 / 60.0) * s->weight;

  return bmr * pal + habitual + d->fx.exercise_kcal * s->weight;
}

/* Extra intake, kcal/day, from appetite's feedback on weight lost since day 0. */
double
gtw_adiposity_appetite (const GtwPatientConstants *pc,
                        const GtwSlow             *s)
{
  return GTW_K (APPETITE_FEEDBACK) * MAX (pc->patient.v[GTW_P_WEIGHT] - s->weight, 0.0);
}

void
gtw_adiposity_update (const GtwPatientConstants *pc,
                      GtwSlow                   *s,
                      const GtwDrivers          *d,
                      double                     dt)
{
  double dw = d->energy_balance / GTW_K (ENERGY_PER_KG) * dt;
  double share = gtw_patient_is_female (&pc->patient) ? 0.08 : 0.14;
  /* 150 min/week of aerobic training removes about 0.5 kg of visceral fat in 12 weeks even
   * without weight loss (Ismail 2012), scaled by how much visceral fat there is to lose. */
  double training_loss = 0.006 * MAX (d->fx.training_load, 0.0) * (s->visceral / 3.0) * dt;

  s->weight = MAX (30.0, s->weight + dw);
  s->visceral = CLAMP (s->visceral + share * dw - training_loss, 0.2, 12.0);
}
