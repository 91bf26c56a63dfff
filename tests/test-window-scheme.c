/* test-window-scheme.c: the coding scheme in the window: the scheme
 * editor, the attribute chooser after tagging, document codes and the
 * codebook in the label palette
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mg-scheme-editor.h"
#include "mg-test-gui.h"

static MgHistory *
history_of (MgWindow *window)
{
  return mg_session_get_history (window->session);
}

static MgLabel *
label_of (MgWindow   *window,
          const char *id)
{
  return mg_label_set_lookup (mg_dataset_get_labels (mg_window_get_dataset (window)), id);
}

static JsonNode *
label_member (MgWindow   *window,
              const char *id,
              const char *member)
{
  JsonObject *extra = mg_label_get_extra (label_of (window, id));

  return extra && json_object_has_member (extra, member) ? json_object_get_member (extra, member) : NULL;
}

static JsonNode *
dataset_member (MgWindow   *window,
                const char *member)
{
  JsonObject *extra = mg_dataset_get_extra (mg_window_get_dataset (window));

  return extra && json_object_has_member (extra, member) ? json_object_get_member (extra, member) : NULL;
}

static void
set_member (MgWindow   *window,
            const char *label,
            const char *member,
            const char *json)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.set-scheme-member", "(sss)", label, member, json);
  mg_test_spin ();
}

/* Each edit of the editor is one step, undone in turn, and the palette's
 * tooltip shows the codebook. */
static void
test_editor (void)
{
  MgWindow *window;
  GtkWidget *editor, *button;
  JsonArray *array;
  MgScheme *scheme;
  const MgField *kind;
  g_autofree char *tooltip = NULL;

  MG_TEST_REQUIRE_DISPLAY ();

  window = mg_test_open_fixture ("window", "small.json");
  mg_test_activate (window, "win.edit-scheme", NULL);
  editor = _mg_window_scheme_get_editor (window);
  g_assert_true (MG_IS_SCHEME_EDITOR (editor));
  g_assert_true (gtk_widget_get_visible (editor));

  mg_test_apply_entry_row (editor, "quote", "definition", "  Words a source is reported to have said ");
  g_assert_cmpstr (json_node_get_string (label_member (window, "quote", "definition")), ==,
                   "Words a source is reported to have said");
  mg_test_apply_entry_row (editor, "quote", "examples", "\"We will\" | she said it would | ");
  array = json_node_get_array (label_member (window, "quote", "examples"));
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (array, 1), ==, "she said it would");

  mg_test_apply_entry_row (editor, "quote", "attributes", "Kind: direct, indirect, partial");
  mg_test_apply_entry_row (editor, "quote", "attributes", "Comment");
  scheme = _mg_window_get_scheme (window);
  kind = mg_scheme_lookup_attribute (scheme, "quote", "kind");
  g_assert_nonnull (kind);
  g_assert_cmpint (kind->type, ==, MG_FIELD_CHOICE);
  g_assert_cmpstr (kind->values[2], ==, "partial");
  g_assert_cmpint (mg_scheme_lookup_attribute (scheme, "quote", "comment")->type, ==, MG_FIELD_TEXT);

  /* The values of a choice are edited in its own row. */
  mg_test_apply_entry_row (editor, "quote", "attributes:kind", "direct, indirect");
  kind = mg_scheme_lookup_attribute (_mg_window_get_scheme (window), "quote", "kind");
  g_assert_null (kind->values[2]);

  mg_test_apply_entry_row (editor, "document_codes", "document_codes", "Stance: pro, against, neutral");
  g_assert_nonnull (mg_scheme_lookup_document_code (_mg_window_get_scheme (window), "stance"));

  /* A relation type keeps the built-in one it joins. */
  mg_test_apply_entry_row (editor, "relation_types", "relation_types", "Source of: Actor > quote, claim");
  scheme = _mg_window_get_scheme (window);
  g_assert_cmpuint (mg_scheme_get_relation_types (scheme)->len, ==, 2);
  g_assert_nonnull (mg_scheme_lookup_relation_type (scheme, "source-of"));
  g_assert_true (mg_relation_type_allows (mg_scheme_lookup_relation_type (scheme, "source-of"),
                                          "actor", "claim"));
  /* An unknown label is refused, and nothing changes. */
  mg_test_apply_entry_row (editor, "relation_types", "relation_types", "Bad: nobody > quote");
  g_assert_cmpuint (mg_scheme_get_relation_types (_mg_window_get_scheme (window))->len, ==, 2);

  /* The palette shows the definition and the examples. */
  button = mg_test_find_widget (GTK_WIDGET (window->label_palette), GTK_TYPE_BUTTON, NULL);
  tooltip = g_strdup (gtk_widget_get_tooltip_markup (button));
  g_assert_nonnull (strstr (tooltip, "Words a source is reported to have said"));
  g_assert_nonnull (strstr (tooltip, "she said it would"));

  /* The whole codebook, over the palette. */
  mg_test_activate (window, "win.codebook", NULL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->scheme->codebook)));
  g_assert_nonnull (strstr (gtk_label_get_text (window->scheme->codebook_text),
                            "Words a source is reported to have said"));
  g_assert_nonnull (strstr (gtk_label_get_text (window->scheme->codebook_text), "Kind: direct, indirect"));
  g_assert_nonnull (strstr (gtk_label_get_text (window->scheme->codebook_text), "Stance: pro, against, neutral"));
  gtk_popover_popdown (window->scheme->codebook);
  mg_test_spin ();

  /* Removing an attribute is a step too. */
  {
    GtkWidget *group = mg_test_find_widget (editor, ADW_TYPE_PREFERENCES_GROUP, "quote");
    GtkWidget *row = mg_test_find_widget (group, ADW_TYPE_ACTION_ROW, "attributes:comment");

    g_assert_nonnull (row);
    button = mg_test_find_widget (row, GTK_TYPE_BUTTON, NULL);
    while (button != NULL && gtk_button_get_icon_name (GTK_BUTTON (button)) == NULL)
      button = gtk_widget_get_next_sibling (button);
    g_assert_nonnull (button);
    g_signal_emit_by_name (button, "clicked");
    mg_test_spin ();
    g_assert_null (mg_scheme_lookup_attribute (_mg_window_get_scheme (window), "quote", "comment"));
  }

  /* Eight steps back, one at a time, to the scheme of before. */
  mg_test_activate (window, "win.undo", NULL);
  g_assert_nonnull (mg_scheme_lookup_attribute (_mg_window_get_scheme (window), "quote", "comment"));
  for (int i = 0; i < 7; i++)
    mg_test_activate (window, "win.undo", NULL);
  g_assert_null (label_member (window, "quote", "definition"));
  g_assert_null (label_member (window, "quote", "attributes"));
  g_assert_null (dataset_member (window, "document_codes"));
  g_assert_null (dataset_member (window, "relation_types"));
  g_assert_false (mg_history_can_undo (history_of (window)));
  /* And the editor shows it: the choice's row has gone. */
  g_assert_null (mg_test_find_widget (mg_test_find_widget (editor, ADW_TYPE_PREFERENCES_GROUP, "quote"),
                                      ADW_TYPE_ENTRY_ROW, "attributes:kind"));

  mg_test_close_window (window);
}

