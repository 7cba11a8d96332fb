/* gtw-chart-render.c: the chart's pictures: the cached figure, story flags and the cursor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figure comes from the shared PLplot renderer as a texture, redrawn only when the data,
 * size, view, units, theme or text scale changed. The story flags and the cursor (a line, a
 * dot on every curve, the values and the date) are snapshot nodes on top of it. The
 * description for screen readers says in words what is drawn.
 */
#include "gtw-chart-private.h"
#include "gtw-story.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

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
void
gtw_chart_update_story (GtwChart *self)
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

  if (gtw_chart_is_long_view (self))
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

  if (gtw_chart_is_long_view (self))
    return format_day ((int) self->cursor);
  date = format_day (self->view_day);
  minute = (int) round ((self->cursor - self->view_day) * 1440);
  /* TRANSLATORS: a date and a clock time, "Year 4, day 112, 08:30" */
  return g_strdup_printf (_("%s, %02d:%02d"), date, minute / 60, minute % 60);
}

/* What the chart shows, for screen readers: the curves, the range and the last values. */
void
gtw_chart_update_description (GtwChart *self)
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
      if (self->population != NULL)
        {
          g_string_append_c (text, ' ');
          g_string_append (text, _("Grey bands around each curve show where half and where nine "
                                   "in ten of the people like this patient are."));
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

/* Presentation text stops growing where the panels would have no room left. */
#define PRESENTATION_MAX_TEXT_LINES 24.0

double
gtw_chart_figure_text_scale (GtwChart *self)
{
  double scale = self->font_scale * MAX (1.0, MIN_TEXT_PX / figure_text_px (self));

  if (self->presentation)
    scale = MIN (scale * PRESENTATION_TEXT,
                 MAX (scale, gtk_widget_get_height (GTK_WIDGET (self)) / PRESENTATION_MAX_TEXT_LINES
                             / figure_text_px (self)));
  return scale;
}

gboolean
gtw_chart_is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

void
gtw_chart_invalidate (GtwChart *self)
{
  g_clear_object (&self->texture);
  g_clear_object (&self->unrevealed);
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

/* The image a figure texture was made of, kept on the texture. */
static GQuark
figure_surface_quark (void)
{
  return g_quark_from_static_string ("gtw-chart-figure-surface");
}

/* Draws the figure into an image of the widget's size at its scale, as a texture. */
static GdkTexture *
render_figure (GtwChart *self,
               int       width,
               int       height,
               int       scale,
               gboolean  without_data)
{
  GtwFigureOptions options;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  GdkTexture *texture;
  gint64 start = g_get_monotonic_time ();

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);

  gtw_chart_get_figure_options (self, &options);
  /* while revealing, the snapshot cuts between the whole figure and the one without data */
  options.reveal = without_data;
  options.reveal_day = -1;
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

  /* cairo's ARGB32 is GDK's default memory format; the bytes keep the surface alive, and so
   * does the texture for append_figure() */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) * height * scale,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      cairo_surface_reference (surface));
  texture = gdk_memory_texture_new (width * scale, height * scale, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  g_object_set_qdata_full (G_OBJECT (texture), figure_surface_quark (), surface,
                           (GDestroyNotify) cairo_surface_destroy);
  return texture;
}

/* Appends a figure that render_figure() drew over the widget's area. GTK 4.8's cairo renderer
 * converts every pixel of a texture through floating point each time it draws one: a frame
 * during a run spent more time on that than on drawing the figure. It gets the figure's
 * image to paint as it is instead; the GL renderers keep the texture they upload once. */
