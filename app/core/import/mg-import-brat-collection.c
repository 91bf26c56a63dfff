/* mg-import-brat-collection.c: brat collections on disk
 *
 * A collection is a folder of NAME.txt files and the .ann files that
 * annotate them: NAME.ann beside its text, or, where several people coded
 * one text, NAME_CODER.ann anywhere in the folder. Each pair is read by
 * mg-import-brat.c; this file finds the pairs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-import-brat"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "mg-error.h"
#include "mg-import.h"
#include "mg-import-brat.h"
#include "mg-import-brat-private.h"

#define MAX_FOLDER_DEPTH 16

static gboolean
read_file (const char  *path,
           char       **contents,
           gsize       *length,
           GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: %s", display, g_strerror (saved_errno));
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, _("%s: not a regular file"), display);
      return FALSE;
    }
  if ((guint64)st.st_size > MG_IMPORT_MAX_FILE_SIZE)
    {
      g_set_error (error, MG_ERROR, MG_ERROR_TOO_LARGE,
                   _("%s: file too large (%llu MiB; the limit is %d MiB)"),
                   display, (unsigned long long)st.st_size / (1024 * 1024),
                   MG_IMPORT_MAX_FILE_SIZE / (1024 * 1024));
      return FALSE;
    }
  if (!g_file_get_contents (path, contents, length, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   "%s: %s", display, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* What every pair of one collection is read with. */
typedef struct {
  const char        *root;
  MgBratMap         *map;
  MgLabelSet        *labels;
  MgBratImportFlags  flags;
  GPtrArray         *warnings;
  GHashTable        *skipped;
} Collection;

/* Reads one pair, named relative to the collection's folder. */
static MgDocument *
import_pair (Collection  *c,
             const char  *text_name,
             const char  *ann_name,
             GError     **error)
{
  g_autofree char *text_path = g_build_filename (c->root, text_name, NULL);
  g_autofree char *ann_path = ann_name ? g_build_filename (c->root, ann_name, NULL) : NULL;
  g_autofree char *text = NULL;
  g_autofree char *ann = NULL;
  gsize text_bytes = 0, ann_bytes = 0;

  if (!read_file (text_path, &text, &text_bytes, error) ||
      (ann_path != NULL && !read_file (ann_path, &ann, &ann_bytes, error)))
    return NULL;
  return _mg_import_brat_data (text, text_bytes, text_name, ann, ann_bytes, ann_name,
                               c->map, c->labels, c->flags, c->skipped, c->warnings, error);
}

static gboolean
has_suffix (const char *name,
            const char *suffix)
{
  return g_str_has_suffix (name, suffix) && strlen (name) > strlen (suffix);
}

