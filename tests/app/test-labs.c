/* test-labs.c: the lab results window, in-process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Entering, editing and deleting results goes through the document as single undoable steps,
 * bad values change nothing and say why, values follow the unit preferences, and "Fit to Labs"
 * recovers a known patient from its day-0 labs in one undoable step or explains why it cannot.
 * The main window keeps one Lab Results window: Ctrl+L again brings it back.
 * The markers panel reads fasting glucose against the ADA cut points of the unit shown.
 * With GTW_TEST_SCREENSHOT_DIR set, the window is also written as PNG, light and dark.
 */
#include <adwaita.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "gtw-document.h"
#include "gtw-labs-window.h"
#include "gtw-markers-panel.h"
#include "ui-test-util.h"

static gboolean
match_tooltip_prefix (GtkWidget    *widget,
                      gconstpointer data)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  return GTK_IS_BUTTON (widget) && tooltip != NULL && g_str_has_prefix (tooltip, data);
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  GtkWidget *widget = gtw_test_find_widget (root, GTK_TYPE_WIDGET, name);

  g_assert_nonnull (widget);
  return widget;
}

static void
save_screenshot (GtkWindow  *window,
                 const char *name)
{
  g_autoptr(GdkTexture) texture = NULL;

  if (g_getenv ("GTW_TEST_SCREENSHOT_DIR") == NULL)
    return;
  texture = gtw_test_grab (GTK_WIDGET (window));
  gtw_test_save_png (texture, name);
}

/* A document on a healthy patient with the given labs (may be NULL), clean and without history */
static GtwDocument *
document_with_labs (const GtwLab *labs,
                    guint         n_labs)
{
  g_autoptr(GError) error = NULL;
  GtwDocument *document = gtw_document_new ();
  GtwScenario *scenario = gtw_preset_load ("healthy", &error);

  g_assert_no_error (error);
  scenario->patient.v[GTW_P_SI_INTRINSIC] = 1.0;
  scenario->patient.v[GTW_P_BETA_FUNCTION] = 1.0;
  if (n_labs > 0)
    {
      scenario->labs = g_array_new (FALSE, FALSE, sizeof (GtwLab));
      g_array_append_vals (scenario->labs, labs, n_labs);
    }
  gtw_document_load (document, scenario, NULL, FALSE);
  return document;
}

static GtkWindow *
open_window (GtwDocument *document)
{
  GtkWindow *window = gtw_labs_window_new (NULL, document);

  gtw_test_present (window);
  return window;
}

static guint
list_length (GtkWindow *window)
{
  GtkWidget *list = find_named (GTK_WIDGET (window), "lab-list");
  guint n = 0;

  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), n) != NULL)
    n++;
  return n;
}

static AdwActionRow *
list_row (GtkWindow *window,
          guint      index)
{
  GtkWidget *list = find_named (GTK_WIDGET (window), "lab-list");

  return ADW_ACTION_ROW (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), index));
}

static gboolean
match_numeric_label (GtkWidget    *widget,
                     gconstpointer data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "numeric");
}

static const char *
row_value (GtkWindow *window,
           guint      index)
{
  GtkWidget *label = gtw_test_find_widget_match (GTK_WIDGET (list_row (window, index)), match_numeric_label, NULL);

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

/* Fills the form and presses the add (or save) button. */
static void
enter (GtkWindow  *window,
       GtwLabKind  kind,
       int         month,
       const char *value,
       guint       unit_index)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_named (GTK_WIDGET (window), "lab-test")), kind);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_named (GTK_WIDGET (window), "lab-month")), month);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_named (GTK_WIDGET (window), "lab-unit")),
                              unit_index);
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (window), "lab-value")), value);
  g_signal_emit_by_name (find_named (GTK_WIDGET (window), "lab-add"), "clicked");
}

