/* gtw-iv-carb-reduction.c: less refined carbohydrate and fructose
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Acts through the meal input (smaller glucose loads) and through less de novo lipogenesis:
 * liver fat and TG fall within two weeks, TG:HDL normalises in 6-8 weeks (source texts);
 * HbA1c about -0.3 % in year one (Snorgaard 2017).
 */
#include <glib/gi18n-lib.h>
#include <math.h>

#include "gtw-intervention-private.h"

static const GtwFieldSpec fields[] = {
  [GTW_CARB_REDUCTION] = { "reduction_fraction", N_("Refined carbohydrate removed"), "", GTW_FIELD_NUMBER, 0, 0.9, 0.4, NULL },
  /* NAN: the same as reduction_fraction (interfaces.md) */
  [GTW_CARB_FRUCTOSE_REDUCTION] = { "fructose_reduction_fraction", N_("Fructose removed"), "", GTW_FIELD_NUMBER, 0, 1, NAN, NULL },
};

static void
carb_reduction_contribute (const GtwIntervention *iv,
                           double                 level,
                           GtwEffects            *effects)
{
  double r = iv->field[GTW_CARB_REDUCTION];
  double f = isnan (iv->field[GTW_CARB_FRUCTOSE_REDUCTION]) ? r : iv->field[GTW_CARB_FRUCTOSE_REDUCTION];

  effects->carb_reduction = 1.0 - (1.0 - effects->carb_reduction) * (1.0 - level * r);
  effects->fructose_reduction = 1.0 - (1.0 - effects->fructose_reduction) * (1.0 - level * f);
}

const GtwInterventionClass gtw_iv_carb_reduction = {
  .id = "carb_reduction",
  .label = N_("Carbohydrate reduction"),
  .icon_name = "gtw-carb-reduction-symbolic",
  .evidence = GTW_EVIDENCE_MODERATE,
  .acts_on = N_("Meals: smaller glucose loads; liver: less fat made from sugar"),
  .explanation = N_("Eating less sugar, white flour and sweet drinks makes each meal's glucose "
                    "rise smaller, so the pancreas has to make less insulin. The liver turns "
                    "less sugar into fat: liver fat and triglycerides fall within two weeks."),
  .source = "Snorgaard 2017; Stanhope 2009; Lim 2011",
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .tau_on_days = 2,
  .tau_off_days = 7,
  .contribute = carb_reduction_contribute,
};
