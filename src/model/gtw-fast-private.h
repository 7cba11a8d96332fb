/* gtw-fast-private.h: the trace's storage, shared by the reference loop and the fast integrator
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gtw-model-private.h"

G_BEGIN_DECLS

struct _GtwTrace
{
  gint                 ref_count;
  GtwScenario         *scenario;       /* the run's own copy; without interventions for a baseline */
  gboolean             with_interventions;
  GtwPatientConstants  pc;
  GArray              *records;        /* GtwDayRecord, sized for the whole run */
  GArray              *checkpoints;    /* GtwState at 00:00 of each day */
  gint                 n_filled;       /* atomic */
};

/* Delivery of a run's days as they are filled: chunks, progress. */
typedef struct
{
  const GtwSimOptions *options;
  guint                chunk_start;
} GtwPublisher;

/* gtw-simulation.c */
/* One day simulated exactly from `state` (00:00 of `day`): stores the checkpoint and the record
 * and leaves `state` at 00:00 of the next day. */
gboolean gtw_trace_exact_day (GtwTrace    *trace,
                              GtwSolver   *solver,
                              GtwState    *state,
                              guint        day,
                              GtwDayStats *stats,
                              GError     **error);
/* Days [0, n_filled) are final: hands out complete chunks and reports progress. */
void     gtw_trace_publish   (GtwTrace     *trace,
                              GtwPublisher *publisher,
                              guint         n_filled);

/* gtw-fast.c */
/* The multirate integrator: exact representative days (or weeks), slow states advanced over
 * macro-steps with the representative days' averaged rates, skipped days interpolated. */
gboolean gtw_fast_run        (GtwTrace      *trace,
                              GtwSolver     *solver,
                              GtwState      *state,
                              GtwPublisher  *publisher,
                              GCancellable  *cancellable,
                              GError       **error);

G_END_DECLS
