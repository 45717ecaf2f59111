/* xa-hazard-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A hazard as the store keeps it (xa-store-schema.c step 10): one row of `hazard` whose
 * columns are named by xa_hazard_field_to_key(), the steps of its history as rows of
 * `hazard_step`, and the grams of its place and description in `hazard_gram` for the
 * ledger's search. The column lists are made from the fields' table once, so that a
 * column added to XaHazard is read and written everywhere by adding it to the schema.
 * Texts without a value are NULL; keys, never labels, are stored for the typed columns.
 */

#include "config.h"

#include <string.h>

#include "xa-hazard-book-private.h"
#include "core/util/xa-grams.h"
#include "core/util/xa-list-sync.h"

/* At most how many grams one INSERT or DELETE of hazard_gram takes. */
#define GRAMS_PER_STATEMENT 16

/* The column that holds @field, or NULL for the two a hazard takes from elsewhere. */
static const char *
column_of (XaHazardField field)
{
  switch ((guint) field)
    {
    case XA_HAZARD_FIELD_SCHOOL_UUID:
      return NULL;
    default:
      return xa_hazard_field_to_key (field);
    }
}

/**
 * _xa_hazard_row_columns:
 *
 * Column 0 is the row's id; column 1 + f holds the field f (the school's UUID from the
 * organisation); then the row's version.
 *
 * Returns: the select list
 */
const char *
_xa_hazard_row_columns (void)
{
  static char *columns = NULL;

  if (g_once_init_enter (&columns))
    {
      GString *list = g_string_new ("h.id");

      for (XaHazardField field = 0; field < XA_HAZARD_FIELD_NONE; field++)
        {
          const char *column = column_of (field);

          if (column != NULL)
            g_string_append_printf (list, ", h.%s", column);
          else
            g_string_append (list, ", o.uuid");
        }
      g_string_append (list, ", h.version");

      g_once_init_leave (&columns, g_string_free (list, FALSE));
    }

  return columns;
}

/* A typed column's key read back; a key this version does not know (a grade that a
 * later version configured) keeps the hazard's default and says so in the log. */
static void
read_typed (XaHazard      *hazard,
            XaHazardField  field,
            const char    *key)
{
  int value = 0;
  gboolean known;

  switch ((guint) field)
    {
    case XA_HAZARD_FIELD_INSPECTION_TYPE:
      if ((known = xa_inspection_type_from_key (key, (XaInspectionType *) &value)))
        xa_hazard_set_inspection_type (hazard, value);
      break;
    case XA_HAZARD_FIELD_CATEGORY:
      if ((known = xa_hazard_category_from_key (key, (XaHazardCategory *) &value)))
        xa_hazard_set_category (hazard, value);
      break;
    case XA_HAZARD_FIELD_GRADE:
      if ((known = xa_hazard_grade_from_key (key, (XaHazardGrade *) &value)))
        xa_hazard_set_grade (hazard, value);
      break;
    case XA_HAZARD_FIELD_REINSPECTION_RESULT:
      if ((known = xa_reinspection_result_from_key (key, (XaReinspectionResult *) &value)))
        _xa_hazard_set_reinspection_result (hazard, value);
      break;
    case XA_HAZARD_FIELD_STATE:
      if ((known = xa_hazard_state_from_key (key, (XaHazardState *) &value)))
        _xa_hazard_set_state (hazard, value);
      break;
    default:
      g_assert_not_reached ();
    }

  if (!known)
    g_warning ("Hazard %s: unknown %s “%s”", xa_hazard_get_number (hazard),
               xa_hazard_field_to_key (field), key);
}

/**
 * _xa_hazard_row_read:
 * @stmt: a row of _xa_hazard_row_columns()
 * @id: (out) (optional): the row's id
 *
 * Returns: (transfer full): the hazard, without its history
 */
