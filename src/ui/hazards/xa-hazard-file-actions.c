/* xa-hazard-file-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the hazard ledger's menus do with files and the printer, for the widget that
 * owns them (the page for the ledger, the detail for a hazard's forms): the file chosen,
 * the work done off the main thread (xa-hazard-files.c), then a toast naming the file
 * (with its folder to open),
 * the print dialog, or a dialog saying in Chinese what went wrong. The ledger is what the
 * filters select, every row of it; its PDF and its print are one school's of one school
 * year, as its title says. An import goes into the school the filters show, all or
 * nothing. One job at a time: "busy" is TRUE meanwhile.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-hazard-file-actions.h"
#include "xa-print-operation.h"
#include "xa-ui-utils.h"
#include "core/hazards/xa-hazard-workflow.h"
#include "document/xa-ledger-renderer.h"
#include "document/xa-pdf-file.h"

struct _XaHazardFileActions
{
  GObject            parent_instance;

  /* Weak references */
  GtkWidget         *widget;
  XaHazardFilters   *filters;

  /* Owned references */
  XaHazardBook      *book;
  XaSchoolRegistry  *registry;
  GCancellable      *cancellable;
  GtkPrintOperation *print_operation;
  GFile             *print_file;

  /* State */
  gboolean           busy;
};

G_DEFINE_FINAL_TYPE (XaHazardFileActions, xa_hazard_file_actions, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A job under way: where its file goes (NULL: to the printer) and what it is called. */
typedef struct
{
  XaHazardFileActions *self;
  GFile               *file;
  char                *job_name;
  const char          *heading;   /* the failure's, translated */
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->self);
  g_clear_object (&job->file);
  g_free (job->job_name);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

static void
set_busy (XaHazardFileActions *self,
          gboolean             busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_error (XaHazardFileActions *self,
            const char          *heading,
            const char          *body)
{
  if (self->widget != NULL)
    xa_widget_show_error (self->widget, heading, body);
}

/* The school the filters show, else %NULL with why. */
static XaOrganisation *
dup_filtered_school (XaHazardFileActions  *self,
                     XaHazardFilter       *filter,
                     GError              **error)
{
  if (filter->school_uuid == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Choose a school in the filters first"));
      return NULL;
    }

  return xa_school_registry_dup_school (self->registry, filter->school_uuid, error);
}

/* Every school's name by its UUID, for a table of many schools' hazards. */
static GHashTable *
dup_school_names (XaHazardFileActions *self)
{
  GListModel *schools = xa_school_registry_get_schools (self->registry);
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(XaOrganisation) school = g_list_model_get_item (schools, i);

      g_hash_table_insert (names, g_strdup (xa_organisation_get_uuid (school)),
                           g_strdup (xa_organisation_get_name (school)));
    }

  return names;
}

/* The ledger the filters select, as @format needs it: the PDF is one school's of one
 * school year; a table may hold every school's. %FALSE with why when it cannot be. */
static gboolean
prepare_ledger (XaHazardFileActions  *self,
                XaLedgerFormat        format,
                XaHazardFilter       *filter,
                XaLedgerRequest      *request,
                XaOrganisation      **school,
                GHashTable          **names,
                GError              **error)
{
  g_return_val_if_fail (self->filters != NULL, FALSE);

  xa_hazard_filters_get_filter (self->filters, filter);
  *request = (XaLedgerRequest) { self->book, filter, NULL, FALSE, format, NULL, filter->school_year, NULL };

  if (format == XA_LEDGER_FORMAT_PDF && (filter->school_uuid == NULL || filter->school_year == 0))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The ledger’s PDF is one school’s, of one school year: choose the school "
                             "and the year in the filters first"));
      return FALSE;
    }

  if (filter->school_uuid != NULL)
    {
      if (!(*school = dup_filtered_school (self, filter, error)))
        return FALSE;
      request->school_name = xa_organisation_get_name (*school);
    }
  else
    {
      request->school_names = *names = dup_school_names (self);
    }

  return TRUE;
}

/* The name offered for the ledger's file: 安全隐患排查整改台账 <school> <year>, else the
 * section's name. */
