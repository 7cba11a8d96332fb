/* gtw-timeline.c: the timeline editor, one coloured block per intervention
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "gtw-intervention-style.h"
#include "gtw-timeline.h"

#define LANE_HEIGHT   30
#define LANE_GAP      4
#define V_PADDING     6
#define BLOCK_RADIUS  6
#define DEFAULT_DAYS  3650

struct _GtwTimeline
{
  GtkWidget  parent_instance;

  GArray    *interventions; /* of GtwIntervention */
  GArray    *lanes;         /* of int, parallel to interventions */
  guint      n_lanes;
  int        duration_days;
  double     first_day;
  double     last_day;
  int        margin_left;
  int        margin_right;
  int        selected;
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
effective_end (GtwTimeline           *self,
               const GtwIntervention *iv)
{
  return iv->end_day < 0 ? self->duration_days - 1 : MIN (iv->end_day, self->duration_days - 1);
}

/* Greedy interval colouring in order of start: a block takes the first lane whose last block
 * ended before it starts, so overlapping blocks stack and the others share lane 0. */
static void
update_lanes (GtwTimeline *self)
{
  guint n = self->interventions->len;
  g_autofree int *order = g_new (int, MAX (n, 1));
  g_autofree int *lane_end = g_new (int, MAX (n, 1));

  g_array_set_size (self->lanes, n);
  for (guint i = 0; i < n; i++)
    order[i] = (int) i;
  for (guint i = 1; i < n; i++)
    for (guint j = i; j > 0 && get_iv (self, order[j - 1])->start_day > get_iv (self, order[j])->start_day; j--)
      {
        int t = order[j];
        order[j] = order[j - 1];
        order[j - 1] = t;
      }

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

static char *
describe_block (GtwTimeline *self,
                int          index)
{
  const GtwIntervention *iv = get_iv (self, index);
  const GtwInterventionClass *klass = gtw_intervention_class (iv->type);
  g_autofree char *from = gtw_intervention_style_format_day (iv->start_day);
  g_autofree char *to = NULL;
  g_autofree char *dose = gtw_intervention_style_format_dose (iv);

  if (iv->end_day < 0)
    to = g_strdup (_("the end of the run"));
  else
    to = gtw_intervention_style_format_day (iv->end_day);

  /* Translators: intervention, dose (may be empty), first day, last day */
  return g_strdup_printf (_("%s%s%s from %s to %s"), _(klass->label),
                          dose != NULL ? ", " : "", dose != NULL ? dose : "", from, to);
}

static void
update_accessible (GtwTimeline *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (self->interventions->len == 0)
    g_string_append (text, _("No interventions"));
  for (guint i = 0; i < self->interventions->len; i++)
    {
      g_autofree char *block = describe_block (self, (int) i);

      if (i > 0)
        g_string_append (text, "; ");
      g_string_append (text, block);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str,
                                  -1);
}

static void
changed (GtwTimeline *self)
{
  update_lanes (self);
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
emit_edited (GtwTimeline *self,
             const char  *label)
{
  changed (self);
  g_signal_emit (self, signals[EDITED], 0, label);
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

static gboolean
valid_index (GtwTimeline *self,
             int          index)
{
  return index >= 0 && (guint) index < self->interventions->len;
}

static double
day_to_x (GtwTimeline *self,
          double       day)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self)) - self->margin_left - self->margin_right;
  double span = MAX (self->last_day - self->first_day, 1e-6);

  return self->margin_left + (day - self->first_day) / span * MAX (width, 1.0);
}

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static void
block_rect (GtwTimeline     *self,
            int              index,
            graphene_rect_t *rect)
{
  const GtwIntervention *iv = get_iv (self, index);
  double x0 = day_to_x (self, iv->start_day);
  double x1 = day_to_x (self, effective_end (self, iv) + 1);
  int lane = g_array_index (self->lanes, int, index);

  graphene_rect_init (rect, x0, V_PADDING + lane * (LANE_HEIGHT + LANE_GAP),
                      MAX (x1 - x0, 4.0), LANE_HEIGHT);
}

static void
snapshot_block (GtwTimeline *self,
                GtkSnapshot *snapshot,
                int          index)
{
  const GtwIntervention *iv = get_iv (self, index);
  const GtwInterventionClass *klass = gtw_intervention_class (iv->type);
  graphene_rect_t rect;
  GskRoundedRect rounded;
  GdkRGBA fill, text;
  g_autoptr(PangoLayout) layout = NULL;
  int text_width, text_height;

  block_rect (self, index, &rect);
  gtw_intervention_style_colors (iv->type, is_dark (), &fill, &text);
  gsk_rounded_rect_init_from_rect (&rounded, &rect, BLOCK_RADIUS);

  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, &fill, &rect);
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), _(klass->label));
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (rect.origin.x + 8,
                                                          rect.origin.y + (rect.size.height - text_height) / 2));
  gtk_snapshot_append_layout (snapshot, layout, &text);
  gtk_snapshot_restore (snapshot);
  gtk_snapshot_pop (snapshot);
}

static void
gtw_timeline_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  GtwTimeline *self = GTW_TIMELINE (widget);

  for (guint i = 0; i < self->interventions->len; i++)
    snapshot_block (self, snapshot, (int) i);
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
      *minimum = self->margin_left + self->margin_right + 100;
      *natural = *minimum + 400;
    }
  else
    {
      guint lanes = MAX (self->n_lanes, 1);

      *minimum = *natural = 2 * V_PADDING + lanes * LANE_HEIGHT + (lanes - 1) * LANE_GAP;
    }
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

  object_class->finalize = gtw_timeline_finalize;
  widget_class->snapshot = gtw_timeline_snapshot;
  widget_class->measure = gtw_timeline_measure;

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
  self->interventions = g_array_new (FALSE, TRUE, sizeof (GtwIntervention));
  self->lanes = g_array_new (FALSE, TRUE, sizeof (int));
  self->duration_days = DEFAULT_DAYS;
  self->first_day = 0;
  self->last_day = DEFAULT_DAYS;
  self->selected = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
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

  self->duration_days = duration_days;
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

  self->selected = valid_index (self, index) ? index : -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
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
  self->selected = (int) self->interventions->len - 1;
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
