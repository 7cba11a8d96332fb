/* test-window.c: the real window, driven through its widgets' own API and its actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <signal.h>
#include <sys/resource.h>
#include <time.h>

#include "gtw-ogtt-window.h"
#include "ui-test-util.h"

/* Short runs keep the suite quick; the behaviour does not depend on the length. */
#define TEST_DAYS 730

/* One application for the whole program: an id is registered once per process. */
static GtwApplication *test_app;

typedef struct
{
  GtwApplication *app;
  GtwWindow      *window;
} Fixture;

static void
answer_dialog (GtwWindow *window, const char *response)
{
  AdwMessageDialog *dialog = gtw_test_find_dialog (GTK_WINDOW (window));

  g_assert_nonnull (dialog);
  gtw_test_answer_dialog (dialog, response);
}

/* A preset shortened to TEST_DAYS, written to the test's folder. */
static char *
write_short_preset (const char *preset)
{
  g_autoptr (GtwScenario) scenario = gtw_test_preset_new (preset, TEST_DAYS);
  g_autofree char *name = g_strconcat (preset, ".glucotwin.json", NULL);
  char *path = gtw_test_tmp_path (name);

  g_assert_true (gtw_scenario_save_file (scenario, path, NULL));
  return path;
}

static void
open_short (Fixture *f, const char *preset)
{
  g_autofree char *path = write_short_preset (preset);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;

  g_assert_true (gtw_window_load_scenario_file (f->window, file, &error));
  g_assert_no_error (error);
  gtw_test_wait_for_runs (f->window);
}

static const GtwScenario *
scenario_of (Fixture *f)
{
  return gtw_document_get_scenario (gtw_window_get_document (f->window));
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->app = test_app;
  f->window = gtw_test_window_new (f->app);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  GtwDocument *document = gtw_window_get_document (f->window);

  /* Close without asking: the test's edits are not worth keeping. */
  gtw_document_discard_autosave (document);
  gtk_window_destroy (GTK_WINDOW (f->window));
  gtw_test_iterate_for (20);
}

/* ---------------------------------------------------------------------------------------- */

static void
test_presets (Fixture *f, gconstpointer data)
{
  static const char *const presets[] = { "healthy", "compensated-ir", "early-t2d" };

  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    {
      GtwTrace *trace;
      const char *stage;

      g_action_group_activate_action (G_ACTION_GROUP (f->app), "load-preset",
                                      g_variant_new_string (presets[i]));
      gtw_test_wait_for_runs (f->window);
      g_assert_cmpstr (scenario_of (f)->preset, ==, presets[i]);
      g_assert_false (gtw_document_get_dirty (gtw_window_get_document (f->window)));

      /* The chart's run is complete and the markers show its last day. */
      trace = gtw_runner_get_trace (gtw_window_get_runner (f->window), GTW_RUN_SCENARIO);
      g_assert_nonnull (trace);
      g_assert_cmpuint (gtw_trace_get_n_days (trace), ==, scenario_of (f)->duration_days);
      g_assert_cmpint (gtw_window_get_markers_day (f->window), ==, scenario_of (f)->duration_days - 1);
      stage = gtw_markers_panel_get_row_text (gtw_window_get_markers_panel (f->window), "stage");
      g_assert_nonnull (stage);
      g_assert_cmpstr (stage, !=, "");
      g_assert_nonnull (strstr (gtw_markers_panel_get_row_text (gtw_window_get_markers_panel (f->window),
                                                                "hba1c"), "%"));
    }
  /* The early-T2D preset ends in diabetes, the healthy one does not. */
  g_assert_cmpint (gtw_trace_diabetes_onset (gtw_runner_get_trace (gtw_window_get_runner (f->window),
                                                                   GTW_RUN_SCENARIO)), >=, 0);
}

