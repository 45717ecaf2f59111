/* xa-ui-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small helpers that the pages of a section share: reaching the window's toast overlay
 * from deep inside a page without knowing the window, saying that something failed, and
 * showing a stored time the way people read it.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-accessible.h"
#include "xa-application.h"
#include "xa-ui-utils.h"
#include "core/util/xa-date.h"
#include "core/util/xa-school-year.h"

/**
 * xa_widget_add_toast:
 * @toast: (transfer full): the toast
 *
 * Shows @toast in the nearest #AdwToastOverlay above @widget; drops it when there is none
 * (a widget not in a window yet).
 */
void
xa_widget_add_toast (GtkWidget *widget,
                     AdwToast  *toast)
{
  GtkWidget *overlay;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ADW_IS_TOAST (toast));

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    {
      g_object_ref_sink (toast);
      g_object_unref (toast);
      return;
    }

  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
open_folder_cb (AdwToast  *toast,
                GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                g_object_get_data (G_OBJECT (toast), "folder-uri"), GDK_CURRENT_TIME);
}

/**
 * xa_widget_report_export:
 * @file: the file written, or not
 * @error: (nullable): why it was not written; %NULL when it was
 *
 * What every PDF export says when it is done: a toast over @widget that @file was
 * saved, with a button that opens its folder; or why it was not, unless it was
 * cancelled.
 */
void
xa_widget_report_export (GtkWidget    *widget,
                         GFile        *file,
                         const GError *error)
{
  g_autofree char *basename = NULL;
  g_autoptr(GFile) folder = NULL;
  AdwToast *toast;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (G_IS_FILE (file));

  if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        xa_widget_show_error (widget, _("The PDF Was Not Saved"), error->message);
      return;
    }

  basename = g_file_get_basename (file);
  folder = g_file_get_parent (file);
  /* Translators: %s is the name of the PDF file just saved. */
  toast = adw_toast_new_format (_("Saved “%s”"), basename);
  adw_toast_set_button_label (toast, _("_Open Folder"));
  g_object_set_data_full (G_OBJECT (toast), "folder-uri", g_file_get_uri (folder), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (open_folder_cb), widget, 0);
  xa_widget_add_toast (widget, toast);
}

/**
 * xa_widget_show_error:
 *
 * A message dialog over @widget's window, for a failure the user must read: the heading
 * says what did not happen, the body (the error's message) why.
 */
void
xa_widget_show_error (GtkWidget  *widget,
                      const char *heading,
                      const char *body)
{
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  root = gtk_widget_get_root (widget);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  xa_accessible_prepare (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Every rejected row, as an importer reported it ("FILE:LINE: reason"), in a selectable
 * list that scrolls when there are many. */
static GtkWidget *
create_problem_list (GPtrArray *problems)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *label;
  GtkWidget *scrolled;

  for (guint i = 0; i < problems->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, g_ptr_array_index (problems, i));
    }

  label = gtk_label_new (text->str);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "monospace");
  gtk_widget_add_css_class (label, "problem-list");

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  gtk_widget_add_css_class (scrolled, "card");

  return scrolled;
}

/**
 * xa_widget_show_problems:
 * @problems: (element-type utf8): the rows an import refused, each as FILE:LINE: reason
 *
 * Says that an import stored nothing, and lists why (the schools' list, the hazard
 * ledger).
 */
