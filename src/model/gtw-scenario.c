/* gtw-scenario.c: scenario files, loaded strictly and saved atomically
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file format is the contract of docs/interfaces.md section 1. Loading never trusts the
 * file: every key is known, every value has the right JSON type and lies in the registry's
 * range, and every error names the JSON path so that a person can find the line to fix.
 * A scenario is built into a fresh GtwScenario that is only handed out once all of it is valid.
 */
#include "gtw-scenario.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#define DEFAULT_NAME          N_("Untitled scenario")
#define DEFAULT_DURATION_DAYS 3650
#define DEFAULT_SEED          1

G_DEFINE_QUARK (gtw-scenario-error-quark, gtw_scenario_error)

/* Errors */

static gboolean fail (GError    **error,
                      int         code,
                      const char *path,
                      const char *format,
                      ...) G_GNUC_PRINTF (4, 5);

/* Every error message starts with the JSON path it is about; always returns FALSE. */
static gboolean
fail (GError    **error,
      int         code,
      const char *path,
      const char *format,
      ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, GTW_SCENARIO_ERROR, code, "%s: %s", path, reason);
  return FALSE;
}

static const char *
json_type_name (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("a string");
    case G_TYPE_BOOLEAN:
      return _("a boolean");
    case G_TYPE_INT64:
    case G_TYPE_DOUBLE:
      return _("a number");
    default:
      return _("an unknown value");
    }
}

/* Numbers as text */

/* The shortest text that reads back as exactly the same double, so that saving and loading a
 * scenario changes nothing and the file stays readable (0.8, not 0.80000000000000004).
 * Whole numbers are written without a decimal point, as JSON integers. */
static void
append_number (GString *out,
               double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      /* Only reachable through the API; a later load reports it instead of reading garbage. */
      g_string_append (out, "null");
      return;
    }

  if (value == floor (value) && fabs (value) < 1e15)
    {
      g_string_append_printf (out, "%.0f", value == 0 ? 0.0 : value);
      return;
    }

  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  g_string_append (out, buf);
}

static char *
number_to_string (double value)
{
  GString *out = g_string_new (NULL);

  append_number (out, value);
  return g_string_free (out, FALSE);
}

/* "35–250 kg": a range with its unit, for error messages */
static char *
range_to_string (double      min,
                 double      max,
                 const char *unit)
{
  g_autofree char *lo = number_to_string (min);
  g_autofree char *hi = number_to_string (max);

  if (unit == NULL || unit[0] == '\0')
    return g_strdup_printf ("%s–%s", lo, hi);
  return g_strdup_printf ("%s–%s %s", lo, hi, unit);
}

/* Typed readers: each checks the JSON type, then the value */

static gboolean
read_string (JsonNode    *node,
             const char  *path,
             const char **out,
             GError     **error)
{
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (error, GTW_SCENARIO_ERROR_INVALID, path, _("must be a string, not %s"),
                 json_type_name (node));

  *out = json_node_get_string (node);
  if (!g_utf8_validate (*out, -1, NULL))
    return fail (error, GTW_SCENARIO_ERROR_INVALID, path, _("must be valid UTF-8 text"));
  return TRUE;
}

static gboolean
read_boolean (JsonNode   *node,
              const char *path,
              double     *out,
              GError    **error)
{
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fail (error, GTW_SCENARIO_ERROR_INVALID, path, _("must be true or false, not %s"),
                 json_type_name (node));

  *out = json_node_get_boolean (node) ? 1.0 : 0.0;
  return TRUE;
}

static gboolean
read_number (JsonNode   *node,
             const char *path,
             double      min,
             double      max,
             const char *unit,
             double     *out,
             GError    **error)
{
  g_autofree char *range = NULL;
  g_autofree char *text = NULL;
  double value;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    value = (double) json_node_get_int (node);
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE)
    value = json_node_get_double (node);
  else
    return fail (error, GTW_SCENARIO_ERROR_INVALID, path, _("must be a number, not %s"),
                 json_type_name (node));

  /* A literal such as 1e999 overflows to infinity while parsing. */
  if (!isfinite (value))
    return fail (error, GTW_SCENARIO_ERROR_INVALID, path, _("must be a finite number"));

  if (value < min || value > max)
    {
      range = range_to_string (min, max, unit);
      text = number_to_string (value);
      return fail (error, GTW_SCENARIO_ERROR_INVALID, path, _("%s is outside %s"), text, range);
    }

  *out = value;
  return TRUE;
}

/* Days, durations and seeds are counts: a fraction or an exponent is a mistake, not a rounding. */
static gboolean
read_integer (JsonNode   *node,
              const char *path,
              gint64      min,
              gint64      max,
              gint64     *out,
              GError    **error)
{
  g_autofree char *lo = NULL;
  g_autofree char *hi = NULL;
  gint64 value;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    goto invalid;

  value = json_node_get_int (node);
  if (value < min || value > max)
    goto invalid;

  *out = value;
  return TRUE;

invalid:
  /* The numbers are formatted first: a G_GINT64_FORMAT inside the msgid would make it differ
   * between platforms, and no translation would ever match it. */
  lo = g_strdup_printf ("%" G_GINT64_FORMAT, min);
  if (max == G_MAXINT64)
    return fail (error, GTW_SCENARIO_ERROR_INVALID, path,
                 _("must be an integer of at least %s (and below 2⁶³)"), lo);
  hi = g_strdup_printf ("%" G_GINT64_FORMAT, max);
  return fail (error, GTW_SCENARIO_ERROR_INVALID, path, _("must be an integer between %s and %s"),
               lo, hi);
}

