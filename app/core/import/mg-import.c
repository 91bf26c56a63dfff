/* mg-import.c
 *
 * The one entry point for every input format: it tells formats apart and
 * hands the bytes to the importer of that format. The importers themselves
 * live in mg-import-FORMAT.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-import"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "mg-error.h"
#include "mg-import-private.h"
#include "mg-import.h"
#include "mg-import-conll.h"
#include "mg-import-doccano.h"
#include "mg-import-html.h"
#include "mg-import-jsonl.h"
#include "mg-import-jsonl-export.h"
#include "mg-import-label-studio.h"
#include "mg-import-text.h"
#include "mg-import-w3c.h"
#include "mg-import-xml.h"
#include "mg-json-reader.h"

/* How far into the input detection looks for markup or JSON lines. */
#define DETECT_WINDOW  (64 * 1024)
#define JSONL_WINDOW   (1024 * 1024)
#define JSONL_MAX_LINES 8
#define JSONL_MAX_DEPTH 32

static const char *format_names[] = {
  [MG_IMPORT_AUTO] = "auto",
  [MG_IMPORT_TEXT] = "text",
  [MG_IMPORT_HTML] = "html",
  [MG_IMPORT_XML] = "xml",
  [MG_IMPORT_JSONL] = "jsonl",
  [MG_IMPORT_DOCCANO] = "doccano",
  [MG_IMPORT_LABEL_STUDIO] = "label-studio",
  [MG_IMPORT_W3C] = "w3c",
  [MG_IMPORT_CONLL] = "conll",
  [MG_IMPORT_JSONL_EXPORT] = "jsonl-export",
};

/**
 * mg_import_format_parse:
 * @name: "auto", "text", "html", "xml", "jsonl", or one of the annotated
 *   formats "doccano", "label-studio", "w3c", "conll", "jsonl-export"
 * @format: (out): where to store the format
 *
 * Returns: %FALSE, leaving @format alone, when @name is none of them
 */
