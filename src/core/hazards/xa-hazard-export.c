/* xa-hazard-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ledger as files for Excel and WPS, where offices in China keep their ledgers:
 * every column (xa-hazard-columns.h), headed in Chinese, one row per hazard.
 *
 * - XLSX through libxlsxwriter: dates are dates (the 2021年9月1日 format), amounts are
 *   numbers, the header row is frozen and filtered. Text is written as text, never as a
 *   formula, whatever it starts with.
 * - CSV in UTF-8 with a byte order mark (without it Excel reads Chinese as GBK), CR LF
 *   line ends, and every cell that a spreadsheet would take for a formula (=, +, -, @,
 *   a tab or a carriage return first) neutralised with a leading apostrophe, as OWASP
 *   advises against CSV injection; the import takes the apostrophe off again.
 *
 * Both are written atomically (xa-atomic-file.c): a reader sees the old file or the new
 * one, never half of one.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gunixoutputstream.h>
#include <locale.h>
#include <string.h>
#include <xlsxwriter.h>

#include "xa-hazard-columns.h"
#include "xa-hazard-export.h"
#include "core/util/xa-atomic-file.h"
#include "core/util/xa-date.h"

/* The widths of the spreadsheet's columns, in characters: a long text column wraps. */
#define WIDE_COLUMN   30
#define NARROW_COLUMN 12
#define DATE_COLUMN   15

typedef struct
{
  const XaHazardExportInfo *info;
  GDate                     today;
} Export;

static void
export_init (Export                   *export,
             const XaHazardExportInfo *info)
{
  g_autofree char *today = info->today != NULL ? g_strdup (info->today) : xa_date_today_iso ();

  export->info = info;
  if (!xa_date_parse (today, &export->today))
    {
      g_autofree char *local = xa_date_today_iso ();

      xa_date_parse (local, &export->today);
    }
}

static const char *
school_name_of (Export   *export,
                XaHazard *hazard)
{
  const char *name = NULL;

  if (export->info->school_names != NULL)
    name = g_hash_table_lookup (export->info->school_names,
                                xa_hazard_get_text (hazard, XA_HAZARD_FIELD_SCHOOL_UUID));

  return name != NULL ? name : export->info->school_name;
}

/**
 * xa_csv_neutralise_cell:
 * @cell: a cell's text
 *
 * Returns: (transfer full): @cell as a spreadsheet shows it without running it: with an
 *   apostrophe before a first =, +, -, @, tab or carriage return
 */
char *
xa_csv_neutralise_cell (const char *cell)
{
  g_return_val_if_fail (cell != NULL, NULL);

  if (strchr ("=+-@\t\r", cell[0]) != NULL && cell[0] != '\0')
    return g_strconcat ("'", cell, NULL);

  return g_strdup (cell);
}

