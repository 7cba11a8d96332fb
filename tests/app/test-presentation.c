/* test-presentation.c: presentation mode by action, F5 and Esc, and the curves it shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fullscreen needs a window manager, which Xvfb lacks: the tests check what the window
 * shows and hides, and the state of its actions.
 */
#include "gtw-presentation.h"
#include "ui-test-util.h"

static GtwApplication *app;
static GtwWindow *window;

static gboolean
action_bool (const char *name)
{
  g_autoptr (GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (window), name);

  return g_variant_get_boolean (state);
}

/* The phase of the shortcut controller that holds the Space key. */
static GtkPropagationPhase
playback_keys_phase (void)
{
  g_autoptr (GtkShortcutTrigger) space = gtk_keyval_trigger_new (GDK_KEY_space, 0);
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), space))
            return gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller));
        }
    }
  g_assert_not_reached ();
}

static GtkWidget *
markers_sidebar (void)
{
  return gtk_widget_get_ancestor (GTK_WIDGET (gtw_window_get_markers_panel (window)), GTK_TYPE_SCROLLED_WINDOW);
}

static GtkWidget *
playback_bar (void)
{
  return gtk_widget_get_parent (gtw_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SCALE, NULL));
}

static void
assert_presenting (GtwChartCurves curves)
{
  GtwChart *chart = gtw_window_get_chart (window);

  g_assert_true (gtw_window_get_presentation (window));
  g_assert_true (action_bool ("toggle-presentation"));
  g_assert_true (gtw_chart_get_presentation (chart));
  g_assert_cmpint (gtw_chart_get_visible_curves (chart), ==, curves);
  g_assert_true (gtw_timeline_get_presentation (gtw_window_get_timeline (window)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), "presentation"));
  /* Panels and dense controls hidden; the playback bar, with its way out, shown. */
  g_assert_false (gtk_widget_get_visible (markers_sidebar ()));
  g_assert_false (gtk_widget_get_visible (gtw_test_find_widget (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR, NULL)));
  g_assert_false (adw_flap_get_reveal_flap (ADW_FLAP (gtw_test_find_widget (GTK_WIDGET (window), ADW_TYPE_FLAP, NULL))));
  g_assert_true (gtk_widget_get_visible (playback_bar ()));
  g_assert_cmpint (playback_keys_phase (), ==, GTK_PHASE_CAPTURE);
}

static void
assert_not_presenting (void)
{
  GtwChart *chart = gtw_window_get_chart (window);

  g_assert_false (gtw_window_get_presentation (window));
  g_assert_false (action_bool ("toggle-presentation"));
  g_assert_false (gtw_chart_get_presentation (chart));
  g_assert_cmpint (gtw_chart_get_visible_curves (chart), ==, GTW_CHART_CURVES_ALL);
  g_assert_false (gtw_timeline_get_presentation (gtw_window_get_timeline (window)));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window), "presentation"));
  g_assert_true (gtk_widget_get_visible (markers_sidebar ()));
  g_assert_true (gtk_widget_get_visible (gtw_test_find_widget (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR, NULL)));
  g_assert_false (gtk_widget_get_visible (playback_bar ()));
  g_assert_cmpint (playback_keys_phase (), ==, GTK_PHASE_BUBBLE);
}

#define STORY_CURVES (GTW_CHART_CURVE_GLUCOSE | GTW_CHART_CURVE_INSULIN | GTW_CHART_CURVE_BETA_CELLS)

static void
test_action_and_escape (void)
{
  assert_not_presenting ();

  /* The D-Bus action; glucose, insulin and beta cells by default. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "presentation", g_variant_new_boolean (TRUE));
  assert_presenting (STORY_CURVES);
  /* Esc leaves. */
  g_assert_true (gtw_test_press_shortcut (GTK_WIDGET (window), GDK_KEY_Escape, 0));
  assert_not_presenting ();
  /* Outside presentation mode, Esc is not ours. */
  g_assert_false (gtw_test_press_shortcut (GTK_WIDGET (window), GDK_KEY_Escape, 0));

  g_action_group_activate_action (G_ACTION_GROUP (app), "presentation", g_variant_new_boolean (TRUE));
  g_action_group_activate_action (G_ACTION_GROUP (app), "presentation", g_variant_new_boolean (FALSE));
  assert_not_presenting ();
}