static char *
dup_ledger_name (const XaLedgerRequest *request,
                 const char            *extension)
{
  g_autofree char *base = NULL;
  XaLedgerInfo info = { request->school_name, request->school_year, NULL, NULL, NULL };

  if (request->school_name != NULL && request->school_year != 0)
    base = xa_ledger_dup_file_name (&info);
  else
    base = g_strdup (_("Hazard Ledger"));
  return g_strconcat (base, extension, NULL);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               gpointer                 user_data)
{
  g_autoptr(Job) job = user_data;
  XaHazardFileActions *self = job->self;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      show_error (self, job->heading, error ? error->message : NULL);
    }

  if (self->print_operation == operation)
    g_clear_object (&self->print_operation);
  set_busy (self, FALSE);
}

/* The print dialog, or (tests) a PDF file through the same operation. */
static void
print_pages (Job       *job,
             XaPageSet *pages)
{
  XaHazardFileActions *self = job->self;
  g_autoptr(XaPrintOperation) operation = xa_print_operation_new (pages, job->job_name);
  GtkPrintOperationAction action = GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG;
  GtkRoot *root = gtk_widget_get_root (self->widget);
  g_autoptr(GError) error = NULL;

  if (self->print_file != NULL)
    {
      g_autofree char *path = g_file_get_path (self->print_file);

      gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
      action = GTK_PRINT_OPERATION_ACTION_EXPORT;
    }

  /* "done" follows whatever the result, a failure included: it reports, and ends the job. */
  self->print_operation = GTK_PRINT_OPERATION (g_object_ref (operation));
  g_signal_connect (operation, "done", G_CALLBACK (print_done_cb), job);
  gtk_print_operation_run (GTK_PRINT_OPERATION (operation), action,
                           GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error);
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  XaHazardFileActions *self = job->self;
  g_autoptr(XaPageSet) pages = NULL;
  g_autoptr(GError) error = NULL;

  if (!xa_ledger_write_finish (result, &pages, NULL, &error))
    {
      set_busy (self, FALSE);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, job->heading, error->message);
      return;
    }

  if (self->widget == NULL)
    {
      set_busy (self, FALSE);
      return;
    }

  if (job->file == NULL)
    {
      /* Busy until the print is done: the operation holds the job. */
      print_pages (g_steal_pointer (&job), pages);
      return;
    }

  set_busy (self, FALSE);
  xa_widget_report_export (self->widget, job->file, NULL);
}

static void
start_write (XaHazardFileActions   *self,
             const XaLedgerRequest *request,
             GFile                 *file,
             const char            *job_name,
             const char            *heading)
{
  Job *job = g_new0 (Job, 1);

  job->self = g_object_ref (self);
  job->file = file ? g_object_ref (file) : NULL;
  job->job_name = g_strdup (job_name);
  job->heading = heading;

  set_busy (self, TRUE);
  xa_ledger_write_async (request, file, self->cancellable, written_cb, job);
}

/* The ledger */

/**
 * xa_hazard_file_actions_export:
 * @file: a local file; replaced atomically when it exists
 *
 * What 导出台账 does once the file is chosen: writes every hazard the filters select,
 * in a worker thread. "busy" is TRUE until it is done.
 */
void
xa_hazard_file_actions_export (XaHazardFileActions *self,
                               XaLedgerFormat       format,
                               GFile               *file)
{
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GError) error = NULL;
  XaLedgerRequest request;
  XaHazardFilter filter;

  g_return_if_fail (XA_IS_HAZARD_FILE_ACTIONS (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->busy)
    return;

  if (!prepare_ledger (self, format, &filter, &request, &school, &names, &error))
    {
      show_error (self, _("The Ledger Was Not Exported"), error->message);
      return;
    }

  start_write (self, &request, file, NULL, _("The Ledger Was Not Exported"));
}

typedef struct
{
  XaHazardFileActions *self;
  XaLedgerFormat       format;
  char                *hazard_uuid;   /* a form's */
  gboolean             closing;
} Chosen;

static void
chosen_free (Chosen *chosen)
{
  g_clear_object (&chosen->self);
  g_free (chosen->hazard_uuid);
  g_free (chosen);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Chosen, chosen_free)

static void
export_chosen_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(Chosen) chosen = user_data;
  g_autoptr(GFile) file = xa_choose_file_finish (result, NULL);

  if (file == NULL || chosen->self->widget == NULL)
    return;

  if (chosen->hazard_uuid == NULL)
    {
      xa_hazard_file_actions_export (chosen->self, chosen->format, file);
    }
  else
    {
      g_autoptr(XaHazard) hazard = NULL;
      g_autoptr(GError) error = NULL;

      if (!(hazard = xa_hazard_book_dup_by_uuid (chosen->self->book, chosen->hazard_uuid, &error)))
        show_error (chosen->self, _("The PDF Was Not Saved"), error->message);
      else
        xa_hazard_file_actions_export_form (chosen->self, hazard, chosen->closing, file);
    }
}

