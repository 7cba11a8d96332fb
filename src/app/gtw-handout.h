/* gtw-handout.h: the patient handout, a two-page PDF and a PNG for messaging
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Page 1: the scenario, the patient, the date, the figure with the chosen interventions and the
 * figure without them, and the story markers of both. Page 2: the markers at years 1, 5 and 10
 * (or the end), each intervention in plain language, and the disclaimer; a long plan flows onto
 * a third page. The PNG is one page, 1080 pixels wide: the figure and the few sentences that
 * tell the story.
 *
 * Both draw with PLplot: call them on the main thread only. Both render in memory first and
 * then write through a temporary file beside @path that is renamed over it: on any failure
 * @path is left as it was and no temporary file remains.
 */
#pragma once

#include <glib.h>

#include "gtw-markers-panel.h"
#include "gtw-model.h"

G_BEGIN_DECLS

#define GTW_HANDOUT_PNG_WIDTH 1080

/* @baseline: the same scenario without interventions, or NULL (then, and when @trace has no
 * interventions, the handout shows the one run). @units NULL: SI units. */
gboolean gtw_handout_write_pdf (const char            *path,
                                GtwTrace              *trace,
                                GtwTrace              *baseline,
                                const GtwDisplayUnits *units,
                                GError               **error);

gboolean gtw_handout_write_png (const char            *path,
                                GtwTrace              *trace,
                                GtwTrace              *baseline,
                                const GtwDisplayUnits *units,
                                GError               **error);

G_END_DECLS