static gboolean
read_choice (JsonNode          *node,
             const char        *path,
             const char *const *choices,
             double            *out,
             GError           **error)
{
  g_autofree char *list = NULL;
  const char *text;

  if (!read_string (node, path, &text, error))
    return FALSE;

  for (guint i = 0; choices != NULL && choices[i] != NULL; i++)
    if (g_str_equal (choices[i], text))
      {
        *out = i;
        return TRUE;
      }

  list = g_strjoinv (", ", (char **) choices);
  return fail (error, GTW_SCENARIO_ERROR_INVALID, path, _("'%s' is not one of %s"), text, list);
}

/* "HH:MM", exactly, stored as minutes after midnight */
static gboolean
read_time (JsonNode   *node,
           const char *path,
           double      min,
           double      max,
           double     *out,
           GError    **error)
{
  const char *text;
  int minutes;

  if (!read_string (node, path, &text, error))
    return FALSE;

  if (strlen (text) != 5 || !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1])
      || text[2] != ':' || !g_ascii_isdigit (text[3]) || !g_ascii_isdigit (text[4]))
    return fail (error, GTW_SCENARIO_ERROR_INVALID, path,
                 _("'%s' is not a time of day; write it as HH:MM, e.g. \"17:00\""), text);

  minutes = ((text[0] - '0') * 10 + (text[1] - '0')) * 60 + (text[3] - '0') * 10 + (text[4] - '0');
  if (text[0] > '2' || (text[0] == '2' && text[1] > '3') || text[3] > '5'
      || minutes < min || minutes > max)
    return fail (error, GTW_SCENARIO_ERROR_INVALID, path,
                 _("'%s' is not a time of day between %02d:%02d and %02d:%02d"), text,
                 (int) min / 60, (int) min % 60, (int) max / 60, (int) max % 60);

  *out = minutes;
  return TRUE;
}

static gboolean
expect_object (JsonNode   *node,
               const char *path,
               GError    **error)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, GTW_SCENARIO_ERROR_INVALID, path, _("must be an object, not %s"),
                 json_type_name (node));
  return TRUE;
}

static gboolean
check_keys (JsonObject        *object,
            const char        *prefix,
            const char *const *known,
            GError           **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *path = NULL;

      if (g_strv_contains (known, l->data))
        continue;

      path = prefix != NULL ? g_strdup_printf ("%s.%s", prefix, (const char *) l->data)
                            : g_strdup (l->data);
      return fail (error, GTW_SCENARIO_ERROR_INVALID, path, _("unknown key"));
    }
  return TRUE;
}

/* Presets as the starting patient */

/* A preset file names itself in patient.preset, and resolving a preset means loading its file.
 * The presets being resolved on this thread are remembered so that a file naming a preset that
 * is already on the way starts from the registry defaults instead of recursing forever; its own
 * keys then give it its values. Pointers are the static strings of gtw_preset_ids (). */
#define MAX_PRESET_DEPTH 8

static _Thread_local const char *resolving[MAX_PRESET_DEPTH];
static _Thread_local guint n_resolving;

static gboolean
resolve_preset (const char *id,
                const char *path,
                GtwPatient *patient,
                GError    **error)
{
  const char *const *ids = gtw_preset_ids ();
  g_autoptr(GtwScenario) preset = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *canonical = NULL;

  for (guint i = 0; ids[i] != NULL && canonical == NULL; i++)
    if (g_str_equal (ids[i], id))
      canonical = ids[i];

  if (canonical == NULL)
    return fail (error, GTW_SCENARIO_ERROR_UNKNOWN_PRESET, path,
                 _("unknown preset '%s'; see glucotwin-cli presets"), id);

  for (guint i = 0; i < n_resolving; i++)
    if (resolving[i] == canonical)
      {
        gtw_patient_init_defaults (patient);
        return TRUE;
      }

  if (n_resolving == MAX_PRESET_DEPTH)
    return fail (error, GTW_SCENARIO_ERROR_INVALID, path,
                 _("presets refer to each other too deeply"));

  resolving[n_resolving++] = canonical;
  preset = gtw_preset_load (canonical, &local_error);
  n_resolving--;

  if (preset == NULL)
    return fail (error, local_error->code, path, "%s", local_error->message);

  *patient = preset->patient;
  return TRUE;
}

/* Sections */

