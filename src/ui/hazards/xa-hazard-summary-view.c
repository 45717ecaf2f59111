/* xa-hazard-summary-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 汇总 page of the 隐患台账 section (issue 11), the commission's view across schools:
 * for a school year chosen (the current one first), a table of the schools with their
 * open, overdue and open 重大 hazards and the open ones by category, sortable by any
 * count; the open 重大 hazards with their report and 挂牌督办, one click opening a hazard
 * in the 台账 page; and per school 打印督办通知 / 导出督办通知 PDF for its overdue
 * hazards. The counts are read in a worker (xa_hazard_summary_read_async()) and read
 * again when hazards change; the notices are made in a worker too
 * (xa-hazard-notice-job.c).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-hazard-summary-view.h"
#include "xa-hazard-summary-item.h"
#include "xa-hazard-notice-job.h"
#include "xa-print-operation.h"
#include "xa-accessible.h"
#include "xa-ui-utils.h"
#include "core/util/xa-date.h"
#include "core/util/xa-school-year.h"
#include "document/xa-supervision-notice.h"

/* The years offered: the current one and the ones before, as the ledger's filter. */
#define N_YEARS 6

enum
{
  COLUMN_SCHOOL,
  COLUMN_OPEN,
  COLUMN_OVERDUE,
  COLUMN_MAJOR,
  COLUMN_NOTICE,
  COLUMN_CATEGORY,  /* then one a category */
  N_COLUMNS = COLUMN_CATEGORY + XA_N_HAZARD_CATEGORIES
};

struct _XaHazardSummaryView
{
  GtkWidget          parent_instance;

  /* Owned references */
  XaHazardBook      *book;
  XaSchoolRegistry  *registry;
  GCancellable      *cancellable;
  XaHazardSummary   *summary;
  GListStore        *schools;
  GListStore        *majors;
  GArray            *years;
  GtkPrintOperation *print_operation;

  /* Template widgets */
  GtkStack          *majors_stack;
  GtkListView       *majors_view;
  GtkColumnView     *schools_view;
  GtkSpinner        *spinner;
  GtkLabel          *status_label;
  GtkDropDown       *year_dropdown;
  GtkStringList     *year_labels;

  /* State */
  guint              n_jobs;
  guint              loading : 1;
  guint              stale : 1;
};

