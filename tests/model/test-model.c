/* test-model.c: unit tests of the engine's modules
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include <gtw-model.h>
#include "gtw-test-util.h"
#include "gtw-model-private.h"



static void
test_registry (void)
{
  g_autoptr (GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < GTW_N_PARAMS; i++)
    {
      const GtwParamInfo *info = gtw_registry_get ((GtwParamId) i);
      GtwParamId found;

      g_assert_nonnull (info->id);
      g_assert_false (g_hash_table_contains (ids, info->id));
      g_hash_table_add (ids, (gpointer) info->id);
      g_assert_cmpfloat (info->min, <=, info->def);
      g_assert_cmpfloat (info->def, <=, info->max);
      g_assert_true (info->source && *info->source);
      g_assert_true (info->label && *info->label);
      g_assert_true (info->explanation && *info->explanation);
      g_assert_true (gtw_registry_lookup (info->id, &found) == info);
      g_assert_cmpint (found, ==, i);
      g_assert_cmpint (gtw_param_is_patient (found), ==, i < GTW_N_PATIENT_PARAMS);
      g_assert_true (gtw_param_check_value (info, info->def, NULL));
      g_assert_false (gtw_param_check_value (info, info->max + 1, NULL));
      g_assert_false (gtw_param_check_value (info, NAN, NULL));
      if (info->kind == GTW_PARAM_CHOICE)
        g_assert_nonnull (info->choices);
    }
  g_assert_cmpint (gtw_param_choice_index (gtw_registry_get (GTW_P_SEX), "female"), ==, GTW_SEX_FEMALE);
  g_assert_cmpint (gtw_param_choice_index (gtw_registry_get (GTW_P_SEX), "other"), ==, -1);
  g_assert_null (gtw_registry_lookup ("no_such_parameter", NULL));
}

static void
test_units (void)
{
  g_assert_cmpfloat_with_epsilon (gtw_glucose_mmol_to_mgdl (5.0), 90.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (gtw_insulin_uu_to_pmol (10.0), 60.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (gtw_cpeptide_nmol_to_ngml (0.331), 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (gtw_cpeptide_pmol_to_nmol (476.0), 0.476, 1e-12);
  /* Ha & Sherman's reference Si, 0.8 mL/µU/day, is a Bergman SI of 5.6 x 10^-4 min^-1 per µU/mL */
  g_assert_cmpfloat_with_epsilon (gtw_si_to_bergman (0.8), 5.556, 1e-3);
  g_assert_cmpfloat_with_epsilon (gtw_hba1c_percent_to_mmolmol (6.5), 47.5, 0.1);
  g_assert_cmpfloat_with_epsilon (gtw_glucose_convert (5.0, GTW_GLUCOSE_MMOL), 5.0, 1e-12);
  /* HOMA (Matthews 1985): FPI 10 µU/mL, FPG 5 mmol/L */
  g_assert_cmpfloat_with_epsilon (gtw_homa_ir (5.0, 60.0), 10.0 * 5.0 / 22.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (gtw_homa_b (5.0, 60.0), 20.0 * 10.0 / 1.5, 1e-12);
  /* ADAG: HbA1c 7 % is eAG 154 mg/dL */
  g_assert_cmpfloat_with_epsilon (gtw_hba1c_from_mean_glucose (154.2), 7.0, 0.01);
}

