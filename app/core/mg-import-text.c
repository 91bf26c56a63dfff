/* mg-import-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-import-text"

#include "config.h"

#include <glib/gi18n.h>

#include "mg-document.h"
#include "mg-error.h"
#include "mg-import.h"
#include "mg-import-text.h"

GPtrArray *
mg_import_text (const char  *data,
                gsize        n_bytes,
                const char  *name,
                GPtrArray   *warnings,
                GError     **error)
{
  g_autoptr(GPtrArray) documents = NULL;
  g_autofree char *id = NULL;
  g_autofree char *base = NULL;
  MgDocument *document;

  g_return_val_if_fail (name != NULL, NULL);

  if (!g_utf8_validate (data, n_bytes, NULL))
    {
      g_set_error (error, MG_ERROR, MG_ERROR_UNSUPPORTED,
                   _("%s: not UTF-8"), name);
      return NULL;
    }

  id = mg_import_id_from_name (name);
  base = mg_import_base_name (name);
  document = mg_document_new (id, data, n_bytes);
  mg_document_set_source_path (document, base);
  mg_document_set_media_type (document, "text/plain");

  documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (documents, document);

  return g_steal_pointer (&documents);
}
