/* xa-assessment-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 考核 section (issue 14). For the commission, the district view of a school year:
 * every school the login sees with its totals, grade, veto and rank, searched and
 * filtered by grade, progress and veto, with the progress of the scoring round counted
 * above (未开始 / 已自评 / 已考核 / 已定稿); the school chosen opens its scoring page
 * beside the list (XaAssessmentSheet). The header's menu opens the year's scheme and
 * publishes every finalised result at once. A school's operator sees the same page with
 * its own self-assessment to enter, and the commission's side only once published (on a
 * district server its login sees its own school only). The commission's dashboard draws
 * the district summary's charts, read again with the list after every change; the menu
 * exports or prints the school's score sheet and the district summary.
 *
 * Below the breakpoint the list and the scoring page are one pane each.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xa-assessment-page.h"
#include "xa-assessment-dashboard.h"
#include "xa-assessment-print.h"
#include "xa-assessment-ui.h"
#include "xa-adaptive.h"
#include "xa-scheme-window.h"
#include "xa-ui-utils.h"
#include "core/util/xa-date.h"
#include "document/xa-assessment-report.h"
#include "document/xa-district-report.h"
#include "core/util/xa-school-year.h"

struct _XaAssessmentPage
{
  GtkWidget            parent_instance;

  /* Owned references */
  XaWorkspace         *workspace;
  XaAssessmentBook    *book;
  GListStore          *assessments;
  GtkFilterListModel  *filtered;
  GtkSingleSelection  *selection;
  GCancellable        *cancellable;
  char                *progress;

  /* Template widgets */
  GtkButton           *back_button;
  XaAssessmentDashboard *dashboard;
  AdwViewStackPage    *dashboard_page;
  GtkBox              *filters_box;
  GtkDropDown         *grade_dropdown;
  AdwLeaflet          *leaflet;
  GtkStack            *list_stack;
  GtkListView         *list_view;
  GtkLabel            *progress_label;
  GtkProgressBar      *progress_bar;
  GtkSearchEntry      *search_entry;
  XaAssessmentSheet   *sheet;
  GtkDropDown         *state_dropdown;
  AdwViewSwitcherTitle *switcher_title;
  GtkDropDown         *veto_dropdown;
  GtkLabel            *year_label;

  /* State */
  int                  school_year;
  gboolean             commission;
  gboolean             folded;
};

G_DEFINE_FINAL_TYPE (XaAssessmentPage, xa_assessment_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FOLDED,
  PROP_WORKSPACE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The grade drop-down's items after 全部: the grades, then 未评. */
static const XaGrade grade_choices[] = {
  XA_GRADE_EXCELLENT, XA_GRADE_GOOD, XA_GRADE_PASS, XA_GRADE_FAIL, XA_GRADE_NONE,
};

static gboolean
commission_visible (XaAssessmentPage *self,
                    XaAssessment     *assessment)
{
  return self->commission ||
         (xa_assessment_get_published (assessment) && xa_assessment_get_commission_visible (assessment));
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  XaAssessmentPage *self = user_data;
  XaAssessment *assessment = item;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint grade = gtk_drop_down_get_selected (self->grade_dropdown);
  guint state = gtk_drop_down_get_selected (self->state_dropdown);
  guint veto = gtk_drop_down_get_selected (self->veto_dropdown);
  gboolean visible = commission_visible (self, assessment);

  if (search != NULL && *search != '\0' &&
      strstr (xa_assessment_get_school_name (assessment), search) == NULL &&
      strstr (xa_assessment_get_school_code (assessment), search) == NULL)
    return FALSE;
  if (grade > 0 && grade <= G_N_ELEMENTS (grade_choices) &&
      (visible ? xa_assessment_get_grade (assessment) : XA_GRADE_NONE) != grade_choices[grade - 1])
    return FALSE;
  if (state > 0 && (guint) xa_assessment_get_state (assessment) != state - 1)
    return FALSE;
  if (veto > 0 && (visible && xa_assessment_get_vetoed (assessment)) != (veto == 1))
    return FALSE;
  return TRUE;
}

static void
update_back_button (XaAssessmentPage *self)
{
  gboolean inner = xa_adaptive_find_back (GTK_WIDGET (self->leaflet)) != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), inner || self->folded);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->back_button),
                               inner ? _("Back to the List") : _("Back to Sections"));
  xa_assessment_sheet_set_compact (self->sheet, adw_leaflet_get_folded (self->leaflet));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->filters_box),
                                  adw_leaflet_get_folded (self->leaflet) ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
}