G_DEFINE_FINAL_TYPE (XaHazardSummaryView, xa_hazard_summary_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_HAZARD_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const XaHazardSchoolCount *
get_count (gpointer item)
{
  return xa_hazard_summary_item_get (XA_HAZARD_SUMMARY_ITEM (item));
}

static void
set_loading (XaHazardSummaryView *self,
             gboolean             loading)
{
  if (self->loading == !!loading)
    return;

  self->loading = !!loading;
  gtk_spinner_set_spinning (self->spinner, loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
job_started (XaHazardSummaryView *self)
{
  if (self->n_jobs++ == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
job_ended (XaHazardSummaryView *self)
{
  g_assert (self->n_jobs > 0);
  if (--self->n_jobs == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Counting */

static void reload (XaHazardSummaryView *self);

static void
fill_store (GListStore *store,
            GPtrArray  *array)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < array->len; i++)
    g_ptr_array_add (items, xa_hazard_summary_item_new (array, i));
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)), items->pdata, items->len);
}

static void
show_summary (XaHazardSummaryView *self)
{
  const XaHazardSchoolCount *total = &self->summary->total;
  g_autofree char *status = NULL;

  fill_store (self->schools, self->summary->schools);
  fill_store (self->majors, self->summary->majors);
  gtk_stack_set_visible_child_name (self->majors_stack, self->summary->majors->len > 0 ? "list" : "empty");

  /* Translators: the district's sums over the table: the day overdue is judged on, then
   * the open, overdue and open 重大 hazards of every school */
  status = g_strdup_printf (_("On %s: %u open, %u overdue, %u major open"), self->summary->on, total->n_open,
                            total->n_overdue, total->n_major_open);
  gtk_label_set_label (self->status_label, status);
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(XaHazardSummaryView) self = user_data;
  g_autoptr(GError) error = NULL;
  XaHazardSummary *summary = xa_hazard_summary_read_finish (XA_HAZARD_BOOK (object), result, &error);

  if (summary == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_loading (self, FALSE);
  if (self->stale && gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      /* The year changed, or hazards did, while this was read: read again. */
      g_clear_pointer (&summary, xa_hazard_summary_free);
      reload (self);
      return;
    }

  if (summary == NULL)
    {
      g_warning ("Cannot count the hazards: %s", error->message);
      gtk_label_set_label (self->status_label, error->message);
      return;
    }

  g_clear_pointer (&self->summary, xa_hazard_summary_free);
  self->summary = summary;
  show_summary (self);
}

/* Counts are read while the page shows, and when it is shown again after a change: the
 * ledger's edits never wait on a district's count nobody looks at. */
static void
reload (XaHazardSummaryView *self)
{
  if (self->book == NULL)
    return;
  if (self->loading || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }

  self->stale = FALSE;
  set_loading (self, TRUE);
  xa_hazard_summary_read_async (self->book, xa_hazard_summary_view_get_school_year (self), NULL, NULL,
                                self->cancellable, read_cb, g_object_ref (self));
}

static void
records_changed_cb (XaHazardSummaryView *self)
{
  reload (self);
}

static void
year_changed_cb (XaHazardSummaryView *self)
{
  reload (self);
}

/* The table */

static int
compare_counts (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const XaHazardSchoolCount *x = get_count ((gpointer) a);
  const XaHazardSchoolCount *y = get_count ((gpointer) b);
  guint column = GPOINTER_TO_UINT (user_data);
  int order;

  switch (column)
    {
    case COLUMN_SCHOOL:
      order = g_utf8_collate (x->school_name, y->school_name);
      break;
    case COLUMN_OPEN:
      order = (x->n_open > y->n_open) - (x->n_open < y->n_open);
      break;
    case COLUMN_OVERDUE:
    case COLUMN_NOTICE:
      order = (x->n_overdue > y->n_overdue) - (x->n_overdue < y->n_overdue);
      break;
    case COLUMN_MAJOR:
      order = (x->n_major_open > y->n_major_open) - (x->n_major_open < y->n_major_open);
      break;
    default:
      {
        guint c = column - COLUMN_CATEGORY;

        order = (x->n_open_by_category[c] > y->n_open_by_category[c]) -
                (x->n_open_by_category[c] < y->n_open_by_category[c]);
        if (order == 0)
          order = (x->n_overdue_by_category[c] > y->n_overdue_by_category[c]) -
                  (x->n_overdue_by_category[c] < y->n_overdue_by_category[c]);
      }
    }

  /* Equal counts keep the schools' codes in order. */
  return order != 0 ? order : g_strcmp0 (x->school_code, y->school_code);
}

static XaHazardSummaryView *
view_of (GtkWidget *widget)
{
  return XA_HAZARD_SUMMARY_VIEW (gtk_widget_get_ancestor (widget, XA_TYPE_HAZARD_SUMMARY_VIEW));
}

static const XaHazardSchoolCount *
count_of_button (GtkWidget *button)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (button), "xa-list-item");
  gpointer row = gtk_list_item_get_item (item);

  return row != NULL ? get_count (row) : NULL;
}

static void print_notice (XaHazardSummaryView       *self,
                          const XaHazardSchoolCount *count);
static void choose_notice_file (XaHazardSummaryView       *self,
                                const XaHazardSchoolCount *count);

static void
print_clicked_cb (GtkWidget *button)
{
  const XaHazardSchoolCount *count = count_of_button (button);

  if (count != NULL)
    print_notice (view_of (button), count);
}

static void
export_clicked_cb (GtkWidget *button)
{
  const XaHazardSchoolCount *count = count_of_button (button);

  if (count != NULL)
    choose_notice_file (view_of (button), count);
}

static GtkWidget *
notice_button_new (GtkListItem *item,
                   const char  *icon_name,
                   GCallback    clicked)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "xa-list-item", item);
  g_signal_connect (button, "clicked", clicked, NULL);
  return button;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  guint column = GPOINTER_TO_UINT (user_data);
  GtkWidget *child;

  gtk_list_item_set_activatable (item, FALSE);
  if (column == COLUMN_NOTICE)
    {
      child = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      gtk_widget_set_halign (child, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (child), notice_button_new (item, "document-print-symbolic",
                                                          G_CALLBACK (print_clicked_cb)));
      gtk_box_append (GTK_BOX (child), notice_button_new (item, "document-save-symbolic",
                                                          G_CALLBACK (export_clicked_cb)));
    }
  else
    {
      child = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (child), column == COLUMN_SCHOOL ? 0 : 1);
      gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
      if (column != COLUMN_SCHOOL)
        gtk_widget_add_css_class (child, "numeric");
    }
  gtk_list_item_set_child (item, child);
}

