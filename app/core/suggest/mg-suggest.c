/* mg-suggest.c: proposed quotes, speakers, actors and figures, by rules
 *
 * Rules and word lists, no model and no network: the text is read once
 * into code points and tokens, then each rule adds spans. Quotes come
 * first (direct quotes by their marks, then reported speech by its verbs),
 * each with the speaker found beside it; then actors and figures. The
 * engine keeps no global state: every call has its own context, so it can
 * run in a thread while the window stays responsive.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-suggest"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "mg-error.h"
#include "mg-suggest-private.h"

struct _MgSuggestions
{
  GObject  parent_instance;

  GArray  *spans;      /* of MgSuggestion */
  GArray  *relations;  /* of MgSuggestedRelation */
  char    *language;
};

G_DEFINE_FINAL_TYPE (MgSuggestions, mg_suggestions, G_TYPE_OBJECT)

static void
mg_suggestions_finalize (GObject *object)
{
  MgSuggestions *self = MG_SUGGESTIONS (object);

  g_array_unref (self->spans);
  g_array_unref (self->relations);
  g_free (self->language);
  G_OBJECT_CLASS (mg_suggestions_parent_class)->finalize (object);
}

static void
mg_suggestions_class_init (MgSuggestionsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mg_suggestions_finalize;
}

static void
mg_suggestions_init (MgSuggestions *self)
{
  self->spans = g_array_new (FALSE, FALSE, sizeof (MgSuggestion));
  self->relations = g_array_new (FALSE, FALSE, sizeof (MgSuggestedRelation));
}

/**
 * mg_suggestions_get_n_spans:
 *
 * Returns: how many spans are proposed
 */
guint
mg_suggestions_get_n_spans (MgSuggestions *self)
{
  g_return_val_if_fail (MG_IS_SUGGESTIONS (self), 0);
  return self->spans->len;
}

/**
 * mg_suggestions_relabel:
 * @labels: (array length=3): the label to give the engine's "quote",
 *   "actor" and "figure" suggestions; "" for none
 *
 * Gives the suggestions the labels a dataset codes them under. The labels
 * are interned: MgSuggestion's label stays a string nobody frees.
 */
void
mg_suggestions_relabel (MgSuggestions      *self,
                        const char * const *labels)
{
  static const char * const engine[] = { "quote", "actor", "figure" };

  g_return_if_fail (MG_IS_SUGGESTIONS (self));
  for (guint i = 0; i < self->spans->len; i++)
    {
      MgSuggestion *s = &g_array_index (self->spans, MgSuggestion, i);

      for (guint k = 0; k < G_N_ELEMENTS (engine); k++)
        if (strcmp (s->label, engine[k]) == 0)
          {
            s->label = g_intern_string (labels[k]);
            break;
          }
    }
}

/**
 * mg_suggestions_get_span:
 * @position: below mg_suggestions_get_n_spans()
 *
 * Spans are sorted by start, then end.
 *
 * Returns: (transfer none): the proposed span
 */
const MgSuggestion *
mg_suggestions_get_span (MgSuggestions *self,
                         guint          position)
{
  g_return_val_if_fail (MG_IS_SUGGESTIONS (self), NULL);
  g_return_val_if_fail (position < self->spans->len, NULL);
  return &g_array_index (self->spans, MgSuggestion, position);
}

guint
mg_suggestions_get_n_relations (MgSuggestions *self)
{
  g_return_val_if_fail (MG_IS_SUGGESTIONS (self), 0);
  return self->relations->len;
}

/**
 * mg_suggestions_get_relation:
 * @position: below mg_suggestions_get_n_relations()
 *
 * Returns: (transfer none): an attributed-to relation between two
 *   proposed spans
 */
const MgSuggestedRelation *
mg_suggestions_get_relation (MgSuggestions *self,
                             guint          position)
{
  g_return_val_if_fail (MG_IS_SUGGESTIONS (self), NULL);
  g_return_val_if_fail (position < self->relations->len, NULL);
  return &g_array_index (self->relations, MgSuggestedRelation, position);
}

/**
 * mg_suggestions_get_language:
 *
 * Returns: the language whose word lists were used
 */
const char *
mg_suggestions_get_language (MgSuggestions *self)
{
  g_return_val_if_fail (MG_IS_SUGGESTIONS (self), NULL);
  return self->language;
}

