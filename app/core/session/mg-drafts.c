/* mg-drafts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A draft is the whole dataset as it stood a few seconds after the last
 * change, written beside a small JSON sidecar that says which file it belongs
 * to and when it was written. Each open dataset has one draft, named by a key:
 * a hash of the dataset's path, or a random id for a dataset never saved. The
 * dataset file is written first and the sidecar second, both atomically, so a
 * crash at any moment leaves either the old pair, the new pair, or a new
 * dataset with the old sidecar: never a torn file. The dataset may be
 * streamed to its file a part at a time (mg_drafts_begin_write()), so a big
 * one is never whole in memory.
 */

#define G_LOG_DOMAIN "mg-drafts"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "mg-dataset-io.h"
#include "mg-drafts.h"

#define DATASET_SUFFIX ".json"
#define SIDECAR_SUFFIX ".info"
#define MAX_KEY_LENGTH 80
/* A sidecar holds a path and a few numbers; anything bigger is not ours. */
#define MAX_SIDECAR_BYTES (64 * 1024)

struct _MgDraft
{
  GObject parent_instance;

  char      *key;
  char      *original_path;  /* nullable: the dataset was never saved */
  GDateTime *saved;          /* nullable until read back from disk */
  gint64     original_mtime_usec;
  gint64     original_size;
  guint      n_documents;
  guint      n_annotations;
  guint      has_stamp : 1;
};

struct _MgDrafts
{
  GObject parent_instance;

  /* Immutable after construction, so writes may run in a worker thread. */
  char *dir;
};

G_DEFINE_FINAL_TYPE (MgDraft, mg_draft, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (MgDrafts, mg_drafts, G_TYPE_OBJECT)

static void
mg_draft_finalize (GObject *object)
{
  MgDraft *self = (MgDraft *)object;

  g_free (self->key);
  g_free (self->original_path);
  g_clear_pointer (&self->saved, g_date_time_unref);

  G_OBJECT_CLASS (mg_draft_parent_class)->finalize (object);
}

static void
mg_draft_class_init (MgDraftClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mg_draft_finalize;
}

static void
mg_draft_init (MgDraft *self)
{
}

/**
 * mg_draft_new:
 * @key: a key from mg_drafts_key_for_path() or mg_drafts_new_key()
 * @original_path: (nullable): the dataset file the work belongs to
 *
 * Describes a draft about to be written with mg_drafts_write().
 *
 * Returns: (transfer full): a new draft description
 */
MgDraft *
mg_draft_new (const char *key,
              const char *original_path)
{
  MgDraft *self;

  g_return_val_if_fail (mg_drafts_key_is_valid (key), NULL);

  self = g_object_new (MG_TYPE_DRAFT, NULL);
  self->key = g_strdup (key);
  self->original_path = g_strdup (original_path);

  return self;
}

const char *
mg_draft_get_key (MgDraft *self)
{
  g_return_val_if_fail (MG_IS_DRAFT (self), NULL);
  return self->key;
}

/**
 * mg_draft_get_original_path:
 *
 * Returns: (nullable): the path of the dataset file, or %NULL when the work
 *   was never saved
 */
const char *
mg_draft_get_original_path (MgDraft *self)
{
  g_return_val_if_fail (MG_IS_DRAFT (self), NULL);
  return self->original_path;
}

/**
 * mg_draft_get_saved:
 *
 * Returns: (transfer none) (nullable): when a listed draft was written
 */
GDateTime *
mg_draft_get_saved (MgDraft *self)
{
  g_return_val_if_fail (MG_IS_DRAFT (self), NULL);
  return self->saved;
}

guint
mg_draft_get_n_documents (MgDraft *self)
{
  g_return_val_if_fail (MG_IS_DRAFT (self), 0);
  return self->n_documents;
}

guint
mg_draft_get_n_annotations (MgDraft *self)
{
  g_return_val_if_fail (MG_IS_DRAFT (self), 0);
  return self->n_annotations;
}

/**
 * mg_draft_set_counts:
 *
 * Records the size of the work, so a recovery prompt can describe it without
 * loading the whole draft.
 */
void
mg_draft_set_counts (MgDraft *self,
                     guint    n_documents,
                     guint    n_annotations)
{
  g_return_if_fail (MG_IS_DRAFT (self));
  self->n_documents = n_documents;
  self->n_annotations = n_annotations;
}

/**
 * mg_draft_get_original_stamp:
 * @mtime_usec: (out) (optional): modification time of the original file
 * @size: (out) (optional): its size in bytes
 *
 * The stamp is how the original file looked when the work was loaded or last
 * saved; a window restoring the draft compares it with the file on disk to
 * know whether someone else changed the file meanwhile.
 *
 * Returns: %TRUE if the draft records a stamp
 */
gboolean
mg_draft_get_original_stamp (MgDraft *self,
                             gint64  *mtime_usec,
                             gint64  *size)
{
  g_return_val_if_fail (MG_IS_DRAFT (self), FALSE);

  if (mtime_usec != NULL)
    *mtime_usec = self->original_mtime_usec;
  if (size != NULL)
    *size = self->original_size;
  return self->has_stamp;
}

void
mg_draft_set_original_stamp (MgDraft *self,
                             gint64   mtime_usec,
                             gint64   size)
{
  g_return_if_fail (MG_IS_DRAFT (self));
  self->original_mtime_usec = mtime_usec;
  self->original_size = size;
  self->has_stamp = TRUE;
}

/**
 * mg_drafts_get_default_dir:
 *
 * Returns: (transfer full): the folder drafts live in, under the user's data
 *   folder; it may not exist yet
 */
char *
mg_drafts_get_default_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "marginalia", "drafts", NULL);
}

