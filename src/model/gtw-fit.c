/* gtw-fit.c: the starting patient fitted to the fasting labs entered at the start
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Least squares on relative errors, minimised by Nelder-Mead (the standard coefficients) on
 * the logarithms of the one or two parameters, each clamped to its registry range. Every
 * evaluation runs day 0 of the scenario without interventions: the same settling of the slow
 * states and the same day of meals that the chart's day 0 shows, so that a fitted patient's
 * curves start on the labs. A day costs a few tens of milliseconds; a fit takes some tens of
 * evaluations.
 *
 * Beta-cell function (sigma in Ha & Sherman 2020) is a state: the patient build holds it at
 * the patient's value, but from day 0 on it relaxes, with a time constant of 250 days, towards
 * a target that the day's glucose and secretion set, scaled by the beta-cell adaptive reserve.
 * A patient fitted on day 0 alone had a sigma far from that target and changed at once (the
 * labs 5.6 mmol/L and 110 pmol/L on compensated-ir: sigma 0.15 towards about 0.4, and "back to
 * normal" within two months without any treatment). So each candidate also gets the reserve
 * that makes its target its own sigma: the patient is at rest. The target is the reserve times
 * a daily mean plus a floor, affine in the reserve, and day 0 does not depend on the reserve
 * (the build holds sigma), so one day-0 run gives that reserve once the floor is known; two
 * runs at the ends of the reserve's range measure the floor at the start. Where that reserve
 * lies outside its range, the labs show beta cells that no reserve holds (above all in
 * diabetes, where glucotoxicity takes sigma's target down to its floor): the fit still matches
 * day 0, with the nearest reserve, and says that sigma moves from the start.
 */
#include "gtw-fit.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

G_DEFINE_QUARK (gtw-fit-error-quark, gtw_fit_error)

#define MAX_PARAMS      2
#define MAX_EVALUATIONS 160

/* Glucose is measured precisely and the model's fasting glucose moves little: 3 %; insulin
 * assays differ by 10 % or more between laboratories. */
#define GLUCOSE_TOLERANCE 0.03
#define INSULIN_TOLERANCE 0.10

static const GtwParamId fitted[MAX_PARAMS] = { GTW_P_SI_INTRINSIC, GTW_P_BETA_FUNCTION };

typedef struct
{
  GtwScenario  *day0;         /* a one-day baseline copy; its patient is the candidate */
  GtwFitReport *report;
  guint         n_params;
  double        run_reserve;  /* beta_cell_reserve of the runs of day 0 */
  double        target_floor; /* sigma's target without workload, measured at the start */
  double        rest_reserve; /* the reserve at which the last candidate's sigma rests */
  GError       *error;        /* the first engine failure */
} Problem;

double
gtw_lab_record_value (GtwLabKind          kind,
                      const GtwDayRecord *record)
{
  switch (kind)
    {
    case GTW_LAB_FASTING_GLUCOSE:
      return record->fasting_glucose;
    case GTW_LAB_FASTING_INSULIN:
      return record->fasting_insulin;
    case GTW_LAB_FASTING_CPEPTIDE:
      return record->fasting_cpeptide;
    case GTW_LAB_HBA1C:
      return record->hba1c;
    case GTW_LAB_TG:
      return record->tg;
    case GTW_LAB_HDL:
      return record->hdl;
    case GTW_LAB_N_KINDS:
    default:
      g_return_val_if_reached (NAN);
    }
}

/* The earliest lab of @kind at the start, or NULL */
static const GtwLab *
find_start_lab (const GArray *labs,
                GtwLabKind    kind)
{
  for (guint i = 0; labs != NULL && i < labs->len; i++)
    {
      const GtwLab *lab = &g_array_index (labs, GtwLab, i);

      if (lab->day > GTW_FIT_MAX_DAY)
        break;
      if (lab->kind == kind)
        return lab;
    }
  return NULL;
}

