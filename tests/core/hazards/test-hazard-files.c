/* test-hazard-files.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ledger's files: exported to XLSX and CSV and read back, a workbook made by another
 * program (tests/data/hazards/make-wps-ledger.py) imported, formula-looking cells
 * neutralised in CSV and restored on import, and bad files refused whole with FILE:LINE
 * problems that name the column.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "hazard-test-utils.h"
#include "xa-test-utils.h"
#include "core/hazards/xa-hazard-columns.h"
#include "core/hazards/xa-hazard-export.h"
#include "core/hazards/xa-hazard-import.h"
#include "core/util/xa-csv-reader.h"
#include "core/util/xa-xlsx-reader.h"

#define SCHOOL_UUID "0f0e6d43-5d2c-4a55-9a51-3f3c36f0e0a1"
#define SCHOOL_NAME "示例区实验小学"
#define SCHOOL_CODE "2150000113"

static const XaHazardExportInfo export_info = { SCHOOL_NAME, NULL, "2021-10-08" };
static const XaHazardImportOptions import_options = { SCHOOL_UUID, SCHOOL_NAME, SCHOOL_CODE, 0 };

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("xa-hazard-files-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  xa_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* Hazards in every state, with the cells a file can spoil: line breaks, commas, quotes,
 * formula-looking text, an amount with cents, a 重大 hazard's flags. */
static GPtrArray *
make_hazards (void)
{
  GPtrArray *hazards = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 1; i <= 6; i++)
    {
      XaHazard *hazard = test_hazard_new (i == 2 ? XA_HAZARD_GRADE_MAJOR : XA_HAZARD_GRADE_GENERAL);
      g_autofree char *number = g_strdup_printf ("2021-2022-" SCHOOL_CODE "-%04u", i);
      g_autofree char *uuid = g_uuid_string_random ();

      xa_hazard_set_text (hazard, XA_HAZARD_FIELD_UUID, uuid);
      xa_hazard_set_text (hazard, XA_HAZARD_FIELD_NUMBER, number);
      if (i == 2)
        {
          test_hazard_set_major_requirements (hazard);
          xa_hazard_set_text (hazard, XA_HAZARD_FIELD_FUNDS, "1200.50");
          xa_hazard_set_text (hazard, XA_HAZARD_FIELD_FUNDS_SOURCE, "公用经费");
        }
      if (i == 3)
        {
          xa_hazard_set_text (hazard, XA_HAZARD_FIELD_DESCRIPTION, "=HYPERLINK(\"http://example.invalid\",\"点击\")");
          xa_hazard_set_text (hazard, XA_HAZARD_FIELD_PLACE, "+1楼");
          xa_hazard_set_text (hazard, XA_HAZARD_FIELD_FOUND_BY, "-张老师");
          xa_hazard_set_text (hazard, XA_HAZARD_FIELD_REMARKS, "@SUM(A1:A3)");
        }
      if (i == 4)
        xa_hazard_set_text (hazard, XA_HAZARD_FIELD_MEASURES, "第一步，断电；\n第二步：更换\"防爆\"开关");

      if (i >= 2)
        test_hazard_step (hazard, XA_HAZARD_STEP_START, TEST_RESPONSIBLE, NULL, NULL);
      if (i >= 4)
        test_hazard_step (hazard, XA_HAZARD_STEP_COMPLETE, TEST_RESPONSIBLE, "2021-09-08", "已更换");
      if (i >= 5)
        test_hazard_step (hazard, XA_HAZARD_STEP_PASS, "王校长", "2021-09-12", NULL);
      if (i >= 6)
        test_hazard_step (hazard, XA_HAZARD_STEP_CLOSE, "王校长", "2021-09-13", NULL);

      g_assert_true (xa_hazard_validate (hazard, NULL, NULL));
      g_ptr_array_add (hazards, hazard);
    }

  return hazards;
}

/* What a file holds of a hazard: every column as the export writes it. */
static char *
dup_row (XaHazard *hazard)
{
  GString *row = g_string_new (NULL);

  for (guint column = 0; column < XA_N_LEDGER_COLUMNS; column++)
    {
      g_autofree char *text = xa_ledger_column_dup_text (column, hazard, SCHOOL_NAME, NULL);

      g_string_append_printf (row, "%s=%s|", xa_ledger_column_to_heading (column), text);
    }

  return g_string_free (row, FALSE);
}

