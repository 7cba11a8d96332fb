/* test-timeline.c: the timeline editor, its editor popover and the intervention palette
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In-process, headless (xvfb-run-test). Keys, drags and drops go through the widgets' own
 * event controllers, so the tests take the path a user's events take. With
 * GTW_TEST_SCREENSHOT_DIR set, the look test writes the timeline, the palette and the editor,
 * light and dark, as PNG.
 */
#include <locale.h>
#include <math.h>
#include <string.h>

#include "gtw-intervention-editor.h"
#include "gtw-intervention-palette.h"
#include "gtw-model.h"
#include "gtw-timeline.h"
#include "gtw-timeline-private.h"
#include "ui-test-util.h"

#define WINDOW_WIDTH  1000
#define MARGIN_LEFT   60
#define MARGIN_RIGHT  20
#define DURATION      3650

/* Helpers */

/* Hides a window that a test is done with. Destroying it instead races GTK 4.8's tooltip
 * timer: the pointer of the headless display rests where the windows open, and a tooltip
 * timeout that fires after the window's surface is gone hits a critical. The windows are
 * few and small; they go with the process. */
static void
dismiss (GtkWidget *window)
{
  static GPtrArray *dismissed;

  if (dismissed == NULL)
    dismissed = g_ptr_array_new ();
  gtk_widget_set_visible (window, FALSE);
  g_ptr_array_add (dismissed, window);
}

static void
record_label_cb (GtkWidget  *widget,
                 const char *label,
                 GPtrArray  *labels)
{
  g_ptr_array_add (labels, g_strdup (label));
}

static GPtrArray *
record_edits (GtwTimeline *timeline)
{
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);

  g_signal_connect (timeline, "edited", G_CALLBACK (record_label_cb), labels);
  return labels;
}

static void
assert_labels (GPtrArray  *labels,
               const char *first,
               ...)
{
  va_list args;
  guint n = 0;

  va_start (args, first);
  for (const char *label = first; label != NULL; label = va_arg (args, const char *), n++)
    {
      g_assert_cmpuint (n, <, labels->len);
      g_assert_cmpstr (g_ptr_array_index (labels, n), ==, label);
    }
  va_end (args);
  g_assert_cmpuint (labels->len, ==, n);
  g_ptr_array_set_size (labels, 0);
}

static gboolean
send_key (GtkWidget       *widget,
          guint            keyval,
          GdkModifierType  state)
{
  GtkEventController *controller = gtw_test_find_controller (widget, GTK_TYPE_EVENT_CONTROLLER_KEY);
  gboolean handled = FALSE;

  g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
  return handled;
}

static const GtwIntervention *
nth (GtwTimeline *timeline,
     guint        index)
{
  const GArray *list = gtw_timeline_get_interventions (timeline);

  g_assert_cmpuint (index, <, list->len);
  return &g_array_index (list, GtwIntervention, index);
}

static guint
count (GtwTimeline *timeline)
{
  return gtw_timeline_get_interventions (timeline)->len;
}

static GtwIntervention
make (GtwInterventionType type,
      int                 start_day,
      int                 end_day)
{
  GtwIntervention iv;

  gtw_intervention_init (&iv, type, start_day);
  iv.end_day = end_day;
  return iv;
}

/* Berberine in year 2, exercise from year 2 on, metformin in years 3-4. */
static GArray *
sample (void)
{
  GArray *list = g_array_new (FALSE, TRUE, sizeof (GtwIntervention));
  GtwIntervention iv;

  iv = make (GTW_IV_BERBERINE, 365, 729);
  g_array_append_val (list, iv);
  iv = make (GTW_IV_EXERCISE, 400, -1);
  g_array_append_val (list, iv);
  iv = make (GTW_IV_METFORMIN, 1000, 1500);
  g_array_append_val (list, iv);
  return list;
}

static GtwTimeline *
sample_timeline (void)
{
  GtwTimeline *timeline = GTW_TIMELINE (gtw_timeline_new ());
  g_autoptr(GArray) list = sample ();

  gtw_timeline_set_duration (timeline, DURATION);
  gtw_timeline_set_range (timeline, 0, DURATION);
  gtw_timeline_set_margins (timeline, MARGIN_LEFT, MARGIN_RIGHT);
  gtw_timeline_set_interventions (timeline, list);
  return timeline;
}

static double
day_x (GtwTimeline *timeline,
       double       day)
{
  double width = gtk_widget_get_width (GTK_WIDGET (timeline)) - MARGIN_LEFT - MARGIN_RIGHT;

  return MARGIN_LEFT + day / DURATION * width;
}

/* The editing functions */

