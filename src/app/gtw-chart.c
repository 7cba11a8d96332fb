/* gtw-chart.c: the four stacked panels (glucose, insulin, C-peptide, beta-cell mass), live
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figure itself comes from the shared PLplot renderer, drawn into an image once per change
 * of data, size, view, units, theme or text scale and kept as a texture. The cursor (a line, a
 * dot on every curve, the values and the date) is an overlay of snapshot nodes on top of it,
 * so that following the pointer costs no PLplot at all.
 */
#include "gtw-chart.h"
#include "gtw-story.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#define DAYS_PER_YEAR    365.25
#define DEFAULT_DAYS     3652
#define MIN_SPAN_DAYS    30.0
#define ZOOM_STEP        1.25 /* per scroll step or key press */
#define CLICK_SLOP_PX    4.0
#define DOT_RADIUS       4.0
#define N_PANELS         4
#define FLAG_HIT_PX      6.0 /* how near the pointer must come to a flag for its tooltip */
#define FLAG_ROWS        3   /* title rows above each other before titles are dropped */

struct _GtwChart
{
  GtkWidget          parent_instance;

  GtwTrace          *trace;
  GtwTrace          *baseline;
  GtwDayDetail      *day;
  GtwDayDetail      *baseline_day;

  /* the story markers of the run and of its baseline (GtwStoryMarker), by day */
  GPtrArray         *story;
  GPtrArray         *baseline_story;

  GtwChartView       view;
  int                view_day;
  GtwDisplayUnits    units;
  gboolean           show_baseline;
  gboolean           show_band;
  double             font_scale;

  /* the days on the x axis in the decade and year views */
  double             first_day;
  double             last_day;
  gboolean           zoomed;
  int                range_duration; /* the run length the range was made for */
  int                margin_left;
  int                margin_right;

  /* the rendered figure and where its panels went */
  GdkTexture        *texture;
  GdkTexture        *previous; /* the last run's figure, until the new run has a day */
  GtwFigureGeometry  geometry;
  gboolean           have_geometry;
  gint64             render_usec;

  /* the cursor: a day in the decade and year views, a fractional day in the day view */
  gboolean           cursor_shown;
  double             cursor;
  int                cursor_emitted;
  double             pointer_x;
  gboolean           pointer_inside;

  double             drag_x;
  double             drag_y;
  double             drag_first_day;
  gboolean           dragged;
};

G_DEFINE_FINAL_TYPE (GtwChart, gtw_chart, GTK_TYPE_WIDGET)

