/* bench-marks.c: the cost of the marks drawn over a big article
 *
 * Builds a 1 MB article (one paragraph per line) with 20,000 annotations
 * and 5,000 attributions, opens it in the real window at 1400x900 halfway
 * down, and times the article's snapshot (what GTK asks of it for every
 * frame): plain, with label names over every span, and with a quote
 * selected whose speaker is boxed and named and whose ends have handles.
 * Each figure is the median of 50 snapshots, in processor and wall time,
 * printed with the machine's load. Not a test: figures depend on the
 * machine. Run it under Xvfb:
 *   xvfb-run -a -s "-screen 0 1400x900x24" env GSETTINGS_BACKEND=memory \
 *     GSETTINGS_SCHEMA_DIR=_build/data _build/tests/bench-marks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <time.h>

#include <adwaita.h>

#include "mg-core.h"
#include "mg-window-private.h"

#define TARGET_BYTES  (1024 * 1024)
#define N_SPANS       20000
#define N_SNAPSHOTS   50

static const char *words[] = {
  "harbour", "council", "said", "the", "authority", "million", "percent",
  "barrier", "river", "Güler", "Fährmann", "€4.2", "1,200", "households",
  "residents", "agency", "report", "record", "of", "a", "in", "was", "on",
};

static const char *labels[] = { "quote", "actor", "claim", "figure" };

static MgDocument *
build_document (void)
{
  GString *text = g_string_sized_new (TARGET_BYTES + 1024);
  g_autoptr(GRand) rand = g_rand_new_with_seed (2025);
  g_autoptr(GPtrArray) spans = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  MgDocument *document;
  MgAnnotationStore *store;
  guint length, step;

  while (text->len < TARGET_BYTES)
    {
      gsize para_end = text->len + g_rand_int_range (rand, 300, 1200);

      while (text->len < para_end)
        {
          g_string_append (text, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
          g_string_append_c (text, ' ');
        }
      g_string_append_c (text, '\n');
    }

  document = mg_document_new ("big", text->str, -1);
  g_string_free (text, TRUE);
  store = mg_document_get_store (document);
  length = mg_document_get_length (document);
  step = (length - 400) / N_SPANS;
  for (guint i = 0; i < N_SPANS; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", i + 1);
      guint start = 100 + i * step + i % 7;

      g_ptr_array_add (spans, mg_annotation_new (id, labels[i % 4], start, start + 5 + i % 31));
    }
  if (!mg_annotation_store_add_all (store, spans, &error))
    g_error ("Could not add the spans: %s", error->message);

  /* Each quote (a1, a5, …) said by the actor after it (a2, a6, …). */
  for (guint i = 0; i < N_SPANS; i += 4)
    {
      g_autofree char *id = g_strdup_printf ("r%u", i / 4 + 1);
      g_autofree char *from = g_strdup_printf ("a%u", i + 1);
      g_autofree char *to = g_strdup_printf ("a%u", i + 2);
      g_autoptr(MgRelation) relation = mg_relation_new (id, MG_RELATION_ATTRIBUTED_TO, from, to);

      if (!mg_annotation_store_add_relation (store, relation, &error))
        g_error ("Could not add a relation: %s", error->message);
    }

  return document;
}

static gint64
cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
spin_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The median processor and wall time of one snapshot of @widget. */
static void
time_snapshots (const char *what,
                GtkWidget  *widget)
{
  double cpu[N_SNAPSHOTS], wall[N_SNAPSHOTS];
  g_autofree char *load = NULL;

  spin_for (300);
  for (guint i = 0; i < N_SNAPSHOTS; i++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();
      GskRenderNode *node;
      gint64 c0 = cpu_time (), w0 = g_get_monotonic_time ();

      /* The view's own snapshot, as a frame calls it: a widget paintable
       * would hand back what the widget drew last. */
      GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
      node = gtk_snapshot_free_to_node (snapshot);
      cpu[i] = (cpu_time () - c0) / 1000.0;
      wall[i] = (g_get_monotonic_time () - w0) / 1000.0;
      g_clear_pointer (&node, gsk_render_node_unref);
    }
  qsort (cpu, N_SNAPSHOTS, sizeof (double), compare_doubles);
  qsort (wall, N_SNAPSHOTS, sizeof (double), compare_doubles);
  if (g_file_get_contents ("/proc/loadavg", &load, NULL, NULL))
    g_strdelimit (load, "\n", '\0');
  printf ("%-32s %7.2f ms processor, %7.2f ms wall (median of %d; load %s)\n",
          what, cpu[N_SNAPSHOTS / 2], wall[N_SNAPSHOTS / 2], N_SNAPSHOTS, load ? load : "?");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(MgDataset) dataset = mg_dataset_new ();
  g_autoptr(MgDocument) document = NULL;
  MgAnnotationStore *store;
  MgAnnotation *middle;
  MgWindow *window;

  if (!gtk_init_check ())
    {
      g_printerr ("bench-marks needs a display; run it under xvfb-run\n");
      return 1;
    }
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

  document = build_document ();
  mg_dataset_add_document (dataset, document);
  store = mg_document_get_store (document);
  printf ("article: %zu bytes, %u spans, %u attributions\n", mg_document_get_text_bytes (document),
          mg_annotation_store_get_n_annotations (store), mg_annotation_store_get_n_relations (store));

  window = mg_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  mg_window_set_dataset (window, dataset, NULL);
  gtk_window_present (GTK_WINDOW (window));
  spin_for (2000);

  /* Halfway down, where every line on screen holds spans. */
  middle = mg_annotation_store_get_annotation (store, N_SPANS / 2);
  mg_article_view_scroll_to_annotation (window->article_view, middle);
  spin_for (2000);

  time_snapshots ("plain", GTK_WIDGET (window->article_view));
  g_object_set (window->article_view, "show-label-names", TRUE, NULL);
  spin_for (2000);
  mg_article_view_scroll_to_annotation (window->article_view, middle);
  spin_for (1000);
  time_snapshots ("label names", GTK_WIDGET (window->article_view));
  mg_article_view_set_selected (window->article_view, middle);
  time_snapshots ("label names, a quote selected", GTK_WIDGET (window->article_view));
  g_object_set (window->article_view, "show-label-names", FALSE, NULL);
  spin_for (1000);
  time_snapshots ("a quote selected", GTK_WIDGET (window->article_view));

  mg_history_mark_saved (mg_window_get_history (window));
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
