/* test-review-session.c: resolving a colleague's disagreements, without a
 * display
 *
 * ayşe's dataset is reviewed against bora's: each kind of resolution is
 * made and checked in the store, resolutions are remembered and counted
 * whether or not their disagreement still shows, and undoing the edit of a
 * resolution opens its disagreement again. Values given differently (an
 * attribute of a span marked alike, a document code) are disagreements of
 * their own, kept or taken one at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mg-core.h"
#include "mg-review-session.h"

typedef struct
{
  MgDataset       *mine;
  MgDataset       *theirs;
  MgHistory       *history;
  MgDocument      *harbour;
  MgReviewSession *review;
} Fixture;

static MgDataset *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "review", name, NULL);
  g_autoptr(GError) error = NULL;
  MgDataset *dataset = mg_dataset_load_file (path, &error);

  g_assert_no_error (error);
  return dataset;
}

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  /* @data names the fixtures of values, when given. */
  fx->mine = load_fixture (data ? "values-mine.json" : "mine.json");
  fx->theirs = load_fixture (data ? "values-theirs.json" : "theirs.json");
  fx->history = mg_history_new (fx->mine);
  fx->harbour = mg_dataset_lookup_document (fx->mine, "harbour");
  fx->review = mg_review_session_new (fx->mine, "ayşe", fx->theirs, "bora");
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  g_clear_object (&fx->review);
  g_clear_object (&fx->history);
  g_clear_object (&fx->theirs);
  g_clear_object (&fx->mine);
}

static MgAnnotation *
find (Fixture    *fx,
      const char *label,
      const char *needle)
{
  const char *text = mg_document_get_text (fx->harbour);
  const char *at = strstr (text, needle);
  guint start;

  g_assert_nonnull (at);
  start = (guint) g_utf8_pointer_to_offset (text, at);
  return mg_annotation_store_find (mg_document_get_store (fx->harbour), label, start,
                                   start + (guint) g_utf8_strlen (needle, -1));
}

/* Resolves the first open disagreement of the harbour article as @how
 * says, and returns its kind. */
static MgDisagreementKind
resolve_next (Fixture      *fx,
              MgResolution  how)
{
  g_autoptr(MgAgreement) agreement = mg_review_session_compare_document (fx->review, fx->harbour);
  int open = mg_review_session_find_open (fx->review, agreement, fx->harbour, 0);
  const MgDisagreement *d;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (open, >=, 0);
  d = mg_agreement_get_disagreement (agreement, (guint) open);
  g_assert_true (mg_review_session_resolve (fx->review, fx->history, fx->harbour, d, how, &error));
  g_assert_no_error (error);
  return d->kind;
}

/* Disagreements the comparison shows now, and how many are open. */
static guint
count_shown (Fixture *fx,
             guint   *n_open)
{
  g_autoptr(MgAgreement) agreement = mg_review_session_compare_document (fx->review, fx->harbour);
  guint n = mg_agreement_get_n_disagreements (agreement);

  *n_open = 0;
  for (guint i = 0; i < n; i++)
    if (mg_review_session_get_resolution (fx->review, fx->harbour,
                                          mg_agreement_get_disagreement (agreement, i)) == MG_RESOLUTION_NONE)
      (*n_open)++;
  return n;
}

static void
test_twins (Fixture       *fx,
            gconstpointer  data)
{
  g_autoptr(MgAgreement) whole = mg_review_session_compare (fx->review);
  MgDocument *weather = mg_dataset_lookup_document (fx->mine, "weather");

  g_assert_true (mg_review_session_get_theirs (fx->review) == fx->theirs);
  g_assert_cmpstr (mg_review_session_get_their_name (fx->review), ==, "bora");
  g_assert_nonnull (mg_review_session_get_twin (fx->review, fx->harbour));
  /* Same id, another text: no twin, nothing to compare. */
  g_assert_nonnull (weather);
  g_assert_null (mg_review_session_get_twin (fx->review, weather));
  g_assert_null (mg_review_session_compare_document (fx->review, weather));
  g_assert_cmpstr (mg_agreement_get_annotator (whole, 0), ==, "ayşe");
  g_assert_cmpuint (mg_agreement_get_left_out (whole)->len, ==, 3);
}

