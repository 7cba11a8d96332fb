/* gtw-fast.c: the multirate integrator, exact representative days and macro-steps between them
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fast core settles into the same daily cycle within a day or two; the slow states (beta-cell
 * mass, sigma and the whole mechanism layer) change over weeks to years. So the fast integrator
 * simulates a representative unit exactly with the full fast core and then steps over a
 * macro-step of whole units. A unit is one day, or a week when a weekly pattern of exercise
 * sessions exists (a unit never crosses an intervention's start or end). The acute effect of a
 * session on insulin sensitivity fades with a time constant of about 20 hours, so a week has
 * three kinds of day: with a session, the day after one, and days clear of both; and since what is
 * left of the sessions before a day differs too, days are sorted by their kind and the kinds of
 * the two days before them. Of a week the first day of each sort is simulated, the days between
 * them are filled from the days seen (see simulate_unit), and each stands for the days of its
 * sort:
 *  - the unit yields its daily statistics (fasting, mean and peak glucose, insulin, secretion
 *    per unit mass), beta-cell mass's daily growth rate, and the target that sigma's change
 *    over each day implies: for each sort of day, for each kind (the mean of its sorts, each
 *    weighted by its days), and the mean of the kinds weighted by each kind's share (for the
 *    step control);
 *  - the week's other days are filled like the days of a macro-step, each with the rates of
 *    its own sort of day: the mechanism layer is not linear in them (workload stress counts
 *    only secretion above a threshold), so a week's mean would misstate the stress;
 *  - over the macro-step these rates are extrapolated linearly from the last two units (second
 *    order) when no discontinuity lies between them;
 *  - the slow states advance one day at a time with those rates, exactly as the reference
 *    advances them after each simulated day (gtw_mechanism_update with the day's drivers), and
 *    each skipped day gets its checkpoint and its record from that trajectory;
 *  - the fast states start the next unit where the representative unit ended, at 00:00, except
 *    gamma (the K(ATP) shift), whose time constant of two days carries a unit's start into its
 *    end: it follows the trend of its values at the ends of the last two units. (A target
 *    implied by one day's change, as for sigma, assumes the open-loop time constant, while
 *    glucose feeds back on gamma within the day; its error came back at every unit as a
 *    sawtooth of +-0.05 mmol/L in fasting glucose.) The acute effect of exercise ends each
 *    stepped-over session day where the unit's session day of the same sort ended and fades
 *    over the days without one, as in the exact days; a positive statistic that decreases is
 *    extrapolated geometrically, not along a straight line that would turn negative.
 *
 * Days with discontinuities are simulated exactly: day 0, every intervention's first day and the
 * day after its end. The macro-step adapts: it never crosses a discontinuity, grows at most to
 * half the time since the last one (interventions ramp in and wash out exponentially), and keeps
 * the change per step of fasting glucose, HbA1c, beta-cell mass and function and insulin
 * sensitivity within a tolerance, from the rates between the last two units; the tolerance is
 * wider in settled diabetes, where errors fade. The schedule does
 * not depend on the run's length, so a run cut after day N has the same days as the whole run;
 * the `day` and `ogtt` commands then replay day N exactly from its checkpoint.
 */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "gtw-fast-private.h"

#define MAX_MACRO_DAYS 180
#define WEEK           7

/* a stepped-over day waits at most a macro-step, the rest of its week and the next week */
G_STATIC_ASSERT (GTW_FAST_LOOKAHEAD_DAYS >= MAX_MACRO_DAYS + 2 * WEEK);

/* Daily statistics are a plain array of doubles: they average and extrapolate as such. */
#define STATS_N_DOUBLES (sizeof (GtwDayStats) / sizeof (double))
G_STATIC_ASSERT (sizeof (GtwDayStats) == STATS_N_DOUBLES * sizeof (double));

/* What the step control watches, averaged over a unit. */
enum { Q_FASTING_G, Q_HBA1C, Q_BETA, Q_SIGMA, Q_SI, Q_HEPASI, N_Q };

