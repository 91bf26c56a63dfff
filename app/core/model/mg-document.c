/* mg-document.c
 *
 * A document's text never changes once made: every offset of every
 * annotation, here and in exported datasets, refers to it, and its SHA-256
 * is how two datasets recognise the same article.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-document"

#include "config.h"

#include <string.h>

#include "mg-annotation-store-private.h"
#include "mg-document.h"
#include "mg-label-set.h"

struct _MgDocument
{
  GObject parent_instance;

  char              *id;
  char              *title;
  char              *text;
  gsize              n_bytes;
  char              *sha256;
  MgTextIndex       *index;
  MgAnnotationStore *store;
  char              *source_path;
  char              *media_type;
  JsonObject        *source_extra;
  JsonObject        *meta;
  JsonObject        *extra;
};

G_DEFINE_FINAL_TYPE (MgDocument, mg_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_EXTRA,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mg_document_dispose (GObject *object)
{
  MgDocument *self = (MgDocument *)object;

  /* The store borrows the text index: let it go first. */
  g_clear_object (&self->store);

  G_OBJECT_CLASS (mg_document_parent_class)->dispose (object);
}

static void
mg_document_finalize (GObject *object)
{
  MgDocument *self = (MgDocument *)object;

  g_free (self->id);
  g_free (self->title);
  g_clear_pointer (&self->index, mg_text_index_free);
  g_free (self->text);
  g_free (self->sha256);
  g_free (self->source_path);
  g_free (self->media_type);
  g_clear_pointer (&self->source_extra, json_object_unref);
  g_clear_pointer (&self->meta, json_object_unref);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (mg_document_parent_class)->finalize (object);
}

