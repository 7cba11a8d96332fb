/* PLACEHOLDER, to be replaced by its owner before anything lands. */
#include "gtw-chart.h"
struct _GtwChart { GtkWidget parent_instance; };
G_DEFINE_FINAL_TYPE (GtwChart, gtw_chart, GTK_TYPE_WIDGET)
static void gtw_chart_class_init (GtwChartClass *klass) { (void) klass; }
static void gtw_chart_init (GtwChart *self) { (void) self; }