static void
set_label (GtkWidget  *label,
           const char *text,
           const char *css_class,
           const char *accessible)
{
  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_remove_css_class (label, "error");
  gtk_widget_remove_css_class (label, "dim-label");
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_widget_set_tooltip_text (label, accessible);
  if (accessible != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
bind_notice (GtkWidget                 *box,
             const XaHazardSchoolCount *count)
{
  GtkWidget *print = gtk_widget_get_first_child (box);
  GtkWidget *export = gtk_widget_get_next_sibling (print);
  gboolean any = count->n_overdue > 0;
  g_autofree char *print_tip = NULL;
  g_autofree char *export_tip = NULL;

  if (any)
    {
      /* Translators: a button's tooltip: print the 督办通知 of a school's N overdue hazards */
      print_tip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Print Supervision Notice (%u overdue hazard)",
                                                "Print Supervision Notice (%u overdue hazards)", count->n_overdue),
                                   count->n_overdue);
      /* Translators: a button's tooltip: save the 督办通知 of a school's overdue hazards as a PDF */
      export_tip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Export Supervision Notice as PDF (%u overdue hazard)",
                                                 "Export Supervision Notice as PDF (%u overdue hazards)",
                                                 count->n_overdue),
                                    count->n_overdue);
    }
  else
    {
      /* Translators: the tooltip of the disabled 督办通知 buttons of a school */
      print_tip = g_strdup (_("No overdue hazard: nothing to supervise"));
      export_tip = g_strdup (print_tip);
    }

  gtk_widget_set_sensitive (print, any);
  gtk_widget_set_sensitive (export, any);
  gtk_widget_set_tooltip_text (print, print_tip);
  gtk_widget_set_tooltip_text (export, export_tip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (print), GTK_ACCESSIBLE_PROPERTY_LABEL, print_tip, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (export), GTK_ACCESSIBLE_PROPERTY_LABEL, export_tip, -1);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  guint column = GPOINTER_TO_UINT (user_data);
  const XaHazardSchoolCount *count = get_count (gtk_list_item_get_item (item));
  GtkWidget *child = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;
  g_autofree char *accessible = NULL;

  switch (column)
    {
    case COLUMN_SCHOOL:
      /* Translators: a school's name in the summary when it left the register */
      text = count->removed ? g_strdup_printf (_("%s (removed)"), count->school_name) : g_strdup (count->school_name);
      set_label (child, text, NULL, NULL);
      gtk_widget_set_tooltip_text (child, count->school_code);
      break;

    case COLUMN_OPEN:
      text = g_strdup_printf ("%u", count->n_open);
      set_label (child, text, count->n_open == 0 ? "dim-label" : NULL, NULL);
      break;

    case COLUMN_OVERDUE:
      text = count->n_overdue > 0 ? g_strdup_printf ("⚠ %u", count->n_overdue) : g_strdup ("0");
      /* Translators: what a screen reader reads for a school's overdue count (the cell shows ⚠ 3) */
      accessible = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hazard overdue", "%u hazards overdue",
                                                 count->n_overdue), count->n_overdue);
      set_label (child, text, count->n_overdue > 0 ? "error" : "dim-label", accessible);
      break;

    case COLUMN_MAJOR:
      text = g_strdup_printf ("%u", count->n_major_open);
      set_label (child, text, count->n_major_open == 0 ? "dim-label" : NULL, NULL);
      break;

    case COLUMN_NOTICE:
      bind_notice (child, count);
      break;

    default:
      {
        guint c = column - COLUMN_CATEGORY;
        guint open = count->n_open_by_category[c];
        guint overdue = count->n_overdue_by_category[c];

        text = overdue > 0 ? g_strdup_printf ("%u ⚠%u", open, overdue) : g_strdup_printf ("%u", open);
        /* Translators: what a screen reader reads for a category's cell: the category, then
         * its open and overdue hazards */
        accessible = g_strdup_printf (_("%s: %u open, %u overdue"), xa_hazard_category_to_label (c), open, overdue);
        set_label (child, text, overdue > 0 ? "error" : open == 0 ? "dim-label" : NULL, accessible);
      }
    }
}

