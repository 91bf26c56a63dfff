/* mg-merge-files.c: a gold dataset merged from dataset files into a file
 *
 * The window's merge: files read, merged and written whole, in a thread.
 * `marginalia-tool merge` names the annotators with the same
 * mg_merge_annotator_names(), so that both write the same bytes from the
 * same files; it keeps its own checks of outputs, which also know folders
 * and several outputs, and reads every input before it stops, to name
 * every bad one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-merge-files"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "mg-dataset-io.h"
#include "mg-error.h"
#include "mg-merge-files.h"

void
mg_merge_summary_free (MgMergeSummary *summary)
{
  if (summary == NULL)
    return;
  g_clear_pointer (&summary->unresolved, g_ptr_array_unref);
  g_free (summary);
}

/**
 * mg_merge_annotator_names:
 * @datasets: (array length=n): the datasets read from @paths
 * @paths: (array length=n): their files
 *
 * Returns: (transfer full) (element-type utf8): what to call each
 *   annotator: the dataset's annotator, or the file's base name when it
 *   has none, and both when another dataset has the same annotator
 */
GPtrArray *
mg_merge_annotator_names (MgDataset * const  *datasets,
                          const char * const *paths,
                          guint               n)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *base = g_path_get_basename (paths[i]);
      const char *annotator = mg_dataset_get_annotator (datasets[i]);
      char *name = g_strdup (annotator == NULL || *annotator == '\0' ? base : annotator);

      for (guint k = 0; k < names->len; k++)
        if (g_strcmp0 (g_ptr_array_index (names, k), name) == 0)
          {
            g_free (name);
            name = g_strdup_printf ("%s (%s)", annotator, base);
            break;
          }
      g_ptr_array_add (names, name);
    }
  return names;
}

/* Whether @x and @y name one file, under any name or link. */
static gboolean
same_file (const char *x,
           const char *y)
{
  GStatBuf a, b;

  if (g_strcmp0 (x, y) == 0)
    return TRUE;
  return g_stat (x, &a) == 0 && g_stat (y, &b) == 0 && S_ISREG (a.st_mode) &&
         a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/**
 * mg_merge_check_output:
 * @output: where the gold dataset is to be written
 * @inputs: (array length=n_inputs): the annotators' files
 *
 * Returns: %FALSE, with @error naming @output, when writing it would
 *   replace one of @inputs
 */
gboolean
mg_merge_check_output (const char          *output,
                       const char * const  *inputs,
                       guint                n_inputs,
                       GError             **error)
{
  g_return_val_if_fail (output != NULL, FALSE);

  for (guint i = 0; i < n_inputs; i++)
    if (same_file (output, inputs[i]))
      {
        g_set_error (error, MG_ERROR, MG_ERROR_INVALID, "%s: %s", output,
                     _("is one of the inputs; write the gold dataset to a new file"));
        return FALSE;
      }
  return TRUE;
}

/**
 * mg_merge_files:
 * @inputs: (array length=n_inputs): two dataset files or more
 * @strategy: which spans to keep
 * @curator: the annotator of the gold dataset
 * @output: the file to write, never one of @inputs
 *
 * Reads @inputs, merges them as mg_merge_datasets() does, with the
 * annotators named by mg_merge_annotator_names(), and writes the gold
 * dataset to @output whole or not at all.
 *
 * Returns: (transfer full) (nullable): what was written, or %NULL with
 *   @error set (naming the file at fault) and @output untouched
 */
MgMergeSummary *
mg_merge_files (const char * const  *inputs,
                guint                n_inputs,
                MgMergeStrategy      strategy,
                const char          *curator,
                const char          *output,
                GCancellable        *cancellable,
                GError             **error)
{
  g_autoptr(GPtrArray) datasets = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) unresolved = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(MgDataset) gold = NULL;
  MgMergeSummary *summary;

  g_return_val_if_fail (inputs != NULL, NULL);
  g_return_val_if_fail (output != NULL, NULL);

  if (n_inputs < 2)
    {
      g_set_error_literal (error, MG_ERROR, MG_ERROR_INVALID, _("A merge needs two datasets or more"));
      return NULL;
    }
  if (!mg_merge_check_output (output, inputs, n_inputs, error))
    return NULL;

  for (guint i = 0; i < n_inputs; i++)
    {
      MgDataset *dataset;

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          (dataset = mg_dataset_load_file (inputs[i], error)) == NULL)
        return NULL;
      g_ptr_array_add (datasets, dataset);
    }
  names = mg_merge_annotator_names ((MgDataset * const *) datasets->pdata, inputs, n_inputs);

  gold = mg_merge_datasets ((MgDataset * const *) datasets->pdata, n_inputs,
                            (const char * const *) names->pdata, strategy, curator, unresolved);
  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !mg_dataset_save_file (gold, output, error))
    return NULL;

  summary = g_new0 (MgMergeSummary, 1);
  summary->n_documents = mg_dataset_get_n_documents (gold);
  summary->n_spans = mg_dataset_count_annotations (gold);
  summary->unresolved = g_steal_pointer (&unresolved);
  return summary;
}

typedef struct
{
  GStrv            inputs;
  MgMergeStrategy  strategy;
  char            *curator;
  char            *output;
} Job;

static void
job_free (Job *job)
{
  g_strfreev (job->inputs);
  g_free (job->curator);
  g_free (job->output);
  g_free (job);
}

static void
merge_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  MgMergeSummary *summary;

  summary = mg_merge_files ((const char * const *) job->inputs, g_strv_length (job->inputs),
                            job->strategy, job->curator, job->output, cancellable, &error);
  if (summary == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, summary, (GDestroyNotify) mg_merge_summary_free);
}

/**
 * mg_merge_files_async:
 *
 * mg_merge_files() in a thread; the arguments are copied.
 */
void
mg_merge_files_async (const char * const  *inputs,
                      guint                n_inputs,
                      MgMergeStrategy      strategy,
                      const char          *curator,
                      const char          *output,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Job *job = g_new0 (Job, 1);

  job->inputs = g_new0 (char *, n_inputs + 1);
  for (guint i = 0; i < n_inputs; i++)
    job->inputs[i] = g_strdup (inputs[i]);
  job->strategy = strategy;
  job->curator = g_strdup (curator);
  job->output = g_strdup (output);
  g_task_set_source_tag (task, mg_merge_files_async);
  /* Once the file is in place, the merge is done whatever a late cancel
   * says. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, merge_thread);
}

/**
 * mg_merge_files_finish:
 *
 * Returns: (transfer full) (nullable): what was written, or %NULL with
 *   @error set
 */
MgMergeSummary *
mg_merge_files_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
