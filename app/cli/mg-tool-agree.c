/* mg-tool-agree.c: marginalia-tool agree [--json] A B [C…]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdio.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "mg-agreement.h"
#include "mg-dataset-io.h"
#include "mg-tool.h"

/* JSON -------------------------------------------------------------------- */

static void
add_number (JsonBuilder *builder,
            const char  *member,
            double       value)
{
  json_builder_set_member_name (builder, member);
  if (isnan (value))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, value);
}

static void
add_scores (JsonBuilder        *builder,
            const MgSpanScores *s)
{
  json_builder_begin_object (builder);
  add_number (builder, "precision", s->precision);
  add_number (builder, "recall", s->recall);
  add_number (builder, "f1", s->f1);
  json_builder_end_object (builder);
}

static void
add_one (JsonBuilder              *builder,
         const char               *member,
         const MgAgreementFigures *f,
         guint                     kind)
{
  if (kind == 2)
    add_number (builder, member, f->kappa);
  else
    {
      json_builder_set_member_name (builder, member);
      add_scores (builder, kind == 0 ? &f->exact : &f->overlap);
    }
}

/* exact, overlap, kappa and alpha of one document (or of all, @document
 * -1), each as {"overall": …, "labels": {LABEL: …}} but alpha. */
static void
add_figures (JsonBuilder *builder,
             MgAgreement *agreement,
             int          document)
{
  static const char *kinds[] = { "exact", "overlap", "kappa" };

  for (guint kind = 0; kind < G_N_ELEMENTS (kinds); kind++)
    {
      json_builder_set_member_name (builder, kinds[kind]);
      json_builder_begin_object (builder);
      add_one (builder, "overall", mg_agreement_get_figures (agreement, document, -1), kind);
      json_builder_set_member_name (builder, "labels");
      json_builder_begin_object (builder);
      for (guint l = 0; l < mg_agreement_get_n_labels (agreement); l++)
        add_one (builder, mg_agreement_get_label (agreement, l),
                 mg_agreement_get_figures (agreement, document, l), kind);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  add_number (builder, "alpha", mg_agreement_get_figures (agreement, document, -1)->alpha);
}

static void
add_span (JsonBuilder  *builder,
          const char   *member,
          MgAnnotation *a)
{
  json_builder_set_member_name (builder, member);
  if (a == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, mg_annotation_get_id (a));
  json_builder_set_member_name (builder, "start");
  json_builder_add_int_value (builder, mg_annotation_get_start (a));
  json_builder_set_member_name (builder, "end");
  json_builder_add_int_value (builder, mg_annotation_get_end (a));
  json_builder_set_member_name (builder, "label");
  json_builder_add_string_value (builder, mg_annotation_get_label (a));
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, mg_annotation_get_text (a));
  json_builder_end_object (builder);
}

