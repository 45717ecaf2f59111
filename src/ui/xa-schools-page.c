/* xa-schools-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The schools section: a searchable list of the registry's schools beside the detail of the
 * selected one, or the welcome page while the database holds no school. Its actions (new
 * school, import, demo data, delete and undo, search) are in xa-schools-page-actions.c.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-accessible.h"
#include "xa-schools-page-private.h"
#include "xa-ui-utils.h"
#include "xa-unsaved.h"

/* How many schools the list holds until its first frame is on screen. GtkListView (GTK
 * 4.8) makes, binds, styles and measures a row for up to 200 items whatever its height,
 * and all of that would stand between the start and the first frame; 48 rows fill the
 * tallest screen. */
#define FIRST_FRAME_ROWS 48

static void xa_schools_page_unsaved_init (XaUnsavedInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (XaSchoolsPage, xa_schools_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (XA_TYPE_UNSAVED, xa_schools_page_unsaved_init))

enum {
  PROP_0,
  PROP_FOLDED,
  PROP_WORKSPACE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The search finds a school by its name, its pinyin or initials (sy finds 实验), or its
 * code, as the agreement list and the school picker do. */
static gboolean
match_school (gpointer item,
              gpointer user_data)
{
  XaSchoolsPage *self = user_data;
  XaOrganisation *school = item;

  return xa_pinyin_index_match (self->pinyin, xa_organisation_get_name (school), self->search_key) ||
         xa_pinyin_index_match (self->pinyin, xa_organisation_get_code (school), self->search_key);
}

/* The second line of a row: the code and the type, such as “1101080001 · 小学”. */
static char *
school_caption (GtkListItem *item,
                const char  *code,
                const char  *type_label)
{
  if (type_label == NULL || type_label[0] == '\0')
    return g_strdup (code);

  /* Translators: a school's code and its type, in the school list. */
  return g_strdup_printf (_("%s · %s"), code ? code : "", type_label);
}

/* Lets the list hold every school, the first frame being drawn or a school further down
 * being wanted. */
static void
show_all_rows (XaSchoolsPage *self)
{
  g_clear_handle_id (&self->all_rows_id, g_source_remove);
  gtk_slice_list_model_set_size (self->first_rows, G_MAXUINT);
}

static gboolean
show_all_rows_cb (gpointer user_data)
{
  XaSchoolsPage *self = user_data;

  self->all_rows_id = 0;
  show_all_rows (self);
  return G_SOURCE_REMOVE;
}

/* Called before the list's first frame is laid out and drawn: the rest of the rows follow
 * once that frame is done. */
static gboolean
list_first_tick_cb (GtkWidget     *list_view,
                    GdkFrameClock *frame_clock,
                    gpointer       user_data)
{
  XaSchoolsPage *self = user_data;

  if (self->all_rows_id == 0 && gtk_slice_list_model_get_size (self->first_rows) != G_MAXUINT)
    self->all_rows_id = g_idle_add_full (G_PRIORITY_LOW, show_all_rows_cb, self, NULL);
  return G_SOURCE_REMOVE;
}

static guint
find_school (XaSchoolsPage *self,
             const char    *uuid)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XaOrganisation) school = g_list_model_get_item (model, i);

      if (g_strcmp0 (xa_organisation_get_uuid (school), uuid) == 0)
        return i;
    }

  if (gtk_slice_list_model_get_size (self->first_rows) != G_MAXUINT)
    {
      show_all_rows (self);
      return find_school (self, uuid);
    }

  return GTK_INVALID_LIST_POSITION;
}

/* The welcome page is built the first time the database is found empty: a district with
 * schools never shows it, and as a hidden page of the stack it would still be styled and
 * measured at start, its long text and its icon with it. */
