/* gtw-window.c: the main window: patient, chart, timeline and markers of one scenario
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document holds the scenario; every widget edit becomes a new snapshot in it, and every
 * change of the document goes to the runner, whose growing traces go to the chart and the
 * markers panel. The views, the files and the actions are in gtw-window-views.c,
 * gtw-window-export.c and gtw-window-actions.c (gtw-window-private.h).
 */
#include <math.h>

#include <glib/gi18n.h>

#include "gtw-window-private.h"

G_DEFINE_FINAL_TYPE (GtwWindow, gtw_window, ADW_TYPE_APPLICATION_WINDOW)

GtwContinuation *
gtw_continuation_new (GtwWindowFunc func, gpointer data, GDestroyNotify destroy)
{
  GtwContinuation *c = g_new0 (GtwContinuation, 1);

  c->func = func;
  c->data = data;
  c->destroy = destroy;
  return c;
}

void
gtw_continuation_free (GtwContinuation *c)
{
  if (c->destroy != NULL)
    c->destroy (c->data);
  g_free (c);
}

/* Runs and frees @c. */
void
gtw_continuation_run (GtwWindow *self, GtwContinuation *c)
{
  c->func (self, c->data);
  gtw_continuation_free (c);
}

/* ---------------------------------------------------------------------------------------- */
/* Errors                                                                                   */

void
gtw_window_report_error (GtwWindow  *self,
                         const char *message)
{
  g_autofree char *markup = NULL;
  AdwToast *toast;

  g_return_if_fail (GTW_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  g_printerr ("glucotwin: %s\n", message);
  /* A toast's title is Pango markup in libadwaita 1.2: messages quote file contents. */
  markup = g_markup_escape_text (message, -1);
  toast = adw_toast_new (markup);
  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* ---------------------------------------------------------------------------------------- */
/* Document → widgets                                                                       */

static char *
patient_summary (const GtwScenario *scenario)
{
  const GtwPatient *patient = &scenario->patient;
  const char *who = gtw_patient_is_female (patient) ? _("Woman") : _("Man");

  /* Translators: the header bar's subtitle, e.g. "Woman, 52 years, BMI 31.2" */
  return g_strdup_printf (_("%s, %.0f years, BMI %.1f"), who, patient->v[GTW_P_AGE],
                          gtw_patient_bmi (patient));
}

static void
update_title (GtwWindow *self)
{
  const GtwScenario *scenario = gtw_document_get_scenario (self->document);
  const char *title = gtw_document_get_title (self->document);
  g_autofree char *shown = NULL;
  g_autofree char *subtitle = patient_summary (scenario);
  g_autofree char *window_title = NULL;

  /* An asterisk before the name: the usual mark of unsaved changes. */
  shown = gtw_document_get_dirty (self->document) ? g_strconcat ("*", title, NULL) : g_strdup (title);
  adw_window_title_set_title (self->window_title, shown);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  /* Translators: the window's title: the scenario, then the application */
  window_title = g_strdup_printf (_("%s — Glucotwin"), shown);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
update_history_actions (GtwWindow *self)
{
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "undo")),
                               gtw_document_get_can_undo (self->document));
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "redo")),
                               gtw_document_get_can_redo (self->document));
}

/* The whole-run view is named after the run's length: "10 Years", "20 Years". A run shorter
 * than two years is counted in months, so that its button never reads "1 Year" beside the
 * one-year view's. */
static void
update_run_button (GtwWindow *self, const GtwScenario *scenario)
{
  g_autofree char *label = NULL;

  if (scenario->duration_days < 2 * 365 - 182)
    {
      int months = MAX (1, (int) round (scenario->duration_days / (365.25 / 12.0)));

      label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d Month", "%d Months", months), months);
    }
  else
    {
      int years = (int) round (scenario->duration_days / 365.0);

      label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d Year", "%d Years", years), years);
    }
  gtk_button_set_label (GTK_BUTTON (self->decade_button), label);
}

static void
on_document_changed (GtwWindow *self)
{
  const GtwScenario *scenario = gtw_document_get_scenario (self->document);

  if (self->edit_source == NULL)
    {
      gtw_timeline_set_interventions (self->timeline, scenario->interventions);
      gtw_patient_panel_set_scenario (self->patient_panel, scenario);
    }
  gtw_timeline_set_duration (self->timeline, scenario->duration_days);
  gtw_playback_set_duration (self->playback, scenario->duration_days);
  gtk_adjustment_set_upper (self->playback_adjustment, MAX (scenario->duration_days - 1, 0));
  gtw_uncertainty_set_scenario (self->uncertainty, scenario);
  update_run_button (self, scenario);
  self->view_day = CLAMP (self->view_day, 0, scenario->duration_days - 1);
  update_title (self);
  update_history_actions (self);
  gtw_runner_submit (self->runner, scenario);
}

