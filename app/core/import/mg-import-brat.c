/* mg-import-brat.c: brat standoff collections, texts with their annotations
 *
 * brat keeps each document as NAME.txt and its annotations as NAME.ann,
 * one annotation a line. The rules here are brat's own, so that a file
 * brat opens imports the same and a file brat refuses is named:
 *
 * - The text is UTF-8 and offsets count its code points as brat (Python)
 *   reads them, "\r\n" counting two. The stored text has "\n" line ends
 *   and no byte-order mark, so every offset goes through a map from the
 *   file's code points to the stored ones; nothing is shifted by guess.
 * - The .ann is split into lines as Python's str.splitlines() splits it
 *   (also at U+2028, U+2029, U+0085, \v, \f and \x1c-\x1e); line numbers
 *   in messages count those lines, as brat's do.
 * - A "T" line's text must equal the text it marks, its fragments joined
 *   by one space; otherwise the line is named and left out.
 * - Fragments ("start end;start end") separated only by white space, as
 *   brat and our own export write a span across line breaks, make one
 *   span; fragments with words between them (a quote interrupted by "she
 *   said") make one annotation each, and each carries the relations,
 *   notes and attributes of its line. A span from the first start to the
 *   last end would take in words the annotator left out.
 * - "R" lines give a relation from Arg1 to Arg2; an "E" event gives an
 *   attributed-to relation from each argument in the from-role (Content)
 *   to each in the to-role (Source); "#" notes become annotation notes;
 *   "A" and "M" attributes are kept in the annotation's "attributes"
 *   member; "N" and "*" lines are named and not kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-import-brat"

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include <glib/gi18n.h>

#include "mg-error.h"
#include "mg-import.h"
#include "mg-import-brat.h"
#include "mg-import-brat-private.h"
#include "mg-import-private.h"
#include "mg-import-text.h"
#include "mg-text-index.h"

#define EXCERPT_CHARS 40

struct _MgBratMap {
  GHashTable     *types;  /* brat type -> label id, "" to leave it out */
  MgBratUnmapped  unmapped;
  char           *from_role;
  char           *to_role;
};

typedef struct {
  guint start;
  guint end;
} Frag;

/* One "T" line, and the annotations made from it. */
typedef struct {
  char      *id;
  char      *type;
  GArray    *frags;        /* of Frag, in offsets of the file's text */
  guint      line;
  GPtrArray *annotations;  /* of MgAnnotation, no references */
} Textbound;

/* One "R" or "E" line: a type and (role, id) arguments. */
typedef struct {
  char      *id;
  char      *type;
  GPtrArray *roles;
  GPtrArray *targets;
  guint      line;
  gboolean   event;
} Link;

/* One "#", "A" or "M" line. */
typedef struct {
  char     *id;
  char     *target;
  char     *name;
  char     *value;  /* NULL for a binary attribute */
  guint     line;
  gboolean  note;
} Extra;

typedef struct {
  const char   *ann_name;
  MgBratMap    *map;
  MgLabelSet   *labels;
  gboolean      strict;
  GPtrArray    *warnings;
  GError       *error;
  MgTextIndex  *original;    /* the .txt as brat reads it */
  guint        *offset_map;  /* its code points -> the stored text's */
  GHashTable   *lines_by_id; /* every id read -> its line */
  GHashTable   *dropped;     /* ids left out on purpose by the map */
  GHashTable   *textbounds;  /* id -> Textbound */
  GPtrArray    *order;       /* of Textbound, in file order */
  GPtrArray    *links;       /* of Link */
  GPtrArray    *extras;      /* of Extra */
  GHashTable   *skipped;     /* unmapped type -> count, when skipped */
  gboolean      own_skipped; /* else a collection reports them */
  GHashTable   *made;        /* "label start end" -> MgAnnotation */
  GPtrArray    *annotations; /* of MgAnnotation, owned */
} Reader;

/* The map */

/**
 * mg_brat_map_new:
 *
 * A map from brat types to labels. It starts empty: a type named like a
 * label of the dataset (or a relation type "attributed-to") is that label,
 * any other type becomes a label of its own (%MG_BRAT_UNMAPPED_ADD), and
 * events become attributed-to relations from their Content to their
 * Source arguments.
 *
 * Returns: (transfer full): a new map
 */
MgBratMap *
mg_brat_map_new (void)
{
  MgBratMap *self = g_new0 (MgBratMap, 1);

  self->types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->unmapped = MG_BRAT_UNMAPPED_ADD;
  self->from_role = g_strdup ("Content");
  self->to_role = g_strdup ("Source");
  return self;
}

void
mg_brat_map_free (MgBratMap *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->types);
  g_free (self->from_role);
  g_free (self->to_role);
  g_free (self);
}

/**
 * mg_brat_map_set:
 * @type: a brat entity or relation type, such as "Source"
 * @label: (nullable): the label id it becomes, such as "actor"; %NULL or
 *   "" leaves that type's annotations out
 */
void
mg_brat_map_set (MgBratMap  *self,
                 const char *type,
                 const char *label)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (type != NULL && *type != '\0');

  g_hash_table_insert (self->types, g_strdup (type), g_strdup (label ? label : ""));
}

