/* mg-window-drafts.c: autosaved drafts of the window's work, and their
 * recovery after a crash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A draft of the dataset is written to the data folder a few seconds after
 * each change and removed once the work is saved or discarded; a draft a
 * crash left behind is offered back when the next run starts.
 */

#define G_LOG_DOMAIN "mg-window-drafts"

#include "config.h"

#include <glib/gi18n.h>

#include "mg-window-private.h"

/* The issue promises a draft at most this long after a change. */
#define AUTOSAVE_MAX_USEC       (5 * G_USEC_PER_SEC)

/* Keys of the drafts open windows of this process wrote: those are work in
 * progress, never offered for recovery, whichever window asks. */
static GHashTable *live_keys;
/* Drafts the person put off or that failed to load: not asked again. */
static GHashTable *skipped_keys;
static gboolean    checked_drafts_at_start;

static void     write_draft      (MgWindow *self);
static gboolean offer_next_draft (MgWindow *self);

static void
claim_key (const char *key)
{
  if (live_keys == NULL)
    live_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_insert (live_keys, g_strdup (key),
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (live_keys, key)) + 1));
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
set_draft_key (MgWindow   *self,
               const char *key)
{
  MgWindowFiles *files = self->files;

  if (g_strcmp0 (files->draft_key, key) == 0)
    return;
  g_free (files->draft_key);
  files->draft_key = g_strdup (key);
}

static void
claim_draft (MgWindow *self)
{
  MgWindowFiles *files = self->files;

  if (g_strcmp0 (files->claimed_key, files->draft_key) == 0)
    return;
  release_key (files->claimed_key);
  g_free (files->claimed_key);
  files->claimed_key = g_strdup (files->draft_key);
  claim_key (files->claimed_key);
}

static void
unclaim_draft (MgWindow *self)
{
  release_key (self->files->claimed_key);
  g_clear_pointer (&self->files->claimed_key, g_free);
}

static void
stop_autosave (MgWindow *self)
{
  g_clear_handle_id (&self->files->autosave_id, g_source_remove);
  self->files->first_change = 0;
}

/* The work is safe elsewhere (saved) or given up (discarded): the draft goes,
 * and a draft write still running is told to remove what it wrote. */
void
_mg_window_discard_draft (MgWindow *self)
{
  MgWindowFiles *files = self->files;
  g_autoptr(GError) error = NULL;

  stop_autosave (self);
  files->generation++;
  files->write_again = FALSE;
  if (files->draft_key != NULL &&
      !mg_drafts_discard (files->drafts, files->draft_key, &error))
    g_warning ("%s", error->message);
  unclaim_draft (self);
}

/* Autosave: a draft of the whole dataset, serialised here and written by a
 * worker thread so a big dataset never stalls typing. */

struct _MgWindowDraftWrite
{
  MgDrafts *drafts;
  MgDraft  *draft;
  GBytes   *bytes;
  guint     generation;
  /* Set when the window went away: what to do in its place. */
  MgDraft  *followup_draft;
  GBytes   *followup_bytes;
  gboolean  obsolete;
};

static void
draft_write_free (MgWindowDraftWrite *write)
{
  g_clear_object (&write->drafts);
  g_clear_object (&write->draft);
  g_clear_pointer (&write->bytes, g_bytes_unref);
  g_clear_object (&write->followup_draft);
  g_clear_pointer (&write->followup_bytes, g_bytes_unref);
  g_free (write);
}

