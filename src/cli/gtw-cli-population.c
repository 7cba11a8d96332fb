/* gtw-cli-population.c: glucotwin-cli population
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CSV: one row per year (the day, then every percentile of the markers interfaces.md lists), then
 * the incidence and the onset day of every patient as `#` lines, as `ogtt` does with its summary.
 * JSON: the same as one object, with the percentiles of every marker of the population (fasting
 * insulin and C-peptide too, as fields after the listed ones).
 */
#include <glib/gi18n.h>

#include "gtw-cli.h"

/* The columns of the CSV table, in the contract's order. */
static const GtwPopulationMarker table_markers[] = {
  GTW_POPULATION_FASTING_GLUCOSE,
  GTW_POPULATION_HBA1C,
  GTW_POPULATION_BETA_CELL_MASS,
};

static GtwPopulation *
run_population (GtwCli *cli, const GtwScenario *scenario, GError **error)
{
  GtwPopulationOptions options;

  if (cli->n_patients < 1 || cli->n_patients > GTW_CLI_MAX_PATIENTS)
    {
      g_set_error (error, GTW_CLI_ERROR, GTW_CLI_ERROR_USAGE,
                   _("--n N is required, between 1 and %d"), GTW_CLI_MAX_PATIENTS);
      return NULL;
    }
  gtw_population_options_init (&options);
  options.n_patients = (guint) cli->n_patients;
  options.seed = cli->seed != NULL ? g_ascii_strtoull (cli->seed, NULL, 10) : scenario->seed;
  options.integrator = cli->reference ? GTW_INTEGRATOR_REFERENCE : GTW_INTEGRATOR_FAST;
  return gtw_population_run (scenario, &options, NULL, error);
}

static gboolean
parse_seed (GtwCli *cli, GError **error)
{
  guint64 value;

  if (cli->seed == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (cli->seed, 10, 0, G_MAXUINT64, &value, NULL))
    {
      g_set_error (error, GTW_CLI_ERROR, GTW_CLI_ERROR_USAGE,
                   _("--seed %s is not a non-negative integer"), cli->seed);
      return FALSE;
    }
  return TRUE;
}

static void
append_csv (GString *out, const GtwPopulation *pop)
{
  const double *levels = gtw_population_percentile_levels ();

  g_string_append (out, "year,day");
  for (guint m = 0; m < G_N_ELEMENTS (table_markers); m++)
    for (guint k = 0; k < GTW_POPULATION_N_PERCENTILES; k++)
      g_string_append_printf (out, ",%s_p%d", gtw_population_marker_name (table_markers[m]),
                              (int) levels[k]);
  g_string_append_c (out, '\n');

  for (guint y = 0; y < gtw_population_get_n_years (pop); y++)
    {
      g_string_append_printf (out, "%u,%u", y, gtw_population_get_year_day (pop, y));
      for (guint m = 0; m < G_N_ELEMENTS (table_markers); m++)
        for (guint k = 0; k < GTW_POPULATION_N_PERCENTILES; k++)
          {
            g_string_append_c (out, ',');
            gtw_cli_append_double (out, gtw_population_get_percentile (pop, table_markers[m], y, k),
                                   FALSE);
          }
      g_string_append_c (out, '\n');
    }

  g_string_append (out, "# incidence=");
  gtw_cli_append_double (out, gtw_population_get_incidence (pop), FALSE);
  g_string_append (out, "\n# onset_day=");
  for (guint i = 0; i < gtw_population_get_n_patients (pop); i++)
    {
      int onset = gtw_population_get_onset (pop, i);
      if (i > 0)
        g_string_append_c (out, ',');
      if (onset >= 0)
        g_string_append_printf (out, "%d", onset);
      else
        g_string_append (out, "none");
    }
  g_string_append_c (out, '\n');
}

static void
append_json (GString *out, const GtwPopulation *pop, guint64 seed)
{
  const double *levels = gtw_population_percentile_levels ();

  g_string_append_printf (out, "{\"n\": %u, \"seed\": %" G_GUINT64_FORMAT ", \"percentiles\": [",
                          gtw_population_get_n_patients (pop), seed);
  for (guint k = 0; k < GTW_POPULATION_N_PERCENTILES; k++)
    g_string_append_printf (out, "%s%d", k ? ", " : "", (int) levels[k]);
  g_string_append (out, "],\n \"years\": [");
  for (guint y = 0; y < gtw_population_get_n_years (pop); y++)
    {
      g_string_append_printf (out, "%s\n  {\"year\": %u, \"day\": %u", y ? "," : "", y,
                              gtw_population_get_year_day (pop, y));
      for (guint m = 0; m < GTW_POPULATION_N_MARKERS; m++)
        {
          g_string_append_printf (out, ", \"%s\": [", gtw_population_marker_name (m));
          for (guint k = 0; k < GTW_POPULATION_N_PERCENTILES; k++)
            {
              if (k > 0)
                g_string_append (out, ", ");
              gtw_cli_append_double (out, gtw_population_get_percentile (pop, m, y, k), TRUE);
            }
          g_string_append_c (out, ']');
        }
      g_string_append_c (out, '}');
    }
  g_string_append (out, "],\n \"incidence\": ");
  gtw_cli_append_double (out, gtw_population_get_incidence (pop), TRUE);
  g_string_append (out, ",\n \"onset_day\": [");
  for (guint i = 0; i < gtw_population_get_n_patients (pop); i++)
    {
      int onset = gtw_population_get_onset (pop, i);
      if (i > 0)
        g_string_append (out, ", ");
      if (onset >= 0)
        g_string_append_printf (out, "%d", onset);
      else
        g_string_append (out, "null");
    }
  g_string_append (out, "]}\n");
}

gboolean
gtw_cli_cmd_population (GtwCli *cli, GError **error)
{
  g_autoptr (GtwScenario) scenario = NULL;
  g_autoptr (GtwPopulation) pop = NULL;

  if (!parse_seed (cli, error) || !(scenario = gtw_cli_load_scenario (cli, error))
      || !(pop = run_population (cli, scenario, error)))
    return FALSE;

  if (cli->json)
    append_json (cli->out, pop, cli->seed != NULL ? g_ascii_strtoull (cli->seed, NULL, 10)
                                                  : scenario->seed);
  else
    append_csv (cli->out, pop);
  return TRUE;
}
