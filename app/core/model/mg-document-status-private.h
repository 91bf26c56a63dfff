/* mg-document-status-private.h: for the history's first edit of a document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mg-document-status.h"

G_BEGIN_DECLS

JsonObject *_mg_document_status_extra (MgDocument       *document,
                                       MgDocumentStatus  status);

G_END_DECLS