XaHazard *
_xa_hazard_row_read (XaStatement *stmt,
                     gint64      *id)
{
  XaHazard *hazard = g_object_new (XA_TYPE_HAZARD, NULL);

  if (id != NULL)
    *id = xa_statement_get_int64 (stmt, 0);

  for (XaHazardField field = 0; field < XA_HAZARD_FIELD_NONE; field++)
    {
      int column = 1 + (int) field;

      switch ((guint) field)
        {
        case XA_HAZARD_FIELD_SCHOOL_YEAR:
          xa_hazard_set_school_year (hazard, xa_statement_get_int (stmt, column));
          break;
        case XA_HAZARD_FIELD_REPORTED:
          xa_hazard_set_reported (hazard, xa_statement_get_int (stmt, column) != 0);
          break;
        case XA_HAZARD_FIELD_SUPERVISED:
          xa_hazard_set_supervised (hazard, xa_statement_get_int (stmt, column) != 0);
          break;
        case XA_HAZARD_FIELD_INSPECTION_TYPE:
        case XA_HAZARD_FIELD_CATEGORY:
        case XA_HAZARD_FIELD_GRADE:
        case XA_HAZARD_FIELD_REINSPECTION_RESULT:
        case XA_HAZARD_FIELD_STATE:
          read_typed (hazard, field, xa_statement_get_text (stmt, column));
          break;
        default:
          xa_hazard_set_text (hazard, field, xa_statement_get_text_or_null (stmt, column));
        }
    }

  _xa_hazard_set_row_version (hazard, (guint) xa_statement_get_int (stmt, 1 + XA_HAZARD_FIELD_NONE));
  return hazard;
}

/**
 * _xa_hazard_row_read_history:
 * @hazards: (element-type XaHazard): hazards read without their history
 * @ids: (element-type gint64): their rows' ids, in the same order
 *
 * Reads the steps of every hazard of @hazards, a few statements whatever their number.
 */
gboolean
_xa_hazard_row_read_history (XaStore    *store,
                             GPtrArray  *hazards,
                             GArray     *ids,
                             GError    **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  const guint chunk = 200;

  g_return_val_if_fail (hazards->len == ids->len, FALSE);

  for (guint i = 0; i < ids->len; i++)
    g_hash_table_insert (by_id, &g_array_index (ids, gint64, i), g_ptr_array_index (hazards, i));

  for (guint start = 0; start < ids->len; start += chunk)
    {
      guint n = MIN (chunk, ids->len - start);
      g_autofree char *placeholders = xa_sql_placeholders (n);
      g_autofree char *sql = NULL;
      g_autoptr(XaStatement) stmt = NULL;
      XaStep step;

      sql = g_strdup_printf ("SELECT hazard_id, step, from_state, to_state, who, at, date, note"
                             " FROM hazard_step WHERE hazard_id IN (%s) ORDER BY hazard_id, position",
                             placeholders);
      if (!(stmt = xa_store_prepare (store, sql, error)))
        return FALSE;
      for (guint i = 0; i < n; i++)
        xa_statement_bind_int64 (stmt, i + 1, g_array_index (ids, gint64, start + i));

      while ((step = xa_statement_step (stmt, error)) == XA_STEP_ROW)
        {
          gint64 id = xa_statement_get_int64 (stmt, 0);
          XaHazard *hazard = g_hash_table_lookup (by_id, &id);
          XaHazardEntry *entry = xa_hazard_entry_new ();

          if (!xa_hazard_step_from_key (xa_statement_get_text (stmt, 1), &entry->step) ||
              !xa_hazard_state_from_key (xa_statement_get_text (stmt, 2), &entry->from) ||
              !xa_hazard_state_from_key (xa_statement_get_text (stmt, 3), &entry->to))
            g_warning ("Hazard %s: a step of an unknown kind", xa_hazard_get_number (hazard));
          entry->who = g_strdup (xa_statement_get_text (stmt, 4));
          entry->at = g_strdup (xa_statement_get_text (stmt, 5));
          entry->date = g_strdup (xa_statement_get_text_or_null (stmt, 6));
          entry->note = g_strdup (xa_statement_get_text_or_null (stmt, 7));
          g_ptr_array_add (_xa_hazard_get_history (hazard), entry);
        }

      if (step == XA_STEP_ERROR)
        return FALSE;
    }

  return TRUE;
}

