/* gtw-markers-panel.c: the clinical markers of one day, against the baseline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Values arrive in the engine's SI units and are converted for display with gtw-units only.
 * Differences against the baseline are computed on the values as displayed (rounded), so the
 * sentence under a row never contradicts the numbers a clinician can read.
 */
#include "gtw-markers-panel.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

typedef enum
{
  MARKER_FASTING_GLUCOSE,
  MARKER_FASTING_INSULIN,
  MARKER_CPEPTIDE,
  MARKER_HOMA_IR,
  MARKER_HOMA_B,
  MARKER_HBA1C,
  MARKER_TG_HDL,
  MARKER_WEIGHT,
  N_VALUE_MARKERS,
  MARKER_STAGE = N_VALUE_MARKERS,
  N_MARKERS
} Marker;

static const struct
{
  const char *id;
  const char *title;
  const char *tooltip;
} marker_info[N_MARKERS] = {
  [MARKER_FASTING_GLUCOSE] = { "fasting-glucose", N_("Fasting glucose"),
                               N_("Plasma glucose just before breakfast. Normal below 5.6 mmol/L "
                                  "(100 mg/dL); diabetes from 7.0 mmol/L (126 mg/dL).") },
  [MARKER_FASTING_INSULIN] = { "fasting-insulin", N_("Fasting insulin"),
                               N_("Plasma insulin just before breakfast. Above 90 pmol/L "
                                  "(15 µU/mL) the pancreas is compensating for insulin resistance.") },
  [MARKER_CPEPTIDE] = { "cpeptide", N_("C-peptide"),
                        N_("Fasting C-peptide, released with insulin in equal amounts; it shows "
                           "what the beta cells secrete. Typical 0.26–1.03 nmol/L (0.8–3.1 ng/mL).") },
  [MARKER_HOMA_IR] = { "homa-ir", N_("HOMA-IR"),
                       N_("Insulin resistance from fasting glucose and insulin (Matthews 1985). "
                          "Above 2.5 is insulin resistant.") },
  [MARKER_HOMA_B] = { "homa-b",
                      /* xgettext:no-c-format */
                      N_("HOMA-%B"),
                      /* xgettext:no-c-format */
                      N_("Beta-cell function from fasting glucose and insulin, 100 % being the "
                         "healthy reference (Matthews 1985).") },
  [MARKER_HBA1C] = { "hba1c", N_("HbA1c"),
                     N_("Glycated haemoglobin, the mean glucose of the last three months. Normal "
                        "below 5.7 % (39 mmol/mol); diabetes from 6.5 % (48 mmol/mol).") },
  [MARKER_TG_HDL] = { "tg-hdl", N_("TG:HDL"),
                      N_("Fasting triglycerides over HDL cholesterol, a bedside marker of insulin "
                         "resistance: above 3.0 with both in mg/dL, above 1.3 with both in mmol/L.") },
  [MARKER_WEIGHT] = { "weight", N_("Weight"), N_("Body weight and body mass index.") },
  [MARKER_STAGE] = { "stage", N_("Stage"),
                     N_("The stage of the road to type 2 diabetes by fasting glucose, HbA1c and "
                        "insulin resistance (ADA 2024).") },
};

static const char *stage_classes[] = {
  [GTW_STAGE_NORMAL] = "normal",
  [GTW_STAGE_COMPENSATED_IR] = "compensated",
  [GTW_STAGE_PREDIABETES] = "prediabetes",
  [GTW_STAGE_DIABETES] = "diabetes",
};

typedef enum { LEVEL_NORMAL, LEVEL_RAISED, LEVEL_HIGH } Level;

/* A marker as displayed: its value in the display unit and how to write it. */
typedef struct
{
  double      value;
  int         digits;
  const char *unit;        /* after the value, "" for none */
  gboolean    points;      /* a difference is said in points (HbA1c %, HOMA-%B) */
  char       *hint;        /* the normal range */
  Level       level;
} Display;

struct _GtwMarkersPanel
{
  GtkWidget       parent_instance;

  GtkWidget      *box;
  GtkWidget      *title;
  GtkWidget      *stage_badge;
  GtkWidget      *stage_comparison;
  GtkWidget      *rows[N_VALUE_MARKERS];
  GtkWidget      *values[N_VALUE_MARKERS];
  GtkWidget      *hints[N_VALUE_MARKERS];
  GtkWidget      *ogtt_button;

