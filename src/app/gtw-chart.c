/* gtw-chart.c: the four stacked panels (glucose, insulin, C-peptide, beta-cell mass), live
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figure itself comes from the shared PLplot renderer, drawn into an image once per change
 * of data, size, view, units, theme or text scale and kept as a texture. The cursor (a line, a
 * dot on every curve, the values and the date) is an overlay of snapshot nodes on top of it,
 * so that following the pointer costs no PLplot at all.
 *
 * This file is the widget: its range, cursor, input, signals and public API; the drawing is
 * in gtw-chart-render.c.
 */
#include "gtw-chart-private.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

G_DEFINE_FINAL_TYPE (GtwChart, gtw_chart, GTK_TYPE_WIDGET)

enum
{
  DAY_ACTIVATED,
  CURSOR_MOVED,
  RANGE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum
{
  PROP_0,
  PROP_HIGH_CONTRAST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---------------------------------------------------------------------------------------- */
/* Range                                                                                    */

static int
duration_days (GtwChart *self)
{
  if (self->trace != NULL)
    return MAX (gtw_trace_get_scenario (self->trace)->duration_days, 1);
  return DEFAULT_DAYS;
}

gboolean
gtw_chart_is_long_view (GtwChart *self)
{
  return self->view != GTW_CHART_VIEW_DAY;
}

static void
emit_range_changed (GtwChart *self)
{
  g_signal_emit (self, signals[RANGE_CHANGED], 0);
}

/* Clamps [first, last] into the run and to a sensible span; TRUE when the range changed. */
static gboolean
set_range (GtwChart *self,
           double    first,
           double    last)
{
  double duration = duration_days (self);
  double span = CLAMP (last - first, MIN (MIN_SPAN_DAYS, duration), duration);

  first = CLAMP (first, 0, duration - span);
  last = first + span;
  if (first == self->first_day && last == self->last_day)
    return FALSE;
  self->first_day = first;
  self->last_day = last;
  g_clear_object (&self->texture);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

/* The range a view starts with: the whole run, a year around the view day, or the day. */
static void
reset_range (GtwChart *self)
{
  double duration = duration_days (self);

  self->zoomed = FALSE;
  self->range_duration = duration_days (self);
  switch (self->view)
    {
    case GTW_CHART_VIEW_YEAR:
      set_range (self, self->view_day + 0.5 - DAYS_PER_YEAR / 2,
                 self->view_day + 0.5 + DAYS_PER_YEAR / 2);
      break;
    case GTW_CHART_VIEW_DAY:
      self->first_day = self->view_day;
      self->last_day = self->view_day + 1;
      g_clear_object (&self->texture);
      break;
    case GTW_CHART_VIEW_DECADE:
    default:
      set_range (self, 0, duration);
      break;
    }
}

static void
plot_edges (GtwChart *self,
            double   *left,
            double   *right)
{
  GtwFigureOptions options;

  gtw_chart_get_figure_options (self, &options);
  gtw_figure_get_plot_edges (&options, left, right);
}

/* The fractional day under widget x, clamped to the plot area. */
static double
day_at_x (GtwChart *self,
          double    x)
{
  double left, right;

  plot_edges (self, &left, &right);
  if (right <= left)
    return self->first_day;
  x = CLAMP (x, left, right);
  return self->first_day + (x - left) / (right - left) * (self->last_day - self->first_day);
}

static void
zoom_around (GtwChart *self,
             double    anchor_day,
             double    factor)
{
  double first, last;

  if (!gtw_chart_is_long_view (self))
    return;
  first = anchor_day - (anchor_day - self->first_day) * factor;
  last = anchor_day + (self->last_day - anchor_day) * factor;
  if (set_range (self, first, last))
    {
      self->zoomed = TRUE;
      emit_range_changed (self);
    }
}

/* ---------------------------------------------------------------------------------------- */
/* Cursor                                                                                   */

/* The whole days that exist under the cursor: those of the run, filled or not. */
static double
clamp_cursor (GtwChart *self,
              double    cursor)
{
  if (gtw_chart_is_long_view (self))
    return CLAMP (round (cursor), 0, duration_days (self) - 1);
  return CLAMP (cursor, self->view_day, self->view_day + 1439.0 / 1440);
}

static void
emit_cursor_day (GtwChart *self,
                 int       day)
{
  if (day == self->cursor_emitted)
    return;
  self->cursor_emitted = day;
  g_signal_emit (self, signals[CURSOR_MOVED], 0, day);
}

static void
set_cursor (GtwChart *self,
            double    cursor)
{
  cursor = clamp_cursor (self, cursor);
  if (self->cursor_shown && cursor == self->cursor)
    return;
  self->cursor_shown = TRUE;
  self->cursor = cursor;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  emit_cursor_day (self, gtw_chart_is_long_view (self) ? (int) cursor : self->view_day);
}

static void
hide_cursor (GtwChart *self)
{
  if (self->cursor_shown)
    gtk_widget_queue_draw (GTK_WIDGET (self));
  self->cursor_shown = FALSE;
  emit_cursor_day (self, -1);
}

/* Keeps a keyboard-moved cursor in sight by panning. */
static void
reveal_cursor (GtwChart *self)
{
  double span = self->last_day - self->first_day;

  gboolean moved = FALSE;

  if (!gtw_chart_is_long_view (self))
    return;
  if (self->cursor < self->first_day)
    moved = set_range (self, self->cursor, self->cursor + span);
  else if (self->cursor > self->last_day)
    moved = set_range (self, self->cursor - span, self->cursor);
  if (moved)
    {
      self->zoomed = TRUE;
      emit_range_changed (self);
    }
}

/* The margins follow the size and the text scale; the timeline follows them. */
static void
update_margins (GtwChart *self)
{
  int margin_left, margin_right;

  gtw_chart_get_margins (self, &margin_left, &margin_right);
  if (margin_left != self->margin_left || margin_right != self->margin_right)
    {
      self->margin_left = margin_left;
      self->margin_right = margin_right;
      emit_range_changed (self);
    }
}

static void
gtw_chart_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  update_margins (GTW_CHART (widget));
}

/* ---------------------------------------------------------------------------------------- */
/* Input                                                                                    */

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           GtwChart                 *self)
{
  self->pointer_x = x;
  self->pointer_inside = TRUE;
  set_cursor (self, day_at_x (self, x));
}

static void
on_leave (GtkEventControllerMotion *controller,
          GtwChart                 *self)
{
  self->pointer_inside = FALSE;
  hide_cursor (self);
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           GtwChart                 *self)
{
  double anchor, span = self->last_day - self->first_day;

  if (!gtw_chart_is_long_view (self) || (dx == 0 && dy == 0))
    return FALSE;
  /* a touchpad's sideways swipe pans, a twentieth of the range per step */
  if (fabs (dx) > fabs (dy))
    {
      if (set_range (self, self->first_day + dx * span / 20, self->last_day + dx * span / 20))
        {
          self->zoomed = TRUE;
          emit_range_changed (self);
        }
      return TRUE;
    }
  anchor = self->pointer_inside ? day_at_x (self, self->pointer_x)
                                : (self->first_day + self->last_day) / 2;
  zoom_around (self, anchor, pow (ZOOM_STEP, dy));
  return TRUE;
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               GtwChart       *self)
{
  self->drag_x = x;
  self->drag_y = y;
  self->drag_first_day = self->first_day;
  self->dragged = FALSE;
  if (gtk_widget_get_focus_on_click (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                GtwChart       *self)
{
  double left, right, span = self->last_day - self->first_day;

  if (!gtw_chart_is_long_view (self))
    return;
  if (!self->dragged && fabs (offset_x) < CLICK_SLOP_PX && fabs (offset_y) < CLICK_SLOP_PX)
    return;
  if (!self->dragged)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
  self->dragged = TRUE;
  plot_edges (self, &left, &right);
  if (right <= left)
    return;
  if (set_range (self, self->drag_first_day - offset_x / (right - left) * span,
                 self->drag_first_day - offset_x / (right - left) * span + span))
    {
      self->zoomed = TRUE;
      emit_range_changed (self);
    }
  if (self->pointer_inside)
    set_cursor (self, day_at_x (self, self->drag_x + offset_x));
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          offset_x,
             double          offset_y,
             GtwChart       *self)
{
  if (self->dragged)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "crosshair");
  if (self->dragged || !gtw_chart_is_long_view (self))
    return;
  /* a click on the title, the legend or the lanes above the panels opens nothing */
  if (self->have_geometry && self->drag_y < self->geometry.panels[0].top)
    return;
  g_signal_emit (self, signals[DAY_ACTIVATED], 0, (int) clamp_cursor (self, day_at_x (self, self->drag_x)));
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtwChart              *self)
{
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;
  /* a day (a month) in the long views, a minute (a quarter of an hour) in the day view */
  double step = gtw_chart_is_long_view (self) ? (shift ? DAYS_PER_YEAR / 12 : 1) : (shift ? 15 : 1) / 1440.0;
  double cursor = self->cursor_shown ? self->cursor : (self->first_day + self->last_day) / 2;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      set_cursor (self, self->cursor_shown ? cursor - step : cursor);
      reveal_cursor (self);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      set_cursor (self, self->cursor_shown ? cursor + step : cursor);
      reveal_cursor (self);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
      if (!gtw_chart_is_long_view (self))
        return FALSE;
      set_cursor (self, cursor);
      g_signal_emit (self, signals[DAY_ACTIVATED], 0, (int) self->cursor);
      return TRUE;
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      zoom_around (self, cursor, 1 / ZOOM_STEP);
      return gtw_chart_is_long_view (self);
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      zoom_around (self, cursor, ZOOM_STEP);
      return gtw_chart_is_long_view (self);
    default:
      return FALSE;
    }
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                GtwChart                *self)
{
  if (!self->pointer_inside)
    hide_cursor (self);
}

/* ---------------------------------------------------------------------------------------- */
/* Theme                                                                                    */

static void
update_font_scale (GtwChart *self)
{
  int dpi = 0;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-xft-dpi", &dpi, NULL);
  /* GNOME's text scaling arrives as the Xft DPI, in 1024ths of a dot per inch */
  self->font_scale = dpi > 0 ? CLAMP (dpi / 1024.0 / 96.0, 0.5, 3.0) : 1.0;
  gtw_chart_invalidate (self);
  update_margins (self);
}

static void
gtw_chart_root (GtkWidget *widget)
{
  GtwChart *self = GTW_CHART (widget);

  GTK_WIDGET_CLASS (gtw_chart_parent_class)->root (widget);
  g_signal_connect_object (gtk_widget_get_settings (widget), "notify::gtk-xft-dpi",
                           G_CALLBACK (update_font_scale), self, G_CONNECT_SWAPPED);
  update_font_scale (self);
}

static void
gtw_chart_unroot (GtkWidget *widget)
{
  g_signal_handlers_disconnect_by_func (gtk_widget_get_settings (widget), update_font_scale, widget);
  GTK_WIDGET_CLASS (gtw_chart_parent_class)->unroot (widget);
}

static void
gtw_chart_dispose (GObject *object)
{
  GtwChart *self = GTW_CHART (object);

  g_clear_pointer (&self->trace, gtw_trace_unref);
  g_clear_pointer (&self->baseline, gtw_trace_unref);
  g_clear_pointer (&self->failure, g_free);
  g_clear_pointer (&self->day, gtw_day_detail_free);
  g_clear_pointer (&self->baseline_day, gtw_day_detail_free);
  g_clear_pointer (&self->story, g_ptr_array_unref);
  g_clear_pointer (&self->baseline_story, g_ptr_array_unref);
  g_clear_object (&self->texture);
  g_clear_object (&self->previous);
  g_clear_object (&self->previous_unrevealed);
  g_clear_object (&self->unrevealed);
  g_clear_pointer (&self->labels, g_array_unref);
  g_clear_pointer (&self->population, gtw_population_free);

  G_OBJECT_CLASS (gtw_chart_parent_class)->dispose (object);
}

static void
gtw_chart_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  GtwChart *self = GTW_CHART (object);

