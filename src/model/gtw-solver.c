/* gtw-solver.c: one day of the fast core with SUNDIALS CVODE (BDF), stopping at every event
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Meals, protein preloads, exercise sessions, the OGTT drink and the fasting sample are
 * discontinuities: the integrator stops there and is reinitialised (model reference section 9).
 *
 * CVODE's Newton iterations solve a dense system of the differential states only (N_ODE); the
 * meal size is constant between meals, and the daily integrals of glucose, insulin and
 * secretion feed nothing back, so they are quadratures: Simpson's rule over each internal step,
 * with the midpoint from CVODE's interpolating polynomial. Left in the dense system they cost
 * a third of a day's linear algebra. C-peptide feeds nothing back either, and its two
 * compartments are linear in the secretion: they are solved exactly over each internal step,
 * with the secretion linear between the points where it is known (CPeptide below).
 */
#include <glib/gi18n-lib.h>
#include <string.h>

#include <cvode/cvode.h>
#include <nvector/nvector_serial.h>
#include <sunlinsol/sunlinsol_dense.h>
#include <sunmatrix/sunmatrix_dense.h>

#include "gtw-model-private.h"

/* CVODE's steps between two stops (a meal, a session, the end of the day) */
#define MAX_STEPS 20000

struct _GtwSolver
{
  SUNContext       ctx;
  void            *mem;
  N_Vector         y;
  SUNMatrix        jac;
  SUNLinearSolver  ls;
  N_Vector         mid;      /* the state at an internal step's midpoint */
  N_Vector         abstol;   /* absolute tolerances, in each state's own units */
  double           rtol;     /* the relative tolerance set */
  double           state_rtol[N_ODE]; /* each state's, for days without minute records */
  gboolean         minute_detail; /* the day being integrated records every minute */
  GtwCoreParams   *p;        /* of the day being integrated */
  double           full[N_Y]; /* the states beyond N_ODE, for the right-hand side */
  char             last_error[256];
  long             max_steps; /* between two stops; CV_ONE_STEP does not count them */
};

enum
{
  EV_FASTING,
  EV_SESSION_END,
  EV_MEAL,
  EV_OGTT,
  EV_SESSION_START,
  EV_PROTEIN_END,
};

typedef struct
{
  int minute;
  int kind;
  int index;
} Event;

/* CVODE's vector holds the differential states; the right-hand side reads the held ones too. */
static int
rhs_cb (sunrealtype t, N_Vector y, N_Vector ydot, void *user_data)
{
  GtwSolver *self = user_data;
  double *dd = N_VGetArrayPointer (ydot);

  memcpy (self->full, N_VGetArrayPointer (y), sizeof (double) * N_ODE);
  gtw_core_rhs (t, self->full, dd, self->p);
  for (int i = 0; i < N_ODE; i++)
    if (!isfinite (dd[i]))
      return 1; /* recoverable: CVODE retries with a smaller step */
  return 0;
}

static void
error_cb (int error_code, const char *module, const char *function, char *msg, void *user_data)
{
  GtwSolver *self = user_data;
  g_snprintf (self->last_error, sizeof self->last_error, "%s (%s)", msg, function);
}

/* GLUCOTWIN_SOLVER_MAX_STEPS can only lower the limit: the tests use it to make the
 * integrator fail, as it must do with an error and never an abort. */
static long
solver_max_steps (void)
{
  const char *limit = g_getenv ("GLUCOTWIN_SOLVER_MAX_STEPS");
  gint64 steps = limit != NULL ? g_ascii_strtoll (limit, NULL, 10) : 0;

  return steps > 0 && steps < MAX_STEPS ? (long) steps : MAX_STEPS;
}