enum
{
  DAY_ACTIVATED,
  CURSOR_MOVED,
  RANGE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---------------------------------------------------------------------------------------- */
/* Range                                                                                    */

static int
duration_days (GtwChart *self)
{
  if (self->trace != NULL)
    return MAX (gtw_trace_get_scenario (self->trace)->duration_days, 1);
  return DEFAULT_DAYS;
}

static gboolean
is_long_view (GtwChart *self)
{
  return self->view != GTW_CHART_VIEW_DAY;
}

static void
emit_range_changed (GtwChart *self)
{
  g_signal_emit (self, signals[RANGE_CHANGED], 0);
}

/* Clamps [first, last] into the run and to a sensible span; TRUE when the range changed. */
static gboolean
set_range (GtwChart *self,
           double    first,
           double    last)
{
  double duration = duration_days (self);
  double span = CLAMP (last - first, MIN (MIN_SPAN_DAYS, duration), duration);

  first = CLAMP (first, 0, duration - span);
  last = first + span;
  if (first == self->first_day && last == self->last_day)
    return FALSE;
  self->first_day = first;
  self->last_day = last;
  g_clear_object (&self->texture);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

/* The range a view starts with: the whole run, a year around the view day, or the day. */
static void
reset_range (GtwChart *self)
{
  double duration = duration_days (self);

  self->zoomed = FALSE;
  self->range_duration = duration_days (self);
  switch (self->view)
    {
    case GTW_CHART_VIEW_YEAR:
      set_range (self, self->view_day + 0.5 - DAYS_PER_YEAR / 2,
                 self->view_day + 0.5 + DAYS_PER_YEAR / 2);
      break;
    case GTW_CHART_VIEW_DAY:
      self->first_day = self->view_day;
      self->last_day = self->view_day + 1;
      g_clear_object (&self->texture);
      break;
    case GTW_CHART_VIEW_DECADE:
    default:
      set_range (self, 0, duration);
      break;
    }
}

static void
plot_edges (GtwChart *self,
            double   *left,
            double   *right)
{
  GtwFigureOptions options;

  gtw_chart_get_figure_options (self, &options);
  gtw_figure_get_plot_edges (&options, left, right);
}

/* The fractional day under widget x, clamped to the plot area. */
static double
day_at_x (GtwChart *self,
          double    x)
{
  double left, right;

  plot_edges (self, &left, &right);
  if (right <= left)
    return self->first_day;
  x = CLAMP (x, left, right);
  return self->first_day + (x - left) / (right - left) * (self->last_day - self->first_day);
}

static void
zoom_around (GtwChart *self,
             double    anchor_day,
             double    factor)
{
  double first, last;

  if (!is_long_view (self))
    return;
  first = anchor_day - (anchor_day - self->first_day) * factor;
  last = anchor_day + (self->last_day - anchor_day) * factor;
  if (set_range (self, first, last))
    {
      self->zoomed = TRUE;
      emit_range_changed (self);
    }
}

/* ---------------------------------------------------------------------------------------- */
/* Cursor                                                                                   */

/* The whole days that exist under the cursor: those of the run, filled or not. */
static double
clamp_cursor (GtwChart *self,
              double    cursor)
{
  if (is_long_view (self))
    return CLAMP (round (cursor), 0, duration_days (self) - 1);
  return CLAMP (cursor, self->view_day, self->view_day + 1439.0 / 1440);
}

static void
emit_cursor_day (GtwChart *self,
                 int       day)
{
  if (day == self->cursor_emitted)
    return;
  self->cursor_emitted = day;
  g_signal_emit (self, signals[CURSOR_MOVED], 0, day);
}

static void
set_cursor (GtwChart *self,
            double    cursor)
{
  cursor = clamp_cursor (self, cursor);
  if (self->cursor_shown && cursor == self->cursor)
    return;
  self->cursor_shown = TRUE;
  self->cursor = cursor;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  emit_cursor_day (self, is_long_view (self) ? (int) cursor : self->view_day);
}

static void
hide_cursor (GtwChart *self)
{
  if (self->cursor_shown)
    gtk_widget_queue_draw (GTK_WIDGET (self));
  self->cursor_shown = FALSE;
  emit_cursor_day (self, -1);
}

/* Keeps a keyboard-moved cursor in sight by panning. */
static void
reveal_cursor (GtwChart *self)
{
  double span = self->last_day - self->first_day;

  gboolean moved = FALSE;

  if (!is_long_view (self))
    return;
  if (self->cursor < self->first_day)
    moved = set_range (self, self->cursor, self->cursor + span);
  else if (self->cursor > self->last_day)
    moved = set_range (self, self->cursor - span, self->cursor);
  if (moved)
    {
      self->zoomed = TRUE;
      emit_range_changed (self);
    }
}

/* ---------------------------------------------------------------------------------------- */
/* Text                                                                                     */

/* "Year 4, day 112": the first year is year 1, as in "the fourth year of follow-up"; years
 * of 365 days read better here than the axis's 365.25 (day 365 is "Year 2, day 1"). */
static char *
format_day (int day)
{
  return g_strdup_printf (_("Year %d, day %d"), day / 365 + 1, day % 365 + 1);
}

static int
glucose_digits (GtwGlucoseUnit unit)
{
  return unit == GTW_GLUCOSE_MGDL ? 0 : 1;
}

static int
insulin_digits (GtwInsulinUnit unit)
{
  return unit == GTW_INSULIN_UU ? 1 : 0;
}

/* ---------------------------------------------------------------------------------------- */
/* Story                                                                                    */

static gboolean
shows_baseline (GtwChart *self)
{
  return self->show_baseline && self->baseline != NULL && self->trace != NULL
         && gtw_trace_has_interventions (self->trace);
}

/* The markers of the days filled so far, in the display units; cheap enough for every chunk. */
static void
update_story (GtwChart *self)
{
  GtwStoryUnits units = { self->units.glucose, self->units.insulin, self->units.hba1c };

  g_clear_pointer (&self->story, g_ptr_array_unref);
  g_clear_pointer (&self->baseline_story, g_ptr_array_unref);
  if (self->trace != NULL)
    self->story = gtw_story_compute (self->trace, &units);
  if (self->baseline != NULL)
    self->baseline_story = gtw_story_compute (self->baseline, &units);
}

/* "Story: year 0.7, HOMA-IR above 2.5; year 1.2, Prediabetes.", or nothing without markers. */
static void
append_story_description (GtwChart *self,
                          GString  *text)
{
  g_autoptr (GString) items = NULL;

  if (self->story == NULL || self->story->len == 0)
    return;
  items = g_string_new (NULL);
  for (guint i = 0; i < self->story->len; i++)
    {
      const GtwStoryMarker *m = g_ptr_array_index (self->story, i);

      if (i > 0)
        g_string_append (items, "; ");
      /* TRANSLATORS: one story marker in the chart's description, "year 0.7, Prediabetes" */
      g_string_append_printf (items, _("year %.1f, %s"), m->day / DAYS_PER_YEAR, m->title);
    }
  g_string_append_c (text, ' ');
  /* TRANSLATORS: %s lists the story markers, "year 0.7, HOMA-IR above 2.5; year 1.2, Prediabetes" */
  g_string_append_printf (text, _("Story: %s."), items->str);
}

typedef struct
{
  const char *name;
  const char *unit;
  int         digits;
  double      value;
  double      base;     /* NAN without a baseline */
} Reading;

/* The values under the cursor, in display units, one per panel. */
static gboolean
read_cursor (GtwChart *self,
             Reading   readings[N_PANELS])
{
  const GtwDisplayUnits *u = &self->units;
  gboolean with_base = shows_baseline (self);

  readings[0] = (Reading) { _("Glucose"), gtw_glucose_unit_label (u->glucose),
                            glucose_digits (u->glucose), NAN, NAN };
  readings[1] = (Reading) { _("Insulin"), gtw_insulin_unit_label (u->insulin),
                            insulin_digits (u->insulin), NAN, NAN };
  readings[2] = (Reading) { _("C-peptide"), gtw_cpeptide_unit_label (u->cpeptide), 2, NAN, NAN };

  if (is_long_view (self))
    {
      guint day = (guint) self->cursor;
      const GtwDayRecord *r, *b = NULL;

      readings[3] = (Reading) { _("β-cell mass"), _("% of healthy"), 0, NAN, NAN };
      if (self->trace == NULL || day >= gtw_trace_get_n_days (self->trace))
        return FALSE;
      r = gtw_trace_get_day (self->trace, day);
      if (with_base && day < gtw_trace_get_n_days (self->baseline))
        b = gtw_trace_get_day (self->baseline, day);
      readings[0].value = gtw_glucose_convert (r->fasting_glucose, u->glucose);
      readings[1].value = gtw_insulin_convert (r->fasting_insulin, u->insulin);
      readings[2].value = gtw_cpeptide_convert (r->fasting_cpeptide, u->cpeptide);
      readings[3].value = r->beta_cell_mass_rel * 100;
      if (b != NULL)
        {
          readings[0].base = gtw_glucose_convert (b->fasting_glucose, u->glucose);
          readings[1].base = gtw_insulin_convert (b->fasting_insulin, u->insulin);
          readings[2].base = gtw_cpeptide_convert (b->fasting_cpeptide, u->cpeptide);
          readings[3].base = b->beta_cell_mass_rel * 100;
        }
    }
  else
    {
      guint minute = (guint) round ((self->cursor - self->view_day) * 1440);
      const GtwMinuteRecord *m, *b = NULL;

      readings[3] = (Reading) { _("Secretion"), _("pmol/min"), 0, NAN, NAN };
      if (self->day == NULL || self->day->day != self->view_day || minute >= self->day->minutes->len)
        return FALSE;
      m = &g_array_index (self->day->minutes, GtwMinuteRecord, minute);
      if (self->show_baseline && self->baseline_day != NULL && self->baseline_day->minutes != NULL
          && minute < self->baseline_day->minutes->len)
        b = &g_array_index (self->baseline_day->minutes, GtwMinuteRecord, minute);
      readings[0].value = gtw_glucose_convert (m->glucose, u->glucose);
      readings[1].value = gtw_insulin_convert (m->insulin, u->insulin);
      readings[2].value = gtw_cpeptide_convert (m->cpeptide, u->cpeptide);
      readings[3].value = m->isr;
      if (b != NULL)
        {
          readings[0].base = gtw_glucose_convert (b->glucose, u->glucose);
          readings[1].base = gtw_insulin_convert (b->insulin, u->insulin);
          readings[2].base = gtw_cpeptide_convert (b->cpeptide, u->cpeptide);
          readings[3].base = b->isr;
        }
    }
  return TRUE;
}

static char *
cursor_date_text (GtwChart *self)
{
  g_autofree char *date = NULL;
  int minute;

  if (is_long_view (self))
    return format_day ((int) self->cursor);
  date = format_day (self->view_day);
  minute = (int) round ((self->cursor - self->view_day) * 1440);
  /* TRANSLATORS: a date and a clock time, "Year 4, day 112, 08:30" */
  return g_strdup_printf (_("%s, %02d:%02d"), date, minute / 60, minute % 60);
}

/* What the chart shows, for screen readers: the curves, the range and the last values. */
static void
update_description (GtwChart *self)
{
  g_autoptr (GString) text = g_string_new (NULL);
  const GtwDisplayUnits *u = &self->units;

  if (self->view == GTW_CHART_VIEW_DAY)
    {
      g_autofree char *date = format_day (self->view_day);

      g_string_append_printf (text, _("Glucose, insulin, C-peptide and insulin secretion over "
                                      "%s, minute by minute."), date);
      if (self->day != NULL && self->day->day == self->view_day && self->day->minutes->len > 0)
        {
          double peak = -G_MAXDOUBLE;
          guint peak_minute = 0, meals = 0, sessions = 0;

          for (guint i = 0; i < self->day->minutes->len; i++)
            {
              const GtwMinuteRecord *m = &g_array_index (self->day->minutes, GtwMinuteRecord, i);

              if (m->glucose > peak)
                peak = m->glucose, peak_minute = m->minute;
            }
          for (guint i = 0; self->day->events != NULL && i < self->day->events->len; i++)
            {
              GtwEventKind kind = g_array_index (self->day->events, GtwDayEvent, i).kind;

              meals += kind == GTW_EVENT_MEAL;
              sessions += kind == GTW_EVENT_EXERCISE;
            }
          g_string_append_c (text, ' ');
          g_string_append_printf (text, _("Glucose peaks at %.*f %s at %02u:%02u."),
                                  glucose_digits (u->glucose),
                                  gtw_glucose_convert (peak, u->glucose),
                                  gtw_glucose_unit_label (u->glucose), peak_minute / 60,
                                  peak_minute % 60);
          g_string_append_c (text, ' ');
          g_string_append_printf (text, ngettext ("%u meal", "%u meals", meals), meals);
          g_string_append (text, ", ");
          g_string_append_printf (text, ngettext ("%u exercise session.",
                                                  "%u exercise sessions.", sessions), sessions);
        }
    }
  else
    {
      double from = self->first_day / DAYS_PER_YEAR, to = self->last_day / DAYS_PER_YEAR;

      /* whole years read without a decimal: "from year 0 to year 10" */
      g_string_append_printf (text, _("Fasting glucose with its daily range, fasting insulin, "
                                      "C-peptide and β-cell mass from year %.*f to year %.*f."),
                              fabs (from - round (from)) < 0.05 ? 0 : 1, from,
                              fabs (to - round (to)) < 0.05 ? 0 : 1, to);
      if (shows_baseline (self))
        {
          g_string_append_c (text, ' ');
          g_string_append (text, _("The run without interventions is drawn faint behind it."));
        }
      if (self->trace != NULL && gtw_trace_get_n_days (self->trace) > 0)
        {
          guint n = gtw_trace_get_n_days (self->trace);
          const GtwDayRecord *r = gtw_trace_get_day (self->trace, n - 1);
          g_autofree char *date = format_day (n - 1);

          g_string_append_c (text, ' ');
          g_string_append_printf (text, _("%s: glucose %.*f %s, insulin %.*f %s, C-peptide "
                                          "%.2f %s, β-cell mass %.0f%% of healthy."),
                                  date, glucose_digits (u->glucose),
                                  gtw_glucose_convert (r->fasting_glucose, u->glucose),
                                  gtw_glucose_unit_label (u->glucose),
                                  insulin_digits (u->insulin),
                                  gtw_insulin_convert (r->fasting_insulin, u->insulin),
                                  gtw_insulin_unit_label (u->insulin),
                                  gtw_cpeptide_convert (r->fasting_cpeptide, u->cpeptide),
                                  gtw_cpeptide_unit_label (u->cpeptide),
                                  r->beta_cell_mass_rel * 100);
          append_story_description (self, text);
        }
      else
        {
          g_string_append_c (text, ' ');
          g_string_append (text, _("Nothing simulated yet."));
        }
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text->str, -1);
}

/* ---------------------------------------------------------------------------------------- */
/* Drawing                                                                                  */

/* The figure's text height at scale 1, as gtw-figure.c sizes it from the figure's size. */
static double
figure_text_px (GtwChart *self)
{
  return CLAMP (MIN (gtk_widget_get_width (GTK_WIDGET (self)),
                     gtk_widget_get_height (GTK_WIDGET (self)) * 1.25) / 56.0, 10.0, 30.0);
}

/* The figure sizes its text for a page; in a window beside the panels it would shrink below
 * the interface's own text, so it never goes below that (times GNOME's text scaling). */
#define MIN_TEXT_PX 14.0

static double
figure_text_scale (GtwChart *self)
{
  return self->font_scale * MAX (1.0, MIN_TEXT_PX / figure_text_px (self));
}

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static void
invalidate (GtwChart *self)
{
  g_clear_object (&self->texture);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
has_data (GtwChart *self)
{
  if (self->view == GTW_CHART_VIEW_DAY)
    return self->day != NULL && self->day->day == self->view_day && self->day->minutes != NULL
           && self->day->minutes->len > 0;
  return self->trace != NULL && gtw_trace_get_n_days (self->trace) > 0;
}

/* Draws the figure into an image of the widget's size at its scale, as a texture. */
static GdkTexture *
render_figure (GtwChart *self,
               int       width,
               int       height,
               int       scale)
{
  GtwFigureOptions options;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  gint64 start = g_get_monotonic_time ();

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);

  gtw_chart_get_figure_options (self, &options);
  memset (&self->geometry, 0, sizeof self->geometry);
  options.geometry = &self->geometry;
  if (self->view == GTW_CHART_VIEW_DAY)
    self->have_geometry = gtw_figure_draw_day (cr, &options, self->day, self->baseline_day, &error);
  else
    self->have_geometry = gtw_figure_draw_trace (cr, &options, self->trace, self->baseline, &error);
  if (error != NULL)
    g_warning ("Cannot draw the chart: %s", error->message);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  self->render_usec = g_get_monotonic_time () - start;
  g_debug ("Chart rendered at %dx%d@%d in %.1f ms", width, height, scale,
           self->render_usec / 1000.0);

  /* cairo's ARGB32 is GDK's default memory format; the bytes keep the surface alive */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) * height * scale,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  return gdk_memory_texture_new (width * scale, height * scale, GDK_MEMORY_DEFAULT, bytes,
                                 cairo_image_surface_get_stride (surface));
}

static void
theme_colours (GdkRGBA *fg,
               GdkRGBA *bg)
{
  if (is_dark ())
    {
      *fg = (GdkRGBA) { 0.95, 0.95, 0.95, 1 };
      *bg = (GdkRGBA) { 0x24 / 255., 0x24 / 255., 0x24 / 255., 1 };
    }
  else
    {
      *fg = (GdkRGBA) { 0x1E / 255., 0x1E / 255., 0x1E / 255., 1 };
      *bg = (GdkRGBA) { 1, 1, 1, 1 };
    }
}

/* The series colours of the figure renderer (Okabe & Ito). */
static GdkRGBA
series_colour (GtwChart *self,
               guint     panel)
{
  switch (panel)
    {
    case 0:
      return is_dark () ? (GdkRGBA) { 0x56 / 255., 0xB4 / 255., 0xE9 / 255., 1 }
                        : (GdkRGBA) { 0x00 / 255., 0x72 / 255., 0xB2 / 255., 1 };
    case 1:
      return (GdkRGBA) { 0xD5 / 255., 0x5E / 255., 0x00 / 255., 1 };
    case 2:
      return (GdkRGBA) { 0xCC / 255., 0x79 / 255., 0xA7 / 255., 1 };
    case 3:
      return (GdkRGBA) { 0x00 / 255., 0x9E / 255., 0x73 / 255., 1 };
    default:
      g_assert_not_reached ();
    }
}

static void
append_dot (GtkSnapshot   *snapshot,
            double         x,
            double         y,
            double         radius,
            const GdkRGBA *fill,
            const GdkRGBA *ring)
{
  graphene_rect_t rect = GRAPHENE_RECT_INIT (x - radius, y - radius, 2 * radius, 2 * radius);
  GskRoundedRect round;
  const float widths[4] = { 1.5, 1.5, 1.5, 1.5 };
  const GdkRGBA rings[4] = { *ring, *ring, *ring, *ring };

  gsk_rounded_rect_init_from_rect (&round, &rect, radius);
  gtk_snapshot_push_rounded_clip (snapshot, &round);
  gtk_snapshot_append_color (snapshot, fill, &rect);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_append_border (snapshot, &round, widths, rings);
}

/* A rounded label with @layout at (x, y), its top-left corner. */
static void
append_pill (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             double         x,
             double         y,
             const GdkRGBA *fg,
             const GdkRGBA *bg,
             const GdkRGBA *accent)
{
  int w, h;
  graphene_rect_t rect;
  GskRoundedRect round;
  const float widths[4] = { 1, 1, 1, 1 };
  const GdkRGBA borders[4] = { *accent, *accent, *accent, *accent };

  pango_layout_get_pixel_size (layout, &w, &h);
  rect = GRAPHENE_RECT_INIT (x, y, w + 12, h + 6);
  gsk_rounded_rect_init_from_rect (&round, &rect, 5);
  gtk_snapshot_push_rounded_clip (snapshot, &round);
  gtk_snapshot_append_color (snapshot, bg, &rect);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_append_border (snapshot, &round, widths, borders);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + 6, y + 3));
  gtk_snapshot_append_layout (snapshot, layout, fg);
  gtk_snapshot_restore (snapshot);
}

