/* xa-education-roster.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A school's roster of a year read from the spreadsheet it keeps: XLSX (its first sheet)
 * or CSV in UTF-8 or GB18030, read by the readers the ledger's import uses. Columns by
 * their heading in any order: 年级, 班级, 姓名, 学号, 不计入原因 — or 年级, 班级, 人数
 * where a school keeps counts only. A row of 年级 教职工 (and no 班级) is on the staff
 * list. The whole file is checked before anything is stored, every problem named by
 * its line, and the school's roster of the year is then replaced in one transaction.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xa-education-book.h"
#include "xa-education-private.h"
#include "core/util/xa-csv-reader.h"
#include "core/util/xa-xlsx-reader.h"

#define MAX_PROBLEMS 50
#define MAX_ROWS     20000
#define STAFF_GRADE  "教职工"

enum { COL_GRADE, COL_CLASS, COL_NAME, COL_NUMBER, COL_EXCLUDED, COL_COUNT, N_COLS };

static const char * const headings[N_COLS] = { "年级", "班级", "姓名", "学号", "不计入原因", "人数" };

typedef struct
{
  char      *grade;
  char      *class_name;
  guint      headcount;
  GPtrArray *people;   /* (element-type Person) */
} Class;

typedef struct
{
  char *name;
  char *number;
  char *excluded;
} Person;

typedef struct
{
  char         *basename;
  XaCsvReader  *csv;
  XaXlsxReader *xlsx;
  GPtrArray    *problems;
  guint         n_problems;
  int           column[N_COLS];
  GPtrArray    *classes;       /* (element-type Class), in the file's order */
  GHashTable   *class_index;   /* "grade\nclass" → Class */
  GHashTable   *seen;          /* "grade\nclass\nname\nnumber" or "#number" → first line */
} Import;

static void
person_free (gpointer data)
{
  Person *person = data;

  g_free (person->name);
  g_free (person->number);
  g_free (person->excluded);
  g_free (person);
}

static void
class_free (gpointer data)
{
  Class *class = data;

  g_free (class->grade);
  g_free (class->class_name);
  g_ptr_array_unref (class->people);
  g_free (class);
}

static void
import_clear (Import *import)
{
  g_clear_pointer (&import->basename, g_free);
  g_clear_pointer (&import->csv, xa_csv_reader_free);
  g_clear_pointer (&import->xlsx, xa_xlsx_reader_free);
  g_clear_pointer (&import->problems, g_ptr_array_unref);
  g_clear_pointer (&import->classes, g_ptr_array_unref);
  g_clear_pointer (&import->class_index, g_hash_table_unref);
  g_clear_pointer (&import->seen, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Import, import_clear)

G_GNUC_PRINTF (3, 4)
static void
report (Import     *import,
        guint       line,
        const char *format,
        ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  if (import->n_problems++ >= MAX_PROBLEMS)
    return;
  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  if (line > 0)
    g_ptr_array_add (import->problems, g_strdup_printf ("%s:%u: %s", import->basename, line, reason));
  else
    g_ptr_array_add (import->problems, g_strdup_printf ("%s: %s", import->basename, reason));
}

static void
report_problem_cb (guint       line,
                   const char *reason,
                   gpointer    user_data)
{
  report (user_data, line, "%s", reason);
}

static const char *
cell (GPtrArray *cells,
      int        column)
{
  if (column < 0 || (guint) column >= cells->len || g_ptr_array_index (cells, column) == NULL)
    return "";
  return g_ptr_array_index (cells, column);
}

static gboolean
read_header (Import    *import,
             GPtrArray *cells,
             guint      line)
{
  for (guint i = 0; i < N_COLS; i++)
    import->column[i] = -1;
  for (guint c = 0; c < cells->len; c++)
    {
      g_autofree char *heading = g_strstrip (g_strdup (cell (cells, (int) c)));

      for (guint i = 0; i < N_COLS; i++)
        if (strcmp (heading, headings[i]) == 0)
          {
            if (import->column[i] >= 0)
              report (import, line, _("The column %s appears twice"), headings[i]);
            import->column[i] = (int) c;
          }
    }

  if (import->column[COL_GRADE] < 0 || import->column[COL_CLASS] < 0)
    report (import, line, _("The columns 年级 and 班级 are missing; the first row must name the columns: 年级, 班级, 姓名, 学号"));
  else if ((import->column[COL_NAME] < 0) == (import->column[COL_COUNT] < 0))
    report (import, line, _("A roster has either a 姓名 column (one row per person) or a 人数 column (one row per class), not both nor neither"));
  else
    return TRUE;
  return FALSE;
}

/* (3)班, （3）班, 3班 and 3 are one class, written (3)班. */
static char *
normalise_class (const char *text)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *p = text;

  if (g_str_has_prefix (p, "(") || g_str_has_prefix (p, "（"))
    p = g_utf8_next_char (p);
  while (g_ascii_isdigit (*p))
    g_string_append_c (digits, *p++);
  if (g_str_has_prefix (p, ")") || g_str_has_prefix (p, "）"))
    p = g_utf8_next_char (p);
  if (g_str_has_prefix (p, "班"))
    p += strlen ("班");
  if (digits->len == 0 || digits->len > 3 || *p != '\0')
    return NULL;
  return g_strdup_printf ("(%u)班", (guint) g_ascii_strtoull (digits->str, NULL, 10));
}

