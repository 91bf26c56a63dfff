/* mg-window-find.c: the window's find bar, search over all documents and
 * tagging every match
 *
 * The find bar counts the matches in the document shown ("3 of 17"),
 * highlights them all and selects the current one, so the next label key
 * tags it. Its Tag All menu, and the search window's, give every match a
 * label in one undo step; the core finds and tags (mg-text-search.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-window-find"

#include "config.h"

#include <glib/gi18n.h>

#include "mg-find-marks.h"
#include "mg-search-window.h"
#include "mg-window-private.h"

struct _MgWindowFind
{
  GSimpleAction *match_diacritics;  /* win.match-diacritics */
  MgFindMarks *marks;
  char        *searched;       /* the phrase the matches are of */
  GArray      *matches;        /* of MgTextMatch, in the document shown */
  int          current;        /* index in matches, or -1 */
  GtkWidget   *search_window;  /* weak */
};

static const char *
needle (MgWindow *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
}

static GtkTextBuffer *
article_buffer (MgWindow *self)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->article_view));
}

static void
update_count (MgWindow *self)
{
  MgWindowFind *find = self->find;
  guint n = find->matches->len;
  g_autofree char *text = NULL;

  if (*needle (self) == '\0' || self->document == NULL)
    text = g_strdup ("");
  else if (n == 0)
    text = g_strdup (_("No matches"));
  else
    /* Translators: the current match and how many there are, "3 of 17". */
    text = g_strdup_printf (ngettext ("%d of %u", "%d of %u", n), find->current + 1, n);

  gtk_label_set_text (self->find_count, text);
  if (*needle (self) != '\0' && self->document != NULL && n == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->search_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");
}

/* Shows the current match: highlighted apart, selected, in view. */
static void
show_current (MgWindow *self)
{
  MgWindowFind *find = self->find;

  mg_find_marks_show (find->marks, article_buffer (self), find->matches, find->current);
  if (find->current >= 0)
    {
      const MgTextMatch *m = &g_array_index (find->matches, MgTextMatch, find->current);

      mg_article_view_select_range (self->article_view, m->start, m->end);
    }
  update_count (self);
}

/* The first match at or after the start of the selection (or the caret),
 * wrapping to the first. */
static int
match_from_caret (MgWindow *self)
{
  MgWindowFind *find = self->find;
  GtkTextIter s, e;
  guint from;

  if (find->matches->len == 0)
    return -1;

  gtk_text_buffer_get_selection_bounds (article_buffer (self), &s, &e);
  from = gtk_text_iter_get_offset (&s);
  for (guint i = 0; i < find->matches->len; i++)
    if (g_array_index (find->matches, MgTextMatch, i).start >= from)
      return (int) i;

  return 0;
}

/**
 * _mg_window_find_flags:
 *
 * How the find bar, the search over all documents and Tag All compare:
 * like a browser's find, "resume" finds "résumé" and "ozil" finds "Özil",
 * unless Match Diacritics (win.match-diacritics) is on, for the languages
 * where "schon" and "schön" are two words that Tag All must keep apart.
 */
MgTextSearchFlags
_mg_window_find_flags (MgWindow *self)
{
  g_autoptr(GVariant) state = NULL;

  if (self->find == NULL || self->find->match_diacritics == NULL)
    return MG_TEXT_SEARCH_IGNORE_DIACRITICS;
  state = g_action_get_state (G_ACTION (self->find->match_diacritics));
  return g_variant_get_boolean (state) ? MG_TEXT_SEARCH_DEFAULT : MG_TEXT_SEARCH_IGNORE_DIACRITICS;
}

static void refresh (MgWindow *self);

static void
match_diacritics_change_state (GSimpleAction *action,
                               GVariant      *state,
                               gpointer       user_data)
{
  MgWindow *self = user_data;

  g_simple_action_set_state (action, state);
  if (gtk_search_bar_get_search_mode (self->search_bar))
    refresh (self);
  if (self->find->search_window != NULL)
    mg_search_window_search (MG_SEARCH_WINDOW (self->find->search_window), "");
}

/* Searches the document shown again, the current match picked from the
 * caret. */
static void
refresh (MgWindow *self)
{
  MgWindowFind *find = self->find;
  g_autoptr(MgTextSearch) search = NULL;

  g_array_set_size (find->matches, 0);
  find->current = -1;
  g_free (find->searched);
  find->searched = g_strdup (needle (self));
  if (self->document != NULL && (search = mg_text_search_new (needle (self), _mg_window_find_flags (self))) != NULL)
    {
      g_autoptr(GArray) found = mg_text_search_document (search, self->document);

      g_array_append_vals (find->matches, found->data, found->len);
      find->current = match_from_caret (self);
    }
  if (self->document != NULL)
    show_current (self);
  else
    update_count (self);
}

/* Whether the current match is what the article has selected: if the
 * person moved the caret since, the next match counts from there. */
static gboolean
current_is_selected (MgWindow *self)
{
  MgWindowFind *find = self->find;
  const MgTextMatch *m;
  GtkTextIter s, e;

  if (find->current < 0)
    return FALSE;

  m = &g_array_index (find->matches, MgTextMatch, find->current);
  gtk_text_buffer_get_selection_bounds (article_buffer (self), &s, &e);
  return (guint) gtk_text_iter_get_offset (&s) == m->start && (guint) gtk_text_iter_get_offset (&e) == m->end;
}

static void
step (MgWindow *self,
      gboolean  forward)
{
  MgWindowFind *find = self->find;
  int n = (int) find->matches->len;

  if (n == 0)
    return;

  if (current_is_selected (self))
    find->current = forward ? (find->current + 1) % n : (find->current + n - 1) % n;
  else
    {
      GtkTextIter s, e;
      guint caret;
      int after = n;

      /* The caret moved since: the first match from it, or the last one
       * before it. */
      gtk_text_buffer_get_selection_bounds (article_buffer (self), &s, &e);
      caret = gtk_text_iter_get_offset (&s);
      for (int i = 0; i < n; i++)
        if (g_array_index (find->matches, MgTextMatch, i).start >= caret)
          {
            after = i;
            break;
          }
      find->current = forward ? after % n : (after + n - 1) % n;
    }
  show_current (self);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  MgWindow *self = MG_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
find_step_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  MgWindow *self = MG_WINDOW (widget);

  /* From the article, with the bar closed, the last search comes back. */
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    {
      if (*needle (self) == '\0')
        return;
      gtk_search_bar_set_search_mode (self->search_bar, TRUE);
      refresh (self);
    }
  step (self, g_str_equal (action_name, "win.find-next"));
}

static void
search_changed_cb (MgWindow       *self,
                   GtkSearchEntry *entry)
{
  /* A change that lands after the bar closed (the entry waits a moment
   * after typing) must not bring the highlights back. */
  if (gtk_search_bar_get_search_mode (self->search_bar))
    refresh (self);
}

static void
search_activate_cb (MgWindow       *self,
                    GtkSearchEntry *entry)
{
  /* Enter before the entry's pause after typing is over finds the first
   * match, as the pause would have; after it, the next one. */
  if (g_strcmp0 (self->find->searched, needle (self)) != 0)
    refresh (self);
  else
    step (self, TRUE);
}

static void
next_match_cb (MgWindow       *self,
               GtkSearchEntry *entry)
{
  step (self, TRUE);
}

static void
previous_match_cb (MgWindow       *self,
                   GtkSearchEntry *entry)
{
  step (self, FALSE);
}

static void
search_mode_cb (MgWindow     *self,
                GParamSpec   *pspec,
                GtkSearchBar *bar)
{
  if (gtk_search_bar_get_search_mode (bar))
    return;

  /* Escape takes the highlights away and hands the match to the article,
   * still selected, so the next key tags it. */
  mg_find_marks_clear (self->find->marks);
  g_array_set_size (self->find->matches, 0);
  self->find->current = -1;
  g_clear_pointer (&self->find->searched, g_free);
  gtk_label_set_text (self->find_count, "");
  if (self->document != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->article_view));
}

