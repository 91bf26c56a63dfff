/* fuzz-dataset.c: libFuzzer target for the dataset reader
 *
 * Any input must load or be refused with an error, never crash, hang or
 * leak; and whatever loads must save and load again to the same bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mg-core.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MgDataset) dataset = NULL;
  g_autoptr(MgDataset) again = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;

  dataset = mg_dataset_load_data ((const char *)data, size, "fuzz.json", &error);
  if (dataset == NULL)
    {
      /* Every refusal names the file. */
      if (error == NULL || strncmp (error->message, "fuzz.json: ", 11) != 0)
        abort ();
      return 0;
    }

  first = mg_dataset_to_bytes (dataset);
  again = mg_dataset_load_data (g_bytes_get_data (first, NULL), g_bytes_get_size (first),
                                "fuzz.json", &error);
  if (again == NULL)
    abort ();
  second = mg_dataset_to_bytes (again);
  if (!g_bytes_equal (first, second))
    abort ();

  return 0;
}
