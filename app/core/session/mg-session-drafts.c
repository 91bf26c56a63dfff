/* mg-session-drafts.c: the autosaved draft of a session's work, and its
 * recovery after a crash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A few seconds after each change the dataset is written as a draft. It is
 * serialised in short slices of the main loop, below the window's redraw,
 * and each part goes to a worker thread that streams it to the draft's
 * file: typing never waits long for an autosave, and only a few parts of a
 * big dataset are in memory at once. An edit between two slices leaves
 * the draft under way useless: it is given up, the draft on disk stays as
 * it was, and the work is written again from the start. The draft goes
 * once the work is saved or given up. Drafts a session of this process
 * wrote are work in progress, never offered for recovery; what is left
 * when the process dies is.
 */

#define G_LOG_DOMAIN "mg-session"

#include "config.h"

#include "mg-dataset-io.h"
#include "mg-session-private.h"

/* A slice of the main loop stops after this long, or when the thread has
 * this many bytes not yet written; the thread is handed parts of about
 * CHUNK_BYTES (one unit of the serialiser more at most). */
#define SLICE_USEC         3000
#define CHUNK_BYTES        (64 * 1024)
#define MAX_IN_FLIGHT      (1024 * 1024)
/* While the thread catches up, the slices wait this long between tries. */
#define WAIT_MSEC          2

/* The last message to the thread, after the parts: put the draft in
 * place, or drop what was written. */
static char end_mark, abandon_mark;
#define END_MARK     ((gpointer) &end_mark)
#define ABANDON_MARK ((gpointer) &abandon_mark)

struct _MgDraftWrite
{
  /* Shared with the thread */
  MgDrafts    *drafts;
  MgDraft     *draft;
  GAsyncQueue *parts;      /* of GBytes, then END_MARK or ABANDON_MARK */
  gint         in_flight;  /* bytes queued but not yet written, atomic */
  gint         failed;     /* the thread met an error, atomic */

  /* The main loop's */
  MgSession           *session;     /* held by the task's callback */
  MgDataset           *dataset;     /* only compared: @serializer holds it */
  MgDatasetSerializer *serializer;  /* NULL once the last message is sent */
  GPtrArray           *waiters;     /* of GTask, told when this write is done */
  guint                generation;
  guint                n_changes;   /* of the history when begun */
  guint                slice_id;
  guint                abandoned : 1;
};
/* Keys of the drafts live sessions of this process wrote, counted, since
 * two sessions may open the same file. Touched on the main loop only. */
static GHashTable *live_keys;

static void write_draft (MgSession *self);

static void
claim_key (const char *key)
{
  guint count;

  if (live_keys == NULL)
    live_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  count = GPOINTER_TO_UINT (g_hash_table_lookup (live_keys, key));
  g_hash_table_insert (live_keys, g_strdup (key), GUINT_TO_POINTER (count + 1));
}

static void
release_key (const char *key)
{
  guint count;

  if (key == NULL || live_keys == NULL)
    return;
  count = GPOINTER_TO_UINT (g_hash_table_lookup (live_keys, key));
  if (count <= 1)
    g_hash_table_remove (live_keys, key);
  else
    g_hash_table_insert (live_keys, g_strdup (key), GUINT_TO_POINTER (count - 1));
}

static void
claim (MgSession *self)
{
  if (g_strcmp0 (self->claimed_key, self->draft_key) == 0)
    return;
  release_key (self->claimed_key);
  g_free (self->claimed_key);
  self->claimed_key = g_strdup (self->draft_key);
  claim_key (self->claimed_key);
}

static void
unclaim (MgSession *self)
{
  release_key (self->claimed_key);
  g_clear_pointer (&self->claimed_key, g_free);
}

void
_mg_session_stop_autosave (MgSession *self)
{
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  self->first_change = 0;
}

/* The work is safe elsewhere or given up: its draft goes, and a write still
 * under way is told to remove what it wrote. */
