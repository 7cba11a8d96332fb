/* gtw-window-actions.c: the main window's actions and keyboard shortcuts, and the edits
 * scripts make through the application's actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "gtw-labs-window.h"
#include "gtw-window-private.h"

/* ---------------------------------------------------------------------------------------- */
/* Edits from scripts                                                                       */

/* Validates one intervention object with the scenario loader itself (strict, naming the JSON
 * path), by loading the current scenario with the object appended. */
static gboolean
parse_intervention (GtwWindow       *self,
                    const char      *json,
                    GtwIntervention *out,
                    GError         **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (JsonParser) scenario_parser = json_parser_new ();
  g_autoptr (GtwScenario) loaded = NULL;
  g_autofree char *data = NULL;
  g_autofree char *combined = NULL;
  JsonNode *node;
  JsonObject *root;
  JsonArray *interventions;
  gsize length;

  if (!gtw_scenario_check_json (json, -1, error)
      || !json_parser_load_from_data (parser, json, -1, error))
    {
      g_prefix_error (error, _("The intervention is not valid JSON: "));
      return FALSE;
    }
  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, GTW_SCENARIO_ERROR, GTW_SCENARIO_ERROR_INVALID,
                   _("The intervention must be a JSON object"));
      return FALSE;
    }

  data = gtw_scenario_to_data (gtw_document_get_scenario (self->document), &length);
  if (!json_parser_load_from_data (scenario_parser, data, length, error))
    return FALSE;
  root = json_node_get_object (json_parser_get_root (scenario_parser));
  if (!json_object_has_member (root, "interventions"))
    json_object_set_array_member (root, "interventions", json_array_new ());
  interventions = json_object_get_array_member (root, "interventions");
  json_array_add_element (interventions, json_node_copy (node));
  combined = json_to_string (json_parser_get_root (scenario_parser), FALSE);

  loaded = gtw_scenario_load_data (combined, -1, error);
  if (loaded == NULL)
    {
      g_autofree char *prefix = g_strdup_printf ("interventions[%u]", json_array_get_length (interventions) - 1);

      /* The path of the object the caller gave, not of its place in the scenario. */
      if (error != NULL && g_str_has_prefix ((*error)->message, prefix))
        {
          g_autofree char *message = g_strconcat ("intervention", (*error)->message + strlen (prefix), NULL);

          g_free ((*error)->message);
          (*error)->message = g_steal_pointer (&message);
        }
      return FALSE;
    }
  *out = g_array_index (loaded->interventions, GtwIntervention, loaded->interventions->len - 1);
  return TRUE;
}

