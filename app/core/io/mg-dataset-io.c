/* mg-dataset-io.c
 *
 * Reading checks every invariant of the format and names the file, the
 * document and the annotation at fault; it reads the text with a strict
 * JSON reader straight into the model (see mg-json-reader.c for why not
 * json-glib's parser). Members this build does not know are kept and
 * written back, so a dataset from a newer tool of the same version loses
 * nothing by passing through this one.
 *
 * Writing is deterministic (fixed key order, annotations in document
 * order, one annotation per line, sorted unknown members) so a one-span
 * change is a one-line diff, and atomic: a temporary file beside the
 * target is renamed over it only once fully written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-dataset-io"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "mg-dataset-io.h"
#include "mg-error.h"
#include "mg-json-reader.h"
#include "mg-json-writer.h"

typedef struct
{
  MgJsonReader  r;
  const char   *name;
  GPtrArray    *problems;     /* of char*, each a whole line */
  gboolean      unsupported;  /* a version this build must not guess at */

  /* The annotation being read, named in problems only when there is one:
   * formatting its name for each of 100,000 annotations would cost more
   * than reading them. */
  gboolean      in_annotation;
  guint         annotation_index;
  const char   *annotation_id;
} Loader;

static void G_GNUC_PRINTF (4, 5)
problem (Loader     *self,
         const char *document,
         const char *annotation,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  GString *line = g_string_new (self->name);
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_string_append (line, ": ");
  if (document != NULL)
    g_string_append_printf (line, _("document “%s”: "), document);
  if (annotation != NULL)
    g_string_append_printf (line, "%s: ", annotation);
  else if (self->in_annotation && self->annotation_id != NULL)
    {
      g_string_append_printf (line, _("annotation “%s”"), self->annotation_id);
      g_string_append (line, ": ");
    }
  else if (self->in_annotation)
    {
      g_string_append_printf (line, _("annotation #%u"), self->annotation_index + 1);
      g_string_append (line, ": ");
    }
  g_string_append (line, message);
  g_ptr_array_add (self->problems, g_string_free (line, FALSE));
}

static gboolean
syntax_failed (Loader *self)
{
  if (!mg_json_reader_failed (&self->r))
    return FALSE;
  return TRUE;
}

/* Reads and drops a value of the wrong type, after saying so. */
static void
wrong_type (Loader     *self,
            const char *document,
            const char *where,
            const char *member,
            const char *expected)
{
  MgJsonKind kind = mg_json_reader_peek (&self->r);
  JsonNode *node;

  problem (self, document, where, _("“%s” must be %s, not %s"),
           member, expected, mg_json_kind_to_string (kind));
  node = mg_json_reader_read_node (&self->r);
  if (node != NULL)
    json_node_unref (node);
}

static char *
read_string_member (Loader     *self,
                    const char *document,
                    const char *where,
                    const char *member)
{
  const char *s;

  if (mg_json_reader_peek (&self->r) != MG_JSON_STRING)
    {
      wrong_type (self, document, where, member, _("a string"));
      return NULL;
    }
  s = mg_json_reader_read_string (&self->r, NULL);
  return s ? g_strdup (s) : NULL;
}

static gboolean
read_offset_member (Loader     *self,
                    const char *document,
                    const char *where,
                    const char *member,
                    guint      *value)
{
  gboolean is_integer;
  gint64 v;

  if (mg_json_reader_peek (&self->r) != MG_JSON_NUMBER)
    {
      wrong_type (self, document, where, member, _("an integer"));
      return FALSE;
    }
  if (!mg_json_reader_read_int (&self->r, &v, &is_integer))
    return FALSE;
  if (!is_integer)
    {
      problem (self, document, where, _("“%s” must be an integer"), member);
      return FALSE;
    }
  if (v < 0 || v > G_MAXINT32)
    {
      problem (self, document, where, _("“%s” is out of range: %lld"), member, (long long)v);
      return FALSE;
    }
  *value = (guint)v;
  return TRUE;
}

/* Keeps a member this build does not know. */
static void
keep_extra (Loader      *self,
            JsonObject **extra,
            const char  *member)
{
  g_autofree char *name = g_strdup (member);
  JsonNode *node = mg_json_reader_read_node (&self->r);

  if (node == NULL)
    return;
  if (*extra == NULL)
    *extra = json_object_new ();
  json_object_set_member (*extra, name, node);
}

#define FOR_EACH_MEMBER(self, name) \
  for (const char *name = mg_json_reader_next_member (&(self)->r); \
       name != NULL; \
       name = mg_json_reader_next_member (&(self)->r))

/* Duplicate names would let two tools read different values. */
static gboolean
seen_twice (Loader     *self,
            guint      *seen,
            guint       bit,
            const char *document,
            const char *where,
            const char *member)
{
  if (*seen & (1u << bit))
    {
      JsonNode *node;

      problem (self, document, where, _("“%s” appears twice"), member);
      if ((node = mg_json_reader_read_node (&self->r)) != NULL)
        json_node_unref (node);
      return TRUE;
    }
  *seen |= 1u << bit;
  return FALSE;
}

