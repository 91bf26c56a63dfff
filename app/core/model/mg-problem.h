/* mg-problem.h: one line per problem found in a dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "mg-document.h"

G_BEGIN_DECLS

void mg_problem_add (GPtrArray  *problems,
                     const char *name,
                     MgDocument *document,
                     const char *where,
                     const char *format,
                     ...) G_GNUC_PRINTF (5, 6);

G_END_DECLS
