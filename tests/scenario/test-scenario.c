/* test-scenario.c: scenario files load strictly, save atomically and round-trip exactly
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gtw-scenario.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

/* The example of docs/interfaces.md section 1 without its "..." placeholder key. */
static const char docs_example[] =
  "{\n"
  "  \"format\": \"glucotwin-scenario\",\n"
  "  \"version\": 1,\n"
  "  \"name\": \"Compensated insulin resistance, 45\",\n"
  "  \"patient\": {\n"
  "    \"preset\": \"compensated-ir\",\n"
  "    \"age_years\": 45,\n"
  "    \"sex\": \"female\",\n"
  "    \"height_cm\": 165,\n"
  "    \"weight_kg\": 88\n"
  "  },\n"
  "  \"interventions\": [\n"
  "    { \"type\": \"berberine\",      \"start_day\": 180, \"end_day\": 545, \"dose_mg_per_day\": 1500, \"adherence\": 0.8 },\n"
  "    { \"type\": \"exercise\",       \"start_day\": 180, \"kind\": \"resistance\", \"sessions_per_week\": 3, \"minutes_per_session\": 45 },\n"
  "    { \"type\": \"carb_reduction\", \"start_day\": 365, \"reduction_fraction\": 0.4 },\n"
  "    { \"type\": \"gut_repair\",     \"start_day\": 365, \"end_day\": 455 }\n"
  "  ],\n"
  "  \"simulation\": { \"duration_days\": 3650, \"seed\": 1 }\n"
  "}\n";

/* One of each intervention type, with values other than the defaults where there is a choice. */
static const char all_types[] =
  "{\n"
  "  \"format\": \"glucotwin-scenario\", \"version\": 1,\n"
  "  \"name\": \"Everything \\\"at once\\\"\",\n"
  "  \"description\": \"Line one\\nline two, tab\\there, ünïcødé.\",\n"
  "  \"patient\": { \"weight_kg\": 91.3, \"pcos\": true, \"sex\": \"female\",\n"
  "               \"si_intrinsic\": 0.1e1 },\n"
  "  \"interventions\": [\n"
  "    { \"type\": \"berberine\", \"start_day\": 0, \"end_day\": 0,\n"
  "      \"dose_mg_per_day\": 1000.5 },\n"
  "    { \"type\": \"exercise\", \"start_day\": 10, \"end_day\": 400, \"adherence\": 0.33,\n"
  "      \"kind\": \"combined\", \"sessions_per_week\": 5, \"minutes_per_session\": 30,\n"
  "      \"intensity\": \"vigorous\", \"time_of_day\": \"06:45\" },\n"
  "    { \"type\": \"carb_reduction\", \"start_day\": 20, \"reduction_fraction\": 0.25,\n"
  "      \"fructose_reduction_fraction\": 0.7 },\n"
  "    { \"type\": \"gut_repair\", \"start_day\": 30, \"akkermansia\": false },\n"
  "    { \"type\": \"chromium\", \"start_day\": 40, \"dose_ug_per_day\": 200 },\n"
  "    { \"type\": \"magnesium\", \"start_day\": 50, \"dose_mg_per_day\": 0 },\n"
  "    { \"type\": \"alpha_lipoic_acid\", \"start_day\": 60, \"dose_mg_per_day\": 1200 },\n"
  "    { \"type\": \"premeal_protein\", \"start_day\": 70, \"grams\": 15, \"minutes_before\": 0,\n"
  "      \"meals\": \"dinner\" },\n"
  "    { \"type\": \"omega3\", \"start_day\": 80, \"dose_g_per_day\": 0.1 },\n"
  "    { \"type\": \"metformin\", \"start_day\": 499, \"end_day\": 10949,\n"
  "      \"dose_mg_per_day\": 2550,\n"
  "      \"adherence\": 0 },\n"
  "    { \"type\": \"low_calorie_diet\", \"start_day\": 90, \"end_day\": 145,\n"
  "      \"kcal_per_day\": 612.5 }\n"
  "  ],\n"
  "  \"simulation\": { \"duration_days\": 500, \"seed\": 9007199254740993 }\n"
  "}\n";

/* Comparison */

static gboolean
same_double (double a,
             double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

static void
assert_same_scenario (const GtwScenario *a,
                      const GtwScenario *b)
{
  g_assert_cmpstr (a->name, ==, b->name);
  g_assert_cmpstr (a->description, ==, b->description);
  g_assert_cmpstr (a->preset, ==, b->preset);
  g_assert_cmpint (a->duration_days, ==, b->duration_days);
  g_assert_cmpuint (a->seed, ==, b->seed);

  for (int id = 0; id < GTW_N_PATIENT_PARAMS; id++)
    {
      if (a->patient.v[id] != b->patient.v[id])
        g_error ("patient.%s: %.17g != %.17g", gtw_registry_get (id)->id, a->patient.v[id],
                 b->patient.v[id]);
    }

  g_assert_cmpuint (a->interventions->len, ==, b->interventions->len);
  for (guint i = 0; i < a->interventions->len; i++)
    {
      const GtwIntervention *x = &g_array_index (a->interventions, GtwIntervention, i);
      const GtwIntervention *y = &g_array_index (b->interventions, GtwIntervention, i);
      const GtwInterventionClass *klass = gtw_intervention_class (x->type);

      g_assert_cmpint (x->type, ==, y->type);
      g_assert_cmpint (x->start_day, ==, y->start_day);
      g_assert_cmpint (x->end_day, ==, y->end_day);
      g_assert_cmpfloat (x->adherence, ==, y->adherence);
      for (guint f = 0; f < klass->n_fields; f++)
        if (!same_double (x->field[f], y->field[f]))
          g_error ("interventions[%u].%s: %.17g != %.17g", i, klass->fields[f].key, x->field[f],
                   y->field[f]);
    }
}

static void
assert_round_trip (const GtwScenario *scenario)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtwScenario) again = NULL;
  g_autofree char *data = NULL;
  g_autofree char *data_again = NULL;
  gsize length;

  data = gtw_scenario_to_data (scenario, &length);
  g_assert_cmpuint (length, ==, strlen (data));
  again = gtw_scenario_load_data (data, length, &error);
  if (again == NULL)
    g_error ("%s\n%s", error->message, data);
  assert_same_scenario (scenario, again);

  /* Writing is a function of the values alone. */
  data_again = gtw_scenario_to_data (again, NULL);
  g_assert_cmpstr (data, ==, data_again);
}

