/* xa-archive-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 档案 section (issue 12) for the clerk (档案员) and the commission: three views in
 * a view switcher. 档案 lists the archived files with a search, filters and sorting
 * headers beside the file's detail (xa-archive-detail.c); files are imported with the
 * button or dropped onto the list, through the review of their page codes
 * (xa-archive-import-dialog.c). 签回 is the board of a school year: which of each
 * school's two signed originals are back and how long the others have been out, with an
 * import already linked to a missing one. 到期复核 lists the files due for review by
 * their retention as of a day. The page's menu checks every stored file against its
 * SHA-256 in a worker thread. A school's login on the server sees its own files, which
 * the server alone decides, and files nothing.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-archive-page.h"
#include "xa-archive-ui.h"
#include "core/store/xa-blob-store.h"
#include "core/util/xa-date.h"
#include "core/util/xa-school-year.h"
#include "ui/xa-adaptive.h"
#include "ui/xa-ui-utils.h"

struct _XaArchivePage
{
  GtkWidget        parent_instance;

  XaWorkspace     *workspace;
  gboolean         folded;
  gboolean         can_change;   /* the commission files; a school's login reads */
  GListStore      *items;        /* of XaArchiveItem, as the filters select */
  GListStore      *board;        /* of XaArchiveBoardRow */
  GListStore      *due;          /* of XaArchiveItem */
  GPtrArray       *school_uuids; /* beside the school filter's names; [0] NULL */
  char            *check_report;
  GCancellable    *cancellable;

  GtkButton       *back_button;
  GtkWidget       *list_box;
  AdwViewStack    *view_stack;
  GtkSearchEntry  *search_entry;
  GtkDropDown     *school_drop;
  GtkDropDown     *year_drop;     /* all, then this school year and the ten before */
  int              this_year;
  GtkDropDown     *kind_drop;
  GtkDropDown     *status_drop;
  GtkColumnView   *item_view;
  GtkSingleSelection *selection;
  XaArchiveDetail *detail;
  AdwLeaflet      *leaflet;
  AdwStatusPage   *empty_page;
  GtkStack        *list_stack;
  GtkSpinButton   *board_year_spin;
  GtkCheckButton  *missing_check;
  GtkColumnView   *board_view;
  GtkEntry        *due_entry;
  GtkCalendar     *due_calendar;
  GtkColumnView   *due_view;
  GtkLabel        *due_label;
};

G_DEFINE_FINAL_TYPE (XaArchivePage, xa_archive_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Columns: a label filled by a function of the row's object */

typedef char *(*TextFunc) (gpointer object);

static void
text_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
text_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              TextFunc                  func)
{
  g_autofree char *text = func (gtk_list_item_get_item (item));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text ? text : "");
  gtk_widget_set_tooltip_text (gtk_list_item_get_child (item), text);
}

static GtkColumnViewColumn *
add_column (GtkColumnView *view,
            const char    *title,
            TextFunc       func,
            GtkSorter     *sorter,
            gboolean       expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (text_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (text_bind_cb), func);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, expand);
  if (sorter != NULL)
    gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_append_column (view, column);
  g_object_unref (column);
  g_clear_object (&sorter);
  return column;
}

static GtkSorter *
string_sorter (GType       type,
               const char *property)
{
  return GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (type, NULL, property)));
}

static GtkSorter *
number_sorter (GType       type,
               const char *property)
{
  return GTK_SORTER (gtk_numeric_sorter_new (gtk_property_expression_new (type, NULL, property)));
}

/* The items' columns */

static char *
item_file (gpointer item)
{
  return g_strdup (xa_archive_item_get_file_name (item));
}

static char *
item_school (gpointer item)
{
  return g_strdup (xa_archive_item_get_linked (item) ? xa_archive_item_get_school_name (item) : _("Not linked yet"));
}

static char *
item_year (gpointer item)
{
  return xa_archive_item_get_school_year (item) > 0 ? xa_school_year_format_span (xa_archive_item_get_school_year (item)) : g_strdup ("");
}

static char *
item_kind (gpointer item)
{
  return g_strdup (xa_archive_kind_to_label (xa_archive_item_get_kind (item)));
}

static char *
item_copy (gpointer item)
{
  XaArchiveCopy copy = xa_archive_item_get_copy (item);

  return g_strdup (copy != XA_ARCHIVE_COPY_NONE ? xa_archive_copy_to_label (copy) : "");
}