/* Whether a label under @root shows @text. */
static gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_visible (root) &&
      g_str_equal (gtk_label_get_text (GTK_LABEL (root)), text))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

static guint
n_palette_buttons (MgWindow *window)
{
  guint n = 0;

  for (GtkWidget *cell = gtk_widget_get_first_child (gtk_widget_get_first_child (GTK_WIDGET (window->label_palette)));
       cell != NULL; cell = gtk_widget_get_next_sibling (cell))
    n++;
  return n;
}

static void
click_in_group (GtkWidget  *editor,
                const char *group,
                const char *button)
{
  GtkWidget *in = mg_test_find_widget (editor, ADW_TYPE_PREFERENCES_GROUP, group);
  GtkWidget *found;

  g_assert_nonnull (in);
  found = mg_test_find_widget (in, GTK_TYPE_BUTTON, button);
  g_assert_nonnull (found);
  g_signal_emit_by_name (found, "clicked");
  mg_test_spin ();
}

/* Labels added, renamed, rekeyed, recoloured, moved and removed, each one
 * step; a label in use goes with its spans after a question. */
static void
test_labels (void)
{
  MgWindow *window;
  GtkWidget *editor;
  MgLabelSet *labels;
  MgLabel *cue;
  GtkWidget *dialog = NULL;
  GList *toplevels;
  guint n_spans;

  MG_TEST_REQUIRE_DISPLAY ();

  window = mg_test_open_fixture ("window", "small.json");
  n_spans = mg_annotation_store_get_n_annotations (mg_test_store_of (window));
  mg_test_activate (window, "win.edit-scheme", NULL);
  editor = _mg_window_scheme_get_editor (window);

  mg_test_apply_entry_row (editor, "labels", "labels", "Cue");
  labels = mg_dataset_get_labels (mg_window_get_dataset (window));
  g_assert_cmpuint (mg_label_set_get_n_labels (labels), ==, 5);
  cue = mg_label_set_lookup (labels, "cue");
  g_assert_nonnull (cue);
  g_assert_cmpstr (mg_label_get_key (cue), ==, "5");
  /* The first Okabe-Ito colour the others do not use. */
  g_assert_cmpstr (mg_label_get_color (cue), ==, "#E69F00");
  g_assert_cmpuint (n_palette_buttons (window), ==, 5);

  /* The editor has a group for it now, where it is renamed. */
  mg_test_apply_entry_row (editor, "cue", "name", "Speech Cue");
  g_assert_cmpstr (mg_label_get_name (mg_label_set_lookup (mg_dataset_get_labels (mg_window_get_dataset (window)), "cue")),
                   ==, "Speech Cue");
  /* A key another label has is refused. */
  mg_test_apply_entry_row (editor, "cue", "key", "1");
  g_assert_cmpstr (mg_label_get_key (mg_label_set_lookup (mg_dataset_get_labels (mg_window_get_dataset (window)), "cue")),
                   ==, "5");
  mg_test_apply_entry_row (editor, "cue", "key", "9");
  g_assert_cmpstr (mg_label_get_key (mg_label_set_lookup (mg_dataset_get_labels (mg_window_get_dataset (window)), "cue")),
                   ==, "9");
  click_in_group (editor, "cue", "#56B4E9");
  g_assert_cmpstr (mg_label_get_color (mg_label_set_lookup (mg_dataset_get_labels (mg_window_get_dataset (window)), "cue")),
                   ==, "#56B4E9");
  click_in_group (editor, "quote", "move-down");
  labels = mg_dataset_get_labels (mg_window_get_dataset (window));
  g_assert_cmpstr (mg_label_get_id (mg_label_set_get_label (labels, 0)), ==, "actor");
  g_assert_cmpstr (mg_label_get_id (mg_label_set_get_label (labels, 1)), ==, "quote");

  /* The actor label is in use: removing it asks. */
  click_in_group (editor, "actor", "remove-label");
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && g_str_equal (gtk_widget_get_name (l->data), "remove-label"))
      dialog = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "1 span is tagged"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "remove");
  mg_test_spin ();
  g_assert_null (mg_label_set_lookup (mg_dataset_get_labels (mg_window_get_dataset (window)), "actor"));
  g_assert_cmpuint (mg_annotation_store_get_n_annotations (mg_test_store_of (window)), ==, n_spans - 1);
  g_assert_cmpuint (n_palette_buttons (window), ==, 4);

  /* One undo brings the label and its span back. */
  mg_test_activate (window, "win.undo", NULL);
  g_assert_nonnull (mg_label_set_lookup (mg_dataset_get_labels (mg_window_get_dataset (window)), "actor"));
  g_assert_cmpuint (mg_annotation_store_get_n_annotations (mg_test_store_of (window)), ==, n_spans);
  g_assert_nonnull (mg_test_find (window, "actor", "Ana Pérez"));
  /* And five more, to the labels of before. */
  for (int i = 0; i < 5; i++)
    mg_test_activate (window, "win.undo", NULL);
  g_assert_null (mg_label_set_lookup (mg_dataset_get_labels (mg_window_get_dataset (window)), "cue"));
  g_assert_false (mg_history_can_undo (history_of (window)));
  g_assert_cmpuint (n_palette_buttons (window), ==, 4);
  g_assert_null (mg_test_find_widget (editor, ADW_TYPE_PREFERENCES_GROUP, "cue"));

  mg_test_close_window (window);
}

