/* mg-window-save.c: saving, watching the file on disk, and asking before
 * work is lost
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saves are atomic and never overwrite a file someone else changed without
 * asking; a change on disk by another program is noticed and offered for
 * reloading; closing or replacing unsaved work asks first.
 */

#define G_LOG_DOMAIN "mg-window-save"

#include "config.h"

#include <glib/gi18n.h>

#include "mg-window-private.h"

/* Editors and sync tools write a file in several steps; wait for calm. */
#define MONITOR_SETTLE_MSEC     250

static void save (MgWindow          *self,
                  gboolean           choose,
                  MgWindowSavedFunc  then);

/* How the file looked */

static gboolean
query_stamp (GFile  *file,
             gint64 *mtime,
             gint64 *size)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GDateTime) modified = NULL;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                            G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL || !(modified = g_file_info_get_modification_date_time (info)))
    return FALSE;
  *mtime = g_date_time_to_unix (modified) * G_USEC_PER_SEC +
           g_date_time_get_microsecond (modified);
  *size = g_file_info_get_size (info);
  return TRUE;
}

/* Whether the file is no longer what this window loaded or last saved. A file
 * that vanished is not "changed": saving recreates it, overwriting nothing. */
static gboolean
changed_on_disk (MgWindow *self,
                 gint64   *mtime,
                 gint64   *size)
{
  MgWindowFiles *files = self->files;
  gint64 m = 0, s = 0;

  if (self->file == NULL || !query_stamp (self->file, &m, &s))
    return FALSE;
  if (mtime != NULL)
    *mtime = m;
  if (size != NULL)
    *size = s;
  return !files->has_stamp || m != files->stamp_mtime || s != files->stamp_size;
}

static void
remember_stamp (MgWindow *self)
{
  MgWindowFiles *files = self->files;

  files->has_stamp = self->file != NULL &&
                     query_stamp (self->file, &files->stamp_mtime, &files->stamp_size);
}

/* Shows the dataset in @file in place of the window's work, or tells the
 * person why it cannot. Reloading gives up the work and its draft. */
gboolean
_mg_window_load_dataset (MgWindow *self,
                         GFile    *file,
                         gboolean  reload)
{
  g_autoptr(GFile) keep = g_object_ref (file);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(MgDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  gint64 mtime = 0, size = 0;
  gboolean stamped;

  /* The stamp is taken before reading, so a change made during the read
   * still counts as a change. */
  stamped = query_stamp (file, &mtime, &size);
  if (path == NULL || !(dataset = mg_dataset_load_file (path, &error)))
    {
      g_autofree char *name = _mg_window_display_name (file);
      g_autofree char *heading = reload ? g_strdup_printf (_("Could Not Reload “%s”"), name)
                                        : g_strdup_printf (_("Could Not Open “%s”"), name);

      _mg_window_show_error (self, heading,
                             error ? error->message : _("The file is not on this computer."));
      return FALSE;
    }

  if (reload)
    _mg_window_discard_draft (self);
  mg_window_set_dataset (self, dataset, keep);
  self->files->has_stamp = stamped;
  self->files->stamp_mtime = mtime;
  self->files->stamp_size = size;
  return TRUE;
}

/* Asking about unsaved work */

typedef struct
{
  MgWindow             *self;
  MgWindowContinuation  func;
  gpointer              data;
  GDestroyNotify        destroy;
  char                 *response;
} Pending;

static Pending *
pending_new (MgWindow             *self,
             MgWindowContinuation  func,
             gpointer              data,
             GDestroyNotify        destroy)
{
  Pending *pending = g_new0 (Pending, 1);

  pending->self = g_object_ref (self);
  pending->func = func;
  pending->data = data;
  pending->destroy = destroy;
  return pending;
}

static void
pending_free (Pending *pending)
{
  if (pending->destroy != NULL)
    pending->destroy (pending->data);
  g_object_unref (pending->self);
  g_free (pending->response);
  g_free (pending);
}

static void
pending_run (Pending *pending)
{
  pending->func (pending->self, pending->data);
}

static void
continue_after_save (MgWindow *self,
                     gboolean  saved)
{
  Pending *pending = g_object_steal_data (G_OBJECT (self), "mg-pending-after-save");

  if (pending == NULL)
    return;
  if (saved)
    pending_run (pending);
  pending_free (pending);
}

/* Runs once the prompt is gone: closing the window from inside the
 * dialog's own response would leave the dialog with a dead parent. */
static gboolean
unsaved_answered_cb (gpointer user_data)
{
  Pending *pending = user_data;
  MgWindow *self = pending->self;
  g_autofree char *response = g_steal_pointer (&pending->response);

  if (self->files == NULL)
    ;
  else if (g_str_equal (response, "discard"))
    {
      _mg_window_discard_draft (self);
      pending_run (pending);
    }
  else if (g_str_equal (response, "save"))
    {
      /* Saving may need a file chooser or an overwrite prompt first; the
       * continuation runs only once the work is really on disk. */
      g_object_set_data_full (G_OBJECT (self), "mg-pending-after-save",
                              g_steal_pointer (&pending), (GDestroyNotify)pending_free);
      save (self, FALSE, continue_after_save);
    }

  g_clear_pointer (&pending, pending_free);
  return G_SOURCE_REMOVE;
}

static void
unsaved_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     Pending          *pending)
{
  pending->response = g_strdup (response);
  g_idle_add (unsaved_answered_cb, pending);
}