static void
ensure_welcome_page (XaSchoolsPage *self)
{
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;

  if (gtk_stack_get_child_by_name (self->stack, "welcome") != NULL)
    return;

  builder = gtk_builder_new ();
  gtk_builder_expose_object (builder, "schools_page", G_OBJECT (self));
  if (!gtk_builder_add_from_resource (builder, "/io/github/xiaoan/Xiaoan/xa-schools-welcome.ui",
                                      &error))
    g_error ("The welcome page's resource is broken: %s", error->message);
  gtk_stack_add_named (self->stack, GTK_WIDGET (gtk_builder_get_object (builder, "welcome")),
                       "welcome");
  self->spinner = GTK_WIDGET (gtk_builder_get_object (builder, "spinner"));
  gtk_widget_set_visible (self->spinner, self->busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), self->busy);
}

static void
update_page (XaSchoolsPage *self)
{
  guint n_all = g_list_model_get_n_items (xa_school_registry_get_schools (self->registry));
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *subtitle = NULL;

  if (n_all == 0 && !xa_school_detail_get_is_new (self->detail))
    {
      ensure_welcome_page (self);
      gtk_stack_set_visible_child_name (self->stack, "welcome");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "schools");

  if (n_shown > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else
    xa_stack_show_page (self->list_stack, n_all > 0 ? "no-results" : "empty");

  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u school", "%u schools", n_all),
                              n_all);
  adw_window_title_set_subtitle (self->list_title, subtitle);
}

/* The user answered 保存更改？ after choosing another school: go there, or stay. */
static void
leave_guarded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(XaSchoolsPage) self = user_data;
  g_autofree char *pending = g_steal_pointer (&self->pending_uuid);
  guint position;

  self->asking = FALSE;
  if (!xa_unsaved_guard_finish (XA_UNSAVED (object), result) || pending == NULL)
    return;

  position = find_school (self, pending);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, position);
}

/* Another school chosen while the one shown holds edits: the list goes back to the
 * school shown until the user has answered. */
static void
guard_selection (XaSchoolsPage  *self,
                 XaOrganisation *chosen)
{
  XaOrganisation *shown = xa_school_detail_get_school (self->detail);

  g_free (self->pending_uuid);
  self->pending_uuid = g_strdup (xa_organisation_get_uuid (chosen));

  self->reverting++;
  gtk_single_selection_set_selected (self->selection,
                                     shown ? find_school (self, xa_organisation_get_uuid (shown))
                                           : GTK_INVALID_LIST_POSITION);
  self->reverting--;

  if (self->asking)
    return;
  self->asking = TRUE;
  xa_unsaved_guard_async (XA_UNSAVED (self->detail), self->cancellable, leave_guarded_cb,
                          g_object_ref (self));
}

/* The detail follows the selection, except while the list is being refilled: the registry
 * replaces its items after every change, and the school being edited must stay. */
static void
selection_changed_cb (XaSchoolsPage *self,
                      GParamSpec    *pspec,
                      GtkSingleSelection *selection)
{
  XaOrganisation *school;
  XaOrganisation *shown;

  if (self->refreshing > 0 || self->reverting > 0)
    return;

  school = gtk_single_selection_get_selected_item (selection);
  if (school == NULL && xa_school_detail_get_is_new (self->detail))
    return;

  shown = xa_school_detail_get_school (self->detail);
  if (school != NULL && xa_school_detail_get_dirty (self->detail) &&
      (shown == NULL || g_strcmp0 (xa_organisation_get_uuid (school), xa_organisation_get_uuid (shown)) != 0))
    {
      guard_selection (self, school);
      return;
    }

  xa_school_detail_show_school (self->detail, school);
}

static void
schools_changing_cb (XaSchoolsPage *self,
                     guint          position,
                     guint          removed,
                     guint          added,
                     GListModel    *schools)
{
  self->refreshing++;
}

