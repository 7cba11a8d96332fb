/* test-autosave.c: the autosave is written after an edit and offered back on the next start
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "gtw-application.h"
#include "gtw-window.h"

static GtwApplication *app;

static gboolean
wake (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static void
iterate_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;
  guint id = g_timeout_add (10, wake, NULL);

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (id);
}

/* The window a start of the application shows. */
static GtwWindow *
start_app (void)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (GTW_IS_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  return GTW_WINDOW (window);
}

/* Ends the window as a crash would: no close request, no clean-up of the autosave. */
static void
crash (GtwWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  iterate_for (20);
}

static AdwMessageDialog *
find_dialog (GtwWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  iterate_for (30);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w))
          && gtk_window_get_transient_for (w) == GTK_WINDOW (window))
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

static void
answer (AdwMessageDialog *dialog, const char *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate_for (20);
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
  iterate_for (500);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  iterate_for (2500);
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

  g_assert_null (find_dialog (window));
  edit_weight (window, 77);
  g_assert_true (gtw_window_add_intervention (window, "{\"type\": \"chromium\", \"start_day\": 3}", NULL));
  iterate_for (2600);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  crash (window);

  /* The next start offers it; Restore brings back the edits, still unsaved. */
  window = start_app ();
  dialog = find_dialog (window);
  g_assert_nonnull (dialog);
  answer (dialog, "restore");
  g_assert_cmpfloat (scenario_of (window)->patient.v[GTW_P_WEIGHT], ==, 77);
  g_assert_cmpuint (scenario_of (window)->interventions->len, ==, 1);
  g_assert_true (gtw_document_get_dirty (gtw_window_get_document (window)));
  g_assert_cmpuint (gtw_timeline_get_interventions (gtw_window_get_timeline (window))->len, ==, 1);
  crash (window);

  /* Still there after a crash of the restored session; Discard removes it. */
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  window = start_app ();
  dialog = find_dialog (window);
  g_assert_nonnull (dialog);
  answer (dialog, "discard");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (scenario_of (window)->interventions->len, ==, 0);
  g_assert_false (gtw_document_get_dirty (gtw_window_get_document (window)));
  crash (window);

  /* A clean close leaves nothing to offer. */
  window = start_app ();
  g_assert_null (find_dialog (window));
  gtk_window_close (GTK_WINDOW (window));
  iterate_for (20);
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
  g_assert_null (find_dialog (window));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  crash (window);
}

int
main (int argc, char *argv[])
{
  g_autofree char *state = g_dir_make_tmp ("glucotwin-state-XXXXXX", NULL);
  int status;

  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_setenv ("XDG_DATA_HOME", state, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = gtw_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
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
