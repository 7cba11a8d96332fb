/* gtw-intervention-style.c: how each intervention type looks, in one place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "gtw-intervention-style.h"

#define ICON_RESOURCE_PATH "/io/github/glucotwin/Glucotwin/icons"

typedef struct
{
  const char *short_label; /* translatable */
  const char *css_class;
  const char *light;       /* fill on a light background */
  const char *dark;        /* fill on a dark background */
  gboolean    dark_text;   /* near-black text instead of white */
} TypeStyle;

/* Hues from the GNOME palette, one family per type so that neighbouring blocks never share
 * a hue; the light variants are the palette's darker shades (white text at 4.5:1 or better),
 * the dark variants one step brighter so that they stand off a dark window. */
static const TypeStyle styles[GTW_N_IV_TYPES] = {
  [GTW_IV_BERBERINE] = { N_("Berberine"), "gtw-iv-berberine", "#e5a50a", "#f5c211", TRUE },
  [GTW_IV_EXERCISE] = { N_("Exercise"), "gtw-iv-exercise", "#1f7a4d", "#26a269", FALSE },
  [GTW_IV_CARB_REDUCTION] = { N_("Carbs"), "gtw-iv-carb-reduction", "#c64600", "#e66100", FALSE },
  [GTW_IV_GUT_REPAIR] = { N_("Gut"), "gtw-iv-gut-repair", "#865e3c", "#986a44", FALSE },
  [GTW_IV_CHROMIUM] = { N_("Cr"), "gtw-iv-chromium", "#5e5c64", "#77767b", FALSE },
  [GTW_IV_MAGNESIUM] = { N_("Mg"), "gtw-iv-magnesium", "#813d9c", "#9141ac", FALSE },
  [GTW_IV_ALPHA_LIPOIC_ACID] = { N_("ALA"), "gtw-iv-alpha-lipoic-acid", "#a51d2d", "#c01c28", FALSE },
  [GTW_IV_PREMEAL_PROTEIN] = { N_("Protein"), "gtw-iv-premeal-protein", "#b4336a", "#d0437f", FALSE },
  [GTW_IV_OMEGA3] = { N_("Omega-3"), "gtw-iv-omega3", "#156a7a", "#1c8598", FALSE },
  [GTW_IV_METFORMIN] = { N_("Metformin"), "gtw-iv-metformin", "#1a5fb4", "#3584e4", FALSE },
};

void
gtw_intervention_style_ensure_icons (GdkDisplay *display)
{
  GtkIconTheme *theme;
  g_auto(GStrv) paths = NULL;

  g_return_if_fail (GDK_IS_DISPLAY (display));

  theme = gtk_icon_theme_get_for_display (display);
  paths = gtk_icon_theme_get_resource_path (theme);
  if (paths != NULL && g_strv_contains ((const char *const *) paths, ICON_RESOURCE_PATH))
    return;
  gtk_icon_theme_add_resource_path (theme, ICON_RESOURCE_PATH);
}

const char *
gtw_intervention_style_icon_name (GtwInterventionType type)
{
  const GtwInterventionClass *klass = gtw_intervention_class (type);

  g_return_val_if_fail (klass != NULL, NULL);
  return klass->icon_name;
}

const char *
gtw_intervention_style_short_label (GtwInterventionType type)
{
  g_return_val_if_fail (type < GTW_N_IV_TYPES, NULL);
  return _(styles[type].short_label);
}

void
gtw_intervention_style_colors (GtwInterventionType type,
                               gboolean            dark,
                               GdkRGBA            *fill,
                               GdkRGBA            *text)
{
  g_return_if_fail (type < GTW_N_IV_TYPES);

  if (fill != NULL)
    gdk_rgba_parse (fill, dark ? styles[type].dark : styles[type].light);
  if (text != NULL)
    {
      if (styles[type].dark_text)
        *text = (GdkRGBA) { 0.14, 0.12, 0.10, 1.0 };
      else
        *text = (GdkRGBA) { 1.0, 1.0, 1.0, 1.0 };
    }
}

static void
update_css (GtkCssProvider *provider)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  g_autoptr(GString) css = g_string_new (NULL);

  for (guint i = 0; i < GTW_N_IV_TYPES; i++)
    g_string_append_printf (css, ".%s { background-color: %s; color: %s; border-radius: 6px; }\n",
                            styles[i].css_class, dark ? styles[i].dark : styles[i].light,
                            styles[i].dark_text ? "#241f1a" : "#ffffff");
  gtk_css_provider_load_from_data (provider, css->str, (gssize) css->len);
}

const char *
gtw_intervention_style_css_class (GtwInterventionType type,
                                  GdkDisplay         *display)
{
  static GQuark provider_quark;
  GtkCssProvider *provider;

  g_return_val_if_fail (type < GTW_N_IV_TYPES, NULL);
  g_return_val_if_fail (GDK_IS_DISPLAY (display), NULL);

  if (provider_quark == 0)
    provider_quark = g_quark_from_static_string ("gtw-intervention-style-provider");

  provider = g_object_get_qdata (G_OBJECT (display), provider_quark);
  if (provider == NULL)
    {
      provider = gtk_css_provider_new ();
      update_css (provider);
      g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                               G_CALLBACK (update_css), provider, G_CONNECT_SWAPPED);
      gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_object_set_qdata_full (G_OBJECT (display), provider_quark, provider, g_object_unref);
    }

  return styles[type].css_class;
}

char *
gtw_intervention_style_format_day (int day)
{
  int year = day / 365 + 1;
  int month = MIN ((int) ((day % 365) / (365.0 / 12.0)) + 1, 12);

  /* Translators: a day of the simulated run, e.g. "Year 2, month 3" */
  return g_strdup_printf (_("Year %d, month %d"), year, month);
}

static gboolean
is_fraction (const GtwFieldSpec *spec)
{
  return spec->kind == GTW_FIELD_NUMBER && spec->unit[0] == '\0' && spec->max <= 1.0;
}

char *
gtw_intervention_style_format_dose (const GtwIntervention *iv)
{
  const GtwInterventionClass *klass;
  const GtwFieldSpec *spec;
  double value;

  g_return_val_if_fail (iv != NULL, NULL);
  klass = gtw_intervention_class (iv->type);
  g_return_val_if_fail (klass != NULL, NULL);

  if (iv->type == GTW_IV_EXERCISE)
    {
      int sessions = gtw_intervention_field_index (klass, "sessions_per_week");
      int minutes = gtw_intervention_field_index (klass, "minutes_per_session");

      /* Translators: exercise sessions per week × minutes per session */
      return g_strdup_printf (_("%d × %d min a week"), (int) lround (iv->field[sessions]),
                              (int) lround (iv->field[minutes]));
    }

  if (klass->n_fields == 0)
    return NULL;

  spec = &klass->fields[0];
  value = iv->field[0];
  if (isnan (value))
    return NULL;

  switch (spec->kind)
    {
    case GTW_FIELD_NUMBER:
      if (is_fraction (spec))
        /* Translators: a fraction removed from the diet, e.g. "40 % less" */
        return g_strdup_printf (_("%.0f %% less"), value * 100.0);
      return g_strdup_printf ("%g %s", value, spec->unit[0] != '\0' ? _(spec->unit) : "");
    case GTW_FIELD_BOOLEAN:
      return value != 0 ? g_strdup_printf ("%s", _(spec->label)) : NULL;
    case GTW_FIELD_CHOICE:
    case GTW_FIELD_TIME:
    default:
      return NULL;
    }
}
