/* mg-import-annotated-private.h: what the importers of annotated data share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "mg-document.h"
#include "mg-import-annotated.h"

G_BEGIN_DECLS

/* One document being filled with the spans and relations of a file. */
typedef struct _MgAnnotatedDoc MgAnnotatedDoc;

MgAnnotatedDoc *_mg_annotated_doc_new        (MgImportOptions  *options,
                                              const char       *name,
                                              guint             line,
                                              const char       *text,
                                              gsize             n_bytes,
                                              const char       *wanted_id,
                                              guint             index,
                                              MgImportOffsets   unit,
                                              GError          **error);
void            _mg_annotated_doc_free       (MgAnnotatedDoc   *self);
MgDocument     *_mg_annotated_doc_get_document (MgAnnotatedDoc *self);
const char     *_mg_annotated_doc_get_name   (MgAnnotatedDoc   *self);
MgDocument     *_mg_annotated_doc_steal      (MgAnnotatedDoc   *self);
gboolean        _mg_annotated_add_span       (MgAnnotatedDoc   *self,
                                              const char       *key,
                                              const char       *id,
                                              const char       *label,
                                              gint64            start,
                                              gint64            end,
                                              const char       *recorded,
                                              const char       *note,
                                              guint             line,
                                              GError          **error);
void            _mg_annotated_set_values     (MgAnnotatedDoc   *self,
                                              const char       *key,
                                              const char       *member,
                                              JsonObject       *values);
void            _mg_annotated_set_value_text (MgAnnotatedDoc   *self,
                                              const char       *key,
                                              const char       *id,
                                              const char       *text);
gboolean        _mg_annotated_add_relation   (MgAnnotatedDoc   *self,
                                              const char       *from,
                                              const char       *to,
                                              const char       *type,
                                              guint             line,
                                              GError          **error);

JsonNode       *_mg_annotated_parse_json     (const char       *data,
                                              gsize             n_bytes,
                                              const char       *name,
                                              guint             line,
                                              GError          **error);
guint           _mg_annotated_count_lines    (const char       *data,
                                              gsize             from,
                                              gsize             to);
const char     *_mg_annotated_string         (JsonObject       *object,
                                              const char       *member);
const char     *_mg_annotated_string_element (JsonArray      *array,
                                              guint            index);
gboolean        _mg_annotated_int            (JsonObject       *object,
                                              const char       *member,
                                              gint64           *value);
char           *_mg_annotated_document_id    (JsonObject       *named,
                                              JsonObject       *numbered,
                                              const char       *name);
char           *_mg_annotated_id_string      (JsonObject       *object,
                                              const char       *member);

/* Reads one JSON Lines record: @object, found on @line, is the record's
 * @index-th. Returns FALSE with @error set to stop. */
typedef gboolean (*MgAnnotatedLineFunc) (JsonObject  *object,
                                         guint        line,
                                         guint        index,
                                         gpointer     user_data,
                                         GError     **error);

gboolean        _mg_annotated_each_line      (const char          *data,
                                              gsize                n_bytes,
                                              const char          *name,
                                              MgAnnotatedLineFunc  func,
                                              gpointer             user_data,
                                              GError             **error);
gboolean        _mg_annotated_each_item      (const char          *data,
                                              gsize                n_bytes,
                                              const char          *name,
                                              MgAnnotatedLineFunc  func,
                                              gpointer             user_data,
                                              GError             **error);
void            _mg_annotated_set_meta       (MgDocument          *document,
                                              JsonObject          *object,
                                              const char * const  *known);

/* One import of a JSON file of records, each a document. */
typedef struct
{
  MgImportOptions *options;
  const char      *name;
  GPtrArray       *documents;
  GPtrArray       *warnings;
} MgAnnotatedImport;

GPtrArray      *_mg_annotated_import_json    (const char          *data,
                                              gsize                n_bytes,
                                              const char          *name,
                                              MgImportOptions     *options,
                                              GPtrArray           *warnings,
                                              gboolean             lines,
                                              MgAnnotatedLineFunc  func,
                                              GError             **error);
MgAnnotatedDoc *_mg_annotated_import_begin   (MgAnnotatedImport   *import,
                                              guint                line,
                                              const char          *text,
                                              const char          *id,
                                              guint                index,
                                              GError             **error);
void            _mg_annotated_import_end     (MgAnnotatedImport   *import,
                                              MgAnnotatedDoc      *doc,
                                              const char          *title,
                                              JsonObject          *record,
                                              const char * const  *known);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MgAnnotatedDoc, _mg_annotated_doc_free)

G_END_DECLS
