/* gtw-handout-text.c: the handout's type styles, text and its flow down the pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Text is laid out with Pango in the document's font context, drawn unless the pass only
 * measures; paragraphs, bullets, headings and rules go down the page and onto the next one
 * when they do not fit.
 */
#include "gtw-handout-private.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

const StyleInfo gtw_handout_styles[N_STYLES] = {
  [STYLE_OVERLINE] = { 7.5, PANGO_WEIGHT_BOLD, 0.40, 1.0, PANGO_WRAP_WORD_CHAR },
  [STYLE_TITLE] = { 19.0, PANGO_WEIGHT_BOLD, 0.0, 1.0, PANGO_WRAP_WORD_CHAR },
  [STYLE_SUBTITLE] = { 9.5, PANGO_WEIGHT_NORMAL, 0.30, 1.25, PANGO_WRAP_WORD_CHAR },
  [STYLE_HEADING] = { 12.0, PANGO_WEIGHT_BOLD, 0.0, 1.0, PANGO_WRAP_WORD_CHAR },
  [STYLE_BODY] = { 9.5, PANGO_WEIGHT_NORMAL, 0.08, 1.25, PANGO_WRAP_WORD_CHAR },
  [STYLE_SMALL] = { 8.5, PANGO_WEIGHT_NORMAL, 0.15, 1.2, PANGO_WRAP_WORD_CHAR },
  /* whole words in the narrow cells: "Compensated" rather than "Compensa-ted" */
  [STYLE_TABLE] = { 8.5, PANGO_WEIGHT_NORMAL, 0.08, 1.1, PANGO_WRAP_WORD },
  [STYLE_FOOTER] = { 7.5, PANGO_WEIGHT_NORMAL, 0.45, 1.0, PANGO_WRAP_WORD_CHAR },
  [STYLE_DISCLAIMER] = { 9.5, PANGO_WEIGHT_BOLD, 0.10, 1.25, PANGO_WRAP_WORD_CHAR },
};

/* ---------------------------------------------------------------------------------------- */
/* Text                                                                                     */

/* @size_scale: of the style's type size, 1 but in the markers table's tight cells */
PangoLayout *
gtw_handout_make_layout (Doc *doc, Style style, double size_scale, double width, const char *markup)
{
  PangoLayout *layout = pango_layout_new (doc->pango);
  PangoFontDescription *desc = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (desc, gtw_handout_styles[style].size * size_scale
                                                  * doc->scale * PANGO_SCALE);
  pango_font_description_set_weight (desc, gtw_handout_styles[style].weight);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, gtw_handout_styles[style].wrap);
  pango_layout_set_line_spacing (layout, gtw_handout_styles[style].line_spacing);
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

double
gtw_handout_layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

/* Draws (unless measuring) and returns the height. */
double
gtw_handout_text_at (Doc *doc, double x, double y, double width, Style style, PangoAlignment align,
                     const char *markup)
{
  g_autoptr (PangoLayout) layout = gtw_handout_make_layout (doc, style, 1.0, width, markup);

  pango_layout_set_alignment (layout, align);
  if (doc->cr != NULL)
    {
      cairo_set_source_rgb (doc->cr, gtw_handout_styles[style].grey, gtw_handout_styles[style].grey,
                            gtw_handout_styles[style].grey);
      cairo_move_to (doc->cr, x, y);
      pango_cairo_show_layout (doc->cr, layout);
    }
  return gtw_handout_layout_height (layout);
}

double
gtw_handout_text_height (Doc *doc, double width, Style style, const char *markup)
{
  g_autoptr (PangoLayout) layout = gtw_handout_make_layout (doc, style, 1.0, width, markup);

  return gtw_handout_layout_height (layout);
}

/* ---------------------------------------------------------------------------------------- */
/* Pages                                                                                    */

static void
draw_footer (Doc *doc)
{
  g_autofree char *page = NULL;
  double y = doc->page_height - PDF_MARGIN * doc->scale * 0.6;

  if (doc->cr == NULL)
    return;
  gtw_handout_text_at (doc, doc->left, y, doc->width, STYLE_FOOTER, PANGO_ALIGN_LEFT,
                       _("Glucotwin · an educational simulation of insulin resistance"));
  if (doc->n_pages > 0)
    {
      /* Translators: the page number and the number of pages of the handout */
      page = g_strdup_printf (_("Page %d of %d"), doc->page, doc->n_pages);
      gtw_handout_text_at (doc, doc->left, y, doc->width, STYLE_FOOTER, PANGO_ALIGN_RIGHT, page);
    }
}

void
gtw_handout_finish_page (Doc *doc)
{
  draw_footer (doc);
  if (doc->cr != NULL)
    cairo_show_page (doc->cr);
}

void
gtw_handout_new_page (Doc *doc)
{
  gtw_handout_finish_page (doc);
  doc->page++;
  doc->y = doc->top;
}

/* Moves to a new page unless @height fits below (or the page is still empty). */
void
gtw_handout_ensure_space (Doc *doc, double height)
{
  if (doc->y + height > doc->bottom && doc->y > doc->top)
    gtw_handout_new_page (doc);
}

void
gtw_handout_flow_text (Doc *doc, Style style, const char *markup, double space_after)
{
  double height = gtw_handout_text_height (doc, doc->width, style, markup);

  gtw_handout_ensure_space (doc, height);
  gtw_handout_text_at (doc, doc->left, doc->y, doc->width, style, PANGO_ALIGN_LEFT, markup);
  doc->y += height + space_after * doc->scale;
}

/* @text with a bullet hanging in the margin of its wrapped lines */
void
gtw_handout_flow_bullet (Doc *doc, Style style, const char *text, double space_after)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);
  double indent = 12 * doc->scale;
  double height = gtw_handout_text_height (doc, doc->width - indent, style, markup);

  gtw_handout_ensure_space (doc, height);
  gtw_handout_text_at (doc, doc->left + 2 * doc->scale, doc->y, indent, style, PANGO_ALIGN_LEFT, "•");
  gtw_handout_text_at (doc, doc->left + indent, doc->y, doc->width - indent, style,
                       PANGO_ALIGN_LEFT, markup);
  doc->y += height + space_after * doc->scale;
}

void
gtw_handout_flow_heading (Doc *doc, const char *text, double height_kept_with)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);
  double height = gtw_handout_text_height (doc, doc->width, STYLE_HEADING, markup);

  /* never a heading alone at the foot of a page */
  gtw_handout_ensure_space (doc, height + height_kept_with);
  doc->y += 4 * doc->scale;
  gtw_handout_flow_text (doc, STYLE_HEADING, markup, 6);
}

void
gtw_handout_flow_rule (Doc *doc)
{
  if (doc->cr != NULL)
    {
      cairo_set_source_rgb (doc->cr, 0.80, 0.80, 0.80);
      cairo_set_line_width (doc->cr, 0.75 * doc->scale);
      cairo_move_to (doc->cr, doc->left, doc->y);
      cairo_line_to (doc->cr, doc->left + doc->width, doc->y);
      cairo_stroke (doc->cr);
    }
  doc->y += 10 * doc->scale;
}

