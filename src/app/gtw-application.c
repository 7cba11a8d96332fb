/* gtw-application.c: Glucotwin, the application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "gtw-application.h"
#include "gtw-document.h"
#include "gtw-model.h"
#include "gtw-preferences-window.h"
#include "gtw-window.h"

struct _GtwApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  char           *preset;     /* --preset */
  char           *screenshot; /* --screenshot */
  char           *view;       /* --view */
  int             exit_status;
};

G_DEFINE_FINAL_TYPE (GtwApplication, gtw_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "preset", 'p', 0, G_OPTION_ARG_STRING, NULL, N_("Start with the patient and timeline of a preset"), N_("ID") },
  { "view", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Start in a view: decade, year, year:N or day:N"), N_("VIEW") },
  { "screenshot", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Once the run has finished and is drawn, save the window to a PNG file and quit"), N_("PATH") },
  { NULL }
};

/* The window the actions act on: the active one, or a new one. */
static GtwWindow *
get_window (GtwApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (GTW_IS_WINDOW (window))
    return GTW_WINDOW (window);
  window = GTK_WINDOW (gtw_window_new (GTK_APPLICATION (self)));
  gtk_window_present (window);
  return GTW_WINDOW (window);
}

static void
report (GtwWindow *window, GError *error)
{
  gtw_window_report_error (window, error->message);
}

/* ---------------------------------------------------------------------------------------- */
/* The scriptable actions (interfaces.md section 3)                                          */

static void
action_open (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  g_autoptr (GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  gtw_window_open (get_window (user_data), file);
}

static void
action_load_preset (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  gtw_window_load_preset (get_window (user_data), g_variant_get_string (parameter, NULL));
}

static void
action_add_intervention (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtwWindow *window = get_window (user_data);
  g_autoptr (GError) error = NULL;

  if (!gtw_window_add_intervention (window, g_variant_get_string (parameter, NULL), &error))
    report (window, error);
}

static void
action_clear_interventions (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  gtw_window_clear_interventions (get_window (user_data));
}

static void
action_set_view (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtwWindow *window = get_window (user_data);
  g_autoptr (GError) error = NULL;

  if (!gtw_window_set_view (window, g_variant_get_string (parameter, NULL), &error))
    report (window, error);
}

static void
action_export_plot (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  gtw_window_export_plot (get_window (user_data), g_variant_get_string (parameter, NULL));
}

static void
action_export_csv (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  gtw_window_export_csv (get_window (user_data), g_variant_get_string (parameter, NULL));
}

static void
action_save (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtwWindow *window = get_window (user_data);
  g_autoptr (GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));
  g_autoptr (GError) error = NULL;

  if (!gtw_window_save (window, file, &error))
    report (window, error);
}

static void
action_presentation (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  gtw_window_set_presentation (get_window (user_data), g_variant_get_boolean (parameter));
}

static void
action_export_handout (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  gtw_window_export_handout (get_window (user_data), g_variant_get_string (parameter, NULL));
}

static gpointer
ref_window (gconstpointer window, gpointer user_data)
{
  return g_object_ref ((gpointer) window);
}

static void
action_quit (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (user_data));

  /* Each window asks about its unsaved changes; the application ends with the last one. A
   * closing window may take others with it: hold them while going through the list. */
  windows = g_list_copy_deep (windows, ref_window, NULL);
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free_full (windows, g_object_unref);
}

static void
action_preferences (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtwApplication *self = GTW_APPLICATION (user_data);
  GtkWidget *window = gtw_preferences_window_new (GTK_WINDOW (get_window (self)), self->settings);

  gtk_window_present (GTK_WINDOW (window));
}

