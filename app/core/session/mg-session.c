/* mg-session.c: one open dataset, its file on disk and its drafts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A session is what a window shows: the dataset, the history its edits go
 * through, and the file it lives in. It loads and saves in worker threads,
 * so that a big dataset never stalls the window; the dataset itself is only
 * ever touched on the main loop, and a thread gets what it needs copied
 * first (the serialised bytes, the stamp to compare). Saves never replace a
 * file someone else changed unless told to; a change on disk is reported
 * once things settle; a draft of unsaved work is kept a few seconds after
 * each change and offered back after a crash.
 */

#define G_LOG_DOMAIN "mg-session"

#include "config.h"

#include <glib/gi18n.h>

#include "mg-dataset-io.h"
#include "mg-session-private.h"

#define DEFAULT_AUTOSAVE_MSEC 2000

enum {
  PROP_0,
  PROP_AUTOSAVE_DELAY,
  PROP_DATASET,
  PROP_DRAFTS,
  PROP_FILE,
  PROP_HISTORY,
  PROP_MODIFIED,
  PROP_OPENING,
  N_PROPS
};

enum {
  SIGNAL_AUTOSAVE_FAILED,
  SIGNAL_CHANGED_ON_DISK,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (MgSession, mg_session, G_TYPE_OBJECT)

static void start_next_save (MgSession *self);

/* What the session shows */

static void
history_modified_cb (MgSession  *self,
                     GParamSpec *pspec,
                     MgHistory  *history)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
history_changed_cb (MgSession *self,
                    MgHistory *history)
{
  self->n_changes++;
  _mg_session_drafts_history_changed (self);
}

static void
set_file (MgSession *self,
          GFile     *file)
{
  /* The sample saved under a name of the person's is theirs to add to. */
  if (file != NULL)
    self->welcome = FALSE;
  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

/* Puts @dataset in place of the work with a fresh history. @restored_key
 * names the draft it came from, if it did. */
void
_mg_session_install (MgSession     *self,
                     MgDataset     *dataset,
                     GFile         *file,
                     const MgStamp *stamp,
                     const char    *restored_key)
{
  gboolean was_modified = mg_session_get_modified (self);

  g_object_freeze_notify (G_OBJECT (self));

  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_clear_object (&self->history);
  g_set_object (&self->dataset, dataset);
  self->history = mg_history_new (dataset);
  /* A person coding in the window expects a document they start on to be
   * in progress without saying so. */
  mg_history_set_start_documents (self->history, TRUE);
  self->n_changes = 0;
  g_signal_connect_object (self->history, "notify::modified",
                           G_CALLBACK (history_modified_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "changed",
                           G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);

  /* Whatever takes the place of the sample is the person's own. */
  self->welcome = FALSE;
  set_file (self, file);
  self->stamp = *stamp;
  self->kept = (MgStamp) { 0 };
  _mg_session_watch (self);
  _mg_session_drafts_replace (self, restored_key);
  if (restored_key != NULL)
    mg_history_mark_modified (self->history);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
  if (was_modified != mg_session_get_modified (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);

  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * mg_session_set_dataset:
 * @dataset: the dataset to open
 * @file: (nullable): where it lives, or %NULL while it was never saved
 *
 * Opens @dataset in place of the session's work, with a fresh history. The
 * work it replaces is given up: its draft goes. The file's stamp is taken
 * now, so a later save notices a change made by someone else.
 */
void
mg_session_set_dataset (MgSession *self,
                        MgDataset *dataset,
                        GFile     *file)
{
  MgStamp stamp = { 0 };

  g_return_if_fail (MG_IS_SESSION (self));
  g_return_if_fail (MG_IS_DATASET (dataset));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (file != NULL)
    _mg_stamp_query (file, &stamp);
  self->n_opened++;
  _mg_session_install (self, dataset, file, &stamp, NULL);
}

/**
 * mg_session_set_welcome:
 * @dataset: the sample, a dataset of no file
 *
 * Opens @dataset as mg_session_set_dataset() does, as the welcome page:
 * something to try, never a dataset the person's own articles go into
 * (mg_session_get_welcome() says when it is still shown).
 */
void
mg_session_set_welcome (MgSession *self,
                        MgDataset *dataset)
{
  g_return_if_fail (MG_IS_SESSION (self));
  g_return_if_fail (MG_IS_DATASET (dataset));

  mg_session_set_dataset (self, dataset, NULL);
  self->welcome = TRUE;
}

/**
 * mg_session_get_welcome:
 *
 * Returns: whether the dataset shown is the welcome sample: an import
 *   starts a dataset of its own rather than add to it
 */
gboolean
mg_session_get_welcome (MgSession *self)
{
  g_return_val_if_fail (MG_IS_SESSION (self), FALSE);

  return self->welcome;
}

/**
 * mg_session_new_dataset:
 * @annotator: (nullable): who signs it
 *
 * Opens an empty dataset with the default labels and no file, in place
 * of the session's work, as mg_session_set_dataset() does.
 */
void
mg_session_new_dataset (MgSession  *self,
                        const char *annotator)
{
  g_autoptr(MgDataset) dataset = mg_dataset_new ();

  g_return_if_fail (MG_IS_SESSION (self));

  if (annotator != NULL && *annotator != '\0')
    mg_dataset_set_annotator (dataset, annotator);
  mg_session_set_dataset (self, dataset, NULL);
}

/* Runs @thread over @data in a worker thread, then @done on the main loop
 * with @task, the caller's, as its user data, to finish it. A thread's task
 * may be freed in the thread: only @task, freed on the main loop, may hold
 * the session. Takes @task. */
void
_mg_session_run_in_thread (GTask               *task,
                           gpointer             data,
                           GDestroyNotify       data_free,
                           GTaskThreadFunc      thread,
                           GAsyncReadyCallback  done)
{
  g_autoptr(GTask) inner = g_task_new (NULL, g_task_get_cancellable (task), done, task);

  g_task_set_source_tag (inner, thread);
  g_task_set_task_data (inner, data, data_free);
  g_task_run_in_thread (inner, thread);
}

/* What every _finish() of the session does: its tasks return booleans. */
gboolean
_mg_session_finish (MgSession     *self,
                    GAsyncResult  *result,
                    GError       **error)
{
  g_return_val_if_fail (MG_IS_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Whether another dataset was asked for since @opened: the person's
 * latest choice wins, and what was asked before is dropped. */
gboolean
_mg_session_superseded (MgSession  *self,
                        guint       opened,
                        GError    **error)
{
  if (opened == self->n_opened)
    return FALSE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                       "Another dataset was opened meanwhile");
  return TRUE;
}

/* A load or restore is done, whatever came of it: the saves asked
 * meanwhile, which meant the work being opened, may go. */
void
_mg_session_opened (MgSession *self)
{
  g_assert (self->n_opening > 0);
  if (--self->n_opening > 0)
    return;
  if (!self->save_running && !g_queue_is_empty (&self->saves))
    start_next_save (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPENING]);
}

void
_mg_session_opening (MgSession *self)
{
  if (self->n_opening++ == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPENING]);
}

/**
 * mg_session_get_opening:
 *
 * Returns: whether a dataset is being loaded or restored, to take the
 *   place of the one open
 */
gboolean
mg_session_get_opening (MgSession *self)
{
  g_return_val_if_fail (MG_IS_SESSION (self), FALSE);
  return self->n_opening > 0;
}

/* Loading */

typedef struct
{
  GFile     *file;
  char      *path;
  MgDataset *dataset;
  MgStamp    stamp;
  guint      opened;   /* the session's count when asked */
} LoadData;

static void
load_data_free (LoadData *load)
{
  g_clear_object (&load->file);
  g_clear_pointer (&load->path, g_free);
  g_clear_object (&load->dataset);
  g_free (load);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *load = task_data;
  GError *error = NULL;

  /* The stamp is taken before reading, so a change made during the read
   * still counts as a change. */
  _mg_stamp_query (load->file, &load->stamp);
  if (g_task_return_error_if_cancelled (task))
    return;
  load->dataset = mg_dataset_load_file (load->path, &error);
  if (load->dataset == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MgSession *self = g_task_get_source_object (task);
  LoadData *load = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  /* Cancelled, even after the file was read: the work stays as it was. */
  if (!g_task_propagate_boolean (G_TASK (result), &error) ||
      _mg_session_superseded (self, load->opened, &error))
    {
      _mg_session_opened (self);
      g_task_return_error (task, error);
      return;
    }
  _mg_session_install (self, load->dataset, load->file, &load->stamp, NULL);
  _mg_session_opened (self);
  g_task_return_boolean (task, TRUE);
}

/**
 * mg_session_load_async:
 * @file: a dataset file
 * @cancellable: (nullable): to give up; the work then stays as it was
 *
 * Reads @file in a worker thread and, once it is read, opens it in place of
 * the session's work, as mg_session_set_dataset() does. On failure the work
 * stays as it was. A dataset set, loaded or restored after this call takes
 * its place: this load then fails with %G_IO_ERROR_CANCELLED.
 */
void
mg_session_load_async (MgSession           *self,
                       GFile               *file,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *load;

  g_return_if_fail (MG_IS_SESSION (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mg_session_load_async);

  load = g_new0 (LoadData, 1);
  load->opened = ++self->n_opened;
  load->file = g_object_ref (file);
  load->path = g_file_get_path (file);
  if (load->path == NULL)
    {
      load_data_free (load);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("The file is not on this computer."));
      return;
    }

  /* The thread reads; load_done_cb() opens what it read, on the main loop. */
  _mg_session_opening (self);
  _mg_session_run_in_thread (g_steal_pointer (&task), load, (GDestroyNotify)load_data_free,
                             load_thread, load_done_cb);
}

/**
 * mg_session_load_finish:
 *
 * Returns: %TRUE if the file is open; %FALSE with @error set, the work as
 *   it was, when it could not be read or the load was cancelled
 */
gboolean
mg_session_load_finish (MgSession     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  return _mg_session_finish (self, result, error);
}

/* Saving: one save at a time, in the order asked, each serialising the
 * dataset as it is when its turn comes. */

typedef struct
{
  GFile              *target;
  MgSessionSaveFlags  flags;
  char               *path;
  GBytes             *bytes;
  MgStamp             expected;   /* with @check, how the file must still look */
  MgStamp             written;    /* how it looks after the save */
  guint               n_changes;  /* of the history when serialised */
  gboolean            check;
} SaveData;

static void
save_data_free (SaveData *save)
{
  g_clear_object (&save->target);
  g_clear_pointer (&save->path, g_free);
  g_clear_pointer (&save->bytes, g_bytes_unref);
  g_free (save);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *save = task_data;
  GError *error = NULL;
  MgStamp now;

  if (g_task_return_error_if_cancelled (task))
    return;
  /* A file that vanished is not "changed": saving recreates it, replacing
   * nothing. */
  if (save->check && _mg_stamp_query (save->target, &now) &&
      !(save->expected.valid && _mg_stamp_equal (&now, &save->expected)))
    {
      g_autofree char *name = g_file_get_basename (save->target);

      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
                               _("“%s” was changed by another program since it was opened here."),
                               name);
      return;
    }
  if (!mg_write_file_atomic (save->path, save->bytes, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  _mg_stamp_query (save->target, &save->written);
  g_task_return_boolean (task, TRUE);
}

/* The work is in @save's target: that is its file now. */
static void
saved (MgSession *self,
       SaveData  *save)
{
  gboolean all_saved = save->n_changes == self->n_changes;

  g_object_freeze_notify (G_OBJECT (self));
  set_file (self, save->target);
  self->stamp = save->written;
  _mg_session_watch (self);
  /* Edits made while the bytes were on their way are not on disk. */
  if (all_saved)
    mg_history_mark_saved (self->history);
  _mg_session_drafts_file_saved (self, all_saved);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(MgSession) self = g_object_ref (user_data);
  g_autoptr(GTask) task = g_queue_pop_head (&self->saves);
  SaveData *save = g_task_get_task_data (task);
  GError *error = NULL;

  self->save_running = FALSE;
  if (g_task_propagate_boolean (G_TASK (result), &error))
    saved (self, save);

  /* The next save is under way before this one's caller hears back, so a
   * save asked from its callback waits its turn. */
  if (!g_queue_is_empty (&self->saves) && self->n_opening == 0)
    start_next_save (self);
  else if (self->check_after_save)
    {
      self->check_after_save = FALSE;
      _mg_session_check_disk (self);
    }

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
start_next_save (MgSession *self)
{
  GTask *task = g_queue_peek_head (&self->saves);
  SaveData *save = g_task_get_task_data (task);
  g_autoptr(GTask) inner = NULL;

  self->save_running = TRUE;
  save->path = self->dataset ? g_file_get_path (save->target) : NULL;
  if (save->path != NULL)
    {
      /* The dataset changes only on the main loop: the thread gets bytes. */
      save->bytes = mg_dataset_to_bytes (self->dataset);
      save->n_changes = self->n_changes;
      save->expected = self->stamp;
      save->check = !(save->flags & MG_SESSION_SAVE_OVERWRITE) &&
                    self->file != NULL && g_file_equal (save->target, self->file);
    }

  /* The task waiting in the queue holds the session meanwhile. */
  inner = g_task_new (NULL, g_task_get_cancellable (task), save_done_cb, self);
  g_task_set_source_tag (inner, save_thread);
  /* A save that wrote the file says so, even if cancelled meanwhile. */
  g_task_set_check_cancellable (inner, FALSE);
  g_task_set_task_data (inner, save, NULL);
  if (self->dataset == NULL)
    g_task_return_new_error (inner, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             "The dataset to save could not be opened");
  else if (save->path == NULL)
    g_task_return_new_error (inner, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             _("Only files on this computer can be saved to."));
  else
    g_task_run_in_thread (inner, save_thread);
}

gboolean
_mg_session_is_saving (MgSession *self)
{
  return !g_queue_is_empty (&self->saves);
}

/**
 * mg_session_save_async:
 * @target: (nullable): where to save, or %NULL for the session's file
 * @flags: with %MG_SESSION_SAVE_OVERWRITE, replace the session's file even
 *   if someone else changed it
 * @cancellable: (nullable): to give up a save that has not begun writing
 *
 * Saves the dataset atomically to @target in a worker thread, after the
 * saves asked before it and once a dataset being loaded or restored is
 * open: a save means the work the person asked for. Saving over the session's own file is refused with
 * %G_IO_ERROR_WRONG_ETAG when another program changed the file since it was
 * loaded or last saved, unless @flags say otherwise. Once saved, @target is
 * the session's file, the work is marked saved (unless it was edited while
 * the save ran) and its draft is removed.
 */
void
mg_session_save_async (MgSession           *self,
                       GFile               *target,
                       MgSessionSaveFlags   flags,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  GTask *task;
  SaveData *save;

  g_return_if_fail (MG_IS_SESSION (self));
  g_return_if_fail (self->dataset != NULL || self->n_opening > 0);
  g_return_if_fail (target == NULL || G_IS_FILE (target));
  g_return_if_fail (target != NULL || self->file != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mg_session_save_async);
  g_task_set_check_cancellable (task, FALSE);
  save = g_new0 (SaveData, 1);
  save->target = g_object_ref (target != NULL ? target : self->file);
  save->flags = flags;
  g_task_set_task_data (task, save, (GDestroyNotify)save_data_free);

  g_queue_push_tail (&self->saves, task);
  if (!self->save_running && self->n_opening == 0)
    start_next_save (self);
}

/**
 * mg_session_save_finish:
 *
 * Returns: %TRUE if the dataset was saved; %FALSE with @error set, and the
 *   file on disk as it was, otherwise
 */
gboolean
mg_session_save_finish (MgSession     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  return _mg_session_finish (self, result, error);
}

void
_mg_session_emit_changed_on_disk (MgSession *self)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED_ON_DISK], 0);
}

/* Accessors */

/**
 * mg_session_new:
 * @drafts: (nullable): where drafts are kept, or %NULL for the user's data
 *   folder
 *
 * Returns: (transfer full): a session with nothing open yet
 */
MgSession *
mg_session_new (MgDrafts *drafts)
{
  g_return_val_if_fail (drafts == NULL || MG_IS_DRAFTS (drafts), NULL);

  return g_object_new (MG_TYPE_SESSION, "drafts", drafts, NULL);
}

/**
 * mg_session_get_drafts:
 *
 * Returns: (transfer none): where the session keeps its drafts
 */
MgDrafts *
mg_session_get_drafts (MgSession *self)
{
  g_return_val_if_fail (MG_IS_SESSION (self), NULL);
  return self->drafts;
}

/**
 * mg_session_get_dataset:
 *
 * Returns: (transfer none) (nullable): the dataset open, or %NULL before one
 *   was set or loaded
 */
MgDataset *
mg_session_get_dataset (MgSession *self)
{
  g_return_val_if_fail (MG_IS_SESSION (self), NULL);
  return self->dataset;
}

/**
 * mg_session_get_history:
 *
 * Returns: (transfer none) (nullable): the history every edit of the dataset
 *   goes through; it is replaced with the dataset
 */
MgHistory *
mg_session_get_history (MgSession *self)
{
  g_return_val_if_fail (MG_IS_SESSION (self), NULL);
  return self->history;
}

/**
 * mg_session_get_file:
 *
 * Returns: (transfer none) (nullable): the dataset's file, or %NULL until it
 *   is first saved
 */
GFile *
mg_session_get_file (MgSession *self)
{
  g_return_val_if_fail (MG_IS_SESSION (self), NULL);
  return self->file;
}

/**
 * mg_session_get_modified:
 *
 * Returns: whether the work has changes that are not saved
 */
gboolean
mg_session_get_modified (MgSession *self)
{
  g_return_val_if_fail (MG_IS_SESSION (self), FALSE);
  return self->history != NULL && mg_history_get_modified (self->history);
}

guint
mg_session_get_autosave_delay (MgSession *self)
{
  g_return_val_if_fail (MG_IS_SESSION (self), 0);
  return self->autosave_delay;
}

/**
 * mg_session_set_autosave_delay:
 * @msec: how long after a change its draft is written, at most
 *   %MG_SESSION_AUTOSAVE_MAX_MSEC
 *
 * Each change restarts the delay, but the oldest change not in a draft
 * never waits longer than %MG_SESSION_AUTOSAVE_MAX_MSEC.
 */
void
mg_session_set_autosave_delay (MgSession *self,
                               guint      msec)
{
  g_return_if_fail (MG_IS_SESSION (self));

  msec = MIN (msec, MG_SESSION_AUTOSAVE_MAX_MSEC);
  if (self->autosave_delay == msec)
    return;
  self->autosave_delay = msec;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTOSAVE_DELAY]);
}

/* GObject */

static void
mg_session_constructed (GObject *object)
{
  MgSession *self = MG_SESSION (object);

  G_OBJECT_CLASS (mg_session_parent_class)->constructed (object);

  if (self->drafts == NULL)
    self->drafts = mg_drafts_new (NULL);
}

static void
mg_session_dispose (GObject *object)
{
  MgSession *self = MG_SESSION (object);

  g_cancellable_cancel (self->cancellable);
  _mg_session_unwatch (self);
  _mg_session_drafts_dispose (self);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);

  g_clear_object (&self->history);
  g_clear_object (&self->dataset);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (mg_session_parent_class)->dispose (object);
}

static void
mg_session_finalize (GObject *object)
{
  MgSession *self = MG_SESSION (object);

  /* Every task holds the session, so none is left by now. */
  g_assert (g_queue_is_empty (&self->saves));
  g_clear_pointer (&self->draft_waiters, g_ptr_array_unref);
  g_clear_object (&self->drafts);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (mg_session_parent_class)->finalize (object);
}

static void
mg_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  MgSession *self = MG_SESSION (object);

