/* test-suggest-record.c: what a dataset keeps about suggestions (origin,
 * rejections, the dataset's switch), accepting and rejecting as steps of
 * the history, and validate's checks of those members
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mg-core.h"
#include "mg-dataset-io.h"
#include "mg-history.h"
#include "mg-merge3.h"
#include "mg-suggest-record.h"

#define TEXT "“We will raise the fees,” said Jan de Vries, the harbour master. " \
             "Fees rose by 12% in 2025."

static MgSuggestRules *rules;

typedef struct
{
  MgDataset     *dataset;
  MgDocument    *doc;
  MgHistory     *history;
  MgSuggestions *suggestions;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(MgLabelSet) labels = mg_label_set_new_default ();
  g_autoptr(GError) error = NULL;

  f->dataset = mg_dataset_new_with_labels (labels);
  f->doc = mg_document_new ("harbour", TEXT, -1);
  g_assert_true (mg_dataset_add_document (f->dataset, f->doc));
  f->history = mg_history_new (f->dataset);
  f->suggestions = mg_suggest_document (rules, f->doc, "en", MG_SUGGEST_ALL, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_object_unref (f->suggestions);
  g_object_unref (f->history);
  g_object_unref (f->doc);
  g_object_unref (f->dataset);
}

/* The position of the suggestion of @label over @want, which must exist. */
static guint
find (Fixture    *f,
      const char *label,
      const char *want)
{
  for (guint i = 0; i < mg_suggestions_get_n_spans (f->suggestions); i++)
    {
      const MgSuggestion *s = mg_suggestions_get_span (f->suggestions, i);
      g_autofree char *got = mg_document_substring (f->doc, s->start, s->end);

      if (strcmp (s->label, label) == 0 && strcmp (got, want) == 0)
        return i;
    }
  g_error ("no %s suggestion “%s”", label, want);
}

