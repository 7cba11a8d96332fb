/* gtw-timeline.c: the timeline editor, one coloured block per intervention
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list is the state; lanes, geometry and the drag preview are derived from it. Every
 * change by the user, whether by pointer, keyboard, drop or the editor popover, goes through
 * the public editing functions, so the engine's validation and the "edited" signal are in one
 * place.
 */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "gtw-intervention-editor.h"
#include "gtw-intervention-style.h"
#include "gtw-timeline.h"

#define MIN_LANE       32
/* Presentation mode: blocks and their type large enough to be read across a room. */
#define PRESENTATION_MIN_LANE 56
#define PRESENTATION_SCALE    1.6
#define LANE_GAP       4
#define V_PADDING      6
#define BLOCK_RADIUS   6
#define EDGE_GRIP      6
#define FADE_WIDTH     64.0
#define DEFAULT_DAYS   3650
#define DAYS_PER_MONTH (365.0 / 12.0)
#define WEEK           7
#define MONTH          30

typedef enum
{
  DRAG_NONE,
  DRAG_MOVE,
  DRAG_START,
  DRAG_END,
} DragMode;

struct _GtwTimeline
{
  GtkWidget        parent_instance;

  GArray          *interventions; /* of GtwIntervention */
  GArray          *lanes;         /* of int, parallel to interventions */
  guint            n_lanes;
  int              duration_days;
  double           first_day;
  double           last_day;
  int              margin_left;
  int              margin_right;
  int              selected;
  int              lane_height; /* follows the font: large text, presentation mode */
  gboolean         presentation;

  /* The block under the pointer while a button is down; the preview is what it would
   * become, committed when the button is released. */
  DragMode         drag_mode;
  int              drag_index;
  gboolean         drag_active;
  GtwIntervention  drag_preview;

  double           drop_day; /* where a dragged type would land; -1: nothing over us */

  GtkWidget       *remove_button;
  int              remove_reserve; /* room the button takes inside the selected block */
  GtkWidget       *editor;
};

G_DEFINE_FINAL_TYPE (GtwTimeline, gtw_timeline, GTK_TYPE_WIDGET)

