/* mg-merge3.h: a three-way merge of datasets, as version control needs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mg-dataset.h"

G_BEGIN_DECLS

/* A document whose merge left something to settle holds a member
 * "conflicts": an array of objects {"id", "kind", "base", "ours", "theirs"}
 * (and "theirs_note" for a note), each naming the annotations involved by
 * their ids in that document. The kinds: */

/* A span changed differently on both sides (label or range): both versions
 * are kept, "ours" under the span's id and "theirs" under a new one. */
#define MG_CONFLICT_CHANGED_BOTH     "changed-both"
/* Our side deleted the span, theirs changed it: "theirs" is kept, "ours" is
 * null. */
#define MG_CONFLICT_DELETED_CHANGED  "deleted-changed"
/* Our side changed the span, theirs deleted it: "ours" is kept, "theirs" is
 * null. */
#define MG_CONFLICT_CHANGED_DELETED  "changed-deleted"
/* Both sides changed the note of one span differently: the span holds our
 * note, "theirs_note" holds theirs; "ours" and "theirs" name that span. */
#define MG_CONFLICT_NOTE_BOTH        "note-both"
/* One side removed the whole document, the other changed it: the changed
 * document is kept; "ours" and "theirs" are null. */
#define MG_CONFLICT_DOCUMENT_DELETED_CHANGED "document-deleted-changed"
#define MG_CONFLICT_DOCUMENT_CHANGED_DELETED "document-changed-deleted"
/* Both sides gave one attribute of a span different values: the span holds
 * ours; "ours" and "theirs" name that span, "attribute" the attribute and
 * "theirs_value" their value (null when they removed it). */
#define MG_CONFLICT_ATTRIBUTE_BOTH   "attribute-both"
/* Both sides gave one document code different values: the document holds
 * ours; "code" names it and "theirs_value" holds theirs; "ours" and
 * "theirs" are null. */
#define MG_CONFLICT_CODE_BOTH        "code-both"

/* The document member that holds the conflicts. */
#define MG_CONFLICTS_MEMBER "conflicts"

MgDataset *mg_merge3_datasets      (MgDataset   *base,
                                    MgDataset   *ours,
                                    MgDataset   *theirs,
                                    GPtrArray   *conflicts,
                                    GPtrArray   *notices,
                                    GError     **error);
JsonArray *mg_document_get_conflicts (MgDocument *document);

G_END_DECLS