static const char *
column_title (guint column)
{
  switch (column)
    {
    /* Translators: the summary's column headings */
    case COLUMN_SCHOOL: return C_("summary column", "School");
    case COLUMN_OPEN: return C_("summary column", "Open");
    case COLUMN_OVERDUE: return C_("summary column", "Overdue");
    case COLUMN_MAJOR: return C_("summary column", "Major Open");
    case COLUMN_NOTICE: return C_("summary column", "Notice");
    default: return xa_hazard_category_to_label (column - COLUMN_CATEGORY);
    }
}

/* The school and the totals at their widths, the categories narrower after them: at
 * 1366 × 768 the categories scroll sideways, the school's name and its totals never. */
static void
add_columns (XaHazardSummaryView *self,
             GtkSortListModel    *sorted)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (column_title (i), factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_fixed_width (column, i == COLUMN_SCHOOL ? 220 : i == COLUMN_NOTICE ? 96 : 84);
      if (i != COLUMN_NOTICE)
        {
          g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare_counts, GUINT_TO_POINTER (i),
                                                                           NULL));

          gtk_column_view_column_set_sorter (column, sorter);
        }
      gtk_column_view_append_column (self->schools_view, column);
    }

  gtk_sort_list_model_set_sorter (sorted, gtk_column_view_get_sorter (self->schools_view));
}

/* The 重大 hazards */

static void
bind_major_cb (XaHazardSummaryView *self,
               GtkListItem         *item)
{
  const XaMajorHazard *major = xa_hazard_summary_item_get (gtk_list_item_get_item (item));
  g_autofree char *title = NULL;
  g_autofree char *caption = NULL;
  const char *badge;
  const char *badge_class;

  /* Translators: a 重大 hazard's line in the summary: its school, place and description */
  title = g_strdup_printf (_("%s · %s: %s"), major->school_name, major->place, major->description);
  /* Translators: under it: its number, its state, its deadline, and 逾期 when past it */
  caption = g_strdup_printf (_("%s · %s · due %s%s"), major->number, xa_hazard_state_to_label (major->state),
                             major->deadline, major->overdue ? _(", overdue") : "");
  if (major->supervised)
    {
      /* Translators: the badge of a 重大 hazard under 挂牌督办 */
      badge = _("Supervised");
      badge_class = "removed";
    }
  else if (major->reported)
    {
      /* Translators: the badge of a 重大 hazard reported to the commission, not yet under 挂牌督办 */
      badge = _("Reported");
      badge_class = "pending";
    }
  else
    {
      /* Translators: the badge of a 重大 hazard not reported to the commission */
      badge = _("Not Reported");
      badge_class = "draft";
    }

  xa_badge_row_set (gtk_list_item_get_child (item), title, caption, badge, badge_class);
}

static void
major_activated_cb (XaHazardSummaryView *self,
                    guint                position)
{
  g_autoptr(XaHazardSummaryItem) item = g_list_model_get_item (G_LIST_MODEL (self->majors), position);
  const XaMajorHazard *major;

  if (item == NULL)
    return;

  major = xa_hazard_summary_item_get (item);
  g_signal_emit (self, signals[SIGNAL_HAZARD_ACTIVATED], 0, major->number);
}

/* The notices */

typedef struct
{
  XaHazardSummaryView *self;
  GFile               *file;
  char                *job_name;
} NoticeJob;

static void
notice_job_free (NoticeJob *job)
{
  g_clear_object (&job->self);
  g_clear_object (&job->file);
  g_free (job->job_name);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NoticeJob, notice_job_free)

