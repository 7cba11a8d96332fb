/* gtw-presentation.c: the chart and timeline as shown to a room
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gtw-presentation.h"

#define CURVES_KEY "presentation-curves"
#define HIGH_CONTRAST_KEY "presentation-high-contrast"

typedef struct
{
  const char     *action;
  const char     *setting; /* the name in the settings' list */
  GtwChartCurves  flag;
} Curve;

static const Curve curves[] = {
  { "curve-glucose", "glucose", GTW_CHART_CURVE_GLUCOSE },
  { "curve-insulin", "insulin", GTW_CHART_CURVE_INSULIN },
  { "curve-cpeptide", "cpeptide", GTW_CHART_CURVE_CPEPTIDE },
  { "curve-beta-cells", "beta-cell-mass", GTW_CHART_CURVE_BETA_CELLS },
};

struct _GtwPresentation
{
  GObject         parent_instance;

  GSettings      *settings;
  GtwChart       *chart;
  GtwTimeline    *timeline;
  GtwMechanismMap *map;
  GSimpleAction  *actions[G_N_ELEMENTS (curves)];
  gboolean        active;
};

G_DEFINE_FINAL_TYPE (GtwPresentation, gtw_presentation, G_TYPE_OBJECT)

GtwChartCurves
gtw_presentation_get_curves (GtwPresentation *self)
{
  g_auto (GStrv) names = NULL;
  GtwChartCurves chosen = 0;

  g_return_val_if_fail (GTW_IS_PRESENTATION (self), GTW_CHART_CURVES_ALL);

  names = g_settings_get_strv (self->settings, CURVES_KEY);
  for (guint i = 0; i < G_N_ELEMENTS (curves); i++)
    if (g_strv_contains ((const char *const *) names, curves[i].setting))
      chosen |= curves[i].flag;
  /* An empty list (or only unknown names) is no choice: show everything. */
  return chosen != 0 ? chosen : GTW_CHART_CURVES_ALL;
}

static void
save_curves (GtwPresentation *self,
             GtwChartCurves   chosen)
{
  const char *names[G_N_ELEMENTS (curves) + 1];
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (curves); i++)
    if (chosen & curves[i].flag)
      names[n++] = curves[i].setting;
  names[n] = NULL;
  g_settings_set_strv (self->settings, CURVES_KEY, names);
}

static void
apply (GtwPresentation *self)
{
  GtwChartCurves chosen = gtw_presentation_get_curves (self);
  gboolean high_contrast = g_settings_get_boolean (self->settings, HIGH_CONTRAST_KEY);

  for (guint i = 0; i < G_N_ELEMENTS (curves); i++)
    if (self->actions[i] != NULL)
      g_simple_action_set_state (self->actions[i], g_variant_new_boolean ((chosen & curves[i].flag) != 0));
  gtw_chart_set_high_contrast (self->chart, high_contrast);
  gtw_chart_set_presentation (self->chart, self->active);
  gtw_chart_set_visible_curves (self->chart, self->active ? chosen : GTW_CHART_CURVES_ALL);
  gtw_timeline_set_presentation (self->timeline, self->active);
  if (self->map != NULL)
    {
      gtw_mechanism_map_set_high_contrast (self->map, high_contrast);
      gtw_mechanism_map_set_presentation (self->map, self->active);
    }
}

static void
change_curve (GSimpleAction *action,
              GVariant      *state,
              gpointer       user_data)
{
  GtwPresentation *self = user_data;
  GtwChartCurves chosen = gtw_presentation_get_curves (self);
  const Curve *curve = g_object_get_data (G_OBJECT (action), "gtw-curve");

  if (g_variant_get_boolean (state))
    chosen |= curve->flag;
  else
    chosen &= ~curve->flag;
  /* The last curve stays: a presentation of nothing helps nobody. */
  if (chosen == 0)
    return;
  save_curves (self, chosen);
}

void
gtw_presentation_set_map (GtwPresentation *self,
                          GtwMechanismMap *map)
{
  g_return_if_fail (GTW_IS_PRESENTATION (self));
  g_return_if_fail (map == NULL || GTW_IS_MECHANISM_MAP (map));

  self->map = map;
  apply (self);
}

void
gtw_presentation_add_actions (GtwPresentation *self,
                              GActionMap      *map)
{
  GtwChartCurves chosen;

  g_return_if_fail (GTW_IS_PRESENTATION (self));
  g_return_if_fail (G_IS_ACTION_MAP (map));

  chosen = gtw_presentation_get_curves (self);
  for (guint i = 0; i < G_N_ELEMENTS (curves); i++)
    {
      GSimpleAction *action;

      action = g_simple_action_new_stateful (curves[i].action, NULL,
                                             g_variant_new_boolean ((chosen & curves[i].flag) != 0));
      g_object_set_data (G_OBJECT (action), "gtw-curve", (gpointer) &curves[i]);
      g_signal_connect_object (action, "change-state", G_CALLBACK (change_curve), self, 0);
      g_action_map_add_action (map, G_ACTION (action));
      g_set_object (&self->actions[i], action);
      g_object_unref (action);
    }
}

void
gtw_presentation_set_active (GtwPresentation *self,
                             gboolean         active)
{
  g_return_if_fail (GTW_IS_PRESENTATION (self));

  self->active = !!active;
  apply (self);
}

gboolean
gtw_presentation_get_active (GtwPresentation *self)
{
  g_return_val_if_fail (GTW_IS_PRESENTATION (self), FALSE);
  return self->active;
}

static void
gtw_presentation_dispose (GObject *object)
{
  GtwPresentation *self = GTW_PRESENTATION (object);

  for (guint i = 0; i < G_N_ELEMENTS (curves); i++)
    g_clear_object (&self->actions[i]);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (gtw_presentation_parent_class)->dispose (object);
}

static void
gtw_presentation_class_init (GtwPresentationClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = gtw_presentation_dispose;
}

static void
gtw_presentation_init (GtwPresentation *self)
{
}

GtwPresentation *
gtw_presentation_new (GSettings   *settings,
                      GtwChart    *chart,
                      GtwTimeline *timeline)
{
  GtwPresentation *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (GTW_IS_CHART (chart), NULL);
  g_return_val_if_fail (GTW_IS_TIMELINE (timeline), NULL);

  self = g_object_new (GTW_TYPE_PRESENTATION, NULL);
  self->settings = g_object_ref (settings);
  self->chart = chart;
  self->timeline = timeline;
  g_signal_connect_swapped (settings, "changed::" CURVES_KEY, G_CALLBACK (apply), self);
  g_signal_connect_swapped (settings, "changed::" HIGH_CONTRAST_KEY, G_CALLBACK (apply), self);
  apply (self);
  return self;
}