/**
 * mg_brat_map_parse:
 * @spec: pairs such as "Source=actor,Content=quote,Cue=", where an empty
 *   label leaves the type out
 *
 * Adds the pairs of @spec to the map.
 *
 * Returns: %FALSE, with @error set and the map unchanged, when a pair is
 *   not TYPE=LABEL
 */
gboolean
mg_brat_map_parse (MgBratMap   *self,
                   const char  *spec,
                   GError     **error)
{
  g_auto(GStrv) pairs = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);

  pairs = g_strsplit (spec, ",", -1);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      const char *eq = strchr (pairs[i], '=');

      if (eq == NULL || eq == pairs[i] || strchr (pairs[i], ' ') != NULL)
        {
          g_set_error (error, MG_ERROR, MG_ERROR_INVALID,
                       _("“%s” is not TYPE=LABEL (such as Source=actor)"), pairs[i]);
          return FALSE;
        }
    }
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      char *eq = strchr (pairs[i], '=');

      *eq = '\0';
      mg_brat_map_set (self, pairs[i], eq + 1);
    }
  return TRUE;
}

void
mg_brat_map_set_unmapped (MgBratMap      *self,
                          MgBratUnmapped  policy)
{
  g_return_if_fail (self != NULL);
  self->unmapped = policy;
}

MgBratUnmapped
mg_brat_map_get_unmapped (MgBratMap *self)
{
  g_return_val_if_fail (self != NULL, MG_BRAT_UNMAPPED_ADD);
  return self->unmapped;
}

/**
 * mg_brat_map_set_event_roles:
 * @from_role: the role of an event's quoted or reported content
 * @to_role: the role of the one it is attributed to
 *
 * Each event gives an attributed-to relation from every argument in
 * @from_role to every argument in @to_role. Roles are compared without
 * the number brat adds to repeated ones ("Content2" is a "Content").
 */
void
mg_brat_map_set_event_roles (MgBratMap  *self,
                             const char *from_role,
                             const char *to_role)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (from_role != NULL && to_role != NULL);

  g_free (self->from_role);
  g_free (self->to_role);
  self->from_role = g_strdup (from_role);
  self->to_role = g_strdup (to_role);
}

/* Reading rules */

/* The characters at which Python's str.splitlines() ends a line. */
static gsize
line_break_at (const char *p,
               const char *end)
{
  guchar c = (guchar)*p;

  if (c == '\r')
    return (p + 1 < end && p[1] == '\n') ? 2 : 1;
  if (c == '\n' || c == 0x0b || c == 0x0c || (c >= 0x1c && c <= 0x1e))
    return 1;
  if (c == 0xc2 && p + 1 < end && (guchar)p[1] == 0x85)
    return 2;
  if (c == 0xe2 && p + 2 < end && (guchar)p[1] == 0x80 &&
      ((guchar)p[2] == 0xa8 || (guchar)p[2] == 0xa9))
    return 3;
  return 0;
}

/* Python's str.isspace(), which brat uses to read what follows a span. */
static gboolean
py_isspace (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x0b || (c >= 0x1c && c <= 0x1f) || c == 0x85;
}

static gboolean
all_space (const char *s)
{
  for (; *s; s = g_utf8_next_char (s))
    if (!py_isspace (g_utf8_get_char (s)))
      return FALSE;
  return TRUE;
}

/* A short, one-line excerpt of @s for a message. */
static char *
excerpt (const char *s)
{
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (; *s && n < EXCERPT_CHARS; s = g_utf8_next_char (s), n++)
    {
      gunichar c = g_utf8_get_char (s);

      if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c < 0x20 || c == 0x85 || c == 0x2028 || c == 0x2029)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_unichar (out, c);
    }
  if (*s)
    g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

static void G_GNUC_PRINTF (3, 4)
report (Reader     *r,
        guint       line,
        const char *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (r->strict)
    {
      if (r->error == NULL)
        g_set_error (&r->error, MG_ERROR, MG_ERROR_INVALID, "%s:%u: %s", r->ann_name, line, message);
    }
  else if (r->warnings != NULL)
    g_ptr_array_add (r->warnings, g_strdup_printf ("%s:%u: %s", r->ann_name, line, message));
}

/* brat's ids: letters or '#' and letters, then digits, then anything. */
static gboolean
valid_id (const char *id)
{
  const char *p = id;

  if (*p == '#')
    p++;
  else if (!g_ascii_isalpha (*p))
    return FALSE;
  while (g_ascii_isalpha (*p))
    p++;
  return g_ascii_isdigit (*p);
}

static gboolean
parse_uint (const char *s,
            guint      *out)
{
  guint64 v;

  if (!g_ascii_isdigit (*s))
    return FALSE;
  if (!g_ascii_string_to_unsigned (s, 10, 0, G_MAXUINT, &v, NULL))
    return FALSE;
  *out = (guint)v;
  return TRUE;
}

