/* test-visual.c: the chart's pixels against checked-in references
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fixed scenarios drawn by the chart widget in a window of a fixed size, rendered headless with
 * GSK_RENDERER=cairo, compared with tests/app/golden/ as tests/cli/gtw-png-compare.c does: a
 * pixel differs when a channel moves by more than 16 of 255 (anti-aliasing and hinting), and at
 * most half a percent of the pixels may differ. GTW_REGENERATE_GOLDEN=1 rewrites the references
 * (look at them before committing). Every rendering is also written to the build directory.
 */
#include "gtw-chart.h"
#include "gtw-story.h"
#include "ui-test-util.h"

#define WIDTH        960
#define HEIGHT       720
#define DURATION     730
#define VIEW_DAY     400
#define MAX_FRACTION 0.005

static GtwTrace *trace;
static GtwTrace *baseline;

static void
simulate (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GtwScenario) scenario = gtw_preset_load ("compensated-ir", &error);
  GtwIntervention iv;
  GtwSimOptions options;

  g_assert_no_error (error);
  scenario->duration_days = DURATION;
  gtw_intervention_init (&iv, GTW_IV_BERBERINE, 120);
  g_array_append_val (scenario->interventions, iv);
  gtw_intervention_init (&iv, GTW_IV_EXERCISE, 300);
  g_array_append_val (scenario->interventions, iv);

  /* the reference integrator: references should not move with the fast one's tuning */
  gtw_sim_options_init (&options);
  options.integrator = GTW_INTEGRATOR_REFERENCE;
  trace = gtw_simulate (scenario, &options, NULL, &error);
  g_assert_no_error (error);
  options.with_interventions = FALSE;
  baseline = gtw_simulate (scenario, &options, NULL, &error);
  g_assert_no_error (error);
}

static void
check_against_golden (GdkTexture *actual,
                      const char *name)
{
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *golden = g_test_build_filename (G_TEST_DIST, "golden", file, NULL);
  g_autofree char *output = g_test_build_filename (G_TEST_BUILT, file, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkTexture) expected = NULL;
  double fraction;

  g_assert_true (gdk_texture_save_to_png (actual, output));
  if (g_strcmp0 (g_getenv ("GTW_REGENERATE_GOLDEN"), "1") == 0)
    {
      g_assert_true (gdk_texture_save_to_png (actual, golden));
      g_test_message ("regenerated %s", golden);
      return;
    }

  expected = gdk_texture_new_from_filename (golden, &error);
  g_assert_no_error (error);
  fraction = gtw_test_texture_difference (expected, actual, 16);
  g_test_message ("%s: %.4f%% of the pixels differ (allowed %.4f%%); see %s", name,
                  fraction * 100, MAX_FRACTION * 100, output);
  g_assert_cmpfloat (fraction, <=, MAX_FRACTION);
}

typedef struct
{
  GtkWindow *window;
  GtwChart  *chart;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  GtwDisplayUnits units = { GTW_GLUCOSE_MMOL, GTW_INSULIN_PMOL, GTW_CPEPTIDE_NMOL,
                            GTW_HBA1C_PERCENT };
  g_autoptr (GListModel) controllers = NULL;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
  f->chart = GTW_CHART (gtw_chart_new ());
  gtw_chart_set_units (f->chart, &units);
  gtw_chart_set_traces (f->chart, trace, baseline);
  f->window = GTK_WINDOW (gtw_test_show (GTK_WIDGET (f->chart), WIDTH, HEIGHT));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->chart)), ==, WIDTH);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (f->chart)), ==, HEIGHT);

  /* the X server's pointer may rest over the window: no cursor unless a test sets one */
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->chart));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_MOTION (controller))
        g_signal_emit_by_name (controller, "leave");
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
}

static void
test_decade (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GdkTexture) texture = gtw_test_grab (GTK_WIDGET (f->chart));

  check_against_golden (texture, "chart-decade");
}

static void
test_decade_dark_cursor (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->chart));
  g_autoptr (GdkTexture) texture = NULL;
  gboolean handled = FALSE;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  /* the keyboard puts the cursor on a day that does not depend on pixel rounding */
  gtk_widget_grab_focus (GTK_WIDGET (f->chart));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Right, 0, 0, &handled);
    }
  g_assert_true (handled);
  texture = gtw_test_grab (GTK_WIDGET (f->chart));
  check_against_golden (texture, "chart-decade-dark-cursor");
}

