/* gtw-window-export.c: the main window's files: opening, saving, exporting figures, tables
 * and handouts, screenshots, and the question about unsaved changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include <glib/gi18n.h>

#include "gtw-figure.h"
#include "gtw-handout.h"
#include "gtw-window-private.h"

/* ---------------------------------------------------------------------------------------- */
/* Loading                                                                                  */

static void
show_error_dialog (GtwWindow  *self,
                   const char *heading,
                   const char *body)
{
  GtkWidget *dialog;

  g_printerr ("glucotwin: %s: %s\n", heading, body);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
gtw_window_load_scenario_file (GtwWindow  *self,
                               GFile      *file,
                               GError    **error)
{
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  GtwScenario *scenario;

  g_return_val_if_fail (GTW_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Only local files can be opened"));
      return FALSE;
    }
  scenario = gtw_scenario_load_file (path, error);
  if (scenario == NULL)
    return FALSE;

  gtw_document_load (self->document, scenario, file, FALSE);
  uri = g_file_get_uri (file);
  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
  return TRUE;
}

gboolean
gtw_window_load_preset_now (GtwWindow  *self,
                            const char *preset_id,
                            GError    **error)
{
  GtwScenario *scenario;

  g_return_val_if_fail (GTW_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (preset_id != NULL, FALSE);

  scenario = gtw_preset_load (preset_id, error);
  if (scenario == NULL)
    return FALSE;
  gtw_document_load (self->document, scenario, NULL, FALSE);
  return TRUE;
}

void
gtw_window_restore (GtwWindow   *self,
                    GtwScenario *scenario)
{
  g_return_if_fail (GTW_IS_WINDOW (self));
  g_return_if_fail (scenario != NULL);

  gtw_document_load (self->document, scenario, NULL, TRUE);
}

static void
open_now (GtwWindow *self,
          gpointer   user_data)
{
  GFile *file = user_data;
  g_autoptr (GError) error = NULL;

  if (!gtw_window_load_scenario_file (self, file, &error))
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);

      show_error_dialog (self, heading, error->message);
    }
}

void
gtw_window_open (GtwWindow *self,
                 GFile     *file)
{
  g_return_if_fail (GTW_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  gtw_window_confirm_discard (self, open_now, g_object_ref (file), g_object_unref);
}

static void
load_preset_after_guard (GtwWindow *self,
                         gpointer   user_data)
{
  g_autoptr (GError) error = NULL;

  if (!gtw_window_load_preset_now (self, user_data, &error))
    gtw_window_report_error (self, error->message);
}

void
gtw_window_load_preset (GtwWindow  *self,
                        const char *preset_id)
{
  g_autoptr (GtwScenario) check = NULL;
  g_autoptr (GError) error = NULL;

  g_return_if_fail (GTW_IS_WINDOW (self));
  g_return_if_fail (preset_id != NULL);

  /* A bad id is reported before asking about unsaved changes that it would not touch. */
  check = gtw_preset_load (preset_id, &error);
  if (check == NULL)
    {
      gtw_window_report_error (self, error->message);
      gtw_patient_panel_set_scenario (self->patient_panel, gtw_document_get_scenario (self->document));
      return;
    }
  gtw_window_confirm_discard (self, load_preset_after_guard, g_strdup (preset_id), g_free);
}

/* ---------------------------------------------------------------------------------------- */
/* Saving and exporting                                                                     */

gboolean
gtw_window_save (GtwWindow  *self,
                 GFile      *file,
                 GError    **error)
{
  g_autofree char *uri = NULL;

  g_return_val_if_fail (GTW_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!gtw_document_save (self->document, file, error))
    return FALSE;
  uri = g_file_get_uri (file);
  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
  return TRUE;
}

/* Writes the figure of @options (the view as it was when asked for) and of @view_day. */
static gboolean
write_plot (GtwWindow              *self,
            const char             *path,
            const GtwFigureOptions *options,
            int                     view_day,
            GError                **error)
{
  GtwTrace *trace = gtw_window_current_trace (self);
  GtwTrace *baseline = gtw_window_current_baseline (self);
  g_autoptr (GtwDayDetail) day = NULL;
  g_autoptr (GtwDayDetail) baseline_day = NULL;

  if (!gtw_figure_format_supported (path))
    {
      g_set_error (error, GTW_FIGURE_ERROR, GTW_FIGURE_ERROR_FORMAT,
                   _("Cannot export to “%s”: choose a name ending in .png, .svg or .pdf"), path);
      return FALSE;
    }
  if (trace == NULL || gtw_trace_get_n_days (trace) == 0)
    {
      g_set_error (error, GTW_FIGURE_ERROR, GTW_FIGURE_ERROR_NO_DATA, _("There is no run to export yet"));
      return FALSE;
    }

  if (options->view == GTW_FIGURE_VIEW_DAY)
    {
      day = gtw_window_simulate_day (trace, view_day, error);
      if (day == NULL)
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, GTW_FIGURE_ERROR, GTW_FIGURE_ERROR_NO_DATA,
                         _("Day %d has not been simulated yet"), view_day);
          return FALSE;
        }
      baseline_day = gtw_window_simulate_day (baseline, view_day, NULL);
    }
  return gtw_figure_write_file (path, options, trace, baseline, day, baseline_day, error);
}

