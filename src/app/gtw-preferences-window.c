/* gtw-preferences-window.c: units and display preferences, bound to GSettings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every row is bound to its key, so a change applies at once and a change made elsewhere (the
 * command line, another window) shows here. There is no Apply button.
 */
#include "gtw-preferences-window.h"

#include <glib/gi18n.h>

#include "gtw-model.h"

/* An enum key shown as a combo row: its nicks, in the order of the schema, and their labels. */
typedef struct
{
  const char *key;
  const char *title;
  const char *nicks[4];
  const char *labels[4];
  const char *context; /* the labels' translation context, or NULL */
} EnumRow;

static const EnumRow unit_rows[] = {
  { "glucose-unit", N_("Glucose"), { "mmol-l", "mg-dl" }, { N_("mmol/L"), N_("mg/dL") } },
  { "insulin-unit", N_("Insulin"), { "pmol-l", "uu-ml" }, { N_("pmol/L"), N_("µU/mL") } },
  { "cpeptide-unit", N_("C-peptide"), { "nmol-l", "ng-ml" }, { N_("nmol/L"), N_("ng/mL") } },
  { "hba1c-unit", N_("HbA1c"), { "percent", "mmol-mol" },
    /* xgettext:no-c-format */
    { N_("% (NGSP/DCCT)"), N_("mmol/mol (IFCC)") } },
};

static const EnumRow color_scheme_row = {
  "color-scheme", N_("Style"), { "default", "light", "dark" },
  /* "Light" is also an exercise intensity: a context keeps the two apart for translators. */
  { NC_("color scheme", "Follow System"), NC_("color scheme", "Light"), NC_("color scheme", "Dark") },
  "color scheme",
};

static const EnumRow integrator_row = {
  "integrator", N_("Integrator"), { "fast", "reference" }, { N_("Fast"), N_("Reference") },
};

static const char *integrator_subtitles[] = {
  N_("Simulates representative days in full and advances the slow changes between them: fast "
     "enough to redraw the curves while you edit."),
  N_("Simulates every day in full, several seconds for ten years: the run the fast one is "
     "checked against."),
};

struct _GtwPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings           *settings;
  GtkWidget           *integrator_combo;
};

G_DEFINE_FINAL_TYPE (GtwPreferencesWindow, gtw_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static gboolean
nick_to_selected (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const EnumRow *row = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (row->nicks) && row->nicks[i] != NULL; i++)
    if (g_str_equal (row->nicks[i], nick))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
selected_to_nick (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  const EnumRow *row = user_data;
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (row->nicks) || row->nicks[selected] == NULL)
    return NULL;
  return g_variant_new_string (row->nicks[selected]);
}

static GtkWidget *
create_enum_row (GtwPreferencesWindow *self,
                 const EnumRow        *row)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *combo = adw_combo_row_new ();

  for (guint i = 0; i < G_N_ELEMENTS (row->labels) && row->labels[i] != NULL; i++)
    gtk_string_list_append (labels, row->context != NULL
                                      ? g_dpgettext2 (GETTEXT_PACKAGE, row->context, row->labels[i])
                                      : _(row->labels[i]));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), _(row->title));
  adw_combo_row_set_model (ADW_COMBO_ROW (combo), G_LIST_MODEL (labels));
  g_settings_bind_with_mapping (self->settings, row->key, combo, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                nick_to_selected, selected_to_nick, (gpointer) row, NULL);
  return combo;
}

static GtkWidget *
create_switch_row (GtwPreferencesWindow *self,
                   const char           *key,
                   const char           *title,
                   const char           *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();

  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  g_settings_bind (self->settings, key, sw, "active", G_SETTINGS_BIND_DEFAULT);
  return row;
}