static void
test_resolve (Fixture       *fx,
              gconstpointer  data)
{
  MgAnnotationStore *store = mg_document_get_store (fx->harbour);
  guint n_open;

  g_assert_cmpuint (count_shown (fx, &n_open), ==, 4);
  g_assert_cmpuint (n_open, ==, 4);
  g_assert_cmpuint (mg_review_session_count_resolved (fx->review, NULL), ==, 0);

  /* Take theirs on a boundary: your quote takes their ends, and agrees, so
   * the comparison no longer shows it; it is still counted as resolved. */
  g_assert_cmpint (resolve_next (fx, MG_RESOLUTION_THEIRS), ==, MG_DISAGREEMENT_BOUNDARY);
  g_assert_nonnull (find (fx, "quote", "\"we will build it before winter\""));
  g_assert_cmpuint (mg_annotation_store_get_n_annotations (store), ==, 5);
  g_assert_cmpuint (count_shown (fx, &n_open), ==, 3);
  g_assert_cmpuint (n_open, ==, 3);
  g_assert_cmpuint (mg_review_session_count_resolved (fx->review, fx->harbour), ==, 1);

  /* Keep mine on a label: nothing changes; it still shows, resolved. */
  g_assert_cmpint (resolve_next (fx, MG_RESOLUTION_MINE), ==, MG_DISAGREEMENT_LABEL);
  g_assert_nonnull (find (fx, "figure", "3.5%"));
  g_assert_cmpuint (count_shown (fx, &n_open), ==, 3);
  g_assert_cmpuint (n_open, ==, 2);

  /* Keep both on theirs alone: their span is added. */
  g_assert_cmpint (resolve_next (fx, MG_RESOLUTION_BOTH), ==, MG_DISAGREEMENT_ONLY_B);
  g_assert_nonnull (find (fx, "figure", "1,200 euros"));
  g_assert_cmpuint (mg_annotation_store_get_n_annotations (store), ==, 6);

  /* Drop yours alone: gone; all four resolved, none open: "0 open of 4". */
  g_assert_cmpint (resolve_next (fx, MG_RESOLUTION_DROP), ==, MG_DISAGREEMENT_ONLY_A);
  g_assert_null (find (fx, "actor", "the city's auditor"));
  g_assert_cmpuint (count_shown (fx, &n_open), ==, 1);
  g_assert_cmpuint (n_open, ==, 0);
  g_assert_cmpuint (mg_review_session_count_resolved (fx->review, fx->harbour), ==, 4);

  /* Undo opens the dropped one again, as any edit is undone. */
  mg_history_undo (fx->history);
  g_assert_nonnull (find (fx, "actor", "the city's auditor"));
  g_assert_cmpuint (count_shown (fx, &n_open), ==, 2);
  g_assert_cmpuint (n_open, ==, 1);
  g_assert_cmpuint (mg_review_session_count_resolved (fx->review, NULL), ==, 3);

  /* Resolved again: counted once. */
  g_assert_cmpint (resolve_next (fx, MG_RESOLUTION_DROP), ==, MG_DISAGREEMENT_ONLY_A);
  g_assert_cmpuint (mg_review_session_count_resolved (fx->review, NULL), ==, 4);
}

/* The items of the harbour article, and how many are open. */
static guint
count_listed (Fixture *fx,
              guint   *n_open)
{
  g_autoptr(MgAgreement) agreement = mg_review_session_compare_document (fx->review, fx->harbour);
  g_autoptr(GPtrArray) items = mg_review_session_list (fx->review, agreement, fx->harbour);
  guint last_start = 0;

  *n_open = 0;
  for (guint i = 0; i < items->len; i++)
    {
      const MgReviewItem *item = g_ptr_array_index (items, i);
      MgAnnotation *span = item->disagreement.a ? item->disagreement.a : item->disagreement.b;

      /* In the order of the text; those no longer shown are resolved. */
      g_assert_cmpuint (mg_annotation_get_start (span), >=, last_start);
      last_start = mg_annotation_get_start (span);
      g_assert_true (item->position >= 0 || item->how != MG_RESOLUTION_NONE);
      if (item->how == MG_RESOLUTION_NONE)
        (*n_open)++;
    }
  return items->len;
}

