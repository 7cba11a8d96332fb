/* gtw-intervention-editor.c: the popover that edits one block of the timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "gtw-intervention-editor.h"
#include "gtw-intervention-style.h"

struct _GtwInterventionEditor
{
  GtkPopover     parent_instance;

  GtwTimeline   *timeline; /* our parent: outlives us */
  int            index;
  int            duration_days;
  gboolean       updating; /* widgets are being set from the list: not a user change */

  GtkSpinButton *start_spin;
  GtkSpinButton *end_spin;
  GtkLabel      *start_date;
  GtkLabel      *end_date;
  GtkSwitch     *open_end;
  GtkSpinButton *adherence;
  GtkWidget     *fields[GTW_IV_MAX_FIELDS];
};

G_DEFINE_FINAL_TYPE (GtwInterventionEditor, gtw_intervention_editor, GTK_TYPE_POPOVER)

/* The scenario's choice ids, as a clinician reads them. */
static const struct { const char *id; const char *label; } choice_labels[] = {
  { "aerobic", N_("Aerobic") },
  { "resistance", N_("Resistance") },
  { "combined", N_("Aerobic and resistance") },
  { "light", N_("Light") },
  { "moderate", N_("Moderate") },
  { "vigorous", N_("Vigorous") },
  { "all", N_("All meals") },
  { "breakfast", N_("Breakfast") },
  { "lunch", N_("Lunch") },
  { "dinner", N_("Dinner") },
};

static const char *
choice_label (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (choice_labels); i++)
    if (g_str_equal (choice_labels[i].id, id))
      return _(choice_labels[i].label);
  return id;
}

/* A fraction without a unit (of carbohydrate removed, say) reads better as a percentage. */
static gboolean
is_fraction (const GtwFieldSpec *spec)
{
  return spec->kind == GTW_FIELD_NUMBER && spec->unit[0] == '\0' && spec->max <= 1.0;
}

static gboolean
current (GtwInterventionEditor *self,
         GtwIntervention       *out)
{
  const GArray *list = gtw_timeline_get_interventions (self->timeline);

  if (self->index < 0 || (guint) self->index >= list->len)
    return FALSE;
  *out = g_array_index (list, GtwIntervention, self->index);
  return TRUE;
}

static double
field_value_for_display (const GtwIntervention *iv,
                         guint                  i)
{
  /* A field that follows another (NAN) shows the value it follows: the carbohydrate
   * reduction's fructose fraction is the only one, and it follows the field before it. */
  if (isnan (iv->field[i]) && i > 0)
    return iv->field[i - 1];
  return iv->field[i];
}

void
gtw_intervention_editor_refresh (GtwInterventionEditor *self)
{
  const GtwInterventionClass *klass;
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  GtwIntervention iv;
  gboolean open;

  g_return_if_fail (GTW_IS_INTERVENTION_EDITOR (self));

  if (self->start_spin == NULL || !current (self, &iv))
    return;
  klass = gtw_intervention_class (iv.type);
  open = iv.end_day < 0;

  self->updating = TRUE;

  gtk_spin_button_set_range (self->start_spin, 0, MAX (self->duration_days - 1, 0));
  gtk_spin_button_set_value (self->start_spin, iv.start_day);
  gtk_switch_set_active (self->open_end, open);
  gtk_spin_button_set_range (self->end_spin, iv.start_day, GTW_SCENARIO_MAX_DAYS - 1);
  gtk_spin_button_set_value (self->end_spin, open ? self->duration_days - 1 : iv.end_day);
  gtk_widget_set_sensitive (GTK_WIDGET (self->end_spin), !open);
  gtk_spin_button_set_value (self->adherence, round (iv.adherence * 100.0));

  start_text = gtw_intervention_style_format_day (iv.start_day);
  end_text = open ? g_strdup (_("End of the run")) : gtw_intervention_style_format_day (iv.end_day);
  gtk_label_set_text (self->start_date, start_text);
  gtk_label_set_text (self->end_date, end_text);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const GtwFieldSpec *spec = &klass->fields[i];
      double value = field_value_for_display (&iv, i);

      switch (spec->kind)
        {
        case GTW_FIELD_NUMBER:
          gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->fields[i]),
                                     is_fraction (spec) ? value * 100.0 : value);
          break;
        case GTW_FIELD_TIME:
          gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->fields[i]), value);
          break;
        case GTW_FIELD_CHOICE:
          gtk_drop_down_set_selected (GTK_DROP_DOWN (self->fields[i]), (guint) value);
          break;
        case GTW_FIELD_BOOLEAN:
          gtk_switch_set_active (GTK_SWITCH (self->fields[i]), value != 0);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  self->updating = FALSE;
}

/* Every change ends here: the timeline validates it with the engine and emits "edited";
 * a rejected value springs back to the list's. */