static gboolean
read_patient_param (JsonNode           *node,
                    const char         *path,
                    const GtwParamInfo *info,
                    double             *out,
                    GError            **error)
{
  switch (info->kind)
    {
    case GTW_PARAM_NUMBER:
      return read_number (node, path, info->min, info->max, info->unit, out, error);
    case GTW_PARAM_BOOLEAN:
      return read_boolean (node, path, out, error);
    case GTW_PARAM_CHOICE:
      return read_choice (node, path, info->choices, out, error);
    default:
      g_assert_not_reached ();
    }
}

static gboolean
parse_patient (JsonNode    *node,
               GtwScenario *scenario,
               GError     **error)
{
  g_autoptr(GList) members = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;
  JsonNode *preset;

  if (!expect_object (node, "patient", error))
    return FALSE;
  object = json_node_get_object (node);

  /* The preset is the base whatever the key order; explicit keys then override it. */
  preset = json_object_get_member (object, "preset");
  if (preset != NULL)
    {
      const char *id;

      if (!read_string (preset, "patient.preset", &id, error)
          || !resolve_preset (id, "patient.preset", &scenario->patient, error))
        return FALSE;
      scenario->preset = g_strdup (id);
    }

  /* Strict on purpose: the documentation's example carries a "..." placeholder key, and it is
   * rejected like any other unknown key rather than special-cased, so that a file copied from
   * the documentation fails loudly instead of quietly meaning something. */
  members = json_object_get_members (object);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      g_autofree char *path = g_strdup_printf ("patient.%s", key);
      const GtwParamInfo *info;
      GtwParamId id;

      if (g_str_equal (key, "preset"))
        continue;

      info = gtw_registry_lookup (key, &id);
      if (info == NULL || !gtw_param_is_patient (id))
        return fail (error, GTW_SCENARIO_ERROR_INVALID, path, _("unknown key"));

      if (!read_patient_param (json_object_get_member (object, key), path, info,
                               &scenario->patient.v[id], error))
        return FALSE;
    }

  if (!gtw_patient_check (&scenario->patient, &local_error))
    return fail (error, GTW_SCENARIO_ERROR_INVALID, "patient", "%s", local_error->message);
  return TRUE;
}

static const GtwFieldSpec *
find_field (const GtwInterventionClass *klass,
            const char                 *key,
            guint                      *out_index)
{
  for (guint i = 0; i < klass->n_fields; i++)
    if (g_str_equal (klass->fields[i].key, key))
      {
        *out_index = i;
        return &klass->fields[i];
      }
  return NULL;
}

static gboolean
read_field (JsonNode           *node,
            const char         *path,
            const GtwFieldSpec *spec,
            double             *out,
            GError            **error)
{
  switch (spec->kind)
    {
    case GTW_FIELD_NUMBER:
      return read_number (node, path, spec->min, spec->max, spec->unit, out, error);
    case GTW_FIELD_CHOICE:
      return read_choice (node, path, spec->choices, out, error);
    case GTW_FIELD_BOOLEAN:
      return read_boolean (node, path, out, error);
    case GTW_FIELD_TIME:
      return read_time (node, path, spec->min, spec->max, out, error);
    default:
      g_assert_not_reached ();
    }
}

static gboolean
parse_intervention (JsonNode        *node,
                    const char      *path,
                    int              duration_days,
                    GtwIntervention *iv,
                    GError         **error)
{
  g_autoptr(GList) members = NULL;
  const GtwInterventionClass *klass;
  g_autofree char *type_path = g_strdup_printf ("%s.type", path);
  g_autofree char *start_path = g_strdup_printf ("%s.start_day", path);
  GtwInterventionType type;
  JsonObject *object;
  JsonNode *member;
  const char *type_id;
  gint64 start_day;

  if (!expect_object (node, path, error))
    return FALSE;
  object = json_node_get_object (node);

  /* The type decides which other keys exist, so it comes first. */
  member = json_object_get_member (object, "type");
  if (member == NULL)
    return fail (error, GTW_SCENARIO_ERROR_INVALID, type_path, _("missing"));
  if (!read_string (member, type_path, &type_id, error))
    return FALSE;
  klass = gtw_intervention_class_by_id (type_id, &type);
  if (klass == NULL)
    return fail (error, GTW_SCENARIO_ERROR_INVALID, type_path,
                 _("unknown intervention type '%s'"), type_id);

  member = json_object_get_member (object, "start_day");
  if (member == NULL)
    return fail (error, GTW_SCENARIO_ERROR_INVALID, start_path, _("missing"));
  if (!read_integer (member, start_path, 0, duration_days - 1, &start_day, error))
    return FALSE;

  gtw_intervention_init (iv, type, (int) start_day);

  members = json_object_get_members (object);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      g_autofree char *key_path = g_strdup_printf ("%s.%s", path, key);
      const GtwFieldSpec *spec;
      guint index;

      member = json_object_get_member (object, key);

      if (g_str_equal (key, "type") || g_str_equal (key, "start_day"))
        continue;

      if (g_str_equal (key, "end_day"))
        {
          /* An end past the run is allowed (the run may be shortened later), but not beyond
           * what any run can reach. */
          gint64 end_day;

          if (JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_INT64
              && json_node_get_int (member) < start_day)
            return fail (error, GTW_SCENARIO_ERROR_INVALID, key_path,
                         _("day %d is before the start, day %d: an intervention cannot end before it starts"),
                         (int) CLAMP (json_node_get_int (member), G_MININT, G_MAXINT), (int) start_day);
          if (!read_integer (member, key_path, start_day, GTW_SCENARIO_MAX_DAYS - 1, &end_day,
                             error))
            return FALSE;
          iv->end_day = (int) end_day;
          continue;
        }

      if (g_str_equal (key, "adherence"))
        {
          if (!read_number (member, key_path, 0, 1, "", &iv->adherence, error))
            return FALSE;
          continue;
        }

      spec = find_field (klass, key, &index);
      if (spec == NULL)
        return fail (error, GTW_SCENARIO_ERROR_INVALID, key_path,
                     _("unknown key for type %s"), klass->id);

      if (!read_field (member, key_path, spec, &iv->field[index], error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
parse_interventions (JsonNode    *node,
                     GtwScenario *scenario,
                     GError     **error)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, GTW_SCENARIO_ERROR_INVALID, "interventions",
                 _("must be an array, not %s"), json_type_name (node));

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("interventions[%u]", i);
      GtwIntervention iv = { 0 };

      if (!parse_intervention (json_array_get_element (array, i), path, scenario->duration_days,
                               &iv, error))
        return FALSE;
      g_array_append_val (scenario->interventions, iv);
    }

  return TRUE;
}

