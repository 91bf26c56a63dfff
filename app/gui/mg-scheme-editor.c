/* mg-scheme-editor.c: the dataset's coding scheme, edited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A group for each label (its definition and examples, the codebook, and
 * its attributes), one for the relation types and one for the document
 * codes. The editor holds no scheme of its own: every change is the
 * window's win.set-scheme-member with the member's new JSON, one undo step,
 * and the groups are made again from the dataset after each step, so undo
 * and redo in the window show here. A group is remade only when what it
 * shows changed, and the row that had the focus gets it back.
 *
 * Labels are added, renamed, recoloured (the Okabe-Ito colours, told apart
 * with any colour vision, offered first), given a key, moved and removed
 * with win.set-labels, which replaces the label set as one step; removing
 * a label in use asks first, saying how many spans go with it.
 *
 * New attributes, codes and relation types are typed in one line, the
 * way a codebook writes them: "Kind: direct, indirect" is a choice,
 * "Checkable?" yes or no, "Comment" free text, "Attribution: cue > source"
 * a relation type from cues to sources.
 */

#define G_LOG_DOMAIN "mg-scheme-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mg-scheme-editor.h"
#include "mg-window-private.h"

typedef struct
{
  char                *label_id;   /* NULL for the dataset's groups */
  char                *member;     /* "relation_types", "document_codes" or NULL */
  AdwPreferencesGroup *group;
  GPtrArray           *rows;
  char                *signature;  /* what the rows show */
} Group;

struct _MgSchemeEditor
{
  AdwPreferencesWindow  parent_instance;

  MgWindow             *window;
  AdwPreferencesPage   *page;
  GPtrArray            *groups;
  MgLabelSet           *labels;   /* the labels the groups were made for */
};

G_DEFINE_FINAL_TYPE (MgSchemeEditor, mg_scheme_editor, ADW_TYPE_PREFERENCES_WINDOW)

static void
group_free (Group *group)
{
  g_free (group->label_id);
  g_free (group->member);
  g_ptr_array_unref (group->rows);
  g_free (group->signature);
  g_free (group);
}

static MgDataset *
dataset (MgSchemeEditor *self)
{
  return mg_session_get_dataset (self->window->session);
}

static JsonObject *
extra_of (MgSchemeEditor *self,
          const char     *label_id)
{
  MgLabel *label;

  if (label_id == NULL)
    return mg_dataset_get_extra (dataset (self));
  label = mg_label_set_lookup (mg_dataset_get_labels (dataset (self)), label_id);
  return label ? mg_label_get_extra (label) : NULL;
}

static JsonNode *
member_of (MgSchemeEditor *self,
           const char     *label_id,
           const char     *member)
{
  JsonObject *extra = extra_of (self, label_id);

  return extra && json_object_has_member (extra, member) ? json_object_get_member (extra, member) : NULL;
}

/* The member's elements, when it is a list. */
static JsonArray *
array_of (MgSchemeEditor *self,
          const char     *label_id,
          const char     *member)
{
  JsonNode *node = member_of (self, label_id, member);

  return node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static void
set_member (MgSchemeEditor *self,
            const char     *label_id,
            const char     *member,
            JsonNode       *value)
{
  g_autofree char *json = value ? json_to_string (value, FALSE) : g_strdup ("");

  gtk_widget_activate_action (GTK_WIDGET (self->window), "win.set-scheme-member", "(sss)",
                              label_id ?: "", member, json);
}

static void
set_array (MgSchemeEditor *self,
           const char     *label_id,
           const char     *member,
           JsonArray      *array)
{
  g_autoptr(JsonNode) node = NULL;

  if (array != NULL && json_array_get_length (array) > 0)
    node = json_node_init_array (json_node_alloc (), array);
  set_member (self, label_id, member, node);
}

static void
toast (MgSchemeEditor *self,
       const char     *message)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

static const char *
string_member (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
         ? json_node_get_string (node) : NULL;
}

static char **
strings_member (JsonObject *object,
                const char *member)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
            g_strv_builder_add (builder, json_node_get_string (element));
        }
    }
  return g_strv_builder_end (builder);
}

/* A node that takes @array: json_node_init_array() adds a reference of its
 * own. */
static JsonNode *
take_array (JsonArray *array)
{
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_node_take_array (node, array);
  return node;
}

static JsonNode *
strings_node (char **strings)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; strings[i] != NULL; i++)
    json_array_add_string_element (array, strings[i]);
  return take_array (array);
}

/* "a, b ,, c" as a, b and c */
static char **
split_list (const char *text,
            const char *separator)
{
  g_auto(GStrv) parts = g_strsplit (text, separator, -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  return g_strv_builder_end (builder);
}

/* An id from a name, unlike every id of @taken: "Speech Act" gives
 * speech-act. */
static char *
make_id (const char *name,
         JsonArray  *taken)
{
  g_autofree char *lower = g_utf8_strdown (name, -1);
  g_autoptr(GString) id = g_string_new (NULL);
  g_autofree char *unique = NULL;

  for (const char *p = lower; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (id, *p);
    else if (id->len > 0 && id->str[id->len - 1] != '-')
      g_string_append_c (id, '-');
  while (id->len > 0 && id->str[id->len - 1] == '-')
    g_string_truncate (id, id->len - 1);
  if (id->len == 0)
    g_string_append (id, "field");

  unique = g_strdup (id->str);
  for (guint n = 2;; n++)
    {
      gboolean used = FALSE;

      for (guint i = 0; taken != NULL && i < json_array_get_length (taken); i++)
        {
          JsonNode *element = json_array_get_element (taken, i);

          if (JSON_NODE_HOLDS_OBJECT (element) &&
              g_strcmp0 (string_member (json_node_get_object (element), "id"), unique) == 0)
            used = TRUE;
        }
      if (!used)
        return g_steal_pointer (&unique);
      g_free (unique);
      unique = g_strdup_printf ("%s-%u", id->str, n);
    }
}

/* A copy of @array, less its element @index, or with @replacement there. */
static JsonArray *
array_with (JsonArray *array,
            guint      index,
            JsonNode  *replacement)
{
  JsonArray *copy = json_array_new ();

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    if (i != index)
      json_array_add_element (copy, json_node_copy (json_array_get_element (array, i)));
    else if (replacement != NULL)
      json_array_add_element (copy, json_node_copy (replacement));
  return copy;
}

/* Rows */

static GtkWidget *
remove_button (const char *name)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  /* Translators: a tooltip, %s is the name of an attribute or a code */
  g_autofree char *tooltip = g_strdup_printf (_("Remove %s"), name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  return button;
}

static void
add_row (Group     *group,
         GtkWidget *row,
         const char *name)
{
  gtk_widget_set_name (row, name);
  adw_preferences_group_add (group->group, row);
  g_ptr_array_add (group->rows, row);
}

static GtkWidget *
entry_row (const char *title,
           const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), text ?: "");
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  return row;
}

