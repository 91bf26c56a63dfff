/* mg-test-gui.c: what the GUI tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "mg-test-gui.h"

static gboolean have_display;

/* GTK 4.8 now and then warns, while a window's layout settles, that an
 * internal part of a widget (a "GtkGizmo") was snapshotted without an
 * allocation; its cause is not found yet. What is drawn is judged by the
 * tests that compare pixels, so that one warning is printed as a test
 * message, not fatal; every other message goes to GLib's writer, where
 * warnings stay fatal. (GTK logs through the structured API, which
 * g_test_log_set_fatal_handler() does not see.) */
static GLogWriterOutput
log_writer (GLogLevelFlags   level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  const char *domain = NULL, *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
        domain = fields[i].value;
      else if (g_str_equal (fields[i].key, "MESSAGE"))
        message = fields[i].value;
    }
  if (g_strcmp0 (domain, "Gtk") == 0 && message != NULL && (level & G_LOG_LEVEL_WARNING) != 0 &&
      g_str_has_prefix (message, "Trying to snapshot GtkGizmo") &&
      g_str_has_suffix (message, "without a current allocation"))
    {
      g_test_message ("not fatal: %s", message);
      return G_LOG_WRITER_HANDLED;
    }
  return g_log_writer_default (level, fields, n_fields, user_data);
}

/**
 * mg_test_init_display:
 *
 * Starts GTK and libadwaita, after g_test_init(). Without a display the
 * window tests skip rather than fail, so that the other suites still run
 * on a headless builder.
 *
 * Returns: whether there is a display
 */
gboolean
mg_test_init_display (void)
{
  static gboolean writer_set;

  if (!writer_set)
    g_log_set_writer_func (log_writer, NULL, NULL);
  writer_set = TRUE;
  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();
  return have_display;
}

/**
 * mg_test_have_display:
 *
 * Returns: what mg_test_init_display() found
 */
gboolean
mg_test_have_display (void)
{
  return have_display;
}

/**
 * mg_test_scratch_home:
 * @tmpl: a template for g_dir_make_tmp()
 *
 * Moves the user's data, config, cache and state folders into a fresh
 * folder, so that drafts and files the window writes land there. Call it
 * before g_test_init(). Not G_TEST_OPTION_ISOLATE_DIRS: that hides the
 * system's MIME database, and GTK then cannot load its own icons.
 *
 * Returns: (transfer full): the folder, for mg_test_remove_tree() at the end
 */
char *
mg_test_scratch_home (const char *tmpl)
{
  const char *names[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME" };
  char *scratch = g_dir_make_tmp (tmpl, NULL);

  g_assert_nonnull (scratch);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *dir = g_build_filename (scratch, names[i], NULL);

      g_setenv (names[i], dir, TRUE);
    }
  return scratch;
}

/**
 * mg_test_make_tmpdir:
 * @tmpl: a template for g_dir_make_tmp()
 *
 * Returns: (transfer full): a fresh folder
 */
char *
mg_test_make_tmpdir (const char *tmpl)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  return dir;
}

/**
 * mg_test_remove_tree:
 * @path: a file or folder
 *
 * Removes @path and, for a folder, everything in it. A link is removed,
 * never followed.
 */
void
mg_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      mg_test_remove_tree (child);
    }
  g_remove (path);
}

/**
 * mg_test_spin:
 *
 * Runs the main loop until nothing is pending.
 */
void
mg_test_spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/**
 * mg_test_spin_until:
 * @done: (nullable): the condition
 * @data: for @done
 * @timeout_ms: how long to wait at most
 *
 * Runs the main loop until @done says so or @timeout_ms pass. A thread's
 * result reaches the main loop without waking it, so this polls rather
 * than blocks.
 *
 * Returns: whether @done held in the end
 */
gboolean
mg_test_spin_until (MgTestCondition done,
                    gpointer        data,
                    guint           timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      if (done != NULL && done (data))
        return TRUE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
  return done != NULL && done (data);
}

/**
 * mg_test_spin_for:
 * @ms: how long
 *
 * Runs the main loop for @ms milliseconds, so that timeouts may fire.
 */
void
mg_test_spin_for (guint ms)
{
  mg_test_spin_until (NULL, NULL, ms);
}

/**
 * mg_test_fixture_path:
 * @folder: a folder of tests/fixtures
 * @name: a file in it
 *
 * Returns: (transfer full): the fixture's path
 */
char *
mg_test_fixture_path (const char *folder,
                      const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", folder, name, NULL);
}

