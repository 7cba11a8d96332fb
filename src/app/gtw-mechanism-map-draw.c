/* gtw-mechanism-map-draw.c: the mechanism map's colours, diagram and history plot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The diagram is drawn with cairo on the fixed canvas, scaled to the widget; a selected
 * node's history is drawn with PLplot's extcairo device, like the chart.
 */
#include "gtw-mechanism-map-private.h"
#include "gtw-figure.h"
#include "gtw-intervention-style.h"
#include "gtw-plot-theme.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <plplot.h>

typedef enum { SIDE_TOP, SIDE_BOTTOM, SIDE_LEFT, SIDE_RIGHT } Side;

typedef struct
{
  GtwMechNode from;
  Side        from_side;
  double      from_pos; /* along the side, 0 left/top .. 1 right/bottom */
  GtwMechNode to;
  Side        to_side;
  double      to_pos;
  gboolean    blocks;   /* ends in a bar instead of an arrow head */
} Edge;

/* Bottom anchors stay near the corners: the badges hang from the middle of a node. */
static const Edge edges[] = {
  { GTW_MECH_NODE_GUT_BARRIER, SIDE_RIGHT, 0.5, GTW_MECH_NODE_LPS, SIDE_LEFT, 0.5, TRUE },
  { GTW_MECH_NODE_LPS, SIDE_RIGHT, 0.5, GTW_MECH_NODE_INFLAMMATION, SIDE_LEFT, 0.5, FALSE },
  { GTW_MECH_NODE_VISCERAL_FAT, SIDE_TOP, 0.5, GTW_MECH_NODE_INFLAMMATION, SIDE_TOP, 0.6, FALSE },
  { GTW_MECH_NODE_VISCERAL_FAT, SIDE_LEFT, 0.5, GTW_MECH_NODE_DAG, SIDE_RIGHT, 0.5, FALSE },
  { GTW_MECH_NODE_VISCERAL_FAT, SIDE_RIGHT, 0.5, GTW_MECH_NODE_LIVER_FAT, SIDE_LEFT, 0.5, FALSE },
  { GTW_MECH_NODE_INFLAMMATION, SIDE_BOTTOM, 0.12, GTW_MECH_NODE_IRS1, SIDE_TOP, 0.12, TRUE },
  { GTW_MECH_NODE_DAG, SIDE_BOTTOM, 0.12, GTW_MECH_NODE_IRS1, SIDE_TOP, 0.88, TRUE },
  { GTW_MECH_NODE_LIVER_FAT, SIDE_BOTTOM, 0.88, GTW_MECH_NODE_LIVER_OUTPUT, SIDE_TOP, 0.88, FALSE },
  { GTW_MECH_NODE_INSULIN, SIDE_RIGHT, 0.5, GTW_MECH_NODE_RECEPTOR, SIDE_LEFT, 0.5, FALSE },
  { GTW_MECH_NODE_RECEPTOR, SIDE_RIGHT, 0.5, GTW_MECH_NODE_IRS1, SIDE_LEFT, 0.5, FALSE },
  { GTW_MECH_NODE_IRS1, SIDE_RIGHT, 0.5, GTW_MECH_NODE_PI3K, SIDE_LEFT, 0.5, FALSE },
  { GTW_MECH_NODE_PI3K, SIDE_RIGHT, 0.5, GTW_MECH_NODE_AKT, SIDE_LEFT, 0.5, FALSE },
  { GTW_MECH_NODE_AKT, SIDE_BOTTOM, 0.1, GTW_MECH_NODE_GLUT4, SIDE_TOP, 0.5, FALSE },
  { GTW_MECH_NODE_AKT, SIDE_BOTTOM, 0.9, GTW_MECH_NODE_LIVER_OUTPUT, SIDE_TOP, 0.3, TRUE },
  { GTW_MECH_NODE_AMPK, SIDE_LEFT, 0.5, GTW_MECH_NODE_GLUT4, SIDE_RIGHT, 0.5, FALSE },
  { GTW_MECH_NODE_AMPK, SIDE_RIGHT, 0.5, GTW_MECH_NODE_LIVER_OUTPUT, SIDE_LEFT, 0.5, TRUE },
  { GTW_MECH_NODE_GLUT4, SIDE_BOTTOM, 0.9, GTW_MECH_NODE_GLUCOSE, SIDE_TOP, 0.85, TRUE },
  { GTW_MECH_NODE_LIVER_OUTPUT, SIDE_BOTTOM, 0.9, GTW_MECH_NODE_GLUCOSE, SIDE_RIGHT, 0.5, FALSE },
  { GTW_MECH_NODE_GLUCOSE, SIDE_LEFT, 0.5, GTW_MECH_NODE_BETA_CELLS, SIDE_RIGHT, 0.5, FALSE },
  { GTW_MECH_NODE_BETA_CELLS, SIDE_TOP, 0.5, GTW_MECH_NODE_INSULIN, SIDE_BOTTOM, 0.5, FALSE },
};