  switch (prop_id)
    {
    case PROP_AUTOSAVE_DELAY:
      g_value_set_uint (value, self->autosave_delay);
      break;
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;
    case PROP_DRAFTS:
      g_value_set_object (value, self->drafts);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, mg_session_get_modified (self));
      break;
    case PROP_OPENING:
      g_value_set_boolean (value, mg_session_get_opening (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mg_session_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  MgSession *self = MG_SESSION (object);

  switch (prop_id)
    {
    case PROP_AUTOSAVE_DELAY:
      mg_session_set_autosave_delay (self, g_value_get_uint (value));
      break;
    case PROP_DRAFTS:
      self->drafts = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mg_session_class_init (MgSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->constructed = mg_session_constructed;
  object_class->dispose = mg_session_dispose;
  object_class->finalize = mg_session_finalize;
  object_class->get_property = mg_session_get_property;
  object_class->set_property = mg_session_set_property;

  properties[PROP_AUTOSAVE_DELAY] =
    g_param_spec_uint ("autosave-delay", NULL, NULL,
                       0, MG_SESSION_AUTOSAVE_MAX_MSEC, DEFAULT_AUTOSAVE_MSEC,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DATASET] = g_param_spec_object ("dataset", NULL, NULL, MG_TYPE_DATASET, ro);
  properties[PROP_DRAFTS] =
    g_param_spec_object ("drafts", NULL, NULL, MG_TYPE_DRAFTS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, ro);
  properties[PROP_HISTORY] = g_param_spec_object ("history", NULL, NULL, MG_TYPE_HISTORY, ro);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, ro);
  properties[PROP_OPENING] = g_param_spec_boolean ("opening", NULL, NULL, FALSE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MgSession::autosave-failed:
   * @error: why the draft could not be written
   *
   * The work is still open and unsaved, but a crash now would lose it.
   */
  signals[SIGNAL_AUTOSAVE_FAILED] =
    g_signal_new ("autosave-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);

  /**
   * MgSession::changed-on-disk:
   *
   * Another program changed the dataset's file since it was loaded or last
   * saved. Emitted once the file has been quiet for a moment, and not again
   * for a change mg_session_keep_mine() was told about.
   */
  signals[SIGNAL_CHANGED_ON_DISK] =
    g_signal_new ("changed-on-disk",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
mg_session_init (MgSession *self)
{
  self->cancellable = g_cancellable_new ();
  self->autosave_delay = DEFAULT_AUTOSAVE_MSEC;
  self->draft_waiters = g_ptr_array_new_with_free_func (g_object_unref);
  g_queue_init (&self->saves);
}

static gboolean
is_default_annotator (const char *annotator,
                      const char *previous)
{
  return annotator == NULL || *annotator == '\0' ||
         g_strcmp0 (annotator, g_get_user_name ()) == 0 ||
         (previous != NULL && *previous != '\0' && g_strcmp0 (annotator, previous) == 0);
}

/**
 * mg_session_rename_annotator:
 * @name: the person's name as just set in the preferences; empty means the
 *   login name
 * @previous: (nullable): the name the preferences held before
 *
 * Signs the open dataset with the person's new name at once, when it is
 * theirs: unsigned, or signed with the login name or with @previous. A
 * dataset signed by someone else keeps that name, since the person may
 * only be reading a colleague's work. The change is not an undo step (undo
 * takes back coding, and the preferences would still show the new name),
 * but it marks the dataset modified so the next save and draft carry it.
 *
 * Returns: %TRUE when the dataset took @name
 */
gboolean
mg_session_rename_annotator (MgSession  *self,
                             const char *name,
                             const char *previous)
{
  MgDataset *dataset;

  g_return_val_if_fail (MG_IS_SESSION (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (*name == '\0')
    name = g_get_user_name ();
  dataset = mg_session_get_dataset (self);
  if (dataset == NULL || g_strcmp0 (mg_dataset_get_annotator (dataset), name) == 0 ||
      !is_default_annotator (mg_dataset_get_annotator (dataset), previous))
    return FALSE;

  mg_dataset_set_annotator (dataset, name);
  mg_history_mark_modified (mg_session_get_history (self));

  return TRUE;
}