/* What the row changes: kept on the row for its callback. */
typedef struct
{
  MgSchemeEditor *editor;
  Group          *group;
  char           *member;
  guint           index;
} RowTarget;

static void
row_target_free (RowTarget *target)
{
  g_free (target->member);
  g_free (target);
}

static RowTarget *
target_on (GObject        *row,
           MgSchemeEditor *self,
           Group          *group,
           const char     *member,
           guint           index)
{
  RowTarget *target = g_new0 (RowTarget, 1);

  target->editor = self;
  target->group = group;
  target->member = g_strdup (member);
  target->index = index;
  g_object_set_data_full (row, "target", target, (GDestroyNotify) row_target_free);
  return target;
}

static void
definition_apply_cb (AdwEntryRow *row,
                     RowTarget   *target)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (*stripped != '\0')
    {
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (node, stripped);
    }
  set_member (target->editor, target->group->label_id, "definition", node);
}

static void
examples_apply_cb (AdwEntryRow *row,
                   RowTarget   *target)
{
  g_auto(GStrv) examples = split_list (gtk_editable_get_text (GTK_EDITABLE (row)), "|");
  g_autoptr(JsonNode) node = examples[0] ? strings_node (examples) : NULL;

  set_member (target->editor, target->group->label_id, "examples", node);
}

static void
remove_clicked_cb (GtkButton *button,
                   RowTarget *target)
{
  JsonArray *array = array_of (target->editor, target->group->label_id, target->member);
  g_autoptr(JsonArray) less = array_with (array, target->index, NULL);

  set_array (target->editor, target->group->label_id, target->member, less);
}

/* New values of a choice, in place of the old. */
static void
values_apply_cb (AdwEntryRow *row,
                 RowTarget   *target)
{
  JsonArray *array = array_of (target->editor, target->group->label_id, target->member);
  g_auto(GStrv) values = split_list (gtk_editable_get_text (GTK_EDITABLE (row)), ",");
  g_autoptr(JsonNode) element = NULL;
  g_autoptr(JsonArray) changed = NULL;
  JsonObject *old, *object;
  g_autoptr(GList) members = NULL;

  if (array == NULL || target->index >= json_array_get_length (array))
    return;
  if (values[0] == NULL)
    {
      toast (target->editor, _("A choice needs at least one value"));
      return;
    }
  /* A copy of its own: a copied node shares its object, which is the
   * dataset's, and the history must see the change as a change. */
  old = json_array_get_object_element (array, target->index);
  object = json_object_new ();
  members = json_object_get_members (old);
  for (GList *l = members; l != NULL; l = l->next)
    json_object_set_member (object, l->data, json_node_copy (json_object_get_member (old, l->data)));
  element = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  json_object_set_member (object, "values", strings_node (values));
  changed = array_with (array, target->index, element);
  set_array (target->editor, target->group->label_id, target->member, changed);
}

/* Whether @values, what follows the colon, says yes or no rather than
 * listing a choice's values: "yes/no" or "yes or no" (in English or in
 * the interface's language). */
static gboolean
says_yes_or_no (char **values)
{
  /* Translators: typed after an attribute's name ("Checkable: yes/no") to
   * make it a yes or no attribute; keep it lower case */
  const char *localised = _("yes/no");
  g_autofree char *folded = NULL;

  if (values[0] == NULL || values[1] != NULL)
    return FALSE;
  folded = g_utf8_casefold (values[0], -1);
  return g_str_equal (folded, "yes/no") || g_str_equal (folded, "yes or no") ||
         g_str_equal (folded, localised);
}

/* "Name: a, b" a choice, "Name?" or "Name: yes/no" yes or no, "Name"
 * free text. */
static void
add_field_apply_cb (AdwEntryRow *row,
                    RowTarget   *target)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  JsonArray *array = array_of (target->editor, target->group->label_id, target->member);
  g_auto(GStrv) parts = g_strsplit (text, ":", 2);
  g_autofree char *name = g_strstrip (g_strdup (parts[0] ?: ""));
  g_auto(GStrv) values = parts[0] && parts[1] ? split_list (parts[1], ",") : g_new0 (char *, 1);
  g_autoptr(JsonArray) more = array_with (array, G_MAXUINT, NULL);
  JsonObject *field = json_object_new ();
  g_autofree char *id = NULL;
  const char *type = values[0] ? "choice" : "text";
  gsize length = strlen (name);

  /* A question is answered yes or no, as a codebook asks "Checkable?". */
  if (values[0] == NULL && length > 0 && name[length - 1] == '?')
    {
      name[length - 1] = '\0';
      g_strchomp (name);
      type = "boolean";
    }
  else if (says_yes_or_no (values))
    type = "boolean";
  if (*name == '\0')
    {
      json_object_unref (field);
      return;
    }
  id = make_id (name, array);
  json_object_set_string_member (field, "id", id);
  json_object_set_string_member (field, "name", name);
  json_object_set_string_member (field, "type", type);
  if (g_str_equal (type, "choice"))
    json_object_set_member (field, "values", strings_node (values));
  json_array_add_object_element (more, field);
  set_array (target->editor, target->group->label_id, target->member, more);
}

