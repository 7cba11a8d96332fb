/* gtw-timeline-input.c: the timeline's pointer, keyboard, drop and tooltip handling
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change goes through the public editing functions of gtw-timeline.c; a drag only
 * changes the preview until the button is released.
 */
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "gtw-intervention-style.h"
#include "gtw-timeline-private.h"

/* Pointer: click to select and edit, drag the body to move, drag an edge to resize */

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               GtwTimeline    *self)
{
  DragMode zone = DRAG_NONE;
  int index = gtw_timeline_block_at (self, x, y, &zone);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->drag_mode = DRAG_NONE;
  self->drag_index = -1;
  self->drag_active = FALSE;

  if (index < 0)
    {
      gtw_timeline_set_selected (self, -1);
      return;
    }

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtw_timeline_set_selected (self, index);
  self->drag_mode = zone;
  self->drag_index = index;
  self->drag_preview = *get_iv (self, index);
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                GtwTimeline    *self)
{
  const GtwIntervention *iv;
  GtwIntervention preview;
  double delta;
  int end;

  if (self->drag_mode == DRAG_NONE || !valid_index (self, self->drag_index))
    return;
  if (!self->drag_active
      && !gtk_drag_check_threshold (GTK_WIDGET (self), 0, 0, (int) offset_x, (int) offset_y))
    return;

  iv = get_iv (self, self->drag_index);
  preview = *iv;
  delta = offset_x / pixels_per_day (self);
  end = effective_end (self, iv);

  switch (self->drag_mode)
    {
    case DRAG_MOVE:
      {
        int start = CLAMP (gtw_timeline_snap_day (self, iv->start_day + delta, iv->start_day), 0,
                           self->duration_days - 1);

        preview.start_day = start;
        if (iv->end_day >= 0)
          preview.end_day = iv->end_day + (start - iv->start_day);
      }
      break;
    case DRAG_START:
      preview.start_day = CLAMP (gtw_timeline_snap_day (self, iv->start_day + delta, end + 1),
                                 0, end);
      break;
    case DRAG_END:
      end = MAX (gtw_timeline_snap_day (self, end + 1 + delta, iv->start_day) - 1, iv->start_day);
      /* Pulled to the end of the run, a block runs on to the end, whatever its length. */
      preview.end_day = end >= self->duration_days - 1 ? -1 : end;
      break;
    case DRAG_NONE:
    default:
      g_assert_not_reached ();
    }

  if (!self->drag_active)
    {
      self->drag_active = TRUE;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                       self->drag_mode == DRAG_MOVE ? "grabbing" : "ew-resize");
    }
  self->drag_preview = preview;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_reset (GtwTimeline *self)
{
  self->drag_mode = DRAG_NONE;
  self->drag_index = -1;
  self->drag_active = FALSE;
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          offset_x,
             double          offset_y,
             GtwTimeline    *self)
{
  DragMode mode = self->drag_mode;
  int index = self->drag_index;
  gboolean active = self->drag_active;
  GtwIntervention preview = self->drag_preview;

  if (mode == DRAG_NONE || !valid_index (self, index))
    return;

  drag_reset (self);
  if (!active)
    {
      gtw_timeline_open_editor (self);
      return;
    }

  if (mode == DRAG_MOVE)
    gtw_timeline_move (self, index, preview.start_day - get_iv (self, index)->start_day);
  else
    gtw_timeline_resize (self, index, preview.start_day, preview.end_day);
}

static void
drag_cancel_cb (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                GtwTimeline      *self)
{
  drag_reset (self);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           GtwTimeline              *self)
{
  DragMode zone = DRAG_NONE;
  const char *cursor = NULL;

  if (self->drag_active)
    return;
  if (gtw_timeline_block_at (self, x, y, &zone) >= 0)
    cursor = zone == DRAG_MOVE ? "grab" : "ew-resize";
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor);
}

/* Keyboard */

static void
select_neighbour (GtwTimeline *self,
                  int          direction)
{
  g_autofree int *order = gtw_timeline_visual_order (self);
  int n = (int) self->interventions->len;
  int pos = -1;

  if (n == 0)
    return;
  for (int k = 0; k < n; k++)
    if (order[k] == self->selected)
      pos = k;

  if (pos < 0)
    pos = direction > 0 ? 0 : n - 1;
  else
    pos = CLAMP (pos + direction, 0, n - 1);
  gtw_timeline_set_selected (self, order[pos]);
}