static void
test_list (Fixture       *fx,
           gconstpointer  data)
{
  guint n_open;

  g_assert_cmpuint (count_listed (fx, &n_open), ==, 4);
  g_assert_cmpuint (n_open, ==, 4);

  /* Taken theirs: the comparison no longer shows it, the list still does,
   * resolved: "3 open of 4". */
  resolve_next (fx, MG_RESOLUTION_THEIRS);
  g_assert_cmpuint (count_listed (fx, &n_open), ==, 4);
  g_assert_cmpuint (n_open, ==, 3);

  /* Keeping yours is a step of its own: undo takes that decision back,
   * not the taking of theirs before it, and redo makes it again. */
  g_assert_cmpint (resolve_next (fx, MG_RESOLUTION_MINE), ==, MG_DISAGREEMENT_LABEL);
  g_assert_cmpuint (count_listed (fx, &n_open), ==, 4);
  g_assert_cmpuint (n_open, ==, 2);
  g_assert_true (mg_history_undo (fx->history) == fx->harbour);
  g_assert_nonnull (find (fx, "quote", "\"we will build it before winter\""));
  g_assert_cmpuint (count_listed (fx, &n_open), ==, 4);
  g_assert_cmpuint (n_open, ==, 3);
  g_assert_cmpuint (mg_review_session_count_resolved (fx->review, NULL), ==, 1);
  mg_history_redo (fx->history);
  g_assert_cmpuint (count_listed (fx, &n_open), ==, 4);
  g_assert_cmpuint (n_open, ==, 2);

  /* Dropping theirs alone changes nothing of yours, and is a step too. */
  g_assert_cmpint (resolve_next (fx, MG_RESOLUTION_DROP), ==, MG_DISAGREEMENT_ONLY_B);
  g_assert_cmpuint (count_listed (fx, &n_open), ==, 4);
  g_assert_cmpuint (n_open, ==, 1);

  /* Undoing the taking of theirs lists it once, open again. */
  mg_history_undo (fx->history);
  mg_history_undo (fx->history);
  mg_history_undo (fx->history);
  g_assert_cmpuint (count_listed (fx, &n_open), ==, 4);
  g_assert_cmpuint (n_open, ==, 4);
}

/* What is left to review, document by document, follows resolutions and
 * their undo; documents with nothing open are not counted. */
static void
test_count_open (Fixture       *fx,
                 gconstpointer  data)
{
  MgDocument *budget = mg_dataset_lookup_document (fx->mine, "budget");
  g_autoptr(MgAgreement) whole = mg_review_session_compare (fx->review);
  g_autoptr(GHashTable) open = mg_review_session_count_open (fx->review, whole);
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GHashTable) undone = NULL;
  g_autoptr(MgAgreement) here = NULL;
  g_autoptr(GHashTable) here_open = NULL;

  g_assert_cmpuint (g_hash_table_size (open), ==, 2);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (open, fx->harbour)), ==, 4);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (open, budget)), ==, 1);

  resolve_next (fx, MG_RESOLUTION_MINE);
  resolve_next (fx, MG_RESOLUTION_THEIRS);
  g_clear_object (&whole);
  whole = mg_review_session_compare (fx->review);
  after = mg_review_session_count_open (fx->review, whole);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (after, fx->harbour)), ==, 2);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (after, budget)), ==, 1);

  /* A document's own comparison counts the same. */
  here = mg_review_session_compare_document (fx->review, fx->harbour);
  here_open = mg_review_session_count_open (fx->review, here);
  g_assert_cmpuint (g_hash_table_size (here_open), ==, 1);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (here_open, fx->harbour)), ==, 2);

  mg_history_undo (fx->history);
  g_clear_object (&whole);
  whole = mg_review_session_compare (fx->review);
  undone = mg_review_session_count_open (fx->review, whole);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (undone, fx->harbour)), ==, 3);
}

