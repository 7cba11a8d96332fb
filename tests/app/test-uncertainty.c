/* test-uncertainty.c: the population bands, run in the background and drawn on the chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real populations, kept small (20 patients, two years) so that the test stays quick.
 */
#include <math.h>
#include <string.h>

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

/* A figure drawn into an image, and where its panels went. */
typedef struct
{
  cairo_surface_t   *surface;
  GtwFigureGeometry  geometry;
} Figure;

static void
draw_figure (const GtwFigureOptions *base,
             const GtwTrace         *trace,
             const GtwPopulation    *population,
             Figure                 *figure)
{
  GtwFigureOptions options = *base;
  cairo_t *cr;

  memset (figure, 0, sizeof *figure);
  options.population = population;
  options.geometry = &figure->geometry;
  figure->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, options.width, options.height);
  cr = cairo_create (figure->surface);
  g_assert_true (gtw_figure_draw_trace (cr, &options, trace, NULL, NULL));
  cairo_destroy (cr);
  cairo_surface_flush (figure->surface);
}

static void
figure_clear (Figure *figure)
{
  g_clear_pointer (&figure->surface, cairo_surface_destroy);
}

/* The fraction of the pixels of [x0, x1) x [y0, y1) that a figure painted over its background
 * (the colour of its top left corner). */
static double
region_painted (const Figure *figure,
                double        x0,
                double        x1,
                double        y0,
                double        y1)
{
  int width = cairo_image_surface_get_width (figure->surface);
  int height = cairo_image_surface_get_height (figure->surface);
  int stride = cairo_image_surface_get_stride (figure->surface);
  const guchar *data = cairo_image_surface_get_data (figure->surface);
  int left = CLAMP ((int) ceil (x0), 0, width), right = CLAMP ((int) floor (x1), 0, width);
  int top = CLAMP ((int) ceil (y0), 0, height), bottom = CLAMP ((int) floor (y1), 0, height);
  guint painted = 0, total = 0;
  guint32 background;

  memcpy (&background, data, sizeof background);
  for (int y = top; y < bottom; y++)
    for (int x = left; x < right; x++)
      {
        guint32 pixel;

        memcpy (&pixel, data + y * stride + 4 * x, sizeof pixel);
        painted += pixel != background;
        total++;
      }
  return total > 0 ? (double) painted / total : 0;
}

/* The fraction of panel @i that a figure painted. */
static double
panel_painted (const Figure *figure,
               guint         i)
{
  const GtwFigureGeometry *g = &figure->geometry;

  return region_painted (figure, g->left + 2, g->right - 2, g->panels[i].top + 2,
                         g->panels[i].bottom - 2);
}

/* Whether anything was drawn outside the plot areas: in the gaps above and between the
 * panels and in a strip under the last one, between the axes' labels. */
static void
assert_inside_panels (const Figure *figure)
{
  const GtwFigureGeometry *g = &figure->geometry;

  for (guint i = 1; i < 4; i++)
    g_assert_cmpfloat (region_painted (figure, g->left + 2, g->right - 2,
                                       g->panels[i - 1].bottom + 2, g->panels[i].top - 2), ==, 0);
  g_assert_cmpfloat (region_painted (figure, g->left + 30, g->right - 30, g->panels[3].bottom + 2,
                                     g->panels[3].bottom + 6), ==, 0);
}

/* Two years of the scenario's patient with a quarter of the beta cells. */
static GtwTrace *
weak_beta_cells (const GtwScenario *scenario)
{
  g_autoptr (GtwScenario) weak = gtw_scenario_copy (scenario);
  g_autoptr (GError) error = NULL;
  GtwSimOptions options;
  GtwTrace *trace;

  weak->patient.v[GTW_P_BETA_MASS] *= 0.25;
  gtw_sim_options_init (&options);
  options.integrator = GTW_INTEGRATOR_FAST;
  trace = gtw_simulate (weak, &options, NULL, &error);
  g_assert_no_error (error);
  return trace;
}

/* A real population of 20 over two years: the chart gets it and draws both bands on every
 * panel, inside its plot area, on the axes of the patient's own curves; disabling takes them
 * away. */
