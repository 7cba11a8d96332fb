/* gtw-patient-panel.c: the patient sidebar, generated from the parameter registry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every row comes from gtw_registry_table: the panel knows parameter kinds, not parameters. A
 * value typed out of range is refused where it is typed: the row turns red and says why, the
 * spin button falls back to the last good value and no edit reaches the window.
 */
#include "gtw-patient-panel.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

/* Groups with more rows than this fold into an expander row, so the sidebar stays scannable. */
#define LONG_GROUP_ROWS 5

typedef struct
{
  GtwPatientPanel    *panel;
  GtwParamId          id;
  const GtwParamInfo *info;
  GtkWidget          *row;
  GtkWidget          *editor;   /* GtkSpinButton, GtkSwitch, or the row itself (AdwComboRow) */
  char               *subtitle; /* unit and range, shown while there is no error */
  int                 digits;
} ParamRow;

struct _GtwPatientPanel
{
  GtkWidget    parent_instance;

  GtkWidget   *scroller;
  GtkWidget   *bmi_label;
  GtkWidget   *homa_label;
  GtkWidget   *stage_badge;
  GtkWidget   *preset_row;
  GtkWidget   *preset_description;

  GStrv        preset_titles;
  GStrv        preset_descriptions;
  guint        edited_from; /* the preset the user's edits started from */

  ParamRow     rows[GTW_N_PATIENT_PARAMS];
  GtwPatient   patient;
  double       homa_ir;
  GtwStage     stage;
  gboolean     updating; /* set while the panel changes its own widgets */
};

G_DEFINE_FINAL_TYPE (GtwPatientPanel, gtw_patient_panel, GTK_TYPE_WIDGET)

enum { PATIENT_EDITED, PRESET_CHOSEN, N_SIGNALS };
static guint signals[N_SIGNALS];

/* The order of the groups in the sidebar: who the patient is, how they live, then the
 * physiology a clinician rarely changes. */
static const GtwParamGroup group_order[] = {
  GTW_GROUP_DEMOGRAPHICS,
  GTW_GROUP_DIET,
  GTW_GROUP_ACTIVITY,
  GTW_GROUP_GUT,
  GTW_GROUP_HORMONES,
  GTW_GROUP_METABOLIC,
};

/* Display names of the registry's choice values (the values themselves are file keys). */
static const struct { const char *choice; const char *label; } choice_labels[] = {
  { "female", N_("Female") },
  { "male", N_("Male") },
};

static const char *stage_classes[] = {
  [GTW_STAGE_NORMAL] = "normal",
  [GTW_STAGE_COMPENSATED_IR] = "compensated",
  [GTW_STAGE_PREDIABETES] = "prediabetes",
  [GTW_STAGE_DIABETES] = "diabetes",
};

static const char *
choice_label (const char *choice)
{
  for (guint i = 0; i < G_N_ELEMENTS (choice_labels); i++)
    if (g_str_equal (choice_labels[i].choice, choice))
      return _(choice_labels[i].label);
  return choice;
}

/* Step and digits from the width of the range: fine steps for factors around 1, whole numbers
 * for counts and kilograms, coarse steps for steps per day and kilocalories. */
static void
number_format (const GtwParamInfo *info,
               double             *step,
               int                *digits)
{
  double span = info->max - info->min;
  gboolean whole = info->min == floor (info->min) && info->max == floor (info->max)
                   && info->def == floor (info->def);

  if (span <= 3.0)
    {
      *step = 0.05;
      *digits = 2;
    }
  else if (span <= 25.0)
    {
      *step = 0.1;
      *digits = 1;
    }
  else
    {
      *step = MAX (1.0, pow (10.0, floor (log10 (span)) - 2.0));
      *digits = whole ? 0 : 1;
    }
}

static char *
format_number (double value,
               int    digits)
{
  return g_strdup_printf ("%.*f", digits, value);
}

