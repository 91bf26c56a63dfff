/* mg-window.c: the annotation window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mg-export-dialog.h"
#include "mg-shortcuts.h"
#include "mg-stats-window.h"
#include "mg-window.h"
#include "mg-window-private.h"

G_DEFINE_FINAL_TYPE (MgWindow, mg_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
dataset_display_name (MgWindow *self)
{
  GFile *file = mg_session_get_file (self->session);
  g_autofree char *basename = NULL;
  char *dot;

  if (file == NULL)
    return g_strdup (_("New Dataset"));

  basename = g_file_get_basename (file);
  if ((dot = strrchr (basename, '.')) != NULL && dot != basename)
    *dot = '\0';

  return g_steal_pointer (&basename);
}

/* Also after every edit: the subtitle holds the progress over the
 * dataset, first, so that a long document title never hides it. */
void
_mg_window_update_title (MgWindow *self)
{
  g_autofree char *name = dataset_display_name (self);
  g_autofree char *title = NULL;
  g_autofree char *progress = _mg_window_status_describe (self);
  g_autofree char *subtitle = NULL;
  const char *document_title = self->document ? mg_document_get_title (self->document) : NULL;
  gboolean modified = mg_session_get_modified (self->session);

  /* The dot says "unsaved" without taking room from the name. */
  title = modified ? g_strdup_printf ("• %s", name) : g_strdup (name);
  adw_window_title_set_title (self->window_title, title);
  if (progress != NULL && document_title != NULL && *document_title != '\0')
    subtitle = g_strdup_printf ("%s · %s", progress, document_title);
  else
    subtitle = progress ? g_steal_pointer (&progress) : g_strdup (document_title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

/**
 * _mg_window_capture_keys:
 * @func: called with the key's data
 *
 * The parts of the window that take keys the text view would eat (Return,
 * Ctrl+Shift+A) build their controller here from a table, the same way.
 *
 * Returns: (transfer full): a shortcut controller for the capture phase,
 *   not yet added to a widget
 */
GtkEventController *
_mg_window_capture_keys (const MgWindowKey *keys,
                         gsize              n_keys,
                         GtkShortcutFunc    func)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (gsize i = 0; i < n_keys; i++)
    gtk_shortcut_controller_add_shortcut (
      GTK_SHORTCUT_CONTROLLER (controller),
      gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].keyval, keys[i].modifiers),
                        gtk_callback_action_new (func, (gpointer) keys[i].data, NULL)));
  return controller;
}

/* A question about the work in the window; only one is up at a time. */
GtkWidget *
_mg_window_prompt (MgWindow       *self,
                   const MgPrompt *prompt)
{
  GtkWidget *dialog = mg_dialogs_prompt (GTK_WINDOW (self), prompt);

  g_set_weak_pointer (&self->prompt, dialog);
  return dialog;
}

static void
show_error_toast (MgWindow     *self,
                  const GError *error)
{
  mg_window_toast (self, error->message);
}

/* Selecting an annotation, from wherever: the article outlines it and the
 * list follows. */
static void
select_annotation (MgWindow     *self,
                   MgAnnotation *annotation,
                   gboolean      scroll)
{
  mg_article_view_set_selected (self->article_view, annotation);
  if (annotation != NULL && scroll)
    mg_article_view_scroll_to_annotation (self->article_view, annotation);
}

static void
article_selected_cb (MgWindow      *self,
                     GParamSpec    *pspec,
                     MgArticleView *view)
{
  mg_annotation_list_select (self->annotation_list, mg_article_view_get_selected (view));
}

static void
annotation_selected_cb (MgWindow         *self,
                        MgAnnotation     *annotation,
                        MgAnnotationList *list)
{
  select_annotation (self, annotation, TRUE);
  mg_article_view_place_cursor (self->article_view, mg_annotation_get_start (annotation));
  gtk_widget_grab_focus (GTK_WIDGET (self->article_view));
}

