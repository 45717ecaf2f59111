/* xa-inspections-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 检查 section: for the school and school year chosen at the top, its inspection
 * records (a record opens in the editor, where abnormal items become hazards), its plan
 * with the slots missed, done and due; for every school the commission reads, the
 * missed inspections and the special campaigns' completion grid. The views are read
 * again when the store announces a change of what they show.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-campaign-editor.h"
#include "xa-checklist-editor.h"
#include "xa-inspection-editor.h"
#include "xa-inspections-page.h"
#include "xa-school-calendar-editor.h"
#include "xa-accessible.h"
#include "xa-application.h"
#include "xa-ui-utils.h"
#include "core/util/xa-date.h"
#include "core/util/xa-school-year.h"

struct _XaInspectionsPage
{
  GtkWidget          parent_instance;

  /* Owned references */
  XaWorkspace       *workspace;
  GListStore        *records;   /* XaInspection */
  GListStore        *missed;    /* XaPlanSlot */
  XaInspectionPlan  *plan;
  XaCampaignGrid    *grid;      /* the one shown */
  char              *today;

  /* Template widgets */
  GtkGrid           *campaign_grid;
  GtkLabel          *campaigns_label;
  GtkButton         *launch_button;
  GtkListView       *missed_view;
  GtkLabel          *plan_summary;
  GtkListView       *plan_view;
  GtkStack          *records_stack;
  GtkListView       *records_view;
  GtkDropDown       *school_dropdown;
  AdwViewStack      *view_stack;
  GtkLabel          *year_label;

  /* State */
  int                school_year;
  gboolean           folded;
};

G_DEFINE_FINAL_TYPE (XaInspectionsPage, xa_inspections_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FOLDED,
  PROP_WORKSPACE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static XaInspectionBook *
book (XaInspectionsPage *self)
{
  return xa_workspace_get_inspections (self->workspace);
}

static XaOrganisation *
selected_school (XaInspectionsPage *self)
{
  return gtk_drop_down_get_selected_item (self->school_dropdown);
}

const char *
xa_inspections_page_get_school_uuid (XaInspectionsPage *self)
{
  XaOrganisation *school;

  g_return_val_if_fail (XA_IS_INSPECTIONS_PAGE (self), NULL);

  school = selected_school (self);
  return school != NULL ? xa_organisation_get_uuid (school) : NULL;
}

static void
report (XaInspectionsPage *self,
        const GError      *error)
{
  g_warning ("Inspections: %s", error->message);
  xa_widget_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
}

/* Reading the views */

static void
reload_records (XaInspectionsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) inspections = NULL;
  const char *school_uuid = xa_inspections_page_get_school_uuid (self);

  g_list_store_remove_all (self->records);
  if (school_uuid != NULL &&
      !(inspections = xa_inspection_book_list (book (self), school_uuid, self->school_year, &error)))
    report (self, error);
  if (inspections != NULL)
    g_list_store_splice (self->records, 0, 0, inspections->pdata, inspections->len);

  gtk_stack_set_visible_child_name (self->records_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->records)) > 0 ? "list" : "empty");
}

static void
reload_plan (XaInspectionsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;
  g_autofree char *summary = NULL;
  const char *school_uuid = xa_inspections_page_get_school_uuid (self);

  g_clear_object (&self->plan);
  if (school_uuid != NULL &&
      !(self->plan = xa_inspection_book_dup_plan (book (self), school_uuid, self->school_year, self->today, &error)))
    report (self, error);

  if (self->plan == NULL)
    {
      gtk_list_view_set_model (self->plan_view, NULL);
      gtk_label_set_text (self->plan_summary, "");
      return;
    }

  selection = gtk_no_selection_new (g_object_ref (xa_inspection_plan_get_slots (self->plan)));
  gtk_list_view_set_model (self->plan_view, GTK_SELECTION_MODEL (selection));
  /* Translators: counts of a school's plan: done, missed, due, upcoming */
  summary = g_strdup_printf (_("Done %u · Missed %u · Due %u · Upcoming %u"),
                             xa_inspection_plan_count (self->plan, XA_PLAN_SLOT_DONE),
                             xa_inspection_plan_count (self->plan, XA_PLAN_SLOT_MISSED),
                             xa_inspection_plan_count (self->plan, XA_PLAN_SLOT_DUE),
                             xa_inspection_plan_count (self->plan, XA_PLAN_SLOT_UPCOMING));
  gtk_label_set_text (self->plan_summary, summary);
}

