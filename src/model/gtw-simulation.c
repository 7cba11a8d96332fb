/* gtw-simulation.c: a scenario run day by day into a trace; day detail and OGTT on demand
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "gtw-fast-private.h"

G_DEFINE_QUARK (gtw-sim-error-quark, gtw_sim_error)

void
gtw_sim_options_init (GtwSimOptions *options)
{
  memset (options, 0, sizeof *options);
  options->with_interventions = TRUE;
  options->integrator = GTW_INTEGRATOR_FAST;
  options->chunk_days = 365;
}

GtwTrace *
gtw_trace_ref (GtwTrace *trace)
{
  g_return_val_if_fail (trace != NULL, NULL);
  g_atomic_int_inc (&trace->ref_count);
  return trace;
}

void
gtw_trace_unref (GtwTrace *trace)
{
  if (trace == NULL || !g_atomic_int_dec_and_test (&trace->ref_count))
    return;
  gtw_scenario_free (trace->scenario);
  g_array_unref (trace->records);
  g_array_unref (trace->checkpoints);
  g_free (trace);
}

guint
gtw_trace_get_n_days (const GtwTrace *trace)
{
  g_return_val_if_fail (trace != NULL, 0);
  return (guint) g_atomic_int_get (&trace->n_filled);
}

const GtwDayRecord *
gtw_trace_get_day (const GtwTrace *trace,
                   guint           day)
{
  g_return_val_if_fail (trace != NULL, NULL);
  g_return_val_if_fail (day < gtw_trace_get_n_days (trace), NULL);
  return &g_array_index (trace->records, GtwDayRecord, day);
}

const GtwScenario *
gtw_trace_get_scenario (const GtwTrace *trace)
{
  g_return_val_if_fail (trace != NULL, NULL);
  return trace->scenario;
}

gboolean
gtw_trace_has_interventions (const GtwTrace *trace)
{
  return trace->with_interventions && trace->scenario->interventions->len > 0;
}

gsize
gtw_trace_get_memory_size (const GtwTrace *trace)
{
  g_return_val_if_fail (trace != NULL, 0);
  return sizeof *trace + sizeof *trace->scenario
         + trace->scenario->interventions->len * sizeof (GtwIntervention)
         + trace->records->len * sizeof (GtwDayRecord)
         + trace->checkpoints->len * sizeof (GtwState);
}

int
gtw_trace_diabetes_onset (const GtwTrace *trace)
{
  guint n = gtw_trace_get_n_days (trace);
  for (guint d = 0; d < n; d++)
    if (g_array_index (trace->records, GtwDayRecord, d).fasting_glucose >= 7.0)
      return (int) d;
  return -1;
}

/* Day 0 at rest: the mechanism states that follow their drivers within weeks are put at their
 * targets, and the fast core at the periodic state of the patient's usual day, with beta-cell
 * mass and capacity held at the patient's values (model reference section 3). Seven days of
 * settling; the first five at a looser tolerance (a tenth of their steps less), since the
 * last two forget where the first ended: day 0's fasting glucose moves by 0.0002 mmol/L at most
 * (prediabetes-igt), beside the 0.01 mmol/L a day that gamma still settles by there. */
#define SETTLING_DAYS       7
#define SETTLING_LOOSE_DAYS 5

