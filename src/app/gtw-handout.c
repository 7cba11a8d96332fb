/* gtw-handout.c: the patient handout, a two-page PDF and a PNG for messaging
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small flow layout: text (Pango, wrapped to the column) and figures (the shared PLplot
 * renderer, drawn larger and scaled into their box) go down the page and onto the next one
 * when they do not fit. Every page is laid out twice, first only measured (to know how many
 * pages there are, and how tall the PNG is), then drawn; one font context with unhinted
 * metrics makes both passes break lines at the same places.
 *
 * The text and its flow are in gtw-handout-text.c, what the two pages say in
 * gtw-handout-pages.c.
 */
#include "gtw-handout-private.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>
#include <unistd.h>

#include "gtw-figure.h"
#include "gtw-story.h"

const char *
gtw_handout_disclaimer (void)
{
  return _("Glucotwin is an educational simulation. It is not a diagnosis and not a treatment "
           "plan: talk to your clinician.");
}

/* ---------------------------------------------------------------------------------------- */
/* Documents                                                                                */

static void
doc_init (Doc                   *doc,
          GtwTrace              *trace,
          GtwTrace              *baseline,
          const GtwDisplayUnits *units)
{
  static const GtwDisplayUnits si = { GTW_GLUCOSE_MMOL, GTW_INSULIN_PMOL, GTW_CPEPTIDE_NMOL,
                                      GTW_HBA1C_PERCENT };
  GtwStoryUnits story_units;
  cairo_font_options_t *font_options = cairo_font_options_create ();

  memset (doc, 0, sizeof *doc);
  doc->page_two_fit = 1.0;
  doc->units = units != NULL ? *units : si;
  doc->trace = trace;
  doc->scenario = gtw_trace_get_scenario (trace);
  /* without interventions the baseline is the run itself: nothing to compare */
  doc->baseline = gtw_trace_has_interventions (trace) ? baseline : NULL;

  story_units = (GtwStoryUnits) { doc->units.glucose, doc->units.insulin, doc->units.hba1c };
  doc->story = gtw_story_compute (trace, &story_units);
  if (doc->baseline != NULL)
    doc->baseline_story = gtw_story_compute (doc->baseline, &story_units);

  doc->pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  /* sizes are in the surface's units (points, or pixels in the PNG) */
  pango_cairo_context_set_resolution (doc->pango, 72);
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (doc->pango, font_options);
  cairo_font_options_destroy (font_options);
}

static void
doc_clear (Doc *doc)
{
  g_clear_pointer (&doc->story, g_ptr_array_unref);
  g_clear_pointer (&doc->baseline_story, g_ptr_array_unref);
  g_clear_object (&doc->pango);
  g_clear_error (&doc->error);
}

static void
doc_begin (Doc *doc, cairo_t *cr, double page_width, double page_height, double margin,
           double scale)
{
  doc->cr = cr;
  doc->scale = scale;
  doc->page_width = page_width;
  doc->page_height = page_height;
  doc->left = margin;
  doc->width = page_width - 2 * margin;
  doc->top = margin;
  doc->bottom = page_height - margin;
  doc->y = doc->top;
  doc->page = 1;
}

static void
layout_pdf (Doc *doc, cairo_t *cr)
{
  doc_begin (doc, cr, A4_WIDTH, A4_HEIGHT, PDF_MARGIN, 1.0);
  gtw_handout_page_one (doc);
  gtw_handout_page_two (doc);
  gtw_handout_finish_page (doc);
}

static char *
format_glucose (Doc *doc, const GtwMarkers *m)
{
  g_autofree char *value = gtw_handout_row_value (ROW_FASTING_GLUCOSE, m, &doc->units);

  return g_strdup_printf ("%s %s", value, gtw_glucose_unit_label (doc->units.glucose));
}

static char *
format_hba1c (Doc *doc, const GtwMarkers *m)
{
  g_autofree char *value = gtw_handout_row_value (ROW_HBA1C, m, &doc->units);

  return g_strdup_printf ("%s %s", value, gtw_hba1c_unit_label (doc->units.hba1c));
}

