/* xa-hazard-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads a school's existing hazard ledger, kept in Excel or WPS, from an XLSX workbook
 * (its first sheet, xa-xlsx-reader.c) or a CSV file (xa-csv-reader.c), both a row at a
 * time in bounded memory. The first row names the columns, in Chinese as the district's
 * ledgers do (隐患编号, 发现日期, 隐患描述…, or the other names xa-hazard-columns.c knows);
 * each following row is a hazard, its values written as the ledger writes them (一般,
 * 待复查, 2021-09-03 or 2021年9月3日 or a date cell).
 *
 * All or nothing: every row is read and checked (xa_hazard_validate(), one number once,
 * the school's own), every problem is reported as FILE:LINE naming the column by the
 * heading the file gives it, and hazards are returned only when there is none. Writing
 * them, in one transaction, is the store's.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xa-hazard-columns.h"
#include "xa-hazard-import.h"
#include "xa-hazard-private.h"
#include "core/util/xa-csv-reader.h"
#include "core/util/xa-date.h"
#include "core/util/xa-school-year.h"
#include "core/util/xa-xlsx-reader.h"

#define MAX_ROWS     20000
/* Beyond this many problems the file is clearly the wrong one; listing more helps nobody. */
#define MAX_PROBLEMS 200
/* A row counter many ledgers have first; it says nothing of the hazard. */
#define ROW_NUMBER_HEADING "序号"

G_DEFINE_QUARK (xa-hazard-import-error-quark, xa_hazard_import_error)

static const XaLedgerColumn required[] = {
  XA_LEDGER_COLUMN_INSPECTION_TYPE, XA_LEDGER_COLUMN_FOUND_ON, XA_LEDGER_COLUMN_FOUND_BY,
  XA_LEDGER_COLUMN_PLACE, XA_LEDGER_COLUMN_CATEGORY, XA_LEDGER_COLUMN_DESCRIPTION,
  XA_LEDGER_COLUMN_GRADE, XA_LEDGER_COLUMN_MEASURES, XA_LEDGER_COLUMN_DEPARTMENT,
  XA_LEDGER_COLUMN_RESPONSIBLE, XA_LEDGER_COLUMN_DEADLINE,
};

typedef struct
{
  const XaHazardImportOptions *options;
  char                        *basename;
  GPtrArray                   *problems;
  guint                        n_problems;

  /* One of the two */
  XaCsvReader                 *csv;
  XaXlsxReader                *xlsx;

  /* The header: each column's place in the file (-1: absent) and its name there */
  int                          index[XA_N_LEDGER_COLUMNS];
  char                        *heading[XA_N_LEDGER_COLUMNS];
  GHashTable                  *number_lines;  /* number → its first line */
} Import;

static void
import_clear (Import *import)
{
  g_clear_pointer (&import->basename, g_free);
  g_clear_pointer (&import->csv, xa_csv_reader_free);
  g_clear_pointer (&import->xlsx, xa_xlsx_reader_free);
  g_clear_pointer (&import->number_lines, g_hash_table_unref);
  for (guint i = 0; i < XA_N_LEDGER_COLUMNS; i++)
    g_clear_pointer (&import->heading[i], g_free);
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

  import->n_problems++;
  if (import->problems->len >= MAX_PROBLEMS)
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

/* The column as the file names it, for messages; the ledger's name when it has none. */
static const char *
heading_of (Import         *import,
            XaLedgerColumn  column)
{
  return import->heading[column] != NULL ? import->heading[column] : xa_ledger_column_to_heading (column);
}

static gboolean
read_header (Import    *import,
             GPtrArray *cells,
             guint      line)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < XA_N_LEDGER_COLUMNS; i++)
    import->index[i] = -1;

  for (guint i = 0; i < cells->len; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (g_ptr_array_index (cells, i)));
      XaLedgerColumn column;

      if (name[0] == '\0' || g_str_equal (name, ROW_NUMBER_HEADING))
        continue;

      if (!xa_ledger_column_from_heading (name, &column))
        {
          report (import, line,
                  _("“%s” is not a column of the hazard ledger; rename it as one (隐患编号, 发现日期, 隐患描述…) or remove it"),
                  name);
          ok = FALSE;
          continue;
        }

      if (import->index[column] >= 0)
        {
          report (import, line, _("The header has the column “%s” twice"), xa_ledger_column_to_heading (column));
          ok = FALSE;
          continue;
        }

      import->index[column] = (int) i;
      import->heading[column] = g_steal_pointer (&name);
    }

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      if (import->index[required[i]] < 0)
        {
          report (import, line, _("The header row has no column “%s”"), xa_ledger_column_to_heading (required[i]));
          ok = FALSE;
        }
    }

  return ok;
}

