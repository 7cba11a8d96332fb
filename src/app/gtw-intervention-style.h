/* gtw-intervention-style.h: how each intervention type looks, in one place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The timeline, the palette and the editor draw a type with the same colour, symbolic icon
 * and short label. Colours come in a light and a dark variant; both carry white or near-black
 * text at a contrast that survives a projector.
 */
#pragma once

#include <gtk/gtk.h>

#include "gtw-model.h"

G_BEGIN_DECLS

/* Registers the intervention icons on @display's icon theme; safe to call more than once. */
void        gtw_intervention_style_ensure_icons (GdkDisplay           *display);

const char *gtw_intervention_style_icon_name    (GtwInterventionType   type);
/* Translated; short enough for a narrow block ("ALA", "Carbs"). */
const char *gtw_intervention_style_short_label  (GtwInterventionType   type);
/* The block's fill and the text colour to draw on it. */
void        gtw_intervention_style_colors       (GtwInterventionType   type,
                                                 gboolean              dark,
                                                 GdkRGBA              *fill,
                                                 GdkRGBA              *text);
/* A CSS class ("gtw-iv-berberine") that paints a widget in the type's colours, from a
 * provider installed on @display the first time it is asked for. */
const char *gtw_intervention_style_css_class    (GtwInterventionType   type,
                                                 GdkDisplay           *display);

/* "Year 2, month 3": a day of the run as a clinician reads it. */
char       *gtw_intervention_style_format_day   (int                   day);
/* The main field with its unit ("1500 mg/day", "3 × 45 min/week", "40 %"), or NULL. */
char       *gtw_intervention_style_format_dose  (const GtwIntervention *iv);

G_END_DECLS
