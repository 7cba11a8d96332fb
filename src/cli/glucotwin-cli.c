/* glucotwin-cli.c: the Glucotwin engine on the command line
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The commands and their columns are a contract (docs/interfaces.md, section 2). Exit status 0 on
 * success, 1 on a scenario or usage error, 2 on an internal failure, with one line on standard
 * error that names the problem.
 */
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "gtw-cli.h"
#include "gtw-figure.h"

#define PROGRAM "glucotwin-cli"

G_DEFINE_QUARK (gtw-cli-error-quark, gtw_cli_error)

typedef struct
{
  const char     *name;
  const char     *parameters;
  const char     *summary;
  GtwCliOptionSet options;
  guint           n_args; /* positional arguments besides the scenario */
  gboolean      (*run) (GtwCli *cli, GError **error);
} Command;

static const Command commands[] = {
  { "presets", "", N_("List the preset scenarios: one id and its title per line"), 0, 0,
    gtw_cli_cmd_presets },
  { "preset", "NAME", N_("Print a preset as a scenario file"), 0, 1, gtw_cli_cmd_preset },
  { "parameters", "", N_("Every patient parameter and model constant: range, default and source"),
    GTW_CLI_OPT_FORMAT, 0, gtw_cli_cmd_parameters },
  { "validate", "FILE", N_("Check a scenario file; print nothing when it is valid"),
    GTW_CLI_OPT_SCENARIO, 0, gtw_cli_cmd_validate },
  { "run", "FILE", N_("Simulate the scenario; one row per day"),
    GTW_CLI_OPT_SCENARIO | GTW_CLI_OPT_FORMAT | GTW_CLI_OPT_BASELINE | GTW_CLI_OPT_SIMULATE, 0,
    gtw_cli_cmd_run },
  { "day", "FILE --day N", N_("One row per minute of day N"),
    GTW_CLI_OPT_SCENARIO | GTW_CLI_OPT_FORMAT | GTW_CLI_OPT_DAY | GTW_CLI_OPT_SIMULATE, 0,
    gtw_cli_cmd_day },
  { "ogtt", "FILE --day N", N_("A 75 g oral glucose tolerance test on day N"),
    GTW_CLI_OPT_SCENARIO | GTW_CLI_OPT_FORMAT | GTW_CLI_OPT_DAY | GTW_CLI_OPT_SIMULATE, 0,
    gtw_cli_cmd_ogtt },
  { "markers", "FILE --day N", N_("The clinical markers of day N as one JSON object"),
    GTW_CLI_OPT_SCENARIO | GTW_CLI_OPT_JSON | GTW_CLI_OPT_DAY | GTW_CLI_OPT_SIMULATE, 0,
    gtw_cli_cmd_markers },
  { "plot", "FILE -o OUT.{png,svg,pdf}", N_("Draw the four-panel figure the app draws"),
    GTW_CLI_OPT_SCENARIO | GTW_CLI_OPT_BASELINE | GTW_CLI_OPT_DAY | GTW_CLI_OPT_PLOT
      | GTW_CLI_OPT_UNITS | GTW_CLI_OPT_SIMULATE,
    0, gtw_cli_cmd_plot },
  { "summary", "FILE", N_("A yearly summary table for people"),
    GTW_CLI_OPT_SCENARIO | GTW_CLI_OPT_UNITS | GTW_CLI_OPT_SIMULATE, 0, gtw_cli_cmd_summary },
  { "population", "FILE --n N [--seed S]",
    N_("N virtual patients around the scenario's patient: onsets and yearly percentiles"),
    GTW_CLI_OPT_SCENARIO | GTW_CLI_OPT_FORMAT | GTW_CLI_OPT_POPULATION | GTW_CLI_OPT_SIMULATE, 0,
    gtw_cli_cmd_population },
  { "bench", "", N_("The performance figures of the engine on this machine"),
    GTW_CLI_OPT_JSON | GTW_CLI_OPT_BENCH, 0, gtw_cli_cmd_bench },
};

