/* gtw-cli-commands.c: the commands of glucotwin-cli
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "gtw-cli.h"
#include "gtw-figure.h"

#define DAYS_PER_YEAR 365

/* ---------------------------------------------------------------------------------------- */
/* presets, preset, validate                                                                */

gboolean
gtw_cli_cmd_presets (GtwCli *cli, GError **error)
{
  const char *const *ids = gtw_preset_ids ();

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      g_autoptr (GError) local_error = NULL;
      g_autoptr (GtwScenario) scenario = gtw_preset_load (ids[i], &local_error);

      if (scenario == NULL)
        {
          /* a preset shipped with the program must load */
          g_set_error (error, GTW_CLI_ERROR, GTW_CLI_ERROR_INTERNAL, _("preset %s: %s"), ids[i],
                       local_error->message);
          return FALSE;
        }
      g_string_append_printf (cli->out, "%s\t%s\n", ids[i], scenario->name ? scenario->name : "");
    }
  return TRUE;
}

/* The registry itself, one row per patient parameter and model constant: what a scenario may
 * set and in which range, and where every value comes from. docs/parameters.md is made from it
 * (scripts/parameters-doc). */
gboolean
gtw_cli_cmd_parameters (GtwCli *cli, GError **error)
{
  static const char *const names[] = {
    "id", "scope", "kind", "group", "label", "unit", "min", "max", "default", "choices", "cv",
    "source", "explanation",
  };
  static const char *const kinds[] = {
    [GTW_PARAM_NUMBER] = "number", [GTW_PARAM_BOOLEAN] = "boolean", [GTW_PARAM_CHOICE] = "choice",
  };
  GtwCliTable table;

  gtw_cli_table_begin (&table, cli->out, cli->json, names, G_N_ELEMENTS (names));
  for (guint i = 0; i < GTW_N_PARAMS; i++)
    {
      const GtwParamInfo *info = gtw_registry_get ((GtwParamId) i);
      g_autofree char *choices = info->choices != NULL ? g_strjoinv ("|", (char **) info->choices)
                                                       : g_strdup ("");

      gtw_cli_table_row_begin (&table);
      gtw_cli_table_add_string (&table, info->id);
      gtw_cli_table_add_string (&table, gtw_param_is_patient ((GtwParamId) i) ? "patient" : "constant");
      gtw_cli_table_add_string (&table, kinds[info->kind]);
      gtw_cli_table_add_string (&table, gtw_param_group_label (info->group));
      gtw_cli_table_add_string (&table, _(info->label));
      gtw_cli_table_add_string (&table, info->unit);
      gtw_cli_table_add_double (&table, info->min);
      gtw_cli_table_add_double (&table, info->max);
      gtw_cli_table_add_double (&table, info->def);
      gtw_cli_table_add_string (&table, choices);
      gtw_cli_table_add_double (&table, info->cv);
      gtw_cli_table_add_string (&table, info->source);
      gtw_cli_table_add_string (&table, _(info->explanation));
      gtw_cli_table_row_end (&table);
    }
  gtw_cli_table_end_rows (&table);
  gtw_cli_table_finish (&table);
  return TRUE;
}

gboolean
gtw_cli_cmd_preset (GtwCli *cli, GError **error)
{
  g_autoptr (GtwScenario) scenario = gtw_preset_load (cli->args[0], error);
  g_autofree char *data = NULL;
  gsize length = 0;

  if (scenario == NULL)
    return FALSE;
  data = gtw_scenario_to_data (scenario, &length);
  g_string_append_len (cli->out, data, length);
  if (length > 0 && data[length - 1] != '\n')
    g_string_append_c (cli->out, '\n');
  return TRUE;
}

gboolean
gtw_cli_cmd_validate (GtwCli *cli, GError **error)
{
  g_autoptr (GtwScenario) scenario = gtw_cli_load_scenario (cli, error);

  return scenario != NULL;
}

/* ---------------------------------------------------------------------------------------- */
/* run                                                                                      */

