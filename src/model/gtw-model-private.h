/* gtw-model-private.h: the engine's internal state, shared by core, mechanisms and solver
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <math.h>

#include "gtw-simulation.h"
#include "gtw-units.h"

G_BEGIN_DECLS

/* The fast core's states within each day (minutes). CVODE integrates the first N_ODE; C-peptide
 * is solved exactly alongside, the meal size is held between meals and the running integrals
 * are quadratures, all kept out of the Newton system (gtw-solver.c). */
enum
{
  Y_G,      /* plasma glucose, mg/dL */
  Y_I,      /* plasma insulin, µU/mL */
  Y_N5,     /* docked granule pool (Ha & Sherman 2020) */
  Y_N6,     /* reserve granule pool */
  Y_GAMMA,  /* K(ATP) shift: swings within the day, so it lives here */
  Y_BETA,   /* beta-cell mass, mg */
  Y_SIGMA,  /* secretory capacity */
  Y_QSTO1,  /* stomach, solid, mg (Dalla Man 2007) */
  Y_QSTO2,  /* stomach, liquid, mg */
  Y_QGUT,   /* gut, mg */
  Y_ACUTE,  /* acute post-exercise rise of insulin sensitivity, fraction */
  Y_X,      /* remote insulin acting on uptake, µU/mL (Dalla Man 2007); X = I at rest */
  N_ODE,
  Y_C1 = N_ODE, /* C-peptide, central, pmol/L (Van Cauter 1992): linear in the secretion and
                 * feeding nothing back, so solved exactly alongside (gtw-solver.c) */
  Y_C2,     /* C-peptide, peripheral, pmol/L */
  Y_DOSE,   /* size of the last meal, mg: shapes gastric emptying; constant between meals */
  Y_INT_G,  /* running integral of G, for the daily mean */
  Y_INT_I,  /* running integral of I */
  Y_INT_ISR, /* running integral of the islets' ISR, per unit of the reference mass */
  Y_INT_FE, /* running integral of the receptor density's target at the plasma insulin of the moment */
  N_Y
};

/* Slow states, advanced once a day by the mechanism layer. */
typedef struct
{
  double si;            /* peripheral insulin sensitivity (Ha units, 0.8 reference) */
  double hepasi;        /* hepatic insulin sensitivity (1 reference) */
  double weight;        /* kg */
  double visceral;      /* kg */
  double liver_fat;     /* % */
  double imcl;          /* intramyocellular lipid index, 1 reference */
  double inflammation;  /* index, 1 reference */
  double barrier;       /* gut barrier integrity 0..1 */
  double akkermansia;   /* 0..1 */
  double receptor;      /* insulin receptor density FE (Ha & Sherman 2020 Fig. 9) */
  double glut4;         /* muscle GLUT4 index, 1 reference */
  double omega3;        /* omega-3 index, % */
  double magnesium;     /* status 0..1 */
  double chromium;      /* status 0..1 */
  double tg;            /* mmol/L */
  double hdl;           /* mmol/L */
  double shbg;          /* nmol/L */
  double gw;            /* HbA1c glucose filter, mg/dL */
  double beta_stress;   /* accumulated beta-cell workload stress (ER stress), 0 at rest */
  double beta_damage1;  /* damage: two more stages after the stress (a delay of order 3) */
  double beta_damage;
  double beta_load;     /* the stress's target, averaged over tau_beta_load_days */
  double beta_stress0;  /* the stress on day 0, which the patient's beta-cell function carries */
  double restraint;     /* kcal/day eaten below appetite after a low-calorie diet: the part that fades */
  double restraint_kept; /* the part that stays (gtw-mech-adiposity.c) */
} GtwSlow;

typedef struct
{
  double y[N_Y];
  GtwSlow slow;
} GtwState;

/* CVODE's relative tolerance for the days of a run (gtw-solver.c says why), and for the first
 * days of the settling before day 0, whose errors the last days at the tighter one damp out. */
