/* gtw-window-private.h: what the parts of the main window share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window is one object in four files: gtw-window.c (the document, the runs and the
 * widgets they feed), gtw-window-views.c (the chart's views, playback, the uncertainty bands,
 * presentation mode and the mechanism map), gtw-window-export.c (opening, saving, exporting,
 * screenshots and the question about unsaved changes) and gtw-window-actions.c (the window's
 * actions and keyboard shortcuts, and the edits scripts make).
 */
#pragma once

#include "gtw-presentation.h"
#include "gtw-window.h"

G_BEGIN_DECLS

struct _GtwWindow
{
  AdwApplicationWindow  parent_instance;

  /* template */
  AdwToastOverlay      *toast_overlay;
  GtkWidget            *header_bar;
  AdwWindowTitle       *window_title;
  GtkWidget            *uncertainty_spinner;
  GtkStack             *view_stack;
  AdwFlap              *flap;
  GtwPatientPanel      *patient_panel;
  GtwChart             *chart;
  GtkProgressBar       *progress_bar;
  GtwTimeline          *timeline;
  GtkWidget            *timeline_toolbar;
  AdwButtonContent     *play_run_content;
  GtkToggleButton      *decade_button;
  GtkMenuButton        *add_button;
  GtkPopover           *add_popover;
  GtwInterventionPalette *palette;
  GtkWidget            *markers_separator;
  GtkWidget            *markers_sidebar;
  GtwMarkersPanel      *markers_panel;
  GtkWidget            *playback_bar;
  GtkButton            *play_button;
  GtkAdjustment        *playback_adjustment;
  GtkWidget            *playback_scale;
  GtkMenuButton        *speed_button;
  GtkWidget            *curves_button;
  GtkWidget            *bar_mechanisms_button;
  GtkWidget            *playback_close_button;
  GtkWidget            *leave_button;

  GSettings            *settings;
  GtwDocument          *document;
  GtwRunner            *runner;
  GtwDisplayUnits       units;
  GtwPlayback          *playback;
  GtwPresentation      *presenter;
  GtwUncertainty       *uncertainty;
  GtwMechanismMap      *mechanism_map;
  GtkWindow            *labs_window; /* weak: the one open Lab Results window */
  GtkEventController   *playback_keys;
  gboolean              syncing_scale;

  /* The widget whose edit is being recorded: it already shows the new state. */
  gpointer              edit_source;
  int                   cursor_day;  /* -1: the pointer is not over the chart */
  int                   markers_day;
  int                   view_day;    /* the day of the year and day views */
  /* The traces the day view's detail was computed from, to know when to redo it. */
  GtwTrace             *detail_trace;
  GtwTrace             *detail_baseline;

  GQueue                idle_queue;  /* GtwContinuation, run when the runner is idle */
  guint                 refresh_id;
  gint64                last_refresh;
  gint64                last_markers;
  gboolean              presentation;
  gboolean              show_mechanisms;
  gboolean              close_confirmed;
};

typedef struct
{
  GtwWindowFunc  func;
  gpointer       data;
  GDestroyNotify destroy;
} GtwContinuation;

/* Days arrive faster than anyone reads them: the chart, the markers and the day view follow
 * a streaming run at most every REFRESH_INTERVAL_MS, which keeps the frames short. */
#define REFRESH_INTERVAL_MS 100

/* gtw-window.c */

/* Something to do later (when the runner is idle, after a question or a file chooser). */
GtwContinuation *gtw_continuation_new           (GtwWindowFunc     func,
                                                 gpointer          data,
                                                 GDestroyNotify    destroy);
void             gtw_continuation_free          (GtwContinuation  *c);
/* Runs and frees @c. */
void             gtw_continuation_run           (GtwWindow        *self,
                                                 GtwContinuation  *c);

GtwTrace        *gtw_window_current_trace       (GtwWindow        *self);
GtwTrace        *gtw_window_current_baseline    (GtwWindow        *self);
gboolean         gtw_window_in_day_view         (GtwWindow        *self);
/* The minute detail of @day of @trace; NULL when the trace does not reach it yet. */
GtwDayDetail    *gtw_window_simulate_day        (GtwTrace         *trace,
                                                 int               day,
                                                 GError          **error);
void             gtw_window_update_markers      (GtwWindow        *self);
void             gtw_window_update_day_detail   (GtwWindow        *self);
/* Applies @scenario as one undoable step; @source (a widget or NULL) already shows it. */
void             gtw_window_apply_edit          (GtwWindow        *self,
                                                 gpointer          source,
                                                 GtwScenario      *scenario,
                                                 const char       *label);

/* gtw-window-views.c */

/* Connects the chart's, the playback's and the uncertainty's signals. */
void             gtw_window_init_views          (GtwWindow        *self);
void             gtw_window_sync_panels         (GtwWindow        *self);
void             gtw_window_show_decade         (GtwWindow        *self);

/* gtw-window-export.c */

/* The file choosers; @then runs after a successful save. */
void             gtw_window_save_as             (GtwWindow        *self,
                                                 GtwContinuation  *then);
void             gtw_window_choose_file_to_open (GtwWindow        *self,
                                                 gpointer          user_data);
void             gtw_window_choose_figure_file  (GtwWindow        *self);
void             gtw_window_choose_csv_file     (GtwWindow        *self);
void             gtw_window_choose_handout_file (GtwWindow        *self);

/* gtw-window-actions.c */

/* The window's actions, Escape for presentation mode and the playback keys. */
void             gtw_window_add_actions         (GtwWindow        *self);

G_END_DECLS
