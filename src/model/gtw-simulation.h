/* gtw-simulation.h: running a scenario into a trace; day detail, OGTT, markers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "gtw-scenario.h"
#include "gtw-units.h"

G_BEGIN_DECLS

#define GTW_SIM_ERROR (gtw_sim_error_quark ())

typedef enum
{
  GTW_SIM_ERROR_SOLVER, /* the integrator failed; the message names the day and the reason */
  GTW_SIM_ERROR_DAY,    /* a requested day outside the run */
} GtwSimError;

typedef enum
{
  GTW_STAGE_NORMAL,
  GTW_STAGE_COMPENSATED_IR,
  GTW_STAGE_PREDIABETES,
  GTW_STAGE_DIABETES,
} GtwStage;

const char *gtw_stage_to_string (GtwStage stage); /* "normal", "compensated_ir", ... */
const char *gtw_stage_label     (GtwStage stage); /* translated */
/* The stage a clinician reads off the values on the screen: each value rounded as it is shown
 * in its unit (glucose 0.1 mmol/L or 1 mg/dL, HbA1c 0.1 % or 1 mmol/mol, HOMA-IR 0.1, insulin
 * 1 pmol/L) and held against that unit's cut-offs (ADA: 5.6 and 7.0 mmol/L or 100 and 126
 * mg/dL; 5.7 and 6.5 % or 39 and 48 mmol/mol). The day records' own stage is classified on
 * the unrounded values, so a fasting glucose of 6.97 mmol/L is still prediabetes there, while
 * the screen shows "7.0". */
GtwStage    gtw_stage_classify_as_shown (double         fpg_mmol,
                                         double         hba1c_percent,
                                         double         homa_ir,
                                         double         fpi_pmol,
                                         GtwGlucoseUnit glucose_unit,
                                         GtwHba1cUnit   hba1c_unit);

/* One simulated day, in SI units; the daily columns of the CLI contract plus extras. */
typedef struct
{
  int      day;
  double   fasting_glucose;        /* mmol/L, just before breakfast */
  double   fasting_insulin;        /* pmol/L */
  double   fasting_cpeptide;       /* nmol/L */
  double   mean_glucose;           /* mmol/L over the 24 h */
  double   max_glucose;            /* mmol/L */
  double   hba1c;                  /* % */
  double   homa_ir;
  double   homa_b;                 /* % */
  double   beta_cell_mass_rel;     /* 1 = healthy reference (1533.9 mg) */
  double   beta_cell_function_rel; /* sigma */
  double   si_rel;                 /* Si / 0.8 */
  double   hepatic_si_rel;         /* hepaSi / 1 */
  double   tg;                     /* mmol/L */
  double   hdl;                    /* mmol/L */
  double   weight;                 /* kg */
  double   visceral_fat;           /* kg */
  double   liver_fat;              /* % */
  double   inflammation;           /* index, 1 = healthy reference */
  GtwStage stage;
  /* extras, not in the run CSV */
  double   min_glucose;            /* mmol/L */
  double   beta_cell_mass_mg;
  double   si_bergman;             /* effective Si x 1e-4 mL/µU/min, fasting */
  double   shbg;                   /* nmol/L */
  double   mean_insulin;           /* pmol/L */
  /* the mechanism layer's states and factors (model reference section 5), for the mechanism map */
  double   receptor_density;       /* insulin receptor density, 1 = healthy reference day, 0.52 fully down */
  double   irs1_signal;            /* IRS-1 signalling: f_IMCL x f_inflam x f_cofactor, 1 = reference */
  double   akt_boost;              /* fractional rise of Si through PI3K/Akt (berberine, ALA) */
  double   glut4_expression;       /* muscle GLUT4 index, 1 = reference */
  double   imcl;                   /* intramyocellular lipid (DAG, ceramide) index, 1 = reference */
  double   ampk_drug;              /* AMPK activation by berberine and metformin, 0..1 */
  double   exercise_acute;         /* acute post-exercise rise of Si at the fasting sample, fraction */
  double   hgp_factor;             /* hepatic glucose output left by drugs (1 = none removed) */
  double   gut_barrier;            /* barrier integrity 0..1 */
  double   lps;                    /* endotoxaemia index */
  double   akkermansia;            /* 0..1 */
  double   magnesium;              /* status 0..1 */
  double   chromium;               /* status 0..1 */
  double   omega3_index;           /* % */
  double   beta_stress;            /* accumulated beta-cell workload (ER) stress, 0 at rest */
} GtwDayRecord;

typedef enum { GTW_COLUMN_INT, GTW_COLUMN_DOUBLE, GTW_COLUMN_STAGE } GtwColumnKind;

typedef struct
{
  const char   *name;   /* contract name, e.g. "fasting_glucose_mmol_l" */
  const char   *label;  /* translatable */
  const char   *unit;
  GtwColumnKind kind;
  gsize         offset; /* into GtwDayRecord */
} GtwColumn;

/* The daily columns of `glucotwin-cli run`, in contract order. */
const GtwColumn *gtw_day_columns       (guint *n_columns);
double           gtw_column_get_double (const GtwColumn *column, const GtwDayRecord *record);

typedef struct _GtwTrace GtwTrace;

typedef enum { GTW_INTEGRATOR_REFERENCE, GTW_INTEGRATOR_FAST } GtwIntegrator;

/* The fast integrator draws a stepped-over day from the exact days on both sides of it: a run
 * that is to report day N as the whole run would must go on this many days after N (or to the
 * scenario's end). Its days 0..N are then the whole run's. */
#define GTW_FAST_LOOKAHEAD_DAYS 194