static void
schools_changed_cb (XaSchoolsPage *self,
                    guint          position,
                    guint          removed,
                    guint          added,
                    GListModel    *schools)
{
  XaOrganisation *shown = xa_school_detail_get_school (self->detail);
  guint position_shown = GTK_INVALID_LIST_POSITION;

  self->refreshing--;

  if (shown != NULL)
    position_shown = find_school (self, xa_organisation_get_uuid (shown));

  if (position_shown != GTK_INVALID_LIST_POSITION)
    {
      if (gtk_single_selection_get_selected (self->selection) != position_shown)
        gtk_single_selection_set_selected (self->selection, position_shown);
      else
        xa_school_detail_show_school (self->detail,
                                      gtk_single_selection_get_selected_item (self->selection));
    }
  else if (!xa_school_detail_get_is_new (self->detail))
    {
      /* The school shown is gone (deleted, or filled in by the demo): show what the
       * selection now holds, or the first school. */
      if (gtk_single_selection_get_selected_item (self->selection) == NULL &&
          g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
        gtk_single_selection_set_selected (self->selection, 0);
      else
        xa_school_detail_show_school (self->detail,
                                      gtk_single_selection_get_selected_item (self->selection));
    }

  update_page (self);
  _xa_schools_page_update_actions (self);
}

static void
filtered_changed_cb (XaSchoolsPage *self,
                     guint          position,
                     guint          removed,
                     guint          added,
                     GListModel    *filtered)
{
  update_page (self);
}

static void
search_changed_cb (XaSchoolsPage  *self,
                   GtkSearchEntry *entry)
{
  GtkFilter *filter = gtk_filter_list_model_get_filter (self->filter_model);

  g_free (self->search_key);
  self->search_key = xa_pinyin_normalise_query (gtk_editable_get_text (GTK_EDITABLE (entry)));

  gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
search_activated_cb (XaSchoolsPage  *self,
                     GtkSearchEntry *entry)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    return;

  /* The focus goes to the school found, in the list, not into its editable name, where
   * the next key would overwrite it: the arrow keys move among the results from there,
   * and Enter opens the one chosen. */
  xa_list_view_focus_first (self->list_view);
}

static void
list_activated_cb (XaSchoolsPage *self,
                   guint          position,
                   GtkListView   *list_view)
{
  gtk_single_selection_set_selected (self->selection, position);
  /* Side by side the detail is already there; bringing it forward would take the focus
   * from the list, whose arrow keys go on to the next row. */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail));
}

