/* gtw-intervention.h: interventions on the timeline and their type modules
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An intervention never touches the core equations: each type module turns its exposure
 * level into GtwEffects, which the mechanism layer and the meal input read.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  GTW_IV_BERBERINE,
  GTW_IV_EXERCISE,
  GTW_IV_CARB_REDUCTION,
  GTW_IV_GUT_REPAIR,
  GTW_IV_CHROMIUM,
  GTW_IV_MAGNESIUM,
  GTW_IV_ALPHA_LIPOIC_ACID,
  GTW_IV_PREMEAL_PROTEIN,
  GTW_IV_OMEGA3,
  GTW_IV_METFORMIN,
  GTW_IV_LOW_CALORIE_DIET,
  GTW_N_IV_TYPES
} GtwInterventionType;

typedef enum
{
  GTW_EVIDENCE_STRONG,
  GTW_EVIDENCE_MODERATE,
  GTW_EVIDENCE_WEAK,
  GTW_EVIDENCE_MECHANISTIC,
} GtwEvidence;

typedef enum
{
  GTW_FIELD_NUMBER,  /* JSON number */
  GTW_FIELD_CHOICE,  /* JSON string among choices, stored as the index */
  GTW_FIELD_BOOLEAN, /* JSON boolean, stored as 0/1 */
  GTW_FIELD_TIME,    /* JSON string "HH:MM", stored as minutes after midnight */
} GtwFieldKind;

#define GTW_IV_MAX_FIELDS 6

typedef struct
{
  const char        *key;     /* scenario key, e.g. "dose_mg_per_day" */
  const char        *label;   /* translatable */
  const char        *unit;
  GtwFieldKind       kind;
  double             min;
  double             max;
  double             def;     /* NAN: "follows another field", see the type's docs */
  const char *const *choices; /* GTW_FIELD_CHOICE */
} GtwFieldSpec;

typedef struct
{
  GtwInterventionType type;
  int                 start_day;
  int                 end_day;   /* inclusive; -1 = until the end of the run */
  double              adherence; /* 0..1 */
  double              field[GTW_IV_MAX_FIELDS]; /* by the index of the type's field specs */
} GtwIntervention;

/* What all active interventions together ask of the mechanism layer on one day. Each member
 * is 0 when nothing acts. */
typedef struct
{
  double ampk;                /* AMPK activation, 0..1 scale (insulin-independent uptake, HGP) */
  double hgp_suppression;     /* 0..1 of the most that drugs can remove from hepatic glucose
                               * output (HGP_SUPPRESSION_MAX); combined as 1 - prod (1 - h) */
  double hgp_suppression_glycaemic; /* the same, from metformin: it acts in full only where the
                                     * glycaemia is diabetic (gtw_liver_gluconeogenic_excess ()) */
  double akt;                 /* fractional rise of effective Si through PI3K/Akt */
  double tg_lowering;         /* fraction */
  double carb_reduction;      /* fraction of refined carbohydrate removed */
  double fructose_reduction;  /* fraction of fructose removed */
  double barrier_repair;      /* 0..1 drive towards a tight barrier */
  double akkermansia;         /* 0..1 drive towards high Akkermansia */
  double magnesium_supply;    /* 0..1 of a full repletion dose */
  double chromium_supply;     /* 0..1 of a full repletion dose */
  double omega3_g;            /* supplemental EPA+DHA g/day */
  double protein_g;           /* pre-meal protein per covered meal */
  double protein_lead_min;    /* minutes before the meal */
  guint  protein_meals;       /* bit mask: 1 breakfast, 2 lunch, 4 dinner */
  double training_load;       /* weekly aerobic-equivalent minutes / 150 */
  double resistance_load;     /* weekly resistance minutes / 150 */
  double exercise_kcal;       /* extra energy spent per day, averaged over the week */
  double diet_level;          /* 0..1 exposure to a low-calorie diet */
  double diet_kcal;           /* that diet's daily energy, kcal */
} GtwEffects;

typedef struct
{
  int    minute;       /* start, minutes after midnight */
  int    duration_min;
  double intensity;    /* 0.6 light, 1 moderate, 1.5 vigorous */
  int    kind;         /* GTW_EXERCISE_* */
} GtwSession;

enum { GTW_EXERCISE_AEROBIC, GTW_EXERCISE_RESISTANCE, GTW_EXERCISE_COMBINED };

typedef struct
{
  const char         *id;          /* scenario "type", e.g. "carb_reduction" */
  const char         *label;       /* translatable */
  const char         *icon_name;
  GtwEvidence         evidence;
  const char         *acts_on;     /* translatable: where in the cascade */
  const char         *explanation; /* translatable: plain language, for the handout */
  const char         *source;
  const GtwFieldSpec *fields;
  guint               n_fields;
  double              tau_on_days;  /* ramp-in time constant of the exposure level */
  double              tau_off_days; /* wash-out time constant */
  void              (*contribute) (const GtwIntervention *iv,
                                   double                 level,
                                   GtwEffects            *effects);
} GtwInterventionClass;

const GtwInterventionClass *gtw_intervention_class       (GtwInterventionType type);
const GtwInterventionClass *gtw_intervention_class_by_id (const char         *id,
                                                          GtwInterventionType *out_type);
const char                 *gtw_evidence_label           (GtwEvidence         evidence);
const char                 *gtw_evidence_to_string       (GtwEvidence         evidence);

/* Defaults for every field of the type, adherence 1, open end. */
void      gtw_intervention_init     (GtwIntervention    *iv,
                                     GtwInterventionType type,
                                     int                 start_day);
int       gtw_intervention_field_index (const GtwInterventionClass *klass,
                                        const char                 *key);
gboolean  gtw_intervention_active_on (const GtwIntervention *iv,
                                      int                    day);
/* Exercise sessions of an exercise intervention on a day; returns how many were written. */
guint     gtw_exercise_sessions_on_day (const GtwIntervention *iv,
                                        int                    day,
                                        GtwSession            *out,
                                        guint                  max_out);

G_END_DECLS