/* ---------------------------------------------------------------------------------------- */
/* Errors                                                                                   */

static int
exit_status_for (const GError *error)
{
  if (error->domain == GTW_SIM_ERROR)
    return error->code == GTW_SIM_ERROR_DAY ? 1 : 2;
  if (error->domain == GTW_FIGURE_ERROR)
    return error->code == GTW_FIGURE_ERROR_FORMAT || error->code == GTW_FIGURE_ERROR_NO_DATA ? 1 : 2;
  if (error->domain == GTW_CLI_ERROR)
    return error->code == GTW_CLI_ERROR_USAGE ? 1 : 2;
  /* scenario errors, option parsing, files that cannot be read or written */
  if (error->domain == GTW_SCENARIO_ERROR || error->domain == G_OPTION_ERROR
      || error->domain == G_FILE_ERROR || error->domain == G_IO_ERROR)
    return 1;
  return 2;
}

/* One line, whatever the message holds. */
static void
print_error (const char *command, const char *message)
{
  g_autoptr (GString) line = g_string_new (PROGRAM ": ");

  if (command != NULL)
    g_string_append_printf (line, "%s: ", command);
  for (const char *p = message; *p; p++)
    g_string_append_c (line, *p == '\n' || *p == '\r' ? ' ' : *p);
  while (line->len > 0 && line->str[line->len - 1] == ' ')
    g_string_truncate (line, line->len - 1);
  fprintf (stderr, "%s\n", line->str);
}

/* ---------------------------------------------------------------------------------------- */
/* Scenarios and simulation, shared by the commands                                          */

static char *
read_stdin (GError **error)
{
  g_autoptr (GString) data = g_string_new (NULL);
  char buffer[8192];
  size_t n;

  while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
    {
      g_string_append_len (data, buffer, n);
      if (data->len > GTW_SCENARIO_MAX_FILE_SIZE)
        {
          g_set_error (error, GTW_SCENARIO_ERROR, GTW_SCENARIO_ERROR_TOO_LARGE,
                       _("the scenario is larger than %d bytes"), GTW_SCENARIO_MAX_FILE_SIZE);
          return NULL;
        }
    }
  if (ferror (stdin))
    {
      g_set_error_literal (error, GTW_CLI_ERROR, GTW_CLI_ERROR_USAGE,
                           _("cannot read the scenario from standard input"));
      return NULL;
    }
  return g_string_free (g_steal_pointer (&data), FALSE);
}

static char *
read_scenario_file (const char *path, gsize *length, GError **error)
{
  GStatBuf st;
  char *data = NULL;

  if (g_stat (path, &st) == 0 && st.st_size > GTW_SCENARIO_MAX_FILE_SIZE)
    {
      g_set_error (error, GTW_SCENARIO_ERROR, GTW_SCENARIO_ERROR_TOO_LARGE,
                   _("the scenario is larger than %d bytes"), GTW_SCENARIO_MAX_FILE_SIZE);
      return NULL;
    }
  if (!g_file_get_contents (path, &data, length, error))
    return NULL;
  return data;
}

GtwScenario *
gtw_cli_load_scenario (GtwCli *cli, GError **error)
{
  g_autoptr (GtwScenario) scenario = NULL;
  g_autoptr (GError) local_error = NULL;

  if (cli->preset != NULL)
    {
      scenario = gtw_preset_load (cli->preset, &local_error);
      if (scenario == NULL)
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "--preset %s: ",
                                      cli->preset);
          return NULL;
        }
    }
  else
    {
      const char *path = cli->args[0];
      const char *shown = g_str_equal (path, "-") ? _("standard input") : path;
      g_autofree char *data = NULL;
      gsize length = 0;

      if (g_str_equal (path, "-"))
        {
          data = read_stdin (&local_error);
          length = data != NULL ? strlen (data) : 0;
        }
      else
        data = read_scenario_file (path, &length, &local_error);

      if (data != NULL)
        scenario = gtw_scenario_load_data (data, (gssize) length, &local_error);
      if (scenario == NULL)
        {
          /* GFileError messages already name the file */
          if (local_error->domain == G_FILE_ERROR)
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", shown);
          return NULL;
        }
    }

  if (cli->days != 0)
    {
      if (cli->days < 1 || cli->days > GTW_SCENARIO_MAX_DAYS)
        {
          g_set_error (error, GTW_CLI_ERROR, GTW_CLI_ERROR_USAGE,
                       _("--days %d is out of range (1-%d)"), cli->days, GTW_SCENARIO_MAX_DAYS);
          return NULL;
        }
      scenario->duration_days = cli->days;
    }

  return g_steal_pointer (&scenario);
}