static void
test_api (void)
{
  g_autoptr(GtwTimeline) timeline = g_object_ref_sink (sample_timeline ());
  g_autoptr(GPtrArray) labels = record_edits (timeline);
  GtwIntervention iv;

  /* Setting the list is not an edit, and clears the selection. */
  gtw_timeline_select (timeline, 1);
  g_assert_cmpint (gtw_timeline_get_selected (timeline), ==, 1);
  {
    g_autoptr(GArray) list = sample ();

    gtw_timeline_set_interventions (timeline, list);
  }
  g_assert_cmpuint (labels->len, ==, 0);
  g_assert_cmpuint (count (timeline), ==, 3);
  g_assert_cmpint (gtw_timeline_get_selected (timeline), ==, -1);

  iv = make (GTW_IV_BERBERINE, 30, -1);
  g_assert_true (gtw_timeline_add (timeline, &iv));
  g_assert_cmpuint (count (timeline), ==, 4);
  g_assert_cmpint (nth (timeline, 3)->start_day, ==, 30);
  g_assert_cmpint (gtw_timeline_get_selected (timeline), ==, 3);
  assert_labels (labels, "Add Berberine", NULL);

  g_assert_true (gtw_timeline_move (timeline, 0, 100));
  g_assert_cmpint (nth (timeline, 0)->start_day, ==, 465);
  g_assert_cmpint (nth (timeline, 0)->end_day, ==, 829);
  assert_labels (labels, "Move Berberine", NULL);

  /* An open end stays open when the block moves. */
  g_assert_true (gtw_timeline_move (timeline, 1, -50));
  g_assert_cmpint (nth (timeline, 1)->start_day, ==, 350);
  g_assert_cmpint (nth (timeline, 1)->end_day, ==, -1);
  assert_labels (labels, "Move Exercise", NULL);

  g_assert_true (gtw_timeline_resize (timeline, 1, 300, 900));
  g_assert_cmpint (nth (timeline, 1)->start_day, ==, 300);
  g_assert_cmpint (nth (timeline, 1)->end_day, ==, 900);
  assert_labels (labels, "Resize Exercise", NULL);

  iv = *nth (timeline, 1);
  iv.field[1] = 5; /* sessions_per_week */
  iv.adherence = 0.5;
  g_assert_true (gtw_timeline_replace (timeline, 1, &iv));
  g_assert_cmpfloat (nth (timeline, 1)->field[1], ==, 5);
  g_assert_cmpfloat (nth (timeline, 1)->adherence, ==, 0.5);
  assert_labels (labels, "Edit Exercise", NULL);

  g_assert_true (gtw_timeline_remove (timeline, 2));
  g_assert_cmpuint (count (timeline), ==, 3);
  g_assert_cmpint (nth (timeline, 2)->type, ==, GTW_IV_BERBERINE);
  /* The selection follows its block when one before it goes. */
  g_assert_cmpint (gtw_timeline_get_selected (timeline), ==, 2);
  assert_labels (labels, "Remove Metformin", NULL);
}

static void
test_invalid (void)
{
  g_autoptr(GtwTimeline) timeline = g_object_ref_sink (sample_timeline ());
  g_autoptr(GPtrArray) labels = record_edits (timeline);
  g_autoptr(GArray) before = sample ();
  GtwIntervention iv;

  iv = make (GTW_IV_BERBERINE, 10, -1);
  iv.field[0] = 3001; /* mg/day, the engine allows 0-3000 */
  g_assert_false (gtw_timeline_add (timeline, &iv));
  iv = make (GTW_IV_BERBERINE, DURATION, -1); /* starts after the run */
  g_assert_false (gtw_timeline_add (timeline, &iv));
  iv = make (GTW_IV_BERBERINE, 100, 50); /* ends before it starts */
  g_assert_false (gtw_timeline_add (timeline, &iv));
  iv = make (GTW_IV_EXERCISE, 100, -1);
  iv.field[0] = 3; /* kind: only three choices */
  g_assert_false (gtw_timeline_add (timeline, &iv));
  iv = make (GTW_IV_BERBERINE, 100, -1);
  iv.adherence = 1.5;
  g_assert_false (gtw_timeline_add (timeline, &iv));
  iv.adherence = 1;
  iv.type = GTW_N_IV_TYPES;
  g_assert_false (gtw_timeline_add (timeline, &iv));
  g_assert_false (gtw_timeline_add (timeline, NULL));

  g_assert_false (gtw_timeline_move (timeline, 3, 7));
  g_assert_false (gtw_timeline_move (timeline, -1, 7));
  g_assert_false (gtw_timeline_move (timeline, 0, -366)); /* before day 0 */
  g_assert_false (gtw_timeline_move (timeline, 1, DURATION)); /* after the run */
  g_assert_false (gtw_timeline_move (timeline, 0, 0)); /* not a change */
  g_assert_false (gtw_timeline_resize (timeline, 0, 700, 600));
  g_assert_false (gtw_timeline_resize (timeline, 0, -1, 600));
  g_assert_false (gtw_timeline_resize (timeline, 0, 365, -2));
  g_assert_false (gtw_timeline_resize (timeline, 5, 365, 600));
  g_assert_false (gtw_timeline_remove (timeline, 3));
  g_assert_false (gtw_timeline_remove (timeline, -1));
  iv = *nth (timeline, 2);
  iv.field[0] = -5;
  g_assert_false (gtw_timeline_replace (timeline, 2, &iv));
  g_assert_false (gtw_timeline_replace (timeline, 7, nth (timeline, 0)));
  g_assert_false (gtw_timeline_replace (timeline, 2, NULL));

  g_assert_cmpuint (labels->len, ==, 0);
  g_assert_cmpuint (count (timeline), ==, before->len);
  for (guint i = 0; i < before->len; i++)
    {
      const GtwIntervention *a = &g_array_index (before, GtwIntervention, i);
      const GtwIntervention *b = nth (timeline, i);

      g_assert_cmpint (a->type, ==, b->type);
      g_assert_cmpint (a->start_day, ==, b->start_day);
      g_assert_cmpint (a->end_day, ==, b->end_day);
      g_assert_cmpfloat (a->field[0], ==, b->field[0]);
    }
}