void
xa_widget_show_problems (GtkWidget  *widget,
                         const char *heading,
                         GPtrArray  *problems)
{
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (problems != NULL);

  root = gtk_widget_get_root (widget);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   _("Nothing was imported. Correct these rows in the file and import it "
                                     "again:"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), create_problem_list (problems));
  xa_accessible_prepare (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
choice_get_mapping (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char * const *choices = user_data;
  const char *key = g_variant_get_string (variant, NULL);

  g_value_set_uint (value, 0);
  for (guint i = 0; choices[i] != NULL; i++)
    if (g_strcmp0 (key, choices[i]) == 0)
      g_value_set_uint (value, i);

  return TRUE;
}

static GVariant *
choice_set_mapping (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  const char * const *choices = user_data;
  guint i = g_value_get_uint (value);

  if (i >= g_strv_length ((char **) choices))
    return NULL;

  return g_variant_new_string (choices[i]);
}

/**
 * xa_settings_bind_choice:
 * @key: a string key with choices
 * @property: an unsigned position, such as #AdwComboRow:selected
 * @choices: (array zero-terminated=1): the key's values in the order of the positions;
 *   static, as the binding keeps it
 *
 * Binds a setting of a few named values to the position of a combo row.
 */
void
xa_settings_bind_choice (GSettings          *settings,
                         const char         *key,
                         gpointer            object,
                         const char         *property,
                         const char * const *choices)
{
  g_settings_bind_with_mapping (settings, key, object, property, G_SETTINGS_BIND_DEFAULT,
                                choice_get_mapping, choice_set_mapping, (gpointer) choices, NULL);
}

/**
 * xa_format_timestamp:
 * @iso8601: (nullable): a time as the store writes it
 *
 * Returns: (transfer full) (nullable): the local date and time, or %NULL
 */
char *
xa_format_timestamp (const char *iso8601)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso8601 == NULL || iso8601[0] == '\0')
    return NULL;

  if ((utc = g_date_time_new_from_iso8601 (iso8601, NULL)) == NULL)
    return g_strdup (iso8601);

  local = g_date_time_to_local (utc);
  /* Translators: a date and time in g_date_time_format() form; 2026年11月28日 14:05. */
  return g_date_time_format (local, _("%Y-%m-%d %H:%M"));
}

/**
 * xa_template_dup_caption:
 *
 * Returns: (transfer full): the template's school year and version, as lists show it
 */
char *
xa_template_dup_caption (XaTemplate *template)
{
  g_autofree char *year = NULL;

  g_return_val_if_fail (XA_IS_TEMPLATE (template), NULL);

  year = xa_school_year_format (xa_template_get_school_year (template), FALSE);
  /* A template not stored yet has no version: saving gives it the next of its year. */
  if (xa_template_get_version (template) == 0)
    /* Translators: a template's school year, for one not saved yet: “2026—2027学年度 · 未保存”. */
    return g_strdup_printf (_("%s · not saved yet"), year);
  /* Translators: a template's school year and version: “2021—2022学年度 · 第 1 版”. */
  return g_strdup_printf (_("%s · version %d"), year, xa_template_get_version (template));
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     GTask            *task)
{
  if (g_task_return_error_if_cancelled (task))
    return;

  g_task_return_boolean (task, g_strcmp0 (response, "confirm") == 0);
}