static double
field (const GtwIntervention *iv,
       const char            *key)
{
  const GtwInterventionClass *klass = gtw_intervention_class (iv->type);

  for (guint i = 0; i < klass->n_fields; i++)
    if (g_str_equal (klass->fields[i].key, key))
      return iv->field[i];
  g_error ("no field %s in %s", key, klass->id);
}

static const GtwIntervention *
intervention (const GtwScenario *scenario,
              guint              i)
{
  g_assert_cmpuint (i, <, scenario->interventions->len);
  return &g_array_index (scenario->interventions, GtwIntervention, i);
}

/* Presets */

static void
test_presets (void)
{
  const char *const *ids = gtw_preset_ids ();
  guint n = 0;

  for (; ids[n] != NULL; n++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GtwScenario) preset = gtw_preset_load (ids[n], &error);

      g_test_message ("preset %s", ids[n]);
      g_assert_no_error (error);
      g_assert_nonnull (preset);
      g_assert_cmpstr (preset->preset, ==, ids[n]);
      g_assert_true (preset->name != NULL && preset->name[0] != '\0');
      g_assert_true (preset->description != NULL && strlen (preset->description) > 100);
      g_assert_cmpuint (preset->interventions->len, ==, 0);
      g_assert_cmpint (preset->duration_days, ==,
                       g_str_equal (ids[n], "progressor") ? 7300 : 3650);
      g_assert_cmpuint (preset->seed, ==, 1);
      assert_round_trip (preset);
    }
  g_assert_cmpuint (n, ==, 8);
  g_assert_cmpstr (ids[0], ==, "healthy");
  g_assert_cmpstr (ids[7], ==, "progressor");
}

static void
test_preset_values (void)
{
  g_autoptr(GtwScenario) healthy = gtw_preset_load ("healthy", NULL);
  g_autoptr(GtwScenario) pcos = gtw_preset_load ("pcos", NULL);
  g_autoptr(GtwScenario) progressor = gtw_preset_load ("progressor", NULL);
  GtwPatient defaults;

  gtw_patient_init_defaults (&defaults);
  for (int id = 0; id < GTW_N_PATIENT_PARAMS; id++)
    g_assert_cmpfloat (healthy->patient.v[id], ==, defaults.v[id]);

  g_assert_true (gtw_patient_is_female (&pcos->patient));
  g_assert_cmpfloat (pcos->patient.v[GTW_P_PCOS], ==, 1);
  g_assert_cmpfloat (pcos->patient.v[GTW_P_AGE], ==, 28);
  g_assert_cmpfloat (pcos->patient.v[GTW_P_SI_INTRINSIC], ==, 0.7);
  g_assert_cmpfloat (pcos->patient.v[GTW_P_SLEEP], ==, defaults.v[GTW_P_SLEEP]);

  g_assert_cmpfloat (progressor->patient.v[GTW_P_OMEGA3_INDEX], ==, 4.5);
  g_assert_cmpfloat (progressor->patient.v[GTW_P_SATURATED_FAT], ==, 14);
}

static void
test_preset_unknown (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtwScenario) scenario = gtw_preset_load ("diabetic-cat", &error);

  g_assert_null (scenario);
  g_assert_error (error, GTW_SCENARIO_ERROR, GTW_SCENARIO_ERROR_UNKNOWN_PRESET);
  g_assert_nonnull (strstr (error->message, "'diabetic-cat'"));
  g_assert_nonnull (strstr (error->message, "glucotwin-cli presets"));
}

/* A file starting from a preset takes the preset's values unless it overrides them. */
static void
test_preset_as_base (void)
{
  static const char data[] =
    "{ \"format\": \"glucotwin-scenario\", \"version\": 1,"
    "  \"patient\": { \"weight_kg\": 70, \"preset\": \"early-t2d\" } }";
  g_autoptr(GError) error = NULL;
  g_autoptr(GtwScenario) scenario = gtw_scenario_load_data (data, -1, &error);
  g_autoptr(GtwScenario) base = gtw_preset_load ("early-t2d", NULL);

  g_assert_no_error (error);
  g_assert_nonnull (base);
  g_assert_cmpstr (scenario->preset, ==, "early-t2d");
  g_assert_cmpfloat (scenario->patient.v[GTW_P_WEIGHT], ==, 70);
  /* everything not overridden comes from the preset, whatever its calibration */
  for (guint i = 0; i < GTW_N_PATIENT_PARAMS; i++)
    if (i != GTW_P_WEIGHT)
      g_assert_cmpfloat (scenario->patient.v[i], ==, base->patient.v[i]);
  g_assert_cmpfloat (base->patient.v[GTW_P_WEIGHT], !=, 70);
  g_assert_cmpstr (scenario->name, ==, "Untitled scenario");
  g_assert_null (scenario->description);
  g_assert_cmpint (scenario->duration_days, ==, 3650);
  g_assert_cmpuint (scenario->seed, ==, 1);
  assert_round_trip (scenario);
}

