/* mg-export-w3c.c: W3C Web Annotation Data Model, as JSON-LD
 *
 * One AnnotationCollection whose first (and only) page holds every span
 * as an Annotation: a tagging body with the label, a commenting body with
 * the note, and a target on the document (its URL, else the SHA-256 of
 * its text as a URN) picked out twice, by position and by quote with up
 * to 32 UTF-16 units of context each side (never half a surrogate pair),
 * so a reader can find the span again even in a copy of the text that
 * moved it. The context is counted in UTF-16 units because the JavaScript
 * anchoring libraries match it with a bitap search whose pattern may not
 * be longer than 32 units of a JavaScript string. The model counts positions in
 * code points; --offsets=utf16 is for JavaScript anchoring libraries that
 * count UTF-16 units instead. An attribution is an Annotation of its own,
 * motivated by linking, from the quote to the actor.
 *
 * A span's attributes are describing bodies, one each, the attribute's id
 * as the body's schema:name and its value (true and false as words) as
 * the value. A document has no annotation of its own, so its codes are
 * not in this format.
 *
 * An annotation's IRI is the collection's IRI with the document's id and
 * the annotation's id as its fragment: two documents of one dataset may
 * share a text or a URL, but never an id, and JSON-LD merges nodes that
 * share an IRI.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-export"

#include "config.h"

#include <string.h>

#include "mg-export-private.h"

#define CONTEXT_UTF16_UNITS 32

static char *
annotation_iri (const char *collection,
                MgDocument *doc,
                const char *id)
{
  g_autofree char *doc_id = g_uri_escape_string (mg_document_get_id (doc), NULL, FALSE);
  g_autofree char *ann_id = g_uri_escape_string (id, NULL, FALSE);

  return g_strdup_printf ("%s#document=%s&annotation=%s", collection, doc_id, ann_id);
}

static guint
utf16_units (gunichar c)
{
  return c > 0xffff ? 2 : 1;
}

/* Where a prefix of at most CONTEXT_UTF16_UNITS before @start begins. */
static guint
prefix_start (const char *text,
              gsize       byte,
              guint       start)
{
  const char *p = text + byte;
  guint units = 0;

  while (start > 0)
    {
      const char *prev = g_utf8_prev_char (p);
      guint n = utf16_units (g_utf8_get_char (prev));

      if (units + n > CONTEXT_UTF16_UNITS)
        break;
      units += n;
      p = prev;
      start--;
    }
  return start;
}

/* Where a suffix of at most CONTEXT_UTF16_UNITS after @end ends. */
static guint
suffix_end (const char *text,
            gsize       byte,
            guint       end,
            guint       length)
{
  const char *p = text + byte;
  guint units = 0;

  while (end < length)
    {
      guint n = utf16_units (g_utf8_get_char (p));

      if (units + n > CONTEXT_UTF16_UNITS)
        break;
      units += n;
      p = g_utf8_next_char (p);
      end++;
    }
  return end;
}

static void
append_range (GString     *out,
              const char  *name,
              MgTextIndex *index,
              const char  *text,
              guint        start,
              guint        end)
{
  gsize a = mg_text_index_byte_offset (index, start);
  gsize b = mg_text_index_byte_offset (index, end);

  _mg_export_json_string (out, name);
  g_string_append_c (out, ':');
  _mg_export_json_string_len (out, text + a, b - a);
}

static void
write_target (MgExportContext *ctx,
              MgDocument      *doc,
              const char      *uri,
              MgAnnotation    *a)
{
  MgTextIndex *index = mg_document_get_text_index (doc);
  const char *text = mg_document_get_text (doc);
  guint start = mg_annotation_get_start (a);
  guint end = mg_annotation_get_end (a);
  guint length = mg_document_get_length (doc);
  GString *out = ctx->buf;

  g_string_append (out, ",\"target\":{");
  _mg_export_json_member (out, "source", uri);
  g_string_append (out, ",\"selector\":[{\"type\":\"TextPositionSelector\",");
  _mg_export_json_uint (out, "start", _mg_export_offset (ctx, doc, start));
  g_string_append_c (out, ',');
  _mg_export_json_uint (out, "end", _mg_export_offset (ctx, doc, end));
  g_string_append (out, "},{\"type\":\"TextQuoteSelector\",");
  append_range (out, "exact", index, text, start, end);
  g_string_append_c (out, ',');
  append_range (out, "prefix", index, text,
                prefix_start (text, mg_text_index_byte_offset (index, start), start), start);
  g_string_append_c (out, ',');
  append_range (out, "suffix", index, text, end,
                suffix_end (text, mg_text_index_byte_offset (index, end), end, length));
  g_string_append (out, "}]}");
}

static void
write_common (GString    *out,
              const char *iri,
              const char *motivation,
              const char *annotator)
{
  g_string_append_c (out, '{');
  _mg_export_json_member (out, "id", iri);
  g_string_append (out, ",\"type\":\"Annotation\",");
  _mg_export_json_member (out, "motivation", motivation);
  if (annotator != NULL && *annotator != '\0')
    {
      g_string_append (out, ",\"creator\":{\"type\":\"Person\",");
      _mg_export_json_member (out, "nickname", annotator);
      g_string_append_c (out, '}');
    }
}