static void
assert_same_hazards (GPtrArray *expected,
                     GPtrArray *actual)
{
  g_assert_nonnull (actual);
  g_assert_cmpuint (actual->len, ==, expected->len);

  for (guint i = 0; i < expected->len; i++)
    {
      g_autofree char *a = dup_row (expected->pdata[i]);
      g_autofree char *b = dup_row (actual->pdata[i]);

      g_assert_cmpstr (b, ==, a);
      g_assert_cmpstr (xa_hazard_get_text (actual->pdata[i], XA_HAZARD_FIELD_SCHOOL_UUID), ==, SCHOOL_UUID);
      g_assert_true (xa_hazard_validate (actual->pdata[i], NULL, NULL));
    }
}

static GPtrArray *
import (const char  *path,
        GPtrArray  **problems,
        GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return xa_hazard_import_file (file, &import_options, problems, NULL, error);
}

static void
test_xlsx_round_trip (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) hazards = make_hazards ();
  g_autoptr(GPtrArray) read = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "台账.xlsx", NULL);

  g_assert_true (xa_hazard_export_xlsx (hazards, &export_info, path, &error));
  g_assert_no_error (error);

  read = import (path, &problems, &error);
  g_assert_no_error (error);
  g_assert_null (problems);
  assert_same_hazards (hazards, read);
  g_assert_cmpint (xa_hazard_get_state (read->pdata[5]), ==, XA_HAZARD_STATE_CLOSED);
  g_assert_cmpint (xa_hazard_get_reinspection_result (read->pdata[4]), ==, XA_REINSPECTION_PASSED);
  g_assert_true (xa_hazard_get_supervised (read->pdata[1]));
}

/* The workbook itself: Chinese headings, dates as date cells (days since 1899-12-30),
 * amounts as numbers, formula-looking text as text. */
static void
test_xlsx_cells (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) hazards = make_hazards ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "台账.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(XaXlsxReader) reader = NULL;
  g_autoptr(GPtrArray) header = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GPtrArray) third = NULL;
  g_autofree char *date = NULL;
  guint row = 0;

  g_assert_true (xa_hazard_export_xlsx (hazards, &export_info, path, &error));
  reader = xa_xlsx_reader_open (file, NULL, &error);
  g_assert_no_error (error);

  header = xa_xlsx_reader_next (reader, &row, &error);
  g_assert_cmpuint (row, ==, 1);
  g_assert_cmpuint (header->len, ==, XA_N_LEDGER_COLUMNS);
  g_assert_cmpstr (header->pdata[XA_LEDGER_COLUMN_NUMBER], ==, "隐患编号");
  g_assert_cmpstr (header->pdata[XA_LEDGER_COLUMN_DESCRIPTION], ==, "隐患描述");
  g_assert_cmpstr (header->pdata[XA_LEDGER_COLUMN_OVERDUE], ==, "是否逾期");

  first = xa_xlsx_reader_next (reader, &row, &error);
  g_assert_cmpuint (row, ==, 2);
  g_assert_cmpstr (first->pdata[XA_LEDGER_COLUMN_FOUND_ON], ==, "44442");
  date = xa_xlsx_reader_dup_date (reader, first->pdata[XA_LEDGER_COLUMN_FOUND_ON]);
  g_assert_cmpstr (date, ==, "2021-09-03");
  g_assert_cmpstr (first->pdata[XA_LEDGER_COLUMN_SCHOOL], ==, SCHOOL_NAME);
  g_assert_cmpstr (first->pdata[XA_LEDGER_COLUMN_SCHOOL_YEAR], ==, "2021—2022");
  g_assert_cmpstr (first->pdata[XA_LEDGER_COLUMN_GRADE], ==, "一般");
  g_assert_cmpstr (first->pdata[XA_LEDGER_COLUMN_OVERDUE], ==, "是");

  second = xa_xlsx_reader_next (reader, NULL, &error);
  g_assert_cmpfloat (g_ascii_strtod (second->pdata[XA_LEDGER_COLUMN_FUNDS], NULL), ==, 1200.5);
  g_assert_cmpstr (second->pdata[XA_LEDGER_COLUMN_GRADE], ==, "重大");
  g_assert_cmpstr (second->pdata[XA_LEDGER_COLUMN_SUPERVISED], ==, "是");

  third = xa_xlsx_reader_next (reader, NULL, &error);
  g_assert_cmpstr (third->pdata[XA_LEDGER_COLUMN_DESCRIPTION], ==, "=HYPERLINK(\"http://example.invalid\",\"点击\")");
  g_assert_no_error (error);
}