static void
discard (MgSession *self)
{
  g_autoptr(GError) error = NULL;

  _mg_session_stop_autosave (self);
  self->generation++;
  self->write_again = FALSE;
  if (self->draft_key != NULL &&
      !mg_drafts_discard (self->drafts, self->draft_key, &error))
    g_warning ("%s", error->message);
  unclaim (self);
}

static void
set_key_for_file (MgSession *self)
{
  g_autofree char *path = self->file ? g_file_get_path (self->file) : NULL;

  g_free (self->draft_key);
  self->draft_key = path ? mg_drafts_key_for_path (path) : mg_drafts_new_key ();
}

static gboolean
needs_draft (MgSession *self)
{
  return self->dataset != NULL && self->draft_key != NULL && mg_session_get_modified (self);
}

static MgDraft *
describe_draft (MgSession *self)
{
  g_autofree char *path = self->file ? g_file_get_path (self->file) : NULL;
  MgDraft *draft = mg_draft_new (self->draft_key, path);

  mg_draft_set_counts (draft, mg_dataset_get_n_documents (self->dataset),
                       mg_dataset_count_annotations (self->dataset));
  if (self->stamp.valid)
    mg_draft_set_original_stamp (draft, self->stamp.mtime_usec, self->stamp.size);
  return draft;
}

/* Writing: the thread */

static void
draft_write_free (MgDraftWrite *write)
{
  g_assert (write->serializer == NULL);
  g_clear_object (&write->drafts);
  g_clear_object (&write->draft);
  g_clear_pointer (&write->parts, g_async_queue_unref);
  g_clear_pointer (&write->waiters, g_ptr_array_unref);
  g_free (write);
}

/* What a part counts for in @in_flight: its size, bounded so that the
 * sum of a few always fits an int. */
static gint
part_weight (gsize n_bytes)
{
  return (gint) MIN (n_bytes, (gsize) MAX_IN_FLIGHT);
}

/* Writes the parts as they come until the last message. After an error
 * the parts are still taken, so that the main loop never waits for room. */
static gpointer
stream_parts (MgDraftWrite  *write,
              MgFileWriter  *writer,
              GError       **error)
{
  gpointer item;

  while ((item = g_async_queue_pop (write->parts)) != END_MARK && item != ABANDON_MARK)
    {
      g_autoptr(GBytes) part = item;
      gsize n_bytes;
      const void *data = g_bytes_get_data (part, &n_bytes);

      if (*error == NULL &&
          !g_output_stream_write_all (G_OUTPUT_STREAM (writer), data, n_bytes, NULL, NULL, error))
        g_atomic_int_set (&write->failed, TRUE);
      g_atomic_int_add (&write->in_flight, -part_weight (n_bytes));
    }
  return item;
}