static const MgDisagreement *
shown (MgAgreement        *agreement,
       guint               position,
       MgDisagreementKind  kind,
       const char         *id,
       const char         *mine,
       const char         *theirs)
{
  const MgDisagreement *d;

  g_assert_cmpuint (position, <, mg_agreement_get_n_disagreements (agreement));
  d = mg_agreement_get_disagreement (agreement, position);
  g_assert_cmpstr (mg_disagreement_kind_to_string (d->kind), ==, mg_disagreement_kind_to_string (kind));
  g_assert_cmpstr (d->id, ==, id);
  g_assert_cmpstr (d->values[0], ==, mine);
  g_assert_cmpstr (d->values[1], ==, theirs);
  return d;
}

static guint
open_in_harbour (Fixture *fx)
{
  g_autoptr(MgAgreement) whole = mg_review_session_compare (fx->review);
  g_autoptr(GHashTable) open = mg_review_session_count_open (fx->review, whole);

  return GPOINTER_TO_UINT (g_hash_table_lookup (open, fx->harbour));
}

/* A document's codes come first, then each attribute of a span both
 * marked alike, among the spans' disagreements; equal values are not
 * listed. Keeping mine and taking theirs are each one undoable step. */
static void
test_values (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(MgAgreement) agreement = mg_review_session_compare_document (fx->review, fx->harbour);
  g_autoptr(MgAgreement) after = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stance = NULL;
  MgAnnotation *quote = find (fx, "quote", "we will build it before winter");
  MgAnnotation *claim = find (fx, "claim", "Costs rose 3.5% to 1,200 euros");
  const MgDisagreement *code, *kind, *checkable;
  JsonNode *value;

  g_assert_cmpuint (mg_agreement_get_n_disagreements (agreement), ==, 4);
  code = shown (agreement, 0, MG_DISAGREEMENT_CODE, "stance", "pro", "against");
  g_assert_null (code->a);
  g_assert_null (code->b);
  kind = shown (agreement, 1, MG_DISAGREEMENT_ATTRIBUTE, "kind", "direct", "indirect");
  g_assert_true (kind->a == quote);
  checkable = shown (agreement, 2, MG_DISAGREEMENT_ATTRIBUTE, "checkable", "true", "false");
  g_assert_true (checkable->a == claim);
  shown (agreement, 3, MG_DISAGREEMENT_ONLY_B, NULL, NULL, NULL);
  g_assert_cmpuint (open_in_harbour (fx), ==, 4);

  /* Both values cannot be kept: refused, nothing changed or remembered. */
  g_assert_false (mg_review_session_resolve (fx->review, fx->history, fx->harbour, kind,
                                             MG_RESOLUTION_BOTH, &error));
  g_assert_error (error, MG_ERROR, MG_ERROR_INVALID);
  g_assert_cmpuint (mg_review_session_count_resolved (fx->review, NULL), ==, 0);
  g_assert_false (mg_history_can_undo (fx->history));

  g_assert_cmpint (resolve_next (fx, MG_RESOLUTION_THEIRS), ==, MG_DISAGREEMENT_CODE);
  stance = mg_document_dup_code_string (fx->harbour, "stance");
  g_assert_cmpstr (stance, ==, "against");
  g_assert_cmpint (resolve_next (fx, MG_RESOLUTION_MINE), ==, MG_DISAGREEMENT_ATTRIBUTE);
  g_assert_cmpstr (json_node_get_string (mg_annotation_get_attribute (quote, "kind")), ==, "direct");
  g_assert_cmpint (resolve_next (fx, MG_RESOLUTION_THEIRS), ==, MG_DISAGREEMENT_ATTRIBUTE);
  value = mg_annotation_get_attribute (claim, "checkable");
  g_assert_cmpint (json_node_get_value_type (value), ==, G_TYPE_BOOLEAN);
  g_assert_false (json_node_get_boolean (value));
  g_assert_cmpuint (mg_review_session_count_resolved (fx->review, fx->harbour), ==, 3);
  g_assert_cmpuint (open_in_harbour (fx), ==, 1);

  /* Taken values no longer differ, yet the review still lists them, with
   * both values as they were. */
  after = mg_review_session_compare_document (fx->review, fx->harbour);
  g_assert_cmpuint (mg_agreement_get_n_disagreements (after), ==, 2);
  items = mg_review_session_list (fx->review, after, fx->harbour);
  g_assert_cmpuint (items->len, ==, 4);
  {
    MgReviewItem *first = g_ptr_array_index (items, 0);

    g_assert_cmpint (first->disagreement.kind, ==, MG_DISAGREEMENT_CODE);
    g_assert_cmpint (first->position, ==, -1);
    g_assert_cmpint (first->how, ==, MG_RESOLUTION_THEIRS);
    g_assert_cmpstr (first->disagreement.values[0], ==, "pro");
    g_assert_cmpstr (first->disagreement.values[1], ==, "against");
  }
  g_assert_cmpint (((MgReviewItem *) g_ptr_array_index (items, 1))->how, ==, MG_RESOLUTION_MINE);
  g_assert_cmpint (((MgReviewItem *) g_ptr_array_index (items, 2))->how, ==, MG_RESOLUTION_THEIRS);

  /* Each undo opens one again, the value as it was. */
  mg_history_undo (fx->history);
  g_assert_true (json_node_get_boolean (mg_annotation_get_attribute (claim, "checkable")));
  g_assert_cmpuint (open_in_harbour (fx), ==, 2);
  mg_history_undo (fx->history);
  g_assert_cmpstr (json_node_get_string (mg_annotation_get_attribute (quote, "kind")), ==, "direct");
  g_assert_cmpuint (open_in_harbour (fx), ==, 3);
  mg_history_undo (fx->history);
  g_clear_pointer (&stance, g_free);
  stance = mg_document_dup_code_string (fx->harbour, "stance");
  g_assert_cmpstr (stance, ==, "pro");
  g_assert_cmpuint (open_in_harbour (fx), ==, 4);
  g_assert_cmpuint (mg_review_session_count_resolved (fx->review, NULL), ==, 0);

  /* Your value changed by hand after keeping it no longer counts as kept. */
  g_assert_cmpint (resolve_next (fx, MG_RESOLUTION_MINE), ==, MG_DISAGREEMENT_CODE);
  {
    g_autoptr(JsonNode) neutral = json_node_init_string (json_node_alloc (), "neutral");

    mg_history_set_code (fx->history, fx->harbour, "stance", neutral);
  }
  g_assert_cmpuint (mg_review_session_count_resolved (fx->review, NULL), ==, 0);
  g_assert_cmpuint (open_in_harbour (fx), ==, 4);
}

