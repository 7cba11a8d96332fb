/* test-playback.c: the run revealed over time, on its own and in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Time is the test's: the playback runs on a manual clock and moves only by
 * gtw_playback_advance (), never by the wall clock.
 */
#include <math.h>

#include "ui-test-util.h"

#define TEST_DAYS 730
#define DAYS_PER_YEAR 365.25

static GtwApplication *app;
static GtwWindow *window;

static void
count_notify (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  (*(guint *) user_data)++;
}

/* ---------------------------------------------------------------------------------------- */
/* The playback alone                                                                       */

static void
test_model (void)
{
  g_autoptr (GtkWidget) widget = g_object_ref_sink (gtk_label_new (NULL));
  g_autoptr (GtwPlayback) playback = gtw_playback_new (widget);
  guint day_notes = 0;

  gtw_playback_set_manual_clock (playback, TRUE);
  gtw_playback_set_duration (playback, 3650);
  g_signal_connect (playback, "notify::day", G_CALLBACK (count_notify), &day_notes);

  /* Off at first: the whole run shows. */
  g_assert_cmpint (gtw_playback_get_day (playback), ==, -1);
  g_assert_false (gtw_playback_get_active (playback));
  g_assert_false (gtw_playback_get_playing (playback));
  g_assert_cmpstr (gtw_playback_get_speed (playback), ==, "year");

  /* Play starts at day 0; half a second at a year per second is half a year. */
  gtw_playback_set_playing (playback, TRUE);
  g_assert_true (gtw_playback_get_playing (playback));
  g_assert_cmpint (gtw_playback_get_day (playback), ==, 0);
  gtw_playback_advance (playback, 0.5);
  g_assert_cmpint (gtw_playback_get_day (playback), ==, (int) floor (DAYS_PER_YEAR / 2));
  g_assert_cmpuint (day_notes, ==, 2);

  /* The speeds: a month to two years per second; an unknown one changes nothing. */
  g_assert_true (gtw_playback_set_speed (playback, "2-years"));
  g_assert_cmpfloat_with_epsilon (gtw_playback_get_days_per_second (playback), 2 * DAYS_PER_YEAR, 1e-9);
  gtw_playback_advance (playback, 1);
  g_assert_cmpint (gtw_playback_get_day (playback), ==, (int) floor (DAYS_PER_YEAR / 2 + 2 * DAYS_PER_YEAR));
  g_assert_false (gtw_playback_set_speed (playback, "fast"));
  g_assert_cmpstr (gtw_playback_get_speed (playback), ==, "2-years");
  g_assert_cmpstr (gtw_playback_speed_label ("month"), ==, "1 month per second");
  g_assert_null (gtw_playback_speed_label ("fast"));

  /* Slow speeds move by less than a day per frame and still arrive: 60 frames of a month. */
  g_assert_true (gtw_playback_set_speed (playback, "month"));
  gtw_playback_seek (playback, 0);
  gtw_playback_set_playing (playback, TRUE);
  g_assert_cmpint (gtw_playback_get_day (playback), ==, 0);
  for (int i = 0; i < 60; i++)
    gtw_playback_advance (playback, 1 / 60.0);
  g_assert_cmpint (gtw_playback_get_day (playback), ==, 30);

  /* Steps pause and move by months; a year is twelve of them. */
  gtw_playback_step_months (playback, 12);
  g_assert_false (gtw_playback_get_playing (playback));
  g_assert_cmpint (gtw_playback_get_day (playback), ==, 30 + 365);
  gtw_playback_step_months (playback, -1);
  g_assert_cmpint (gtw_playback_get_day (playback), ==, 30 + 365 - 30);
  gtw_playback_step_months (playback, -240);
  g_assert_cmpint (gtw_playback_get_day (playback), ==, 0);
  /* A paused position does not move with time. */
  gtw_playback_advance (playback, 5);
  g_assert_cmpint (gtw_playback_get_day (playback), ==, 0);

  /* The end stops it at the last day; playing again starts over. */
  gtw_playback_seek (playback, 3000);
  gtw_playback_set_playing (playback, TRUE);
  g_assert_cmpint (gtw_playback_get_day (playback), ==, 3000);
  gtw_playback_advance (playback, 1000);
  g_assert_cmpint (gtw_playback_get_day (playback), ==, 3649);
  g_assert_false (gtw_playback_get_playing (playback));
  gtw_playback_set_playing (playback, TRUE);
  g_assert_cmpint (gtw_playback_get_day (playback), ==, 0);

  /* A shorter run pulls the position in; -1 turns playback off. */
  gtw_playback_seek (playback, 2000);
  gtw_playback_set_duration (playback, 1000);
  g_assert_cmpint (gtw_playback_get_day (playback), ==, 999);
  gtw_playback_seek (playback, -1);
  g_assert_false (gtw_playback_get_active (playback));
  /* Stepping from off counts from the end. */
  gtw_playback_step_months (playback, -1);
  g_assert_cmpint (gtw_playback_get_day (playback), ==, 999 - 30);
}

