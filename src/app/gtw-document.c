/* gtw-document.c: the scenario being edited, its file, its undo history and its autosave
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gtw-document.h"

/* Long enough that dragging a value does not write on every step, short enough that a crash
 * loses only a moment of work. */
#define AUTOSAVE_DELAY_MS 2000

typedef struct
{
  char        *label;
  GtwScenario *scenario;
} Snapshot;

struct _GtwDocument
{
  GObject      parent_instance;

  GtwScenario *scenario;
  GFile       *file;
  GPtrArray   *undo; /* Snapshot, the most recent last */
  GPtrArray   *redo; /* Snapshot, the next redo last */
  guint        autosave_id;
  guint        dirty : 1;
};

G_DEFINE_FINAL_TYPE (GtwDocument, gtw_document, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_DIRTY,
  PROP_TITLE,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_FILE,
  N_PROPS
};

enum
{
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
snapshot_free (gpointer data)
{
  Snapshot *snapshot = data;

  g_free (snapshot->label);
  gtw_scenario_free (snapshot->scenario);
  g_free (snapshot);
}

static Snapshot *
snapshot_new (const char *label, GtwScenario *scenario)
{
  Snapshot *snapshot = g_new0 (Snapshot, 1);

  snapshot->label = g_strdup (label);
  snapshot->scenario = scenario;
  return snapshot;
}

static void
gtw_document_dispose (GObject *object)
{
  GtwDocument *self = GTW_DOCUMENT (object);

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (gtw_document_parent_class)->dispose (object);
}

static void
gtw_document_finalize (GObject *object)
{
  GtwDocument *self = GTW_DOCUMENT (object);

  g_clear_pointer (&self->scenario, gtw_scenario_free);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);

  G_OBJECT_CLASS (gtw_document_parent_class)->finalize (object);
}