/* Collects the relative paths of .txt and .ann files under @root. */
static void
walk (const char *root,
      const char *rel,
      guint       depth,
      GPtrArray  *texts,
      GPtrArray  *anns)
{
  g_autofree char *path = g_build_filename (root, rel, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child_rel = *rel ? g_build_filename (rel, name, NULL) : g_strdup (name);
      g_autofree char *child = g_build_filename (root, child_rel, NULL);

      if (name[0] == '.')
        continue;
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        {
          if (depth < MAX_FOLDER_DEPTH)
            walk (root, child_rel, depth + 1, texts, anns);
        }
      else if (has_suffix (name, ".txt"))
        g_ptr_array_add (texts, g_steal_pointer (&child_rel));
      else if (has_suffix (name, ".ann"))
        g_ptr_array_add (anns, g_steal_pointer (&child_rel));
    }
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* The base name of @path without its extension. */
static char *
stem_of (const char *path)
{
  char *base = g_path_get_basename (path);

  *strrchr (base, '.') = '\0';
  return base;
}

/* Of the texts named @stem, the one in @dir, else the first. */
static const char *
pick_text (GHashTable *texts_by_stem,
           const char *stem,
           const char *dir)
{
  GPtrArray *candidates = g_hash_table_lookup (texts_by_stem, stem);

  if (candidates == NULL)
    return NULL;
  for (guint i = 0; i < candidates->len; i++)
    {
      g_autofree char *text_dir = g_path_get_dirname (candidates->pdata[i]);

      if (strcmp (text_dir, dir) == 0)
        return candidates->pdata[i];
    }
  return candidates->pdata[0];
}

/* The text @ann_rel annotates: NAME.txt for NAME.ann or, in the layout
 * where each annotator's file is named after the text and the annotator
 * (NAME_ANNOTATOR.ann), NAME.txt; in the .ann's folder first, else
 * anywhere in the collection. Sets @suffix to what followed NAME. */
static const char *
text_for (GHashTable  *texts_by_stem,
          const char  *ann_rel,
          char       **suffix)
{
  g_autofree char *full = stem_of (ann_rel);
  g_autofree char *stem = g_strdup (full);
  g_autofree char *dir = g_path_get_dirname (ann_rel);
  const char *text;

  *suffix = NULL;
  while ((text = pick_text (texts_by_stem, stem, dir)) == NULL)
    {
      char *cut = strrchr (stem, '_');

      if (cut == NULL || cut == stem)
        return NULL;
      *cut = '\0';
    }
  if (strlen (stem) < strlen (full))
    *suffix = g_strdup (full + strlen (stem) + 1);
  return text;
}

/* Each text, with the .ann files that annotate it, in name order. */
static GHashTable *
match_files (GPtrArray  *texts,
             GPtrArray  *anns,
             GHashTable *suffixes,
             GPtrArray  *warnings)
{
  g_autoptr(GHashTable) by_stem = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify)g_ptr_array_unref);
  GHashTable *anns_of = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                               (GDestroyNotify)g_ptr_array_unref);

  for (guint i = 0; i < texts->len; i++)
    {
      char *stem = stem_of (texts->pdata[i]);
      GPtrArray *list = g_hash_table_lookup (by_stem, stem);

      if (list == NULL)
        g_hash_table_insert (by_stem, stem, (list = g_ptr_array_new ()));
      else
        g_free (stem);
      g_ptr_array_add (list, texts->pdata[i]);
      g_hash_table_insert (anns_of, texts->pdata[i], g_ptr_array_new ());
    }
  for (guint i = 0; i < anns->len; i++)
    {
      char *suffix = NULL;
      const char *text = text_for (by_stem, anns->pdata[i], &suffix);

      if (text == NULL)
        {
          if (warnings != NULL)
            g_ptr_array_add (warnings, g_strdup_printf (_("%s: no .txt file with its name, left out"),
                                                        (const char *)anns->pdata[i]));
          continue;
        }
      g_ptr_array_add (g_hash_table_lookup (anns_of, text), anns->pdata[i]);
      if (suffix != NULL)
        g_hash_table_insert (suffixes, anns->pdata[i], suffix);
    }
  return anns_of;
}

/* Imports one pair of a collection. Only a refusal by the map, or any
 * problem in strict mode, stops the collection; a file that cannot be
 * read is a warning naming it. */
static gboolean
import_member (Collection  *c,
               const char  *text,
               const char  *ann,
               const char  *annotator,
               GPtrArray   *documents,
               GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  MgDocument *doc = import_pair (c, text, ann, &local_error);

  if (doc == NULL)
    {
      if ((c->flags & MG_BRAT_IMPORT_STRICT) || g_error_matches (local_error, MG_ERROR, MG_ERROR_INVALID))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (c->warnings != NULL)
        g_ptr_array_add (c->warnings, g_strdup (local_error->message));
      return TRUE;
    }
  if (annotator != NULL)
    mg_document_set_meta_string (doc, "annotator", annotator);
  g_ptr_array_add (documents, doc);
  return TRUE;
}

static GPtrArray *
import_folder (Collection    *c,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) anns = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) suffixes = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  g_autoptr(GHashTable) anns_of = NULL;
  g_autofree char *display = g_filename_display_name (c->root);

  walk (c->root, "", 0, texts, anns);
  g_ptr_array_sort (texts, compare_paths);
  g_ptr_array_sort (anns, compare_paths);
  if (texts->len == 0)
    {
      g_set_error (error, MG_ERROR, MG_ERROR_EMPTY, _("%s: no brat .txt file in the folder"), display);
      return NULL;
    }
  anns_of = match_files (texts, anns, suffixes, c->warnings);
  for (guint i = 0; i < texts->len; i++)
    {
      GPtrArray *list = g_hash_table_lookup (anns_of, texts->pdata[i]);

      for (guint j = 0; j < MAX (list->len, 1); j++)
        {
          const char *ann = list->len ? list->pdata[j] : NULL;

          if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
              !import_member (c, texts->pdata[i], ann, g_hash_table_lookup (suffixes, ann),
                              documents, error))
            return NULL;
        }
    }
  _mg_import_brat_report_skipped (c->skipped, display, c->warnings);
  return g_steal_pointer (&documents);
}

