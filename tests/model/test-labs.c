/* test-labs.c: measured labs in scenario files, their units, and the fit of the starting patient
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include <gtw-model.h>
#include <gtw-story.h>

#define HEADER "{ \"format\": \"glucotwin-scenario\", \"version\": 1, " \
               "\"simulation\": { \"duration_days\": 730 }, "

static GtwScenario *
load (const char *labs,
      GError    **error)
{
  g_autofree char *json = g_strdup_printf (HEADER "\"labs\": %s }", labs);

  return gtw_scenario_load_data (json, -1, error);
}

static void
assert_invalid (const char *labs,
                const char *message_start)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtwScenario) scenario = load (labs, &error);

  g_assert_null (scenario);
  g_assert_error (error, GTW_SCENARIO_ERROR, GTW_SCENARIO_ERROR_INVALID);
  if (!g_str_has_prefix (error->message, message_start))
    g_error ("expected a message starting with \"%s\", got \"%s\"", message_start, error->message);
}

static void
test_units (void)
{
  g_assert_cmpfloat_with_epsilon (gtw_lab_to_si (GTW_LAB_FASTING_GLUCOSE, "mg/dL", 99), 5.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (gtw_lab_to_si (GTW_LAB_FASTING_INSULIN, "µU/mL", 10), 60, 1e-12);
  g_assert_cmpfloat_with_epsilon (gtw_lab_to_si (GTW_LAB_FASTING_INSULIN, "mU/L", 10), 60, 1e-12);
  g_assert_cmpfloat_with_epsilon (gtw_lab_to_si (GTW_LAB_FASTING_CPEPTIDE, "ng/mL", 2), 0.662,
                                  1e-12);
  g_assert_cmpfloat_with_epsilon (gtw_lab_to_si (GTW_LAB_FASTING_CPEPTIDE, "pmol/L", 500), 0.5,
                                  1e-12);
  /* IFCC 48 mmol/mol is NGSP 6.5 % (the diagnostic threshold of both) */
  g_assert_cmpfloat_with_epsilon (gtw_lab_to_si (GTW_LAB_HBA1C, "mmol/mol", 48), 6.54, 0.01);
  g_assert_cmpfloat_with_epsilon (gtw_lab_from_si (GTW_LAB_HBA1C, "mmol/mol", 6.5), 47.5, 0.1);
  g_assert_cmpfloat_with_epsilon (gtw_lab_to_si (GTW_LAB_TG, "mg/dL", 150), 1.694, 0.001);
  g_assert_cmpfloat_with_epsilon (gtw_lab_to_si (GTW_LAB_HDL, "mg/dL", 40), 1.034, 0.001);

  for (int kind = 0; kind < GTW_LAB_N_KINDS; kind++)
    {
      const char *const *units = gtw_lab_units (kind);
      GtwLabKind back;

      g_assert_true (gtw_lab_kind_from_string (gtw_lab_kind_to_string (kind), &back));
      g_assert_cmpint (back, ==, kind);
      g_assert_cmpstr (units[0], ==, gtw_lab_si_unit (kind));
      for (guint i = 0; units[i] != NULL; i++)
        {
          double lo, hi, value = 0;

          gtw_lab_si_range (kind, &lo, &hi);
          g_assert_cmpfloat_with_epsilon (
              gtw_lab_to_si (kind, units[i], gtw_lab_from_si (kind, units[i], lo)), lo, 1e-9);
          g_assert_true (gtw_lab_parse_value (kind, units[i], gtw_lab_from_si (kind, units[i], hi),
                                              &value, NULL));
          g_assert_cmpfloat_with_epsilon (value, hi, 1e-9 * hi);
        }
    }
}