/* Overlapping blocks stack in lanes: the widget grows by a lane for each. */
static void
test_lanes (void)
{
  g_autoptr(GtwTimeline) timeline = g_object_ref_sink (sample_timeline ());
  GtwIntervention iv;
  int one, two, three;

  gtw_timeline_set_interventions (timeline, NULL);
  iv = make (GTW_IV_OMEGA3, 0, 99);
  gtw_timeline_add (timeline, &iv);
  iv = make (GTW_IV_MAGNESIUM, 100, 199); /* after the first: same lane */
  gtw_timeline_add (timeline, &iv);
  gtk_widget_measure (GTK_WIDGET (timeline), GTK_ORIENTATION_VERTICAL, -1, &one, NULL, NULL, NULL);
  iv = make (GTW_IV_CHROMIUM, 50, 150); /* over both */
  gtw_timeline_add (timeline, &iv);
  gtk_widget_measure (GTK_WIDGET (timeline), GTK_ORIENTATION_VERTICAL, -1, &two, NULL, NULL, NULL);
  iv = make (GTW_IV_ALPHA_LIPOIC_ACID, 120, -1); /* over the second and third */
  gtw_timeline_add (timeline, &iv);
  gtk_widget_measure (GTK_WIDGET (timeline), GTK_ORIENTATION_VERTICAL, -1, &three, NULL, NULL, NULL);

  g_assert_cmpint (two, >, one);
  g_assert_cmpint (three - two, ==, two - one);
}

/* Large text (or a projector's bigger type) makes the lanes taller, never cuts the labels. */
static void
test_large_text (void)
{
  GtwTimeline *timeline = sample_timeline ();
  GtkWidget *window = gtw_test_show (GTK_WIDGET (timeline), WINDOW_WIDTH, 80);
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  int before, after;

  before = gtk_widget_get_height (GTK_WIDGET (timeline));
  gtk_css_provider_load_from_data (provider, "gtw-timeline { font-size: 30px; }", -1);
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (window),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtw_test_wait_for_paint (window);
  after = gtk_widget_get_height (GTK_WIDGET (timeline));
  gtw_test_save_widget_png (window, "timeline-large-text.png");
  gtk_style_context_remove_provider_for_display (gtk_widget_get_display (window),
                                                 GTK_STYLE_PROVIDER (provider));
  /* Two lanes (berberine and metformin share one) of text 30 px high and more. */
  g_assert_cmpint (after, >, before);
  g_assert_cmpint (after, >=, 2 * (30 + 14));

  dismiss (window);
}

/* A block's label stays inside the block's visible part, whole, or is left out: "Ber…" is no
 * name. Short berberine blocks show the icon alone, long ones the name (and dose). */
static void
assert_labels_inside (GtwTimeline *timeline,
                      guint       *n_labelled,
                      guint       *n_bare)
{
  *n_labelled = *n_bare = 0;
  for (guint i = 0; i < count (timeline); i++)
    {
      graphene_rect_t block, extent, visible;
      g_autofree char *label = NULL;
      double plot_right = gtk_widget_get_width (GTK_WIDGET (timeline)) - MARGIN_RIGHT;

      gtw_timeline_block_rect (timeline, (int) i, &block);
      label = gtw_timeline_block_label (timeline, (int) i, &extent);
      if (label == NULL)
        {
          (*n_bare)++;
          continue;
        }
      (*n_labelled)++;
      g_assert_null (strstr (label, "…"));
      graphene_rect_init (&visible, MAX (block.origin.x, MARGIN_LEFT), block.origin.y,
                          MIN (block.origin.x + block.size.width, plot_right)
                          - MAX (block.origin.x, MARGIN_LEFT), block.size.height);
      g_assert_true (graphene_rect_contains_rect (&visible, &extent));
    }
}

