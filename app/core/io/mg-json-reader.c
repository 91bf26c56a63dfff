/* mg-json-reader.c
 *
 * json-glib 1.6 reads "1{}" and "{} {}" without complaint, takes comments
 * and single quotes, wraps integers past 64 bits and recurses once per level
 * of nesting until the stack runs out. A dataset is a contract, so it is
 * read by this small reader instead: RFC 8259 and nothing more, every
 * string checked as UTF-8, integers range-checked, nesting bounded, and no
 * byte after the value but white space. Reading straight into the model
 * also makes loading about twice as fast as building a json-glib tree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-json-reader"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "mg-json-reader.h"

void
mg_json_reader_init (MgJsonReader *self,
                     const char   *data,
                     gsize         len,
                     guint         max_depth)
{
  memset (self, 0, sizeof *self);
  self->data = data;
  self->len = len;
  self->max_depth = max_depth;
  self->scratch = g_string_sized_new (256);
  self->key = g_string_sized_new (32);

  /* A UTF-8 byte order mark, as some editors write, is not content. */
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    self->pos = 3;
}

void
mg_json_reader_clear (MgJsonReader *self)
{
  g_string_free (self->scratch, TRUE);
  g_string_free (self->key, TRUE);
  g_clear_pointer (&self->error, g_free);
  g_clear_pointer (&self->error_reason, g_free);
}

/**
 * mg_json_reader_reset:
 *
 * Points the reader at new input, keeping its buffers, depth bound and
 * repair setting: reading many small documents (one a line) costs no
 * allocation each. The error and the count of repairs start afresh.
 */
void
mg_json_reader_reset (MgJsonReader *self,
                      const char   *data,
                      gsize         len)
{
  self->data = data;
  self->len = len;
  self->pos = 0;
  self->depth = 0;
  self->fresh = FALSE;
  self->n_repaired = 0;
  self->error_column = 0;
  g_clear_pointer (&self->error, g_free);
  g_clear_pointer (&self->error_reason, g_free);
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    self->pos = 3;
}

/**
 * mg_json_reader_set_repair:
 *
 * A dataset is a contract and refuses a string escape that names no
 * character: U+0000, which C strings cannot hold, and a UTF-16 surrogate
 * without its pair. Imported articles are text to keep: with @repair,
 * each such escape reads as U+FFFD and is counted in n_repaired, so the
 * caller can say so; no character around it is lost.
 */
void
mg_json_reader_set_repair (MgJsonReader *self,
                           gboolean      repair)
{
  self->repair = repair;
}

gboolean
mg_json_reader_failed (MgJsonReader *self)
{
  return self->error != NULL;
}

/* Records the first error only, with where it happened. */
void
mg_json_reader_fail (MgJsonReader *self,
                     const char   *message)
{
  guint line = 1, column = 1;

  if (self->error != NULL)
    return;

  for (gsize i = 0; i < self->pos && i < self->len; i++)
    {
      if (self->data[i] == '\n')
        {
          line++;
          column = 1;
        }
      else if (((guchar)self->data[i] & 0xC0) != 0x80)
        column++;
    }

  self->error = g_strdup_printf (_("line %u, column %u: %s"), line, column, message);
  self->error_reason = g_strdup (message);
  self->error_column = column;
}

static inline void
skip_space (MgJsonReader *self)
{
  while (self->pos < self->len)
    {
      char c = self->data[self->pos];

      if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
        break;
      self->pos++;
    }
}

const char *
mg_json_kind_to_string (MgJsonKind kind)
{
  switch (kind)
    {
    case MG_JSON_OBJECT:  return _("an object");
    case MG_JSON_ARRAY:   return _("an array");
    case MG_JSON_STRING:  return _("a string");
    case MG_JSON_NUMBER:  return _("a number");
    case MG_JSON_BOOLEAN: return _("true or false");
    case MG_JSON_NULL:    return "null";
    case MG_JSON_NONE:
    default:              return _("nothing");
    }
}

/**
 * mg_json_reader_peek:
 *
 * Returns: the kind of the next value, without reading it
 */
