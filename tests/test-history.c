/* test-history.c: undo and redo of every kind of edit
 *
 * Each test dumps the whole dataset (every field the file format writes,
 * relations in list order) before and after an edit, and checks that undo
 * gives back the first dump byte for byte and redo the second.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mg-core.h"
#include "mg-history.h"

/* Offsets as Python counts them in TEXT:
 *   TEXT.index ("Ayşe Kaya") == 9, end 18
 *   TEXT.index ("said the budget would grow by 4% in 2027") == 19, end 59
 *   TEXT.index ("4%") == 49;  TEXT.index ("2027") == 55
 *   TEXT.index ("critics") == 65;  len (TEXT) == 83 */
#define TEXT "Minister Ayşe Kaya said the budget would grow by 4% in 2027, but critics disagreed."
#define OLD_TIME "2001-02-03T04:05:06Z"

typedef struct
{
  MgDataset    *dataset;
  MgDocument   *doc;
  MgHistory    *history;
  MgAnnotation *actor;   /* a1 "Ayşe Kaya" */
  MgAnnotation *quote;   /* a2 the statement */
  MgAnnotation *figure;  /* a3 "4%" */
  MgAnnotation *critic;  /* a4 "critics" */
  guint         n_changed;
  guint         n_notify_modified;
  guint         n_notify_can_undo;
  guint         n_notify_can_redo;
} Fixture;

static MgAnnotation *
old_annotation (const char *id,
                const char *label,
                guint       start,
                guint       end)
{
  MgAnnotation *a = mg_annotation_new (id, label, start, end);

  mg_annotation_set_created (a, OLD_TIME);
  mg_annotation_set_modified (a, OLD_TIME);
  return a;
}

static MgDocument *
make_document (const char *id)
{
  return mg_document_new (id, TEXT, -1);
}

static void
on_changed (MgHistory *history,
            Fixture   *f)
{
  f->n_changed++;
}

static void
on_notify (MgHistory  *history,
           GParamSpec *pspec,
           Fixture    *f)
{
  if (g_str_equal (pspec->name, "modified"))
    f->n_notify_modified++;
  else if (g_str_equal (pspec->name, "can-undo"))
    f->n_notify_can_undo++;
  else if (g_str_equal (pspec->name, "can-redo"))
    f->n_notify_can_redo++;
}

/* A document with four annotations, loaded as from a file (not through
 * the history), and relations a2→a1, a4→a2 and a3→a1, in that order. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  MgAnnotationStore *store;
  const char *rel[][3] = { { "r1", "a2", "a1" }, { "r2", "a4", "a2" }, { "r3", "a3", "a1" } };

  f->dataset = mg_dataset_new ();
  f->doc = make_document ("budget");
  g_assert_true (mg_dataset_add_document (f->dataset, f->doc));
  store = mg_document_get_store (f->doc);

  g_ptr_array_add (all, old_annotation ("a1", "actor", 9, 18));
  g_ptr_array_add (all, old_annotation ("a2", "quote", 19, 59));
  g_ptr_array_add (all, old_annotation ("a3", "figure", 49, 51));
  g_ptr_array_add (all, old_annotation ("a4", "actor", 65, 72));
  g_assert_true (mg_annotation_store_add_all (store, all, NULL));
  f->actor = mg_annotation_store_lookup (store, "a1");
  f->quote = mg_annotation_store_lookup (store, "a2");
  f->figure = mg_annotation_store_lookup (store, "a3");
  f->critic = mg_annotation_store_lookup (store, "a4");

  for (guint i = 0; i < G_N_ELEMENTS (rel); i++)
    {
      g_autoptr(MgRelation) r = mg_relation_new (rel[i][0], MG_RELATION_ATTRIBUTED_TO,
                                                 rel[i][1], rel[i][2]);
      g_assert_true (mg_annotation_store_add_relation (store, r, NULL));
    }

  f->history = mg_history_new (f->dataset);
  g_signal_connect (f->history, "changed", G_CALLBACK (on_changed), f);
  g_signal_connect (f->history, "notify", G_CALLBACK (on_notify), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->history);
  g_clear_object (&f->doc);
  g_clear_object (&f->dataset);
}

static void
dump_document (GString    *s,
               MgDocument *doc)
{
  MgAnnotationStore *store = mg_document_get_store (doc);

  g_string_append_printf (s, "document %s\n", mg_document_get_id (doc));
  for (guint i = 0; i < mg_annotation_store_get_n_annotations (store); i++)
    {
      MgAnnotation *a = mg_annotation_store_get_annotation (store, i);

      g_string_append_printf (s, "  %s %s [%u,%u) \"%s\" note=\"%s\" %s %s\n",
                              mg_annotation_get_id (a), mg_annotation_get_label (a),
                              mg_annotation_get_start (a), mg_annotation_get_end (a),
                              mg_annotation_get_text (a), mg_annotation_get_note (a),
                              mg_annotation_get_created (a), mg_annotation_get_modified (a));
    }
  for (guint i = 0; i < mg_annotation_store_get_n_relations (store); i++)
    {
      MgRelation *r = mg_annotation_store_get_relation (store, i);

      g_string_append_printf (s, "  %s %s %s->%s\n", mg_relation_get_id (r),
                              mg_relation_get_kind (r), mg_relation_get_from (r),
                              mg_relation_get_to (r));
    }
}

static char *
dump_one (MgDocument *doc)
{
  GString *s = g_string_new (NULL);

  dump_document (s, doc);
  return g_string_free (s, FALSE);
}

static char *
dump (Fixture *f)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < mg_dataset_get_n_documents (f->dataset); i++)
    dump_document (s, mg_dataset_get_document (f->dataset, i));

  return g_string_free (s, FALSE);
}

/* Undoes and redoes the last step twice over, checking the state each time. */
static void
check_undo_redo (Fixture    *f,
                 const char *before,
                 const char *after)
{
  for (guint round = 0; round < 2; round++)
    {
      g_autofree char *undone = NULL;
      g_autofree char *redone = NULL;

      g_assert_true (mg_history_can_undo (f->history));
      g_assert_true (mg_history_undo (f->history) == f->doc);
      undone = dump (f);
      g_assert_cmpstr (undone, ==, before);
      g_assert_false (mg_history_get_modified (f->history));
      g_assert_true (mg_history_can_redo (f->history));

      g_assert_true (mg_history_redo (f->history) == f->doc);
      redone = dump (f);
      g_assert_cmpstr (redone, ==, after);
      g_assert_true (mg_history_get_modified (f->history));
      g_assert_false (mg_history_can_redo (f->history));
    }
}

