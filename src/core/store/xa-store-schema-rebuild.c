/* xa-store-schema-rebuild.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Steps of the SQLite schema that change a table in a way ALTER TABLE cannot: the table
 * is made again under its own name, after SQLite's twelve-step recipe
 * (https://sqlite.org/lang_altertable.html#otheralter), inside the step's one
 * transaction: a new table of the new definition takes every row, the old one is
 * dropped, the new one renamed to the old name, and the old table's indexes and triggers
 * are made again from their own SQL, whatever steps gave them. xa-store-schema.c runs
 * these steps with foreign keys off around the transaction (the recipe's first step, as
 * dropping a table that others reference would otherwise delete their parents) and
 * checks every foreign key before it commits.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-store-private.h"

/* The name the new table has until the old one is gone. */
#define NEW_TABLE "xa_rebuilt"

/* 23: the hazard ledger's CHECKs written as comparisons instead of IN lists. SQLite
 * 3.40 makes a table of its own for an IN list of more than two values every time it
 * checks a row (a CHECK is coded for the row at hand, not once per statement), two per
 * hazard and one per step of its history: a tenth of the demo's million hazards' time.
 * The rules are the same: a value is allowed exactly when it was. The other columns,
 * keys, indexes and triggers are those of step 10 and the steps after it. */
static const char hazard_23[] =
  "CREATE TABLE " NEW_TABLE " ("
  "  id                  INTEGER PRIMARY KEY,"
  "  uuid                TEXT NOT NULL UNIQUE,"
  "  number              TEXT NOT NULL UNIQUE,"
  "  organisation_id     INTEGER NOT NULL REFERENCES organisation (id),"
  "  school_year         INTEGER NOT NULL CHECK (school_year BETWEEN 1990 AND 2200),"
  "  sequence            INTEGER NOT NULL CHECK (sequence >= 1),"
  "  inspection_type     TEXT NOT NULL,"
  "  found_on            TEXT NOT NULL CHECK (date (found_on) IS found_on),"
  "  found_by            TEXT NOT NULL,"
  "  place               TEXT NOT NULL,"
  "  category            TEXT NOT NULL,"
  "  description         TEXT NOT NULL,"
  "  grade               TEXT NOT NULL,"
  "  temporary_measures  TEXT,"
  "  measures            TEXT NOT NULL,"
  "  department          TEXT NOT NULL,"
  "  responsible         TEXT NOT NULL,"
  "  deadline            TEXT NOT NULL CHECK (date (deadline) IS deadline),"
  "  funds               TEXT,"
  "  funds_source        TEXT,"
  "  reported            INTEGER NOT NULL CHECK (reported BETWEEN 0 AND 1),"
  "  reported_on         TEXT CHECK (reported_on IS NULL OR date (reported_on) IS reported_on),"
  "  supervised          INTEGER NOT NULL CHECK (supervised BETWEEN 0 AND 1),"
  "  supervisor          TEXT,"
  "  completed_on        TEXT CHECK (completed_on IS NULL OR date (completed_on) IS completed_on),"
  "  completion_notes    TEXT,"
  "  reinspector         TEXT,"
  "  reinspected_on      TEXT CHECK (reinspected_on IS NULL OR date (reinspected_on) IS reinspected_on),"
  "  reinspection_result TEXT NOT NULL CHECK (reinspection_result = 'none' OR reinspection_result = 'passed'"
  "                                           OR reinspection_result = 'failed'),"
  "  closed_on           TEXT CHECK (closed_on IS NULL OR date (closed_on) IS closed_on),"
  "  closed_by           TEXT,"
  "  remarks             TEXT,"
  "  state               TEXT NOT NULL CHECK (state = 'pending' OR state = 'rectifying'"
  "                                           OR state = 'reinspecting' OR state = 'closed'),"
  "  version             INTEGER NOT NULL CHECK (version >= 1),"
  "  created_at          TEXT NOT NULL,"
  "  created_by          TEXT NOT NULL,"
  "  updated_at          TEXT NOT NULL,"
  "  updated_by          TEXT NOT NULL,"
  "  UNIQUE (organisation_id, school_year, sequence),"
  "  CHECK ((state = 'closed') = (closed_on IS NOT NULL))"
  ") STRICT";