/* Documented example and all types */

static void
test_docs_example (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtwScenario) scenario = gtw_scenario_load_data (docs_example, -1, &error);
  g_autoptr(GtwScenario) base = gtw_preset_load ("compensated-ir", NULL);
  const GtwIntervention *iv;

  g_assert_no_error (error);
  g_assert_cmpstr (scenario->name, ==, "Compensated insulin resistance, 45");
  g_assert_cmpstr (scenario->preset, ==, "compensated-ir");
  g_assert_cmpfloat (scenario->patient.v[GTW_P_AGE], ==, 45);
  g_assert_cmpfloat (scenario->patient.v[GTW_P_SEX], ==, GTW_SEX_FEMALE);
  g_assert_cmpfloat (scenario->patient.v[GTW_P_HEIGHT], ==, 165);
  g_assert_cmpfloat (scenario->patient.v[GTW_P_WEIGHT], ==, 88);
  for (int id = 0; id < GTW_N_PATIENT_PARAMS; id++)
    g_assert_cmpfloat (scenario->patient.v[id], ==, base->patient.v[id]);
  g_assert_cmpint (scenario->duration_days, ==, 3650);
  g_assert_cmpuint (scenario->seed, ==, 1);
  g_assert_cmpuint (scenario->interventions->len, ==, 4);

  iv = intervention (scenario, 0);
  g_assert_cmpint (iv->type, ==, GTW_IV_BERBERINE);
  g_assert_cmpint (iv->start_day, ==, 180);
  g_assert_cmpint (iv->end_day, ==, 545);
  g_assert_cmpfloat (iv->adherence, ==, 0.8);
  g_assert_cmpfloat (field (iv, "dose_mg_per_day"), ==, 1500);

  iv = intervention (scenario, 1);
  g_assert_cmpint (iv->type, ==, GTW_IV_EXERCISE);
  g_assert_cmpint (iv->start_day, ==, 180);
  g_assert_cmpint (iv->end_day, ==, -1);
  g_assert_cmpfloat (iv->adherence, ==, 1);
  g_assert_cmpfloat (field (iv, "kind"), ==, GTW_EXERCISE_RESISTANCE);
  g_assert_cmpfloat (field (iv, "sessions_per_week"), ==, 3);
  g_assert_cmpfloat (field (iv, "minutes_per_session"), ==, 45);
  g_assert_cmpfloat (field (iv, "intensity"), ==, 1); /* moderate */
  g_assert_cmpfloat (field (iv, "time_of_day"), ==, 17 * 60);

  iv = intervention (scenario, 2);
  g_assert_cmpint (iv->type, ==, GTW_IV_CARB_REDUCTION);
  g_assert_cmpint (iv->start_day, ==, 365);
  g_assert_cmpint (iv->end_day, ==, -1);
  g_assert_cmpfloat (field (iv, "reduction_fraction"), ==, 0.4);
  /* Not given: it follows reduction_fraction, which NAN stands for. */
  g_assert_true (isnan (field (iv, "fructose_reduction_fraction")));

  iv = intervention (scenario, 3);
  g_assert_cmpint (iv->type, ==, GTW_IV_GUT_REPAIR);
  g_assert_cmpint (iv->start_day, ==, 365);
  g_assert_cmpint (iv->end_day, ==, 455);
  g_assert_cmpfloat (field (iv, "akkermansia"), ==, 1);

  assert_round_trip (scenario);
}

/* The documentation's "..." placeholder is an unknown key like any other. */
static void
test_docs_placeholder_rejected (void)
{
  g_autoptr(GString) data = g_string_new (docs_example);
  g_autoptr(GError) error = NULL;
  g_autoptr(GtwScenario) scenario = NULL;

  g_string_replace (data, "\"weight_kg\": 88\n",
                    "\"weight_kg\": 88,\n    \"...\": \"every patient parameter\"\n", 1);
  scenario = gtw_scenario_load_data (data->str, data->len, &error);
  g_assert_null (scenario);
  g_assert_error (error, GTW_SCENARIO_ERROR, GTW_SCENARIO_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "patient....: unknown key");
}

