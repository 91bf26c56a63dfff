/* mg-interval-index.c
 *
 * A centred interval tree. Every node holds the intervals that contain its
 * centre, once sorted by start and once by end; what lies wholly before the
 * centre goes left, what lies wholly after goes right. A stabbing query
 * walks one path of O(log n) nodes and, at each, reads a sorted list only as
 * far as it keeps yielding matches, so it costs O(log n + k).
 *
 * The tree is static: the store rebuilds it, in O(n log n), on the first
 * query after a change, which keeps editing simple and is far below a frame
 * at the sizes people annotate.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-interval-index"

#include "config.h"

#include <stdlib.h>

#include "mg-interval-index.h"

typedef struct
{
  guint center;
  guint first;   /* into by_start and by_end */
  guint count;
  int   left;    /* node index or -1 */
  int   right;
} Node;

struct _MgIntervalIndex
{
  GArray     *nodes;     /* of Node */
  MgInterval *by_start;  /* each node's slice sorted by start ascending */
  MgInterval *by_end;    /* the same slice sorted by end descending */
  guint       n_used;
  int         root;
};

static int
compare_end_desc (gconstpointer a,
                  gconstpointer b)
{
  const MgInterval *ia = a, *ib = b;

  if (ia->end != ib->end)
    return ia->end > ib->end ? -1 : 1;
  return 0;
}

/* @items is sorted by start; scratch has room for n items. */
static int
build (MgIntervalIndex  *self,
       const MgInterval *items,
       guint             n,
       MgInterval       *scratch)
{
  g_autofree MgInterval *left = NULL;
  g_autofree MgInterval *right = NULL;
  guint n_left = 0, n_right = 0, n_mid = 0;
  Node node;
  int index;

  if (n == 0)
    return -1;

  node.center = items[n / 2].start;
  left = g_new (MgInterval, n);
  right = g_new (MgInterval, n);

  /* The median itself contains the centre, so each side gets at most half. */
  for (guint i = 0; i < n; i++)
    {
      if (items[i].end <= node.center)
        left[n_left++] = items[i];
      else if (items[i].start > node.center)
        right[n_right++] = items[i];
      else
        scratch[n_mid++] = items[i];
    }

  node.first = self->n_used;
  node.count = n_mid;
  for (guint i = 0; i < n_mid; i++)
    {
      self->by_start[node.first + i] = scratch[i];
      self->by_end[node.first + i] = scratch[i];
    }
  qsort (self->by_end + node.first, n_mid, sizeof (MgInterval), compare_end_desc);
  self->n_used += n_mid;

  index = self->nodes->len;
  g_array_append_val (self->nodes, node);

  node.left = build (self, left, n_left, scratch);
  node.right = build (self, right, n_right, scratch);
  g_array_index (self->nodes, Node, index).left = node.left;
  g_array_index (self->nodes, Node, index).right = node.right;

  return index;
}

/**
 * mg_interval_index_new:
 * @by_start: intervals sorted by start, each with start < end
 *
 * Returns: (transfer full): a new index
 */
MgIntervalIndex *
mg_interval_index_new (const MgInterval *by_start,
                       guint             n)
{
  MgIntervalIndex *self = g_new0 (MgIntervalIndex, 1);
  g_autofree MgInterval *scratch = g_new (MgInterval, MAX (n, 1));

  self->nodes = g_array_new (FALSE, FALSE, sizeof (Node));
  self->by_start = g_new (MgInterval, MAX (n, 1));
  self->by_end = g_new (MgInterval, MAX (n, 1));
  self->root = build (self, by_start, n, scratch);

  return self;
}

void
mg_interval_index_free (MgIntervalIndex *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->nodes);
  g_free (self->by_start);
  g_free (self->by_end);
  g_free (self);
}

/**
 * mg_interval_index_stab:
 * @out: receives the data of every interval with start <= @point < end
 */
void
mg_interval_index_stab (MgIntervalIndex *self,
                        guint            point,
                        GPtrArray       *out)
{
  int index = self->root;

  while (index >= 0)
    {
      const Node *node = &g_array_index (self->nodes, Node, index);

      if (point < node->center)
        {
          /* All of these end after the centre, so after the point. */
          for (guint i = 0; i < node->count; i++)
            {
              const MgInterval *iv = &self->by_start[node->first + i];

              if (iv->start > point)
                break;
              g_ptr_array_add (out, iv->data);
            }
          index = node->left;
        }
      else
        {
          /* All of these start at or before the centre, so at or before
           * the point. */
          for (guint i = 0; i < node->count; i++)
            {
              const MgInterval *iv = &self->by_end[node->first + i];

              if (iv->end <= point)
                break;
              g_ptr_array_add (out, iv->data);
            }
          index = node->right;
        }
    }
}
