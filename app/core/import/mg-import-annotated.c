/* mg-import-annotated.c
 *
 * What every importer of annotated data does the same way: the person's
 * label mapping, offsets counted in the unit the other tool wrote turned
 * into code points, each span checked against the text before it is
 * kept, and relations tied to the spans they name. A span that does not
 * fit its text refuses the file with the file's name and line: moving it
 * to where it might have been meant would corrupt the data quietly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-import"

#include "config.h"

#include <math.h>

#include <string.h>

#include <glib/gi18n.h>

#include "mg-error.h"
#include "mg-import.h"
#include "mg-import-annotated-private.h"
#include "mg-import-private.h"
#include "mg-json-reader.h"
#include "mg-scheme.h"

#define MAX_JSON_DEPTH 64
#define QUOTE_CHARS 40

struct _MgImportOptions
{
  GHashTable       *map;       /* source label → dataset label */
  MgImportUnmapped  unmapped;
  MgImportOffsets   offsets;
  MgLabelSet       *labels;    /* nullable: the dataset's labels */
  MgDataset        *texts;     /* nullable: documents W3C targets name */
  guint             n_skipped; /* spans left out since last taken */
  GPtrArray        *skipped;   /* their labels, each once */
};

struct _MgAnnotatedDoc
{
  MgImportOptions *options;
  char            *name;
  MgDocument      *document;
  MgImportOffsets  unit;
  MgTextIndex     *raw;        /* the text as the file has it */
  GHashTable      *skipped;    /* the file's ids of spans left out */
  GHashTable      *relations;  /* "from to type" of the relations added */
  guint           *cr_map;     /* raw code point → stored one, or NULL */
  GHashTable      *by_key;     /* the file's span ids → MgAnnotation */
};

/**
 * mg_import_options_new:
 *
 * Options of an import of annotated data: no mapping, unknown labels
 * added, each format's own unit of offsets, no label set and no texts.
 *
 * Returns: (transfer full): new options
 */
MgImportOptions *
mg_import_options_new (void)
{
  MgImportOptions *self = g_new0 (MgImportOptions, 1);

  self->map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->skipped = g_ptr_array_new_with_free_func (g_free);
  return self;
}

void
mg_import_options_free (MgImportOptions *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->map);
  g_ptr_array_unref (self->skipped);
  g_clear_object (&self->labels);
  g_clear_object (&self->texts);
  g_free (self);
}

/**
 * mg_import_options_set_map:
 * @map: "Source=actor,Content=quote,Cue=": each label of the input, an
 *   equals sign and the dataset's label it becomes; nothing after the
 *   equals sign leaves that label's spans out
 *
 * Returns: %FALSE, with an %MG_ERROR_INVALID, when @map is not a list of
 *   such pairs or names one input label twice
 */
gboolean
mg_import_options_set_map (MgImportOptions  *self,
                           const char       *map,
                           GError          **error)
{
  g_auto(GStrv) pairs = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (map != NULL, FALSE);

  pairs = g_strsplit (map, ",", -1);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      char *eq = strchr (pairs[i], '=');
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;

      if (eq != NULL)
        {
          from = g_strstrip (g_strndup (pairs[i], eq - pairs[i]));
          to = g_strstrip (g_strdup (eq + 1));
        }
      if (from == NULL || *from == '\0')
        {
          g_set_error (error, MG_ERROR, MG_ERROR_INVALID,
                       _("“%s” is not a mapping of the form SOURCE=LABEL"), pairs[i]);
          return FALSE;
        }
      if (g_hash_table_contains (self->map, from))
        {
          g_set_error (error, MG_ERROR, MG_ERROR_INVALID,
                       _("the label “%s” is mapped twice"), from);
          return FALSE;
        }
      g_hash_table_insert (self->map, g_steal_pointer (&from), g_steal_pointer (&to));
    }

  return TRUE;
}

/**
 * mg_import_options_map_label:
 *
 * Returns: the dataset's label for the input's @label: its mapping, else
 *   @label itself
 */
const char *
mg_import_options_map_label (MgImportOptions *self,
                             const char      *label)
{
  const char *to;

  g_return_val_if_fail (label != NULL, NULL);

  if (self == NULL || (to = g_hash_table_lookup (self->map, label)) == NULL)
    return label;
  return to;
}

void
mg_import_options_set_unmapped (MgImportOptions  *self,
                                MgImportUnmapped  unmapped)
{
  g_return_if_fail (self != NULL);
  self->unmapped = unmapped;
}

void
mg_import_options_set_offsets (MgImportOptions *self,
                               MgImportOffsets  offsets)
{
  g_return_if_fail (self != NULL);
  self->offsets = offsets;
}

/**
 * mg_import_options_get_offsets:
 * @self: (nullable): options
 * @fallback: the unit the format's own tool writes
 *
 * Returns: the unit chosen, else @fallback
 */
