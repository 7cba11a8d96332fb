/* PLACEHOLDER, to be replaced by its owner before anything lands. */
#include "gtw-ogtt-window.h"
struct _GtwOgttWindow { AdwWindow parent_instance; };
G_DEFINE_FINAL_TYPE (GtwOgttWindow, gtw_ogtt_window, ADW_TYPE_WINDOW)
static void gtw_ogtt_window_class_init (GtwOgttWindowClass *klass) { (void) klass; }
static void gtw_ogtt_window_init (GtwOgttWindow *self) { (void) self; }
