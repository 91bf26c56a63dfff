/* mg-export.c: choosing a format and where its output goes
 *
 * Each format lives in its own file (mg-export-FORMAT.c) and writes
 * through an MgExportContext. This file holds what they share: the names
 * of formats, the buffered output, a JSON string escaper that is faster
 * than building a JsonNode tree for a dataset of a million spans, and the
 * atomic replacement of the target file or folder.
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
  ctx.dataset = dataset;
  ctx.offsets = offsets;
  ctx.out = out;
  ctx.buf = buf;
  ctx.progress_cb = progress_cb;
  ctx.user_data = user_data;
  ctx.cancellable = cancellable;

  if (!run_stream (&ctx, format, error))
    return FALSE;
  return _mg_export_flush (&ctx, TRUE, error) &&
         g_output_stream_flush (out, cancellable, error);
}

/**
 * mg_export_to_directory:
 * @format: a folder format (%MG_EXPORT_BRAT)
 * @dir: a local folder; created when missing
 *
 * Writes the files of @format into @dir as they are made, replacing files
 * of the same names. mg_export_to_file() is the safe way to replace a
 * previous export.
 *
 * Returns: %TRUE when all was written
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
  g_autoptr(GString) buf = NULL;
  g_autoptr(GError) local_error = NULL;
  MgExportContext ctx = { 0, };

  g_return_val_if_fail (MG_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (G_IS_FILE (dir), FALSE);

  if (!mg_export_format_is_directory (format))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("the %s format is a single file, not a folder"),
                   mg_export_format_to_string (format));
      return FALSE;
    }

  if (!g_file_make_directory_with_parents (dir, cancellable, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  buf = g_string_sized_new (FLUSH_SIZE);
  ctx.dataset = dataset;
  ctx.offsets = offsets;
  ctx.buf = buf;
  ctx.progress_cb = progress_cb;
  ctx.user_data = user_data;
  ctx.cancellable = cancellable;

  return _mg_export_brat (&ctx, dir, error);
}

/* A name beside @target that no file has yet, for writing in its place. */
static GFileOutputStream *
create_temporary (GFile         *target,
                  GFile        **tmp_out,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (target);
  g_autofree char *base = g_file_get_basename (target);

  /* Otherwise the error would name the temporary file. */
  if (parent == NULL || !g_file_query_exists (parent, NULL))
    {
      g_autofree char *name = parent ? g_file_get_parse_name (parent) : g_strdup ("/");

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("%s: no such folder"), name);
      return NULL;
    }

  for (guint attempt = 0; ; attempt++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *name = g_strdup_printf (".%s.%08x", base, g_random_int ());
      g_autoptr(GFile) tmp = g_file_get_child (parent, name);
      GFileOutputStream *stream;

      stream = g_file_create (tmp, G_FILE_CREATE_NONE, cancellable, &local_error);
      if (stream != NULL)
        {
          *tmp_out = g_steal_pointer (&tmp);
          return stream;
        }
      if (attempt >= 16 || !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
}

static gboolean
export_file_atomic (MgDataset         *dataset,
                    MgExportFormat     format,
                    MgExportOffsets    offsets,
                    GFile             *target,
                    MgExportProgress   progress_cb,
                    gpointer           user_data,
                    GCancellable      *cancellable,
                    GError           **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GFile) tmp = NULL;
  gboolean ok;

  stream = create_temporary (target, &tmp, cancellable, error);
  if (stream == NULL)
    return FALSE;

  ok = mg_export_to_stream (dataset, format, offsets, G_OUTPUT_STREAM (stream),
                            progress_cb, user_data, cancellable, error);
  /* Closing can fail too (a full disk shows up here on some systems). */
  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, ok ? error : NULL))
    ok = FALSE;
  if (ok)
    ok = g_file_move (tmp, target, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                      NULL, NULL, NULL, error);
  if (!ok)
    g_file_delete (tmp, NULL, NULL);

  return ok;
}

