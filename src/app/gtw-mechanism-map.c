/* gtw-mechanism-map.c: the insulin signalling cascade as a diagram of the run's states
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The map draws the cascade of the source texts (insulin, its receptor, IRS-1, PI3K, Akt,
 * GLUT4 and the AMPK bypass), the liver's glucose output, the beta cells, and what jams the
 * cascade (gut barrier and LPS, inflammation, visceral and liver fat, DAG and ceramide) on a
 * fixed canvas scaled to the widget. Each node shows its level on the chosen day against the
 * healthy reference three ways at once: a diverging colour (blue healthy, orange impaired, so
 * that red-green colour blindness loses nothing), a gauge with the reference marked, and the
 * value as text. Active interventions are badges on the nodes where the model applies them.
 * A selected node opens a side panel with two plain sentences and its history over the run,
 * drawn with PLplot's extcairo device like the chart.
 */
#include "gtw-mechanism-map.h"
#include "gtw-figure.h"
#include "gtw-intervention-style.h"
#include "gtw-plot-theme.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <plplot.h>

#define CANVAS_W      1140.0
#define CANVAS_H      800.0
#define NODE_W        170.0
#define NODE_H        86.0
#define NODE_RADIUS   12.0
#define BADGE_H       23.0
#define BADGE_GAP     4.0
#define BADGE_MAX_W   104.0
#define PANEL_W       380
#define PANEL_MARGIN  12
#define MAX_BADGES    4
#define HISTORY_H     230
/* Narrower than this beside the panel, the map keeps its width and the panel floats over it. */
#define MIN_SIDE_MAP  (CANVAS_W * 0.6)
/* Drawn smaller than this, the map leaves out the nodes' subtitles, which would be smaller than
 * a caption, and enlarges the rest (the map beside hidden panels in a 1280x800 window). */
#define COMPACT_SCALE 0.85

typedef enum
{
  FORMAT_RELATIVE, /* % of the healthy reference */
  FORMAT_ACTIVATION,
  FORMAT_INTACT,
  FORMAT_INSULIN,
  FORMAT_GLUCOSE,
  FORMAT_KG,
  FORMAT_LIVER_FAT,
} ValueFormat;

typedef struct
{
  const char *title;
  const char *subtitle;    /* NULL or a second, smaller line */
  const char *explanation; /* two plain sentences */
  double      x, y;        /* centre on the canvas */
  double      width;
  ValueFormat format;
  double      ref;         /* the healthy reference, in the display unit */
  double      bad;         /* clearly impaired; below ref when less is worse */
  double      max;         /* the gauge's full scale */
  /* 0, or impaired below low_ok too, clearly at low_bad (insulin deficiency, hypoglycaemia) */
  double      low_ok;
  double      low_bad;
} NodeInfo;

#define COL(i) (95.0 + 190.0 * (i))
#define ROW_A  105.0
#define ROW_B  295.0
#define ROW_C  485.0
#define ROW_D  675.0

