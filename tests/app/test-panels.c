/* test-panels.c: the patient panel, the markers panel and the preferences window, in-process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run headless through xvfb-run-test with the memory GSettings backend. With
 * GTW_TEST_SCREENSHOT_DIR set, the layout test also writes each panel, light and dark, as PNG.
 */
#include <locale.h>
#include <math.h>

#include "gtw-markers-panel.h"
#include "gtw-model.h"
#include "gtw-patient-panel.h"
#include "gtw-preferences-window.h"
#include "ui-test-util.h"

#define PANEL_WIDTH 340

/* Widget-tree helpers */

static gboolean
match_row_title (GtkWidget    *widget,
                 gconstpointer data)
{
  return ADW_IS_PREFERENCES_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

static gboolean
match_label_text (GtkWidget    *widget,
                  gconstpointer data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  GtkWidget *widget = gtw_test_find_widget (root, GTK_TYPE_WIDGET, name);

  g_assert_nonnull (widget);
  return widget;
}

static GtkWidget *
find_in (GtkWidget *root,
         GType      type)
{
  GtkWidget *widget = gtw_test_find_widget (root, type, NULL);

  g_assert_nonnull (widget);
  return widget;
}

static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  GtkWidget *widget = gtw_test_find_widget_match (root, match_row_title, title);

  g_assert_nonnull (widget);
  return widget;
}

static void
count_signal (gpointer  object,
              const char *arg,
              gpointer  user_data)
{
  GPtrArray *received = user_data;

  g_ptr_array_add (received, g_strdup (arg));
}

static GtwScenario *
load_preset (const char *id)
{
  g_autoptr(GError) error = NULL;
  GtwScenario *scenario = gtw_preset_load (id, &error);

  g_assert_no_error (error);
  return scenario;
}

static double
spin_value (GtkWidget  *panel,
            const char *param_id)
{
  GtkWidget *row = find_named (panel, param_id);

  return gtk_spin_button_get_value (GTK_SPIN_BUTTON (find_in (row, GTK_TYPE_SPIN_BUTTON)));
}

/* Patient panel */

