/* test-scheme-workflow.c: a team's coding scheme from nothing to agreement,
 * all in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two studies, as a team would run them: a stance study (claims with a yes
 * or no "checkable", a per-document stance) and PolNeAR's attribution
 * scheme (Source, Cue and Content spans, an Attribution relation from a
 * Content to its Source). Each starts from a dataset with one article and
 * no labels, builds its scheme through the scheme editor's rows, codes
 * through the window's actions and the attribute popover, saves, and then
 * hands the file and a second coder's copy to marginalia-tool export and
 * agree, as the team would.
 */

#include "config.h"

#include "mg-scheme-editor.h"
#include "mg-test-gui.h"

static const char ARTICLE[] =
  "Jobs report\n"
  "The minister said unemployment fell by 2% last year, and critics disagreed.\n";

/* A dataset of one article and no labels, at @dir/@name. */
static char *
write_empty_dataset (const char *dir,
                     const char *name)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  g_autofree char *sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, ARTICLE, -1);
  char *path = g_build_filename (dir, name, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "marginalia-dataset");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "annotator");
  json_builder_add_string_value (builder, "ayse");
  json_builder_set_member_name (builder, "labels");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "documents");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, "jobs");
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, "Jobs report");
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, ARTICLE);
  json_builder_set_member_name (builder, "text_sha256");
  json_builder_add_string_value (builder, sha256);
  json_builder_set_member_name (builder, "annotations");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, NULL);
  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  return path;
}

static MgWindow *
open_dataset (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MgDataset) dataset = mg_dataset_load_file (path, &error);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_no_error (error);
  g_assert_cmpuint (mg_label_set_get_n_labels (mg_dataset_get_labels (dataset)), ==, 0);
  return mg_test_open_window (dataset, file);
}

/* Selects @needle and presses the label's key: the popover asks for the
 * label's attributes, if any. */
static MgAnnotation *
tag (MgWindow   *window,
     const char *needle,
     const char *key,
     const char *label)
{
  MgAnnotation *annotation;

  mg_test_select_needle (window, needle);
  mg_test_activate (window, "win.tag-key", key);
  annotation = mg_test_find (window, label, needle);
  g_assert_nonnull (annotation);
  return annotation;
}

static gboolean
popover_shown (MgWindow *window)
{
  return gtk_widget_get_visible (GTK_WIDGET (window->scheme->popover));
}

/* Takes the popover's value @value (as a first letter and Enter do). */
static void
take_value (MgWindow   *window,
            const char *heading,
            const char *value)
{
  g_assert_true (popover_shown (window));
  g_assert_cmpstr (gtk_label_get_text (window->scheme->heading), ==, heading);
  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (window->scheme->values, i);

      g_assert_nonnull (row);
      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "value"), value) == 0)
        {
          gtk_widget_activate (GTK_WIDGET (row));
          mg_test_spin ();
          return;
        }
    }
}

/* The document's code @id set in the panel under the annotation list. */
static void
choose_code (MgWindow   *window,
             const char *id,
             guint       position)
{
  GtkWidget *drop_down = mg_test_find_widget (window->scheme->codes_panel, GTK_TYPE_DROP_DOWN, id);

  g_assert_true (gtk_widget_get_visible (window->scheme->codes_panel));
  g_assert_nonnull (drop_down);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), position);
  mg_test_spin ();
}

/* @path as saved, signed by @annotator: a second coder's copy. */
static void
sign_as (const char *path,
         const char *annotator)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MgDataset) dataset = mg_dataset_load_file (path, &error);

  g_assert_no_error (error);
  mg_dataset_set_annotator (dataset, annotator);
  g_assert_true (mg_dataset_save_file (dataset, path, &error));
  g_assert_no_error (error);
}

/* marginalia-tool with @args; its standard output, after a success. */
static char *
run_tool (const char * const *args)
{
  const char *tool = g_getenv ("MARGINALIA_TOOL");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = -1;

  g_assert_nonnull (tool);
  g_ptr_array_add (argv, (char *) tool);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s %s failed: %s", tool, args[0], err);
  return out;
}

