/* gtw-playback.h: the run revealed over time, for telling its story
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A position in the run's days that moves while playing, at a chosen speed in simulated time
 * per second, driven by the frame clock of a widget. The owner shows the run up to
 * gtw_playback_get_day (); -1 means playback is off and the whole run is shown.
 *
 * Playing stops at the last day; playing again from there starts over from day 0.
 *
 * Properties: "day" (int, -1: off), "playing" (gboolean), "speed" (string, one of the ids
 * below), "duration" (int, days).
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The speeds, slowest first: "month", "3-months", "6-months", "year", "2-years" per second. */
#define GTW_PLAYBACK_DEFAULT_SPEED "year"

#define GTW_TYPE_PLAYBACK (gtw_playback_get_type ())
G_DECLARE_FINAL_TYPE (GtwPlayback, gtw_playback, GTW, PLAYBACK, GObject)

/* @widget's frame clock drives playing; it is not referenced. */
GtwPlayback *gtw_playback_new              (GtkWidget   *widget);

void         gtw_playback_set_duration     (GtwPlayback *self,
                                            int          duration_days);
int          gtw_playback_get_duration     (GtwPlayback *self);

int          gtw_playback_get_day          (GtwPlayback *self);
gboolean     gtw_playback_get_active       (GtwPlayback *self);
/* Goes to @day (clamped to the run) and pauses there; -1 turns playback off. */
void         gtw_playback_seek             (GtwPlayback *self,
                                            int          day);
/* Moves by whole months (negative: back); from off, counts from the last day. */
void         gtw_playback_step_months      (GtwPlayback *self,
                                            int          months);

void         gtw_playback_set_playing      (GtwPlayback *self,
                                            gboolean     playing);
gboolean     gtw_playback_get_playing      (GtwPlayback *self);

/* FALSE, changing nothing, for an unknown id. */
gboolean     gtw_playback_set_speed        (GtwPlayback *self,
                                            const char  *speed);
const char  *gtw_playback_get_speed        (GtwPlayback *self);
double       gtw_playback_get_days_per_second (GtwPlayback *self);
/* The speed's name for people ("1 year per second"), or NULL for an unknown id. */
const char  *gtw_playback_speed_label      (const char  *speed);

/* Tests: with a manual clock the frame clock is not used, and only advance () moves. */
void         gtw_playback_set_manual_clock (GtwPlayback *self,
                                            gboolean     manual);
/* Moves a playing position by @seconds of wall time at the current speed. */
void         gtw_playback_advance          (GtwPlayback *self,
                                            double       seconds);

G_END_DECLS
