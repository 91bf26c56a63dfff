/* mg-annotation-store.h: the annotations and relations of one document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mg-annotation.h"
#include "mg-relation.h"

G_BEGIN_DECLS

#define MG_TYPE_ANNOTATION_STORE (mg_annotation_store_get_type ())

G_DECLARE_FINAL_TYPE (MgAnnotationStore, mg_annotation_store, MG, ANNOTATION_STORE, GObject)

guint         mg_annotation_store_get_n_annotations (MgAnnotationStore *self);
MgAnnotation *mg_annotation_store_get_annotation    (MgAnnotationStore *self,
                                                     guint              position);
guint         mg_annotation_store_get_position      (MgAnnotationStore *self,
                                                     MgAnnotation      *annotation);
MgAnnotation *mg_annotation_store_lookup            (MgAnnotationStore *self,
                                                     const char        *id);
MgAnnotation *mg_annotation_store_find              (MgAnnotationStore *self,
                                                     const char        *label,
                                                     guint              start,
                                                     guint              end);
guint         mg_annotation_store_with_range        (MgAnnotationStore *self,
                                                     guint              start,
                                                     guint              end,
                                                     guint             *n_found);
gboolean      mg_annotation_store_check             (MgAnnotationStore *self,
                                                     MgAnnotation      *annotation,
                                                     GError           **error);
gboolean      mg_annotation_store_add               (MgAnnotationStore *self,
                                                     MgAnnotation      *annotation,
                                                     GError           **error);
gboolean      mg_annotation_store_add_all           (MgAnnotationStore *self,
                                                     GPtrArray         *annotations,
                                                     GError           **error);
void          mg_annotation_store_remove            (MgAnnotationStore *self,
                                                     MgAnnotation      *annotation);
gboolean      mg_annotation_store_set_label         (MgAnnotationStore *self,
                                                     MgAnnotation      *annotation,
                                                     const char        *label,
                                                     GError           **error);
gboolean      mg_annotation_store_set_range         (MgAnnotationStore *self,
                                                     MgAnnotation      *annotation,
                                                     guint              start,
                                                     guint              end,
                                                     GError           **error);
void          mg_annotation_store_set_note          (MgAnnotationStore *self,
                                                     MgAnnotation      *annotation,
                                                     const char        *note);
void          mg_annotation_store_set_extra         (MgAnnotationStore *self,
                                                     MgAnnotation      *annotation,
                                                     JsonObject        *extra);
void          mg_annotation_store_hold_changes      (MgAnnotationStore *self);
void          mg_annotation_store_release_changes   (MgAnnotationStore *self);
GPtrArray    *mg_annotation_store_at                (MgAnnotationStore *self,
                                                     guint              offset);
GPtrArray    *mg_annotation_store_overlapping       (MgAnnotationStore *self,
                                                     guint              start,
                                                     guint              end);
char         *mg_annotation_store_next_id           (MgAnnotationStore *self);

guint         mg_annotation_store_get_n_relations   (MgAnnotationStore *self);
MgRelation   *mg_annotation_store_get_relation      (MgAnnotationStore *self,
                                                     guint              position);
MgRelation   *mg_annotation_store_lookup_relation   (MgAnnotationStore *self,
                                                     const char        *id);
gboolean      mg_annotation_store_add_relation      (MgAnnotationStore *self,
                                                     MgRelation        *relation,
                                                     GError           **error);
gboolean      mg_annotation_store_insert_relation   (MgAnnotationStore *self,
                                                     guint              position,
                                                     MgRelation        *relation,
                                                     GError           **error);
void          mg_annotation_store_remove_relation   (MgAnnotationStore *self,
                                                     MgRelation        *relation);
GPtrArray    *mg_annotation_store_relations_of      (MgAnnotationStore *self,
                                                     MgAnnotation      *annotation);
MgAnnotation *mg_annotation_store_attributed_to     (MgAnnotationStore *self,
                                                     MgAnnotation      *annotation);

G_END_DECLS