static MgLabel *
read_label (Loader *self,
            guint   index)
{
  g_autofree char *id = NULL, *name = NULL, *color = NULL, *key = NULL;
  g_autofree char *where = g_strdup_printf (_("label #%u"), index + 1);
  g_autoptr(JsonObject) extra = NULL;
  MgLabel *label;
  guint seen = 0;

  if (mg_json_reader_peek (&self->r) != MG_JSON_OBJECT)
    {
      wrong_type (self, NULL, where, "labels[]", _("an object"));
      return NULL;
    }
  mg_json_reader_begin_object (&self->r);

  FOR_EACH_MEMBER (self, member)
    {
      if (g_str_equal (member, "id"))
        {
          if (!seen_twice (self, &seen, 0, NULL, where, member))
            id = read_string_member (self, NULL, where, member);
        }
      else if (g_str_equal (member, "name"))
        {
          if (!seen_twice (self, &seen, 1, NULL, where, member))
            name = read_string_member (self, NULL, where, member);
        }
      else if (g_str_equal (member, "color"))
        {
          if (!seen_twice (self, &seen, 2, NULL, where, member))
            color = read_string_member (self, NULL, where, member);
        }
      else if (g_str_equal (member, "key"))
        {
          if (!seen_twice (self, &seen, 3, NULL, where, member))
            key = read_string_member (self, NULL, where, member);
        }
      else
        keep_extra (self, &extra, member);
    }

  if (syntax_failed (self))
    return NULL;
  if (id == NULL || *id == '\0')
    {
      problem (self, NULL, where, _("has no “id”"));
      return NULL;
    }
  if (color != NULL && !(strlen (color) == 7 && color[0] == '#' &&
                         strspn (color + 1, "0123456789abcdefABCDEF") == 6))
    problem (self, NULL, where, _("colour “%s” is not of the form #rrggbb"), color);

  label = mg_label_new (id, name, color, key);
  mg_label_set_extra (label, extra);
  return label;
}

static MgLabelSet *
read_labels (Loader *self)
{
  g_autoptr(MgLabelSet) labels = mg_label_set_new ();
  guint index = 0;

  if (mg_json_reader_peek (&self->r) != MG_JSON_ARRAY)
    {
      wrong_type (self, NULL, NULL, "labels", _("an array"));
      return NULL;
    }
  mg_json_reader_begin_array (&self->r);

  while (mg_json_reader_next_element (&self->r))
    {
      g_autoptr(MgLabel) label = read_label (self, index++);

      if (label != NULL && !mg_label_set_add (labels, label))
        problem (self, NULL, NULL, _("label “%s” is defined twice"), mg_label_get_id (label));
    }

  return syntax_failed (self) ? NULL : g_steal_pointer (&labels);
}

typedef struct
{
  MgAnnotation *annotation;  /* NULL when too broken to keep */
  char         *text;        /* as the file gave it */
} RawAnnotation;

static void
raw_annotation_clear (gpointer data)
{
  RawAnnotation *raw = data;

  g_clear_object (&raw->annotation);
  g_free (raw->text);
}

static void
read_annotation_fields (Loader     *self,
                        const char *document,
                        GArray     *out)
{
  g_autofree char *id = NULL, *label = NULL, *text = NULL, *note = NULL;
  g_autofree char *created = NULL, *modified = NULL;
  const char *where = NULL;  /* the annotation being read: see Loader */
  g_autoptr(JsonObject) extra = NULL;
  gboolean has_start = FALSE, has_end = FALSE;
  guint start = 0, end = 0;
  guint seen = 0;
  RawAnnotation raw = { NULL, NULL };

  if (mg_json_reader_peek (&self->r) != MG_JSON_OBJECT)
    {
      wrong_type (self, document, where, "annotations[]", _("an object"));
      return;
    }
  mg_json_reader_begin_object (&self->r);

  FOR_EACH_MEMBER (self, member)
    {
      switch (member[0])
        {
        case 'i':
          if (g_str_equal (member, "id"))
            {
              if (!seen_twice (self, &seen, 0, document, where, member))
                {
                  id = read_string_member (self, document, where, member);
                  self->annotation_id = id;
                }
              continue;
            }
          break;
        case 'l':
          if (g_str_equal (member, "label"))
            {
              if (!seen_twice (self, &seen, 1, document, where, member))
                label = read_string_member (self, document, where, member);
              continue;
            }
          break;
        case 's':
          if (g_str_equal (member, "start"))
            {
              if (!seen_twice (self, &seen, 2, document, where, member))
                has_start = read_offset_member (self, document, where, member, &start);
              continue;
            }
          break;
        case 'e':
          if (g_str_equal (member, "end"))
            {
              if (!seen_twice (self, &seen, 3, document, where, member))
                has_end = read_offset_member (self, document, where, member, &end);
              continue;
            }
          break;
        case 't':
          if (g_str_equal (member, "text"))
            {
              if (!seen_twice (self, &seen, 4, document, where, member))
                text = read_string_member (self, document, where, member);
              continue;
            }
          break;
        case 'n':
          if (g_str_equal (member, "note"))
            {
              if (!seen_twice (self, &seen, 5, document, where, member))
                note = read_string_member (self, document, where, member);
              continue;
            }
          break;
        case 'c':
          if (g_str_equal (member, "created"))
            {
              if (!seen_twice (self, &seen, 6, document, where, member))
                created = read_string_member (self, document, where, member);
              continue;
            }
          break;
        case 'm':
          if (g_str_equal (member, "modified"))
            {
              if (!seen_twice (self, &seen, 7, document, where, member))
                modified = read_string_member (self, document, where, member);
              continue;
            }
          break;
        default:
          break;
        }
      keep_extra (self, &extra, member);
    }

  if (syntax_failed (self))
    return;

  if (id == NULL || *id == '\0')
    problem (self, document, where, _("has no “id”"));
  if (label == NULL)
    problem (self, document, where, _("has no “label”"));
  if (!has_start && !(seen & (1u << 2)))
    problem (self, document, where, _("has no “start”"));
  if (!has_end && !(seen & (1u << 3)))
    problem (self, document, where, _("has no “end”"));
  if (text == NULL && !(seen & (1u << 4)))
    problem (self, document, where, _("has no “text”"));
  if (id == NULL || *id == '\0' || label == NULL || !has_start || !has_end || text == NULL)
    return;

  if (start >= end)
    {
      problem (self, document, where, _("start %u is not before end %u"), start, end);
      return;
    }

  raw.annotation = mg_annotation_new (id, label, start, end);
  mg_annotation_set_note (raw.annotation, note);
  mg_annotation_set_created (raw.annotation, created);
  mg_annotation_set_modified (raw.annotation, modified);
  mg_annotation_set_extra (raw.annotation, extra);
  raw.text = g_steal_pointer (&text);
  g_array_append_val (out, raw);
}