static const char *
error_text (GtkWindow *window)
{
  GtkWidget *label = find_named (GTK_WIDGET (window), "lab-error");

  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

static void
test_add_undo (void)
{
  g_autoptr(GtwDocument) document = document_with_labs (NULL, 0);
  GtkWindow *window = open_window (document);
  const GtwScenario *scenario;
  const GtwLab *lab;

  g_assert_cmpuint (list_length (window), ==, 0);

  /* 110 mg/dL at the start, then an HbA1c of 48 mmol/mol a year later */
  enter (window, GTW_LAB_FASTING_GLUCOSE, 0, "110", 1);
  g_assert_null (error_text (window));
  scenario = gtw_document_get_scenario (document);
  g_assert_nonnull (scenario->labs);
  g_assert_cmpuint (scenario->labs->len, ==, 1);
  lab = &g_array_index (scenario->labs, GtwLab, 0);
  g_assert_cmpint (lab->kind, ==, GTW_LAB_FASTING_GLUCOSE);
  g_assert_cmpint (lab->day, ==, 0);
  g_assert_cmpfloat_with_epsilon (lab->value, 110 / 18.0, 1e-9);
  g_assert_true (gtw_document_get_dirty (document));
  g_assert_cmpstr (gtw_document_get_undo_label (document), ==, "Add Lab Result");

  /* the month typed into the spin button, not confirmed */
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (window), "lab-month")), "12");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_named (GTK_WIDGET (window), "lab-test")),
                              GTW_LAB_HBA1C);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_named (GTK_WIDGET (window), "lab-unit")), 1);
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (window), "lab-value")), "48");
  g_signal_emit_by_name (find_named (GTK_WIDGET (window), "lab-add"), "clicked");
  scenario = gtw_document_get_scenario (document);
  g_assert_cmpuint (scenario->labs->len, ==, 2);
  lab = &g_array_index (scenario->labs, GtwLab, 1);
  g_assert_cmpint (lab->day, ==, 365);
  g_assert_cmpfloat_with_epsilon (lab->value, 48 / 10.929 + 2.15, 1e-9);

  /* the list: by date, in the display units of the preferences (mmol/L and %) */
  g_assert_cmpuint (list_length (window), ==, 2);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (list_row (window, 0))), ==,
                   "Fasting glucose");
  g_assert_cmpstr (adw_action_row_get_subtitle (list_row (window, 0)), ==, "At the start (day 0)");
  g_assert_cmpstr (row_value (window, 0), ==, "6.1 mmol/L");
  g_assert_cmpstr (adw_action_row_get_subtitle (list_row (window, 1)), ==, "After 12 months (day 365)");
  g_assert_cmpstr (row_value (window, 1), ==, "6.5 %");

  /* one step each */
  g_assert_true (gtw_document_undo (document));
  g_assert_cmpuint (gtw_document_get_scenario (document)->labs->len, ==, 1);
  g_assert_cmpuint (list_length (window), ==, 1);
  g_assert_true (gtw_document_undo (document));
  g_assert_null (gtw_document_get_scenario (document)->labs);
  g_assert_cmpuint (list_length (window), ==, 0);
  g_assert_false (gtw_document_get_can_undo (document));

  /* an edit elsewhere (the patient panel) keeps a value being typed */
  {
    GtwScenario *other = gtw_scenario_copy (gtw_document_get_scenario (document));
    GtkEditable *entry = GTK_EDITABLE (find_named (GTK_WIDGET (window), "lab-value"));

    gtk_editable_set_text (entry, "5.5");
    other->patient.v[GTW_P_WEIGHT] += 1;
    gtw_document_apply (document, other, "Weight");
    g_assert_cmpstr (gtk_editable_get_text (entry), ==, "5.5");
  }

  gtk_window_destroy (window);
}

