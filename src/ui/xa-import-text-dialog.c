/* xa-import-text-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 从文本导入: the user pastes an agreement from Word or WPS, or opens a .txt file, and
 * sees what was recognised (title, clauses by level, party lines, parties) before the
 * template is named and saved. Recognising runs on a worker after every change of the
 * text; the newest text wins.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-import-text-dialog.h"
#include "xa-ui-utils.h"
#include "core/agreements/xa-template-outline.h"

struct _XaImportTextDialog
{
  AdwWindow           parent_instance;

  /* Owned references */
  XaTemplateLibrary  *library;
  XaTemplate         *template;
  XaTemplate         *saved;
  GCancellable       *cancellable;    /* the dialog's: file choosing and reading */
  GCancellable       *recognising;    /* the newest recognition's */

  /* Template widgets */
  GtkListView        *clause_view;
  AdwEntryRow        *name_row;
  GtkLabel           *summary_label;
  GtkTextView        *text_view;
  GtkSpinButton      *year_button;

  /* State */
  gboolean            name_edited;
};

G_DEFINE_FINAL_TYPE (XaImportTextDialog, xa_import_text_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_TEMPLATE,
  PROP_SAVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  XaTextOutline *outline;
  XaTemplate    *template;
  char          *summary;
} Recognised;

static void
recognised_free (Recognised *recognised)
{
  g_clear_pointer (&recognised->outline, xa_text_outline_free);
  g_clear_object (&recognised->template);
  g_free (recognised->summary);
  g_free (recognised);
}

static void
recognise_worker (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  const char *text = task_data;
  Recognised *recognised = g_new0 (Recognised, 1);
  GError *error = NULL;

  /* The year and the name are set on the main thread, from the dialog's fields. */
  recognised->outline = xa_text_outline_new (text);
  recognised->template = xa_template_new_from_outline (recognised->outline, 2000, "-", &error);
  if (recognised->template == NULL)
    {
      recognised_free (recognised);
      g_task_return_error (task, error);
      return;
    }
  recognised->summary = xa_template_outline_describe (recognised->outline, recognised->template);
  g_task_return_pointer (task, recognised, (GDestroyNotify) recognised_free);
}

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  GListModel *children = xa_clause_get_children (item);

  return g_list_model_get_n_items (children) > 0 ? g_object_ref (children) : NULL;
}

static void
set_template (XaImportTextDialog *self,
              XaTemplate         *template)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  if (!g_set_object (&self->template, template))
    return;

  if (template != NULL)
    {
      GtkTreeListModel *tree = gtk_tree_list_model_new (g_object_ref (xa_template_get_clauses (template)),
                                                        FALSE, TRUE, create_children, NULL, NULL);

      selection = gtk_no_selection_new (G_LIST_MODEL (tree));
    }
  gtk_list_view_set_model (self->clause_view, GTK_SELECTION_MODEL (selection));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.save", template != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEMPLATE]);
}

static void
recognised_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(XaImportTextDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  Recognised *recognised = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_task_get_cancellable (G_TASK (result)) != self->recognising)
    {
      g_clear_pointer (&recognised, recognised_free);
      return;
    }

  if (recognised == NULL)
    {
      gtk_label_set_label (self->summary_label, error->message);
      set_template (self, NULL);
      return;
    }

  gtk_label_set_label (self->summary_label, recognised->summary);
  if (!self->name_edited)
    {
      g_autoptr(XaClause) first = g_list_model_get_item (xa_template_get_clauses (recognised->template), 0);

      /* Until the user names it, the template is named by its title. */
      if (xa_clause_get_kind (first) == XA_CLAUSE_KIND_TITLE)
        {
          g_autoptr(GString) title = g_string_new (xa_clause_get_text (first));

          g_string_replace (title, "\n", "", 0);
          gtk_editable_set_text (GTK_EDITABLE (self->name_row), title->str);
          self->name_edited = FALSE;
        }
    }
  set_template (self, recognised->template);
  recognised_free (recognised);
}

static void
text_changed_cb (XaImportTextDialog *self,
                 GtkTextBuffer      *buffer)
{
  g_autoptr(GTask) task = NULL;
  GtkTextIter start;
  GtkTextIter end;

  g_cancellable_cancel (self->recognising);
  g_clear_object (&self->recognising);
  self->recognising = g_cancellable_new ();

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  task = g_task_new (NULL, self->recognising, recognised_cb, g_object_ref (self));
  g_task_set_source_tag (task, text_changed_cb);
  g_task_set_task_data (task, gtk_text_buffer_get_text (buffer, &start, &end, FALSE), g_free);
  g_task_run_in_thread (task, recognise_worker);
}

static void
name_changed_cb (XaImportTextDialog *self)
{
  self->name_edited = TRUE;
}

static void
setup_clause_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), label);
  gtk_list_item_set_child (item, expander);
}

static void
bind_clause_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  GtkWidget *expander = gtk_list_item_get_child (item);
  XaClause *clause = gtk_tree_list_row_get_item (row);
  g_autofree char *line = NULL;

  /* The kind as the editor names it, then the clause as written. */
  line = g_strdup_printf ("%s　%s%s%s", _(xa_clause_kind_to_label (xa_clause_get_kind (clause))),
                          xa_clause_get_number (clause), xa_clause_get_heading (clause),
                          xa_clause_get_text (clause));
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  gtk_label_set_label (GTK_LABEL (gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander))), line);
  g_object_unref (clause);
}