static void
start_notice_job (XaHazardSummaryView       *self,
                  const XaHazardSchoolCount *count,
                  GFile                     *file,
                  GAsyncReadyCallback        callback)
{
  g_autoptr(XaOrganisation) commission = xa_school_registry_dup_commission (self->registry);
  NoticeJob *job = g_new0 (NoticeJob, 1);

  job->self = g_object_ref (self);
  job->file = file != NULL ? g_object_ref (file) : NULL;
  /* Translators: the print job's name: the 督办通知 of a school */
  job->job_name = g_strdup_printf (_("Supervision Notice to %s"), count->school_name);

  job_started (self);
  xa_hazard_notice_job_run_async (self->book, count->school_uuid, count->school_name,
                                  commission != NULL ? xa_organisation_get_name (commission) : NULL,
                                  xa_hazard_summary_view_get_school_year (self), file, self->cancellable,
                                  callback, job);
}

static void
print_done_cb (XaHazardSummaryView     *self,
               GtkPrintOperationResult  result,
               GtkPrintOperation       *operation)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      xa_widget_show_error (GTK_WIDGET (self), _("The Supervision Notice Was Not Printed"),
                            error ? error->message : NULL);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      xa_widget_add_toast (GTK_WIDGET (self), adw_toast_new (_("Supervision notice sent to the printer")));
    }

  if (self->print_operation == operation)
    g_clear_object (&self->print_operation);
}

static void
notice_laid_out_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(NoticeJob) job = user_data;
  XaHazardSummaryView *self = job->self;
  g_autoptr(XaPageSet) pages = NULL;
  g_autoptr(XaPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkRoot *root;

  job_ended (self);
  if (!(pages = xa_hazard_notice_job_run_finish (result, &error)))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        xa_widget_show_error (GTK_WIDGET (self), _("The Supervision Notice Was Not Printed"), error->message);
      return;
    }
  if (self->print_operation != NULL)
    return;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  operation = xa_print_operation_new (pages, job->job_name);
  self->print_operation = GTK_PRINT_OPERATION (g_object_ref (operation));
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, G_CONNECT_SWAPPED);
  if (gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      xa_widget_show_error (GTK_WIDGET (self), _("The Supervision Notice Was Not Printed"), error->message);
      g_clear_object (&self->print_operation);
    }
}

static void
print_notice (XaHazardSummaryView       *self,
              const XaHazardSchoolCount *count)
{
  if (self->print_operation != NULL || count->n_overdue == 0)
    return;

  start_notice_job (self, count, NULL, notice_laid_out_cb);
}

static void
notice_exported_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(NoticeJob) job = user_data;
  XaHazardSummaryView *self = job->self;
  g_autoptr(XaPageSet) pages = NULL;
  g_autoptr(GError) error = NULL;

  job_ended (self);
  pages = xa_hazard_notice_job_run_finish (result, &error);
  xa_widget_report_export (GTK_WIDGET (self), job->file, error);
}

typedef struct
{
  XaHazardSummaryView *self;
  char                *school_uuid;
} Choice;

static void
notice_file_chosen_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  Choice *choice = user_data;
  g_autoptr(XaHazardSummaryView) self = choice->self;
  g_autofree char *school_uuid = choice->school_uuid;
  g_autoptr(GFile) file = xa_choose_file_finish (result, NULL);

  g_free (choice);
  if (file != NULL)
    xa_hazard_summary_view_export_notice (self, school_uuid, file);
}

static void
choose_notice_file (XaHazardSummaryView       *self,
                    const XaHazardSchoolCount *count)
{
  g_autoptr(GtkFileFilter) pdf = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  g_autofree char *file_name = NULL;
  XaSupervisionInfo info = { NULL };
  Choice *choice;

  if (count->n_overdue == 0)
    return;

  gtk_file_filter_set_name (pdf, _("PDF documents"));
  gtk_file_filter_add_mime_type (pdf, "application/pdf");
  gtk_file_filter_add_pattern (pdf, "*.pdf");
  info.school_name = count->school_name;
  info.school_year = xa_hazard_summary_view_get_school_year (self);
  name = xa_supervision_notice_dup_file_name (&info);
  file_name = g_strconcat (name, ".pdf", NULL);

  choice = g_new0 (Choice, 1);
  choice->self = g_object_ref (self);
  choice->school_uuid = g_strdup (count->school_uuid);
  xa_choose_file_async (GTK_WIDGET (self), GTK_FILE_CHOOSER_ACTION_SAVE, _("Export Supervision Notice as PDF"),
                        _("_Save"), file_name, pdf, self->cancellable, notice_file_chosen_cb, choice);
}