MgImportOffsets
mg_import_options_get_offsets (MgImportOptions *self,
                               MgImportOffsets  fallback)
{
  if (self == NULL || self->offsets == MG_IMPORT_OFFSETS_DEFAULT)
    return fallback;
  return self->offsets;
}

/**
 * mg_import_options_set_labels:
 * @labels: (nullable): the dataset's labels, which tell the labels the
 *   mapping leaves unknown; the import does not change them
 *
 * Without a label set every label is taken as it comes (after mapping).
 * mg_import_add_to_dataset() adds the labels a dataset lacks.
 */
void
mg_import_options_set_labels (MgImportOptions *self,
                              MgLabelSet      *labels)
{
  g_return_if_fail (self != NULL);
  g_set_object (&self->labels, labels);
}

/**
 * mg_import_options_set_texts:
 * @texts: (nullable): documents whose texts annotations without a text of
 *   their own (W3C) point at
 */
void
mg_import_options_set_texts (MgImportOptions *self,
                             MgDataset       *texts)
{
  g_return_if_fail (self != NULL);
  g_set_object (&self->texts, texts);
}

/**
 * mg_import_options_get_texts:
 *
 * Returns: (transfer none) (nullable): the documents given for the texts
 */
MgDataset *
mg_import_options_get_texts (MgImportOptions *self)
{
  return self != NULL ? self->texts : NULL;
}

/**
 * mg_import_options_take_skipped:
 * @labels: (out) (optional): the labels of the spans left out, joined by
 *   ", "
 *
 * How many spans %MG_IMPORT_UNMAPPED_SKIP left out since the last call;
 * the count starts again at zero.
 *
 * Returns: the number of spans left out
 */
guint
mg_import_options_take_skipped (MgImportOptions  *self,
                                char            **labels)
{
  guint n;

  g_return_val_if_fail (self != NULL, 0);

  n = self->n_skipped;
  if (labels != NULL)
    {
      g_ptr_array_add (self->skipped, NULL);
      *labels = g_strjoinv (", ", (char **)self->skipped->pdata);
    }
  g_ptr_array_set_size (self->skipped, 0);
  self->n_skipped = 0;
  return n;
}

/**
 * mg_import_unmapped_parse:
 * @name: "add", "skip" or "refuse"
 *
 * Returns: %FALSE, leaving @unmapped alone, for any other name
 */
gboolean
mg_import_unmapped_parse (const char       *name,
                          MgImportUnmapped *unmapped)
{
  g_return_val_if_fail (unmapped != NULL, FALSE);

  if (g_strcmp0 (name, "add") == 0)
    *unmapped = MG_IMPORT_UNMAPPED_ADD;
  else if (g_strcmp0 (name, "skip") == 0)
    *unmapped = MG_IMPORT_UNMAPPED_SKIP;
  else if (g_strcmp0 (name, "refuse") == 0)
    *unmapped = MG_IMPORT_UNMAPPED_REFUSE;
  else
    return FALSE;
  return TRUE;
}

/**
 * mg_import_offsets_parse:
 * @name: "codepoint" or "utf16"
 *
 * Returns: %FALSE, leaving @offsets alone, for any other name
 */
gboolean
mg_import_offsets_parse (const char      *name,
                         MgImportOffsets *offsets)
{
  g_return_val_if_fail (offsets != NULL, FALSE);

  if (g_strcmp0 (name, "codepoint") == 0)
    *offsets = MG_IMPORT_OFFSETS_CODEPOINT;
  else if (g_strcmp0 (name, "utf16") == 0)
    *offsets = MG_IMPORT_OFFSETS_UTF16;
  else
    return FALSE;
  return TRUE;
}

/* Colours for labels an import adds, after the four the defaults use. */
static const char *
added_label_color (MgLabelSet *labels)
{
  static const char *palette[] = {
    "#E69F00", "#56B4E9", "#F0E442", "#999999", "#0072B2", "#D55E00", "#009E73", "#CC79A7",
  };

  return palette[mg_label_set_get_n_labels (labels) % G_N_ELEMENTS (palette)];
}

static void
add_label (MgLabelSet *labels,
           const char *id)
{
  g_autoptr(MgLabel) label = mg_label_new (id, id, added_label_color (labels), NULL);

  mg_label_set_add (labels, label);
}

/**
 * mg_import_add_labels:
 * @labels: a dataset's labels
 * @documents: (element-type MgDocument): imported documents
 *
 * Adds to @labels each label the annotations of @documents use that it
 * lacks, in the order they are met, so the dataset stays valid.
 */
void
mg_import_add_labels (MgLabelSet *labels,
                      GPtrArray  *documents)
{
  g_return_if_fail (MG_IS_LABEL_SET (labels));
  g_return_if_fail (documents != NULL);

  for (guint d = 0; d < documents->len; d++)
    {
      MgAnnotationStore *store = mg_document_get_store (g_ptr_array_index (documents, d));

      for (guint i = 0; i < mg_annotation_store_get_n_annotations (store); i++)
        {
          const char *id = mg_annotation_get_label (mg_annotation_store_get_annotation (store, i));

          if (mg_label_set_lookup (labels, id) == NULL)
            add_label (labels, id);
        }
    }
}