static GtkListBoxRow *
selected_value (MgWindow *window)
{
  return gtk_list_box_get_selected_row (window->scheme->values);
}

/* Tagging a span of a label with attributes asks for each in turn. */
static void
test_attribute_popover (void)
{
  MgWindow *window;
  MgAnnotation *quote;
  GtkListBoxRow *row;

  MG_TEST_REQUIRE_DISPLAY ();

  window = mg_test_open_fixture ("window", "small.json");
  set_member (window, "claim", "attributes",
              "[{\"id\": \"kind\", \"name\": \"Kind\", \"type\": \"choice\", \"values\": [\"direct\", \"indirect\"]},"
              " {\"id\": \"checkable\", \"name\": \"Checkable\", \"type\": \"boolean\"},"
              " {\"id\": \"comment\", \"name\": \"Comment\", \"type\": \"text\"}]");

  mg_test_select_needle (window, "Costs rose 3.5%");
  mg_test_activate (window, "win.tag", "claim");
  quote = mg_test_find (window, "claim", "Costs rose 3.5%");
  g_assert_nonnull (quote);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->scheme->popover)));
  g_assert_cmpstr (gtk_label_get_text (window->scheme->heading), ==, "Kind");

  /* A first letter selects, Enter takes it. */
  row = gtk_list_box_get_row_at_index (window->scheme->values, 1);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (row), "value"), ==, "indirect");
  gtk_widget_activate (GTK_WIDGET (row));
  mg_test_spin ();
  g_assert_cmpstr (json_node_get_string (mg_annotation_get_attribute (quote, "kind")), ==, "indirect");

  /* Then the boolean, as Yes and No. */
  g_assert_cmpstr (gtk_label_get_text (window->scheme->heading), ==, "Checkable");
  row = gtk_list_box_get_row_at_index (window->scheme->values, 0);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (row), "value"), ==, "true");
  gtk_widget_activate (GTK_WIDGET (row));
  mg_test_spin ();
  g_assert_true (json_node_get_boolean (mg_annotation_get_attribute (quote, "checkable")));

  /* Then the text, in an entry. */
  g_assert_cmpstr (gtk_label_get_text (window->scheme->heading), ==, "Comment");
  gtk_editable_set_text (GTK_EDITABLE (window->scheme->entry), "from the budget");
  g_signal_emit_by_name (window->scheme->entry, "activate");
  mg_test_spin ();
  g_assert_cmpstr (json_node_get_string (mg_annotation_get_attribute (quote, "comment")), ==, "from the budget");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->scheme->popover)));
  /* The annotation list shows them. */
  mg_test_spin ();
  g_assert_true (shows_text (GTK_WIDGET (window->annotation_list),
                             "checkable: true · comment: from the budget · kind: indirect"));

  /* Each value was a step of its own; the span stays. */
  mg_test_activate (window, "win.undo", NULL);
  g_assert_null (mg_annotation_get_attribute (quote, "comment"));
  g_assert_nonnull (mg_annotation_get_attribute (quote, "checkable"));
  mg_test_activate (window, "win.undo", NULL);
  mg_test_activate (window, "win.undo", NULL);
  g_assert_null (mg_annotation_get_attribute (quote, "kind"));
  g_assert_nonnull (mg_test_find (window, "claim", "Costs rose 3.5%"));

  /* Asked again later, the current value comes first; Escape changes nothing. */
  mg_test_activate (window, "win.redo", NULL);
  mg_article_view_set_selected (window->article_view, quote);
  mg_test_activate (window, "win.choose-attributes", NULL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->scheme->popover)));
  row = selected_value (window);
  g_assert_nonnull (row);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (row), "value"), ==, "indirect");
  gtk_popover_popdown (window->scheme->popover);
  mg_test_spin ();
  g_assert_cmpstr (json_node_get_string (mg_annotation_get_attribute (quote, "kind")), ==, "indirect");

  /* A label without attributes asks nothing. */
  mg_test_select_needle (window, "Tuesday");
  mg_test_activate (window, "win.tag", "figure");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->scheme->popover)));

  mg_test_close_window (window);
}