static void
draft_write_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  MgWindowDraftWrite *write = task_data;
  GError *error = NULL;

  if (mg_drafts_write (write->drafts, write->draft, write->bytes, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
draft_written_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  MgWindow *self = MG_WINDOW (object);
  MgWindowFiles *files = self->files;
  MgWindowDraftWrite *write = g_task_get_task_data (G_TASK (result));
  const char *key = mg_draft_get_key (write->draft);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not write the draft: %s", error->message);

  /* The window is gone: finish what it asked for in its last moment. */
  if (files == NULL)
    {
      if (write->obsolete)
        mg_drafts_discard (write->drafts, key, NULL);
      else if (write->followup_bytes != NULL)
        mg_drafts_write (write->drafts, write->followup_draft, write->followup_bytes, NULL);
      return;
    }

  files->writing = NULL;

  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *message = g_strdup_printf (_("Could not keep a draft of your work: %s"),
                                                  error->message);
      mg_window_toast (self, message);
    }

  /* Saved or discarded while this draft was on its way: it must not stay. */
  if (write->generation != files->generation &&
      !(g_strcmp0 (key, files->draft_key) == 0 &&
        self->history != NULL && mg_history_get_modified (self->history)))
    mg_drafts_discard (files->drafts, key, NULL);

  if (files->write_again)
    {
      files->write_again = FALSE;
      write_draft (self);
    }
}

static MgDraft *
describe_draft (MgWindow *self)
{
  MgWindowFiles *files = self->files;
  g_autofree char *path = self->file ? g_file_get_path (self->file) : NULL;
  MgDraft *draft = mg_draft_new (files->draft_key, path);

  mg_draft_set_counts (draft, mg_dataset_get_n_documents (self->dataset),
                       mg_dataset_count_annotations (self->dataset));
  if (files->has_stamp)
    mg_draft_set_original_stamp (draft, files->stamp_mtime, files->stamp_size);
  return draft;
}

static gboolean
needs_draft (MgWindow *self)
{
  return self->dataset != NULL && self->history != NULL &&
         self->files->draft_key != NULL && mg_history_get_modified (self->history);
}

static void
write_draft (MgWindow *self)
{
  MgWindowFiles *files = self->files;
  g_autoptr(GTask) task = NULL;
  MgWindowDraftWrite *write;

  stop_autosave (self);
  if (!needs_draft (self))
    return;
  /* One write at a time, so an older draft never lands after a newer one. */
  if (files->writing != NULL)
    {
      files->write_again = TRUE;
      return;
    }

  write = g_new0 (MgWindowDraftWrite, 1);
  write->drafts = g_object_ref (files->drafts);
  write->draft = describe_draft (self);
  write->bytes = mg_dataset_to_bytes (self->dataset);
  write->generation = files->generation;
  files->writing = write;
  claim_draft (self);

  task = g_task_new (self, files->cancellable, draft_written_cb, NULL);
  g_task_set_source_tag (task, write_draft);
  g_task_set_task_data (task, write, (GDestroyNotify)draft_write_free);
  g_task_run_in_thread (task, draft_write_thread);
}

static gboolean
autosave_cb (gpointer user_data)
{
  MgWindow *self = user_data;

  self->files->autosave_id = 0;
  write_draft (self);
  return G_SOURCE_REMOVE;
}

/* Each change restarts the delay, but the oldest change not in a draft
 * never waits longer than the promised five seconds. */
static void
schedule_autosave (MgWindow *self)
{
  MgWindowFiles *files = self->files;
  gint64 now = g_get_monotonic_time ();
  gint64 delay, due;

  if (files->first_change == 0)
    files->first_change = now;
  delay = CLAMP (g_settings_get_uint (self->settings, "autosave-delay"), 1, 5) * G_USEC_PER_SEC;
  due = MIN (now + delay, files->first_change + AUTOSAVE_MAX_USEC);

  g_clear_handle_id (&files->autosave_id, g_source_remove);
  files->autosave_id = g_timeout_add (MAX (due - now, 0) / 1000, autosave_cb, self);
}

static void
history_changed_cb (MgWindow *self)
{
  if (mg_history_get_modified (self->history))
    schedule_autosave (self);
  else
    _mg_window_discard_draft (self);  /* back at the saved state, by undo */
}

/* Recovering drafts after a crash */

static gboolean
offer_next_draft_idle (gpointer user_data)
{
  MgWindow *self = user_data;

  if (self->files != NULL)
    offer_next_draft (self);
  return G_SOURCE_REMOVE;
}

