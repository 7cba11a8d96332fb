/* gtw-playback.c: the run revealed over time, for telling its story
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The position is kept in fractional days so that slow speeds, which move less than a day per
 * frame, still move; the day shown is its whole part.
 */
#include <math.h>

#include <glib/gi18n.h>

#include "gtw-playback.h"

#define DAYS_PER_MONTH (365.25 / 12.0)

typedef struct
{
  const char *id;
  const char *label;
  double      months_per_second;
} Speed;

static const Speed speeds[] = {
  { "month", N_("1 month per second"), 1 },
  { "3-months", N_("3 months per second"), 3 },
  { "6-months", N_("6 months per second"), 6 },
  { "year", N_("1 year per second"), 12 },
  { "2-years", N_("2 years per second"), 24 },
};

struct _GtwPlayback
{
  GObject       parent_instance;

  GtkWidget    *widget; /* weak */
  guint         tick_id;
  gboolean      in_tick;
  gint64        last_frame_time;
  gboolean      manual_clock;

  int           duration;
  double        position; /* -1: off */
  gboolean      playing;
  const Speed  *speed;
};

G_DEFINE_FINAL_TYPE (GtwPlayback, gtw_playback, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_DAY,
  PROP_PLAYING,
  PROP_SPEED,
  PROP_DURATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const Speed *
find_speed (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (speeds); i++)
    if (g_strcmp0 (speeds[i].id, id) == 0)
      return &speeds[i];
  return NULL;
}

static int
last_day (GtwPlayback *self)
{
  return MAX (self->duration - 1, 0);
}

static int
day_of (double position)
{
  return position < 0 ? -1 : (int) floor (position);
}

/* Moves to @position, telling "day" when the day shown changes. */
static void
set_position (GtwPlayback *self,
              double       position)
{
  int before = day_of (self->position);

  self->position = position < 0 ? -1 : CLAMP (position, 0, last_day (self));
  if (day_of (self->position) != before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
}

static void
stop_clock (GtwPlayback *self)
{
  /* Inside the callback, it removes itself by its return value. */
  if (self->tick_id != 0 && self->widget != NULL && !self->in_tick)
    gtk_widget_remove_tick_callback (self->widget, self->tick_id);
  self->tick_id = 0;
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  GtwPlayback *self = user_data;
  gint64 now = gdk_frame_clock_get_frame_time (clock);

  /* The first frame only starts the count: the time before it was not spent playing. */
  self->in_tick = TRUE;
  if (self->last_frame_time != 0)
    gtw_playback_advance (self, (now - self->last_frame_time) / (double) G_USEC_PER_SEC);
  self->in_tick = FALSE;
  self->last_frame_time = now;
  if (self->tick_id == 0 || !self->playing)
    {
      self->tick_id = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
start_clock (GtwPlayback *self)
{
  if (self->manual_clock || self->widget == NULL || self->tick_id != 0)
    return;
  self->last_frame_time = 0;
  self->tick_id = gtk_widget_add_tick_callback (self->widget, tick_cb, self, NULL);
}

static void
set_playing_internal (GtwPlayback *self,
                      gboolean     playing)
{
  if (self->playing == playing)
    return;
  self->playing = playing;
  if (playing)
    start_clock (self);
  else
    stop_clock (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
}

void
gtw_playback_set_duration (GtwPlayback *self,
                           int          duration_days)
{
  g_return_if_fail (GTW_IS_PLAYBACK (self));
  g_return_if_fail (duration_days >= 0);

  if (self->duration == duration_days)
    return;
  self->duration = duration_days;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURATION]);
  if (self->position >= 0)
    set_position (self, MIN (self->position, last_day (self)));
}

int
gtw_playback_get_duration (GtwPlayback *self)
{
  g_return_val_if_fail (GTW_IS_PLAYBACK (self), 0);
  return self->duration;
}

int
gtw_playback_get_day (GtwPlayback *self)
{
  g_return_val_if_fail (GTW_IS_PLAYBACK (self), -1);
  return day_of (self->position);
}

gboolean
gtw_playback_get_active (GtwPlayback *self)
{
  g_return_val_if_fail (GTW_IS_PLAYBACK (self), FALSE);
  return self->position >= 0;
}

void
gtw_playback_seek (GtwPlayback *self,
                   int          day)
{
  g_return_if_fail (GTW_IS_PLAYBACK (self));

  set_playing_internal (self, FALSE);
  set_position (self, day < 0 ? -1 : day);
}

void
gtw_playback_step_months (GtwPlayback *self,
                          int          months)
{
  double from;

  g_return_if_fail (GTW_IS_PLAYBACK (self));

  from = self->position >= 0 ? floor (self->position) : last_day (self);
  gtw_playback_seek (self, MAX ((int) round (from + months * DAYS_PER_MONTH), 0));
}

void
gtw_playback_set_playing (GtwPlayback *self,
                          gboolean     playing)
{
  g_return_if_fail (GTW_IS_PLAYBACK (self));

  playing = !!playing;
  if (playing == self->playing)
    return;
  if (playing && self->duration <= 1)
    return;
  /* From off or from the end: the story starts over. */
  if (playing && (self->position < 0 || self->position >= last_day (self)))
    set_position (self, 0);
  set_playing_internal (self, playing);
}

gboolean
gtw_playback_get_playing (GtwPlayback *self)
{
  g_return_val_if_fail (GTW_IS_PLAYBACK (self), FALSE);
  return self->playing;
}

gboolean
gtw_playback_set_speed (GtwPlayback *self,
                        const char  *speed)
{
  const Speed *found;

  g_return_val_if_fail (GTW_IS_PLAYBACK (self), FALSE);

  found = find_speed (speed);
  if (found == NULL)
    return FALSE;
  if (found != self->speed)
    {
      self->speed = found;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPEED]);
    }
  return TRUE;
}