static void
read_annotation (Loader     *self,
                 const char *document,
                 guint       index,
                 GArray     *out)
{
  self->in_annotation = TRUE;
  self->annotation_index = index;
  self->annotation_id = NULL;
  read_annotation_fields (self, document, out);
  self->in_annotation = FALSE;
  self->annotation_id = NULL;
}

static void
read_annotations (Loader     *self,
                  const char *document,
                  GArray     *out)
{
  guint index = 0;

  if (mg_json_reader_peek (&self->r) != MG_JSON_ARRAY)
    {
      wrong_type (self, document, NULL, "annotations", _("an array"));
      return;
    }
  mg_json_reader_begin_array (&self->r);
  while (mg_json_reader_next_element (&self->r))
    read_annotation (self, document, index++, out);
}

static MgRelation *
read_relation (Loader     *self,
               const char *document,
               guint       index)
{
  g_autofree char *id = NULL, *type = NULL, *from = NULL, *to = NULL;
  g_autofree char *where = g_strdup_printf (_("relation #%u"), index + 1);
  g_autoptr(JsonObject) extra = NULL;
  MgRelation *relation;
  guint seen = 0;

  if (mg_json_reader_peek (&self->r) != MG_JSON_OBJECT)
    {
      wrong_type (self, document, where, "relations[]", _("an object"));
      return NULL;
    }
  mg_json_reader_begin_object (&self->r);

  FOR_EACH_MEMBER (self, member)
    {
      if (g_str_equal (member, "id"))
        {
          if (!seen_twice (self, &seen, 0, document, where, member))
            id = read_string_member (self, document, where, member);
        }
      else if (g_str_equal (member, "type"))
        {
          if (!seen_twice (self, &seen, 1, document, where, member))
            type = read_string_member (self, document, where, member);
        }
      else if (g_str_equal (member, "from"))
        {
          if (!seen_twice (self, &seen, 2, document, where, member))
            from = read_string_member (self, document, where, member);
        }
      else if (g_str_equal (member, "to"))
        {
          if (!seen_twice (self, &seen, 3, document, where, member))
            to = read_string_member (self, document, where, member);
        }
      else
        keep_extra (self, &extra, member);
    }

  if (syntax_failed (self))
    return NULL;
  if (id != NULL)
    {
      g_free (where);
      where = g_strdup_printf (_("relation “%s”"), id);
    }
  if (id == NULL || *id == '\0' || type == NULL || *type == '\0' || from == NULL || to == NULL)
    {
      problem (self, document, where, _("needs “id”, “type”, “from” and “to”"));
      return NULL;
    }

  relation = mg_relation_new (id, type, from, to);
  mg_relation_set_extra (relation, extra);
  return relation;
}

static void
read_relations (Loader     *self,
                const char *document,
                GPtrArray  *out)
{
  guint index = 0;

  if (mg_json_reader_peek (&self->r) != MG_JSON_ARRAY)
    {
      wrong_type (self, document, NULL, "relations", _("an array"));
      return;
    }
  mg_json_reader_begin_array (&self->r);
  while (mg_json_reader_next_element (&self->r))
    {
      MgRelation *relation = read_relation (self, document, index++);

      if (relation != NULL)
        g_ptr_array_add (out, relation);
    }
}

