/* gtw-plot-theme.c: the colours and the PLplot set-up of everything the app plots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gtw-plot-theme.h"

#include <adwaita.h>

#include "gtw-figure.h"

static GdkRGBA
rgba_of (const GtwFigureColour *colour)
{
  return (GdkRGBA) { colour->red, colour->green, colour->blue, colour->alpha };
}

void
gtw_plot_theme_init (GtwPlotTheme *theme,
                     gboolean      high_contrast)
{
  GtwFigurePalette palette;

  g_return_if_fail (theme != NULL);

  theme->dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  gtw_figure_get_palette (theme->dark, high_contrast, &palette);
  theme->background = rgba_of (&palette.background);
  theme->foreground = rgba_of (&palette.foreground);
  theme->grid = rgba_of (&palette.grid);
  for (guint i = 0; i < GTW_PLOT_N_SERIES; i++)
    theme->series[i] = rgba_of (&palette.series[i]);
  theme->difference = rgba_of (&palette.difference);
}

void
gtw_plot_theme_begin (cairo_t       *cr,
                      int            width,
                      int            height,
                      const GdkRGBA *colours,
                      guint          n_colours,
                      double         text_scale)
{
  g_autofree GtwFigureColour *map = g_new (GtwFigureColour, MAX (n_colours, 1));

  g_return_if_fail (cr != NULL);
  g_return_if_fail (colours != NULL || n_colours == 0);

  for (guint i = 0; i < n_colours; i++)
    map[i] = (GtwFigureColour) { colours[i].red, colours[i].green, colours[i].blue, colours[i].alpha };
  gtw_figure_begin_plot (cr, width, height, map, n_colours, text_scale);
}

void
gtw_plot_theme_end (cairo_t *cr)
{
  gtw_figure_end_plot (cr);
}