/* A cell as typed, white space around it dropped; a CSV cell that an export neutralised
 * ('=…) as it was. */
static char *
dup_cell (Import         *import,
          GPtrArray      *cells,
          XaLedgerColumn  column)
{
  int index = import->index[column];
  char *text;

  if (index < 0 || (guint) index >= cells->len)
    return g_strdup ("");

  text = g_strstrip (g_strdup (g_ptr_array_index (cells, index)));
  if (import->csv != NULL && text[0] == '\'' && text[1] != '\0' && strchr ("=+-@\t\r", text[1]) != NULL)
    memmove (text, text + 1, strlen (text));

  return text;
}

/* A date as ledgers write it: 2021-09-03, 2021-9-3, 2021/9/3, 2021.9.3, 2021年9月3日,
 * a date cell of a workbook, with or without a time after it. */
static char *
dup_date (Import     *import,
          const char *text)
{
  g_autoptr(GString) typed = NULL;
  char *iso;

  if (import->xlsx != NULL && (iso = xa_xlsx_reader_dup_date (import->xlsx, text)) != NULL)
    return iso;

  typed = g_string_new (text);
  if (strchr (typed->str, ' ') != NULL)
    g_string_truncate (typed, strchr (typed->str, ' ') - typed->str);
  g_string_replace (typed, "年", "-", 0);
  g_string_replace (typed, "月", "-", 0);
  g_string_replace (typed, "日", "", 0);
  g_string_replace (typed, "/", "-", 0);
  g_string_replace (typed, ".", "-", 0);
  return xa_date_normalise (typed->str);
}

/* The names a typed column accepts, for a message: 一般、重大. */
static char *
dup_choices (XaHazardField field,
             int           n_values)
{
  g_autoptr(GString) choices = g_string_new (NULL);

  for (int value = 0; value < n_values; value++)
    {
      const char *name = xa_hazard_value_to_chinese (field, value);

      if (name == NULL || name[0] == '\0')
        continue;
      if (choices->len > 0)
        g_string_append (choices, "、");
      g_string_append (choices, name);
    }

  return g_string_free (g_steal_pointer (&choices), FALSE);
}

static int
n_values_of (XaHazardField field)
{
  switch ((guint) field)
    {
    case XA_HAZARD_FIELD_INSPECTION_TYPE:
      return XA_N_INSPECTION_TYPES;
    case XA_HAZARD_FIELD_CATEGORY:
      return XA_N_HAZARD_CATEGORIES;
    case XA_HAZARD_FIELD_GRADE:
      return XA_N_HAZARD_GRADES;
    case XA_HAZARD_FIELD_REINSPECTION_RESULT:
      return XA_N_REINSPECTION_RESULTS;
    case XA_HAZARD_FIELD_STATE:
      return XA_N_HAZARD_STATES;
    default:
      return 2;
    }
}