static void
append_csv_cell (GString    *line,
                 const char *text)
{
  g_autofree char *cell = xa_csv_neutralise_cell (text);
  gboolean quote = strpbrk (cell, ",\"\r\n") != NULL ||
                   (cell[0] != '\0' && (g_ascii_isspace (cell[0]) || g_ascii_isspace (cell[strlen (cell) - 1])));

  if (!quote)
    {
      g_string_append (line, cell);
      return;
    }

  g_string_append_c (line, '"');
  for (const char *p = cell; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

static gboolean
write_line (GOutputStream  *out,
            GString        *line,
            GError        **error)
{
  g_string_append (line, "\r\n");
  if (!g_output_stream_write_all (out, line->str, line->len, NULL, NULL, error))
    return FALSE;

  g_string_truncate (line, 0);
  return TRUE;
}

/**
 * xa_hazard_export_csv:
 * @hazards: (element-type XaHazard): the hazards, in the order of the rows
 * @path: (type filename): where to write; an existing file is replaced
 *
 * Writes the ledger as CSV, UTF-8 with a byte order mark, row by row. Blocks.
 */
gboolean
xa_hazard_export_csv (GPtrArray                 *hazards,
                      const XaHazardExportInfo  *info,
                      const char                *path,
                      GError                   **error)
{
  g_autoptr(XaAtomicFile) file = NULL;
  g_autoptr(GOutputStream) raw = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GString) line = g_string_new ("\xef\xbb\xbf");
  g_autoptr(GError) local_error = NULL;
  Export export;

  g_return_val_if_fail (hazards != NULL, FALSE);
  g_return_val_if_fail (info != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  export_init (&export, info);
  if (!(file = xa_atomic_file_new (path, error)))
    return FALSE;

  raw = g_unix_output_stream_new (xa_atomic_file_get_fd (file), FALSE);
  out = g_buffered_output_stream_new_sized (raw, 64 * 1024);

  for (guint column = 0; column < XA_N_LEDGER_COLUMNS; column++)
    {
      if (column > 0)
        g_string_append_c (line, ',');
      append_csv_cell (line, xa_ledger_column_to_heading (column));
    }
  if (!write_line (out, line, &local_error))
    goto failed;

  for (guint i = 0; i < hazards->len; i++)
    {
      XaHazard *hazard = g_ptr_array_index (hazards, i);
      const char *school = school_name_of (&export, hazard);

      for (guint column = 0; column < XA_N_LEDGER_COLUMNS; column++)
        {
          g_autofree char *text = xa_ledger_column_dup_text (column, hazard, school, &export.today);

          if (column > 0)
            g_string_append_c (line, ',');
          append_csv_cell (line, text);
        }
      if (!write_line (out, line, &local_error))
        goto failed;
    }

  if (!g_output_stream_close (out, NULL, &local_error))
    goto failed;

  return xa_atomic_file_commit (file, error);

failed:
  {
    g_autofree char *display = g_filename_display_name (path);

    g_set_error (error, local_error->domain, local_error->code,
                 _("Cannot write “%s”: %s"), display, local_error->message);
    return FALSE;
  }
}

typedef struct
{
  lxw_format *header;
  lxw_format *text;
  lxw_format *wrapped;
  lxw_format *date;
  lxw_format *amount;
} Formats;

static void
add_formats (lxw_workbook *workbook,
             Formats      *formats)
{
  formats->header = workbook_add_format (workbook);
  format_set_bold (formats->header);
  format_set_text_wrap (formats->header);
  format_set_align (formats->header, LXW_ALIGN_CENTER);
  format_set_align (formats->header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_border (formats->header, LXW_BORDER_THIN);

  formats->text = workbook_add_format (workbook);
  format_set_align (formats->text, LXW_ALIGN_VERTICAL_TOP);

  formats->wrapped = workbook_add_format (workbook);
  format_set_text_wrap (formats->wrapped);
  format_set_align (formats->wrapped, LXW_ALIGN_VERTICAL_TOP);

  /* Excel's own Chinese date format: 2021年9月1日, as the printed ledger writes it. */
  formats->date = workbook_add_format (workbook);
  format_set_num_format (formats->date, "yyyy\"年\"m\"月\"d\"日\"");
  format_set_align (formats->date, LXW_ALIGN_VERTICAL_TOP);

  formats->amount = workbook_add_format (workbook);
  format_set_num_format (formats->amount, "0.00");
  format_set_align (formats->amount, LXW_ALIGN_VERTICAL_TOP);
}

static gboolean
is_wide (XaLedgerColumn column)
{
  XaHazardField field = xa_ledger_column_get_field (column);

  return field == XA_HAZARD_FIELD_DESCRIPTION || field == XA_HAZARD_FIELD_TEMPORARY_MEASURES ||
         field == XA_HAZARD_FIELD_MEASURES || field == XA_HAZARD_FIELD_COMPLETION_NOTES ||
         field == XA_HAZARD_FIELD_REMARKS;
}

static lxw_error
write_xlsx_cell (lxw_worksheet  *sheet,
                 const Formats  *formats,
                 lxw_row_t       row,
                 XaLedgerColumn  column,
                 const char     *text)
{
  GDate date;

  if (text[0] == '\0')
    return LXW_NO_ERROR;

  switch (xa_ledger_column_get_kind (column))
    {
    case XA_LEDGER_CELL_DATE:
      if (xa_date_parse (text, &date))
        {
          lxw_datetime datetime = { g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 0, 0, 0 };

          return worksheet_write_datetime (sheet, row, column, &datetime, formats->date);
        }
      break;

    case XA_LEDGER_CELL_AMOUNT:
      return worksheet_write_number (sheet, row, column, g_ascii_strtod (text, NULL), formats->amount);

    case XA_LEDGER_CELL_TEXT:
    default:
      break;
    }

  return worksheet_write_string (sheet, row, column, text, is_wide (column) ? formats->wrapped : formats->text);
}

static lxw_error
write_xlsx (lxw_workbook  *workbook,
            GPtrArray     *hazards,
            Export        *export)
{
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, "隐患台账");
  Formats formats;
  lxw_error status = LXW_NO_ERROR;

  add_formats (workbook, &formats);

  for (guint column = 0; column < XA_N_LEDGER_COLUMNS && status == LXW_NO_ERROR; column++)
    {
      double width = is_wide (column) ? WIDE_COLUMN
                     : xa_ledger_column_get_kind (column) == XA_LEDGER_CELL_DATE ? DATE_COLUMN : NARROW_COLUMN;

      if (column == XA_LEDGER_COLUMN_NUMBER)
        width = 26;
      status = worksheet_set_column (sheet, column, column, width, NULL);
      if (status == LXW_NO_ERROR)
        status = worksheet_write_string (sheet, 0, column, xa_ledger_column_to_heading (column), formats.header);
    }

  for (guint i = 0; i < hazards->len && status == LXW_NO_ERROR; i++)
    {
      XaHazard *hazard = g_ptr_array_index (hazards, i);
      const char *school = school_name_of (export, hazard);

      for (guint column = 0; column < XA_N_LEDGER_COLUMNS && status == LXW_NO_ERROR; column++)
        {
          g_autofree char *text = xa_ledger_column_dup_text (column, hazard, school, &export->today);

          status = write_xlsx_cell (sheet, &formats, i + 1, column, text);
        }
    }

  if (status == LXW_NO_ERROR)
    {
      worksheet_freeze_panes (sheet, 1, 0);
      status = worksheet_autofilter (sheet, 0, 0, hazards->len, XA_N_LEDGER_COLUMNS - 1);
    }

  return status;
}

/**
 * xa_hazard_export_xlsx:
 * @hazards: (element-type XaHazard): the hazards, in the order of the rows
 * @path: (type filename): where to write; an existing file is replaced
 *
 * Writes the ledger as an Excel workbook of one sheet, 隐患台账. Blocks.
 */
gboolean
xa_hazard_export_xlsx (GPtrArray                 *hazards,
                       const XaHazardExportInfo  *info,
                       const char                *path,
                       GError                   **error)
{
  g_autoptr(XaAtomicFile) file = NULL;
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };
  lxw_workbook *workbook;
  lxw_error status;
  locale_t c_locale;
  locale_t previous;
  Export export;

  g_return_val_if_fail (hazards != NULL, FALSE);
  g_return_val_if_fail (info != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  export_init (&export, info);
  if (!(file = xa_atomic_file_new (path, error)))
    return FALSE;

  /* Rows are written in order, so the workbook need not hold them all (a district's
   * ledger): libxlsxwriter keeps each sheet in a temporary file of the system's until
   * it packs the workbook into ours. */
  if (!(workbook = workbook_new_opt (xa_atomic_file_get_temp_path (file), &options)))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write “%s”"), display);
      return FALSE;
    }

  status = write_xlsx (workbook, hazards, &export);

  /* libxlsxwriter writes numbers with printf: in the C locale, whatever the user's, so
   * that 1200.5 is never written 1200,5. */
  c_locale = newlocale (LC_ALL_MASK, "C", (locale_t) 0);
  previous = uselocale (c_locale);
  if (status == LXW_NO_ERROR)
    status = workbook_close (workbook);
  else
    workbook_close (workbook);
  uselocale (previous);
  freelocale (c_locale);

  if (status != LXW_NO_ERROR)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot write “%s”: %s"), display, lxw_strerror (status));
      return FALSE;
    }

  return xa_atomic_file_commit (file, error);
}
