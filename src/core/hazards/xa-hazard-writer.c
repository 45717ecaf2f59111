/* xa-hazard-writer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writing hazards as the store keeps them (xa-hazard-row.c): their rows and the steps
 * of their history, one hazard at a time for the app or a batch at a time for the demo
 * ledger, and their audit images; their grams through xa-hazard-writer-grams.c.
 */

#include "config.h"

#include <string.h>

#include "xa-hazard-writer-private.h"

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
  _xa_hazard_writer_clear_grams (writer);
  g_free (writer->now);
  g_free (writer);
}

/* `INSERT INTO @table (…) VALUES (?, …)` for @columns, then @tail. */
static char *
insert_values_sql (const char         *table,
                   const char * const *columns,
                   const char         *tail)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) values = g_string_new (NULL);

  g_string_append_printf (sql, "INSERT INTO %s (", table);
  for (guint i = 0; columns[i] != NULL; i++)
    {
      g_string_append_printf (sql, "%s%s", i > 0 ? ", " : "", columns[i]);
      g_string_append (values, i > 0 ? ", ?" : "?");
    }
  g_string_append_printf (sql, ") VALUES (%s)%s", values->str, tail);
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* The columns of a hazard's row, its id first, in the order hazard_values() gives them
 * (NULL-terminated). */
static const char * const *
hazard_columns (void)
{
  static const char **columns = NULL;

  if (g_once_init_enter (&columns))
    {
      static const char * const last[] = { "version", "created_at", "created_by", "updated_at", "updated_by" };
      GPtrArray *list = g_ptr_array_new ();

      g_ptr_array_add (list, (gpointer) "id");
      g_ptr_array_add (list, (gpointer) "organisation_id");
      g_ptr_array_add (list, (gpointer) "sequence");
      for (XaHazardField field = 0; field < XA_HAZARD_FIELD_NONE; field++)
        {
          if (_xa_hazard_row_column_of (field) != NULL)
            g_ptr_array_add (list, (gpointer) _xa_hazard_row_column_of (field));
        }
      for (guint i = 0; i < G_N_ELEMENTS (last); i++)
        g_ptr_array_add (list, (gpointer) last[i]);
      g_ptr_array_add (list, NULL);
      g_once_init_leave (&columns, (const char **) g_ptr_array_free (list, FALSE));
    }

  return columns;
}

/* At most how many columns a hazard's row has: its fields and eight others. */
#define MAX_HAZARD_COLUMNS (XA_HAZARD_FIELD_NONE + 8)

/* Binds @value at @index; its text outlives the statement's run. */
static void
bind_value (XaStatement      *stmt,
            int               index,
            const XaRowValue *value)
{
  if (value->is_null)
    xa_statement_bind_null (stmt, index);
  else if (value->text != NULL)
    xa_statement_bind_text_static (stmt, index, value->text, value->size);
  else
    xa_statement_bind_int64 (stmt, index, value->integer);
}

/* An optional text as the store keeps it: an empty one is NULL. */
static XaRowValue
optional_text_value (const char *text)
{
  return xa_row_value_text (text != NULL && text[0] != '\0' ? text : NULL);
}

/* The value of @field as the store keeps it: an empty text is NULL. */
static void
field_value (XaHazard      *hazard,
             XaHazardField  field,
             XaRowValue    *value)
{
  const char *text = NULL;

  switch ((guint) field)
    {
    case XA_HAZARD_FIELD_SCHOOL_YEAR:
      *value = (XaRowValue) { .integer = xa_hazard_get_school_year (hazard) };
      return;
    case XA_HAZARD_FIELD_REPORTED:
      *value = (XaRowValue) { .integer = xa_hazard_get_reported (hazard) };
      return;
    case XA_HAZARD_FIELD_SUPERVISED:
      *value = (XaRowValue) { .integer = xa_hazard_get_supervised (hazard) };
      return;
    case XA_HAZARD_FIELD_INSPECTION_TYPE:
      text = xa_inspection_type_to_key (xa_hazard_get_inspection_type (hazard));
      break;
    case XA_HAZARD_FIELD_CATEGORY:
      text = xa_hazard_category_to_key (xa_hazard_get_category (hazard));
      break;
    case XA_HAZARD_FIELD_GRADE:
      text = xa_hazard_grade_to_key (xa_hazard_get_grade (hazard));
      break;
    case XA_HAZARD_FIELD_REINSPECTION_RESULT:
      text = xa_reinspection_result_to_key (xa_hazard_get_reinspection_result (hazard));
      break;
    case XA_HAZARD_FIELD_STATE:
      text = xa_hazard_state_to_key (xa_hazard_get_state (hazard));
      break;
    default:
      *value = optional_text_value (xa_hazard_get_text (hazard, field));
      return;
    }

  *value = xa_row_value_text (text);
}

