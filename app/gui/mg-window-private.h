/* mg-window-private.h: the window's state, shared by the files that make it
 *
 * mg-window.c arranges the window and owns the annotation actions;
 * mg-window-files.c opens, imports, saves, autosaves and watches files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mg-core.h"

#include "mg-application.h"
#include "mg-article-view.h"
#include "mg-window.h"

G_BEGIN_DECLS

typedef struct _MgWindowFiles MgWindowFiles;

struct _MgWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  MgArticleView        *article_view;
  GtkScrolledWindow    *article_scroller;
  GtkStack             *content_stack;
  AdwFlap              *flap;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;

  /* Owned */
  GSettings            *settings;
  MgDataset            *dataset;
  MgHistory            *history;
  GFile                *file;       /* NULL while the dataset was never saved */
  MgDocument           *document;   /* the document shown, or NULL */
  MgAnnotation         *selected;   /* the selected annotation, or NULL */

  /* State of mg-window-files.c, allocated and freed there. */
  MgWindowFiles        *files;
};

/* Provided by mg-window-files.c */
void      _mg_window_files_class_init    (MgWindowClass  *klass);
void      _mg_window_files_init          (MgWindow       *self);
void      _mg_window_files_dispose       (MgWindow       *self);
void      _mg_window_open_files          (MgWindow       *self,
                                          GFile         **files,
                                          int             n_files);
gboolean  _mg_window_files_close_request (MgWindow       *self);

/* Provided by mg-window.c */
void      _mg_window_update_title        (MgWindow       *self);

/* Provided by mg-application.c */
MgDataset *_mg_application_new_dataset   (MgApplication  *self);

G_END_DECLS