static gboolean
parse_simulation (JsonNode    *node,
                  GtwScenario *scenario,
                  GError     **error)
{
  static const char *const keys[] = { "duration_days", "seed", NULL };
  JsonObject *object;
  JsonNode *member;

  if (!expect_object (node, "simulation", error))
    return FALSE;
  object = json_node_get_object (node);
  if (!check_keys (object, "simulation", keys, error))
    return FALSE;

  member = json_object_get_member (object, "duration_days");
  if (member != NULL)
    {
      gint64 days;

      if (!read_integer (member, "simulation.duration_days", 1, GTW_SCENARIO_MAX_DAYS, &days,
                         error))
        return FALSE;
      scenario->duration_days = (int) days;
    }

  member = json_object_get_member (object, "seed");
  if (member != NULL)
    {
      gint64 seed;

      if (!read_integer (member, "simulation.seed", 0, G_MAXINT64, &seed, error))
        return FALSE;
      scenario->seed = (guint64) seed;
    }

  return TRUE;
}

/* { "day": 0, "test": "fasting_glucose", "value": 6.1, "unit": "mmol/L" }, kept in SI */
static gboolean
parse_lab (JsonNode    *node,
           const char  *path,
           int          duration_days,
           GtwLab      *lab,
           GError     **error)
{
  static const char *const keys[] = { "day", "test", "value", "unit", NULL };
  static const char *const required[] = { "day", "test", "value", "unit" };
  g_autofree char *day_path = g_strdup_printf ("%s.day", path);
  g_autofree char *test_path = g_strdup_printf ("%s.test", path);
  g_autofree char *value_path = g_strdup_printf ("%s.value", path);
  g_autofree char *unit_path = g_strdup_printf ("%s.unit", path);
  g_autoptr(GError) lab_error = NULL;
  JsonObject *object;
  const char *test, *unit;
  gint64 day;
  double value;

  if (!expect_object (node, path, error))
    return FALSE;
  object = json_node_get_object (node);
  if (!check_keys (object, path, keys, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (!json_object_has_member (object, required[i]))
      {
        g_autofree char *missing = g_strdup_printf ("%s.%s", path, required[i]);

        return fail (error, GTW_SCENARIO_ERROR_INVALID, missing, _("missing"));
      }

  if (!read_integer (json_object_get_member (object, "day"), day_path, 0, duration_days - 1,
                     &day, error))
    return FALSE;
  lab->day = (int) day;

  if (!read_string (json_object_get_member (object, "test"), test_path, &test, error))
    return FALSE;
  if (!gtw_lab_kind_from_string (test, &lab->kind))
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) tests = NULL;
      g_autofree char *list = NULL;

      for (int kind = 0; kind < GTW_LAB_N_KINDS; kind++)
        g_strv_builder_add (builder, gtw_lab_kind_to_string (kind));
      tests = g_strv_builder_end (builder);
      list = g_strjoinv (", ", tests);
      return fail (error, GTW_SCENARIO_ERROR_INVALID, test_path, _("'%s' is not one of %s"),
                   test, list);
    }

  if (!read_string (json_object_get_member (object, "unit"), unit_path, &unit, error))
    return FALSE;
  if (!read_number (json_object_get_member (object, "value"), value_path, -G_MAXDOUBLE,
                    G_MAXDOUBLE, NULL, &value, error))
    return FALSE;

  if (!gtw_lab_parse_value (lab->kind, unit, value, &lab->value, &lab_error))
    return fail (error, GTW_SCENARIO_ERROR_INVALID,
                 lab_error->code == GTW_LAB_ERROR_UNIT ? unit_path : value_path, "%s",
                 lab_error->message);
  return TRUE;
}