static void
test_all_types (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtwScenario) scenario = gtw_scenario_load_data (all_types, -1, &error);
  gboolean seen[GTW_N_IV_TYPES] = { FALSE };
  const GtwIntervention *iv;

  g_assert_no_error (error);
  g_assert_cmpuint (scenario->interventions->len, ==, GTW_N_IV_TYPES);
  for (guint i = 0; i < scenario->interventions->len; i++)
    seen[intervention (scenario, i)->type] = TRUE;
  for (guint t = 0; t < GTW_N_IV_TYPES; t++)
    g_assert_true (seen[t]);

  g_assert_cmpstr (scenario->name, ==, "Everything \"at once\"");
  g_assert_cmpstr (scenario->description, ==, "Line one\nline two, tab\there, ünïcødé.");
  g_assert_null (scenario->preset);
  g_assert_cmpfloat (scenario->patient.v[GTW_P_WEIGHT], ==, 91.3);
  g_assert_cmpfloat (scenario->patient.v[GTW_P_SI_INTRINSIC], ==, 1);
  g_assert_cmpuint (scenario->seed, ==, G_GUINT64_CONSTANT (9007199254740993));

  iv = intervention (scenario, 1);
  g_assert_cmpfloat (iv->adherence, ==, 0.33);
  g_assert_cmpfloat (field (iv, "kind"), ==, GTW_EXERCISE_COMBINED);
  g_assert_cmpfloat (field (iv, "intensity"), ==, 2);
  g_assert_cmpfloat (field (iv, "time_of_day"), ==, 6 * 60 + 45);
  g_assert_cmpfloat (field (intervention (scenario, 2), "fructose_reduction_fraction"), ==, 0.7);
  g_assert_cmpfloat (field (intervention (scenario, 3), "akkermansia"), ==, 0);
  g_assert_cmpfloat (field (intervention (scenario, 7), "meals"), ==, 3); /* dinner */
  g_assert_cmpint (intervention (scenario, 9)->end_day, ==, 10949);
  g_assert_cmpfloat (field (intervention (scenario, 10), "kcal_per_day"), ==, 612.5);

  assert_round_trip (scenario);
}

/* Values set through the API, not read from text, still survive a trip through a file. */
static void
test_api_round_trip (void)
{
  g_autoptr(GtwScenario) scenario = gtw_scenario_new ();
  GtwIntervention iv;

  scenario->patient.v[GTW_P_WEIGHT] = 0.1 * 3 + 80;
  scenario->patient.v[GTW_P_SI_INTRINSIC] = 1.0 / 3.0;
  scenario->patient.v[GTW_P_ENERGY_SURPLUS] = -123.456789e-3;
  scenario->patient.v[GTW_P_LIVER_FAT] = nextafter (5.6, 6);
  gtw_intervention_init (&iv, GTW_IV_OMEGA3, 3);
  iv.adherence = 2.0 / 3.0;
  iv.field[0] = 1e-7;
  g_array_append_val (scenario->interventions, iv);
  scenario->duration_days = 4;
  scenario->seed = 0;

  assert_round_trip (scenario);
}

static void
test_new_and_copy (void)
{
  g_autoptr(GtwScenario) scenario = gtw_scenario_new ();
  g_autoptr(GtwScenario) copy = NULL;
  g_autoptr(GtwScenario) baseline = NULL;
  GtwPatient defaults;
  GtwIntervention iv;

  gtw_patient_init_defaults (&defaults);
  g_assert_cmpstr (scenario->name, ==, "Untitled scenario");
  g_assert_null (scenario->description);
  g_assert_null (scenario->preset);
  g_assert_cmpmem (&scenario->patient, sizeof defaults, &defaults, sizeof defaults);
  g_assert_cmpuint (scenario->interventions->len, ==, 0);
  g_assert_cmpint (scenario->duration_days, ==, 3650);
  g_assert_cmpuint (scenario->seed, ==, 1);

  gtw_intervention_init (&iv, GTW_IV_METFORMIN, 100);
  g_array_append_val (scenario->interventions, iv);
  scenario->description = g_strdup ("desc");
  scenario->preset = g_strdup ("pcos");

  copy = gtw_scenario_copy (scenario);
  assert_same_scenario (scenario, copy);
  g_assert_true (copy->interventions != scenario->interventions);
  g_assert_true (copy->name != scenario->name);

  baseline = gtw_scenario_copy_baseline (scenario);
  g_assert_cmpuint (baseline->interventions->len, ==, 0);
  g_assert_cmpuint (scenario->interventions->len, ==, 1);
  g_assert_cmpstr (baseline->preset, ==, "pcos");
  g_assert_cmpmem (&baseline->patient, sizeof defaults, &scenario->patient, sizeof defaults);

  gtw_scenario_free (NULL);
}

/* Bad input */

#define PARSE_OR_INVALID (-1)

typedef struct
{
  const char *what;
  const char *data;
  int         code;
  const char *message; /* the start of the message; NULL for a parse error */
} BadInput;

#define HEAD "\"format\": \"glucotwin-scenario\", \"version\": 1"