GtwSolver *
gtw_solver_new (GError **error)
{
  g_autoptr (GtwSolver) self = g_new0 (GtwSolver, 1);
  double *atol;

  if (SUNContext_Create (NULL, &self->ctx) != 0)
    goto fail;
  self->y = N_VNew_Serial (N_ODE, self->ctx);
  self->mid = N_VNew_Serial (N_ODE, self->ctx);
  self->mem = CVodeCreate (CV_BDF, self->ctx);
  if (self->y == NULL || self->mid == NULL || self->mem == NULL)
    goto fail;
  N_VConst (0.0, self->y);
  NV_Ith_S (self->y, Y_G) = 90.0;
  if (CVodeInit (self->mem, rhs_cb, 0.0, self->y) != CV_SUCCESS)
    goto fail;

  /* Absolute tolerances in each state's own units. */
  self->abstol = N_VNew_Serial (N_ODE, self->ctx);
  if (self->abstol == NULL)
    goto fail;
  atol = N_VGetArrayPointer (self->abstol);
  atol[Y_G] = 1e-3;
  atol[Y_I] = 1e-4;
  atol[Y_N5] = 1e-3;
  atol[Y_N6] = 1e-2;
  atol[Y_GAMMA] = 1e-7;
  atol[Y_BETA] = 1e-4;
  atol[Y_SIGMA] = 1e-8;
  atol[Y_QSTO1] = atol[Y_QSTO2] = atol[Y_QGUT] = 1.0;
  atol[Y_ACUTE] = 1e-7;
  atol[Y_X] = 1e-4;
  /* Relative 1e-4: the absolute tolerances bound the error near the states' usual values, and
   * against 1e-6 it takes a third fewer steps while a 10-year reference run moves by at most
   * 0.001 mmol/L of fasting glucose and 0.01 % of beta-cell mass (docs/performance.md). 1e-3
   * for every state would take a fifth less time, but its noise in a day's statistics,
   * extrapolated over a macro-step, moves the fast integrator's stepped-over days by 0.004
   * mmol/L. Plasma insulin and the docked granules alone at 1e-3 limit most steps after a meal
   * (first-phase secretion empties the docked pool); that takes a tenth fewer steps, leaves
   * glucose as it was (0.0002 mmol/L at most over 2000 days of the progressor) and adds to
   * fasting insulin a noise of 0.05 % (at most 0.7 % on a day), below the three digits shown.
   * C-peptide (since solved outside CVODE), remote insulin and the gut at 1e-3 as well took
   * another 14 % fewer steps (loose_state ()). A day drawn minute by minute keeps 1e-4 for every state: its longer night
   * steps showed as kinks in the interpolated insulin curve. */
  CVodeSetUserData (self->mem, self);
  gtw_solver_set_relative_tolerance (self, GTW_SOLVER_RTOL);

  self->jac = SUNDenseMatrix (N_ODE, N_ODE, self->ctx);
  self->ls = SUNLinSol_Dense (self->y, self->jac, self->ctx);
  if (CVodeSetLinearSolver (self->mem, self->ls, self->jac) != CV_SUCCESS)
    goto fail;
  /* BDF of order 4 and 5 is stable only in a narrower sector: on the granule pools' oscillatory
   * modes it fails error tests and cuts steps; capped at 3 it takes about 10 % fewer steps. */
  CVodeSetMaxOrd (self->mem, 3);
  /* Over a day the step size swings between minutes after a meal and an hour at night; the
   * Newton matrix is kept until gamma*h has changed by 60 % rather than 30 %, which saves a
   * tenth of the factorisations at no cost in accuracy. */
  CVodeSetDeltaGammaMaxLSetup (self->mem, 0.6);
  self->max_steps = solver_max_steps ();
  CVodeSetErrHandlerFn (self->mem, error_cb, self);
  return g_steal_pointer (&self);

fail:
  g_set_error (error, GTW_SIM_ERROR, GTW_SIM_ERROR_SOLVER, _("Could not set up the CVODE integrator"));
  return NULL;
}

void
gtw_solver_free (GtwSolver *self)
{
  if (self == NULL)
    return;
  if (self->mem)
    CVodeFree (&self->mem);
  if (self->ls)
    SUNLinSolFree (self->ls);
  if (self->jac)
    SUNMatDestroy (self->jac);
  if (self->y)
    N_VDestroy (self->y);
  if (self->mid)
    N_VDestroy (self->mid);
  if (self->abstol)
    N_VDestroy (self->abstol);
  if (self->ctx)
    SUNContext_Free (&self->ctx);
  g_free (self);
}