/* ---------------------------------------------------------------------------------------- */
/* Colours                                                                                  */

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

typedef struct
{
  GdkRGBA fg;
  GdkRGBA card;
  GdkRGBA neutral;
  GdkRGBA good;
  GdkRGBA bad;
  GdkRGBA accent;
  double  edge_alpha; /* of the arrows, against fg */
  double  edge_width;
  double  tint;       /* how much of its level's colour a node's fill takes */
  double  border;
} Palette;

static void
get_palette (GtwMechanismMap *self,
             Palette         *p)
{
  /* Okabe & Ito's blue and orange: a diverging pair that survives colour blindness */
  if (is_dark ())
    *p = (Palette) {
      .fg = { 1, 1, 1, 0.92 },
      .card = { 0x36 / 255., 0x36 / 255., 0x36 / 255., 1 },
      .neutral = { 0x9a / 255., 0x99 / 255., 0x96 / 255., 1 },
      .good = { 0x56 / 255., 0xB4 / 255., 0xE9 / 255., 1 },
      .bad = { 0xE6 / 255., 0x9F / 255., 0x00 / 255., 1 },
      .accent = { 0x78 / 255., 0xae / 255., 0xed / 255., 1 },
    };
  else
    *p = (Palette) {
      .fg = { 0, 0, 0, 0.82 },
      .card = { 1, 1, 1, 1 },
      .neutral = { 0x9a / 255., 0x99 / 255., 0x96 / 255., 1 },
      .good = { 0x00 / 255., 0x72 / 255., 0xB2 / 255., 1 },
      .bad = { 0xD5 / 255., 0x5E / 255., 0x00 / 255., 1 },
      .accent = { 0x1c / 255., 0x71 / 255., 0xd8 / 255., 1 },
    };
  p->edge_alpha = 0.6;
  p->edge_width = 2.4;
  p->tint = 0.16;
  p->border = 2.5;
  if (!self->presentation || !self->high_contrast)
    return;
  /* for a projector: opaque text and arrows, a neutral that stands off the card, and fills
   * that say their level from the back of the room */
  p->fg.alpha = 1;
  p->neutral = is_dark () ? (GdkRGBA) { 0xc0 / 255., 0xbf / 255., 0xbc / 255., 1 }
                          : (GdkRGBA) { 0x6e / 255., 0x6d / 255., 0x71 / 255., 1 };
  p->edge_alpha = 1;
  p->edge_width = 3.2;
  p->tint = 0.22;
  p->border = 3.5;
}

/* Presentation mode and small sizes leave out the subtitles and enlarge the rest. */
static gboolean
is_compact (GtwMechanismMap *self)
{
  return self->presentation || self->scale < COMPACT_SCALE;
}

