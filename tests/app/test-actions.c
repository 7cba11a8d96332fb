/* test-actions.c: every application action of interfaces.md section 3, good and bad
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A bad parameter must change nothing: each case compares the scenario before and after.
 */
#include <math.h>

#include <glib/gstdio.h>

#include "gtw-labs-window.h"
#include "ui-test-util.h"

#define TEST_DAYS 365

static GtwApplication *app;
static GtwWindow *window;

static void
wait_for_runs (void)
{
  gtw_test_wait_for_runs (window);
}

static void
activate (const char *name, GVariant *parameter)
{
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), name));
  g_action_group_activate_action (G_ACTION_GROUP (app), name, parameter);
}

static void
activate_s (const char *name, const char *parameter)
{
  activate (name, g_variant_new_string (parameter));
}

static const GtwScenario *
scenario (void)
{
  return gtw_document_get_scenario (gtw_window_get_document (window));
}

/* The scenario as it would be saved: two equal snapshots mean nothing changed. */
static char *
snapshot (void)
{
  return gtw_scenario_to_data (scenario (), NULL);
}

static void
assert_unchanged (const char *before)
{
  g_autofree char *after = snapshot ();

  g_assert_cmpstr (after, ==, before);
}

/* Answers the dialog on screen, if any, and says whether there was one. */
static gboolean
answer_dialog (const char *response)
{
  AdwMessageDialog *dialog = gtw_test_find_dialog (NULL);

  if (dialog == NULL)
    return FALSE;
  gtw_test_answer_dialog (dialog, response);
  return TRUE;
}

/* Closes a dialog left by an error or a question, if any, and says whether there was one. */
static gboolean
dismiss_dialog (void)
{
  return answer_dialog ("cancel");
}

/* A short preset file, loaded through the open action. */
static void
open_short (const char *preset)
{
  g_autoptr (GtwScenario) s = gtw_preset_load (preset, NULL);
  g_autofree char *name = g_strconcat (preset, ".glucotwin.json", NULL);
  g_autofree char *path = gtw_test_tmp_path (name);

  s->duration_days = TEST_DAYS;
  g_assert_true (gtw_scenario_save_file (s, path, NULL));
  activate_s ("open", path);
  /* Unsaved changes of the test before: the guard asks first. */
  g_assert_true (gtw_document_get_dirty (gtw_window_get_document (window)) == answer_dialog ("discard"));
  g_assert_cmpint (scenario ()->duration_days, ==, TEST_DAYS);
  g_assert_cmpstr (scenario ()->preset, ==, preset);
  wait_for_runs ();
}

/* ---------------------------------------------------------------------------------------- */

static void
test_open (void)
{
  g_autofree char *before = NULL;
  g_autofree char *bad = gtw_test_tmp_path ("bad.glucotwin.json");
  g_autofree char *missing = gtw_test_tmp_path ("missing.glucotwin.json");

  open_short ("pcos");
  before = snapshot ();

  activate_s ("open", missing);
  g_assert_true (dismiss_dialog ());
  assert_unchanged (before);

  g_assert_true (g_file_set_contents (bad, "{\"format\": \"glucotwin-scenario\", \"version\": 1, "
                                           "\"simulation\": {\"duration_days\": -4}}", -1, NULL));
  activate_s ("open", bad);
  g_assert_true (dismiss_dialog ());
  assert_unchanged (before);
}

static void
test_load_preset (void)
{
  g_autofree char *before = NULL;

  activate_s ("load-preset", "early-t2d");
  g_assert_cmpstr (scenario ()->preset, ==, "early-t2d");
  g_assert_false (gtw_document_get_dirty (gtw_window_get_document (window)));
  open_short ("early-t2d");

  before = snapshot ();
  activate_s ("load-preset", "no-such-preset");
  g_assert_false (dismiss_dialog ());
  assert_unchanged (before);
  activate_s ("load-preset", "");
  assert_unchanged (before);
}

