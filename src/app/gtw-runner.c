/* gtw-runner.c: runs the scenario and its baseline on worker threads, streaming the days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each run is a GTask in a thread. Its chunks reach the main thread through one pending idle
 * source attached to the context the run was started in, at G_PRIORITY_DEFAULT, the priority
 * of the task's completion, so that no chunk arrives after "done"; a chunk that finds a
 * delivery already pending only marks the trace as grown (coalescing: the worker may outpace
 * the drawing). Every run carries a generation: deliveries of a run that was superseded are
 * dropped.
 *
 * Not g_main_context_invoke_full (): when the worker can acquire the context (nobody holds it
 * between two iterations, as in a test that iterates the loop itself) it runs the callback at
 * once, on the worker, and the window's handlers would touch widgets off the main thread. An
 * attached source always runs in the thread that iterates the context.
 *
 * GLib's GMutex, GThreadPool and main context wait on futexes in an uninstrumented library, so
 * ThreadSanitizer does not see the hand-offs through them; they are annotated (gtw-tsan.h).
 */
#include <string.h>

#include <glib/gi18n.h>

#include "gtw-runner.h"
#include "gtw-tsan.h"

typedef struct
{
  GtwRunner     *runner;    /* strong: deliveries may outlive the task */
  GtwRunKind     kind;
  guint          generation;
  GtwScenario   *scenario;
  GtwSimOptions  options;
  GMainContext  *context;

  GMutex         lock;      /* guards trace and delivery_pending */
  GtwTrace      *trace;
  gboolean       delivery_pending;

  gboolean       announced; /* main thread only */
} Run;

struct _GtwRunner
{
  GObject        parent_instance;

  GtwIntegrator  integrator;
  GtwScenario   *pending;   /* waiting for the throttle */
  guint          throttle_id;
  guint          n_started;

  GCancellable  *cancellable[GTW_N_RUN_KINDS];
  guint          generation[GTW_N_RUN_KINDS];
  gboolean       running[GTW_N_RUN_KINDS];
  gboolean       shown[GTW_N_RUN_KINDS];   /* the running one's trace is trace[] */
  GtwTrace      *trace[GTW_N_RUN_KINDS];
  /* The scenario of the latest baseline run (started or finished), to know when to redo it. */
  GtwScenario   *baseline_scenario;
  gboolean       baseline_failed;
  /* The baseline is shown only beside interventions: without them it is the run itself. */
  gboolean       wants_baseline;
};

G_DEFINE_FINAL_TYPE (GtwRunner, gtw_runner, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_BUSY,
  PROP_FRACTION,
  N_PROPS
};

