/* mg-window-suggest.c: suggestions in the window
 *
 * With suggestions on for the dataset (its "suggestions" member, through
 * the win.suggestions toggle), the shown document's suggestions are
 * computed in a worker thread and outlined over the article. N and Shift+N
 * walk them; the current one is scrolled to and drawn thicker. Enter
 * accepts it, a label's key accepts it under that label, Backspace rejects
 * it, Ctrl+Shift+Enter accepts all of its label in the document: each one
 * step of the history. Escape leaves it. The core (mg-suggest-record.c)
 * decides what is shown and what an acceptance adds.
 *
 * A dataset whose scheme lacks one of the engine's labels (quote, actor,
 * figure) is asked once, when suggestions are turned on, which of its
 * labels takes each kind; the answer (win.suggestion-labels) is saved in
 * the dataset as one step of the history.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mg-suggest-record.h"
#include "mg-window-private.h"

#define KINDS (MG_SUGGEST_QUOTES | MG_SUGGEST_ACTORS | MG_SUGGEST_FIGURES | \
               MG_SUGGEST_RELATIONS | MG_SUGGEST_KEEP_COVERED)

struct _MgWindowSuggest
{
  MgSuggestRules    *rules;        /* loaded when first needed */
  GCancellable      *cancellable;  /* of the computation under way */
  MgDocument        *document;     /* whose suggestions these are */
  MgSuggestions     *suggestions;  /* NULL while computing */
  MgSuggestionMarks *marks;        /* what is drawn */
  MgHistory         *history;      /* whose edits refilter them */
  GSimpleAction     *toggle;       /* win.suggestions */
  gboolean           has_current;
  guint              current;      /* position in suggestions */
  char              *mapped;       /* the labels the suggestions were given */
};

static const char *const actions[] = {
  "win.suggestion-next", "win.suggestion-previous", "win.suggestion-accept",
  "win.suggestion-accept-key", "win.suggestion-reject", "win.suggestion-accept-all",
  "win.suggestion-leave",
};

static void refresh (MgWindow *self);

/* The dataset's labels for the engine's kinds, as one string to compare. */
static char *
mapped_labels (MgWindow *self)
{
  MgDataset *dataset = _mg_window_dataset (self);
  GString *key = g_string_new (NULL);

  for (guint k = 0; dataset != NULL && k < MG_SUGGEST_N_KINDS; k++)
    {
      const char *label = mg_suggest_resolve_label (dataset, NULL, mg_suggest_engine_labels[k]);

      g_string_append_printf (key, "%s\x1f", label ? label : "");
    }
  return g_string_free (key, FALSE);
}

static gboolean
enabled (MgWindow *self)
{
  return _mg_window_dataset (self) != NULL && mg_suggest_dataset_get_enabled (_mg_window_dataset (self));
}

static void
update_actions (MgWindow *self)
{
  MgWindowSuggest *sg = self->suggest;
  guint n = sg->marks ? mg_suggestion_marks_get_n_shown (sg->marks) : 0;
  gboolean current = sg->marks && mg_suggestion_marks_get_current (sg->marks) >= 0;

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], i < 2 ? n > 0 : current);
}

/* The index among those shown of @position, or of the nearest after it,
 * else before it; -1 when none is shown. */
static int
nearest_shown (MgSuggestionMarks *marks,
               guint              position)
{
  guint n = mg_suggestion_marks_get_n_shown (marks);

  for (guint i = 0; i < n; i++)
    if (mg_suggestion_marks_get_shown (marks, i) >= position)
      return (int) i;
  return (int) n - 1;
}

/* Shows what is left of the suggestions once the document's spans and
 * rejections are taken out, keeping the current one, or the one that
 * took its place. */