static void
test_interventions (void)
{
  static const char *const bad[] = {
    "{",
    "[1, 2]",
    "{\"type\": \"magic\", \"start_day\": 1}",
    "{\"type\": \"berberine\", \"start_day\": 1, \"dose_mg_per_day\": 90000}",
    "{\"type\": \"berberine\", \"start_day\": 20, \"end_day\": 10}",
    "{\"type\": \"exercise\", \"start_day\": 1, \"kind\": \"swimming\"}",
    "{\"type\": \"berberine\", \"start_day\": 1, \"colour\": \"red\"}",
  };
  const GtwIntervention *iv;
  g_autofree char *before = NULL;

  open_short ("compensated-ir");
  activate_s ("add-intervention", "{\"type\": \"berberine\", \"start_day\": 30, \"end_day\": 200, "
                                  "\"dose_mg_per_day\": 1000, \"adherence\": 0.5}");
  activate_s ("add-intervention", "{\"type\": \"exercise\", \"start_day\": 60, \"kind\": \"resistance\"}");
  g_assert_cmpuint (scenario ()->interventions->len, ==, 2);
  iv = &g_array_index (scenario ()->interventions, GtwIntervention, 0);
  g_assert_cmpint (iv->type, ==, GTW_IV_BERBERINE);
  g_assert_cmpint (iv->start_day, ==, 30);
  g_assert_cmpint (iv->end_day, ==, 200);
  g_assert_cmpfloat (iv->adherence, ==, 0.5);
  g_assert_cmpfloat (iv->field[0], ==, 1000);
  g_assert_cmpuint (gtw_timeline_get_interventions (gtw_window_get_timeline (window))->len, ==, 2);
  g_assert_true (gtw_document_get_dirty (gtw_window_get_document (window)));
  wait_for_runs ();
  g_assert_nonnull (gtw_runner_get_trace (gtw_window_get_runner (window), GTW_RUN_BASELINE));

  before = snapshot ();
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      activate_s ("add-intervention", bad[i]);
      assert_unchanged (before);
    }

  activate ("clear-interventions", NULL);
  g_assert_cmpuint (scenario ()->interventions->len, ==, 0);
  g_assert_cmpuint (gtw_timeline_get_interventions (gtw_window_get_timeline (window))->len, ==, 0);
  g_assert_cmpstr (gtw_document_get_undo_label (gtw_window_get_document (window)), ==, "Clear Interventions");
  /* Undoable like any edit. */
  g_assert_true (gtw_document_undo (gtw_window_get_document (window)));
  assert_unchanged (before);
  wait_for_runs ();
}

static void
test_set_view (void)
{
  static const char *const bad[] = { "week", "day:", "day:abc", "day:-1", "day:365", "decade:3", "" };
  GtwChart *chart = gtw_window_get_chart (window);

  open_short ("healthy");
  activate_s ("set-view", "year");
  g_assert_cmpint (gtw_chart_get_view (chart), ==, GTW_CHART_VIEW_YEAR);
  activate_s ("set-view", "day:42");
  g_assert_cmpint (gtw_chart_get_view (chart), ==, GTW_CHART_VIEW_DAY);
  g_assert_cmpint (gtw_chart_get_view_day (chart), ==, 42);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      activate_s ("set-view", bad[i]);
      g_assert_cmpint (gtw_chart_get_view (chart), ==, GTW_CHART_VIEW_DAY);
      g_assert_cmpint (gtw_chart_get_view_day (chart), ==, 42);
    }
  activate_s ("set-view", "decade");
  g_assert_cmpint (gtw_chart_get_view (chart), ==, GTW_CHART_VIEW_DECADE);
}

static gsize
file_size (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_size;
}