GtwScenario *
gtw_cli_scenario_to_day (GtwCli *cli, const GtwScenario *scenario, GError **error)
{
  GtwScenario *copy;

  if (cli->day < 0)
    {
      g_set_error_literal (error, GTW_CLI_ERROR, GTW_CLI_ERROR_USAGE, _("--day N is required"));
      return NULL;
    }
  if (cli->day >= scenario->duration_days)
    {
      g_set_error (error, GTW_CLI_ERROR, GTW_CLI_ERROR_USAGE,
                   _("--day %d is outside the run (days 0-%d)"), cli->day,
                   scenario->duration_days - 1);
      return NULL;
    }

  /* nothing long after day N is needed: the fast integrator draws day N from the exact days
   * around it, so the run goes on a little past it to report what the whole run reports */
  copy = gtw_scenario_copy (scenario);
  copy->duration_days = MIN (scenario->duration_days, cli->day + 1 + GTW_FAST_LOOKAHEAD_DAYS);
  return copy;
}

typedef struct
{
  gint64      start;
  const char *what;
  gboolean    shown;
  int         last_percent;
} Progress;

static void
progress_cb (double fraction, gpointer user_data)
{
  Progress *progress = user_data;
  int percent = (int) CLAMP (fraction * 100, 0, 100);

  if (!progress->shown && g_get_monotonic_time () - progress->start < G_USEC_PER_SEC)
    return;
  if (percent == progress->last_percent)
    return;
  progress->shown = TRUE;
  progress->last_percent = percent;
  fprintf (stderr, "\r" PROGRAM ": %s %3d%%", progress->what, percent);
  fflush (stderr);
}

GtwTrace *
gtw_cli_simulate (GtwCli *cli, const GtwScenario *scenario, gboolean with_interventions, GError **error)
{
  GtwSimOptions options;
  Progress progress = { 0 };
  GtwTrace *trace;

  gtw_sim_options_init (&options);
  options.with_interventions = with_interventions;
  /* The multirate integrator is the default; --fast is accepted and says so explicitly. */
  options.integrator = cli->reference ? GTW_INTEGRATOR_REFERENCE : GTW_INTEGRATOR_FAST;

  if (isatty (STDERR_FILENO))
    {
      progress.start = g_get_monotonic_time ();
      progress.what = with_interventions ? _("simulating") : _("simulating the baseline");
      progress.last_percent = -1;
      options.progress_func = progress_cb;
      options.progress_data = &progress;
    }

  trace = gtw_simulate (scenario, &options, NULL, error);

  if (progress.shown)
    {
      fprintf (stderr, "\r%*s\r", (int) (strlen (PROGRAM) + strlen (progress.what) + 8), "");
      fflush (stderr);
    }
  return trace;
}

/* ---------------------------------------------------------------------------------------- */
/* Options                                                                                  */

