/* gtw-iv-supplements.c: chromium, magnesium, alpha-lipoic acid and omega-3
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Four small modules that share one shape: a daily dose that feeds a cofactor or a signalling
 * step. Their effects are small, and the two cofactors only matter when the patient is
 * deficient (Simental-Mendia 2016; Yin & Phung 2015; Jibril 2022).
 */
#include <math.h>
#include <glib/gi18n-lib.h>

#include "gtw-intervention-private.h"

static const GtwFieldSpec chromium_fields[] = {
  { "dose_ug_per_day", N_("Dose"), N_("µg/day"), GTW_FIELD_NUMBER, 0, 1000, 400, NULL },
};
static const GtwFieldSpec magnesium_fields[] = {
  { "dose_mg_per_day", N_("Dose"), N_("mg/day"), GTW_FIELD_NUMBER, 0, 800, 400, NULL },
};
static const GtwFieldSpec ala_fields[] = {
  { "dose_mg_per_day", N_("Dose"), N_("mg/day"), GTW_FIELD_NUMBER, 0, 1800, 600, NULL },
};
static const GtwFieldSpec omega3_fields[] = {
  { "dose_g_per_day", N_("EPA + DHA"), N_("g/day"), GTW_FIELD_NUMBER, 0, 6, 2, NULL },
};

static void
chromium_contribute (const GtwIntervention *iv, double level, GtwEffects *effects)
{
  /* 200 µg/day repletes (Anderson 1997). */
  effects->chromium_supply = MAX (effects->chromium_supply,
                                  level * MIN (1.0, iv->field[GTW_SUPPLEMENT_DOSE] / 200.0));
}

static void
magnesium_contribute (const GtwIntervention *iv, double level, GtwEffects *effects)
{
  /* 300-400 mg/day repletes (Simental-Mendia 2016). */
  effects->magnesium_supply = MAX (effects->magnesium_supply,
                                   level * MIN (1.0, iv->field[GTW_SUPPLEMENT_DOSE] / 300.0));
}

static void
ala_contribute (const GtwIntervention *iv, double level, GtwEffects *effects)
{
  /* Jacob 1999 (oral ALA 4 weeks in type 2 diabetes, glucose clamp): insulin-stimulated glucose
   * disposal +27 % against placebo, the same at 600, 1200 and 1800 mg/day; Jibril 2022: fasting
   * glucose falls up to 600 mg/day and no further. So the effect saturates: 0.30 at full
   * saturation, 0.285 at 600 mg/day, 0.23 at 300. */
  effects->akt += level * 0.30 * (1.0 - exp (-iv->field[GTW_SUPPLEMENT_DOSE] / 200.0));
}

static void
omega3_contribute (const GtwIntervention *iv, double level, GtwEffects *effects)
{
  effects->omega3_g += level * iv->field[GTW_SUPPLEMENT_DOSE];
  /* 2-4 g/day EPA+DHA lowers TG by 20-30 % (Skulas-Ray 2019). */
  effects->tg_lowering += level * 0.08 * MIN (iv->field[GTW_SUPPLEMENT_DOSE], 4.0);
}

const GtwInterventionClass gtw_iv_chromium = {
  .id = "chromium",
  .label = N_("Chromium"),
  .icon_name = "gtw-chromium-symbolic",
  .evidence = GTW_EVIDENCE_WEAK,
  .acts_on = N_("Insulin receptor signalling, only when chromium is low"),
  .explanation = N_("Chromium helps the insulin receptor pass on its signal. It only helps people "
                    "who lack it, and even then the effect in trials is small and uncertain."),
  .source = "Yin & Phung 2015; Anderson 1997",
  .fields = chromium_fields,
  .n_fields = G_N_ELEMENTS (chromium_fields),
  .tau_on_days = 3,
  .tau_off_days = 3,
  .contribute = chromium_contribute,
};

const GtwInterventionClass gtw_iv_magnesium = {
  .id = "magnesium",
  .label = N_("Magnesium"),
  .icon_name = "gtw-magnesium-symbolic",
  .evidence = GTW_EVIDENCE_MODERATE,
  .acts_on = N_("Insulin receptor kinase, only when magnesium is low"),
  .explanation = N_("The insulin receptor needs magnesium to work. In people who are low in "
                    "magnesium, supplements lower insulin resistance after about four months; "
                    "in people with enough, they change nothing."),
  .source = "Simental-Mendia 2016; Barbagallo 2003",
  .fields = magnesium_fields,
  .n_fields = G_N_ELEMENTS (magnesium_fields),
  .tau_on_days = 3,
  .tau_off_days = 3,
  .contribute = magnesium_contribute,
};

const GtwInterventionClass gtw_iv_alpha_lipoic_acid = {
  .id = "alpha_lipoic_acid",
  .label = N_("Alpha-lipoic acid"),
  .icon_name = "gtw-ala-symbolic",
  .evidence = GTW_EVIDENCE_WEAK,
  .acts_on = N_("Akt (PI3K pathway) and oxidative stress"),
  .explanation = N_("Alpha-lipoic acid is an antioxidant that may help the insulin signal along "
                    "the PI3K-Akt pathway. Its effect on HbA1c in trials is minimal."),
  .source = "Jibril 2022",
  .fields = ala_fields,
  .n_fields = G_N_ELEMENTS (ala_fields),
  .tau_on_days = 7,
  .tau_off_days = 7,
  .contribute = ala_contribute,
};

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
