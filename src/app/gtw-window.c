/* gtw-window.c: the main window: patient, chart, timeline and markers of one scenario
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document holds the scenario; every widget edit becomes a new snapshot in it, and every
 * change of the document goes to the runner, whose growing traces go to the chart and the
 * markers panel.
 */
#include <math.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "gtw-figure.h"
#include "gtw-handout.h"
#include "gtw-labs-window.h"
#include "gtw-mechanism-map.h"
#include "gtw-ogtt-window.h"
#include "gtw-playback.h"
#include "gtw-presentation.h"
#include "gtw-uncertainty.h"
#include "gtw-window.h"

struct _GtwWindow
{
  AdwApplicationWindow  parent_instance;

  /* template */
  AdwToastOverlay      *toast_overlay;
  GtkWidget            *header_bar;
  AdwWindowTitle       *window_title;
  GtkWidget            *uncertainty_spinner;
  GtkStack             *view_stack;
  AdwFlap              *flap;
  GtwPatientPanel      *patient_panel;
  GtwChart             *chart;
  GtkProgressBar       *progress_bar;
  GtwTimeline          *timeline;
  GtkWidget            *timeline_toolbar;
  AdwButtonContent     *play_run_content;
  GtkToggleButton      *decade_button;
  GtkMenuButton        *add_button;
  GtkPopover           *add_popover;
  GtwInterventionPalette *palette;
  GtkWidget            *markers_separator;
  GtkWidget            *markers_sidebar;
  GtwMarkersPanel      *markers_panel;
  GtkWidget            *playback_bar;
  GtkButton            *play_button;
  GtkAdjustment        *playback_adjustment;
  GtkWidget            *playback_scale;
  GtkMenuButton        *speed_button;
  GtkWidget            *curves_button;
  GtkWidget            *bar_mechanisms_button;
  GtkWidget            *playback_close_button;
  GtkWidget            *leave_button;

  GSettings            *settings;
  GtwDocument          *document;
  GtwRunner            *runner;
  GtwDisplayUnits       units;
  GtwPlayback          *playback;
  GtwPresentation      *presenter;
  GtwUncertainty       *uncertainty;
  GtwMechanismMap      *mechanism_map;
  GtkWindow            *labs_window; /* weak: the one open Lab Results window */
  GtkEventController   *playback_keys;
  gboolean              syncing_scale;

  /* The widget whose edit is being recorded: it already shows the new state. */
  gpointer              edit_source;
  int                   cursor_day;  /* -1: the pointer is not over the chart */
  int                   markers_day;
  int                   view_day;    /* the day of the year and day views */
  /* The traces the day view's detail was computed from, to know when to redo it. */
  GtwTrace             *detail_trace;
  GtwTrace             *detail_baseline;

  GQueue                idle_queue;  /* Continuation, run when the runner is idle */
  guint                 refresh_id;
  gint64                last_refresh;
  gint64                last_markers;
  gboolean              presentation;
  gboolean              show_mechanisms;
  gboolean              close_confirmed;
};

G_DEFINE_FINAL_TYPE (GtwWindow, gtw_window, ADW_TYPE_APPLICATION_WINDOW)

typedef struct
{
  GtwWindowFunc  func;
  gpointer       data;
  GDestroyNotify destroy;
} Continuation;

static Continuation *
continuation_new (GtwWindowFunc func, gpointer data, GDestroyNotify destroy)
{
  Continuation *c = g_new0 (Continuation, 1);

  c->func = func;
  c->data = data;
  c->destroy = destroy;
  return c;
}

static void
continuation_free (Continuation *c)
{
  if (c->destroy != NULL)
    c->destroy (c->data);
  g_free (c);
}

