/* bench-suggest.c: how good and how fast the suggestions are, against gold
 *
 *   bench-suggest [--map=SPEC] [--split=dev|held-out|all] CORPUS
 *   bench-suggest --figures=DATASET
 *
 * CORPUS is a gold dataset file or a brat collection (mapped with SPEC,
 * by default Source=actor,Content=quote, other types left out). The split
 * is fixed before looking at any result: a document is a development
 * document when the last hex digit of the SHA-1 of its text's file name
 * (source.path's base name, else its id) is below 'c'; the rest is held
 * out. Prints precision, recall and F1, exact and overlapping, for
 * quotes (all, and those with quote marks), speakers (the actors quotes
 * are attributed to), the share of found quotes whose proposed speaker
 * overlaps the gold one, and time per MB with the machine's load.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "mg-dataset-io.h"
#include "mg-import-brat.h"
#include "mg-suggest.h"

typedef struct {
  guint start, end;
  gboolean marks;
} Range;

typedef struct {
  const char *name;
  guint n_gold, n_proposed;
  guint gold_found, proposed_right;          /* overlapping */
  guint gold_exact, proposed_exact;          /* exact */
} Score;

typedef struct {
  Score quote, direct, speaker, figure, baseline;
  guint attributed, attributed_right, attributed_none;
  gsize bytes;
  guint documents;
  double cpu, wall;
} Totals;

static gboolean
overlaps (const Range *a,
          const Range *b)
{
  return a->start < b->end && b->start < a->end;
}

static void
score (Score  *s,
       GArray *gold,
       GArray *proposed)
{
  s->n_gold += gold->len;
  s->n_proposed += proposed->len;
  for (guint i = 0; i < gold->len; i++)
    {
      Range *g = &g_array_index (gold, Range, i);
      gboolean found = FALSE, exact = FALSE;

      for (guint j = 0; j < proposed->len; j++)
        {
          Range *p = &g_array_index (proposed, Range, j);

          found = found || overlaps (g, p);
          exact = exact || (g->start == p->start && g->end == p->end);
        }
      s->gold_found += found;
      s->gold_exact += exact;
    }
  for (guint j = 0; j < proposed->len; j++)
    {
      Range *p = &g_array_index (proposed, Range, j);
      gboolean right = FALSE, exact = FALSE;

      for (guint i = 0; i < gold->len; i++)
        {
          Range *g = &g_array_index (gold, Range, i);

          right = right || overlaps (g, p);
          exact = exact || (g->start == p->start && g->end == p->end);
        }
      s->proposed_right += right;
      s->proposed_exact += exact;
    }
}

static double
ratio (guint a,
       guint b)
{
  return b ? (double)a / b : 0.0;
}

static double
f1 (double p,
    double r)
{
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

static void
print_score (const Score *s)
{
  double p = ratio (s->proposed_right, s->n_proposed), r = ratio (s->gold_found, s->n_gold);
  double pe = ratio (s->proposed_exact, s->n_proposed), re = ratio (s->gold_exact, s->n_gold);

  printf ("  %-26s gold %6u  proposed %6u  overlap P %.3f R %.3f F1 %.3f   exact P %.3f R %.3f F1 %.3f\n",
          s->name, s->n_gold, s->n_proposed, p, r, f1 (p, r), pe, re, f1 (pe, re));
}

/* Quote marks, not apostrophes: "don’t" is no quotation, so ’ and ' do
 * not count; the opening ‘ does. */
static gboolean
has_quote_mark (const char *text)
{
  static const char *marks[] = { "\"", "“", "”", "«", "»", "„", "‘", "‹", "›", "「", "」" };

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    if (strstr (text, marks[i]) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
is_dev (MgDocument *doc)
{
  const char *path = mg_document_get_source_path (doc);
  g_autofree char *base = g_path_get_basename (path ? path : mg_document_get_id (doc));
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA1, base, -1);

  return sha[strlen (sha) - 1] < 'c';
}

/* The bare regular expression the targets compare with: “…” and "…"
 * within a line. */
static GArray *
baseline_quotes (const char *text)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (Range));
  g_autoptr(GRegex) re = g_regex_new ("“[^”\\n]*”|\"[^\"\\n]*\"", 0, 0, NULL);
  g_autoptr(GMatchInfo) info = NULL;

  g_regex_match (re, text, 0, &info);
  while (g_match_info_matches (info))
    {
      int s, e;
      Range r;

      g_match_info_fetch_pos (info, 0, &s, &e);
      r.start = g_utf8_pointer_to_offset (text, text + s);
      r.end = g_utf8_pointer_to_offset (text, text + e);
      g_array_append_val (out, r);
      g_match_info_next (info, NULL);
    }
  return out;
}