/* Readouts in the figure's own text size, to be read from afar. */
static PangoLayout *
readout_layout (GtwChart *self)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  g_autoptr (PangoFontDescription) font = NULL;
  double text = figure_text_px (self) * figure_text_scale (self);

  font = pango_font_description_copy (pango_context_get_font_description (pango_layout_get_context (layout)));
  pango_font_description_set_absolute_size (font, text * 0.8 * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  return layout;
}

static double
panel_y (const GtwFigureGeometry *g,
         guint                    i,
         double                   value)
{
  double t = (value - g->panels[i].ymin) / (g->panels[i].ymax - g->panels[i].ymin);

  return g->panels[i].bottom - CLAMP (t, 0, 1) * (g->panels[i].bottom - g->panels[i].top);
}

/* The cursor line, a dot on every curve with its value beside it, and the date under the axis. */
static void
snapshot_cursor (GtwChart    *self,
                 GtkSnapshot *snapshot)
{
  const GtwFigureGeometry *g = &self->geometry;
  Reading readings[N_PANELS];
  GdkRGBA fg, bg, line, pill_bg, muted;
  g_autoptr (PangoLayout) layout = NULL;
  g_autofree char *date = NULL;
  double x, span = g->last_day - g->first_day;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  gboolean have_values;
  int w, h;

  if (!self->have_geometry || span <= 0)
    return;
  x = g->left + (self->cursor - g->first_day) / span * (g->right - g->left);
  if (x < g->left - 0.5 || x > g->right + 0.5)
    return;

  theme_colours (&fg, &bg);
  line = fg, line.alpha = 0.55;
  pill_bg = bg, pill_bg.alpha = 0.92;
  muted = fg, muted.alpha = 0.3;
  gtk_snapshot_append_color (snapshot, &line,
                             &GRAPHENE_RECT_INIT (round (x) - 0.5, g->panels[0].top, 1,
                                                  g->panels[N_PANELS - 1].bottom - g->panels[0].top));

  layout = readout_layout (self);
  have_values = read_cursor (self, readings);
  if (have_values)
    for (guint i = 0; i < N_PANELS; i++)
      {
        GdkRGBA colour = series_colour (self, i);
        g_autofree char *markup = NULL, *value = NULL;
        double y = panel_y (g, i, readings[i].value);
        double px, py;

        if (!isfinite (readings[i].value))
          continue;
        value = g_strdup_printf ("%.*f", readings[i].digits, readings[i].value);
        if (isfinite (readings[i].base))
          {
            GdkRGBA faint = fg;
            g_autofree char *base = g_strdup_printf ("%.*f", readings[i].digits, readings[i].base);

            faint.alpha = 0.5;
            append_dot (snapshot, x, panel_y (g, i, readings[i].base), DOT_RADIUS * 0.75, &bg,
                        &faint);
            /* TRANSLATORS: the cursor's value and, below it, the same without interventions */
            markup = g_markup_printf_escaped (_("<b>%s</b> %s\n<small>%s without interventions</small>"),
                                              value, readings[i].unit, base);
          }
        else
          markup = g_markup_printf_escaped ("<b>%s</b> %s", value, readings[i].unit);
        append_dot (snapshot, x, y, DOT_RADIUS, &colour, &bg);

        pango_layout_set_markup (layout, markup, -1);
        pango_layout_get_pixel_size (layout, &w, &h);
        px = x + 10;
        if (px + w + 12 > g->right)
          px = x - 10 - w - 12;
        py = CLAMP (y - (h + 6) / 2.0, g->panels[i].top + 2, g->panels[i].bottom - h - 8);
        append_pill (snapshot, layout, px, py, &fg, &pill_bg, &colour);
      }

  date = cursor_date_text (self);
  if (!have_values)
    {
      g_autofree char *date_only = g_steal_pointer (&date);

      /* TRANSLATORS: under the cursor, past the days a running simulation has reached */
      date = g_strdup_printf (_("%s: not simulated yet"), date_only);
    }
  pango_layout_set_attributes (layout, NULL);
  pango_layout_set_text (layout, date, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  append_pill (snapshot, layout, CLAMP (x - (w + 12) / 2.0, 0, width - w - 12),
               g->panels[N_PANELS - 1].bottom + 3, &fg, &bg, &muted);
}

/* The pixel column of @day in the drawn figure. */
static double
x_of_day (const GtwFigureGeometry *g,
          double                   day)
{
  return g->left + (day - g->first_day) / (g->last_day - g->first_day) * (g->right - g->left);
}

static gboolean
flag_visible (const GtwFigureGeometry *g,
              const GtwStoryMarker    *marker)
{
  return g->last_day > g->first_day && marker->day >= g->first_day && marker->day <= g->last_day;
}

/* A flag: a pole down the glucose panel and a small pennant at its top. */
static void
append_flag (GtkSnapshot             *snapshot,
             const GtwFigureGeometry *g,
             double                   x,
             const GdkRGBA           *colour,
             gboolean                 filled)
{
  GdkRGBA pole = *colour;
  const float widths[4] = { 1, 1, 1, 1 };
  const GdkRGBA borders[4] = { *colour, *colour, *colour, *colour };
  graphene_rect_t pennant = GRAPHENE_RECT_INIT (round (x) + 0.5, g->panels[0].top, 8, 6);

  pole.alpha *= 0.45;
  gtk_snapshot_append_color (snapshot, &pole,
                             &GRAPHENE_RECT_INIT (round (x) - 0.5, g->panels[0].top, 1,
                                                  g->panels[0].bottom - g->panels[0].top));
  if (filled)
    gtk_snapshot_append_color (snapshot, colour, &pennant);
  else
    gtk_snapshot_append_border (snapshot, &GSK_ROUNDED_RECT_INIT (pennant.origin.x, pennant.origin.y,
                                                                  pennant.size.width,
                                                                  pennant.size.height),
                                widths, borders);
}

/* Whether [from, to] is free in @row's taken spans (pairs of doubles); takes it when it is. */
static gboolean
take_span (GArray *row,
           double  from,
           double  to)
{
  for (guint i = 0; i + 1 < row->len; i += 2)
    if (from < g_array_index (row, double, i + 1) && to > g_array_index (row, double, i))
      return FALSE;
  g_array_append_val (row, from);
  g_array_append_val (row, to);
  return TRUE;
}

/* The story markers as flags at the top of the glucose panel, the run's with their titles in
 * up to FLAG_ROWS rows (a title that fits in none is left out, its flag stays), the baseline's
 * faint and without titles. */
static void
snapshot_flags (GtwChart    *self,
                GtkSnapshot *snapshot)
{
  const GtwFigureGeometry *g = &self->geometry;
  g_autoptr (PangoLayout) layout = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  GdkRGBA fg, bg, faint, border;

  if (!self->have_geometry || !is_long_view (self))
    return;
  theme_colours (&fg, &bg);
  faint = fg, faint.alpha = 0.4;
  border = fg, border.alpha = 0.5;
  bg.alpha = 0.92;

  for (guint i = 0; shows_baseline (self) && self->baseline_story != NULL
                    && i < self->baseline_story->len; i++)
    {
      const GtwStoryMarker *m = g_ptr_array_index (self->baseline_story, i);

      if (flag_visible (g, m))
        append_flag (snapshot, g, x_of_day (g, m->day), &faint, FALSE);
    }
  if (self->story == NULL)
    return;

  layout = readout_layout (self);
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint r = 0; r < FLAG_ROWS; r++)
    g_ptr_array_add (rows, g_array_new (FALSE, FALSE, sizeof (double)));
  for (guint i = 0; i < self->story->len; i++)
    {
      const GtwStoryMarker *m = g_ptr_array_index (self->story, i);
      g_autofree char *markup = NULL;
      double x, px;
      int w, h;

      if (!flag_visible (g, m))
        continue;
      x = x_of_day (g, m->day);
      append_flag (snapshot, g, x, &fg, TRUE);

      markup = g_markup_printf_escaped ("<small>%s</small>", m->title);
      pango_layout_set_markup (layout, markup, -1);
      pango_layout_get_pixel_size (layout, &w, &h);
      /* right of the pennant, or left of the pole where the plot ends */
      px = x + 10;
      if (px + w + 12 > g->right)
        px = x - 2 - w - 12;
      if (px < g->left)
        continue;
      for (guint r = 0; r < FLAG_ROWS; r++)
        {
          double py = g->panels[0].top + 1 + r * (h + 8);

          if (py + h + 6 > g->panels[0].bottom)
            break;
          if (!take_span (g_ptr_array_index (rows, r), px - 2, px + w + 14))
            continue;
          append_pill (snapshot, layout, px, py, &fg, &bg, &border);
          break;
        }
    }
}

