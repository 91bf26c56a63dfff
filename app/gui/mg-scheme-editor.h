/* mg-scheme-editor.h: the dataset's coding scheme, edited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mg-window.h"

G_BEGIN_DECLS

#define MG_TYPE_SCHEME_EDITOR (mg_scheme_editor_get_type ())

G_DECLARE_FINAL_TYPE (MgSchemeEditor, mg_scheme_editor, MG, SCHEME_EDITOR, AdwPreferencesWindow)

GtkWidget *mg_scheme_editor_new    (MgWindow       *window);
void       mg_scheme_editor_update (MgSchemeEditor *self);

G_END_DECLS