#define GTW_SOLVER_RTOL          1e-4
#define GTW_SOLVER_RTOL_LOOSE    1e-3 /* insulin, granules, C-peptide, gut: gtw-solver.c */
#define GTW_SOLVER_RTOL_SETTLING 1e-3

#define GTW_MAX_MEALS    4
#define GTW_MAX_SESSIONS 8

typedef struct
{
  int    minute;
  double carbs_g;
  double protein_g;   /* preload eaten protein_lead minutes before */
  double protein_lead;
} GtwMeal;

/* Everything that drives one day: interventions resolved, meals, energy balance. */
typedef struct
{
  GtwEffects fx;
  GtwMeal    meals[GTW_MAX_MEALS];
  guint      n_meals;
  GtwSession sessions[GTW_MAX_SESSIONS];
  guint      n_sessions;
  double     session_adherence;
  double     fructose_g;
  double     refined_g;
  double     energy_intake;  /* kcal/day */
  double     energy_balance; /* kcal/day */
  double     hold_need;      /* kcal/day below appetite that would hold today's weight */
  double     training;       /* habitual + intervention, aerobic-equivalent, 1 = 150 min/week */
  double     resistance;
  double     age;            /* years */
  int        fasting_minute; /* when fasting values are read */
} GtwDrivers;

/* Parameters of the fast core for one day (and, for the event-driven ones, one segment). */
typedef struct
{
  double si;              /* slow Si x receptor density x Akt: before the acute exercise effect */
  double si_hgp;          /* the Si that shapes maximal liver output (Ha & Sherman 2020) */
  double hepasi;
  double eg0_factor;      /* AMPK (drugs) */
  double hgp_factor;      /* 1 - hepatic suppression */
  double cortisol_extra;  /* morning rise of liver output above the reference */
  double posthepatic;     /* (1 - HE) / (1 - HE_ref) */
  double isri_bar;
  double apoptosis_extra;  /* glucolipotoxic + inflammatory, gated by the glucose history */
  double apoptosis_stress; /* workload stress */
  double beta_own;        /* the patient's beta-cell mass on day 0, mg */
  double bw;              /* kg */
  double vg;              /* dL/kg */
  double cp_k01, cp_k12, cp_k21, cp_v;
  double isr_to_pmol;     /* (beta ISR / BV) -> prehepatic pmol/min */
  double ampk_drug;
  gboolean freeze_slow;   /* spin-up: hold beta and sigma */
  /* per segment */
  double gf_factor;
  double incretin;      /* share of the glucose-dependent amplification left (1: intact) */
  double kmax_factor;
  double sigma_speed;     /* the diet's speed-up of sigma (gtw_beta_sigma_speed) */
  gboolean drink;         /* the stomach holds the OGTT's glucose drink, not a meal */
  double session_ampk;    /* extra insulin-independent uptake during a session */
} GtwCoreParams;

/* Daily statistics of the fast core. */
typedef struct
{
  double fasting_g, fasting_i, fasting_c, fasting_acute;
  double mean_g, mean_i, min_g, max_g;
  double mean_isr;      /* the islets' whole secretion, per unit of the reference mass (BETA_REF) */
  double mean_fe;       /* daily mean of the receptor density's target FE_inf(I(t)) */
} GtwDayStats;

/* gtw-core.c */
void     gtw_core_rhs           (double t, const double *y, double *dydt, const GtwCoreParams *p); /* dydt: N_ODE */
void     gtw_core_integrands    (const double *y, const GtwCoreParams *p, double *q); /* of Y_INT_G.. */
double   gtw_core_isr           (const double *y, const GtwCoreParams *p); /* per unit mass */
double   gtw_core_meal_ra       (const double *y, const GtwCoreParams *p); /* mg/kg/min */
double   gtw_core_isr_pmol      (const double *y, const GtwCoreParams *p);
void     gtw_core_fasting_steady_state (double *y, const GtwCoreParams *p);