/**
 * mg_test_load_fixture:
 * @folder: a folder of tests/fixtures
 * @name: a dataset in it
 *
 * Returns: (transfer full): the dataset; fails the test if it does not load
 */
MgDataset *
mg_test_load_fixture (const char *folder,
                      const char *name)
{
  g_autofree char *path = mg_test_fixture_path (folder, name);
  g_autoptr(GError) error = NULL;
  MgDataset *dataset = mg_dataset_load_file (path, &error);

  g_assert_no_error (error);
  return dataset;
}

/**
 * mg_test_copy_fixture:
 * @folder: a folder of tests/fixtures
 * @name: a file in it
 * @path: where the copy goes
 *
 * Copies a fixture byte for byte, for a test that saves over its file.
 */
void
mg_test_copy_fixture (const char *folder,
                      const char *name,
                      const char *path)
{
  g_autofree char *source = mg_test_fixture_path (folder, name);
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (source, &contents, &length, &error));
  g_assert_true (g_file_set_contents (path, contents, (gssize) length, &error));
  g_assert_no_error (error);
}

/**
 * mg_test_open_window:
 * @dataset: what the window shows
 * @file: (nullable): where @dataset lives
 *
 * Returns: (transfer none): a new window with @dataset, on screen; close it
 *   with mg_test_close_window()
 */
MgWindow *
mg_test_open_window (MgDataset *dataset,
                     GFile     *file)
{
  MgWindow *window = mg_window_new (NULL);

  mg_window_set_dataset (window, dataset, file);
  gtk_window_present (GTK_WINDOW (window));
  mg_test_spin ();
  return window;
}

/**
 * mg_test_open_window_sized:
 * @dataset: what the window shows
 * @width: the window's width
 * @height: the window's height
 *
 * Returns: (transfer none): a new window of that size with @dataset, on
 *   screen and laid out; close it with mg_test_close_window()
 */
MgWindow *
mg_test_open_window_sized (MgDataset *dataset,
                           int        width,
                           int        height)
{
  MgWindow *window = mg_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  mg_window_set_dataset (window, dataset, NULL);
  gtk_window_present (GTK_WINDOW (window));
  mg_test_spin_for (300);
  return window;
}

/**
 * mg_test_open_fixture:
 * @folder: a folder of tests/fixtures
 * @name: a dataset in it
 *
 * Returns: (transfer none): a new window on the fixture, which is its file
 */
MgWindow *
mg_test_open_fixture (const char *folder,
                      const char *name)
{
  g_autofree char *path = mg_test_fixture_path (folder, name);
  g_autoptr(MgDataset) dataset = mg_test_load_fixture (folder, name);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return mg_test_open_window (dataset, file);
}

/**
 * mg_test_close_window:
 * @window: a window of mg_test_open_window()
 */
void
mg_test_close_window (MgWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  mg_test_spin ();
}

/**
 * mg_test_activate:
 * @window: the window
 * @action: a "win." action
 * @string_param: (nullable): its string parameter, if it takes one
 *
 * Runs @action as its key or button would, and what it left pending.
 * Fails the test if the window has no such action.
 */
void
mg_test_activate (MgWindow   *window,
                  const char *action,
                  const char *string_param)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action,
                                             string_param ? "s" : NULL, string_param));
  mg_test_spin ();
}

/**
 * mg_test_store_of:
 *
 * Returns: (transfer none): the annotations of the document shown
 */
MgAnnotationStore *
mg_test_store_of (MgWindow *window)
{
  return mg_document_get_store (mg_window_get_document (window));
}

/**
 * mg_test_offset_of:
 * @document: a document
 * @needle: text that must be in it
 *
 * Returns: the code point offset of the first @needle in @document
 */
guint
mg_test_offset_of (MgDocument *document,
                   const char *needle)
{
  const char *text = mg_document_get_text (document);
  const char *found = strstr (text, needle);

  g_assert_nonnull (found);
  return (guint) g_utf8_pointer_to_offset (text, found);
}

/**
 * mg_test_find:
 * @window: the window
 * @label: a label id
 * @text: text that must be in the document shown
 *
 * Returns: (transfer none) (nullable): the @label annotation spanning
 *   exactly the first @text of the document shown
 */
MgAnnotation *
mg_test_find (MgWindow   *window,
              const char *label,
              const char *text)
{
  guint start = mg_test_offset_of (mg_window_get_document (window), text);

  return mg_annotation_store_find (mg_test_store_of (window), label, start,
                                   start + (guint) g_utf8_strlen (text, -1));
}

