/* gtw-labs-window.c: the patient's measured labs, entered, edited and fitted to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dates are entered as whole months after the start of the run, the way a clinician counts
 * follow-up visits; the list also shows the simulated day, which is what the chart's axis and
 * the scenario file use. Values are entered in the unit of the lab report, offered first in the
 * display unit of the preferences. The fit runs on a worker thread: it simulates day 0 some
 * tens of times.
 */
#include "gtw-labs-window.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#define DAYS_PER_MONTH (365.25 / 12.0)

struct _GtwLabsWindow
{
  AdwWindow     parent_instance;

  GtwDocument  *document;
  GSettings    *settings;
  GCancellable *cancellable;   /* of a running fit; cancelled when the window goes */
  guint         generation;    /* counts the document's changes, to notice a stale fit */
  int           editing;       /* index of the lab being edited, or -1 */
  int           editing_day;   /* its day: kept unless the month is changed */

  GtkListBox   *list;
  GtkWidget    *form_group;
  AdwComboRow  *test_row;
  GtkSpinButton *month_spin;
  GtkEntry     *value_entry;
  GtkDropDown  *unit_drop;
  GtkLabel     *error_label;
  GtkButton    *add_button;
  GtkButton    *cancel_button;
  GtkButton    *fit_button;
  GtkSpinner   *fit_spinner;
  GtkLabel     *fit_label;
};

G_DEFINE_FINAL_TYPE (GtwLabsWindow, gtw_labs_window, ADW_TYPE_WINDOW)

/* Units */

/* The unit a test is shown in: the preference of its quantity; lipids follow glucose, since a
 * laboratory reports both in mmol/L or both in mg/dL. */
static const char *
display_unit (GtwLabsWindow *self,
              GtwLabKind     kind)
{
  const char *const *units = gtw_lab_units (kind);
  gboolean other;

  switch (kind)
    {
    case GTW_LAB_FASTING_INSULIN:
      other = g_settings_get_enum (self->settings, "insulin-unit") == GTW_INSULIN_UU;
      break;
    case GTW_LAB_FASTING_CPEPTIDE:
      other = g_settings_get_enum (self->settings, "cpeptide-unit") == GTW_CPEPTIDE_NGML;
      break;
    case GTW_LAB_HBA1C:
      other = g_settings_get_enum (self->settings, "hba1c-unit") == GTW_HBA1C_MMOLMOL;
      break;
    case GTW_LAB_FASTING_GLUCOSE:
    case GTW_LAB_TG:
    case GTW_LAB_HDL:
    case GTW_LAB_N_KINDS:
    default:
      other = g_settings_get_enum (self->settings, "glucose-unit") == GTW_GLUCOSE_MGDL;
      break;
    }
  return units[other ? 1 : 0];
}

/* "6.1 mmol/L" */
static char *
format_value (GtwLabKind  kind,
              const char *unit,
              double      value_si)
{
  return g_strdup_printf ("%.*f %s", gtw_lab_unit_digits (kind, unit),
                          gtw_lab_from_si (kind, unit, value_si), gtw_lab_unit_label (unit));
}

static int
day_to_month (int day)
{
  return (int) round (day / DAYS_PER_MONTH);
}

/* "At the start (day 0)", "After 6 months (day 183)", "After 4 years and 2 months (day 1522)" */
static char *
format_when (int day)
{
  int months = day_to_month (day);
  g_autofree char *years_text = NULL;
  g_autofree char *months_text = NULL;

  if (months == 0)
    return g_strdup_printf (_("At the start (day %d)"), day);
  if (months < 24)
    /* Translators: the time after the start of the simulated run, then the simulated day */
    return g_strdup_printf (ngettext ("After %d month (day %d)", "After %d months (day %d)",
                                      months), months, day);
  if (months % 12 == 0)
    return g_strdup_printf (ngettext ("After %d year (day %d)", "After %d years (day %d)",
                                      months / 12), months / 12, day);

  years_text = g_strdup_printf (ngettext ("%d year", "%d years", months / 12), months / 12);
  months_text = g_strdup_printf (ngettext ("%d month", "%d months", months % 12), months % 12);
  /* Translators: "After 4 years and 2 months (day 1522)" */
  return g_strdup_printf (_("After %s and %s (day %d)"), years_text, months_text, day);
}

static GtwLabKind
selected_kind (GtwLabsWindow *self)
{
  return (GtwLabKind) adw_combo_row_get_selected (self->test_row);
}