static void
test_stage (void)
{
  g_assert_cmpint (gtw_stage_classify (4.8, 5.2, 1.0, 40), ==, GTW_STAGE_NORMAL);
  g_assert_cmpint (gtw_stage_classify (5.2, 5.3, 3.0, 80), ==, GTW_STAGE_COMPENSATED_IR);
  g_assert_cmpint (gtw_stage_classify (5.2, 5.3, 1.5, 100), ==, GTW_STAGE_COMPENSATED_IR);
  g_assert_cmpint (gtw_stage_classify (5.7, 5.3, 1.5, 40), ==, GTW_STAGE_PREDIABETES);
  g_assert_cmpint (gtw_stage_classify (5.0, 5.8, 1.5, 40), ==, GTW_STAGE_PREDIABETES);
  g_assert_cmpint (gtw_stage_classify (7.0, 5.3, 1.5, 40), ==, GTW_STAGE_DIABETES);
  g_assert_cmpint (gtw_stage_classify (5.0, 6.5, 1.5, 40), ==, GTW_STAGE_DIABETES);
  g_assert_cmpstr (gtw_stage_to_string (GTW_STAGE_COMPENSATED_IR), ==, "compensated_ir");

  /* As shown: 6.97 mmol/L reads "7.0" (diabetes) and "125 mg/dL" (prediabetes). */
  g_assert_cmpint (gtw_stage_classify (6.97, 5.3, 1.5, 40), ==, GTW_STAGE_PREDIABETES);
  g_assert_cmpint (gtw_stage_classify_as_shown (6.97, 5.3, 1.5, 40, GTW_GLUCOSE_MMOL, GTW_HBA1C_PERCENT),
                   ==, GTW_STAGE_DIABETES);
  g_assert_cmpint (gtw_stage_classify_as_shown (6.94, 5.3, 1.5, 40, GTW_GLUCOSE_MMOL, GTW_HBA1C_PERCENT),
                   ==, GTW_STAGE_PREDIABETES);
  g_assert_cmpint (gtw_stage_classify_as_shown (125.4 / GTW_MGDL_PER_MMOLL, 5.3, 1.5, 40, GTW_GLUCOSE_MGDL,
                                                GTW_HBA1C_PERCENT), ==, GTW_STAGE_PREDIABETES);
  g_assert_cmpint (gtw_stage_classify_as_shown (125.6 / GTW_MGDL_PER_MMOLL, 5.3, 1.5, 40, GTW_GLUCOSE_MGDL,
                                                GTW_HBA1C_PERCENT), ==, GTW_STAGE_DIABETES);
  /* 99.6 mg/dL reads "100": impaired, though 5.53 mmol/L reads "5.5" */
  g_assert_cmpint (gtw_stage_classify_as_shown (99.6 / GTW_MGDL_PER_MMOLL, 5.3, 1.5, 40, GTW_GLUCOSE_MGDL,
                                                GTW_HBA1C_PERCENT), ==, GTW_STAGE_PREDIABETES);
  g_assert_cmpint (gtw_stage_classify_as_shown (99.6 / GTW_MGDL_PER_MMOLL, 5.3, 1.5, 40, GTW_GLUCOSE_MMOL,
                                                GTW_HBA1C_PERCENT), ==, GTW_STAGE_NORMAL);
  /* HbA1c 6.46 % reads "6.5" (diabetes) and 47 mmol/mol (prediabetes: 39-47) */
  g_assert_cmpint (gtw_stage_classify_as_shown (5.0, 6.46, 1.5, 40, GTW_GLUCOSE_MMOL, GTW_HBA1C_PERCENT),
                   ==, GTW_STAGE_DIABETES);
  g_assert_cmpint (gtw_stage_classify_as_shown (5.0, 6.46, 1.5, 40, GTW_GLUCOSE_MMOL, GTW_HBA1C_MMOLMOL),
                   ==, GTW_STAGE_PREDIABETES);
  /* HOMA-IR 2.54 reads "2.5", not above 2.5 */
  g_assert_cmpint (gtw_stage_classify_as_shown (5.0, 5.3, 2.54, 40, GTW_GLUCOSE_MMOL, GTW_HBA1C_PERCENT),
                   ==, GTW_STAGE_NORMAL);
  g_assert_cmpint (gtw_stage_classify_as_shown (5.0, 5.3, 2.56, 40, GTW_GLUCOSE_MMOL, GTW_HBA1C_PERCENT),
                   ==, GTW_STAGE_COMPENSATED_IR);
}

/* The worked example of model reference 2.4 (Van Cauter 1992): 50-year-old man, BSA 2.0. */
static void
test_cpeptide_kinetics (void)
{
  GtwPatient pt;
  GtwPatientConstants pc;

  gtw_patient_init_defaults (&pt);
  pt.v[GTW_P_AGE] = 50;
  pt.v[GTW_P_HEIGHT] = 180;
  pt.v[GTW_P_WEIGHT] = 84.4; /* Du Bois BSA 2.04, BMI 26 */
  gtw_mechanism_prepare (&pt, &pc);
  g_assert_cmpfloat_with_epsilon (pc.cp_k12, 0.048, 0.002);
  g_assert_cmpfloat_with_epsilon (pc.cp_k01, 0.056, 0.002);
  g_assert_cmpfloat_with_epsilon (pc.cp_k21, 0.055, 0.002);
  /* V = 1.92 BSA + 0.64 L: the worked example's 4.48 L at a BSA of 2.0, 4.56 at this one's */
  g_assert_cmpfloat_with_epsilon (pc.cp_v, 4.48 + 1.92 * (gtw_patient_bsa (&pt) - 2.0), 1e-9);
  g_assert_cmpfloat_with_epsilon (gtw_patient_bsa (&pt), 2.04, 0.01);
}

/* The solver's exact C-peptide (outside CVODE) against an independent fine integration of the
 * same two compartments, driven by the day's recorded secretion: a day with three meals, from
 * 06:00 (C2 is started at its equilibrium at midnight; six hours later its start no longer
 * shows). */
static void
cpeptide_rhs (const GtwPatientConstants *pc, const double *c, double isr, double *dc)
{
  dc[0] = -(pc->cp_k01 + pc->cp_k21) * c[0] + pc->cp_k12 * c[1] + isr / pc->cp_v;
  dc[1] = pc->cp_k21 * c[0] - pc->cp_k12 * c[1];
}