/* Rows for each attribute or code of @member, and one to add another. */
static void
add_field_rows (MgSchemeEditor *self,
                Group          *group,
                const char     *member,
                const char     *add_title)
{
  JsonArray *array = array_of (self, group->label_id, member);
  GtkWidget *add;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *object;
      const char *id, *name, *type;
      g_auto(GStrv) values = NULL;
      g_autofree char *row_name = NULL;
      GtkWidget *row, *remove;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      object = json_node_get_object (element);
      id = string_member (object, "id") ?: "";
      name = string_member (object, "name") ?: id;
      values = strings_member (object, "values");
      type = string_member (object, "type") ?: (values[0] ? "choice" : "text");
      row_name = g_strdup_printf ("%s:%s", member, id);

      if (g_str_equal (type, "choice"))
        {
          g_autofree char *joined = g_strjoinv (", ", values);
          /* Translators: the title of an attribute's values, %s its name */
          g_autofree char *title = g_strdup_printf (_("%s: a choice of"), name);

          row = entry_row (title, joined);
          g_signal_connect (row, "apply", G_CALLBACK (values_apply_cb),
                            target_on (G_OBJECT (row), self, group, member, i));
        }
      else
        {
          row = adw_action_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
          adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                       g_str_equal (type, "boolean") ? _("Yes or no") : _("Free text"));
          target_on (G_OBJECT (row), self, group, member, i);
        }
      remove = remove_button (name);
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb),
                        g_object_get_data (G_OBJECT (row), "target"));
      if (ADW_IS_ENTRY_ROW (row))
        adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
      else
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      add_row (group, row, row_name);
    }

  add = entry_row (add_title, NULL);
  g_signal_connect (add, "apply", G_CALLBACK (add_field_apply_cb),
                    target_on (G_OBJECT (add), self, group, member, G_MAXUINT));
  add_row (group, add, member);
}

/* Relation types */

/* The labels @names stands for, by id or name; NULL when one is unknown. */
static JsonNode *
labels_node (MgSchemeEditor *self,
             char          **names)
{
  MgLabelSet *labels = mg_dataset_get_labels (dataset (self));
  JsonArray *array = json_array_new ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      MgLabel *found = mg_label_set_lookup (labels, names[i]);

      for (guint j = 0; found == NULL && j < mg_label_set_get_n_labels (labels); j++)
        {
          MgLabel *label = mg_label_set_get_label (labels, j);

          if (g_utf8_collate (mg_label_get_name (label), names[i]) == 0 ||
              g_ascii_strcasecmp (mg_label_get_name (label), names[i]) == 0)
            found = label;
        }
      if (found == NULL)
        {
          json_array_unref (array);
          return NULL;
        }
      json_array_add_string_element (array, mg_label_get_id (found));
    }
  return take_array (array);
}

/* The ids of @ids that are labels of the dataset, or NULL when none is:
 * the built-in type names quote, claim and actor, which a team's own
 * labels may lack, and a listed type naming a label that is not there
 * would make the dataset invalid. */
static JsonNode *
labels_present (MgSchemeEditor *self,
                char          **ids)
{
  MgLabelSet *labels = mg_dataset_get_labels (dataset (self));
  JsonArray *array = json_array_new ();

  for (guint i = 0; ids[i] != NULL; i++)
    if (mg_label_set_lookup (labels, ids[i]) != NULL)
      json_array_add_string_element (array, ids[i]);
  if (json_array_get_length (array) == 0)
    {
      json_array_unref (array);
      return NULL;
    }
  return take_array (array);
}

/* The relation types as the dataset lists them, or the built-in one when
 * it lists none, so adding a type keeps the one in use (between the
 * labels of the dataset it may link, and only when it may link some). */
static JsonArray *
relation_types (MgSchemeEditor *self)
{
  JsonArray *array = array_of (self, NULL, "relation_types");
  MgScheme *scheme = _mg_window_get_scheme (self->window);
  GPtrArray *types;
  JsonArray *built;

  if (array != NULL || scheme == NULL)
    return array ? json_array_ref (array) : json_array_new ();

  types = mg_scheme_get_relation_types (scheme);
  built = json_array_new ();
  for (guint i = 0; i < types->len; i++)
    {
      const MgRelationType *type = g_ptr_array_index (types, i);
      JsonNode *from = type->from[0] ? labels_present (self, type->from) : strings_node (type->from);
      JsonNode *to = type->to[0] ? labels_present (self, type->to) : strings_node (type->to);
      JsonObject *object;

      if (from == NULL || to == NULL)
        {
          g_clear_pointer (&from, json_node_unref);
          g_clear_pointer (&to, json_node_unref);
          continue;
        }
      object = json_object_new ();
      json_object_set_string_member (object, "id", type->id);
      json_object_set_string_member (object, "name", type->name);
      json_object_set_member (object, "from", from);
      json_object_set_member (object, "to", to);
      json_array_add_object_element (built, object);
    }
  return built;
}

static void
remove_relation_cb (GtkButton *button,
                    RowTarget *target)
{
  g_autoptr(JsonArray) types = relation_types (target->editor);
  g_autoptr(JsonArray) less = array_with (types, target->index, NULL);

  set_array (target->editor, NULL, "relation_types", less);
}

