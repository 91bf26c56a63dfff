/* mg-dataset-reader.c
 *
 * Reading checks every invariant of the format and names the file, the
 * document and the annotation at fault; it reads the text with a strict
 * JSON reader straight into the model (see mg-json-reader.c for why not
 * json-glib's parser). Members this build does not know are kept and
 * written back, so a dataset from a newer tool of the same version loses
 * nothing by passing through this one.
 *
 * Each object of the format is read into a struct of its fields, which a
 * table of member names fills, then checked as a whole, so that every
 * problem is found in one pass.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-dataset-io"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "mg-dataset-io.h"
#include "mg-dataset-io-private.h"
#include "mg-document-status.h"
#include "mg-error.h"
#include "mg-json-reader.h"

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
  return mg_json_reader_failed (&self->r);
}

static void
skip_value (Loader *self)
{
  JsonNode *node = mg_json_reader_read_node (&self->r);

  if (node != NULL)
    json_node_unref (node);
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

  problem (self, document, where, _("“%s” must be %s, not %s"),
           member, expected, mg_json_kind_to_string (kind));
  skip_value (self);
}

/* Enters an object, or says that the value is none. */
static gboolean
begin_object (Loader     *self,
              const char *document,
              const char *where,
              const char *member)
{
  if (mg_json_reader_peek (&self->r) != MG_JSON_OBJECT)
    {
      wrong_type (self, document, where, member, _("an object"));
      return FALSE;
    }
  return mg_json_reader_begin_object (&self->r);
}

static gboolean
begin_array (Loader     *self,
             const char *document,
             const char *member)
{
  if (mg_json_reader_peek (&self->r) != MG_JSON_ARRAY)
    {
      wrong_type (self, document, NULL, member, _("an array"));
      return FALSE;
    }
  return mg_json_reader_begin_array (&self->r);
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

/* Stores a valid offset in @value, which otherwise stays as it was. */
static void
read_offset_member (Loader     *self,
                    const char *document,
                    const char *where,
                    const char *member,
                    gint64     *value)
{
  gboolean is_integer;
  gint64 v;

  if (mg_json_reader_peek (&self->r) != MG_JSON_NUMBER)
    {
      wrong_type (self, document, where, member, _("an integer"));
      return;
    }
  if (!mg_json_reader_read_int (&self->r, &v, &is_integer))
    return;
  if (!is_integer)
    problem (self, document, where, _("“%s” must be an integer"), member);
  else if (v < 0 || v > G_MAXINT32)
    problem (self, document, where, _("“%s” is out of range: %lld"), member, (long long)v);
  else
    *value = v;
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

#define SEEN(fields, bit) (((fields)->seen & (1u << (bit))) != 0)

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
      problem (self, document, where, _("“%s” appears twice"), member);
      skip_value (self);
      return TRUE;
    }
  *seen |= 1u << bit;
  return FALSE;
}

/* A member of an object of the format that holds a string or an offset:
 * where its value goes in the struct the object is read into. Its place
 * in its table is its bit in the struct's "seen". */
typedef struct
{
  const char *name;
  gboolean    is_offset;
  goffset     offset;
} Field;

#define STRING_FIELD(type, name, member) { name, FALSE, G_STRUCT_OFFSET (type, member) }
#define OFFSET_FIELD(type, name, member) { name, TRUE, G_STRUCT_OFFSET (type, member) }

/* Reads @member into @fields when @table names it.
 *
 * Returns: %FALSE when @table does not name @member */
static gboolean
read_field (Loader      *self,
            const Field *table,
            guint        n_fields,
            gpointer     fields,
            guint       *seen,
            const char  *document,
            const char  *where,
            const char  *member)
{
  for (guint i = 0; i < n_fields; i++)
    {
      if (table[i].name[0] != member[0] || strcmp (table[i].name, member) != 0)
        continue;
      if (seen_twice (self, seen, i, document, where, member))
        return TRUE;
      if (table[i].is_offset)
        read_offset_member (self, document, where, member,
                            &G_STRUCT_MEMBER (gint64, fields, table[i].offset));
      else
        G_STRUCT_MEMBER (char *, fields, table[i].offset) =
          read_string_member (self, document, where, member);
      return TRUE;
    }
  return FALSE;
}