/* ---------------------------------------------------------------------------------------- */
/* In the window                                                                            */

static GtwPlayback *
playback (void)
{
  return gtw_window_get_playback (window);
}

static int
reveal_day (void)
{
  return gtw_chart_get_reveal_day (gtw_window_get_chart (window));
}

static gboolean
action_bool (const char *name)
{
  g_autoptr (GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (window), name);

  return g_variant_get_boolean (state);
}

/* The playback bar: the one with the scale. */
static GtkWidget *
playback_bar (void)
{
  return gtk_widget_get_parent (gtw_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SCALE, NULL));
}

/* Presses a key through the window's own shortcuts, as the keyboard would. */
static void
press (guint keyval, GdkModifierType mods)
{
  g_assert_true (gtw_test_press_shortcut (GTK_WIDGET (window), keyval, mods));
}

static void
load_short_run (void)
{
  gtw_test_window_load_preset (window, "progressor", TEST_DAYS);
  gtw_playback_set_manual_clock (playback (), TRUE);
  gtw_playback_seek (playback (), -1);
}

static void
test_window_play (void)
{
  GtwChart *chart = gtw_window_get_chart (window);
  GtkWidget *content;

  load_short_run ();
  g_assert_cmpint (gtw_playback_get_duration (playback ()), ==, TEST_DAYS);
  g_assert_cmpint (reveal_day (), ==, -1);
  g_assert_false (gtk_widget_get_visible (playback_bar ()));

  /* The play action starts from day 0: the chart shows the run up to there. */
  g_action_group_change_action_state (G_ACTION_GROUP (window), "play", g_variant_new_boolean (TRUE));
  g_assert_true (gtw_playback_get_playing (playback ()));
  g_assert_true (action_bool ("play"));
  g_assert_cmpint (reveal_day (), ==, 0);
  g_assert_true (gtk_widget_get_visible (playback_bar ()));
  content = gtw_test_find_widget (GTK_WIDGET (window), ADW_TYPE_BUTTON_CONTENT, NULL);
  g_assert_cmpstr (adw_button_content_get_label (ADW_BUTTON_CONTENT (content)), ==, "_Pause");

  gtw_playback_advance (playback (), 0.5);
  g_assert_cmpint (reveal_day (), ==, (int) floor (DAYS_PER_YEAR / 2));

  /* Paused, the markers show the day reached: "here fasting glucose is still normal". */
  g_action_group_change_action_state (G_ACTION_GROUP (window), "play", g_variant_new_boolean (FALSE));
  g_assert_false (gtw_playback_get_playing (playback ()));
  g_assert_cmpint (gtw_window_get_markers_day (window), ==, (int) floor (DAYS_PER_YEAR / 2));
  g_assert_cmpint (reveal_day (), ==, (int) floor (DAYS_PER_YEAR / 2));

  /* To the end: it stops at the last day and the action says so; again restarts. */
  g_action_group_change_action_state (G_ACTION_GROUP (window), "play", g_variant_new_boolean (TRUE));
  gtw_playback_advance (playback (), 10);
  g_assert_false (gtw_playback_get_playing (playback ()));
  g_assert_false (action_bool ("play"));
  g_assert_cmpint (reveal_day (), ==, TEST_DAYS - 1);
  g_assert_cmpint (gtw_window_get_markers_day (window), ==, TEST_DAYS - 1);
  g_action_group_activate_action (G_ACTION_GROUP (window), "play", NULL);
  g_assert_true (gtw_playback_get_playing (playback ()));
  g_assert_cmpint (reveal_day (), ==, 0);

  /* Showing the whole run again turns playback off and hides the bar. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "playback-stop", NULL);
  g_assert_false (gtw_playback_get_playing (playback ()));
  g_assert_cmpint (reveal_day (), ==, -1);
  g_assert_false (gtk_widget_get_visible (playback_bar ()));

  /* From the day view, playing goes back to the whole run. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "view", g_variant_new_string ("day"));
  gtw_test_wait_for_runs (window);
  g_assert_cmpint (gtw_chart_get_view (chart), ==, GTW_CHART_VIEW_DAY);
  g_action_group_activate_action (G_ACTION_GROUP (window), "play", NULL);
  g_assert_cmpint (gtw_chart_get_view (chart), ==, GTW_CHART_VIEW_DECADE);
  g_action_group_activate_action (G_ACTION_GROUP (window), "playback-stop", NULL);
}

static void
test_window_speed (void)
{
  GtkMenuButton *speed_button = NULL;
  g_autoptr (GVariant) state = NULL;
  GtkWidget *bar;

  load_short_run ();
  bar = playback_bar ();
  for (GtkWidget *child = gtk_widget_get_first_child (bar); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_MENU_BUTTON (child) && gtk_menu_button_get_label (GTK_MENU_BUTTON (child)) != NULL)
      speed_button = GTK_MENU_BUTTON (child);
  g_assert_nonnull (speed_button);
  g_assert_cmpstr (gtk_menu_button_get_label (speed_button), ==, "1 year per second");

  g_action_group_change_action_state (G_ACTION_GROUP (window), "playback-speed", g_variant_new_string ("month"));
  g_assert_cmpstr (gtw_playback_get_speed (playback ()), ==, "month");
  g_assert_cmpstr (gtk_menu_button_get_label (speed_button), ==, "1 month per second");
  state = g_action_group_get_action_state (G_ACTION_GROUP (window), "playback-speed");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "month");

  g_action_group_activate_action (G_ACTION_GROUP (window), "play", NULL);
  gtw_playback_advance (playback (), 2);
  g_assert_cmpint (reveal_day (), ==, (int) floor (2 * DAYS_PER_YEAR / 12));

  /* An unknown speed is reported and changes nothing. */
  g_action_group_change_action_state (G_ACTION_GROUP (window), "playback-speed", g_variant_new_string ("warp"));
  g_assert_cmpstr (gtw_playback_get_speed (playback ()), ==, "month");

  g_action_group_change_action_state (G_ACTION_GROUP (window), "playback-speed",
                                      g_variant_new_string ("2-years"));
  gtw_playback_advance (playback (), 0.25);
  g_assert_cmpint (reveal_day (), ==, (int) floor (2 * DAYS_PER_YEAR / 12 + 0.25 * 2 * DAYS_PER_YEAR));
  g_action_group_change_action_state (G_ACTION_GROUP (window), "playback-speed", g_variant_new_string ("year"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "playback-stop", NULL);
}

static void
test_window_scrub (void)
{
  GtkRange *scale;
  GtkAdjustment *adjustment;

  load_short_run ();
  scale = GTK_RANGE (gtw_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SCALE, NULL));
  adjustment = gtk_range_get_adjustment (scale);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), ==, TEST_DAYS - 1);

  /* Dragging the scale goes there and pauses; the markers follow. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "play", NULL);
  gtk_adjustment_set_value (adjustment, 400);
  g_assert_false (gtw_playback_get_playing (playback ()));
  g_assert_cmpint (reveal_day (), ==, 400);
  g_assert_cmpint (gtw_window_get_markers_day (window), ==, 400);

  /* And playing moves the scale. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "play", NULL);
  gtw_playback_advance (playback (), 0.5);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 400 + floor (DAYS_PER_YEAR / 2));
  g_action_group_activate_action (G_ACTION_GROUP (window), "playback-stop", NULL);
}

static void
test_window_keys (void)
{
  load_short_run ();

  /* Space plays and pauses. */
  press (GDK_KEY_space, 0);
  g_assert_true (gtw_playback_get_playing (playback ()));
  gtw_playback_advance (playback (), 0.5);
  press (GDK_KEY_space, 0);
  g_assert_false (gtw_playback_get_playing (playback ()));
  g_assert_cmpint (reveal_day (), ==, 182);

  /* Right and Left: a month; with Shift: a year. */
  press (GDK_KEY_Right, 0);
  g_assert_cmpint (reveal_day (), ==, 182 + 30);
  press (GDK_KEY_Left, 0);
  g_assert_cmpint (reveal_day (), ==, 182);
  press (GDK_KEY_Right, GDK_SHIFT_MASK);
  g_assert_cmpint (reveal_day (), ==, 182 + 365);
  press (GDK_KEY_Left, GDK_SHIFT_MASK);
  g_assert_cmpint (reveal_day (), ==, 182);

  /* Home and End. */
  press (GDK_KEY_End, 0);
  g_assert_cmpint (reveal_day (), ==, TEST_DAYS - 1);
  press (GDK_KEY_Home, 0);
  g_assert_cmpint (reveal_day (), ==, 0);
  g_assert_false (gtw_playback_get_playing (playback ()));
  g_action_group_activate_action (G_ACTION_GROUP (window), "playback-stop", NULL);
}

int
main (int argc, char *argv[])
{
  int status;

  gtw_test_init (&argc, &argv);
  app = gtw_test_application_new ();
  window = gtw_test_window_new (app);

  g_test_add_func ("/playback/model", test_model);
  g_test_add_func ("/playback/window-play", test_window_play);
  g_test_add_func ("/playback/window-speed", test_window_speed);
  g_test_add_func ("/playback/window-scrub", test_window_scrub);
  g_test_add_func ("/playback/window-keys", test_window_keys);
  status = g_test_run ();

  gtw_document_discard_autosave (gtw_window_get_document (window));
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (app);
  return status;
}
