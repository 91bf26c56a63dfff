/* fuzz-import-xml.c: libFuzzer target for XML import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

#include "mg-import-xml.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

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
  return 0;
}