static void
textbound_free (gpointer data)
{
  Textbound *t = data;

  g_free (t->id);
  g_free (t->type);
  g_array_unref (t->frags);
  g_ptr_array_unref (t->annotations);
  g_free (t);
}

static void
link_free (gpointer data)
{
  Link *l = data;

  g_free (l->id);
  g_free (l->type);
  g_ptr_array_unref (l->roles);
  g_ptr_array_unref (l->targets);
  g_free (l);
}

static void
extra_free (gpointer data)
{
  Extra *e = data;

  g_free (e->id);
  g_free (e->target);
  g_free (e->name);
  g_free (e->value);
  g_free (e);
}

/* "TYPE start end;start end" as brat splits it. */
static Textbound *
parse_textbound_data (const char *id,
                      const char *data)
{
  const char *space = strchr (data, ' ');
  g_auto(GStrv) spans = NULL;
  Textbound *t;

  if (space == NULL || space == data)
    return NULL;
  t = g_new0 (Textbound, 1);
  t->id = g_strdup (id);
  t->type = g_strndup (data, space - data);
  t->frags = g_array_new (FALSE, FALSE, sizeof (Frag));
  t->annotations = g_ptr_array_new ();
  spans = g_strsplit (space + 1, ";", -1);
  for (guint i = 0; spans[i] != NULL; i++)
    {
      g_auto(GStrv) ends = g_strsplit (spans[i], " ", 3);
      Frag f;

      if (g_strv_length (ends) != 2)
        break;
      g_strchomp (ends[1]);
      if (!parse_uint (ends[0], &f.start) || !parse_uint (ends[1], &f.end))
        break;
      g_array_append_val (t->frags, f);
      if (spans[i + 1] == NULL)
        return t;
    }
  textbound_free (t);
  return NULL;
}

/* Checks a text-bound annotation's fragments against the text, as brat
 * does before it shows one. */
static gboolean
check_frags (Reader    *r,
             Textbound *t)
{
  guint length = mg_text_index_get_length (r->original);

  for (guint i = 0; i < t->frags->len; i++)
    {
      Frag *f = &g_array_index (t->frags, Frag, i);

      if (f->start >= f->end || f->end > length)
        {
          report (r, t->line, _("%s: span %u–%u is not inside the text of %u characters"),
                  t->id, f->start, f->end, length);
          return FALSE;
        }
      for (guint j = 0; j < i; j++)
        {
          Frag *g = &g_array_index (t->frags, Frag, j);

          if (f->end >= g->start && f->start < g->end)
            {
              report (r, t->line, _("%s: fragments %u–%u and %u–%u overlap"),
                      t->id, g->start, g->end, f->start, f->end);
              return FALSE;
            }
        }
    }
  return TRUE;
}

/* The text the fragments mark, joined by @sep. */
static char *
marked_text (Reader     *r,
             Textbound  *t,
             const char *sep)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < t->frags->len; i++)
    {
      Frag *f = &g_array_index (t->frags, Frag, i);
      g_autofree char *slice = mg_text_index_substring (r->original, f->start, f->end);

      if (i > 0)
        g_string_append (out, sep);
      g_string_append (out, slice);
    }
  return g_string_free (out, FALSE);
}

/* brat's test: the text after the tab begins with the marked text (or,
 * from before brat 1.3, with the fragments joined without a space), and
 * white space or nothing follows it. A line with no text is filled from
 * the document, as brat fills it. */
static gboolean
check_text (Reader     *r,
            Textbound  *t,
            const char *tail)
{
  g_autofree char *joined = marked_text (r, t, " ");
  g_autofree char *old_style = marked_text (r, t, "");
  glong want = g_utf8_strlen (joined, -1);
  const char *given = tail + 1;
  const char *rest;

  if (*tail == '\0' || all_space (tail))
    return TRUE;
  if (g_utf8_strlen (given, -1) < want)
    {
      g_autofree char *shown = excerpt (given);

      report (r, t->line, _("%s: the text “%s” is shorter than the span it marks"), t->id, shown);
      return FALSE;
    }
  rest = g_utf8_offset_to_pointer (given, want);
  if ((gsize)(rest - given) == strlen (joined) && memcmp (given, joined, rest - given) == 0)
    ;
  else if (strncmp (given, old_style, strlen (old_style)) != 0)
    {
      g_autofree char *in_file = g_strndup (given, rest - given);
      g_autofree char *shown = excerpt (in_file);
      g_autofree char *actual = excerpt (joined);

      report (r, t->line, _("%s: the text “%s” does not match the text it marks, “%s”"),
              t->id, shown, actual);
      return FALSE;
    }
  if (*rest != '\0' && !py_isspace (g_utf8_get_char (rest)))
    {
      report (r, t->line, _("%s: no space between the span's text and the rest of the line"), t->id);
      return FALSE;
    }
  return TRUE;
}

