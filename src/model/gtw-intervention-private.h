/* gtw-intervention-private.h: the type modules, one per file
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gtw-intervention.h"

G_BEGIN_DECLS

extern const GtwInterventionClass gtw_iv_berberine;
extern const GtwInterventionClass gtw_iv_exercise;
extern const GtwInterventionClass gtw_iv_carb_reduction;
extern const GtwInterventionClass gtw_iv_gut_repair;
extern const GtwInterventionClass gtw_iv_chromium;
extern const GtwInterventionClass gtw_iv_magnesium;
extern const GtwInterventionClass gtw_iv_alpha_lipoic_acid;
extern const GtwInterventionClass gtw_iv_premeal_protein;
extern const GtwInterventionClass gtw_iv_omega3;
extern const GtwInterventionClass gtw_iv_metformin;
extern const GtwInterventionClass gtw_iv_low_calorie_diet;

/* Field indices, in the order of each type's field specs. */
enum { GTW_BERBERINE_DOSE };
enum { GTW_EXERCISE_KIND, GTW_EXERCISE_SESSIONS, GTW_EXERCISE_MINUTES, GTW_EXERCISE_INTENSITY,
       GTW_EXERCISE_TIME };
enum { GTW_CARB_REDUCTION, GTW_CARB_FRUCTOSE_REDUCTION };
enum { GTW_GUT_AKKERMANSIA };
enum { GTW_SUPPLEMENT_DOSE };
enum { GTW_DIET_KCAL };
enum { GTW_PROTEIN_GRAMS, GTW_PROTEIN_MINUTES_BEFORE, GTW_PROTEIN_MEALS };
enum { GTW_INTENSITY_LIGHT, GTW_INTENSITY_MODERATE, GTW_INTENSITY_VIGOROUS };
enum { GTW_MEALS_ALL, GTW_MEALS_BREAKFAST, GTW_MEALS_LUNCH, GTW_MEALS_DINNER };

double gtw_exercise_intensity_factor (int intensity);

G_END_DECLS