/* Runs @func at once when nothing is unsaved, otherwise after the user chose
 * Save (and the save worked) or Discard; Cancel drops it. */
void
_mg_window_confirm_unsaved (MgWindow             *self,
                            MgWindowContinuation  func,
                            gpointer              data,
                            GDestroyNotify        destroy)
{
  const MgWindowResponse responses[] = {
    { "cancel", _("_Cancel"), ADW_RESPONSE_DEFAULT },
    { "discard", _("_Discard"), ADW_RESPONSE_DESTRUCTIVE },
    { "save", _("_Save"), ADW_RESPONSE_SUGGESTED },
  };
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->history == NULL || !mg_history_get_modified (self->history))
    {
      func (self, data);
      if (destroy != NULL)
        destroy (data);
      return;
    }

  name = self->file ? _mg_window_display_name (self->file) : g_strdup (_("New Dataset"));
  body = g_strdup_printf (_("“%s” has changes that were not saved. Discarded changes cannot be recovered."), name);
  dialog = _mg_window_prompt (self, _("Save Changes?"), body,
                              responses, G_N_ELEMENTS (responses), "save", "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (unsaved_response_cb),
                    pending_new (self, func, data, destroy));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Saving */

static gboolean
write_dataset (MgWindow  *self,
               GFile     *target,
               GError   **error)
{
  g_autofree char *path = g_file_get_path (target);
  g_autoptr(GBytes) bytes = NULL;

  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Only files on this computer can be saved to."));
      return FALSE;
    }
  bytes = mg_dataset_to_bytes (self->dataset);
  return mg_write_file_atomic (path, bytes, error);
}

static void
save_failed_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         MgWindow         *self)
{
  MgWindowSavedFunc then = (MgWindowSavedFunc)g_object_get_data (G_OBJECT (dialog), "mg-then");

  if (g_str_equal (response, "save-as"))
    save (self, TRUE, then);
  else if (then != NULL)
    then (self, FALSE);
}