/**
 * _xa_hazard_row_dup:
 * @where: the condition on `h`, with one parameter
 * @value: the parameter
 * @id: (out) (optional): the row's id
 *
 * Reads one hazard with its history. Call inside a read or a write.
 *
 * Returns: (transfer full) (nullable): the hazard; %NULL without @error set when no row
 *   meets @where
 */
XaHazard *
_xa_hazard_row_dup (XaStore     *store,
                    const char  *where,
                    const char  *value,
                    gint64      *id,
                    GError     **error)
{
  g_autofree char *sql = g_strconcat ("SELECT ", _xa_hazard_row_columns (), XA_HAZARD_ROW_FROM,
                                      " WHERE ", where, NULL);
  g_autoptr(XaStatement) stmt = NULL;
  g_autoptr(XaHazard) hazard = NULL;
  g_autoptr(GPtrArray) hazards = NULL;
  g_autoptr(GArray) ids = NULL;
  gint64 row_id = 0;

  if (!(stmt = xa_store_prepare (store, sql, error)))
    return NULL;
  xa_statement_bind_text (stmt, 1, value);

  switch (xa_statement_step (stmt, error))
    {
    case XA_STEP_ROW:
      hazard = _xa_hazard_row_read (stmt, &row_id);
      break;
    case XA_STEP_DONE:
      return NULL;
    case XA_STEP_ERROR:
    default:
      return NULL;
    }

  hazards = g_ptr_array_new ();
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_ptr_array_add (hazards, hazard);
  g_array_append_val (ids, row_id);
  if (!_xa_hazard_row_read_history (store, hazards, ids, error))
    return NULL;

  if (id != NULL)
    *id = row_id;
  return g_steal_pointer (&hazard);
}

/* Adds to @grams, which @seen indexes, the grams of @text's words (its runs of letters
 * and digits) that are not there yet: copies, or with @memo its own, one pointer for
 * each gram, which are sought among the few dozen of @grams (no @seen). */
static void
add_text_grams (GPtrArray  *grams,
                GHashTable *seen,
                XaGramMemo *memo,
                const char *text)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *start;
      g_autoptr(GPtrArray) word_grams = NULL;

      while (*p != '\0' && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p == start)
        continue;

      if (memo != NULL)
        {
          GPtrArray *known = xa_gram_memo_for_word (memo, start, p - start);

          for (guint i = 0; i < known->len; i++)
            {
              guint j = 0;

              while (j < grams->len && grams->pdata[j] != known->pdata[i])
                j++;
              if (j == grams->len)
                g_ptr_array_add (grams, known->pdata[i]);
            }
          continue;
        }

      {
        g_autofree char *word = g_strndup (start, p - start);

        word_grams = xa_grams_for_text (word);
      }
      for (guint i = 0; i < word_grams->len; i++)
        {
          if (!g_hash_table_contains (seen, word_grams->pdata[i]))
            {
              /* Taken from the word's, not copied. */
              char *gram = g_steal_pointer (&word_grams->pdata[i]);

              g_ptr_array_add (grams, gram);
              g_hash_table_add (seen, gram);
            }
        }
    }
}

/**
 * _xa_hazard_row_grams:
 * @memo: (nullable): the grams of words met before, for a run over many hazards
 *
 * The search (xa-hazard-book-query.c) finds a term of one or two characters by one
 * gram: exactly the hazards whose place or description holds it within a word, as
 * instr() would, folded as xa_grams_normalise() folds (全角 Ａ as A, case).
 *
 * Returns: (transfer container) (element-type utf8): the grams of the place and
 *   description: copies that the array frees, or with @memo the memo's own
 */