static void
test_cpeptide_exact (void)
{
  g_autoptr (GtwScenario) s = gtw_test_preset ("prediabetes-igt", 2);
  g_autoptr (GtwTrace) t = gtw_test_run (s);
  g_autoptr (GError) error = NULL;
  g_autoptr (GtwDayDetail) day = gtw_trace_simulate_day (t, 1, &error);
  const GtwMinuteRecord *m;
  GtwPatientConstants pc;
  double c[2], worst = 0;

  g_assert_no_error (error);
  gtw_mechanism_prepare (&s->patient, &pc);
  m = &g_array_index (day->minutes, GtwMinuteRecord, 0);
  c[0] = m[0].cpeptide * 1000.0;
  c[1] = c[0] * pc.cp_k21 / pc.cp_k12;
  for (guint i = 0; i + 1 < day->minutes->len; i++)
    {
      const int n = 20;
      const double h = (m[i + 1].minute - m[i].minute) / (double) n;

      /* RK4 with the secretion linear within the minute */
      for (int k = 0; k < n; k++)
        {
          double f0 = m[i].isr + (m[i + 1].isr - m[i].isr) * k / n;
          double f1 = m[i].isr + (m[i + 1].isr - m[i].isr) * (k + 0.5) / n;
          double f2 = m[i].isr + (m[i + 1].isr - m[i].isr) * (k + 1.0) / n;
          double k1[2], k2[2], k3[2], k4[2], w[2];

          cpeptide_rhs (&pc, c, f0, k1);
          for (int j = 0; j < 2; j++)
            w[j] = c[j] + 0.5 * h * k1[j];
          cpeptide_rhs (&pc, w, f1, k2);
          for (int j = 0; j < 2; j++)
            w[j] = c[j] + 0.5 * h * k2[j];
          cpeptide_rhs (&pc, w, f1, k3);
          for (int j = 0; j < 2; j++)
            w[j] = c[j] + h * k3[j];
          cpeptide_rhs (&pc, w, f2, k4);
          for (int j = 0; j < 2; j++)
            c[j] += h / 6.0 * (k1[j] + 2 * k2[j] + 2 * k3[j] + k4[j]);
        }
      if (m[i + 1].minute >= 360)
        worst = MAX (worst, fabs (m[i + 1].cpeptide * 1000.0 / c[0] - 1.0));
    }
  g_test_message ("C-peptide against RK4 from 06:00: %.2e at most", worst);
  g_assert_cmpfloat (worst, <, 1e-3);
}

/* Day 0 is at rest: the published healthy fixed point, and no drift between days 0 and 1. */
static void
test_steady_state (void)
{
  g_autoptr (GtwScenario) s = gtw_test_preset ("healthy", 3);
  g_autoptr (GtwTrace) t = gtw_test_run (s);
  const GtwDayRecord *d0 = gtw_trace_get_day (t, 0), *d2 = gtw_trace_get_day (t, 2);

  /* Ha & Sherman 2020 healthy state: G 78.59 mg/dL, I 5.638 µU/mL */
  g_assert_cmpfloat_with_epsilon (d0->fasting_glucose * 18.0, 78.6, 1.0);
  g_assert_cmpfloat_with_epsilon (d0->fasting_insulin / 6.0, 5.64, 0.3);
  g_assert_cmpfloat_with_epsilon (d2->fasting_glucose, d0->fasting_glucose, 0.01);
  g_assert_cmpfloat_with_epsilon (d2->fasting_insulin, d0->fasting_insulin, 0.5);
  g_assert_cmpfloat_with_epsilon (d2->beta_cell_mass_rel, 1.0, 1e-3);
}

/* The liver fat entered is the patient's own level (docs/model.md section 3, item 18): an
 * untreated patient in energy balance keeps it, whatever his drivers' average level would be,
 * and what lowers it still lowers it. */
static void
test_liver_fat_at_rest (void)
{
  static const struct
  {
    const char *preset;
    double      liver_fat; /* 0: the preset's */
  } cases[] = {
    { "early-t2d", 0 }, { "prediabetes-ifg", 0 }, { "prediabetes-igt", 0 }, { "pcos", 0 },
    { "healthy", 0 },   { "healthy", 12 },        { "healthy", 0.8 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GtwScenario) s = gtw_test_preset (cases[i].preset, 61);
      g_autoptr (GtwScenario) treated = NULL;
      g_autoptr (GtwTrace) t = NULL, tt = NULL;
      GtwIntervention iv;
      double entered;

      if (cases[i].liver_fat > 0)
        s->patient.v[GTW_P_LIVER_FAT] = cases[i].liver_fat;
      entered = s->patient.v[GTW_P_LIVER_FAT];
      t = gtw_test_run (s);
      g_test_message ("%s at %.1f %%: day 0 %.2f, day 60 %.2f", cases[i].preset, entered,
                      gtw_trace_get_day (t, 0)->liver_fat, gtw_trace_get_day (t, 60)->liver_fat);
      g_assert_cmpfloat_with_epsilon (gtw_trace_get_day (t, 0)->liver_fat, entered, 0.02 * entered);
      g_assert_cmpfloat_with_epsilon (gtw_trace_get_day (t, 60)->liver_fat, entered, 0.03 * entered);

      treated = gtw_scenario_copy (s);
      gtw_intervention_init (&iv, GTW_IV_CARB_REDUCTION, 0);
      g_array_append_val (treated->interventions, iv);
      tt = gtw_test_run (treated);
      g_assert_cmpfloat (gtw_trace_get_day (tt, 60)->liver_fat, <, 0.97 * gtw_trace_get_day (t, 60)->liver_fat);
    }
}

