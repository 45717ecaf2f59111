/* xa-education-edit.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Editing a session of safety education (xa_education_book_update()): its date in its
 * school year, semester and week, form, topic, title, teacher, hours, notes and
 * evidence, and its attendance (应到, 实到 and the absentees, checked as a new session's
 * are) while no make-up refers to it: a make-up's list is the absentees it was recorded
 * for, so once one exists a mistake there is corrected by the make-up. The audience and
 * the session a make-up makes up are never edited. One transaction with its audit entry
 * naming the fields changed.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-education-book.h"
#include "xa-education-private.h"
#include "xa-incident-book-private.h"
#include "core/util/xa-school-year.h"

typedef struct
{
  XaEducationRecord *record;
  GString           *changed;
  gboolean           attendance;   /* 应到, 实到 or the absentees change */
} Update;

static gboolean
same_strv (char       **a,
           char       **b)
{
  return g_strv_equal ((const char * const *) (a ? a : (char *[]) { NULL }),
                       (const char * const *) (b ? b : (char *[]) { NULL }));
}

/* What changed from @stored to @record, and whether the attendance did. */
static gboolean
compare (XaEducationRecord  *stored,
         XaEducationRecord  *record,
         Update             *update,
         GError            **error)
{
  GString *changed = update->changed;
  GDate date;

  if (stored->audience != record->audience || g_strcmp0 (stored->grade, record->grade) != 0 ||
      g_strcmp0 (stored->class_name, record->class_name) != 0 ||
      g_strcmp0 (stored->makes_up_uuid, record->makes_up_uuid) != 0 ||
      g_strcmp0 (stored->school_uuid, record->school_uuid) != 0 || stored->school_year != record->school_year)
    {
      g_set_error_literal (error, XA_EDUCATION_ERROR, XA_EDUCATION_ERROR_INVALID,
                           _("对象: a session's audience (and the session a make-up makes up) is not edited; record another session instead"));
      return FALSE;
    }
  update->attendance = stored->expected != record->expected || stored->present != record->present ||
                       !same_strv (stored->absentees, record->absentees);
  if (record->held_on != NULL && xa_date_parse (record->held_on, &date) &&
      xa_school_year_for_date (&date) != record->school_year)
    {
      g_set_error (error, XA_EDUCATION_ERROR, XA_EDUCATION_ERROR_INVALID,
                   _("日期: %s is not in the session's school year"), record->held_on);
      return FALSE;
    }
#define TEXT(field) if (g_strcmp0 (stored->field, record->field) != 0) _xa_edit_note_change (changed, #field)
#define NUMBER(field) if (stored->field != record->field) _xa_edit_note_change (changed, #field)
  TEXT (held_on);
  NUMBER (semester);
  NUMBER (week);
  NUMBER (form);
  TEXT (topic);
  TEXT (title);
  TEXT (teacher);
  NUMBER (teacher_kind);
  NUMBER (hours);
  NUMBER (expected);
  NUMBER (present);
  TEXT (notes);
#undef TEXT
#undef NUMBER
  if (!same_strv (stored->absentees, record->absentees))
    _xa_edit_note_change (changed, "absentees");
  if (!same_strv (stored->evidence, record->evidence))
    _xa_edit_note_change (changed, "evidence");
  if (changed->len == 0)
    {
      g_set_error_literal (error, XA_EDUCATION_ERROR, XA_EDUCATION_ERROR_INVALID,
                           _("Nothing to change: every field is as recorded"));
      return FALSE;
    }
  return TRUE;
}

/* Inside the write: the attendance checked as a new session's is, while no make-up
 * refers to the session, and its absences replaced. */