static void
add_term (GtwFitReport *report,
          const GtwLab *lab,
          double        tolerance)
{
  GtwFitTerm *term = &report->terms[report->n_terms++];

  term->kind = lab->kind;
  term->day = lab->day;
  term->target = lab->value;
  term->achieved = NAN;
  term->residual = NAN;
  term->tolerance = tolerance;
}

/* Puts the candidate x (logarithms) into the day-0 patient, clamped to the ranges. */
static void
set_candidate (Problem      *problem,
               const double *x)
{
  for (guint i = 0; i < problem->n_params; i++)
    {
      const GtwParamInfo *info = gtw_registry_get (fitted[i]);

      problem->day0->patient.v[fitted[i]] = CLAMP (exp (x[i]), info->min, info->max);
    }
}

/* Runs day 0 of the candidate with @reserve; its record goes to @record. */
static gboolean
run_day0 (Problem      *problem,
          double        reserve,
          GtwDayRecord *record)
{
  g_autoptr(GtwTrace) trace = NULL;
  GtwSimOptions options;

  if (problem->error != NULL)
    return FALSE;

  problem->day0->patient.v[GTW_P_BETA_RESERVE] = reserve;
  gtw_sim_options_init (&options);
  options.with_interventions = FALSE;
  options.integrator = GTW_INTEGRATOR_REFERENCE;
  problem->report->n_evaluations++;
  trace = gtw_simulate (problem->day0, &options, NULL, &problem->error);
  if (trace == NULL)
    return FALSE;
  *record = *gtw_trace_get_day (trace, 0);
  return TRUE;
}

/* The daily mean of the target that sigma relaxed towards over day 0: the build holds sigma at
 * the patient's value, and the record has it at the end of the day. */
static double
sigma_target (const Problem      *problem,
              const GtwDayRecord *record)
{
  double start = problem->day0->patient.v[GTW_P_BETA_FUNCTION];
  double gain = -expm1 (-1440.0 / GTW_K (TAU_SIGMA));

  return start + (record->beta_cell_function_rel - start) / gain;
}

/* The floor of sigma's target: the target is affine in the reserve, so two runs of the same
 * candidate at the ends of the reserve's range give it. */
static gboolean
measure_target_floor (Problem *problem)
{
  const GtwParamInfo *info = gtw_registry_get (GTW_P_BETA_RESERVE);
  GtwDayRecord low, high;
  double t_low, t_high;

  if (!run_day0 (problem, info->min, &low) || !run_day0 (problem, info->max, &high))
    return FALSE;
  t_low = sigma_target (problem, &low);
  t_high = sigma_target (problem, &high);
  problem->target_floor = t_low - info->min * (t_high - t_low) / (info->max - info->min);
  return TRUE;
}

/* Sum of squared relative errors of day 0; fills the report's achieved values and the
 * candidate's rest reserve. */
static double
evaluate (Problem      *problem,
          const double *x)
{
  GtwFitReport *report = problem->report;
  GtwDayRecord record;
  double sigma, workload, sum = 0;

  set_candidate (problem, x);
  if (!run_day0 (problem, problem->run_reserve, &record))
    return G_MAXDOUBLE;

  /* target = floor + reserve x workload, and sigma rests where the target is sigma */
  sigma = problem->day0->patient.v[GTW_P_BETA_FUNCTION];
  workload = (sigma_target (problem, &record) - problem->target_floor) / problem->run_reserve;
  problem->rest_reserve = workload > 0 ? (sigma - problem->target_floor) / workload : G_MAXDOUBLE;

  for (guint i = 0; i < report->n_terms; i++)
    {
      GtwFitTerm *term = &report->terms[i];

      term->achieved = gtw_lab_record_value (term->kind, &record);
      term->residual = (term->achieved - term->target) / term->target;
      sum += term->residual * term->residual;
    }
  return sum;
}