static const BadInput bad_inputs[] = {
  { "not json", "{ \"format\": ", GTW_SCENARIO_ERROR_PARSE, NULL },
  { "empty", "", GTW_SCENARIO_ERROR_PARSE, NULL },
  { "top level array", "[1, 2]", GTW_SCENARIO_ERROR_INVALID, "top level: must be an object" },
  { "missing format", "{ \"version\": 1 }", GTW_SCENARIO_ERROR_INVALID, "format: missing" },
  { "wrong format", "{ \"format\": \"gnumeric\", \"version\": 1 }", GTW_SCENARIO_ERROR_INVALID,
    "format: 'gnumeric' is not a Glucotwin scenario" },
  { "missing version", "{ \"format\": \"glucotwin-scenario\" }", GTW_SCENARIO_ERROR_INVALID,
    "version: missing" },
  { "version as string", "{ \"format\": \"glucotwin-scenario\", \"version\": \"1\" }",
    GTW_SCENARIO_ERROR_INVALID, "version: must be an integer" },
  { "newer version",
    "{ \"format\": \"glucotwin-scenario\", \"version\": 2, \"future\": {} }",
    GTW_SCENARIO_ERROR_VERSION,
    "version: written by a newer Glucotwin (version 2); this one reads up to 1" },
  { "unknown top-level key", "{ " HEAD ", \"patients\": {} }", GTW_SCENARIO_ERROR_INVALID,
    "patients: unknown key" },
  { "name as number", "{ " HEAD ", \"name\": 3 }", GTW_SCENARIO_ERROR_INVALID,
    "name: must be a string, not a number" },
  { "description null", "{ " HEAD ", \"description\": null }", GTW_SCENARIO_ERROR_INVALID,
    "description: must be a string" },

  /* patient */
  { "patient as array", "{ " HEAD ", \"patient\": [] }", GTW_SCENARIO_ERROR_INVALID,
    "patient: must be an object, not an array" },
  { "unknown patient key", "{ " HEAD ", \"patient\": { \"weight_lb\": 150 } }",
    GTW_SCENARIO_ERROR_INVALID, "patient.weight_lb: unknown key" },
  { "model constant as patient key", "{ " HEAD ", \"patient\": { \"eg0\": 1 } }",
    GTW_SCENARIO_ERROR_INVALID, "patient.eg0: unknown key" },
  { "string for number", "{ " HEAD ", \"patient\": { \"weight_kg\": \"88\" } }",
    GTW_SCENARIO_ERROR_INVALID, "patient.weight_kg: must be a number, not a string" },
  { "number for boolean", "{ " HEAD ", \"patient\": { \"pcos\": 1 } }",
    GTW_SCENARIO_ERROR_INVALID, "patient.pcos: must be true or false, not a number" },
  { "bad choice", "{ " HEAD ", \"patient\": { \"sex\": \"f\" } }", GTW_SCENARIO_ERROR_INVALID,
    "patient.sex: 'f' is not one of female, male" },
  { "choice as index", "{ " HEAD ", \"patient\": { \"sex\": 0 } }", GTW_SCENARIO_ERROR_INVALID,
    "patient.sex: must be a string" },
  { "patient value out of range", "{ " HEAD ", \"patient\": { \"weight_kg\": 400 } }",
    GTW_SCENARIO_ERROR_INVALID, "patient.weight_kg: 400 is outside 35–250 kg" },
  { "patient value just below range", "{ " HEAD ", \"patient\": { \"age_years\": 17.999 } }",
    GTW_SCENARIO_ERROR_INVALID, "patient.age_years: 17.999 is outside 18–90 years" },
  { "weight too low for the height", "{ " HEAD ", \"patient\": { \"height_cm\": 202, "
    "\"weight_kg\": 37 } }", GTW_SCENARIO_ERROR_INVALID,
    "patient: A weight of 37 kg at a height of 202 cm gives a body mass index of 9.1 kg/m², "
    "below the 12 kg/m² at which an adult can live" },
  { "repeated key", "{ " HEAD ", \"patient\": { \"weight_kg\": 80, \"weight_kg\": 90 } }",
    GTW_SCENARIO_ERROR_INVALID,
    "patient.weight_kg: the key appears twice in the same object" },
  { "repeated top-level key", "{ " HEAD ", \"name\": \"a\", \"name\": \"b\" }",
    GTW_SCENARIO_ERROR_INVALID, "name: the key appears twice in the same object" },
  { "NaN", "{ " HEAD ", \"patient\": { \"weight_kg\": NaN } }", PARSE_OR_INVALID,
    "patient.weight_kg: " },
  { "Infinity", "{ " HEAD ", \"patient\": { \"weight_kg\": Infinity } }", PARSE_OR_INVALID,
    "patient.weight_kg: " },
  { "overflowing literal", "{ " HEAD ", \"patient\": { \"weight_kg\": 1e999 } }",
    PARSE_OR_INVALID, "patient.weight_kg: " },
  { "unknown preset", "{ " HEAD ", \"patient\": { \"preset\": \"nope\" } }",
    GTW_SCENARIO_ERROR_UNKNOWN_PRESET,
    "patient.preset: unknown preset 'nope'; see glucotwin-cli presets" },
  { "preset as number", "{ " HEAD ", \"patient\": { \"preset\": 1 } }",
    GTW_SCENARIO_ERROR_INVALID, "patient.preset: must be a string" },

  /* interventions */
  { "interventions as object", "{ " HEAD ", \"interventions\": {} }", GTW_SCENARIO_ERROR_INVALID,
    "interventions: must be an array, not an object" },
  { "intervention as array", "{ " HEAD ", \"interventions\": [ [] ] }",
    GTW_SCENARIO_ERROR_INVALID, "interventions[0]: must be an object, not an array" },
  { "missing type", "{ " HEAD ", \"interventions\": [ { \"start_day\": 1 } ] }",
    GTW_SCENARIO_ERROR_INVALID, "interventions[0].type: missing" },
  { "unknown type",
    "{ " HEAD ", \"interventions\": [ { \"type\": \"cinnamon\", \"start_day\": 1 } ] }",
    GTW_SCENARIO_ERROR_INVALID, "interventions[0].type: unknown intervention type 'cinnamon'" },
  { "missing start",
    "{ " HEAD ", \"interventions\": [ { \"type\": \"omega3\" } ] }",
    GTW_SCENARIO_ERROR_INVALID, "interventions[0].start_day: missing" },
  { "unknown intervention key",
    "{ " HEAD ", \"interventions\": [ { \"type\": \"omega3\", \"start_day\": 1 },"
    " { \"type\": \"omega3\", \"start_day\": 1, \"dose_mg_per_day\": 3 } ] }",
    GTW_SCENARIO_ERROR_INVALID, "interventions[1].dose_mg_per_day: unknown key" },
  { "fractional start",
    "{ " HEAD ", \"interventions\": [ { \"type\": \"omega3\", \"start_day\": 1.5 } ] }",
    GTW_SCENARIO_ERROR_INVALID,
    "interventions[0].start_day: must be an integer between 0 and 3649" },
  { "negative start",
    "{ " HEAD ", \"interventions\": [ { \"type\": \"omega3\", \"start_day\": -1 } ] }",
    GTW_SCENARIO_ERROR_INVALID,
    "interventions[0].start_day: must be an integer between 0 and 3649" },
  { "start at the duration",
    "{ " HEAD ", \"interventions\": [ { \"type\": \"omega3\", \"start_day\": 100 } ],"
    " \"simulation\": { \"duration_days\": 100 } }",
    GTW_SCENARIO_ERROR_INVALID,
    "interventions[0].start_day: must be an integer between 0 and 99" },
  { "start after end",
    "{ " HEAD ", \"interventions\": [ { \"type\": \"omega3\", \"start_day\": 10,"
    " \"end_day\": 9 } ] }",
    GTW_SCENARIO_ERROR_INVALID,
    "interventions[0].end_day: day 9 is before the start, day 10: an intervention cannot end before it starts" },
  { "adherence out of range",
    "{ " HEAD ", \"interventions\": [ { \"type\": \"omega3\", \"start_day\": 1,"
    " \"adherence\": 1.2 } ] }",
    GTW_SCENARIO_ERROR_INVALID, "interventions[0].adherence: 1.2 is outside 0–1" },
  { "intervention field out of range",
    "{ " HEAD ", \"interventions\": [ { \"type\": \"omega3\", \"start_day\": 1 },"
    " { \"type\": \"omega3\", \"start_day\": 1 },"
    " { \"type\": \"berberine\", \"start_day\": 1, \"dose_mg_per_day\": 4000 } ] }",
    GTW_SCENARIO_ERROR_INVALID,
    "interventions[2].dose_mg_per_day: 4000 is outside 0–3000 mg/day" },
  { "intervention field wrong type",
    "{ " HEAD ", \"interventions\": [ { \"type\": \"gut_repair\", \"start_day\": 1,"
    " \"akkermansia\": \"yes\" } ] }",
    GTW_SCENARIO_ERROR_INVALID,
    "interventions[0].akkermansia: must be true or false, not a string" },
  { "intervention choice unknown",
    "{ " HEAD ", \"interventions\": [ { \"type\": \"exercise\", \"start_day\": 1,"
    " \"intensity\": \"extreme\" } ] }",
    GTW_SCENARIO_ERROR_INVALID,
    "interventions[0].intensity: 'extreme' is not one of light, moderate, vigorous" },
  { "bad time 25:00",
    "{ " HEAD ", \"interventions\": [ { \"type\": \"exercise\", \"start_day\": 1,"
    " \"time_of_day\": \"25:00\" } ] }",
    GTW_SCENARIO_ERROR_INVALID, "interventions[0].time_of_day: '25:00' is not a time of day" },
  { "bad time 7:00",
    "{ " HEAD ", \"interventions\": [ { \"type\": \"exercise\", \"start_day\": 1,"
    " \"time_of_day\": \"7:00\" } ] }",
    GTW_SCENARIO_ERROR_INVALID, "interventions[0].time_of_day: '7:00' is not a time of day" },
  { "bad time 12:60",
    "{ " HEAD ", \"interventions\": [ { \"type\": \"exercise\", \"start_day\": 1,"
    " \"time_of_day\": \"12:60\" } ] }",
    GTW_SCENARIO_ERROR_INVALID, "interventions[0].time_of_day: '12:60' is not a time of day" },
  { "time as number",
    "{ " HEAD ", \"interventions\": [ { \"type\": \"exercise\", \"start_day\": 1,"
    " \"time_of_day\": 1020 } ] }",
    GTW_SCENARIO_ERROR_INVALID, "interventions[0].time_of_day: must be a string" },
  { "repeated key in an intervention",
    "{ " HEAD ", \"interventions\": [ { \"type\": \"omega3\", \"start_day\": 1 },"
    " { \"type\": \"omega3\", \"start_day\": 1, \"start_day\": 2 } ] }",
    GTW_SCENARIO_ERROR_INVALID,
    "interventions[1].start_day: the key appears twice in the same object" },
  { "NaN in an intervention",
    "{ " HEAD ", \"interventions\": [ { \"type\": \"omega3\", \"start_day\": 1,"
    " \"dose_g_per_day\": NaN } ] }",
    PARSE_OR_INVALID, "interventions[0].dose_g_per_day: " },

  /* simulation */
  { "simulation as array", "{ " HEAD ", \"simulation\": [] }", GTW_SCENARIO_ERROR_INVALID,
    "simulation: must be an object, not an array" },
  { "unknown simulation key", "{ " HEAD ", \"simulation\": { \"days\": 10 } }",
    GTW_SCENARIO_ERROR_INVALID, "simulation.days: unknown key" },
  { "duration over 30 years", "{ " HEAD ", \"simulation\": { \"duration_days\": 10951 } }",
    GTW_SCENARIO_ERROR_INVALID,
    "simulation.duration_days: must be an integer between 1 and 10950" },
  { "duration zero", "{ " HEAD ", \"simulation\": { \"duration_days\": 0 } }",
    GTW_SCENARIO_ERROR_INVALID,
    "simulation.duration_days: must be an integer between 1 and 10950" },
  { "negative seed", "{ " HEAD ", \"simulation\": { \"seed\": -1 } }",
    GTW_SCENARIO_ERROR_INVALID, "simulation.seed: must be an integer of at least 0" },
};