static char *
item_imported (gpointer item)
{
  return xa_archive_ui_dup_imported (item);
}

static char *
item_retention (gpointer item)
{
  return g_strdup (xa_archive_retention_to_label (xa_archive_item_get_retention (item)));
}

static char *
item_signature (gpointer item)
{
  /* Whether it is valid is read in the detail, off the main thread. */
  if (xa_archive_item_get_kind (item) == XA_ARCHIVE_KIND_SIGNED_PDF)
    return g_strdup (_("Digitally signed"));
  return g_strdup ("");
}

static char *
item_review (gpointer item)
{
  return xa_archive_item_dup_review_date (item);
}

/* Reading the archive */

static void
fill_store (GListStore *store,
            GPtrArray  *objects)
{
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       objects ? objects->pdata : NULL, objects ? objects->len : 0);
}

static void
reload_items (XaArchivePage *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  guint school = gtk_drop_down_get_selected (self->school_drop);
  guint year;
  XaArchiveFilter filter = { 0 };
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  /* Not before the choices and the columns are set up (xa_archive_page_new()). */
  if (self->selection == NULL)
    return;
  filter.school_uuid = school != GTK_INVALID_LIST_POSITION && school < self->school_uuids->len ? self->school_uuids->pdata[school] : NULL;
  year = gtk_drop_down_get_selected (self->year_drop);
  filter.school_year = year > 0 && year != GTK_INVALID_LIST_POSITION ? self->this_year - (int) (year - 1) : 0;
  filter.kind = (XaArchiveKind) gtk_drop_down_get_selected (self->kind_drop);
  filter.status = (XaArchiveStatus) gtk_drop_down_get_selected (self->status_drop);
  filter.text = *text != '\0' ? text : NULL;

  if (!(items = xa_archive_list (xa_workspace_get_archive (self->workspace), &filter, &error)))
    adw_status_page_set_description (self->empty_page, error->message);
  fill_store (self->items, items);
  gtk_stack_set_visible_child_name (self->list_stack, items != NULL && items->len > 0 ? "list" : "empty");
  if (items != NULL)
    adw_status_page_set_description (self->empty_page,
                                     filter.text || filter.school_uuid || filter.school_year || filter.kind || filter.status
                                     ? _("No file matches the search and the filters.")
                                     : _("Import scans of the signed originals and signed PDFs with the button above, or drop the files here."));
}

static void
reload_board (XaArchivePage *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  gboolean missing_only = gtk_check_button_get_active (self->missing_check);

  if (self->workspace == NULL)
    return;
  if (!(rows = xa_archive_read_board (xa_workspace_get_archive (self->workspace),
                                      gtk_spin_button_get_value_as_int (self->board_year_spin), NULL, &error)))
    {
      xa_widget_show_error (GTK_WIDGET (self), _("Cannot Read the Board"), error->message);
      return;
    }
  for (guint i = rows->len; missing_only && i > 0; i--)
    if (xa_archive_board_row_get_n_missing (rows->pdata[i - 1]) == 0)
      g_ptr_array_remove_index (rows, i - 1);
  fill_store (self->board, rows);
}

static void
reload_due (XaArchivePage *self)
{
  g_autofree char *date = xa_date_entry_dup_date (GTK_EDITABLE (self->due_entry));
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (date == NULL)
    {
      gtk_label_set_text (self->due_label, _("The date is not a day: write it as 2026-09-01."));
      return;
    }
  if (!(items = xa_archive_list_due (xa_workspace_get_archive (self->workspace), date, &error)))
    {
      gtk_label_set_text (self->due_label, error->message);
      return;
    }
  fill_store (self->due, items);
  /* Translators: how many files are due for review, then the day */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file due for review on %s", "%u files due for review on %s",
                                       items->len), items->len, date);
  gtk_label_set_text (self->due_label, text);
}

/* Before the year's agreements are made, the board opens on the last year that has
 * some, within the five before. */
static void
show_latest_board (XaArchivePage *self)
{
  int year = gtk_spin_button_get_value_as_int (self->board_year_spin);

  for (int back = 1; back <= 5 && g_list_model_get_n_items (G_LIST_MODEL (self->board)) == 0; back++)
    {
      g_autoptr(GPtrArray) rows = xa_archive_read_board (xa_workspace_get_archive (self->workspace), year - back, NULL, NULL);

      if (rows != NULL && rows->len > 0)
        gtk_spin_button_set_value (self->board_year_spin, year - back);
    }
}

