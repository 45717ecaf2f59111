/* xa-education-classes.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the app reads of a school's roster of a year to record a session: its classes,
 * to choose the audience from, and the people of a class or of the staff, to pick the
 * absentees from (the excluded left out: they are not expected).
 */

#include "config.h"

#include "xa-education-classes.h"
#include "xa-education-private.h"

void
xa_roster_class_free (XaRosterClass *roster_class)
{
  if (roster_class == NULL)
    return;
  g_free (roster_class->grade);
  g_free (roster_class->class_name);
  g_free (roster_class);
}

typedef struct
{
  const char          *school_uuid;
  int                  school_year;
  XaEducationAudience  audience;
  const char          *grade;
  const char          *class_name;
  GPtrArray           *classes;
  GStrvBuilder        *names;
} Read;

static gboolean
list_classes_cb (XaStore   *store,
                 gpointer   user_data,
                 GError   **error)
{
  Read *read = user_data;
  g_autoptr(XaStatement) stmt = NULL;
  gint64 organisation_id = 0;
  XaStep step;

  if (!_xa_education_find_school (store, read->school_uuid, &organisation_id, error))
    return FALSE;
  if (!(stmt = xa_store_prepare (store,
                                 "SELECT c.grade, c.class_name, c.headcount, c.named,"
                                 " (SELECT count(*) FROM roster_person p WHERE p.class_id = c.id AND p.excluded <> '')"
                                 " FROM roster_class c WHERE c.organisation_id = ? AND c.school_year = ? AND c.kind = 'class'"
                                 " ORDER BY c.id",
                                 error)))
    return FALSE;
  xa_statement_bind_int64 (stmt, 1, organisation_id);
  xa_statement_bind_int (stmt, 2, read->school_year);
  while ((step = xa_statement_step (stmt, error)) == XA_STEP_ROW)
    {
      XaRosterClass *roster_class = g_new0 (XaRosterClass, 1);
      int excluded = xa_statement_get_int (stmt, 4);
      int headcount = xa_statement_get_int (stmt, 2);

      roster_class->grade = g_strdup (xa_statement_get_text (stmt, 0));
      roster_class->class_name = g_strdup (xa_statement_get_text (stmt, 1));
      roster_class->named = xa_statement_get_int (stmt, 3) != 0;
      roster_class->headcount = (guint) MAX (0, roster_class->named ? headcount - excluded : headcount);
      g_ptr_array_add (read->classes, roster_class);
    }
  return step != XA_STEP_ERROR;
}

/**
 * xa_education_book_list_classes:
 * @school_year: the 学年度 by its start year
 *
 * Returns: (transfer full) (element-type XaRosterClass): the classes of the school's
 *   roster of the year in the roster's order (the staff list left out); empty when the
 *   school has no roster
 */
GPtrArray *
xa_education_book_list_classes (XaEducationBook  *self,
                                const char       *school_uuid,
                                int               school_year,
                                GError          **error)
{
  g_autoptr(GPtrArray) classes = g_ptr_array_new_with_free_func ((GDestroyNotify) xa_roster_class_free);
  Read read = { school_uuid, school_year, 0, NULL, NULL, classes, NULL };

  g_return_val_if_fail (XA_IS_EDUCATION_BOOK (self), NULL);
  g_return_val_if_fail (school_uuid != NULL, NULL);

  if (!xa_store_read (xa_education_book_get_store (self), list_classes_cb, &read, error))
    return NULL;
  return g_steal_pointer (&classes);
}

static gboolean
names_cb (XaStore   *store,
          gpointer   user_data,
          GError   **error)
{
  Read *read = user_data;
  g_autoptr(XaStatement) stmt = NULL;
  gint64 organisation_id = 0;
  gboolean staff = read->audience == XA_EDUCATION_AUDIENCE_STAFF;
  XaStep step;

  if (!_xa_education_find_school (store, read->school_uuid, &organisation_id, error))
    return FALSE;
  if (!(stmt = xa_store_prepare (store,
                                 "SELECT p.name FROM roster_person p JOIN roster_class c ON c.id = p.class_id"
                                 " WHERE c.organisation_id = ? AND c.school_year = ? AND c.kind = ? AND c.grade = ?"
                                 " AND c.class_name = ? AND p.excluded = '' ORDER BY p.id",
                                 error)))
    return FALSE;
  xa_statement_bind_int64 (stmt, 1, organisation_id);
  xa_statement_bind_int (stmt, 2, read->school_year);
  xa_statement_bind_text (stmt, 3, staff ? "staff" : "class");
  xa_statement_bind_text (stmt, 4, staff ? "" : read->grade);
  xa_statement_bind_text (stmt, 5, staff ? "" : read->class_name);
  while ((step = xa_statement_step (stmt, error)) == XA_STEP_ROW)
    g_strv_builder_add (read->names, xa_statement_get_text (stmt, 0));
  return step != XA_STEP_ERROR;
}

/**
 * xa_education_book_dup_roster_names:
 * @audience: %XA_EDUCATION_AUDIENCE_CLASS or %XA_EDUCATION_AUDIENCE_STAFF
 * @grade: (nullable): the class's grade, for a class
 * @class_name: (nullable): the class, for a class
 *
 * Returns: (transfer full): the names of the class or of the staff, as the roster lists
 *   them, the excluded left out; empty when the roster keeps counts only or has no such
 *   class, and for the other audiences
 */
GStrv
xa_education_book_dup_roster_names (XaEducationBook      *self,
                                    const char           *school_uuid,
                                    int                   school_year,
                                    XaEducationAudience   audience,
                                    const char           *grade,
                                    const char           *class_name,
                                    GError              **error)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  Read read = { school_uuid, school_year, audience, grade ? grade : "", class_name ? class_name : "", NULL, names };

  g_return_val_if_fail (XA_IS_EDUCATION_BOOK (self), NULL);
  g_return_val_if_fail (school_uuid != NULL, NULL);

  if ((audience == XA_EDUCATION_AUDIENCE_CLASS || audience == XA_EDUCATION_AUDIENCE_STAFF) &&
      !xa_store_read (xa_education_book_get_store (self), names_cb, &read, error))
    return NULL;
  return g_strv_builder_end (names);
}
