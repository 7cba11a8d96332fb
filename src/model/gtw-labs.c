/* gtw-labs.c: laboratory tests, their units and their plausible ranges
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gtw-labs.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "gtw-units.h"

G_DEFINE_QUARK (gtw-lab-error-quark, gtw_lab_error)

typedef struct
{
  const char        *id;
  const char        *label;
  const char *const *units;
  double             factor[4]; /* SI per unit, for each of units; 0 = not linear (HbA1c) */
  double             min, max;  /* SI */
  int                digits[4];
} LabInfo;

static const char *const glucose_units[] = { "mmol/L", "mg/dL", NULL };
static const char *const insulin_units[] = { "pmol/L", "µU/mL", "mU/L", NULL };
static const char *const cpeptide_units[] = { "nmol/L", "ng/mL", "pmol/L", NULL };
static const char *const hba1c_units[] = { "%", "mmol/mol", NULL };

/* Ranges are wide on purpose: they catch a value typed in the wrong unit (a glucose of 95 in
 * mmol/L), not an unusual patient. */
static const LabInfo lab_table[GTW_LAB_N_KINDS] = {
  [GTW_LAB_FASTING_GLUCOSE] = { "fasting_glucose", N_("Fasting glucose"), glucose_units,
                                { 1, 1 / GTW_MGDL_PER_MMOLL }, 1.0, 35.0, { 1, 0 } },
  [GTW_LAB_FASTING_INSULIN] = { "fasting_insulin", N_("Fasting insulin"), insulin_units,
                                { 1, GTW_PMOL_PER_UU, GTW_PMOL_PER_UU }, 1.0, 3000.0, { 0, 1, 1 } },
  [GTW_LAB_FASTING_CPEPTIDE] = { "fasting_cpeptide", N_("Fasting C-peptide"), cpeptide_units,
                                 { 1, GTW_NMOLL_PER_NGML, 0.001 }, 0.01, 10.0, { 2, 2, 0 } },
  [GTW_LAB_HBA1C] = { "hba1c", N_("HbA1c"), hba1c_units, { 0, 0 }, 3.0, 20.0, { 1, 0 } },
  [GTW_LAB_TG] = { "tg", N_("Triglycerides"), glucose_units,
                   { 1, 1 / GTW_TG_MGDL_PER_MMOLL }, 0.1, 50.0, { 1, 0 } },
  [GTW_LAB_HDL] = { "hdl", N_("HDL cholesterol"), glucose_units,
                    { 1, 1 / GTW_HDL_MGDL_PER_MMOLL }, 0.1, 5.0, { 2, 0 } },
};

static const LabInfo *
lab_info (GtwLabKind kind)
{
  g_return_val_if_fail ((guint) kind < GTW_LAB_N_KINDS, &lab_table[0]);
  return &lab_table[kind];
}

/* The index of @unit among the test's units, or -1 */
static int
unit_index (const LabInfo *info,
            const char    *unit)
{
  for (int i = 0; unit != NULL && info->units[i] != NULL; i++)
    if (g_str_equal (info->units[i], unit))
      return i;
  return -1;
}

const char *
gtw_lab_kind_to_string (GtwLabKind kind)
{
  return lab_info (kind)->id;
}

gboolean
gtw_lab_kind_from_string (const char *text,
                          GtwLabKind *out)
{
  for (int kind = 0; text != NULL && kind < GTW_LAB_N_KINDS; kind++)
    if (g_str_equal (lab_table[kind].id, text))
      {
        *out = kind;
        return TRUE;
      }
  return FALSE;
}

const char *
gtw_lab_kind_label (GtwLabKind kind)
{
  return _(lab_info (kind)->label);
}

const char *const *
gtw_lab_units (GtwLabKind kind)
{
  return lab_info (kind)->units;
}

const char *
gtw_lab_si_unit (GtwLabKind kind)
{
  return lab_info (kind)->units[0];
}