static GdkRGBA
mix (const GdkRGBA *a,
     const GdkRGBA *b,
     double         t)
{
  return (GdkRGBA) { a->red + (b->red - a->red) * t, a->green + (b->green - a->green) * t,
                     a->blue + (b->blue - a->blue) * t, a->alpha + (b->alpha - a->alpha) * t };
}

static GdkRGBA
score_colour (const Palette *p,
              double         score)
{
  if (score < 0)
    return mix (&p->neutral, &p->good, -score);
  return mix (&p->neutral, &p->bad, score);
}

static void
anchor (GtwMechNode node,
        Side        side,
        double      pos,
        double     *x,
        double     *y,
        double     *nx,
        double     *ny)
{
  graphene_rect_t r = node_rect (node);

  switch (side)
    {
    case SIDE_TOP:
      *x = r.origin.x + pos * r.size.width, *y = r.origin.y, *nx = 0, *ny = -1;
      break;
    case SIDE_BOTTOM:
      *x = r.origin.x + pos * r.size.width, *y = r.origin.y + r.size.height, *nx = 0, *ny = 1;
      break;
    case SIDE_LEFT:
      *x = r.origin.x, *y = r.origin.y + pos * r.size.height, *nx = -1, *ny = 0;
      break;
    case SIDE_RIGHT:
    default:
      *x = r.origin.x + r.size.width, *y = r.origin.y + pos * r.size.height, *nx = 1, *ny = 0;
      break;
    }
}

/* ---------------------------------------------------------------------------------------- */
/* Drawing the diagram                                                                      */

static void
set_source (cairo_t       *cr,
            const GdkRGBA *c)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha);
}

static void
rounded_rect (cairo_t               *cr,
              const graphene_rect_t *r,
              double                 radius)
{
  double x = r->origin.x, y = r->origin.y, w = r->size.width, h = r->size.height;

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + w - radius, y + h - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + h - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* A layout of @text in the widget's font at @size canvas units. */
static PangoLayout *
make_layout (GtwMechanismMap *self,
             const char      *text,
             double           size,
             gboolean         bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  const PangoFontDescription *base = pango_context_get_font_description (pango_layout_get_context (layout));
  g_autoptr (PangoFontDescription) desc = base ? pango_font_description_copy (base)
                                               : pango_font_description_new ();

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, desc);
  return layout;
}

/* Draws @text centred on @cx with its top at @y, at most @max_width wide. */
static double
draw_text (GtwMechanismMap *self,
           cairo_t         *cr,
           const char      *text,
           double           size,
           gboolean         bold,
           double           cx,
           double           y,
           double           max_width)
{
  g_autoptr (PangoLayout) layout = make_layout (self, text, size, bold);
  int w, h;

  pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, cx - w / 2.0, y);
  pango_cairo_show_layout (cr, layout);
  return h;
}