static void
test_initial (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(MgDataset) dataset = NULL;

  g_assert_true (mg_history_get_dataset (f->history) == f->dataset);
  g_assert_false (mg_history_can_undo (f->history));
  g_assert_false (mg_history_can_redo (f->history));
  g_assert_false (mg_history_get_modified (f->history));
  g_assert_null (mg_history_undo (f->history));
  g_assert_null (mg_history_redo (f->history));
  g_assert_cmpuint (f->n_changed, ==, 0);

  g_object_get (f->history, "dataset", &dataset, NULL);
  g_assert_true (dataset == f->dataset);
}

static void
test_add_annotation (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(MgAnnotation) a = mg_annotation_new (NULL, "figure", 55, 59);
  g_autofree char *before = dump (f);
  g_autofree char *after = NULL;

  g_assert_true (mg_history_add_annotation (f->history, f->doc, a, NULL));
  after = dump (f);
  /* The file brought a1..a4, so the store names the new one a5. */
  g_assert_cmpstr (mg_annotation_get_id (a), ==, "a5");
  g_assert_cmpstr (mg_annotation_get_text (a), ==, "2027");
  g_assert_nonnull (mg_annotation_get_created (a));
  g_assert_true (mg_history_get_modified (f->history));
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_cmpstr (before, !=, after);

  check_undo_redo (f, before, after);
  g_assert_cmpuint (f->n_changed, ==, 5);
  /* Redo put back the very same object. */
  g_assert_true (mg_annotation_store_lookup (mg_document_get_store (f->doc), "a5") == a);
}

static void
test_remove_annotation (Fixture       *f,
                        gconstpointer  data)
{
  MgAnnotationStore *store = mg_document_get_store (f->doc);
  g_autoptr(MgAnnotation) actor = g_object_ref (f->actor);
  g_autofree char *before = dump (f);
  g_autofree char *after = NULL;

  /* a1 is the end of r1 and r3, the first and last relations. */
  mg_history_remove_annotation (f->history, f->doc, f->actor);
  after = dump (f);
  g_assert_null (mg_annotation_store_lookup (store, "a1"));
  g_assert_cmpuint (mg_annotation_store_get_n_relations (store), ==, 1);
  g_assert_cmpstr (mg_relation_get_id (mg_annotation_store_get_relation (store, 0)), ==, "r2");

  check_undo_redo (f, before, after);

  mg_history_undo (f->history);
  g_assert_true (mg_annotation_store_lookup (store, "a1") == actor);
  g_assert_cmpuint (mg_annotation_store_get_n_relations (store), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *id = g_strdup_printf ("r%u", i + 1);

      g_assert_cmpstr (mg_relation_get_id (mg_annotation_store_get_relation (store, i)), ==, id);
    }
}

static void
test_set_label (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (f);
  g_autofree char *after = NULL;

  g_assert_true (mg_history_set_label (f->history, f->doc, f->quote, "claim", &error));
  g_assert_no_error (error);
  after = dump (f);
  g_assert_cmpstr (mg_annotation_get_label (f->quote), ==, "claim");
  g_assert_cmpstr (mg_annotation_get_modified (f->quote), !=, OLD_TIME);

  check_undo_redo (f, before, after);
  mg_history_undo (f->history);
  g_assert_cmpstr (mg_annotation_get_label (f->quote), ==, "quote");
  g_assert_cmpstr (mg_annotation_get_modified (f->quote), ==, OLD_TIME);

  /* The same label again is no edit at all. */
  g_assert_true (mg_history_set_label (f->history, f->doc, f->quote, "quote", NULL));
  g_assert_true (mg_history_can_redo (f->history));
}

static void
test_set_range (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *before = dump (f);
  g_autofree char *after = NULL;

  /* "Minister Ayşe Kaya" is TEXT[0:18]; the list order changes too. */
  g_assert_true (mg_history_set_range (f->history, f->doc, f->critic, 0, 18, NULL));
  after = dump (f);
  g_assert_cmpstr (mg_annotation_get_text (f->critic), ==, "Minister Ayşe Kaya");
  g_assert_true (mg_annotation_store_get_annotation (mg_document_get_store (f->doc), 0) == f->critic);

  /* Let the clock pass a second (timestamps count seconds): a redo that
   * kept the store's fresh stamp would now differ from the first one. */
  g_usleep (1100 * 1000);
  check_undo_redo (f, before, after);
  mg_history_undo (f->history);
  g_assert_cmpstr (mg_annotation_get_text (f->critic), ==, "critics");
  g_assert_cmpstr (mg_annotation_get_modified (f->critic), ==, OLD_TIME);
}