MgJsonKind
mg_json_reader_peek (MgJsonReader *self)
{
  if (self->error != NULL)
    return MG_JSON_NONE;

  skip_space (self);
  if (self->pos >= self->len)
    return MG_JSON_NONE;

  switch (self->data[self->pos])
    {
    case '{': return MG_JSON_OBJECT;
    case '[': return MG_JSON_ARRAY;
    case '"': return MG_JSON_STRING;
    case 't': case 'f': return MG_JSON_BOOLEAN;
    case 'n': return MG_JSON_NULL;
    case '-': case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return MG_JSON_NUMBER;
    default:
      return MG_JSON_NONE;
    }
}

static gboolean
expect (MgJsonReader *self,
        char          c)
{
  skip_space (self);
  if (self->pos < self->len && self->data[self->pos] == c)
    {
      self->pos++;
      return TRUE;
    }

  {
    g_autofree char *message = NULL;

    if (self->pos >= self->len)
      message = g_strdup_printf (_("unexpected end of data, expected “%c”"), c);
    else if (self->data[self->pos] == '/')
      message = g_strdup (_("comments are not JSON"));
    else if (self->data[self->pos] == '\'')
      message = g_strdup (_("strings must be in double quotes"));
    else
      message = g_strdup_printf (_("expected “%c”"), c);
    mg_json_reader_fail (self, message);
  }
  return FALSE;
}

static gboolean
enter (MgJsonReader *self)
{
  if (++self->depth > self->max_depth)
    {
      g_autofree char *message =
        g_strdup_printf (_("nested deeper than %u levels"), self->max_depth);

      mg_json_reader_fail (self, message);
      return FALSE;
    }
  return TRUE;
}

gboolean
mg_json_reader_begin_object (MgJsonReader *self)
{
  if (self->error != NULL)
    return FALSE;
  self->fresh = TRUE;
  return expect (self, '{') && enter (self);
}

gboolean
mg_json_reader_begin_array (MgJsonReader *self)
{
  if (self->error != NULL)
    return FALSE;
  self->fresh = TRUE;
  return expect (self, '[') && enter (self);
}

static gboolean
read_string_into (MgJsonReader *self,
                  GString      *out);

/**
 * mg_json_reader_next_member:
 *
 * After mg_json_reader_begin_object(): reads the separator and the next
 * member's name, which is valid until the next call. The value is next.
 *
 * Returns: (nullable): the name, or %NULL at the end of the object or on error
 */
const char *
mg_json_reader_next_member (MgJsonReader *self)
{
  gboolean first;

  if (self->error != NULL)
    return NULL;

  skip_space (self);
  first = self->fresh;
  self->fresh = FALSE;

  if (self->pos < self->len && self->data[self->pos] == '}')
    {
      self->pos++;
      self->depth--;
      return NULL;
    }

  if (!first && !expect (self, ','))
    return NULL;

  skip_space (self);
  if (self->pos >= self->len || self->data[self->pos] != '"')
    {
      expect (self, '"');
      return NULL;
    }

  if (!read_string_into (self, self->key) || !expect (self, ':'))
    return NULL;

  return self->key->str;
}

/**
 * mg_json_reader_next_element:
 *
 * After mg_json_reader_begin_array(): reads the separator.
 *
 * Returns: %TRUE when an element follows, %FALSE at the end or on error
 */
gboolean
mg_json_reader_next_element (MgJsonReader *self)
{
  gboolean first;

  if (self->error != NULL)
    return FALSE;

  skip_space (self);
  first = self->fresh;
  self->fresh = FALSE;

  if (self->pos < self->len && self->data[self->pos] == ']')
    {
      self->pos++;
      self->depth--;
      return FALSE;
    }

  if (!first && !expect (self, ','))
    return FALSE;

  skip_space (self);
  if (self->pos < self->len && self->data[self->pos] == ']')
    {
      mg_json_reader_fail (self, _("trailing comma"));
      return FALSE;
    }

  return TRUE;
}

static int
hex4 (const char *p)
{
  int v = 0;

  for (int i = 0; i < 4; i++)
    {
      int d = g_ascii_xdigit_value (p[i]);

      if (d < 0)
        return -1;
      v = v * 16 + d;
    }
  return v;
}

