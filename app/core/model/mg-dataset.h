/* mg-dataset.h: the documents, labels and annotator of one dataset file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "mg-document.h"
#include "mg-label-set.h"

G_BEGIN_DECLS

#define MG_TYPE_DATASET (mg_dataset_get_type ())

G_DECLARE_FINAL_TYPE (MgDataset, mg_dataset, MG, DATASET, GObject)

MgDataset  *mg_dataset_new               (void);
MgDataset  *mg_dataset_new_with_labels   (MgLabelSet *labels);
const char *mg_dataset_get_annotator     (MgDataset  *self);
void        mg_dataset_set_annotator     (MgDataset  *self,
                                          const char *annotator);
MgLabelSet *mg_dataset_get_labels        (MgDataset  *self);
void        mg_dataset_set_labels        (MgDataset  *self,
                                          MgLabelSet *labels);
guint       mg_dataset_get_n_documents   (MgDataset  *self);
MgDocument *mg_dataset_get_document      (MgDataset  *self,
                                          guint       position);
MgDocument *mg_dataset_lookup_document   (MgDataset  *self,
                                          const char *id);
int         mg_dataset_index_of          (MgDataset  *self,
                                          MgDocument *document);
gboolean    mg_dataset_add_document      (MgDataset  *self,
                                          MgDocument *document);
void        mg_dataset_insert_document   (MgDataset  *self,
                                          guint       position,
                                          MgDocument *document);
void        mg_dataset_remove_document   (MgDataset  *self,
                                          MgDocument *document);
void        mg_dataset_move_document   (MgDataset  *self,
                                          MgDocument *document,
                                          guint       position);
char       *mg_dataset_unique_id         (MgDataset  *self,
                                          const char *wanted);
guint       mg_dataset_count_annotations (MgDataset  *self);
JsonObject *mg_dataset_get_extra         (MgDataset  *self);
void        mg_dataset_set_extra         (MgDataset  *self,
                                          JsonObject *extra);

G_END_DECLS
