/* mg-annotation.h: one labelled span of a document's text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "mg-types.h"

G_BEGIN_DECLS

#define MG_TYPE_ANNOTATION (mg_annotation_get_type ())

G_DECLARE_FINAL_TYPE (MgAnnotation, mg_annotation, MG, ANNOTATION, GObject)

MgAnnotation *mg_annotation_new          (const char   *id,
                                          const char   *label,
                                          guint         start,
                                          guint         end);
MgAnnotation *mg_annotation_copy         (MgAnnotation *self);
const char   *mg_annotation_get_id       (MgAnnotation *self);
const char   *mg_annotation_get_label    (MgAnnotation *self);
guint         mg_annotation_get_start    (MgAnnotation *self);
guint         mg_annotation_get_end      (MgAnnotation *self);
const char   *mg_annotation_get_text     (MgAnnotation *self);
const char   *mg_annotation_get_note     (MgAnnotation *self);
const char   *mg_annotation_get_created  (MgAnnotation *self);
const char   *mg_annotation_get_modified (MgAnnotation *self);
JsonObject   *mg_annotation_get_extra    (MgAnnotation *self);
gboolean      mg_annotation_overlaps     (MgAnnotation *self,
                                          guint         start,
                                          guint         end);
int           mg_annotation_compare      (MgAnnotation *a,
                                          MgAnnotation *b);

/* Setters for loaders and builders of annotations that are not yet in a
 * store. Once an annotation is in a store, change it through the store (or
 * the history) so that its index and listeners stay right. */
void          mg_annotation_set_id       (MgAnnotation *self,
                                          const char   *id);
void          mg_annotation_set_text     (MgAnnotation *self,
                                          const char   *text);
void          mg_annotation_set_note     (MgAnnotation *self,
                                          const char   *note);
void          mg_annotation_set_created  (MgAnnotation *self,
                                          const char   *created);
void          mg_annotation_set_modified (MgAnnotation *self,
                                          const char   *modified);
void          mg_annotation_set_extra    (MgAnnotation *self,
                                          JsonObject   *extra);

char         *mg_timestamp_now           (void);

guint         mg_annotation_span_hash    (gconstpointer  annotation);
gboolean      mg_annotation_span_equal   (gconstpointer  a,
                                          gconstpointer  b);

G_END_DECLS