static void
recover (MgWindow *self,
         MgDraft  *draft)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  const char *original = mg_draft_get_original_path (draft);
  g_autoptr(GFile) file = original ? g_file_new_for_path (original) : NULL;
  g_autoptr(MgDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  MgWindow *target = self;
  MgWindowFiles *files;
  gint64 mtime, size;

  if (!(dataset = mg_drafts_load (self->files->drafts, draft, &error)))
    {
      /* The draft stays on disk for a person to look at; no more asking. */
      g_hash_table_add (skipped_keys, g_strdup (mg_draft_get_key (draft)));
      _mg_window_show_error (self, _("Could Not Recover the Draft"), error->message);
      return;
    }

  /* Never replace work that is itself unsaved. */
  if (self->history != NULL && mg_history_get_modified (self->history) && app != NULL)
    {
      target = mg_window_new (MG_APPLICATION (app));
      gtk_window_present (GTK_WINDOW (target));
    }

  mg_window_set_dataset (target, dataset, file);
  files = target->files;
  set_draft_key (target, mg_draft_get_key (draft));
  claim_draft (target);
  /* The file is judged against how it looked when the work began, so a save
   * over a file changed since then still asks. */
  files->has_stamp = mg_draft_get_original_stamp (draft, &mtime, &size);
  files->stamp_mtime = mtime;
  files->stamp_size = size;
  mg_history_mark_modified (target->history);
  _mg_window_update_title (target);
  mg_window_toast (target, _("Unsaved work recovered"));
}

static void
recovery_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      MgWindow         *self)
{
  MgDraft *draft = g_object_get_data (G_OBJECT (dialog), "mg-draft");
  g_autoptr(GError) error = NULL;

  if (self->files == NULL)
    return;
  if (g_str_equal (response, "recover"))
    recover (self, draft);
  else if (g_str_equal (response, "discard"))
    {
      if (!mg_drafts_discard (self->files->drafts, mg_draft_get_key (draft), &error))
        g_warning ("%s", error->message);
    }
  else
    g_hash_table_add (skipped_keys, g_strdup (mg_draft_get_key (draft)));

  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, offer_next_draft_idle,
                   g_object_ref (self), g_object_unref);
}

