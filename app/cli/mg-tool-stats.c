/* mg-tool-stats.c: marginalia-tool stats [--json] DATASET...
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "mg-dataset-io.h"
#include "mg-document-status.h"
#include "mg-suggest-record.h"
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
 * set does not name (which a valid dataset never has): the rule of
 * mg_document_count_labels(). */
static guint *
count_labels (MgLabelSet *labels,
              MgDocument *document)
{
  guint n_labels = mg_label_set_get_n_labels (labels);
  guint *counts = g_new0 (guint, n_labels + 1);

  mg_document_count_labels (document, labels, counts, &counts[n_labels]);
  return counts;
}

/* "labels": {LABEL: N, …}, and "other_labels": N when some annotations
 * have a label the set does not name. */
static void
add_counts (JsonBuilder *builder,
            MgLabelSet  *labels,
            const guint *counts)
{
  guint n_labels = mg_label_set_get_n_labels (labels);

  json_builder_set_member_name (builder, "labels");
  json_builder_begin_object (builder);
  for (guint i = 0; i < n_labels; i++)
    {
      json_builder_set_member_name (builder, mg_label_get_id (mg_label_set_get_label (labels, i)));
      json_builder_add_int_value (builder, counts[i]);
    }
  json_builder_end_object (builder);
  if (counts[n_labels] > 0)
    {
      json_builder_set_member_name (builder, "other_labels");
      json_builder_add_int_value (builder, counts[n_labels]);
    }
}

/* One document's figures, its counts added to @total. */
static void
add_document (JsonBuilder *builder,
              MgLabelSet  *labels,
              MgDocument  *doc,
              guint       *total)
{
  g_autofree guint *counts = count_labels (labels, doc);

  for (guint k = 0; k <= mg_label_set_get_n_labels (labels); k++)
    total[k] += counts[k];

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, mg_document_get_id (doc));
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, mg_document_get_title (doc));
  json_builder_set_member_name (builder, "characters");
  json_builder_add_int_value (builder, mg_document_get_length (doc));
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, mg_document_status_to_string (mg_document_status_get (doc)));
  json_builder_set_member_name (builder, "annotations");
  json_builder_add_int_value (builder,
                              mg_annotation_store_get_n_annotations (mg_document_get_store (doc)));
  add_counts (builder, labels, counts);
  json_builder_end_object (builder);
}

/* "statuses": {"to-do": N, "in-progress": N, "done": N, "skipped": N},
 * every status named, so a script can read any of them. */
static void
add_statuses (JsonBuilder *builder,
              MgDataset   *dataset)
{
  guint counts[MG_DOCUMENT_N_STATUSES];

  mg_document_status_count (dataset, counts);
  json_builder_set_member_name (builder, "statuses");
  json_builder_begin_object (builder);
  for (guint s = 0; s < MG_DOCUMENT_N_STATUSES; s++)
    {
      json_builder_set_member_name (builder, mg_document_status_to_string (s));
      json_builder_add_int_value (builder, counts[s]);
    }
  json_builder_end_object (builder);
}

static void
add_suggestions (JsonBuilder *builder,
                 MgDataset   *dataset)
{
  MgLabelSet *labels = mg_dataset_get_labels (dataset);
  guint n_labels = mg_label_set_get_n_labels (labels);
  MgSuggestCounts c;

  mg_suggest_count_dataset (dataset, &c);
  json_builder_set_member_name (builder, "suggestions");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "enabled");
  json_builder_add_boolean_value (builder, mg_suggest_dataset_get_enabled (dataset));
  json_builder_set_member_name (builder, "accepted");
  json_builder_add_int_value (builder, c.n_began);
  json_builder_set_member_name (builder, "accepted_labels");
  json_builder_begin_object (builder);
  for (guint i = 0; i < n_labels; i++)
    {
      json_builder_set_member_name (builder, mg_label_get_id (mg_label_set_get_label (labels, i)));
      json_builder_add_int_value (builder, c.began[i]);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "relabelled");
  json_builder_add_int_value (builder, c.relabelled);
  json_builder_set_member_name (builder, "rejected");
  json_builder_add_int_value (builder, c.rejected);
  json_builder_end_object (builder);
  mg_suggest_counts_clear (&c);
}

static void
print_suggestions (MgDataset *dataset)
{
  MgLabelSet *labels = mg_dataset_get_labels (dataset);
  guint n_labels = mg_label_set_get_n_labels (labels);
  g_autoptr(GString) per_label = g_string_new (NULL);
  MgSuggestCounts c;

  mg_suggest_count_dataset (dataset, &c);
  if (c.n_began > 0 || c.rejected > 0)
    {
      for (guint i = 0; i <= n_labels; i++)
        if (c.began[i] > 0)
          {
            g_autofree char *label = mg_tool_escape (i < n_labels
                                                     ? mg_label_get_id (mg_label_set_get_label (labels, i))
                                                     : _("other"));

            g_string_append_printf (per_label, "%s%s %u", per_label->len ? ", " : "", label, c.began[i]);
          }
      printf ("\n  ");
      printf (_("began as suggestions: %u of %u annotations"), c.n_began,
              mg_dataset_count_annotations (dataset));
      if (per_label->len > 0)
        printf (" (%s)", per_label->str);
      printf (_("; %u relabelled since; %u suggestions rejected\n"), c.relabelled, c.rejected);
    }
  mg_suggest_counts_clear (&c);
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
      add_statuses (builder, l->dataset);

      json_builder_set_member_name (builder, "per_document");
      json_builder_begin_array (builder);
      for (guint d = 0; d < mg_dataset_get_n_documents (l->dataset); d++)
        add_document (builder, labels, mg_dataset_get_document (l->dataset, d), total);
      json_builder_end_array (builder);

      add_counts (builder, labels, total);
      add_suggestions (builder, l->dataset);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  mg_tool_print_json (root);
}

