/* mg-window-private.h: the window's state, shared by the files that make it
 *
 * mg-window.c arranges the window and owns the annotation actions;
 * mg-window-files.c opens and imports files and keeps MgWindowFiles;
 * mg-window-save.c saves, watches the file on disk and asks before work is
 * lost; mg-window-drafts.c autosaves drafts and offers them back after a
 * crash; mg-window-review.c reviews a colleague's dataset.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mg-core.h"
#include "mg-drafts.h"

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
typedef struct _MgWindowImport MgWindowImport;
typedef struct _MgWindowDraftWrite MgWindowDraftWrite;

typedef void (*MgWindowContinuation) (MgWindow  *self,
                                      gpointer   data);
typedef void (*MgWindowSavedFunc)    (MgWindow  *self,
                                      gboolean   saved);
/* @files is NULL when the person cancelled the chooser. */
typedef void (*MgWindowChosenFunc)   (MgWindow  *self,
                                      GPtrArray *files);

typedef enum
{
  MG_WINDOW_CHOOSE_OPEN,
  MG_WINDOW_CHOOSE_OPEN_MULTIPLE,
  MG_WINDOW_CHOOSE_SAVE,
} MgWindowChooseMode;

/* One button of a prompt. */
typedef struct
{
  const char            *id;
  const char            *label;
  AdwResponseAppearance  appearance;
} MgWindowResponse;

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

/* The state of mg-window-files.c, -save.c and -drafts.c, allocated and
 * freed by mg-window-files.c. */
struct _MgWindowFiles
{
  MgDrafts           *drafts;
  GCancellable       *cancellable;    /* cancelled when the window goes */
  char               *draft_key;      /* key of the current dataset's draft */
  char               *claimed_key;    /* key of the draft this window wrote, if any */
  MgHistory          *history;        /* the history whose signals we follow */
  GFile              *watched;
  GFileMonitor       *monitor;
  GtkWidget          *dialog;         /* the prompt shown, if any (weak) */
  MgWindowImport     *import;         /* the import running, if any */
  MgWindowSavedFunc   save_as_then;   /* run once the Save As chooser is answered */
  MgWindowDraftWrite *writing;        /* the draft write running, if any */

  /* How the file looked when loaded or last saved. */
  gint64              stamp_mtime;
  gint64              stamp_size;
  /* The change on disk the user already answered "Keep Mine" to. */
  gint64              ignored_mtime;
  gint64              ignored_size;

  gint64              first_change;   /* monotonic time of the oldest change not in a draft */
  guint               autosave_id;
  guint               monitor_id;
  guint               generation;     /* bumped whenever the draft is discarded */

  guint               has_stamp : 1;
  guint               write_again : 1;
  guint               close_confirmed : 1;
};

/* Provided by mg-window-files.c */
void       _mg_window_files_class_init    (MgWindowClass          *klass);
void       _mg_window_files_init          (MgWindow               *self);
void       _mg_window_files_dispose       (MgWindow               *self);
void       _mg_window_open_files          (MgWindow               *self,
                                           GFile                 **files,
                                           int                     n_files);
char      *_mg_window_display_name        (GFile                  *file);
GtkWidget *_mg_window_prompt              (MgWindow               *self,
                                           const char             *heading,
                                           const char             *body,
                                           const MgWindowResponse *responses,
                                           gsize                   n_responses,
                                           const char             *default_response,
                                           const char             *close_response);
void       _mg_window_show_error          (MgWindow               *self,
                                           const char             *heading,
                                           const char             *body);
void       _mg_window_choose_files        (MgWindow               *self,
                                           MgWindowChooseMode      mode,
                                           const char             *title,
                                           MgWindowChosenFunc      func);

/* Provided by mg-window-save.c */
void       _mg_window_save_class_init      (MgWindowClass         *klass);
void       _mg_window_save_dispose         (MgWindow              *self);
void       _mg_window_save_dataset_changed (MgWindow              *self);
void       _mg_window_watch_file           (MgWindow              *self);
gboolean   _mg_window_load_dataset         (MgWindow              *self,
                                            GFile                 *file,
                                            gboolean               reload);
void       _mg_window_confirm_unsaved      (MgWindow              *self,
                                            MgWindowContinuation   func,
                                            gpointer               data,
                                            GDestroyNotify         destroy);
/* Returns TRUE to keep the window open: a prompt about unsaved work is up
 * and will close the window itself once answered. */
gboolean   _mg_window_save_close_request   (MgWindow              *self);

/* Provided by mg-window-drafts.c */
void       _mg_window_drafts_class_init      (MgWindowClass       *klass);
void       _mg_window_drafts_init            (MgWindow            *self);
void       _mg_window_drafts_dispose         (MgWindow            *self);
void       _mg_window_drafts_dataset_changed (MgWindow            *self);
void       _mg_window_drafts_file_changed    (MgWindow            *self);
void       _mg_window_discard_draft          (MgWindow            *self);

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