/* The figure options of what is on screen; the title is copied into @title. */
static void
screen_figure_options (GtwWindow        *self,
                       GtwFigureOptions *options,
                       char            **title)
{
  gtw_chart_get_figure_options (self->chart, options);
  if (options->width <= 0 || options->height <= 0)
    {
      options->width = 1000;
      options->height = 800;
    }
  *title = g_strdup (options->title);
  options->title = *title;
}

gboolean
gtw_window_write_plot (GtwWindow  *self,
                       const char *path,
                       GError    **error)
{
  g_autofree char *title = NULL;
  GtwFigureOptions options;

  g_return_val_if_fail (GTW_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  screen_figure_options (self, &options, &title);
  return write_plot (self, path, &options, self->view_day, error);
}

static void
append_csv_double (GString *out, double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* As glucotwin-cli writes it: C locale, six significant digits, "nan" for no number. */
  if (!isfinite (value))
    g_string_append (out, "nan");
  else
    g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.6g", value));
}

gboolean
gtw_window_write_csv (GtwWindow  *self,
                      const char *path,
                      GError    **error)
{
  GtwTrace *trace = gtw_window_current_trace (self);
  g_autoptr (GString) out = g_string_new (NULL);
  const GtwColumn *columns;
  guint n_columns = 0, n_days;

  g_return_val_if_fail (GTW_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (trace == NULL || (n_days = gtw_trace_get_n_days (trace)) == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("There is no run to export yet"));
      return FALSE;
    }

  columns = gtw_day_columns (&n_columns);
  for (guint i = 0; i < n_columns; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "," : "", columns[i].name);
  g_string_append_c (out, '\n');
  for (guint day = 0; day < n_days; day++)
    {
      const GtwDayRecord *record = gtw_trace_get_day (trace, day);

      for (guint i = 0; i < n_columns; i++)
        {
          const GtwColumn *c = &columns[i];

          if (i > 0)
            g_string_append_c (out, ',');
          switch (c->kind)
            {
            case GTW_COLUMN_INT:
              g_string_append_printf (out, "%d", G_STRUCT_MEMBER (int, record, c->offset));
              break;
            case GTW_COLUMN_STAGE:
              g_string_append (out, gtw_stage_to_string (G_STRUCT_MEMBER (GtwStage, record, c->offset)));
              break;
            case GTW_COLUMN_DOUBLE:
            default:
              append_csv_double (out, gtw_column_get_double (c, record));
              break;
            }
        }
      g_string_append_c (out, '\n');
    }
  return g_file_set_contents_full (path, out->str, out->len, G_FILE_SET_CONTENTS_CONSISTENT, 0666, error);
}

/* An export asked for while a run goes on: the view of the moment it was asked for. */
typedef struct
{
  char             *path;
  char             *title;
  GtwFigureOptions  options;
  int               view_day;
} PlotRequest;

static void
plot_request_free (gpointer data)
{
  PlotRequest *request = data;

  g_free (request->path);
  g_free (request->title);
  g_free (request);
}

static void
export_plot_now (GtwWindow *self,
                 gpointer   user_data)
{
  PlotRequest *request = user_data;
  g_autoptr (GError) error = NULL;

  if (!write_plot (self, request->path, &request->options, request->view_day, &error))
    gtw_window_report_error (self, error->message);
}

static void
export_csv_now (GtwWindow *self,
                gpointer   user_data)
{
  g_autoptr (GError) error = NULL;

  if (!gtw_window_write_csv (self, user_data, &error))
    gtw_window_report_error (self, error->message);
}

void
gtw_window_export_plot (GtwWindow  *self,
                        const char *path)
{
  PlotRequest *request;

  g_return_if_fail (GTW_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  if (!gtw_figure_format_supported (path))
    {
      g_autofree char *message =
        g_strdup_printf (_("Cannot export to “%s”: choose a name ending in .png, .svg or .pdf"), path);

      gtw_window_report_error (self, message);
      return;
    }
  request = g_new0 (PlotRequest, 1);
  request->path = g_strdup (path);
  request->view_day = self->view_day;
  screen_figure_options (self, &request->options, &request->title);
  gtw_window_when_idle (self, export_plot_now, request, plot_request_free);
}

static void
export_handout_now (GtwWindow *self,
                    gpointer   user_data)
{
  const char *path = user_data;
  GtwTrace *trace = gtw_window_current_trace (self);
  GtwTrace *baseline;
  g_autoptr (GError) error = NULL;
  gboolean written;

  if (trace == NULL || gtw_trace_get_n_days (trace) == 0)
    {
      gtw_window_report_error (self, _("There is no run to export yet"));
      return;
    }
  /* Without interventions there is nothing to compare: the handout shows the one run. */
  baseline = gtw_trace_has_interventions (trace) ? gtw_window_current_baseline (self) : NULL;
  if (g_str_has_suffix (path, ".png"))
    written = gtw_handout_write_png (path, trace, baseline, &self->units, &error);
  else
    written = gtw_handout_write_pdf (path, trace, baseline, &self->units, &error);
  if (!written)
    gtw_window_report_error (self, error->message);
}

void
gtw_window_export_handout (GtwWindow  *self,
                           const char *path)
{
  g_return_if_fail (GTW_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  if (!g_str_has_suffix (path, ".pdf") && !g_str_has_suffix (path, ".png"))
    {
      g_autofree char *message =
        g_strdup_printf (_("Cannot write the handout to “%s”: choose a name ending in .pdf or .png"), path);

      gtw_window_report_error (self, message);
      return;
    }
  gtw_window_when_idle (self, export_handout_now, g_strdup (path), g_free);
}

void
gtw_window_export_csv (GtwWindow  *self,
                       const char *path)
{
  g_return_if_fail (GTW_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  gtw_window_when_idle (self, export_csv_now, g_strdup (path), g_free);
}

/* ---------------------------------------------------------------------------------------- */
/* Screenshots                                                                              */

typedef struct
{
  char             *path;
  GtwScreenshotFunc func;
  gpointer          data;
  gulong            handler;
} Screenshot;

static gboolean
write_window_png (GtwWindow *self, const char *path, GError **error)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  renderer = gtk_native_get_renderer (GTK_NATIVE (self));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (renderer == NULL || node == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The window has not been drawn yet"));
      return FALSE;
    }
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the screenshot to %s"), path);
      return FALSE;
    }
  return TRUE;
}

static void
on_screenshot_painted (GdkFrameClock *clock,
                       Screenshot    *shot)
{
  GtwWindow *self = g_object_get_data (G_OBJECT (clock), "gtw-screenshot-window");
  g_autoptr (GError) error = NULL;

  g_signal_handler_disconnect (clock, shot->handler);
  g_object_set_data (G_OBJECT (clock), "gtw-screenshot-window", NULL);
  write_window_png (self, shot->path, &error);
  shot->func (self, error, shot->data);
  g_free (shot->path);
  g_free (shot);
  g_object_unref (self);
}

static gboolean
screenshot_tick (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  Screenshot *shot = user_data;

  /* This frame paints the finished run, with every comparison of the markers panel (which
   * otherwise come a row a frame): capture right after it. */
  gtw_markers_panel_flush (GTW_WINDOW (widget)->markers_panel);
  g_object_set_data (G_OBJECT (clock), "gtw-screenshot-window", g_object_ref (widget));
  shot->handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_screenshot_painted), shot);
  gtk_widget_queue_draw (widget);
  return G_SOURCE_REMOVE;
}