static const char * const step_columns[] = {
  "hazard_id", "position", "step", "from_state", "to_state", "who", "at", "date", "note", NULL
};
#define N_STEP_COLUMNS (G_N_ELEMENTS (step_columns) - 1)

/* The values of a row of hazard_step, in step_columns' order. */
static void
step_values (gint64               hazard_id,
             guint                position,
             const XaHazardEntry *entry,
             XaRowValue          *values)
{
  values[0] = (XaRowValue) { .integer = hazard_id };
  values[1] = (XaRowValue) { .integer = position };
  values[2] = xa_row_value_text (xa_hazard_step_to_key (entry->step));
  values[3] = xa_row_value_text (xa_hazard_state_to_key (entry->from));
  values[4] = xa_row_value_text (xa_hazard_state_to_key (entry->to));
  values[5] = xa_row_value_text (entry->who);
  values[6] = xa_row_value_text (entry->at);
  values[7] = optional_text_value (entry->date);
  values[8] = optional_text_value (entry->note);
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
  XaRowValue value;

  field_value (hazard, field, &value);
  /* The hazard (and the keys, which are static) outlive the statement's run: no copy. */
  bind_value (stmt, index, &value);
}

/* The values of @hazard's row, in hazard_columns' order. */
static void
hazard_values (XaHazard         *hazard,
               gint64            id,
               gint64            organisation_id,
               guint             sequence,
               const XaRowValue *now,
               const XaRowValue *operator_name,
               XaRowValue       *values)
{
  guint index = 0;

  values[index++] = (XaRowValue) { .integer = id };
  values[index++] = (XaRowValue) { .integer = organisation_id };
  values[index++] = (XaRowValue) { .integer = sequence };
  for (XaHazardField field = 0; field < XA_HAZARD_FIELD_NONE; field++)
    {
      if (_xa_hazard_row_column_of (field) != NULL)
        field_value (hazard, field, &values[index++]);
    }
  values[index++] = (XaRowValue) { .integer = 1 };
  values[index++] = *now;
  values[index++] = *operator_name;
  values[index++] = *now;
  values[index] = *operator_name;
}

/* After @hazard's row and steps: its audit image and its grams. */
static gboolean
note_inserted (XaHazardWriter  *writer,
               XaHazard        *hazard,
               gint64           id,
               gint64           organisation_id,
               guint            sequence,
               XaHazardMade    *made,
               GError         **error)
{
  const char *operator_name = xa_store_get_operator (writer->store);
  g_autoptr(GPtrArray) own_grams = NULL;
  GPtrArray *grams = made != NULL ? made->grams : NULL;

  /* An image made for another row than the one inserted (a hazard another program
   * added meanwhile took the row) is taken again here. */
  if (made != NULL && made->image != NULL && made->id != id)
    g_debug ("The image of hazard %s was made for row %" G_GINT64_FORMAT ", not %" G_GINT64_FORMAT,
               xa_hazard_get_number (hazard), made->id, id);
  if (writer->image_inserts && made != NULL && made->image != NULL && made->id == id)
    xa_store_note_fresh_image (writer->store, g_steal_pointer (&made->image));
  else if (writer->image_inserts)
    _xa_hazard_note_new_image (writer->store, hazard, id, organisation_id, sequence, writer->now, operator_name);

  if (grams == NULL)
    grams = own_grams = _xa_hazard_row_grams (hazard, NULL);
  return _xa_hazard_writer_add_grams (writer, id, organisation_id, grams, error);
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
  gboolean returning = xa_store_get_is_server (writer->store);
  const XaRowValue now = xa_row_value_text (writer->now);
  const XaRowValue operator_name = xa_row_value_text (xa_store_get_operator (writer->store));
  XaRowValue values[MAX_HAZARD_COLUMNS];

  /* Without the id, which the row is given. On SQLite without RETURNING, which makes
   * the INSERT fill and read a table of its own each time: the id is the connection's
   * last rowid. */
  if (writer->insert == NULL)
    {
      g_autofree char *sql = insert_values_sql ("hazard", hazard_columns () + 1,
                                                returning ? " RETURNING id" : "");

      if (!(writer->insert = xa_store_prepare (writer->store, sql, error)))
        return FALSE;
    }

  xa_statement_reset (writer->insert);
  hazard_values (hazard, 0, organisation_id, sequence, &now, &operator_name, values);
  /* The hazard (and the keys, which are static) outlive the statement's run. */
  for (guint i = 1; hazard_columns ()[i] != NULL; i++)
    bind_value (writer->insert, (int) i, &values[i]);
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

  return note_inserted (writer, hazard, *id, organisation_id, sequence, made, error);
}