static void
add_record_cells (GtwCliTable *table, const GtwColumn *columns, guint n, const GtwDayRecord *record,
                  gboolean skip_day)
{
  for (guint i = 0; i < n; i++)
    {
      const GtwColumn *c = &columns[i];

      if (skip_day && g_str_equal (c->name, "day"))
        continue;
      switch (c->kind)
        {
        case GTW_COLUMN_INT:
          gtw_cli_table_add_int (table, G_STRUCT_MEMBER (int, record, c->offset));
          break;
        case GTW_COLUMN_STAGE:
          gtw_cli_table_add_string (table,
                                    gtw_stage_to_string (G_STRUCT_MEMBER (GtwStage, record, c->offset)));
          break;
        case GTW_COLUMN_DOUBLE:
        default:
          gtw_cli_table_add_double (table, gtw_column_get_double (c, record));
          break;
        }
    }
}

/* The scenario's trace and, with --with-baseline, the same scenario without its interventions. */
static gboolean
simulate_with_baseline (GtwCli            *cli,
                        const GtwScenario *scenario,
                        GtwTrace         **trace,
                        GtwTrace         **baseline,
                        GError           **error)
{
  *trace = gtw_cli_simulate (cli, scenario, TRUE, error);
  if (*trace == NULL)
    return FALSE;
  if (cli->with_baseline)
    {
      *baseline = gtw_cli_simulate (cli, scenario, FALSE, error);
      if (*baseline == NULL)
        return FALSE;
    }
  return TRUE;
}

gboolean
gtw_cli_cmd_run (GtwCli *cli, GError **error)
{
  g_autoptr (GtwScenario) scenario = gtw_cli_load_scenario (cli, error);
  g_autoptr (GtwTrace) trace = NULL;
  g_autoptr (GtwTrace) baseline = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const GtwColumn *columns;
  guint n_columns = 0, n_days;
  GtwCliTable table;

  if (scenario == NULL)
    return FALSE;
  if (!simulate_with_baseline (cli, scenario, &trace, &baseline, error))
    return FALSE;

  columns = gtw_day_columns (&n_columns);
  for (guint i = 0; i < n_columns; i++)
    g_ptr_array_add (names, g_strdup (columns[i].name));
  if (baseline != NULL)
    for (guint i = 0; i < n_columns; i++)
      if (!g_str_equal (columns[i].name, "day"))
        g_ptr_array_add (names, g_strconcat ("baseline_", columns[i].name, NULL));

  n_days = gtw_trace_get_n_days (trace);
  if (baseline != NULL)
    n_days = MIN (n_days, gtw_trace_get_n_days (baseline));

  gtw_cli_table_begin (&table, cli->out, cli->json, (const char *const *) names->pdata, names->len);
  for (guint day = 0; day < n_days; day++)
    {
      gtw_cli_table_row_begin (&table);
      add_record_cells (&table, columns, n_columns, gtw_trace_get_day (trace, day), FALSE);
      if (baseline != NULL)
        add_record_cells (&table, columns, n_columns, gtw_trace_get_day (baseline, day), TRUE);
      gtw_cli_table_row_end (&table);
    }
  gtw_cli_table_end_rows (&table);
  gtw_cli_table_finish (&table);
  return TRUE;
}

/* ---------------------------------------------------------------------------------------- */
/* day, ogtt, markers                                                                       */

/* The run up to --day N and nothing more. */
static GtwTrace *
simulate_to_day (GtwCli *cli, gboolean with_interventions, GError **error)
{
  g_autoptr (GtwScenario) scenario = gtw_cli_load_scenario (cli, error);
  g_autoptr (GtwScenario) cut = NULL;

  if (scenario == NULL)
    return NULL;
  cut = gtw_cli_scenario_to_day (cli, scenario, error);
  if (cut == NULL)
    return NULL;
  return gtw_cli_simulate (cli, cut, with_interventions, error);
}