  GtwDisplayUnits units;
  GtwMarkers      markers;
  GtwMarkers      baseline;
  gboolean        has_markers;
  gboolean        has_baseline;
  char           *row_text[N_MARKERS];

  /* the rows' comparisons not yet shown, NULL where the row shows its own */
  char           *pending_subtitle[N_VALUE_MARKERS];
  guint           subtitle_tick_id;
};

G_DEFINE_FINAL_TYPE (GtwMarkersPanel, gtw_markers_panel, GTK_TYPE_WIDGET)

enum { OGTT_REQUESTED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* mmol/L; below it HOMA-%B is not shown (see display_marker) */
#define HOMA_B_MIN_GLUCOSE 4.0

/* The ADA fasting glucose cut points as published in each unit: 100 mg/dL, not the 101 that
 * 5.6 mmol/L converts to. A clinician reads and classifies in the unit on the screen. */
typedef enum { FASTING_IMPAIRED, FASTING_DIABETES } GlucoseCut;

static const double glucose_cuts[][2] = {
  [FASTING_IMPAIRED] = { [GTW_GLUCOSE_MMOL] = 5.6, [GTW_GLUCOSE_MGDL] = 100 },
  [FASTING_DIABETES] = { [GTW_GLUCOSE_MMOL] = 7.0, [GTW_GLUCOSE_MGDL] = 126 },
};

static char *
format_value (double value,
              int    digits)
{
  /* g_strdup_printf honours LC_NUMERIC: a decimal comma where the user expects one. */
  return g_strdup_printf ("%.*f", digits, value);
}

static Level
level_above (double value,
             double raised,
             double high)
{
  if (value >= high)
    return LEVEL_HIGH;
  if (value >= raised)
    return LEVEL_RAISED;
  return LEVEL_NORMAL;
}

static void
display_marker (GtwMarkersPanel  *self,
                Marker            marker,
                const GtwMarkers *m,
                Display          *out)
{
  const GtwDisplayUnits *u = &self->units;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  *out = (Display) { 0 };
  switch (marker)
    {
    case MARKER_FASTING_GLUCOSE:
      out->value = gtw_glucose_convert (m->fasting_glucose, u->glucose);
      out->digits = u->glucose == GTW_GLUCOSE_MGDL ? 0 : 1;
      out->unit = gtw_glucose_unit_label (u->glucose);
      a = format_value (glucose_cuts[FASTING_IMPAIRED][u->glucose], out->digits);
      /* Translators: a normal range, "normal < 5.6" */
      out->hint = g_strdup_printf (_("normal < %s"), a);
      /* by the number shown: "100 mg/dL" is never coloured normal */
      out->level = level_above (gtw_round_as_shown (out->value, out->digits),
                                glucose_cuts[FASTING_IMPAIRED][u->glucose],
                                glucose_cuts[FASTING_DIABETES][u->glucose]);
      break;
    case MARKER_FASTING_INSULIN:
      out->value = gtw_insulin_convert (m->fasting_insulin, u->insulin);
      out->digits = u->insulin == GTW_INSULIN_UU ? 1 : 0;
      out->unit = gtw_insulin_unit_label (u->insulin);
      a = format_value (gtw_insulin_convert (90.0, u->insulin), 0);
      out->hint = g_strdup_printf (_("normal < %s"), a);
      out->level = level_above (m->fasting_insulin, 90.0, INFINITY);
      break;
    case MARKER_CPEPTIDE:
      out->value = gtw_cpeptide_convert (m->fasting_cpeptide, u->cpeptide);
      out->digits = u->cpeptide == GTW_CPEPTIDE_NGML ? 1 : 2;
      out->unit = gtw_cpeptide_unit_label (u->cpeptide);
      a = format_value (gtw_cpeptide_convert (0.26, u->cpeptide), out->digits);
      b = format_value (gtw_cpeptide_convert (1.03, u->cpeptide), out->digits);
      /* Translators: a typical range, "typical 0.26–1.03" */
      out->hint = g_strdup_printf (_("typical %s–%s"), a, b);
      out->level = level_above (m->fasting_cpeptide, 1.03, INFINITY);
      break;
    case MARKER_HOMA_IR:
      out->value = m->homa_ir;
      out->digits = 1;
      out->unit = "";
      a = format_value (2.5, 1);
      /* Translators: the HOMA-IR threshold, "resistant > 2.5" */
      out->hint = g_strdup_printf (_("resistant > %s"), a);
      out->level = m->homa_ir > 2.5 ? LEVEL_RAISED : LEVEL_NORMAL;
      break;
    case MARKER_HOMA_B:
      out->digits = 0;
      /* xgettext:no-c-format */
      out->unit = _("%");
      out->points = TRUE;
      /* The formula divides by (glucose - 3.5 mmol/L) (Matthews 1985): close to 3.5 it grows
       * without bound and says nothing about the beta cells, so it is not shown there. */
      if (m->fasting_glucose < HOMA_B_MIN_GLUCOSE)
        {
          out->value = NAN;
          a = format_value (gtw_glucose_convert (HOMA_B_MIN_GLUCOSE, u->glucose),
                            u->glucose == GTW_GLUCOSE_MGDL ? 0 : 1);
          /* Translators: why HOMA-%B is not shown, "not defined below 4.0" */
          out->hint = g_strdup_printf (_("not defined below %s"), a);
          break;
        }
      out->value = m->homa_b;
      /* Translators: HOMA-%B's healthy reference
       * xgettext:no-c-format */
      out->hint = g_strdup (_("reference 100 %"));
      break;
    case MARKER_HBA1C:
      out->value = gtw_hba1c_convert (m->hba1c, u->hba1c);
      out->digits = u->hba1c == GTW_HBA1C_MMOLMOL ? 0 : 1;
      out->unit = gtw_hba1c_unit_label (u->hba1c);
      out->points = u->hba1c == GTW_HBA1C_PERCENT;
      a = format_value (gtw_hba1c_convert (5.7, u->hba1c), out->digits);
      out->hint = g_strdup_printf (_("normal < %s"), a);
      out->level = level_above (gtw_round_as_shown (out->value, out->digits),
                                gtw_round_as_shown (gtw_hba1c_convert (5.7, u->hba1c), out->digits),
                                gtw_round_as_shown (gtw_hba1c_convert (6.5, u->hba1c), out->digits));
      break;
    case MARKER_TG_HDL:
      /* The ratio depends on the lipid units; follow the glucose unit, as labs do. */
      if (u->glucose == GTW_GLUCOSE_MGDL)
        {
          out->value = m->tg_hdl_mgdl;
          a = format_value (3.0, 1);
          out->level = m->tg_hdl_mgdl > 3.0 ? LEVEL_RAISED : LEVEL_NORMAL;
        }
      else
        {
          out->value = m->tg_hdl_mmol;
          a = format_value (1.3, 1);
          out->level = m->tg_hdl_mmol > 1.3 ? LEVEL_RAISED : LEVEL_NORMAL;
        }
      out->digits = 1;
      out->unit = "";
      out->hint = g_strdup_printf (_("resistant > %s"), a);
      break;
    case MARKER_WEIGHT:
      out->value = m->weight;
      out->digits = 1;
      out->unit = _("kg");
      a = format_value (m->bmi, 1);
      /* Translators: body mass index, "BMI 31.8" */
      out->hint = g_strdup_printf (_("BMI %s"), a);
      out->level = m->bmi >= 30.0 ? LEVEL_RAISED : LEVEL_NORMAL;
      break;
    case MARKER_STAGE:
    case N_MARKERS:
    default:
      g_assert_not_reached ();
    }
}

static char *
format_with_unit (double      value,
                  int         digits,
                  const char *unit)
{
  g_autofree char *number = format_value (value, digits);

  if (unit[0] == '\0')
    return g_steal_pointer (&number);
  /* Translators: a value and its unit, "5.4 mmol/L" */
  return g_strdup_printf (_("%s %s"), number, unit);
}

/* "HbA1c 0.6 points lower than without interventions" */
static char *
describe_change (Marker         marker,
                 const Display *now,
                 const Display *base)
{
  double scale = pow (10.0, now->digits);
  double delta = (round (now->value * scale) - round (base->value * scale)) / scale;
  const char *name = _(marker_info[marker].title);
  g_autofree char *amount = NULL;

  if (delta == 0.0)
    return g_strdup (_("No change"));

  if (now->points)
    {
      g_autofree char *number = format_value (fabs (delta), now->digits);
      /* Translators: a difference in percentage points, "0.6 points" */
      amount = g_strdup_printf (_("%s points"), number);
    }
  else
    amount = format_with_unit (fabs (delta), now->digits, now->unit);

  if (delta < 0.0)
    /* Translators: a marker's change against the baseline run,
     * "Fasting glucose 0.8 mmol/L lower than without interventions" */
    return g_strdup_printf (_("%1$s %2$s lower than without interventions"), name, amount);
  /* Translators: "Fasting glucose 0.8 mmol/L higher than without interventions" */
  return g_strdup_printf (_("%1$s %2$s higher than without interventions"), name, amount);
}

static void
set_level (GtkWidget *label,
           Level      level)
{
  gtk_widget_remove_css_class (label, "warning");
  gtk_widget_remove_css_class (label, "error");
  if (level == LEVEL_RAISED)
    gtk_widget_add_css_class (label, "warning");
  else if (level == LEVEL_HIGH)
    gtk_widget_add_css_class (label, "error");
}

static void
set_row_text (GtwMarkersPanel *self,
              Marker           marker,
              const char      *value,
              const char      *comparison)
{
  g_free (self->row_text[marker]);
  if (comparison != NULL && comparison[0] != '\0')
    self->row_text[marker] = g_strdup_printf ("%s\n%s", value, comparison);
  else
    self->row_text[marker] = g_strdup (value);
}

/* A row's subtitle is a wrapping label, and GTK 4.8 allocates one in a row by searching
 * through widths for its height: a new comparison costs some thirty text layouts. Changed
 * in one go while a run streams, the comparisons took a frame 15 to 30 ms of layout; on
 * screen they change a row a frame instead. */
static void
show_subtitle (GtwMarkersPanel *self,
               Marker           marker)
{
  g_autofree char *subtitle = g_steal_pointer (&self->pending_subtitle[marker]);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->rows[marker]), subtitle);
}