static void
test_patient_edit (Fixture *f, gconstpointer data)
{
  GtwPatientPanel *panel = gtw_window_get_patient_panel (f->window);
  GtwDocument *document = gtw_window_get_document (f->window);
  g_autoptr (GError) error = NULL;
  GtwTrace *trace;

  open_short (f, "compensated-ir");
  g_assert_true (gtw_patient_panel_set_value (panel, "weight_kg", 100.0, &error));
  g_assert_no_error (error);
  g_assert_true (gtw_document_get_dirty (document));
  g_assert_true (gtw_document_get_can_undo (document));
  g_assert_cmpfloat (scenario_of (f)->patient.v[GTW_P_WEIGHT], ==, 100.0);
  gtw_test_wait_for_runs (f->window);
  trace = gtw_runner_get_trace (gtw_window_get_runner (f->window), GTW_RUN_SCENARIO);
  g_assert_cmpfloat (gtw_trace_get_scenario (trace)->patient.v[GTW_P_WEIGHT], ==, 100.0);
  g_assert_cmpfloat_with_epsilon (gtw_trace_get_day (trace, 0)->weight, 100.0, 1.0);

  /* Out of range: refused, nothing recorded. */
  g_assert_false (gtw_patient_panel_set_value (panel, "weight_kg", 1000.0, &error));
  g_clear_error (&error);
  g_assert_cmpfloat (scenario_of (f)->patient.v[GTW_P_WEIGHT], ==, 100.0);

  g_assert_true (gtw_document_undo (document));
  g_assert_cmpfloat (scenario_of (f)->patient.v[GTW_P_WEIGHT], ==, 88.0);
  g_assert_cmpfloat (gtw_patient_panel_get_patient (panel)->v[GTW_P_WEIGHT], ==, 88.0);
  g_assert_true (gtw_document_redo (document));
  g_assert_cmpfloat (gtw_patient_panel_get_patient (panel)->v[GTW_P_WEIGHT], ==, 100.0);
  gtw_test_wait_for_runs (f->window);
}

static double
last_hba1c (GtwTrace *trace)
{
  return gtw_trace_get_day (trace, gtw_trace_get_n_days (trace) - 1)->hba1c;
}

