/* test-store.c: the annotation store, its ids, relations, signals and
 * interval queries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "mg-core.h"

/* Offsets as Python counts them in TEXT (the flag is two code points):
 *   TEXT.index ("Ayşe Kaya") == 9, end 18;  TEXT.index ("🇹🇷") == 19
 *   TEXT.index ("said") == 22;  TEXT.index ("4%") == 38
 *   TEXT[44:48] == "2026";  len (TEXT) == 49 */
#define TEXT "Minister Ayşe Kaya 🇹🇷 said growth hit 4% in 2026."

static MgDocument *
make_document (void)
{
  return mg_document_new ("doc", TEXT, -1);
}

static MgAnnotation *
add (MgAnnotationStore *store,
     const char        *id,
     const char        *label,
     guint              start,
     guint              end)
{
  g_autoptr(MgAnnotation) a = mg_annotation_new (id, label, start, end);
  g_autoptr(GError) error = NULL;

  g_assert_true (mg_annotation_store_add (store, a, &error));
  g_assert_no_error (error);
  return a;  /* the store holds a reference */
}

/* "id label [start,end)" for every annotation, in store order. */
static char *
describe (MgAnnotationStore *store)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < mg_annotation_store_get_n_annotations (store); i++)
    {
      MgAnnotation *a = mg_annotation_store_get_annotation (store, i);

      g_string_append_printf (s, "%s%s %s [%u,%u)", i ? "; " : "",
                              mg_annotation_get_id (a), mg_annotation_get_label (a),
                              mg_annotation_get_start (a), mg_annotation_get_end (a));
    }
  return g_string_free (s, FALSE);
}

#define assert_store(store, expected) G_STMT_START { \
  g_autofree char *described_ = describe (store); \
  g_assert_cmpstr (described_, ==, expected); \
} G_STMT_END

static void
test_add_lookup_order (void)
{
  g_autoptr(MgDocument) doc = make_document ();
  MgAnnotationStore *store = mg_document_get_store (doc);
  MgAnnotation *kaya, *flag;

  g_assert_cmpuint (mg_annotation_store_get_n_annotations (store), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (store)) == MG_TYPE_ANNOTATION);

  /* Sorted by start, end, label, then id (as strings: "a10" < "a9"). */
  add (store, "a9", "quote", 9, 18);
  kaya = add (store, "a10", "quote", 9, 13);
  add (store, "a3", "actor", 9, 18);
  add (store, "a1", "quote", 0, 49);
  flag = add (store, "a2", "figure", 19, 21);
  add (store, "a4", "claim", 9, 13);
  assert_store (store, "a1 quote [0,49); a4 claim [9,13); a10 quote [9,13); "
                       "a3 actor [9,18); a9 quote [9,18); a2 figure [19,21)");

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 6);
  {
    g_autoptr(MgAnnotation) item = g_list_model_get_item (G_LIST_MODEL (store), 2);

    g_assert_true (item == kaya);
    g_assert_null (g_list_model_get_item (G_LIST_MODEL (store), 6));
  }

  /* The store fills in the text (code points: the flag is TEXT[19:21]). */
  g_assert_cmpstr (mg_annotation_get_text (flag), ==, "🇹🇷");
  g_assert_cmpstr (mg_annotation_get_text (kaya), ==, "Ayşe");
  g_assert_nonnull (mg_annotation_get_created (flag));
  g_assert_cmpstr (mg_annotation_get_created (flag), ==, mg_annotation_get_modified (flag));

  g_assert_true (mg_annotation_store_lookup (store, "a2") == flag);
  g_assert_null (mg_annotation_store_lookup (store, "a5"));
  g_assert_null (mg_annotation_store_lookup (store, NULL));
  g_assert_cmpuint (mg_annotation_store_get_position (store, flag), ==, 5);
  g_assert_true (mg_annotation_store_find (store, "figure", 19, 21) == flag);
  g_assert_null (mg_annotation_store_find (store, "quote", 19, 21));
  g_assert_null (mg_annotation_store_find (store, "figure", 19, 19));

  mg_annotation_store_remove (store, kaya);
  assert_store (store, "a1 quote [0,49); a4 claim [9,13); a3 actor [9,18); "
                       "a9 quote [9,18); a2 figure [19,21)");
  g_assert_null (mg_annotation_store_lookup (store, "a10"));
}

static void
test_overlaps (void)
{
  g_autoptr(MgAnnotation) a = mg_annotation_new ("a1", "actor", 9, 18);

  g_assert_true (mg_annotation_overlaps (a, 0, 10));
  g_assert_true (mg_annotation_overlaps (a, 17, 30));
  g_assert_true (mg_annotation_overlaps (a, 10, 12));
  g_assert_true (mg_annotation_overlaps (a, 0, 49));
  /* End exclusive on both sides. */
  g_assert_false (mg_annotation_overlaps (a, 0, 9));
  g_assert_false (mg_annotation_overlaps (a, 18, 20));
  /* An empty range shares no code point, even inside the span. */
  g_assert_false (mg_annotation_overlaps (a, 12, 12));
  g_assert_false (mg_annotation_overlaps (a, 9, 9));
}

