/* xa-hazard-files.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The hazard ledger's files in the app, off the main thread: the ledger the filters
 * select read whole from the store (xa_hazard_book_read_all(), as the CLI reads it) and
 * written as XLSX, CSV or the landscape PDF, or laid out for printing; a hazard's 整改通知书
 * or 销号单; and a ledger imported from XLSX or CSV, all or nothing. Every file is written
 * atomically by the function that makes it (xa-atomic-file.c, xa_pdf_file_save()); the
 * fonts are looked up in the worker, never on the main thread.
 */

#include "config.h"

#include "xa-hazard-files.h"
#include "core/hazards/xa-hazard-export.h"
#include "core/hazards/xa-hazard-workflow.h"
#include "document/xa-ledger-renderer.h"
#include "document/xa-pdf-file.h"

static const char * const format_keys[] = { "pdf", "xlsx", "csv" };

/**
 * xa_ledger_format_from_key:
 * @key: pdf, xlsx or csv, as the export action's parameter names it
 *
 * Returns: whether @key names a format
 */
gboolean
xa_ledger_format_from_key (const char     *key,
                           XaLedgerFormat *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_keys); i++)
    {
      if (g_strcmp0 (key, format_keys[i]) == 0)
        {
          *format = i;
          return TRUE;
        }
    }

  return FALSE;
}

typedef struct
{
  XaHazardBook   *book;
  gboolean        ledger;
  XaHazardFilter  filter;
  char           *school_uuid;
  char           *today;
  char           *responsible;
  char           *search;
  char           *hazard_uuid;
  gboolean        closing;
  XaLedgerFormat  format;
  char           *school_name;
  int             school_year;
  GHashTable     *school_names;
  GFile          *file;
} Write;

typedef struct
{
  XaPageSet *pages;
  guint      n_hazards;
} Written;

static void
write_free (Write *write)
{
  g_clear_object (&write->book);
  g_free (write->school_uuid);
  g_free (write->today);
  g_free (write->responsible);
  g_free (write->search);
  g_free (write->hazard_uuid);
  g_free (write->school_name);
  g_clear_pointer (&write->school_names, g_hash_table_unref);
  g_clear_object (&write->file);
  g_free (write);
}

static void
written_free (Written *written)
{
  g_clear_object (&written->pages);
  g_free (written);
}

/* A ledger's hazards, written as a table or laid out as the PDF. */
static XaPageLayout *
lay_out_ledger (Write           *write,
                XaFontResolver  *fonts,
                const char      *path,
                Written         *written,
                GCancellable    *cancellable,
                GError         **error)
{
  g_autoptr(GPtrArray) hazards = NULL;
  XaHazardExportInfo table = { write->school_name, write->school_names, NULL };
  XaLedgerInfo info = { write->school_name, write->school_year, NULL, NULL, NULL };

  if (!(hazards = xa_hazard_book_read_all (write->book, &write->filter, XA_HAZARD_SORT_NUMBER,
                                           cancellable, error)))
    return NULL;
  written->n_hazards = hazards->len;

  switch (write->format)
    {
    case XA_LEDGER_FORMAT_XLSX:
      xa_hazard_export_xlsx (hazards, &table, path, error);
      return NULL;

    case XA_LEDGER_FORMAT_CSV:
      xa_hazard_export_csv (hazards, &table, path, error);
      return NULL;

    case XA_LEDGER_FORMAT_PDF:
    default:
      return xa_ledger_layout_new (hazards, &info, fonts);
    }
}

/* One hazard's 整改通知书, or its 销号单 once it is closed. */
static XaPageLayout *
lay_out_form (Write           *write,
              XaFontResolver  *fonts,
              Written         *written,
              GError         **error)
{
  g_autoptr(XaHazard) hazard = NULL;
  XaLedgerInfo info = { write->school_name, 0, NULL, NULL, NULL };

  if (!(hazard = xa_hazard_book_dup_by_uuid (write->book, write->hazard_uuid, error)))
    return NULL;

  written->n_hazards = 1;
  info.school_year = xa_hazard_get_school_year (hazard);
  if (write->closing)
    return xa_hazard_closing_layout_new (hazard, &info, fonts, error);
  return xa_hazard_notice_layout_new (hazard, &info, fonts);
}

static void
write_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Write *write = task_data;
  g_autoptr(XaFontResolver) fonts = NULL;
  g_autoptr(XaPageLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  Written *written = g_new0 (Written, 1);

  if (write->file != NULL && !(path = xa_pdf_file_dup_local_path (write->file, &error)))
    goto failed;

  fonts = xa_font_resolver_new ();
  if (write->ledger)
    layout = lay_out_ledger (write, fonts, path, written, cancellable, &error);
  else
    layout = lay_out_form (write, fonts, written, &error);
  if (error != NULL)
    goto failed;

  if (layout != NULL)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, &error) ||
          (path != NULL && !xa_page_layout_save_pdf (layout, path, &error)))
        goto failed;
      written->pages = xa_page_set_new ();
      xa_page_set_add (written->pages, layout);
    }

  g_task_return_pointer (task, written, (GDestroyNotify) written_free);
  return;

failed:
  written_free (written);
  g_task_return_error (task, g_steal_pointer (&error));
}