/* One CSV record of @line (RFC 4180, no line breaks within fields). */
static GStrv
csv_fields (const char *line)
{
  g_autoptr(GStrvBuilder) fields = g_strv_builder_new ();
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = line;; p++)
    {
      if (quoted && *p == '"' && p[1] == '"')
        g_string_append_c (field, *p++);
      else if (*p == '"')
        quoted = !quoted;
      else if (!quoted && (*p == ',' || *p == '\0' || *p == '\r'))
        {
          g_strv_builder_add (fields, field->str);
          g_string_truncate (field, 0);
          if (*p != ',')
            break;
        }
      else
        g_string_append_c (field, *p);
    }
  return g_strv_builder_end (fields);
}

/* The value of column @column in the CSV export's row whose span is
 * @text. */
static char *
csv_value (const char *csv,
           const char *text,
           const char *column)
{
  g_auto(GStrv) lines = g_strsplit (csv, "\n", -1);
  g_auto(GStrv) header = csv_fields (lines[0]);
  int at = -1, text_at = -1;

  for (int i = 0; header[i] != NULL; i++)
    {
      if (g_str_equal (header[i], column))
        at = i;
      if (g_str_equal (header[i], "text"))
        text_at = i;
    }
  g_assert_cmpint (at, >=, 0);
  g_assert_cmpint (text_at, >=, 0);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = csv_fields (lines[i]);

      if (g_strv_length (fields) > (guint) MAX (at, text_at) && g_str_equal (fields[text_at], text))
        return g_strdup (fields[at]);
    }
  g_error ("no row for “%s” in:\n%s", text, csv);
  return NULL;
}

/* The line of agree's table naming @name, its spaces squeezed. */
static char *
agree_line (const char *table,
            const char *name)
{
  g_auto(GStrv) lines = g_strsplit (table, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
      g_auto(GStrv) squeezed = NULL;

      if (words[0] == NULL || !g_str_equal (words[0], name))
        continue;
      for (guint j = 0; words[j] != NULL; j++)
        if (*words[j] != '\0')
          g_strv_builder_add (kept, words[j]);
      squeezed = g_strv_builder_end (kept);
      return g_strjoinv (" ", squeezed);
    }
  g_error ("no line for %s in:\n%s", name, table);
  return NULL;
}

/* The stance study: a label "Claim" with a yes or no "Checkable", a
 * document code "Stance"; coded, saved, exported, compared. */