static void
test_bad_values (void)
{
  g_autoptr(GtwDocument) document = document_with_labs (NULL, 0);
  GtkWindow *window = open_window (document);
  GtkWidget *entry = find_named (GTK_WIDGET (window), "lab-value");

  enter (window, GTW_LAB_FASTING_GLUCOSE, 0, "", 0);
  g_assert_cmpstr (error_text (window), ==, "Enter the measured value.");

  enter (window, GTW_LAB_FASTING_GLUCOSE, 0, "5.x", 0);
  g_assert_cmpstr (error_text (window), ==, "“5.x” is not a number.");
  g_assert_true (gtk_widget_has_css_class (entry, "error"));

  /* a mg/dL value typed with mmol/L chosen */
  enter (window, GTW_LAB_FASTING_GLUCOSE, 0, "95", 0);
  g_assert_cmpstr (error_text (window), ==, "95 mmol/L is outside 1.0–35.0 mmol/L");

  g_assert_null (gtw_document_get_scenario (document)->labs);
  g_assert_false (gtw_document_get_can_undo (document));
  g_assert_false (gtw_document_get_dirty (document));

  /* a comma is a decimal separator too; the error goes once the value is good */
  enter (window, GTW_LAB_FASTING_GLUCOSE, 0, "5,4", 0);
  g_assert_null (error_text (window));
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  g_assert_cmpfloat_with_epsilon (
      g_array_index (gtw_document_get_scenario (document)->labs, GtwLab, 0).value, 5.4, 1e-9);

  gtk_window_destroy (window);
}

static void
test_edit_delete_units (void)
{
  const GtwLab labs[] = {
    { 0, GTW_LAB_FASTING_GLUCOSE, 5.6 },
    { 183, GTW_LAB_FASTING_INSULIN, 72 },
    { 1461, GTW_LAB_HBA1C, 6.0 },
    { 1522, GTW_LAB_HBA1C, 6.1 },
  };
  g_autoptr(GtwDocument) document = document_with_labs (labs, G_N_ELEMENTS (labs));
  g_autoptr(GSettings) settings = g_settings_new ("io.github.glucotwin.Glucotwin");
  GtkWindow *window = open_window (document);
  GtkWidget *button;
  const GtwLab *lab;

  g_assert_cmpstr (row_value (window, 1), ==, "72 pmol/L");
  g_assert_cmpstr (adw_action_row_get_subtitle (list_row (window, 1)), ==, "After 6 months (day 183)");
  g_assert_cmpstr (adw_action_row_get_subtitle (list_row (window, 2)), ==, "After 4 years (day 1461)");
  g_assert_cmpstr (adw_action_row_get_subtitle (list_row (window, 3)), ==,
                   "After 4 years and 2 months (day 1522)");

  /* the preference changes the shown unit, and the unit offered first */
  g_settings_set_enum (settings, "insulin-unit", GTW_INSULIN_UU);
  g_assert_cmpstr (row_value (window, 1), ==, "12.0 µU/mL");

  /* edit: the form is filled with the lab in its display unit; saving keeps its day */
  button = gtw_test_find_widget_match (GTK_WIDGET (list_row (window, 1)), match_tooltip_prefix, "Edit");
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==,
                   "Edit Fasting insulin, After 6 months (day 183)");
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_named (GTK_WIDGET (window),
                                                                    "lab-value"))), ==, "12");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (find_named (GTK_WIDGET (window),
                                                                           "lab-unit"))), ==, 1);
  g_assert_true (gtk_widget_get_visible (find_named (GTK_WIDGET (window), "lab-cancel")));
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (window), "lab-value")), "15");
  g_signal_emit_by_name (find_named (GTK_WIDGET (window), "lab-add"), "clicked");

  g_assert_cmpuint (gtw_document_get_scenario (document)->labs->len, ==, 4);
  lab = &g_array_index (gtw_document_get_scenario (document)->labs, GtwLab, 1);
  g_assert_cmpint (lab->day, ==, 183);
  g_assert_cmpfloat_with_epsilon (lab->value, 90, 1e-9);
  g_assert_cmpstr (gtw_document_get_undo_label (document), ==, "Edit Lab Result");
  g_assert_false (gtk_widget_get_visible (find_named (GTK_WIDGET (window), "lab-cancel")));

  /* delete */
  button = gtw_test_find_widget_match (GTK_WIDGET (list_row (window, 0)), match_tooltip_prefix, "Delete");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (gtw_document_get_scenario (document)->labs->len, ==, 3);
  g_assert_cmpint (g_array_index (gtw_document_get_scenario (document)->labs, GtwLab, 0).kind, ==,
                   GTW_LAB_FASTING_INSULIN);
  g_assert_cmpstr (gtw_document_get_undo_label (document), ==, "Delete Lab Result");
  g_assert_cmpuint (list_length (window), ==, 3);

  g_settings_reset (settings, "insulin-unit");
  gtk_window_destroy (window);
}