/**
 * mg_test_find_widget:
 * @root: where to look, itself included
 * @type: the type wanted; %GTK_TYPE_WIDGET for any
 * @name: (nullable): the widget name wanted, or %NULL for any
 *
 * Returns: (transfer none) (nullable): the first widget, depth first, of
 *   @type and @name
 */
GtkWidget *
mg_test_find_widget (GtkWidget  *root,
                     GType       type,
                     const char *name)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (name == NULL || g_strcmp0 (gtk_widget_get_name (root), name) == 0))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = mg_test_find_widget (child, type, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  MgWindow   *window;
  const char *path;
} SaveWait;

static gboolean
saved_to (gpointer data)
{
  SaveWait *wait = data;

  return g_file_test (wait->path, G_FILE_TEST_EXISTS) &&
         !mg_session_get_modified (mg_window_get_session (wait->window));
}

/**
 * mg_test_save_to:
 *
 * Saves the window's dataset to @path through win.save-to and waits for
 * the save, which runs in a worker thread, to be on disk.
 */
void
mg_test_save_to (MgWindow   *window,
                 const char *path)
{
  SaveWait wait = { window, path };

  g_remove (path);
  mg_test_activate (window, "win.save-to", path);
  g_assert_true (mg_test_spin_until (saved_to, &wait, 10000));
}

/**
 * mg_test_save_png:
 * @widget: a widget shown in a window
 *
 * Renders @widget as it draws now, with its window's renderer, into a PNG
 * file at @path: a screenshot for people to look at.
 */
void
mg_test_save_png (GtkWidget  *widget,
                  const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/**
 * mg_test_is_allocated:
 * @widget: a #GtkWidget
 *
 * An #MgTestCondition: @widget is mapped and has a size.
 */
gboolean
mg_test_is_allocated (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0 &&
         gtk_widget_get_height (widget) > 0;
}

/**
 * mg_test_render_pixels:
 * @widget: a widget shown in a window
 * @stride: (out): bytes per row of the result
 *
 * Renders @widget as it draws now, with its window's renderer, for tests
 * that compare pixels.
 *
 * Returns: (transfer full): its pixels, 4 bytes each, in the order
 *   gdk_texture_download() gives
 */
guchar *
mg_test_render_pixels (GtkWidget *widget,
                       int       *stride)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  guchar *pixels;

  /* Under the sanitizers' slow build an allocated widget has at times
   * given no node yet: wait for one, a while. */
  for (guint tries = 0; tries < 100; tries++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
      if (node != NULL)
        break;
      mg_test_spin_for (50);
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  *stride = width * 4;
  pixels = g_malloc ((gsize) *stride * height);
  gdk_texture_download (texture, pixels, *stride);
  return pixels;
}

/* The colour at (@x, @y) of @pixels from mg_test_render_pixels(), as
 * 0xRRGGBB: gdk_texture_download() gives B, G, R, A bytes. */
static guint32
pixel_at (const guchar *pixels,
          int           stride,
          int           x,
          int           y)
{
  const guchar *p = pixels + (gsize) y * stride + (gsize) x * 4;

  return ((guint32) p[2] << 16) | ((guint32) p[1] << 8) | p[0];
}

/* The box, in @view's coordinates, of the character at @offset. */
static void
char_box (MgArticleView *view,
          guint          offset,
          GdkRectangle  *box)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                                      &iter, (int) offset);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (view), &iter, box);
  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (view), GTK_TEXT_WINDOW_WIDGET,
                                         box->x, box->y, &box->x, &box->y);
}

/* The most common colour of the rectangle, and how many pixels have it. */
static guint32
most_common (const guchar *pixels,
             int           stride,
             int           x0,
             int           y0,
             int           width,
             int           height,
             guint        *count)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  guint32 best = 0;

  *count = 0;
  for (int y = y0; y < y0 + height; y++)
    for (int x = x0; x < x0 + width; x++)
      {
        guint32 c = pixel_at (pixels, stride, x, y);
        guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (c + 1))) + 1;

        g_hash_table_insert (counts, GUINT_TO_POINTER (c + 1), GUINT_TO_POINTER (n));
        if (n > *count)
          {
            *count = n;
            best = c;
          }
      }
  return best;
}