static gboolean
build_initial_state (GtwTrace  *trace,
                     GtwSolver *solver,
                     GtwState  *state,
                     GError   **error)
{
  const GtwPatient *pt = &trace->scenario->patient;
  GtwDrivers drv;
  GtwCoreParams p;
  GtwDayStats st = { 0 };
  GtwDayRequest req = { .end_minute = 1440 };

  memset (state, 0, sizeof *state);
  gtw_mechanism_prepare (pt, &trace->pc);
  gtw_mechanism_init_slow (&trace->pc, &state->slow);
  state->y[Y_BETA] = pt->v[GTW_P_BETA_MASS] * GTW_K (BETA_REF);
  state->y[Y_SIGMA] = pt->v[GTW_P_BETA_FUNCTION];

  for (int k = 0; k <= SETTLING_DAYS; k++)
    {
      gtw_mechanism_drivers (&trace->pc, &state->slow, NULL, 0, &drv);
      if (k > 0)
        gtw_mechanism_update (&trace->pc, &state->slow, &drv, &st, 1.0, TRUE);
      gtw_mechanism_core_params (&trace->pc, &state->slow, &drv, &p);
      p.freeze_slow = TRUE;
      if (k == 0)
        {
          gtw_core_fasting_steady_state (state->y, &p);
          st.mean_g = st.fasting_g = state->y[Y_G];
          st.mean_i = st.fasting_i = state->y[Y_I] * 2.0;
          st.mean_fe = gtw_receptor_target (st.mean_i);
          continue;
        }
      gtw_solver_set_relative_tolerance (solver, k <= SETTLING_LOOSE_DAYS ? GTW_SOLVER_RTOL_SETTLING
                                                                          : GTW_SOLVER_RTOL);
      if (!gtw_solver_run_day (solver, &drv, &p, state->y, &req, &st, error))
        return FALSE;
    }
  gtw_mechanism_update (&trace->pc, &state->slow, &drv, &st, 1.0, TRUE);
  gtw_liver_fat_calibrate (&trace->pc, &state->slow, &drv, st.mean_i);
  trace->pc.muscle0 = state->slow.glut4 * gtw_imcl_f_factor (&state->slow);
  trace->pc.liver0 = gtw_liver_g_factor (&state->slow);
  return TRUE;
}

/* Sets the patient's beta-cell reserve to the value at which sigma rests where the build holds
 * it: the daily mean of sigma's target over the untreated day 0 equals sigma. The target is
 * floor + reserve x workload (gtw-core.c: sigma_isri scales with the reserve) and nothing
 * before day 0 depends on the reserve (the build holds sigma), so one run of day 0 gives it.
 * The fit to labs (gtw-fit.c) rests its patient the same way. Beyond the registry's range the
 * nearest value is kept: that patient's function moves from the start. */
static gboolean
set_reserve_at_rest (GtwTrace       *trace,
                     GtwSolver      *solver,
                     const GtwState *built,
                     GError        **error)
{
  const GtwParamInfo *info = gtw_registry_get (GTW_P_BETA_RESERVE);
  GtwDayRequest req = { .end_minute = 1440 };
  GtwState state = *built;
  GtwDayStats st = { 0 };
  GtwDrivers drv;
  GtwCoreParams p;
  double reserve = trace->pc.patient.v[GTW_P_BETA_RESERVE];
  double sigma = built->y[Y_SIGMA], sigma_floor = GTW_K (SIGMA_FLOOR);
  double target, workload, rest;

  gtw_mechanism_drivers (&trace->pc, &state.slow, NULL, 0, &drv);
  gtw_mechanism_core_params (&trace->pc, &state.slow, &drv, &p);
  if (!gtw_solver_run_day (solver, &drv, &p, state.y, &req, &st, error))
    return FALSE;
  /* sigma relaxes with tau_sigma towards the day's mean target */
  target = sigma + (state.y[Y_SIGMA] - sigma) / -expm1 (-1440.0 / GTW_K (TAU_SIGMA));
  workload = (target - sigma_floor) / reserve;
  rest = workload > 0 ? CLAMP ((sigma - sigma_floor) / workload, info->min, info->max) : info->max;
  trace->pc.patient.v[GTW_P_BETA_RESERVE] = rest;
  trace->scenario->patient.v[GTW_P_BETA_RESERVE] = rest;
  return TRUE;
}

static GtwTrace *
trace_new (const GtwScenario *scenario,
           gboolean           with_interventions)
{
  GtwTrace *trace = g_new0 (GtwTrace, 1);
  guint n = (guint) scenario->duration_days;

  trace->ref_count = 1;
  trace->scenario = with_interventions ? gtw_scenario_copy (scenario)
                                       : gtw_scenario_copy_baseline (scenario);
  trace->with_interventions = with_interventions;
  trace->records = g_array_sized_new (FALSE, TRUE, sizeof (GtwDayRecord), n);
  g_array_set_size (trace->records, n);
  trace->checkpoints = g_array_sized_new (FALSE, TRUE, sizeof (GtwState), n);
  g_array_set_size (trace->checkpoints, n);
  return trace;
}