/* A value only one side gave differs from none; taking theirs gives it. */
static void
test_value_left_out (Fixture       *fx,
                     gconstpointer  data)
{
  g_autoptr(MgAgreement) agreement = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *topic = NULL;
  const MgDisagreement *d;

  mg_history_set_code (fx->history, fx->harbour, "topic", NULL);
  agreement = mg_review_session_compare_document (fx->review, fx->harbour);
  g_assert_cmpuint (mg_agreement_get_n_disagreements (agreement), ==, 5);
  shown (agreement, 0, MG_DISAGREEMENT_CODE, "stance", "pro", "against");
  d = shown (agreement, 1, MG_DISAGREEMENT_CODE, "topic", NULL, "flood defence");
  g_assert_true (mg_review_session_resolve (fx->review, fx->history, fx->harbour, d,
                                            MG_RESOLUTION_THEIRS, &error));
  g_assert_no_error (error);
  topic = mg_document_dup_code_string (fx->harbour, "topic");
  g_assert_cmpstr (topic, ==, "flood defence");
  g_assert_cmpuint (mg_review_session_count_resolved (fx->review, fx->harbour), ==, 1);
  g_assert_cmpuint (open_in_harbour (fx), ==, 4);
}

static void
assert_same_list (MgAgreement *refreshed,
                  MgAgreement *fresh)
{
  g_assert_cmpuint (mg_agreement_get_n_disagreements (refreshed), ==,
                    mg_agreement_get_n_disagreements (fresh));
  for (guint i = 0; i < mg_agreement_get_n_disagreements (fresh); i++)
    {
      const MgDisagreement *p = mg_agreement_get_disagreement (refreshed, i);
      const MgDisagreement *q = mg_agreement_get_disagreement (fresh, i);

      g_assert_cmpint (p->kind, ==, q->kind);
      g_assert_cmpuint (p->document, ==, q->document);
      g_assert_true (p->a == q->a);
      g_assert_true (p->b == q->b);
      g_assert_cmpstr (p->id, ==, q->id);
      g_assert_cmpstr (p->values[0], ==, q->values[0]);
      g_assert_cmpstr (p->values[1], ==, q->values[1]);
    }
  g_assert_cmpuint (mg_agreement_get_n_values (refreshed), ==, mg_agreement_get_n_values (fresh));
}

