/* test-export-dialog.c: the Export dialog writes what the core writes
 *
 * The dialog is opened through the window's action, set up through its
 * API as its rows would set it, and run through its actions. Every file it
 * writes is compared byte for byte with what mg_export_to_file() writes
 * for the same dataset.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "mg-export-dialog.h"
#include "mg-test-gui.h"

/* An export that takes longer than this has hung. */
#define EXPORT_TIMEOUT_MS       (60 * 1000)

static char *
fixture_path (void)
{
  return mg_test_fixture_path ("export-dialog", "dataset.json");
}

static MgWindow *
open_fixture (void)
{
  return mg_test_open_fixture ("export-dialog", "dataset.json");
}

static MgExportDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  MgExportDialog *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (MG_IS_EXPORT_DIALOG (item))
        {
          g_assert_null (found);
          found = MG_EXPORT_DIALOG (item);
        }
    }
  return found;
}

/* Ctrl+E, as the window's key binding and menu item run it. */
static MgExportDialog *
open_dialog (MgWindow *window)
{
  MgExportDialog *dialog;

  g_assert_null (find_dialog ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  mg_test_spin ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  return dialog;
}

/* What the waits below wait for. @weak is the address of a weak pointer
 * to a dialog. */
static gboolean
gone (gpointer weak)
{
  return *(gpointer *) weak == NULL;
}

static gboolean
gone_or_idle (gpointer weak)
{
  return gone (weak) || !mg_export_dialog_get_busy (*(MgExportDialog **) weak);
}

static gboolean
idle (gpointer dialog)
{
  return !mg_export_dialog_get_busy (dialog);
}

static gboolean
no_dialog (gpointer data)
{
  return find_dialog () == NULL;
}

/* Runs the export and waits for it. Returns whether the dialog closed,
 * which it does after a success. */
static gboolean
run_export (MgExportDialog *dialog)
{
  gpointer weak = dialog;

  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.run", NULL));
  g_assert_true (mg_export_dialog_get_busy (dialog));
  g_assert_true (mg_test_spin_until (gone_or_idle, &weak, EXPORT_TIMEOUT_MS));
  mg_test_spin ();
  if (weak == NULL)
    return TRUE;
  g_object_remove_weak_pointer (G_OBJECT (dialog), &weak);
  return FALSE;
}

static char *
make_tmpdir (void)
{
  return mg_test_make_tmpdir ("mg-export-dialog-XXXXXX");
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* Names in @path, sorted, joined by spaces: what a folder holds. */
static char *
list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return NULL;
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
assert_same_file (const char *got,
                  const char *expected)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  gsize na, nb;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (got, &a, &na, &error);
  g_assert_no_error (error);
  g_file_get_contents (expected, &b, &nb, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (na, >, 0);
  g_assert_cmpmem (a, na, b, nb);
}

/* Both folders hold the same names with the same bytes. */
static void
assert_same_tree (const char *got,
                  const char *expected)
{
  g_autofree char *names = list_dir (got);
  g_autofree char *expected_names = list_dir (expected);
  g_auto(GStrv) split = NULL;

  g_assert_nonnull (names);
  g_assert_cmpstr (names, ==, expected_names);
  split = g_strsplit (names, " ", -1);
  for (guint i = 0; split[i] != NULL; i++)
    {
      g_autofree char *a = g_build_filename (got, split[i], NULL);
      g_autofree char *b = g_build_filename (expected, split[i], NULL);

      if (g_file_test (a, G_FILE_TEST_IS_REGULAR) && g_file_test (b, G_FILE_TEST_IS_REGULAR))
        {
          g_autofree char *ca = NULL;
          g_autofree char *cb = NULL;
          gsize na, nb;

          g_assert_true (g_file_get_contents (a, &ca, &na, NULL));
          g_assert_true (g_file_get_contents (b, &cb, &nb, NULL));
          g_assert_cmpmem (ca, na, cb, nb);
        }
    }
}

static const char *extensions[MG_EXPORT_N_FORMATS] = {
  [MG_EXPORT_JSONL] = "dataset.jsonl",
  [MG_EXPORT_CSV] = "dataset.csv",
  [MG_EXPORT_BRAT] = "dataset-brat",
  [MG_EXPORT_CONLL] = "dataset.conll",
  [MG_EXPORT_W3C] = "dataset.jsonld",
  [MG_EXPORT_DOCCANO] = "dataset-doccano.jsonl",
  [MG_EXPORT_LABEL_STUDIO] = "dataset-label-studio.json",
};

static void
export_one (MgWindow        *window,
            const char      *tmp,
            MgExportFormat   format,
            MgExportOffsets  offsets)
{
  MgExportDialog *dialog = open_dialog (window);
  g_autofree char *fixture = fixture_path ();
  g_autofree char *fixture_dir = g_path_get_dirname (fixture);
  g_autoptr(GFile) offered = NULL;
  g_autoptr(GFile) chosen = NULL;
  g_autoptr(GFile) reference = NULL;
  g_autoptr(GFile) offered_dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *offered_name = NULL;
  g_autofree char *chosen_path = NULL;
  g_autofree char *reference_path = NULL;
  g_autofree char *subdir = g_strdup_printf ("%s/%s-%s", tmp, mg_export_format_to_string (format),
                                             mg_export_offsets_to_string (offsets));

  g_assert_cmpint (g_mkdir (subdir, 0700), ==, 0);
  mg_export_dialog_set_format (dialog, format);
  mg_export_dialog_set_offsets (dialog, offsets);
  g_assert_cmpint (mg_export_dialog_get_format (dialog), ==, format);
  g_assert_cmpint (mg_export_dialog_get_offsets (dialog), ==, offsets);

  /* Offered beside the dataset, named after it and the format. */
  offered = mg_export_dialog_get_destination (dialog);
  offered_name = g_file_get_basename (offered);
  offered_dir = g_file_get_parent (offered);
  g_assert_cmpstr (offered_name, ==, extensions[format]);
  g_assert_cmpstr (g_file_peek_path (offered_dir), ==, fixture_dir);

  chosen_path = g_build_filename (subdir, offered_name, NULL);
  chosen = g_file_new_for_path (chosen_path);
  mg_export_dialog_set_destination (dialog, chosen);
  if (format == MG_EXPORT_LABEL_STUDIO)
    mg_export_dialog_set_write_config (dialog, TRUE);

  g_assert_true (run_export (dialog));
  g_assert_null (find_dialog ());

  /* The same export, made directly by the core. */
  reference_path = g_strdup_printf ("%s/reference-%s-%s", tmp, mg_export_format_to_string (format),
                                    mg_export_offsets_to_string (offsets));
  reference = g_file_new_for_path (reference_path);
  g_assert_true (mg_export_to_file (mg_window_get_dataset (window), format, offsets, reference,
                                    NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  if (format == MG_EXPORT_BRAT)
    assert_same_tree (chosen_path, reference_path);
  else
    assert_same_file (chosen_path, reference_path);

  if (format == MG_EXPORT_LABEL_STUDIO)
    {
      g_autofree char *config_path = g_build_filename (subdir, "dataset-label-config.xml", NULL);
      g_autofree char *config = NULL;
      g_autofree char *expected = mg_export_label_studio_config (mg_window_get_dataset (window));
      g_autofree char *names = list_dir (subdir);

      g_assert_true (g_file_get_contents (config_path, &config, NULL, NULL));
      g_assert_cmpstr (config, ==, expected);
      g_assert_cmpstr (names, ==, "dataset-label-config.xml dataset-label-studio.json");
    }
  else
    {
      g_autofree char *names = list_dir (subdir);

      /* Nothing beside the export: no temporary file, no config. */
      g_assert_cmpstr (names, ==, offered_name);
    }
}

/* A button of a toast on @window whose action is win.open-folder, or NULL. */
static GtkWidget *
find_open_folder_button (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), "win.open-folder") == 0)
        return child;
      if ((found = find_open_folder_button (child)) != NULL)
        return found;
    }
  return NULL;
}