static gboolean
show_next_subtitle (GtkWidget     *widget,
                    GdkFrameClock *clock,
                    gpointer       user_data)
{
  GtwMarkersPanel *self = GTW_MARKERS_PANEL (widget);

  for (Marker i = 0; i < N_VALUE_MARKERS; i++)
    if (self->pending_subtitle[i] != NULL)
      {
        show_subtitle (self, i);
        return G_SOURCE_CONTINUE;
      }
  self->subtitle_tick_id = 0;
  return G_SOURCE_REMOVE;
}

static void
show_subtitles_now (GtwMarkersPanel *self)
{
  if (self->subtitle_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->subtitle_tick_id);
  self->subtitle_tick_id = 0;
  for (Marker i = 0; i < N_VALUE_MARKERS; i++)
    if (self->pending_subtitle[i] != NULL)
      show_subtitle (self, i);
}

void
gtw_markers_panel_flush (GtwMarkersPanel *self)
{
  g_return_if_fail (GTW_IS_MARKERS_PANEL (self));

  show_subtitles_now (self);
}

static void
set_subtitle (GtwMarkersPanel *self,
              Marker           marker,
              const char      *subtitle)
{
  g_clear_pointer (&self->pending_subtitle[marker], g_free);
  if (g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (self->rows[marker])), subtitle) == 0)
    return;
  self->pending_subtitle[marker] = g_strdup (subtitle);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    show_subtitles_now (self);
  else if (self->subtitle_tick_id == 0)
    self->subtitle_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), show_next_subtitle,
                                                            NULL, NULL);
}