static void
document_selected_cb (MgWindow       *self,
                      MgDocument     *document,
                      MgDocumentList *list)
{
  mg_window_show_document (self, document);
}

static void
tag_with_label (MgWindow   *self,
                const char *label_id)
{
  MgAnnotation *selected = _mg_window_current_annotation (self);
  g_autoptr(GError) error = NULL;
  guint start, end;

  if (self->document == NULL)
    return;

  if (mg_label_set_lookup (mg_dataset_get_labels (_mg_window_dataset (self)), label_id) == NULL)
    return;

  if (mg_article_view_get_tag_range (self->article_view, &start, &end))
    {
      g_autoptr(MgAnnotation) annotation = mg_annotation_new (NULL, label_id, start, end);

      if (!mg_history_add_annotation (_mg_window_history (self), self->document, annotation, &error))
        {
          if (g_error_matches (error, MG_ERROR, MG_ERROR_DUPLICATE))
            mg_window_toast (self, _("This text already has that label"));
          else
            show_error_toast (self, error);
          return;
        }

      /* The new annotation is selected, so a wrong key is put right by
       * pressing the right one, and the boundary keys act on it. */
      mg_article_view_place_cursor (self->article_view, end);
      select_annotation (self, annotation, FALSE);
      _mg_window_scheme_tagged (self, annotation);
    }
  else if (selected != NULL)
    {
      if (g_strcmp0 (mg_annotation_get_label (selected), label_id) == 0)
        return;

      if (!_mg_window_scheme_relabel (self, selected, label_id, &error))
        {
          show_error_toast (self, error);
          return;
        }
      /* A span relabelled is coded anew: its new label's attributes are
       * asked for as on a new tag. */
      _mg_window_scheme_tagged (self, selected);
    }
  else
    mg_window_toast (self, _("Select some text to tag first"));
}

static void
tag_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  tag_with_label (MG_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
tag_key_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  MgWindow *self = MG_WINDOW (widget);
  MgLabel *label;

  if (_mg_window_dataset (self) == NULL)
    return;

  label = mg_label_set_lookup_key (mg_dataset_get_labels (_mg_window_dataset (self)),
                                   g_variant_get_string (param, NULL));
  if (label != NULL)
    tag_with_label (self, mg_label_get_id (label));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  MgWindow *self = MG_WINDOW (widget);
  g_autoptr(MgAnnotation) annotation = NULL;
  AdwToast *toast;

  if (_mg_window_current_annotation (self) == NULL)
    return;

  annotation = g_object_ref (_mg_window_current_annotation (self));
  select_annotation (self, NULL, FALSE);
  mg_history_remove_annotation (_mg_window_history (self), self->document, annotation);

  toast = adw_toast_new (_("Annotation deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
undo_redo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  MgWindow *self = MG_WINDOW (widget);
  gboolean undo = g_str_equal (action_name, "win.undo");
  MgDocument *touched;

  if (_mg_window_history (self) == NULL)
    return;

  if (undo ? !mg_history_can_undo (_mg_window_history (self)) : !mg_history_can_redo (_mg_window_history (self)))
    return;

  touched = undo ? mg_history_undo (_mg_window_history (self)) : mg_history_redo (_mg_window_history (self));

  /* Show the change where it happened. */
  if (touched != NULL && touched != self->document &&
      mg_dataset_index_of (_mg_window_dataset (self), touched) >= 0)
    mg_window_show_document (self, touched);
}

static void
move_annotation_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  MgWindow *self = MG_WINDOW (widget);
  gboolean forward = g_str_equal (action_name, "win.next-annotation");
  MgAnnotationStore *store = _mg_window_current_store (self);
  MgAnnotation *selected = _mg_window_current_annotation (self);
  guint n, position;

  if (store == NULL || (n = mg_annotation_store_get_n_annotations (store)) == 0)
    return;

  if (selected != NULL)
    {
      position = mg_annotation_store_get_position (store, selected);
      if (forward)
        position = position + 1 < n ? position + 1 : position;
      else
        position = position > 0 ? position - 1 : 0;
    }
  else
    {
      guint cursor = mg_article_view_get_cursor (self->article_view);
      guint lo = 0, hi = n;

      /* First annotation starting at or after the caret. */
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;

          if (mg_annotation_get_start (mg_annotation_store_get_annotation (store, mid)) < cursor)
            lo = mid + 1;
          else
            hi = mid;
        }
      position = forward ? MIN (lo, n - 1) : (lo > 0 ? lo - 1 : 0);
    }

  selected = mg_annotation_store_get_annotation (store, position);
  mg_article_view_place_cursor (self->article_view, mg_annotation_get_start (selected));
  select_annotation (self, selected, TRUE);
}

