/* gtw-iv-omega3.c: omega-3 fatty acids (EPA and DHA)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fish-oil fats build into cell membranes over months and lower triglycerides clearly,
 * insulin resistance only a little (Harris & von Schacky 2004; Skulas-Ray 2019).
 */
#include <glib/gi18n-lib.h>

#include "gtw-intervention-private.h"

static const GtwFieldSpec omega3_fields[] = {
  { "dose_g_per_day", N_("EPA + DHA"), N_("g/day"), GTW_FIELD_NUMBER, 0, 6, 2, NULL },
};

static void
omega3_contribute (const GtwIntervention *iv, double level, GtwEffects *effects)
{
  effects->omega3_g += level * iv->field[GTW_SUPPLEMENT_DOSE];
  /* 2-4 g/day EPA+DHA lowers TG by 20-30 % (Skulas-Ray 2019). */
  effects->tg_lowering += level * 0.08 * MIN (iv->field[GTW_SUPPLEMENT_DOSE], 4.0);
}

const GtwInterventionClass gtw_iv_omega3 = {
  .id = "omega3",
  .label = N_("Omega-3"),
  .icon_name = "gtw-omega3-symbolic",
  .evidence = GTW_EVIDENCE_WEAK,
  .acts_on = N_("Cell membranes: more fluid, slightly better insulin action; triglycerides"),
  .explanation = N_("Fish-oil fats (EPA and DHA) build into cell membranes over months and make "
                    "them more fluid. They lower triglycerides clearly, but insulin resistance "
                    "only a little."),
  .source = "Harris & von Schacky 2004; Skulas-Ray 2019",
  .fields = omega3_fields,
  .n_fields = G_N_ELEMENTS (omega3_fields),
  .tau_on_days = 3,
  .tau_off_days = 3,
  .contribute = omega3_contribute,
};
