/* xa-hazard-writer-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the two halves of the hazard writer share: xa-hazard-writer.c writes the rows,
 * xa-hazard-writer-grams.c the grams.
 */

#pragma once

#include "xa-hazard-book-private.h"

G_BEGIN_DECLS

/* At most how many grams one INSERT or DELETE of hazard_gram takes. */
#define GRAMS_PER_STATEMENT 16

struct _XaHazardWriter
{
  XaStore     *store;
  XaStatement *insert;
  XaStatement *insert_step;
  /* By how many grams they take, 1 to GRAMS_PER_STATEMENT */
  XaStatement *insert_grams[GRAMS_PER_STATEMENT + 1];
  XaStatement *delete_grams[GRAMS_PER_STATEMENT + 1];
  /* With _xa_hazard_writer_defer_grams(): the new hazards of each gram (gram →
   * PendingHazards), written in the index's order by _xa_hazard_writer_flush_grams() */
  GHashTable  *pending_grams;
  char        *now;
  /* With _xa_hazard_writer_image_inserts(): the audit image of each hazard inserted is
   * taken from its values (xa-hazard-image.c) */
  gboolean     image_inserts;
  /* What _xa_hazard_writer_flush_grams() wrote, in all, and how many times */
  guint64      n_flushed_rows;
  guint64      n_flushed_grams;
  guint        n_flushes;
};

void     _xa_hazard_writer_clear_grams (XaHazardWriter  *writer);
gboolean _xa_hazard_writer_add_grams   (XaHazardWriter  *writer,
                                        gint64           id,
                                        gint64           organisation_id,
                                        GPtrArray       *grams,
                                        GError         **error);

G_END_DECLS
