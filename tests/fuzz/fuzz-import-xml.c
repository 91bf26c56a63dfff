/* fuzz-import-xml.c: libFuzzer target for XML import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "mg-import-xml.h"

#include "fuzz-import.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  return fuzz_import_initialize ();
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  return fuzz_import (mg_import_xml, "fuzz.xml", data, size);
}