static gboolean
parse_labs (JsonNode    *node,
            GtwScenario *scenario,
            GError     **error)
{
  g_autoptr(GArray) labs = NULL;
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, GTW_SCENARIO_ERROR_INVALID, "labs", _("must be an array, not %s"),
                 json_type_name (node));

  array = json_node_get_array (node);
  labs = g_array_sized_new (FALSE, TRUE, sizeof (GtwLab), json_array_get_length (array));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("labs[%u]", i);
      GtwLab lab = { 0 };

      if (!parse_lab (json_array_get_element (array, i), path, scenario->duration_days, &lab,
                      error))
        return FALSE;
      g_array_append_val (labs, lab);
    }

  gtw_labs_sort (labs);
  g_clear_pointer (&scenario->labs, g_array_unref);
  if (labs->len > 0)
    scenario->labs = g_steal_pointer (&labs);
  return TRUE;
}

/* format and version first: a file from a newer Glucotwin gets the version message, not a
 * complaint about a key this version has never heard of. */
static gboolean
check_format_and_version (JsonObject *root,
                          GError    **error)
{
  JsonNode *member;
  const char *format;
  gint64 version;

  member = json_object_get_member (root, "format");
  if (member == NULL)
    return fail (error, GTW_SCENARIO_ERROR_INVALID, "format",
                 _("missing; a scenario file declares \"format\": \"%s\""), GTW_SCENARIO_FORMAT);
  if (!read_string (member, "format", &format, error))
    return FALSE;
  if (!g_str_equal (format, GTW_SCENARIO_FORMAT))
    return fail (error, GTW_SCENARIO_ERROR_INVALID, "format",
                 _("'%s' is not a Glucotwin scenario (expected \"%s\")"), format,
                 GTW_SCENARIO_FORMAT);

  member = json_object_get_member (root, "version");
  if (member == NULL)
    return fail (error, GTW_SCENARIO_ERROR_INVALID, "version", _("missing"));
  if (!read_integer (member, "version", 1, G_MAXINT64, &version, error))
    return FALSE;
  if (version > GTW_SCENARIO_VERSION)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, version);

      return fail (error, GTW_SCENARIO_ERROR_VERSION, "version",
                   _("written by a newer Glucotwin (version %s); this one reads up to %d"), text,
                   GTW_SCENARIO_VERSION);
    }

  /* Version 1 is the only one so far: older files need no migration yet. */
  return TRUE;
}

static gboolean
parse_root (JsonNode    *root_node,
            GtwScenario *scenario,
            GError     **error)
{
  static const char *const keys[] = {
    "format", "version", "name", "description", "patient", "interventions", "simulation", "labs",
    NULL
  };
  JsonObject *root;
  JsonNode *member;
  const char *text;

  if (root_node == NULL)
    return fail (error, GTW_SCENARIO_ERROR_PARSE, _("top level"), _("empty document"));
  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    return fail (error, GTW_SCENARIO_ERROR_INVALID, _("top level"), _("must be an object, not %s"),
                 json_type_name (root_node));
  root = json_node_get_object (root_node);

  if (!check_format_and_version (root, error) || !check_keys (root, NULL, keys, error))
    return FALSE;

  member = json_object_get_member (root, "name");
  if (member != NULL)
    {
      if (!read_string (member, "name", &text, error))
        return FALSE;
      g_free (scenario->name);
      scenario->name = g_strdup (text);
    }

  member = json_object_get_member (root, "description");
  if (member != NULL)
    {
      if (!read_string (member, "description", &text, error))
        return FALSE;
      scenario->description = g_strdup (text);
    }

  /* The duration bounds the interventions' start days, so the simulation is read first. */
  member = json_object_get_member (root, "simulation");
  if (member != NULL && !parse_simulation (member, scenario, error))
    return FALSE;

  member = json_object_get_member (root, "patient");
  if (member != NULL && !parse_patient (member, scenario, error))
    return FALSE;

  member = json_object_get_member (root, "interventions");
  if (member != NULL && !parse_interventions (member, scenario, error))
    return FALSE;

  member = json_object_get_member (root, "labs");
  if (member != NULL && !parse_labs (member, scenario, error))
    return FALSE;

  return TRUE;
}

/* Public API */

GtwScenario *
gtw_scenario_new (void)
{
  GtwScenario *scenario = g_new0 (GtwScenario, 1);

  scenario->name = g_strdup (_(DEFAULT_NAME));
  gtw_patient_init_defaults (&scenario->patient);
  scenario->interventions = g_array_new (FALSE, TRUE, sizeof (GtwIntervention));
  scenario->duration_days = DEFAULT_DURATION_DAYS;
  scenario->seed = DEFAULT_SEED;
  return scenario;
}

GtwScenario *
gtw_scenario_copy (const GtwScenario *scenario)
{
  GtwScenario *copy;

  g_return_val_if_fail (scenario != NULL, NULL);

  copy = g_new0 (GtwScenario, 1);
  copy->name = g_strdup (scenario->name);
  copy->description = g_strdup (scenario->description);
  copy->preset = g_strdup (scenario->preset);
  copy->patient = scenario->patient;
  copy->interventions = g_array_copy (scenario->interventions);
  copy->labs = scenario->labs != NULL ? g_array_copy (scenario->labs) : NULL;
  copy->duration_days = scenario->duration_days;
  copy->seed = scenario->seed;
  return copy;
}