/* CVODE's error weights: each state's own relative tolerance, or the one set for all on a day
 * recorded minute by minute. */
static int
error_weights_cb (N_Vector y, N_Vector ewt, void *user_data)
{
  GtwSolver *self = user_data;
  const double *yy = N_VGetArrayPointer (y), *atol = N_VGetArrayPointer (self->abstol);
  double *w = N_VGetArrayPointer (ewt);

  for (int i = 0; i < N_ODE; i++)
    w[i] = 1.0 / ((self->minute_detail ? self->rtol : self->state_rtol[i]) * fabs (yy[i]) + atol[i]);
  return 0;
}

/* The states whose relative tolerance may be GTW_SOLVER_RTOL_LOOSE: plasma insulin and the
 * docked granules (see gtw_solver_new ()), the remote insulin that follows plasma insulin, and
 * the meal's way through stomach and gut, whose glucose reaches plasma through the gut's
 * outflow. With C-peptide, then still in CVODE, they took 14 % fewer steps than insulin and
 * granules alone; over the benchmark's decade fasting glucose moved by 0.002 mmol/L at most,
 * fasting insulin by 0.15 % (docs/performance.md). */
static gboolean
loose_state (int i)
{
  switch (i)
    {
    case Y_I: case Y_N5: case Y_X: case Y_QSTO1: case Y_QSTO2: case Y_QGUT:
      return TRUE;
    default:
      return FALSE;
    }
}

/* The relative tolerance of the days to come (GTW_SOLVER_RTOL unless told otherwise); the
 * loose states take GTW_SOLVER_RTOL_LOOSE if that is looser, except on a day recorded minute
 * by minute. */
void
gtw_solver_set_relative_tolerance (GtwSolver *self,
                                   double     rtol)
{
  self->rtol = rtol;
  for (int i = 0; i < N_ODE; i++)
    self->state_rtol[i] = loose_state (i) ? MAX (rtol, GTW_SOLVER_RTOL_LOOSE) : rtol;
  CVodeWFtolerances (self->mem, error_weights_cb);
}

static int
compare_events (gconstpointer a, gconstpointer b)
{
  const Event *ea = a, *eb = b;
  if (ea->minute != eb->minute)
    return ea->minute - eb->minute;
  return ea->kind - eb->kind;
}

static void
record_minute (const GtwDayRequest *req, int minute, const double *y, const GtwCoreParams *p,
               double isr)
{
  GtwMinuteRecord rec = {
    .minute = minute + req->minute_offset,
    .glucose = gtw_glucose_mgdl_to_mmol (y[Y_G]),
    .insulin = gtw_insulin_uu_to_pmol (y[Y_I]),
    .cpeptide = gtw_cpeptide_pmol_to_nmol (y[Y_C1]),
    .isr = isr,
    .meal_ra = gtw_core_meal_ra (y, p),
  };
  g_array_append_val (req->minutes, rec);
}

/* The integrands of the daily integrals (glucose, insulin, secretion per unit mass, the receptor
 * density's target) at `y`. */
static void
integrands (GtwSolver *self, const double *y, double *q)
{
  memcpy (self->full, y, sizeof (double) * N_ODE);
  gtw_core_integrands (self->full, self->p, q);
}

/* C-peptide's two compartments (Van Cauter 1992), dc/dt = A c + e1 ISR(t) / V, from one point
 * where the prehepatic secretion is known to the next, with the secretion linear in between.
 * A's eigenvalues are minus the fast and slow decay rates of the kinetics, so in the basis of
 * its eigenvectors each mode has the exact solution
 *   z (t + h) = exp (l h) z + h g (phi1 (l h) ISR (t) + phi2 (l h) (ISR (t + h) - ISR (t))),
 * phi1 (x) = (e^x - 1) / x and phi2 (x) = (e^x - 1 - x) / x^2 (e.g. Hochbruck & Ostermann 2010,
 * exponential integrators). */
