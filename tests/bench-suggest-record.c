/* bench-suggest-record.c: what suggestions cost the window's main loop
 *
 * Builds a 1 MB article (one paragraph per line, quotes, names and figures)
 * with 20,000 annotations, computes its suggestions (which the window does
 * in a worker thread), then times what the window does on the main loop:
 * filtering them against the spans and rejections (after every edit), one
 * accept and one reject. Prints processor and wall time and the load; not a
 * test. Usage: _build/tests/bench-suggest-record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "mg-core.h"
#include "mg-suggest-record.h"

#define TARGET_BYTES  (1024 * 1024)
#define N_SPANS       20000
#define ROUNDS        20

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void
report (const char *what,
        double      cpu,
        gint64      wall_us,
        guint       rounds)
{
  printf ("%-40s %8.2f ms processor %8.2f ms wall (mean of %u)\n", what, cpu / rounds,
          wall_us / 1e3 / rounds, rounds);
}

int
main (void)
{
  g_autoptr(GString) text = g_string_new ("Harbour fees\n\n");
  g_autoptr(MgLabelSet) labels = mg_label_set_new_default ();
  g_autoptr(MgDataset) dataset = mg_dataset_new_with_labels (labels);
  g_autoptr(MgDocument) doc = NULL;
  g_autoptr(MgHistory) history = NULL;
  g_autoptr(MgSuggestRules) rules = NULL;
  g_autoptr(MgSuggestions) suggestions = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) spans = g_ptr_array_new_with_free_func (g_object_unref);
  double loads[3] = { 0 };
  double cpu;
  gint64 wall;
  guint n, i = 0;

  while (text->len < TARGET_BYTES)
    g_string_append_printf (text, "“We will raise the fees by %u%%,” said Jan de Vries%u, the "
                            "harbour master, on Monday. The council voted in %u.\n",
                            i % 90 + 2, i, 1900 + i % 100), i++;
  doc = mg_document_new ("big", text->str, -1);
  for (guint k = 0; k < N_SPANS; k++)
    {
      guint start = (guint) ((guint64) k * (mg_document_get_length (doc) - 20) / N_SPANS);

      g_ptr_array_add (spans, mg_annotation_new (NULL, "claim", start, start + 7));
    }
  g_assert_true (mg_annotation_store_add_all (mg_document_get_store (doc), spans, NULL));
  mg_dataset_add_document (dataset, doc);
  history = mg_history_new (dataset);
  rules = mg_suggest_rules_new (NULL, &error);
  g_assert_no_error (error);

  cpu = cpu_ms ();
  wall = g_get_monotonic_time ();
  suggestions = mg_suggest_document (rules, doc, "en", MG_SUGGEST_ALL | MG_SUGGEST_KEEP_COVERED, NULL, &error);
  g_assert_no_error (error);
  n = mg_suggestions_get_n_spans (suggestions);
  printf ("%zu bytes, %u annotations, %u suggestions\n", text->len, N_SPANS, n);
  report ("suggestions (in a worker thread)", cpu_ms () - cpu, g_get_monotonic_time () - wall, 1);

  cpu = cpu_ms ();
  wall = g_get_monotonic_time ();
  for (guint r = 0; r < ROUNDS; r++)
    g_array_unref (mg_suggest_filter (suggestions, doc, labels));
  report ("filter against spans (after each edit)", cpu_ms () - cpu, g_get_monotonic_time () - wall, ROUNDS);

  cpu = cpu_ms ();
  wall = g_get_monotonic_time ();
  for (guint r = 0; r < ROUNDS; r++)
    g_assert_nonnull (mg_suggest_accept (history, doc, suggestions, r * (n / ROUNDS), NULL, NULL));
  report ("accept one", cpu_ms () - cpu, g_get_monotonic_time () - wall, ROUNDS);

  cpu = cpu_ms ();
  wall = g_get_monotonic_time ();
  for (guint r = 0; r < ROUNDS; r++)
    mg_suggest_reject (history, doc, mg_suggestions_get_span (suggestions, r * (n / ROUNDS) + 1));
  report ("reject one", cpu_ms () - cpu, g_get_monotonic_time () - wall, ROUNDS);

  if (getloadavg (loads, 3) == 3)
    printf ("load average %.2f %.2f %.2f, %u processors\n", loads[0], loads[1], loads[2],
            g_get_num_processors ());
  return 0;
}
