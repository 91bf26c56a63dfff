/* mg-dataset-writer.c
 *
 * Writing is deterministic (fixed key order, annotations in document
 * order, one annotation per line, sorted unknown members) so a one-span
 * change is a one-line diff; the file is replaced through mg-file-writer.c,
 * whole or not at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-dataset-io"

#include "config.h"

#include <string.h>

#include "mg-dataset-io.h"
#include "mg-file-writer.h"
#include "mg-json-writer.h"
#include "mg-scheme-io.h"

/* A literal's length is known where it is written: no strlen() for each
 * of the seven members of every span. */
#define APPEND_LITERAL(out, literal) g_string_append_len ((out), "" literal, sizeof (literal) - 1)

static void
write_annotation (GString      *out,
                  MgAnnotation *a)
{
  APPEND_LITERAL (out, "{\"id\": ");
  mg_json_write_string (out, mg_annotation_get_id (a));
  APPEND_LITERAL (out, ", \"label\": ");
  mg_json_write_string (out, mg_annotation_get_label (a));
  APPEND_LITERAL (out, ", \"start\": ");
  mg_json_write_uint (out, mg_annotation_get_start (a));
  APPEND_LITERAL (out, ", \"end\": ");
  mg_json_write_uint (out, mg_annotation_get_end (a));
  APPEND_LITERAL (out, ", \"text\": ");
  mg_json_write_string (out, mg_annotation_get_text (a));
  APPEND_LITERAL (out, ", \"note\": ");
  mg_json_write_string (out, mg_annotation_get_note (a));
  if (mg_annotation_get_created (a) != NULL)
    {
      APPEND_LITERAL (out, ", \"created\": ");
      mg_json_write_string (out, mg_annotation_get_created (a));
    }
  if (mg_annotation_get_modified (a) != NULL)
    {
      APPEND_LITERAL (out, ", \"modified\": ");
      mg_json_write_string (out, mg_annotation_get_modified (a));
    }
  if (mg_annotation_get_extra (a) != NULL)
    mg_json_write_members (out, mg_annotation_get_extra (a), TRUE);
  g_string_append_c (out, '}');
}

static int
compare_relations (gconstpointer a,
                   gconstpointer b)
{
  MgRelation *ra = *(MgRelation **)a;
  MgRelation *rb = *(MgRelation **)b;
  int r;

  if ((r = g_strcmp0 (mg_relation_get_from (ra), mg_relation_get_from (rb))) != 0)
    return r;
  if ((r = g_strcmp0 (mg_relation_get_kind (ra), mg_relation_get_kind (rb))) != 0)
    return r;
  if ((r = g_strcmp0 (mg_relation_get_to (ra), mg_relation_get_to (rb))) != 0)
    return r;
  return g_strcmp0 (mg_relation_get_id (ra), mg_relation_get_id (rb));
}

static void
write_relation (GString    *out,
                MgRelation *relation)
{
  g_string_append (out, "{\"id\": ");
  mg_json_write_string (out, mg_relation_get_id (relation));
  g_string_append (out, ", \"type\": ");
  mg_json_write_string (out, mg_relation_get_kind (relation));
  g_string_append (out, ", \"from\": ");
  mg_json_write_string (out, mg_relation_get_from (relation));
  g_string_append (out, ", \"to\": ");
  mg_json_write_string (out, mg_relation_get_to (relation));
  if (mg_relation_get_extra (relation) != NULL)
    mg_json_write_members (out, mg_relation_get_extra (relation), TRUE);
  g_string_append_c (out, '}');
}

static void
write_source (GString    *out,
              MgDocument *doc)
{
  gboolean first = TRUE;

  g_string_append (out, ",\n      \"source\": {");
  if (mg_document_get_source_path (doc) != NULL)
    {
      g_string_append (out, "\"path\": ");
      mg_json_write_string (out, mg_document_get_source_path (doc));
      first = FALSE;
    }
  if (mg_document_get_media_type (doc) != NULL)
    {
      g_string_append (out, first ? "\"media_type\": " : ", \"media_type\": ");
      mg_json_write_string (out, mg_document_get_media_type (doc));
      first = FALSE;
    }
  if (mg_document_get_source_extra (doc) != NULL)
    mg_json_write_members (out, mg_document_get_source_extra (doc), !first);
  g_string_append_c (out, '}');
}

/* One annotation a line, in the store's order, which is the text's. */
static void
write_annotations (GString           *out,
                   MgAnnotationStore *store)
{
  guint n_annotations = mg_annotation_store_get_n_annotations (store);

  g_string_append (out, ",\n      \"annotations\": [");
  for (guint i = 0; i < n_annotations; i++)
    {
      if (i == 0)
        APPEND_LITERAL (out, "\n        ");
      else
        APPEND_LITERAL (out, ",\n        ");
      write_annotation (out, mg_annotation_store_get_annotation (store, i));
    }
  g_string_append (out, n_annotations > 0 ? "\n      ]" : "]");
}