static gboolean
read_escape (MgJsonReader *self,
             GString      *out)
{
  const char *p = self->data + self->pos;
  gsize left = self->len - self->pos;
  gunichar c;
  int hi, lo;

  /* self->pos is at the backslash. */
  if (left < 2)
    goto truncated;

  switch (p[1])
    {
    case '"':  g_string_append_c (out, '"');  self->pos += 2; return TRUE;
    case '\\': g_string_append_c (out, '\\'); self->pos += 2; return TRUE;
    case '/':  g_string_append_c (out, '/');  self->pos += 2; return TRUE;
    case 'b':  g_string_append_c (out, '\b'); self->pos += 2; return TRUE;
    case 'f':  g_string_append_c (out, '\f'); self->pos += 2; return TRUE;
    case 'n':  g_string_append_c (out, '\n'); self->pos += 2; return TRUE;
    case 'r':  g_string_append_c (out, '\r'); self->pos += 2; return TRUE;
    case 't':  g_string_append_c (out, '\t'); self->pos += 2; return TRUE;
    case 'u':
      break;
    default:
      mg_json_reader_fail (self, _("invalid escape in a string"));
      return FALSE;
    }

  if (left < 6 || (hi = hex4 (p + 2)) < 0)
    goto bad_unicode;

  if (hi >= 0xD800 && hi <= 0xDBFF && left >= 12 && p[6] == '\\' && p[7] == 'u' &&
      (lo = hex4 (p + 8)) >= 0xDC00 && lo <= 0xDFFF)
    {
      c = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
      self->pos += 12;
    }
  else
    {
      c = hi;
      self->pos += 6;
    }

  if (c == 0 || (c >= 0xD800 && c <= 0xDFFF))
    {
      if (!self->repair)
        {
          self->pos -= 6;
          mg_json_reader_fail (self, c == 0 ? _("U+0000 in a string")
                                            : _("unpaired UTF-16 surrogate in a string"));
          return FALSE;
        }
      /* Only this escape is replaced: what follows is read as it is. */
      self->n_repaired++;
      c = 0xFFFD;
    }

  g_string_append_unichar (out, c);
  return TRUE;

bad_unicode:
  mg_json_reader_fail (self, _("invalid \\u escape in a string"));
  return FALSE;

truncated:
  mg_json_reader_fail (self, _("unexpected end of data in a string"));
  return FALSE;
}

static gboolean
read_string_into (MgJsonReader *self,
                  GString      *out)
{
  g_string_truncate (out, 0);
  self->pos++; /* the opening quote */

  for (;;)
    {
      gsize start = self->pos;
      const char *end;

      /* Copy the run of plain characters in one go. */
      while (self->pos < self->len)
        {
          guchar c = (guchar)self->data[self->pos];

          if (c == '"' || c == '\\' || c < 0x20)
            break;
          self->pos++;
        }

      if (self->pos > start)
        {
          if (!g_utf8_validate_len (self->data + start, self->pos - start, &end))
            {
              self->pos = end - self->data;
              mg_json_reader_fail (self, _("a string is not valid UTF-8"));
              return FALSE;
            }
          g_string_append_len (out, self->data + start, self->pos - start);
        }

      if (self->pos >= self->len)
        {
          mg_json_reader_fail (self, _("unexpected end of data in a string"));
          return FALSE;
        }

      switch (self->data[self->pos])
        {
        case '"':
          self->pos++;
          return TRUE;
        case '\\':
          if (!read_escape (self, out))
            return FALSE;
          break;
        default:
          mg_json_reader_fail (self, _("control character in a string"));
          return FALSE;
        }
    }
}

/**
 * mg_json_reader_read_string:
 *
 * Returns: (nullable): the string, valid until the next read, or %NULL when
 *   the next value is not a string
 */
const char *
mg_json_reader_read_string (MgJsonReader *self,
                            gsize        *len)
{
  if (mg_json_reader_peek (self) != MG_JSON_STRING)
    return NULL;
  if (!read_string_into (self, self->scratch))
    return NULL;
  if (len != NULL)
    *len = self->scratch->len;
  return self->scratch->str;
}

