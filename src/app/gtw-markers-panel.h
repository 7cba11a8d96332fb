/* gtw-markers-panel.h: the clinical markers of one day, against the baseline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fasting glucose, fasting insulin, C-peptide, HOMA-IR, HOMA-%B, HbA1c, TG:HDL, weight and stage,
 * each with its change against the run without interventions in plain words ("HbA1c 0.6 points
 * lower than without interventions"). A button "Run OGTT" emits "ogtt-requested" (int day).
 */
#pragma once

#include <gtk/gtk.h>

#include "gtw-model.h"

G_BEGIN_DECLS

typedef struct
{
  GtwGlucoseUnit  glucose;
  GtwInsulinUnit  insulin;
  GtwCpeptideUnit cpeptide;
  GtwHba1cUnit    hba1c;
} GtwDisplayUnits;

#define GTW_TYPE_MARKERS_PANEL (gtw_markers_panel_get_type ())
G_DECLARE_FINAL_TYPE (GtwMarkersPanel, gtw_markers_panel, GTW, MARKERS_PANEL, GtkWidget)

GtkWidget *gtw_markers_panel_new       (void);

void       gtw_markers_panel_set_units (GtwMarkersPanel       *self,
                                        const GtwDisplayUnits *units);
/* @baseline may be NULL (no interventions, or not computed yet); @markers NULL clears. */
void       gtw_markers_panel_set_markers (GtwMarkersPanel  *self,
                                          const GtwMarkers *markers,
                                          const GtwMarkers *baseline);
/* Shows at once the comparisons that would otherwise reach the screen a row a frame: before
 * a screenshot. */
void       gtw_markers_panel_flush     (GtwMarkersPanel *self);
/* The text shown for a marker row, for tests: "fasting-glucose", "hba1c", ... */
const char *gtw_markers_panel_get_row_text (GtwMarkersPanel *self,
                                            const char      *row_id);

G_END_DECLS