/* Nelder-Mead on n <= 2 parameters; leaves the best vertex in x and returns its value. */
static double
minimise (Problem *problem,
          double  *x)
{
  guint n = problem->n_params;
  double simplex[MAX_PARAMS + 1][MAX_PARAMS] = { { 0 } }, f[MAX_PARAMS + 1] = { 0 };

  for (guint v = 0; v <= n; v++)
    {
      for (guint i = 0; i < n; i++)
        simplex[v][i] = x[i] + (v == i + 1 ? 0.35 : 0.0);
      f[v] = evaluate (problem, simplex[v]);
    }

  while (problem->report->n_evaluations < MAX_EVALUATIONS && problem->error == NULL)
    {
      double centroid[MAX_PARAMS] = { 0 }, xr[MAX_PARAMS], xe[MAX_PARAMS], xc[MAX_PARAMS];
      double fr, size = 0;
      guint best = 0, worst = 0, second;

      for (guint v = 1; v <= n; v++)
        {
          if (f[v] < f[best])
            best = v;
          if (f[v] > f[worst])
            worst = v;
        }
      second = best;
      for (guint v = 0; v <= n; v++)
        if (v != worst && f[v] > f[second])
          second = v;

      for (guint v = 0; v <= n; v++)
        for (guint i = 0; i < n; i++)
          size = MAX (size, fabs (simplex[v][i] - simplex[best][i]));
      /* Converged: the parameters agree to 0.1 %, or the labs are matched to 0.1 %, far
       * closer than two laboratories agree. */
      if (size < 1e-3 || f[best] < 1e-6)
        break;

      for (guint v = 0; v <= n; v++)
        if (v != worst)
          for (guint i = 0; i < n; i++)
            centroid[i] += simplex[v][i] / n;

      for (guint i = 0; i < n; i++)
        xr[i] = centroid[i] + (centroid[i] - simplex[worst][i]);
      fr = evaluate (problem, xr);

      if (fr < f[best])
        {
          double fe;

          for (guint i = 0; i < n; i++)
            xe[i] = centroid[i] + 2 * (centroid[i] - simplex[worst][i]);
          fe = evaluate (problem, xe);
          memcpy (simplex[worst], fe < fr ? xe : xr, sizeof xr);
          f[worst] = MIN (fe, fr);
          continue;
        }
      if (fr < f[second])
        {
          memcpy (simplex[worst], xr, sizeof xr);
          f[worst] = fr;
          continue;
        }

      /* Contract towards the better of the reflected and the worst point. */
      for (guint i = 0; i < n; i++)
        xc[i] = fr < f[worst] ? centroid[i] + 0.5 * (xr[i] - centroid[i])
                              : centroid[i] + 0.5 * (simplex[worst][i] - centroid[i]);
      {
        double fc = evaluate (problem, xc);

        if (fc < MIN (fr, f[worst]))
          {
            memcpy (simplex[worst], xc, sizeof xc);
            f[worst] = fc;
            continue;
          }
      }

      /* Shrink towards the best. */
      for (guint v = 0; v <= n; v++)
        if (v != best)
          {
            for (guint i = 0; i < n; i++)
              simplex[v][i] = simplex[best][i] + 0.5 * (simplex[v][i] - simplex[best][i]);
            f[v] = evaluate (problem, simplex[v]);
          }
    }

  {
    guint best = 0;

    for (guint v = 1; v <= n; v++)
      if (f[v] < f[best])
        best = v;
    memcpy (x, simplex[best], sizeof (double) * n);
  }
  /* The report's values belong to the last evaluation: evaluate the best once more. */
  return evaluate (problem, x);
}

/* The first term that is not matched, the one with the largest error relative to its
 * tolerance, or NULL */
static const GtwFitTerm *
worst_term (const GtwFitReport *report)
{
  const GtwFitTerm *worst = NULL;

  for (guint i = 0; i < report->n_terms; i++)
    {
      const GtwFitTerm *term = &report->terms[i];

      if (fabs (term->residual) <= term->tolerance)
        continue;
      if (worst == NULL
          || fabs (term->residual) / term->tolerance > fabs (worst->residual) / worst->tolerance)
        worst = term;
    }
  return worst;
}

