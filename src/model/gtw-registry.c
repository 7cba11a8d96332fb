/* gtw-registry.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <math.h>

#include <gio/gio.h>

#include "gtw-registry.h"
#include "gtw-patient.h"

const char *const gtw_sex_choices[] = { "female", "male", NULL };

const GtwParamInfo gtw_registry_table[GTW_N_PARAMS] = {
#define GTW_PARAM(sym, id, label, unit, min, max, def, group, kind, choices, cv, cv_source, source, expl) \
  [GTW_P_##sym] = { id, label, unit, min, max, def, group, kind, choices, cv, source, expl, cv_source },
#include "gtw-params.def"
#undef GTW_PARAM
#define GTW_PARAM(sym, id, label, unit, min, max, def, group, kind, choices, cv, source, expl) \
  [GTW_K_##sym] = { id, label, unit, min, max, def, group, kind, choices, cv, source, expl },
#include "gtw-constants.def"
#undef GTW_PARAM
};

const GtwParamInfo *
gtw_registry_get (GtwParamId id)
{
  g_return_val_if_fail (id >= 0 && id < GTW_N_PARAMS, NULL);
  return &gtw_registry_table[id];
}

const GtwParamInfo *
gtw_registry_lookup (const char *id,
                     GtwParamId *out_id)
{
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < GTW_N_PARAMS; i++)
    {
      if (g_strcmp0 (gtw_registry_table[i].id, id) == 0)
        {
          if (out_id)
            *out_id = (GtwParamId) i;
          return &gtw_registry_table[i];
        }
    }
  return NULL;
}

gboolean
gtw_param_is_patient (GtwParamId id)
{
  return id >= 0 && id < GTW_N_PATIENT_PARAMS;
}

const char *
gtw_param_group_label (GtwParamGroup group)
{
  static const char *labels[GTW_N_GROUPS] = {
    [GTW_GROUP_DEMOGRAPHICS] = N_("Demographics"),
    [GTW_GROUP_METABOLIC] = N_("Metabolic starting point"),
    [GTW_GROUP_DIET] = N_("Diet"),
    [GTW_GROUP_ACTIVITY] = N_("Activity"),
    [GTW_GROUP_GUT] = N_("Gut"),
    [GTW_GROUP_HORMONES] = N_("Hormones and cofactors"),
    [GTW_GROUP_CORE] = N_("Glucose-insulin core"),
    [GTW_GROUP_BETA_CELL] = N_("Beta-cell adaptation"),
    [GTW_GROUP_GUT_ABSORPTION] = N_("Gut absorption"),
    [GTW_GROUP_CPEPTIDE] = N_("C-peptide kinetics"),
    [GTW_GROUP_MECHANISM] = N_("Mechanism layer"),
  };
  g_return_val_if_fail (group < GTW_N_GROUPS, NULL);
  return _(labels[group]);
}

int
gtw_param_choice_index (const GtwParamInfo *info,
                        const char         *choice)
{
  g_return_val_if_fail (info != NULL, -1);
  if (info->choices == NULL || choice == NULL)
    return -1;
  for (int i = 0; info->choices[i]; i++)
    if (g_str_equal (info->choices[i], choice))
      return i;
  return -1;
}

gboolean
gtw_param_check_value (const GtwParamInfo *info,
                       double              value,
                       GError            **error)
{
  g_return_val_if_fail (info != NULL, FALSE);

  if (!isfinite (value))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s must be a finite number"), info->id);
      return FALSE;
    }
  if (value < info->min || value > info->max)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%g is outside %g–%g %s"), value, info->min, info->max, info->unit);
      return FALSE;
    }
  if (info->kind != GTW_PARAM_NUMBER && value != floor (value))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s must be one of its choices"), info->id);
      return FALSE;
    }
  return TRUE;
}
