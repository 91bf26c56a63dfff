/* test-interval-index.c: the interval index kept up to date edit by edit
 *
 * Random insertions and removals, in the index alone and through the
 * store's add, remove and set_range, checked at every step against a
 * plain scan of the same intervals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "mg-core.h"
#include "mg-interval-index.h"

#define SPACE 2000

static int
compare_pointers (gconstpointer a,
                  gconstpointer b)
{
  gconstpointer pa = *(gconstpointer *) a, pb = *(gconstpointer *) b;

  return (pa > pb) - (pa < pb);
}

/* What the index answers at @point, and what a scan of @live answers,
 * both sorted by address. */
static void
assert_stab (MgIntervalIndex *index,
             GArray          *live,
             guint            point)
{
  g_autoptr(GPtrArray) got = g_ptr_array_new ();
  g_autoptr(GPtrArray) want = g_ptr_array_new ();

  mg_interval_index_stab (index, point, got);
  for (guint i = 0; i < live->len; i++)
    {
      MgInterval *iv = &g_array_index (live, MgInterval, i);

      if (iv->start <= point && point < iv->end)
        g_ptr_array_add (want, iv->data);
    }

  g_ptr_array_sort (got, compare_pointers);
  g_ptr_array_sort (want, compare_pointers);
  g_assert_cmpuint (got->len, ==, want->len);
  for (guint i = 0; i < got->len; i++)
    g_assert_true (g_ptr_array_index (got, i) == g_ptr_array_index (want, i));
}

static MgInterval
random_interval (GRand *rand,
                 guint  serial)
{
  guint start = g_rand_int_range (rand, 0, SPACE - 1);
  /* Mostly short, some long, as real spans are. */
  guint length = g_rand_int_range (rand, 0, 10) == 0
                   ? g_rand_int_range (rand, 1, 400)
                   : g_rand_int_range (rand, 1, 30);
  MgInterval iv = { start, MIN (start + length, SPACE), GUINT_TO_POINTER (serial) };

  return iv;
}

static int
compare_starts (gconstpointer a,
                gconstpointer b)
{
  const MgInterval *ia = a, *ib = b;

  return (ia->start > ib->start) - (ia->start < ib->start);
}

static void
test_index_edits (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GArray) live = g_array_new (FALSE, FALSE, sizeof (MgInterval));
  MgIntervalIndex *index;
  guint serial = 1, refused = 0;

  for (guint i = 0; i < 300; i++)
    {
      MgInterval iv = random_interval (rand, serial++);

      g_array_append_val (live, iv);
    }
  g_array_sort (live, compare_starts);
  index = mg_interval_index_new ((MgInterval *) live->data, live->len);

  for (guint step = 0; step < 3000; step++)
    {
      if (live->len > 0 && g_rand_boolean (rand))
        {
          guint victim = g_rand_int_range (rand, 0, live->len);
          MgInterval iv = g_array_index (live, MgInterval, victim);

          g_assert_true (mg_interval_index_remove (index, &iv));
          g_array_remove_index_fast (live, victim);
          /* Gone means gone: a second removal finds nothing. */
          g_assert_false (mg_interval_index_remove (index, &iv));
        }
      else
        {
          MgInterval iv = random_interval (rand, serial++);

          if (mg_interval_index_insert (index, &iv))
            g_array_append_val (live, iv);
          else
            {
              /* Too deep: the caller builds a new index, as the store does. */
              g_array_append_val (live, iv);
              g_array_sort (live, compare_starts);
              mg_interval_index_free (index);
              index = mg_interval_index_new ((MgInterval *) live->data, live->len);
              refused++;
            }
        }

      for (guint k = 0; k < 5; k++)
        assert_stab (index, live, g_rand_int_range (rand, 0, SPACE + 5));
    }

  /* Every point, at the end. */
  for (guint point = 0; point <= SPACE; point++)
    assert_stab (index, live, point);

  g_test_message ("%u insertions refused for depth", refused);
  mg_interval_index_free (index);
}

