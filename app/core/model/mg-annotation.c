/* mg-annotation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-annotation"

#include "config.h"

#include <string.h>

#include "mg-annotation-private.h"

/* The label, note and timestamps are interned reference-counted strings
 * (GRefString): a dataset has a few labels, mostly empty notes and many
 * annotations made in the same second, and one copy of each serves every
 * annotation, which saves a block of memory per field and a malloc per
 * field when a dataset loads. The id and text are the annotation's own. */
G_DEFINE_FINAL_TYPE (MgAnnotation, mg_annotation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  PROP_START,
  PROP_END,
  PROP_TEXT,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mg_annotation_finalize (GObject *object)
{
  MgAnnotation *self = (MgAnnotation *)object;

  g_free (self->id);
  g_clear_pointer (&self->label, g_ref_string_release);
  g_free (self->text);
  g_clear_pointer (&self->note, g_ref_string_release);
  g_clear_pointer (&self->created, g_ref_string_release);
  g_clear_pointer (&self->modified, g_ref_string_release);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (mg_annotation_parent_class)->finalize (object);
}

static void
mg_annotation_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  MgAnnotation *self = MG_ANNOTATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_START:
      g_value_set_uint (value, self->start);
      break;
    case PROP_END:
      g_value_set_uint (value, self->end);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mg_annotation_class_init (MgAnnotationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = mg_annotation_finalize;
  object_class->get_property = mg_annotation_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);
  properties[PROP_START] = g_param_spec_uint ("start", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_END] = g_param_spec_uint ("end", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mg_annotation_init (MgAnnotation *self)
{
}

/**
 * mg_annotation_new:
 * @id: (nullable): a stable id, unique in its document, or %NULL to have
 *   the store give one when the annotation is added
 * @label: the id of a label
 * @start: first code point, counted from 0
 * @end: the code point after the last, so that `text[start:end]` is the span
 *
 * Returns: (transfer full): a new annotation with an empty note
 */
MgAnnotation *
mg_annotation_new (const char *id,
                   const char *label,
                   guint       start,
                   guint       end)
{
  MgAnnotation *self;

  g_return_val_if_fail (label != NULL, NULL);
  g_return_val_if_fail (start <= end, NULL);

  self = g_object_new (MG_TYPE_ANNOTATION, NULL);
  self->id = g_strdup (id);
  self->label = g_ref_string_new_intern (label);
  self->start = start;
  self->end = end;
  self->note = g_ref_string_new_intern ("");
  self->text = g_strdup ("");

  return self;
}

/**
 * mg_annotation_copy:
 *
 * Returns: (transfer full): a new annotation equal to @self, outside any store
 */
MgAnnotation *
mg_annotation_copy (MgAnnotation *self)
{
  MgAnnotation *copy;

  g_return_val_if_fail (MG_IS_ANNOTATION (self), NULL);

  copy = mg_annotation_new (self->id, self->label, self->start, self->end);
  mg_annotation_set_text (copy, self->text);
  mg_annotation_set_note (copy, self->note);
  mg_annotation_set_created (copy, self->created);
  mg_annotation_set_modified (copy, self->modified);
  mg_annotation_set_extra (copy, self->extra);

  return copy;
}

const char *
mg_annotation_get_id (MgAnnotation *self)
{
  g_return_val_if_fail (MG_IS_ANNOTATION (self), NULL);
  return self->id;
}

const char *
mg_annotation_get_label (MgAnnotation *self)
{
  g_return_val_if_fail (MG_IS_ANNOTATION (self), NULL);
  return self->label;
}

guint
mg_annotation_get_start (MgAnnotation *self)
{
  g_return_val_if_fail (MG_IS_ANNOTATION (self), 0);
  return self->start;
}

guint
mg_annotation_get_end (MgAnnotation *self)
{
  g_return_val_if_fail (MG_IS_ANNOTATION (self), 0);
  return self->end;
}

/**
 * mg_annotation_get_text:
 *
 * Returns: the annotated text, `text[start:end]` of its document
 */
const char *
mg_annotation_get_text (MgAnnotation *self)
{
  g_return_val_if_fail (MG_IS_ANNOTATION (self), NULL);
  return self->text;
}

const char *
mg_annotation_get_note (MgAnnotation *self)
{
  g_return_val_if_fail (MG_IS_ANNOTATION (self), NULL);
  return self->note;
}

/**
 * mg_annotation_get_created:
 *
 * Returns: (nullable): when the annotation was made, ISO 8601 in UTC
 */
const char *
mg_annotation_get_created (MgAnnotation *self)
{
  g_return_val_if_fail (MG_IS_ANNOTATION (self), NULL);
  return self->created;
}

const char *
mg_annotation_get_modified (MgAnnotation *self)
{
  g_return_val_if_fail (MG_IS_ANNOTATION (self), NULL);
  return self->modified;
}

/**
 * mg_annotation_get_extra:
 *
 * Returns: (transfer none) (nullable): members this build does not know
 */
JsonObject *
mg_annotation_get_extra (MgAnnotation *self)
{
  g_return_val_if_fail (MG_IS_ANNOTATION (self), NULL);
  return self->extra;
}

/**
 * mg_annotation_overlaps:
 *
 * Returns: whether the span shares at least one code point with [@start, @end)
 */
gboolean
mg_annotation_overlaps (MgAnnotation *self,
                        guint         start,
                        guint         end)
{
  g_return_val_if_fail (MG_IS_ANNOTATION (self), FALSE);
  /* An empty range has no code point to share, wherever it sits. */
  return start < end && self->start < end && start < self->end;
}

/**
 * mg_annotation_compare:
 *
 * The order of the format: by start, end, label, then id.
 *
 * Returns: negative, zero or positive, as strcmp()
 */
int
mg_annotation_compare (MgAnnotation *a,
                       MgAnnotation *b)
{
  int r;

  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->end != b->end)
    return a->end < b->end ? -1 : 1;
  if ((r = g_strcmp0 (a->label, b->label)) != 0)
    return r;
  return g_strcmp0 (a->id, b->id);
}

static void
replace_string (MgAnnotation *self,
                char        **field,
                const char   *value,
                guint         prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  if (prop_id != PROP_0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* As replace_string(), for the interned fields. */
static void
replace_interned (MgAnnotation *self,
                  char        **field,
                  const char   *value,
                  guint         prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_clear_pointer (field, g_ref_string_release);
  *field = value ? g_ref_string_new_intern (value) : NULL;
  if (prop_id != PROP_0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

void
mg_annotation_set_id (MgAnnotation *self,
                      const char   *id)
{
  g_return_if_fail (MG_IS_ANNOTATION (self));
  replace_string (self, &self->id, id, PROP_ID);
}

void
mg_annotation_set_text (MgAnnotation *self,
                        const char   *text)
{
  g_return_if_fail (MG_IS_ANNOTATION (self));
  replace_string (self, &self->text, text ? text : "", PROP_TEXT);
}

void
mg_annotation_set_note (MgAnnotation *self,
                        const char   *note)
{
  g_return_if_fail (MG_IS_ANNOTATION (self));
  replace_interned (self, &self->note, note ? note : "", PROP_NOTE);
}

void
mg_annotation_set_created (MgAnnotation *self,
                           const char   *created)
{
  g_return_if_fail (MG_IS_ANNOTATION (self));
  replace_interned (self, &self->created, created, PROP_0);
}

void
mg_annotation_set_modified (MgAnnotation *self,
                            const char   *modified)
{
  g_return_if_fail (MG_IS_ANNOTATION (self));
  replace_interned (self, &self->modified, modified, PROP_0);
}

void
mg_annotation_set_extra (MgAnnotation *self,
                         JsonObject   *extra)
{
  g_return_if_fail (MG_IS_ANNOTATION (self));

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}

void
_mg_annotation_set_label (MgAnnotation *self,
                          const char   *label)
{
  replace_interned (self, &self->label, label, PROP_LABEL);
}

void
_mg_annotation_set_range (MgAnnotation *self,
                          guint         start,
                          guint         end,
                          const char   *text)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (self->start != start)
    {
      self->start = start;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
    }
  if (self->end != end)
    {
      self->end = end;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
    }
  mg_annotation_set_text (self, text);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * mg_timestamp_now:
 *
 * Returns: (transfer full): the current time as "YYYY-MM-DDTHH:MM:SSZ"
 */
char *
mg_timestamp_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/**
 * mg_annotation_span_hash:
 * @annotation: (type MgAnnotation): an annotation
 *
 * A #GHashFunc over label, start and end, with mg_annotation_span_equal():
 * the annotations a table so keyed holds once are twins, which the format
 * calls duplicates.
 */
guint
mg_annotation_span_hash (gconstpointer annotation)
{
  MgAnnotation *a = (MgAnnotation *)annotation;

  return (mg_annotation_get_start (a) * 2654435761u) ^ (mg_annotation_get_end (a) * 40503u) ^
         g_str_hash (mg_annotation_get_label (a));
}

/**
 * mg_annotation_span_equal:
 *
 * Whether two annotations have one label, start and end.
 */
gboolean
mg_annotation_span_equal (gconstpointer a,
                          gconstpointer b)
{
  MgAnnotation *x = (MgAnnotation *)a, *y = (MgAnnotation *)b;

  return mg_annotation_get_start (x) == mg_annotation_get_start (y) &&
         mg_annotation_get_end (x) == mg_annotation_get_end (y) &&
         g_strcmp0 (mg_annotation_get_label (x), mg_annotation_get_label (y)) == 0;
}
