/* gtw-intervention-palette.h: the intervention types, to drag onto the timeline or click
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per type with its icon, label, evidence level and where it acts. Each row is a drag
 * source of the string GTW_TIMELINE_DND_PREFIX "TYPE_ID"; activating a row (click, Enter)
 * emits "type-activated" (const char *type_id), which the owner turns into "add at the
 * cursor's day".
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GTW_TYPE_INTERVENTION_PALETTE (gtw_intervention_palette_get_type ())
G_DECLARE_FINAL_TYPE (GtwInterventionPalette, gtw_intervention_palette, GTW, INTERVENTION_PALETTE, GtkWidget)

GtkWidget *gtw_intervention_palette_new (void);

G_END_DECLS
