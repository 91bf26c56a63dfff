/* bench-merge3.c: how fast git's merge driver merges a large dataset
 *
 * Builds a dataset of one long article with N spans (10,000 by default),
 * ours (every 100th span relabelled, N/50 spans added) and theirs (every
 * 100th note written, N/50 other spans added, their ids clashing with
 * ours), writes the three files, then does what the merge driver does:
 * load the three, merge, save. Prints the median of three runs, wall and
 * processor time, and the machine's load.
 *
 *   _build/tests/bench-merge3 [--spans N]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <glib/gstdio.h>

#include "mg-core.h"
#include "mg-merge3.h"

#define RUNS 3

static const char *files[] = { "base.json", "ours.json", "theirs.json", "merged.json" };

static const char sentence[] = "The council said that %u residents had signed the petition by Friday. ";

/* Spans two a sentence: the actor "The council" and the figure. */
static MgDataset *
make_base (guint n_spans)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(MgDataset) dataset = mg_dataset_new ();
  g_autoptr(MgDocument) doc = NULL;
  g_autoptr(GPtrArray) spans = g_ptr_array_new_with_free_func (g_object_unref);
  guint offset = 0;

  for (guint i = 0; i < n_spans / 2; i++)
    {
      g_autofree char *s = g_strdup_printf (sentence, i);
      g_autofree char *number = g_strdup_printf ("%u", i);
      guint at = strstr (s, number) - s;

      g_ptr_array_add (spans, mg_annotation_new (NULL, "actor", offset, offset + 11));
      g_ptr_array_add (spans, mg_annotation_new (NULL, "figure", offset + at, offset + at + strlen (number)));
      g_string_append (text, s);
      offset += strlen (s);
    }
  doc = mg_document_new ("petition", text->str, text->len);
  for (guint i = 0; i < spans->len; i++)
    {
      mg_annotation_set_created (spans->pdata[i], "2026-12-01T10:00:00Z");
      mg_annotation_set_modified (spans->pdata[i], "2026-12-01T10:00:00Z");
    }
  g_assert_true (mg_annotation_store_add_all (mg_document_get_store (doc), spans, NULL));
  mg_dataset_add_document (dataset, doc);
  return g_steal_pointer (&dataset);
}

/* A copy of @base with one side's edits. */
static MgDataset *
make_side (const char *base_path,
           gboolean    ours)
{
  MgDataset *side = mg_dataset_load_file (base_path, NULL);
  MgAnnotationStore *store = mg_document_get_store (mg_dataset_get_document (side, 0));
  guint n = mg_annotation_store_get_n_annotations (store);
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = ours ? 0 : 5; i < n; i += 100)
    {
      MgAnnotation *a = mg_annotation_store_get_annotation (store, i);

      if (ours)
        mg_annotation_store_set_label (store, a, g_str_equal (mg_annotation_get_label (a), "figure")
                                                 ? "claim" : "quote", NULL);
      else
        mg_annotation_store_set_note (store, a, "checked");
    }
  for (guint i = ours ? 1 : 3, k = 0; i < n; i += 50, k++)
    {
      MgAnnotation *a = mg_annotation_store_get_annotation (store, i);
      g_autofree char *id = g_strdup_printf ("a%u", 2 * n + 1 + k);
      MgAnnotation *b = mg_annotation_new (id, ours ? "claim" : "quote",
                                           mg_annotation_get_start (a), mg_annotation_get_end (a));

      mg_annotation_set_created (b, "2026-12-01T11:00:00Z");
      mg_annotation_set_modified (b, "2026-12-01T11:00:00Z");
      g_ptr_array_add (added, b);
    }
  g_assert_true (mg_annotation_store_add_all (store, added, NULL));
  return side;
}

static double
merge_once (const char *dir,
            double     *cpu)
{
  g_autofree char *base_path = g_build_filename (dir, "base.json", NULL);
  g_autofree char *ours_path = g_build_filename (dir, "ours.json", NULL);
  g_autofree char *theirs_path = g_build_filename (dir, "theirs.json", NULL);
  g_autofree char *out_path = g_build_filename (dir, "merged.json", NULL);
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) notices = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(MgDataset) base = NULL, ours = NULL, theirs = NULL, merged = NULL;
  gint64 start = g_get_monotonic_time ();
  clock_t c = clock ();

  base = mg_dataset_load_file (base_path, NULL);
  ours = mg_dataset_load_file (ours_path, NULL);
  theirs = mg_dataset_load_file (theirs_path, NULL);
  merged = mg_merge3_datasets (base, ours, theirs, conflicts, notices, NULL);
  g_assert_true (mg_dataset_save_file (merged, out_path, NULL));
  g_assert_cmpuint (conflicts->len, ==, 0);
  *cpu = (double)(clock () - c) / CLOCKS_PER_SEC;
  return (g_get_monotonic_time () - start) / 1e6;
}

static double
file_mb (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? st.st_size / 1e6 : 0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = g_dir_make_tmp ("bench-merge3-XXXXXX", NULL);
  g_autofree char *base_path = g_build_filename (dir, "base.json", NULL);
  g_autofree char *ours_path = g_build_filename (dir, "ours.json", NULL);
  g_autofree char *theirs_path = g_build_filename (dir, "theirs.json", NULL);
  g_autofree char *loadavg = NULL;
  g_autoptr(MgDataset) base = NULL, ours = NULL, theirs = NULL;
  double wall[RUNS], cpu[RUNS];
  guint n_spans = 10000;

  if (argc == 3 && g_str_equal (argv[1], "--spans"))
    n_spans = MAX (2, atoi (argv[2]));

  base = make_base (n_spans);
  g_assert_true (mg_dataset_save_file (base, base_path, NULL));
  ours = make_side (base_path, TRUE);
  theirs = make_side (base_path, FALSE);
  g_assert_true (mg_dataset_save_file (ours, ours_path, NULL));
  g_assert_true (mg_dataset_save_file (theirs, theirs_path, NULL));

  for (guint i = 0; i < RUNS; i++)
    wall[i] = merge_once (dir, &cpu[i]);
  qsort (wall, RUNS, sizeof (double), compare_doubles);
  qsort (cpu, RUNS, sizeof (double), compare_doubles);
  g_file_get_contents ("/proc/loadavg", &loadavg, NULL, NULL);

  printf ("three-way merge of %u spans (+%u on each side, %.1f MB a version), "
          "loading and saving included:\n", n_spans, n_spans / 50, file_mb (base_path));
  printf ("  wall %.3f s [%.3f–%.3f], processor %.3f s [%.3f–%.3f], load %s",
          wall[RUNS / 2], wall[0], wall[RUNS - 1], cpu[RUNS / 2], cpu[0], cpu[RUNS - 1],
          loadavg != NULL ? loadavg : "?\n");

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i], NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
  return 0;
}
