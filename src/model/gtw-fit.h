/* gtw-fit.h: the starting patient fitted to the fasting labs entered at the start
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Adjusts the patient's intrinsic insulin sensitivity (si_intrinsic) and beta-cell function
 * (beta_cell_function_rel), within the registry's ranges, so that day 0 of the run without
 * interventions shows the fasting glucose and the fasting insulin and/or C-peptide measured at
 * the start. With a fasting glucose alone, only the insulin sensitivity is adjusted. Either
 * way the beta-cell adaptive reserve (beta_cell_reserve) is set so that beta-cell function,
 * which adapts over months, stays where it starts: the fitted patient is at rest and its run
 * without interventions does not drift away from the labs because of the fit. Where no reserve
 * within its range does that (diabetic labs: glucotoxicity), the nearest is set and the report
 * says so.
 */
#pragma once

#include "gtw-simulation.h"

G_BEGIN_DECLS

/* Labs up to this day count as taken at the start. */
#define GTW_FIT_MAX_DAY 31

#define GTW_FIT_ERROR (gtw_fit_error_quark ())

typedef enum
{
  GTW_FIT_ERROR_NO_GLUCOSE,  /* no fasting glucose within GTW_FIT_MAX_DAY days of the start */
  GTW_FIT_ERROR_UNREACHABLE, /* no patient within the ranges shows the labs; see the report */
  GTW_FIT_ERROR_SIMULATION,  /* the engine failed on a candidate patient */
} GtwFitError;

/* One fasting value the fit aims at, in SI. */
typedef struct
{
  GtwLabKind kind;
  int        day;      /* of the lab used */
  double     target;
  double     achieved; /* on day 0 with the fitted patient, or the closest one */
  double     residual; /* (achieved - target) / target */
  double     tolerance; /* the largest |residual| that counts as a match */
} GtwFitTerm;

typedef struct
{
  double     si_before, si_after;     /* si_intrinsic, × reference */
  double     beta_before, beta_after; /* beta_cell_function_rel, × reference */
  double     reserve_before, reserve_after; /* beta_cell_reserve */
  gboolean   at_rest;                 /* FALSE: no reserve in its range holds beta-cell function
                                       * where the fit starts it; reserve_after is the nearest */
  gboolean   beta_fitted;             /* FALSE with a fasting glucose alone */
  GtwFitTerm terms[3];                /* glucose first, then insulin and/or C-peptide */
  guint      n_terms;
  guint      n_evaluations;           /* runs of day 0 */
} GtwFitReport;

GQuark   gtw_fit_error_quark     (void);

/* On success, @out is @scenario's patient with the parameters fitted. On
 * GTW_FIT_ERROR_UNREACHABLE @out is left alone and @report (if given) describes the closest
 * patient; the message names the value that cannot be matched and the closest one. */
gboolean gtw_fit_patient_to_labs (const GtwScenario *scenario,
                                  GtwPatient        *out,
                                  GtwFitReport      *report,
                                  GError           **error);

/* The simulated counterpart of a lab on a day: the value to compare a measurement with. */
double   gtw_lab_record_value    (GtwLabKind          kind,
                                  const GtwDayRecord *record);

G_END_DECLS