/* A single .ann or .txt: its partner is beside it. */
static GPtrArray *
import_single (Collection  *c,
               const char  *path,
               GError     **error)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) anns = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) suffixes = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  g_autoptr(GHashTable) anns_of = NULL;
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer text, list;

  walk (c->root, "", MAX_FOLDER_DEPTH, texts, anns);
  anns_of = match_files (texts, anns, suffixes, NULL);
  g_hash_table_iter_init (&iter, anns_of);
  while (g_hash_table_iter_next (&iter, &text, &list))
    {
      GPtrArray *mine = list;
      guint j;

      if (has_suffix (base, ".ann") && g_ptr_array_find_with_equal_func (mine, base, g_str_equal, &j))
        {
          if (!import_member (c, text, base, g_hash_table_lookup (suffixes, base), documents, error))
            return NULL;
          _mg_import_brat_report_skipped (c->skipped, base, c->warnings);
          return g_steal_pointer (&documents);
        }
      if (strcmp (text, base) != 0)
        continue;
      for (j = 0; j < MAX (mine->len, 1); j++)
        if (!import_member (c, base, mine->len ? mine->pdata[j] : NULL,
                            mine->len ? g_hash_table_lookup (suffixes, mine->pdata[j]) : NULL,
                            documents, error))
          return NULL;
      _mg_import_brat_report_skipped (c->skipped, base, c->warnings);
      return g_steal_pointer (&documents);
    }
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
               has_suffix (base, ".ann") ? _("%s: no .txt file with its name beside it")
                                         : _("%s: no such file"), path);
  return NULL;
}

/**
 * mg_import_brat:
 * @path: a folder holding a brat collection (searched to a depth of 16),
 *   a .ann file, or a .txt file
 * @map: the types to labels map
 * @labels: the dataset's labels, which the map may add to
 * @flags: whether a line that cannot be read fails the import
 * @warnings: (nullable) (element-type utf8): where to add warnings, each
 *   naming the file and the line
 * @cancellable: (nullable): to stop between documents
 * @error: return location for an error
 *
 * Imports a brat collection: each .txt with every .ann that annotates it,
 * one document per .ann (NAME.ann beside NAME.txt, or NAME_ANNOTATOR.ann
 * anywhere in the collection, whose annotator goes into meta.annotator),
 * and texts without annotations as documents without any. See
 * mg_import_brat_data() for how each pair is read.
 *
 * Returns: (transfer full) (element-type MgDocument): the documents, or
 *   %NULL with @error set
 */
GPtrArray *
mg_import_brat (const char         *path,
                MgBratMap          *map,
                MgLabelSet         *labels,
                MgBratImportFlags   flags,
                GPtrArray          *warnings,
                GCancellable       *cancellable,
                GError            **error)
{
  g_autoptr(GHashTable) skipped = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *root = NULL;
  Collection c = { NULL, map, labels, flags, warnings, skipped };

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (map != NULL, NULL);
  g_return_val_if_fail (MG_IS_LABEL_SET (labels), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      c.root = path;
      return import_folder (&c, cancellable, error);
    }
  if (has_suffix (path, ".ann") || has_suffix (path, ".txt"))
    {
      root = g_path_get_dirname (path);
      c.root = root;
      return import_single (&c, path, error);
    }
  g_set_error (error, MG_ERROR, MG_ERROR_UNSUPPORTED,
               _("%s: not a brat .ann or .txt file, nor a folder of them"), path);
  return NULL;
}

/**
 * mg_import_brat_is_collection:
 * @path: a file or folder
 *
 * Returns: %TRUE when @path is a .ann file or a folder with .ann files in
 *   it (searched to a depth of 16), which only brat writes
 */
gboolean
mg_import_brat_is_collection (const char *path)
{
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(GPtrArray) anns = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    return has_suffix (path, ".ann") && g_file_test (path, G_FILE_TEST_IS_REGULAR);
  texts = g_ptr_array_new_with_free_func (g_free);
  anns = g_ptr_array_new_with_free_func (g_free);
  walk (path, "", 0, texts, anns);
  return anns->len > 0;
}
