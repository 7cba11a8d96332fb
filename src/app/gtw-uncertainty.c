/* gtw-uncertainty.c: the virtual population around the patient, run in the background
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A run grows the population in stages on one worker: a few patients first, so that rough
 * bands appear within seconds, then more, then all of them. Each stage's bands replace the
 * last's, and each stage takes the last one's patients over rather than computing them again,
 * so that the stages cost no more than the full population alone. Each stage is a GTask whose
 * cancellable is the run's. The tasks hold no reference: dropping the object stops its run
 * (dispose cancels it), and a result that arrives for a cancelled run is dropped without
 * touching the object, which may be gone.
 */
#include "gtw-uncertainty.h"

/* The populations before the full one: four patients give rough bands after the time of two
 * runs on two cores, sixteen better ones soon after. A stage runs only while the full
 * population has at least twice as many patients. */
static const guint stage_patients[] = { 4, 16 };

struct _GtwUncertainty
{
  GObject       parent_instance;

  GtwChart     *chart; /* weak */
  GtwScenario  *scenario;
  gboolean      enabled;
  guint         n_patients;
  guint         run_patients; /* the full population of the run in progress */

  GCancellable *cancellable; /* the run in progress, or NULL */
  GError       *error;
};

G_DEFINE_FINAL_TYPE (GtwUncertainty, gtw_uncertainty, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ENABLED,
  PROP_RUNNING,
  N_PROPS
};

enum
{
  STARTED,
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct
{
  GtwScenario          *scenario;
  GtwPopulationOptions  options;
  GtwPopulation        *first; /* the patients of the stage before, or NULL */
} RunData;

static void
run_data_free (RunData *data)
{
  gtw_scenario_free (data->scenario);
  g_clear_pointer (&data->first, gtw_population_free);
  g_free (data);
}

static void start_stage (GtwUncertainty *self,
                         GtwPopulation  *first);

static void
population_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  RunData *data = task_data;
  GError *error = NULL;
  GtwPopulation *population;

  if (data->first != NULL)
    population = gtw_population_run_more (data->first, data->scenario, &data->options,
                                          cancellable, &error);
  else
    population = gtw_population_run (data->scenario, &data->options, cancellable, &error);
  if (population == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, population, (GDestroyNotify) gtw_population_free);
}

static void
show_population (GtwUncertainty *self,
                 GtwPopulation  *population)
{
  if (self->chart != NULL)
    gtw_chart_set_population (self->chart, population);
  else
    g_clear_pointer (&population, gtw_population_free);
}

/* Ends the run in progress, if any, announcing it; @success says whether it completed. */
static void
end_run (GtwUncertainty *self,
         gboolean        success)
{
  if (self->cancellable == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  g_signal_emit (self, signals[FINISHED], 0, success);
}

static void
on_stage_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = G_TASK (result);
  RunData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  GtwPopulation *population;
  GtwUncertainty *self;

  population = g_task_propagate_pointer (task, &error);
  /* a run that was replaced or stopped (or whose object is gone): its result belongs to
   * nobody; every other run is the current one */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      g_clear_pointer (&population, gtw_population_free);
      return;
    }
  self = GTW_UNCERTAINTY (user_data);
  g_assert (g_task_get_cancellable (task) == self->cancellable);
  if (population == NULL)
    {
      g_warning ("The population around the patient failed: %s", error->message);
      g_clear_error (&self->error);
      self->error = g_steal_pointer (&error);
      end_run (self, FALSE);
      return;
    }
  if (data->options.n_patients == self->run_patients)
    {
      show_population (self, population);
      end_run (self, TRUE);
    }
  else
    {
      start_stage (self, gtw_population_copy (population));
      show_population (self, population);
    }
}

/* The size of the stage after one of @done patients (0: none yet). */
static guint
next_stage_patients (GtwUncertainty *self,
                     guint           done)
{
  for (guint i = 0; i < G_N_ELEMENTS (stage_patients); i++)
    if (stage_patients[i] > done && 2 * stage_patients[i] <= self->run_patients)
      return stage_patients[i];
  return self->run_patients;
}