/* Presets loaded from several threads at once, first thing in a fresh process: the first
 * lookup registers the process's static resources, and a thread that came meanwhile got a NULL
 * resource and crashed (src/model/gtw-presets.c). Each round is a new process. */
#define PRESET_THREADS 8

static gpointer
load_presets (gpointer data)
{
  const char *const *ids = gtw_preset_ids ();

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GtwScenario) s = gtw_preset_load (ids[i], &error);

      g_assert_no_error (error);
      g_assert_nonnull (s);
    }
  return NULL;
}

static void
test_presets_from_threads (void)
{
  if (g_test_subprocess ())
    {
      GThread *threads[PRESET_THREADS];

      for (guint i = 0; i < PRESET_THREADS; i++)
        threads[i] = g_thread_new ("preset", load_presets, NULL);
      for (guint i = 0; i < PRESET_THREADS; i++)
        g_thread_join (threads[i]);
      return;
    }
  for (guint round = 0; round < 20; round++)
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
    }
}

static void
test_determinism (void)
{
  g_autoptr (GtwScenario) s = gtw_test_preset ("progressor", 60);
  g_autoptr (GtwTrace) a = NULL, b = NULL;
  GtwIntervention iv;

  gtw_intervention_init (&iv, GTW_IV_EXERCISE, 10);
  g_array_append_val (s->interventions, iv);
  a = gtw_test_run (s);
  b = gtw_test_run (s);
  for (guint d = 0; d < 60; d++)
    g_assert_cmpmem (gtw_trace_get_day (a, d), sizeof (GtwDayRecord), gtw_trace_get_day (b, d), sizeof (GtwDayRecord));
}

static void
cancel_on_chunk (GtwTrace *trace, guint first, guint n, gpointer data)
{
  g_cancellable_cancel (data);
}

static void
count_chunks (GtwTrace *trace, guint first, guint n, gpointer data)
{
  guint *expected_first = data;
  g_assert_cmpuint (first, ==, *expected_first);
  g_assert_cmpuint (gtw_trace_get_n_days (trace), >=, first + n);
  *expected_first = first + n;
}

static void
test_cancel_and_chunks (void)
{
  g_autoptr (GtwScenario) s = gtw_test_preset ("healthy", 100);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GtwTrace) t = NULL;
  GtwSimOptions opt;
  guint next = 0;

  gtw_sim_options_init (&opt);
  opt.chunk_days = 10;
  opt.chunk_func = cancel_on_chunk;
  opt.chunk_data = cancellable;
  t = gtw_simulate (s, &opt, cancellable, &error);
  g_assert_null (t);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  opt.chunk_func = count_chunks;
  opt.chunk_data = &next;
  t = gtw_simulate (s, &opt, NULL, NULL);
  g_assert_nonnull (t);
  g_assert_cmpuint (next, ==, 100);
}

/* A failure of the integrator is an error naming the day and the reason, with both integrators,
 * in a run and in a day replayed later; never an abort. GLUCOTWIN_SOLVER_MAX_STEPS lowers the
 * steps allowed between two stops until it fails (read as each solver is made). */
static void
test_solver_failure (void)
{
  g_autoptr (GtwScenario) s = gtw_test_preset ("healthy", 30);
  g_autoptr (GtwTrace) t = gtw_test_run (s);
  static const GtwIntegrator integrators[] = { GTW_INTEGRATOR_FAST, GTW_INTEGRATOR_REFERENCE };

  g_setenv ("GLUCOTWIN_SOLVER_MAX_STEPS", "5", TRUE);
  for (guint k = 0; k < G_N_ELEMENTS (integrators); k++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GtwTrace) failed = NULL;
      GtwSimOptions opt;

      gtw_sim_options_init (&opt);
      opt.integrator = integrators[k];
      failed = gtw_simulate (s, &opt, NULL, &error);
      g_assert_null (failed);
      g_assert_error (error, GTW_SIM_ERROR, GTW_SIM_ERROR_SOLVER);
      g_assert_true (g_str_has_prefix (error->message, "Day 0: the integrator failed at minute "));
      g_assert_nonnull (strstr (error->message, "more than 5 steps"));
    }
  {
    g_autoptr (GError) error = NULL;

    g_assert_null (gtw_trace_simulate_day (t, 15, &error));
    g_assert_error (error, GTW_SIM_ERROR, GTW_SIM_ERROR_SOLVER);
    g_assert_true (g_str_has_prefix (error->message, "Day 15: "));
  }
  g_unsetenv ("GLUCOTWIN_SOLVER_MAX_STEPS");
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (GtwDayDetail) dd = gtw_trace_simulate_day (t, 15, &error);

    g_assert_no_error (error);
    g_assert_nonnull (dd);
  }
}

