/* mg-application.h: the Marginalia application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mg-core.h"

G_BEGIN_DECLS

#define MG_TYPE_APPLICATION (mg_application_get_type ())

G_DECLARE_FINAL_TYPE (MgApplication, mg_application, MG, APPLICATION, AdwApplication)

MgApplication *mg_application_new          (void);
GSettings     *mg_application_get_settings (MgApplication *self);
MgDocument    *mg_application_load_sample  (void);

G_END_DECLS
