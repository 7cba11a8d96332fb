/* gtw-cli-bench.c: glucotwin-cli bench, the performance figures of issue 4 on this machine
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every timed figure is the median of --repetitions runs (5 by default) after a warm-up, next to
 * its target; the reference integrator's decade takes at most three runs, so that the whole
 * benchmark stays within minutes: the table says how many runs each median is of. Next to the wall-clock time it prints the processor time the runs took,
 * which a shared, loaded machine inflates much less. Timing targets live here and not in the
 * tests: machines are shared and noisy, so the load average is printed with the figures. The peak
 * RSS of a 30-year run is measured in a child `glucotwin-cli run` so that the benchmark's own
 * allocations do not count.
 */
#include <glib/gi18n.h>
#include <gio/gio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "gtw-cli.h"
#include "gtw-figure.h"

#define BENCH_DAYS_10Y    3650
#define BENCH_DAYS_30Y    (30 * 365)
#define BENCH_DAY         1826 /* the middle of the decade */
#define BENCH_PATIENTS    200
#define SPEEDUP_PATIENTS  16
#define REFERENCE_RUNS    3 /* at most: the reference decade takes seconds */

typedef enum { TARGET_NONE, TARGET_AT_MOST, TARGET_AT_LEAST } TargetKind;

typedef struct
{
  const char *id;
  const char *label;
  const char *unit;
  TargetKind  kind;
  double      target;
  double      value;
  double      cpu;     /* processor time in the same unit, < 0 when it does not apply */
  guint       samples; /* runs the median is of, 0 for a single measurement */
} Figure;

enum
{
  FIG_FAST,
  FIG_FIRST_DAYS,
  FIG_FIRST_YEAR,
  FIG_REFERENCE,
  FIG_SPEEDUP,
  FIG_DAY,
  FIG_OGTT,
  FIG_POPULATION,
  FIG_PARALLEL,
  FIG_RENDER,
  FIG_TRACE_MEMORY,
  FIG_PEAK_RSS,
  N_FIGURES
};

static Figure figures[N_FIGURES] = {
  [FIG_FAST] = { "fast_10y_ms", N_("10-year progressor, 4 interventions, fast, one thread"), "ms",
                 TARGET_AT_MOST, 250 },
  [FIG_FIRST_DAYS] = { "first_chunk_ms", N_("First days delivered (the first, short chunk)"), "ms",
                       TARGET_NONE, 0 },
  [FIG_FIRST_YEAR] = { "first_year_ms", N_("First simulated year delivered"), "ms",
                       TARGET_AT_MOST, 30 },
  [FIG_REFERENCE] = { "reference_10y_ms", N_("The same 10 years, reference integrator"), "ms",
                      TARGET_NONE, 0 },
  [FIG_SPEEDUP] = { "speedup_fast_vs_reference", N_("Speed-up of the fast integrator"), "x",
                    TARGET_NONE, 0 },
  [FIG_DAY] = { "day_detail_ms", N_("One day at minute detail from a checkpoint"), "ms",
                TARGET_AT_MOST, 5 },
  [FIG_OGTT] = { "ogtt_ms", N_("One OGTT"), "ms", TARGET_AT_MOST, 5 },
  [FIG_POPULATION] = { "population_200x10y_s", N_("Population 200 x 10 years, all cores"), "s",
                       TARGET_AT_MOST, 10 },
  [FIG_PARALLEL] = { "parallel_speedup", N_("Parallel speed-up of a population, all cores"), "x",
                     TARGET_AT_LEAST, 1.7 },
  [FIG_RENDER] = { "render_ms", N_("Figure render, 4 panels, 1000x800, decade view of 30 years"),
                   "ms", TARGET_AT_MOST, 16 },
  [FIG_TRACE_MEMORY] = { "trace_30y_mb", N_("Memory: trace of 30 years"), "MB", TARGET_AT_MOST, 20 },
  [FIG_PEAK_RSS] = { "peak_rss_30y_run_mb", N_("Peak RSS of a 30-year run"), "MB",
                     TARGET_AT_MOST, 60 },
};

