/* PLACEHOLDER, to be replaced by its owner before anything lands. */
#include "gtw-patient-panel.h"
struct _GtwPatientPanel { GtkWidget parent_instance; };
G_DEFINE_FINAL_TYPE (GtwPatientPanel, gtw_patient_panel, GTK_TYPE_WIDGET)
static void gtw_patient_panel_class_init (GtwPatientPanelClass *klass) { (void) klass; }
static void gtw_patient_panel_init (GtwPatientPanel *self) { (void) self; }