enum { EDITED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const GtwIntervention *
get_iv (GtwTimeline *self,
        int          index)
{
  return &g_array_index (self->interventions, GtwIntervention, index);
}

static int
get_lane (GtwTimeline *self,
          int          index)
{
  return g_array_index (self->lanes, int, index);
}

static gboolean
valid_index (GtwTimeline *self,
             int          index)
{
  return index >= 0 && (guint) index < self->interventions->len;
}

static int
effective_end (GtwTimeline           *self,
               const GtwIntervention *iv)
{
  return iv->end_day < 0 ? self->duration_days - 1 : MIN (iv->end_day, self->duration_days - 1);
}

static const char *
type_label (const GtwIntervention *iv)
{
  return _(gtw_intervention_class (iv->type)->label);
}

static gboolean
intervention_equal (const GtwIntervention *a,
                    const GtwIntervention *b)
{
  if (a->type != b->type || a->start_day != b->start_day || a->end_day != b->end_day
      || a->adherence != b->adherence)
    return FALSE;
  for (guint i = 0; i < GTW_IV_MAX_FIELDS; i++)
    if (a->field[i] != b->field[i] && !(isnan (a->field[i]) && isnan (b->field[i])))
      return FALSE;
  return TRUE;
}

/* The blocks by start day (then lane): the order of the keyboard's Left and Right. */
static int *
visual_order (GtwTimeline *self)
{
  guint n = self->interventions->len;
  int *order = g_new (int, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    order[i] = (int) i;
  for (guint i = 1; i < n; i++)
    for (guint j = i; j > 0; j--)
      {
        const GtwIntervention *a = get_iv (self, order[j - 1]);
        const GtwIntervention *b = get_iv (self, order[j]);
        int t;

        if (a->start_day < b->start_day
            || (a->start_day == b->start_day
                && (guint) get_lane (self, order[j - 1]) <= (guint) get_lane (self, order[j])))
          break;
        t = order[j];
        order[j] = order[j - 1];
        order[j - 1] = t;
      }
  return order;
}

/* Greedy interval colouring in order of start: a block takes the first lane whose last block
 * ended before it starts, so overlapping blocks stack and the others share lane 0. */
static void
update_lanes (GtwTimeline *self)
{
  guint n = self->interventions->len;
  g_autofree int *order = NULL;
  g_autofree int *lane_end = g_new (int, MAX (n, 1));

  g_array_set_size (self->lanes, n);
  /* visual_order () breaks ties by lane: start from a blank so that only days count. */
  memset (self->lanes->data, 0, n * sizeof (int));
  order = visual_order (self);

  self->n_lanes = 0;
  for (guint k = 0; k < n; k++)
    {
      const GtwIntervention *iv = get_iv (self, order[k]);
      guint lane;

      for (lane = 0; lane < self->n_lanes; lane++)
        if (lane_end[lane] < iv->start_day)
          break;
      if (lane == self->n_lanes)
        self->n_lanes++;
      lane_end[lane] = effective_end (self, iv);
      g_array_index (self->lanes, int, order[k]) = (int) lane;
    }
}

static char *
describe_dates (const GtwIntervention *iv)
{
  g_autofree char *from = gtw_intervention_style_format_day (iv->start_day);
  g_autofree char *to = NULL;

  if (iv->end_day < 0)
    /* Translators: the dates of an intervention without an end */
    return g_strdup_printf (_("%s to the end of the run"), from);
  to = gtw_intervention_style_format_day (iv->end_day);
  /* Translators: the first and the last day of an intervention */
  return g_strdup_printf (_("%s to %s"), from, to);
}

static char *
describe_block (GtwTimeline *self,
                int          index)
{
  const GtwIntervention *iv = get_iv (self, index);
  g_autofree char *dates = describe_dates (iv);
  g_autofree char *dose = gtw_intervention_style_format_dose (iv);

  if (dose == NULL)
    /* Translators: an intervention and its dates, "Gut barrier repair, Year 1, month 7 to …" */
    return g_strdup_printf (_("%s, %s"), type_label (iv), dates);
  /* Translators: an intervention, its dose and its dates */
  return g_strdup_printf (_("%s, %s, %s"), type_label (iv), dose, dates);
}

static void
update_accessible (GtwTimeline *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree int *order = visual_order (self);

  /* The selected block first: what a screen reader says as Left and Right walk the blocks. */
  if (valid_index (self, self->selected))
    {
      g_autofree char *selected = describe_block (self, self->selected);

      /* Translators: the selected block of the timeline, before the list of all blocks */
      g_string_append_printf (text, _("Selected: %s. "), selected);
    }
  if (self->interventions->len == 0)
    g_string_append (text, _("No interventions"));
  for (guint i = 0; i < self->interventions->len; i++)
    {
      g_autofree char *block = describe_block (self, order[i]);

      if (i > 0)
        g_string_append (text, "; ");
      g_string_append (text, block);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str,
                                  -1);
}

/* The engine's own reader is the judge of a valid intervention: write it into a scenario of
 * this run's length, read that back, and accept it only if it comes back unchanged. */
static gboolean
intervention_is_valid (GtwTimeline           *self,
                       const GtwIntervention *iv)
{
  g_autoptr(GtwScenario) scenario = NULL;
  g_autoptr(GtwScenario) loaded = NULL;
  g_autofree char *data = NULL;
  const GtwIntervention *back;
  const GtwInterventionClass *klass;
  gsize length;

  if (iv == NULL || (guint) iv->type >= GTW_N_IV_TYPES)
    return FALSE;
  klass = gtw_intervention_class (iv->type);

  scenario = gtw_scenario_new ();
  scenario->duration_days = self->duration_days;
  g_array_append_vals (scenario->interventions, iv, 1);
  data = gtw_scenario_to_data (scenario, &length);
  loaded = gtw_scenario_load_data (data, (gssize) length, NULL);
  if (loaded == NULL || loaded->interventions->len != 1)
    return FALSE;

  back = &g_array_index (loaded->interventions, GtwIntervention, 0);
  if (back->start_day != iv->start_day || back->end_day != iv->end_day
      || back->adherence != iv->adherence)
    return FALSE;
  for (guint i = 0; i < klass->n_fields; i++)
    {
      if (isnan (iv->field[i]) != isnan (back->field[i]))
        return FALSE;
      if (!isnan (iv->field[i]) && iv->field[i] != back->field[i])
        return FALSE;
    }
  return TRUE;
}

/* Geometry: the plot area is the chart's, between the margins. */

static double
plot_left (GtwTimeline *self)
{
  return self->margin_left;
}

static double
plot_width (GtwTimeline *self)
{
  return MAX (gtk_widget_get_width (GTK_WIDGET (self)) - self->margin_left - self->margin_right, 1);
}

static double
pixels_per_day (GtwTimeline *self)
{
  return plot_width (self) / MAX (self->last_day - self->first_day, 1e-6);
}

static double
day_to_x (GtwTimeline *self,
          double       day)
{
  return plot_left (self) + (day - self->first_day) * pixels_per_day (self);
}

static double
x_to_day (GtwTimeline *self,
          double       x)
{
  return self->first_day + (x - plot_left (self)) / pixels_per_day (self);
}

/* Whole days when a day is wide enough to aim at, weeks in a year's view, months beyond. */
static int
snap_unit (GtwTimeline *self)
{
  double ppd = pixels_per_day (self);

  if (ppd >= 4)
    return 1;
  if (ppd * WEEK >= 6)
    return WEEK;
  return MONTH;
}

/* Months snap to the calendar of the run (the "Year 2, month 3" of the labels); days and
 * weeks count from @origin, the edge that stays put, so that a block lasts whole weeks. */
static int
snap_day (GtwTimeline *self,
          double       day,
          int          origin)
{
  int unit = snap_unit (self);

  if (unit == MONTH)
    return (int) lround (lround (day / DAYS_PER_MONTH) * DAYS_PER_MONTH);
  return origin + (int) lround ((day - origin) / unit) * unit;
}

static void
block_rect_for (GtwTimeline           *self,
                const GtwIntervention *iv,
                int                    lane,
                graphene_rect_t       *rect)
{
  double x0 = day_to_x (self, iv->start_day);
  double x1 = day_to_x (self, effective_end (self, iv) + 1);

  graphene_rect_init (rect, x0, V_PADDING + lane * (self->lane_height + LANE_GAP),
                      MAX (x1 - x0, 6.0), self->lane_height);
}

static void
block_rect (GtwTimeline     *self,
            int              index,
            graphene_rect_t *rect)
{
  if (index == self->drag_index && self->drag_active)
    block_rect_for (self, &self->drag_preview, get_lane (self, index), rect);
  else
    block_rect_for (self, get_iv (self, index), get_lane (self, index), rect);
}

/* The topmost block at a point, and which part of it: an edge grip or the body. */
static int
block_at (GtwTimeline *self,
          double       x,
          double       y,
          DragMode    *zone)
{
  if (x < plot_left (self) || x > plot_left (self) + plot_width (self))
    return -1;

  for (int i = (int) self->interventions->len - 1; i >= 0; i--)
    {
      graphene_rect_t rect;
      double grip;

      block_rect (self, i, &rect);
      if (!graphene_rect_contains_point (&rect, &GRAPHENE_POINT_INIT (x, y)))
        continue;
      /* A narrow block keeps a body to grab between its grips. */
      grip = MIN (EDGE_GRIP, rect.size.width / 4);
      if (zone != NULL)
        {
          if (x < rect.origin.x + grip)
            *zone = DRAG_START;
          else if (x > rect.origin.x + rect.size.width - grip)
            *zone = DRAG_END;
          else
            *zone = DRAG_MOVE;
        }
      return i;
    }
  return -1;
}

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

/* The editor popover */

static void
point_editor (GtwTimeline *self)
{
  GtwInterventionEditor *editor = GTW_INTERVENTION_EDITOR (self->editor);
  int index = gtw_intervention_editor_get_index (editor);
  graphene_rect_t rect;
  double left, right;

  if (!valid_index (self, index))
    return;
  block_rect (self, index, &rect);
  /* Point at the part of the block that is on screen. */
  left = MAX (rect.origin.x, plot_left (self));
  right = MIN (rect.origin.x + rect.size.width, plot_left (self) + plot_width (self));
  gtk_popover_set_pointing_to (GTK_POPOVER (self->editor),
                               &(GdkRectangle) { (int) left, (int) rect.origin.y,
                                                 MAX ((int) (right - left), 1),
                                                 (int) rect.size.height });
}

static void
close_editor (GtwTimeline *self)
{
  if (self->editor != NULL && gtk_widget_get_visible (self->editor))
    gtk_popover_popdown (GTK_POPOVER (self->editor));
}

/* Escape or Remove in the editor brings the keyboard back to the block; a click elsewhere
 * that closed it keeps the focus where it went. */
static void
editor_closed_cb (GtwTimeline *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || gtk_widget_is_ancestor (focus, self->editor))
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
open_editor (GtwTimeline *self)
{
  if (!valid_index (self, self->selected))
    return;

  if (self->editor == NULL)
    {
      self->editor = gtw_intervention_editor_new (self);
      gtk_widget_set_parent (self->editor, GTK_WIDGET (self));
      g_signal_connect_swapped (self->editor, "closed", G_CALLBACK (editor_closed_cb), self);
    }
  gtw_intervention_editor_set_block (GTW_INTERVENTION_EDITOR (self->editor), self->selected,
                                     self->duration_days);
  point_editor (self);
  gtk_popover_popup (GTK_POPOVER (self->editor));
}

/* After every change to the list */
static void
changed (GtwTimeline *self)
{
  update_lanes (self);
  update_accessible (self);

  if (self->editor != NULL && gtk_widget_get_visible (self->editor))
    {
      if (valid_index (self, gtw_intervention_editor_get_index (GTW_INTERVENTION_EDITOR (self->editor))))
        gtw_intervention_editor_refresh (GTW_INTERVENTION_EDITOR (self->editor));
      else
        close_editor (self);
    }

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
emit_edited (GtwTimeline *self,
             const char  *label)
{
  changed (self);
  g_signal_emit (self, signals[EDITED], 0, label);
}

static void
set_selected (GtwTimeline *self,
              int          index)
{
  index = valid_index (self, index) ? index : -1;
  if (index == self->selected)
    return;
  self->selected = index;
  if (index >= 0)
    {
      /* Translators: the remove button on the selected block, "Remove Berberine" */
      g_autofree char *remove = g_strdup_printf (_("Remove %s"), type_label (get_iv (self, index)));

      gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, remove,
                                      -1);
    }
  close_editor (self);
  update_accessible (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Pointer: click to select and edit, drag the body to move, drag an edge to resize */

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               GtwTimeline    *self)
{
  DragMode zone = DRAG_NONE;
  int index = block_at (self, x, y, &zone);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->drag_mode = DRAG_NONE;
  self->drag_index = -1;
  self->drag_active = FALSE;

  if (index < 0)
    {
      set_selected (self, -1);
      return;
    }

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  set_selected (self, index);
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
        int start = CLAMP (snap_day (self, iv->start_day + delta, iv->start_day), 0,
                           self->duration_days - 1);

        preview.start_day = start;
        if (iv->end_day >= 0)
          preview.end_day = iv->end_day + (start - iv->start_day);
      }
      break;
    case DRAG_START:
      preview.start_day = CLAMP (snap_day (self, iv->start_day + delta, end + 1), 0, end);
      break;
    case DRAG_END:
      end = MAX (snap_day (self, end + 1 + delta, iv->start_day) - 1, iv->start_day);
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
      open_editor (self);
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
  if (block_at (self, x, y, &zone) >= 0)
    cursor = zone == DRAG_MOVE ? "grab" : "ew-resize";
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor);
}

/* Keyboard */

static void
select_neighbour (GtwTimeline *self,
                  int          direction)
{
  g_autofree int *order = visual_order (self);
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
  set_selected (self, order[pos]);
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
      set_selected (self, -1);
      select_neighbour (self, 1);
      return TRUE;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      if (state != 0)
        return FALSE;
      set_selected (self, -1);
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
      open_editor (self);
      return TRUE;
    case GDK_KEY_Escape:
      if (!has_selection)
        return FALSE;
      set_selected (self, -1);
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
  self->drop_day = CLAMP (snap_day (self, x_to_day (self, x), 0), 0, self->duration_days - 1);
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

  day = CLAMP (snap_day (self, x_to_day (self, x), 0), 0, self->duration_days - 1);
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
  index = keyboard_mode ? self->selected : block_at (self, x, y, NULL);
  if (!valid_index (self, index))
    return FALSE;

  iv = get_iv (self, index);
  klass = gtw_intervention_class (iv->type);
  dates = describe_dates (iv);
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

  block_rect (self, index, &rect);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) rect.origin.x, (int) rect.origin.y,
                                                       (int) rect.size.width,
                                                       (int) rect.size.height });
  return TRUE;
}