static void
test_bands (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (GdkTexture) bare = gtw_test_grab (GTK_WIDGET (f->chart));
  g_autoptr (GdkTexture) banded = NULL, again = NULL;
  GtwFigureOptions options;
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

  /* rough bands of four people come first, then those of all twenty */
  {
    gint64 deadline = g_get_monotonic_time () + 240 * G_USEC_PER_SEC;
    guint first_seen = 0;

    while (f->finished < 1 && g_get_monotonic_time () < deadline)
      {
        g_main_context_iteration (NULL, TRUE);
        gtw_chart_get_figure_options (f->chart, &options);
        if (first_seen == 0 && options.population != NULL)
          first_seen = gtw_population_get_n_patients (options.population);
      }
    g_assert_cmpuint (first_seen, ==, 4);
  }
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

  /* every panel gets its band, inside its plot area, and the axes stay those of the patient's
   * curves */
  {
    g_autoptr (GtwTrace) weak = weak_beta_cells (f->scenario);
    Figure bare_figure, banded_figure;

    draw_figure (&options, f->trace, NULL, &bare_figure);
    draw_figure (&options, f->trace, options.population, &banded_figure);
    assert_inside_panels (&bare_figure);
    assert_inside_panels (&banded_figure);
    for (guint i = 0; i < 4; i++)
      {
        const GtwFigureGeometry *a = &bare_figure.geometry, *b = &banded_figure.geometry;

        g_test_message ("panel %u: %.2f of it painted, %.2f with the bands; axis %g-%g, %g-%g",
                        i, panel_painted (&bare_figure, i), panel_painted (&banded_figure, i),
                        a->panels[i].ymin, a->panels[i].ymax, b->panels[i].ymin, b->panels[i].ymax);
        g_assert_cmpfloat (panel_painted (&banded_figure, i), >, panel_painted (&bare_figure, i) + 0.03);
        g_assert_cmpfloat (b->panels[i].ymax - b->panels[i].ymin, <=,
                           1.6 * (a->panels[i].ymax - a->panels[i].ymin));
      }
    figure_clear (&bare_figure);
    figure_clear (&banded_figure);

    /* a patient far below the people like him (a quarter of the beta cells): the population's
     * band does not stretch his beta-cell axis, as its 95th percentile once did (to 500 %) */
    draw_figure (&options, weak, NULL, &bare_figure);
    draw_figure (&options, weak, options.population, &banded_figure);
    g_assert_cmpfloat (gtw_population_get_percentile (options.population,
                                                      GTW_POPULATION_BETA_CELL_MASS, 0, 4) * 100,
                       >, 2 * bare_figure.geometry.panels[3].ymax);
    g_assert_cmpfloat (banded_figure.geometry.panels[3].ymax, <=,
                       bare_figure.geometry.panels[3].ymax * 1.6);
    assert_inside_panels (&banded_figure);
    figure_clear (&bare_figure);
    figure_clear (&banded_figure);
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

/* How soon the bands appear on a decade of the progressor, with and without two
 * interventions, at the app's population size: the first, small stage and the full one.
 * A measurement, run with -m perf. */
static void
test_latency (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (GtwScenario) decade = load_scenario (3652);

  if (!g_test_perf ())
    {
      g_test_skip ("a measurement: run with -m perf");
      return;
    }
  gtw_uncertainty_set_n_patients (f->uncertainty, GTW_UNCERTAINTY_N_PATIENTS);
  for (guint with = 0; with < 2; with++)
    {
      g_autoptr (GtwScenario) scenario = gtw_scenario_copy (decade);
      gint64 start, first;
      guint n_ivs = 0;

      if (with)
        {
          GtwIntervention iv;

          gtw_intervention_init (&iv, GTW_IV_BERBERINE, 730);
          g_array_append_val (scenario->interventions, iv);
          gtw_intervention_init (&iv, GTW_IV_EXERCISE, 1460);
          g_array_append_val (scenario->interventions, iv);
          n_ivs = scenario->interventions->len;
        }
      start = g_get_monotonic_time ();
      gtw_uncertainty_set_scenario (f->uncertainty, scenario);
      gtw_uncertainty_set_enabled (f->uncertainty, TRUE);
      /* a stage's population reaches the chart in a main-loop callback */
      while (!gtw_chart_has_population (f->chart) && f->finished == (int) with)
        g_main_context_iteration (NULL, TRUE);
      first = g_get_monotonic_time ();
      g_assert_true (gtw_chart_has_population (f->chart));
      wait_finished (f, (int) with + 1);
      g_assert_true (f->last_success);
      g_test_minimized_result ((first - start) / 1e6,
                               "first bands, decade, %u interventions: %.1f s", n_ivs,
                               (first - start) / 1e6);
      g_test_minimized_result ((g_get_monotonic_time () - start) / 1e6,
                               "all bands (%d people), decade, %u interventions: %.1f s",
                               GTW_UNCERTAINTY_N_PATIENTS, n_ivs,
                               (g_get_monotonic_time () - start) / 1e6);
      /* off, so that the next scenario starts afresh */
      gtw_uncertainty_set_enabled (f->uncertainty, FALSE);
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
  ADD ("/uncertainty/latency", test_latency);
#undef ADD

  return g_test_run ();
}