int
_mg_suggest_add_span (Ctx        *ctx,
                      const char *label,
                      guint       start,
                      guint       end,
                      const char *rule)
{
  Span s = { start, end, label, rule, -1, -1, FALSE };

  g_assert (start < end && end <= ctx->n_chars);
  for (guint i = ctx->spans->len; i > 0 && i + 64 > ctx->spans->len; i--)
    {
      Span *o = SPAN (ctx, i - 1);

      if (o->start == start && o->end == end && o->label == label && !o->drop)
        return i - 1;
    }
  g_array_append_val (ctx->spans, s);
  return ctx->spans->len - 1;
}

typedef struct {
  guint old;
  Span  span;
} Ordered;

static int
compare_ordered (gconstpointer a,
                 gconstpointer b)
{
  const Span *x = &((const Ordered *)a)->span, *y = &((const Ordered *)b)->span;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  return strcmp (x->label, y->label);
}

/* Sorts the kept spans, renumbers their links, and drops what the caller
 * did not ask for. A speaker is kept whenever relations are asked for. */
static MgSuggestions *
collect (Ctx            *ctx,
         MgSuggestKinds  kinds)
{
  MgSuggestions *out = g_object_new (MG_TYPE_SUGGESTIONS, NULL);
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (Ordered));
  g_autofree int *new_index = g_new (int, ctx->spans->len + 1);
  g_autofree gboolean *is_speaker = g_new0 (gboolean, ctx->spans->len + 1);

  for (guint i = 0; i < ctx->spans->len; i++)
    if (!SPAN (ctx, i)->drop && SPAN (ctx, i)->speaker >= 0 && SPAN (ctx, SPAN (ctx, i)->speaker)->drop == FALSE)
      is_speaker[SPAN (ctx, i)->speaker] = TRUE;
  for (guint i = 0; i < ctx->spans->len; i++)
    {
      Span *s = SPAN (ctx, i);
      gboolean wanted = (s->label[0] == 'q' && (kinds & MG_SUGGEST_QUOTES)) ||
                        (s->label[0] == 'f' && (kinds & MG_SUGGEST_FIGURES)) ||
                        (s->label[0] == 'a' && ((kinds & MG_SUGGEST_ACTORS) ||
                                                ((kinds & MG_SUGGEST_RELATIONS) && is_speaker[i])));
      Ordered o = { i, *s };

      new_index[i] = -1;
      if (!s->drop && wanted)
        g_array_append_val (order, o);
    }
  g_array_sort (order, compare_ordered);
  /* Two rules may propose the same span (a quote found by its marks and
   * by its speech verb): it is proposed once, since a dataset holds one
   * span of a label and range, and links to either copy go to it. */
  for (guint i = 0, kept = 0; i < order->len; i++)
    {
      gboolean again = i > 0 && compare_ordered (&g_array_index (order, Ordered, i - 1),
                                                 &g_array_index (order, Ordered, i)) == 0;

      if (!again)
        kept++;
      new_index[g_array_index (order, Ordered, i).old] = (int) kept - 1;
    }
  for (guint i = 0; i < order->len; i++)
    {
      Span *s = &g_array_index (order, Ordered, i).span;
      int at = new_index[g_array_index (order, Ordered, i).old];
      MgSuggestion m = { s->label, s->start, s->end, s->rule, -1 };

      if ((guint) at == out->spans->len)
        {
          if (s->refers_to >= 0)
            m.refers_to = new_index[s->refers_to];
          g_array_append_val (out->spans, m);
        }
      if ((kinds & MG_SUGGEST_RELATIONS) && s->speaker >= 0 && new_index[s->speaker] >= 0 &&
          !(out->relations->len > 0 &&
            g_array_index (out->relations, MgSuggestedRelation, out->relations->len - 1).from == (guint) at))
        {
          MgSuggestedRelation r = { (guint) at, new_index[s->speaker], "speaker" };

          g_array_append_val (out->relations, r);
        }
    }
  return out;
}

static void
ctx_clear (Ctx *ctx)
{
  g_clear_pointer (&ctx->tokens, g_array_unref);
  g_clear_pointer (&ctx->sentences, g_array_unref);
  g_clear_pointer (&ctx->spans, g_array_unref);
  g_clear_pointer (&ctx->strings, g_string_chunk_free);
  g_clear_pointer (&ctx->capitalised_inside, g_hash_table_unref);
  g_clear_pointer (&ctx->capitalised_last, g_hash_table_unref);
  g_clear_pointer (&ctx->in_quote, g_free);
  g_clear_pointer (&ctx->actor_at, g_hash_table_unref);
  g_clear_pointer (&ctx->quotes, g_array_unref);
  g_clear_pointer (&ctx->full_names, g_array_unref);
  g_clear_pointer (&ctx->full_surnames, g_ptr_array_unref);
}