static void
gtw_document_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  GtwDocument *self = GTW_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;
    case PROP_TITLE:
      g_value_set_string (value, gtw_document_get_title (self));
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, gtw_document_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, gtw_document_get_can_redo (self));
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gtw_document_class_init (GtwDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gtw_document_dispose;
  object_class->finalize = gtw_document_finalize;
  object_class->get_property = gtw_document_get_property;

  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
gtw_document_init (GtwDocument *self)
{
  g_autoptr (GError) error = NULL;

  self->undo = g_ptr_array_new_with_free_func (snapshot_free);
  self->redo = g_ptr_array_new_with_free_func (snapshot_free);
  self->scenario = gtw_preset_load ("healthy", &error);
  if (self->scenario == NULL)
    self->scenario = gtw_scenario_new ();
}

GtwDocument *
gtw_document_new (void)
{
  return g_object_new (GTW_TYPE_DOCUMENT, NULL);
}

const GtwScenario *
gtw_document_get_scenario (GtwDocument *self)
{
  g_return_val_if_fail (GTW_IS_DOCUMENT (self), NULL);

  return self->scenario;
}

GFile *
gtw_document_get_file (GtwDocument *self)
{
  g_return_val_if_fail (GTW_IS_DOCUMENT (self), NULL);

  return self->file;
}

gboolean
gtw_document_get_dirty (GtwDocument *self)
{
  g_return_val_if_fail (GTW_IS_DOCUMENT (self), FALSE);

  return self->dirty;
}

const char *
gtw_document_get_title (GtwDocument *self)
{
  g_return_val_if_fail (GTW_IS_DOCUMENT (self), NULL);

  if (self->scenario->name != NULL && self->scenario->name[0] != '\0')
    return self->scenario->name;
  return _("Untitled Scenario");
}

gboolean
gtw_document_get_can_undo (GtwDocument *self)
{
  g_return_val_if_fail (GTW_IS_DOCUMENT (self), FALSE);

  return self->undo->len > 0;
}

gboolean
gtw_document_get_can_redo (GtwDocument *self)
{
  g_return_val_if_fail (GTW_IS_DOCUMENT (self), FALSE);

  return self->redo->len > 0;
}

static const char *
last_label (GPtrArray *stack)
{
  if (stack->len == 0)
    return NULL;
  return ((Snapshot *) g_ptr_array_index (stack, stack->len - 1))->label;
}

const char *
gtw_document_get_undo_label (GtwDocument *self)
{
  g_return_val_if_fail (GTW_IS_DOCUMENT (self), NULL);

  return last_label (self->undo);
}

const char *
gtw_document_get_redo_label (GtwDocument *self)
{
  g_return_val_if_fail (GTW_IS_DOCUMENT (self), NULL);

  return last_label (self->redo);
}

static gboolean
autosave_timeout (gpointer user_data)
{
  GtwDocument *self = user_data;
  g_autoptr (GError) error = NULL;

  self->autosave_id = 0;
  if (!gtw_document_autosave_now (self, &error))
    g_printerr ("glucotwin: %s\n", error->message);
  return G_SOURCE_REMOVE;
}

static void
set_dirty (GtwDocument *self, gboolean dirty)
{
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (dirty)
    self->autosave_id = g_timeout_add (AUTOSAVE_DELAY_MS, autosave_timeout, self);

  if (self->dirty == !!dirty)
    return;
  self->dirty = !!dirty;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

static void
notify_history (GtwDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

/* The scenario was replaced: tell everyone, once the document is consistent again. */
static void
finish_change (GtwDocument *self, gboolean dirty)
{
  set_dirty (self, dirty);
  notify_history (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
gtw_document_load (GtwDocument *self,
                   GtwScenario *scenario,
                   GFile       *file,
                   gboolean     dirty)
{
  g_return_if_fail (GTW_IS_DOCUMENT (self));
  g_return_if_fail (scenario != NULL);
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  g_clear_pointer (&self->scenario, gtw_scenario_free);
  self->scenario = scenario;
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  finish_change (self, dirty);
}

void
gtw_document_apply (GtwDocument *self,
                    GtwScenario *scenario,
                    const char  *label)
{
  g_return_if_fail (GTW_IS_DOCUMENT (self));
  g_return_if_fail (scenario != NULL);
  g_return_if_fail (label != NULL);

  g_ptr_array_add (self->undo, snapshot_new (label, self->scenario));
  self->scenario = scenario;
  g_ptr_array_set_size (self->redo, 0);
  finish_change (self, TRUE);
}

/* Moves the top of @from onto @to, exchanging it for the current scenario. */
static gboolean
step_history (GtwDocument *self, GPtrArray *from, GPtrArray *to)
{
  Snapshot *snapshot;
  GtwScenario *scenario;

  if (from->len == 0)
    return FALSE;

  snapshot = g_ptr_array_steal_index (from, from->len - 1);
  scenario = snapshot->scenario;
  snapshot->scenario = self->scenario;
  self->scenario = scenario;
  g_ptr_array_add (to, snapshot);
  finish_change (self, TRUE);
  return TRUE;
}

gboolean
gtw_document_undo (GtwDocument *self)
{
  g_return_val_if_fail (GTW_IS_DOCUMENT (self), FALSE);

  return step_history (self, self->undo, self->redo);
}

gboolean
gtw_document_redo (GtwDocument *self)
{
  g_return_val_if_fail (GTW_IS_DOCUMENT (self), FALSE);

  return step_history (self, self->redo, self->undo);
}

gboolean
gtw_document_save (GtwDocument *self,
                   GFile       *file,
                   GError     **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (GTW_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Only local files can be saved"));
      return FALSE;
    }
  if (!gtw_scenario_save_file (self->scenario, path, error))
    return FALSE;

  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  set_dirty (self, FALSE);
  gtw_document_discard_autosave (self);
  return TRUE;
}

char *
gtw_document_autosave_path (void)
{
  return g_build_filename (g_get_user_state_dir (), "glucotwin", "autosave.glucotwin.json", NULL);
}

gboolean
gtw_document_autosave_now (GtwDocument *self,
                           GError     **error)
{
  g_autofree char *path = gtw_document_autosave_path ();
  g_autofree char *dir = g_path_get_dirname (path);

  g_return_val_if_fail (GTW_IS_DOCUMENT (self), FALSE);

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder for the autosave: %s"), g_strerror (saved_errno));
      return FALSE;
    }
  /* The model's save writes a temporary file and renames it: a crash in the middle of an
   * autosave leaves the previous autosave whole. */
  return gtw_scenario_save_file (self->scenario, path, error);
}

void
gtw_document_discard_autosave (GtwDocument *self)
{
  g_autofree char *path = gtw_document_autosave_path ();

  g_return_if_fail (GTW_IS_DOCUMENT (self));

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (g_unlink (path) != 0 && errno != ENOENT)
    g_printerr ("glucotwin: could not remove %s: %s\n", path, g_strerror (errno));
}

GtwScenario *
gtw_document_load_autosave (void)
{
  g_autofree char *path = gtw_document_autosave_path ();
  g_autoptr (GError) error = NULL;
  GtwScenario *scenario;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  scenario = gtw_scenario_load_file (path, &error);
  if (scenario == NULL)
    {
      g_printerr ("glucotwin: ignoring the autosave %s: %s\n", path, error->message);
      g_unlink (path);
    }
  return scenario;
}