static void
test_note_merging (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *before = dump (f);
  g_autofree char *after = NULL;
  const char *typed[] = { "F", "Fr", "Fro", "From", "From the", "From the budget speech" };

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    mg_history_set_note (f->history, f->doc, f->quote, typed[i]);
  after = dump (f);
  g_assert_cmpuint (f->n_changed, ==, G_N_ELEMENTS (typed));

  /* One step takes back the whole note. */
  check_undo_redo (f, before, after);
  mg_history_undo (f->history);
  g_assert_cmpstr (mg_annotation_get_note (f->quote), ==, "");
  g_assert_false (mg_history_can_undo (f->history));
  mg_history_redo (f->history);
  g_assert_cmpstr (mg_annotation_get_note (f->quote), ==, "From the budget speech");

  /* A note of another annotation, or another kind of edit, starts a new
   * step. */
  mg_history_set_note (f->history, f->doc, f->actor, "minister");
  mg_history_set_note (f->history, f->doc, f->actor, "minister of finance");
  g_assert_true (mg_history_set_label (f->history, f->doc, f->actor, "claim", NULL));
  mg_history_set_note (f->history, f->doc, f->actor, "x");
  mg_history_set_note (f->history, f->doc, f->actor, NULL);

  mg_history_undo (f->history);
  g_assert_cmpstr (mg_annotation_get_note (f->actor), ==, "minister of finance");
  g_assert_cmpstr (mg_annotation_get_label (f->actor), ==, "claim");
  mg_history_undo (f->history);
  g_assert_cmpstr (mg_annotation_get_label (f->actor), ==, "actor");
  mg_history_undo (f->history);
  g_assert_cmpstr (mg_annotation_get_note (f->actor), ==, "");
  mg_history_undo (f->history);
  g_assert_cmpstr (mg_annotation_get_note (f->quote), ==, "");
  g_assert_false (mg_history_can_undo (f->history));
}

static void
test_note_not_merged_after_undo_or_save (Fixture       *f,
                                         gconstpointer  data)
{
  mg_history_set_note (f->history, f->doc, f->quote, "a");
  mg_history_mark_saved (f->history);
  mg_history_set_note (f->history, f->doc, f->quote, "ab");
  g_assert_true (mg_history_get_modified (f->history));

  /* Undo comes back to the saved note, not to before it. */
  mg_history_undo (f->history);
  g_assert_cmpstr (mg_annotation_get_note (f->quote), ==, "a");
  g_assert_false (mg_history_get_modified (f->history));

  mg_history_set_note (f->history, f->doc, f->critic, "c");
  mg_history_undo (f->history);
  mg_history_set_note (f->history, f->doc, f->quote, "abc");
  mg_history_undo (f->history);
  g_assert_cmpstr (mg_annotation_get_note (f->quote), ==, "a");
}

static void
test_relations (Fixture       *f,
                gconstpointer  data)
{
  MgAnnotationStore *store = mg_document_get_store (f->doc);
  g_autoptr(MgRelation) added = mg_relation_new (NULL, MG_RELATION_ATTRIBUTED_TO, "a3", "a4");
  MgRelation *middle = mg_annotation_store_get_relation (store, 1);
  g_autofree char *before = dump (f);
  g_autofree char *after = NULL;
  g_autofree char *before_remove = NULL;

  g_assert_true (mg_history_add_relation (f->history, f->doc, added, NULL));
  g_assert_cmpstr (mg_relation_get_id (added), ==, "r4");
  after = dump (f);
  check_undo_redo (f, before, after);
  g_assert_cmpstr (mg_relation_get_id (added), ==, "r4");

  /* Removing the middle one; undo puts it back in the middle. */
  mg_history_mark_saved (f->history);
  before_remove = dump (f);
  g_clear_pointer (&after, g_free);
  mg_history_remove_relation (f->history, f->doc, middle);
  g_assert_cmpuint (mg_annotation_store_get_n_relations (store), ==, 3);
  after = dump (f);
  check_undo_redo (f, before_remove, after);
}

