/* mg-import-w3c.c: W3C Web Annotation, read onto texts given alongside
 *
 * A Web Annotation file holds no text: each annotation's target names its
 * source by IRI and picks a range of it out with a TextPositionSelector
 * (code points by the model; --offsets=utf16 for the JavaScript anchoring
 * libraries that count UTF-16 units) and/or a TextQuoteSelector. So the
 * texts come from documents given alongside (mg_import_options_set_texts):
 * a target whose source is "urn:sha256:HEX" finds the document whose text
 * has that hash, one whose source is a URL the document whose "url"
 * metadata it is; when the documents given hold one text only, every
 * target is on it. When both selectors are there the quote must equal
 * the position's slice; a quote alone must be found in the text, its
 * prefix and suffix telling repeated quotes apart.
 *
 * Annotations are read as the model has them and as mg-export-w3c.c
 * writes them: an AnnotationCollection whose first page holds the items,
 * a list of annotations, or one. A tagging body's value is the label (two
 * tagging bodies make two spans), a commenting body the note, a describing
 * body with a schema:name (as our export writes attributes) an attribute; an
 * annotation motivated by linking is a relation from its target to its
 * body's resource, typed by its tagging body. Each text annotated becomes
 * a document: a copy of the one given, with the annotations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "mg-error.h"
#include "mg-import-annotated-private.h"
#include "mg-import-w3c.h"

typedef struct
{
  char  *from;
  char  *to;
  char  *type;
  guint  line;
} Pending;

typedef struct
{
  MgImportOptions *options;
  const char      *name;
  MgDataset       *texts;
  GPtrArray       *docs;      /* MgAnnotatedDoc, in the order first met */
  GHashTable      *by_text;   /* MgDocument given → MgAnnotatedDoc */
  GHashTable      *by_iri;    /* annotation IRI → MgAnnotatedDoc */
  GArray          *pending;   /* Pending relations, tied once all spans are in */
} Reading;

static void
pending_clear (gpointer data)
{
  Pending *p = data;

  g_free (p->from);
  g_free (p->to);
  g_free (p->type);
}

/* A member that may be one value or a list of them, as a list. */
static GList *
one_or_many (JsonObject *object,
             const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_ARRAY (node))
    return json_array_get_elements (json_node_get_array (node));
  return g_list_prepend (NULL, node);
}

