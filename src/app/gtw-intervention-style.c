/* gtw-intervention-style.c: how each intervention type looks, in one place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "gtw-figure.h"
#include "gtw-intervention-style.h"

#define ICON_RESOURCE_PATH "/io/github/glucotwin/Glucotwin/icons"

typedef struct
{
  const char *short_label; /* translatable */
  const char *css_class;
  gboolean    dark_text;   /* near-black text instead of white */
} TypeStyle;

/* The fills are the figure's (gtw_figure_intervention_colour ()), so that a block on the
 * timeline and its band on the chart share their colour. */
static const TypeStyle styles[GTW_N_IV_TYPES] = {
  [GTW_IV_BERBERINE] = { N_("Berberine"), "gtw-iv-berberine", TRUE },
  [GTW_IV_EXERCISE] = { N_("Exercise"), "gtw-iv-exercise", FALSE },
  [GTW_IV_CARB_REDUCTION] = { N_("Carbs"), "gtw-iv-carb-reduction", FALSE },
  [GTW_IV_GUT_REPAIR] = { N_("Gut"), "gtw-iv-gut-repair", FALSE },
  [GTW_IV_CHROMIUM] = { N_("Cr"), "gtw-iv-chromium", FALSE },
  [GTW_IV_MAGNESIUM] = { N_("Mg"), "gtw-iv-magnesium", FALSE },
  [GTW_IV_ALPHA_LIPOIC_ACID] = { N_("ALA"), "gtw-iv-alpha-lipoic-acid", FALSE },
  [GTW_IV_PREMEAL_PROTEIN] = { N_("Protein"), "gtw-iv-premeal-protein", FALSE },
  [GTW_IV_OMEGA3] = { N_("Omega-3"), "gtw-iv-omega3", FALSE },
  [GTW_IV_METFORMIN] = { N_("Metformin"), "gtw-iv-metformin", FALSE },
  /* TRANSLATORS: short label of the low-calorie diet on a timeline block */
  [GTW_IV_LOW_CALORIE_DIET] = { N_("Low-cal"), "gtw-iv-low-calorie-diet", FALSE },
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
    {
      GtwFigureColour colour;

      gtw_figure_intervention_colour (type, dark, &colour);
      *fill = (GdkRGBA) { colour.red, colour.green, colour.blue, colour.alpha };
    }
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
    {
      GtwFigureColour fill;

      gtw_figure_intervention_colour ((GtwInterventionType) i, dark, &fill);
      g_string_append_printf (css, ".%s { background-color: rgb(%d, %d, %d); color: %s; "
                              "border-radius: 6px; }\n", styles[i].css_class,
                              (int) round (fill.red * 255), (int) round (fill.green * 255),
                              (int) round (fill.blue * 255),
                              styles[i].dark_text ? "#241f1a" : "#ffffff");
    }
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
