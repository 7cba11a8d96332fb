/* gtw-uncertainty.h: the virtual population around the patient, run in the background
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * While enabled, runs the population of the current scenario on a worker and hands it to the
 * chart, which draws its 50 % and 90 % bands. A new scenario cancels the run in progress.
 *
 * Signals:
 *   "started"  (void): a run began (for a spinner).
 *   "finished" (gboolean completed): the run ended; every "started" has one. FALSE when it
 *              failed (see gtw_uncertainty_get_error) or was stopped by a new scenario or by
 *              disabling. Rough bands of smaller populations (4, then 16 people) appear
 *              before it.
 * Properties:
 *   "running" (gboolean, read-only), "enabled" (gboolean).
 */
#pragma once

#include "gtw-chart.h"

G_BEGIN_DECLS

#define GTW_TYPE_UNCERTAINTY (gtw_uncertainty_get_type ())
G_DECLARE_FINAL_TYPE (GtwUncertainty, gtw_uncertainty, GTW, UNCERTAINTY, GObject)

/* The chart is not referenced: the bands stop when it is gone. */
GtwUncertainty *gtw_uncertainty_new          (GtwChart          *chart);
/* Off removes the bands from the chart and stops a run. */
void            gtw_uncertainty_set_enabled  (GtwUncertainty    *self,
                                              gboolean           enabled);
gboolean        gtw_uncertainty_get_enabled  (GtwUncertainty    *self);
/* Copies @scenario (NULL: none); runs again when enabled. */
void            gtw_uncertainty_set_scenario (GtwUncertainty    *self,
                                              const GtwScenario *scenario);
gboolean        gtw_uncertainty_get_running  (GtwUncertainty    *self);
/* The number of virtual patients (default GTW_UNCERTAINTY_N_PATIENTS); for tests. Takes
 * effect with the next run. */
#define GTW_UNCERTAINTY_N_PATIENTS 100
void            gtw_uncertainty_set_n_patients (GtwUncertainty  *self,
                                                guint            n_patients);
/* The last error, or NULL. */
const GError   *gtw_uncertainty_get_error    (GtwUncertainty    *self);

G_END_DECLS
