/* gtw-plot-theme.h: the colours and the PLplot set-up of everything the app plots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One palette for the chart, its overlays and the other PLplot plots of the window (the
 * mechanism map's history), taken from the figure renderer so that what is drawn on top of a
 * figure matches it: the light or dark style of libadwaita, and in high contrast black or white
 * text for a projector. Okabe & Ito's colours for the curves, safe for colour-blind viewers.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GTW_PLOT_N_SERIES 4

typedef struct
{
  GdkRGBA background;
  GdkRGBA foreground;                 /* text, axes, lines drawn over the curves */
  GdkRGBA grid;                       /* translucent */
  GdkRGBA series[GTW_PLOT_N_SERIES];  /* glucose, insulin, C-peptide, β-cell mass */
  GdkRGBA difference;                 /* what interventions change */
  gboolean dark;
} GtwPlotTheme;

/* The palette for the current style (libadwaita's dark or light), in high contrast or not. */
void gtw_plot_theme_init  (GtwPlotTheme  *theme,
                           gboolean       high_contrast);

/* Opens a PLplot stream that draws on @cr, a page of @width x @height pixels, with @colours as
 * colour map 0 (index 0: the background PLplot assumes; nothing is painted) and text
 * @text_scale times PLplot's default size. Close it with gtw_plot_theme_end (). The main
 * thread only, one plot at a time. */
void gtw_plot_theme_begin (cairo_t       *cr,
                           int            width,
                           int            height,
                           const GdkRGBA *colours,
                           guint          n_colours,
                           double         text_scale);
void gtw_plot_theme_end   (cairo_t       *cr);

G_END_DECLS