static void
save_failed (MgWindow          *self,
             GFile             *target,
             const GError      *error,
             MgWindowSavedFunc  then)
{
  const MgWindowResponse responses[] = {
    { "close", _("_Close"), ADW_RESPONSE_DEFAULT },
    { "save-as", _("Save _As…"), ADW_RESPONSE_SUGGESTED },
  };
  g_autofree char *name = _mg_window_display_name (target);
  g_autofree char *heading = g_strdup_printf (_("Could Not Save “%s”"), name);
  g_autofree char *body = g_strdup_printf (_("%s\n\nThe file on disk was left as it was and your work is still open. Try saving it somewhere else."),
                                           error->message);
  GtkWidget *dialog = _mg_window_prompt (self, heading, body,
                                         responses, G_N_ELEMENTS (responses), NULL, "close");

  g_object_set_data (G_OBJECT (dialog), "mg-then", (gpointer)then);
  g_signal_connect_object (dialog, "response", G_CALLBACK (save_failed_response_cb),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_to (MgWindow          *self,
         GFile             *target,
         MgWindowSavedFunc  then)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) keep = g_object_ref (target);

  if (!write_dataset (self, target, &error))
    {
      save_failed (self, target, error, then);
      return;
    }

  /* The old draft goes before the key changes with the file. */
  _mg_window_discard_draft (self);
  mg_window_set_file (self, keep);
  remember_stamp (self);
  mg_history_mark_saved (self->history);
  _mg_window_discard_draft (self);
  _mg_window_update_title (self);

  if (then != NULL)
    then (self, TRUE);
}

typedef struct
{
  GFile            *target;
  MgWindowSavedFunc then;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->target);
  g_free (data);
}

static void
overwrite_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       MgWindow         *self)
{
  SaveData *data = g_object_get_data (G_OBJECT (dialog), "mg-save");

  if (g_str_equal (response, "overwrite"))
    save_to (self, data->target, data->then);
  else if (data->then != NULL)
    data->then (self, FALSE);
}

static void
save_as_chosen (MgWindow  *self,
                GPtrArray *chosen)
{
  MgWindowSavedFunc then = self->files->save_as_then;

  self->files->save_as_then = NULL;

  /* The chooser itself asked before replacing an existing file. */
  if (chosen != NULL)
    save_to (self, g_ptr_array_index (chosen, 0), then);
  else if (then != NULL)
    then (self, FALSE);
}

static void
save (MgWindow          *self,
      gboolean           choose,
      MgWindowSavedFunc  then)
{
  const MgWindowResponse responses[] = {
    { "cancel", _("_Cancel"), ADW_RESPONSE_DEFAULT },
    { "overwrite", _("_Overwrite"), ADW_RESPONSE_DESTRUCTIVE },
  };
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  SaveData *data;

  if (self->dataset == NULL)
    return;

  if (choose || self->file == NULL)
    {
      self->files->save_as_then = then;
      _mg_window_choose_files (self, MG_WINDOW_CHOOSE_SAVE, _("Save Dataset"), save_as_chosen);
      return;
    }

  if (!changed_on_disk (self, NULL, NULL))
    {
      save_to (self, self->file, then);
      return;
    }

  name = _mg_window_display_name (self->file);
  body = g_strdup_printf (_("“%s” was changed by another program since it was opened here. Saving replaces those changes with yours."), name);
  dialog = _mg_window_prompt (self, _("Overwrite Changes on Disk?"), body,
                              responses, G_N_ELEMENTS (responses), "cancel", "cancel");
  data = g_new0 (SaveData, 1);
  data->target = g_object_ref (self->file);
  data->then = then;
  g_object_set_data_full (G_OBJECT (dialog), "mg-save", data, (GDestroyNotify)save_data_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (overwrite_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* win.save and win.save-as: only Save As asks where when there is a file. */
static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  save (MG_WINDOW (widget), g_str_equal (action_name, "win.save-as"), NULL);
}

/* Saves to a path or URI without a chooser, for scripts and tests. */
static void
save_to_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (g_variant_get_string (param, NULL));

  save_to (MG_WINDOW (widget), file, NULL);
}

/* Watching the file for changes by someone else */

static void
disk_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  MgWindow         *self)
{
  MgWindowFiles *files = self->files;

  if (files == NULL)
    return;
  if (g_str_equal (response, "reload"))
    _mg_window_load_dataset (self, self->file, TRUE);
  else
    {
      /* Not asked again for this very change; a save still asks. */
      const gint64 *stamp = g_object_get_data (G_OBJECT (dialog), "mg-stamp");

      files->ignored_mtime = stamp[0];
      files->ignored_size = stamp[1];
    }
}

