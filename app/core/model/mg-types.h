/* mg-types.h: forward declarations shared by the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _MgAnnotation      MgAnnotation;
typedef struct _MgAnnotationStore MgAnnotationStore;
typedef struct _MgDataset         MgDataset;
typedef struct _MgDocument        MgDocument;
typedef struct _MgHistory         MgHistory;
typedef struct _MgLabel           MgLabel;
typedef struct _MgLabelSet        MgLabelSet;
typedef struct _MgRelation        MgRelation;
typedef struct _MgScheme          MgScheme;

/* The one relation type the format defines today. */
#define MG_RELATION_ATTRIBUTED_TO "attributed-to"

/* Only version of the dataset format this build reads and writes. */
#define MG_DATASET_FORMAT  "marginalia-dataset"
#define MG_DATASET_VERSION 1

G_END_DECLS