gboolean
gtw_cli_cmd_day (GtwCli *cli, GError **error)
{
  static const char *const names[] = {
    "minute", "glucose_mmol_l", "insulin_pmol_l", "cpeptide_nmol_l", "isr_pmol_min",
    "meal_ra_mg_kg_min",
  };
  g_autoptr (GtwTrace) trace = simulate_to_day (cli, TRUE, error);
  g_autoptr (GtwDayDetail) detail = NULL;
  GtwCliTable table;

  if (trace == NULL)
    return FALSE;
  detail = gtw_trace_simulate_day (trace, cli->day, error);
  if (detail == NULL)
    return FALSE;

  gtw_cli_table_begin (&table, cli->out, cli->json, names, G_N_ELEMENTS (names));
  for (guint i = 0; i < detail->minutes->len; i++)
    {
      const GtwMinuteRecord *m = &g_array_index (detail->minutes, GtwMinuteRecord, i);

      gtw_cli_table_row_begin (&table);
      gtw_cli_table_add_int (&table, m->minute);
      gtw_cli_table_add_double (&table, m->glucose);
      gtw_cli_table_add_double (&table, m->insulin);
      gtw_cli_table_add_double (&table, m->cpeptide);
      gtw_cli_table_add_double (&table, m->isr);
      gtw_cli_table_add_double (&table, m->meal_ra);
      gtw_cli_table_row_end (&table);
    }
  gtw_cli_table_end_rows (&table);
  gtw_cli_table_finish (&table);
  return TRUE;
}

typedef struct
{
  const char *name;
  double      value;
} Field;

static void
append_json_fields (GString *out, const Field *fields, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      g_string_append (out, ",\n ");
      gtw_cli_append_json_string (out, fields[i].name);
      g_string_append (out, ": ");
      gtw_cli_append_double (out, fields[i].value, TRUE);
    }
}

gboolean
gtw_cli_cmd_ogtt (GtwCli *cli, GError **error)
{
  static const char *const names[] = {
    "minute", "glucose_mmol_l", "insulin_pmol_l", "cpeptide_nmol_l",
  };
  g_autoptr (GtwTrace) trace = simulate_to_day (cli, TRUE, error);
  g_autoptr (GtwOgttResult) result = NULL;
  GtwCliTable table;
  Field summary[3];

  if (trace == NULL)
    return FALSE;
  result = gtw_trace_run_ogtt (trace, cli->day, error);
  if (result == NULL)
    return FALSE;

  gtw_cli_table_begin (&table, cli->out, cli->json, names, G_N_ELEMENTS (names));
  for (guint i = 0; i < GTW_OGTT_N_SAMPLES; i++)
    {
      gtw_cli_table_row_begin (&table);
      gtw_cli_table_add_int (&table, result->minute[i]);
      gtw_cli_table_add_double (&table, result->glucose[i]);
      gtw_cli_table_add_double (&table, result->insulin[i]);
      gtw_cli_table_add_double (&table, result->cpeptide[i]);
      gtw_cli_table_row_end (&table);
    }
  gtw_cli_table_end_rows (&table);

  summary[0] = (Field) { "two_hour_glucose_mmol_l", result->two_hour_glucose };
  summary[1] = (Field) { "insulinogenic_index", result->insulinogenic_index };
  summary[2] = (Field) { "matsuda_index", result->matsuda_index };

  if (cli->json)
    {
      append_json_fields (cli->out, summary, G_N_ELEMENTS (summary));
      g_string_append (cli->out, ",\n \"reading\": ");
      gtw_cli_append_json_string (cli->out, gtw_ogtt_reading_to_string (result->reading));
    }
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (summary); i++)
        {
          g_string_append_printf (cli->out, "# %s=", summary[i].name);
          gtw_cli_append_double (cli->out, summary[i].value, FALSE);
          g_string_append_c (cli->out, '\n');
        }
      g_string_append_printf (cli->out, "# reading=%s\n",
                              gtw_ogtt_reading_to_string (result->reading));
    }
  gtw_cli_table_finish (&table);
  return TRUE;
}