static void
folded_cb (XaAssessmentPage *self)
{
  update_back_button (self);
}

static void
update_list_page (XaAssessmentPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "empty");
}

/* The counts of the scoring round, over every school (the filters aside). */
static void
update_progress (XaAssessmentPage *self)
{
  guint counts[XA_ASSESSMENT_STATE_FINALISED + 1] = { 0 };
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->assessments));
  g_autofree char *year = xa_school_year_format (self->school_year, FALSE);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XaAssessment) assessment = g_list_model_get_item (G_LIST_MODEL (self->assessments), i);

      counts[xa_assessment_get_state (assessment)]++;
    }
  g_free (self->progress);
  /* Translators: the progress of the scoring round: how many schools are in each state */
  self->progress = g_strdup_printf (_("Not started %1$u · Self-assessed %2$u · Scored %3$u · Finalised %4$u"),
                                    counts[XA_ASSESSMENT_STATE_NOT_STARTED], counts[XA_ASSESSMENT_STATE_SELF_ASSESSED],
                                    counts[XA_ASSESSMENT_STATE_SCORED], counts[XA_ASSESSMENT_STATE_FINALISED]);
  gtk_label_set_label (self->progress_label, self->progress);
  gtk_progress_bar_set_fraction (self->progress_bar, n > 0 ? (double) counts[XA_ASSESSMENT_STATE_FINALISED] / n : 0);
  gtk_label_set_label (self->year_label, year);
}

static const char *
selected_uuid (XaAssessmentPage *self)
{
  XaAssessment *assessment = gtk_single_selection_get_selected_item (self->selection);

  return assessment ? xa_assessment_get_school_uuid (assessment) : NULL;
}

/* Reads the district list again, the school chosen kept. */
static void
reload (XaAssessmentPage *self)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *chosen = g_strdup (selected_uuid (self));

  list = xa_assessment_book_list (self->book, self->school_year, &error);
  if (list == NULL)
    {
      g_warning ("Cannot list the assessments of %d: %s", self->school_year, error->message);
      list = g_ptr_array_new_with_free_func (g_object_unref);
    }
  g_list_store_splice (self->assessments, 0, g_list_model_get_n_items (G_LIST_MODEL (self->assessments)),
                       list->pdata, list->len);
  if (self->commission)
    xa_assessment_dashboard_set_assessments (self->dashboard, list);
  update_progress (self);
  update_list_page (self);
  if (chosen != NULL)
    xa_assessment_page_select_school (self, chosen);
}

static void
filter_changed_cb (XaAssessmentPage *self)
{
  GtkFilter *filter = gtk_filter_list_model_get_filter (self->filtered);

  if (filter != NULL)
    gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
  update_list_page (self);
}

static void
selection_changed_cb (XaAssessmentPage *self)
{
  const char *uuid = selected_uuid (self);

  /* A refill drops the selection for a moment: the sheet stays. */
  if (uuid != NULL)
    xa_assessment_sheet_show (self->sheet, uuid, self->school_year);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.export-school", uuid != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.print-school", uuid != NULL);
}

static void
list_activated_cb (XaAssessmentPage *self,
                   guint             position)
{
  gtk_single_selection_set_selected (self->selection, position);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->sheet));
}

static void
sheet_changed_cb (XaAssessmentPage *self)
{
  reload (self);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         XaAssessmentPage         *self)
{
  XaAssessment *assessment = gtk_list_item_get_item (item);
  gboolean visible = commission_visible (self, assessment);
  XaGrade grade = visible ? xa_assessment_get_grade (assessment) : XA_GRADE_NONE;
  double total = visible ? xa_assessment_get_total (assessment) : -1;
  double self_total = xa_assessment_get_self_total (assessment);
  g_autofree char *title = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *total_text = total >= 0 ? xa_points_format (total) : g_strdup ("—");
  g_autofree char *self_text = self_total >= 0 ? xa_points_format (self_total) : g_strdup ("—");
  guint rank = visible ? xa_assessment_get_rank (assessment) : 0;

  if (rank > 0)
    /* Translators: a school in the ranking: its rank, then its name: “3. 红旗小学” */
    title = g_strdup_printf (_("%1$u. %2$s"), rank, xa_assessment_get_school_name (assessment));
  else
    title = g_strdup (xa_assessment_get_school_name (assessment));
  if (visible && xa_assessment_get_vetoed (assessment))
    /* Translators: a vetoed school's line: the raw total, the self total, the progress */
    caption = g_strdup_printf (_("Vetoed · raw %1$s · self %2$s · %3$s"), total_text, self_text,
                               xa_assessment_state_to_label (xa_assessment_get_state (assessment)));
  else
    /* Translators: a school's line: the commission's total, the self total, the progress */
    caption = g_strdup_printf (_("Score %1$s · self %2$s · %3$s"), total_text, self_text,
                               xa_assessment_state_to_label (xa_assessment_get_state (assessment)));
  xa_badge_row_set (gtk_list_item_get_child (item), title, caption,
                    grade != XA_GRADE_NONE ? xa_grade_to_label (grade) : NULL,
                    xa_assessment_ui_grade_class (grade));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  xa_adaptive_go_back (widget);
}

