/* mg-merge3-private.h: the parts of the three-way merge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mg-merge3.h"

G_BEGIN_DECLS

/* Where a merge writes what it could not settle (conflicts, marked in the
 * result) and what it settled by rule (notices). */
typedef struct
{
  GPtrArray *conflicts;
  GPtrArray *notices;
} MgMerge3Log;

gboolean    _mg_merge3_spans       (MgDocument  *base,
                                    MgDocument  *ours,
                                    MgDocument  *theirs,
                                    MgDocument  *result,
                                    MgMerge3Log *log,
                                    GError     **error);
void        _mg_merge3_labels      (MgDataset   *base,
                                    MgDataset   *ours,
                                    MgDataset   *theirs,
                                    MgDataset   *result,
                                    MgMerge3Log *log);
void        _mg_merge3_add_conflict (MgDocument  *result,
                                     JsonObject  *conflict);
gboolean    _mg_json_objects_equal (JsonObject  *a,
                                    JsonObject  *b);
gboolean    _mg_json_nodes_equal   (JsonNode    *a,
                                    JsonNode    *b);
JsonNode   *_mg_json_member        (JsonObject  *object,
                                    const char  *name);
JsonNode   *_mg_merge3_pick        (JsonNode    *base,
                                    JsonNode    *ours,
                                    JsonNode    *theirs,
                                    gboolean    *clash);
GPtrArray  *_mg_merge3_member_names (JsonObject *base,
                                     JsonObject *ours,
                                     JsonObject *theirs);
gboolean    _mg_annotations_same   (MgAnnotation *a,
                                    MgAnnotation *b);
gboolean    _mg_relations_same     (MgRelation  *a,
                                    MgRelation  *b);
char       *_mg_describe_span      (MgAnnotation *a);
MgDocument *_mg_counterpart        (MgDataset   *in,
                                    GHashTable  *by_sha,
                                    GHashTable  *taken,
                                    MgDocument  *doc);
GHashTable *_mg_documents_by_sha   (MgDataset   *dataset);
JsonObject *_mg_merge3_values      (JsonObject  *base,
                                    JsonObject  *ours,
                                    JsonObject  *theirs,
                                    GPtrArray   *clashes);
JsonObject *_mg_merge3_with_values (JsonObject  *extra,
                                    const char  *name,
                                    JsonObject  *values);
void        _mg_merge3_value_conflict (MgDocument   *result,
                                       MgMerge3Log  *log,
                                       const char   *kind,
                                       const char   *base_id,
                                       MgAnnotation *span,
                                       const char   *id,
                                       JsonNode     *ours,
                                       JsonNode     *theirs);

G_END_DECLS
