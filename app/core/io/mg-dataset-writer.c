/* mg-dataset-writer.c
 *
 * Writing is deterministic (fixed key order, annotations in document
 * order, one annotation per line, sorted unknown members) so a one-span
 * change is a one-line diff; the file is replaced through mg-file-writer.c,
 * whole or not at all. One writer, MgDatasetSerializer, makes the file a
 * unit at a time: mg_dataset_to_bytes() runs it to the end at once, a
 * draft in slices of the main loop.
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

/* The serialiser writes the file one unit at a time: each unit is a
 * few lines at most, or a part of a document's text. */
typedef enum
{
  STEP_HEAD,          /* format, version, annotator, labels */
  STEP_DOCUMENT,      /* a document's id, title, source, meta */
  STEP_TEXT,          /* a part of its text; after the last, its sha */
  STEP_ANNOTATION,    /* one annotation, or the end of the list */
  STEP_RELATIONS,     /* all of a document's relations, sorted */
  STEP_DOCUMENT_END,  /* its unknown members */
  STEP_EXTRA,         /* the end of the documents, the dataset's members */
  STEP_TAIL,
  STEP_DONE,
} Step;

struct _MgDatasetSerializer
{
  MgDataset  *dataset;
  MgDocument *document;    /* the one being written, held */
  guint       n_document;  /* its index */
  gsize       n_text;      /* the bytes of its text written */
  gsize       text_bytes;  /* and in all */
  guint       n_annotation;
  Step        step;
};

static void
write_head (GString   *out,
            MgDataset *dataset)
{
  MgLabelSet *labels = mg_dataset_get_labels (dataset);
  guint n_labels = mg_label_set_get_n_labels (labels);

  g_string_append (out, "{\n  \"format\": \"" MG_DATASET_FORMAT "\",\n");
  g_string_append_printf (out, "  \"version\": %d,\n  \"annotator\": ", MG_DATASET_VERSION);
  mg_json_write_string (out, mg_dataset_get_annotator (dataset));

  g_string_append (out, ",\n  \"labels\": [");
  for (guint i = 0; i < n_labels; i++)
    {
      g_string_append (out, i == 0 ? "\n    " : ",\n    ");
      _mg_scheme_write_label (out, mg_label_set_get_label (labels, i));
    }
  g_string_append (out, n_labels > 0 ? "\n  ],\n" : "],\n");
  g_string_append (out, "  \"documents\": [");
}

static void
write_document_head (GString    *out,
                     MgDocument *doc,
                     gboolean    first)
{
  g_string_append (out, first ? "\n" : ",\n");
  g_string_append (out, "    {\n      \"id\": ");
  mg_json_write_string (out, mg_document_get_id (doc));
  g_string_append (out, ",\n      \"title\": ");
  mg_json_write_string (out, mg_document_get_title (doc));
  write_source (out, doc);
  g_string_append (out, ",\n      \"meta\": {");
  mg_json_write_members (out, mg_document_get_meta (doc), FALSE);
  g_string_append (out, "},\n      \"text\": \"");
}

/* A part of a document's text at most this long, cut between two
 * characters: a 10 MB article escaped in one go held the main loop for
 * a frame and more while its draft was written. */
#define TEXT_PART_BYTES (64 * 1024)

static void
step_text (MgDatasetSerializer *self,
           GString             *out)
{
  const char *text = mg_document_get_text (self->document);
  gsize length = self->text_bytes;
  gsize end = MIN (self->n_text + TEXT_PART_BYTES, length);

  /* Back to the start of a character: continuation bytes are 10xxxxxx. */
  while (end < length && end > self->n_text && ((guchar) text[end] & 0xC0) == 0x80)
    end--;
  mg_json_write_string_part (out, text + self->n_text, end - self->n_text);
  self->n_text = end;
  if (end < length)
    return;

  g_string_append (out, "\",\n      \"text_sha256\": \"");
  g_string_append (out, mg_document_get_text_sha256 (self->document));
  g_string_append (out, "\",\n      \"annotations\": [");
  self->n_annotation = 0;
  self->step = STEP_ANNOTATION;
}

/* One annotation a line, in the store's order, which is the text's; the
 * list closes in the step after its last. Counts are read again at every
 * step, so a dataset changed between calls gives a useless file, never a
 * read out of bounds. */
static void
step_annotation (MgDatasetSerializer *self,
                 GString             *out)
{
  MgAnnotationStore *store = mg_document_get_store (self->document);
  guint n_annotations = mg_annotation_store_get_n_annotations (store);

  if (self->n_annotation >= n_annotations)
    {
      g_string_append (out, self->n_annotation > 0 ? "\n      ]" : "]");
      self->step = STEP_RELATIONS;
      return;
    }
  if (self->n_annotation == 0)
    APPEND_LITERAL (out, "\n        ");
  else
    APPEND_LITERAL (out, ",\n        ");
  write_annotation (out, mg_annotation_store_get_annotation (store, self->n_annotation++));
}