/* Drawing */

static GdkRGBA
foreground (GtwTimeline *self)
{
  GdkRGBA color;

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &color);
  return color;
}

static GdkRGBA
accent (void)
{
  GdkRGBA color;

  gdk_rgba_parse (&color, is_dark () ? "#78aeed" : "#1c71d8");
  return color;
}

static PangoLayout *
block_layout (GtwTimeline *self,
              const char  *text,
              gboolean     bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  if (self->presentation)
    pango_attr_list_insert (attrs, pango_attr_scale_new (PRESENTATION_SCALE));
  pango_layout_set_attributes (layout, attrs);
  return layout;
}

static void
append_layout_at (GtkSnapshot   *snapshot,
                  PangoLayout   *layout,
                  double         x,
                  double         center_y,
                  const GdkRGBA *color)
{
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((float) x,
                                                          (float) round (center_y - height / 2.0)));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* 16 px in a lane of 32, and in proportion when large text makes the lanes taller. */
static int
icon_size (GtwTimeline *self)
{
  return MAX (16, self->lane_height / 2);
}

static void
snapshot_icon (GtwTimeline         *self,
               GtkSnapshot         *snapshot,
               GtwInterventionType  type,
               double               x,
               double               center_y,
               const GdkRGBA       *color)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));
  g_autoptr(GtkIconPaintable) icon = NULL;
  int size = icon_size (self);

  icon = gtk_icon_theme_lookup_icon (theme, gtw_intervention_style_icon_name (type), NULL,
                                     size, gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                                     gtk_widget_get_direction (GTK_WIDGET (self)), 0);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((float) x,
                                                          (float) round (center_y - size / 2.0)));
  gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), snapshot,
                                            size, size, color, 1);
  gtk_snapshot_restore (snapshot);
}

