/* gtw-figure.h: the four-panel figure, drawn with PLplot into any cairo context
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One renderer for the window and for exported files: the app hands it the cairo_t of its
 * drawing area, the CLI an image, SVG or PDF surface. PLplot keeps global state, so every
 * function here must be called from one thread (the GTK main thread in the app).
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "gtw-model.h"

G_BEGIN_DECLS

#define GTW_FIGURE_ERROR (gtw_figure_error_quark ())

typedef enum
{
  GTW_FIGURE_ERROR_UNAVAILABLE, /* PLplot lacks the extcairo device (plplot-driver-cairo) */
  GTW_FIGURE_ERROR_FORMAT,      /* unknown output file extension: a usage error */
  GTW_FIGURE_ERROR_NO_DATA,     /* nothing to draw */
  GTW_FIGURE_ERROR_FAILED,      /* cairo or the file system failed */
} GtwFigureError;

typedef enum
{
  GTW_FIGURE_VIEW_DECADE, /* whole run, x in years */
  GTW_FIGURE_VIEW_DAY,    /* one day, x in clock hours */
  GTW_FIGURE_VIEW_YEAR,   /* part of the run (a year, typically), x in months */
} GtwFigureView;

/* A rectangle in pixels from the figure's top-left corner. */
typedef struct
{
  double x, y, width, height;
} GtwFigureRect;

#define GTW_FIGURE_MAX_TICK_LABELS 48
#define GTW_FIGURE_MAX_BLOCKS      32

/* Where a figure was drawn, in pixels from its top-left corner: for pointer hit-testing and
 * overlays. The x axis spans [first_day, last_day] (fractional in the day view: day + minute /
 * 1440) between the plot areas' left and right edges. */
typedef struct
{
  double left, right;
  double first_day, last_day;
  struct
  {
    double top, bottom;
    double ymin, ymax; /* in display units (beta-cell mass: % of healthy) */
    gboolean shown;    /* FALSE: left out by options->panels (top = bottom) */
  } panels[4];
  /* Text that overlays must leave clear: the time axis's tick labels and the glucose panel's
   * two threshold labels (width 0: not drawn), as measured with the figure's font. */
  GtwFigureRect tick_labels[GTW_FIGURE_MAX_TICK_LABELS];
  guint         n_tick_labels;
  GtwFigureRect threshold_labels[2];
  /* The blocks of the lanes above the panels (interventions, or a day's meals and sessions)
   * and their labels (width 0: not drawn), the first GTW_FIGURE_MAX_BLOCKS of them. A label
   * lies inside its block when it fits, beside it otherwise. */
  GtwFigureRect blocks[GTW_FIGURE_MAX_BLOCKS];
  GtwFigureRect block_labels[GTW_FIGURE_MAX_BLOCKS];
  guint         n_blocks;
} GtwFigureGeometry;

typedef struct
{
  GtwFigureView   view;
  int             width;  /* logical pixels (= points in vector files) */
  int             height;
  GtwGlucoseUnit  glucose_unit;
  GtwInsulinUnit  insulin_unit;
  GtwCpeptideUnit cpeptide_unit;
  gboolean        dark;
  gboolean        show_baseline;
  double          font_scale; /* 1.0 = default; the app passes GNOME's text scaling */
  const char     *title;      /* NULL: the scenario's name (decade) or the day number */
  /* Decade and year views: the days on the x axis; last_day <= first_day means the whole run. */
  double          first_day;
  double          last_day;
  gboolean        show_band;  /* the daily glucose range, decade and year views */
  /* For a room: thicker lines and larger markers (the caller enlarges the text through
   * font_scale). */
  gboolean        presentation;
  /* Black or white text and axes, a bolder grid and thresholds: for a projector. */
  gboolean        high_contrast;
  guint           panels;     /* bit i shows panel i, top to bottom; 0 = all of them */
  /* Decade and year views: with reveal, the data (curves, shading, bands, labs) only up to
   * reveal_day, negative for none; the axes stay those of the whole run. */
  gboolean        reveal;
  double          reveal_day;
  /* Decade and year views: the 50 % and 90 % bands of the population around the patient. */
  const GtwPopulation *population;
  GtwFigureGeometry *geometry; /* NULL, or filled by the draw functions */
} GtwFigureOptions;

/* A colour of the figure's palette, each component from 0 to 1. */
typedef struct
{
  double red, green, blue, alpha;
} GtwFigureColour;

/* The figure's palette (Okabe & Ito's colours for the curves), for what is drawn beside or on
 * top of a figure in its manner. */
