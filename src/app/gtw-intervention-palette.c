/* gtw-intervention-palette.c: the intervention types, to drag onto the timeline or click
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gi18n.h>

#include "gtw-intervention-palette.h"
#include "gtw-intervention-style.h"
#include "gtw-timeline.h"

#define MAX_WIDTH 420

struct _GtwInterventionPalette
{
  GtkWidget   parent_instance;

  GtkWidget  *clamp;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (GtwInterventionPalette, gtw_intervention_palette, GTK_TYPE_WIDGET)

enum { TYPE_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static GQuark type_quark;

static GtwInterventionType
row_type (GtkListBoxRow *row)
{
  return (GtwInterventionType) GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (row), type_quark));
}

static void
row_activated_cb (GtwInterventionPalette *self,
                  GtkListBoxRow          *row)
{
  const GtwInterventionClass *klass = gtw_intervention_class (row_type (row));

  g_signal_emit (self, signals[TYPE_ACTIVATED], 0, klass->id);
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkListBoxRow *row)
{
  const GtwInterventionClass *klass = gtw_intervention_class (row_type (row));
  g_autofree char *text = g_strconcat (GTW_TIMELINE_DND_PREFIX, klass->id, NULL);
  GtkWidget *badge = g_object_get_data (G_OBJECT (row), "gtw-badge");
  g_autoptr(GdkPaintable) live = gtk_widget_paintable_new (badge);
  /* A still image: the live one would follow the row out of sight when the popover closes. */
  g_autoptr(GdkPaintable) icon = gdk_paintable_get_current_image (live);

  gtk_drag_source_set_icon (source, icon, gtk_widget_get_width (badge) / 2,
                            gtk_widget_get_height (badge) / 2);
  return gdk_content_provider_new_typed (G_TYPE_STRING, text);
}

/* In a popover the palette would cover the timeline it is dragged to: it steps aside. */
static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               GtkWidget     *row)
{
  GtkWidget *popover = gtk_widget_get_ancestor (row, GTK_TYPE_POPOVER);

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

static GtkWidget *
create_row (GtwInterventionPalette *self,
            GtwInterventionType     type)
{
  const GtwInterventionClass *klass = gtw_intervention_class (type);
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  g_autofree char *subtitle = NULL;
  GtkDragSource *source;
  GtkWidget *row, *badge;

  /* Translators: evidence level · where the intervention acts */
  subtitle = g_strdup_printf (_("%s · %s"), gtw_evidence_label (klass->evidence), _(klass->acts_on));

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(klass->label));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _(klass->explanation));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(klass->label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);

  badge = gtk_image_new_from_icon_name (gtw_intervention_style_icon_name (type));
  gtk_widget_add_css_class (badge, gtw_intervention_style_css_class (type, display));
  gtk_widget_set_size_request (badge, 28, 28);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), badge);
  g_object_set_data (G_OBJECT (row), "gtw-badge", badge);

  g_object_set_qdata (G_OBJECT (row), type_quark, GUINT_TO_POINTER (type));

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), row);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));

  return row;
}

static void
gtw_intervention_palette_dispose (GObject *object)
{
  GtwInterventionPalette *self = GTW_INTERVENTION_PALETTE (object);

  g_clear_pointer (&self->clamp, gtk_widget_unparent);
  self->list = NULL;

  G_OBJECT_CLASS (gtw_intervention_palette_parent_class)->dispose (object);
}

static void
gtw_intervention_palette_class_init (GtwInterventionPaletteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gtw_intervention_palette_dispose;

  /**
   * GtwInterventionPalette::type-activated:
   * @type_id: the scenario id of the type ("berberine")
   *
   * Emitted when a row is activated by a click or the keyboard.
   */
  signals[TYPE_ACTIVATED] = g_signal_new ("type-activated", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_STRING);

  type_quark = g_quark_from_static_string ("gtw-intervention-palette-type");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "gtw-intervention-palette");
}

static void
gtw_intervention_palette_init (GtwInterventionPalette *self)
{
  gtw_intervention_style_ensure_icons (gtk_widget_get_display (GTK_WIDGET (self)));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Interventions"),
                                  -1);
  /* The subtitles would ask for one long line each: wrap them at a popover's width. */
  self->clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (self->clamp), MAX_WIDTH);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (self->clamp), MAX_WIDTH);
  adw_clamp_set_child (ADW_CLAMP (self->clamp), GTK_WIDGET (self->list));
  gtk_widget_set_parent (self->clamp, GTK_WIDGET (self));
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (row_activated_cb), self,
                           G_CONNECT_SWAPPED);

  for (guint i = 0; i < GTW_N_IV_TYPES; i++)
    gtk_list_box_append (self->list, create_row (self, (GtwInterventionType) i));
}

GtkWidget *
gtw_intervention_palette_new (void)
{
  return g_object_new (GTW_TYPE_INTERVENTION_PALETTE, NULL);
}
