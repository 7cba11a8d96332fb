/* gtw-mechanism-map.c: the insulin signalling cascade as a diagram of the run's states
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The map draws the cascade of the source texts (insulin, its receptor, IRS-1, PI3K, Akt,
 * GLUT4 and the AMPK bypass), the liver's glucose output, the beta cells, and what jams the
 * cascade (gut barrier and LPS, inflammation, visceral and liver fat, DAG and ceramide) on a
 * fixed canvas scaled to the widget. Each node shows its level on the chosen day against the
 * healthy reference three ways at once: a diverging colour (blue healthy, orange impaired, so
 * that red-green colour blindness loses nothing), a gauge with the reference marked, and the
 * value as text. Active interventions are badges on the nodes where the model applies them.
 * A selected node opens a side panel with two plain sentences and its history over the run,
 * drawn with PLplot's extcairo device like the chart.
 *
 * The nodes, their values and places are in gtw-mechanism-map-nodes.c, the drawing in
 * gtw-mechanism-map-draw.c.
 */
#include "gtw-mechanism-map-private.h"
#include "gtw-intervention-style.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

G_DEFINE_FINAL_TYPE (GtwMechanismMap, gtw_mechanism_map, GTK_TYPE_WIDGET)

/* ---------------------------------------------------------------------------------------- */
/* Selection and text                                                                       */

static void
update_panel (GtwMechanismMap *self)
{
  int day = shown_day (self);

  gtk_widget_set_visible (self->panel, self->selected >= 0);
  if (self->selected < 0)
    return;
  gtk_label_set_label (GTK_LABEL (self->panel_title), _(gtw_mech_nodes[self->selected].title));
  gtk_label_set_label (GTK_LABEL (self->panel_text), _(gtw_mech_nodes[self->selected].explanation));
  if (day >= 0)
    {
      g_autofree char *value =
        gtw_mechanism_map_format_value (self, self->selected,
                                        gtw_mech_node_value (self->selected, self->trace,
                                                             (guint) day));
      g_autofree char *date = gtw_intervention_style_format_day (day);
      /* TRANSLATORS: a node's level on a day, "72 % of healthy on Year 8, month 1" */
      g_autofree char *text = g_strdup_printf (_("%s on %s"), value, date);

      gtk_label_set_label (GTK_LABEL (self->panel_value), text);
    }
  else
    gtk_label_set_label (GTK_LABEL (self->panel_value), "");
  gtk_widget_queue_draw (self->history);
}

/* What is drawn, in words: the day, every node's level and the badges. */
static void
update_description (GtwMechanismMap *self)
{
  g_autoptr (GString) text = g_string_new (NULL);
  int day = shown_day (self);

  if (day < 0)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("The insulin signalling cascade; no run yet."), -1);
      return;
    }
  {
    g_autofree char *date = gtw_intervention_style_format_day (day);

    /* TRANSLATORS: the start of the mechanism map's description for screen readers */
    g_string_append_printf (text, _("The insulin signalling cascade on %s."), date);
  }
  for (int i = 0; i < GTW_MECH_N_NODES; i++)
    {
      GtwInterventionType types[MAX_BADGES];
      g_autofree char *value = gtw_mechanism_map_format_value (self, i,
                                                               gtw_mech_node_value (i, self->trace,
                                                                                    (guint) day));
      guint n = gtw_mechanism_map_badges_on (self, i, day, types, MAX_BADGES);

      g_string_append_printf (text, " %s: %s", _(gtw_mech_nodes[i].title), value);
      for (guint k = 0; k < n; k++)
        g_string_append_printf (text, k == 0 ? " (%s" : ", %s",
                                _(gtw_intervention_class (types[k])->label));
      g_string_append (text, n > 0 ? ")." : ".");
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text->str, -1);
}