static void
click_fit_and_wait (GtkWindow *window)
{
  GtkWidget *button = find_named (GTK_WIDGET (window), "fit-button");
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  g_signal_emit_by_name (button, "clicked");
  g_assert_false (gtk_widget_get_sensitive (button));
  while (!gtk_widget_get_sensitive (button) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_sensitive (button));
}

static const char *
fit_text (GtkWindow *window)
{
  GtkWidget *label = find_named (GTK_WIDGET (window), "fit-status");

  g_assert_true (gtk_widget_get_visible (label));
  return gtk_label_get_text (GTK_LABEL (label));
}

static void
test_fit (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtwScenario) known = gtw_preset_load ("healthy", &error);
  g_autoptr(GtwTrace) trace = NULL;
  g_autoptr(GtwDocument) document = NULL;
  const GtwDayRecord *day0;
  const GtwScenario *scenario;
  GtwSimOptions options;
  GtwLab labs[2];
  GtkWindow *window;
  const char *text;

  /* day-0 labs of a known insulin-resistant patient */
  g_assert_no_error (error);
  known->duration_days = 1;
  known->patient.v[GTW_P_SI_INTRINSIC] = 0.5;
  known->patient.v[GTW_P_BETA_FUNCTION] = 1.25;
  gtw_sim_options_init (&options);
  options.with_interventions = FALSE;
  options.integrator = GTW_INTEGRATOR_REFERENCE;
  trace = gtw_simulate (known, &options, NULL, &error);
  g_assert_no_error (error);
  day0 = gtw_trace_get_day (trace, 0);
  labs[0] = (GtwLab) { 0, GTW_LAB_FASTING_GLUCOSE, day0->fasting_glucose };
  labs[1] = (GtwLab) { 0, GTW_LAB_FASTING_INSULIN, day0->fasting_insulin };

  document = document_with_labs (labs, 2);
  window = open_window (document);
  click_fit_and_wait (window);

  scenario = gtw_document_get_scenario (document);
  g_assert_cmpfloat_with_epsilon (scenario->patient.v[GTW_P_SI_INTRINSIC], 0.5, 0.01);
  g_assert_cmpfloat_with_epsilon (scenario->patient.v[GTW_P_BETA_FUNCTION], 1.25, 0.025);
  g_assert_cmpstr (gtw_document_get_undo_label (document), ==, "Fit to Labs");
  text = fit_text (window);
  g_assert_true (g_str_has_prefix (text, "Intrinsic insulin sensitivity changed from 1.00 to 0.5"));
  g_assert_nonnull (strstr (text, "Beta-cell function changed from 1.00 to 1.2"));
  /* the reserve that holds that beta-cell function: the patient is at rest */
  g_assert_cmpfloat (scenario->patient.v[GTW_P_BETA_RESERVE], >, 1.45);
  g_assert_cmpfloat (scenario->patient.v[GTW_P_BETA_RESERVE], <, 2.5);
  g_assert_nonnull (strstr (text, "Beta-cell adaptive reserve changed from 1.40 to "));
  g_assert_null (strstr (text, "Even the"));
  g_assert_nonnull (strstr (text, "Fasting glucose on day 0: "));
  g_assert_false (gtk_widget_has_css_class (find_named (GTK_WIDGET (window), "fit-status"),
                                            "error"));
  save_screenshot (window, "labs-fitted.png");

  /* one undo step brings all three values back */
  g_assert_true (gtw_document_undo (document));
  scenario = gtw_document_get_scenario (document);
  g_assert_cmpfloat (scenario->patient.v[GTW_P_SI_INTRINSIC], ==, 1.0);
  g_assert_cmpfloat (scenario->patient.v[GTW_P_BETA_FUNCTION], ==, 1.0);
  g_assert_cmpfloat (scenario->patient.v[GTW_P_BETA_RESERVE], ==, 1.4);
  g_assert_false (gtw_document_get_can_undo (document));

  gtk_window_destroy (window);
}