static const char *
selected_unit (GtwLabsWindow *self)
{
  const char *const *units = gtw_lab_units (selected_kind (self));
  guint i = gtk_drop_down_get_selected (self->unit_drop);

  return i < g_strv_length ((char **) units) ? units[i] : units[0];
}

/* The unit chooser offers the units of the chosen test, its display unit selected. */
static void
fill_units (GtwLabsWindow *self)
{
  GtwLabKind kind = selected_kind (self);
  const char *const *units = gtw_lab_units (kind);
  const char *shown = display_unit (self, kind);
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  guint selected = 0;

  for (guint i = 0; units[i] != NULL; i++)
    {
      gtk_string_list_append (model, gtw_lab_unit_label (units[i]));
      if (g_str_equal (units[i], shown))
        selected = i;
    }
  gtk_drop_down_set_model (self->unit_drop, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (self->unit_drop, selected);
}

/* The form */

static void
show_error (GtwLabsWindow *self,
            const char    *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->value_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->value_entry), "error");
}

static void
reset_form (GtwLabsWindow *self)
{
  self->editing = -1;
  gtk_editable_set_text (GTK_EDITABLE (self->value_entry), "");
  show_error (self, NULL);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->form_group), _("Add a Result"));
  gtk_button_set_label (self->add_button, _("_Add Result"));
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), FALSE);
}

/* A number as typed: either decimal separator, since lab reports and keyboards disagree. */
static gboolean
parse_number (const char *text,
              double     *out)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *end = NULL;

  g_strdelimit (copy, ",", '.');
  if (copy[0] == '\0')
    return FALSE;
  *out = g_ascii_strtod (copy, &end);
  return end != copy && *end == '\0' && isfinite (*out);
}

static void
apply_labs (GtwLabsWindow *self,
            GtwScenario   *scenario,
            const char    *label)
{
  if (scenario->labs != NULL && scenario->labs->len == 0)
    g_clear_pointer (&scenario->labs, g_array_unref);
  else if (scenario->labs != NULL)
    gtw_labs_sort (scenario->labs);
  gtw_document_apply (self->document, scenario, label);
}

static void
on_add_clicked (GtwLabsWindow *self)
{
  const GtwScenario *current = gtw_document_get_scenario (self->document);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->value_entry));
  g_autoptr(GError) error = NULL;
  GtwScenario *scenario;
  GtwLab lab = { 0 };
  double value;
  int month;

  if (!parse_number (text, &value))
    {
      g_autofree char *stripped = g_strstrip (g_strdup (text));
      g_autofree char *message = NULL;

      if (stripped[0] == '\0')
        show_error (self, _("Enter the measured value."));
      else
        {
          message = g_strdup_printf (_("“%s” is not a number."), stripped);
          show_error (self, message);
        }
      return;
    }

  lab.kind = selected_kind (self);
  if (!gtw_lab_parse_value (lab.kind, selected_unit (self), value, &lab.value, &error))
    {
      show_error (self, error->message);
      return;
    }

  /* a month typed but not yet confirmed with Enter counts */
  gtk_spin_button_update (self->month_spin);
  month = gtk_spin_button_get_value_as_int (self->month_spin);
  lab.day = self->editing >= 0 && month == day_to_month (self->editing_day)
              ? self->editing_day
              : (int) round (month * DAYS_PER_MONTH);
  lab.day = CLAMP (lab.day, 0, current->duration_days - 1);

  scenario = gtw_scenario_copy (current);
  if (scenario->labs == NULL)
    scenario->labs = g_array_new (FALSE, TRUE, sizeof (GtwLab));
  if (self->editing >= 0 && (guint) self->editing < scenario->labs->len)
    {
      g_array_index (scenario->labs, GtwLab, self->editing) = lab;
      apply_labs (self, scenario, _("Edit Lab Result"));
    }
  else
    {
      g_array_append_val (scenario->labs, lab);
      apply_labs (self, scenario, _("Add Lab Result"));
    }
  reset_form (self);
}

static void
on_cancel_clicked (GtwLabsWindow *self)
{
  reset_form (self);
}

static void
on_test_changed (GtwLabsWindow *self)
{
  fill_units (self);
  show_error (self, NULL);
}

/* The list */

