/* gtw-figure.c: the four-panel figure, drawn with PLplot into any cairo context
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Layout is computed in pixels from the top-left corner and handed to PLplot in millimetres
 * (the cairo devices assume 72 DPI). Series are decimated to a minimum and a maximum per pixel
 * column before PLplot sees them, so drawing costs the same for two years or thirty.
 *
 * This file: the options, the PLplot stream around every drawing, and writing files. The
 * layout and axes are in gtw-figure-axes.c, the panels in gtw-figure-panels.c and the day view
 * in gtw-figure-day.c.
 */
#include "gtw-figure-private.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>

G_DEFINE_QUARK (gtw-figure-error-quark, gtw_figure_error)

/* ---------------------------------------------------------------------------------------- */
/* Stream handling                                                                          */

gboolean
gtw_figure_available (GError **error)
{
  static int available = -1;

  if (available < 0)
    {
      const char *menus[128], *names[128];
      const char **pm = menus, **pn = names;
      int n = G_N_ELEMENTS (names);

      available = 0;
      plgDevs (&pm, &pn, &n);
      for (int i = 0; i < n; i++)
        if (g_strcmp0 (names[i], "extcairo") == 0)
          available = 1;
    }

  if (!available)
    g_set_error_literal (error, GTW_FIGURE_ERROR, GTW_FIGURE_ERROR_UNAVAILABLE,
                         _("PLplot has no extcairo device: install the PLplot cairo driver "
                           "(Debian: plplot-driver-cairo)"));
  return available;
}

void
gtw_figure_options_init (GtwFigureOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->view = GTW_FIGURE_VIEW_DECADE;
  options->width = 1000;
  options->height = 800;
  options->glucose_unit = GTW_GLUCOSE_MMOL;
  options->insulin_unit = GTW_INSULIN_PMOL;
  options->cpeptide_unit = GTW_CPEPTIDE_NMOL;
  options->show_baseline = TRUE;
  options->show_band = TRUE;
  options->font_scale = 1.0;
  options->panels = 0xf;
  options->reveal_day = -1;
}

static void
paint_background (cairo_t *cr, const GtwFigureOptions *options)
{
  GtwFigurePalette palette;

  gtw_figure_get_palette (options->dark, options->high_contrast, &palette);
  cairo_set_source_rgb (cr, palette.background.red, palette.background.green,
                        palette.background.blue);
  cairo_paint (cr);
}

void
gtw_figure_begin_plot (cairo_t               *cr,
                       int                    width,
                       int                    height,
                       const GtwFigureColour *colours,
                       guint                  n_colours,
                       double                 text_scale)
{
  PLINT stream;
  char geometry[64];

  g_return_if_fail (cr != NULL);
  g_return_if_fail (colours != NULL || n_colours == 0);

  g_snprintf (geometry, sizeof geometry, "%dx%d", width, height);
  plmkstrm (&stream);
  plsdev ("extcairo");
  plsetopt ("geometry", geometry);
  plinit ();
  cairo_save (cr);
  pl_cmd (PLESC_DEVINIT, cr);
  pladv (0);
  if (n_colours > 0)
    plscmap0n ((PLINT) n_colours);
  for (guint i = 0; i < n_colours; i++)
    plscol0a ((PLINT) i, (PLINT) round (colours[i].red * 255), (PLINT) round (colours[i].green * 255),
              (PLINT) round (colours[i].blue * 255), colours[i].alpha);
  plschr (0, text_scale);
}

void
gtw_figure_end_plot (cairo_t *cr)
{
  g_return_if_fail (cr != NULL);

  plend1 ();
  cairo_restore (cr);
}

/* The stack-notes recipe: a fresh stream per draw, extcairo on @cr, the background painted. */
void
gtw_fig_begin_stream (cairo_t *cr, const GtwFigureOptions *options)
{
  cairo_save (cr);
  paint_background (cr, options);
  cairo_restore (cr);
  gtw_figure_begin_plot (cr, options->width, options->height, NULL, 0, 1.0);
  gtw_fig_setup_colours (options);
  plsmaj (0, 1.3);
  plsmin (0, 1.0);
}

gboolean
gtw_fig_check_draw_args (cairo_t *cr, const GtwFigureOptions *options, GError **error)
{
  if (!gtw_figure_available (error))
    return FALSE;
  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, GTW_FIGURE_ERROR, GTW_FIGURE_ERROR_FAILED, "cairo: %s",
                   cairo_status_to_string (cairo_status (cr)));
      return FALSE;
    }
  return TRUE;
}

