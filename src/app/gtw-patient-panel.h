/* gtw-patient-panel.h: the patient sidebar, generated from the parameter registry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A preset chooser (with each preset's description) above the registry's patient parameters,
 * grouped as the registry groups them, with units, ranges, and a tooltip giving the explanation
 * and the source; live derived values (BMI, day-0 HOMA-IR, stage badge).
 *
 * Signals:
 *   "patient-edited"  (const char *undo_label): the user changed a value; read it with
 *                     gtw_patient_panel_get_patient (). Values out of range never get here:
 *                     the row shows the error and keeps the last good value.
 *   "preset-chosen"   (const char *preset_id): the user picked a preset.
 * gtw_patient_panel_set_scenario () emits neither.
 */
#pragma once

#include <gtk/gtk.h>

#include "gtw-model.h"

G_BEGIN_DECLS

#define GTW_TYPE_PATIENT_PANEL (gtw_patient_panel_get_type ())
G_DECLARE_FINAL_TYPE (GtwPatientPanel, gtw_patient_panel, GTW, PATIENT_PANEL, GtkWidget)

GtkWidget        *gtw_patient_panel_new         (void);

/* Shows the scenario's patient and preset; copies what it needs. */
void              gtw_patient_panel_set_scenario (GtwPatientPanel   *self,
                                                  const GtwScenario *scenario);
const GtwPatient *gtw_patient_panel_get_patient  (GtwPatientPanel   *self);

/* Sets a parameter as if typed by the user ("patient-edited" follows); FALSE and no change
 * for an unknown id or a value out of range. */
gboolean          gtw_patient_panel_set_value    (GtwPatientPanel   *self,
                                                  const char        *param_id,
                                                  double             value,
                                                  GError           **error);

/* Day-0 values of the latest run; NAN clears them. */
void              gtw_patient_panel_set_derived  (GtwPatientPanel   *self,
                                                  double             homa_ir,
                                                  GtwStage           stage);

G_END_DECLS