/* The explanations of the flags near @x, or of those on the cursor's day. */
static gboolean
on_query_tooltip (GtwChart   *self,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip)
{
  const GtwFigureGeometry *g = &self->geometry;
  g_autoptr (GString) markup = g_string_new (NULL);
  GPtrArray *stories[2] = { self->story, shows_baseline (self) ? self->baseline_story : NULL };

  if (!self->have_geometry || !is_long_view (self))
    return FALSE;
  for (guint s = 0; s < G_N_ELEMENTS (stories); s++)
    for (guint i = 0; stories[s] != NULL && i < stories[s]->len; i++)
      {
        const GtwStoryMarker *m = g_ptr_array_index (stories[s], i);
        gboolean near = !keyboard_mode && fabs (x_of_day (g, m->day) - x) <= FLAG_HIT_PX;
        gboolean on_cursor = self->cursor_shown && m->day == (int) self->cursor;
        g_autofree char *title = NULL, *entry = NULL;

        if (!flag_visible (g, m) || !(near || on_cursor))
          continue;
        /* TRANSLATORS: the title of a story flag of the run without interventions */
        title = s == 0 ? g_strdup (m->title) : g_strdup_printf (_("%s without interventions"),
                                                                 m->title);
        entry = g_markup_printf_escaped ("<b>%s</b>\n%s", title, m->explanation);
        if (markup->len > 0)
          g_string_append_c (markup, '\n');
        g_string_append (markup, entry);
      }
  if (markup->len == 0)
    return FALSE;
  gtk_tooltip_set_markup (tooltip, markup->str);
  return TRUE;
}

