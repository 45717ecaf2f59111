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

/**
 * _xa_hazard_row_column_of:
 *
 * Returns: the column that holds @field, or %NULL for the one a hazard takes from
 *   elsewhere (its school's UUID, from the organisation)
 */
const char *
_xa_hazard_row_column_of (XaHazardField field)
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
          const char *column = _xa_hazard_row_column_of (field);

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