static void
add_documents (JsonBuilder *builder,
               MgAgreement *agreement)
{
  GPtrArray *left_out = mg_agreement_get_left_out (agreement);

  json_builder_set_member_name (builder, "documents");
  json_builder_begin_array (builder);
  for (guint d = 0; d < mg_agreement_get_n_documents (agreement); d++)
    {
      MgDocument *doc = mg_agreement_get_document (agreement, d, 0);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, mg_document_get_id (doc));
      json_builder_set_member_name (builder, "text_sha256");
      json_builder_add_string_value (builder, mg_document_get_text_sha256 (doc));
      json_builder_set_member_name (builder, "compared");
      json_builder_add_boolean_value (builder, TRUE);
      json_builder_end_object (builder);
    }
  for (guint i = 0; i < left_out->len; i++)
    {
      MgLeftOutDocument *out = g_ptr_array_index (left_out, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, out->id);
      json_builder_set_member_name (builder, "text_sha256");
      json_builder_add_string_value (builder, out->text_sha256);
      json_builder_set_member_name (builder, "compared");
      json_builder_add_boolean_value (builder, FALSE);
      json_builder_set_member_name (builder, "note");
      json_builder_add_string_value (builder, out->note);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* "attributes" and "codes": {ID: {"kappa", "alpha", "pairs", "units"}},
 * when the datasets have any. */
static void
add_values (JsonBuilder *builder,
            MgAgreement *agreement)
{
  for (int codes = 0; codes < 2; codes++)
    {
      gboolean open = FALSE;

      for (guint i = 0; i < mg_agreement_get_n_values (agreement); i++)
        {
          const MgValueAgreement *v = mg_agreement_get_value (agreement, i);

          if (v->is_code != codes)
            continue;
          if (!open)
            {
              json_builder_set_member_name (builder, codes ? "codes" : "attributes");
              json_builder_begin_object (builder);
              open = TRUE;
            }
          json_builder_set_member_name (builder, v->id);
          json_builder_begin_object (builder);
          add_number (builder, "kappa", v->kappa);
          add_number (builder, "alpha", v->alpha);
          json_builder_set_member_name (builder, "pairs");
          json_builder_add_int_value (builder, v->n_pairs);
          json_builder_set_member_name (builder, "units");
          json_builder_add_int_value (builder, v->n_units);
          json_builder_end_object (builder);
        }
      if (open)
        json_builder_end_object (builder);
    }
}

static void
print_json (MgAgreement *agreement)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "annotators");
  json_builder_begin_array (builder);
  for (guint k = 0; k < mg_agreement_get_n_annotators (agreement); k++)
    json_builder_add_string_value (builder, mg_agreement_get_annotator (agreement, k));
  json_builder_end_array (builder);

  add_documents (builder, agreement);
  add_figures (builder, agreement, -1);
  add_values (builder, agreement);

  json_builder_set_member_name (builder, "per_document");
  json_builder_begin_array (builder);
  for (guint d = 0; d < mg_agreement_get_n_documents (agreement); d++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, mg_document_get_id (mg_agreement_get_document (agreement, d, 0)));
      json_builder_set_member_name (builder, "tokens");
      json_builder_add_int_value (builder, mg_agreement_get_figures (agreement, d, -1)->n_tokens);
      add_figures (builder, agreement, d);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "disagreements");
  json_builder_begin_array (builder);
  for (guint i = 0; i < mg_agreement_get_n_disagreements (agreement); i++)
    {
      const MgDisagreement *d = mg_agreement_get_disagreement (agreement, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "document");
      json_builder_add_string_value (builder,
        mg_document_get_id (mg_agreement_get_document (agreement, d->document, 0)));
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, mg_disagreement_kind_to_string (d->kind));
      add_span (builder, "a", d->a);
      add_span (builder, "b", d->b);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  mg_tool_print_json (root);
}

/* Table ------------------------------------------------------------------- */

static const char *cell (char        buffer[32],
                         double      value);

/* Kappa and alpha of each attribute and document code, when there are any. */
static void
print_values (MgAgreement *agreement)
{
  for (int codes = 0; codes < 2; codes++)
    {
      gboolean open = FALSE;

      for (guint i = 0; i < mg_agreement_get_n_values (agreement); i++)
        {
          const MgValueAgreement *v = mg_agreement_get_value (agreement, i);
          g_autofree char *id = NULL;
          char k[32], a[32];
          int pad;

          if (v->is_code != codes)
            continue;
          if (!open)
            {
              printf ("\n%s\n", codes ? _("Document codes, over the documents compared:")
                                       : _("Attributes, over the spans marked alike (kappa: A and B; alpha: all):"));
              printf ("  %-20s %7s  %7s  %s\n", codes ? _("code") : _("attribute"),
                      _("kappa"), _("alpha"), codes ? _("documents") : _("spans (A and B / all)"));
              open = TRUE;
            }
          id = mg_tool_escape (v->id);
          pad = 20 - (int) g_utf8_strlen (id, -1);
          printf ("  %s%*s %s  %s  ", id, MAX (pad, 0), "", cell (k, v->kappa), cell (a, v->alpha));
          if (codes)
            printf ("%u\n", v->n_units);
          else
            printf ("%u / %u\n", v->n_pairs, v->n_units);
        }
    }
}