GPtrArray *
_xa_hazard_row_grams (XaHazard   *hazard,
                      XaGramMemo *memo)
{
  g_autoptr(GHashTable) seen = memo != NULL ? NULL : g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *grams = memo != NULL ? g_ptr_array_sized_new (48) : g_ptr_array_new_with_free_func (g_free);

  add_text_grams (grams, seen, memo, xa_hazard_get_text (hazard, XA_HAZARD_FIELD_PLACE));
  add_text_grams (grams, seen, memo, xa_hazard_get_text (hazard, XA_HAZARD_FIELD_DESCRIPTION));
  return grams;
}

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

/**
 * _xa_hazard_writer_new:
 *
 * Returns: (transfer full): a writer for the write under way, whose statements are
 *   prepared when first used
 */
XaHazardWriter *
_xa_hazard_writer_new (XaStore *store)
{
  XaHazardWriter *writer = g_new0 (XaHazardWriter, 1);

  writer->store = store;
  writer->now = xa_date_now_iso8601 ();
  return writer;
}

void
_xa_hazard_writer_free (XaHazardWriter *writer)
{
  if (writer == NULL)
    return;

  g_clear_pointer (&writer->insert, xa_statement_free);
  g_clear_pointer (&writer->insert_step, xa_statement_free);
  for (guint i = 0; i <= GRAMS_PER_STATEMENT; i++)
    {
      g_clear_pointer (&writer->insert_grams[i], xa_statement_free);
      g_clear_pointer (&writer->delete_grams[i], xa_statement_free);
    }
  g_clear_pointer (&writer->pending_grams, g_hash_table_unref);
  g_free (writer->now);
  g_free (writer);
}

/* On SQLite without RETURNING, which makes the INSERT fill and read a table of its
 * own each time: the id is the connection's last rowid. */
static char *
insert_sql (gboolean returning)
{
  g_autoptr(GString) columns = g_string_new ("organisation_id, sequence");
  g_autoptr(GString) values = g_string_new ("?, ?");

  for (XaHazardField field = 0; field < XA_HAZARD_FIELD_NONE; field++)
    {
      if (column_of (field) == NULL)
        continue;
      g_string_append_printf (columns, ", %s", column_of (field));
      g_string_append (values, ", ?");
    }
  g_string_append (columns, ", version, created_at, created_by, updated_at, updated_by");
  g_string_append (values, ", 1, ?, ?, ?, ?");

  return g_strdup_printf ("INSERT INTO hazard (%s) VALUES (%s)%s", columns->str, values->str,
                          returning ? " RETURNING id" : "");
}

/**
 * _xa_hazard_row_bind_field:
 *
 * Binds the value of @field at @index, as the store keeps it.
 */
void
_xa_hazard_row_bind_field (XaStatement   *stmt,
                           int            index,
                           XaHazard      *hazard,
                           XaHazardField  field)
{
  switch ((guint) field)
    {
    case XA_HAZARD_FIELD_SCHOOL_YEAR:
      xa_statement_bind_int (stmt, index, xa_hazard_get_school_year (hazard));
      break;
    case XA_HAZARD_FIELD_REPORTED:
      xa_statement_bind_int (stmt, index, xa_hazard_get_reported (hazard));
      break;
    case XA_HAZARD_FIELD_SUPERVISED:
      xa_statement_bind_int (stmt, index, xa_hazard_get_supervised (hazard));
      break;
    case XA_HAZARD_FIELD_INSPECTION_TYPE:
      xa_statement_bind_text (stmt, index, xa_inspection_type_to_key (xa_hazard_get_inspection_type (hazard)));
      break;
    case XA_HAZARD_FIELD_CATEGORY:
      xa_statement_bind_text (stmt, index, xa_hazard_category_to_key (xa_hazard_get_category (hazard)));
      break;
    case XA_HAZARD_FIELD_GRADE:
      xa_statement_bind_text (stmt, index, xa_hazard_grade_to_key (xa_hazard_get_grade (hazard)));
      break;
    case XA_HAZARD_FIELD_REINSPECTION_RESULT:
      xa_statement_bind_text (stmt, index,
                              xa_reinspection_result_to_key (xa_hazard_get_reinspection_result (hazard)));
      break;
    case XA_HAZARD_FIELD_STATE:
      xa_statement_bind_text (stmt, index, xa_hazard_state_to_key (xa_hazard_get_state (hazard)));
      break;
    default:
      {
        const char *text = xa_hazard_get_text (hazard, field);

        /* The hazard outlives the statement's run: no copy. */
        xa_statement_bind_text_borrowed (stmt, index, text[0] != '\0' ? text : NULL);
      }
    }
}