static void
on_document_notify (GtwWindow *self)
{
  update_title (self);
  update_history_actions (self);
}

/* ---------------------------------------------------------------------------------------- */
/* Runs → chart and markers                                                                 */

GtwTrace *
gtw_window_current_trace (GtwWindow *self)
{
  return gtw_runner_get_trace (self->runner, GTW_RUN_SCENARIO);
}

GtwTrace *
gtw_window_current_baseline (GtwWindow *self)
{
  return gtw_runner_get_trace (self->runner, GTW_RUN_BASELINE);
}

void
gtw_window_update_markers (GtwWindow *self)
{
  GtwTrace *trace = gtw_window_current_trace (self);
  GtwTrace *baseline = gtw_window_current_baseline (self);
  const GtwDayRecord *first;
  GtwMarkers markers, baseline_markers;
  gboolean have_baseline = FALSE;
  guint n_days;
  int day;

  if (trace == NULL || (n_days = gtw_trace_get_n_days (trace)) == 0)
    {
      gtw_markers_panel_set_markers (self->markers_panel, NULL, NULL);
      gtw_mechanism_map_set_day (self->mechanism_map, -1);
      gtw_patient_panel_set_derived (self->patient_panel, NAN, GTW_STAGE_NORMAL);
      return;
    }

  /* The day being played; the day under the pointer (never beyond what playback has shown);
   * else the day being looked at; else the end of the run. */
  if (gtw_playback_get_active (self->playback)
      && (gtw_playback_get_playing (self->playback) || self->cursor_day < 0
          || self->cursor_day > gtw_playback_get_day (self->playback)))
    day = gtw_playback_get_day (self->playback);
  else if (self->cursor_day >= 0)
    day = self->cursor_day;
  else if (gtw_chart_get_view (self->chart) != GTW_CHART_VIEW_DECADE)
    day = self->view_day;
  else
    day = (int) n_days - 1;
  day = MIN (day, (int) n_days - 1);
  if (!gtw_trace_markers (trace, day, &markers, NULL))
    return;
  if (baseline != NULL && gtw_trace_get_n_days (baseline) > (guint) day)
    have_baseline = gtw_trace_markers (baseline, day, &baseline_markers, NULL);
  self->markers_day = day;
  gtw_mechanism_map_set_day (self->mechanism_map, day);
  gtw_markers_panel_set_markers (self->markers_panel, &markers, have_baseline ? &baseline_markers : NULL);

  first = gtw_trace_get_day (trace, 0);
  gtw_patient_panel_set_derived (self->patient_panel, first->homa_ir,
                                 gtw_stage_classify_as_shown (first->fasting_glucose, first->hba1c,
                                                              first->homa_ir, first->fasting_insulin,
                                                              self->units.glucose, self->units.hba1c));
}

gboolean
gtw_window_in_day_view (GtwWindow *self)
{
  return gtw_chart_get_view (self->chart) == GTW_CHART_VIEW_DAY;
}

GtwDayDetail *
gtw_window_simulate_day (GtwTrace *trace, int day, GError **error)
{
  if (trace == NULL || gtw_trace_get_n_days (trace) <= (guint) day)
    return NULL;
  return gtw_trace_simulate_day (trace, day, error);
}

/* The day view shows minute detail re-simulated from the traces: redo it when a trace that
 * reaches the day is newer than the one it came from. */
void
gtw_window_update_day_detail (GtwWindow *self)
{
  GtwTrace *trace = gtw_window_current_trace (self);
  GtwTrace *baseline = gtw_window_current_baseline (self);
  g_autoptr (GError) error = NULL;
  GtwDayDetail *detail, *baseline_detail = NULL;
  gboolean trace_ready, baseline_ready;

  if (!gtw_window_in_day_view (self) || trace == NULL)
    return;

  trace_ready = gtw_trace_get_n_days (trace) > (guint) self->view_day;
  baseline_ready = baseline != NULL && gtw_trace_get_n_days (baseline) > (guint) self->view_day;
  if (!trace_ready)
    return;
  if (trace == self->detail_trace && (!baseline_ready || baseline == self->detail_baseline)
      && (baseline != NULL || self->detail_baseline == NULL))
    return;

  detail = gtw_window_simulate_day (trace, self->view_day, &error);
  if (detail == NULL)
    {
      gtw_window_report_error (self, error->message);
      return;
    }
  if (baseline_ready)
    baseline_detail = gtw_window_simulate_day (baseline, self->view_day, NULL);
  self->detail_trace = trace;
  self->detail_baseline = baseline_detail != NULL ? baseline : NULL;
  gtw_chart_take_day_detail (self->chart, detail, baseline_detail);
}

