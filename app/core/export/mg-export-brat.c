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

static GString *
make_ann (MgExportContext *ctx,
          MgDocument      *doc)
{
  MgAnnotationStore *store = mg_document_get_store (doc);
  g_autoptr(GHashTable) numbers = g_hash_table_new (g_str_hash, g_str_equal);
  GString *out = g_string_new (NULL);
  guint n_t = 0, n_notes = 0, n_r = 0;

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

static gboolean
write_conf (MgExportContext  *ctx,
            GError          **error)
{
  MgLabelSet *labels = mg_dataset_get_labels (ctx->dataset);
  g_autoptr(GString) conf = g_string_new ("[entities]\n");
  g_autoptr(GString) visual = g_string_new ("[labels]\n");
  g_autoptr(GString) drawing = g_string_new ("[drawing]\n");
  g_autofree char *relation = type_name (MG_RELATION_ATTRIBUTED_TO);

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
  g_string_append_printf (conf, "\n[relations]\n%s\tArg1:<ENTITY>, Arg2:<ENTITY>\n"
                                "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n"
                                "\n[events]\n\n[attributes]\n", relation);
  g_string_append_printf (visual, "\n%s", drawing->str);

  return mg_folder_writer_add_file (ctx->folder, "annotation.conf", conf->str, conf->len, error) &&
         mg_folder_writer_add_file (ctx->folder, "visual.conf", visual->str, visual->len, error);
}

gboolean
_mg_export_brat (MgExportContext  *ctx,
                 GError          **error)
{
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!write_conf (ctx, error))
    return FALSE;

  for (guint d = 0; d < mg_dataset_get_n_documents (ctx->dataset); d++)
    {
      MgDocument *doc = mg_dataset_get_document (ctx->dataset, d);
      g_autofree char *base = file_name (mg_document_get_id (doc), taken);
      g_autofree char *txt = g_strconcat (base, ".txt", NULL);
      g_autofree char *ann = g_strconcat (base, ".ann", NULL);
      g_autoptr(GString) contents = make_ann (ctx, doc);

      if (!mg_folder_writer_add_file (ctx->folder, txt, mg_document_get_text (doc),
                                      mg_document_get_text_bytes (doc), error) ||
          !mg_folder_writer_add_file (ctx->folder, ann, contents->str, contents->len, error))
        return FALSE;

      if (!_mg_export_document_done (ctx, error))
        return FALSE;
    }

  return TRUE;
}