/* Where each raw code point lands once "\r\n" and "\r" are "\n". */
static char *
normalise_newlines (const char  *text,
                    gsize        n_bytes,
                    guint      **cr_map)
{
  GString *out = g_string_sized_new (n_bytes);
  GArray *map = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *p = text, *end = text + n_bytes;
  guint cp = 0;

  while (p < end)
    {
      g_array_append_val (map, cp);
      if (*p == '\r' && p + 1 < end && p[1] == '\n')
        {
          p++;
          continue;
        }
      g_string_append_c (out, *p == '\r' ? '\n' : *p);
      if (*p != '\r')
        g_string_append_len (out, p + 1, g_utf8_next_char (p) - p - 1);
      p = g_utf8_next_char (p);
      cp++;
    }
  g_array_append_val (map, cp);
  *cr_map = (guint *)(void *)g_array_free (map, FALSE);

  return g_string_free (out, FALSE);
}

/**
 * _mg_annotated_doc_new:
 * @name: the file's name, for messages
 * @line: where the document begins in the file
 * @text: the text as the file has it; its offsets count in it
 * @wanted_id: (nullable): the id the file gives the document
 * @index: the document's position in the file, for an id when it has none
 * @unit: how the file counts offsets
 *
 * Returns: (transfer full): the document in the making, or %NULL when the
 *   text is not valid UTF-8 or holds a NUL
 */
MgAnnotatedDoc *
_mg_annotated_doc_new (MgImportOptions  *options,
                       const char       *name,
                       guint             line,
                       const char       *text,
                       gsize             n_bytes,
                       const char       *wanted_id,
                       guint             index,
                       MgImportOffsets   unit,
                       GError          **error)
{
  MgAnnotatedDoc *self;
  g_autofree char *stored = NULL;
  g_autofree char *id = NULL;

  if (!g_utf8_validate (text, n_bytes, NULL))
    {
      g_set_error (error, MG_ERROR, MG_ERROR_INVALID,
                   _("%s:%u: the text is not valid UTF-8"), name, line);
      return NULL;
    }

  /* Ids from our own exports come back as they were. */
  if (wanted_id != NULL && *wanted_id != '\0')
    id = g_strdup (wanted_id);
  else
    {
      g_autofree char *base = _mg_import_id_from_name (name);

      id = g_strdup_printf ("%s-%u", base, index + 1);
    }

  self = g_new0 (MgAnnotatedDoc, 1);
  self->options = options;
  self->name = g_strdup (name);
  self->unit = unit;
  self->raw = mg_text_index_new (text, n_bytes);
  self->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->skipped = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->relations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (memchr (text, '\r', n_bytes) != NULL)
    stored = normalise_newlines (text, n_bytes, &self->cr_map);
  self->document = mg_document_new (id, stored != NULL ? stored : text,
                                    stored != NULL ? -1 : (gssize)n_bytes);

  return self;
}

void
_mg_annotated_doc_free (MgAnnotatedDoc *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_clear_object (&self->document);
  g_clear_pointer (&self->raw, mg_text_index_free);
  g_free (self->cr_map);
  g_hash_table_unref (self->by_key);
  g_hash_table_unref (self->skipped);
  g_hash_table_unref (self->relations);
  g_free (self);
}

/**
 * _mg_annotated_doc_get_document:
 *
 * Returns: (transfer none): the document, for its title and metadata
 */
MgDocument *
_mg_annotated_doc_get_document (MgAnnotatedDoc *self)
{
  return self->document;
}

const char *
_mg_annotated_doc_get_name (MgAnnotatedDoc *self)
{
  return self->name;
}

/**
 * _mg_annotated_doc_steal:
 *
 * Returns: (transfer full): the finished document; @self is freed
 */
MgDocument *
_mg_annotated_doc_steal (MgAnnotatedDoc *self)
{
  MgDocument *document = g_steal_pointer (&self->document);

  _mg_annotated_doc_free (self);
  return document;
}

/* A raw offset in the file's unit as a raw code point, or FALSE when it
 * lies outside the text or inside a surrogate pair. */
static gboolean
to_code_point (MgAnnotatedDoc *self,
               gint64          value,
               guint          *out)
{
  guint length = mg_text_index_get_length (self->raw);
  guint lo = 0, hi = length;

  if (value < 0)
    return FALSE;
  if (self->unit != MG_IMPORT_OFFSETS_UTF16)
    {
      *out = (guint)value;
      return value <= length;
    }

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (mg_text_index_utf16_offset (self->raw, mid) < value)
        lo = mid + 1;
      else
        hi = mid;
    }
  *out = lo;
  return mg_text_index_utf16_offset (self->raw, lo) == value;
}