static void
on_trace_started (GtwWindow  *self,
                  int         kind,
                  GtwTrace   *trace,
                  GtwRunner  *runner)
{
  gtw_chart_set_traces (self->chart, gtw_window_current_trace (self), gtw_window_current_baseline (self));
  gtw_mechanism_map_set_traces (self->mechanism_map, gtw_window_current_trace (self), gtw_window_current_baseline (self));
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), gtw_runner_get_busy (runner));
}

/* Text that changes relayouts its panel: the markers follow a run more slowly than the curves. */
#define MARKERS_INTERVAL_MS 500

static void
refresh_now (GtwWindow *self)
{
  gint64 now = g_get_monotonic_time ();

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->last_refresh = now;
  gtw_chart_traces_changed (self->chart);
  gtw_window_update_day_detail (self);
  if (!gtw_runner_get_busy (self->runner) || now - self->last_markers >= MARKERS_INTERVAL_MS * 1000)
    {
      self->last_markers = now;
      gtw_window_update_markers (self);
    }
}

static gboolean
refresh_timeout (gpointer user_data)
{
  GtwWindow *self = user_data;

  self->refresh_id = 0;
  refresh_now (self);
  return G_SOURCE_REMOVE;
}

static void
on_trace_updated (GtwWindow *self,
                  int        kind,
                  GtwRunner *runner)
{
  gint64 since;

  if (self->refresh_id != 0)
    return;
  since = (g_get_monotonic_time () - self->last_refresh) / 1000;
  if (since >= REFRESH_INTERVAL_MS)
    refresh_now (self);
  else
    self->refresh_id = g_timeout_add (REFRESH_INTERVAL_MS - since, refresh_timeout, self);
}

static void
on_runner_fraction (GtwWindow *self)
{
  gboolean busy = gtw_runner_get_busy (self->runner);

  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), busy);
  gtk_progress_bar_set_fraction (self->progress_bar, gtw_runner_get_fraction (self->runner));
}

static void
on_runner_finished (GtwWindow *self)
{
  GtwContinuation *c;

  on_runner_fraction (self);
  refresh_now (self);
  /* A continuation may start a new run: stop as soon as the runner is busy again. */
  while (!gtw_runner_get_busy (self->runner) && (c = g_queue_pop_head (&self->idle_queue)) != NULL)
    gtw_continuation_run (self, c);
}

static void
on_runner_failed (GtwWindow  *self,
                  const char *message)
{
  g_autofree char *text = g_strdup_printf (_("The simulation failed: %s"), message);

  gtw_window_report_error (self, text);
  gtw_chart_set_failure (self->chart, message);
}

void
gtw_window_when_idle (GtwWindow      *self,
                      GtwWindowFunc   func,
                      gpointer        user_data,
                      GDestroyNotify  destroy)
{
  GtwContinuation *c;

  g_return_if_fail (GTW_IS_WINDOW (self));
  g_return_if_fail (func != NULL);

  c = gtw_continuation_new (func, user_data, destroy);
  if (gtw_runner_get_busy (self->runner))
    g_queue_push_tail (&self->idle_queue, c);
  else
    gtw_continuation_run (self, c);
}

/* ---------------------------------------------------------------------------------------- */
/* Widgets → document                                                                       */

void
gtw_window_apply_edit (GtwWindow   *self,
            gpointer     source,
            GtwScenario *scenario,
            const char  *label)
{
  self->edit_source = source;
  gtw_document_apply (self->document, scenario, label);
  self->edit_source = NULL;
}

static void
on_timeline_edited (GtwWindow   *self,
                    const char  *label,
                    GtwTimeline *timeline)
{
  const GArray *interventions = gtw_timeline_get_interventions (timeline);
  GtwScenario *scenario = gtw_scenario_copy (gtw_document_get_scenario (self->document));

  g_array_set_size (scenario->interventions, 0);
  g_array_append_vals (scenario->interventions, interventions->data, interventions->len);
  gtw_window_apply_edit (self, timeline, scenario, label);
}

