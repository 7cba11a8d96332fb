/* gtw-mechanism-map-nodes.c: the mechanism map's nodes, their values and places
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each node's title, explanation, place on the canvas and healthy reference; its value on a
 * day of the run, how far that is from healthy, and the interventions that act on it.
 */
#include "gtw-mechanism-map-private.h"

#include <glib/gi18n.h>
#include <math.h>

const NodeInfo gtw_mech_nodes[GTW_MECH_N_NODES] = {
  [GTW_MECH_NODE_GUT_BARRIER] = {
    N_("Gut barrier"), N_("tight junctions"),
    N_("The gut lining keeps bacteria and their fragments inside the gut. When its tight "
       "junctions loosen, bacterial endotoxin (LPS) leaks into the blood that goes to the liver."),
    COL (0), ROW_A, NODE_W, FORMAT_INTACT, 90, 50, 100 },
  [GTW_MECH_NODE_LPS] = {
    N_("LPS"), N_("endotoxin in the blood"),
    N_("LPS is a piece of the outer wall of gut bacteria. In the blood it triggers the immune "
       "receptor TLR4, which sets off inflammation in the liver and elsewhere."),
    COL (1), ROW_A, NODE_W, FORMAT_RELATIVE, 100, 300, 500 },
  [GTW_MECH_NODE_INFLAMMATION] = {
    N_("Inflammation"), N_("TNF-α · JNK · IKK"),
    N_("Inflammatory signals such as TNF-α switch on the kinases JNK and IKK inside the cell. "
       "These tag IRS-1 on serine instead of tyrosine, which blocks the insulin signal early."),
    COL (2), ROW_A, NODE_W, FORMAT_RELATIVE, 100, 250, 400 },
  [GTW_MECH_NODE_DAG] = {
    N_("DAG · ceramide"), N_("PKC-ε in muscle"),
    N_("Fat stored inside muscle cells breaks down into DAG and ceramide. DAG switches on "
       "PKC, which jams IRS-1 in the same way inflammation does."),
    COL (3), ROW_A, NODE_W, FORMAT_RELATIVE, 100, 200, 300 },
  [GTW_MECH_NODE_VISCERAL_FAT] = {
    N_("Visceral fat"), N_("fat around the organs"),
    N_("Fat around the organs releases fatty acids and inflammatory signals straight into the "
       "blood. It feeds fat into the liver and muscle and keeps inflammation going."),
    COL (4), ROW_A, NODE_W, FORMAT_KG, 1.2, 3.0, 5.0 },
  [GTW_MECH_NODE_LIVER_FAT] = {
    N_("Liver fat"), N_("DAG · PKC-ε in the liver"),
    N_("Sugar, fructose and fatty acids from visceral fat are stored as fat in the liver. The "
       "fat makes the liver deaf to insulin, so it keeps making glucose after a meal."),
    COL (5), ROW_A, NODE_W, FORMAT_LIVER_FAT, 2.5, 15.0, 30.0 },
  [GTW_MECH_NODE_INSULIN] = {
    N_("Insulin"), N_("in the blood, fasting"),
    N_("The beta cells release insulin to move glucose out of the blood. When the cells stop "
       "listening, the pancreas makes more, and high insulin is often the first sign."),
    COL (0), ROW_B, NODE_W, FORMAT_INSULIN, 40, 150, 300, 18, 6 },
  [GTW_MECH_NODE_RECEPTOR] = {
    N_("Insulin receptor"), N_("on the cell surface"),
    N_("Insulin binds its receptor, which switches itself on and passes the signal to IRS-1. "
       "Years of high insulin make cells pull receptors inside, so fewer remain to listen."),
    COL (1), ROW_B, NODE_W, FORMAT_RELATIVE, 100, 50, 150 },
  [GTW_MECH_NODE_IRS1] = {
    N_("IRS-1"), N_("docking protein"),
    N_("IRS-1 carries the signal from the receptor to PI3K when the receptor tags it on "
       "tyrosine. Inflammation and DAG tag it on serine instead, and low magnesium or chromium "
       "weakens it."),
    COL (2), ROW_B, NODE_W, FORMAT_RELATIVE, 100, 50, 150 },
  [GTW_MECH_NODE_PI3K] = {
    N_("PI3K"), N_("signal relay"),
    N_("PI3K makes the messenger lipid PIP3 at the cell membrane when IRS-1 docks it. It can "
       "only pass on what reaches it from the receptor and IRS-1."),
    COL (3), ROW_B, NODE_W, FORMAT_RELATIVE, 100, 40, 150 },
  [GTW_MECH_NODE_AKT] = {
    N_("Akt"), N_("the switch for uptake"),
    N_("Akt is the last switch of the insulin signal: it sends GLUT4 to the cell surface and "
       "tells the liver to stop making glucose. Berberine and alpha-lipoic acid strengthen it."),
    COL (4), ROW_B, NODE_W, FORMAT_RELATIVE, 100, 40, 150 },
  [GTW_MECH_NODE_BETA_CELLS] = {
    N_("Beta cells"), N_("mass in the pancreas"),
    N_("Beta cells sense glucose and release insulin; after a meal, gut hormones (GLP-1, GIP) "
       "add to the release, but weeks of high glucose blunt their effect. Years of overwork, "
       "glucose and fat wear them out, and when too few remain, glucose rises into diabetes."),
    COL (0), ROW_C, NODE_W, FORMAT_RELATIVE, 100, 50, 150 },
  [GTW_MECH_NODE_GLUT4] = {
    N_("GLUT4 uptake"), N_("muscle and fat"),
    N_("GLUT4 is the glucose door of muscle and fat cells, kept inside until a signal moves it "
       "to the surface. This is insulin sensitivity as the tissue sees it; training adds doors."),
    COL (3), ROW_C, NODE_W, FORMAT_RELATIVE, 100, 40, 150 },
  [GTW_MECH_NODE_AMPK] = {
    N_("AMPK"), N_("the bypass"),
    N_("AMPK is the cell's fuel sensor: working muscle, berberine and metformin switch it on. "
       "It moves GLUT4 to the surface without insulin and slows the liver's glucose output."),
    COL (4), ROW_C, NODE_W, FORMAT_ACTIVATION, 0, -100, 100 },
  [GTW_MECH_NODE_LIVER_OUTPUT] = {
    N_("Liver output"), N_("glucose from the liver"),
    N_("Between meals the liver makes glucose, and insulin should turn it down. A fatty, "
       "inflamed liver ignores insulin and keeps fasting glucose high."),
    COL (5), ROW_C, NODE_W, FORMAT_RELATIVE, 100, 160, 200 },
  [GTW_MECH_NODE_GLUCOSE] = {
    N_("Blood glucose"), N_("fasting"),
    N_("Glucose in the blood is what the liver puts in minus what muscle and fat take up. It "
       "stays normal for years while insulin rises, and climbs once the beta cells fail."),
    CANVAS_W / 2, ROW_D, 230, FORMAT_GLUCOSE, 5.0, 7.0, 14.0, 3.9, 3.0 },
};