/* Runs the next stage after @first (NULL: the first stage); takes @first. */
static void
start_stage (GtwUncertainty *self,
             GtwPopulation  *first)
{
  g_autoptr (GTask) task = NULL;
  RunData *data = g_new0 (RunData, 1);

  data->scenario = gtw_scenario_copy (self->scenario);
  gtw_population_options_init (&data->options);
  data->options.n_patients =
    next_stage_patients (self, first != NULL ? gtw_population_get_n_patients (first) : 0);
  data->options.seed = self->scenario->seed;
  data->first = first;

  task = g_task_new (NULL, self->cancellable, on_stage_done, self);
  g_task_set_source_tag (task, start_stage);
  g_task_set_task_data (task, data, (GDestroyNotify) run_data_free);
  g_task_run_in_thread (task, population_thread);
}

/* Stops what runs, removes the old bands and, when enabled with a scenario, runs afresh. */
static void
restart (GtwUncertainty *self)
{
  end_run (self, FALSE);
  g_clear_error (&self->error);
  if (self->chart != NULL)
    gtw_chart_set_population (self->chart, NULL);
  if (!self->enabled || self->scenario == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  self->run_patients = self->n_patients;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  g_signal_emit (self, signals[STARTED], 0);
  start_stage (self, NULL);
}

static void
gtw_uncertainty_dispose (GObject *object)
{
  GtwUncertainty *self = GTW_UNCERTAINTY (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_weak_pointer (&self->chart);

  G_OBJECT_CLASS (gtw_uncertainty_parent_class)->dispose (object);
}

static void
gtw_uncertainty_finalize (GObject *object)
{
  GtwUncertainty *self = GTW_UNCERTAINTY (object);

  g_clear_pointer (&self->scenario, gtw_scenario_free);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (gtw_uncertainty_parent_class)->finalize (object);
}

static void
gtw_uncertainty_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GtwUncertainty *self = GTW_UNCERTAINTY (object);

  switch (prop_id)
    {
    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, self->cancellable != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gtw_uncertainty_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  GtwUncertainty *self = GTW_UNCERTAINTY (object);

  switch (prop_id)
    {
    case PROP_ENABLED:
      gtw_uncertainty_set_enabled (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gtw_uncertainty_class_init (GtwUncertaintyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gtw_uncertainty_dispose;
  object_class->finalize = gtw_uncertainty_finalize;
  object_class->get_property = gtw_uncertainty_get_property;
  object_class->set_property = gtw_uncertainty_set_property;

  properties[PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[STARTED] = g_signal_new ("started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
gtw_uncertainty_init (GtwUncertainty *self)
{
  self->n_patients = GTW_UNCERTAINTY_N_PATIENTS;
}

GtwUncertainty *
gtw_uncertainty_new (GtwChart *chart)
{
  GtwUncertainty *self;

  g_return_val_if_fail (GTW_IS_CHART (chart), NULL);

  self = g_object_new (GTW_TYPE_UNCERTAINTY, NULL);
  g_set_weak_pointer (&self->chart, chart);
  return self;
}

void
gtw_uncertainty_set_enabled (GtwUncertainty *self,
                             gboolean        enabled)
{
  g_return_if_fail (GTW_IS_UNCERTAINTY (self));

  if (self->enabled == !!enabled)
    return;
  self->enabled = !!enabled;
  restart (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
}

gboolean
gtw_uncertainty_get_enabled (GtwUncertainty *self)
{
  g_return_val_if_fail (GTW_IS_UNCERTAINTY (self), FALSE);

  return self->enabled;
}

void
gtw_uncertainty_set_scenario (GtwUncertainty    *self,
                              const GtwScenario *scenario)
{
  g_return_if_fail (GTW_IS_UNCERTAINTY (self));

  g_clear_pointer (&self->scenario, gtw_scenario_free);
  if (scenario != NULL)
    self->scenario = gtw_scenario_copy (scenario);
  restart (self);
}

gboolean
gtw_uncertainty_get_running (GtwUncertainty *self)
{
  g_return_val_if_fail (GTW_IS_UNCERTAINTY (self), FALSE);

  return self->cancellable != NULL;
}

void
gtw_uncertainty_set_n_patients (GtwUncertainty *self,
                                guint           n_patients)
{
  g_return_if_fail (GTW_IS_UNCERTAINTY (self));
  g_return_if_fail (n_patients >= 2);

  self->n_patients = n_patients;
}

const GError *
gtw_uncertainty_get_error (GtwUncertainty *self)
{
  g_return_val_if_fail (GTW_IS_UNCERTAINTY (self), NULL);

  return self->error;
}