static void
test_stance_study (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *second = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *table = NULL;
  g_autofree char *value = NULL;
  g_autofree char *line = NULL;
  MgWindow *window;
  GtkWidget *editor;
  MgScheme *scheme;
  MgAnnotation *claim;
  MgDocument *document;

  MG_TEST_REQUIRE_DISPLAY ();

  dir = mg_test_make_tmpdir ("scheme-workflow-XXXXXX");
  path = write_empty_dataset (dir, "ayse.json");
  second = g_build_filename (dir, "bora.json", NULL);
  window = open_dataset (path);

  /* The scheme, in the editor. */
  mg_test_activate (window, "win.edit-scheme", NULL);
  editor = _mg_window_scheme_get_editor (window);
  g_assert_true (gtk_widget_get_visible (editor));
  mg_test_apply_entry_row (editor, "labels", "labels", "Claim");
  mg_test_apply_entry_row (editor, "claim", "definition", "A statement that could be checked against evidence");
  mg_test_apply_entry_row (editor, "claim", "attributes", "Checkable?");
  mg_test_apply_entry_row (editor, "document_codes", "document_codes", "Stance: pro, against, neutral");
  scheme = _mg_window_get_scheme (window);
  g_assert_cmpstr (mg_label_get_key (mg_label_set_lookup (mg_dataset_get_labels (mg_window_get_dataset (window)),
                                                          "claim")), ==, "1");
  g_assert_cmpint (mg_scheme_lookup_attribute (scheme, "claim", "checkable")->type, ==, MG_FIELD_BOOLEAN);
  g_assert_cmpint (mg_scheme_lookup_document_code (scheme, "stance")->type, ==, MG_FIELD_CHOICE);
  gtk_window_close (GTK_WINDOW (editor));
  mg_test_spin ();

  /* Coding: key 1 tags a claim and the popover asks whether it is
   * checkable; the stance is chosen under the annotation list. */
  claim = tag (window, "unemployment fell by 2% last year", "1", "claim");
  take_value (window, "Checkable", "true");
  g_assert_false (popover_shown (window));
  g_assert_true (json_node_get_boolean (mg_annotation_get_attribute (claim, "checkable")));
  choose_code (window, "stance", 1);
  document = mg_window_get_document (window);
  g_assert_cmpstr (json_node_get_string (mg_document_get_code (document, "stance")), ==, "pro");
  mg_test_save_to (window, path);

  /* A second coder saw the same claim as not checkable and the article
   * as against. */
  mg_article_view_set_selected (window->article_view, claim);
  mg_test_activate (window, "win.choose-attributes", NULL);
  take_value (window, "Checkable", "false");
  choose_code (window, "stance", 2);
  mg_test_save_to (window, second);
  mg_test_close_window (window);
  sign_as (second, "bora");

  /* The export has a column for the attribute and one for the code. */
  csv = run_tool ((const char *[]) { "export", "--to=csv", path, NULL });
  value = csv_value (csv, "unemployment fell by 2% last year", "attribute_checkable");
  g_assert_cmpstr (value, ==, "true");
  g_clear_pointer (&value, g_free);
  value = csv_value (csv, "unemployment fell by 2% last year", "code_stance");
  g_assert_cmpstr (value, ==, "pro");
  g_clear_pointer (&value, g_free);
  g_clear_pointer (&csv, g_free);
  csv = run_tool ((const char *[]) { "export", "--to=csv", second, NULL });
  value = csv_value (csv, "unemployment fell by 2% last year", "attribute_checkable");
  g_assert_cmpstr (value, ==, "false");
  g_clear_pointer (&value, g_free);
  value = csv_value (csv, "unemployment fell by 2% last year", "code_stance");
  g_assert_cmpstr (value, ==, "against");

  /* Agreement per attribute and per code: the span both marked alike is
   * one pair, told apart; so is the document. */
  table = run_tool ((const char *[]) { "agree", path, second, NULL });
  line = agree_line (table, "checkable");
  g_assert_cmpstr (line, ==, "checkable 0.000 0.000 1 / 1");
  g_clear_pointer (&line, g_free);
  line = agree_line (table, "stance");
  g_assert_cmpstr (line, ==, "stance 0.000 0.000 1");
  g_clear_pointer (&line, g_free);
  /* Against itself, everything agrees. */
  g_clear_pointer (&table, g_free);
  table = run_tool ((const char *[]) { "agree", path, path, NULL });
  line = agree_line (table, "checkable");
  g_assert_cmpstr (line, ==, "checkable 1.000 1.000 1 / 1");
  g_clear_pointer (&line, g_free);
  line = agree_line (table, "stance");
  g_assert_cmpstr (line, ==, "stance 1.000 1.000 1");

  mg_test_remove_tree (dir);
}

static MgRelation *
only_relation (MgWindow *window)
{
  MgAnnotationStore *store = mg_test_store_of (window);

  g_assert_cmpuint (mg_annotation_store_get_n_relations (store), ==, 1);
  return mg_annotation_store_get_relation (store, 0);
}

/* PolNeAR: Source, Cue and Content labels, Content's kind, an Attribution
 * relation from a Content to its Source made with Ctrl+Shift+A's action. */
