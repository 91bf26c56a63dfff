/* mg-window-files.c: opening, importing and saving files
 *
 * Placeholder so that the window links; the file actions replace it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-window-files"

#include "config.h"

#include "mg-window-private.h"

void
_mg_window_files_class_init (MgWindowClass *klass)
{
}

void
_mg_window_files_init (MgWindow *self)
{
}

void
_mg_window_files_dispose (MgWindow *self)
{
}

void
_mg_window_open_files (MgWindow  *self,
                       GFile    **files,
                       int        n_files)
{
}

gboolean
_mg_window_files_close_request (MgWindow *self)
{
  return FALSE;
}