static char *
range_subtitle (const GtwParamInfo *info,
                int                 digits)
{
  g_autofree char *min = format_number (info->min, digits);
  g_autofree char *max = format_number (info->max, digits);

  if (info->unit[0] == '\0')
    /* Translators: a parameter's allowed range, e.g. "0.10–1.00" */
    return g_strdup_printf (_("%s–%s"), min, max);
  /* Translators: a parameter's unit and allowed range, e.g. "kg · 35–250" */
  return g_strdup_printf (_("%s · %s–%s"), _(info->unit), min, max);
}

static void
row_set_error (ParamRow   *row,
               const char *message)
{
  if (message == NULL)
    {
      gtk_widget_remove_css_class (row->editor, "error");
      gtk_widget_remove_css_class (row->row, "gtw-param-error");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row->row), row->subtitle);
      return;
    }
  gtk_widget_add_css_class (row->editor, "error");
  gtk_widget_add_css_class (row->row, "gtw-param-error");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row->row), message);
}

static void
row_refuse (ParamRow   *row,
            const char *reason)
{
  g_autofree char *kept = NULL;
  g_autofree char *message = NULL;

  if (row->info->kind == GTW_PARAM_NUMBER)
    {
      kept = format_number (row->panel->patient.v[row->id], row->digits);
      /* Translators: the first %s says why a typed value was refused, the second is the value
       * the parameter keeps, e.g. "300 is outside 35–250 kg. Kept 88." */
      message = g_strdup_printf (_("%s. Kept %s."), reason, kept);
    }
  row_set_error (row, message != NULL ? message : reason);
}

/* @value for parameter @id, in its own range and, together with the other values, a patient
 * who can live (a weight that fits the height: gtw_patient_check ()). */
static gboolean
check_value (GtwPatientPanel *self,
             GtwParamId       id,
             double           value,
             GError         **error)
{
  GtwPatient candidate = self->patient;

  if (!gtw_param_check_value (gtw_registry_get (id), value, error))
    return FALSE;
  candidate.v[id] = value;
  return gtw_patient_check (&candidate, error);
}

static void
update_derived (GtwPatientPanel *self)
{
  g_autofree char *bmi = NULL;
  g_autofree char *homa = NULL;

  bmi = g_strdup_printf ("%.1f", gtw_patient_bmi (&self->patient));
  gtk_label_set_text (GTK_LABEL (self->bmi_label), bmi);

  for (guint i = 0; i < G_N_ELEMENTS (stage_classes); i++)
    gtk_widget_remove_css_class (self->stage_badge, stage_classes[i]);

  if (isnan (self->homa_ir))
    {
      gtk_label_set_text (GTK_LABEL (self->homa_label), "—");
      gtk_widget_set_visible (self->stage_badge, FALSE);
      return;
    }

  homa = g_strdup_printf ("%.1f", self->homa_ir);
  gtk_label_set_text (GTK_LABEL (self->homa_label), homa);
  gtk_label_set_text (GTK_LABEL (self->stage_badge), gtw_stage_label (self->stage));
  gtk_widget_add_css_class (self->stage_badge, stage_classes[self->stage]);
  gtk_widget_set_visible (self->stage_badge, TRUE);
}

/* Digits enough to show the value exactly (88.5 kg where whole kilograms are the rule), so that
 * the field never shows a rounded number that is not the patient's. */
static void
spin_show_precision (ParamRow *row)
{
  double value = row->panel->patient.v[row->id];
  guint digits;

  for (digits = row->digits; digits < 3; digits++)
    {
      double scaled = value * pow (10.0, digits);

      if (fabs (scaled - round (scaled)) < 1e-6)
        break;
    }
  if (digits != gtk_spin_button_get_digits (GTK_SPIN_BUTTON (row->editor)))
    gtk_spin_button_set_digits (GTK_SPIN_BUTTON (row->editor), digits);
}