typedef struct {
  GArray *quotes, *direct, *speakers, *figures;
  GPtrArray *sources_of;  /* per quote: GArray of Range */
} Gold;

static void
gold_clear (Gold *g)
{
  g_array_unref (g->quotes);
  g_array_unref (g->direct);
  g_array_unref (g->speakers);
  g_array_unref (g->figures);
  g_ptr_array_unref (g->sources_of);
}

static Range
range_of (MgAnnotation *a)
{
  Range r = { mg_annotation_get_start (a), mg_annotation_get_end (a), has_quote_mark (mg_annotation_get_text (a)) };

  return r;
}

static void
read_gold (MgDocument *doc,
           Gold       *g)
{
  MgAnnotationStore *store = mg_document_get_store (doc);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  g->quotes = g_array_new (FALSE, FALSE, sizeof (Range));
  g->direct = g_array_new (FALSE, FALSE, sizeof (Range));
  g->speakers = g_array_new (FALSE, FALSE, sizeof (Range));
  g->figures = g_array_new (FALSE, FALSE, sizeof (Range));
  g->sources_of = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  for (guint i = 0; i < mg_annotation_store_get_n_annotations (store); i++)
    {
      MgAnnotation *a = mg_annotation_store_get_annotation (store, i);
      Range r = range_of (a);

      if (g_strcmp0 (mg_annotation_get_label (a), "figure") == 0)
        g_array_append_val (g->figures, r);
      if (g_strcmp0 (mg_annotation_get_label (a), "quote") != 0)
        continue;
      g_array_append_val (g->quotes, r);
      if (r.marks)
        g_array_append_val (g->direct, r);
      {
        GArray *sources = g_array_new (FALSE, FALSE, sizeof (Range));
        g_autoptr(GPtrArray) rels = mg_annotation_store_relations_of (store, a);

        for (guint k = 0; k < rels->len; k++)
          {
            MgRelation *rel = rels->pdata[k];
            MgAnnotation *to;

            if (g_strcmp0 (mg_relation_get_from (rel), mg_annotation_get_id (a)) != 0)
              continue;
            to = mg_annotation_store_lookup (store, mg_relation_get_to (rel));
            if (to == NULL)
              continue;
            r = range_of (to);
            g_array_append_val (sources, r);
            if (g_hash_table_add (seen, to))
              g_array_append_val (g->speakers, r);
          }
        g_ptr_array_add (g->sources_of, sources);
      }
    }
}

/* For each proposed quote that overlaps a gold quote with a gold source:
 * does its proposed speaker overlap one of those sources? */
static void
score_attribution (Totals        *t,
                   MgSuggestions *sug,
                   Gold          *g)
{
  for (guint i = 0; i < mg_suggestions_get_n_spans (sug); i++)
    {
      const MgSuggestion *s = mg_suggestions_get_span (sug, i);
      Range p = { s->start, s->end, FALSE }, speaker = { 0, 0, FALSE };
      gboolean matched = FALSE, right = FALSE, has_speaker = FALSE;

      if (strcmp (s->label, "quote") != 0)
        continue;
      for (guint r = 0; r < mg_suggestions_get_n_relations (sug); r++)
        if (mg_suggestions_get_relation (sug, r)->from == i)
          {
            const MgSuggestion *a = mg_suggestions_get_span (sug, mg_suggestions_get_relation (sug, r)->to);

            speaker.start = a->start, speaker.end = a->end, has_speaker = TRUE;
          }
      for (guint q = 0; q < g->quotes->len; q++)
        {
          GArray *sources = g->sources_of->pdata[q];

          if (!overlaps (&p, &g_array_index (g->quotes, Range, q)) || sources->len == 0)
            continue;
          matched = TRUE;
          for (guint k = 0; k < sources->len && has_speaker; k++)
            right = right || overlaps (&speaker, &g_array_index (sources, Range, k));
        }
      t->attributed += matched;
      t->attributed_right += matched && right;
      t->attributed_none += matched && !has_speaker;
    }
}

