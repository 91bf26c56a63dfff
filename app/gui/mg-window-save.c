/* mg-window-save.c: saving, a file changed on disk, and asking before work
 * is lost
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The session saves and notices changes on disk; this part asks the person
 * what to do about them. A save over a file someone else changed asks
 * first; a change on disk is offered for reloading; closing or replacing
 * unsaved work asks first.
 */

#define G_LOG_DOMAIN "mg-window-save"

#include "config.h"

#include <glib/gi18n.h>

#include "mg-window-private.h"

struct _MgWindowSave
{
  MgWindowSavedFunc then_after_open;  /* of a save asked while opening */
  guint close_confirmed : 1;   /* the person answered about unsaved work */
  guint save_after_open : 1;   /* a save waits for the dataset being opened */
  guint choose_after_open : 1;
};

static void save (MgWindow          *self,
                  gboolean           choose,
                  MgWindowSavedFunc  then);

static char *
work_name (MgWindow *self)
{
  GFile *file = mg_window_get_file (self);

  return file ? mg_dialogs_display_name (file) : g_strdup (_("New Dataset"));
}

/* Asking about unsaved work */

typedef struct
{
  MgWindow             *self;
  MgWindowContinuation  func;
  gpointer              data;
  GDestroyNotify        destroy;
  char                 *response;
} Pending;

static Pending *
pending_new (MgWindow             *self,
             MgWindowContinuation  func,
             gpointer              data,
             GDestroyNotify        destroy)
{
  Pending *pending = g_new0 (Pending, 1);

  pending->self = g_object_ref (self);
  pending->func = func;
  pending->data = data;
  pending->destroy = destroy;
  return pending;
}

static void
pending_free (Pending *pending)
{
  if (pending->destroy != NULL)
    pending->destroy (pending->data);
  g_object_unref (pending->self);
  g_free (pending->response);
  g_free (pending);
}

static void
continue_after_save (MgWindow *self,
                     gboolean  saved)
{
  Pending *pending = g_object_steal_data (G_OBJECT (self), "mg-pending-after-save");

  if (pending == NULL)
    return;
  if (saved)
    pending->func (self, pending->data);
  pending_free (pending);
}

/* Runs once the prompt is gone: closing the window from inside the
 * dialog's own response would leave the dialog with a dead parent. */
static gboolean
unsaved_answered_cb (gpointer user_data)
{
  Pending *pending = user_data;
  MgWindow *self = pending->self;
  g_autofree char *response = g_steal_pointer (&pending->response);

  if (self->save == NULL)
    ;
  else if (g_str_equal (response, "discard"))
    {
      mg_session_discard_draft (self->session);
      pending->func (self, pending->data);
    }
  else if (g_str_equal (response, "save"))
    {
      /* Saving may need a file chooser or an overwrite prompt first; the
       * continuation runs only once the work is really on disk. */
      g_object_set_data_full (G_OBJECT (self), "mg-pending-after-save",
                              g_steal_pointer (&pending), (GDestroyNotify)pending_free);
      save (self, FALSE, continue_after_save);
    }

  g_clear_pointer (&pending, pending_free);
  return G_SOURCE_REMOVE;
}

static void
unsaved_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     Pending          *pending)
{
  pending->response = g_strdup (response);
  g_idle_add (unsaved_answered_cb, pending);
}

/* Runs @func at once when nothing is unsaved, otherwise after the person
 * chose Save (and the save worked) or Discard; Cancel drops it. */