static void
read_source (Loader      *self,
             const char  *document,
             char       **path,
             char       **media_type,
             JsonObject **extra)
{
  guint seen = 0;

  if (mg_json_reader_peek (&self->r) != MG_JSON_OBJECT)
    {
      wrong_type (self, document, NULL, "source", _("an object"));
      return;
    }
  mg_json_reader_begin_object (&self->r);
  FOR_EACH_MEMBER (self, member)
    {
      if (g_str_equal (member, "path"))
        {
          if (!seen_twice (self, &seen, 0, document, "source", member))
            *path = read_string_member (self, document, "source", member);
        }
      else if (g_str_equal (member, "media_type"))
        {
          if (!seen_twice (self, &seen, 1, document, "source", member))
            *media_type = read_string_member (self, document, "source", member);
        }
      else
        keep_extra (self, extra, member);
    }
}

/* Two annotations are twins when label, start and end agree. */
static guint
span_hash (gconstpointer key)
{
  MgAnnotation *a = (MgAnnotation *)key;

  return (mg_annotation_get_start (a) * 2654435761u) ^ (mg_annotation_get_end (a) * 40503u) ^
         g_str_hash (mg_annotation_get_label (a));
}

static gboolean
span_equal (gconstpointer a,
            gconstpointer b)
{
  MgAnnotation *x = (MgAnnotation *)a, *y = (MgAnnotation *)b;

  return mg_annotation_get_start (x) == mg_annotation_get_start (y) &&
         mg_annotation_get_end (x) == mg_annotation_get_end (y) &&
         g_str_equal (mg_annotation_get_label (x), mg_annotation_get_label (y));
}

/* Checks each annotation against the text and the others, keeping the
 * good ones, so that validation reports every problem at once. */
static void
add_annotations (Loader     *self,
                 MgDocument *doc,
                 GArray     *raws)
{
  g_autoptr(GPtrArray) good = g_ptr_array_new ();
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) spans = g_hash_table_new (span_hash, span_equal);
  MgTextIndex *index = mg_document_get_text_index (doc);
  guint length = mg_document_get_length (doc);
  const char *doc_id = mg_document_get_id (doc);
  g_autoptr(GError) error = NULL;

  self->in_annotation = TRUE;
  for (guint i = 0; i < raws->len; i++)
    {
      RawAnnotation *raw = &g_array_index (raws, RawAnnotation, i);
      MgAnnotation *a = raw->annotation;
      const char *id = mg_annotation_get_id (a);
      guint start = mg_annotation_get_start (a);
      guint end = mg_annotation_get_end (a);
      MgAnnotation *twin;

      self->annotation_id = id;

      if (g_hash_table_contains (ids, id))
        {
          problem (self, doc_id, NULL, _("id is used twice"));
          continue;
        }
      g_hash_table_add (ids, (char *)id);

      if (end > length)
        {
          problem (self, doc_id, NULL, _("end %u is past the end of the text (%u characters)"),
                   end, length);
          continue;
        }

      if (!mg_text_index_range_equals (index, start, end, raw->text))
        {
          g_autofree char *actual = mg_text_index_substring (index, start, end);

          problem (self, doc_id, NULL, _("“text” is “%s” but text[%u:%u] is “%s”"),
                   raw->text, start, end, actual);
          continue;
        }

      if ((twin = g_hash_table_lookup (spans, a)) != NULL)
        {
          problem (self, doc_id, NULL, _("duplicate of “%s”: same label, start and end"),
                   mg_annotation_get_id (twin));
          continue;
        }
      g_hash_table_add (spans, a);

      g_ptr_array_add (good, a);
    }
  self->in_annotation = FALSE;
  self->annotation_id = NULL;

  if (!mg_annotation_store_add_all (mg_document_get_store (doc), good, &error))
    problem (self, doc_id, NULL, "%s", error->message);
}

static void
add_relations (Loader     *self,
               MgDocument *doc,
               GPtrArray  *relations)
{
  MgAnnotationStore *store = mg_document_get_store (doc);

  for (guint i = 0; i < relations->len; i++)
    {
      MgRelation *relation = g_ptr_array_index (relations, i);
      g_autofree char *where = g_strdup_printf (_("relation “%s”"), mg_relation_get_id (relation));
      g_autoptr(GError) error = NULL;

      if (!mg_annotation_store_add_relation (store, relation, &error))
        problem (self, mg_document_get_id (doc), where, "%s", error->message);
    }
}

