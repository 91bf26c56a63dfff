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
 * New attributes, codes and relation types are typed in one line, the
 * way a codebook writes them: "Kind: direct, indirect" is a choice,
 * "Comment" free text, "Attribution: cue > source" a relation type from
 * cues to sources.
 */

#define G_LOG_DOMAIN "mg-scheme-editor"

#include "config.h"

#include <glib/gi18n.h>

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

static JsonNode *
strings_node (char **strings)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; strings[i] != NULL; i++)
    json_array_add_string_element (array, strings[i]);
  return json_node_init_array (json_node_alloc (), array);
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

/* "Name: a, b" a choice, "Name" free text. */
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

  if (*name == '\0')
    {
      json_object_unref (field);
      return;
    }
  id = make_id (name, array);
  json_object_set_string_member (field, "id", id);
  json_object_set_string_member (field, "name", name);
  json_object_set_string_member (field, "type", values[0] ? "choice" : "text");
  if (values[0] != NULL)
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
  return json_node_init_array (json_node_alloc (), array);
}

/* The relation types as the dataset lists them, or the built-in one when
 * it lists none, so adding a type keeps the one in use. */
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
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "id", type->id);
      json_object_set_string_member (object, "name", type->name);
      json_object_set_member (object, "from", strings_node (type->from));
      json_object_set_member (object, "to", strings_node (type->to));
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

/* "Name: from, from > to, to" */
static void
add_relation_apply_cb (AdwEntryRow *row,
                       RowTarget   *target)
{
  MgSchemeEditor *self = target->editor;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_auto(GStrv) parts = g_strsplit (text, ":", 2);
  g_autofree char *name = g_strstrip (g_strdup (parts[0] ?: ""));
  g_auto(GStrv) ends = parts[0] && parts[1] ? g_strsplit (parts[1], ">", 2) : g_new0 (char *, 1);
  g_auto(GStrv) from = ends[0] ? split_list (ends[0], ",") : g_new0 (char *, 1);
  g_auto(GStrv) to = ends[0] && ends[1] ? split_list (ends[1], ",") : g_new0 (char *, 1);
  g_autoptr(JsonArray) types = relation_types (self);
  g_autoptr(JsonArray) more = NULL;
  g_autoptr(JsonNode) from_node = labels_node (self, from);
  g_autoptr(JsonNode) to_node = labels_node (self, to);
  g_autofree char *id = NULL;
  JsonObject *type;

  if (*name == '\0')
    return;
  if (from_node == NULL || to_node == NULL)
    {
      toast (self, _("Name labels of the dataset: Name: from > to"));
      return;
    }
  id = make_id (name, types);
  type = json_object_new ();
  json_object_set_string_member (type, "id", id);
  json_object_set_string_member (type, "name", name);
  json_object_set_member (type, "from", g_steal_pointer (&from_node));
  json_object_set_member (type, "to", g_steal_pointer (&to_node));
  more = array_with (types, G_MAXUINT, NULL);
  json_array_add_object_element (more, type);
  set_array (self, NULL, "relation_types", more);
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
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = remove_button (type->name);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), type->name);
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_relation_cb),
                        target_on (G_OBJECT (row), self, group, "relation_types", i));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      add_row (group, row, row_name);
    }

  add = entry_row (_("Add a relation type: Name: from > to"), NULL);
  g_signal_connect (add, "apply", G_CALLBACK (add_relation_apply_cb),
                    target_on (G_OBJECT (add), self, group, "relation_types", G_MAXUINT));
  add_row (group, add, "relation_types");
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

      row = entry_row (_("Definition"), definition);
      g_signal_connect (row, "apply", G_CALLBACK (definition_apply_cb),
                        target_on (G_OBJECT (row), self, group, "definition", 0));
      add_row (group, row, "definition");
      row = entry_row (_("Examples, separated by |"), joined);
      g_signal_connect (row, "apply", G_CALLBACK (examples_apply_cb),
                        target_on (G_OBJECT (row), self, group, "examples", 0));
      add_row (group, row, "examples");
      add_field_rows (self, group, "attributes", _("Add an attribute: Name: value, value"));
    }
  else if (g_str_equal (group->member, "relation_types"))
    add_relation_rows (self, group);
  else
    add_field_rows (self, group, group->member, _("Add a code: Name: value, value"));

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

  for (guint i = 0; i < mg_label_set_get_n_labels (labels); i++)
    {
      MgLabel *label = mg_label_set_get_label (labels, i);
      const char *key = mg_label_get_key (label);
      g_autofree char *description = key && *key
        /* Translators: under a label's name in the scheme editor */
        ? g_strdup_printf (_("Key %s · what this label means and what is recorded about its spans"), key)
        : g_strdup (_("What this label means and what is recorded about its spans"));

      add_group (self, mg_label_get_id (label), NULL, _(mg_label_get_name (label)), description);
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
                       "default-height", 720,
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
