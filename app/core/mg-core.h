/* mg-core.h: everything the window, the tool and the tests use
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mg-annotation.h"
#include "mg-annotation-store.h"
#include "mg-dataset.h"
#include "mg-dataset-io.h"
#include "mg-document.h"
#include "mg-document-status.h"
#include "mg-error.h"
#include "mg-history.h"
#include "mg-label.h"
#include "mg-label-set.h"
#include "mg-relation.h"
#include "mg-scheme.h"
#include "mg-scheme-io.h"
#include "mg-span-edges.h"
#include "mg-text-index.h"
#include "mg-text-search.h"
#include "mg-types.h"