enum
{
  TRACE_STARTED,
  TRACE_UPDATED,
  FINISHED,
  FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
run_clear (Run *run)
{
  gtw_tsan_acquire (run);
  g_clear_object (&run->runner);
  g_clear_pointer (&run->scenario, gtw_scenario_free);
  g_clear_pointer (&run->trace, gtw_trace_unref);
  g_clear_pointer (&run->context, g_main_context_unref);
  g_mutex_clear (&run->lock);
}

static void
run_unref (gpointer data)
{
  /* Whichever thread drops the last reference frees the run after the others used it. */
  gtw_tsan_release (data);
  g_atomic_rc_box_release_full (data, (GDestroyNotify) run_clear);
}

static void
run_lock (Run *run)
{
  g_mutex_lock (&run->lock);
  gtw_tsan_acquire (&run->lock);
}

static void
run_unlock (Run *run)
{
  gtw_tsan_release (&run->lock);
  g_mutex_unlock (&run->lock);
}

static gboolean
run_is_current (Run *run)
{
  return run->generation == run->runner->generation[run->kind];
}

static void
announce (Run *run, GtwTrace *trace)
{
  GtwRunner *self = run->runner;

  run->announced = TRUE;
  self->shown[run->kind] = TRUE;
  g_clear_pointer (&self->trace[run->kind], gtw_trace_unref);
  self->trace[run->kind] = gtw_trace_ref (trace);
  g_signal_emit (self, signals[TRACE_STARTED], 0, (int) run->kind,
                 gtw_runner_get_trace (self, run->kind));
}

/* Main thread: days of @run arrived. */
static gboolean
deliver_chunk (gpointer data)
{
  Run *run = data;
  g_autoptr (GtwTrace) trace = NULL;

  gtw_tsan_acquire (run);
  run_lock (run);
  run->delivery_pending = FALSE;
  if (run->trace != NULL)
    trace = gtw_trace_ref (run->trace);
  run_unlock (run);

  if (trace == NULL || !run_is_current (run))
    return G_SOURCE_REMOVE;

  if (!run->announced)
    announce (run, trace);
  g_signal_emit (run->runner, signals[TRACE_UPDATED], 0, (int) run->kind);
  if (run->kind == GTW_RUN_SCENARIO)
    g_object_notify_by_pspec (G_OBJECT (run->runner), properties[PROP_FRACTION]);
  return G_SOURCE_REMOVE;
}

/* Worker thread. */
static void
on_chunk (GtwTrace *trace, guint first_day, guint n_days, gpointer user_data)
{
  Run *run = user_data;
  g_autoptr (GSource) source = NULL;
  gboolean post;

  run_lock (run);
  if (run->trace == NULL)
    run->trace = gtw_trace_ref (trace);
  post = !run->delivery_pending;
  run->delivery_pending = TRUE;
  run_unlock (run);

  if (!post)
    return;

  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_static_name (source, "[glucotwin] deliver_chunk");
  g_source_set_callback (source, deliver_chunk, g_atomic_rc_box_acquire (run), run_unref);
  gtw_tsan_release (run);
  g_source_attach (source, run->context);
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Run *run = task_data;
  GError *error = NULL;
  GtwTrace *trace;

  gtw_tsan_acquire (run);
  trace = gtw_simulate (run->scenario, &run->options, cancellable, &error);
  /* The trace, its days and the error go back to run_done () on the main thread. */
  gtw_tsan_release (run);
  if (trace == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, trace, (GDestroyNotify) gtw_trace_unref);
}

static gboolean
any_running (GtwRunner *self)
{
  for (guint k = 0; k < GTW_N_RUN_KINDS; k++)
    if (self->running[k])
      return TRUE;
  return FALSE;
}

static void
maybe_finished (GtwRunner *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
  if (gtw_runner_get_busy (self))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  g_signal_emit (self, signals[FINISHED], 0);
}

static void
run_done (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GtwRunner *self = GTW_RUNNER (source);
  Run *run = g_task_get_task_data (G_TASK (result));
  g_autoptr (GtwTrace) trace = NULL;
  g_autoptr (GError) error = NULL;

  gtw_tsan_acquire (run);
  trace = g_task_propagate_pointer (G_TASK (result), &error);
  if (!run_is_current (run))
    return;

  self->running[run->kind] = FALSE;
  g_clear_object (&self->cancellable[run->kind]);
  if (trace == NULL)
    {
      if (run->kind == GTW_RUN_BASELINE)
        self->baseline_failed = TRUE;
      /* A run that failed before its first days leaves no trace of its scenario: the last
       * one shown was of another patient or timeline, and must not stand for this one. */
      if (!run->announced && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
          && self->trace[run->kind] != NULL)
        {
          g_clear_pointer (&self->trace[run->kind], gtw_trace_unref);
          g_signal_emit (self, signals[TRACE_STARTED], 0, (int) run->kind, NULL);
        }
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_signal_emit (self, signals[FAILED], 0, error->message);
    }
  else
    {
      if (!run->announced)
        announce (run, trace);
      g_signal_emit (self, signals[TRACE_UPDATED], 0, (int) run->kind);
    }
  maybe_finished (self);
}

static void
start_run (GtwRunner *self, GtwRunKind kind, const GtwScenario *scenario)
{
  g_autoptr (GTask) task = NULL;
  Run *run;

  if (self->cancellable[kind] != NULL)
    g_cancellable_cancel (self->cancellable[kind]);
  g_clear_object (&self->cancellable[kind]);
  self->cancellable[kind] = g_cancellable_new ();

  run = g_atomic_rc_box_new0 (Run);
  g_mutex_init (&run->lock);
  run->runner = g_object_ref (self);
  run->kind = kind;
  run->generation = ++self->generation[kind];
  run->scenario = gtw_scenario_copy (scenario);
  run->context = g_main_context_ref_thread_default ();
  gtw_sim_options_init (&run->options);
  run->options.with_interventions = kind == GTW_RUN_SCENARIO;
  run->options.integrator = self->integrator;
  run->options.chunk_days = GTW_RUNNER_CHUNK_DAYS;
  run->options.chunk_func = on_chunk;
  run->options.chunk_data = run;

  self->running[kind] = TRUE;
  self->shown[kind] = FALSE;
  task = g_task_new (self, self->cancellable[kind], run_done, NULL);
  g_task_set_source_tag (task, start_run);
  g_task_set_priority (task, G_PRIORITY_DEFAULT);
  g_task_set_task_data (task, run, run_unref);
  gtw_tsan_release (run);
  g_task_run_in_thread (task, run_thread);
}

static gboolean
same_patient (const GtwScenario *a, const GtwScenario *b)
{
  return a->duration_days == b->duration_days
      && a->seed == b->seed
      && memcmp (&a->patient, &b->patient, sizeof a->patient) == 0;
}

/* Stops the baseline run, if any, without starting another. */
static void
drop_baseline (GtwRunner *self)
{
  if (self->cancellable[GTW_RUN_BASELINE] != NULL)
    g_cancellable_cancel (self->cancellable[GTW_RUN_BASELINE]);
  g_clear_object (&self->cancellable[GTW_RUN_BASELINE]);
  self->generation[GTW_RUN_BASELINE]++;
  self->running[GTW_RUN_BASELINE] = FALSE;
  g_clear_pointer (&self->trace[GTW_RUN_BASELINE], gtw_trace_unref);
  g_clear_pointer (&self->baseline_scenario, gtw_scenario_free);
}

static void
start (GtwRunner *self, GtwScenario *scenario)
{
  self->wants_baseline = scenario->interventions->len > 0;
  self->n_started++;
  start_run (self, GTW_RUN_SCENARIO, scenario);

  /* The baseline belongs to the patient: redo it when the patient changed, and run it only
   * when there are interventions to compare with. */
  if (self->baseline_scenario != NULL
      && (self->baseline_failed || !same_patient (self->baseline_scenario, scenario)))
    drop_baseline (self);
  if (self->wants_baseline && self->baseline_scenario == NULL)
    {
      self->baseline_scenario = gtw_scenario_copy_baseline (scenario);
      self->baseline_failed = FALSE;
      start_run (self, GTW_RUN_BASELINE, self->baseline_scenario);
    }
  g_signal_emit (self, signals[TRACE_STARTED], 0, (int) GTW_RUN_BASELINE,
                 gtw_runner_get_trace (self, GTW_RUN_BASELINE));
  gtw_scenario_free (scenario);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static gboolean
throttle_timeout (gpointer user_data)
{
  GtwRunner *self = user_data;

  if (self->pending == NULL)
    {
      self->throttle_id = 0;
      return G_SOURCE_REMOVE;
    }
  start (self, g_steal_pointer (&self->pending));
  return G_SOURCE_CONTINUE;
}

static void
gtw_runner_dispose (GObject *object)
{
  GtwRunner *self = GTW_RUNNER (object);

  g_clear_handle_id (&self->throttle_id, g_source_remove);
  for (guint k = 0; k < GTW_N_RUN_KINDS; k++)
    {
      if (self->cancellable[k] != NULL)
        g_cancellable_cancel (self->cancellable[k]);
      g_clear_object (&self->cancellable[k]);
      g_clear_pointer (&self->trace[k], gtw_trace_unref);
    }

  G_OBJECT_CLASS (gtw_runner_parent_class)->dispose (object);
}

static void
gtw_runner_finalize (GObject *object)
{
  GtwRunner *self = GTW_RUNNER (object);

  g_clear_pointer (&self->pending, gtw_scenario_free);
  g_clear_pointer (&self->baseline_scenario, gtw_scenario_free);

  G_OBJECT_CLASS (gtw_runner_parent_class)->finalize (object);
}

static void
gtw_runner_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  GtwRunner *self = GTW_RUNNER (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, gtw_runner_get_busy (self));
      break;
    case PROP_FRACTION:
      g_value_set_double (value, gtw_runner_get_fraction (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gtw_runner_class_init (GtwRunnerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gtw_runner_dispose;
  object_class->finalize = gtw_runner_finalize;
  object_class->get_property = gtw_runner_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[TRACE_STARTED] = g_signal_new ("trace-started", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_POINTER);
  signals[TRACE_UPDATED] = g_signal_new ("trace-updated", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, G_TYPE_INT);
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass),
                                    G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass),
                                  G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
gtw_runner_init (GtwRunner *self)
{
  self->integrator = GTW_INTEGRATOR_FAST;
}

GtwRunner *
gtw_runner_new (void)
{
  return g_object_new (GTW_TYPE_RUNNER, NULL);
}

void
gtw_runner_set_integrator (GtwRunner     *self,
                           GtwIntegrator  integrator)
{
  g_return_if_fail (GTW_IS_RUNNER (self));

  self->integrator = integrator;
}

void
gtw_runner_submit (GtwRunner         *self,
                   const GtwScenario *scenario)
{
  g_return_if_fail (GTW_IS_RUNNER (self));
  g_return_if_fail (scenario != NULL);

  if (self->throttle_id != 0)
    {
      /* A change in quick succession: the run in progress is already outdated. */
      g_clear_pointer (&self->pending, gtw_scenario_free);
      self->pending = gtw_scenario_copy (scenario);
      if (self->cancellable[GTW_RUN_SCENARIO] != NULL)
        g_cancellable_cancel (self->cancellable[GTW_RUN_SCENARIO]);
      return;
    }

  start (self, gtw_scenario_copy (scenario));
  self->throttle_id = g_timeout_add (GTW_RUNNER_THROTTLE_MS, throttle_timeout, self);
}

GtwTrace *
gtw_runner_get_trace (GtwRunner  *self,
                      GtwRunKind  kind)
{
  g_return_val_if_fail (GTW_IS_RUNNER (self), NULL);
  g_return_val_if_fail (kind < GTW_N_RUN_KINDS, NULL);

  if (kind == GTW_RUN_BASELINE && !self->wants_baseline)
    return NULL;
  return self->trace[kind];
}

gboolean
gtw_runner_get_busy (GtwRunner *self)
{
  g_return_val_if_fail (GTW_IS_RUNNER (self), FALSE);

  return self->pending != NULL || any_running (self);
}

double
gtw_runner_get_fraction (GtwRunner *self)
{
  GtwTrace *trace;
  const GtwScenario *scenario;

  g_return_val_if_fail (GTW_IS_RUNNER (self), 0.0);

  if (!self->running[GTW_RUN_SCENARIO])
    return 1.0;
  /* Until the new run's first days arrive, the chart still shows the previous run. */
  trace = self->trace[GTW_RUN_SCENARIO];
  if (trace == NULL || !self->shown[GTW_RUN_SCENARIO])
    return 0.0;
  scenario = gtw_trace_get_scenario (trace);
  return CLAMP ((double) gtw_trace_get_n_days (trace) / MAX (scenario->duration_days, 1), 0.0, 1.0);
}

guint
gtw_runner_get_n_started (GtwRunner *self)
{
  g_return_val_if_fail (GTW_IS_RUNNER (self), 0);

  return self->n_started;
}