static void
file_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(XaImportTextDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_task_propagate_pointer (G_TASK (result), &error);

  if (text == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        xa_widget_show_error (GTK_WIDGET (self), _("Cannot Open the Text"), error->message);
      return;
    }

  xa_import_text_dialog_set_text (self, text);
}

static void
read_file_worker (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;
  char *text = xa_template_outline_load_text (task_data, cancellable, &error);

  if (text == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, text, g_free);
}

static void
file_chosen_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(XaImportTextDialog) self = user_data;
  g_autoptr(GFile) file = xa_choose_file_finish (result, NULL);
  g_autoptr(GTask) task = NULL;

  if (file == NULL)
    return;

  task = g_task_new (NULL, self->cancellable, file_read_cb, g_object_ref (self));
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, read_file_worker);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XaImportTextDialog *self = XA_IMPORT_TEXT_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Text files"));
  gtk_file_filter_add_mime_type (filter, "text/plain");
  gtk_file_filter_add_suffix (filter, "txt");
  xa_choose_file_async (widget, GTK_FILE_CHOOSER_ACTION_OPEN, _("Open an Agreement’s Text"),
                        _("_Open"), NULL, filter, self->cancellable, file_chosen_cb, g_object_ref (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XaImportTextDialog *self = XA_IMPORT_TEXT_DIALOG (widget);
  g_autoptr(XaTemplate) template = NULL;
  g_autoptr(GError) error = NULL;

  if (self->template == NULL)
    return;

  template = xa_template_copy (self->template);
  xa_template_set_name (template, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  xa_template_set_school_year (template, gtk_spin_button_get_value_as_int (self->year_button));
  if (!xa_template_library_save (self->library, template, &error))
    {
      xa_widget_show_error (widget, _("Cannot Save the Template"), error->message);
      return;
    }

  g_set_object (&self->saved, template);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVED]);
  gtk_window_close (GTK_WINDOW (self));
}

static void
xa_import_text_dialog_dispose (GObject *object)
{
  XaImportTextDialog *self = XA_IMPORT_TEXT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->recognising);
  gtk_widget_dispose_template (GTK_WIDGET (self), XA_TYPE_IMPORT_TEXT_DIALOG);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->recognising);
  g_clear_object (&self->template);
  g_clear_object (&self->saved);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (xa_import_text_dialog_parent_class)->dispose (object);
}

static void
xa_import_text_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  XaImportTextDialog *self = XA_IMPORT_TEXT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_TEMPLATE:
      g_value_set_object (value, self->template);
      break;

    case PROP_SAVED:
      g_value_set_object (value, self->saved);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_import_text_dialog_class_init (XaImportTextDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_import_text_dialog_dispose;
  object_class->get_property = xa_import_text_dialog_get_property;

  properties[PROP_TEMPLATE] =
    g_param_spec_object ("template", NULL, NULL, XA_TYPE_TEMPLATE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SAVED] =
    g_param_spec_object ("saved", NULL, NULL, XA_TYPE_TEMPLATE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xiaoan/Xiaoan/xa-import-text-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XaImportTextDialog, clause_view);
  gtk_widget_class_bind_template_child (widget_class, XaImportTextDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, XaImportTextDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, XaImportTextDialog, text_view);
  gtk_widget_class_bind_template_child (widget_class, XaImportTextDialog, year_button);

  gtk_widget_class_install_action (widget_class, "import.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "import.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
xa_import_text_dialog_init (XaImportTextDialog *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_clause_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_clause_cb), NULL);
  gtk_list_view_set_factory (self->clause_view, factory);

  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (text_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->name_row, "changed", G_CALLBACK (name_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.save", FALSE);
}

XaImportTextDialog *
xa_import_text_dialog_new (XaTemplateLibrary *library,
                           int                school_year)
{
  XaImportTextDialog *self;

  g_return_val_if_fail (XA_IS_TEMPLATE_LIBRARY (library), NULL);

  self = g_object_new (XA_TYPE_IMPORT_TEXT_DIALOG, NULL);
  self->library = g_object_ref (library);
  gtk_spin_button_set_value (self->year_button, school_year);
  return self;
}

/**
 * xa_import_text_dialog_set_text:
 *
 * Puts @text in the dialog as if pasted: it is recognised again.
 */
void
xa_import_text_dialog_set_text (XaImportTextDialog *self,
                                const char         *text)
{
  g_return_if_fail (XA_IS_IMPORT_TEXT_DIALOG (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text, -1);
}

/**
 * xa_import_text_dialog_get_template:
 *
 * Returns: (transfer none) (nullable): what the text was recognised as
 */
XaTemplate *
xa_import_text_dialog_get_template (XaImportTextDialog *self)
{
  g_return_val_if_fail (XA_IS_IMPORT_TEXT_DIALOG (self), NULL);

  return self->template;
}

/**
 * xa_import_text_dialog_get_saved:
 *
 * Returns: (transfer none) (nullable): the template as stored, once saved
 */
XaTemplate *
xa_import_text_dialog_get_saved (XaImportTextDialog *self)
{
  g_return_val_if_fail (XA_IS_IMPORT_TEXT_DIALOG (self), NULL);

  return self->saved;
}