void
_mg_window_confirm_unsaved (MgWindow             *self,
                            MgWindowContinuation  func,
                            gpointer              data,
                            GDestroyNotify        destroy)
{
  const MgDialogResponse responses[] = {
    { "cancel", _("_Cancel"), ADW_RESPONSE_DEFAULT },
    { "discard", _("_Discard"), ADW_RESPONSE_DESTRUCTIVE },
    { "save", _("_Save"), ADW_RESPONSE_SUGGESTED },
  };
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (!mg_session_get_modified (self->session))
    {
      func (self, data);
      if (destroy != NULL)
        destroy (data);
      return;
    }

  name = work_name (self);
  body = g_strdup_printf (_("“%s” has changes that were not saved. Discarded changes cannot be recovered."), name);
  dialog = _mg_window_prompt (self, &(MgPrompt) {
      _("Save Changes?"), body,
      responses, G_N_ELEMENTS (responses), "save", "cancel",
    });
  g_signal_connect (dialog, "response", G_CALLBACK (unsaved_response_cb),
                    pending_new (self, func, data, destroy));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Saving */

typedef struct
{
  MgWindow          *self;
  GFile             *target;
  MgWindowSavedFunc  then;
} SaveRequest;

static void
save_request_finish (SaveRequest *request,
                     gboolean     saved)
{
  if (request->then != NULL && request->self->save != NULL)
    request->then (request->self, saved);
  g_object_unref (request->self);
  g_object_unref (request->target);
  g_free (request);
}

static void save_to (MgWindow           *self,
                     GFile              *target,
                     MgSessionSaveFlags  flags,
                     MgWindowSavedFunc   then);

static void
save_failed_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         SaveRequest      *request)
{
  if (g_str_equal (response, "save-as"))
    save (request->self, TRUE, request->then);
  else if (g_str_equal (response, "overwrite"))
    save_to (request->self, request->target, MG_SESSION_SAVE_OVERWRITE, request->then);
  else
    {
      save_request_finish (request, FALSE);
      return;
    }
  request->then = NULL;
  save_request_finish (request, FALSE);
}

/* Someone else changed the file: replace their version only if told. */
static void
ask_overwrite (SaveRequest *request)
{
  const MgDialogResponse responses[] = {
    { "cancel", _("_Cancel"), ADW_RESPONSE_DEFAULT },
    { "overwrite", _("_Overwrite"), ADW_RESPONSE_DESTRUCTIVE },
  };
  g_autofree char *name = mg_dialogs_display_name (request->target);
  g_autofree char *body = g_strdup_printf (_("“%s” was changed by another program since it was opened here. Saving replaces those changes with yours."), name);
  GtkWidget *dialog = _mg_window_prompt (request->self, &(MgPrompt) {
      _("Overwrite Changes on Disk?"), body,
      responses, G_N_ELEMENTS (responses), "cancel", "cancel",
    });

  g_signal_connect (dialog, "response", G_CALLBACK (save_failed_response_cb), request);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_save_failed (SaveRequest  *request,
                  const GError *error)
{
  const MgDialogResponse responses[] = {
    { "close", _("_Close"), ADW_RESPONSE_DEFAULT },
    { "save-as", _("Save _As…"), ADW_RESPONSE_SUGGESTED },
  };
  g_autofree char *name = mg_dialogs_display_name (request->target);
  g_autofree char *heading = g_strdup_printf (_("Could Not Save “%s”"), name);
  g_autofree char *body = g_strdup_printf (_("%s\n\nThe file on disk was left as it was and your work is still open. Try saving it somewhere else."),
                                           error->message);
  GtkWidget *dialog = _mg_window_prompt (request->self, &(MgPrompt) {
      heading, body,
      responses, G_N_ELEMENTS (responses), NULL, "close",
    });

  g_signal_connect (dialog, "response", G_CALLBACK (save_failed_response_cb), request);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  SaveRequest *request = user_data;
  g_autoptr(GError) error = NULL;

  if (mg_session_save_finish (MG_SESSION (object), result, &error))
    save_request_finish (request, TRUE);
  else if (request->self->save == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    save_request_finish (request, FALSE);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
    ask_overwrite (request);
  else
    show_save_failed (request, error);
}

static void
save_to (MgWindow           *self,
         GFile              *target,
         MgSessionSaveFlags  flags,
         MgWindowSavedFunc   then)
{
  SaveRequest *request = g_new0 (SaveRequest, 1);

  request->self = g_object_ref (self);
  request->target = g_object_ref (target);
  request->then = then;
  /* A save once begun finishes even if the window goes: it is the work. */
  mg_session_save_async (self->session, target, flags, NULL, saved_cb, request);
}

static void
save_as_chosen (GtkWindow *window,
                GPtrArray *chosen)
{
  MgWindow *self = MG_WINDOW (window);
  MgWindowSavedFunc then = g_object_steal_data (G_OBJECT (self), "mg-save-as-then");

  /* The chooser itself asked before replacing an existing file. */
  if (chosen != NULL && self->save != NULL)
    save_to (self, g_ptr_array_index (chosen, 0), MG_SESSION_SAVE_NONE, then);
  else if (then != NULL && self->save != NULL)
    then (self, FALSE);
}

static void
save (MgWindow          *self,
      gboolean           choose,
      MgWindowSavedFunc  then)
{
  GFile *file = mg_window_get_file (self);

  if (mg_window_get_dataset (self) == NULL)
    return;
  /* The person means the work being opened (a file, a recovered draft),
   * which may have a file of its own: ask once it is there. */
  if (mg_session_get_opening (self->session))
    {
      /* Asked twice meanwhile: one save, choosing if either asked to. */
      if (!self->save->save_after_open)
        self->save->choose_after_open = FALSE;
      self->save->choose_after_open |= choose;
      if (then != NULL)
        self->save->then_after_open = then;
      self->save->save_after_open = TRUE;
      return;
    }

  if (choose || file == NULL)
    {
      g_autoptr(GListModel) filters = mg_dialogs_filters (FALSE, TRUE);
      g_autofree char *name = file ? g_file_get_basename (file) : g_strdup (_("dataset.json"));
      MgChooser chooser = { MG_CHOOSE_SAVE, _("Save Dataset"), .filters = filters, .name = name };

      g_object_set_data (G_OBJECT (self), "mg-save-as-then", then);
      mg_dialogs_choose (GTK_WINDOW (self), &chooser, save_as_chosen);
      return;
    }
  save_to (self, file, MG_SESSION_SAVE_NONE, then);
}

/* win.save and win.save-as: only Save As asks where when there is a file. */
static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  save (MG_WINDOW (widget), g_str_equal (action_name, "win.save-as"), NULL);
}

/* Saves to a path or URI without a chooser, for scripts and tests. */
static void
save_to_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (g_variant_get_string (param, NULL));

  save_to (MG_WINDOW (widget), file, MG_SESSION_SAVE_NONE, NULL);
}