/* Runs and frees @c. */
static void
continuation_run (GtwWindow *self, Continuation *c)
{
  c->func (self, c->data);
  continuation_free (c);
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

static void
show_error_dialog (GtwWindow  *self,
                   const char *heading,
                   const char *body)
{
  GtkWidget *dialog;

  g_printerr ("glucotwin: %s: %s\n", heading, body);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
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

/* The whole-run view is named after the run's length: "10 Years", "20 Years". */
static void
update_run_button (GtwWindow *self, const GtwScenario *scenario)
{
  int years = MAX (1, (int) round (scenario->duration_days / 365.0));
  g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d Year", "%d Years", years), years);

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

static GtwTrace *
current_trace (GtwWindow *self)
{
  return gtw_runner_get_trace (self->runner, GTW_RUN_SCENARIO);
}

static GtwTrace *
current_baseline (GtwWindow *self)
{
  return gtw_runner_get_trace (self->runner, GTW_RUN_BASELINE);
}

static void
update_markers (GtwWindow *self)
{
  GtwTrace *trace = current_trace (self);
  GtwTrace *baseline = current_baseline (self);
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
  gtw_patient_panel_set_derived (self->patient_panel, first->homa_ir, first->stage);
}

static gboolean
in_day_view (GtwWindow *self)
{
  return gtw_chart_get_view (self->chart) == GTW_CHART_VIEW_DAY;
}

static GtwDayDetail *
simulate_day (GtwTrace *trace, int day, GError **error)
{
  if (trace == NULL || gtw_trace_get_n_days (trace) <= (guint) day)
    return NULL;
  return gtw_trace_simulate_day (trace, day, error);
}

/* The day view shows minute detail re-simulated from the traces: redo it when a trace that
 * reaches the day is newer than the one it came from. */
static void
update_day_detail (GtwWindow *self)
{
  GtwTrace *trace = current_trace (self);
  GtwTrace *baseline = current_baseline (self);
  g_autoptr (GError) error = NULL;
  GtwDayDetail *detail, *baseline_detail = NULL;
  gboolean trace_ready, baseline_ready;

  if (!in_day_view (self) || trace == NULL)
    return;

  trace_ready = gtw_trace_get_n_days (trace) > (guint) self->view_day;
  baseline_ready = baseline != NULL && gtw_trace_get_n_days (baseline) > (guint) self->view_day;
  if (!trace_ready)
    return;
  if (trace == self->detail_trace && (!baseline_ready || baseline == self->detail_baseline)
      && (baseline != NULL || self->detail_baseline == NULL))
    return;

  detail = simulate_day (trace, self->view_day, &error);
  if (detail == NULL)
    {
      gtw_window_report_error (self, error->message);
      return;
    }
  if (baseline_ready)
    baseline_detail = simulate_day (baseline, self->view_day, NULL);
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
  gtw_chart_set_traces (self->chart, current_trace (self), current_baseline (self));
  gtw_mechanism_map_set_traces (self->mechanism_map, current_trace (self), current_baseline (self));
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), gtw_runner_get_busy (runner));
}

/* Days arrive faster than anyone reads them: the chart, the markers and the day view follow
 * a streaming run at most every REFRESH_INTERVAL_MS, which keeps the frames short. */
#define REFRESH_INTERVAL_MS 100
/* Text that changes relayouts its panel: the markers follow a run more slowly than the curves. */
#define MARKERS_INTERVAL_MS 500

static void
refresh_now (GtwWindow *self)
{
  gint64 now = g_get_monotonic_time ();

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->last_refresh = now;
  gtw_chart_traces_changed (self->chart);
  update_day_detail (self);
  if (!gtw_runner_get_busy (self->runner) || now - self->last_markers >= MARKERS_INTERVAL_MS * 1000)
    {
      self->last_markers = now;
      update_markers (self);
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
  Continuation *c;

  on_runner_fraction (self);
  refresh_now (self);
  /* A continuation may start a new run: stop as soon as the runner is busy again. */
  while (!gtw_runner_get_busy (self->runner) && (c = g_queue_pop_head (&self->idle_queue)) != NULL)
    continuation_run (self, c);
}

static void
on_runner_failed (GtwWindow  *self,
                  const char *message)
{
  g_autofree char *text = g_strdup_printf (_("The simulation failed: %s"), message);

  gtw_window_report_error (self, text);
}

void
gtw_window_when_idle (GtwWindow      *self,
                      GtwWindowFunc   func,
                      gpointer        user_data,
                      GDestroyNotify  destroy)
{
  Continuation *c;

  g_return_if_fail (GTW_IS_WINDOW (self));
  g_return_if_fail (func != NULL);

  c = continuation_new (func, user_data, destroy);
  if (gtw_runner_get_busy (self->runner))
    g_queue_push_tail (&self->idle_queue, c);
  else
    continuation_run (self, c);
}

/* ---------------------------------------------------------------------------------------- */
/* Widgets → document                                                                       */

static void
apply_edit (GtwWindow   *self,
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
  apply_edit (self, timeline, scenario, label);
}

static void
on_patient_edited (GtwWindow       *self,
                   const char      *label,
                   GtwPatientPanel *panel)
{
  GtwScenario *scenario = gtw_scenario_copy (gtw_document_get_scenario (self->document));

  scenario->patient = *gtw_patient_panel_get_patient (panel);
  apply_edit (self, panel, scenario, label);
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

static void
on_cursor_moved (GtwWindow *self,
                 int        day,
                 GtwChart  *chart)
{
  self->cursor_day = day;
  update_markers (self);
}

static void
on_day_activated (GtwWindow *self,
                  int        day,
                  GtwChart  *chart)
{
  gtw_window_show_day (self, day);
}

static void
sync_view_action (GtwWindow *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "view");
  const char *state;

  switch (gtw_chart_get_view (self->chart))
    {
    case GTW_CHART_VIEW_YEAR:
      state = "year";
      break;
    case GTW_CHART_VIEW_DAY:
      state = "day";
      break;
    case GTW_CHART_VIEW_DECADE:
    default:
      state = "decade";
      break;
    }
  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (state));
}

static void
on_range_changed (GtwWindow *self,
                  GtwChart  *chart)
{
  double first, last;
  int left, right;

  gtw_chart_get_range (chart, &first, &last);
  gtw_chart_get_margins (chart, &left, &right);
  /* Before its first allocation the chart has no range yet. */
  if (last > first)
    gtw_timeline_set_range (self->timeline, first, last);
  gtw_timeline_set_margins (self->timeline, left, right);
  sync_view_action (self);
}

static void
on_ogtt_requested (GtwWindow       *self,
                   int              day,
                   GtwMarkersPanel *panel)
{
  GtwTrace *trace = current_trace (self);
  g_autoptr (GtwOgttResult) result = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *window;

  if (trace == NULL || day < 0 || gtw_trace_get_n_days (trace) <= (guint) day)
    {
      gtw_window_report_error (self, _("That day has not been simulated yet"));
      return;
    }
  result = gtw_trace_run_ogtt (trace, day, &error);
  if (result == NULL)
    {
      gtw_window_report_error (self, error->message);
      return;
    }
  window = gtw_ogtt_window_new (GTK_WINDOW (self), result, &self->units);
  gtk_window_present (GTK_WINDOW (window));
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

static void sync_panels (GtwWindow *self);

static void
on_settings_changed (GtwWindow  *self,
                     const char *key,
                     GSettings  *settings)
{
  if (g_str_has_suffix (key, "-unit"))
    load_units (self);
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
    sync_panels (self);
}

/* ---------------------------------------------------------------------------------------- */
/* Loading                                                                                  */

gboolean
gtw_window_load_scenario_file (GtwWindow  *self,
                               GFile      *file,
                               GError    **error)
{
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  GtwScenario *scenario;

  g_return_val_if_fail (GTW_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Only local files can be opened"));
      return FALSE;
    }
  scenario = gtw_scenario_load_file (path, error);
  if (scenario == NULL)
    return FALSE;

  gtw_document_load (self->document, scenario, file, FALSE);
  uri = g_file_get_uri (file);
  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
  return TRUE;
}

gboolean
gtw_window_load_preset_now (GtwWindow  *self,
                            const char *preset_id,
                            GError    **error)
{
  GtwScenario *scenario;

  g_return_val_if_fail (GTW_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (preset_id != NULL, FALSE);

  scenario = gtw_preset_load (preset_id, error);
  if (scenario == NULL)
    return FALSE;
  gtw_document_load (self->document, scenario, NULL, FALSE);
  return TRUE;
}

void
gtw_window_restore (GtwWindow   *self,
                    GtwScenario *scenario)
{
  g_return_if_fail (GTW_IS_WINDOW (self));
  g_return_if_fail (scenario != NULL);

  gtw_document_load (self->document, scenario, NULL, TRUE);
}

static void
open_now (GtwWindow *self,
          gpointer   user_data)
{
  GFile *file = user_data;
  g_autoptr (GError) error = NULL;

  if (!gtw_window_load_scenario_file (self, file, &error))
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);

      show_error_dialog (self, heading, error->message);
    }
}

void
gtw_window_open (GtwWindow *self,
                 GFile     *file)
{
  g_return_if_fail (GTW_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  gtw_window_confirm_discard (self, open_now, g_object_ref (file), g_object_unref);
}

static void
load_preset_after_guard (GtwWindow *self,
                         gpointer   user_data)
{
  g_autoptr (GError) error = NULL;

  if (!gtw_window_load_preset_now (self, user_data, &error))
    gtw_window_report_error (self, error->message);
}

void
gtw_window_load_preset (GtwWindow  *self,
                        const char *preset_id)
{
  g_autoptr (GtwScenario) check = NULL;
  g_autoptr (GError) error = NULL;

  g_return_if_fail (GTW_IS_WINDOW (self));
  g_return_if_fail (preset_id != NULL);

  /* A bad id is reported before asking about unsaved changes that it would not touch. */
  check = gtw_preset_load (preset_id, &error);
  if (check == NULL)
    {
      gtw_window_report_error (self, error->message);
      gtw_patient_panel_set_scenario (self->patient_panel, gtw_document_get_scenario (self->document));
      return;
    }
  gtw_window_confirm_discard (self, load_preset_after_guard, g_strdup (preset_id), g_free);
}

/* ---------------------------------------------------------------------------------------- */
/* Editing                                                                                  */

/* Validates one intervention object with the scenario loader itself (strict, naming the JSON
 * path), by loading the current scenario with the object appended. */
static gboolean
parse_intervention (GtwWindow       *self,
                    const char      *json,
                    GtwIntervention *out,
                    GError         **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (JsonParser) scenario_parser = json_parser_new ();
  g_autoptr (GtwScenario) loaded = NULL;
  g_autofree char *data = NULL;
  g_autofree char *combined = NULL;
  JsonNode *node;
  JsonObject *root;
  JsonArray *interventions;
  gsize length;

  if (!json_parser_load_from_data (parser, json, -1, error))
    {
      g_prefix_error (error, _("The intervention is not valid JSON: "));
      return FALSE;
    }
  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, GTW_SCENARIO_ERROR, GTW_SCENARIO_ERROR_INVALID,
                   _("The intervention must be a JSON object"));
      return FALSE;
    }

  data = gtw_scenario_to_data (gtw_document_get_scenario (self->document), &length);
  if (!json_parser_load_from_data (scenario_parser, data, length, error))
    return FALSE;
  root = json_node_get_object (json_parser_get_root (scenario_parser));
  if (!json_object_has_member (root, "interventions"))
    json_object_set_array_member (root, "interventions", json_array_new ());
  interventions = json_object_get_array_member (root, "interventions");
  json_array_add_element (interventions, json_node_copy (node));
  combined = json_to_string (json_parser_get_root (scenario_parser), FALSE);

  loaded = gtw_scenario_load_data (combined, -1, error);
  if (loaded == NULL)
    {
      g_autofree char *prefix = g_strdup_printf ("interventions[%u]", json_array_get_length (interventions) - 1);

      /* The path of the object the caller gave, not of its place in the scenario. */
      if (error != NULL && g_str_has_prefix ((*error)->message, prefix))
        {
          g_autofree char *message = g_strconcat ("intervention", (*error)->message + strlen (prefix), NULL);

          g_free ((*error)->message);
          (*error)->message = g_steal_pointer (&message);
        }
      return FALSE;
    }
  *out = g_array_index (loaded->interventions, GtwIntervention, loaded->interventions->len - 1);
  return TRUE;
}