static void
test_not_in_store (void)
{
  g_autoptr(MgDocument) doc = make_document ();
  g_autoptr(MgDocument) other = make_document ();
  MgAnnotationStore *store = mg_document_get_store (doc);
  MgAnnotation *mine = add (store, "a1", "actor", 9, 18);
  /* Equal in every sort key, but another store's object. */
  MgAnnotation *twin = add (mg_document_get_store (other), "a1", "actor", 9, 18);

  g_assert_cmpuint (mg_annotation_store_get_position (store, mine), ==, 0);
  g_assert_cmpuint (mg_annotation_store_get_position (store, twin), ==, G_MAXUINT);
}

static void
test_duplicates (void)
{
  g_autoptr(MgDocument) doc = make_document ();
  MgAnnotationStore *store = mg_document_get_store (doc);
  g_autoptr(MgAnnotation) same_span = mg_annotation_new (NULL, "actor", 9, 18);
  g_autoptr(MgAnnotation) same_id = mg_annotation_new ("a1", "quote", 0, 8);
  g_autoptr(MgAnnotation) empty = mg_annotation_new (NULL, "quote", 5, 5);
  g_autoptr(MgAnnotation) outside = mg_annotation_new (NULL, "quote", 45, 50);
  g_autoptr(MgAnnotation) other_label = mg_annotation_new (NULL, "quote", 9, 18);
  g_autoptr(GError) error = NULL;

  add (store, "a1", "actor", 9, 18);

  g_assert_false (mg_annotation_store_check (store, same_span, &error));
  g_assert_error (error, MG_ERROR, MG_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_false (mg_annotation_store_add (store, same_span, &error));
  g_assert_error (error, MG_ERROR, MG_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "a1"));
  g_clear_error (&error);
  /* Refused: left as it was, no id given. */
  g_assert_null (mg_annotation_get_id (same_span));

  g_assert_false (mg_annotation_store_add (store, same_id, &error));
  g_assert_error (error, MG_ERROR, MG_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (mg_annotation_store_add (store, empty, &error));
  g_assert_error (error, MG_ERROR, MG_ERROR_INVALID);
  g_clear_error (&error);
  /* len (TEXT) == 49, so [45, 50) runs past the end. */
  g_assert_false (mg_annotation_store_add (store, outside, &error));
  g_assert_error (error, MG_ERROR, MG_ERROR_INVALID);
  g_clear_error (&error);

  /* Same span, another label: allowed. */
  g_assert_true (mg_annotation_store_check (store, other_label, NULL));
  g_assert_true (mg_annotation_store_add (store, other_label, NULL));
  assert_store (store, "a1 actor [9,18); a2 quote [9,18)");

  /* Relabelling or moving onto a twin is refused too. */
  g_assert_false (mg_annotation_store_set_label (store, other_label, "actor", &error));
  g_assert_error (error, MG_ERROR, MG_ERROR_DUPLICATE);
  g_clear_error (&error);
  add (store, "a3", "actor", 0, 8);
  g_assert_false (mg_annotation_store_set_range (store, mg_annotation_store_lookup (store, "a3"),
                                                 9, 18, &error));
  g_assert_error (error, MG_ERROR, MG_ERROR_DUPLICATE);
  assert_store (store, "a3 actor [0,8); a1 actor [9,18); a2 quote [9,18)");
}

static void
test_ids (void)
{
  g_autoptr(MgDocument) doc = make_document ();
  MgAnnotationStore *store = mg_document_get_store (doc);
  g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *next = NULL;
  MgAnnotation *a;

  g_assert_cmpstr ((next = mg_annotation_store_next_id (store)), ==, "a1");
  g_clear_pointer (&next, g_free);

  /* Ids a file brought: "a7" is the highest of the store's own form. */
  g_ptr_array_add (loaded, mg_annotation_new ("a2", "actor", 9, 18));
  g_ptr_array_add (loaded, mg_annotation_new ("a7", "quote", 22, 49));
  g_ptr_array_add (loaded, mg_annotation_new ("speaker", "actor", 0, 8));
  g_ptr_array_add (loaded, mg_annotation_new ("a99x", "figure", 38, 40));
  g_ptr_array_add (loaded, mg_annotation_new ("b50", "claim", 22, 49));
  g_assert_true (mg_annotation_store_add_all (store, loaded, NULL));

  g_assert_cmpstr ((next = mg_annotation_store_next_id (store)), ==, "a8");
  g_clear_pointer (&next, g_free);
  a = add (store, NULL, "figure", 44, 48);
  g_assert_cmpstr (mg_annotation_get_id (a), ==, "a8");

  /* A removed id is not handed out again: undo may bring it back. */
  mg_annotation_store_remove (store, a);
  a = add (store, NULL, "figure", 44, 48);
  g_assert_cmpstr (mg_annotation_get_id (a), ==, "a9");

  /* An id given explicitly moves the counter past it. */
  add (store, "a20", "claim", 0, 8);
  a = add (store, NULL, "claim", 9, 18);
  g_assert_cmpstr (mg_annotation_get_id (a), ==, "a21");

  /* Zero-padded: "a030" is 30, so the next is a31 and no clash. */
  add (store, "a030", "quote", 0, 8);
  a = add (store, NULL, "quote", 9, 18);
  g_assert_cmpstr (mg_annotation_get_id (a), ==, "a31");
}

static void
count (guint *counter)
{
  (*counter)++;
}

static void
test_add_all_atomic (void)
{
  g_autoptr(MgDocument) doc = make_document ();
  MgAnnotationStore *store = mg_document_get_store (doc);
  g_autofree char *before = NULL;
  guint n_items_changed = 0, n_changed = 0;
  struct {
    const char *id;
    const char *label;
    guint       start, end;
  } bad_batches[][3] = {
    /* a duplicate of what the store has */
    { { NULL, "quote", 0, 8 }, { "n2", "actor", 9, 18 }, { NULL, "claim", 22, 30 } },
    /* two duplicates within the batch */
    { { "n1", "claim", 22, 30 }, { "n2", "figure", 38, 40 }, { "n3", "claim", 22, 30 } },
    /* an id used twice within the batch */
    { { "n1", "claim", 22, 30 }, { "n1", "figure", 38, 40 }, { NULL, "quote", 0, 49 } },
    /* an id the store has */
    { { NULL, "claim", 22, 30 }, { "a1", "figure", 38, 40 }, { NULL, "quote", 0, 49 } },
    /* past the end of the text */
    { { NULL, "claim", 22, 30 }, { "n2", "figure", 38, 40 }, { NULL, "quote", 0, 50 } },
    /* empty */
    { { NULL, "claim", 22, 30 }, { "n2", "figure", 38, 38 }, { NULL, "quote", 0, 49 } },
  };

  add (store, "a1", "actor", 9, 18);
  before = describe (store);
  g_signal_connect_swapped (store, "items-changed", G_CALLBACK (count), &n_items_changed);
  g_signal_connect_swapped (store, "changed", G_CALLBACK (count), &n_changed);

  for (guint b = 0; b < G_N_ELEMENTS (bad_batches); b++)
    {
      g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;

      for (guint i = 0; i < 3; i++)
        g_ptr_array_add (batch, mg_annotation_new (bad_batches[b][i].id, bad_batches[b][i].label,
                                                   bad_batches[b][i].start, bad_batches[b][i].end));

      g_assert_false (mg_annotation_store_add_all (store, batch, &error));
      g_assert_error (error, MG_ERROR, MG_ERROR_INVALID);
      after = describe (store);
      g_assert_cmpstr (after, ==, before);
      g_assert_null (mg_annotation_store_lookup (store, "n1"));
      g_assert_null (mg_annotation_store_lookup (store, "n2"));
      g_assert_cmpuint (mg_annotation_store_get_n_annotations (store), ==, 1);

      /* The store kept no reference to any of them. */
      for (guint i = 0; i < 3; i++)
        g_assert_cmpuint (G_OBJECT (g_ptr_array_index (batch, i))->ref_count, ==, 1);
    }
  g_assert_cmpuint (n_items_changed, ==, 0);
  g_assert_cmpuint (n_changed, ==, 0);

  /* A good batch, from an array that owns its annotations. */
  {
    g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
    MgAnnotation *first;

    g_ptr_array_add (batch, mg_annotation_new (NULL, "quote", 22, 49));
    g_ptr_array_add (batch, mg_annotation_new ("x", "figure", 38, 40));
    g_ptr_array_add (batch, mg_annotation_new (NULL, "actor", 0, 8));
    first = g_ptr_array_index (batch, 0);
    g_assert_true (mg_annotation_store_add_all (store, batch, NULL));
    g_assert_cmpuint (G_OBJECT (first)->ref_count, ==, 2);
    g_clear_pointer (&batch, g_ptr_array_unref);
    g_assert_cmpuint (G_OBJECT (first)->ref_count, ==, 1);
    g_assert_cmpuint (n_items_changed, ==, 1);
    g_assert_cmpuint (n_changed, ==, 1);
    g_assert_cmpuint (mg_annotation_store_get_n_annotations (store), ==, 4);
    g_assert_cmpstr (mg_annotation_get_id (mg_annotation_store_get_annotation (store, 1)), ==, "a1");
    g_assert_cmpstr (mg_annotation_get_id (mg_annotation_store_get_annotation (store, 3)), ==, "x");
    /* The others got fresh ids of the store's own form. */
    for (guint i = 0; i < 3; i += 2)
      {
        const char *id = mg_annotation_get_id (mg_annotation_store_get_annotation (store, i));

        g_assert_true (id[0] == 'a' && g_ascii_isdigit (id[1]));
        g_assert_cmpstr (id, !=, "a1");
        g_assert_true (mg_annotation_store_lookup (store, id) ==
                       mg_annotation_store_get_annotation (store, i));
      }
    g_assert_cmpstr (mg_annotation_get_text (mg_annotation_store_get_annotation (store, 0)), ==,
                     "Minister");
  }
}

typedef struct
{
  GArray *items_changed;  /* of guint triples */
  GArray *changed;        /* of guint pairs */
  guint   relations_changed;
} Recorder;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Recorder   *r)
{
  guint v[3] = { position, removed, added };

  g_array_append_vals (r->items_changed, v, 3);
}