typedef struct
{
  double t;          /* minute of the state */
  double c[2];       /* central, peripheral, pmol/L */
  double isr;        /* prehepatic secretion at t, pmol/min */
  double lambda[2];  /* A's eigenvalues, 1/min */
  double vec[2][2];  /* A's eigenvectors, as columns */
  double inv[2][2];  /* their inverse */
  double g[2];       /* e1 / V in the eigenvector basis */
} CPeptide;

static void
cpeptide_init (CPeptide *cp, const GtwCoreParams *p, double t, const double *y, double isr)
{
  double sum = p->cp_k01 + p->cp_k21 + p->cp_k12, disc, det;

  cp->t = t;
  cp->c[0] = y[Y_C1];
  cp->c[1] = y[Y_C2];
  cp->isr = isr;
  /* trace -(k01 + k21 + k12), determinant k01 k12; two distinct real roots */
  disc = sqrt (MAX (0.25 * sum * sum - p->cp_k01 * p->cp_k12, 0.0));
  cp->lambda[0] = -0.5 * sum + disc;
  cp->lambda[1] = -0.5 * sum - disc;
  for (int i = 0; i < 2; i++)
    {
      cp->vec[0][i] = p->cp_k12;
      cp->vec[1][i] = p->cp_k01 + p->cp_k21 + cp->lambda[i];
    }
  det = cp->vec[0][0] * cp->vec[1][1] - cp->vec[0][1] * cp->vec[1][0];
  cp->inv[0][0] = cp->vec[1][1] / det;
  cp->inv[0][1] = -cp->vec[0][1] / det;
  cp->inv[1][0] = -cp->vec[1][0] / det;
  cp->inv[1][1] = cp->vec[0][0] / det;
  cp->g[0] = cp->inv[0][0] / p->cp_v;
  cp->g[1] = cp->inv[1][0] / p->cp_v;
}

static double
phi1 (double x)
{
  return fabs (x) < 1e-8 ? 1.0 + 0.5 * x : expm1 (x) / x;
}

static double
phi2 (double x)
{
  return fabs (x) < 1e-4 ? 0.5 + x / 6.0 + x * x / 24.0 : (expm1 (x) - x) / (x * x);
}

/* Moves the compartments to minute t, where the secretion is isr. */
static void
cpeptide_advance (CPeptide *cp, double t, double isr)
{
  double h = t - cp->t, z[2];

  if (h > 0)
    {
      for (int i = 0; i < 2; i++)
        {
          double x = cp->lambda[i] * h;

          z[i] = exp (x) * (cp->inv[i][0] * cp->c[0] + cp->inv[i][1] * cp->c[1])
                 + h * cp->g[i] * (phi1 (x) * cp->isr + phi2 (x) * (isr - cp->isr));
        }
      cp->c[0] = cp->vec[0][0] * z[0] + cp->vec[0][1] * z[1];
      cp->c[1] = cp->vec[1][0] * z[0] + cp->vec[1][1] * z[1];
      cp->t = t;
    }
  cp->isr = isr;
}

/* The glucose range and the minute record at one output time; on a day recorded minute by
 * minute, C-peptide is brought to the minute first. */
static void
output (GtwSolver *self, const GtwDayRequest *req, GtwDayStats *st, CPeptide *cp, int minute,
        const double *y)
{
  st->min_g = MIN (st->min_g, y[Y_G]);
  st->max_g = MAX (st->max_g, y[Y_G]);
  if (req->minutes && minute < req->end_minute)
    {
      double isr;

      memcpy (self->full, y, sizeof (double) * N_ODE);
      isr = gtw_core_isr_pmol (self->full, self->p);
      cpeptide_advance (cp, minute, isr);
      self->full[Y_C1] = cp->c[0];
      self->full[Y_C2] = cp->c[1];
      record_minute (req, minute, self->full, self->p, isr);
    }
}

/* Integrates [t0, t1] one internal step at a time, with outputs on a grid of `step` minutes (for
 * the glucose range and the minute records) and at t1, and the daily integrals over each step. */