static void
test_load_sorted_si (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtwScenario) scenario = NULL;
  g_autoptr(GtwScenario) copy = NULL;
  g_autoptr(GtwScenario) baseline = NULL;
  const GtwLab *lab;

  scenario = load ("[ { \"day\": 365, \"test\": \"hba1c\", \"value\": 48, \"unit\": \"mmol/mol\" },"
                   "  { \"day\": 0, \"test\": \"fasting_glucose\", \"value\": 110, \"unit\": \"mg/dL\" },"
                   "  { \"day\": 0, \"test\": \"fasting_insulin\", \"value\": 12, \"unit\": \"µU/mL\" },"
                   "  { \"day\": 90, \"test\": \"tg\", \"value\": 2.1, \"unit\": \"mmol/L\" } ]",
                   &error);
  g_assert_no_error (error);
  g_assert_nonnull (scenario->labs);
  g_assert_cmpuint (scenario->labs->len, ==, 4);

  /* by day, entry order kept within a day, in SI */
  lab = &g_array_index (scenario->labs, GtwLab, 0);
  g_assert_cmpint (lab->day, ==, 0);
  g_assert_cmpint (lab->kind, ==, GTW_LAB_FASTING_GLUCOSE);
  g_assert_cmpfloat_with_epsilon (lab->value, 110 / 18.0, 1e-12);
  lab = &g_array_index (scenario->labs, GtwLab, 1);
  g_assert_cmpint (lab->kind, ==, GTW_LAB_FASTING_INSULIN);
  g_assert_cmpfloat_with_epsilon (lab->value, 72, 1e-12);
  lab = &g_array_index (scenario->labs, GtwLab, 2);
  g_assert_cmpint (lab->day, ==, 90);
  lab = &g_array_index (scenario->labs, GtwLab, 3);
  g_assert_cmpint (lab->day, ==, 365);
  g_assert_cmpint (lab->kind, ==, GTW_LAB_HBA1C);

  /* copies, baselines included, keep the labs, in their own array */
  copy = gtw_scenario_copy (scenario);
  baseline = gtw_scenario_copy_baseline (scenario);
  g_assert_true (copy->labs != scenario->labs);
  g_assert_cmpuint (copy->labs->len, ==, 4);
  g_assert_cmpuint (baseline->labs->len, ==, 4);
  g_assert_cmpmem (copy->labs->data, 4 * sizeof (GtwLab), scenario->labs->data,
                   4 * sizeof (GtwLab));
}

static void
test_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtwScenario) scenario = NULL;
  g_autoptr(GtwScenario) again = NULL;
  g_autoptr(GtwScenario) none = NULL;
  g_autofree char *data = NULL;
  g_autofree char *data_again = NULL;
  g_autofree char *data_none = NULL;

  scenario = load ("[ { \"day\": 0, \"test\": \"fasting_glucose\", \"value\": 101, \"unit\": \"mg/dL\" },"
                   "  { \"day\": 3, \"test\": \"fasting_cpeptide\", \"value\": 2.3, \"unit\": \"ng/mL\" },"
                   "  { \"day\": 700, \"test\": \"hdl\", \"value\": 39, \"unit\": \"mg/dL\" } ]",
                   &error);
  g_assert_no_error (error);

  data = gtw_scenario_to_data (scenario, NULL);
  g_assert_nonnull (strstr (data, "\"test\": \"fasting_cpeptide\""));
  g_assert_nonnull (strstr (data, "\"unit\": \"nmol/L\""));
  again = gtw_scenario_load_data (data, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->labs->len, ==, 3);
  g_assert_cmpmem (again->labs->data, 3 * sizeof (GtwLab), scenario->labs->data,
                   3 * sizeof (GtwLab));
  data_again = gtw_scenario_to_data (again, NULL);
  g_assert_cmpstr (data, ==, data_again);

  /* no labs: no key, and an empty array loads as none */
  none = load ("[]", &error);
  g_assert_no_error (error);
  g_assert_null (none->labs);
  data_none = gtw_scenario_to_data (none, NULL);
  g_assert_null (strstr (data_none, "labs"));
}