  switch (prop_id)
    {
    case PROP_HIGH_CONTRAST:
      g_value_set_boolean (value, self->high_contrast);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gtw_chart_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  GtwChart *self = GTW_CHART (object);

  switch (prop_id)
    {
    case PROP_HIGH_CONTRAST:
      gtw_chart_set_high_contrast (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gtw_chart_class_init (GtwChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gtw_chart_dispose;
  object_class->get_property = gtw_chart_get_property;
  object_class->set_property = gtw_chart_set_property;
  widget_class->snapshot = gtw_chart_snapshot;
  widget_class->size_allocate = gtw_chart_size_allocate;
  widget_class->root = gtw_chart_root;
  widget_class->unroot = gtw_chart_unroot;

  signals[DAY_ACTIVATED] = g_signal_new ("day-activated", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, G_TYPE_INT);
  signals[CURSOR_MOVED] = g_signal_new ("cursor-moved", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_INT);
  signals[RANGE_CHANGED] = g_signal_new ("range-changed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 0);

  properties[PROP_HIGH_CONTRAST] =
    g_param_spec_boolean ("high-contrast", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
gtw_chart_init (GtwChart *self)
{
  GtkEventController *controller;
  GtkGesture *drag;

  self->view = GTW_CHART_VIEW_DECADE;
  self->show_baseline = TRUE;
  self->show_band = TRUE;
  self->font_scale = 1.0;
  self->high_contrast = TRUE;
  self->curves = GTW_CHART_CURVES_ALL;
  self->reveal_day = -1;
  self->labels = g_array_new (FALSE, FALSE, sizeof (GtwChartLabel));
  self->cursor_emitted = -1;
  self->margin_left = -1;
  self->margin_right = -1;
  reset_range (self);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self), 360, 320);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "crosshair");

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (gtw_chart_query_tooltip), NULL);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtw_chart_invalidate), self, G_CONNECT_SWAPPED);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Chart"), -1);
  gtw_chart_update_description (self);
}

/* ---------------------------------------------------------------------------------------- */
/* Public API                                                                               */

GtkWidget *
gtw_chart_new (void)
{
  return g_object_new (GTW_TYPE_CHART, NULL);
}

void
gtw_chart_set_traces (GtwChart *self,
                      GtwTrace *trace,
                      GtwTrace *baseline)
{
  g_return_if_fail (GTW_IS_CHART (self));

  if (trace != NULL)
    gtw_trace_ref (trace);
  if (baseline != NULL)
    gtw_trace_ref (baseline);
  g_clear_pointer (&self->trace, gtw_trace_unref);
  g_clear_pointer (&self->baseline, gtw_trace_unref);
  g_clear_pointer (&self->failure, g_free);
  self->trace = trace;
  self->baseline = baseline;
  if (trace != NULL)
    self->view_day = CLAMP (self->view_day_asked, 0, duration_days (self) - 1);
  g_set_object (&self->previous, self->texture);
  g_set_object (&self->previous_unrevealed, self->unrevealed);

  /* a new run of the same length keeps the zoom; another length starts the view afresh */
  if (duration_days (self) != self->range_duration || !self->zoomed)
    {
      double first = self->first_day, last = self->last_day;

      reset_range (self);
      if (first != self->first_day || last != self->last_day)
        emit_range_changed (self);
    }
  if (self->cursor_shown)
    self->cursor = clamp_cursor (self, self->cursor);
  gtw_chart_update_story (self);
  gtw_chart_invalidate (self);
  gtw_chart_update_description (self);
}

void
gtw_chart_traces_changed (GtwChart *self)
{
  g_return_if_fail (GTW_IS_CHART (self));

  gtw_chart_update_story (self);
  if (self->view != GTW_CHART_VIEW_DAY)
    gtw_chart_invalidate (self);
  gtw_chart_update_description (self);
}

void
gtw_chart_take_day_detail (GtwChart     *self,
                           GtwDayDetail *day,
                           GtwDayDetail *baseline_day)
{
  g_return_if_fail (GTW_IS_CHART (self));

  g_clear_pointer (&self->day, gtw_day_detail_free);
  g_clear_pointer (&self->baseline_day, gtw_day_detail_free);
  self->day = day;
  self->baseline_day = baseline_day;
  if (self->view == GTW_CHART_VIEW_DAY)
    gtw_chart_invalidate (self);
  gtw_chart_update_description (self);
}

void
gtw_chart_set_view (GtwChart     *self,
                    GtwChartView  view,
                    int           day)
{
  g_return_if_fail (GTW_IS_CHART (self));
  g_return_if_fail (view <= GTW_CHART_VIEW_DAY);

  self->view = view;
  /* The window holds the day to its scenario's length; the trace shown may still be the last
   * run's, or none (the command line's --view day:N before the first run), so the day asked
   * for is kept, and held to the length of each trace as it comes (gtw_chart_set_traces ()):
   * the last run's trace may come once more before the new one. */
  self->view_day_asked = MAX (day, 0);
  self->view_day = self->view_day_asked;
  reset_range (self);
  self->cursor_shown = FALSE;
  gtw_chart_invalidate (self);
  gtw_chart_update_description (self);
  emit_range_changed (self);
}

GtwChartView
gtw_chart_get_view (GtwChart *self)
{
  g_return_val_if_fail (GTW_IS_CHART (self), GTW_CHART_VIEW_DECADE);

  return self->view;
}

int
gtw_chart_get_view_day (GtwChart *self)
{
  g_return_val_if_fail (GTW_IS_CHART (self), 0);

  return self->view_day;
}

void
gtw_chart_set_units (GtwChart              *self,
                     const GtwDisplayUnits *units)
{
  g_return_if_fail (GTW_IS_CHART (self));
  g_return_if_fail (units != NULL);

  if (memcmp (&self->units, units, sizeof *units) == 0)
    return;
  self->units = *units;
  gtw_chart_update_story (self);
  gtw_chart_invalidate (self);
  gtw_chart_update_description (self);
}

/* The run failed: the placeholder says why, in place of the promise of curves, until a run
 * shows again (gtw_chart_set_traces ()). A toast is gone in seconds; this stays. */
void
gtw_chart_set_failure (GtwChart   *self,
                       const char *message)
{
  g_return_if_fail (GTW_IS_CHART (self));

  g_free (self->failure);
  self->failure = g_strdup (message);
  gtw_chart_invalidate (self);
}

const char *
gtw_chart_get_failure (GtwChart *self)
{
  g_return_val_if_fail (GTW_IS_CHART (self), NULL);

  return self->failure;
}

void
gtw_chart_set_show_baseline (GtwChart *self,
                             gboolean  show)
{
  g_return_if_fail (GTW_IS_CHART (self));

  if (self->show_baseline == !!show)
    return;
  self->show_baseline = !!show;
  gtw_chart_invalidate (self);
  gtw_chart_update_description (self);
}

void
gtw_chart_set_show_band (GtwChart *self,
                         gboolean  show)
{
  g_return_if_fail (GTW_IS_CHART (self));

  if (self->show_band == !!show)
    return;
  self->show_band = !!show;
  gtw_chart_invalidate (self);
}

void
gtw_chart_set_presentation (GtwChart *self,
                            gboolean  presentation)
{
  g_return_if_fail (GTW_IS_CHART (self));

  if (self->presentation == !!presentation)
    return;
  self->presentation = !!presentation;
  gtw_chart_invalidate (self);
  update_margins (self);
}

gboolean
gtw_chart_get_presentation (GtwChart *self)
{
  g_return_val_if_fail (GTW_IS_CHART (self), FALSE);

  return self->presentation;
}

void
gtw_chart_set_high_contrast (GtwChart *self,
                             gboolean  high_contrast)
{
  g_return_if_fail (GTW_IS_CHART (self));

  if (self->high_contrast == !!high_contrast)
    return;
  self->high_contrast = !!high_contrast;
  if (self->presentation)
    gtw_chart_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGH_CONTRAST]);
}