static void
set_typed (XaHazard      *hazard,
           XaHazardField  field,
           int            value)
{
  switch ((guint) field)
    {
    case XA_HAZARD_FIELD_INSPECTION_TYPE:
      xa_hazard_set_inspection_type (hazard, value);
      break;
    case XA_HAZARD_FIELD_CATEGORY:
      xa_hazard_set_category (hazard, value);
      break;
    case XA_HAZARD_FIELD_GRADE:
      xa_hazard_set_grade (hazard, value);
      break;
    case XA_HAZARD_FIELD_REINSPECTION_RESULT:
      _xa_hazard_set_reinspection_result (hazard, value);
      break;
    case XA_HAZARD_FIELD_STATE:
      _xa_hazard_set_state (hazard, value);
      break;
    case XA_HAZARD_FIELD_REPORTED:
      xa_hazard_set_reported (hazard, value);
      break;
    case XA_HAZARD_FIELD_SUPERVISED:
      xa_hazard_set_supervised (hazard, value);
      break;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
same_name (const char *a,
           const char *b)
{
  g_autofree char *x = g_utf8_normalize (a, -1, G_NORMALIZE_ALL);
  g_autofree char *y = g_utf8_normalize (b, -1, G_NORMALIZE_ALL);

  return g_strcmp0 (x, y) == 0;
}

/* Reads one cell into @hazard; FALSE when it was reported. */
static gboolean
read_cell (Import         *import,
           guint           line,
           XaLedgerColumn  column,
           const char     *text,
           XaHazard       *hazard,
           int            *school_year)
{
  XaHazardField field = xa_ledger_column_get_field (column);
  const char *heading = heading_of (import, column);
  g_autoptr(GError) error = NULL;
  int value;

  switch ((guint) field)
    {
    case XA_HAZARD_FIELD_NONE:
      /* 是否逾期 is computed, never read. */
      return TRUE;

    case XA_HAZARD_FIELD_SCHOOL_UUID:
      if (text[0] != '\0' && import->options->school_name != NULL && !same_name (text, import->options->school_name))
        {
          report (import, line, _("%s: “%s” is another school; this ledger is imported for %s"),
                  heading, text, import->options->school_name);
          return FALSE;
        }
      return TRUE;

    case XA_HAZARD_FIELD_SCHOOL_YEAR:
      if (text[0] != '\0' && !xa_school_year_parse (text, school_year, &error))
        {
          report (import, line, _("%s: %s"), heading, error->message);
          return FALSE;
        }
      return TRUE;

    case XA_HAZARD_FIELD_INSPECTION_TYPE:
    case XA_HAZARD_FIELD_CATEGORY:
    case XA_HAZARD_FIELD_GRADE:
    case XA_HAZARD_FIELD_REINSPECTION_RESULT:
    case XA_HAZARD_FIELD_STATE:
    case XA_HAZARD_FIELD_REPORTED:
    case XA_HAZARD_FIELD_SUPERVISED:
      if (!xa_hazard_value_from_chinese (field, text, &value))
        {
          g_autofree char *choices = dup_choices (field, n_values_of (field));

          /* Translators: a column such as 隐患等级, the value found, then the values allowed */
          report (import, line, _("%s: “%s” is not one of %s"), heading, text, choices);
          return FALSE;
        }
      set_typed (hazard, field, value);
      return TRUE;

    default:
      break;
    }

  if (xa_ledger_column_get_kind (column) == XA_LEDGER_CELL_DATE && text[0] != '\0')
    {
      g_autofree char *iso = dup_date (import, text);

      if (iso == NULL)
        {
          report (import, line, _("%s: “%s” is not a date (write it like 2021-09-01)"), heading, text);
          return FALSE;
        }
      xa_hazard_set_text (hazard, field, iso);
      return TRUE;
    }

  if (xa_ledger_column_get_kind (column) == XA_LEDGER_CELL_AMOUNT)
    {
      g_autoptr(GString) amount = g_string_new (text);

      char *end = NULL;
      double yuan;

      g_string_replace (amount, ",", "", 0);
      g_string_replace (amount, "元", "", 0);
      /* A spreadsheet's number (1200.5, or 1200.4999999 of a sum) with its cents. */
      yuan = g_ascii_strtod (amount->str, &end);
      if (strchr (amount->str, '.') != NULL && end != amount->str && *end == '\0' && yuan >= 0)
        {
          char formatted[G_ASCII_DTOSTR_BUF_SIZE];

          g_string_assign (amount, g_ascii_formatd (formatted, sizeof formatted, "%.2f", yuan));
        }
      xa_hazard_set_text (hazard, field, amount->str);
      return TRUE;
    }

  xa_hazard_set_text (hazard, field, text);
  return TRUE;
}

/* The school year when the file has no 学年度: the options', the number's, the date's. */
static int
guess_school_year (Import   *import,
                   XaHazard *hazard)
{
  GDate found_on;
  int year = 0;

  if (import->options->school_year > 0)
    return import->options->school_year;

  if (xa_hazard_number_parse (xa_hazard_get_number (hazard), &year, NULL, NULL, NULL))
    return year;

  if (xa_date_parse (xa_hazard_get_text (hazard, XA_HAZARD_FIELD_FOUND_ON), &found_on))
    return xa_school_year_for_date (&found_on);

  return 0;
}

static gboolean
check_number (Import   *import,
              guint     line,
              XaHazard *hazard)
{
  const char *number = xa_hazard_get_number (hazard);
  g_autofree char *code = NULL;
  gpointer first_line;

  if (number[0] == '\0')
    return TRUE;

  if (import->options->school_code != NULL &&
      xa_hazard_number_parse (number, NULL, &code, NULL, NULL) &&
      g_strcmp0 (code, import->options->school_code) != 0)
    {
      report (import, line, _("%s: “%s” is the number of another school’s hazard (this school’s identifier is %s)"),
              heading_of (import, XA_LEDGER_COLUMN_NUMBER), number, import->options->school_code);
      return FALSE;
    }

  if ((first_line = g_hash_table_lookup (import->number_lines, number)) != NULL)
    {
      report (import, line, _("%s: “%s” is already on line %u"),
              heading_of (import, XA_LEDGER_COLUMN_NUMBER), number, GPOINTER_TO_UINT (first_line));
      return FALSE;
    }

  g_hash_table_insert (import->number_lines, g_strdup (number), GUINT_TO_POINTER (line));
  return TRUE;
}

static XaHazard *
read_row (Import    *import,
          GPtrArray *cells,
          guint      line)
{
  g_autoptr(XaHazard) hazard = xa_hazard_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  XaHazardField bad_field = XA_HAZARD_FIELD_NONE;
  XaLedgerColumn bad_column;
  int school_year = 0;
  gboolean ok = TRUE;

  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_UUID, uuid);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_SCHOOL_UUID, import->options->school_uuid);

  for (guint column = 0; column < XA_N_LEDGER_COLUMNS; column++)
    {
      g_autofree char *text = NULL;

      if (import->index[column] < 0)
        continue;

      text = dup_cell (import, cells, column);
      ok &= read_cell (import, line, column, text, hazard, &school_year);
    }

  if (!ok)
    return NULL;

  xa_hazard_set_school_year (hazard, school_year > 0 ? school_year : guess_school_year (import, hazard));

  if (!xa_hazard_validate (hazard, &bad_field, &error))
    {
      bad_column = xa_ledger_column_for_field (bad_field);
      if (bad_column < XA_N_LEDGER_COLUMNS)
        /* Translators: the column as the file names it, then what is wrong */
        report (import, line, _("%s: %s"), heading_of (import, bad_column), error->message);
      else
        report (import, line, "%s", error->message);
      return NULL;
    }

  if (!check_number (import, line, hazard))
    return NULL;

  return g_steal_pointer (&hazard);
}