/* Largest change per macro-step: mmol/L, HbA1c points, then relative to the healthy reference;
 * over units of a week, WEEK_TOLERANCE times as much. Calibrated on the agreement matrix (88
 * runs of 20 years against the reference, tests/model/test-fast.c; 99 since 2 December 2026,
 * with other session counts): since gamma follows its
 * trend and weeks step their kinds of day, these take 171 exact days for the benchmark's
 * decade where half these tolerances took 339, and the worst case stays at 0.07 mmol/L of
 * fasting glucose; three times these fail (a beta-cell collapse comes a month early). Weeks
 * had 1.5 times as much until 2 December 2026, when the weeks of three sessions came to be
 * simulated on five days instead of two (simulate_unit): their rates are then close enough for
 * twice those steps (the exercise runs of the matrix within 1 % of beta-cell mass and 0.05
 * mmol/L at 3; 1.9 % at 4.5), which pays back about half the cost of the extra days. */
static const double q_tolerance[N_Q] = { 0.04, 0.04, 0.005, 0.01, 0.1, 0.1 };
#define WEEK_TOLERANCE 3.0

/* The tolerances hold where an error of the slow states grows; elsewhere they widen.
 * Towards the tipping into diabetes the patient passes slowly by Ha & Sherman's saddle-node, and
 * an error of a tenth of a percent in beta-cell mass made years before moves the onset by weeks
 * (prediabetes-igt with berberine: wider tolerances in its first two years alone, before
 * berberine starts, put its collapse 18 days early and 0.1 mmol/L off). So they are 2.5 times
 * as wide only while the patient is calm: no intervention has begun yet (after a change the
 * mechanism layer's states move along several exponentials of months at once and the rates
 * bend), fasting glucose is below the ADA's 5.6 mmol/L for impaired fasting glucose and HbA1c
 * below 5.5 % (`prediabetes-igt` spends its first five years at 5.4-5.5 mmol/L and 5.5-5.6 %,
 * next to the saddle: calm by its fasting glucose alone, its onset came 26 days early and 0.19
 * mmol/L off; calm below 5.4 mmol/L instead cost the benchmark's population a sixth more). In
 * the prediabetic range, 5.6 to 7.0 mmol/L, a patient is at the saddle itself, and one that an
 * intervention holds there for a year or more (prediabetes-ifg with exercise from day 730, three
 * weeks before its onset without it) tips on errors too small for the usual tolerances, made
 * there before the intervention as much as after it: in a scenario with interventions they are
 * 0.3 times as wide in that range. (Without any, a patient crosses the range within a year or
 * two, the matrix passes at the usual tolerances, and the narrow ones would cost the
 * benchmark's untreated population a third more time.)
 * Once an intervention has begun and outside those ranges, 0.8 times as wide: a treated patient
 * can stay calm for years while his beta-cell mass falls (metabolic-syndrome with exercise from
 * day 730, before docs/model.md section 3, item 17: 1.09 to 0.25 of the reference over eight
 * years at 5.2-5.6 mmol/L), and since the
 * incretin loss (docs/model.md section 3, item 15) steepened the tipping that follows, the usual
 * tolerances there put his onset 14 days late and 0.105 mmol/L off.
 * In settled diabetes, fasting glucose at or above 7.0 mmol/L in both of the last two units,
 * five times as wide. (From 1 to 2 December 2026 the workload stress was watched there too, at
 * 0.005 per step: while it faded after onset, steps of months let the fast run's stress fall a
 * little faster than the reference's, and early-t2d's beta-cell mass ended 8 % from the
 * reference's after 20 years. Since the stress follows the islets' output and its apoptosis
 * the output of the last half-year, docs/model.md section 3, item 17, the output falls below
 * the threshold at onset and the fading stress kills no one: early-t2d is within 0.6 % without
 * the watch, and the benchmark's population takes 9 % less processor time.) (The
 * days of a long macro-step are drawn between the exact days around it, see interpolate_fill:
 * extrapolated from the units before it, the rising fasting insulin of the calm years lagged
 * and jumped back at each exact day, a sawtooth in the decade figure.) */
#define CALM_TOLERANCE     2.5 /* worst over the matrix: 2: 0.069 mmol/L, 2.5: 0.083, 3: 0.107 */
#define DIABETES_TOLERANCE 5.0
#define PREDIABETES_TOLERANCE 0.3 /* prediabetes-ifg + exercise: 1: onset 107 days late, 0.5: 33 */
#define TREATED_TOLERANCE  0.8 /* metabolic-syndrome + exercise: 1: 0.105 mmol/L, 0.8: 0.08 */
#define CALM_HBA1C_BELOW   5.5
#define PREDIABETES_FROM_MMOL 5.6
#define DIABETES_FROM_MMOL 7.0

typedef struct
{
  double center; /* day */
  double q[N_Q];
} Summary;

