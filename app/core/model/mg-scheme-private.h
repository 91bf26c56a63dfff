/* mg-scheme-private.h: what mg-scheme-check.c reads of a scheme
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mg-scheme.h"

G_BEGIN_DECLS

/* The members as the dataset gave them, unknown members of theirs kept. */
JsonNode *_mg_scheme_get_relation_types_node (MgScheme *self);
JsonNode *_mg_scheme_get_document_codes_node (MgScheme *self);

G_END_DECLS