gboolean
gtw_fig_too_small (cairo_t *cr, const GtwFigureOptions *options)
{
  if (options->width >= MIN_SIZE_PX && options->height >= MIN_SIZE_PX)
    return FALSE;
  cairo_save (cr);
  paint_background (cr, options);
  cairo_restore (cr);
  return TRUE;
}

/* ---------------------------------------------------------------------------------------- */
/* Files                                                                                    */

typedef enum
{
  FORMAT_NONE,
  FORMAT_PNG,
  FORMAT_SVG,
  FORMAT_PDF,
} Format;

static Format
format_for_path (const char *path)
{
  const char *dot = strrchr (path, '.');

  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return FORMAT_NONE;
  if (g_ascii_strcasecmp (dot, ".png") == 0)
    return FORMAT_PNG;
  if (g_ascii_strcasecmp (dot, ".svg") == 0)
    return FORMAT_SVG;
  if (g_ascii_strcasecmp (dot, ".pdf") == 0)
    return FORMAT_PDF;
  return FORMAT_NONE;
}

gboolean
gtw_figure_format_supported (const char *path)
{
  g_return_val_if_fail (path != NULL, FALSE);

  return format_for_path (path) != FORMAT_NONE;
}

static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
draw_view (cairo_t                *cr,
           const GtwFigureOptions *options,
           const GtwTrace         *trace,
           const GtwTrace         *baseline,
           const GtwDayDetail     *day,
           const GtwDayDetail     *baseline_day,
           GError                **error)
{
  if (options->view == GTW_FIGURE_VIEW_DAY)
    {
      if (day == NULL)
        {
          g_set_error_literal (error, GTW_FIGURE_ERROR, GTW_FIGURE_ERROR_NO_DATA,
                               _("The day view needs a simulated day"));
          return FALSE;
        }
      return gtw_figure_draw_day (cr, options, day, baseline_day, error);
    }
  if (trace == NULL)
    {
      g_set_error_literal (error, GTW_FIGURE_ERROR, GTW_FIGURE_ERROR_NO_DATA,
                           _("The decade view needs a simulated run"));
      return FALSE;
    }
  return gtw_figure_draw_trace (cr, options, trace, baseline, error);
}

static gboolean
check_surface (cairo_surface_t *surface, GError **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, GTW_FIGURE_ERROR, GTW_FIGURE_ERROR_FAILED, "cairo: %s",
               cairo_status_to_string (status));
  return FALSE;
}

gboolean
gtw_figure_write_file (const char             *path,
                       const GtwFigureOptions *options,
                       const GtwTrace         *trace,
                       const GtwTrace         *baseline,
                       const GtwDayDetail     *day,
                       const GtwDayDetail     *baseline_day,
                       GError                **error)
{
  g_autoptr (GByteArray) bytes = NULL;
  cairo_surface_t *surface = NULL;
  cairo_t *cr;
  gboolean ok;
  Format format;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  format = format_for_path (path);
  if (format == FORMAT_NONE)
    {
      g_set_error (error, GTW_FIGURE_ERROR, GTW_FIGURE_ERROR_FORMAT,
                   _("%s: unknown figure format (use .png, .svg or .pdf)"), path);
      return FALSE;
    }
  if (!gtw_figure_available (error))
    return FALSE;

  bytes = g_byte_array_new ();
  switch (format)
    {
    case FORMAT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, options->width, options->height);
      break;
    case FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (append_bytes, bytes, options->width,
                                                     options->height);
      break;
    case FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, options->width,
                                                     options->height);
      break;
    case FORMAT_NONE:
    default:
      g_assert_not_reached ();
    }
  if (!check_surface (surface, error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }

  cr = cairo_create (surface);
  ok = draw_view (cr, options, trace, baseline, day, baseline_day, error);
  cairo_destroy (cr);

  if (ok && format == FORMAT_PNG)
    {
      cairo_status_t status = cairo_surface_write_to_png_stream (surface, append_bytes, bytes);

      if (status != CAIRO_STATUS_SUCCESS)
        {
          g_set_error (error, GTW_FIGURE_ERROR, GTW_FIGURE_ERROR_FAILED, "cairo: %s",
                       cairo_status_to_string (status));
          ok = FALSE;
        }
    }
  cairo_surface_finish (surface);
  ok = ok && check_surface (surface, error);
  cairo_surface_destroy (surface);

  return ok && g_file_set_contents_full (path, (const char *) bytes->data, bytes->len,
                                         G_FILE_SET_CONTENTS_CONSISTENT, 0666, error);
}