/* Object */

static void
xa_hazard_summary_view_map (GtkWidget *widget)
{
  XaHazardSummaryView *self = XA_HAZARD_SUMMARY_VIEW (widget);

  GTK_WIDGET_CLASS (xa_hazard_summary_view_parent_class)->map (widget);

  if (self->summary == NULL || self->stale)
    reload (self);
}

static void
xa_hazard_summary_view_dispose (GObject *object)
{
  XaHazardSummaryView *self = XA_HAZARD_SUMMARY_VIEW (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), XA_TYPE_HAZARD_SUMMARY_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->book);
  g_clear_object (&self->registry);
  g_clear_object (&self->schools);
  g_clear_object (&self->majors);
  g_clear_object (&self->print_operation);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (xa_hazard_summary_view_parent_class)->dispose (object);
}

static void
xa_hazard_summary_view_finalize (GObject *object)
{
  XaHazardSummaryView *self = XA_HAZARD_SUMMARY_VIEW (object);

  g_clear_pointer (&self->summary, xa_hazard_summary_free);
  g_clear_pointer (&self->years, g_array_unref);

  G_OBJECT_CLASS (xa_hazard_summary_view_parent_class)->finalize (object);
}

static void
xa_hazard_summary_view_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  XaHazardSummaryView *self = XA_HAZARD_SUMMARY_VIEW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->n_jobs > 0);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_hazard_summary_view_class_init (XaHazardSummaryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_hazard_summary_view_dispose;
  object_class->finalize = xa_hazard_summary_view_finalize;
  object_class->get_property = xa_hazard_summary_view_get_property;
  widget_class->map = xa_hazard_summary_view_map;

  /* Whether a notice is being made, printed or written. */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* Whether the counts are being read. */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * XaHazardSummaryView::hazard-activated:
   * @number: the 隐患编号 of the 重大 hazard chosen
   */
  signals[SIGNAL_HAZARD_ACTIVATED] =
    g_signal_new ("hazard-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xiaoan/Xiaoan/xa-hazard-summary-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, XaHazardSummaryView, majors_stack);
  gtk_widget_class_bind_template_child (widget_class, XaHazardSummaryView, majors_view);
  gtk_widget_class_bind_template_child (widget_class, XaHazardSummaryView, schools_view);
  gtk_widget_class_bind_template_child (widget_class, XaHazardSummaryView, spinner);
  gtk_widget_class_bind_template_child (widget_class, XaHazardSummaryView, status_label);
  gtk_widget_class_bind_template_child (widget_class, XaHazardSummaryView, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XaHazardSummaryView, year_labels);
  gtk_widget_class_bind_template_callback (widget_class, bind_major_cb);
  gtk_widget_class_bind_template_callback (widget_class, major_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, xa_badge_row_setup_opening_cb);
  gtk_widget_class_bind_template_callback (widget_class, year_changed_cb);
}

static void
xa_hazard_summary_view_init (XaHazardSummaryView *self)
{
  g_autoptr(GDate) today = g_date_new ();
  GtkSortListModel *sorted;
  int current;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->schools = g_list_store_new (XA_TYPE_HAZARD_SUMMARY_ITEM);
  self->majors = g_list_store_new (XA_TYPE_HAZARD_SUMMARY_ITEM);

  /* The current school year first, as the ledger's filter offers them. */
  self->years = g_array_new (FALSE, FALSE, sizeof (int));
  g_date_set_time_t (today, time (NULL));
  current = xa_school_year_for_date (today);
  g_signal_handlers_block_by_func (self->year_dropdown, year_changed_cb, self);
  for (int year = current; year > current - N_YEARS; year--)
    {
      g_autofree char *label = xa_school_year_format (year, FALSE);

      g_array_append_val (self->years, year);
      gtk_string_list_append (self->year_labels, label);
    }
  gtk_drop_down_set_selected (self->year_dropdown, 0);
  g_signal_handlers_unblock_by_func (self->year_dropdown, year_changed_cb, self);

  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->schools)), NULL);
  add_columns (self, sorted);
  gtk_column_view_set_model (self->schools_view, GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (sorted))));
  gtk_list_view_set_model (self->majors_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->majors)))));
  xa_list_set_single_tab_stop (GTK_WIDGET (self->majors_view));
  /* The year's drop-down reads as its choice, not as its type (xa-accessible.c). */
  xa_accessible_prepare (GTK_WIDGET (self));
}