gboolean
gtw_trace_exact_day (GtwTrace    *trace,
                     GtwSolver   *solver,
                     GtwState    *state,
                     guint        day,
                     GtwDayStats *st,
                     GError     **error)
{
  g_autoptr (GError) local_error = NULL;
  GtwDayRequest req = { .end_minute = 1440 };
  GtwDrivers drv;
  GtwCoreParams p;

  memset (st, 0, sizeof *st);
  g_array_index (trace->checkpoints, GtwState, day) = *state;
  gtw_mechanism_drivers (&trace->pc, &state->slow, trace->scenario->interventions, (int) day, &drv);
  gtw_mechanism_core_params (&trace->pc, &state->slow, &drv, &p);
  if (!gtw_solver_run_day (solver, &drv, &p, state->y, &req, st, &local_error))
    {
      g_set_error (error, GTW_SIM_ERROR, GTW_SIM_ERROR_SOLVER, _("Day %u: %s"), day, local_error->message);
      return FALSE;
    }
  gtw_mechanism_update (&trace->pc, &state->slow, &drv, st, 1.0, FALSE);
  gtw_day_record_fill (&g_array_index (trace->records, GtwDayRecord, day), (int) day, state, st, &p);
  return TRUE;
}

/* The first chunk goes out as soon as days exist, however few, so that a view can draw at
 * once; the others end on multiples of chunk_days (or the run's last day). */
void
gtw_trace_publish (GtwTrace     *trace,
                   GtwPublisher *publisher,
                   guint         n_filled)
{
  const GtwSimOptions *options = publisher->options;
  guint before = gtw_trace_get_n_days (trace), n_days = trace->records->len;
  guint chunk = MAX (options->chunk_days, 1);

  g_atomic_int_set (&trace->n_filled, (int) n_filled);
  while (options->chunk_func && publisher->chunk_start < n_filled)
    {
      guint end = MIN ((publisher->chunk_start / chunk + 1) * chunk, n_days);

      if (publisher->chunk_start > 0 && n_filled < end)
        break;
      end = MIN (end, n_filled);
      options->chunk_func (trace, publisher->chunk_start, end - publisher->chunk_start,
                           options->chunk_data);
      publisher->chunk_start = end;
    }
  if (options->progress_func && (n_filled / 30 > before / 30 || (n_filled == n_days && before < n_days)))
    options->progress_func ((double) n_filled / n_days, options->progress_data);
}

GtwTrace *
gtw_simulate (const GtwScenario   *scenario,
              const GtwSimOptions *options,
              GCancellable        *cancellable,
              GError             **error)
{
  g_autoptr (GtwTrace) trace = NULL;
  g_autoptr (GtwSolver) solver = NULL;
  GtwSimOptions defaults;
  GtwPublisher publisher = { 0 };
  GtwState state;
  guint n_days;

  g_return_val_if_fail (scenario != NULL, NULL);
  g_return_val_if_fail (scenario->duration_days > 0 && scenario->duration_days <= GTW_SCENARIO_MAX_DAYS, NULL);

  if (options == NULL)
    {
      gtw_sim_options_init (&defaults);
      options = &defaults;
    }
  publisher.options = options;

  trace = trace_new (scenario, options->with_interventions);
  n_days = (guint) scenario->duration_days;
  if (!(solver = gtw_solver_new (error)))
    return NULL;
  if (!build_initial_state (trace, solver, &state, error)
      || (options->reserve_at_rest && !set_reserve_at_rest (trace, solver, &state, error)))
    {
      g_prefix_error (error, _("Day 0: "));
      return NULL;
    }

  if (options->integrator == GTW_INTEGRATOR_FAST)
    {
      if (!gtw_fast_run (trace, solver, &state, &publisher, cancellable, error))
        return NULL;
      return g_steal_pointer (&trace);
    }

  for (guint d = 0; d < n_days; d++)
    {
      GtwDayStats st;

      if (g_cancellable_set_error_if_cancelled (cancellable, error)
          || !gtw_trace_exact_day (trace, solver, &state, d, &st, error))
        return NULL;
      gtw_trace_publish (trace, &publisher, d + 1);
    }

  return g_steal_pointer (&trace);
}

