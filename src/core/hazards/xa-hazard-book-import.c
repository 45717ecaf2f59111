/* xa-hazard-book-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A school's existing ledger, read by xa_hazard_import_file(), stored in the hazard
 * book: every hazard in one transaction of the store, on either engine, through the
 * book's own writer (xa-hazard-row.c), so that its row, its search grams and its audit
 * image are what a hazard recorded in the app has. A hazard keeps the number and the
 * state the ledger gives it; its history stays empty, for the steps it went through on
 * paper are not known, and its audit entry ("hazard.import") says that it was imported,
 * from which file, by whom and when. Nothing is stored when one hazard is refused.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "xa-hazard-book-private.h"
#include "core/util/xa-json.h"

/* At most how many numbers already in the ledger a refusal lists. */
#define MAX_NAMED 5

typedef struct
{
  GPtrArray  *hazards;
  const char *source;
  gboolean   *numbered;  /* whether each hazard came with its number */
  GHashTable *schools;   /* school UUID → School */
} Import;

typedef struct
{
  gint64  id;
  char   *code;
} School;

static void
school_free (School *school)
{
  g_free (school->code);
  g_free (school);
}

/* The school of @hazard, from the register, found once per school. */
static School *
find_school (XaStore   *store,
             Import    *import,
             XaHazard  *hazard,
             GError   **error)
{
  const char *uuid = xa_hazard_get_text (hazard, XA_HAZARD_FIELD_SCHOOL_UUID);
  School *school = g_hash_table_lookup (import->schools, uuid);

  if (school != NULL)
    return school;

  school = g_new0 (School, 1);
  if (!_xa_hazard_book_find_school (store, uuid, &school->id, &school->code, error))
    {
      school_free (school);
      return NULL;
    }

  g_hash_table_insert (import->schools, g_strdup (uuid), school);
  return school;
}

/* The sequence of a hazard's number, which must carry its school's code. */
static gboolean
parse_number (XaHazard  *hazard,
              School    *school,
              guint     *sequence,
              GError   **error)
{
  const char *number = xa_hazard_get_number (hazard);
  g_autofree char *code = NULL;

  if (!xa_hazard_number_parse (number, NULL, &code, sequence, error))
    return FALSE;

  if (g_strcmp0 (code, school->code) != 0)
    {
      g_set_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_NUMBER,
                   /* Translators: a hazard number, the school code it carries, then the school's own code */
                   _("Hazard number %s carries the school code %s, but the hazard is recorded for the school %s"),
                   number, code, school->code);
      return FALSE;
    }

  return TRUE;
}

/* Refuses the import when a number it brings is in the ledger already, naming the
 * first few. */
static gboolean
refuse_taken (XaStore   *store,
              Import    *import,
              GError   **error)
{
  g_autoptr(XaStatement) stmt = NULL;
  g_autoptr(GPtrArray) taken = g_ptr_array_new ();
  g_autofree char *named = NULL;
  guint n_taken;

  if (!(stmt = xa_store_prepare (store, "SELECT count(*) FROM hazard WHERE number = ?", error)))
    return FALSE;

  for (guint i = 0; i < import->hazards->len; i++)
    {
      const char *number = xa_hazard_get_number (g_ptr_array_index (import->hazards, i));

      if (!import->numbered[i])
        continue;

      xa_statement_reset (stmt);
      xa_statement_bind_text (stmt, 1, number);
      if (!xa_statement_step_one (stmt, error))
        return FALSE;
      if (xa_statement_get_int64 (stmt, 0) > 0)
        g_ptr_array_add (taken, (gpointer) number);
    }

  if (taken->len == 0)
    return TRUE;

  n_taken = taken->len;
  g_ptr_array_set_size (taken, MIN (n_taken, MAX_NAMED));
  g_ptr_array_add (taken, NULL);
  named = g_strjoinv ("、", (char **) taken->pdata);
  if (n_taken > MAX_NAMED)
    g_set_error (error, XA_HAZARD_BOOK_ERROR, XA_HAZARD_BOOK_ERROR_EXISTS,
                 /* Translators: how many, then the first few numbers */
                 _("%u hazards are already in the ledger, among them %s; nothing was imported"),
                 n_taken, named);
  else
    g_set_error (error, XA_HAZARD_BOOK_ERROR, XA_HAZARD_BOOK_ERROR_EXISTS,
                 g_dngettext (GETTEXT_PACKAGE,
                              "Hazard %s is already in the ledger; nothing was imported",
                              "Hazards %s are already in the ledger; nothing was imported",
                              n_taken),
                 named);
  return FALSE;
}

/* The next sequence of a school's year, after the hazards stored so far. */
static gboolean
next_sequence (XaStore   *store,
               gint64     organisation_id,
               int        school_year,
               guint     *sequence,
               GError   **error)
{
  g_autoptr(XaStatement) next = NULL;

  if (!(next = xa_store_prepare (store,
                                 "SELECT coalesce (max (sequence), 0) + 1 FROM hazard"
                                 " WHERE organisation_id = ? AND school_year = ?",
                                 error)))
    return FALSE;
  xa_statement_bind_int64 (next, 1, organisation_id);
  xa_statement_bind_int (next, 2, school_year);
  if (!xa_statement_step_one (next, error))
    return FALSE;

  *sequence = (guint) xa_statement_get_int64 (next, 0);
  return TRUE;
}