static void
read_row (Import    *import,
          GPtrArray *cells,
          guint      line)
{
  g_autofree char *grade = g_strstrip (g_strdup (cell (cells, import->column[COL_GRADE])));
  g_autofree char *class_text = g_strstrip (g_strdup (cell (cells, import->column[COL_CLASS])));
  g_autofree char *class_name = NULL;
  g_autofree char *key = NULL;
  gboolean staff = strcmp (grade, STAFF_GRADE) == 0;
  Class *class;

  for (guint c = 0; c < cells->len; c++)
    if (*cell (cells, (int) c) != '\0')
      break;
    else if (c + 1 == cells->len)
      return;  /* a blank row */

  if (*grade == '\0' || g_utf8_strlen (grade, -1) > 40)
    {
      report (import, line, _("年级: missing or longer than 40 characters"));
      return;
    }
  if (staff)
    {
      if (*class_text != '\0')
        {
          report (import, line, _("班级: the staff (教职工) have no class, but “%s” is given"), class_text);
          return;
        }
      class_name = g_strdup ("");
      g_clear_pointer (&grade, g_free);
      grade = g_strdup ("");
    }
  else if (!(class_name = normalise_class (class_text)))
    {
      report (import, line, _("班级: “%s” is not a class such as (3)班 or 3班"), class_text);
      return;
    }

  key = g_strconcat (grade, "\n", class_name, NULL);
  if (!(class = g_hash_table_lookup (import->class_index, key)))
    {
      class = g_new0 (Class, 1);
      class->grade = g_strdup (grade);
      class->class_name = g_strdup (class_name);
      class->people = g_ptr_array_new_with_free_func (person_free);
      g_ptr_array_add (import->classes, class);
      g_hash_table_insert (import->class_index, g_strdup (key), class);
    }
  else if (import->column[COL_COUNT] >= 0)
    {
      report (import, line, _("%s%s is on two rows; give each class's 人数 once"),
              staff ? STAFF_GRADE : grade, class_name);
      return;
    }

  if (import->column[COL_COUNT] >= 0)
    {
      guint64 n = 0;

      if (!g_ascii_string_to_unsigned (g_strstrip ((char *) cell (cells, import->column[COL_COUNT])), 10, 0, 100000, &n, NULL))
        report (import, line, _("人数: “%s” is not a number of people from 0 to 100000"),
                cell (cells, import->column[COL_COUNT]));
      class->headcount = (guint) n;
      return;
    }

  {
    g_autofree char *name = g_strstrip (g_strdup (cell (cells, import->column[COL_NAME])));
    g_autofree char *number = g_strstrip (g_strdup (cell (cells, import->column[COL_NUMBER])));
    g_autofree char *excluded = g_strstrip (g_strdup (cell (cells, import->column[COL_EXCLUDED])));
    g_autofree char *person_key = NULL;
    gpointer first;
    Person *person;

    if (*name == '\0' || g_utf8_strlen (name, -1) > 60)
      {
        report (import, line, _("姓名: missing or longer than 60 characters"));
        return;
      }
    if (g_utf8_strlen (number, -1) > 40 || g_utf8_strlen (excluded, -1) > 200)
      {
        report (import, line, _("学号 or 不计入原因: too long"));
        return;
      }
    person_key = *number != '\0' ? g_strconcat ("#", number, NULL) : g_strconcat (key, "\n", name, NULL);
    if ((first = g_hash_table_lookup (import->seen, person_key)) != NULL)
      {
        if (*number != '\0')
          report (import, line, _("学号: %s is also on line %u"), number, GPOINTER_TO_UINT (first));
        else
          report (import, line, _("姓名: %s of %s%s is also on line %u; tell them apart by 学号"),
                  name, staff ? STAFF_GRADE : grade, class_name, GPOINTER_TO_UINT (first));
        return;
      }
    g_hash_table_insert (import->seen, g_steal_pointer (&person_key), GUINT_TO_POINTER (line));

    person = g_new0 (Person, 1);
    person->name = g_steal_pointer (&name);
    person->number = g_steal_pointer (&number);
    person->excluded = g_steal_pointer (&excluded);
    g_ptr_array_add (class->people, person);
  }
}