/**
 * mg_drafts_key_for_path:
 * @path: a dataset file, absolute or relative to the current folder
 *
 * The same file always gives the same key, so the draft of a dataset that is
 * opened again replaces the old one instead of piling up.
 *
 * Returns: (transfer full): the draft key of @path
 */
char *
mg_drafts_key_for_path (const char *path)
{
  g_autofree char *canonical = NULL;
  g_autofree char *hash = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  canonical = g_canonicalize_filename (path, NULL);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, canonical, -1);
  /* 160 bits is plenty to keep the files of one user apart. */
  hash[40] = '\0';
  return g_strconcat ("file-", hash, NULL);
}

/**
 * mg_drafts_new_key:
 *
 * Returns: (transfer full): a fresh key for a dataset that has no file yet
 */
char *
mg_drafts_new_key (void)
{
  g_autofree char *uuid = g_uuid_string_random ();

  return g_strconcat ("new-", uuid, NULL);
}

/**
 * mg_drafts_key_is_valid:
 *
 * Keys become file names, so only lower-case letters, digits and dashes are
 * allowed: no separators, no dot files, nothing that escapes the folder.
 *
 * Returns: %TRUE if @key can name a draft
 */
gboolean
mg_drafts_key_is_valid (const char *key)
{
  gsize n = 0;

  if (key == NULL || !g_ascii_isalnum (key[0]))
    return FALSE;
  for (const char *p = key; *p != '\0'; p++, n++)
    {
      if (!(g_ascii_isdigit (*p) || g_ascii_islower (*p) || *p == '-'))
        return FALSE;
    }
  return n <= MAX_KEY_LENGTH;
}

static void
mg_drafts_finalize (GObject *object)
{
  MgDrafts *self = (MgDrafts *)object;

  g_free (self->dir);

  G_OBJECT_CLASS (mg_drafts_parent_class)->finalize (object);
}

static void
mg_drafts_class_init (MgDraftsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mg_drafts_finalize;
}

static void
mg_drafts_init (MgDrafts *self)
{
}

/**
 * mg_drafts_new:
 * @dir: (nullable): the folder to keep drafts in, or %NULL for the default
 *
 * Returns: (transfer full): the drafts kept in @dir
 */
MgDrafts *
mg_drafts_new (const char *dir)
{
  MgDrafts *self = g_object_new (MG_TYPE_DRAFTS, NULL);

  self->dir = dir != NULL ? g_strdup (dir) : mg_drafts_get_default_dir ();
  return self;
}