/* After an export, the toast offers to open the folder that holds it. */
static void
test_open_folder_toast (void)
{
  MgWindow *window;
  GtkWidget *button;
  GVariant *target;
  g_autofree char *tmp = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GFile) folder = NULL;

  MG_TEST_REQUIRE_DISPLAY ();
  window = open_fixture ();
  tmp = make_tmpdir ();
  export_one (window, tmp, MG_EXPORT_CSV, MG_EXPORT_OFFSETS_CODEPOINT);
  mg_test_spin_for (200);

  button = find_open_folder_button (GTK_WIDGET (window));
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Open Folder");
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));
  {
    g_autofree char *subdir = g_build_filename (tmp, "csv-codepoint", NULL);

    folder = g_file_new_for_path (subdir);
  }
  uri = g_file_get_uri (folder);
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, uri);

  mg_test_close_window (window);
  mg_test_remove_tree (tmp);
}

static void
test_every_format (void)
{
  MgWindow *window;
  g_autofree char *tmp = NULL;

  MG_TEST_REQUIRE_DISPLAY ();
  window = open_fixture ();
  tmp = make_tmpdir ();

  for (MgExportFormat format = 0; format < MG_EXPORT_N_FORMATS; format++)
    export_one (window, tmp, format, MG_EXPORT_OFFSETS_CODEPOINT);
  /* The fixture has emoji before spans: UTF-16 offsets differ from code
   * points there, so a mix-up would show. */
  export_one (window, tmp, MG_EXPORT_JSONL, MG_EXPORT_OFFSETS_UTF16);
  export_one (window, tmp, MG_EXPORT_W3C, MG_EXPORT_OFFSETS_UTF16);
  export_one (window, tmp, MG_EXPORT_LABEL_STUDIO, MG_EXPORT_OFFSETS_UTF16);

  mg_test_close_window (window);
  mg_test_remove_tree (tmp);
}

