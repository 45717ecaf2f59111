/* xa-hazard-writer-grams.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The grams of the hazards a writer stores (xa-hazard-writer.c), in hazard_gram for the
 * ledger's search (xa-hazard-book-query.c): those of one hazard at once, as its form
 * saves it, or those of many kept and written once in the index's order.
 */

#include "config.h"

#include <string.h>

#include "xa-hazard-writer-private.h"

/* A new hazard waiting for _xa_hazard_writer_flush_grams() to index it under a gram:
 * 32 bits each, as the demo's one write keeps 29 million of them (a hazard whose ids
 * do not fit is indexed at once). */
typedef struct
{
  guint32     hazard_id;
  guint32     organisation_id;
} PendingGram;

#define FITS_PENDING(id) ((id) >= 0 && (id) <= G_MAXUINT32)

/* The first block of a gram's hazards, and the largest: each block has twice the room
 * of the one before. */
#define PENDING_BLOCK_MIN 16
#define PENDING_BLOCK_MAX 8192

typedef struct
{
  guint       n;
  guint       room;
  PendingGram hazards[];
} PendingBlock;

/* The hazards of one gram, in blocks that are never moved to grow: a gram of a million
 * hazards in one array grown by realloc() was copied twenty times, each time after
 * the allocator gathered its free blocks (2.6 s of the thread that writes the demo's
 * million). */
typedef struct
{
  GPtrArray  *blocks;
} PendingHazards;

static void
pending_hazards_free (gpointer data)
{
  PendingHazards *pending = data;

  g_ptr_array_unref (pending->blocks);
  g_free (pending);
}

static void
pending_hazards_add (PendingHazards    *pending,
                     const PendingGram *hazard)
{
  PendingBlock *block = pending->blocks->len > 0
                        ? g_ptr_array_index (pending->blocks, pending->blocks->len - 1) : NULL;

  if (block == NULL || block->n == block->room)
    {
      guint room = block == NULL ? PENDING_BLOCK_MIN : MIN (block->room * 2, PENDING_BLOCK_MAX);

      block = g_malloc (sizeof (PendingBlock) + room * sizeof (PendingGram));
      block->n = 0;
      block->room = room;
      g_ptr_array_add (pending->blocks, block);
    }
  block->hazards[block->n++] = *hazard;
}

void
_xa_hazard_writer_clear_grams (XaHazardWriter *writer)
{
  for (guint i = 0; i <= GRAMS_PER_STATEMENT; i++)
    {
      g_clear_pointer (&writer->insert_grams[i], xa_statement_free);
      g_clear_pointer (&writer->delete_grams[i], xa_statement_free);
    }
  g_clear_pointer (&writer->pending_grams, g_hash_table_unref);
}

/* The grams of a hazard just inserted: kept until the flush when the writer defers
 * them, else written at once. */
gboolean
_xa_hazard_writer_add_grams (XaHazardWriter  *writer,
                             gint64           id,
                             gint64           organisation_id,
                             GPtrArray       *grams,
                             GError         **error)
{
  if (writer->pending_grams != NULL && FITS_PENDING (id) && FITS_PENDING (organisation_id))
    {
      PendingGram pending = { (guint32) id, (guint32) organisation_id };

      for (guint i = 0; i < grams->len; i++)
        {
          PendingHazards *hazards = g_hash_table_lookup (writer->pending_grams, grams->pdata[i]);

          if (hazards == NULL)
            {
              hazards = g_new0 (PendingHazards, 1);
              hazards->blocks = g_ptr_array_new_with_free_func (g_free);
              g_hash_table_insert (writer->pending_grams, g_strdup (grams->pdata[i]), hazards);
            }
          pending_hazards_add (hazards, &pending);
        }
      return TRUE;
    }

  return _xa_hazard_writer_index (writer, id, organisation_id, NULL, grams, error);
}

/**
 * _xa_hazard_writer_defer_grams:
 *
 * Keeps the grams of the hazards that _xa_hazard_writer_insert() stores from now on
 * until _xa_hazard_writer_flush_grams(), which must follow in the same write. Inserted
 * hazard by hazard, each gram lands in another part of hazard_gram's index; the grams
 * of many hazards in the index's order fill its pages one after the other (at a
 * million hazards, six times less work for the same rows), and all of them at once
 * write each page once.
 */