static void
test_f5_and_toggle (void)
{
  g_auto (GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                 "win.toggle-presentation");

  g_assert_cmpstr (accels[0], ==, "F5");
  /* F5 activates the toggle without a parameter, as the header button does. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "toggle-presentation", NULL);
  assert_presenting (STORY_CURVES);
  g_action_group_activate_action (G_ACTION_GROUP (window), "toggle-presentation", NULL);
  assert_not_presenting ();
}

static void
test_curves_persist (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_auto (GStrv) names = NULL;
  GtwChart *chart = gtw_window_get_chart (window);

  g_action_group_activate_action (G_ACTION_GROUP (app), "presentation", g_variant_new_boolean (TRUE));
  /* Adding C-peptide shows it at once and remembers it. */
  g_assert_false (action_bool ("curve-cpeptide"));
  g_action_group_change_action_state (G_ACTION_GROUP (window), "curve-cpeptide", g_variant_new_boolean (TRUE));
  g_assert_true (action_bool ("curve-cpeptide"));
  g_assert_cmpint (gtw_chart_get_visible_curves (chart), ==, GTW_CHART_CURVES_ALL);
  names = g_settings_get_strv (settings, "presentation-curves");
  g_assert_true (g_strv_contains ((const char *const *) names, "cpeptide"));

  /* Down to glucose alone; the last curve cannot go. */
  g_action_group_change_action_state (G_ACTION_GROUP (window), "curve-insulin", g_variant_new_boolean (FALSE));
  g_action_group_change_action_state (G_ACTION_GROUP (window), "curve-cpeptide", g_variant_new_boolean (FALSE));
  g_action_group_change_action_state (G_ACTION_GROUP (window), "curve-beta-cells", g_variant_new_boolean (FALSE));
  g_assert_cmpint (gtw_chart_get_visible_curves (chart), ==, GTW_CHART_CURVE_GLUCOSE);
  g_action_group_change_action_state (G_ACTION_GROUP (window), "curve-glucose", g_variant_new_boolean (FALSE));
  g_assert_true (action_bool ("curve-glucose"));
  g_assert_cmpint (gtw_chart_get_visible_curves (chart), ==, GTW_CHART_CURVE_GLUCOSE);

  /* The choice is the settings': a change there (another window, dconf) shows too. */
  {
    const char *story[] = { "glucose", "insulin", "beta-cell-mass", NULL };

    g_settings_set_strv (settings, "presentation-curves", story);
    g_assert_cmpint (gtw_chart_get_visible_curves (chart), ==, STORY_CURVES);
    g_assert_true (action_bool ("curve-insulin"));
  }

  /* Leaving shows every curve; a new presenter reads the remembered choice. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "presentation", g_variant_new_boolean (FALSE));
  g_assert_cmpint (gtw_chart_get_visible_curves (chart), ==, GTW_CHART_CURVES_ALL);
  {
    g_autoptr (GtwPresentation) other = gtw_presentation_new (settings, chart, gtw_window_get_timeline (window));

    g_assert_cmpint (gtw_presentation_get_curves (other), ==, STORY_CURVES);
  }
}

static void
test_timeline_blocks (void)
{
  GtwTimeline *timeline = gtw_window_get_timeline (window);
  int normal, large;

  g_assert_true (gtw_window_add_intervention (window, "{\"type\": \"berberine\", \"start_day\": 100}", NULL));
  gtw_test_wait_for_runs (window);
  gtk_widget_measure (GTK_WIDGET (timeline), GTK_ORIENTATION_VERTICAL, -1, &normal, NULL, NULL, NULL);
  g_action_group_activate_action (G_ACTION_GROUP (app), "presentation", g_variant_new_boolean (TRUE));
  gtk_widget_measure (GTK_WIDGET (timeline), GTK_ORIENTATION_VERTICAL, -1, &large, NULL, NULL, NULL);
  /* Taller blocks, and editing still goes through. */
  g_assert_cmpint (large, >=, normal + 20);
  g_assert_true (gtw_timeline_move (timeline, 0, 30));
  g_assert_cmpint (g_array_index (gtw_timeline_get_interventions (timeline), GtwIntervention, 0).start_day,
                   ==, 130);
  g_action_group_activate_action (G_ACTION_GROUP (app), "presentation", g_variant_new_boolean (FALSE));
  gtk_widget_measure (GTK_WIDGET (timeline), GTK_ORIENTATION_VERTICAL, -1, &large, NULL, NULL, NULL);
  g_assert_cmpint (large, ==, normal);
}

int
main (int argc, char *argv[])
{
  int status;

  gtw_test_init (&argc, &argv);
  app = gtw_test_application_new ();
  window = gtw_test_window_new (app);

  g_test_add_func ("/presentation/action-and-escape", test_action_and_escape);
  g_test_add_func ("/presentation/f5-and-toggle", test_f5_and_toggle);
  g_test_add_func ("/presentation/curves-persist", test_curves_persist);
  g_test_add_func ("/presentation/timeline-blocks", test_timeline_blocks);
  status = g_test_run ();

  gtw_document_discard_autosave (gtw_window_get_document (window));
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (app);
  return status;
}
