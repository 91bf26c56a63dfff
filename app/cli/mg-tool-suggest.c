/* mg-tool-suggest.c: marginalia-tool suggest [--labels=L,…] [--map=K=L,…] [--relations] -o OUT DATASET
 *
 * Adds every suggestion of the rules to a copy of a dataset, each span with
 * its origin, so a team can start from the proposals (or measure them)
 * without the window. What a person rejected in the window, and what is
 * already a span, is not added again. A dataset whose scheme names its
 * labels otherwise gets them under the labels --map or its own
 * "suggestions" "labels" give.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "mg-dataset-io.h"
#include "mg-history.h"
#include "mg-suggest-record.h"
#include "mg-tool.h"

static const struct {
  const char     *label;
  MgSuggestKinds  kind;
} kinds[] = {
  { "quote",  MG_SUGGEST_QUOTES },
  { "actor",  MG_SUGGEST_ACTORS },
  { "figure", MG_SUGGEST_FIGURES },
};

static gboolean
parse_labels (const char     *list,
              MgSuggestKinds *out)
{
  g_auto(GStrv) names = g_strsplit (list ? list : "quote,actor,figure", ",", -1);

  *out = 0;
  for (guint i = 0; names[i] != NULL; i++)
    {
      guint k;

      for (k = 0; k < G_N_ELEMENTS (kinds); k++)
        if (strcmp (names[i], kinds[k].label) == 0)
          break;
      if (k == G_N_ELEMENTS (kinds))
        {
          g_autofree char *shown = mg_tool_escape (names[i]);

          mg_tool_problem ("marginalia-tool suggest: %s “%s” (%s)", _("no suggestions of the label"),
                           shown, "quote, actor, figure");
          return FALSE;
        }
      *out |= kinds[k].kind;
    }
  return *out != 0;
}

/* Whether @label was asked for; a speaker is an actor the relations need,
 * so --relations brings speakers even without actors. */
static gboolean
wanted (const char     *label,
        MgSuggestKinds  asked)
{
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    if (strcmp (label, kinds[k].label) == 0)
      return (asked & kinds[k].kind) != 0 ||
             (kinds[k].kind == MG_SUGGEST_ACTORS && (asked & MG_SUGGEST_RELATIONS));
  return FALSE;
}

/* The suggestions of @document, only of the labels asked for. */
static guint
add_document (MgHistory      *history,
              MgSuggestRules *rules,
              MgDocument     *document,
              JsonObject     *map,
              MgSuggestKinds  asked,
              guint          *per_label,
              GError        **error)
{
  MgAnnotationStore *store = mg_document_get_store (document);
  g_autoptr(MgSuggestions) suggestions = NULL;
  guint before = mg_annotation_store_get_n_relations (store);

  /* Spans and rejections are left out by mg_suggest_accept_all(), which
   * compares label, start and end; a speaker coded already stays among the
   * suggestions, for its quote's relation. */
  suggestions = mg_suggest_document (rules, document, NULL, asked | MG_SUGGEST_KEEP_COVERED,
                                     NULL, error);
  if (suggestions == NULL)
    return 0;
  mg_suggest_map_labels (suggestions, mg_history_get_dataset (history), map);

  mg_history_begin_group (history);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      const char *label = mg_suggest_resolve_label (mg_history_get_dataset (history), map,
                                                    kinds[k].label);

      if (label != NULL && wanted (kinds[k].label, asked))
        per_label[k] += mg_suggest_accept_all (history, document, suggestions, label,
                                               FALSE, error);
    }
  /* A label no suggestion has: no span, only the relations between the
   * spans added above (and those the document had). */
  if ((asked & MG_SUGGEST_RELATIONS) && (error == NULL || *error == NULL))
    mg_suggest_accept_all (history, document, suggestions, "", TRUE, error);
  mg_history_end_group (history);

  return mg_annotation_store_get_n_relations (store) - before;
}