static void
test_xlsx_from_elsewhere (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("XIAOAN_TEST_DATA"), "hazards", "ledger-wps.xlsx", NULL);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hazards = import (path, &problems, &error);
  XaHazard *closed, *major;

  g_assert_no_error (error);
  g_assert_null (problems);
  g_assert_cmpuint (hazards->len, ==, 2);

  closed = hazards->pdata[0];
  g_assert_cmpstr (xa_hazard_get_number (closed), ==, "2021-2022-2150000113-0001");
  g_assert_cmpint (xa_hazard_get_school_year (closed), ==, 2021);
  g_assert_cmpint (xa_hazard_get_inspection_type (closed), ==, XA_INSPECTION_WEEKLY);
  g_assert_cmpstr (xa_hazard_get_text (closed, XA_HAZARD_FIELD_FOUND_ON), ==, "2021-09-03");
  /* The phonetic guide is not part of the name. */
  g_assert_cmpstr (xa_hazard_get_text (closed, XA_HAZARD_FIELD_FOUND_BY), ==, "张老师");
  g_assert_cmpstr (xa_hazard_get_text (closed, XA_HAZARD_FIELD_DESCRIPTION), ==, "配电箱门锁损坏，电线裸露");
  g_assert_cmpstr (xa_hazard_get_text (closed, XA_HAZARD_FIELD_MEASURES), ==, "更换门锁，包扎裸露电线");
  g_assert_cmpstr (xa_hazard_get_text (closed, XA_HAZARD_FIELD_DEADLINE), ==, "2021-09-10");
  g_assert_cmpstr (xa_hazard_get_text (closed, XA_HAZARD_FIELD_FUNDS), ==, "1200.50");
  g_assert_cmpstr (xa_hazard_get_text (closed, XA_HAZARD_FIELD_CLOSED_ON), ==, "2021-09-13");
  g_assert_cmpint (xa_hazard_get_state (closed), ==, XA_HAZARD_STATE_CLOSED);
  g_assert_cmpint (xa_hazard_get_reinspection_result (closed), ==, XA_REINSPECTION_PASSED);

  major = hazards->pdata[1];
  g_assert_cmpint (xa_hazard_get_grade (major), ==, XA_HAZARD_GRADE_MAJOR);
  g_assert_cmpint (xa_hazard_get_category (major), ==, XA_HAZARD_CATEGORY_BUILDING);
  g_assert_cmpstr (xa_hazard_get_text (major, XA_HAZARD_FIELD_FOUND_ON), ==, "2021-09-05");
  g_assert_cmpstr (xa_hazard_get_text (major, XA_HAZARD_FIELD_DESCRIPTION), ==, "围墙出现裂缝，向外倾斜");
  g_assert_cmpstr (xa_hazard_get_text (major, XA_HAZARD_FIELD_REPORTED_ON), ==, "2021-09-06");
  g_assert_true (xa_hazard_get_reported (major));
  g_assert_true (xa_hazard_get_supervised (major));
  g_assert_cmpint (xa_hazard_get_state (major), ==, XA_HAZARD_STATE_RECTIFYING);
  g_assert_cmpstr (xa_hazard_get_text (major, XA_HAZARD_FIELD_REMARKS), ==, "已报区教委");
}

static char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, &error));
  g_assert_no_error (error);
  return contents;
}

static void
test_csv_round_trip (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) hazards = make_hazards ();
  g_autoptr(GPtrArray) read = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "台账.csv", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (xa_hazard_export_csv (hazards, &export_info, path, &error));
  g_assert_no_error (error);

  /* UTF-8 with its byte order mark, Chinese headings, CR LF. */
  contents = read_file (path, &length);
  g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbf隐患编号,学校,学年度,排查类型,发现日期,"));
  g_assert_nonnull (strstr (contents, ",备注\r\n2021-2022-" SCHOOL_CODE "-0001,"));
  g_assert_nonnull (strstr (contents, "\"第一步，断电；\n第二步：更换\"\"防爆\"\"开关\""));

  read = import (path, &problems, &error);
  g_assert_no_error (error);
  g_assert_null (problems);
  assert_same_hazards (hazards, read);
}

/* Every cell a spreadsheet would run is written with an apostrophe first, and read back
 * without it. */