/* Icon, label and dose, as much as fits in the visible part of the block: the label with
 * its dose, the label, the short label, the label cut short, or the icon alone. */
static void
snapshot_block_content (GtwTimeline           *self,
                        GtkSnapshot           *snapshot,
                        const GtwIntervention *iv,
                        const graphene_rect_t *rect,
                        double                 reserved,
                        const GdkRGBA         *color)
{
  double left = MAX (rect->origin.x, plot_left (self));
  double right = MIN (rect->origin.x + rect->size.width, plot_left (self) + plot_width (self));
  double center_y = rect->origin.y + rect->size.height / 2.0;
  double x = left + 8;
  double available;
  g_autofree char *dose = gtw_intervention_style_format_dose (iv);
  g_autofree char *with_dose = NULL;
  g_autoptr(PangoLayout) cut = NULL;
  const char *texts[3];
  guint n_texts = 0;
  int size = icon_size (self);
  int min_width;

  if (right - left < size + 4)
    return;
  if (right - left < size + 16)
    {
      snapshot_icon (self, snapshot, iv->type, round ((left + right - size) / 2), center_y, color);
      return;
    }
  snapshot_icon (self, snapshot, iv->type, x, center_y, color);
  x += size + 6;
  available = right - x - 8 - reserved;

  if (dose != NULL)
    {
      /* Translators: a block's label and dose, "Berberine · 1500 mg/day" */
      with_dose = g_strdup_printf (_("%s · %s"), type_label (iv), dose);
      texts[n_texts++] = with_dose;
    }
  texts[n_texts++] = type_label (iv);
  texts[n_texts++] = gtw_intervention_style_short_label (iv->type);

  for (guint i = 0; i < n_texts; i++)
    {
      g_autoptr(PangoLayout) layout = block_layout (self, texts[i], TRUE);
      int width, height;

      pango_layout_get_pixel_size (layout, &width, &height);
      if (width <= available)
        {
          append_layout_at (snapshot, layout, x, center_y, color);
          return;
        }
    }

  /* Two letters and an ellipsis still say which block this is; an ellipsis alone does not. */
  cut = block_layout (self, "ab…", TRUE);
  pango_layout_get_pixel_size (cut, &min_width, NULL);
  if (available < min_width)
    return;
  pango_layout_set_text (cut, gtw_intervention_style_short_label (iv->type), -1);
  pango_layout_set_ellipsize (cut, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (cut, (int) available * PANGO_SCALE);
  append_layout_at (snapshot, cut, x, center_y, color);
}

static void
snapshot_block (GtwTimeline           *self,
                GtkSnapshot           *snapshot,
                const GtwIntervention *iv,
                int                    lane,
                gboolean               selected,
                gboolean               dragged)
{
  graphene_rect_t rect, solid;
  GskRoundedRect rounded;
  GdkRGBA fill, text;

  block_rect_for (self, iv, lane, &rect);
  gtw_intervention_style_colors (iv->type, is_dark (), &fill, &text);
  gsk_rounded_rect_init_from_rect (&rounded, &rect, BLOCK_RADIUS);

  if (selected)
    {
      GskRoundedRect ring;
      GdkRGBA ring_color = accent ();

      gsk_rounded_rect_init_from_rect (&ring, &rect, BLOCK_RADIUS + 3);
      gsk_rounded_rect_shrink (&ring, -3, -3, -3, -3);
      gtk_snapshot_append_border (snapshot, &ring, (float[4]) { 2, 2, 2, 2 },
                                  (GdkRGBA[4]) { ring_color, ring_color, ring_color, ring_color });
    }

  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  if (dragged)
    gtk_snapshot_push_opacity (snapshot, 0.85);

  solid = rect;
  if (iv->end_day < 0)
    {
      /* An open end fades out at the end of the run: it goes on as long as the run does. */
      double fade = MIN (FADE_WIDTH, rect.size.width / 2);
      GdkRGBA clear = fill;

      clear.alpha = 0.15;
      solid.size.width -= fade;
      gtk_snapshot_append_linear_gradient (snapshot,
                                           &GRAPHENE_RECT_INIT (solid.origin.x + solid.size.width, rect.origin.y,
                                                                fade, rect.size.height),
                                           &GRAPHENE_POINT_INIT (solid.origin.x + solid.size.width, 0),
                                           &GRAPHENE_POINT_INIT (rect.origin.x + rect.size.width, 0),
                                           (GskColorStop[2]) { { 0, fill }, { 1, clear } }, 2);
    }
  gtk_snapshot_append_color (snapshot, &fill, &solid);
  if (adw_style_manager_get_high_contrast (adw_style_manager_get_default ()))
    {
      GdkRGBA edge = foreground (self);

      gtk_snapshot_append_border (snapshot, &rounded, (float[4]) { 1, 1, 1, 1 },
                                  (GdkRGBA[4]) { edge, edge, edge, edge });
    }

  if (!dragged)
    snapshot_block_content (self, snapshot, iv, &rect, selected ? self->remove_reserve : 0, &text);

  if (dragged)
    gtk_snapshot_pop (snapshot);
  gtk_snapshot_pop (snapshot);
}

/* A dark pill of text (light in the dark style) at @x, centred on @center_y, kept inside
 * the widget: the dates while a block or a type is being dragged. */
static void
snapshot_pill (GtwTimeline *self,
               GtkSnapshot *snapshot,
               const char  *text,
               double       x,
               double       center_y,
               gboolean     right_aligned)
{
  g_autoptr(PangoLayout) layout = block_layout (self, text, FALSE);
  graphene_rect_t pill;
  GskRoundedRect rounded;
  GdkRGBA background, color;
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  if (right_aligned)
    x -= width + 20;
  x = CLAMP (x, 2, MAX (gtk_widget_get_width (GTK_WIDGET (self)) - width - 22, 2));
  graphene_rect_init (&pill, x, center_y - (height + 8) / 2.0, width + 20, height + 8);
  gsk_rounded_rect_init_from_rect (&rounded, &pill, (height + 8) / 2.0);

  gdk_rgba_parse (&background, is_dark () ? "#f6f5f4" : "#241f31");
  gdk_rgba_parse (&color, is_dark () ? "#241f31" : "#ffffff");
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, &background, &pill);
  gtk_snapshot_pop (snapshot);
  append_layout_at (snapshot, layout, pill.origin.x + 10, center_y, &color);
}

