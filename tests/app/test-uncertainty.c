/* test-uncertainty.c: the population bands, run in the background and drawn on the chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real populations, kept small (20 patients, two years) so that the test stays quick.
 */
#include <math.h>

#include "gtw-chart.h"
#include "gtw-uncertainty.h"
#include "ui-test-util.h"

#define WIDTH     1000
#define HEIGHT    760
#define N_PEOPLE  20
#define DURATION  730

typedef struct
{
  GtkWindow      *window;
  GtwChart       *chart;
  GtwUncertainty *uncertainty;
  GtwScenario    *scenario;
  GtwTrace       *trace;
  int             started;
  int             finished;
  int             completed;
  gboolean        last_success;
  int             running_notes;
} Fixture;

static void
on_started (GtwUncertainty *uncertainty,
            Fixture        *f)
{
  f->started++;
  g_assert_true (gtw_uncertainty_get_running (uncertainty));
}

static void
on_finished (GtwUncertainty *uncertainty,
             gboolean        success,
             Fixture        *f)
{
  f->finished++;
  f->completed += success;
  f->last_success = success;
  g_assert_false (gtw_uncertainty_get_running (uncertainty));
}

static void
on_running (GtwUncertainty *uncertainty,
            GParamSpec     *pspec,
            Fixture        *f)
{
  f->running_notes++;
}

static GtwScenario *
load_scenario (int duration)
{
  g_autoptr (GError) error = NULL;
  GtwScenario *scenario = gtw_preset_load ("progressor", &error);

  g_assert_no_error (error);
  scenario->duration_days = duration;
  return scenario;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  GtwSimOptions options;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
  f->scenario = load_scenario (DURATION);
  gtw_sim_options_init (&options);
  options.integrator = GTW_INTEGRATOR_FAST;
  f->trace = gtw_simulate (f->scenario, &options, NULL, &error);
  g_assert_no_error (error);

  f->chart = GTW_CHART (gtw_chart_new ());
  gtw_chart_set_traces (f->chart, f->trace, NULL);
  f->window = GTK_WINDOW (gtw_test_show (GTK_WIDGET (f->chart), WIDTH, HEIGHT));

  f->uncertainty = gtw_uncertainty_new (f->chart);
  gtw_uncertainty_set_n_patients (f->uncertainty, N_PEOPLE);
  g_signal_connect (f->uncertainty, "started", G_CALLBACK (on_started), f);
  g_signal_connect (f->uncertainty, "finished", G_CALLBACK (on_finished), f);
  g_signal_connect (f->uncertainty, "notify::running", G_CALLBACK (on_running), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->uncertainty);
  gtk_window_destroy (f->window);
  g_clear_pointer (&f->trace, gtw_trace_unref);
  g_clear_pointer (&f->scenario, gtw_scenario_free);
}

static void
wait_finished (Fixture *f,
               int      count)
{
  gint64 deadline = g_get_monotonic_time () + 240 * G_USEC_PER_SEC;

  while (f->finished < count && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (f->finished, ==, count);
}

/* A real population of 20 over two years: the chart gets it and draws both bands inside axes
 * that hold them; disabling takes them away. */
static void
test_bands (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (GdkTexture) bare = gtw_test_grab (GTK_WIDGET (f->chart));
  g_autoptr (GdkTexture) banded = NULL, again = NULL;
  GtwFigureOptions options;
  GtwFigureGeometry g = { 0 };
  cairo_surface_t *surface;
  cairo_t *cr;
  gint64 start;

  gtw_uncertainty_set_scenario (f->uncertainty, f->scenario);
  g_assert_cmpint (f->started, ==, 0); /* not enabled: nothing runs */
  g_assert_false (gtw_uncertainty_get_running (f->uncertainty));

  start = g_get_monotonic_time ();
  gtw_uncertainty_set_enabled (f->uncertainty, TRUE);
  g_assert_true (gtw_uncertainty_get_enabled (f->uncertainty));
  g_assert_cmpint (f->started, ==, 1);
  g_assert_true (gtw_uncertainty_get_running (f->uncertainty));
  /* the main thread is free while it runs */
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC / 2);
  g_assert_false (gtw_chart_has_population (f->chart));

  wait_finished (f, 1);
  g_assert_true (f->last_success);
  g_assert_null (gtw_uncertainty_get_error (f->uncertainty));
  g_assert_true (gtw_chart_has_population (f->chart));
  g_assert_cmpint (f->running_notes, ==, 2);
  g_test_message ("population of %d over %d days: %.1f s", N_PEOPLE, DURATION,
                  (g_get_monotonic_time () - start) / 1e6);

  gtw_chart_get_figure_options (f->chart, &options);
  g_assert_nonnull (options.population);
  g_assert_cmpuint (gtw_population_get_n_patients (options.population), ==, N_PEOPLE);

  /* the glucose axis holds the 5th to 95th percentiles of every year */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, options.width, options.height);
  cr = cairo_create (surface);
  options.geometry = &g;
  g_assert_true (gtw_figure_draw_trace (cr, &options, f->trace, NULL, NULL));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  for (guint y = 0; y < gtw_population_get_n_years (options.population); y++)
    {
      double p5 = gtw_population_get_percentile (options.population,
                                                 GTW_POPULATION_FASTING_GLUCOSE, y, 0);
      double p95 = gtw_population_get_percentile (options.population,
                                                  GTW_POPULATION_FASTING_GLUCOSE, y, 4);
      double b5 = gtw_population_get_percentile (options.population,
                                                 GTW_POPULATION_BETA_CELL_MASS, y, 0) * 100;

      g_assert_cmpfloat (p5, <=, p95);
      g_assert_cmpfloat (p5, >=, g.panels[0].ymin);
      g_assert_cmpfloat (p95, <=, g.panels[0].ymax);
      g_assert_cmpfloat (b5, >=, g.panels[3].ymin);
    }

  banded = gtw_test_grab (GTK_WIDGET (f->chart));
  gtw_test_save_png (banded, "uncertainty.png");
  g_assert_cmpfloat (gtw_test_texture_difference (bare, banded, 0), >, 0.01);

  /* in a presentation, on a dark projector theme, the bands stay */
  {
    g_autoptr (GdkTexture) room = NULL;

    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);
    gtw_chart_set_presentation (f->chart, TRUE);
    gtw_chart_set_visible_curves (f->chart, GTW_CHART_CURVE_GLUCOSE | GTW_CHART_CURVE_BETA_CELLS);
    room = gtw_test_grab (GTK_WIDGET (f->chart));
    gtw_test_save_png (room, "uncertainty-presentation-dark.png");
    gtw_chart_get_figure_options (f->chart, &options);
    g_assert_nonnull (options.population);
    g_assert_true (options.presentation);
    gtw_chart_set_presentation (f->chart, FALSE);
    gtw_chart_set_visible_curves (f->chart, GTW_CHART_CURVES_ALL);
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_LIGHT);
  }

  gtw_uncertainty_set_enabled (f->uncertainty, FALSE);
  g_assert_false (gtw_chart_has_population (f->chart));
  g_assert_cmpint (f->finished, ==, 1); /* nothing ran, nothing to announce */
  again = gtw_test_grab (GTK_WIDGET (f->chart));
  g_assert_cmpfloat (gtw_test_texture_difference (bare, again, 0), ==, 0);
}