/* The JSONL exports of the two offsets really differ for this fixture:
 * otherwise the test above could not tell them apart. */
static void
test_offsets_differ (void)
{
  g_autofree char *path = fixture_path ();
  g_autoptr(MgDataset) dataset = mg_dataset_load_file (path, NULL);
  g_autoptr(GOutputStream) a = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) b = g_memory_output_stream_new_resizable ();

  g_assert_nonnull (dataset);
  g_assert_true (mg_export_to_stream (dataset, MG_EXPORT_JSONL, MG_EXPORT_OFFSETS_CODEPOINT,
                                      a, NULL, NULL, NULL, NULL));
  g_assert_true (mg_export_to_stream (dataset, MG_EXPORT_JSONL, MG_EXPORT_OFFSETS_UTF16,
                                      b, NULL, NULL, NULL, NULL));
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (a)), >, 0);
  g_assert_false (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (a)) ==
                  g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (b)) &&
                  memcmp (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (a)),
                          g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (b)),
                          g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (a))) == 0);
}

/* Switching formats keeps the folder and the name typed, and changes only
 * the ending. */
static void
test_destination_follows_format (void)
{
  MgWindow *window;
  MgExportDialog *dialog;
  g_autoptr(GFile) chosen = g_file_new_for_path ("/srv/exports/notes.csv");
  const struct { MgExportFormat format; const char *path; } steps[] = {
    { MG_EXPORT_JSONL, "/srv/exports/notes.jsonl" },
    { MG_EXPORT_BRAT, "/srv/exports/notes-brat" },
    { MG_EXPORT_DOCCANO, "/srv/exports/notes-doccano.jsonl" },
    { MG_EXPORT_LABEL_STUDIO, "/srv/exports/notes-label-studio.json" },
    { MG_EXPORT_CSV, "/srv/exports/notes.csv" },
  };

  MG_TEST_REQUIRE_DISPLAY ();
  window = open_fixture ();
  dialog = open_dialog (window);

  mg_export_dialog_set_format (dialog, MG_EXPORT_CSV);
  mg_export_dialog_set_destination (dialog, chosen);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(GFile) target = NULL;

      mg_export_dialog_set_format (dialog, steps[i].format);
      target = mg_export_dialog_get_destination (dialog);
      g_assert_cmpstr (g_file_peek_path (target), ==, steps[i].path);
    }

  /* The config is only for Label Studio, and is named after the export. */
  mg_export_dialog_set_write_config (dialog, TRUE);
  g_assert_false (mg_export_dialog_get_write_config (dialog));
  mg_export_dialog_set_format (dialog, MG_EXPORT_LABEL_STUDIO);
  g_assert_true (mg_export_dialog_get_write_config (dialog));
  {
    g_autoptr(GFile) config = mg_export_dialog_get_config_file (dialog);

    g_assert_cmpstr (g_file_peek_path (config), ==, "/srv/exports/notes-label-config.xml");
  }

  /* Cancel with nothing under way closes the dialog. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.cancel", NULL));
  mg_test_spin ();
  g_assert_null (find_dialog ());
  mg_test_close_window (window);
}

static MgDataset *
generate_dataset (guint n_documents)
{
  g_autoptr(MgLabelSet) labels = mg_label_set_new_default ();
  MgDataset *dataset = mg_dataset_new_with_labels (labels);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < 40; i++)
    g_string_append (text, "The minister said “rates will fall by 2 % 🙂” on Monday. ");

  for (guint i = 0; i < n_documents; i++)
    {
      g_autofree char *id = g_strdup_printf ("doc-%05u", i);
      g_autoptr(MgDocument) document = mg_document_new (id, text->str, -1);
      MgAnnotationStore *store = mg_document_get_store (document);

      mg_document_set_title (document, id);
      for (guint j = 0; j < 8; j++)
        {
          g_autofree char *aid = mg_annotation_store_next_id (store);
          g_autoptr(MgAnnotation) annotation = mg_annotation_new (aid, j % 2 ? "quote" : "actor",
                                                                  j * 57 + 4, j * 57 + 12);

          g_assert_true (mg_annotation_store_add (store, annotation, NULL));
        }
      g_assert_true (mg_dataset_add_document (dataset, document));
    }

  return dataset;
}

/* Starts the export and, before the thread can have done much of it,
 * presses Cancel; waits until it stops. */