static void
choose_file (XaHazardFileActions *self,
             const char          *title,
             const char          *filter_name,
             const char          *pattern,
             const char          *name,
             Chosen              *chosen)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_pattern (filter, pattern);
  chosen->self = g_object_ref (self);
  xa_choose_file_async (self->widget, GTK_FILE_CHOOSER_ACTION_SAVE, title, _("_Save"), name, filter,
                        self->cancellable, export_chosen_cb, chosen);
}

/**
 * xa_hazard_file_actions_choose_export:
 *
 * 导出台账: asks where, then xa_hazard_file_actions_export().
 */
void
xa_hazard_file_actions_choose_export (XaHazardFileActions *self,
                                      XaLedgerFormat       format)
{
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  XaLedgerRequest request;
  XaHazardFilter filter;
  Chosen *chosen;

  g_return_if_fail (XA_IS_HAZARD_FILE_ACTIONS (self));

  if (self->busy || self->widget == NULL)
    return;

  if (!prepare_ledger (self, format, &filter, &request, &school, &names, &error))
    {
      show_error (self, _("The Ledger Was Not Exported"), error->message);
      return;
    }

  chosen = g_new0 (Chosen, 1);
  chosen->format = format;
  switch (format)
    {
    case XA_LEDGER_FORMAT_XLSX:
      name = dup_ledger_name (&request, ".xlsx");
      choose_file (self, _("Export Ledger as Excel Workbook"), _("Excel workbooks"), "*.xlsx", name, chosen);
      break;

    case XA_LEDGER_FORMAT_CSV:
      name = dup_ledger_name (&request, ".csv");
      choose_file (self, _("Export Ledger as CSV"), _("CSV files"), "*.csv", name, chosen);
      break;

    case XA_LEDGER_FORMAT_PDF:
    default:
      name = dup_ledger_name (&request, ".pdf");
      choose_file (self, _("Export Ledger as PDF"), _("PDF documents"), "*.pdf", name, chosen);
      break;
    }
}

/**
 * xa_hazard_file_actions_print:
 *
 * 打印台账: the ledger's PDF pages, laid out in a worker thread, then the print dialog.
 */
void
xa_hazard_file_actions_print (XaHazardFileActions *self)
{
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *job_name = NULL;
  XaLedgerRequest request;
  XaHazardFilter filter;

  g_return_if_fail (XA_IS_HAZARD_FILE_ACTIONS (self));

  if (self->busy || self->widget == NULL)
    return;

  if (!prepare_ledger (self, XA_LEDGER_FORMAT_PDF, &filter, &request, &school, &names, &error))
    {
      show_error (self, _("The Ledger Was Not Printed"), error->message);
      return;
    }

  job_name = dup_ledger_name (&request, "");
  start_write (self, &request, NULL, job_name, _("The Ledger Was Not Printed"));
}

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(XaHazardFileActions) self = user_data;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n = 0;

  set_busy (self, FALSE);
  if (!xa_ledger_import_finish (result, &n, &problems, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->widget == NULL)
        return;
      if (problems != NULL && problems->len > 0)
        xa_widget_show_problems (self->widget, _("The Ledger Was Not Imported"), problems);
      else
        show_error (self, _("The Ledger Was Not Imported"), error->message);
      return;
    }

  if (self->widget == NULL)
    return;
  /* Translators: after a ledger's file was imported */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u hazard", "Imported %u hazards", n), n);
  xa_widget_add_toast (self->widget, adw_toast_new (text));
}

/**
 * xa_hazard_file_actions_import:
 * @file: an XLSX or CSV ledger
 *
 * What 导入台账 does once the file is chosen: stores its hazards for the school the
 * filters show, all or none; the refused rows are listed as FILE:LINE.
 */