/* The theme's focus ring, drawn inside the chart: it fills its allocation edge to edge. */
static void
snapshot_focus (GtwChart    *self,
                GtkSnapshot *snapshot,
                int          width,
                int          height)
{
  GdkRGBA accent = { 0x35 / 255., 0x84 / 255., 0xE4 / 255., 0.5 };
  const float widths[4] = { 2, 2, 2, 2 };
  GdkRGBA colours[4];
  GskRoundedRect round;

  if (gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (self)),
                                      "accent_color", &accent))
    accent.alpha = 0.5;
  for (guint i = 0; i < 4; i++)
    colours[i] = accent;
  gsk_rounded_rect_init_from_rect (&round, &GRAPHENE_RECT_INIT (1, 1, width - 2, height - 2), 6);
  gtk_snapshot_append_border (snapshot, &round, widths, colours);
}

static void
snapshot_placeholder (GtwChart    *self,
                      GtkSnapshot *snapshot,
                      int          width,
                      int          height)
{
  g_autoptr (PangoLayout) layout = NULL;
  g_autofree char *text = NULL;
  GdkRGBA fg, bg;
  int w, h;

  theme_colours (&fg, &bg);
  gtk_snapshot_append_color (snapshot, &bg, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->view == GTW_CHART_VIEW_DAY)
    {
      g_autofree char *date = format_day (self->view_day);

      /* TRANSLATORS: %s is a date, "Year 4, day 112" */
      text = g_strdup_printf (_("Simulating %s minute by minute…"), date);
    }
  else
    text = g_strdup (_("The curves appear here as the simulation runs"));
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  pango_layout_get_pixel_size (layout, &w, &h);
  fg.alpha = 0.55;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((width - w) / 2.0, (height - h) / 2.0));
  gtk_snapshot_append_layout (snapshot, layout, &fg);
  gtk_snapshot_restore (snapshot);
}

