/* gtw-mechanism-map-private.h: what the parts of the mechanism map share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The canvas, the node table, the instance and the functions one part calls in another.
 */
#pragma once

#include <gtk/gtk.h>

#include "gtw-mechanism-map.h"

G_BEGIN_DECLS

#define CANVAS_W      1140.0
#define CANVAS_H      800.0
#define NODE_W        170.0
#define NODE_H        86.0
#define NODE_RADIUS   12.0
#define BADGE_H       23.0
#define BADGE_GAP     4.0
#define BADGE_MAX_W   124.0
#define PANEL_W       380
#define PANEL_MARGIN  12
#define MAX_BADGES    4
#define HISTORY_H     230
/* Narrower than this beside the panel, the map keeps its width and the panel floats over it. */
#define MIN_SIDE_MAP  (CANVAS_W * 0.6)
/* Drawn smaller than this, the map leaves out the nodes' subtitles, which would be smaller than
 * a caption, and enlarges the rest (the map beside hidden panels in a 1280x800 window). */
#define COMPACT_SCALE 0.85

typedef enum
{
  FORMAT_RELATIVE, /* % of the healthy reference */
  FORMAT_ACTIVATION,
  FORMAT_INTACT,
  FORMAT_INSULIN,
  FORMAT_GLUCOSE,
  FORMAT_KG,
  FORMAT_LIVER_FAT,
} ValueFormat;

typedef struct
{
  const char *title;
  const char *subtitle;    /* NULL or a second, smaller line */
  const char *explanation; /* two plain sentences */
  double      x, y;        /* centre on the canvas */
  double      width;
  ValueFormat format;
  double      ref;         /* the healthy reference, in the display unit */
  double      bad;         /* clearly impaired; below ref when less is worse */
  double      max;         /* the gauge's full scale */
  /* 0, or impaired below low_ok too, clearly at low_bad (insulin deficiency, hypoglycaemia) */
  double      low_ok;
  double      low_bad;
} NodeInfo;

#define COL(i) (95.0 + 190.0 * (i))
#define ROW_A  105.0
#define ROW_B  295.0
#define ROW_C  485.0
#define ROW_D  675.0

struct _GtwMechanismMap
{
  GtkWidget  parent_instance;

  GtwTrace  *trace;
  GtwTrace  *baseline;
  int        day;           /* -1: the last day filled */
  int        selected;      /* -1: none */
  int        focus_node;
  GtwGlucoseUnit glucose_unit;
  GtwInsulinUnit insulin_unit;
  gboolean   presentation;
  gboolean   high_contrast; /* in presentation mode */

  /* the canvas's placement in the widget, and the panel's */
  double     map_width;
  graphene_rect_t panel_area; /* empty while the panel is hidden */
  double     scale;
  double     origin_x;
  double     origin_y;

  GtkWidget *panel;
  GtkWidget *panel_title;
  GtkWidget *panel_value;
  GtkWidget *panel_text;
  GtkWidget *history;
};

/* Every node's title, explanation, place and healthy reference (gtw-mechanism-map-nodes.c) */
extern const NodeInfo gtw_mech_nodes[GTW_MECH_N_NODES];

/* Glucose and insulin in the units the clinician chose; the others have one unit. */
static inline double
to_display (GtwMechanismMap *self,
            GtwMechNode      node,
            double           value)
{
  switch (gtw_mech_nodes[node].format)
    {
    case FORMAT_GLUCOSE: return gtw_glucose_convert (value, self->glucose_unit);
    case FORMAT_INSULIN: return gtw_insulin_convert (value, self->insulin_unit);
    default: return value;
    }
}

/* The day shown, or -1 without data. */
static inline int
shown_day (GtwMechanismMap *self)
{
  guint n;

  if (self->trace == NULL || (n = gtw_trace_get_n_days (self->trace)) == 0)
    return -1;
  if (self->day < 0 || (guint) self->day >= n)
    return (int) n - 1;
  return self->day;
}

static inline graphene_rect_t
node_rect (GtwMechNode node)
{
  const NodeInfo *n = &gtw_mech_nodes[node];

  return GRAPHENE_RECT_INIT (n->x - n->width / 2, n->y - NODE_H / 2, n->width, NODE_H);
}

/* gtw-mechanism-map-nodes.c: the nodes, their values and places */
double gtw_mech_node_value (GtwMechNode     node,
                            const GtwTrace *trace,
                            guint           day);
double gtw_mech_node_score (GtwMechNode node,
                            double      value);
char *gtw_mechanism_map_format_value (GtwMechanismMap *self,
                                      GtwMechNode      node,
                                      double           value);
const char *gtw_mechanism_map_history_unit (GtwMechanismMap *self,
                                            GtwMechNode      node);
guint gtw_mechanism_map_badges_on (GtwMechanismMap     *self,
                                   GtwMechNode          node,
                                   int                  day,
                                   GtwInterventionType *types,
                                   guint                max_types);
void gtw_mechanism_map_update_placement (GtwMechanismMap *self,
                                         double           width,
                                         double           height);
int gtw_mechanism_map_node_at (GtwMechanismMap *self,
                               double           x,
                               double           y);

/* gtw-mechanism-map-draw.c: colours, the diagram and the history plot */
void gtw_mechanism_map_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot);
void gtw_mechanism_map_draw_history (GtkDrawingArea *area,
                                     cairo_t        *cr,
                                     int             width,
                                     int             height,
                                     gpointer        data);

G_END_DECLS