static void
draw_edge (cairo_t       *cr,
           const Edge    *e,
           const Palette *p)
{
  double x0, y0, nx0, ny0, x1, y1, nx1, ny1, d, angle;
  GdkRGBA c = p->fg;

  anchor (e->from, e->from_side, e->from_pos, &x0, &y0, &nx0, &ny0);
  anchor (e->to, e->to_side, e->to_pos, &x1, &y1, &nx1, &ny1);
  /* leave room for the head, which points against the target side's normal */
  x1 += nx1 * 5, y1 += ny1 * 5;
  d = MAX (hypot (x1 - x0, y1 - y0) * 0.45, 8.0);
  if (e->from_side == SIDE_TOP && e->to_side == SIDE_TOP)
    d = 60; /* the arc over a row */

  c.alpha *= p->edge_alpha;
  set_source (cr, &c);
  cairo_set_line_width (cr, p->edge_width);
  cairo_move_to (cr, x0, y0);
  cairo_curve_to (cr, x0 + nx0 * d, y0 + ny0 * d, x1 + nx1 * d, y1 + ny1 * d, x1, y1);
  cairo_stroke (cr);

  angle = atan2 (-ny1, -nx1);
  cairo_save (cr);
  cairo_translate (cr, x1, y1);
  cairo_rotate (cr, angle);
  if (e->blocks)
    {
      cairo_set_line_width (cr, 3.6);
      cairo_move_to (cr, 0, -9);
      cairo_line_to (cr, 0, 9);
      cairo_stroke (cr);
    }
  else
    {
      cairo_move_to (cr, 5, 0);
      cairo_line_to (cr, -8, -7);
      cairo_line_to (cr, -8, 7);
      cairo_close_path (cr);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

static void
draw_badges (GtwMechanismMap *self,
             cairo_t         *cr,
             GtwMechNode      node,
             int              day)
{
  GtwInterventionType types[MAX_BADGES];
  guint n = gtw_mechanism_map_badges_on (self, node, day, types, MAX_BADGES);
  graphene_rect_t r = node_rect (node);
  double y = r.origin.y + r.size.height + BADGE_GAP;
  gboolean dark = is_dark ();

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (PangoLayout) layout = make_layout (self, gtw_intervention_style_short_label (types[i]),
                                                    is_compact (self) ? 15 : 13.5, TRUE);
      GdkRGBA fill, text;
      graphene_rect_t b;
      int w, h;

      pango_layout_set_width (layout, (int) ((BADGE_MAX_W - 16) * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (layout, &w, &h);
      gtw_intervention_style_colors (types[i], dark, &fill, &text);
      b = GRAPHENE_RECT_INIT (gtw_mech_nodes[node].x - (w + 16) / 2.0, y, w + 16, BADGE_H);
      rounded_rect (cr, &b, BADGE_H / 2);
      set_source (cr, &fill);
      cairo_fill (cr);
      /* the badge hangs from its node */
      cairo_move_to (cr, gtw_mech_nodes[node].x, y);
      cairo_line_to (cr, gtw_mech_nodes[node].x, y - BADGE_GAP);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
      set_source (cr, &text);
      cairo_move_to (cr, b.origin.x + 8, y + (BADGE_H - h) / 2);
      pango_cairo_show_layout (cr, layout);
      y += BADGE_H + BADGE_GAP;
    }
}

static void
draw_node (GtwMechanismMap *self,
           cairo_t         *cr,
           GtwMechNode      node,
           int              day,
           const Palette   *p)
{
  const NodeInfo *n = &gtw_mech_nodes[node];
  graphene_rect_t r = node_rect (node);
  gboolean has_data = day >= 0;
  double value = has_data ? gtw_mech_node_value (node, self->trace, (guint) day) : NAN;
  double score = has_data ? gtw_mech_node_score (node, value) : 0;
  GdkRGBA level = has_data ? score_colour (p, score) : p->neutral;
  GdkRGBA tint = mix (&p->card, &level, p->tint);
  GdkRGBA track = p->fg;
  double y = r.origin.y + 7, gauge_x = r.origin.x + 12, gauge_w = r.size.width - 24;
  double gauge_y = r.origin.y + r.size.height - 15;
  gboolean selected = (int) node == self->selected;
  gboolean compact = is_compact (self);

  rounded_rect (cr, &r, NODE_RADIUS);
  set_source (cr, &tint);
  cairo_fill_preserve (cr);
  set_source (cr, &level);
  cairo_set_line_width (cr, p->border);
  cairo_stroke (cr);

  if (selected || ((int) node == self->focus_node && gtk_widget_has_visible_focus (GTK_WIDGET (self))))
    {
      graphene_rect_t ring;

      graphene_rect_inset_r (&r, -5, -5, &ring);
      rounded_rect (cr, &ring, NODE_RADIUS + 5);
      set_source (cr, &p->accent);
      cairo_set_line_width (cr, selected ? 3.5 : 2);
      if (!selected)
        cairo_set_dash (cr, (double[]) { 6, 4 }, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  set_source (cr, &p->fg);
  if (compact)
    y += 4;
  y += draw_text (self, cr, _(n->title), compact ? 17.5 : 16.5, TRUE, n->x, y, r.size.width - 10);
  if (n->subtitle != NULL && !compact)
    {
      GdkRGBA dim = p->fg;

      dim.alpha *= 0.7;
      set_source (cr, &dim);
      y += draw_text (self, cr, _(n->subtitle), 12, FALSE, n->x, y, r.size.width - 10);
    }
  set_source (cr, &p->fg);
  if (has_data)
    {
      g_autofree char *text = gtw_mechanism_map_format_value (self, node, value);

      draw_text (self, cr, text, compact ? 18 : 15, FALSE, n->x, y + 1, r.size.width - 10);
    }

  /* the gauge: the level filled, the healthy reference as a tick */
  track.alpha = 0.14;
  set_source (cr, &track);
  cairo_rectangle (cr, gauge_x, gauge_y, gauge_w, 8);
  cairo_fill (cr);
  if (has_data)
    {
      set_source (cr, &level);
      cairo_rectangle (cr, gauge_x, gauge_y, gauge_w * CLAMP (value / n->max, 0.0, 1.0), 8);
      cairo_fill (cr);
    }
  set_source (cr, &p->fg);
  cairo_set_line_width (cr, 2);
  cairo_move_to (cr, gauge_x + gauge_w * n->ref / n->max, gauge_y - 3);
  cairo_line_to (cr, gauge_x + gauge_w * n->ref / n->max, gauge_y + 11);
  cairo_stroke (cr);
}

/* The day and stage at the top left, the legend at the bottom left. */
static void
draw_frame (GtwMechanismMap *self,
            cairo_t         *cr,
            int              day,
            const Palette   *p)
{
  g_autoptr (PangoLayout) title = NULL;
  double size = is_compact (self) ? 16 : 13;
  g_autoptr (PangoLayout) better = make_layout (self, _("better than healthy"), size, FALSE);
  g_autoptr (PangoLayout) impaired = make_layout (self, _("impaired"), size, FALSE);
  g_autoptr (PangoLayout) drives = make_layout (self, _("drives"), size, FALSE);
  g_autoptr (PangoLayout) blocks = make_layout (self, _("blocks"), size, FALSE);
  g_autoptr (PangoLayout) tick = make_layout (self, _("healthy reference"), size, FALSE);
  double x = 14, y = CANVAS_H - 62;
  GdkRGBA bg;
  int w, h;

  set_source (cr, &p->fg);
  if (day >= 0)
    {
      g_autofree char *date = gtw_intervention_style_format_day (day);
      const GtwDayRecord *r = gtw_trace_get_day (self->trace, (guint) day);
      /* TRANSLATORS: the map's heading, "Year 8, month 1 · Prediabetes" */
      g_autofree char *text = g_strdup_printf (_("%s · %s"), date, gtw_stage_label (r->stage));

      title = make_layout (self, text, size + 6, TRUE);
    }
  else
    title = make_layout (self, _("No run yet"), size + 6, TRUE);
  /* the arc from visceral fat to inflammation runs behind a long heading (a longer language,
   * a longer stage): a halo of the view's background keeps the words whole */
  if (gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (self)),
                                      "view_bg_color", &bg))
    {
      cairo_move_to (cr, 14, 8);
      pango_cairo_layout_path (cr, title);
      set_source (cr, &bg);
      cairo_set_line_width (cr, 8);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
      set_source (cr, &p->fg);
    }
  cairo_move_to (cr, 14, 8);
  pango_cairo_show_layout (cr, title);

  /* colour scale: better than healthy, healthy (marked), impaired */
  pango_layout_get_pixel_size (better, &w, &h);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, better);
  x += w + 8;
  for (int i = 0; i <= 40; i++)
    {
      GdkRGBA c = score_colour (p, (i - 20) / 20.0);

      set_source (cr, &c);
      cairo_rectangle (cr, x + i * 5, y + 3, 5.5, h - 6);
      cairo_fill (cr);
    }
  set_source (cr, &p->fg);
  cairo_set_line_width (cr, 2);
  cairo_move_to (cr, x + 20 * 5 + 2.75, y);
  cairo_line_to (cr, x + 20 * 5 + 2.75, y + h);
  cairo_stroke (cr);
  x += 41 * 5 + 8;
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, impaired);

  /* the gauge's tick, arrows and bars */
  x = 14, y += h + 10;
  cairo_set_line_width (cr, 2);
  cairo_move_to (cr, x + 4, y + 2);
  cairo_line_to (cr, x + 4, y + h - 2);
  cairo_stroke (cr);
  cairo_move_to (cr, x + 14, y);
  pango_cairo_show_layout (cr, tick);
  pango_layout_get_pixel_size (tick, &w, NULL);
  x += 14 + w + 22;
  cairo_set_line_width (cr, 2.4);
  cairo_move_to (cr, x, y + h / 2.0);
  cairo_line_to (cr, x + 22, y + h / 2.0);
  cairo_stroke (cr);
  cairo_move_to (cr, x + 30, y + h / 2.0);
  cairo_line_to (cr, x + 20, y + h / 2.0 - 6);
  cairo_line_to (cr, x + 20, y + h / 2.0 + 6);
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_move_to (cr, x + 36, y);
  pango_cairo_show_layout (cr, drives);
  pango_layout_get_pixel_size (drives, &w, NULL);
  x += 36 + w + 22;
  cairo_move_to (cr, x, y + h / 2.0);
  cairo_line_to (cr, x + 26, y + h / 2.0);
  cairo_stroke (cr);
  cairo_set_line_width (cr, 3.6);
  cairo_move_to (cr, x + 27, y + 2);
  cairo_line_to (cr, x + 27, y + h - 2);
  cairo_stroke (cr);
  cairo_move_to (cr, x + 36, y);
  pango_cairo_show_layout (cr, blocks);
}

void
gtw_mechanism_map_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  GtwMechanismMap *self = GTW_MECHANISM_MAP (widget);
  int height = gtk_widget_get_height (widget);
  int day = shown_day (self);
  Palette p;
  cairo_t *cr;

  if (self->map_width < 10 || height < 10)
    return;
  get_palette (self, &p);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, self->map_width, height));
  cairo_translate (cr, self->origin_x, self->origin_y);
  cairo_scale (cr, self->scale, self->scale);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint i = 0; i < G_N_ELEMENTS (edges); i++)
    draw_edge (cr, &edges[i], &p);
  for (int i = 0; i < GTW_MECH_N_NODES; i++)
    {
      draw_node (self, cr, i, day, &p);
      draw_badges (self, cr, i, day);
    }
  draw_frame (self, cr, day, &p);
  cairo_destroy (cr);

  if (!gtk_widget_get_visible (self->panel))
    return;
  /* floating over the map, the card's translucent dark background needs a floor */
  if (self->panel_area.origin.x < self->map_width)
    {
      GdkRGBA floor = is_dark () ? (GdkRGBA) { 0x24 / 255., 0x24 / 255., 0x24 / 255., 1 }
                                 : (GdkRGBA) { 0xfa / 255., 0xfa / 255., 0xfa / 255., 1 };
      GskRoundedRect clip;

      gsk_rounded_rect_init_from_rect (&clip, &self->panel_area, NODE_RADIUS);
      gtk_snapshot_push_rounded_clip (snapshot, &clip);
      gtk_snapshot_append_color (snapshot, &floor, &self->panel_area);
      gtk_snapshot_pop (snapshot);
    }
  gtk_widget_snapshot_child (widget, self->panel, snapshot);
}