typedef struct
{
  gint64 start;
  double start_cpu;
  gint64 first_chunk;
  gint64 first_year;
  double first_year_cpu;
} Bench;

/* Processor time of the whole process so far, in ms: the benchmark runs one thing at a time. */
static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}


static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (GArray *samples)
{
  guint n = samples->len;

  g_array_sort (samples, compare_double);
  if (n % 2)
    return g_array_index (samples, double, n / 2);
  return 0.5 * (g_array_index (samples, double, n / 2 - 1) + g_array_index (samples, double, n / 2));
}

static double
elapsed_ms (gint64 since)
{
  return (g_get_monotonic_time () - since) / 1000.0;
}

/* Sets a figure from its samples of wall-clock and processor time. */
static void
set_figure (guint id, GArray *wall, GArray *cpu)
{
  figures[id].samples = wall->len;
  figures[id].value = median (wall);
  figures[id].cpu = cpu != NULL ? median (cpu) : -1;
}

/* The progressor with four interventions of different kinds, starting over the first years. */
static GtwScenario *
bench_scenario (int days, gboolean with_interventions, GError **error)
{
  const GtwInterventionType types[] = { GTW_IV_METFORMIN, GTW_IV_EXERCISE, GTW_IV_CARB_REDUCTION,
                                        GTW_IV_PREMEAL_PROTEIN };
  GtwScenario *scenario = gtw_preset_load ("progressor", error);

  if (scenario == NULL)
    return NULL;
  scenario->duration_days = days;
  g_array_set_size (scenario->interventions, 0);
  for (guint i = 0; with_interventions && i < G_N_ELEMENTS (types); i++)
    {
      GtwIntervention iv;
      gtw_intervention_init (&iv, types[i], 365 * (int) (i + 1));
      if (types[i] == GTW_IV_CARB_REDUCTION)
        iv.end_day = 6 * 365;
      g_array_append_val (scenario->interventions, iv);
    }
  return scenario;
}

static void
first_chunk_cb (GtwTrace *trace, guint first, guint n, gpointer user_data)
{
  Bench *bench = user_data;

  if (bench->first_chunk == 0)
    bench->first_chunk = g_get_monotonic_time ();
  if (bench->first_year == 0 && first + n >= 365)
    {
      bench->first_year = g_get_monotonic_time ();
      bench->first_year_cpu = cpu_ms () - bench->start_cpu;
    }
}

/* Runs the scenario; the wall-clock times to the first chunk and to the first year, and the
 * processor time to the first year, in `first`. */
static GtwTrace *
simulate (Bench *bench, const GtwScenario *scenario, GtwIntegrator integrator, double first[3],
          GError **error)
{
  GtwSimOptions options;
  GtwTrace *trace;

  gtw_sim_options_init (&options);
  options.integrator = integrator;
  options.chunk_days = 365;
  options.chunk_func = first_chunk_cb;
  options.chunk_data = bench;
  bench->first_chunk = bench->first_year = 0;
  bench->start = g_get_monotonic_time ();
  bench->start_cpu = cpu_ms ();
  trace = gtw_simulate (scenario, &options, NULL, error);
  if (trace != NULL && first != NULL)
    {
      first[0] = (bench->first_chunk - bench->start) / 1000.0;
      first[1] = (bench->first_year - bench->start) / 1000.0;
      first[2] = bench->first_year_cpu;
    }
  return trace;
}