static void
parse_textbound (Reader     *r,
                 const char *id,
                 const char *data,
                 const char *tail,
                 guint       line)
{
  Textbound *t = parse_textbound_data (id, data);

  if (t == NULL)
    {
      report (r, line, _("%s: not “TYPE START END” with offsets"), id);
      return;
    }
  t->line = line;
  if (!check_frags (r, t) || !check_text (r, t, tail))
    {
      textbound_free (t);
      return;
    }
  g_hash_table_insert (r->textbounds, t->id, t);
  g_ptr_array_add (r->order, t);
}

/* Splits "a:b" into @role and @target. */
static gboolean
split_arg (const char  *arg,
           char       **role,
           char       **target)
{
  const char *colon = strchr (arg, ':');

  if (colon == NULL || colon == arg || colon[1] == '\0' || strchr (colon + 1, ':') != NULL)
    return FALSE;
  *role = g_strndup (arg, colon - arg);
  *target = g_strdup (colon + 1);
  return TRUE;
}

/* "TYPE Arg1:T1 Arg2:T2" or, for an event, "TYPE:TRIGGER Role:T1 ...". */
static Link *
parse_link_data (const char *id,
                 const char *data,
                 gboolean    event)
{
  g_auto(GStrv) words = g_strsplit_set (data, " \t", -1);
  Link *l = g_new0 (Link, 1);
  guint n = 0;

  l->id = g_strdup (id);
  l->event = event;
  l->roles = g_ptr_array_new_with_free_func (g_free);
  l->targets = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; words[i] != NULL; i++)
    {
      char *role, *target;

      if (*words[i] == '\0')
        continue;
      if (n++ == 0 && !event)
        {
          l->type = g_strdup (words[i]);
          continue;
        }
      if (!split_arg (words[i], &role, &target))
        {
          link_free (l);
          return NULL;
        }
      g_ptr_array_add (l->roles, role);
      g_ptr_array_add (l->targets, target);
    }
  if (event && l->roles->len > 0)
    {
      /* The first pair is the event's type and its trigger. */
      l->type = g_strdup (l->roles->pdata[0]);
      g_ptr_array_remove_index (l->roles, 0);
      g_ptr_array_remove_index (l->targets, 0);
      return l;
    }
  if (!event && l->type != NULL && l->roles->len == 2 &&
      strcmp (l->roles->pdata[0], l->roles->pdata[1]) != 0)
    return l;
  link_free (l);
  return NULL;
}

static void
parse_link (Reader     *r,
            const char *id,
            const char *data,
            guint       line,
            gboolean    event)
{
  Link *l = parse_link_data (id, data, event);

  if (l == NULL)
    {
      if (event)
        report (r, line, _("%s: not “TYPE:TRIGGER ROLE:ID …”"), id);
      else
        report (r, line, _("%s: not “TYPE Arg1:ID Arg2:ID”"), id);
      return;
    }
  l->line = line;
  g_ptr_array_add (r->links, l);
}

/* "#" notes, "A" attributes "NAME TARGET [VALUE]" and old "M" ones. */
static void
parse_extra (Reader     *r,
             const char *id,
             const char *data,
             const char *tail,
             guint       line)
{
  g_auto(GStrv) words = g_strsplit (data, " ", -1);
  guint n = g_strv_length (words);
  Extra *e;

  if (n < 2 || (*id == '#' ? n != 2 : n > 3) || *words[0] == '\0' || *words[1] == '\0')
    {
      report (r, line, _("%s: not “TYPE TARGET”"), id);
      return;
    }
  e = g_new0 (Extra, 1);
  e->id = g_strdup (id);
  e->note = *id == '#';
  e->name = g_strdup (words[0]);
  e->target = g_strdup (words[1]);
  e->line = line;
  if (e->note)
    e->value = g_strstrip (g_strdup (*tail ? tail + 1 : ""));
  else if (n == 3)
    e->value = g_strdup (words[2]);
  g_ptr_array_add (r->extras, e);
}

static void
parse_line (Reader     *r,
            const char *line,
            guint       line_no)
{
  const char *tab = strchr (line, '\t');
  g_autofree char *id = NULL;
  g_autofree char *data = NULL;
  const char *tail;

  if (all_space (line))
    return;
  if (tab == NULL)
    {
      g_autofree char *shown = excerpt (line);
      report (r, line_no, _("not an annotation line (no tab after an id): “%s”"), shown);
      return;
    }
  id = g_strndup (line, tab - line);
  tail = strchr (tab + 1, '\t');
  data = tail ? g_strndup (tab + 1, tail - tab - 1) : g_strdup (tab + 1);
  tail = tail ? tail : "";
  if (strcmp (id, "*") != 0 && !valid_id (id))
    {
      g_autofree char *shown = excerpt (id);
      report (r, line_no, _("“%s” is not an annotation id"), shown);
      return;
    }
  if (strcmp (id, "*") != 0 && g_hash_table_contains (r->lines_by_id, id))
    {
      report (r, line_no, _("%s: the id is used twice (first on line %u)"), id,
              GPOINTER_TO_UINT (g_hash_table_lookup (r->lines_by_id, id)));
      return;
    }
  g_hash_table_insert (r->lines_by_id, g_strdup (id), GUINT_TO_POINTER (line_no));

  switch (*id)
    {
    case 'T':
      parse_textbound (r, id, data, tail, line_no);
      break;
    case 'R':
    case 'E':
      parse_link (r, id, data, line_no, *id == 'E');
      break;
    case '#':
    case 'A':
    case 'M':
      parse_extra (r, id, data, tail, line_no);
      break;
    default:
      report (r, line_no, _("%s: this kind of annotation is not imported"), id);
      break;
    }
}