/* Reads "Name: from, from > to, to" (labels by name or id) into a type
 * with @id, or a new id; NULL, with a toast, when a label is unknown. */
static JsonObject *
parse_relation (MgSchemeEditor *self,
                const char     *text,
                const char     *id,
                JsonArray      *types)
{
  g_auto(GStrv) parts = g_strsplit (text, ":", 2);
  g_autofree char *name = g_strstrip (g_strdup (parts[0] ?: ""));
  g_auto(GStrv) ends = parts[0] && parts[1] ? g_strsplit (parts[1], ">", 2) : g_new0 (char *, 1);
  g_auto(GStrv) from = ends[0] ? split_list (ends[0], ",") : g_new0 (char *, 1);
  g_auto(GStrv) to = ends[0] && ends[1] ? split_list (ends[1], ",") : g_new0 (char *, 1);
  g_autoptr(JsonNode) from_node = labels_node (self, from);
  g_autoptr(JsonNode) to_node = labels_node (self, to);
  g_autofree char *new_id = NULL;
  JsonObject *type;

  if (*name == '\0')
    return NULL;
  if (from_node == NULL || to_node == NULL)
    {
      toast (self, _("Name labels of the dataset: Name: from > to"));
      return NULL;
    }
  if (id == NULL)
    id = new_id = make_id (name, types);
  type = json_object_new ();
  json_object_set_string_member (type, "id", id);
  json_object_set_string_member (type, "name", name);
  json_object_set_member (type, "from", g_steal_pointer (&from_node));
  json_object_set_member (type, "to", g_steal_pointer (&to_node));
  return type;
}

static void
add_relation_apply_cb (AdwEntryRow *row,
                       RowTarget   *target)
{
  MgSchemeEditor *self = target->editor;
  g_autoptr(JsonArray) types = relation_types (self);
  g_autoptr(JsonArray) more = NULL;
  JsonObject *type = parse_relation (self, gtk_editable_get_text (GTK_EDITABLE (row)), NULL, types);

  if (type == NULL)
    return;
  more = array_with (types, G_MAXUINT, NULL);
  json_array_add_object_element (more, type);
  set_array (self, NULL, "relation_types", more);
}

/* Whether the list @member of @type takes @label: an empty list takes
 * any, as mg_relation_type_allows() reads it. */
static gboolean
end_takes (JsonObject *type,
           const char *member,
           const char *label)
{
  JsonNode *node = json_object_get_member (type, member);
  JsonArray *ids;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) ||
      json_array_get_length (ids = json_node_get_array (node)) == 0)
    return TRUE;
  for (guint i = 0; i < json_array_get_length (ids); i++)
    if (g_strcmp0 (json_array_get_string_element (ids, i), label) == 0)
      return TRUE;
  return FALSE;
}

/* How many links of type @id would go from or to a label @type no longer
 * takes: an edit must not make the dataset's links invalid. */
static guint
links_left_out (MgSchemeEditor *self,
                const char     *id,
                JsonObject     *type)
{
  MgDataset *data = dataset (self);
  guint n = 0;

  for (guint d = 0; d < mg_dataset_get_n_documents (data); d++)
    {
      MgAnnotationStore *store = mg_document_get_store (mg_dataset_get_document (data, d));

      for (guint r = 0; r < mg_annotation_store_get_n_relations (store); r++)
        {
          MgRelation *relation = mg_annotation_store_get_relation (store, r);
          MgAnnotation *from, *to;

          if (!g_str_equal (mg_relation_get_kind (relation), id))
            continue;
          from = mg_annotation_store_lookup (store, mg_relation_get_from (relation));
          to = mg_annotation_store_lookup (store, mg_relation_get_to (relation));
          if (from != NULL && to != NULL &&
              (!end_takes (type, "from", mg_annotation_get_label (from)) ||
               !end_takes (type, "to", mg_annotation_get_label (to))))
            n++;
        }
    }
  return n;
}

/* A type renamed, or given other labels at its ends; its id, which its
 * links name, stays. */
static void
edit_relation_apply_cb (AdwEntryRow *row,
                        RowTarget   *target)
{
  MgSchemeEditor *self = target->editor;
  g_autoptr(JsonArray) types = relation_types (self);
  g_autoptr(JsonArray) changed = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *old, *type;
  guint n;

  if (target->index >= json_array_get_length (types) ||
      !JSON_NODE_HOLDS_OBJECT (json_array_get_element (types, target->index)))
    return;
  old = json_array_get_object_element (types, target->index);
  type = parse_relation (self, gtk_editable_get_text (GTK_EDITABLE (row)),
                         string_member (old, "id"), types);
  if (type == NULL)
    return;
  node = json_node_init_object (json_node_alloc (), type);
  json_object_unref (type);
  if ((n = links_left_out (self, string_member (old, "id"), type)) > 0)
    {
      g_autofree char *message =
        g_strdup_printf (ngettext ("%u link of this type would no longer fit its labels; remove it first",
                                   "%u links of this type would no longer fit their labels; remove them first",
                                   n), n);

      toast (self, message);
      return;
    }
  changed = array_with (types, target->index, node);
  set_array (self, NULL, "relation_types", changed);
}

static char *
label_names (MgSchemeEditor *self,
             char          **ids)
{
  MgLabelSet *labels = mg_dataset_get_labels (dataset (self));
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;

  if (ids == NULL || ids[0] == NULL)
    return g_strdup (_("any label"));
  for (guint i = 0; ids[i] != NULL; i++)
    {
      MgLabel *label = mg_label_set_lookup (labels, ids[i]);

      g_strv_builder_add (names, label ? _(mg_label_get_name (label)) : ids[i]);
    }
  list = g_strv_builder_end (names);
  return g_strjoinv (", ", list);
}

