/* mg-test-gui.h: what the GUI tests share
 *
 * Starting GTK (or skipping without a display), running the main loop until
 * something happened, opening the window on a fixture, driving it through
 * its actions, finding a widget, reading its pixels, and scratch folders.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mg-window-private.h"

G_BEGIN_DECLS

/* Skips the running test, which must return void, without a display. */
#define MG_TEST_REQUIRE_DISPLAY() \
  G_STMT_START { if (!mg_test_have_display ()) { g_test_skip ("no display"); return; } } G_STMT_END

typedef gboolean (*MgTestCondition) (gpointer data);

gboolean           mg_test_init_display  (void);
gboolean           mg_test_have_display  (void);

char              *mg_test_scratch_home  (const char      *tmpl);
char              *mg_test_make_tmpdir   (const char      *tmpl);
void               mg_test_remove_tree   (const char      *path);

void               mg_test_spin          (void);
void               mg_test_spin_for      (guint            ms);
gboolean           mg_test_spin_until    (MgTestCondition  done,
                                          gpointer         data,
                                          guint            timeout_ms);

char              *mg_test_fixture_path  (const char      *folder,
                                          const char      *name);
MgDataset         *mg_test_load_fixture  (const char      *folder,
                                          const char      *name);
void               mg_test_copy_fixture  (const char      *folder,
                                          const char      *name,
                                          const char      *path);

MgWindow          *mg_test_open_window   (MgDataset       *dataset,
                                          GFile           *file);
MgWindow          *mg_test_open_window_sized (MgDataset   *dataset,
                                              int          width,
                                              int          height);
MgWindow          *mg_test_open_fixture  (const char      *folder,
                                          const char      *name);
void               mg_test_close_window  (MgWindow        *window);
void               mg_test_activate      (MgWindow        *window,
                                          const char      *action,
                                          const char      *string_param);
void               mg_test_save_to       (MgWindow        *window,
                                          const char      *path);

MgAnnotationStore *mg_test_store_of      (MgWindow        *window);
guint              mg_test_offset_of     (MgDocument      *document,
                                          const char      *needle);
MgAnnotation      *mg_test_find          (MgWindow        *window,
                                          const char      *label,
                                          const char      *text);

void               mg_test_save_png      (GtkWidget       *widget,
                                          const char      *path);
gboolean           mg_test_is_allocated  (gpointer         widget);
guchar            *mg_test_render_pixels (GtkWidget       *widget,
                                          int             *stride);
guint32            mg_test_tint_at       (MgArticleView   *view,
                                          guint            offset,
                                          double          *covered);
gboolean           mg_test_is_tinted     (MgArticleView   *view,
                                          guint            offset);
gboolean           mg_test_underlined    (MgArticleView   *view,
                                          guint            start,
                                          guint            end);

GtkWidget         *mg_test_find_widget   (GtkWidget       *root,
                                          GType            type,
                                          const char      *name);

void               mg_test_apply_entry_row (GtkWidget     *root,
                                            const char    *group,
                                            const char    *row,
                                            const char    *text);
void               mg_test_select_needle (MgWindow        *window,
                                          const char      *needle);

G_END_DECLS