static void
commit (GtwInterventionEditor *self,
        const GtwIntervention *iv)
{
  gtw_timeline_replace (self->timeline, self->index, iv);
  gtw_intervention_editor_refresh (self);
}

static void
start_changed_cb (GtwInterventionEditor *self)
{
  GtwIntervention iv;

  if (self->updating || !current (self, &iv))
    return;
  iv.start_day = gtk_spin_button_get_value_as_int (self->start_spin);
  if (iv.end_day >= 0 && iv.end_day < iv.start_day)
    iv.end_day = iv.start_day;
  commit (self, &iv);
}

static void
end_changed_cb (GtwInterventionEditor *self)
{
  GtwIntervention iv;

  if (self->updating || !current (self, &iv) || gtk_switch_get_active (self->open_end))
    return;
  iv.end_day = gtk_spin_button_get_value_as_int (self->end_spin);
  commit (self, &iv);
}

static void
open_end_changed_cb (GtwInterventionEditor *self)
{
  GtwIntervention iv;

  if (self->updating || !current (self, &iv))
    return;
  /* Closing an open end keeps the block as long as it looked: to the last day of the run. */
  iv.end_day = gtk_switch_get_active (self->open_end)
               ? -1 : MAX (self->duration_days - 1, iv.start_day);
  commit (self, &iv);
}

static void
adherence_changed_cb (GtwInterventionEditor *self)
{
  GtwIntervention iv;

  if (self->updating || !current (self, &iv))
    return;
  iv.adherence = gtk_spin_button_get_value (self->adherence) / 100.0;
  commit (self, &iv);
}

static void
field_changed_cb (GtkWidget             *widget,
                  GParamSpec            *pspec,
                  GtwInterventionEditor *self)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "gtw-field-index"));
  const GtwFieldSpec *spec;
  GtwIntervention iv;

  if (self->updating || !current (self, &iv))
    return;
  spec = &gtw_intervention_class (iv.type)->fields[i];

  switch (spec->kind)
    {
    case GTW_FIELD_NUMBER:
      iv.field[i] = gtk_spin_button_get_value (GTK_SPIN_BUTTON (widget));
      if (is_fraction (spec))
        iv.field[i] /= 100.0;
      break;
    case GTW_FIELD_TIME:
      iv.field[i] = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (widget));
      break;
    case GTW_FIELD_CHOICE:
      iv.field[i] = gtk_drop_down_get_selected (GTK_DROP_DOWN (widget));
      break;
    case GTW_FIELD_BOOLEAN:
      iv.field[i] = gtk_switch_get_active (GTK_SWITCH (widget)) ? 1 : 0;
      break;
    default:
      g_assert_not_reached ();
    }
  commit (self, &iv);
}

static void
spin_value_changed_cb (GtkSpinButton         *spin,
                       GtwInterventionEditor *self)
{
  field_changed_cb (GTK_WIDGET (spin), NULL, self);
}

static gboolean
time_output_cb (GtkSpinButton *spin)
{
  int minutes = (int) gtk_adjustment_get_value (gtk_spin_button_get_adjustment (spin));
  char text[8];

  g_snprintf (text, sizeof text, "%02d:%02d", minutes / 60, minutes % 60);
  if (!g_str_equal (text, gtk_editable_get_text (GTK_EDITABLE (spin))))
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
time_input_cb (GtkSpinButton *spin,
               double        *new_value)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  int hours, minutes;
  char rest;

  if (sscanf (text, "%d:%d%c", &hours, &minutes, &rest) != 2
      || hours < 0 || hours > 23 || minutes < 0 || minutes > 59)
    return GTK_INPUT_ERROR;
  *new_value = hours * 60 + minutes;
  return TRUE;
}

static void
remove_clicked_cb (GtwInterventionEditor *self)
{
  int index = self->index;

  gtk_popover_popdown (GTK_POPOVER (self));
  gtw_timeline_remove (self->timeline, index);
}

static GtkWidget *
caption (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static GtkSpinButton *
spin_new (double min,
          double max,
          double step,
          guint  digits)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, step);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), digits);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), FALSE);
  gtk_widget_set_hexpand (spin, TRUE);
  return GTK_SPIN_BUTTON (spin);
}

static void
attach_row (GtkGrid    *grid,
            int         row,
            const char *title,
            GtkWidget  *widget,
            GtkWidget  *after)
{
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, widget, 1, row, 1, 1);
  if (after != NULL)
    gtk_grid_attach (grid, after, 2, row, 1, 1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);
}