static void
proposed_ranges (MgSuggestions *sug,
                 Gold          *g,
                 const char    *text,
                 GArray        *quotes,
                 GArray        *direct,
                 GArray        *speakers,
                 GArray        *figures)
{
  for (guint i = 0; i < mg_suggestions_get_n_spans (sug); i++)
    {
      const MgSuggestion *s = mg_suggestions_get_span (sug, i);
      Range r = { s->start, s->end, FALSE };

      if (strcmp (s->label, "quote") == 0)
        {
          const char *a = g_utf8_offset_to_pointer (text, s->start);
          const char *b = g_utf8_offset_to_pointer (a, s->end - s->start);
          g_autofree char *slice = g_strndup (a, b - a);

          g_array_append_val (quotes, r);
          if (has_quote_mark (slice))
            g_array_append_val (direct, r);
        }
      else if (strcmp (s->label, "figure") == 0)
        g_array_append_val (figures, r);
    }
  for (guint r = 0; r < mg_suggestions_get_n_relations (sug); r++)
    {
      const MgSuggestion *a = mg_suggestions_get_span (sug, mg_suggestions_get_relation (sug, r)->to);
      Range x = { a->start, a->end, FALSE };
      gboolean dup = FALSE;

      for (guint k = 0; k < speakers->len && !dup; k++)
        dup = g_array_index (speakers, Range, k).start == x.start && g_array_index (speakers, Range, k).end == x.end;
      if (!dup)
        g_array_append_val (speakers, x);
    }
}

static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
run_document (MgSuggestRules *rules,
              MgDocument     *doc,
              Totals         *t)
{
  const char *text = mg_document_get_text (doc);
  g_autoptr(GArray) quotes = g_array_new (FALSE, FALSE, sizeof (Range));
  g_autoptr(GArray) direct = g_array_new (FALSE, FALSE, sizeof (Range));
  g_autoptr(GArray) speakers = g_array_new (FALSE, FALSE, sizeof (Range));
  g_autoptr(GArray) figures = g_array_new (FALSE, FALSE, sizeof (Range));
  g_autoptr(GArray) baseline = baseline_quotes (text);
  g_autoptr(MgSuggestions) sug = NULL;
  double c0 = cpu_seconds ();
  gint64 w0 = g_get_monotonic_time ();
  Gold g;

  sug = mg_suggest_text (rules, text, mg_document_get_text_bytes (doc), "en", MG_SUGGEST_ALL, NULL, NULL);
  t->cpu += cpu_seconds () - c0;
  t->wall += (g_get_monotonic_time () - w0) / 1e6;
  t->bytes += mg_document_get_text_bytes (doc);
  t->documents++;

  read_gold (doc, &g);
  proposed_ranges (sug, &g, text, quotes, direct, speakers, figures);
  score (&t->quote, g.quotes, quotes);
  score (&t->direct, g.direct, direct);
  score (&t->baseline, g.direct, baseline);
  score (&t->speaker, g.speakers, speakers);
  score (&t->figure, g.figures, figures);
  score_attribution (t, sug, &g);
  if (g_getenv ("BENCH_SUGGEST_DUMP") != NULL)
    for (guint i = 0; i < mg_suggestions_get_n_spans (sug); i++)
      {
        const MgSuggestion *s = mg_suggestions_get_span (sug, i);
        const char *a = g_utf8_offset_to_pointer (text, s->start);
        const char *b = g_utf8_offset_to_pointer (a, s->end - s->start);

        printf ("%s\t%s\t%s\t%u\t%.*s\n", mg_document_get_id (doc), s->label, s->rule, s->start,
                (int)(b - a), a);
      }
  gold_clear (&g);
}

static void
print_totals (const char *title,
              Totals     *t)
{
  double load[3] = { 0 };
  g_autofree char *loadavg = NULL;

  if (g_file_get_contents ("/proc/loadavg", &loadavg, NULL, NULL))
    sscanf (loadavg, "%lf %lf %lf", &load[0], &load[1], &load[2]);
  t->quote.name = "quote (all Content)";
  t->direct.name = "quote with quote marks";
  t->baseline.name = "  bare quote-mark regex";
  t->speaker.name = "speaker (Source)";
  t->figure.name = "figure";
  printf ("%s: %u documents, %.2f MB\n", title, t->documents, t->bytes / 1e6);
  if (t->quote.n_gold > 0)
    {
      print_score (&t->quote);
      print_score (&t->direct);
      print_score (&t->baseline);
      print_score (&t->speaker);
      printf ("  speaker of found quotes    %u of %u right (%.3f); %u without a proposed speaker\n",
              t->attributed_right, t->attributed, ratio (t->attributed_right, t->attributed),
              t->attributed_none);
    }
  if (t->figure.n_gold > 0)
    print_score (&t->figure);
  printf ("  time                       %.1f ms processor, %.1f ms wall per MB (load %.2f %.2f %.2f)\n",
          t->bytes ? t->cpu * 1e3 / (t->bytes / 1e6) : 0, t->bytes ? t->wall * 1e3 / (t->bytes / 1e6) : 0,
          load[0], load[1], load[2]);
}