static MgDocument *
read_document (Loader *self,
               guint   index)
{
  g_autofree char *id = NULL, *title = NULL, *text = NULL, *sha256 = NULL;
  g_autofree char *path = NULL, *media_type = NULL;
  g_autofree char *label = g_strdup_printf ("#%u", index + 1);
  g_autoptr(JsonObject) source_extra = NULL;
  g_autoptr(JsonObject) extra = NULL;
  g_autoptr(JsonNode) meta = NULL;
  g_autoptr(GArray) raws = g_array_new (FALSE, TRUE, sizeof (RawAnnotation));
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func (g_object_unref);
  gsize text_len = 0;
  MgDocument *doc;
  guint seen = 0;

  g_array_set_clear_func (raws, raw_annotation_clear);

  if (mg_json_reader_peek (&self->r) != MG_JSON_OBJECT)
    {
      wrong_type (self, label, NULL, "documents[]", _("an object"));
      return NULL;
    }
  mg_json_reader_begin_object (&self->r);

  FOR_EACH_MEMBER (self, member)
    {
      if (g_str_equal (member, "id"))
        {
          if (!seen_twice (self, &seen, 0, label, NULL, member) &&
              (id = read_string_member (self, label, NULL, member)) != NULL)
            {
              g_free (label);
              label = g_strdup (id);
            }
        }
      else if (g_str_equal (member, "title"))
        {
          if (!seen_twice (self, &seen, 1, label, NULL, member))
            title = read_string_member (self, label, NULL, member);
        }
      else if (g_str_equal (member, "source"))
        {
          if (!seen_twice (self, &seen, 2, label, NULL, member))
            read_source (self, label, &path, &media_type, &source_extra);
        }
      else if (g_str_equal (member, "meta"))
        {
          if (seen_twice (self, &seen, 3, label, NULL, member))
            continue;
          if (mg_json_reader_peek (&self->r) != MG_JSON_OBJECT)
            wrong_type (self, label, NULL, member, _("an object"));
          else
            meta = mg_json_reader_read_node (&self->r);
        }
      else if (g_str_equal (member, "text"))
        {
          if (seen_twice (self, &seen, 4, label, NULL, member))
            continue;
          if (mg_json_reader_peek (&self->r) != MG_JSON_STRING)
            wrong_type (self, label, NULL, member, _("a string"));
          else
            {
              const char *s = mg_json_reader_read_string (&self->r, &text_len);

              if (s != NULL)
                text = g_memdup2 (s, text_len + 1);
            }
        }
      else if (g_str_equal (member, "text_sha256"))
        {
          if (!seen_twice (self, &seen, 5, label, NULL, member))
            sha256 = read_string_member (self, label, NULL, member);
        }
      else if (g_str_equal (member, "annotations"))
        {
          if (!seen_twice (self, &seen, 6, label, NULL, member))
            read_annotations (self, label, raws);
        }
      else if (g_str_equal (member, "relations"))
        {
          if (!seen_twice (self, &seen, 7, label, NULL, member))
            read_relations (self, label, relations);
        }
      else
        keep_extra (self, &extra, member);
    }

  if (syntax_failed (self))
    return NULL;

  if (id == NULL || *id == '\0')
    {
      problem (self, label, NULL, _("has no “id”"));
      return NULL;
    }
  if (text == NULL)
    {
      if (!(seen & (1u << 4)))
        problem (self, label, NULL, _("has no “text”"));
      return NULL;
    }
  if (memchr (text, '\r', text_len) != NULL)
    problem (self, label, NULL, _("“text” has a carriage return; line ends must be \\n"));

  doc = mg_document_new (id, text, text_len);
  mg_document_set_title (doc, title);
  mg_document_set_source_path (doc, path);
  mg_document_set_media_type (doc, media_type);
  mg_document_set_source_extra (doc, source_extra);
  mg_document_set_extra (doc, extra);
  if (meta != NULL)
    mg_document_set_meta (doc, json_node_get_object (meta));

  if (sha256 == NULL)
    problem (self, label, NULL, _("has no “text_sha256”"));
  else if (g_ascii_strcasecmp (sha256, mg_document_get_text_sha256 (doc)) != 0)
    problem (self, label, NULL, _("“text_sha256” does not match the text (it is %s)"),
             mg_document_get_text_sha256 (doc));

  add_annotations (self, doc, raws);
  add_relations (self, doc, relations);

  return doc;
}

static void
read_documents (Loader    *self,
                MgDataset *dataset)
{
  guint index = 0;

  if (mg_json_reader_peek (&self->r) != MG_JSON_ARRAY)
    {
      wrong_type (self, NULL, NULL, "documents", _("an array"));
      return;
    }
  mg_json_reader_begin_array (&self->r);
  while (mg_json_reader_next_element (&self->r))
    {
      g_autoptr(MgDocument) doc = read_document (self, index++);

      if (doc != NULL && !mg_dataset_add_document (dataset, doc))
        problem (self, mg_document_get_id (doc), NULL, _("id is used by another document"));
    }
}

/* Labels may come after the documents in a file, so references to them
 * are checked once everything is read. */
static void
check_label_references (Loader     *self,
                        MgDataset  *dataset,
                        MgLabelSet *labels)
{
  for (guint d = 0; d < mg_dataset_get_n_documents (dataset); d++)
    {
      MgDocument *doc = mg_dataset_get_document (dataset, d);
      MgAnnotationStore *store = mg_document_get_store (doc);

      for (guint i = 0; i < mg_annotation_store_get_n_annotations (store); i++)
        {
          MgAnnotation *a = mg_annotation_store_get_annotation (store, i);

          if (mg_label_set_lookup (labels, mg_annotation_get_label (a)) == NULL)
            {
              g_autofree char *where = g_strdup_printf (_("annotation “%s”"),
                                                        mg_annotation_get_id (a));

              problem (self, mg_document_get_id (doc), where,
                       _("label “%s” is not in the dataset's labels"),
                       mg_annotation_get_label (a));
            }
        }
    }
}