/* While dragging a block: the dates it would take, over the edge that moves. */
static void
snapshot_drag_dates (GtwTimeline *self,
                     GtkSnapshot *snapshot)
{
  const GtwIntervention *iv = &self->drag_preview;
  g_autofree char *dates = describe_dates (iv);
  g_autofree char *text = NULL;
  graphene_rect_t rect;

  if (iv->end_day < 0)
    /* Translators: dates and first day number while dragging a block */
    text = g_strdup_printf (_("%s (from day %d)"), dates, iv->start_day);
  else
    /* Translators: dates and day numbers while dragging a block */
    text = g_strdup_printf (_("%s (days %d–%d)"), dates, iv->start_day, iv->end_day);

  block_rect (self, self->drag_index, &rect);
  if (self->drag_mode == DRAG_END)
    snapshot_pill (self, snapshot, text, rect.origin.x + rect.size.width,
                   rect.origin.y + rect.size.height / 2, TRUE);
  else
    snapshot_pill (self, snapshot, text, rect.origin.x + 4,
                   rect.origin.y + rect.size.height / 2, FALSE);
}

static void
snapshot_grid (GtwTimeline   *self,
               GtkSnapshot   *snapshot,
               const GdkRGBA *fg,
               double         height)
{
  double span = self->last_day - self->first_day;
  double step = span > 2 * 365 ? 365 : span > 60 ? DAYS_PER_MONTH : 1;
  GdkRGBA line = *fg;

  if (span / step > 200)
    return;
  line.alpha = 0.12;
  for (double k = ceil (self->first_day / step); k * step <= self->last_day; k++)
    {
      double x = round (day_to_x (self, round (k * step)));

      gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (x, 0, 1, height));
    }
}

