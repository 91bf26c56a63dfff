/* mg-history.h: undo and redo for every edit of a dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mg-dataset.h"

G_BEGIN_DECLS

#define MG_TYPE_HISTORY (mg_history_get_type ())

G_DECLARE_FINAL_TYPE (MgHistory, mg_history, MG, HISTORY, GObject)

MgHistory  *mg_history_new                (MgDataset    *dataset);
MgDataset  *mg_history_get_dataset        (MgHistory    *self);

gboolean    mg_history_add_annotation     (MgHistory    *self,
                                           MgDocument   *document,
                                           MgAnnotation *annotation,
                                           GError      **error);
void        mg_history_remove_annotation  (MgHistory    *self,
                                           MgDocument   *document,
                                           MgAnnotation *annotation);
gboolean    mg_history_set_label          (MgHistory    *self,
                                           MgDocument   *document,
                                           MgAnnotation *annotation,
                                           const char   *label,
                                           GError      **error);
gboolean    mg_history_set_range          (MgHistory    *self,
                                           MgDocument   *document,
                                           MgAnnotation *annotation,
                                           guint         start,
                                           guint         end,
                                           GError      **error);
void        mg_history_set_note           (MgHistory    *self,
                                           MgDocument   *document,
                                           MgAnnotation *annotation,
                                           const char   *note);
gboolean    mg_history_add_relation       (MgHistory    *self,
                                           MgDocument   *document,
                                           MgRelation   *relation,
                                           GError      **error);
void        mg_history_remove_relation    (MgHistory    *self,
                                           MgDocument   *document,
                                           MgRelation   *relation);
gboolean    mg_history_set_attribution    (MgHistory    *self,
                                           MgDocument   *document,
                                           MgAnnotation *annotation,
                                           MgAnnotation *actor,
                                           GError      **error);
void        mg_history_add_document       (MgHistory    *self,
                                           MgDocument   *document);
void        mg_history_remove_document    (MgHistory    *self,
                                           MgDocument   *document);
void        mg_history_move_document      (MgHistory    *self,
                                           MgDocument   *document,
                                           guint         position);
void        mg_history_set_title          (MgHistory    *self,
                                           MgDocument   *document,
                                           const char   *title);
void        mg_history_set_extra          (MgHistory    *self,
                                           MgDocument   *document,
                                           JsonObject   *extra);
void        mg_history_set_start_documents (MgHistory   *self,
                                           gboolean      start);
void        mg_history_set_attribute      (MgHistory    *self,
                                           MgDocument   *document,
                                           MgAnnotation *annotation,
                                           const char   *id,
                                           JsonNode     *value);
void        mg_history_set_code           (MgHistory    *self,
                                           MgDocument   *document,
                                           const char   *id,
                                           JsonNode     *value);
void        mg_history_set_scheme_member  (MgHistory    *self,
                                           MgLabel      *label,
                                           const char   *member,
                                           JsonNode     *value);
void        mg_history_set_labels         (MgHistory    *self,
                                           MgLabelSet   *labels);
void        mg_history_add_mark           (MgHistory    *self,
                                           MgDocument   *document);
guint64     mg_history_get_state          (MgHistory    *self);
gboolean    mg_history_is_done            (MgHistory    *self,
                                           guint64       state);

void        mg_history_begin_group        (MgHistory    *self);
void        mg_history_end_group          (MgHistory    *self);

gboolean    mg_history_can_undo           (MgHistory    *self);
gboolean    mg_history_can_redo           (MgHistory    *self);
MgDocument *mg_history_undo               (MgHistory    *self);
MgDocument *mg_history_redo               (MgHistory    *self);
void        mg_history_clear              (MgHistory    *self);

gboolean    mg_history_get_modified       (MgHistory    *self);
void        mg_history_mark_saved         (MgHistory    *self);
void        mg_history_mark_modified      (MgHistory    *self);

G_END_DECLS