static void
test_csv_formulas (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) hazards = make_hazards ();
  g_autoptr(GPtrArray) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "formulas.csv", NULL);
  g_autofree char *contents = NULL;
  const char *cases[][2] = {
    { "=1+1", "'=1+1" }, { "+86", "'+86" }, { "-2", "'-2" }, { "@A1", "'@A1" },
    { "\tx", "'\tx" }, { "\rx", "'\rx" }, { "1-2", "1-2" }, { "", "" }, { "＝1", "＝1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *neutral = xa_csv_neutralise_cell (cases[i][0]);

      g_assert_cmpstr (neutral, ==, cases[i][1]);
    }

  g_assert_true (xa_hazard_export_csv (hazards, &export_info, path, &error));
  contents = read_file (path, NULL);
  g_assert_nonnull (strstr (contents, ",\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"点击\"\")\","));
  g_assert_nonnull (strstr (contents, ",'+1楼,"));
  g_assert_nonnull (strstr (contents, ",'-张老师,"));
  g_assert_nonnull (strstr (contents, ",'@SUM(A1:A3)\r\n"));
  g_assert_null (strstr (contents, ",=HYPERLINK"));

  read = import (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xa_hazard_get_text (read->pdata[2], XA_HAZARD_FIELD_DESCRIPTION), ==,
                   "=HYPERLINK(\"http://example.invalid\",\"点击\")");
  g_assert_cmpstr (xa_hazard_get_text (read->pdata[2], XA_HAZARD_FIELD_PLACE), ==, "+1楼");
  g_assert_cmpstr (xa_hazard_get_text (read->pdata[2], XA_HAZARD_FIELD_FOUND_BY), ==, "-张老师");
  g_assert_cmpstr (xa_hazard_get_text (read->pdata[2], XA_HAZARD_FIELD_REMARKS), ==, "@SUM(A1:A3)");
}

static const char header_line[] =
  "序号,隐患编号,排查类型,发现日期,排查人,隐患部位,隐患类别,隐患描述,隐患等级,临时管控措施,整改措施,"
  "整改责任部门,整改责任人,整改时限,状态\n";

static GPtrArray *
import_text (Fixture     *fixture,
             const char  *name,
             const char  *text,
             GPtrArray  **problems,
             GError     **error)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) write_error = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, &write_error));
  return import (path, problems, error);
}

static void
assert_problem (GPtrArray  *problems,
                const char *prefix,
                const char *part)
{
  for (guint i = 0; i < problems->len; i++)
    if (g_str_has_prefix (problems->pdata[i], prefix) && strstr (problems->pdata[i], part) != NULL)
      return;

  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (char *) problems->pdata[i]);
  g_error ("no problem “%s…%s”", prefix, part);
}

/* A ledger with a good row and wrong ones. */
static char *
dup_bad_ledger (void)
{
  GString *text = g_string_new (header_line);

  /* Line 2: fine. */
  g_string_append (text, "1,2021-2022-2150000113-0001,周查,2021-09-03,张老师,配电箱,用电,门锁损坏,一般,,更换门锁,总务处,李主任,2021-09-10,待整改\n");
  /* Line 3: a grade that is none. */
  g_string_append (text, "2,2021-2022-2150000113-0002,周查,2021-09-03,张老师,配电箱,用电,门锁损坏,特大,,更换门锁,总务处,李主任,2021-09-10,待整改\n");
  /* Line 4: not a date. */
  g_string_append (text, "3,2021-2022-2150000113-0003,周查,九月三日,张老师,配电箱,用电,门锁损坏,一般,,更换门锁,总务处,李主任,2021-09-10,待整改\n");
  /* Line 5: no description. */
  g_string_append (text, "4,2021-2022-2150000113-0004,周查,2021-09-03,张老师,配电箱,用电,,一般,,更换门锁,总务处,李主任,2021-09-10,待整改\n");
  /* Line 6: a 重大 hazard being fixed without temporary control. */
  g_string_append (text, "5,2021-2022-2150000113-0005,周查,2021-09-03,张老师,围墙,校舍建筑,裂缝,重大,,重建,总务处,李主任,2021-09-30,整改中\n");
  /* Line 7: the number of line 2 again. */
  g_string_append (text, "6,2021-2022-2150000113-0001,周查,2021-09-03,张老师,配电箱,用电,门锁损坏,一般,,更换门锁,总务处,李主任,2021-09-10,待整改\n");
  /* Line 8 and 9: one quoted cell over two lines, then another school's number on line 10. */
  g_string_append (text, "7,2021-2022-2150000113-0007,周查,2021-09-03,张老师,配电箱,用电,\"门锁损坏\n电线裸露\",一般,,更换门锁,总务处,李主任,2021-09-10,待整改\n");
  g_string_append (text, "8,2021-2022-2150000999-0008,周查,2021-09-03,张老师,配电箱,用电,门锁损坏,一般,,更换门锁,总务处,李主任,2021-09-01,待整改\n");

  return g_string_free (text, FALSE);
}

