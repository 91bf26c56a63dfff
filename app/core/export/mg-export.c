/* mg-export.c: choosing a format and where its output goes
 *
 * Each format lives in its own file (mg-export-FORMAT.c) and writes
 * through an MgExportContext. This file holds what they share: the names
 * of formats, the buffered output, a JSON string escaper that is faster
 * than building a JsonNode tree for a dataset of a million spans, and the
 * rules for replacing an earlier export; mg-file-writer.c and
 * mg-folder-writer.c replace it whole or not at all.
 *
 * Exports only read the dataset and keep no global state, so the window
 * can run one in a GTask thread while the user keeps reading (but must
 * not edit the dataset meanwhile).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-export"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "mg-export-private.h"
#include "mg-file-writer.h"
#include "mg-folder-writer.h"
#include "mg-json-writer.h"

/* Output is written in pieces of about this size. */
#define FLUSH_SIZE (64 * 1024)

/* The file a brat export leaves in its folder, so that a later export may
 * replace that folder but never one the user made. */
#define BRAT_MARKER ".marginalia-export"

static const struct
{
  const char *name;
  const char *extension;
} formats[MG_EXPORT_N_FORMATS] = {
  [MG_EXPORT_JSONL] = { "jsonl", "jsonl" },
  [MG_EXPORT_CSV] = { "csv", "csv" },
  [MG_EXPORT_BRAT] = { "brat", NULL },
  [MG_EXPORT_CONLL] = { "conll", "conll" },
  [MG_EXPORT_W3C] = { "w3c", "jsonld" },
  [MG_EXPORT_DOCCANO] = { "doccano", "jsonl" },
  [MG_EXPORT_LABEL_STUDIO] = { "label-studio", "json" },
};

/**
 * mg_export_format_parse:
 * @name: a format's name, such as "jsonl" or "label-studio"
 * @format: (out): where to store the format
 *
 * Returns: %TRUE when @name names a format
 */
gboolean
mg_export_format_parse (const char     *name,
                        MgExportFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  if (name == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (name, formats[i].name) == 0)
      {
        *format = i;
        return TRUE;
      }
  /* Spellings people type. */
  if (g_ascii_strcasecmp (name, "labelstudio") == 0)
    {
      *format = MG_EXPORT_LABEL_STUDIO;
      return TRUE;
    }
  return FALSE;
}

/**
 * mg_export_format_to_string:
 *
 * Returns: the name mg_export_format_parse() reads
 */
const char *
mg_export_format_to_string (MgExportFormat format)
{
  g_return_val_if_fail (format < MG_EXPORT_N_FORMATS, NULL);
  return formats[format].name;
}

/**
 * mg_export_format_get_extension:
 *
 * Returns: (nullable): the usual file name extension, without a dot, or
 *   %NULL for a format written as a folder
 */
const char *
mg_export_format_get_extension (MgExportFormat format)
{
  g_return_val_if_fail (format < MG_EXPORT_N_FORMATS, NULL);
  return formats[format].extension;
}

/**
 * mg_export_format_is_directory:
 *
 * Returns: whether the format is a folder of files rather than one stream
 */
gboolean
mg_export_format_is_directory (MgExportFormat format)
{
  return format == MG_EXPORT_BRAT;
}

/**
 * mg_export_offsets_parse:
 * @name: "codepoint" or "utf16"
 *
 * Returns: %TRUE when @name names a way of counting offsets
 */
gboolean
mg_export_offsets_parse (const char      *name,
                         MgExportOffsets *offsets)
{
  g_return_val_if_fail (offsets != NULL, FALSE);

  if (g_strcmp0 (name, "codepoint") == 0 || g_strcmp0 (name, "codepoints") == 0)
    *offsets = MG_EXPORT_OFFSETS_CODEPOINT;
  else if (g_strcmp0 (name, "utf16") == 0 || g_strcmp0 (name, "utf-16") == 0)
    *offsets = MG_EXPORT_OFFSETS_UTF16;
  else
    return FALSE;
  return TRUE;
}

