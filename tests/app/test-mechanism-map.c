/* test-mechanism-map.c: the mechanism map with real traces, headless
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A progressor runs ten years; from year 7.5 gut repair, from year 8 exercise and a year of
 * berberine. Clicks and keys go through the map's own event controllers. The map as the
 * window's second view (Ctrl+M) takes the side panels' room and follows the unit preferences.
 * With GTW_TEST_SCREENSHOT_DIR set, the map is also written as PNG, light and dark, and the
 * window with the map at 1280x800, in presentation mode too.
 */
#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "gtw-figure.h"
#include "gtw-mechanism-map.h"
#include "gtw-preferences-window.h"
#include "ui-test-util.h"

#define DURATION      3652
#define YEAR          365
#define GUT_START     (YEAR * 15 / 2)
#define THERAPY_START (YEAR * 8)
#define BERBERINE_END (YEAR * 9)
#define WIDTH         1400
#define HEIGHT        860

static GtwTrace *trace;
static GtwTrace *baseline;

typedef struct
{
  GtkWindow       *window;
  GtwMechanismMap *map;
} Fixture;

static void
simulate (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GtwScenario) scenario = gtw_preset_load ("progressor", &error);
  GtwIntervention iv;
  GtwSimOptions options;

  g_assert_no_error (error);
  scenario->duration_days = DURATION;
  gtw_intervention_init (&iv, GTW_IV_GUT_REPAIR, GUT_START);
  g_array_append_val (scenario->interventions, iv);
  gtw_intervention_init (&iv, GTW_IV_EXERCISE, THERAPY_START);
  g_array_append_val (scenario->interventions, iv);
  gtw_intervention_init (&iv, GTW_IV_BERBERINE, THERAPY_START);
  iv.end_day = BERBERINE_END;
  g_array_append_val (scenario->interventions, iv);

  gtw_sim_options_init (&options);
  options.integrator = GTW_INTEGRATOR_FAST;
  trace = gtw_simulate (scenario, &options, NULL, &error);
  g_assert_no_error (error);
  options.with_interventions = FALSE;
  baseline = gtw_simulate (scenario, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gtw_trace_get_n_days (trace), ==, DURATION);
}

/* The mean colour of a rectangle, 0..1 per channel (B, G, R as downloaded). */
static void
mean_colour (GdkTexture            *texture,
             const graphene_rect_t *r,
             double                 out[3])
{
  int w = gdk_texture_get_width (texture), h = gdk_texture_get_height (texture);
  g_autofree guchar *data = g_malloc ((gsize) w * h * 4);
  gsize n = 0;

  out[0] = out[1] = out[2] = 0;
  gdk_texture_download (texture, data, (gsize) w * 4);
  for (int y = (int) r->origin.y; y < (int) (r->origin.y + r->size.height) && y < h; y++)
    for (int x = (int) r->origin.x; x < (int) (r->origin.x + r->size.width) && x < w; x++)
      {
        for (int c = 0; c < 3; c++)
          out[c] += data[((gsize) y * w + x) * 4 + c] / 255.0;
        n++;
      }
  g_assert_cmpuint (n, >, 0);
  for (int c = 0; c < 3; c++)
    out[c] /= n;
}

static gboolean
press_key (Fixture *f,
           guint    keyval)
{
  GtkEventController *keys = gtw_test_find_controller (GTK_WIDGET (f->map), GTK_TYPE_EVENT_CONTROLLER_KEY);
  gboolean handled = FALSE;

  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, 0, &handled);
  return handled;
}

static void
click_node (Fixture     *f,
            GtwMechNode  node)
{
  GtkEventController *click = gtw_test_find_controller (GTK_WIDGET (f->map), GTK_TYPE_GESTURE_CLICK);
  graphene_rect_t r;

  g_assert_true (gtw_mechanism_map_get_node_bounds (f->map, node, &r));
  g_signal_emit_by_name (click, "pressed", 1, (double) r.origin.x + r.size.width / 2,
                         (double) r.origin.y + r.size.height / 2);
}

/* Whether a label under @widget shows @text. */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget)
      && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (shows_label (c, text))
      return TRUE;
  return FALSE;
}

