/* gtw-iv-metformin.c: metformin, the comparator drug of the prevention trials
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Mainly lowers hepatic glucose output, with a smaller AMPK effect (Hundal 2000; DPP 2002:
 * 31 % lower incidence of diabetes; HbA1c about -1 % in T2D, Hirst 2012). The hepatic part
 * grows with the glycaemia it meets (gtw_liver_gluconeogenic_excess ()): in the DPP metformin did most
 * where fasting glucose and HbA1c were highest (Aroda 2019).
 */
#include <glib/gi18n-lib.h>

#include "gtw-intervention-private.h"

static const GtwFieldSpec fields[] = {
  { "dose_mg_per_day", N_("Dose"), N_("mg/day"), GTW_FIELD_NUMBER, 0, 2550, 1700, NULL },
};

static void
metformin_contribute (const GtwIntervention *iv,
                      double                 level,
                      GtwEffects            *effects)
{
  /* Dose response flattens above 1500-2000 mg/day (Garber 1997). */
  double d = iv->field[GTW_SUPPLEMENT_DOSE] / 1700.0;
  double x = level * d / (0.3 + 0.7 * d + 1e-9) * (d > 0);

  /* a share of the common hepatic ceiling: 0.63 x 0.35 = 22 % of liver output in diabetes,
   * less where the glycaemia is lower (gtw_liver_gluconeogenic_excess ()) */
  effects->hgp_suppression_glycaemic = 1.0 - (1.0 - effects->hgp_suppression_glycaemic) * (1.0 - 0.63 * x);
  effects->ampk = 1.0 - (1.0 - effects->ampk) * (1.0 - 0.25 * x);
  effects->tg_lowering += 0.05 * x;
}

const GtwInterventionClass gtw_iv_metformin = {
  .id = "metformin",
  .label = N_("Metformin"),
  .icon_name = "gtw-metformin-symbolic",
  .evidence = GTW_EVIDENCE_STRONG,
  .acts_on = N_("Liver: less glucose output; some AMPK activation"),
  .explanation = N_("Metformin is the reference medicine of the diabetes prevention trials. It "
                    "mainly makes the liver release less glucose, especially overnight, and the "
                    "more so the higher glucose runs: at a normal HbA1c it changes little. It is "
                    "shown here as a comparator for the other interventions."),
  .source = "DPP Research Group 2002; Hundal 2000; Hirst 2012",
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .tau_on_days = 7,
  .tau_off_days = 4,
  .contribute = metformin_contribute,
};