static const NodeInfo nodes[GTW_MECH_N_NODES] = {
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
    N_("Beta cells sense glucose and release insulin. Years of overwork, glucose and fat "
       "wear them out, and when too few remain, glucose rises into diabetes."),
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

typedef enum { SIDE_TOP, SIDE_BOTTOM, SIDE_LEFT, SIDE_RIGHT } Side;

typedef struct
{
  GtwMechNode from;
  Side        from_side;
  double      from_pos; /* along the side, 0 left/top .. 1 right/bottom */
  GtwMechNode to;
  Side        to_side;
  double      to_pos;
  gboolean    blocks;   /* ends in a bar instead of an arrow head */
} Edge;

/* Bottom anchors stay near the corners: the badges hang from the middle of a node. */
static const Edge edges[] = {
  { GTW_MECH_NODE_GUT_BARRIER, SIDE_RIGHT, 0.5, GTW_MECH_NODE_LPS, SIDE_LEFT, 0.5, TRUE },
  { GTW_MECH_NODE_LPS, SIDE_RIGHT, 0.5, GTW_MECH_NODE_INFLAMMATION, SIDE_LEFT, 0.5, FALSE },
  { GTW_MECH_NODE_VISCERAL_FAT, SIDE_TOP, 0.5, GTW_MECH_NODE_INFLAMMATION, SIDE_TOP, 0.6, FALSE },
  { GTW_MECH_NODE_VISCERAL_FAT, SIDE_LEFT, 0.5, GTW_MECH_NODE_DAG, SIDE_RIGHT, 0.5, FALSE },
  { GTW_MECH_NODE_VISCERAL_FAT, SIDE_RIGHT, 0.5, GTW_MECH_NODE_LIVER_FAT, SIDE_LEFT, 0.5, FALSE },
  { GTW_MECH_NODE_INFLAMMATION, SIDE_BOTTOM, 0.12, GTW_MECH_NODE_IRS1, SIDE_TOP, 0.12, TRUE },
  { GTW_MECH_NODE_DAG, SIDE_BOTTOM, 0.12, GTW_MECH_NODE_IRS1, SIDE_TOP, 0.88, TRUE },
  { GTW_MECH_NODE_LIVER_FAT, SIDE_BOTTOM, 0.88, GTW_MECH_NODE_LIVER_OUTPUT, SIDE_TOP, 0.88, FALSE },
  { GTW_MECH_NODE_INSULIN, SIDE_RIGHT, 0.5, GTW_MECH_NODE_RECEPTOR, SIDE_LEFT, 0.5, FALSE },
  { GTW_MECH_NODE_RECEPTOR, SIDE_RIGHT, 0.5, GTW_MECH_NODE_IRS1, SIDE_LEFT, 0.5, FALSE },
  { GTW_MECH_NODE_IRS1, SIDE_RIGHT, 0.5, GTW_MECH_NODE_PI3K, SIDE_LEFT, 0.5, FALSE },
  { GTW_MECH_NODE_PI3K, SIDE_RIGHT, 0.5, GTW_MECH_NODE_AKT, SIDE_LEFT, 0.5, FALSE },
  { GTW_MECH_NODE_AKT, SIDE_BOTTOM, 0.1, GTW_MECH_NODE_GLUT4, SIDE_TOP, 0.5, FALSE },
  { GTW_MECH_NODE_AKT, SIDE_BOTTOM, 0.9, GTW_MECH_NODE_LIVER_OUTPUT, SIDE_TOP, 0.3, TRUE },
  { GTW_MECH_NODE_AMPK, SIDE_LEFT, 0.5, GTW_MECH_NODE_GLUT4, SIDE_RIGHT, 0.5, FALSE },
  { GTW_MECH_NODE_AMPK, SIDE_RIGHT, 0.5, GTW_MECH_NODE_LIVER_OUTPUT, SIDE_LEFT, 0.5, TRUE },
  { GTW_MECH_NODE_GLUT4, SIDE_BOTTOM, 0.9, GTW_MECH_NODE_GLUCOSE, SIDE_TOP, 0.85, TRUE },
  { GTW_MECH_NODE_LIVER_OUTPUT, SIDE_BOTTOM, 0.9, GTW_MECH_NODE_GLUCOSE, SIDE_RIGHT, 0.5, FALSE },
  { GTW_MECH_NODE_GLUCOSE, SIDE_LEFT, 0.5, GTW_MECH_NODE_BETA_CELLS, SIDE_RIGHT, 0.5, FALSE },
  { GTW_MECH_NODE_BETA_CELLS, SIDE_TOP, 0.5, GTW_MECH_NODE_INSULIN, SIDE_BOTTOM, 0.5, FALSE },
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
};

struct _GtwMechanismMap
{
  GtkWidget  parent_instance;

  GtwTrace  *trace;
  GtwTrace  *baseline;
  int        day;           /* -1: the last day filled */
  int        selected;      /* -1: none */
  int        focus_node;
  GtwGlucoseUnit glucose_unit;
  GtwInsulinUnit insulin_unit;
  gboolean   presentation;
  gboolean   high_contrast; /* in presentation mode */

  /* the canvas's placement in the widget, and the panel's */
  double     map_width;
  graphene_rect_t panel_area; /* empty while the panel is hidden */
  double     scale;
  double     origin_x;
  double     origin_y;

  GtkWidget *panel;
  GtkWidget *panel_title;
  GtkWidget *panel_value;
  GtkWidget *panel_text;
  GtkWidget *history;
};

G_DEFINE_FINAL_TYPE (GtwMechanismMap, gtw_mechanism_map, GTK_TYPE_WIDGET)

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
static double
node_value (GtwMechNode     node,
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
static double
node_score (GtwMechNode node,
            double      value)
{
  const NodeInfo *n = &nodes[node];

  /* failing beta cells leave too little insulin: as impaired as too much */
  if (n->low_ok > 0 && value < n->ref)
    return CLAMP ((n->low_ok - value) / (n->low_ok - n->low_bad), 0.0, 1.0);
  return CLAMP ((value - n->ref) / (n->bad - n->ref), -1.0, 1.0);
}

/* Glucose and insulin in the units the clinician chose; the others have one unit. */
static double
to_display (GtwMechanismMap *self,
            GtwMechNode      node,
            double           value)
{
  switch (nodes[node].format)
    {
    case FORMAT_GLUCOSE: return gtw_glucose_convert (value, self->glucose_unit);
    case FORMAT_INSULIN: return gtw_insulin_convert (value, self->insulin_unit);
    default: return value;
    }
}

static char *
format_value (GtwMechanismMap *self,
              GtwMechNode      node,
              double           value)
{
  value = to_display (self, node, value);
  switch (nodes[node].format)
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

static const char *
history_unit (GtwMechanismMap *self,
              GtwMechNode      node)
{
  switch (nodes[node].format)
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

/* The day shown, or -1 without data. */
static int
shown_day (GtwMechanismMap *self)
{
  guint n;

  if (self->trace == NULL || (n = gtw_trace_get_n_days (self->trace)) == 0)
    return -1;
  if (self->day < 0 || (guint) self->day >= n)
    return (int) n - 1;
  return self->day;
}

static guint
badges_on (GtwMechanismMap     *self,
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
/* Colours                                                                                  */

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

typedef struct
{
  GdkRGBA fg;
  GdkRGBA card;
  GdkRGBA neutral;
  GdkRGBA good;
  GdkRGBA bad;
  GdkRGBA accent;
  double  edge_alpha; /* of the arrows, against fg */
  double  edge_width;
  double  tint;       /* how much of its level's colour a node's fill takes */
  double  border;
} Palette;

static void
get_palette (GtwMechanismMap *self,
             Palette         *p)
{
  /* Okabe & Ito's blue and orange: a diverging pair that survives colour blindness */
  if (is_dark ())
    *p = (Palette) {
      .fg = { 1, 1, 1, 0.92 },
      .card = { 0x36 / 255., 0x36 / 255., 0x36 / 255., 1 },
      .neutral = { 0x9a / 255., 0x99 / 255., 0x96 / 255., 1 },
      .good = { 0x56 / 255., 0xB4 / 255., 0xE9 / 255., 1 },
      .bad = { 0xE6 / 255., 0x9F / 255., 0x00 / 255., 1 },
      .accent = { 0x78 / 255., 0xae / 255., 0xed / 255., 1 },
    };
  else
    *p = (Palette) {
      .fg = { 0, 0, 0, 0.82 },
      .card = { 1, 1, 1, 1 },
      .neutral = { 0x9a / 255., 0x99 / 255., 0x96 / 255., 1 },
      .good = { 0x00 / 255., 0x72 / 255., 0xB2 / 255., 1 },
      .bad = { 0xD5 / 255., 0x5E / 255., 0x00 / 255., 1 },
      .accent = { 0x1c / 255., 0x71 / 255., 0xd8 / 255., 1 },
    };
  p->edge_alpha = 0.6;
  p->edge_width = 2.4;
  p->tint = 0.16;
  p->border = 2.5;
  if (!self->presentation || !self->high_contrast)
    return;
  /* for a projector: opaque text and arrows, a neutral that stands off the card, and fills
   * that say their level from the back of the room */
  p->fg.alpha = 1;
  p->neutral = is_dark () ? (GdkRGBA) { 0xc0 / 255., 0xbf / 255., 0xbc / 255., 1 }
                          : (GdkRGBA) { 0x6e / 255., 0x6d / 255., 0x71 / 255., 1 };
  p->edge_alpha = 1;
  p->edge_width = 3.2;
  p->tint = 0.22;
  p->border = 3.5;
}

/* Presentation mode and small sizes leave out the subtitles and enlarge the rest. */
static gboolean
is_compact (GtwMechanismMap *self)
{
  return self->presentation || self->scale < COMPACT_SCALE;
}

static GdkRGBA
mix (const GdkRGBA *a,
     const GdkRGBA *b,
     double         t)
{
  return (GdkRGBA) { a->red + (b->red - a->red) * t, a->green + (b->green - a->green) * t,
                     a->blue + (b->blue - a->blue) * t, a->alpha + (b->alpha - a->alpha) * t };
}

static GdkRGBA
score_colour (const Palette *p,
              double         score)
{
  if (score < 0)
    return mix (&p->neutral, &p->good, -score);
  return mix (&p->neutral, &p->bad, score);
}

/* ---------------------------------------------------------------------------------------- */
/* Geometry                                                                                 */

static graphene_rect_t
node_rect (GtwMechNode node)
{
  const NodeInfo *n = &nodes[node];

  return GRAPHENE_RECT_INIT (n->x - n->width / 2, n->y - NODE_H / 2, n->width, NODE_H);
}

static void
anchor (GtwMechNode node,
        Side        side,
        double      pos,
        double     *x,
        double     *y,
        double     *nx,
        double     *ny)
{
  graphene_rect_t r = node_rect (node);

  switch (side)
    {
    case SIDE_TOP:
      *x = r.origin.x + pos * r.size.width, *y = r.origin.y, *nx = 0, *ny = -1;
      break;
    case SIDE_BOTTOM:
      *x = r.origin.x + pos * r.size.width, *y = r.origin.y + r.size.height, *nx = 0, *ny = 1;
      break;
    case SIDE_LEFT:
      *x = r.origin.x, *y = r.origin.y + pos * r.size.height, *nx = -1, *ny = 0;
      break;
    case SIDE_RIGHT:
    default:
      *x = r.origin.x + r.size.width, *y = r.origin.y + pos * r.size.height, *nx = 1, *ny = 0;
      break;
    }
}

static void
update_placement (GtwMechanismMap *self,
                  double           width,
                  double           height)
{
  self->scale = MAX (MIN (width / CANVAS_W, height / CANVAS_H), 0.05);
  self->origin_x = (width - CANVAS_W * self->scale) / 2;
  self->origin_y = (height - CANVAS_H * self->scale) / 2;
}

static int
node_at (GtwMechanismMap *self,
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

/* ---------------------------------------------------------------------------------------- */
/* Drawing the diagram                                                                      */

static void
set_source (cairo_t       *cr,
            const GdkRGBA *c)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha);
}

static void
rounded_rect (cairo_t               *cr,
              const graphene_rect_t *r,
              double                 radius)
{
  double x = r->origin.x, y = r->origin.y, w = r->size.width, h = r->size.height;

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + w - radius, y + h - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + h - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* A layout of @text in the widget's font at @size canvas units. */
static PangoLayout *
make_layout (GtwMechanismMap *self,
             const char      *text,
             double           size,
             gboolean         bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  const PangoFontDescription *base = pango_context_get_font_description (pango_layout_get_context (layout));
  g_autoptr (PangoFontDescription) desc = base ? pango_font_description_copy (base)
                                               : pango_font_description_new ();

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, desc);
  return layout;
}

/* Draws @text centred on @cx with its top at @y, at most @max_width wide. */
static double
draw_text (GtwMechanismMap *self,
           cairo_t         *cr,
           const char      *text,
           double           size,
           gboolean         bold,
           double           cx,
           double           y,
           double           max_width)
{
  g_autoptr (PangoLayout) layout = make_layout (self, text, size, bold);
  int w, h;

  pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, cx - w / 2.0, y);
  pango_cairo_show_layout (cr, layout);
  return h;
}

static void
draw_edge (cairo_t       *cr,
           const Edge    *e,
           const Palette *p)
{
  double x0, y0, nx0, ny0, x1, y1, nx1, ny1, d, angle;
  GdkRGBA c = p->fg;

  anchor (e->from, e->from_side, e->from_pos, &x0, &y0, &nx0, &ny0);
  anchor (e->to, e->to_side, e->to_pos, &x1, &y1, &nx1, &ny1);
  /* leave room for the head, which points against the target side's normal */
  x1 += nx1 * 5, y1 += ny1 * 5;
  d = MAX (hypot (x1 - x0, y1 - y0) * 0.45, 8.0);
  if (e->from_side == SIDE_TOP && e->to_side == SIDE_TOP)
    d = 60; /* the arc over a row */

  c.alpha *= p->edge_alpha;
  set_source (cr, &c);
  cairo_set_line_width (cr, p->edge_width);
  cairo_move_to (cr, x0, y0);
  cairo_curve_to (cr, x0 + nx0 * d, y0 + ny0 * d, x1 + nx1 * d, y1 + ny1 * d, x1, y1);
  cairo_stroke (cr);

  angle = atan2 (-ny1, -nx1);
  cairo_save (cr);
  cairo_translate (cr, x1, y1);
  cairo_rotate (cr, angle);
  if (e->blocks)
    {
      cairo_set_line_width (cr, 3.6);
      cairo_move_to (cr, 0, -9);
      cairo_line_to (cr, 0, 9);
      cairo_stroke (cr);
    }
  else
    {
      cairo_move_to (cr, 5, 0);
      cairo_line_to (cr, -8, -7);
      cairo_line_to (cr, -8, 7);
      cairo_close_path (cr);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

static void
draw_badges (GtwMechanismMap *self,
             cairo_t         *cr,
             GtwMechNode      node,
             int              day)
{
  GtwInterventionType types[MAX_BADGES];
  guint n = badges_on (self, node, day, types, MAX_BADGES);
  graphene_rect_t r = node_rect (node);
  double y = r.origin.y + r.size.height + BADGE_GAP;
  gboolean dark = is_dark ();

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (PangoLayout) layout = make_layout (self, gtw_intervention_style_short_label (types[i]),
                                                    is_compact (self) ? 15 : 13.5, TRUE);
      GdkRGBA fill, text;
      graphene_rect_t b;
      int w, h;

      pango_layout_set_width (layout, (int) ((BADGE_MAX_W - 16) * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (layout, &w, &h);
      gtw_intervention_style_colors (types[i], dark, &fill, &text);
      b = GRAPHENE_RECT_INIT (nodes[node].x - (w + 16) / 2.0, y, w + 16, BADGE_H);
      rounded_rect (cr, &b, BADGE_H / 2);
      set_source (cr, &fill);
      cairo_fill (cr);
      /* the badge hangs from its node */
      cairo_move_to (cr, nodes[node].x, y);
      cairo_line_to (cr, nodes[node].x, y - BADGE_GAP);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
      set_source (cr, &text);
      cairo_move_to (cr, b.origin.x + 8, y + (BADGE_H - h) / 2);
      pango_cairo_show_layout (cr, layout);
      y += BADGE_H + BADGE_GAP;
    }
}

static void
draw_node (GtwMechanismMap *self,
           cairo_t         *cr,
           GtwMechNode      node,
           int              day,
           const Palette   *p)
{
  const NodeInfo *n = &nodes[node];
  graphene_rect_t r = node_rect (node);
  gboolean has_data = day >= 0;
  double value = has_data ? node_value (node, self->trace, (guint) day) : NAN;
  double score = has_data ? node_score (node, value) : 0;
  GdkRGBA level = has_data ? score_colour (p, score) : p->neutral;
  GdkRGBA tint = mix (&p->card, &level, p->tint);
  GdkRGBA track = p->fg;
  double y = r.origin.y + 7, gauge_x = r.origin.x + 12, gauge_w = r.size.width - 24;
  double gauge_y = r.origin.y + r.size.height - 15;
  gboolean selected = (int) node == self->selected;
  gboolean compact = is_compact (self);

  rounded_rect (cr, &r, NODE_RADIUS);
  set_source (cr, &tint);
  cairo_fill_preserve (cr);
  set_source (cr, &level);
  cairo_set_line_width (cr, p->border);
  cairo_stroke (cr);

  if (selected || ((int) node == self->focus_node && gtk_widget_has_visible_focus (GTK_WIDGET (self))))
    {
      graphene_rect_t ring;

      graphene_rect_inset_r (&r, -5, -5, &ring);
      rounded_rect (cr, &ring, NODE_RADIUS + 5);
      set_source (cr, &p->accent);
      cairo_set_line_width (cr, selected ? 3.5 : 2);
      if (!selected)
        cairo_set_dash (cr, (double[]) { 6, 4 }, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  set_source (cr, &p->fg);
  if (compact)
    y += 4;
  y += draw_text (self, cr, _(n->title), compact ? 17.5 : 16.5, TRUE, n->x, y, r.size.width - 10);
  if (n->subtitle != NULL && !compact)
    {
      GdkRGBA dim = p->fg;

      dim.alpha *= 0.7;
      set_source (cr, &dim);
      y += draw_text (self, cr, _(n->subtitle), 12, FALSE, n->x, y, r.size.width - 10);
    }
  set_source (cr, &p->fg);
  if (has_data)
    {
      g_autofree char *text = format_value (self, node, value);

      draw_text (self, cr, text, compact ? 18 : 15, FALSE, n->x, y + 1, r.size.width - 10);
    }

  /* the gauge: the level filled, the healthy reference as a tick */
  track.alpha = 0.14;
  set_source (cr, &track);
  cairo_rectangle (cr, gauge_x, gauge_y, gauge_w, 8);
  cairo_fill (cr);
  if (has_data)
    {
      set_source (cr, &level);
      cairo_rectangle (cr, gauge_x, gauge_y, gauge_w * CLAMP (value / n->max, 0.0, 1.0), 8);
      cairo_fill (cr);
    }
  set_source (cr, &p->fg);
  cairo_set_line_width (cr, 2);
  cairo_move_to (cr, gauge_x + gauge_w * n->ref / n->max, gauge_y - 3);
  cairo_line_to (cr, gauge_x + gauge_w * n->ref / n->max, gauge_y + 11);
  cairo_stroke (cr);
}

/* The day and stage at the top left, the legend at the bottom left. */
static void
draw_frame (GtwMechanismMap *self,
            cairo_t         *cr,
            int              day,
            const Palette   *p)
{
  g_autoptr (PangoLayout) title = NULL;
  double size = is_compact (self) ? 16 : 13;
  g_autoptr (PangoLayout) better = make_layout (self, _("better than healthy"), size, FALSE);
  g_autoptr (PangoLayout) impaired = make_layout (self, _("impaired"), size, FALSE);
  g_autoptr (PangoLayout) drives = make_layout (self, _("drives"), size, FALSE);
  g_autoptr (PangoLayout) blocks = make_layout (self, _("blocks"), size, FALSE);
  g_autoptr (PangoLayout) tick = make_layout (self, _("healthy reference"), size, FALSE);
  double x = 14, y = CANVAS_H - 62;
  int w, h;

  set_source (cr, &p->fg);
  if (day >= 0)
    {
      g_autofree char *date = gtw_intervention_style_format_day (day);
      const GtwDayRecord *r = gtw_trace_get_day (self->trace, (guint) day);
      /* TRANSLATORS: the map's heading, "Year 8, month 1 · Prediabetes" */
      g_autofree char *text = g_strdup_printf (_("%s · %s"), date, gtw_stage_label (r->stage));

      title = make_layout (self, text, size + 6, TRUE);
    }
  else
    title = make_layout (self, _("No run yet"), size + 6, TRUE);
  cairo_move_to (cr, 14, 8);
  pango_cairo_show_layout (cr, title);

  /* colour scale: better than healthy, healthy (marked), impaired */
  pango_layout_get_pixel_size (better, &w, &h);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, better);
  x += w + 8;
  for (int i = 0; i <= 40; i++)
    {
      GdkRGBA c = score_colour (p, (i - 20) / 20.0);

      set_source (cr, &c);
      cairo_rectangle (cr, x + i * 5, y + 3, 5.5, h - 6);
      cairo_fill (cr);
    }
  set_source (cr, &p->fg);
  cairo_set_line_width (cr, 2);
  cairo_move_to (cr, x + 20 * 5 + 2.75, y);
  cairo_line_to (cr, x + 20 * 5 + 2.75, y + h);
  cairo_stroke (cr);
  x += 41 * 5 + 8;
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, impaired);

  /* the gauge's tick, arrows and bars */
  x = 14, y += h + 10;
  cairo_set_line_width (cr, 2);
  cairo_move_to (cr, x + 4, y + 2);
  cairo_line_to (cr, x + 4, y + h - 2);
  cairo_stroke (cr);
  cairo_move_to (cr, x + 14, y);
  pango_cairo_show_layout (cr, tick);
  pango_layout_get_pixel_size (tick, &w, NULL);
  x += 14 + w + 22;
  cairo_set_line_width (cr, 2.4);
  cairo_move_to (cr, x, y + h / 2.0);
  cairo_line_to (cr, x + 22, y + h / 2.0);
  cairo_stroke (cr);
  cairo_move_to (cr, x + 30, y + h / 2.0);
  cairo_line_to (cr, x + 20, y + h / 2.0 - 6);
  cairo_line_to (cr, x + 20, y + h / 2.0 + 6);
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_move_to (cr, x + 36, y);
  pango_cairo_show_layout (cr, drives);
  pango_layout_get_pixel_size (drives, &w, NULL);
  x += 36 + w + 22;
  cairo_move_to (cr, x, y + h / 2.0);
  cairo_line_to (cr, x + 26, y + h / 2.0);
  cairo_stroke (cr);
  cairo_set_line_width (cr, 3.6);
  cairo_move_to (cr, x + 27, y + 2);
  cairo_line_to (cr, x + 27, y + h - 2);
  cairo_stroke (cr);
  cairo_move_to (cr, x + 36, y);
  pango_cairo_show_layout (cr, blocks);
}

static void
gtw_mechanism_map_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  GtwMechanismMap *self = GTW_MECHANISM_MAP (widget);
  int height = gtk_widget_get_height (widget);
  int day = shown_day (self);
  Palette p;
  cairo_t *cr;

  if (self->map_width < 10 || height < 10)
    return;
  get_palette (self, &p);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, self->map_width, height));
  cairo_translate (cr, self->origin_x, self->origin_y);
  cairo_scale (cr, self->scale, self->scale);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint i = 0; i < G_N_ELEMENTS (edges); i++)
    draw_edge (cr, &edges[i], &p);
  for (int i = 0; i < GTW_MECH_N_NODES; i++)
    {
      draw_node (self, cr, i, day, &p);
      draw_badges (self, cr, i, day);
    }
  draw_frame (self, cr, day, &p);
  cairo_destroy (cr);

  if (!gtk_widget_get_visible (self->panel))
    return;
  /* floating over the map, the card's translucent dark background needs a floor */
  if (self->panel_area.origin.x < self->map_width)
    {
      GdkRGBA floor = is_dark () ? (GdkRGBA) { 0x24 / 255., 0x24 / 255., 0x24 / 255., 1 }
                                 : (GdkRGBA) { 0xfa / 255., 0xfa / 255., 0xfa / 255., 1 };
      GskRoundedRect clip;

      gsk_rounded_rect_init_from_rect (&clip, &self->panel_area, NODE_RADIUS);
      gtk_snapshot_push_rounded_clip (snapshot, &clip);
      gtk_snapshot_append_color (snapshot, &floor, &self->panel_area);
      gtk_snapshot_pop (snapshot);
    }
  gtk_widget_snapshot_child (widget, self->panel, snapshot);
}

/* ---------------------------------------------------------------------------------------- */
/* The node's history, drawn with PLplot                                                    */

static void
plot_series (GtwMechanismMap *self,
             const GtwTrace  *trace,
             GtwMechNode      node)
{
  guint n = gtw_trace_get_n_days (trace);
  g_autofree PLFLT *x = g_new (PLFLT, n);
  g_autofree PLFLT *y = g_new (PLFLT, n);

  for (guint d = 0; d < n; d++)
    {
      x[d] = d / 365.25;
      y[d] = to_display (self, node, node_value (node, trace, d));
    }
  plline ((PLINT) n, x, y);
}

static void
series_range (GtwMechanismMap *self,
              const GtwTrace  *trace,
              GtwMechNode      node,
              double          *lo,
              double          *hi)
{
  for (guint d = 0; trace != NULL && d < gtw_trace_get_n_days (trace); d++)
    {
      double v = to_display (self, node, node_value (node, trace, d));

      *lo = MIN (*lo, v);
      *hi = MAX (*hi, v);
    }
}

static void
draw_history (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        data)
{
  GtwMechanismMap *self = data;
  int node = self->selected;
  int day = shown_day (self);
  gboolean with_base = self->baseline != NULL && gtw_trace_get_n_days (self->baseline) > 0
                       && gtw_trace_has_interventions (self->trace);
  double ref = to_display (self, node, nodes[node].ref);
  double lo, hi, years, pad, mm = 25.4 / 72.0;
  GtwPlotTheme theme;
  Palette p;
  GdkRGBA faint;

  if (day < 0 || node < 0 || !gtw_figure_available (NULL) || width < 80 || height < 60)
    return;
  get_palette (self, &p);
  lo = hi = ref;
  series_range (self, self->trace, node, &lo, &hi);
  if (with_base)
    series_range (self, self->baseline, node, &lo, &hi);
  pad = MAX ((hi - lo) * 0.08, fabs (hi) * 0.02 + 1e-3);
  lo = MAX (lo - pad, 0.0); /* no level is negative */
  hi += pad;
  years = MAX (gtw_trace_get_n_days (self->trace), 2) / 365.25;

  /* the chart's text, axes and grid; the map's blue and orange for the run and the day */
  gtw_plot_theme_init (&theme, self->presentation && self->high_contrast);
  faint = theme.foreground, faint.alpha = 0.35;
  gtw_plot_theme_begin (cr, width, height,
                        (GdkRGBA[]) { p.card, theme.foreground, faint, p.good, p.bad, theme.grid }, 6,
                        1.25);
  plsvpa (62 * mm, (width - 12) * mm, 46 * mm, (height - 10) * mm);
  plwind (0, years, lo, hi);
  plcol0 (5);
  plbox ("g", 0, 0, "g", 0, 0);
  plcol0 (1);
  plwidth (1);
  plbox ("bcnst", 0, 0, "bcnstv", 0, 0);
  pllab (_("Years"), history_unit (self, node), "");

  /* the healthy reference, dashed */
  pllsty (2);
  plcol0 (2);
  pljoin (0, ref, years, ref);
  pllsty (1);
  if (with_base)
    {
      plwidth (2);
      plcol0 (2);
      plot_series (self, self->baseline, node);
    }
  plwidth (3);
  plcol0 (3);
  plot_series (self, self->trace, node);
  plcol0 (4);
  plwidth (2);
  pljoin (day / 365.25, lo, day / 365.25, hi);
  plpoin (1, (PLFLT[]) { day / 365.25 },
          (PLFLT[]) { to_display (self, node, node_value (node, self->trace, (guint) day)) }, 17);
  gtw_plot_theme_end (cr);
}

/* ---------------------------------------------------------------------------------------- */
/* Selection and text                                                                       */

static void
update_panel (GtwMechanismMap *self)
{
  int day = shown_day (self);

  gtk_widget_set_visible (self->panel, self->selected >= 0);
  if (self->selected < 0)
    return;
  gtk_label_set_label (GTK_LABEL (self->panel_title), _(nodes[self->selected].title));
  gtk_label_set_label (GTK_LABEL (self->panel_text), _(nodes[self->selected].explanation));
  if (day >= 0)
    {
      g_autofree char *value = format_value (self, self->selected,
                                             node_value (self->selected, self->trace, (guint) day));
      g_autofree char *date = gtw_intervention_style_format_day (day);
      /* TRANSLATORS: a node's level on a day, "72 % of healthy on Year 8, month 1" */
      g_autofree char *text = g_strdup_printf (_("%s on %s"), value, date);

      gtk_label_set_label (GTK_LABEL (self->panel_value), text);
    }
  else
    gtk_label_set_label (GTK_LABEL (self->panel_value), "");
  gtk_widget_queue_draw (self->history);
}

/* What is drawn, in words: the day, every node's level and the badges. */
static void
update_description (GtwMechanismMap *self)
{
  g_autoptr (GString) text = g_string_new (NULL);
  int day = shown_day (self);

  if (day < 0)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("The insulin signalling cascade; no run yet."), -1);
      return;
    }
  {
    g_autofree char *date = gtw_intervention_style_format_day (day);

    /* TRANSLATORS: the start of the mechanism map's description for screen readers */
    g_string_append_printf (text, _("The insulin signalling cascade on %s."), date);
  }
  for (int i = 0; i < GTW_MECH_N_NODES; i++)
    {
      GtwInterventionType types[MAX_BADGES];
      g_autofree char *value = format_value (self, i, node_value (i, self->trace, (guint) day));
      guint n = badges_on (self, i, day, types, MAX_BADGES);

      g_string_append_printf (text, " %s: %s", _(nodes[i].title), value);
      for (guint k = 0; k < n; k++)
        g_string_append_printf (text, k == 0 ? " (%s" : ", %s",
                                _(gtw_intervention_class (types[k])->label));
      g_string_append (text, n > 0 ? ")." : ".");
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text->str, -1);
}