static GPtrArray *
load_corpus (const char  *path,
             const char  *spec,
             GError     **error)
{
  g_autoptr(MgLabelSet) labels = mg_label_set_new_default ();
  g_autoptr(MgBratMap) map = mg_brat_map_new ();
  g_autoptr(MgDataset) dataset = NULL;
  GPtrArray *docs;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      if (!mg_brat_map_parse (map, spec, error))
        return NULL;
      mg_brat_map_set_unmapped (map, MG_BRAT_UNMAPPED_SKIP);
      return mg_import_brat (path, map, labels, MG_BRAT_IMPORT_NONE, NULL, NULL, error);
    }
  dataset = mg_dataset_load_file (path, error);
  if (dataset == NULL)
    return NULL;
  docs = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < mg_dataset_get_n_documents (dataset); i++)
    g_ptr_array_add (docs, g_object_ref (mg_dataset_get_document (dataset, i)));
  return docs;
}

/* One synthetic article of @mb megabytes from the corpus's texts, to time
 * the engine on a single long document. */
static void
time_big (MgSuggestRules *rules,
          GPtrArray      *docs,
          double          mb)
{
  g_autoptr(GString) big = g_string_new (NULL);
  g_autoptr(MgSuggestions) sug = NULL;
  double c0;
  gint64 w0;

  for (guint i = 0; big->len < mb * 1e6 && docs->len > 0; i = (i + 1) % docs->len)
    {
      g_string_append (big, mg_document_get_text (docs->pdata[i]));
      g_string_append (big, "\n\n");
    }
  c0 = cpu_seconds ();
  w0 = g_get_monotonic_time ();
  sug = mg_suggest_text (rules, big->str, big->len, "en", MG_SUGGEST_ALL, NULL, NULL);
  printf ("one article of %.2f MB: %.1f ms processor, %.1f ms wall, %u spans, %u relations\n",
          big->len / 1e6, (cpu_seconds () - c0) * 1e3, (g_get_monotonic_time () - w0) / 1e3,
          mg_suggestions_get_n_spans (sug), mg_suggestions_get_n_relations (sug));
}

int
main (int   argc,
      char *argv[])
{
  /* GOption overwrites a string without freeing it: defaults come after. */
  g_autofree char *spec = NULL;
  g_autofree char *split = NULL;
  g_autofree char *figures = NULL;
  double big_mb = 1.0;
  GOptionEntry entries[] = {
    { "map", 0, 0, G_OPTION_ARG_STRING, &spec, "brat types to labels", "SPEC" },
    { "split", 0, 0, G_OPTION_ARG_STRING, &split, "dev, held-out or all (both, apart)", "SPLIT" },
    { "figures", 0, 0, G_OPTION_ARG_FILENAME, &figures, "a dataset with hand-labelled figures", "FILE" },
    { "big", 0, 0, G_OPTION_ARG_DOUBLE, &big_mb, "size of the one long article timed, in MB", "MB" },
    { NULL }
  };
  g_autoptr(GOptionContext) options = g_option_context_new ("[CORPUS]");
  g_autoptr(GError) error = NULL;
  g_autoptr(MgSuggestRules) rules = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  Totals dev = { 0 }, held = { 0 };

  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error) || (argc != 2 && figures == NULL))
    {
      g_printerr ("%s\n", error ? error->message : "usage: bench-suggest [--map=SPEC] [--split=SPLIT] CORPUS");
      return 2;
    }
  if (spec == NULL)
    spec = g_strdup ("Source=actor,Content=quote");
  if (split == NULL)
    split = g_strdup ("all");
  rules = mg_suggest_rules_new (NULL, &error);
  docs = load_corpus (figures ? figures : argv[1], spec, &error);
  if (docs == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  for (guint i = 0; i < docs->len; i++)
    {
      gboolean d = figures != NULL || is_dev (docs->pdata[i]);

      if (d && g_strcmp0 (split, "held-out") != 0)
        run_document (rules, docs->pdata[i], &dev);
      else if (!d && g_strcmp0 (split, "dev") != 0)
        run_document (rules, docs->pdata[i], &held);
    }
  if (dev.documents > 0)
    print_totals (figures ? "figures" : "dev", &dev);
  if (held.documents > 0)
    print_totals ("held-out", &held);
  if (figures == NULL && big_mb > 0)
    time_big (rules, docs, big_mb);
  return 0;
}