/* Shows @row's value from the patient without reporting it as an edit. */
static void
row_show_value (ParamRow *row)
{
  double value = row->panel->patient.v[row->id];

  row->panel->updating = TRUE;
  switch (row->info->kind)
    {
    case GTW_PARAM_NUMBER:
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (row->editor), value);
      spin_show_precision (row);
      break;
    case GTW_PARAM_BOOLEAN:
      gtk_switch_set_active (GTK_SWITCH (row->editor), value != 0.0);
      break;
    case GTW_PARAM_CHOICE:
      adw_combo_row_set_selected (ADW_COMBO_ROW (row->editor), (guint) value);
      break;
    default:
      g_assert_not_reached ();
    }
  row->panel->updating = FALSE;
}

static void
emit_edited (GtwPatientPanel    *self,
             const GtwParamInfo *info)
{
  /* Translators: the undo label of a parameter change, e.g. "Change Weight" */
  g_autofree char *undo_label = g_strdup_printf (_("Change %s"), gettext (info->label));
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->preset_row));

  /* An edited patient is no longer the preset: clearing the chooser says so, and lets the
   * user pick the same preset again to go back to its values. */
  if (selected != GTK_INVALID_LIST_POSITION)
    {
      self->edited_from = selected;
      self->updating = TRUE;
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->preset_row), GTK_INVALID_LIST_POSITION);
      self->updating = FALSE;
    }
  g_signal_emit (self, signals[PATIENT_EDITED], 0, undo_label);
}

static void
commit_value (ParamRow *row,
              double    value)
{
  GtwPatientPanel *self = row->panel;

  if (self->updating)
    return;

  row_set_error (row, NULL);
  if (value == self->patient.v[row->id])
    return;

  self->patient.v[row->id] = value;
  update_derived (self);
  emit_edited (self, row->info);
}

/* Parses what the user typed, in the user's locale (GtkSpinButton's own parser does not honour
 * LC_NUMERIC), and refuses anything outside the registry's range instead of clamping it. */
static int
on_spin_input (GtkSpinButton *spin,
               double        *new_value,
               ParamRow      *row)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin))));
  g_autofree char *reason = NULL;
  g_autofree char *shown = NULL;
  char *end = NULL;
  double value;

  /* Leaving a field re-reads its text: unchanged text is the exact value, not an edit. */
  shown = format_number (row->panel->patient.v[row->id],
                         gtk_spin_button_get_digits (spin));
  if (g_str_equal (text, shown))
    {
      row_set_error (row, NULL);
      *new_value = row->panel->patient.v[row->id];
      return TRUE;
    }

  value = strtod (text, &end);
  if (text[0] == '\0' || end == text || *end != '\0')
    {
      /* Translators: %s is what the user typed into a number field */
      reason = g_strdup_printf (_("“%s” is not a number"), text);
      row_refuse (row, reason);
      return GTK_INPUT_ERROR;
    }
  if (!check_value (row->panel, row->id, value, &error))
    {
      row_refuse (row, error->message);
      return GTK_INPUT_ERROR;
    }

  row_set_error (row, NULL);
  *new_value = value;
  return TRUE;
}

static void
on_spin_value_changed (GtkSpinButton *spin,
                       ParamRow      *row)
{
  g_autoptr(GError) error = NULL;
  double value = gtk_spin_button_get_value (spin);

  if (value == row->panel->patient.v[row->id])
    return;
  /* the step buttons and the arrow keys arrive here without the text check */
  if (!check_value (row->panel, row->id, value, &error))
    {
      row_refuse (row, error->message);
      gtk_spin_button_set_value (spin, row->panel->patient.v[row->id]);
      return;
    }
  commit_value (row, value);
  spin_show_precision (row);
}

static void
on_switch_active (GtkSwitch  *sw,
                  GParamSpec *pspec,
                  ParamRow   *row)
{
  commit_value (row, gtk_switch_get_active (sw) ? 1.0 : 0.0);
}