static void
append_figure (GtwChart              *self,
               GtkSnapshot           *snapshot,
               GdkTexture            *figure,
               const graphene_rect_t *bounds)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  cairo_surface_t *surface = g_object_get_qdata (G_OBJECT (figure), figure_surface_quark ());
  cairo_t *cr;

  if (native == NULL || !GSK_IS_CAIRO_RENDERER (gtk_native_get_renderer (native)))
    {
      gtk_snapshot_append_texture (snapshot, figure, bounds);
      return;
    }
  cr = gtk_snapshot_append_cairo (snapshot, bounds);
  cairo_set_source_surface (cr, surface, bounds->origin.x, bounds->origin.y);
  cairo_paint (cr);
  cairo_destroy (cr);
}

/* The text and background colours of the figure under the overlays. */
static void
theme_colours (GtwChart *self,
               GdkRGBA  *fg,
               GdkRGBA  *bg)
{
  GtwPlotTheme theme;

  gtw_plot_theme_init (&theme, self->presentation && self->high_contrast);
  *fg = theme.foreground;
  *bg = theme.background;
}

/* The series colours of the figure renderer (Okabe & Ito). */
static GdkRGBA
series_colour (GtwChart *self,
               guint     panel)
{
  GtwPlotTheme theme;

  gtw_plot_theme_init (&theme, self->presentation && self->high_contrast);
  return theme.series[panel];
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
  double text = figure_text_px (self) * gtw_chart_figure_text_scale (self);

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

/* The highest and the lowest panel shown. */
static guint
top_panel (const GtwFigureGeometry *g)
{
  for (guint i = 0; i < N_PANELS; i++)
    if (g->panels[i].shown)
      return i;
  return 0;
}

static guint
bottom_panel (const GtwFigureGeometry *g)
{
  for (guint i = N_PANELS; i-- > 0;)
    if (g->panels[i].shown)
      return i;
  return N_PANELS - 1;
}

/* Dots and flags grow with the text in presentation mode. */
static double
dot_scale (GtwChart *self)
{
  return self->presentation ? PRESENTATION_TEXT : 1.0;
}

/* The labs measured on @day for @panel ("Your lab: 6.1 mmol/L", in @reading's unit), or for
 * @panel -1 those without a panel ("Your labs: HbA1c 6.1 %"); NULL when there are none. */
static char *
lab_text (GtwChart      *self,
          int            day,
          int            panel,
          const Reading *reading)
{
  const GArray *labs = self->trace != NULL ? gtw_trace_get_scenario (self->trace)->labs : NULL;
  g_autoptr (GString) items = NULL;

  if (labs == NULL || (self->reveal_day >= 0 && day > self->reveal_day))
    return NULL;
  items = g_string_new (NULL);
  for (guint i = 0; i < labs->len; i++)
    {
      const GtwLab *lab = &g_array_index (labs, GtwLab, i);

      if (lab->day != day || gtw_figure_lab_panel (lab->kind) != panel)
        continue;
      if (items->len > 0)
        g_string_append (items, ", ");
      if (panel >= 0)
        g_string_append_printf (items, "%.*f %s", reading->digits,
                                gtw_figure_lab_value (lab, self->units.glucose, self->units.insulin,
                                                      self->units.cpeptide),
                                reading->unit);
      else
        {
          const char *unit = gtw_lab_si_unit (lab->kind);

          /* TRANSLATORS: a measured value, "HbA1c 6.1 %" */
          g_string_append_printf (items, _("%s %.*f %s"), gtw_lab_kind_label (lab->kind),
                                  gtw_lab_unit_digits (lab->kind, unit), lab->value,
                                  gtw_lab_unit_label (unit));
        }
    }
  if (items->len == 0)
    return NULL;
  if (panel >= 0)
    /* TRANSLATORS: under the cursor's value, the patient's measured value that day */
    return g_strdup_printf (_("Your lab: %s"), items->str);
  /* TRANSLATORS: under the cursor's date, the measured values that have no curve */
  return g_strdup_printf (_("Your labs: %s"), items->str);
}

/* ---------------------------------------------------------------------------------------- */
/* Labels over the figure                                                                   */

/* How much of the labels placed so far and of the figure's own text (the time axis's tick
 * labels, the threshold labels) @rect covers, in square pixels: 0 when it is free. */
static double
label_overlap (GtwChart              *self,
               const graphene_rect_t *rect)
{
  const GtwFigureGeometry *g = &self->geometry;
  graphene_rect_t figure_text, common;
  double area = 0;

  for (guint i = 0; i < self->labels->len; i++)
    if (graphene_rect_intersection (rect, &g_array_index (self->labels, GtwChartLabel, i).rect, &common))
      area += common.size.width * common.size.height;
  for (guint i = 0; i < g->n_tick_labels + G_N_ELEMENTS (g->threshold_labels); i++)
    {
      const GtwFigureRect *r = i < g->n_tick_labels ? &g->tick_labels[i]
                                                    : &g->threshold_labels[i - g->n_tick_labels];

      if (r->width <= 0)
        continue;
      graphene_rect_init (&figure_text, r->x, r->y, r->width, r->height);
      if (graphene_rect_intersection (rect, &figure_text, &common))
        area += common.size.width * common.size.height;
    }
  return area;
}

static gboolean
label_free (GtwChart              *self,
            const graphene_rect_t *rect)
{
  return label_overlap (self, rect) <= 0;
}

static void
take_label (GtwChart              *self,
            GtwChartLabelKind      kind,
            const graphene_rect_t *rect)
{
  GtwChartLabel label = { kind, *rect };

  g_array_append_val (self->labels, label);
}

/* The pill of @layout (as append_pill draws it) beside the line at @x: right of it, or left
 * where the plot ends, as near to @y (its middle) as the labels already placed allow between
 * @top and @bottom. Where nothing is free, the place that covers least. */
static graphene_rect_t
place_beside (GtwChart    *self,
              PangoLayout *layout,
              double       x,
              double       y,
              double       top,
              double       bottom)
{
  const GtwFigureGeometry *g = &self->geometry;
  graphene_rect_t least, rect;
  double sides[2], least_area = G_MAXDOUBLE;
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  sides[0] = x + 10;
  sides[1] = x - 10 - w - 12;
  if (sides[0] + w + 12 > g->right)
    sides[0] = sides[1], sides[1] = x + 10;
  graphene_rect_init (&least, sides[0], CLAMP (y - (h + 6) / 2.0, top + 2, bottom - h - 8), w + 12,
                      h + 6);
  /* a little further up or down each time, on one side, then on the other */
  for (guint side = 0; side < 2; side++)
    for (double dy = 0; dy <= bottom - top; dy += 4)
      for (int sign = 1; sign >= -1; sign -= 2)
        {
          double py = CLAMP (y - (h + 6) / 2.0 + sign * dy, top + 2, bottom - h - 8);
          double area;

          if (sides[side] < g->left || sides[side] + w + 12 > g->right)
            continue;
          graphene_rect_init (&rect, sides[side], py, w + 12, h + 6);
          area = label_overlap (self, &rect);
          if (area <= 0)
            return rect;
          if (area < least_area)
            least = rect, least_area = area;
        }
  return least;
}

/* A day's pill at the line at @x under the time axis: centred on the line, or beside it, as
 * near as the tick labels and the labels already placed allow; where they leave no room, at
 * the foot of the lowest panel beside the line. */
static graphene_rect_t
place_on_axis (GtwChart    *self,
               PangoLayout *layout,
               double       x)
{
  const GtwFigureGeometry *g = &self->geometry;
  guint bottom = bottom_panel (g);
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  double reach = 0, axis = g->panels[bottom].bottom;
  graphene_rect_t rect;
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  /* beside the line: its near edge no further from it than half a tick label */
  for (guint i = 0; i < g->n_tick_labels; i++)
    reach = MAX (reach, g->tick_labels[i].width / 2 + 6);
  for (double dx = 0; dx <= (w + 12) / 2.0 + reach; dx += 2)
    for (int sign = 1; sign >= -1; sign -= 2)
      {
        double px = CLAMP (x - (w + 12) / 2.0 + sign * dx, 0, width - w - 12);

        graphene_rect_init (&rect, px, axis + 3, w + 12, h + 6);
        if (label_free (self, &rect))
          return rect;
      }
  return place_beside (self, layout, x, axis - (h + 6) / 2.0 - 2, g->panels[bottom].top, axis);
}

/* The cursor line, a dot on every curve with its value beside it, and the date under the axis,
 * each label where it covers no other. */
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
  gboolean have_values;
  guint top = top_panel (g), bottom = bottom_panel (g);
  graphene_rect_t rect;

  if (!self->have_geometry || span <= 0)
    return;
  x = g->left + (self->cursor - g->first_day) / span * (g->right - g->left);
  if (x < g->left - 0.5 || x > g->right + 0.5)
    return;

  theme_colours (self, &fg, &bg);
  line = fg, line.alpha = 0.55;
  pill_bg = bg, pill_bg.alpha = 0.92;
  muted = fg, muted.alpha = 0.3;
  gtk_snapshot_append_color (snapshot, &line,
                             &GRAPHENE_RECT_INIT (round (x) - 0.5, g->panels[top].top, 1,
                                                  g->panels[bottom].bottom - g->panels[top].top));

  layout = readout_layout (self);
  have_values = read_cursor (self, readings);

  /* the date first: it belongs on the axis, where the values have no claim */
  date = cursor_date_text (self);
  if (!have_values)
    {
      g_autofree char *date_only = g_steal_pointer (&date);

      /* TRANSLATORS: under the cursor, past the days a running simulation has reached */
      date = g_strdup_printf (_("%s: not simulated yet"), date_only);
    }
  else if (gtw_chart_is_long_view (self))
    {
      /* the labs without a panel of their own, under the date */
      g_autofree char *lab = lab_text (self, (int) self->cursor, -1, NULL);

      if (lab != NULL)
        {
          g_autofree char *date_only = g_steal_pointer (&date);

          date = g_strdup_printf ("%s\n%s", date_only, lab);
        }
    }
  pango_layout_set_text (layout, date, -1);
  rect = place_on_axis (self, layout, x);
  append_pill (snapshot, layout, rect.origin.x, rect.origin.y, &fg, &bg, &muted);
  take_label (self, GTW_CHART_LABEL_DATE, &rect);

  if (have_values)
    for (guint i = 0; i < N_PANELS; i++)
      {
        GdkRGBA colour = series_colour (self, i);
        g_autofree char *markup = NULL, *value = NULL, *lab = NULL;
        double y = panel_y (g, i, readings[i].value);

        if (!isfinite (readings[i].value) || !g->panels[i].shown)
          continue;
        value = g_strdup_printf ("%.*f", readings[i].digits, readings[i].value);
        if (isfinite (readings[i].base))
          {
            GdkRGBA faint = fg;
            g_autofree char *base = g_strdup_printf ("%.*f", readings[i].digits, readings[i].base);

            faint.alpha = 0.5;
            append_dot (snapshot, x, panel_y (g, i, readings[i].base),
                        DOT_RADIUS * 0.75 * dot_scale (self), &bg,
                        &faint);
            /* TRANSLATORS: the cursor's value and, below it, the same without interventions */
            markup = g_markup_printf_escaped (_("<b>%s</b> %s\n<small>%s without interventions</small>"),
                                              value, readings[i].unit, base);
          }
        else
          markup = g_markup_printf_escaped ("<b>%s</b> %s", value, readings[i].unit);
        lab = lab_text (self, (int) self->cursor, i, &readings[i]);
        if (lab != NULL)
          {
            g_autofree char *escaped = g_markup_escape_text (lab, -1);
            g_autofree char *with_lab = g_strdup_printf ("%s\n<small>%s</small>", markup, escaped);

            g_free (markup);
            markup = g_steal_pointer (&with_lab);
          }
        append_dot (snapshot, x, y, DOT_RADIUS * dot_scale (self), &colour, &bg);

        pango_layout_set_markup (layout, markup, -1);
        rect = place_beside (self, layout, x, y, g->panels[i].top, g->panels[i].bottom);
        append_pill (snapshot, layout, rect.origin.x, rect.origin.y, &fg, &pill_bg, &colour);
        take_label (self, GTW_CHART_LABEL_READOUT, &rect);
      }
}