GtwScenario *
gtw_scenario_copy_baseline (const GtwScenario *scenario)
{
  GtwScenario *copy;

  g_return_val_if_fail (scenario != NULL, NULL);

  copy = gtw_scenario_copy (scenario);
  g_array_set_size (copy->interventions, 0);
  return copy;
}

void
gtw_scenario_free (GtwScenario *scenario)
{
  if (scenario == NULL)
    return;

  g_free (scenario->name);
  g_free (scenario->description);
  g_free (scenario->preset);
  g_clear_pointer (&scenario->interventions, g_array_unref);
  g_clear_pointer (&scenario->labs, g_array_unref);
  g_free (scenario);
}

/* json-glib's parser descends one C call per level of nesting: a small file nested a hundred
 * thousand levels deep overflows the stack and kills the program before the parser can refuse
 * it. So the depth is counted first, outside strings, and anything deeper than any scenario
 * or intervention can be is refused as not JSON we read. Everything else (brackets that do
 * not match, a string left open) is left for the parser to report. */
static gboolean
check_depth (const char *data,
             gssize      length,
             GError    **error)
{
  gboolean in_string = FALSE;
  int depth = 0, line = 1;

  for (gssize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '\n')
        line++;
      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > GTW_SCENARIO_MAX_DEPTH)
            {
              g_set_error (error, GTW_SCENARIO_ERROR, GTW_SCENARIO_ERROR_PARSE,
                           _("not valid JSON for Glucotwin: line %d nests arrays and objects more than %d levels deep"),
                           line, GTW_SCENARIO_MAX_DEPTH);
              return FALSE;
            }
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}

/* json-glib names the data "<data>" and gives the line and column as a prefix:
 * "<data>:11:18: Parse error: unexpected identifier 'NaN'". Said for people instead. */
static void
set_parse_error (GError     **error,
                 const GError *parse_error)
{
  const char *message = parse_error->message;
  const char *reason;
  int line, column, consumed = 0;

  if (sscanf (message, "<data>:%d:%d: %n", &line, &column, &consumed) == 2 && consumed > 0)
    {
      reason = message + consumed;
      if (g_str_has_prefix (reason, "Parse error: "))
        reason += strlen ("Parse error: ");
      if (strstr (reason, "identifier") != NULL
          && (strstr (reason, "NaN") != NULL || strstr (reason, "Infinity") != NULL))
        g_set_error (error, GTW_SCENARIO_ERROR, GTW_SCENARIO_ERROR_PARSE,
                     _("not valid JSON at line %d, column %d: %s (NaN and Infinity are not numbers in JSON)"),
                     line, column, reason);
      else
        g_set_error (error, GTW_SCENARIO_ERROR, GTW_SCENARIO_ERROR_PARSE,
                     _("not valid JSON at line %d, column %d: %s"), line, column, reason);
      return;
    }
  g_set_error (error, GTW_SCENARIO_ERROR, GTW_SCENARIO_ERROR_PARSE, _("not valid JSON: %s"), message);
}

/* json-glib keeps the last of two members with the same name, silently; a scenario with a
 * key twice is ambiguous (which weight did the author mean?), so the loader refuses it. The
 * parser announces every member after storing it: a count above the object's size is a
 * repeat. */
typedef struct
{
  GHashTable *counts;    /* JsonObject * -> members announced */
  JsonObject *object;    /* the first object with a repeated key, or NULL */
  char       *key;
} Repeats;

static void
on_object_member (JsonParser *parser,
                  JsonObject *object,
                  const char *name,
                  Repeats    *repeats)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (repeats->counts, object)) + 1;

  g_hash_table_insert (repeats->counts, object, GUINT_TO_POINTER (n));
  if (n > json_object_get_size (object) && repeats->object == NULL)
    {
      repeats->object = object;
      repeats->key = g_strdup (name);
    }
}

/* The JSON path of @target inside @node, as the loader's messages write it. */
static gboolean
find_object_path (JsonNode   *node,
                  JsonObject *target,
                  GString    *path)
{
  gsize len = path->len;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr (GList) members = NULL;

      if (object == target)
        return TRUE;
      members = json_object_get_members (object);
      for (const GList *l = members; l != NULL; l = l->next)
        {
          g_string_append_printf (path, "%s%s", path->len > 0 ? "." : "", (const char *) l->data);
          if (find_object_path (json_object_get_member (object, l->data), target, path))
            return TRUE;
          g_string_truncate (path, len);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_string_append_printf (path, "[%u]", i);
          if (find_object_path (json_array_get_element (array, i), target, path))
            return TRUE;
          g_string_truncate (path, len);
        }
    }
  return FALSE;
}