/**
 * mg_suggest_text:
 * @rules: the word lists
 * @text: UTF-8 text, as a document stores it
 * @n_bytes: its length, or -1 when nul-terminated
 * @language: (nullable): a code from mg_suggest_rules_get_languages(), or
 *   %NULL to guess it
 * @kinds: what to propose
 * @cancellable: (nullable): checked between rules
 * @error: return location for an error
 *
 * Proposes spans and attributed-to relations for @text. Offsets count
 * code points. Safe to call from any thread.
 *
 * Returns: (transfer full): the suggestions, or %NULL when cancelled or
 *   when @text is not UTF-8
 */
MgSuggestions *
mg_suggest_text (MgSuggestRules  *rules,
                 const char      *text,
                 gssize           n_bytes,
                 const char      *language,
                 MgSuggestKinds   kinds,
                 GCancellable    *cancellable,
                 GError         **error)
{
  g_autofree gunichar *u = NULL;
  glong n_chars = 0;
  MgSuggestions *out = NULL;
  Ctx ctx = { 0 };

  g_return_val_if_fail (MG_IS_SUGGEST_RULES (rules), NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (n_bytes < 0)
    n_bytes = strlen (text);
  if (!g_utf8_validate_len (text, n_bytes, NULL))
    {
      g_set_error_literal (error, MG_ERROR, MG_ERROR_INVALID, _("the text is not UTF-8"));
      return NULL;
    }
  u = g_utf8_to_ucs4_fast (text, n_bytes, &n_chars);
  if (language == NULL)
    language = mg_suggest_rules_guess_language (rules, text, n_bytes);

  ctx.rules = rules;
  ctx.lists = _mg_suggest_rules_lists (rules, language);
  ctx.masks = _mg_suggest_rules_masks (rules, language);
  ctx.u = u;
  ctx.n_chars = n_chars;
  ctx.spans = g_array_new (FALSE, FALSE, sizeof (Span));
  ctx.actor_at = g_hash_table_new (g_direct_hash, g_direct_equal);
  ctx.full_names = g_array_new (FALSE, FALSE, sizeof (guint));
  ctx.full_surnames = g_ptr_array_new ();
  _mg_suggest_tokenize (&ctx);
  /* Actors come first, always: speakers and pronouns refer to them. */
  _mg_suggest_actors (&ctx);
  if (!g_cancellable_set_error_if_cancelled (cancellable, error))
    _mg_suggest_quotes (&ctx);
  if (!g_cancellable_set_error_if_cancelled (cancellable, error))
    _mg_suggest_reported (&ctx);
  if (!g_cancellable_set_error_if_cancelled (cancellable, error) && (kinds & MG_SUGGEST_FIGURES))
    _mg_suggest_figures (&ctx);
  if (!g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      out = collect (&ctx, kinds);
      out->language = g_strdup (language);
    }
  ctx_clear (&ctx);
  return out;
}

/* Drops proposals an annotation of the same label already covers, and
 * points relations at nothing new when their speaker is dropped. */
static MgSuggestions *
without_existing (MgSuggestions     *all,
                  MgAnnotationStore *store)
{
  MgSuggestions *out = g_object_new (MG_TYPE_SUGGESTIONS, NULL);
  g_autofree int *new_index = g_new (int, all->spans->len + 1);

  for (guint i = 0; i < all->spans->len; i++)
    {
      MgSuggestion *s = &g_array_index (all->spans, MgSuggestion, i);
      g_autoptr(GPtrArray) over = mg_annotation_store_overlapping (store, s->start, s->end);
      gboolean covered = FALSE;

      for (guint j = 0; j < over->len && !covered; j++)
        covered = g_strcmp0 (mg_annotation_get_label (over->pdata[j]), s->label) == 0;
      new_index[i] = covered ? -1 : (int)out->spans->len;
      if (!covered)
        g_array_append_val (out->spans, *s);
    }
  for (guint i = 0; i < out->spans->len; i++)
    {
      MgSuggestion *s = &g_array_index (out->spans, MgSuggestion, i);

      s->refers_to = s->refers_to >= 0 ? new_index[s->refers_to] : -1;
    }
  for (guint i = 0; i < all->relations->len; i++)
    {
      MgSuggestedRelation r = g_array_index (all->relations, MgSuggestedRelation, i);

      if (new_index[r.from] < 0 || new_index[r.to] < 0)
        continue;
      r.from = new_index[r.from];
      r.to = new_index[r.to];
      g_array_append_val (out->relations, r);
    }
  out->language = g_strdup (all->language);
  return out;
}

/**
 * mg_suggest_document:
 * @rules: the word lists
 * @document: the document
 * @language: (nullable): as for mg_suggest_text()
 * @kinds: what to propose
 * @cancellable: (nullable): checked between rules
 * @error: return location for an error
 *
 * As mg_suggest_text() on the document's text, without the proposals that
 * an annotation of the same label already overlaps. Call it from the
 * thread that owns @document; mg_suggest_document_async() runs the rules
 * in a worker thread.
 *
 * Returns: (transfer full): the suggestions, or %NULL when cancelled
 */
MgSuggestions *
mg_suggest_document (MgSuggestRules  *rules,
                     MgDocument      *document,
                     const char      *language,
                     MgSuggestKinds   kinds,
                     GCancellable    *cancellable,
                     GError         **error)
{
  g_autoptr(MgSuggestions) all = NULL;

  g_return_val_if_fail (MG_IS_DOCUMENT (document), NULL);

  all = mg_suggest_text (rules, mg_document_get_text (document), mg_document_get_text_bytes (document),
                         language, kinds, cancellable, error);
  if (all == NULL || (kinds & MG_SUGGEST_KEEP_COVERED))
    return g_steal_pointer (&all);
  return without_existing (all, mg_document_get_store (document));
}

typedef struct {
  MgSuggestRules *rules;
  char           *text;
  gsize           n_bytes;
  char           *language;
  MgSuggestKinds  kinds;
  MgDocument     *document;
} TaskData;

static void
task_data_free (TaskData *data)
{
  g_clear_object (&data->rules);
  g_clear_object (&data->document);
  g_free (data->text);
  g_free (data->language);
  g_free (data);
}

static void
suggest_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  TaskData *data = task_data;
  GError *error = NULL;
  MgSuggestions *out = mg_suggest_text (data->rules, data->text, data->n_bytes, data->language,
                                        data->kinds, cancellable, &error);

  if (out == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, out, g_object_unref);
}

