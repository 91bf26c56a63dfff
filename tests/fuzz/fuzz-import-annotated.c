/* fuzz-import-annotated.c: libFuzzer target for annotated data import
 *
 * The first byte picks the format and the unit of offsets; the rest is
 * the file. A mapping and a label set are given, and W3C gets one text,
 * so every path of the importers is reachable.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "mg-import.h"

#include "fuzz-import.h"

static MgImportFormat format;
static MgImportOptions *options;

static GPtrArray *
import_annotated (const char  *data,
                  gsize        length,
                  const char  *name,
                  GPtrArray   *warnings,
                  GError     **error)
{
  return mg_import_data_full (data, length, name, format, options, warnings, error);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(MgDataset) texts = mg_dataset_new ();
  g_autoptr(MgLabelSet) labels = mg_label_set_new_default ();
  g_autoptr(MgDocument) text = mg_document_new ("t", "Ana said \xF0\x9F\x9A\xA2 yes.\nNo.", -1);

  mg_dataset_add_document (texts, text);
  options = mg_import_options_new ();
  mg_import_options_set_map (options, "Source=actor,Content=quote", NULL);
  mg_import_options_set_labels (options, labels);
  mg_import_options_set_texts (options, texts);
  return fuzz_import_initialize ();
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const MgImportFormat formats[] = {
    MG_IMPORT_AUTO, MG_IMPORT_DOCCANO, MG_IMPORT_LABEL_STUDIO, MG_IMPORT_W3C,
    MG_IMPORT_CONLL, MG_IMPORT_JSONL_EXPORT,
  };

  if (size == 0)
    return 0;
  format = formats[data[0] % G_N_ELEMENTS (formats)];
  mg_import_options_set_offsets (options, (data[0] / 8) % 2 ? MG_IMPORT_OFFSETS_UTF16
                                                             : MG_IMPORT_OFFSETS_CODEPOINT);
  mg_import_options_set_unmapped (options, (MgImportUnmapped)((data[0] / 16) % 3));
  return fuzz_import (import_annotated, "fuzz.json", data + 1, size - 1);
}