/* @task: (transfer full): completed by the dialog's response */
static void
present_confirm (GtkWidget              *widget,
                 const char             *heading,
                 const char             *body,
                 GtkWidget              *extra_child,
                 const char             *confirm_label,
                 AdwResponseAppearance   appearance,
                 GTask                  *task)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "confirm", confirm_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "confirm", appearance);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog),
                                           appearance == ADW_RESPONSE_DESTRUCTIVE ? "cancel" : "confirm");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  if (extra_child != NULL)
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), extra_child);

  g_signal_connect_data (dialog, "response", G_CALLBACK (confirm_response_cb),
                         task, (GClosureNotify) g_object_unref, 0);
  xa_accessible_prepare (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * xa_confirm_async:
 * @extra_child: (nullable): a widget under the body, such as a choice to confirm with
 * @confirm_label: the label of the button that goes ahead
 *
 * Asks before something that changes many records. Completes with %TRUE when the user
 * went ahead; read @extra_child's state in the callback.
 */
void
xa_confirm_async (GtkWidget           *widget,
                  const char          *heading,
                  const char          *body,
                  GtkWidget           *extra_child,
                  const char          *confirm_label,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  task = g_task_new (widget, cancellable, callback, user_data);
  g_task_set_source_tag (task, xa_confirm_async);
  present_confirm (widget, heading, body, extra_child, confirm_label, ADW_RESPONSE_SUGGESTED,
                   g_steal_pointer (&task));
}

/**
 * xa_confirm_removal_async:
 * @confirm_label: the label of the button that removes
 *
 * xa_confirm_async() for a removal: its button is red, and Enter cancels. Finish with
 * xa_confirm_finish().
 */
void
xa_confirm_removal_async (GtkWidget           *widget,
                          const char          *heading,
                          const char          *body,
                          const char          *confirm_label,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  task = g_task_new (widget, NULL, callback, user_data);
  g_task_set_source_tag (task, xa_confirm_async);
  present_confirm (widget, heading, body, NULL, confirm_label, ADW_RESPONSE_DESTRUCTIVE,
                   g_steal_pointer (&task));
}

gboolean
xa_confirm_finish (GAsyncResult  *result,
                   GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
file_chosen_cb (GtkNativeDialog *chooser,
                int              response,
                GTask           *task)
{
  g_autoptr(GObject) chosen = NULL;
  gboolean multiple = gtk_file_chooser_get_select_multiple (GTK_FILE_CHOOSER (chooser));

  if (response == GTK_RESPONSE_ACCEPT && multiple)
    chosen = G_OBJECT (gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser)));
  else if (response == GTK_RESPONSE_ACCEPT)
    chosen = G_OBJECT (gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser)));
  gtk_native_dialog_destroy (chooser);

  if (chosen == NULL || (multiple && g_list_model_get_n_items (G_LIST_MODEL (chosen)) == 0))
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "No file chosen");
  else
    g_task_return_pointer (task, g_steal_pointer (&chosen), g_object_unref);

  /* The reference that choose_file() kept; the task goes with the handler. */
  g_object_unref (chooser);
}

static void
choose_file (GtkWidget            *widget,
             GtkFileChooserAction  action,
             gboolean              multiple,
             const char           *title,
             const char           *accept_label,
             const char           *current_name,
             GtkFileFilter        *filter,
             GTask                *task)
{
  GtkFileChooserNative *chooser;
  GtkRoot *root = gtk_widget_get_root (widget);

  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         action, accept_label, _("_Cancel"));
  if (filter != NULL)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (current_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), current_name);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), multiple);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  /* The chooser lives until it answers, and its handler owns the task. */
  g_signal_connect_data (chooser, "response", G_CALLBACK (file_chosen_cb),
                         task, (GClosureNotify) g_object_unref, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * xa_choose_file_async:
 * @action: saving a file or choosing a folder
 * @current_name: (nullable): the name offered when saving
 * @filter: (nullable): the kind of file
 *
 * The one place that asks for a file or a folder, so that a port to GtkFileDialog
 * (GTK 4.10) touches only this function and xa_choose_files_async(). Completes with
 * %G_IO_ERROR_CANCELLED when the user chose nothing.
 */
void
xa_choose_file_async (GtkWidget            *widget,
                      GtkFileChooserAction  action,
                      const char           *title,
                      const char           *accept_label,
                      const char           *current_name,
                      GtkFileFilter        *filter,
                      GCancellable         *cancellable,
                      GAsyncReadyCallback   callback,
                      gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  task = g_task_new (widget, cancellable, callback, user_data);
  g_task_set_source_tag (task, xa_choose_file_async);
  choose_file (widget, action, FALSE, title, accept_label, current_name, filter, g_steal_pointer (&task));
}

/**
 * xa_choose_pdf_file_async:
 * @current_name: the name offered, with its .pdf
 *
 * xa_choose_file_async() for the file an export writes: PDF documents shown, saved
 * with _Save.
 */
void
xa_choose_pdf_file_async (GtkWidget           *widget,
                          const char          *title,
                          const char          *current_name,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GtkFileFilter) pdf = gtk_file_filter_new ();

  gtk_file_filter_set_name (pdf, _("PDF documents"));
  gtk_file_filter_add_mime_type (pdf, "application/pdf");
  gtk_file_filter_add_pattern (pdf, "*.pdf");
  xa_choose_file_async (widget, GTK_FILE_CHOOSER_ACTION_SAVE, title, _("_Save"), current_name, pdf,
                        cancellable, callback, user_data);
}

/**
 * xa_choose_file_finish:
 *
 * Returns: (transfer full) (nullable): the file or folder chosen
 */