static void
test_strict (void)
{
  assert_invalid ("{}", "labs: must be an array");
  assert_invalid ("[ 3 ]", "labs[0]: must be an object");
  assert_invalid ("[ { \"day\": 0, \"test\": \"hba1c\", \"value\": 6, \"unit\": \"%\", \"lab\": 1 } ]",
                  "labs[0].lab: unknown key");
  assert_invalid ("[ { \"test\": \"hba1c\", \"value\": 6, \"unit\": \"%\" } ]", "labs[0].day: missing");
  assert_invalid ("[ { \"day\": 0, \"test\": \"hba1c\", \"value\": 6 } ]", "labs[0].unit: missing");
  assert_invalid ("[ { \"day\": 0, \"test\": \"hba1c\", \"value\": 6, \"unit\": \"%\" },"
                  "  { \"day\": 0, \"test\": \"ldl\", \"value\": 3, \"unit\": \"mmol/L\" } ]",
                  "labs[1].test: 'ldl' is not one of fasting_glucose, fasting_insulin");
  assert_invalid ("[ { \"day\": 0, \"test\": \"fasting_glucose\", \"value\": 6, \"unit\": \"mg\" } ]",
                  "labs[0].unit: 'mg' is not a unit for this test; use one of mmol/L, mg/dL");
  assert_invalid ("[ { \"day\": 0, \"test\": \"fasting_glucose\", \"value\": 95, \"unit\": \"mmol/L\" } ]",
                  "labs[0].value: 95 mmol/L is outside 1.0–35.0 mmol/L");
  assert_invalid ("[ { \"day\": 0, \"test\": \"fasting_glucose\", \"value\": 5, \"unit\": \"mg/dL\" } ]",
                  "labs[0].value: 5 mg/dL is outside 18–630 mg/dL");
  assert_invalid ("[ { \"day\": 0, \"test\": \"fasting_glucose\", \"value\": 17.6, \"unit\": \"mg/dL\" } ]",
                  "labs[0].value: 17.6 mg/dL is outside 18–630 mg/dL");
  assert_invalid ("[ { \"day\": 0, \"test\": \"fasting_glucose\", \"value\": \"5\", \"unit\": \"mmol/L\" } ]",
                  "labs[0].value: must be a number");
  assert_invalid ("[ { \"day\": 730, \"test\": \"fasting_glucose\", \"value\": 5, \"unit\": \"mmol/L\" } ]",
                  "labs[0].day: must be an integer between 0 and 729");
  assert_invalid ("[ { \"day\": 1.5, \"test\": \"fasting_glucose\", \"value\": 5, \"unit\": \"mmol/L\" } ]",
                  "labs[0].day: must be an integer between 0 and 729");
}

/* A known patient's day 0, entered as labs, gives that patient back. */
static GtwScenario *
scenario_with_day0_labs (double       si,
                         double       beta,
                         gboolean     cpeptide,
                         GtwDayRecord *out_record)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtwTrace) trace = NULL;
  GtwScenario *scenario = gtw_preset_load ("healthy", &error);
  GtwSimOptions options;
  GtwLab labs[2];

  g_assert_no_error (error);
  scenario->duration_days = 1;
  scenario->patient.v[GTW_P_SI_INTRINSIC] = si;
  scenario->patient.v[GTW_P_BETA_FUNCTION] = beta;
  gtw_sim_options_init (&options);
  options.with_interventions = FALSE;
  options.integrator = GTW_INTEGRATOR_REFERENCE;
  trace = gtw_simulate (scenario, &options, NULL, &error);
  g_assert_no_error (error);
  *out_record = *gtw_trace_get_day (trace, 0);

  labs[0] = (GtwLab) { 0, GTW_LAB_FASTING_GLUCOSE, out_record->fasting_glucose };
  labs[1] = cpeptide ? (GtwLab) { 2, GTW_LAB_FASTING_CPEPTIDE, out_record->fasting_cpeptide }
                     : (GtwLab) { 0, GTW_LAB_FASTING_INSULIN, out_record->fasting_insulin };
  scenario->labs = g_array_new (FALSE, FALSE, sizeof (GtwLab));
  g_array_append_vals (scenario->labs, labs, 2);

  /* the fit starts from the registry's reference patient */
  scenario->patient.v[GTW_P_SI_INTRINSIC] = 1.0;
  scenario->patient.v[GTW_P_BETA_FUNCTION] = 1.0;
  scenario->duration_days = 3650;
  return scenario;
}

