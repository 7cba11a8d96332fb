/* gtw-labs-window.h: the patient's measured labs, entered, edited and fitted to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change goes through the document, as one undoable step: adding, editing or deleting a
 * result, and the fit of the starting patient to the labs of the first month.
 */
#pragma once

#include <adwaita.h>

#include "gtw-document.h"

G_BEGIN_DECLS

#define GTW_TYPE_LABS_WINDOW (gtw_labs_window_get_type ())
G_DECLARE_FINAL_TYPE (GtwLabsWindow, gtw_labs_window, GTW, LABS_WINDOW, AdwWindow)

/* Transient for @parent, not modal: the labs appear on the chart as they are entered. */
GtkWindow *gtw_labs_window_new (GtkWindow   *parent,
                                GtwDocument *document);

G_END_DECLS