/**
 * xa_hazard_summary_view_set_book:
 *
 * Set once, when the section is built; the counts are read when the view shows, and
 * again whenever hazards or schools change.
 */
void
xa_hazard_summary_view_set_book (XaHazardSummaryView *self,
                                 XaHazardBook        *book,
                                 XaSchoolRegistry    *registry)
{
  XaStore *store;

  g_return_if_fail (XA_IS_HAZARD_SUMMARY_VIEW (self));
  g_return_if_fail (XA_IS_HAZARD_BOOK (book));
  g_return_if_fail (XA_IS_SCHOOL_REGISTRY (registry));
  g_return_if_fail (self->book == NULL);

  self->book = g_object_ref (book);
  self->registry = g_object_ref (registry);
  store = xa_hazard_book_get_store (book);
  g_signal_connect_object (store, "records-changed::hazard", G_CALLBACK (records_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "records-changed::organisation", G_CALLBACK (records_changed_cb), self,
                           G_CONNECT_SWAPPED);
  reload (self);
}

int
xa_hazard_summary_view_get_school_year (XaHazardSummaryView *self)
{
  guint selected;

  g_return_val_if_fail (XA_IS_HAZARD_SUMMARY_VIEW (self), 0);

  selected = gtk_drop_down_get_selected (self->year_dropdown);
  return g_array_index (self->years, int, selected < self->years->len ? selected : 0);
}

/**
 * xa_hazard_summary_view_set_school_year:
 * @school_year: one of the years offered, by the year it starts
 */
void
xa_hazard_summary_view_set_school_year (XaHazardSummaryView *self,
                                        int                  school_year)
{
  g_return_if_fail (XA_IS_HAZARD_SUMMARY_VIEW (self));

  for (guint i = 0; i < self->years->len; i++)
    if (g_array_index (self->years, int, i) == school_year)
      gtk_drop_down_set_selected (self->year_dropdown, i);
}

/**
 * xa_hazard_summary_view_get_summary:
 *
 * Returns: (nullable) (transfer none): the counts shown, %NULL before the first read
 */
const XaHazardSummary *
xa_hazard_summary_view_get_summary (XaHazardSummaryView *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_SUMMARY_VIEW (self), NULL);

  return self->summary;
}

gboolean
xa_hazard_summary_view_get_loading (XaHazardSummaryView *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_SUMMARY_VIEW (self), FALSE);

  return self->loading;
}

gboolean
xa_hazard_summary_view_get_busy (XaHazardSummaryView *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_SUMMARY_VIEW (self), FALSE);

  return self->n_jobs > 0;
}

GtkColumnView *
xa_hazard_summary_view_get_schools_view (XaHazardSummaryView *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_SUMMARY_VIEW (self), NULL);

  return self->schools_view;
}

GtkListView *
xa_hazard_summary_view_get_majors_view (XaHazardSummaryView *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_SUMMARY_VIEW (self), NULL);

  return self->majors_view;
}

/**
 * xa_hazard_summary_view_export_notice:
 * @school_uuid: a school of the summary shown
 * @file: a local file; replaced atomically when it exists
 *
 * Writes the school's 督办通知 of its hazards overdue today, then says so in a toast.
 */
void
xa_hazard_summary_view_export_notice (XaHazardSummaryView *self,
                                      const char          *school_uuid,
                                      GFile               *file)
{
  const XaHazardSchoolCount *count;

  g_return_if_fail (XA_IS_HAZARD_SUMMARY_VIEW (self));
  g_return_if_fail (school_uuid != NULL);
  g_return_if_fail (G_IS_FILE (file));

  if (self->summary == NULL || (count = xa_hazard_summary_find_school (self->summary, school_uuid)) == NULL)
    return;

  start_notice_job (self, count, file, notice_exported_cb);
}