static void
run_and_cancel (MgExportDialog *dialog)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.run", NULL));
  g_assert_true (mg_export_dialog_get_busy (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.cancel", NULL));
  g_assert_true (mg_test_spin_until (idle, dialog, EXPORT_TIMEOUT_MS));
  mg_test_spin ();
}

/* A long export cancelled leaves nothing behind, in every format (each
 * writes to a temporary name first), and the dialog open. */
static void
test_cancel (void)
{
  g_autoptr(MgDataset) dataset = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *tmp = NULL;
  MgWindow *window;

  MG_TEST_REQUIRE_DISPLAY ();
  dataset = generate_dataset (4000);
  window = mg_test_open_window (dataset, NULL);
  tmp = make_tmpdir ();
  folder = g_file_new_for_path (tmp);

  for (MgExportFormat format = 0; format < MG_EXPORT_N_FORMATS; format++)
    {
      MgExportDialog *dialog = open_dialog (window);
      g_autoptr(GFile) offered = NULL;
      g_autoptr(GFile) target = NULL;
      g_autofree char *name = NULL;
      g_autofree char *names = NULL;

      mg_export_dialog_set_format (dialog, format);
      offered = mg_export_dialog_get_destination (dialog);
      name = g_file_get_basename (offered);
      target = g_file_get_child (folder, name);
      mg_export_dialog_set_destination (dialog, target);
      mg_export_dialog_set_write_config (dialog, TRUE);

      run_and_cancel (dialog);

      /* Still open, saying so, and not as an error. */
      g_assert_true (find_dialog () == dialog);
      g_assert_null (mg_export_dialog_get_error_message (dialog));
      names = list_dir (tmp);
      g_assert_cmpstr (names, ==, "");

      gtk_window_destroy (GTK_WINDOW (dialog));
      mg_test_spin ();
    }

  mg_test_close_window (window);
  mg_test_remove_tree (tmp);
}

/* Closing the dialog in the middle cancels too, and leaves nothing. */
static void
test_close_while_busy (void)
{
  g_autoptr(MgDataset) dataset = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *target_path = NULL;
  g_autofree char *names = NULL;
  g_autoptr(GFile) target = NULL;
  MgExportDialog *dialog;
  MgWindow *window;
  gpointer weak;

  MG_TEST_REQUIRE_DISPLAY ();
  dataset = generate_dataset (4000);
  window = mg_test_open_window (dataset, NULL);
  tmp = make_tmpdir ();
  target_path = g_build_filename (tmp, "big.csv", NULL);
  target = g_file_new_for_path (target_path);

  dialog = open_dialog (window);
  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  mg_export_dialog_set_format (dialog, MG_EXPORT_CSV);
  mg_export_dialog_set_destination (dialog, target);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.run", NULL));
  gtk_window_close (GTK_WINDOW (dialog));
  /* The task holds the dialog until its thread stops. */
  g_assert_true (mg_test_spin_until (gone, &weak, EXPORT_TIMEOUT_MS));
  mg_test_spin ();

  g_assert_null (find_dialog ());
  names = list_dir (tmp);
  g_assert_cmpstr (names, ==, "");

  mg_test_close_window (window);
  mg_test_remove_tree (tmp);
}

/* A folder that is not there: the dialog says so in one line, stays open,
 * and writes nothing anywhere. */
static void
test_missing_folder (void)
{
  g_autofree char *tmp = NULL;
  g_autofree char *target_path = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *names = NULL;
  g_autoptr(GFile) target = NULL;
  GtkWidget *label;
  MgExportDialog *dialog;
  MgWindow *window;

  MG_TEST_REQUIRE_DISPLAY ();
  window = open_fixture ();
  tmp = make_tmpdir ();
  missing = g_build_filename (tmp, "missing", NULL);

  for (MgExportFormat format = 0; format < MG_EXPORT_N_FORMATS; format++)
    {
      const char *message;

      dialog = open_dialog (window);
      mg_export_dialog_set_format (dialog, format);
      target_path = g_build_filename (missing, format == MG_EXPORT_BRAT ? "out" : "out.txt", NULL);
      g_clear_object (&target);
      target = g_file_new_for_path (target_path);
      g_clear_pointer (&target_path, g_free);
      mg_export_dialog_set_destination (dialog, target);

      g_assert_false (run_export (dialog));
      message = mg_export_dialog_get_error_message (dialog);
      g_assert_nonnull (message);
      /* The row above names the folder; the line says what is wrong. */
      g_assert_cmpstr (message, ==, "no such folder");

      /* The message is on show. */
      label = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), MG_TYPE_EXPORT_DIALOG,
                                                         "status_label"));
      g_assert_true (gtk_widget_is_visible (label));
      g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), message));
      g_assert_true (gtk_widget_has_css_class (label, "error"));

      /* Changing the destination clears it. */
      mg_export_dialog_set_destination (dialog, target);
      g_assert_null (mg_export_dialog_get_error_message (dialog));
      g_assert_false (gtk_widget_is_visible (label));

      gtk_window_destroy (GTK_WINDOW (dialog));
      mg_test_spin ();
    }

  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  names = list_dir (tmp);
  g_assert_cmpstr (names, ==, "");

  mg_test_close_window (window);
  mg_test_remove_tree (tmp);
}