void
_xa_hazard_writer_defer_grams (XaHazardWriter *writer)
{
  if (writer->pending_grams != NULL)
    return;

  writer->pending_grams = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 pending_hazards_free);
}

/* hazard_gram's key, in SQLite's BINARY order and PostgreSQL's "C": the bytes'. */
static int
compare_grams (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Where _xa_hazard_writer_flush_grams() is in the grams it writes. */
typedef struct
{
  GHashTable      *pending_grams;
  gpointer        *grams;        /* in the index's order */
  guint            n_grams;
  guint            gram;         /* the one being written, n_grams before the first */
  gsize            size;         /* its length */
  PendingHazards  *hazards;      /* its hazards, in the order they came */
  guint            block;        /* where the next one of them is */
  guint            hazard;
  guint64          n_rows;       /* given so far */
} FlushedGrams;

/* One row of hazard_gram after the other, in the index's order. */
static gboolean
next_gram_row (XaRowValue *values,
               gpointer    user_data)
{
  FlushedGrams *flushed = user_data;
  PendingBlock *block;
  const PendingGram *pending;

  for (;;)
    {
      if (flushed->hazards != NULL && flushed->block < flushed->hazards->blocks->len)
        {
          block = g_ptr_array_index (flushed->hazards->blocks, flushed->block);
          if (flushed->hazard < block->n)
            break;
          flushed->block++;
          flushed->hazard = 0;
          continue;
        }

      /* The next gram */
      flushed->gram = flushed->hazards == NULL ? 0 : flushed->gram + 1;
      if (flushed->gram == flushed->n_grams)
        return FALSE;
      flushed->hazards = g_hash_table_lookup (flushed->pending_grams, flushed->grams[flushed->gram]);
      flushed->size = strlen (flushed->grams[flushed->gram]);
      flushed->block = 0;
      flushed->hazard = 0;
    }

  pending = &block->hazards[flushed->hazard++];
  flushed->n_rows++;
  values[0] = (XaRowValue) { .text = flushed->grams[flushed->gram], .size = flushed->size };
  values[1] = (XaRowValue) { .integer = pending->hazard_id };
  values[2] = (XaRowValue) { .integer = pending->organisation_id };
  return TRUE;
}

/**
 * _xa_hazard_writer_flush_grams:
 *
 * Writes the grams that _xa_hazard_writer_defer_grams() kept, in hazard_gram's order.
 */
gboolean
_xa_hazard_writer_flush_grams (XaHazardWriter  *writer,
                               GError         **error)
{
  static const char * const columns[] = { "gram", "hazard_id", "organisation_id", NULL };
  g_autofree gpointer *grams = NULL;
  FlushedGrams flushed = { 0 };

  if (writer->pending_grams == NULL)
    return TRUE;

  /* The grams in order, each with its hazards in the order they were inserted, which
   * is their ids': no sort of every row, only of the few thousand words' grams. Rows
   * out of the index's order would go in as well, only slower. */
  grams = g_hash_table_get_keys_as_array (writer->pending_grams, &flushed.n_grams);
  qsort (grams, flushed.n_grams, sizeof (gpointer), compare_grams);
  flushed.pending_grams = writer->pending_grams;
  flushed.grams = grams;
  if (flushed.n_grams > 0 &&
      !xa_store_insert_rows (writer->store, "hazard_gram", columns, next_gram_row, &flushed, error))
    return FALSE;

  writer->n_flushed_rows += flushed.n_rows;
  writer->n_flushed_grams += flushed.n_grams;
  writer->n_flushes++;
  g_hash_table_remove_all (writer->pending_grams);
  return TRUE;
}

/**
 * _xa_hazard_writer_dup_gram_stat:
 *
 * What SQLite's ANALYZE would record in sqlite_stat1 for hazard_gram's key after the
 * grams that one _xa_hazard_writer_flush_grams() wrote into an empty table: the rows, then
 * the rows per gram, then per gram and hazard (one), rounded as analyze.c rounds them.
 * At a million hazards ANALYZE reads the table's 29 million rows again for this.
 *
 * Returns: (transfer full) (nullable): the stat, or %NULL unless one flush wrote rows
 *   (the grams of several are not known apart)
 */
char *
_xa_hazard_writer_dup_gram_stat (XaHazardWriter *writer)
{
  guint64 rows = writer->n_flushed_rows;
  guint64 per_gram;

  if (rows == 0 || writer->n_flushes != 1)
    return NULL;

  per_gram = (rows + writer->n_flushed_grams - 1) / writer->n_flushed_grams;
  if (per_gram == 2 && rows * 10 <= writer->n_flushed_grams * 11)
    per_gram = 1;
  return g_strdup_printf ("%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " 1", rows, per_gram);
}

/* @grams not in @others, borrowed. */
static GPtrArray *
grams_not_in (GPtrArray *grams,
              GPtrArray *others)
{
  g_autoptr(GHashTable) other_set = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *kept = g_ptr_array_new ();

  for (guint i = 0; others != NULL && i < others->len; i++)
    g_hash_table_add (other_set, others->pdata[i]);
  for (guint i = 0; grams != NULL && i < grams->len; i++)
    {
      if (!g_hash_table_contains (other_set, grams->pdata[i]))
        g_ptr_array_add (kept, grams->pdata[i]);
    }

  return kept;
}

/* The statement that inserts (or deletes) @n grams of a hazard: parameters 1 and 2 the
 * hazard and its school, the grams from 3 on. One of each size is prepared in a write. */
static XaStatement *
grams_statement (XaHazardWriter  *writer,
                 gboolean         insert,
                 guint            n,
                 GError         **error)
{
  XaStatement **slot = insert ? &writer->insert_grams[n] : &writer->delete_grams[n];
  g_autoptr(GString) sql = NULL;

  if (*slot != NULL)
    return *slot;

  if (insert)
    {
      sql = g_string_new ("INSERT INTO hazard_gram (gram, hazard_id, organisation_id) VALUES ");
      for (guint i = 0; i < n; i++)
        g_string_append_printf (sql, "%s(?%u, ?1, ?2)", i > 0 ? ", " : "", i + 3);
    }
  else
    {
      sql = g_string_new ("DELETE FROM hazard_gram WHERE hazard_id = ?1 AND organisation_id = ?2 AND gram IN (");
      for (guint i = 0; i < n; i++)
        g_string_append_printf (sql, "%s?%u", i > 0 ? ", " : "", i + 3);
      g_string_append (sql, ")");
    }

  *slot = xa_store_prepare (writer->store, sql->str, error);
  return *slot;
}

/* Inserts or deletes @grams of a hazard, GRAMS_PER_STATEMENT at a time. */
static gboolean
run_by_chunks (XaHazardWriter  *writer,
               gboolean         insert,
               gint64           hazard_id,
               gint64           organisation_id,
               GPtrArray       *grams,
               GError         **error)
{
  for (guint start = 0; start < grams->len; start += GRAMS_PER_STATEMENT)
    {
      guint n = MIN (GRAMS_PER_STATEMENT, grams->len - start);
      XaStatement *stmt = grams_statement (writer, insert, n, error);

      if (stmt == NULL)
        return FALSE;

      xa_statement_reset (stmt);
      xa_statement_bind_int64 (stmt, 1, hazard_id);
      xa_statement_bind_int64 (stmt, 2, organisation_id);
      for (guint i = 0; i < n; i++)
        xa_statement_bind_text (stmt, 3 + (int) i, grams->pdata[start + i]);
      if (!xa_statement_run (stmt, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * _xa_hazard_writer_index:
 * @old_grams: (nullable): the grams the hazard had, or %NULL for a new one
 * @grams: the grams it has now
 *
 * Brings the hazard's grams in hazard_gram from @old_grams to @grams.
 */
gboolean
_xa_hazard_writer_index (XaHazardWriter  *writer,
                         gint64           hazard_id,
                         gint64           organisation_id,
                         GPtrArray       *old_grams,
                         GPtrArray       *grams,
                         GError         **error)
{
  g_autoptr(GPtrArray) gone = grams_not_in (old_grams, grams);
  g_autoptr(GPtrArray) added = grams_not_in (grams, old_grams);

  return run_by_chunks (writer, FALSE, hazard_id, organisation_id, gone, error) &&
         run_by_chunks (writer, TRUE, hazard_id, organisation_id, added, error);
}