static void
move_document_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  MgWindow *self = MG_WINDOW (widget);
  gboolean forward = g_str_equal (action_name, "win.next-document");
  guint n;
  int index;

  if (_mg_window_dataset (self) == NULL || (n = mg_dataset_get_n_documents (_mg_window_dataset (self))) == 0)
    return;

  index = self->document ? mg_dataset_index_of (_mg_window_dataset (self), self->document) : -1;
  index = forward ? index + 1 : index - 1;
  if (index < 0 || (guint) index >= n)
    return;

  mg_window_show_document (self, mg_dataset_get_document (_mg_window_dataset (self), index));
}

/* Refuses a range another span of the same label already has, naming it,
 * rather than letting two spans melt into one. */
static gboolean
refuse_duplicate (MgWindow     *self,
                  MgAnnotation *annotation,
                  guint         start,
                  guint         end)
{
  const char *label_id = mg_annotation_get_label (annotation);
  MgAnnotation *twin = mg_annotation_store_find (_mg_window_current_store (self), label_id, start, end);
  MgLabel *label;
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;

  if (twin == NULL || twin == annotation)
    return FALSE;

  label = mg_label_set_lookup (mg_dataset_get_labels (_mg_window_dataset (self)), label_id);
  text = mg_document_substring (self->document, start, end);
  /* Translators: the first is a label's name, the second the text. */
  message = g_strdup_printf (_("Another %s already covers “%s”"),
                             label ? mg_label_get_name (label) : label_id, text);
  mg_window_toast (self, message);

  return TRUE;
}

/* Moves one edge of the selected annotation by a step of the selection's
 * own unit: a word while whole-word selection is on (a character step
 * would only be completed back to the word) and a character otherwise.
 * The span stays trimmed as a new selection is. */
static void
boundary_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  MgWindow *self = MG_WINDOW (widget);
  MgAnnotation *selected = _mg_window_current_annotation (self);
  g_autoptr(GError) error = NULL;
  const char *what = action_name + strlen ("win.");
  MgSpanEdge edge = g_str_has_suffix (what, "-start") ? MG_SPAN_EDGE_START : MG_SPAN_EDGE_END;
  gboolean forward = g_str_equal (what, "shrink-start") || g_str_equal (what, "grow-end");
  guint start, end;

  if (selected == NULL)
    return;

  start = mg_annotation_get_start (selected);
  end = mg_annotation_get_end (selected);
  if (!mg_span_edges_move (mg_document_get_text_index (self->document), &start, &end, edge, forward,
                           g_settings_get_boolean (self->settings, "snap-to-words")) ||
      refuse_duplicate (self, selected, start, end))
    return;

  if (!mg_history_set_range (_mg_window_history (self), self->document, selected, start, end, &error))
    show_error_toast (self, error);
  mg_article_view_scroll_to_annotation (self->article_view, selected);
}

/* A boundary dragged with the mouse. The article view snaps it as it
 * goes; the range is snapped here again, so that what is committed follows
 * the same rule as a key press, whoever asks. One step of the history. */
