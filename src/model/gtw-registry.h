/* gtw-registry.h: the one table of patient parameters and model constants
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every patient parameter and every model constant is one row of gtw-params.def or
 * gtw-constants.def. Scenario validation, the patient editor, the CLI, the population
 * sampler and the documentation all read this table; nothing else repeats it.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  GTW_GROUP_DEMOGRAPHICS,
  GTW_GROUP_METABOLIC,
  GTW_GROUP_DIET,
  GTW_GROUP_ACTIVITY,
  GTW_GROUP_GUT,
  GTW_GROUP_HORMONES,
  /* constants (not settable from a scenario) */
  GTW_GROUP_CORE,
  GTW_GROUP_BETA_CELL,
  GTW_GROUP_GUT_ABSORPTION,
  GTW_GROUP_CPEPTIDE,
  GTW_GROUP_MECHANISM,
  GTW_N_GROUPS
} GtwParamGroup;

typedef enum
{
  GTW_PARAM_NUMBER,
  GTW_PARAM_BOOLEAN, /* stored as 0 or 1, a JSON boolean in scenario files */
  GTW_PARAM_CHOICE,  /* stored as an index into choices, a JSON string in scenario files */
} GtwParamKind;

typedef struct
{
  const char         *id;          /* scenario key, e.g. "weight_kg" */
  const char         *label;       /* translatable (N_), translate with gettext () */
  const char         *unit;        /* display unit, "" when dimensionless */
  double              min;
  double              max;
  double              def;
  GtwParamGroup       group;
  GtwParamKind        kind;
  const char *const  *choices;     /* GTW_PARAM_CHOICE only, NULL-terminated */
  double              cv;          /* population coefficient of variation, 0 = not varied */
  const char         *source;      /* the paper the value or range comes from */
  const char         *explanation; /* translatable one-liner */
  const char         *cv_source;   /* where the cv comes from; NULL when not varied */
} GtwParamInfo;

typedef enum
{
#define GTW_PARAM(sym, ...) GTW_P_##sym,
#include "gtw-params.def"
#undef GTW_PARAM
  GTW_N_PATIENT_PARAMS,
  GTW_K_FIRST_ = GTW_N_PATIENT_PARAMS - 1,
#define GTW_PARAM(sym, ...) GTW_K_##sym,
#include "gtw-constants.def"
#undef GTW_PARAM
  GTW_N_PARAMS
} GtwParamId;

extern const GtwParamInfo gtw_registry_table[GTW_N_PARAMS];

/* The value of a model constant, e.g. GTW_K (EG0). */
#define GTW_K(sym) (gtw_registry_table[GTW_K_##sym].def)

const GtwParamInfo *gtw_registry_get        (GtwParamId    id);
const GtwParamInfo *gtw_registry_lookup     (const char   *id,
                                             GtwParamId   *out_id);
gboolean            gtw_param_is_patient    (GtwParamId    id);
const char         *gtw_param_group_label   (GtwParamGroup group);
int                 gtw_param_choice_index  (const GtwParamInfo *info,
                                             const char         *choice);
gboolean            gtw_param_check_value   (const GtwParamInfo *info,
                                             double              value,
                                             GError            **error);

G_END_DECLS
