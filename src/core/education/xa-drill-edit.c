/* xa-drill-edit.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Editing a drill (xa_drill_book_edit()): its date within its school year, type,
 * organiser, participants, evacuation and target times and improvements, and problems
 * found later, added after those recorded. A problem recorded is never changed or
 * removed: it may be a hazard of the ledger already. One transaction with its audit
 * entry naming the fields changed.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-drill-book.h"
#include "xa-incident-book-private.h"
#include "core/util/xa-json.h"

typedef struct
{
  const char          *uuid;
  XaDrillFields        fields;
  const char * const  *new_problems;
  guint                n_problems;   /* recorded already */
  GString             *changed;
} Edit;

static gboolean
edit_cb (XaStore   *store,
         gpointer   user_data,
         GError   **error)
{
  Edit *edit = user_data;
  const XaDrillFields *fields = &edit->fields;
  g_autoptr(XaStatement) stmt = NULL;
  g_autofree char *detail = NULL;

  if (!(stmt = xa_store_prepare (store,
                                 "UPDATE drill SET held_on = ?, kind = ?, kind_other = ?, organiser = ?, participants = ?,"
                                 " evacuation_s = ?, target_s = ?, improvements = ? WHERE uuid = ?",
                                 error)))
    return FALSE;
  xa_statement_bind_text (stmt, 1, fields->held_on);
  xa_statement_bind_text (stmt, 2, xa_drill_kind_to_key (fields->kind));
  xa_statement_bind_text (stmt, 3, fields->kind_other ? fields->kind_other : "");
  xa_statement_bind_text (stmt, 4, fields->organiser);
  xa_statement_bind_int (stmt, 5, fields->participants);
  if (fields->evacuation_seconds > 0)
    xa_statement_bind_int (stmt, 6, fields->evacuation_seconds);
  else
    xa_statement_bind_null (stmt, 6);
  if (fields->target_seconds > 0)
    xa_statement_bind_int (stmt, 7, fields->target_seconds);
  else
    xa_statement_bind_null (stmt, 7);
  xa_statement_bind_text (stmt, 8, fields->improvements ? fields->improvements : "");
  xa_statement_bind_text (stmt, 9, edit->uuid);
  if (!xa_statement_run (stmt, error))
    return FALSE;

  for (guint i = 0; edit->new_problems != NULL && edit->new_problems[i] != NULL; i++)
    {
      g_clear_pointer (&stmt, xa_statement_free);
      if (!(stmt = xa_store_prepare (store,
                                     "INSERT INTO drill_problem (drill_id, position, description)"
                                     " SELECT id, ?, ? FROM drill WHERE uuid = ?",
                                     error)))
        return FALSE;
      xa_statement_bind_int (stmt, 1, (int) (edit->n_problems + i + 1));
      xa_statement_bind_text (stmt, 2, edit->new_problems[i]);
      xa_statement_bind_text (stmt, 3, edit->uuid);
      if (!xa_statement_run (stmt, error))
        return FALSE;
    }

  detail = xa_json_dup_strings_object ("changed", edit->changed->str, NULL);
  if (!xa_store_append_audit (store, "drill.edit", "drill", edit->uuid, detail, error))
    return FALSE;
  xa_store_note_change (store, "drill", edit->uuid);
  return TRUE;
}

#define CHANGE_TEXT(given, field, key) \
  G_STMT_START { \
    if ((given) != NULL && g_strcmp0 ((given), (field)) != 0) \
      { (field) = (given); _xa_edit_note_change (edit->changed, key); } \
  } G_STMT_END
#define CHANGE_NUMBER(given, field, key) \
  G_STMT_START { \
    if ((given) >= 0 && (given) != (field)) \
      { (field) = (given); _xa_edit_note_change (edit->changed, key); } \
  } G_STMT_END

/* Applies @changes to the drill as stored, noting each field that changes. */
static gboolean
merge (XaDrill             *drill,
       const XaDrillEdit   *changes,
       Edit                *edit,
       GError             **error)
{
  XaDrillFields *fields = &edit->fields;
  fields->school_uuid = xa_drill_get_school_uuid (drill);
  fields->school_year = xa_drill_get_school_year (drill);
  fields->held_on = xa_drill_get_held_on (drill);
  fields->kind = xa_drill_get_kind (drill);
  fields->kind_other = xa_drill_get_kind_other (drill);
  fields->organiser = xa_drill_get_organiser (drill);
  fields->participants = xa_drill_get_participants (drill);
  fields->evacuation_seconds = xa_drill_get_evacuation_seconds (drill);
  fields->target_seconds = xa_drill_get_target_seconds (drill);
  fields->improvements = xa_drill_get_improvements (drill);
  fields->problems = changes->new_problems;
  edit->n_problems = xa_drill_get_n_problems (drill);
  edit->new_problems = changes->new_problems;

  CHANGE_TEXT (changes->held_on, fields->held_on, "held_on");
  if (changes->kind != 0 && changes->kind != fields->kind)
    {
      fields->kind = changes->kind;
      _xa_edit_note_change (edit->changed, "kind");
    }
  CHANGE_TEXT (changes->kind_other, fields->kind_other, "kind_other");
  CHANGE_TEXT (changes->organiser, fields->organiser, "organiser");
  CHANGE_NUMBER (changes->participants, fields->participants, "participants");
  CHANGE_NUMBER (changes->evacuation_seconds, fields->evacuation_seconds, "evacuation");
  CHANGE_NUMBER (changes->target_seconds, fields->target_seconds, "target");
  CHANGE_TEXT (changes->improvements, fields->improvements, "improvements");
  if (changes->new_problems != NULL && changes->new_problems[0] != NULL)
    _xa_edit_note_change (edit->changed, "problems");
  if (edit->changed->len == 0)
    {
      g_set_error_literal (error, XA_DRILL_BOOK_ERROR, XA_DRILL_BOOK_ERROR_INVALID,
                           _("Nothing to change: every field given is as recorded"));
      return FALSE;
    }
  /* The drill stays in its school year, which the rules of a new one check. */
  return _xa_drill_validate (fields, error);
}

#undef CHANGE_TEXT
#undef CHANGE_NUMBER

/**
 * xa_drill_book_edit:
 * @changes: what changes; the fields left at 0, -1 or %NULL stay as recorded
 *
 * Edits a drill in one transaction with its audit entry; @changes' new problems are
 * added after those recorded, which never change. The edited drill keeps every rule
 * of a new one, in its school year.
 *
 * Returns: (transfer full): the drill as stored, or %NULL with @error set
 */
XaDrill *
xa_drill_book_edit (XaDrillBook        *self,
                    const char         *uuid,
                    const XaDrillEdit  *changes,
                    GError            **error)
{
  g_autoptr(XaDrill) drill = NULL;
  g_autoptr(GString) changed = g_string_new ("");
  Edit edit = { .uuid = uuid, .changed = changed };

  g_return_val_if_fail (XA_IS_DRILL_BOOK (self), NULL);
  g_return_val_if_fail (uuid != NULL && changes != NULL, NULL);

  if (!(drill = xa_drill_book_dup_drill (self, uuid, error)) ||
      !merge (drill, changes, &edit, error) ||
      !xa_store_write (_xa_drill_book_get_store (self), edit_cb, &edit, error))
    return NULL;
  return xa_drill_book_dup_drill (self, uuid, error);
}