/* The pixel column of @day in the drawn figure. */
static double
x_of_day (const GtwFigureGeometry *g,
          double                   day)
{
  return g->left + (day - g->first_day) / (g->last_day - g->first_day) * (g->right - g->left);
}

/* In the visible range and, while revealing, not after the reveal day. */
static gboolean
flag_visible (GtwChart             *self,
              const GtwStoryMarker *marker)
{
  const GtwFigureGeometry *g = &self->geometry;

  return g->last_day > g->first_day && marker->day >= g->first_day && marker->day <= g->last_day
         && (self->reveal_day < 0 || marker->day <= self->reveal_day);
}

/* A flag: a pole down the glucose panel and a small pennant at its top. */
static void
append_flag (GtkSnapshot             *snapshot,
             const GtwFigureGeometry *g,
             double                   x,
             double                   size,
             const GdkRGBA           *colour,
             gboolean                 filled)
{
  GdkRGBA pole = *colour;
  const float widths[4] = { 1, 1, 1, 1 };
  const GdkRGBA borders[4] = { *colour, *colour, *colour, *colour };
  guint top = top_panel (g);
  graphene_rect_t pennant = GRAPHENE_RECT_INIT (round (x) + 0.5, g->panels[top].top, 8 * size,
                                                6 * size);

  pole.alpha *= 0.45;
  gtk_snapshot_append_color (snapshot, &pole,
                             &GRAPHENE_RECT_INIT (round (x) - 0.5, g->panels[top].top, size,
                                                  g->panels[top].bottom - g->panels[top].top));
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

  if (!self->have_geometry || !gtw_chart_is_long_view (self))
    return;
  theme_colours (self, &fg, &bg);
  faint = fg, faint.alpha = 0.4;
  border = fg, border.alpha = 0.5;
  bg.alpha = 0.92;

  for (guint i = 0; shows_baseline (self) && self->baseline_story != NULL
                    && i < self->baseline_story->len; i++)
    {
      const GtwStoryMarker *m = g_ptr_array_index (self->baseline_story, i);

      if (flag_visible (self, m))
        append_flag (snapshot, g, x_of_day (g, m->day), dot_scale (self), &faint, FALSE);
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

      if (!flag_visible (self, m))
        continue;
      x = x_of_day (g, m->day);
      append_flag (snapshot, g, x, dot_scale (self), &fg, TRUE);

      markup = g_markup_printf_escaped ("<small>%s</small>", m->title);
      pango_layout_set_markup (layout, markup, -1);
      pango_layout_get_pixel_size (layout, &w, &h);
      /* right of the pennant, or left of the pole where the plot ends */
      px = x + 2 + 8 * dot_scale (self);
      if (px + w + 12 > g->right)
        px = x - 2 - w - 12;
      if (px < g->left)
        continue;
      for (guint r = 0; r < FLAG_ROWS; r++)
        {
          double py = g->panels[top_panel (g)].top + 1 + r * (h + 8);

          if (py + h + 6 > g->panels[top_panel (g)].bottom)
            break;
          if (!take_span (g_ptr_array_index (rows, r), px - 2, px + w + 14))
            continue;
          append_pill (snapshot, layout, px, py, &fg, &bg, &border);
          take_label (self, GTW_CHART_LABEL_FLAG, &GRAPHENE_RECT_INIT (px, py, w + 12, h + 6));
          break;
        }
    }
}

