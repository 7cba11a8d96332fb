/* gtw-story.h: the days where a run's story turns, in plain language
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Story markers are computed from a trace (finished or still growing): fasting insulin doubled,
 * HOMA-IR above 2.5, prediabetes, beta-cell mass halved, diabetes, and back to normal. Each fires
 * once per crossing, and only when the new condition has held for GTW_STORY_HOLD_DAYS days in a
 * row, so that day-to-day noise near a threshold does not make flags flicker; the marker carries
 * the first day of that stretch. The state on day 0 is where the story starts, not a turn: a
 * patient who starts with prediabetes gets no prediabetes marker, but may get "back to normal".
 */
#pragma once

#include <glib.h>

#include "gtw-simulation.h"
#include "gtw-units.h"

G_BEGIN_DECLS

#define GTW_STORY_HOLD_DAYS 30

typedef enum
{
  GTW_STORY_INSULIN_DOUBLED,  /* fasting insulin at least twice its day-0 value */
  GTW_STORY_HOMA_IR_HIGH,     /* HOMA-IR above 2.5 */
  GTW_STORY_PREDIABETES,      /* stage prediabetes or worse */
  GTW_STORY_BETA_CELLS_HALVED, /* beta-cell mass below 50 % of the healthy reference mass */
  GTW_STORY_DIABETES,         /* stage diabetes */
  GTW_STORY_BACK_TO_NORMAL,   /* from prediabetes or diabetes back to normal glucose values */
  GTW_N_STORY_KINDS
} GtwStoryKind;

typedef struct
{
  GtwStoryKind kind;
  int          day;         /* the first day of the stretch that held */
  /* On that day, in SI units: fasting insulin (pmol/L), HOMA-IR, fasting glucose (mmol/L) for
   * the three stages, beta-cell mass in % of the healthy reference mass. Back to normal quotes
   * the fasting glucose of the day it is confirmed, GTW_STORY_HOLD_DAYS - 1 days later. */
  double       value;
  const char  *title;       /* translated, short: "Fasting insulin doubled" */
  char        *explanation; /* translated, one plain sentence with the number */
} GtwStoryMarker;

/* Display units of the numbers in the explanations. */
typedef struct
{
  GtwGlucoseUnit glucose;
  GtwInsulinUnit insulin;
  GtwHba1cUnit   hba1c;
} GtwStoryUnits;

const char *gtw_story_kind_to_string (GtwStoryKind kind); /* "insulin-doubled", ... */
const char *gtw_story_kind_title     (GtwStoryKind kind); /* translated */

/* The markers of the days filled so far, by day (ties in kind order); never NULL. Elements are
 * GtwStoryMarker, freed with the array. @units NULL: SI units. */
GPtrArray  *gtw_story_compute        (const GtwTrace      *trace,
                                      const GtwStoryUnits *units);

/* A span of the run in words: "12 days", "5 months", "3.2 years", "20 years" (translated). */
char       *gtw_story_format_span    (int                  days);

/* The first marker of @kind, or NULL. */
const GtwStoryMarker *gtw_story_find (GPtrArray           *story,
                                      GtwStoryKind         kind);

/* One translated sentence comparing when @kind first happens with and without interventions:
 * "Diabetes: 3.2 years later than without interventions.", "...: avoided within the 20 years
 * simulated ...". NULL when neither run has it. @n_days: the length of the runs compared. */
char       *gtw_story_compare        (GPtrArray           *story,
                                      GPtrArray           *baseline_story,
                                      GtwStoryKind         kind,
                                      guint                n_days);

void        gtw_story_marker_free    (GtwStoryMarker      *marker);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GtwStoryMarker, gtw_story_marker_free)

G_END_DECLS