/* Where the rows of a batch are, as xa_store_insert_rows() takes them. */
typedef struct
{
  XaHazardWriter   *writer;
  guint             n;
  XaHazard * const *hazards;
  const gint64     *organisation_ids;
  const guint      *sequences;
  const XaHazardMade *made;
  guint             hazard;  /* the next one */
  guint             entry;   /* the next step of hazards[hazard] */
  XaRowValue        now;
  XaRowValue        operator_name;
} BatchRows;

/* The batch's hazards, one row each, in hazard_columns' order. */
static gboolean
next_hazard_row (XaRowValue *values,
                 gpointer    user_data)
{
  BatchRows *rows = user_data;
  guint i = rows->hazard;

  if (i == rows->n)
    return FALSE;

  hazard_values (rows->hazards[i], rows->made[i].id, rows->organisation_ids[i], rows->sequences[i],
                 &rows->now, &rows->operator_name, values);
  rows->hazard++;
  return TRUE;
}

/* The steps of the batch's hazards, one row each, in step_columns' order. */
static gboolean
next_step_row (XaRowValue *values,
               gpointer    user_data)
{
  BatchRows *rows = user_data;

  while (rows->hazard < rows->n && rows->entry == xa_hazard_get_n_entries (rows->hazards[rows->hazard]))
    {
      rows->hazard++;
      rows->entry = 0;
    }
  if (rows->hazard == rows->n)
    return FALSE;

  step_values (rows->made[rows->hazard].id, rows->entry + 1,
               xa_hazard_get_entry (rows->hazards[rows->hazard], rows->entry), values);
  rows->entry++;
  return TRUE;
}

/**
 * _xa_hazard_writer_insert_batch:
 * @n: how many hazards
 * @hazards: (array length=n): valid hazards with their numbers set
 * @organisation_ids: (array length=n): their schools' rows
 * @sequences: (array length=n): their numbers' sequences
 * @made: (array length=n): what was made of each beforehand
 *
 * _xa_hazard_writer_insert_made() for each hazard. On SQLite, when every hazard was
 * made for a row id (#XaHazardMade), the rows take those ids, and the hazards then
 * their steps go in one statement each (xa_store_insert_rows()): one statement for
 * the rows of a batch instead of one a hazard and one a step, each with its statement
 * journal opened and closed (a million hazards have 3.7 million steps). An id already
 * taken fails the write.
 */
gboolean
_xa_hazard_writer_insert_batch (XaHazardWriter    *writer,
                                guint              n,
                                XaHazard * const  *hazards,
                                const gint64      *organisation_ids,
                                const guint       *sequences,
                                XaHazardMade      *made,
                                GError           **error)
{
  gboolean ids_made = !xa_store_get_is_server (writer->store);
  BatchRows rows = { writer, n, hazards, organisation_ids, sequences, made };

  for (guint i = 0; i < n && ids_made; i++)
    ids_made = made[i].id > 0;

  if (!ids_made)
    {
      for (guint i = 0; i < n; i++)
        {
          gint64 id = 0;

          if (!_xa_hazard_writer_insert_made (writer, hazards[i], organisation_ids[i], sequences[i],
                                              &made[i], &id, error))
            return FALSE;
        }
      return TRUE;
    }

  rows.now = xa_row_value_text (writer->now);
  rows.operator_name = xa_row_value_text (xa_store_get_operator (writer->store));
  if (!xa_store_insert_rows (writer->store, "hazard", hazard_columns (), next_hazard_row, &rows, error))
    return FALSE;

  rows.hazard = 0;
  if (!xa_store_insert_rows (writer->store, "hazard_step", step_columns, next_step_row, &rows, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      if (!note_inserted (writer, hazards[i], made[i].id, organisation_ids[i], sequences[i], &made[i], error))
        return FALSE;
    }

  return TRUE;
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

static XaStatement *
prepare_step_insert (XaStore  *store,
                     GError  **error)
{
  g_autofree char *sql = insert_values_sql ("hazard_step", step_columns, "");

  return xa_store_prepare (store, sql, error);
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
  XaRowValue values[N_STEP_COLUMNS];

  if (writer->insert_step == NULL &&
      !(writer->insert_step = prepare_step_insert (writer->store, error)))
    return FALSE;

  xa_statement_reset (writer->insert_step);
  step_values (hazard_id, position, entry, values);
  /* The entry outlives the statement's run: no copies. */
  for (guint i = 0; i < N_STEP_COLUMNS; i++)
    bind_value (writer->insert_step, (int) i + 1, &values[i]);
  return xa_statement_run (writer->insert_step, error);
}