static char *
audit_detail (XaHazard   *hazard,
              const char *code,
              const char *source)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "number");
  json_builder_add_string_value (builder, xa_hazard_get_number (hazard));
  json_builder_set_member_name (builder, "school");
  json_builder_add_string_value (builder, code);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, source);
  json_builder_end_object (builder);

  return xa_json_builder_to_string (builder);
}

/* Stores the hazards that carry a number (@numbered) or those that do not. */
static gboolean
insert_hazards (XaStore         *store,
                Import          *import,
                XaHazardWriter  *writer,
                gboolean         numbered,
                GError         **error)
{
  for (guint i = 0; i < import->hazards->len; i++)
    {
      XaHazard *hazard = g_ptr_array_index (import->hazards, i);
      g_autofree char *detail = NULL;
      School *school;
      gint64 id = 0;
      guint sequence = 0;

      if (import->numbered[i] != numbered)
        continue;

      if (!(school = find_school (store, import, hazard, error)))
        return FALSE;

      if (numbered)
        {
          if (!parse_number (hazard, school, &sequence, error))
            return FALSE;
        }
      else
        {
          g_autofree char *number = NULL;

          if (!next_sequence (store, school->id, xa_hazard_get_school_year (hazard), &sequence, error) ||
              !(number = xa_hazard_number_format (xa_hazard_get_school_year (hazard), school->code,
                                                  sequence, error)))
            return FALSE;
          xa_hazard_set_text (hazard, XA_HAZARD_FIELD_NUMBER, number);
        }

      _xa_hazard_set_row_version (hazard, 1);
      if (!_xa_hazard_writer_insert (writer, hazard, school->id, sequence, &id, error))
        return FALSE;

      detail = audit_detail (hazard, school->code, import->source);
      if (!xa_store_append_audit (store, "hazard.import", "hazard", xa_hazard_get_uuid (hazard), detail, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
import_cb (XaStore   *store,
           gpointer   user_data,
           GError   **error)
{
  Import *import = user_data;
  g_autoptr(XaHazardWriter) writer = _xa_hazard_writer_new (store);

  /* On a server a write that lost a race runs again: nothing of an earlier run is kept. */
  g_hash_table_remove_all (import->schools);
  for (guint i = 0; i < import->hazards->len; i++)
    {
      if (!import->numbered[i])
        xa_hazard_set_text (g_ptr_array_index (import->hazards, i), XA_HAZARD_FIELD_NUMBER, NULL);
    }

  /* Numbered hazards first, so that those without a number come after all of them. */
  return refuse_taken (store, import, error) &&
         insert_hazards (store, import, writer, TRUE, error) &&
         insert_hazards (store, import, writer, FALSE, error);
}

/**
 * xa_hazard_book_import:
 *
 * See xa-hazard-book.h.
 *
 * Returns: %TRUE when every hazard was stored
 */
gboolean
xa_hazard_book_import (XaHazardBook  *self,
                       GPtrArray     *hazards,
                       const char    *source,
                       GError       **error)
{
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) schools = NULL;
  g_autofree gboolean *numbered = NULL;
  Import import = { copies, source, NULL, NULL };

  g_return_val_if_fail (XA_IS_HAZARD_BOOK (self), FALSE);
  g_return_val_if_fail (hazards != NULL, FALSE);
  g_return_val_if_fail (source != NULL, FALSE);

  numbered = g_new0 (gboolean, hazards->len + 1);
  import.numbered = numbered;

  /* Checked outside the transaction: a hazard the rules refuse opens no write. */
  for (guint i = 0; i < hazards->len; i++)
    {
      XaHazard *hazard = g_ptr_array_index (hazards, i);
      g_autoptr(XaHazard) copy = NULL;

      g_return_val_if_fail (XA_IS_HAZARD (hazard), FALSE);

      if (xa_hazard_get_n_entries (hazard) > 0)
        {
          g_set_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_INVALID,
                       /* Translators: %s is a hazard number */
                       _("Hazard %s comes with steps of its rectification; an imported hazard has none"),
                       xa_hazard_get_number (hazard));
          return FALSE;
        }

      copy = xa_hazard_copy (hazard);
      if (xa_hazard_get_uuid (copy)[0] == '\0')
        {
          g_autofree char *uuid = xa_store_new_uuid ();

          xa_hazard_set_text (copy, XA_HAZARD_FIELD_UUID, uuid);
        }
      if (!xa_hazard_validate (copy, NULL, error))
        {
          if (xa_hazard_get_number (copy)[0] != '\0')
            g_prefix_error (error, "%s: ", xa_hazard_get_number (copy));
          return FALSE;
        }
      numbered[i] = xa_hazard_get_number (copy)[0] != '\0';
      g_ptr_array_add (copies, g_steal_pointer (&copy));
    }

  if (copies->len == 0)
    return TRUE;

  schools = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) school_free);
  import.schools = schools;
  if (!xa_store_write (self->store, import_cb, &import, error))
    return FALSE;

  /* The caller's hazards as stored: their UUIDs, the numbers drawn, their versions. */
  for (guint i = 0; i < hazards->len; i++)
    _xa_hazard_assign (g_ptr_array_index (hazards, i), g_ptr_array_index (copies, i));
  return TRUE;
}
