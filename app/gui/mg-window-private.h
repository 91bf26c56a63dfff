/* mg-window-private.h: the window's parts, and what they share
 *
 * mg-window.c arranges the window, owns the annotation actions and calls
 * each part's class_init, init and dispose below, one level deep. Each part
 * keeps its own state:
 *   mg-window-annotation.c  the note, the speaker and the annotation's menu
 *   mg-window-files.c   opening datasets and importing articles
 *   mg-window-save.c    saving, a file changed on disk, unsaved work
 *   mg-window-drafts.c  offering drafts back after a crash
 *   mg-window-review.c  reviewing a colleague's dataset
 *   mg-window-status.c  each document's status, the progress over them
 *   mg-window-zoom.c    the article's text size
 *   mg-window-documents.c  new datasets; documents removed, renamed, moved
 *   mg-window-recent.c  the last dataset reopened, the recent ones
 *   mg-window-suggest.c suggestions: computed, outlined, accepted, rejected
 *   mg-window-find.c    the find bar, search over all documents, tag all
 *   mg-window-scheme.c  attributes, relation types, scheme files, the editor's actions
 *   mg-window-codes.c   the document's codes and the codebook
 * The open dataset, its file and its drafts are the window's MgSession.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mg-core.h"
#include "mg-session.h"

#include "mg-annotation-list.h"
#include "mg-application.h"
#include "mg-article-view.h"
#include "mg-dialogs.h"
#include "mg-document-list.h"
#include "mg-label-palette.h"
#include "mg-metadata-panel.h"
#include "mg-review-panel.h"
#include "mg-window.h"

G_BEGIN_DECLS

typedef struct _MgWindowFiles  MgWindowFiles;
typedef struct _MgWindowSave   MgWindowSave;
typedef struct _MgWindowReview MgWindowReview;
typedef struct _MgWindowStatus MgWindowStatus;
typedef struct _MgWindowZoom   MgWindowZoom;
typedef struct _MgWindowSuggest MgWindowSuggest;
typedef struct _MgWindowFind   MgWindowFind;
typedef struct _MgWindowScheme MgWindowScheme;

typedef void (*MgWindowContinuation) (MgWindow  *self,
                                      gpointer   data);
typedef void (*MgWindowSavedFunc)    (MgWindow  *self,
                                      gboolean   saved);

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
  GtkPopoverMenu       *context_menu;
  GtkPopover           *note_popover;
  GtkTextView          *note_view;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkLabel             *find_count;
  GtkMenuButton        *find_tag_button;
  GtkListBox           *speaker_list;
  GtkPopover           *speaker_popover;
  GtkScrolledWindow    *speaker_scroller;
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkMenuButton        *metadata_button;  /* bound in mg-window-documents.c */
  MgMetadataPanel      *metadata_panel;

  /* Owned */
  GSettings            *settings;
  char                 *annotator_name;
  MgSession            *session;
  MgDocument           *document;   /* the document shown, or NULL */
  GCancellable         *cancellable; /* cancelled when the window goes */
  GtkWidget            *prompt;     /* the question up, if any (weak) */
  MgAnnotation         *note_target;   /* whose note is being written */
  MgDocument           *note_document; /* and its document */

  /* The parts' own state, each allocated and freed by its part */
  MgWindowFiles        *files;
  MgWindowSave         *save;
  MgWindowReview       *review;
  MgWindowStatus       *status;
  MgWindowZoom         *zoom;
  MgWindowSuggest      *suggest;
  MgWindowFind         *find;
  MgWindowScheme       *scheme;
};

/* The window's coding scheme part (mg-window-scheme.c); here for the tests. */
struct _MgWindowScheme
{
  MgScheme     *scheme;       /* of the open dataset, read after each step */
  MgHistory    *history;      /* watched for steps */
  MgLabelSet   *labels;       /* the labels everything is drawn with */

  GtkPopover   *popover;      /* the attribute chooser */
  GtkLabel     *heading;
  GtkStack     *stack;
  GtkListBox   *values;
  GtkEntry     *entry;
  GPtrArray    *pending;      /* ids of attributes still to ask about */
  char         *asking;       /* the id asked about now */
  char         *link_to;      /* or the span a relation type is asked for */

  GtkWidget    *codes_panel;  /* the document's codes, under the list */
  GtkWidget    *codes_rows;
  char         *codes_shape;  /* the codes the rows were made for */
  gboolean      filling;      /* setting widgets, not the person */