static gboolean
read_file (Import        *import,
           GFile         *file,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean header_read = FALSE;
  gboolean header_ok = FALSE;
  guint n_rows = 0;

  if (xa_xlsx_is_zip (file))
    import->xlsx = xa_xlsx_reader_open (file, cancellable, &local_error);
  else
    import->csv = xa_csv_reader_open (file, report_problem_cb, import, cancellable, &local_error);
  if (local_error != NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error_literal (error, XA_EDUCATION_ERROR, XA_EDUCATION_ERROR_READ, local_error->message);
      return FALSE;
    }

  while (import->csv == NULL || !xa_csv_reader_get_stopped (import->csv))
    {
      g_autoptr(GPtrArray) cells = NULL;
      guint line = 0;

      if (import->csv != NULL)
        cells = xa_csv_reader_next (import->csv, &line, &local_error);
      else
        cells = xa_xlsx_reader_next (import->xlsx, &line, &local_error);
      if (cells == NULL)
        break;

      if (!header_read)
        {
          header_read = TRUE;
          header_ok = read_header (import, cells, line);
        }
      else if (++n_rows > MAX_ROWS)
        {
          report (import, line, _("The roster has more than %u rows; split it by grade"), MAX_ROWS);
          break;
        }
      else if (header_ok)
        read_row (import, cells, line);
    }

  if (local_error != NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (local_error->domain != XA_XLSX_ERROR)
        {
          g_set_error_literal (error, XA_EDUCATION_ERROR, XA_EDUCATION_ERROR_READ, local_error->message);
          return FALSE;
        }
      report (import, 0, "%s", local_error->message);
    }

  if (!header_read && import->n_problems == 0)
    report (import, 1, _("The file is empty; the first row must name the columns: 年级, 班级, 姓名, 学号"));
  else if (header_ok && import->classes->len == 0 && import->n_problems == 0)
    report (import, 0, _("The file has no classes, only the header row"));
  return TRUE;
}

typedef struct
{
  const char *school_uuid;
  int         school_year;
  Import     *import;
  gboolean    named;
} Store;