static void
year_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XaAssessmentPage *self = XA_ASSESSMENT_PAGE (widget);

  xa_assessment_page_set_year (self, self->school_year + (g_str_equal (action_name, "assessment.next-year") ? 1 : -1));
}

static void
scheme_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XaAssessmentPage *self = XA_ASSESSMENT_PAGE (widget);
  GtkWidget *window = xa_scheme_window_new (xa_assessment_book_get_schemes (self->book), self->school_year,
                                            self->commission);

  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (gtk_widget_get_root (widget)));
  g_signal_connect_object (window, "saved", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

static void
publish_confirmed_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(XaAssessmentPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  int n;

  if (!xa_confirm_finish (result, NULL))
    return;
  n = xa_assessment_book_publish (self->book, NULL, self->school_year, &error);
  if (n < 0)
    {
      xa_widget_show_error (GTK_WIDGET (self), _("The Results Could Not Be Published"), error->message);
      return;
    }
  reload (self);
  xa_assessment_sheet_reload (self->sheet);
  /* Translators: a toast: how many schools' results were published */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d result published", "%d results published", n), n);
  xa_widget_add_toast (GTK_WIDGET (self), adw_toast_new (text));
}

static void
publish_all_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  XaAssessmentPage *self = XA_ASSESSMENT_PAGE (widget);
  g_autofree char *year = xa_school_year_format (self->school_year, FALSE);
  g_autofree char *heading = NULL;

  /* Translators: the question before publishing a year's results */
  heading = g_strdup_printf (_("Publish the Results of %s?"), year);
  xa_confirm_async (widget, heading,
                    _("Every finalised assessment of the year is published: each school then sees the commission's scores, its grade and the district ranking."),
                    NULL, _("_Publish"), NULL, publish_confirmed_cb, g_object_ref (self));
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(XaAssessmentPage) self = user_data;
  g_autoptr(GFile) file = g_object_steal_data (G_OBJECT (self), "export-file");
  g_autoptr(GError) error = NULL;

  xa_assessment_report_export_finish (result, &error);
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    xa_widget_report_export (GTK_WIDGET (self), file, error);
}

static void
export_file_chosen_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(XaAssessmentPage) self = user_data;
  g_autoptr(GFile) file = xa_choose_file_finish (result, NULL);
  const char *school = g_object_get_data (G_OBJECT (self), "export-school");

  if (file == NULL)
    return;
  g_object_set_data_full (G_OBJECT (self), "export-file", g_object_ref (file), g_object_unref);
  xa_assessment_report_export_async (self->workspace, self->book, school, self->school_year, file,
                                     self->cancellable, exported_cb, g_object_ref (self));
}

static void
scores_exported_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(XaAssessmentPage) self = user_data;
  g_autoptr(GFile) file = g_object_steal_data (G_OBJECT (self), "export-file");
  g_autoptr(GError) error = NULL;

  xa_assessment_scores_export_finish (result, &error);
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    xa_widget_report_export (GTK_WIDGET (self), file, error);
}

static void
scores_file_chosen_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(XaAssessmentPage) self = user_data;
  g_autoptr(GFile) file = xa_choose_file_finish (result, NULL);

  if (file == NULL)
    return;
  xa_assessment_page_export_scores (self, file);
}

/**
 * xa_assessment_page_export_scores:
 * @file: the workbook to write
 *
 * Every school's scores of the year shown, as the menu's XLSX export writes them.
 */
void
xa_assessment_page_export_scores (XaAssessmentPage *self,
                                  GFile            *file)
{
  g_return_if_fail (XA_IS_ASSESSMENT_PAGE (self));

  g_object_set_data_full (G_OBJECT (self), "export-file", g_object_ref (file), g_object_unref);
  xa_assessment_scores_export_async (self->workspace, self->book, self->school_year, file,
                                     self->cancellable, scores_exported_cb, g_object_ref (self));
}

