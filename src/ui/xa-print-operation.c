/* xa-print-operation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints a page set through the system print dialog. The pages are A4 in PDF points; the
 * operation works in points on the whole sheet, so that the GB/T 9704 margins stay the
 * document's own and are not added to the printer's.
 */

#include "config.h"

#include "xa-print-operation.h"
#include "xa-ui-utils.h"

struct _XaPrintOperation
{
  GtkPrintOperation  parent_instance;

  /* Owned references */
  XaPageSet         *pages;
  GtkWidget         *widget;           /* who shows a failure: a weak pointer */
  char              *failure_heading;
};

G_DEFINE_FINAL_TYPE (XaPrintOperation, xa_print_operation, GTK_TYPE_PRINT_OPERATION)

static void
xa_print_operation_begin_print (GtkPrintOperation *operation,
                                GtkPrintContext   *context)
{
  XaPrintOperation *self = XA_PRINT_OPERATION (operation);

  gtk_print_operation_set_n_pages (operation, MAX (1, xa_page_set_get_n_pages (self->pages)));
}

static void
xa_print_operation_draw_page (GtkPrintOperation *operation,
                              GtkPrintContext   *context,
                              int                page_nr)
{
  XaPrintOperation *self = XA_PRINT_OPERATION (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double page_width, page_height, scale;

  /* A sheet other than A4 (Letter) gets the page scaled down and centred, never cut. */
  xa_page_set_get_page_size (self->pages, page_nr, &page_width, &page_height);
  scale = MIN (width / page_width, height / page_height);
  cairo_save (cr);
  cairo_translate (cr, (width - page_width * scale) / 2, (height - page_height * scale) / 2);
  cairo_scale (cr, scale, scale);
  xa_page_set_draw_page (self->pages, cr, page_nr);
  cairo_restore (cr);
}

/* A ledger's pages are turned: the sheet turns with them. */
static void
xa_print_operation_request_page_setup (GtkPrintOperation *operation,
                                       GtkPrintContext   *context,
                                       int                page_nr,
                                       GtkPageSetup      *setup)
{
  XaPrintOperation *self = XA_PRINT_OPERATION (operation);
  double width, height;

  xa_page_set_get_page_size (self->pages, page_nr, &width, &height);
  gtk_page_setup_set_orientation (setup, width > height ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                        : GTK_PAGE_ORIENTATION_PORTRAIT);
}

static void
xa_print_operation_done (GtkPrintOperation       *operation,
                         GtkPrintOperationResult  result)
{
  XaPrintOperation *self = XA_PRINT_OPERATION (operation);
  g_autoptr(GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR || self->widget == NULL)
    return;

  gtk_print_operation_get_error (operation, &error);
  xa_widget_show_error (self->widget, self->failure_heading, error ? error->message : NULL);
}

static void
xa_print_operation_dispose (GObject *object)
{
  XaPrintOperation *self = XA_PRINT_OPERATION (object);

  g_clear_object (&self->pages);
  g_clear_weak_pointer (&self->widget);
  g_clear_pointer (&self->failure_heading, g_free);

  G_OBJECT_CLASS (xa_print_operation_parent_class)->dispose (object);
}

static void
xa_print_operation_class_init (XaPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->dispose = xa_print_operation_dispose;

  operation_class->begin_print = xa_print_operation_begin_print;
  operation_class->draw_page = xa_print_operation_draw_page;
  operation_class->request_page_setup = xa_print_operation_request_page_setup;
  operation_class->done = xa_print_operation_done;
}

static void
xa_print_operation_init (XaPrintOperation *self)
{
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (self), TRUE);
}

/**
 * xa_print_operation_new:
 * @pages: what to print
 * @job_name: (nullable): the name the print queue shows
 *
 * Returns: (transfer full): the operation, to run with gtk_print_operation_run()
 */
XaPrintOperation *
xa_print_operation_new (XaPageSet  *pages,
                        const char *job_name)
{
  XaPrintOperation *self;

  g_return_val_if_fail (XA_IS_PAGE_SET (pages), NULL);

  self = g_object_new (XA_TYPE_PRINT_OPERATION, "job-name", job_name, NULL);
  self->pages = g_object_ref (pages);

  return self;
}

XaPageSet *
xa_print_operation_get_pages (XaPrintOperation *self)
{
  g_return_val_if_fail (XA_IS_PRINT_OPERATION (self), NULL);

  return self->pages;
}

/**
 * xa_print_operation_run_dialog:
 * @widget: where the print is asked from: the dialog is over its window
 * @failure_heading: what a failure's message says first (打印失败 of what)
 *
 * Runs the system print dialog, the pages printed in the background. A failure, at once
 * or when the print is done, is shown over @widget's window.
 *
 * Returns: FALSE when the print could not start
 */
gboolean
xa_print_operation_run_dialog (XaPrintOperation *self,
                               GtkWidget        *widget,
                               const char       *failure_heading)
{
  g_autoptr(GError) error = NULL;
  GtkRoot *root;

  g_return_val_if_fail (XA_IS_PRINT_OPERATION (self), FALSE);
  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  g_set_weak_pointer (&self->widget, widget);
  g_free (self->failure_heading);
  self->failure_heading = g_strdup (failure_heading);
  root = gtk_widget_get_root (widget);
  if (gtk_print_operation_run (GTK_PRINT_OPERATION (self), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      xa_widget_show_error (widget, failure_heading, error->message);
      return FALSE;
    }

  return TRUE;
}