gboolean
gtw_window_add_intervention (GtwWindow  *self,
                             const char *json,
                             GError    **error)
{
  GtwIntervention iv;

  g_return_val_if_fail (GTW_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (json != NULL, FALSE);

  if (!parse_intervention (self, json, &iv, error))
    return FALSE;
  /* The palette's path: the timeline records it and says "Add Berberine". */
  if (!gtw_timeline_add (self->timeline, &iv))
    {
      g_set_error (error, GTW_SCENARIO_ERROR, GTW_SCENARIO_ERROR_INVALID,
                   _("The timeline refused the intervention"));
      return FALSE;
    }
  return TRUE;
}

void
gtw_window_clear_interventions (GtwWindow *self)
{
  GtwScenario *scenario;

  g_return_if_fail (GTW_IS_WINDOW (self));

  if (gtw_document_get_scenario (self->document)->interventions->len == 0)
    return;
  scenario = gtw_scenario_copy (gtw_document_get_scenario (self->document));
  g_array_set_size (scenario->interventions, 0);
  apply_edit (self, NULL, scenario, _("Clear Interventions"));
}

/* ---------------------------------------------------------------------------------------- */
/* Views                                                                                    */

static int
default_view_day (GtwWindow *self)
{
  if (self->cursor_day >= 0)
    return self->cursor_day;
  if (in_day_view (self) || gtw_chart_get_view (self->chart) == GTW_CHART_VIEW_YEAR)
    return self->view_day;
  return self->markers_day;
}

void
gtw_window_show_day (GtwWindow *self,
                     int        day)
{
  const GtwScenario *scenario;

  g_return_if_fail (GTW_IS_WINDOW (self));

  scenario = gtw_document_get_scenario (self->document);
  self->view_day = CLAMP (day, 0, scenario->duration_days - 1);
  self->detail_trace = NULL;
  self->detail_baseline = NULL;
  gtw_chart_set_view (self->chart, GTW_CHART_VIEW_DAY, self->view_day);
  sync_view_action (self);
  update_day_detail (self);
  update_markers (self);
}

static void
show_year (GtwWindow *self, int day)
{
  const GtwScenario *scenario = gtw_document_get_scenario (self->document);

  self->view_day = CLAMP (day, 0, scenario->duration_days - 1);
  gtw_chart_set_view (self->chart, GTW_CHART_VIEW_YEAR, self->view_day);
  sync_view_action (self);
  update_markers (self);
}

static void
show_decade (GtwWindow *self)
{
  gtw_chart_set_view (self->chart, GTW_CHART_VIEW_DECADE, 0);
  sync_view_action (self);
  update_markers (self);
}

/* "name" or "name:N"; *day is -1 without a number. */
static gboolean
parse_view (const char *view, const char *name, int *day)
{
  gsize len = strlen (name);
  guint64 n;

  if (!g_str_has_prefix (view, name))
    return FALSE;
  if (view[len] == '\0')
    {
      *day = -1;
      return TRUE;
    }
  if (view[len] != ':' || !g_ascii_string_to_unsigned (view + len + 1, 10, 0, G_MAXINT, &n, NULL))
    return FALSE;
  *day = (int) n;
  return TRUE;
}

gboolean
gtw_window_set_view (GtwWindow  *self,
                     const char *view,
                     GError    **error)
{
  const GtwScenario *scenario;
  int day = -1;

  g_return_val_if_fail (GTW_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (view != NULL, FALSE);

  scenario = gtw_document_get_scenario (self->document);
  if (g_str_equal (view, "decade"))
    {
      show_decade (self);
      return TRUE;
    }
  if (parse_view (view, "year", &day) || parse_view (view, "day", &day))
    {
      if (day >= scenario->duration_days)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("Day %d is outside the run (days 0 to %d)"), day, scenario->duration_days - 1);
          return FALSE;
        }
      if (day < 0)
        day = default_view_day (self);
      if (view[0] == 'y')
        show_year (self, day);
      else
        gtw_window_show_day (self, day);
      return TRUE;
    }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("Unknown view “%s”: use decade, year, year:N or day:N"), view);
  return FALSE;
}

