/* mg-scheme.h: a dataset's coding scheme: labels with their attributes,
 * relation types and document codes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "mg-dataset.h"

G_BEGIN_DECLS

/* What a scheme file says it is. */
#define MG_SCHEME_FORMAT  "marginalia-scheme"
#define MG_SCHEME_VERSION 1

typedef enum
{
  MG_FIELD_CHOICE,   /* one string of "values" */
  MG_FIELD_TEXT,     /* any string */
  MG_FIELD_BOOLEAN,  /* true or false (brat's binary attributes) */
} MgFieldType;

/* An attribute of a label's spans, or a code of a whole document. */
typedef struct
{
  char        *id;
  char        *name;     /* the id when the scheme gives none */
  MgFieldType  type;
  char       **values;   /* for a choice; NULL-terminated, never NULL */
} MgField;

/* A kind of relation and the labels it may go from and to; an empty list
 * allows every label. */
typedef struct
{
  char  *id;
  char  *name;
  char **from;
  char **to;
} MgRelationType;

#define MG_TYPE_SCHEME (mg_scheme_get_type ())

G_DECLARE_FINAL_TYPE (MgScheme, mg_scheme, MG, SCHEME, GObject)

MgScheme             *mg_scheme_new_from_dataset       (MgDataset    *dataset,
                                                        const char   *name,
                                                        GPtrArray    *problems);
MgLabelSet           *mg_scheme_get_labels             (MgScheme     *self);
GPtrArray            *mg_scheme_get_attributes         (MgScheme     *self,
                                                        const char   *label);
gboolean              mg_scheme_label_has_attributes   (MgScheme     *self,
                                                        const char   *label);
const MgField        *mg_scheme_lookup_attribute       (MgScheme     *self,
                                                        const char   *label,
                                                        const char   *id);
GPtrArray            *mg_scheme_get_attribute_ids      (MgScheme     *self);
gboolean              mg_scheme_has_relation_types     (MgScheme     *self);
GPtrArray            *mg_scheme_get_relation_types     (MgScheme     *self);
const MgRelationType *mg_scheme_lookup_relation_type   (MgScheme     *self,
                                                        const char   *id);
GPtrArray            *mg_scheme_relation_types_between (MgScheme     *self,
                                                        const char   *from_label,
                                                        const char   *to_label);
gboolean              mg_relation_type_allows          (const MgRelationType *type,
                                                        const char   *from_label,
                                                        const char   *to_label);
gboolean              mg_scheme_has_document_codes     (MgScheme     *self);
GPtrArray            *mg_scheme_get_document_codes     (MgScheme     *self);
const MgField        *mg_scheme_lookup_document_code   (MgScheme     *self,
                                                        const char   *id);
gboolean              mg_field_accepts                 (const MgField *field,
                                                        JsonNode     *value);
const char           *mg_field_type_to_string          (MgFieldType   type);

void                  mg_scheme_check_dataset          (MgScheme     *self,
                                                        MgDataset    *dataset,
                                                        const char   *name,
                                                        GPtrArray    *problems);
void                  mg_scheme_check_relabel          (MgScheme     *self,
                                                        MgDocument   *document,
                                                        MgAnnotation *annotation,
                                                        const char   *label,
                                                        GPtrArray   **attributes,
                                                        GPtrArray   **relations);
JsonNode             *mg_scheme_to_json                (MgScheme     *self);
JsonNode             *mg_scheme_relation_types_for_labels (MgDataset  *dataset,
                                                        MgLabelSet   *labels,
                                                        GPtrArray   **dropped);
MgDataset            *mg_scheme_apply                  (MgScheme     *self,
                                                        MgDataset    *dataset,
                                                        const char   *name,
                                                        GPtrArray    *dropped);

/* Values of spans and documents: strings, or true and false. */
JsonNode             *mg_annotation_get_attribute      (MgAnnotation *annotation,
                                                        const char   *id);
char                 *mg_annotation_dup_attribute_string (MgAnnotation *annotation,
                                                        const char   *id);
JsonObject           *mg_annotation_get_attributes     (MgAnnotation *annotation);
JsonNode             *mg_document_get_code             (MgDocument   *document,
                                                        const char   *id);
char                 *mg_document_dup_code_string      (MgDocument   *document,
                                                        const char   *id);
JsonObject           *mg_document_get_codes            (MgDocument   *document);
char                 *mg_value_to_string               (JsonNode     *value);
JsonObject           *mg_extra_with_value              (JsonObject   *extra,
                                                        const char   *member,
                                                        const char   *id,
                                                        JsonNode     *value);

G_END_DECLS