static void
test_short_labels (void)
{
  g_autoptr(GArray) list = g_array_new (FALSE, TRUE, sizeof (GtwIntervention));
  GtwTimeline *timeline = GTW_TIMELINE (gtw_timeline_new ());
  GtkWidget *window;
  guint labelled, bare;
  GtwIntervention iv;
  static const int lengths[] = { 20, 60, 100, 150, 200, 300, 900 };
  int start = 0;

  for (guint i = 0; i < G_N_ELEMENTS (lengths); i++)
    {
      iv = make (GTW_IV_BERBERINE, start, start + lengths[i] - 1);
      g_array_append_val (list, iv);
      start += lengths[i] + 10;
    }
  gtw_timeline_set_duration (timeline, DURATION);
  gtw_timeline_set_range (timeline, 0, DURATION);
  gtw_timeline_set_margins (timeline, MARGIN_LEFT, MARGIN_RIGHT);
  gtw_timeline_set_interventions (timeline, list);
  window = gtw_test_show (GTK_WIDGET (timeline), WINDOW_WIDTH, 80);
  gtw_test_save_widget_png (window, "timeline-short-blocks.png");

  for (guint i = 0; i < count (timeline); i++)
    {
      graphene_rect_t extent;
      g_autofree char *label = gtw_timeline_block_label (timeline, (int) i, &extent);
      int length = nth (timeline, i)->end_day - nth (timeline, i)->start_day + 1;

      /* 20 days are 5 px: nothing fits; 900 days hold the name with its dose */
      if (length <= 100)
        g_assert_null (label);
      if (length == 900)
        g_assert_true (label != NULL && g_str_has_prefix (label, "Berberine"));
    }
  assert_labels_inside (timeline, &labelled, &bare);
  g_assert_cmpuint (labelled, >=, 1);
  g_assert_cmpuint (bare, >=, 3);

  /* the selected block makes room for its remove button; the label still fits or goes */
  gtw_timeline_select (timeline, (int) count (timeline) - 1);
  gtw_test_wait_for_paint (window);
  assert_labels_inside (timeline, &labelled, &bare);

  /* zoomed in, blocks reach out of view: the label stays in the visible part */
  gtw_timeline_set_range (timeline, 150, 1000);
  gtw_test_wait_for_paint (window);
  assert_labels_inside (timeline, &labelled, &bare);
  g_assert_cmpuint (labelled, >=, 3);

  /* the large type of a presentation */
  gtw_timeline_set_range (timeline, 0, DURATION);
  gtw_timeline_set_presentation (timeline, TRUE);
  gtw_test_wait_for_paint (window);
  gtw_test_save_widget_png (window, "timeline-short-blocks-presentation.png");
  assert_labels_inside (timeline, &labelled, &bare);

  dismiss (window);
}

/* The keyboard */

static void
test_keys (void)
{
  GtwTimeline *timeline = sample_timeline ();
  GtkWidget *window = gtw_test_show (GTK_WIDGET (timeline), WINDOW_WIDTH, 120);
  g_autoptr(GPtrArray) labels = record_edits (timeline);

  gtk_widget_grab_focus (GTK_WIDGET (timeline));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (timeline)));

  /* Left and Right walk the blocks in the order of their start. */
  g_assert_true (send_key (GTK_WIDGET (timeline), GDK_KEY_Right, 0));
  g_assert_cmpint (gtw_timeline_get_selected (timeline), ==, 0);
  g_assert_true (send_key (GTK_WIDGET (timeline), GDK_KEY_Right, 0));
  g_assert_cmpint (gtw_timeline_get_selected (timeline), ==, 1);
  g_assert_true (send_key (GTK_WIDGET (timeline), GDK_KEY_Right, 0));
  g_assert_cmpint (gtw_timeline_get_selected (timeline), ==, 2);
  g_assert_true (send_key (GTK_WIDGET (timeline), GDK_KEY_Right, 0));
  g_assert_cmpint (gtw_timeline_get_selected (timeline), ==, 2);
  g_assert_true (send_key (GTK_WIDGET (timeline), GDK_KEY_Left, 0));
  g_assert_cmpint (gtw_timeline_get_selected (timeline), ==, 1);
  g_assert_cmpuint (labels->len, ==, 0);

  /* Alt moves by a week, with Shift by a month. */
  g_assert_true (send_key (GTK_WIDGET (timeline), GDK_KEY_Right, GDK_ALT_MASK));
  g_assert_cmpint (nth (timeline, 1)->start_day, ==, 407);
  g_assert_true (send_key (GTK_WIDGET (timeline), GDK_KEY_Left, GDK_ALT_MASK | GDK_SHIFT_MASK));
  g_assert_cmpint (nth (timeline, 1)->start_day, ==, 377);
  g_assert_cmpint (nth (timeline, 1)->end_day, ==, -1);
  assert_labels (labels, "Move Exercise", "Move Exercise", NULL);

  /* Near the start of the run, a step moves as far as there is room. */
  g_assert_true (gtw_timeline_move (timeline, 1, 3 - 377));
  g_ptr_array_set_size (labels, 0);
  g_assert_true (send_key (GTK_WIDGET (timeline), GDK_KEY_Left, GDK_ALT_MASK));
  g_assert_cmpint (nth (timeline, 1)->start_day, ==, 0);
  g_assert_true (send_key (GTK_WIDGET (timeline), GDK_KEY_Left, GDK_ALT_MASK));
  g_assert_cmpint (nth (timeline, 1)->start_day, ==, 0);
  assert_labels (labels, "Move Exercise", NULL);
  g_assert_true (gtw_timeline_move (timeline, 1, 377));
  g_ptr_array_set_size (labels, 0);

  /* Control moves the end: an open end closes a week before the end of the run. */
  g_assert_true (send_key (GTK_WIDGET (timeline), GDK_KEY_Left, GDK_CONTROL_MASK));
  g_assert_cmpint (nth (timeline, 1)->end_day, ==, DURATION - 1 - 7);
  g_assert_true (send_key (GTK_WIDGET (timeline), GDK_KEY_Right, GDK_CONTROL_MASK));
  g_assert_cmpint (nth (timeline, 1)->end_day, ==, -1);
  assert_labels (labels, "Resize Exercise", "Resize Exercise", NULL);

  /* Escape deselects; Delete then has nothing to remove. */
  g_assert_true (send_key (GTK_WIDGET (timeline), GDK_KEY_Escape, 0));
  g_assert_cmpint (gtw_timeline_get_selected (timeline), ==, -1);
  g_assert_false (send_key (GTK_WIDGET (timeline), GDK_KEY_Delete, 0));
  g_assert_false (send_key (GTK_WIDGET (timeline), GDK_KEY_Escape, 0));
  g_assert_cmpuint (count (timeline), ==, 3);

  g_assert_true (send_key (GTK_WIDGET (timeline), GDK_KEY_End, 0));
  g_assert_cmpint (gtw_timeline_get_selected (timeline), ==, 2);
  g_assert_true (send_key (GTK_WIDGET (timeline), GDK_KEY_Delete, 0));
  g_assert_cmpuint (count (timeline), ==, 2);
  g_assert_cmpint (gtw_timeline_get_selected (timeline), ==, -1);
  g_assert_true (send_key (GTK_WIDGET (timeline), GDK_KEY_Home, 0));
  g_assert_true (send_key (GTK_WIDGET (timeline), GDK_KEY_BackSpace, 0));
  g_assert_cmpuint (count (timeline), ==, 1);
  g_assert_cmpint (nth (timeline, 0)->type, ==, GTW_IV_EXERCISE);
  assert_labels (labels, "Remove Metformin", "Remove Berberine", NULL);

  dismiss (window);
}