static void
on_patient_edited (GtwWindow       *self,
                   const char      *label,
                   GtwPatientPanel *panel)
{
  GtwScenario *scenario = gtw_scenario_copy (gtw_document_get_scenario (self->document));

  scenario->patient = *gtw_patient_panel_get_patient (panel);
  gtw_window_apply_edit (self, panel, scenario, label);
}

static void
on_preset_chosen (GtwWindow       *self,
                  const char      *preset_id,
                  GtwPatientPanel *panel)
{
  gtw_window_load_preset (self, preset_id);
}

static void
on_type_activated (GtwWindow              *self,
                   const char             *type_id,
                   GtwInterventionPalette *palette)
{
  const GtwScenario *scenario = gtw_document_get_scenario (self->document);
  GtwInterventionType type;
  GtwIntervention iv;
  int day;

  gtk_popover_popdown (self->add_popover);
  if (gtw_intervention_class_by_id (type_id, &type) == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Unknown intervention type “%s”"), type_id);

      gtw_window_report_error (self, message);
      return;
    }
  /* At the cursor; else at the day being looked at; else from the start. */
  if (self->cursor_day >= 0)
    day = self->cursor_day;
  else if (gtw_chart_get_view (self->chart) != GTW_CHART_VIEW_DECADE)
    day = self->view_day;
  else
    day = 0;
  gtw_intervention_init (&iv, type, CLAMP (day, 0, scenario->duration_days - 1));
  if (!gtw_timeline_add (self->timeline, &iv))
    gtw_window_report_error (self, _("The intervention could not be added"));
}

/* ---------------------------------------------------------------------------------------- */
/* Settings                                                                                 */

static void
load_units (GtwWindow *self)
{
  self->units.glucose = g_settings_get_enum (self->settings, "glucose-unit");
  self->units.insulin = g_settings_get_enum (self->settings, "insulin-unit");
  self->units.cpeptide = g_settings_get_enum (self->settings, "cpeptide-unit");
  self->units.hba1c = g_settings_get_enum (self->settings, "hba1c-unit");
  gtw_chart_set_units (self->chart, &self->units);
  gtw_markers_panel_set_units (self->markers_panel, &self->units);
  gtw_mechanism_map_set_units (self->mechanism_map, self->units.glucose, self->units.insulin);
}

static GtwIntegrator
settings_integrator (GtwWindow *self)
{
  /* The schema's nicks, not the engine's enum values. */
  return g_settings_get_enum (self->settings, "integrator") == 1 ? GTW_INTEGRATOR_REFERENCE
                                                                  : GTW_INTEGRATOR_FAST;
}

static void
on_settings_changed (GtwWindow  *self,
                     const char *key,
                     GSettings  *settings)
{
  if (g_str_has_suffix (key, "-unit"))
    {
      load_units (self);
      /* the patient panel's stage follows the values as they read in the new units */
      gtw_window_update_markers (self);
    }
  else if (g_str_equal (key, "show-baseline"))
    gtw_chart_set_show_baseline (self->chart, g_settings_get_boolean (settings, key));
  else if (g_str_equal (key, "show-glucose-band"))
    gtw_chart_set_show_band (self->chart, g_settings_get_boolean (settings, key));
  else if (g_str_equal (key, "integrator"))
    {
      gtw_runner_set_integrator (self->runner, settings_integrator (self));
      gtw_runner_submit (self->runner, gtw_document_get_scenario (self->document));
    }
  else if (g_str_equal (key, "sidebar-visible"))
    gtw_window_sync_panels (self);
}

/* ---------------------------------------------------------------------------------------- */
/* Closing                                                                                  */

static void
close_now (GtwWindow *self,
           gpointer   user_data)
{
  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
gtw_window_close_request (GtkWindow *window)
{
  GtwWindow *self = GTW_WINDOW (window);
  int width, height;

  if (!self->close_confirmed && gtw_document_get_dirty (self->document))
    {
      gtw_window_confirm_discard (self, close_now, NULL, NULL);
      return TRUE;
    }
  /* Exports asked for before the close (a script's "export-plot" then "quit") are written
   * first: they wait for the run in progress. */
  if (!g_queue_is_empty (&self->idle_queue))
    {
      gtw_window_when_idle (self, close_now, NULL, NULL);
      return TRUE;
    }

  if (!self->presentation)
    {
      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
    }
  if (!gtw_document_get_dirty (self->document))
    gtw_document_discard_autosave (self->document);
  return GTK_WINDOW_CLASS (gtw_window_parent_class)->close_request (window);
}

/* ---------------------------------------------------------------------------------------- */
/* Drag and drop of scenario files                                                          */

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         gpointer       user_data)
{
  GtwWindow *self = GTW_WINDOW (user_data);
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = g_value_get_boxed (value);
  if (files == NULL)
    return FALSE;
  gtw_window_open (self, G_FILE (files->data));
  return TRUE;
}

