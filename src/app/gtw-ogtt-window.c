/* gtw-ogtt-window.c: an oral glucose tolerance test on one day, its curves and its reading
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three small stacked panels (glucose, insulin, C-peptide over 0-180 min) with the five samples
 * marked, the table of the samples in display units, the 2-hour reading in plain words and the
 * two indices derived from the test. The curves are drawn with cairo and Pango directly: three
 * short curves do not need the full figure renderer, and the text then follows the theme.
 */
#include "gtw-ogtt-window.h"

#include <glib/gi18n.h>
#include <math.h>

#define N_CURVES     3
#define CURVE_MINUTES 180.0

struct _GtwOgttWindow
{
  AdwWindow        parent_instance;

  GtwOgttResult   *result;
  GtwDisplayUnits  units;
  GtkWidget       *drawing;
  GtkWidget       *reading_label;
};

G_DEFINE_FINAL_TYPE (GtwOgttWindow, gtw_ogtt_window, ADW_TYPE_WINDOW)

typedef struct
{
  const char *title;
  const char *unit;
  double      values[GTW_OGTT_N_SAMPLES];
  double     *curve;
  guint       n;
  GdkRGBA     colour;
} Curve;

static GtwOgttResult *
ogtt_result_copy (const GtwOgttResult *result)
{
  GtwOgttResult *copy = g_new (GtwOgttResult, 1);

  *copy = *result;
  copy->curve = g_array_sized_new (FALSE, FALSE, sizeof (GtwMinuteRecord),
                                   result->curve != NULL ? result->curve->len : 0);
  if (result->curve != NULL)
    g_array_append_vals (copy->curve, result->curve->data, result->curve->len);
  return copy;
}

static double
convert (guint which, double value, const GtwDisplayUnits *units)
{
  switch (which)
    {
    case 0:
      return gtw_glucose_convert (value, units->glucose);
    case 1:
      return gtw_insulin_convert (value, units->insulin);
    case 2:
      return gtw_cpeptide_convert (value, units->cpeptide);
    default:
      g_assert_not_reached ();
    }
}

static const char *
unit_label (guint which, const GtwDisplayUnits *units)
{
  switch (which)
    {
    case 0:
      return gtw_glucose_unit_label (units->glucose);
    case 1:
      return gtw_insulin_unit_label (units->insulin);
    case 2:
      return gtw_cpeptide_unit_label (units->cpeptide);
    default:
      g_assert_not_reached ();
    }
}

static int
glucose_digits (const GtwDisplayUnits *units)
{
  return units->glucose == GTW_GLUCOSE_MGDL ? 0 : 1;
}

static int
value_digits (guint which, const GtwDisplayUnits *units)
{
  switch (which)
    {
    case 0:
      return glucose_digits (units);
    case 1:
      return units->insulin == GTW_INSULIN_UU ? 1 : 0;
    case 2:
      return 2;
    default:
      g_assert_not_reached ();
    }
}

static double
nice_step (double range)
{
  double raw = range / 3.0;
  double mag = pow (10, floor (log10 (raw)));
  double norm = raw / mag;

  if (norm < 1.5)
    return mag;
  if (norm < 3.2)
    return 2 * mag;
  if (norm < 7.5)
    return 5 * mag;
  return 10 * mag;
}

