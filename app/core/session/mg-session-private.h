/* mg-session-private.h: the state of an MgSession, shared by its files
 *
 * mg-session.c holds the object, what it shows of the dataset, loading and
 * saving; mg-session-disk.c how the file looked and who changed it since;
 * mg-session-drafts.c the autosaved draft and recovery after a crash;
 * mg-session-import.c articles imported into the dataset.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mg-session.h"

G_BEGIN_DECLS

/* How a file looked: enough to tell that someone else wrote it since. */
typedef struct
{
  gint64   mtime_usec;
  gint64   size;
  gboolean valid;
} MgStamp;

typedef struct _MgDraftWrite MgDraftWrite;
typedef struct _MgSessionImport MgSessionImport;

struct _MgSession
{
  GObject        parent_instance;

  /* Owned */
  MgDrafts      *drafts;
  MgDataset     *dataset;
  MgHistory     *history;
  GFile         *file;           /* NULL until the dataset is first saved */
  GCancellable  *cancellable;    /* the session's own work, cancelled at dispose */
  GQueue         saves;          /* of GTask: the head is under way, the rest wait */
  MgSessionImport *import;       /* the import under way, if any */
  guint          n_opened;       /* counts the datasets asked for, the latest wins */
  guint          n_opening;      /* loads and restores under way; saves wait for them */

  /* The file on disk, in mg-session-disk.c */
  MgStamp        stamp;          /* as loaded or last saved */
  MgStamp        seen;           /* the last change by someone else reported */
  MgStamp        kept;           /* the change the person kept their work over */
  GFile         *watched;        /* the file @monitor watches */
  GFileMonitor  *monitor;
  guint          disk_check_id;

  /* Drafts, in mg-session-drafts.c */
  char          *draft_key;      /* of the current work's draft */
  char          *claimed_key;    /* of the draft this session wrote, if any */
  MgDraftWrite  *writing;        /* the draft write under way, if any */
  GPtrArray     *draft_waiters;  /* of GTask: callers waiting for the next write */
  gint64         first_change;   /* monotonic time of the oldest change not in a draft */
  guint          autosave_delay; /* milliseconds */
  guint          autosave_id;
  guint          generation;     /* bumped whenever the draft is discarded */
  guint          n_changes;      /* of the history, to tell edits made during a save */
  /* Of the draft written last, for the tests and the benchmark: slices
   * of the main loop, the longest and all of them together. */
  guint          draft_slices;
  gint64         draft_slice_max_usec;
  gint64         draft_slice_total_usec;

  guint          welcome : 1;    /* the dataset is the sample shown at first start */
  guint          write_again : 1;
  guint          given_up : 1;   /* the person discarded the work: no draft at the end */
  guint          check_after_save : 1;
  guint          save_running : 1;
};

/* mg-session.c */
void     _mg_session_install              (MgSession     *self,
                                           MgDataset     *dataset,
                                           GFile         *file,
                                           const MgStamp *stamp,
                                           const char    *restored_key);
void     _mg_session_run_in_thread        (GTask               *task,
                                           gpointer             data,
                                           GDestroyNotify       data_free,
                                           GTaskThreadFunc      thread,
                                           GAsyncReadyCallback  done);
gboolean _mg_session_finish               (MgSession           *self,
                                           GAsyncResult        *result,
                                           GError             **error);
gboolean _mg_session_superseded           (MgSession           *self,
                                           guint                opened,
                                           GError             **error);
void     _mg_session_opening              (MgSession           *self);
void     _mg_session_opened               (MgSession           *self);
void     _mg_session_emit_changed_on_disk (MgSession  *self);
gboolean _mg_session_is_saving            (MgSession  *self);

/* mg-session-disk.c */
gboolean _mg_stamp_query                  (GFile      *file,
                                           MgStamp    *stamp);
gboolean _mg_stamp_equal                  (const MgStamp *a,
                                           const MgStamp *b);
void     _mg_session_watch                (MgSession  *self);
void     _mg_session_unwatch              (MgSession  *self);
void     _mg_session_check_disk           (MgSession  *self);

/* mg-session-drafts.c */
void     _mg_session_drafts_replace       (MgSession  *self,
                                           const char *key);
void     _mg_session_drafts_file_saved    (MgSession  *self,
                                           gboolean    all_saved);
void     _mg_session_drafts_history_changed (MgSession *self);
void     _mg_session_drafts_dispose       (MgSession  *self);
void     _mg_session_stop_autosave        (MgSession  *self);

G_END_DECLS