static GtkWidget *
field_widget_new (GtwInterventionEditor *self,
                  const GtwFieldSpec    *spec,
                  guint                  i)
{
  GtkWidget *widget;
  double range = spec->max - spec->min;

  switch (spec->kind)
    {
    case GTW_FIELD_NUMBER:
      if (is_fraction (spec))
        widget = GTK_WIDGET (spin_new (spec->min * 100.0, spec->max * 100.0, 5, 0));
      else
        {
          double step = range >= 1000 ? 50 : range >= 100 ? 5 : range > 10 ? 1 : range > 1 ? 0.5 : 0.05;

          widget = GTK_WIDGET (spin_new (spec->min, spec->max, step, step >= 1 ? 0 : step >= 0.1 ? 1 : 2));
        }
      g_signal_connect (widget, "value-changed", G_CALLBACK (spin_value_changed_cb), self);
      break;
    case GTW_FIELD_TIME:
      widget = GTK_WIDGET (spin_new (spec->min, spec->max, 15, 0));
      gtk_spin_button_set_wrap (GTK_SPIN_BUTTON (widget), TRUE);
      g_signal_connect (widget, "output", G_CALLBACK (time_output_cb), NULL);
      g_signal_connect (widget, "input", G_CALLBACK (time_input_cb), NULL);
      g_signal_connect (widget, "value-changed", G_CALLBACK (spin_value_changed_cb), self);
      break;
    case GTW_FIELD_CHOICE:
      {
        g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

        for (guint c = 0; spec->choices[c] != NULL; c++)
          gtk_string_list_append (model, choice_label (spec->choices[c]));
        widget = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&model)), NULL);
        g_signal_connect (widget, "notify::selected", G_CALLBACK (field_changed_cb), self);
      }
      break;
    case GTW_FIELD_BOOLEAN:
      widget = gtk_switch_new ();
      gtk_widget_set_halign (widget, GTK_ALIGN_START);
      gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
      g_signal_connect (widget, "notify::active", G_CALLBACK (field_changed_cb), self);
      break;
    default:
      g_assert_not_reached ();
    }

  /* The scenario key names the widget, so that tests and inspectors find it. */
  gtk_widget_set_name (widget, spec->key);
  g_object_set_data (G_OBJECT (widget), "gtw-field-index", GUINT_TO_POINTER (i));
  return widget;
}

/* Strong evidence reads as good news, weak as a caution, mechanism alone as a side note. */
static const char *
evidence_css_class (GtwEvidence evidence)
{
  switch (evidence)
    {
    case GTW_EVIDENCE_STRONG: return "success";
    case GTW_EVIDENCE_MODERATE: return "accent";
    case GTW_EVIDENCE_WEAK: return "warning";
    case GTW_EVIDENCE_MECHANISTIC:
    default: return "dim-label";
    }
}

static GtkWidget *
build_header (GtwInterventionEditor      *self,
              const GtwIntervention      *iv,
              const GtwInterventionClass *klass)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *badge = gtk_image_new_from_icon_name (gtw_intervention_style_icon_name (iv->type));
  GtkWidget *title = gtk_label_new (_(klass->label));
  GtkWidget *evidence = gtk_label_new (gtw_evidence_label (klass->evidence));
  GtkWidget *acts_on = caption (_(klass->acts_on));

  gtk_widget_add_css_class (badge, gtw_intervention_style_css_class (iv->type,
                                                                     gtk_widget_get_display (GTK_WIDGET (self))));
  gtk_widget_set_size_request (badge, 28, 28);
  gtk_widget_add_css_class (title, "title-4");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (evidence, "caption-heading");
  gtk_widget_add_css_class (evidence, evidence_css_class (klass->evidence));
  gtk_widget_set_valign (evidence, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (evidence, klass->source);
  gtk_box_append (GTK_BOX (title_box), badge);
  gtk_box_append (GTK_BOX (title_box), title);
  gtk_box_append (GTK_BOX (title_box), evidence);

  gtk_label_set_wrap (GTK_LABEL (acts_on), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (acts_on), 44);
  gtk_widget_add_css_class (acts_on, "caption");
  gtk_widget_set_tooltip_text (acts_on, _(klass->explanation));

  gtk_box_append (GTK_BOX (box), title_box);
  gtk_box_append (GTK_BOX (box), acts_on);
  return box;
}