static void
draft_write_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  MgDraftWrite *write = task_data;
  g_autoptr(MgFileWriter) writer = NULL;
  GError *error = NULL;
  gpointer last;

  if ((writer = mg_drafts_begin_write (write->drafts, write->draft, &error)) == NULL)
    g_atomic_int_set (&write->failed, TRUE);
  last = stream_parts (write, writer, &error);
  if (error == NULL && last == ABANDON_MARK)
    error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                 "The work changed while its draft was written");
  /* A writer dropped uncommitted leaves the previous draft whole. */
  if (error == NULL && mg_drafts_finish_write (write->drafts, write->draft, writer, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Writing: the main loop */

static void
tell_waiters (GPtrArray    *waiters,
              const GError *error)
{
  for (guint i = 0; i < waiters->len; i++)
    {
      GTask *task = g_ptr_array_index (waiters, i);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_boolean (task, TRUE);
    }
  g_ptr_array_set_size (waiters, 0);
}

static void
draft_written_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(MgSession) self = user_data;
  MgDraftWrite *write = g_task_get_task_data (G_TASK (result));
  const char *key = mg_draft_get_key (write->draft);
  g_autoptr(GError) error = NULL;

  self->writing = NULL;
  if (!g_task_propagate_boolean (G_TASK (result), &error) && !write->abandoned)
    g_signal_emit_by_name (self, "autosave-failed", error);

  /* Saved or given up while this draft was on its way: it must not stay. */
  if (write->generation != self->generation &&
      !(g_strcmp0 (key, self->draft_key) == 0 && needs_draft (self)))
    mg_drafts_discard (write->drafts, key, NULL);

  /* Left with waiters only when no draft was wanted any more. */
  tell_waiters (write->waiters, write->abandoned ? NULL : error);
  if (self->write_again)
    {
      self->write_again = FALSE;
      write_draft (self);
    }
}

/* Sends the thread its last message; no slice runs after it. */
static void
end_stream (MgDraftWrite *write,
            gpointer      mark)
{
  g_clear_handle_id (&write->slice_id, g_source_remove);
  g_clear_pointer (&write->serializer, mg_dataset_serializer_free);
  g_async_queue_push (write->parts, mark);
}

/* The work changed since the write began: what was serialised mixes two
 * states. After an edit, whoever waited for a draft waits for the next
 * one, which starts once the thread let go. With no one waiting, the next
 * draft comes when the edit's own autosave is due: starting it at once
 * would serialise the work again and again while a person edits quickly,
 * each time given up at the next edit. Work saved, given up or replaced meanwhile
 * wants no draft, as when the write was done. */
static void
abandon (MgSession    *self,
         MgDraftWrite *write)
{
  g_debug ("The work changed while its draft was written");
  end_stream (write, ABANDON_MARK);
  write->abandoned = TRUE;
  if (write->generation != self->generation)
    return;
  for (guint i = 0; i < write->waiters->len; i++)
    g_ptr_array_add (self->draft_waiters, g_object_ref (g_ptr_array_index (write->waiters, i)));
  g_ptr_array_set_size (write->waiters, 0);
  if (self->draft_waiters->len > 0 || self->autosave_id == 0)
    self->write_again = TRUE;
}

static gboolean
is_stale (MgSession    *self,
          MgDraftWrite *write)
{
  return write->generation != self->generation || write->n_changes != self->n_changes ||
         write->dataset != self->dataset;
}

/* Serialises the next part and hands it to the thread.
 * Returns: %FALSE once the dataset is all handed over */
static gboolean
send_part (MgDraftWrite *write)
{
  GString *out = g_string_sized_new (CHUNK_BYTES + 4096);
  gboolean more = mg_dataset_serializer_next (write->serializer, out, CHUNK_BYTES);

  g_atomic_int_add (&write->in_flight, part_weight (out->len));
  g_async_queue_push (write->parts, g_string_free_to_bytes (out));
  return more;
}

static gboolean write_slice_cb (gpointer user_data);

static void
count_slice (MgSession *self,
             gint64     began)
{
  gint64 took = g_get_monotonic_time () - began;

  self->draft_slices++;
  self->draft_slice_max_usec = MAX (self->draft_slice_max_usec, took);
  self->draft_slice_total_usec += took;
}

/* One slice: parts until its time is up or the thread has enough to
 * write. Below the redraw's priority, so a frame is never held for it. */
static gboolean
write_slice_cb (gpointer user_data)
{
  MgDraftWrite *write = user_data;
  MgSession *self = write->session;
  gint64 began = g_get_monotonic_time ();
  gboolean full = FALSE;
  gboolean sent = FALSE;

  write->slice_id = 0;
  if (is_stale (self, write))
    {
      abandon (self, write);
      return G_SOURCE_REMOVE;
    }
  /* The thread's error stands; the rest would not be written anyway. */
  if (g_atomic_int_get (&write->failed))
    {
      end_stream (write, END_MARK);
      return G_SOURCE_REMOVE;
    }

  while (!(full = g_atomic_int_get (&write->in_flight) >= MAX_IN_FLIGHT))
    {
      sent = TRUE;
      if (!send_part (write))
        {
          end_stream (write, END_MARK);
          count_slice (self, began);
          return G_SOURCE_REMOVE;
        }
      if (g_get_monotonic_time () - began >= SLICE_USEC)
        break;
    }
  /* A try that found the thread still busy is no slice of the work. */
  if (sent)
    count_slice (self, began);
  if (full)
    write->slice_id = g_timeout_add_full (G_PRIORITY_DEFAULT_IDLE, WAIT_MSEC,
                                          write_slice_cb, write, NULL);
  else
    write->slice_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, write_slice_cb, write, NULL);
  return G_SOURCE_REMOVE;
}