/* The pointer: drag the body to move, an edge to resize; a click selects and edits. */

static void
drag (GtwTimeline *timeline,
      double       x,
      double       y,
      double       dx)
{
  GtkGesture *gesture = gtw_test_find_controller (GTK_WIDGET (timeline), GTK_TYPE_GESTURE_DRAG);

  g_signal_emit_by_name (gesture, "drag-begin", x, y);
  if (dx != 0)
    {
      g_signal_emit_by_name (gesture, "drag-update", dx / 2, 0.0);
      g_signal_emit_by_name (gesture, "drag-update", dx, 0.0);
    }
  g_signal_emit_by_name (gesture, "drag-end", dx, 0.0);
}

static void
test_pointer (void)
{
  GtwTimeline *timeline = sample_timeline ();
  GtkWidget *window = gtw_test_show (GTK_WIDGET (timeline), WINDOW_WIDTH, 120);
  g_autoptr(GPtrArray) labels = record_edits (timeline);
  /* Lanes are 32 px high, 4 px apart, below 6 px of padding. */
  double lane0 = 6 + 16, lane1 = lane0 + 36;
  double year = day_x (timeline, 365) - day_x (timeline, 0);
  GtkWidget *editor;
  int start;

  /* The body of berberine (days 365-729), a year to the right: a year later, to the
   * nearest month in this ten-year view. */
  drag (timeline, day_x (timeline, 550), lane0, year);
  start = nth (timeline, 0)->start_day;
  g_assert_cmpint (abs (start - 730), <=, 16);
  g_assert_cmpint (nth (timeline, 0)->end_day - start, ==, 729 - 365);
  g_assert_cmpint (gtw_timeline_get_selected (timeline), ==, 0);
  assert_labels (labels, "Move Berberine", NULL);

  /* Its right edge, half a year back. It now starts inside exercise (from day 400), so it
   * went to the second lane. */
  gtw_test_wait_for_paint (window);
  drag (timeline, day_x (timeline, nth (timeline, 0)->end_day + 1) - 2, lane1, -year / 2);
  g_assert_cmpint (nth (timeline, 0)->start_day, ==, start);
  g_assert_cmpint (abs (nth (timeline, 0)->end_day - (start + 364 - 182)), <=, 16);
  assert_labels (labels, "Resize Berberine", NULL);

  /* A click opens the editor on the block (metformin, days 1000-1500: in the second lane
   * now that berberine ends before it); a click on empty track deselects. */
  drag (timeline, day_x (timeline, 1200), lane1, 0);
  g_assert_cmpint (gtw_timeline_get_selected (timeline), ==, 2);
  editor = gtw_test_find_widget (GTK_WIDGET (timeline), GTW_TYPE_INTERVENTION_EDITOR, NULL);
  g_assert_nonnull (editor);
  g_assert_true (gtk_widget_get_visible (editor));
  g_assert_cmpint (gtw_intervention_editor_get_index (GTW_INTERVENTION_EDITOR (editor)), ==, 2);
  gtk_popover_popdown (GTK_POPOVER (editor));
  drag (timeline, day_x (timeline, 3000), lane0 + 200, 0);
  g_assert_cmpint (gtw_timeline_get_selected (timeline), ==, -1);
  g_assert_cmpuint (labels->len, ==, 0);

  dismiss (window);
}