static void
refresh (GtwMechanismMap *self)
{
  update_panel (self);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The nearest node in the arrow's direction, the other axis counting threefold. */
static int
neighbour (int    from,
           double dx,
           double dy)
{
  int best = -1;
  double best_cost = G_MAXDOUBLE;

  for (int i = 0; i < GTW_MECH_N_NODES; i++)
    {
      double ax = gtw_mech_nodes[i].x - gtw_mech_nodes[from].x;
      double ay = gtw_mech_nodes[i].y - gtw_mech_nodes[from].y;
      double along = ax * dx + ay * dy, across = fabs (ax * dy - ay * dx);

      if (i == from || along <= 1)
        continue;
      if (along + 3 * across < best_cost)
        best = i, best_cost = along + 3 * across;
    }
  return best;
}

static gboolean
on_key_pressed (GtkEventControllerKey *keys,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtwMechanismMap       *self)
{
  int next = -1;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;
  if (self->focus_node < 0)
    self->focus_node = self->selected >= 0 ? self->selected : GTW_MECH_NODE_INSULIN;

  switch (keyval)
    {
    case GDK_KEY_Left: case GDK_KEY_KP_Left: next = neighbour (self->focus_node, -1, 0); break;
    case GDK_KEY_Right: case GDK_KEY_KP_Right: next = neighbour (self->focus_node, 1, 0); break;
    case GDK_KEY_Up: case GDK_KEY_KP_Up: next = neighbour (self->focus_node, 0, -1); break;
    case GDK_KEY_Down: case GDK_KEY_KP_Down: next = neighbour (self->focus_node, 0, 1); break;
    case GDK_KEY_Return: case GDK_KEY_KP_Enter: case GDK_KEY_space: case GDK_KEY_KP_Space:
      gtw_mechanism_map_select_node (self, self->focus_node);
      return TRUE;
    case GDK_KEY_Escape:
      if (self->selected < 0)
        return FALSE;
      gtw_mechanism_map_select_node (self, -1);
      return TRUE;
    default:
      return FALSE;
    }
  if (next >= 0)
    {
      self->focus_node = next;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  return TRUE;
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            GtwMechanismMap *self)
{
  int node;

  if (graphene_rect_contains_point (&self->panel_area, &GRAPHENE_POINT_INIT (x, y)))
    return;
  node = gtw_mechanism_map_node_at (self, x, y);
  if (node < 0)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  self->focus_node = node;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  gtw_mechanism_map_select_node (self, node);
}

static void
on_close_clicked (GtwMechanismMap *self)
{
  gtw_mechanism_map_select_node (self, -1);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
on_dark_changed (GtwMechanismMap *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
  gtk_widget_queue_draw (self->history);
}

/* ---------------------------------------------------------------------------------------- */
/* GtkWidget                                                                                */

static void
gtw_mechanism_map_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  GtwMechanismMap *self = GTW_MECHANISM_MAP (widget);
  int panel_min = 0, panel_nat = 0;

  if (gtk_widget_get_visible (self->panel))
    gtk_widget_measure (self->panel, orientation,
                        orientation == GTK_ORIENTATION_VERTICAL ? PANEL_W : -1,
                        &panel_min, &panel_nat, NULL, NULL);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MAX (480, panel_min > 0 ? PANEL_W + 2 * PANEL_MARGIN : 0);
      *natural = (int) CANVAS_W + (panel_min > 0 ? PANEL_W + 2 * PANEL_MARGIN : 0);
    }
  else
    {
      *minimum = MAX (360, panel_min + 2 * PANEL_MARGIN);
      *natural = MAX ((int) CANVAS_H, panel_nat + 2 * PANEL_MARGIN);
    }
}

static void
gtw_mechanism_map_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  GtwMechanismMap *self = GTW_MECHANISM_MAP (widget);
  int panel_w = MIN (PANEL_W, width - 2 * PANEL_MARGIN), panel_h, unused;

  self->map_width = width;
  self->panel_area = GRAPHENE_RECT_INIT (0, 0, 0, 0);
  if (gtk_widget_get_visible (self->panel))
    {
      gtk_widget_measure (self->panel, GTK_ORIENTATION_VERTICAL, panel_w, &panel_h, &unused, NULL, NULL);
      self->panel_area = GRAPHENE_RECT_INIT (width - panel_w - PANEL_MARGIN, PANEL_MARGIN, panel_w, panel_h);
      if (width - panel_w - 2 * PANEL_MARGIN >= MIN_SIDE_MAP)
        self->map_width = width - panel_w - 2 * PANEL_MARGIN;
      gtk_widget_size_allocate (self->panel,
                                &(GtkAllocation) { width - panel_w - PANEL_MARGIN, PANEL_MARGIN,
                                                   panel_w, panel_h },
                                -1);
    }
  gtw_mechanism_map_update_placement (self, self->map_width, height);
}

static gboolean
gtw_mechanism_map_focus (GtkWidget        *widget,
                         GtkDirectionType  direction)
{
  GtwMechanismMap *self = GTW_MECHANISM_MAP (widget);

  /* the map is one tab stop; the panel's close button is the next */
  if (!gtk_widget_has_focus (widget) && !gtk_widget_get_focus_child (widget))
    {
      if (direction == GTK_DIR_TAB_BACKWARD && gtk_widget_get_visible (self->panel)
          && gtk_widget_child_focus (self->panel, direction))
        return TRUE;
      return gtk_widget_grab_focus (widget);
    }
  if (gtk_widget_has_focus (widget) && direction == GTK_DIR_TAB_FORWARD && gtk_widget_get_visible (self->panel))
    return gtk_widget_child_focus (self->panel, direction);
  if (gtk_widget_get_focus_child (widget) && gtk_widget_child_focus (self->panel, direction))
    return TRUE;
  if (gtk_widget_get_focus_child (widget) && direction == GTK_DIR_TAB_BACKWARD)
    return gtk_widget_grab_focus (widget);
  return FALSE;
}