static void
test_interventions (Fixture *f, gconstpointer data)
{
  GtwTimeline *timeline = gtw_window_get_timeline (f->window);
  GtwDocument *document = gtw_window_get_document (f->window);
  GtwRunner *runner = gtw_window_get_runner (f->window);
  const GtwIntervention *iv;
  GtwIntervention berberine;
  GtwTrace *trace, *baseline;

  open_short (f, "compensated-ir");
  g_assert_null (gtw_runner_get_trace (runner, GTW_RUN_BASELINE));

  gtw_intervention_init (&berberine, GTW_IV_BERBERINE, 0);
  g_assert_true (gtw_timeline_add (timeline, &berberine));
  g_assert_cmpuint (scenario_of (f)->interventions->len, ==, 1);
  g_assert_cmpstr (gtw_document_get_undo_label (document), ==, "Add Berberine");
  gtw_test_wait_for_runs (f->window);

  trace = gtw_runner_get_trace (runner, GTW_RUN_SCENARIO);
  baseline = gtw_runner_get_trace (runner, GTW_RUN_BASELINE);
  g_assert_nonnull (baseline);
  g_assert_true (gtw_trace_has_interventions (trace));
  g_assert_false (gtw_trace_has_interventions (baseline));
  g_assert_cmpfloat (last_hba1c (trace), <, last_hba1c (baseline));
  /* The markers panel compares with the baseline in words. */
  g_assert_nonnull (strstr (gtw_markers_panel_get_row_text (gtw_window_get_markers_panel (f->window),
                                                            "hba1c"), "lower"));

  /* The palette adds at the day being looked at (no cursor over the chart here). */
  g_assert_true (gtw_window_set_view (f->window, "year:400", NULL));
  g_signal_emit_by_name (gtw_window_get_palette (f->window), "type-activated", "exercise");
  g_assert_cmpuint (scenario_of (f)->interventions->len, ==, 2);
  iv = &g_array_index (scenario_of (f)->interventions, GtwIntervention, 1);
  g_assert_cmpint (iv->type, ==, GTW_IV_EXERCISE);
  g_assert_cmpint (iv->start_day, ==, 400);
  g_assert_cmpstr (gtw_document_get_undo_label (document), ==, "Add Exercise");
  g_assert_true (gtw_document_undo (document));
  g_assert_true (gtw_window_set_view (f->window, "decade", NULL));

  g_assert_true (gtw_timeline_move (timeline, 0, 30));
  iv = &g_array_index (scenario_of (f)->interventions, GtwIntervention, 0);
  g_assert_cmpint (iv->start_day, ==, 30);
  g_assert_true (gtw_timeline_resize (timeline, 0, 30, 300));
  iv = &g_array_index (scenario_of (f)->interventions, GtwIntervention, 0);
  g_assert_cmpint (iv->end_day, ==, 300);
  g_assert_true (gtw_timeline_remove (timeline, 0));
  g_assert_cmpuint (scenario_of (f)->interventions->len, ==, 0);
  /* A bad index changes nothing. */
  g_assert_false (gtw_timeline_remove (timeline, 3));

  /* Undo restores the block where it was, redo removes it again. */
  g_assert_true (gtw_document_undo (document));
  g_assert_cmpuint (gtw_timeline_get_interventions (timeline)->len, ==, 1);
  iv = &g_array_index (scenario_of (f)->interventions, GtwIntervention, 0);
  g_assert_cmpint (iv->start_day, ==, 30);
  g_assert_cmpint (iv->end_day, ==, 300);
  g_assert_true (gtw_document_undo (document));
  iv = &g_array_index (scenario_of (f)->interventions, GtwIntervention, 0);
  g_assert_cmpint (iv->end_day, ==, -1);
  g_assert_true (gtw_document_redo (document));
  g_assert_true (gtw_document_redo (document));
  g_assert_cmpuint (gtw_timeline_get_interventions (timeline)->len, ==, 0);
  gtw_test_wait_for_runs (f->window);
  g_assert_null (gtw_runner_get_trace (runner, GTW_RUN_BASELINE));
  g_assert_false (gtw_trace_has_interventions (gtw_runner_get_trace (runner, GTW_RUN_SCENARIO)));
}

static void
test_open_save (Fixture *f, gconstpointer data)
{
  g_autofree char *path = gtw_test_tmp_path ("saved.glucotwin.json");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GtwScenario) reloaded = NULL;
  GtwDocument *document = gtw_window_get_document (f->window);
  GtwIntervention exercise;
  g_autoptr (GError) error = NULL;

  open_short (f, "prediabetes-igt");
  gtw_intervention_init (&exercise, GTW_IV_EXERCISE, 100);
  g_assert_true (gtw_timeline_add (gtw_window_get_timeline (f->window), &exercise));
  g_assert_true (gtw_window_save (f->window, file, &error));
  g_assert_no_error (error);
  g_assert_false (gtw_document_get_dirty (document));
  g_assert_true (gtw_document_get_file (document) == file
                 || g_file_equal (gtw_document_get_file (document), file));

  reloaded = gtw_scenario_load_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reloaded->interventions->len, ==, 1);
  g_assert_cmpint (reloaded->duration_days, ==, TEST_DAYS);

  /* Change it, then open the saved file: the guard asks; discarding goes back to the file. */
  g_assert_true (gtw_patient_panel_set_value (gtw_window_get_patient_panel (f->window), "age_years", 60,
                                              NULL));
  gtw_window_open (f->window, file);
  answer_dialog (f->window, "discard");
  g_assert_false (gtw_document_get_dirty (document));
  g_assert_cmpfloat (scenario_of (f)->patient.v[GTW_P_AGE], ==, reloaded->patient.v[GTW_P_AGE]);
  g_assert_cmpuint (gtw_timeline_get_interventions (gtw_window_get_timeline (f->window))->len, ==, 1);

  /* A bad file leaves the scenario untouched. */
  {
    g_autofree char *bad = gtw_test_tmp_path ("bad.glucotwin.json");
    g_autoptr (GFile) bad_file = g_file_new_for_path (bad);

    g_assert_true (g_file_set_contents (bad, "{\"format\": \"glucotwin-scenario\", \"version\": 1, "
                                             "\"interventions\": [{\"type\": \"magic\"}]}", -1, NULL));
    g_assert_false (gtw_window_load_scenario_file (f->window, bad_file, &error));
    g_assert_nonnull (error);
    g_assert_cmpuint (scenario_of (f)->interventions->len, ==, 1);
  }
  gtw_test_wait_for_runs (f->window);
}