/* Where the run ends, with and without the plan. */
static char *
end_sentence (Doc *doc)
{
  guint n_days = gtw_trace_get_n_days (doc->trace);
  g_autofree char *duration = gtw_story_format_span ((int) n_days);
  g_autofree char *glucose = NULL, *hba1c = NULL;
  g_autofree char *base_glucose = NULL, *base_hba1c = NULL;
  GtwMarkers m, b;

  if (!gtw_trace_markers (doc->trace, n_days - 1, &m, NULL))
    return NULL;
  glucose = format_glucose (doc, &m);
  hba1c = format_hba1c (doc, &m);
  if (!gtw_handout_has_plan (doc) || !gtw_trace_markers (doc->baseline, n_days - 1, &b, NULL))
    /* Translators: the length of the run, fasting glucose and HbA1c with units */
    return g_strdup_printf (_("After %s: fasting glucose %s, HbA1c %s."), duration, glucose,
                            hba1c);
  base_glucose = format_glucose (doc, &b);
  base_hba1c = format_hba1c (doc, &b);
  /* Translators: the length of the run, then fasting glucose and HbA1c with and without */
  return g_strdup_printf (_("After %s: fasting glucose %s with your plan and %s without; "
                            "HbA1c %s with your plan and %s without."),
                          duration, glucose, base_glucose, hba1c, base_hba1c);
}

/* The few sentences that tell the story in a message: what happens to the glucose stages
 * (against the run without the plan when there is one), then where the run ends. */
static GPtrArray *
key_sentences (Doc *doc)
{
  static const GtwStoryKind kinds[] = {
    GTW_STORY_DIABETES, GTW_STORY_PREDIABETES, GTW_STORY_BACK_TO_NORMAL,
    GTW_STORY_INSULIN_DOUBLED,
  };
  GPtrArray *sentences = g_ptr_array_new_with_free_func (g_free);
  char *end;

  for (guint i = 0; i < G_N_ELEMENTS (kinds) && sentences->len < 2; i++)
    {
      const GtwStoryMarker *m = gtw_story_find (doc->story, kinds[i]);
      char *sentence = NULL;

      if (gtw_handout_has_plan (doc))
        sentence = gtw_story_compare (doc->story, doc->baseline_story, kinds[i],
                                      gtw_trace_get_n_days (doc->trace));
      else if (m != NULL)
        sentence = g_strdup (m->explanation);
      if (sentence != NULL)
        g_ptr_array_add (sentences, sentence);
    }
  if (doc->story->len == 0)
    {
      g_autofree char *duration = gtw_story_format_span ((int) gtw_trace_get_n_days (doc->trace));

      g_ptr_array_add (sentences,
                       g_strdup_printf (_("None of the turning points happens within the %s "
                                          "simulated: no prediabetes, no diabetes, and fasting "
                                          "insulin does not double."), duration));
    }
  end = end_sentence (doc);
  if (end != NULL)
    g_ptr_array_add (sentences, end);
  return sentences;
}

static void
layout_png (Doc *doc, cairo_t *cr, double height)
{
  g_autoptr (GPtrArray) sentences = key_sentences (doc);
  g_autofree char *disclaimer_markup = g_markup_escape_text (gtw_handout_disclaimer (), -1);
  double width = GTW_HANDOUT_PNG_WIDTH;

  doc_begin (doc, cr, width, height, PNG_MARGIN, PNG_SCALE);
  doc->bottom = G_MAXDOUBLE; /* one page, as tall as it needs */
  if (cr != NULL)
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
    }
  gtw_handout_flow_title (doc);
  /* as tall as wide: with four lanes of interventions above them, the panels of a flatter
   * figure are shorter than their rotated titles */
  gtw_handout_flow_figure (doc, doc->width, PDF_FIGURE_WIDTH, 1.15,
                           gtw_handout_has_plan (doc) ? _("With your plan") : NULL, doc->trace,
                           doc->baseline);
  for (guint i = 0; i < sentences->len; i++)
    gtw_handout_flow_bullet (doc, STYLE_BODY, g_ptr_array_index (sentences, i), 5);
  doc->y += 4 * doc->scale;
  gtw_handout_flow_text (doc, STYLE_SMALL, disclaimer_markup, 0);
}

/* ---------------------------------------------------------------------------------------- */
/* Files                                                                                    */