static JsonObject *
as_object (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* The value of "key=" in an IRI's fragment, as mg-export-w3c.c writes
 * "#document=ID&annotation=ID". */
static char *
fragment_value (const char *iri,
                const char *key)
{
  const char *hash = iri != NULL ? strchr (iri, '#') : NULL;
  g_auto(GStrv) parts = NULL;
  gsize len = strlen (key);

  if (hash == NULL)
    return NULL;
  parts = g_strsplit (hash + 1, "&", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (strncmp (parts[i], key, len) == 0 && parts[i][len] == '=')
      return g_uri_unescape_string (parts[i] + len + 1, NULL);
  return NULL;
}

static gboolean
document_fits (MgDocument *document,
               const char *source)
{
  if (g_str_has_prefix (source, "urn:sha256:"))
    return g_ascii_strcasecmp (source + strlen ("urn:sha256:"), mg_document_get_text_sha256 (document)) == 0;
  return g_strcmp0 (mg_document_get_meta_string (document, "url"), source) == 0;
}

/* The document given whose text @source names. */
static MgDocument *
find_text (Reading    *r,
           const char *source,
           const char *iri)
{
  g_autofree char *wanted = fragment_value (iri, "document");
  guint n = mg_dataset_get_n_documents (r->texts);
  MgDocument *found = NULL;
  guint n_found = 0;

  for (guint i = 0; source != NULL && i < n; i++)
    {
      MgDocument *document = mg_dataset_get_document (r->texts, i);

      if (!document_fits (document, source))
        continue;
      /* Two copies of one text, or two pages at one URL: the id tells. */
      if (wanted != NULL && g_strcmp0 (wanted, mg_document_get_id (document)) == 0)
        return document;
      if (found == NULL)
        found = document;
      n_found++;
    }
  if (n_found > 0)
    return found;
  return n == 1 ? mg_dataset_get_document (r->texts, 0) : NULL;
}

static MgAnnotatedDoc *
doc_for (Reading     *r,
         MgDocument  *text,
         guint        line,
         GError     **error)
{
  MgAnnotatedDoc *doc = g_hash_table_lookup (r->by_text, text);
  MgDocument *copy;

  if (doc != NULL)
    return doc;
  doc = _mg_annotated_doc_new (r->options, r->name, line, mg_document_get_text (text),
                               mg_document_get_text_bytes (text), mg_document_get_id (text), 0,
                               mg_import_options_get_offsets (r->options, MG_IMPORT_OFFSETS_CODEPOINT),
                               error);
  if (doc == NULL)
    return NULL;
  copy = _mg_annotated_doc_get_document (doc);
  mg_document_set_id (copy, mg_document_get_id (text));
  mg_document_set_title (copy, mg_document_get_title (text));
  mg_document_set_meta (copy, mg_document_get_meta (text));
  mg_document_set_source_path (copy, mg_document_get_source_path (text));
  mg_document_set_media_type (copy, mg_document_get_media_type (text));
  g_ptr_array_add (r->docs, doc);
  g_hash_table_insert (r->by_text, text, doc);
  return doc;
}

/* Where a quote is, when no position says: the one place where its
 * exact text stands between its prefix and suffix. */
static gboolean
find_quote (MgDocument *text,
            JsonObject *quote,
            gint64     *start,
            gint64     *end)
{
  const char *exact = _mg_annotated_string (quote, "exact");
  const char *prefix = _mg_annotated_string (quote, "prefix");
  const char *suffix = _mg_annotated_string (quote, "suffix");
  const char *all = mg_document_get_text (text);
  const char *p = all, *hit = NULL;
  guint n_hits = 0;

  if (exact == NULL || *exact == '\0')
    return FALSE;
  for (; (p = strstr (p, exact)) != NULL; p = g_utf8_next_char (p))
    {
      gsize before = prefix != NULL ? strlen (prefix) : 0;
      const char *after = p + strlen (exact);

      if ((gsize)(p - all) < before || (before > 0 && memcmp (p - before, prefix, before) != 0))
        continue;
      if (suffix != NULL && !g_str_has_prefix (after, suffix))
        continue;
      hit = p;
      n_hits++;
    }
  if (n_hits != 1)
    return FALSE;
  *start = mg_text_index_char_offset (mg_document_get_text_index (text), hit - all);
  *end = *start + g_utf8_strlen (exact, -1);
  return TRUE;
}

static JsonObject *
selector_of_type (JsonObject *target,
                  const char *type)
{
  g_autoptr(GList) selectors = one_or_many (target, "selector");

  for (GList *l = selectors; l != NULL; l = l->next)
    if (g_strcmp0 (_mg_annotated_string (as_object (l->data), "type"), type) == 0)
      return as_object (l->data);
  return NULL;
}

/* Our export's describing bodies, {"schema:name": ID, "value": VALUE}: a
 * span's attributes, given to the span the file calls @key. */
static void
read_attributes (MgAnnotatedDoc *doc,
                 JsonObject     *annotation,
                 const char     *key)
{
  g_autoptr(GList) bodies = one_or_many (annotation, "body");

  for (GList *l = bodies; l != NULL; l = l->next)
    {
      JsonObject *body = as_object (l->data);

      if (g_strcmp0 (_mg_annotated_string (body, "purpose"), "describing") == 0)
        _mg_annotated_set_value_text (doc, key, _mg_annotated_string (body, "schema:name"),
                                      _mg_annotated_string (body, "value"));
    }
}

/* The bodies' tagging values and the commenting one, joined. */
static void
read_bodies (JsonObject  *annotation,
             GPtrArray   *labels,
             char       **note,
             char       **link)
{
  g_autoptr(GList) bodies = one_or_many (annotation, "body");
  const char *motivation = _mg_annotated_string (annotation, "motivation");

  for (GList *l = bodies; l != NULL; l = l->next)
    {
      JsonNode *node = l->data;
      JsonObject *body = as_object (node);
      const char *purpose = _mg_annotated_string (body, "purpose");
      const char *value = _mg_annotated_string (body, "value");

      if (json_node_get_value_type (node) == G_TYPE_STRING || (body != NULL && value == NULL))
        {
          const char *iri = body != NULL ? _mg_annotated_string (body, "id") : json_node_get_string (node);

          if (link != NULL && *link == NULL && iri != NULL)
            *link = g_strdup (iri);
          continue;
        }
      if (value == NULL)
        continue;
      if (g_strcmp0 (purpose, "commenting") == 0 && *note == NULL)
        *note = g_strdup (value);
      else if (g_strcmp0 (purpose, "tagging") == 0 || g_strcmp0 (purpose, "classifying") == 0
               || (purpose == NULL && g_strcmp0 (motivation, "tagging") == 0))
        g_ptr_array_add (labels, (char *)value);
    }
}

static gboolean
read_span (Reading     *r,
           JsonObject  *annotation,
           JsonObject  *target,
           guint        line,
           GError     **error)
{
  const char *iri = _mg_annotated_string (annotation, "id");
  const char *source = _mg_annotated_string (target, "source");
  JsonObject *position = selector_of_type (target, "TextPositionSelector");
  JsonObject *quote = selector_of_type (target, "TextQuoteSelector");
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autofree char *note = NULL;
  g_autofree char *id = fragment_value (iri, "annotation");
  MgDocument *text = find_text (r, source, iri);
  MgAnnotatedDoc *doc;
  gint64 start, end;

  if (text == NULL)
    {
      g_set_error (error, MG_ERROR, MG_ERROR_INVALID,
                   _("%s:%u: none of the texts given is “%s”"), r->name, line, source ? source : "");
      return FALSE;
    }
  if ((doc = doc_for (r, text, line, error)) == NULL)
    return FALSE;
  if (position != NULL)
    {
      if (!_mg_annotated_int (position, "start", &start) || !_mg_annotated_int (position, "end", &end))
        {
          g_set_error (error, MG_ERROR, MG_ERROR_INVALID,
                       _("%s:%u: a TextPositionSelector needs “start” and “end”"), r->name, line);
          return FALSE;
        }
    }
  else if (quote == NULL || !find_quote (text, quote, &start, &end))
    {
      g_set_error (error, MG_ERROR, MG_ERROR_INVALID,
                   _("%s:%u: the annotation’s quote is not in the text once, and no position says where it is"),
                   r->name, line);
      return FALSE;
    }

  read_bodies (annotation, labels, &note, NULL);
  if (labels->len == 0)
    g_ptr_array_add (labels, NULL);
  for (guint i = 0; i < labels->len; i++)
    if (!_mg_annotated_add_span (doc, i == 0 ? iri : NULL, i == 0 ? id : NULL, labels->pdata[i],
                                 start, end, _mg_annotated_string (quote, "exact"), note, line, error))
      return FALSE;
  if (iri != NULL)
    {
      read_attributes (doc, annotation, iri);
      g_hash_table_replace (r->by_iri, g_strdup (iri), doc);
    }
  return TRUE;
}

static void
read_link (Reading    *r,
           JsonObject *annotation,
           guint       line)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autofree char *note = NULL;
  g_autofree char *to = NULL;
  g_autoptr(GList) targets = one_or_many (annotation, "target");
  JsonNode *target = targets != NULL ? targets->data : NULL;
  Pending p = { NULL, NULL, NULL, line };

  read_bodies (annotation, labels, &note, &to);
  if (target != NULL && json_node_get_value_type (target) == G_TYPE_STRING)
    p.from = g_strdup (json_node_get_string (target));
  else if (as_object (target) != NULL)
    p.from = g_strdup (_mg_annotated_string (as_object (target), "id"));
  p.to = g_steal_pointer (&to);
  p.type = labels->len > 0 ? g_strdup (labels->pdata[0]) : NULL;
  g_array_append_val (r->pending, p);
}

static gboolean
read_item (JsonObject  *annotation,
           guint        line,
           guint        index,
           gpointer     user_data,
           GError     **error)
{
  Reading *r = user_data;
  g_autoptr(GList) targets = one_or_many (annotation, "target");
  JsonObject *target = targets != NULL ? as_object (targets->data) : NULL;

  if (g_strcmp0 (_mg_annotated_string (annotation, "motivation"), "linking") == 0)
    {
      read_link (r, annotation, line);
      return TRUE;
    }
  if (target == NULL || (!json_object_has_member (target, "selector")))
    {
      g_set_error (error, MG_ERROR, MG_ERROR_INVALID,
                   _("%s:%u: the annotation’s target selects no text"), r->name, line);
      return FALSE;
    }
  return read_span (r, annotation, target, line, error);
}

static gboolean
tie_relations (Reading  *r,
               GError  **error)
{
  for (guint i = 0; i < r->pending->len; i++)
    {
      Pending *p = &g_array_index (r->pending, Pending, i);
      MgAnnotatedDoc *doc = p->from != NULL ? g_hash_table_lookup (r->by_iri, p->from) : NULL;

      if (doc == NULL)
        {
          g_set_error (error, MG_ERROR, MG_ERROR_INVALID,
                       _("%s:%u: a linking annotation names “%s”, which is no annotation of the file"),
                       r->name, p->line, p->from ? p->from : "");
          return FALSE;
        }
      if (!_mg_annotated_add_relation (doc, p->from, p->to, p->type, p->line, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * mg_import_w3c:
 * @data: Web Annotation JSON-LD
 * @name: the file's name, for messages
 * @options: the texts the annotations are on (mg_import_options_set_texts()),
 *   and the mapping, unit of offsets and labels
 * @warnings: (nullable) (element-type utf8): where to append warnings
 *
 * Returns: (transfer full) (element-type MgDocument): a copy of each text
 *   given that the file annotates, with its spans and relations, or %NULL
 *   with an error that names the file and the line
 */
GPtrArray *
mg_import_w3c (const char       *data,
               gsize             n_bytes,
               const char       *name,
               MgImportOptions  *options,
               GPtrArray        *warnings,
               GError          **error)
{
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify)_mg_annotated_doc_free);
  g_autoptr(GHashTable) by_text = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) by_iri = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) pending = g_array_new (FALSE, TRUE, sizeof (Pending));
  Reading r = { options, name, mg_import_options_get_texts (options), docs, by_text, by_iri, pending };
  GPtrArray *documents;

  g_return_val_if_fail (data != NULL || n_bytes == 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  g_array_set_clear_func (pending, pending_clear);
  if (r.texts == NULL || mg_dataset_get_n_documents (r.texts) == 0)
    {
      g_set_error (error, MG_ERROR, MG_ERROR_INVALID,
                   _("%s: a Web Annotation file holds no text; give the texts it annotates with --texts"),
                   name);
      return NULL;
    }
  if (!_mg_annotated_each_item (data, n_bytes, name, read_item, &r, error)
      || !tie_relations (&r, error))
    return NULL;

  documents = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < docs->len; i++)
    g_ptr_array_add (documents, g_object_ref (_mg_annotated_doc_get_document (docs->pdata[i])));
  return documents;
}
