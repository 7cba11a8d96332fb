/* gtw-iv-alpha-lipoic-acid.c: alpha-lipoic acid
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An antioxidant that helps the insulin signal along the PI3K-Akt pathway; its effect
 * saturates with the dose (Jacob 1999; Jibril 2022).
 */
#include <math.h>
#include <glib/gi18n-lib.h>

#include "gtw-intervention-private.h"

static const GtwFieldSpec ala_fields[] = {
  { "dose_mg_per_day", N_("Dose"), N_("mg/day"), GTW_FIELD_NUMBER, 0, 1800, 600, NULL },
};

static void
ala_contribute (const GtwIntervention *iv, double level, GtwEffects *effects)
{
  /* Jacob 1999 (oral ALA 4 weeks in type 2 diabetes, glucose clamp): insulin-stimulated glucose
   * disposal +27 % against placebo, the same at 600, 1200 and 1800 mg/day; Jibril 2022: fasting
   * glucose falls up to 600 mg/day and no further. So the effect saturates: 0.30 at full
   * saturation, 0.285 at 600 mg/day, 0.23 at 300. */
  effects->akt += level * 0.30 * (1.0 - exp (-iv->field[GTW_SUPPLEMENT_DOSE] / 200.0));
}

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