void
xa_hazard_file_actions_import (XaHazardFileActions *self,
                               GFile               *file)
{
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(GError) error = NULL;
  XaHazardImportOptions options = { NULL };
  XaHazardFilter filter;

  g_return_if_fail (XA_IS_HAZARD_FILE_ACTIONS (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->filters != NULL);

  if (self->busy)
    return;

  xa_hazard_filters_get_filter (self->filters, &filter);
  if (!(school = dup_filtered_school (self, &filter, &error)))
    {
      show_error (self, _("The Ledger Was Not Imported"), error->message);
      return;
    }

  options.school_uuid = xa_organisation_get_uuid (school);
  options.school_name = xa_organisation_get_name (school);
  options.school_code = xa_organisation_get_code (school);
  set_busy (self, TRUE);
  xa_ledger_import_async (self->book, file, &options, self->cancellable, imported_cb, g_object_ref (self));
}

static void
import_chosen_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(XaHazardFileActions) self = user_data;
  g_autoptr(GFile) file = xa_choose_file_finish (result, NULL);

  if (file != NULL && self->widget != NULL)
    xa_hazard_file_actions_import (self, file);
}

/**
 * xa_hazard_file_actions_choose_import:
 *
 * 导入台账…: refuses before asking for a file when the filters show every school.
 */
void
xa_hazard_file_actions_choose_import (XaHazardFileActions *self)
{
  g_autoptr(GtkFileFilter) ledgers = gtk_file_filter_new ();

  g_return_if_fail (XA_IS_HAZARD_FILE_ACTIONS (self));

  if (self->busy || self->widget == NULL)
    return;

  if (xa_hazard_filters_get_school (self->filters) == NULL)
    {
      show_error (self, _("The Ledger Was Not Imported"), _("Choose a school in the filters first"));
      return;
    }

  gtk_file_filter_set_name (ledgers, _("Ledgers (XLSX, CSV)"));
  gtk_file_filter_add_pattern (ledgers, "*.xlsx");
  gtk_file_filter_add_pattern (ledgers, "*.csv");
  xa_choose_file_async (self->widget, GTK_FILE_CHOOSER_ACTION_OPEN, _("Import Ledger"), _("_Import"),
                        NULL, ledgers, self->cancellable, import_chosen_cb, g_object_ref (self));
}

/* A hazard's forms */

/* The form's request and its name (整改通知书 <number>); %FALSE with why when there is
 * none: the 销号单 of a hazard not closed, as the core says. */
static gboolean
prepare_form (XaHazardFileActions  *self,
              XaHazard             *hazard,
              gboolean              closing,
              XaLedgerRequest      *request,
              XaOrganisation      **school,
              char                **name,
              GError              **error)
{
  const char *number = xa_hazard_get_number (hazard);

  if (closing && !xa_hazard_check_closed (hazard, error))
    return FALSE;
  if (!(*school = xa_school_registry_dup_school (self->registry,
                                                 xa_hazard_get_text (hazard, XA_HAZARD_FIELD_SCHOOL_UUID),
                                                 error)))
    return FALSE;

  *request = (XaLedgerRequest) { self->book, NULL, xa_hazard_get_uuid (hazard), closing, XA_LEDGER_FORMAT_PDF,
                                 xa_organisation_get_name (*school), xa_hazard_get_school_year (hazard), NULL };
  /* Translators: the file and print job of a hazard's form: its number */
  *name = g_strdup_printf (closing ? _("Closing Form %s") : _("Rectification Notice %s"), number);
  return TRUE;
}

/**
 * xa_hazard_file_actions_export_form:
 * @file: a local file; replaced atomically when it exists
 *
 * Writes the stored hazard's 整改通知书, or its 销号单 once it is closed.
 */
void
xa_hazard_file_actions_export_form (XaHazardFileActions *self,
                                    XaHazard            *hazard,
                                    gboolean             closing,
                                    GFile               *file)
{
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  XaLedgerRequest request;

  g_return_if_fail (XA_IS_HAZARD_FILE_ACTIONS (self));
  g_return_if_fail (XA_IS_HAZARD (hazard));
  g_return_if_fail (G_IS_FILE (file));

  if (self->busy)
    return;

  if (!prepare_form (self, hazard, closing, &request, &school, &name, &error))
    {
      show_error (self, _("The PDF Was Not Saved"), error->message);
      return;
    }

  start_write (self, &request, file, name, _("The PDF Was Not Saved"));
}