static gboolean
update_attendance (XaStore            *store,
                   XaEducationRecord  *record,
                   GError            **error)
{
  g_autoptr(XaStatement) stmt = NULL;
  g_autoptr(GArray) absent = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 organisation_id = 0;
  gint64 makes_up_id = 0;
  gint64 record_id;

  if (!(stmt = xa_store_prepare (store,
                                 "SELECT r.id, (SELECT count(*) FROM education_record m WHERE m.makes_up_id = r.id)"
                                 " FROM education_record r WHERE r.uuid = ?",
                                 error)))
    return FALSE;
  xa_statement_bind_text (stmt, 1, record->uuid);
  if (!xa_statement_step_one (stmt, error))
    return FALSE;
  record_id = xa_statement_get_int64 (stmt, 0);
  if (xa_statement_get_int (stmt, 1) > 0)
    {
      g_set_error_literal (error, XA_EDUCATION_ERROR, XA_EDUCATION_ERROR_INVALID,
                           _("出勤: a make-up was recorded for this session's absentees, so its attendance (应到, 实到, the absentees) is not edited; correct it with the make-up"));
      return FALSE;
    }
  g_clear_pointer (&stmt, xa_statement_free);

  if (!_xa_education_find_school (store, record->school_uuid, &organisation_id, error) ||
      !_xa_education_resolve_attendance (store, record, organisation_id, &makes_up_id, absent, error) ||
      !(stmt = xa_store_prepare (store, "DELETE FROM education_absence WHERE record_id = ?", error)))
    return FALSE;
  xa_statement_bind_int64 (stmt, 1, record_id);
  if (!xa_statement_run (stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, xa_statement_free);
  if (!(stmt = xa_store_prepare (store, "UPDATE education_record SET expected = ?, present = ? WHERE id = ?", error)))
    return FALSE;
  xa_statement_bind_int (stmt, 1, (int) record->expected);
  xa_statement_bind_int (stmt, 2, (int) record->present);
  xa_statement_bind_int64 (stmt, 3, record_id);
  return xa_statement_run (stmt, error) && _xa_education_insert_absences (store, record_id, absent, error);
}

static gboolean
update_cb (XaStore   *store,
           gpointer   user_data,
           GError   **error)
{
  Update *update = user_data;
  XaEducationRecord *record = update->record;
  g_autoptr(XaStatement) stmt = NULL;
  g_autofree char *detail = NULL;

  if (update->attendance && !update_attendance (store, record, error))
    return FALSE;

  if (!(stmt = xa_store_prepare (store,
                                 "UPDATE education_record SET held_on = :held_on, semester = :semester, week = :week,"
                                 " form = :form, topic = :topic, title = :title, teacher = :teacher,"
                                 " teacher_kind = :teacher_kind, hours = :hours, notes = :notes WHERE uuid = :uuid",
                                 error)))
    return FALSE;
  xa_statement_bind_text (stmt, xa_statement_param (stmt, ":held_on"), record->held_on);
  xa_statement_bind_int (stmt, xa_statement_param (stmt, ":semester"), (int) record->semester);
  xa_statement_bind_int (stmt, xa_statement_param (stmt, ":week"), (int) record->week);
  xa_statement_bind_text (stmt, xa_statement_param (stmt, ":form"), xa_education_form_to_key (record->form));
  xa_statement_bind_text (stmt, xa_statement_param (stmt, ":topic"), record->topic);
  xa_statement_bind_text (stmt, xa_statement_param (stmt, ":title"), record->title != NULL ? record->title : "");
  xa_statement_bind_text (stmt, xa_statement_param (stmt, ":teacher"), record->teacher);
  xa_statement_bind_text (stmt, xa_statement_param (stmt, ":teacher_kind"), xa_teacher_kind_to_key (record->teacher_kind));
  xa_statement_bind_int (stmt, xa_statement_param (stmt, ":hours"), (int) record->hours);
  xa_statement_bind_text (stmt, xa_statement_param (stmt, ":notes"), record->notes != NULL ? record->notes : "");
  xa_statement_bind_text (stmt, xa_statement_param (stmt, ":uuid"), record->uuid);
  if (!xa_statement_run (stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, xa_statement_free);

  if (!(stmt = xa_store_prepare (store,
                                 "DELETE FROM education_evidence WHERE record_id = (SELECT id FROM education_record WHERE uuid = ?)",
                                 error)))
    return FALSE;
  xa_statement_bind_text (stmt, 1, record->uuid);
  if (!xa_statement_run (stmt, error) ||
      !_xa_education_insert_evidence (store, record->uuid, (const char * const *) record->evidence, error))
    return FALSE;

  detail = g_strdup_printf ("{\"changed\":\"%s\"}", update->changed->str);
  return xa_store_append_audit (store, "education.edit", "education_record", record->uuid, detail, error);
}

/**
 * xa_education_book_update:
 * @record: a record read with xa_education_book_dup_record() and changed with its
 *   setters
 *
 * Stores the changes of a session's date (in its school year), semester and week, form,
 * topic, title, teacher, hours, notes and evidence, and its attendance while no make-up
 * refers to it (checked as a new session's), in one transaction with its audit entry.
 * The audience is not edited (%XA_EDUCATION_ERROR_INVALID).
 *
 * Returns: (transfer full): the record as stored, or %NULL with @error set
 */
XaEducationRecord *
xa_education_book_update (XaEducationBook    *self,
                          XaEducationRecord  *record,
                          GError            **error)
{
  g_autoptr(XaEducationRecord) stored = NULL;
  g_autoptr(GString) changed = g_string_new ("");
  Update update = { record, changed, FALSE };

  g_return_val_if_fail (XA_IS_EDUCATION_BOOK (self), NULL);
  g_return_val_if_fail (XA_IS_EDUCATION_RECORD (record), NULL);

  if (!(stored = xa_education_book_dup_record (self, record->uuid, error)) ||
      !compare (stored, record, &update, error) ||
      !_xa_education_validate (record, error) ||
      !xa_store_write (xa_education_book_get_store (self), update_cb, &update, error))
    return NULL;
  return xa_education_book_dup_record (self, record->uuid, error);
}