/* JSON as the loader reads it: not nested too deep, valid, and no key twice in an object. */
static JsonParser *
parse_strict (const char *data,
              gssize      length,
              GError    **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  Repeats repeats = { NULL, NULL, NULL };
  g_autofree char *key = NULL;
  gboolean loaded;

  if (!check_depth (data, length, error))
    return NULL;
  parser = json_parser_new_immutable ();
  repeats.counts = g_hash_table_new (NULL, NULL);
  g_signal_connect (parser, "object-member", G_CALLBACK (on_object_member), &repeats);
  loaded = json_parser_load_from_data (parser, data, length, &parse_error);
  g_signal_handlers_disconnect_by_data (parser, &repeats);
  g_hash_table_unref (repeats.counts);
  key = repeats.key;
  if (!loaded)
    {
      /* NaN and Infinity are not JSON, so json-glib refuses them here. */
      set_parse_error (error, parse_error);
      return NULL;
    }
  if (repeats.object != NULL)
    {
      g_autoptr (GString) path = g_string_new (NULL);

      find_object_path (json_parser_get_root (parser), repeats.object, path);
      g_string_append_printf (path, "%s%s", path->len > 0 ? "." : "", key);
      fail (error, GTW_SCENARIO_ERROR_INVALID, path->str,
            _("the key appears twice in the same object: which value is meant is not clear"));
      return NULL;
    }
  return g_steal_pointer (&parser);
}

gboolean
gtw_scenario_check_json (const char *data,
                         gssize      length,
                         GError    **error)
{
  g_autoptr(JsonParser) parser = NULL;

  g_return_val_if_fail (data != NULL, FALSE);

  if (length < 0)
    length = strlen (data);
  parser = parse_strict (data, length, error);
  return parser != NULL;
}

GtwScenario *
gtw_scenario_load_data (const char *data,
                        gssize      length,
                        GError    **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GtwScenario) scenario = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = strlen (data);

  if (length > GTW_SCENARIO_MAX_FILE_SIZE)
    {
      g_set_error (error, GTW_SCENARIO_ERROR, GTW_SCENARIO_ERROR_TOO_LARGE,
                   _("scenario is larger than %d KiB"), GTW_SCENARIO_MAX_FILE_SIZE / 1024);
      return NULL;
    }

  parser = parse_strict (data, length, error);
  if (parser == NULL)
    return NULL;

  scenario = gtw_scenario_new ();
  if (!parse_root (json_parser_get_root (parser), scenario, error))
    return NULL;

  return g_steal_pointer (&scenario);
}

GtwScenario *
gtw_scenario_load_file (const char *path,
                        GError    **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *buffer = NULL;
  g_autofree char *display = NULL;
  gsize n_read = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_name (path);
  file = g_file_new_for_path (path);
  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return NULL;

  /* Refuse a large regular file by its size, without reading it. */
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL);
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE)
      && g_file_info_get_size (info) > GTW_SCENARIO_MAX_FILE_SIZE)
    goto too_large;

  /* Pipes and growing files have no trustworthy size: read at most one byte past the limit. */
  buffer = g_malloc (GTW_SCENARIO_MAX_FILE_SIZE + 1);
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, GTW_SCENARIO_MAX_FILE_SIZE + 1,
                                &n_read, NULL, error))
    {
      g_prefix_error (error, "%s: ", display);
      return NULL;
    }
  if (n_read > GTW_SCENARIO_MAX_FILE_SIZE)
    goto too_large;

  return gtw_scenario_load_data (buffer, n_read, error);

too_large:
  g_set_error (error, GTW_SCENARIO_ERROR, GTW_SCENARIO_ERROR_TOO_LARGE,
               _("%s: larger than %d KiB; a scenario file is much smaller"), display,
               GTW_SCENARIO_MAX_FILE_SIZE / 1024);
  return NULL;
}

/* Writing */

