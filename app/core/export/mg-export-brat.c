/* mg-export-brat.c: a brat standoff collection
 *
 * A folder with DOC.txt and DOC.ann per document, plus annotation.conf
 * and visual.conf, which brat needs to open it. brat is Python and counts
 * code points, which is the default here; its .ann is line based, and
 * brat reads it with Python's str.splitlines(), which breaks lines not only
 * at \n and \r but at \v, \f, \x1c-\x1e, U+0085, U+2028 and U+2029 too.
 * So a span that crosses any of these is written as fragments ("start
 * end;start end", the breaks left out) and a note's breaks become spaces.
 *
 * Attributes are "A" lines: a choice or any other string as brat's
 * multi-valued attribute ("A1\tkind T3 direct"), true as a binary one
 * ("A2\tcheckable T3"), false as none, which is how brat says it. A text
 * attribute has no place in brat (its values are names from the config)
 * and is left out. annotation.conf lists every attribute written, with the
 * labels that carry it and its values, and the scheme's relation types
 * with the labels they link.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-export"

#include "config.h"

#include <string.h>

#include "mg-export-private.h"

#define MAX_NAME_BYTES 80

/* The characters at which Python's str.splitlines() ends a line. */
static gboolean
is_line_break (gunichar c)
{
  switch (c)
    {
    case '\n': case '\r': case 0x0b: case 0x0c:
    case 0x1c: case 0x1d: case 0x1e:
    case 0x85: case 0x2028: case 0x2029:
      return TRUE;
    default:
      return FALSE;
    }
}

/* A note on one .ann line: every line break a space. */
static char *
one_line (const char *text)
{
  GString *line = g_string_sized_new (strlen (text));

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_line_break (c))
        g_string_append_c (line, ' ');
      else
        g_string_append_unichar (line, c);
    }
  return g_string_free (line, FALSE);
}

/* brat type names may not hold spaces; keep them to what its config
 * parser reads without surprise. */
