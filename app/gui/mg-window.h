/* mg-window.h: the annotation window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mg-core.h"
#include "mg-session.h"

#include "mg-application.h"

G_BEGIN_DECLS

#define MG_TYPE_WINDOW (mg_window_get_type ())

G_DECLARE_FINAL_TYPE (MgWindow, mg_window, MG, WINDOW, AdwApplicationWindow)

MgWindow   *mg_window_new           (MgApplication *app);
void        mg_window_set_dataset   (MgWindow      *self,
                                     MgDataset     *dataset,
                                     GFile         *file);
void        mg_window_reopen_last   (MgWindow      *self);
void        mg_window_open_files    (MgWindow      *self,
                                     GFile        **files,
                                     int            n_files);
MgSession  *mg_window_get_session   (MgWindow      *self);
MgDataset  *mg_window_get_dataset   (MgWindow      *self);
MgHistory  *mg_window_get_history   (MgWindow      *self);
GFile      *mg_window_get_file      (MgWindow      *self);
MgDocument *mg_window_get_document  (MgWindow      *self);
void        mg_window_show_document (MgWindow      *self,
                                     MgDocument    *document);
void        mg_window_toast         (MgWindow      *self,
                                     const char    *message);
void        mg_window_toast_folder  (MgWindow      *self,
                                     const char    *message,
                                     GFile         *folder);

G_END_DECLS