/**
 * _mg_window_find_tag:
 * @needle: the phrase
 * @label_id: the label to give its matches
 * @all_documents: every document of the dataset, or only the one shown
 *
 * Tags every match of @needle in one undo step, as a selection would be
 * tagged, and says what was done in a toast on the window.
 *
 * Returns: (transfer full): the sentence the toast says
 */
char *
_mg_window_find_tag (MgWindow   *self,
                     const char *needle_text,
                     const char *label_id,
                     gboolean    all_documents)
{
  MgDataset *dataset = mg_window_get_dataset (self);
  g_autoptr(MgTextSearch) search = NULL;
  g_autoptr(GListModel) hits = NULL;
  MgLabel *label;
  MgTagReport report;
  char *message;

  if (dataset == NULL || (label = mg_label_set_lookup (mg_dataset_get_labels (dataset), label_id)) == NULL)
    return NULL;

  search = mg_text_search_new (needle_text, _mg_window_find_flags (self));
  if (search == NULL || (!all_documents && self->document == NULL))
    {
      message = g_strdup (_("Type something to find first"));
      mg_window_toast (self, message);
      return message;
    }

  if (all_documents)
    hits = mg_text_search_dataset (search, dataset);
  else
    {
      g_autoptr(GArray) matches = mg_text_search_document (search, self->document);
      GListStore *store = g_list_store_new (MG_TYPE_TEXT_HIT);

      for (guint i = 0; i < matches->len; i++)
        {
          const MgTextMatch *m = &g_array_index (matches, MgTextMatch, i);
          g_autoptr(MgTextHit) hit = mg_text_hit_new (self->document, m->start, m->end);

          g_list_store_append (store, hit);
        }
      hits = G_LIST_MODEL (store);
    }

  mg_text_search_tag (mg_window_get_history (self), hits, needle_text, label_id,
                      g_settings_get_boolean (self->settings, "snap-to-words"), &report);

  if (g_list_model_get_n_items (hits) == 0)
    message = g_strdup (_("No matches to tag"));
  else if (report.already == 0)
    /* Translators: the number of matches, then a label's name. */
    message = g_strdup_printf (ngettext ("Tagged %u match as %s", "Tagged %u matches as %s",
                                         report.tagged),
                               report.tagged, mg_label_get_name (label));
  else
    /* Translators: the number of matches, a label's name, and how many
     * of the matches had that label already. */
    message = g_strdup_printf (ngettext ("Tagged %u match as %s (%u already tagged)",
                                         "Tagged %u matches as %s (%u already tagged)",
                                         report.tagged),
                               report.tagged, mg_label_get_name (label), report.already);

  {
    AdwToast *toast = adw_toast_new (message);

    if (report.tagged > 0)
      {
        adw_toast_set_button_label (toast, _("_Undo"));
        adw_toast_set_action_name (toast, "win.undo");
      }
    adw_toast_overlay_add_toast (self->toast_overlay, toast);
  }

  return message;
}