static void
test_patient_presets (void)
{
  GtkWidget *panel = gtw_patient_panel_new ();
  GtkWidget *window = gtw_test_show (panel, PANEL_WIDTH, 800);
  const char *const *ids = gtw_preset_ids ();
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) picks = g_ptr_array_new_with_free_func (g_free);

  g_signal_connect (panel, "patient-edited", G_CALLBACK (count_signal), edits);
  g_signal_connect (panel, "preset-chosen", G_CALLBACK (count_signal), picks);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(GtwScenario) scenario = load_preset (ids[i]);
      const GtwPatient *patient;
      GtkWidget *preset_row;

      gtw_patient_panel_set_scenario (GTW_PATIENT_PANEL (panel), scenario);
      gtw_test_iterate_pending ();

      preset_row = find_named (panel, "preset");
      g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (preset_row)), ==, i);
      g_assert_nonnull (gtw_test_find_widget_match (panel, match_label_text, scenario->description));
      patient = gtw_patient_panel_get_patient (GTW_PATIENT_PANEL (panel));
      for (GtwParamId id = 0; id < GTW_N_PATIENT_PARAMS; id++)
        {
          const GtwParamInfo *info = gtw_registry_get (id);
          GtkWidget *row = find_named (panel, info->id);

          g_assert_cmpfloat (patient->v[id], ==, scenario->patient.v[id]);
          switch (info->kind)
            {
            case GTW_PARAM_NUMBER:
              g_assert_cmpfloat_with_epsilon (spin_value (panel, info->id),
                                              scenario->patient.v[id], 1e-9);
              break;
            case GTW_PARAM_CHOICE:
              g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==,
                                (guint) scenario->patient.v[id]);
              break;
            case GTW_PARAM_BOOLEAN:
              g_assert_cmpint (gtk_switch_get_active (GTK_SWITCH (find_in (row, GTK_TYPE_SWITCH))),
                               ==, scenario->patient.v[id] != 0.0);
              break;
            default:
              g_assert_not_reached ();
            }
        }
    }
  /* Showing a scenario is not an edit, nor a pick. */
  g_assert_cmpuint (edits->len, ==, 0);
  g_assert_cmpuint (picks->len, ==, 0);

  /* A pick in the chooser is the user's. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_named (panel, "preset")), 1);
  g_assert_cmpuint (picks->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (picks, 0), ==, ids[1]);
  g_assert_cmpuint (edits->len, ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_patient_set_value (void)
{
  GtkWidget *panel = gtw_patient_panel_new ();
  GtkWidget *window = gtw_test_show (panel, PANEL_WIDTH, 800);
  g_autoptr(GtwScenario) scenario = load_preset ("compensated-ir");
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) picks = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const GtwPatient *patient = gtw_patient_panel_get_patient (GTW_PATIENT_PANEL (panel));
  GtkWidget *weight_row;
  GtkWidget *bmi;
  double bmi_before;

  gtw_patient_panel_set_scenario (GTW_PATIENT_PANEL (panel), scenario);
  g_signal_connect (panel, "patient-edited", G_CALLBACK (count_signal), edits);
  weight_row = find_named (panel, "weight_kg");
  bmi = find_named (panel, "bmi");
  bmi_before = g_ascii_strtod (gtk_label_get_text (GTK_LABEL (bmi)), NULL);
  g_assert_cmpfloat_with_epsilon (bmi_before, round (gtw_patient_bmi (patient) * 10) / 10, 1e-9);

  /* A good value: shown, kept, reported once with its undo label; BMI follows. */
  g_assert_true (gtw_patient_panel_set_value (GTW_PATIENT_PANEL (panel), "weight_kg", 70.0,
                                              &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (patient->v[GTW_P_WEIGHT], ==, 70.0);
  g_assert_cmpfloat (spin_value (panel, "weight_kg"), ==, 70.0);
  g_assert_cmpuint (edits->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (edits, 0), ==, "Change Weight");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (bmi)), ==, "25.7"); /* 70 / 1.65² */

  /* The edited patient is no longer the preset; choosing it again brings its values back. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_named (panel, "preset"))), ==,
                    GTK_INVALID_LIST_POSITION);
  g_assert_nonnull (gtw_test_find_widget_match (panel, match_label_text,
                                 "Changed from “Compensated insulin resistance”. Choose it again "
                                 "to go back to its values."));
  g_signal_connect (panel, "preset-chosen", G_CALLBACK (count_signal), picks);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_named (panel, "preset")), 1);
  g_assert_cmpuint (picks->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (picks, 0), ==, "compensated-ir");

  /* Out of range: refused, shown as an error, nothing reported, the last good value kept. */
  g_assert_false (gtw_patient_panel_set_value (GTW_PATIENT_PANEL (panel), "weight_kg", 400.0,
                                               &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_cmpfloat (patient->v[GTW_P_WEIGHT], ==, 70.0);
  g_assert_cmpfloat (spin_value (panel, "weight_kg"), ==, 70.0);
  g_assert_cmpuint (edits->len, ==, 1);
  g_assert_true (gtk_widget_has_css_class (weight_row, "gtw-param-error"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (weight_row)), "Kept 70"));

  /* Not a patient parameter: refused without a trace. */
  g_assert_false (gtw_patient_panel_set_value (GTW_PATIENT_PANEL (panel), "shoe_size", 42.0,
                                               &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (gtw_patient_panel_set_value (GTW_PATIENT_PANEL (panel), "sex", 0.5, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_cmpuint (edits->len, ==, 1);

  /* The next good value clears the error; a choice is a value like any other. */
  g_assert_true (gtw_patient_panel_set_value (GTW_PATIENT_PANEL (panel), "weight_kg", 72.5, NULL));
  g_assert_false (gtk_widget_has_css_class (weight_row, "gtw-param-error"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (weight_row)), ==, "kg · 35–250");
  g_assert_true (gtw_patient_panel_set_value (GTW_PATIENT_PANEL (panel), "sex", GTW_SEX_MALE, NULL));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_named (panel, "sex"))), ==,
                    GTW_SEX_MALE);
  g_assert_cmpuint (edits->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (edits, 2), ==, "Change Sex");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
type_into (GtkWidget  *spin,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
  gtw_test_iterate_pending ();
}

static void
test_patient_typing (void)
{
  GtkWidget *panel = gtw_patient_panel_new ();
  GtkWidget *window = gtw_test_show (panel, PANEL_WIDTH, 800);
  g_autoptr(GtwScenario) scenario = load_preset ("compensated-ir");
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func (g_free);
  const GtwPatient *patient = gtw_patient_panel_get_patient (GTW_PATIENT_PANEL (panel));
  GtkWidget *row;
  GtkWidget *spin;

  gtw_patient_panel_set_scenario (GTW_PATIENT_PANEL (panel), scenario);
  g_signal_connect (panel, "patient-edited", G_CALLBACK (count_signal), edits);
  row = find_named (panel, "height_cm");
  spin = find_in (row, GTK_TYPE_SPIN_BUTTON);

  /* Typed out of range: not clamped to 220 but refused, with the reason on the row. */
  type_into (spin, "300");
  g_assert_cmpuint (edits->len, ==, 0);
  g_assert_cmpfloat (patient->v[GTW_P_HEIGHT], ==, 165.0);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 165.0);
  g_assert_true (gtk_widget_has_css_class (spin, "error"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "300"));

  type_into (spin, "tall");
  g_assert_cmpuint (edits->len, ==, 0);
  g_assert_true (gtk_widget_has_css_class (spin, "error"));

  /* Typed in range: taken, reported, the error gone. */
  type_into (spin, "170");
  g_assert_cmpuint (edits->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (edits, 0), ==, "Change Height");
  g_assert_cmpfloat (patient->v[GTW_P_HEIGHT], ==, 170.0);
  g_assert_false (gtk_widget_has_css_class (spin, "error"));

  /* Leaving the field with its text unchanged is not an edit. */
  type_into (spin, gtk_editable_get_text (GTK_EDITABLE (spin)));
  g_assert_cmpuint (edits->len, ==, 1);

  /* Whole kilograms are the rule, but a typed 88.5 is kept and shown as typed. */
  spin = find_in (find_named (panel, "weight_kg"), GTK_TYPE_SPIN_BUTTON);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "88");
  type_into (spin, "88.5");
  g_assert_cmpuint (edits->len, ==, 2);
  g_assert_cmpfloat (patient->v[GTW_P_WEIGHT], ==, 88.5);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "88.5");
  type_into (spin, "88.5");
  g_assert_cmpuint (edits->len, ==, 2);

  /* The step buttons edit too. */
  gtk_spin_button_spin (GTK_SPIN_BUTTON (spin), GTK_SPIN_STEP_FORWARD, 0.0);
  g_assert_cmpuint (edits->len, ==, 3);
  g_assert_cmpfloat (patient->v[GTW_P_WEIGHT], ==, 89.5);

  /* Each value in its range, but together no one who can live: 36 kg at 220 cm is a body mass
   * index of 7.4. Refused with the reason, typed or stepped, and nothing changes. */
  type_into (find_in (row, GTK_TYPE_SPIN_BUTTON), "220");
  g_assert_cmpuint (edits->len, ==, 4);
  type_into (spin, "36");
  g_assert_cmpuint (edits->len, ==, 4);
  g_assert_cmpfloat (patient->v[GTW_P_WEIGHT], ==, 89.5);
  g_assert_true (gtk_widget_has_css_class (spin, "error"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find_named (panel, "weight_kg"))),
                            "body mass index of 7.4"));
  type_into (spin, "59");
  g_assert_cmpuint (edits->len, ==, 5);
  gtk_spin_button_spin (GTK_SPIN_BUTTON (spin), GTK_SPIN_STEP_BACKWARD, 0.0);
  g_assert_cmpuint (edits->len, ==, 5);
  g_assert_cmpfloat (patient->v[GTW_P_WEIGHT], ==, 59.0);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 59.0);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find_named (panel, "weight_kg"))),
                            "Kept 59"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_patient_derived (void)
{
  GtkWidget *panel = gtw_patient_panel_new ();
  GtkWidget *window = gtw_test_show (panel, PANEL_WIDTH, 800);
  GtkWidget *homa = find_named (panel, "homa-ir");
  GtkWidget *stage = find_named (panel, "stage");

  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (homa)), ==, "—");
  g_assert_false (gtk_widget_get_visible (stage));

  gtw_patient_panel_set_derived (GTW_PATIENT_PANEL (panel), 3.14, GTW_STAGE_COMPENSATED_IR);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (homa)), ==, "3.1");
  g_assert_true (gtk_widget_get_visible (stage));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (stage)), ==,
                   gtw_stage_label (GTW_STAGE_COMPENSATED_IR));
  g_assert_true (gtk_widget_has_css_class (stage, "compensated"));

  gtw_patient_panel_set_derived (GTW_PATIENT_PANEL (panel), 7.0, GTW_STAGE_DIABETES);
  g_assert_true (gtk_widget_has_css_class (stage, "diabetes"));
  g_assert_false (gtk_widget_has_css_class (stage, "compensated"));

  gtw_patient_panel_set_derived (GTW_PATIENT_PANEL (panel), NAN, GTW_STAGE_NORMAL);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (homa)), ==, "—");
  g_assert_false (gtk_widget_get_visible (stage));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Markers panel */

