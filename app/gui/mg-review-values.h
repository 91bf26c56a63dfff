/* mg-review-values.h: values of attributes and document codes in words,
 * for the rows of a review and of a merge's conflicts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "mg-core.h"

G_BEGIN_DECLS

char *mg_review_values_line (MgScheme   *scheme,
                             const char *label,
                             const char *id,
                             const char *mine,
                             const char *my_name,
                             const char *theirs,
                             const char *their_name);

G_END_DECLS