void
xa_archive_page_reload (XaArchivePage *self)
{
  g_return_if_fail (XA_IS_ARCHIVE_PAGE (self));

  reload_items (self);
  reload_board (self);
  reload_due (self);
}

/* The list and the detail */

static void
selection_changed_cb (XaArchivePage *self)
{
  XaArchiveItem *item = gtk_single_selection_get_selected_item (self->selection);

  xa_archive_detail_set_item (self->detail, item);
  if (item != NULL)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
detail_changed_cb (XaArchivePage *self,
                   XaArchiveItem *item)
{
  guint position = gtk_single_selection_get_selected (self->selection);

  /* The row shows the new link; the detail keeps the same file. */
  if (position != GTK_INVALID_LIST_POSITION)
    g_list_store_splice (self->items, position, 1, (gpointer *) &item, 1);
  gtk_single_selection_set_selected (self->selection, position);
  reload_board (self);
  reload_due (self);
}

void
xa_archive_page_select (XaArchivePage *self,
                        guint          position)
{
  gtk_single_selection_set_selected (self->selection, position);
}

/* Importing */

static void
imported_cb (XaArchiveImportDialog *dialog,
             guint                  n_imported,
             char                 **duplicates,
             XaArchivePage         *self)
{
  g_autofree char *text = NULL;
  guint n_duplicates = duplicates ? g_strv_length (duplicates) : 0;

  xa_archive_page_reload (self);
  if (n_duplicates > 0)
    {
      g_autofree char *body = g_strjoinv ("\n", duplicates);

      xa_widget_show_error (GTK_WIDGET (self), _("Archived Before"), body);
    }
  /* Translators: how many files were archived */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file archived", "%u files archived", n_imported), n_imported);
  xa_widget_add_toast (GTK_WIDGET (self), adw_toast_new (text));
}

/**
 * xa_archive_page_import:
 * @paths: the files to archive
 *
 * Opens the review of @paths' page codes; the clerk confirms there.
 *
 * Returns: (transfer none): the dialog
 */
XaArchiveImportDialog *
xa_archive_page_import (XaArchivePage      *self,
                        const char * const *paths)
{
  XaArchiveImportDialog *dialog;

  dialog = xa_archive_import_dialog_new (self->workspace, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), paths);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (imported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
import_files (XaArchivePage *self,
              GListModel    *files,
              const char    *school_uuid,
              int            school_year,
              XaArchiveCopy  copy)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) paths = NULL;
  XaArchiveImportDialog *dialog;

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        g_strv_builder_add (builder, path);
    }
  paths = g_strv_builder_end (builder);
  if (paths[0] == NULL)
    return;
  dialog = xa_archive_page_import (self, (const char * const *) paths);
  xa_archive_import_dialog_preset (dialog, school_uuid, school_year, copy);
}

typedef struct
{
  XaArchivePage *self;
  char          *school_uuid;
  int            school_year;
  XaArchiveCopy  copy;
} Choice;

static void
files_chosen_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Choice *choice = user_data;
  g_autoptr(GListModel) files = xa_choose_files_finish (result, NULL);

  if (files != NULL)
    import_files (choice->self, files, choice->school_uuid, choice->school_year, choice->copy);
  g_object_unref (choice->self);
  g_free (choice->school_uuid);
  g_free (choice);
}

static void
choose_files (XaArchivePage *self,
              const char    *school_uuid,
              int            school_year,
              XaArchiveCopy  copy)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  Choice *choice = g_new0 (Choice, 1);

  gtk_file_filter_set_name (filter, _("Scans and PDFs (PDF, JPEG, PNG, TIFF)"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/tiff");
  choice->self = g_object_ref (self);
  choice->school_uuid = g_strdup (school_uuid);
  choice->school_year = school_year;
  choice->copy = copy;
  xa_choose_files_async (GTK_WIDGET (self), _("Archive Files"), _("_Open"), filter, NULL, files_chosen_cb, choice);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  choose_files (XA_ARCHIVE_PAGE (widget), NULL, 0, XA_ARCHIVE_COPY_NONE);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         XaArchivePage *self)
{
  GdkFileList *list = g_value_get_boxed (value);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);

  if (!self->can_change)
    return FALSE;
  for (GSList *l = gdk_file_list_get_files (list); l != NULL; l = l->next)
    g_list_store_append (files, l->data);
  import_files (self, G_LIST_MODEL (files), NULL, 0, XA_ARCHIVE_COPY_NONE);
  return TRUE;
}