static char *
type_name (const char *name)
{
  char *type = g_strdup (name != NULL && *name ? name : "type");

  for (char *p = type; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      *p = '_';
  return type;
}

/* A file name from a document id: ASCII only, no leading dot, unique
 * even on a file system that ignores case. */
static char *
file_name (const char *id,
           GHashTable *taken)
{
  GString *name = g_string_new (NULL);
  g_autofree char *base = NULL;

  for (const char *p = id; *p && name->len < MAX_NAME_BYTES; p++)
    {
      char c = *p;

      if (g_ascii_isalnum (c) || c == '-' || c == '_' || (c == '.' && name->len > 0))
        g_string_append_c (name, c);
      else if (name->len == 0 || name->str[name->len - 1] != '_')
        g_string_append_c (name, '_');
    }
  if (name->len == 0 || strcmp (name->str, "_") == 0)
    g_string_assign (name, "document");
  base = g_string_free (name, FALSE);

  for (guint n = 1; ; n++)
    {
      g_autofree char *candidate = n == 1 ? g_strdup (base) : g_strdup_printf ("%s-%u", base, n);
      g_autofree char *folded = g_ascii_strdown (candidate, -1);

      if (!g_hash_table_contains (taken, folded))
        {
          g_hash_table_add (taken, g_steal_pointer (&folded));
          return g_steal_pointer (&candidate);
        }
    }
}

/* Appends "label start end;start end\ttext": one fragment per line of
 * the span, empty ones dropped. Returns FALSE when nothing is left (a
 * span of line breaks only), which brat cannot hold. */
static gboolean
append_fragments (GString         *out,
                  MgExportContext *ctx,
                  MgDocument      *doc,
                  MgAnnotation    *a)
{
  MgTextIndex *index = mg_document_get_text_index (doc);
  const char *text = mg_document_get_text (doc);
  guint end = mg_annotation_get_end (a);
  guint cp = mg_annotation_get_start (a);
  const char *p = text + mg_text_index_byte_offset (index, cp);
  g_autoptr(GString) offsets = g_string_new (NULL);
  g_autoptr(GString) quote = g_string_new (NULL);

  while (cp < end)
    {
      guint frag_start = cp;
      const char *frag = p;

      while (cp < end && !is_line_break (g_utf8_get_char (p)))
        {
          p = g_utf8_next_char (p);
          cp++;
        }
      if (cp > frag_start)
        {
          if (offsets->len > 0)
            {
              g_string_append_c (offsets, ';');
              g_string_append_c (quote, ' ');
            }
          g_string_append_printf (offsets, "%u %u",
                                  _mg_export_offset (ctx, doc, frag_start),
                                  _mg_export_offset (ctx, doc, cp));
          g_string_append_len (quote, frag, p - frag);
        }
      while (cp < end && is_line_break (g_utf8_get_char (p)))
        {
          p = g_utf8_next_char (p);
          cp++;
        }
    }

  if (offsets->len == 0)
    return FALSE;
  g_string_append_printf (out, " %s\t%s\n", offsets->str, quote->str);
  return TRUE;
}

/* An attribute as annotation.conf declares it. */
typedef struct
{
  GPtrArray *labels;   /* brat type names, owned */
  GPtrArray *values;   /* owned; empty for a binary attribute */
  gboolean   binary;
} ConfAttribute;

static void
conf_attribute_free (ConfAttribute *attribute)
{
  g_ptr_array_unref (attribute->labels);
  g_ptr_array_unref (attribute->values);
  g_free (attribute);
}

static void
add_once (GPtrArray  *list,
          const char *name)
{
  if (!g_ptr_array_find_with_equal_func (list, name, g_str_equal, NULL))
    g_ptr_array_add (list, g_strdup (name));
}

static ConfAttribute *
conf_attribute (GHashTable *table,
                GPtrArray  *order,
                const char *id)
{
  g_autofree char *name = type_name (id);
  ConfAttribute *attribute = g_hash_table_lookup (table, name);

  if (attribute == NULL)
    {
      attribute = g_new0 (ConfAttribute, 1);
      attribute->labels = g_ptr_array_new_with_free_func (g_free);
      attribute->values = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (order, g_strdup (name));
      g_hash_table_insert (table, g_steal_pointer (&name), attribute);
    }
  return attribute;
}

/* The "A" line of one attribute of span T@number, or nothing when brat
 * cannot hold it. @conf, when given, learns what was written. */
static void
append_attribute (GString       *out,
                  guint         *n_a,
                  guint          number,
                  const char    *label,
                  const char    *id,
                  JsonNode      *value,
                  const MgField *field,
                  GHashTable    *conf,
                  GPtrArray     *order)
{
  g_autofree char *name = type_name (id);
  g_autofree char *type = type_name (label);
  ConfAttribute *attribute;

  if (value == NULL || !JSON_NODE_HOLDS_VALUE (value) || (field && field->type == MG_FIELD_TEXT))
    return;
  if (json_node_get_value_type (value) == G_TYPE_BOOLEAN)
    {
      if (!json_node_get_boolean (value))
        return;
      if (out != NULL)
        g_string_append_printf (out, "A%u\t%s T%u\n", ++*n_a, name, number);
      if (conf != NULL)
        {
          attribute = conf_attribute (conf, order, id);
          attribute->binary = TRUE;
          add_once (attribute->labels, type);
        }
      return;
    }
  if (json_node_get_value_type (value) == G_TYPE_STRING && *json_node_get_string (value) != '\0')
    {
      g_autofree char *shown = type_name (json_node_get_string (value));

      if (out != NULL)
        g_string_append_printf (out, "A%u\t%s T%u %s\n", ++*n_a, name, number, shown);
      if (conf != NULL)
        {
          attribute = conf_attribute (conf, order, id);
          add_once (attribute->labels, type);
          add_once (attribute->values, shown);
        }
    }
}

/* Every attribute of @a that brat can hold, in the order of their ids. */
static void
append_attributes (GString      *out,
                   guint        *n_a,
                   guint         number,
                   MgAnnotation *a,
                   MgScheme     *scheme,
                   GHashTable   *conf,
                   GPtrArray    *order)
{
  JsonObject *attributes = mg_annotation_get_attributes (a);
  g_autoptr(GList) ids = attributes ? json_object_get_members (attributes) : NULL;

  ids = g_list_sort (ids, (GCompareFunc) strcmp);
  for (GList *l = ids; l != NULL; l = l->next)
    append_attribute (out, n_a, number, mg_annotation_get_label (a), l->data,
                      json_object_get_member (attributes, l->data),
                      mg_scheme_lookup_attribute (scheme, mg_annotation_get_label (a), l->data),
                      conf, order);
}

static GString *
make_ann (MgExportContext *ctx,
          MgDocument      *doc,
          MgScheme        *scheme)
{
  MgAnnotationStore *store = mg_document_get_store (doc);
  g_autoptr(GHashTable) numbers = g_hash_table_new (g_str_hash, g_str_equal);
  GString *out = g_string_new (NULL);
  guint n_t = 0, n_notes = 0, n_r = 0, n_a = 0;

  for (guint i = 0; i < mg_annotation_store_get_n_annotations (store); i++)
    {
      MgAnnotation *a = mg_annotation_store_get_annotation (store, i);
      g_autofree char *type = type_name (mg_annotation_get_label (a));
      const char *note = mg_annotation_get_note (a);
      gsize mark = out->len;

      g_string_append_printf (out, "T%u\t%s", n_t + 1, type);
      if (!append_fragments (out, ctx, doc, a))
        {
          g_string_truncate (out, mark);
          continue;
        }
      n_t++;
      g_hash_table_insert (numbers, (char *)mg_annotation_get_id (a), GUINT_TO_POINTER (n_t));
      append_attributes (out, &n_a, n_t, a, scheme, NULL, NULL);

      if (note != NULL && *note != '\0')
        {
          g_autofree char *line = one_line (note);

          g_string_append_printf (out, "#%u\tAnnotatorNotes T%u\t%s\n", ++n_notes, n_t, line);
        }
    }

  for (guint i = 0; i < mg_annotation_store_get_n_relations (store); i++)
    {
      MgRelation *r = mg_annotation_store_get_relation (store, i);
      guint from = GPOINTER_TO_UINT (g_hash_table_lookup (numbers, mg_relation_get_from (r)));
      guint to = GPOINTER_TO_UINT (g_hash_table_lookup (numbers, mg_relation_get_to (r)));
      g_autofree char *type = type_name (mg_relation_get_kind (r));

      if (from != 0 && to != 0)
        g_string_append_printf (out, "R%u\t%s Arg1:T%u Arg2:T%u\n", ++n_r, type, from, to);
    }

  return out;
}

/* annotation.conf's [attributes]: the scheme's choices and booleans with
 * all their values, and whatever else the spans carry. */
static void
append_conf_attributes (GString         *conf,
                        MgExportContext *ctx,
                        MgScheme        *scheme)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) conf_attribute_free);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  MgLabelSet *labels = mg_scheme_get_labels (scheme);

  for (guint i = 0; i < mg_label_set_get_n_labels (labels); i++)
    {
      const char *label = mg_label_get_id (mg_label_set_get_label (labels, i));
      GPtrArray *fields = mg_scheme_get_attributes (scheme, label);
      g_autofree char *type = type_name (label);

      for (guint j = 0; fields != NULL && j < fields->len; j++)
        {
          MgField *field = g_ptr_array_index (fields, j);
          ConfAttribute *attribute;

          if (field->type == MG_FIELD_TEXT)
            continue;
          attribute = conf_attribute (table, order, field->id);
          attribute->binary |= field->type == MG_FIELD_BOOLEAN;
          add_once (attribute->labels, type);
          for (guint k = 0; field->values[k] != NULL; k++)
            {
              g_autofree char *value = type_name (field->values[k]);

              add_once (attribute->values, value);
            }
        }
    }
  for (guint d = 0; d < mg_dataset_get_n_documents (ctx->dataset); d++)
    {
      MgAnnotationStore *store = mg_document_get_store (mg_dataset_get_document (ctx->dataset, d));

      for (guint i = 0; i < mg_annotation_store_get_n_annotations (store); i++)
        append_attributes (NULL, NULL, 0, mg_annotation_store_get_annotation (store, i),
                           scheme, table, order);
    }

  for (guint i = 0; i < order->len; i++)
    {
      const char *name = g_ptr_array_index (order, i);
      ConfAttribute *attribute = g_hash_table_lookup (table, name);

      g_string_append_printf (conf, "%s\tArg:", name);
      for (guint j = 0; j < attribute->labels->len; j++)
        g_string_append_printf (conf, "%s%s", j ? "|" : "", (char *) g_ptr_array_index (attribute->labels, j));
      /* brat's binary attributes have no values; one with both is
       * written as values, true among them. */
      if (attribute->values->len > 0)
        {
          if (attribute->binary)
            add_once (attribute->values, "true");
          g_string_append (conf, ", Value:");
          for (guint j = 0; j < attribute->values->len; j++)
            g_string_append_printf (conf, "%s%s", j ? "|" : "", (char *) g_ptr_array_index (attribute->values, j));
        }
      g_string_append_c (conf, '\n');
    }
}