/* Checks the RFC 8259 number grammar; returns its length, or 0. */
static gsize
scan_number (const char *p,
             gsize       left,
             gboolean   *is_integer)
{
  gsize i = 0;

  *is_integer = TRUE;
  if (i < left && p[i] == '-')
    i++;
  if (i >= left || !g_ascii_isdigit (p[i]))
    return 0;
  if (p[i] == '0')
    i++;
  else
    while (i < left && g_ascii_isdigit (p[i]))
      i++;
  if (i < left && p[i] == '.')
    {
      *is_integer = FALSE;
      i++;
      if (i >= left || !g_ascii_isdigit (p[i]))
        return 0;
      while (i < left && g_ascii_isdigit (p[i]))
        i++;
    }
  if (i < left && (p[i] == 'e' || p[i] == 'E'))
    {
      *is_integer = FALSE;
      i++;
      if (i < left && (p[i] == '+' || p[i] == '-'))
        i++;
      if (i >= left || !g_ascii_isdigit (p[i]))
        return 0;
      while (i < left && g_ascii_isdigit (p[i]))
        i++;
    }
  return i;
}

/**
 * mg_json_reader_read_int:
 * @is_integer: (out): whether the number was written as an integer
 *
 * Reads a number that must be an integer within 64 bits: a larger one is an
 * error rather than a silently different value.
 *
 * Returns: %FALSE when the next value is not a number (nothing is read),
 *   or on error
 */
gboolean
mg_json_reader_read_int (MgJsonReader *self,
                         gint64       *value,
                         gboolean     *is_integer)
{
  char buf[32];
  gsize n;
  char *end;

  if (mg_json_reader_peek (self) != MG_JSON_NUMBER)
    return FALSE;

  n = scan_number (self->data + self->pos, self->len - self->pos, is_integer);
  if (n == 0)
    {
      mg_json_reader_fail (self, _("invalid number"));
      return FALSE;
    }

  if (!*is_integer)
    {
      self->pos += n;
      *value = 0;
      return TRUE;
    }

  if (n >= sizeof buf)
    goto too_large;
  memcpy (buf, self->data + self->pos, n);
  buf[n] = '\0';
  errno = 0;
  *value = g_ascii_strtoll (buf, &end, 10);
  if (errno == ERANGE)
    goto too_large;

  self->pos += n;
  return TRUE;

too_large:
  mg_json_reader_fail (self, _("integer too large for 64 bits"));
  return FALSE;
}

static gboolean
read_literal (MgJsonReader *self,
              const char   *word)
{
  gsize n = strlen (word);

  if (self->len - self->pos >= n && memcmp (self->data + self->pos, word, n) == 0)
    {
      self->pos += n;
      return TRUE;
    }
  mg_json_reader_fail (self, _("invalid literal"));
  return FALSE;
}

/* Says why no value starts where one must. */
static void
fail_no_value (MgJsonReader *self)
{
  if (self->error != NULL)
    return;
  if (self->pos >= self->len)
    mg_json_reader_fail (self, _("unexpected end of data"));
  else if (self->data[self->pos] == '/')
    mg_json_reader_fail (self, _("comments are not JSON"));
  else if (self->data[self->pos] == '\'')
    mg_json_reader_fail (self, _("strings must be in double quotes"));
  else
    mg_json_reader_fail (self, _("expected a value"));
}

static JsonNode *
read_object_node (MgJsonReader *self)
{
  g_autoptr(JsonObject) object = json_object_new ();
  const char *name;

  if (!mg_json_reader_begin_object (self))
    return NULL;
  while ((name = mg_json_reader_next_member (self)) != NULL)
    {
      g_autofree char *key = g_strdup (name);
      JsonNode *member;

      if (json_object_has_member (object, key))
        {
          mg_json_reader_fail (self, _("a name appears twice in one object"));
          return NULL;
        }
      if ((member = mg_json_reader_read_node (self)) == NULL)
        return NULL;
      json_object_set_member (object, key, member);
    }
  if (self->error != NULL)
    return NULL;
  return json_node_init_object (json_node_alloc (), object);
}

static JsonNode *
read_array_node (MgJsonReader *self)
{
  g_autoptr(JsonArray) array = json_array_new ();

  if (!mg_json_reader_begin_array (self))
    return NULL;
  while (mg_json_reader_next_element (self))
    {
      JsonNode *element = mg_json_reader_read_node (self);

      if (element == NULL)
        return NULL;
      json_array_add_element (array, element);
    }
  if (self->error != NULL)
    return NULL;
  return json_node_init_array (json_node_alloc (), array);
}

