/* mg-suggest-rules.c: the word lists the suggestion rules read
 *
 * The lists are compiled into the core (data/suggest/, also installed to
 * share/marginalia/suggest), so that an uninstalled build and the tests
 * have them; a team adds words in a folder of the same layout. Once made,
 * a rules object is never changed, so any number of threads can share it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-suggest"

#include "config.h"

#include <string.h>

#include "mg-suggest-private.h"

#define RESOURCE_ROOT "/org/marginalia/suggest"
#define GUESS_WORDS 2000

static const char * const languages[] = { "en", "de", "fr", "es", "tr", NULL };

static const char * const list_names[N_LISTS] = {
  [LIST_SPEECH_VERBS] = "speech-verbs",
  [LIST_SOURCE_MARKERS] = "source-markers",
  [LIST_HONORIFICS] = "honorifics",
  [LIST_TITLES] = "titles",
  [LIST_ORGANISATION_WORDS] = "organisation-words",
  [LIST_PRONOUNS] = "pronouns",
  [LIST_FUNCTION_WORDS] = "function-words",
  [LIST_MONTHS] = "months",
  [LIST_DAYS] = "days",
  [LIST_UNITS] = "units",
  [LIST_CURRENCIES] = "currencies",
  [LIST_SCALE_WORDS] = "scale-words",
  [LIST_NUMBER_WORDS] = "number-words",
  [LIST_VERB_MODIFIERS] = "verb-modifiers",
};

struct _MgSuggestRules
{
  GObject      parent_instance;

  GHashTable **lists[G_N_ELEMENTS (languages) - 1];  /* per language, N_LISTS sets */
  GHashTable  *masks[G_N_ELEMENTS (languages) - 1];  /* per language, word -> lists bits */
};

G_DEFINE_FINAL_TYPE (MgSuggestRules, mg_suggest_rules, G_TYPE_OBJECT)

static void
mg_suggest_rules_finalize (GObject *object)
{
  MgSuggestRules *self = MG_SUGGEST_RULES (object);

  for (guint l = 0; l < G_N_ELEMENTS (self->lists); l++)
    {
      for (guint i = 0; self->lists[l] != NULL && i < N_LISTS; i++)
        g_hash_table_unref (self->lists[l][i]);
      g_free (self->lists[l]);
      g_clear_pointer (&self->masks[l], g_hash_table_unref);
    }
  G_OBJECT_CLASS (mg_suggest_rules_parent_class)->finalize (object);
}

static void
mg_suggest_rules_class_init (MgSuggestRulesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mg_suggest_rules_finalize;
}

static void
mg_suggest_rules_init (MgSuggestRules *self)
{
}

/* Adds each line of @data, lower-cased, without comments and with runs
 * of white space made one space. */
static void
add_lines (GHashTable *set,
           const char *data,
           gsize       n_bytes)
{
  g_autofree char *copy = g_strndup (data, n_bytes);
  g_auto(GStrv) lines = g_strsplit (copy, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = NULL;
      g_autoptr(GString) joined = g_string_new (NULL);

      g_strstrip (lines[i]);
      if (lines[i][0] == '#' || *lines[i] == '\0' || !g_utf8_validate (lines[i], -1, NULL))
        continue;
      words = g_strsplit_set (lines[i], " \t", -1);
      for (guint j = 0; words[j] != NULL; j++)
        if (*words[j] != '\0')
          g_string_append_printf (joined, "%s%s", joined->len ? " " : "", words[j]);
      g_hash_table_add (set, g_utf8_strdown (joined->str, -1));
    }
}

