/* gtw-presentation.h: the chart and timeline as shown to a room
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * While active, the chart is in its presentation style and shows only the curves chosen in
 * the settings (key "presentation-curves"), the timeline draws large blocks and the mechanism
 * map, if there is one, large type. Both chart and map use high-contrast colours unless the
 * settings say not to (key "presentation-high-contrast"). The choice of curves is
 * made through four stateful window actions ("curve-glucose", "curve-insulin",
 * "curve-cpeptide", "curve-beta-cells"); at least one curve stays. Inactive, the chart shows
 * all four curves in its usual style.
 */
#pragma once

#include "gtw-chart.h"
#include "gtw-mechanism-map.h"
#include "gtw-timeline.h"

G_BEGIN_DECLS

#define GTW_TYPE_PRESENTATION (gtw_presentation_get_type ())
G_DECLARE_FINAL_TYPE (GtwPresentation, gtw_presentation, GTW, PRESENTATION, GObject)

/* The widgets are not referenced: the owner keeps them alive. */
GtwPresentation *gtw_presentation_new         (GSettings       *settings,
                                               GtwChart        *chart,
                                               GtwTimeline     *timeline);
/* The map is not referenced either. */
void             gtw_presentation_set_map     (GtwPresentation *self,
                                               GtwMechanismMap *map);
void             gtw_presentation_add_actions (GtwPresentation *self,
                                               GActionMap      *map);
void             gtw_presentation_set_active  (GtwPresentation *self,
                                               gboolean         active);
gboolean         gtw_presentation_get_active  (GtwPresentation *self);
/* The curves chosen for presentation, whether active or not. */
GtwChartCurves   gtw_presentation_get_curves  (GtwPresentation *self);

G_END_DECLS