static void
test_relation_failure (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(MgRelation) dangling = mg_relation_new (NULL, MG_RELATION_ATTRIBUTED_TO, "a2", "a99");
  g_autoptr(MgRelation) twin = mg_relation_new ("r1", MG_RELATION_ATTRIBUTED_TO, "a3", "a4");
  g_autoptr(GError) error = NULL;

  g_assert_false (mg_history_add_relation (f->history, f->doc, dangling, &error));
  g_assert_error (error, MG_ERROR, MG_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (mg_history_add_relation (f->history, f->doc, twin, &error));
  g_assert_error (error, MG_ERROR, MG_ERROR_INVALID);
  g_assert_false (mg_history_can_undo (f->history));
  g_assert_false (mg_history_get_modified (f->history));
  g_assert_cmpuint (f->n_changed, ==, 0);
}

static void
test_attribution (Fixture       *f,
                  gconstpointer  data)
{
  MgAnnotationStore *store = mg_document_get_store (f->doc);
  g_autofree char *before = dump (f);
  g_autofree char *after = NULL;
  g_autofree char *cleared = NULL;

  g_assert_true (mg_annotation_store_attributed_to (store, f->quote) == f->actor);

  g_assert_true (mg_history_set_attribution (f->history, f->doc, f->quote, f->critic, NULL));
  after = dump (f);
  g_assert_true (mg_annotation_store_attributed_to (store, f->quote) == f->critic);
  g_assert_cmpuint (mg_annotation_store_get_n_relations (store), ==, 3);
  /* r1 went, a new r4 came; r2 (a4→a2) and r3 stay. */
  g_assert_null (mg_annotation_store_lookup_relation (store, "r1"));
  g_assert_nonnull (mg_annotation_store_lookup_relation (store, "r4"));
  check_undo_redo (f, before, after);

  /* The same actor again records nothing. */
  g_assert_true (mg_history_set_attribution (f->history, f->doc, f->quote, f->critic, NULL));
  mg_history_undo (f->history);
  g_assert_true (mg_annotation_store_attributed_to (store, f->quote) == f->actor);
  mg_history_redo (f->history);

  /* To no one. */
  g_assert_true (mg_history_set_attribution (f->history, f->doc, f->quote, NULL, NULL));
  cleared = dump (f);
  g_assert_null (mg_annotation_store_attributed_to (store, f->quote));
  mg_history_undo (f->history);
  g_assert_true (mg_annotation_store_attributed_to (store, f->quote) == f->critic);
  {
    g_autofree char *now = dump (f);
    g_assert_cmpstr (now, ==, after);
  }
  mg_history_redo (f->history);
  {
    g_autofree char *now = dump (f);
    g_assert_cmpstr (now, ==, cleared);
  }

  /* Already attributed to no one: nothing to record. */
  g_assert_true (mg_history_set_attribution (f->history, f->doc, f->quote, NULL, NULL));
  g_assert_true (mg_history_can_undo (f->history));
  mg_history_undo (f->history);
  mg_history_undo (f->history);
  g_assert_false (mg_history_can_undo (f->history));
}

static void
test_attribution_other_document (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(MgDocument) other = make_document ("other");
  g_autoptr(MgAnnotation) stranger = mg_annotation_new ("a1", "actor", 9, 18);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (f);
  g_autofree char *now = NULL;

  mg_history_add_document (f->history, other);
  g_assert_true (mg_history_add_annotation (f->history, other, stranger, NULL));
  mg_history_mark_saved (f->history);

  /* Same id as this document's a1, but another document's annotation. */
  g_assert_false (mg_history_set_attribution (f->history, f->doc, f->quote, stranger, &error));
  g_assert_error (error, MG_ERROR, MG_ERROR_INVALID);
  g_assert_false (mg_history_get_modified (f->history));
  g_assert_true (mg_annotation_store_attributed_to (mg_document_get_store (f->doc), f->quote) == f->actor);

  mg_history_undo (f->history);
  mg_history_undo (f->history);
  g_assert_false (mg_history_can_undo (f->history));
  now = dump (f);
  g_assert_cmpstr (now, ==, before);
}

static void
test_documents (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(MgDocument) second = make_document ("second");
  g_autoptr(MgDocument) third = make_document ("third");

  mg_history_add_document (f->history, second);
  mg_history_add_document (f->history, third);
  g_assert_cmpint (mg_dataset_index_of (f->dataset, third), ==, 2);
  mg_history_mark_saved (f->history);

  /* Removing the middle one; undo puts it back in the middle. */
  mg_history_remove_document (f->history, second);
  g_assert_cmpuint (mg_dataset_get_n_documents (f->dataset), ==, 2);
  g_assert_true (mg_history_undo (f->history) == second);
  g_assert_cmpint (mg_dataset_index_of (f->dataset, second), ==, 1);
  g_assert_false (mg_history_get_modified (f->history));
  g_assert_null (mg_history_redo (f->history));
  g_assert_cmpint (mg_dataset_index_of (f->dataset, second), ==, -1);
  g_assert_true (mg_history_undo (f->history) == second);

  /* Undoing an addition leaves no document to show. */
  g_assert_null (mg_history_undo (f->history));
  g_assert_null (mg_dataset_lookup_document (f->dataset, "third"));
  g_assert_true (mg_history_redo (f->history) == third);
  g_assert_cmpint (mg_dataset_index_of (f->dataset, third), ==, 2);

  /* Annotation edits in a document that was removed and put back. */
  mg_history_remove_document (f->history, f->doc);
  mg_history_undo (f->history);
  g_assert_cmpint (mg_dataset_index_of (f->dataset, f->doc), ==, 0);
  mg_history_remove_annotation (f->history, f->doc, f->figure);
  g_assert_true (mg_history_undo (f->history) == f->doc);
}

/* The order of the documents, as the list shows them. */
static char *
order (MgDataset *dataset)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < mg_dataset_get_n_documents (dataset); i++)
    g_string_append_printf (s, "%s%s", i ? " " : "",
                            mg_document_get_id (mg_dataset_get_document (dataset, i)));
  return g_string_free (s, FALSE);
}

static void
count_items_changed (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *n)
{
  /* A move is one change of the rows between, not a removal then an
   * insertion that would drop the list's selection. */
  g_assert_cmpuint (removed, ==, added);
  (*n)++;
}

