/* xa-signing-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Asks what to sign a PDF with (issue 12): the user's PKCS#12 certificate file, in the
 * file chooser, then its password and whether the signature shows on the page, in a
 * message dialog. The password stays in memory for the one signature: it is never
 * stored, and wiped once used (xa_pdf_password_free()).
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "xa-signing-dialog.h"
#include "xa-ui-utils.h"
#include "document/xa-pdf-signer.h"

typedef struct
{
  char        *p12_path;
  GtkEditable *password;    /* the dialog's, while it is open */
  GtkCheckButton *visible;
} Asking;

static void
asking_free (Asking *asking)
{
  g_free (asking->p12_path);
  g_clear_object (&asking->password);
  g_clear_object (&asking->visible);
  g_free (asking);
}

void
xa_signing_choice_free (XaSigningChoice *choice)
{
  if (choice == NULL)
    return;

  g_free (choice->p12_path);
  xa_pdf_password_free (choice->password);
  g_free (choice);
}

static void
password_given_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Asking *asking = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  XaSigningChoice *choice;

  if (!xa_confirm_finish (result, &error))
    {
      if (error == NULL)
        error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  choice = g_new0 (XaSigningChoice, 1);
  choice->p12_path = g_strdup (asking->p12_path);
  choice->password = g_strdup (gtk_editable_get_text (asking->password));
  choice->visible = gtk_check_button_get_active (asking->visible);
  /* The entry's own copy goes as the dialog goes; clear it now rather than later. */
  gtk_editable_set_text (asking->password, "");
  g_task_return_pointer (task, choice, (GDestroyNotify) xa_signing_choice_free);
}

/* The dialog focuses its default button; the password is what is typed first. */
static void
entry_mapped_cb (GtkWidget *entry)
{
  gtk_widget_grab_focus (entry);
}

static void
certificate_chosen_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Asking *asking = g_task_get_task_data (task);
  GtkWidget *widget = g_task_get_source_object (task);
  g_autoptr(GFile) file = xa_choose_file_finish (result, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *body = NULL;
  GtkWidget *box, *entry, *check;

  if (file == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");
      return;
    }
  if (!(asking->p12_path = g_file_get_path (file)))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("The certificate file must be in a folder of this computer"));
      return;
    }

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  entry = gtk_password_entry_new ();
  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (entry), TRUE);
  g_object_set (entry, "activates-default", TRUE,
                "placeholder-text", _("Password of the certificate file"), NULL);
  check = gtk_check_button_new_with_mnemonic (_("_Show the signature on the last page"));
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), check);
  g_signal_connect (entry, "map", G_CALLBACK (entry_mapped_cb), NULL);
  asking->password = GTK_EDITABLE (g_object_ref (entry));
  asking->visible = GTK_CHECK_BUTTON (g_object_ref (check));

  basename = g_file_get_basename (file);
  /* Translators: %s is the certificate file's name, such as 张三.p12 */
  body = g_strdup_printf (_("The password of “%s” is used for this signature only; Xiaoan stores neither the password nor the key."),
                          basename);
  xa_confirm_async (widget, _("Certificate Password"), body,
                    box, _("_Continue"), g_task_get_cancellable (task), password_given_cb,
                    g_steal_pointer (&task));
}

/**
 * xa_ask_signing_async:
 *
 * Asks for the certificate file, then for its password. Completes with
 * %G_IO_ERROR_CANCELLED when the user gives up at either step.
 */
void
xa_ask_signing_async (GtkWidget           *widget,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_return_if_fail (GTK_IS_WIDGET (widget));

  task = g_task_new (widget, cancellable, callback, user_data);
  g_task_set_source_tag (task, xa_ask_signing_async);
  g_task_set_task_data (task, g_new0 (Asking, 1), (GDestroyNotify) asking_free);

  gtk_file_filter_set_name (filter, _("PKCS#12 certificates (.p12, .pfx)"));
  gtk_file_filter_add_mime_type (filter, "application/x-pkcs12");
  gtk_file_filter_add_pattern (filter, "*.p12");
  gtk_file_filter_add_pattern (filter, "*.pfx");
  xa_choose_file_async (widget, GTK_FILE_CHOOSER_ACTION_OPEN, _("Choose the Signing Certificate"),
                        _("_Choose"), NULL, filter, cancellable, certificate_chosen_cb,
                        g_steal_pointer (&task));
}

/**
 * xa_ask_signing_finish:
 *
 * Returns: (transfer full) (nullable): what to sign with, or %NULL with @error set
 */
XaSigningChoice *
xa_ask_signing_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
