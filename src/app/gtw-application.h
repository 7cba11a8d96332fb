/* gtw-application.h: Glucotwin, the application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application actions of interfaces.md section 3 (open, load-preset, add-intervention,
 * clear-interventions, set-view, export-plot, export-csv, save, presentation, export-handout,
 * quit) act on the active window, so that a script over D-Bus and a click do the same.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GTW_TYPE_APPLICATION (gtw_application_get_type ())
G_DECLARE_FINAL_TYPE (GtwApplication, gtw_application, GTW, APPLICATION, AdwApplication)

GtwApplication *gtw_application_new          (void);
/* Non-zero when a --screenshot could not be written. */
int             gtw_application_get_exit_status (GtwApplication *self);

G_END_DECLS