/* Binds every stored field of @hazard in the order of the fields' table, as the INSERT
 * statement names them, from @first; returns the index after the last one bound. */
static int
bind_columns (XaStatement *stmt,
              int          first,
              XaHazard    *hazard)
{
  int index = first;

  for (XaHazardField field = 0; field < XA_HAZARD_FIELD_NONE; field++)
    {
      if (column_of (field) != NULL)
        _xa_hazard_row_bind_field (stmt, index++, hazard, field);
    }

  return index;
}

/**
 * _xa_hazard_writer_insert:
 * @hazard: a valid hazard with its number set, and its history, if any
 * @organisation_id: its school's row
 * @sequence: the number's sequence
 * @id: (out): the new row's id
 *
 * Inserts the hazard, its steps and its grams.
 */
gboolean
_xa_hazard_writer_insert (XaHazardWriter  *writer,
                          XaHazard        *hazard,
                          gint64           organisation_id,
                          guint            sequence,
                          gint64          *id,
                          GError         **error)
{
  return _xa_hazard_writer_insert_made (writer, hazard, organisation_id, sequence, NULL, id, error);
}

/**
 * _xa_hazard_writer_insert_made:
 * @made: (nullable): what was made of @hazard beforehand (the demo makes it in the
 *   thread that makes its hazards); %NULL to make it all here
 *
 * _xa_hazard_writer_insert() with the hazard's grams, and its audit image for the row
 * id it was to have, given. An image for another id than the row has is not used.
 */
