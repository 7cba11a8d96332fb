/* gtw-timeline.h: the timeline editor, one coloured block per intervention
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The widget shows and edits a copy of the scenario's interventions. Every change made by the
 * user (or through the editing functions below, which take the same path) ends with the signal
 * "edited" (const char *undo_label, e.g. "Move Berberine"); the owner then reads the new list
 * with gtw_timeline_get_interventions () and records it for undo. set_interventions () never
 * emits "edited".
 *
 * The time axis is shared with the chart: the owner sets the visible day range and the
 * horizontal margins of the chart's plot area, so that a block's edges line up with the
 * chart's days.
 *
 * Dropping a string "glucotwin-intervention:TYPE_ID" (e.g. from the palette) adds a block of
 * that type with its defaults, starting at the day under the pointer.
 */
#pragma once

#include <gtk/gtk.h>

#include "gtw-model.h"

G_BEGIN_DECLS

#define GTW_TIMELINE_DND_PREFIX "glucotwin-intervention:"

#define GTW_TYPE_TIMELINE (gtw_timeline_get_type ())
G_DECLARE_FINAL_TYPE (GtwTimeline, gtw_timeline, GTW, TIMELINE, GtkWidget)

GtkWidget    *gtw_timeline_new               (void);

/* Copies @interventions (GtwIntervention); selection is cleared. */
void          gtw_timeline_set_interventions (GtwTimeline  *self,
                                              const GArray *interventions);
/* The current list, owned by the widget. */
const GArray *gtw_timeline_get_interventions (GtwTimeline  *self);

void          gtw_timeline_set_duration      (GtwTimeline  *self,
                                              int           duration_days);
/* Visible days [first_day, last_day] and the chart's plot-area margins in widget pixels. */
void          gtw_timeline_set_range         (GtwTimeline  *self,
                                              double        first_day,
                                              double        last_day);
void          gtw_timeline_set_margins       (GtwTimeline  *self,
                                              int           left_px,
                                              int           right_px);

/* Taller blocks with larger labels and icons, read from afar; editing works the same. */
void          gtw_timeline_set_presentation  (GtwTimeline  *self,
                                              gboolean      presentation);
gboolean      gtw_timeline_get_presentation  (GtwTimeline  *self);

int           gtw_timeline_get_selected      (GtwTimeline  *self); /* -1: none */
void          gtw_timeline_select            (GtwTimeline  *self,
                                              int           index);

/* Editing; each emits "edited" once and returns FALSE (changing nothing) on a bad argument. */
gboolean      gtw_timeline_add               (GtwTimeline           *self,
                                              const GtwIntervention *iv);
gboolean      gtw_timeline_move              (GtwTimeline           *self,
                                              int                    index,
                                              int                    delta_days);
gboolean      gtw_timeline_resize            (GtwTimeline           *self,
                                              int                    index,
                                              int                    start_day,
                                              int                    end_day); /* -1: open end */
gboolean      gtw_timeline_replace           (GtwTimeline           *self,
                                              int                    index,
                                              const GtwIntervention *iv);
gboolean      gtw_timeline_remove            (GtwTimeline           *self,
                                              int                    index);

G_END_DECLS