/**
 * mg_test_tint_at:
 * @view: an article view on screen
 * @offset: a character it shows
 * @covered: (out): the share of the character's box drawn in another
 *   colour than the page (the view's top left corner, in its margin)
 *
 * Renders @view and reads what is drawn under the character at @offset,
 * for tests of what the spans look like rather than how they are drawn.
 *
 * Returns: the most common colour in the character's box, 0xRRGGBB
 */
guint32
mg_test_tint_at (MgArticleView *view,
                 guint          offset,
                 double        *covered)
{
  int stride;
  g_autofree guchar *pixels = mg_test_render_pixels (GTK_WIDGET (view), &stride);
  guint32 page = pixel_at (pixels, stride, 2, 2), best;
  GdkRectangle box;
  guint count, off_page = 0;

  char_box (view, offset, &box);
  g_assert_cmpint (box.width, >, 0);
  g_assert_cmpint (box.x + box.width, <=, gtk_widget_get_width (GTK_WIDGET (view)));
  g_assert_cmpint (box.y + box.height, <=, gtk_widget_get_height (GTK_WIDGET (view)));
  best = most_common (pixels, stride, box.x, box.y, box.width, box.height, &count);
  for (int y = box.y; y < box.y + box.height; y++)
    for (int x = box.x; x < box.x + box.width; x++)
      off_page += pixel_at (pixels, stride, x, y) != page;
  *covered = off_page / (double) (box.width * box.height);
  return best;
}

/**
 * mg_test_is_tinted:
 *
 * Whether the character at @offset is drawn on a tint: its box is mostly
 * of one colour other than the page's, where a glyph alone leaves most of
 * it to the page.
 */
gboolean
mg_test_is_tinted (MgArticleView *view,
                   guint          offset)
{
  int stride;
  g_autofree guchar *pixels = mg_test_render_pixels (GTK_WIDGET (view), &stride);
  guint32 page = pixel_at (pixels, stride, 2, 2);
  double covered;

  return mg_test_tint_at (view, offset, &covered) != page;
}

/**
 * mg_test_underlined:
 * @start: the first character of a stretch on one display line
 * @end: the character after its last
 *
 * Whether a line runs under [@start, @end): a row in the lower half of
 * its line drawn almost all in one colour, neither the page's nor the
 * tint's (which glyphs never are across a word).
 */
gboolean
mg_test_underlined (MgArticleView *view,
                    guint          start,
                    guint          end)
{
  int stride;
  g_autofree guchar *pixels = mg_test_render_pixels (GTK_WIDGET (view), &stride);
  guint32 page = pixel_at (pixels, stride, 2, 2), tint;
  GdkRectangle first, last;
  guint count;
  int width;

  char_box (view, start, &first);
  char_box (view, end - 1, &last);
  g_assert_cmpint (first.y, ==, last.y);
  width = last.x + last.width - first.x;
  tint = most_common (pixels, stride, first.x, first.y, width, first.height, &count);
  for (int y = first.y + first.height / 2; y < first.y + first.height + 2; y++)
    {
      guint32 c = most_common (pixels, stride, first.x, y, width, 1, &count);

      if (c != page && c != tint && count >= 0.85 * width)
        return TRUE;
    }
  return FALSE;
}

/**
 * mg_test_apply_entry_row:
 * @root: a window or dialog holding preferences groups
 * @group: the name of the #AdwPreferencesGroup
 * @row: the name of the #AdwEntryRow in it
 * @text: what to type
 *
 * Types @text in the row and applies it, as the row's apply button does.
 */
void
mg_test_apply_entry_row (GtkWidget  *root,
                         const char *group,
                         const char *row,
                         const char *text)
{
  GtkWidget *in = mg_test_find_widget (root, ADW_TYPE_PREFERENCES_GROUP, group);
  GtkWidget *entry;

  g_assert_nonnull (in);
  entry = mg_test_find_widget (in, ADW_TYPE_ENTRY_ROW, row);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "apply");
  mg_test_spin ();
}

/**
 * mg_test_select_needle:
 * @needle: text of the document shown
 *
 * Selects the first occurrence of @needle in the article, as a drag does.
 */
void
mg_test_select_needle (MgWindow   *window,
                       const char *needle)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (window->article_view));
  guint start = mg_test_offset_of (mg_window_get_document (window), needle);
  GtkTextIter s, e;

  gtk_text_buffer_get_iter_at_offset (buffer, &s, (int) start);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, (int) (start + g_utf8_strlen (needle, -1)));
  gtk_text_buffer_select_range (buffer, &e, &s);
}