const char *
mg_drafts_get_dir (MgDrafts *self)
{
  g_return_val_if_fail (MG_IS_DRAFTS (self), NULL);
  return self->dir;
}

static char *
build_path (MgDrafts   *self,
            const char *key,
            const char *suffix)
{
  g_autofree char *name = g_strconcat (key, suffix, NULL);

  return g_build_filename (self->dir, name, NULL);
}

/**
 * mg_drafts_get_dataset_path:
 *
 * Returns: (transfer full): where the dataset of draft @key is written
 */
char *
mg_drafts_get_dataset_path (MgDrafts   *self,
                            const char *key)
{
  g_return_val_if_fail (MG_IS_DRAFTS (self), NULL);
  g_return_val_if_fail (mg_drafts_key_is_valid (key), NULL);

  return build_path (self, key, DATASET_SUFFIX);
}

static GBytes *
sidecar_to_bytes (MgDraft *draft)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *saved = g_date_time_format_iso8601 (now);
  char *json;
  gsize length;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, MG_DRAFT_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, MG_DRAFT_VERSION);
  json_builder_set_member_name (builder, "original");
  if (draft->original_path != NULL)
    json_builder_add_string_value (builder, draft->original_path);
  else
    json_builder_add_null_value (builder);
  if (draft->has_stamp)
    {
      json_builder_set_member_name (builder, "original_mtime_usec");
      json_builder_add_int_value (builder, draft->original_mtime_usec);
      json_builder_set_member_name (builder, "original_size");
      json_builder_add_int_value (builder, draft->original_size);
    }
  json_builder_set_member_name (builder, "saved");
  json_builder_add_string_value (builder, saved);
  json_builder_set_member_name (builder, "documents");
  json_builder_add_int_value (builder, draft->n_documents);
  json_builder_set_member_name (builder, "annotations");
  json_builder_add_int_value (builder, draft->n_annotations);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json = json_generator_to_data (generator, &length);
  /* Keep the final newline every text file of the project ends with. */
  json = g_realloc (json, length + 2);
  json[length++] = '\n';
  json[length] = '\0';

  return g_bytes_new_take (json, length);
}

/**
 * mg_drafts_begin_write:
 * @draft: names the draft and what it belongs to
 *
 * Starts writing the draft @draft describes as a stream: write the
 * serialised dataset to the returned writer, a part at a time, then call
 * mg_drafts_finish_write(). A writer dropped before that leaves the
 * previous draft whole and no temporary file. Safe to call from a worker
 * thread.
 *
 * Returns: (transfer full) (nullable): the writer of the draft's dataset,
 *   or %NULL with @error set
 */