static void
refresh (GtwMechanismMap *self)
{
  update_panel (self);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The nearest node in the arrow's direction, the other axis counting threefold. */
static int
neighbour (int    from,
           double dx,
           double dy)
{
  int best = -1;
  double best_cost = G_MAXDOUBLE;

  for (int i = 0; i < GTW_MECH_N_NODES; i++)
    {
      double ax = nodes[i].x - nodes[from].x, ay = nodes[i].y - nodes[from].y;
      double along = ax * dx + ay * dy, across = fabs (ax * dy - ay * dx);

      if (i == from || along <= 1)
        continue;
      if (along + 3 * across < best_cost)
        best = i, best_cost = along + 3 * across;
    }
  return best;
}

static gboolean
on_key_pressed (GtkEventControllerKey *keys,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtwMechanismMap       *self)
{
  int next = -1;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;
  if (self->focus_node < 0)
    self->focus_node = self->selected >= 0 ? self->selected : GTW_MECH_NODE_INSULIN;

  switch (keyval)
    {
    case GDK_KEY_Left: case GDK_KEY_KP_Left: next = neighbour (self->focus_node, -1, 0); break;
    case GDK_KEY_Right: case GDK_KEY_KP_Right: next = neighbour (self->focus_node, 1, 0); break;
    case GDK_KEY_Up: case GDK_KEY_KP_Up: next = neighbour (self->focus_node, 0, -1); break;
    case GDK_KEY_Down: case GDK_KEY_KP_Down: next = neighbour (self->focus_node, 0, 1); break;
    case GDK_KEY_Return: case GDK_KEY_KP_Enter: case GDK_KEY_space: case GDK_KEY_KP_Space:
      gtw_mechanism_map_select_node (self, self->focus_node);
      return TRUE;
    case GDK_KEY_Escape:
      if (self->selected < 0)
        return FALSE;
      gtw_mechanism_map_select_node (self, -1);
      return TRUE;
    default:
      return FALSE;
    }
  if (next >= 0)
    {
      self->focus_node = next;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  return TRUE;
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            GtwMechanismMap *self)
{
  int node;

  if (graphene_rect_contains_point (&self->panel_area, &GRAPHENE_POINT_INIT (x, y)))
    return;
  node = node_at (self, x, y);
  if (node < 0)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  self->focus_node = node;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  gtw_mechanism_map_select_node (self, node);
}

static void
on_close_clicked (GtwMechanismMap *self)
{
  gtw_mechanism_map_select_node (self, -1);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
on_dark_changed (GtwMechanismMap *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
  gtk_widget_queue_draw (self->history);
}

/* ---------------------------------------------------------------------------------------- */
/* GtkWidget                                                                                */

static void
gtw_mechanism_map_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  GtwMechanismMap *self = GTW_MECHANISM_MAP (widget);
  int panel_min = 0, panel_nat = 0;

  if (gtk_widget_get_visible (self->panel))
    gtk_widget_measure (self->panel, orientation,
                        orientation == GTK_ORIENTATION_VERTICAL ? PANEL_W : -1,
                        &panel_min, &panel_nat, NULL, NULL);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MAX (480, panel_min > 0 ? PANEL_W + 2 * PANEL_MARGIN : 0);
      *natural = (int) CANVAS_W + (panel_min > 0 ? PANEL_W + 2 * PANEL_MARGIN : 0);
    }
  else
    {
      *minimum = MAX (360, panel_min + 2 * PANEL_MARGIN);
      *natural = MAX ((int) CANVAS_H, panel_nat + 2 * PANEL_MARGIN);
    }
}

static void
gtw_mechanism_map_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  GtwMechanismMap *self = GTW_MECHANISM_MAP (widget);
  int panel_w = MIN (PANEL_W, width - 2 * PANEL_MARGIN), panel_h, unused;

  self->map_width = width;
  self->panel_area = GRAPHENE_RECT_INIT (0, 0, 0, 0);
  if (gtk_widget_get_visible (self->panel))
    {
      gtk_widget_measure (self->panel, GTK_ORIENTATION_VERTICAL, panel_w, &panel_h, &unused, NULL, NULL);
      self->panel_area = GRAPHENE_RECT_INIT (width - panel_w - PANEL_MARGIN, PANEL_MARGIN, panel_w, panel_h);
      if (width - panel_w - 2 * PANEL_MARGIN >= MIN_SIDE_MAP)
        self->map_width = width - panel_w - 2 * PANEL_MARGIN;
      gtk_widget_size_allocate (self->panel,
                                &(GtkAllocation) { width - panel_w - PANEL_MARGIN, PANEL_MARGIN,
                                                   panel_w, panel_h },
                                -1);
    }
  update_placement (self, self->map_width, height);
}