/* The explanations of the flags near @x, or of those on the cursor's day. */
gboolean
gtw_chart_query_tooltip (GtwChart   *self,
                         int         x,
                         int         y,
                         gboolean    keyboard_mode,
                         GtkTooltip *tooltip)
{
  const GtwFigureGeometry *g = &self->geometry;
  g_autoptr (GString) markup = g_string_new (NULL);
  GPtrArray *stories[2] = { self->story, shows_baseline (self) ? self->baseline_story : NULL };
  GtkWidget *label;

  if (!self->have_geometry || !gtw_chart_is_long_view (self))
    return FALSE;
  for (guint s = 0; s < G_N_ELEMENTS (stories); s++)
    for (guint i = 0; stories[s] != NULL && i < stories[s]->len; i++)
      {
        const GtwStoryMarker *m = g_ptr_array_index (stories[s], i);
        gboolean near = !keyboard_mode && fabs (x_of_day (g, m->day) - x) <= FLAG_HIT_PX;
        gboolean on_cursor = self->cursor_shown && m->day == (int) self->cursor;
        g_autofree char *title = NULL, *entry = NULL;

        if (!flag_visible (self, m) || !(near || on_cursor))
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
  /* a tooltip's own label does not wrap: a long explanation would run off the screen */
  label = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (label), markup->str);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_tooltip_set_custom (tooltip, label);
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

  theme_colours (self, &fg, &bg);
  gtk_snapshot_append_color (snapshot, &bg, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->failure != NULL)
    /* TRANSLATORS: %s is the reason, "Day 12: the integrator failed at minute 450: …" */
    text = g_strdup_printf (_("The simulation stopped. %s\nChange the patient or the timeline to run it again."),
                            self->failure);
  else if (self->view == GTW_CHART_VIEW_DAY)
    {
      g_autofree char *date = format_day (self->view_day);

      /* TRANSLATORS: %s is a date, "Year 4, day 112" */
      text = g_strdup_printf (_("Simulating %s minute by minute…"), date);
    }
  else
    text = g_strdup (_("The curves appear here as the simulation runs"));
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  pango_layout_set_width (layout, MAX (width - 96, 100) * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_get_pixel_size (layout, &w, &h);
  fg.alpha = 0.55;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((width - w) / 2.0, (height - h) / 2.0));
  gtk_snapshot_append_layout (snapshot, layout, &fg);
  gtk_snapshot_restore (snapshot);
}