static void
test_exports (void)
{
  g_autofree char *png = gtw_test_tmp_path ("figure.png");
  g_autofree char *svg = gtw_test_tmp_path ("figure.svg");
  g_autofree char *pdf = gtw_test_tmp_path ("day.pdf");
  g_autofree char *txt = gtw_test_tmp_path ("figure.txt");
  g_autofree char *csv = gtw_test_tmp_path ("daily.csv");
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  const char *unwritable = "/nonexistent-glucotwin-dir/figure.png";

  open_short ("prediabetes-igt");
  activate_s ("add-intervention", "{\"type\": \"metformin\", \"start_day\": 90}");
  /* Written once the run has finished, whatever the moment of the request. */
  activate_s ("export-plot", png);
  activate_s ("export-plot", svg);
  activate_s ("export-csv", csv);
  wait_for_runs ();
  g_assert_cmpuint (file_size (png), >, 1000);
  g_assert_cmpuint (file_size (svg), >, 1000);

  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, TEST_DAYS + 2); /* header, days, final "" */
  g_assert_true (g_str_has_prefix (lines[0], "day,fasting_glucose_mmol_l,fasting_insulin_pmol_l,"));
  g_assert_true (g_str_has_suffix (lines[0], ",inflammation_index,stage"));
  g_assert_true (g_str_has_prefix (lines[1], "0,"));
  g_assert_true (g_str_has_prefix (lines[TEST_DAYS], "364,"));

  activate_s ("set-view", "day:100");
  activate_s ("export-plot", pdf);
  wait_for_runs ();
  g_assert_cmpuint (file_size (pdf), >, 1000);

  activate_s ("export-plot", txt);
  activate_s ("export-plot", unwritable);
  activate_s ("export-csv", "/nonexistent-glucotwin-dir/daily.csv");
  wait_for_runs ();
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (unwritable, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test ("/nonexistent-glucotwin-dir", G_FILE_TEST_EXISTS));
}

static void
test_save (void)
{
  g_autofree char *path = gtw_test_tmp_path ("saved.glucotwin.json");
  g_autoptr (GtwScenario) saved = NULL;
  g_autofree char *before = NULL;
  g_autofree char *data = NULL;
  GtwDocument *document = gtw_window_get_document (window);

  open_short ("metabolic-syndrome");
  activate_s ("add-intervention", "{\"type\": \"omega3\", \"start_day\": 10}");
  g_assert_true (gtw_document_get_dirty (document));

  before = snapshot ();
  activate_s ("save", "/nonexistent-glucotwin-dir/x.glucotwin.json");
  g_assert_true (gtw_document_get_dirty (document));
  assert_unchanged (before);

  activate_s ("save", path);
  g_assert_false (gtw_document_get_dirty (document));
  saved = gtw_scenario_load_file (path, NULL);
  g_assert_nonnull (saved);
  data = gtw_scenario_to_data (saved, NULL);
  g_assert_cmpstr (data, ==, before);
  wait_for_runs ();
}

static void
test_presentation (void)
{
  activate ("presentation", g_variant_new_boolean (TRUE));
  g_assert_true (gtw_window_get_presentation (window));
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (gtw_window_get_markers_panel (window))));
  activate ("presentation", g_variant_new_boolean (TRUE));
  g_assert_true (gtw_window_get_presentation (window));
  /* Escape leaves, as the window's own key. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "leave-presentation", NULL);
  g_assert_false (gtw_window_get_presentation (window));
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (gtw_window_get_markers_panel (window))));
  activate ("presentation", g_variant_new_boolean (TRUE));
  activate ("presentation", g_variant_new_boolean (FALSE));
  g_assert_false (gtw_window_get_presentation (window));
}

static void
test_export_handout (void)
{
  g_autofree char *pdf = gtw_test_tmp_path ("handout.pdf");
  g_autofree char *png = gtw_test_tmp_path ("handout.png");
  g_autofree char *txt = gtw_test_tmp_path ("handout.txt");
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  const char *unwritable = "/nonexistent-glucotwin-dir/handout.pdf";

  open_short ("compensated-ir");
  activate_s ("add-intervention", "{\"type\": \"berberine\", \"start_day\": 30}");
  before = snapshot ();
  /* Written once the run has finished, like the other exports; the scenario stays as it is. */
  activate_s ("export-handout", pdf);
  activate_s ("export-handout", png);
  wait_for_runs ();
  gtw_test_iterate_for (50);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  g_assert_cmpuint (file_size (png), >, 10000);
  assert_unchanged (before);

  /* A name that is neither .pdf nor .png, or a folder that does not exist: nothing written. */
  activate_s ("export-handout", txt);
  activate_s ("export-handout", unwritable);
  wait_for_runs ();
  gtw_test_iterate_for (50);
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test ("/nonexistent-glucotwin-dir", G_FILE_TEST_EXISTS));
  assert_unchanged (before);
}