static gboolean
has_badge (Fixture             *f,
           GtwMechNode          node,
           GtwInterventionType  type)
{
  GtwInterventionType types[8];
  guint n = gtw_mechanism_map_get_badges (f->map, node, types, G_N_ELEMENTS (types));

  for (guint i = 0; i < n; i++)
    if (types[i] == type)
      return TRUE;
  return FALSE;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, WIDTH, HEIGHT);
  f->map = gtw_mechanism_map_new ();
  gtw_mechanism_map_set_traces (f->map, trace, baseline);
  gtk_window_set_child (f->window, GTK_WIDGET (f->map));
  gtk_window_present (f->window);
  gtw_test_wait_for_map (GTK_WIDGET (f->map));
  gtw_test_wait_for_paint (GTK_WIDGET (f->map));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  gtw_test_iterate_pending ();
}

/* The levels are the records': a progressor's receptors and Akt signal fall over ten years. */
static void
test_levels (Fixture       *f,
             gconstpointer  data)
{
  const GtwDayRecord *first = gtw_trace_get_day (baseline, 0);
  const GtwDayRecord *last = gtw_trace_get_day (baseline, DURATION - 1);
  double receptor0, akt0;

  gtw_mechanism_map_set_traces (f->map, baseline, NULL);
  gtw_mechanism_map_set_day (f->map, 0);
  receptor0 = gtw_mechanism_map_get_node_value (f->map, GTW_MECH_NODE_RECEPTOR);
  akt0 = gtw_mechanism_map_get_node_value (f->map, GTW_MECH_NODE_AKT);
  g_assert_cmpfloat_with_epsilon (receptor0, first->receptor_density * 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (gtw_mechanism_map_get_node_value (f->map, GTW_MECH_NODE_GLUCOSE),
                                  first->fasting_glucose, 1e-9);

  gtw_mechanism_map_set_day (f->map, -1);
  g_assert_cmpfloat_with_epsilon (gtw_mechanism_map_get_node_value (f->map, GTW_MECH_NODE_RECEPTOR),
                                  last->receptor_density * 100, 1e-9);
  g_assert_cmpfloat (gtw_mechanism_map_get_node_value (f->map, GTW_MECH_NODE_RECEPTOR), <, receptor0 - 5);
  g_assert_cmpfloat (gtw_mechanism_map_get_node_value (f->map, GTW_MECH_NODE_AKT), <, akt0 - 10);
  g_assert_cmpfloat (gtw_mechanism_map_get_node_value (f->map, GTW_MECH_NODE_BETA_CELLS), <, 100);
  g_assert_cmpfloat_with_epsilon (gtw_mechanism_map_get_node_value (f->map, GTW_MECH_NODE_LIVER_FAT),
                                  last->liver_fat, 1e-9);
  /* glucose and insulin follow the clinician's units; the rest have one */
  gtw_mechanism_map_set_units (f->map, GTW_GLUCOSE_MGDL, GTW_INSULIN_UU);
  g_assert_cmpfloat_with_epsilon (gtw_mechanism_map_get_node_value (f->map, GTW_MECH_NODE_GLUCOSE),
                                  gtw_glucose_convert (last->fasting_glucose, GTW_GLUCOSE_MGDL), 1e-9);
  g_assert_cmpfloat_with_epsilon (gtw_mechanism_map_get_node_value (f->map, GTW_MECH_NODE_INSULIN),
                                  gtw_insulin_convert (last->fasting_insulin, GTW_INSULIN_UU), 1e-9);
  g_assert_cmpfloat_with_epsilon (gtw_mechanism_map_get_node_value (f->map, GTW_MECH_NODE_RECEPTOR),
                                  last->receptor_density * 100, 1e-9);
  gtw_mechanism_map_set_units (f->map, GTW_GLUCOSE_MMOL, GTW_INSULIN_PMOL);

  /* without interventions nothing switches AMPK on */
  g_assert_cmpfloat (gtw_mechanism_map_get_node_value (f->map, GTW_MECH_NODE_AMPK), <, 1);

  /* berberine and exercise switch it on; gut repair tightens the barrier */
  gtw_mechanism_map_set_traces (f->map, trace, baseline);
  gtw_mechanism_map_set_day (f->map, THERAPY_START + 120);
  g_assert_cmpfloat (gtw_mechanism_map_get_node_value (f->map, GTW_MECH_NODE_AMPK), >, 30);
  g_assert_cmpfloat (gtw_mechanism_map_get_node_value (f->map, GTW_MECH_NODE_GUT_BARRIER), >,
                     gtw_trace_get_day (baseline, THERAPY_START + 120)->gut_barrier * 100 + 5);
}

/* A badge shows only while its intervention is active, on the nodes where it acts. */
static void
test_badges (Fixture       *f,
             gconstpointer  data)
{
  GtwInterventionType types[8];

  gtw_mechanism_map_set_day (f->map, YEAR);
  for (int node = 0; node < GTW_MECH_N_NODES; node++)
    g_assert_cmpuint (gtw_mechanism_map_get_badges (f->map, node, types, 8), ==, 0);

  gtw_mechanism_map_set_day (f->map, GUT_START + 10);
  g_assert_true (has_badge (f, GTW_MECH_NODE_GUT_BARRIER, GTW_IV_GUT_REPAIR));
  g_assert_false (has_badge (f, GTW_MECH_NODE_AMPK, GTW_IV_BERBERINE));

  /* redundant interventions share the AMPK node */
  gtw_mechanism_map_set_day (f->map, THERAPY_START + 30);
  g_assert_true (has_badge (f, GTW_MECH_NODE_AMPK, GTW_IV_BERBERINE));
  g_assert_true (has_badge (f, GTW_MECH_NODE_AMPK, GTW_IV_EXERCISE));
  g_assert_true (has_badge (f, GTW_MECH_NODE_AKT, GTW_IV_BERBERINE));
  g_assert_true (has_badge (f, GTW_MECH_NODE_GLUT4, GTW_IV_EXERCISE));
  g_assert_false (has_badge (f, GTW_MECH_NODE_IRS1, GTW_IV_BERBERINE));
  g_assert_true (has_badge (f, GTW_MECH_NODE_GUT_BARRIER, GTW_IV_GUT_REPAIR));

  /* berberine stopped after a year; exercise goes on */
  gtw_mechanism_map_set_day (f->map, BERBERINE_END + 30);
  g_assert_false (has_badge (f, GTW_MECH_NODE_AMPK, GTW_IV_BERBERINE));
  g_assert_true (has_badge (f, GTW_MECH_NODE_AMPK, GTW_IV_EXERCISE));

  /* the baseline run has none */
  gtw_mechanism_map_set_traces (f->map, baseline, NULL);
  g_assert_cmpuint (gtw_mechanism_map_get_badges (f->map, GTW_MECH_NODE_AMPK, types, 8), ==, 0);
}

/* A click selects a node and opens its explanation and history; the close button shuts it. */
static void
test_click (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *map = GTK_WIDGET (f->map);

  g_assert_cmpint (gtw_mechanism_map_get_selected_node (f->map), ==, -1);
  g_assert_false (shows_label (map, gtw_mech_node_explanation (GTW_MECH_NODE_IRS1)));

  click_node (f, GTW_MECH_NODE_IRS1);
  gtw_test_wait_for_paint (map);
  g_assert_cmpint (gtw_mechanism_map_get_selected_node (f->map), ==, GTW_MECH_NODE_IRS1);
  g_assert_true (gtk_widget_has_focus (map));
  g_assert_true (shows_label (map, gtw_mech_node_title (GTW_MECH_NODE_IRS1)));
  g_assert_true (shows_label (map, gtw_mech_node_explanation (GTW_MECH_NODE_IRS1)));
  /* two plain sentences */
  for (int node = 0; node < GTW_MECH_N_NODES; node++)
    {
      const char *text = gtw_mech_node_explanation (node);
      int stops = 0;

      for (const char *c = text; *c; c++)
        stops += *c == '.';
      g_assert_cmpint (stops, ==, 2);
      g_assert_true (g_str_has_suffix (text, "."));
    }

  /* the map still fits beside the panel, and the nodes stay clickable there */
  click_node (f, GTW_MECH_NODE_AMPK);
  g_assert_cmpint (gtw_mechanism_map_get_selected_node (f->map), ==, GTW_MECH_NODE_AMPK);
  gtw_test_wait_for_paint (map);
  g_assert_true (shows_label (map, gtw_mech_node_explanation (GTW_MECH_NODE_AMPK)));
  g_assert_false (shows_label (map, gtw_mech_node_explanation (GTW_MECH_NODE_IRS1)));

  g_assert_true (press_key (f, GDK_KEY_Escape));
  gtw_test_wait_for_paint (map);
  g_assert_cmpint (gtw_mechanism_map_get_selected_node (f->map), ==, -1);
  g_assert_false (shows_label (map, gtw_mech_node_explanation (GTW_MECH_NODE_AMPK)));
  g_assert_false (press_key (f, GDK_KEY_Escape));

  /* Tab from the map reaches the panel's close button, which closes it */
  click_node (f, GTW_MECH_NODE_LIVER_FAT);
  gtw_test_wait_for_paint (map);
  g_assert_true (gtk_widget_child_focus (map, GTK_DIR_TAB_FORWARD));
  g_assert_true (GTK_IS_BUTTON (gtk_root_get_focus (GTK_ROOT (f->window))));
  g_signal_emit_by_name (gtk_root_get_focus (GTK_ROOT (f->window)), "clicked");
  g_assert_cmpint (gtw_mechanism_map_get_selected_node (f->map), ==, -1);
  g_assert_true (gtk_widget_has_focus (map));
}

/* Arrow keys walk the diagram, Enter selects the focused node. */
static void
test_keys (Fixture       *f,
           gconstpointer  data)
{
  gtk_widget_grab_focus (GTK_WIDGET (f->map));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (f->map)));

  /* focus starts on insulin, where the cascade begins */
  g_assert_true (press_key (f, GDK_KEY_Return));
  g_assert_cmpint (gtw_mechanism_map_get_selected_node (f->map), ==, GTW_MECH_NODE_INSULIN);
  g_assert_true (press_key (f, GDK_KEY_Right));
  g_assert_true (press_key (f, GDK_KEY_Right));
  /* moving the focus does not select */
  g_assert_cmpint (gtw_mechanism_map_get_selected_node (f->map), ==, GTW_MECH_NODE_INSULIN);
  g_assert_true (press_key (f, GDK_KEY_Return));
  g_assert_cmpint (gtw_mechanism_map_get_selected_node (f->map), ==, GTW_MECH_NODE_IRS1);
  g_assert_true (press_key (f, GDK_KEY_Up));
  g_assert_true (press_key (f, GDK_KEY_space));
  g_assert_cmpint (gtw_mechanism_map_get_selected_node (f->map), ==, GTW_MECH_NODE_INFLAMMATION);
  g_assert_true (press_key (f, GDK_KEY_Down));
  g_assert_true (press_key (f, GDK_KEY_Down));
  g_assert_true (press_key (f, GDK_KEY_Return));
  g_assert_cmpint (gtw_mechanism_map_get_selected_node (f->map), ==, GTW_MECH_NODE_GLUCOSE);
  g_assert_true (press_key (f, GDK_KEY_Up));
  g_assert_true (press_key (f, GDK_KEY_Return));
  g_assert_cmpint (gtw_mechanism_map_get_selected_node (f->map), ==, GTW_MECH_NODE_GLUT4);
  g_assert_true (press_key (f, GDK_KEY_Down));
  g_assert_true (press_key (f, GDK_KEY_Return));
  g_assert_cmpint (gtw_mechanism_map_get_selected_node (f->map), ==, GTW_MECH_NODE_GLUCOSE);
  g_assert_true (press_key (f, GDK_KEY_Left));
  g_assert_true (press_key (f, GDK_KEY_Return));
  g_assert_cmpint (gtw_mechanism_map_get_selected_node (f->map), ==, GTW_MECH_NODE_BETA_CELLS);
  g_assert_true (press_key (f, GDK_KEY_Up));
  g_assert_true (press_key (f, GDK_KEY_Return));
  g_assert_cmpint (gtw_mechanism_map_get_selected_node (f->map), ==, GTW_MECH_NODE_INSULIN);
  /* nothing further left: the focus stays */
  g_assert_true (press_key (f, GDK_KEY_Left));
  g_assert_true (press_key (f, GDK_KEY_Return));
  g_assert_cmpint (gtw_mechanism_map_get_selected_node (f->map), ==, GTW_MECH_NODE_INSULIN);
  g_assert_false (press_key (f, GDK_KEY_a));
}