static void
clear_markers (GtwMarkersPanel *self)
{
  gtk_label_set_text (GTK_LABEL (self->title), _("No results yet"));
  gtk_widget_set_visible (self->stage_badge, FALSE);
  gtk_label_set_text (GTK_LABEL (self->stage_comparison), "");
  gtk_widget_set_visible (self->stage_comparison, FALSE);
  for (Marker i = 0; i < N_VALUE_MARKERS; i++)
    {
      gtk_label_set_text (GTK_LABEL (self->values[i]), "—");
      gtk_label_set_text (GTK_LABEL (self->hints[i]), "");
      set_level (self->values[i], LEVEL_NORMAL);
      set_subtitle (self, i, "");
      set_row_text (self, i, "—", NULL);
    }
  set_row_text (self, MARKER_STAGE, "—", NULL);
  gtk_widget_set_sensitive (self->ogtt_button, FALSE);
}

/* by the values shown, as the colours: "7.0 mmol/L" never sits under a prediabetes badge */
static GtwStage
stage_as_shown (GtwMarkersPanel  *self,
                const GtwMarkers *m)
{
  return gtw_stage_classify_as_shown (m->fasting_glucose, m->hba1c, m->homa_ir,
                                      m->fasting_insulin, self->units.glucose, self->units.hba1c);
}