static void
on_edit_clicked (GtkButton     *button,
                 GtwLabsWindow *self)
{
  const GtwScenario *scenario = gtw_document_get_scenario (self->document);
  int index = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "lab-index"));
  const GtwLab *lab;
  g_autofree char *text = NULL;
  const char *unit;

  if (scenario->labs == NULL || (guint) index >= scenario->labs->len)
    return;
  lab = &g_array_index (scenario->labs, GtwLab, index);

  adw_combo_row_set_selected (self->test_row, lab->kind);
  fill_units (self);
  unit = selected_unit (self);
  text = g_strdup_printf ("%.*f", gtw_lab_unit_digits (lab->kind, unit) + 1,
                          gtw_lab_from_si (lab->kind, unit, lab->value));
  /* the digits beyond what the report shows are noise of the conversion */
  if (strchr (text, '.') != NULL || strchr (text, ',') != NULL)
    {
      char *end = text + strlen (text) - 1;

      while (*end == '0')
        *end-- = '\0';
      if (*end == '.' || *end == ',')
        *end = '\0';
    }
  gtk_editable_set_text (GTK_EDITABLE (self->value_entry), text);
  gtk_spin_button_set_value (self->month_spin, day_to_month (lab->day));
  show_error (self, NULL);

  self->editing = index;
  self->editing_day = lab->day;
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->form_group), _("Edit Result"));
  gtk_button_set_label (self->add_button, _("_Save Changes"));
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->value_entry));
}

static void
on_delete_clicked (GtkButton     *button,
                   GtwLabsWindow *self)
{
  const GtwScenario *current = gtw_document_get_scenario (self->document);
  int index = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "lab-index"));
  GtwScenario *scenario;

  if (current->labs == NULL || (guint) index >= current->labs->len)
    return;
  scenario = gtw_scenario_copy (current);
  g_array_remove_index (scenario->labs, index);
  apply_labs (self, scenario, _("Delete Lab Result"));
}

static GtkWidget *
row_button (GtwLabsWindow *self,
            const char    *icon,
            const char    *accessible_name,
            int            index,
            GCallback      callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, accessible_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_name, -1);
  g_object_set_data (G_OBJECT (button), "lab-index", GINT_TO_POINTER (index));
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static GtkWidget *
lab_row (GtwLabsWindow *self,
         const GtwLab  *lab,
         int            index)
{
  GtkWidget *row = adw_action_row_new ();
  const char *name = gtw_lab_kind_label (lab->kind);
  g_autofree char *value = format_value (lab->kind, display_unit (self, lab->kind), lab->value);
  g_autofree char *when = format_when (lab->day);
  /* Translators: an accessible name: "Edit Fasting glucose, After 6 months (day 183)" */
  g_autofree char *edit_name = g_strdup_printf (_("Edit %s, %s"), name, when);
  /* Translators: an accessible name: "Delete Fasting glucose, After 6 months (day 183)" */
  g_autofree char *delete_name = g_strdup_printf (_("Delete %s, %s"), name, when);
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), when);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button (self, "document-edit-symbolic", edit_name, index,
                                         G_CALLBACK (on_edit_clicked)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button (self, "user-trash-symbolic", delete_name, index,
                                         G_CALLBACK (on_delete_clicked)));
  return row;
}

static void
fill_list (GtwLabsWindow *self)
{
  const GtwScenario *scenario = gtw_document_get_scenario (self->document);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  for (guint i = 0; scenario->labs != NULL && i < scenario->labs->len; i++)
    gtk_list_box_append (self->list,
                         lab_row (self, &g_array_index (scenario->labs, GtwLab, i), (int) i));
}

/* Fit */

typedef struct
{
  GtwScenario  *scenario;
  GtwPatient    patient;
  GtwFitReport  report;
  GError       *error;
  guint         generation;
} FitJob;

static void
fit_job_free (gpointer data)
{
  FitJob *job = data;

  gtw_scenario_free (job->scenario);
  g_clear_error (&job->error);
  g_free (job);
}

static void
fit_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  FitJob *job = task_data;

  gtw_fit_patient_to_labs (job->scenario, &job->patient, &job->report, &job->error);
  g_task_return_boolean (task, TRUE);
}

static void
set_fit_message (GtwLabsWindow *self,
                 const char    *message,
                 gboolean       failed)
{
  gtk_label_set_text (self->fit_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->fit_label), message != NULL && message[0] != '\0');
  if (failed)
    gtk_widget_add_css_class (GTK_WIDGET (self->fit_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->fit_label), "error");
}