/* ---------------------------------------------------------------------------------------- */
/* GObject                                                                                  */

static void
gtw_window_constructed (GObject *object)
{
  GtwWindow *self = GTW_WINDOW (object);
  g_autoptr (GError) error = NULL;
  g_autofree char *preset = NULL;
  GAction *sidebar;

  G_OBJECT_CLASS (gtw_window_parent_class)->constructed (object);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  sidebar = g_action_map_lookup_action (G_ACTION_MAP (self), "toggle-sidebar");
  g_simple_action_set_state (G_SIMPLE_ACTION (sidebar),
                             g_variant_new_boolean (g_settings_get_boolean (self->settings,
                                                                            "sidebar-visible")));
  gtw_window_sync_panels (self);

  preset = g_settings_get_string (self->settings, "default-preset");
  if (!gtw_window_load_preset_now (self, preset, &error))
    {
      g_printerr ("glucotwin: the default preset: %s\n", error->message);
      g_clear_error (&error);
      if (!gtw_window_load_preset_now (self, "progressor", &error))
        gtw_window_report_error (self, error->message);
    }
}

static void
gtw_window_dispose (GObject *object)
{
  GtwWindow *self = GTW_WINDOW (object);

  g_queue_clear_full (&self->idle_queue, (GDestroyNotify) gtw_continuation_free);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->labs_window != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->labs_window), (gpointer *) &self->labs_window);
      gtk_window_destroy (g_steal_pointer (&self->labs_window));
    }
  if (self->runner != NULL)
    g_signal_handlers_disconnect_by_data (self->runner, self);
  g_clear_object (&self->runner);
  g_clear_object (&self->playback);
  g_clear_object (&self->presenter);
  g_clear_object (&self->uncertainty);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), GTW_TYPE_WINDOW);

  G_OBJECT_CLASS (gtw_window_parent_class)->dispose (object);
}

static void
gtw_window_class_init (GtwWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = gtw_window_constructed;
  object_class->dispose = gtw_window_dispose;
  window_class->close_request = gtw_window_close_request;

  g_type_ensure (GTW_TYPE_CHART);
  g_type_ensure (GTW_TYPE_TIMELINE);
  g_type_ensure (GTW_TYPE_PATIENT_PANEL);
  g_type_ensure (GTW_TYPE_MARKERS_PANEL);
  g_type_ensure (GTW_TYPE_INTERVENTION_PALETTE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/glucotwin/Glucotwin/gtw-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GtwWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GtwWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, GtwWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, GtwWindow, uncertainty_spinner);
  gtk_widget_class_bind_template_child (widget_class, GtwWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, GtwWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, GtwWindow, patient_panel);
  gtk_widget_class_bind_template_child (widget_class, GtwWindow, chart);
  gtk_widget_class_bind_template_child (widget_class, GtwWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, GtwWindow, timeline);
  gtk_widget_class_bind_template_child (widget_class, GtwWindow, timeline_toolbar);
  gtk_widget_class_bind_template_child (widget_class, GtwWindow, play_run_content);
  gtk_widget_class_bind_template_child (widget_class, GtwWindow, decade_button);
  gtk_widget_class_bind_template_child (widget_class, GtwWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, GtwWindow, add_popover);
  gtk_widget_class_bind_template_child (widget_class, GtwWindow, palette);
  gtk_widget_class_bind_template_child (widget_class, GtwWindow, markers_separator);
  gtk_widget_class_bind_template_child (widget_class, GtwWindow, markers_sidebar);
  gtk_widget_class_bind_template_child (widget_class, GtwWindow, markers_panel);
  gtk_widget_class_bind_template_child (widget_class, GtwWindow, playback_bar);
  gtk_widget_class_bind_template_child (widget_class, GtwWindow, play_button);
  gtk_widget_class_bind_template_child (widget_class, GtwWindow, playback_adjustment);
  gtk_widget_class_bind_template_child (widget_class, GtwWindow, playback_scale);
  gtk_widget_class_bind_template_child (widget_class, GtwWindow, speed_button);
  gtk_widget_class_bind_template_child (widget_class, GtwWindow, curves_button);
  gtk_widget_class_bind_template_child (widget_class, GtwWindow, bar_mechanisms_button);
  gtk_widget_class_bind_template_child (widget_class, GtwWindow, playback_close_button);
  gtk_widget_class_bind_template_child (widget_class, GtwWindow, leave_button);
}

