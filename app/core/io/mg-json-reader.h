/* mg-json-reader.h: a strict, bounded JSON pull reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  MG_JSON_NONE,     /* end of input, or after an error */
  MG_JSON_OBJECT,
  MG_JSON_ARRAY,
  MG_JSON_STRING,
  MG_JSON_NUMBER,
  MG_JSON_BOOLEAN,
  MG_JSON_NULL,
} MgJsonKind;

typedef struct
{
  const char *data;
  gsize       len;
  gsize       pos;
  guint       depth;
  guint       max_depth;
  gboolean    fresh;  /* just after '{' or '[' */
  GString    *scratch;
  GString    *key;
  char       *error;  /* the first syntax error, with line and column */
  /* Added for readers of imported text; see mg_json_reader_set_repair(). */
  gboolean    repair;
  guint       n_repaired;
  char       *error_reason;  /* the first error without its place */
  guint       error_column;
} MgJsonReader;

void        mg_json_reader_init          (MgJsonReader *self,
                                          const char   *data,
                                          gsize         len,
                                          guint         max_depth);
void        mg_json_reader_clear         (MgJsonReader *self);
gboolean    mg_json_reader_failed        (MgJsonReader *self);
void        mg_json_reader_fail          (MgJsonReader *self,
                                          const char   *message);
MgJsonKind  mg_json_reader_peek          (MgJsonReader *self);
const char *mg_json_kind_to_string       (MgJsonKind    kind);
gboolean    mg_json_reader_begin_object  (MgJsonReader *self);
const char *mg_json_reader_next_member   (MgJsonReader *self);
gboolean    mg_json_reader_begin_array   (MgJsonReader *self);
gboolean    mg_json_reader_next_element  (MgJsonReader *self);
const char *mg_json_reader_read_string   (MgJsonReader *self,
                                          gsize        *len);
gboolean    mg_json_reader_read_int      (MgJsonReader *self,
                                          gint64       *value,
                                          gboolean     *is_integer);
JsonNode   *mg_json_reader_read_node     (MgJsonReader *self);
gboolean    mg_json_reader_end           (MgJsonReader *self);
void        mg_json_reader_reset         (MgJsonReader *self,
                                          const char   *data,
                                          gsize         len);
void        mg_json_reader_set_repair    (MgJsonReader *self,
                                          gboolean      repair);
gboolean    mg_json_reader_skip_value    (MgJsonReader *self);

G_END_DECLS