/* Where the model applies each intervention (gtw-iv-*.c and the mechanism layer). */
static const struct
{
  GtwInterventionType type;
  GtwMechNode         nodes[2];
  guint               n_nodes;
} actions[] = {
  { GTW_IV_BERBERINE, { GTW_MECH_NODE_AMPK, GTW_MECH_NODE_AKT }, 2 },
  { GTW_IV_METFORMIN, { GTW_MECH_NODE_AMPK, GTW_MECH_NODE_LIVER_OUTPUT }, 2 },
  { GTW_IV_EXERCISE, { GTW_MECH_NODE_AMPK, GTW_MECH_NODE_GLUT4 }, 2 },
  { GTW_IV_CARB_REDUCTION, { GTW_MECH_NODE_GLUCOSE, GTW_MECH_NODE_LIVER_FAT }, 2 },
  { GTW_IV_GUT_REPAIR, { GTW_MECH_NODE_GUT_BARRIER }, 1 },
  { GTW_IV_OMEGA3, { GTW_MECH_NODE_INFLAMMATION }, 1 },
  { GTW_IV_CHROMIUM, { GTW_MECH_NODE_IRS1 }, 1 },
  { GTW_IV_MAGNESIUM, { GTW_MECH_NODE_IRS1 }, 1 },
  { GTW_IV_ALPHA_LIPOIC_ACID, { GTW_MECH_NODE_AKT }, 1 },
  { GTW_IV_PREMEAL_PROTEIN, { GTW_MECH_NODE_BETA_CELLS }, 1 },
  { GTW_IV_LOW_CALORIE_DIET, { GTW_MECH_NODE_LIVER_FAT, GTW_MECH_NODE_VISCERAL_FAT }, 2 },
};