/* Every intervention at once: each badge on its nodes, none lost, and a picture to check
 * that the crowded nodes stay legible. */
static void
test_all_badges (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GtwScenario) scenario = gtw_preset_load ("progressor", &error);
  g_autoptr (GtwTrace) all = NULL;
  g_autoptr (GdkTexture) shot = NULL;
  GtwInterventionType types[8];
  GtwSimOptions options;
  guint total = 0;

  g_assert_no_error (error);
  scenario->duration_days = 2 * YEAR;
  for (int type = 0; type < GTW_N_IV_TYPES; type++)
    {
      GtwIntervention iv;

      gtw_intervention_init (&iv, type, YEAR);
      g_array_append_val (scenario->interventions, iv);
    }
  gtw_sim_options_init (&options);
  all = gtw_simulate (scenario, &options, NULL, &error);
  g_assert_no_error (error);

  gtw_mechanism_map_set_traces (f->map, all, NULL);
  g_assert_cmpuint (gtw_mechanism_map_get_badges (f->map, GTW_MECH_NODE_AMPK, types, 8), ==, 3);
  g_assert_cmpuint (gtw_mechanism_map_get_badges (f->map, GTW_MECH_NODE_IRS1, types, 8), ==, 2);
  g_assert_cmpuint (gtw_mechanism_map_get_badges (f->map, GTW_MECH_NODE_AKT, types, 8), ==, 2);
  for (int node = 0; node < GTW_MECH_N_NODES; node++)
    total += gtw_mechanism_map_get_badges (f->map, node, types, 8);
  /* eleven interventions, five of them on two nodes */
  g_assert_cmpuint (total, ==, 16);
  shot = gtw_test_grab (GTK_WIDGET (f->window));
  gtw_test_save_png (shot, "mechanism-map-all.png");
}

