/* gtw-units.h: every unit conversion of Glucotwin in one place
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The engine works in the units of its source models (mg/dL, µU/mL) inside the ODEs and reports
 * SI units (mmol/L, pmol/L, nmol/L); displays convert with these functions only.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GTW_MGDL_PER_MMOLL   18.0   /* glucose, 1 mmol/L = 18.0 mg/dL */
#define GTW_PMOL_PER_UU      6.0    /* insulin, 1 µU/mL = 6 pmol/L (Heinemann 2010) */
#define GTW_NMOLL_PER_NGML   0.331  /* C-peptide, 1 ng/mL = 0.331 nmol/L */
#define GTW_TG_MGDL_PER_MMOLL  88.57
#define GTW_HDL_MGDL_PER_MMOLL 38.67

typedef enum { GTW_GLUCOSE_MMOL, GTW_GLUCOSE_MGDL } GtwGlucoseUnit;
typedef enum { GTW_INSULIN_PMOL, GTW_INSULIN_UU } GtwInsulinUnit;
typedef enum { GTW_CPEPTIDE_NMOL, GTW_CPEPTIDE_NGML } GtwCpeptideUnit;
typedef enum { GTW_HBA1C_PERCENT, GTW_HBA1C_MMOLMOL } GtwHba1cUnit;

static inline double gtw_glucose_mgdl_to_mmol (double mgdl) { return mgdl / GTW_MGDL_PER_MMOLL; }
static inline double gtw_glucose_mmol_to_mgdl (double mmol) { return mmol * GTW_MGDL_PER_MMOLL; }
static inline double gtw_insulin_uu_to_pmol (double uu) { return uu * GTW_PMOL_PER_UU; }
static inline double gtw_insulin_pmol_to_uu (double pmol) { return pmol / GTW_PMOL_PER_UU; }
static inline double gtw_cpeptide_nmol_to_ngml (double nmol) { return nmol / GTW_NMOLL_PER_NGML; }
/* the core's C-peptide compartments hold pmol/L (Van Cauter 1992's units); records hold nmol/L */
static inline double gtw_cpeptide_pmol_to_nmol (double pmol) { return pmol / 1000.0; }
/* Ha & Sherman 2020's Si is per day (mL/µU/day); Bergman's minimal-model SI is in
 * 10^-4 min^-1 per µU/mL: 10^4 / 1440 = 6.944 */
static inline double gtw_si_to_bergman (double si_per_day) { return si_per_day * 1.0e4 / 1440.0; }
/* IFCC units, mmol/mol = 10.929 (% - 2.15) (Hoelzel 2004) */
static inline double gtw_hba1c_percent_to_mmolmol (double pct) { return 10.929 * (pct - 2.15); }

double      gtw_glucose_convert  (double mmol, GtwGlucoseUnit unit);
double      gtw_insulin_convert  (double pmol, GtwInsulinUnit unit);
double      gtw_cpeptide_convert (double nmol, GtwCpeptideUnit unit);
double      gtw_hba1c_convert    (double percent, GtwHba1cUnit unit);
/* @value as it reads with @digits decimals: what a clinician compares with a cut-off */
double      gtw_round_as_shown   (double value, int digits);
const char *gtw_glucose_unit_label  (GtwGlucoseUnit unit);
const char *gtw_insulin_unit_label  (GtwInsulinUnit unit);
const char *gtw_cpeptide_unit_label (GtwCpeptideUnit unit);
const char *gtw_hba1c_unit_label    (GtwHba1cUnit unit);

/* Clinical indices on SI inputs (glucose mmol/L, insulin pmol/L). */
double gtw_homa_ir      (double fpg_mmol, double fpi_pmol); /* FPI(µU/mL) x FPG / 22.5 */
double gtw_homa_b       (double fpg_mmol, double fpi_pmol); /* 20 x FPI / (FPG - 3.5) */
double gtw_hba1c_from_mean_glucose (double mean_mgdl);      /* ADAG, Nathan 2008 */

G_END_DECLS
