/* test-suggest.c: the suggestion rules, one convention or pattern a test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "mg-suggest.h"

static MgSuggestRules *rules;

static MgSuggestions *
suggest (const char *text,
         const char *language)
{
  g_autoptr(GError) error = NULL;
  MgSuggestions *s = mg_suggest_text (rules, text, -1, language, MG_SUGGEST_ALL, NULL, &error);

  g_assert_no_error (error);
  return s;
}

/* The text of span @i. */
static char *
span_text (const char         *text,
           const MgSuggestion *s)
{
  const char *a = g_utf8_offset_to_pointer (text, s->start);
  const char *b = g_utf8_offset_to_pointer (a, s->end - s->start);

  return g_strndup (a, b - a);
}

/* The index of the span of @label over exactly @want, or -1. */
static int
find (MgSuggestions *s,
      const char    *text,
      const char    *label,
      const char    *want)
{
  for (guint i = 0; i < mg_suggestions_get_n_spans (s); i++)
    {
      const MgSuggestion *m = mg_suggestions_get_span (s, i);
      g_autofree char *got = span_text (text, m);

      if (strcmp (m->label, label) == 0 && strcmp (got, want) == 0)
        return i;
    }
  return -1;
}

static guint
count (MgSuggestions *s,
       const char    *label)
{
  guint n = 0;

  for (guint i = 0; i < mg_suggestions_get_n_spans (s); i++)
    n += strcmp (mg_suggestions_get_span (s, i)->label, label) == 0;
  return n;
}

/* The speaker the quote @quote is attributed to, or -1. */
static int
speaker_of (MgSuggestions *s,
            int            quote)
{
  for (guint r = 0; r < mg_suggestions_get_n_relations (s); r++)
    if ((int)mg_suggestions_get_relation (s, r)->from == quote)
      return mg_suggestions_get_relation (s, r)->to;
  return -1;
}

static void
assert_quote_by (const char *text,
                 const char *language,
                 const char *quote,
                 const char *speaker)
{
  g_autoptr(MgSuggestions) s = suggest (text, language);
  int q = find (s, text, "quote", quote);
  int a = find (s, text, "actor", speaker);

  if (q < 0 || a < 0 || speaker_of (s, q) != a)
    g_error ("in “%s”: wanted the quote “%s” said by “%s” (quote %d, actor %d, speaker %d)",
             text, quote, speaker, q, a, q >= 0 ? speaker_of (s, q) : -2);
}