static void
on_choice_selected (AdwComboRow *combo,
                    GParamSpec  *pspec,
                    ParamRow    *row)
{
  guint selected = adw_combo_row_get_selected (combo);

  if (selected != GTK_INVALID_LIST_POSITION)
    commit_value (row, selected);
}

static char *
row_tooltip (const GtwParamInfo *info)
{
  /* Translators: a parameter's tooltip, its explanation then its source in the literature */
  return g_strdup_printf (_("%s\n\nSource: %s"), gettext (info->explanation), info->source);
}

static GtkWidget *
create_number_row (ParamRow *row)
{
  const GtwParamInfo *info = row->info;
  GtkAdjustment *adjustment;
  GtkWidget *action_row;
  double step;

  number_format (info, &step, &row->digits);
  row->subtitle = range_subtitle (info, row->digits);

  adjustment = gtk_adjustment_new (info->def, info->min, info->max, step, step * 10.0, 0.0);
  row->editor = gtk_spin_button_new (adjustment, step, row->digits);
  gtk_spin_button_set_update_policy (GTK_SPIN_BUTTON (row->editor), GTK_UPDATE_IF_VALID);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (row->editor), FALSE);
  /* One width for every field, so the values line up down the sidebar. */
  gtk_editable_set_width_chars (GTK_EDITABLE (row->editor), 5);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (row->editor), 5);
  gtk_widget_set_valign (row->editor, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->editor),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gettext (info->label), -1);
  g_signal_connect (row->editor, "input", G_CALLBACK (on_spin_input), row);
  g_signal_connect (row->editor, "value-changed", G_CALLBACK (on_spin_value_changed), row);

  action_row = adw_action_row_new ();
  adw_action_row_add_suffix (ADW_ACTION_ROW (action_row), row->editor);
  return action_row;
}

static GtkWidget *
create_boolean_row (ParamRow *row)
{
  GtkWidget *action_row = adw_action_row_new ();

  row->editor = gtk_switch_new ();
  gtk_widget_set_valign (row->editor, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (action_row), row->editor);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (action_row), row->editor);
  g_signal_connect (row->editor, "notify::active", G_CALLBACK (on_switch_active), row);
  return action_row;
}

static GtkWidget *
create_choice_row (ParamRow *row)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *combo = adw_combo_row_new ();

  for (guint i = 0; row->info->choices[i] != NULL; i++)
    gtk_string_list_append (labels, choice_label (row->info->choices[i]));
  adw_combo_row_set_model (ADW_COMBO_ROW (combo), G_LIST_MODEL (labels));
  row->editor = combo;
  g_signal_connect (combo, "notify::selected", G_CALLBACK (on_choice_selected), row);
  return combo;
}

static GtkWidget *
create_param_row (GtwPatientPanel *self,
                  GtwParamId       id)
{
  ParamRow *row = &self->rows[id];
  g_autofree char *tooltip = NULL;

  row->panel = self;
  row->id = id;
  row->info = gtw_registry_get (id);

  switch (row->info->kind)
    {
    case GTW_PARAM_NUMBER:
      row->row = create_number_row (row);
      break;
    case GTW_PARAM_BOOLEAN:
      row->row = create_boolean_row (row);
      break;
    case GTW_PARAM_CHOICE:
      row->row = create_choice_row (row);
      break;
    default:
      g_assert_not_reached ();
    }

  if (row->subtitle == NULL && row->info->unit[0] != '\0')
    row->subtitle = g_strdup (_(row->info->unit));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), gettext (row->info->label));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row->row), row->subtitle);
  tooltip = row_tooltip (row->info);
  gtk_widget_set_tooltip_text (row->row, tooltip);
  gtk_widget_set_name (row->row, row->info->id);
  row_show_value (row);
  return row->row;
}