/* In a narrow pane the panel floats over the map instead of squeezing it, and a click on the
 * panel does not reach the nodes beneath. */
static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtwMechanismMap *map = gtw_mechanism_map_new ();
  Fixture narrow = { window, map };
  graphene_rect_t before, after, panel_node;
  GtkEventController *click;
  g_autoptr (GdkTexture) shot = NULL;

  gtk_window_set_default_size (window, 700, 760);
  gtw_mechanism_map_set_traces (map, trace, baseline);
  gtk_window_set_child (window, GTK_WIDGET (map));
  gtk_window_present (window);
  gtw_test_wait_for_map (GTK_WIDGET (map));
  gtw_test_wait_for_paint (GTK_WIDGET (map));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (map)), <, 800);

  g_assert_true (gtw_mechanism_map_get_node_bounds (map, GTW_MECH_NODE_GUT_BARRIER, &before));
  click_node (&narrow, GTW_MECH_NODE_GUT_BARRIER);
  gtw_test_wait_for_paint (GTK_WIDGET (map));
  g_assert_cmpint (gtw_mechanism_map_get_selected_node (map), ==, GTW_MECH_NODE_GUT_BARRIER);
  g_assert_true (shows_label (GTK_WIDGET (map), gtw_mech_node_explanation (GTW_MECH_NODE_GUT_BARRIER)));
  g_assert_true (gtw_mechanism_map_get_node_bounds (map, GTW_MECH_NODE_GUT_BARRIER, &after));
  g_assert_cmpfloat_with_epsilon (after.size.width, before.size.width, 0.5);

  /* the liver fat node lies under the panel now: a click there stays with the panel */
  g_assert_true (gtw_mechanism_map_get_node_bounds (map, GTW_MECH_NODE_LIVER_FAT, &panel_node));
  click = gtw_test_find_controller (GTK_WIDGET (map), GTK_TYPE_GESTURE_CLICK);
  g_signal_emit_by_name (click, "pressed", 1, (double) panel_node.origin.x + panel_node.size.width / 2,
                         (double) panel_node.origin.y + panel_node.size.height / 2);
  g_assert_cmpint (gtw_mechanism_map_get_selected_node (map), ==, GTW_MECH_NODE_GUT_BARRIER);
  shot = gtw_test_grab (GTK_WIDGET (window));
  gtw_test_save_png (shot, "mechanism-map-narrow.png");

  gtk_window_destroy (window);
  gtw_test_iterate_pending ();
}