const char *
mg_export_offsets_to_string (MgExportOffsets offsets)
{
  return offsets == MG_EXPORT_OFFSETS_UTF16 ? "utf16" : "codepoint";
}

/* Writes what is buffered once there is enough of it, or all of it. */
gboolean
_mg_export_flush (MgExportContext  *ctx,
                  gboolean          all,
                  GError          **error)
{
  if (ctx->buf->len == 0 || (!all && ctx->buf->len < FLUSH_SIZE))
    return TRUE;
  if (!g_output_stream_write_all (ctx->out, ctx->buf->str, ctx->buf->len,
                                  NULL, ctx->cancellable, error))
    return FALSE;
  g_string_truncate (ctx->buf, 0);
  return TRUE;
}

/* Called after each document: reports progress, notices a cancel, and
 * writes out what has gathered. */
gboolean
_mg_export_document_done (MgExportContext  *ctx,
                          GError          **error)
{
  ctx->n_done++;
  if (ctx->progress_cb != NULL)
    ctx->progress_cb (ctx->n_done, mg_dataset_get_n_documents (ctx->dataset),
                      ctx->user_data);
  if (g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
    return FALSE;
  if (ctx->out != NULL)
    return _mg_export_flush (ctx, FALSE, error);
  return TRUE;
}

/* A code-point offset as the export counts it. */
guint
_mg_export_offset (MgExportContext *ctx,
                   MgDocument      *document,
                   guint            offset)
{
  if (ctx->offsets == MG_EXPORT_OFFSETS_UTF16)
    return mg_text_index_utf16_offset (mg_document_get_text_index (document), offset);
  return offset;
}

/* JSON text is written by mg-json-writer.c, as datasets are: one escaper
 * and one canonical form for both. */
void
_mg_export_json_string_len (GString    *out,
                            const char *str,
                            gsize       n_bytes)
{
  mg_json_write_string_len (out, str, n_bytes);
}

void
_mg_export_json_string (GString    *out,
                        const char *str)
{
  mg_json_write_string (out, str);
}

/* Appends `"name": "value"` (no comma). */
void
_mg_export_json_member (GString    *out,
                        const char *name,
                        const char *value)
{
  _mg_export_json_string (out, name);
  g_string_append_c (out, ':');
  _mg_export_json_string (out, value);
}

void
_mg_export_json_uint (GString    *out,
                      const char *name,
                      guint       value)
{
  _mg_export_json_string (out, name);
  g_string_append_printf (out, ":%u", value);
}

/* Metadata is small and free-form: written compactly, members sorted as
 * in the dataset, so the same dataset always gives the same bytes. */
void
_mg_export_json_object (GString    *out,
                        JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);

  mg_json_write_node_compact (out, node);
}

/**
 * _mg_export_attributions:
 *
 * The store answers "attributed to whom" by a walk over all relations;
 * exporters ask it for every span, so they build this map once.
 *
 * Returns: (transfer full): annotation id -> the MgAnnotation it is
 *   attributed to (borrowed)
 */
GHashTable *
_mg_export_attributions (MgAnnotationStore *store)
{
  GHashTable *map = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < mg_annotation_store_get_n_relations (store); i++)
    {
      MgRelation *r = mg_annotation_store_get_relation (store, i);
      MgAnnotation *to;

      if (g_strcmp0 (mg_relation_get_kind (r), MG_RELATION_ATTRIBUTED_TO) != 0)
        continue;
      to = mg_annotation_store_lookup (store, mg_relation_get_to (r));
      if (to != NULL && !g_hash_table_contains (map, mg_relation_get_from (r)))
        g_hash_table_insert (map, (char *)mg_relation_get_from (r), to);
    }

  return map;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* Adds the member names of @object that @ids lacks to @extra. */
