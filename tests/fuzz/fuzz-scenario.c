/* fuzz-scenario.c: libFuzzer target for the scenario loader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any input either fails with a GError or loads; a loaded scenario must save and load again to
 * the same text (the loader and the writer agree), and nothing may leak, crash or hang.
 */
#include <stdint.h>
#include <string.h>

#include "gtw-model.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
quiet_log (const char *domain, GLogLevelFlags level, const char *message, gpointer user_data)
{
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GtwScenario) scenario = NULL;
  g_autoptr (GtwScenario) again = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  gsize length = 0, length_again = 0;
  static gboolean initialised;

  if (!initialised)
    {
      /* json-glib warns on some malformed input; warnings are not findings. */
      g_log_set_default_handler (quiet_log, NULL);
      initialised = TRUE;
    }

  scenario = gtw_scenario_load_data ((const char *) data, size, &error);
  if (scenario == NULL)
    {
      g_assert (error != NULL);
      g_assert (error->message != NULL && error->message[0] != '\0');
      return 0;
    }
  g_assert (error == NULL);

  text = gtw_scenario_to_data (scenario, &length);
  again = gtw_scenario_load_data (text, length, &error);
  if (again == NULL)
    g_error ("a saved scenario does not load again: %s\n%s", error->message, text);
  text_again = gtw_scenario_to_data (again, &length_again);
  if (length != length_again || memcmp (text, text_again, length) != 0)
    g_error ("saving is not stable:\n%s\n---\n%s", text, text_again);
  return 0;
}
