/* gtw-cli-table.c: CSV and JSON tables of glucotwin-cli
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Numbers are written with g_ascii_formatd: a German locale must not turn CSV decimal points
 * into commas.
 */
#include <math.h>
#include <string.h>

#include "gtw-cli.h"

void
gtw_cli_append_double (GString *out, double value, gboolean json)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      g_string_append (out, json ? "null" : "nan");
      return;
    }
  g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.6g", value));
}

void
gtw_cli_append_json_string (GString *out, const char *s)
{
  g_string_append_c (out, '"');
  for (const char *p = s; *p; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

/* CSV fields are quoted only when they must be (RFC 4180). */
static void
append_csv_string (GString *out, const char *s)
{
  if (strpbrk (s, ",\"\r\n") == NULL)
    {
      g_string_append (out, s);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = s; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

void
gtw_cli_table_begin (GtwCliTable       *table,
                     GString           *out,
                     gboolean           json,
                     const char *const *names,
                     guint              n_names)
{
  table->out = out;
  table->json = json;
  table->n_columns = n_names;
  table->column = 0;
  table->n_rows = 0;

  g_string_append (out, json ? "{\"columns\": [" : "");
  for (guint i = 0; i < n_names; i++)
    {
      if (i > 0)
        g_string_append (out, json ? ", " : ",");
      if (json)
        gtw_cli_append_json_string (out, names[i]);
      else
        append_csv_string (out, names[i]);
    }
  g_string_append (out, json ? "],\n \"rows\": [" : "\n");
}

void
gtw_cli_table_row_begin (GtwCliTable *table)
{
  g_assert (table->column == 0);

  if (table->json)
    g_string_append (table->out, table->n_rows > 0 ? ",\n  [" : "\n  [");
}

static void
next_cell (GtwCliTable *table)
{
  g_assert (table->column < table->n_columns);

  if (table->column++ > 0)
    g_string_append (table->out, table->json ? ", " : ",");
}

void
gtw_cli_table_add_double (GtwCliTable *table, double value)
{
  next_cell (table);
  gtw_cli_append_double (table->out, value, table->json);
}

void
gtw_cli_table_add_int (GtwCliTable *table, gint64 value)
{
  next_cell (table);
  g_string_append_printf (table->out, "%" G_GINT64_FORMAT, value);
}

void
gtw_cli_table_add_string (GtwCliTable *table, const char *value)
{
  next_cell (table);
  if (table->json)
    gtw_cli_append_json_string (table->out, value);
  else
    append_csv_string (table->out, value);
}

void
gtw_cli_table_row_end (GtwCliTable *table)
{
  g_assert (table->column == table->n_columns);

  g_string_append (table->out, table->json ? "]" : "\n");
  table->column = 0;
  table->n_rows++;
}

void
gtw_cli_table_end_rows (GtwCliTable *table)
{
  if (table->json)
    g_string_append (table->out, table->n_rows > 0 ? "\n ]" : "]");
}

void
gtw_cli_table_finish (GtwCliTable *table)
{
  if (table->json)
    g_string_append (table->out, "}\n");
}