static gboolean
revealing (GtwChart *self)
{
  return self->reveal_day >= 0 && gtw_chart_is_long_view (self);
}

/* Playback: @whole left of the reveal day, @bare (the same figure without its data) right of
 * it: a new day costs two clipped figures. Without @bare, the background stands for it. */
static void
snapshot_cut (GtwChart    *self,
              GtkSnapshot *snapshot,
              GdkTexture  *whole,
              GdkTexture  *bare,
              int          width,
              int          height)
{
  const GtwFigureGeometry *g = &self->geometry;
  graphene_rect_t all = GRAPHENE_RECT_INIT (0, 0, width, height);
  graphene_rect_t after;
  double x;

  if (g->last_day <= g->first_day)
    {
      append_figure (self, snapshot, whole, &all);
      return;
    }
  /* a whole pixel: a cut through one would leave a seam of two half-covered edges */
  x = CLAMP (round (x_of_day (g, self->reveal_day)), 0, width);
  after = GRAPHENE_RECT_INIT (x, 0, width - x, height);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, x, height));
  append_figure (self, snapshot, whole, &all);
  gtk_snapshot_pop (snapshot);
  if (bare != NULL)
    {
      gtk_snapshot_push_clip (snapshot, &after);
      append_figure (self, snapshot, bare, &all);
      gtk_snapshot_pop (snapshot);
    }
  else
    {
      GdkRGBA fg, bg;

      theme_colours (self, &fg, &bg);
      gtk_snapshot_append_color (snapshot, &bg, &after);
    }
}