GFile *
xa_choose_file_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * xa_choose_files_async:
 * @filter: (nullable): the kind of file
 *
 * xa_choose_file_async() for opening one file or several at once. Completes with
 * %G_IO_ERROR_CANCELLED when the user chose nothing.
 */
void
xa_choose_files_async (GtkWidget           *widget,
                       const char          *title,
                       const char          *accept_label,
                       GtkFileFilter       *filter,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  task = g_task_new (widget, cancellable, callback, user_data);
  g_task_set_source_tag (task, xa_choose_files_async);
  choose_file (widget, GTK_FILE_CHOOSER_ACTION_OPEN, TRUE, title, accept_label, NULL, filter,
               g_steal_pointer (&task));
}

/**
 * xa_choose_files_finish:
 *
 * Returns: (transfer full): the files chosen (#GFile), at least one
 */
GListModel *
xa_choose_files_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static const char * const badge_classes[] = {
  "draft", "pending", "signed", "archived", "frozen", "added", "removed", "changed", "moved",
};

static void
reveal_page (GtkStack   *stack,
             const char *name)
{
  GtkWidget *child = gtk_stack_get_child_by_name (stack, name);

  gtk_widget_set_visible (child, TRUE);
  gtk_stack_set_visible_child (stack, child);
}

static void
stack_mapped_cb (GtkStack *stack,
                 gpointer  user_data)
{
  g_autofree char *name = g_strdup (g_object_get_data (G_OBJECT (stack), "xa-pending-page"));

  g_signal_handlers_disconnect_by_func (stack, stack_mapped_cb, user_data);
  g_object_set_data (G_OBJECT (stack), "xa-pending-page", NULL);
  if (name != NULL)
    reveal_page (stack, name);
}

/**
 * xa_stack_show_page:
 * @name: a page of @stack, whose child may still be hidden
 *
 * Shows the page @name of @stack, making its child visible first; while @stack is not on
 * screen, a hidden child is made visible only when @stack is mapped.
 *
 * The status pages that a stack shows only now and then (no results, nothing selected)
 * start hidden: GTK 4.8 measures every visible page of a homogeneous stack, shaping the
 * page's text and loading its icon in a worker (a 128-pixel one from a scalable SVG,
 * through librsvg), which a start that does not show them need not pay for.
 */
void
xa_stack_show_page (GtkStack   *stack,
                    const char *name)
{
  GObject *object = G_OBJECT (stack);
  GtkWidget *child;

  g_return_if_fail (GTK_IS_STACK (stack));

  child = gtk_stack_get_child_by_name (stack, name);
  g_return_if_fail (child != NULL);

  if (!gtk_widget_get_visible (child) && !gtk_widget_get_mapped (GTK_WIDGET (stack)))
    {
      if (g_object_get_data (object, "xa-pending-page") == NULL)
        g_signal_connect (stack, "map", G_CALLBACK (stack_mapped_cb), NULL);
      g_object_set_data_full (object, "xa-pending-page", g_strdup (name), g_free);
      return;
    }

  if (g_object_get_data (object, "xa-pending-page") != NULL)
    {
      g_signal_handlers_disconnect_by_func (stack, stack_mapped_cb, NULL);
      g_object_set_data (object, "xa-pending-page", NULL);
    }
  reveal_page (stack, name);
}

/**
 * xa_list_view_focus_first:
 * @view: a list whose model is a #GtkSingleSelection
 *
 * What Enter in a list's search does: selects the first item found and puts the focus on
 * its row, where the arrow keys move among the others. Nothing happens when the search
 * found nothing.
 */