gboolean
gtw_chart_get_high_contrast (GtwChart *self)
{
  g_return_val_if_fail (GTW_IS_CHART (self), TRUE);

  return self->high_contrast;
}

void
gtw_chart_set_visible_curves (GtwChart       *self,
                              GtwChartCurves  curves)
{
  g_return_if_fail (GTW_IS_CHART (self));

  curves &= GTW_CHART_CURVES_ALL;
  if (curves == 0)
    curves = GTW_CHART_CURVES_ALL;
  if (self->curves == curves)
    return;
  self->curves = curves;
  gtw_chart_invalidate (self);
  gtw_chart_update_description (self);
}

GtwChartCurves
gtw_chart_get_visible_curves (GtwChart *self)
{
  g_return_val_if_fail (GTW_IS_CHART (self), GTW_CHART_CURVES_ALL);

  return self->curves;
}

void
gtw_chart_set_reveal_day (GtwChart *self,
                          int       day)
{
  g_return_if_fail (GTW_IS_CHART (self));

  day = MAX (day, -1);
  if (self->reveal_day == day)
    return;
  /* the revealed figure is two cached pictures cut at the day: no new figure per frame */
  if ((self->reveal_day < 0) != (day < 0))
    g_clear_object (&self->unrevealed);
  self->reveal_day = day;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
gtw_chart_get_reveal_day (GtwChart *self)
{
  g_return_val_if_fail (GTW_IS_CHART (self), -1);

  return self->reveal_day;
}

void
gtw_chart_set_population (GtwChart      *self,
                          GtwPopulation *population)
{
  g_return_if_fail (GTW_IS_CHART (self));

  if (self->population == population)
    return;
  g_clear_pointer (&self->population, gtw_population_free);
  self->population = population;
  gtw_chart_invalidate (self);
  gtw_chart_update_description (self);
}

gboolean
gtw_chart_has_population (GtwChart *self)
{
  g_return_val_if_fail (GTW_IS_CHART (self), FALSE);

  return self->population != NULL;
}

void
gtw_chart_get_range (GtwChart *self,
                     double   *first_day,
                     double   *last_day)
{
  g_return_if_fail (GTW_IS_CHART (self));

  if (first_day != NULL)
    *first_day = self->first_day;
  if (last_day != NULL)
    *last_day = self->last_day;
}

void
gtw_chart_get_margins (GtwChart *self,
                       int      *left_px,
                       int      *right_px)
{
  double left, right;

  g_return_if_fail (GTW_IS_CHART (self));

  plot_edges (self, &left, &right);
  if (left_px != NULL)
    *left_px = (int) round (left);
  if (right_px != NULL)
    *right_px = MAX (gtk_widget_get_width (GTK_WIDGET (self)) - (int) round (right), 0);
}

void
gtw_chart_get_figure_options (GtwChart         *self,
                              GtwFigureOptions *options)
{
  g_return_if_fail (GTW_IS_CHART (self));
  g_return_if_fail (options != NULL);

  gtw_figure_options_init (options);
  switch (self->view)
    {
    case GTW_CHART_VIEW_DAY:
      options->view = GTW_FIGURE_VIEW_DAY;
      break;
    case GTW_CHART_VIEW_YEAR:
      options->view = GTW_FIGURE_VIEW_YEAR;
      break;
    case GTW_CHART_VIEW_DECADE:
    default:
      options->view = GTW_FIGURE_VIEW_DECADE;
      break;
    }
  options->width = gtk_widget_get_width (GTK_WIDGET (self));
  options->height = gtk_widget_get_height (GTK_WIDGET (self));
  options->glucose_unit = self->units.glucose;
  options->insulin_unit = self->units.insulin;
  options->cpeptide_unit = self->units.cpeptide;
  options->dark = gtw_chart_is_dark ();
  options->show_baseline = self->show_baseline;
  options->show_band = self->show_band;
  options->font_scale = gtw_chart_figure_text_scale (self);
  options->presentation = self->presentation;
  options->high_contrast = self->presentation && self->high_contrast;
  options->panels = self->curves;
  if (gtw_chart_is_long_view (self))
    {
      options->first_day = self->first_day;
      options->last_day = self->last_day;
      options->reveal = self->reveal_day >= 0;
      options->reveal_day = self->reveal_day;
      options->population = self->population;
    }
  else if (self->trace != NULL)
    {
      /* "Scenario: day N", as glucotwin-cli plot titles it */
      options->title = gtw_trace_get_scenario (self->trace)->name;
    }
}

