/* mg-metadata-panel.c: what is known of the document shown
 *
 * The title is the one field a person edits here: Enter hands it to
 * win.set-title, which makes it one step of the history, so Ctrl+Z takes a
 * retitling back like any edit. The rest (byline, date, address, section,
 * dateline, site, file) is what the import read, shown to be checked and
 * copied; a field the article lacks is left out rather than shown empty.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-metadata-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "mg-metadata-panel.h"

/* The metadata shown, in order: the first key of each row that the
 * document has wins, as importers name the same thing differently. */
static const struct {
  const char *field;
  const char *label;
  const char *keys[4];
} fields[] = {
  { "author",    N_("Byline"),    { "author", "byline", "by", NULL } },
  { "published", N_("Published"), { "published", "date", "updated", NULL } },
  { "url",       N_("Address"),   { "url", NULL } },
  { "section",   N_("Section"),   { "section", NULL } },
  { "dateline",  N_("Dateline"),  { "dateline", NULL } },
  { "site",      N_("Site"),      { "site_name", "source", NULL } },
};

struct _MgMetadataPanel
{
  GtkWidget   parent_instance;

  GtkWidget  *box;
  GtkEntry   *title;
  GtkWidget  *names[G_N_ELEMENTS (fields) + 1];
  GtkWidget  *values[G_N_ELEMENTS (fields) + 1];   /* the last is the file */
  MgDocument *document;
};

G_DEFINE_FINAL_TYPE (MgMetadataPanel, mg_metadata_panel, GTK_TYPE_WIDGET)

static void
show_title (MgMetadataPanel *self)
{
  const char *title = self->document ? mg_document_get_title (self->document) : NULL;

  gtk_editable_set_text (GTK_EDITABLE (self->title), title ? title : "");
}

static void
set_row (MgMetadataPanel *self,
         guint            row,
         const char      *value)
{
  gboolean shown = value != NULL && *value != '\0';

  gtk_label_set_text (GTK_LABEL (self->values[row]), shown ? value : "");
  gtk_widget_set_visible (self->names[row], shown);
  gtk_widget_set_visible (self->values[row], shown);
}

static void
show_fields (MgMetadataPanel *self)
{
  MgDocument *document = self->document;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *value = NULL;

      for (guint k = 0; document != NULL && value == NULL && fields[i].keys[k] != NULL; k++)
        value = mg_document_get_meta_string (document, fields[i].keys[k]);
      set_row (self, i, value);
    }

  if (document != NULL && mg_document_get_source_path (document) != NULL)
    {
      const char *type = mg_document_get_media_type (document);
      g_autofree char *source = type && *type
                                  ? g_strdup_printf ("%s (%s)", mg_document_get_source_path (document), type)
                                  : g_strdup (mg_document_get_source_path (document));

      set_row (self, G_N_ELEMENTS (fields), source);
    }
  else
    set_row (self, G_N_ELEMENTS (fields), NULL);
}

static void
title_notify_cb (MgMetadataPanel *self,
                 GParamSpec      *pspec,
                 MgDocument      *document)
{
  show_title (self);
}

static void
title_activate_cb (MgMetadataPanel *self,
                   GtkEntry        *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *title = g_strstrip (g_strdup (text));

  if (self->document == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.set-title", "s", title);
  /* Done: the popover that holds the panel closes, as after a menu item. */
  {
    GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_POPOVER);

    if (popover != NULL)
      gtk_popover_popdown (GTK_POPOVER (popover));
  }
}

static void
mg_metadata_panel_dispose (GObject *object)
{
  MgMetadataPanel *self = MG_METADATA_PANEL (object);

  mg_metadata_panel_set_document (self, NULL);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  /* They went with the box; a pending selection must not reach them. */
  self->title = NULL;

  G_OBJECT_CLASS (mg_metadata_panel_parent_class)->dispose (object);
}

static void
mg_metadata_panel_class_init (MgMetadataPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mg_metadata_panel_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "metadatapanel");
}

