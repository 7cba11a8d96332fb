/* gtw-ogtt-window.h: an oral glucose tolerance test on one day, its curves and its reading
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gtw-model.h"
#include "gtw-markers-panel.h"

G_BEGIN_DECLS

#define GTW_TYPE_OGTT_WINDOW (gtw_ogtt_window_get_type ())
G_DECLARE_FINAL_TYPE (GtwOgttWindow, gtw_ogtt_window, GTW, OGTT_WINDOW, AdwWindow)

/* Copies @result; transient for @parent, modal. */
GtkWidget *gtw_ogtt_window_new (GtkWindow             *parent,
                                const GtwOgttResult   *result,
                                const GtwDisplayUnits *units);

G_END_DECLS
