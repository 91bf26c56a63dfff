/* mg-status-filter.c
 *
 * The words and icons of the four statuses, and the filter of the sidebar.
 * The filter always lets the document shown through, whatever its status:
 * marking it done while only documents to do are listed must not make it
 * vanish from under the person, who would then not see where they are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-status-filter"

#include "config.h"

#include <glib/gi18n.h>

#include "mg-status-filter.h"

struct _MgStatusFilter
{
  GtkFilter   parent_instance;

  char       *shown;     /* "all", "not-done" or a status name */
  MgDocument *current;   /* always shown; weak */
};

G_DEFINE_FINAL_TYPE (MgStatusFilter, mg_status_filter, GTK_TYPE_FILTER)

/**
 * mg_document_status_get_label:
 *
 * Returns: the name of @status for people, translated
 */
const char *
mg_document_status_get_label (MgDocumentStatus status)
{
  switch (status)
    {
    case MG_DOCUMENT_STATUS_TO_DO:
      return _("To Do");
    case MG_DOCUMENT_STATUS_IN_PROGRESS:
      return _("In Progress");
    case MG_DOCUMENT_STATUS_DONE:
      return _("Done");
    case MG_DOCUMENT_STATUS_SKIPPED:
      return _("Skipped");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * mg_document_status_get_icon_name:
 *
 * Returns: (nullable): the symbolic icon of @status; none for to do, the
 *   state of most documents, so that the others stand out
 */
const char *
mg_document_status_get_icon_name (MgDocumentStatus status)
{
  switch (status)
    {
    case MG_DOCUMENT_STATUS_TO_DO:
      return NULL;
    case MG_DOCUMENT_STATUS_IN_PROGRESS:
      return "document-edit-symbolic";
    case MG_DOCUMENT_STATUS_DONE:
      return "object-select-symbolic";
    case MG_DOCUMENT_STATUS_SKIPPED:
      return "media-skip-forward-symbolic";
    default:
      g_return_val_if_reached (NULL);
    }
}

static gboolean
mg_status_filter_match (GtkFilter *filter,
                        gpointer   item)
{
  MgStatusFilter *self = MG_STATUS_FILTER (filter);
  MgDocumentStatus status, wanted;

  if (item == self->current || g_str_equal (self->shown, MG_STATUS_FILTER_ALL))
    return TRUE;
  status = mg_document_status_get (MG_DOCUMENT (item));
  if (g_str_equal (self->shown, MG_STATUS_FILTER_NOT_DONE))
    return !mg_document_status_is_finished (status);
  return mg_document_status_parse (self->shown, &wanted) && status == wanted;
}

static GtkFilterMatch
mg_status_filter_get_strictness (GtkFilter *filter)
{
  MgStatusFilter *self = MG_STATUS_FILTER (filter);

  /* Lets the list skip the filter altogether when it shows everything. */
  return g_str_equal (self->shown, MG_STATUS_FILTER_ALL) ? GTK_FILTER_MATCH_ALL
                                                          : GTK_FILTER_MATCH_SOME;
}

static void
mg_status_filter_finalize (GObject *object)
{
  MgStatusFilter *self = MG_STATUS_FILTER (object);

  g_clear_weak_pointer (&self->current);
  g_free (self->shown);

  G_OBJECT_CLASS (mg_status_filter_parent_class)->finalize (object);
}

static void
mg_status_filter_class_init (MgStatusFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  object_class->finalize = mg_status_filter_finalize;
  filter_class->match = mg_status_filter_match;
  filter_class->get_strictness = mg_status_filter_get_strictness;
}

static void
mg_status_filter_init (MgStatusFilter *self)
{
  self->shown = g_strdup (MG_STATUS_FILTER_ALL);
}

MgStatusFilter *
mg_status_filter_new (void)
{
  return g_object_new (MG_TYPE_STATUS_FILTER, NULL);
}

/**
 * mg_status_filter_get_shown:
 *
 * Returns: what the filter lets through: "all", "not-done" or the name of
 *   a status
 */
const char *
mg_status_filter_get_shown (MgStatusFilter *self)
{
  g_return_val_if_fail (MG_IS_STATUS_FILTER (self), NULL);
  return self->shown;
}

/**
 * mg_status_filter_set_shown:
 * @shown: "all", "not-done" or the name of a status
 *
 * Returns: %FALSE, changing nothing, when @shown is none of these
 */
gboolean
mg_status_filter_set_shown (MgStatusFilter *self,
                            const char     *shown)
{
  g_return_val_if_fail (MG_IS_STATUS_FILTER (self), FALSE);

  if (shown == NULL ||
      !(g_str_equal (shown, MG_STATUS_FILTER_ALL) || g_str_equal (shown, MG_STATUS_FILTER_NOT_DONE) ||
        mg_document_status_parse (shown, NULL)))
    return FALSE;
  if (g_str_equal (shown, self->shown))
    return TRUE;

  g_free (self->shown);
  self->shown = g_strdup (shown);
  gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
  return TRUE;
}

/**
 * mg_status_filter_set_current:
 * @document: (nullable): the document shown, which the filter lets through
 */
void
mg_status_filter_set_current (MgStatusFilter *self,
                              MgDocument     *document)
{
  g_return_if_fail (MG_IS_STATUS_FILTER (self));

  if (self->current == document)
    return;
  g_set_weak_pointer (&self->current, document);
  mg_status_filter_refilter (self);
}

/**
 * mg_status_filter_refilter:
 *
 * Tells the list to match its documents again, as statuses changed.
 */
void
mg_status_filter_refilter (MgStatusFilter *self)
{
  g_return_if_fail (MG_IS_STATUS_FILTER (self));

  if (!g_str_equal (self->shown, MG_STATUS_FILTER_ALL))
    gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
}
