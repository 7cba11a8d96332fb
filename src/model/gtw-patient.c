/* gtw-patient.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "gtw-patient.h"

void
gtw_patient_init_defaults (GtwPatient *patient)
{
  g_return_if_fail (patient != NULL);
  for (guint i = 0; i < GTW_N_PATIENT_PARAMS; i++)
    patient->v[i] = gtw_registry_table[i].def;
}

double
gtw_patient_bmi (const GtwPatient *patient)
{
  double h = patient->v[GTW_P_HEIGHT] / 100.0;
  return patient->v[GTW_P_WEIGHT] / (h * h);
}

/* Du Bois & Du Bois 1916, as used by Van Cauter 1992 for the C-peptide volume. */
double
gtw_patient_bsa (const GtwPatient *patient)
{
  return 0.007184 * pow (patient->v[GTW_P_WEIGHT], 0.425) * pow (patient->v[GTW_P_HEIGHT], 0.725);
}

gboolean
gtw_patient_is_female (const GtwPatient *patient)
{
  return (int) patient->v[GTW_P_SEX] == GTW_SEX_FEMALE;
}