/* Diabetic labs: no reserve holds beta-cell function against glucotoxicity; the fit matches
 * day 0 all the same and says what follows. */
static void
test_fit_diabetic (void)
{
  const GtwLab labs[] = { { 0, GTW_LAB_FASTING_GLUCOSE, 8.5 }, { 0, GTW_LAB_FASTING_CPEPTIDE, 0.6 } };
  g_autoptr(GError) error = NULL;
  g_autoptr(GtwDocument) document = gtw_document_new ();
  GtwScenario *diabetic = gtw_preset_load ("early-t2d", &error);
  const GtwScenario *scenario;
  GtkWindow *window;
  const char *text;

  g_assert_no_error (error);
  diabetic->labs = g_array_new (FALSE, FALSE, sizeof (GtwLab));
  g_array_append_vals (diabetic->labs, labs, G_N_ELEMENTS (labs));
  gtw_document_load (document, diabetic, NULL, FALSE);
  window = open_window (document);
  click_fit_and_wait (window);
  scenario = gtw_document_get_scenario (document);
  g_assert_cmpfloat (scenario->patient.v[GTW_P_BETA_RESERVE], ==, 2.5);
  g_assert_cmpfloat (scenario->patient.v[GTW_P_BETA_FUNCTION], <, 0.5);
  text = fit_text (window);
  g_assert_nonnull (strstr (text, "Beta-cell adaptive reserve changed from 1.40 to 2.50."));
  g_assert_nonnull (strstr (text, "Even the largest adaptive reserve cannot hold beta-cell "
                                  "function at these labs: without treatment it falls from the "
                                  "start, as in diabetes."));
  g_assert_nonnull (strstr (text, "Fasting glucose on day 0: 8.5 mmol/L (measured 8.5 mmol/L)"));
  g_assert_false (gtk_widget_has_css_class (find_named (GTK_WIDGET (window), "fit-status"),
                                            "error"));
  save_screenshot (window, "labs-fitted-diabetic.png");
  gtk_window_destroy (window);
}

static void
test_fit_impossible (void)
{
  const GtwLab labs[] = { { 0, GTW_LAB_FASTING_GLUCOSE, 2.1 } };
  g_autoptr(GtwDocument) document = document_with_labs (labs, 1);
  g_autoptr(GtwDocument) empty = document_with_labs (NULL, 0);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.glucotwin.Glucotwin");
  GtkWindow *window;
  const char *text;

  /* in mg/dL, as the preferences say */
  g_settings_set_enum (settings, "glucose-unit", GTW_GLUCOSE_MGDL);
  window = open_window (document);
  click_fit_and_wait (window);
  text = fit_text (window);
  g_assert_true (g_str_has_prefix (text, "Fasting glucose 38 mg/dL cannot be matched within the "
                                         "model's ranges: the closest is "));
  g_assert_true (g_str_has_suffix (text, "mg/dL. Nothing was changed."));
  g_assert_true (gtk_widget_has_css_class (find_named (GTK_WIDGET (window), "fit-status"),
                                           "error"));
  g_assert_false (gtw_document_get_can_undo (document));
  g_assert_false (gtw_document_get_dirty (document));
  save_screenshot (window, "labs-impossible.png");
  gtk_window_destroy (window);
  g_settings_reset (settings, "glucose-unit");

  window = open_window (empty);
  click_fit_and_wait (window);
  g_assert_true (g_str_has_prefix (fit_text (window), "No fasting glucose was entered for the first month"));
  g_assert_false (gtw_document_get_can_undo (empty));
  gtk_window_destroy (window);
}