static void
add_unknown (GPtrArray  *ids,
             GPtrArray  *extra,
             JsonObject *object)
{
  g_autoptr(GList) members = object ? json_object_get_members (object) : NULL;

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_ptr_array_find_with_equal_func (ids, l->data, g_str_equal, NULL) &&
        !g_ptr_array_find_with_equal_func (extra, l->data, g_str_equal, NULL))
      g_ptr_array_add (extra, l->data);
}

static GPtrArray *
with_extra (GPtrArray *ids,
            GPtrArray *extra)
{
  g_ptr_array_sort (extra, compare_strings);
  for (guint i = 0; i < extra->len; i++)
    g_ptr_array_add (ids, g_ptr_array_index (extra, i));
  return ids;
}

/**
 * _mg_export_attribute_ids:
 *
 * The attributes a table has columns for: those the scheme declares, in
 * its order, then any other a span carries (as a brat import keeps them),
 * sorted, so that no value is left out of an export.
 *
 * Returns: (transfer container) (element-type utf8): borrowed ids
 */
GPtrArray *
_mg_export_attribute_ids (MgDataset *dataset,
                          MgScheme  *scheme)
{
  GPtrArray *ids = mg_scheme_get_attribute_ids (scheme);
  g_autoptr(GPtrArray) extra = g_ptr_array_new ();

  for (guint d = 0; d < mg_dataset_get_n_documents (dataset); d++)
    {
      MgAnnotationStore *store = mg_document_get_store (mg_dataset_get_document (dataset, d));

      for (guint i = 0; i < mg_annotation_store_get_n_annotations (store); i++)
        add_unknown (ids, extra,
                     mg_annotation_get_attributes (mg_annotation_store_get_annotation (store, i)));
    }
  return with_extra (ids, extra);
}

/**
 * _mg_export_code_ids:
 *
 * The document codes a table has columns for, as
 * _mg_export_attribute_ids() chooses attributes.
 *
 * Returns: (transfer container) (element-type utf8): borrowed ids
 */
GPtrArray *
_mg_export_code_ids (MgDataset *dataset,
                     MgScheme  *scheme)
{
  GPtrArray *ids = g_ptr_array_new ();
  GPtrArray *codes = mg_scheme_get_document_codes (scheme);
  g_autoptr(GPtrArray) extra = g_ptr_array_new ();

  for (guint i = 0; i < codes->len; i++)
    g_ptr_array_add (ids, ((MgField *) g_ptr_array_index (codes, i))->id);
  for (guint d = 0; d < mg_dataset_get_n_documents (dataset); d++)
    add_unknown (ids, extra, mg_document_get_codes (mg_dataset_get_document (dataset, d)));
  return with_extra (ids, extra);
}

/* The document's URL when it has one, else a name for its exact text. */
char *
_mg_export_document_uri (MgDocument *document)
{
  const char *url = mg_document_get_meta_string (document, "url");

  if (url != NULL && *url != '\0')
    return g_strdup (url);
  return g_strconcat ("urn:sha256:", mg_document_get_text_sha256 (document), NULL);
}

static gboolean
run_stream (MgExportContext  *ctx,
            MgExportFormat    format,
            GError          **error)
{
  switch (format)
    {
    case MG_EXPORT_JSONL:
      return _mg_export_jsonl (ctx, error);
    case MG_EXPORT_CSV:
      return _mg_export_csv (ctx, error);
    case MG_EXPORT_CONLL:
      return _mg_export_conll (ctx, error);
    case MG_EXPORT_W3C:
      return _mg_export_w3c (ctx, error);
    case MG_EXPORT_DOCCANO:
      return _mg_export_doccano (ctx, error);
    case MG_EXPORT_LABEL_STUDIO:
      return _mg_export_label_studio (ctx, error);
    case MG_EXPORT_BRAT:
    default:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("the %s format is a folder, not a single file"),
                   mg_export_format_to_string (format));
      return FALSE;
    }
}