/**
 * mg_suggest_document_async:
 * @rules: the word lists
 * @document: the document; its text is copied before the call returns
 * @language: (nullable): as for mg_suggest_text()
 * @kinds: what to propose
 * @cancellable: (nullable): to stop the work
 * @callback: called in the calling thread's main context when done
 * @user_data: for @callback
 *
 * Runs the rules in a worker thread.
 */
void
mg_suggest_document_async (MgSuggestRules      *rules,
                           MgDocument          *document,
                           const char          *language,
                           MgSuggestKinds       kinds,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  TaskData *data;

  g_return_if_fail (MG_IS_SUGGEST_RULES (rules));
  g_return_if_fail (MG_IS_DOCUMENT (document));

  data = g_new0 (TaskData, 1);
  data->rules = g_object_ref (rules);
  data->text = g_strndup (mg_document_get_text (document), mg_document_get_text_bytes (document));
  data->n_bytes = mg_document_get_text_bytes (document);
  data->language = g_strdup (language);
  data->kinds = kinds;
  data->document = g_object_ref (document);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mg_suggest_document_async);
  g_task_set_task_data (task, data, (GDestroyNotify)task_data_free);
  g_task_run_in_thread (task, suggest_thread);
}

/**
 * mg_suggest_document_finish:
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Call it in the thread that owns the document: proposals that annotations
 * made meanwhile already cover are dropped here.
 *
 * Returns: (transfer full): the suggestions, or %NULL with @error set
 */
MgSuggestions *
mg_suggest_document_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_autoptr(MgSuggestions) all = NULL;
  TaskData *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  all = g_task_propagate_pointer (G_TASK (result), error);
  if (all == NULL)
    return NULL;
  data = g_task_get_task_data (G_TASK (result));
  if (data->kinds & MG_SUGGEST_KEEP_COVERED)
    return g_steal_pointer (&all);
  return without_existing (all, mg_document_get_store (data->document));
}
