/* mg-document.h: one article, its metadata and its annotations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "mg-annotation-store.h"
#include "mg-text-index.h"
#include "mg-types.h"

G_BEGIN_DECLS

#define MG_TYPE_DOCUMENT (mg_document_get_type ())

G_DECLARE_FINAL_TYPE (MgDocument, mg_document, MG, DOCUMENT, GObject)

MgDocument        *mg_document_new               (const char  *id,
                                                  const char  *text,
                                                  gssize       n_bytes);
const char        *mg_document_get_id            (MgDocument  *self);
void               mg_document_set_id            (MgDocument  *self,
                                                  const char  *id);
const char        *mg_document_get_title         (MgDocument  *self);
void               mg_document_set_title         (MgDocument  *self,
                                                  const char  *title);
const char        *mg_document_get_text          (MgDocument  *self);
gsize              mg_document_get_text_bytes    (MgDocument  *self);
guint              mg_document_get_length        (MgDocument  *self);
const char        *mg_document_get_text_sha256   (MgDocument  *self);
MgTextIndex       *mg_document_get_text_index    (MgDocument  *self);
char              *mg_document_substring         (MgDocument  *self,
                                                  guint        start,
                                                  guint        end);
MgAnnotationStore *mg_document_get_store         (MgDocument  *self);
guint              mg_document_count_labels      (MgDocument  *self,
                                                  MgLabelSet  *labels,
                                                  guint       *counts,
                                                  guint       *n_other);

const char        *mg_document_get_source_path   (MgDocument  *self);
void               mg_document_set_source_path   (MgDocument  *self,
                                                  const char  *path);
const char        *mg_document_get_media_type    (MgDocument  *self);
void               mg_document_set_media_type    (MgDocument  *self,
                                                  const char  *media_type);
JsonObject        *mg_document_get_source_extra  (MgDocument  *self);
void               mg_document_set_source_extra  (MgDocument  *self,
                                                  JsonObject  *extra);

JsonObject        *mg_document_get_meta          (MgDocument  *self);
void               mg_document_set_meta          (MgDocument  *self,
                                                  JsonObject  *meta);
const char        *mg_document_get_meta_string   (MgDocument  *self,
                                                  const char  *key);
void               mg_document_set_meta_string   (MgDocument  *self,
                                                  const char  *key,
                                                  const char  *value);

JsonObject        *mg_document_get_extra         (MgDocument  *self);
void               mg_document_set_extra         (MgDocument  *self,
                                                  JsonObject  *extra);

G_END_DECLS
