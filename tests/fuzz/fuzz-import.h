/* fuzz-import.h: what every importer's libFuzzer target checks
 *
 * Each fuzz-import-*.c is its two libFuzzer entry points: one calls
 * fuzz_import_initialize(), the other fuzz_import() with its importer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <glib.h>

#include "mg-document.h"

/* The signature mg_import_html(), mg_import_xml() and mg_import_jsonl()
 * share. */
typedef GPtrArray *(*FuzzImporter) (const char  *data,
                                    gsize        length,
                                    const char  *name,
                                    GPtrArray   *warnings,
                                    GError     **error);

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

/* For LLVMFuzzerInitialize(). */
static inline int
fuzz_import_initialize (void)
{
  g_log_set_writer_func (abort_on_warning, NULL, NULL);
  return 0;
}

/* Runs @importer on the input, under the name @name. */
static inline int
fuzz_import (FuzzImporter   importer,
             const char    *name,
             const uint8_t *data,
             size_t         size)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;

  docs = importer ((const char *) data, size, name, warnings, &error);
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