/* Dropping a type from the palette */

static gboolean
drop (GtwTimeline *timeline,
      const char  *text,
      double       x)
{
  GtkDropTarget *target = gtw_test_find_controller (GTK_WIDGET (timeline), GTK_TYPE_DROP_TARGET);
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  g_signal_emit_by_name (target, "drop", &value, x, 20.0, &accepted);
  return accepted;
}

static void
test_drop (void)
{
  GtwTimeline *timeline = sample_timeline ();
  GtkWidget *window = gtw_test_show (GTK_WIDGET (timeline), WINDOW_WIDTH, 120);
  g_autoptr(GPtrArray) labels = record_edits (timeline);
  const GtwIntervention *iv;

  g_assert_true (drop (timeline, GTW_TIMELINE_DND_PREFIX "omega3", day_x (timeline, 5 * 365)));
  g_assert_cmpuint (count (timeline), ==, 4);
  iv = nth (timeline, 3);
  g_assert_cmpint (iv->type, ==, GTW_IV_OMEGA3);
  g_assert_cmpint (abs (iv->start_day - 5 * 365), <=, 16);
  g_assert_cmpint (iv->end_day, ==, -1);
  g_assert_cmpfloat (iv->field[0], ==, 2); /* the type's default, g/day */
  g_assert_cmpint (gtw_timeline_get_selected (timeline), ==, 3);
  assert_labels (labels, "Add Omega-3", NULL);

  g_assert_false (drop (timeline, GTW_TIMELINE_DND_PREFIX "unobtainium", day_x (timeline, 100)));
  g_assert_false (drop (timeline, "berberine", day_x (timeline, 100)));
  g_assert_cmpuint (count (timeline), ==, 4);
  g_assert_cmpuint (labels->len, ==, 0);

  dismiss (window);
}

/* The editor popover */

static void
test_editor (void)
{
  GtwTimeline *timeline = sample_timeline ();
  GtkWidget *window = gtw_test_show (GTK_WIDGET (timeline), WINDOW_WIDTH, 500);
  g_autoptr(GPtrArray) labels = record_edits (timeline);
  GtkWidget *editor, *dose, *adherence, *open_end, *remove;

  gtw_timeline_select (timeline, 0);
  gtk_widget_grab_focus (GTK_WIDGET (timeline));
  g_assert_true (send_key (GTK_WIDGET (timeline), GDK_KEY_Return, 0));
  editor = gtw_test_find_widget (GTK_WIDGET (timeline), GTW_TYPE_INTERVENTION_EDITOR, NULL);
  g_assert_nonnull (editor);
  g_assert_true (gtk_widget_get_visible (editor));
  gtw_test_iterate_pending ();

  dose = gtw_test_find_widget (editor, GTK_TYPE_SPIN_BUTTON, "dose_mg_per_day");
  g_assert_nonnull (dose);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (dose)), ==, 1500);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (dose), 1000);
  g_assert_cmpfloat (nth (timeline, 0)->field[0], ==, 1000);
  assert_labels (labels, "Edit Berberine", NULL);

  /* The same value again is no change. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (dose), 1000);
  g_assert_cmpuint (labels->len, ==, 0);

  /* Adherence is shown in percent and kept as a fraction. */
  adherence = gtw_test_find_widget (editor, GTK_TYPE_SPIN_BUTTON, "adherence");
  g_assert_nonnull (adherence);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (adherence)), ==, 100);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (adherence), 75);
  g_assert_cmpfloat (nth (timeline, 0)->adherence, ==, 0.75);
  assert_labels (labels, "Edit Berberine", NULL);

  open_end = gtw_test_find_widget (editor, GTK_TYPE_SWITCH, "open_end");
  g_assert_nonnull (open_end);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (open_end)));
  gtk_switch_set_active (GTK_SWITCH (open_end), TRUE);
  g_assert_cmpint (nth (timeline, 0)->end_day, ==, -1);
  assert_labels (labels, "Edit Berberine", NULL);

  /* A change made elsewhere shows in the open editor. */
  gtw_timeline_move (timeline, 0, 30);
  g_assert_cmpuint (labels->len, ==, 1);
  g_ptr_array_set_size (labels, 0);
  {
    GtkWidget *start = gtw_test_find_widget (editor, GTK_TYPE_SPIN_BUTTON, "start_day");

    g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (start)), ==, 395);
  }

  /* A longer run lets the block start later, without closing the editor or an edit. */
  gtw_timeline_set_duration (timeline, 2 * DURATION);
  g_assert_true (gtk_widget_get_visible (editor));
  {
    GtkWidget *start = gtw_test_find_widget (editor, GTK_TYPE_SPIN_BUTTON, "start_day");
    double min, max;

    gtk_spin_button_get_range (GTK_SPIN_BUTTON (start), &min, &max);
    g_assert_cmpfloat (max, ==, 2 * DURATION - 1);
  }
  g_assert_cmpuint (labels->len, ==, 0);

  remove = gtw_test_find_widget (editor, GTK_TYPE_BUTTON, "remove");
  g_assert_nonnull (remove);
  g_signal_emit_by_name (remove, "clicked");
  g_assert_cmpuint (count (timeline), ==, 2);
  g_assert_false (gtk_widget_get_visible (editor));
  assert_labels (labels, "Remove Berberine", NULL);

  dismiss (window);
}