gboolean
gtw_cli_cmd_markers (GtwCli *cli, GError **error)
{
  g_autoptr (GtwTrace) trace = simulate_to_day (cli, TRUE, error);
  GtwMarkers m;

  if (trace == NULL)
    return FALSE;
  if (!gtw_trace_markers (trace, cli->day, &m, error))
    return FALSE;

  {
    const Field fields[] = {
      { "fasting_glucose_mmol_l", m.fasting_glucose },
      { "fasting_insulin_pmol_l", m.fasting_insulin },
      { "fasting_cpeptide_nmol_l", m.fasting_cpeptide },
      { "homa_ir", m.homa_ir },
      { "homa_b_percent", m.homa_b },
      { "hba1c_percent", m.hba1c },
      { "hba1c_mmol_mol", gtw_hba1c_convert (m.hba1c, GTW_HBA1C_MMOLMOL) },
      { "tg_mmol_l", m.tg },
      { "hdl_mmol_l", m.hdl },
      { "tg_hdl_ratio_mmol", m.tg_hdl_mmol },
      { "tg_hdl_ratio_mgdl", m.tg_hdl_mgdl },
      { "weight_kg", m.weight },
      { "bmi_kg_m2", m.bmi },
      { "visceral_fat_kg", m.visceral_fat },
      { "liver_fat_percent", m.liver_fat },
      { "inflammation_index", m.inflammation },
      { "beta_cell_mass_rel", m.beta_cell_mass_rel },
      { "beta_cell_mass_mg", m.beta_cell_mass_mg },
      { "beta_cell_function_rel", m.beta_cell_function_rel },
      { "si_1e4_ml_per_uu_min", m.si_bergman },
      { "shbg_nmol_l", m.shbg },
    };

    g_string_append_printf (cli->out, "{\"day\": %d", m.day);
    append_json_fields (cli->out, fields, G_N_ELEMENTS (fields));
    g_string_append (cli->out, ",\n \"stage\": ");
    gtw_cli_append_json_string (cli->out, gtw_stage_to_string (m.stage));
    g_string_append (cli->out, "}\n");
  }
  return TRUE;
}

/* ---------------------------------------------------------------------------------------- */
/* plot                                                                                     */

static gboolean
parse_units (GtwCli *cli, GtwGlucoseUnit *glucose, GtwInsulinUnit *insulin, GtwCpeptideUnit *cpeptide,
             GError **error)
{
  *glucose = GTW_GLUCOSE_MMOL;
  *insulin = GTW_INSULIN_PMOL;
  *cpeptide = GTW_CPEPTIDE_NMOL;
  if (cli->units == NULL || g_str_equal (cli->units, "mmol"))
    return TRUE;
  if (g_str_equal (cli->units, "mgdl"))
    {
      /* conventional (US) units throughout */
      *glucose = GTW_GLUCOSE_MGDL;
      *insulin = GTW_INSULIN_UU;
      *cpeptide = GTW_CPEPTIDE_NGML;
      return TRUE;
    }
  g_set_error (error, GTW_CLI_ERROR, GTW_CLI_ERROR_USAGE,
               _("--units %s: expected mmol or mgdl"), cli->units);
  return FALSE;
}

static gboolean
plot_options (GtwCli *cli, GtwFigureOptions *options, GError **error)
{
  gtw_figure_options_init (options);

  if (cli->output == NULL)
    {
      g_set_error_literal (error, GTW_CLI_ERROR, GTW_CLI_ERROR_USAGE,
                           _("-o OUT.png, OUT.svg or OUT.pdf is required"));
      return FALSE;
    }
  if (!gtw_figure_format_supported (cli->output))
    {
      g_set_error (error, GTW_CLI_ERROR, GTW_CLI_ERROR_USAGE,
                   _("%s: unknown figure format (use .png, .svg or .pdf)"), cli->output);
      return FALSE;
    }
  if (cli->view == NULL || g_str_equal (cli->view, "decade"))
    options->view = GTW_FIGURE_VIEW_DECADE;
  else if (g_str_equal (cli->view, "day"))
    options->view = GTW_FIGURE_VIEW_DAY;
  else
    {
      g_set_error (error, GTW_CLI_ERROR, GTW_CLI_ERROR_USAGE,
                   _("--view %s: expected decade or day"), cli->view);
      return FALSE;
    }
  if (options->view == GTW_FIGURE_VIEW_DAY && cli->day < 0)
    {
      g_set_error_literal (error, GTW_CLI_ERROR, GTW_CLI_ERROR_USAGE,
                           _("--view day needs --day N"));
      return FALSE;
    }
  if (options->view == GTW_FIGURE_VIEW_DECADE && cli->day >= 0)
    {
      g_set_error_literal (error, GTW_CLI_ERROR, GTW_CLI_ERROR_USAGE,
                           _("--day N goes with --view day"));
      return FALSE;
    }
  if (cli->width != 0)
    options->width = cli->width;
  if (cli->height != 0)
    options->height = cli->height;
  if (options->width < 200 || options->width > 10000 || options->height < 200
      || options->height > 10000)
    {
      g_set_error (error, GTW_CLI_ERROR, GTW_CLI_ERROR_USAGE,
                   _("figure size %dx%d is out of range (200-10000 pixels)"), options->width,
                   options->height);
      return FALSE;
    }
  options->dark = cli->dark;
  options->show_baseline = cli->with_baseline;
  return parse_units (cli, &options->glucose_unit, &options->insulin_unit, &options->cpeptide_unit,
                      error);
}

