/* gtw-intervention.c: the table of intervention types and what they share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "gtw-intervention-private.h"

static const GtwInterventionClass *const classes[GTW_N_IV_TYPES] = {
  [GTW_IV_BERBERINE] = &gtw_iv_berberine,
  [GTW_IV_EXERCISE] = &gtw_iv_exercise,
  [GTW_IV_CARB_REDUCTION] = &gtw_iv_carb_reduction,
  [GTW_IV_GUT_REPAIR] = &gtw_iv_gut_repair,
  [GTW_IV_CHROMIUM] = &gtw_iv_chromium,
  [GTW_IV_MAGNESIUM] = &gtw_iv_magnesium,
  [GTW_IV_ALPHA_LIPOIC_ACID] = &gtw_iv_alpha_lipoic_acid,
  [GTW_IV_PREMEAL_PROTEIN] = &gtw_iv_premeal_protein,
  [GTW_IV_OMEGA3] = &gtw_iv_omega3,
  [GTW_IV_METFORMIN] = &gtw_iv_metformin,
  [GTW_IV_LOW_CALORIE_DIET] = &gtw_iv_low_calorie_diet,
};

const GtwInterventionClass *
gtw_intervention_class (GtwInterventionType type)
{
  g_return_val_if_fail (type < GTW_N_IV_TYPES, NULL);
  return classes[type];
}

const GtwInterventionClass *
gtw_intervention_class_by_id (const char          *id,
                              GtwInterventionType *out_type)
{
  g_return_val_if_fail (id != NULL, NULL);
  for (guint i = 0; i < GTW_N_IV_TYPES; i++)
    {
      if (g_str_equal (classes[i]->id, id))
        {
          if (out_type)
            *out_type = (GtwInterventionType) i;
          return classes[i];
        }
    }
  return NULL;
}

const char *
gtw_evidence_label (GtwEvidence evidence)
{
  switch (evidence)
    {
    case GTW_EVIDENCE_STRONG: return _("Strong evidence");
    case GTW_EVIDENCE_MODERATE: return _("Moderate evidence");
    case GTW_EVIDENCE_WEAK: return _("Weak evidence");
    case GTW_EVIDENCE_MECHANISTIC: return _("Mechanistic only");
    default: g_return_val_if_reached (NULL);
    }
}

const char *
gtw_evidence_to_string (GtwEvidence evidence)
{
  static const char *ids[] = { "strong", "moderate", "weak", "mechanistic" };
  g_return_val_if_fail (evidence <= GTW_EVIDENCE_MECHANISTIC, NULL);
  return ids[evidence];
}

void
gtw_intervention_init (GtwIntervention    *iv,
                       GtwInterventionType type,
                       int                 start_day)
{
  const GtwInterventionClass *klass = gtw_intervention_class (type);

  g_return_if_fail (iv != NULL && klass != NULL);

  memset (iv, 0, sizeof *iv);
  iv->type = type;
  iv->start_day = start_day;
  iv->end_day = -1;
  iv->adherence = 1.0;
  for (guint i = 0; i < klass->n_fields; i++)
    iv->field[i] = klass->fields[i].def;
}

int
gtw_intervention_field_index (const GtwInterventionClass *klass,
                              const char                 *key)
{
  for (guint i = 0; i < klass->n_fields; i++)
    if (g_str_equal (klass->fields[i].key, key))
      return (int) i;
  return -1;
}

gboolean
gtw_intervention_active_on (const GtwIntervention *iv,
                            int                    day)
{
  return day >= iv->start_day && (iv->end_day < 0 || day <= iv->end_day);
}

double
gtw_exercise_intensity_factor (int intensity)
{
  /* Relative energy cost and AMPK drive: light about 3 METs, moderate 5, vigorous 7.5
   * (Ainsworth 2011 compendium), normalised to moderate. */
  static const double factor[] = { 0.6, 1.0, 1.5 };
  return factor[CLAMP (intensity, 0, 2)];
}

guint
gtw_exercise_sessions_on_day (const GtwIntervention *iv,
                              int                    day,
                              GtwSession            *out,
                              guint                  max_out)
{
  guint n = 0;
  int per_week, rel, week_day;

  if (iv->type != GTW_IV_EXERCISE || !gtw_intervention_active_on (iv, day))
    return 0;

  /* Sessions are spread evenly over each week counted from start_day, the first on
   * start_day itself (interfaces.md). */
  per_week = (int) lround (iv->field[GTW_EXERCISE_SESSIONS]);
  rel = day - iv->start_day;
  week_day = rel % 7;
  for (int k = 0; k < per_week && n < max_out; k++)
    {
      if ((k * 7) / per_week != week_day)
        continue;
      out[n].minute = (int) iv->field[GTW_EXERCISE_TIME];
      /* A second session on the same day comes three hours earlier. */
      for (guint j = 0; j < n; j++)
        out[n].minute -= 180;
      out[n].minute = CLAMP (out[n].minute, 0, 1440 - (int) iv->field[GTW_EXERCISE_MINUTES]);
      out[n].duration_min = (int) iv->field[GTW_EXERCISE_MINUTES];
      out[n].intensity = gtw_exercise_intensity_factor ((int) iv->field[GTW_EXERCISE_INTENSITY]);
      out[n].kind = (int) iv->field[GTW_EXERCISE_KIND];
      n++;
    }
  return n;
}
