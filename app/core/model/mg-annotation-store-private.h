/* mg-annotation-store-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mg-annotation-store.h"
#include "mg-text-index.h"

G_BEGIN_DECLS

MgAnnotationStore *_mg_annotation_store_new (MgTextIndex *text);

G_END_DECLS