static void
tag_matches_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  MgWindow *self = MG_WINDOW (widget);
  const char *label_id, *scope;

  g_variant_get (param, "(&s&s)", &label_id, &scope);
  g_free (_mg_window_find_tag (self, needle (self), label_id, g_str_equal (scope, "all")));
}

static void
find_all_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  MgWindow *self = MG_WINDOW (widget);
  MgWindowFind *find = self->find;
  g_autofree char *selected = NULL;
  const char *start_with = needle (self);
  GtkTextIter s, e;

  if (mg_window_get_dataset (self) == NULL)
    return;

  /* The phrase of the find bar, or else the words selected. */
  if (*start_with == '\0' && self->document != NULL &&
      gtk_text_buffer_get_selection_bounds (article_buffer (self), &s, &e) &&
      gtk_text_iter_get_line (&s) == gtk_text_iter_get_line (&e))
    start_with = selected = gtk_text_iter_get_text (&s, &e);

  if (find->search_window == NULL)
    {
      g_autoptr(GSimpleActionGroup) shared = g_simple_action_group_new ();

      g_set_weak_pointer (&find->search_window, GTK_WIDGET (mg_search_window_new (self)));
      /* Its Match Diacritics is the find bar's, the same action. */
      g_action_map_add_action (G_ACTION_MAP (shared), G_ACTION (find->match_diacritics));
      gtk_widget_insert_action_group (find->search_window, "win", G_ACTION_GROUP (shared));
    }
  mg_search_window_search (MG_SEARCH_WINDOW (find->search_window), start_with);
  gtk_window_present (GTK_WINDOW (find->search_window));
}

/* Shows a match found by the search window: its document, the match
 * selected (so the next label key tags it) and scrolled into view. */
static void
show_match_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  MgWindow *self = MG_WINDOW (widget);
  MgDataset *dataset = mg_window_get_dataset (self);
  const char *id;
  guint start, end;
  MgDocument *document;

  g_variant_get (param, "(&suu)", &id, &start, &end);
  if (dataset == NULL || (document = mg_dataset_lookup_document (dataset, id)) == NULL)
    {
      mg_window_toast (self, _("That document is no longer in the dataset"));
      return;
    }
  if (start > end || end > mg_document_get_length (document))
    return;

  mg_window_show_document (self, document);
  mg_article_view_select_range (self->article_view, start, end);
  /* The new document's lines are not measured yet: a mark is scrolled to
   * once they are. */
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->article_view),
                                gtk_text_buffer_get_selection_bound (article_buffer (self)),
                                0.2, FALSE, 0, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->article_view));
}