static GPtrArray *
next_cells (Import  *import,
            guint   *line,
            GError **error)
{
  if (import->csv != NULL)
    return xa_csv_reader_next (import->csv, line, error);

  return xa_xlsx_reader_next (import->xlsx, line, error);
}

static gboolean
open_file (Import        *import,
           GFile         *file,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (xa_xlsx_is_zip (file))
    import->xlsx = xa_xlsx_reader_open (file, cancellable, &local_error);
  else
    import->csv = xa_csv_reader_open (file, report_problem_cb, import, cancellable, &local_error);

  if (local_error == NULL)
    return TRUE;

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error_literal (error, XA_HAZARD_IMPORT_ERROR, XA_HAZARD_IMPORT_ERROR_READ, local_error->message);
  return FALSE;
}

/**
 * xa_hazard_import_file:
 * @file: a ledger: an XLSX workbook (its first sheet) or a CSV file (UTF-8 with or
 *   without a byte order mark, or GB18030), its first row naming the columns
 * @problems: (out) (optional) (transfer full) (element-type utf8): on rejection, every
 *   problem as "FILE:LINE: reason", the column named as the file names it
 *
 * Reads and checks the whole ledger. Blocks: run it in a worker thread in the app.
 *
 * Returns: (transfer full) (nullable) (element-type XaHazard): the hazards, valid, each
 *   with a new UUID and its state as the file gives it (待整改 without a 状态 column);
 *   or %NULL with %XA_HAZARD_IMPORT_ERROR_READ when the file cannot be read, or
 *   %XA_HAZARD_IMPORT_ERROR_REJECTED when any row is wrong
 */
