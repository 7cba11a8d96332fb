/* ui-test-util.c: the set-up the in-process UI tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdlib.h>

#include <glib/gstdio.h>

#include "ui-test-util.h"

/* A run of the test windows is short; this leaves room for a machine busy with other builds.
 * Under valgrind or a sanitizer, GTW_TEST_SLOWDOWN=N gives every wait N times as long. */
#define RUN_TIMEOUT_S   (120 * slowdown ())
#define PAINT_TIMEOUT_S (10 * slowdown ())

static char *private_dir;

static guint
slowdown (void)
{
  static guint factor;

  if (factor == 0)
    {
      const char *value = g_getenv ("GTW_TEST_SLOWDOWN");
      guint64 parsed = 1;

      if (value != NULL && !g_ascii_string_to_unsigned (value, 10, 1, 1000, &parsed, NULL))
        g_error ("GTW_TEST_SLOWDOWN=%s is not a whole number from 1 to 1000", value);
      factor = (guint) parsed;
    }
  return factor;
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
remove_private_dir (void)
{
  remove_tree (private_dir);
  g_clear_pointer (&private_dir, g_free);
}

void
gtw_test_init (int    *argc,
               char ***argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *files = NULL;

  private_dir = g_dir_make_tmp ("glucotwin-test-XXXXXX", &error);
  g_assert_no_error (error);
  atexit (remove_private_dir);
  files = g_build_filename (private_dir, "files", NULL);
  g_assert_cmpint (g_mkdir (files, 0700), ==, 0);
  /* The autosave and the recent files go to a private place, not the user's. */
  g_setenv ("XDG_STATE_HOME", private_dir, TRUE);
  g_setenv ("XDG_DATA_HOME", private_dir, TRUE);

  gtk_test_init (argc, argv, NULL);
  adw_init ();
}

char *
gtw_test_tmp_path (const char *name)
{
  g_assert_nonnull (private_dir);
  return g_build_filename (private_dir, "files", name, NULL);
}

/* ---------------------------------------------------------------------------------------- */

static gboolean
wake (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

void
gtw_test_iterate_pending (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

void
gtw_test_iterate_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;
  /* Something to wake up for, so that a quiet loop does not sleep past the end. */
  guint id = g_timeout_add (10, wake, NULL);

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (id);
}

void
gtw_test_wait_until (GtwTestCondition condition,
                     gpointer         data,
                     guint            seconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) seconds * G_USEC_PER_SEC;
  guint id = g_timeout_add (20, wake, NULL);

  while (!condition (data))
    {
      if (g_get_monotonic_time () >= deadline)
        g_error ("The awaited condition did not hold within %u s", seconds);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (id);
}

/* ---------------------------------------------------------------------------------------- */

GtwApplication *
gtw_test_application_new (void)
{
  GtwApplication *app = gtw_application_new ();
  g_autoptr (GError) error = NULL;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  return app;
}

GtwWindow *
gtw_test_window_new (GtwApplication *app)
{
  GtwWindow *window = gtw_window_new (GTK_APPLICATION (app));

  gtw_test_present (GTK_WINDOW (window));
  gtw_test_wait_for_runs (window);
  return window;
}

static gboolean
runner_idle (gpointer data)
{
  return !gtw_runner_get_busy (data);
}

void
gtw_test_wait_for_runs (GtwWindow *window)
{
  gtw_test_wait_until (runner_idle, gtw_window_get_runner (window), RUN_TIMEOUT_S);
  /* What the finished runs had already queued for the main thread. */
  gtw_test_iterate_pending ();
}

GtwScenario *
gtw_test_preset_new (const char *id,
                     int         duration_days)
{
  g_autoptr (GError) error = NULL;
  GtwScenario *scenario = gtw_preset_load (id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (scenario);
  scenario->duration_days = duration_days;
  return scenario;
}

void
gtw_test_window_load_preset (GtwWindow  *window,
                             const char *id,
                             int         duration_days)
{
  gtw_document_load (gtw_window_get_document (window), gtw_test_preset_new (id, duration_days), NULL,
                     FALSE);
  gtw_test_wait_for_runs (window);
}

/* ---------------------------------------------------------------------------------------- */

static gboolean
widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

void
gtw_test_wait_for_map (GtkWidget *widget)
{
  gtw_test_wait_until (widget_mapped, widget, PAINT_TIMEOUT_S);
}

void
gtw_test_present (GtkWindow *window)
{
  gtk_window_present (window);
  gtw_test_wait_for_map (GTK_WIDGET (window));
  gtw_test_wait_for_paint (GTK_WIDGET (window));
}

GtkWidget *
gtw_test_show (GtkWidget *child,
               int        width,
               int        height)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtw_test_present (GTK_WINDOW (window));
  return window;
}

static void
on_after_paint (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

void
gtw_test_wait_for_paint (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_assert_nonnull (clock);
  for (int frame = 0; frame < 2; frame++)
    {
      gboolean painted = FALSE;
      gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);

      gtk_widget_queue_draw (widget);
      gtw_test_wait_until (flag_set, &painted, PAINT_TIMEOUT_S);
      g_signal_handler_disconnect (clock, handler);
    }
  gtw_test_iterate_pending ();
}

GdkTexture *
gtw_test_grab (GtkWidget *widget)
{
  g_autoptr (GskRenderNode) node = NULL;
  int width = 0, height = 0;

  /* The paintable shows the last painted frame: paint the current state first. A resize queued
   * after that paint (an idle that changed a label, on a busy machine) leaves the widget without
   * a valid allocation and the paintable empty: then paint again. */
  for (guint attempt = 0; node == NULL && attempt < 10; attempt++)
    {
      g_autoptr (GdkPaintable) paintable = NULL;
      GtkSnapshot *snapshot;

      gtw_test_wait_for_paint (widget);
      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
      paintable = gtk_widget_paintable_new (widget);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (snapshot);
    }
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                      &GRAPHENE_RECT_INIT (0, 0, width, height));
}

double
gtw_test_texture_difference (GdkTexture *a,
                             GdkTexture *b,
                             int         tolerance)
{
  int width = gdk_texture_get_width (a), height = gdk_texture_get_height (a);
  gsize n_bytes = (gsize) width * height * 4;
  g_autofree guchar *pa = NULL;
  g_autofree guchar *pb = NULL;
  gsize differing = 0;

  if (width != gdk_texture_get_width (b) || height != gdk_texture_get_height (b))
    return 1.0;
  pa = g_malloc (n_bytes);
  pb = g_malloc (n_bytes);
  gdk_texture_download (a, pa, (gsize) width * 4);
  gdk_texture_download (b, pb, (gsize) width * 4);
  for (gsize i = 0; i < n_bytes; i += 4)
    for (int c = 0; c < 4; c++)
      if (abs (pa[i + c] - pb[i + c]) > tolerance)
        {
          differing++;
          break;
        }
  return (double) differing / ((double) width * height);
}

void
gtw_test_save_png (GdkTexture *texture,
                   const char *name)
{
  const char *dir = g_getenv ("GTW_TEST_SCREENSHOT_DIR");
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

GtkWidget *
gtw_test_find_widget_match (GtkWidget          *root,
                            GtwTestWidgetMatch  match,
                            gconstpointer       data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = gtw_test_find_widget_match (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
gtw_test_save_widget_png (GtkWidget  *widget,
                          const char *name)
{
  g_autoptr (GdkTexture) texture = gtw_test_grab (widget);

  gtw_test_save_png (texture, name);
}

typedef struct
{
  GType       type;
  const char *name;
} TypeAndName;

static gboolean
match_type_and_name (GtkWidget     *widget,
                     gconstpointer  data)
{
  const TypeAndName *wanted = data;

  return G_TYPE_CHECK_INSTANCE_TYPE (widget, wanted->type)
         && (wanted->name == NULL || g_strcmp0 (gtk_widget_get_name (widget), wanted->name) == 0);
}

GtkWidget *
gtw_test_find_widget (GtkWidget  *root,
                      GType       type,
                      const char *name)
{
  TypeAndName wanted = { type, name };

  return gtw_test_find_widget_match (root, match_type_and_name, &wanted);
}

gpointer
gtw_test_find_controller (GtkWidget *widget,
                          GType      type)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller; /* the widget keeps it */
    }
  g_error ("%s has no %s", G_OBJECT_TYPE_NAME (widget), g_type_name (type));
}

gboolean
gtw_test_press_shortcut (GtkWidget       *widget,
                         guint            keyval,
                         GdkModifierType  mods)
{
  g_autoptr (GtkShortcutTrigger) wanted = gtk_keyval_trigger_new (keyval, mods);
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);
      GListModel *shortcuts;

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      shortcuts = G_LIST_MODEL (controller);
      for (guint j = 0; j < g_list_model_get_n_items (shortcuts); j++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (shortcuts, j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  return FALSE;
}

gpointer
gtw_test_find_toplevel (GType      type,
                        GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window))
          && (parent == NULL || gtk_window_get_transient_for (window) == parent))
        return window; /* the list of toplevels keeps it */
    }
  return NULL;
}

AdwMessageDialog *
gtw_test_find_dialog (GtkWindow *parent)
{
  gtw_test_iterate_for (30);
  return gtw_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, parent);
}

void
gtw_test_answer_dialog (AdwMessageDialog *dialog,
                        const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtw_test_iterate_for (20);
}