static void
set_range_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  MgWindow *self = MG_WINDOW (widget);
  MgAnnotation *selected = _mg_window_current_annotation (self);
  g_autoptr(GError) error = NULL;
  guint start, end;

  if (selected == NULL || self->document == NULL)
    return;

  g_variant_get (param, "(uu)", &start, &end);
  if (start >= end ||
      !mg_span_edges_snap (mg_document_get_text_index (self->document), &start, &end,
                           g_settings_get_boolean (self->settings, "snap-to-words")) ||
      (start == mg_annotation_get_start (selected) && end == mg_annotation_get_end (selected)) ||
      refuse_duplicate (self, selected, start, end))
    return;

  if (!mg_history_set_range (_mg_window_history (self), self->document, selected, start, end, &error))
    show_error_toast (self, error);
}

static void
unselect_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  select_annotation (MG_WINDOW (widget), NULL, FALSE);
}

static void
statistics_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  MgWindow *self = MG_WINDOW (widget);
  GtkWidget *stats;

  if (_mg_window_dataset (self) == NULL)
    return;

  stats = mg_stats_window_new (GTK_WINDOW (self), _mg_window_dataset (self), self->document);
  if (_mg_window_history (self) != NULL)
    mg_stats_window_follow_history (MG_STATS_WINDOW (stats), _mg_window_history (self));
  gtk_window_present (GTK_WINDOW (stats));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  MgWindow *self = MG_WINDOW (widget);

  if (_mg_window_dataset (self) != NULL)
    gtk_window_present (GTK_WINDOW (mg_export_dialog_new (self)));
}

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  MgWindow *self = MG_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
save_window_state (MgWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
mg_window_close_request (GtkWindow *window)
{
  MgWindow *self = MG_WINDOW (window);

  /* TRUE from the file side means a prompt about unsaved work is up. */
  if (_mg_window_save_close_request (self))
    return TRUE;

  save_window_state (self);

  return GTK_WINDOW_CLASS (mg_window_parent_class)->close_request (window);
}

static void
mg_window_dispose (GObject *object)
{
  MgWindow *self = MG_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  _mg_window_annotation_dispose (self);
  _mg_window_files_dispose (self);
  _mg_window_save_dispose (self);
  _mg_window_review_dispose (self);
  _mg_window_status_dispose (self);
  _mg_window_zoom_dispose (self);
  _mg_window_suggest_dispose (self);
  _mg_window_find_dispose (self);
  _mg_window_scheme_dispose (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), MG_TYPE_WINDOW);

  g_clear_weak_pointer (&self->prompt);
  g_clear_object (&self->document);
  /* Unsaved work keeps its draft as the session goes, unless given up. */
  g_clear_object (&self->session);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->annotator_name, g_free);

  G_OBJECT_CLASS (mg_window_parent_class)->dispose (object);
}

static void
mg_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  MgWindow *self = MG_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The keys of the annotation actions; each part binds its own. */
static void
bind_keys (GtkWidgetClass *widget_class)
{
  /* Keys 1-9 tag with the label that has that key in the dataset. */
  for (guint i = 1; i <= 9; i++)
    {
      char key[2] = { (char) ('0' + i), 0 };

      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + i, 0, "win.tag-key", "s", key);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0 + i, 0, "win.tag-key", "s", key);
    }
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "win.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "win.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "win.next-annotation", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "win.previous-annotation", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "win.next-not-done", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "win.previous-not-done", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK | GDK_SHIFT_MASK, "win.grow-start", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK | GDK_SHIFT_MASK, "win.shrink-start", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "win.grow-end", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.shrink-end", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "win.edit-note", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "win.edit-note", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "win.edit-note", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.attribute", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_A, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.attribute", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.unselect", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "win.close", NULL);
}

static void
folder_launched_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(MgWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    mg_window_toast (self, error->message);
}

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  g_app_info_launch_default_for_uri_async (g_variant_get_string (param, NULL), NULL, NULL,
                                           folder_launched_cb, g_object_ref (widget));
}