static GtkWidget *
create_group (GtwPatientPanel *self,
              GtwParamGroup    group)
{
  GtkWidget *prefs_group = adw_preferences_group_new ();
  GtkWidget *expander = NULL;
  guint n_rows = 0;

  for (GtwParamId id = 0; id < GTW_N_PATIENT_PARAMS; id++)
    if (gtw_registry_get (id)->group == group)
      n_rows++;

  if (n_rows > LONG_GROUP_ROWS)
    {
      g_autofree char *count = g_strdup_printf (ngettext ("%u value", "%u values", n_rows), n_rows);

      expander = adw_expander_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), gtw_param_group_label (group));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), count);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (prefs_group), expander);
    }
  else
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (prefs_group),
                                      gtw_param_group_label (group));

  for (GtwParamId id = 0; id < GTW_N_PATIENT_PARAMS; id++)
    {
      GtkWidget *row;

      if (gtw_registry_get (id)->group != group)
        continue;
      row = create_param_row (self, id);
      if (expander != NULL)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
      else
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (prefs_group), row);
    }
  return prefs_group;
}

static GtkWidget *
create_stat (const char *name,
             const char *caption,
             const char *tooltip,
             GtkWidget **value_label)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *caption_label = gtk_label_new (caption);

  *value_label = gtk_label_new ("—");
  gtk_widget_set_name (*value_label, name);
  gtk_widget_add_css_class (*value_label, "title-2");
  gtk_widget_add_css_class (*value_label, "numeric");
  gtk_widget_add_css_class (caption_label, "caption");
  gtk_widget_add_css_class (caption_label, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (caption_label), TRUE);
  gtk_label_set_justify (GTK_LABEL (caption_label), GTK_JUSTIFY_CENTER);
  gtk_box_append (GTK_BOX (box), *value_label);
  gtk_box_append (GTK_BOX (box), caption_label);
  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_set_tooltip_text (box, tooltip);
  return box;
}

static GtkWidget *
create_summary (GtwPatientPanel *self)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *stats = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_widget_add_css_class (card, "card");
  gtk_box_set_homogeneous (GTK_BOX (stats), TRUE);
  gtk_box_append (GTK_BOX (stats),
                  create_stat ("bmi", _("BMI, kg/m²"),
                               _("Body mass index from weight and height on day 0"),
                               &self->bmi_label));
  gtk_box_append (GTK_BOX (stats),
                  create_stat ("homa-ir", _("HOMA-IR on day 0"),
                               _("Insulin resistance from fasting glucose and insulin on day 0 of "
                                 "the latest run; above 2.5 is insulin resistant"),
                               &self->homa_label));
  gtk_box_append (GTK_BOX (card), stats);

  self->stage_badge = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->stage_badge), TRUE);
  gtk_label_set_justify (GTK_LABEL (self->stage_badge), GTK_JUSTIFY_CENTER);
  gtk_widget_set_halign (self->stage_badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->stage_badge, "gtw-stage-badge");
  gtk_widget_set_name (self->stage_badge, "stage");
  gtk_widget_set_tooltip_text (self->stage_badge, _("Stage on day 0 of the latest run"));
  gtk_box_append (GTK_BOX (card), self->stage_badge);

  gtk_widget_set_margin_start (stats, 12);
  gtk_widget_set_margin_end (stats, 12);
  gtk_widget_set_margin_top (stats, 12);
  gtk_widget_set_margin_bottom (self->stage_badge, 12);
  gtk_widget_set_margin_start (self->stage_badge, 12);
  gtk_widget_set_margin_end (self->stage_badge, 12);
  return card;
}

static void
on_preset_item_setup (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *description = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_label_set_xalign (GTK_LABEL (description), 0.0);
  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  gtk_label_set_lines (GTK_LABEL (description), 3);
  gtk_label_set_ellipsize (GTK_LABEL (description), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (description), 40);
  gtk_label_set_width_chars (GTK_LABEL (description), 40);
  gtk_widget_add_css_class (description, "caption");
  gtk_widget_add_css_class (description, "dim-label");
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), description);
  gtk_list_item_set_child (item, box);
}