/* ---------------------------------------------------------------------------------------- */
/* Saving and exporting                                                                     */

gboolean
gtw_window_save (GtwWindow  *self,
                 GFile      *file,
                 GError    **error)
{
  g_autofree char *uri = NULL;

  g_return_val_if_fail (GTW_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!gtw_document_save (self->document, file, error))
    return FALSE;
  uri = g_file_get_uri (file);
  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
  return TRUE;
}

/* Writes the figure of @options (the view as it was when asked for) and of @view_day. */
static gboolean
write_plot (GtwWindow              *self,
            const char             *path,
            const GtwFigureOptions *options,
            int                     view_day,
            GError                **error)
{
  GtwTrace *trace = current_trace (self);
  GtwTrace *baseline = current_baseline (self);
  g_autoptr (GtwDayDetail) day = NULL;
  g_autoptr (GtwDayDetail) baseline_day = NULL;

  if (!gtw_figure_format_supported (path))
    {
      g_set_error (error, GTW_FIGURE_ERROR, GTW_FIGURE_ERROR_FORMAT,
                   _("Cannot export to “%s”: choose a name ending in .png, .svg or .pdf"), path);
      return FALSE;
    }
  if (trace == NULL || gtw_trace_get_n_days (trace) == 0)
    {
      g_set_error (error, GTW_FIGURE_ERROR, GTW_FIGURE_ERROR_NO_DATA, _("There is no run to export yet"));
      return FALSE;
    }

  if (options->view == GTW_FIGURE_VIEW_DAY)
    {
      day = simulate_day (trace, view_day, error);
      if (day == NULL)
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, GTW_FIGURE_ERROR, GTW_FIGURE_ERROR_NO_DATA,
                         _("Day %d has not been simulated yet"), view_day);
          return FALSE;
        }
      baseline_day = simulate_day (baseline, view_day, NULL);
    }
  return gtw_figure_write_file (path, options, trace, baseline, day, baseline_day, error);
}

/* The figure options of what is on screen; the title is copied into @title. */
static void
screen_figure_options (GtwWindow        *self,
                       GtwFigureOptions *options,
                       char            **title)
{
  gtw_chart_get_figure_options (self->chart, options);
  if (options->width <= 0 || options->height <= 0)
    {
      options->width = 1000;
      options->height = 800;
    }
  *title = g_strdup (options->title);
  options->title = *title;
}