static void
snapshot_hint (GtwTimeline   *self,
               GtkSnapshot   *snapshot,
               const GdkRGBA *fg,
               double         height)
{
  g_autoptr(PangoLayout) layout = NULL;
  GdkRGBA dim = *fg;
  int width, text_height;

  layout = block_layout (self, _("Add an intervention from the Add menu or drag one here"), FALSE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (layout, (int) (plot_width (self) - 16) * PANGO_SCALE);
  pango_layout_get_pixel_size (layout, &width, &text_height);
  dim.alpha = 0.6;
  append_layout_at (snapshot, layout, plot_left (self) + (plot_width (self) - width) / 2,
                    height / 2, &dim);
}

static void
snapshot_drop_indicator (GtwTimeline   *self,
                         GtkSnapshot   *snapshot,
                         double         height)
{
  GdkRGBA color = accent ();
  double x = round (day_to_x (self, self->drop_day));

  gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (x - 1, 0, 3, height));
}

/* While a type is dragged over the timeline: the day it would start on. */
static void
snapshot_drop_day (GtwTimeline *self,
                   GtkSnapshot *snapshot)
{
  g_autofree char *day = gtw_intervention_style_format_day ((int) self->drop_day);
  /* Translators: where a dropped intervention would start, "Starts Year 2, month 3 (day 400)" */
  g_autofree char *text = g_strdup_printf (_("Starts %s (day %d)"), day, (int) self->drop_day);

  snapshot_pill (self, snapshot, text, day_to_x (self, self->drop_day) + 6,
                 V_PADDING + self->lane_height / 2.0, FALSE);
}

static void
gtw_timeline_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  GtwTimeline *self = GTW_TIMELINE (widget);
  double height = gtk_widget_get_height (widget);
  graphene_rect_t plot = GRAPHENE_RECT_INIT (plot_left (self), 0, plot_width (self), height);
  GskRoundedRect track;
  GdkRGBA fg = foreground (self);
  GdkRGBA track_color = fg;

  track_color.alpha = 0.05;
  gsk_rounded_rect_init_from_rect (&track, &plot, BLOCK_RADIUS);
  gtk_snapshot_push_rounded_clip (snapshot, &track);
  gtk_snapshot_append_color (snapshot, &track_color, &plot);
  gtk_snapshot_pop (snapshot);

  if (gtk_widget_has_visible_focus (widget) && !valid_index (self, self->selected))
    {
      GdkRGBA ring = accent ();

      gtk_snapshot_append_border (snapshot, &track, (float[4]) { 2, 2, 2, 2 },
                                  (GdkRGBA[4]) { ring, ring, ring, ring });
    }

  /* Blocks may reach out of the visible range: the chart's plot area cuts them. */
  gtk_snapshot_push_clip (snapshot, &plot);
  snapshot_grid (self, snapshot, &fg, height);
  for (guint i = 0; i < self->interventions->len; i++)
    {
      if ((int) i == self->drag_index && self->drag_active)
        continue;
      snapshot_block (self, snapshot, get_iv (self, (int) i), get_lane (self, (int) i),
                      (int) i == self->selected, FALSE);
    }
  if (self->drag_active && valid_index (self, self->drag_index))
    snapshot_block (self, snapshot, &self->drag_preview, get_lane (self, self->drag_index),
                    TRUE, TRUE);
  if (self->drop_day >= 0)
    snapshot_drop_indicator (self, snapshot, height);
  gtk_snapshot_pop (snapshot);

  if (self->interventions->len == 0 && self->drop_day < 0)
    snapshot_hint (self, snapshot, &fg, height);
  if (self->drag_active && valid_index (self, self->drag_index))
    snapshot_drag_dates (self, snapshot);
  if (self->drop_day >= 0)
    snapshot_drop_day (self, snapshot);

  gtk_widget_snapshot_child (widget, self->remove_button, snapshot);
}

static void
gtw_timeline_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  GtwTimeline *self = GTW_TIMELINE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = self->margin_left + self->margin_right + 120;
      *natural = *minimum + 480;
    }
  else
    {
      int lanes = (int) MAX (self->n_lanes, 1);

      *minimum = *natural = 2 * V_PADDING + lanes * self->lane_height + (lanes - 1) * LANE_GAP;
    }
}

/* The remove button sits at the right end of the selected block, inside it when there is
 * room and just after it otherwise. */
static void
gtw_timeline_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  GtwTimeline *self = GTW_TIMELINE (widget);
  gboolean show = valid_index (self, self->selected) && !self->drag_active;
  int size;

  gtk_widget_measure (self->remove_button, GTK_ORIENTATION_HORIZONTAL, -1, &size, NULL, NULL, NULL);
  if (show)
    {
      graphene_rect_t rect;
      double right, x;

      block_rect (self, self->selected, &rect);
      right = MIN (rect.origin.x + rect.size.width, plot_left (self) + plot_width (self));
      x = rect.size.width >= 3 * size ? right - size - 4 : right + 4;
      self->remove_reserve = rect.size.width >= 3 * size ? size + 4 : 0;
      show = right > plot_left (self) && x + size <= width;
      gtk_widget_size_allocate (self->remove_button,
                                &(GtkAllocation) { (int) x,
                                                   (int) (rect.origin.y + (rect.size.height - size) / 2),
                                                   size, size }, -1);
    }
  gtk_widget_set_child_visible (self->remove_button, show);

  if (self->editor != NULL && gtk_widget_get_visible (self->editor))
    {
      point_editor (self);
      gtk_popover_present (GTK_POPOVER (self->editor));
    }
}