static void
show_text (cairo_t     *cr,
           PangoLayout *layout,
           const char  *text,
           double       x,
           double       y,
           double       xalign,
           double       yalign)
{
  int w, h;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x - w * xalign, y - h * yalign);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_panel (GtwOgttWindow *self,
            cairo_t       *cr,
            PangoLayout   *layout,
            guint          which,
            const GdkRGBA *fg,
            const GdkRGBA *colour,
            double         left,
            double         right,
            double         top,
            double         bottom,
            gboolean       x_labels)
{
  const GtwOgttResult *r = self->result;
  const GtwDisplayUnits *u = &self->units;
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE, step, ymin, ymax;
  g_autofree char *title = NULL;

  for (guint i = 0; i < r->curve->len; i++)
    {
      const GtwMinuteRecord *m = &g_array_index (r->curve, GtwMinuteRecord, i);
      double v = convert (which, which == 0 ? m->glucose : which == 1 ? m->insulin : m->cpeptide, u);

      lo = MIN (lo, v);
      hi = MAX (hi, v);
    }
  if (!(hi > lo))
    hi = lo + 1;
  step = nice_step (hi - (which == 0 ? lo : 0));
  ymin = which == 0 ? floor (lo / step) * step : 0;
  ymax = ceil (hi / step) * step;

#define X(minute) (left + (right - left) * (minute) / CURVE_MINUTES)
#define Y(value) (bottom - (bottom - top) * ((value) - ymin) / (ymax - ymin))

  /* grid and tick labels */
  cairo_set_line_width (cr, 1);
  for (double v = ymin; v <= ymax + step * 0.01; v += step)
    {
      g_autofree char *text = g_strdup_printf ("%.*f", step < 1 ? (step < 0.1 ? 2 : 1) : 0, v);

      cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.12);
      cairo_move_to (cr, left, round (Y (v)) + 0.5);
      cairo_line_to (cr, right, round (Y (v)) + 0.5);
      cairo_stroke (cr);
      gdk_cairo_set_source_rgba (cr, fg);
      show_text (cr, layout, text, left - 6, Y (v), 1, 0.5);
    }
  for (int minute = 0; minute <= CURVE_MINUTES; minute += 30)
    {
      cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.12);
      cairo_move_to (cr, round (X (minute)) + 0.5, top);
      cairo_line_to (cr, round (X (minute)) + 0.5, bottom);
      cairo_stroke (cr);
      if (x_labels)
        {
          g_autofree char *text = g_strdup_printf ("%d", minute);

          gdk_cairo_set_source_rgba (cr, fg);
          show_text (cr, layout, text, X (minute), bottom + 4, 0.5, 0);
        }
    }
  cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.6);
  cairo_rectangle (cr, left + 0.5, top + 0.5, right - left - 1, bottom - top - 1);
  cairo_stroke (cr);

  /* the 2-hour glucose cut-offs, as published in each unit */
  if (which == 0)
    {
      double cuts[2] = { u->glucose == GTW_GLUCOSE_MGDL ? 140 : 7.8,
                         u->glucose == GTW_GLUCOSE_MGDL ? 200 : 11.1 };
      double dashes[2] = { 5, 4 };

      cairo_save (cr);
      cairo_set_dash (cr, dashes, 2, 0);
      cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.5);
      for (guint i = 0; i < 2; i++)
        if (cuts[i] > ymin && cuts[i] < ymax)
          {
            g_autofree char *label = g_strdup_printf ("%.*f", glucose_digits (u), cuts[i]);

            cairo_move_to (cr, left, Y (cuts[i]));
            cairo_line_to (cr, right, Y (cuts[i]));
            cairo_stroke (cr);
            show_text (cr, layout, label, right - 4, Y (cuts[i]) - 1, 1, 1);
          }
      cairo_restore (cr);
    }

  /* the curve, then the samples on it */
  cairo_save (cr);
  cairo_rectangle (cr, left, top, right - left, bottom - top);
  cairo_clip (cr);
  gdk_cairo_set_source_rgba (cr, colour);
  cairo_set_line_width (cr, 2.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < r->curve->len; i++)
    {
      const GtwMinuteRecord *m = &g_array_index (r->curve, GtwMinuteRecord, i);
      double v = convert (which, which == 0 ? m->glucose : which == 1 ? m->insulin : m->cpeptide, u);

      cairo_line_to (cr, X (m->minute), Y (v));
    }
  cairo_stroke (cr);
  for (guint i = 0; i < GTW_OGTT_N_SAMPLES; i++)
    {
      double v = convert (which, which == 0 ? r->glucose[i] : which == 1 ? r->insulin[i]
                                                                        : r->cpeptide[i], u);

      cairo_arc (cr, X (r->minute[i]), Y (v), 4.5, 0, 2 * G_PI);
      gdk_cairo_set_source_rgba (cr, colour);
      cairo_fill_preserve (cr);
      gdk_cairo_set_source_rgba (cr, fg);
      cairo_set_line_width (cr, 1.2);
      cairo_stroke (cr);
    }
  cairo_restore (cr);

  /* the title above the panel, clear of the curve */
  gdk_cairo_set_source_rgba (cr, fg);
  title = g_strdup_printf ("%s (%s)", which == 0 ? _("Glucose") : which == 1 ? _("Insulin")
                                                                            : _("C-peptide"),
                           unit_label (which, u));
  show_text (cr, layout, title, left, top - 3, 0, 1);