/* gtw-mechanism.c */
typedef struct _GtwModel GtwModel; /* a patient made ready to simulate */

typedef struct
{
  GtwPatient patient;
  double     intake0;      /* kcal/day */
  double     bmi0;
  double     cp_k01, cp_k12, cp_k21, cp_v;
  double     liver_fat_gain; /* the patient's liver fat over the drivers' level on day 0 */
  double     muscle0;        /* muscle's share of Si on day 0 (GLUT4 x lipid factor); 0 until built */
  double     liver0;         /* the liver fat factor on day 0 */
} GtwPatientConstants;

void   gtw_mechanism_prepare     (const GtwPatient *patient, GtwPatientConstants *pc);
void   gtw_mechanism_init_slow   (const GtwPatientConstants *pc, GtwSlow *slow);
void   gtw_mechanism_drivers     (const GtwPatientConstants *pc, const GtwSlow *slow,
                                  const GArray *interventions, int day, GtwDrivers *drv);
void   gtw_mechanism_core_params (const GtwPatientConstants *pc, const GtwSlow *slow,
                                  const GtwDrivers *drv, GtwCoreParams *p);
/* Advance the slow states by one day. settle = TRUE puts the fast ones at their targets. */
void   gtw_mechanism_update      (const GtwPatientConstants *pc, GtwSlow *slow,
                                  const GtwDrivers *drv, const GtwDayStats *stats, double dt,
                                  gboolean settle);
double gtw_mechanism_si_target   (const GtwPatientConstants *pc, const GtwSlow *slow,
                                  const GtwDrivers *drv);
double gtw_mechanism_hepasi_target (const GtwPatientConstants *pc, const GtwSlow *slow,
                                    const GtwDrivers *drv);
double gtw_intervention_level    (const GtwIntervention *iv, double t_days);

/* mechanism modules: targets and factors, one module per row of the model reference's section
 * 5 table, in its order (gtw-mech-*.c) */
/* gtw-mech-membrane.c */
double gtw_omega3_target         (const GtwPatientConstants *pc, const GtwDrivers *d);
double gtw_membrane_f_factor     (const GtwSlow *s);
/* gtw-mech-receptor.c */
double gtw_receptor_target       (double insulin); /* µU/mL, at a moment */
/* gtw-mech-imcl.c */
double gtw_imcl_target           (const GtwPatientConstants *pc, const GtwSlow *s, const GtwDrivers *d);
double gtw_imcl_f_factor         (const GtwSlow *s);
/* gtw-mech-inflammation.c */
double gtw_inflammation_target   (const GtwSlow *s);
double gtw_inflammation_f_factor (const GtwSlow *s);
double gtw_inflammation_g_factor (const GtwSlow *s);
/* gtw-mech-gut.c */
double gtw_lps                   (const GtwSlow *s);
double gtw_barrier_target        (const GtwPatientConstants *pc, const GtwDrivers *d);
double gtw_akkermansia_target    (const GtwPatientConstants *pc, const GtwDrivers *d);
/* gtw-mech-adiposity.c */
double gtw_adiposity_expenditure (const GtwPatientConstants *pc, const GtwSlow *s, const GtwDrivers *d);
void   gtw_adiposity_update      (const GtwPatientConstants *pc, GtwSlow *s, const GtwDrivers *d, double dt);
double gtw_adiposity_appetite    (const GtwPatientConstants *pc, const GtwSlow *s);
/* gtw-mech-liver.c */
double gtw_liver_fat_target      (const GtwPatientConstants *pc, const GtwSlow *s,
                                  const GtwDrivers *d, double mean_i);
void   gtw_liver_fat_calibrate   (GtwPatientConstants *pc, const GtwSlow *s,
                                  const GtwDrivers *d, double mean_i);