static void
refilter (MgWindow *self)
{
  MgWindowSuggest *sg = self->suggest;
  g_autoptr(GArray) shown = NULL;
  int current = -1;

  g_clear_object (&sg->marks);
  if (sg->suggestions != NULL && sg->document == self->document)
    {
      shown = mg_suggest_filter (sg->suggestions, sg->document, mg_dataset_get_labels (_mg_window_dataset (self)));
      sg->marks = mg_suggestion_marks_new (sg->suggestions, shown);
      if (sg->has_current)
        current = nearest_shown (sg->marks, sg->current);
      mg_suggestion_marks_set_current (sg->marks, current);
      if (current >= 0)
        sg->current = mg_suggestion_marks_get_shown (sg->marks, (guint) current);
    }
  sg->has_current = current >= 0;
  mg_article_view_set_suggestion_marks (self->article_view, sg->marks);
  update_actions (self);
}

static void
history_changed_cb (MgWindow  *self,
                    MgHistory *history)
{
  MgWindowSuggest *sg = self->suggest;
  g_autofree char *mapped = NULL;

  if (sg == NULL || sg->suggestions == NULL)
    return;
  /* A new label map (or its undo) renames the kinds: computed again. */
  mapped = mapped_labels (self);
  if (g_strcmp0 (mapped, sg->mapped) != 0)
    {
      g_clear_object (&sg->document);
      refresh (self);
      return;
    }
  refilter (self);
}

static void
follow_history (MgWindow *self)
{
  MgWindowSuggest *sg = self->suggest;

  if (sg->history == _mg_window_history (self))
    return;
  if (sg->history != NULL)
    g_signal_handlers_disconnect_by_func (sg->history, history_changed_cb, self);
  g_set_object (&sg->history, _mg_window_history (self));
  if (sg->history != NULL)
    g_signal_connect_object (sg->history, "changed", G_CALLBACK (history_changed_cb), self,
                             G_CONNECT_SWAPPED);
}

static void
computed_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(MgWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MgSuggestions) suggestions = mg_suggest_document_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->suggest == NULL)
    return;
  if (suggestions == NULL)
    {
      mg_window_toast (self, error->message);
      return;
    }
  /* Under the dataset's labels, which filtering, accepting and the
   * drawing then speak of. */
  mg_suggest_map_labels (suggestions, _mg_window_dataset (self), NULL);
  g_free (self->suggest->mapped);
  self->suggest->mapped = mapped_labels (self);
  g_set_object (&self->suggest->suggestions, suggestions);
  refilter (self);
}

/* The document shown, the dataset or the switch changed: the suggestions
 * of the document shown, when they are on, computed off the main loop. */
static void
refresh (MgWindow *self)
{
  MgWindowSuggest *sg = self->suggest;
  gboolean on = enabled (self);
  g_autoptr(GError) error = NULL;

  follow_history (self);
  g_simple_action_set_state (sg->toggle, g_variant_new_boolean (on));

  if (on && self->document != NULL && sg->document == self->document)
    return;

  g_cancellable_cancel (sg->cancellable);
  g_clear_object (&sg->cancellable);
  g_clear_object (&sg->suggestions);
  g_set_object (&sg->document, (on ? self->document : NULL));
  sg->has_current = FALSE;
  refilter (self);
  if (sg->document == NULL)
    return;

  if (sg->rules == NULL && (sg->rules = mg_suggest_rules_new (NULL, &error)) == NULL)
    {
      mg_window_toast (self, error->message);
      return;
    }
  sg->cancellable = g_cancellable_new ();
  mg_suggest_document_async (sg->rules, sg->document, NULL, KINDS, sg->cancellable,
                             computed_cb, g_object_ref (self));
}

/* win.suggestion-labels ("sss"): the dataset's labels for quotes, speakers
 * and actors, and figures ("" for none), saved as the dataset's label map
 * in one step of the history. */