/* @text escaped for a terminal and cut to @width characters, so that
 * the columns stay aligned. */
static char *
cell (const char *text,
      guint       width)
{
  g_autofree char *shown = mg_tool_escape (text);
  g_autofree char *head = NULL;

  if (g_utf8_strlen (shown, -1) <= width)
    return g_steal_pointer (&shown);
  head = g_utf8_substring (shown, 0, width - 1);
  return g_strconcat (head, "…", NULL);
}

/* printf's widths count bytes; a column counts characters. */
static void
print_cell (const char *text,
            guint       width)
{
  g_autofree char *shown = cell (text, width);

  printf (" %*s%s", (int) (width - g_utf8_strlen (shown, -1)), "", shown);
}

static void
print_header (Loaded     *l,
              MgLabelSet *labels,
              gboolean    with_other)
{
  g_autofree char *path = mg_tool_escape (l->path);
  g_autofree char *annotator = mg_tool_escape (mg_dataset_get_annotator (l->dataset));
  guint counts[MG_DOCUMENT_N_STATUSES];

  printf ("%s\n", path);
  printf ("  %s: %s\n", _("annotator"), *annotator ? annotator : "—");
  printf ("  %s: %u    %s: %u\n", _("documents"), mg_dataset_get_n_documents (l->dataset),
          _("annotations"), mg_dataset_count_annotations (l->dataset));
  mg_document_status_count (l->dataset, counts);
  /* Translators: the counts of documents by status, in a table's header. */
  printf ("  %s: %u    %s: %u    %s: %u    %s: %u\n\n",
          _("to do"), counts[MG_DOCUMENT_STATUS_TO_DO],
          _("in progress"), counts[MG_DOCUMENT_STATUS_IN_PROGRESS],
          _("done"), counts[MG_DOCUMENT_STATUS_DONE],
          _("skipped"), counts[MG_DOCUMENT_STATUS_SKIPPED]);

  printf ("  %-32s %-11s %7s", _("document"), _("status"), _("chars"));
  for (guint k = 0; k < mg_label_set_get_n_labels (labels); k++)
    print_cell (mg_label_get_id (mg_label_set_get_label (labels, k)), 7);
  if (with_other)
    printf (" %7s", _("other"));
  printf (" %7s\n", _("total"));
}

static void
print_row (const char  *name,
           const char  *status,
           const char  *length,
           const guint *counts,
           guint        n_labels,
           gboolean     with_other,
           guint        total)
{
  g_autofree char *shown = cell (name, 32);

  printf ("  %s%*s %-11s %7s", shown, (int) (32 - g_utf8_strlen (shown, -1)), "", status, length);
  for (guint k = 0; k < n_labels + (with_other ? 1 : 0); k++)
    printf (" %7u", counts[k]);
  printf (" %7u\n", total);
}

static void
print_dataset (Loaded *l)
{
  MgLabelSet *labels = mg_dataset_get_labels (l->dataset);
  guint n_labels = mg_label_set_get_n_labels (labels);
  guint n_docs = mg_dataset_get_n_documents (l->dataset);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autofree guint *total = g_new0 (guint, n_labels + 1);

  for (guint d = 0; d < n_docs; d++)
    {
      guint *counts = count_labels (labels, mg_dataset_get_document (l->dataset, d));

      for (guint k = 0; k <= n_labels; k++)
        total[k] += counts[k];
      g_ptr_array_add (rows, counts);
    }

  print_header (l, labels, total[n_labels] > 0);
  for (guint d = 0; d < n_docs; d++)
    {
      MgDocument *doc = mg_dataset_get_document (l->dataset, d);
      g_autofree char *length = g_strdup_printf ("%u", mg_document_get_length (doc));

      print_row (mg_document_get_id (doc), mg_document_status_to_string (mg_document_status_get (doc)),
                 length, g_ptr_array_index (rows, d), n_labels,
                 total[n_labels] > 0, mg_annotation_store_get_n_annotations (mg_document_get_store (doc)));
    }
  print_row (_("all documents"), "", "", total, n_labels, total[n_labels] > 0,
             mg_dataset_count_annotations (l->dataset));
  print_suggestions (l->dataset);
}

static void
print_table (GArray *loaded)
{
  for (guint i = 0; i < loaded->len; i++)
    {
      if (i > 0)
        printf ("\n");
      print_dataset (&g_array_index (loaded, Loaded, i));
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