static void
screenshot_when_idle (GtwWindow *self,
                      gpointer   user_data)
{
  gtk_widget_add_tick_callback (GTK_WIDGET (self), screenshot_tick, user_data, NULL);
}

void
gtw_window_screenshot (GtwWindow        *self,
                       const char       *path,
                       GtwScreenshotFunc func,
                       gpointer          user_data)
{
  Screenshot *shot;

  g_return_if_fail (GTW_IS_WINDOW (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (func != NULL);

  shot = g_new0 (Screenshot, 1);
  shot->path = g_strdup (path);
  shot->func = func;
  shot->data = user_data;
  gtw_window_when_idle (self, screenshot_when_idle, shot, NULL);
}

/* ---------------------------------------------------------------------------------------- */
/* Unsaved changes                                                                          */

static void
on_guard_response (AdwMessageDialog *dialog,
                   const char       *response,
                   gpointer          user_data)
{
  GtwContinuation *c = user_data;
  GtwWindow *self = GTW_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  g_autoptr (GError) error = NULL;
  GFile *file;

  if (g_str_equal (response, "discard"))
    {
      gtw_document_discard_autosave (self->document);
      gtw_continuation_run (self, c);
      return;
    }
  if (!g_str_equal (response, "save"))
    {
      gtw_continuation_free (c);
      /* A preset picked in the panel was not loaded after all: show the scenario again. */
      gtw_patient_panel_set_scenario (self->patient_panel, gtw_document_get_scenario (self->document));
      return;
    }

  file = gtw_document_get_file (self->document);
  if (file == NULL)
    {
      gtw_window_save_as (self, c);
      return;
    }
  if (!gtw_window_save (self, file, &error))
    {
      gtw_window_report_error (self, error->message);
      gtw_continuation_free (c);
      return;
    }
  gtw_continuation_run (self, c);
}

void
gtw_window_confirm_discard (GtwWindow      *self,
                            GtwWindowFunc   func,
                            gpointer        user_data,
                            GDestroyNotify  destroy)
{
  GtwContinuation *c;
  GtkWidget *dialog;

  g_return_if_fail (GTW_IS_WINDOW (self));
  g_return_if_fail (func != NULL);

  c = gtw_continuation_new (func, user_data, destroy);
  if (!gtw_document_get_dirty (self->document))
    {
      gtw_continuation_run (self, c);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” has unsaved changes. Changes that are not saved will be lost."),
                                  gtw_document_get_title (self->document));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_guard_response), c);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---------------------------------------------------------------------------------------- */
/* File choosers                                                                            */

static GtkFileFilter *
scenario_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Glucotwin Scenarios"));
  gtk_file_filter_add_pattern (filter, "*.glucotwin.json");
  gtk_file_filter_add_mime_type (filter, "application/x-glucotwin-scenario+json");
  return filter;
}