#undef X
#undef Y
}

static void
draw_curves (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  GtwOgttWindow *self = GTW_OGTT_WINDOW (user_data);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  /* Okabe & Ito colours, as in the figure renderer */
  GdkRGBA colours[N_CURVES] = {
    dark ? (GdkRGBA) { 0x56 / 255., 0xB4 / 255., 0xE9 / 255., 1 }
         : (GdkRGBA) { 0x00 / 255., 0x72 / 255., 0xB2 / 255., 1 },
    { 0xD5 / 255., 0x5E / 255., 0x00 / 255., 1 },
    { 0xCC / 255., 0x79 / 255., 0xA7 / 255., 1 },
  };
  g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), NULL);
  GdkRGBA fg;
  int text_height;
  double left, right, top, bottom, gap, panel_height;

  pango_layout_set_text (layout, "0", -1);
  pango_layout_get_pixel_size (layout, NULL, &text_height);
  /* each panel has its title above it */
  left = 56, right = width - 12;
  top = text_height + 6, bottom = height - 2 * text_height - 14, gap = text_height + 14;
  panel_height = (bottom - top - gap * (N_CURVES - 1)) / N_CURVES;
  if (self->result == NULL || self->result->curve == NULL || self->result->curve->len == 0
      || panel_height < 30)
    return;

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &fg);

  for (guint i = 0; i < N_CURVES; i++)
    {
      double t = top + i * (panel_height + gap);

      draw_panel (self, cr, layout, i, &fg, &colours[i], left, right, t, t + panel_height,
                  i == N_CURVES - 1);
    }
  gdk_cairo_set_source_rgba (cr, &fg);
  show_text (cr, layout, _("Minutes after the glucose drink"), (left + right) / 2,
             bottom + 8 + text_height, 0.5, 0);
}

static char *
reading_text (const GtwOgttResult *r, const GtwDisplayUnits *u)
{
  gboolean mgdl = u->glucose == GTW_GLUCOSE_MGDL;
  double value = gtw_glucose_convert (r->two_hour_glucose, u->glucose);
  const char *unit = gtw_glucose_unit_label (u->glucose);
  int digits = glucose_digits (u);

  switch (r->reading)
    {
    case GTW_OGTT_NORMAL:
      /* TRANSLATORS: "2-hour glucose 6.1 mmol/L: normal glucose tolerance (below 7.8)" */
      return g_strdup_printf (_("2-hour glucose %.*f %s: normal glucose tolerance (below %s)"),
                              digits, value, unit, mgdl ? "140" : "7.8");
    case GTW_OGTT_IGT:
      return g_strdup_printf (_("2-hour glucose %.*f %s: impaired glucose tolerance (%s)"),
                              digits, value, unit, mgdl ? "140-199" : "7.8-11.0");
    case GTW_OGTT_DIABETES:
      return g_strdup_printf (_("2-hour glucose %.*f %s: in the diabetes range (%s or more)"),
                              digits, value, unit, mgdl ? "200" : "11.1");
    default:
      g_assert_not_reached ();
    }
}

static GtkWidget *
cell (const char *text, gboolean header, gboolean numeric)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  if (header)
    gtk_widget_add_css_class (label, "heading");
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  return label;
}