static void
reload_missed (XaInspectionsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) missed = NULL;

  g_list_store_remove_all (self->missed);
  if (!(missed = xa_inspection_book_list_missed (book (self), NULL, self->school_year, self->today, &error)))
    {
      report (self, error);
      return;
    }
  g_list_store_splice (self->missed, 0, 0, missed->pdata, missed->len);
}

static GtkWidget *
grid_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 6);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
reload_grid (XaInspectionsPage *self)
{
  static const char * const marks[] = { "○", "◐", "●" };
  static const char * const classes[] = { "draft", "pending", "signed" };
  g_autoptr(GError) error = NULL;
  XaCampaignGrid *grid;
  g_autofree char *year = xa_school_year_format (self->school_year, FALSE);
  g_autofree char *text = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->campaign_grid))) != NULL)
    gtk_grid_remove (self->campaign_grid, child);

  g_clear_object (&self->grid);
  grid = self->grid = xa_inspection_book_dup_campaign_grid (book (self), self->school_year, &error);
  gtk_widget_set_visible (GTK_WIDGET (self->launch_button), grid == NULL);
  if (grid == NULL)
    {
      if (!g_error_matches (error, XA_INSPECTION_BOOK_ERROR, XA_INSPECTION_BOOK_ERROR_NOT_LAUNCHED))
        report (self, error);
      /* Translators: %s is a school year such as 2021—2022学年度 */
      text = g_strdup_printf (_("The special campaigns of the %s are not launched yet."), year);
      gtk_label_set_text (self->campaigns_label, text);
      return;
    }

  /* Translators: %s is a school year; the marks are those of the grid below */
  text = g_strdup_printf (_("Special campaigns of the %s: ● plan, activities and summary recorded, ◐ under way, ○ not started."),
                          year);
  gtk_label_set_text (self->campaigns_label, text);

  gtk_grid_attach (self->campaign_grid, grid_label (_("School"), "heading"), 0, 0, 1, 1);
  gtk_grid_attach (self->campaign_grid, grid_label (_("Complete"), "heading"), 1, 0, 1, 1);
  for (guint c = 0; c < xa_campaign_grid_get_n_campaigns (grid); c++)
    gtk_grid_attach (self->campaign_grid,
                     grid_label (xa_campaign_get_name (xa_campaign_grid_get_campaign (grid, c)), "caption-heading"),
                     (int) c + 2, 0, 1, 1);

  for (guint s = 0; s < xa_campaign_grid_get_n_schools (grid); s++)
    {
      GtkWidget *name = gtk_label_new (xa_campaign_grid_get_school_name (grid, s));
      g_autofree char *complete = g_strdup_printf ("%u/%u", xa_campaign_grid_count_complete (grid, s),
                                                   xa_campaign_grid_get_n_campaigns (grid));

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (name), 14);
      gtk_widget_set_tooltip_text (name, xa_campaign_grid_get_school_code (grid, s));
      gtk_grid_attach (self->campaign_grid, name, 0, (int) s + 1, 1, 1);
      gtk_grid_attach (self->campaign_grid, grid_label (complete, "numeric"), 1, (int) s + 1, 1, 1);

      for (guint c = 0; c < xa_campaign_grid_get_n_campaigns (grid); c++)
        {
          XaCampaignStatus status = xa_campaign_grid_get_status (grid, s, c);
          GtkWidget *mark = grid_label (marks[status], "state-badge");
          GtkWidget *cell = gtk_button_new ();
          g_autofree char *tip = g_strdup_printf ("%s · %s: %s", xa_campaign_grid_get_school_name (grid, s),
                                                  xa_campaign_get_name (xa_campaign_grid_get_campaign (grid, c)),
                                                  xa_campaign_status_to_label (status));

          /* A cell opens the school's record of the campaign. */
          gtk_widget_add_css_class (mark, classes[status]);
          gtk_button_set_child (GTK_BUTTON (cell), mark);
          gtk_widget_add_css_class (cell, "flat");
          gtk_widget_set_halign (cell, GTK_ALIGN_CENTER);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (cell), "inspections.edit-campaign");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (cell), "(uu)", s, c);
          gtk_widget_set_tooltip_text (cell, tip);
          gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
          gtk_grid_attach (self->campaign_grid, cell, (int) c + 2, (int) s + 1, 1, 1);
        }
    }
}