static GArray *
option_entries (GtwCli *cli, GtwCliOptionSet set)
{
  GArray *entries = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));
  const GOptionEntry all[] = {
    { "preset", 0, 0, G_OPTION_ARG_STRING, &cli->preset, N_("Use the preset NAME instead of a file"),
      "NAME" },
    { "days", 0, 0, G_OPTION_ARG_INT, &cli->days, N_("Override the scenario's duration"), "N" },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &cli->csv, N_("Comma-separated values (the default)"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_("JSON"), NULL },
    { "with-baseline", 0, 0, G_OPTION_ARG_NONE, &cli->with_baseline,
      N_("Also run the scenario without its interventions"), NULL },
    { "day", 0, 0, G_OPTION_ARG_INT, &cli->day, N_("The day, 0 being the first"), "N" },
    { "view", 0, 0, G_OPTION_ARG_STRING, &cli->view, N_("decade (the whole run) or day"), "VIEW" },
    { "width", 0, 0, G_OPTION_ARG_INT, &cli->width, N_("Figure width in pixels (1000)"), "W" },
    { "height", 0, 0, G_OPTION_ARG_INT, &cli->height, N_("Figure height in pixels (800)"), "H" },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &cli->dark, N_("Dark background"), NULL },
    { "units", 0, 0, G_OPTION_ARG_STRING, &cli->units,
      N_("mmol (SI, the default) or mgdl (mg/dL, µU/mL, ng/mL)"), "UNITS" },
    { "reference", 0, 0, G_OPTION_ARG_NONE, &cli->reference,
      N_("Use the reference integrator (CVODE every day; slower)"), NULL },
    { "fast", 0, 0, G_OPTION_ARG_NONE, &cli->fast, N_("Use the fast multirate integrator (the default)"), NULL },
    { "n", 0, 0, G_OPTION_ARG_INT, &cli->n_patients, N_("Number of virtual patients"), "N" },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &cli->seed,
      N_("Seed of the population (default: the scenario's)"), "S" },
    { "repetitions", 0, 0, G_OPTION_ARG_INT, &cli->repetitions,
      N_("Timed repetitions of every figure after the warm-up (5)"), "N" },
  };
  const GtwCliOptionSet sets[] = {
    GTW_CLI_OPT_SCENARIO, GTW_CLI_OPT_SCENARIO, GTW_CLI_OPT_FORMAT,
    GTW_CLI_OPT_FORMAT | GTW_CLI_OPT_JSON, GTW_CLI_OPT_BASELINE, GTW_CLI_OPT_DAY,
    GTW_CLI_OPT_PLOT, GTW_CLI_OPT_PLOT, GTW_CLI_OPT_PLOT, GTW_CLI_OPT_PLOT, GTW_CLI_OPT_UNITS,
    GTW_CLI_OPT_SIMULATE, GTW_CLI_OPT_SIMULATE, GTW_CLI_OPT_POPULATION, GTW_CLI_OPT_POPULATION,
    GTW_CLI_OPT_BENCH,
  };
  const GOptionEntry output = { "output", 'o', 0, G_OPTION_ARG_FILENAME, &cli->output,
                                N_("Write to FILE instead of standard output"), "FILE" };

  G_STATIC_ASSERT (G_N_ELEMENTS (all) == G_N_ELEMENTS (sets));

  g_array_append_val (entries, output);
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    if (set & sets[i])
      g_array_append_val (entries, all[i]);
  return entries;
}

