/* mg-status-filter.h: how the window shows a document's status, and the
 * sidebar's filter by status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mg-core.h"

G_BEGIN_DECLS

/* What the sidebar's filter shows besides one status. */
#define MG_STATUS_FILTER_ALL      "all"
#define MG_STATUS_FILTER_NOT_DONE "not-done"

const char *mg_document_status_get_label     (MgDocumentStatus status);
const char *mg_document_status_get_icon_name (MgDocumentStatus status);

#define MG_TYPE_STATUS_FILTER (mg_status_filter_get_type ())

G_DECLARE_FINAL_TYPE (MgStatusFilter, mg_status_filter, MG, STATUS_FILTER, GtkFilter)

MgStatusFilter *mg_status_filter_new         (void);
const char     *mg_status_filter_get_shown   (MgStatusFilter *self);
gboolean        mg_status_filter_set_shown   (MgStatusFilter *self,
                                              const char     *shown);
void            mg_status_filter_set_current (MgStatusFilter *self,
                                              MgDocument     *document);
void            mg_status_filter_refilter    (MgStatusFilter *self);

G_END_DECLS