/* Runs the 10-year figures; leaves the last fast trace for the day and OGTT figures. */
static GtwTrace *
bench_simulation (Bench *bench, guint reps, GError **error)
{
  g_autoptr (GtwScenario) scenario = bench_scenario (BENCH_DAYS_10Y, TRUE, error);
  g_autoptr (GArray) first_days = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) first_year = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) first_year_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) total = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) total_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) reference = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) reference_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  GtwTrace *trace = NULL;

  if (scenario == NULL)
    return NULL;
  for (guint r = 0; r <= reps; r++)
    {
      double first[3] = { 0 }, ms, cpu = cpu_ms ();

      g_clear_pointer (&trace, gtw_trace_unref);
      if (!(trace = simulate (bench, scenario, GTW_INTEGRATOR_FAST, first, error)))
        return NULL;
      ms = elapsed_ms (bench->start);
      cpu = cpu_ms () - cpu;
      if (r == 0)
        continue; /* warm-up */
      g_array_append_val (total, ms);
      g_array_append_val (total_cpu, cpu);
      g_array_append_val (first_days, first[0]);
      g_array_append_val (first_year, first[1]);
      g_array_append_val (first_year_cpu, first[2]);
    }
  /* the fast runs have warmed up the caches */
  for (guint r = 0; r < MIN (reps, REFERENCE_RUNS); r++)
    {
      double cpu = cpu_ms (), ms;
      g_autoptr (GtwTrace) slow = simulate (bench, scenario, GTW_INTEGRATOR_REFERENCE, NULL, error);

      ms = elapsed_ms (bench->start);
      cpu = cpu_ms () - cpu;
      if (slow == NULL)
        {
          gtw_trace_unref (trace);
          return NULL;
        }
      g_array_append_val (reference, ms);
      g_array_append_val (reference_cpu, cpu);
    }
  set_figure (FIG_FAST, total, total_cpu);
  set_figure (FIG_FIRST_DAYS, first_days, NULL);
  set_figure (FIG_FIRST_YEAR, first_year, first_year_cpu);
  set_figure (FIG_REFERENCE, reference, reference_cpu);
  figures[FIG_SPEEDUP].value = figures[FIG_REFERENCE].value / figures[FIG_FAST].value;
  figures[FIG_SPEEDUP].cpu = figures[FIG_REFERENCE].cpu / figures[FIG_FAST].cpu;
  return trace;
}

static gboolean
bench_replay (GtwTrace *trace, guint reps, GError **error)
{
  g_autoptr (GArray) day = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) day_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) ogtt = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) ogtt_cpu = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint r = 0; r <= reps; r++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu = cpu_ms ();
      g_autoptr (GtwDayDetail) detail = gtw_trace_simulate_day (trace, BENCH_DAY, error);
      double day_ms = elapsed_ms (start), day_cpu_ms = cpu_ms () - cpu;
      g_autoptr (GtwOgttResult) result = NULL;
      double ogtt_ms, ogtt_cpu_ms;

      start = g_get_monotonic_time ();
      cpu = cpu_ms ();
      result = gtw_trace_run_ogtt (trace, BENCH_DAY, error);
      ogtt_ms = elapsed_ms (start);
      ogtt_cpu_ms = cpu_ms () - cpu;
      if (detail == NULL || result == NULL)
        return FALSE;
      if (r == 0)
        continue;
      g_array_append_val (day, day_ms);
      g_array_append_val (day_cpu, day_cpu_ms);
      g_array_append_val (ogtt, ogtt_ms);
      g_array_append_val (ogtt_cpu, ogtt_cpu_ms);
    }
  set_figure (FIG_DAY, day, day_cpu);
  set_figure (FIG_OGTT, ogtt, ogtt_cpu);
  return TRUE;
}

/* Wall-clock seconds of a population run; its processor seconds in `cpu`. */
static double
population_seconds (const GtwScenario *scenario, guint n, guint threads, double *cpu,
                    GError **error)
{
  g_autoptr (GtwPopulation) pop = NULL;
  GtwPopulationOptions options;
  gint64 start = g_get_monotonic_time ();
  double cpu_start = cpu_ms ();

  gtw_population_options_init (&options);
  options.n_patients = n;
  options.n_threads = threads;
  if (!(pop = gtw_population_run (scenario, &options, NULL, error)))
    return -1;
  *cpu = (cpu_ms () - cpu_start) / 1000.0;
  return elapsed_ms (start) / 1000.0;
}

/* 200 patients on all cores; the parallel speed-up on a smaller population, one thread against
 * all cores, so that the single-threaded runs stay affordable. */