static void
check_recovers (double   si,
                double   beta,
                gboolean cpeptide)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtwScenario) scenario = NULL;
  GtwDayRecord record;
  GtwFitReport report;
  GtwPatient fitted;

  scenario = scenario_with_day0_labs (si, beta, cpeptide, &record);
  g_assert_true (gtw_fit_patient_to_labs (scenario, &fitted, &report, &error));
  g_assert_no_error (error);

  g_assert_true (report.beta_fitted);
  g_assert_cmpuint (report.n_terms, ==, 2);
  g_assert_cmpint (report.terms[1].kind, ==,
                   cpeptide ? GTW_LAB_FASTING_CPEPTIDE : GTW_LAB_FASTING_INSULIN);
  g_assert_cmpfloat (report.si_before, ==, 1.0);
  g_assert_cmpfloat (report.beta_before, ==, 1.0);
  g_assert_cmpfloat_with_epsilon (report.si_after, si, 0.02 * si);
  g_assert_cmpfloat_with_epsilon (report.beta_after, beta, 0.02 * beta);
  g_assert_cmpfloat (fitted.v[GTW_P_SI_INTRINSIC], ==, report.si_after);
  g_assert_cmpfloat (fitted.v[GTW_P_BETA_FUNCTION], ==, report.beta_after);
  for (guint i = 0; i < report.n_terms; i++)
    g_assert_cmpfloat (fabs (report.terms[i].residual), <, 0.005);
  g_assert_cmpuint (report.n_evaluations, <=, 160);

  /* the reserve is the one that holds the known patient's beta-cell function */
  g_assert_true (report.at_rest);
  g_assert_cmpfloat (report.reserve_before, ==, 1.4);
  g_assert_cmpfloat (fitted.v[GTW_P_BETA_RESERVE], ==, report.reserve_after);
  g_assert_cmpfloat (fabs (report.reserve_after - 1.4), >, 0.05);

  /* nothing else of the patient moves */
  for (int id = 0; id < GTW_N_PATIENT_PARAMS; id++)
    if (id != GTW_P_SI_INTRINSIC && id != GTW_P_BETA_FUNCTION && id != GTW_P_BETA_RESERVE)
      g_assert_cmpfloat (fitted.v[id], ==, scenario->patient.v[id]);
}

static void
test_fit_recovers (void)
{
  check_recovers (0.45, 1.3, FALSE); /* insulin resistant, compensating */
  check_recovers (1.4, 0.7, TRUE);   /* sensitive, weak beta cells, by C-peptide */
}

static void
test_fit_glucose_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtwScenario) scenario = NULL;
  GtwDayRecord record;
  GtwFitReport report;
  GtwPatient fitted;

  scenario = scenario_with_day0_labs (0.6, 1.0, FALSE, &record);
  g_array_set_size (scenario->labs, 1);
  g_assert_true (gtw_fit_patient_to_labs (scenario, &fitted, &report, &error));
  g_assert_no_error (error);
  g_assert_false (report.beta_fitted);
  g_assert_cmpuint (report.n_terms, ==, 1);
  g_assert_cmpfloat (fitted.v[GTW_P_BETA_FUNCTION], ==, 1.0);
  g_assert_cmpfloat_with_epsilon (fitted.v[GTW_P_SI_INTRINSIC], 0.6, 0.02);
}

/* The run without interventions of @scenario with @patient, as the app runs it. */
static GtwTrace *
run_baseline (const GtwScenario *scenario,
              const GtwPatient  *patient,
              int                days)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtwScenario) run = gtw_scenario_copy_baseline (scenario);
  GtwSimOptions options;
  GtwTrace *trace;

  run->patient = *patient;
  run->duration_days = days;
  gtw_sim_options_init (&options);
  options.with_interventions = FALSE;
  trace = gtw_simulate (run, &options, NULL, &error);
  g_assert_no_error (error);
  return trace;
}

/* The fitted value of @kind on @day, relative to the lab: (value - lab) / lab */
static double
deviation (const GtwTrace *trace,
           int             day,
           GtwLabKind      kind,
           double          lab)
{
  return (gtw_lab_record_value (kind, gtw_trace_get_day (trace, day)) - lab) / lab;
}