/* The Tag All menu: the labels, for this document or all of them. */
static GMenuModel *
tag_menu (MgWindow *self)
{
  MgDataset *dataset = mg_window_get_dataset (self);
  MgLabelSet *labels = dataset ? mg_dataset_get_labels (dataset) : NULL;
  GMenu *menu = g_menu_new ();
  static const struct { const char *scope; const char *title; } sections[] = {
    { "document", N_("In This Document") },
    { "all",      N_("In All Documents") },
  };

  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      g_autoptr(GMenu) section = g_menu_new ();

      for (guint i = 0; labels != NULL && i < mg_label_set_get_n_labels (labels); i++)
        {
          MgLabel *label = mg_label_set_get_label (labels, i);
          g_autoptr(GMenuItem) item = g_menu_item_new (mg_label_get_name (label), NULL);

          g_menu_item_set_action_and_target (item, "win.tag-matches", "(ss)",
                                             mg_label_get_id (label), sections[s].scope);
          g_menu_append_item (section, item);
        }
      g_menu_append_section (menu, _(sections[s].title), G_MENU_MODEL (section));
    }

  return G_MENU_MODEL (menu);
}

/* The menu follows the dataset's labels: rebuilt whenever a document is
 * shown, which every new dataset does. */
static void
update_tag_menu (MgWindow *self)
{
  g_autoptr(GMenuModel) menu = tag_menu (self);

  gtk_menu_button_set_menu_model (self->find_tag_button, menu);
}

void
_mg_window_find_class_init (MgWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_child (widget_class, MgWindow, find_count);
  gtk_widget_class_bind_template_child (widget_class, MgWindow, find_tag_button);

  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.find-next", NULL, find_step_action);
  gtk_widget_class_install_action (widget_class, "win.find-previous", NULL, find_step_action);
  gtk_widget_class_install_action (widget_class, "win.find-all", NULL, find_all_action);
  gtk_widget_class_install_action (widget_class, "win.tag-matches", "(ss)", tag_matches_action);
  gtk_widget_class_install_action (widget_class, "win.show-match", "(suu)", show_match_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "win.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.find-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_G, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.find-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.find-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.find-all", NULL);
}

void
_mg_window_find_init (MgWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  self->find = g_new0 (MgWindowFind, 1);
  self->find->match_diacritics = g_simple_action_new_stateful ("match-diacritics", NULL,
                                                               g_variant_new_boolean (FALSE));
  g_signal_connect (self->find->match_diacritics, "change-state",
                    G_CALLBACK (match_diacritics_change_state), self);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (self->find->match_diacritics));
  self->find->marks = mg_find_marks_new ();
  self->find->matches = g_array_new (FALSE, FALSE, sizeof (MgTextMatch));
  self->find->current = -1;

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate",
                           G_CALLBACK (search_activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "next-match",
                           G_CALLBACK (next_match_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "previous-match",
                           G_CALLBACK (previous_match_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (search_mode_cb), self, G_CONNECT_SWAPPED);

  /* Shift+Enter goes back, as in a browser; the entry would take it as
   * Enter, so it is caught on the way down. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
    gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_SHIFT_MASK),
                                                   gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_SHIFT_MASK)),
                      gtk_named_action_new ("win.find-previous")));
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), controller);

  update_tag_menu (self);
}

void
_mg_window_find_dispose (MgWindow *self)
{
  if (self->find == NULL)
    return;

  if (self->find->search_window != NULL)
    gtk_window_destroy (GTK_WINDOW (self->find->search_window));
  g_clear_weak_pointer (&self->find->search_window);
  g_clear_object (&self->find->match_diacritics);
  g_clear_pointer (&self->find->marks, mg_find_marks_free);
  g_clear_pointer (&self->find->matches, g_array_unref);
  g_clear_pointer (&self->find->searched, g_free);
  g_clear_pointer (&self->find, g_free);
}

/* Another document is shown: while the bar is open, its matches. */
void
_mg_window_find_document_changed (MgWindow *self)
{
  if (self->find == NULL)
    return;

  update_tag_menu (self);
  if (gtk_search_bar_get_search_mode (self->search_bar))
    refresh (self);
}

/**
 * _mg_window_find_get_n_matches:
 * @current: (out) (optional): the index of the current match, or -1
 *
 * Returns: how many matches of the find bar the document shown has
 */
guint
_mg_window_find_get_n_matches (MgWindow *self,
                               int      *current)
{
  if (current != NULL)
    *current = self->find->current;
  return self->find->matches->len;
}

/**
 * _mg_window_find_get_search_window:
 *
 * Returns: (transfer none) (nullable): the search over all documents, once opened
 */
GtkWidget *
_mg_window_find_get_search_window (MgWindow *self)
{
  return self->find->search_window;
}
