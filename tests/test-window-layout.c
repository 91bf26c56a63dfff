/* test-window-layout.c: the window at the sizes people use
 *
 * At 1400x900 the document list, the article and the annotation panel sit
 * side by side; at 900x650 the document list folds into an opaque overlay;
 * down to 360 px wide both panels fold and the article stays readable. The
 * label palette wraps rather than widening the window, shows every key the
 * dataset gives, and toasts never cover it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mg-test-gui.h"

static MgWindow *
open_at (const char *fixture,
         int         width,
         int         height)
{
  g_autoptr(MgDataset) dataset = mg_test_load_fixture ("drawing", fixture);

  return mg_test_open_window_sized (dataset, width, height);
}

/* The panel of annotations folds in a flap of its own, inside the
 * document list's. */
static AdwFlap *
annotation_flap_of (MgWindow *window)
{
  GtkWidget *flap = mg_test_find_widget (adw_flap_get_content (window->flap), ADW_TYPE_FLAP, NULL);

  g_assert_nonnull (flap);
  return ADW_FLAP (flap);
}

static int
min_width_of (GtkWidget *widget)
{
  int minimum;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return minimum;
}

static void
test_wide (void)
{
  MgWindow *window;
  AdwFlap *annotations;

  MG_TEST_REQUIRE_DISPLAY ();

  window = open_at ("world.json", 1400, 900);
  annotations = annotation_flap_of (window);
  g_assert_false (adw_flap_get_folded (window->flap));
  g_assert_true (adw_flap_get_reveal_flap (window->flap));
  g_assert_false (adw_flap_get_folded (annotations));
  g_assert_true (adw_flap_get_reveal_flap (annotations));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window->article_view)), >=, 600);
  mg_test_close_window (window);
}

static gboolean
all_opaque (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return FALSE;
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  pixels = g_malloc ((gsize) width * height * 4);
  gdk_texture_download (texture, pixels, (gsize) width * 4);

  /* GDK_MEMORY_DEFAULT is premultiplied B, G, R, A. */
  for (gsize i = 3; i < (gsize) width * height * 4; i += 4)
    if (pixels[i] != 255)
      return FALSE;
  return TRUE;
}

static void
test_medium (void)
{
  MgWindow *window;

  MG_TEST_REQUIRE_DISPLAY ();

  window = open_at ("world.json", 900, 650);
  g_assert_true (adw_flap_get_folded (window->flap));
  g_assert_false (adw_flap_get_reveal_flap (window->flap));
  g_assert_false (adw_flap_get_folded (annotation_flap_of (window)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window->article_view)), >=, 500);

  /* Shown over the article, the document list hides what is under it. */
  mg_test_activate (window, "win.toggle-sidebar", NULL);
  mg_test_spin_for (600);
  g_assert_true (adw_flap_get_reveal_flap (window->flap));
  g_assert_true (all_opaque (GTK_WIDGET (window->document_list)));
  mg_test_close_window (window);
}

static void
test_narrow (void)
{
  MgWindow *window;

  MG_TEST_REQUIRE_DISPLAY ();

  window = open_at ("nine-labels.json", 360, 640);
  g_assert_true (adw_flap_get_folded (window->flap));
  g_assert_true (adw_flap_get_folded (annotation_flap_of (window)));
  g_assert_cmpint (min_width_of (GTK_WIDGET (window)), <=, 360);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 370);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window->article_view)), >=, 300);
  mg_test_close_window (window);
}

/* The text of the first label in @root that shows @text, or NULL. */
static GtkWidget *
find_label_text (GtkWidget  *root,
                 const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_text (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_palette (void)
{
  MgWindow *window;
  GtkWidget *palette;

  MG_TEST_REQUIRE_DISPLAY ();

  window = open_at ("nine-labels.json", 900, 650);
  palette = GTK_WIDGET (window->label_palette);

  /* Nine labels wrap; they do not make the window wider. */
  g_assert_cmpint (min_width_of (palette), <=, 200);
  g_assert_false (adw_flap_get_folded (annotation_flap_of (window)));

  for (guint key = 1; key <= 9; key++)
    {
      char text[2] = { (char) ('0' + key), 0 };
      GtkWidget *keycap = find_label_text (palette, text);

      g_assert_nonnull (keycap);
      g_assert_true (gtk_widget_get_mapped (keycap));
    }

  /* A toast shows over the article, never over the keys. */
  g_assert_false (gtk_widget_is_ancestor (palette, GTK_WIDGET (window->toast_overlay)));
  mg_test_close_window (window);
}

static void
test_empty_state_names_keys (void)
{
  g_autoptr(MgDataset) dataset = mg_test_load_fixture ("drawing", "nine-labels.json");
  MgAnnotationStore *store = mg_document_get_store (mg_dataset_get_document (dataset, 0));
  MgWindow *window;
  GtkWidget *page;

  MG_TEST_REQUIRE_DISPLAY ();

  while (mg_annotation_store_get_n_annotations (store) > 0)
    mg_annotation_store_remove (store, mg_annotation_store_get_annotation (store, 0));
  window = mg_test_open_window (dataset, NULL);

  page = mg_test_find_widget (GTK_WIDGET (window->annotation_list), ADW_TYPE_STATUS_PAGE, NULL);
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (page)),
                            "1, 2, 3, 4, 5, 6, 7, 8 or 9"));
  mg_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *scratch = mg_test_scratch_home ("marginalia-layout-XXXXXX");
  int status;

  g_test_init (&argc, &argv, NULL);
  if (mg_test_init_display ())
    /* GNOME's title bar buttons, whatever the machine's settings. */
    g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);

  g_test_add_func ("/layout/wide", test_wide);
  g_test_add_func ("/layout/medium", test_medium);
  g_test_add_func ("/layout/narrow", test_narrow);
  g_test_add_func ("/layout/palette", test_palette);
  g_test_add_func ("/layout/empty-state-names-keys", test_empty_state_names_keys);

  status = g_test_run ();
  mg_test_remove_tree (scratch);
  return status;
}