/* A day replayed at minute detail from its checkpoint gives the trace's own fasting value. */
static void
test_day_replay (void)
{
  g_autoptr (GtwScenario) s = gtw_test_preset ("compensated-ir", 20);
  g_autoptr (GtwTrace) t = gtw_test_run (s);
  g_autoptr (GError) error = NULL;
  g_autoptr (GtwDayDetail) dd = gtw_trace_simulate_day (t, 15, &error);
  int fasting = (int) lround (s->patient.v[GTW_P_BREAKFAST_TIME] * 60);
  GtwMarkers m;

  g_assert_no_error (error);
  g_assert_cmpuint (dd->minutes->len, ==, 1440);
  g_assert_cmpfloat_with_epsilon (g_array_index (dd->minutes, GtwMinuteRecord, fasting).glucose,
                                  gtw_trace_get_day (t, 15)->fasting_glucose, 1e-3);
  g_assert_null (gtw_trace_simulate_day (t, 20, &error));
  g_assert_error (error, GTW_SIM_ERROR, GTW_SIM_ERROR_DAY);
  g_assert_true (gtw_trace_markers (t, 15, &m, NULL));
  g_assert_cmpfloat (m.fasting_glucose, ==, gtw_trace_get_day (t, 15)->fasting_glucose);
  g_assert_true (isnan (m.shbg) == !gtw_patient_is_female (&s->patient));
}

/* Each intervention type moves the cascade in its documented direction. */
static void
test_intervention_directions (void)
{
  for (guint type = 0; type < GTW_N_IV_TYPES; type++)
    {
      g_autoptr (GtwScenario) s = gtw_test_preset ("compensated-ir", 120);
      g_autoptr (GtwScenario) base = NULL;
      g_autoptr (GtwTrace) t = NULL, b = NULL;
      const GtwDayRecord *rt, *rb;
      GtwIntervention iv;

      s->patient.v[GTW_P_MAGNESIUM] = 0.4;
      s->patient.v[GTW_P_CHROMIUM] = 0.4;
      gtw_intervention_init (&iv, type, 0);
      g_array_append_val (s->interventions, iv);
      base = gtw_scenario_copy_baseline (s);
      t = gtw_test_run (s);
      b = gtw_test_run (base);
      rt = gtw_trace_get_day (t, 119);
      rb = gtw_trace_get_day (b, 119);
      g_test_message ("%s: mean glucose %.3f vs %.3f, HOMA-IR %.3f vs %.3f, TG %.3f vs %.3f",
                      gtw_intervention_class (type)->id, rt->mean_glucose, rb->mean_glucose,
                      rt->homa_ir, rb->homa_ir, rt->tg, rb->tg);
      g_assert_cmpfloat (rt->mean_glucose, <, rb->mean_glucose);
      if (type == GTW_IV_OMEGA3)
        g_assert_cmpfloat (rt->tg, <, rb->tg);
      else if (type == GTW_IV_PREMEAL_PROTEIN) /* acts on the meal peaks, not on fasting */
        g_assert_cmpfloat (rt->max_glucose, <, rb->max_glucose);
      else
        g_assert_cmpfloat (rt->homa_ir, <, rb->homa_ir);
    }
}

/* A low-calorie diet (Lim 2011): weight falls by about 2 kg a week, liver fat by a third in the
 * first week, and an open-ended diet stops taking weight off at a healthy BMI instead of
 * starving the patient; when it ends, most of the weight comes back over the years. */