static MgDraftWrite *
draft_write_new (MgSession *self)
{
  MgDraftWrite *write = g_new0 (MgDraftWrite, 1);

  write->drafts = g_object_ref (self->drafts);
  write->draft = describe_draft (self);
  write->parts = g_async_queue_new ();
  write->session = self;
  write->dataset = self->dataset;
  write->serializer = mg_dataset_serializer_new (self->dataset);
  write->generation = self->generation;
  write->n_changes = self->n_changes;
  write->waiters = g_steal_pointer (&self->draft_waiters);
  self->draft_waiters = g_ptr_array_new_with_free_func (g_object_unref);
  return write;
}

static void
write_draft (MgSession *self)
{
  g_autoptr(GTask) task = NULL;
  MgDraftWrite *write;

  _mg_session_stop_autosave (self);
  if (!needs_draft (self))
    {
      tell_waiters (self->draft_waiters, NULL);
      return;
    }
  /* One write at a time, so an older draft never lands after a newer one. */
  if (self->writing != NULL)
    {
      self->write_again = TRUE;
      return;
    }

  write = draft_write_new (self);
  self->writing = write;
  self->draft_slices = 0;
  self->draft_slice_max_usec = 0;
  self->draft_slice_total_usec = 0;
  claim (self);

  /* A thread's task may be freed in the thread: the session is held by
   * the callback, which runs on the main loop. The thread ends only after
   * the last message of the slices, so the slices never outlive @write. */
  task = g_task_new (NULL, NULL, draft_written_cb, g_object_ref (self));
  g_task_set_source_tag (task, write_draft);
  g_task_set_task_data (task, write, (GDestroyNotify)draft_write_free);
  g_task_run_in_thread (task, draft_write_thread);
  write->slice_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, write_slice_cb, write, NULL);
}

static gboolean
autosave_cb (gpointer user_data)
{
  MgSession *self = user_data;

  self->autosave_id = 0;
  write_draft (self);
  return G_SOURCE_REMOVE;
}

/* Each change restarts the delay, but the oldest change not in a draft
 * never waits longer than the promised maximum. */
static void
schedule_autosave (MgSession *self)
{
  gint64 now = g_get_monotonic_time ();
  gint64 due;

  if (self->first_change == 0)
    self->first_change = now;
  due = MIN (now + (gint64) self->autosave_delay * 1000,
             self->first_change + (gint64) MG_SESSION_AUTOSAVE_MAX_MSEC * 1000);

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  self->autosave_id = g_timeout_add ((guint) (MAX (due - now, 0) / 1000), autosave_cb, self);
}

/* Following the work, called by mg-session.c */

void
_mg_session_drafts_history_changed (MgSession *self)
{
  self->given_up = FALSE;
  if (mg_session_get_modified (self))
    schedule_autosave (self);
  else
    discard (self);  /* back at the saved state, by undo */
}

/* Other work takes the place of the session's. Unless it came from the
 * draft @restored_key, the replaced work's draft goes. */
void
_mg_session_drafts_replace (MgSession  *self,
                            const char *restored_key)
{
  if (restored_key == NULL)
    discard (self);
  else
    {
      _mg_session_stop_autosave (self);
      self->generation++;
      self->write_again = FALSE;
    }
  unclaim (self);
  self->given_up = FALSE;

  if (restored_key == NULL)
    set_key_for_file (self);
  else
    {
      g_free (self->draft_key);
      self->draft_key = g_strdup (restored_key);
      claim (self);
    }
}