static gboolean
preset_to_selected (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char *const *ids = gtw_preset_ids ();
  const char *id = g_variant_get_string (variant, NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    if (g_str_equal (ids[i], id))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
selected_to_preset (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  const char *const *ids = gtw_preset_ids ();
  guint selected = g_value_get_uint (value);

  if (selected >= g_strv_length ((char **) ids))
    return NULL;
  return g_variant_new_string (ids[selected]);
}

static GtkWidget *
create_preset_row (GtwPreferencesWindow *self)
{
  const char *const *ids = gtw_preset_ids ();
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  GtkWidget *combo = adw_combo_row_new ();

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GtwScenario) preset = gtw_preset_load (ids[i], &error);

      /* The presets are compiled in and tested; a broken one is a bug of the build. */
      if (preset == NULL)
        g_error ("preset %s: %s", ids[i], error->message);
      gtk_string_list_append (titles, preset->name);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), _("Patient in a New Window"));
  adw_combo_row_set_model (ADW_COMBO_ROW (combo), G_LIST_MODEL (titles));
  g_settings_bind_with_mapping (self->settings, "default-preset", combo, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                preset_to_selected, selected_to_preset, NULL, NULL);
  return combo;
}

static void
update_integrator_subtitle (GtwPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->integrator_combo));

  if (selected >= G_N_ELEMENTS (integrator_subtitles))
    return;
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->integrator_combo),
                               _(integrator_subtitles[selected]));
}

static GtkWidget *
create_group (const char *title,
              const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  return group;
}

static void
build (GtwPreferencesWindow *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *group;

  adw_preferences_page_set_title (page, _("General"));
  adw_preferences_page_set_icon_name (page, "preferences-system-symbolic");

  group = ADW_PREFERENCES_GROUP (create_group (_("Units"),
                                               _("How values are shown; scenario files always "
                                                 "store SI units.")));
  for (guint i = 0; i < G_N_ELEMENTS (unit_rows); i++)
    adw_preferences_group_add (group, create_enum_row (self, &unit_rows[i]));
  adw_preferences_page_add (page, group);

  group = ADW_PREFERENCES_GROUP (create_group (_("Appearance"), NULL));
  adw_preferences_group_add (group, create_enum_row (self, &color_scheme_row));
  adw_preferences_page_add (page, group);

  group = ADW_PREFERENCES_GROUP (create_group (_("Chart"), NULL));
  adw_preferences_group_add (group,
                             create_switch_row (self, "show-baseline",
                                                _("Show Baseline"),
                                                _("Draw the run without interventions faintly "
                                                  "behind the curves")));
  adw_preferences_group_add (group,
                             create_switch_row (self, "show-glucose-band",
                                                _("Show Daily Glucose Range"),
                                                _("Shade each day’s lowest to highest glucose "
                                                  "in the long views")));
  adw_preferences_page_add (page, group);

  group = ADW_PREFERENCES_GROUP (create_group (_("Presentation"), NULL));
  adw_preferences_group_add (group,
                             create_switch_row (self, "presentation-high-contrast",
                                                _("High Contrast"),
                                                _("Black or white text and bolder lines in "
                                                  "presentation mode, for projectors and "
                                                  "colour-blind viewers")));
  adw_preferences_page_add (page, group);

  group = ADW_PREFERENCES_GROUP (create_group (_("Simulation"), NULL));
  self->integrator_combo = create_enum_row (self, &integrator_row);
  g_signal_connect_swapped (self->integrator_combo, "notify::selected",
                            G_CALLBACK (update_integrator_subtitle), self);
  update_integrator_subtitle (self);
  adw_preferences_group_add (group, self->integrator_combo);
  adw_preferences_group_add (group, create_preset_row (self));
  adw_preferences_page_add (page, group);

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), page);
}

static void
gtw_preferences_window_dispose (GObject *object)
{
  GtwPreferencesWindow *self = GTW_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (gtw_preferences_window_parent_class)->dispose (object);
}

static void
gtw_preferences_window_class_init (GtwPreferencesWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = gtw_preferences_window_dispose;
}

static void
gtw_preferences_window_init (GtwPreferencesWindow *self)
{
  gtk_window_set_title (GTK_WINDOW (self), _("Preferences"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 640);
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (self), FALSE);
}

GtkWidget *
gtw_preferences_window_new (GtkWindow *parent,
                            GSettings *settings)
{
  GtwPreferencesWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (GTW_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
  self->settings = g_object_ref (settings);
  build (self);
  return GTK_WIDGET (self);
}