static GtwMarkers
make_markers (int    day,
              double glucose,
              double hba1c)
{
  GtwMarkers m = {
    .day = day,
    .fasting_glucose = glucose,
    .fasting_insulin = 60.0,
    .fasting_cpeptide = 0.6,
    .hba1c = hba1c,
    .tg = 1.2,
    .hdl = 1.3,
    .tg_hdl_mmol = 1.2 / 1.3,
    .tg_hdl_mgdl = (1.2 * GTW_TG_MGDL_PER_MMOLL) / (1.3 * GTW_HDL_MGDL_PER_MMOLL),
    .weight = 80.0,
    .bmi = 26.1,
    .stage = GTW_STAGE_NORMAL,
  };

  m.homa_ir = gtw_homa_ir (glucose, m.fasting_insulin);
  m.homa_b = gtw_homa_b (glucose, m.fasting_insulin);
  return m;
}

static void
test_markers_units (void)
{
  GtkWidget *panel = gtw_markers_panel_new ();
  GtkWidget *window = gtw_test_show (panel, PANEL_WIDTH, 800);
  GtwMarkersPanel *markers_panel = GTW_MARKERS_PANEL (panel);
  GtwMarkers m = make_markers (3 * 365 + 111, 5.5, 5.4);
  GtwDisplayUnits us = { GTW_GLUCOSE_MGDL, GTW_INSULIN_UU, GTW_CPEPTIDE_NGML, GTW_HBA1C_MMOLMOL };
  GtwDisplayUnits si = { GTW_GLUCOSE_MMOL, GTW_INSULIN_PMOL, GTW_CPEPTIDE_NMOL, GTW_HBA1C_PERCENT };

  g_assert_cmpstr (gtw_markers_panel_get_row_text (markers_panel, "fasting-glucose"), ==, "—");
  g_assert_false (gtk_widget_get_sensitive (find_in (panel, GTK_TYPE_BUTTON)));

  gtw_markers_panel_set_units (markers_panel, &si);
  gtw_markers_panel_set_markers (markers_panel, &m, NULL);
  g_assert_true (gtk_widget_get_sensitive (find_in (panel, GTK_TYPE_BUTTON)));
  g_assert_cmpstr (gtw_markers_panel_get_row_text (markers_panel, "fasting-glucose"), ==,
                   "5.5 mmol/L");
  g_assert_cmpstr (gtw_markers_panel_get_row_text (markers_panel, "fasting-insulin"), ==,
                   "60 pmol/L");
  g_assert_cmpstr (gtw_markers_panel_get_row_text (markers_panel, "cpeptide"), ==, "0.60 nmol/L");
  g_assert_cmpstr (gtw_markers_panel_get_row_text (markers_panel, "hba1c"), ==, "5.4 %");
  g_assert_cmpstr (gtw_markers_panel_get_row_text (markers_panel, "homa-ir"), ==, "2.4");
  g_assert_cmpstr (gtw_markers_panel_get_row_text (markers_panel, "homa-b"), ==, "100 %");
  g_assert_cmpstr (gtw_markers_panel_get_row_text (markers_panel, "tg-hdl"), ==, "0.9");
  g_assert_cmpstr (gtw_markers_panel_get_row_text (markers_panel, "weight"), ==, "80.0 kg");
  g_assert_cmpstr (gtw_markers_panel_get_row_text (markers_panel, "stage"), ==,
                   gtw_stage_label (GTW_STAGE_NORMAL));

  /* The same day in US units: 5.5 mmol/L is 99 mg/dL, 60 pmol/L is 10 µU/mL. */
  gtw_markers_panel_set_units (markers_panel, &us);
  g_assert_cmpstr (gtw_markers_panel_get_row_text (markers_panel, "fasting-glucose"), ==,
                   "99 mg/dL");
  g_assert_cmpstr (gtw_markers_panel_get_row_text (markers_panel, "fasting-insulin"), ==,
                   "10.0 µU/mL");
  g_assert_cmpstr (gtw_markers_panel_get_row_text (markers_panel, "cpeptide"), ==, "1.8 ng/mL");
  g_assert_cmpstr (gtw_markers_panel_get_row_text (markers_panel, "hba1c"), ==, "36 mmol/mol");
  g_assert_cmpstr (gtw_markers_panel_get_row_text (markers_panel, "tg-hdl"), ==, "2.1");

  /* The stage is read off the values shown: 6.97 mmol/L reads "7.0" (diabetes) in SI units
   * and "125 mg/dL" (prediabetes) in US units, though the day record says prediabetes. */
  m = make_markers (3 * 365 + 111, 6.97, 5.4);
  m.stage = GTW_STAGE_PREDIABETES;
  gtw_markers_panel_set_markers (markers_panel, &m, NULL);
  g_assert_cmpstr (gtw_markers_panel_get_row_text (markers_panel, "fasting-glucose"), ==,
                   "125 mg/dL");
  g_assert_cmpstr (gtw_markers_panel_get_row_text (markers_panel, "stage"), ==,
                   gtw_stage_label (GTW_STAGE_PREDIABETES));
  gtw_markers_panel_set_units (markers_panel, &si);
  g_assert_cmpstr (gtw_markers_panel_get_row_text (markers_panel, "fasting-glucose"), ==,
                   "7.0 mmol/L");
  g_assert_cmpstr (gtw_markers_panel_get_row_text (markers_panel, "stage"), ==,
                   gtw_stage_label (GTW_STAGE_DIABETES));

  gtw_markers_panel_set_markers (markers_panel, NULL, NULL);
  g_assert_cmpstr (gtw_markers_panel_get_row_text (markers_panel, "hba1c"), ==, "—");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* HOMA-%B divides by (glucose - 3.5 mmol/L): near 3.5 it is not shown, nor compared. */
static void
test_markers_homa_b_low_glucose (void)
{
  GtkWidget *panel = gtw_markers_panel_new ();
  GtkWidget *window = gtw_test_show (panel, PANEL_WIDTH, 800);
  GtwMarkersPanel *markers_panel = GTW_MARKERS_PANEL (panel);
  GtwMarkers low = make_markers (400, 3.6, 4.6);
  GtwMarkers base = make_markers (400, 5.0, 5.4);
  GtwDisplayUnits si = { GTW_GLUCOSE_MMOL, GTW_INSULIN_PMOL, GTW_CPEPTIDE_NMOL, GTW_HBA1C_PERCENT };

  g_assert_cmpfloat (low.homa_b, >, 500.0); /* what the bare formula gives */
  gtw_markers_panel_set_units (markers_panel, &si);
  gtw_markers_panel_set_markers (markers_panel, &low, &base);
  g_assert_cmpstr (gtw_markers_panel_get_row_text (markers_panel, "homa-b"), ==, "—");
  g_assert_true (g_str_has_prefix (gtw_markers_panel_get_row_text (markers_panel, "homa-ir"), "1.6"));

  gtw_markers_panel_set_markers (markers_panel, &base, &base);
  g_assert_true (g_str_has_prefix (gtw_markers_panel_get_row_text (markers_panel, "homa-b"), "133 %"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
on_ogtt_requested (GtwMarkersPanel *panel,
                   int              day,
                   int             *requested)
{
  *requested = day;
}

static void
test_markers_baseline (void)
{
  GtkWidget *panel = gtw_markers_panel_new ();
  GtkWidget *window = gtw_test_show (panel, PANEL_WIDTH, 800);
  GtwMarkersPanel *markers_panel = GTW_MARKERS_PANEL (panel);
  GtwMarkers m = make_markers (3 * 365 + 111, 5.5, 5.6);
  GtwMarkers base = make_markers (3 * 365 + 111, 6.3, 6.2);
  int requested = -1;

  base.weight = 78.0;
  base.stage = GTW_STAGE_PREDIABETES;
  gtw_markers_panel_set_markers (markers_panel, &m, &base);

  g_assert_nonnull (gtw_test_find_widget_match (panel, match_label_text, "Year 4, day 112"));
  g_assert_cmpstr (gtw_markers_panel_get_row_text (markers_panel, "fasting-glucose"), ==,
                   "5.5 mmol/L\nFasting glucose 0.8 mmol/L lower than without interventions");
  g_assert_cmpstr (gtw_markers_panel_get_row_text (markers_panel, "hba1c"), ==,
                   "5.6 %\nHbA1c 0.6 points lower than without interventions");
  g_assert_cmpstr (gtw_markers_panel_get_row_text (markers_panel, "weight"), ==,
                   "80.0 kg\nWeight 2.0 kg higher than without interventions");
  g_assert_cmpstr (gtw_markers_panel_get_row_text (markers_panel, "fasting-insulin"), ==,
                   "60 pmol/L\nNo change");
  g_assert_cmpstr (gtw_markers_panel_get_row_text (markers_panel, "stage"), ==,
                   "Normal\nPrediabetes without interventions");
  /* Raised values are marked: 6.2 % would be, 5.6 % is not yet; 5.5 mmol/L is normal. */
  g_assert_false (gtk_widget_has_css_class (gtw_test_find_widget_match (panel, match_label_text, "5.5 mmol/L"),
                                            "warning"));

  /* Differences too small to read in the display unit are no change. */
  base = m;
  base.fasting_glucose += 0.01;
  gtw_markers_panel_set_markers (markers_panel, &m, &base);
  g_assert_cmpstr (gtw_markers_panel_get_row_text (markers_panel, "fasting-glucose"), ==,
                   "5.5 mmol/L\nNo change");
  g_assert_cmpstr (gtw_markers_panel_get_row_text (markers_panel, "stage"), ==,
                   "Normal\nSame stage as without interventions");

  g_signal_connect (panel, "ogtt-requested", G_CALLBACK (on_ogtt_requested), &requested);
  g_signal_emit_by_name (find_in (panel, GTK_TYPE_BUTTON), "clicked");
  g_assert_cmpint (requested, ==, 3 * 365 + 111);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Preferences window */

static void
test_preferences (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *window = gtw_preferences_window_new (NULL, settings);
  GtkWidget *glucose;
  GtkWidget *style;
  GtkWidget *preset;
  GtkWidget *baseline;
  g_autofree char *preset_id = NULL;

  gtk_window_present (GTK_WINDOW (window));
  gtw_test_iterate_pending ();

  glucose = find_row (window, "Glucose");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (glucose)), ==, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (glucose), 1);
  g_assert_cmpint (g_settings_get_enum (settings, "glucose-unit"), ==, GTW_GLUCOSE_MGDL);
  g_settings_set_enum (settings, "glucose-unit", GTW_GLUCOSE_MMOL);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (glucose)), ==, 0);

  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (window, "HbA1c")), 1);
  g_assert_cmpint (g_settings_get_enum (settings, "hba1c-unit"), ==, GTW_HBA1C_MMOLMOL);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (window, "Insulin")), 1);
  g_assert_cmpint (g_settings_get_enum (settings, "insulin-unit"), ==, GTW_INSULIN_UU);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (window, "C-peptide")), 1);
  g_assert_cmpint (g_settings_get_enum (settings, "cpeptide-unit"), ==, GTW_CPEPTIDE_NGML);

  style = find_row (window, "Style");
  adw_combo_row_set_selected (ADW_COMBO_ROW (style), 2);
  g_assert_cmpint (g_settings_get_enum (settings, "color-scheme"), ==, 2);

  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (window, "Integrator")), 1);
  g_assert_cmpint (g_settings_get_enum (settings, "integrator"), ==, 1);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find_row (window,
                                                                                   "Integrator"))),
                            "every day in full"));

  preset = find_row (window, "Patient in a New Window");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (preset)), ==,
                    g_strv_length ((char **) gtw_preset_ids ()) - 1); /* progressor */
  adw_combo_row_set_selected (ADW_COMBO_ROW (preset), 1);
  preset_id = g_settings_get_string (settings, "default-preset");
  g_assert_cmpstr (preset_id, ==, gtw_preset_ids ()[1]);

  baseline = find_in (find_row (window, "Show Baseline"), GTK_TYPE_SWITCH);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (baseline)));
  gtk_switch_set_active (GTK_SWITCH (baseline), FALSE);
  g_assert_false (g_settings_get_boolean (settings, "show-baseline"));
  gtk_switch_set_active (GTK_SWITCH (find_in (find_row (window, "Show Daily Glucose Range"),
                                              GTK_TYPE_SWITCH)), FALSE);
  g_assert_false (g_settings_get_boolean (settings, "show-glucose-band"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "glucose-unit");
}