gboolean
gtw_window_write_plot (GtwWindow  *self,
                       const char *path,
                       GError    **error)
{
  g_autofree char *title = NULL;
  GtwFigureOptions options;

  g_return_val_if_fail (GTW_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  screen_figure_options (self, &options, &title);
  return write_plot (self, path, &options, self->view_day, error);
}

static void
append_csv_double (GString *out, double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* As glucotwin-cli writes it: C locale, six significant digits, "nan" for no number. */
  if (!isfinite (value))
    g_string_append (out, "nan");
  else
    g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.6g", value));
}

gboolean
gtw_window_write_csv (GtwWindow  *self,
                      const char *path,
                      GError    **error)
{
  GtwTrace *trace = current_trace (self);
  g_autoptr (GString) out = g_string_new (NULL);
  const GtwColumn *columns;
  guint n_columns = 0, n_days;

  g_return_val_if_fail (GTW_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (trace == NULL || (n_days = gtw_trace_get_n_days (trace)) == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("There is no run to export yet"));
      return FALSE;
    }

  columns = gtw_day_columns (&n_columns);
  for (guint i = 0; i < n_columns; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "," : "", columns[i].name);
  g_string_append_c (out, '\n');
  for (guint day = 0; day < n_days; day++)
    {
      const GtwDayRecord *record = gtw_trace_get_day (trace, day);

      for (guint i = 0; i < n_columns; i++)
        {
          const GtwColumn *c = &columns[i];

          if (i > 0)
            g_string_append_c (out, ',');
          switch (c->kind)
            {
            case GTW_COLUMN_INT:
              g_string_append_printf (out, "%d", G_STRUCT_MEMBER (int, record, c->offset));
              break;
            case GTW_COLUMN_STAGE:
              g_string_append (out, gtw_stage_to_string (G_STRUCT_MEMBER (GtwStage, record, c->offset)));
              break;
            case GTW_COLUMN_DOUBLE:
            default:
              append_csv_double (out, gtw_column_get_double (c, record));
              break;
            }
        }
      g_string_append_c (out, '\n');
    }
  return g_file_set_contents_full (path, out->str, out->len, G_FILE_SET_CONTENTS_CONSISTENT, 0666, error);
}

/* An export asked for while a run goes on: the view of the moment it was asked for. */
typedef struct
{
  char             *path;
  char             *title;
  GtwFigureOptions  options;
  int               view_day;
} PlotRequest;

static void
plot_request_free (gpointer data)
{
  PlotRequest *request = data;

  g_free (request->path);
  g_free (request->title);
  g_free (request);
}

static void
export_plot_now (GtwWindow *self,
                 gpointer   user_data)
{
  PlotRequest *request = user_data;
  g_autoptr (GError) error = NULL;

  if (!write_plot (self, request->path, &request->options, request->view_day, &error))
    gtw_window_report_error (self, error->message);
}

static void
export_csv_now (GtwWindow *self,
                gpointer   user_data)
{
  g_autoptr (GError) error = NULL;

  if (!gtw_window_write_csv (self, user_data, &error))
    gtw_window_report_error (self, error->message);
}

void
gtw_window_export_plot (GtwWindow  *self,
                        const char *path)
{
  PlotRequest *request;

  g_return_if_fail (GTW_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  if (!gtw_figure_format_supported (path))
    {
      g_autofree char *message =
        g_strdup_printf (_("Cannot export to “%s”: choose a name ending in .png, .svg or .pdf"), path);

      gtw_window_report_error (self, message);
      return;
    }
  request = g_new0 (PlotRequest, 1);
  request->path = g_strdup (path);
  request->view_day = self->view_day;
  screen_figure_options (self, &request->options, &request->title);
  gtw_window_when_idle (self, export_plot_now, request, plot_request_free);
}

static void
export_handout_now (GtwWindow *self,
                    gpointer   user_data)
{
  const char *path = user_data;
  GtwTrace *trace = current_trace (self);
  GtwTrace *baseline;
  g_autoptr (GError) error = NULL;
  gboolean written;

  if (trace == NULL || gtw_trace_get_n_days (trace) == 0)
    {
      gtw_window_report_error (self, _("There is no run to export yet"));
      return;
    }
  /* Without interventions there is nothing to compare: the handout shows the one run. */
  baseline = gtw_trace_has_interventions (trace) ? current_baseline (self) : NULL;
  if (g_str_has_suffix (path, ".png"))
    written = gtw_handout_write_png (path, trace, baseline, &self->units, &error);
  else
    written = gtw_handout_write_pdf (path, trace, baseline, &self->units, &error);
  if (!written)
    gtw_window_report_error (self, error->message);
}

void
gtw_window_export_handout (GtwWindow  *self,
                           const char *path)
{
  g_return_if_fail (GTW_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  if (!g_str_has_suffix (path, ".pdf") && !g_str_has_suffix (path, ".png"))
    {
      g_autofree char *message =
        g_strdup_printf (_("Cannot write the handout to “%s”: choose a name ending in .pdf or .png"), path);

      gtw_window_report_error (self, message);
      return;
    }
  gtw_window_when_idle (self, export_handout_now, g_strdup (path), g_free);
}

void
gtw_window_export_csv (GtwWindow  *self,
                       const char *path)
{
  g_return_if_fail (GTW_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  gtw_window_when_idle (self, export_csv_now, g_strdup (path), g_free);
}

/* ---------------------------------------------------------------------------------------- */
/* Playback                                                                                 */

/* As the markers panel and the chart's "now" line name a day. */
static char *
format_day (int day)
{
  return g_strdup_printf (_("Year %d, day %d"), day / 365 + 1, day % 365 + 1);
}

/* Under the chart while playing or paused; always in presentation mode. */
static void
sync_playback_bar (GtwWindow *self)
{
  gtk_widget_set_visible (self->playback_bar,
                          self->presentation || gtw_playback_get_active (self->playback));
}

static void
on_playback_day (GtwWindow *self)
{
  int day = gtw_playback_get_day (self->playback);
  gint64 now = g_get_monotonic_time ();

  gtw_chart_set_reveal_day (self->chart, day);
  /* The map is cheap to redraw: it follows every frame, the text of the markers less often. */
  if (day >= 0)
    gtw_mechanism_map_set_day (self->mechanism_map, day);
  sync_playback_bar (self);
  if (day >= 0)
    {
      g_autofree char *label = format_day (day);

      self->syncing_scale = TRUE;
      gtk_adjustment_set_value (self->playback_adjustment, day);
      self->syncing_scale = FALSE;
      /* The chart's "now" line and the markers name the day on screen; this is for screen readers. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->playback_scale),
                                      GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, label, -1);
    }
  /* While playing, the markers' text follows at the pace of a streaming run. */
  if (!gtw_playback_get_playing (self->playback) || now - self->last_markers >= REFRESH_INTERVAL_MS * 1000)
    {
      self->last_markers = now;
      update_markers (self);
    }
}

static void
on_playback_playing (GtwWindow *self)
{
  gboolean playing = gtw_playback_get_playing (self->playback);
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "play");

  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (playing));
  gtk_button_set_icon_name (self->play_button,
                            playing ? "media-playback-pause-symbolic" : "media-playback-start-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->play_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  playing ? _("Pause") : _("Play"), -1);
  adw_button_content_set_icon_name (self->play_run_content, playing ? "media-playback-pause-symbolic"
                                                                    : "media-playback-start-symbolic");
  adw_button_content_set_label (self->play_run_content, playing ? _("_Pause") : _("_Play"));
  update_markers (self);
}

static void
on_playback_speed (GtwWindow *self)
{
  const char *speed = gtw_playback_get_speed (self->playback);
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "playback-speed");

  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (speed));
  gtk_menu_button_set_label (self->speed_button, gtw_playback_speed_label (speed));
}

static void
on_playback_scrubbed (GtwWindow *self)
{
  if (!self->syncing_scale)
    gtw_playback_seek (self->playback, (int) round (gtk_adjustment_get_value (self->playback_adjustment)));
}

GtwPlayback *
gtw_window_get_playback (GtwWindow *self)
{
  g_return_val_if_fail (GTW_IS_WINDOW (self), NULL);
  return self->playback;
}

GtwUncertainty *
gtw_window_get_uncertainty (GtwWindow *self)
{
  g_return_val_if_fail (GTW_IS_WINDOW (self), NULL);
  return self->uncertainty;
}

GtwMechanismMap *
gtw_window_get_mechanism_map (GtwWindow *self)
{
  g_return_val_if_fail (GTW_IS_WINDOW (self), NULL);
  return self->mechanism_map;
}

/* ---------------------------------------------------------------------------------------- */
/* Uncertainty bands                                                                        */

static void
on_uncertainty_running (GtwWindow *self)
{
  gboolean running = gtw_uncertainty_get_running (self->uncertainty);

  gtk_widget_set_visible (self->uncertainty_spinner, running);
  gtk_spinner_set_spinning (GTK_SPINNER (self->uncertainty_spinner), running);
}

static void
on_uncertainty_finished (GtwWindow      *self,
                         gboolean        success,
                         GtwUncertainty *uncertainty)
{
  const GError *error = gtw_uncertainty_get_error (uncertainty);
  g_autofree char *message = NULL;

  if (success || error == NULL)
    return;
  message = g_strdup_printf (_("The uncertainty bands could not be computed: %s"), error->message);
  gtw_window_report_error (self, message);
}

/* ---------------------------------------------------------------------------------------- */
/* Presentation                                                                             */

/* The patient panel as the user left it, and the markers panel, beside the curves; the
 * mechanism map and presentation mode have the window to themselves. Presenting the map,
 * its badges show the interventions: the timeline's large blocks would only take its room. */
static void
sync_panels (GtwWindow *self)
{
  gboolean panels = !self->presentation && !self->show_mechanisms;
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "toggle-sidebar");

  adw_flap_set_reveal_flap (self->flap, panels && g_settings_get_boolean (self->settings, "sidebar-visible"));
  gtk_widget_set_visible (self->markers_sidebar, panels);
  gtk_widget_set_visible (self->markers_separator, panels);
  gtk_widget_set_visible (GTK_WIDGET (self->timeline), !(self->presentation && self->show_mechanisms));
  /* the curves to present mean nothing to the map */
  gtk_widget_set_visible (self->curves_button, self->presentation && !self->show_mechanisms);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), panels);
}