static gboolean
bench_population (guint reps, GError **error)
{
  g_autoptr (GtwScenario) scenario = bench_scenario (BENCH_DAYS_10Y, FALSE, error);
  g_autoptr (GArray) full = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) full_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) ratio = g_array_new (FALSE, FALSE, sizeof (double));
  double cpu;

  if (scenario == NULL || population_seconds (scenario, 4, 0, &cpu, error) < 0) /* warm-up */
    return FALSE;
  for (guint r = 0; r < reps; r++)
    {
      double all_cpu, one_cpu, many_cpu;
      double all = population_seconds (scenario, BENCH_PATIENTS, 0, &all_cpu, error);
      double one = population_seconds (scenario, SPEEDUP_PATIENTS, 1, &one_cpu, error);
      double many = population_seconds (scenario, SPEEDUP_PATIENTS, 0, &many_cpu, error);
      double q;

      if (all < 0 || one < 0 || many < 0)
        return FALSE;
      q = one / many;
      g_array_append_val (full, all);
      g_array_append_val (full_cpu, all_cpu);
      g_array_append_val (ratio, q);
    }
  set_figure (FIG_POPULATION, full, full_cpu);
  set_figure (FIG_PARALLEL, ratio, NULL);
  return TRUE;
}

static gboolean
bench_render (Bench *bench, guint reps, GError **error)
{
  g_autoptr (GtwScenario) scenario = bench_scenario (BENCH_DAYS_30Y, TRUE, error);
  g_autoptr (GtwTrace) trace = NULL;
  g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) samples_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  GtwFigureOptions options;

  if (scenario == NULL || !gtw_figure_available (error)
      || !(trace = simulate (bench, scenario, GTW_INTEGRATOR_FAST, NULL, error)))
    return FALSE;

  gtw_figure_options_init (&options);
  options.view = GTW_FIGURE_VIEW_DECADE;
  options.width = 1000;
  options.height = 800;
  for (guint r = 0; r <= reps; r++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1000, 800);
      cairo_t *cr = cairo_create (surface);
      gint64 start = g_get_monotonic_time ();
      double cpu = cpu_ms ();
      gboolean ok = gtw_figure_draw_trace (cr, &options, trace, NULL, error);
      double ms;

      cairo_surface_flush (surface);
      ms = elapsed_ms (start);
      cpu = cpu_ms () - cpu;
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      if (!ok)
        return FALSE;
      if (r > 0)
        {
          g_array_append_val (samples, ms);
          g_array_append_val (samples_cpu, cpu);
        }
    }
  set_figure (FIG_RENDER, samples, samples_cpu);
  figures[FIG_TRACE_MEMORY].value = gtw_trace_get_memory_size (trace) / (1024.0 * 1024.0);
  return TRUE;
}

/* A child `glucotwin-cli run` of 30 years; its peak RSS from getrusage. */
static gboolean
bench_peak_rss (GError **error)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", error);
  g_autofree char *days = g_strdup_printf ("%d", BENCH_DAYS_30Y);
  g_autoptr (GSubprocess) child = NULL;
  struct rusage usage;

  if (self == NULL)
    return FALSE;
  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, error, self, "run", "--preset",
                            "progressor", "--days", days, NULL);
  if (child == NULL || !g_subprocess_wait_check (child, NULL, error))
    return FALSE;
  if (getrusage (RUSAGE_CHILDREN, &usage) != 0)
    {
      g_set_error_literal (error, GTW_CLI_ERROR, GTW_CLI_ERROR_INTERNAL, _("getrusage failed"));
      return FALSE;
    }
  figures[FIG_PEAK_RSS].value = usage.ru_maxrss / 1024.0; /* kB on Linux */
  return TRUE;
}

static const char *
verdict (const Figure *f)
{
  switch (f->kind)
    {
    case TARGET_AT_MOST: return f->value <= f->target ? "pass" : "miss";
    case TARGET_AT_LEAST: return f->value >= f->target ? "pass" : "miss";
    case TARGET_NONE:
    default: return NULL;
    }
}