/* A question is a yes or no attribute or code, and so is "Name: yes/no";
 * the popover offers Yes and No for it. */
static void
test_editor_yes_no (void)
{
  MgWindow *window;
  GtkWidget *editor;
  MgScheme *scheme;
  const MgField *field;

  MG_TEST_REQUIRE_DISPLAY ();

  window = mg_test_open_fixture ("window", "small.json");
  mg_test_activate (window, "win.edit-scheme", NULL);
  editor = _mg_window_scheme_get_editor (window);

  mg_test_apply_entry_row (editor, "claim", "attributes", " Checkable ? ");
  mg_test_apply_entry_row (editor, "claim", "attributes", "Verified: Yes/No");
  mg_test_apply_entry_row (editor, "claim", "attributes", "Why?: a, b");
  mg_test_apply_entry_row (editor, "document_codes", "document_codes", "Fact-checked?");
  scheme = _mg_window_get_scheme (window);
  field = mg_scheme_lookup_attribute (scheme, "claim", "checkable");
  g_assert_nonnull (field);
  g_assert_cmpint (field->type, ==, MG_FIELD_BOOLEAN);
  g_assert_cmpstr (field->name, ==, "Checkable");
  g_assert_cmpint (mg_scheme_lookup_attribute (scheme, "claim", "verified")->type, ==, MG_FIELD_BOOLEAN);
  /* A question mark before the colon is part of a choice's name. */
  field = mg_scheme_lookup_attribute (scheme, "claim", "why");
  g_assert_nonnull (field);
  g_assert_cmpint (field->type, ==, MG_FIELD_CHOICE);
  g_assert_cmpstr (field->name, ==, "Why?");
  field = mg_scheme_lookup_document_code (scheme, "fact-checked");
  g_assert_nonnull (field);
  g_assert_cmpint (field->type, ==, MG_FIELD_BOOLEAN);
  /* Its row says so. */
  g_assert_true (shows_text (mg_test_find_widget (editor, ADW_TYPE_PREFERENCES_GROUP, "claim"), "Yes or no"));

  mg_test_close_window (window);
}