/* "Intrinsic insulin sensitivity changed from 1.00 to 0.45 × reference." */
static void
append_change (GString    *out,
               GtwParamId  id,
               double      before,
               double      after)
{
  const GtwParamInfo *info = gtw_registry_get (id);
  const char *unit = info->unit[0] != '\0' ? _(info->unit) : "";

  if (out->len > 0)
    g_string_append_c (out, '\n');
  if (fabs (after - before) < 0.005 && unit[0] == '\0')
    g_string_append_printf (out, _("%s stays at %.2f."), _(info->label), after);
  else if (fabs (after - before) < 0.005)
    g_string_append_printf (out, _("%s stays at %.2f %s."), _(info->label), after, unit);
  else if (unit[0] == '\0')
    /* Translators: "Beta-cell adaptive reserve changed from 1.40 to 0.68." */
    g_string_append_printf (out, _("%s changed from %.2f to %.2f."), _(info->label), before,
                            after);
  else
    g_string_append_printf (out, _("%s changed from %.2f to %.2f %s."), _(info->label), before,
                            after, unit);
}

static char *
fit_success_message (GtwLabsWindow      *self,
                     const GtwFitReport *report)
{
  GString *out = g_string_new (NULL);

  append_change (out, GTW_P_SI_INTRINSIC, report->si_before, report->si_after);
  if (report->beta_fitted)
    append_change (out, GTW_P_BETA_FUNCTION, report->beta_before, report->beta_after);
  else
    {
      g_string_append_c (out, '\n');
      g_string_append (out, _("Beta-cell function was kept: enter a fasting insulin or "
                              "C-peptide to fit it too."));
    }
  append_change (out, GTW_P_BETA_RESERVE, report->reserve_before, report->reserve_after);
  if (!report->at_rest)
    {
      const GtwParamInfo *reserve = gtw_registry_get (GTW_P_BETA_RESERVE);

      g_string_append_c (out, '\n');
      if (report->reserve_after >= reserve->max)
        g_string_append (out, _("Even the largest adaptive reserve cannot hold beta-cell "
                                "function at these labs: without treatment it falls from the "
                                "start, as in diabetes."));
      else
        g_string_append (out, _("Even the smallest adaptive reserve lets beta-cell function "
                                "grow from these labs: without treatment it rises from the "
                                "start."));
    }

  for (guint i = 0; i < report->n_terms; i++)
    {
      const GtwFitTerm *term = &report->terms[i];
      const char *unit = display_unit (self, term->kind);
      g_autofree char *achieved = format_value (term->kind, unit, term->achieved);
      g_autofree char *target = format_value (term->kind, unit, term->target);

      g_string_append_c (out, '\n');
      /* Translators: "Fasting glucose on day 0: 6.1 mmol/L (measured 6.1 mmol/L)" */
      g_string_append_printf (out, _("%s on day 0: %s (measured %s)"),
                              gtw_lab_kind_label (term->kind), achieved, target);
    }
  return g_string_free (out, FALSE);
}

static char *
fit_failure_message (GtwLabsWindow      *self,
                     const GtwFitReport *report,
                     const GError       *error)
{
  const GtwFitTerm *worst = NULL;

  if (!g_error_matches (error, GTW_FIT_ERROR, GTW_FIT_ERROR_UNREACHABLE))
    return g_strdup (error->message);

  /* The same sentence as the engine's, in the units of the preferences. */
  for (guint i = 0; i < report->n_terms; i++)
    {
      const GtwFitTerm *term = &report->terms[i];

      if (fabs (term->residual) > term->tolerance
          && (worst == NULL
              || fabs (term->residual) / term->tolerance
                   > fabs (worst->residual) / worst->tolerance))
        worst = term;
    }
  if (worst == NULL)
    return g_strdup (error->message);

  {
    const char *unit = display_unit (self, worst->kind);
    g_autofree char *target = format_value (worst->kind, unit, worst->target);
    g_autofree char *achieved = format_value (worst->kind, unit, worst->achieved);

    /* Translators: "Fasting glucose 2.1 mmol/L cannot be matched within the model's ranges:
     * the closest is 3.9 mmol/L. Nothing was changed." */
    return g_strdup_printf (_("%s %s cannot be matched within the model's ranges: the closest "
                              "is %s. Nothing was changed."),
                            gtw_lab_kind_label (worst->kind), target, achieved);
  }
}