static void
test_move_document (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(MgDocument) second = make_document ("second");
  g_autoptr(MgDocument) third = make_document ("third");
  g_autofree char *before = NULL;
  g_autofree char *moved = NULL;
  guint n_items_changed = 0;
  guint n_changed;

  mg_history_add_document (f->history, second);
  mg_history_add_document (f->history, third);
  mg_history_mark_saved (f->history);
  before = dump (f);
  g_signal_connect (f->dataset, "items-changed", G_CALLBACK (count_items_changed), &n_items_changed);

  /* To the end, then back to the start, each one undo step. */
  mg_history_move_document (f->history, f->doc, 2);
  moved = order (f->dataset);
  g_assert_cmpstr (moved, ==, "second third budget");
  g_assert_true (mg_history_get_modified (f->history));
  g_clear_pointer (&moved, g_free);
  mg_history_move_document (f->history, third, 0);
  moved = order (f->dataset);
  g_assert_cmpstr (moved, ==, "third second budget");
  g_clear_pointer (&moved, g_free);
  g_assert_cmpuint (n_items_changed, ==, 2);

  g_assert_true (mg_history_undo (f->history) == third);
  moved = order (f->dataset);
  g_assert_cmpstr (moved, ==, "second third budget");
  g_clear_pointer (&moved, g_free);
  g_assert_true (mg_history_undo (f->history) == f->doc);
  {
    g_autofree char *now = dump (f);
    g_assert_cmpstr (now, ==, before);
  }
  g_assert_false (mg_history_get_modified (f->history));
  g_assert_true (mg_history_redo (f->history) == f->doc);
  moved = order (f->dataset);
  g_assert_cmpstr (moved, ==, "second third budget");
  g_clear_pointer (&moved, g_free);

  /* Past the end is the end; where it is already is no step. */
  n_changed = f->n_changed;
  mg_history_move_document (f->history, f->doc, 99);
  mg_history_move_document (f->history, second, 0);
  g_assert_cmpuint (f->n_changed, ==, n_changed);
  mg_history_move_document (f->history, second, 99);
  moved = order (f->dataset);
  g_assert_cmpstr (moved, ==, "third budget second");
  g_assert_cmpuint (f->n_changed, ==, n_changed + 1);
}

static void
notify_title (MgDocument *document,
              GParamSpec *pspec,
              guint      *n)
{
  (*n)++;
}

static void
test_set_title (Fixture       *f,
                gconstpointer  data)
{
  guint n_notify = 0;
  guint n_changed;

  mg_document_set_title (f->doc, "Budget to grow");
  mg_history_mark_saved (f->history);
  g_signal_connect (f->doc, "notify::title", G_CALLBACK (notify_title), &n_notify);

  mg_history_set_title (f->history, f->doc, "Budget to grow by 4%");
  g_assert_cmpstr (mg_document_get_title (f->doc), ==, "Budget to grow by 4%");
  g_assert_cmpuint (n_notify, ==, 1);
  g_assert_true (mg_history_get_modified (f->history));

  g_assert_true (mg_history_undo (f->history) == f->doc);
  g_assert_cmpstr (mg_document_get_title (f->doc), ==, "Budget to grow");
  g_assert_false (mg_history_get_modified (f->history));
  g_assert_true (mg_history_redo (f->history) == f->doc);
  g_assert_cmpstr (mg_document_get_title (f->doc), ==, "Budget to grow by 4%");
  g_assert_cmpuint (n_notify, ==, 3);

  /* The same title again, however spelled, is no step. */
  n_changed = f->n_changed;
  mg_history_set_title (f->history, f->doc, "Budget to grow by 4%");
  g_assert_cmpuint (f->n_changed, ==, n_changed);

  /* No title and the empty one are written alike: one title. */
  mg_history_set_title (f->history, f->doc, NULL);
  g_assert_cmpstr (mg_document_get_title (f->doc), ==, "");
  mg_history_set_title (f->history, f->doc, "");
  g_assert_cmpuint (f->n_changed, ==, n_changed + 1);
  mg_history_undo (f->history);
  g_assert_cmpstr (mg_document_get_title (f->doc), ==, "Budget to grow by 4%");

  /* A title set by hand does not join the note merging. */
  mg_history_set_note (f->history, f->doc, f->quote, "one");
  mg_history_set_title (f->history, f->doc, "Another");
  mg_history_set_note (f->history, f->doc, f->quote, "one two");
  mg_history_undo (f->history);
  g_assert_cmpstr (mg_annotation_get_note (f->quote), ==, "one");
  g_assert_cmpstr (mg_document_get_title (f->doc), ==, "Another");
}

static void
count_store_changed (guint *count)
{
  (*count)++;
}

static void
test_groups (Fixture       *f,
             gconstpointer  data)
{
  guint store_changed = 0;
  g_autoptr(MgAnnotation) year = mg_annotation_new (NULL, "figure", 55, 59);
  g_autoptr(MgRelation) relation = NULL;
  g_autofree char *before = dump (f);
  g_autofree char *after = NULL;

  g_signal_connect_swapped (mg_document_get_store (f->doc), "changed", G_CALLBACK (count_store_changed), &store_changed);
  mg_history_begin_group (f->history);
  g_assert_true (mg_history_add_annotation (f->history, f->doc, year, NULL));
  g_assert_cmpuint (store_changed, ==, 1);
  mg_history_begin_group (f->history);
  g_assert_true (mg_history_set_label (f->history, f->doc, f->figure, "claim", NULL));
  mg_history_remove_annotation (f->history, f->doc, f->actor);
  mg_history_end_group (f->history);
  relation = mg_relation_new (NULL, MG_RELATION_ATTRIBUTED_TO, "a2", "a4");
  g_assert_true (mg_history_add_relation (f->history, f->doc, relation, NULL));
  mg_history_set_note (f->history, f->doc, year, "year");
  mg_history_set_note (f->history, f->doc, year, "year of the plan");
  g_assert_true (mg_history_get_modified (f->history));
  /* ::changed waits for the outermost group to end, then comes once; so
   * does the store's for the edits after its first. */
  g_assert_cmpuint (f->n_changed, ==, 0);
  g_assert_cmpuint (store_changed, ==, 1);
  mg_history_end_group (f->history);
  after = dump (f);
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_cmpuint (store_changed, ==, 2);
  /* Undone and done again in one go each. */
  mg_history_undo (f->history);
  g_assert_cmpuint (store_changed, ==, 3);
  mg_history_redo (f->history);
  g_assert_cmpuint (store_changed, ==, 4);
  g_signal_handlers_disconnect_by_data (mg_document_get_store (f->doc), &store_changed);

  check_undo_redo (f, before, after);
  mg_history_undo (f->history);
  g_assert_false (mg_history_can_undo (f->history));

  /* An empty group records nothing. */
  mg_history_begin_group (f->history);
  mg_history_end_group (f->history);
  g_assert_false (mg_history_can_undo (f->history));
  g_assert_true (mg_history_can_redo (f->history));
}

