/* gtw-window-views.c: the main window's views: the chart's ranges and day, playback, the
 * uncertainty bands, presentation mode and the mechanism map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include <glib/gi18n.h>

#include "gtw-ogtt-window.h"
#include "gtw-window-private.h"

/* ---------------------------------------------------------------------------------------- */
/* The chart's day and range                                                                */

static void
on_cursor_moved (GtwWindow *self,
                 int        day,
                 GtwChart  *chart)
{
  self->cursor_day = day;
  gtw_window_update_markers (self);
}

static void
on_day_activated (GtwWindow *self,
                  int        day,
                  GtwChart  *chart)
{
  gtw_window_show_day (self, day);
}

static void
sync_view_action (GtwWindow *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "view");
  const char *state;

  switch (gtw_chart_get_view (self->chart))
    {
    case GTW_CHART_VIEW_YEAR:
      state = "year";
      break;
    case GTW_CHART_VIEW_DAY:
      state = "day";
      break;
    case GTW_CHART_VIEW_DECADE:
    default:
      state = "decade";
      break;
    }
  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (state));
}

static void
on_range_changed (GtwWindow *self,
                  GtwChart  *chart)
{
  double first, last;
  int left, right;

  gtw_chart_get_range (chart, &first, &last);
  gtw_chart_get_margins (chart, &left, &right);
  /* Before its first allocation the chart has no range yet. */
  if (last > first)
    gtw_timeline_set_range (self->timeline, first, last);
  gtw_timeline_set_margins (self->timeline, left, right);
  sync_view_action (self);
}

static void
on_ogtt_requested (GtwWindow       *self,
                   int              day,
                   GtwMarkersPanel *panel)
{
  GtwTrace *trace = gtw_window_current_trace (self);
  g_autoptr (GtwOgttResult) result = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *window;

  if (trace == NULL || day < 0 || gtw_trace_get_n_days (trace) <= (guint) day)
    {
      gtw_window_report_error (self, _("That day has not been simulated yet"));
      return;
    }
  result = gtw_trace_run_ogtt (trace, day, &error);
  if (result == NULL)
    {
      gtw_window_report_error (self, error->message);
      return;
    }
  window = gtw_ogtt_window_new (GTK_WINDOW (self), result, &self->units);
  gtk_window_present (GTK_WINDOW (window));
}

/* ---------------------------------------------------------------------------------------- */
/* Views                                                                                    */

static int
default_view_day (GtwWindow *self)
{
  if (self->cursor_day >= 0)
    return self->cursor_day;
  if (gtw_window_in_day_view (self) || gtw_chart_get_view (self->chart) == GTW_CHART_VIEW_YEAR)
    return self->view_day;
  return self->markers_day;
}

void
gtw_window_show_day (GtwWindow *self,
                     int        day)
{
  const GtwScenario *scenario;

  g_return_if_fail (GTW_IS_WINDOW (self));

  scenario = gtw_document_get_scenario (self->document);
  self->view_day = CLAMP (day, 0, scenario->duration_days - 1);
  self->detail_trace = NULL;
  self->detail_baseline = NULL;
  gtw_chart_set_view (self->chart, GTW_CHART_VIEW_DAY, self->view_day);
  sync_view_action (self);
  gtw_window_update_day_detail (self);
  gtw_window_update_markers (self);
}

static void
show_year (GtwWindow *self, int day)
{
  const GtwScenario *scenario = gtw_document_get_scenario (self->document);

  self->view_day = CLAMP (day, 0, scenario->duration_days - 1);
  gtw_chart_set_view (self->chart, GTW_CHART_VIEW_YEAR, self->view_day);
  sync_view_action (self);
  gtw_window_update_markers (self);
}

void
gtw_window_show_decade (GtwWindow *self)
{
  gtw_chart_set_view (self->chart, GTW_CHART_VIEW_DECADE, 0);
  sync_view_action (self);
  gtw_window_update_markers (self);
}

/* "name" or "name:N"; *day is -1 without a number. */
static gboolean
parse_view (const char *view, const char *name, int *day)
{
  gsize len = strlen (name);
  guint64 n;

  if (!g_str_has_prefix (view, name))
    return FALSE;
  if (view[len] == '\0')
    {
      *day = -1;
      return TRUE;
    }
  if (view[len] != ':' || !g_ascii_string_to_unsigned (view + len + 1, 10, 0, G_MAXINT, &n, NULL))
    return FALSE;
  *day = (int) n;
  return TRUE;
}