static const char hazard_step_23[] =
  "CREATE TABLE " NEW_TABLE " ("
  "  id         INTEGER PRIMARY KEY,"
  "  hazard_id  INTEGER NOT NULL REFERENCES hazard (id),"
  "  position   INTEGER NOT NULL CHECK (position >= 1),"
  "  step       TEXT NOT NULL CHECK (step = 'start' OR step = 'complete' OR step = 'pass'"
  "                                  OR step = 'fail' OR step = 'close'),"
  "  from_state TEXT NOT NULL,"
  "  to_state   TEXT NOT NULL,"
  "  who        TEXT NOT NULL,"
  "  at         TEXT NOT NULL,"
  "  date       TEXT CHECK (date IS NULL OR date (date) IS date),"
  "  note       TEXT,"
  "  UNIQUE (hazard_id, position)"
  ") STRICT";

static gboolean
exec_or_fail (sqlite3     *db,
              const char  *sql,
              GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) == SQLITE_OK)
    return TRUE;

  g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_MIGRATION, "%s", sqlite3_errmsg (db));
  return FALSE;
}

/* The texts of a query's first column, every row. */
static GPtrArray *
query_texts (sqlite3     *db,
             const char  *sql,
             const char  *table,
             GError     **error)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_MIGRATION, "%s", sqlite3_errmsg (db));
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (texts, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_MIGRATION, "%s", sqlite3_errmsg (db));
  sqlite3_finalize (stmt);

  return rc == SQLITE_DONE ? g_steal_pointer (&texts) : NULL;
}

static gboolean
has_statistics (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found;

  found = sqlite3_prepare_v2 (db, "SELECT 1 FROM main.sqlite_schema WHERE name = 'sqlite_stat1'",
                              -1, &stmt, NULL) == SQLITE_OK &&
          sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  return found;
}

/* Runs @sql, one statement whose ?1 is @table. */
static gboolean
exec_with_table (sqlite3     *db,
                 const char  *sql,
                 const char  *table,
                 GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_ERROR;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
    }
  if (rc != SQLITE_DONE)
    g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_MIGRATION, "%s", sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}

/* Makes @table again as @create defines NEW_TABLE, with its rows, indexes and triggers.
 * A column of the old table that the new one lacks fails the copy, and so the step. */
static gboolean
rebuild_table (sqlite3     *db,
               const char  *table,
               const char  *create,
               GError     **error)
{
  g_autoptr(GPtrArray) schema = NULL;
  g_autoptr(GPtrArray) columns = NULL;
  g_autofree char *list = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *drop = NULL;
  g_autofree char *rename = NULL;

  /* The indexes and triggers the steps made (not the keys' own indexes, which have no
   * SQL), in the order they were made. */
  if (!(schema = query_texts (db,
                              "SELECT sql FROM sqlite_schema WHERE tbl_name = ?1"
                              " AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY rowid",
                              table, error)) ||
      !(columns = query_texts (db, "SELECT '\"' || name || '\"' FROM pragma_table_info (?1) ORDER BY cid",
                               table, error)))
    return FALSE;

  g_ptr_array_add (columns, NULL);
  list = g_strjoinv (", ", (char **) columns->pdata);
  copy = g_strdup_printf ("INSERT INTO " NEW_TABLE " (%s) SELECT %s FROM \"%s\"", list, list, table);
  drop = g_strdup_printf ("DROP TABLE \"%s\"", table);
  rename = g_strdup_printf ("ALTER TABLE " NEW_TABLE " RENAME TO \"%s\"", table);

  /* The planner's statistics of the table (ANALYZE), which DROP TABLE deletes, kept for
   * the same indexes: a ledger of a million rows is not planned blind until the next
   * ANALYZE. */
  if (!exec_or_fail (db, "DROP TABLE IF EXISTS temp.xa_rebuilt_stat;"
                         "CREATE TEMP TABLE xa_rebuilt_stat (tbl TEXT, idx TEXT, stat TEXT)", error))
    return FALSE;
  if (has_statistics (db) &&
      !exec_with_table (db, "INSERT INTO temp.xa_rebuilt_stat SELECT tbl, idx, stat FROM main.sqlite_stat1"
                            " WHERE tbl = ?1", table, error))
    return FALSE;

  if (!exec_or_fail (db, create, error) ||
      !exec_or_fail (db, copy, error) ||
      !exec_or_fail (db, drop, error) ||
      !exec_or_fail (db, rename, error))
    return FALSE;

  for (guint i = 0; i < schema->len; i++)
    {
      if (!exec_or_fail (db, g_ptr_array_index (schema, i), error))
        return FALSE;
    }

  return (!has_statistics (db) ||
          exec_or_fail (db, "INSERT INTO main.sqlite_stat1 (tbl, idx, stat)"
                            " SELECT tbl, idx, stat FROM temp.xa_rebuilt_stat", error)) &&
         exec_or_fail (db, "DROP TABLE temp.xa_rebuilt_stat", error);
}