static void
add_relation_rows (MgSchemeEditor *self,
                   Group          *group)
{
  MgScheme *scheme = _mg_window_get_scheme (self->window);
  GPtrArray *types = scheme ? mg_scheme_get_relation_types (scheme) : NULL;
  GtkWidget *add;

  for (guint i = 0; types != NULL && i < types->len; i++)
    {
      const MgRelationType *type = g_ptr_array_index (types, i);
      g_autofree char *from = label_names (self, type->from);
      g_autofree char *to = label_names (self, type->to);
      g_autofree char *subtitle = g_strdup_printf ("%s → %s", from, to);
      g_autofree char *row_name = g_strdup_printf ("relation_types:%s", type->id);
      /* Edited as it is added, "Name: from > to", keeping its id. */
      g_autofree char *text = g_strdup_printf ("%s: %s > %s", type->name,
                                               type->from[0] ? from : "", type->to[0] ? to : "");
      /* Translators: the title of a relation type's row, %s its name */
      g_autofree char *title = g_strdup_printf (_("%s: from > to"), type->name);
      GtkWidget *row = entry_row (title, text);
      GtkWidget *remove = remove_button (type->name);
      RowTarget *target = target_on (G_OBJECT (row), self, group, "relation_types", i);

      gtk_widget_set_tooltip_text (row, subtitle);
      g_signal_connect (row, "apply", G_CALLBACK (edit_relation_apply_cb), target);
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_relation_cb), target);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
      add_row (group, row, row_name);
    }

  add = entry_row (_("Add a relation type: Name: from > to"), NULL);
  g_signal_connect (add, "apply", G_CALLBACK (add_relation_apply_cb),
                    target_on (G_OBJECT (add), self, group, "relation_types", G_MAXUINT));
  add_row (group, add, "relation_types");
}

/* Labels */

static const struct {
  const char *color;
  const char *name;
} okabe_ito[] = {
  { "#E69F00", N_("Orange") },
  { "#56B4E9", N_("Sky Blue") },
  { "#009E73", N_("Bluish Green") },
  { "#F0E442", N_("Yellow") },
  { "#0072B2", N_("Blue") },
  { "#D55E00", N_("Vermillion") },
  { "#CC79A7", N_("Reddish Purple") },
  { "#999999", N_("Grey") },
};

/* The labels as win.set-labels takes them. */
static JsonArray *
labels_array (MgSchemeEditor *self)
{
  MgLabelSet *labels = mg_dataset_get_labels (dataset (self));
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < mg_label_set_get_n_labels (labels); i++)
    {
      MgLabel *label = mg_label_set_get_label (labels, i);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "id", mg_label_get_id (label));
      json_object_set_string_member (object, "name", mg_label_get_name (label));
      json_object_set_string_member (object, "color", mg_label_get_color (label));
      json_object_set_string_member (object, "key", mg_label_get_key (label) ?: "");
      json_array_add_object_element (array, object);
    }
  return array;
}

static void
set_labels (MgSchemeEditor *self,
            JsonArray      *array)
{
  g_autoptr(JsonNode) node = json_node_init_array (json_node_alloc (), array);
  g_autofree char *json = json_to_string (node, FALSE);

  gtk_widget_activate_action (GTK_WIDGET (self->window), "win.set-labels", "s", json);
}

static int
label_index (MgSchemeEditor *self,
             const char     *id)
{
  return mg_label_set_index_of (mg_dataset_get_labels (dataset (self)), id);
}

static JsonObject *
label_object (JsonArray *array,
              int        index)
{
  return json_array_get_object_element (array, (guint) index);
}

static void
label_name_apply_cb (AdwEntryRow *row,
                     RowTarget   *target)
{
  g_autoptr(JsonArray) array = labels_array (target->editor);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  int index = label_index (target->editor, target->group->label_id);

  if (*name == '\0' || index < 0)
    return;
  json_object_set_string_member (label_object (array, index), "name", name);
  set_labels (target->editor, array);
}

/* A key of 1 to 9 that no other label has, or none. */
static void
label_key_apply_cb (AdwEntryRow *row,
                    RowTarget   *target)
{
  MgSchemeEditor *self = target->editor;
  g_autoptr(JsonArray) array = labels_array (self);
  g_autofree char *key = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  int index = label_index (self, target->group->label_id);
  MgLabel *holder;

  if (index < 0)
    return;
  if (*key != '\0' && (strlen (key) != 1 || key[0] < '1' || key[0] > '9'))
    {
      toast (self, _("A label's key is one of 1 to 9"));
      return;
    }
  holder = *key ? mg_label_set_lookup_key (mg_dataset_get_labels (dataset (self)), key) : NULL;
  if (holder != NULL && !g_str_equal (mg_label_get_id (holder), target->group->label_id))
    {
      /* Translators: %s is a key such as 3, the second %s a label's name */
      g_autofree char *message = g_strdup_printf (_("Key %s is %s’s already"), key,
                                                  _(mg_label_get_name (holder)));
      toast (self, message);
      return;
    }
  json_object_set_string_member (label_object (array, index), "key", key);
  set_labels (self, array);
}

static void
set_label_color (RowTarget  *target,
                 const char *color)
{
  g_autoptr(JsonArray) array = labels_array (target->editor);
  int index = label_index (target->editor, target->group->label_id);

  if (index < 0)
    return;
  json_object_set_string_member (label_object (array, index), "color", color);
  set_labels (target->editor, array);
}

static void
swatch_clicked_cb (GtkButton *button,
                   RowTarget *target)
{
  set_label_color (target, g_object_get_data (G_OBJECT (button), "color"));
}

