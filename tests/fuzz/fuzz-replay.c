/* fuzz-replay.c: runs the fuzz target over files without libFuzzer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The regular (gcc) build replays the seed corpus and every input the fuzzer ever found
 * (tests/fuzz/regressions/) through the same target, so a found bug stays fixed.
 */
#include <stdint.h>

#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
main (int argc, char **argv)
{
  guint n = 0;

  for (int i = 1; i < argc; i++)
    {
      g_autoptr (GDir) dir = g_dir_open (argv[i], 0, NULL);
      const char *name;

      if (dir == NULL)
        {
          g_printerr ("cannot read %s\n", argv[i]);
          return 1;
        }
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (argv[i], name, NULL);
          g_autofree char *contents = NULL;
          gsize length;

          if (g_str_equal (name, "README.md"))
            continue;
          if (!g_file_get_contents (path, &contents, &length, NULL))
            continue;
          LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
          n++;
        }
    }
  g_print ("replayed %u inputs\n", n);
  return n > 0 ? 0 : 1;
}