static void
reload_school (XaInspectionsPage *self)
{
  reload_records (self);
  reload_plan (self);
}

static void
reload_all (XaInspectionsPage *self)
{
  g_autofree char *year = xa_school_year_format (self->school_year, FALSE);

  gtk_label_set_text (self->year_label, year);
  reload_school (self);
  reload_missed (self);
  reload_grid (self);
}

static void
records_changed_cb (XaInspectionsPage  *self,
                    const char         *kind,
                    const char * const *uuids,
                    XaStore            *store)
{
  if (g_str_equal (kind, "inspection") || g_str_equal (kind, "school_calendar") ||
      g_str_equal (kind, "organisation"))
    {
      reload_school (self);
      reload_missed (self);
    }
  if (g_str_equal (kind, "campaign") || g_str_equal (kind, "campaign_record") ||
      g_str_equal (kind, "campaign_attachment") || g_str_equal (kind, "organisation"))
    reload_grid (self);
}

/* Rows */

static void
bind_record_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  XaInspection *inspection = gtk_list_item_get_item (item);
  g_autofree char *title = g_strdup_printf ("%s  %s", xa_inspection_get_inspected_on (inspection),
                                            xa_inspection_type_to_label (xa_inspection_get_inspection_type (inspection)));
  /* Translators: an inspection's leader, its number of items and of abnormal ones */
  g_autofree char *caption = g_strdup_printf (_("%s · %u items · %u abnormal · %s"),
                                              xa_inspection_get_leader (inspection),
                                              xa_inspection_count_items (inspection),
                                              xa_inspection_count_abnormal (inspection),
                                              xa_inspection_get_number (inspection));
  guint unrecorded = xa_inspection_count_unrecorded (inspection);
  g_autofree char *badge = NULL;

  if (unrecorded > 0)
    /* Translators: abnormal items not yet turned into hazards */
    badge = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u not in the ledger", "%u not in the ledger", unrecorded),
                             unrecorded);
  else if (xa_inspection_count_abnormal (inspection) > 0)
    badge = g_strdup (_("In the ledger"));
  else
    badge = g_strdup (C_("inspection result", "Normal"));

  xa_badge_row_set (gtk_list_item_get_child (item), title, caption, badge,
                    unrecorded > 0 ? "removed" : xa_inspection_count_abnormal (inspection) > 0 ? "archived" : "signed");
}

static const char *
slot_class (XaPlanSlotState state)
{
  switch ((int) state)
    {
    case XA_PLAN_SLOT_DONE:
      return "signed";
    case XA_PLAN_SLOT_MISSED:
      return "removed";
    case XA_PLAN_SLOT_DUE:
      return "pending";
    default:
      return "draft";
    }
}