static void
detail_school_changed_cb (XaSchoolsPage  *self,
                          GParamSpec     *pspec,
                          XaSchoolDetail *detail)
{
  XaOrganisation *school = xa_school_detail_get_school (detail);
  guint position;

  if (self->registry == NULL)
    return;

  update_page (self);
  if (school == NULL)
    return;

  position = find_school (self, xa_organisation_get_uuid (school));
  if (position != GTK_INVALID_LIST_POSITION &&
      gtk_single_selection_get_selected (self->selection) != position)
    gtk_single_selection_set_selected (self->selection, position);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XaSchoolsPage *self = XA_SCHOOLS_PAGE (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
xa_schools_page_constructed (GObject *object)
{
  XaSchoolsPage *self = XA_SCHOOLS_PAGE (object);
  GListModel *schools;
  GtkCustomFilter *filter;

  G_OBJECT_CLASS (xa_schools_page_parent_class)->constructed (object);

  g_assert (XA_IS_WORKSPACE (self->workspace));

  self->registry = g_object_ref (xa_workspace_get_registry (self->workspace));
  schools = xa_school_registry_get_schools (self->registry);

  /* Connected before the filter and the selection see the change, and after they have
   * dealt with it, so that a refill of the list never takes the detail away. */
  g_signal_connect_object (schools, "items-changed", G_CALLBACK (schools_changing_cb),
                           self, G_CONNECT_SWAPPED);

  filter = gtk_custom_filter_new (match_school, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (schools), GTK_FILTER (filter));
  self->first_rows = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                               0, FIRST_FRAME_ROWS);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->first_rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  g_signal_connect_object (schools, "items-changed", G_CALLBACK (schools_changed_cb),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (filtered_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view), list_first_tick_cb, self, NULL);
  xa_school_detail_set_registry (self->detail, self->registry);

  /* The selection model selected the first school on creation, before autoselect was
   * turned off and before anything listened: show it now. */
  xa_school_detail_show_school (self->detail,
                                gtk_single_selection_get_selected_item (self->selection));

  update_page (self);
  _xa_schools_page_update_actions (self);
}

static void
xa_schools_page_dispose (GObject *object)
{
  XaSchoolsPage *self = XA_SCHOOLS_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (self->file_chooser);
  g_clear_object (&self->file_chooser);
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  g_clear_object (&self->undo_toast);

  if (self->registry != NULL)
    g_signal_handlers_disconnect_by_data (xa_school_registry_get_schools (self->registry),
                                          self);

  self->spinner = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), XA_TYPE_SCHOOLS_PAGE);
  /* The template's root is not a bound child, so it is unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_handle_id (&self->all_rows_id, g_source_remove);
  g_clear_object (&self->selection);
  g_clear_object (&self->first_rows);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->registry);
  g_clear_object (&self->workspace);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (xa_schools_page_parent_class)->dispose (object);
}

static void
xa_schools_page_finalize (GObject *object)
{
  XaSchoolsPage *self = XA_SCHOOLS_PAGE (object);

  g_clear_pointer (&self->search_key, g_free);
  g_clear_pointer (&self->pending_uuid, g_free);
  g_clear_pointer (&self->pinyin, xa_pinyin_index_free);

  G_OBJECT_CLASS (xa_schools_page_parent_class)->finalize (object);
}

static void
xa_schools_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  XaSchoolsPage *self = XA_SCHOOLS_PAGE (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;

    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_schools_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  XaSchoolsPage *self = XA_SCHOOLS_PAGE (object);

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
xa_schools_page_class_init (XaSchoolsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = xa_schools_page_constructed;
  object_class->dispose = xa_schools_page_dispose;
  object_class->finalize = xa_schools_page_finalize;
  object_class->get_property = xa_schools_page_get_property;
  object_class->set_property = xa_schools_page_set_property;

  /* Whether the window's sidebar is folded away, so that this page offers the way back. */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL,
                         XA_TYPE_WORKSPACE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /* Whether an import or the demo district is being written. */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (XA_TYPE_SCHOOL_DETAIL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xiaoan/Xiaoan/xa-schools-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, XaSchoolsPage, detail);
  gtk_widget_class_bind_template_child (widget_class, XaSchoolsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, XaSchoolsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, XaSchoolsPage, list_title);
  gtk_widget_class_bind_template_child (widget_class, XaSchoolsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, XaSchoolsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, XaSchoolsPage, stack);
  gtk_widget_class_bind_template_callback (widget_class, detail_school_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);

  gtk_widget_class_install_action (widget_class, "schools.back", NULL, back_action);
  _xa_schools_page_class_add_actions (widget_class);
}

static void
xa_schools_page_init (XaSchoolsPage *self)
{
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  xa_list_set_single_tab_stop (GTK_WIDGET (self->list_view));
  _xa_schools_page_add_shortcuts (self);

  self->cancellable = g_cancellable_new ();
  self->pinyin = xa_pinyin_index_new (XA_PINYIN_PLACE);

  gtk_builder_cscope_add_callback_symbols (GTK_BUILDER_CSCOPE (scope),
                                           "school_caption", G_CALLBACK (school_caption),
                                           "xa_list_row_label_changed", G_CALLBACK (xa_list_row_label_changed),
                                           "xa_list_row_mapped", G_CALLBACK (xa_list_row_mapped),
                                           "xa_list_row_released", G_CALLBACK (xa_list_row_released),
                                           NULL);
  factory = gtk_builder_list_item_factory_new_from_resource (scope,
                                                             "/io/github/xiaoan/Xiaoan/xa-school-row.ui");
  gtk_list_view_set_factory (self->list_view, factory);
}