/* The first QUOTE_CHARS characters of @text, for a message. */
static char *
quote (const char *text)
{
  g_autofree char *start = NULL;

  if (g_utf8_strlen (text, -1) <= QUOTE_CHARS)
    return g_strdup (text);
  start = g_utf8_substring (text, 0, QUOTE_CHARS);
  return g_strconcat (start, "…", NULL);
}

static gboolean
check_range (MgAnnotatedDoc  *self,
             gint64           start,
             gint64           end,
             guint            line,
             guint           *cp_start,
             guint           *cp_end,
             GError         **error)
{
  const char *unit = self->unit == MG_IMPORT_OFFSETS_UTF16 ? _("UTF-16 units") : _("code points");

  if (start >= end)
    {
      g_set_error (error, MG_ERROR, MG_ERROR_INVALID,
                   _("%s:%u: the span %lld–%lld is empty or reversed"),
                   self->name, line, (long long)start, (long long)end);
      return FALSE;
    }
  if (!to_code_point (self, start, cp_start) || !to_code_point (self, end, cp_end))
    {
      g_set_error (error, MG_ERROR, MG_ERROR_INVALID,
                   _("%s:%u: the span %lld–%lld does not fit the text (counted in %s)"),
                   self->name, line, (long long)start, (long long)end, unit);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_recorded (MgAnnotatedDoc  *self,
                guint            start,
                guint            end,
                gint64           file_start,
                gint64           file_end,
                const char      *recorded,
                guint            line,
                GError         **error)
{
  g_autofree char *slice = NULL;
  g_autofree char *want = NULL;
  g_autofree char *got = NULL;

  if (recorded == NULL || mg_text_index_range_equals (self->raw, start, end, recorded))
    return TRUE;

  slice = mg_text_index_substring (self->raw, start, end);
  want = quote (recorded);
  got = quote (slice);
  g_set_error (error, MG_ERROR, MG_ERROR_INVALID,
               _("%s:%u: the span %lld–%lld records “%s” but the text there is “%s”"),
               self->name, line, (long long)file_start, (long long)file_end, want, got);
  return FALSE;
}

/* Sets @target to the dataset's label for @label, or to %NULL when its
 * spans are to be left out; %FALSE when the label is refused. */
static gboolean
resolve_label (MgAnnotatedDoc  *self,
               const char      *label,
               guint            line,
               const char     **target,
               GError         **error)
{
  MgImportOptions *options = self->options;

  *target = NULL;
  if (label == NULL || *label == '\0')
    {
      g_set_error (error, MG_ERROR, MG_ERROR_INVALID,
                   _("%s:%u: a span has no label"), self->name, line);
      return FALSE;
    }
  *target = mg_import_options_map_label (options, label);
  /* Mapped to nothing: left out, as the person asked. */
  if (**target == '\0')
    {
      *target = NULL;
      return TRUE;
    }
  if (options == NULL || options->labels == NULL || mg_label_set_lookup (options->labels, *target) != NULL)
    return TRUE;

  /* A label the person mapped to is one they asked for. */
  if (options->unmapped == MG_IMPORT_UNMAPPED_SKIP && *target == label)
    {
      options->n_skipped++;
      if (!g_ptr_array_find_with_equal_func (options->skipped, label, g_str_equal, NULL))
        g_ptr_array_add (options->skipped, g_strdup (label));
      *target = NULL;
      return TRUE;
    }
  if (options->unmapped == MG_IMPORT_UNMAPPED_REFUSE && *target == label)
    {
      g_set_error (error, MG_ERROR, MG_ERROR_INVALID,
                   _("%s:%u: the label “%s” has no mapping and is not one of the dataset’s labels"),
                   self->name, line, label);
      return FALSE;
    }
  return TRUE;
}

/**
 * _mg_annotated_add_span:
 * @key: (nullable): the span's id in the file, which relations name
 * @id: (nullable): the annotation id to keep, when the file's ids are ours
 * @label: the label in the file, before mapping
 * @start: where the span starts, in the file's unit
 * @end: where it ends
 * @recorded: (nullable): the span's text as the file records it
 * @note: (nullable): a note
 * @line: where the span is in the file
 *
 * Returns: %FALSE, with an error naming the file and @line, when the span
 *   does not fit the text or its label is refused
 */
gboolean
_mg_annotated_add_span (MgAnnotatedDoc  *self,
                        const char      *key,
                        const char      *id,
                        const char      *label,
                        gint64           start,
                        gint64           end,
                        const char      *recorded,
                        const char      *note,
                        guint            line,
                        GError         **error)
{
  MgAnnotationStore *store = mg_document_get_store (self->document);
  g_autoptr(MgAnnotation) annotation = NULL;
  MgAnnotation *twin;
  const char *target;
  guint s, e;

  if (!check_range (self, start, end, line, &s, &e, error)
      || !check_recorded (self, s, e, start, end, recorded, line, error))
    return FALSE;
  if (!resolve_label (self, label, line, &target, error))
    return FALSE;
  if (target == NULL)
    {
      if (key != NULL)
        g_hash_table_add (self->skipped, g_strdup (key));
      return TRUE;
    }
  if (self->cr_map != NULL)
    {
      s = self->cr_map[s];
      e = self->cr_map[e];
    }

  /* A span given twice is one span; relations may name either copy. */
  twin = mg_annotation_store_find (store, target, s, e);
  if (twin == NULL)
    {
      if (id != NULL && (*id == '\0' || mg_annotation_store_lookup (store, id) != NULL))
        id = NULL;
      annotation = mg_annotation_new (id, target, s, e);
      if (note != NULL && *note != '\0')
        mg_annotation_set_note (annotation, note);
      if (!mg_annotation_store_add (store, annotation, error))
        return FALSE;
      twin = annotation;
    }
  if (key != NULL)
    g_hash_table_replace (self->by_key, g_strdup (key), g_object_ref (twin));

  return TRUE;
}

/**
 * _mg_annotated_set_values:
 * @key: (nullable): the file's id of a span, or %NULL for the document
 * @member: "attributes" of a span or "codes" of the document
 * @values: (nullable): the values, as our exports write them
 *
 * Gives a span its attributes, or the document its codes, added to any it
 * has (a span the file gives twice is one span).
 */
void
_mg_annotated_set_values (MgAnnotatedDoc *self,
                          const char     *key,
                          const char     *member,
                          JsonObject     *values)
{
  MgAnnotation *a = key != NULL ? g_hash_table_lookup (self->by_key, key) : NULL;
  g_autoptr(GList) ids = values != NULL ? json_object_get_members (values) : NULL;

  if (key != NULL && a == NULL)
    return;
  for (GList *l = ids; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (values, l->data);
      g_autoptr(JsonObject) extra = NULL;

      if (a != NULL)
        {
          extra = mg_extra_with_value (mg_annotation_get_extra (a), member, l->data, value);
          mg_annotation_set_extra (a, extra);
        }
      else
        {
          extra = mg_extra_with_value (mg_document_get_extra (self->document), member, l->data, value);
          mg_document_set_extra (self->document, extra);
        }
    }
}

/* Whether the dataset's label @label declares attribute @id a boolean. */
static gboolean
is_boolean_attribute (MgImportOptions *options,
                      const char      *label,
                      const char      *id)
{
  MgLabel *l = options && options->labels ? mg_label_set_lookup (options->labels, label) : NULL;
  JsonObject *extra = l ? mg_label_get_extra (l) : NULL;
  JsonNode *node = extra ? json_object_get_member (extra, "attributes") : NULL;
  JsonArray *fields = node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  for (guint i = 0; fields != NULL && i < json_array_get_length (fields); i++)
    {
      JsonNode *field = json_array_get_element (fields, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (field) ? json_node_get_object (field) : NULL;

      if (o != NULL && g_strcmp0 (_mg_annotated_string (o, "id"), id) == 0)
        return g_strcmp0 (_mg_annotated_string (o, "type"), "boolean") == 0;
    }
  return FALSE;
}

/**
 * _mg_annotated_set_value_text:
 * @key: (nullable): the file's id of a span, or %NULL for the document
 * @id: the attribute or code
 * @text: its value as a tool that knows only strings gives it
 *
 * One value of a span's attribute or the document's code; "true" and
 * "false" become true and false for an attribute the dataset's label
 * declares a boolean.
 */
void
_mg_annotated_set_value_text (MgAnnotatedDoc *self,
                              const char     *key,
                              const char     *id,
                              const char     *text)
{
  MgAnnotation *a = key != NULL ? g_hash_table_lookup (self->by_key, key) : NULL;
  g_autoptr(JsonObject) values = json_object_new ();

  if ((key != NULL && a == NULL) || id == NULL || text == NULL)
    return;
  if (a != NULL && (g_str_equal (text, "true") || g_str_equal (text, "false")) &&
      is_boolean_attribute (self->options, mg_annotation_get_label (a), id))
    json_object_set_boolean_member (values, id, g_str_equal (text, "true"));
  else
    json_object_set_string_member (values, id, text);
  _mg_annotated_set_values (self, key, a != NULL ? "attributes" : "codes", values);
}

/**
 * _mg_annotated_add_relation:
 * @from: the file's id of the span the relation goes from
 * @to: the file's id of the span it goes to
 * @type: the relation's type
 *
 * Returns: %FALSE, with an error naming the file and @line, when @from or
 *   @to names no span of the document
 */
gboolean
_mg_annotated_add_relation (MgAnnotatedDoc  *self,
                            const char      *from,
                            const char      *to,
                            const char      *type,
                            guint            line,
                            GError         **error)
{
  MgAnnotationStore *store = mg_document_get_store (self->document);
  MgAnnotation *a = from != NULL ? g_hash_table_lookup (self->by_key, from) : NULL;
  MgAnnotation *b = to != NULL ? g_hash_table_lookup (self->by_key, to) : NULL;
  g_autoptr(MgRelation) relation = NULL;
  g_autofree char *twice = NULL;

  /* A relation to a span left out goes with it. */
  if ((from != NULL && g_hash_table_contains (self->skipped, from))
      || (to != NULL && g_hash_table_contains (self->skipped, to)))
    return TRUE;
  if (a == NULL || b == NULL)
    {
      g_set_error (error, MG_ERROR, MG_ERROR_INVALID,
                   _("%s:%u: a relation names “%s”, which is no span of its document"),
                   self->name, line, a == NULL ? (from ? from : "") : (to ? to : ""));
      return FALSE;
    }
  if (type == NULL || *type == '\0')
    type = "related";

  /* A relation given twice is one relation; lengths keep the key's
   * parts apart whatever characters the ids hold. */
  twice = g_strdup_printf ("%zu:%s%zu:%s%s", strlen (mg_annotation_get_id (a)), mg_annotation_get_id (a),
                           strlen (mg_annotation_get_id (b)), mg_annotation_get_id (b), type);
  if (!g_hash_table_add (self->relations, g_steal_pointer (&twice)))
    return TRUE;
  relation = mg_relation_new (NULL, type, mg_annotation_get_id (a), mg_annotation_get_id (b));
  return mg_annotation_store_add_relation (store, relation, error);
}

/**
 * _mg_annotated_parse_json:
 * @line: the line @data begins on in its file
 *
 * Parses strict JSON with bounded nesting.
 *
 * Returns: (transfer full): the value, or %NULL with an error naming the
 *   file, the line and the fault
 */
JsonNode *
_mg_annotated_parse_json (const char  *data,
                          gsize        n_bytes,
                          const char  *name,
                          guint        line,
                          GError     **error)
{
  MgJsonReader reader;
  JsonNode *node;

  mg_json_reader_init (&reader, data, n_bytes, MAX_JSON_DEPTH);
  node = mg_json_reader_read_node (&reader);
  if (node != NULL && !mg_json_reader_end (&reader))
    g_clear_pointer (&node, json_node_unref);
  if (node == NULL)
    {
      if (line > 0)
        g_set_error (error, MG_ERROR, MG_ERROR_INVALID, _("%s:%u: not valid JSON (%s)"),
                     name, line, reader.error ? reader.error : "");
      else
        g_set_error (error, MG_ERROR, MG_ERROR_INVALID, _("%s: not valid JSON (%s)"),
                     name, reader.error ? reader.error : "");
    }
  mg_json_reader_clear (&reader);

  return node;
}

/**
 * _mg_annotated_count_lines:
 *
 * Returns: the number of line feeds in @data between @from and @to
 */
guint
_mg_annotated_count_lines (const char *data,
                           gsize       from,
                           gsize       to)
{
  guint n = 0;

  for (gsize i = from; i < to; i++)
    n += data[i] == '\n';
  return n;
}

/**
 * _mg_annotated_string:
 *
 * Returns: (nullable): @member of @object when it is a string
 */
const char *
_mg_annotated_string (JsonObject *object,
                      const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/**
 * _mg_annotated_string_element:
 *
 * Returns: (nullable): element @index of @array when it is a string
 */
const char *
_mg_annotated_string_element (JsonArray *array,
                              guint      index)
{
  JsonNode *node;

  if (array == NULL || index >= json_array_get_length (array))
    return NULL;
  node = json_array_get_element (array, index);
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/**
 * _mg_annotated_int:
 *
 * Returns: %TRUE when @member of @object is a whole number
 */
gboolean
_mg_annotated_int (JsonObject *object,
                   const char *member,
                   gint64     *value)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;
  double d;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      *value = json_node_get_int (node);
      return TRUE;
    }
  if (json_node_get_value_type (node) != G_TYPE_DOUBLE)
    return FALSE;
  d = json_node_get_double (node);
  /* Only a whole number a gint64 holds: converting any other double to an
   * integer is undefined behaviour in C. */
  if (!(d >= -9007199254740992.0 && d <= 9007199254740992.0) || d != floor (d))
    return FALSE;
  *value = (gint64)d;
  return TRUE;
}

/**
 * _mg_annotated_id_string:
 *
 * Returns: (transfer full) (nullable): @member of @object, a string or a
 *   whole number, as a string
 */
char *
_mg_annotated_id_string (JsonObject *object,
                         const char *member)
{
  const char *s = _mg_annotated_string (object, member);
  gint64 n;

  if (s != NULL)
    return g_strdup (s);
  if (_mg_annotated_int (object, member, &n))
    return g_strdup_printf ("%" G_GINT64_FORMAT, n);
  return NULL;
}

/**
 * _mg_annotated_each_line:
 *
 * Calls @func with each non-blank line of JSON Lines @data, which must
 * hold one JSON object.
 *
 * Returns: %FALSE with @error set at the first line that is no JSON
 *   object or that @func refuses
 */
gboolean
_mg_annotated_each_line (const char          *data,
                         gsize                n_bytes,
                         const char          *name,
                         MgAnnotatedLineFunc  func,
                         gpointer             user_data,
                         GError             **error)
{
  const char *p = data, *end = data + n_bytes;
  guint line = 0, index = 0;

  if (n_bytes >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  for (; p < end; line++)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *line_end = nl != NULL ? nl : end;
      const char *start = p;
      g_autoptr(JsonNode) node = NULL;

      p = line_end + 1;
      while (start < line_end && g_ascii_isspace (*start))
        start++;
      if (start == line_end)
        continue;
      if ((node = _mg_annotated_parse_json (start, line_end - start, name, line + 1, error)) == NULL)
        return FALSE;
      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, MG_ERROR, MG_ERROR_INVALID,
                       _("%s:%u: not a JSON object"), name, line + 1);
          return FALSE;
        }
      if (!func (json_node_get_object (node), line + 1, index++, user_data, error))
        return FALSE;
    }

  if (index == 0)
    {
      g_set_error (error, MG_ERROR, MG_ERROR_INVALID, _("%s: no document in the file"), name);
      return FALSE;
    }
  return TRUE;
}

/**
 * _mg_annotated_set_meta:
 * @known: (array zero-terminated=1): members the importer reads itself
 *
 * Keeps the other members of @object that are strings as @document's
 * metadata, so nothing the other tool wrote about the text is lost.
 */
void
_mg_annotated_set_meta (MgDocument         *document,
                        JsonObject         *object,
                        const char * const *known)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      const char *value = _mg_annotated_string (object, key);

      if (value != NULL && !g_strv_contains (known, key))
        mg_document_set_meta_string (document, key, value);
    }
}

