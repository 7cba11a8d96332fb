/* gtw-labs.h: a patient's measured laboratory values, drawn on the curves and fitted to
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In scenario files each value carries the unit it is written in; in memory every value is in
 * the units of GtwDayRecord, so that the chart and the fit compare like with like.
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

#define GTW_LAB_ERROR (gtw_lab_error_quark ())

typedef enum
{
  GTW_LAB_ERROR_UNIT,  /* not a unit this test is reported in */
  GTW_LAB_ERROR_RANGE, /* outside what a living patient shows */
} GtwLabError;

GQuark             gtw_lab_error_quark   (void);

/* "fasting_glucose", ...: the names of scenario files and the CLI. */
const char        *gtw_lab_kind_to_string (GtwLabKind  kind);
gboolean           gtw_lab_kind_from_string (const char *text,
                                             GtwLabKind *out);
/* "Fasting glucose", translated */
const char        *gtw_lab_kind_label    (GtwLabKind  kind);

/* The units a test may be written in, as in scenario files ("mmol/L", "mg/dL"), the SI unit
 * first; NULL-terminated. */
const char *const *gtw_lab_units         (GtwLabKind  kind);
const char        *gtw_lab_si_unit       (GtwLabKind  kind);
/* A unit of gtw_lab_units () as shown to people, translated. */
const char        *gtw_lab_unit_label    (const char *unit);
/* Decimals worth showing for a value in @unit. */
int                gtw_lab_unit_digits   (GtwLabKind  kind,
                                          const char *unit);

/* Conversions between a unit of gtw_lab_units () and SI. */
double             gtw_lab_to_si         (GtwLabKind  kind,
                                          const char *unit,
                                          double      value);
double             gtw_lab_from_si       (GtwLabKind  kind,
                                          const char *unit,
                                          double      value_si);

/* The plausible range of a test, in SI. */
void               gtw_lab_si_range      (GtwLabKind  kind,
                                          double     *min,
                                          double     *max);

/* Checks @value written in @unit and gives it in SI; the message names the accepted units or
 * the range in @unit. */
gboolean           gtw_lab_parse_value   (GtwLabKind  kind,
                                          const char *unit,
                                          double      value,
                                          double     *out_si,
                                          GError    **error);

/* Orders by day, keeping the order of entry within a day. */
void               gtw_labs_sort         (GArray     *labs);

G_END_DECLS