static void
gtw_mechanism_map_dispose (GObject *object)
{
  GtwMechanismMap *self = GTW_MECHANISM_MAP (object);

  g_clear_pointer (&self->panel, gtk_widget_unparent);
  g_clear_pointer (&self->trace, gtw_trace_unref);
  g_clear_pointer (&self->baseline, gtw_trace_unref);
  G_OBJECT_CLASS (gtw_mechanism_map_parent_class)->dispose (object);
}

static void
gtw_mechanism_map_class_init (GtwMechanismMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gtw_mechanism_map_dispose;
  widget_class->snapshot = gtw_mechanism_map_snapshot;
  widget_class->measure = gtw_mechanism_map_measure;
  widget_class->size_allocate = gtw_mechanism_map_size_allocate;
  widget_class->focus = gtw_mechanism_map_focus;
  gtk_widget_class_set_css_name (widget_class, "gtw-mechanism-map");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkWidget *
make_panel (GtwMechanismMap *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *close = gtk_button_new_from_icon_name ("window-close-symbolic");
  GtkWidget *caption;

  gtk_widget_add_css_class (box, "card");

  self->panel_title = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->panel_title, "title-2");
  gtk_label_set_xalign (GTK_LABEL (self->panel_title), 0);
  gtk_label_set_wrap (GTK_LABEL (self->panel_title), TRUE);
  gtk_widget_set_hexpand (self->panel_title, TRUE);
  gtk_box_append (GTK_BOX (header), self->panel_title);

  gtk_widget_add_css_class (close, "flat");
  gtk_widget_add_css_class (close, "circular");
  gtk_widget_set_valign (close, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (close, _("Close"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (close), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Close"), -1);
  g_signal_connect_swapped (close, "clicked", G_CALLBACK (on_close_clicked), self);
  gtk_box_append (GTK_BOX (header), close);
  gtk_box_append (GTK_BOX (box), header);

  self->panel_value = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->panel_value, "heading");
  gtk_label_set_xalign (GTK_LABEL (self->panel_value), 0);
  gtk_label_set_wrap (GTK_LABEL (self->panel_value), TRUE);
  gtk_box_append (GTK_BOX (box), self->panel_value);

  self->panel_text = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->panel_text, "body");
  gtk_label_set_xalign (GTK_LABEL (self->panel_text), 0);
  gtk_label_set_wrap (GTK_LABEL (self->panel_text), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->panel_text), 40);
  gtk_box_append (GTK_BOX (box), self->panel_text);

  self->history = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->history), HISTORY_H);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->history),
                                  gtw_mechanism_map_draw_history, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->history), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The level over the whole run"), -1);
  gtk_box_append (GTK_BOX (box), self->history);

  caption = gtk_label_new (_("Blue line: this run. Faint line: without the interventions. "
                             "Dashed: healthy. The orange mark is the day shown."));
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_box_append (GTK_BOX (box), caption);

  for (GtkWidget *c = gtk_widget_get_first_child (box); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (c != header)
      g_object_set (c, "margin-start", 16, "margin-end", 16, NULL);
  g_object_set (header, "margin-start", 16, "margin-end", 8, "margin-top", 10, NULL);
  gtk_widget_set_margin_bottom (caption, 14);
  return box;
}

static void
gtw_mechanism_map_init (GtwMechanismMap *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->day = -1;
  self->selected = -1;
  self->focus_node = -1;
  self->scale = 1;
  self->high_contrast = TRUE;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);

  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  self->panel = make_panel (self);
  gtk_widget_set_parent (self->panel, GTK_WIDGET (self));
  gtk_widget_set_visible (self->panel, FALSE);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed), self, G_CONNECT_SWAPPED);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Mechanism map"), -1);
  update_description (self);
}

/* ---------------------------------------------------------------------------------------- */
/* Public API                                                                               */

GtwMechanismMap *
gtw_mechanism_map_new (void)
{
  return g_object_new (GTW_TYPE_MECHANISM_MAP, NULL);
}

void
gtw_mechanism_map_set_traces (GtwMechanismMap *self,
                              GtwTrace        *trace,
                              GtwTrace        *baseline)
{
  g_return_if_fail (GTW_IS_MECHANISM_MAP (self));

  if (trace != NULL)
    gtw_trace_ref (trace);
  if (baseline != NULL)
    gtw_trace_ref (baseline);
  g_clear_pointer (&self->trace, gtw_trace_unref);
  g_clear_pointer (&self->baseline, gtw_trace_unref);
  self->trace = trace;
  self->baseline = baseline;
  refresh (self);
}

