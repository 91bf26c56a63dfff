/* mg-session-disk.c: the dataset's file, and changes made to it by others
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The session remembers how its file looked when it was loaded or last
 * saved: the modification time to the microsecond and the size. A file
 * monitor says something happened; once the file has been quiet for a
 * moment, the stamp says whether someone else wrote it, for the session's
 * own atomic saves show up in the monitor too.
 */

#define G_LOG_DOMAIN "mg-session"

#include "config.h"

#include "mg-session-private.h"

/* Editors and sync tools write a file in several steps; wait for calm. */
#define SETTLE_MSEC 250

/* Safe in any thread. Returns FALSE, with @stamp invalid, when the file
 * cannot be looked at (it vanished, its folder went). */
gboolean
_mg_stamp_query (GFile   *file,
                 MgStamp *stamp)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GDateTime) modified = NULL;

  *stamp = (MgStamp) { 0 };
  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                            G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL || !(modified = g_file_info_get_modification_date_time (info)))
    return FALSE;

  stamp->mtime_usec = g_date_time_to_unix (modified) * G_USEC_PER_SEC +
                      g_date_time_get_microsecond (modified);
  stamp->size = g_file_info_get_size (info);
  stamp->valid = TRUE;
  return TRUE;
}

gboolean
_mg_stamp_equal (const MgStamp *a,
                 const MgStamp *b)
{
  return a->valid == b->valid && a->mtime_usec == b->mtime_usec && a->size == b->size;
}

/* Reports a change by someone else, unless the person already chose to
 * keep their work over this very change. A save under way looks again
 * once it is done: until then the stamp is not yet its own. */
void
_mg_session_check_disk (MgSession *self)
{
  MgStamp now;

  if (self->file == NULL)
    return;
  if (_mg_session_is_saving (self))
    {
      self->check_after_save = TRUE;
      return;
    }
  if (!_mg_stamp_query (self->file, &now) ||
      (self->stamp.valid && _mg_stamp_equal (&now, &self->stamp)) ||
      _mg_stamp_equal (&now, &self->kept))
    return;

  self->seen = now;
  _mg_session_emit_changed_on_disk (self);
}

static gboolean
check_disk_cb (gpointer user_data)
{
  MgSession *self = user_data;

  self->disk_check_id = 0;
  _mg_session_check_disk (self);
  return G_SOURCE_REMOVE;
}

static void
monitor_changed_cb (MgSession         *self,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    GFileMonitor      *monitor)
{
  g_clear_handle_id (&self->disk_check_id, g_source_remove);
  self->disk_check_id = g_timeout_add (SETTLE_MSEC, check_disk_cb, self);
}

void
_mg_session_unwatch (MgSession *self)
{
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_clear_object (&self->watched);
  g_clear_handle_id (&self->disk_check_id, g_source_remove);
}

/* Watches the session's file, unless it is watched already. */
void
_mg_session_watch (MgSession *self)
{
  g_autoptr(GError) error = NULL;

  if (self->watched != NULL && self->file != NULL && g_file_equal (self->watched, self->file))
    return;
  _mg_session_unwatch (self);
  if (self->file == NULL)
    return;

  self->watched = g_object_ref (self->file);
  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES,
                                       self->cancellable, &error);
  if (self->monitor == NULL)
    {
      /* Saving still compares stamps, so nothing is overwritten silently. */
      g_debug ("Cannot watch the dataset: %s", error->message);
      return;
    }
  g_signal_connect_object (self->monitor, "changed",
                           G_CALLBACK (monitor_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * mg_session_keep_mine:
 *
 * Tells the session the person keeps their work over the change on disk
 * last reported by #MgSession::changed-on-disk: that change is not reported
 * again. A save over the file still refuses to replace it unless told to.
 */
void
mg_session_keep_mine (MgSession *self)
{
  g_return_if_fail (MG_IS_SESSION (self));

  self->kept = self->seen;
}
