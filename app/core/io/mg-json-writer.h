/* mg-json-writer.h: deterministic JSON text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

void mg_json_write_uint   (GString    *out,
                          guint64     value);
void mg_json_write_string (GString    *out,
                           const char *value);
void mg_json_write_string_len (GString    *out,
                               const char *value,
                               gsize       n_bytes);
void mg_json_write_string_part (GString    *out,
                                const char *value,
                                gsize       n_bytes);
void mg_json_write_node_compact (GString  *out,
                                 JsonNode *node);
void mg_json_write_node   (GString    *out,
                           JsonNode   *node);
void mg_json_write_members (GString    *out,
                            JsonObject *object,
                            gboolean    leading_comma);
GPtrArray *mg_json_sorted_members (JsonObject *object);

G_END_DECLS