static void
bind_slot (GtkListItem *item,
           gboolean     with_school)
{
  XaPlanSlot *slot = gtk_list_item_get_item (item);
  g_autofree char *title = NULL;
  g_autofree char *caption = NULL;

  if (with_school)
    title = g_strdup_printf ("%s · %s", xa_plan_slot_get_school_name (slot), xa_plan_slot_get_label (slot));
  else
    title = g_strdup (xa_plan_slot_get_label (slot));
  /* Translators: a plan slot's kind, then its first and last day */
  caption = g_strdup_printf (_("%s · %s to %s%s%s"), xa_plan_slot_kind_to_label (xa_plan_slot_get_kind (slot)),
                             xa_plan_slot_get_from (slot), xa_plan_slot_get_to (slot),
                             xa_plan_slot_get_inspection_number (slot)[0] != '\0' ? " · " : "",
                             xa_plan_slot_get_inspection_number (slot));
  xa_badge_row_set (gtk_list_item_get_child (item), title, caption,
                    xa_plan_slot_state_to_label (xa_plan_slot_get_state (slot)),
                    slot_class (xa_plan_slot_get_state (slot)));
}

static void
bind_plan_slot_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  bind_slot (item, FALSE);
}

static void
bind_missed_slot_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  bind_slot (item, TRUE);
}

static void
set_factory (GtkListView *view,
             GCallback    setup,
             GCallback    bind)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", setup, NULL);
  g_signal_connect (factory, "bind", bind, NULL);
  gtk_list_view_set_factory (view, factory);
  xa_list_set_single_tab_stop (GTK_WIDGET (view));
}

/* Callbacks and actions */

static void
open_editor (XaInspectionsPage *self,
             XaInspection      *inspection)
{
  GtkWidget *editor;
  XaOrganisation *school = selected_school (self);

  if (school == NULL)
    return;

  editor = xa_inspection_editor_new (book (self), xa_organisation_get_uuid (school), self->school_year, inspection,
                                     self->today);
  xa_inspection_editor_set_school_name (XA_INSPECTION_EDITOR (editor), xa_organisation_get_name (school));
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
record_activated_cb (XaInspectionsPage *self,
                     guint              position)
{
  g_autoptr(XaInspection) listed = g_list_model_get_item (G_LIST_MODEL (self->records), position);
  g_autoptr(XaInspection) inspection = NULL;
  g_autoptr(GError) error = NULL;

  if (listed == NULL)
    return;
  if (!(inspection = xa_inspection_book_dup_by_uuid (book (self), xa_inspection_get_uuid (listed), &error)))
    {
      report (self, error);
      return;
    }
  open_editor (self, inspection);
}

static void
school_changed_cb (XaInspectionsPage *self)
{
  if (self->workspace != NULL)
    reload_school (self);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_editor (XA_INSPECTIONS_PAGE (widget), NULL);
}

/* What the commission sets: a school's operator sees it as it is (its login could not
 * store it anyway). */
static void
settings_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  XaInspectionsPage *self = XA_INSPECTIONS_PAGE (widget);
  g_autoptr(GSettings) settings = g_settings_new (XA_SETTINGS_SCHEMA_ID);
  g_autofree char *role = g_settings_get_string (settings, "operator-role");
  gboolean editable = g_str_equal (role, "commission");
  GtkWidget *editor;

  if (g_str_equal (action_name, "inspections.checklists"))
    editor = xa_checklist_editor_new (book (self), editable);
  else
    editor = xa_school_calendar_editor_new (book (self), self->school_year, editable);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
year_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XaInspectionsPage *self = XA_INSPECTIONS_PAGE (widget);

  xa_inspections_page_set_year (self, self->school_year + (g_str_equal (action_name, "inspections.next-year") ? 1 : -1));
}

static void
launch_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XaInspectionsPage *self = XA_INSPECTIONS_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!xa_inspection_book_launch_campaigns (book (self), self->school_year, NULL, &error))
    xa_widget_show_error (widget, _("The Campaigns Were Not Launched"), error->message);
}