  GtkWidget    *editor;       /* the scheme editor, while open (weak) */

  GtkPopover   *codebook;     /* the whole codebook, over the palette */
  GtkLabel     *codebook_text;
  GtkScrolledWindow *codebook_scroller;
};

/* A key the window handles before the article's text view can eat it, and
 * the string its callback is given. */
typedef struct
{
  guint            keyval;
  GdkModifierType  modifiers;
  const char      *data;
} MgWindowKey;

/* Provided by mg-window.c */
GtkWidget *_mg_window_prompt              (MgWindow               *self,
                                           const MgPrompt         *prompt);
GtkEventController *_mg_window_capture_keys (const MgWindowKey    *keys,
                                             gsize                 n_keys,
                                             GtkShortcutFunc       func);
void       _mg_window_update_title        (MgWindow               *self);

/* Provided by mg-window-annotation.c */
void       _mg_window_annotation_class_init (MgWindowClass        *klass);
void       _mg_window_annotation_init     (MgWindow               *self);
void       _mg_window_annotation_dispose  (MgWindow               *self);
void       _mg_window_popup_at_selected   (MgWindow               *self,
                                           GtkPopover             *popover);

/* Provided by mg-window-scheme.c */
void       _mg_window_scheme_class_init   (MgWindowClass          *klass);
void       _mg_window_scheme_init         (MgWindow               *self);
void       _mg_window_scheme_dispose      (MgWindow               *self);
void       _mg_window_scheme_dataset_changed  (MgWindow           *self);
void       _mg_window_scheme_document_changed (MgWindow           *self);
gboolean   _mg_window_scheme_relabel      (MgWindow               *self,
                                           MgAnnotation           *annotation,
                                           const char             *label_id,
                                           GError                **error);
void       _mg_window_scheme_tagged       (MgWindow               *self,
                                           MgAnnotation           *annotation);
MgScheme  *_mg_window_get_scheme          (MgWindow               *self);
gboolean   _mg_window_scheme_declares_links (MgWindow             *self);
gboolean   _mg_window_scheme_may_link     (MgWindow               *self,
                                           MgAnnotation           *from,
                                           MgAnnotation           *to);
gboolean   _mg_window_scheme_link         (MgWindow               *self,
                                           MgAnnotation           *from,
                                           MgAnnotation           *to);
GtkWidget *_mg_window_scheme_get_editor   (MgWindow               *self);
void       _mg_window_scheme_new_from_file (MgWindow              *self,
                                            GFile                 *file);
gboolean   _mg_window_scheme_export_to    (MgWindow               *self,
                                           GFile                  *file);

/* Provided by mg-window-codes.c */
void       _mg_window_codes_create        (MgWindow               *self);
void       _mg_window_codes_update        (MgWindow               *self);
void       _mg_window_codes_fill          (MgWindow               *self);
void       _mg_window_codebook_create     (MgWindow               *self);
void       _mg_window_codebook_action     (GtkWidget              *widget,
                                           const char             *action_name,
                                           GVariant               *param);

/* Provided by mg-window-files.c */
void       _mg_window_files_class_init    (MgWindowClass          *klass);
void       _mg_window_files_init          (MgWindow               *self);
void       _mg_window_files_dispose       (MgWindow               *self);
void       _mg_window_files_dataset_changed (MgWindow             *self);
void       _mg_window_load                (MgWindow               *self,
                                           GFile                  *file,
                                           gboolean                reload);

/* Provided by mg-window-documents.c */
void       _mg_window_documents_class_init (MgWindowClass         *klass);
void       _mg_window_documents_init       (MgWindow              *self);
void       _mg_window_new_dataset          (MgWindow              *self);

/* Provided by mg-window-recent.c */
void       _mg_window_recent_class_init    (MgWindowClass         *klass);
void       _mg_window_recent_init          (MgWindow              *self);
char      *_mg_window_recent_shorten       (const char            *shown,
                                            guint                  max_chars);

/* Provided by mg-window-save.c */
void       _mg_window_save_class_init      (MgWindowClass         *klass);
void       _mg_window_save_init            (MgWindow              *self);
void       _mg_window_save_dispose         (MgWindow              *self);
void       _mg_window_save_dataset_changed (MgWindow              *self);
void       _mg_window_confirm_unsaved      (MgWindow              *self,
                                            MgWindowContinuation   func,
                                            gpointer               data,
                                            GDestroyNotify         destroy);