gboolean
gtw_cli_cmd_plot (GtwCli *cli, GError **error)
{
  GtwFigureOptions options;
  g_autoptr (GtwScenario) scenario = NULL;
  g_autoptr (GtwTrace) trace = NULL;
  g_autoptr (GtwTrace) baseline = NULL;
  g_autoptr (GtwDayDetail) day = NULL;
  g_autoptr (GtwDayDetail) baseline_day = NULL;

  /* usage errors and a missing PLplot driver before a long simulation */
  if (!plot_options (cli, &options, error) || !gtw_figure_available (error))
    return FALSE;

  scenario = gtw_cli_load_scenario (cli, error);
  if (scenario == NULL)
    return FALSE;
  if (options.view == GTW_FIGURE_VIEW_DAY)
    {
      GtwScenario *cut = gtw_cli_scenario_to_day (cli, scenario, error);

      if (cut == NULL)
        return FALSE;
      gtw_scenario_free (scenario);
      scenario = cut;
    }

  if (!simulate_with_baseline (cli, scenario, &trace, &baseline, error))
    return FALSE;

  if (options.view == GTW_FIGURE_VIEW_DAY)
    {
      day = gtw_trace_simulate_day (trace, cli->day, error);
      if (day == NULL)
        return FALSE;
      if (baseline != NULL)
        {
          baseline_day = gtw_trace_simulate_day (baseline, cli->day, error);
          if (baseline_day == NULL)
            return FALSE;
        }
    }

  options.title = scenario->name;
  if (!gtw_figure_write_file (cli->output, &options, trace, baseline, day, baseline_day, error))
    return FALSE;
  cli->output_done = TRUE;
  return TRUE;
}

/* ---------------------------------------------------------------------------------------- */
/* summary                                                                                  */

/* The summary table's first six columns are right-aligned, each as wide as its widest header
 * cell (translations are longer than English) and padded by display width, not bytes: "µU/mL"
 * or a translated "Nüchtern-" must not shift the columns. The stage, last, is not padded. */
#define SUMMARY_N_PADDED 6

static guint
display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_iszerowidth (c))
        width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

static void
summary_line (GString           *out,
              const guint       *widths,
              const char *const *cells,
              const char        *stage)
{
  for (guint i = 0; i < SUMMARY_N_PADDED; i++)
    {
      if (i > 0)
        g_string_append (out, "  ");
      for (guint w = display_width (cells[i]); w < widths[i]; w++)
        g_string_append_c (out, ' ');
      g_string_append (out, cells[i]);
    }
  if (stage != NULL)
    g_string_append_printf (out, "  %s", stage);
  g_string_append_c (out, '\n');
}

static void
summary_row (GString *out, const guint *widths, const GtwDayRecord *r, const char *year,
             GtwGlucoseUnit gu, GtwInsulinUnit iu)
{
  g_autofree char *glucose = g_strdup_printf ("%.*f", gu == GTW_GLUCOSE_MMOL ? 1 : 0,
                                              gtw_glucose_convert (r->fasting_glucose, gu));
  g_autofree char *insulin = g_strdup_printf ("%.*f", iu == GTW_INSULIN_PMOL ? 0 : 1,
                                              gtw_insulin_convert (r->fasting_insulin, iu));
  g_autofree char *homa_ir = g_strdup_printf ("%.2f", r->homa_ir);
  g_autofree char *hba1c = g_strdup_printf ("%.1f", r->hba1c);
  g_autofree char *mass = g_strdup_printf ("%.0f", r->beta_cell_mass_rel * 100.0);
  const char *cells[SUMMARY_N_PADDED] = { year, glucose, insulin, homa_ir, hba1c, mass };

  summary_line (out, widths, cells, gtw_stage_label (r->stage));
}

