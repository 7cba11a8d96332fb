/* PLACEHOLDER, to be replaced by its owner before anything lands. */
#include "gtw-intervention-palette.h"
struct _GtwInterventionPalette { GtkWidget parent_instance; };
G_DEFINE_FINAL_TYPE (GtwInterventionPalette, gtw_intervention_palette, GTK_TYPE_WIDGET)
static void gtw_intervention_palette_class_init (GtwInterventionPaletteClass *klass) { (void) klass; }
static void gtw_intervention_palette_init (GtwInterventionPalette *self) { (void) self; }