static void
gtw_chart_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  GtwChart *self = GTW_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);

  if (width <= 0 || height <= 0)
    return;
  if (!has_data (self) || !gtw_figure_available (NULL))
    {
      self->have_geometry = FALSE;
      /* a new run has just started: keep the old picture rather than flash the placeholder */
      if (self->previous != NULL && self->trace != NULL && is_long_view (self)
          && gdk_texture_get_width (self->previous) == width * scale
          && gdk_texture_get_height (self->previous) == height * scale)
        gtk_snapshot_append_texture (snapshot, self->previous,
                                     &GRAPHENE_RECT_INIT (0, 0, width, height));
      else
        snapshot_placeholder (self, snapshot, width, height);
      return;
    }
  g_clear_object (&self->previous);

  if (self->texture != NULL
      && (gdk_texture_get_width (self->texture) != width * scale
          || gdk_texture_get_height (self->texture) != height * scale))
    g_clear_object (&self->texture);
  if (self->texture == NULL)
    self->texture = render_figure (self, width, height, scale);

  gtk_snapshot_append_texture (snapshot, self->texture, &GRAPHENE_RECT_INIT (0, 0, width, height));
  snapshot_flags (self, snapshot);
  if (self->cursor_shown)
    snapshot_cursor (self, snapshot);
  if (gtk_widget_has_visible_focus (widget))
    snapshot_focus (self, snapshot, width, height);
}

/* The margins follow the size and the text scale; the timeline follows them. */
static void
update_margins (GtwChart *self)
{
  int margin_left, margin_right;

  gtw_chart_get_margins (self, &margin_left, &margin_right);
  if (margin_left != self->margin_left || margin_right != self->margin_right)
    {
      self->margin_left = margin_left;
      self->margin_right = margin_right;
      emit_range_changed (self);
    }
}

static void
gtw_chart_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  update_margins (GTW_CHART (widget));
}

/* ---------------------------------------------------------------------------------------- */
/* Input                                                                                    */

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           GtwChart                 *self)
{
  self->pointer_x = x;
  self->pointer_inside = TRUE;
  set_cursor (self, day_at_x (self, x));
}