/* A new scenario cancels the run in progress; disabling cancels the next one. */
static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GtwScenario) decade = load_scenario (3652);
  g_autoptr (GtwScenario) other = load_scenario (DURATION);
  gint64 start;

  gtw_uncertainty_set_n_patients (f->uncertainty, 60);
  gtw_uncertainty_set_enabled (f->uncertainty, TRUE);
  g_assert_cmpint (f->started, ==, 0); /* no scenario yet */

  gtw_uncertainty_set_scenario (f->uncertainty, decade);
  g_assert_cmpint (f->started, ==, 1);
  g_assert_true (gtw_uncertainty_get_running (f->uncertainty));

  /* the clinician changes the patient: the old run ends, unfinished, and a new one starts */
  other->seed = decade->seed + 1;
  gtw_uncertainty_set_scenario (f->uncertainty, other);
  g_assert_cmpint (f->finished, ==, 1);
  g_assert_false (f->last_success);
  g_assert_cmpint (f->started, ==, 2);
  g_assert_true (gtw_uncertainty_get_running (f->uncertainty));
  g_assert_false (gtw_chart_has_population (f->chart));

  /* and then turns the bands off */
  start = g_get_monotonic_time ();
  gtw_uncertainty_set_enabled (f->uncertainty, FALSE);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC / 2);
  g_assert_cmpint (f->finished, ==, 2);
  g_assert_false (f->last_success);
  g_assert_false (gtw_uncertainty_get_running (f->uncertainty));

  /* the cancelled workers stop soon and hand nothing to the chart */
  gtw_test_iterate_for (3000);
  g_assert_false (gtw_chart_has_population (f->chart));
  g_assert_cmpint (f->completed, ==, 0);
  g_assert_cmpint (f->finished, ==, 2);

  /* dropping the object while it runs stops the run: nothing keeps it alive, nothing arrives */
  {
    GtwUncertainty *dropped = gtw_uncertainty_new (f->chart);

    g_object_add_weak_pointer (G_OBJECT (dropped), (gpointer *) &dropped);
    gtw_uncertainty_set_enabled (dropped, TRUE);
    gtw_uncertainty_set_scenario (dropped, decade);
    g_assert_true (gtw_uncertainty_get_running (dropped));
    g_object_unref (dropped);
    g_assert_null (dropped);
    gtw_test_iterate_for (3000);
    g_assert_false (gtw_chart_has_population (f->chart));
  }
}

static void
skip_all (void)
{
  g_test_skip ("PLplot has no extcairo device");
}

int
main (int    argc,
      char **argv)
{
  gtw_test_init (&argc, &argv);

  if (!gtw_figure_available (NULL))
    {
      g_test_add_func ("/uncertainty/skipped", skip_all);
      return g_test_run ();
    }

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/uncertainty/bands", test_bands);
  ADD ("/uncertainty/cancel", test_cancel);
#undef ADD

  return g_test_run ();
}
