/* mg-text-index.c
 *
 * Offsets in the format count code points, while the text lives in memory
 * as UTF-8. Walking from the start for each of 100,000 spans would be
 * quadratic, so the index keeps the byte offset of every 64th code point
 * and walks at most 63 characters from there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-text-index"

#include "config.h"

#include <string.h>

#include "mg-text-index.h"

#define STRIDE_SHIFT 6
#define STRIDE       (1u << STRIDE_SHIFT)

struct _MgTextIndex
{
  const char *text;      /* borrowed: the owner keeps it alive */
  gsize       n_bytes;
  guint       length;    /* in code points */
  gsize      *bytes;     /* byte offset of code point i * STRIDE */
  guint      *astral;    /* code points above U+FFFF before i * STRIDE */
  guint       n_marks;
};

/**
 * mg_text_index_new:
 * @text: valid UTF-8, alive as long as the index
 *
 * Returns: (transfer full): an index over @text
 */
MgTextIndex *
mg_text_index_new (const char *text,
                   gsize       n_bytes)
{
  MgTextIndex *self = g_new0 (MgTextIndex, 1);
  gsize cap = n_bytes / STRIDE + 2;
  guint n_astral = 0;
  guint cp = 0;
  gsize i = 0;

  self->text = text;
  self->n_bytes = n_bytes;
  self->bytes = g_new (gsize, cap);
  self->astral = g_new (guint, cap);

  while (i < n_bytes)
    {
      guchar c = (guchar)text[i];

      if ((cp & (STRIDE - 1)) == 0)
        {
          self->bytes[self->n_marks] = i;
          self->astral[self->n_marks] = n_astral;
          self->n_marks++;
        }

      if (c < 0x80)
        i += 1;
      else if (c < 0xE0)
        i += 2;
      else if (c < 0xF0)
        i += 3;
      else
        {
          i += 4;
          n_astral++;
        }
      cp++;
    }

  if ((cp & (STRIDE - 1)) == 0)
    {
      self->bytes[self->n_marks] = n_bytes;
      self->astral[self->n_marks] = n_astral;
      self->n_marks++;
    }

  self->length = cp;

  return self;
}

void
mg_text_index_free (MgTextIndex *self)
{
  if (self == NULL)
    return;
  g_free (self->bytes);
  g_free (self->astral);
  g_free (self);
}

guint
mg_text_index_get_length (MgTextIndex *self)
{
  return self->length;
}

static inline gsize
utf8_skip (const char *text,
           gsize       i)
{
  guchar c = (guchar)text[i];

  if (c < 0x80)
    return 1;
  if (c < 0xE0)
    return 2;
  if (c < 0xF0)
    return 3;
  return 4;
}

/**
 * mg_text_index_get_text:
 *
 * Returns: (transfer none): the text the index was built over, owned by
 *   whoever built it
 */
const char *
mg_text_index_get_text (MgTextIndex *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->text;
}

/**
 * mg_text_index_byte_offset:
 * @offset: a code-point offset, at most the length
 *
 * Returns: the byte offset in the UTF-8 text
 */
gsize
mg_text_index_byte_offset (MgTextIndex *self,
                           guint        offset)
{
  guint mark;
  gsize i;

  g_return_val_if_fail (offset <= self->length, self->n_bytes);

  mark = offset >> STRIDE_SHIFT;
  i = self->bytes[mark];
  for (guint cp = mark << STRIDE_SHIFT; cp < offset; cp++)
    i += utf8_skip (self->text, i);

  return i;
}

/**
 * mg_text_index_char_offset:
 * @byte_offset: a byte offset on a character boundary
 *
 * Returns: the code-point offset of that byte
 */
guint
mg_text_index_char_offset (MgTextIndex *self,
                           gsize        byte_offset)
{
  guint lo = 0, hi = self->n_marks;
  guint cp;
  gsize i;

  g_return_val_if_fail (byte_offset <= self->n_bytes, self->length);

  /* Last mark at or before the byte. */
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (self->bytes[mid] <= byte_offset)
        lo = mid;
      else
        hi = mid;
    }

  cp = lo << STRIDE_SHIFT;
  for (i = self->bytes[lo]; i < byte_offset; i += utf8_skip (self->text, i))
    cp++;

  return cp;
}

/**
 * mg_text_index_utf16_offset:
 *
 * JavaScript tools count UTF-16 code units, in which a character above
 * U+FFFF takes two.
 *
 * Returns: @offset in UTF-16 code units
 */
guint
mg_text_index_utf16_offset (MgTextIndex *self,
                            guint        offset)
{
  guint mark;
  guint n_astral;
  gsize i;

  g_return_val_if_fail (offset <= self->length, 0);

  mark = offset >> STRIDE_SHIFT;
  n_astral = self->astral[mark];
  i = self->bytes[mark];
  for (guint cp = mark << STRIDE_SHIFT; cp < offset; cp++)
    {
      gsize skip = utf8_skip (self->text, i);

      if (skip == 4)
        n_astral++;
      i += skip;
    }

  return offset + n_astral;
}

/**
 * mg_text_index_substring:
 *
 * Returns: (transfer full): `text[start:end]`
 */
char *
mg_text_index_substring (MgTextIndex *self,
                         guint        start,
                         guint        end)
{
  gsize a, b;

  g_return_val_if_fail (start <= end && end <= self->length, NULL);

  a = mg_text_index_byte_offset (self, start);
  b = mg_text_index_byte_offset (self, end);

  return g_strndup (self->text + a, b - a);
}

/**
 * mg_text_index_range_equals:
 *
 * Returns: whether `text[start:end]` equals @expected, without copying
 */
gboolean
mg_text_index_range_equals (MgTextIndex *self,
                            guint        start,
                            guint        end,
                            const char  *expected)
{
  gsize a, b;

  if (start > end || end > self->length || expected == NULL)
    return FALSE;

  a = mg_text_index_byte_offset (self, start);
  b = mg_text_index_byte_offset (self, end);

  return strlen (expected) == b - a && memcmp (self->text + a, expected, b - a) == 0;
}

/**
 * mg_sha256_hex:
 *
 * Returns: (transfer full): the SHA-256 of the bytes, in lower-case hex
 */
char *
mg_sha256_hex (const char *data,
               gsize       n_bytes)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)data, n_bytes);
}