static void
labels_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  MgWindow *self = MG_WINDOW (widget);
  MgDataset *dataset = _mg_window_dataset (self);
  g_autoptr(JsonObject) map = json_object_new ();
  g_autoptr(JsonNode) settings = NULL;
  const char *chosen[MG_SUGGEST_N_KINDS];
  MgLabelSet *labels;

  if (dataset == NULL)
    return;
  labels = mg_dataset_get_labels (dataset);
  g_variant_get (param, "(&s&s&s)", &chosen[0], &chosen[1], &chosen[2]);
  for (guint k = 0; k < MG_SUGGEST_N_KINDS; k++)
    {
      const char *kind = mg_suggest_engine_labels[k];

      if (*chosen[k] != '\0' && mg_label_set_lookup (labels, chosen[k]) == NULL)
        return;
      /* null keeps the label of the same id; "" refuses it, when there is
       * one to refuse. */
      if (*chosen[k] != '\0' || mg_label_set_lookup (labels, kind) != NULL)
        json_object_set_string_member (map, kind, chosen[k]);
      else
        json_object_set_null_member (map, kind);
    }
  settings = mg_suggest_settings_with_label_map (dataset, map);
  mg_history_set_scheme_member (_mg_window_history (self), NULL, MG_SUGGEST_DATASET_MEMBER, settings);
}

static void
labels_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    MgWindow         *self)
{
  char **ids = g_object_get_data (G_OBJECT (dialog), "mg-label-ids");
  guint n = g_strv_length (ids);
  const char *chosen[MG_SUGGEST_N_KINDS];

  if (g_strcmp0 (response, "apply") != 0)
    return;
  for (guint k = 0; k < MG_SUGGEST_N_KINDS; k++)
    {
      g_autofree char *key = g_strdup_printf ("mg-drop-%s", mg_suggest_engine_labels[k]);
      guint selected = gtk_drop_down_get_selected (g_object_get_data (G_OBJECT (dialog), key));

      chosen[k] = selected < n ? ids[selected] : "";
    }
  gtk_widget_activate_action (GTK_WIDGET (self), "win.suggestion-labels", "(sss)",
                              chosen[0], chosen[1], chosen[2]);
}