gboolean
gtw_window_set_view (GtwWindow  *self,
                     const char *view,
                     GError    **error)
{
  const GtwScenario *scenario;
  int day = -1;

  g_return_val_if_fail (GTW_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (view != NULL, FALSE);

  scenario = gtw_document_get_scenario (self->document);
  if (g_str_equal (view, "decade"))
    {
      gtw_window_show_decade (self);
      return TRUE;
    }
  if (parse_view (view, "year", &day) || parse_view (view, "day", &day))
    {
      if (day >= scenario->duration_days)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("Day %d is outside the run (days 0 to %d)"), day, scenario->duration_days - 1);
          return FALSE;
        }
      if (day < 0)
        day = default_view_day (self);
      if (view[0] == 'y')
        show_year (self, day);
      else
        gtw_window_show_day (self, day);
      return TRUE;
    }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("Unknown view “%s”: use decade, year, year:N or day:N"), view);
  return FALSE;
}

/* ---------------------------------------------------------------------------------------- */
/* Playback                                                                                 */

/* As the markers panel and the chart's "now" line name a day. */
static char *
format_day (int day)
{
  return g_strdup_printf (_("Year %d, day %d"), day / 365 + 1, day % 365 + 1);
}

/* Under the chart while playing or paused; always in presentation mode. */
static void
sync_playback_bar (GtwWindow *self)
{
  gtk_widget_set_visible (self->playback_bar,
                          self->presentation || gtw_playback_get_active (self->playback));
}

static void
on_playback_day (GtwWindow *self)
{
  int day = gtw_playback_get_day (self->playback);
  gint64 now = g_get_monotonic_time ();

  gtw_chart_set_reveal_day (self->chart, day);
  /* The map is cheap to redraw: it follows every frame, the text of the markers less often. */
  if (day >= 0)
    gtw_mechanism_map_set_day (self->mechanism_map, day);
  sync_playback_bar (self);
  if (day >= 0)
    {
      g_autofree char *label = format_day (day);

      self->syncing_scale = TRUE;
      gtk_adjustment_set_value (self->playback_adjustment, day);
      self->syncing_scale = FALSE;
      /* The chart's "now" line and the markers name the day on screen; this is for screen readers. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->playback_scale),
                                      GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, label, -1);
    }
  /* While playing, the markers' text follows at the pace of a streaming run. */
  if (!gtw_playback_get_playing (self->playback) || now - self->last_markers >= REFRESH_INTERVAL_MS * 1000)
    {
      self->last_markers = now;
      gtw_window_update_markers (self);
    }
}

static void
on_playback_playing (GtwWindow *self)
{
  gboolean playing = gtw_playback_get_playing (self->playback);
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "play");

  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (playing));
  gtk_button_set_icon_name (self->play_button,
                            playing ? "media-playback-pause-symbolic" : "media-playback-start-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->play_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  playing ? _("Pause") : _("Play"), -1);
  adw_button_content_set_icon_name (self->play_run_content, playing ? "media-playback-pause-symbolic"
                                                                    : "media-playback-start-symbolic");
  adw_button_content_set_label (self->play_run_content, playing ? _("_Pause") : _("_Play"));
  gtw_window_update_markers (self);
}

static void
on_playback_speed (GtwWindow *self)
{
  const char *speed = gtw_playback_get_speed (self->playback);
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "playback-speed");

  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (speed));
  gtk_menu_button_set_label (self->speed_button, gtw_playback_speed_label (speed));
}

static void
on_playback_scrubbed (GtwWindow *self)
{
  if (!self->syncing_scale)
    gtw_playback_seek (self->playback, (int) round (gtk_adjustment_get_value (self->playback_adjustment)));
}

GtwPlayback *
gtw_window_get_playback (GtwWindow *self)
{
  g_return_val_if_fail (GTW_IS_WINDOW (self), NULL);
  return self->playback;
}

GtwUncertainty *
gtw_window_get_uncertainty (GtwWindow *self)
{
  g_return_val_if_fail (GTW_IS_WINDOW (self), NULL);
  return self->uncertainty;
}

GtwMechanismMap *
gtw_window_get_mechanism_map (GtwWindow *self)
{
  g_return_val_if_fail (GTW_IS_WINDOW (self), NULL);
  return self->mechanism_map;
}

/* ---------------------------------------------------------------------------------------- */
/* Uncertainty bands                                                                        */

