/* xa-education-book.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Education records on either engine: one record stored in one transaction with its
 * absentees (resolved by name or 学号 against the school's roster of the year) and its
 * evidence (archive items by UUID), audited; the district's settings and a school's
 * plan and materials of a year (四落实).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-education-book.h"
#include "xa-education-private.h"
#include "core/util/xa-date.h"

struct _XaEducationBook
{
  GObject  parent_instance;
  XaStore *store;
};

G_DEFINE_FINAL_TYPE (XaEducationBook, xa_education_book, G_TYPE_OBJECT)

static void
xa_education_book_dispose (GObject *object)
{
  g_clear_object (&XA_EDUCATION_BOOK (object)->store);
  G_OBJECT_CLASS (xa_education_book_parent_class)->dispose (object);
}

static void
xa_education_book_class_init (XaEducationBookClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = xa_education_book_dispose;
}

static void
xa_education_book_init (XaEducationBook *self)
{
}

XaEducationBook *
xa_education_book_new (XaStore *store)
{
  XaEducationBook *self;

  g_return_val_if_fail (XA_IS_STORE (store), NULL);

  self = g_object_new (XA_TYPE_EDUCATION_BOOK, NULL);
  self->store = g_object_ref (store);
  return self;
}

XaStore *
xa_education_book_get_store (XaEducationBook *self)
{
  g_return_val_if_fail (XA_IS_EDUCATION_BOOK (self), NULL);
  return self->store;
}

/* A school in the register and not removed; call inside a read or a write. */
gboolean
_xa_education_find_school (XaStore     *store,
                           const char  *school_uuid,
                           gint64      *organisation_id,
                           GError     **error)
{
  g_autoptr(XaStatement) stmt = NULL;
  XaStep step;

  if (!(stmt = xa_store_prepare (store,
                                 "SELECT id FROM organisation WHERE uuid = ? AND kind = 'school' AND deleted_at IS NULL",
                                 error)))
    return FALSE;
  xa_statement_bind_text (stmt, 1, school_uuid != NULL ? school_uuid : "");
  if ((step = xa_statement_step (stmt, error)) == XA_STEP_ERROR)
    return FALSE;
  if (step == XA_STEP_DONE)
    {
      g_set_error_literal (error, XA_EDUCATION_ERROR, XA_EDUCATION_ERROR_NOT_FOUND,
                           _("学校: the school is not in the register, or was removed"));
      return FALSE;
    }
  *organisation_id = xa_statement_get_int64 (stmt, 0);
  return TRUE;
}

G_GNUC_PRINTF (2, 3)
static gboolean
invalid (GError    **error,
         const char *format,
         ...)
{
  va_list args;

  va_start (args, format);
  if (error != NULL)
    *error = g_error_new_valist (XA_EDUCATION_ERROR, XA_EDUCATION_ERROR_INVALID, format, args);
  va_end (args);
  return FALSE;
}

gboolean
_xa_education_validate (XaEducationRecord  *record,
                        GError            **error)
{
  GDate date;

  if (record->held_on == NULL || !xa_date_parse (record->held_on, &date))
    return invalid (error, _("日期: “%s” is not a date such as 2021-09-01"),
                    record->held_on != NULL ? record->held_on : "");
  if (record->school_year < 1990 || record->school_year > 2200)
    return invalid (error, _("学年度: %d is not a school year"), record->school_year);
  if (record->semester < 1 || record->semester > 2 || record->week < 1 || record->week > 30)
    return invalid (error, _("学期/周次: semester 1 or 2, week 1 to 30"));
  if (record->audience == XA_EDUCATION_AUDIENCE_CLASS && (*record->grade == '\0' || *record->class_name == '\0'))
    return invalid (error, _("对象: a class needs its grade and class, such as 七年级 (3)班"));
  if (!xa_education_topic_is_known (record->topic))
    return invalid (error, _("主题: “%s” is neither a module of the guidelines nor a special campaign"),
                    record->topic != NULL ? record->topic : "");
  if (record->teacher == NULL || *g_strstrip (record->teacher) == '\0' || g_utf8_strlen (record->teacher, -1) > 60)
    return invalid (error, _("授课人: the teacher's name is missing or longer than 60 characters"));
  if (record->hours < 1 || record->hours > 40)
    return invalid (error, _("课时: from 1 to 40 periods"));
  if (record->expected > 100000 || record->present > record->expected)
    return invalid (error, _("实到: %u present is more than the %u expected"), record->present, record->expected);
  if (record->audience == XA_EDUCATION_AUDIENCE_PARENTS && record->absentees[0] != NULL)
    return invalid (error, _("缺课名单: parents are not on a roster; record their numbers only"));
  return TRUE;
}

