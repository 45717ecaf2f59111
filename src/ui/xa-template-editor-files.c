/* xa-template-editor-files.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The template editor's files: a template imported from its JSON form or exported to it,
 * through the file chooser, in a worker thread (XaTemplateEditor:busy meanwhile).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-template-editor-private.h"
#include "xa-ui-utils.h"
#include "core/util/xa-school-year.h"

static GtkFileFilter *
json_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Xiaoan templates (JSON)"));
  gtk_file_filter_add_suffix (filter, "json");
  return filter;
}

static void
import_chosen_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(XaTemplateEditor) self = user_data;
  g_autoptr(GFile) file = xa_choose_file_finish (result, NULL);

  if (file != NULL)
    xa_template_editor_import_file (self, file);
}

void
_xa_template_editor_import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XaTemplateEditor *self = XA_TEMPLATE_EDITOR (widget);
  g_autoptr(GtkFileFilter) filter = json_filter ();

  xa_choose_file_async (widget, GTK_FILE_CHOOSER_ACTION_OPEN, _("Import a Template"), _("_Import"),
                        NULL, filter, self->cancellable, import_chosen_cb, g_object_ref (self));
}

static void
export_chosen_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(XaTemplateEditor) self = user_data;
  g_autoptr(GFile) file = xa_choose_file_finish (result, NULL);

  if (file != NULL)
    xa_template_editor_export_to_file (self, file);
}

void
_xa_template_editor_export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XaTemplateEditor *self = XA_TEMPLATE_EDITOR (widget);
  g_autoptr(GtkFileFilter) filter = json_filter ();
  g_autofree char *span = NULL;
  g_autofree char *name = NULL;

  if (self->template == NULL)
    return;

  span = xa_school_year_format_span (xa_template_get_school_year (self->template));
  /* Translators: the file name offered: the school year, the version. */
  name = g_strdup_printf (_("template-%s-v%d.json"), span, xa_template_get_version (self->template));
  xa_choose_file_async (widget, GTK_FILE_CHOOSER_ACTION_SAVE, _("Export the Template"), _("_Export"),
                        name, filter, self->cancellable, export_chosen_cb, g_object_ref (self));
}

static void
set_busy (XaTemplateEditor *self,
          gboolean          busy)
{
  if (self->busy == !!busy)
    return;

  self->busy = !!busy;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.import", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.export", !busy && self->template != NULL);
  _xa_template_editor_notify_busy (self);
}

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(XaTemplateEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(XaTemplate) template = NULL;
  g_autofree char *caption = NULL;

  template = xa_template_library_import_file_finish (XA_TEMPLATE_LIBRARY (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);

  if (template == NULL)
    {
      xa_widget_show_error (GTK_WIDGET (self), _("The Template Was Not Imported"), error->message);
      return;
    }

  caption = xa_template_dup_caption (template);
  xa_template_editor_select_template (self, xa_template_get_uuid (template));
  /* Translators: %s is the school year and version the file was stored as. */
  xa_widget_add_toast (GTK_WIDGET (self), adw_toast_new_format (_("Imported as %s"), caption));
}

/**
 * xa_template_editor_import_file:
 *
 * Reads a template file as `xiaoan-cli template import` does, with its checks, stores
 * it as the next version of its school year and shows it; a wrong file changes nothing
 * and is named in the message. The file is read in a worker thread; #XaTemplateEditor:busy
 * is %TRUE meanwhile.
 */
void
xa_template_editor_import_file (XaTemplateEditor *self,
                                GFile            *file)
{
  g_return_if_fail (XA_IS_TEMPLATE_EDITOR (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->dirty)
    {
      xa_widget_add_toast (GTK_WIDGET (self), adw_toast_new (_("Save or discard the changes first")));
      return;
    }
  if (self->busy)
    return;

  set_busy (self, TRUE);
  xa_template_library_import_file_async (self->library, file, self->cancellable,
                                         imported_cb, g_object_ref (self));
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(XaTemplateEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  GFile *file = g_object_get_data (G_OBJECT (result), "file");

  if (!xa_template_library_export_file_finish (XA_TEMPLATE_LIBRARY (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, FALSE);
      xa_widget_show_error (GTK_WIDGET (self), _("The Template Was Not Exported"), error->message);
      return;
    }

  set_busy (self, FALSE);
  display = g_file_get_basename (file);
  /* Translators: %s is the file's name. */
  xa_widget_add_toast (GTK_WIDGET (self), adw_toast_new_format (_("Exported to %s"), display));
}

/**
 * xa_template_editor_export_to_file:
 *
 * Writes the template being edited, as it stands, to @file in the form that
 * `xiaoan-cli template export` writes, atomically, in a worker thread. A template that
 * would not read back (an empty clause, an unknown placeholder) is refused with the
 * reason.
 */
void
xa_template_editor_export_to_file (XaTemplateEditor *self,
                                   GFile            *file)
{
  g_return_if_fail (XA_IS_TEMPLATE_EDITOR (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->template == NULL || self->busy)
    return;

  set_busy (self, TRUE);
  xa_template_library_export_file_async (self->library, self->template, file, self->cancellable,
                                         exported_cb, g_object_ref (self));
}

gboolean
xa_template_editor_get_busy (XaTemplateEditor *self)
{
  g_return_val_if_fail (XA_IS_TEMPLATE_EDITOR (self), FALSE);

  return self->busy;
}
