/* gtw-intervention-editor.h: the popover that edits one block of the timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows the start and end day, every field of the intervention's type (from the engine's
 * field table, with units and ranges) and the adherence, with the type's evidence level and
 * what it acts on. Each committed change (a spin button's new value, a switch, a choice) goes
 * through gtw_timeline_replace (), so the timeline emits "edited" once per change; a value
 * the engine rejects springs back. The timeline owns the popover and points it at the block.
 */
#pragma once

#include <gtk/gtk.h>

#include "gtw-timeline.h"

G_BEGIN_DECLS

#define GTW_TYPE_INTERVENTION_EDITOR (gtw_intervention_editor_get_type ())
G_DECLARE_FINAL_TYPE (GtwInterventionEditor, gtw_intervention_editor, GTW, INTERVENTION_EDITOR, GtkPopover)

GtkWidget *gtw_intervention_editor_new       (GtwTimeline           *timeline);

/* Rebuilds the popover for the block at @index of a run of @duration_days. */
void       gtw_intervention_editor_set_block (GtwInterventionEditor *self,
                                              int                    index,
                                              int                    duration_days);
int        gtw_intervention_editor_get_index (GtwInterventionEditor *self);
/* Shows the list's current values again, after a change made elsewhere. */
void       gtw_intervention_editor_refresh   (GtwInterventionEditor *self);

G_END_DECLS