void
xa_list_view_focus_first (GtkListView *view)
{
  g_autoptr(GtkSelectionModel) model = NULL;

  g_return_if_fail (GTK_IS_LIST_VIEW (view));

  if (!GTK_IS_SINGLE_SELECTION (gtk_list_view_get_model (view)))
    return;

  model = g_object_ref (gtk_list_view_get_model (view));
  if (g_list_model_get_n_items (G_LIST_MODEL (model)) == 0)
    return;

  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (model), 0);
  /* As Tab into the list, which GtkListView (4.8) sends to the row that had the focus
   * last, else to the first: the model is set again so that no row had it (grab_focus()
   * would focus the list itself, not a row). */
  gtk_list_view_set_model (view, NULL);
  gtk_list_view_set_model (view, model);
  if (!gtk_widget_child_focus (GTK_WIDGET (view), GTK_DIR_TAB_FORWARD))
    gtk_widget_grab_focus (GTK_WIDGET (view));
}

/**
 * xa_badge_row_new:
 *
 * The child of a list row: a title over a dimmed caption, with a small coloured badge
 * at the end (an agreement's state, a template's frozen mark).
 *
 * Returns: (transfer floating): the row's box, filled by xa_badge_row_set()
 */
GtkWidget *
xa_badge_row_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *caption = gtk_label_new (NULL);
  GtkWidget *badge = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "state-badge");

  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), caption);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), badge);

  return box;
}

/**
 * xa_badge_row_setup_cb:
 *
 * The "setup" handler of a #GtkSignalListItemFactory whose rows are badge rows, in a list
 * where a click selects (a picker in a dialog, whose default button answers).
 */
void
xa_badge_row_setup_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       gpointer                  user_data)
{
  gtk_list_item_set_child (item, xa_badge_row_new ());
}

/**
 * xa_badge_row_setup_opening_cb:
 *
 * The "setup" handler of a #GtkSignalListItemFactory whose rows are badge rows, in a
 * navigation list: one click opens what the row shows (xa_list_row_released()).
 */
void
xa_badge_row_setup_opening_cb (GtkSignalListItemFactory *factory,
                               GtkListItem              *item,
                               gpointer                  user_data)
{
  GtkWidget *row = xa_badge_row_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (xa_list_row_released), item);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));
  gtk_list_item_set_child (item, row);
}

/**
 * xa_badge_row_set:
 * @badge: (nullable): the badge's text; %NULL hides it
 * @badge_class: (nullable): its colour: one of the state-badge classes of style.css
 */
void
xa_badge_row_set (GtkWidget  *row,
                  const char *title,
                  const char *caption,
                  const char *badge,
                  const char *badge_class)
{
  GtkWidget *labels = gtk_widget_get_first_child (row);
  GtkWidget *title_label = gtk_widget_get_first_child (labels);
  GtkWidget *caption_label = gtk_widget_get_next_sibling (title_label);
  GtkWidget *badge_label = gtk_widget_get_next_sibling (labels);

  gtk_label_set_label (GTK_LABEL (title_label), title);
  gtk_label_set_label (GTK_LABEL (caption_label), caption);
  gtk_label_set_label (GTK_LABEL (badge_label), badge ? badge : "");
  gtk_widget_set_visible (badge_label, badge != NULL);
  for (guint i = 0; i < G_N_ELEMENTS (badge_classes); i++)
    gtk_widget_remove_css_class (badge_label, badge_classes[i]);
  if (badge_class != NULL)
    gtk_widget_add_css_class (badge_label, badge_class);
  xa_list_row_describe (row);
}

static gboolean
list_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     gpointer               user_data)
{
  GtkWidget *list = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *scrolled;
  GtkWidget *piece;
  gboolean moved;

  if (keyval != GDK_KEY_Tab && keyval != GDK_KEY_ISO_Left_Tab && keyval != GDK_KEY_KP_Tab)
    return FALSE;
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  /* The window moves the focus on as if the list, with its scrolled window, took none:
   * its own order of the widgets after it, which leaflets and stacks keep. */
  scrolled = gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW);
  piece = scrolled != NULL ? scrolled : list;
  gtk_widget_set_can_focus (piece, FALSE);
  moved = gtk_widget_child_focus (GTK_WIDGET (gtk_widget_get_root (list)),
                                  keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK)
                                  ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD);
  gtk_widget_set_can_focus (piece, TRUE);

  return moved;
}