double gtw_liver_g_factor        (const GtwSlow *s);
double gtw_liver_extraction      (const GtwSlow *s);
double gtw_liver_gluconeogenic_excess (const GtwSlow *s); /* 0..1, metformin's share */
double gtw_liver_glycogen_factor    (const GtwSlow *s, const GtwDrivers *d); /* liver output multiplier, 0..1 */
/* gtw-mech-cortisol.c */
double gtw_cortisol_morning_extra (const GtwPatientConstants *pc);
double gtw_cortisol_g_factor     (const GtwPatientConstants *pc);
/* gtw-mech-cofactors.c */
double gtw_magnesium_target      (const GtwPatientConstants *pc, const GtwDrivers *d);
double gtw_chromium_target       (const GtwPatientConstants *pc, const GtwDrivers *d);
double gtw_cofactor_f_factor     (const GtwSlow *s);
/* gtw-mech-glut4.c */
double gtw_glut4_target          (const GtwDrivers *d);
/* gtw-mech-ampk.c */
double gtw_ampk_training         (const GtwDrivers *d);
/* gtw-mech-beta-cell.c */
double gtw_beta_apoptosis_extra  (const GtwSlow *s);
double gtw_beta_apoptosis_stress (const GtwSlow *s);
double gtw_beta_stress_target    (double mean_isr);
void   gtw_beta_stress_update    (GtwSlow *s, double target, double dt, gboolean settle);
double gtw_beta_capacity_factor  (const GtwSlow *s);
double gtw_beta_sigma_speed      (const GtwDrivers *d);
double gtw_beta_sigma_speed_at   (double speed, double sigma);
double gtw_incretin_factor       (const GtwSlow *s);
/* gtw-mech-lipids.c */
double gtw_tg_target             (const GtwSlow *s, const GtwDrivers *d, double mean_i);
double gtw_hdl_target            (const GtwPatientConstants *pc, const GtwSlow *s, const GtwDrivers *d);
/* gtw-mech-shbg.c */
double gtw_shbg_target           (const GtwPatientConstants *pc, double fasting_i);
/* gtw-mech-constitution.c: age, sleep and PCOS, beside the table */
double gtw_constitution_f_factor (const GtwPatientConstants *pc, const GtwDrivers *d);
/* gtw-mechanism.c */
double gtw_mechanism_si_liver    (const GtwPatientConstants *pc, const GtwSlow *slow);

/* relax x towards target with time constant tau (days) over dt days, exactly */
/* Ha & Sherman 2020: the beta cell's glucose metabolism M(G), G in mg/dL */
static inline double
gtw_metabolism (double g)
{
  return g * g / (150.0 * 150.0 + g * g);
}

static inline double
gtw_relax (double x, double target, double tau, double dt)
{
  return target + (x - target) * exp (-dt / tau);
}

/* gtw-solver.c */
typedef struct _GtwSolver GtwSolver;

typedef struct
{
  gboolean ogtt;          /* no breakfast; 75 g glucose at 08:00; fasting read at 08:00 */
  int      ogtt_minute;
  GArray  *minutes;       /* if set, GtwMinuteRecord every minute */
  int      minute_offset; /* added to recorded minutes */
  int      end_minute;    /* 1440 normally */
} GtwDayRequest;

GtwSolver *gtw_solver_new     (GError **error);
void       gtw_solver_free    (GtwSolver *solver);
void       gtw_solver_set_relative_tolerance (GtwSolver *solver, double rtol);
gboolean   gtw_solver_run_day (GtwSolver *solver, const GtwDrivers *drv, GtwCoreParams *p,
                               double *y, const GtwDayRequest *req, GtwDayStats *stats,
                               GError **error);

/* gtw-markers.c */
GtwStage gtw_stage_classify (double fpg_mmol, double hba1c, double homa_ir, double fpi_pmol);
void     gtw_day_record_set_stats (GtwDayRecord *rec, const GtwDayStats *st);
void     gtw_day_record_fill (GtwDayRecord *rec, int day, const GtwState *state_end,
                              const GtwDayStats *stats, const GtwCoreParams *p);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GtwSolver, gtw_solver_free)

G_END_DECLS