static GtkWidget *
build_table (GtwOgttWindow *self)
{
  const GtwOgttResult *r = self->result;
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_halign (grid, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Samples"), -1);

  gtk_grid_attach (GTK_GRID (grid), cell (_("Minute"), TRUE, FALSE), 0, 0, 1, 1);
  for (guint c = 0; c < N_CURVES; c++)
    {
      g_autofree char *head = g_strdup_printf ("%s\n%s", c == 0 ? _("Glucose")
                                                       : c == 1 ? _("Insulin") : _("C-peptide"),
                                               unit_label (c, &self->units));
      GtkWidget *label = cell (head, TRUE, TRUE);

      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
      gtk_grid_attach (GTK_GRID (grid), label, c + 1, 0, 1, 1);
    }
  for (guint i = 0; i < GTW_OGTT_N_SAMPLES; i++)
    {
      g_autofree char *minute = g_strdup_printf ("%d", r->minute[i]);
      const double si[N_CURVES] = { r->glucose[i], r->insulin[i], r->cpeptide[i] };

      gtk_grid_attach (GTK_GRID (grid), cell (minute, FALSE, TRUE), 0, i + 1, 1, 1);
      for (guint c = 0; c < N_CURVES; c++)
        {
          g_autofree char *text = g_strdup_printf ("%.*f", value_digits (c, &self->units),
                                                   convert (c, si[c], &self->units));

          gtk_grid_attach (GTK_GRID (grid), cell (text, FALSE, TRUE), c + 1, i + 1, 1, 1);
        }
    }
  return grid;
}

static GtkWidget *
index_row (const char *title, const char *subtitle, double value, int digits)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *text = isfinite (value) ? g_strdup_printf ("%.*f", digits, value)
                                           : g_strdup (_("not defined"));
  GtkWidget *label = gtk_label_new (text);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

static void
build (GtwOgttWindow *self)
{
  const GtwOgttResult *r = self->result;
  GtkWidget *box, *header, *scrolled, *content, *list;
  g_autofree char *title = g_strdup_printf (_("Oral Glucose Tolerance Test, Day %d"), r->day);
  g_autofree char *reading = reading_text (r, &self->units);
  g_autofree char *description = NULL;

  gtk_window_set_title (GTK_WINDOW (self), title);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (box), header);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);

  self->reading_label = gtk_label_new (reading);
  gtk_label_set_wrap (GTK_LABEL (self->reading_label), TRUE);
  gtk_widget_add_css_class (self->reading_label, "title-4");
  if (r->reading != GTW_OGTT_NORMAL)
    gtk_widget_add_css_class (self->reading_label,
                              r->reading == GTW_OGTT_DIABETES ? "error" : "warning");
  gtk_box_append (GTK_BOX (content), self->reading_label);

  self->drawing = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->drawing), 440);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->drawing), draw_curves, self, NULL);
  gtk_widget_set_vexpand (self->drawing, TRUE);
  description = g_strdup_printf (_("Glucose, insulin and C-peptide from 0 to 180 minutes after "
                                   "75 g of glucose on day %d, samples at 0, 30, 60, 90 and 120 "
                                   "minutes. %s"), r->day, reading);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->drawing),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("OGTT curves"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  gtk_box_append (GTK_BOX (content), self->drawing);

  gtk_box_append (GTK_BOX (content), build_table (self));

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list),
                       index_row (_("Insulinogenic index"),
                                  _("Early insulin response: Δinsulin / Δglucose over the first "
                                    "30 minutes (µU/mL per mg/dL); below about 0.4 suggests a "
                                    "weak first phase"),
                                  r->insulinogenic_index, 2));
  gtk_list_box_append (GTK_LIST_BOX (list),
                       index_row (_("Matsuda index"),
                                  _("Whole-body insulin sensitivity from the test (Matsuda and "
                                    "DeFronzo 1999); below about 2.5 suggests insulin resistance"),
                                  r->matsuda_index, 1));
  gtk_box_append (GTK_BOX (content), list);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), content);
  gtk_box_append (GTK_BOX (box), scrolled);

  adw_window_set_content (ADW_WINDOW (self), box);
}

static void
gtw_ogtt_window_finalize (GObject *object)
{
  GtwOgttWindow *self = GTW_OGTT_WINDOW (object);

  g_clear_pointer (&self->result, gtw_ogtt_result_free);

  G_OBJECT_CLASS (gtw_ogtt_window_parent_class)->finalize (object);
}

static void
gtw_ogtt_window_class_init (GtwOgttWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = gtw_ogtt_window_finalize;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
on_dark_changed (GtwOgttWindow *self)
{
  if (self->drawing != NULL)
    gtk_widget_queue_draw (self->drawing);
}

static void
gtw_ogtt_window_init (GtwOgttWindow *self)
{
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 600, 860);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed), self, G_CONNECT_SWAPPED);
}

GtkWidget *
gtw_ogtt_window_new (GtkWindow             *parent,
                     const GtwOgttResult   *result,
                     const GtwDisplayUnits *units)
{
  GtwOgttWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (units != NULL, NULL);

  self = g_object_new (GTW_TYPE_OGTT_WINDOW, "transient-for", parent, "modal", TRUE, NULL);
  self->result = ogtt_result_copy (result);
  self->units = *units;
  build (self);
  return GTK_WIDGET (self);
}