static void
test_window_actions (void)
{
  static const struct { const char *action; const char *accel; } expected[] = {
    { "win.open", "<Control>o" },
    { "win.save", "<Control>s" },
    { "win.save-as", "<Shift><Control>s" },
    { "win.undo", "<Control>z" },
    { "win.redo", "<Shift><Control>z" },
    { "win.export-figure", "<Control>e" },
    { "win.toggle-sidebar", "F9" },
    { "win.toggle-presentation", "F5" },
    { "win.labs", "<Control>l" },
    { "win.show-mechanisms", "<Control>m" },
    { "win.view::decade", "<Control>1" },
    { "win.view::year", "<Control>2" },
    { "win.view::day", "<Control>3" },
    { "win.show-help-overlay", "<Control>question" },
    { "app.preferences", "<Control>comma" },
    { "app.quit", "<Control>q" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_auto (GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), expected[i].action);
      /* "win.view::day" names the action "view". */
      g_auto (GStrv) parts = g_strsplit (strchr (expected[i].action, '.') + 1, "::", 2);
      const char *name = parts[0];
      GActionGroup *group = g_str_has_prefix (expected[i].action, "app.") ? G_ACTION_GROUP (app)
                                                                           : G_ACTION_GROUP (window);

      g_assert_true (g_action_group_has_action (group, name));
      g_assert_nonnull (accels);
      g_assert_cmpstr (accels[0], ==, expected[i].accel);
    }

  /* The view buttons and Ctrl+1/2/3 take the same path as the set-view action. */
  open_short ("healthy");
  g_action_group_activate_action (G_ACTION_GROUP (window), "view", g_variant_new_string ("day"));
  g_assert_cmpint (gtw_chart_get_view (gtw_window_get_chart (window)), ==, GTW_CHART_VIEW_DAY);
  g_action_group_activate_action (G_ACTION_GROUP (window), "view", g_variant_new_string ("decade"));
  g_assert_cmpint (gtw_chart_get_view (gtw_window_get_chart (window)), ==, GTW_CHART_VIEW_DECADE);
  /* F9 hides the patient panel and remembers it. */
  g_action_group_change_action_state (G_ACTION_GROUP (window), "toggle-sidebar", g_variant_new_boolean (FALSE));
  {
    g_autoptr (GSettings) settings = g_settings_new (APP_ID);

    g_assert_false (g_settings_get_boolean (settings, "sidebar-visible"));
    g_action_group_change_action_state (G_ACTION_GROUP (window), "toggle-sidebar", g_variant_new_boolean (TRUE));
    g_assert_true (g_settings_get_boolean (settings, "sidebar-visible"));
  }
}

/* The toplevel of @type that an action opened, destroyed; FALSE when none appeared. */
static gboolean
close_toplevel_of_type (GType type)
{
  GtkWindow *toplevel;

  gtw_test_iterate_for (50);
  toplevel = gtw_test_find_toplevel (type, NULL);
  if (toplevel == NULL)
    return FALSE;
  g_assert_true (gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window));
  gtk_window_destroy (toplevel);
  return TRUE;
}

static void
test_secondary_windows (void)
{
  activate ("about", NULL);
  g_assert_true (close_toplevel_of_type (ADW_TYPE_ABOUT_WINDOW));
  activate ("preferences", NULL);
  g_assert_true (close_toplevel_of_type (ADW_TYPE_PREFERENCES_WINDOW));
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
  g_assert_true (close_toplevel_of_type (GTK_TYPE_SHORTCUTS_WINDOW));
}

