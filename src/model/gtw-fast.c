/* gtw-fast.c: the multirate integrator, exact representative days and macro-steps between them
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fast core settles into the same daily cycle within a day or two; the slow states (beta-cell
 * mass, sigma and the whole mechanism layer) change over weeks to years. So the fast integrator
 * simulates a representative unit exactly with the full fast core, one day, or a whole week when
 * a weekly pattern of exercise sessions exists, and then steps over a macro-step of whole units:
 *
 *  - the unit yields its mean daily statistics (fasting, mean and peak glucose, insulin,
 *    secretion per unit mass), beta-cell mass's daily growth rate, and the targets that sigma's
 *    and gamma's change over the unit imply;
 *  - over the macro-step these rates are extrapolated linearly from the last two units (second
 *    order) when no discontinuity lies between them; gamma, which settles within days, is not
 *    extrapolated;
 *  - the slow states advance one day at a time with those rates, exactly as the reference
 *    advances them after each simulated day (gtw_mechanism_update with the day's drivers), and
 *    each skipped day gets its checkpoint and its record from that trajectory;
 *  - the fast states start the next unit where the representative unit ended, at 00:00.
 *
 * Days with discontinuities are simulated exactly: day 0, every intervention's first day and the
 * day after its end. The macro-step adapts: it never crosses a discontinuity, grows at most to
 * half the time since the last one (interventions ramp in and wash out exponentially), and keeps
 * the change per step of fasting glucose, HbA1c, beta-cell mass and function and insulin
 * sensitivity within a tolerance, from the rates between the last two units. The schedule does
 * not depend on the run's length, so a run cut after day N has the same days as the whole run;
 * the `day` and `ogtt` commands then replay day N exactly from its checkpoint.
 */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "gtw-fast-private.h"

#define MAX_MACRO_DAYS 180
#define WEEK           7

/* Daily statistics are a plain array of doubles: they average and extrapolate as such. */
#define STATS_N_DOUBLES (sizeof (GtwDayStats) / sizeof (double))
G_STATIC_ASSERT (sizeof (GtwDayStats) == STATS_N_DOUBLES * sizeof (double));

/* What the step control watches, averaged over a unit. */
enum { Q_FASTING_G, Q_HBA1C, Q_BETA, Q_SIGMA, Q_SI, Q_HEPASI, N_Q };

/* Largest change per macro-step: mmol/L, HbA1c points, then relative to the healthy reference. */
static const double q_tolerance[N_Q] = { 0.02, 0.02, 0.0025, 0.005, 0.05, 0.05 };

typedef struct
{
  double center; /* day */
  double q[N_Q];
} Summary;

/* A unit's mean daily statistics, then its rates of the states the core integrates. */
enum { R_LOG_BETA = STATS_N_DOUBLES, R_SIGMA, R_GAMMA, N_R };

