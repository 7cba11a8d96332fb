/* gtw-patient.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
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

/* What no single parameter's range can say: the values together must describe a person who
 * can live. Each parameter is checked on its own by gtw_param_check_value (); this checks
 * their combinations. A failure is a G_IO_ERROR_INVALID_DATA naming the values to change. */
gboolean
gtw_patient_check (const GtwPatient *patient,
                   GError          **error)
{
  double bmi;

  g_return_val_if_fail (patient != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bmi = gtw_patient_bmi (patient);
  if (!(bmi >= GTW_K (BMI_MIN)))
    {
      /* Translators: weight in kg, height in cm, the body mass index they give, the lowest
       * accepted body mass index */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("A weight of %.0f kg at a height of %.0f cm gives a body mass index of "
                     "%.1f kg/m², below the %.0f kg/m² at which an adult can live"),
                   patient->v[GTW_P_WEIGHT], patient->v[GTW_P_HEIGHT], bmi, GTW_K (BMI_MIN));
      return FALSE;
    }
  return TRUE;
}