static gboolean
check_day (const GtwTrace *trace, guint day, GError **error)
{
  if (day >= gtw_trace_get_n_days (trace))
    {
      g_set_error (error, GTW_SIM_ERROR, GTW_SIM_ERROR_DAY,
                   _("day %u is outside the run (days 0–%u)"), day,
                   MAX (gtw_trace_get_n_days (trace), 1) - 1);
      return FALSE;
    }
  return TRUE;
}

/* Re-simulates one day from its checkpoint: the same drivers, so the same numbers. */
static gboolean
replay_day (GtwTrace      *trace,
            guint          day,
            GtwDayRequest *req,
            GtwDrivers    *drv,
            GError       **error)
{
  g_autoptr (GtwSolver) solver = NULL;
  GtwState state;
  GtwCoreParams p;
  GtwDayStats st = { 0 };

  if (!check_day (trace, day, error) || !(solver = gtw_solver_new (error)))
    return FALSE;
  state = g_array_index (trace->checkpoints, GtwState, day);
  gtw_mechanism_drivers (&trace->pc, &state.slow, trace->scenario->interventions, (int) day, drv);
  gtw_mechanism_core_params (&trace->pc, &state.slow, drv, &p);
  if (!gtw_solver_run_day (solver, drv, &p, state.y, req, &st, error))
    {
      g_prefix_error (error, _("Day %u: "), day);
      return FALSE;
    }
  return TRUE;
}

GtwDayDetail *
gtw_trace_simulate_day (GtwTrace *trace,
                        guint     day,
                        GError  **error)
{
  g_autoptr (GtwDayDetail) detail = g_new0 (GtwDayDetail, 1);
  GtwDayRequest req = { .end_minute = 1440 };
  GtwDrivers drv;

  g_return_val_if_fail (trace != NULL, NULL);

  detail->day = (int) day;
  detail->minutes = g_array_sized_new (FALSE, FALSE, sizeof (GtwMinuteRecord), 1440);
  detail->events = g_array_new (FALSE, FALSE, sizeof (GtwDayEvent));
  req.minutes = detail->minutes;
  if (!replay_day (trace, day, &req, &drv, error))
    return NULL;

  for (guint i = 0; i < drv.n_meals; i++)
    {
      GtwDayEvent ev = { GTW_EVENT_MEAL, drv.meals[i].minute, 0, drv.meals[i].carbs_g };
      g_array_append_val (detail->events, ev);
      if (drv.meals[i].protein_g > 0)
        {
          GtwDayEvent pe = { GTW_EVENT_PROTEIN, drv.meals[i].minute - (int) drv.meals[i].protein_lead,
                             0, drv.meals[i].protein_g };
          g_array_append_val (detail->events, pe);
        }
    }
  for (guint i = 0; i < drv.n_sessions; i++)
    {
      GtwDayEvent ev = { GTW_EVENT_EXERCISE, drv.sessions[i].minute, drv.sessions[i].duration_min, 0 };
      g_array_append_val (detail->events, ev);
    }
  return g_steal_pointer (&detail);
}

void
gtw_day_detail_free (GtwDayDetail *detail)
{
  if (detail == NULL)
    return;
  g_clear_pointer (&detail->minutes, g_array_unref);
  g_clear_pointer (&detail->events, g_array_unref);
  g_free (detail);
}

const char *
gtw_ogtt_reading_to_string (GtwOgttReading reading)
{
  static const char *ids[] = { "normal", "impaired_glucose_tolerance", "diabetes" };
  g_return_val_if_fail (reading <= GTW_OGTT_DIABETES, NULL);
  return ids[reading];
}

#define OGTT_MINUTE (8 * 60) /* 75 g at 08:00 after an overnight fast (WHO 1999) */