/* Relabelling a span to a label with attributes asks for them, as tagging
 * does; relabelling to one without asks nothing. */
static void
test_relabel_asks (void)
{
  MgWindow *window;
  MgAnnotation *span;

  MG_TEST_REQUIRE_DISPLAY ();

  window = mg_test_open_fixture ("window", "small.json");
  set_member (window, "claim", "attributes",
              "[{\"id\": \"checkable\", \"name\": \"Checkable\", \"type\": \"boolean\"}]");
  mg_test_select_needle (window, "Tuesday");
  mg_test_activate (window, "win.tag", "figure");
  span = mg_test_find (window, "figure", "Tuesday");
  g_assert_nonnull (span);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->scheme->popover)));

  /* The span is selected, no text is: the key relabels it. */
  mg_test_activate (window, "win.tag", "claim");
  g_assert_cmpstr (mg_annotation_get_label (span), ==, "claim");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->scheme->popover)));
  g_assert_cmpstr (gtk_label_get_text (window->scheme->heading), ==, "Checkable");
  gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (window->scheme->values, 1)));
  mg_test_spin ();
  g_assert_false (json_node_get_boolean (mg_annotation_get_attribute (span, "checkable")));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->scheme->popover)));

  /* Back to a label without attributes: the claim's answer goes with the
   * label, in the same undo step, so validate never meets a figure
   * that is "checkable". */
  mg_test_activate (window, "win.tag", "figure");
  g_assert_cmpstr (mg_annotation_get_label (span), ==, "figure");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->scheme->popover)));
  g_assert_null (mg_annotation_get_attribute (span, "checkable"));
  mg_test_activate (window, "win.undo", NULL);
  g_assert_cmpstr (mg_annotation_get_label (span), ==, "claim");
  g_assert_false (json_node_get_boolean (mg_annotation_get_attribute (span, "checkable")));

  mg_test_close_window (window);
}

/* The codes of the document shown, in the side panel, each an undo step. */
static void
test_document_codes (void)
{
  MgWindow *window;
  GtkWidget *panel, *stance, *topic;
  MgDocument *document;

  MG_TEST_REQUIRE_DISPLAY ();

  window = mg_test_open_fixture ("window", "small.json");
  panel = window->scheme->codes_panel;
  g_assert_false (gtk_widget_get_visible (panel));
  set_member (window, "", "document_codes",
              "[{\"id\": \"stance\", \"name\": \"Stance\", \"type\": \"choice\", \"values\": [\"pro\", \"against\", \"neutral\"]},"
              " {\"id\": \"topic\", \"name\": \"Topic\", \"type\": \"text\"}]");
  g_assert_true (gtk_widget_get_visible (panel));
  document = mg_window_get_document (window);

  stance = mg_test_find_widget (panel, GTK_TYPE_DROP_DOWN, "stance");
  g_assert_nonnull (stance);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (stance)), ==, 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (stance), 2);
  mg_test_spin ();
  g_assert_cmpstr (json_node_get_string (mg_document_get_code (document, "stance")), ==, "against");

  topic = mg_test_find_widget (panel, GTK_TYPE_ENTRY, "topic");
  g_assert_nonnull (topic);
  gtk_editable_set_text (GTK_EDITABLE (topic), "floods");
  g_signal_emit_by_name (topic, "activate");
  mg_test_spin ();
  g_assert_cmpstr (json_node_get_string (mg_document_get_code (document, "topic")), ==, "floods");

  mg_test_activate (window, "win.undo", NULL);
  g_assert_null (mg_document_get_code (document, "topic"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (topic)), ==, "");
  mg_test_activate (window, "win.undo", NULL);
  g_assert_null (mg_document_get_code (document, "stance"));
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (stance)), ==, 0);

  /* Undoing the scheme's step hides the panel again. */
  mg_test_activate (window, "win.undo", NULL);
  g_assert_false (gtk_widget_get_visible (panel));

  mg_test_close_window (window);
}

