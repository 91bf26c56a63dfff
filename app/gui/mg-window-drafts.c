/* mg-window-drafts.c: offering drafts back after a crash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's session keeps a draft of unsaved work a few seconds after
 * each change; a draft a crash left behind is offered back when the next
 * run starts. This part asks the person, and says when a draft could not
 * be kept.
 */

#define G_LOG_DOMAIN "mg-window-drafts"

#include "config.h"

#include <glib/gi18n.h>

#include "mg-dialogs.h"
#include "mg-window-private.h"

/* Drafts the person put off or that failed to load: not asked again. */
static GHashTable *skipped_keys;
static gboolean    checked_drafts_at_start;

static gboolean offer_next_draft (MgWindow *self);

static void
skip (MgDraft *draft)
{
  if (skipped_keys == NULL)
    skipped_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_add (skipped_keys, g_strdup (mg_draft_get_key (draft)));
}

/* Recovering drafts after a crash */

static gboolean
offer_next_draft_idle (gpointer user_data)
{
  MgWindow *self = user_data;

  if (self->save != NULL)
    offer_next_draft (self);
  return G_SOURCE_REMOVE;
}

typedef struct
{
  MgWindow *self;     /* that asked */
  MgWindow *target;   /* that shows the work, maybe a new window */
  MgDraft  *draft;
} Recovery;

static void
recovery_free (Recovery *recovery)
{
  g_object_unref (recovery->self);
  g_object_unref (recovery->target);
  g_object_unref (recovery->draft);
  g_free (recovery);
}

static void
recovered_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Recovery *recovery = user_data;
  g_autoptr(GError) error = NULL;

  if (!mg_session_restore_draft_finish (MG_SESSION (object), result, &error))
    {
      /* The draft stays on disk for a person to look at; no more asking. */
      skip (recovery->draft);
      if (recovery->target != recovery->self)
        gtk_window_destroy (GTK_WINDOW (recovery->target));
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        mg_dialogs_show_error (GTK_WINDOW (recovery->self), _("Could Not Recover the Draft"),
                               error->message);
    }
  else
    {
      gtk_window_present (GTK_WINDOW (recovery->target));
      mg_window_toast (recovery->target, _("Unsaved work recovered"));
    }
  recovery_free (recovery);
}

static void
recover (MgWindow *self,
         MgDraft  *draft)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  Recovery *recovery = g_new0 (Recovery, 1);

  recovery->self = g_object_ref (self);
  recovery->draft = g_object_ref (draft);
  /* Never replace work that is itself unsaved. */
  if (mg_session_get_modified (self->session) && app != NULL)
    recovery->target = g_object_ref (mg_window_new (MG_APPLICATION (app)));
  else
    recovery->target = g_object_ref (self);
  mg_session_restore_draft_async (recovery->target->session, draft, recovery->target->cancellable,
                                  recovered_cb, recovery);
}

static void
recovery_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      MgWindow         *self)
{
  MgDraft *draft = g_object_get_data (G_OBJECT (dialog), "mg-draft");
  g_autoptr(GError) error = NULL;

  if (self->save == NULL)
    return;
  if (g_str_equal (response, "recover"))
    recover (self, draft);
  else if (g_str_equal (response, "discard"))
    {
      if (!mg_drafts_discard (mg_session_get_drafts (self->session), mg_draft_get_key (draft), &error))
        g_warning ("%s", error->message);
    }
  else
    skip (draft);

  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, offer_next_draft_idle,
                   g_object_ref (self), g_object_unref);
}