static void
edit_campaign_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  XaInspectionsPage *self = XA_INSPECTIONS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  GtkWidget *editor;
  guint s, c;

  g_variant_get (parameter, "(uu)", &s, &c);
  if (self->grid == NULL || s >= xa_campaign_grid_get_n_schools (self->grid) ||
      c >= xa_campaign_grid_get_n_campaigns (self->grid))
    return;

  if (!(editor = xa_campaign_editor_new (book (self), xa_campaign_grid_get_campaign (self->grid, c),
                                         xa_campaign_grid_get_school_uuid (self->grid, s),
                                         xa_campaign_grid_get_school_name (self->grid, s), &error)))
    {
      report (self, error);
      return;
    }
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (editor));
}

/* The object */

static void
xa_inspections_page_constructed (GObject *object)
{
  XaInspectionsPage *self = XA_INSPECTIONS_PAGE (object);
  g_autoptr(GtkExpression) name = NULL;
  g_autoptr(GtkNoSelection) missed = NULL;
  g_autoptr(GtkSingleSelection) records = NULL;
  g_autofree char *today = xa_date_today_iso ();
  GDate date;

  G_OBJECT_CLASS (xa_inspections_page_parent_class)->constructed (object);

  g_assert (XA_IS_WORKSPACE (self->workspace));

  /* The year before the schools: choosing the first school reads its year. */
  xa_date_parse (today, &date);
  self->school_year = xa_school_year_for_date (&date);

  name = gtk_property_expression_new (XA_TYPE_ORGANISATION, NULL, "name");
  gtk_drop_down_set_expression (self->school_dropdown, name);
  gtk_drop_down_set_model (self->school_dropdown,
                           xa_school_registry_get_schools (xa_workspace_get_registry (self->workspace)));

  records = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->records)));
  gtk_single_selection_set_autoselect (records, FALSE);
  gtk_list_view_set_model (self->records_view, GTK_SELECTION_MODEL (records));
  missed = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->missed)));
  gtk_list_view_set_model (self->missed_view, GTK_SELECTION_MODEL (missed));

  g_signal_connect_object (xa_workspace_get_store (self->workspace), "records-changed",
                           G_CALLBACK (records_changed_cb), self, G_CONNECT_SWAPPED);

  reload_all (self);
}

static void
xa_inspections_page_dispose (GObject *object)
{
  XaInspectionsPage *self = XA_INSPECTIONS_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), XA_TYPE_INSPECTIONS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->plan);
  g_clear_object (&self->grid);
  g_clear_object (&self->records);
  g_clear_object (&self->missed);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (xa_inspections_page_parent_class)->dispose (object);
}