static void
describe_interventions (GString *out, const GtwScenario *scenario)
{
  if (scenario->interventions == NULL || scenario->interventions->len == 0)
    {
      g_string_append (out, _("No interventions.\n"));
      return;
    }
  g_string_append (out, _("Interventions:\n"));
  for (guint i = 0; i < scenario->interventions->len; i++)
    {
      const GtwIntervention *iv = &g_array_index (scenario->interventions, GtwIntervention, i);
      const GtwInterventionClass *klass = gtw_intervention_class (iv->type);
      const char *label = klass != NULL ? _(klass->label) : "?";

      if (iv->end_day < 0)
        g_string_append_printf (out, _("  %s from day %d\n"), label, iv->start_day);
      else
        g_string_append_printf (out, _("  %s, days %d-%d\n"), label, iv->start_day, iv->end_day);
    }
}

gboolean
gtw_cli_cmd_summary (GtwCli *cli, GError **error)
{
  g_autoptr (GtwScenario) scenario = gtw_cli_load_scenario (cli, error);
  g_autoptr (GtwTrace) trace = NULL;
  GtwGlucoseUnit gu;
  GtwInsulinUnit iu;
  GtwCpeptideUnit cu;
  /* The columns' narrowest widths: those of the numbers below the headers. */
  guint widths[SUMMARY_N_PADDED] = { 5, 9, 9, 7, 5, 11 };
  guint n_days;
  int onset;

  if (scenario == NULL || !parse_units (cli, &gu, &iu, &cu, error))
    return FALSE;
  trace = gtw_cli_simulate (cli, scenario, TRUE, error);
  if (trace == NULL)
    return FALSE;
  n_days = gtw_trace_get_n_days (trace);

  g_string_append_printf (cli->out, "%s\n", scenario->name ? scenario->name : _("Scenario"));
  if (scenario->description != NULL && *scenario->description)
    g_string_append_printf (cli->out, "%s\n", scenario->description);
  g_string_append_printf (cli->out, _("%d days (%.1f years)\n"), scenario->duration_days,
                          scenario->duration_days / (double) DAYS_PER_YEAR);
  describe_interventions (cli->out, scenario);
  g_string_append_c (cli->out, '\n');

  {
    /* xgettext:no-c-format */
    const char *healthy = _("% healthy");
    const char *header[3][SUMMARY_N_PADDED] = {
      { _("year"), _("fasting"), _("fasting"), "HOMA-IR", "HbA1c", _("beta-cell") },
      { "", _("glucose"), _("insulin"), "", "", _("mass") },
      { "", gtw_glucose_unit_label (gu), gtw_insulin_unit_label (iu), "", "%", healthy },
    };

    for (guint i = 0; i < SUMMARY_N_PADDED; i++)
      for (guint line = 0; line < G_N_ELEMENTS (header); line++)
        widths[i] = MAX (widths[i], display_width (header[line][i]));
    summary_line (cli->out, widths, header[0], _("stage"));
    summary_line (cli->out, widths, header[1], NULL);
    summary_line (cli->out, widths, header[2], NULL);
  }

  for (guint day = 0; day < n_days; day += DAYS_PER_YEAR)
    {
      char year[16];

      g_snprintf (year, sizeof year, "%u", day / DAYS_PER_YEAR);
      summary_row (cli->out, widths, gtw_trace_get_day (trace, day), year, gu, iu);
    }
  if (n_days > 0 && (n_days - 1) % DAYS_PER_YEAR != 0)
    {
      char year[16];

      g_snprintf (year, sizeof year, "%.1f", (n_days - 1) / (double) DAYS_PER_YEAR);
      summary_row (cli->out, widths, gtw_trace_get_day (trace, n_days - 1), year, gu, iu);
    }

  onset = gtw_trace_diabetes_onset (trace);
  g_string_append_c (cli->out, '\n');
  if (onset >= 0)
    {
      /* the ADA threshold in the table's unit */
      g_autofree char *threshold = gu == GTW_GLUCOSE_MGDL
                                     ? g_strdup_printf ("%.0f %s", 126.0, gtw_glucose_unit_label (gu))
                                     : g_strdup_printf ("%.1f %s", 7.0, gtw_glucose_unit_label (gu));

      /* Translators: %s is the threshold with its unit, "7.0 mmol/L" or "126 mg/dL" */
      g_string_append_printf (cli->out, _("Diabetes (fasting glucose ≥ %s) from day %d, year %.1f.\n"),
                              threshold, onset, onset / (double) DAYS_PER_YEAR);
    }
  else
    g_string_append (cli->out, _("No diabetes within the run.\n"));
  return TRUE;
}