/* Reads the .ann line by line, as str.splitlines() cuts it. */
static void
parse_ann (Reader     *r,
           const char *ann,
           gsize       n_bytes)
{
  const char *p = ann;
  const char *end = ann + n_bytes;
  guint line_no = 0;

  while (p < end && r->error == NULL)
    {
      const char *q = p;
      gsize brk = 0;
      g_autofree char *line = NULL;

      while (q < end && (brk = line_break_at (q, end)) == 0)
        q++;
      line = g_strndup (p, q - p);
      parse_line (r, line, ++line_no);
      p = q + brk;
    }
}

/* The stored text */

/* The text without a byte-order mark and with "\n" line ends, and where
 * each code point of the file's text lands in it. */
static char *
normalise_text (const char  *text,
                gsize        n_bytes,
                guint      **map_out)
{
  glong length = g_utf8_strlen (text, n_bytes);
  guint *map = g_new (guint, length + 1);
  GString *out = g_string_sized_new (n_bytes);
  const char *p = text;
  const char *end = text + n_bytes;
  guint i = 0, kept = 0;

  for (; p < end; p = g_utf8_next_char (p), i++)
    {
      gunichar c = g_utf8_get_char (p);

      map[i] = kept;
      if ((c == 0xfeff && i == 0) || (c == '\r' && p + 1 < end && p[1] == '\n'))
        continue;
      if (c == '\r')
        g_string_append_c (out, '\n');
      else
        g_string_append_unichar (out, c);
      kept++;
    }
  map[i] = kept;
  *map_out = map;
  return g_string_free (out, FALSE);
}

/* Labels */

static const char *
free_key (MgLabelSet *labels)
{
  static const char *keys[] = { "1", "2", "3", "4", "5", "6", "7", "8", "9" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (mg_label_set_lookup_key (labels, keys[i]) == NULL)
      return keys[i];
  return NULL;
}

static const char *
free_color (MgLabelSet *labels)
{
  /* The rest of the Okabe-Ito palette, then Paul Tol's muted colours. */
  static const char *colors[] = {
    "#E69F00", "#56B4E9", "#F0E442", "#882255", "#44AA99", "#117733",
    "#999933", "#AA4499", "#332288", "#DDCC77",
  };
  guint n = mg_label_set_get_n_labels (labels);

  for (guint i = 0; i < G_N_ELEMENTS (colors); i++)
    {
      gboolean used = FALSE;

      for (guint j = 0; j < n && !used; j++)
        used = g_ascii_strcasecmp (mg_label_get_color (mg_label_set_get_label (labels, j)),
                                   colors[i]) == 0;
      if (!used)
        return colors[i];
    }
  return colors[n % G_N_ELEMENTS (colors)];
}

/* The label @id, added to the set when the map allows new ones. */
static gboolean
ensure_label (Reader     *r,
              const char *id,
              guint       line)
{
  g_autoptr(MgLabel) label = NULL;

  if (mg_label_set_lookup (r->labels, id) != NULL)
    return TRUE;
  if (r->map->unmapped != MG_BRAT_UNMAPPED_ADD)
    {
      if (r->error == NULL)
        g_set_error (&r->error, MG_ERROR, MG_ERROR_INVALID,
                     _("%s:%u: the label “%s” is not in the dataset"), r->ann_name, line, id);
      return FALSE;
    }
  label = mg_label_new (id, id, free_color (r->labels), free_key (r->labels));
  mg_label_set_add (r->labels, label);
  return TRUE;
}

/* What @type becomes: a label or relation type, or NULL to leave it out
 * (r->error is set when the map refuses it). */
static const char *
map_type (Reader     *r,
          const char *type,
          guint       line)
{
  const char *mapped = g_hash_table_lookup (r->map->types, type);

  if (mapped != NULL)
    return *mapped ? mapped : NULL;
  /* A label of the dataset, or our one relation type, is its own map. */
  if (mg_label_set_lookup (r->labels, type) != NULL || strcmp (type, MG_RELATION_ATTRIBUTED_TO) == 0)
    return type;
  switch (r->map->unmapped)
    {
    case MG_BRAT_UNMAPPED_ADD:
      return type;
    case MG_BRAT_UNMAPPED_SKIP:
      g_hash_table_insert (r->skipped, g_strdup (type),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (r->skipped, type)) + 1));
      return NULL;
    case MG_BRAT_UNMAPPED_REFUSE:
    default:
      if (r->error == NULL)
        g_set_error (&r->error, MG_ERROR, MG_ERROR_INVALID,
                     _("%s:%u: the type “%s” is not mapped to a label (map it with %s=LABEL, or leave it out with %s=)"),
                     r->ann_name, line, type, type, type);
      return NULL;
    }
}

