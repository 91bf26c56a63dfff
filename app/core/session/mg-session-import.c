/* mg-session-import.c: articles imported into the open dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The files are read in a worker thread, each on its own, so one broken
 * file costs only itself. The documents are added on the main loop as one
 * step of the history: a single undo takes the whole import back.
 */

#define G_LOG_DOMAIN "mg-session"

#include "config.h"

#include <glib/gi18n.h>

#include "mg-dataset-io.h"
#include "mg-import.h"
#include "mg-import-annotated.h"
#include "mg-session-private.h"

/* Enough of a file to tell a dataset from an article. */
#define SNIFF_BYTES 4096

struct _MgSessionImport
{
  MgDataset *dataset;   /* where the documents go */
  GPtrArray *reports;   /* of MgSessionImportReport, one a file */
  int        done;      /* atomic: files read so far */
};

static void
report_free (MgSessionImportReport *report)
{
  g_clear_object (&report->file);
  g_clear_pointer (&report->documents, g_ptr_array_unref);
  g_clear_pointer (&report->warnings, g_ptr_array_unref);
  g_clear_pointer (&report->error, g_free);
  g_clear_pointer (&report->duplicates, g_ptr_array_unref);
  g_free (report);
}

static void
import_free (MgSessionImport *import)
{
  g_clear_object (&import->dataset);
  g_clear_pointer (&import->reports, g_ptr_array_unref);
  g_free (import);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  MgSessionImport *import = task_data;

  for (guint i = 0; i < import->reports->len; i++)
    {
      MgSessionImportReport *report = g_ptr_array_index (import->reports, i);
      g_autofree char *path = g_file_get_path (report->file);
      g_autoptr(GError) error = NULL;

      if (g_task_return_error_if_cancelled (task))
        return;
      if (path == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             _("The file is not on this computer."));
      else
        report->documents = mg_import_file (path, MG_IMPORT_AUTO, report->warnings, &error);
      if (error != NULL)
        report->error = g_strdup (error->message);
      g_atomic_int_inc (&import->done);
    }
  g_task_return_boolean (task, TRUE);
}

enum { SEEN_IN_DATASET = 1, SEEN_IN_IMPORT };

/* Finds the documents whose text the dataset already has, or an earlier
 * one of the import: the same file imported twice, or two feeds carrying
 * one article. */
static guint
find_duplicates (MgDataset *dataset,
                 GPtrArray *reports)
{
  /* Each text seen, to where it was first seen: the dataset or the import,
   * so that the person is told which of the two holds the twin. */
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_duplicates = 0;

  for (guint i = 0; i < mg_dataset_get_n_documents (dataset); i++)
    g_hash_table_insert (seen, (char *) mg_document_get_text_sha256 (mg_dataset_get_document (dataset, i)),
                         GINT_TO_POINTER (SEEN_IN_DATASET));

  for (guint i = 0; i < reports->len; i++)
    {
      MgSessionImportReport *report = g_ptr_array_index (reports, i);

      for (guint j = 0; report->documents != NULL && j < report->documents->len; j++)
        {
          MgDocument *document = g_ptr_array_index (report->documents, j);

          const char *sha = mg_document_get_text_sha256 (document);
          gpointer where = g_hash_table_lookup (seen, sha);

          if (where == NULL)
            {
              g_hash_table_insert (seen, (char *) sha, GINT_TO_POINTER (SEEN_IN_IMPORT));
              continue;
            }
          if (GPOINTER_TO_INT (where) == SEEN_IN_IMPORT)
            report->n_repeats++;
          g_ptr_array_add (report->duplicates, g_object_ref (document));
          n_duplicates++;
        }
    }

  return n_duplicates;
}

/* Adds what was read, under ids the dataset does not use yet. */
static void
add_documents (MgSession *self,
               GPtrArray *reports,
               gboolean   skip_duplicates)
{
  mg_history_begin_group (self->history);
  for (guint i = 0; i < reports->len; i++)
    {
      MgSessionImportReport *report = g_ptr_array_index (reports, i);

      /* Annotated data may bring labels the dataset lacks. */
      if (report->documents != NULL)
        mg_import_add_labels (mg_dataset_get_labels (self->dataset), report->documents);
      for (guint j = 0; report->documents != NULL && j < report->documents->len; j++)
        {
          MgDocument *document = g_ptr_array_index (report->documents, j);
          g_autofree char *id = NULL;

          if (skip_duplicates && g_ptr_array_find (report->duplicates, document, NULL))
            continue;
          id = mg_dataset_unique_id (self->dataset, mg_document_get_id (document));
          if (g_strcmp0 (id, mg_document_get_id (document)) != 0)
            mg_document_set_id (document, id);
          mg_history_add_document (self->history, document);
        }
    }
  mg_history_end_group (self->history);
}

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MgSession *self = g_task_get_source_object (task);
  MgSessionImport *import = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  self->import = NULL;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_error (task, error);
  /* Another dataset took the place of the one they were meant for. */
  else if (import->dataset != self->dataset)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             "The dataset was replaced during the import");
  else
    {
      /* With duplicates, the person decides what is added. */
      if (find_duplicates (self->dataset, import->reports) == 0)
        add_documents (self, import->reports, FALSE);
      g_task_return_pointer (task, g_ptr_array_ref (import->reports),
                             (GDestroyNotify)g_ptr_array_unref);
    }
}

/**
 * mg_session_import_async:
 * @files: (array length=n_files): articles: text, HTML, news XML, JSON Lines
 * @cancellable: (nullable): to give up; nothing is added then
 *
 * Reads @files in a worker thread and adds their documents to the dataset
 * as one step of the history, under ids it does not use yet. A file that
 * cannot be read is reported and skipped. One import runs at a time.
 * Documents whose text the dataset already holds are not added: the import
 * ends with them listed, and nothing added, until mg_session_import_add()
 * says what to do.
 */