/* The "now" line at the reveal day and its date on the time axis. */
static void
snapshot_now (GtwChart    *self,
              GtkSnapshot *snapshot)
{
  const GtwFigureGeometry *g = &self->geometry;
  g_autoptr (PangoLayout) layout = NULL;
  g_autofree char *date = NULL;
  GdkRGBA fg, bg, muted;
  graphene_rect_t rect;
  guint top, bottom;
  double x;

  if (g->last_day <= g->first_day || self->reveal_day < g->first_day
      || self->reveal_day > g->last_day)
    return;
  x = x_of_day (g, self->reveal_day);
  top = top_panel (g);
  bottom = bottom_panel (g);
  theme_colours (self, &fg, &bg);
  muted = fg, muted.alpha = 0.6;
  graphene_rect_init (&rect, round (x) - dot_scale (self), g->panels[top].top, 2 * dot_scale (self),
                      g->panels[bottom].bottom - g->panels[top].top);
  gtk_snapshot_append_color (snapshot, &fg, &rect);
  take_label (self, GTW_CHART_LABEL_NOW_LINE, &rect);
  layout = readout_layout (self);
  date = format_day (self->reveal_day);
  pango_layout_set_text (layout, date, -1);
  rect = place_on_axis (self, layout, x);
  append_pill (snapshot, layout, rect.origin.x, rect.origin.y, &fg, &bg, &muted);
  take_label (self, GTW_CHART_LABEL_NOW, &rect);
}