/* Asks which of the dataset's labels takes each kind of suggestion. */
static void
ask_labels (MgWindow *self)
{
  const char *titles[MG_SUGGEST_N_KINDS] = {
    _("_Quotes as"), _("_Speakers and actors as"), _("_Figures as"),
  };
  MgLabelSet *labels = mg_dataset_get_labels (_mg_window_dataset (self));
  guint n = mg_label_set_get_n_labels (labels);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  char **ids = g_new0 (char *, n + 1);
  GtkWidget *dialog, *grid;

  for (guint i = 0; i < n; i++)
    {
      MgLabel *label = mg_label_set_get_label (labels, i);

      gtk_string_list_append (names, mg_label_get_name (label));
      ids[i] = g_strdup (mg_label_get_id (label));
    }
  gtk_string_list_append (names, _("None"));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Labels for Suggestions"),
                                   _("This dataset’s scheme names its labels otherwise. "
                                     "Choose which of them takes each kind of suggestion."));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_object_set_data_full (G_OBJECT (dialog), "mg-label-ids", ids, (GDestroyNotify) g_strfreev);

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_halign (grid, GTK_ALIGN_CENTER);
  for (guint k = 0; k < MG_SUGGEST_N_KINDS; k++)
    {
      GtkWidget *title = gtk_label_new_with_mnemonic (titles[k]);
      GtkWidget *drop = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
      g_autofree char *key = g_strdup_printf ("mg-drop-%s", mg_suggest_engine_labels[k]);
      int same = mg_label_set_index_of (labels, mg_suggest_engine_labels[k]);

      /* A label of the kind's own id is the likely answer; else none. */
      gtk_drop_down_set_selected (GTK_DROP_DOWN (drop), same >= 0 ? (guint) same : n);
      gtk_label_set_mnemonic_widget (GTK_LABEL (title), drop);
      gtk_label_set_xalign (GTK_LABEL (title), 1);
      gtk_grid_attach (GTK_GRID (grid), title, 0, (int) k, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), drop, 1, (int) k, 1, 1);
      g_object_set_data (G_OBJECT (dialog), key, drop);
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), grid);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "apply", _("_Use These Labels"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (labels_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
toggle_change_state (GSimpleAction *action,
                     GVariant      *state,
                     gpointer       user_data)
{
  MgWindow *self = user_data;
  gboolean on = g_variant_get_boolean (state);

  if (self->suggest == NULL || _mg_window_dataset (self) == NULL || on == enabled (self))
    return;
  /* A setting of the dataset, saved with it, but not coding: no undo. */
  mg_suggest_dataset_set_enabled (_mg_window_dataset (self), on);
  mg_history_mark_modified (_mg_window_history (self));
  refresh (self);
  if (on && mg_suggest_dataset_needs_label_map (_mg_window_dataset (self)))
    ask_labels (self);
  else if (on && self->document != NULL)
    {
      /* Back from the menu to the article, where the keys work. */
      gtk_widget_grab_focus (GTK_WIDGET (self->article_view));
      mg_window_toast (self, _("Suggestions on: press N to walk them"));
    }
}

static const MgSuggestion *
current_suggestion (MgWindow *self)
{
  MgWindowSuggest *sg = self->suggest;

  if (sg->marks == NULL || mg_suggestion_marks_get_current (sg->marks) < 0)
    return NULL;
  return mg_suggestions_get_span (sg->suggestions, sg->current);
}

static void
make_current (MgWindow *self,
              int       index)
{
  MgWindowSuggest *sg = self->suggest;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->article_view));
  const MgSuggestion *s;
  GtkTextMark *mark;
  GtkTextIter iter;

  /* Enter and the labels' keys now act on the suggestion, so no span may
   * look selected. */
  mg_article_view_set_selected (self->article_view, NULL);
  mg_suggestion_marks_set_current (sg->marks, index);
  sg->current = mg_suggestion_marks_get_shown (sg->marks, (guint) index);
  sg->has_current = TRUE;
  s = mg_suggestions_get_span (sg->suggestions, sg->current);

  /* A mark rather than an iter: the view scrolls to it once its lines are
   * measured, however far away it is. */
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) s->start);
  mark = gtk_text_buffer_get_mark (buffer, "mg-suggestion");
  if (mark == NULL)
    mark = gtk_text_buffer_create_mark (buffer, "mg-suggestion", &iter, TRUE);
  else
    gtk_text_buffer_move_mark (buffer, mark, &iter);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->article_view), mark, 0.1, FALSE, 0, 0);

  gtk_widget_queue_draw (GTK_WIDGET (self->article_view));
  update_actions (self);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  MgWindow *self = MG_WINDOW (widget);
  MgSuggestionMarks *marks = self->suggest->marks;
  gboolean forward = g_str_equal (action_name, "win.suggestion-next");
  int current, n;

  if (marks == NULL || (n = (int) mg_suggestion_marks_get_n_shown (marks)) == 0)
    return;

  current = mg_suggestion_marks_get_current (marks);
  if (current < 0)
    {
      /* From the caret: the first suggestion after it, or the last before. */
      guint caret = mg_article_view_get_cursor (self->article_view);

      for (current = 0; current < n; current++)
        if (mg_suggestions_get_span (mg_suggestion_marks_get_suggestions (marks),
                                     mg_suggestion_marks_get_shown (marks, (guint) current))->start >= caret)
          break;
      if (!forward)
        current--;
    }
  else
    current += forward ? 1 : -1;
  /* Round the document, as Alt+Down does over annotations. */
  make_current (self, ((current % n) + n) % n);
}

/* Escape: no suggestion current, so Enter and the labels' keys act on the
 * text again. */
static void
leave_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  MgWindow *self = MG_WINDOW (widget);
  MgWindowSuggest *sg = self->suggest;

  if (sg->marks == NULL)
    return;
  sg->has_current = FALSE;
  mg_suggestion_marks_set_current (sg->marks, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self->article_view));
  update_actions (self);
}

static void
accept (MgWindow   *self,
        const char *label)
{
  MgWindowSuggest *sg = self->suggest;
  g_autoptr(GError) error = NULL;

  if (current_suggestion (self) == NULL)
    return;
  if (mg_suggest_accept (_mg_window_history (self), sg->document, sg->suggestions, sg->current, label,
                         &error) == NULL)
    mg_window_toast (self, error->message);
}

