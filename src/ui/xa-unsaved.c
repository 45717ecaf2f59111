/* xa-unsaved.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one question every way of leaving an edit asks: 保存更改？ with 保存, 放弃 and 取消.
 * A form or an editor implements XaUnsaved; a page that holds one passes the calls on;
 * the list, the sidebar, the window and the application ask before they move on.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-accessible.h"
#include "xa-ui-utils.h"
#include "xa-unsaved.h"

G_DEFINE_INTERFACE (XaUnsaved, xa_unsaved, GTK_TYPE_WIDGET)

static void
xa_unsaved_default_init (XaUnsavedInterface *iface)
{
}

/**
 * xa_unsaved_dup_unsaved:
 *
 * Returns: (transfer full) (nullable): what holds unsaved edits, as a question names it,
 *   or %NULL when nothing does
 */
char *
xa_unsaved_dup_unsaved (XaUnsaved *self)
{
  XaUnsavedInterface *iface;

  g_return_val_if_fail (XA_IS_UNSAVED (self), NULL);

  iface = XA_UNSAVED_GET_IFACE (self);
  if (iface->get_holder != NULL)
    {
      XaUnsaved *holder = iface->get_holder (self);

      return holder != NULL ? xa_unsaved_dup_unsaved (holder) : NULL;
    }

  return iface->dup_unsaved (self);
}

gboolean
xa_unsaved_save (XaUnsaved  *self,
                 GError    **error)
{
  XaUnsavedInterface *iface;

  g_return_val_if_fail (XA_IS_UNSAVED (self), FALSE);

  iface = XA_UNSAVED_GET_IFACE (self);
  if (iface->get_holder != NULL)
    {
      XaUnsaved *holder = iface->get_holder (self);

      return holder == NULL || xa_unsaved_save (holder, error);
    }

  return iface->save (self, error);
}

void
xa_unsaved_discard (XaUnsaved *self)
{
  XaUnsavedInterface *iface;

  g_return_if_fail (XA_IS_UNSAVED (self));

  iface = XA_UNSAVED_GET_IFACE (self);
  if (iface->get_holder != NULL)
    {
      XaUnsaved *holder = iface->get_holder (self);

      if (holder != NULL)
        xa_unsaved_discard (holder);
      return;
    }

  iface->discard (self);
}

static void
guard_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   GTask            *task)
{
  XaUnsaved *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (g_str_equal (response, "discard"))
    {
      xa_unsaved_discard (self);
      g_task_return_boolean (task, TRUE);
    }
  else if (g_str_equal (response, "save"))
    {
      gboolean saved = xa_unsaved_save (self, &error);

      /* The edits stay, and so does the user, with the reason. */
      if (!saved)
        xa_widget_show_error (GTK_WIDGET (self), _("The Changes Were Not Saved"), error->message);
      g_task_return_boolean (task, saved);
    }
  else
    g_task_return_boolean (task, FALSE);
}

/**
 * xa_unsaved_guard_async:
 *
 * Before leaving @self: when it holds unsaved edits, asks whether to save them, discard
 * them or stay, and does it. Completes with %TRUE when the caller may go on: nothing was
 * unsaved, the edits were saved, or they were discarded.
 */
void
xa_unsaved_guard_async (XaUnsaved           *self,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *unsaved = NULL;
  g_autofree char *body = NULL;
  GtkRoot *root;
  AdwMessageDialog *dialog;

  g_return_if_fail (XA_IS_UNSAVED (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, xa_unsaved_guard_async);

  if (!(unsaved = xa_unsaved_dup_unsaved (self)))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  /* Translators: %s is what holds the edits, such as 学校“凤岗幼儿园”. */
  body = g_strdup_printf (_("%s has changes that are not saved. If you do not save them, they are lost."),
                          unsaved);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Save Changes?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");

  g_signal_connect_data (dialog, "response", G_CALLBACK (guard_response_cb),
                         g_steal_pointer (&task), (GClosureNotify) g_object_unref, 0);
  xa_accessible_prepare (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * xa_unsaved_guard_finish:
 *
 * Returns: %TRUE when the caller may leave
 */
gboolean
xa_unsaved_guard_finish (XaUnsaved    *self,
                         GAsyncResult *result)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), NULL);
}

static void guard_next (GTask *task);

static void
guarded_one_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;

  if (!xa_unsaved_guard_finish (XA_UNSAVED (object), result))
    {
      g_task_return_boolean (task, FALSE);
      return;
    }

  guard_next (g_steal_pointer (&task));
}

static void
guard_next (GTask *task)
{
  GPtrArray *remaining = g_task_get_task_data (task);
  g_autoptr(XaUnsaved) next = NULL;

  if (remaining->len == 0)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  next = g_ptr_array_steal_index (remaining, 0);
  xa_unsaved_guard_async (next, g_task_get_cancellable (task), guarded_one_cb, task);
}

/**
 * xa_unsaved_guard_all_async:
 * @unsaved: (element-type XaUnsaved): what to ask about, in order
 * @parent: the widget the task belongs to
 *
 * xa_unsaved_guard_async() for each of @unsaved in turn, as closing a window asks for
 * each of its pages; the first 取消 stops and completes with %FALSE.
 */
void
xa_unsaved_guard_all_async (GPtrArray           *unsaved,
                            GtkWidget           *parent,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task;
  GPtrArray *remaining = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (unsaved != NULL);

  for (guint i = 0; i < unsaved->len; i++)
    g_ptr_array_add (remaining, g_object_ref (unsaved->pdata[i]));

  task = g_task_new (parent, cancellable, callback, user_data);
  g_task_set_source_tag (task, xa_unsaved_guard_all_async);
  g_task_set_task_data (task, remaining, (GDestroyNotify) g_ptr_array_unref);
  guard_next (task);
}

gboolean
xa_unsaved_guard_all_finish (GAsyncResult *result)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  return g_task_propagate_boolean (G_TASK (result), NULL);
}