static GtkFileFilter *
any_filter (const char *name, const char *pattern)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  return filter;
}

typedef void (*ChosenFunc) (GtwWindow *self, GFile *file, GtwContinuation *then);

typedef struct
{
  GtwWindow       *window;
  ChosenFunc       func;
  GtwContinuation *then;
} Chooser;

static void
on_chooser_response (GtkNativeDialog *native,
                     int              response,
                     gpointer         user_data)
{
  Chooser *chooser = user_data;
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  if (file != NULL)
    chooser->func (chooser->window, file, g_steal_pointer (&chooser->then));
  g_clear_pointer (&chooser->then, gtw_continuation_free);
  g_object_unref (chooser->window);
  g_free (chooser);
  g_object_unref (native);
}

static void
choose_file (GtwWindow            *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept,
             const char           *suggested_name,
             GtkFileFilter        *filter,
             ChosenFunc            func,
             GtwContinuation      *then)
{
  GtkFileChooserNative *native;
  Chooser *chooser = g_new0 (Chooser, 1);

  native = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  if (filter != NULL)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested_name);
  chooser->window = g_object_ref (self);
  chooser->func = func;
  chooser->then = then;
  g_signal_connect (native, "response", G_CALLBACK (on_chooser_response), chooser);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* A file name from the scenario's title, without characters that file systems dislike. */
