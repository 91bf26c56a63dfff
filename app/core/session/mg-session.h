/* mg-session.h: one open dataset, its file on disk and its drafts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mg-dataset.h"
#include "mg-drafts.h"
#include "mg-history.h"

G_BEGIN_DECLS

#define MG_TYPE_SESSION (mg_session_get_type ())

G_DECLARE_FINAL_TYPE (MgSession, mg_session, MG, SESSION, GObject)

/**
 * MgSessionSaveFlags:
 * @MG_SESSION_SAVE_NONE: refuse to replace a file someone else changed
 * @MG_SESSION_SAVE_OVERWRITE: replace it all the same, as the person chose
 */
typedef enum
{
  MG_SESSION_SAVE_NONE      = 0,
  MG_SESSION_SAVE_OVERWRITE = 1 << 0,
} MgSessionSaveFlags;

/**
 * MgSessionImportReport:
 * @file: the file
 * @documents: (nullable) (element-type MgDocument): what it held, added to
 *   the dataset
 * @warnings: (element-type utf8): what was read with a doubt
 * @error: (nullable): why nothing was read
 * @duplicates: (element-type MgDocument): those of @documents whose text
 *   the dataset already holds, or an earlier file of the same import
 * @n_repeats: how many of @duplicates repeat an earlier document of the
 *   same import, the dataset holding no twin of theirs
 *
 * What became of one file of an import.
 */
typedef struct
{
  GFile     *file;
  GPtrArray *documents;
  GPtrArray *warnings;
  char      *error;
  GPtrArray *duplicates;
  guint      n_repeats;
} MgSessionImportReport;

/* The longest a change waits for its draft, whatever the delay. */
#define MG_SESSION_AUTOSAVE_MAX_MSEC 5000

MgSession  *mg_session_new                  (MgDrafts             *drafts);
MgDrafts   *mg_session_get_drafts           (MgSession            *self);
MgDataset  *mg_session_get_dataset          (MgSession            *self);
MgHistory  *mg_session_get_history          (MgSession            *self);
GFile      *mg_session_get_file             (MgSession            *self);
gboolean    mg_session_get_modified         (MgSession            *self);
gboolean    mg_session_get_opening          (MgSession            *self);
guint       mg_session_get_autosave_delay   (MgSession            *self);
void        mg_session_set_autosave_delay   (MgSession            *self,
                                             guint                 msec);
void        mg_session_set_dataset          (MgSession            *self,
                                             MgDataset            *dataset,
                                             GFile                *file);

void        mg_session_set_welcome          (MgSession            *self,
                                             MgDataset            *dataset);
gboolean    mg_session_get_welcome          (MgSession            *self);
void        mg_session_new_dataset          (MgSession            *self,
                                             const char           *annotator);

void        mg_session_load_async           (MgSession            *self,
                                             GFile                *file,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean    mg_session_load_finish          (MgSession            *self,
                                             GAsyncResult         *result,
                                             GError              **error);
void        mg_session_save_async           (MgSession            *self,
                                             GFile                *target,
                                             MgSessionSaveFlags    flags,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean    mg_session_save_finish          (MgSession            *self,
                                             GAsyncResult         *result,
                                             GError              **error);

void        mg_session_keep_mine            (MgSession            *self);

void        mg_session_save_draft_async     (MgSession            *self,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean    mg_session_save_draft_finish    (MgSession            *self,
                                             GAsyncResult         *result,
                                             GError              **error);
void        mg_session_discard_draft        (MgSession            *self);
GPtrArray  *mg_session_list_drafts          (MgSession            *self,
                                             GError              **error);
void        mg_session_restore_draft_async  (MgSession            *self,
                                             MgDraft              *draft,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean    mg_session_restore_draft_finish (MgSession            *self,
                                             GAsyncResult         *result,
                                             GError              **error);

void        mg_session_import_async         (MgSession            *self,
                                             GFile * const        *files,
                                             guint                 n_files,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
GPtrArray  *mg_session_import_finish        (MgSession            *self,
                                             GAsyncResult         *result,
                                             GError              **error);
guint       mg_session_import_count_duplicates (GPtrArray         *reports);
guint       mg_session_import_count_repeats    (GPtrArray         *reports);
void        mg_session_import_add           (MgSession            *self,
                                             GPtrArray            *reports,
                                             gboolean              skip_duplicates);
MgDocument *mg_session_find_same_text      (MgSession            *self,
                                             MgDocument           *document);
gboolean    mg_session_get_import_progress  (MgSession            *self,
                                             guint                *done,
                                             guint                *total);
gboolean    mg_session_file_is_dataset      (GFile                *file);
gboolean    mg_session_rename_annotator     (MgSession            *self,
                                             const char           *name,
                                             const char           *previous);

G_END_DECLS
