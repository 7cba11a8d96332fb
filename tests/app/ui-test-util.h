/* ui-test-util.h: the set-up the in-process UI tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every wait iterates the default main context (the test owns it) and fails the test when what
 * it waits for does not come in time; nothing here sleeps. Under valgrind or a sanitizer,
 * GTW_TEST_SLOWDOWN=N (a whole number) gives every wait N times as long.
 */
#pragma once

#include <adwaita.h>

#include "gtw-application.h"
#include "gtw-window.h"

G_BEGIN_DECLS

/* gtk_test_init () and adw_init (), with the autosave, the recent files and the rest of the
 * application's state in a private folder that goes when the program ends. */
void              gtw_test_init               (int              *argc,
                                               char           ***argv);
/* A path for the test's own files in that private folder. */
char             *gtw_test_tmp_path           (const char       *name);

/* The main loop */

typedef gboolean (*GtwTestCondition) (gpointer data);

/* Runs what is ready without waiting. */
void              gtw_test_iterate_pending    (void);
/* Runs the main loop for @ms milliseconds of wall-clock time. */
void              gtw_test_iterate_for        (guint             ms);
/* Runs the main loop until @condition holds; fails after @seconds. */
void              gtw_test_wait_until         (GtwTestCondition  condition,
                                               gpointer          data,
                                               guint             seconds);

/* The application and its window */

/* A registered, non-unique application (an id is registered once per process). */
GtwApplication   *gtw_test_application_new    (void);
/* A new window of @app, presented and mapped, its first run finished. */
GtwWindow        *gtw_test_window_new         (GtwApplication   *app);
/* Runs the main loop until @window's runs have finished and their results were delivered. */
void              gtw_test_wait_for_runs      (GtwWindow        *window);
/* The preset @id, its run shortened to @duration_days (short runs keep the suite quick). */
GtwScenario      *gtw_test_preset_new         (const char       *id,
                                               int               duration_days);
/* Loads the shortened preset into @window as a new document and waits for its runs. */
void              gtw_test_window_load_preset (GtwWindow        *window,
                                               const char       *id,
                                               int               duration_days);

/* Widgets */

/* Runs the main loop until @widget is mapped. */
void              gtw_test_wait_for_map       (GtkWidget        *widget);
/* Presents @window and waits until it is mapped and painted. */
void              gtw_test_present            (GtkWindow        *window);
/* A new window of @width × @height that shows @child, presented and painted. */
GtkWidget        *gtw_test_show               (GtkWidget        *child,
                                               int               width,
                                               int               height);
/* Queues a redraw of @widget and waits for two painted frames: the first one after a change
 * paints it, whatever the change queued. */
void              gtw_test_wait_for_paint     (GtkWidget        *widget);
/* What @widget shows once painted, at its size. */
GdkTexture       *gtw_test_grab               (GtkWidget        *widget);
/* The fraction of pixels in which a channel differs by more than @tolerance (of 255); 1 when
 * the sizes differ. */
double            gtw_test_texture_difference (GdkTexture       *a,
                                               GdkTexture       *b,
                                               int               tolerance);
/* Writes @texture to $GTW_TEST_SCREENSHOT_DIR/@name when that is set, to look at. */
void              gtw_test_save_png           (GdkTexture       *texture,
                                               const char       *name);
/* What @widget shows, written as gtw_test_save_png () does; rendered also when no folder is
 * set, so that the drawing is exercised. */
void              gtw_test_save_widget_png    (GtkWidget        *widget,
                                               const char       *name);
/* The first widget in @root's tree (@root included, depth first) of @type and, unless @name
 * is NULL, with that widget name; NULL if there is none. */
GtkWidget        *gtw_test_find_widget        (GtkWidget        *root,
                                               GType             type,
                                               const char       *name);
typedef gboolean (*GtwTestWidgetMatch) (GtkWidget *widget, gconstpointer data);
/* The first widget in @root's tree (@root included, depth first) that @match accepts, or NULL. */
GtkWidget        *gtw_test_find_widget_match  (GtkWidget        *root,
                                               GtwTestWidgetMatch match,
                                               gconstpointer     data);
/* @widget's first event controller of @type; fails if it has none. */
gpointer          gtw_test_find_controller    (GtkWidget        *widget,
                                               GType             type);
/* Activates the shortcut of @widget's shortcut controllers that @keyval with @mods triggers,
 * as the key would; FALSE when none has it or its action declined. */
gboolean          gtw_test_press_shortcut     (GtkWidget        *widget,
                                               guint             keyval,
                                               GdkModifierType   mods);
/* The first visible toplevel window of @type transient for @parent (any parent when NULL),
 * or NULL. */
gpointer          gtw_test_find_toplevel      (GType             type,
                                               GtkWindow        *parent);
/* The visible message dialog transient for @parent (any parent when NULL), or NULL; lets
 * the main loop run briefly first, for a dialog that is on its way. */
AdwMessageDialog *gtw_test_find_dialog        (GtkWindow        *parent);
/* Gives @dialog the @response, as its button would, and closes it. */
void              gtw_test_answer_dialog      (AdwMessageDialog *dialog,
                                               const char       *response);

G_END_DECLS