static MgDataset *
read_dataset (Loader *self)
{
  g_autoptr(MgDataset) documents = NULL;
  g_autoptr(MgLabelSet) labels = NULL;
  g_autoptr(JsonObject) extra = NULL;
  g_autofree char *format = NULL, *annotator = NULL;
  gboolean has_version = FALSE;
  MgDataset *dataset;
  guint seen = 0;

  /* Documents are read into a holder and moved into the real dataset, which
   * needs its labels, once the labels are known. */
  documents = mg_dataset_new ();

  if (mg_json_reader_peek (&self->r) != MG_JSON_OBJECT)
    {
      if (mg_json_reader_peek (&self->r) == MG_JSON_NONE)
        mg_json_reader_read_node (&self->r);  /* to report what is there */
      else
        problem (self, NULL, NULL, _("not a dataset: the file holds %s, not an object"),
                 mg_json_kind_to_string (mg_json_reader_peek (&self->r)));
      return NULL;
    }
  mg_json_reader_begin_object (&self->r);

  FOR_EACH_MEMBER (self, member)
    {
      if (g_str_equal (member, "format"))
        {
          if (!seen_twice (self, &seen, 0, NULL, NULL, member))
            format = read_string_member (self, NULL, NULL, member);
        }
      else if (g_str_equal (member, "version"))
        {
          gboolean is_integer;
          gint64 v;

          if (seen_twice (self, &seen, 1, NULL, NULL, member))
            continue;
          if (mg_json_reader_peek (&self->r) != MG_JSON_NUMBER)
            {
              wrong_type (self, NULL, NULL, member, _("an integer"));
              continue;
            }
          if (!mg_json_reader_read_int (&self->r, &v, &is_integer))
            break;
          has_version = TRUE;
          if (!is_integer || v < 1)
            problem (self, NULL, NULL, _("“version” must be a positive integer"));
          else if (v > MG_DATASET_VERSION)
            {
              problem (self, NULL, NULL,
                       _("format version %lld is newer than this Marginalia reads (%d); "
                         "open it with a newer Marginalia"), (long long)v, MG_DATASET_VERSION);
              self->unsupported = TRUE;
              return NULL;
            }
        }
      else if (g_str_equal (member, "annotator"))
        {
          if (!seen_twice (self, &seen, 2, NULL, NULL, member))
            annotator = read_string_member (self, NULL, NULL, member);
        }
      else if (g_str_equal (member, "labels"))
        {
          if (!seen_twice (self, &seen, 3, NULL, NULL, member))
            labels = read_labels (self);
        }
      else if (g_str_equal (member, "documents"))
        {
          if (!seen_twice (self, &seen, 4, NULL, NULL, member))
            read_documents (self, documents);
        }
      else
        keep_extra (self, &extra, member);
    }

  if (syntax_failed (self) || !mg_json_reader_end (&self->r))
    return NULL;

  if (format == NULL)
    problem (self, NULL, NULL, _("not a Marginalia dataset: no “format”"));
  else if (!g_str_equal (format, MG_DATASET_FORMAT))
    problem (self, NULL, NULL, _("not a Marginalia dataset: “format” is “%s”"), format);
  if (!has_version && !(seen & (1u << 1)))
    problem (self, NULL, NULL, _("has no “version”"));
  if (!(seen & (1u << 4)))
    problem (self, NULL, NULL, _("has no “documents”"));
  if (labels == NULL)
    {
      if (!(seen & (1u << 3)))
        problem (self, NULL, NULL, _("has no “labels”"));
      labels = mg_label_set_new ();
    }

  check_label_references (self, documents, labels);

  dataset = mg_dataset_new_with_labels (labels);
  mg_dataset_set_annotator (dataset, annotator);
  mg_dataset_set_extra (dataset, extra);
  for (guint i = 0; i < mg_dataset_get_n_documents (documents); i++)
    mg_dataset_add_document (dataset, mg_dataset_get_document (documents, i));

  return dataset;
}

static MgDataset *
load (const char *data,
      gsize       n_bytes,
      const char *name,
      GPtrArray  *problems,
      gboolean   *unsupported)
{
  g_autoptr(MgDataset) dataset = NULL;
  Loader self;

  memset (&self, 0, sizeof self);
  self.name = name;
  self.problems = problems;

  if (n_bytes > MG_DATASET_MAX_BYTES)
    {
      problem (&self, NULL, NULL, _("file is too large (%zu bytes)"), n_bytes);
      return NULL;
    }

  mg_json_reader_init (&self.r, data, n_bytes, MG_DATASET_MAX_DEPTH);
  dataset = read_dataset (&self);
  if (mg_json_reader_failed (&self.r))
    {
      /* A syntax error makes everything after it meaningless. */
      g_ptr_array_set_size (problems, 0);
      problem (&self, NULL, NULL, "%s", self.r.error);
      g_clear_object (&dataset);
    }
  mg_json_reader_clear (&self.r);

  if (unsupported != NULL)
    *unsupported = self.unsupported;

  return g_steal_pointer (&dataset);
}