/* Annotations */

static int
compare_frags (gconstpointer a,
               gconstpointer b)
{
  const Frag *x = a, *y = b;

  return x->start < y->start ? -1 : x->start > y->start;
}

/* TRUE when only white space lies between two fragments. */
static gboolean
gap_is_space (Reader *r,
              guint   from,
              guint   to)
{
  g_autofree char *gap = mg_text_index_substring (r->original, from, to);

  return all_space (gap);
}

static void
add_piece (Reader     *r,
           Textbound  *t,
           const char *label,
           guint       start,
           guint       end)
{
  guint s = r->offset_map[start], e = r->offset_map[end];
  g_autofree char *key = NULL;
  MgAnnotation *a;

  /* A piece of only a byte-order mark or a "\r" has nothing left. */
  if (s >= e)
    {
      report (r, t->line, _("%s: span %u–%u holds only a line end"), t->id, start, end);
      return;
    }
  key = g_strdup_printf ("%s %u %u", label, s, e);
  a = g_hash_table_lookup (r->made, key);
  if (a == NULL)
    {
      a = mg_annotation_new (NULL, label, s, e);
      g_ptr_array_add (r->annotations, a);
      g_hash_table_insert (r->made, g_steal_pointer (&key), a);
    }
  if (!g_ptr_array_find (t->annotations, a, NULL))
    g_ptr_array_add (t->annotations, a);
}

/* One annotation per run of fragments with only white space between. */
static void
make_annotations (Reader    *r,
                  Textbound *t)
{
  const char *label = map_type (r, t->type, t->line);
  guint start, end;

  if (label == NULL)
    {
      g_hash_table_add (r->dropped, g_strdup (t->id));
      return;
    }
  if (!ensure_label (r, label, t->line))
    return;
  g_array_sort (t->frags, compare_frags);
  start = g_array_index (t->frags, Frag, 0).start;
  end = g_array_index (t->frags, Frag, 0).end;
  for (guint i = 1; i < t->frags->len; i++)
    {
      Frag *f = &g_array_index (t->frags, Frag, i);

      if (gap_is_space (r, end, f->start))
        {
          end = f->end;
          continue;
        }
      add_piece (r, t, label, start, end);
      start = f->start;
      end = f->end;
    }
  add_piece (r, t, label, start, end);
}

/* The annotations made from @id; NULL, with a warning unless the map
 * left them out, when there are none. */
static GPtrArray *
resolve (Reader     *r,
         const char *from_id,
         const char *id,
         guint       line)
{
  Textbound *t = g_hash_table_lookup (r->textbounds, id);

  if (t != NULL && t->annotations->len > 0)
    return t->annotations;
  if (g_hash_table_contains (r->dropped, id))
    return NULL;
  if (!g_hash_table_contains (r->lines_by_id, id))
    report (r, line, _("%s refers to %s, which the file does not define"), from_id, id);
  else if (t == NULL && *id != 'T')
    report (r, line, _("%s refers to %s, which is not a text span"), from_id, id);
  else
    report (r, line, _("%s refers to %s, which was not imported"), from_id, id);
  return NULL;
}

static void
apply_extra (Reader *r,
             Extra  *e)
{
  GPtrArray *targets = resolve (r, e->id, e->target, e->line);

  for (guint i = 0; targets != NULL && i < targets->len; i++)
    {
      MgAnnotation *a = targets->pdata[i];

      if (e->note)
        {
          const char *old = mg_annotation_get_note (a);
          g_autofree char *note = old && *old ? g_strconcat (old, "\n", e->value, NULL)
                                              : g_strdup (e->value);
          mg_annotation_set_note (a, note);
        }
      else
        {
          JsonObject *extra = mg_annotation_get_extra (a);
          JsonObject *attributes;

          if (extra == NULL)
            {
              g_autoptr(JsonObject) fresh = json_object_new ();

              mg_annotation_set_extra (a, fresh);
              extra = fresh;
            }
          if (!json_object_has_member (extra, "attributes"))
            json_object_set_object_member (extra, "attributes", json_object_new ());
          attributes = json_object_get_object_member (extra, "attributes");
          if (e->value != NULL)
            json_object_set_string_member (attributes, e->name, e->value);
          else
            json_object_set_boolean_member (attributes, e->name, TRUE);
        }
    }
}

/* brat numbers repeated roles: "Content2" is a second "Content". */
static gboolean
role_is (const char *role,
         const char *wanted)
{
  gsize n = strlen (wanted);

  if (strncmp (role, wanted, n) != 0)
    return FALSE;
  for (role += n; *role; role++)
    if (!g_ascii_isdigit (*role))
      return FALSE;
  return TRUE;
}

static void
relate (MgAnnotationStore *store,
        GHashTable        *seen,
        const char        *type,
        GPtrArray         *from,
        GPtrArray         *to)
{
  for (guint i = 0; i < from->len; i++)
    for (guint j = 0; j < to->len; j++)
      {
        const char *f = mg_annotation_get_id (from->pdata[i]);
        const char *t = mg_annotation_get_id (to->pdata[j]);
        g_autoptr(MgRelation) relation = NULL;

        if (strcmp (f, t) == 0 ||
            !g_hash_table_add (seen, g_strdup_printf ("%s %s %s", type, f, t)))
          continue;
        relation = mg_relation_new (NULL, type, f, t);
        mg_annotation_store_add_relation (store, relation, NULL);
      }
}