/**
 * _xa_store_schema_step_rebuilds:
 *
 * Returns: whether step @version of the SQLite schema makes a table again, and so runs
 *   with foreign keys off around its transaction
 */
gboolean
_xa_store_schema_step_rebuilds (int version)
{
  return version == 23;
}

/**
 * _xa_store_schema_foreign_keys:
 * @on: whether to enforce them
 *
 * Outside a transaction (inside one the pragma does nothing): foreign keys off before a
 * step that makes a table again, on after it whatever became of it.
 */
gboolean
_xa_store_schema_foreign_keys (sqlite3  *db,
                               gboolean  on,
                               GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  ok = sqlite3_exec (db, on ? "PRAGMA foreign_keys = ON" : "PRAGMA foreign_keys = OFF",
                     NULL, NULL, NULL) == SQLITE_OK &&
       sqlite3_prepare_v2 (db, "PRAGMA foreign_keys", -1, &stmt, NULL) == SQLITE_OK &&
       sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) == (on ? 1 : 0);
  sqlite3_finalize (stmt);

  if (!ok)
    g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_MIGRATION,
                 _("Cannot set the database’s foreign keys: %s"),
                 sqlite3_errmsg (db));
  return ok;
}

/* Every foreign key of the file holds: the rebuilt tables' and those that refer to
 * them, which nothing checked while they were off. */
static gboolean
check_foreign_keys (sqlite3  *db,
                    GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_ERROR;

  if (sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL) == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_MIGRATION,
                 "a row of %s refers to a missing row of %s", sqlite3_column_text (stmt, 0),
                 sqlite3_column_text (stmt, 2));
  else if (rc != SQLITE_DONE)
    g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_MIGRATION, "%s", sqlite3_errmsg (db));
  sqlite3_finalize (stmt);

  return rc == SQLITE_DONE;
}

/**
 * _xa_store_rebuild_23:
 *
 * Step 23 of the SQLite schema, inside its transaction with foreign keys off.
 */
gboolean
_xa_store_rebuild_23 (sqlite3  *db,
                      GError  **error)
{
  gboolean ok;

  /* The other tables' triggers that read hazard name it while it is gone: a rename
   * that checked them would refuse. Nothing else refers to the new table's name. */
  if (!exec_or_fail (db, "PRAGMA legacy_alter_table = ON", error))
    return FALSE;
  ok = rebuild_table (db, "hazard", hazard_23, error) &&
       rebuild_table (db, "hazard_step", hazard_step_23, error);
  sqlite3_exec (db, "PRAGMA legacy_alter_table = OFF", NULL, NULL, NULL);

  return ok && check_foreign_keys (db, error);
}
