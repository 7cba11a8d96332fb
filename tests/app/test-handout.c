/* test-handout.c: the patient handout, PDF and PNG
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The young progressor with berberine and exercise: a two-page A4 PDF and a 1080-pixel PNG
 * that carries ink where the title, the figure and the sentences go; an unwritable path fails
 * with a clear error and leaves nothing behind. Needs no window.
 */
#define _GNU_SOURCE /* memmem */

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "gtw-handout.h"

static GtwTrace *plan_trace;
static GtwTrace *plan_baseline;

static GtwTrace *
simulate (const GtwScenario *scenario)
{
  g_autoptr (GError) error = NULL;
  GtwTrace *trace = gtw_simulate (scenario, NULL, NULL, &error);

  g_assert_no_error (error);
  return trace;
}

static void
ensure_plan (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GtwScenario) s = NULL;
  g_autoptr (GtwScenario) baseline = NULL;
  GtwIntervention iv;

  if (plan_trace != NULL)
    return;
  s = gtw_preset_load ("progressor", &error);
  g_assert_no_error (error);
  g_array_set_size (s->interventions, 0);
  gtw_intervention_init (&iv, GTW_IV_BERBERINE, 5 * 365);
  iv.end_day = 8 * 365;
  iv.adherence = 0.8;
  g_array_append_val (s->interventions, iv);
  gtw_intervention_init (&iv, GTW_IV_EXERCISE, 5 * 365);
  g_array_append_val (s->interventions, iv);
  baseline = gtw_scenario_copy_baseline (s);
  plan_trace = simulate (s);
  plan_baseline = simulate (baseline);
}

/* Page objects of a PDF: "/Type /Page", not the page tree's "/Type /Pages". */
static guint
count_pages (const char *data, gsize length)
{
  guint n = 0;

  for (const char *p = data; p != NULL && p < data + length; p++)
    {
      p = memmem (p, data + length - p, "/Type /Page", 11);
      if (p == NULL)
        break;
      if (p + 11 < data + length && p[11] != 's')
        n++;
    }
  return n;
}

static void
assert_pdf_pages (const char *path, guint expected)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (data, "%PDF-"));
  g_assert_cmpuint (count_pages (data, length), ==, expected);
  /* A4 portrait, in points */
  g_assert_nonnull (memmem (data, length, "/MediaBox [ 0 0 595.27", 22));
}

