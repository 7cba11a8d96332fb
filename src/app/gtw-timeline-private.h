/* gtw-timeline-private.h: what the parts of the timeline share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The instance, the small geometry helpers and the functions one part calls in another.
 */
#pragma once

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gtw-timeline.h"

G_BEGIN_DECLS

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

static inline const GtwIntervention *
get_iv (GtwTimeline *self,
        int          index)
{
  return &g_array_index (self->interventions, GtwIntervention, index);
}

static inline int
get_lane (GtwTimeline *self,
          int          index)
{
  return g_array_index (self->lanes, int, index);
}

static inline gboolean
valid_index (GtwTimeline *self,
             int          index)
{
  return index >= 0 && (guint) index < self->interventions->len;
}

static inline int
effective_end (GtwTimeline           *self,
               const GtwIntervention *iv)
{
  return iv->end_day < 0 ? self->duration_days - 1 : MIN (iv->end_day, self->duration_days - 1);
}

static inline const char *
type_label (const GtwIntervention *iv)
{
  return _(gtw_intervention_class (iv->type)->label);
}

static inline double
plot_left (GtwTimeline *self)
{
  return self->margin_left;
}

static inline double
plot_width (GtwTimeline *self)
{
  return MAX (gtk_widget_get_width (GTK_WIDGET (self)) - self->margin_left - self->margin_right, 1);
}

static inline double
pixels_per_day (GtwTimeline *self)
{
  return plot_width (self) / MAX (self->last_day - self->first_day, 1e-6);
}

static inline double
day_to_x (GtwTimeline *self,
          double       day)
{
  return plot_left (self) + (day - self->first_day) * pixels_per_day (self);
}

static inline double
x_to_day (GtwTimeline *self,
          double       x)
{
  return self->first_day + (x - plot_left (self)) / pixels_per_day (self);
}

static inline gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

/* gtw-timeline.c: the list, geometry, selection and the editor popover */
int *gtw_timeline_visual_order (GtwTimeline *self);
char *gtw_timeline_describe_dates (const GtwIntervention *iv);
int gtw_timeline_snap_day (GtwTimeline *self,
                           double       day,
                           int          origin);
void gtw_timeline_block_rect_for (GtwTimeline           *self,
                                  const GtwIntervention *iv,
                                  int                    lane,
                                  graphene_rect_t       *rect);
void gtw_timeline_block_rect (GtwTimeline     *self,
                              int              index,
                              graphene_rect_t *rect);
int gtw_timeline_block_at (GtwTimeline *self,
                           double       x,
                           double       y,
                           DragMode    *zone);
void gtw_timeline_point_editor (GtwTimeline *self);
void gtw_timeline_open_editor (GtwTimeline *self);
void gtw_timeline_set_selected (GtwTimeline *self,
                                int          index);

/* gtw-timeline-input.c: pointer, keyboard, drops and tooltips */
void gtw_timeline_init_input (GtwTimeline *self);

/* gtw-timeline-draw.c: size and drawing */
void gtw_timeline_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot);
void gtw_timeline_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline);
void gtw_timeline_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline);
void gtw_timeline_update_lane_height (GtwTimeline *self);
/* The label block @index shows inside itself, and where its text goes; NULL when no label fits
 * whole (the block shows its icon alone, or nothing). */
char *gtw_timeline_block_label (GtwTimeline     *self,
                                int              index,
                                graphene_rect_t *extent);

G_END_DECLS
