/* gtw-timeline.c: the timeline editor, one coloured block per intervention
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list is the state; lanes, geometry and the drag preview are derived from it. Every
 * change by the user, whether by pointer, keyboard, drop or the editor popover, goes through
 * the public editing functions, so the engine's validation and the "edited" signal are in one
 * place. The pointer, keys and drops are in gtw-timeline-input.c, size and drawing in
 * gtw-timeline-draw.c.
 */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "gtw-intervention-editor.h"
#include "gtw-intervention-style.h"
#include "gtw-timeline-private.h"

G_DEFINE_FINAL_TYPE (GtwTimeline, gtw_timeline, GTK_TYPE_WIDGET)

enum { EDITED, N_SIGNALS };
static guint signals[N_SIGNALS];

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
int *
gtw_timeline_visual_order (GtwTimeline *self)
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
  /* gtw_timeline_visual_order () breaks ties by lane: start from a blank so that only days
   * count. */
  memset (self->lanes->data, 0, n * sizeof (int));
  order = gtw_timeline_visual_order (self);

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

char *
gtw_timeline_describe_dates (const GtwIntervention *iv)
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
  g_autofree char *dates = gtw_timeline_describe_dates (iv);
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
  g_autofree int *order = gtw_timeline_visual_order (self);

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
int
gtw_timeline_snap_day (GtwTimeline *self,
                       double       day,
                       int          origin)
{
  int unit = snap_unit (self);

  if (unit == MONTH)
    return (int) lround (lround (day / DAYS_PER_MONTH) * DAYS_PER_MONTH);
  return origin + (int) lround ((day - origin) / unit) * unit;
}

void
gtw_timeline_block_rect_for (GtwTimeline           *self,
                             const GtwIntervention *iv,
                             int                    lane,
                             graphene_rect_t       *rect)
{
  double x0 = day_to_x (self, iv->start_day);
  double x1 = day_to_x (self, effective_end (self, iv) + 1);

  graphene_rect_init (rect, x0, V_PADDING + lane * (self->lane_height + LANE_GAP),
                      MAX (x1 - x0, 6.0), self->lane_height);
}

void
gtw_timeline_block_rect (GtwTimeline     *self,
                         int              index,
                         graphene_rect_t *rect)
{
  if (index == self->drag_index && self->drag_active)
    gtw_timeline_block_rect_for (self, &self->drag_preview, get_lane (self, index), rect);
  else
    gtw_timeline_block_rect_for (self, get_iv (self, index), get_lane (self, index), rect);
}

/* The topmost block at a point, and which part of it: an edge grip or the body. */
int
gtw_timeline_block_at (GtwTimeline *self,
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

      gtw_timeline_block_rect (self, i, &rect);
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

/* The editor popover */

void
gtw_timeline_point_editor (GtwTimeline *self)
{
  GtwInterventionEditor *editor = GTW_INTERVENTION_EDITOR (self->editor);
  int index = gtw_intervention_editor_get_index (editor);
  graphene_rect_t rect;
  double left, right;

  if (!valid_index (self, index))
    return;
  gtw_timeline_block_rect (self, index, &rect);
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

void
gtw_timeline_open_editor (GtwTimeline *self)
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
  gtw_timeline_point_editor (self);
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

void
gtw_timeline_set_selected (GtwTimeline *self,
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

static void
gtw_timeline_css_changed (GtkWidget         *widget,
                          GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (gtw_timeline_parent_class)->css_changed (widget, change);
  gtw_timeline_update_lane_height (GTW_TIMELINE (widget));
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

  gtw_timeline_init_input (self);
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

  gtw_timeline_set_selected (self, index);
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
  gtw_timeline_set_selected (self, (int) self->interventions->len - 1);
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
  gtw_timeline_update_lane_height (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
gtw_timeline_get_presentation (GtwTimeline *self)
{
  g_return_val_if_fail (GTW_IS_TIMELINE (self), FALSE);
  return self->presentation;
}