/* A save that fails half-way (the file-size limit stops the write) leaves the old file whole. */
static void
test_failed_save (Fixture *f, gconstpointer data)
{
  g_autofree char *path = gtw_test_tmp_path ("whole.glucotwin.json");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  struct rlimit old_limit, limit;
  GtwIntervention iv;

  open_short (f, "compensated-ir");
  g_assert_true (gtw_window_save (f->window, file, &error));
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));

  /* A bigger scenario than the limit allows. */
  for (int i = 0; i < 8; i++)
    {
      gtw_intervention_init (&iv, GTW_IV_OMEGA3, 10 + i * 50);
      g_assert_true (gtw_timeline_add (gtw_window_get_timeline (f->window), &iv));
    }
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  limit = old_limit;
  limit.rlim_cur = 512;
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  g_assert_false (gtw_window_save (f->window, file, &error));
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  g_assert_nonnull (error);

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  g_assert_true (gtw_document_get_dirty (gtw_window_get_document (f->window)));
  gtw_test_wait_for_runs (f->window);
}

static void
test_guard (Fixture *f, gconstpointer data)
{
  GtwDocument *document = gtw_window_get_document (f->window);

  open_short (f, "healthy");
  g_assert_true (gtw_patient_panel_set_value (gtw_window_get_patient_panel (f->window), "weight_kg", 90,
                                              NULL));
  g_assert_true (gtw_document_get_dirty (document));

  gtw_window_load_preset (f->window, "pcos");
  answer_dialog (f->window, "cancel");
  g_assert_cmpstr (scenario_of (f)->preset, ==, "healthy");
  g_assert_cmpfloat (scenario_of (f)->patient.v[GTW_P_WEIGHT], ==, 90);
  g_assert_true (gtw_document_get_dirty (document));

  gtw_window_load_preset (f->window, "pcos");
  answer_dialog (f->window, "discard");
  g_assert_cmpstr (scenario_of (f)->preset, ==, "pcos");
  g_assert_false (gtw_document_get_dirty (document));

  /* Closing with unsaved changes asks too; cancelling keeps the window. */
  g_assert_true (gtw_patient_panel_set_value (gtw_window_get_patient_panel (f->window), "weight_kg", 70,
                                              NULL));
  gtk_window_close (GTK_WINDOW (f->window));
  answer_dialog (f->window, "cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  gtw_test_wait_for_runs (f->window);
}

/* Units chosen in the preferences reach the markers at once. */
static void
test_units (Fixture *f, gconstpointer data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  GtwMarkersPanel *markers = gtw_window_get_markers_panel (f->window);

  open_short (f, "healthy");
  g_assert_nonnull (strstr (gtw_markers_panel_get_row_text (markers, "fasting-glucose"), "mmol/L"));
  g_settings_set_enum (settings, "glucose-unit", GTW_GLUCOSE_MGDL);
  g_settings_set_enum (settings, "hba1c-unit", GTW_HBA1C_MMOLMOL);
  g_assert_nonnull (strstr (gtw_markers_panel_get_row_text (markers, "fasting-glucose"), "mg/dL"));
  g_assert_nonnull (strstr (gtw_markers_panel_get_row_text (markers, "hba1c"), "mmol/mol"));
  g_settings_reset (settings, "glucose-unit");
  g_settings_reset (settings, "hba1c-unit");
  g_assert_nonnull (strstr (gtw_markers_panel_get_row_text (markers, "fasting-glucose"), "mmol/L"));
}

static void
test_day_view_ogtt (Fixture *f, gconstpointer data)
{
  GtwChart *chart = gtw_window_get_chart (f->window);
  g_autoptr (GError) error = NULL;
  GtwOgttWindow *ogtt;

  open_short (f, "prediabetes-ifg");
  g_assert_true (gtw_window_set_view (f->window, "day:400", &error));
  g_assert_no_error (error);
  g_assert_cmpint (gtw_chart_get_view (chart), ==, GTW_CHART_VIEW_DAY);
  g_assert_cmpint (gtw_chart_get_view_day (chart), ==, 400);

  g_assert_false (gtw_window_set_view (f->window, "day:99999", &error));
  g_clear_error (&error);
  g_assert_cmpint (gtw_chart_get_view_day (chart), ==, 400);

  /* The chart's own click on a day in the decade view opens that day. */
  g_assert_true (gtw_window_set_view (f->window, "decade", NULL));
  g_assert_cmpint (gtw_chart_get_view (chart), ==, GTW_CHART_VIEW_DECADE);
  g_signal_emit_by_name (chart, "day-activated", 200);
  g_assert_cmpint (gtw_chart_get_view (chart), ==, GTW_CHART_VIEW_DAY);
  g_assert_cmpint (gtw_chart_get_view_day (chart), ==, 200);

  g_assert_null (gtw_test_find_toplevel (GTW_TYPE_OGTT_WINDOW, NULL));
  g_signal_emit_by_name (gtw_window_get_markers_panel (f->window), "ogtt-requested", 200);
  ogtt = gtw_test_find_toplevel (GTW_TYPE_OGTT_WINDOW, NULL);
  g_assert_nonnull (ogtt);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (ogtt)) == GTK_WINDOW (f->window));
  gtk_window_destroy (GTK_WINDOW (ogtt));
}