/**
 * xa_schools_page_new:
 * @workspace: the workspace whose schools to show
 *
 * Returns: (transfer floating): the schools section
 */
GtkWidget *
xa_schools_page_new (XaWorkspace *workspace)
{
  g_return_val_if_fail (XA_IS_WORKSPACE (workspace), NULL);

  return g_object_new (XA_TYPE_SCHOOLS_PAGE, "workspace", workspace, NULL);
}

/* Shows that an import or the demo data is being written. */
void
_xa_schools_page_set_busy (XaSchoolsPage *self,
                           gboolean       busy)
{
  g_assert (XA_IS_SCHOOLS_PAGE (self));

  busy = !!busy;
  if (self->busy == busy)
    return;

  self->busy = busy;
  if (self->spinner != NULL)
    {
      gtk_widget_set_visible (self->spinner, busy);
      gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), busy);
    }
  _xa_schools_page_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
new_school_guarded_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(XaSchoolsPage) self = user_data;

  self->asking = FALSE;
  if (xa_unsaved_guard_finish (XA_UNSAVED (object), result))
    xa_schools_page_new_school (self);
}

void
xa_schools_page_new_school (XaSchoolsPage *self)
{
  g_return_if_fail (XA_IS_SCHOOLS_PAGE (self));

  if (xa_school_detail_get_dirty (self->detail))
    {
      if (!self->asking)
        {
          self->asking = TRUE;
          xa_unsaved_guard_async (XA_UNSAVED (self->detail), self->cancellable,
                                  new_school_guarded_cb, g_object_ref (self));
        }
      return;
    }

  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  xa_school_detail_new_school (self->detail);
  update_page (self);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail));
  xa_school_detail_focus (self->detail);
}

void
xa_schools_page_focus_search (XaSchoolsPage *self)
{
  g_return_if_fail (XA_IS_SCHOOLS_PAGE (self));

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "schools") != 0)
    return;

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * xa_schools_page_select_school:
 * @uuid: the school to show
 *
 * Shows the school in the detail, clearing a search that hides it.
 *
 * Returns: whether the school is in the list
 */
gboolean
xa_schools_page_select_school (XaSchoolsPage *self,
                               const char    *uuid)
{
  guint position;

  g_return_val_if_fail (XA_IS_SCHOOLS_PAGE (self), FALSE);

  position = find_school (self, uuid);
  if (position == GTK_INVALID_LIST_POSITION && self->search_key != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      search_changed_cb (self, self->search_entry);
      position = find_school (self, uuid);
    }

  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  /* Through the selection, which asks first when the school shown holds edits. */
  if (gtk_single_selection_get_selected (self->selection) == position)
    selection_changed_cb (self, NULL, self->selection);
  else
    gtk_single_selection_set_selected (self->selection, position);
  return TRUE;
}

/**
 * xa_schools_page_get_model:
 *
 * Returns: (transfer none): the schools as listed, after the search; all of them, even
 *   before the list's first frame
 */
GListModel *
xa_schools_page_get_model (XaSchoolsPage *self)
{
  g_return_val_if_fail (XA_IS_SCHOOLS_PAGE (self), NULL);

  show_all_rows (self);

  return G_LIST_MODEL (self->selection);
}

/* The page answers for its detail, so that the window asks the page it shows. */
static XaUnsaved *
xa_schools_page_get_holder (XaUnsaved *unsaved)
{
  return XA_UNSAVED (XA_SCHOOLS_PAGE (unsaved)->detail);
}

static void
xa_schools_page_unsaved_init (XaUnsavedInterface *iface)
{
  iface->get_holder = xa_schools_page_get_holder;
}

/**
 * xa_schools_page_get_school:
 *
 * Returns: (transfer none) (nullable): the school shown in the detail, the one selected
 */
XaOrganisation *
xa_schools_page_get_school (XaSchoolsPage *self)
{
  g_return_val_if_fail (XA_IS_SCHOOLS_PAGE (self), NULL);

  return xa_school_detail_get_school (self->detail);
}
