/* fuzz-import-html.c: libFuzzer target for HTML import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

#include "mg-import-html.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;

  docs = mg_import_html ((const char *) data, size, "fuzz.html", warnings, &error);
  /* Exactly one of a result and an error. */
  if ((docs == NULL) == (error == NULL))
    __builtin_trap ();
  return 0;
}