static void
step_document (MgDatasetSerializer *self,
               GString             *out)
{
  if (self->n_document >= mg_dataset_get_n_documents (self->dataset))
    {
      self->step = STEP_EXTRA;
      return;
    }
  g_set_object (&self->document, mg_dataset_get_document (self->dataset, self->n_document));
  write_document_head (out, self->document, self->n_document == 0);
  self->n_text = 0;
  self->text_bytes = mg_document_get_text_bytes (self->document);
  self->step = STEP_TEXT;
}

static void
step_document_end (MgDatasetSerializer *self,
                   GString             *out)
{
  write_extra_lines (out, mg_document_get_extra (self->document), "      ");
  g_string_append (out, "\n    }");
  g_clear_object (&self->document);
  self->n_document++;
  self->step = STEP_DOCUMENT;
}

static void
step (MgDatasetSerializer *self,
      GString             *out)
{
  switch (self->step)
    {
    case STEP_HEAD:
      write_head (out, self->dataset);
      self->step = STEP_DOCUMENT;
      break;
    case STEP_DOCUMENT:
      step_document (self, out);
      break;
    case STEP_TEXT:
      step_text (self, out);
      break;
    case STEP_ANNOTATION:
      step_annotation (self, out);
      break;
    case STEP_RELATIONS:
      write_relations (out, mg_document_get_store (self->document));
      self->step = STEP_DOCUMENT_END;
      break;
    case STEP_DOCUMENT_END:
      step_document_end (self, out);
      break;
    case STEP_EXTRA:
      g_string_append (out, self->n_document > 0 ? "\n  ]" : "]");
      write_extra_lines (out, mg_dataset_get_extra (self->dataset), "  ");
      self->step = STEP_TAIL;
      break;
    case STEP_TAIL:
      g_string_append (out, "\n}\n");
      self->step = STEP_DONE;
      break;
    case STEP_DONE:
    default:
      g_assert_not_reached ();
    }
}

/**
 * mg_dataset_serializer_new:
 *
 * Starts writing @dataset in format version 1 a part at a time, with
 * mg_dataset_serializer_next(), so that a big dataset can be written
 * without holding the main loop or the whole file in memory. The bytes
 * are those of mg_dataset_to_bytes() as long as @dataset does not change
 * until the end; if it does, the file is of no use (but nothing worse
 * happens), and must be started again.
 *
 * Returns: (transfer full): a new serialiser, holding @dataset
 */
MgDatasetSerializer *
mg_dataset_serializer_new (MgDataset *dataset)
{
  MgDatasetSerializer *self;

  g_return_val_if_fail (MG_IS_DATASET (dataset), NULL);

  self = g_new0 (MgDatasetSerializer, 1);
  self->dataset = g_object_ref (dataset);
  self->step = STEP_HEAD;
  return self;
}

/**
 * mg_dataset_serializer_next:
 * @out: where to append
 * @budget: how many bytes to append, about: the call stops once it
 *   appended @budget bytes or more, which a unit (the head, a document's
 *   head, a part of its text, an annotation, a document's relations) may
 *   pass by its own size; G_MAXSIZE for the whole file at once
 *
 * Appends the next part of the file to @out: at least one unit, more
 * until @budget bytes were appended.
 *
 * Returns: %TRUE while there is more to come; %FALSE once the file is
 *   complete
 */
gboolean
mg_dataset_serializer_next (MgDatasetSerializer *self,
                            GString             *out,
                            gsize                budget)
{
  gsize start;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  start = out->len;
  while (self->step != STEP_DONE)
    {
      step (self, out);
      if (out->len - start >= budget)
        break;
    }
  return self->step != STEP_DONE;
}

/**
 * mg_dataset_serializer_free:
 *
 * Frees the serialiser and lets go of its dataset, whether or not the
 * file was complete.
 */
void
mg_dataset_serializer_free (MgDatasetSerializer *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->document);
  g_clear_object (&self->dataset);
  g_free (self);
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
  g_autoptr(MgDatasetSerializer) serializer = NULL;
  GString *out;

  g_return_val_if_fail (MG_IS_DATASET (self), NULL);

  serializer = mg_dataset_serializer_new (self);
  out = g_string_sized_new (4096);
  while (mg_dataset_serializer_next (serializer, out, G_MAXSIZE))
    ;
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