/* The roster's people a session's audience covers, as SQL after "FROM roster_person p
 * JOIN roster_class c ON c.id = p.class_id WHERE", binding :org, :year, :grade, :class. */
static const char *
audience_scope (XaEducationAudience audience)
{
  switch (audience)
    {
    case XA_EDUCATION_AUDIENCE_CLASS:
      return "c.organisation_id = :org AND c.school_year = :year AND c.kind = 'class'"
             " AND c.grade = :grade AND c.class_name = :class";
    case XA_EDUCATION_AUDIENCE_STAFF:
      return "c.organisation_id = :org AND c.school_year = :year AND c.kind = 'staff' AND :grade = :class";
    case XA_EDUCATION_AUDIENCE_SCHOOL:
    case XA_EDUCATION_AUDIENCE_PARENTS:
    case XA_N_EDUCATION_AUDIENCES:
    default:
      return "c.organisation_id = :org AND c.school_year = :year AND :grade = :class";
    }
}

static XaStatement *
prepare_scoped (XaStore            *store,
                const char         *select,
                XaEducationRecord  *record,
                gint64              organisation_id,
                GError            **error)
{
  g_autofree char *sql = g_strconcat (select, " FROM roster_person p JOIN roster_class c ON c.id = p.class_id WHERE ",
                                      audience_scope (record->audience), NULL);
  XaStatement *stmt = xa_store_prepare (store, sql, error);

  if (stmt == NULL)
    return NULL;
  xa_statement_bind_int64 (stmt, xa_statement_param (stmt, ":org"), organisation_id);
  xa_statement_bind_int (stmt, xa_statement_param (stmt, ":year"), record->school_year);
  xa_statement_bind_text (stmt, xa_statement_param (stmt, ":grade"), record->grade);
  xa_statement_bind_text (stmt, xa_statement_param (stmt, ":class"), record->class_name);
  return stmt;
}