static char *
describe_for_person (MgDraft *draft)
{
  const char *original = mg_draft_get_original_path (draft);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *when = NULL;
  g_autofree char *what = NULL;
  g_autofree char *name = NULL;

  if (mg_draft_get_saved (draft) != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      local = g_date_time_to_local (mg_draft_get_saved (draft));
      /* A time alone reads best for today's crash, the usual case. */
      if (g_date_time_get_year (local) == g_date_time_get_year (now) &&
          g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
        when = g_date_time_format (local, "%H:%M");
      else
        when = g_date_time_format (local, "%x %H:%M");
    }
  else
    when = g_strdup (_("an unknown time"));
  what = g_strdup_printf (ngettext ("%u annotation", "%u annotations",
                                    mg_draft_get_n_annotations (draft)),
                          mg_draft_get_n_annotations (draft));

  if (original == NULL)
    /* Translators: %s is a date and time, the second %s "12 annotations" */
    return g_strdup_printf (_("Marginalia stopped before a new dataset was saved. A draft from %s with %s was kept."),
                            when, what);
  name = g_filename_display_basename (original);
  /* Translators: %s are a file name, a date and time, and "12 annotations" */
  return g_strdup_printf (_("Marginalia stopped before the changes to “%s” were saved. A draft from %s with %s was kept."),
                          name, when, what);
}

static gboolean
offer_next_draft (MgWindow *self)
{
  MgWindowFiles *files = self->files;
  const MgWindowResponse responses[] = {
    { "discard", _("_Discard"), ADW_RESPONSE_DESTRUCTIVE },
    { "recover", _("_Recover"), ADW_RESPONSE_SUGGESTED },
  };
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  MgDraft *offer = NULL;
  GtkWidget *dialog;

  if (files->dialog != NULL)
    return FALSE;
  if (!(drafts = mg_drafts_list (files->drafts, &error)))
    {
      g_warning ("Cannot look for drafts: %s", error->message);
      return FALSE;
    }
  if (skipped_keys == NULL)
    skipped_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < drafts->len && offer == NULL; i++)
    {
      MgDraft *draft = g_ptr_array_index (drafts, i);
      const char *key = mg_draft_get_key (draft);

      if (!(live_keys && g_hash_table_contains (live_keys, key)) &&
          !g_hash_table_contains (skipped_keys, key))
        offer = draft;
    }
  if (offer == NULL)
    return FALSE;

  body = describe_for_person (offer);
  /* Escape ("later") keeps the draft for later: closing must never destroy
   * work. */
  dialog = _mg_window_prompt (self, _("Recover Unsaved Work?"), body,
                              responses, G_N_ELEMENTS (responses), "recover", "later");
  g_object_set_data_full (G_OBJECT (dialog), "mg-draft", g_object_ref (offer), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (recovery_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
recover_drafts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  offer_next_draft (MG_WINDOW (widget));
}

/* Following the window's dataset and file, called by mg-window-files.c */

void
_mg_window_drafts_file_changed (MgWindow *self)
{
  g_autofree char *path = NULL;
  g_autofree char *key = NULL;

  if (self->file == NULL || (path = g_file_get_path (self->file)) == NULL)
    return;
  key = mg_drafts_key_for_path (path);
  set_draft_key (self, key);
}

void
_mg_window_drafts_dataset_changed (MgWindow *self)
{
  MgWindowFiles *files = self->files;
  g_autofree char *key = NULL;
  g_autofree char *path = NULL;

  stop_autosave (self);
  unclaim_draft (self);
  files->write_again = FALSE;

  if (files->history != NULL)
    g_signal_handlers_disconnect_by_data (files->history, self);
  g_set_object (&files->history, self->history);
  if (files->history != NULL)
    {
      /* "changed" comes after every edit, undo and redo; "modified" alone
       * would only tell the first one. */
      if (g_signal_lookup ("changed", MG_TYPE_HISTORY) != 0)
        g_signal_connect_swapped (files->history, "changed",
                                  G_CALLBACK (history_changed_cb), self);
      else
        g_signal_connect_swapped (files->history, "notify::modified",
                                  G_CALLBACK (history_changed_cb), self);
    }

  path = self->file ? g_file_get_path (self->file) : NULL;
  key = path ? mg_drafts_key_for_path (path) : mg_drafts_new_key ();
  set_draft_key (self, key);
}

/* Life cycle, called by mg-window-files.c */

void
_mg_window_drafts_class_init (MgWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.recover-drafts", NULL, recover_drafts_action);
}

void
_mg_window_drafts_init (MgWindow *self)
{
  self->files->drafts = mg_drafts_new (NULL);

  /* The first window of a run looks for work a crash left behind, once the
   * application has given it its dataset. */
  if (!checked_drafts_at_start)
    {
      checked_drafts_at_start = TRUE;
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, offer_next_draft_idle,
                       g_object_ref (self), g_object_unref);
    }
}

void
_mg_window_drafts_dispose (MgWindow *self)
{
  MgWindowFiles *files = self->files;

  if (needs_draft (self) && !files->close_confirmed)
    {
      /* Closed without a word (the session ending, a test): the changes of
       * the last seconds go into the draft now, not never. */
      if (files->autosave_id != 0 || files->write_again)
        {
          g_autoptr(MgDraft) draft = describe_draft (self);
          g_autoptr(GBytes) bytes = mg_dataset_to_bytes (self->dataset);

          if (files->writing != NULL)
            {
              files->writing->followup_draft = g_steal_pointer (&draft);
              files->writing->followup_bytes = g_steal_pointer (&bytes);
            }
          else
            mg_drafts_write (files->drafts, draft, bytes, NULL);
        }
    }
  else if (files->draft_key != NULL)
    {
      _mg_window_discard_draft (self);
      if (files->writing != NULL)
        files->writing->obsolete = TRUE;
    }

  if (files->history != NULL)
    g_signal_handlers_disconnect_by_data (files->history, self);
  g_clear_handle_id (&files->autosave_id, g_source_remove);
  unclaim_draft (self);

  g_clear_object (&files->history);
  g_clear_object (&files->drafts);
  g_clear_pointer (&files->draft_key, g_free);
}
