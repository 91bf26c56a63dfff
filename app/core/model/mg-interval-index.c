/* mg-interval-index.c
 *
 * A centred interval tree. Every node holds the intervals that contain its
 * centre, once sorted by start and once by end; what lies wholly before the
 * centre goes left, what lies wholly after goes right. A stabbing query
 * walks one path of O(log n) nodes and, at each, reads a sorted list only as
 * far as it keeps yielding matches, so it costs O(log n + k).
 *
 * The store builds it in O(n log n) on the first query, then keeps it up to
 * date one interval at a time: an edit walks the same O(log n) path as a
 * query and shifts the flat arrays by one place, tens of microseconds at
 * 20,000 spans where a rebuild takes milliseconds, which a frame cannot
 * spare. An insertion that would hang a new node too deep refuses, and the
 * store then drops the tree and builds it again, so queries stay
 * O(log n + k) whatever the order of the edits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-interval-index"

#include "config.h"

#include <stdlib.h>
#include <string.h>

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
  guint       capacity;  /* of by_start and by_end */
  guint       max_depth; /* of a node added by an insertion */
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
  self->capacity = MAX (n, 1);
  self->by_start = g_new (MgInterval, self->capacity);
  self->by_end = g_new (MgInterval, self->capacity);
  self->root = build (self, by_start, n, scratch);
  self->max_depth = 2 * g_bit_storage (n) + 8;

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

/* Where @iv belongs: the node whose centre it contains, or, when there is
 * none, the link where a new node would hang; *@depth counts the nodes
 * passed. */
static int *
find_link (MgIntervalIndex  *self,
           const MgInterval *iv,
           guint            *depth)
{
  int *link = &self->root;

  *depth = 0;
  while (*link >= 0)
    {
      Node *node = &g_array_index (self->nodes, Node, *link);

      if (iv->end <= node->center)
        link = &node->left;
      else if (iv->start > node->center)
        link = &node->right;
      else
        break;
      (*depth)++;
    }

  return link;
}

/* Moves the first place of every node but @except at or past @from by
 * @delta, after a slice grew or shrank by one. */
static void
shift_slices (MgIntervalIndex *self,
              int              except,
              guint            from,
              int              delta)
{
  for (guint i = 0; i < self->nodes->len; i++)
    {
      Node *node = &g_array_index (self->nodes, Node, i);

      if ((int) i != except && node->first >= from)
        node->first += delta;
    }
}

static void
insert_into_node (MgIntervalIndex  *self,
                  int               index,
                  const MgInterval *iv)
{
  Node *node = &g_array_index (self->nodes, Node, index);
  guint first = node->first, end = node->first + node->count;
  guint at_start = first, at_end = first;

  /* By an eighth, not double: the arrays hold every span twice, and a
   * first insertion after a build would otherwise add room for all of them
   * again (13 MB at 200,000 spans) that a session of edits never fills.
   * Still amortised O(1) per insertion. */
  if (self->n_used == self->capacity)
    {
      self->capacity += MAX (self->capacity / 8, 64);
      self->by_start = g_renew (MgInterval, self->by_start, self->capacity);
      self->by_end = g_renew (MgInterval, self->by_end, self->capacity);
    }

  /* After the equal ones, as a build leaves them. */
  while (at_start < end && self->by_start[at_start].start <= iv->start)
    at_start++;
  while (at_end < end && self->by_end[at_end].end >= iv->end)
    at_end++;

  memmove (self->by_start + at_start + 1, self->by_start + at_start,
           (self->n_used - at_start) * sizeof (MgInterval));
  memmove (self->by_end + at_end + 1, self->by_end + at_end,
           (self->n_used - at_end) * sizeof (MgInterval));
  self->by_start[at_start] = *iv;
  self->by_end[at_end] = *iv;
  self->n_used++;
  node->count++;

  /* Empty nodes sit on a boundary: those at the end of this slice move
   * past the new interval with the nodes after it. */
  shift_slices (self, index, end, 1);
}

/**
 * mg_interval_index_insert:
 * @iv: an interval with start < end
 *
 * Adds @iv in O(log n + n) with a small constant: the path of a query, then
 * a shift of the flat arrays.
 *
 * Returns: %FALSE, leaving the index as it was, when @iv would need a new
 *   node so deep that queries would slow down; build a new index then
 */
gboolean
mg_interval_index_insert (MgIntervalIndex  *self,
                          const MgInterval *iv)
{
  guint depth;
  int *link;
  int index;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (iv->start < iv->end, FALSE);

  link = find_link (self, iv, &depth);
  if (*link < 0)
    {
      Node node = { iv->start, self->n_used, 0, -1, -1 };
      gssize offset = -1;

      if (depth > self->max_depth)
        return FALSE;

      /* The link points into the node array, which may move as it grows. */
      if (link != &self->root)
        offset = (char *) link - (char *) self->nodes->data;
      index = self->nodes->len;
      g_array_append_val (self->nodes, node);
      if (offset < 0)
        self->root = index;
      else
        *(int *) ((char *) self->nodes->data + offset) = index;
    }
  else
    index = *link;

  insert_into_node (self, index, iv);

  return TRUE;
}

/**
 * mg_interval_index_remove:
 * @iv: an interval added before, with the same start, end and data
 *
 * Returns: %FALSE when @iv is not in the index
 */
gboolean
mg_interval_index_remove (MgIntervalIndex  *self,
                          const MgInterval *iv)
{
  guint depth, first, end, at_start, at_end;
  Node *node;
  int *link;

  g_return_val_if_fail (self != NULL, FALSE);

  link = find_link (self, iv, &depth);
  if (*link < 0)
    return FALSE;

  node = &g_array_index (self->nodes, Node, *link);
  first = node->first;
  end = node->first + node->count;
  for (at_start = first; at_start < end; at_start++)
    if (self->by_start[at_start].data == iv->data &&
        self->by_start[at_start].start == iv->start &&
        self->by_start[at_start].end == iv->end)
      break;
  for (at_end = first; at_end < end; at_end++)
    if (self->by_end[at_end].data == iv->data &&
        self->by_end[at_end].start == iv->start &&
        self->by_end[at_end].end == iv->end)
      break;
  if (at_start == end || at_end == end)
    return FALSE;

  memmove (self->by_start + at_start, self->by_start + at_start + 1,
           (self->n_used - at_start - 1) * sizeof (MgInterval));
  memmove (self->by_end + at_end, self->by_end + at_end + 1,
           (self->n_used - at_end - 1) * sizeof (MgInterval));
  self->n_used--;
  node->count--;

  /* An empty node stays, on the boundary where its slice was. */
  shift_slices (self, *link, first + 1, -1);

  return TRUE;
}