/* A figure in 7 columns; undefined ones as a dash. */
static const char *
cell (char   buffer[32],
      double value)
{
  if (isnan (value))
    return "      —";
  g_snprintf (buffer, 32, "%7.3f", value);
  return buffer;
}

static void
print_row (const char               *name,
           const MgAgreementFigures *f,
           gboolean                  with_alpha)
{
  char b[7][32];
  g_autofree char *shown = mg_tool_escape (name);
  g_autofree char *head = g_utf8_substring (shown, 0, MIN (g_utf8_strlen (shown, -1), 20));
  int pad = 20 - (int)g_utf8_strlen (head, -1);

  printf ("  %s%*s %s %s %s  %s %s %s  %s", head, pad, "",
          cell (b[0], f->exact.precision), cell (b[1], f->exact.recall), cell (b[2], f->exact.f1),
          cell (b[3], f->overlap.precision), cell (b[4], f->overlap.recall),
          cell (b[5], f->overlap.f1), cell (b[6], f->kappa));
  if (with_alpha)
    {
      char a[32];

      printf ("  %s", cell (a, f->alpha));
    }
  printf ("\n");
}

static void
print_header (const char *first)
{
  printf ("  %-20s %23s  %23s  %7s\n", "", _("exact"), _("overlap"), "");
  printf ("  %-20s %7s %7s %7s  %7s %7s %7s  %7s  %7s\n", first,
          "P", "R", "F1", "P", "R", "F1", _("kappa"), _("alpha"));
}

/* A span's text on one line, escaped, and cut to 50 characters. */
static char *
shorten (const char *text)
{
  g_autofree char *head = NULL;
  g_autofree char *line = g_strdup (text);
  g_autofree char *flat = NULL;

  g_strdelimit (line, "\n\t\r", ' ');
  flat = mg_tool_escape (line);
  if (g_utf8_strlen (flat, -1) <= 50)
    return g_steal_pointer (&flat);
  head = g_utf8_substring (flat, 0, 49);
  return g_strconcat (head, "…", NULL);
}