/* Every school's scores as an Excel workbook, for those who go on in a spreadsheet. */
static void
export_scores_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  XaAssessmentPage *self = XA_ASSESSMENT_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *year = xa_school_year_format (self->school_year, FALSE);
  /* Translators: the file name of the XLSX export; %s is the school year (2021—2022学年度) */
  g_autofree char *name = g_strdup_printf (_("Assessment Scores %s.xlsx"), year);

  gtk_file_filter_set_name (filter, _("Excel workbooks"));
  gtk_file_filter_add_pattern (filter, "*.xlsx");
  xa_choose_file_async (widget, GTK_FILE_CHOOSER_ACTION_SAVE, _("Export All Scores as Excel Workbook"), _("_Save"),
                        name, filter, self->cancellable, scores_file_chosen_cb, g_object_ref (self));
}

/* The school's score sheet or the district summary, as PDF or printed. */
static void
report_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XaAssessmentPage *self = XA_ASSESSMENT_PAGE (widget);
  gboolean district = g_str_has_suffix (action_name, "-district");
  const char *school = district ? NULL : selected_uuid (self);
  g_autofree char *name = NULL;
  g_autofree char *file_name = NULL;

  if (!district && school == NULL)
    return;
  if (g_str_has_prefix (action_name, "assessment.print"))
    {
      xa_assessment_report_print (self->workspace, self->book, school, self->school_year, widget, self->cancellable);
      return;
    }

  if (district)
    name = xa_district_report_dup_file_name (self->school_year);
  else
    name = xa_assessment_report_dup_file_name (xa_assessment_sheet_get_assessment (self->sheet));
  file_name = g_strconcat (name, ".pdf", NULL);
  g_object_set_data_full (G_OBJECT (self), "export-school", g_strdup (school), g_free);
  xa_choose_pdf_file_async (widget, district ? _("Export District Summary as PDF") : _("Export Score Sheet as PDF"),
                            file_name, self->cancellable, export_file_chosen_cb, g_object_ref (self));
}

static void
xa_assessment_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  XaAssessmentPage *self = XA_ASSESSMENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_assessment_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  XaAssessmentPage *self = XA_ASSESSMENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      if (self->folded != g_value_get_boolean (value))
        {
          self->folded = g_value_get_boolean (value);
          update_back_button (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_WORKSPACE:
      self->workspace = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_assessment_page_constructed (GObject *object)
{
  XaAssessmentPage *self = XA_ASSESSMENT_PAGE (object);
  g_autoptr(GDate) today = g_date_new ();

  G_OBJECT_CLASS (xa_assessment_page_parent_class)->constructed (object);

  self->book = xa_assessment_book_new (xa_workspace_get_store (self->workspace));
  self->commission = xa_assessment_ui_is_commission (self->workspace);
  xa_assessment_sheet_setup (self->sheet, self->workspace, self->book, self->commission);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.publish-all", self->commission);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.print-district", self->commission);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.export-district", self->commission);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.export-scores", self->commission);
  /* The district's charts are the commission's. */
  adw_view_stack_page_set_visible (self->dashboard_page, self->commission);

  /* The year scored is the one running, or (before it started) the last. */
  g_date_set_time_t (today, time (NULL));
  self->school_year = xa_school_year_for_date (today);
  reload (self);
}

static void
xa_assessment_page_dispose (GObject *object)
{
  XaAssessmentPage *self = XA_ASSESSMENT_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), XA_TYPE_ASSESSMENT_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->assessments);
  g_clear_object (&self->book);
  g_clear_object (&self->workspace);
  G_OBJECT_CLASS (xa_assessment_page_parent_class)->dispose (object);
}

static void
xa_assessment_page_finalize (GObject *object)
{
  XaAssessmentPage *self = XA_ASSESSMENT_PAGE (object);

  g_free (self->progress);
  G_OBJECT_CLASS (xa_assessment_page_parent_class)->finalize (object);
}