gboolean
_xa_hazard_writer_insert_made (XaHazardWriter  *writer,
                               XaHazard        *hazard,
                               gint64           organisation_id,
                               guint            sequence,
                               XaHazardMade    *made,
                               gint64          *id,
                               GError         **error)
{
  const char *operator_name = xa_store_get_operator (writer->store);
  gboolean returning = xa_store_get_is_server (writer->store);
  g_autoptr(GPtrArray) own_grams = NULL;
  GPtrArray *grams = made != NULL ? made->grams : NULL;
  int index;

  if (writer->insert == NULL)
    {
      g_autofree char *sql = insert_sql (returning);

      if (!(writer->insert = xa_store_prepare (writer->store, sql, error)))
        return FALSE;
    }

  xa_statement_reset (writer->insert);
  xa_statement_bind_int64 (writer->insert, 1, organisation_id);
  xa_statement_bind_int (writer->insert, 2, (int) sequence);
  index = bind_columns (writer->insert, 3, hazard);
  xa_statement_bind_text (writer->insert, index++, writer->now);
  xa_statement_bind_text (writer->insert, index++, operator_name);
  xa_statement_bind_text (writer->insert, index++, writer->now);
  xa_statement_bind_text (writer->insert, index, operator_name);
  if (returning)
    {
      if (!xa_statement_step_one (writer->insert, error))
        return FALSE;
      *id = xa_statement_get_int64 (writer->insert, 0);
    }
  else
    {
      if (!xa_statement_run (writer->insert, error))
        return FALSE;
      *id = xa_statement_get_last_insert_id (writer->insert);
    }
  xa_statement_reset (writer->insert);

  for (guint i = 0; i < xa_hazard_get_n_entries (hazard); i++)
    {
      if (!_xa_hazard_writer_add_step (writer, *id, i + 1, xa_hazard_get_entry (hazard, i), error))
        return FALSE;
    }

  /* An image made for another row than the one inserted (a hazard another program
   * added meanwhile took the row) is taken again here. */
  if (made != NULL && made->image != NULL && made->id != *id)
    g_debug ("The image of hazard %s was made for row %" G_GINT64_FORMAT ", not %" G_GINT64_FORMAT,
               xa_hazard_get_number (hazard), made->id, *id);
  if (writer->image_inserts && made != NULL && made->image != NULL && made->id == *id)
    xa_store_note_fresh_image (writer->store, g_steal_pointer (&made->image));
  else if (writer->image_inserts)
    _xa_hazard_note_new_image (writer->store, hazard, *id, organisation_id, sequence, writer->now, operator_name);

  if (grams == NULL)
    grams = own_grams = _xa_hazard_row_grams (hazard, NULL);
  if (writer->pending_grams != NULL && FITS_PENDING (*id) && FITS_PENDING (organisation_id))
    {
      PendingGram pending = { (guint32) *id, (guint32) organisation_id };

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

  return _xa_hazard_writer_index (writer, *id, organisation_id, NULL, grams, error);
}

/**
 * _xa_hazard_writer_set_now:
 * @now: the time the hazards it inserts are created and updated at, as
 *   xa_date_now_iso8601() gives it
 *
 * For images made beforehand (#XaHazardMade) with the same time.
 */
void
_xa_hazard_writer_set_now (XaHazardWriter *writer,
                           const char     *now)
{
  g_free (writer->now);
  writer->now = g_strdup (now);
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

/**
 * _xa_hazard_writer_image_inserts:
 *
 * Gives the audit chain the image of each hazard that _xa_hazard_writer_insert() stores
 * from now on, taken from its values, instead of its reading the rows back when the
 * write ends. Only for hazards that the write changes no more after inserting them.
 */
void
_xa_hazard_writer_image_inserts (XaHazardWriter *writer)
{
  writer->image_inserts = TRUE;
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

/**
 * _xa_hazard_writer_add_step:
 * @position: from 1, the step's place in the history
 */
gboolean
_xa_hazard_writer_add_step (XaHazardWriter       *writer,
                            gint64                hazard_id,
                            guint                 position,
                            const XaHazardEntry  *entry,
                            GError              **error)
{
  XaStatement *stmt;

  if (writer->insert_step == NULL &&
      !(writer->insert_step = xa_store_prepare (writer->store,
                                                "INSERT INTO hazard_step (hazard_id, position, step,"
                                                " from_state, to_state, who, at, date, note)"
                                                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                                error)))
    return FALSE;

  stmt = writer->insert_step;
  xa_statement_reset (stmt);
  xa_statement_bind_int64 (stmt, 1, hazard_id);
  xa_statement_bind_int (stmt, 2, (int) position);
  /* The entry outlives the statement's run: no copies. */
  xa_statement_bind_text_borrowed (stmt, 3, xa_hazard_step_to_key (entry->step));
  xa_statement_bind_text_borrowed (stmt, 4, xa_hazard_state_to_key (entry->from));
  xa_statement_bind_text_borrowed (stmt, 5, xa_hazard_state_to_key (entry->to));
  xa_statement_bind_text_borrowed (stmt, 6, entry->who);
  xa_statement_bind_text_borrowed (stmt, 7, entry->at);
  xa_statement_bind_text_borrowed (stmt, 8, entry->date != NULL && entry->date[0] != '\0' ? entry->date : NULL);
  xa_statement_bind_text_borrowed (stmt, 9, entry->note != NULL && entry->note[0] != '\0' ? entry->note : NULL);
  return xa_statement_run (stmt, error);
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