static void
add_event_relations (Reader            *r,
                     Link              *l,
                     MgAnnotationStore *store,
                     GHashTable        *seen)
{
  for (guint i = 0; i < l->roles->len; i++)
    {
      GPtrArray *from;

      if (!role_is (l->roles->pdata[i], r->map->from_role) ||
          (from = resolve (r, l->id, l->targets->pdata[i], l->line)) == NULL)
        continue;
      for (guint j = 0; j < l->roles->len; j++)
        {
          GPtrArray *to;

          if (role_is (l->roles->pdata[j], r->map->to_role) &&
              (to = resolve (r, l->id, l->targets->pdata[j], l->line)) != NULL)
            relate (store, seen, MG_RELATION_ATTRIBUTED_TO, from, to);
        }
    }
}

static void
add_relations (Reader            *r,
               MgAnnotationStore *store)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < r->links->len && r->error == NULL; i++)
    {
      Link *l = r->links->pdata[i];
      const char *type;
      GPtrArray *from, *to;

      if (l->event)
        {
          add_event_relations (r, l, store, seen);
          continue;
        }
      if ((type = map_type (r, l->type, l->line)) == NULL)
        continue;
      from = resolve (r, l->id, l->targets->pdata[0], l->line);
      to = resolve (r, l->id, l->targets->pdata[1], l->line);
      if (from != NULL && to != NULL)
        relate (store, seen, type, from, to);
    }
}

void
_mg_import_brat_report_skipped (GHashTable *skipped,
                                const char *name,
                                GPtrArray  *warnings)
{
  GHashTableIter iter;
  gpointer type, count;

  g_hash_table_iter_init (&iter, skipped);
  while (g_hash_table_iter_next (&iter, &type, &count))
    if (warnings != NULL)
      g_ptr_array_add (warnings,
                       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "%s: %u annotation of the unmapped type “%s” left out",
                                                     "%s: %u annotations of the unmapped type “%s” left out",
                                                     GPOINTER_TO_UINT (count)),
                                        name, GPOINTER_TO_UINT (count), (const char *)type));
}

static void
reader_clear (Reader *r)
{
  g_clear_pointer (&r->original, mg_text_index_free);
  g_clear_pointer (&r->offset_map, g_free);
  g_clear_pointer (&r->lines_by_id, g_hash_table_unref);
  g_clear_pointer (&r->dropped, g_hash_table_unref);
  g_clear_pointer (&r->textbounds, g_hash_table_unref);
  g_clear_pointer (&r->order, g_ptr_array_unref);
  g_clear_pointer (&r->links, g_ptr_array_unref);
  g_clear_pointer (&r->extras, g_ptr_array_unref);
  g_clear_pointer (&r->skipped, g_hash_table_unref);
  g_clear_pointer (&r->made, g_hash_table_unref);
  g_clear_pointer (&r->annotations, g_ptr_array_unref);
  g_clear_error (&r->error);
}

static void
reader_init (Reader     *r,
             const char *ann_name,
             GHashTable *skipped)
{
  memset (r, 0, sizeof *r);
  r->ann_name = ann_name;
  r->lines_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r->dropped = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r->textbounds = g_hash_table_new (g_str_hash, g_str_equal);
  r->order = g_ptr_array_new_with_free_func (textbound_free);
  r->links = g_ptr_array_new_with_free_func (link_free);
  r->extras = g_ptr_array_new_with_free_func (extra_free);
  r->skipped = skipped ? g_hash_table_ref (skipped)
                       : g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r->own_skipped = skipped == NULL;
  r->made = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r->annotations = g_ptr_array_new_with_free_func (g_object_unref);
}

/* The title and metadata the plain-text importer reads from the head of
 * the same text (headline, section, dateline). */
static void
read_head (MgDocument *doc,
           const char *text,
           const char *text_name)
{
  g_autoptr(GPtrArray) docs = mg_import_text (text, strlen (text), text_name, NULL, NULL);
  MgDocument *plain;

  if (docs == NULL || docs->len == 0)
    return;
  plain = docs->pdata[0];
  if (mg_document_get_title (plain) != NULL)
    mg_document_set_title (doc, mg_document_get_title (plain));
  if (mg_document_get_meta (plain) != NULL)
    mg_document_set_meta (doc, mg_document_get_meta (plain));
}