static void
on_preset_item_bind (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     GtwPatientPanel          *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *description = gtk_widget_get_next_sibling (title);
  guint position = gtk_list_item_get_position (item);

  gtk_label_set_text (GTK_LABEL (title), self->preset_titles[position]);
  gtk_label_set_text (GTK_LABEL (description), self->preset_descriptions[position]);
  gtk_widget_set_tooltip_text (box, self->preset_descriptions[position]);
}

static void
show_preset_description (GtwPatientPanel *self)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->preset_row));

  if (selected == GTK_INVALID_LIST_POSITION && self->edited_from != GTK_INVALID_LIST_POSITION)
    {
      g_autofree char *text =
        /* Translators: %s is a preset's title */
        g_strdup_printf (_("Changed from “%s”. Choose it again to go back to its values."),
                         self->preset_titles[self->edited_from]);

      gtk_label_set_text (GTK_LABEL (self->preset_description), text);
      return;
    }
  if (selected == GTK_INVALID_LIST_POSITION)
    {
      gtk_label_set_text (GTK_LABEL (self->preset_description),
                          _("A patient of your own, not one of the presets."));
      return;
    }
  gtk_label_set_text (GTK_LABEL (self->preset_description), self->preset_descriptions[selected]);
}

static void
on_preset_selected (AdwComboRow     *combo,
                    GParamSpec      *pspec,
                    GtwPatientPanel *self)
{
  guint selected = adw_combo_row_get_selected (combo);

  show_preset_description (self);
  if (self->updating || selected == GTK_INVALID_LIST_POSITION)
    return;
  g_signal_emit (self, signals[PRESET_CHOSEN], 0, gtw_preset_ids ()[selected]);
}

static GtkWidget *
create_preset_group (GtwPatientPanel *self)
{
  const char *const *ids = gtw_preset_ids ();
  guint n = g_strv_length ((char **) ids);
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkWidget *group = adw_preferences_group_new ();

  self->preset_titles = g_new0 (char *, n + 1);
  self->preset_descriptions = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GtwScenario) preset = gtw_preset_load (ids[i], &error);

      /* The presets are compiled in and tested; a broken one is a bug of the build. */
      if (preset == NULL)
        g_error ("preset %s: %s", ids[i], error->message);
      self->preset_titles[i] = g_strdup (preset->name);
      self->preset_descriptions[i] = g_strdup (preset->description != NULL
                                               ? preset->description : "");
      gtk_string_list_append (titles, preset->name);
    }

  g_signal_connect (factory, "setup", G_CALLBACK (on_preset_item_setup), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_preset_item_bind), self);

  self->preset_row = adw_combo_row_new ();
  gtk_widget_set_name (self->preset_row, "preset");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->preset_row), _("Preset"));
  adw_combo_row_set_list_factory (ADW_COMBO_ROW (self->preset_row), factory);
  adw_combo_row_set_model (ADW_COMBO_ROW (self->preset_row), G_LIST_MODEL (titles));
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (self->preset_row), TRUE);
  g_signal_connect (self->preset_row, "notify::selected", G_CALLBACK (on_preset_selected), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->preset_row);

  self->preset_description = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->preset_description), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->preset_description), 0.0);
  gtk_widget_add_css_class (self->preset_description, "caption");
  gtk_widget_add_css_class (self->preset_description, "dim-label");
  gtk_widget_set_margin_top (self->preset_description, 6);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->preset_description);
  show_preset_description (self);
  return group;
}

static void
gtw_patient_panel_dispose (GObject *object)
{
  GtwPatientPanel *self = GTW_PATIENT_PANEL (object);

  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  G_OBJECT_CLASS (gtw_patient_panel_parent_class)->dispose (object);
}

static void
gtw_patient_panel_finalize (GObject *object)
{
  GtwPatientPanel *self = GTW_PATIENT_PANEL (object);

  for (guint i = 0; i < GTW_N_PATIENT_PARAMS; i++)
    g_free (self->rows[i].subtitle);
  g_strfreev (self->preset_titles);
  g_strfreev (self->preset_descriptions);
  G_OBJECT_CLASS (gtw_patient_panel_parent_class)->finalize (object);
}