void
gtw_window_set_presentation (GtwWindow *self,
                             gboolean   presentation)
{
  GAction *action;

  g_return_if_fail (GTW_IS_WINDOW (self));

  presentation = !!presentation;
  if (self->presentation == presentation)
    return;
  self->presentation = presentation;

  if (presentation)
    {
      gtk_window_fullscreen (GTK_WINDOW (self));
      gtk_widget_add_css_class (GTK_WIDGET (self), "presentation");
    }
  else
    {
      gtk_window_unfullscreen (GTK_WINDOW (self));
      gtk_widget_remove_css_class (GTK_WIDGET (self), "presentation");
    }
  sync_panels (self);
  gtw_presentation_set_active (self->presenter, presentation);
  gtk_widget_set_visible (self->header_bar, !presentation);
  gtk_widget_set_visible (self->timeline_toolbar, !presentation);
  gtk_widget_set_visible (self->bar_mechanisms_button, presentation);
  gtk_widget_set_visible (self->leave_button, presentation);
  gtk_widget_set_visible (self->playback_close_button, !presentation);
  sync_playback_bar (self);
  /* Nothing to type into in presentation mode: the playback keys come before any widget's. */
  gtk_event_controller_set_propagation_phase (self->playback_keys,
                                              presentation ? GTK_PHASE_CAPTURE : GTK_PHASE_BUBBLE);

  action = g_action_map_lookup_action (G_ACTION_MAP (self), "toggle-presentation");
  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (presentation));
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "leave-presentation");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), presentation);
}

gboolean
gtw_window_get_presentation (GtwWindow *self)
{
  g_return_val_if_fail (GTW_IS_WINDOW (self), FALSE);

  return self->presentation;
}

/* ---------------------------------------------------------------------------------------- */
/* Screenshots                                                                              */

typedef struct
{
  char             *path;
  GtwScreenshotFunc func;
  gpointer          data;
  gulong            handler;
} Screenshot;

static gboolean
write_window_png (GtwWindow *self, const char *path, GError **error)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  renderer = gtk_native_get_renderer (GTK_NATIVE (self));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (renderer == NULL || node == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The window has not been drawn yet"));
      return FALSE;
    }
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the screenshot to %s"), path);
      return FALSE;
    }
  return TRUE;
}

static void
on_screenshot_painted (GdkFrameClock *clock,
                       Screenshot    *shot)
{
  GtwWindow *self = g_object_get_data (G_OBJECT (clock), "gtw-screenshot-window");
  g_autoptr (GError) error = NULL;

  g_signal_handler_disconnect (clock, shot->handler);
  g_object_set_data (G_OBJECT (clock), "gtw-screenshot-window", NULL);
  write_window_png (self, shot->path, &error);
  shot->func (self, error, shot->data);
  g_free (shot->path);
  g_free (shot);
  g_object_unref (self);
}

static gboolean
screenshot_tick (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  Screenshot *shot = user_data;

  /* This frame paints the finished run: capture right after it. */
  g_object_set_data (G_OBJECT (clock), "gtw-screenshot-window", g_object_ref (widget));
  shot->handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_screenshot_painted), shot);
  gtk_widget_queue_draw (widget);
  return G_SOURCE_REMOVE;
}

static void
screenshot_when_idle (GtwWindow *self,
                      gpointer   user_data)
{
  gtk_widget_add_tick_callback (GTK_WIDGET (self), screenshot_tick, user_data, NULL);
}

void
gtw_window_screenshot (GtwWindow        *self,
                       const char       *path,
                       GtwScreenshotFunc func,
                       gpointer          user_data)
{
  Screenshot *shot;

  g_return_if_fail (GTW_IS_WINDOW (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (func != NULL);

  shot = g_new0 (Screenshot, 1);
  shot->path = g_strdup (path);
  shot->func = func;
  shot->data = user_data;
  gtw_window_when_idle (self, screenshot_when_idle, shot, NULL);
}

/* ---------------------------------------------------------------------------------------- */
/* Unsaved changes                                                                          */

static void save_as (GtwWindow *self, Continuation *then);

static void
on_guard_response (AdwMessageDialog *dialog,
                   const char       *response,
                   gpointer          user_data)
{
  Continuation *c = user_data;
  GtwWindow *self = GTW_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  g_autoptr (GError) error = NULL;
  GFile *file;

  if (g_str_equal (response, "discard"))
    {
      gtw_document_discard_autosave (self->document);
      continuation_run (self, c);
      return;
    }
  if (!g_str_equal (response, "save"))
    {
      continuation_free (c);
      /* A preset picked in the panel was not loaded after all: show the scenario again. */
      gtw_patient_panel_set_scenario (self->patient_panel, gtw_document_get_scenario (self->document));
      return;
    }

  file = gtw_document_get_file (self->document);
  if (file == NULL)
    {
      save_as (self, c);
      return;
    }
  if (!gtw_window_save (self, file, &error))
    {
      gtw_window_report_error (self, error->message);
      continuation_free (c);
      return;
    }
  continuation_run (self, c);
}

void
gtw_window_confirm_discard (GtwWindow      *self,
                            GtwWindowFunc   func,
                            gpointer        user_data,
                            GDestroyNotify  destroy)
{
  Continuation *c;
  GtkWidget *dialog;

  g_return_if_fail (GTW_IS_WINDOW (self));
  g_return_if_fail (func != NULL);

  c = continuation_new (func, user_data, destroy);
  if (!gtw_document_get_dirty (self->document))
    {
      continuation_run (self, c);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” has unsaved changes. Changes that are not saved will be lost."),
                                  gtw_document_get_title (self->document));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_guard_response), c);
  gtk_window_present (GTK_WINDOW (dialog));
}

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
/* File choosers                                                                            */