/* Counts the runner's signals, and those that came on another thread than the test's. */
typedef struct
{
  GThread *main_thread;
  guint    n_signals;
  guint    n_elsewhere;
} SignalThreads;

static void
on_runner_signal (SignalThreads *threads)
{
  threads->n_signals++;
  threads->n_elsewhere += g_thread_self () != threads->main_thread;
}

static void
test_storm (Fixture *f, gconstpointer data)
{
  GtwPatientPanel *panel = gtw_window_get_patient_panel (f->window);
  GtwRunner *runner = gtw_window_get_runner (f->window);
  SignalThreads threads = { g_thread_self (), 0, 0 };
  guint started;
  GtwTrace *trace;

  /* The runner's chunks reach the window on the main thread only, even though this test, not a
   * GMainLoop, owns the main context between two iterations. */
  g_signal_connect_swapped (runner, "trace-started", G_CALLBACK (on_runner_signal), &threads);
  g_signal_connect_swapped (runner, "trace-updated", G_CALLBACK (on_runner_signal), &threads);
  open_short (f, "metabolic-syndrome");
  started = gtw_runner_get_n_started (runner);
  for (int i = 0; i < 100; i++)
    g_assert_true (gtw_patient_panel_set_value (panel, "weight_kg", 80.0 + i * 0.25, NULL));
  gtw_test_wait_for_runs (f->window);

  /* The storm was coalesced, and what is shown is the last change. */
  g_assert_cmpuint (gtw_runner_get_n_started (runner) - started, <=, 3);
  trace = gtw_runner_get_trace (runner, GTW_RUN_SCENARIO);
  g_assert_cmpfloat (gtw_trace_get_scenario (trace)->patient.v[GTW_P_WEIGHT], ==, 80.0 + 99 * 0.25);
  g_assert_cmpuint (gtw_trace_get_n_days (trace), ==, TEST_DAYS);

  /* The same storm spread out over time: each change cancels the run before it. */
  for (int i = 0; i < 20; i++)
    {
      g_assert_true (gtw_patient_panel_set_value (panel, "weight_kg", 90.0 + i, NULL));
      gtw_test_iterate_for (5);
    }
  gtw_test_wait_for_runs (f->window);
  trace = gtw_runner_get_trace (runner, GTW_RUN_SCENARIO);
  g_assert_cmpfloat (gtw_trace_get_scenario (trace)->patient.v[GTW_P_WEIGHT], ==, 109.0);
  g_assert_cmpuint (gtw_trace_get_n_days (trace), ==, TEST_DAYS);
  g_assert_true (gtw_document_get_can_undo (gtw_window_get_document (f->window)));

  /* The main thread away from the loop (busy, or a test that does not iterate) while a run
   * streams: the worker queues its chunks for the main thread and does not deliver them itself. */
  g_assert_true (gtw_patient_panel_set_value (panel, "weight_kg", 85.0, NULL));
  g_usleep (G_USEC_PER_SEC);
  gtw_test_wait_for_runs (f->window);
  trace = gtw_runner_get_trace (runner, GTW_RUN_SCENARIO);
  g_assert_cmpfloat (gtw_trace_get_scenario (trace)->patient.v[GTW_P_WEIGHT], ==, 85.0);

  g_signal_handlers_disconnect_by_data (runner, &threads);
  g_assert_cmpuint (threads.n_signals, >, 0);
  g_assert_cmpuint (threads.n_elsewhere, ==, 0);
}