typedef struct
{
  guint  first;
  double center; /* day */
  double rate[N_R];
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

/* A week when exercise sessions fall in [day, day + 7), else a day. */
static guint
unit_length (const Fast *f, guint day)
{
  const GArray *ivs = f->trace->scenario->interventions;

  for (guint i = 0; i < ivs->len; i++)
    {
      const GtwIntervention *iv = &g_array_index (ivs, GtwIntervention, i);
      if (iv->type == GTW_IV_EXERCISE && iv->start_day < (int) (day + WEEK)
          && (iv->end_day < 0 || iv->end_day >= (int) day))
        return MIN (WEEK, f->n_days - day);
    }
  return 1;
}

static void
summarize (const Fast *f, guint first, guint n, Summary *sum)
{
  memset (sum, 0, sizeof *sum);
  sum->center = first + (n - 1) / 2.0;
  for (guint d = first; d < first + n; d++)
    {
      const GtwDayRecord *r = &g_array_index (f->trace->records, GtwDayRecord, d);
      sum->q[Q_FASTING_G] += r->fasting_glucose / n;
      sum->q[Q_HBA1C] += r->hba1c / n;
      sum->q[Q_BETA] += r->beta_cell_mass_rel / n;
      sum->q[Q_SIGMA] += r->beta_cell_function_rel / n;
      sum->q[Q_SI] += r->si_rel / n;
      sum->q[Q_HEPASI] += r->hepatic_si_rel / n;
    }
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
  double m;

  nearest_boundaries (f, day, &last, &next);
  m = MIN (MAX_MACRO_DAYS, next - day);
  m = MIN (m, (day - last) / 2.0);
  if (prev != NULL && prev->center < cur->center)
    for (int q = 0; q < N_Q; q++)
      {
        double rate = fabs (cur->q[q] - prev->q[q]) / (cur->center - prev->center);
        if (rate * m > q_tolerance[q])
          m = q_tolerance[q] / rate;
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

/* What a unit tells about the days after it, at its middle. */
static void
unit_rates (Unit              *u,
            guint              first,
            guint              n,
            const GtwState    *start,
            const GtwState    *end,
            const GtwDayStats *mean)
{
  double *r = u->rate;

  u->first = first;
  u->center = first + n / 2.0;
  memcpy (r, mean, sizeof *mean);
  r[R_LOG_BETA] = log (end->y[Y_BETA] / start->y[Y_BETA]) / n;
  r[R_SIGMA] = implied_target (start->y[Y_SIGMA], end->y[Y_SIGMA], GTW_K (TAU_SIGMA) / 1440.0, n);
  r[R_GAMMA] = implied_target (start->y[Y_GAMMA], end->y[Y_GAMMA], GTW_K (TAU_GAMMA) / 1440.0, n);
}

/* Advances `state` (00:00 of `day`) by `days` days, one day at a time like the reference (the
 * mechanism layer's states follow each other's targets within a day), with the rates of the last
 * unit, or extrapolated linearly from the last two units (second order) when no discontinuity
 * lies between them; stores each day's checkpoint on the way. */
static void
macro_step (const Fast *f,
            const Unit *prev,
            const Unit *cur,
            GtwState   *state,
            guint       day,
            guint       days)
{
  GtwTrace *trace = f->trace;
  double tau_sigma = GTW_K (TAU_SIGMA) / 1440.0, tau_gamma = GTW_K (TAU_GAMMA) / 1440.0;

  for (guint d = day; d < day + days; d++)
    {
      double r[N_R];
      GtwDrivers drv;
      GtwCoreParams p;

      for (guint k = 0; k < N_R; k++)
        {
          r[k] = cur->rate[k];
          if (prev != NULL && k != R_GAMMA) /* gamma settles within days */
            r[k] += (cur->rate[k] - prev->rate[k]) / (cur->center - prev->center)
                    * (d + 0.5 - cur->center);
        }
      g_array_index (trace->checkpoints, GtwState, d) = *state;
      gtw_mechanism_drivers (&trace->pc, &state->slow, trace->scenario->interventions, (int) d, &drv);
      gtw_mechanism_core_params (&trace->pc, &state->slow, &drv, &p);
      state->y[Y_BETA] *= exp (r[R_LOG_BETA]);
      state->y[Y_SIGMA] = gtw_relax (state->y[Y_SIGMA], r[R_SIGMA], tau_sigma, 1.0);
      state->y[Y_GAMMA] = gtw_relax (state->y[Y_GAMMA], r[R_GAMMA], tau_gamma, 1.0);
      gtw_mechanism_update (&trace->pc, &state->slow, &drv, (const GtwDayStats *) r, 1.0, FALSE);
      gtw_day_record_fill (&g_array_index (trace->records, GtwDayRecord, d), (int) d, state,
                           (const GtwDayStats *) r, &p);
    }
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
  guint day = 0;

  while (day < f.n_days)
    {
      guint unit = unit_length (&f, day), days, last, next;
      GtwState start = *state;
      GtwDayStats mean = { 0 };
      double *m = (double *) &mean;

      for (guint i = 0; i < unit; i++)
        {
          GtwDayStats st;
          const double *s = (const double *) &st;

          if (g_cancellable_set_error_if_cancelled (cancellable, error)
              || !gtw_trace_exact_day (trace, solver, state, day + i, &st, error))
            return FALSE;
          for (guint k = 0; k < STATS_N_DOUBLES; k++)
            m[k] += s[k] / unit;
        }
      summarize (&f, day, unit, &summaries[1]);
      unit_rates (&units[1], day, unit, &start, state, &mean);
      day += unit;
      gtw_trace_publish (trace, publisher, day);

      /* The schedule does not depend on the run's length: a run cut short after day N (the `day`,
       * `ogtt` and `markers` commands) has the same days 0..N as the whole run. */
      days = day < f.n_days ? macro_days (&f, day, unit, have_prev ? &summaries[0] : NULL,
                                          &summaries[1])
                            : 0;
      days = MIN (days, f.n_days - day);
      nearest_boundaries (&f, day - 1, &last, &next);
      if (days > 0)
        macro_step (&f, have_prev && units[0].first >= last ? &units[0] : NULL, &units[1],
                    state, day, days);
      summaries[0] = summaries[1];
      units[0] = units[1];
      have_prev = TRUE;
      day += days;
      if (days > 0)
        gtw_trace_publish (trace, publisher, day);
    }
  return TRUE;
}
