/* gtw-scenario.h: a patient, a timeline and a duration; scenario files and presets
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gtw-patient.h"
#include "gtw-intervention.h"
#include "gtw-labs.h"

G_BEGIN_DECLS

#define GTW_SCENARIO_FORMAT        "glucotwin-scenario"
#define GTW_SCENARIO_VERSION       1
#define GTW_SCENARIO_MAX_DAYS      (30 * 365)
#define GTW_SCENARIO_MAX_FILE_SIZE (1024 * 1024)
#define GTW_SCENARIO_MAX_DEPTH     32 /* nesting of JSON arrays and objects; a scenario needs 3 */
#define GTW_SCENARIO_ERROR         (gtw_scenario_error_quark ())

typedef enum
{
  GTW_SCENARIO_ERROR_PARSE,    /* not JSON */
  GTW_SCENARIO_ERROR_INVALID,  /* JSON, but not a valid scenario: the message names the path */
  GTW_SCENARIO_ERROR_VERSION,  /* written by a newer Glucotwin */
  GTW_SCENARIO_ERROR_TOO_LARGE,
  GTW_SCENARIO_ERROR_UNKNOWN_PRESET,
} GtwScenarioError;

typedef struct
{
  char       *name;          /* title */
  char       *description;   /* may be NULL */
  char       *preset;        /* patient.preset, may be NULL */
  GtwPatient  patient;
  GArray     *interventions; /* of GtwIntervention */
  GArray     *labs;          /* of GtwLab, ordered by day; may be NULL (none entered) */
  int         duration_days;
  guint64     seed;
} GtwScenario;

GQuark       gtw_scenario_error_quark (void);

GtwScenario *gtw_scenario_new          (void);
GtwScenario *gtw_scenario_copy         (const GtwScenario *scenario);
void         gtw_scenario_free         (GtwScenario       *scenario);
GtwScenario *gtw_scenario_copy_baseline (const GtwScenario *scenario); /* without interventions */

GtwScenario *gtw_scenario_load_data    (const char        *data,
                                        gssize             length,
                                        GError           **error);
GtwScenario *gtw_scenario_load_file    (const char        *path,
                                        GError           **error);
/* What the loader asks of JSON before it reads it as a scenario (not nested too deep, valid,
 * no key twice in an object), for JSON that becomes part of a scenario (an intervention sent
 * over D-Bus). */
gboolean     gtw_scenario_check_json   (const char        *data,
                                        gssize             length,
                                        GError           **error);
char        *gtw_scenario_to_data      (const GtwScenario *scenario,
                                        gsize             *length);
gboolean     gtw_scenario_save_file    (const GtwScenario *scenario,
                                        const char        *path,
                                        GError           **error);

const char *const *gtw_preset_ids      (void);
GtwScenario      *gtw_preset_load      (const char        *id,
                                        GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GtwScenario, gtw_scenario_free)

G_END_DECLS