static void
context_init (MgExportContext  *ctx,
              MgDataset        *dataset,
              MgExportOffsets   offsets,
              GString          *buf,
              MgExportProgress  progress_cb,
              gpointer          user_data,
              GCancellable     *cancellable)
{
  memset (ctx, 0, sizeof *ctx);
  ctx->dataset = dataset;
  ctx->offsets = offsets;
  ctx->buf = buf;
  ctx->progress_cb = progress_cb;
  ctx->user_data = user_data;
  ctx->cancellable = cancellable;
}

/**
 * mg_export_to_stream:
 * @dataset: the dataset, which must not change during the export
 * @format: a format that is one stream (not %MG_EXPORT_BRAT)
 * @offsets: how spans' offsets are counted in the output
 * @out: where to write; it is not closed
 * @progress_cb: (nullable): called after each document, in this thread
 * @cancellable: (nullable): checked after each document
 *
 * Writes @dataset to @out in @format. Safe to call from a worker thread.
 *
 * Returns: %TRUE when all was written
 */
gboolean
mg_export_to_stream (MgDataset         *dataset,
                     MgExportFormat     format,
                     MgExportOffsets    offsets,
                     GOutputStream     *out,
                     MgExportProgress   progress_cb,
                     gpointer           user_data,
                     GCancellable      *cancellable,
                     GError           **error)
{
  g_autoptr(GString) buf = NULL;
  MgExportContext ctx = { 0, };

  g_return_val_if_fail (MG_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (format < MG_EXPORT_N_FORMATS, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  buf = g_string_sized_new (FLUSH_SIZE + FLUSH_SIZE / 4);
  context_init (&ctx, dataset, offsets, buf, progress_cb, user_data, cancellable);
  ctx.out = out;

  if (!run_stream (&ctx, format, error))
    return FALSE;
  return _mg_export_flush (&ctx, TRUE, error) &&
         g_output_stream_flush (out, cancellable, error);
}

/* A file name a brat export writes: its per-document .txt and .ann, its
 * two config files and its marker. */
static gboolean
is_export_file (const char *name)
{
  return g_str_has_suffix (name, ".txt") || g_str_has_suffix (name, ".ann") ||
         strcmp (name, "annotation.conf") == 0 || strcmp (name, "visual.conf") == 0 ||
         strcmp (name, BRAT_MARKER) == 0;
}

/* Whether the folder @path may be replaced by a new export: empty, or a
 * previous export (our marker, and only the plain files an export
 * writes, so that nothing the user put there is lost). */
static gboolean
check_replaceable (const char  *path,
                   GError     **error)
{
  g_autoptr(GDir) dir = NULL;
  gboolean marked = FALSE, plain = TRUE, empty = TRUE;
  const char *name;

  if ((dir = g_dir_open (path, 0, NULL)) == NULL)
    {
      g_set_error (error, G_IO_ERROR,
                   g_file_test (path, G_FILE_TEST_IS_DIR) ? G_IO_ERROR_PERMISSION_DENIED
                                                          : G_IO_ERROR_NOT_DIRECTORY,
                   _("%s: exists and is not a folder this export can replace"), path);
      return FALSE;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      empty = FALSE;
      if (strcmp (name, BRAT_MARKER) == 0)
        marked = TRUE;
      if (!is_export_file (name) || !g_file_test (child, G_FILE_TEST_IS_REGULAR) ||
          g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        plain = FALSE;
    }

  if (empty || (marked && plain))
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
               _("%s: folder is not empty and was not made by an export; not replacing it"),
               path);
  return FALSE;
}

/* A folder format is written into a new folder beside the target, which
 * then takes the old one's place in one step (see mg-folder-writer.c). */
static gboolean
export_directory_atomic (MgExportContext  *ctx,
                         const char       *path,
                         GError          **error)
{
  g_autoptr(MgFolderWriter) folder = NULL;

  /* Asked before the work and again just before the old folder goes. */
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !check_replaceable (path, error))
    return FALSE;
  if ((folder = mg_folder_writer_new (path, error)) == NULL)
    return FALSE;

  ctx->folder = folder;
  return _mg_export_brat (ctx, error) &&
         mg_folder_writer_add_file (folder, BRAT_MARKER, "", 0, error) &&
         mg_folder_writer_commit (folder, check_replaceable, error);
}

/**
 * mg_export_to_path:
 * @path: the file to write, or for a folder format the folder
 *
 * Writes @dataset to @path so that @path is never seen half written, by
 * the rules of mg-file-writer.c: a file goes to a temporary name beside it
 * and is renamed over it, keeping its mode, owner and group; a folder is
 * made beside it and swapped with it; a symbolic link is followed; a
 * character device or a pipe is written as a stream; a folder where a file
 * is expected, a block device or a socket is refused. An existing folder
 * is replaced only when empty or made by a previous export.
 *
 * Returns: %TRUE when the export is in place; else %FALSE with @error
 *   set, its message beginning with @path or the file at fault in it
 */
gboolean
mg_export_to_path (MgDataset         *dataset,
                   MgExportFormat     format,
                   MgExportOffsets    offsets,
                   const char        *path,
                   MgExportProgress   progress_cb,
                   gpointer           user_data,
                   GCancellable      *cancellable,
                   GError           **error)
{
  g_autoptr(MgFileWriter) writer = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (MG_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (format < MG_EXPORT_N_FORMATS, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (mg_export_format_is_directory (format))
    {
      g_autoptr(GString) buf = g_string_new (NULL);
      MgExportContext ctx;

      context_init (&ctx, dataset, offsets, buf, progress_cb, user_data, cancellable);
      return export_directory_atomic (&ctx, path, error);
    }

  if ((writer = mg_file_writer_new (path, MG_FILE_WRITE_DEFAULT, error)) == NULL)
    return FALSE;
  if (!mg_export_to_stream (dataset, format, offsets, G_OUTPUT_STREAM (writer), progress_cb,
                            user_data, cancellable, &local_error))
    {
      /* The error of a write names the file already; a cancel does not. */
      if (!g_str_has_prefix (local_error->message, path))
        g_prefix_error (&local_error, "%s: ", path);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return mg_file_writer_commit (writer, error);
}

/**
 * mg_export_to_file:
 * @target: a local file, or for a folder format a local folder
 *
 * mg_export_to_path() for a #GFile.
 *
 * Returns: %TRUE when the export is in place
 */
gboolean
mg_export_to_file (MgDataset         *dataset,
                   MgExportFormat     format,
                   MgExportOffsets    offsets,
                   GFile             *target,
                   MgExportProgress   progress_cb,
                   gpointer           user_data,
                   GCancellable      *cancellable,
                   GError           **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (target), FALSE);

  if ((path = g_file_get_path (target)) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   mg_export_format_is_directory (format)
                     ? _("a folder export needs a local folder")
                     : _("an export needs a local file"));
      return FALSE;
    }
  return mg_export_to_path (dataset, format, offsets, path, progress_cb, user_data,
                            cancellable, error);
}

/**
 * mg_export_to_directory:
 * @format: a folder format (%MG_EXPORT_BRAT)
 * @dir: a local folder: missing, empty or an earlier export
 *
 * mg_export_to_file() for a folder format: the new folder replaces @dir
 * whole, and a folder that holds anything an export does not write is
 * refused.
 *
 * Returns: %TRUE when the export is in place
 */
gboolean
mg_export_to_directory (MgDataset         *dataset,
                        MgExportFormat     format,
                        MgExportOffsets    offsets,
                        GFile             *dir,
                        MgExportProgress   progress_cb,
                        gpointer           user_data,
                        GCancellable      *cancellable,
                        GError           **error)
{
  g_return_val_if_fail (G_IS_FILE (dir), FALSE);

  if (!mg_export_format_is_directory (format))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("the %s format is a single file, not a folder"),
                   mg_export_format_to_string (format));
      return FALSE;
    }
  return mg_export_to_file (dataset, format, offsets, dir, progress_cb, user_data,
                            cancellable, error);
}