typedef struct
{
  MgJsonReader         reader;
  const char          *name;
  MgAnnotatedLineFunc  func;
  gpointer             user_data;
  gsize                counted;   /* bytes whose line feeds are in line */
  guint                line;
  guint                index;
} ItemWalk;

static gboolean
walk_failed (ItemWalk  *walk,
             GError   **error)
{
  g_set_error (error, MG_ERROR, MG_ERROR_INVALID, _("%s: not valid JSON (%s)"),
               walk->name, walk->reader.error ? walk->reader.error : "");
  return FALSE;
}

static gboolean
walk_item (ItemWalk  *walk,
           GError   **error)
{
  g_autoptr(JsonNode) node = NULL;

  /* Peeking skips the white space, so the line is the item's own. */
  mg_json_reader_peek (&walk->reader);
  walk->line += _mg_annotated_count_lines (walk->reader.data, walk->counted, walk->reader.pos);
  walk->counted = walk->reader.pos;
  if ((node = mg_json_reader_read_node (&walk->reader)) == NULL)
    return walk_failed (walk, error);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, MG_ERROR, MG_ERROR_INVALID, _("%s:%u: not a JSON object"),
                   walk->name, walk->line);
      return FALSE;
    }
  return walk->func (json_node_get_object (node), walk->line, walk->index++, walk->user_data, error);
}