static void
on_changed (MgAnnotationStore *store,
            guint              start,
            guint              end,
            Recorder          *r)
{
  guint v[2] = { start, end };

  g_array_append_vals (r->changed, v, 2);
}

static void
on_relations_changed (MgAnnotationStore *store,
                      Recorder          *r)
{
  r->relations_changed++;
}

static char *
recorded (Recorder *r)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < r->items_changed->len; i += 3)
    g_string_append_printf (s, "items(%u,%u,%u) ",
                            g_array_index (r->items_changed, guint, i),
                            g_array_index (r->items_changed, guint, i + 1),
                            g_array_index (r->items_changed, guint, i + 2));
  for (guint i = 0; i < r->changed->len; i += 2)
    g_string_append_printf (s, "changed[%u,%u) ",
                            g_array_index (r->changed, guint, i),
                            g_array_index (r->changed, guint, i + 1));
  g_array_set_size (r->items_changed, 0);
  g_array_set_size (r->changed, 0);

  return g_string_free (s, FALSE);
}

#define assert_recorded(r, expected) G_STMT_START { \
  g_autofree char *recorded_ = recorded (r); \
  g_assert_cmpstr (recorded_, ==, expected); \
} G_STMT_END

static void
test_signals (void)
{
  g_autoptr(MgDocument) doc = make_document ();
  MgAnnotationStore *store = mg_document_get_store (doc);
  Recorder r = { g_array_new (FALSE, FALSE, sizeof (guint)),
                 g_array_new (FALSE, FALSE, sizeof (guint)), 0 };
  MgAnnotation *actor, *quote, *figure;
  g_autoptr(MgRelation) rel = NULL;

  g_signal_connect (store, "items-changed", G_CALLBACK (on_items_changed), &r);
  g_signal_connect (store, "changed", G_CALLBACK (on_changed), &r);
  g_signal_connect (store, "relations-changed", G_CALLBACK (on_relations_changed), &r);

  quote = add (store, NULL, "quote", 22, 49);
  assert_recorded (&r, "items(0,0,1) changed[22,49) ");
  actor = add (store, NULL, "actor", 9, 18);
  assert_recorded (&r, "items(0,0,1) changed[9,18) ");
  figure = add (store, NULL, "figure", 38, 40);
  assert_recorded (&r, "items(2,0,1) changed[38,40) ");

  /* Moving the figure before the actor: out at 2, in at 0. */
  g_assert_true (mg_annotation_store_set_range (store, figure, 0, 8, NULL));
  assert_recorded (&r, "items(2,1,0) items(0,0,1) changed[0,40) ");
  g_assert_cmpstr (mg_annotation_get_text (figure), ==, "Minister");
  /* Moving without changing place: one in-place change. */
  g_assert_true (mg_annotation_store_set_range (store, figure, 0, 5, NULL));
  assert_recorded (&r, "items(0,1,1) changed[0,8) ");
  /* No move at all: nothing. */
  g_assert_true (mg_annotation_store_set_range (store, figure, 0, 5, NULL));
  assert_recorded (&r, "");

  /* A label is a sort key too, after start and end: "actor" < "claim"
   * < "quote". */
  add (store, NULL, "claim", 9, 18);
  assert_recorded (&r, "items(2,0,1) changed[9,18) ");
  g_assert_true (mg_annotation_store_set_label (store, actor, "quote", NULL));
  assert_recorded (&r, "items(1,1,0) items(2,0,1) changed[9,18) ");
  g_assert_true (mg_annotation_store_set_label (store, actor, "actor", NULL));
  assert_recorded (&r, "items(2,1,0) items(1,0,1) changed[9,18) ");
  g_assert_true (mg_annotation_store_set_label (store, actor, "actor", NULL));
  assert_recorded (&r, "");
  g_assert_true (mg_annotation_store_set_label (store, figure, "claim", NULL));
  assert_recorded (&r, "items(0,1,1) changed[0,5) ");

  mg_annotation_store_set_note (store, quote, "reported speech");
  assert_recorded (&r, "items(3,1,1) changed[22,49) ");
  g_assert_cmpstr (mg_annotation_get_note (quote), ==, "reported speech");
  mg_annotation_store_set_note (store, quote, "reported speech");
  assert_recorded (&r, "");
  mg_annotation_store_set_note (store, quote, NULL);
  assert_recorded (&r, "items(3,1,1) changed[22,49) ");
  g_assert_cmpstr (mg_annotation_get_note (quote), ==, "");

  rel = mg_relation_new (NULL, MG_RELATION_ATTRIBUTED_TO,
                         mg_annotation_get_id (quote), mg_annotation_get_id (actor));
  g_assert_true (mg_annotation_store_add_relation (store, rel, NULL));
  g_assert_cmpuint (r.relations_changed, ==, 1);
  g_assert_cmpuint (r.items_changed->len + r.changed->len, ==, 0);

  /* Removing the actor takes its relation with it. */
  mg_annotation_store_remove (store, actor);
  g_assert_cmpuint (r.relations_changed, ==, 2);
  assert_recorded (&r, "items(1,1,0) changed[9,18) ");

  /* Held, ::changed comes once over the union, at the outermost release;
   * each position is still told. */
  mg_annotation_store_hold_changes (store);
  mg_annotation_store_hold_changes (store);
  add (store, NULL, "actor", 30, 35);
  add (store, NULL, "actor", 2, 4);
  mg_annotation_store_release_changes (store);
  assert_recorded (&r, "items(3,0,1) items(1,0,1) ");
  mg_annotation_store_release_changes (store);
  assert_recorded (&r, "changed[2,35) ");
  mg_annotation_store_hold_changes (store);
  mg_annotation_store_release_changes (store);
  assert_recorded (&r, "");

  g_signal_handlers_disconnect_by_data (store, &r);
  g_array_unref (r.items_changed);
  g_array_unref (r.changed);
}