/* The work is in its file now, which may be a new one. Edits made while
 * the save ran still want a draft, under the file's key. */
void
_mg_session_drafts_file_saved (MgSession *self,
                               gboolean   all_saved)
{
  discard (self);
  set_key_for_file (self);
  if (!all_saved)
    schedule_autosave (self);
}

/* Writes the draft at once, on this thread, a part at a time as the
 * autosave does: a long document's draft is never whole in memory. */
static gboolean
write_draft_now (MgSession  *self,
                 MgDraft    *draft,
                 GError    **error)
{
  g_autoptr(MgFileWriter) writer = mg_drafts_begin_write (self->drafts, draft, error);
  g_autoptr(MgDatasetSerializer) serializer = NULL;
  g_autoptr(GString) out = NULL;
  gboolean more = TRUE;

  if (writer == NULL)
    return FALSE;
  serializer = mg_dataset_serializer_new (self->dataset);
  out = g_string_sized_new (CHUNK_BYTES + 4096);
  while (more)
    {
      more = mg_dataset_serializer_next (serializer, out, CHUNK_BYTES);
      if (!g_output_stream_write_all (G_OUTPUT_STREAM (writer), out->str, out->len, NULL, NULL,
                                      error))
        return FALSE;
      g_string_truncate (out, 0);
    }
  return mg_drafts_finish_write (self->drafts, draft, writer, error);
}

/* The session goes. Unsaved work nobody gave up keeps its draft, and the
 * changes of the last seconds go into it now rather than never. */
void
_mg_session_drafts_dispose (MgSession *self)
{
  gboolean slicing = self->writing != NULL && self->writing->serializer != NULL;

  /* Only reached while writing when disposed by hand: the write holds
   * the session. Its slices stop here, and this write takes its place. */
  if (slicing)
    abandon (self, self->writing);
  if (needs_draft (self) && !self->given_up)
    {
      if (self->autosave_id != 0 || slicing)
        {
          g_autoptr(MgDraft) draft = describe_draft (self);
          g_autoptr(GError) error = NULL;

          if (!write_draft_now (self, draft, &error))
            g_warning ("Could not write the draft: %s", error->message);
        }
    }
  else if (self->draft_key != NULL)
    discard (self);

  _mg_session_stop_autosave (self);
  unclaim (self);
  g_clear_pointer (&self->draft_key, g_free);
}

/* The public face */

/**
 * mg_session_save_draft_async:
 * @cancellable: (nullable): to stop waiting; the write itself goes on
 *
 * Writes a draft of the unsaved work now, rather than after the autosave
 * delay. With nothing unsaved there is nothing to write, and the call
 * succeeds at once.
 */
