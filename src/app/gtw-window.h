/* gtw-window.h: the main window: patient, chart, timeline and markers of one scenario
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every application action (interfaces.md section 3) ends in one of the functions below, and
 * so does the same click in the window: one behaviour for people, scripts and tests. A bad
 * argument is reported in the window (a toast) and on standard error, and changes nothing.
 */
#pragma once

#include <adwaita.h>

#include "gtw-chart.h"
#include "gtw-document.h"
#include "gtw-intervention-palette.h"
#include "gtw-markers-panel.h"
#include "gtw-mechanism-map.h"
#include "gtw-patient-panel.h"
#include "gtw-playback.h"
#include "gtw-runner.h"
#include "gtw-timeline.h"
#include "gtw-uncertainty.h"

G_BEGIN_DECLS

#define GTW_TYPE_WINDOW (gtw_window_get_type ())
G_DECLARE_FINAL_TYPE (GtwWindow, gtw_window, GTW, WINDOW, AdwApplicationWindow)

typedef void (*GtwWindowFunc) (GtwWindow *self, gpointer user_data);

GtwWindow       *gtw_window_new                 (GtkApplication *application);

GtwDocument     *gtw_window_get_document        (GtwWindow *self);
GtwRunner       *gtw_window_get_runner          (GtwWindow *self);
GtwChart        *gtw_window_get_chart           (GtwWindow *self);
GtwTimeline     *gtw_window_get_timeline        (GtwWindow *self);
GtwPatientPanel *gtw_window_get_patient_panel   (GtwWindow *self);
GtwMarkersPanel *gtw_window_get_markers_panel   (GtwWindow *self);
GtwInterventionPalette *gtw_window_get_palette  (GtwWindow *self);
GtwPlayback     *gtw_window_get_playback        (GtwWindow *self);
GtwUncertainty  *gtw_window_get_uncertainty     (GtwWindow *self);
GtwMechanismMap *gtw_window_get_mechanism_map   (GtwWindow *self);
/* The day the markers panel shows. */
int              gtw_window_get_markers_day     (GtwWindow *self);

/* A toast in the window and a line on standard error. */
void             gtw_window_report_error        (GtwWindow  *self,
                                                 const char *message);

/* When the scenario has unsaved changes, asks to save or discard them first (Cancel, Discard,
 * Save); calls @func only when it may go on. */
void             gtw_window_confirm_discard     (GtwWindow      *self,
                                                 GtwWindowFunc   func,
                                                 gpointer        user_data,
                                                 GDestroyNotify  destroy);
/* Runs @func once no run is going on or waiting (at once if none is). */
void             gtw_window_when_idle           (GtwWindow      *self,
                                                 GtwWindowFunc   func,
                                                 gpointer        user_data,
                                                 GDestroyNotify  destroy);

/* Guarded by confirm_discard; errors are shown (a dialog that names the problem for a file). */
void             gtw_window_open                (GtwWindow  *self,
                                                 GFile      *file);
void             gtw_window_load_preset         (GtwWindow  *self,
                                                 const char *preset_id);
/* Unguarded: loads at once (restoring an autosave, the first preset). */
gboolean         gtw_window_load_scenario_file  (GtwWindow  *self,
                                                 GFile      *file,
                                                 GError    **error);
gboolean         gtw_window_load_preset_now     (GtwWindow  *self,
                                                 const char *preset_id,
                                                 GError    **error);
void             gtw_window_restore             (GtwWindow   *self,
                                                 GtwScenario *scenario);

/* An intervention object in the scenario-file format, e.g. {"type": "berberine",
 * "start_day": 365}; added like a click in the palette. */
gboolean         gtw_window_add_intervention    (GtwWindow  *self,
                                                 const char *json,
                                                 GError    **error);
void             gtw_window_clear_interventions (GtwWindow  *self);
/* "decade", "year", "year:N", "day" or "day:N". */
gboolean         gtw_window_set_view            (GtwWindow  *self,
                                                 const char *view,
                                                 GError    **error);
void             gtw_window_show_day            (GtwWindow  *self,
                                                 int         day);
gboolean         gtw_window_save                (GtwWindow  *self,
                                                 GFile      *file,
                                                 GError    **error);
/* Written once the current run has finished, with the view as it is now; errors are reported
 * in the window. A close waits for them. */
void             gtw_window_export_plot         (GtwWindow  *self,
                                                 const char *path);
void             gtw_window_export_csv          (GtwWindow  *self,
                                                 const char *path);
/* The patient handout: a two-page PDF, or one PNG page for messaging (by the extension). */
void             gtw_window_export_handout      (GtwWindow  *self,
                                                 const char *path);
/* The same, synchronous, on the runs as they are now. */
gboolean         gtw_window_write_plot          (GtwWindow  *self,
                                                 const char *path,
                                                 GError    **error);
gboolean         gtw_window_write_csv           (GtwWindow  *self,
                                                 const char *path,
                                                 GError    **error);
void             gtw_window_set_presentation    (GtwWindow  *self,
                                                 gboolean    presentation);
gboolean         gtw_window_get_presentation    (GtwWindow  *self);

/* Once the current run has finished and the window has painted it, writes the window to a PNG
 * file and calls @func with NULL, or with the error that prevented it. */
typedef void (*GtwScreenshotFunc) (GtwWindow    *self,
                                   const GError *error,
                                   gpointer      user_data);
void             gtw_window_screenshot          (GtwWindow        *self,
                                                 const char       *path,
                                                 GtwScreenshotFunc func,
                                                 gpointer          user_data);

G_END_DECLS