/* Fractions show as percentages; the fructose fraction follows the carbohydrate one until
 * it is set. */
static void
test_editor_fractions (void)
{
  GtwTimeline *timeline = sample_timeline ();
  GtkWidget *window = gtw_test_show (GTK_WIDGET (timeline), WINDOW_WIDTH, 500);
  g_autoptr(GPtrArray) labels = record_edits (timeline);
  GtkWidget *editor, *carbs, *fructose;
  GtwIntervention iv = make (GTW_IV_CARB_REDUCTION, 200, -1);

  g_assert_true (gtw_timeline_add (timeline, &iv));
  g_ptr_array_set_size (labels, 0);
  gtk_widget_grab_focus (GTK_WIDGET (timeline));
  g_assert_true (send_key (GTK_WIDGET (timeline), GDK_KEY_Return, 0));
  editor = gtw_test_find_widget (GTK_WIDGET (timeline), GTW_TYPE_INTERVENTION_EDITOR, NULL);
  g_assert_nonnull (editor);
  carbs = gtw_test_find_widget (editor, GTK_TYPE_SPIN_BUTTON, "reduction_fraction");
  fructose = gtw_test_find_widget (editor, GTK_TYPE_SPIN_BUTTON, "fructose_reduction_fraction");
  g_assert_nonnull (carbs);
  g_assert_nonnull (fructose);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (carbs)), ==, 40);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (fructose)), ==, 40);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (carbs), 60);
  g_assert_cmpfloat_with_epsilon (nth (timeline, 3)->field[0], 0.6, 1e-12);
  g_assert_true (isnan (nth (timeline, 3)->field[1]));
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (fructose)), ==, 60);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (fructose), 80);
  g_assert_cmpfloat_with_epsilon (nth (timeline, 3)->field[1], 0.8, 1e-12);
  assert_labels (labels, "Edit Carbohydrate reduction", "Edit Carbohydrate reduction", NULL);

  gtk_popover_popdown (GTK_POPOVER (editor));
  dismiss (window);
}

/* The palette */

static void
record_type_cb (GtkWidget  *palette,
                const char *type_id,
                char      **out)
{
  g_free (*out);
  *out = g_strdup (type_id);
}

static void
test_palette (void)
{
  GtkWidget *palette = gtw_intervention_palette_new ();
  GtkWidget *window = gtw_test_show (palette, 420, 900);
  GtkWidget *list = gtw_test_find_widget (palette, GTK_TYPE_LIST_BOX, NULL);
  g_autofree char *activated = NULL;
  GtkListBoxRow *row;
  guint n = 0;

  g_assert_nonnull (list);
  g_signal_connect (palette, "type-activated", G_CALLBACK (record_type_cb), &activated);

  /* It lives in a popover next to the timeline: it must not ask for the whole screen. */
  {
    int natural;

    gtk_widget_measure (palette, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
    g_test_message ("palette natural width %d", natural);
    g_assert_cmpint (natural, <=, 480);
  }

  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), (int) n) != NULL)
    n++;
  g_assert_cmpuint (n, ==, GTW_N_IV_TYPES);

  for (guint i = 0; i < GTW_N_IV_TYPES; i++)
    {
      const GtwInterventionClass *klass = gtw_intervention_class ((GtwInterventionType) i);
      g_autofree char *expected = g_strconcat (GTW_TIMELINE_DND_PREFIX, klass->id, NULL);
      g_autoptr(GdkContentProvider) content = NULL;
      g_auto(GValue) value = G_VALUE_INIT;
      GtkDragSource *source;

      row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), (int) i);
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, klass->label);

      /* Activation by the keyboard or a click goes through the row's activate signal. */
      gtk_widget_activate (GTK_WIDGET (row));
      g_assert_cmpstr (activated, ==, klass->id);

      source = gtw_test_find_controller (GTK_WIDGET (row), GTK_TYPE_DRAG_SOURCE);
      g_signal_emit_by_name (source, "prepare", 10.0, 10.0, &content);
      g_assert_nonnull (content);
      g_value_init (&value, G_TYPE_STRING);
      g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
      g_assert_cmpstr (g_value_get_string (&value), ==, expected);
    }

  dismiss (window);
}

/* How it looks, light and dark */