static void
test_bad_input (gconstpointer user_data)
{
  const BadInput *bad = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtwScenario) scenario = gtw_scenario_load_data (bad->data, -1, &error);

  g_assert_null (scenario);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (error->domain == GTW_SCENARIO_ERROR);

  if (bad->code == PARSE_OR_INVALID)
    {
      /* json-glib may refuse the literal itself; if it reads it, the range check must. */
      g_assert_true (error->code == GTW_SCENARIO_ERROR_PARSE
                     || error->code == GTW_SCENARIO_ERROR_INVALID);
      if (error->code == GTW_SCENARIO_ERROR_INVALID)
        g_assert_true (g_str_has_prefix (error->message, bad->message));
      else
        /* where json-glib refuses it, the message says where, in words */
        g_assert_true (g_str_has_prefix (error->message, "not valid JSON at line "));
      return;
    }

  g_assert_cmpint (error->code, ==, bad->code);
  if (bad->message != NULL && !g_str_has_prefix (error->message, bad->message))
    g_error ("expected a message starting with \"%s\", got \"%s\"", bad->message,
             error->message);
}

/* json-glib's parser recurses once per level: a small file nested deeply enough overflowed the
 * stack (a crash, not an error) before the depth was counted first. Brackets inside strings
 * do not count. */