/* The board */

static char *
board_school (gpointer row)
{
  return g_strdup (xa_archive_board_row_get_school_name (row));
}

static char *
board_code (gpointer row)
{
  return g_strdup (xa_archive_board_row_get_school_code (row));
}

static char *
board_days (gpointer row)
{
  int days = xa_archive_board_row_get_days_out (row);

  return days >= 0 ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day out", "%d days out", days), days)
                   : g_strdup (_("not out yet"));
}

static void
original_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *button = gtk_button_new_from_icon_name ("document-open-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (button, "flat");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), button);
  gtk_list_item_set_child (item, box);
}

static void
import_missing_cb (GtkButton *button,
                   gpointer   user_data)
{
  XaArchiveBoardRow *row = g_object_get_data (G_OBJECT (button), "row");
  XaArchivePage *self = XA_ARCHIVE_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (button), XA_TYPE_ARCHIVE_PAGE));

  choose_files (self, xa_archive_board_row_get_school_uuid (row), xa_archive_board_row_get_school_year (row),
                GPOINTER_TO_INT (user_data));
}

static void
original_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  copy)
{
  XaArchiveBoardRow *row = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *label = gtk_widget_get_first_child (box);
  GtkWidget *button = gtk_widget_get_last_child (box);
  const char *back = GPOINTER_TO_INT (copy) == XA_ARCHIVE_COPY_COMMISSION
                     ? xa_archive_board_row_get_commission_back (row) : xa_archive_board_row_get_school_back (row);
  int days = xa_archive_board_row_get_days_out (row);
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  if (back != NULL)
    {
      g_autofree char *when = xa_format_timestamp (back);

      /* Translators: since when an original is back in the archive */
      text = g_strdup_printf (_("Back since %s"), when);
    }
  else if (days >= 0)
    /* Translators: an original not back yet, and how long the agreement is out */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Missing for %d day", "Missing for %d days", days), days);
  else
    text = g_strdup (C_("original", "missing"));

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_remove_css_class (label, back ? "warning" : "success");
  gtk_widget_add_css_class (label, back ? "success" : "warning");
  /* Translators: the original (区教委存) whose scan is imported */
  tooltip = g_strdup_printf (_("Import the Scan of %s…"), xa_archive_copy_to_label (GPOINTER_TO_INT (copy)));
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_set_visible (button, back == NULL && GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "can-change")));
  g_object_set_data_full (G_OBJECT (button), "row", g_object_ref (row), g_object_unref);
  g_signal_handlers_disconnect_by_func (button, import_missing_cb, copy);
  g_signal_connect (button, "clicked", G_CALLBACK (import_missing_cb), copy);
}

static void
add_original_column (GtkColumnView *view,
                     XaArchiveCopy  copy,
                     const char    *property,
                     gboolean       can_change)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  /* Only who files may import a missing original from its cell. */
  g_object_set_data (G_OBJECT (factory), "can-change", GINT_TO_POINTER (can_change));
  g_signal_connect (factory, "setup", G_CALLBACK (original_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (original_bind_cb), GINT_TO_POINTER (copy));
  column = gtk_column_view_column_new (xa_archive_copy_to_label (copy), factory);
  gtk_column_view_column_set_expand (column, TRUE);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_sorter (column, string_sorter (XA_TYPE_ARCHIVE_BOARD_ROW, property));
  gtk_column_view_append_column (view, column);
  g_object_unref (column);
}

/* The integrity check */

