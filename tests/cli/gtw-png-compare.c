/* gtw-png-compare.c: counts the pixels in which two PNG files differ
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: gtw-png-compare EXPECTED ACTUAL [MAX_FRACTION]
 * A pixel differs when any channel differs by more than 16 of 255 (anti-aliasing and font
 * hinting move single channels a little between builds). Exit 0 when the fraction of differing
 * pixels is at most MAX_FRACTION (default 0.005), 1 otherwise, 2 on a read error.
 */
#include <cairo.h>
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>

static cairo_surface_t *
load (const char *path)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      fprintf (stderr, "gtw-png-compare: %s: %s\n", path,
               cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return NULL;
    }
  return surface;
}

static cairo_surface_t *
to_argb (cairo_surface_t *surface)
{
  int w = cairo_image_surface_get_width (surface), h = cairo_image_surface_get_height (surface);
  cairo_surface_t *argb = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_t *cr = cairo_create (argb);

  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (argb);
  return argb;
}

int
main (int argc, char **argv)
{
  cairo_surface_t *a, *b, *ca, *cb;
  double max_fraction = argc > 3 ? g_ascii_strtod (argv[3], NULL) : 0.005;
  int w, h, stride_a, stride_b;
  guint64 differing = 0;
  double fraction;

  if (argc < 3)
    {
      fprintf (stderr, "usage: gtw-png-compare EXPECTED ACTUAL [MAX_FRACTION]\n");
      return 2;
    }
  a = load (argv[1]);
  b = load (argv[2]);
  if (a == NULL || b == NULL)
    return 2;

  w = cairo_image_surface_get_width (a);
  h = cairo_image_surface_get_height (a);
  if (w != cairo_image_surface_get_width (b) || h != cairo_image_surface_get_height (b))
    {
      fprintf (stderr, "gtw-png-compare: sizes differ: %dx%d and %dx%d\n", w, h,
               cairo_image_surface_get_width (b), cairo_image_surface_get_height (b));
      return 1;
    }

  ca = to_argb (a);
  cb = to_argb (b);
  stride_a = cairo_image_surface_get_stride (ca);
  stride_b = cairo_image_surface_get_stride (cb);
  for (int y = 0; y < h; y++)
    {
      const guint8 *pa = cairo_image_surface_get_data (ca) + (gsize) y * stride_a;
      const guint8 *pb = cairo_image_surface_get_data (cb) + (gsize) y * stride_b;

      for (int x = 0; x < w * 4; x += 4)
        for (int c = 0; c < 4; c++)
          if (abs (pa[x + c] - pb[x + c]) > 16)
            {
              differing++;
              break;
            }
    }

  fraction = (double) differing / ((double) w * h);
  printf ("%" G_GUINT64_FORMAT " of %d pixels differ (%.4f%%, allowed %.4f%%)\n", differing, w * h,
          fraction * 100, max_fraction * 100);

  cairo_surface_destroy (ca);
  cairo_surface_destroy (cb);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
  return fraction <= max_fraction ? 0 : 1;
}
