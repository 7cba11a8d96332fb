/* gtw-labs.h: a patient's measured laboratory values, drawn on the curves and fitted to
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What was measured. Values are kept in the units of GtwDayRecord (SI): glucose, TG and HDL in
 * mmol/L, insulin in pmol/L, C-peptide in nmol/L, HbA1c in % (NGSP). */
typedef enum
{
  GTW_LAB_FASTING_GLUCOSE,
  GTW_LAB_FASTING_INSULIN,
  GTW_LAB_FASTING_CPEPTIDE,
  GTW_LAB_HBA1C,
  GTW_LAB_TG,
  GTW_LAB_HDL,
  GTW_LAB_N_KINDS
} GtwLabKind;

/* One measurement on a simulated day (day 0 is the scenario's first day). */
typedef struct
{
  int        day;
  GtwLabKind kind;
  double     value;
} GtwLab;

G_END_DECLS