static void
mg_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  MgDocument *self = MG_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_EXTRA:
      g_value_set_boxed (value, self->extra);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mg_document_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  MgDocument *self = MG_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      mg_document_set_id (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      mg_document_set_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mg_document_class_init (MgDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = mg_document_dispose;
  object_class->finalize = mg_document_finalize;
  object_class->get_property = mg_document_get_property;
  object_class->set_property = mg_document_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  /* Notified when the unknown members are replaced (a status set, a
   * conflict settled), for the views that show them. */
  properties[PROP_EXTRA] =
    g_param_spec_boxed ("extra", NULL, NULL, JSON_TYPE_OBJECT,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mg_document_init (MgDocument *self)
{
}

/* Most documents of a batch import have no metadata: until a value is
 * set, they share one empty object, sealed so nobody changes it. */
static JsonObject *
empty_meta (void)
{
  static JsonObject *empty = NULL;

  if (g_once_init_enter (&empty))
    {
      JsonObject *object = json_object_new ();

      json_object_seal (object);
      g_once_init_leave (&empty, object);
    }
  return empty;
}

/* The metadata as an object of the document's own, to change. */
static JsonObject *
own_meta (MgDocument *self)
{
  JsonObject *meta;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (self->meta != NULL && !json_object_is_immutable (self->meta))
    return self->meta;
  meta = json_object_new ();
  if (self->meta != NULL)
    {
      json_object_iter_init_ordered (&iter, self->meta);
      while (json_object_iter_next_ordered (&iter, &name, &node))
        json_object_set_member (meta, name, json_node_copy (node));
      json_object_unref (self->meta);
    }
  self->meta = meta;
  return meta;
}

/**
 * mg_document_new:
 * @id: an id unique in its dataset
 * @text: the article as valid UTF-8 with "\n" line ends
 * @n_bytes: length of @text in bytes, or -1 when nul-terminated
 *
 * Returns: (transfer full): a new document with no annotations
 */
MgDocument *
mg_document_new (const char *id,
                 const char *text,
                 gssize      n_bytes)
{
  MgDocument *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (n_bytes < 0)
    n_bytes = strlen (text);
  g_return_val_if_fail (g_utf8_validate (text, n_bytes, NULL), NULL);

  self = g_object_new (MG_TYPE_DOCUMENT, "id", id, NULL);
  self->text = g_strndup (text, n_bytes);
  self->n_bytes = n_bytes;
  self->sha256 = mg_sha256_hex (self->text, self->n_bytes);
  self->index = mg_text_index_new (self->text, self->n_bytes);
  self->store = _mg_annotation_store_new (self->index);

  return self;
}

const char *
mg_document_get_id (MgDocument *self)
{
  g_return_val_if_fail (MG_IS_DOCUMENT (self), NULL);
  return self->id;
}

void
mg_document_set_id (MgDocument *self,
                    const char *id)
{
  g_return_if_fail (MG_IS_DOCUMENT (self));

  if (g_strcmp0 (self->id, id) == 0)
    return;
  g_free (self->id);
  self->id = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
mg_document_get_title (MgDocument *self)
{
  g_return_val_if_fail (MG_IS_DOCUMENT (self), NULL);
  return self->title ? self->title : "";
}

void
mg_document_set_title (MgDocument *self,
                       const char *title)
{
  g_return_if_fail (MG_IS_DOCUMENT (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
mg_document_get_text (MgDocument *self)
{
  g_return_val_if_fail (MG_IS_DOCUMENT (self), NULL);
  return self->text;
}

gsize
mg_document_get_text_bytes (MgDocument *self)
{
  g_return_val_if_fail (MG_IS_DOCUMENT (self), 0);
  return self->n_bytes;
}

/**
 * mg_document_get_length:
 *
 * Returns: the length of the text in code points, Python's len(text)
 */
guint
mg_document_get_length (MgDocument *self)
{
  g_return_val_if_fail (MG_IS_DOCUMENT (self), 0);
  return mg_text_index_get_length (self->index);
}

const char *
mg_document_get_text_sha256 (MgDocument *self)
{
  g_return_val_if_fail (MG_IS_DOCUMENT (self), NULL);
  return self->sha256;
}

/**
 * mg_document_get_text_index:
 *
 * Returns: (transfer none): the code-point index over the text
 */
MgTextIndex *
mg_document_get_text_index (MgDocument *self)
{
  g_return_val_if_fail (MG_IS_DOCUMENT (self), NULL);
  return self->index;
}

/**
 * mg_document_substring:
 *
 * Returns: (transfer full): `text[start:end]`
 */
char *
mg_document_substring (MgDocument *self,
                       guint       start,
                       guint       end)
{
  g_return_val_if_fail (MG_IS_DOCUMENT (self), NULL);
  return mg_text_index_substring (self->index, start, end);
}

/**
 * mg_document_get_store:
 *
 * Returns: (transfer none): the document's annotations and relations
 */
MgAnnotationStore *
mg_document_get_store (MgDocument *self)
{
  g_return_val_if_fail (MG_IS_DOCUMENT (self), NULL);
  return self->store;
}

/**
 * mg_document_count_labels:
 * @labels: the labels, in their order
 * @counts: (array): one slot per label of @labels, added to
 * @n_other: (optional) (inout): added to: the annotations whose label
 *   @labels does not have
 *
 * Counts the annotations of the document by label, adding to what @counts
 * holds so that a dataset is counted document by document. An annotation
 * whose label is not in @labels (which a valid dataset never has, but a
 * label set from elsewhere may lack) is counted in @n_other and in the
 * total, never dropped: the counts of a report must add up to the
 * annotations there are.
 *
 * Returns: the annotations of the document, all of them
 */
guint
mg_document_count_labels (MgDocument *self,
                          MgLabelSet *labels,
                          guint      *counts,
                          guint      *n_other)
{
  guint n;

  g_return_val_if_fail (MG_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (MG_IS_LABEL_SET (labels), 0);
  g_return_val_if_fail (counts != NULL || mg_label_set_get_n_labels (labels) == 0, 0);

  n = mg_annotation_store_get_n_annotations (self->store);
  for (guint i = 0; i < n; i++)
    {
      MgAnnotation *a = mg_annotation_store_get_annotation (self->store, i);
      int position = mg_label_set_index_of (labels, mg_annotation_get_label (a));

      if (position >= 0)
        counts[position]++;
      else if (n_other != NULL)
        (*n_other)++;
    }
  return n;
}

const char *
mg_document_get_source_path (MgDocument *self)
{
  g_return_val_if_fail (MG_IS_DOCUMENT (self), NULL);
  return self->source_path;
}

void
mg_document_set_source_path (MgDocument *self,
                             const char *path)
{
  g_return_if_fail (MG_IS_DOCUMENT (self));
  g_free (self->source_path);
  self->source_path = g_strdup (path);
}

const char *
mg_document_get_media_type (MgDocument *self)
{
  g_return_val_if_fail (MG_IS_DOCUMENT (self), NULL);
  return self->media_type;
}

void
mg_document_set_media_type (MgDocument *self,
                            const char *media_type)
{
  g_return_if_fail (MG_IS_DOCUMENT (self));
  g_free (self->media_type);
  self->media_type = g_strdup (media_type);
}

/**
 * mg_document_get_source_extra:
 *
 * Returns: (transfer none) (nullable): members of "source" besides path
 *   and media_type
 */
JsonObject *
mg_document_get_source_extra (MgDocument *self)
{
  g_return_val_if_fail (MG_IS_DOCUMENT (self), NULL);
  return self->source_extra;
}

void
mg_document_set_source_extra (MgDocument *self,
                              JsonObject *extra)
{
  g_return_if_fail (MG_IS_DOCUMENT (self));

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->source_extra, json_object_unref);
  self->source_extra = extra;
}

/**
 * mg_document_get_meta:
 *
 * Returns: (transfer none): the document's metadata, such as author,
 *   published, section, dateline, url; never %NULL
 */
JsonObject *
mg_document_get_meta (MgDocument *self)
{
  g_return_val_if_fail (MG_IS_DOCUMENT (self), NULL);
  return self->meta != NULL ? self->meta : empty_meta ();
}

void
mg_document_set_meta (MgDocument *self,
                      JsonObject *meta)
{
  g_return_if_fail (MG_IS_DOCUMENT (self));
  g_return_if_fail (meta != NULL);

  json_object_ref (meta);
  g_clear_pointer (&self->meta, json_object_unref);
  self->meta = meta;
}

/**
 * mg_document_get_meta_string:
 *
 * Returns: (nullable): the metadata value @key when it is a string
 */
const char *
mg_document_get_meta_string (MgDocument *self,
                             const char *key)
{
  JsonNode *node;

  g_return_val_if_fail (MG_IS_DOCUMENT (self), NULL);

  if (self->meta == NULL)
    return NULL;
  node = json_object_get_member (self->meta, key);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/**
 * mg_document_set_meta_string:
 * @value: (nullable): the value, or %NULL to remove @key
 */
void
mg_document_set_meta_string (MgDocument *self,
                             const char *key,
                             const char *value)
{
  g_return_if_fail (MG_IS_DOCUMENT (self));
  g_return_if_fail (key != NULL);

  if (value == NULL && self->meta == NULL)
    return;
  if (value == NULL)
    json_object_remove_member (own_meta (self), key);
  else
    json_object_set_string_member (own_meta (self), key, value);
}

JsonObject *
mg_document_get_extra (MgDocument *self)
{
  g_return_val_if_fail (MG_IS_DOCUMENT (self), NULL);
  return self->extra;
}

void
mg_document_set_extra (MgDocument *self,
                       JsonObject *extra)
{
  g_return_if_fail (MG_IS_DOCUMENT (self));

  if (extra == self->extra)
    return;
  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXTRA]);
}