static void
accept_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  accept (MG_WINDOW (widget), NULL);
}

static void
accept_key_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  MgWindow *self = MG_WINDOW (widget);
  MgLabel *label = mg_label_set_lookup_key (mg_dataset_get_labels (_mg_window_dataset (self)),
                                            g_variant_get_string (param, NULL));

  if (label != NULL)
    accept (self, mg_label_get_id (label));
}

static void
reject_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  MgWindow *self = MG_WINDOW (widget);
  const MgSuggestion *s = current_suggestion (self);

  if (s != NULL)
    mg_suggest_reject (_mg_window_history (self), self->suggest->document, s);
}

static void
accept_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  MgWindow *self = MG_WINDOW (widget);
  MgWindowSuggest *sg = self->suggest;
  const MgSuggestion *s = current_suggestion (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  MgLabel *label;
  guint n;

  if (s == NULL)
    return;
  label = mg_label_set_lookup (mg_dataset_get_labels (_mg_window_dataset (self)), s->label);
  n = mg_suggest_accept_all (_mg_window_history (self), sg->document, sg->suggestions, s->label, TRUE, &error);
  if (error != NULL)
    {
      mg_window_toast (self, error->message);
      return;
    }
  /* Translators: %u suggestions, %s a label's name such as Quote */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u suggestion accepted as %s",
                                          "%u suggestions accepted as %s", n),
                             n, label ? _(mg_label_get_name (label)) : s->label);
  mg_window_toast (self, message);
}

/* Keys GtkTextView takes for itself (Return, Backspace), and the labels'
 * keys while a suggestion is current, caught on the way down to the
 * article, and only when the article has the focus: in the note popover
 * and the search entry they are text. */
static gboolean
article_key_cb (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  MgWindow *self = MG_WINDOW (gtk_widget_get_root (widget));
  const char *action = user_data;
  gboolean walk = g_str_equal (action, "win.suggestion-next") ||
                  g_str_equal (action, "win.suggestion-previous");

  if (self->suggest == NULL || self->suggest->marks == NULL || !gtk_widget_has_focus (GTK_WIDGET (self->article_view)))
    return FALSE;
  if (walk ? mg_suggestion_marks_get_n_shown (self->suggest->marks) == 0
           : current_suggestion (self) == NULL)
    return FALSE;
  return gtk_widget_activate_action_variant (GTK_WIDGET (self), action, args);
}

static void
add_article_keys (MgWindow *self)
{
  /* The data is the action to run. */
  static const MgWindowKey keys[] = {
    { GDK_KEY_Return,    0,                                  "win.suggestion-accept" },
    { GDK_KEY_KP_Enter,  0,                                  "win.suggestion-accept" },
    { GDK_KEY_BackSpace, 0,                                  "win.suggestion-reject" },
    { GDK_KEY_Escape,    0,                                  "win.suggestion-leave" },
    { GDK_KEY_Return,    GDK_CONTROL_MASK | GDK_SHIFT_MASK,  "win.suggestion-accept-all" },
    { GDK_KEY_KP_Enter,  GDK_CONTROL_MASK | GDK_SHIFT_MASK,  "win.suggestion-accept-all" },
    { GDK_KEY_n,         0,                                  "win.suggestion-next" },
    { GDK_KEY_N,         GDK_SHIFT_MASK,                     "win.suggestion-previous" },
  };
  GtkEventController *controller = _mg_window_capture_keys (keys, G_N_ELEMENTS (keys), article_key_cb);

  for (guint i = 1; i <= 9; i++)
    {
      char key[2] = { (char) ('0' + i), 0 };

      for (guint pad = 0; pad < 2; pad++)
        {
          GtkShortcut *shortcut =
            gtk_shortcut_new (gtk_keyval_trigger_new ((pad ? GDK_KEY_KP_0 : GDK_KEY_0) + i, 0),
                              gtk_callback_action_new (article_key_cb,
                                                       (gpointer) "win.suggestion-accept-key", NULL));

          gtk_shortcut_set_arguments (shortcut, g_variant_new_string (key));
          gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
        }
    }
  /* On the scroller, the article's parent, so that these run before the
   * article's own capture-phase keys (Return writes a note there). */
  gtk_widget_add_controller (GTK_WIDGET (self->article_scroller), controller);
}