static void
append_text (GString *out, guint reps, double load)
{
  g_string_append_printf (out, _("Glucotwin benchmark: medians after a warm-up of the number of "
                                 "runs shown (--repetitions %u); %u processors; load average %.2f\n\n"),
                          reps, g_get_num_processors (), load);
  g_string_append_printf (out, "%-62s %12s %14s %5s   %s\n", _("Figure"), _("Measured"),
                          _("Processor time"), _("Runs"), _("Target"));
  for (guint i = 0; i < N_FIGURES; i++)
    {
      const Figure *f = &figures[i];
      g_autofree char *value = g_strdup_printf ("%.*f %s", f->value < 10 ? 2 : 1, f->value, f->unit);
      g_autofree char *cpu = f->cpu > 0 ? g_strdup_printf ("%.*f %s", f->cpu < 10 ? 2 : 1, f->cpu, f->unit)
                                        : g_strdup ("");
      g_autofree char *runs = f->samples > 0 ? g_strdup_printf ("%u", f->samples) : g_strdup ("");
      g_autofree char *target = f->kind == TARGET_NONE ? g_strdup (_("reported"))
                                : g_strdup_printf ("%s %g %s", f->kind == TARGET_AT_MOST ? "<=" : ">=",
                                                   f->target, f->unit);
      g_string_append_printf (out, "%-62s %12s %14s %5s   %-12s %s\n", _(f->label), value, cpu, runs,
                              target, verdict (f) ? verdict (f) : "");
    }
}

static void
append_json (GString *out, guint reps, double load)
{
  g_string_append_printf (out, "{\"repetitions\": %u, \"processors\": %u, \"load_average\": ", reps,
                          g_get_num_processors ());
  gtw_cli_append_double (out, load, TRUE);
  g_string_append (out, ", \"figures\": [");
  for (guint i = 0; i < N_FIGURES; i++)
    {
      const Figure *f = &figures[i];

      g_string_append_printf (out, "%s\n  {\"id\": \"%s\", \"label\": ", i ? "," : "", f->id);
      gtw_cli_append_json_string (out, _(f->label));
      g_string_append_printf (out, ", \"unit\": \"%s\", \"value\": ", f->unit);
      gtw_cli_append_double (out, f->value, TRUE);
      g_string_append (out, ", \"cpu\": ");
      if (f->cpu > 0)
        gtw_cli_append_double (out, f->cpu, TRUE);
      else
        g_string_append (out, "null");
      g_string_append_printf (out, ", \"runs\": %u", f->samples);
      g_string_append (out, ", \"target\": ");
      if (f->kind == TARGET_NONE)
        g_string_append (out, "null, \"comparison\": null, \"pass\": null}");
      else
        {
          gtw_cli_append_double (out, f->target, TRUE);
          g_string_append_printf (out, ", \"comparison\": \"%s\", \"pass\": %s}",
                                  f->kind == TARGET_AT_MOST ? "<=" : ">=",
                                  g_str_equal (verdict (f), "pass") ? "true" : "false");
        }
    }
  g_string_append (out, "]}\n");
}

gboolean
gtw_cli_cmd_bench (GtwCli *cli, GError **error)
{
  g_autoptr (GtwTrace) trace = NULL;
  Bench bench = { 0 };
  guint reps = cli->repetitions > 0 ? (guint) cli->repetitions : 5;
  double load = 0;

  if (cli->repetitions < 0 || cli->repetitions > 100)
    {
      g_set_error (error, GTW_CLI_ERROR, GTW_CLI_ERROR_USAGE,
                   _("--repetitions %d is out of range (1-100)"), cli->repetitions);
      return FALSE;
    }
  if (!(trace = bench_simulation (&bench, reps, error)) || !bench_replay (trace, reps, error)
      || !bench_population (reps, error) || !bench_render (&bench, reps, error)
      || !bench_peak_rss (error))
    return FALSE;

  getloadavg (&load, 1);
  if (cli->json)
    append_json (cli->out, reps, load);
  else
    append_text (cli->out, reps, load);
  return TRUE;
}