static void
color_set_cb (GtkColorButton *button,
              RowTarget      *target)
{
  GdkRGBA rgba;
  g_autofree char *color = NULL;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  color = g_strdup_printf ("#%02X%02X%02X", (int) (rgba.red * 255 + 0.5),
                           (int) (rgba.green * 255 + 0.5), (int) (rgba.blue * 255 + 0.5));
  set_label_color (target, color);
}

static void
move_clicked_cb (GtkButton *button,
                 RowTarget *target)
{
  g_autoptr(JsonArray) array = labels_array (target->editor);
  g_autoptr(JsonArray) moved = json_array_new ();
  int index = label_index (target->editor, target->group->label_id);
  int other = index + (int) target->index - 1;  /* index 0 up, 2 down */
  int n = (int) json_array_get_length (array);

  if (index < 0 || other < 0 || other >= n)
    return;
  for (int i = 0; i < n; i++)
    {
      int from = i == index ? other : i == other ? index : i;

      json_array_add_element (moved, json_node_copy (json_array_get_element (array, (guint) from)));
    }
  set_labels (target->editor, moved);
}

static guint
count_spans (MgSchemeEditor *self,
             const char     *label_id)
{
  MgDataset *data = dataset (self);
  guint n = 0;

  for (guint d = 0; d < mg_dataset_get_n_documents (data); d++)
    {
      MgAnnotationStore *store = mg_document_get_store (mg_dataset_get_document (data, d));

      for (guint i = 0; i < mg_annotation_store_get_n_annotations (store); i++)
        if (g_str_equal (mg_annotation_get_label (mg_annotation_store_get_annotation (store, i)), label_id))
          n++;
    }
  return n;
}

static void
remove_label (MgSchemeEditor *self,
              const char     *label_id)
{
  g_autoptr(JsonArray) array = labels_array (self);
  int index = label_index (self, label_id);

  if (index < 0)
    return;
  json_array_remove_element (array, (guint) index);
  set_labels (self, array);
}

static void
remove_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    MgSchemeEditor   *self)
{
  if (g_str_equal (response, "remove"))
    remove_label (self, g_object_get_data (G_OBJECT (dialog), "label"));
}

static void
remove_label_clicked_cb (GtkButton *button,
                         RowTarget *target)
{
  MgSchemeEditor *self = target->editor;
  const char *id = target->group->label_id;
  MgLabel *label = mg_label_set_lookup (mg_dataset_get_labels (dataset (self)), id);
  guint n = count_spans (self, id);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (label == NULL)
    return;
  if (n == 0)
    {
      remove_label (self, id);
      return;
    }
  /* Translators: %s is a label's name */
  heading = g_strdup_printf (_("Remove the Label “%s”?"), _(mg_label_get_name (label)));
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u span is tagged with it, and goes with it. Undo brings both back.",
                                       "%u spans are tagged with it, and go with it. Undo brings them all back.",
                                       n), n);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  gtk_widget_set_name (dialog, "remove-label");
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "label", g_strdup (id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A new label: an id from its name, the first Okabe-Ito colour and the
 * first key no label has. */
static void
add_label_apply_cb (AdwEntryRow *row,
                    RowTarget   *target)
{
  MgSchemeEditor *self = target->editor;
  MgLabelSet *labels = mg_dataset_get_labels (dataset (self));
  g_autoptr(JsonArray) array = labels_array (self);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autofree char *id = NULL;
  const char *color = okabe_ito[mg_label_set_get_n_labels (labels) % G_N_ELEMENTS (okabe_ito)].color;
  char key[2] = { 0 };
  JsonObject *object;

  if (*name == '\0')
    return;
  for (guint i = 0; i < G_N_ELEMENTS (okabe_ito); i++)
    {
      gboolean used = FALSE;

      for (guint j = 0; j < mg_label_set_get_n_labels (labels); j++)
        if (g_ascii_strcasecmp (mg_label_get_color (mg_label_set_get_label (labels, j)), okabe_ito[i].color) == 0)
          used = TRUE;
      if (!used)
        {
          color = okabe_ito[i].color;
          break;
        }
    }
  for (char k = '1'; k <= '9' && key[0] == 0; k++)
    {
      char candidate[2] = { k, 0 };

      if (mg_label_set_lookup_key (labels, candidate) == NULL)
        key[0] = k;
    }
  id = make_id (name, array);
  while (mg_label_set_lookup (labels, id) != NULL)
    {
      g_autofree char *longer = g_strconcat (id, "-2", NULL);

      g_free (id);
      id = g_steal_pointer (&longer);
    }
  object = json_object_new ();
  json_object_set_string_member (object, "id", id);
  json_object_set_string_member (object, "name", name);
  json_object_set_string_member (object, "color", color);
  json_object_set_string_member (object, "key", key);
  json_array_add_object_element (array, object);
  set_labels (self, array);
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  return button;
}

/* Name, key and colour rows, and the group's move and remove buttons. */
static void
add_label_rows (MgSchemeEditor *self,
                Group          *group)
{
  MgLabel *label = mg_label_set_lookup (mg_dataset_get_labels (dataset (self)), group->label_id);
  GtkWidget *row, *swatches, *chooser;
  GdkRGBA rgba;

  row = entry_row (_("Name"), mg_label_get_name (label));
  g_signal_connect (row, "apply", G_CALLBACK (label_name_apply_cb),
                    target_on (G_OBJECT (row), self, group, "name", 0));
  add_row (group, row, "name");
  row = entry_row (_("Key, 1 to 9"), mg_label_get_key (label));
  g_signal_connect (row, "apply", G_CALLBACK (label_key_apply_cb),
                    target_on (G_OBJECT (row), self, group, "key", 0));
  add_row (group, row, "key");

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Colour"));
  target_on (G_OBJECT (row), self, group, "color", 0);
  swatches = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_valign (swatches, GTK_ALIGN_CENTER);
  for (guint i = 0; i < G_N_ELEMENTS (okabe_ito); i++)
    {
      g_autofree char *markup = g_strdup_printf ("<span foreground=\"%s\">⬤</span>", okabe_ito[i].color);
      GtkWidget *swatch = gtk_button_new ();
      GtkWidget *dot = gtk_label_new (NULL);

      gtk_label_set_markup (GTK_LABEL (dot), markup);
      gtk_button_set_child (GTK_BUTTON (swatch), dot);
      gtk_widget_add_css_class (swatch, "flat");
      gtk_widget_add_css_class (swatch, "circular");
      gtk_widget_set_tooltip_text (swatch, _(okabe_ito[i].name));
      gtk_widget_set_name (swatch, okabe_ito[i].color);
      g_object_set_data (G_OBJECT (swatch), "color", (gpointer) okabe_ito[i].color);
      g_signal_connect (swatch, "clicked", G_CALLBACK (swatch_clicked_cb),
                        g_object_get_data (G_OBJECT (row), "target"));
      gtk_box_append (GTK_BOX (swatches), swatch);
    }
  if (!gdk_rgba_parse (&rgba, mg_label_get_color (label)))
    gdk_rgba_parse (&rgba, "#999999");
  chooser = gtk_color_button_new_with_rgba (&rgba);
  gtk_widget_set_tooltip_text (chooser, _("Any Colour"));
  gtk_widget_set_valign (chooser, GTK_ALIGN_CENTER);
  g_signal_connect (chooser, "color-set", G_CALLBACK (color_set_cb),
                    g_object_get_data (G_OBJECT (row), "target"));
  gtk_box_append (GTK_BOX (swatches), chooser);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), swatches);
  add_row (group, row, "color");
}