/* An edit while the fit runs makes the fit stale: it is not applied over the edit. */
static void
test_fit_stale (void)
{
  const GtwLab labs[] = { { 0, GTW_LAB_FASTING_GLUCOSE, 5.5 }, { 0, GTW_LAB_FASTING_INSULIN, 80 } };
  g_autoptr(GtwDocument) document = document_with_labs (labs, G_N_ELEMENTS (labs));
  GtkWindow *window = open_window (document);
  GtkWidget *button = find_named (GTK_WIDGET (window), "fit-button");
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  GtwScenario *other = gtw_scenario_copy (gtw_document_get_scenario (document));

  g_signal_emit_by_name (button, "clicked");
  other->patient.v[GTW_P_WEIGHT] += 5;
  gtw_document_apply (document, other, "Weight");
  while (!gtk_widget_get_sensitive (button) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (g_str_has_prefix (fit_text (window), "The scenario changed during the fit."));
  g_assert_cmpstr (gtw_document_get_undo_label (document), ==, "Weight");
  g_assert_cmpfloat (gtw_document_get_scenario (document)->patient.v[GTW_P_SI_INTRINSIC], ==, 1.0);
  gtk_window_destroy (window);
}

static void
test_screenshots (void)
{
  const GtwLab labs[] = {
    { 0, GTW_LAB_FASTING_GLUCOSE, 5.9 },
    { 0, GTW_LAB_FASTING_INSULIN, 84 },
    { 0, GTW_LAB_HBA1C, 5.8 },
    { 183, GTW_LAB_TG, 2.1 },
    { 365, GTW_LAB_HDL, 1.0 },
  };
  g_autoptr(GtwDocument) document = document_with_labs (labs, G_N_ELEMENTS (labs));
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWindow *window;

  if (g_getenv ("GTW_TEST_SCREENSHOT_DIR") == NULL)
    {
      g_test_skip ("GTW_TEST_SCREENSHOT_DIR is not set");
      return;
    }

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  window = open_window (document);
  enter (window, GTW_LAB_FASTING_GLUCOSE, 0, "95", 0);
  save_screenshot (window, "labs-light.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  save_screenshot (window, "labs-dark.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (window);
}

/* The Lab Results windows open now. */
static GList *
labs_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GList *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (GTW_IS_LABS_WINDOW (window))
        found = g_list_prepend (found, window);
    }
  return found;
}

static void
test_one_window (void)
{
  g_autoptr(GtwApplication) app = gtw_test_application_new ();
  g_auto(GStrv) accels = NULL;
  g_autoptr(GList) open = NULL;
  GtwWindow *window;
  GtkWindow *labs;

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.labs");
  g_assert_cmpstr (accels[0], ==, "<Control>l");
  window = gtw_window_new (GTK_APPLICATION (app));
  gtw_test_present (GTK_WINDOW (window));
  g_assert_null (labs_windows ());

  g_action_group_activate_action (G_ACTION_GROUP (window), "labs", NULL);
  open = labs_windows ();
  g_assert_cmpuint (g_list_length (open), ==, 1);
  labs = open->data;
  g_clear_pointer (&open, g_list_free);
  g_assert_true (gtk_window_get_transient_for (labs) == GTK_WINDOW (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (labs)));

  /* put away behind the main window, then asked for again: the same one comes back */
  gtk_widget_set_visible (GTK_WIDGET (labs), FALSE);
  g_action_group_activate_action (G_ACTION_GROUP (window), "labs", NULL);
  open = labs_windows ();
  g_assert_cmpuint (g_list_length (open), ==, 1);
  g_assert_true (open->data == labs);
  g_clear_pointer (&open, g_list_free);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (labs)));

  /* closed, the next Ctrl+L opens a new one */
  gtk_window_destroy (labs);
  g_assert_null (labs_windows ());
  g_action_group_activate_action (G_ACTION_GROUP (window), "labs", NULL);
  open = labs_windows ();
  g_assert_cmpuint (g_list_length (open), ==, 1);
  g_clear_pointer (&open, g_list_free);

  /* and it goes with the main window */
  gtw_document_discard_autosave (gtw_window_get_document (window));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_null (labs_windows ());
}