static gboolean
parse_command_line (GtwCli *cli, const Command *command, int argc, char **argv, GError **error)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GArray) entries = option_entries (cli, command->options);
  g_autofree char *parameters = g_strdup_printf ("%s %s", command->name, command->parameters);
  guint n_args;

  context = g_option_context_new (parameters);
  g_option_context_set_summary (context, _(command->summary));
  g_option_context_add_main_entries (context, (const GOptionEntry *) entries->data, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  /* argv[0] is the command; GOption skips it like a program name */
  if (!g_option_context_parse (context, &argc, &argv, error))
    return FALSE;

  cli->args = g_new0 (char *, argc);
  for (int i = 1; i < argc; i++)
    cli->args[i - 1] = g_strdup (argv[i]);
  n_args = argc - 1;

  if (command->options & GTW_CLI_OPT_SCENARIO)
    {
      if (cli->preset != NULL && n_args != command->n_args)
        {
          g_set_error (error, GTW_CLI_ERROR, GTW_CLI_ERROR_USAGE,
                       _("give either a scenario FILE or --preset NAME, not both"));
          return FALSE;
        }
      if (cli->preset == NULL && n_args != command->n_args + 1)
        {
          g_set_error (error, GTW_CLI_ERROR, GTW_CLI_ERROR_USAGE,
                       _("expected one scenario FILE ('-' for standard input) or --preset NAME"));
          return FALSE;
        }
    }
  else if (n_args != command->n_args)
    {
      g_set_error (error, GTW_CLI_ERROR, GTW_CLI_ERROR_USAGE, _("expected %s"),
                   *command->parameters ? command->parameters : _("no arguments"));
      return FALSE;
    }

  if (cli->csv && cli->json)
    {
      g_set_error_literal (error, GTW_CLI_ERROR, GTW_CLI_ERROR_USAGE,
                           _("--csv and --json exclude each other"));
      return FALSE;
    }
  if (cli->reference && cli->fast)
    {
      g_set_error_literal (error, GTW_CLI_ERROR, GTW_CLI_ERROR_USAGE,
                           _("--reference and --fast exclude each other"));
      return FALSE;
    }
  if ((command->options & GTW_CLI_OPT_DAY) && cli->day < -1)
    {
      g_set_error (error, GTW_CLI_ERROR, GTW_CLI_ERROR_USAGE, _("--day %d is negative"), cli->day);
      return FALSE;
    }
  return TRUE;
}

static void
print_usage (FILE *stream)
{
  fprintf (stream, _("Usage: %s COMMAND [OPTION…]\n\nCommands:\n"), PROGRAM);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, _("\nEvery command takes -o FILE and --help. Exit status: 0 success, "
                     "1 scenario or usage error, 2 internal failure.\n"));
}

static const Command *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      return &commands[i];
  return NULL;
}

/* ---------------------------------------------------------------------------------------- */
/* Output                                                                                   */

static gboolean
write_output (GtwCli *cli, GError **error)
{
  if (cli->output_done)
    return TRUE;
  if (cli->output != NULL)
    return g_file_set_contents_full (cli->output, cli->out->str, cli->out->len,
                                     G_FILE_SET_CONTENTS_CONSISTENT, 0666, error);

  if (fwrite (cli->out->str, 1, cli->out->len, stdout) != cli->out->len || fflush (stdout) != 0)
    {
      g_set_error_literal (error, GTW_CLI_ERROR, GTW_CLI_ERROR_INTERNAL,
                           _("cannot write to standard output"));
      return FALSE;
    }
  return TRUE;
}

static void
gtw_cli_clear (GtwCli *cli)
{
  g_free (cli->preset);
  g_free (cli->output);
  g_free (cli->view);
  g_free (cli->units);
  g_free (cli->seed);
  g_strfreev (cli->args);
  if (cli->out != NULL)
    g_string_free (cli->out, TRUE);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  const Command *command;
  GtwCli cli = { 0 };
  int status = 0;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname (PROGRAM);

  if (argc < 2)
    {
      print_error (NULL, _("no command given (try --help)"));
      return 1;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")
      || g_str_equal (argv[1], "help"))
    {
      print_usage (stdout);
      return 0;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      printf ("%s %s\n", PROGRAM, PACKAGE_VERSION);
      return 0;
    }

  command = find_command (argv[1]);
  if (command == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("unknown command '%s' (try --help)"), argv[1]);

      print_error (NULL, message);
      return 1;
    }

  cli.command = command->name;
  cli.day = -1;
  cli.out = g_string_new (NULL);

  if (!parse_command_line (&cli, command, argc - 1, argv + 1, &error)
      || !command->run (&cli, &error)
      || !write_output (&cli, &error))
    {
      print_error (command->name, error->message);
      status = exit_status_for (error);
    }

  gtw_cli_clear (&cli);
  return status;
}
