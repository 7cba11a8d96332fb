/* PLACEHOLDER, to be replaced by its owner before anything lands. */
#include "gtw-timeline.h"
struct _GtwTimeline { GtkWidget parent_instance; };
G_DEFINE_FINAL_TYPE (GtwTimeline, gtw_timeline, GTK_TYPE_WIDGET)
static void gtw_timeline_class_init (GtwTimelineClass *klass) { (void) klass; }
static void gtw_timeline_init (GtwTimeline *self) { (void) self; }