/* A config that cannot be written does not undo the export, and says so. */
static void
test_config_fails (void)
{
  g_autofree char *tmp = NULL;
  g_autofree char *target_path = NULL;
  g_autofree char *blocker = NULL;
  g_autoptr(GFile) target = NULL;
  MgExportDialog *dialog;
  MgWindow *window;
  const char *message;

  MG_TEST_REQUIRE_DISPLAY ();
  window = open_fixture ();
  tmp = make_tmpdir ();
  target_path = g_build_filename (tmp, "tasks.json", NULL);
  target = g_file_new_for_path (target_path);
  /* A folder where the config would go. */
  blocker = g_build_filename (tmp, "tasks-label-config.xml", NULL);
  g_assert_cmpint (g_mkdir (blocker, 0700), ==, 0);

  dialog = open_dialog (window);
  mg_export_dialog_set_format (dialog, MG_EXPORT_LABEL_STUDIO);
  mg_export_dialog_set_destination (dialog, target);
  mg_export_dialog_set_write_config (dialog, TRUE);
  g_assert_false (run_export (dialog));

  message = mg_export_dialog_get_error_message (dialog);
  g_assert_nonnull (message);
  g_assert_true (g_str_has_prefix (message, "Exported, but the labelling config was not written: "));
  g_assert_true (g_file_test (target_path, G_FILE_TEST_IS_REGULAR));

  gtk_window_destroy (GTK_WINDOW (dialog));
  mg_test_close_window (window);
  mg_test_remove_tree (tmp);
}