/* Lanes grow with the font, so that large text and a projector's bigger type still fit. */
static void
update_lane_height (GtwTimeline *self)
{
  g_autoptr(PangoLayout) layout = block_layout (self, "Ag", TRUE);
  int width, height, lane;

  pango_layout_get_pixel_size (layout, &width, &height);
  lane = MAX (self->presentation ? PRESENTATION_MIN_LANE : MIN_LANE, height + 14);
  if (lane != self->lane_height)
    {
      self->lane_height = lane;
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }
}

static void
gtw_timeline_css_changed (GtkWidget         *widget,
                          GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (gtw_timeline_parent_class)->css_changed (widget, change);
  update_lane_height (GTW_TIMELINE (widget));
}

static void
remove_clicked_cb (GtwTimeline *self)
{
  if (valid_index (self, self->selected))
    gtw_timeline_remove (self, self->selected);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
gtw_timeline_dispose (GObject *object)
{
  GtwTimeline *self = GTW_TIMELINE (object);

  g_clear_pointer (&self->editor, gtk_widget_unparent);
  g_clear_pointer (&self->remove_button, gtk_widget_unparent);

  G_OBJECT_CLASS (gtw_timeline_parent_class)->dispose (object);
}

static void
gtw_timeline_finalize (GObject *object)
{
  GtwTimeline *self = GTW_TIMELINE (object);

  g_clear_pointer (&self->interventions, g_array_unref);
  g_clear_pointer (&self->lanes, g_array_unref);

  G_OBJECT_CLASS (gtw_timeline_parent_class)->finalize (object);
}

static void
gtw_timeline_class_init (GtwTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gtw_timeline_dispose;
  object_class->finalize = gtw_timeline_finalize;
  widget_class->snapshot = gtw_timeline_snapshot;
  widget_class->measure = gtw_timeline_measure;
  widget_class->size_allocate = gtw_timeline_size_allocate;
  widget_class->css_changed = gtw_timeline_css_changed;

  /**
   * GtwTimeline::edited:
   * @undo_label: what the user did, for the undo menu ("Move Berberine")
   *
   * Emitted once after every change to the list, by the user or the editing functions.
   */
  signals[EDITED] = g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "gtw-timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
gtw_timeline_init (GtwTimeline *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *drag;
  GtkEventController *controller;
  GtkDropTarget *drop;

  self->interventions = g_array_new (FALSE, TRUE, sizeof (GtwIntervention));
  self->lanes = g_array_new (FALSE, TRUE, sizeof (int));
  self->duration_days = DEFAULT_DAYS;
  self->first_day = 0;
  self->last_day = DEFAULT_DAYS;
  self->selected = -1;
  self->lane_height = MIN_LANE;
  self->drag_index = -1;
  self->drop_day = -1;

  gtw_intervention_style_ensure_icons (gtk_widget_get_display (widget));
  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_widget_set_hexpand (widget, TRUE);

  self->remove_button = gtk_button_new_from_icon_name ("window-close-symbolic");
  gtk_widget_add_css_class (self->remove_button, "circular");
  gtk_widget_add_css_class (self->remove_button, "osd");
  gtk_widget_set_focusable (self->remove_button, FALSE);
  gtk_widget_set_tooltip_text (self->remove_button, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove the selected intervention"),
                                  -1);
  gtk_widget_set_parent (self->remove_button, widget);
  gtk_widget_set_child_visible (self->remove_button, FALSE);
  g_signal_connect_swapped (self->remove_button, "clicked", G_CALLBACK (remove_clicked_cb), self);

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
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Intervention timeline"),
                                  -1);
  update_accessible (self);
}

GtkWidget *
gtw_timeline_new (void)
{
  return g_object_new (GTW_TYPE_TIMELINE, NULL);
}

void
gtw_timeline_set_interventions (GtwTimeline  *self,
                                const GArray *interventions)
{
  g_return_if_fail (GTW_IS_TIMELINE (self));

  close_editor (self);
  self->drag_mode = DRAG_NONE;
  self->drag_index = -1;
  self->drag_active = FALSE;
  g_array_set_size (self->interventions, 0);
  if (interventions != NULL)
    g_array_append_vals (self->interventions, interventions->data, interventions->len);
  self->selected = -1;
  changed (self);
}

const GArray *
gtw_timeline_get_interventions (GtwTimeline *self)
{
  g_return_val_if_fail (GTW_IS_TIMELINE (self), NULL);
  return self->interventions;
}

void
gtw_timeline_set_duration (GtwTimeline *self,
                           int          duration_days)
{
  g_return_if_fail (GTW_IS_TIMELINE (self));
  g_return_if_fail (duration_days > 0);

  /* The owner says it after every change of the scenario; most leave it as it was. */
  if (duration_days == self->duration_days)
    return;
  self->duration_days = duration_days;
  if (self->editor != NULL && gtk_widget_get_visible (self->editor))
    gtw_intervention_editor_set_block (GTW_INTERVENTION_EDITOR (self->editor),
                                       gtw_intervention_editor_get_index (GTW_INTERVENTION_EDITOR (self->editor)),
                                       duration_days);
  changed (self);
}

void
gtw_timeline_set_range (GtwTimeline *self,
                        double       first_day,
                        double       last_day)
{
  g_return_if_fail (GTW_IS_TIMELINE (self));
  g_return_if_fail (last_day > first_day);

  self->first_day = first_day;
  self->last_day = last_day;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
gtw_timeline_set_margins (GtwTimeline *self,
                          int          left_px,
                          int          right_px)
{
  g_return_if_fail (GTW_IS_TIMELINE (self));

  self->margin_left = MAX (left_px, 0);
  self->margin_right = MAX (right_px, 0);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

int
gtw_timeline_get_selected (GtwTimeline *self)
{
  g_return_val_if_fail (GTW_IS_TIMELINE (self), -1);
  return self->selected;
}

void
gtw_timeline_select (GtwTimeline *self,
                     int          index)
{
  g_return_if_fail (GTW_IS_TIMELINE (self));

  set_selected (self, index);
}

gboolean
gtw_timeline_add (GtwTimeline           *self,
                  const GtwIntervention *iv)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (GTW_IS_TIMELINE (self), FALSE);

  if (!intervention_is_valid (self, iv))
    return FALSE;
  g_array_append_vals (self->interventions, iv, 1);
  set_selected (self, (int) self->interventions->len - 1);
  /* Translators: undo label; %s is an intervention, e.g. "Add Berberine" */
  label = g_strdup_printf (_("Add %s"), type_label (iv));
  emit_edited (self, label);
  return TRUE;
}

gboolean
gtw_timeline_move (GtwTimeline *self,
                   int          index,
                   int          delta_days)
{
  GtwIntervention moved;
  g_autofree char *label = NULL;

  g_return_val_if_fail (GTW_IS_TIMELINE (self), FALSE);

  if (!valid_index (self, index) || delta_days == 0)
    return FALSE;
  moved = *get_iv (self, index);
  moved.start_day += delta_days;
  if (moved.end_day >= 0)
    moved.end_day += delta_days;
  if (!intervention_is_valid (self, &moved))
    return FALSE;

  g_array_index (self->interventions, GtwIntervention, index) = moved;
  /* Translators: undo label; %s is an intervention, e.g. "Move Berberine" */
  label = g_strdup_printf (_("Move %s"), type_label (&moved));
  emit_edited (self, label);
  return TRUE;
}

gboolean
gtw_timeline_resize (GtwTimeline *self,
                     int          index,
                     int          start_day,
                     int          end_day)
{
  GtwIntervention resized;
  g_autofree char *label = NULL;

  g_return_val_if_fail (GTW_IS_TIMELINE (self), FALSE);

  if (!valid_index (self, index) || end_day < -1)
    return FALSE;
  resized = *get_iv (self, index);
  if (resized.start_day == start_day && resized.end_day == end_day)
    return FALSE;
  resized.start_day = start_day;
  resized.end_day = end_day;
  if (!intervention_is_valid (self, &resized))
    return FALSE;

  g_array_index (self->interventions, GtwIntervention, index) = resized;
  /* Translators: undo label; %s is an intervention, e.g. "Resize Exercise" */
  label = g_strdup_printf (_("Resize %s"), type_label (&resized));
  emit_edited (self, label);
  return TRUE;
}

gboolean
gtw_timeline_replace (GtwTimeline           *self,
                      int                    index,
                      const GtwIntervention *iv)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (GTW_IS_TIMELINE (self), FALSE);

  if (!valid_index (self, index) || !intervention_is_valid (self, iv))
    return FALSE;
  if (intervention_equal (get_iv (self, index), iv))
    return FALSE;

  g_array_index (self->interventions, GtwIntervention, index) = *iv;
  /* Translators: undo label; %s is an intervention, e.g. "Edit Exercise" */
  label = g_strdup_printf (_("Edit %s"), type_label (iv));
  emit_edited (self, label);
  return TRUE;
}

gboolean
gtw_timeline_remove (GtwTimeline *self,
                     int          index)
{
  GtwIntervention removed;
  g_autofree char *label = NULL;

  g_return_val_if_fail (GTW_IS_TIMELINE (self), FALSE);

  if (!valid_index (self, index))
    return FALSE;
  removed = *get_iv (self, index);
  close_editor (self);
  g_array_remove_index (self->interventions, (guint) index);
  if (self->selected == index)
    self->selected = -1;
  else if (self->selected > index)
    self->selected--;
  /* Translators: undo label; %s is an intervention, e.g. "Remove Metformin" */
  label = g_strdup_printf (_("Remove %s"), type_label (&removed));
  emit_edited (self, label);
  return TRUE;
}

void
gtw_timeline_set_presentation (GtwTimeline *self,
                               gboolean     presentation)
{
  g_return_if_fail (GTW_IS_TIMELINE (self));

  presentation = !!presentation;
  if (self->presentation == presentation)
    return;
  self->presentation = presentation;
  update_lane_height (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
gtw_timeline_get_presentation (GtwTimeline *self)
{
  g_return_val_if_fail (GTW_IS_TIMELINE (self), FALSE);
  return self->presentation;
}