/* The kinds of day in a week of exercise: the acute effect of a session fades with a time
 * constant of about 20 hours, so the day after a session is still under it and the days after
 * that are not; a day of two sessions (more than seven a week) is a kind of its own. */
enum { DAY_SESSION, DAY_SESSIONS, DAY_AFTER, DAY_WASHED_OUT, N_KINDS };

/* A sort of day: its kind and the kinds of the SORT_DEPTH days before it (see simulate_unit).
 * With one day before, the days after a session that followed a day clear of both counted as
 * those after a session that followed another session's day after: `metabolic-syndrome` with
 * three sessions a week ended 2.1 % of beta-cell mass and 0.14 mmol/L from the reference,
 * `pcos` with one 2.4 % (1.1 % and 0.9 % with two, 2 December 2026). */
#define SORT_DEPTH 2
#define N_SORTS    (N_KINDS * N_KINDS * N_KINDS)

/* A unit's mean daily statistics, then its rates of the states the core integrates. */
enum { R_LOG_BETA = STATS_N_DOUBLES, R_SIGMA, N_R };

typedef struct
{
  guint    first;
  double   center;       /* day */
  double   rate[N_R];     /* the mean over the unit's span */
  double   kind_rate[N_KINDS][N_R]; /* each kind of day's own, where simulated */
  gboolean kind_seen[N_KINDS];
  double   sort_rate[N_SORTS][N_R]; /* each sort of day's own, where simulated */
  gboolean sort_seen[N_SORTS];
  double   sort_acute[N_SORTS]; /* the acute effect of exercise at the end of such a day */
  gboolean with_session; /* a session day was among the simulated days */
  double   acute_session; /* the acute effect at the end of that day */
  double   end;          /* the end of the last simulated day, day */
  double   gamma_end;    /* gamma then */
  guint    span;
} Unit;

typedef struct
{
  GtwTrace     *trace;
  guint         n_days;
  GArray       *boundaries; /* int, sorted, unique: days simulated exactly */
} Fast;