void
gtw_mechanism_map_set_day (GtwMechanismMap *self,
                           int              day)
{
  g_return_if_fail (GTW_IS_MECHANISM_MAP (self));

  day = MAX (day, -1);
  if (day == self->day)
    return;
  self->day = day;
  refresh (self);
}

void
gtw_mechanism_map_set_units (GtwMechanismMap *self,
                             GtwGlucoseUnit   glucose,
                             GtwInsulinUnit   insulin)
{
  g_return_if_fail (GTW_IS_MECHANISM_MAP (self));

  if (glucose == self->glucose_unit && insulin == self->insulin_unit)
    return;
  self->glucose_unit = glucose;
  self->insulin_unit = insulin;
  refresh (self);
}

void
gtw_mechanism_map_set_presentation (GtwMechanismMap *self,
                                    gboolean         presentation)
{
  g_return_if_fail (GTW_IS_MECHANISM_MAP (self));

  presentation = !!presentation;
  if (presentation == self->presentation)
    return;
  self->presentation = presentation;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  gtk_widget_queue_draw (self->history);
}

gboolean
gtw_mechanism_map_get_presentation (GtwMechanismMap *self)
{
  g_return_val_if_fail (GTW_IS_MECHANISM_MAP (self), FALSE);
  return self->presentation;
}

void
gtw_mechanism_map_set_high_contrast (GtwMechanismMap *self,
                                     gboolean         high_contrast)
{
  g_return_if_fail (GTW_IS_MECHANISM_MAP (self));

  high_contrast = !!high_contrast;
  if (high_contrast == self->high_contrast)
    return;
  self->high_contrast = high_contrast;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  gtk_widget_queue_draw (self->history);
}

gboolean
gtw_mechanism_map_get_high_contrast (GtwMechanismMap *self)
{
  g_return_val_if_fail (GTW_IS_MECHANISM_MAP (self), FALSE);
  return self->high_contrast;
}

int
gtw_mechanism_map_get_selected_node (GtwMechanismMap *self)
{
  g_return_val_if_fail (GTW_IS_MECHANISM_MAP (self), -1);

  return self->selected;
}

void
gtw_mechanism_map_select_node (GtwMechanismMap *self,
                               int              node)
{
  g_return_if_fail (GTW_IS_MECHANISM_MAP (self));
  g_return_if_fail (node >= -1 && node < GTW_MECH_N_NODES);

  if (node >= 0)
    self->focus_node = node;
  if (node == self->selected)
    return;
  self->selected = node;
  update_panel (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

double
gtw_mechanism_map_get_node_value (GtwMechanismMap *self,
                                  GtwMechNode      node)
{
  int day;

  g_return_val_if_fail (GTW_IS_MECHANISM_MAP (self), NAN);
  g_return_val_if_fail (node < GTW_MECH_N_NODES, NAN);

  day = shown_day (self);
  return day < 0 ? NAN
                 : to_display (self, node, gtw_mech_node_value (node, self->trace, (guint) day));
}

gboolean
gtw_mechanism_map_get_node_bounds (GtwMechanismMap *self,
                                   GtwMechNode      node,
                                   graphene_rect_t *bounds)
{
  graphene_rect_t r;

  g_return_val_if_fail (GTW_IS_MECHANISM_MAP (self), FALSE);
  g_return_val_if_fail (node < GTW_MECH_N_NODES && bounds != NULL, FALSE);

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return FALSE;
  r = node_rect (node);
  *bounds = GRAPHENE_RECT_INIT (self->origin_x + r.origin.x * self->scale,
                                self->origin_y + r.origin.y * self->scale,
                                r.size.width * self->scale, r.size.height * self->scale);
  return TRUE;
}

guint
gtw_mechanism_map_get_badges (GtwMechanismMap     *self,
                              GtwMechNode          node,
                              GtwInterventionType *types,
                              guint                max_types)
{
  g_return_val_if_fail (GTW_IS_MECHANISM_MAP (self), 0);
  g_return_val_if_fail (node < GTW_MECH_N_NODES, 0);

  return gtw_mechanism_map_badges_on (self, node, shown_day (self), types, max_types);
}

const char *
gtw_mech_node_title (GtwMechNode node)
{
  g_return_val_if_fail (node < GTW_MECH_N_NODES, NULL);
  return _(gtw_mech_nodes[node].title);
}

const char *
gtw_mech_node_explanation (GtwMechNode node)
{
  g_return_val_if_fail (node < GTW_MECH_N_NODES, NULL);
  return _(gtw_mech_nodes[node].explanation);
}