/* Returns TRUE to keep the window open: a prompt about unsaved work is up
 * and will close the window itself once answered. */
gboolean   _mg_window_save_close_request   (MgWindow              *self);

/* Provided by mg-window-drafts.c */
void       _mg_window_drafts_class_init    (MgWindowClass         *klass);
void       _mg_window_drafts_init          (MgWindow              *self);

/* Provided by mg-window-review.c */
void           _mg_window_review_class_init       (MgWindowClass  *klass);
void           _mg_window_review_init             (MgWindow       *self);
void           _mg_window_review_dispose          (MgWindow       *self);
void           _mg_window_review_dataset_changed  (MgWindow       *self);
void           _mg_window_review_document_changed (MgWindow       *self);
void           _mg_window_review_start            (MgWindow       *self,
                                                   MgDataset      *theirs,
                                                   const char     *name);
void           _mg_window_review_start_conflicts  (MgWindow       *self);
void           _mg_window_review_open_colleague   (MgWindow       *self,
                                                   GFile          *file);
void           _mg_window_review_stop             (MgWindow       *self);
MgReviewPanel *_mg_window_review_get_panel        (MgWindow       *self);
MgAgreement   *_mg_window_review_get_agreement    (MgWindow       *self,
                                                   gboolean        dataset);
int            _mg_window_review_get_current      (MgWindow       *self);
const MgDisagreement *
               _mg_window_review_get_current_disagreement (MgWindow *self);
const char    *_mg_window_review_get_conflicts_offer (MgWindow    *self);
GFile         *_mg_window_review_get_colleague_file  (MgWindow    *self);
const char    *_mg_window_review_get_notice          (MgWindow    *self);

/* Provided by mg-window-status.c */
void       _mg_window_status_class_init   (MgWindowClass          *klass);
void       _mg_window_status_init         (MgWindow               *self);
void       _mg_window_status_dispose      (MgWindow               *self);
void       _mg_window_status_document_changed (MgWindow           *self);
char      *_mg_window_status_describe     (MgWindow               *self);

/* Provided by mg-window-zoom.c */
void       _mg_window_zoom_class_init     (MgWindowClass          *klass);
void       _mg_window_zoom_init           (MgWindow               *self);
void       _mg_window_zoom_dispose        (MgWindow               *self);
guint      _mg_window_zoom_get            (MgWindow               *self);

/* Provided by mg-window-suggest.c */
void           _mg_window_suggest_class_init      (MgWindowClass  *klass);
void           _mg_window_suggest_init            (MgWindow       *self);
void           _mg_window_suggest_dispose         (MgWindow       *self);
MgSuggestionMarks *_mg_window_suggest_get_marks   (MgWindow       *self);

/* Provided by mg-window-find.c */
void       _mg_window_find_class_init      (MgWindowClass         *klass);
void       _mg_window_find_init            (MgWindow              *self);
void       _mg_window_find_dispose         (MgWindow              *self);
void       _mg_window_find_document_changed (MgWindow             *self);
char      *_mg_window_find_tag             (MgWindow              *self,
                                            const char            *needle,
                                            const char            *label_id,
                                            gboolean               all_documents);
guint      _mg_window_find_get_n_matches   (MgWindow              *self,
                                            int                   *current);
GtkWidget *_mg_window_find_get_search_window (MgWindow            *self);
MgTextSearchFlags _mg_window_find_flags    (MgWindow              *self);


/* The one-line look-ups every part of the window makes, defined once here
 * rather than again in each file that needs them. */
static inline MgHistory *
_mg_window_history (MgWindow *self)
{
  return mg_session_get_history (self->session);
}

static inline MgDataset *
_mg_window_dataset (MgWindow *self)
{
  return mg_session_get_dataset (self->session);
}

/* The annotations of the document shown, or NULL when none is. */
static inline MgAnnotationStore *
_mg_window_current_store (MgWindow *self)
{
  return self->document ? mg_document_get_store (self->document) : NULL;
}

/* The annotation selected in the article, or NULL. */
static inline MgAnnotation *
_mg_window_current_annotation (MgWindow *self)
{
  return mg_article_view_get_selected (self->article_view);
}

G_END_DECLS