static void
test_deep_nesting (void)
{
  static const int depths[] = { 100000, GTW_SCENARIO_MAX_DEPTH + 1 };

  for (guint k = 0; k < G_N_ELEMENTS (depths); k++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GtwScenario) scenario = NULL;
      g_autoptr(GString) data = g_string_new ("{ " HEAD ", \"extra\": ");

      /* the root object is one level already */
      for (int i = 1; i < depths[k]; i++)
        g_string_append_c (data, '[');
      for (int i = 1; i < depths[k]; i++)
        g_string_append_c (data, ']');
      g_string_append (data, " }");
      scenario = gtw_scenario_load_data (data->str, data->len, &error);
      g_assert_null (scenario);
      g_assert_error (error, GTW_SCENARIO_ERROR, GTW_SCENARIO_ERROR_PARSE);
      g_assert_nonnull (strstr (error->message, "levels deep"));
    }

  /* at the limit the parser reads it, and the loader names the key */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GtwScenario) scenario = NULL;
    g_autoptr(GString) data = g_string_new ("{ " HEAD ", \"extra\": ");

    for (int i = 1; i < GTW_SCENARIO_MAX_DEPTH; i++)
      g_string_append_c (data, '[');
    for (int i = 1; i < GTW_SCENARIO_MAX_DEPTH; i++)
      g_string_append_c (data, ']');
    g_string_append (data, " }");
    scenario = gtw_scenario_load_data (data->str, data->len, &error);
    g_assert_error (error, GTW_SCENARIO_ERROR, GTW_SCENARIO_ERROR_INVALID);
    g_assert_true (g_str_has_prefix (error->message, "extra: unknown key"));
  }

  /* brackets and escaped quotes inside a string are text */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GtwScenario) scenario = NULL;
    g_autoptr(GString) data = g_string_new ("{ " HEAD ", \"description\": \"\\\"");

    for (int i = 0; i < 1000; i++)
      g_string_append (data, "[{");
    g_string_append (data, "\" }");
    scenario = gtw_scenario_load_data (data->str, data->len, &error);
    g_assert_no_error (error);
    g_assert_true (g_str_has_prefix (scenario->description, "\"[{[{"));
  }
}

/* Files */

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("glucotwin-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  if (listing == NULL)
    return;
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_chmod (path, 0700);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (listing);
  while (g_dir_read_name (listing) != NULL)
    n++;
  return n;
}

static void
test_file_too_large (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "huge.glucotwin.json", NULL);
  g_autoptr(GString) data = g_string_new ("{ " HEAD " ");
  g_autoptr(GError) error = NULL;
  g_autoptr(GtwScenario) scenario = NULL;

  /* Valid JSON but for its size: only the size can be the reason. */
  while (data->len <= GTW_SCENARIO_MAX_FILE_SIZE)
    g_string_append (data, "                                                                ");
  g_string_append (data, "}");
  g_assert_true (g_file_set_contents (path, data->str, data->len, NULL));

  scenario = gtw_scenario_load_file (path, &error);
  g_assert_null (scenario);
  g_assert_error (error, GTW_SCENARIO_ERROR, GTW_SCENARIO_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "huge.glucotwin.json"));
  g_clear_error (&error);

  scenario = gtw_scenario_load_data (data->str, data->len, &error);
  g_assert_null (scenario);
  g_assert_error (error, GTW_SCENARIO_ERROR, GTW_SCENARIO_ERROR_TOO_LARGE);

  remove_tree (dir);
}

