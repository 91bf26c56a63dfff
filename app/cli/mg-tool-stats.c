/* mg-tool-stats.c: marginalia-tool stats [--json] DATASET...
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "mg-dataset-io.h"
#include "mg-tool.h"

typedef struct
{
  char       *path;
  MgDataset  *dataset;
} Loaded;

static void
loaded_clear (gpointer data)
{
  Loaded *l = data;

  g_free (l->path);
  g_clear_object (&l->dataset);
}

/* Counts per label, in the order of the label set, then any label the
 * set does not name (which a valid dataset never has). */
static guint *
count_labels (MgLabelSet *labels,
              MgDocument *document)
{
  MgAnnotationStore *store = mg_document_get_store (document);
  guint n_labels = mg_label_set_get_n_labels (labels);
  guint *counts = g_new0 (guint, n_labels + 1);

  for (guint i = 0; i < mg_annotation_store_get_n_annotations (store); i++)
    {
      MgAnnotation *a = mg_annotation_store_get_annotation (store, i);
      int index = mg_label_set_index_of (labels, mg_annotation_get_label (a));

      counts[index < 0 ? n_labels : (guint)index]++;
    }

  return counts;
}

static void
add_counts (JsonBuilder *builder,
            MgLabelSet  *labels,
            const guint *counts)
{
  json_builder_begin_object (builder);
  for (guint i = 0; i < mg_label_set_get_n_labels (labels); i++)
    {
      json_builder_set_member_name (builder, mg_label_get_id (mg_label_set_get_label (labels, i)));
      json_builder_add_int_value (builder, counts[i]);
    }
  json_builder_end_object (builder);
}

static void
print_json (GArray *loaded)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < loaded->len; i++)
    {
      Loaded *l = &g_array_index (loaded, Loaded, i);
      MgLabelSet *labels = mg_dataset_get_labels (l->dataset);
      guint n_labels = mg_label_set_get_n_labels (labels);
      g_autofree guint *total = g_new0 (guint, n_labels + 1);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, l->path);
      json_builder_set_member_name (builder, "annotator");
      json_builder_add_string_value (builder, mg_dataset_get_annotator (l->dataset));
      json_builder_set_member_name (builder, "documents");
      json_builder_add_int_value (builder, mg_dataset_get_n_documents (l->dataset));
      json_builder_set_member_name (builder, "annotations");
      json_builder_add_int_value (builder, mg_dataset_count_annotations (l->dataset));

      json_builder_set_member_name (builder, "per_document");
      json_builder_begin_array (builder);
      for (guint d = 0; d < mg_dataset_get_n_documents (l->dataset); d++)
        {
          MgDocument *doc = mg_dataset_get_document (l->dataset, d);
          g_autofree guint *counts = count_labels (labels, doc);

          for (guint k = 0; k <= n_labels; k++)
            total[k] += counts[k];

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, mg_document_get_id (doc));
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, mg_document_get_title (doc));
          json_builder_set_member_name (builder, "characters");
          json_builder_add_int_value (builder, mg_document_get_length (doc));
          json_builder_set_member_name (builder, "annotations");
          json_builder_add_int_value (builder,
            mg_annotation_store_get_n_annotations (mg_document_get_store (doc)));
          json_builder_set_member_name (builder, "labels");
          add_counts (builder, labels, counts);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      json_builder_set_member_name (builder, "labels");
      add_counts (builder, labels, total);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  mg_tool_print_json (root);
}

static void
print_table (GArray *loaded)
{
  for (guint i = 0; i < loaded->len; i++)
    {
      Loaded *l = &g_array_index (loaded, Loaded, i);
      MgLabelSet *labels = mg_dataset_get_labels (l->dataset);
      guint n_labels = mg_label_set_get_n_labels (labels);
      g_autofree guint *total = g_new0 (guint, n_labels + 1);
      guint n_docs = mg_dataset_get_n_documents (l->dataset);

      if (i > 0)
        printf ("\n");
      printf ("%s\n", l->path);
      printf ("  %s: %s\n", _("annotator"), *mg_dataset_get_annotator (l->dataset)
              ? mg_dataset_get_annotator (l->dataset) : "—");
      printf ("  %s: %u    %s: %u\n\n", _("documents"), n_docs,
              _("annotations"), mg_dataset_count_annotations (l->dataset));

      printf ("  %-32s %7s", _("document"), _("chars"));
      for (guint k = 0; k < n_labels; k++)
        printf (" %7.7s", mg_label_get_id (mg_label_set_get_label (labels, k)));
      printf (" %7s\n", _("total"));

      for (guint d = 0; d < n_docs; d++)
        {
          MgDocument *doc = mg_dataset_get_document (l->dataset, d);
          g_autofree guint *counts = count_labels (labels, doc);
          const char *id = mg_document_get_id (doc);
          g_autofree char *shown = NULL;

          /* Long ids are cut so the columns stay aligned. */
          if (g_utf8_strlen (id, -1) > 32)
            {
              g_autofree char *head = g_utf8_substring (id, 0, 31);
              shown = g_strconcat (head, "…", NULL);
            }
          else
            shown = g_strdup (id);

          printf ("  %-32s %7u", shown, mg_document_get_length (doc));
          for (guint k = 0; k < n_labels; k++)
            {
              printf (" %7u", counts[k]);
              total[k] += counts[k];
            }
          printf (" %7u\n", mg_annotation_store_get_n_annotations (mg_document_get_store (doc)));
        }

      printf ("  %-32s %7s", _("all documents"), "");
      for (guint k = 0; k < n_labels; k++)
        printf (" %7u", total[k]);
      printf (" %7u\n", mg_dataset_count_annotations (l->dataset));
    }
}

int
mg_tool_stats (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GArray) loaded = NULL;
  gboolean as_json = FALSE;
  int status = MG_TOOL_OK;
  int r;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print JSON instead of a table"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("DATASET… — count documents and annotations"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((r = mg_tool_parse (context, &argc, &argv)) != MG_TOOL_OK)
    return r;

  if (argc < 2)
    {
      g_printerr ("marginalia-tool stats: %s\n", _("no dataset given"));
      return MG_TOOL_USAGE;
    }

  loaded = g_array_new (FALSE, TRUE, sizeof (Loaded));
  g_array_set_clear_func (loaded, loaded_clear);

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      Loaded l = { NULL, NULL };

      l.dataset = mg_dataset_load_file (argv[i], &error);
      if (l.dataset == NULL)
        {
          mg_tool_problem ("%s", error->message);
          status = MG_TOOL_INVALID;
          continue;
        }
      l.path = g_strdup (argv[i]);
      g_array_append_val (loaded, l);
    }

  if (as_json)
    print_json (loaded);
  else
    print_table (loaded);

  return status;
}