static void
mg_window_class_init (MgWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = mg_window_dispose;
  object_class->get_property = mg_window_get_property;

  window_class->close_request = mg_window_close_request;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         MG_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (MG_TYPE_ANNOTATION_LIST);
  g_type_ensure (MG_TYPE_ARTICLE_VIEW);
  g_type_ensure (MG_TYPE_DOCUMENT_LIST);
  g_type_ensure (MG_TYPE_LABEL_PALETTE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/marginalia/Marginalia/mg-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MgWindow, annotation_list);
  gtk_widget_class_bind_template_child (widget_class, MgWindow, article_scroller);
  gtk_widget_class_bind_template_child (widget_class, MgWindow, article_view);
  gtk_widget_class_bind_template_child (widget_class, MgWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, MgWindow, document_list);
  gtk_widget_class_bind_template_child (widget_class, MgWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, MgWindow, label_palette);
  gtk_widget_class_bind_template_child (widget_class, MgWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, MgWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MgWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MgWindow, window_title);
  gtk_widget_class_bind_template_callback (widget_class, annotation_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, article_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, document_selected_cb);

  gtk_widget_class_install_action (widget_class, "win.tag", "s", tag_action);
  gtk_widget_class_install_action (widget_class, "win.open-folder", "s", open_folder_action);
  gtk_widget_class_install_action (widget_class, "win.tag-key", "s", tag_key_action);
  gtk_widget_class_install_action (widget_class, "win.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_redo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_redo_action);
  gtk_widget_class_install_action (widget_class, "win.next-annotation", NULL, move_annotation_action);
  gtk_widget_class_install_action (widget_class, "win.previous-annotation", NULL, move_annotation_action);
  gtk_widget_class_install_action (widget_class, "win.next-document", NULL, move_document_action);
  gtk_widget_class_install_action (widget_class, "win.previous-document", NULL, move_document_action);
  gtk_widget_class_install_action (widget_class, "win.grow-start", NULL, boundary_action);
  gtk_widget_class_install_action (widget_class, "win.shrink-start", NULL, boundary_action);
  gtk_widget_class_install_action (widget_class, "win.grow-end", NULL, boundary_action);
  gtk_widget_class_install_action (widget_class, "win.shrink-end", NULL, boundary_action);
  gtk_widget_class_install_action (widget_class, "win.set-range", "(uu)", set_range_action);
  gtk_widget_class_install_action (widget_class, "win.unselect", NULL, unselect_action);
  gtk_widget_class_install_action (widget_class, "win.statistics", NULL, statistics_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);

  bind_keys (widget_class);

  _mg_window_annotation_class_init (klass);
  _mg_window_files_class_init (klass);
  _mg_window_save_class_init (klass);
  _mg_window_drafts_class_init (klass);
  _mg_window_review_class_init (klass);
  _mg_window_status_class_init (klass);
  _mg_window_zoom_class_init (klass);
  _mg_window_documents_class_init (klass);
  _mg_window_recent_class_init (klass);
  _mg_window_suggest_class_init (klass);
  _mg_window_find_class_init (klass);
  _mg_window_scheme_class_init (klass);
}

/* Runs a window action for a key pressed in the article itself, and only
 * there: in the note popover, which sits inside the article view, Return
 * must still confirm the note. */
static gboolean
article_key_cb (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  if (!gtk_widget_has_focus (widget))
    return FALSE;
  return gtk_widget_activate_action (widget, user_data, NULL);
}

/* GtkTextView binds Delete, Return and Ctrl+Page Up/Down for itself, and as
 * the focus widget it sees a key before the window's bindings do, so these
 * are caught on the way down to it. */
static void
add_article_shortcuts (MgWindow *self)
{
  static const struct {
    guint           keyval;
    GdkModifierType modifiers;
    const char     *action;
  } keys[] = {
    { GDK_KEY_Delete,    0,                "win.delete" },
    { GDK_KEY_KP_Delete, 0,                "win.delete" },
    { GDK_KEY_Return,    0,                "win.edit-note" },
    { GDK_KEY_KP_Enter,  0,                "win.edit-note" },
    { GDK_KEY_Return,    GDK_CONTROL_MASK, "win.edit-note" },
    { GDK_KEY_Page_Down, GDK_CONTROL_MASK, "win.next-not-done" },
    { GDK_KEY_Page_Up,   GDK_CONTROL_MASK, "win.previous-not-done" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (
      GTK_SHORTCUT_CONTROLLER (controller),
      gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].keyval, keys[i].modifiers),
                        gtk_callback_action_new (article_key_cb, (gpointer)keys[i].action, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->article_view), controller);
}

/* Another dataset, loaded, restored or set: a clean slate, as it may
 * bring other labels, and each part follows. */
static void
session_dataset_cb (MgWindow   *self,
                    GParamSpec *pspec,
                    MgSession  *session)
{
  MgDataset *shown = _mg_window_dataset (self);

  g_clear_object (&self->document);
  mg_document_list_set_dataset (self->document_list, shown);
  mg_label_palette_set_labels (self->label_palette, mg_dataset_get_labels (shown));
  _mg_window_files_dataset_changed (self);
  _mg_window_save_dataset_changed (self);
  _mg_window_review_dataset_changed (self);
  _mg_window_scheme_dataset_changed (self);

  mg_window_show_document (self, mg_dataset_get_n_documents (shown) > 0
                                   ? mg_dataset_get_document (shown, 0)
                                   : NULL);
}

static void
session_state_cb (MgWindow   *self,
                  GParamSpec *pspec,
                  MgSession  *session)
{
  _mg_window_update_title (self);
}

/* The name in the preferences signs the open dataset at once, not after
 * a restart; the session decides whether the dataset is the person's. */
static void
annotator_name_cb (MgWindow   *self,
                   const char *key,
                   GSettings  *settings)
{
  g_autofree char *name = g_settings_get_string (settings, "annotator-name");

  mg_session_rename_annotator (self->session, name, self->annotator_name);
  g_free (self->annotator_name);
  self->annotator_name = g_steal_pointer (&name);
}

static void
mg_window_init (MgWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->cancellable = g_cancellable_new ();
  self->session = mg_session_new (NULL);
  g_signal_connect_object (self->session, "notify::dataset",
                           G_CALLBACK (session_dataset_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::file",
                           G_CALLBACK (session_state_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::modified",
                           G_CALLBACK (session_state_cb), self, G_CONNECT_SWAPPED);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_settings_bind (self->settings, "snap-to-words", self->article_view, "snap-to-words",
                   G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "show-label-names", self->article_view, "show-label-names",
                   G_SETTINGS_BIND_GET);
  {
    g_autoptr(GAction) names = g_settings_create_action (self->settings, "show-label-names");

    g_action_map_add_action (G_ACTION_MAP (self), names);
  }
  self->annotator_name = g_settings_get_string (self->settings, "annotator-name");
  g_signal_connect_object (self->settings, "changed::annotator-name",
                           G_CALLBACK (annotator_name_cb), self, G_CONNECT_SWAPPED);

  add_article_shortcuts (self);

  _mg_window_annotation_init (self);
  _mg_window_files_init (self);
  _mg_window_save_init (self);
  _mg_window_drafts_init (self);
  _mg_window_review_init (self);
  _mg_window_status_init (self);
  _mg_window_zoom_init (self);
  _mg_window_documents_init (self);
  _mg_window_recent_init (self);
  _mg_window_suggest_init (self);
  _mg_window_find_init (self);
  _mg_window_scheme_init (self);
}

MgWindow *
mg_window_new (MgApplication *app)
{
  GtkApplicationWindow *self = g_object_new (MG_TYPE_WINDOW, "application", app, NULL);

  /* The application gave the window its shortcuts window just now. */
  mg_shortcuts_tidy_keys (GTK_WIDGET (gtk_application_window_get_help_overlay (self)));
  return MG_WINDOW (self);
}

/**
 * mg_window_set_dataset:
 * @dataset: the dataset to show
 * @file: (nullable): where it lives, or %NULL while it was never saved
 *
 * Shows @dataset with a fresh history, and its first document.
 */
void
mg_window_set_dataset (MgWindow  *self,
                       MgDataset *dataset,
                       GFile     *file)
{
  g_return_if_fail (MG_IS_WINDOW (self));
  g_return_if_fail (MG_IS_DATASET (dataset));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  mg_session_set_dataset (self->session, dataset, file);
}

/**
 * mg_window_get_session:
 *
 * Returns: (transfer none): the open dataset, its file and its drafts
 */
MgSession *
mg_window_get_session (MgWindow *self)
{
  g_return_val_if_fail (MG_IS_WINDOW (self), NULL);

  return self->session;
}

MgDataset *
mg_window_get_dataset (MgWindow *self)
{
  g_return_val_if_fail (MG_IS_WINDOW (self), NULL);

  return _mg_window_dataset (self);
}

MgHistory *
mg_window_get_history (MgWindow *self)
{
  g_return_val_if_fail (MG_IS_WINDOW (self), NULL);

  return _mg_window_history (self);
}

GFile *
mg_window_get_file (MgWindow *self)
{
  g_return_val_if_fail (MG_IS_WINDOW (self), NULL);

  return mg_session_get_file (self->session);
}

MgDocument *
mg_window_get_document (MgWindow *self)
{
  g_return_val_if_fail (MG_IS_WINDOW (self), NULL);

  return self->document;
}

/**
 * mg_window_show_document:
 * @document: (nullable): a document of the dataset, or %NULL for none
 *
 * Shows @document with the keyboard focus in the article and the caret at
 * its start, ready for Shift+arrows.
 */
void
mg_window_show_document (MgWindow   *self,
                         MgDocument *document)
{
  g_return_if_fail (MG_IS_WINDOW (self));
  g_return_if_fail (document == NULL || MG_IS_DOCUMENT (document));

  if (g_set_object (&self->document, document) || document == NULL)
    {
      MgLabelSet *labels = _mg_window_dataset (self) ? mg_dataset_get_labels (_mg_window_dataset (self)) : NULL;

      mg_article_view_set_document (self->article_view, document, labels);
      mg_annotation_list_set_document (self->annotation_list, document, labels);
    }
  mg_document_list_select (self->document_list, document);
  _mg_window_review_document_changed (self);
  _mg_window_status_document_changed (self);
  _mg_window_find_document_changed (self);
  _mg_window_scheme_document_changed (self);

  gtk_stack_set_visible_child_name (self->content_stack, document ? "document" : "empty");
  if (document != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->article_view));

  _mg_window_update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * mg_window_toast:
 * @message: a short sentence, already translated
 */
void
mg_window_toast (MgWindow   *self,
                 const char *message)
{
  g_return_if_fail (MG_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/**
 * mg_window_toast_folder:
 * @message: a short sentence, already translated
 * @folder: the folder an Open Folder button on the toast shows
 *
 * A toast for work written to disk, with a button that opens @folder in
 * the file manager, so the person can pick up what was written.
 */
void
mg_window_toast_folder (MgWindow   *self,
                        const char *message,
                        GFile      *folder)
{
  g_autofree char *uri = NULL;
  AdwToast *toast;

  g_return_if_fail (MG_IS_WINDOW (self));
  g_return_if_fail (message != NULL);
  g_return_if_fail (G_IS_FILE (folder));

  uri = g_file_get_uri (folder);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("Open Folder"));
  adw_toast_set_action_name (toast, "win.open-folder");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