typedef struct
{
  GtwFigureColour background;
  GtwFigureColour foreground; /* text, axes, lines drawn over the curves */
  GtwFigureColour grid;
  GtwFigureColour threshold;
  GtwFigureColour series[4];  /* the curves of the panels, top to bottom */
  GtwFigureColour difference; /* what interventions change; the figure fills it translucent */
} GtwFigurePalette;

GQuark   gtw_figure_error_quark  (void);

/* The colour of intervention @type wherever it is drawn: its block on the app's timeline, its
 * band and label on the figure, its badge on the mechanism map; the variant for a dark
 * background if @dark. */
void     gtw_figure_intervention_colour (GtwInterventionType type,
                                         gboolean            dark,
                                         GtwFigureColour    *colour);

/* The palette of a figure drawn with these dark and high_contrast options. */
void     gtw_figure_get_palette  (gboolean          dark,
                                  gboolean          high_contrast,
                                  GtwFigurePalette *palette);

/* A PLplot stream drawing on @cr, as the figure opens one, for another plot in its manner:
 * PLplot's page is @width x @height pixels, its colour map 0 holds @colours (index 0 is the
 * background PLplot assumes; nothing is painted) and its text is @text_scale times PLplot's
 * default size. Every PLplot call until gtw_figure_end_plot () draws on @cr. PLplot keeps
 * global state: the main thread only, one plot at a time. */
void     gtw_figure_begin_plot   (cairo_t               *cr,
                                  int                    width,
                                  int                    height,
                                  const GtwFigureColour *colours,
                                  guint                  n_colours,
                                  double                 text_scale);
void     gtw_figure_end_plot     (cairo_t               *cr);

/* Defaults: decade view of the whole run, 1000x800, SI units, light theme, baseline and glucose
 * band shown, scale 1, all panels, everything revealed, no population, no geometry. Always start from these: later fields may be added. */
void     gtw_figure_options_init (GtwFigureOptions *options);

/* Whether PLplot can draw at all; call before anything else draws. Never prompts or exits. */
gboolean gtw_figure_available    (GError          **error);

/* The pixel columns where the plot areas of a figure of these options begin and end (the same
 * for every panel); known before drawing, from the size, view and font scale only. */
void     gtw_figure_get_plot_edges (const GtwFigureOptions *options,
                                    double                 *left,
                                    double                 *right);

/* The decade or year view of @trace (any number of days filled so far), by options->view.
 * @baseline may be NULL. The measured labs of the trace's scenario are drawn as outlined
 * diamonds: fasting glucose, insulin and C-peptide on their panels; HbA1c, TG and HDL have
 * none, and the legend says they are not drawn. */
gboolean gtw_figure_draw_trace   (cairo_t                *cr,
                                  const GtwFigureOptions *options,
                                  const GtwTrace         *trace,
                                  const GtwTrace         *baseline,
                                  GError                **error);

/* The day view of @day. @baseline_day may be NULL. */
gboolean gtw_figure_draw_day     (cairo_t                *cr,
                                  const GtwFigureOptions *options,
                                  const GtwDayDetail     *day,
                                  const GtwDayDetail     *baseline_day,
                                  GError                **error);

/* The panel a measured value is drawn on (0 glucose, 1 insulin, 2 C-peptide), or -1 for the
 * kinds the figure has no panel for (HbA1c, TG, HDL). */
int      gtw_figure_lab_panel    (GtwLabKind kind);
/* A measured value in the units of its panel (the others as measured). */
double   gtw_figure_lab_value    (const GtwLab    *lab,
                                  GtwGlucoseUnit   glucose_unit,
                                  GtwInsulinUnit   insulin_unit,
                                  GtwCpeptideUnit  cpeptide_unit);

/* Whether @path ends in .png, .svg or .pdf (case-insensitive). */
gboolean gtw_figure_format_supported (const char *path);

/* Writes the view chosen by options->view to @path, PNG, SVG or PDF by its extension, through a
 * temporary file in the same directory: either the whole file appears or nothing changes.
 * The decade and year views read @trace and @baseline, the day view @day and @baseline_day;
 * the others may be NULL. */
gboolean gtw_figure_write_file   (const char             *path,
                                  const GtwFigureOptions *options,
                                  const GtwTrace         *trace,
                                  const GtwTrace         *baseline,
                                  const GtwDayDetail     *day,
                                  const GtwDayDetail     *baseline_day,
                                  GError                **error);

G_END_DECLS