static void
test_relations (void)
{
  g_autoptr(MgDocument) doc = make_document ();
  MgAnnotationStore *store = mg_document_get_store (doc);
  MgAnnotation *actor = add (store, "a1", "actor", 9, 18);
  MgAnnotation *quote = add (store, "a2", "quote", 22, 49);
  MgAnnotation *claim = add (store, "a3", "claim", 22, 49);
  g_autoptr(MgRelation) r1 = mg_relation_new (NULL, MG_RELATION_ATTRIBUTED_TO, "a2", "a1");
  g_autoptr(MgRelation) r5 = mg_relation_new ("r5", MG_RELATION_ATTRIBUTED_TO, "a3", "a1");
  g_autoptr(MgRelation) next = mg_relation_new (NULL, "supports", "a3", "a2");
  g_autoptr(MgRelation) dangling_from = mg_relation_new (NULL, MG_RELATION_ATTRIBUTED_TO, "a9", "a1");
  g_autoptr(MgRelation) dangling_to = mg_relation_new (NULL, MG_RELATION_ATTRIBUTED_TO, "a2", "a9");
  g_autoptr(MgRelation) reused = mg_relation_new ("r5", "supports", "a2", "a3");
  g_autoptr(MgRelation) first = mg_relation_new (NULL, "supports", "a1", "a1");
  g_autoptr(GPtrArray) of_actor = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (mg_annotation_store_add_relation (store, r1, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (mg_relation_get_id (r1), ==, "r1");
  g_assert_true (mg_annotation_store_add_relation (store, r5, NULL));
  g_assert_true (mg_annotation_store_add_relation (store, next, NULL));
  g_assert_cmpstr (mg_relation_get_id (next), ==, "r6");

  g_assert_false (mg_annotation_store_add_relation (store, dangling_from, &error));
  g_assert_error (error, MG_ERROR, MG_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (mg_annotation_store_add_relation (store, dangling_to, &error));
  g_assert_error (error, MG_ERROR, MG_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (mg_annotation_store_add_relation (store, reused, &error));
  g_assert_error (error, MG_ERROR, MG_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (mg_annotation_store_get_n_relations (store), ==, 3);

  g_assert_true (mg_annotation_store_lookup_relation (store, "r5") == r5);
  g_assert_null (mg_annotation_store_lookup_relation (store, "r2"));
  g_assert_true (mg_annotation_store_attributed_to (store, quote) == actor);
  g_assert_true (mg_annotation_store_attributed_to (store, claim) == actor);
  g_assert_null (mg_annotation_store_attributed_to (store, actor));

  of_actor = mg_annotation_store_relations_of (store, actor);
  g_assert_cmpuint (of_actor->len, ==, 2);
  g_assert_true (g_ptr_array_index (of_actor, 0) == r1);
  g_assert_true (g_ptr_array_index (of_actor, 1) == r5);

  /* Inserted at a place, as undo needs. */
  g_assert_true (mg_annotation_store_insert_relation (store, 0, first, NULL));
  g_assert_cmpstr (mg_relation_get_id (first), ==, "r7");
  g_assert_true (mg_annotation_store_get_relation (store, 0) == first);
  g_assert_true (mg_annotation_store_get_relation (store, 1) == r1);

  /* Removing a relation not in the store changes nothing. */
  mg_annotation_store_remove_relation (store, dangling_from);
  g_assert_cmpuint (mg_annotation_store_get_n_relations (store), ==, 4);

  /* Removing the claim takes r5 and r6 (from it), leaves r7 and r1. */
  mg_annotation_store_remove (store, claim);
  g_assert_cmpuint (mg_annotation_store_get_n_relations (store), ==, 2);
  g_assert_true (mg_annotation_store_get_relation (store, 0) == first);
  g_assert_true (mg_annotation_store_get_relation (store, 1) == r1);
  g_assert_null (mg_annotation_store_lookup_relation (store, "r5"));

  mg_annotation_store_remove_relation (store, r1);
  g_assert_null (mg_annotation_store_attributed_to (store, quote));
  g_assert_cmpuint (mg_annotation_store_get_n_relations (store), ==, 1);
}

/* --- Interval queries against a naive scan ------------------------------- */

static const char *labels[] = { "quote", "actor", "claim", "figure" };

/* Every annotation sharing a code point with [start, end), in store order. */
static GPtrArray *
naive_overlapping (MgAnnotationStore *store,
                   guint              start,
                   guint              end)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < mg_annotation_store_get_n_annotations (store); i++)
    {
      MgAnnotation *a = mg_annotation_store_get_annotation (store, i);

      for (guint p = MAX (start, mg_annotation_get_start (a));
           p < MIN (end, mg_annotation_get_end (a)); p++)
        {
          g_ptr_array_add (out, a);
          break;
        }
    }
  return out;
}

static void
assert_same (GPtrArray *got,
             GPtrArray *expected)
{
  g_assert_cmpuint (got->len, ==, expected->len);
  for (guint i = 0; i < got->len; i++)
    g_assert_true (g_ptr_array_index (got, i) == g_ptr_array_index (expected, i));
}

static void
check_sorted (MgAnnotationStore *store)
{
  for (guint i = 1; i < mg_annotation_store_get_n_annotations (store); i++)
    g_assert_cmpint (mg_annotation_compare (mg_annotation_store_get_annotation (store, i - 1),
                                            mg_annotation_store_get_annotation (store, i)), <, 0);
}

static MgAnnotation *
random_span (GRand             *rand,
             MgAnnotationStore *store,
             guint              length)
{
  const char *label = labels[g_rand_int_range (rand, 0, G_N_ELEMENTS (labels))];
  guint n = mg_annotation_store_get_n_annotations (store);
  guint start, end;

  switch (g_rand_int_range (rand, 0, 5))
    {
    case 0:
      /* Nested in an existing span, or the very same range. */
      if (n > 0)
        {
          MgAnnotation *outer = mg_annotation_store_get_annotation (store, g_rand_int_range (rand, 0, n));

          start = g_rand_int_range (rand, mg_annotation_get_start (outer), mg_annotation_get_end (outer));
          end = g_rand_int_range (rand, start + 1, mg_annotation_get_end (outer) + 1);
          if (g_rand_boolean (rand))
            {
              start = mg_annotation_get_start (outer);
              end = mg_annotation_get_end (outer);
            }
          break;
        }
      G_GNUC_FALLTHROUGH;
    case 1:
      /* Long, up to the whole text. */
      start = g_rand_int_range (rand, 0, length);
      end = g_rand_int_range (rand, start + 1, length + 1);
      break;
    default:
      /* Short, as most annotations are. */
      start = g_rand_int_range (rand, 0, length - 1);
      end = start + g_rand_int_range (rand, 1, 30);
      end = MIN (length, end);
      break;
    }

  return mg_annotation_new (NULL, label, start, end);
}

static MgAnnotation *
naive_find (MgAnnotationStore *store,
            const char        *label,
            guint              start,
            guint              end)
{
  for (guint i = 0; i < mg_annotation_store_get_n_annotations (store); i++)
    {
      MgAnnotation *a = mg_annotation_store_get_annotation (store, i);

      if (mg_annotation_get_start (a) == start && mg_annotation_get_end (a) == end &&
          g_str_equal (mg_annotation_get_label (a), label))
        return a;
    }
  return NULL;
}

static void
check_queries (GRand             *rand,
               MgAnnotationStore *store,
               guint              length,
               gboolean           every_offset)
{
  guint n = mg_annotation_store_get_n_annotations (store);

  /* find(): every annotation finds itself; random keys agree with a scan. */
  for (guint k = 0; k < 100 && n > 0; k++)
    {
      MgAnnotation *a = mg_annotation_store_get_annotation (store, g_rand_int_range (rand, 0, n));
      guint start = g_rand_int_range (rand, 0, length);
      guint end = start + g_rand_int_range (rand, 1, 4);
      const char *label = labels[k % G_N_ELEMENTS (labels)];

      g_assert_true (mg_annotation_store_find (store, mg_annotation_get_label (a),
                                               mg_annotation_get_start (a),
                                               mg_annotation_get_end (a)) == a);
      g_assert_true (mg_annotation_store_find (store, label, start, end) ==
                     naive_find (store, label, start, end));
    }

  /* with_range(): every label on an annotation's exact range, and only those. */
  for (guint k = 0; k < 100 && n > 0; k++)
    {
      MgAnnotation *a = mg_annotation_store_get_annotation (store, g_rand_int_range (rand, 0, n));
      guint start = mg_annotation_get_start (a), end = mg_annotation_get_end (a);
      g_autoptr(GPtrArray) got = g_ptr_array_new ();
      g_autoptr(GPtrArray) expected = g_ptr_array_new ();
      guint found, first = mg_annotation_store_with_range (store, start, end, &found);

      for (guint i = first; i < first + found; i++)
        g_ptr_array_add (got, mg_annotation_store_get_annotation (store, i));

      for (guint i = 0; i < n; i++)
        {
          MgAnnotation *b = mg_annotation_store_get_annotation (store, i);

          if (mg_annotation_get_start (b) == start && mg_annotation_get_end (b) == end)
            g_ptr_array_add (expected, b);
        }
      g_assert_cmpuint (got->len, >, 0);
      assert_same (got, expected);
    }

  for (guint k = 0; k < (every_offset ? length + 1 : 150); k++)
    {
      guint offset = every_offset ? k : (guint)g_rand_int_range (rand, 0, length + 2);
      g_autoptr(GPtrArray) got = mg_annotation_store_at (store, offset);
      g_autoptr(GPtrArray) expected = naive_overlapping (store, offset, offset + 1);

      assert_same (got, expected);
    }

  for (guint k = 0; k < 150; k++)
    {
      guint start = g_rand_int_range (rand, 0, length + 1);
      guint end = g_rand_int_range (rand, start, MIN (length + 2, start + (k % 2 ? 20 : length)));
      g_autoptr(GPtrArray) got = mg_annotation_store_overlapping (store, start, end);
      g_autoptr(GPtrArray) expected = naive_overlapping (store, start, end);

      assert_same (got, expected);
    }
}

static void
test_interval_queries (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1126);
  GString *text = g_string_new (NULL);
  g_autoptr(MgDocument) doc = NULL;
  g_autoptr(GPtrArray) bulk = g_ptr_array_new_with_free_func (g_object_unref);
  MgAnnotationStore *store;
  guint length = 3000;
  guint n_nested = 0, n_twins = 0;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < length; i++)
    g_string_append (text, i % 11 == 10 ? "é" : i % 13 == 12 ? "👍" : "w");
  doc = mg_document_new ("long", text->str, text->len);
  g_string_free (text, TRUE);
  store = mg_document_get_store (doc);
  g_assert_cmpuint (mg_document_get_length (doc), ==, length);

  /* Empty store. */
  check_queries (rand, store, length, FALSE);

  /* Thousands of spans added one by one and in bulk. */
  for (guint i = 0; i < 1500; i++)
    {
      g_autoptr(MgAnnotation) a = random_span (rand, store, length);

      mg_annotation_store_add (store, a, NULL);
    }
  for (guint i = 0; i < 3000; i++)
    {
      MgAnnotation *a = random_span (rand, store, length);
      gboolean clash = mg_annotation_store_find (store, mg_annotation_get_label (a),
                                                 mg_annotation_get_start (a),
                                                 mg_annotation_get_end (a)) != NULL;

      for (guint j = 0; !clash && j < bulk->len; j++)
        clash = (mg_annotation_get_start (g_ptr_array_index (bulk, j)) == mg_annotation_get_start (a) &&
                 mg_annotation_get_end (g_ptr_array_index (bulk, j)) == mg_annotation_get_end (a) &&
                 g_str_equal (mg_annotation_get_label (g_ptr_array_index (bulk, j)),
                              mg_annotation_get_label (a)));
      if (clash)
        g_object_unref (a);
      else
        g_ptr_array_add (bulk, a);
    }
  g_assert_true (mg_annotation_store_add_all (store, bulk, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mg_annotation_store_get_n_annotations (store), >, 3500);
  check_sorted (store);

  /* The mix the test is for: nested spans and same-range spans. */
  for (guint i = 1; i < mg_annotation_store_get_n_annotations (store); i++)
    {
      MgAnnotation *a = mg_annotation_store_get_annotation (store, i - 1);
      MgAnnotation *b = mg_annotation_store_get_annotation (store, i);

      if (mg_annotation_get_start (a) == mg_annotation_get_start (b) &&
          mg_annotation_get_end (a) == mg_annotation_get_end (b))
        n_twins++;
      else if (mg_annotation_get_end (b) <= mg_annotation_get_end (a))
        n_nested++;
    }
  g_test_message ("%u annotations, %u same-range pairs, %u nested pairs",
                  mg_annotation_store_get_n_annotations (store), n_twins, n_nested);
  g_assert_cmpuint (n_twins, >, 100);
  g_assert_cmpuint (n_nested, >, 100);

  check_queries (rand, store, length, TRUE);

  /* Edits between queries: each one leaves the index stale. Every third
   * round holds ::changed over a hundred edits, past which the index is
   * dropped, with queries in the middle that build it again. */
  for (guint round = 0; round < 40; round++)
    {
      gboolean held = round % 3 == 1;

      if (held)
        mg_annotation_store_hold_changes (store);
      for (guint e = 0; e < (held ? 100u : 10u); e++)
        {
          if (held && e == 70)
            check_queries (rand, store, length, FALSE);

          guint n = mg_annotation_store_get_n_annotations (store);
          MgAnnotation *some = mg_annotation_store_get_annotation (store, g_rand_int_range (rand, 0, n));
          g_autoptr(MgAnnotation) fresh = random_span (rand, store, length);

          switch (g_rand_int_range (rand, 0, 4))
            {
            case 0:
              mg_annotation_store_add (store, fresh, NULL);
              break;
            case 1:
              mg_annotation_store_remove (store, some);
              break;
            case 2:
              mg_annotation_store_set_range (store, some, mg_annotation_get_start (fresh),
                                             mg_annotation_get_end (fresh), NULL);
              break;
            default:
              mg_annotation_store_set_label (store, some, mg_annotation_get_label (fresh), NULL);
              break;
            }
        }
      if (held)
        mg_annotation_store_release_changes (store);
      check_sorted (store);
      check_queries (rand, store, length, round == 39);
    }
}

/* Run with -m perf: figures for the report, not pass or fail. */
static void
test_perf (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree char *text = g_strnfill (200040, 'w');
  g_autoptr(MgDocument) doc = mg_document_new ("big", text, -1);
  MgAnnotationStore *store = mg_document_get_store (doc);
  g_autoptr(GPtrArray) bulk = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GTimer) timer = g_timer_new ();
  guint found = 0;

  for (guint i = 0; i < 100000; i++)
    {
      guint start = i * 2;
      guint end = start + g_rand_int_range (rand, 1, 40);

      g_ptr_array_add (bulk, mg_annotation_new (NULL, labels[i % 4], start, end));
    }
  g_timer_start (timer);
  g_assert_true (mg_annotation_store_add_all (store, bulk, NULL));
  g_test_minimized_result (g_timer_elapsed (timer, NULL), "add_all of 100000: %.3f s",
                           g_timer_elapsed (timer, NULL));

  g_timer_start (timer);
  g_ptr_array_unref (mg_annotation_store_at (store, 100));
  g_test_minimized_result (g_timer_elapsed (timer, NULL), "index build + first query: %.4f s",
                           g_timer_elapsed (timer, NULL));

  g_timer_start (timer);
  for (guint i = 0; i < 100000; i++)
    {
      g_autoptr(GPtrArray) hits = mg_annotation_store_at (store, g_rand_int_range (rand, 0, 200000));
      found += hits->len;
    }
  g_test_minimized_result (g_timer_elapsed (timer, NULL) / 100000 * 1e6,
                           "stabbing query: %.2f us each (%u hits in all)",
                           g_timer_elapsed (timer, NULL) / 100000 * 1e6, found);

  g_timer_start (timer);
  for (guint i = 0; i < 100; i++)
    {
      MgAnnotation *a = mg_annotation_store_get_annotation (store, i * 7);
      g_autoptr(GPtrArray) hits = NULL;

      /* A label is a sort key: the interval index goes stale. */
      mg_annotation_store_set_label (store, a,
                                     g_str_equal (mg_annotation_get_label (a), "claim") ? "quote" : "claim",
                                     NULL);
      hits = mg_annotation_store_at (store, 5000);
    }
  g_test_minimized_result (g_timer_elapsed (timer, NULL) / 100 * 1e3,
                           "edit + query (index rebuilt): %.2f ms each",
                           g_timer_elapsed (timer, NULL) / 100 * 1e3);
}

/* Counts by label add up to the annotations there are: one whose label
 * the set lacks is counted as other, never dropped. */
static void
test_count_labels (void)
{
  g_autoptr(MgDocument) doc = mg_document_new ("d", "Ana said the council met.", -1);
  MgAnnotationStore *store = mg_document_get_store (doc);
  g_autoptr(MgLabelSet) set = mg_label_set_new ();
  g_autoptr(MgLabel) quote = mg_label_new ("quote", "Quote", "#ff0000", "q");
  const char *spans[][3] = { { "quote", "0", "3" }, { "quote", "4", "8" }, { "gone", "9", "20" } };
  guint counts[1] = { 0 };
  guint other = 0;

  mg_label_set_add (set, quote);
  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    {
      g_autoptr(MgAnnotation) a = mg_annotation_new (NULL, spans[i][0], atoi (spans[i][1]),
                                                     atoi (spans[i][2]));

      g_assert_true (mg_annotation_store_add (store, a, NULL));
    }

  g_assert_cmpuint (mg_document_count_labels (doc, set, counts, &other), ==, 3);
  g_assert_cmpuint (counts[0], ==, 2);
  g_assert_cmpuint (other, ==, 1);
  /* Counts add up document by document. */
  g_assert_cmpuint (mg_document_count_labels (doc, set, counts, NULL), ==, 3);
  g_assert_cmpuint (counts[0], ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/add-lookup-order", test_add_lookup_order);
  g_test_add_func ("/store/overlaps", test_overlaps);
  g_test_add_func ("/store/not-in-store", test_not_in_store);
  g_test_add_func ("/store/duplicates", test_duplicates);
  g_test_add_func ("/store/ids", test_ids);
  g_test_add_func ("/store/add-all-atomic", test_add_all_atomic);
  g_test_add_func ("/store/signals", test_signals);
  g_test_add_func ("/store/relations", test_relations);
  g_test_add_func ("/store/interval-queries", test_interval_queries);
  g_test_add_func ("/store/count-labels", test_count_labels);
  if (g_test_perf ())
    g_test_add_func ("/store/perf", test_perf);

  return g_test_run ();
}