static void
append_label_list (GString  *conf,
                   char    **labels)
{
  if (labels[0] == NULL)
    {
      g_string_append (conf, "<ENTITY>");
      return;
    }
  for (guint i = 0; labels[i] != NULL; i++)
    {
      g_autofree char *type = type_name (labels[i]);

      g_string_append_printf (conf, "%s%s", i ? "|" : "", type);
    }
}

/* annotation.conf's [relations]: the scheme's types with the labels each
 * links, or the built-in attributed-to between any two. */
static void
append_conf_relations (GString  *conf,
                       MgScheme *scheme)
{
  GPtrArray *types = mg_scheme_get_relation_types (scheme);

  if (!mg_scheme_has_relation_types (scheme))
    {
      g_autofree char *relation = type_name (MG_RELATION_ATTRIBUTED_TO);

      g_string_append_printf (conf, "%s\tArg1:<ENTITY>, Arg2:<ENTITY>\n", relation);
      return;
    }
  for (guint i = 0; i < types->len; i++)
    {
      MgRelationType *type = g_ptr_array_index (types, i);
      g_autofree char *name = type_name (type->id);

      g_string_append_printf (conf, "%s\tArg1:", name);
      append_label_list (conf, type->from);
      g_string_append (conf, ", Arg2:");
      append_label_list (conf, type->to);
      g_string_append_c (conf, '\n');
    }
}