static char *
describe_for_person (MgDraft *draft)
{
  const char *original = mg_draft_get_original_path (draft);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *when = NULL;
  g_autofree char *what = NULL;
  g_autofree char *name = NULL;

  if (mg_draft_get_saved (draft) != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      local = g_date_time_to_local (mg_draft_get_saved (draft));
      /* A time alone reads best for today's crash, the usual case. */
      if (g_date_time_get_year (local) == g_date_time_get_year (now) &&
          g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
        when = g_date_time_format (local, "%H:%M");
      else
        when = g_date_time_format (local, "%x %H:%M");
    }
  else
    when = g_strdup (_("an unknown time"));
  what = g_strdup_printf (ngettext ("%u annotation", "%u annotations",
                                    mg_draft_get_n_annotations (draft)),
                          mg_draft_get_n_annotations (draft));

  if (original == NULL)
    /* Translators: %s is a date and time, the second %s "12 annotations" */
    return g_strdup_printf (_("Marginalia stopped before a new dataset was saved. A draft from %s with %s was kept."),
                            when, what);
  name = g_filename_display_basename (original);
  /* Translators: %s are a file name, a date and time, and "12 annotations" */
  return g_strdup_printf (_("Marginalia stopped before the changes to “%s” were saved. A draft from %s with %s was kept."),
                          name, when, what);
}

static gboolean
offer_next_draft (MgWindow *self)
{
  const MgDialogResponse responses[] = {
    { "discard", _("_Discard"), ADW_RESPONSE_DESTRUCTIVE },
    { "recover", _("_Recover"), ADW_RESPONSE_SUGGESTED },
  };
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  MgDraft *offer = NULL;
  GtkWidget *dialog;

  if (self->prompt != NULL)
    return FALSE;
  if (!(drafts = mg_session_list_drafts (self->session, &error)))
    {
      g_warning ("Cannot look for drafts: %s", error->message);
      return FALSE;
    }
  for (guint i = 0; i < drafts->len && offer == NULL; i++)
    {
      MgDraft *draft = g_ptr_array_index (drafts, i);

      if (skipped_keys == NULL || !g_hash_table_contains (skipped_keys, mg_draft_get_key (draft)))
        offer = draft;
    }
  if (offer == NULL)
    return FALSE;

  body = describe_for_person (offer);
  /* Escape ("later") keeps the draft for later: closing must never destroy
   * work. */
  dialog = _mg_window_prompt (self, &(MgPrompt) {
      _("Recover Unsaved Work?"), body,
      responses, G_N_ELEMENTS (responses), "recover", "later",
    });
  g_object_set_data_full (G_OBJECT (dialog), "mg-draft", g_object_ref (offer), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (recovery_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
recover_drafts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  offer_next_draft (MG_WINDOW (widget));
}

/* A toast has room for one short line, and an error names the draft's path
 * before its reason, so the toast gives the reason (the part after the last
 * ": ") and its Details button the whole message. */
static void
autosave_failed_cb (MgWindow     *self,
                    const GError *error,
                    MgSession    *session)
{
  const char *reason = g_strrstr (error->message, ": ");
  g_autofree char *title = g_strdup_printf (_("No draft kept: %s"),
                                            reason != NULL ? reason + 2 : error->message);
  g_autofree char *details = g_strdup_printf (_("Could not keep a draft of your work: %s"),
                                              error->message);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_action_name (toast, "win.draft-problem");
  adw_toast_set_action_target_value (toast, g_variant_new_string (details));
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
draft_problem_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  mg_dialogs_show_list (GTK_WINDOW (widget), _("Draft Not Kept"), g_variant_get_string (param, NULL));
}

/* The settings count whole seconds; the session, milliseconds. */
static gboolean
seconds_to_msec (GValue   *value,
                 GVariant *variant,
                 gpointer  user_data)
{
  g_value_set_uint (value, CLAMP (g_variant_get_uint32 (variant), 1, 5) * 1000);
  return TRUE;
}

/* Life cycle, called by mg-window.c */

void
_mg_window_drafts_class_init (MgWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.recover-drafts", NULL, recover_drafts_action);
  gtk_widget_class_install_action (widget_class, "win.draft-problem", "s", draft_problem_action);
}

void
_mg_window_drafts_init (MgWindow *self)
{
  g_settings_bind_with_mapping (self->settings, "autosave-delay", self->session, "autosave-delay",
                                G_SETTINGS_BIND_GET, seconds_to_msec, NULL, NULL, NULL);
  g_signal_connect_object (self->session, "autosave-failed",
                           G_CALLBACK (autosave_failed_cb), self, G_CONNECT_SWAPPED);

  /* The first window of a run looks for work a crash left behind, once the
   * application has given it its dataset. */
  if (!checked_drafts_at_start)
    {
      checked_drafts_at_start = TRUE;
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, offer_next_draft_idle,
                       g_object_ref (self), g_object_unref);
    }
}