static guint
n_relations_of_kind (MgWindow   *window,
                     const char *kind)
{
  MgAnnotationStore *store = mg_test_store_of (window);
  guint n = 0;

  for (guint i = 0; i < mg_annotation_store_get_n_relations (store); i++)
    if (g_str_equal (mg_relation_get_kind (mg_annotation_store_get_relation (store, i)), kind))
      n++;
  return n;
}

/* Linking a quote to an actor asks which relation type, when the scheme
 * allows several between them; the list shows the type. */
static void
test_relation_types (void)
{
  MgWindow *window;
  MgAnnotation *quote;
  GtkListBoxRow *row = NULL;
  guint attributed;

  MG_TEST_REQUIRE_DISPLAY ();

  window = mg_test_open_fixture ("window", "small.json");
  attributed = n_relations_of_kind (window, "attributed-to");
  set_member (window, "", "relation_types",
              "[{\"id\": \"attributed-to\", \"name\": \"Attributed to\", \"from\": [\"quote\", \"claim\"], \"to\": [\"actor\"]},"
              " {\"id\": \"cued-by\", \"name\": \"Cued by\", \"from\": [\"quote\"], \"to\": [\"actor\"]}]");
  quote = mg_test_find (window, "quote", "we will build it before winter");
  mg_article_view_set_selected (window->article_view, quote);

  /* The speaker chooser, then the type. */
  mg_test_activate (window, "win.attribute", NULL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->speaker_popover)));
  row = gtk_list_box_get_row_at_index (window->speaker_list, 0);
  gtk_widget_activate (GTK_WIDGET (row));
  mg_test_spin ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->scheme->popover)));
  g_assert_cmpstr (gtk_label_get_text (window->scheme->heading), ==, "Link as");
  row = gtk_list_box_get_row_at_index (window->scheme->values, 1);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (row), "value"), ==, "cued-by");
  gtk_widget_activate (GTK_WIDGET (row));
  mg_test_spin ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->scheme->popover)));
  g_assert_cmpuint (n_relations_of_kind (window, "cued-by"), ==, 1);
  g_assert_cmpuint (n_relations_of_kind (window, "attributed-to"), ==, attributed);
  g_assert_true (shows_text (GTK_WIDGET (window->annotation_list), "cued-by → Ana Pérez"));

  /* One undo step. */
  mg_test_activate (window, "win.undo", NULL);
  g_assert_cmpuint (n_relations_of_kind (window, "cued-by"), ==, 0);

  /* An actor links to nothing in this scheme. */
  mg_article_view_set_selected (window->article_view, mg_test_find (window, "actor", "Ana Pérez"));
  mg_test_activate (window, "win.attribute", NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->speaker_popover)));

  /* A type is renamed in the editor, its id (which its links name) kept;
   * narrowing its ends past a link of it is refused. */
  {
    GtkWidget *editor;
    const MgRelationType *type;

    mg_article_view_set_selected (window->article_view, quote);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.link", "(ss)",
                                               mg_annotation_get_id (mg_test_find (window, "actor", "Ana Pérez")),
                                               "cued-by"));
    mg_test_spin ();
    g_assert_cmpuint (n_relations_of_kind (window, "cued-by"), ==, 1);
    mg_test_activate (window, "win.edit-scheme", NULL);
    editor = _mg_window_scheme_get_editor (window);
    mg_test_apply_entry_row (editor, "relation_types", "relation_types:cued-by", "Prompted by: Quote, Claim > Actor");
    type = mg_scheme_lookup_relation_type (_mg_window_get_scheme (window), "cued-by");
    g_assert_nonnull (type);
    g_assert_cmpstr (type->name, ==, "Prompted by");
    g_assert_cmpstr (type->from[1], ==, "claim");
    mg_test_apply_entry_row (editor, "relation_types", "relation_types:cued-by", "Prompted by: Claim > Actor");
    type = mg_scheme_lookup_relation_type (_mg_window_get_scheme (window), "cued-by");
    g_assert_cmpstr (type->from[0], ==, "quote");
    g_assert_cmpuint (n_relations_of_kind (window, "cued-by"), ==, 1);
    gtk_window_destroy (GTK_WINDOW (editor));
    mg_test_activate (window, "win.undo", NULL);
    mg_test_activate (window, "win.undo", NULL);
    g_assert_cmpuint (n_relations_of_kind (window, "cued-by"), ==, 0);
  }

  /* A quote relabelled a figure, which no type links from, loses its
   * links in the same step; undo brings both back. */
  mg_article_view_set_selected (window->article_view, quote);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.link", "(ss)",
                                             mg_annotation_get_id (mg_test_find (window, "actor", "Ana Pérez")),
                                             "attributed-to"));
  mg_test_spin ();
  g_assert_cmpuint (n_relations_of_kind (window, "attributed-to"), ==, attributed + 1);
  mg_test_activate (window, "win.tag", "figure");
  g_assert_cmpstr (mg_annotation_get_label (quote), ==, "figure");
  g_assert_cmpuint (n_relations_of_kind (window, "attributed-to"), ==, attributed);
  mg_test_activate (window, "win.undo", NULL);
  g_assert_cmpstr (mg_annotation_get_label (quote), ==, "quote");
  g_assert_cmpuint (n_relations_of_kind (window, "attributed-to"), ==, attributed + 1);

  mg_test_close_window (window);
}