void
mg_session_import_async (MgSession           *self,
                         GFile * const       *files,
                         guint                n_files,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task;
  MgSessionImport *import;

  g_return_if_fail (MG_IS_SESSION (self));
  g_return_if_fail (self->dataset != NULL);
  g_return_if_fail (self->import == NULL);
  g_return_if_fail (files != NULL || n_files == 0);

  import = g_new0 (MgSessionImport, 1);
  import->dataset = g_object_ref (self->dataset);
  import->reports = g_ptr_array_new_with_free_func ((GDestroyNotify)report_free);
  for (guint i = 0; i < n_files; i++)
    {
      MgSessionImportReport *report = g_new0 (MgSessionImportReport, 1);

      report->file = g_object_ref (files[i]);
      report->warnings = g_ptr_array_new_with_free_func (g_free);
      report->duplicates = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (import->reports, report);
    }
  self->import = import;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mg_session_import_async);
  _mg_session_run_in_thread (task, import, (GDestroyNotify)import_free,
                             import_thread, imported_cb);
}

/**
 * mg_session_import_finish:
 *
 * Returns: (transfer full) (element-type MgSessionImportReport): what
 *   became of each file, in order, or %NULL with @error set when the import
 *   was cancelled (%G_IO_ERROR_CANCELLED), the dataset as it was
 */
GPtrArray *
mg_session_import_finish (MgSession     *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (MG_IS_SESSION (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * mg_session_import_count_duplicates:
 * @reports: (element-type MgSessionImportReport): what an import returned
 *
 * Returns: how many documents of the import repeat a text; when any do,
 *   nothing was added yet
 */
guint
mg_session_import_count_duplicates (GPtrArray *reports)
{
  guint n = 0;

  g_return_val_if_fail (reports != NULL, 0);

  for (guint i = 0; i < reports->len; i++)
    n += ((MgSessionImportReport *) g_ptr_array_index (reports, i))->duplicates->len;
  return n;
}

/**
 * mg_session_import_count_repeats:
 * @reports: (element-type MgSessionImportReport): what an import returned
 *
 * Returns: how many of the import's duplicates repeat another document of
 *   the same import rather than one the dataset holds
 */
guint
mg_session_import_count_repeats (GPtrArray *reports)
{
  guint n = 0;

  g_return_val_if_fail (reports != NULL, 0);

  for (guint i = 0; i < reports->len; i++)
    n += ((MgSessionImportReport *) g_ptr_array_index (reports, i))->n_repeats;
  return n;
}

/**
 * mg_session_import_add:
 * @reports: (element-type MgSessionImportReport): what an import with
 *   duplicates returned
 * @skip_duplicates: whether to leave out the documents that repeat a text
 *
 * Adds an import held back by its duplicates, as one step of the history.
 */
void
mg_session_import_add (MgSession *self,
                       GPtrArray *reports,
                       gboolean   skip_duplicates)
{
  g_return_if_fail (MG_IS_SESSION (self));
  g_return_if_fail (reports != NULL);
  g_return_if_fail (self->dataset != NULL);

  add_documents (self, reports, skip_duplicates);
}

/**
 * mg_session_find_same_text:
 * @document: a document, in the dataset or not
 *
 * Where the dataset already holds the text of @document: the place to go
 * instead of importing it again.
 *
 * Returns: (transfer none) (nullable): the first document of the dataset,
 *   other than @document, whose `text_sha256` is that of @document
 */
MgDocument *
mg_session_find_same_text (MgSession  *self,
                           MgDocument *document)
{
  const char *sha;

  g_return_val_if_fail (MG_IS_SESSION (self), NULL);
  g_return_val_if_fail (MG_IS_DOCUMENT (document), NULL);

  if (self->dataset == NULL)
    return NULL;
  sha = mg_document_get_text_sha256 (document);
  for (guint i = 0; i < mg_dataset_get_n_documents (self->dataset); i++)
    {
      MgDocument *other = mg_dataset_get_document (self->dataset, i);

      if (other != document && g_str_equal (mg_document_get_text_sha256 (other), sha))
        return other;
    }
  return NULL;
}

/**
 * mg_session_get_import_progress:
 * @done: (out): the files read so far
 * @total: (out): the files to read
 *
 * Returns: %TRUE while an import runs
 */
gboolean
mg_session_get_import_progress (MgSession *self,
                                guint     *done,
                                guint     *total)
{
  g_return_val_if_fail (MG_IS_SESSION (self), FALSE);

  *done = self->import ? (guint) g_atomic_int_get (&self->import->done) : 0;
  *total = self->import ? self->import->reports->len : 0;
  return self->import != NULL;
}

/**
 * mg_session_file_is_dataset:
 *
 * A dataset announces itself in its first bytes; anything else is an
 * article to import. Reads a few kilobytes.
 *
 * Returns: whether @file looks like a dataset file
 */
gboolean
mg_session_file_is_dataset (GFile *file)
{
  g_autoptr(GFileInputStream) in = NULL;
  char buffer[SNIFF_BYTES + 1];
  gsize n = 0;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  in = g_file_read (file, NULL, NULL);
  if (in == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (in), buffer, SNIFF_BYTES, &n, NULL, NULL))
    return FALSE;
  buffer[n] = '\0';
  return g_regex_match_simple ("^\\s*\\{.*\"format\"\\s*:\\s*\"" MG_DATASET_FORMAT "\"",
                               buffer, G_REGEX_DOTALL | G_REGEX_RAW, 0);
}