static void
test_redo_cleared (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_true (mg_history_set_label (f->history, f->doc, f->figure, "claim", NULL));
  g_assert_true (mg_history_set_label (f->history, f->doc, f->figure, "quote", NULL));
  mg_history_undo (f->history);
  g_assert_true (mg_history_can_redo (f->history));

  mg_history_set_note (f->history, f->doc, f->figure, "new");
  g_assert_false (mg_history_can_redo (f->history));
  g_assert_null (mg_history_redo (f->history));
  g_assert_cmpstr (mg_annotation_get_label (f->figure), ==, "claim");

  mg_history_undo (f->history);
  mg_history_undo (f->history);
  g_assert_cmpstr (mg_annotation_get_label (f->figure), ==, "figure");
  g_assert_false (mg_history_can_undo (f->history));
}

static void
test_failure_records_nothing (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(MgAnnotation) twin = mg_annotation_new (NULL, "actor", 9, 18);
  g_autoptr(MgAnnotation) outside = mg_annotation_new (NULL, "actor", 80, 90);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *now = NULL;
  /* A claim over "critics" too, so a4 cannot become one. */
  g_autoptr(MgAnnotation) claim = mg_annotation_new (NULL, "claim", 65, 72);

  g_assert_true (mg_annotation_store_add (mg_document_get_store (f->doc), claim, NULL));
  g_assert_true (mg_history_set_label (f->history, f->doc, f->figure, "claim", NULL));
  mg_history_undo (f->history);
  before = dump (f);
  f->n_changed = 0;
  f->n_notify_can_undo = f->n_notify_can_redo = f->n_notify_modified = 0;

  g_assert_false (mg_history_add_annotation (f->history, f->doc, twin, &error));
  g_assert_error (error, MG_ERROR, MG_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_false (mg_history_add_annotation (f->history, f->doc, outside, &error));
  g_assert_error (error, MG_ERROR, MG_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (mg_history_set_label (f->history, f->doc, f->critic, "claim", &error));
  g_assert_error (error, MG_ERROR, MG_ERROR_DUPLICATE);
  g_clear_error (&error);
  /* Its own label again: no edit, and no failure either. */
  g_assert_true (mg_history_set_label (f->history, f->doc, f->critic, "actor", NULL));
  g_assert_false (mg_history_set_range (f->history, f->doc, f->critic, 9, 18, &error));
  g_assert_error (error, MG_ERROR, MG_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_false (mg_history_set_range (f->history, f->doc, f->critic, 70, 84, &error));
  g_assert_error (error, MG_ERROR, MG_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (mg_history_set_range (f->history, f->doc, f->critic, 70, 70, &error));
  g_assert_error (error, MG_ERROR, MG_ERROR_INVALID);

  now = dump (f);
  g_assert_cmpstr (now, ==, before);
  g_assert_cmpuint (f->n_changed, ==, 0);
  g_assert_cmpuint (f->n_notify_can_undo + f->n_notify_can_redo + f->n_notify_modified, ==, 0);
  g_assert_false (mg_history_can_undo (f->history));
  /* The redo stack survived the failures. */
  g_assert_true (mg_history_can_redo (f->history));
  g_assert_false (mg_history_get_modified (f->history));
}

static void
test_modified (Fixture       *f,
               gconstpointer  data)
{
  g_assert_true (mg_history_set_label (f->history, f->doc, f->figure, "claim", NULL));
  g_assert_cmpuint (f->n_notify_modified, ==, 1);
  g_assert_cmpuint (f->n_notify_can_undo, ==, 1);
  g_assert_true (mg_history_set_label (f->history, f->doc, f->figure, "quote", NULL));
  /* Still modified, still undoable: no notification. */
  g_assert_cmpuint (f->n_notify_modified, ==, 1);
  g_assert_cmpuint (f->n_notify_can_undo, ==, 1);

  mg_history_mark_saved (f->history);
  g_assert_false (mg_history_get_modified (f->history));
  g_assert_cmpuint (f->n_notify_modified, ==, 2);
  mg_history_mark_saved (f->history);
  g_assert_cmpuint (f->n_notify_modified, ==, 2);

  mg_history_undo (f->history);
  g_assert_true (mg_history_get_modified (f->history));
  g_assert_cmpuint (f->n_notify_can_redo, ==, 1);
  mg_history_redo (f->history);
  g_assert_false (mg_history_get_modified (f->history));
  g_assert_cmpuint (f->n_notify_can_redo, ==, 2);

  /* The saved state sits in the redo stack when a new edit clears it:
   * no undo can come back to it any more. */
  mg_history_undo (f->history);
  mg_history_set_note (f->history, f->doc, f->figure, "other branch");
  mg_history_undo (f->history);
  g_assert_true (mg_history_get_modified (f->history));
  mg_history_undo (f->history);
  g_assert_true (mg_history_get_modified (f->history));
  g_assert_false (mg_history_can_undo (f->history));

  /* An import the history does not record. */
  mg_history_mark_saved (f->history);
  g_assert_false (mg_history_get_modified (f->history));
  mg_history_mark_modified (f->history);
  g_assert_true (mg_history_get_modified (f->history));
  mg_history_redo (f->history);
  mg_history_undo (f->history);
  g_assert_true (mg_history_get_modified (f->history));
  mg_history_mark_saved (f->history);
  g_assert_false (mg_history_get_modified (f->history));

  {
    gboolean modified = TRUE, can_undo = FALSE, can_redo = TRUE;

    g_object_get (f->history, "modified", &modified, "can-undo", &can_undo,
                  "can-redo", &can_redo, NULL);
    /* Everything was undone again before that last save. */
    g_assert_false (modified);
    g_assert_false (can_undo);
    g_assert_true (can_redo);
  }
}

static void
test_saved_inside_group (Fixture       *f,
                         gconstpointer  data)
{
  mg_history_begin_group (f->history);
  mg_history_set_note (f->history, f->doc, f->figure, "x");
  mg_history_mark_saved (f->history);
  g_assert_false (mg_history_get_modified (f->history));
  mg_history_set_note (f->history, f->doc, f->quote, "y");
  g_assert_true (mg_history_get_modified (f->history));
  mg_history_end_group (f->history);
  g_assert_true (mg_history_get_modified (f->history));
  mg_history_undo (f->history);
  g_assert_true (mg_history_get_modified (f->history));
  mg_history_redo (f->history);
  g_assert_true (mg_history_get_modified (f->history));
}

static void
test_clear (Fixture       *f,
            gconstpointer  data)
{
  g_assert_true (mg_history_set_label (f->history, f->doc, f->figure, "claim", NULL));
  g_assert_true (mg_history_set_label (f->history, f->doc, f->figure, "quote", NULL));
  mg_history_undo (f->history);
  mg_history_clear (f->history);
  g_assert_false (mg_history_can_undo (f->history));
  g_assert_false (mg_history_can_redo (f->history));
  g_assert_true (mg_history_get_modified (f->history));

  mg_history_mark_saved (f->history);
  mg_history_clear (f->history);
  g_assert_false (mg_history_get_modified (f->history));
  g_assert_true (mg_history_set_label (f->history, f->doc, f->figure, "figure", NULL));
  g_assert_true (mg_history_get_modified (f->history));
  mg_history_undo (f->history);
  g_assert_false (mg_history_get_modified (f->history));
}

/* Many random edits, then undo all the way back and redo all the way
 * forward, comparing with the dump taken after each edit. */
static void
test_random_walk (Fixture       *f,
                  gconstpointer  data)
{
  const char *labels[] = { "quote", "actor", "claim", "figure" };
  MgAnnotationStore *store = mg_document_get_store (f->doc);
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261126);
  guint length = mg_document_get_length (f->doc);

  g_ptr_array_add (states, dump (f));
  for (guint i = 0; i < 300; i++)
    {
      guint n = mg_annotation_store_get_n_annotations (store);
      MgAnnotation *some = n ? mg_annotation_store_get_annotation (store, g_rand_int_range (rand, 0, n)) : NULL;
      MgAnnotation *other = n ? mg_annotation_store_get_annotation (store, g_rand_int_range (rand, 0, n)) : NULL;
      guint start = g_rand_int_range (rand, 0, length);
      guint end = g_rand_int_range (rand, start + 1, length + 1);
      const char *label = labels[g_rand_int_range (rand, 0, G_N_ELEMENTS (labels))];
      g_autofree char *now = NULL;

      switch (some ? g_rand_int_range (rand, 0, 7) : 0)
        {
        case 0:
          {
            g_autoptr(MgAnnotation) a = mg_annotation_new (NULL, label, start, end);
            mg_history_add_annotation (f->history, f->doc, a, NULL);
          }
          break;
        case 1:
          mg_history_remove_annotation (f->history, f->doc, some);
          break;
        case 2:
          mg_history_set_label (f->history, f->doc, some, label, NULL);
          break;
        case 3:
          mg_history_set_range (f->history, f->doc, some, start, end, NULL);
          break;
        case 4:
          {
            g_autofree char *note = g_strdup_printf ("note %u", i);
            mg_history_set_note (f->history, f->doc, some, note);
          }
          break;
        case 5:
          mg_history_set_attribution (f->history, f->doc, some, other, NULL);
          break;
        default:
          mg_history_set_attribution (f->history, f->doc, some, NULL, NULL);
          break;
        }

      /* Saving keeps note edits from merging, so each edit that changed
       * something is one step; refused edits and no-ops changed nothing
       * and made none. */
      mg_history_mark_saved (f->history);
      now = dump (f);
      if (g_strcmp0 (now, g_ptr_array_index (states, states->len - 1)) != 0)
        g_ptr_array_add (states, g_steal_pointer (&now));
    }

  g_test_message ("%u distinct states in 300 random edits", states->len - 1);
  g_assert_cmpuint (states->len, >, 150);

  for (guint i = states->len - 1; i > 0; i--)
    {
      g_autofree char *now = NULL;

      g_assert_true (mg_history_can_undo (f->history));
      mg_history_undo (f->history);
      now = dump (f);
      g_assert_cmpstr (now, ==, g_ptr_array_index (states, i - 1));
    }
  g_assert_false (mg_history_can_undo (f->history));
  for (guint i = 1; i < states->len; i++)
    {
      g_autofree char *now = NULL;

      mg_history_redo (f->history);
      now = dump (f);
      g_assert_cmpstr (now, ==, g_ptr_array_index (states, i));
    }
  g_assert_false (mg_history_can_redo (f->history));
  g_assert_false (mg_history_get_modified (f->history));
}

/* Undoing one step that removed thousands of annotations re-adds them one
 * by one; each add must not cost a rebuild of the store's interval index. */
static void
test_large_group (void)
{
  guint n = 10000;
  g_autofree char *text = g_strnfill (n * 3 + 5, 'w');
  g_autoptr(MgDataset) dataset = mg_dataset_new ();
  g_autoptr(MgDocument) doc = mg_document_new ("big", text, -1);
  MgAnnotationStore *store = mg_document_get_store (doc);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) figures = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(MgHistory) history = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  double elapsed;

  g_assert_true (mg_dataset_add_document (dataset, doc));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (all, old_annotation (NULL, i % 2 ? "quote" : "figure", i * 3, i * 3 + 5));
  g_assert_true (mg_annotation_store_add_all (store, all, NULL));
  for (guint i = 0; i < n; i++)
    {
      MgAnnotation *a = mg_annotation_store_get_annotation (store, i);

      if (g_str_equal (mg_annotation_get_label (a), "figure"))
        g_ptr_array_add (figures, g_object_ref (a));
    }
  history = mg_history_new (dataset);
  before = dump_one (doc);

  mg_history_begin_group (history);
  for (guint i = 0; i < figures->len; i++)
    mg_history_remove_annotation (history, doc, g_ptr_array_index (figures, i));
  mg_history_end_group (history);
  g_assert_cmpuint (mg_annotation_store_get_n_annotations (store), ==, n / 2);
  after = dump_one (doc);

  g_timer_start (timer);
  g_assert_true (mg_history_undo (history) == doc);
  elapsed = g_timer_elapsed (timer, NULL);
  g_test_message ("undo of a step removing %u of %u annotations: %.3f s",
                  figures->len, n, elapsed);
  {
    g_autofree char *now = dump_one (doc);
    g_assert_cmpstr (now, ==, before);
  }
  /* Milliseconds here; a rebuild per add took seconds. */
  g_assert_cmpfloat (elapsed, <, 2.0);

  mg_history_redo (history);
  {
    g_autofree char *now = dump_one (doc);
    g_assert_cmpstr (now, ==, after);
  }
}

/* A new label set is one step; undone, the old set and its very labels
 * come back, so older steps on those labels undo where they were made. */
static void
test_set_labels (void)
{
  g_autoptr(MgLabelSet) before = mg_label_set_new_default ();
  g_autoptr(MgDataset) dataset = mg_dataset_new_with_labels (before);
  g_autoptr(MgHistory) history = mg_history_new (dataset);
  g_autoptr(MgLabelSet) after = mg_label_set_new ();
  g_autoptr(MgLabel) cue = mg_label_new ("cue", "Cue", "#E69F00", "5");
  MgLabel *quote = mg_label_set_lookup (before, "quote");

  mg_label_set_add (after, cue);
  mg_label_set_add (after, quote);
  mg_history_set_labels (history, after);
  g_assert_true (mg_dataset_get_labels (dataset) == after);
  g_assert_true (mg_history_can_undo (history));

  g_assert_null (mg_history_undo (history));
  g_assert_true (mg_dataset_get_labels (dataset) == before);
  g_assert_true (mg_label_set_lookup (mg_dataset_get_labels (dataset), "quote") == quote);
  g_assert_null (mg_history_redo (history));
  g_assert_true (mg_dataset_get_labels (dataset) == after);
  g_assert_nonnull (mg_label_set_lookup (mg_dataset_get_labels (dataset), "cue"));

  /* The same set again is no step. */
  mg_history_set_labels (history, after);
  mg_history_undo (history);
  g_assert_false (mg_history_can_undo (history));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/history/initial", test_initial);
  ADD ("/history/add-annotation", test_add_annotation);
  ADD ("/history/remove-annotation", test_remove_annotation);
  ADD ("/history/set-label", test_set_label);
  ADD ("/history/set-range", test_set_range);
  ADD ("/history/note-merging", test_note_merging);
  ADD ("/history/note-not-merged", test_note_not_merged_after_undo_or_save);
  ADD ("/history/relations", test_relations);
  ADD ("/history/relation-failure", test_relation_failure);
  ADD ("/history/attribution", test_attribution);
  ADD ("/history/attribution-other-document", test_attribution_other_document);
  ADD ("/history/documents", test_documents);
  ADD ("/history/move-document", test_move_document);
  ADD ("/history/set-title", test_set_title);
  ADD ("/history/groups", test_groups);
  ADD ("/history/redo-cleared", test_redo_cleared);
  ADD ("/history/failure-records-nothing", test_failure_records_nothing);
  ADD ("/history/modified", test_modified);
  ADD ("/history/saved-inside-group", test_saved_inside_group);
  ADD ("/history/clear", test_clear);
  ADD ("/history/random-walk", test_random_walk);

#undef ADD

  g_test_add_func ("/history/large-group", test_large_group);
  g_test_add_func ("/history/set-labels", test_set_labels);

  return g_test_run ();
}
