/* gtw-cli.h: what the commands of glucotwin-cli share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "gtw-model.h"

G_BEGIN_DECLS

#define GTW_CLI_ERROR (gtw_cli_error_quark ())

typedef enum
{
  GTW_CLI_ERROR_USAGE,    /* exit status 1 */
  GTW_CLI_ERROR_INTERNAL, /* exit status 2 */
} GtwCliError;

/* Which options a command accepts. */
typedef enum
{
  GTW_CLI_OPT_SCENARIO = 1 << 0, /* FILE or --preset NAME, and --days N */
  GTW_CLI_OPT_FORMAT   = 1 << 1, /* --csv, --json */
  GTW_CLI_OPT_JSON     = 1 << 2, /* --json only */
  GTW_CLI_OPT_BASELINE = 1 << 3, /* --with-baseline */
  GTW_CLI_OPT_DAY      = 1 << 4, /* --day N */
  GTW_CLI_OPT_PLOT     = 1 << 5, /* --view, --width, --height, --dark */
  GTW_CLI_OPT_UNITS    = 1 << 6, /* --units */
  GTW_CLI_OPT_SIMULATE = 1 << 7, /* --reference, --fast */
  GTW_CLI_OPT_POPULATION = 1 << 8, /* --n, --seed */
  GTW_CLI_OPT_BENCH    = 1 << 9, /* --repetitions */
} GtwCliOptionSet;

#define GTW_CLI_MAX_PATIENTS 100000

typedef struct
{
  const char *command;

  /* options */
  char       *preset;
  char       *output;
  gboolean    csv;
  gboolean    json;
  gboolean    with_baseline;
  int         day;   /* -1 = not given */
  int         days;  /* duration override, 0 = not given */
  char       *view;
  int         width;
  int         height;
  char       *units;
  gboolean    dark;
  gboolean    reference;
  gboolean    fast;
  int         n_patients;  /* --n, 0 = not given */
  char       *seed;        /* --seed, NULL = the scenario's */
  int         repetitions; /* --repetitions, 0 = not given */
  char      **args;  /* positional arguments after the command */

  /* state */
  GString    *out;         /* what goes to standard output or -o FILE */
  gboolean    output_done; /* the command wrote -o FILE itself */
} GtwCli;

GQuark       gtw_cli_error_quark     (void);

/* Loads FILE, '-' or --preset NAME, applying --days. */
GtwScenario *gtw_cli_load_scenario   (GtwCli            *cli,
                                      GError           **error);
/* The scenario cut to end on --day N (checked against the run), for the per-day commands. */
GtwScenario *gtw_cli_scenario_to_day (GtwCli            *cli,
                                      const GtwScenario *scenario,
                                      GError           **error);
GtwTrace    *gtw_cli_simulate        (GtwCli            *cli,
                                      const GtwScenario *scenario,
                                      gboolean           with_interventions,
                                      GError           **error);

/* Locale-independent number formatting: %.6g, "nan" in CSV and null in JSON when not finite. */
void         gtw_cli_append_double   (GString           *out,
                                      double             value,
                                      gboolean           json);
void         gtw_cli_append_json_string (GString        *out,
                                         const char     *s);

/* A table written as CSV (header line, then rows) or as {"columns": [...], "rows": [[...]]}. */
typedef struct
{
  GString *out;
  gboolean json;
  guint    n_columns;
  guint    column;
  guint    n_rows;
} GtwCliTable;

void gtw_cli_table_begin      (GtwCliTable       *table,
                               GString           *out,
                               gboolean           json,
                               const char *const *names,
                               guint              n_names);
void gtw_cli_table_row_begin  (GtwCliTable       *table);
void gtw_cli_table_add_double (GtwCliTable       *table,
                               double             value);
void gtw_cli_table_add_int    (GtwCliTable       *table,
                               gint64             value);
void gtw_cli_table_add_string (GtwCliTable       *table,
                               const char        *value);
void gtw_cli_table_row_end    (GtwCliTable       *table);
/* Closes the rows; in JSON the caller may then add `, "key": value` fields. */
void gtw_cli_table_end_rows   (GtwCliTable       *table);
void gtw_cli_table_finish     (GtwCliTable       *table);

/* The commands: each fills cli->out (or writes its own file) and reports errors. */
gboolean gtw_cli_cmd_presets  (GtwCli *cli, GError **error);
gboolean gtw_cli_cmd_parameters (GtwCli *cli, GError **error);
gboolean gtw_cli_cmd_preset   (GtwCli *cli, GError **error);
gboolean gtw_cli_cmd_validate (GtwCli *cli, GError **error);
gboolean gtw_cli_cmd_run      (GtwCli *cli, GError **error);
gboolean gtw_cli_cmd_day      (GtwCli *cli, GError **error);
gboolean gtw_cli_cmd_ogtt     (GtwCli *cli, GError **error);
gboolean gtw_cli_cmd_markers  (GtwCli *cli, GError **error);
gboolean gtw_cli_cmd_plot     (GtwCli *cli, GError **error);
gboolean gtw_cli_cmd_summary  (GtwCli *cli, GError **error);
gboolean gtw_cli_cmd_population (GtwCli *cli, GError **error);
gboolean gtw_cli_cmd_bench    (GtwCli *cli, GError **error);

G_END_DECLS
