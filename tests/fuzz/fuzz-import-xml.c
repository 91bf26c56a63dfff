/* fuzz-import-xml.c: libFuzzer target for XML import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <glib.h>

#include "mg-document.h"
#include "mg-import-xml.h"

int LLVMFuzzerInitialize   (int           *argc,
                            char        ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* A critical or warning is a finding too: it means a check refused what
 * an importer handed it. abort() rather than GLib's fatal warnings, whose
 * SIGTRAP libFuzzer does not catch, so the input is saved. */
static GLogWriterOutput
abort_on_warning (GLogLevelFlags   log_level,
                  const GLogField *fields,
                  gsize            n_fields,
                  gpointer         user_data)
{
  if (!(log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING)))
    return G_LOG_WRITER_HANDLED;
  g_log_writer_standard_streams (log_level, fields, n_fields, user_data);
  abort ();
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_writer_func (abort_on_warning, NULL, NULL);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;

  docs = mg_import_xml ((const char *) data, size, "fuzz.xml", warnings, &error);
  /* Exactly one of a result and an error. */
  if ((docs == NULL) == (error == NULL))
    __builtin_trap ();
  /* Every document holds valid UTF-8 (mg_document_new() refuses the rest
   * with a critical, which would leave a NULL in the array). */
  for (guint i = 0; docs != NULL && i < docs->len; i++)
    {
      MgDocument *doc = docs->pdata[i];

      if (doc == NULL || !g_utf8_validate (mg_document_get_text (doc), -1, NULL))
        __builtin_trap ();
    }
  return 0;
}
