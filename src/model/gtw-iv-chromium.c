/* gtw-iv-chromium.c: chromium supplements
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Chromium helps the insulin receptor pass on its signal; a supplement only matters where the
 * patient is short of it (Anderson 1997; Yin & Phung 2015).
 */
#include <glib/gi18n-lib.h>

#include "gtw-intervention-private.h"

static const GtwFieldSpec chromium_fields[] = {
  { "dose_ug_per_day", N_("Dose"), N_("µg/day"), GTW_FIELD_NUMBER, 0, 1000, 400, NULL },
};

static void
chromium_contribute (const GtwIntervention *iv, double level, GtwEffects *effects)
{
  /* 200 µg/day repletes (Anderson 1997). */
  effects->chromium_supply = MAX (effects->chromium_supply,
                                  level * MIN (1.0, iv->field[GTW_SUPPLEMENT_DOSE] / 200.0));
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