static int
compare_int (gconstpointer a, gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

static void
add_boundary (GArray *boundaries, int day, guint n_days)
{
  if (day >= 0 && day < (int) n_days)
    g_array_append_val (boundaries, day);
}

static GArray *
collect_boundaries (const GArray *interventions, guint n_days)
{
  GArray *b = g_array_new (FALSE, FALSE, sizeof (int));
  guint out = 0;

  add_boundary (b, 0, n_days);
  for (guint i = 0; i < interventions->len; i++)
    {
      const GtwIntervention *iv = &g_array_index (interventions, GtwIntervention, i);
      add_boundary (b, iv->start_day, n_days);
      if (iv->end_day >= 0)
        add_boundary (b, iv->end_day + 1, n_days);
    }
  g_array_sort (b, compare_int);
  for (guint i = 0; i < b->len; i++)
    if (out == 0 || g_array_index (b, int, i) != g_array_index (b, int, out - 1))
      g_array_index (b, int, out++) = g_array_index (b, int, i);
  g_array_set_size (b, out);
  return b;
}

/* The last discontinuity at or before `day`, and the first at or after it (G_MAXUINT: none). */
static void
nearest_boundaries (const Fast *f, guint day, guint *last, guint *next)
{
  *last = 0;
  *next = G_MAXUINT;
  for (guint i = 0; i < f->boundaries->len; i++)
    {
      guint b = (guint) g_array_index (f->boundaries, int, i);
      if (b <= day)
        *last = b;
      if (b >= day)
        {
          *next = b;
          break;
        }
    }
}

/* The days that a unit starting on `day` stands for: a week while an exercise intervention runs on
 * `day` (its first day is a discontinuity, so the days before it are units of one day), else a
 * day. A unit never crosses a discontinuity: the week of a session on an exercise's last day
 * ends with the exercise. Independent of the run's length (see simulate_unit). */
static guint
unit_span (const Fast *f, guint day)
{
  const GArray *ivs = f->trace->scenario->interventions;
  guint last, next;

  nearest_boundaries (f, day + 1, &last, &next);
  for (guint i = 0; i < ivs->len; i++)
    {
      const GtwIntervention *iv = &g_array_index (ivs, GtwIntervention, i);
      if (iv->type == GTW_IV_EXERCISE && gtw_intervention_active_on (iv, (int) day))
        return MIN (WEEK, next - day);
    }
  return 1;
}

/* How many exercise sessions fall on `day`. */
static guint
n_sessions (const Fast *f, int day)
{
  const GArray *ivs = f->trace->scenario->interventions;
  GtwSession sessions[GTW_MAX_SESSIONS];
  guint n = 0;

  for (guint i = 0; i < ivs->len; i++)
    n += gtw_exercise_sessions_on_day (&g_array_index (ivs, GtwIntervention, i), day,
                                       sessions, G_N_ELEMENTS (sessions));
  return n;
}

static gboolean
has_session (const Fast *f, int day)
{
  return n_sessions (f, day) > 0;
}

/* Days of two sessions (more than seven a week) are a kind of their own: counted as days of
 * one, eight sessions a week left `metabolic-syndrome` 6.7 % of beta-cell mass and 0.72
 * mmol/L from the reference (2 December 2026). */
static int
day_kind (const Fast *f, guint day)
{
  guint n = n_sessions (f, (int) day);

  if (n > 0)
    return n > 1 ? DAY_SESSIONS : DAY_SESSION;
  return has_session (f, (int) day - 1) ? DAY_AFTER : DAY_WASHED_OUT;
}

static int
day_sort (const Fast *f, guint day)
{
  int sort = 0;

  for (int back = 0; back <= SORT_DEPTH; back++)
    sort = sort * N_KINDS + ((int) day - back >= 0 ? day_kind (f, day - back) : DAY_WASHED_OUT);
  return sort;
}

/* The unit's step-control quantities: the exactly simulated days' records, each weighted for the
 * share of the unit that its kind of day (with or without a session) stands for. */
static void
summarize (const Fast   *f,
           guint         first,
           guint         unit,
           guint         n_exact,
           const double *day_weight,
           Summary      *sum)
{
  memset (sum, 0, sizeof *sum);
  sum->center = first + (unit - 1) / 2.0;
  for (guint i = 0; i < n_exact; i++)
    {
      const GtwDayRecord *r = &g_array_index (f->trace->records, GtwDayRecord, first + i);
      double w = day_weight[i];

      sum->q[Q_FASTING_G] += w * r->fasting_glucose;
      sum->q[Q_HBA1C] += w * r->hba1c;
      sum->q[Q_BETA] += w * r->beta_cell_mass_rel;
      sum->q[Q_SIGMA] += w * r->beta_cell_function_rel;
      sum->q[Q_SI] += w * r->si_rel;
      sum->q[Q_HEPASI] += w * r->hepatic_si_rel;
    }
}

/* How much wider than q_tolerance the step control may be for a macro-step from `day` on. */
static double
tolerance_scale (const Fast    *f,
                 guint          day,
                 const Summary *prev,
                 const Summary *cur)
{
  const GArray *ivs = f->trace->scenario->interventions;
  double lower = MIN (prev->q[Q_FASTING_G], cur->q[Q_FASTING_G]);
  double upper = MAX (prev->q[Q_FASTING_G], cur->q[Q_FASTING_G]);
  gboolean treated = FALSE;

  for (guint i = 0; i < ivs->len; i++)
    treated = treated || g_array_index (ivs, GtwIntervention, i).start_day <= (int) day;
  if (lower >= DIABETES_FROM_MMOL)
    return DIABETES_TOLERANCE;
  /* the ADA's impaired fasting glucose: not calm. Interventions can hold a patient there for
   * years, and so can his own course when he starts in it; near the tipping point a small error
   * decides when he tips. One who starts there keeps the narrow tolerances until he is diabetic:
   * prediabetes-igt drifts back to 5.5 mmol/L for three years, next to the saddle, and with the
   * usual tolerances there its fasting glucose came 0.09 mmol/L from the reference's once the
   * incretin loss (docs/model.md section 3, item 15) sped up its tipping; 0.02 with these. */
  if (gtw_trace_get_day (f->trace, 0)->fasting_glucose >= PREDIABETES_FROM_MMOL)
    return PREDIABETES_TOLERANCE;
  if (upper >= PREDIABETES_FROM_MMOL)
    return ivs->len > 0 ? PREDIABETES_TOLERANCE : 1.0;
  if (treated)
    return TREATED_TOLERANCE;
  if (MAX (prev->q[Q_HBA1C], cur->q[Q_HBA1C]) >= CALM_HBA1C_BELOW)
    return 1.0;
  return CALM_TOLERANCE;
}

/* Days of macro-step after a unit of `unit` days that ends at `day` (a multiple of the unit). */
static guint
macro_days (const Fast    *f,
            guint          day,
            guint          unit,
            const Summary *prev,
            const Summary *cur)
{
  guint last, next;
  double m, scale;

  nearest_boundaries (f, day, &last, &next);
  m = MIN (MAX_MACRO_DAYS, next - day);
  m = MIN (m, (day - last) / 2.0);
  if (prev == NULL || prev->center >= cur->center)
    return ((guint) m / unit) * unit;

  scale = tolerance_scale (f, day, prev, cur) * (unit > 1 ? WEEK_TOLERANCE : 1.0);
  for (int q = 0; q < N_Q; q++)
    {
      double rate = fabs (cur->q[q] - prev->q[q]) / (cur->center - prev->center);
      double tolerance = q_tolerance[q] * scale;

      if (rate * m > tolerance)
        m = tolerance / rate;
    }
  return ((guint) m / unit) * unit;
}

/* The constant target that a state relaxing with time constant tau (days) must have had to go
 * from `start` to `end` in `unit` days. */
static double
implied_target (double start, double end, double tau, guint unit)
{
  double a = exp (-(double) unit / tau);
  return (end - a * start) / (1.0 - a);
}

/* What one exactly simulated day tells about the days after it. */
static void
day_rates (double            *r,
           const GtwState    *start,
           const GtwState    *end,
           const GtwDayStats *stats,
           double             sigma_speed)
{
  memcpy (r, stats, sizeof *stats);
  r[R_LOG_BETA] = log (end->y[Y_BETA] / start->y[Y_BETA]);
  r[R_SIGMA] = implied_target (start->y[Y_SIGMA], end->y[Y_SIGMA],
                               GTW_K (TAU_SIGMA) / 1440.0
                               / gtw_beta_sigma_speed_at (sigma_speed, start->y[Y_SIGMA]), 1);
}

/* A unit's rate `x` days (in units of the distance between the units) after the unit whose rate is
 * `cur`, from the previous unit's `prev`: linear, but a positive statistic that decreases does so
 * geometrically (the acute effect of a session fades exponentially, within days: a straight line
 * through two days of it turns negative). */
static double
extrapolate (double prev, double cur, double x, gboolean is_stat)
{
  if (is_stat && prev > 0 && cur > 0 && cur < prev)
    return cur * pow (cur / prev, x);
  return cur + (cur - prev) * x;
}

/* The rates for day `d` from the unit `u`: in a week of exercise those of d's sort of day, where
 * the unit `other` (if any) that they are extrapolated with has seen it too, else those of its
 * kind of day (the mechanism layer is not linear in them: workload stress, for one, counts only
 * secretion above a threshold, so a week's mean would underrate the days without a session, and
 * a kind's mean those of its sort with the most secretion), else the mean. */
static const double *
unit_rate (const Fast *f, const Unit *u, const Unit *other, guint d)
{
  int kind, sort;

  if (u->span == 1)
    return u->rate;
  sort = day_sort (f, d);
  if (u->sort_seen[sort] && (other == NULL || other->span == 1 || other->sort_seen[sort]))
    return u->sort_rate[sort];
  kind = day_kind (f, d);
  if (kind == DAY_WASHED_OUT && !u->kind_seen[kind])
    kind = DAY_AFTER;
  return u->kind_seen[kind] ? u->kind_rate[kind] : u->rate;
}

/* Advances `state` (00:00 of `day`) by `days` days, one day at a time like the reference (the
 * mechanism layer's states follow each other's targets within a day), with the rates of the last
 * unit, or extrapolated linearly from the last two units (second order) when no discontinuity
 * lies between them; stores each day's checkpoint on the way. The cancellable is checked on
 * every day, as on the exactly simulated ones. */
static gboolean
macro_step (const Fast    *f,
            const Unit    *prev,
            const Unit    *cur,
            GtwState      *state,
            guint          day,
            guint          days,
            GCancellable  *cancellable,
            GError       **error)
{
  GtwTrace *trace = f->trace;
  double tau_sigma = GTW_K (TAU_SIGMA) / 1440.0;
  double gamma_slope = prev != NULL && cur->end > prev->end
                       ? (cur->gamma_end - prev->gamma_end) / (cur->end - prev->end)
                       : 0.0;
  double acute_decay = exp (-24.0 / GTW_K (TAU_ACUTE_EX));

  for (guint d = day; d < day + days; d++)
    {
      double r[N_R];
      GtwDrivers drv;
      GtwCoreParams p;

      const double *cur_rate = unit_rate (f, cur, prev, d);
      const double *prev_rate = prev ? unit_rate (f, prev, cur, d) : NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      for (guint k = 0; k < N_R; k++)
        r[k] = prev != NULL
               ? extrapolate (prev_rate[k], cur_rate[k], (d + 0.5 - cur->center) / (cur->center - prev->center),
                              k < STATS_N_DOUBLES)
               : cur_rate[k];
      state->y[Y_GAMMA] = cur->gamma_end + gamma_slope * (d - cur->end);
      g_array_index (trace->checkpoints, GtwState, d) = *state;
      gtw_mechanism_drivers (&trace->pc, &state->slow, trace->scenario->interventions, (int) d, &drv);
      gtw_mechanism_core_params (&trace->pc, &state->slow, &drv, &p);
      state->y[Y_BETA] *= exp (r[R_LOG_BETA]);
      state->y[Y_SIGMA] = gtw_relax (state->y[Y_SIGMA], r[R_SIGMA],
                                     tau_sigma / gtw_beta_sigma_speed_at (p.sigma_speed, state->y[Y_SIGMA]),
                                     1.0);
      gtw_mechanism_update (&trace->pc, &state->slow, &drv, (const GtwDayStats *) r, 1.0, FALSE);
      gtw_day_record_fill (&g_array_index (trace->records, GtwDayRecord, d), (int) d, state,
                           (const GtwDayStats *) r, &p);
      /* The acute effect of a session: a session day ends at the level the unit's session day
       * ended at, and it fades over the days without one, as in the reference. (Carried
       * unchanged, a unit's session day started above its level in the reference, and over
       * years of weekly units the overrated insulin sensitivity delayed a diabetes onset.) */
      if (cur->with_session && has_session (f, (int) d))
        {
          int sort = cur->span > 1 ? day_sort (f, d) : -1;

          state->y[Y_ACUTE] = sort >= 0 && cur->sort_seen[sort] ? cur->sort_acute[sort]
                                                                : cur->acute_session;
        }
      else
        state->y[Y_ACUTE] *= acute_decay;
    }
  state->y[Y_GAMMA] = cur->gamma_end + gamma_slope * (day + days - cur->end);
  return TRUE;
}

/* Redraws the days [from, to) of a macro-step, once the unit `next` after it has been simulated,
 * between the unit `cur` before it and `next`: each daily statistic (fasting, mean and peak
 * glucose, insulin, C-peptide) and what is computed from them, between the two units' values
 * for the day's kind, linearly or, where it falls, geometrically (as `extrapolate` does; the
 * acute effect of a session fades exponentially). The slow states stay as the macro-step
 * advanced them. Extrapolated from the units before the step, a statistic that bends (fasting
 * insulin rising through the compensated years) lagged over a long step and jumped back at the
 * next exact day; drawn between two exact days, it is continuous. Not across a discontinuity:
 * the days before an intervention's start keep the trend of the days before them. */
static void
interpolate_fill (const Fast *f,
                  const Unit *cur,
                  const Unit *next,
                  guint       from,
                  guint       to)
{
  guint last, after;

  nearest_boundaries (f, next->first, &last, &after);
  if (last > cur->first || next->center <= cur->center)
    return;
  for (guint d = from; d < to; d++)
    {
      const double *a = unit_rate (f, cur, next, d), *b = unit_rate (f, next, cur, d);
      double x = (d + 0.5 - cur->center) / (next->center - cur->center);
      double st[STATS_N_DOUBLES];

      /* x - 1 from `next` is x from `cur` */
      for (guint k = 0; k < STATS_N_DOUBLES; k++)
        st[k] = extrapolate (a[k], b[k], x - 1.0, TRUE);
      gtw_day_record_set_stats (&g_array_index (f->trace->records, GtwDayRecord, d),
                                (const GtwDayStats *) st);
    }
}

/* Sets the unit's rates from the days simulated so far: each kind's mean, and their mean weighted
 * by how many days of each kind the span has; a kind not simulated counts as the day after a
 * session (`count` is changed so). */
static void
unit_set_rates (Unit          *u,
                guint          day,
                guint          unit,
                guint          span,
                guint          n,
                const double   class_rate[N_KINDS][N_R],
                const guint   *seen,
                const double  *seen_weight,
                guint         *count,
                const GtwState *state)
{
  double total = 0;

  if (seen[DAY_WASHED_OUT] == 0)
    {
      count[DAY_AFTER] += count[DAY_WASHED_OUT];
      count[DAY_WASHED_OUT] = 0;
    }
  for (int c = 0; c < N_KINDS; c++)
    total += seen[c] > 0 ? count[c] : 0;
  u->first = day;
  u->center = day + unit / 2.0;
  u->end = day + n;
  u->span = span;
  u->gamma_end = state->y[Y_GAMMA];
  memset (u->rate, 0, sizeof u->rate);
  for (int c = 0; c < N_KINDS; c++)
    {
      u->kind_seen[c] = seen[c] > 0;
      for (guint k = 0; seen[c] > 0 && k < N_R; k++)
        u->kind_rate[c][k] = class_rate[c][k] / seen_weight[c];
    }
  for (int c = 0; c < N_KINDS; c++)
    for (guint k = 0; seen[c] > 0 && k < N_R; k++)
      u->rate[k] += count[c] / total * class_rate[c][k] / seen_weight[c];
}

/* Simulates the representative days of the unit [day, day + unit) exactly. A day unit is its
 * first day. In a week with exercise the days are sorted by their kind (a session, the day after
 * one, a day clear of both) and the kinds of the two days before them (the acute effect of the
 * sessions before it differs): the first day of each sort is simulated and stands for the days
 * of its sort, the days between them are filled from the days seen (as a macro-step would), and
 * the unit's rates weight each kind by how many days of that kind its span has (`span` days, the
 * same where the run ends earlier, so that a run cut short has the same days). With three
 * sessions a week (days 0, 2 and 4) that simulates days 0-3 and 6 and fills days 4-5; with two
 * (days 0 and 3), days 0-3 and 6; with four (days 0, 1, 3 and 5), days 0-2 and 4. A week that
 * starts on another day of the exercise's week (after another intervention's start) has as many
 * sorts: five with three sessions a week. Each sort keeps its own rates and the acute effect at
 * the end of its day, for the days of that sort that the unit and the macro-step after it fill.
 *
 * Until 2 December 2026 a week simulated only its first days until each kind had been seen,
 * each standing for all days of its kind (and from 1 December the three-session week as above):
 * the week's insulin output and growth came a few tenths of a per cent off, which the workload
 * stress's threshold (docs/model.md section 3, item 17) turned into 2.7 % of beta-cell mass
 * after 12 years of `compensated-ir` with three sessions a week, and 6.1 % for `prediabetes-igt`
 * with four. Returns the number of days done (the last one simulated), 0 on error. */
static guint
simulate_unit (Fast          *f,
               GtwSolver     *solver,
               GtwState      *state,
               guint          day,
               guint          span,
               guint          unit,
               Unit          *u,
               Summary       *sum,
               GCancellable  *cancellable,
               GError       **error)
{
  double class_rate[N_KINDS][N_R] = { { 0 } }, day_weight[WEEK] = { 0 }, weight[WEEK];
  double seen_weight[N_KINDS] = { 0 };
  guint count[N_KINDS] = { 0 }, seen[N_KINDS] = { 0 }, n_exact = 1, n;
  gboolean exact[WEEK] = { FALSE };
  int kind[WEEK], sort[WEEK];

  u->with_session = FALSE;
  memset (u->sort_seen, 0, sizeof u->sort_seen);
  for (guint i = 0; i < span; i++)
    {
      kind[i] = span == 1 ? DAY_WASHED_OUT : day_kind (f, day + i);
      sort[i] = span == 1 ? 0 : day_sort (f, day + i);
      count[kind[i]]++;
    }
  /* the first day of each sort weighs as many days as have its sort; the others nothing */
  weight[0] = 1.0;
  for (guint i = 0; span > 1 && i < span; i++)
    {
      weight[i] = 0;
      for (guint j = 0; j < span && weight[i] >= 0; j++)
        if (sort[j] == sort[i])
          weight[i] = j < i ? -1.0 : weight[i] + 1.0;
      weight[i] = MAX (weight[i], 0.0);
      if (weight[i] > 0 && i < unit)
        n_exact = i + 1;
    }

  for (n = 0; n < n_exact; n++)
    {
      GtwState start;
      GtwDayStats st;
      double r[N_R];

      if (weight[n] == 0)
        {
          guint next = n, provisional[N_KINDS];

          while (weight[next] == 0)
            next++;
          memcpy (provisional, count, sizeof count);
          unit_set_rates (u, day, unit, span, n, class_rate, seen, seen_weight, provisional, state);
          if (!macro_step (f, NULL, u, state, day + n, next - n, cancellable, error))
            return 0;
          n = next;
        }
      start = *state;
      if (g_cancellable_set_error_if_cancelled (cancellable, error)
          || !gtw_trace_exact_day (f->trace, solver, state, day + n, &st, error))
        return 0;
      if (kind[n] == DAY_SESSION || kind[n] == DAY_SESSIONS)
        {
          u->with_session = TRUE;
          u->acute_session = state->y[Y_ACUTE];
        }
      {
        GtwDrivers drv;

        gtw_mechanism_drivers (&f->trace->pc, &start.slow, f->trace->scenario->interventions,
                               (int) (day + n), &drv);
        day_rates (r, &start, state, &st, gtw_beta_sigma_speed (&drv));
      }
      for (guint k = 0; k < N_R; k++)
        class_rate[kind[n]][k] += weight[n] * r[k];
      if (span > 1)
        {
          u->sort_seen[sort[n]] = TRUE;
          u->sort_acute[sort[n]] = state->y[Y_ACUTE];
          memcpy (u->sort_rate[sort[n]], r, sizeof r);
        }
      seen[kind[n]]++;
      seen_weight[kind[n]] += weight[n];
      exact[n] = TRUE;
    }

  unit_set_rates (u, day, unit, span, n, class_rate, seen, seen_weight, count, state);
  {
    double total = 0;

    for (int c = 0; c < N_KINDS; c++)
      total += seen[c] > 0 ? count[c] : 0;
    for (guint i = 0; i < n; i++)
      day_weight[i] = exact[i] ? count[kind[i]] / total * weight[i] / seen_weight[kind[i]] : 0.0;
  }
  summarize (f, day, unit, n, day_weight, sum);
  return n;
}

gboolean
gtw_fast_run (GtwTrace      *trace,
              GtwSolver     *solver,
              GtwState      *state,
              GtwPublisher  *publisher,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr (GArray) boundaries = collect_boundaries (trace->scenario->interventions,
                                                      trace->records->len);
  Fast f = { trace, trace->records->len, boundaries };
  Summary summaries[2];
  Unit units[2];
  gboolean have_prev = FALSE;
  guint day = 0, pending_from = 0, pending_to = 0;

  while (day < f.n_days)
    {
      guint span = unit_span (&f, day), unit = MIN (span, f.n_days - day), end = day + unit;
      guint n_exact, days, fill, last, next;

      n_exact = simulate_unit (&f, solver, state, day, span, unit, &units[1], &summaries[1],
                               cancellable, error);
      if (n_exact == 0)
        return FALSE;
      /* the days of the last macro-step are drawn (and handed out) only now, between their
       * units */
      if (pending_to > pending_from)
        interpolate_fill (&f, &units[0], &units[1], pending_from, pending_to);
      pending_from = pending_to = 0;
      gtw_trace_publish (trace, publisher, day + n_exact);

      /* The schedule does not depend on the run's length: a run cut short after day N (the `day`,
       * `ogtt` and `markers` commands) has the same days 0..N as the whole run, and the same
       * records where it goes on for GTW_FAST_LOOKAHEAD_DAYS after N. */
      days = end < f.n_days ? macro_days (&f, end, unit, have_prev ? &summaries[0] : NULL,
                                          &summaries[1])
                            : 0;
      days = MIN (days, f.n_days - end);
      /* the rest of the unit, then the macro-step */
      fill = end - (day + n_exact) + days;
      nearest_boundaries (&f, end - 1, &last, &next);
      if (fill > 0)
        {
          if (!macro_step (&f, have_prev && units[0].first >= last ? &units[0] : NULL, &units[1],
                           state, day + n_exact, fill, cancellable, error))
            return FALSE;
          pending_from = day + n_exact;
          pending_to = end + days;
          /* a step that ends at a discontinuity or at the run's end keeps its extrapolation:
           * nothing to wait for */
          nearest_boundaries (&f, pending_to, &last, &next);
          if (pending_to >= f.n_days || next == pending_to)
            {
              gtw_trace_publish (trace, publisher, pending_to);
              pending_from = pending_to = 0;
            }
        }
      summaries[0] = summaries[1];
      units[0] = units[1];
      have_prev = TRUE;
      day = end + days;
    }
  gtw_trace_publish (trace, publisher, f.n_days);
  return TRUE;
}