/* The description for screen readers names the day and every node's level. */
static void
test_description (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *mismatch = NULL;

  gtw_mechanism_map_set_day (f->map, THERAPY_START + 30);
  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (f->map), GTK_ACCESSIBLE_ROLE_GROUP));
  /* the check reports the actual text when it differs from the one given */
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (f->map),
                                                 GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "");
  g_assert_nonnull (mismatch);
  g_assert_nonnull (strstr (mismatch, "Year 9"));
  for (int node = 0; node < GTW_MECH_N_NODES; node++)
    g_assert_nonnull (strstr (mismatch, gtw_mech_node_title (node)));
  g_assert_nonnull (strstr (mismatch, "% of healthy"));
  g_assert_nonnull (strstr (mismatch, "AMPK: "));
  g_assert_nonnull (strstr (mismatch, "Berberine"));
}

/* Light and dark draw the same map in different colours. */
static void
test_dark (Fixture       *f,
           gconstpointer  data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr (GdkTexture) light = NULL;
  g_autoptr (GdkTexture) dark = NULL;
  g_autoptr (GdkTexture) untreated = NULL;
  graphene_rect_t ampk, receptor;
  double light_ampk[3], dark_ampk[3], light_receptor[3];

  gtw_mechanism_map_set_day (f->map, THERAPY_START + 120);
  light = gtw_test_grab (GTK_WIDGET (f->map));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  dark = gtw_test_grab (GTK_WIDGET (f->map));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);

  g_assert_true (gtw_mechanism_map_get_node_bounds (f->map, GTW_MECH_NODE_AMPK, &ampk));
  g_assert_true (gtw_mechanism_map_get_node_bounds (f->map, GTW_MECH_NODE_RECEPTOR, &receptor));
  mean_colour (light, &ampk, light_ampk);
  mean_colour (dark, &ampk, dark_ampk);
  mean_colour (light, &receptor, light_receptor);
  /* dark nodes are darker */
  g_assert_cmpfloat (dark_ampk[0] + dark_ampk[1] + dark_ampk[2], <,
                     light_ampk[0] + light_ampk[1] + light_ampk[2] - 0.6);
  /* a switched-on AMPK leans blue; the receptors, back at the healthy density after four
   * months of treatment (fasting insulin 37 pmol/L), are neutral, and downregulated in year 7
   * before it (fasting insulin 118 pmol/L) they lean orange */
  g_assert_cmpfloat (light_ampk[0], >, light_ampk[2]);
  g_assert_cmpfloat (fabs (light_receptor[2] - light_receptor[0]), <, 0.05);
  gtw_mechanism_map_set_day (f->map, YEAR * 7);
  untreated = gtw_test_grab (GTK_WIDGET (f->map));
  mean_colour (untreated, &receptor, light_receptor);
  g_assert_cmpfloat (light_receptor[2], >, light_receptor[0] + 0.05);
}