static gboolean
walk_array (ItemWalk  *walk,
            GError   **error)
{
  if (!mg_json_reader_begin_array (&walk->reader))
    return walk_failed (walk, error);
  while (mg_json_reader_next_element (&walk->reader))
    if (!walk_item (walk, error))
      return FALSE;
  return walk->reader.error == NULL || walk_failed (walk, error);
}

/* An object whose "items" (or whose "first" page's "items") are the
 * items; any other object is one item itself. */
static gboolean
walk_object (ItemWalk   *walk,
             JsonObject *rest,
             GError    **error)
{
  const char *member;
  guint before = walk->index;

  if (!mg_json_reader_begin_object (&walk->reader))
    return walk_failed (walk, error);
  while ((member = mg_json_reader_next_member (&walk->reader)) != NULL)
    {
      g_autofree char *key = g_strdup (member);
      MgJsonKind kind = mg_json_reader_peek (&walk->reader);
      JsonNode *node;

      if (g_str_equal (key, "items") && kind == MG_JSON_ARRAY)
        {
          if (!walk_array (walk, error))
            return FALSE;
          continue;
        }
      if (g_str_equal (key, "first") && kind == MG_JSON_OBJECT)
        {
          g_autoptr(JsonObject) page = json_object_new ();

          if (!walk_object (walk, page, error))
            return FALSE;
          continue;
        }
      if ((node = mg_json_reader_read_node (&walk->reader)) == NULL)
        return walk_failed (walk, error);
      json_object_set_member (rest, key, node);
    }
  if (walk->reader.error != NULL)
    return walk_failed (walk, error);
  if (walk->index == before && rest != NULL && json_object_has_member (rest, "target"))
    return walk->func (rest, 1, walk->index++, walk->user_data, error);
  return TRUE;
}