static void
gtw_window_init (GtwWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cursor_day = -1;
  self->settings = g_settings_new (APP_ID);
  self->document = gtw_document_new ();
  self->runner = gtw_runner_new ();
  gtw_runner_set_integrator (self->runner, settings_integrator (self));
  /* The window, not the chart: the chart is hidden while the mechanisms show. */
  self->playback = gtw_playback_new (GTK_WIDGET (self));
  self->presenter = gtw_presentation_new (self->settings, self->chart, self->timeline);
  self->uncertainty = gtw_uncertainty_new (self->chart);
  /* The second view: the signalling cascade at the same day as the markers. */
  self->mechanism_map = gtw_mechanism_map_new ();
  gtk_stack_add_named (self->view_stack, GTK_WIDGET (self->mechanism_map), "mechanisms");
  gtw_presentation_set_map (self->presenter, self->mechanism_map);

  gtw_window_add_actions (self);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  g_signal_connect_object (self->settings, "changed", G_CALLBACK (on_settings_changed), self,
                           G_CONNECT_SWAPPED);
  load_units (self);
  gtw_chart_set_show_baseline (self->chart, g_settings_get_boolean (self->settings, "show-baseline"));
  gtw_chart_set_show_band (self->chart, g_settings_get_boolean (self->settings, "show-glucose-band"));

  g_signal_connect_object (self->document, "changed", G_CALLBACK (on_document_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::dirty", G_CALLBACK (on_document_notify), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->runner, "trace-started", G_CALLBACK (on_trace_started), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->runner, "trace-updated", G_CALLBACK (on_trace_updated), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->runner, "notify::fraction", G_CALLBACK (on_runner_fraction), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->runner, "finished", G_CALLBACK (on_runner_finished), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->runner, "failed", G_CALLBACK (on_runner_failed), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect_object (self->timeline, "edited", G_CALLBACK (on_timeline_edited), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->patient_panel, "patient-edited", G_CALLBACK (on_patient_edited), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->patient_panel, "preset-chosen", G_CALLBACK (on_preset_chosen), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->palette, "type-activated", G_CALLBACK (on_type_activated), self,
                           G_CONNECT_SWAPPED);
  gtw_window_init_views (self);
}

GtwWindow *
gtw_window_new (GtkApplication *application)
{
  return g_object_new (GTW_TYPE_WINDOW, "application", application, NULL);
}

GtwDocument *
gtw_window_get_document (GtwWindow *self)
{
  g_return_val_if_fail (GTW_IS_WINDOW (self), NULL);
  return self->document;
}

GtwRunner *
gtw_window_get_runner (GtwWindow *self)
{
  g_return_val_if_fail (GTW_IS_WINDOW (self), NULL);
  return self->runner;
}

GtwChart *
gtw_window_get_chart (GtwWindow *self)
{
  g_return_val_if_fail (GTW_IS_WINDOW (self), NULL);
  return self->chart;
}

GtwTimeline *
gtw_window_get_timeline (GtwWindow *self)
{
  g_return_val_if_fail (GTW_IS_WINDOW (self), NULL);
  return self->timeline;
}

GtwPatientPanel *
gtw_window_get_patient_panel (GtwWindow *self)
{
  g_return_val_if_fail (GTW_IS_WINDOW (self), NULL);
  return self->patient_panel;
}

GtwMarkersPanel *
gtw_window_get_markers_panel (GtwWindow *self)
{
  g_return_val_if_fail (GTW_IS_WINDOW (self), NULL);
  return self->markers_panel;
}

GtwInterventionPalette *
gtw_window_get_palette (GtwWindow *self)
{
  g_return_val_if_fail (GTW_IS_WINDOW (self), NULL);
  return self->palette;
}

int
gtw_window_get_markers_day (GtwWindow *self)
{
  g_return_val_if_fail (GTW_IS_WINDOW (self), -1);
  return self->markers_day;
}