/* gtw-mech-adiposity.c: energy balance, body weight and visceral fat
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Weight follows intake minus expenditure at 7700 kcal/kg (Hall 2011); expenditure grows with
 * weight (Mifflin-St Jeor 1990), so a fixed surplus settles at a higher weight over years.
 * Visceral fat takes a sex-dependent share of the change (Kuk 2006; men store more viscerally)
 * and aerobic training lowers it to a new level (Keating 2015, Slentz 2005). Appetite pushes back against
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

/* What a low-calorie diet leaves behind. Appetite's feedback alone (100 kcal/day per kg lost)
 * would bring a diet's 15 kg back within months of its end, and the usual food with it; in the
 * trials the weight came back over years and not all of it: 5.5 of 13.5 kg a year after a
 * very-low-energy diet (Sumithran 2011, whose patients' hunger and ghrelin were still raised
 * then), half of 9 kg within 9 months (Vink 2016), 71 % of the loss after 4-5 years (Anderson
 * 2001). The patients kept part of their new eating. Here the restraint that would hold the
 * weight (appetite plus the usual intake minus expenditure: hold_need) is recorded while a diet
 * lasts; when it ends, RESTRAINT_KEPT of it stays and the rest fades with RESTRAINT_FADE. The
 * weight then follows with its own lag. A later diet raises what is kept, never lowers it. */
static void
restraint_update (GtwSlow          *s,
                  const GtwDrivers *d,
                  double            dt)
{
  double held = d->fx.diet_level * d->hold_need;
  double kept = GTW_K (RESTRAINT_KEPT);

  s->restraint *= exp (-dt / GTW_K (RESTRAINT_FADE));
  if (held > 0)
    {
      s->restraint = MAX (s->restraint, (1.0 - kept) * held);
      s->restraint_kept = MAX (s->restraint_kept, kept * held);
    }
}

void
gtw_adiposity_update (const GtwPatientConstants *pc,
                      GtwSlow                   *s,
                      const GtwDrivers          *d,
                      double                     dt)
{
  const GtwPatient *pt = &pc->patient;
  double dw = d->energy_balance / GTW_K (ENERGY_PER_KG) * dt;
  double share = gtw_patient_is_female (pt) ? 0.08 : 0.14;
  double weight = MAX (30.0, s->weight + dw);
  /* Without training, visceral fat is the day-0 amount plus its share of the weight change. */
  double untrained = pt->v[GTW_P_VISCERAL_FAT] + share * (weight - pt->v[GTW_P_WEIGHT]);
  /* Aerobic training lowers visceral fat towards a new level, not without end, and stopping
   * lets it return over months (detraining). The randomised trial at the dose of validation row
   * V19 (Keating 2015: 3 x 45 min/week at 50 % of VO2peak, 8 weeks) found -213 cm3 against
   * +93 cm3 with placebo, about 0.3 kg between the groups; STRRIDE (Slentz 2005) about 15-20 %
   * against sedentary controls after 8 months of its largest dose, about 20 miles a week of
   * jogging (a training load of about 1.7 here, intensity counted). So: a level 10 % lower per
   * 150 min/week of moderate training (at most 20 %), approached with a 7-week time constant;
   * exact over a macro-step of any length: the progressor of V19 loses 0.36 kg of 4.7 in those
   * 8 weeks. It was 20 %, after Ismail 2012's pooled estimate: 0.62 kg, twice Keating's. */
  double load = CLAMP (d->fx.training_load, 0.0, 2.0);
  double target = MAX (untrained, 0.2) * (1.0 - 0.1 * load);
  double v = s->visceral + share * dw;

  s->weight = weight;
  s->visceral = CLAMP (target + (v - target) * exp (-dt / 48.0), 0.2, 12.0);
  restraint_update (s, d, dt);
}