static gboolean
gtw_mechanism_map_focus (GtkWidget        *widget,
                         GtkDirectionType  direction)
{
  GtwMechanismMap *self = GTW_MECHANISM_MAP (widget);

  /* the map is one tab stop; the panel's close button is the next */
  if (!gtk_widget_has_focus (widget) && !gtk_widget_get_focus_child (widget))
    {
      if (direction == GTK_DIR_TAB_BACKWARD && gtk_widget_get_visible (self->panel)
          && gtk_widget_child_focus (self->panel, direction))
        return TRUE;
      return gtk_widget_grab_focus (widget);
    }
  if (gtk_widget_has_focus (widget) && direction == GTK_DIR_TAB_FORWARD && gtk_widget_get_visible (self->panel))
    return gtk_widget_child_focus (self->panel, direction);
  if (gtk_widget_get_focus_child (widget) && gtk_widget_child_focus (self->panel, direction))
    return TRUE;
  if (gtk_widget_get_focus_child (widget) && direction == GTK_DIR_TAB_BACKWARD)
    return gtk_widget_grab_focus (widget);
  return FALSE;
}

static void
gtw_mechanism_map_dispose (GObject *object)
{
  GtwMechanismMap *self = GTW_MECHANISM_MAP (object);

  g_clear_pointer (&self->panel, gtk_widget_unparent);
  g_clear_pointer (&self->trace, gtw_trace_unref);
  g_clear_pointer (&self->baseline, gtw_trace_unref);
  G_OBJECT_CLASS (gtw_mechanism_map_parent_class)->dispose (object);
}