static void
rebuild (GtwInterventionEditor *self)
{
  const GtwInterventionClass *klass;
  GtwIntervention iv;
  GtkWidget *box, *grid, *remove, *open_label;
  int row = 0;

  self->start_spin = self->end_spin = self->adherence = NULL;
  memset (self->fields, 0, sizeof self->fields);
  gtk_popover_set_child (GTK_POPOVER (self), NULL);

  if (!current (self, &iv))
    return;
  klass = gtw_intervention_class (iv.type);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), build_header (self, &iv, klass));

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);

  self->start_spin = spin_new (0, MAX (self->duration_days - 1, 0), 1, 0);
  gtk_spin_button_set_increments (self->start_spin, 7, 30);
  gtk_widget_set_name (GTK_WIDGET (self->start_spin), "start_day");
  self->start_date = GTK_LABEL (caption (NULL));
  g_signal_connect_swapped (self->start_spin, "value-changed", G_CALLBACK (start_changed_cb), self);
  attach_row (GTK_GRID (grid), row++, _("Starts on day"), GTK_WIDGET (self->start_spin),
              GTK_WIDGET (self->start_date));

  self->open_end = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_halign (GTK_WIDGET (self->open_end), GTK_ALIGN_START);
  gtk_widget_set_valign (GTK_WIDGET (self->open_end), GTK_ALIGN_CENTER);
  gtk_widget_set_name (GTK_WIDGET (self->open_end), "open_end");
  g_signal_connect_swapped (self->open_end, "notify::active", G_CALLBACK (open_end_changed_cb), self);
  open_label = caption (_("Continues to the end of the run"));
  attach_row (GTK_GRID (grid), row++, _("Open end"), GTK_WIDGET (self->open_end), open_label);

  self->end_spin = spin_new (0, GTW_SCENARIO_MAX_DAYS - 1, 1, 0);
  gtk_spin_button_set_increments (self->end_spin, 7, 30);
  gtk_widget_set_name (GTK_WIDGET (self->end_spin), "end_day");
  self->end_date = GTK_LABEL (caption (NULL));
  g_signal_connect_swapped (self->end_spin, "value-changed", G_CALLBACK (end_changed_cb), self);
  attach_row (GTK_GRID (grid), row++, _("Ends on day"), GTK_WIDGET (self->end_spin),
              GTK_WIDGET (self->end_date));

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const GtwFieldSpec *spec = &klass->fields[i];
      g_autofree char *range = NULL;
      const char *unit = is_fraction (spec) ? "%" : spec->unit[0] != '\0' ? _(spec->unit) : "";

      self->fields[i] = field_widget_new (self, spec, i);
      if (spec->kind == GTW_FIELD_NUMBER)
        {
          double scale = is_fraction (spec) ? 100.0 : 1.0;

          /* Translators: the allowed range of a value, e.g. "0–3000 mg/day" */
          range = g_strdup_printf (_("%g–%g %s"), spec->min * scale, spec->max * scale, unit);
          g_strchomp (range);
          gtk_widget_set_tooltip_text (self->fields[i], range);
        }
      attach_row (GTK_GRID (grid), row++, _(spec->label), self->fields[i],
                  unit[0] != '\0' ? caption (unit) : NULL);
    }

  self->adherence = spin_new (0, 100, 5, 0);
  gtk_widget_set_name (GTK_WIDGET (self->adherence), "adherence");
  g_signal_connect_swapped (self->adherence, "value-changed", G_CALLBACK (adherence_changed_cb), self);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->adherence),
                               _("How much of the plan the patient actually follows"));
  attach_row (GTK_GRID (grid), row++, _("Adherence"), GTK_WIDGET (self->adherence), caption ("%"));

  gtk_box_append (GTK_BOX (box), grid);

  remove = gtk_button_new_with_mnemonic (_("_Remove"));
  gtk_widget_add_css_class (remove, "destructive-action");
  gtk_widget_set_name (remove, "remove");
  gtk_widget_set_halign (remove, GTK_ALIGN_END);
  g_signal_connect_swapped (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), remove);

  gtk_popover_set_child (GTK_POPOVER (self), box);
  gtw_intervention_editor_refresh (self);
}

static void
gtw_intervention_editor_class_init (GtwInterventionEditorClass *klass)
{
}

static void
gtw_intervention_editor_init (GtwInterventionEditor *self)
{
  self->index = -1;
  gtk_popover_set_position (GTK_POPOVER (self), GTK_POS_TOP);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Edit intervention"),
                                  -1);
}

GtkWidget *
gtw_intervention_editor_new (GtwTimeline *timeline)
{
  GtwInterventionEditor *self;

  g_return_val_if_fail (GTW_IS_TIMELINE (timeline), NULL);

  self = g_object_new (GTW_TYPE_INTERVENTION_EDITOR, NULL);
  self->timeline = timeline;
  return GTK_WIDGET (self);
}

void
gtw_intervention_editor_set_block (GtwInterventionEditor *self,
                                   int                    index,
                                   int                    duration_days)
{
  g_return_if_fail (GTW_IS_INTERVENTION_EDITOR (self));

  self->index = index;
  self->duration_days = duration_days;
  rebuild (self);
}

int
gtw_intervention_editor_get_index (GtwInterventionEditor *self)
{
  g_return_val_if_fail (GTW_IS_INTERVENTION_EDITOR (self), -1);
  return self->index;
}