/* The export reads a copy taken when Export is pressed: an edit of the
 * window's dataset meanwhile does not reach the file. */
static void
test_snapshot (void)
{
  g_autoptr(MgDataset) dataset = NULL;
  g_autoptr(MgDataset) before = NULL;
  g_autoptr(MgDocument) extra = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GFile) reference = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *target_path = NULL;
  g_autofree char *reference_path = NULL;
  MgExportDialog *dialog;
  MgWindow *window;

  MG_TEST_REQUIRE_DISPLAY ();
  dataset = generate_dataset (2000);
  bytes = mg_dataset_to_bytes (dataset);
  before = mg_dataset_load_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                 "before", NULL);
  g_assert_nonnull (before);
  window = mg_test_open_window (dataset, NULL);
  tmp = make_tmpdir ();
  target_path = g_build_filename (tmp, "out.jsonl", NULL);
  target = g_file_new_for_path (target_path);

  dialog = open_dialog (window);
  mg_export_dialog_set_destination (dialog, target);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.run", NULL));

  /* As an import finishing in the background would. */
  extra = mg_document_new ("late", "Added while the export ran.", -1);
  mg_history_add_document (mg_window_get_history (window), extra);
  g_assert_cmpuint (mg_dataset_get_n_documents (dataset), ==, 2001);

  g_assert_true (mg_test_spin_until (no_dialog, NULL, EXPORT_TIMEOUT_MS));
  mg_test_spin ();

  reference_path = g_build_filename (tmp, "reference.jsonl", NULL);
  reference = g_file_new_for_path (reference_path);
  g_assert_true (mg_export_to_file (before, MG_EXPORT_JSONL, MG_EXPORT_OFFSETS_CODEPOINT,
                                    reference, NULL, NULL, NULL, NULL));
  assert_same_file (target_path, reference_path);

  mg_test_close_window (window);
  mg_test_remove_tree (tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  mg_test_init_display ();

  g_test_add_func ("/export-dialog/offsets-differ", test_offsets_differ);
  g_test_add_func ("/export-dialog/every-format", test_every_format);
  g_test_add_func ("/export-dialog/open-folder-toast", test_open_folder_toast);
  g_test_add_func ("/export-dialog/destination-follows-format", test_destination_follows_format);
  g_test_add_func ("/export-dialog/cancel", test_cancel);
  g_test_add_func ("/export-dialog/close-while-busy", test_close_while_busy);
  g_test_add_func ("/export-dialog/missing-folder", test_missing_folder);
  g_test_add_func ("/export-dialog/config-fails", test_config_fails);
  g_test_add_func ("/export-dialog/snapshot", test_snapshot);

  return g_test_run ();
}
