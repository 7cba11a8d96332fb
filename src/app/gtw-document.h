/* gtw-document.h: the scenario being edited, its file, its undo history and its autosave
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every edit replaces the whole scenario with a new snapshot: scenarios are small (a patient
 * and a few interventions), so snapshots make undo exact and simple.
 *
 * Signals:
 *   "changed" (void): the scenario was replaced (edit, undo, redo, open, preset, restore).
 * Properties: "dirty", "title", "can-undo", "can-redo", "file".
 */
#pragma once

#include <gio/gio.h>

#include "gtw-model.h"

G_BEGIN_DECLS

#define GTW_TYPE_DOCUMENT (gtw_document_get_type ())
G_DECLARE_FINAL_TYPE (GtwDocument, gtw_document, GTW, DOCUMENT, GObject)

GtwDocument       *gtw_document_new            (void);

const GtwScenario *gtw_document_get_scenario   (GtwDocument *self);
GFile             *gtw_document_get_file       (GtwDocument *self);
gboolean           gtw_document_get_dirty      (GtwDocument *self);
/* The scenario's name, or "Untitled Scenario". */
const char        *gtw_document_get_title      (GtwDocument *self);

/* Replaces the scenario and forgets the history; @file may be NULL. The document is clean
 * (as after opening a file or a preset) unless @dirty. */
void               gtw_document_load           (GtwDocument *self,
                                                GtwScenario *scenario,
                                                GFile       *file,
                                                gboolean     dirty);
/* An edit: takes @scenario, records the previous one for undo under @label. */
void               gtw_document_apply          (GtwDocument *self,
                                                GtwScenario *scenario,
                                                const char  *label);

gboolean           gtw_document_get_can_undo   (GtwDocument *self);
gboolean           gtw_document_get_can_redo   (GtwDocument *self);
const char        *gtw_document_get_undo_label (GtwDocument *self);
const char        *gtw_document_get_redo_label (GtwDocument *self);
gboolean           gtw_document_undo           (GtwDocument *self);
gboolean           gtw_document_redo           (GtwDocument *self);

/* Atomic save (the old file stays whole on failure); the document becomes clean, its file
 * @file, and the autosave is removed. */
gboolean           gtw_document_save           (GtwDocument *self,
                                                GFile       *file,
                                                GError     **error);

/* The autosave lives in g_get_user_state_dir ()/glucotwin/; it is written about two seconds
 * after the last edit and removed when the document is saved or closed cleanly. */
char              *gtw_document_autosave_path  (void);
gboolean           gtw_document_autosave_now   (GtwDocument *self,
                                                GError     **error);
void               gtw_document_discard_autosave (GtwDocument *self);
/* The scenario of a leftover autosave, or NULL (no file, or unreadable: then it is removed). */
GtwScenario       *gtw_document_load_autosave  (void);

G_END_DECLS