/* Labels ------------------------------------------------------------------ */

typedef struct
{
  char       *id, *name, *color, *key;
  JsonObject *extra;
  guint       seen;
} LabelFields;

static const Field label_table[] = {
  STRING_FIELD (LabelFields, "id", id),
  STRING_FIELD (LabelFields, "name", name),
  STRING_FIELD (LabelFields, "color", color),
  STRING_FIELD (LabelFields, "key", key),
};

static void
label_fields_clear (LabelFields *f)
{
  g_free (f->id);
  g_free (f->name);
  g_free (f->color);
  g_free (f->key);
  g_clear_pointer (&f->extra, json_object_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LabelFields, label_fields_clear)

static MgLabel *
read_label (Loader *self,
            guint   index)
{
  g_autofree char *where = g_strdup_printf (_("label #%u"), index + 1);
  g_auto(LabelFields) f = { NULL, };
  MgLabel *label;

  if (!begin_object (self, NULL, where, "labels[]"))
    return NULL;
  FOR_EACH_MEMBER (self, member)
    if (!read_field (self, label_table, G_N_ELEMENTS (label_table), &f, &f.seen,
                     NULL, where, member))
      keep_extra (self, &f.extra, member);

  if (syntax_failed (self))
    return NULL;
  if (f.id == NULL || *f.id == '\0')
    {
      problem (self, NULL, where, _("has no “id”"));
      return NULL;
    }
  if (f.color != NULL && !(strlen (f.color) == 7 && f.color[0] == '#' &&
                           strspn (f.color + 1, "0123456789abcdefABCDEF") == 6))
    problem (self, NULL, where, _("colour “%s” is not of the form #rrggbb"), f.color);

  label = mg_label_new (f.id, f.name, f.color, f.key);
  mg_label_set_extra (label, f.extra);
  return label;
}

static MgLabelSet *
read_labels (Loader *self)
{
  g_autoptr(MgLabelSet) labels = mg_label_set_new ();
  guint index = 0;

  if (!begin_array (self, NULL, "labels"))
    return NULL;
  while (mg_json_reader_next_element (&self->r))
    {
      g_autoptr(MgLabel) label = read_label (self, index++);

      if (label != NULL && !mg_label_set_add (labels, label))
        problem (self, NULL, NULL, _("label “%s” is defined twice"), mg_label_get_id (label));
    }

  return syntax_failed (self) ? NULL : g_steal_pointer (&labels);
}

/* Annotations ------------------------------------------------------------- */

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

typedef struct
{
  char       *id, *label;
  gint64      start, end;    /* -1 until read and valid */
  char       *text, *note, *created, *modified;
  JsonObject *extra;
  guint       seen;
} AnnotationFields;

enum { A_ID, A_LABEL, A_START, A_END, A_TEXT };

static const Field annotation_table[] = {
  [A_ID] = STRING_FIELD (AnnotationFields, "id", id),
  [A_LABEL] = STRING_FIELD (AnnotationFields, "label", label),
  [A_START] = OFFSET_FIELD (AnnotationFields, "start", start),
  [A_END] = OFFSET_FIELD (AnnotationFields, "end", end),
  [A_TEXT] = STRING_FIELD (AnnotationFields, "text", text),
  STRING_FIELD (AnnotationFields, "note", note),
  STRING_FIELD (AnnotationFields, "created", created),
  STRING_FIELD (AnnotationFields, "modified", modified),
};

static void
annotation_fields_clear (AnnotationFields *f)
{
  g_free (f->id);
  g_free (f->label);
  g_free (f->text);
  g_free (f->note);
  g_free (f->created);
  g_free (f->modified);
  g_clear_pointer (&f->extra, json_object_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AnnotationFields, annotation_fields_clear)

/* Says what an annotation lacks; a member given but invalid was already
 * named when read. */
static gboolean
annotation_complete (Loader           *self,
                     const char       *document,
                     AnnotationFields *f)
{
  if (f->id == NULL || *f->id == '\0')
    problem (self, document, NULL, _("has no “id”"));
  if (f->label == NULL)
    problem (self, document, NULL, _("has no “label”"));
  if (!SEEN (f, A_START))
    problem (self, document, NULL, _("has no “start”"));
  if (!SEEN (f, A_END))
    problem (self, document, NULL, _("has no “end”"));
  if (!SEEN (f, A_TEXT))
    problem (self, document, NULL, _("has no “text”"));
  if (f->id == NULL || *f->id == '\0' || f->label == NULL || f->start < 0 || f->end < 0 ||
      f->text == NULL)
    return FALSE;

  if (f->start >= f->end)
    {
      problem (self, document, NULL, _("start %u is not before end %u"),
               (guint) f->start, (guint) f->end);
      return FALSE;
    }
  return TRUE;
}

static void
read_annotation_fields (Loader     *self,
                        const char *document,
                        GArray     *out)
{
  g_auto(AnnotationFields) f = { .start = -1, .end = -1 };
  RawAnnotation raw;

  if (!begin_object (self, document, NULL, "annotations[]"))
    return;
  FOR_EACH_MEMBER (self, member)
    {
      if (!read_field (self, annotation_table, G_N_ELEMENTS (annotation_table), &f, &f.seen,
                       document, NULL, member))
        keep_extra (self, &f.extra, member);
      self->annotation_id = f.id;
    }

  if (syntax_failed (self) || !annotation_complete (self, document, &f))
    return;

  raw.annotation = mg_annotation_new (f.id, f.label, f.start, f.end);
  mg_annotation_set_note (raw.annotation, f.note);
  mg_annotation_set_created (raw.annotation, f.created);
  mg_annotation_set_modified (raw.annotation, f.modified);
  mg_annotation_set_extra (raw.annotation, f.extra);
  raw.text = g_steal_pointer (&f.text);
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

  if (!begin_array (self, document, "annotations"))
    return;
  while (mg_json_reader_next_element (&self->r))
    read_annotation (self, document, index++, out);
}

/* Relations --------------------------------------------------------------- */

typedef struct
{
  char       *id, *type, *from, *to;
  JsonObject *extra;
  guint       seen;
} RelationFields;

static const Field relation_table[] = {
  STRING_FIELD (RelationFields, "id", id),
  STRING_FIELD (RelationFields, "type", type),
  STRING_FIELD (RelationFields, "from", from),
  STRING_FIELD (RelationFields, "to", to),
};

static void
relation_fields_clear (RelationFields *f)
{
  g_free (f->id);
  g_free (f->type);
  g_free (f->from);
  g_free (f->to);
  g_clear_pointer (&f->extra, json_object_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RelationFields, relation_fields_clear)

static MgRelation *
read_relation (Loader     *self,
               const char *document,
               guint       index)
{
  g_autofree char *where = g_strdup_printf (_("relation #%u"), index + 1);
  g_auto(RelationFields) f = { NULL, };
  MgRelation *relation;

  if (!begin_object (self, document, where, "relations[]"))
    return NULL;
  FOR_EACH_MEMBER (self, member)
    if (!read_field (self, relation_table, G_N_ELEMENTS (relation_table), &f, &f.seen,
                     document, where, member))
      keep_extra (self, &f.extra, member);

  if (syntax_failed (self))
    return NULL;
  if (f.id != NULL)
    {
      g_free (where);
      where = g_strdup_printf (_("relation “%s”"), f.id);
    }
  if (f.id == NULL || *f.id == '\0' || f.type == NULL || *f.type == '\0' ||
      f.from == NULL || f.to == NULL)
    {
      problem (self, document, where, _("needs “id”, “type”, “from” and “to”"));
      return NULL;
    }

  relation = mg_relation_new (f.id, f.type, f.from, f.to);
  mg_relation_set_extra (relation, f.extra);
  return relation;
}

static void
read_relations (Loader     *self,
                const char *document,
                GPtrArray  *out)
{
  guint index = 0;

  if (!begin_array (self, document, "relations"))
    return;
  while (mg_json_reader_next_element (&self->r))
    {
      MgRelation *relation = read_relation (self, document, index++);

      if (relation != NULL)
        g_ptr_array_add (out, relation);
    }
}

/* Documents --------------------------------------------------------------- */

typedef struct
{
  char       *path, *media_type;
  JsonObject *extra;
  guint       seen;
} SourceFields;

static const Field source_table[] = {
  STRING_FIELD (SourceFields, "path", path),
  STRING_FIELD (SourceFields, "media_type", media_type),
};

typedef struct
{
  char         *id, *title, *sha256;
  SourceFields  source;
  JsonNode     *meta;
  char         *text;
  gsize         text_len;
  GArray       *raws;       /* of RawAnnotation */
  GPtrArray    *relations;
  JsonObject   *extra;
  guint         seen;
} DocumentFields;

/* The table's strings first; the members read otherwise take the bits
 * after them. */
enum { D_SOURCE = 3, D_META, D_TEXT, D_ANNOTATIONS, D_RELATIONS };

static const Field document_table[] = {
  STRING_FIELD (DocumentFields, "id", id),
  STRING_FIELD (DocumentFields, "title", title),
  STRING_FIELD (DocumentFields, "text_sha256", sha256),
};

static void
document_fields_clear (DocumentFields *f)
{
  g_free (f->id);
  g_free (f->title);
  g_free (f->sha256);
  g_free (f->source.path);
  g_free (f->source.media_type);
  g_clear_pointer (&f->source.extra, json_object_unref);
  g_clear_pointer (&f->meta, json_node_unref);
  g_free (f->text);
  g_clear_pointer (&f->raws, g_array_unref);
  g_clear_pointer (&f->relations, g_ptr_array_unref);
  g_clear_pointer (&f->extra, json_object_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DocumentFields, document_fields_clear)

static void
read_source (Loader       *self,
             const char   *document,
             SourceFields *f)
{
  if (!begin_object (self, document, NULL, "source"))
    return;
  FOR_EACH_MEMBER (self, member)
    if (!read_field (self, source_table, G_N_ELEMENTS (source_table), f, &f->seen,
                     document, "source", member))
      keep_extra (self, &f->extra, member);
}

static void
read_text (Loader         *self,
           const char     *document,
           DocumentFields *f)
{
  const char *s;

  if (mg_json_reader_peek (&self->r) != MG_JSON_STRING)
    {
      wrong_type (self, document, NULL, "text", _("a string"));
      return;
    }
  if ((s = mg_json_reader_read_string (&self->r, &f->text_len)) != NULL)
    f->text = g_memdup2 (s, f->text_len + 1);
}

/* The members of a document that are not plain strings. */
static void
read_document_member (Loader         *self,
                      DocumentFields *f,
                      const char     *document,
                      const char     *member)
{
  static const char *names[] = {
    [D_SOURCE] = "source", [D_META] = "meta", [D_TEXT] = "text",
    [D_ANNOTATIONS] = "annotations", [D_RELATIONS] = "relations",
  };
  guint bit = D_SOURCE;

  while (bit <= D_RELATIONS && strcmp (names[bit], member) != 0)
    bit++;
  if (bit > D_RELATIONS)
    keep_extra (self, &f->extra, member);
  else if (seen_twice (self, &f->seen, bit, document, NULL, member))
    return;
  else if (bit == D_SOURCE)
    read_source (self, document, &f->source);
  else if (bit == D_META && mg_json_reader_peek (&self->r) != MG_JSON_OBJECT)
    wrong_type (self, document, NULL, member, _("an object"));
  else if (bit == D_META)
    f->meta = mg_json_reader_read_node (&self->r);
  else if (bit == D_TEXT)
    read_text (self, document, f);
  else if (bit == D_ANNOTATIONS)
    read_annotations (self, document, f->raws);
  else
    read_relations (self, document, f->relations);
}

/* Whether one annotation fits the text and the ones before it; @ids and
 * @spans gain it when it does. */
static gboolean
annotation_fits (Loader       *self,
                 MgDocument   *doc,
                 RawAnnotation *raw,
                 GHashTable   *ids,
                 GHashTable   *spans)
{
  MgAnnotation *a = raw->annotation;
  const char *doc_id = mg_document_get_id (doc);
  guint start = mg_annotation_get_start (a);
  guint end = mg_annotation_get_end (a);
  guint length = mg_document_get_length (doc);
  MgTextIndex *index = mg_document_get_text_index (doc);
  MgAnnotation *twin;

  if (!g_hash_table_add (ids, (char *)mg_annotation_get_id (a)))
    {
      problem (self, doc_id, NULL, _("id is used twice"));
      return FALSE;
    }
  if (end > length)
    {
      problem (self, doc_id, NULL, _("end %u is past the end of the text (%u characters)"),
               end, length);
      return FALSE;
    }
  if (!mg_text_index_range_equals (index, start, end, raw->text))
    {
      g_autofree char *actual = mg_text_index_substring (index, start, end);

      problem (self, doc_id, NULL, _("“text” is “%s” but text[%u:%u] is “%s”"),
               raw->text, start, end, actual);
      return FALSE;
    }
  if ((twin = g_hash_table_lookup (spans, a)) != NULL)
    {
      problem (self, doc_id, NULL, _("duplicate of “%s”: same label, start and end"),
               mg_annotation_get_id (twin));
      return FALSE;
    }
  g_hash_table_add (spans, a);
  return TRUE;
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
  g_autoptr(GHashTable) spans = g_hash_table_new (mg_annotation_span_hash, mg_annotation_span_equal);
  g_autoptr(GError) error = NULL;

  self->in_annotation = TRUE;
  for (guint i = 0; i < raws->len; i++)
    {
      RawAnnotation *raw = &g_array_index (raws, RawAnnotation, i);

      self->annotation_id = mg_annotation_get_id (raw->annotation);
      if (annotation_fits (self, doc, raw, ids, spans))
        g_ptr_array_add (good, raw->annotation);
    }
  self->in_annotation = FALSE;
  self->annotation_id = NULL;

  if (!mg_annotation_store_add_all (mg_document_get_store (doc), good, &error))
    problem (self, mg_document_get_id (doc), NULL, "%s", error->message);
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

/* Makes the document of what was read, or says why it cannot. */
static MgDocument *
make_document (Loader         *self,
               DocumentFields *f,
               const char     *label)
{
  g_autofree char *message = NULL;
  MgDocument *doc;

  if (f->id == NULL || *f->id == '\0')
    {
      problem (self, label, NULL, _("has no “id”"));
      return NULL;
    }
  if (f->text == NULL)
    {
      if (!SEEN (f, D_TEXT))
        problem (self, label, NULL, _("has no “text”"));
      return NULL;
    }
  if (memchr (f->text, '\r', f->text_len) != NULL)
    problem (self, label, NULL, _("“text” has a carriage return; line ends must be \\n"));

  doc = mg_document_new (f->id, f->text, f->text_len);
  mg_document_set_title (doc, f->title);
  mg_document_set_source_path (doc, f->source.path);
  mg_document_set_media_type (doc, f->source.media_type);
  mg_document_set_source_extra (doc, f->source.extra);
  mg_document_set_extra (doc, f->extra);
  if (f->meta != NULL)
    mg_document_set_meta (doc, json_node_get_object (f->meta));
  if (!mg_document_status_check (doc, &message))
    problem (self, label, NULL, "%s", message);

  if (f->sha256 == NULL)
    problem (self, label, NULL, _("has no “text_sha256”"));
  else if (g_ascii_strcasecmp (f->sha256, mg_document_get_text_sha256 (doc)) != 0)
    problem (self, label, NULL, _("“text_sha256” does not match the text (it is %s)"),
             mg_document_get_text_sha256 (doc));

  add_annotations (self, doc, f->raws);
  add_relations (self, doc, f->relations);
  return doc;
}

static MgDocument *
read_document (Loader *self,
               guint   index)
{
  g_autofree char *number = g_strdup_printf ("#%u", index + 1);
  g_auto(DocumentFields) f = { NULL, };

  f.raws = g_array_new (FALSE, TRUE, sizeof (RawAnnotation));
  g_array_set_clear_func (f.raws, raw_annotation_clear);
  f.relations = g_ptr_array_new_with_free_func (g_object_unref);

  if (!begin_object (self, number, NULL, "documents[]"))
    return NULL;
  /* Problems name the document by its id once it is known. */
  FOR_EACH_MEMBER (self, member)
    if (!read_field (self, document_table, G_N_ELEMENTS (document_table), &f, &f.seen,
                     f.id ? f.id : number, NULL, member))
      read_document_member (self, &f, f.id ? f.id : number, member);

  if (syntax_failed (self))
    return NULL;
  return make_document (self, &f, f.id ? f.id : number);
}

static void
read_documents (Loader    *self,
                MgDataset *dataset)
{
  guint index = 0;

  if (!begin_array (self, NULL, "documents"))
    return;
  while (mg_json_reader_next_element (&self->r))
    {
      g_autoptr(MgDocument) doc = read_document (self, index++);

      if (doc != NULL && !mg_dataset_add_document (dataset, doc))
        problem (self, mg_document_get_id (doc), NULL, _("id is used by another document"));
    }
}

/* The dataset -------------------------------------------------------------- */

typedef struct
{
  char       *format, *annotator;
  gboolean    has_version;
  MgLabelSet *labels;
  MgDataset  *documents;  /* a holder until the labels are known */
  JsonObject *extra;
  guint       seen;
} DatasetFields;

enum { S_VERSION = 2, S_LABELS, S_DOCUMENTS };

static const Field dataset_table[] = {
  STRING_FIELD (DatasetFields, "format", format),
  STRING_FIELD (DatasetFields, "annotator", annotator),
};

static void
dataset_fields_clear (DatasetFields *f)
{
  g_free (f->format);
  g_free (f->annotator);
  g_clear_object (&f->labels);
  g_clear_object (&f->documents);
  g_clear_pointer (&f->extra, json_object_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DatasetFields, dataset_fields_clear)

/* Returns: %FALSE when reading must stop: a syntax error, or a version
 * this build cannot read. */
static gboolean
read_version (Loader        *self,
              DatasetFields *f)
{
  gboolean is_integer;
  gint64 v;

  if (mg_json_reader_peek (&self->r) != MG_JSON_NUMBER)
    {
      wrong_type (self, NULL, NULL, "version", _("an integer"));
      return TRUE;
    }
  if (!mg_json_reader_read_int (&self->r, &v, &is_integer))
    return FALSE;
  f->has_version = TRUE;
  if (!is_integer || v < 1)
    problem (self, NULL, NULL, _("“version” must be a positive integer"));
  else if (v > MG_DATASET_VERSION)
    {
      problem (self, NULL, NULL,
               _("format version %lld is newer than this Marginalia reads (%d); "
                 "open it with a newer Marginalia"), (long long)v, MG_DATASET_VERSION);
      self->unsupported = TRUE;
      return FALSE;
    }
  return TRUE;
}

/* The members of a dataset that are not plain strings.
 *
 * Returns: %FALSE when reading must stop */
static gboolean
read_dataset_member (Loader        *self,
                     DatasetFields *f,
                     const char    *member)
{
  static const char *names[] = {
    [S_VERSION] = "version", [S_LABELS] = "labels", [S_DOCUMENTS] = "documents",
  };
  guint bit = S_VERSION;

  while (bit <= S_DOCUMENTS && strcmp (names[bit], member) != 0)
    bit++;
  if (bit > S_DOCUMENTS)
    keep_extra (self, &f->extra, member);
  else if (seen_twice (self, &f->seen, bit, NULL, NULL, member))
    return TRUE;
  else if (bit == S_VERSION)
    return read_version (self, f);
  else if (bit == S_LABELS)
    f->labels = read_labels (self);
  else
    read_documents (self, f->documents);
  return TRUE;
}

static gboolean
begin_dataset (Loader *self)
{
  MgJsonKind kind = mg_json_reader_peek (&self->r);

  if (kind == MG_JSON_OBJECT)
    return mg_json_reader_begin_object (&self->r);
  if (kind == MG_JSON_NONE)
    skip_value (self);  /* to report what is there */
  else
    problem (self, NULL, NULL, _("not a dataset: the file holds %s, not an object"),
             mg_json_kind_to_string (kind));
  return FALSE;
}

static void
check_dataset_fields (Loader        *self,
                      DatasetFields *f)
{
  if (f->format == NULL)
    problem (self, NULL, NULL, _("not a Marginalia dataset: no “format”"));
  else if (!g_str_equal (f->format, MG_DATASET_FORMAT))
    problem (self, NULL, NULL, _("not a Marginalia dataset: “format” is “%s”"), f->format);
  if (!f->has_version && !SEEN (f, S_VERSION))
    problem (self, NULL, NULL, _("has no “version”"));
  if (!SEEN (f, S_DOCUMENTS))
    problem (self, NULL, NULL, _("has no “documents”"));
  if (f->labels == NULL)
    {
      if (!SEEN (f, S_LABELS))
        problem (self, NULL, NULL, _("has no “labels”"));
      f->labels = mg_label_set_new ();
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
  g_auto(DatasetFields) f = { NULL, };
  MgDataset *dataset;

  if (!begin_dataset (self))
    return NULL;
  f.documents = mg_dataset_new ();
  FOR_EACH_MEMBER (self, member)
    if (!read_field (self, dataset_table, G_N_ELEMENTS (dataset_table), &f, &f.seen,
                     NULL, NULL, member) &&
        !read_dataset_member (self, &f, member))
      return NULL;

  if (syntax_failed (self) || !mg_json_reader_end (&self->r))
    return NULL;

  check_dataset_fields (self, &f);
  check_label_references (self, f.documents, f.labels);

  dataset = mg_dataset_new_with_labels (f.labels);
  mg_dataset_set_annotator (dataset, f.annotator);
  mg_dataset_set_extra (dataset, f.extra);
  for (guint i = 0; i < mg_dataset_get_n_documents (f.documents); i++)
    mg_dataset_add_document (dataset, mg_dataset_get_document (f.documents, i));

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

/* Files ------------------------------------------------------------------- */

#define READ_CHUNK (64 * 1024)

/* Whether the bytes read so far show what this is: -1 while there is
 * only white space, else whether it can be a dataset, which is an object. */
static int
looks_like_dataset (const char *data,
                    gsize       n_bytes)
{
  for (gsize i = 0; i < n_bytes; i++)
    if (data[i] != ' ' && data[i] != '\t' && data[i] != '\n' && data[i] != '\r')
      return data[i] == '{';
  return -1;
}

static void
set_read_error (GError     **error,
                const char  *path,
                int          saved_errno)
{
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               "%s: %s", path, g_strerror (saved_errno));
}

/* Reads what @fd holds up to its end, never more than @max bytes. */
static char *
read_stream (int          fd,
             const char  *path,
             gsize        size_hint,
             gsize        max,
             gsize       *n_bytes,
             GError     **error)
{
  /* Room for one byte past the hint, to see the end, and a nul. */
  gsize size = MIN (size_hint, max) + 2;
  g_autofree char *buf = g_malloc (size);
  gsize len = 0;
  int kind = -1;

  for (;;)
    {
      gssize n;

      if (len > max)
        {
          g_set_error (error, MG_ERROR, MG_ERROR_TOO_LARGE,
                       _("%s: too large for a dataset (more than %llu bytes)"),
                       path, (unsigned long long)max);
          return NULL;
        }
      if (size - len < 2)
        {
          size = MIN (MAX (size * 2, size + READ_CHUNK), max + 2);
          buf = g_realloc (buf, size);
        }
      n = read (fd, buf + len, MIN (size - len - 1, (gsize) G_MAXSSIZE));
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_read_error (error, path, errno);
          return NULL;
        }
      if (n == 0)
        break;
      /* No need to read /dev/zero to its end to see it is no dataset: the
       * parser says what it is from its first bytes. */
      if (kind < 0 && (kind = looks_like_dataset (buf + len, n)) == 0)
        {
          len += n;
          break;
        }
      len += n;
    }

  buf[len] = '\0';
  *n_bytes = len;
  return g_steal_pointer (&buf);
}

/**
 * _mg_dataset_read_file:
 * @max: the most bytes a dataset may have
 *
 * Reads a whole file, refusing what cannot be a dataset. A device or a
 * pipe is read as a stream until its writer closes it, and refused as soon
 * as it passes @max bytes, as a file of that size is before a byte is read.
 *
 * Returns: (transfer full) (nullable): the bytes, with a nul after them
 */
char *
_mg_dataset_read_file (const char  *path,
                       gsize        max,
                       gsize       *n_bytes,
                       GError     **error)
{
  struct stat st;
  char *data;
  int fd;

  if ((fd = open (path, O_RDONLY | O_NOCTTY | O_CLOEXEC)) < 0 || fstat (fd, &st) != 0)
    {
      set_read_error (error, path, errno);
      if (fd >= 0)
        close (fd);
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR,
                   _("%s: is a folder, not a dataset file"), path);
      close (fd);
      return NULL;
    }
  if (S_ISREG (st.st_mode) && (guint64)st.st_size > max)
    {
      g_set_error (error, MG_ERROR, MG_ERROR_TOO_LARGE,
                   _("%s: file is too large for a dataset (%llu bytes)"),
                   path, (unsigned long long)st.st_size);
      close (fd);
      return NULL;
    }

  data = read_stream (fd, path, S_ISREG (st.st_mode) ? (gsize) st.st_size : READ_CHUNK,
                      max, n_bytes, error);
  close (fd);
  return data;
}

/**
 * mg_dataset_load_file:
 *
 * Reads @path, which may also be a pipe or a device, up to
 * %MG_DATASET_MAX_BYTES.
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

  if ((data = _mg_dataset_read_file (path, MG_DATASET_MAX_BYTES, &n_bytes, error)) == NULL)
    return NULL;
  return mg_dataset_load_data (data, n_bytes, path, error);
}

/**
 * mg_dataset_validate_file:
 * @problems: (element-type utf8): receives one line per problem
 *
 * Reads @path as mg_dataset_load_file() does and checks it as
 * mg_dataset_validate_data() does; a file that cannot be read is one
 * problem.
 *
 * Returns: (transfer full) (nullable): what could be read, valid or not
 */
MgDataset *
mg_dataset_validate_file (const char *path,
                          GPtrArray  *problems)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize n_bytes = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  if ((data = _mg_dataset_read_file (path, MG_DATASET_MAX_BYTES, &n_bytes, &error)) == NULL)
    {
      g_ptr_array_add (problems, g_strdup (error->message));
      return NULL;
    }
  return load (data, n_bytes, path, problems, NULL);
}
