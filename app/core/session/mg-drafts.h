/* mg-drafts.h: autosaved copies of unsaved work, for recovery after a crash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mg-dataset.h"
#include "mg-file-writer.h"

G_BEGIN_DECLS

#define MG_TYPE_DRAFT  (mg_draft_get_type ())
#define MG_TYPE_DRAFTS (mg_drafts_get_type ())

G_DECLARE_FINAL_TYPE (MgDraft, mg_draft, MG, DRAFT, GObject)
G_DECLARE_FINAL_TYPE (MgDrafts, mg_drafts, MG, DRAFTS, GObject)

/* Name of the sidecar format; a sidecar with another format is ignored. */
#define MG_DRAFT_FORMAT  "marginalia-draft"
#define MG_DRAFT_VERSION 1

MgDraft    *mg_draft_new                  (const char  *key,
                                           const char  *original_path);
const char *mg_draft_get_key              (MgDraft     *self);
const char *mg_draft_get_original_path    (MgDraft     *self);
GDateTime  *mg_draft_get_saved            (MgDraft     *self);
guint       mg_draft_get_n_documents      (MgDraft     *self);
guint       mg_draft_get_n_annotations    (MgDraft     *self);
void        mg_draft_set_counts           (MgDraft     *self,
                                           guint        n_documents,
                                           guint        n_annotations);
gboolean    mg_draft_get_original_stamp   (MgDraft     *self,
                                           gint64      *mtime_usec,
                                           gint64      *size);
void        mg_draft_set_original_stamp   (MgDraft     *self,
                                           gint64       mtime_usec,
                                           gint64       size);

char       *mg_drafts_get_default_dir     (void);
char       *mg_drafts_key_for_path        (const char  *path);
char       *mg_drafts_new_key             (void);
gboolean    mg_drafts_key_is_valid        (const char  *key);

MgDrafts   *mg_drafts_new                 (const char  *dir);
const char *mg_drafts_get_dir             (MgDrafts    *self);
char       *mg_drafts_get_dataset_path    (MgDrafts    *self,
                                           const char  *key);
gboolean    mg_drafts_write               (MgDrafts    *self,
                                           MgDraft     *draft,
                                           GBytes      *dataset_bytes,
                                           GError     **error);
MgFileWriter *mg_drafts_begin_write       (MgDrafts    *self,
                                           MgDraft     *draft,
                                           GError     **error);
gboolean    mg_drafts_finish_write        (MgDrafts    *self,
                                           MgDraft     *draft,
                                           MgFileWriter *writer,
                                           GError     **error);
GPtrArray  *mg_drafts_list                (MgDrafts    *self,
                                           GError     **error);
MgDraft    *mg_drafts_lookup              (MgDrafts    *self,
                                           const char  *key);
MgDataset  *mg_drafts_load                (MgDrafts    *self,
                                           MgDraft     *draft,
                                           GError     **error);
gboolean    mg_drafts_discard             (MgDrafts    *self,
                                           const char  *key,
                                           GError     **error);

G_END_DECLS