static char *
suggested_name (GtwWindow *self, const char *extension)
{
  g_autofree char *base = g_strdup (gtw_document_get_title (self->document));

  g_strdelimit (base, "/\\:*?\"<>|", '-');
  return g_strconcat (base, extension, NULL);
}

static void
opened_file_chosen (GtwWindow *self, GFile *file, GtwContinuation *then)
{
  open_now (self, file);
}

static void
saved_file_chosen (GtwWindow *self, GFile *file, GtwContinuation *then)
{
  g_autoptr (GError) error = NULL;

  if (!gtw_window_save (self, file, &error))
    {
      gtw_window_report_error (self, error->message);
      g_clear_pointer (&then, gtw_continuation_free);
      return;
    }
  if (then != NULL)
    gtw_continuation_run (self, then);
}

void
gtw_window_save_as (GtwWindow *self, GtwContinuation *then)
{
  g_autofree char *name = suggested_name (self, ".glucotwin.json");

  choose_file (self, _("Save Scenario"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), name,
               scenario_filter (), saved_file_chosen, then);
}

static void
figure_file_chosen (GtwWindow *self, GFile *file, GtwContinuation *then)
{
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    gtw_window_export_plot (self, path);
}

static void
handout_file_chosen (GtwWindow *self, GFile *file, GtwContinuation *then)
{
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    gtw_window_export_handout (self, path);
}

static void
csv_file_chosen (GtwWindow *self, GFile *file, GtwContinuation *then)
{
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    gtw_window_export_csv (self, path);
}

void
gtw_window_choose_file_to_open (GtwWindow *self, gpointer user_data)
{
  choose_file (self, _("Open Scenario"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), NULL,
               scenario_filter (), opened_file_chosen, NULL);
}

void
gtw_window_choose_figure_file (GtwWindow *self)
{
  g_autofree char *name = suggested_name (self, ".png");
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Figures (PNG, SVG, PDF)"));
  gtk_file_filter_add_suffix (filter, "png");
  gtk_file_filter_add_suffix (filter, "svg");
  gtk_file_filter_add_suffix (filter, "pdf");
  choose_file (self, _("Export Figure"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), name,
               filter, figure_file_chosen, NULL);
}

void
gtw_window_choose_csv_file (GtwWindow *self)
{
  g_autofree char *name = suggested_name (self, ".csv");

  choose_file (self, _("Export Daily Table"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), name,
               any_filter (_("CSV Tables"), "*.csv"), csv_file_chosen, NULL);
}

void
gtw_window_choose_handout_file (GtwWindow *self)
{
  g_autofree char *name = suggested_name (self, ".pdf");
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Handouts (PDF, PNG)"));
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_filter_add_suffix (filter, "png");
  choose_file (self, _("Export Patient Handout"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), name,
               filter, handout_file_chosen, NULL);
}