/* ---------------------------------------------------------------------------------------- */
/* Values                                                                                   */

/* Exercise's share of AMPK: the acute post-exercise rise of sensitivity, averaged over four
 * weeks so that the days between sessions do not flicker; 30 % counts as full activation. */
static double
exercise_ampk (const GtwTrace *trace,
               guint           day)
{
  double sum = 0;
  guint first = day >= 27 ? day - 27 : 0;

  for (guint d = first; d <= day; d++)
    sum += gtw_trace_get_day (trace, d)->exercise_acute;
  return MIN (sum / (day - first + 1) / 0.3, 1.0);
}

/* The node's value on @day in its display unit. */
double
gtw_mech_node_value (GtwMechNode     node,
                     const GtwTrace *trace,
                     guint           day)
{
  const GtwDayRecord *r = gtw_trace_get_day (trace, day);
  double pi3k = r->receptor_density * r->irs1_signal;

  switch (node)
    {
    case GTW_MECH_NODE_GUT_BARRIER: return r->gut_barrier * 100;
    case GTW_MECH_NODE_LPS: return r->lps * 100;
    case GTW_MECH_NODE_INFLAMMATION: return r->inflammation * 100;
    case GTW_MECH_NODE_DAG: return r->imcl * 100;
    case GTW_MECH_NODE_VISCERAL_FAT: return r->visceral_fat;
    case GTW_MECH_NODE_LIVER_FAT: return r->liver_fat;
    case GTW_MECH_NODE_INSULIN: return r->fasting_insulin;
    case GTW_MECH_NODE_RECEPTOR: return r->receptor_density * 100;
    case GTW_MECH_NODE_IRS1: return r->irs1_signal * 100;
    case GTW_MECH_NODE_PI3K: return pi3k * 100;
    case GTW_MECH_NODE_AKT: return pi3k * (1.0 + r->akt_boost) * 100;
    case GTW_MECH_NODE_BETA_CELLS: return r->beta_cell_mass_rel * 100;
    case GTW_MECH_NODE_GLUT4: return r->si_rel * 100;
    case GTW_MECH_NODE_AMPK:
      return (1.0 - (1.0 - r->ampk_drug) * (1.0 - exercise_ampk (trace, day))) * 100;
    case GTW_MECH_NODE_LIVER_OUTPUT:
      /* what insulin and the drugs leave of the liver's output, against a healthy liver */
      return r->hgp_factor / MAX (r->hepatic_si_rel, 0.05) * 100;
    case GTW_MECH_NODE_GLUCOSE: return r->fasting_glucose;
    case GTW_MECH_N_NODES:
    default: g_assert_not_reached ();
    }
}

/* -1 (better than healthy) .. 0 (healthy) .. 1 (clearly impaired) */
double
gtw_mech_node_score (GtwMechNode node,
                     double      value)
{
  const NodeInfo *n = &gtw_mech_nodes[node];

  /* failing beta cells leave too little insulin: as impaired as too much */
  if (n->low_ok > 0 && value < n->ref)
    return CLAMP ((n->low_ok - value) / (n->low_ok - n->low_bad), 0.0, 1.0);
  return CLAMP ((value - n->ref) / (n->bad - n->ref), -1.0, 1.0);
}