static gboolean
store_cb (XaStore   *store,
          gpointer   user_data,
          GError   **error)
{
  Store *data = user_data;
  g_autoptr(XaStatement) used = NULL;
  g_autoptr(XaStatement) drop_people = NULL;
  g_autoptr(XaStatement) drop_classes = NULL;
  gint64 organisation_id = 0;

  if (!_xa_education_find_school (store, data->school_uuid, &organisation_id, error))
    return FALSE;

  /* A person an absence names stays: the roster is then corrected by hand, not replaced. */
  if (!(used = xa_store_prepare (store,
                                 "SELECT count(*) FROM education_absence a JOIN roster_person p ON p.id = a.person_id"
                                 " JOIN roster_class c ON c.id = p.class_id WHERE c.organisation_id = ? AND c.school_year = ?",
                                 error)))
    return FALSE;
  xa_statement_bind_int64 (used, 1, organisation_id);
  xa_statement_bind_int (used, 2, data->school_year);
  if (!xa_statement_step_one (used, error))
    return FALSE;
  if (xa_statement_get_int (used, 0) > 0)
    return g_set_error (error, XA_EDUCATION_ERROR, XA_EDUCATION_ERROR_IN_USE,
                        _("The roster of %d cannot be replaced: education records name %d absences on it"),
                        data->school_year, xa_statement_get_int (used, 0)), FALSE;

  if (!(drop_people = xa_store_prepare (store,
                                        "DELETE FROM roster_person WHERE class_id IN"
                                        " (SELECT id FROM roster_class WHERE organisation_id = ? AND school_year = ?)",
                                        error)) ||
      !(drop_classes = xa_store_prepare (store, "DELETE FROM roster_class WHERE organisation_id = ? AND school_year = ?",
                                         error)))
    return FALSE;
  xa_statement_bind_int64 (drop_people, 1, organisation_id);
  xa_statement_bind_int (drop_people, 2, data->school_year);
  xa_statement_bind_int64 (drop_classes, 1, organisation_id);
  xa_statement_bind_int (drop_classes, 2, data->school_year);
  if (!xa_statement_run (drop_people, error) || !xa_statement_run (drop_classes, error))
    return FALSE;

  for (guint i = 0; i < data->import->classes->len; i++)
    {
      Class *class = g_ptr_array_index (data->import->classes, i);
      g_autoptr(XaStatement) insert = NULL;
      g_autofree char *uuid = xa_store_new_uuid ();
      g_autofree char *detail = NULL;
      gint64 class_id;

      if (!(insert = xa_store_prepare (store,
                                       "INSERT INTO roster_class (uuid, organisation_id, school_year, kind, grade, class_name,"
                                       " headcount, named) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                                       error)))
        return FALSE;
      xa_statement_bind_text (insert, 1, uuid);
      xa_statement_bind_int64 (insert, 2, organisation_id);
      xa_statement_bind_int (insert, 3, data->school_year);
      xa_statement_bind_text (insert, 4, *class->grade == '\0' ? "staff" : "class");
      xa_statement_bind_text (insert, 5, class->grade);
      xa_statement_bind_text (insert, 6, class->class_name);
      xa_statement_bind_int (insert, 7, (int) (data->named ? class->people->len : class->headcount));
      xa_statement_bind_int (insert, 8, data->named ? 1 : 0);
      if (!xa_statement_step_one (insert, error))
        return FALSE;
      class_id = xa_statement_get_int64 (insert, 0);

      for (guint j = 0; j < class->people->len; j++)
        {
          Person *person = g_ptr_array_index (class->people, j);
          g_autoptr(XaStatement) add = NULL;
          g_autofree char *person_uuid = xa_store_new_uuid ();

          if (!(add = xa_store_prepare (store,
                                        "INSERT INTO roster_person (uuid, class_id, name, number, excluded) VALUES (?, ?, ?, ?, ?)",
                                        error)))
            return FALSE;
          xa_statement_bind_text (add, 1, person_uuid);
          xa_statement_bind_int64 (add, 2, class_id);
          xa_statement_bind_text (add, 3, person->name);
          xa_statement_bind_text (add, 4, person->number);
          xa_statement_bind_text (add, 5, person->excluded);
          if (!xa_statement_run (add, error))
            return FALSE;
        }

      detail = g_strdup_printf ("{\"school_year\":%d,\"people\":%u}", data->school_year,
                                data->named ? class->people->len : class->headcount);
      if (!xa_store_append_audit (store, "education.roster", "roster_class", uuid, detail, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * xa_education_book_import_roster:
 * @problems: (out) (optional) (transfer full) (element-type utf8): on rejection, every
 *   problem as "FILE:LINE: reason"
 *
 * Reads the whole roster and replaces the school's roster of @school_year with it in
 * one transaction. Blocks: run it in a worker thread in the app.
 *
 * Returns: %TRUE when stored; %FALSE with %XA_EDUCATION_ERROR_READ (the file cannot be
 *   read), %XA_EDUCATION_ERROR_REJECTED (@problems says why) or another error, nothing
 *   changed
 */
gboolean
xa_education_book_import_roster (XaEducationBook  *self,
                                 const char       *school_uuid,
                                 int               school_year,
                                 GFile            *file,
                                 GPtrArray       **problems,
                                 GCancellable     *cancellable,
                                 GError          **error)
{
  g_auto(Import) import = { g_file_get_basename (file), NULL };
  Store data = { school_uuid, school_year, &import, FALSE };

  g_return_val_if_fail (XA_IS_EDUCATION_BOOK (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (problems != NULL)
    *problems = NULL;
  import.problems = g_ptr_array_new_with_free_func (g_free);
  import.classes = g_ptr_array_new_with_free_func (class_free);
  import.class_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!read_file (&import, file, cancellable, error))
    return FALSE;

  if (import.n_problems > 0)
    {
      if (import.n_problems > import.problems->len)
        g_ptr_array_add (import.problems, g_strdup_printf (_("… and %u more problems"),
                                                           import.n_problems - import.problems->len));
      g_set_error (error, XA_EDUCATION_ERROR, XA_EDUCATION_ERROR_REJECTED,
                   g_dngettext (GETTEXT_PACKAGE, "%s has %u problem; nothing was imported",
                                "%s has %u problems; nothing was imported", import.n_problems),
                   import.basename, import.n_problems);
      if (problems != NULL)
        *problems = g_ptr_array_ref (import.problems);
      return FALSE;
    }

  data.named = import.column[COL_NAME] >= 0;
  return xa_store_write (xa_education_book_get_store (self), store_cb, &data, error);
}