/* CPU time of the calling thread in µs: a busy machine stretches wall-clock times, not this. */
static gint64
thread_cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

typedef struct
{
  gint64 frame_start;
  gint64 frame_cpu_start;
  gint64 max_frame_cpu; /* main-thread CPU µs from a frame's start to the end of its paint */
  gint64 max_frame;   /* µs from a frame's start to the end of its paint */
  guint  n_frames;
  gint64 last_tick;
  gint64 max_stall;   /* µs: the longest the main loop was away */
  gint64 edit_time;
  gint64 first_curve; /* µs from the edit to the new trace on the chart */
} Responsiveness;

/* Not "update": a frame clock skips that phase in a frame nothing asked it for, and such a
 * frame still lays out and paints. */
static void
on_before_paint (GdkFrameClock *clock, Responsiveness *r)
{
  r->frame_start = g_get_monotonic_time ();
  r->frame_cpu_start = thread_cpu_time ();
}

static void
on_after_paint (GdkFrameClock *clock, Responsiveness *r)
{
  if (r->frame_start == 0)
    return;
  r->max_frame = MAX (r->max_frame, g_get_monotonic_time () - r->frame_start);
  r->max_frame_cpu = MAX (r->max_frame_cpu, thread_cpu_time () - r->frame_cpu_start);
  r->n_frames++;
  r->frame_start = 0;
}

static gboolean
on_tick (gpointer data)
{
  Responsiveness *r = data;
  gint64 now = g_get_monotonic_time ();

  if (r->last_tick != 0)
    r->max_stall = MAX (r->max_stall, now - r->last_tick);
  r->last_tick = now;
  return G_SOURCE_CONTINUE;
}

static void
on_first_curve (Responsiveness *r, int kind, GtwTrace *trace)
{
  if (kind == GTW_RUN_SCENARIO && trace != NULL && r->first_curve == 0)
    r->first_curve = g_get_monotonic_time () - r->edit_time;
}

/* Whether every marker row's subtitle shows the comparison of its text for assistive
 * technologies: the panel puts them on screen a row a frame. */
static gboolean
subtitles_shown (gpointer data)
{
  static const char *const ids[] = { "fasting-glucose", "fasting-insulin", "cpeptide", "homa-ir",
                                     "homa-b", "hba1c", "tg-hdl", "weight" };
  GtwMarkersPanel *markers = gtw_window_get_markers_panel (data);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      GtkWidget *row = gtw_test_find_widget (GTK_WIDGET (markers), ADW_TYPE_ACTION_ROW, ids[i]);
      const char *comparison = strchr (gtw_markers_panel_get_row_text (markers, ids[i]), '\n');

      g_assert_nonnull (row);
      if (g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                     comparison != NULL ? comparison + 1 : "") != 0)
        return FALSE;
    }
  return TRUE;
}