static void
gtw_mechanism_map_class_init (GtwMechanismMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gtw_mechanism_map_dispose;
  widget_class->snapshot = gtw_mechanism_map_snapshot;
  widget_class->measure = gtw_mechanism_map_measure;
  widget_class->size_allocate = gtw_mechanism_map_size_allocate;
  widget_class->focus = gtw_mechanism_map_focus;
  gtk_widget_class_set_css_name (widget_class, "gtw-mechanism-map");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkWidget *
make_panel (GtwMechanismMap *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *close = gtk_button_new_from_icon_name ("window-close-symbolic");
  GtkWidget *caption;

  gtk_widget_add_css_class (box, "card");

  self->panel_title = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->panel_title, "title-2");
  gtk_label_set_xalign (GTK_LABEL (self->panel_title), 0);
  gtk_label_set_wrap (GTK_LABEL (self->panel_title), TRUE);
  gtk_widget_set_hexpand (self->panel_title, TRUE);
  gtk_box_append (GTK_BOX (header), self->panel_title);

  gtk_widget_add_css_class (close, "flat");
  gtk_widget_add_css_class (close, "circular");
  gtk_widget_set_valign (close, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (close, _("Close"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (close), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Close"), -1);
  g_signal_connect_swapped (close, "clicked", G_CALLBACK (on_close_clicked), self);
  gtk_box_append (GTK_BOX (header), close);
  gtk_box_append (GTK_BOX (box), header);

  self->panel_value = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->panel_value, "heading");
  gtk_label_set_xalign (GTK_LABEL (self->panel_value), 0);
  gtk_label_set_wrap (GTK_LABEL (self->panel_value), TRUE);
  gtk_box_append (GTK_BOX (box), self->panel_value);

  self->panel_text = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->panel_text, "body");
  gtk_label_set_xalign (GTK_LABEL (self->panel_text), 0);
  gtk_label_set_wrap (GTK_LABEL (self->panel_text), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->panel_text), 40);
  gtk_box_append (GTK_BOX (box), self->panel_text);

  self->history = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->history), HISTORY_H);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->history), draw_history, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->history), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The level over the whole run"), -1);
  gtk_box_append (GTK_BOX (box), self->history);

  caption = gtk_label_new (_("Blue line: this run. Faint line: without the interventions. "
                             "Dashed: healthy. The orange mark is the day shown."));
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_box_append (GTK_BOX (box), caption);

  for (GtkWidget *c = gtk_widget_get_first_child (box); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (c != header)
      g_object_set (c, "margin-start", 16, "margin-end", 16, NULL);
  g_object_set (header, "margin-start", 16, "margin-end", 8, "margin-top", 10, NULL);
  gtk_widget_set_margin_bottom (caption, 14);
  return box;
}

