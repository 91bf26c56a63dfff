/* mg-dialogs.h: the prompts and file choosers every window shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* One button of a prompt. */
typedef struct
{
  const char            *id;
  const char            *label;
  AdwResponseAppearance  appearance;
} MgDialogResponse;

/* A question: its buttons, the one Enter picks (nullable) and the one
 * Escape picks. */
typedef struct
{
  const char             *heading;
  const char             *body;
  const MgDialogResponse *responses;
  gsize                   n_responses;
  const char             *default_response;
  const char             *close_response;
} MgPrompt;

typedef enum
{
  MG_CHOOSE_OPEN,
  MG_CHOOSE_OPEN_MULTIPLE,
  MG_CHOOSE_SAVE,
} MgChooseMode;

/* What a file chooser offers; every field but @mode and @title may be
 * left NULL. */
typedef struct
{
  MgChooseMode  mode;
  const char   *title;
  const char   *accept_label;
  GListModel   *filters;       /* of GtkFileFilter */
  GFile        *folder;        /* where it starts */
  const char   *name;          /* the name it offers, to save */
} MgChooser;

/* @files is NULL when the person cancelled the chooser. */
typedef void (*MgChosenFunc) (GtkWindow *parent,
                              GPtrArray *files);

GtkWidget  *mg_dialogs_prompt      (GtkWindow              *parent,
                                    const MgPrompt         *prompt);
void        mg_dialogs_show_error  (GtkWindow              *parent,
                                    const char             *heading,
                                    const char             *body);
void        mg_dialogs_cancel_or_close (GtkWindow          *dialog,
                                        GCancellable       *job);
void        mg_dialogs_set_status_line (GtkLabel           *label,
                                        GtkWidget          *error_icon,
                                        const char         *message,
                                        gboolean            is_error);
GListModel *mg_dialogs_filters     (gboolean                articles,
                                    gboolean                all_files);
void        mg_dialogs_choose      (GtkWindow              *parent,
                                    const MgChooser        *chooser,
                                    MgChosenFunc            func);
char       *mg_dialogs_display_name (GFile                 *file);
void        mg_dialogs_show_list   (GtkWindow              *parent,
                                    const char             *heading,
                                    const char             *lines);

G_END_DECLS