static void
ask_about_disk_change (MgWindow *self,
                       gint64    mtime,
                       gint64    size)
{
  gboolean modified = self->history != NULL && mg_history_get_modified (self->history);
  /* Reloading over unsaved work destroys it. */
  const MgWindowResponse responses[] = {
    { "keep", _("_Keep Mine"), ADW_RESPONSE_DEFAULT },
    { "reload", _("_Reload"), modified ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED },
  };
  g_autofree char *name = _mg_window_display_name (self->file);
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  gint64 *stamp;

  body = modified
    ? g_strdup_printf (_("“%s” was changed by another program. Reload it and lose your unsaved changes, or keep your version?"), name)
    : g_strdup_printf (_("“%s” was changed by another program. Reload it to see the changes?"), name);
  dialog = _mg_window_prompt (self, _("The Dataset Changed on Disk"), body,
                              responses, G_N_ELEMENTS (responses),
                              modified ? "keep" : "reload", "keep");
  stamp = g_new (gint64, 2);
  stamp[0] = mtime;
  stamp[1] = size;
  g_object_set_data_full (G_OBJECT (dialog), "mg-stamp", stamp, g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (disk_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
check_disk_cb (gpointer user_data)
{
  MgWindow *self = user_data;
  MgWindowFiles *files = self->files;
  gint64 mtime = 0, size = 0;

  files->monitor_id = 0;
  if (files->dialog == NULL && changed_on_disk (self, &mtime, &size) &&
      !(mtime == files->ignored_mtime && size == files->ignored_size))
    ask_about_disk_change (self, mtime, size);
  return G_SOURCE_REMOVE;
}

static void
monitor_changed_cb (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    MgWindow          *self)
{
  /* Our own atomic saves show up here too; the stamp tells them apart. */
  g_clear_handle_id (&self->files->monitor_id, g_source_remove);
  self->files->monitor_id = g_timeout_add (MONITOR_SETTLE_MSEC, check_disk_cb, self);
}

static void
unwatch_file (MgWindow *self)
{
  MgWindowFiles *files = self->files;

  if (files->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (files->monitor, self);
      g_file_monitor_cancel (files->monitor);
      g_clear_object (&files->monitor);
    }
  g_clear_object (&files->watched);
  g_clear_handle_id (&files->monitor_id, g_source_remove);
  files->ignored_mtime = files->ignored_size = 0;
}

void
_mg_window_watch_file (MgWindow *self)
{
  MgWindowFiles *files = self->files;
  g_autoptr(GError) error = NULL;

  if (files->watched != NULL && self->file != NULL && g_file_equal (files->watched, self->file))
    return;
  unwatch_file (self);
  if (self->file == NULL)
    return;

  files->watched = g_object_ref (self->file);
  files->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (files->monitor == NULL)
    {
      /* Saving still compares stamps, so nothing is overwritten silently. */
      g_debug ("Cannot watch the dataset: %s", error->message);
      return;
    }
  g_signal_connect (files->monitor, "changed", G_CALLBACK (monitor_changed_cb), self);
}

/* Closing */

static void
close_now (MgWindow *self,
           gpointer  data)
{
  self->files->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

gboolean
_mg_window_save_close_request (MgWindow *self)
{
  MgWindowFiles *files = self->files;

  if (files == NULL || files->close_confirmed ||
      self->history == NULL || !mg_history_get_modified (self->history))
    return FALSE;

  if (files->dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (files->dialog));
      return TRUE;
    }
  _mg_window_confirm_unsaved (self, close_now, NULL, NULL);
  return TRUE;
}

/* Life cycle, called by mg-window-files.c */

void
_mg_window_save_dataset_changed (MgWindow *self)
{
  self->files->close_confirmed = FALSE;
  remember_stamp (self);
  _mg_window_watch_file (self);
}

void
_mg_window_save_class_init (MgWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-to", "s", save_to_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
}

void
_mg_window_save_dispose (MgWindow *self)
{
  unwatch_file (self);
}