static void
fit_done (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GtwLabsWindow *self = GTW_LABS_WINDOW (source);
  FitJob *job = g_task_get_task_data (G_TASK (result));
  g_autofree char *message = NULL;
  GtwScenario *scenario;

  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  g_clear_object (&self->cancellable);
  gtk_spinner_stop (self->fit_spinner);
  gtk_widget_set_sensitive (GTK_WIDGET (self->fit_button), TRUE);
  gtk_button_set_label (self->fit_button, _("_Fit to Labs"));

  if (job->error != NULL)
    {
      message = fit_failure_message (self, &job->report, job->error);
      set_fit_message (self, message, TRUE);
      return;
    }
  if (job->generation != self->generation)
    {
      set_fit_message (self, _("The scenario changed during the fit. Nothing was changed: fit "
                               "again."), TRUE);
      return;
    }

  message = fit_success_message (self, &job->report);
  scenario = gtw_scenario_copy (gtw_document_get_scenario (self->document));
  scenario->patient.v[GTW_P_SI_INTRINSIC] = job->patient.v[GTW_P_SI_INTRINSIC];
  scenario->patient.v[GTW_P_BETA_FUNCTION] = job->patient.v[GTW_P_BETA_FUNCTION];
  scenario->patient.v[GTW_P_BETA_RESERVE] = job->patient.v[GTW_P_BETA_RESERVE];
  gtw_document_apply (self->document, scenario, _("Fit to Labs"));
  set_fit_message (self, message, FALSE);
}

static void
on_fit_clicked (GtwLabsWindow *self)
{
  g_autoptr(GTask) task = NULL;
  FitJob *job;

  if (self->cancellable != NULL)
    return;

  job = g_new0 (FitJob, 1);
  job->scenario = gtw_scenario_copy (gtw_document_get_scenario (self->document));
  job->generation = self->generation;

  self->cancellable = g_cancellable_new ();
  gtk_widget_set_sensitive (GTK_WIDGET (self->fit_button), FALSE);
  gtk_button_set_label (self->fit_button, _("Fitting…"));
  gtk_spinner_start (self->fit_spinner);
  set_fit_message (self, NULL, FALSE);

  task = g_task_new (self, self->cancellable, fit_done, NULL);
  g_task_set_source_tag (task, on_fit_clicked);
  g_task_set_task_data (task, job, fit_job_free);
  g_task_run_in_thread (task, fit_thread);
}

/* The document */

static void
on_document_changed (GtwLabsWindow *self)
{
  const GtwScenario *scenario = gtw_document_get_scenario (self->document);

  self->generation++;
  gtk_spin_button_set_range (self->month_spin, 0,
                             floor ((scenario->duration_days - 1) / DAYS_PER_MONTH));
  fill_list (self);
  /* The index of a lab being edited means nothing once the labs changed; a value being typed
   * for a new lab is kept. */
  if (self->editing >= 0)
    reset_form (self);
}

static void
on_units_changed (GtwLabsWindow *self,
                  const char    *key)
{
  if (!g_str_has_suffix (key, "-unit"))
    return;
  fill_list (self);
  fill_units (self);
}

/* Building */

static GtkWidget *
build_list_group (GtwLabsWindow *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *placeholder = gtk_label_new (_("No results entered yet"));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Entered Results"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Measured values, drawn on the chart at their dates."));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_name (GTK_WIDGET (self->list), "lab-list");
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Entered lab results"), -1);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->list, placeholder);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->list));
  return group;
}