static void
xa_inspections_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  XaInspectionsPage *self = XA_INSPECTIONS_PAGE (object);

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
xa_inspections_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  XaInspectionsPage *self = XA_INSPECTIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      if (self->folded != g_value_get_boolean (value))
        {
          self->folded = g_value_get_boolean (value);
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
xa_inspections_page_class_init (XaInspectionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = xa_inspections_page_constructed;
  object_class->dispose = xa_inspections_page_dispose;
  object_class->get_property = xa_inspections_page_get_property;
  object_class->set_property = xa_inspections_page_set_property;

  /* Whether the window's sidebar is folded away, so that this page offers the way back. */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, XA_TYPE_WORKSPACE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xiaoan/Xiaoan/xa-inspections-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, XaInspectionsPage, campaign_grid);
  gtk_widget_class_bind_template_child (widget_class, XaInspectionsPage, campaigns_label);
  gtk_widget_class_bind_template_child (widget_class, XaInspectionsPage, launch_button);
  gtk_widget_class_bind_template_child (widget_class, XaInspectionsPage, missed_view);
  gtk_widget_class_bind_template_child (widget_class, XaInspectionsPage, plan_summary);
  gtk_widget_class_bind_template_child (widget_class, XaInspectionsPage, plan_view);
  gtk_widget_class_bind_template_child (widget_class, XaInspectionsPage, records_stack);
  gtk_widget_class_bind_template_child (widget_class, XaInspectionsPage, records_view);
  gtk_widget_class_bind_template_child (widget_class, XaInspectionsPage, school_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XaInspectionsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, XaInspectionsPage, year_label);
  gtk_widget_class_bind_template_callback (widget_class, record_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, school_changed_cb);

  gtk_widget_class_install_action (widget_class, "inspections.checklists", NULL, settings_action);
  gtk_widget_class_install_action (widget_class, "inspections.calendar", NULL, settings_action);
  gtk_widget_class_install_action (widget_class, "inspections.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "inspections.previous-year", NULL, year_action);
  gtk_widget_class_install_action (widget_class, "inspections.next-year", NULL, year_action);
  gtk_widget_class_install_action (widget_class, "inspections.launch-campaigns", NULL, launch_action);
  gtk_widget_class_install_action (widget_class, "inspections.edit-campaign", "(uu)", edit_campaign_action);
}

static void
xa_inspections_page_init (XaInspectionsPage *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Ctrl+N from anywhere in the window while the section shows, as in the schools
   * section: the class's own binding would need the focus inside the page. */
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_n, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("inspections.new")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  self->records = g_list_store_new (XA_TYPE_INSPECTION);
  self->missed = g_list_store_new (XA_TYPE_PLAN_SLOT);
  set_factory (self->records_view, G_CALLBACK (xa_badge_row_setup_opening_cb), G_CALLBACK (bind_record_cb));
  set_factory (self->plan_view, G_CALLBACK (xa_badge_row_setup_cb), G_CALLBACK (bind_plan_slot_cb));
  set_factory (self->missed_view, G_CALLBACK (xa_badge_row_setup_cb), G_CALLBACK (bind_missed_slot_cb));
}

/**
 * xa_inspections_page_new:
 * @workspace: the workspace whose inspections and campaigns to show
 *
 * Returns: (transfer floating): the inspections section
 */
GtkWidget *
xa_inspections_page_new (XaWorkspace *workspace)
{
  g_return_val_if_fail (XA_IS_WORKSPACE (workspace), NULL);

  return g_object_new (XA_TYPE_INSPECTIONS_PAGE, "workspace", workspace, NULL);
}

/**
 * xa_inspections_page_set_year:
 * @school_year: the 学年度 shown, by its start year
 */
void
xa_inspections_page_set_year (XaInspectionsPage *self,
                              int                school_year)
{
  g_return_if_fail (XA_IS_INSPECTIONS_PAGE (self));

  if (school_year < 1990 || school_year > 2200)
    return;
  self->school_year = school_year;
  reload_all (self);
}

/**
 * xa_inspections_page_set_today:
 * @today: (nullable): the day the plan is judged on, YYYY-MM-DD; %NULL for the local date
 */
void
xa_inspections_page_set_today (XaInspectionsPage *self,
                               const char        *today)
{
  g_return_if_fail (XA_IS_INSPECTIONS_PAGE (self));

  g_free (self->today);
  self->today = g_strdup (today);
  reload_all (self);
}

/**
 * xa_inspections_page_show_view:
 * @name: "records", "plan", "missed" or "campaigns"
 */
void
xa_inspections_page_show_view (XaInspectionsPage *self,
                               const char        *name)
{
  g_return_if_fail (XA_IS_INSPECTIONS_PAGE (self));

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

GListModel *
xa_inspections_page_get_records (XaInspectionsPage *self)
{
  g_return_val_if_fail (XA_IS_INSPECTIONS_PAGE (self), NULL);
  return G_LIST_MODEL (self->records);
}

GListModel *
xa_inspections_page_get_missed (XaInspectionsPage *self)
{
  g_return_val_if_fail (XA_IS_INSPECTIONS_PAGE (self), NULL);
  return G_LIST_MODEL (self->missed);
}