/**
 * mg_dataset_validate_data:
 * @name: the file name, which begins every problem
 * @problems: (element-type utf8): receives one line per problem
 *
 * Reads a dataset and checks every invariant of the format, collecting all
 * problems rather than stopping at the first.
 *
 * Returns: (transfer full) (nullable): what could be read, valid or not;
 *   %NULL when the text is not a dataset at all
 */
MgDataset *
mg_dataset_validate_data (const char *data,
                          gsize       n_bytes,
                          const char *name,
                          GPtrArray  *problems)
{
  g_return_val_if_fail (data != NULL || n_bytes == 0, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  return load (data ? data : "", n_bytes, name ? name : "dataset", problems, NULL);
}

/**
 * mg_dataset_load_data:
 * @name: the file name, which begins the error message
 *
 * Returns: (transfer full) (nullable): the dataset, or %NULL with @error
 *   set to the first problem found
 */
MgDataset *
mg_dataset_load_data (const char  *data,
                      gsize        n_bytes,
                      const char  *name,
                      GError     **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(MgDataset) dataset = NULL;
  gboolean unsupported = FALSE;

  g_return_val_if_fail (data != NULL || n_bytes == 0, NULL);

  dataset = load (data ? data : "", n_bytes, name ? name : "dataset", problems, &unsupported);
  if (problems->len > 0)
    {
      if (problems->len == 1)
        g_set_error_literal (error, MG_ERROR,
                             unsupported ? MG_ERROR_UNSUPPORTED : MG_ERROR_INVALID,
                             g_ptr_array_index (problems, 0));
      else
        g_set_error (error, MG_ERROR, MG_ERROR_INVALID,
                     ngettext ("%s (and %u more problem)", "%s (and %u more problems)",
                               problems->len - 1),
                     (const char *)g_ptr_array_index (problems, 0), problems->len - 1);
      return NULL;
    }

  return g_steal_pointer (&dataset);
}

/* Reads a whole file, refusing what cannot be a dataset before reading it. */
static char *
read_file (const char  *path,
           gsize       *n_bytes,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;
  char *data = NULL;

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "%s: %s", path, g_strerror (saved));
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR,
                   _("%s: is a folder, not a dataset file"), path);
      return NULL;
    }
  if ((guint64)st.st_size > MG_DATASET_MAX_BYTES)
    {
      g_set_error (error, MG_ERROR, MG_ERROR_TOO_LARGE,
                   _("%s: file is too large for a dataset (%llu bytes)"),
                   path, (unsigned long long)st.st_size);
      return NULL;
    }
  if (!g_file_get_contents (path, &data, n_bytes, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", path,
                   g_strerror (errno ? errno : EIO));
      return NULL;
    }
  return data;
}

/**
 * mg_dataset_load_file:
 *
 * Returns: (transfer full) (nullable): the dataset in @path, or %NULL with
 *   @error set; its message begins with @path
 */
MgDataset *
mg_dataset_load_file (const char  *path,
                      GError     **error)
{
  g_autofree char *data = NULL;
  gsize n_bytes = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if ((data = read_file (path, &n_bytes, error)) == NULL)
    return NULL;
  return mg_dataset_load_data (data, n_bytes, path, error);
}

static void
write_label (GString *out,
             MgLabel *label)
{
  g_string_append (out, "{\"id\": ");
  mg_json_write_string (out, mg_label_get_id (label));
  g_string_append (out, ", \"name\": ");
  mg_json_write_string (out, mg_label_get_name (label));
  g_string_append (out, ", \"color\": ");
  mg_json_write_string (out, mg_label_get_color (label));
  g_string_append (out, ", \"key\": ");
  mg_json_write_string (out, mg_label_get_key (label));
  if (mg_label_get_extra (label) != NULL)
    mg_json_write_members (out, mg_label_get_extra (label), TRUE);
  g_string_append_c (out, '}');
}