static GtkFileFilter *
scenario_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Glucotwin Scenarios"));
  gtk_file_filter_add_pattern (filter, "*.glucotwin.json");
  gtk_file_filter_add_mime_type (filter, "application/x-glucotwin-scenario+json");
  return filter;
}

static GtkFileFilter *
any_filter (const char *name, const char *pattern)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  return filter;
}

typedef void (*ChosenFunc) (GtwWindow *self, GFile *file, Continuation *then);

typedef struct
{
  GtwWindow    *window;
  ChosenFunc    func;
  Continuation *then;
} Chooser;

static void
on_chooser_response (GtkNativeDialog *native,
                     int              response,
                     gpointer         user_data)
{
  Chooser *chooser = user_data;
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  if (file != NULL)
    chooser->func (chooser->window, file, g_steal_pointer (&chooser->then));
  g_clear_pointer (&chooser->then, continuation_free);
  g_object_unref (chooser->window);
  g_free (chooser);
  g_object_unref (native);
}

static void
choose_file (GtwWindow            *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept,
             const char           *suggested_name,
             GtkFileFilter        *filter,
             ChosenFunc            func,
             Continuation         *then)
{
  GtkFileChooserNative *native;
  Chooser *chooser = g_new0 (Chooser, 1);

  native = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  if (filter != NULL)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested_name);
  chooser->window = g_object_ref (self);
  chooser->func = func;
  chooser->then = then;
  g_signal_connect (native, "response", G_CALLBACK (on_chooser_response), chooser);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* A file name from the scenario's title, without characters that file systems dislike. */
static char *
suggested_name (GtwWindow *self, const char *extension)
{
  g_autofree char *base = g_strdup (gtw_document_get_title (self->document));

  g_strdelimit (base, "/\\:*?\"<>|", '-');
  return g_strconcat (base, extension, NULL);
}

static void
opened_file_chosen (GtwWindow *self, GFile *file, Continuation *then)
{
  open_now (self, file);
}

static void
saved_file_chosen (GtwWindow *self, GFile *file, Continuation *then)
{
  g_autoptr (GError) error = NULL;

  if (!gtw_window_save (self, file, &error))
    {
      gtw_window_report_error (self, error->message);
      g_clear_pointer (&then, continuation_free);
      return;
    }
  if (then != NULL)
    continuation_run (self, then);
}

static void
save_as (GtwWindow *self, Continuation *then)
{
  g_autofree char *name = suggested_name (self, ".glucotwin.json");

  choose_file (self, _("Save Scenario"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), name,
               scenario_filter (), saved_file_chosen, then);
}

static void
figure_file_chosen (GtwWindow *self, GFile *file, Continuation *then)
{
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    gtw_window_export_plot (self, path);
}

static void
handout_file_chosen (GtwWindow *self, GFile *file, Continuation *then)
{
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    gtw_window_export_handout (self, path);
}

static void
csv_file_chosen (GtwWindow *self, GFile *file, Continuation *then)
{
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    gtw_window_export_csv (self, path);
}

/* ---------------------------------------------------------------------------------------- */
/* Window actions                                                                           */

static void
choose_file_to_open (GtwWindow *self, gpointer user_data)
{
  choose_file (self, _("Open Scenario"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), NULL,
               scenario_filter (), opened_file_chosen, NULL);
}

static void
action_open (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  /* Ask about unsaved changes before the chooser, as other GNOME editors do. */
  gtw_window_confirm_discard (GTW_WINDOW (user_data), choose_file_to_open, NULL, NULL);
}

static void
action_save (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtwWindow *self = GTW_WINDOW (user_data);
  GFile *file = gtw_document_get_file (self->document);
  g_autoptr (GError) error = NULL;

  if (file == NULL)
    save_as (self, NULL);
  else if (!gtw_window_save (self, file, &error))
    gtw_window_report_error (self, error->message);
}

static void
action_save_as (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  save_as (GTW_WINDOW (user_data), NULL);
}

static void
action_export_figure (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtwWindow *self = GTW_WINDOW (user_data);
  g_autofree char *name = suggested_name (self, ".png");
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Figures (PNG, SVG, PDF)"));
  gtk_file_filter_add_suffix (filter, "png");
  gtk_file_filter_add_suffix (filter, "svg");
  gtk_file_filter_add_suffix (filter, "pdf");
  choose_file (self, _("Export Figure"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), name,
               filter, figure_file_chosen, NULL);
}

static void
action_export_csv (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtwWindow *self = GTW_WINDOW (user_data);
  g_autofree char *name = suggested_name (self, ".csv");

  choose_file (self, _("Export Daily Table"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), name,
               any_filter (_("CSV Tables"), "*.csv"), csv_file_chosen, NULL);
}

static void
action_export_handout (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtwWindow *self = GTW_WINDOW (user_data);
  g_autofree char *name = suggested_name (self, ".pdf");
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Handouts (PDF, PNG)"));
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_filter_add_suffix (filter, "png");
  choose_file (self, _("Export Patient Handout"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), name,
               filter, handout_file_chosen, NULL);
}

static void
action_undo (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  gtw_document_undo (GTW_WINDOW (user_data)->document);
}

static void
action_redo (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  gtw_document_redo (GTW_WINDOW (user_data)->document);
}

static void
change_sidebar (GSimpleAction *action, GVariant *state, gpointer user_data)
{
  GtwWindow *self = GTW_WINDOW (user_data);

  g_simple_action_set_state (action, state);
  g_settings_set_boolean (self->settings, "sidebar-visible", g_variant_get_boolean (state));
  sync_panels (self);
}

static void
change_presentation (GSimpleAction *action, GVariant *state, gpointer user_data)
{
  gtw_window_set_presentation (GTW_WINDOW (user_data), g_variant_get_boolean (state));
}

static void
action_leave_presentation (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  gtw_window_set_presentation (GTW_WINDOW (user_data), FALSE);
}

static void
change_view (GSimpleAction *action, GVariant *state, gpointer user_data)
{
  GtwWindow *self = GTW_WINDOW (user_data);
  g_autoptr (GError) error = NULL;

  if (!gtw_window_set_view (self, g_variant_get_string (state, NULL), &error))
    gtw_window_report_error (self, error->message);
}