static void
test_look (void)
{
  static const AdwColorScheme schemes[] = { ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK };
  static const char *const names[] = { "light", "dark" };
  AdwStyleManager *style = adw_style_manager_get_default ();

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      GtwTimeline *timeline = sample_timeline ();
      GtwTimeline *empty = GTW_TIMELINE (gtw_timeline_new ());
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
      GtkWidget *palette = gtw_intervention_palette_new ();
      GtkWidget *window, *editor;
      g_autofree char *name = NULL;
      GtwIntervention iv;

      adw_style_manager_set_color_scheme (style, schemes[i]);
      iv = make (GTW_IV_CARB_REDUCTION, 1400, 2500);
      gtw_timeline_add (timeline, &iv);
      iv = make (GTW_IV_GUT_REPAIR, 2600, 2700);
      gtw_timeline_add (timeline, &iv);
      gtw_timeline_set_margins (empty, MARGIN_LEFT, MARGIN_RIGHT);
      gtw_timeline_select (timeline, 1);
      gtk_widget_set_margin_top (box, 12);
      gtk_widget_set_margin_bottom (box, 12);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (timeline));
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (empty));

      window = gtw_test_show (box, WINDOW_WIDTH, 160);
      g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (timeline)), >,
                       gtk_widget_get_height (GTK_WIDGET (empty)));
      name = g_strdup_printf ("timeline-%s.png", names[i]);
      gtw_test_save_widget_png (window, name);

      /* A year's view, berberine's right edge being dragged a month on. */
      gtw_timeline_set_range (timeline, 300, 800);
      {
        GtkGesture *gesture = gtw_test_find_controller (GTK_WIDGET (timeline), GTK_TYPE_GESTURE_DRAG);
        double x = day_x (timeline, 0) + (730 - 300) / 500.0 * (WINDOW_WIDTH - MARGIN_LEFT - MARGIN_RIGHT) - 2;
        double month = 30 / 500.0 * (WINDOW_WIDTH - MARGIN_LEFT - MARGIN_RIGHT);

        g_signal_emit_by_name (gesture, "drag-begin", x, 6.0 + 16);
        g_signal_emit_by_name (gesture, "drag-update", month, 0.0);
        gtw_test_wait_for_paint (window);
        g_free (name);
        name = g_strdup_printf ("timeline-drag-%s.png", names[i]);
        gtw_test_save_widget_png (window, name);
        g_signal_emit_by_name (gesture, "drag-end", month, 0.0);
        /* A year's view snaps to weeks: berberine now lasts 56 whole weeks. */
        g_assert_cmpint (nth (timeline, 0)->end_day, ==, 365 + 56 * 7 - 1);
      }
      gtw_timeline_set_range (timeline, 0, DURATION);

      /* A type dragged over the empty timeline: where it would land. */
      {
        GtkDropTarget *target = gtw_test_find_controller (GTK_WIDGET (empty), GTK_TYPE_DROP_TARGET);
        GdkDragAction action = 0;

        g_signal_emit_by_name (target, "motion", day_x (empty, 2 * 365), 20.0, &action);
        g_assert_cmpint (action, ==, GDK_ACTION_COPY);
        gtw_test_wait_for_paint (window);
        g_free (name);
        name = g_strdup_printf ("timeline-drop-%s.png", names[i]);
        gtw_test_save_widget_png (window, name);
        g_signal_emit_by_name (target, "leave");
      }

      gtk_widget_grab_focus (GTK_WIDGET (timeline));
      g_assert_true (send_key (GTK_WIDGET (timeline), GDK_KEY_Return, 0));
      editor = gtw_test_find_widget (GTK_WIDGET (timeline), GTW_TYPE_INTERVENTION_EDITOR, NULL);
      g_assert_nonnull (editor);
      gtw_test_wait_for_paint (editor);
      g_free (name);
      name = g_strdup_printf ("timeline-editor-%s.png", names[i]);
      gtw_test_save_widget_png (editor, name);
      dismiss (window);

      window = gtw_test_show (palette, 420, 900);
      g_free (name);
      name = g_strdup_printf ("palette-%s.png", names[i]);
      gtw_test_save_widget_png (window, name);
      dismiss (window);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  gtw_test_init (&argc, &argv);

  g_test_add_func ("/timeline/api", test_api);
  g_test_add_func ("/timeline/invalid", test_invalid);
  g_test_add_func ("/timeline/lanes", test_lanes);
  g_test_add_func ("/timeline/large-text", test_large_text);
  g_test_add_func ("/timeline/short-labels", test_short_labels);
  g_test_add_func ("/timeline/keys", test_keys);
  g_test_add_func ("/timeline/pointer", test_pointer);
  g_test_add_func ("/timeline/drop", test_drop);
  g_test_add_func ("/timeline/editor", test_editor);
  g_test_add_func ("/timeline/editor-fractions", test_editor_fractions);
  g_test_add_func ("/timeline/palette", test_palette);
  g_test_add_func ("/timeline/look", test_look);
  return g_test_run ();
}