static void
check_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  XaArchive *archive = task_data;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) items = NULL;
  XaArchiveFilter filter = { 0 };
  GError *error = NULL;
  GString *report;

  if (!(problems = xa_archive_check (archive, &error)) || !(items = xa_archive_list (archive, &filter, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  report = g_string_new (NULL);
  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (report, "%s%s", i > 0 ? "\n" : "", ((XaBlobProblem *) problems->pdata[i])->message);
  if (problems->len == 0)
    g_string_append_printf (report, g_dngettext (GETTEXT_PACKAGE, "All %u file is intact: each is whole and listed, and no stray file is stored.",
                                                 "All %u files are intact: each is whole and listed, and no stray file is stored.", items->len),
                            items->len);
  g_task_set_task_data (task, GUINT_TO_POINTER (problems->len), NULL);
  g_task_return_pointer (task, g_string_free (report, FALSE), g_free);
}

static void
checked_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  XaArchivePage *self = XA_ARCHIVE_PAGE (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *report = g_task_propagate_pointer (G_TASK (result), &error);
  guint n_problems = GPOINTER_TO_UINT (g_task_get_task_data (G_TASK (result)));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "archive.check", TRUE);
  g_free (self->check_report);
  self->check_report = g_strdup (report ? report : error->message);
  if (report == NULL)
    xa_widget_show_error (GTK_WIDGET (self), _("Cannot Check the Archive"), error->message);
  else if (n_problems > 0)
    xa_widget_show_error (GTK_WIDGET (self), _("Problems in the Archive"), report);
  else
    xa_widget_show_error (GTK_WIDGET (self), _("The Archive Is Intact"), report);
}

/**
 * xa_archive_page_check_async:
 *
 * Reads every stored file against its SHA-256 and the database in a worker thread and
 * shows the missing, damaged and stray files by name, or that all are intact.
 */
void
xa_archive_page_check_async (XaArchivePage *self)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, checked_cb, NULL);

  g_clear_pointer (&self->check_report, g_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "archive.check", FALSE);
  g_task_set_task_data (task, g_object_ref (xa_workspace_get_archive (self->workspace)), g_object_unref);
  g_task_run_in_thread (task, check_worker);
}

static void
check_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  xa_archive_page_check_async (XA_ARCHIVE_PAGE (widget));
}

/* Returns: (nullable): what the last check found, once done */
const char *
xa_archive_page_get_check_report (XaArchivePage *self)
{
  return self->check_report;
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XaArchivePage *self = XA_ARCHIVE_PAGE (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "files");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XaArchivePage *self = XA_ARCHIVE_PAGE (widget);

  if (!xa_adaptive_go_back (GTK_WIDGET (self->leaflet)))
    gtk_widget_activate_action (widget, "win.back-to-sections", NULL);
}

static void
update_back_button (XaArchivePage *self)
{
  gboolean inner = xa_adaptive_find_back (GTK_WIDGET (self->leaflet)) != NULL &&
                   g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "files") == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), inner || self->folded);
}

static void
day_selected_cb (XaArchivePage *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->due_calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (self->due_entry), text);
  reload_due (self);
}

/* Setting up what the template cannot say: the choices read from the register and the
 * clock, the columns with their sorters, and the drop target. */

static void
set_up_filters (XaArchivePage *self)
{
  const char *kinds[] = { _("All kinds"), xa_archive_kind_to_label (XA_ARCHIVE_KIND_SIGNED_ORIGINAL),
                          xa_archive_kind_to_label (XA_ARCHIVE_KIND_SCAN), xa_archive_kind_to_label (XA_ARCHIVE_KIND_SIGNED_PDF),
                          xa_archive_kind_to_label (XA_ARCHIVE_KIND_OTHER), NULL };
  GListModel *schools = xa_school_registry_get_schools (xa_workspace_get_registry (self->workspace));
  g_autoptr(GtkStringList) school_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) years = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) kind_names = gtk_string_list_new (kinds);
  g_autoptr(GDate) today = g_date_new ();

  g_date_set_time_t (today, time (NULL));
  self->this_year = xa_school_year_for_date (today);
  gtk_string_list_append (years, _("All school years"));
  for (int i = 0; i <= 10; i++)
    {
      g_autofree char *span = xa_school_year_format_span (self->this_year - i);

      gtk_string_list_append (years, span);
    }

  gtk_string_list_append (school_names, _("All schools"));
  g_ptr_array_add (self->school_uuids, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(XaOrganisation) school = g_list_model_get_item (schools, i);

      gtk_string_list_append (school_names, xa_organisation_get_name (school));
      g_ptr_array_add (self->school_uuids, g_strdup (xa_organisation_get_uuid (school)));
    }

  gtk_drop_down_set_model (self->school_drop, G_LIST_MODEL (school_names));
  gtk_drop_down_set_model (self->year_drop, G_LIST_MODEL (years));
  gtk_drop_down_set_model (self->kind_drop, G_LIST_MODEL (kind_names));
}

