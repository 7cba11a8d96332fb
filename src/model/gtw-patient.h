/* gtw-patient.h: a virtual patient, the values of the registry's patient parameters
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gtw-registry.h"

G_BEGIN_DECLS

typedef struct
{
  double v[GTW_N_PATIENT_PARAMS]; /* indexed by GtwParamId GTW_P_* */
} GtwPatient;

extern const char *const gtw_sex_choices[]; /* "female", "male" */

#define GTW_SEX_FEMALE 0
#define GTW_SEX_MALE   1

void    gtw_patient_init_defaults (GtwPatient       *patient);
double  gtw_patient_bmi           (const GtwPatient *patient);
double  gtw_patient_bsa           (const GtwPatient *patient); /* m², Du Bois */
gboolean gtw_patient_is_female    (const GtwPatient *patient);
gboolean gtw_patient_check        (const GtwPatient *patient,
                                   GError          **error);

G_END_DECLS