char *
gtw_mechanism_map_format_value (GtwMechanismMap *self,
                                GtwMechNode      node,
                                double           value)
{
  value = to_display (self, node, value);
  switch (gtw_mech_nodes[node].format)
    {
    case FORMAT_RELATIVE:
      /* TRANSLATORS: a level against a healthy person's, "72 % of healthy"; it must fit a
       * diagram node about 20 characters wide, as must the other values of the map */
      return g_strdup_printf (_("%.0f %% of healthy"), value);
    case FORMAT_ACTIVATION:
      if (value < 1)
        return g_strdup (_("at rest"));
      /* TRANSLATORS: how strongly AMPK is switched on, "55 % active" */
      return g_strdup_printf (_("%.0f %% active"), value);
    case FORMAT_INTACT:
      /* TRANSLATORS: the gut barrier's integrity, "70 % intact" */
      return g_strdup_printf (_("%.0f %% intact"), value);
    case FORMAT_INSULIN:
      return g_strdup_printf ("%.*f %s", self->insulin_unit == GTW_INSULIN_UU ? 1 : 0, value,
                              gtw_insulin_unit_label (self->insulin_unit));
    case FORMAT_GLUCOSE:
      return g_strdup_printf ("%.*f %s", self->glucose_unit == GTW_GLUCOSE_MGDL ? 0 : 1, value,
                              gtw_glucose_unit_label (self->glucose_unit));
    case FORMAT_KG:
      return g_strdup_printf (_("%.1f kg"), value);
    case FORMAT_LIVER_FAT:
      /* TRANSLATORS: the fat content of the liver, "12.5 % fat" */
      return g_strdup_printf (_("%.1f %% fat"), value);
    default:
      g_assert_not_reached ();
    }
}

const char *
gtw_mechanism_map_history_unit (GtwMechanismMap *self,
                                GtwMechNode      node)
{
  switch (gtw_mech_nodes[node].format)
    {
    case FORMAT_RELATIVE:
      /* xgettext:no-c-format */
      return _("% of healthy");
    case FORMAT_ACTIVATION:
      /* xgettext:no-c-format */
      return _("% active");
    case FORMAT_INTACT:
      /* xgettext:no-c-format */
      return _("% intact");
    case FORMAT_INSULIN: return gtw_insulin_unit_label (self->insulin_unit);
    case FORMAT_GLUCOSE: return gtw_glucose_unit_label (self->glucose_unit);
    case FORMAT_KG: return _("kg");
    case FORMAT_LIVER_FAT:
      /* xgettext:no-c-format */
      return _("% fat");
    default: g_assert_not_reached ();
    }
}

guint
gtw_mechanism_map_badges_on (GtwMechanismMap     *self,
                             GtwMechNode          node,
                             int                  day,
                             GtwInterventionType *types,
                             guint                max_types)
{
  const GArray *ivs;
  gboolean active[GTW_N_IV_TYPES] = { FALSE };
  guint n = 0;

  if (self->trace == NULL || day < 0 || !gtw_trace_has_interventions (self->trace))
    return 0;
  ivs = gtw_trace_get_scenario (self->trace)->interventions;
  for (guint i = 0; ivs != NULL && i < ivs->len; i++)
    {
      const GtwIntervention *iv = &g_array_index (ivs, GtwIntervention, i);

      if (gtw_intervention_active_on (iv, day))
        active[iv->type] = TRUE;
    }
  for (guint a = 0; a < G_N_ELEMENTS (actions) && n < max_types; a++)
    {
      if (!active[actions[a].type])
        continue;
      for (guint k = 0; k < actions[a].n_nodes; k++)
        if (actions[a].nodes[k] == node)
          types[n++] = actions[a].type;
    }
  return n;
}

/* ---------------------------------------------------------------------------------------- */
/* Geometry                                                                                 */

void
gtw_mechanism_map_update_placement (GtwMechanismMap *self,
                                    double           width,
                                    double           height)
{
  self->scale = MAX (MIN (width / CANVAS_W, height / CANVAS_H), 0.05);
  self->origin_x = (width - CANVAS_W * self->scale) / 2;
  self->origin_y = (height - CANVAS_H * self->scale) / 2;
}

int
gtw_mechanism_map_node_at (GtwMechanismMap *self,
                           double           x,
                           double           y)
{
  graphene_point_t p = GRAPHENE_POINT_INIT ((x - self->origin_x) / self->scale,
                                            (y - self->origin_y) / self->scale);

  for (int i = 0; i < GTW_MECH_N_NODES; i++)
    {
      graphene_rect_t r = node_rect (i);

      if (graphene_rect_contains_point (&r, &p))
        return i;
    }
  return -1;
}