/* Removes a flat folder of files; a brat export has no subfolders. */
static void
remove_flat_directory (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);
        g_remove (child);
      }
  g_rmdir (path);
}

/* Whether @path may be replaced by a new export: missing, empty, or a
 * previous export (our marker, and only plain files). */
static gboolean
check_replaceable (const char  *path,
                   gboolean    *exists,
                   GError     **error)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean marked = FALSE, plain = TRUE, empty = TRUE;
  const char *name;

  *exists = g_file_test (path, G_FILE_TEST_EXISTS);
  if (!*exists)
    return TRUE;

  dir = g_dir_open (path, 0, &local_error);
  if (dir == NULL)
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
      if (!g_file_test (child, G_FILE_TEST_IS_REGULAR) ||
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

/* Moves the finished folder @tmp to @path, putting a previous export
 * aside first so that @path always holds one whole export. */
static gboolean
install_directory (const char  *tmp,
                   const char  *path,
                   gboolean     exists,
                   GError     **error)
{
  g_autofree char *old = NULL;
  int saved;

  if (exists)
    {
      g_autofree char *parent = g_path_get_dirname (path);
      g_autofree char *base = g_path_get_basename (path);
      old = g_strdup_printf ("%s/.%s.old-XXXXXX", parent, base);
      if (g_mkdtemp (old) == NULL || g_rename (path, old) != 0)
        {
          saved = errno;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       "%s: %s", path, g_strerror (saved));
          g_rmdir (old);
          return FALSE;
        }
    }

  if (g_rename (tmp, path) != 0)
    {
      saved = errno;
      if (old != NULL)
        g_rename (old, path);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "%s: %s", path, g_strerror (saved));
      return FALSE;
    }

  if (old != NULL)
    remove_flat_directory (old);
  return TRUE;
}

static gboolean
export_directory_atomic (MgDataset         *dataset,
                         MgExportFormat     format,
                         MgExportOffsets    offsets,
                         GFile             *target,
                         MgExportProgress   progress_cb,
                         gpointer           user_data,
                         GCancellable      *cancellable,
                         GError           **error)
{
  g_autofree char *path = g_file_get_path (target);
  g_autofree char *parent = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *marker = NULL;
  g_autoptr(GFile) tmp_file = NULL;
  gboolean exists;
  int saved;

  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("a folder export needs a local folder"));
      return FALSE;
    }
  if (!check_replaceable (path, &exists, error))
    return FALSE;

  parent = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp = g_strdup_printf ("%s/.%s.XXXXXX", parent, base);
  if (g_mkdtemp_full (tmp, 0755) == NULL)
    {
      saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "%s: %s", parent, g_strerror (saved));
      return FALSE;
    }

  tmp_file = g_file_new_for_path (tmp);
  marker = g_build_filename (tmp, BRAT_MARKER, NULL);
  if (!mg_export_to_directory (dataset, format, offsets, tmp_file, progress_cb,
                               user_data, cancellable, error) ||
      !g_file_set_contents (marker, "", 0, error) ||
      !check_replaceable (path, &exists, error) ||
      !install_directory (tmp, path, exists, error))
    {
      remove_flat_directory (tmp);
      return FALSE;
    }

  return TRUE;
}

/**
 * mg_export_to_file:
 * @target: the file to write, or for a folder format the folder
 *
 * Writes @dataset to @target so that @target is never seen half written:
 * a file goes to a temporary name beside it and is renamed over it; a
 * folder is made beside it and moved into place. An existing folder is
 * replaced only when empty or made by a previous export.
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
  g_return_val_if_fail (MG_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (format < MG_EXPORT_N_FORMATS, FALSE);
  g_return_val_if_fail (G_IS_FILE (target), FALSE);

  if (mg_export_format_is_directory (format))
    return export_directory_atomic (dataset, format, offsets, target, progress_cb,
                                    user_data, cancellable, error);
  return export_file_atomic (dataset, format, offsets, target, progress_cb,
                             user_data, cancellable, error);
}