static void
on_leave (GtkEventControllerMotion *controller,
          GtwChart                 *self)
{
  self->pointer_inside = FALSE;
  hide_cursor (self);
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           GtwChart                 *self)
{
  double anchor, span = self->last_day - self->first_day;

  if (!is_long_view (self) || (dx == 0 && dy == 0))
    return FALSE;
  /* a touchpad's sideways swipe pans, a twentieth of the range per step */
  if (fabs (dx) > fabs (dy))
    {
      if (set_range (self, self->first_day + dx * span / 20, self->last_day + dx * span / 20))
        {
          self->zoomed = TRUE;
          emit_range_changed (self);
        }
      return TRUE;
    }
  anchor = self->pointer_inside ? day_at_x (self, self->pointer_x)
                                : (self->first_day + self->last_day) / 2;
  zoom_around (self, anchor, pow (ZOOM_STEP, dy));
  return TRUE;
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               GtwChart       *self)
{
  self->drag_x = x;
  self->drag_y = y;
  self->drag_first_day = self->first_day;
  self->dragged = FALSE;
  if (gtk_widget_get_focus_on_click (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                GtwChart       *self)
{
  double left, right, span = self->last_day - self->first_day;

  if (!is_long_view (self))
    return;
  if (!self->dragged && fabs (offset_x) < CLICK_SLOP_PX && fabs (offset_y) < CLICK_SLOP_PX)
    return;
  if (!self->dragged)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
  self->dragged = TRUE;
  plot_edges (self, &left, &right);
  if (right <= left)
    return;
  if (set_range (self, self->drag_first_day - offset_x / (right - left) * span,
                 self->drag_first_day - offset_x / (right - left) * span + span))
    {
      self->zoomed = TRUE;
      emit_range_changed (self);
    }
  if (self->pointer_inside)
    set_cursor (self, day_at_x (self, self->drag_x + offset_x));
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          offset_x,
             double          offset_y,
             GtwChart       *self)
{
  if (self->dragged)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "crosshair");
  if (self->dragged || !is_long_view (self))
    return;
  /* a click on the title, the legend or the lanes above the panels opens nothing */
  if (self->have_geometry && self->drag_y < self->geometry.panels[0].top)
    return;
  g_signal_emit (self, signals[DAY_ACTIVATED], 0, (int) clamp_cursor (self, day_at_x (self, self->drag_x)));
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtwChart              *self)
{
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;
  /* a day (a month) in the long views, a minute (a quarter of an hour) in the day view */
  double step = is_long_view (self) ? (shift ? DAYS_PER_YEAR / 12 : 1) : (shift ? 15 : 1) / 1440.0;
  double cursor = self->cursor_shown ? self->cursor : (self->first_day + self->last_day) / 2;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      set_cursor (self, self->cursor_shown ? cursor - step : cursor);
      reveal_cursor (self);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      set_cursor (self, self->cursor_shown ? cursor + step : cursor);
      reveal_cursor (self);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
      if (!is_long_view (self))
        return FALSE;
      set_cursor (self, cursor);
      g_signal_emit (self, signals[DAY_ACTIVATED], 0, (int) self->cursor);
      return TRUE;
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      zoom_around (self, cursor, 1 / ZOOM_STEP);
      return is_long_view (self);
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      zoom_around (self, cursor, ZOOM_STEP);
      return is_long_view (self);
    default:
      return FALSE;
    }
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                GtwChart                *self)
{
  if (!self->pointer_inside)
    hide_cursor (self);
}

/* ---------------------------------------------------------------------------------------- */
/* Theme                                                                                    */

static void
update_font_scale (GtwChart *self)
{
  int dpi = 0;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-xft-dpi", &dpi, NULL);
  /* GNOME's text scaling arrives as the Xft DPI, in 1024ths of a dot per inch */
  self->font_scale = dpi > 0 ? CLAMP (dpi / 1024.0 / 96.0, 0.5, 3.0) : 1.0;
  invalidate (self);
  update_margins (self);
}

static void
gtw_chart_root (GtkWidget *widget)
{
  GtwChart *self = GTW_CHART (widget);

  GTK_WIDGET_CLASS (gtw_chart_parent_class)->root (widget);
  g_signal_connect_object (gtk_widget_get_settings (widget), "notify::gtk-xft-dpi",
                           G_CALLBACK (update_font_scale), self, G_CONNECT_SWAPPED);
  update_font_scale (self);
}

static void
gtw_chart_unroot (GtkWidget *widget)
{
  g_signal_handlers_disconnect_by_func (gtk_widget_get_settings (widget), update_font_scale, widget);
  GTK_WIDGET_CLASS (gtw_chart_parent_class)->unroot (widget);
}

static void
gtw_chart_dispose (GObject *object)
{
  GtwChart *self = GTW_CHART (object);

  g_clear_pointer (&self->trace, gtw_trace_unref);
  g_clear_pointer (&self->baseline, gtw_trace_unref);
  g_clear_pointer (&self->day, gtw_day_detail_free);
  g_clear_pointer (&self->baseline_day, gtw_day_detail_free);
  g_clear_pointer (&self->story, g_ptr_array_unref);
  g_clear_pointer (&self->baseline_story, g_ptr_array_unref);
  g_clear_object (&self->texture);
  g_clear_object (&self->previous);

  G_OBJECT_CLASS (gtw_chart_parent_class)->dispose (object);
}

static void
gtw_chart_class_init (GtwChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gtw_chart_dispose;
  widget_class->snapshot = gtw_chart_snapshot;
  widget_class->size_allocate = gtw_chart_size_allocate;
  widget_class->root = gtw_chart_root;
  widget_class->unroot = gtw_chart_unroot;

  signals[DAY_ACTIVATED] = g_signal_new ("day-activated", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, G_TYPE_INT);
  signals[CURSOR_MOVED] = g_signal_new ("cursor-moved", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_INT);
  signals[RANGE_CHANGED] = g_signal_new ("range-changed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
gtw_chart_init (GtwChart *self)
{
  GtkEventController *controller;
  GtkGesture *drag;

  self->view = GTW_CHART_VIEW_DECADE;
  self->show_baseline = TRUE;
  self->show_band = TRUE;
  self->font_scale = 1.0;
  self->cursor_emitted = -1;
  self->margin_left = -1;
  self->margin_right = -1;
  reset_range (self);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self), 360, 320);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "crosshair");

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (invalidate), self, G_CONNECT_SWAPPED);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Chart"), -1);
  update_description (self);
}