const char *
gtw_playback_get_speed (GtwPlayback *self)
{
  g_return_val_if_fail (GTW_IS_PLAYBACK (self), NULL);
  return self->speed->id;
}

double
gtw_playback_get_days_per_second (GtwPlayback *self)
{
  g_return_val_if_fail (GTW_IS_PLAYBACK (self), 0);
  return self->speed->months_per_second * DAYS_PER_MONTH;
}

const char *
gtw_playback_speed_label (const char *speed)
{
  const Speed *found = find_speed (speed);

  return found != NULL ? _(found->label) : NULL;
}

void
gtw_playback_set_manual_clock (GtwPlayback *self,
                               gboolean     manual)
{
  g_return_if_fail (GTW_IS_PLAYBACK (self));

  self->manual_clock = !!manual;
  if (self->manual_clock)
    stop_clock (self);
  else if (self->playing)
    start_clock (self);
}

void
gtw_playback_advance (GtwPlayback *self,
                      double       seconds)
{
  double position;

  g_return_if_fail (GTW_IS_PLAYBACK (self));
  g_return_if_fail (seconds >= 0);

  if (!self->playing)
    return;
  position = self->position + seconds * gtw_playback_get_days_per_second (self);
  if (position >= last_day (self))
    {
      set_position (self, last_day (self));
      set_playing_internal (self, FALSE);
      return;
    }
  set_position (self, position);
}

static void
gtw_playback_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  GtwPlayback *self = GTW_PLAYBACK (object);

  switch (prop_id)
    {
    case PROP_DAY:
      g_value_set_int (value, gtw_playback_get_day (self));
      break;
    case PROP_PLAYING:
      g_value_set_boolean (value, self->playing);
      break;
    case PROP_SPEED:
      g_value_set_string (value, self->speed->id);
      break;
    case PROP_DURATION:
      g_value_set_int (value, self->duration);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gtw_playback_dispose (GObject *object)
{
  GtwPlayback *self = GTW_PLAYBACK (object);

  stop_clock (self);
  if (self->widget != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->widget), (gpointer *) &self->widget);
  self->widget = NULL;
  G_OBJECT_CLASS (gtw_playback_parent_class)->dispose (object);
}

static void
gtw_playback_class_init (GtwPlaybackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = gtw_playback_get_property;
  object_class->dispose = gtw_playback_dispose;

  properties[PROP_DAY] = g_param_spec_int ("day", NULL, NULL, -1, G_MAXINT, -1,
                                           G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY
                                           | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAYING] = g_param_spec_boolean ("playing", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY
                                                   | G_PARAM_STATIC_STRINGS);
  properties[PROP_SPEED] = g_param_spec_string ("speed", NULL, NULL, GTW_PLAYBACK_DEFAULT_SPEED,
                                                G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY
                                                | G_PARAM_STATIC_STRINGS);
  properties[PROP_DURATION] = g_param_spec_int ("duration", NULL, NULL, 0, G_MAXINT, 0,
                                                G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY
                                                | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gtw_playback_init (GtwPlayback *self)
{
  self->position = -1;
  self->speed = find_speed (GTW_PLAYBACK_DEFAULT_SPEED);
}

GtwPlayback *
gtw_playback_new (GtkWidget *widget)
{
  GtwPlayback *self;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  self = g_object_new (GTW_TYPE_PLAYBACK, NULL);
  self->widget = widget;
  g_object_add_weak_pointer (G_OBJECT (widget), (gpointer *) &self->widget);
  return self;
}