static void
set_up_files_view (XaArchivePage *self)
{
  GtkSortListModel *sorted;
  GtkDropTarget *target;

  add_column (self->item_view, _("File"), item_file, string_sorter (XA_TYPE_ARCHIVE_ITEM, "file-name"), TRUE);
  add_column (self->item_view, _("School"), item_school, string_sorter (XA_TYPE_ARCHIVE_ITEM, "school-name"), TRUE);
  add_column (self->item_view, _("Year"), item_year, number_sorter (XA_TYPE_ARCHIVE_ITEM, "school-year"), FALSE);
  add_column (self->item_view, _("Kind"), item_kind, NULL, FALSE);
  add_column (self->item_view, _("Original"), item_copy, NULL, FALSE);
  add_column (self->item_view, _("Imported"), item_imported, string_sorter (XA_TYPE_ARCHIVE_ITEM, "imported-at"), FALSE);
  add_column (self->item_view, _("Retention"), item_retention, NULL, FALSE);
  add_column (self->item_view, _("Signature"), item_signature, NULL, FALSE);
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->items)),
                                    g_object_ref (gtk_column_view_get_sorter (self->item_view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb), self);
  gtk_column_view_set_model (self->item_view, GTK_SELECTION_MODEL (self->selection));

  /* Files dropped onto the list are imported through the review. */
  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (self->list_box, GTK_EVENT_CONTROLLER (target));
}

static void
set_up_board_view (XaArchivePage *self)
{
  GtkSortListModel *sorted;

  add_column (self->board_view, _("School"), board_school, string_sorter (XA_TYPE_ARCHIVE_BOARD_ROW, "school-name"), TRUE);
  add_column (self->board_view, _("School code"), board_code, NULL, FALSE);
  add_original_column (self->board_view, XA_ARCHIVE_COPY_COMMISSION, "commission-back", self->can_change);
  add_original_column (self->board_view, XA_ARCHIVE_COPY_SCHOOL, "school-back", self->can_change);
  add_column (self->board_view, _("Out for signing"), board_days, number_sorter (XA_TYPE_ARCHIVE_BOARD_ROW, "days-out"), FALSE);
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->board)),
                                    g_object_ref (gtk_column_view_get_sorter (self->board_view)));
  gtk_column_view_set_model (self->board_view, GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (sorted))));
}

static void
set_up_due_view (XaArchivePage *self)
{
  add_column (self->due_view, _("File"), item_file, NULL, TRUE);
  add_column (self->due_view, _("School"), item_school, NULL, TRUE);
  add_column (self->due_view, _("Year"), item_year, NULL, FALSE);
  add_column (self->due_view, _("Retention"), item_retention, NULL, FALSE);
  add_column (self->due_view, _("Review on"), item_review, NULL, FALSE);
  gtk_column_view_set_model (self->due_view, GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->due)))));
}

static void
xa_archive_page_dispose (GObject *object)
{
  XaArchivePage *self = XA_ARCHIVE_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), XA_TYPE_ARCHIVE_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->workspace);
  g_clear_object (&self->items);
  g_clear_object (&self->board);
  g_clear_object (&self->due);
  g_clear_pointer (&self->school_uuids, g_ptr_array_unref);
  g_clear_pointer (&self->check_report, g_free);
  G_OBJECT_CLASS (xa_archive_page_parent_class)->dispose (object);
}

