/* bench-search.c: how fast a phrase is found over a corpus
 *
 * Builds a dataset of news-like text (10 MB by default, in articles of
 * about 10 kB, with accented names and emoji), then times searches over
 * all of it: a rare word, a common one, a phrase, one with diacritics
 * ignored, the context of every hit of the common word, and tagging every
 * match of a phrase and of a common word, and undoing that. Prints
 * processor and wall time beside the machine's load, which a shared
 * machine needs to read the figures.
 *
 *   _build/tests/bench-search [--megabytes N] [--repeat N]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mg-core.h"

static const char *words[] = {
  "the", "minister", "said", "on", "Tuesday", "that", "the", "council", "would",
  "spend", "€4.2", "million", "on", "new", "housing", "for", "1,200", "families",
  "Zoë", "Fährmann", "İlkay", "Güler", "told", "reporters", "in", "Brussels",
  "“we", "will", "not", "back", "down”", "37%", "of", "voters", "agreed", "👍🏽",
  "harbour", "fees", "Straße", "naïve", "café", "port", "authority", "costs",
};

static MgDataset *
make_dataset (gsize target_bytes)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  MgDataset *dataset = mg_dataset_new ();
  gsize total = 0;

  for (guint d = 0; total < target_bytes; d++)
    {
      g_autofree char *id = g_strdup_printf ("article-%05u", d + 1);
      GString *s = g_string_new (NULL);
      g_autoptr(MgDocument) doc = NULL;

      while (s->len < 10000)
        {
          if (s->len > 0)
            g_string_append (s, g_rand_int_range (rand, 0, 60) == 0 ? ".\n" : " ");
          g_string_append (s, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
        }
      total += s->len;
      doc = mg_document_new (id, s->str, (gssize) s->len);
      g_string_free (s, TRUE);
      mg_dataset_add_document (dataset, doc);
    }

  return dataset;
}

static double
wall_now (void)
{
  return g_get_monotonic_time () / 1e6;
}

static double
cpu_now (void)
{
  return (double) clock () / CLOCKS_PER_SEC;
}

static void
print_load (void)
{
  g_autofree char *load = NULL;

  if (g_file_get_contents ("/proc/loadavg", &load, NULL, NULL))
    printf ("load average (1, 5, 15 min, runnable/threads, last pid): %s", load);
  printf ("processors online: %u\n", g_get_num_processors ());
}

static void
time_search (MgDataset         *dataset,
             const char        *needle,
             MgTextSearchFlags  flags,
             guint              repeat,
             double             megabytes)
{
  double wall = wall_now (), cpu = cpu_now ();
  guint n = 0;

  for (guint r = 0; r < repeat; r++)
    {
      g_autoptr(MgTextSearch) search = mg_text_search_new (needle, flags);
      g_autoptr(GListModel) hits = mg_text_search_dataset (search, dataset);

      n = g_list_model_get_n_items (hits);
    }
  wall = (wall_now () - wall) / repeat;
  cpu = (cpu_now () - cpu) / repeat;
  printf ("%-28s %8u hits  %7.1f ms processor  %7.1f ms wall  %6.0f MB/s\n",
          needle, n, cpu * 1000, wall * 1000, megabytes / wall);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(MgDataset) dataset = NULL;
  guint megabytes = 10, repeat = 5;
  double wall, cpu, mb = 0;
  gsize bytes = 0;

  for (int i = 1; i + 1 < argc; i += 2)
    {
      if (g_str_equal (argv[i], "--megabytes"))
        megabytes = (guint) atoi (argv[i + 1]);
      else if (g_str_equal (argv[i], "--repeat"))
        repeat = MAX (1, (guint) atoi (argv[i + 1]));
    }

  print_load ();
  dataset = make_dataset ((gsize) megabytes * 1000 * 1000);
  for (guint d = 0; d < mg_dataset_get_n_documents (dataset); d++)
    bytes += mg_document_get_text_bytes (mg_dataset_get_document (dataset, d));
  mb = bytes / 1e6;
  printf ("corpus: %u documents, %.1f MB of UTF-8\n", mg_dataset_get_n_documents (dataset), mb);

  /* The fold tables are built on the first search; timed apart. */
  wall = wall_now ();
  cpu = cpu_now ();
  mg_text_search_free (mg_text_search_new ("x", 0));
  printf ("%-28s %7.1f ms processor  %7.1f ms wall\n", "first search (fold tables)",
          (cpu_now () - cpu) * 1000, (wall_now () - wall) * 1000);

  printf ("each search over the whole corpus, mean of %u:\n", repeat);
  time_search (dataset, "Brussels", 0, repeat, mb);
  time_search (dataset, "the", 0, repeat, mb);
  time_search (dataset, "STRASSE", 0, repeat, mb);
  time_search (dataset, "back down", 0, repeat, mb);
  time_search (dataset, "ilkay guler", MG_TEXT_SEARCH_IGNORE_DIACRITICS, repeat, mb);
  time_search (dataset, "zzzz", 0, repeat, mb);

  {
    g_autoptr(MgTextSearch) search = mg_text_search_new ("the", 0);
    g_autoptr(GListModel) hits = mg_text_search_dataset (search, dataset);
    guint n = g_list_model_get_n_items (hits);

    wall = wall_now ();
    cpu = cpu_now ();
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(MgTextHit) hit = g_list_model_get_item (hits, i);
        g_autofree char *left = NULL, *match = NULL, *right = NULL;

        mg_text_hit_get_context (hit, 6, &left, &match, &right);
      }
    printf ("context of %u hits:          %7.1f ms processor  %7.1f ms wall\n", n,
            (cpu_now () - cpu) * 1000, (wall_now () - wall) * 1000);
  }

  /* Tag All over the corpus, in one undo step, and that step undone. */
  {
    g_autoptr(MgHistory) history = mg_history_new (dataset);
    const char *phrases[] = { "back down", "Brussels" };

    for (guint p = 0; p < G_N_ELEMENTS (phrases); p++)
      {
        g_autoptr(MgTextSearch) search = mg_text_search_new (phrases[p], 0);
        g_autoptr(GListModel) hits = mg_text_search_dataset (search, dataset);
        MgTagReport report;

        wall = wall_now ();
        cpu = cpu_now ();
        mg_text_search_tag (history, hits, phrases[p], "quote", TRUE, &report);
        printf ("tag all %-20s %8u tagged %7.1f ms processor  %7.1f ms wall\n", phrases[p],
                report.tagged, (cpu_now () - cpu) * 1000, (wall_now () - wall) * 1000);
        wall = wall_now ();
        cpu = cpu_now ();
        mg_history_undo (history);
        printf ("undo it                               %7.1f ms processor  %7.1f ms wall\n",
                (cpu_now () - cpu) * 1000, (wall_now () - wall) * 1000);
      }
  }

  print_load ();
  return 0;
}