static void
update_stage (GtwMarkersPanel *self)
{
  GtwStage stage = stage_as_shown (self, &self->markers);
  GtwStage baseline = self->has_baseline ? stage_as_shown (self, &self->baseline) : stage;
  g_autofree char *comparison = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (stage_classes); i++)
    gtk_widget_remove_css_class (self->stage_badge, stage_classes[i]);
  gtk_widget_add_css_class (self->stage_badge, stage_classes[stage]);
  gtk_label_set_text (GTK_LABEL (self->stage_badge), gtw_stage_label (stage));
  gtk_widget_set_visible (self->stage_badge, TRUE);

  if (self->has_baseline && baseline == stage)
    comparison = g_strdup (_("Same stage as without interventions"));
  else if (self->has_baseline)
    /* Translators: %s is a stage, "Type 2 diabetes without interventions" */
    comparison = g_strdup_printf (_("%s without interventions"), gtw_stage_label (baseline));

  gtk_label_set_text (GTK_LABEL (self->stage_comparison), comparison);
  gtk_widget_set_visible (self->stage_comparison, comparison != NULL);
  set_row_text (self, MARKER_STAGE, gtw_stage_label (stage), comparison);
}

static void
update (GtwMarkersPanel *self)
{
  int day;
  g_autofree char *title = NULL;

  if (!self->has_markers)
    {
      clear_markers (self);
      return;
    }

  day = self->markers.day;
  /* Translators: the day the markers are for, counted from 1, "Year 4, day 112" */
  title = g_strdup_printf (_("Year %d, day %d"), day / 365 + 1, day % 365 + 1);
  gtk_label_set_text (GTK_LABEL (self->title), title);
  update_stage (self);

  for (Marker i = 0; i < N_VALUE_MARKERS; i++)
    {
      Display now, base = { 0 };
      g_autofree char *value = NULL;
      g_autofree char *comparison = NULL;

      display_marker (self, i, &self->markers, &now);
      /* Translators: a marker that cannot be computed for this day */
      value = isnan (now.value) ? g_strdup (_("—"))
                                : format_with_unit (now.value, now.digits, now.unit);
      if (self->has_baseline)
        {
          display_marker (self, i, &self->baseline, &base);
          if (!isnan (now.value) && !isnan (base.value))
            comparison = describe_change (i, &now, &base);
        }

      gtk_label_set_text (GTK_LABEL (self->values[i]), value);
      gtk_label_set_text (GTK_LABEL (self->hints[i]), now.hint);
      set_level (self->values[i], now.level);
      set_subtitle (self, i, comparison != NULL ? comparison : "");
      set_row_text (self, i, value, comparison);
      g_free (now.hint);
      g_free (base.hint);
    }
  gtk_widget_set_sensitive (self->ogtt_button, TRUE);
}

static void
on_ogtt_clicked (GtwMarkersPanel *self)
{
  g_return_if_fail (self->has_markers);

  g_signal_emit (self, signals[OGTT_REQUESTED], 0, self->markers.day);
}

static GtkWidget *
create_row (GtwMarkersPanel *self,
            Marker           marker)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *suffix = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  self->values[marker] = gtk_label_new ("—");
  self->hints[marker] = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->values[marker]), 1.0);
  gtk_label_set_xalign (GTK_LABEL (self->hints[marker]), 1.0);
  gtk_widget_add_css_class (self->values[marker], "heading");
  gtk_widget_add_css_class (self->values[marker], "numeric");
  gtk_widget_add_css_class (self->hints[marker], "caption");
  gtk_widget_add_css_class (self->hints[marker], "dim-label");
  gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (suffix), self->values[marker]);
  gtk_box_append (GTK_BOX (suffix), self->hints[marker]);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(marker_info[marker].title));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  gtk_widget_set_tooltip_text (row, _(marker_info[marker].tooltip));
  gtk_widget_set_name (row, marker_info[marker].id);
  self->rows[marker] = row;
  return row;
}

static GtkWidget *
create_header (GtwMarkersPanel *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  self->title = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->title), 0.0);
  gtk_widget_add_css_class (self->title, "title-3");
  gtk_box_append (GTK_BOX (header), self->title);

  self->stage_badge = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->stage_badge), TRUE);
  gtk_widget_set_halign (self->stage_badge, GTK_ALIGN_START);
  gtk_widget_add_css_class (self->stage_badge, "gtw-stage-badge");
  gtk_widget_set_tooltip_text (self->stage_badge, _(marker_info[MARKER_STAGE].tooltip));
  gtk_box_append (GTK_BOX (header), self->stage_badge);

  self->stage_comparison = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->stage_comparison), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->stage_comparison), 0.0);
  gtk_widget_add_css_class (self->stage_comparison, "caption");
  gtk_widget_add_css_class (self->stage_comparison, "dim-label");
  gtk_box_append (GTK_BOX (header), self->stage_comparison);
  return header;
}