/* All or nothing: the good rows are not returned when any row is wrong, and each wrong
 * row is named by its line and its column as the file heads it. */
static void
test_import_errors (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *text = dup_bad_ledger ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) hazards = NULL;
  g_autoptr(GError) error = NULL;

  hazards = import_text (fixture, "bad.csv", text, &problems, &error);
  g_assert_null (hazards);
  g_assert_error (error, XA_HAZARD_IMPORT_ERROR, XA_HAZARD_IMPORT_ERROR_REJECTED);
  g_assert_nonnull (problems);

  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (char *) problems->pdata[i]);
  assert_problem (problems, "bad.csv:3: 隐患等级: ", "特大");
  assert_problem (problems, "bad.csv:4: 发现日期: ", "九月三日");
  assert_problem (problems, "bad.csv:5: 隐患描述: ", "");
  assert_problem (problems, "bad.csv:6: 临时管控措施: ", "");
  assert_problem (problems, "bad.csv:7: 隐患编号: ", "line 2");
  /* The deadline before the date found, and another school's number: both on line 10. */
  assert_problem (problems, "bad.csv:10: ", "");
  g_assert_cmpuint (problems->len, ==, 6);
}

/* In the interface's language, Chinese: every word of every problem. */
static void
test_import_errors_chinese (Fixture       *fixture,
                            gconstpointer  data)
{
  const char *localedir = g_getenv ("XIAOAN_LOCALEDIR");
  g_autofree char *text = dup_bad_ledger ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) hazards = NULL;
  g_autoptr(GError) error = NULL;

  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    {
      g_unsetenv ("LANGUAGE");
      g_test_skip ("The zh_CN.UTF-8 locale is not installed");
      return;
    }
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  hazards = import_text (fixture, "bad.csv", text, &problems, &error);

  setlocale (LC_ALL, "C.UTF-8");
  g_unsetenv ("LANGUAGE");

  g_assert_null (hazards);
  g_assert_error (error, XA_HAZARD_IMPORT_ERROR, XA_HAZARD_IMPORT_ERROR_REJECTED);
  assert_problem (problems, "bad.csv:3: 隐患等级：“特大”不是一般、重大之一", "");
  assert_problem (problems, "bad.csv:4: 发现日期：“九月三日”不是日期", "");
  assert_problem (problems, "bad.csv:5: 隐患描述：", "");
  assert_problem (problems, "bad.csv:6: 临时管控措施：", "");
  assert_problem (problems, "bad.csv:7: 隐患编号：“2021-2022-2150000113-0001”已在第 2 行出现", "");
  for (guint i = 0; i < problems->len; i++)
    {
      const char *reason = strchr (strchr (problems->pdata[i], ':') + 1, ':') + 1;

      for (const char *p = reason; *p != '\0'; p++)
        if (g_ascii_isalpha (*p))
          g_error ("not in Chinese: %s", (char *) problems->pdata[i]);
    }
}

static void
test_import_header (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hazards = NULL;
  g_autoptr(GPtrArray) none = NULL;

  hazards = import_text (fixture, "header.csv",
                         "隐患编号,发现日期,照片,发现日期,隐患描述\n2021-2022-2150000113-0001,2021-09-03,x,2021-09-03,门锁损坏\n",
                         &problems, &error);
  g_assert_null (hazards);
  g_assert_error (error, XA_HAZARD_IMPORT_ERROR, XA_HAZARD_IMPORT_ERROR_REJECTED);
  assert_problem (problems, "header.csv:1: ", "照片");
  assert_problem (problems, "header.csv:1: ", "“发现日期” twice");
  assert_problem (problems, "header.csv:1: ", "“整改措施”");
  assert_problem (problems, "header.csv:1: ", "“隐患等级”");
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_clear_error (&error);

  /* A header alone is no ledger. */
  none = import_text (fixture, "empty.csv", header_line, &problems, &error);
  g_assert_null (none);
  g_assert_error (error, XA_HAZARD_IMPORT_ERROR, XA_HAZARD_IMPORT_ERROR_REJECTED);
  assert_problem (problems, "empty.csv: ", "header");
}