static gboolean
texture_fits (GdkTexture *texture,
              int         width,
              int         height,
              int         scale)
{
  return texture != NULL && gdk_texture_get_width (texture) == width * scale
         && gdk_texture_get_height (texture) == height * scale;
}

void
gtw_chart_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  GtwChart *self = GTW_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);

  g_array_set_size (self->labels, 0);
  if (width <= 0 || height <= 0)
    return;
  if (!has_data (self) || !gtw_figure_available (NULL))
    {
      /* a new run has just started: keep the old picture (what playback had revealed of it)
       * rather than flash the placeholder */
      if (texture_fits (self->previous, width, height, scale) && self->trace != NULL
          && gtw_chart_is_long_view (self))
        {
          /* the geometry is still the old picture's: nothing was drawn since */
          if (revealing (self))
            snapshot_cut (self, snapshot, self->previous,
                          texture_fits (self->previous_unrevealed, width, height, scale)
                            ? self->previous_unrevealed : NULL,
                          width, height);
          else
            append_figure (self, snapshot, self->previous,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
        }
      else
        snapshot_placeholder (self, snapshot, width, height);
      self->have_geometry = FALSE;
      return;
    }
  g_clear_object (&self->previous);
  g_clear_object (&self->previous_unrevealed);

  if (!texture_fits (self->texture, width, height, scale))
    g_clear_object (&self->texture);
  if (self->texture == NULL)
    self->texture = render_figure (self, width, height, scale, FALSE);

  if (revealing (self))
    {
      if (!texture_fits (self->unrevealed, width, height, scale))
        {
          g_clear_object (&self->unrevealed);
          self->unrevealed = render_figure (self, width, height, scale, TRUE);
        }
      if (self->have_geometry)
        {
          snapshot_cut (self, snapshot, self->texture, self->unrevealed, width, height);
          snapshot_now (self, snapshot);
        }
      else
        append_figure (self, snapshot, self->texture,
                                     &GRAPHENE_RECT_INIT (0, 0, width, height));
    }
  else
    append_figure (self, snapshot, self->texture, &GRAPHENE_RECT_INIT (0, 0, width, height));
  snapshot_flags (self, snapshot);
  if (self->cursor_shown)
    snapshot_cursor (self, snapshot);
  if (gtk_widget_has_visible_focus (widget))
    snapshot_focus (self, snapshot, width, height);
}
