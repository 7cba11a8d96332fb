/* gtw-patient-panel.c: the patient sidebar, generated from the parameter registry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gtw-patient-panel.h"

#include <glib/gi18n.h>
#include <math.h>

struct _GtwPatientPanel
{
  GtkWidget   parent_instance;
  GtkWidget  *label;
  GtwPatient  patient;
  double      homa_ir;
  GtwStage    stage;
};

G_DEFINE_FINAL_TYPE (GtwPatientPanel, gtw_patient_panel, GTK_TYPE_WIDGET)

enum { PATIENT_EDITED, PRESET_CHOSEN, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
update_derived (GtwPatientPanel *self)
{
  g_autofree char *text = g_strdup_printf (_("BMI %.1f"), gtw_patient_bmi (&self->patient));

  gtk_label_set_text (GTK_LABEL (self->label), text);
}

static void
gtw_patient_panel_dispose (GObject *object)
{
  GtwPatientPanel *self = GTW_PATIENT_PANEL (object);

  g_clear_pointer (&self->label, gtk_widget_unparent);
  G_OBJECT_CLASS (gtw_patient_panel_parent_class)->dispose (object);
}

static void
gtw_patient_panel_class_init (GtwPatientPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gtw_patient_panel_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

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
  gtw_patient_init_defaults (&self->patient);
  self->homa_ir = NAN;
  self->label = gtk_label_new (NULL);
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
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
  g_return_if_fail (GTW_IS_PATIENT_PANEL (self));
  g_return_if_fail (scenario != NULL);

  self->patient = scenario->patient;
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
  const GtwParamInfo *info;
  GtwParamId id;
  g_autofree char *undo_label = NULL;

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
  if (!gtw_param_check_value (info, value, error))
    return FALSE;

  self->patient.v[id] = value;
  update_derived (self);
  undo_label = g_strdup_printf (_("Change %s"), gettext (info->label));
  g_signal_emit (self, signals[PATIENT_EDITED], 0, undo_label);
  return TRUE;
}

void
gtw_patient_panel_set_derived (GtwPatientPanel *self,
                               double           homa_ir,
                               GtwStage         stage)
{
  g_return_if_fail (GTW_IS_PATIENT_PANEL (self));

  self->homa_ir = homa_ir;
  self->stage = stage;
}