static void
test_low_calorie_diet (void)
{
  g_autoptr (GtwScenario) s = gtw_test_preset ("compensated-ir", 5 * 365);
  g_autoptr (GtwScenario) open_ended = NULL;
  g_autoptr (GtwTrace) t = NULL, u = NULL;
  double height_m = s->patient.v[GTW_P_HEIGHT] / 100.0, lowest_bmi = G_MAXDOUBLE;
  const GtwDayRecord *before, *week1, *week8, *end;
  GtwIntervention iv;

  open_ended = gtw_scenario_copy (s);
  gtw_intervention_init (&iv, GTW_IV_LOW_CALORIE_DIET, 100);
  iv.end_day = 155;
  iv.field[0] = 600;
  g_array_append_val (s->interventions, iv);
  t = gtw_test_run (s);
  before = gtw_trace_get_day (t, 99), week1 = gtw_trace_get_day (t, 107);
  week8 = gtw_trace_get_day (t, 155), end = gtw_trace_get_day (t, 5 * 365 - 1);
  g_test_message ("weight %.1f -> %.1f -> %.1f kg (year 5 %.1f); liver fat %.1f -> %.1f -> %.1f %%",
                  before->weight, week1->weight, week8->weight, end->weight,
                  before->liver_fat, week1->liver_fat, week8->liver_fat);
  g_assert_cmpfloat (before->weight - week8->weight, >, 8);
  g_assert_cmpfloat (before->weight - week8->weight, <, 20);
  g_assert_cmpfloat (week1->liver_fat, <, 0.8 * before->liver_fat);
  g_assert_cmpfloat (week8->liver_fat, >, 0.1 * before->liver_fat);
  g_assert_cmpfloat (end->weight, >, week8->weight + 3);
  g_assert_cmpfloat (week8->mean_glucose, <, before->mean_glucose);

  iv.start_day = 0, iv.end_day = -1, iv.field[0] = 400;
  g_array_append_val (open_ended->interventions, iv);
  u = gtw_test_run (open_ended);
  for (guint d = 0; d < gtw_trace_get_n_days (u); d++)
    lowest_bmi = MIN (lowest_bmi, gtw_trace_get_day (u, d)->weight / (height_m * height_m));
  g_test_message ("open-ended 400 kcal/day: lowest BMI %.1f", lowest_bmi);
  g_assert_cmpfloat (lowest_bmi, >, 20);
  g_assert_cmpfloat (lowest_bmi, <, 23.5);
}

/* After a diet the weight comes back over years, and not all of it (gtw-mech-adiposity.c):
 * Sumithran 2011 5.5 of 13.5 kg after a year, Vink 2016 half of 9 kg after 9 months, Anderson
 * 2001 71 % of the loss after 4-5 years. Before the restraint that a diet leaves, appetite's
 * feedback took early-t2d's 17.5 kg back within a year. */
static void
test_diet_regain (void)
{
  const int end = 30 + 12 * 7;
  g_autoptr (GtwScenario) s = gtw_test_preset ("early-t2d", end + 5 * 365);
  g_autoptr (GtwTrace) t = NULL;
  double start, lowest, loss, year1, year4;
  GtwIntervention iv;

  gtw_intervention_init (&iv, GTW_IV_LOW_CALORIE_DIET, 30);
  iv.end_day = end;
  iv.field[0] = 800;
  g_array_append_val (s->interventions, iv);
  t = gtw_test_run (s);
  start = gtw_trace_get_day (t, 29)->weight;
  lowest = gtw_trace_get_day (t, end)->weight;
  loss = start - lowest;
  year1 = (gtw_trace_get_day (t, end + 365)->weight - lowest) / loss;
  year4 = (gtw_trace_get_day (t, end + 4 * 365 + 182)->weight - lowest) / loss;
  g_test_message ("%.1f -> %.1f kg; regained %.0f %% a year after, %.0f %% 4.5 years after",
                  start, lowest, 100 * year1, 100 * year4);
  g_assert_cmpfloat (loss, >, 12);
  g_assert_cmpfloat (year1, >, 0.3);
  g_assert_cmpfloat (year1, <, 0.6);
  g_assert_cmpfloat (year4, >, 0.6);
  g_assert_cmpfloat (year4, <, 0.85);
  for (guint d = end; d < gtw_trace_get_n_days (t); d++)
    g_assert_cmpfloat (gtw_trace_get_day (t, d)->weight, <, start);
}

/* Henry 1985: on 330 kcal/day, 87 % of the fall of fasting glucose over 40 days came in the
 * first 10, as the liver's glycogen and its output fell before much weight was lost; refeeding
 * raised glucose again. early-t2d on the lowest diet the model allows, 400 kcal/day. The
 * refeeding is measured after 14 days of the diet, before the beta cells' recovery
 * (gtw_beta_sigma_speed ()) has moved: after 40 days at 400 kcal/day early-t2d's function is
 * back at half the reference and refeeding no longer raises his glucose, a remission that
 * Henry's patients, with years of diabetes and a fasting glucose of 16 mmol/L, did not have. */
static void
test_diet_glycogen (void)
{
  g_autoptr (GtwScenario) s = gtw_test_preset ("early-t2d", 90);
  g_autoptr (GtwScenario) short_diet = NULL;
  g_autoptr (GtwTrace) t = NULL, u = NULL;
  GtwIntervention iv;
  double before, day10, day40, day14, refed;

  short_diet = gtw_scenario_copy (s);
  gtw_intervention_init (&iv, GTW_IV_LOW_CALORIE_DIET, 20);
  iv.end_day = 59;
  iv.field[0] = 400;
  g_array_append_val (s->interventions, iv);
  iv.end_day = 33;
  g_array_append_val (short_diet->interventions, iv);
  t = gtw_test_run (s);
  u = gtw_test_run (short_diet);
  before = gtw_trace_get_day (t, 19)->fasting_glucose;
  day10 = gtw_trace_get_day (t, 30)->fasting_glucose;
  day40 = gtw_trace_get_day (t, 59)->fasting_glucose;
  day14 = gtw_trace_get_day (u, 33)->fasting_glucose;
  refed = gtw_trace_get_day (u, 43)->fasting_glucose;
  g_test_message ("fasting glucose %.2f -> %.2f (day 10) -> %.2f (day 40); a 14-day diet: %.2f, "
                  "%.2f 10 days after", before, day10, day40, day14, refed);
  g_assert_cmpfloat (before - day10, >, 1.5);
  g_assert_cmpfloat ((before - day10) / (before - day40), >, 0.7);
  g_assert_cmpfloat (refed, >, day14 + 1.0);
}