static void
gtw_patient_panel_class_init (GtwPatientPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gtw_patient_panel_dispose;
  object_class->finalize = gtw_patient_panel_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "gtw-patient-panel");

  signals[PATIENT_EDITED] = g_signal_new ("patient-edited", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[PRESET_CHOSEN] = g_signal_new ("preset-chosen", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
gtw_patient_panel_init (GtwPatientPanel *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  gtw_patient_init_defaults (&self->patient);
  self->homa_ir = NAN;
  self->edited_from = GTK_INVALID_LIST_POSITION;

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_box_append (GTK_BOX (box), create_summary (self));
  gtk_box_append (GTK_BOX (box), create_preset_group (self));
  for (guint i = 0; i < G_N_ELEMENTS (group_order); i++)
    gtk_box_append (GTK_BOX (box), create_group (self, group_order[i]));

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), box);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
  gtk_widget_set_size_request (GTK_WIDGET (self), 340, -1);

  self->updating = TRUE;
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->preset_row), GTK_INVALID_LIST_POSITION);
  self->updating = FALSE;
  update_derived (self);
}

GtkWidget *
gtw_patient_panel_new (void)
{
  return g_object_new (GTW_TYPE_PATIENT_PANEL, NULL);
}

void
gtw_patient_panel_set_scenario (GtwPatientPanel   *self,
                                const GtwScenario *scenario)
{
  const char *const *ids = gtw_preset_ids ();
  guint selected = GTK_INVALID_LIST_POSITION;

  g_return_if_fail (GTW_IS_PATIENT_PANEL (self));
  g_return_if_fail (scenario != NULL);

  self->patient = scenario->patient;
  self->edited_from = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; scenario->preset != NULL && ids[i] != NULL; i++)
    if (g_str_equal (ids[i], scenario->preset))
      selected = i;
  self->updating = TRUE;
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->preset_row), selected);
  self->updating = FALSE;
  show_preset_description (self);

  for (guint i = 0; i < GTW_N_PATIENT_PARAMS; i++)
    {
      row_set_error (&self->rows[i], NULL);
      row_show_value (&self->rows[i]);
    }
  update_derived (self);
}

const GtwPatient *
gtw_patient_panel_get_patient (GtwPatientPanel *self)
{
  g_return_val_if_fail (GTW_IS_PATIENT_PANEL (self), NULL);

  return &self->patient;
}

gboolean
gtw_patient_panel_set_value (GtwPatientPanel *self,
                             const char      *param_id,
                             double           value,
                             GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  const GtwParamInfo *info;
  ParamRow *row;
  GtwParamId id;

  g_return_val_if_fail (GTW_IS_PATIENT_PANEL (self), FALSE);
  g_return_val_if_fail (param_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  info = gtw_registry_lookup (param_id, &id);
  if (info == NULL || !gtw_param_is_patient (id))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("No patient parameter is called “%s”"), param_id);
      return FALSE;
    }

  row = &self->rows[id];
  if (!check_value (self, id, value, &local_error))
    {
      row_refuse (row, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  row_set_error (row, NULL);
  if (value == self->patient.v[id])
    return TRUE;
  self->patient.v[id] = value;
  row_show_value (row);
  update_derived (self);
  emit_edited (self, info);
  return TRUE;
}

void
gtw_patient_panel_set_derived (GtwPatientPanel *self,
                               double           homa_ir,
                               GtwStage         stage)
{
  g_return_if_fail (GTW_IS_PATIENT_PANEL (self));
  g_return_if_fail (isnan (homa_ir) || (stage >= GTW_STAGE_NORMAL && stage <= GTW_STAGE_DIABETES));

  self->homa_ir = homa_ir;
  self->stage = stage;
  update_derived (self);
}