/* ---------------------------------------------------------------------------------------- */
/* The node's history, drawn with PLplot                                                    */

static void
plot_series (GtwMechanismMap *self,
             const GtwTrace  *trace,
             GtwMechNode      node)
{
  guint n = gtw_trace_get_n_days (trace);
  g_autofree PLFLT *x = g_new (PLFLT, n);
  g_autofree PLFLT *y = g_new (PLFLT, n);

  for (guint d = 0; d < n; d++)
    {
      x[d] = d / 365.25;
      y[d] = to_display (self, node, gtw_mech_node_value (node, trace, d));
    }
  plline ((PLINT) n, x, y);
}

static void
series_range (GtwMechanismMap *self,
              const GtwTrace  *trace,
              GtwMechNode      node,
              double          *lo,
              double          *hi)
{
  for (guint d = 0; trace != NULL && d < gtw_trace_get_n_days (trace); d++)
    {
      double v = to_display (self, node, gtw_mech_node_value (node, trace, d));

      *lo = MIN (*lo, v);
      *hi = MAX (*hi, v);
    }
}

void
gtw_mechanism_map_draw_history (GtkDrawingArea *area,
                                cairo_t        *cr,
                                int             width,
                                int             height,
                                gpointer        data)
{
  GtwMechanismMap *self = data;
  int node = self->selected;
  int day = shown_day (self);
  gboolean with_base = self->baseline != NULL && gtw_trace_get_n_days (self->baseline) > 0
                       && gtw_trace_has_interventions (self->trace);
  double ref = to_display (self, node, gtw_mech_nodes[node].ref);
  double lo, hi, years, pad, mm = 25.4 / 72.0;
  GtwPlotTheme theme;
  Palette p;
  GdkRGBA faint;

  if (day < 0 || node < 0 || !gtw_figure_available (NULL) || width < 80 || height < 60)
    return;
  get_palette (self, &p);
  lo = hi = ref;
  series_range (self, self->trace, node, &lo, &hi);
  if (with_base)
    series_range (self, self->baseline, node, &lo, &hi);
  pad = MAX ((hi - lo) * 0.08, fabs (hi) * 0.02 + 1e-3);
  lo = MAX (lo - pad, 0.0); /* no level is negative */
  hi += pad;
  years = MAX (gtw_trace_get_n_days (self->trace), 2) / 365.25;

  /* the chart's text, axes and grid; the map's blue and orange for the run and the day */
  gtw_plot_theme_init (&theme, self->presentation && self->high_contrast);
  faint = theme.foreground, faint.alpha = 0.35;
  gtw_plot_theme_begin (cr, width, height,
                        (GdkRGBA[]) { p.card, theme.foreground, faint, p.good, p.bad, theme.grid }, 6,
                        1.25);
  plsvpa (62 * mm, (width - 12) * mm, 46 * mm, (height - 10) * mm);
  plwind (0, years, lo, hi);
  plcol0 (5);
  plbox ("g", 0, 0, "g", 0, 0);
  plcol0 (1);
  plwidth (1);
  plbox ("bcnst", 0, 0, "bcnstv", 0, 0);
  pllab (_("Years"), gtw_mechanism_map_history_unit (self, node), "");

  /* the healthy reference, dashed */
  pllsty (2);
  plcol0 (2);
  pljoin (0, ref, years, ref);
  pllsty (1);
  if (with_base)
    {
      plwidth (2);
      plcol0 (2);
      plot_series (self, self->baseline, node);
    }
  plwidth (3);
  plcol0 (3);
  plot_series (self, self->trace, node);
  plcol0 (4);
  plwidth (2);
  pljoin (day / 365.25, lo, day / 365.25, hi);
  plpoin (1, (PLFLT[]) { day / 365.25 },
          (PLFLT[]) { to_display (self, node,
                                  gtw_mech_node_value (node, self->trace, (guint) day)) },
          17);
  gtw_plot_theme_end (cr);
}

