/* mg-document-status.h: where a document stands in the coding of a corpus
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mg-dataset.h"
#include "mg-document.h"
#include "mg-history.h"

G_BEGIN_DECLS

/* The document member that holds the status; absent means to do. */
#define MG_DOCUMENT_STATUS_MEMBER "status"

typedef enum
{
  MG_DOCUMENT_STATUS_TO_DO,
  MG_DOCUMENT_STATUS_IN_PROGRESS,
  MG_DOCUMENT_STATUS_DONE,
  MG_DOCUMENT_STATUS_SKIPPED,
} MgDocumentStatus;

#define MG_DOCUMENT_N_STATUSES 4

const char       *mg_document_status_to_string   (MgDocumentStatus  status);
gboolean          mg_document_status_parse       (const char       *name,
                                                  MgDocumentStatus *status);
gboolean          mg_document_status_is_finished (MgDocumentStatus  status);

MgDocumentStatus  mg_document_status_get         (MgDocument       *document);
gboolean          mg_document_status_check       (MgDocument       *document,
                                                  char            **message);
gboolean          mg_document_status_set         (MgHistory        *history,
                                                  MgDocument       *document,
                                                  MgDocumentStatus  status);
void              mg_document_status_count       (MgDataset        *dataset,
                                                  guint             counts[MG_DOCUMENT_N_STATUSES]);

G_END_DECLS