static void
write_attributes (GString      *out,
                  MgAnnotation *a)
{
  JsonObject *attributes = mg_annotation_get_attributes (a);
  g_autoptr(GList) ids = attributes ? json_object_get_members (attributes) : NULL;

  ids = g_list_sort (ids, (GCompareFunc) strcmp);
  for (GList *l = ids; l != NULL; l = l->next)
    {
      g_autofree char *value = mg_value_to_string (json_object_get_member (attributes, l->data));

      if (value == NULL)
        continue;
      g_string_append (out, ",{\"type\":\"TextualBody\",\"purpose\":\"describing\",");
      _mg_export_json_member (out, "schema:name", l->data);
      g_string_append_c (out, ',');
      _mg_export_json_member (out, "value", value);
      g_string_append_c (out, '}');
    }
}

static void
write_annotation (MgExportContext *ctx,
                  const char      *collection,
                  MgDocument      *doc,
                  const char      *uri,
                  MgAnnotation    *a)
{
  g_autofree char *iri = annotation_iri (collection, doc, mg_annotation_get_id (a));
  const char *note = mg_annotation_get_note (a);
  GString *out = ctx->buf;

  write_common (out, iri, "tagging", mg_dataset_get_annotator (ctx->dataset));
  if (mg_annotation_get_created (a) != NULL)
    {
      g_string_append_c (out, ',');
      _mg_export_json_member (out, "created", mg_annotation_get_created (a));
    }
  if (mg_annotation_get_modified (a) != NULL)
    {
      g_string_append_c (out, ',');
      _mg_export_json_member (out, "modified", mg_annotation_get_modified (a));
    }
  g_string_append (out, ",\"body\":[{\"type\":\"TextualBody\",\"purpose\":\"tagging\",");
  _mg_export_json_member (out, "value", mg_annotation_get_label (a));
  g_string_append_c (out, '}');
  write_attributes (out, a);
  if (note != NULL && *note != '\0')
    {
      g_string_append (out, ",{\"type\":\"TextualBody\",\"purpose\":\"commenting\","
                            "\"format\":\"text/plain\",");
      _mg_export_json_member (out, "value", note);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
  write_target (ctx, doc, uri, a);
  g_string_append_c (out, '}');
}

static void
write_relation (MgExportContext *ctx,
                const char      *collection,
                MgDocument      *doc,
                MgRelation      *r)
{
  g_autofree char *iri = annotation_iri (collection, doc, mg_relation_get_id (r));
  g_autofree char *from = annotation_iri (collection, doc, mg_relation_get_from (r));
  g_autofree char *to = annotation_iri (collection, doc, mg_relation_get_to (r));
  GString *out = ctx->buf;

  write_common (out, iri, "linking", mg_dataset_get_annotator (ctx->dataset));
  g_string_append (out, ",\"body\":[{\"type\":\"TextualBody\",\"purpose\":\"tagging\",");
  _mg_export_json_member (out, "value", mg_relation_get_kind (r));
  g_string_append (out, "},");
  _mg_export_json_string (out, to);
  g_string_append (out, "],");
  _mg_export_json_member (out, "target", from);
  g_string_append_c (out, '}');
}

/* The collection's IRI names its content: the hashes of its texts. */
static char *
collection_iri (MgDataset *dataset,
                guint     *total)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  *total = 0;
  for (guint d = 0; d < mg_dataset_get_n_documents (dataset); d++)
    {
      MgDocument *doc = mg_dataset_get_document (dataset, d);
      MgAnnotationStore *store = mg_document_get_store (doc);

      g_checksum_update (sum, (const guchar *)mg_document_get_text_sha256 (doc), -1);
      *total += mg_annotation_store_get_n_annotations (store) +
                mg_annotation_store_get_n_relations (store);
    }

  return g_strconcat ("urn:sha256:", g_checksum_get_string (sum), NULL);
}

gboolean
_mg_export_w3c (MgExportContext  *ctx,
                GError          **error)
{
  GString *out = ctx->buf;
  guint total;
  g_autofree char *iri = collection_iri (ctx->dataset, &total);
  g_autofree char *page = g_strconcat (iri, "#page1", NULL);
  gboolean first = TRUE;

  g_string_append (out, "{\n\"@context\":\"http://www.w3.org/ns/anno.jsonld\",\n");
  _mg_export_json_member (out, "id", iri);
  g_string_append_printf (out, ",\n\"type\":\"AnnotationCollection\",\n\"total\":%u,\n"
                               "\"first\":{", total);
  /* One page holds every item; the model wants it named too. */
  _mg_export_json_member (out, "id", page);
  g_string_append (out, ",\"type\":\"AnnotationPage\",\"startIndex\":0,\n\"items\":[");

  for (guint d = 0; d < mg_dataset_get_n_documents (ctx->dataset); d++)
    {
      MgDocument *doc = mg_dataset_get_document (ctx->dataset, d);
      MgAnnotationStore *store = mg_document_get_store (doc);
      g_autofree char *uri = _mg_export_document_uri (doc);

      for (guint i = 0; i < mg_annotation_store_get_n_annotations (store); i++)
        {
          g_string_append (out, first ? "\n" : ",\n");
          first = FALSE;
          write_annotation (ctx, iri, doc, uri, mg_annotation_store_get_annotation (store, i));
        }
      for (guint i = 0; i < mg_annotation_store_get_n_relations (store); i++)
        {
          g_string_append (out, first ? "\n" : ",\n");
          first = FALSE;
          write_relation (ctx, iri, doc, mg_annotation_store_get_relation (store, i));
        }
      if (!_mg_export_document_done (ctx, error))
        return FALSE;
    }
  g_string_append (out, "\n]}\n}\n");

  return TRUE;
}