/* The main thread never blocks while a run goes on: frames stay short, the loop stays free,
 * and the first new curve follows an edit quickly. The figures go to the log; the bounds are
 * generous because the test machine may be busy. */
static void
test_responsive (Fixture *f, gconstpointer data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (f->window));
  Responsiveness r = { 0 };
  gulong before_id, paint_id, started_id;
  guint tick_id;

  g_action_group_activate_action (G_ACTION_GROUP (f->app), "load-preset", g_variant_new_string ("progressor"));
  gtw_test_wait_for_runs (f->window);

  before_id = g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), &r);
  paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &r);
  started_id = g_signal_connect_swapped (gtw_window_get_runner (f->window), "trace-started",
                                         G_CALLBACK (on_first_curve), &r);
  tick_id = g_timeout_add (2, on_tick, &r);

  r.edit_time = g_get_monotonic_time ();
  g_assert_true (gtw_window_add_intervention (f->window, "{\"type\": \"metformin\", \"start_day\": 1000}",
                                              NULL));
  gtw_test_wait_for_runs (f->window);

  g_source_remove (tick_id);
  g_signal_handler_disconnect (gtw_window_get_runner (f->window), started_id);
  g_signal_handler_disconnect (clock, paint_id);
  g_signal_handler_disconnect (clock, before_id);

  g_test_message ("first curve after %.1f ms; %u frames, the longest %.1f ms (%.1f ms of main-thread CPU); "
                  "main loop stalled at most %.1f ms",
                  r.first_curve / 1000.0, r.n_frames, r.max_frame / 1000.0, r.max_frame_cpu / 1000.0,
                  r.max_stall / 1000.0);
  g_assert_cmpint (r.first_curve, >, 0);
  g_assert_cmpuint (r.n_frames, >, 0);
  gtw_test_wait_until (subtitles_shown, f->window, 5);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtw_test_find_widget (
                      GTK_WIDGET (gtw_window_get_markers_panel (f->window)), ADW_TYPE_ACTION_ROW, "hba1c"))),
                    "than without interventions"));
  /* The frame's own work, which a loaded machine stretches less than wall-clock time. The
   * issue's target is 50 ms; the worst frame takes some 20 to 30 ms here, on a machine
   * shared by several builds. */
  g_assert_cmpint (r.max_frame_cpu, <, 45 * 1000);
}

static void
on_screenshot (GtwWindow    *window,
               const GError *error,
               gpointer      user_data)
{
  gboolean *done = user_data;
  const char *ids[] = { "fasting-glucose", "fasting-insulin", "cpeptide", "homa-ir", "hba1c" };

  g_assert_no_error (error);
  /* what the frame just captured shows: every comparison of the markers panel */
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      GtkWidget *row = gtw_test_find_widget (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, ids[i]);
      const char *subtitle;

      g_assert_nonnull (row);
      subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
      /* a marker the plan leaves as it was, at the precision shown, says so */
      g_assert_true (strstr (subtitle, "without interventions") != NULL || g_str_equal (subtitle, "No change"));
    }
  *done = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* A day asked for while the chart still shows a shorter run (or none: --view day:N at start)
 * is the day shown once the longer run comes; it was held to the old run's length, and the
 * chart waited for a day that the window never asked for. */