static GtkWidget *
field_name (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
mg_metadata_panel_init (MgMetadataPanel *self)
{
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *title_name = field_name (_("_Title"));
  guint row = 1;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_widget_set_margin_start (self->box, 6);
  gtk_widget_set_margin_end (self->box, 6);
  gtk_widget_set_margin_top (self->box, 6);
  gtk_widget_set_margin_bottom (self->box, 6);

  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_box_append (GTK_BOX (self->box), grid);

  self->title = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->title), TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->title), 32);
  gtk_entry_set_placeholder_text (self->title, _("Untitled"));
  gtk_label_set_use_underline (GTK_LABEL (title_name), TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title_name), GTK_WIDGET (self->title));
  gtk_label_set_yalign (GTK_LABEL (title_name), 0.5);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title), _("Enter renames the document; Ctrl+Z takes it back"));
  g_signal_connect_object (self->title, "activate", G_CALLBACK (title_activate_cb), self, G_CONNECT_SWAPPED);
  gtk_grid_attach (GTK_GRID (grid), title_name, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->title), 1, 0, 1, 1);

  for (guint i = 0; i <= G_N_ELEMENTS (fields); i++, row++)
    {
      GtkWidget *value = gtk_label_new (NULL);

      self->names[i] = field_name (i < G_N_ELEMENTS (fields) ? _(fields[i].label) : _("File"));
      gtk_label_set_xalign (GTK_LABEL (value), 0);
      gtk_label_set_selectable (GTK_LABEL (value), TRUE);
      gtk_label_set_wrap (GTK_LABEL (value), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (value), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (value), 40);
      /* A selectable label takes the focus first; the title should. */
      gtk_widget_set_focusable (value, FALSE);
      self->values[i] = value;
      gtk_grid_attach (GTK_GRID (grid), self->names[i], 0, row, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), value, 1, row, 1, 1);
    }

  show_fields (self);
}

GtkWidget *
mg_metadata_panel_new (void)
{
  return g_object_new (MG_TYPE_METADATA_PANEL, NULL);
}

/**
 * mg_metadata_panel_set_document:
 * @document: (nullable): the document whose metadata to show
 */
void
mg_metadata_panel_set_document (MgMetadataPanel *self,
                                MgDocument      *document)
{
  g_return_if_fail (MG_IS_METADATA_PANEL (self));
  g_return_if_fail (document == NULL || MG_IS_DOCUMENT (document));

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, title_notify_cb, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect_object (document, "notify::title", G_CALLBACK (title_notify_cb),
                             self, G_CONNECT_SWAPPED);
  gtk_widget_set_sensitive (GTK_WIDGET (self->title), document != NULL);
  show_title (self);
  show_fields (self);
}

static gboolean
select_title_cb (gpointer data)
{
  MgMetadataPanel *self = data;
  GtkRoot *root = self->title ? gtk_widget_get_root (GTK_WIDGET (self->title)) : NULL;
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  /* The entry's text is a child of it, and has the focus in its place. */
  if (focus != NULL &&
      (focus == GTK_WIDGET (self->title) || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->title))))
    gtk_editable_select_region (GTK_EDITABLE (self->title), 0, -1);
  return G_SOURCE_REMOVE;
}

/**
 * mg_metadata_panel_focus_title:
 *
 * Puts the keyboard in the title, all of it selected, to type a new one.
 */
void
mg_metadata_panel_focus_title (MgMetadataPanel *self)
{
  g_return_if_fail (MG_IS_METADATA_PANEL (self));

  show_title (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title));
  /* A popover just shown focuses the entry again as it maps, which puts
   * the caret at the start: select once that is done. */
  g_idle_add_full (G_PRIORITY_LOW, select_title_cb, g_object_ref (self), g_object_unref);
}

/**
 * mg_metadata_panel_get_value:
 * @field: "title", "author", "published", "url", "section", "dateline",
 *   "site" or "file"
 *
 * Returns: (nullable): what the panel shows for @field, %NULL when the row
 *   is hidden; for tests
 */
const char *
mg_metadata_panel_get_value (MgMetadataPanel *self,
                             const char      *field)
{
  g_return_val_if_fail (MG_IS_METADATA_PANEL (self), NULL);

  if (g_str_equal (field, "title"))
    return gtk_editable_get_text (GTK_EDITABLE (self->title));
  for (guint i = 0; i <= G_N_ELEMENTS (fields); i++)
    if (g_str_equal (field, i < G_N_ELEMENTS (fields) ? fields[i].field : "file"))
      return gtk_widget_get_visible (self->values[i])
               ? gtk_label_get_text (GTK_LABEL (self->values[i])) : NULL;
  return NULL;
}