/* Removing a label that relation types name takes it out of them, and a
 * type left with no label at one end goes with its relations, in the same
 * undo step: the dataset stays valid. */
static void
test_remove_label_in_relation_types (void)
{
  MgWindow *window;
  MgDataset *dataset;
  MgLabelSet *labels;
  g_autoptr(GString) json = g_string_new ("[");
  g_autoptr(MgRelation) cued = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(MgScheme) scheme = NULL;
  g_autoptr(MgScheme) before = NULL;
  guint attributed;

  MG_TEST_REQUIRE_DISPLAY ();

  window = mg_test_open_fixture ("window", "small.json");
  dataset = mg_window_get_dataset (window);
  set_member (window, "", "relation_types",
              "[{\"id\": \"attributed-to\", \"from\": [\"quote\", \"claim\"], \"to\": [\"actor\"]},"
              " {\"id\": \"cued-by\", \"from\": [\"quote\"], \"to\": [\"claim\"]}]");
  cued = mg_relation_new ("r-cued", "cued-by",
                          mg_annotation_get_id (mg_test_find (window, "quote", "we will build it before winter")),
                          mg_annotation_get_id (mg_test_find (window, "actor", "Ana Pérez")));
  g_assert_true (mg_history_add_relation (mg_window_get_history (window), mg_window_get_document (window),
                                          cued, NULL));
  attributed = n_relations_of_kind (window, "attributed-to");
  before = mg_scheme_new_from_dataset (dataset, NULL, NULL);

  labels = mg_dataset_get_labels (dataset);
  for (guint i = 0; i < mg_label_set_get_n_labels (labels); i++)
    {
      MgLabel *label = mg_label_set_get_label (labels, i);

      if (g_str_equal (mg_label_get_id (label), "claim"))
        continue;
      g_string_append_printf (json, "%s{\"id\": \"%s\", \"name\": \"%s\", \"color\": \"%s\", \"key\": \"%s\"}",
                              json->len > 1 ? ", " : "", mg_label_get_id (label), mg_label_get_name (label),
                              mg_label_get_color (label), mg_label_get_key (label) ? mg_label_get_key (label) : "");
    }
  g_string_append (json, "]");
  mg_test_activate (window, "win.set-labels", json->str);

  scheme = mg_scheme_new_from_dataset (dataset, NULL, NULL);
  g_assert_cmpuint (mg_scheme_get_relation_types (scheme)->len, ==, 1);
  g_assert_true (mg_relation_type_allows (mg_scheme_lookup_relation_type (scheme, "attributed-to"),
                                          "quote", "actor"));
  g_assert_false (mg_relation_type_allows (mg_scheme_lookup_relation_type (scheme, "attributed-to"),
                                           "claim", "actor"));
  g_assert_cmpuint (n_relations_of_kind (window, "cued-by"), ==, 0);
  g_assert_cmpuint (n_relations_of_kind (window, "attributed-to"), ==, attributed);
  mg_scheme_check_dataset (scheme, dataset, "small.json", problems);
  g_assert_cmpuint (problems->len, ==, 0);

  /* One undo gives back the label, both types and the relation. */
  mg_test_activate (window, "win.undo", NULL);
  g_clear_object (&scheme);
  scheme = mg_scheme_new_from_dataset (dataset, NULL, NULL);
  g_assert_cmpuint (mg_scheme_get_relation_types (scheme)->len, ==, 2);
  g_assert_nonnull (mg_label_set_lookup (mg_dataset_get_labels (dataset), "claim"));
  g_assert_cmpuint (n_relations_of_kind (window, "cued-by"), ==, 1);

  mg_test_close_window (window);
}