static GtkWidget *
build_form_group (GtwLabsWindow *self)
{
  const GtwScenario *scenario = gtw_document_get_scenario (self->document);
  g_autoptr(GtkStringList) tests = gtk_string_list_new (NULL);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row, *box, *buttons;

  self->form_group = group;

  for (int kind = 0; kind < GTW_LAB_N_KINDS; kind++)
    gtk_string_list_append (tests, gtw_lab_kind_label (kind));
  self->test_row = ADW_COMBO_ROW (adw_combo_row_new ());
  gtk_widget_set_name (GTK_WIDGET (self->test_row), "lab-test");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->test_row), _("Test"));
  adw_combo_row_set_model (self->test_row, G_LIST_MODEL (tests));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->test_row));

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("When"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Months after the start of the run"));
  self->month_spin = GTK_SPIN_BUTTON (
      gtk_spin_button_new_with_range (0, floor ((scenario->duration_days - 1) / DAYS_PER_MONTH), 1));
  gtk_widget_set_name (GTK_WIDGET (self->month_spin), "lab-month");
  gtk_widget_set_valign (GTK_WIDGET (self->month_spin), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->month_spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Months after the start of the run"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->month_spin));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->month_spin));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Value"));
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  self->value_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_name (GTK_WIDGET (self->value_entry), "lab-value");
  gtk_editable_set_width_chars (GTK_EDITABLE (self->value_entry), 8);
  gtk_entry_set_input_purpose (self->value_entry, GTK_INPUT_PURPOSE_NUMBER);
  gtk_entry_set_activates_default (self->value_entry, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->value_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Measured value"), -1);
  self->unit_drop = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_widget_set_name (GTK_WIDGET (self->unit_drop), "lab-unit");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->unit_drop), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Unit"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->value_entry));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->unit_drop));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->value_entry));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->error_label), "lab-error");
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_margin_top (GTK_WIDGET (self->error_label), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Problem with the value"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->error_label));

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_margin_top (buttons, 12);
  self->cancel_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Cancel")));
  gtk_widget_set_name (GTK_WIDGET (self->cancel_button), "lab-cancel");
  self->add_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Add Result")));
  gtk_widget_set_name (GTK_WIDGET (self->add_button), "lab-add");
  gtk_widget_add_css_class (GTK_WIDGET (self->add_button), "suggested-action");
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->cancel_button));
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->add_button));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), buttons);

  g_signal_connect_swapped (self->test_row, "notify::selected", G_CALLBACK (on_test_changed), self);
  g_signal_connect_swapped (self->value_entry, "activate", G_CALLBACK (on_add_clicked), self);
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (on_add_clicked), self);
  g_signal_connect_swapped (self->cancel_button, "clicked", G_CALLBACK (on_cancel_clicked), self);
  return group;
}

static GtkWidget *
build_fit_group (GtwLabsWindow *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Fit the Patient"));
  adw_preferences_group_set_description (
      ADW_PREFERENCES_GROUP (group),
      _("Adjusts the starting insulin sensitivity and beta-cell function so that the start of the "
        "run shows the fasting glucose and fasting insulin or C-peptide entered for the first "
        "month. It can be undone."));

  self->fit_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Fit to Labs")));
  gtk_widget_set_name (GTK_WIDGET (self->fit_button), "fit-button");
  gtk_widget_set_halign (GTK_WIDGET (self->fit_button), GTK_ALIGN_START);
  gtk_widget_add_css_class (GTK_WIDGET (self->fit_button), "pill");
  self->fit_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->fit_label), "fit-status");
  gtk_label_set_wrap (self->fit_label, TRUE);
  gtk_label_set_xalign (self->fit_label, 0);
  gtk_label_set_selectable (self->fit_label, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->fit_label), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->fit_label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Result of the fit"), -1);
  self->fit_spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->fit_spinner),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Fitting"), -1);
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (self->fit_button));
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (self->fit_spinner));
  gtk_box_append (GTK_BOX (box), line);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->fit_label));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);

  g_signal_connect_swapped (self->fit_button, "clicked", G_CALLBACK (on_fit_clicked), self);
  return group;
}

static void
build (GtwLabsWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_preferences_page_new ();

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                            ADW_PREFERENCES_GROUP (build_list_group (self)));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                            ADW_PREFERENCES_GROUP (build_fit_group (self)));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                            ADW_PREFERENCES_GROUP (build_form_group (self)));
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->add_button));

  fill_units (self);
  fill_list (self);
  reset_form (self);
}

static void
gtw_labs_window_dispose (GObject *object)
{
  GtwLabsWindow *self = GTW_LABS_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (gtw_labs_window_parent_class)->dispose (object);
}

static void
gtw_labs_window_class_init (GtwLabsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gtw_labs_window_dispose;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gtw_labs_window_init (GtwLabsWindow *self)
{
  self->editing = -1;
  self->settings = g_settings_new (APP_ID);
  gtk_window_set_title (GTK_WINDOW (self), _("Lab Results"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 760);
}

GtkWindow *
gtw_labs_window_new (GtkWindow   *parent,
                     GtwDocument *document)
{
  GtwLabsWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (GTW_IS_DOCUMENT (document), NULL);

  self = g_object_new (GTW_TYPE_LABS_WINDOW, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  build (self);
  g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (on_units_changed), self,
                           G_CONNECT_SWAPPED);
  return GTK_WINDOW (self);
}