static void
gtw_mechanism_map_init (GtwMechanismMap *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->day = -1;
  self->selected = -1;
  self->focus_node = -1;
  self->scale = 1;
  self->high_contrast = TRUE;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);

  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  self->panel = make_panel (self);
  gtk_widget_set_parent (self->panel, GTK_WIDGET (self));
  gtk_widget_set_visible (self->panel, FALSE);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed), self, G_CONNECT_SWAPPED);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Mechanism map"), -1);
  update_description (self);
}

/* ---------------------------------------------------------------------------------------- */
/* Public API                                                                               */

GtwMechanismMap *
gtw_mechanism_map_new (void)
{
  return g_object_new (GTW_TYPE_MECHANISM_MAP, NULL);
}

void
gtw_mechanism_map_set_traces (GtwMechanismMap *self,
                              GtwTrace        *trace,
                              GtwTrace        *baseline)
{
  g_return_if_fail (GTW_IS_MECHANISM_MAP (self));

  if (trace != NULL)
    gtw_trace_ref (trace);
  if (baseline != NULL)
    gtw_trace_ref (baseline);
  g_clear_pointer (&self->trace, gtw_trace_unref);
  g_clear_pointer (&self->baseline, gtw_trace_unref);
  self->trace = trace;
  self->baseline = baseline;
  refresh (self);
}