void
xa_hazard_file_actions_choose_form_export (XaHazardFileActions *self,
                                           XaHazard            *hazard,
                                           gboolean             closing)
{
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *file_name = NULL;
  XaLedgerRequest request;
  Chosen *chosen;

  g_return_if_fail (XA_IS_HAZARD_FILE_ACTIONS (self));
  g_return_if_fail (XA_IS_HAZARD (hazard));

  if (self->busy || self->widget == NULL)
    return;

  if (!prepare_form (self, hazard, closing, &request, &school, &name, &error))
    {
      show_error (self, _("The PDF Was Not Saved"), error->message);
      return;
    }

  chosen = g_new0 (Chosen, 1);
  chosen->hazard_uuid = g_strdup (xa_hazard_get_uuid (hazard));
  chosen->closing = closing;
  file_name = g_strconcat (name, ".pdf", NULL);
  choose_file (self, closing ? _("Export Closing Form as PDF") : _("Export Rectification Notice as PDF"),
               _("PDF documents"), "*.pdf", file_name, chosen);
}

void
xa_hazard_file_actions_print_form (XaHazardFileActions *self,
                                   XaHazard            *hazard,
                                   gboolean             closing)
{
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  XaLedgerRequest request;

  g_return_if_fail (XA_IS_HAZARD_FILE_ACTIONS (self));
  g_return_if_fail (XA_IS_HAZARD (hazard));

  if (self->busy || self->widget == NULL)
    return;

  if (!prepare_form (self, hazard, closing, &request, &school, &name, &error))
    {
      show_error (self, _("The Form Was Not Printed"), error->message);
      return;
    }

  start_write (self, &request, NULL, name, _("The Form Was Not Printed"));
}

/* Object */

static void
xa_hazard_file_actions_dispose (GObject *object)
{
  XaHazardFileActions *self = XA_HAZARD_FILE_ACTIONS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_weak_pointer (&self->widget);
  g_clear_weak_pointer (&self->filters);
  g_clear_object (&self->book);
  g_clear_object (&self->registry);
  g_clear_object (&self->print_operation);
  g_clear_object (&self->print_file);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (xa_hazard_file_actions_parent_class)->dispose (object);
}

static void
xa_hazard_file_actions_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  XaHazardFileActions *self = XA_HAZARD_FILE_ACTIONS (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_hazard_file_actions_class_init (XaHazardFileActionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = xa_hazard_file_actions_dispose;
  object_class->get_property = xa_hazard_file_actions_get_property;

  /* Whether a file is being written or read, or a print is under way. */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xa_hazard_file_actions_init (XaHazardFileActions *self)
{
  self->cancellable = g_cancellable_new ();
}

/**
 * xa_hazard_file_actions_new:
 * @widget: where the dialogs and toasts show; not referenced
 * @filters: (nullable): which ledger the ledger's actions are of; not referenced
 *
 * Returns: (transfer full): the actions
 */
XaHazardFileActions *
xa_hazard_file_actions_new (GtkWidget        *widget,
                            XaHazardBook     *book,
                            XaSchoolRegistry *registry,
                            XaHazardFilters  *filters)
{
  XaHazardFileActions *self;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (XA_IS_HAZARD_BOOK (book), NULL);
  g_return_val_if_fail (XA_IS_SCHOOL_REGISTRY (registry), NULL);
  g_return_val_if_fail (filters == NULL || XA_IS_HAZARD_FILTERS (filters), NULL);

  self = g_object_new (XA_TYPE_HAZARD_FILE_ACTIONS, NULL);
  g_set_weak_pointer (&self->widget, widget);
  g_set_weak_pointer (&self->filters, filters);
  self->book = g_object_ref (book);
  self->registry = g_object_ref (registry);

  return self;
}

/**
 * xa_hazard_file_actions_cancel:
 *
 * Stops what is under way: the owner goes.
 */
void
xa_hazard_file_actions_cancel (XaHazardFileActions *self)
{
  g_return_if_fail (XA_IS_HAZARD_FILE_ACTIONS (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_weak_pointer (&self->widget);
}

gboolean
xa_hazard_file_actions_get_busy (XaHazardFileActions *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_FILE_ACTIONS (self), FALSE);

  return self->busy;
}

/**
 * xa_hazard_file_actions_set_print_file:
 * @file: (nullable): a PDF file the prints are exported to, instead of the print dialog
 *
 * For tests: the print operation runs as it would, its pages written to @file.
 */
void
xa_hazard_file_actions_set_print_file (XaHazardFileActions *self,
                                       GFile               *file)
{
  g_return_if_fail (XA_IS_HAZARD_FILE_ACTIONS (self));

  g_set_object (&self->print_file, file);
}