static guint
count_entries (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

/* Seven interventions, each with its paragraph, and the turning points they shift: more
 * than page two holds at full size. It closes up rather than spill onto a third page. */
static void
test_pdf_long_plan (void)
{
  static const GtwInterventionType types[] = {
    GTW_IV_BERBERINE, GTW_IV_EXERCISE, GTW_IV_CARB_REDUCTION, GTW_IV_GUT_REPAIR, GTW_IV_OMEGA3,
    GTW_IV_METFORMIN, GTW_IV_MAGNESIUM,
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (GtwScenario) s = NULL;
  g_autoptr (GtwScenario) baseline = NULL;
  g_autoptr (GtwTrace) trace = NULL;
  g_autoptr (GtwTrace) baseline_trace = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gtw-handout-XXXXXX", &error);
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  s = gtw_preset_load ("compensated-ir", &error);
  g_assert_no_error (error);
  g_array_set_size (s->interventions, 0);
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      GtwIntervention iv;

      gtw_intervention_init (&iv, types[i], 180 + 90 * (int) i);
      g_array_append_val (s->interventions, iv);
    }
  baseline = gtw_scenario_copy_baseline (s);
  trace = simulate (s);
  baseline_trace = simulate (baseline);

  path = g_build_filename (dir, "handout.pdf", NULL);
  g_assert_true (gtw_handout_write_pdf (path, trace, baseline_trace, NULL, &error));
  g_assert_no_error (error);
  assert_pdf_pages (path, 2);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_pdf (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gtw-handout-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *us_path = NULL;
  const GtwDisplayUnits us = { GTW_GLUCOSE_MGDL, GTW_INSULIN_UU, GTW_CPEPTIDE_NGML,
                               GTW_HBA1C_MMOLMOL };

  g_assert_no_error (error);
  ensure_plan ();
  path = g_build_filename (dir, "handout.pdf", NULL);
  g_assert_true (gtw_handout_write_pdf (path, plan_trace, plan_baseline, NULL, &error));
  g_assert_no_error (error);
  assert_pdf_pages (path, 2);

  /* Writing again replaces the file; other units lay out on two pages too. */
  us_path = g_build_filename (dir, "handout-us.pdf", NULL);
  g_assert_true (gtw_handout_write_pdf (us_path, plan_trace, plan_baseline, &us, &error));
  g_assert_no_error (error);
  assert_pdf_pages (us_path, 2);
  g_assert_true (gtw_handout_write_pdf (path, plan_trace, plan_baseline, &us, &error));
  g_assert_no_error (error);
  assert_pdf_pages (path, 2);
  /* only the two handouts: no temporary file stays behind */
  g_assert_cmpuint (count_entries (dir), ==, 2);

  g_unlink (path);
  g_unlink (us_path);
  g_rmdir (dir);
}

static void
test_pdf_without_plan (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GtwScenario) s = gtw_preset_load ("healthy", &error);
  g_autoptr (GtwTrace) trace = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gtw-handout-XXXXXX", &error);
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  /* a short run: the table's last column is the end of the run */
  s->duration_days = 2 * 365 + 100;
  trace = simulate (s);
  path = g_build_filename (dir, "healthy.pdf", NULL);
  /* a baseline of a run without interventions is the run itself: one figure, one story */
  g_assert_true (gtw_handout_write_pdf (path, trace, trace, NULL, &error));
  g_assert_no_error (error);
  assert_pdf_pages (path, 2);
  g_unlink (path);
  g_rmdir (dir);
}

/* Rows of the image with anything but white in them, between @y0 and @y1. */
static guint
inked_rows (cairo_surface_t *image, int y0, int y1)
{
  const guchar *data = cairo_image_surface_get_data (image);
  int stride = cairo_image_surface_get_stride (image);
  int width = cairo_image_surface_get_width (image);
  guint n = 0;

  for (int y = y0; y < y1; y++)
    {
      const guint32 *row = (const guint32 *) (data + y * stride);

      for (int x = 0; x < width; x++)
        if ((row[x] & 0xffffff) != 0xffffff)
          {
            n++;
            break;
          }
    }
  return n;
}

/* Pixels of a colour that is neither grey nor white: the curves and the difference band. */
static guint
coloured_pixels (cairo_surface_t *image)
{
  const guchar *data = cairo_image_surface_get_data (image);
  int stride = cairo_image_surface_get_stride (image);
  guint n = 0;

  for (int y = 0; y < cairo_image_surface_get_height (image); y++)
    for (int x = 0; x < cairo_image_surface_get_width (image); x++)
      {
        guint32 px = ((const guint32 *) (data + y * stride))[x];
        int r = (px >> 16) & 0xff, g = (px >> 8) & 0xff, b = px & 0xff;

        if (MAX (MAX (r, g), b) - MIN (MIN (r, g), b) > 60)
          n++;
      }
  return n;
}

static void
test_png (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gtw-handout-XXXXXX", &error);
  g_autofree char *path = NULL;
  cairo_surface_t *image;
  int height;

  g_assert_no_error (error);
  ensure_plan ();
  path = g_build_filename (dir, "handout.png", NULL);
  g_assert_true (gtw_handout_write_png (path, plan_trace, plan_baseline, NULL, &error));
  g_assert_no_error (error);

  image = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, GTW_HANDOUT_PNG_WIDTH);
  height = cairo_image_surface_get_height (image);
  /* the figure (two thirds of the width) and a few sentences: taller than wide */
  g_assert_cmpint (height, >, 1100);
  g_assert_cmpint (height, <, 2200);
  /* the title at the top, text at the foot, white margins around */
  g_assert_cmpuint (inked_rows (image, 0, 40), ==, 0);
  g_assert_cmpuint (inked_rows (image, 40, 200), >, 40);
  g_assert_cmpuint (inked_rows (image, height - 200, height - 40), >, 20);
  g_assert_cmpuint (inked_rows (image, height - 30, height), ==, 0);
  g_assert_cmpuint (coloured_pixels (image), >, 5000);
  cairo_surface_destroy (image);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_unwritable (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gtw-handout-XXXXXX", &error);
  g_autofree char *file = NULL;
  g_autofree char *inside_file = NULL;
  g_autofree char *subdir = NULL;

  g_assert_no_error (error);
  ensure_plan ();

  /* a path under a regular file fails even for root */
  file = g_build_filename (dir, "not-a-directory", NULL);
  g_file_set_contents (file, "x", 1, &error);
  g_assert_no_error (error);
  inside_file = g_build_filename (file, "handout.pdf", NULL);
  g_assert_false (gtw_handout_write_pdf (inside_file, plan_trace, plan_baseline, NULL, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR);
  g_assert_nonnull (strstr (error->message, inside_file));
  g_assert_nonnull (strstr (error->message, g_strerror (ENOTDIR)));
  g_clear_error (&error);
  g_assert_false (gtw_handout_write_png (inside_file, plan_trace, plan_baseline, NULL, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR);
  g_clear_error (&error);

  /* a directory in the way: the rename fails, and the temporary file goes */
  subdir = g_build_filename (dir, "handout.pdf", NULL);
  g_assert_cmpint (g_mkdir (subdir, 0755), ==, 0);
  g_assert_false (gtw_handout_write_pdf (subdir, plan_trace, plan_baseline, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, subdir));
  g_clear_error (&error);
  g_assert_true (g_file_test (subdir, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (count_entries (subdir), ==, 0);
  g_assert_cmpuint (count_entries (dir), ==, 2);

  g_rmdir (subdir);
  g_unlink (file);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/handout/pdf", test_pdf);
  g_test_add_func ("/handout/pdf-without-plan", test_pdf_without_plan);
  g_test_add_func ("/handout/pdf-long-plan", test_pdf_long_plan);
  g_test_add_func ("/handout/png", test_png);
  g_test_add_func ("/handout/unwritable", test_unwritable);
  status = g_test_run ();
  g_clear_pointer (&plan_trace, gtw_trace_unref);
  g_clear_pointer (&plan_baseline, gtw_trace_unref);
  return status;
}