void
gtw_mechanism_map_set_day (GtwMechanismMap *self,
                           int              day)
{
  g_return_if_fail (GTW_IS_MECHANISM_MAP (self));

  day = MAX (day, -1);
  if (day == self->day)
    return;
  self->day = day;
  refresh (self);
}

void
gtw_mechanism_map_set_units (GtwMechanismMap *self,
                             GtwGlucoseUnit   glucose,
                             GtwInsulinUnit   insulin)
{
  g_return_if_fail (GTW_IS_MECHANISM_MAP (self));

  if (glucose == self->glucose_unit && insulin == self->insulin_unit)
    return;
  self->glucose_unit = glucose;
  self->insulin_unit = insulin;
  refresh (self);
}

void
gtw_mechanism_map_set_presentation (GtwMechanismMap *self,
                                    gboolean         presentation)
{
  g_return_if_fail (GTW_IS_MECHANISM_MAP (self));

  presentation = !!presentation;
  if (presentation == self->presentation)
    return;
  self->presentation = presentation;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  gtk_widget_queue_draw (self->history);
}

gboolean
gtw_mechanism_map_get_presentation (GtwMechanismMap *self)
{
  g_return_val_if_fail (GTW_IS_MECHANISM_MAP (self), FALSE);
  return self->presentation;
}

