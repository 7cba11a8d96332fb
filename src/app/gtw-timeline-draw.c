/* gtw-timeline-draw.c: the timeline's size and drawing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Blocks in their lanes with the type's colour, icon and label, the month grid, the drag
 * preview with its dates and where a dropped type would land.
 */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "gtw-intervention-style.h"
#include "gtw-timeline-private.h"

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

/* What a block shows in its visible part: the icon and the longest of its label with its dose,
 * its label and its short label that fits whole. A label never leaves its block and is never
 * cut: when none fits, the icon alone says which block this is (the tooltip names it), and a
 * block too narrow even for that shows nothing. The figure's lanes follow the same rule, but
 * having no icons put the label beside such a block. */
typedef struct
{
  gboolean     icon;
  double       icon_x;
  PangoLayout *text; /* NULL: none fits */
  double       text_x;
  double       center_y;
} BlockContent;

static void
block_content_clear (BlockContent *content)
{
  g_clear_object (&content->text);
}

static void
plan_block_content (GtwTimeline           *self,
                    const GtwIntervention *iv,
                    const graphene_rect_t *rect,
                    double                 reserved,
                    BlockContent          *content)
{
  double left = MAX (rect->origin.x, plot_left (self));
  double right = MIN (rect->origin.x + rect->size.width, plot_left (self) + plot_width (self));
  double x = left + 8;
  double available;
  g_autofree char *dose = gtw_intervention_style_format_dose (iv);
  g_autofree char *with_dose = NULL;
  const char *texts[3];
  guint n_texts = 0;
  int size = icon_size (self);

  memset (content, 0, sizeof *content);
  content->center_y = rect->origin.y + rect->size.height / 2.0;
  if (right - left < size + 4)
    return;
  content->icon = TRUE;
  if (right - left < size + 16)
    {
      content->icon_x = round ((left + right - size) / 2);
      return;
    }
  content->icon_x = x;
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
          content->text = g_steal_pointer (&layout);
          content->text_x = x;
          return;
        }
    }
}

static void
snapshot_block_content (GtwTimeline           *self,
                        GtkSnapshot           *snapshot,
                        const GtwIntervention *iv,
                        const graphene_rect_t *rect,
                        double                 reserved,
                        const GdkRGBA         *color)
{
  BlockContent content;

  plan_block_content (self, iv, rect, reserved, &content);
  if (content.icon)
    snapshot_icon (self, snapshot, iv->type, content.icon_x, content.center_y, color);
  if (content.text != NULL)
    append_layout_at (snapshot, content.text, content.text_x, content.center_y, color);
  block_content_clear (&content);
}

char *
gtw_timeline_block_label (GtwTimeline     *self,
                          int              index,
                          graphene_rect_t *extent)
{
  BlockContent content;
  graphene_rect_t rect;
  char *label = NULL;

  g_return_val_if_fail (valid_index (self, index), NULL);

  gtw_timeline_block_rect (self, index, &rect);
  plan_block_content (self, get_iv (self, index), &rect,
                      index == self->selected ? self->remove_reserve : 0, &content);
  if (content.text != NULL)
    {
      PangoRectangle ink, logical;
      int width, height;

      pango_layout_get_pixel_size (content.text, &width, &height);
      pango_layout_get_pixel_extents (content.text, &ink, &logical);
      /* as append_layout_at () places it; the ink may reach past the logical box */
      graphene_rect_init (extent, content.text_x + MIN (ink.x, logical.x),
                          round (content.center_y - height / 2.0) + MIN (ink.y, logical.y),
                          MAX (ink.x + ink.width, logical.x + logical.width) - MIN (ink.x, logical.x),
                          MAX (ink.y + ink.height, logical.y + logical.height) - MIN (ink.y, logical.y));
      label = g_strdup (pango_layout_get_text (content.text));
    }
  block_content_clear (&content);
  return label;
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

  gtw_timeline_block_rect_for (self, iv, lane, &rect);
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
  g_autofree char *dates = gtw_timeline_describe_dates (iv);
  g_autofree char *text = NULL;
  graphene_rect_t rect;

  if (iv->end_day < 0)
    /* Translators: dates and first day number while dragging a block */
    text = g_strdup_printf (_("%s (from day %d)"), dates, iv->start_day);
  else
    /* Translators: dates and day numbers while dragging a block */
    text = g_strdup_printf (_("%s (days %d–%d)"), dates, iv->start_day, iv->end_day);

  gtw_timeline_block_rect (self, self->drag_index, &rect);
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

void
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

void
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
void
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

      gtw_timeline_block_rect (self, self->selected, &rect);
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
      gtw_timeline_point_editor (self);
      gtk_popover_present (GTK_POPOVER (self->editor));
    }
}

/* Lanes grow with the font, so that large text and a projector's bigger type still fit. */
void
gtw_timeline_update_lane_height (GtwTimeline *self)
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