static void
document_cb (MgWindow   *self,
             GParamSpec *pspec,
             gpointer    data)
{
  if (self->suggest != NULL)
    refresh (self);
}

/* Selecting a span is another task than walking suggestions: the keys go
 * back to the span. */
static void
selected_cb (MgWindow      *self,
             GParamSpec    *pspec,
             MgArticleView *view)
{
  MgWindowSuggest *sg = self->suggest;

  if (sg == NULL || mg_article_view_get_selected (view) == NULL || sg->marks == NULL ||
      mg_suggestion_marks_get_current (sg->marks) < 0)
    return;
  sg->has_current = FALSE;
  mg_suggestion_marks_set_current (sg->marks, -1);
  gtk_widget_queue_draw (GTK_WIDGET (view));
  update_actions (self);
}

void
_mg_window_suggest_class_init (MgWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.suggestion-next", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "win.suggestion-previous", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "win.suggestion-accept", NULL, accept_action);
  gtk_widget_class_install_action (widget_class, "win.suggestion-accept-key", "s", accept_key_action);
  gtk_widget_class_install_action (widget_class, "win.suggestion-reject", NULL, reject_action);
  gtk_widget_class_install_action (widget_class, "win.suggestion-accept-all", NULL, accept_all_action);
  gtk_widget_class_install_action (widget_class, "win.suggestion-leave", NULL, leave_action);
  gtk_widget_class_install_action (widget_class, "win.suggestion-labels", "(sss)", labels_action);

  /* Also from elsewhere than the article (the document list); disabled
   * actions let the key pass on. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, 0, "win.suggestion-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_N, GDK_SHIFT_MASK, "win.suggestion-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, 0, "win.suggestion-reject", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.suggestion-accept-all", NULL);
}

void
_mg_window_suggest_init (MgWindow *self)
{
  MgWindowSuggest *sg = g_new0 (MgWindowSuggest, 1);

  self->suggest = sg;
  sg->toggle = g_simple_action_new_stateful ("suggestions", NULL, g_variant_new_boolean (FALSE));
  g_signal_connect (sg->toggle, "change-state", G_CALLBACK (toggle_change_state), self);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (sg->toggle));

  g_signal_connect (self, "notify::document", G_CALLBACK (document_cb), NULL);
  g_signal_connect_object (self->session, "notify::dataset", G_CALLBACK (document_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::history", G_CALLBACK (document_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->article_view, "notify::selected", G_CALLBACK (selected_cb), self,
                           G_CONNECT_SWAPPED);
  add_article_keys (self);
  update_actions (self);
}

void
_mg_window_suggest_dispose (MgWindow *self)
{
  MgWindowSuggest *sg = self->suggest;

  if (sg == NULL)
    return;
  g_cancellable_cancel (sg->cancellable);
  g_clear_object (&sg->cancellable);
  if (sg->history != NULL)
    g_signal_handlers_disconnect_by_func (sg->history, history_changed_cb, self);
  g_clear_object (&sg->history);
  g_clear_object (&sg->suggestions);
  g_clear_object (&sg->marks);
  g_clear_object (&sg->document);
  g_clear_object (&sg->rules);
  g_clear_object (&sg->toggle);
  g_clear_pointer (&sg->mapped, g_free);
  g_clear_pointer (&self->suggest, g_free);
}

/**
 * _mg_window_suggest_get_marks:
 *
 * Returns: (transfer none) (nullable): the suggestions shown, for tests
 */
MgSuggestionMarks *
_mg_window_suggest_get_marks (MgWindow *self)
{
  return self->suggest ? self->suggest->marks : NULL;
}