/* Inside a write: links each archived file of @evidence to the record @uuid. */
gboolean
_xa_education_insert_evidence (XaStore             *store,
                               const char          *uuid,
                               const char * const  *evidence,
                               GError             **error)
{
  for (guint i = 0; evidence != NULL && evidence[i] != NULL; i++)
    {
      g_autoptr(XaStatement) item = NULL;
      g_autoptr(XaStatement) stmt = NULL;

      if (!(item = xa_store_prepare (store, "SELECT count(*) FROM archive_item WHERE uuid = ?", error)))
        return FALSE;
      xa_statement_bind_text (item, 1, evidence[i]);
      if (!xa_statement_step_one (item, error))
        return FALSE;
      if (xa_statement_get_int (item, 0) == 0)
        return g_set_error (error, XA_EDUCATION_ERROR, XA_EDUCATION_ERROR_NOT_FOUND,
                            _("佐证: %s is not an archived file; import it into the archive first"),
                            evidence[i]), FALSE;
      if (!(stmt = xa_store_prepare (store,
                                     "INSERT INTO education_evidence (record_id, archive_uuid)"
                                     " SELECT id, ? FROM education_record WHERE uuid = ?",
                                     error)))
        return FALSE;
      xa_statement_bind_text (stmt, 1, evidence[i]);
      xa_statement_bind_text (stmt, 2, uuid);
      if (!xa_statement_run (stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Inside a write: checks @record's attendance against the session it makes up and the
 * school's roster, and resolves its absentees to people of the roster (@absent, their
 * ids); shared by a new session and an edit of its attendance. */
gboolean
_xa_education_resolve_attendance (XaStore            *store,
                                  XaEducationRecord  *record,
                                  gint64              organisation_id,
                                  gint64             *out_makes_up_id,
                                  GArray             *absent,
                                  GError            **error)
{
  g_autoptr(XaStatement) named = NULL;
  g_autofree char *audience = xa_education_record_dup_audience_label (record);
  gint64 makes_up_id = 0;
  guint made_up_absent = 0;
  gboolean has_names;

  if (record->makes_up_uuid != NULL)
    {
      g_autoptr(XaStatement) original = NULL;
      XaStep step;

      if (!(original = xa_store_prepare (store,
                                         "SELECT id, expected - present, audience, grade, class_name FROM education_record"
                                         " WHERE uuid = ? AND organisation_id = ? AND school_year = ? AND makes_up_id IS NULL",
                                         error)))
        return FALSE;
      xa_statement_bind_text (original, 1, record->makes_up_uuid);
      xa_statement_bind_int64 (original, 2, organisation_id);
      xa_statement_bind_int (original, 3, record->school_year);
      if ((step = xa_statement_step (original, error)) == XA_STEP_ERROR)
        return FALSE;
      if (step == XA_STEP_DONE)
        return g_set_error (error, XA_EDUCATION_ERROR, XA_EDUCATION_ERROR_NOT_FOUND,
                            _("补课: the session made up is not one of this school's sessions of the year"
                              " (a make-up cannot be made up again)")), FALSE;
      makes_up_id = xa_statement_get_int64 (original, 0);
      made_up_absent = (guint) xa_statement_get_int (original, 1);
      if (g_strcmp0 (xa_statement_get_text (original, 2), xa_education_audience_to_key (record->audience)) != 0 ||
          g_strcmp0 (xa_statement_get_text (original, 3), record->grade) != 0 ||
          g_strcmp0 (xa_statement_get_text (original, 4), record->class_name) != 0)
        return invalid (error, _("补课: a make-up is for the audience of the session it makes up"));
      if (record->expected > made_up_absent)
        return invalid (error, _("应到: a make-up is for the %u absent from the session it makes up"), made_up_absent);
    }

  /* Absentees are named where the roster has names, and then every absence is. */
  if (!(named = prepare_scoped (store, "SELECT count(*)", record, organisation_id, error)) ||
      !xa_statement_step_one (named, error))
    return FALSE;
  has_names = xa_statement_get_int (named, 0) > 0 && record->audience != XA_EDUCATION_AUDIENCE_PARENTS;

  if (!has_names && record->absentees[0] != NULL)
    return invalid (error, _("缺课名单: the roster of %s has no names; record the numbers only"),
                    audience);
  if (has_names && g_strv_length (record->absentees) != record->expected - record->present)
    return invalid (error, _("缺课名单: %u names for %u absent (应到 %u, 实到 %u)"),
                    g_strv_length (record->absentees), record->expected - record->present,
                    record->expected, record->present);

  /* A make-up on a roster with names is for everyone absent: who missed it again is named. */
  if (has_names && makes_up_id != 0 && record->expected != made_up_absent)
    return invalid (error, _("应到: a make-up is for the %u absent from the session it makes up"), made_up_absent);

  for (guint i = 0; has_names && record->absentees[i] != NULL; i++)
    {
      g_autoptr(XaStatement) find = NULL;
      const char *name = record->absentees[i];
      gint64 person_id = 0;
      guint n = 0;
      XaStep step;

      {
        g_autofree char *sql = g_strconcat ("SELECT p.id FROM roster_person p JOIN roster_class c ON c.id = p.class_id WHERE ",
                                            audience_scope (record->audience),
                                            " AND (p.name = :who OR (p.number <> '' AND p.number = :who))", NULL);

        if (!(find = xa_store_prepare (store, sql, error)))
          return FALSE;
      }
      xa_statement_bind_int64 (find, xa_statement_param (find, ":org"), organisation_id);
      xa_statement_bind_int (find, xa_statement_param (find, ":year"), record->school_year);
      xa_statement_bind_text (find, xa_statement_param (find, ":grade"), record->grade);
      xa_statement_bind_text (find, xa_statement_param (find, ":class"), record->class_name);
      xa_statement_bind_text (find, xa_statement_param (find, ":who"), name);
      while ((step = xa_statement_step (find, error)) == XA_STEP_ROW)
        {
          person_id = xa_statement_get_int64 (find, 0);
          n++;
        }
      if (step == XA_STEP_ERROR)
        return FALSE;
      if (n == 0)
        return invalid (error, _("缺课名单: “%s” is not on the roster of %s"), name,
                        audience);
      if (n > 1)
        return invalid (error, _("缺课名单: %u people are called “%s”; give the 学号 instead"), n, name);

      if (makes_up_id != 0)
        {
          g_autoptr(XaStatement) was = NULL;

          if (!(was = xa_store_prepare (store, "SELECT count(*) FROM education_absence WHERE record_id = ? AND person_id = ?",
                                        error)))
            return FALSE;
          xa_statement_bind_int64 (was, 1, makes_up_id);
          xa_statement_bind_int64 (was, 2, person_id);
          if (!xa_statement_step_one (was, error))
            return FALSE;
          if (xa_statement_get_int (was, 0) == 0)
            return invalid (error, _("缺课名单: “%s” was not absent from the session made up"), name);
        }

      for (guint j = 0; j < absent->len; j++)
        if (g_array_index (absent, gint64, j) == person_id)
          return invalid (error, _("缺课名单: “%s” is named twice"), name);
      g_array_append_val (absent, person_id);
    }

  *out_makes_up_id = makes_up_id;
  return TRUE;
}

/* Inside a write: the absences of the record @record_id, resolved by
 * _xa_education_resolve_attendance(). */
gboolean
_xa_education_insert_absences (XaStore  *store,
                               gint64    record_id,
                               GArray   *absent,
                               GError  **error)
{
  for (guint i = 0; i < absent->len; i++)
    {
      g_autoptr(XaStatement) stmt = NULL;

      if (!(stmt = xa_store_prepare (store, "INSERT INTO education_absence (record_id, person_id) VALUES (?, ?)", error)))
        return FALSE;
      xa_statement_bind_int64 (stmt, 1, record_id);
      xa_statement_bind_int64 (stmt, 2, g_array_index (absent, gint64, i));
      if (!xa_statement_run (stmt, error))
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  XaEducationRecord *record;
  XaEducationRecord *saved;
} Add;

static gboolean
add_cb (XaStore   *store,
        gpointer   user_data,
        GError   **error)
{
  Add *add = user_data;
  XaEducationRecord *record = add->record;
  g_autoptr(XaStatement) insert = NULL;
  g_autoptr(GArray) absent = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *uuid = xa_store_new_uuid ();
  g_autofree char *now = xa_date_now_iso8601 ();
  g_autofree char *detail = NULL;
  gint64 organisation_id = 0;
  gint64 makes_up_id = 0;
  gint64 record_id;

  if (!_xa_education_find_school (store, record->school_uuid, &organisation_id, error))
    return FALSE;

  if (!_xa_education_resolve_attendance (store, record, organisation_id, &makes_up_id, absent, error))
    return FALSE;

  if (!(insert = xa_store_prepare (store,
                                   "INSERT INTO education_record (uuid, organisation_id, school_year, held_on, semester, week,"
                                   " audience, grade, class_name, form, topic, title, teacher, teacher_kind, hours, expected,"
                                   " present, makes_up_id, notes, recorded_at, recorded_by)"
                                   " VALUES (:uuid, :org, :year, :held_on, :semester, :week, :audience, :grade, :class, :form,"
                                   " :topic, :title, :teacher, :teacher_kind, :hours, :expected, :present, :makes_up, :notes,"
                                   " :now, :who) RETURNING id",
                                   error)))
    return FALSE;
  xa_statement_bind_text (insert, xa_statement_param (insert, ":uuid"), uuid);
  xa_statement_bind_int64 (insert, xa_statement_param (insert, ":org"), organisation_id);
  xa_statement_bind_int (insert, xa_statement_param (insert, ":year"), record->school_year);
  xa_statement_bind_text (insert, xa_statement_param (insert, ":held_on"), record->held_on);
  xa_statement_bind_int (insert, xa_statement_param (insert, ":semester"), (int) record->semester);
  xa_statement_bind_int (insert, xa_statement_param (insert, ":week"), (int) record->week);
  xa_statement_bind_text (insert, xa_statement_param (insert, ":audience"), xa_education_audience_to_key (record->audience));
  xa_statement_bind_text (insert, xa_statement_param (insert, ":grade"), record->grade);
  xa_statement_bind_text (insert, xa_statement_param (insert, ":class"), record->class_name);
  xa_statement_bind_text (insert, xa_statement_param (insert, ":form"), xa_education_form_to_key (record->form));
  xa_statement_bind_text (insert, xa_statement_param (insert, ":topic"), record->topic);
  xa_statement_bind_text (insert, xa_statement_param (insert, ":title"), record->title != NULL ? record->title : "");
  xa_statement_bind_text (insert, xa_statement_param (insert, ":teacher"), record->teacher);
  xa_statement_bind_text (insert, xa_statement_param (insert, ":teacher_kind"), xa_teacher_kind_to_key (record->teacher_kind));
  xa_statement_bind_int (insert, xa_statement_param (insert, ":hours"), (int) record->hours);
  xa_statement_bind_int (insert, xa_statement_param (insert, ":expected"), (int) record->expected);
  xa_statement_bind_int (insert, xa_statement_param (insert, ":present"), (int) record->present);
  if (makes_up_id != 0)
    xa_statement_bind_int64 (insert, xa_statement_param (insert, ":makes_up"), makes_up_id);
  else
    xa_statement_bind_null (insert, xa_statement_param (insert, ":makes_up"));
  xa_statement_bind_text (insert, xa_statement_param (insert, ":notes"), record->notes != NULL ? record->notes : "");
  xa_statement_bind_text (insert, xa_statement_param (insert, ":now"), now);
  xa_statement_bind_text (insert, xa_statement_param (insert, ":who"), xa_store_get_operator (store));
  if (!xa_statement_step_one (insert, error))
    return FALSE;
  record_id = xa_statement_get_int64 (insert, 0);

  if (!_xa_education_insert_absences (store, record_id, absent, error) ||
      !_xa_education_insert_evidence (store, uuid, (const char * const *) record->evidence, error))
    return FALSE;

  detail = g_strdup_printf ("{\"held_on\":\"%s\",\"topic\":\"%s\",\"expected\":%u,\"present\":%u}",
                            record->held_on, record->topic, record->expected, record->present);
  if (!xa_store_append_audit (store, "education.add", "education_record", uuid, detail, error))
    return FALSE;

  add->saved = g_object_ref (record);
  g_free (record->uuid);
  record->uuid = g_steal_pointer (&uuid);
  g_free (record->recorded_by);
  record->recorded_by = g_strdup (xa_store_get_operator (store));
  return TRUE;
}

/**
 * xa_education_book_add:
 * @record: a new record (its UUID is ignored)
 *
 * Checks and stores @record with its absentees and evidence in one transaction.
 *
 * Returns: (transfer full): @record as stored, with its UUID; %NULL with
 *   %XA_EDUCATION_ERROR naming the field at fault, nothing changed
 */
XaEducationRecord *
xa_education_book_add (XaEducationBook    *self,
                       XaEducationRecord  *record,
                       GError            **error)
{
  Add add = { record, NULL };

  g_return_val_if_fail (XA_IS_EDUCATION_BOOK (self), NULL);
  g_return_val_if_fail (XA_IS_EDUCATION_RECORD (record), NULL);

  if (!_xa_education_validate (record, error))
    return NULL;
  if (!xa_store_write (self->store, add_cb, &add, error))
    {
      g_clear_object (&add.saved);
      return NULL;
    }
  return add.saved;
}

#define RECORD_COLUMNS \
  "r.uuid, o.uuid, r.school_year, r.held_on, r.semester, r.week, r.audience, r.grade, r.class_name, r.form," \
  " r.topic, r.title, r.teacher, r.teacher_kind, r.hours, r.expected, r.present," \
  " (SELECT m.uuid FROM education_record m WHERE m.id = r.makes_up_id), r.notes, r.recorded_at, r.recorded_by, r.id"

typedef struct
{
  const char *where;
  const char *text;
  int         year;
  GPtrArray  *records;
} List;

static gboolean
read_names (XaStore     *store,
            const char  *sql,
            gint64       record_id,
            char      ***out,
            GError     **error)
{
  g_autoptr(XaStatement) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  XaStep step;

  if (!(stmt = xa_store_prepare (store, sql, error)))
    return FALSE;
  xa_statement_bind_int64 (stmt, 1, record_id);
  while ((step = xa_statement_step (stmt, error)) == XA_STEP_ROW)
    g_strv_builder_add (builder, xa_statement_get_text (stmt, 0));
  if (step == XA_STEP_ERROR)
    return FALSE;
  g_strfreev (*out);
  *out = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
list_cb (XaStore   *store,
         gpointer   user_data,
         GError   **error)
{
  List *list = user_data;
  g_autofree char *sql = g_strconcat ("SELECT " RECORD_COLUMNS " FROM education_record r"
                                      " JOIN organisation o ON o.id = r.organisation_id WHERE ", list->where,
                                      " ORDER BY r.held_on, r.id", NULL);
  g_autoptr(XaStatement) stmt = NULL;
  XaStep step;

  if (!(stmt = xa_store_prepare (store, sql, error)))
    return FALSE;
  xa_statement_bind_text (stmt, 1, list->text);
  if (list->year != 0)
    xa_statement_bind_int (stmt, 2, list->year);

  while ((step = xa_statement_step (stmt, error)) == XA_STEP_ROW)
    {
      g_autoptr(XaEducationRecord) record = xa_education_record_new ();

      record->uuid = g_strdup (xa_statement_get_text (stmt, 0));
      record->school_uuid = g_strdup (xa_statement_get_text (stmt, 1));
      record->school_year = xa_statement_get_int (stmt, 2);
      record->held_on = g_strdup (xa_statement_get_text (stmt, 3));
      record->semester = (guint) xa_statement_get_int (stmt, 4);
      record->week = (guint) xa_statement_get_int (stmt, 5);
      xa_education_audience_from_key (xa_statement_get_text (stmt, 6), &record->audience);
      record->grade = g_strdup (xa_statement_get_text (stmt, 7));
      record->class_name = g_strdup (xa_statement_get_text (stmt, 8));
      xa_education_form_from_key (xa_statement_get_text (stmt, 9), &record->form);
      record->topic = g_strdup (xa_statement_get_text (stmt, 10));
      record->title = g_strdup (xa_statement_get_text (stmt, 11));
      record->teacher = g_strdup (xa_statement_get_text (stmt, 12));
      xa_teacher_kind_from_key (xa_statement_get_text (stmt, 13), &record->teacher_kind);
      record->hours = (guint) xa_statement_get_int (stmt, 14);
      record->expected = (guint) xa_statement_get_int (stmt, 15);
      record->present = (guint) xa_statement_get_int (stmt, 16);
      record->makes_up_uuid = g_strdup (xa_statement_get_text_or_null (stmt, 17));
      record->notes = g_strdup (xa_statement_get_text (stmt, 18));
      record->recorded_at = g_strdup (xa_statement_get_text (stmt, 19));
      record->recorded_by = g_strdup (xa_statement_get_text (stmt, 20));

      if (!read_names (store, "SELECT p.name FROM education_absence a JOIN roster_person p ON p.id = a.person_id"
                              " WHERE a.record_id = ? ORDER BY p.id",
                       xa_statement_get_int64 (stmt, 21), &record->absentees, error) ||
          !read_names (store, "SELECT archive_uuid FROM education_evidence WHERE record_id = ? ORDER BY id",
                       xa_statement_get_int64 (stmt, 21), &record->evidence, error))
        return FALSE;

      g_ptr_array_add (list->records, g_steal_pointer (&record));
    }

  return step == XA_STEP_DONE;
}

/**
 * xa_education_book_list:
 * @school_uuid: the school
 * @school_year: its year, or 0 for every year
 *
 * Returns: (transfer full) (element-type XaEducationRecord): the school's records, by date
 */
GPtrArray *
xa_education_book_list (XaEducationBook  *self,
                        const char       *school_uuid,
                        int               school_year,
                        GError          **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  List list = { school_year != 0 ? "o.uuid = ? AND r.school_year = ?" : "o.uuid = ?", school_uuid, school_year, records };

  g_return_val_if_fail (XA_IS_EDUCATION_BOOK (self), NULL);
  g_return_val_if_fail (school_uuid != NULL, NULL);

  if (!xa_store_read (self->store, list_cb, &list, error))
    return NULL;
  return g_steal_pointer (&records);
}

/**
 * xa_education_book_dup_record:
 *
 * Returns: (transfer full): the record, or %NULL with %XA_EDUCATION_ERROR_NOT_FOUND
 */
XaEducationRecord *
xa_education_book_dup_record (XaEducationBook  *self,
                              const char       *uuid,
                              GError          **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  List list = { "r.uuid = ?", uuid, 0, records };

  g_return_val_if_fail (XA_IS_EDUCATION_BOOK (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  if (!xa_store_read (self->store, list_cb, &list, error))
    return NULL;
  if (records->len == 0)
    {
      g_set_error (error, XA_EDUCATION_ERROR, XA_EDUCATION_ERROR_NOT_FOUND,
                   _("There is no education record %s"), uuid);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (records, 0));
}

/**
 * xa_education_book_list_make_ups:
 * @uuid: a session
 *
 * Returns: (transfer full) (element-type XaEducationRecord): the sessions that make it
 *   up, by date
 */
GPtrArray *
xa_education_book_list_make_ups (XaEducationBook  *self,
                                 const char       *uuid,
                                 GError          **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  List list = { "r.makes_up_id = (SELECT x.id FROM education_record x WHERE x.uuid = ?)", uuid, 0, records };

  g_return_val_if_fail (XA_IS_EDUCATION_BOOK (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  if (!xa_store_read (self->store, list_cb, &list, error))
    return NULL;
  return g_steal_pointer (&records);
}