static void
resize_end_by (GtwTimeline *self,
               int          delta)
{
  const GtwIntervention *iv = get_iv (self, self->selected);
  int end = effective_end (self, iv) + delta;

  if (end < iv->start_day)
    return;
  gtw_timeline_resize (self, self->selected, iv->start_day,
                       end >= self->duration_days - 1 ? -1 : end);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtwTimeline           *self)
{
  gboolean has_selection = valid_index (self, self->selected);
  gboolean alt, shift, ctrl;
  int direction = 0;

  state &= gtk_accelerator_get_default_mod_mask ();
  alt = (state & GDK_ALT_MASK) != 0;
  shift = (state & GDK_SHIFT_MASK) != 0;
  ctrl = (state & GDK_CONTROL_MASK) != 0;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      direction = -1;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      direction = 1;
      break;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      if (state != 0)
        return FALSE;
      gtw_timeline_set_selected (self, -1);
      select_neighbour (self, 1);
      return TRUE;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      if (state != 0)
        return FALSE;
      gtw_timeline_set_selected (self, -1);
      select_neighbour (self, -1);
      return TRUE;
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
    case GDK_KEY_BackSpace:
      if (!has_selection || state != 0)
        return FALSE;
      gtw_timeline_remove (self, self->selected);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
      if (!has_selection || state != 0)
        return FALSE;
      gtw_timeline_open_editor (self);
      return TRUE;
    case GDK_KEY_Escape:
      if (!has_selection)
        return FALSE;
      gtw_timeline_set_selected (self, -1);
      return TRUE;
    default:
      return FALSE;
    }

  /* Left or Right: Alt moves the block by a week (a month with Shift), Control moves its
   * end (resizes) by a week (a month with Shift), alone they walk the selection. */
  if (alt && !ctrl && has_selection)
    {
      int start = get_iv (self, self->selected)->start_day;
      int delta = direction * (shift ? MONTH : WEEK);

      /* Against the start or the end of the run, the last step is what is left. */
      delta = CLAMP (delta, -start, self->duration_days - 1 - start);
      if (delta != 0)
        gtw_timeline_move (self, self->selected, delta);
      return TRUE;
    }
  if (ctrl && !alt && has_selection)
    {
      resize_end_by (self, direction * (shift ? MONTH : WEEK));
      return TRUE;
    }
  if (state == 0)
    {
      select_neighbour (self, direction);
      return TRUE;
    }
  return FALSE;
}

/* Dropping a type from the palette */

static GdkDragAction
drop_motion_cb (GtkDropTarget *target,
                double         x,
                double         y,
                GtwTimeline   *self)
{
  self->drop_day = CLAMP (gtw_timeline_snap_day (self, x_to_day (self, x), 0), 0,
                          self->duration_days - 1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return GDK_ACTION_COPY;
}

static void
drop_leave_cb (GtkDropTarget *target,
               GtwTimeline   *self)
{
  self->drop_day = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GtwTimeline   *self)
{
  const char *text = G_VALUE_HOLDS_STRING (value) ? g_value_get_string (value) : NULL;
  GtwInterventionType type;
  GtwIntervention iv;
  int day;

  self->drop_day = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (text == NULL || !g_str_has_prefix (text, GTW_TIMELINE_DND_PREFIX)
      || gtw_intervention_class_by_id (text + strlen (GTW_TIMELINE_DND_PREFIX), &type) == NULL)
    return FALSE;

  day = CLAMP (gtw_timeline_snap_day (self, x_to_day (self, x), 0), 0, self->duration_days - 1);
  gtw_intervention_init (&iv, type, day);
  if (!gtw_timeline_add (self, &iv))
    return FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  return TRUE;
}

/* Tooltips */

static gboolean
query_tooltip_cb (GtwTimeline *self,
                  int          x,
                  int          y,
                  gboolean     keyboard_mode,
                  GtkTooltip  *tooltip)
{
  const GtwIntervention *iv;
  const GtwInterventionClass *klass;
  g_autofree char *dates = NULL;
  g_autofree char *dose = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *adherence = NULL;
  graphene_rect_t rect;
  int index;

  /* The dragged dates and the open editor already say all of it. */
  if (self->drag_active || (self->editor != NULL && gtk_widget_get_visible (self->editor)))
    return FALSE;
  index = keyboard_mode ? self->selected : gtw_timeline_block_at (self, x, y, NULL);
  if (!valid_index (self, index))
    return FALSE;

  iv = get_iv (self, index);
  klass = gtw_intervention_class (iv->type);
  dates = gtw_timeline_describe_dates (iv);
  dose = gtw_intervention_style_format_dose (iv);
  /* Translators: how much of the plan the patient follows */
  adherence = g_strdup_printf (_("%.0f %% adherence"), iv->adherence * 100.0);
  markup = g_markup_printf_escaped ("<b>%s</b>\n%s%s%s\n%s\n%s%s%s", _(klass->label),
                                    dose != NULL ? dose : "", dose != NULL ? ", " : "", adherence,
                                    dates, gtw_evidence_label (klass->evidence),
                                    keyboard_mode ? "\n\n" : "",
                                    /* Translators: the timeline's keys, shown with the selected block */
                                    keyboard_mode ? _("Alt+←/→ move by a week (Shift: a month) · "
                                                      "Ctrl+←/→ move the end · Enter edit · "
                                                      "Delete remove") : "");
  gtk_tooltip_set_markup (tooltip, markup);

  gtw_timeline_block_rect (self, index, &rect);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) rect.origin.x, (int) rect.origin.y,
                                                       (int) rect.size.width,
                                                       (int) rect.size.height });
  return TRUE;
}

/* The controllers: pointer, keys, dropped intervention types and tooltips */
void
gtw_timeline_init_input (GtwTimeline *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *drag;
  GtkEventController *controller;
  GtkDropTarget *drop;

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  g_signal_connect (drag, "cancel", G_CALLBACK (drag_cancel_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (widget, controller);

  drop = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_COPY);
  g_signal_connect (drop, "motion", G_CALLBACK (drop_motion_cb), self);
  g_signal_connect (drop, "enter", G_CALLBACK (drop_motion_cb), self);
  g_signal_connect (drop, "leave", G_CALLBACK (drop_leave_cb), self);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drop));

  g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
}