/* A review that lists values is brought up to date as one without: after
 * resolutions, codes and attributes set by hand on either side and spans
 * removed, the refreshed list is the one compared anew. */
static void
test_refresh_values (Fixture       *fx,
                     gconstpointer  data)
{
  g_autoptr(MgAgreement) whole = mg_review_session_compare (fx->review);
  MgDocument *theirs = mg_dataset_lookup_document (fx->theirs, "harbour");
  g_autoptr(MgHistory) their_history = mg_history_new (fx->theirs);
  const char *stances[] = { "pro", "against", "neutral" };

  for (guint step = 0; step < 12; step++)
    {
      g_autoptr(MgAgreement) fresh = NULL;
      g_autoptr(JsonNode) value = json_node_init_string (json_node_alloc (), stances[step % 3]);
      MgAnnotationStore *store = mg_document_get_store (fx->harbour);

      switch (step % 4)
        {
        case 0:
          if (mg_agreement_get_n_disagreements (whole) > 0)
            {
              g_autoptr(GError) error = NULL;

              mg_review_session_resolve (fx->review, fx->history, fx->harbour,
                                         mg_agreement_get_disagreement (whole, 0),
                                         step % 8 ? MG_RESOLUTION_THEIRS : MG_RESOLUTION_MINE, &error);
            }
          break;
        case 1:
          mg_history_set_code (step % 2 ? their_history : fx->history, step % 2 ? theirs : fx->harbour,
                               "stance", value);
          break;
        case 2:
          if (mg_annotation_store_get_n_annotations (store) > 0)
            mg_history_set_attribute (fx->history, fx->harbour, mg_annotation_store_get_annotation (store, 0),
                                      "kind", value);
          break;
        default:
          mg_history_undo (fx->history);
          break;
        }
      g_assert_true (mg_agreement_refresh (whole));
      fresh = mg_review_session_compare (fx->review);
      assert_same_list (whole, fresh);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/review-session/twins", Fixture, NULL, fixture_setup, test_twins, fixture_teardown);
  g_test_add ("/review-session/resolve", Fixture, NULL, fixture_setup, test_resolve, fixture_teardown);
  g_test_add ("/review-session/list", Fixture, NULL, fixture_setup, test_list, fixture_teardown);
  g_test_add ("/review-session/count-open", Fixture, NULL, fixture_setup, test_count_open, fixture_teardown);
  g_test_add ("/review-session/values", Fixture, "values", fixture_setup, test_values, fixture_teardown);
  g_test_add ("/review-session/refresh-values", Fixture, "values", fixture_setup, test_refresh_values,
              fixture_teardown);
  g_test_add ("/review-session/value-left-out", Fixture, "values", fixture_setup, test_value_left_out,
              fixture_teardown);

  return g_test_run ();
}