/* The consultation room's views: the mechanisms, lab results and the uncertainty bands. */
static void
test_consultation_views (void)
{
  GtwChart *chart = gtw_window_get_chart (window);
  GtwUncertainty *uncertainty = gtw_window_get_uncertainty (window);
  GtwMechanismMap *map = gtw_window_get_mechanism_map (window);
  GtkStack *stack = GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (map)));
  gint64 deadline;
  gboolean saw_running = FALSE;

  /* The map replaces the curves and shows the markers' day. */
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (map)));
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-mechanisms", NULL);
  g_assert_true (gtk_stack_get_visible_child (stack) == GTK_WIDGET (map));
  g_action_group_activate_action (G_ACTION_GROUP (app), "set-view", g_variant_new_string ("year:100"));
  g_assert_cmpint (gtw_window_get_markers_day (window), ==, 100);
  g_assert_true (isfinite (gtw_mechanism_map_get_node_value (map, GTW_MECH_NODE_GLUCOSE)));
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-mechanisms", NULL);
  g_assert_true (gtk_stack_get_visible_child (stack) == GTK_WIDGET (gtw_window_get_chart (window))
                 || gtk_widget_is_ancestor (GTK_WIDGET (gtw_window_get_chart (window)),
                                            gtk_stack_get_visible_child (stack)));
  g_action_group_activate_action (G_ACTION_GROUP (app), "set-view", g_variant_new_string ("decade"));

  g_action_group_activate_action (G_ACTION_GROUP (window), "labs", NULL);
  g_assert_true (close_toplevel_of_type (GTW_TYPE_LABS_WINDOW));

  /* The bands: a small population keeps the test quick; the toggle runs it in the
   * background and the chart draws it. */
  gtw_uncertainty_set_n_patients (uncertainty, 8);
  g_assert_false (gtw_chart_has_population (chart));
  g_action_group_change_action_state (G_ACTION_GROUP (window), "uncertainty", g_variant_new_boolean (TRUE));
  g_assert_true (gtw_uncertainty_get_enabled (uncertainty));
  deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  while (!gtw_chart_has_population (chart) || gtw_uncertainty_get_running (uncertainty))
    {
      saw_running |= gtw_uncertainty_get_running (uncertainty);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_true (saw_running);
  g_assert_null (gtw_uncertainty_get_error (uncertainty));
  g_action_group_change_action_state (G_ACTION_GROUP (window), "uncertainty", g_variant_new_boolean (FALSE));
  g_assert_false (gtw_uncertainty_get_enabled (uncertainty));
  g_assert_false (gtw_chart_has_population (chart));
}

static void
test_quit (void)
{
  GtwDocument *document = gtw_window_get_document (window);

  /* Unsaved changes: the guard asks and Cancel keeps everything. */
  activate_s ("add-intervention", "{\"type\": \"magnesium\", \"start_day\": 5}");
  g_assert_true (gtw_document_get_dirty (document));
  activate ("quit", NULL);
  g_assert_true (dismiss_dialog ());
  g_assert_nonnull (gtk_application_get_windows (GTK_APPLICATION (app)));

  /* Saved: quit closes the window. */
  {
    g_autofree char *path = gtw_test_tmp_path ("quit.glucotwin.json");

    activate_s ("save", path);
  }
  wait_for_runs ();
  activate ("quit", NULL);
  gtw_test_iterate_for (50);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
}

int
main (int argc, char *argv[])
{
  int status;

  gtw_test_init (&argc, &argv);
  app = gtw_test_application_new ();
  window = gtw_test_window_new (app);

  /* In this order: the last one quits. */
  g_test_add_func ("/actions/open", test_open);
  g_test_add_func ("/actions/load-preset", test_load_preset);
  g_test_add_func ("/actions/interventions", test_interventions);
  g_test_add_func ("/actions/set-view", test_set_view);
  g_test_add_func ("/actions/exports", test_exports);
  g_test_add_func ("/actions/save", test_save);
  g_test_add_func ("/actions/presentation", test_presentation);
  g_test_add_func ("/actions/export-handout", test_export_handout);
  g_test_add_func ("/actions/window-actions", test_window_actions);
  g_test_add_func ("/actions/secondary-windows", test_secondary_windows);
  g_test_add_func ("/actions/consultation-views", test_consultation_views);
  g_test_add_func ("/actions/quit", test_quit);
  status = g_test_run ();

  g_object_unref (app);
  return status;
}