/* The progressor in year 8 with berberine, exercise and gut repair, AMPK explained. */
static void
test_screenshot (Fixture       *f,
                 gconstpointer  data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr (GdkTexture) light = NULL;
  g_autoptr (GdkTexture) dark = NULL;
  g_autoptr (GdkTexture) plain = NULL;
  g_autoptr (GdkTexture) glucose = NULL;

  /* the window, for its background */
  gtw_mechanism_map_set_day (f->map, THERAPY_START + 120);
  plain = gtw_test_grab (GTK_WIDGET (f->window));
  gtw_mechanism_map_select_node (f->map, GTW_MECH_NODE_AMPK);
  light = gtw_test_grab (GTK_WIDGET (f->window));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  dark = gtw_test_grab (GTK_WIDGET (f->window));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_cmpint (gdk_texture_get_width (light), ==, gtk_widget_get_width (GTK_WIDGET (f->window)));
  gtw_test_save_png (plain, "mechanism-map.png");
  gtw_test_save_png (light, "mechanism-map-ampk-light.png");
  gtw_test_save_png (dark, "mechanism-map-ampk-dark.png");

  /* a node whose run and baseline part: the faint line is the baseline's */
  gtw_mechanism_map_select_node (f->map, GTW_MECH_NODE_GLUCOSE);
  glucose = gtw_test_grab (GTK_WIDGET (f->window));
  gtw_test_save_png (glucose, "mechanism-map-glucose-light.png");
}

/* ---------------------------------------------------------------------------------------- */
/* The map in the window                                                                    */

static gboolean
action_enabled (GtwWindow  *window,
                const char *name)
{
  return g_action_group_get_action_enabled (G_ACTION_GROUP (window), name);
}

/* Whether the patient panel is revealed and the markers panel shown. */
static void
assert_panels (GtwWindow *window,
               gboolean   patient,
               gboolean   markers)
{
  AdwFlap *flap = ADW_FLAP (gtw_test_find_widget (GTK_WIDGET (window), ADW_TYPE_FLAP, NULL));
  GtkWidget *sidebar = gtk_widget_get_ancestor (GTK_WIDGET (gtw_window_get_markers_panel (window)),
                                                GTK_TYPE_SCROLLED_WINDOW);

  g_assert_cmpint (adw_flap_get_reveal_flap (flap), ==, patient);
  g_assert_cmpint (gtk_widget_get_visible (sidebar), ==, markers);
}

static void
show_mechanisms (GtwWindow *window,
                 gboolean   show)
{
  g_action_group_change_action_state (G_ACTION_GROUP (window), "show-mechanisms",
                                      g_variant_new_boolean (show));
  gtw_test_wait_for_paint (GTK_WIDGET (window));
}

static gboolean
map_fills_window (gpointer data)
{
  GtwWindow *window = data;

  return gtk_widget_get_width (GTK_WIDGET (gtw_window_get_mechanism_map (window)))
         >= gtk_widget_get_width (GTK_WIDGET (window)) - 20;
}

static gboolean
is_high_contrast_row (GtkWidget    *widget,
                      gconstpointer data)
{
  return ADW_IS_ACTION_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), "High Contrast") == 0;
}