/* ---------------------------------------------------------------------------------------- */
/* Public API                                                                               */

GtkWidget *
gtw_chart_new (void)
{
  return g_object_new (GTW_TYPE_CHART, NULL);
}

void
gtw_chart_set_traces (GtwChart *self,
                      GtwTrace *trace,
                      GtwTrace *baseline)
{
  g_return_if_fail (GTW_IS_CHART (self));

  if (trace != NULL)
    gtw_trace_ref (trace);
  if (baseline != NULL)
    gtw_trace_ref (baseline);
  g_clear_pointer (&self->trace, gtw_trace_unref);
  g_clear_pointer (&self->baseline, gtw_trace_unref);
  self->trace = trace;
  self->baseline = baseline;
  g_set_object (&self->previous, self->texture);

  /* a new run of the same length keeps the zoom; another length starts the view afresh */
  if (duration_days (self) != self->range_duration || !self->zoomed)
    {
      double first = self->first_day, last = self->last_day;

      reset_range (self);
      if (first != self->first_day || last != self->last_day)
        emit_range_changed (self);
    }
  if (self->cursor_shown)
    self->cursor = clamp_cursor (self, self->cursor);
  update_story (self);
  invalidate (self);
  update_description (self);
}

void
gtw_chart_traces_changed (GtwChart *self)
{
  g_return_if_fail (GTW_IS_CHART (self));

  update_story (self);
  if (self->view != GTW_CHART_VIEW_DAY)
    invalidate (self);
  update_description (self);
}

void
gtw_chart_take_day_detail (GtwChart     *self,
                           GtwDayDetail *day,
                           GtwDayDetail *baseline_day)
{
  g_return_if_fail (GTW_IS_CHART (self));

  g_clear_pointer (&self->day, gtw_day_detail_free);
  g_clear_pointer (&self->baseline_day, gtw_day_detail_free);
  self->day = day;
  self->baseline_day = baseline_day;
  if (self->view == GTW_CHART_VIEW_DAY)
    invalidate (self);
  update_description (self);
}

void
gtw_chart_set_view (GtwChart     *self,
                    GtwChartView  view,
                    int           day)
{
  g_return_if_fail (GTW_IS_CHART (self));
  g_return_if_fail (view <= GTW_CHART_VIEW_DAY);

  self->view = view;
  self->view_day = CLAMP (day, 0, duration_days (self) - 1);
  reset_range (self);
  self->cursor_shown = FALSE;
  invalidate (self);
  update_description (self);
  emit_range_changed (self);
}

GtwChartView
gtw_chart_get_view (GtwChart *self)
{
  g_return_val_if_fail (GTW_IS_CHART (self), GTW_CHART_VIEW_DECADE);

  return self->view;
}

int
gtw_chart_get_view_day (GtwChart *self)
{
  g_return_val_if_fail (GTW_IS_CHART (self), 0);

  return self->view_day;
}

void
gtw_chart_set_units (GtwChart              *self,
                     const GtwDisplayUnits *units)
{
  g_return_if_fail (GTW_IS_CHART (self));
  g_return_if_fail (units != NULL);

  if (memcmp (&self->units, units, sizeof *units) == 0)
    return;
  self->units = *units;
  update_story (self);
  invalidate (self);
  update_description (self);
}

void
gtw_chart_set_show_baseline (GtwChart *self,
                             gboolean  show)
{
  g_return_if_fail (GTW_IS_CHART (self));

  if (self->show_baseline == !!show)
    return;
  self->show_baseline = !!show;
  invalidate (self);
  update_description (self);
}

void
gtw_chart_set_show_band (GtwChart *self,
                         gboolean  show)
{
  g_return_if_fail (GTW_IS_CHART (self));

  if (self->show_band == !!show)
    return;
  self->show_band = !!show;
  invalidate (self);
}

void
gtw_chart_get_range (GtwChart *self,
                     double   *first_day,
                     double   *last_day)
{
  g_return_if_fail (GTW_IS_CHART (self));

  if (first_day != NULL)
    *first_day = self->first_day;
  if (last_day != NULL)
    *last_day = self->last_day;
}

void
gtw_chart_get_margins (GtwChart *self,
                       int      *left_px,
                       int      *right_px)
{
  double left, right;

  g_return_if_fail (GTW_IS_CHART (self));

  plot_edges (self, &left, &right);
  if (left_px != NULL)
    *left_px = (int) round (left);
  if (right_px != NULL)
    *right_px = MAX (gtk_widget_get_width (GTK_WIDGET (self)) - (int) round (right), 0);
}

void
gtw_chart_get_figure_options (GtwChart         *self,
                              GtwFigureOptions *options)
{
  g_return_if_fail (GTW_IS_CHART (self));
  g_return_if_fail (options != NULL);

  gtw_figure_options_init (options);
  switch (self->view)
    {
    case GTW_CHART_VIEW_DAY:
      options->view = GTW_FIGURE_VIEW_DAY;
      break;
    case GTW_CHART_VIEW_YEAR:
      options->view = GTW_FIGURE_VIEW_YEAR;
      break;
    case GTW_CHART_VIEW_DECADE:
    default:
      options->view = GTW_FIGURE_VIEW_DECADE;
      break;
    }
  options->width = gtk_widget_get_width (GTK_WIDGET (self));
  options->height = gtk_widget_get_height (GTK_WIDGET (self));
  options->glucose_unit = self->units.glucose;
  options->insulin_unit = self->units.insulin;
  options->cpeptide_unit = self->units.cpeptide;
  options->dark = is_dark ();
  options->show_baseline = self->show_baseline;
  options->show_band = self->show_band;
  options->font_scale = figure_text_scale (self);
  if (is_long_view (self))
    {
      options->first_day = self->first_day;
      options->last_day = self->last_day;
    }
  else if (self->trace != NULL)
    {
      /* "Scenario: day N", as glucotwin-cli plot titles it */
      options->title = gtw_trace_get_scenario (self->trace)->name;
    }
}
