/* mg-document-list.h: the documents of the dataset, with their counts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mg-core.h"

G_BEGIN_DECLS

#define MG_TYPE_DOCUMENT_LIST (mg_document_list_get_type ())

G_DECLARE_FINAL_TYPE (MgDocumentList, mg_document_list, MG, DOCUMENT_LIST, GtkWidget)

GtkWidget *mg_document_list_new         (void);
void       mg_document_list_set_dataset (MgDocumentList *self,
                                         MgDataset      *dataset);
void       mg_document_list_select      (MgDocumentList *self,
                                         MgDocument     *document);
void       mg_document_list_set_status_filter (MgDocumentList *self,
                                               const char     *shown);
const char *mg_document_list_get_status_filter (MgDocumentList *self);
void       mg_document_list_refilter    (MgDocumentList *self);
guint      mg_document_list_get_n_shown (MgDocumentList *self);
void       mg_document_list_set_open_counts (MgDocumentList *self,
                                             GHashTable     *open_counts);

G_END_DECLS