static void
xa_archive_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  XaArchivePage *self = XA_ARCHIVE_PAGE (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_archive_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  XaArchivePage *self = XA_ARCHIVE_PAGE (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      if (self->folded != g_value_get_boolean (value))
        {
          self->folded = g_value_get_boolean (value);
          if (self->back_button != NULL)
            update_back_button (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_archive_page_class_init (XaArchivePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_archive_page_dispose;
  object_class->get_property = xa_archive_page_get_property;
  object_class->set_property = xa_archive_page_set_property;

  /* Whether the window's sidebar is folded away, so that this page offers the way back. */
  properties[PROP_FOLDED] = g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                                                  G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "archive.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "archive.check", NULL, check_action);
  gtk_widget_class_install_action (widget_class, "archive.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "archive.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "archive.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "archive.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "archive.back", NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  g_type_ensure (XA_TYPE_ARCHIVE_DETAIL);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xiaoan/Xiaoan/xa-archive-page.ui");
  gtk_widget_class_bind_template_child (widget_class, XaArchivePage, back_button);
  gtk_widget_class_bind_template_child (widget_class, XaArchivePage, list_box);
  gtk_widget_class_bind_template_child (widget_class, XaArchivePage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, XaArchivePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, XaArchivePage, school_drop);
  gtk_widget_class_bind_template_child (widget_class, XaArchivePage, year_drop);
  gtk_widget_class_bind_template_child (widget_class, XaArchivePage, kind_drop);
  gtk_widget_class_bind_template_child (widget_class, XaArchivePage, status_drop);
  gtk_widget_class_bind_template_child (widget_class, XaArchivePage, item_view);
  gtk_widget_class_bind_template_child (widget_class, XaArchivePage, detail);
  gtk_widget_class_bind_template_child (widget_class, XaArchivePage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, XaArchivePage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, XaArchivePage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, XaArchivePage, board_year_spin);
  gtk_widget_class_bind_template_child (widget_class, XaArchivePage, missing_check);
  gtk_widget_class_bind_template_child (widget_class, XaArchivePage, board_view);
  gtk_widget_class_bind_template_child (widget_class, XaArchivePage, due_entry);
  gtk_widget_class_bind_template_child (widget_class, XaArchivePage, due_calendar);
  gtk_widget_class_bind_template_child (widget_class, XaArchivePage, due_view);
  gtk_widget_class_bind_template_child (widget_class, XaArchivePage, due_label);
  gtk_widget_class_bind_template_callback (widget_class, reload_items);
  gtk_widget_class_bind_template_callback (widget_class, reload_board);
  gtk_widget_class_bind_template_callback (widget_class, reload_due);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, detail_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_back_button);
}

static void
xa_archive_page_init (XaArchivePage *self)
{
  self->items = g_list_store_new (XA_TYPE_ARCHIVE_ITEM);
  self->board = g_list_store_new (XA_TYPE_ARCHIVE_BOARD_ROW);
  self->due = g_list_store_new (XA_TYPE_ARCHIVE_ITEM);
  self->school_uuids = g_ptr_array_new_with_free_func (g_free);
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
xa_archive_page_new (XaWorkspace *workspace)
{
  XaArchivePage *self = g_object_new (XA_TYPE_ARCHIVE_PAGE, NULL);
  gboolean can_change = xa_archive_ui_can_change (workspace);
  g_autoptr(GDate) today = g_date_new ();
  g_autofree char *day = xa_date_today_iso ();

  self->workspace = g_object_ref (workspace);
  self->can_change = can_change;
  xa_archive_detail_set_workspace (self->detail, workspace);
  set_up_filters (self);
  set_up_files_view (self);
  set_up_board_view (self);
  set_up_due_view (self);
  g_date_set_time_t (today, time (NULL));
  gtk_spin_button_set_value (self->board_year_spin, xa_school_year_for_date (today));
  gtk_editable_set_text (GTK_EDITABLE (self->due_entry), day);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "archive.import", can_change);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "archive.check", xa_archive_ui_is_commission (workspace));
  xa_adaptive_watch (GTK_WIDGET (self->leaflet), G_CALLBACK (update_back_button), self);
  xa_archive_page_reload (self);
  show_latest_board (self);
  return GTK_WIDGET (self);
}

GListModel *
xa_archive_page_get_items (XaArchivePage *self)
{
  return G_LIST_MODEL (gtk_single_selection_get_model (self->selection));
}

GListModel *
xa_archive_page_get_board (XaArchivePage *self)
{
  return G_LIST_MODEL (self->board);
}

XaArchiveDetail *
xa_archive_page_get_detail (XaArchivePage *self)
{
  return self->detail;
}

void
xa_archive_page_show_view (XaArchivePage *self,
                           const char    *name)
{
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/* The school year the 签回 board shows. */
void
xa_archive_page_set_board_year (XaArchivePage *self,
                                int            school_year)
{
  g_return_if_fail (XA_IS_ARCHIVE_PAGE (self));

  gtk_spin_button_set_value (self->board_year_spin, school_year);
  reload_board (self);
}