typedef struct
{
  const char *preset;
  double      glucose;
  GtwLabKind  second;      /* fasting insulin or C-peptide */
  double      second_value;
  gboolean    at_rest;
  double      glucose_drift; /* the largest |deviation| on days 0, 30 and 90 */
  double      second_drift;
} RestCase;

/* Labs at day 0 on a preset: the fit matches them on day 0 and, where a reserve in its range
 * holds beta-cell function, the run without interventions stays on them for three months. */
static GtwFitReport
check_rest (const RestCase *c)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtwScenario) scenario = gtw_preset_load (c->preset, &error);
  g_autoptr(GtwTrace) trace = NULL;
  GtwLab labs[2] = { { 0, GTW_LAB_FASTING_GLUCOSE, c->glucose }, { 0, c->second, c->second_value } };
  GtwFitReport report;
  GtwPatient fitted;
  gint64 start;

  g_assert_no_error (error);
  scenario->labs = g_array_new (FALSE, FALSE, sizeof (GtwLab));
  g_array_append_vals (scenario->labs, labs, 2);

  start = g_get_monotonic_time ();
  g_assert_true (gtw_fit_patient_to_labs (scenario, &fitted, &report, &error));
  g_assert_no_error (error);
  g_test_message ("%s %.1f/%g: Si %.3f, beta-cell function %.3f, reserve %.3f%s, %u runs, %.2f s",
                  c->preset, c->glucose, c->second_value, report.si_after, report.beta_after,
                  report.reserve_after, report.at_rest ? "" : " (nearest)", report.n_evaluations,
                  (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpint (report.at_rest, ==, c->at_rest);
  for (int id = 0; id < GTW_N_PATIENT_PARAMS; id++)
    {
      const GtwParamInfo *info = gtw_registry_get (id);

      g_assert_cmpfloat (fitted.v[id], >=, info->min);
      g_assert_cmpfloat (fitted.v[id], <=, info->max);
    }
  g_assert_cmpfloat (fitted.v[GTW_P_BETA_RESERVE], ==, report.reserve_after);

  trace = run_baseline (scenario, &fitted, 91);
  /* day 0 within the fit's tolerances, and the first three months close to it */
  g_assert_cmpfloat (fabs (deviation (trace, 0, GTW_LAB_FASTING_GLUCOSE, c->glucose)), <=, 0.03);
  g_assert_cmpfloat (fabs (deviation (trace, 0, c->second, c->second_value)), <=, 0.10);
  for (int day = 0; day <= 90; day += 30)
    {
      double dg = deviation (trace, day, GTW_LAB_FASTING_GLUCOSE, c->glucose);
      double ds = deviation (trace, day, c->second, c->second_value);

      g_test_message ("  day %d: glucose %+.1f %%, %s %+.1f %%", day, 100 * dg,
                      gtw_lab_kind_to_string (c->second), 100 * ds);
      g_assert_cmpfloat (fabs (dg), <=, c->glucose_drift);
      g_assert_cmpfloat (fabs (ds), <=, c->second_drift);
    }
  return report;
}

static void
test_fit_at_rest (void)
{
  /* The audit's case: on compensated-ir these labs gave beta-cell function 0.15 with the
   * preset's reserve; sigma rose towards 0.4, insulin by 10 % in three months, and the story
   * said "back to normal" after two months without any treatment. */
  static const RestCase audit = { "compensated-ir", 5.6, GTW_LAB_FASTING_INSULIN, 110, TRUE,
                                  0.01, 0.03 };
  static const RestCase healthy = { "healthy", 5.0, GTW_LAB_FASTING_INSULIN, 40, TRUE, 0.01, 0.03 };
  /* Prediabetic labs on the same woman: glucose at 6.3 mmol/L takes sigma's target near its
   * floor (the capacity that lasting hyperglycaemia leaves), and a reserve in the range still
   * holds her there. */
  static const RestCase prediabetic = { "compensated-ir", 6.3, GTW_LAB_FASTING_INSULIN, 90, TRUE,
                                        0.03, 0.06 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GtwScenario) scenario = gtw_preset_load ("compensated-ir", &error);
  g_autoptr(GtwTrace) trace = NULL;
  g_autoptr(GPtrArray) story = NULL;
  GtwFitReport report;
  GtwLab labs[2] = { { 0, GTW_LAB_FASTING_GLUCOSE, 5.6 }, { 0, GTW_LAB_FASTING_INSULIN, 110 } };
  GtwPatient fitted;

  report = check_rest (&audit);
  g_assert_cmpfloat (report.beta_after, <, 0.3);
  g_assert_cmpfloat (report.reserve_after, <, 1.0);
  check_rest (&healthy);
  report = check_rest (&prediabetic);
  g_assert_cmpfloat (report.reserve_after, <, gtw_registry_get (GTW_P_BETA_RESERVE)->max);

  /* no turn of the story in the audit's first half year comes from the fit */
  g_assert_no_error (error);
  scenario->labs = g_array_new (FALSE, FALSE, sizeof (GtwLab));
  g_array_append_vals (scenario->labs, labs, 2);
  g_assert_true (gtw_fit_patient_to_labs (scenario, &fitted, NULL, &error));
  trace = run_baseline (scenario, &fitted, 183);
  story = gtw_story_compute (trace, NULL);
  for (guint i = 0; i < story->len; i++)
    {
      const GtwStoryMarker *marker = g_ptr_array_index (story, i);

      g_test_message ("marker %s on day %d", gtw_story_kind_to_string (marker->kind), marker->day);
    }
  g_assert_cmpuint (story->len, ==, 0);
}

/* Diabetic labs: glucotoxicity takes sigma's target to its floor, so no reserve holds it. The
 * fit matches day 0 with the largest reserve and says so; what follows is the disease's course:
 * C-peptide falls no faster than the secretory capacity relaxes to its floor (tau_sigma), and
 * fasting glucose rises with it (+4.5 % by day 90; it was +4 % at most while the preset's 18 %
 * of liver fat still fell towards 8 % in its first month: docs/model.md section 3, item 18). */
static void
test_fit_diabetic (void)
{
  static const RestCase diabetic = { "early-t2d", 8.5, GTW_LAB_FASTING_CPEPTIDE, 0.6, FALSE,
                                     0.06, 0.20 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GtwScenario) scenario = gtw_preset_load ("early-t2d", &error);
  g_autoptr(GtwTrace) fitted_trace = NULL;
  g_autoptr(GtwTrace) preset_trace = NULL;
  GtwLab labs[2] = { { 0, GTW_LAB_FASTING_GLUCOSE, 8.5 }, { 0, GTW_LAB_FASTING_CPEPTIDE, 0.6 } };
  GtwFitReport report;
  GtwPatient fitted;
  double fitted_fall, preset_fall, sigma_fall;

  report = check_rest (&diabetic);
  g_assert_cmpfloat (report.reserve_after, ==, gtw_registry_get (GTW_P_BETA_RESERVE)->max);

  g_assert_no_error (error);
  scenario->labs = g_array_new (FALSE, FALSE, sizeof (GtwLab));
  g_array_append_vals (scenario->labs, labs, 2);
  g_assert_true (gtw_fit_patient_to_labs (scenario, &fitted, NULL, &error));
  fitted_trace = run_baseline (scenario, &fitted, 91);
  preset_trace = run_baseline (scenario, &scenario->patient, 91);
  fitted_fall = 1 - gtw_trace_get_day (fitted_trace, 90)->fasting_cpeptide
                    / gtw_trace_get_day (fitted_trace, 0)->fasting_cpeptide;
  preset_fall = 1 - gtw_trace_get_day (preset_trace, 90)->fasting_cpeptide
                    / gtw_trace_get_day (preset_trace, 0)->fasting_cpeptide;
  sigma_fall = (1 - GTW_K (SIGMA_FLOOR) / fitted.v[GTW_P_BETA_FUNCTION])
               * (1 - exp (-90 * 1440.0 / GTW_K (TAU_SIGMA)));
  g_test_message ("C-peptide falls by %.1f %% in 90 days, the preset's by %.1f %%; "
                  "secretory capacity relaxing to its floor: %.1f %%",
                  100 * fitted_fall, 100 * preset_fall, 100 * sigma_fall);
  g_assert_cmpfloat (fitted_fall, <=, sigma_fall + 0.03);
  g_assert_cmpfloat (preset_fall, <=, fitted_fall);
}

static void
test_fit_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtwScenario) scenario = gtw_preset_load ("healthy", &error);
  GtwLab low = { 0, GTW_LAB_FASTING_GLUCOSE, 2.1 };
  GtwLab late = { 200, GTW_LAB_FASTING_GLUCOSE, 5.0 };
  GtwLab insulin = { 0, GTW_LAB_FASTING_INSULIN, 60 };
  GtwPatient fitted, untouched;
  GtwFitReport report;

  g_assert_no_error (error);
  memset (&untouched, 0x5a, sizeof untouched);
  fitted = untouched;

  /* none at all, then only one long after the start */
  g_assert_false (gtw_fit_patient_to_labs (scenario, &fitted, &report, &error));
  g_assert_error (error, GTW_FIT_ERROR, GTW_FIT_ERROR_NO_GLUCOSE);
  g_clear_error (&error);
  scenario->labs = g_array_new (FALSE, FALSE, sizeof (GtwLab));
  g_array_append_val (scenario->labs, insulin);
  g_array_append_val (scenario->labs, late);
  g_assert_false (gtw_fit_patient_to_labs (scenario, &fitted, &report, &error));
  g_assert_error (error, GTW_FIT_ERROR, GTW_FIT_ERROR_NO_GLUCOSE);
  g_clear_error (&error);

  /* a glucose no patient in the ranges has: the message gives the closest */
  g_array_insert_val (scenario->labs, 0, low);
  g_assert_false (gtw_fit_patient_to_labs (scenario, &fitted, &report, &error));
  g_assert_error (error, GTW_FIT_ERROR, GTW_FIT_ERROR_UNREACHABLE);
  g_assert_true (g_str_has_prefix (error->message,
                                   "Fasting glucose 2.1 mmol/L cannot be matched within the "
                                   "model's ranges: the closest is "));
  g_assert_cmpmem (&fitted, sizeof fitted, &untouched, sizeof untouched);
  g_assert_cmpint (report.terms[0].kind, ==, GTW_LAB_FASTING_GLUCOSE);
  g_assert_cmpfloat (report.terms[0].achieved, >, 3.0);
  g_assert_cmpfloat (report.terms[0].residual, >, 0.4);
  g_clear_error (&error);

  /* a low glucose with a very high insulin: no patient shows both */
  g_array_set_size (scenario->labs, 0);
  low.value = 4.0;
  insulin.value = 400;
  g_array_append_val (scenario->labs, low);
  g_array_append_val (scenario->labs, insulin);
  g_assert_false (gtw_fit_patient_to_labs (scenario, &fitted, &report, &error));
  g_assert_error (error, GTW_FIT_ERROR, GTW_FIT_ERROR_UNREACHABLE);
  g_assert_true (strstr (error->message, "cannot be matched within the model's ranges") != NULL);
  g_assert_cmpmem (&fitted, sizeof fitted, &untouched, sizeof untouched);
  g_assert_cmpfloat (fabs (report.terms[0].residual) > report.terms[0].tolerance
                     || fabs (report.terms[1].residual) > report.terms[1].tolerance, ==, TRUE);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/labs/units", test_units);
  g_test_add_func ("/labs/load-sorted-si", test_load_sorted_si);
  g_test_add_func ("/labs/round-trip", test_round_trip);
  g_test_add_func ("/labs/strict", test_strict);
  g_test_add_func ("/labs/fit-recovers", test_fit_recovers);
  g_test_add_func ("/labs/fit-glucose-only", test_fit_glucose_only);
  g_test_add_func ("/labs/fit-at-rest", test_fit_at_rest);
  g_test_add_func ("/labs/fit-diabetic", test_fit_diabetic);
  g_test_add_func ("/labs/fit-errors", test_fit_errors);
  return g_test_run ();
}