/* The preference "presentation-high-contrast" (on by default) reaches the chart and the map,
 * and its switch in the preferences sets it. Called while the map is presented. */
static void
test_high_contrast (GtwWindow *window,
                    GSettings *settings)
{
  GtwMechanismMap *map = gtw_window_get_mechanism_map (window);
  GtwChart *chart = gtw_window_get_chart (window);
  g_autoptr (GdkTexture) high = NULL;
  g_autoptr (GdkTexture) plain = NULL;
  graphene_rect_t bounds, in_window;
  double high_glucose[3], plain_glucose[3];
  GtkWidget *preferences, *row, *toggle;

  g_assert_true (g_settings_get_boolean (settings, "presentation-high-contrast"));
  g_assert_true (gtw_chart_get_high_contrast (chart));
  g_assert_true (gtw_mechanism_map_get_high_contrast (map));
  high = gtw_test_grab (GTK_WIDGET (window));

  g_settings_set_boolean (settings, "presentation-high-contrast", FALSE);
  g_assert_false (gtw_chart_get_high_contrast (chart));
  g_assert_false (gtw_mechanism_map_get_high_contrast (map));
  plain = gtw_test_grab (GTK_WIDGET (window));
  gtw_test_save_png (plain, "mechanism-view-presentation-plain.png");
  /* the neutral glucose node stands off the card more in high contrast */
  g_assert_true (gtw_mechanism_map_get_node_bounds (map, GTW_MECH_NODE_GLUCOSE, &bounds));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (map), GTK_WIDGET (window), &in_window));
  graphene_rect_offset (&bounds, in_window.origin.x, in_window.origin.y);
  mean_colour (high, &bounds, high_glucose);
  mean_colour (plain, &bounds, plain_glucose);
  g_assert_cmpfloat (high_glucose[0] + high_glucose[1] + high_glucose[2], <,
                     plain_glucose[0] + plain_glucose[1] + plain_glucose[2] - 0.05);

  /* the preferences' switch */
  preferences = gtw_preferences_window_new (GTK_WINDOW (window), settings);
  row = gtw_test_find_widget_match (preferences, is_high_contrast_row, NULL);
  g_assert_nonnull (row);
  toggle = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));
  g_assert_true (GTK_IS_SWITCH (toggle));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));
  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "presentation-high-contrast"));
  g_assert_true (gtw_chart_get_high_contrast (chart));
  g_assert_true (gtw_mechanism_map_get_high_contrast (map));
  gtk_window_destroy (GTK_WINDOW (preferences));
}