int
mg_tool_suggest (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(MgSuggestRules) rules = NULL;
  g_autoptr(MgDataset) dataset = NULL;
  g_autoptr(MgHistory) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *labels = NULL;
  g_autofree char *map_text = NULL;
  g_autoptr(JsonObject) map = NULL;
  g_autofree char *output = NULL;
  g_autofree char *words = NULL;
  g_autofree char *shown = NULL;
  gboolean relations = FALSE;
  guint per_label[G_N_ELEMENTS (kinds)] = { 0 };
  guint n_relations = 0, n_spans = 0;
  MgSuggestKinds asked;
  GString *counts;
  int r;
  GOptionEntry entries[] = {
    { "labels", 'l', 0, G_OPTION_ARG_STRING, &labels,
      N_("Suggest these labels (default: quote,actor,figure)"), N_("LABEL,…") },
    { "map", 'm', 0, G_OPTION_ARG_STRING, &map_text,
      N_("Put each kind of suggestion under a label of the dataset, as quote=content,actor=source "
         "(an empty label leaves a kind out; default: the dataset's “suggestions” “labels”)"),
      N_("KIND=LABEL,…") },
    { "relations", 'r', 0, G_OPTION_ARG_NONE, &relations,
      N_("Attribute each quote to its suggested speaker, who is added as an actor"), NULL },
    { "words", 0, 0, G_OPTION_ARG_FILENAME, &words,
      N_("A folder of word lists to add to the built-in ones"), N_("DIR") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the dataset to FILE"), N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (_("DATASET — add the suggested spans to a copy of a dataset"));
  g_option_context_set_description (context,
    _("Every suggestion becomes an annotation with its “origin” (the rule and "
      "the label it proposed), unless the document has that span already or "
      "its “rejected_suggestions” hold it. A label the dataset does not define "
      "is left out, with a warning."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((r = mg_tool_parse (context, &argc, &argv)) != MG_TOOL_OK)
    return r;

  if (!parse_labels (labels, &asked))
    return MG_TOOL_USAGE;
  if (relations)
    asked |= MG_SUGGEST_RELATIONS;
  if (map_text != NULL && (map = mg_suggest_parse_label_map (map_text, &error)) == NULL)
    {
      mg_tool_problem ("marginalia-tool suggest: --map: %s", error->message);
      return MG_TOOL_USAGE;
    }
  if (output == NULL)
    {
      g_printerr ("marginalia-tool suggest: %s\n", _("say where to write the dataset with -o FILE"));
      return MG_TOOL_USAGE;
    }
  if (argc != 2)
    {
      g_printerr ("marginalia-tool suggest: %s\n", _("give one dataset"));
      return MG_TOOL_USAGE;
    }
  if (!mg_tool_check_outputs ("suggest", (const char *[]) { output }, 1, argv + 1, 1))
    return MG_TOOL_USAGE;

  /* The rules read the lists they find there and skip the rest, so a
   * mistyped folder would pass unnoticed. */
  if (words != NULL && !g_file_test (words, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *shown_words = mg_tool_escape (words);

      mg_tool_problem ("%s: %s", shown_words, _("not a folder of word lists"));
      return MG_TOOL_INVALID;
    }
  rules = mg_suggest_rules_new (words, &error);
  if (rules == NULL)
    {
      mg_tool_problem ("%s", error->message);
      return MG_TOOL_INVALID;
    }

  dataset = mg_dataset_load_file (argv[1], &error);
  if (dataset == NULL)
    {
      mg_tool_problem ("%s", error->message);
      return MG_TOOL_INVALID;
    }

  shown = mg_tool_escape (argv[1]);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      JsonNode *given = map ? json_object_get_member (map, kinds[k].label) : NULL;
      const char *mapped = given ? json_node_get_string (given) : NULL;

      /* A mistyped label would leave a kind out without a word. */
      if (mapped != NULL && *mapped != '\0' &&
          mg_label_set_lookup (mg_dataset_get_labels (dataset), mapped) == NULL)
        {
          g_autofree char *shown_label = mg_tool_escape (mapped);

          mg_tool_problem (_("%s: the dataset has no label “%s” (--map %s=%s)"), shown,
                           shown_label, kinds[k].label, shown_label);
          return MG_TOOL_INVALID;
        }
      if (wanted (kinds[k].label, asked) && (mapped == NULL || *mapped != '\0') &&
          mg_suggest_resolve_label (dataset, map, kinds[k].label) == NULL)
        g_printerr (_("%s: the dataset has no label “%s”: its suggestions are left out\n"),
                    shown, kinds[k].label);
    }

  history = mg_history_new (dataset);
  for (guint d = 0; d < mg_dataset_get_n_documents (dataset); d++)
    {
      MgDocument *document = mg_dataset_get_document (dataset, d);

      n_relations += add_document (history, rules, document, map, asked, per_label, &error);
      if (error != NULL)
        {
          g_autofree char *id = mg_tool_escape (mg_document_get_id (document));

          mg_tool_problem (_("%s: document “%s”: %s"), argv[1], id, error->message);
          return MG_TOOL_INVALID;
        }
    }

  if (!mg_dataset_save_file (dataset, output, &error))
    {
      mg_tool_problem ("%s", error->message);
      return MG_TOOL_INVALID;
    }

  counts = g_string_new (NULL);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    if (wanted (kinds[k].label, asked))
      {
        const char *label = mg_suggest_resolve_label (dataset, map, kinds[k].label);

        /* Under the dataset's label, as the spans are. */
        g_string_append_printf (counts, "%s%s %u", counts->len ? ", " : "",
                                label ? label : kinds[k].label, per_label[k]);
        n_spans += per_label[k];
      }
  g_free (shown);
  shown = mg_tool_escape (output);
  printf (_("%s: %u suggested spans added (%s), %u relations\n"), shown, n_spans, counts->str,
          n_relations);
  g_string_free (counts, TRUE);
  return MG_TOOL_OK;
}
