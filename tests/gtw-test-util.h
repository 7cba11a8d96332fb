/* gtw-test-util.h: helpers shared by the engine's test programs
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtw-model.h>

/* A preset with its interventions removed, run for `days` days. */
static inline GtwScenario *
gtw_test_preset (const char *id,
                 int         days)
{
  g_autoptr (GError) error = NULL;
  GtwScenario *s = gtw_preset_load (id, &error);

  g_assert_no_error (error);
  s->duration_days = days;
  g_array_set_size (s->interventions, 0);
  return s;
}

static inline GtwTrace *
gtw_test_run (const GtwScenario *s)
{
  g_autoptr (GError) error = NULL;
  GtwTrace *t = gtw_simulate (s, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (t);
  return t;
}