static void
xa_assessment_page_class_init (XaAssessmentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = xa_assessment_page_get_property;
  object_class->set_property = xa_assessment_page_set_property;
  object_class->constructed = xa_assessment_page_constructed;
  object_class->dispose = xa_assessment_page_dispose;
  object_class->finalize = xa_assessment_page_finalize;

  /* Whether the window's sidebar is folded away: the header then offers the way back
   * to the sections, and shows the window's buttons. */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, XA_TYPE_WORKSPACE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (XA_TYPE_ASSESSMENT_DASHBOARD);
  g_type_ensure (XA_TYPE_ASSESSMENT_SHEET);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xiaoan/Xiaoan/xa-assessment-page.ui");
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentPage, dashboard);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentPage, dashboard_page);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentPage, filters_box);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentPage, grade_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentPage, sheet);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentPage, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentPage, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentPage, veto_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentPage, year_label);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, sheet_changed_cb);

  gtk_widget_class_install_action (widget_class, "assessment.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "assessment.previous-year", NULL, year_action);
  gtk_widget_class_install_action (widget_class, "assessment.next-year", NULL, year_action);
  gtk_widget_class_install_action (widget_class, "assessment.scheme", NULL, scheme_action);
  gtk_widget_class_install_action (widget_class, "assessment.publish-all", NULL, publish_all_action);
  gtk_widget_class_install_action (widget_class, "assessment.export-school", NULL, report_action);
  gtk_widget_class_install_action (widget_class, "assessment.print-school", NULL, report_action);
  gtk_widget_class_install_action (widget_class, "assessment.export-district", NULL, report_action);
  gtk_widget_class_install_action (widget_class, "assessment.print-district", NULL, report_action);
  gtk_widget_class_install_action (widget_class, "assessment.export-scores", NULL, export_scores_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "assessment.print-school", NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
xa_assessment_page_init (XaAssessmentPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->assessments = g_list_store_new (XA_TYPE_ASSESSMENT);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->assessments)),
                                              GTK_FILTER (gtk_custom_filter_new (filter_func, self, NULL)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (factory, "setup", G_CALLBACK (xa_badge_row_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  xa_list_set_single_tab_stop (GTK_WIDGET (self->list_view));
  self->cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.export-school", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.print-school", FALSE);
}

GtkWidget *
xa_assessment_page_new (XaWorkspace *workspace)
{
  g_return_val_if_fail (XA_IS_WORKSPACE (workspace), NULL);
  return g_object_new (XA_TYPE_ASSESSMENT_PAGE, "workspace", workspace, NULL);
}

XaAssessmentBook *
xa_assessment_page_get_book (XaAssessmentPage *self)
{
  g_return_val_if_fail (XA_IS_ASSESSMENT_PAGE (self), NULL);
  return self->book;
}

int
xa_assessment_page_get_year (XaAssessmentPage *self)
{
  g_return_val_if_fail (XA_IS_ASSESSMENT_PAGE (self), 0);
  return self->school_year;
}

void
xa_assessment_page_set_year (XaAssessmentPage *self,
                             int               school_year)
{
  g_return_if_fail (XA_IS_ASSESSMENT_PAGE (self));

  if (self->school_year == school_year)
    return;
  self->school_year = school_year;
  reload (self);
  xa_assessment_sheet_show (self->sheet, selected_uuid (self), school_year);
}

XaAssessmentSheet *
xa_assessment_page_get_sheet (XaAssessmentPage *self)
{
  g_return_val_if_fail (XA_IS_ASSESSMENT_PAGE (self), NULL);
  return self->sheet;
}

/* The schools the filters let through, as XaAssessment. */
GListModel *
xa_assessment_page_get_shown (XaAssessmentPage *self)
{
  g_return_val_if_fail (XA_IS_ASSESSMENT_PAGE (self), NULL);
  return G_LIST_MODEL (self->filtered);
}

/**
 * xa_assessment_page_select_school:
 *
 * Chooses the school in the list (when the filters show it) and shows its sheet.
 *
 * Returns: whether the list shows it
 */
gboolean
xa_assessment_page_select_school (XaAssessmentPage *self,
                                  const char       *school_uuid)
{
  guint n;

  g_return_val_if_fail (XA_IS_ASSESSMENT_PAGE (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XaAssessment) assessment = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

      if (g_strcmp0 (xa_assessment_get_school_uuid (assessment), school_uuid) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

const char *
xa_assessment_page_get_progress (XaAssessmentPage *self)
{
  g_return_val_if_fail (XA_IS_ASSESSMENT_PAGE (self), NULL);
  return self->progress;
}

/* The positions of the three drop-downs (0: all). */
void
xa_assessment_page_set_filter (XaAssessmentPage *self,
                               guint             grade,
                               guint             state,
                               guint             veto)
{
  g_return_if_fail (XA_IS_ASSESSMENT_PAGE (self));
  gtk_drop_down_set_selected (self->grade_dropdown, grade);
  gtk_drop_down_set_selected (self->state_dropdown, state);
  gtk_drop_down_set_selected (self->veto_dropdown, veto);
}