gboolean
gtw_window_add_intervention (GtwWindow  *self,
                             const char *json,
                             GError    **error)
{
  GtwIntervention iv;

  g_return_val_if_fail (GTW_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (json != NULL, FALSE);

  if (!parse_intervention (self, json, &iv, error))
    return FALSE;
  /* The palette's path: the timeline records it and says "Add Berberine". */
  if (!gtw_timeline_add (self->timeline, &iv))
    {
      g_set_error (error, GTW_SCENARIO_ERROR, GTW_SCENARIO_ERROR_INVALID,
                   _("The timeline refused the intervention"));
      return FALSE;
    }
  return TRUE;
}

void
gtw_window_clear_interventions (GtwWindow *self)
{
  GtwScenario *scenario;

  g_return_if_fail (GTW_IS_WINDOW (self));

  if (gtw_document_get_scenario (self->document)->interventions->len == 0)
    return;
  scenario = gtw_scenario_copy (gtw_document_get_scenario (self->document));
  g_array_set_size (scenario->interventions, 0);
  gtw_window_apply_edit (self, NULL, scenario, _("Clear Interventions"));
}

/* ---------------------------------------------------------------------------------------- */
/* Window actions                                                                           */

static void
action_open (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  /* Ask about unsaved changes before the chooser, as other GNOME editors do. */
  gtw_window_confirm_discard (GTW_WINDOW (user_data), gtw_window_choose_file_to_open, NULL, NULL);
}

static void
action_save (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtwWindow *self = GTW_WINDOW (user_data);
  GFile *file = gtw_document_get_file (self->document);
  g_autoptr (GError) error = NULL;

  if (file == NULL)
    gtw_window_save_as (self, NULL);
  else if (!gtw_window_save (self, file, &error))
    gtw_window_report_error (self, error->message);
}

static void
action_save_as (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  gtw_window_save_as (GTW_WINDOW (user_data), NULL);
}

static void
action_export_figure (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  gtw_window_choose_figure_file (GTW_WINDOW (user_data));
}

static void
action_export_csv (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  gtw_window_choose_csv_file (GTW_WINDOW (user_data));
}

static void
action_export_handout (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  gtw_window_choose_handout_file (GTW_WINDOW (user_data));
}

static void
action_undo (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  gtw_document_undo (GTW_WINDOW (user_data)->document);
}

static void
action_redo (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  gtw_document_redo (GTW_WINDOW (user_data)->document);
}

static void
change_sidebar (GSimpleAction *action, GVariant *state, gpointer user_data)
{
  GtwWindow *self = GTW_WINDOW (user_data);

  g_simple_action_set_state (action, state);
  g_settings_set_boolean (self->settings, "sidebar-visible", g_variant_get_boolean (state));
  gtw_window_sync_panels (self);
}

static void
change_presentation (GSimpleAction *action, GVariant *state, gpointer user_data)
{
  gtw_window_set_presentation (GTW_WINDOW (user_data), g_variant_get_boolean (state));
}

static void
action_leave_presentation (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  gtw_window_set_presentation (GTW_WINDOW (user_data), FALSE);
}

static void
change_view (GSimpleAction *action, GVariant *state, gpointer user_data)
{
  GtwWindow *self = GTW_WINDOW (user_data);
  g_autoptr (GError) error = NULL;

  if (!gtw_window_set_view (self, g_variant_get_string (state, NULL), &error))
    gtw_window_report_error (self, error->message);
}

static void
change_play (GSimpleAction *action, GVariant *state, gpointer user_data)
{
  GtwWindow *self = GTW_WINDOW (user_data);
  gboolean play = g_variant_get_boolean (state);

  /* Playback reveals the long views: from the day view, it shows the whole run. */
  if (play && gtw_window_in_day_view (self))
    gtw_window_show_decade (self);
  gtw_playback_set_playing (self->playback, play);
  /* The run may be too short to play: the state says what happened. */
  g_simple_action_set_state (action, g_variant_new_boolean (gtw_playback_get_playing (self->playback)));
}

static void
change_playback_speed (GSimpleAction *action, GVariant *state, gpointer user_data)
{
  GtwWindow *self = GTW_WINDOW (user_data);
  const char *speed = g_variant_get_string (state, NULL);

  if (!gtw_playback_set_speed (self->playback, speed))
    {
      g_autofree char *message =
        g_strdup_printf (_("Unknown playback speed “%s”: use month, 3-months, 6-months, year or 2-years"),
                         speed);

      gtw_window_report_error (self, message);
    }
}

static void
action_playback_step (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtwWindow *self = GTW_WINDOW (user_data);

  gtw_playback_step_months (self->playback, g_variant_get_int32 (parameter));
}

static void
action_playback_start (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  gtw_playback_seek (GTW_WINDOW (user_data)->playback, 0);
}

static void
action_playback_end (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtwWindow *self = GTW_WINDOW (user_data);

  gtw_playback_seek (self->playback, gtw_playback_get_duration (self->playback) - 1);
}

static void
action_playback_stop (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  gtw_playback_seek (GTW_WINDOW (user_data)->playback, -1);
}

static void
change_uncertainty (GSimpleAction *action, GVariant *state, gpointer user_data)
{
  GtwWindow *self = GTW_WINDOW (user_data);

  g_simple_action_set_state (action, state);
  gtw_uncertainty_set_enabled (self->uncertainty, g_variant_get_boolean (state));
}

static void
change_show_mechanisms (GSimpleAction *action, GVariant *state, gpointer user_data)
{
  GtwWindow *self = GTW_WINDOW (user_data);

  g_simple_action_set_state (action, state);
  self->show_mechanisms = g_variant_get_boolean (state);
  gtk_stack_set_visible_child_name (self->view_stack, self->show_mechanisms ? "mechanisms" : "curves");
  gtw_window_sync_panels (self);
}

static void
action_labs (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtwWindow *self = GTW_WINDOW (user_data);

  /* One window of labs per scenario: Ctrl+L again brings it to the front. */
  if (self->labs_window == NULL)
    {
      self->labs_window = gtw_labs_window_new (GTK_WINDOW (self), self->document);
      g_object_add_weak_pointer (G_OBJECT (self->labs_window), (gpointer *) &self->labs_window);
    }
  gtk_window_present (self->labs_window);
}

static const GActionEntry win_entries[] = {
  { "open", action_open },
  { "save", action_save },
  { "save-as", action_save_as },
  { "export-figure", action_export_figure },
  { "export-csv", action_export_csv },
  { "export-handout", action_export_handout },
  { "undo", action_undo },
  { "redo", action_redo },
  { "toggle-sidebar", NULL, NULL, "true", change_sidebar },
  { "toggle-presentation", NULL, NULL, "false", change_presentation },
  { "leave-presentation", action_leave_presentation },
  { "view", NULL, "s", "'decade'", change_view },
  { "play", NULL, NULL, "false", change_play },
  { "playback-speed", NULL, "s", "'" GTW_PLAYBACK_DEFAULT_SPEED "'", change_playback_speed },
  { "playback-step", action_playback_step, "i" },
  { "playback-start", action_playback_start },
  { "playback-end", action_playback_end },
  { "playback-stop", action_playback_stop },
  { "uncertainty", NULL, NULL, "false", change_uncertainty },
  { "show-mechanisms", NULL, NULL, "false", change_show_mechanisms },
  { "labs", action_labs },
};

/* Space plays or pauses, Left and Right step a month (Shift: a year), Home and End go to
 * the ends. They come after the focused widget's own keys, except in presentation mode. */
static GtkEventController *
add_playback_keys (GtwWindow *self)
{
  static const struct { guint key; GdkModifierType mods; const char *action; int months; } keys[] = {
    { GDK_KEY_space, 0, "win.play", 0 },
    { GDK_KEY_Left, 0, "win.playback-step", -1 },
    { GDK_KEY_Right, 0, "win.playback-step", 1 },
    { GDK_KEY_Left, GDK_SHIFT_MASK, "win.playback-step", -12 },
    { GDK_KEY_Right, GDK_SHIFT_MASK, "win.playback-step", 12 },
    { GDK_KEY_Home, 0, "win.playback-start", 0 },
    { GDK_KEY_End, 0, "win.playback-end", 0 },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, keys[i].mods),
                                                gtk_named_action_new (keys[i].action));

      if (keys[i].months != 0)
        gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (keys[i].months));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
  return controller;
}

void
gtw_window_add_actions (GtwWindow *self)
{
  GtkEventController *shortcuts;

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_entries, G_N_ELEMENTS (win_entries), self);
  gtw_presentation_add_actions (self->presenter, G_ACTION_MAP (self));
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                            "leave-presentation")),
                               FALSE);

  /* Escape leaves presentation mode; it does nothing (and goes on to others) otherwise. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("win.leave-presentation")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  self->playback_keys = add_playback_keys (self);
}
