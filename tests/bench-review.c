/* bench-review.c: what a review resolution costs on a big dataset
 *
 * Builds your dataset and a colleague's of the same 1,000 documents
 * ("--documents N"), about 40 spans each, theirs differing by relabelled,
 * moved, missing and extra spans; then times what the window does after a
 * resolution: the resolution itself, the comparison of its document, and
 * the dataset's figures, brought up to date with mg_agreement_refresh() or
 * made again from scratch with mg_review_session_compare() as before.
 * With "--values" every span has a "kind" and every document a "stance",
 * which the two datasets give differently here and there: a review that
 * lists values. Medians of 21 resolutions, wall and processor time, with
 * the machine's load average. Not a test: figures depend on the machine.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "mg-core.h"
#include "mg-review-session.h"

#define N_ROUNDS 21

static const char *words[] = {
  "the", "minister", "said", "on", "Tuesday", "that", "council", "would",
  "spend", "€4.2", "million", "housing", "for", "1,200", "families", "Zoë",
  "Fährmann", "told", "reporters", "in", "Brussels", "37%", "of", "voters",
};

static const char *labels[] = { "quote", "actor", "claim", "figure" };

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double
wall_ms (void)
{
  return g_get_monotonic_time () / 1e3;
}

static void
print_load (void)
{
  double load[3];

  if (getloadavg (load, 3) == 3)
    printf ("load average: %.2f %.2f %.2f (%ld processors)\n",
            load[0], load[1], load[2], sysconf (_SC_NPROCESSORS_ONLN));
}

static gboolean with_values;

static JsonObject *
one_value (const char *member,
           const char *id,
           const char *value)
{
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), value);

  return mg_extra_with_value (NULL, member, id, node);
}

static void
add_span (MgDocument *doc,
          const char *label,
          guint       start,
          guint       end,
          const char *kind)
{
  g_autoptr(MgAnnotation) a = mg_annotation_new (NULL, label, start, end);

  if (with_values)
    {
      g_autoptr(JsonObject) extra = one_value ("attributes", "kind", kind);

      mg_annotation_set_extra (a, extra);
    }
  /* A twin is refused, which is fine here. */
  mg_annotation_store_add (mg_document_get_store (doc), a, NULL);
}

static void
build (guint       n_documents,
       MgDataset **yours,
       MgDataset **theirs)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  *yours = mg_dataset_new ();
  *theirs = mg_dataset_new ();
  mg_dataset_set_annotator (*yours, "you");
  mg_dataset_set_annotator (*theirs, "them");

  for (guint d = 0; d < n_documents; d++)
    {
      g_autofree char *id = g_strdup_printf ("article-%04u", d + 1);
      GString *text = g_string_new (NULL);
      g_autoptr(MgDocument) mine = NULL;
      g_autoptr(MgDocument) other = NULL;
      guint length;

      for (guint w = 0; w < 600; w++)
        {
          g_string_append (text, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
          g_string_append_c (text, w % 80 == 79 ? '\n' : ' ');
        }
      mine = mg_document_new (id, text->str, -1);
      other = mg_document_new (id, text->str, -1);
      g_string_free (text, TRUE);
      length = mg_document_get_length (mine);

      for (guint i = 0; i < 40; i++)
        {
          guint start = g_rand_int_range (rand, 0, length - 30);
          guint end = start + g_rand_int_range (rand, 3, 30);
          const char *label = labels[g_rand_int_range (rand, 0, 4)];

          add_span (mine, label, start, end, "direct");
          switch (g_rand_int_range (rand, 0, 8))
            {
            case 0:
              add_span (other, labels[g_rand_int_range (rand, 0, 4)], start, end, "direct");
              break;
            case 1:
              add_span (other, label, start + 1, end, "direct");
              break;
            case 2:
              break;
            case 3:
              add_span (other, label, start, end, "indirect");
              break;
            default:
              add_span (other, label, start, end, "direct");
              break;
            }
        }
      if (with_values)
        {
          g_autoptr(JsonObject) a = one_value ("codes", "stance", "pro");
          g_autoptr(JsonObject) b = one_value ("codes", "stance", d % 3 ? "pro" : "against");

          mg_document_set_extra (mine, a);
          mg_document_set_extra (other, b);
        }
      mg_dataset_add_document (*yours, mine);
      mg_dataset_add_document (*theirs, other);
    }
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  const double *x = a, *y = b;

  return (*x > *y) - (*x < *y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

/* One resolution in document @d, and what follows it in the window; the
 * dataset's figures refreshed, or compared again when @full. */
static void
resolve_one (MgReviewSession *session,
             MgHistory       *history,
             MgDataset       *yours,
             guint            d,
             MgAgreement    **dataset_agreement,
             gboolean         full,
             double          *wall,
             double          *cpu)
{
  MgDocument *doc = mg_dataset_get_document (yours, d);
  g_autoptr(MgAgreement) before = mg_review_session_compare_document (session, doc);
  g_autoptr(MgAgreement) after = NULL;
  g_autoptr(GError) error = NULL;
  double w0, c0;

  if (mg_agreement_get_n_disagreements (before) == 0)
    g_error ("document %u has nothing to resolve", d);

  w0 = wall_ms ();
  c0 = cpu_ms ();
  if (!mg_review_session_resolve (session, history, doc, mg_agreement_get_disagreement (before, 0),
                                  MG_RESOLUTION_THEIRS, &error))
    g_error ("%s", error->message);
  after = mg_review_session_compare_document (session, doc);
  if (full || !mg_agreement_refresh (*dataset_agreement))
    {
      g_clear_object (dataset_agreement);
      *dataset_agreement = mg_review_session_compare (session);
    }
  (void) mg_agreement_get_figures (*dataset_agreement, -1, -1);
  *cpu = cpu_ms () - c0;
  *wall = wall_ms () - w0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- time review resolutions");
  g_autoptr(GError) error = NULL;
  int n_documents = 1000;
  GOptionEntry entries[] = {
    { "documents", 0, 0, G_OPTION_ARG_INT, &n_documents, "Documents (1000)", "N" },
    { "values", 0, 0, G_OPTION_ARG_NONE, &with_values, "Attributes and codes on both sides", NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || n_documents < N_ROUNDS)
    {
      g_printerr ("bench-review: %s\n", error ? error->message : "at least 21 documents");
      return 2;
    }

  print_load ();
  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr(MgDataset) yours = NULL;
      g_autoptr(MgDataset) theirs = NULL;
      g_autoptr(MgReviewSession) session = NULL;
      g_autoptr(MgHistory) history = NULL;
      g_autoptr(MgAgreement) agreement = NULL;
      double walls[N_ROUNDS], cpus[N_ROUNDS];
      gboolean full = pass == 1;

      build ((guint) n_documents, &yours, &theirs);
      session = mg_review_session_new (yours, "you", theirs, "them");
      history = mg_history_new (yours);
      agreement = mg_review_session_compare (session);

      for (guint r = 0; r < N_ROUNDS; r++)
        resolve_one (session, history, yours, r * ((guint) n_documents / N_ROUNDS),
                     &agreement, full, &walls[r], &cpus[r]);

      printf ("%u documents, one resolution, figures %-14s %8.2f ms (processor %.2f ms), medians of %d\n",
              mg_dataset_get_n_documents (yours), full ? "compared anew:" : "refreshed:",
              median (walls, N_ROUNDS), median (cpus, N_ROUNDS), N_ROUNDS);
    }
  print_load ();

  return 0;
}