static void
change_play (GSimpleAction *action, GVariant *state, gpointer user_data)
{
  GtwWindow *self = GTW_WINDOW (user_data);
  gboolean play = g_variant_get_boolean (state);

  /* Playback reveals the long views: from the day view, it shows the whole run. */
  if (play && in_day_view (self))
    show_decade (self);
  gtw_playback_set_playing (self->playback, play);
  /* The run may be too short to play: the state says what happened. */
  g_simple_action_set_state (action, g_variant_new_boolean (gtw_playback_get_playing (self->playback)));
}

static void
change_playback_speed (GSimpleAction *action, GVariant *state, gpointer user_data)
{
  GtwWindow *self = GTW_WINDOW (user_data);
  const char *speed = g_variant_get_string (state, NULL);

  if (!gtw_playback_set_speed (self->playback, speed))
    {
      g_autofree char *message =
        g_strdup_printf (_("Unknown playback speed “%s”: use month, 3-months, 6-months, year or 2-years"),
                         speed);

      gtw_window_report_error (self, message);
    }
}

static void
action_playback_step (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtwWindow *self = GTW_WINDOW (user_data);

  gtw_playback_step_months (self->playback, g_variant_get_int32 (parameter));
}

static void
action_playback_start (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  gtw_playback_seek (GTW_WINDOW (user_data)->playback, 0);
}

static void
action_playback_end (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtwWindow *self = GTW_WINDOW (user_data);

  gtw_playback_seek (self->playback, gtw_playback_get_duration (self->playback) - 1);
}

static void
action_playback_stop (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  gtw_playback_seek (GTW_WINDOW (user_data)->playback, -1);
}

static void
change_uncertainty (GSimpleAction *action, GVariant *state, gpointer user_data)
{
  GtwWindow *self = GTW_WINDOW (user_data);

  g_simple_action_set_state (action, state);
  gtw_uncertainty_set_enabled (self->uncertainty, g_variant_get_boolean (state));
}

static void
change_show_mechanisms (GSimpleAction *action, GVariant *state, gpointer user_data)
{
  GtwWindow *self = GTW_WINDOW (user_data);

  g_simple_action_set_state (action, state);
  self->show_mechanisms = g_variant_get_boolean (state);
  gtk_stack_set_visible_child_name (self->view_stack, self->show_mechanisms ? "mechanisms" : "curves");
  sync_panels (self);
}

static void
action_labs (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtwWindow *self = GTW_WINDOW (user_data);

  /* One window of labs per scenario: Ctrl+L again brings it to the front. */
  if (self->labs_window == NULL)
    {
      self->labs_window = gtw_labs_window_new (GTK_WINDOW (self), self->document);
      g_object_add_weak_pointer (G_OBJECT (self->labs_window), (gpointer *) &self->labs_window);
    }
  gtk_window_present (self->labs_window);
}

static const GActionEntry win_entries[] = {
  { "open", action_open },
  { "save", action_save },
  { "save-as", action_save_as },
  { "export-figure", action_export_figure },
  { "export-csv", action_export_csv },
  { "export-handout", action_export_handout },
  { "undo", action_undo },
  { "redo", action_redo },
  { "toggle-sidebar", NULL, NULL, "true", change_sidebar },
  { "toggle-presentation", NULL, NULL, "false", change_presentation },
  { "leave-presentation", action_leave_presentation },
  { "view", NULL, "s", "'decade'", change_view },
  { "play", NULL, NULL, "false", change_play },
  { "playback-speed", NULL, "s", "'" GTW_PLAYBACK_DEFAULT_SPEED "'", change_playback_speed },
  { "playback-step", action_playback_step, "i" },
  { "playback-start", action_playback_start },
  { "playback-end", action_playback_end },
  { "playback-stop", action_playback_stop },
  { "uncertainty", NULL, NULL, "false", change_uncertainty },
  { "show-mechanisms", NULL, NULL, "false", change_show_mechanisms },
  { "labs", action_labs },
};

/* Space plays or pauses, Left and Right step a month (Shift: a year), Home and End go to
 * the ends. They come after the focused widget's own keys, except in presentation mode. */
static GtkEventController *
add_playback_keys (GtwWindow *self)
{
  static const struct { guint key; GdkModifierType mods; const char *action; int months; } keys[] = {
    { GDK_KEY_space, 0, "win.play", 0 },
    { GDK_KEY_Left, 0, "win.playback-step", -1 },
    { GDK_KEY_Right, 0, "win.playback-step", 1 },
    { GDK_KEY_Left, GDK_SHIFT_MASK, "win.playback-step", -12 },
    { GDK_KEY_Right, GDK_SHIFT_MASK, "win.playback-step", 12 },
    { GDK_KEY_Home, 0, "win.playback-start", 0 },
    { GDK_KEY_End, 0, "win.playback-end", 0 },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, keys[i].mods),
                                                gtk_named_action_new (keys[i].action));

      if (keys[i].months != 0)
        gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (keys[i].months));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
  return controller;
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
  sync_panels (self);

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

  g_queue_clear_full (&self->idle_queue, (GDestroyNotify) continuation_free);
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
  GtkEventController *shortcuts;

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

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_entries, G_N_ELEMENTS (win_entries), self);
  gtw_presentation_add_actions (self->presenter, G_ACTION_MAP (self));
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                            "leave-presentation")),
                               FALSE);

  /* Escape leaves presentation mode; it does nothing (and goes on to others) otherwise. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("win.leave-presentation")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  self->playback_keys = add_playback_keys (self);

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
  g_signal_connect_object (self->chart, "cursor-moved", G_CALLBACK (on_cursor_moved), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->chart, "day-activated", G_CALLBACK (on_day_activated), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->chart, "range-changed", G_CALLBACK (on_range_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->markers_panel, "ogtt-requested", G_CALLBACK (on_ogtt_requested), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect_object (self->playback, "notify::day", G_CALLBACK (on_playback_day), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->playback, "notify::playing", G_CALLBACK (on_playback_playing), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->playback, "notify::speed", G_CALLBACK (on_playback_speed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->playback_adjustment, "value-changed", G_CALLBACK (on_playback_scrubbed),
                           self, G_CONNECT_SWAPPED);
  on_playback_speed (self);
  g_signal_connect_object (self->uncertainty, "notify::running", G_CALLBACK (on_uncertainty_running), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->uncertainty, "finished", G_CALLBACK (on_uncertainty_finished), self,
                           G_CONNECT_SWAPPED);
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