/**
 * _mg_annotated_each_item:
 *
 * Calls @func with each item of a JSON file: the elements of a top-level
 * list, the "items" of an object or of its "first" page, or a lone object
 * that has a "target", each with the line it begins on.
 *
 * Returns: %FALSE with @error set at the first fault
 */
gboolean
_mg_annotated_each_item (const char          *data,
                         gsize                n_bytes,
                         const char          *name,
                         MgAnnotatedLineFunc  func,
                         gpointer             user_data,
                         GError             **error)
{
  ItemWalk walk = { .name = name, .func = func, .user_data = user_data, .line = 1 };
  gboolean ok;

  mg_json_reader_init (&walk.reader, data, n_bytes, MAX_JSON_DEPTH);
  switch (mg_json_reader_peek (&walk.reader))
    {
    case MG_JSON_ARRAY:
      ok = walk_array (&walk, error);
      break;
    case MG_JSON_OBJECT:
      {
        g_autoptr(JsonObject) rest = json_object_new ();

        ok = walk_object (&walk, rest, error);
      }
      break;
    default:
      mg_json_reader_fail (&walk.reader, _("not a JSON list or object"));
      ok = walk_failed (&walk, error);
    }
  if (ok && !mg_json_reader_end (&walk.reader))
    ok = walk_failed (&walk, error);
  mg_json_reader_clear (&walk.reader);

  if (ok && walk.index == 0)
    {
      g_set_error (error, MG_ERROR, MG_ERROR_INVALID, _("%s: nothing to import in the file"), name);
      return FALSE;
    }
  return ok;
}