/* Relations sorted, so that the order they were made in makes no diff. */
static void
write_relations (GString           *out,
                 MgAnnotationStore *store)
{
  guint n_relations = mg_annotation_store_get_n_relations (store);
  g_autoptr(GPtrArray) sorted = NULL;

  g_string_append (out, ",\n      \"relations\": [");
  if (n_relations == 0)
    {
      g_string_append (out, "]");
      return;
    }

  sorted = g_ptr_array_sized_new (n_relations);
  for (guint i = 0; i < n_relations; i++)
    g_ptr_array_add (sorted, mg_annotation_store_get_relation (store, i));
  g_ptr_array_sort (sorted, compare_relations);
  for (guint i = 0; i < sorted->len; i++)
    {
      g_string_append (out, i == 0 ? "\n        " : ",\n        ");
      write_relation (out, g_ptr_array_index (sorted, i));
    }
  g_string_append (out, "\n      ]");
}

static void
write_array_lines (GString    *out,
                   JsonArray  *array,
                   const char *indent)
{
  g_string_append_c (out, '[');
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_string_append (out, i == 0 ? "\n" : ",\n");
      g_string_append (out, indent);
      g_string_append (out, "  ");
      mg_json_write_node (out, json_array_get_element (array, i));
    }
  g_string_append_c (out, '\n');
  g_string_append (out, indent);
  g_string_append_c (out, ']');
}

/* Members this build does not know, each on a line of its own, sorted. */
static void
write_extra_lines (GString    *out,
                   JsonObject *extra,
                   const char *indent)
{
  g_autoptr(GPtrArray) names = NULL;

  if (extra == NULL)
    return;
  names = mg_json_sorted_members (extra);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      JsonNode *node = json_object_get_member (extra, name);

      /* A scheme's lists, one relation type or code a line. */
      if (g_str_equal (name, "relation_types") || g_str_equal (name, "document_codes"))
        {
          _mg_scheme_write_list (out, name, node, indent);
          continue;
        }
      g_string_append (out, ",\n");
      g_string_append (out, indent);
      mg_json_write_string (out, name);
      g_string_append (out, ": ");
      /* A document's rejected suggestions grow one at a time as a person
       * codes: one a line, so a rejection is a one-line diff in git. */
      if (strcmp (name, "rejected_suggestions") == 0 && JSON_NODE_HOLDS_ARRAY (node) &&
          json_array_get_length (json_node_get_array (node)) > 0)
        write_array_lines (out, json_node_get_array (node), indent);
      else
        mg_json_write_node (out, node);
    }
}

static void
write_document (GString    *out,
                MgDocument *doc)
{
  MgAnnotationStore *store = mg_document_get_store (doc);

  g_string_append (out, "    {\n      \"id\": ");
  mg_json_write_string (out, mg_document_get_id (doc));
  g_string_append (out, ",\n      \"title\": ");
  mg_json_write_string (out, mg_document_get_title (doc));
  write_source (out, doc);
  g_string_append (out, ",\n      \"meta\": {");
  mg_json_write_members (out, mg_document_get_meta (doc), FALSE);
  g_string_append (out, "},\n      \"text\": ");
  mg_json_write_string (out, mg_document_get_text (doc));
  g_string_append (out, ",\n      \"text_sha256\": \"");
  g_string_append (out, mg_document_get_text_sha256 (doc));
  g_string_append_c (out, '"');
  write_annotations (out, store);
  write_relations (out, store);
  write_extra_lines (out, mg_document_get_extra (doc), "      ");
  g_string_append (out, "\n    }");
}

/**
 * mg_dataset_to_bytes:
 *
 * Writes the dataset in format version 1: the same content always gives
 * the same bytes.
 *
 * Returns: (transfer full): the file's contents
 */
GBytes *
mg_dataset_to_bytes (MgDataset *self)
{
  MgLabelSet *labels;
  GString *out;
  guint n_docs;

  g_return_val_if_fail (MG_IS_DATASET (self), NULL);

  labels = mg_dataset_get_labels (self);
  n_docs = mg_dataset_get_n_documents (self);

  out = g_string_sized_new (4096);
  g_string_append (out, "{\n  \"format\": \"" MG_DATASET_FORMAT "\",\n");
  g_string_append_printf (out, "  \"version\": %d,\n  \"annotator\": ", MG_DATASET_VERSION);
  mg_json_write_string (out, mg_dataset_get_annotator (self));

  g_string_append (out, ",\n  \"labels\": [");
  for (guint i = 0; i < mg_label_set_get_n_labels (labels); i++)
    {
      g_string_append (out, i == 0 ? "\n    " : ",\n    ");
      _mg_scheme_write_label (out, mg_label_set_get_label (labels, i));
    }
  g_string_append (out, mg_label_set_get_n_labels (labels) > 0 ? "\n  ],\n" : "],\n");

  g_string_append (out, "  \"documents\": [");
  for (guint i = 0; i < n_docs; i++)
    {
      g_string_append (out, i == 0 ? "\n" : ",\n");
      write_document (out, mg_dataset_get_document (self, i));
    }
  g_string_append (out, n_docs > 0 ? "\n  ]" : "]");

  write_extra_lines (out, mg_dataset_get_extra (self), "  ");

  g_string_append (out, "\n}\n");

  return g_string_free_to_bytes (out);
}

/**
 * mg_dataset_save_file:
 *
 * Saves with an #MgFileWriter: the file holds the old dataset or the new
 * one, whatever happens, and keeps its mode, owner and group.
 *
 * Returns: %TRUE on success
 */
gboolean
mg_dataset_save_file (MgDataset   *self,
                      const char  *path,
                      GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (MG_IS_DATASET (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bytes = mg_dataset_to_bytes (self);
  return mg_file_write_bytes (path, bytes, MG_FILE_WRITE_DEFAULT, error);
}