static GtkWidget *
label_header (MgSchemeEditor *self,
              Group          *group)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *up = icon_button ("go-up-symbolic", _("Move Up"));
  GtkWidget *down = icon_button ("go-down-symbolic", _("Move Down"));
  GtkWidget *remove = icon_button ("user-trash-symbolic", _("Remove Label"));

  gtk_widget_set_name (up, "move-up");
  gtk_widget_set_name (down, "move-down");
  gtk_widget_set_name (remove, "remove-label");
  g_signal_connect (up, "clicked", G_CALLBACK (move_clicked_cb),
                    target_on (G_OBJECT (up), self, group, "labels", 0));
  g_signal_connect (down, "clicked", G_CALLBACK (move_clicked_cb),
                    target_on (G_OBJECT (down), self, group, "labels", 2));
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_label_clicked_cb),
                    target_on (G_OBJECT (remove), self, group, "labels", 0));
  gtk_box_append (GTK_BOX (box), up);
  gtk_box_append (GTK_BOX (box), down);
  gtk_box_append (GTK_BOX (box), remove);
  return box;
}

/* Groups */

static char *
signature_of (MgSchemeEditor *self,
              Group          *group)
{
  const char *members[] = { "definition", "examples", "attributes" };
  g_autoptr(GString) signature = g_string_new (NULL);

  if (group->label_id != NULL)
    {
      MgLabel *label = mg_label_set_lookup (mg_dataset_get_labels (dataset (self)), group->label_id);

      g_string_append_printf (signature, "%s\x1e%s\x1e%s\x1e", mg_label_get_name (label),
                              mg_label_get_color (label), mg_label_get_key (label) ?: "");
      for (guint i = 0; i < G_N_ELEMENTS (members); i++)
        {
          JsonNode *node = member_of (self, group->label_id, members[i]);
          g_autofree char *json = node ? json_to_string (node, FALSE) : NULL;

          g_string_append_printf (signature, "%s\x1e", json ?: "");
        }
    }
  else if (g_str_equal (group->member, "labels"))
    g_string_append (signature, "labels");
  else
    {
      JsonNode *node = member_of (self, NULL, group->member);
      g_autofree char *json = node ? json_to_string (node, FALSE) : NULL;

      g_string_append (signature, json ?: "");
    }
  return g_string_free (g_steal_pointer (&signature), FALSE);
}

static void
fill_group (MgSchemeEditor *self,
            Group          *group)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  g_autofree char *focused = NULL;

  for (guint i = 0; i < group->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (group->rows, i);

      if (focus != NULL && (focus == row || gtk_widget_is_ancestor (focus, row)))
        focused = g_strdup (gtk_widget_get_name (row));
      adw_preferences_group_remove (group->group, row);
    }
  g_ptr_array_set_size (group->rows, 0);

  if (group->label_id != NULL)
    {
      JsonObject *extra = extra_of (self, group->label_id);
      const char *definition = extra ? string_member (extra, "definition") : NULL;
      g_auto(GStrv) examples = extra ? strings_member (extra, "examples") : g_new0 (char *, 1);
      g_autofree char *joined = g_strjoinv (" | ", examples);
      GtkWidget *row;

      add_label_rows (self, group);
      row = entry_row (_("Definition"), definition);
      g_signal_connect (row, "apply", G_CALLBACK (definition_apply_cb),
                        target_on (G_OBJECT (row), self, group, "definition", 0));
      add_row (group, row, "definition");
      row = entry_row (_("Examples, separated by |"), joined);
      g_signal_connect (row, "apply", G_CALLBACK (examples_apply_cb),
                        target_on (G_OBJECT (row), self, group, "examples", 0));
      add_row (group, row, "examples");
      add_field_rows (self, group, "attributes", _("Add an attribute: Name: value, value · Name? for yes or no · Name for text"));
    }
  else if (g_str_equal (group->member, "labels"))
    {
      GtkWidget *add = entry_row (_("Add a label: Name"), NULL);

      g_signal_connect (add, "apply", G_CALLBACK (add_label_apply_cb),
                        target_on (G_OBJECT (add), self, group, "labels", G_MAXUINT));
      add_row (group, add, "labels");
    }
  else if (g_str_equal (group->member, "relation_types"))
    add_relation_rows (self, group);
  else
    add_field_rows (self, group, group->member, _("Add a code: Name: value, value · Name? for yes or no · Name for text"));

  for (guint i = 0; focused != NULL && i < group->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (group->rows, i);

      if (g_str_equal (gtk_widget_get_name (row), focused))
        gtk_widget_grab_focus (row);
    }
}