/* Metformin's liver effect grows with the glycaemia (gtw_liver_gluconeogenic_excess ()): in full
 * in diabetes (Hirst 2012: HbA1c about -1.1 %), a fraction of it in impaired glucose
 * tolerance, nothing at a normal HbA1c, where only its AMPK share is left. */
static double
metformin_fall (const char *preset, int day, double *insulin_fall)
{
  g_autoptr (GtwScenario) s = gtw_test_preset (preset, day + 1);
  g_autoptr (GtwScenario) base = NULL;
  g_autoptr (GtwTrace) t = NULL, b = NULL;
  GtwIntervention iv;

  gtw_intervention_init (&iv, GTW_IV_METFORMIN, 0);
  g_array_append_val (s->interventions, iv);
  base = gtw_scenario_copy_baseline (s);
  t = gtw_test_run (s);
  b = gtw_test_run (base);
  *insulin_fall = 1.0 - gtw_trace_get_day (t, day)->fasting_insulin / gtw_trace_get_day (b, day)->fasting_insulin;
  g_test_message ("%s, day %d: fasting glucose %.3f vs %.3f, HbA1c %.2f vs %.2f, insulin %.1f vs %.1f",
                  preset, day, gtw_trace_get_day (t, day)->fasting_glucose,
                  gtw_trace_get_day (b, day)->fasting_glucose, gtw_trace_get_day (t, day)->hba1c,
                  gtw_trace_get_day (b, day)->hba1c, gtw_trace_get_day (t, day)->fasting_insulin,
                  gtw_trace_get_day (b, day)->fasting_insulin);
  return gtw_trace_get_day (b, day)->fasting_glucose - gtw_trace_get_day (t, day)->fasting_glucose;
}

static void
test_metformin_glycaemia (void)
{
  double insulin_fall;
  double diabetic = metformin_fall ("early-t2d", 90, &insulin_fall);
  double igt = metformin_fall ("prediabetes-igt", 365, &insulin_fall);
  double healthy;

  g_assert_cmpfloat (diabetic, >, 1.5);
  g_assert_cmpfloat (igt, >, 0.1);
  g_assert_cmpfloat (igt, <, 0.4);
  g_assert_cmpfloat (insulin_fall, <, 0.2);
  healthy = metformin_fall ("healthy", 90, &insulin_fall);
  g_assert_cmpfloat (healthy, >=, 0.0);
  g_assert_cmpfloat (healthy, <, 0.05);
}

/* A demand below the reference's does not take the mass below the patient's own (docs/model.md
 * section 3, item 21): the progressor treated from year 3 keeps 95 % of his day-0 mass at a
 * normal glucose (0.73 before), and the untreated healthy man keeps his. */
static void
test_mass_floor (void)
{
  const GtwInterventionType types[] = { GTW_IV_BERBERINE, GTW_IV_EXERCISE, GTW_IV_CARB_REDUCTION };
  g_autoptr (GtwScenario) s = gtw_test_preset ("progressor", 12 * 365);
  g_autoptr (GtwScenario) h = gtw_test_preset ("healthy", 8 * 365);
  g_autoptr (GtwTrace) t = NULL, th = NULL;
  const GtwDayRecord *end;

  for (guint k = 0; k < G_N_ELEMENTS (types); k++)
    {
      GtwIntervention iv;

      gtw_intervention_init (&iv, types[k], 3 * 365);
      g_array_append_val (s->interventions, iv);
    }
  t = gtw_test_run (s);
  end = gtw_trace_get_day (t, 12 * 365 - 1);
  g_test_message ("treated progressor, year 12: mass %.3f, fasting glucose %.2f",
                  end->beta_cell_mass_rel, end->fasting_glucose);
  g_assert_cmpfloat (end->fasting_glucose, <, 5.0);
  g_assert_cmpfloat (end->beta_cell_mass_rel, >=, 0.94 * s->patient.v[GTW_P_BETA_MASS]);

  th = gtw_test_run (h);
  g_assert_cmpfloat (fabs (gtw_trace_get_day (th, 8 * 365 - 1)->beta_cell_mass_rel
                           / h->patient.v[GTW_P_BETA_MASS] - 1.0), <, 0.02);
}