void
mg_session_save_draft_async (MgSession           *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (MG_IS_SESSION (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mg_session_save_draft_async);
  if (!needs_draft (self))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  g_ptr_array_add (self->draft_waiters, g_steal_pointer (&task));
  write_draft (self);
}

/**
 * mg_session_save_draft_finish:
 *
 * Returns: %TRUE once the draft holds the work as it was when asked, or
 *   as it was after later edits
 */
gboolean
mg_session_save_draft_finish (MgSession     *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return _mg_session_finish (self, result, error);
}

/**
 * mg_session_discard_draft:
 *
 * The person gave up the unsaved work: its draft is removed and none is
 * kept for it when the session goes, unless it is edited again.
 */
void
mg_session_discard_draft (MgSession *self)
{
  g_return_if_fail (MG_IS_SESSION (self));

  discard (self);
  self->given_up = TRUE;
}

/**
 * mg_session_list_drafts:
 *
 * Finds the drafts left by work that was never saved nor given up, such as
 * a crash leaves, newest first. Drafts of sessions open in this process are
 * work in progress and not listed.
 *
 * Returns: (transfer container) (element-type MgDraft): the drafts, or
 *   %NULL with @error set if the drafts folder cannot be read
 */
GPtrArray *
mg_session_list_drafts (MgSession  *self,
                        GError    **error)
{
  GPtrArray *drafts;

  g_return_val_if_fail (MG_IS_SESSION (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((drafts = mg_drafts_list (self->drafts, error)) == NULL)
    return NULL;
  for (guint i = drafts->len; i > 0; i--)
    {
      MgDraft *draft = g_ptr_array_index (drafts, i - 1);

      if (live_keys != NULL && g_hash_table_contains (live_keys, mg_draft_get_key (draft)))
        g_ptr_array_remove_index (drafts, i - 1);
    }
  return drafts;
}

/* Recovering */

typedef struct
{
  MgDrafts *drafts;
  MgDraft  *draft;
  guint     opened;   /* the session's count when asked */
} RestoreData;

static void
restore_data_free (RestoreData *restore)
{
  g_clear_object (&restore->drafts);
  g_clear_object (&restore->draft);
  g_free (restore);
}

static void
restore_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  RestoreData *restore = task_data;
  MgDataset *dataset;
  GError *error = NULL;

  /* MgDrafts does not change after construction: safe to share. */
  dataset = mg_drafts_load (restore->drafts, restore->draft, &error);
  if (dataset == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, dataset, g_object_unref);
}

static void
restore_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MgSession *self = g_task_get_source_object (task);
  RestoreData *restore = g_task_get_task_data (G_TASK (result));
  MgDraft *draft = restore->draft;
  g_autoptr(MgDataset) dataset = NULL;
  const char *original = mg_draft_get_original_path (draft);
  g_autoptr(GFile) file = original ? g_file_new_for_path (original) : NULL;
  MgStamp stamp = { 0 };
  GError *error = NULL;

  /* Claimed while on its way; the session claims it again if it opens
   * it. Here, on the main loop, as the live keys are only touched there. */
  release_key (mg_draft_get_key (draft));
  if (!(dataset = g_task_propagate_pointer (G_TASK (result), &error)) ||
      _mg_session_superseded (self, restore->opened, &error))
    {
      _mg_session_opened (self);
      g_task_return_error (task, error);
      return;
    }
  /* The file is judged against how it looked when the work began, so a
   * save over a file changed since then still asks. */
  stamp.valid = mg_draft_get_original_stamp (draft, &stamp.mtime_usec, &stamp.size);
  _mg_session_install (self, dataset, file, &stamp, mg_draft_get_key (draft));
  _mg_session_opened (self);
  g_task_return_boolean (task, TRUE);
}

/**
 * mg_session_restore_draft_async:
 * @draft: one of mg_session_list_drafts()
 * @cancellable: (nullable): to give up; the work then stays as it was
 *
 * Reads the dataset of @draft in a worker thread and opens it in place of
 * the session's work, in the file it belongs to and marked unsaved. The
 * draft stays until the work is saved or given up. As with a load, what
 * is opened after this call takes its place.
 */
void
mg_session_restore_draft_async (MgSession           *self,
                                MgDraft             *draft,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RestoreData *restore;

  g_return_if_fail (MG_IS_SESSION (self));
  g_return_if_fail (MG_IS_DRAFT (draft));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mg_session_restore_draft_async);
  restore = g_new0 (RestoreData, 1);
  restore->drafts = g_object_ref (self->drafts);
  restore->draft = g_object_ref (draft);
  restore->opened = ++self->n_opened;
  /* Work on its way back is not offered again meanwhile. */
  claim_key (mg_draft_get_key (draft));
  _mg_session_opening (self);
  _mg_session_run_in_thread (g_steal_pointer (&task), restore, (GDestroyNotify)restore_data_free,
                             restore_thread, restore_done_cb);
}

/**
 * mg_session_restore_draft_finish:
 *
 * Returns: %TRUE if the draft's work is open; %FALSE with @error set, the
 *   work as it was, when the draft could not be read
 */
gboolean
mg_session_restore_draft_finish (MgSession     *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return _mg_session_finish (self, result, error);
}
