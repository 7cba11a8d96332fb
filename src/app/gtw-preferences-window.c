/* PLACEHOLDER, to be replaced by its owner before anything lands. */
#include "gtw-preferences-window.h"
struct _GtwPreferencesWindow { AdwPreferencesWindow parent_instance; };
G_DEFINE_FINAL_TYPE (GtwPreferencesWindow, gtw_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)
static void gtw_preferences_window_class_init (GtwPreferencesWindowClass *klass) { (void) klass; }
static void gtw_preferences_window_init (GtwPreferencesWindow *self) { (void) self; }
