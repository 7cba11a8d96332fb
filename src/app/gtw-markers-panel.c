/* PLACEHOLDER, to be replaced by its owner before anything lands. */
#include "gtw-markers-panel.h"
struct _GtwMarkersPanel { GtkWidget parent_instance; };
G_DEFINE_FINAL_TYPE (GtwMarkersPanel, gtw_markers_panel, GTK_TYPE_WIDGET)
static void gtw_markers_panel_class_init (GtwMarkersPanelClass *klass) { (void) klass; }
static void gtw_markers_panel_init (GtwMarkersPanel *self) { (void) self; }