gboolean
mg_import_format_parse (const char     *name,
                        MgImportFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  if (name == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    {
      if (strcmp (name, format_names[i]) == 0)
        {
          *format = (MgImportFormat)i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * mg_import_format_is_annotated:
 *
 * Returns: %TRUE for the formats that carry annotations, which
 *   mg_import_data_full() reads with its options
 */
gboolean
mg_import_format_is_annotated (MgImportFormat format)
{
  return format >= MG_IMPORT_DOCCANO && format <= MG_IMPORT_JSONL_EXPORT;
}

/**
 * mg_import_format_to_string:
 *
 * Returns: the name mg_import_format_parse() reads back
 */
const char *
mg_import_format_to_string (MgImportFormat format)
{
  g_return_val_if_fail ((guint)format < G_N_ELEMENTS (format_names), NULL);

  return format_names[format];
}

/* Copies the ASCII characters of a UTF-16 prefix, enough to see markup. */
static char *
narrow_utf16 (const guchar *data,
              gsize         n_bytes,
              gboolean      big_endian)
{
  GString *out = g_string_new (NULL);

  for (gsize i = 0; i + 1 < n_bytes && out->len < DETECT_WINDOW; i += 2)
    {
      guchar lo = big_endian ? data[i + 1] : data[i];
      guchar hi = big_endian ? data[i] : data[i + 1];

      g_string_append_c (out, (hi == 0 && lo != 0 && lo < 0x80) ? (char)lo : '?');
    }

  return g_string_free (out, FALSE);
}

static const char *
skip_space (const char *p,
            const char *end)
{
  while (p < end && g_ascii_isspace (*p))
    p++;
  return p;
}

static gboolean
has_prefix_nocase (const char *p,
                   const char *end,
                   const char *prefix)
{
  gsize len = strlen (prefix);

  return (gsize)(end - p) >= len && g_ascii_strncasecmp (p, prefix, len) == 0;
}

/* Skips "<?...?>" declarations and "<!-- -->" comments before the root. */
static const char *
skip_prolog (const char *p,
             const char *end)
{
  for (;;)
    {
      const char *close = NULL;

      p = skip_space (p, end);
      if (has_prefix_nocase (p, end, "<?"))
        close = g_strstr_len (p, end - p, "?>");
      else if (has_prefix_nocase (p, end, "<!--"))
        close = g_strstr_len (p, end - p, "-->");
      else
        return p;

      if (close == NULL)
        return end;
      p = close + (*close == '?' ? 2 : 3);
    }
}

/* Counts tags that only HTML has, such as "<p>" or "<div class=...>". */
static guint
count_html_tags (const char *p,
                 const char *end)
{
  static const char *tags[] = {
    "html", "head", "body", "p", "div", "br", "title", "meta", "article",
    "h1", "h2", "span", "a", "ul", "li", "table", "script", "style",
  };
  guint n = 0;

  for (; p < end; p++)
    {
      if (*p != '<')
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
        {
          gsize len = strlen (tags[i]);

          if (has_prefix_nocase (p + 1, end, tags[i])
              && p + 1 + len < end
              && (p[1 + len] == '>' || p[1 + len] == '/' || g_ascii_isspace (p[1 + len])))
            {
              n++;
              break;
            }
        }
    }

  return n;
}

/* Whether @line holds one object of strict JSON and nothing more. */
static gboolean
line_is_json_object (const char *line,
                     gsize       len)
{
  MgJsonReader reader;
  gboolean ok;

  mg_json_reader_init (&reader, line, len, JSONL_MAX_DEPTH);
  ok = mg_json_reader_peek (&reader) == MG_JSON_OBJECT &&
       mg_json_reader_skip_value (&reader) && mg_json_reader_end (&reader);
  mg_json_reader_clear (&reader);
  return ok;
}

/* TRUE when the first complete non-empty lines each hold one JSON object. */
static gboolean
looks_like_jsonl (const char *p,
                  const char *end)
{
  gboolean cut = end - p > JSONL_WINDOW;
  guint n_checked = 0;

  if (cut)
    end = p + JSONL_WINDOW;

  while (p < end && n_checked < JSONL_MAX_LINES)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *line_end = nl != NULL ? nl : end;
      const char *start = skip_space (p, line_end);

      /* A line cut by the window cannot be judged; the ones before decide. */
      if (nl == NULL && cut && n_checked > 0)
        break;
      if (start < line_end)
        {
          if (*start != '{' || !line_is_json_object (start, line_end - start))
            return FALSE;
          n_checked++;
        }
      p = line_end + 1;
    }

  return n_checked > 0;
}

static gboolean
has_array (JsonObject *o,
           const char *member)
{
  JsonNode *node = json_object_get_member (o, member);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node);
}

/* doccano's "label": a list of [start, end, label], not a text
 * classification's list of names. */
static gboolean
holds_spans (JsonObject *o,
             const char *member)
{
  JsonArray *array;
  JsonNode *first;

  if (!has_array (o, member))
    return FALSE;
  array = json_object_get_array_member (o, member);
  if (json_array_get_length (array) == 0)
    return FALSE;
  first = json_array_get_element (array, 0);
  return JSON_NODE_HOLDS_ARRAY (first) && json_array_get_length (json_node_get_array (first)) == 3;
}

/* Which tool's annotated data a record is, from the members only that
 * tool writes together; %MG_IMPORT_AUTO when none. */
static MgImportFormat
annotated_kind (JsonNode *node)
{
  JsonObject *o = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonNode *data, *type;

  if (o == NULL)
    return MG_IMPORT_AUTO;
  data = json_object_get_member (o, "data");
  if (json_object_has_member (o, "text") && has_array (o, "spans") && has_array (o, "relations"))
    return MG_IMPORT_JSONL_EXPORT;
  if (json_object_has_member (o, "text") && (has_array (o, "entities") || holds_spans (o, "label")))
    return MG_IMPORT_DOCCANO;
  if (data != NULL && JSON_NODE_HOLDS_OBJECT (data)
      && (json_object_has_member (o, "annotations") || json_object_has_member (o, "predictions")))
    return MG_IMPORT_LABEL_STUDIO;
  type = json_object_get_member (o, "type");
  if (json_object_has_member (o, "target") && type != NULL
      && json_node_get_value_type (type) == G_TYPE_STRING
      && g_strcmp0 (json_node_get_string (type), "Annotation") == 0)
    return MG_IMPORT_W3C;
  return MG_IMPORT_AUTO;
}

/* The first record of JSON Lines (@in_list FALSE) or of a JSON list. */
static MgImportFormat
first_record_kind (const char *p,
                   const char *end,
                   gboolean    in_list)
{
  const char *nl = in_list ? NULL : memchr (p, '\n', end - p);
  g_autoptr(JsonNode) node = NULL;
  MgJsonReader reader;

  mg_json_reader_init (&reader, p, (nl != NULL ? nl : end) - p, JSONL_MAX_DEPTH);
  if (!in_list || (mg_json_reader_begin_array (&reader) && mg_json_reader_next_element (&reader)))
    node = mg_json_reader_read_node (&reader);
  mg_json_reader_clear (&reader);

  return annotated_kind (node);
}

static MgImportFormat
detect_json (const char *p,
             const char *window_end,
             const char *end)
{
  MgImportFormat kind;

  if (p < window_end && *p == '[')
    return first_record_kind (p, end, TRUE);
  if (p >= window_end || *p != '{')
    return MG_IMPORT_AUTO;
  if (looks_like_jsonl (p, end))
    return (kind = first_record_kind (p, end, FALSE)) != MG_IMPORT_AUTO ? kind : MG_IMPORT_JSONL;
  /* A JSON-LD document in the Web Annotation context. */
  if (g_strstr_len (p, window_end - p, "\"http://www.w3.org/ns/anno.jsonld\"") != NULL)
    return MG_IMPORT_W3C;
  return MG_IMPORT_AUTO;
}

static MgImportFormat
detect_from_extension (const char *file_name)
{
  static const struct {
    const char     *ext;
    MgImportFormat  format;
  } exts[] = {
    { ".html", MG_IMPORT_HTML }, { ".htm", MG_IMPORT_HTML },
    { ".xhtml", MG_IMPORT_HTML }, { ".xml", MG_IMPORT_XML },
    { ".rss", MG_IMPORT_XML }, { ".atom", MG_IMPORT_XML },
    { ".jsonl", MG_IMPORT_JSONL }, { ".ndjson", MG_IMPORT_JSONL },
  };
  const char *dot;

  if (file_name == NULL || (dot = strrchr (file_name, '.')) == NULL)
    return MG_IMPORT_TEXT;

  for (guint i = 0; i < G_N_ELEMENTS (exts); i++)
    if (g_ascii_strcasecmp (dot, exts[i].ext) == 0)
      return exts[i].format;

  return MG_IMPORT_TEXT;
}

static MgImportFormat
detect_from_content (const char *data,
                     gsize       n_bytes)
{
  const char *end = data + MIN (n_bytes, DETECT_WINDOW);
  const char *p = skip_space (data, end);
  const char *root = skip_prolog (p, end);
  MgImportFormat json;

  /* JSON first: the texts it holds may quote HTML. */
  if ((json = detect_json (p, end, data + n_bytes)) != MG_IMPORT_AUTO)
    return json;
  if (has_prefix_nocase (p, end, "-DOCSTART-"))
    return MG_IMPORT_CONLL;
  if (has_prefix_nocase (root, end, "<!DOCTYPE html") || has_prefix_nocase (root, end, "<html"))
    return MG_IMPORT_HTML;
  if (has_prefix_nocase (p, end, "<?xml")
      || has_prefix_nocase (root, end, "<rss")
      || has_prefix_nocase (root, end, "<feed")
      || has_prefix_nocase (root, end, "<rdf:RDF"))
    return MG_IMPORT_XML;

  /* A fragment that opens with a tag needs one HTML tag to be taken for
   * HTML; prose that merely mentions "<p>" once should stay text. */
  if (count_html_tags (p, end) >= (p < end && *p == '<' ? 1u : 2u))
    return MG_IMPORT_HTML;

  return MG_IMPORT_AUTO;
}

/**
 * mg_import_detect:
 * @data: the input's bytes
 * @n_bytes: their number
 * @file_name: (nullable): the input's name, whose extension breaks ties
 *
 * Tells the format of an input from its first bytes: an XML declaration or
 * a feed's root element, an HTML document type or tags, lines that each
 * hold a JSON object. Annotated data is told by what only its tool
 * writes: doccano's "entities" or "label" list beside "text", Label
 * Studio's tasks with "data" and "annotations", Marginalia's own JSON
 * Lines export with "spans" and "relations", a Web Annotation's JSON-LD
 * context, CoNLL's "-DOCSTART-". Only when the content says nothing does
 * the file name's extension decide.
 *
 * Returns: the format, %MG_IMPORT_TEXT when nothing else fits
 */
MgImportFormat
mg_import_detect (const char *data,
                  gsize       n_bytes,
                  const char *file_name)
{
  const guchar *u = (const guchar *)data;
  MgImportFormat format;

  g_return_val_if_fail (data != NULL || n_bytes == 0, MG_IMPORT_TEXT);

  if (n_bytes >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
    {
      g_autofree char *narrow = narrow_utf16 (u + 2, n_bytes - 2, u[0] == 0xFE);

      format = detect_from_content (narrow, strlen (narrow));
    }
  else
    {
      if (n_bytes >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
        {
          data += 3;
          n_bytes -= 3;
        }
      format = detect_from_content (data, n_bytes);
    }

  if (format != MG_IMPORT_AUTO)
    return format;

  return detect_from_extension (file_name);
}

/**
 * mg_import_data:
 * @data: the input's bytes
 * @n_bytes: their number
 * @name: the input's file name, for messages, the document id and
 *   source.path
 * @format: the format, or %MG_IMPORT_AUTO to detect it
 * @warnings: (nullable) (element-type utf8): where to append warnings,
 *   each beginning with @name and ": "
 * @error: an %MG_ERROR whose message begins with @name and ": "
 *
 * Annotated formats are read with the default options: labels as they
 * come, offsets in the unit each tool writes; mg_import_data_full() takes
 * options.
 *
 * Returns: (transfer full) (element-type MgDocument): the documents the
 *   input holds, or %NULL on error
 */
GPtrArray *
mg_import_data (const char      *data,
                gsize            n_bytes,
                const char      *name,
                MgImportFormat   format,
                GPtrArray       *warnings,
                GError         **error)
{
  return mg_import_data_full (data, n_bytes, name, format, NULL, warnings, error);
}

static GPtrArray *
read_annotated (const char      *data,
                gsize            n_bytes,
                const char      *name,
                MgImportFormat   format,
                MgImportOptions *options,
                GPtrArray       *warnings,
                GError         **error)
{
  switch (format)
    {
    case MG_IMPORT_DOCCANO:
      return mg_import_doccano (data, n_bytes, name, options, warnings, error);
    case MG_IMPORT_LABEL_STUDIO:
      return mg_import_label_studio (data, n_bytes, name, options, warnings, error);
    case MG_IMPORT_W3C:
      return mg_import_w3c (data, n_bytes, name, options, warnings, error);
    case MG_IMPORT_CONLL:
      return mg_import_conll (data, n_bytes, name, options, warnings, error);
    case MG_IMPORT_JSONL_EXPORT:
    default:
      return mg_import_jsonl_export (data, n_bytes, name, options, warnings, error);
    }
}

/* Reads annotated data, and counts in one warning the spans whose labels
 * the person chose to leave out. */
static GPtrArray *
import_annotated (const char      *data,
                  gsize            n_bytes,
                  const char      *name,
                  MgImportFormat   format,
                  MgImportOptions *options,
                  GPtrArray       *warnings,
                  GError         **error)
{
  GPtrArray *documents;
  g_autofree char *labels = NULL;
  guint n_skipped;

  if (options != NULL)
    mg_import_options_take_skipped (options, NULL);
  documents = read_annotated (data, n_bytes, name, format, options, warnings, error);
  if (options != NULL && (n_skipped = mg_import_options_take_skipped (options, &labels)) > 0
      && documents != NULL && warnings != NULL)
    g_ptr_array_add (warnings,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%s: %u span left out, its label has no mapping (%s)",
                                                   "%s: %u spans left out, their labels have no mapping (%s)",
                                                   n_skipped),
                                      name, n_skipped, labels));
  return documents;
}

/**
 * mg_import_data_full:
 * @options: (nullable): for annotated formats: the label mapping, what
 *   becomes of unmapped labels, the unit of offsets, the dataset's labels
 *   and the texts of W3C annotations
 *
 * As mg_import_data(), with options. Errors about annotated data begin
 * with @name, a colon and the line where the fault is.
 *
 * Returns: (transfer full) (element-type MgDocument): the documents the
 *   input holds, with their annotations, or %NULL on error
 */
GPtrArray *
mg_import_data_full (const char      *data,
                     gsize            n_bytes,
                     const char      *name,
                     MgImportFormat   format,
                     MgImportOptions *options,
                     GPtrArray       *warnings,
                     GError         **error)
{
  g_return_val_if_fail (data != NULL || n_bytes == 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (data == NULL)
    data = "";
  if (format == MG_IMPORT_AUTO)
    format = mg_import_detect (data, n_bytes, name);
  if (mg_import_format_is_annotated (format))
    return import_annotated (data, n_bytes, name, format, options, warnings, error);

  switch (format)
    {
    case MG_IMPORT_HTML:
      return mg_import_html (data, n_bytes, name, warnings, error);
    case MG_IMPORT_XML:
      return mg_import_xml (data, n_bytes, name, warnings, error);
    case MG_IMPORT_JSONL:
      return mg_import_jsonl (data, n_bytes, name, warnings, error);
    case MG_IMPORT_AUTO:
    case MG_IMPORT_TEXT:
    default:
      return mg_import_text (data, n_bytes, name, warnings, error);
    }
}

/**
 * mg_import_file:
 * @path: the file to read
 * @format: its format, or %MG_IMPORT_AUTO to detect it
 * @warnings: (nullable) (element-type utf8): as for mg_import_data()
 * @error: a #G_FILE_ERROR when the file cannot be read (missing, a
 *   directory, not a regular file, no permission), %MG_ERROR_TOO_LARGE past
 *   %MG_IMPORT_MAX_FILE_SIZE, else as for mg_import_data(); the message
 *   begins with @path and ": "
 *
 * Returns: (transfer full) (element-type MgDocument): the documents, or
 *   %NULL on error
 */
GPtrArray *
mg_import_file (const char      *path,
                MgImportFormat   format,
                GPtrArray       *warnings,
                GError         **error)
{
  return mg_import_file_full (path, format, NULL, warnings, error);
}

/**
 * mg_import_file_full:
 * @options: (nullable): as for mg_import_data_full()
 *
 * As mg_import_file(), with options for annotated formats.
 *
 * Returns: (transfer full) (element-type MgDocument): the documents, or
 *   %NULL on error
 */
GPtrArray *
mg_import_file_full (const char      *path,
                     MgImportFormat   format,
                     MgImportOptions *options,
                     GPtrArray       *warnings,
                     GError         **error)
{
  g_autofree char *display = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_name (path);

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: %s", display, g_strerror (saved_errno));
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR,
                   _("%s: is a folder, not a file"), display);
      return NULL;
    }
  /* Reading a pipe or a device could block or never end. */
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("%s: not a regular file"), display);
      return NULL;
    }
  if ((guint64)st.st_size > MG_IMPORT_MAX_FILE_SIZE)
    {
      g_set_error (error, MG_ERROR, MG_ERROR_TOO_LARGE,
                   _("%s: file too large (%llu MiB; the limit is %d MiB)"),
                   display, (unsigned long long)st.st_size / (1024 * 1024),
                   MG_IMPORT_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  /* GLib's own message quotes the path again; asking first gives the
   * short "PATH: Permission denied" in the usual case. */
  if (g_access (path, R_OK) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: %s", display, g_strerror (saved_errno));
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   "%s: %s", display, local_error->message);
      return NULL;
    }

  return mg_import_data_full (contents, length, display, format, options, warnings, error);
}

/**
 * mg_import_add_to_dataset:
 * @dataset: the dataset to add to
 * @documents: (element-type MgDocument): documents, as mg_import_data()
 *   returns them
 *
 * Appends @documents to @dataset in their order; a document whose id is
 * taken gets a free one from mg_dataset_unique_id() ("id-2", "id-3", ...).
 * The labels their annotations use that @dataset lacks are added to its
 * label set first, so the dataset stays valid.
 */
void
mg_import_add_to_dataset (MgDataset *dataset,
                          GPtrArray *documents)
{
  g_return_if_fail (MG_IS_DATASET (dataset));
  g_return_if_fail (documents != NULL);

  mg_import_add_labels (mg_dataset_get_labels (dataset), documents);
  for (guint i = 0; i < documents->len; i++)
    {
      MgDocument *document = g_ptr_array_index (documents, i);
      g_autofree char *id = mg_dataset_unique_id (dataset, mg_document_get_id (document));

      if (g_strcmp0 (id, mg_document_get_id (document)) != 0)
        mg_document_set_id (document, id);
      mg_dataset_add_document (dataset, document);
    }
}