/* Called on the simulating thread with days [first_day, first_day + n_days) newly filled: first
 * as soon as the first days exist, then in chunks that end on multiples of chunk_days and at the
 * run's end. */
typedef void (*GtwChunkFunc)    (GtwTrace *trace, guint first_day, guint n_days, gpointer user_data);
typedef void (*GtwProgressFunc) (double fraction, gpointer user_data);

typedef struct
{
  gboolean        with_interventions; /* FALSE runs the baseline */
  GtwIntegrator   integrator;         /* GTW_INTEGRATOR_FAST by default */
  gboolean        reserve_at_rest;    /* TRUE replaces the patient's beta_cell_reserve by the
                                       * one that holds his beta-cell function (sigma) where day
                                       * 0 has it, within the registry's range; the trace's
                                       * scenario has that value. FALSE by default */
  guint           chunk_days;         /* default 365; the first chunk comes early and short */
  GtwChunkFunc    chunk_func;
  gpointer        chunk_data;
  GtwProgressFunc progress_func;
  gpointer        progress_data;
} GtwSimOptions;

void      gtw_sim_options_init (GtwSimOptions *options);
GQuark    gtw_sim_error_quark  (void);

/* Runs scenario->duration_days days. Checks the cancellable once per day. */
GtwTrace *gtw_simulate         (const GtwScenario   *scenario,
                                const GtwSimOptions *options,
                                GCancellable        *cancellable,
                                GError             **error);

GtwTrace           *gtw_trace_ref          (GtwTrace       *trace);
void                gtw_trace_unref        (GtwTrace       *trace);
guint               gtw_trace_get_n_days   (const GtwTrace *trace); /* days filled so far */
const GtwDayRecord *gtw_trace_get_day      (const GtwTrace *trace, guint day);
const GtwScenario  *gtw_trace_get_scenario (const GtwTrace *trace);
gboolean            gtw_trace_has_interventions (const GtwTrace *trace);
/* Bytes held by the trace: records, checkpoints and the scenario. */
gsize               gtw_trace_get_memory_size (const GtwTrace *trace);
/* First day with stage diabetes by fasting glucose >= 7.0 mmol/L, or -1. */
int                 gtw_trace_diabetes_onset (const GtwTrace *trace);

/* Minute detail of one day, re-simulated from that day's checkpoint. */
typedef struct
{
  int    minute;
  double glucose;  /* mmol/L */
  double insulin;  /* pmol/L */
  double cpeptide; /* nmol/L */
  double isr;      /* pmol/min, prehepatic secretion */
  double meal_ra;  /* mg/kg/min */
} GtwMinuteRecord;

typedef enum { GTW_EVENT_MEAL, GTW_EVENT_EXERCISE, GTW_EVENT_PROTEIN, GTW_EVENT_OGTT } GtwEventKind;

typedef struct
{
  GtwEventKind kind;
  int          minute;
  int          duration_min; /* exercise */
  double       amount;       /* g of carbohydrate, protein or glucose */
} GtwDayEvent;

typedef struct
{
  int     day;
  GArray *minutes; /* GtwMinuteRecord, 1440 of them */
  GArray *events;  /* GtwDayEvent */
} GtwDayDetail;

GtwDayDetail *gtw_trace_simulate_day (GtwTrace *trace, guint day, GError **error);
void          gtw_day_detail_free    (GtwDayDetail *detail);

typedef enum { GTW_OGTT_NORMAL, GTW_OGTT_IGT, GTW_OGTT_DIABETES } GtwOgttReading;
const char *gtw_ogtt_reading_to_string (GtwOgttReading reading); /* "normal", "impaired_glucose_tolerance", "diabetes" */

#define GTW_OGTT_N_SAMPLES 5

typedef struct
{
  int            day;
  int            minute[GTW_OGTT_N_SAMPLES];   /* 0 30 60 90 120 */
  double         glucose[GTW_OGTT_N_SAMPLES];  /* mmol/L */
  double         insulin[GTW_OGTT_N_SAMPLES];  /* pmol/L */
  double         cpeptide[GTW_OGTT_N_SAMPLES]; /* nmol/L */
  double         two_hour_glucose;             /* mmol/L */
  double         insulinogenic_index;          /* Δinsulin30 (µU/mL) / Δglucose30 (mg/dL) */
  double         matsuda_index;
  GtwOgttReading reading;
  GArray        *curve;                        /* GtwMinuteRecord, minutes 0..180 */
} GtwOgttResult;

GtwOgttResult *gtw_trace_run_ogtt (GtwTrace *trace, guint day, GError **error);
void           gtw_ogtt_result_free (GtwOgttResult *result);

typedef struct
{
  int      day;
  double   fasting_glucose;  /* mmol/L */
  double   fasting_insulin;  /* pmol/L */
  double   fasting_cpeptide; /* nmol/L */
  double   homa_ir;
  double   homa_b;
  double   hba1c;            /* % */
  double   tg;               /* mmol/L */
  double   hdl;              /* mmol/L */
  double   tg_hdl_mmol;      /* both in mmol/L */
  double   tg_hdl_mgdl;      /* both in mg/dL */
  double   weight;
  double   bmi;
  double   visceral_fat;
  double   liver_fat;
  double   inflammation;
  double   beta_cell_mass_rel;
  double   beta_cell_mass_mg;
  double   beta_cell_function_rel;
  double   si_bergman;
  double   shbg;             /* nmol/L; NAN for men */
  GtwStage stage;
} GtwMarkers;

gboolean gtw_trace_markers (const GtwTrace *trace, guint day, GtwMarkers *out, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GtwTrace, gtw_trace_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GtwDayDetail, gtw_day_detail_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GtwOgttResult, gtw_ogtt_result_free)

G_END_DECLS
