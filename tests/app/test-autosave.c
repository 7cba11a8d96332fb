/* test-autosave.c: the autosave is written after an edit and offered back on the next start
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "ui-test-util.h"

static GtwApplication *app;

/* The window a start of the application shows. */
static GtwWindow *
start_app (void)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (GTW_IS_WINDOW (window));
  gtw_test_wait_for_map (GTK_WIDGET (window));
  return GTW_WINDOW (window);
}

/* Ends the window as a crash would: no close request, no clean-up of the autosave. */
static void
crash (GtwWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  gtw_test_iterate_for (20);
}

static const GtwScenario *
scenario_of (GtwWindow *window)
{
  return gtw_document_get_scenario (gtw_window_get_document (window));
}

static void
edit_weight (GtwWindow *window, double weight)
{
  g_assert_true (gtw_patient_panel_set_value (gtw_window_get_patient_panel (window), "weight_kg", weight,
                                              NULL));
}

static void
test_written_after_edit (void)
{
  g_autofree char *path = gtw_document_autosave_path ();
  g_autoptr (GtwScenario) saved = NULL;
  g_autofree char *file = NULL;
  GtwWindow *window = start_app ();
  g_autoptr (GFile) target = NULL;

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  edit_weight (window, 101);
  /* Debounced: not at once, but within a few seconds. */
  gtw_test_iterate_for (500);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  gtw_test_iterate_for (2500);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  saved = gtw_scenario_load_file (path, NULL);
  g_assert_nonnull (saved);
  g_assert_cmpfloat (saved->patient.v[GTW_P_WEIGHT], ==, 101);

  /* A clean save removes it. */
  file = g_build_filename (g_get_user_state_dir (), "saved.glucotwin.json", NULL);
  target = g_file_new_for_path (file);
  g_assert_true (gtw_window_save (window, target, NULL));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_unlink (file);
  crash (window);
}

static void
test_offered_back (void)
{
  g_autofree char *path = gtw_document_autosave_path ();
  AdwMessageDialog *dialog;
  GtwWindow *window = start_app ();

  g_assert_null (gtw_test_find_dialog (GTK_WINDOW (window)));
  edit_weight (window, 77);
  g_assert_true (gtw_window_add_intervention (window, "{\"type\": \"chromium\", \"start_day\": 3}", NULL));
  gtw_test_iterate_for (2600);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  crash (window);

  /* The next start offers it; Restore brings back the edits, still unsaved. */
  window = start_app ();
  dialog = gtw_test_find_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  gtw_test_answer_dialog (dialog, "restore");
  g_assert_cmpfloat (scenario_of (window)->patient.v[GTW_P_WEIGHT], ==, 77);
  g_assert_cmpuint (scenario_of (window)->interventions->len, ==, 1);
  g_assert_true (gtw_document_get_dirty (gtw_window_get_document (window)));
  g_assert_cmpuint (gtw_timeline_get_interventions (gtw_window_get_timeline (window))->len, ==, 1);
  crash (window);

  /* Still there after a crash of the restored session; Discard removes it. */
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  window = start_app ();
  dialog = gtw_test_find_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  gtw_test_answer_dialog (dialog, "discard");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (scenario_of (window)->interventions->len, ==, 0);
  g_assert_false (gtw_document_get_dirty (gtw_window_get_document (window)));
  crash (window);

  /* A clean close leaves nothing to offer. */
  window = start_app ();
  g_assert_null (gtw_test_find_dialog (GTK_WINDOW (window)));
  gtk_window_close (GTK_WINDOW (window));
  gtw_test_iterate_for (20);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_unreadable (void)
{
  g_autofree char *path = gtw_document_autosave_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  GtwWindow *window;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "{\"format\": \"glucotwin-scen", -1, NULL));
  window = start_app ();
  g_assert_null (gtw_test_find_dialog (GTK_WINDOW (window)));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  crash (window);
}

int
main (int argc, char *argv[])
{
  int status;

  gtw_test_init (&argc, &argv);
  app = gtw_test_application_new ();
  /* The windows come and go; the application stays for the next "start". */
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/autosave/written-after-edit", test_written_after_edit);
  g_test_add_func ("/autosave/offered-back", test_offered_back);
  g_test_add_func ("/autosave/unreadable", test_unreadable);
  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_object_unref (app);
  return status;
}
