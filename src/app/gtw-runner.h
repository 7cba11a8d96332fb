/* gtw-runner.h: runs the scenario and its baseline on worker threads, streaming the days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A new scenario cancels the run in progress instead of queueing behind it. The first change
 * after a quiet moment starts at once; changes that follow in quick succession (a value being
 * dragged) are coalesced into one run at most every GTW_RUNNER_THROTTLE_MS. The baseline (the
 * scenario without interventions) runs again only when the patient or the duration changed.
 *
 * Signals, all on the main thread:
 *   "trace-started" (GtwRunKind kind, GtwTrace *trace): a new trace to show; it is still being
 *                   filled (gtw_trace_get_n_days grows). NULL for the baseline when the scenario
 *                   has no interventions, and NULL when a run failed before its first days
 *                   (the last trace shown was of another scenario).
 *   "trace-updated" (GtwRunKind kind): more days of that trace are ready.
 *   "finished"      (void): nothing is running or waiting any more.
 *   "failed"        (const char *message): the run could not finish.
 * Properties: "busy", "fraction" (0-1, of the run with interventions).
 */
#pragma once

#include <gio/gio.h>

#include "gtw-model.h"

G_BEGIN_DECLS

typedef enum
{
  GTW_RUN_SCENARIO,
  GTW_RUN_BASELINE,
  GTW_N_RUN_KINDS
} GtwRunKind;

#define GTW_RUNNER_THROTTLE_MS 60
#define GTW_RUNNER_CHUNK_DAYS  90

#define GTW_TYPE_RUNNER (gtw_runner_get_type ())
G_DECLARE_FINAL_TYPE (GtwRunner, gtw_runner, GTW, RUNNER, GObject)

GtwRunner *gtw_runner_new            (void);

void       gtw_runner_set_integrator (GtwRunner         *self,
                                      GtwIntegrator      integrator);
/* Copies @scenario. */
void       gtw_runner_submit         (GtwRunner         *self,
                                      const GtwScenario *scenario);
/* The trace being shown for @kind (maybe still filling), or NULL; the baseline only when the
 * latest scenario has interventions. */
GtwTrace  *gtw_runner_get_trace      (GtwRunner         *self,
                                      GtwRunKind         kind);
gboolean   gtw_runner_get_busy       (GtwRunner         *self);
double     gtw_runner_get_fraction   (GtwRunner         *self);
/* How many runs were started so far (for tests: a storm of changes starts few). */
guint      gtw_runner_get_n_started  (GtwRunner         *self);

G_END_DECLS