static char *
to_string (MgDataset *dataset)
{
  g_autoptr(GBytes) bytes = mg_dataset_to_bytes (dataset);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static MgDataset *
reload (MgDataset *dataset)
{
  g_autofree char *text = to_string (dataset);
  g_autoptr(GError) error = NULL;
  MgDataset *copy = mg_dataset_load_data (text, strlen (text), "reload.json", &error);

  g_assert_no_error (error);
  return copy;
}

static gboolean
shown (Fixture *f,
       guint    position)
{
  g_autoptr(GArray) kept = mg_suggest_filter (f->suggestions, f->doc, mg_dataset_get_labels (f->dataset));

  for (guint i = 0; i < kept->len; i++)
    if (g_array_index (kept, guint, i) == position)
      return TRUE;
  return FALSE;
}

static void
test_enabled (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *before = to_string (f->dataset);
  g_autofree char *on = NULL;
  g_autofree char *off = NULL;
  g_autoptr(MgDataset) copy = NULL;

  g_assert_false (mg_suggest_dataset_get_enabled (f->dataset));
  mg_suggest_dataset_set_enabled (f->dataset, TRUE);
  g_assert_true (mg_suggest_dataset_get_enabled (f->dataset));
  on = to_string (f->dataset);
  g_assert_nonnull (strstr (on, "\n  \"suggestions\": {\"enabled\": true}\n}\n"));
  copy = reload (f->dataset);
  g_assert_true (mg_suggest_dataset_get_enabled (copy));

  /* Off again writes the file as it was, not "enabled": false. */
  mg_suggest_dataset_set_enabled (f->dataset, FALSE);
  g_assert_false (mg_suggest_dataset_get_enabled (f->dataset));
  off = to_string (f->dataset);
  g_assert_cmpstr (off, ==, before);
}

static void
test_origin_kept (Fixture       *f,
                  gconstpointer  data)
{
  guint quote = find (f, "quote", "“We will raise the fees,”");
  const MgSuggestion *s = mg_suggestions_get_span (f->suggestions, quote);
  g_autoptr(GError) error = NULL;
  g_autoptr(MgDataset) copy = NULL;
  g_autofree char *text = NULL;
  MgAnnotation *a, *hand;
  const char *rule = NULL, *label = NULL;

  a = mg_suggest_accept (f->history, f->doc, f->suggestions, quote, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (a);
  g_assert_cmpstr (mg_annotation_get_label (a), ==, "quote");
  g_assert_true (mg_suggest_get_origin (a, &rule, &label));
  g_assert_cmpstr (rule, ==, s->rule);
  g_assert_cmpstr (label, ==, "quote");
  g_assert_false (shown (f, quote));

  /* Relabelled and moved, it still began as a suggestion of a quote. */
  g_assert_true (mg_history_set_label (f->history, f->doc, a, "claim", &error));
  g_assert_true (mg_history_set_range (f->history, f->doc, a, s->start + 1, s->end, &error));
  g_assert_no_error (error);
  g_assert_true (mg_suggest_get_origin (a, &rule, &label));
  g_assert_cmpstr (label, ==, "quote");
  /* Moved away, the proposal is no longer a twin of a span: shown again. */
  g_assert_true (shown (f, quote));

  /* A span made by hand has no origin. */
  {
    g_autoptr(MgAnnotation) h = mg_annotation_new (NULL, "claim", 65, 69);

    g_assert_true (mg_history_add_annotation (f->history, f->doc, h, &error));
    hand = h;
  }
  g_assert_false (mg_suggest_get_origin (hand, NULL, NULL));

  text = to_string (f->dataset);
  g_assert_nonnull (strstr (text, "\"origin\": {\"label\": \"quote\", \"rule\": \""));
  g_assert_cmpuint (strstr (text, "\"origin\"") - text, ==,
                    g_strrstr (text, "\"origin\"") - text);
  copy = reload (f->dataset);
  a = mg_annotation_store_find (mg_document_get_store (mg_dataset_get_document (copy, 0)),
                                "claim", s->start + 1, s->end);
  g_assert_nonnull (a);
  g_assert_true (mg_suggest_get_origin (a, &rule, &label));
  g_assert_cmpstr (label, ==, "quote");
  g_assert_cmpstr (rule, ==, s->rule);
}

/* A span of the suggestion's label over part of it, or over more, hides
 * it; one of another label does not. */
static void
test_covered (Fixture       *f,
              gconstpointer  data)
{
  guint figure = find (f, "figure", "12%");
  const MgSuggestion *fs = mg_suggestions_get_span (f->suggestions, figure);
  g_autoptr(MgAnnotation) claim = mg_annotation_new (NULL, "claim", fs->start - 3, fs->end);
  g_autoptr(MgAnnotation) wider = mg_annotation_new (NULL, "figure", fs->start - 3, fs->end);
  g_autoptr(MgAnnotation) after = mg_annotation_new (NULL, "figure", fs->end, fs->end + 2);

  g_assert_true (shown (f, figure));
  g_assert_true (mg_history_add_annotation (f->history, f->doc, claim, NULL));
  g_assert_true (mg_history_add_annotation (f->history, f->doc, after, NULL));
  g_assert_true (shown (f, figure));
  g_assert_true (mg_history_add_annotation (f->history, f->doc, wider, NULL));
  g_assert_false (shown (f, figure));
  mg_history_undo (f->history);
  g_assert_true (shown (f, figure));
}

static void
test_reject (Fixture       *f,
             gconstpointer  data)
{
  guint figure = find (f, "figure", "12%");
  guint year = find (f, "figure", "2025");
  guint actor = find (f, "actor", "Jan de Vries");
  const MgSuggestion *fs = mg_suggestions_get_span (f->suggestions, figure);
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(MgDataset) copy = NULL;

  g_assert_true (shown (f, figure));
  /* Rejected out of order, the entries are written sorted, one a line. */
  mg_suggest_reject (f->history, f->doc, mg_suggestions_get_span (f->suggestions, year));
  mg_suggest_reject (f->history, f->doc, fs);
  mg_suggest_reject (f->history, f->doc, mg_suggestions_get_span (f->suggestions, actor));
  g_assert_false (shown (f, figure));
  g_assert_false (shown (f, year));
  g_assert_false (shown (f, actor));
  g_assert_true (mg_suggest_is_rejected (f->doc, "figure", fs->start, fs->end));
  g_assert_false (mg_suggest_is_rejected (f->doc, "actor", fs->start, fs->end));
  g_assert_cmpuint (mg_suggest_count_rejected (f->doc), ==, 3);

  /* Rejecting it twice records nothing. */
  g_assert_null (mg_suggest_add_rejection (f->doc, fs));

  text = to_string (f->dataset);
  expected = g_strdup_printf (
    "      \"rejected_suggestions\": [\n"
    "        {\"end\": %u, \"label\": \"actor\", \"rule\": \"%s\", \"start\": %u},\n"
    "        {\"end\": %u, \"label\": \"figure\", \"rule\": \"%s\", \"start\": %u},\n"
    "        {\"end\": %u, \"label\": \"figure\", \"rule\": \"%s\", \"start\": %u}\n"
    "      ]\n",
    mg_suggestions_get_span (f->suggestions, actor)->end,
    mg_suggestions_get_span (f->suggestions, actor)->rule,
    mg_suggestions_get_span (f->suggestions, actor)->start,
    fs->end, fs->rule, fs->start,
    mg_suggestions_get_span (f->suggestions, year)->end,
    mg_suggestions_get_span (f->suggestions, year)->rule,
    mg_suggestions_get_span (f->suggestions, year)->start);
  g_assert_nonnull (strstr (text, expected));
  copy = reload (f->dataset);
  g_assert_true (mg_suggest_is_rejected (mg_dataset_get_document (copy, 0), "figure", fs->start, fs->end));

  /* Each rejection is a step: undo shows the proposal again. */
  g_assert_true (mg_history_undo (f->history) == f->doc);
  g_assert_true (shown (f, actor));
  g_assert_false (shown (f, figure));
  mg_history_undo (f->history);
  mg_history_undo (f->history);
  g_assert_true (shown (f, figure));
  g_assert_cmpuint (mg_suggest_count_rejected (f->doc), ==, 0);
}

static void
test_accept_links_speaker (Fixture       *f,
                           gconstpointer  data)
{
  MgAnnotationStore *store = mg_document_get_store (f->doc);
  guint quote = find (f, "quote", "“We will raise the fees,”");
  guint actor = find (f, "actor", "Jan de Vries");
  g_autoptr(GError) error = NULL;
  MgAnnotation *speaker, *q;
  gboolean related = FALSE;

  for (guint i = 0; i < mg_suggestions_get_n_relations (f->suggestions); i++)
    {
      const MgSuggestedRelation *r = mg_suggestions_get_relation (f->suggestions, i);

      related |= r->from == quote && r->to == actor;
    }
  g_assert_true (related);

  speaker = mg_suggest_accept (f->history, f->doc, f->suggestions, actor, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mg_annotation_store_get_n_relations (store), ==, 0);

  q = mg_suggest_accept (f->history, f->doc, f->suggestions, quote, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (mg_annotation_store_attributed_to (store, q) == speaker);

  /* The quote and its relation are one step. */
  mg_history_undo (f->history);
  g_assert_cmpuint (mg_annotation_store_get_n_annotations (store), ==, 1);
  g_assert_cmpuint (mg_annotation_store_get_n_relations (store), ==, 0);

  /* Accepting the actor after the quote links them too, under the label
   * chosen for the quote. */
  mg_history_undo (f->history);
  q = mg_suggest_accept (f->history, f->doc, f->suggestions, quote, "claim", &error);
  g_assert_no_error (error);
  /* Accepted under another label, it is not proposed again. */
  g_assert_false (shown (f, quote));
  speaker = mg_suggest_accept (f->history, f->doc, f->suggestions, actor, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (mg_annotation_store_attributed_to (store, q) == speaker);

  /* A twin of a span is refused and records nothing. */
  g_assert_null (mg_suggest_accept (f->history, f->doc, f->suggestions, actor, NULL, &error));
  g_assert_error (error, MG_ERROR, MG_ERROR_DUPLICATE);
}

static void
test_accept_all (Fixture       *f,
                 gconstpointer  data)
{
  MgAnnotationStore *store = mg_document_get_store (f->doc);
  g_autoptr(GError) error = NULL;
  guint n_figures = 0;
  guint added;

  mg_suggest_reject (f->history, f->doc,
                     mg_suggestions_get_span (f->suggestions, find (f, "figure", "2025")));
  for (guint i = 0; i < mg_suggestions_get_n_spans (f->suggestions); i++)
    n_figures += strcmp (mg_suggestions_get_span (f->suggestions, i)->label, "figure") == 0;
  g_assert_cmpuint (n_figures, >=, 2);

  added = mg_suggest_accept_all (f->history, f->doc, f->suggestions, "figure", TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, n_figures - 1);
  g_assert_cmpuint (mg_annotation_store_get_n_annotations (store), ==, n_figures - 1);

  /* Every label, with relations: the rest, and the quote attributed. */
  added = mg_suggest_accept_all (f->history, f->doc, f->suggestions, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (added, >=, 2);
  g_assert_cmpuint (mg_annotation_store_get_n_relations (store), ==, 1);
  for (guint i = 0; i < mg_annotation_store_get_n_annotations (store); i++)
    g_assert_true (mg_suggest_get_origin (mg_annotation_store_get_annotation (store, i), NULL, NULL));

  /* One step each. */
  mg_history_undo (f->history);
  g_assert_cmpuint (mg_annotation_store_get_n_annotations (store), ==, n_figures - 1);
  g_assert_cmpuint (mg_annotation_store_get_n_relations (store), ==, 0);
  mg_history_undo (f->history);
  g_assert_cmpuint (mg_annotation_store_get_n_annotations (store), ==, 0);
  g_assert_cmpuint (mg_suggest_count_rejected (f->doc), ==, 1);
}

/* "he" stands for the actor named before: the quote he said is attributed
 * to that actor's span, whichever is accepted first. */
static void
test_pronoun_speaker (void)
{
  g_autoptr(MgLabelSet) labels = mg_label_set_new_default ();
  g_autoptr(MgDataset) dataset = mg_dataset_new_with_labels (labels);
  g_autoptr(MgDocument) doc = mg_document_new ("d", "“We will raise the fees,” said Jan de Vries, "
                                               "the harbour master. “It is needed,” he said.", -1);
  g_autoptr(MgHistory) history = NULL;
  g_autoptr(MgSuggestions) s = NULL;
  g_autoptr(GError) error = NULL;
  MgAnnotationStore *store = mg_document_get_store (doc);
  MgAnnotation *actor, *second;
  int jan = -1, needed = -1;

  mg_dataset_add_document (dataset, doc);
  history = mg_history_new (dataset);
  s = mg_suggest_document (rules, doc, "en", MG_SUGGEST_ALL | MG_SUGGEST_KEEP_COVERED, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < mg_suggestions_get_n_spans (s); i++)
    {
      g_autofree char *t = mg_document_substring (doc, mg_suggestions_get_span (s, i)->start,
                                                  mg_suggestions_get_span (s, i)->end);

      if (g_str_equal (t, "Jan de Vries"))
        jan = (int) i;
      if (g_str_equal (t, "“It is needed,”"))
        needed = (int) i;
    }
  g_assert_cmpint (jan, >=, 0);
  g_assert_cmpint (needed, >=, 0);

  second = mg_suggest_accept (history, doc, s, (guint) needed, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (mg_annotation_store_attributed_to (store, second));
  actor = mg_suggest_accept (history, doc, s, (guint) jan, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (mg_annotation_store_attributed_to (store, second) == actor);

  /* The other order: the actor first, then the quote. */
  mg_history_undo (history);
  mg_history_undo (history);
  actor = mg_suggest_accept (history, doc, s, (guint) jan, NULL, &error);
  second = mg_suggest_accept (history, doc, s, (guint) needed, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (mg_annotation_store_attributed_to (store, second) == actor);
}

static void
reject_in (MgDataset          *dataset,
           const MgSuggestion *s)
{
  MgDocument *doc = mg_dataset_get_document (dataset, 0);
  g_autoptr(JsonObject) extra = mg_suggest_add_rejection (doc, s);

  mg_document_set_extra (doc, extra);
}

/* A git merge of two annotators' rejections keeps both, less what one side
 * took back. */
static void
test_merge (Fixture       *f,
            gconstpointer  data)
{
  const MgSuggestion *quote = mg_suggestions_get_span (f->suggestions, find (f, "quote", "“We will raise the fees,”"));
  const MgSuggestion *actor = mg_suggestions_get_span (f->suggestions, find (f, "actor", "Jan de Vries"));
  const MgSuggestion *pct = mg_suggestions_get_span (f->suggestions, find (f, "figure", "12%"));
  const MgSuggestion *year = mg_suggestions_get_span (f->suggestions, find (f, "figure", "2025"));
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) notices = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(MgDataset) ours = NULL;
  g_autoptr(MgDataset) theirs = NULL;
  g_autoptr(MgDataset) merged = NULL;
  g_autoptr(GError) error = NULL;
  MgDocument *doc;

  reject_in (f->dataset, quote);
  ours = reload (f->dataset);
  theirs = reload (f->dataset);
  reject_in (ours, pct);
  mg_document_set_extra (mg_dataset_get_document (theirs, 0), NULL);
  reject_in (theirs, year);
  reject_in (theirs, actor);

  merged = mg_merge3_datasets (f->dataset, ours, theirs, conflicts, notices, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 0);
  g_assert_cmpuint (notices->len, ==, 0);
  doc = mg_dataset_get_document (merged, 0);
  g_assert_cmpuint (mg_suggest_count_rejected (doc), ==, 3);
  g_assert_false (mg_suggest_is_rejected (doc, "quote", quote->start, quote->end));
  g_assert_true (mg_suggest_is_rejected (doc, "figure", pct->start, pct->end));
  g_assert_true (mg_suggest_is_rejected (doc, "figure", year->start, year->end));
  g_assert_true (mg_suggest_is_rejected (doc, "actor", actor->start, actor->end));
  /* Written sorted, as a fresh rejection would be. */
  {
    g_autofree char *text = to_string (merged);
    const char *a = strstr (text, "\"label\": \"actor\"");
    const char *p = strstr (text, "\"label\": \"figure\", \"rule\": \"figure-number\"");
    const char *y = strstr (text, "\"label\": \"figure\", \"rule\": \"figure-date\"");

    g_assert_true (a != NULL && p != NULL && y != NULL && a < p && p < y);
  }
}

static void
test_check (void)
{
  static const char *const bad[][2] = {
    { "\"suggestions\": true", "“suggestions” must be an object" },
    { "\"suggestions\": {\"enabled\": 1}", "“suggestions” must be an object" },
    { "\"origin\": \"quote-marks\"", "annotation “a1”: “origin” must be" },
    { "\"origin\": {\"rule\": \"quote-marks\"}", "annotation “a1”: “origin” must be" },
    { "\"rejected_suggestions\": {}", "document “d”: “rejected_suggestions” must be an array" },
    { "\"rejected_suggestions\": [{\"label\": \"quote\", \"start\": \"1\", \"end\": 3}]",
      "document “d”: rejected suggestion #1 must have" },
    { "\"rejected_suggestions\": [{\"label\": \"quote\", \"start\": 3, \"end\": 99, \"rule\": \"x\"}]",
      "document “d”: rejected suggestion #1: 3–99 is not a span of the text (5 characters)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad) + 1; i++)
    {
      const char *member = i < G_N_ELEMENTS (bad) ? bad[i][0] : "\"origin\": {\"label\": \"quote\", \"rule\": \"r\"}";
      gboolean on_annotation = strncmp (member, "\"origin\"", 8) == 0;
      gboolean on_document = strncmp (member, "\"rejected", 9) == 0;
      g_autofree char *json = g_strdup_printf (
        "{\"format\": \"marginalia-dataset\", \"version\": 1, \"annotator\": \"\", "
        "\"labels\": [{\"id\": \"quote\", \"name\": \"Quote\", \"color\": \"#0072B2\", \"key\": \"1\"}], "
        "\"documents\": [{\"id\": \"d\", \"title\": \"\", \"text\": \"hello\", \"text_sha256\": \"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824\", "
        "\"annotations\": [{\"id\": \"a1\", \"label\": \"quote\", \"start\": 0, \"end\": 5, \"text\": \"hello\"%s%s}]%s%s}]%s%s}",
        on_annotation ? ", " : "", on_annotation ? member : "",
        on_document ? ", " : "", on_document ? member : "",
        !on_annotation && !on_document ? ", " : "", !on_annotation && !on_document ? member : "");
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(MgDataset) dataset = mg_dataset_validate_data (json, strlen (json), "in.json", problems);

      g_assert_nonnull (dataset);
      if (problems->len > 0)
        g_error ("%s", (char *) problems->pdata[0]);
      mg_suggest_check_dataset (dataset, "in.json", problems);
      if (i == G_N_ELEMENTS (bad))
        {
          g_assert_cmpuint (problems->len, ==, 0);
          continue;
        }
      g_assert_cmpuint (problems->len, ==, 1);
      g_assert_true (g_str_has_prefix (problems->pdata[0], "in.json: "));
      g_assert_nonnull (strstr (problems->pdata[0], bad[i][1]));
    }
}

/* A dataset coded with a scheme of its own (PolNeAR's labels): no quote,
 * actor or figure label, and typed relations. */
#define POLNEAR_DATASET \
  "{\"format\": \"marginalia-dataset\", \"version\": 1, \"annotator\": \"\", " \
  "\"labels\": [{\"id\": \"source\", \"name\": \"Source\", \"color\": \"#D55E00\", \"key\": \"1\"}, " \
  "{\"id\": \"cue\", \"name\": \"Cue\", \"color\": \"#E69F00\", \"key\": \"2\"}, " \
  "{\"id\": \"content\", \"name\": \"Content\", \"color\": \"#0072B2\", \"key\": \"3\"}], " \
  "\"relation_types\": [{\"id\": \"cued-by\", \"name\": \"Cued by\", \"from\": [\"content\"], \"to\": [\"cue\"]}, " \
  "{\"id\": \"attribution\", \"name\": \"Attribution\", \"from\": [\"content\"], \"to\": [\"source\"]}], " \
  "\"documents\": []}"

static void
test_label_map (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MgDataset) dataset = mg_dataset_load_data (POLNEAR_DATASET, strlen (POLNEAR_DATASET), "polnear.json", &error);
  g_autoptr(MgHistory) history = NULL;
  g_autoptr(JsonObject) map = NULL;
  g_autoptr(JsonObject) cli = NULL;
  g_autoptr(JsonNode) settings = NULL;
  g_autoptr(MgLabelSet) defaults = mg_label_set_new_default ();
  g_autoptr(MgDataset) plain = mg_dataset_new_with_labels (defaults);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  history = mg_history_new (dataset);

  /* Without a map, no kind has a label to go under: the window asks. */
  for (guint k = 0; k < MG_SUGGEST_N_KINDS; k++)
    g_assert_null (mg_suggest_resolve_label (dataset, NULL, mg_suggest_engine_labels[k]));
  g_assert_true (mg_suggest_dataset_needs_label_map (dataset));
  g_assert_false (mg_suggest_dataset_needs_label_map (plain));
  g_assert_cmpstr (mg_suggest_resolve_label (plain, NULL, "quote"), ==, "quote");

  map = json_object_new ();
  json_object_set_string_member (map, "quote", "content");
  json_object_set_string_member (map, "actor", "source");
  json_object_set_null_member (map, "figure");
  settings = mg_suggest_settings_with_label_map (dataset, map);
  mg_suggest_dataset_set_enabled (dataset, TRUE);
  g_clear_pointer (&settings, json_node_unref);
  settings = mg_suggest_settings_with_label_map (dataset, map);
  mg_history_set_scheme_member (history, NULL, MG_SUGGEST_DATASET_MEMBER, settings);
  g_assert_true (mg_suggest_dataset_get_enabled (dataset));
  g_assert_false (mg_suggest_dataset_needs_label_map (dataset));
  g_assert_cmpstr (mg_suggest_resolve_label (dataset, NULL, "quote"), ==, "content");
  g_assert_cmpstr (mg_suggest_resolve_label (dataset, NULL, "actor"), ==, "source");
  g_assert_null (mg_suggest_resolve_label (dataset, NULL, "figure"));
  mg_suggest_check_dataset (dataset, "polnear.json", problems);
  g_assert_cmpuint (problems->len, ==, 0);

  /* One step: undo takes the map back, the switch stays. */
  mg_history_undo (history);
  g_assert_null (mg_suggest_dataset_get_label_map (dataset));
  g_assert_true (mg_suggest_dataset_get_enabled (dataset));
  mg_history_redo (history);

  /* The command line's map, over the dataset's; "" leaves a kind out even
   * where the dataset has the label. */
  cli = mg_suggest_parse_label_map ("quote=cue,figure=", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mg_suggest_resolve_label (dataset, cli, "quote"), ==, "cue");
  g_assert_null (mg_suggest_resolve_label (dataset, cli, "actor"));
  g_assert_null (mg_suggest_resolve_label (plain, cli, "figure"));
  g_assert_cmpstr (mg_suggest_resolve_label (plain, cli, "actor"), ==, "actor");
  g_assert_null (mg_suggest_parse_label_map ("speech=content", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (mg_suggest_parse_label_map ("quote", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* A map naming a label the dataset lacks is validate's to name. */
  json_object_set_string_member (map, "figure", "number");
  g_clear_pointer (&settings, json_node_unref);
  settings = mg_suggest_settings_with_label_map (dataset, map);
  mg_history_set_scheme_member (history, NULL, MG_SUGGEST_DATASET_MEMBER, settings);
  mg_suggest_check_dataset (dataset, "polnear.json", problems);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (problems->pdata[0], "“number”"));
}

/* Mapped suggestions are accepted under the dataset's labels, their origin
 * names the dataset's label, and a quote with its speaker gets the
 * scheme's relation type. */
static void
test_label_map_accept (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MgDataset) dataset = mg_dataset_load_data (POLNEAR_DATASET, strlen (POLNEAR_DATASET), "polnear.json", &error);
  g_autoptr(MgDocument) doc = mg_document_new ("harbour", TEXT, -1);
  g_autoptr(MgHistory) history = NULL;
  g_autoptr(MgSuggestions) suggestions = NULL;
  g_autoptr(JsonObject) map = mg_suggest_parse_label_map ("quote=content,actor=source", NULL);
  g_autoptr(GArray) kept = NULL;
  MgAnnotationStore *store = mg_document_get_store (doc);
  MgAnnotation *speaker = NULL, *q = NULL;
  MgRelation *relation;
  const char *rule, *proposed;

  g_assert_no_error (error);
  g_assert_true (mg_dataset_add_document (dataset, doc));
  history = mg_history_new (dataset);
  suggestions = mg_suggest_document (rules, doc, "en", MG_SUGGEST_ALL, NULL, &error);
  g_assert_no_error (error);

  /* Unmapped, nothing is kept. */
  kept = mg_suggest_filter (suggestions, doc, mg_dataset_get_labels (dataset));
  g_assert_cmpuint (kept->len, ==, 0);
  g_clear_pointer (&kept, g_array_unref);

  mg_suggest_map_labels (suggestions, dataset, map);
  kept = mg_suggest_filter (suggestions, doc, mg_dataset_get_labels (dataset));
  g_assert_cmpuint (kept->len, >, 0);
  for (guint i = 0; i < kept->len; i++)
    {
      guint position = g_array_index (kept, guint, i);
      const MgSuggestion *s = mg_suggestions_get_span (suggestions, position);
      g_autofree char *got = mg_document_substring (doc, s->start, s->end);

      g_assert_true (strcmp (s->label, "content") == 0 || strcmp (s->label, "source") == 0);
      if (strcmp (s->label, "source") == 0 && strcmp (got, "Jan de Vries") == 0)
        speaker = mg_suggest_accept (history, doc, suggestions, position, NULL, &error);
    }
  g_assert_no_error (error);
  g_assert_nonnull (speaker);
  for (guint i = 0; i < kept->len; i++)
    {
      guint position = g_array_index (kept, guint, i);
      const MgSuggestion *s = mg_suggestions_get_span (suggestions, position);
      g_autofree char *got = mg_document_substring (doc, s->start, s->end);

      if (strcmp (s->label, "content") == 0 && strcmp (got, "“We will raise the fees,”") == 0)
        q = mg_suggest_accept (history, doc, suggestions, position, NULL, &error);
    }
  g_assert_no_error (error);
  g_assert_nonnull (q);
  g_assert_cmpstr (mg_annotation_get_label (q), ==, "content");
  g_assert_true (mg_suggest_get_origin (q, &rule, &proposed));
  g_assert_cmpstr (proposed, ==, "content");
  g_assert_cmpstr (rule, !=, "");

  g_assert_cmpuint (mg_annotation_store_get_n_relations (store), ==, 1);
  relation = mg_annotation_store_get_relation (store, 0);
  g_assert_cmpstr (mg_relation_get_kind (relation), ==, "attribution");
  g_assert_cmpstr (mg_relation_get_from (relation), ==, mg_annotation_get_id (q));
  g_assert_cmpstr (mg_relation_get_to (relation), ==, mg_annotation_get_id (speaker));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  rules = mg_suggest_rules_new (NULL, &error);
  g_assert_no_error (error);

#define ADD(path, func) \
  g_test_add ("/suggest-record/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("enabled", test_enabled);
  ADD ("origin-kept", test_origin_kept);
  ADD ("reject", test_reject);
  ADD ("covered", test_covered);
  ADD ("accept-links-speaker", test_accept_links_speaker);
  ADD ("accept-all", test_accept_all);
  ADD ("merge", test_merge);
#undef ADD
  g_test_add_func ("/suggest-record/check", test_check);
  g_test_add_func ("/suggest-record/pronoun-speaker", test_pronoun_speaker);
  g_test_add_func ("/suggest-record/label-map", test_label_map);
  g_test_add_func ("/suggest-record/label-map-accept", test_label_map_accept);

  status = g_test_run ();
  g_object_unref (rules);
  return status;
}
