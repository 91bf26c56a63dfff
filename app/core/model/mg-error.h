/* mg-error.h: the core's error domain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MG_ERROR (mg_error_quark ())

typedef enum
{
  MG_ERROR_INVALID,      /* the input breaks the format or an invariant */
  MG_ERROR_UNSUPPORTED,  /* a version or encoding this build does not know */
  MG_ERROR_TOO_LARGE,    /* past a size or nesting bound */
  MG_ERROR_BINARY,       /* input that is not text */
  MG_ERROR_EMPTY,        /* nothing to import */
  MG_ERROR_DUPLICATE,    /* an annotation with the same label and range is there */
} MgError;

/* Cancelled work reports G_IO_ERROR_CANCELLED, as GTask and GCancellable
 * do everywhere in GIO. */

GQuark mg_error_quark (void);

G_END_DECLS
