/* gtw-iv-berberine.c: berberine, an AMPK activator
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Acts on AMPK (insulin-independent uptake), hepatic gluconeogenesis (PEPCK/G6Pase), Akt and
 * triglycerides. Calibrated to Yin 2008 (newly diagnosed T2D: HbA1c 9.5 -> 7.5 %, FBG 10.6 -> 6.9
 * mmol/L in 3 months) and the meta-analyses Guo 2021, Liang 2019, Zamani 2022 (HbA1c -0.5 to
 * -0.7 %, TG about -0.3 mmol/L).
 */
#include <glib/gi18n-lib.h>

#include "gtw-intervention-private.h"

static const GtwFieldSpec fields[] = {
  { "dose_mg_per_day", N_("Dose"), N_("mg/day"), GTW_FIELD_NUMBER, 0, 3000, 1500, NULL },
};

static void
berberine_contribute (const GtwIntervention *iv,
                      double                 level,
                      GtwEffects            *effects)
{
  /* Effects grow with dose up to the studied 1500 mg/day and flatten above it
   * (absorption is poor and saturable). */
  double d = iv->field[GTW_BERBERINE_DOSE] / 1500.0;
  double x = level * d / (0.3 + 0.7 * d + 1e-9) * (d > 0);

  effects->ampk = 1.0 - (1.0 - effects->ampk) * (1.0 - 0.55 * x);
  /* a share of the common hepatic ceiling: 0.29 x 0.35 = 10 % of liver output */
  effects->hgp_suppression = 1.0 - (1.0 - effects->hgp_suppression) * (1.0 - 0.29 * x);
  effects->akt += 0.10 * x;
  effects->tg_lowering += 0.15 * x;
}

const GtwInterventionClass gtw_iv_berberine = {
  .id = "berberine",
  .label = N_("Berberine"),
  .icon_name = "gtw-berberine-symbolic",
  .evidence = GTW_EVIDENCE_MODERATE,
  .acts_on = N_("AMPK: more glucose uptake without insulin, less glucose made by the liver"),
  .explanation = N_("Berberine, a plant alkaloid taken with meals, switches on AMPK, the cell's "
                    "energy sensor that exercise also uses. Muscle takes up more glucose, the "
                    "liver makes less, and triglycerides fall. Trials last about three months."),
  .source = "Yin 2008; Guo 2021; Liang 2019; Zamani 2022",
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .tau_on_days = 10,
  .tau_off_days = 7,
  .contribute = berberine_contribute,
};