/* A change on disk by someone else */

static void
disk_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  MgWindow         *self)
{
  GFile *file = mg_window_get_file (self);

  if (self->save == NULL || file == NULL)
    return;
  if (g_str_equal (response, "reload"))
    _mg_window_load (self, file, TRUE);
  else
    mg_session_keep_mine (self->session);  /* a save still asks */
}

static void
changed_on_disk_cb (MgWindow  *self,
                    MgSession *session)
{
  gboolean modified = mg_session_get_modified (session);
  /* Reloading over unsaved work destroys it. */
  const MgDialogResponse responses[] = {
    { "keep", _("_Keep Mine"), ADW_RESPONSE_DEFAULT },
    { "reload", _("_Reload"), modified ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED },
  };
  g_autofree char *name = work_name (self);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Another question is up; the next change asks again. */
  if (self->prompt != NULL)
    return;

  body = modified
    ? g_strdup_printf (_("“%s” was changed by another program. Reload it and lose your unsaved changes, or keep your version?"), name)
    : g_strdup_printf (_("“%s” was changed by another program. Reload it to see the changes?"), name);
  dialog = _mg_window_prompt (self, &(MgPrompt) {
      _("The Dataset Changed on Disk"), body,
      responses, G_N_ELEMENTS (responses), modified ? "keep" : "reload", "keep",
    });
  g_signal_connect_object (dialog, "response", G_CALLBACK (disk_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Closing */

static void
close_now (MgWindow *self,
           gpointer  data)
{
  self->save->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

gboolean
_mg_window_save_close_request (MgWindow *self)
{
  if (self->save == NULL || self->save->close_confirmed ||
      !mg_session_get_modified (self->session))
    return FALSE;

  if (self->prompt != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->prompt));
      return TRUE;
    }
  _mg_window_confirm_unsaved (self, close_now, NULL, NULL);
  return TRUE;
}

/* Life cycle, called by mg-window.c */

void
_mg_window_save_dataset_changed (MgWindow *self)
{
  self->save->close_confirmed = FALSE;
}

void
_mg_window_save_class_init (MgWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-to", "s", save_to_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
}

static void
opening_cb (MgWindow   *self,
            GParamSpec *pspec,
            MgSession  *session)
{
  MgWindowSave *part = self->save;

  if (part == NULL || mg_session_get_opening (session) || !part->save_after_open)
    return;
  part->save_after_open = FALSE;
  save (self, part->choose_after_open, g_steal_pointer (&part->then_after_open));
}

void
_mg_window_save_init (MgWindow *self)
{
  self->save = g_new0 (MgWindowSave, 1);
  g_signal_connect_object (self->session, "notify::opening",
                           G_CALLBACK (opening_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "changed-on-disk",
                           G_CALLBACK (changed_on_disk_cb), self, G_CONNECT_SWAPPED);
}

void
_mg_window_save_dispose (MgWindow *self)
{
  g_clear_pointer (&self->save, g_free);
}