static void
append_string (GString    *out,
               const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  g_string_append_c (out, '"');
  for (const char *p = valid; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

/* Starts a member: the separator after the previous one, the indentation and the key. */
static void
append_key (GString    *out,
            gboolean   *first,
            int         indent,
            const char *key)
{
  g_string_append (out, *first ? "\n" : ",\n");
  *first = FALSE;
  for (int i = 0; i < indent; i++)
    g_string_append (out, "  ");
  append_string (out, key);
  g_string_append (out, ": ");
}

static void
append_choice (GString           *out,
               const char *const *choices,
               double             value)
{
  guint n = choices != NULL ? g_strv_length ((char **) choices) : 0;

  if (value >= 0 && value < n && value == floor (value))
    append_string (out, choices[(guint) value]);
  else
    g_string_append (out, "null");
}

static void
append_patient (GString           *out,
                const GtwScenario *scenario)
{
  gboolean first = TRUE;

  g_string_append (out, "{");
  if (scenario->preset != NULL)
    {
      append_key (out, &first, 2, "preset");
      append_string (out, scenario->preset);
    }

  /* Every parameter, so that the file keeps its meaning when a preset or default changes. */
  for (int id = 0; id < GTW_N_PATIENT_PARAMS; id++)
    {
      const GtwParamInfo *info = gtw_registry_get (id);
      double value = scenario->patient.v[id];

      append_key (out, &first, 2, info->id);
      switch (info->kind)
        {
        case GTW_PARAM_NUMBER:
          append_number (out, value);
          break;
        case GTW_PARAM_BOOLEAN:
          g_string_append (out, value != 0 ? "true" : "false");
          break;
        case GTW_PARAM_CHOICE:
          append_choice (out, info->choices, value);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  g_string_append (out, "\n  }");
}

static void
append_field (GString            *out,
              const GtwFieldSpec *spec,
              double              value)
{
  int minutes;

  switch (spec->kind)
    {
    case GTW_FIELD_NUMBER:
      append_number (out, value);
      break;
    case GTW_FIELD_CHOICE:
      append_choice (out, spec->choices, value);
      break;
    case GTW_FIELD_BOOLEAN:
      g_string_append (out, value != 0 ? "true" : "false");
      break;
    case GTW_FIELD_TIME:
      minutes = CLAMP ((int) floor (value), 0, 24 * 60 - 1);
      g_string_append_printf (out, "\"%02d:%02d\"", minutes / 60, minutes % 60);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
append_intervention (GString               *out,
                     const GtwIntervention *iv)
{
  const GtwInterventionClass *klass = gtw_intervention_class (iv->type);
  gboolean first = TRUE;

  g_string_append (out, "{");
  append_key (out, &first, 3, "type");
  append_string (out, klass->id);
  append_key (out, &first, 3, "start_day");
  g_string_append_printf (out, "%d", iv->start_day);
  if (iv->end_day >= 0)
    {
      append_key (out, &first, 3, "end_day");
      g_string_append_printf (out, "%d", iv->end_day);
    }
  append_key (out, &first, 3, "adherence");
  append_number (out, iv->adherence);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      /* NAN means "follows another field"; leaving it out keeps it following. */
      if (isnan (iv->field[i]))
        continue;
      append_key (out, &first, 3, klass->fields[i].key);
      append_field (out, &klass->fields[i], iv->field[i]);
    }
  g_string_append (out, "\n    }");
}

/* Written in SI with its unit: exact on reloading, and readable. */
static void
append_lab (GString      *out,
            const GtwLab *lab)
{
  g_string_append_printf (out, "{ \"day\": %d, \"test\": ", lab->day);
  append_string (out, gtw_lab_kind_to_string (lab->kind));
  g_string_append (out, ", \"value\": ");
  append_number (out, lab->value);
  g_string_append (out, ", \"unit\": ");
  append_string (out, gtw_lab_si_unit (lab->kind));
  g_string_append (out, " }");
}

char *
gtw_scenario_to_data (const GtwScenario *scenario,
                      gsize             *length)
{
  GString *out;
  gboolean first = TRUE;

  g_return_val_if_fail (scenario != NULL, NULL);

  out = g_string_new ("{");
  append_key (out, &first, 1, "format");
  append_string (out, GTW_SCENARIO_FORMAT);
  append_key (out, &first, 1, "version");
  g_string_append_printf (out, "%d", GTW_SCENARIO_VERSION);
  append_key (out, &first, 1, "name");
  append_string (out, scenario->name != NULL ? scenario->name : "");
  if (scenario->description != NULL)
    {
      append_key (out, &first, 1, "description");
      append_string (out, scenario->description);
    }

  append_key (out, &first, 1, "patient");
  append_patient (out, scenario);

  append_key (out, &first, 1, "interventions");
  if (scenario->interventions == NULL || scenario->interventions->len == 0)
    g_string_append (out, "[]");
  else
    {
      g_string_append (out, "[");
      for (guint i = 0; i < scenario->interventions->len; i++)
        {
          g_string_append (out, i == 0 ? "\n    " : ",\n    ");
          append_intervention (out, &g_array_index (scenario->interventions, GtwIntervention, i));
        }
      g_string_append (out, "\n  ]");
    }

  /* Only when there are labs, so that a scenario without them reads as it always did. */
  if (scenario->labs != NULL && scenario->labs->len > 0)
    {
      append_key (out, &first, 1, "labs");
      g_string_append (out, "[");
      for (guint i = 0; i < scenario->labs->len; i++)
        {
          g_string_append (out, i == 0 ? "\n    " : ",\n    ");
          append_lab (out, &g_array_index (scenario->labs, GtwLab, i));
        }
      g_string_append (out, "\n  ]");
    }

  append_key (out, &first, 1, "simulation");
  g_string_append_printf (out, "{\n    \"duration_days\": %d,\n    \"seed\": %" G_GUINT64_FORMAT
                          "\n  }", scenario->duration_days, scenario->seed);
  g_string_append (out, "\n}\n");

  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

gboolean
gtw_scenario_save_file (const GtwScenario *scenario,
                        const char        *path,
                        GError           **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (scenario != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* CONSISTENT writes a temporary file beside the target and renames it over the target, so a
   * failure leaves the old file whole; DURABLE is left out because a scenario is cheap to
   * re-save and fsync on every save makes the editor stutter on slow disks. */
  data = gtw_scenario_to_data (scenario, &length);
  return g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0666, error);
}