static void
test_file_missing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtwScenario) scenario = gtw_scenario_load_file ("/nonexistent/x.glucotwin.json",
                                                            &error);

  g_assert_null (scenario);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_save_and_load (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "s.glucotwin.json", NULL);
  g_autoptr(GtwScenario) scenario = gtw_scenario_load_data (all_types, -1, NULL);
  g_autoptr(GtwScenario) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) junk = g_string_new (NULL);
  g_autofree char *expected = gtw_scenario_to_data (scenario, NULL);
  g_autofree char *contents = NULL;

  /* An older, longer file at the path must be replaced completely, not overwritten in part. */
  while (junk->len < 4 * strlen (expected))
    g_string_append (junk, "old contents that must disappear\n");
  g_assert_true (g_file_set_contents (path, junk->str, junk->len, NULL));

  g_assert_true (gtw_scenario_save_file (scenario, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
  g_assert_cmpuint (count_entries (dir), ==, 1); /* no temporary file left behind */

  loaded = gtw_scenario_load_file (path, &error);
  g_assert_no_error (error);
  assert_same_scenario (scenario, loaded);

  remove_tree (dir);
}

static void
test_save_missing_dir (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *missing = g_build_filename (dir, "missing", NULL);
  g_autofree char *path = g_build_filename (missing, "s.glucotwin.json", NULL);
  g_autoptr(GtwScenario) scenario = gtw_scenario_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (gtw_scenario_save_file (scenario, path, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_entries (dir), ==, 0);

  remove_tree (dir);
}

static void
test_save_read_only_dir (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GtwScenario) scenario = gtw_scenario_new ();
  g_autoptr(GError) error = NULL;

  if (getuid () == 0)
    {
      g_test_skip ("root can write into read-only directories");
      return;
    }

  dir = make_tmp_dir ();
  path = g_build_filename (dir, "s.glucotwin.json", NULL);
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_cmpint (g_chmod (dir, 0500), ==, 0);

  g_assert_false (gtw_scenario_save_file (scenario, path, &error));
  g_assert_nonnull (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_assert_cmpuint (count_entries (dir), ==, 1);

  g_chmod (dir, 0700);
  remove_tree (dir);
}

/* A write that fails half-way (the file-size limit, which holds for root too) leaves the file
 * being replaced as it was, and no temporary file behind. */
static void
test_save_failing_write (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;

  if (g_test_subprocess ())
    {
      /* The parent's file, handed over through the environment the child inherits. */
      const char *target = g_getenv ("GTW_TEST_SAVE_TARGET");
      g_autoptr(GtwScenario) scenario = NULL;
      g_autoptr(GError) error = NULL;
      struct rlimit limit = { 64, 64 };

      g_assert_nonnull (target);
      scenario = gtw_preset_load ("progressor", &error);
      g_assert_no_error (error);
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      g_assert_false (gtw_scenario_save_file (scenario, target, &error));
      g_assert_nonnull (error);
      g_printerr ("save refused: %s\n", error->message);
      return;
    }

  dir = make_tmp_dir ();
  path = g_build_filename (dir, "s.glucotwin.json", NULL);
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_setenv ("GTW_TEST_SAVE_TARGET", path, TRUE);
  g_test_trap_subprocess ("/scenario/file/save-failing-write", 0, G_TEST_SUBPROCESS_DEFAULT);
  g_unsetenv ("GTW_TEST_SAVE_TARGET");
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*save refused*");
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_assert_cmpuint (count_entries (dir), ==, 1);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scenario/presets/load-and-round-trip", test_presets);
  g_test_add_func ("/scenario/presets/values", test_preset_values);
  g_test_add_func ("/scenario/presets/unknown", test_preset_unknown);
  g_test_add_func ("/scenario/presets/as-base", test_preset_as_base);
  g_test_add_func ("/scenario/load/docs-example", test_docs_example);
  g_test_add_func ("/scenario/load/docs-placeholder-rejected", test_docs_placeholder_rejected);
  g_test_add_func ("/scenario/load/all-types", test_all_types);
  g_test_add_func ("/scenario/round-trip/api-values", test_api_round_trip);
  g_test_add_func ("/scenario/new-and-copy", test_new_and_copy);

  for (guint i = 0; i < G_N_ELEMENTS (bad_inputs); i++)
    {
      g_autofree char *name = g_strdup_printf ("/scenario/bad-input/%s", bad_inputs[i].what);

      g_strdelimit (name + strlen ("/scenario/bad-input/"), " /", '-');
      g_test_add_data_func (name, &bad_inputs[i], test_bad_input);
    }

  g_test_add_func ("/scenario/load/deep-nesting", test_deep_nesting);
  g_test_add_func ("/scenario/file/too-large", test_file_too_large);
  g_test_add_func ("/scenario/file/missing", test_file_missing);
  g_test_add_func ("/scenario/file/save-and-load", test_save_and_load);
  g_test_add_func ("/scenario/file/save-missing-dir", test_save_missing_dir);
  g_test_add_func ("/scenario/file/save-read-only-dir", test_save_read_only_dir);
  g_test_add_func ("/scenario/file/save-failing-write", test_save_failing_write);

  return g_test_run ();
}
