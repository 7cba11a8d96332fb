/* gtw-mechanism-map.h: the insulin signalling cascade as a diagram of the run's states
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gtw-model.h"

G_BEGIN_DECLS

/* The nodes of the map, in the order the arrow keys' reading order visits them. */
typedef enum
{
  GTW_MECH_NODE_GUT_BARRIER,
  GTW_MECH_NODE_LPS,
  GTW_MECH_NODE_INFLAMMATION,
  GTW_MECH_NODE_DAG,
  GTW_MECH_NODE_VISCERAL_FAT,
  GTW_MECH_NODE_LIVER_FAT,
  GTW_MECH_NODE_INSULIN,
  GTW_MECH_NODE_RECEPTOR,
  GTW_MECH_NODE_IRS1,
  GTW_MECH_NODE_PI3K,
  GTW_MECH_NODE_AKT,
  GTW_MECH_NODE_BETA_CELLS,
  GTW_MECH_NODE_GLUT4,
  GTW_MECH_NODE_AMPK,
  GTW_MECH_NODE_LIVER_OUTPUT,
  GTW_MECH_NODE_GLUCOSE,
  GTW_MECH_N_NODES
} GtwMechNode;

#define GTW_TYPE_MECHANISM_MAP (gtw_mechanism_map_get_type ())
G_DECLARE_FINAL_TYPE (GtwMechanismMap, gtw_mechanism_map, GTW, MECHANISM_MAP, GtkWidget)

GtwMechanismMap *gtw_mechanism_map_new               (void);
/* Both nullable; the map keeps references. The baseline is drawn faint in a node's history. */
void             gtw_mechanism_map_set_traces        (GtwMechanismMap *self,
                                                      GtwTrace        *trace,
                                                      GtwTrace        *baseline);
/* -1 = the last day filled so far */
void             gtw_mechanism_map_set_day           (GtwMechanismMap *self,
                                                      int              day);
/* Glucose and insulin in these units; mmol/L and pmol/L until set. */
void             gtw_mechanism_map_set_units         (GtwMechanismMap *self,
                                                      GtwGlucoseUnit   glucose,
                                                      GtwInsulinUnit   insulin);
/* Presentation mode: larger type, without the nodes' subtitles, for a room; and, unless
 * high contrast is turned off (it is on by default), opaque lines and text and stronger fills
 * for a projector. */
void             gtw_mechanism_map_set_presentation  (GtwMechanismMap *self,
                                                      gboolean         presentation);
gboolean         gtw_mechanism_map_get_presentation  (GtwMechanismMap *self);
void             gtw_mechanism_map_set_high_contrast (GtwMechanismMap *self,
                                                      gboolean         high_contrast);
gboolean         gtw_mechanism_map_get_high_contrast (GtwMechanismMap *self);
/* -1 when no node is selected */
int              gtw_mechanism_map_get_selected_node (GtwMechanismMap *self);
void             gtw_mechanism_map_select_node       (GtwMechanismMap *self,
                                                      int              node);

/* A node's value on the shown day in its display unit (NAN without data), where it is drawn
 * in widget coordinates, and which intervention types have a badge on it that day. */
double           gtw_mechanism_map_get_node_value    (GtwMechanismMap *self,
                                                      GtwMechNode      node);
gboolean         gtw_mechanism_map_get_node_bounds   (GtwMechanismMap *self,
                                                      GtwMechNode      node,
                                                      graphene_rect_t *bounds);
guint            gtw_mechanism_map_get_badges        (GtwMechanismMap     *self,
                                                      GtwMechNode          node,
                                                      GtwInterventionType *types,
                                                      guint                max_types);

/* Translated: the node's name and its two-sentence explanation. */
const char      *gtw_mech_node_title                 (GtwMechNode      node);
const char      *gtw_mech_node_explanation           (GtwMechNode      node);

G_END_DECLS
