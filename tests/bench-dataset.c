/* bench-dataset.c: how fast datasets load and save
 *
 * Builds a dataset of 1,000 documents and 100,000 annotations, saves it,
 * then times loading it (which validates every invariant) and saving it,
 * each in a child process of its own so that its peak memory is its own,
 * beside python3's json.load, json.dump (indented, as people keep files)
 * and json.dumps (compact, which is closer to what the writer does) of the
 * same file in the same run. Each with its wall and processor time, and the
 * machine's load average, since the processor time is what a shared machine
 * disturbs least. Then the memory each annotation holds once loaded: the
 * heap in use after loading the dataset, less that after loading the same
 * documents without annotations, over the number of annotations.
 *
 *   _build/tests/bench-dataset [--documents N] [--annotations N] [--keep FILE]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "mg-core.h"

static const char *words[] = {
  "the", "minister", "said", "on", "Tuesday", "that", "the", "council", "would",
  "spend", "€4.2", "million", "on", "new", "housing", "for", "1,200", "families",
  "Zoë", "Fährmann", "İlkay", "Güler", "told", "reporters", "in", "Brussels",
  "“we", "will", "not", "back", "down”", "37%", "of", "voters", "agreed", "👍🏽",
};

static const char *labels[] = { "quote", "actor", "claim", "figure" };

static char *
make_text (GRand *rand,
           guint  n_paragraphs)
{
  GString *s = g_string_new (NULL);

  for (guint p = 0; p < n_paragraphs; p++)
    {
      guint n_words = g_rand_int_range (rand, 40, 90);

      if (p > 0)
        g_string_append (s, "\n\n");
      for (guint w = 0; w < n_words; w++)
        {
          if (w > 0)
            g_string_append_c (s, ' ');
          g_string_append (s, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
        }
      g_string_append_c (s, '.');
    }

  return g_string_free (s, FALSE);
}

static MgDataset *
make_dataset (guint n_documents,
              guint n_annotations)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  MgDataset *dataset = mg_dataset_new ();

  mg_dataset_set_annotator (dataset, "bench");
  for (guint d = 0; d < n_documents; d++)
    {
      g_autofree char *id = g_strdup_printf ("article-%04u", d + 1);
      g_autofree char *text = make_text (rand, 12);
      g_autoptr(MgDocument) doc = mg_document_new (id, text, -1);
      MgAnnotationStore *store = mg_document_get_store (doc);
      guint length = mg_document_get_length (doc);
      guint want = n_annotations / n_documents + (d < n_annotations % n_documents);

      mg_document_set_title (doc, id);
      mg_document_set_source_path (doc, "article.txt");
      mg_document_set_media_type (doc, "text/plain");
      mg_document_set_meta_string (doc, "published", "2026-11-26");

      while (mg_annotation_store_get_n_annotations (store) < want)
        {
          guint start = g_rand_int_range (rand, 0, length - 1);
          guint end = MIN (length, start + g_rand_int_range (rand, 1, 60));
          g_autoptr(MgAnnotation) a =
            mg_annotation_new (NULL, labels[g_rand_int_range (rand, 0, 4)], start, end);

          mg_annotation_store_add (store, a, NULL);
        }
      mg_dataset_add_document (dataset, doc);
    }

  return dataset;
}

static double
peak_mib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

typedef struct
{
  double seconds;
  double cpu;     /* processor seconds */
  double mib;
  double heap;    /* bytes in use on the heap at the end of the phase */
} Figure;

static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
print_load (void)
{
  double load[3];

  if (getloadavg (load, 3) == 3)
    printf ("load average: %.2f %.2f %.2f (%ld processors)\n",
            load[0], load[1], load[2], sysconf (_SC_NPROCESSORS_ONLN));
}

/* When the timed part of the phase began, in processor time: a phase that
 * prepares something first moves it on. */
static double cpu_start;

/* Runs @phase in a child so that the peak memory reported is the phase's. */
static Figure
in_child (double (*phase) (const char *path),
          const char *path)
{
  Figure f = { -1, -1, -1, -1 };
  int fds[2];
  pid_t pid;

  if (pipe (fds) != 0)
    return f;

  pid = fork ();
  if (pid == 0)
    {
      Figure mine;
      struct mallinfo2 heap;

      close (fds[0]);
      cpu_start = cpu_seconds ();
      mine.seconds = phase (path);
      mine.cpu = cpu_seconds () - cpu_start;
      mine.mib = peak_mib ();
      heap = mallinfo2 ();
      mine.heap = (double) heap.uordblks + (double) heap.hblkhd;
      if (write (fds[1], &mine, sizeof mine) != sizeof mine)
        _exit (1);
      _exit (0);
    }

  close (fds[1]);
  if (read (fds[0], &f, sizeof f) != sizeof f)
    f.seconds = -1;
  close (fds[0]);
  waitpid (pid, NULL, 0);

  return f;
}

/* Kept until the child exits, so that its heap is measured with it. */
static MgDataset *loaded;

static double
phase_load (const char *path)
{
  g_autoptr(GError) error = NULL;
  gint64 t0 = g_get_monotonic_time ();

  loaded = mg_dataset_load_file (path, &error);
  if (loaded == NULL)
    {
      g_printerr ("%s\n", error->message);
      return -1;
    }
  return (g_get_monotonic_time () - t0) / 1e6;
}

