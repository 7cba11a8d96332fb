/* gtw-iv-magnesium.c: magnesium supplements
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The insulin receptor's kinase needs magnesium; a supplement only matters where the patient
 * is short of it (Barbagallo 2003; Simental-Mendia 2016).
 */
#include <glib/gi18n-lib.h>

#include "gtw-intervention-private.h"

static const GtwFieldSpec magnesium_fields[] = {
  { "dose_mg_per_day", N_("Dose"), N_("mg/day"), GTW_FIELD_NUMBER, 0, 800, 400, NULL },
};

static void
magnesium_contribute (const GtwIntervention *iv, double level, GtwEffects *effects)
{
  /* 300-400 mg/day repletes (Simental-Mendia 2016). */
  effects->magnesium_supply = MAX (effects->magnesium_supply,
                                   level * MIN (1.0, iv->field[GTW_SUPPLEMENT_DOSE] / 300.0));
}

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
