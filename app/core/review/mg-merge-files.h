/* mg-merge-files.h: a gold dataset merged from dataset files into a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mg-merge.h"

G_BEGIN_DECLS

/**
 * MgMergeSummary:
 * @n_documents: documents in the gold dataset
 * @n_spans: spans kept
 * @unresolved: (element-type utf8): one line per span or relation not
 *   kept and per document left out, as mg_merge_datasets() gives them
 *
 * What a merge wrote.
 */
typedef struct
{
  guint      n_documents;
  guint      n_spans;
  GPtrArray *unresolved;
} MgMergeSummary;

void            mg_merge_summary_free     (MgMergeSummary      *summary);

GPtrArray      *mg_merge_annotator_names  (MgDataset * const   *datasets,
                                           const char * const  *paths,
                                           guint                n);
gboolean        mg_merge_check_output     (const char          *output,
                                           const char * const  *inputs,
                                           guint                n_inputs,
                                           GError             **error);
MgMergeSummary *mg_merge_files            (const char * const  *inputs,
                                           guint                n_inputs,
                                           MgMergeStrategy      strategy,
                                           const char          *curator,
                                           const char          *output,
                                           GCancellable        *cancellable,
                                           GError             **error);
void            mg_merge_files_async      (const char * const  *inputs,
                                           guint                n_inputs,
                                           MgMergeStrategy      strategy,
                                           const char          *curator,
                                           const char          *output,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
MgMergeSummary *mg_merge_files_finish     (GAsyncResult        *result,
                                           GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MgMergeSummary, mg_merge_summary_free)

G_END_DECLS