GtwOgttResult *
gtw_trace_run_ogtt (GtwTrace *trace,
                    guint     day,
                    GError  **error)
{
  g_autoptr (GtwOgttResult) res = g_new0 (GtwOgttResult, 1);
  g_autoptr (GArray) minutes = g_array_new (FALSE, FALSE, sizeof (GtwMinuteRecord));
  GtwDayRequest req = { .ogtt = TRUE, .ogtt_minute = OGTT_MINUTE, .end_minute = OGTT_MINUTE + 181 };
  GtwDrivers drv;
  double g_sum = 0, i_sum = 0, g0, i0;

  g_return_val_if_fail (trace != NULL, NULL);

  req.minutes = minutes;
  if (!replay_day (trace, day, &req, &drv, error))
    return NULL;

  res->day = (int) day;
  res->curve = g_array_sized_new (FALSE, FALSE, sizeof (GtwMinuteRecord), 181);
  for (guint i = OGTT_MINUTE; i < minutes->len; i++)
    {
      GtwMinuteRecord rec = g_array_index (minutes, GtwMinuteRecord, i);
      rec.minute -= OGTT_MINUTE;
      g_array_append_val (res->curve, rec);
    }
  for (int k = 0; k < GTW_OGTT_N_SAMPLES; k++)
    {
      const GtwMinuteRecord *rec = &g_array_index (res->curve, GtwMinuteRecord, 30 * k);
      res->minute[k] = 30 * k;
      res->glucose[k] = rec->glucose;
      res->insulin[k] = rec->insulin;
      res->cpeptide[k] = rec->cpeptide;
      g_sum += gtw_glucose_mmol_to_mgdl (rec->glucose);
      i_sum += gtw_insulin_pmol_to_uu (rec->insulin);
    }
  res->two_hour_glucose = res->glucose[4];
  g0 = gtw_glucose_mmol_to_mgdl (res->glucose[0]);
  i0 = gtw_insulin_pmol_to_uu (res->insulin[0]);
  /* Insulinogenic index (Seltzer 1967): Δinsulin/Δglucose at 30 min, µU/mL per mg/dL. */
  res->insulinogenic_index = (gtw_insulin_pmol_to_uu (res->insulin[1]) - i0)
                             / MAX (gtw_glucose_mmol_to_mgdl (res->glucose[1]) - g0, 1.0);
  /* Matsuda & DeFronzo 1999 */
  res->matsuda_index = 10000.0 / sqrt (g0 * i0 * (g_sum / 5.0) * (i_sum / 5.0));
  if (res->two_hour_glucose >= 11.1 || res->glucose[0] >= 7.0)
    res->reading = GTW_OGTT_DIABETES;
  else if (res->two_hour_glucose >= 7.8)
    res->reading = GTW_OGTT_IGT;
  else
    res->reading = GTW_OGTT_NORMAL;
  return g_steal_pointer (&res);
}

void
gtw_ogtt_result_free (GtwOgttResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->curve, g_array_unref);
  g_free (result);
}

gboolean
gtw_trace_markers (const GtwTrace *trace,
                   guint           day,
                   GtwMarkers     *out,
                   GError        **error)
{
  const GtwDayRecord *r;
  double h;

  g_return_val_if_fail (trace != NULL && out != NULL, FALSE);
  if (!check_day (trace, day, error))
    return FALSE;

  r = gtw_trace_get_day (trace, day);
  h = trace->scenario->patient.v[GTW_P_HEIGHT] / 100.0;
  memset (out, 0, sizeof *out);
  out->day = (int) day;
  out->fasting_glucose = r->fasting_glucose;
  out->fasting_insulin = r->fasting_insulin;
  out->fasting_cpeptide = r->fasting_cpeptide;
  out->homa_ir = r->homa_ir;
  out->homa_b = r->homa_b;
  out->hba1c = r->hba1c;
  out->tg = r->tg;
  out->hdl = r->hdl;
  out->tg_hdl_mmol = r->tg / r->hdl;
  out->tg_hdl_mgdl = (r->tg * GTW_TG_MGDL_PER_MMOLL) / (r->hdl * GTW_HDL_MGDL_PER_MMOLL);
  out->weight = r->weight;
  out->bmi = r->weight / (h * h);
  out->visceral_fat = r->visceral_fat;
  out->liver_fat = r->liver_fat;
  out->inflammation = r->inflammation;
  out->beta_cell_mass_rel = r->beta_cell_mass_rel;
  out->beta_cell_mass_mg = r->beta_cell_mass_mg;
  out->beta_cell_function_rel = r->beta_cell_function_rel;
  out->si_bergman = r->si_bergman;
  out->shbg = gtw_patient_is_female (&trace->scenario->patient) ? r->shbg : NAN;
  out->stage = r->stage;
  return TRUE;
}
