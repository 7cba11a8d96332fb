/* gtw-handout-private.h: what the parts of the handout share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page and type sizes, the document being laid out and the functions one part calls in
 * another.
 */
#pragma once

#include <pango/pangocairo.h>

#include "gtw-handout.h"

G_BEGIN_DECLS

#define A4_WIDTH   595.276 /* points */
#define A4_HEIGHT  841.890
#define PDF_MARGIN 42.0
#define PNG_MARGIN 56.0
#define PNG_SCALE  2.3     /* pixels per point of the PDF's type sizes */

/* The figure is drawn at this logical width and scaled into its box: its type and line widths
 * were made for a window, and at the column's width in points they would crowd the panels. */
#define PDF_FIGURE_WIDTH 780.0

typedef enum
{
  STYLE_OVERLINE,
  STYLE_TITLE,
  STYLE_SUBTITLE,
  STYLE_HEADING,
  STYLE_BODY,
  STYLE_SMALL,
  STYLE_TABLE,
  STYLE_FOOTER,
  STYLE_DISCLAIMER,
  N_STYLES
} Style;

typedef struct
{
  double      size; /* points */
  PangoWeight weight;
  double      grey; /* 0 black */
  double      line_spacing;
  PangoWrapMode wrap;
} StyleInfo;

/* gtw-handout-text.c */
extern const StyleInfo gtw_handout_styles[N_STYLES];

typedef struct
{
  /* inputs */
  GtwTrace          *trace;
  GtwTrace          *baseline;       /* NULL when there is nothing to compare */
  GtwDisplayUnits    units;
  const GtwScenario *scenario;
  GPtrArray         *story;
  GPtrArray         *baseline_story; /* NULL with baseline */
  /* layout */
  PangoContext      *pango;
  cairo_t           *cr;             /* NULL while measuring */
  double             scale;          /* type size factor: 1 in points, PNG_SCALE in pixels */
  double             page_width, page_height;
  double             left, width, top, bottom;
  double             y;
  int                page;           /* 1-based */
  int                n_pages;        /* from the measuring pass; 0 while measuring */
  double             page_two_fit;   /* below 1 when page two closes up to stay one page */
  GError            *error;          /* the first drawing error */
} Doc;

typedef enum
{
  ROW_FASTING_GLUCOSE,
  ROW_FASTING_INSULIN,
  ROW_CPEPTIDE,
  ROW_HOMA_IR,
  ROW_HBA1C,
  ROW_TG_HDL,
  ROW_WEIGHT,
  ROW_BETA_CELLS,
  ROW_STAGE,
  N_ROWS
} Row;

/* gtw-handout.c: documents, files and the message text */
const char *gtw_handout_disclaimer (void);

/* gtw-handout-text.c: text and the flow down the pages */
PangoLayout *gtw_handout_make_layout (Doc *doc, Style style, double size_scale, double width,
                                      const char *markup);
double gtw_handout_layout_height (PangoLayout *layout);
double gtw_handout_text_at (Doc *doc, double x, double y, double width, Style style,
                            PangoAlignment align, const char *markup);
double gtw_handout_text_height (Doc *doc, double width, Style style, const char *markup);
void gtw_handout_finish_page (Doc *doc);
void gtw_handout_new_page (Doc *doc);
void gtw_handout_ensure_space (Doc *doc, double height);
void gtw_handout_flow_text (Doc *doc, Style style, const char *markup, double space_after);
void gtw_handout_flow_bullet (Doc *doc, Style style, const char *text, double space_after);
void gtw_handout_flow_heading (Doc *doc, const char *text, double height_kept_with);
void gtw_handout_flow_rule (Doc *doc);

/* gtw-handout-pages.c: what the two pages say */
gboolean gtw_handout_has_plan (Doc *doc);
void gtw_handout_flow_title (Doc *doc);
void gtw_handout_flow_figure (Doc *doc, double height, double draw_width, double font_scale,
                              const char *title, GtwTrace *trace, GtwTrace *baseline);
void gtw_handout_page_one (Doc *doc);
char *gtw_handout_row_value (Row row, const GtwMarkers *m, const GtwDisplayUnits *u);
void gtw_handout_page_two (Doc *doc);

G_END_DECLS