static void
write_annotation (GString      *out,
                  MgAnnotation *a)
{
  g_string_append (out, "{\"id\": ");
  mg_json_write_string (out, mg_annotation_get_id (a));
  g_string_append (out, ", \"label\": ");
  mg_json_write_string (out, mg_annotation_get_label (a));
  g_string_append_printf (out, ", \"start\": %u, \"end\": %u, \"text\": ",
                          mg_annotation_get_start (a), mg_annotation_get_end (a));
  mg_json_write_string (out, mg_annotation_get_text (a));
  g_string_append (out, ", \"note\": ");
  mg_json_write_string (out, mg_annotation_get_note (a));
  if (mg_annotation_get_created (a) != NULL)
    {
      g_string_append (out, ", \"created\": ");
      mg_json_write_string (out, mg_annotation_get_created (a));
    }
  if (mg_annotation_get_modified (a) != NULL)
    {
      g_string_append (out, ", \"modified\": ");
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
write_document (GString    *out,
                MgDocument *doc)
{
  MgAnnotationStore *store = mg_document_get_store (doc);
  guint n_annotations = mg_annotation_store_get_n_annotations (store);
  guint n_relations = mg_annotation_store_get_n_relations (store);
  gboolean first;

  g_string_append (out, "    {\n      \"id\": ");
  mg_json_write_string (out, mg_document_get_id (doc));
  g_string_append (out, ",\n      \"title\": ");
  mg_json_write_string (out, mg_document_get_title (doc));

  g_string_append (out, ",\n      \"source\": {");
  first = TRUE;
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

  g_string_append (out, ",\n      \"meta\": {");
  mg_json_write_members (out, mg_document_get_meta (doc), FALSE);
  g_string_append (out, "},\n      \"text\": ");
  mg_json_write_string (out, mg_document_get_text (doc));
  g_string_append (out, ",\n      \"text_sha256\": \"");
  g_string_append (out, mg_document_get_text_sha256 (doc));
  g_string_append (out, "\",\n      \"annotations\": [");

  for (guint i = 0; i < n_annotations; i++)
    {
      g_string_append (out, i == 0 ? "\n        " : ",\n        ");
      write_annotation (out, mg_annotation_store_get_annotation (store, i));
    }
  g_string_append (out, n_annotations > 0 ? "\n      ],\n" : "],\n");

  g_string_append (out, "      \"relations\": [");
  if (n_relations > 0)
    {
      g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

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
  else
    g_string_append (out, "]");

  if (mg_document_get_extra (doc) != NULL)
    {
      g_autoptr(GPtrArray) names = mg_json_sorted_members (mg_document_get_extra (doc));

      for (guint i = 0; i < names->len; i++)
        {
          const char *name = g_ptr_array_index (names, i);

          g_string_append (out, ",\n      ");
          mg_json_write_string (out, name);
          g_string_append (out, ": ");
          mg_json_write_node (out, json_object_get_member (mg_document_get_extra (doc), name));
        }
    }

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
      write_label (out, mg_label_set_get_label (labels, i));
    }
  g_string_append (out, mg_label_set_get_n_labels (labels) > 0 ? "\n  ],\n" : "],\n");

  g_string_append (out, "  \"documents\": [");
  for (guint i = 0; i < n_docs; i++)
    {
      g_string_append (out, i == 0 ? "\n" : ",\n");
      write_document (out, mg_dataset_get_document (self, i));
    }
  g_string_append (out, n_docs > 0 ? "\n  ]" : "]");

  if (mg_dataset_get_extra (self) != NULL)
    {
      g_autoptr(GPtrArray) names = mg_json_sorted_members (mg_dataset_get_extra (self));

      for (guint i = 0; i < names->len; i++)
        {
          const char *name = g_ptr_array_index (names, i);

          g_string_append (out, ",\n  ");
          mg_json_write_string (out, name);
          g_string_append (out, ": ");
          mg_json_write_node (out, json_object_get_member (mg_dataset_get_extra (self), name));
        }
    }

  g_string_append (out, "\n}\n");

  return g_string_free_to_bytes (out);
}

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         len)
{
  while (len > 0)
    {
      gssize n = write (fd, data, len);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }
      data += n;
      len -= n;
    }
  return TRUE;
}

/**
 * mg_write_file_atomic:
 *
 * Writes @contents to a temporary file beside @path, flushes it to disk and
 * renames it over @path, so that @path holds either the old contents or the
 * new, whole, whatever happens. A symbolic link is followed, and the mode of
 * an existing file is kept.
 *
 * Returns: %TRUE on success; on failure @path is untouched and @error says
 *   why, beginning with @path
 */
gboolean
mg_write_file_atomic (const char  *path,
                      GBytes      *contents,
                      GError     **error)
{
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  const guint8 *data;
  gsize len;
  GStatBuf st;
  int saved;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);

  target = realpath (path, NULL);
  if (target == NULL)
    target = g_strdup (path);

  dir = g_path_get_dirname (target);
  base = g_path_get_basename (target);
  tmp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);

  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("%s: could not save: %s"), path, g_strerror (saved));
      return FALSE;
    }

  /* g_mkstemp_full() makes the file private; a dataset is as shareable as
   * the file it replaces, or as the umask allows for a new one. */
  if (g_stat (target, &st) == 0)
    fchmod (fd, st.st_mode & 07777);
  else
    {
      mode_t mask = umask (0);

      umask (mask);
      fchmod (fd, 0666 & ~mask);
    }

  data = g_bytes_get_data (contents, &len);
  if (!write_all (fd, data, len) || fsync (fd) != 0)
    {
      saved = errno;
      close (fd);
      g_unlink (tmp);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("%s: could not save: %s"), path, g_strerror (saved));
      return FALSE;
    }

  if (close (fd) != 0 || g_rename (tmp, target) != 0)
    {
      saved = errno;
      g_unlink (tmp);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("%s: could not save: %s"), path, g_strerror (saved));
      return FALSE;
    }

  /* Make the rename itself durable. */
  if ((fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0)
    {
      fsync (fd);
      close (fd);
    }

  return TRUE;
}

/**
 * mg_dataset_save_file:
 *
 * Saves atomically with mg_write_file_atomic().
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
  return mg_write_file_atomic (path, bytes, error);
}