static void
action_about (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  static const char *const developers[] = { "The Glucotwin developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", get_window (user_data),
                        "modal", TRUE,
                        "application-name", _("Glucotwin"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Glucotwin developers"),
                        "developers", developers,
                        "version", PACKAGE_VERSION,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "comments",
                        _("A simulator of insulin resistance and its progression to type 2 diabetes, "
                          "for teaching.\n\n"
                          "Glucotwin is an educational simulator. It is not a medical device and must "
                          "not be used for diagnosis or treatment decisions."),
                        NULL);
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("Model Sources"), NULL,
                                      GTK_LICENSE_CUSTOM,
                                      "Ha J, Sherman A. Type 2 diabetes: one disease, many pathways. "
                                      "Am J Physiol Endocrinol Metab 2020.\n"
                                      "Ha J, Satin LS, Sherman AS. A mathematical model of the "
                                      "pathogenesis, prevention, and reversal of type 2 diabetes. "
                                      "Endocrinology 2016.\n"
                                      "Dalla Man C, Rizza RA, Cobelli C. Meal simulation model of the "
                                      "glucose-insulin system. IEEE Trans Biomed Eng 2007.\n"
                                      "Van Cauter E et al. Estimation of insulin secretion rates from "
                                      "C-peptide levels. Diabetes 1992.\n"
                                      "Nathan DM et al. Translating the A1C assay into estimated "
                                      "average glucose values. Diabetes Care 2008.");
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_entries[] = {
  { "open", action_open, "s" },
  { "load-preset", action_load_preset, "s" },
  { "add-intervention", action_add_intervention, "s" },
  { "clear-interventions", action_clear_interventions },
  { "set-view", action_set_view, "s" },
  { "export-plot", action_export_plot, "s" },
  { "export-csv", action_export_csv, "s" },
  { "save", action_save, "s" },
  { "presentation", action_presentation, "b" },
  { "export-handout", action_export_handout, "s" },
  { "quit", action_quit },
  { "preferences", action_preferences },
  { "about", action_about },
};

/* ---------------------------------------------------------------------------------------- */
/* Start-up                                                                                 */

static void
apply_color_scheme (GtwApplication *self)
{
  static const AdwColorScheme schemes[] = {
    ADW_COLOR_SCHEME_DEFAULT, ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK,
  };
  guint scheme = (guint) g_settings_get_enum (self->settings, "color-scheme");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      schemes[MIN (scheme, G_N_ELEMENTS (schemes) - 1)]);
}

static void
gtw_application_startup (GApplication *application)
{
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", NULL } },
    { "win.export-figure", { "<Control>e", NULL } },
    { "win.toggle-sidebar", { "F9", NULL } },
    { "win.toggle-presentation", { "F5", NULL } },
    { "win.show-mechanisms", { "<Control>m", NULL } },
    { "win.labs", { "<Control>l", NULL } },
    { "win.view::decade", { "<Control>1", NULL } },
    { "win.view::year", { "<Control>2", NULL } },
    { "win.view::day", { "<Control>3", NULL } },
  };
  GtwApplication *self = GTW_APPLICATION (application);

  G_APPLICATION_CLASS (gtw_application_parent_class)->startup (application);

  g_set_application_name (_("Glucotwin"));
  gtk_window_set_default_icon_name (APP_ID);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::color-scheme", G_CALLBACK (apply_color_scheme),
                           self, G_CONNECT_SWAPPED);
  apply_color_scheme (self);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries, G_N_ELEMENTS (app_entries), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);
}

static void
on_restore_response (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  GtwScenario *scenario = user_data;
  GtwWindow *window = GTW_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));

  if (g_str_equal (response, "restore"))
    gtw_window_restore (window, gtw_scenario_copy (scenario));
  else
    gtw_document_discard_autosave (gtw_window_get_document (window));
}

static void
free_scenario (gpointer data, GClosure *closure)
{
  gtw_scenario_free (data);
}

/* A leftover autosave means the last session ended without saving: offer it back. */
static void
offer_restore (GtwWindow *window, GtwScenario *scenario)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (window), _("Restore Unsaved Changes?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Glucotwin was closed without saving “%s”. Restore the unsaved "
                                    "changes, or discard them?"),
                                  scenario->name != NULL ? scenario->name : _("Untitled Scenario"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_restore_response), scenario,
                         free_scenario, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
screenshot_done (GtwWindow    *window,
                 const GError *error,
                 gpointer      user_data)
{
  GtwApplication *self = GTW_APPLICATION (user_data);

  if (error != NULL)
    {
      g_printerr ("glucotwin: --screenshot: %s\n", error->message);
      self->exit_status = 1;
    }
  g_application_quit (G_APPLICATION (self));
  g_object_unref (self);
}

