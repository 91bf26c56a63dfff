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

#include "mg-annotation-list.h"
#include "mg-application.h"
#include "mg-article-view.h"
#include "mg-document-list.h"
#include "mg-label-palette.h"
#include "mg-review-panel.h"
#include "mg-window.h"

G_BEGIN_DECLS

typedef struct _MgWindowFiles MgWindowFiles;
typedef struct _MgWindowReview MgWindowReview;

struct _MgWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  MgAnnotationList     *annotation_list;
  GtkScrolledWindow    *article_scroller;
  MgArticleView        *article_view;
  GtkStack             *content_stack;
  MgDocumentList       *document_list;
  AdwFlap              *flap;
  MgLabelPalette       *label_palette;
  GtkEntry             *note_entry;
  GtkPopover           *note_popover;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkListBox           *speaker_list;
  GtkPopover           *speaker_popover;
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;

  /* Owned */
  GSettings            *settings;
  MgDataset            *dataset;
  MgHistory            *history;
  GFile                *file;       /* NULL while the dataset was never saved */
  MgDocument           *document;   /* the document shown, or NULL */

  /* State of mg-window-files.c, allocated and freed there. */
  MgWindowFiles        *files;

  /* State of mg-window-review.c, allocated and freed there. */
  MgWindowReview       *review;
};

/* Provided by mg-window-files.c */
void      _mg_window_files_class_init    (MgWindowClass  *klass);
void      _mg_window_files_init          (MgWindow       *self);
void      _mg_window_files_dispose       (MgWindow       *self);
void      _mg_window_open_files          (MgWindow       *self,
                                          GFile         **files,
                                          int             n_files);
/* Returns TRUE to keep the window open: a prompt about unsaved work is up
 * and will close the window itself once answered. */
gboolean  _mg_window_files_close_request (MgWindow       *self);

/* Provided by mg-window-review.c */
void           _mg_window_review_class_init    (MgWindowClass  *klass);
void           _mg_window_review_init          (MgWindow       *self);
void           _mg_window_review_dispose       (MgWindow       *self);
void           _mg_window_review_start         (MgWindow       *self,
                                                MgDataset      *theirs,
                                                const char     *name);
void           _mg_window_review_stop          (MgWindow       *self);
MgReviewPanel *_mg_window_review_get_panel     (MgWindow       *self);
MgAgreement   *_mg_window_review_get_agreement (MgWindow       *self,
                                                gboolean        dataset);
int            _mg_window_review_get_current   (MgWindow       *self);

/* Provided by mg-window.c */
void      _mg_window_update_title        (MgWindow       *self);

/* Provided by mg-application.c */
MgDataset *_mg_application_new_dataset   (MgApplication  *self);

G_END_DECLS