static double
phase_save (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MgDataset) dataset = mg_dataset_load_file (path, &error);
  g_autofree char *out = g_strconcat (path, ".saved", NULL);
  gint64 t0;
  double seconds;

  if (dataset == NULL)
    return -1;

  t0 = g_get_monotonic_time ();
  cpu_start = cpu_seconds ();
  if (!mg_dataset_save_file (dataset, out, &error))
    {
      g_printerr ("%s\n", error->message);
      return -1;
    }
  seconds = (g_get_monotonic_time () - t0) / 1e6;
  g_unlink (out);
  return seconds;
}

static const char python_phase[] =
  "import json, resource, sys, time\n"
  "path, phase = sys.argv[1], sys.argv[2]\n"
  "with open(path, encoding='utf-8') as f:\n"
  "    t0 = time.perf_counter(); c0 = time.process_time()\n"
  "    data = json.load(f)\n"
  "    t1 = time.perf_counter(); c1 = time.process_time()\n"
  "if phase in ('dump', 'dumps'):\n"
  "    with open(path + '.py', 'w', encoding='utf-8') as f:\n"
  "        t0 = time.perf_counter(); c0 = time.process_time()\n"
  "        if phase == 'dump':\n"
  "            json.dump(data, f, ensure_ascii=False, indent=2)\n"
  "        else:\n"
  "            f.write(json.dumps(data, ensure_ascii=False))\n"
  "        t1 = time.perf_counter(); c1 = time.process_time()\n"
  "print(t1 - t0, c1 - c0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0)\n";

static Figure
python (const char *path,
        const char *phase)
{
  g_autofree char *out = NULL;
  g_autofree char *py_out = g_strconcat (path, ".py", NULL);
  Figure f = { -1, -1, -1, -1 };
  const char *argv[] = { "python3", "-c", python_phase, path, phase, NULL };

  if (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                    &out, NULL, NULL, NULL) && out != NULL)
    sscanf (out, "%lf %lf %lf", &f.seconds, &f.cpu, &f.mib);
  g_unlink (py_out);
  return f;
}

static void
row (const char *what,
     Figure      f,
     double      mb)
{
  if (f.seconds < 0)
    printf ("  %-28s %s\n", what, "failed");
  else
    printf ("  %-28s %8.3f s %8.3f s processor %8.1f MB/s %8.1f MiB peak\n",
            what, f.seconds, f.cpu, mb / f.seconds, f.mib);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(MgDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *keep = NULL;
  g_autofree char *path = NULL;
  int n_documents = 1000, n_annotations = 100000;
  Figure load, bare, save, py_load, py_dump, py_dumps;
  g_autofree char *bare_path = NULL;
  GStatBuf st;
  double mb;
  GOptionEntry entries[] = {
    { "documents", 0, 0, G_OPTION_ARG_INT, &n_documents, "Documents", "N" },
    { "annotations", 0, 0, G_OPTION_ARG_INT, &n_annotations, "Annotations", "N" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Write the dataset here and keep it", "FILE" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || n_documents < 1)
    {
      g_printerr ("%s\n", error ? error->message : "bad arguments");
      return 2;
    }

  dataset = make_dataset (n_documents, n_annotations);
  if (keep != NULL)
    path = g_strdup (keep);
  else
    {
      int fd = g_file_open_tmp ("bench-dataset-XXXXXX.json", &path, &error);

      if (fd < 0)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      close (fd);
    }

  if (!mg_dataset_save_file (dataset, path, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_clear_object (&dataset);
  g_stat (path, &st);
  mb = st.st_size / 1e6;

  /* The same documents, without annotations. */
  bare_path = g_strconcat (path, ".bare", NULL);
  dataset = make_dataset (n_documents, 0);
  if (!mg_dataset_save_file (dataset, bare_path, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_clear_object (&dataset);

  print_load ();
  load = in_child (phase_load, path);
  bare = in_child (phase_load, bare_path);
  save = in_child (phase_save, path);
  py_load = python (path, "load");
  py_dump = python (path, "dump");
  py_dumps = python (path, "dumps");

  printf ("dataset: %d documents, %d annotations, %.1f MB\n", n_documents, n_annotations, mb);
  row ("marginalia load + validate", load, mb);
  row ("python3 json.load", py_load, mb);
  row ("marginalia save", save, mb);
  row ("python3 json.dump, indent=2", py_dump, mb);
  row ("python3 json.dumps, compact", py_dumps, mb);
  if (load.seconds > 0 && py_load.seconds > 0)
    printf ("load / json.load: %.2fx wall, %.2fx processor\n",
            load.seconds / py_load.seconds, load.cpu / py_load.cpu);
  if (save.seconds > 0 && py_dumps.seconds > 0)
    printf ("save / json.dumps: %.2fx wall, %.2fx processor\n",
            save.seconds / py_dumps.seconds, save.cpu / py_dumps.cpu);
  if (load.heap > 0 && bare.heap > 0 && n_annotations > 0)
    printf ("memory per annotation, loaded: %.0f bytes\n",
            (load.heap - bare.heap) / n_annotations);
  print_load ();

  if (keep == NULL)
    g_unlink (path);
  g_unlink (bare_path);

  return load.seconds < 0 || save.seconds < 0;
}