static JsonNode *
read_number_node (MgJsonReader *self)
{
  gsize start = self->pos;
  g_autofree char *text = NULL;
  gboolean is_integer;
  gint64 v;
  double d;

  if (!mg_json_reader_read_int (self, &v, &is_integer))
    return NULL;
  if (is_integer)
    return json_node_init_int (json_node_alloc (), v);
  text = g_strndup (self->data + start, self->pos - start);
  d = g_ascii_strtod (text, NULL);
  if (!isfinite (d))
    {
      mg_json_reader_fail (self, _("number out of range"));
      return NULL;
    }
  return json_node_init_double (json_node_alloc (), d);
}

/**
 * mg_json_reader_read_node:
 *
 * Reads any value into a json-glib tree, for members this build does not
 * know and keeps for saving. Nesting stays bounded by the reader's depth.
 *
 * Returns: (transfer full) (nullable): the value, or %NULL on error
 */
JsonNode *
mg_json_reader_read_node (MgJsonReader *self)
{
  const char *s;
  gboolean value;

  switch (mg_json_reader_peek (self))
    {
    case MG_JSON_OBJECT:
      return read_object_node (self);
    case MG_JSON_ARRAY:
      return read_array_node (self);
    case MG_JSON_NUMBER:
      return read_number_node (self);
    case MG_JSON_STRING:
      s = mg_json_reader_read_string (self, NULL);
      return s != NULL ? json_node_init_string (json_node_alloc (), s) : NULL;
    case MG_JSON_BOOLEAN:
      value = self->data[self->pos] == 't';
      if (!read_literal (self, value ? "true" : "false"))
        return NULL;
      return json_node_init_boolean (json_node_alloc (), value);
    case MG_JSON_NULL:
      return read_literal (self, "null") ? json_node_init_null (json_node_alloc ()) : NULL;
    case MG_JSON_NONE:
    default:
      fail_no_value (self);
      return NULL;
    }
}

/**
 * mg_json_reader_skip_value:
 *
 * Reads the next value, of any kind, checking it as strictly as any other
 * read but keeping nothing: for members a reader has no use for.
 *
 * Returns: %FALSE on error
 */
gboolean
mg_json_reader_skip_value (MgJsonReader *self)
{
  gboolean is_integer;
  gsize n;

  switch (mg_json_reader_peek (self))
    {
    case MG_JSON_OBJECT:
      if (!mg_json_reader_begin_object (self))
        return FALSE;
      while (mg_json_reader_next_member (self) != NULL)
        if (!mg_json_reader_skip_value (self))
          return FALSE;
      return self->error == NULL;

    case MG_JSON_ARRAY:
      if (!mg_json_reader_begin_array (self))
        return FALSE;
      while (mg_json_reader_next_element (self))
        if (!mg_json_reader_skip_value (self))
          return FALSE;
      return self->error == NULL;

    case MG_JSON_STRING:
      return mg_json_reader_read_string (self, NULL) != NULL;

    case MG_JSON_NUMBER:
      n = scan_number (self->data + self->pos, self->len - self->pos, &is_integer);
      if (n == 0)
        {
          mg_json_reader_fail (self, _("invalid number"));
          return FALSE;
        }
      self->pos += n;
      return TRUE;

    case MG_JSON_BOOLEAN:
      return read_literal (self, self->data[self->pos] == 't' ? "true" : "false");

    case MG_JSON_NULL:
      return read_literal (self, "null");

    case MG_JSON_NONE:
    default:
      fail_no_value (self);
      return FALSE;
    }
}

/**
 * mg_json_reader_end:
 *
 * Returns: %TRUE when nothing but white space follows the value read
 */
gboolean
mg_json_reader_end (MgJsonReader *self)
{
  if (self->error != NULL)
    return FALSE;

  skip_space (self);
  if (self->pos < self->len)
    {
      mg_json_reader_fail (self, _("unexpected data after the end of the dataset"));
      return FALSE;
    }
  return TRUE;
}