static void
write_junk (const char *path,
            gsize       size,
            gboolean    zip)
{
  g_autofree guint8 *junk = g_malloc (size);
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(GError) error = NULL;

  for (gsize i = 0; i < size; i++)
    junk[i] = g_rand_int (rand) & 0xff;
  if (zip)
    memcpy (junk, "PK\x03\x04", 4);

  g_assert_true (g_file_set_contents (path, (const char *) junk, size, &error));
}

/* Whatever a user picks is refused with a message, quickly and in bounded memory. */
static void
test_import_junk (Fixture       *fixture,
                  gconstpointer  data)
{
  const struct { const char *name; gsize size; gboolean zip; int code; } cases[] = {
    { "junk.csv", XA_CSV_MAX_FILE_SIZE + 1, FALSE, XA_HAZARD_IMPORT_ERROR_READ },
    { "junk.xlsx", XA_CSV_MAX_FILE_SIZE + 1, TRUE, XA_HAZARD_IMPORT_ERROR_READ },
    { "small.xlsx", 64 * 1024, TRUE, XA_HAZARD_IMPORT_ERROR_READ },
    { "small.csv", 64 * 1024, FALSE, XA_HAZARD_IMPORT_ERROR_REJECTED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, cases[i].name, NULL);
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) hazards = NULL;

      write_junk (path, cases[i].size, cases[i].zip);
      hazards = import (path, &problems, &error);
      g_assert_null (hazards);
      g_assert_error (error, XA_HAZARD_IMPORT_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].name));
      if (cases[i].code == XA_HAZARD_IMPORT_ERROR_REJECTED)
        assert_problem (problems, cases[i].name, "");
    }
}

/* A workbook whose sheet declares a DOCTYPE (the door to entity expansion) is refused. */
static void
test_import_doctype (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *source = g_build_filename (g_getenv ("XIAOAN_TEST_DATA"), "hazards", "ledger-wps.xlsx", NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "doctype.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) read = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *filled = g_strdup_printf (
    "import zipfile\n"
    "src = zipfile.ZipFile('%s')\n"
    "dst = zipfile.ZipFile('%s', 'w')\n"
    "for item in src.infolist():\n"
    "    data = src.read(item.filename)\n"
    "    if item.filename == 'xl/sharedStrings.xml':\n"
    "        data = data.replace(b'<sst', b'<!DOCTYPE sst [<!ENTITY a \"aaaa\">]><sst', 1)\n"
    "    dst.writestr(item, data)\n"
    "dst.close()\n", source, path);
  const char *argv[] = { "/usr/bin/python3", "-c", filled, NULL };
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);

  read = import (path, &problems, &error);
  g_assert_null (read);
  g_assert_error (error, XA_HAZARD_IMPORT_ERROR, XA_HAZARD_IMPORT_ERROR_READ);
}

/* A failed write leaves the old file as it was, and no temporary file beside it. */
static void
test_export_atomic (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) hazards = make_hazards ();
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-folder", "台账.xlsx", NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "台账.csv", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GDir) dir = NULL;
  guint n_files = 0;

  g_assert_false (xa_hazard_export_xlsx (hazards, &export_info, missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (xa_hazard_export_csv (hazards, &export_info, path, &error));
  before = read_file (path, NULL);
  g_ptr_array_set_size (hazards, 2);
  g_assert_true (xa_hazard_export_csv (hazards, &export_info, path, &error));
  after = read_file (path, NULL);
  g_assert_cmpuint (strlen (after), <, strlen (before));

  dir = g_dir_open (fixture->dir, 0, &error);
  while (g_dir_read_name (dir) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/xa/hazard-files/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("xlsx-round-trip", test_xlsx_round_trip);
  ADD ("xlsx-cells", test_xlsx_cells);
  g_test_add_func ("/xa/hazard-files/xlsx-from-elsewhere", test_xlsx_from_elsewhere);
  ADD ("csv-round-trip", test_csv_round_trip);
  ADD ("csv-formulas", test_csv_formulas);
  ADD ("import-errors", test_import_errors);
  ADD ("import-errors-chinese", test_import_errors_chinese);
  ADD ("import-header", test_import_header);
  ADD ("import-junk", test_import_junk);
  ADD ("import-doctype", test_import_doctype);
  ADD ("export-atomic", test_export_atomic);

  return g_test_run ();
}