static gboolean
load_language (MgSuggestRules  *self,
               guint            l,
               const char      *extra_dir,
               GError         **error)
{
  GResource *resource = mg_suggest_get_resource ();

  self->lists[l] = g_new0 (GHashTable *, N_LISTS);
  for (guint i = 0; i < N_LISTS; i++)
    {
      g_autofree char *path = g_strdup_printf (RESOURCE_ROOT "/%s/%s.txt", languages[l], list_names[i]);
      g_autoptr(GBytes) bytes = g_resource_lookup_data (resource, path, 0, NULL);

      self->lists[l][i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      if (bytes != NULL)
        add_lines (self->lists[l][i], g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      if (extra_dir != NULL)
        {
          g_autofree char *name = g_strconcat (list_names[i], ".txt", NULL);
          g_autofree char *file = g_build_filename (extra_dir, languages[l], name, NULL);
          g_autofree char *data = NULL;
          gsize n = 0;
          g_autoptr(GError) local_error = NULL;

          if (g_file_get_contents (file, &data, &n, &local_error))
            add_lines (self->lists[l][i], data, n);
          else if (!g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
        }
    }
  /* One look-up a word tells every list it is in. */
  self->masks[l] = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < N_LISTS; i++)
    {
      GHashTableIter iter;
      gpointer word;

      g_hash_table_iter_init (&iter, self->lists[l][i]);
      while (g_hash_table_iter_next (&iter, &word, NULL))
        g_hash_table_insert (self->masks[l], word,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (self->masks[l], word)) | (1u << i)));
    }
  return TRUE;
}

/**
 * mg_suggest_rules_new:
 * @extra_dir: (nullable): a folder with more words, in files named as
 *   the built-in ones (LANG/speech-verbs.txt, …), or %NULL
 * @error: return location for an error reading @extra_dir
 *
 * Loads the word lists of every language. The result is immutable: share
 * it between threads and documents.
 *
 * Returns: (transfer full): the rules, or %NULL with @error set
 */
MgSuggestRules *
mg_suggest_rules_new (const char  *extra_dir,
                      GError     **error)
{
  g_autoptr(MgSuggestRules) self = g_object_new (MG_TYPE_SUGGEST_RULES, NULL);

  for (guint l = 0; languages[l] != NULL; l++)
    if (!load_language (self, l, extra_dir, error))
      return NULL;
  return g_steal_pointer (&self);
}

/**
 * mg_suggest_rules_get_languages:
 *
 * Returns: (transfer none): the language codes the rules have lists for
 */
const char * const *
mg_suggest_rules_get_languages (MgSuggestRules *self)
{
  g_return_val_if_fail (MG_IS_SUGGEST_RULES (self), NULL);
  return languages;
}

static guint
language_index (const char *language)
{
  for (guint l = 0; languages[l] != NULL; l++)
    if (g_strcmp0 (language, languages[l]) == 0)
      return l;
  return 0;
}

GHashTable **
_mg_suggest_rules_lists (MgSuggestRules *rules,
                         const char     *language)
{
  return rules->lists[language_index (language)];
}

GHashTable *
_mg_suggest_rules_masks (MgSuggestRules *rules,
                         const char     *language)
{
  return rules->masks[language_index (language)];
}

/**
 * mg_suggest_rules_guess_language:
 * @text: UTF-8 text
 * @n_bytes: its length, or -1 when nul-terminated
 *
 * Tells the language from how many of the first words of @text are in
 * each language's list of function words.
 *
 * Returns: the language code, "en" when nothing tells
 */
const char *
mg_suggest_rules_guess_language (MgSuggestRules *self,
                                 const char     *text,
                                 gssize          n_bytes)
{
  guint counts[G_N_ELEMENTS (languages)] = { 0 };
  g_autofree char *lower = NULL;
  g_auto(GStrv) words = NULL;
  const char *end;
  guint best = 0;

  g_return_val_if_fail (MG_IS_SUGGEST_RULES (self), "en");
  g_return_val_if_fail (text != NULL, "en");

  if (n_bytes < 0)
    n_bytes = strlen (text);
  /* Enough bytes for the words counted, cut at a character's start. */
  end = text + MIN ((gsize)n_bytes, GUESS_WORDS * 8);
  while (end > text && ((guchar)*end & 0xc0) == 0x80)
    end--;
  lower = g_utf8_strdown (text, end - text);
  words = g_strsplit_set (lower, " \n\t,.;:!?\"“”„«»()", -1);
  for (guint w = 0; words[w] != NULL && w < GUESS_WORDS; w++)
    for (guint l = 0; languages[l] != NULL; l++)
      if (*words[w] && g_hash_table_contains (self->lists[l][LIST_FUNCTION_WORDS], words[w]))
        counts[l]++;
  for (guint l = 1; languages[l] != NULL; l++)
    if (counts[l] > counts[best])
      best = l;
  return languages[best];
}