/**
 * xa_list_row_released:
 * @gesture: a primary-button #GtkGestureClick on a row's child
 * @item: the row's #GtkListItem
 *
 * Opens a row with one click (its list view's #GtkListView::activate), as the rows of the
 * desktop's navigation lists do: on a narrow window, where the list and the detail are one
 * pane, a click that only selected would show nothing. GtkListView activates on one click
 * only with single-click-activate, which also selects whatever the pointer passes over
 * (and would ask about unsaved edits as it passed). Connect it in a row's .ui as
 * `<signal name="released" handler="xa_list_row_released" object="GtkListItem" swapped="no"/>`.
 */
void
xa_list_row_released (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      GtkListItem     *item)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  guint position = gtk_list_item_get_position (item);

  if (n_press == 1 && position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (row, "list.activate-item", "u", position);
}

/**
 * xa_list_set_single_tab_stop:
 * @list: a #GtkListView or #GtkListBox
 *
 * Makes @list one stop of the Tab order, as lists are on the desktop: the arrow keys
 * move inside it, Tab and Shift+Tab leave it at once. GTK 4.8 stops at every row (its
 * GtkListView:tab-behavior came in 4.12): 40 agreements took 40 presses of Tab.
 */
void
xa_list_set_single_tab_stop (GtkWidget *list)
{
  GtkEventController *controller;

  g_return_if_fail (GTK_IS_WIDGET (list));

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (list_key_pressed_cb), NULL);
  gtk_widget_add_controller (list, controller);
}

/* Once @widget is laid out, scrolls the window it is in so that all of it shows. */
static gboolean
scroll_into_view_tick_cb (GtkWidget     *widget,
                          GdkFrameClock *clock,
                          gpointer       user_data)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *viewport;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  double page;

  if (scrolled == NULL)
    return G_SOURCE_REMOVE;
  if (!gtk_widget_get_mapped (widget) || gtk_widget_get_height (widget) == 0)
    return G_SOURCE_CONTINUE;

  viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  page = gtk_adjustment_get_page_size (adjustment);
  if (viewport != NULL && gtk_widget_compute_bounds (widget, viewport, &bounds))
    {
      if (bounds.origin.y < 0)
        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + bounds.origin.y);
      else if (bounds.origin.y + bounds.size.height > page)
        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                              bounds.origin.y + bounds.size.height - page);
    }
  return G_SOURCE_REMOVE;
}

/**
 * xa_widget_grab_focus_when_shown:
 *
 * Gives @widget the focus, and once it is laid out scrolls it into view: a row just
 * added to a scrolled list has no place yet when it takes the focus, so the scrolled
 * window cannot follow it there.
 */
void
xa_widget_grab_focus_when_shown (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_widget_grab_focus (widget);
  gtk_widget_add_tick_callback (widget, scroll_into_view_tick_cb, NULL, NULL);
}

/**
 * xa_date_row_dup_date:
 *
 * Reads a YYYY-MM-DD day from an entry row, accepting 2021-9-1 too, and marks the row
 * while what it holds is not a day.
 *
 * Returns: (transfer full) (nullable): the day as YYYY-MM-DD, or %NULL
 */
char *
xa_date_row_dup_date (AdwEntryRow *row)
{
  g_return_val_if_fail (ADW_IS_ENTRY_ROW (row), NULL);

  return xa_date_entry_dup_date (GTK_EDITABLE (row));
}

/**
 * xa_date_entry_dup_date:
 *
 * xa_date_row_dup_date() for any entry, such as one of several in a row.
 *
 * Returns: (transfer full) (nullable): the day as YYYY-MM-DD, or %NULL
 */
char *
xa_date_entry_dup_date (GtkEditable *row)
{
  g_autofree char *text = NULL;
  char *date;

  g_return_val_if_fail (GTK_IS_EDITABLE (row), NULL);

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  date = xa_date_normalise (text);
  if (date == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (row), _("Enter a date such as 2021-09-01"));
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (row), NULL);
    }

  return date;
}

static void
unselect_focus_cb (GtkWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  while (focus != NULL && !GTK_IS_EDITABLE (focus))
    focus = gtk_widget_get_parent (focus);
  if (focus != NULL)
    gtk_editable_set_position (GTK_EDITABLE (focus), -1);
}