static void
on_uncertainty_running (GtwWindow *self)
{
  gboolean running = gtw_uncertainty_get_running (self->uncertainty);

  gtk_widget_set_visible (self->uncertainty_spinner, running);
  gtk_spinner_set_spinning (GTK_SPINNER (self->uncertainty_spinner), running);
}

static void
on_uncertainty_finished (GtwWindow      *self,
                         gboolean        success,
                         GtwUncertainty *uncertainty)
{
  const GError *error = gtw_uncertainty_get_error (uncertainty);
  g_autofree char *message = NULL;

  if (success || error == NULL)
    return;
  message = g_strdup_printf (_("The uncertainty bands could not be computed: %s"), error->message);
  gtw_window_report_error (self, message);
}

/* ---------------------------------------------------------------------------------------- */
/* Presentation and the mechanism map                                                       */

/* The patient panel as the user left it, and the markers panel, beside the curves; the
 * mechanism map and presentation mode have the window to themselves. Presenting the map,
 * its badges show the interventions: the timeline's large blocks would only take its room. */
void
gtw_window_sync_panels (GtwWindow *self)
{
  gboolean panels = !self->presentation && !self->show_mechanisms;
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "toggle-sidebar");

  adw_flap_set_reveal_flap (self->flap, panels && g_settings_get_boolean (self->settings, "sidebar-visible"));
  gtk_widget_set_visible (self->markers_sidebar, panels);
  gtk_widget_set_visible (self->markers_separator, panels);
  gtk_widget_set_visible (GTK_WIDGET (self->timeline), !(self->presentation && self->show_mechanisms));
  /* the curves to present mean nothing to the map */
  gtk_widget_set_visible (self->curves_button, self->presentation && !self->show_mechanisms);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), panels);
}

void
gtw_window_set_presentation (GtwWindow *self,
                             gboolean   presentation)
{
  GAction *action;

  g_return_if_fail (GTW_IS_WINDOW (self));

  presentation = !!presentation;
  if (self->presentation == presentation)
    return;
  self->presentation = presentation;

  if (presentation)
    {
      gtk_window_fullscreen (GTK_WINDOW (self));
      gtk_widget_add_css_class (GTK_WIDGET (self), "presentation");
    }
  else
    {
      gtk_window_unfullscreen (GTK_WINDOW (self));
      gtk_widget_remove_css_class (GTK_WIDGET (self), "presentation");
    }
  gtw_window_sync_panels (self);
  gtw_presentation_set_active (self->presenter, presentation);
  gtk_widget_set_visible (self->header_bar, !presentation);
  gtk_widget_set_visible (self->timeline_toolbar, !presentation);
  gtk_widget_set_visible (self->bar_mechanisms_button, presentation);
  gtk_widget_set_visible (self->leave_button, presentation);
  gtk_widget_set_visible (self->playback_close_button, !presentation);
  sync_playback_bar (self);
  /* Nothing to type into in presentation mode: the playback keys come before any widget's. */
  gtk_event_controller_set_propagation_phase (self->playback_keys,
                                              presentation ? GTK_PHASE_CAPTURE : GTK_PHASE_BUBBLE);

  action = g_action_map_lookup_action (G_ACTION_MAP (self), "toggle-presentation");
  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (presentation));
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "leave-presentation");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), presentation);
}

gboolean
gtw_window_get_presentation (GtwWindow *self)
{
  g_return_val_if_fail (GTW_IS_WINDOW (self), FALSE);

  return self->presentation;
}

/* ---------------------------------------------------------------------------------------- */
/* Set-up                                                                                   */

void
gtw_window_init_views (GtwWindow *self)
{
  g_signal_connect_object (self->chart, "cursor-moved", G_CALLBACK (on_cursor_moved), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->chart, "day-activated", G_CALLBACK (on_day_activated), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->chart, "range-changed", G_CALLBACK (on_range_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->markers_panel, "ogtt-requested", G_CALLBACK (on_ogtt_requested), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect_object (self->playback, "notify::day", G_CALLBACK (on_playback_day), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->playback, "notify::playing", G_CALLBACK (on_playback_playing), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->playback, "notify::speed", G_CALLBACK (on_playback_speed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->playback_adjustment, "value-changed", G_CALLBACK (on_playback_scrubbed),
                           self, G_CONNECT_SWAPPED);
  on_playback_speed (self);
  g_signal_connect_object (self->uncertainty, "notify::running", G_CALLBACK (on_uncertainty_running), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->uncertainty, "finished", G_CALLBACK (on_uncertainty_finished), self,
                           G_CONNECT_SWAPPED);
}