/**
 * _mg_annotated_document_id:
 * @named: (nullable): the object whose "document_id" (as our exports
 *   write it) names the document
 * @numbered: (nullable): the object whose "id" numbers it in the other tool
 *
 * Returns: (transfer full) (nullable): the document's id: its
 *   "document_id", else the file's name and its number, else %NULL
 */
char *
_mg_annotated_document_id (JsonObject *named,
                           JsonObject *numbered,
                           const char *name)
{
  g_autofree char *id = _mg_annotated_id_string (named, "document_id");
  g_autofree char *number = NULL;
  g_autofree char *base = NULL;

  if (id != NULL)
    return g_steal_pointer (&id);
  if ((number = _mg_annotated_id_string (numbered, "id")) == NULL)
    return NULL;
  base = _mg_import_id_from_name (name);
  return g_strdup_printf ("%s-%s", base, number);
}

/**
 * _mg_annotated_import_json:
 * @lines: %TRUE for JSON Lines, a record a line; %FALSE for a JSON list
 *   of records
 * @func: reads one record into a document, with the #MgAnnotatedImport as
 *   its user data
 *
 * Returns: (transfer full) (element-type MgDocument): the documents the
 *   records make, or %NULL with @error set at the first fault
 */
GPtrArray *
_mg_annotated_import_json (const char          *data,
                           gsize                n_bytes,
                           const char          *name,
                           MgImportOptions     *options,
                           GPtrArray           *warnings,
                           gboolean             lines,
                           MgAnnotatedLineFunc  func,
                           GError             **error)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  MgAnnotatedImport import = { options, name, documents, warnings };
  gboolean ok;

  if (lines)
    ok = _mg_annotated_each_line (data, n_bytes, name, func, &import, error);
  else
    ok = _mg_annotated_each_item (data, n_bytes, name, func, &import, error);
  return ok ? g_steal_pointer (&documents) : NULL;
}

/**
 * _mg_annotated_import_begin:
 *
 * Starts the document of a record whose offsets count code points unless
 * the options say otherwise.
 *
 * Returns: (transfer full): the document in the making, or %NULL
 */
MgAnnotatedDoc *
_mg_annotated_import_begin (MgAnnotatedImport  *import,
                            guint               line,
                            const char         *text,
                            const char         *id,
                            guint               index,
                            GError            **error)
{
  return _mg_annotated_doc_new (import->options, import->name, line, text, strlen (text), id, index,
                                mg_import_options_get_offsets (import->options, MG_IMPORT_OFFSETS_CODEPOINT),
                                error);
}

/**
 * _mg_annotated_import_end:
 * @doc: (transfer full): the finished document
 * @title: (nullable): its title
 * @record: (nullable): the object whose other string members become the
 *   document's metadata
 * @known: (array zero-terminated=1) (nullable): the members of @record read
 *   otherwise
 */
void
_mg_annotated_import_end (MgAnnotatedImport  *import,
                          MgAnnotatedDoc     *doc,
                          const char         *title,
                          JsonObject         *record,
                          const char * const *known)
{
  MgDocument *document = _mg_annotated_doc_get_document (doc);

  mg_document_set_title (document, title);
  if (record != NULL)
    _mg_annotated_set_meta (document, record, known);
  g_ptr_array_add (import->documents, _mg_annotated_doc_steal (doc));
}