static void
print_disagreement (MgAgreement          *agreement,
                    const MgDisagreement *d)
{
  g_autofree char *doc = mg_tool_escape (mg_document_get_id (mg_agreement_get_document (agreement, d->document, 0)));
  MgAnnotation *s = d->a != NULL ? d->a : d->b;
  g_autofree char *text = shorten (mg_annotation_get_text (s));
  g_autofree char *other = d->b != NULL ? shorten (mg_annotation_get_text (d->b)) : NULL;
  g_autofree char *label = mg_tool_escape (mg_annotation_get_label (s));
  g_autofree char *label_b = d->b != NULL ? mg_tool_escape (mg_annotation_get_label (d->b)) : NULL;

  switch (d->kind)
    {
    case MG_DISAGREEMENT_ONLY_A:
    case MG_DISAGREEMENT_ONLY_B:
      printf ("  %s: %s %s: [%u, %u) %s “%s”\n", doc, _("only in"),
              d->kind == MG_DISAGREEMENT_ONLY_A ? "A" : "B",
              mg_annotation_get_start (s), mg_annotation_get_end (s), label, text);
      break;
    case MG_DISAGREEMENT_LABEL:
      printf ("  %s: %s: [%u, %u) “%s” %s (A) / %s (B)\n", doc, _("label differs"),
              mg_annotation_get_start (s), mg_annotation_get_end (s), text, label, label_b);
      break;
    case MG_DISAGREEMENT_BOUNDARY:
      printf ("  %s: %s: %s [%u, %u) “%s” (A) / [%u, %u) “%s” (B)\n", doc,
              _("boundary differs"), label,
              mg_annotation_get_start (d->a), mg_annotation_get_end (d->a), text,
              mg_annotation_get_start (d->b), mg_annotation_get_end (d->b), other);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
print_table (MgAgreement *agreement)
{
  guint n = mg_agreement_get_n_annotators (agreement);
  guint n_docs = mg_agreement_get_n_documents (agreement);
  GPtrArray *left_out = mg_agreement_get_left_out (agreement);

  printf ("%s:", _("Annotators"));
  for (guint k = 0; k < n; k++)
    {
      g_autofree char *name = mg_tool_escape (mg_agreement_get_annotator (agreement, k));

      printf ("%s %c = %s", k > 0 ? "," : "", k < 26 ? 'A' + k : '?', name);
    }
  printf ("\n%s: %u, %s: %u, %s: %u\n\n", _("Documents compared"), n_docs,
          _("tokens"), mg_agreement_get_figures (agreement, -1, -1)->n_tokens,
          _("left out"), left_out->len);

  printf ("%s\n", _("B against A, per label (alpha: all annotators):"));
  print_header (_("label"));
  for (guint l = 0; l < mg_agreement_get_n_labels (agreement); l++)
    print_row (mg_agreement_get_label (agreement, l),
               mg_agreement_get_figures (agreement, -1, l), TRUE);
  print_row (_("all labels"), mg_agreement_get_figures (agreement, -1, -1), TRUE);

  print_values (agreement);

  printf ("\n%s\n", _("Per document, all labels:"));
  print_header (_("document"));
  for (guint d = 0; d < n_docs; d++)
    print_row (mg_document_get_id (mg_agreement_get_document (agreement, d, 0)),
               mg_agreement_get_figures (agreement, d, -1), TRUE);

  if (left_out->len > 0)
    {
      printf ("\n%s\n", _("Left out:"));
      for (guint i = 0; i < left_out->len; i++)
        {
          MgLeftOutDocument *out = g_ptr_array_index (left_out, i);
          g_autofree char *id = mg_tool_escape (out->id);
          g_autofree char *note = mg_tool_escape (out->note);

          printf ("  %s: %s\n", id, note);
        }
    }

  printf ("\n%s: %u\n", _("Disagreements between A and B"),
          mg_agreement_get_n_disagreements (agreement));
  for (guint i = 0; i < mg_agreement_get_n_disagreements (agreement); i++)
    print_disagreement (agreement, mg_agreement_get_disagreement (agreement, i));
}

int
mg_tool_agree (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) datasets = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(MgAgreement) agreement = NULL;
  gboolean as_json = FALSE;
  GPtrArray *notes;
  int r;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print JSON instead of a table"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("A B [C…] — measure agreement between annotators"));
  g_option_context_set_description (context,
    _("Documents pair by the SHA-256 of their text. Precision, recall and kappa "
      "compare B with A; Krippendorff's alpha takes every dataset. Undefined "
      "figures (no spans to count) show as a dash, or null in JSON."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((r = mg_tool_parse (context, &argc, &argv)) != MG_TOOL_OK)
    return r;

  if (argc < 3)
    {
      g_printerr ("marginalia-tool agree: %s\n", _("give two datasets or more"));
      return MG_TOOL_USAGE;
    }

  datasets = mg_tool_load_datasets (argv + 1, argc - 1, &names);
  if (datasets == NULL)
    return MG_TOOL_INVALID;

  agreement = mg_agreement_new ((MgDataset * const *)datasets->pdata, datasets->len,
                                (const char * const *)names->pdata);

  /* What was left out goes to standard error as well, so that a script
   * reading the JSON still shows it to a person. */
  notes = mg_agreement_get_notes (agreement);
  for (guint i = 0; i < notes->len; i++)
    mg_tool_problem ("marginalia-tool agree: %s", (char *)notes->pdata[i]);
  for (guint i = 0; i < mg_agreement_get_left_out (agreement)->len; i++)
    {
      MgLeftOutDocument *out = g_ptr_array_index (mg_agreement_get_left_out (agreement), i);

      mg_tool_problem ("%s: %s", out->id, out->note);
    }

  if (as_json)
    print_json (agreement);
  else
    print_table (agreement);

  if (mg_agreement_get_n_documents (agreement) == 0)
    {
      mg_tool_problem ("marginalia-tool agree: %s", _("no document is in every dataset"));
      return MG_TOOL_INVALID;
    }
  return MG_TOOL_OK;
}