static void
test_polnear (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *second = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *table = NULL;
  g_autofree char *value = NULL;
  g_autofree char *line = NULL;
  g_autofree char *saved = NULL;
  MgWindow *window;
  GtkWidget *editor;
  MgScheme *scheme;
  GPtrArray *types;
  const MgRelationType *type;
  MgAnnotation *source, *content;
  MgRelation *relation;

  MG_TEST_REQUIRE_DISPLAY ();

  dir = mg_test_make_tmpdir ("scheme-workflow-XXXXXX");
  path = write_empty_dataset (dir, "ayse.json");
  second = g_build_filename (dir, "bora.json", NULL);
  window = open_dataset (path);

  mg_test_activate (window, "win.edit-scheme", NULL);
  editor = _mg_window_scheme_get_editor (window);
  mg_test_apply_entry_row (editor, "labels", "labels", "Source");
  mg_test_apply_entry_row (editor, "labels", "labels", "Cue");
  mg_test_apply_entry_row (editor, "labels", "labels", "Content");
  mg_test_apply_entry_row (editor, "content", "attributes", "Kind: direct, indirect, partial");
  mg_test_apply_entry_row (editor, "relation_types", "relation_types", "Attribution: Content > Source");
  scheme = _mg_window_get_scheme (window);
  types = mg_scheme_get_relation_types (scheme);
  /* The built-in attributed-to is not kept beside it: the dataset has
   * none of its labels, and the file would not validate. */
  type = mg_scheme_lookup_relation_type (scheme, "attribution");
  g_assert_nonnull (type);
  g_assert_cmpstr (type->from[0], ==, "content");
  g_assert_null (type->from[1]);
  g_assert_cmpstr (type->to[0], ==, "source");
  g_assert_cmpuint (types->len, ==, 1);
  gtk_window_close (GTK_WINDOW (editor));
  mg_test_spin ();

  /* Keys 1, 2 and 3 are Source, Cue and Content, in the order added. */
  source = tag (window, "The minister", "1", "source");
  g_assert_false (popover_shown (window));
  tag (window, "said", "2", "cue");
  g_assert_false (popover_shown (window));
  content = tag (window, "unemployment fell by 2% last year", "3", "content");
  take_value (window, "Kind", "indirect");
  g_assert_false (popover_shown (window));
  g_assert_cmpstr (json_node_get_string (mg_annotation_get_attribute (content, "kind")), ==, "indirect");

  /* Ctrl+Shift+A on the content offers the one source; the scheme allows
   * one type between them, so it is made without asking. */
  mg_article_view_set_selected (window->article_view, content);
  mg_test_activate (window, "win.attribute", NULL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->speaker_popover)));
  /* The source, then Nobody: the cue is no end of an Attribution. */
  g_assert_nonnull (gtk_list_box_get_row_at_index (window->speaker_list, 1));
  g_assert_null (gtk_list_box_get_row_at_index (window->speaker_list, 2));
  gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (window->speaker_list, 0)));
  mg_test_spin ();
  g_assert_false (popover_shown (window));
  relation = only_relation (window);
  g_assert_cmpstr (mg_relation_get_kind (relation), ==, "attribution");
  g_assert_cmpstr (mg_relation_get_from (relation), ==, mg_annotation_get_id (content));
  g_assert_cmpstr (mg_relation_get_to (relation), ==, mg_annotation_get_id (source));
  mg_test_save_to (window, path);

  /* The second coder read the content as direct speech. */
  mg_article_view_set_selected (window->article_view, content);
  mg_test_activate (window, "win.choose-attributes", NULL);
  take_value (window, "Kind", "direct");
  mg_test_save_to (window, second);
  mg_test_close_window (window);
  sign_as (second, "bora");

  /* The file holds the scheme and the relation, and validates. */
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_nonnull (strstr (saved, "\"relation_types\""));
  g_assert_nonnull (strstr (saved, "\"type\": \"attribution\""));
  g_free (run_tool ((const char *[]) { "validate", path, NULL }));

  csv = run_tool ((const char *[]) { "export", "--to=csv", path, NULL });
  value = csv_value (csv, "unemployment fell by 2% last year", "attribute_kind");
  g_assert_cmpstr (value, ==, "indirect");
  g_clear_pointer (&value, g_free);
  value = csv_value (csv, "The minister", "attribute_kind");
  g_assert_cmpstr (value, ==, "");
  g_clear_pointer (&value, g_free);
  g_clear_pointer (&csv, g_free);
  csv = run_tool ((const char *[]) { "export", "--to=csv", second, NULL });
  value = csv_value (csv, "unemployment fell by 2% last year", "attribute_kind");
  g_assert_cmpstr (value, ==, "direct");

  table = run_tool ((const char *[]) { "agree", path, second, NULL });
  line = agree_line (table, "kind");
  g_assert_cmpstr (line, ==, "kind 0.000 0.000 1 / 1");
  g_clear_pointer (&line, g_free);
  /* The spans themselves agree: each label's exact F1 is 1. */
  line = agree_line (table, "content");
  g_assert_true (g_str_has_prefix (line, "content 1.000"));

  mg_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* Drafts of the windows go here. */
  g_autofree char *scratch = mg_test_scratch_home ("marginalia-scheme-workflow-XXXXXX");
  int status;

  g_test_init (&argc, &argv, NULL);

  mg_test_init_display ();
  g_test_add_func ("/scheme-workflow/stance-study", test_stance_study);
  g_test_add_func ("/scheme-workflow/polnear", test_polnear);

  status = g_test_run ();
  mg_test_remove_tree (scratch);
  return status;
}