/* The fasting glucose shown, its hint and its level ("warning", "error" or "" for normal) */
static void
assert_fasting_glucose (GtkWidget  *panel,
                        double      mmol,
                        const char *value,
                        const char *hint,
                        const char *level)
{
  GtkWidget *row = find_named (panel, "fasting-glucose");
  GtkWidget *value_label = gtw_test_find_widget_match (row, match_numeric_label, NULL);
  GtkWidget *hint_label;
  GtwMarkers m = {
    .day = 400,
    .fasting_glucose = mmol,
    .fasting_insulin = 60.0,
    .fasting_cpeptide = 0.6,
    .homa_ir = 2.0,
    .homa_b = 100.0,
    .hba1c = 5.4,
    .tg_hdl_mmol = 0.9,
    .tg_hdl_mgdl = 2.1,
    .weight = 80.0,
    .bmi = 26.1,
    .stage = GTW_STAGE_NORMAL,
  };

  gtw_markers_panel_set_markers (GTW_MARKERS_PANEL (panel), &m, NULL);
  g_assert_nonnull (value_label);
  hint_label = gtk_widget_get_next_sibling (value_label);
  g_assert_true (GTK_IS_LABEL (hint_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (value_label)), ==, value);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hint_label)), ==, hint);
  g_assert_true (gtk_widget_has_css_class (value_label, "warning") == g_str_equal (level, "warning"));
  g_assert_true (gtk_widget_has_css_class (value_label, "error") == g_str_equal (level, "error"));
}

/* 5.6 mmol/L converts to 101 mg/dL, yet clinicians in mg/dL read the ADA's own 100 and 126. */
static void
test_glucose_cut_points (void)
{
  GtkWidget *panel = gtw_markers_panel_new ();
  GtkWidget *window = gtw_test_show (panel, 360, 800);
  GtwDisplayUnits us = { GTW_GLUCOSE_MGDL, GTW_INSULIN_UU, GTW_CPEPTIDE_NGML, GTW_HBA1C_MMOLMOL };
  GtwDisplayUnits si = { GTW_GLUCOSE_MMOL, GTW_INSULIN_PMOL, GTW_CPEPTIDE_NMOL, GTW_HBA1C_PERCENT };

  gtw_markers_panel_set_units (GTW_MARKERS_PANEL (panel), &us);
  assert_fasting_glucose (panel, 99.0 / GTW_MGDL_PER_MMOLL, "99 mg/dL", "normal < 100", "");
  assert_fasting_glucose (panel, 100.0 / GTW_MGDL_PER_MMOLL, "100 mg/dL", "normal < 100",
                          "warning");
  assert_fasting_glucose (panel, 125.0 / GTW_MGDL_PER_MMOLL, "125 mg/dL", "normal < 100",
                          "warning");
  assert_fasting_glucose (panel, 126.0 / GTW_MGDL_PER_MMOLL, "126 mg/dL", "normal < 100",
                          "error");

  gtw_markers_panel_set_units (GTW_MARKERS_PANEL (panel), &si);
  assert_fasting_glucose (panel, 5.5, "5.5 mmol/L", "normal < 5.6", "");
  assert_fasting_glucose (panel, 5.6, "5.6 mmol/L", "normal < 5.6", "warning");
  assert_fasting_glucose (panel, 6.9, "6.9 mmol/L", "normal < 5.6", "warning");
  assert_fasting_glucose (panel, 7.0, "7.0 mmol/L", "normal < 5.6", "error");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  gtw_test_init (&argc, &argv);

  g_test_add_func ("/labs/add-undo", test_add_undo);
  g_test_add_func ("/labs/bad-values", test_bad_values);
  g_test_add_func ("/labs/edit-delete-units", test_edit_delete_units);
  g_test_add_func ("/labs/fit", test_fit);
  g_test_add_func ("/labs/fit-diabetic", test_fit_diabetic);
  g_test_add_func ("/labs/fit-impossible", test_fit_impossible);
  g_test_add_func ("/labs/fit-stale", test_fit_stale);
  g_test_add_func ("/labs/screenshots", test_screenshots);
  g_test_add_func ("/labs/one-window", test_one_window);
  g_test_add_func ("/labs/glucose-cut-points", test_glucose_cut_points);
  return g_test_run ();
}