static void
test_quote_conventions (void)
{
  static const char *cases[][3] = {
    { "en", "“We will not give up on this,” Rutte said.", "“We will not give up on this,”" },
    { "en", "\"We will not give up on this,\" Rutte said.", "\"We will not give up on this,\"" },
    { "en", "'We will not give up on this,' Rutte said.", "'We will not give up on this,'" },
    { "en", "‘We will not give up on this,’ Rutte said.", "‘We will not give up on this,’" },
    { "de", "„Wir geben nicht auf“, sagte Merkel.", "„Wir geben nicht auf“" },
    { "de", "»Wir geben nicht auf«, sagte Merkel.", "»Wir geben nicht auf«" },
    { "fr", "« Nous ne renoncerons pas », a déclaré Macron.", "« Nous ne renoncerons pas »" },
    { "de", "‹Wir geben nicht auf›, sagte Merkel.", "‹Wir geben nicht auf›" },
    { "en", "Tanaka said: 「We will not give up」 on Monday.", "「We will not give up」" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *speaker = strstr (cases[i][1], "Rutte") ? "Rutte" :
                            strstr (cases[i][1], "Merkel") ? "Merkel" :
                            strstr (cases[i][1], "Macron") ? "Macron" : "Tanaka";

      assert_quote_by (cases[i][1], cases[i][0], cases[i][2], speaker);
    }
}

static void
test_nested_quotes (void)
{
  const char *text = "“He told me ‘I am done with this’ and walked out,” Jansen said.";
  g_autoptr(MgSuggestions) s = suggest (text, "en");

  g_assert_cmpint (find (s, text, "quote", "“He told me ‘I am done with this’ and walked out,”"), >=, 0);
  g_assert_cmpuint (count (s, "quote"), ==, 1);
}

static void
test_quote_across_paragraphs (void)
{
  /* A paragraph that ends inside a quote, and a next one that opens with
   * a mark: one quote, as news prints a long one. */
  const char *text = "Anna de Vries, the port director, said: “We cannot keep prices where they were.\n\n"
                     "“Dredging costs have doubled and the ships keep getting bigger.”\n\nShe left.";
  g_autoptr(MgSuggestions) s = suggest (text, "en");
  int q = find (s, text, "quote", "“We cannot keep prices where they were.\n\n"
                                  "“Dredging costs have doubled and the ships keep getting bigger.”");

  g_assert_cmpint (q, >=, 0);
  g_assert_cmpint (speaker_of (s, q), ==, find (s, text, "actor", "Anna de Vries"));
}

static void
test_apostrophes_and_terms (void)
{
  const char *text = "The Khans’ son didn’t vote. Rock ’n’ roll was big in the ’90s. "
                     "The so-called “reforms” were dropped.";
  g_autoptr(MgSuggestions) s = suggest (text, "en");

  g_assert_cmpuint (count (s, "quote"), ==, 0);
}

static void
test_reported_speech (void)
{
  assert_quote_by ("Rutte said that the alliance would stand together.", "en",
                   "the alliance would stand together", "Rutte");
  assert_quote_by ("Rutte said on Monday it would stand together.", "en",
                   "it would stand together", "Rutte");
  assert_quote_by ("The deal is dead, officials said.", "en", "The deal is dead", "officials");
  assert_quote_by ("The deal is dead, said Jan Smit.", "en", "The deal is dead", "Jan Smit");
  assert_quote_by ("According to the ministry, the dam will hold until spring.", "en",
                   "the dam will hold until spring", "the ministry");
  assert_quote_by ("Prices will rise again, according to the central bank.", "en",
                   "Prices will rise again", "the central bank");
  assert_quote_by ("The mayor told reporters that the bridge would reopen in May.", "en",
                   "the bridge would reopen in May", "The mayor");
  assert_quote_by ("Doctors warned the outbreak could spread to the capital.", "en",
                   "the outbreak could spread to the capital", "Doctors");
  assert_quote_by ("Lena Park, a senator from the coast, said the plan was a mistake.", "en",
                   "the plan was a mistake", "Lena Park");
  assert_quote_by ("Ng welcomed the vote and said the party would now unite.", "en",
                   "the party would now unite", "Ng");
}

/* Speech verbs whose forms are also nouns ("reports", "calls", "states",
 * "slams") still read as verbs after their subject. */
static void
test_speech_verb_forms (void)
{
  assert_quote_by ("The ministry reports that exports fell in March.", "en",
                   "exports fell in March", "The ministry");
  assert_quote_by ("Rubio slams the deal with the port workers.", "en",
                   "the deal with the port workers", "Rubio");
  assert_quote_by ("Critics say the new toll will hurt small firms.", "en",
                   "the new toll will hurt small firms", "Critics");
  assert_quote_by ("The agency states that the bridge is safe.", "en",
                   "the bridge is safe", "The agency");
  assert_quote_by ("The union calls the offer an insult to nurses.", "en",
                   "the offer an insult to nurses", "The union");
}

/* The same forms as nouns: after a determiner, a number, a plural
 * quantifier or a possessive, or before the verb they are the subject of,
 * they open no quote. */
static void
test_speech_verb_nouns (void)
{
  static const char *texts[] = {
    "The Paris attacks shocked the country and the government.",
    "His calls for calm went unheeded in the capital.",
    "The reports of fraud spread quickly across the region.",
    "The harbour attacks surfaced in the spring.",
    "She won the two states by a wide margin on Tuesday.",
    "These claims were never tested in any court.",
    "The mayor's attacks on the council grew sharper every week.",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(MgSuggestions) s = suggest (texts[i], "en");

      if (count (s, "quote") != 0)
        g_error ("in “%s”: a noun read as a speech verb", texts[i]);
    }
}

static void
test_speakers (void)
{
  const char *text = "Prime Minister Mark Rutte arrived in Kyiv on Tuesday.\n\n"
                     "“We stand with you for as long as it takes,” he said.\n\n"
                     "“Europe is safer when Ukraine is safe,” Rutte added.";
  g_autoptr(MgSuggestions) s = suggest (text, "en");
  int full = find (s, text, "actor", "Prime Minister Mark Rutte");
  int he = find (s, text, "actor", "he");
  int surname = find (s, text, "actor", "Rutte");

  g_assert_cmpint (full, >=, 0);
  g_assert_cmpint (he, >=, 0);
  g_assert_cmpint (mg_suggestions_get_span (s, he)->refers_to, ==, full);
  g_assert_cmpint (surname, >=, 0);
  g_assert_cmpint (mg_suggestions_get_span (s, surname)->refers_to, ==, full);
  g_assert_cmpint (speaker_of (s, find (s, text, "quote", "“We stand with you for as long as it takes,”")), ==, he);
  g_assert_cmpint (speaker_of (s, find (s, text, "quote", "“Europe is safer when Ukraine is safe,”")), ==, surname);

  assert_quote_by ("“The talks were useful,” said Sen. Maria Lopez.", "en", "“The talks were useful,”",
                   "Sen. Maria Lopez");
  assert_quote_by ("The minister said: “Nobody will lose their pension over this.”", "en",
                   "“Nobody will lose their pension over this.”", "The minister");

  /* The subject comes before a prepositional phrase, and a pronoun with
   * its verb ("he’d") is the pronoun; no description holds a speech verb. */
  {
    const char *clause = "Trump at the time said he’d asked his staff to pay the fees.";
    g_autoptr(MgSuggestions) c = suggest (clause, "en");
    int trump = find (c, clause, "actor", "Trump");

    g_assert_cmpint (trump, >=, 0);
    g_assert_cmpint (speaker_of (c, find (c, clause, "quote", "he’d asked his staff to pay the fees")), ==, trump);
    g_assert_cmpint (find (c, clause, "actor", "the time"), <, 0);
    g_assert_cmpint (find (c, clause, "actor", "the time said he’d"), <, 0);
    g_assert_cmpint (find (c, clause, "actor", "he’d"), >=, 0);
  }
  assert_quote_by ("Officials in the ministry said that the plan was dead.", "en", "the plan was dead",
                   "Officials");
}

static void
test_actors (void)
{
  const char *text = "Mark Rutte met Mr. Smith of the Defence Ministry on Monday in March.\n\n"
                     "However, the talks ended early. Officials left. Rutte stayed.\n\n"
                     "BRUSSELS — The Commission of the European Union met too.";
  g_autoptr(MgSuggestions) s = suggest (text, "en");

  g_assert_cmpint (find (s, text, "actor", "Mark Rutte"), >=, 0);
  g_assert_cmpint (find (s, text, "actor", "Mr. Smith"), >=, 0);
  g_assert_cmpint (find (s, text, "actor", "Defence Ministry"), >=, 0);
  g_assert_cmpint (find (s, text, "actor", "Commission of the European Union"), >=, 0);
  /* Not days, months, sentence-initial common words or the dateline. */
  g_assert_cmpint (find (s, text, "actor", "Monday"), <, 0);
  g_assert_cmpint (find (s, text, "actor", "March"), <, 0);
  g_assert_cmpint (find (s, text, "actor", "However"), <, 0);
  g_assert_cmpint (find (s, text, "actor", "Officials"), <, 0);
  /* A surname at a sentence's start, where the text ended a name with it. */
  g_assert_cmpint (find (s, text, "actor", "Rutte"), >=, 0);

  /* Not a section's name before the next paragraph's capital, nor a word
   * at a sentence's start that the text capitalises only inside a name. */
  {
    const char *page = "Harbour\n\nPort authority approves the plan.\n\n"
                       "The vote came after the Lowerhaven Port Authority met.";
    g_autoptr(MgSuggestions) p = suggest (page, "en");

    g_assert_cmpint (find (p, page, "actor", "Harbour"), <, 0);
    g_assert_cmpint (find (p, page, "actor", "Port"), <, 0);
    g_assert_cmpint (find (p, page, "actor", "Lowerhaven Port Authority"), >=, 0);
  }
  g_assert_cmpint (find (s, text, "actor", "BRUSSELS"), <, 0);
  g_assert_cmpint (mg_suggestions_get_span (s, find (s, text, "actor", "Rutte"))->refers_to, ==,
                   find (s, text, "actor", "Mark Rutte"));
}

static void
test_figures (void)
{
  static const char *figures[] = {
    "4.5%", "€4.2 million", "300,000 troops", "1 200 000 tonnes", "12,5 %", "three people",
    "3 and 5 million", "$2.1bn", "10-12%", "Dozens of soldiers", "14 February 2023", "2019",
  };
  const char *text = "PARIS, Nov. 19 (AFP) — Growth reached 4.5% and the fund holds €4.2 million.\n\n"
                     "The alliance sent 300,000 troops and 1 200 000 tonnes of grain. Rents rose 12,5 % "
                     "and three people were hurt. Costs are put at between 3 and 5 million a year, "
                     "or $2.1bn, with margins of 10-12%. Dozens of soldiers waited.\n\n"
                     "1. The plan was signed on 14 February 2023 and prices have risen since 2019.\n\n"
                     "A Boeing 737 landed at 10:30 and again at 8 a.m. in the 21st century.\n\nPage 3";
  g_autoptr(MgSuggestions) s = suggest (text, "en");

  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    if (find (s, text, "figure", figures[i]) < 0)
      g_error ("no figure “%s”", figures[i]);
  /* Not the dateline, the list number, the name, times, ordinals or page
   * furniture. */
  g_assert_cmpuint (count (s, "figure"), ==, G_N_ELEMENTS (figures));
}

static void
test_code_points (void)
{
  /* An emoji and an accent before the quote: offsets count code points. */
  const char *text = "🎉 Café owner Zoë Ruiz: “We are open again today.”";
  g_autoptr(MgSuggestions) s = suggest (text, "en");
  int q = find (s, text, "quote", "“We are open again today.”");

  g_assert_cmpint (q, >=, 0);
  g_assert_cmpuint (mg_suggestions_get_span (s, q)->start, ==, 23);
}

static void
test_language (void)
{
  g_assert_cmpstr (mg_suggest_rules_guess_language (rules, "Der Minister sagte, dass die Regierung und die Partei nicht auf", -1), ==, "de");
  g_assert_cmpstr (mg_suggest_rules_guess_language (rules, "The minister said that the government would not give up", -1), ==, "en");
  g_assert_cmpstr (mg_suggest_rules_guess_language (rules, "Bakan, bu konuda bir açıklama yaptı ve hükümet için de", -1), ==, "tr");
  assert_quote_by ("Die Steuern steigen nicht, sagte Scholz.", "de", "Die Steuern steigen nicht", "Scholz");
  assert_quote_by ("Los precios bajarán, dijo Sánchez.", "es", "Los precios bajarán", "Sánchez");
}

static void
test_extra_word_list (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mg-suggest-XXXXXX", NULL);
  g_autofree char *en = g_build_filename (dir, "en", NULL);
  g_autofree char *file = g_build_filename (en, "speech-verbs.txt", NULL);
  const char *text = "Mayor Ruiz mused that the tram would be late.";
  g_autoptr(MgSuggestRules) more = NULL;
  g_autoptr(MgSuggestions) before = suggest (text, "en");
  g_autoptr(MgSuggestions) after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (count (before, "quote"), ==, 0);
  g_assert_cmpint (g_mkdir (en, 0700), ==, 0);
  g_assert_true (g_file_set_contents (file, "# a team's own verbs\nmused\n", -1, NULL));
  more = mg_suggest_rules_new (dir, &error);
  g_assert_no_error (error);
  after = mg_suggest_text (more, text, -1, "en", MG_SUGGEST_ALL, NULL, NULL);
  g_assert_cmpint (find (after, text, "quote", "the tram would be late"), >=, 0);
  g_remove (file);
  g_rmdir (en);
  g_rmdir (dir);
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  MgSuggestions **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = mg_suggest_document_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_document_async (void)
{
  const char *text = "“The bridge opens in May,” Mayor Ruiz said. The city has 4,000 buses.";
  g_autoptr(MgDocument) doc = mg_document_new ("d", text, -1);
  g_autoptr(MgAnnotation) existing = mg_annotation_new (NULL, "figure", 57, 68);
  MgSuggestions *s = NULL;

  g_assert_true (mg_annotation_store_add (mg_document_get_store (doc), existing, NULL));
  mg_suggest_document_async (rules, doc, NULL, MG_SUGGEST_ALL, NULL, on_done, &s);
  while (s == NULL)
    g_main_context_iteration (NULL, TRUE);
  /* The figure is coded already; the quote and its speaker are new. */
  g_assert_cmpuint (count (s, "figure"), ==, 0);
  g_assert_cmpint (find (s, text, "quote", "“The bridge opens in May,”"), >=, 0);
  g_assert_cmpint (speaker_of (s, find (s, text, "quote", "“The bridge opens in May,”")), ==,
                   find (s, text, "actor", "Mayor Ruiz"));
  g_assert_cmpstr (mg_suggestions_get_language (s), ==, "en");
  g_object_unref (s);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  rules = mg_suggest_rules_new (NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/suggest/quotes/conventions", test_quote_conventions);
  g_test_add_func ("/suggest/quotes/nested", test_nested_quotes);
  g_test_add_func ("/suggest/quotes/across-paragraphs", test_quote_across_paragraphs);
  g_test_add_func ("/suggest/quotes/apostrophes-and-terms", test_apostrophes_and_terms);
  g_test_add_func ("/suggest/reported-speech", test_reported_speech);
  g_test_add_func ("/suggest/reported-speech/verb-forms", test_speech_verb_forms);
  g_test_add_func ("/suggest/reported-speech/noun-forms", test_speech_verb_nouns);
  g_test_add_func ("/suggest/speakers", test_speakers);
  g_test_add_func ("/suggest/actors", test_actors);
  g_test_add_func ("/suggest/figures", test_figures);
  g_test_add_func ("/suggest/code-points", test_code_points);
  g_test_add_func ("/suggest/language", test_language);
  g_test_add_func ("/suggest/extra-word-list", test_extra_word_list);
  g_test_add_func ("/suggest/document-async", test_document_async);

  status = g_test_run ();
  g_object_unref (rules);
  return status;
}