gboolean
gtw_fit_patient_to_labs (const GtwScenario *scenario,
                         GtwPatient        *out,
                         GtwFitReport      *report,
                         GError           **error)
{
  const GtwParamInfo *reserve = gtw_registry_get (GTW_P_BETA_RESERVE);
  g_autoptr(GtwScenario) day0 = NULL;
  GtwFitReport local_report;
  const GtwFitTerm *unmatched;
  const GtwLab *lab;
  Problem problem = { 0 };
  double x[MAX_PARAMS];

  g_return_val_if_fail (scenario != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (report == NULL)
    report = &local_report;
  memset (report, 0, sizeof *report);
  report->si_before = report->si_after = scenario->patient.v[GTW_P_SI_INTRINSIC];
  report->beta_before = report->beta_after = scenario->patient.v[GTW_P_BETA_FUNCTION];
  report->reserve_before = report->reserve_after = scenario->patient.v[GTW_P_BETA_RESERVE];

  lab = find_start_lab (scenario->labs, GTW_LAB_FASTING_GLUCOSE);
  if (lab == NULL)
    {
      g_set_error (error, GTW_FIT_ERROR, GTW_FIT_ERROR_NO_GLUCOSE,
                   _("No fasting glucose was entered for the first month: enter the fasting "
                     "glucose measured at the start"));
      return FALSE;
    }
  add_term (report, lab, GLUCOSE_TOLERANCE);
  if ((lab = find_start_lab (scenario->labs, GTW_LAB_FASTING_INSULIN)) != NULL)
    add_term (report, lab, INSULIN_TOLERANCE);
  if ((lab = find_start_lab (scenario->labs, GTW_LAB_FASTING_CPEPTIDE)) != NULL)
    add_term (report, lab, INSULIN_TOLERANCE);
  report->beta_fitted = report->n_terms > 1;

  day0 = gtw_scenario_copy_baseline (scenario);
  day0->duration_days = 1;
  problem.day0 = day0;
  problem.report = report;
  problem.n_params = report->beta_fitted ? 2 : 1;
  for (guint i = 0; i < problem.n_params; i++)
    {
      const GtwParamInfo *info = gtw_registry_get (fitted[i]);

      x[i] = log (CLAMP (scenario->patient.v[fitted[i]], info->min, info->max));
    }
  problem.run_reserve = CLAMP (scenario->patient.v[GTW_P_BETA_RESERVE], reserve->min,
                               reserve->max);

  set_candidate (&problem, x);
  if (measure_target_floor (&problem))
    minimise (&problem, x);
  if (problem.error != NULL)
    {
      g_set_error (error, GTW_FIT_ERROR, GTW_FIT_ERROR_SIMULATION,
                   _("The model failed on a candidate patient: %s"), problem.error->message);
      g_clear_error (&problem.error);
      return FALSE;
    }

  report->si_after = day0->patient.v[GTW_P_SI_INTRINSIC];
  report->beta_after = day0->patient.v[GTW_P_BETA_FUNCTION];
  report->reserve_after = CLAMP (problem.rest_reserve, reserve->min, reserve->max);
  report->at_rest = report->reserve_after == problem.rest_reserve;
  day0->patient.v[GTW_P_BETA_RESERVE] = report->reserve_after;

  unmatched = worst_term (report);
  if (unmatched != NULL)
    {
      const char *unit = gtw_lab_si_unit (unmatched->kind);
      int digits = gtw_lab_unit_digits (unmatched->kind, unit);

      g_set_error (error, GTW_FIT_ERROR, GTW_FIT_ERROR_UNREACHABLE,
                   /* Translators: "Fasting glucose 2.1 mmol/L cannot be matched within the
                    * model's ranges: the closest is 3.9 mmol/L" */
                   _("%s %.*f %s cannot be matched within the model's ranges: the closest is "
                     "%.*f %s"),
                   gtw_lab_kind_label (unmatched->kind), digits, unmatched->target,
                   gtw_lab_unit_label (unit), digits, unmatched->achieved,
                   gtw_lab_unit_label (unit));
      return FALSE;
    }

  *out = day0->patient;
  return TRUE;
}