static Group *
add_group (MgSchemeEditor *self,
           const char     *label_id,
           const char     *member,
           const char     *title,
           const char     *description)
{
  Group *group = g_new0 (Group, 1);

  group->label_id = g_strdup (label_id);
  group->member = g_strdup (member);
  group->rows = g_ptr_array_new ();
  group->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group->group, title);
  adw_preferences_group_set_description (group->group, description);
  gtk_widget_set_name (GTK_WIDGET (group->group), label_id ?: member);
  adw_preferences_page_add (self->page, group->group);
  g_ptr_array_add (self->groups, group);
  return group;
}

static void
build (MgSchemeEditor *self)
{
  MgLabelSet *labels = mg_dataset_get_labels (dataset (self));

  g_set_object (&self->labels, labels);
  add_group (self, NULL, "labels", _("Labels"),
             _("Each label in its own group below, in the palette's order"));
  for (guint i = 0; i < mg_label_set_get_n_labels (labels); i++)
    {
      MgLabel *label = mg_label_set_get_label (labels, i);
      const char *key = mg_label_get_key (label);
      g_autofree char *description = key && *key
        /* Translators: under a label's name in the scheme editor */
        ? g_strdup_printf (_("Key %s · what this label means and what is recorded about its spans"), key)
        : g_strdup (_("What this label means and what is recorded about its spans"));

      Group *group = add_group (self, mg_label_get_id (label), NULL, _(mg_label_get_name (label)), description);

      adw_preferences_group_set_header_suffix (group->group, label_header (self, group));
    }
  add_group (self, NULL, "relation_types", _("Relation Types"),
             _("What a span may be linked to another as, and between which labels"));
  add_group (self, NULL, "document_codes", _("Document Codes"),
             _("What is recorded about each whole document"));
}

/**
 * mg_scheme_editor_update:
 *
 * Shows the dataset's scheme as it is now; a group that did not change
 * keeps its rows, and what is typed in them.
 */
void
mg_scheme_editor_update (MgSchemeEditor *self)
{
  g_return_if_fail (MG_IS_SCHEME_EDITOR (self));

  /* Labels added, removed, moved or renamed: every group anew. */
  if (mg_dataset_get_labels (dataset (self)) != self->labels)
    {
      for (guint i = 0; i < self->groups->len; i++)
        adw_preferences_page_remove (self->page, ((Group *) g_ptr_array_index (self->groups, i))->group);
      g_ptr_array_set_size (self->groups, 0);
      build (self);
    }

  for (guint i = 0; i < self->groups->len; i++)
    {
      Group *group = g_ptr_array_index (self->groups, i);
      g_autofree char *signature = signature_of (self, group);

      if (g_strcmp0 (signature, group->signature) == 0)
        continue;
      fill_group (self, group);
      g_free (group->signature);
      group->signature = g_steal_pointer (&signature);
    }
}

static void
history_changed_cb (MgSchemeEditor *self)
{
  mg_scheme_editor_update (self);
}

static void
mg_scheme_editor_dispose (GObject *object)
{
  MgSchemeEditor *self = MG_SCHEME_EDITOR (object);

  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_object (&self->window);
  g_clear_object (&self->labels);
  G_OBJECT_CLASS (mg_scheme_editor_parent_class)->dispose (object);
}

static void
undo_redo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  MgSchemeEditor *self = MG_SCHEME_EDITOR (widget);

  gtk_widget_activate_action (GTK_WIDGET (self->window),
                              g_str_equal (action_name, "scheme.undo") ? "win.undo" : "win.redo", NULL);
}

static void
mg_scheme_editor_class_init (MgSchemeEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mg_scheme_editor_dispose;
  /* The window's undo and redo, from the editor too. */
  gtk_widget_class_install_action (widget_class, "scheme.undo", NULL, undo_redo_action);
  gtk_widget_class_install_action (widget_class, "scheme.redo", NULL, undo_redo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "scheme.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "scheme.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "scheme.redo", NULL);
}

static void
mg_scheme_editor_init (MgSchemeEditor *self)
{
  self->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
}

/**
 * mg_scheme_editor_new:
 * @window: the window whose dataset's scheme is edited
 *
 * Returns: (transfer none): the editor, a window of its own beside @window
 */
GtkWidget *
mg_scheme_editor_new (MgWindow *window)
{
  MgSchemeEditor *self;

  g_return_val_if_fail (MG_IS_WINDOW (window), NULL);

  self = g_object_new (MG_TYPE_SCHEME_EDITOR,
                       "transient-for", window,
                       "destroy-with-parent", TRUE,
                       "title", _("Coding Scheme"),
                       "search-enabled", FALSE,
                       "default-width", 640,
                       "default-height", 600,
                       NULL);
  self->window = g_object_ref (window);
  self->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  adw_preferences_page_set_title (self->page, _("Coding Scheme"));
  adw_preferences_page_set_icon_name (self->page, "view-list-symbolic");
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), self->page);
  build (self);
  mg_scheme_editor_update (self);
  g_signal_connect_object (mg_session_get_history (window->session), "changed",
                           G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}