/**
 * xa_window_unselect_on_map:
 *
 * A window that opens on a filled-in field selects its text, so that the first key
 * typed would replace what is there: a person's name, a term's start. This puts the
 * cursor at the end instead, for windows that show something to correct.
 */
void
xa_window_unselect_on_map (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  g_signal_connect (window, "map", G_CALLBACK (unselect_focus_cb), NULL);
}

/**
 * xa_settings_get_page_codes:
 *
 * Returns: whether printed and exported agreements carry their page codes, as the
 *   preferences say
 */
gboolean
xa_settings_get_page_codes (void)
{
  g_autoptr(GSettings) settings = g_settings_new (XA_SETTINGS_SCHEMA_ID);

  return g_settings_get_boolean (settings, "agreement-page-codes");
}

/**
 * xa_check_row_new:
 * @group: the group the row is added to
 * @subtitle: (nullable): what the row says under its title
 * @icon_name: (nullable): xa_check_icon()'s, or another icon; %NULL for none
 *
 * Adds a row of a check (a rule met or not) to @group: its title and subtitle as
 * plain text, and the icon coloured and named for a screen reader.
 *
 * Returns: (transfer none): the row
 */
GtkWidget *
xa_check_row_new (AdwPreferencesGroup *group,
                  const char          *title,
                  const char          *subtitle,
                  const char          *icon_name)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (icon_name != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

      gtk_widget_add_css_class (icon, g_str_equal (icon_name, "emblem-ok-symbolic") ? "success" : "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      g_str_equal (icon_name, "emblem-ok-symbolic") ? _("Met") : _("Not met"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
    }
  adw_preferences_group_add (group, row);
  return row;
}

/* The icon of a check's row: met or not. */
const char *
xa_check_icon (gboolean met)
{
  return met ? "emblem-ok-symbolic" : "dialog-warning-symbolic";
}

/**
 * xa_check_rows_clear:
 * @rows: (element-type AdwActionRow): rows of xa_check_row_new()
 *
 * Takes each row out of its group and empties @rows.
 */
void
xa_check_rows_clear (GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (rows, 0);
}

/**
 * xa_check_rows_dup_text:
 * @rows: (element-type AdwActionRow): rows of xa_check_row_new()
 *
 * Returns: (transfer full): the rows, a line each, title and subtitle (for tests and
 *   for a person reading them aloud)
 */
char *
xa_check_rows_dup_text (GPtrArray *rows)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      AdwActionRow *row = g_ptr_array_index (rows, i);
      const char *subtitle = adw_action_row_get_subtitle (row);

      g_string_append_printf (text, "%s: %s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                              subtitle != NULL ? subtitle : "");
    }
  return g_string_free (text, FALSE);
}

/**
 * xa_window_present_child:
 * @parent: a widget of the window it goes over
 * @child: (transfer floating): what the window shows, under a header bar
 *
 * Shows @child in a modal window of its own over @parent's: how a record another
 * section keeps (a hazard, an archived file) is opened where it is mentioned.
 *
 * Returns: (transfer none): the window
 */
GtkWidget *
xa_window_present_child (GtkWidget  *parent,
                         const char *title,
                         GtkWidget  *child)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();

  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 640);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (gtk_widget_get_root (parent)));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_widget_set_vexpand (child, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), child);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/**
 * xa_operator_is_commission:
 *
 * Whether the operator acts for the commission and may change what is the
 * commission's (its scores and vetoes, an incident's responsibility finding, the
 * district's rules): the commission's role on a store that is not read-only. A school's
 * login and the archive's clerk may not.
 */
gboolean
xa_operator_is_commission (XaWorkspace *workspace)
{
  g_autoptr(GSettings) settings = g_settings_new (XA_SETTINGS_SCHEMA_ID);
  g_autofree char *role = g_settings_get_string (settings, "operator-role");

  g_return_val_if_fail (XA_IS_WORKSPACE (workspace), FALSE);
  return g_strcmp0 (role, "commission") == 0 && !xa_store_get_read_only (xa_workspace_get_store (workspace));
}