/* Ctrl+M: the map has the window to itself, and the panels come back as they were. */
static void
test_window_view (void)
{
  g_autoptr (GtwApplication) app = gtw_test_application_new ();
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_auto (GStrv) accels = NULL;
  g_autoptr (GdkTexture) shot = NULL;
  GtwWindow *window;
  GtwMechanismMap *map;
  GtwTrace *run;
  guint last;

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-mechanisms");
  g_assert_cmpstr (accels[0], ==, "<Control>m");

  window = gtw_window_new (GTK_APPLICATION (app));
  map = gtw_window_get_mechanism_map (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  gtw_test_wait_for_map (GTK_WIDGET (window));
  g_assert_true (gtw_window_load_preset_now (window, "progressor", NULL));
  g_assert_true (gtw_window_add_intervention (window, "{\"type\": \"berberine\", \"start_day\": 2920}", NULL));
  g_assert_true (gtw_window_add_intervention (window, "{\"type\": \"exercise\", \"start_day\": 2920}", NULL));
  gtw_test_wait_for_runs (window);
  assert_panels (window, TRUE, TRUE);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (map)));

  show_mechanisms (window, TRUE);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (map)));
  assert_panels (window, FALSE, FALSE);
  /* F9 cannot bring the patient panel over the map */
  g_assert_false (action_enabled (window, "toggle-sidebar"));
  /* nearly the window's width is the map's, once the sidebar's slide is over (a timed
   * animation: on a busy machine it outlasts the two frames show_mechanisms () waits for) */
  gtw_test_wait_until (map_fills_window, window, 10);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (map)), >=, gtk_widget_get_width (GTK_WIDGET (window)) - 20);

  /* the map's glucose follows the unit preference, as the chart's does */
  run = gtw_runner_get_trace (gtw_window_get_runner (window), GTW_RUN_SCENARIO);
  last = gtw_trace_get_n_days (run) - 1;
  g_assert_cmpfloat_with_epsilon (gtw_mechanism_map_get_node_value (map, GTW_MECH_NODE_GLUCOSE),
                                  gtw_trace_get_day (run, last)->fasting_glucose, 1e-9);
  g_settings_set_string (settings, "glucose-unit", "mg-dl");
  g_settings_set_string (settings, "insulin-unit", "uu-ml");
  g_assert_cmpfloat_with_epsilon (gtw_mechanism_map_get_node_value (map, GTW_MECH_NODE_GLUCOSE),
                                  gtw_glucose_convert (gtw_trace_get_day (run, last)->fasting_glucose,
                                                       GTW_GLUCOSE_MGDL), 1e-9);
  g_assert_cmpfloat_with_epsilon (gtw_mechanism_map_get_node_value (map, GTW_MECH_NODE_INSULIN),
                                  gtw_insulin_convert (gtw_trace_get_day (run, last)->fasting_insulin,
                                                       GTW_INSULIN_UU), 1e-9);
  g_settings_reset (settings, "insulin-unit");

  gtw_window_show_day (window, YEAR * 8 + 120);
  shot = gtw_test_grab (GTK_WIDGET (window));
  gtw_test_save_png (shot, "mechanism-view-1280x800.png");
  g_clear_object (&shot);
  gtw_mechanism_map_select_node (map, GTW_MECH_NODE_AMPK);
  shot = gtw_test_grab (GTK_WIDGET (window));
  gtw_test_save_png (shot, "mechanism-view-ampk-1280x800.png");
  g_clear_object (&shot);
  gtw_mechanism_map_select_node (map, -1);

  /* in presentation mode too, and the map stays when presentation ends */
  gtw_window_set_presentation (window, TRUE);
  gtw_test_wait_for_paint (GTK_WIDGET (window));
  assert_panels (window, FALSE, FALSE);
  /* large type, and the badges instead of the timeline's blocks */
  g_assert_true (gtw_mechanism_map_get_presentation (map));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtw_window_get_timeline (window))));
  shot = gtw_test_grab (GTK_WIDGET (window));
  gtw_test_save_png (shot, "mechanism-view-presentation.png");
  g_clear_object (&shot);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  shot = gtw_test_grab (GTK_WIDGET (window));
  gtw_test_save_png (shot, "mechanism-view-presentation-dark.png");
  g_clear_object (&shot);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  test_high_contrast (window, settings);
  gtw_window_set_presentation (window, FALSE);
  g_assert_false (gtw_mechanism_map_get_presentation (map));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtw_window_get_timeline (window))));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (map)));
  assert_panels (window, FALSE, FALSE);

  show_mechanisms (window, FALSE);
  assert_panels (window, TRUE, TRUE);
  g_assert_true (action_enabled (window, "toggle-sidebar"));

  /* a patient panel the user had collapsed stays collapsed */
  g_action_group_change_action_state (G_ACTION_GROUP (window), "toggle-sidebar", g_variant_new_boolean (FALSE));
  assert_panels (window, FALSE, TRUE);
  show_mechanisms (window, TRUE);
  assert_panels (window, FALSE, FALSE);
  show_mechanisms (window, FALSE);
  assert_panels (window, FALSE, TRUE);
  g_action_group_change_action_state (G_ACTION_GROUP (window), "toggle-sidebar", g_variant_new_boolean (TRUE));
  assert_panels (window, TRUE, TRUE);

  g_settings_reset (settings, "glucose-unit");
  gtw_document_discard_autosave (gtw_window_get_document (window));
  gtk_window_destroy (GTK_WINDOW (window));
  gtw_test_iterate_pending ();
}

static void
skip_all (void)
{
  g_test_skip ("PLplot has no extcairo device");
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtw_test_init (&argc, &argv);

  if (!gtw_figure_available (NULL))
    {
      g_test_add_func ("/mechanism-map/skipped", skip_all);
      return g_test_run ();
    }
  simulate ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/mechanism-map/levels", test_levels);
  ADD ("/mechanism-map/badges", test_badges);
  ADD ("/mechanism-map/click", test_click);
  ADD ("/mechanism-map/keys", test_keys);
  ADD ("/mechanism-map/all-badges", test_all_badges);
  ADD ("/mechanism-map/narrow", test_narrow);
  ADD ("/mechanism-map/description", test_description);
  ADD ("/mechanism-map/dark", test_dark);
  ADD ("/mechanism-map/screenshot", test_screenshot);
#undef ADD
  g_test_add_func ("/mechanism-map/window-view", test_window_view);

  return g_test_run ();
}