static MgDocument *
make_document (Reader     *r,
               const char *text,
               const char *text_name,
               const char *ann_name)
{
  g_autoptr(MgDocument) doc = mg_document_new ("document", text, -1);
  g_autoptr(JsonObject) source = json_object_new ();
  g_autofree char *id = _mg_import_id_from_name (ann_name ? ann_name : text_name);
  g_autofree char *now = mg_timestamp_now ();
  MgAnnotationStore *store = mg_document_get_store (doc);

  mg_document_set_id (doc, id);
  read_head (doc, text, text_name);
  mg_document_set_source_path (doc, text_name);
  mg_document_set_media_type (doc, "text/plain");
  if (ann_name != NULL)
    {
      json_object_set_string_member (source, "annotations", ann_name);
      mg_document_set_source_extra (doc, source);
    }
  for (guint i = 0; i < r->annotations->len; i++)
    {
      mg_annotation_set_created (r->annotations->pdata[i], now);
      mg_annotation_set_modified (r->annotations->pdata[i], now);
    }
  if (!mg_annotation_store_add_all (store, r->annotations, &r->error))
    return NULL;
  add_relations (r, store);
  return r->error ? NULL : g_steal_pointer (&doc);
}

static gboolean
check_utf8 (const char  *data,
            gsize        n_bytes,
            const char  *name,
            GError     **error)
{
  const char *bad;

  if (g_utf8_validate_len (data, n_bytes, &bad))
    return TRUE;
  g_set_error (error, MG_ERROR, MG_ERROR_UNSUPPORTED,
               _("%s: not UTF-8 (byte %lu), which brat requires"),
               name, (unsigned long)(bad - data));
  return FALSE;
}

/**
 * mg_import_brat_data:
 * @text: the bytes of a brat document's .txt
 * @text_bytes: their length
 * @text_name: its name, for source.path and messages
 * @ann: (nullable): the bytes of its .ann, or %NULL for a text with none
 * @ann_bytes: their length
 * @ann_name: (nullable): the .ann's name, for the document id, messages and
 *   source.annotations
 * @map: the types to labels map
 * @labels: the dataset's labels: mapped labels must be in it, and the map
 *   may add new ones
 * @flags: whether a line that cannot be read fails the import
 * @warnings: (nullable) (element-type utf8): where to add "NAME:LINE: …"
 *   warnings
 * @error: return location for an error
 *
 * Reads one brat document by brat's own rules (see the top of this file):
 * each span is checked against the text, converted to the stored text's
 * code points, labelled through @map; relations come from "R" and "E"
 * lines, notes from "#" lines, attributes from "A" and "M" lines.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
MgDocument *
mg_import_brat_data (const char         *text,
                     gsize               text_bytes,
                     const char         *text_name,
                     const char         *ann,
                     gsize               ann_bytes,
                     const char         *ann_name,
                     MgBratMap          *map,
                     MgLabelSet         *labels,
                     MgBratImportFlags   flags,
                     GPtrArray          *warnings,
                     GError            **error)
{
  g_return_val_if_fail (text != NULL || text_bytes == 0, NULL);
  g_return_val_if_fail (text_name != NULL, NULL);
  g_return_val_if_fail (ann != NULL || ann_bytes == 0, NULL);
  g_return_val_if_fail (map != NULL, NULL);
  g_return_val_if_fail (MG_IS_LABEL_SET (labels), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _mg_import_brat_data (text, text_bytes, text_name, ann, ann_bytes, ann_name,
                               map, labels, flags, NULL, warnings, error);
}

/* As mg_import_brat_data(); a collection passes @skipped to count the
 * types left out once for all its files. */
MgDocument *
_mg_import_brat_data (const char         *text,
                      gsize               text_bytes,
                      const char         *text_name,
                      const char         *ann,
                      gsize               ann_bytes,
                      const char         *ann_name,
                      MgBratMap          *map,
                      MgLabelSet         *labels,
                      MgBratImportFlags   flags,
                      GHashTable         *skipped,
                      GPtrArray          *warnings,
                      GError            **error)
{
  g_autofree char *stored = NULL;
  MgDocument *doc = NULL;
  Reader r;

  if (!check_utf8 (text ? text : "", text_bytes, text_name, error) ||
      !check_utf8 (ann ? ann : "", ann_bytes, ann_name ? ann_name : text_name, error))
    return NULL;

  reader_init (&r, ann_name ? ann_name : text_name, skipped);
  r.map = map;
  r.labels = labels;
  r.strict = (flags & MG_BRAT_IMPORT_STRICT) != 0;
  r.warnings = warnings;
  r.original = mg_text_index_new (text ? text : "", text_bytes);
  stored = normalise_text (text ? text : "", text_bytes, &r.offset_map);

  if (ann != NULL)
    parse_ann (&r, ann, ann_bytes);
  for (guint i = 0; i < r.order->len && r.error == NULL; i++)
    make_annotations (&r, r.order->pdata[i]);
  for (guint i = 0; i < r.extras->len && r.error == NULL; i++)
    apply_extra (&r, r.extras->pdata[i]);
  if (r.error == NULL)
    doc = make_document (&r, stored, text_name, ann_name);
  if (r.error != NULL)
    {
      g_clear_object (&doc);
      g_propagate_error (error, g_steal_pointer (&r.error));
    }
  else if (r.own_skipped)
    _mg_import_brat_report_skipped (r.skipped, r.ann_name, r.warnings);
  reader_clear (&r);
  return doc;
}