static void
test_view_day_before_run (Fixture *f, gconstpointer data)
{
  GtwChart *chart = gtw_window_get_chart (f->window);
  g_autoptr (GError) error = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (f->app), "load-preset", g_variant_new_string ("healthy"));
  gtw_test_wait_for_runs (f->window);
  g_assert_cmpint (scenario_of (f)->duration_days, <, 5300);
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "load-preset", g_variant_new_string ("progressor"));
  g_assert_cmpint (scenario_of (f)->duration_days, >, 5300);
  g_assert_true (gtw_window_set_view (f->window, "day:5300", &error));
  g_assert_no_error (error);
  gtw_test_wait_for_runs (f->window);
  g_assert_cmpint (gtw_chart_get_view (chart), ==, GTW_CHART_VIEW_DAY);
  g_assert_cmpint (gtw_chart_get_view_day (chart), ==, 5300);
  g_assert_cmpint (gtw_window_get_markers_day (f->window), ==, 5300);
}

/* A run the integrator cannot finish: the reason stays on the chart (the toast goes), the
 * patient is as loaded, and the next run clears it. GLUCOTWIN_SOLVER_MAX_STEPS makes every
 * run fail at day 0. */
static void
test_solver_failure (Fixture *f, gconstpointer data)
{
  GtwChart *chart = gtw_window_get_chart (f->window);

  g_setenv ("GLUCOTWIN_SOLVER_MAX_STEPS", "5", TRUE);
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "load-preset", g_variant_new_string ("healthy"));
  gtw_test_wait_for_runs (f->window);
  g_unsetenv ("GLUCOTWIN_SOLVER_MAX_STEPS");
  g_assert_cmpstr (scenario_of (f)->preset, ==, "healthy");
  g_assert_null (gtw_runner_get_trace (gtw_window_get_runner (f->window), GTW_RUN_SCENARIO));
  g_assert_nonnull (gtw_chart_get_failure (chart));
  g_assert_true (g_str_has_prefix (gtw_chart_get_failure (chart), "Day 0: the integrator failed"));

  g_action_group_activate_action (G_ACTION_GROUP (f->app), "load-preset", g_variant_new_string ("compensated-ir"));
  gtw_test_wait_for_runs (f->window);
  g_assert_nonnull (gtw_runner_get_trace (gtw_window_get_runner (f->window), GTW_RUN_SCENARIO));
  g_assert_null (gtw_chart_get_failure (chart));
}

/* --screenshot's path: once the run has finished and is painted, the window as a PNG of its
 * size, with the markers panel's comparisons all shown (they otherwise come a row a frame). */
static void
test_screenshot (Fixture *f, gconstpointer data)
{
  g_autofree char *path = gtw_test_tmp_path ("window.png");
  g_autoptr (GdkTexture) png = NULL;
  g_autoptr (GError) error = NULL;
  gboolean done = FALSE;

  g_action_group_activate_action (G_ACTION_GROUP (f->app), "load-preset", g_variant_new_string ("progressor"));
  g_assert_true (gtw_window_add_intervention (f->window, "{\"type\": \"berberine\", \"start_day\": 365}",
                                              NULL));
  gtw_window_screenshot (f->window, path, on_screenshot, &done);
  gtw_test_wait_until (is_true, &done, 120);

  png = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (png), ==, gtk_widget_get_width (GTK_WIDGET (f->window)));
  g_assert_cmpint (gdk_texture_get_height (png), ==, gtk_widget_get_height (GTK_WIDGET (f->window)));
  g_assert_false (gtw_runner_get_busy (gtw_window_get_runner (f->window)));
}

int
main (int argc, char *argv[])
{
  gtw_test_init (&argc, &argv);
  test_app = gtw_test_application_new ();

#define ADD(name, func) g_test_add ("/window/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("presets", test_presets);
  ADD ("patient-edit", test_patient_edit);
  ADD ("interventions", test_interventions);
  ADD ("open-save", test_open_save);
  ADD ("failed-save", test_failed_save);
  ADD ("guard", test_guard);
  ADD ("day-view-ogtt", test_day_view_ogtt);
  ADD ("units", test_units);
  ADD ("storm", test_storm);
  ADD ("responsive", test_responsive);
  ADD ("screenshot", test_screenshot);
  ADD ("solver-failure", test_solver_failure);
  ADD ("view-day-before-run", test_view_day_before_run);
#undef ADD
  return g_test_run ();
}
