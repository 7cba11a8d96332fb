/* gtw-iv-low-calorie-diet.c: a low-calorie diet (total diet replacement)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Formula meals of a fixed daily energy replace the usual food (Counterpoint, Lim 2011: 600
 * kcal/day for 8 weeks; DiRECT, Lean 2018: 825-853 kcal/day for 3-5 months). It acts through
 * the meal input (smaller carbohydrate loads at the usual meal times) and through the energy
 * balance, whose deficit empties the liver of fat within days (gtw-mech-liver.c) and then
 * lowers weight and visceral fat. In Lim 2011 fasting glucose fell from 9.2 to 5.7 mmol/L in
 * 7 days as hepatic insulin sensitivity recovered, and the beta cells' first-phase response
 * returned over 8 weeks (Taylor 2013). The programme moves to weight maintenance at a healthy
 * weight (DiRECT's food reintroduction): the deficit tapers off between BMI 23 and 21, so an
 * open-ended block never starves the patient.
 */
#include <glib/gi18n-lib.h>

#include "gtw-intervention-private.h"

static const GtwFieldSpec fields[] = {
  [GTW_DIET_KCAL] = { "kcal_per_day", N_("Energy"), N_("kcal/day"), GTW_FIELD_NUMBER, 400, 1500, 800, NULL },
};

static void
low_calorie_diet_contribute (const GtwIntervention *iv,
                             double                 level,
                             GtwEffects            *effects)
{
  /* Two overlapping blocks: the one further ramped in sets the day's diet. */
  if (level <= effects->diet_level)
    return;
  effects->diet_level = level;
  effects->diet_kcal = iv->field[GTW_DIET_KCAL];
}

const GtwInterventionClass gtw_iv_low_calorie_diet = {
  .id = "low_calorie_diet",
  .label = N_("Low-calorie diet"),
  .icon_name = "gtw-low-calorie-diet-symbolic",
  .evidence = GTW_EVIDENCE_STRONG,
  .acts_on = N_("Energy balance: liver fat falls within days, then weight; meals: small loads"),
  .explanation = N_("Formula meals of about 800 kcal a day replace the usual food for a few "
                    "months. The energy deficit empties the liver of fat within days, so the "
                    "liver answers insulin again and fasting glucose falls within a week or two; "
                    "over the following weeks the beta cells recover part of their response. "
                    "In trials of people with type 2 diabetes of a few years, about half were "
                    "in remission a year later, most often those who lost 15 kg or more. The "
                    "model shows the fall of weight, liver fat and fasting glucose, and the beta "
                    "cells' recovery where enough of them remain. After the diet, part of the "
                    "weight comes back: about half within a year, most of it within a few "
                    "years."),
  .source = "Lim 2011; Taylor 2013; Lean 2018 (DiRECT)",
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .tau_on_days = 1,
  .tau_off_days = 3,
  .contribute = low_calorie_diet_contribute,
};