void
gtw_mechanism_map_set_high_contrast (GtwMechanismMap *self,
                                     gboolean         high_contrast)
{
  g_return_if_fail (GTW_IS_MECHANISM_MAP (self));

  high_contrast = !!high_contrast;
  if (high_contrast == self->high_contrast)
    return;
  self->high_contrast = high_contrast;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  gtk_widget_queue_draw (self->history);
}

gboolean
gtw_mechanism_map_get_high_contrast (GtwMechanismMap *self)
{
  g_return_val_if_fail (GTW_IS_MECHANISM_MAP (self), FALSE);
  return self->high_contrast;
}

int
gtw_mechanism_map_get_selected_node (GtwMechanismMap *self)
{
  g_return_val_if_fail (GTW_IS_MECHANISM_MAP (self), -1);

  return self->selected;
}

void
gtw_mechanism_map_select_node (GtwMechanismMap *self,
                               int              node)
{
  g_return_if_fail (GTW_IS_MECHANISM_MAP (self));
  g_return_if_fail (node >= -1 && node < GTW_MECH_N_NODES);

  if (node >= 0)
    self->focus_node = node;
  if (node == self->selected)
    return;
  self->selected = node;
  update_panel (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

double
gtw_mechanism_map_get_node_value (GtwMechanismMap *self,
                                  GtwMechNode      node)
{
  int day;

  g_return_val_if_fail (GTW_IS_MECHANISM_MAP (self), NAN);
  g_return_val_if_fail (node < GTW_MECH_N_NODES, NAN);

  day = shown_day (self);
  return day < 0 ? NAN : to_display (self, node, node_value (node, self->trace, (guint) day));
}

gboolean
gtw_mechanism_map_get_node_bounds (GtwMechanismMap *self,
                                   GtwMechNode      node,
                                   graphene_rect_t *bounds)
{
  graphene_rect_t r;

  g_return_val_if_fail (GTW_IS_MECHANISM_MAP (self), FALSE);
  g_return_val_if_fail (node < GTW_MECH_N_NODES && bounds != NULL, FALSE);

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return FALSE;
  r = node_rect (node);
  *bounds = GRAPHENE_RECT_INIT (self->origin_x + r.origin.x * self->scale,
                                self->origin_y + r.origin.y * self->scale,
                                r.size.width * self->scale, r.size.height * self->scale);
  return TRUE;
}

guint
gtw_mechanism_map_get_badges (GtwMechanismMap     *self,
                              GtwMechNode          node,
                              GtwInterventionType *types,
                              guint                max_types)
{
  g_return_val_if_fail (GTW_IS_MECHANISM_MAP (self), 0);
  g_return_val_if_fail (node < GTW_MECH_N_NODES, 0);

  return badges_on (self, node, shown_day (self), types, max_types);
}

const char *
gtw_mech_node_title (GtwMechNode node)
{
  g_return_val_if_fail (node < GTW_MECH_N_NODES, NULL);
  return _(nodes[node].title);
}

const char *
gtw_mech_node_explanation (GtwMechNode node)
{
  g_return_val_if_fail (node < GTW_MECH_N_NODES, NULL);
  return _(nodes[node].explanation);
}