GPtrArray *
xa_hazard_import_file (GFile                        *file,
                       const XaHazardImportOptions  *options,
                       GPtrArray                   **problems,
                       GCancellable                 *cancellable,
                       GError                      **error)
{
  g_auto(Import) import = { options, g_file_get_basename (file), NULL };
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) hazards = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;
  gboolean header_read = FALSE;
  gboolean header_ok = FALSE;
  guint n_rows = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (options != NULL && options->school_uuid != NULL, NULL);

  if (problems != NULL)
    *problems = NULL;

  import.problems = found;
  import.number_lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!open_file (&import, file, cancellable, error))
    return NULL;

  while (import.csv == NULL || !xa_csv_reader_get_stopped (import.csv))
    {
      g_autoptr(GPtrArray) cells = NULL;
      guint line = 0;

      if (!(cells = next_cells (&import, &line, &local_error)))
        break;

      if (!header_read)
        {
          header_read = TRUE;
          header_ok = read_header (&import, cells, line);
          continue;
        }

      if (++n_rows > MAX_ROWS)
        {
          report (&import, line, _("The ledger has more than %u rows; split it into smaller files"), MAX_ROWS);
          break;
        }

      if (header_ok)
        {
          XaHazard *hazard = read_row (&import, cells, line);

          if (hazard != NULL)
            g_ptr_array_add (hazards, hazard);
        }
    }

  if (local_error != NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else if (local_error->domain == XA_XLSX_ERROR)
        report (&import, 0, "%s", local_error->message);
      else
        {
          g_set_error_literal (error, XA_HAZARD_IMPORT_ERROR, XA_HAZARD_IMPORT_ERROR_READ, local_error->message);
          return NULL;
        }
      if (error != NULL && *error != NULL)
        return NULL;
    }

  if (!header_read && import.n_problems == 0)
    report (&import, 1, _("The file is empty; the first row must name the columns: 隐患编号, 发现日期, 隐患描述…"));
  else if (header_ok && n_rows == 0 && import.n_problems == 0)
    report (&import, 0, _("The file has no hazards, only the header row; add one row per hazard below it"));

  if (import.n_problems > 0)
    {
      if (import.n_problems > found->len)
        g_ptr_array_add (found, g_strdup_printf (_("… and %u more problems"), import.n_problems - found->len));
      g_set_error (error, XA_HAZARD_IMPORT_ERROR, XA_HAZARD_IMPORT_ERROR_REJECTED,
                   g_dngettext (GETTEXT_PACKAGE, "%s: %u problem; nothing was imported",
                                "%s: %u problems; nothing was imported", import.n_problems),
                   import.basename, import.n_problems);
      if (problems != NULL)
        *problems = g_steal_pointer (&found);
      return NULL;
    }

  return g_steal_pointer (&hazards);
}