const char *
gtw_lab_unit_label (const char *unit)
{
  /* The same words as the display units of gtw-units.c, so that one translation serves both. */
  static const char *const labels[][2] = {
    { "mmol/L", N_("mmol/L") }, { "mg/dL", N_("mg/dL") }, { "pmol/L", N_("pmol/L") },
    { "µU/mL", N_("µU/mL") },   { "mU/L", N_("mU/L") },   { "nmol/L", N_("nmol/L") },
    { "ng/mL", N_("ng/mL") },   { "%", N_("%") },         { "mmol/mol", N_("mmol/mol") },
  };

  g_return_val_if_fail (unit != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i][0], unit))
      return _(labels[i][1]);
  return unit;
}

int
gtw_lab_unit_digits (GtwLabKind  kind,
                     const char *unit)
{
  const LabInfo *info = lab_info (kind);
  int i = unit_index (info, unit);

  return info->digits[MAX (i, 0)];
}

double
gtw_lab_to_si (GtwLabKind  kind,
               const char *unit,
               double      value)
{
  const LabInfo *info = lab_info (kind);
  int i = unit_index (info, unit);

  g_return_val_if_fail (i >= 0, NAN);

  if (kind == GTW_LAB_HBA1C)
    /* IFCC to NGSP by the master equation, the inverse of gtw_hba1c_percent_to_mmolmol () */
    return i == 0 ? value : value / 10.929 + 2.15;
  return value * info->factor[i];
}

double
gtw_lab_from_si (GtwLabKind  kind,
                 const char *unit,
                 double      value_si)
{
  const LabInfo *info = lab_info (kind);
  int i = unit_index (info, unit);

  g_return_val_if_fail (i >= 0, NAN);

  if (kind == GTW_LAB_HBA1C)
    return i == 0 ? value_si : gtw_hba1c_percent_to_mmolmol (value_si);
  return value_si / info->factor[i];
}

void
gtw_lab_si_range (GtwLabKind kind,
                  double    *min,
                  double    *max)
{
  const LabInfo *info = lab_info (kind);

  *min = info->min;
  *max = info->max;
}

gboolean
gtw_lab_parse_value (GtwLabKind  kind,
                     const char *unit,
                     double      value,
                     double     *out_si,
                     GError    **error)
{
  const LabInfo *info = lab_info (kind);
  double si, lo, hi;
  int digits;

  if (unit_index (info, unit) < 0)
    {
      g_autofree char *list = g_strjoinv (", ", (char **) info->units);

      g_set_error (error, GTW_LAB_ERROR, GTW_LAB_ERROR_UNIT,
                   _("'%s' is not a unit for this test; use one of %s"), unit, list);
      return FALSE;
    }

  si = isfinite (value) ? gtw_lab_to_si (kind, unit, value) : NAN;
  /* A hair of tolerance, so that a bound converted to another unit and rounded is accepted. */
  if (!(si >= info->min * (1 - 1e-9) && si <= info->max * (1 + 1e-9)))
    {
      digits = gtw_lab_unit_digits (kind, unit);
      lo = gtw_lab_from_si (kind, unit, info->min);
      hi = gtw_lab_from_si (kind, unit, info->max);
      /* Rounded outwards, so that the range shown contains every value it accepts. */
      lo = floor (lo * pow (10, digits)) / pow (10, digits);
      hi = ceil (hi * pow (10, digits)) / pow (10, digits);
      g_set_error (error, GTW_LAB_ERROR, GTW_LAB_ERROR_RANGE,
                   /* Translators: "95 mmol/L is outside 1.0–35.0 mmol/L"; the value as typed */
                   _("%g %s is outside %.*f–%.*f %s"), value, gtw_lab_unit_label (unit), digits,
                   lo, digits, hi, gtw_lab_unit_label (unit));
      return FALSE;
    }

  *out_si = si;
  return TRUE;
}

static int
compare_day (gconstpointer a,
             gconstpointer b)
{
  const GtwLab *la = a, *lb = b;

  return (la->day > lb->day) - (la->day < lb->day);
}

void
gtw_labs_sort (GArray *labs)
{
  g_return_if_fail (labs != NULL);

  /* g_array_sort () is a stable merge sort since GLib 2.32. */
  g_array_sort (labs, compare_day);
}