static gboolean
write_conf (MgExportContext  *ctx,
            MgScheme         *scheme,
            GError          **error)
{
  MgLabelSet *labels = mg_dataset_get_labels (ctx->dataset);
  g_autoptr(GString) conf = g_string_new ("[entities]\n");
  g_autoptr(GString) visual = g_string_new ("[labels]\n");
  g_autoptr(GString) drawing = g_string_new ("[drawing]\n");

  for (guint i = 0; i < mg_label_set_get_n_labels (labels); i++)
    {
      MgLabel *label = mg_label_set_get_label (labels, i);
      g_autofree char *type = type_name (mg_label_get_id (label));
      const char *color = mg_label_get_color (label);

      g_string_append_printf (conf, "%s\n", type);
      g_string_append_printf (visual, "%s | %s\n", type, mg_label_get_name (label));
      if (color != NULL && *color == '#')
        g_string_append_printf (drawing, "%s\tbgColor:%s\n", type, color);
    }
  /* Overlaps and nesting are allowed in the dataset; brat forbids some
   * unless told. */
  g_string_append (conf, "\n[relations]\n");
  append_conf_relations (conf, scheme);
  g_string_append (conf, "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n"
                         "\n[events]\n\n[attributes]\n");
  append_conf_attributes (conf, ctx, scheme);
  g_string_append_printf (visual, "\n%s", drawing->str);

  return mg_folder_writer_add_file (ctx->folder, "annotation.conf", conf->str, conf->len, error) &&
         mg_folder_writer_add_file (ctx->folder, "visual.conf", visual->str, visual->len, error);
}

gboolean
_mg_export_brat (MgExportContext  *ctx,
                 GError          **error)
{
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(MgScheme) scheme = mg_scheme_new_from_dataset (ctx->dataset, NULL, NULL);

  if (!write_conf (ctx, scheme, error))
    return FALSE;

  for (guint d = 0; d < mg_dataset_get_n_documents (ctx->dataset); d++)
    {
      MgDocument *doc = mg_dataset_get_document (ctx->dataset, d);
      g_autofree char *base = file_name (mg_document_get_id (doc), taken);
      g_autofree char *txt = g_strconcat (base, ".txt", NULL);
      g_autofree char *ann = g_strconcat (base, ".ann", NULL);
      g_autoptr(GString) contents = make_ann (ctx, doc, scheme);

      if (!mg_folder_writer_add_file (ctx->folder, txt, mg_document_get_text (doc),
                                      mg_document_get_text_bytes (doc), error) ||
          !mg_folder_writer_add_file (ctx->folder, ann, contents->str, contents->len, error))
        return FALSE;

      if (!_mg_export_document_done (ctx, error))
        return FALSE;
    }

  return TRUE;
}