/* Layout: everything fits the sidebar's width; pictures to look at */

static void
check_fits (GtkWidget *panel)
{
  int minimum, natural;

  gtk_widget_measure (panel, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, <=, PANEL_WIDTH);
}

static void
test_layout (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  const AdwColorScheme schemes[] = { ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK };
  const char *scheme_names[] = { "light", "dark" };

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      g_autoptr(GtwScenario) scenario = load_preset ("compensated-ir");
      GtwMarkers m = make_markers (3 * 365 + 111, 5.5, 5.6);
      GtwMarkers base = make_markers (3 * 365 + 111, 6.3, 6.2);
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);
      GtkWidget *patient = gtw_patient_panel_new ();
      GtkWidget *markers = gtw_markers_panel_new ();
      GtkWidget *window;
      g_autofree char *name = NULL;

      adw_style_manager_set_color_scheme (style, schemes[i]);
      gtw_patient_panel_set_scenario (GTW_PATIENT_PANEL (patient), scenario);
      gtw_patient_panel_set_derived (GTW_PATIENT_PANEL (patient), 3.4, GTW_STAGE_COMPENSATED_IR);
      g_assert_false (gtw_patient_panel_set_value (GTW_PATIENT_PANEL (patient), "waist_cm", 200,
                                                   NULL));
      check_fits (patient);
      window = gtw_test_show (patient, PANEL_WIDTH, 1900);
      name = g_strdup_printf ("patient-panel-%s.png", scheme_names[i]);
      gtw_test_save_widget_png (window, name);
      gtk_window_destroy (GTK_WINDOW (window));

      base.stage = GTW_STAGE_PREDIABETES;
      m.stage = GTW_STAGE_COMPENSATED_IR;
      m.homa_ir = 3.1;
      gtw_markers_panel_set_markers (GTW_MARKERS_PANEL (markers), &m, &base);
      check_fits (markers);
      window = gtw_test_show (markers, PANEL_WIDTH, 900);
      g_free (name);
      name = g_strdup_printf ("markers-panel-%s.png", scheme_names[i]);
      gtw_test_save_widget_png (window, name);
      gtk_window_destroy (GTK_WINDOW (window));

      window = gtw_preferences_window_new (NULL, settings);
      gtw_test_present (GTK_WINDOW (window));
      g_free (name);
      name = g_strdup_printf ("preferences-%s.png", scheme_names[i]);
      gtw_test_save_widget_png (window, name);
      gtk_window_destroy (GTK_WINDOW (window));
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  gtw_test_init (&argc, &argv);

  g_test_add_func ("/panels/patient/presets", test_patient_presets);
  g_test_add_func ("/panels/patient/set-value", test_patient_set_value);
  g_test_add_func ("/panels/patient/typing", test_patient_typing);
  g_test_add_func ("/panels/patient/derived", test_patient_derived);
  g_test_add_func ("/panels/markers/units", test_markers_units);
  g_test_add_func ("/panels/markers/baseline", test_markers_baseline);
  g_test_add_func ("/panels/markers/homa-b-low-glucose", test_markers_homa_b_low_glucose);
  g_test_add_func ("/panels/preferences", test_preferences);
  g_test_add_func ("/panels/layout", test_layout);
  return g_test_run ();
}