MgFileWriter *
mg_drafts_begin_write (MgDrafts  *self,
                       MgDraft   *draft,
                       GError   **error)
{
  g_autofree char *dataset_path = NULL;

  g_return_val_if_fail (MG_IS_DRAFTS (self), NULL);
  g_return_val_if_fail (MG_IS_DRAFT (draft), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Drafts hold the user's unpublished work: keep them private. */
  if (g_mkdir_with_parents (self->dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot create the drafts folder %s: %s"),
                   self->dir, g_strerror (saved_errno));
      return NULL;
    }

  dataset_path = build_path (self, draft->key, DATASET_SUFFIX);
  return mg_file_writer_new (dataset_path, MG_FILE_WRITE_PRIVATE, error);
}

/**
 * mg_drafts_finish_write:
 * @writer: from mg_drafts_begin_write(), holding the whole dataset
 *
 * Puts the dataset in place, then the sidecar, both atomically: an
 * interrupted write leaves the previous draft whole. @writer is closed
 * either way.
 *
 * Returns: %TRUE on success
 */
gboolean
mg_drafts_finish_write (MgDrafts      *self,
                        MgDraft       *draft,
                        MgFileWriter  *writer,
                        GError       **error)
{
  g_autofree char *sidecar_path = NULL;
  g_autoptr(GBytes) sidecar = NULL;

  g_return_val_if_fail (MG_IS_DRAFTS (self), FALSE);
  g_return_val_if_fail (MG_IS_DRAFT (draft), FALSE);
  g_return_val_if_fail (MG_IS_FILE_WRITER (writer), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  sidecar_path = build_path (self, draft->key, SIDECAR_SUFFIX);
  sidecar = sidecar_to_bytes (draft);

  return mg_file_writer_commit (writer, error) &&
         mg_file_write_bytes (sidecar_path, sidecar, MG_FILE_WRITE_PRIVATE, error);
}

/**
 * mg_drafts_write:
 * @draft: names the draft and what it belongs to
 * @dataset_bytes: the serialised dataset, from mg_dataset_to_bytes()
 *
 * Writes or replaces the draft @draft describes, all at once: the streamed
 * write of mg_drafts_begin_write() with a single part. Safe to call from a
 * worker thread as long as nobody changes @draft meanwhile.
 *
 * Returns: %TRUE on success
 */
gboolean
mg_drafts_write (MgDrafts  *self,
                 MgDraft   *draft,
                 GBytes    *dataset_bytes,
                 GError   **error)
{
  g_autoptr(MgFileWriter) writer = NULL;
  const void *data;
  gsize n_bytes;

  g_return_val_if_fail (MG_IS_DRAFTS (self), FALSE);
  g_return_val_if_fail (MG_IS_DRAFT (draft), FALSE);
  g_return_val_if_fail (dataset_bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((writer = mg_drafts_begin_write (self, draft, error)) == NULL)
    return FALSE;
  data = g_bytes_get_data (dataset_bytes, &n_bytes);
  return g_output_stream_write_all (G_OUTPUT_STREAM (writer), data, n_bytes, NULL, NULL, error) &&
         mg_drafts_finish_write (self, draft, writer, error);
}

static gint64
member_int (JsonObject *object,
            const char *name,
            gint64      fallback)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    return fallback;
  return json_node_get_int (node);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static GDateTime *
file_mtime (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return NULL;
  return g_date_time_new_from_unix_utc (st.st_mtime);
}

/* Reads the sidecar of @key, or makes up a description from the dataset file
 * alone when the sidecar is missing or damaged: the work matters more than
 * its label. Returns NULL when there is no dataset file to recover. */
static MgDraft *
read_draft (MgDrafts   *self,
            const char *key)
{
  g_autofree char *dataset_path = build_path (self, key, DATASET_SUFFIX);
  g_autofree char *sidecar_path = build_path (self, key, SIDECAR_SUFFIX);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(MgDraft) draft = NULL;
  JsonObject *object;
  JsonNode *root;
  const char *saved;
  gsize length = 0;

  if (!g_file_test (dataset_path, G_FILE_TEST_IS_REGULAR))
    return NULL;

  draft = mg_draft_new (key, NULL);
  draft->saved = file_mtime (dataset_path);

  if (!g_file_get_contents (sidecar_path, &contents, &length, &error) ||
      length > MAX_SIDECAR_BYTES ||
      !json_parser_load_from_data (parser, contents, length, &error) ||
      (root = json_parser_get_root (parser)) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_debug ("Draft %s has no readable sidecar: %s", key,
               error != NULL ? error->message : "not an object");
      return g_steal_pointer (&draft);
    }

  object = json_node_get_object (root);
  if (g_strcmp0 (member_string (object, "format"), MG_DRAFT_FORMAT) != 0 ||
      member_int (object, "version", 0) != MG_DRAFT_VERSION)
    {
      g_debug ("Draft %s has a sidecar of an unknown format", key);
      return g_steal_pointer (&draft);
    }

  draft->original_path = g_strdup (member_string (object, "original"));
  if ((saved = member_string (object, "saved")) != NULL)
    {
      GDateTime *when = g_date_time_new_from_iso8601 (saved, NULL);

      if (when != NULL)
        {
          g_clear_pointer (&draft->saved, g_date_time_unref);
          draft->saved = when;
        }
    }
  draft->n_documents = CLAMP (member_int (object, "documents", 0), 0, G_MAXUINT);
  draft->n_annotations = CLAMP (member_int (object, "annotations", 0), 0, G_MAXUINT);
  if (json_object_has_member (object, "original_mtime_usec"))
    mg_draft_set_original_stamp (draft,
                                 member_int (object, "original_mtime_usec", 0),
                                 member_int (object, "original_size", -1));

  return g_steal_pointer (&draft);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  MgDraft *da = *(MgDraft * const *)a;
  MgDraft *db = *(MgDraft * const *)b;

  if (da->saved == NULL || db->saved == NULL)
    return (da->saved == NULL) - (db->saved == NULL);
  return g_date_time_compare (db->saved, da->saved);
}

/**
 * mg_drafts_list:
 *
 * Finds the drafts in the folder, typically at start-up after a crash. Files
 * that are not drafts (temporary files of an interrupted write, foreign
 * names) are skipped. A missing folder is no error: there are no drafts.
 *
 * Returns: (transfer container) (element-type MgDraft): the drafts, newest
 *   first, or %NULL if the folder cannot be read
 */
GPtrArray *
mg_drafts_list (MgDrafts  *self,
                GError   **error)
{
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (MG_IS_DRAFTS (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(dir = g_dir_open (self->dir, 0, &local_error)))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&drafts);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *key = NULL;
      MgDraft *draft;

      if (!g_str_has_suffix (name, DATASET_SUFFIX))
        continue;
      key = g_strndup (name, strlen (name) - strlen (DATASET_SUFFIX));
      if (!mg_drafts_key_is_valid (key))
        continue;
      if ((draft = read_draft (self, key)) != NULL)
        g_ptr_array_add (drafts, draft);
    }

  g_ptr_array_sort (drafts, compare_newest_first);
  return g_steal_pointer (&drafts);
}

/**
 * mg_drafts_lookup:
 *
 * Returns: (transfer full) (nullable): the draft of @key, if there is one
 */
MgDraft *
mg_drafts_lookup (MgDrafts   *self,
                  const char *key)
{
  g_return_val_if_fail (MG_IS_DRAFTS (self), NULL);
  g_return_val_if_fail (mg_drafts_key_is_valid (key), NULL);

  return read_draft (self, key);
}

/**
 * mg_drafts_load:
 *
 * Reads the dataset a draft holds. It is checked like any dataset file, so a
 * draft damaged on disk is refused with the loader's error.
 *
 * Returns: (transfer full) (nullable): the dataset, or %NULL with @error set
 */
MgDataset *
mg_drafts_load (MgDrafts  *self,
                MgDraft   *draft,
                GError   **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (MG_IS_DRAFTS (self), NULL);
  g_return_val_if_fail (MG_IS_DRAFT (draft), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = build_path (self, draft->key, DATASET_SUFFIX);
  return mg_dataset_load_file (path, error);
}

/* A draft whose folder is missing, or is not a folder, is not there. */
static gboolean
remove_if_present (const char  *path,
                   GError     **error)
{
  if (g_remove (path) != 0 && errno != ENOENT && errno != ENOTDIR)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot remove the draft %s: %s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/**
 * mg_drafts_discard:
 *
 * Removes the draft of @key, after a successful save or when the user chose
 * to discard the work. Discarding a draft that does not exist succeeds.
 * The dataset goes first: a sidecar left alone is ignored by mg_drafts_list().
 *
 * Returns: %TRUE on success
 */
gboolean
mg_drafts_discard (MgDrafts    *self,
                   const char  *key,
                   GError     **error)
{
  g_autofree char *dataset_path = NULL;
  g_autofree char *sidecar_path = NULL;

  g_return_val_if_fail (MG_IS_DRAFTS (self), FALSE);
  g_return_val_if_fail (mg_drafts_key_is_valid (key), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  dataset_path = build_path (self, key, DATASET_SUFFIX);
  sidecar_path = build_path (self, key, SIDECAR_SUFFIX);

  return remove_if_present (dataset_path, error) &&
         remove_if_present (sidecar_path, error);
}