static void
test_day (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  GtwDayDetail *day, *base_day;
  g_autoptr (GdkTexture) texture = NULL;

  day = gtw_trace_simulate_day (trace, VIEW_DAY, &error);
  g_assert_no_error (error);
  base_day = gtw_trace_simulate_day (baseline, VIEW_DAY, &error);
  g_assert_no_error (error);
  gtw_chart_set_view (f->chart, GTW_CHART_VIEW_DAY, VIEW_DAY);
  gtw_chart_take_day_detail (f->chart, day, base_day);
  texture = gtw_test_grab (GTK_WIDGET (f->chart));
  check_against_golden (texture, "chart-day");
}

static void
test_year_mgdl (Fixture       *f,
                gconstpointer  data)
{
  GtwDisplayUnits units = { GTW_GLUCOSE_MGDL, GTW_INSULIN_UU, GTW_CPEPTIDE_NGML,
                            GTW_HBA1C_PERCENT };
  g_autoptr (GdkTexture) texture = NULL;

  gtw_chart_set_units (f->chart, &units);
  gtw_chart_set_view (f->chart, GTW_CHART_VIEW_YEAR, VIEW_DAY);
  texture = gtw_test_grab (GTK_WIDGET (f->chart));
  check_against_golden (texture, "chart-year-mgdl");
}

/* The progressor's twenty years, simulated once for the story tests. */
static GtwTrace *
progressor (void)
{
  static GtwTrace *run;
  g_autoptr (GError) error = NULL;
  g_autoptr (GtwScenario) scenario = NULL;
  GtwSimOptions options;

  if (run != NULL)
    return run;
  scenario = gtw_preset_load ("progressor", &error);
  g_assert_no_error (error);
  gtw_sim_options_init (&options);
  options.integrator = GTW_INTEGRATOR_REFERENCE;
  run = gtw_simulate (scenario, &options, NULL, &error);
  g_assert_no_error (error);
  return run;
}

/* The story flags of a run that turns diabetic, with their titles staggered or left out. */
static void
test_story (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (GdkTexture) texture = NULL;

  gtw_chart_set_traces (f->chart, progressor (), NULL);
  texture = gtw_test_grab (GTK_WIDGET (f->chart));
  check_against_golden (texture, "chart-story");
}

/* The same in the dark, a year around the diabetes flag's day, in US units. */
static void
test_story_dark_year (Fixture       *f,
                      gconstpointer  data)
{
  GtwDisplayUnits units = { GTW_GLUCOSE_MGDL, GTW_INSULIN_UU, GTW_CPEPTIDE_NGML,
                            GTW_HBA1C_PERCENT };
  g_autoptr (GPtrArray) story = gtw_story_compute (progressor (), NULL);
  const GtwStoryMarker *diabetes = gtw_story_find (story, GTW_STORY_DIABETES);
  g_autoptr (GdkTexture) texture = NULL;

  g_assert_nonnull (diabetes);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  gtw_chart_set_units (f->chart, &units);
  gtw_chart_set_traces (f->chart, progressor (), NULL);
  gtw_chart_set_view (f->chart, GTW_CHART_VIEW_YEAR, diabetes->day);
  texture = gtw_test_grab (GTK_WIDGET (f->chart));
  check_against_golden (texture, "chart-story-dark-year");
}

static void
skip_all (void)
{
  g_test_skip ("PLplot has no extcairo device, or GSK_RENDERER is not cairo");
}

int
main (int    argc,
      char **argv)
{
  gtw_test_init (&argc, &argv);

  if (!gtw_figure_available (NULL) || g_strcmp0 (g_getenv ("GSK_RENDERER"), "cairo") != 0)
    {
      /* the references are rendered by PLplot's extcairo device with GSK_RENDERER=cairo */
      g_test_add_func ("/visual/skipped", skip_all);
      return g_test_run ();
    }
  simulate ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/visual/decade", test_decade);
  ADD ("/visual/decade-dark-cursor", test_decade_dark_cursor);
  ADD ("/visual/day", test_day);
  ADD ("/visual/year-mgdl", test_year_mgdl);
  ADD ("/visual/story", test_story);
  ADD ("/visual/story-dark-year", test_story_dark_year);
#undef ADD

  return g_test_run ();
}