/* Long-standing diabetes keeps a residual beta-cell mass (beta_residual_mass; Rahier 2008
 * found about half that of controls after 15 years, the model keeps about a quarter of the
 * reference, as much as V12 allows): early-t2d untreated for 15 years keeps a measurable
 * fasting C-peptide, and the mass's fall slows with the years. */
static void
test_residual_mass (void)
{
  g_autoptr (GtwScenario) s = gtw_test_preset ("early-t2d", 15 * 365 + 1);
  g_autoptr (GtwTrace) t = gtw_test_run (s);
  const GtwDayRecord *y3 = gtw_trace_get_day (t, 3 * 365), *y7 = gtw_trace_get_day (t, 7 * 365);
  const GtwDayRecord *y11 = gtw_trace_get_day (t, 11 * 365), *y15 = gtw_trace_get_day (t, 15 * 365);

  g_test_message ("early-t2d untreated, mass in years 3 / 7 / 11 / 15: %.3f / %.3f / %.3f / %.3f; "
                  "fasting C-peptide in year 15 %.3f nmol/L, glucose %.2f mmol/L",
                  y3->beta_cell_mass_rel, y7->beta_cell_mass_rel, y11->beta_cell_mass_rel,
                  y15->beta_cell_mass_rel, y15->fasting_cpeptide, y15->fasting_glucose);
  g_assert_cmpfloat (y15->fasting_glucose, >=, 7.0);
  g_assert_cmpfloat (y15->beta_cell_mass_rel, >=, 0.2);
  g_assert_cmpfloat (y15->fasting_cpeptide, >=, 0.2);
  g_assert_cmpfloat (y15->beta_cell_mass_rel / y11->beta_cell_mass_rel, >,
                     y7->beta_cell_mass_rel / y3->beta_cell_mass_rel);
}

static void
test_intervention_level (void)
{
  GtwIntervention iv;

  gtw_intervention_init (&iv, GTW_IV_BERBERINE, 10);
  iv.end_day = 19;
  iv.adherence = 0.5;
  g_assert_cmpfloat (gtw_intervention_level (&iv, 9.9), ==, 0.0);
  g_assert_cmpfloat (gtw_intervention_level (&iv, 15), >, 0.0);
  g_assert_cmpfloat (gtw_intervention_level (&iv, 19.9), <=, 0.5);
  g_assert_cmpfloat (gtw_intervention_level (&iv, 40), <, gtw_intervention_level (&iv, 21));
  g_assert_true (gtw_intervention_active_on (&iv, 19));
  g_assert_false (gtw_intervention_active_on (&iv, 20));
}

static void
test_exercise_sessions (void)
{
  GtwIntervention iv;
  GtwSession out[8];
  guint total = 0;

  gtw_intervention_init (&iv, GTW_IV_EXERCISE, 10);
  g_assert_cmpuint (gtw_exercise_sessions_on_day (&iv, 10, out, 8), ==, 1);
  g_assert_cmpint (out[0].minute, ==, 17 * 60);
  for (int d = 10; d < 17; d++)
    total += gtw_exercise_sessions_on_day (&iv, d, out, 8);
  g_assert_cmpuint (total, ==, 3);
  iv.end_day = 10;
  g_assert_cmpuint (gtw_exercise_sessions_on_day (&iv, 12, out, 8), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/model/registry", test_registry);
  g_test_add_func ("/model/units", test_units);
  g_test_add_func ("/model/stage", test_stage);
  g_test_add_func ("/model/cpeptide-kinetics", test_cpeptide_kinetics);
  g_test_add_func ("/model/steady-state", test_steady_state);
  g_test_add_func ("/model/liver-fat-at-rest", test_liver_fat_at_rest);
  g_test_add_func ("/model/presets-from-threads", test_presets_from_threads);
  g_test_add_func ("/model/determinism", test_determinism);
  g_test_add_func ("/model/cancel-and-chunks", test_cancel_and_chunks);
  g_test_add_func ("/model/solver-failure", test_solver_failure);
  g_test_add_func ("/model/day-replay", test_day_replay);
  g_test_add_func ("/model/intervention-level", test_intervention_level);
  g_test_add_func ("/model/exercise-sessions", test_exercise_sessions);
  g_test_add_func ("/model/intervention-directions", test_intervention_directions);
  g_test_add_func ("/model/metformin-glycaemia", test_metformin_glycaemia);
  g_test_add_func ("/model/low-calorie-diet", test_low_calorie_diet);
  g_test_add_func ("/model/diet-glycogen", test_diet_glycogen);
  g_test_add_func ("/model/diet-regain", test_diet_regain);
  g_test_add_func ("/model/cpeptide-exact", test_cpeptide_exact);
  g_test_add_func ("/model/mass-floor", test_mass_floor);
  g_test_add_func ("/model/residual-mass", test_residual_mass);
  return g_test_run ();
}