static gboolean
integrate_segment (GtwSolver           *self,
                   GtwCoreParams       *p,
                   double              *y,
                   int                  t0,
                   int                  t1,
                   const GtwDayRequest *req,
                   GtwDayStats         *st)
{
  int step = req->minutes ? 1 : 5, next_out = (t0 / step + 1) * step;
  double *yy = N_VGetArrayPointer (self->y), *ym = N_VGetArrayPointer (self->mid);
  double t_prev = t0, q_start[N_Y - Y_INT_G], q_mid[N_Y - Y_INT_G], q_end[N_Y - Y_INT_G];
  /* the integrand of the secretion is per unit of the reference mass */
  double to_pmol = GTW_K (BETA_REF) / GTW_K (BV) * p->isr_to_pmol;
  const int isr = Y_INT_ISR - Y_INT_G;
  CPeptide cp;

  if (t1 <= t0)
    return TRUE;

  self->p = p;
  memcpy (self->full, y, sizeof self->full);
  memcpy (yy, y, sizeof (double) * N_ODE);
  CVodeReInit (self->mem, t0, self->y);
  CVodeSetStopTime (self->mem, t1);
  integrands (self, yy, q_start);
  cpeptide_init (&cp, p, t0, y, q_start[isr] * to_pmol);

  for (long steps = 1;; steps++)
    {
      sunrealtype t;

      if (steps > self->max_steps)
        {
          g_snprintf (self->last_error, sizeof self->last_error,
                      _("more than %ld steps between minute %d and minute %d"), self->max_steps,
                      (int) t0, (int) t1);
          return FALSE;
        }
      if (CVode (self->mem, t1, self->y, &t, CV_ONE_STEP) < 0
          || CVodeGetDky (self->mem, 0.5 * (t_prev + t), 0, self->mid) != CV_SUCCESS)
        return FALSE;
      integrands (self, ym, q_mid);
      integrands (self, yy, q_end);
      for (int k = 0; k < N_Y - Y_INT_G; k++)
        y[Y_INT_G + k] += (t - t_prev) / 6.0 * (q_start[k] + 4.0 * q_mid[k] + q_end[k]);
      memcpy (q_start, q_end, sizeof q_start);
      /* without minute records, C-peptide goes through the midpoint; with them, through every
       * minute (output ()) */
      if (!req->minutes)
        cpeptide_advance (&cp, 0.5 * (t_prev + t), q_mid[isr] * to_pmol);

      for (; next_out < t1 && next_out <= t; next_out += step)
        {
          if (CVodeGetDky (self->mem, next_out, 0, self->mid) != CV_SUCCESS)
            return FALSE;
          output (self, req, st, &cp, next_out, ym);
        }
      cpeptide_advance (&cp, t, q_end[isr] * to_pmol);
      t_prev = t;
      if (t >= t1)
        break;
    }
  output (self, req, st, &cp, t1, yy);
  memcpy (y, yy, sizeof (double) * N_ODE);
  y[Y_C1] = cp.c[0];
  y[Y_C2] = cp.c[1];
  return TRUE;
}

