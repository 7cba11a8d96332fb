/* gtw-units.c: unit conversions and clinical indices
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <glib/gi18n-lib.h>

#include "gtw-units.h"

double
gtw_glucose_convert (double mmol, GtwGlucoseUnit unit)
{
  return unit == GTW_GLUCOSE_MGDL ? gtw_glucose_mmol_to_mgdl (mmol) : mmol;
}

double
gtw_insulin_convert (double pmol, GtwInsulinUnit unit)
{
  return unit == GTW_INSULIN_UU ? gtw_insulin_pmol_to_uu (pmol) : pmol;
}

double
gtw_cpeptide_convert (double nmol, GtwCpeptideUnit unit)
{
  return unit == GTW_CPEPTIDE_NGML ? gtw_cpeptide_nmol_to_ngml (nmol) : nmol;
}

double
gtw_hba1c_convert (double percent, GtwHba1cUnit unit)
{
  return unit == GTW_HBA1C_MMOLMOL ? gtw_hba1c_percent_to_mmolmol (percent) : percent;
}

double
gtw_round_as_shown (double value,
                    int    digits)
{
  double scale = pow (10.0, digits);

  return round (value * scale) / scale;
}

const char *
gtw_glucose_unit_label (GtwGlucoseUnit unit)
{
  return unit == GTW_GLUCOSE_MGDL ? _("mg/dL") : _("mmol/L");
}

const char *
gtw_insulin_unit_label (GtwInsulinUnit unit)
{
  return unit == GTW_INSULIN_UU ? _("µU/mL") : _("pmol/L");
}

const char *
gtw_cpeptide_unit_label (GtwCpeptideUnit unit)
{
  return unit == GTW_CPEPTIDE_NGML ? _("ng/mL") : _("nmol/L");
}

const char *
gtw_hba1c_unit_label (GtwHba1cUnit unit)
{
  return unit == GTW_HBA1C_MMOLMOL ? _("mmol/mol") : _("%");
}

/* Matthews 1985 */
double
gtw_homa_ir (double fpg_mmol, double fpi_pmol)
{
  return gtw_insulin_pmol_to_uu (fpi_pmol) * fpg_mmol / 22.5;
}

/* Matthews 1985; undefined at or below 3.5 mmol/L, where it is reported as 0 */
double
gtw_homa_b (double fpg_mmol, double fpi_pmol)
{
  if (fpg_mmol <= 3.5)
    return 0.0;
  return 20.0 * gtw_insulin_pmol_to_uu (fpi_pmol) / (fpg_mmol - 3.5);
}

/* ADAG, Nathan 2008: eAG (mg/dL) = 28.7 A1c - 46.7 */
double
gtw_hba1c_from_mean_glucose (double mean_mgdl)
{
  return (mean_mgdl + 46.7) / 28.7;
}