/* A scheme exported and a dataset started from it, in another window. */
static void
test_scheme_files (void)
{
  MgWindow *window, *other;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *bad = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) bad_file = NULL;
  g_autoptr(MgScheme) read = NULL;
  g_autoptr(GError) error = NULL;
  MgDataset *started;

  MG_TEST_REQUIRE_DISPLAY ();

  dir = mg_test_make_tmpdir ("scheme-files-XXXXXX");
  path = g_build_filename (dir, "team-scheme.json", NULL);
  bad = g_build_filename (dir, "notes.json", NULL);
  file = g_file_new_for_path (path);
  bad_file = g_file_new_for_path (bad);
  g_assert_true (g_file_set_contents (bad, "{\"not\": \"a scheme\"", -1, NULL));

  window = mg_test_open_fixture ("window", "small.json");
  set_member (window, "quote", "attributes",
              "[{\"id\": \"kind\", \"type\": \"choice\", \"values\": [\"direct\", \"indirect\"]}]");
  set_member (window, "", "document_codes", "[{\"id\": \"topic\", \"type\": \"text\"}]");
  g_assert_true (_mg_window_scheme_export_to (window, file));
  read = mg_scheme_load_file (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (mg_scheme_lookup_attribute (read, "quote", "kind"));
  g_assert_nonnull (mg_scheme_lookup_document_code (read, "topic"));

  other = mg_test_open_fixture ("window", "small.json");
  /* A file that is no scheme changes nothing. */
  _mg_window_scheme_new_from_file (other, bad_file);
  mg_test_spin ();
  g_assert_cmpuint (mg_dataset_get_n_documents (mg_window_get_dataset (other)), >, 0);

  _mg_window_scheme_new_from_file (other, file);
  mg_test_spin ();
  started = mg_window_get_dataset (other);
  g_assert_cmpuint (mg_dataset_get_n_documents (started), ==, 0);
  g_assert_nonnull (mg_scheme_lookup_attribute (_mg_window_get_scheme (other), "quote", "kind"));
  g_assert_nonnull (mg_scheme_lookup_document_code (_mg_window_get_scheme (other), "topic"));
  g_assert_null (mg_session_get_file (other->session));

  mg_test_close_window (other);
  mg_test_close_window (window);
  mg_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* The windows close with changes unsaved: their drafts go here. */
  g_autofree char *scratch = mg_test_scratch_home ("marginalia-window-scheme-XXXXXX");
  int status;

  g_test_init (&argc, &argv, NULL);

  mg_test_init_display ();
  g_test_add_func ("/window-scheme/editor", test_editor);
  g_test_add_func ("/window-scheme/labels", test_labels);
  g_test_add_func ("/window-scheme/editor-yes-no", test_editor_yes_no);
  g_test_add_func ("/window-scheme/attribute-popover", test_attribute_popover);
  g_test_add_func ("/window-scheme/relabel-asks", test_relabel_asks);
  g_test_add_func ("/window-scheme/document-codes", test_document_codes);
  g_test_add_func ("/window-scheme/relation-types", test_relation_types);
  g_test_add_func ("/window-scheme/remove-label-in-relation-types", test_remove_label_in_relation_types);
  g_test_add_func ("/window-scheme/scheme-files", test_scheme_files);

  status = g_test_run ();
  mg_test_remove_tree (scratch);
  return status;
}