/**
 * xa_ledger_write_async:
 * @request: the ledger or the form; copied
 * @file: (nullable): a local file, replaced atomically when it exists; %NULL lays the
 *   PDF out for printing only
 *
 * Reads what is stored in a worker thread: the ledger is every hazard the filter
 * selects, not only the rows a list has read.
 */
void
xa_ledger_write_async (const XaLedgerRequest *request,
                       GFile                 *file,
                       GCancellable          *cancellable,
                       GAsyncReadyCallback    callback,
                       gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  Write *write;

  g_return_if_fail (request != NULL);
  g_return_if_fail (XA_IS_HAZARD_BOOK (request->book));
  g_return_if_fail (request->filter != NULL || request->hazard_uuid != NULL);
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  write = g_new0 (Write, 1);
  write->book = g_object_ref (request->book);
  write->ledger = request->filter != NULL;
  if (request->filter != NULL)
    {
      write->filter = *request->filter;
      write->filter.school_uuid = write->school_uuid = g_strdup (request->filter->school_uuid);
      write->filter.today = write->today = g_strdup (request->filter->today);
      write->filter.responsible = write->responsible = g_strdup (request->filter->responsible);
      write->filter.search = write->search = g_strdup (request->filter->search);
    }
  write->hazard_uuid = g_strdup (request->hazard_uuid);
  write->closing = request->closing;
  write->format = request->hazard_uuid != NULL ? XA_LEDGER_FORMAT_PDF : request->format;
  write->school_name = g_strdup (request->school_name);
  write->school_year = request->school_year;
  write->school_names = request->school_names ? g_hash_table_ref (request->school_names) : NULL;
  write->file = file ? g_object_ref (file) : NULL;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, xa_ledger_write_async);
  g_task_set_task_data (task, write, (GDestroyNotify) write_free);
  g_task_run_in_thread (task, write_worker);
}

/**
 * xa_ledger_write_finish:
 * @pages: (out) (optional) (transfer full) (nullable): a PDF's pages, to print; %NULL
 *   for a table
 * @n_hazards: (out) (optional): how many hazards the file holds
 */
gboolean
xa_ledger_write_finish (GAsyncResult  *result,
                        XaPageSet    **pages,
                        guint         *n_hazards,
                        GError       **error)
{
  Written *written;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  if (!(written = g_task_propagate_pointer (G_TASK (result), error)))
    return FALSE;

  if (pages != NULL)
    *pages = g_steal_pointer (&written->pages);
  if (n_hazards != NULL)
    *n_hazards = written->n_hazards;
  written_free (written);
  return TRUE;
}

typedef struct
{
  XaHazardBook *book;
  GFile        *file;
  char         *school_uuid;
  char         *school_name;
  char         *school_code;
  int           school_year;
  GPtrArray    *problems;
} Import;

static void
import_free (Import *import)
{
  g_clear_object (&import->book);
  g_clear_object (&import->file);
  g_free (import->school_uuid);
  g_free (import->school_name);
  g_free (import->school_code);
  g_clear_pointer (&import->problems, g_ptr_array_unref);
  g_free (import);
}

static void
import_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Import *import = task_data;
  XaHazardImportOptions options = { import->school_uuid, import->school_name, import->school_code,
                                    import->school_year };
  g_autoptr(GPtrArray) hazards = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_file_get_basename (import->file);

  if (!(hazards = xa_hazard_import_file (import->file, &options, &import->problems, cancellable, &error)) ||
      g_cancellable_set_error_if_cancelled (cancellable, &error) ||
      !xa_hazard_book_import (import->book, hazards, basename, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_int (task, hazards->len);
}

/**
 * xa_ledger_import_async:
 * @options: the school the file is the ledger of; copied
 *
 * Reads the file and stores its hazards in one transaction, in a worker thread: all of
 * them, or none when a row is wrong or a number is in the ledger already.
 */
void
xa_ledger_import_async (XaHazardBook                *book,
                        GFile                       *file,
                        const XaHazardImportOptions *options,
                        GCancellable                *cancellable,
                        GAsyncReadyCallback          callback,
                        gpointer                     user_data)
{
  g_autoptr(GTask) task = NULL;
  Import *import;

  g_return_if_fail (XA_IS_HAZARD_BOOK (book));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (options != NULL && options->school_uuid != NULL);

  import = g_new0 (Import, 1);
  import->book = g_object_ref (book);
  import->file = g_object_ref (file);
  import->school_uuid = g_strdup (options->school_uuid);
  import->school_name = g_strdup (options->school_name);
  import->school_code = g_strdup (options->school_code);
  import->school_year = options->school_year;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, xa_ledger_import_async);
  g_task_set_task_data (task, import, (GDestroyNotify) import_free);
  g_task_run_in_thread (task, import_worker);
}

/**
 * xa_ledger_import_finish:
 * @n_hazards: (out) (optional): how many hazards were stored
 * @problems: (out) (optional) (transfer full) (nullable): when rows were rejected, each
 *   as FILE:LINE: reason
 */
gboolean
xa_ledger_import_finish (GAsyncResult  *result,
                         guint         *n_hazards,
                         GPtrArray    **problems,
                         GError       **error)
{
  Import *import;
  gssize n;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  import = g_task_get_task_data (G_TASK (result));
  if (problems != NULL)
    *problems = g_steal_pointer (&import->problems);
  if ((n = g_task_propagate_int (G_TASK (result), error)) < 0)
    return FALSE;

  if (n_hazards != NULL)
    *n_hazards = n;
  return TRUE;
}