/* Intervals always inserted at the right of all others make a chain; the
 * index must refuse before queries slow down. */
static void
test_index_depth_bound (void)
{
  g_autoptr(GArray) live = g_array_new (FALSE, FALSE, sizeof (MgInterval));
  MgIntervalIndex *index = mg_interval_index_new (NULL, 0);
  guint refused_at = 0;

  for (guint i = 0; i < 200 && refused_at == 0; i++)
    {
      MgInterval iv = { i * 10, i * 10 + 5, GUINT_TO_POINTER (i + 1) };

      if (mg_interval_index_insert (index, &iv))
        g_array_append_val (live, iv);
      else
        refused_at = i;
    }
  g_assert_cmpuint (refused_at, >, 0);
  g_assert_cmpuint (refused_at, <, 20);
  for (guint point = 0; point < 200; point++)
    assert_stab (index, live, point);

  mg_interval_index_free (index);
}

/* The store's answers after random edits equal a scan of its list. */
static void
test_store_edits (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(MgDocument) document = NULL;
  static const char *labels[] = { "quote", "actor", "claim", "figure" };
  MgAnnotationStore *store;

  for (guint i = 0; i < SPACE; i++)
    g_string_append_c (text, 'a' + i % 26);
  document = mg_document_new ("d", text->str, -1);
  store = mg_document_get_store (document);

  for (guint step = 0; step < 1500; step++)
    {
      guint n = mg_annotation_store_get_n_annotations (store);
      guint action = g_rand_int_range (rand, 0, 4);

      if (n > 0 && action == 0)
        mg_annotation_store_remove (store, mg_annotation_store_get_annotation (store, g_rand_int_range (rand, 0, n)));
      else if (n > 0 && action == 1)
        {
          MgInterval iv = random_interval (rand, 0);

          mg_annotation_store_set_range (store, mg_annotation_store_get_annotation (store, g_rand_int_range (rand, 0, n)),
                                         iv.start, iv.end, NULL);
        }
      else if (n > 0 && action == 2)
        mg_annotation_store_set_label (store, mg_annotation_store_get_annotation (store, g_rand_int_range (rand, 0, n)),
                                       labels[g_rand_int_range (rand, 0, 4)], NULL);
      else
        {
          MgInterval iv = random_interval (rand, 0);
          g_autoptr(MgAnnotation) a = mg_annotation_new (NULL, labels[g_rand_int_range (rand, 0, 4)], iv.start, iv.end);

          mg_annotation_store_add (store, a, NULL);
        }

      for (guint k = 0; k < 3; k++)
        {
          guint point = g_rand_int_range (rand, 0, SPACE);
          guint to = MIN (point + g_rand_int_range (rand, 1, 60), SPACE);
          g_autoptr(GPtrArray) at = mg_annotation_store_at (store, point);
          g_autoptr(GPtrArray) over = mg_annotation_store_overlapping (store, point, to);
          guint want_at = 0, want_over = 0;

          n = mg_annotation_store_get_n_annotations (store);
          for (guint i = 0; i < n; i++)
            {
              MgAnnotation *a = mg_annotation_store_get_annotation (store, i);
              guint s = mg_annotation_get_start (a), e = mg_annotation_get_end (a);

              if (s <= point && point < e)
                {
                  g_assert_true (g_ptr_array_find (at, a, NULL));
                  want_at++;
                }
              if (s < to && point < e)
                {
                  g_assert_true (g_ptr_array_find (over, a, NULL));
                  want_over++;
                }
            }
          g_assert_cmpuint (at->len, ==, want_at);
          g_assert_cmpuint (over->len, ==, want_over);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/interval-index/edits", test_index_edits);
  g_test_add_func ("/interval-index/depth-bound", test_index_depth_bound);
  g_test_add_func ("/interval-index/store-edits", test_store_edits);

  return g_test_run ();
}