static void
gtw_markers_panel_dispose (GObject *object)
{
  GtwMarkersPanel *self = GTW_MARKERS_PANEL (object);

  if (self->subtitle_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->subtitle_tick_id);
  self->subtitle_tick_id = 0;
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (gtw_markers_panel_parent_class)->dispose (object);
}

/* what is not on screen has nothing to spread over frames */
static void
gtw_markers_panel_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (gtw_markers_panel_parent_class)->unmap (widget);
  show_subtitles_now (GTW_MARKERS_PANEL (widget));
}

static void
gtw_markers_panel_finalize (GObject *object)
{
  GtwMarkersPanel *self = GTW_MARKERS_PANEL (object);

  for (guint i = 0; i < N_MARKERS; i++)
    g_free (self->row_text[i]);
  for (guint i = 0; i < N_VALUE_MARKERS; i++)
    g_free (self->pending_subtitle[i]);
  G_OBJECT_CLASS (gtw_markers_panel_parent_class)->finalize (object);
}

static void
gtw_markers_panel_class_init (GtwMarkersPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gtw_markers_panel_dispose;
  object_class->finalize = gtw_markers_panel_finalize;
  widget_class->unmap = gtw_markers_panel_unmap;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "gtw-markers-panel");

  signals[OGTT_REQUESTED] = g_signal_new ("ogtt-requested", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
gtw_markers_panel_init (GtwMarkersPanel *self)
{
  GtkWidget *group = adw_preferences_group_new ();

  self->units = (GtwDisplayUnits) { GTW_GLUCOSE_MMOL, GTW_INSULIN_PMOL, GTW_CPEPTIDE_NMOL,
                                    GTW_HBA1C_PERCENT };

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_start (self->box, 12);
  gtk_widget_set_margin_end (self->box, 12);
  gtk_widget_set_margin_top (self->box, 12);
  gtk_widget_set_margin_bottom (self->box, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_box_append (GTK_BOX (self->box), create_header (self));

  for (Marker i = 0; i < N_VALUE_MARKERS; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), create_row (self, i));
  gtk_box_append (GTK_BOX (self->box), group);

  self->ogtt_button = gtk_button_new_with_mnemonic (_("Run _OGTT"));
  gtk_widget_set_tooltip_text (self->ogtt_button,
                               _("Give a 75 g oral glucose load on this day and show the curves "
                                 "and the diagnostic reading"));
  gtk_widget_set_halign (self->ogtt_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->ogtt_button, "pill");
  g_signal_connect_swapped (self->ogtt_button, "clicked", G_CALLBACK (on_ogtt_clicked), self);
  gtk_box_append (GTK_BOX (self->box), self->ogtt_button);

  update (self);
}

GtkWidget *
gtw_markers_panel_new (void)
{
  return g_object_new (GTW_TYPE_MARKERS_PANEL, NULL);
}

void
gtw_markers_panel_set_units (GtwMarkersPanel       *self,
                             const GtwDisplayUnits *units)
{
  g_return_if_fail (GTW_IS_MARKERS_PANEL (self));
  g_return_if_fail (units != NULL);

  self->units = *units;
  update (self);
}

void
gtw_markers_panel_set_markers (GtwMarkersPanel  *self,
                               const GtwMarkers *markers,
                               const GtwMarkers *baseline)
{
  g_return_if_fail (GTW_IS_MARKERS_PANEL (self));

  self->has_markers = markers != NULL;
  self->has_baseline = markers != NULL && baseline != NULL;
  if (self->has_markers)
    self->markers = *markers;
  if (self->has_baseline)
    self->baseline = *baseline;
  update (self);
}

/* The value as shown ("99 mg/dL") and, when there is a baseline, its change on a second line. */
const char *
gtw_markers_panel_get_row_text (GtwMarkersPanel *self,
                                const char      *row_id)
{
  g_return_val_if_fail (GTW_IS_MARKERS_PANEL (self), NULL);
  g_return_val_if_fail (row_id != NULL, NULL);

  for (guint i = 0; i < N_MARKERS; i++)
    if (g_str_equal (marker_info[i].id, row_id))
      return self->row_text[i];
  g_return_val_if_reached (NULL);
}