gboolean
gtw_solver_run_day (GtwSolver           *self,
                    const GtwDrivers    *drv,
                    GtwCoreParams       *p,
                    double              *y,
                    const GtwDayRequest *req,
                    GtwDayStats         *st,
                    GError             **error)
{
  Event events[2 * GTW_MAX_MEALS + 2 * GTW_MAX_SESSIONS + 4];
  guint n = 0;
  int t = 0, end = req->end_minute > 0 ? req->end_minute : 1440;
  double int_g0 = y[Y_INT_G], int_i0 = y[Y_INT_I], int_isr0 = y[Y_INT_ISR], int_fe0 = y[Y_INT_FE];

  st->min_g = st->max_g = y[Y_G];
  self->minute_detail = req->minutes != NULL;
  events[n++] = (Event) { req->ogtt ? req->ogtt_minute : drv->fasting_minute, EV_FASTING, 0 };
  if (req->ogtt)
    events[n++] = (Event) { req->ogtt_minute, EV_OGTT, 0 };
  for (guint i = 0; i < drv->n_meals; i++)
    {
      /* An OGTT morning has no breakfast. */
      if (req->ogtt && drv->meals[i].minute <= req->ogtt_minute + 240)
        continue;
      events[n++] = (Event) { drv->meals[i].minute, EV_MEAL, (int) i };
      if (drv->meals[i].protein_g > 0)
        events[n++] = (Event) { drv->meals[i].minute + 180, EV_PROTEIN_END, (int) i };
    }
  for (guint i = 0; i < drv->n_sessions; i++)
    {
      events[n++] = (Event) { drv->sessions[i].minute, EV_SESSION_START, (int) i };
      events[n++] = (Event) { drv->sessions[i].minute + drv->sessions[i].duration_min, EV_SESSION_END, (int) i };
    }
  qsort (events, n, sizeof (Event), compare_events);

  if (req->minutes)
    record_minute (req, 0, y, p, gtw_core_isr_pmol (y, p));

  for (guint e = 0; e <= n; e++)
    {
      int next = e < n ? MIN (events[e].minute, end) : end;

      if (!integrate_segment (self, p, y, t, next, req, st))
        goto failed;
      t = MAX (t, next);
      if (e == n || events[e].minute > end)
        break;

      switch (events[e].kind)
        {
        case EV_FASTING:
          st->fasting_g = y[Y_G];
          st->fasting_i = y[Y_I];
          st->fasting_c = y[Y_C1];
          st->fasting_acute = y[Y_ACUTE];
          break;

        case EV_MEAL:
          {
            const GtwMeal *meal = &drv->meals[events[e].index];
            y[Y_QSTO1] += meal->carbs_g * 1000.0;
            p->drink = FALSE;
            y[Y_DOSE] = y[Y_QSTO1] + y[Y_QSTO2];
            if (meal->protein_g > 0)
              {
                /* GLP-1/GIP rise and slower emptying after a preload, strongest when eaten
                 * 15-30 min before (Ma 2009); 25 g gives about -20 % glucose AUC. */
                double timing = MIN (1.0, (meal->protein_lead + 10.0) / 30.0);
                double x = timing * meal->protein_g / 25.0;
                p->gf_factor = 1.0 + 0.25 * x;
                p->kmax_factor = 1.0 / (1.0 + 0.5 * x);
              }
          }
          break;

        case EV_OGTT:
          /* A liquid: nothing to grind, it goes straight to the emptying compartment. */
          y[Y_QSTO2] += 75000.0;
          y[Y_DOSE] = y[Y_QSTO1] + y[Y_QSTO2];
          p->drink = TRUE;
          break;

        case EV_PROTEIN_END:
          p->gf_factor = 1.0;
          p->kmax_factor = 1.0;
          break;

        case EV_SESSION_START:
          {
            const GtwSession *s = &drv->sessions[events[e].index];
            /* Contraction-driven uptake through AMPK; shared with berberine and metformin,
             * so it adds less when a drug already activates AMPK. */
            p->session_ampk = 0.5 * s->intensity * drv->session_adherence * (1.0 - 0.5 * p->ampk_drug);
          }
          break;

        case EV_SESSION_END:
          {
            const GtwSession *s = &drv->sessions[events[e].index];
            double add = GTW_K (ACUTE_EX_GAIN) * sqrt (s->duration_min / 45.0) * s->intensity
                         * drv->session_adherence;
            p->session_ampk = 0;
            y[Y_ACUTE] = MIN (1.0 - (1.0 - y[Y_ACUTE]) * (1.0 - MIN (add, 0.6)), 0.8);
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  st->mean_g = (y[Y_INT_G] - int_g0) / end;
  st->mean_i = (y[Y_INT_I] - int_i0) / end;
  st->mean_isr = (y[Y_INT_ISR] - int_isr0) / end;
  st->mean_fe = (y[Y_INT_FE] - int_fe0) / end;
  /* Keep the integrals small so that precision does not erode over decades. */
  y[Y_INT_G] = 0;
  y[Y_INT_I] = 0;
  y[Y_INT_ISR] = 0;
  y[Y_INT_FE] = 0;
  return TRUE;

failed:
  g_set_error (error, GTW_SIM_ERROR, GTW_SIM_ERROR_SOLVER,
               _("the integrator failed at minute %d: %s"), t,
               self->last_error[0] ? self->last_error : _("unknown error"));
  return FALSE;
}