static void
set_write_error (GError **error, const char *path, int saved_errno)
{
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               _("Could not write the handout to “%s”: %s"), path, g_strerror (saved_errno));
}

/* Writes @bytes to a temporary file beside @path and renames it over @path. */
static gboolean
write_atomically (const char *path, GByteArray *bytes, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *tmp = g_build_filename (dir, name, NULL);
  gsize done = 0;
  int saved_errno;
  int fd;

  fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      set_write_error (error, path, errno);
      return FALSE;
    }
  while (done < bytes->len)
    {
      gssize n = write (fd, bytes->data + done, bytes->len - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        goto fail;
      done += n;
    }
  if (fsync (fd) != 0)
    goto fail;
  if (close (fd) != 0)
    {
      fd = -1;
      goto fail;
    }
  fd = -1;
  if (g_rename (tmp, path) != 0)
    goto fail;
  return TRUE;

fail:
  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  g_unlink (tmp);
  set_write_error (error, path, saved_errno);
  return FALSE;
}

static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_cairo (cairo_status_t status, GError **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, GTW_FIGURE_ERROR, GTW_FIGURE_ERROR_FAILED, "cairo: %s",
               cairo_status_to_string (status));
  return FALSE;
}

gboolean
gtw_handout_write_pdf (const char            *path,
                       GtwTrace              *trace,
                       GtwTrace              *baseline,
                       const GtwDisplayUnits *units,
                       GError               **error)
{
  g_autoptr (GByteArray) bytes = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;
  Doc doc;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (trace != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (gtw_trace_get_n_days (trace) == 0)
    {
      g_set_error_literal (error, GTW_FIGURE_ERROR, GTW_FIGURE_ERROR_NO_DATA,
                           _("The handout needs a simulated run"));
      return FALSE;
    }
  if (!gtw_figure_available (error))
    return FALSE;

  doc_init (&doc, trace, baseline, units);
  /* Two pages: when page two would spill onto a third (long turning points in a longer
   * language, several interventions), its type and spacing close up a step at a time. */
  for (;;)
    {
      layout_pdf (&doc, NULL);
      if (doc.page <= 2 || doc.page_two_fit < 0.81)
        break;
      doc.page_two_fit -= 0.04;
    }
  doc.n_pages = doc.page;

  bytes = g_byte_array_new ();
  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, A4_WIDTH, A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, doc.scenario->name);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Glucotwin");
  cr = cairo_create (surface);
  layout_pdf (&doc, cr);
  ok = check_cairo (cairo_status (cr), error);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  ok = ok && check_cairo (cairo_surface_status (surface), error);
  cairo_surface_destroy (surface);

  if (ok && doc.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&doc.error));
      ok = FALSE;
    }
  doc_clear (&doc);

  return ok && write_atomically (path, bytes, error);
}

gboolean
gtw_handout_write_png (const char            *path,
                       GtwTrace              *trace,
                       GtwTrace              *baseline,
                       const GtwDisplayUnits *units,
                       GError               **error)
{
  g_autoptr (GByteArray) bytes = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;
  double height;
  Doc doc;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (trace != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (gtw_trace_get_n_days (trace) == 0)
    {
      g_set_error_literal (error, GTW_FIGURE_ERROR, GTW_FIGURE_ERROR_NO_DATA,
                           _("The handout needs a simulated run"));
      return FALSE;
    }
  if (!gtw_figure_available (error))
    return FALSE;

  doc_init (&doc, trace, baseline, units);
  layout_png (&doc, NULL, 0);
  height = ceil (doc.y + PNG_MARGIN);

  bytes = g_byte_array_new ();
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, GTW_HANDOUT_PNG_WIDTH, (int) height);
  cr = cairo_create (surface);
  layout_png (&doc, cr, height);
  ok = check_cairo (cairo_status (cr), error);
  cairo_destroy (cr);
  ok = ok && check_cairo (cairo_surface_write_to_png_stream (surface, append_bytes, bytes), error);
  cairo_surface_destroy (surface);

  if (ok && doc.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&doc.error));
      ok = FALSE;
    }
  doc_clear (&doc);

  return ok && write_atomically (path, bytes, error);
}