/* The first window: the --preset, or a leftover autosave offered back, or the default preset
 * (which the window loads itself). */
static GtwWindow *
new_window (GtwApplication *self, gboolean with_files)
{
  g_autoptr (GtwScenario) leftover = NULL;
  g_autoptr (GError) error = NULL;
  GtwWindow *window;

  if (!with_files && self->preset == NULL && self->screenshot == NULL)
    leftover = gtw_document_load_autosave ();

  window = gtw_window_new (GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (window));
  if (self->preset != NULL && !gtw_window_load_preset_now (window, self->preset, &error))
    gtw_window_report_error (window, error->message);
  if (self->view != NULL && !with_files && !gtw_window_set_view (window, self->view, &error))
    gtw_window_report_error (window, error->message);
  if (leftover != NULL)
    offer_restore (window, g_steal_pointer (&leftover));
  if (self->screenshot != NULL)
    gtw_window_screenshot (window, self->screenshot, screenshot_done, g_object_ref (self));
  return window;
}

static void
gtw_application_activate (GApplication *application)
{
  GtwApplication *self = GTW_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (new_window (self, FALSE));
  gtk_window_present (window);
}

static void
gtw_application_open (GApplication  *application,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  GtwApplication *self = GTW_APPLICATION (application);
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtwWindow *window;

  window = GTW_IS_WINDOW (active) ? GTW_WINDOW (active) : new_window (self, TRUE);
  /* One scenario per window: the first file; more would each ask about unsaved changes. */
  if (n_files > 0)
    gtw_window_open (window, files[0]);
  if (self->view != NULL)
    {
      g_autoptr (GError) error = NULL;

      if (!gtw_window_set_view (window, self->view, &error))
        gtw_window_report_error (window, error->message);
    }
  if (n_files > 1)
    gtw_window_report_error (window, _("Glucotwin opens one scenario at a time: the other files were ignored"));
  gtk_window_present (GTK_WINDOW (window));
}

static int
gtw_application_handle_local_options (GApplication *application,
                                      GVariantDict *options)
{
  GtwApplication *self = GTW_APPLICATION (application);
  g_autoptr (GError) error = NULL;

  g_variant_dict_lookup (options, "preset", "s", &self->preset);
  g_variant_dict_lookup (options, "screenshot", "^ay", &self->screenshot);
  g_variant_dict_lookup (options, "view", "s", &self->view);

  if (self->preset == NULL)
    return -1;
  /* A usage error: say so and stop, rather than start with another patient. */
  {
    g_autoptr (GtwScenario) check = gtw_preset_load (self->preset, &error);

    if (check == NULL)
      {
        g_printerr ("glucotwin: %s\n", error->message);
        return 1;
      }
  }
  if (!g_application_register (application, NULL, &error))
    {
      g_printerr ("glucotwin: %s\n", error->message);
      return 1;
    }
  /* Already running elsewhere: hand the preset to that instance, as a script would. */
  if (g_application_get_is_remote (application))
    {
      g_action_group_activate_action (G_ACTION_GROUP (application), "load-preset",
                                      g_variant_new_string (self->preset));
      return 0;
    }
  return -1;
}

static void
gtw_application_finalize (GObject *object)
{
  GtwApplication *self = GTW_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->preset, g_free);
  g_clear_pointer (&self->screenshot, g_free);
  g_clear_pointer (&self->view, g_free);

  G_OBJECT_CLASS (gtw_application_parent_class)->finalize (object);
}

static void
gtw_application_class_init (GtwApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = gtw_application_finalize;
  app_class->startup = gtw_application_startup;
  app_class->activate = gtw_application_activate;
  app_class->open = gtw_application_open;
  app_class->handle_local_options = gtw_application_handle_local_options;
}

static void
gtw_application_init (GtwApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
}

GtwApplication *
gtw_application_new (void)
{
  return g_object_new (GTW_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/glucotwin/Glucotwin",
                       NULL);
}

int
gtw_application_get_exit_status (GtwApplication *self)
{
  g_return_val_if_fail (GTW_IS_APPLICATION (self), 1);

  return self->exit_status;
}
