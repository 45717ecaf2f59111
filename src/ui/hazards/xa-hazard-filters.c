/* xa-hazard-filters.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the ledger shows (issue 11: "filters (school, year, status, grade, category,
 * overdue, responsible person)") and its search: the school (picked by typing, or all)
 * and the school year always in view, the search and the state under them, and the
 * rarer filters behind 筛选, whose label counts those in use. The widget only gathers
 * the choices into an XaHazardFilter; the list does the filtering, in the store.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-hazard-filters.h"
#include "xa-hazard-ui.h"
#include "xa-accessible.h"
#include "core/util/xa-school-year.h"

/* The years offered: the current one and the ones before, back to this many. */
#define N_YEARS 6

struct _XaHazardFilters
{
  GtkWidget         parent_instance;

  /* Owned references */
  XaHazardBook     *book;
  XaSchoolRegistry *registry;
  GCancellable     *cancellable;
  GArray           *years;           /* of int; 0, every year, first */
  GStrv             responsible;     /* the names offered, in the drop-down's order after 全部 */
  char             *school_uuid;
  char             *search;

  /* Template widgets */
  GtkDropDown      *category_dropdown;
  GtkStringList    *category_labels;
  GtkWidget        *clear_button;
  GtkDropDown      *grade_dropdown;
  GtkStringList    *grade_labels;
  GtkMenuButton    *more_button;
  GtkCheckButton   *overdue_check;
  GtkDropDown      *responsible_dropdown;
  GtkStringList    *responsible_labels;
  GtkWidget        *school_button;
  GtkLabel         *school_label;
  GtkSearchEntry   *search_entry;
  GtkDropDown      *state_dropdown;
  GtkStringList    *state_labels;
  GtkDropDown      *year_dropdown;
  GtkStringList    *year_labels;

  /* State */
  guint             quiet;
  guint             picking : 1;
  guint             responsible_stale : 1;  /* hazards changed since the names were read */
};

G_DEFINE_FINAL_TYPE (XaHazardFilters, xa_hazard_filters, GTK_TYPE_WIDGET)

enum {
  SIGNAL_CHANGED,
  SIGNAL_SEARCH_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A drop-down's choice as a value: its first item is 全部 (-1), then the values. */
static int
choice (GtkDropDown *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  return selected == 0 || selected == GTK_INVALID_LIST_POSITION ? -1 : (int) selected - 1;
}

static void
fill_choices (GtkStringList *labels,
              const char    *all,
              XaHazardField  field)
{
  g_autoptr(GtkStringList) choices = xa_hazard_choices_new (field);

  gtk_string_list_append (labels, all);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (choices)); i++)
    gtk_string_list_append (labels, gtk_string_list_get_string (choices, i));
}

static void
update_more_button (XaHazardFilters *self)
{
  guint n = xa_hazard_filters_count_narrowing (self);
  g_autofree char *label = NULL;

  if (n == 0)
    label = g_strdup (C_("hazard filters", "Filters"));
  else
    /* Translators: the button of the other filters, with how many are in use: “筛选 (2)” */
    label = g_strdup_printf (C_("hazard filters", "Filters (%u)"), n);

  gtk_menu_button_set_label (self->more_button, label);
  gtk_widget_set_sensitive (self->clear_button, n > 0);
  xa_accessible_prepare (GTK_WIDGET (self->more_button));
}

static void
emit_changed (XaHazardFilters *self)
{
  update_more_button (self);
  if (self->quiet == 0)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
changed_cb (XaHazardFilters *self)
{
  g_free (self->search);
  self->search = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  emit_changed (self);
}

static void
search_activated_cb (XaHazardFilters *self)
{
  g_signal_emit (self, signals[SIGNAL_SEARCH_ACTIVATED], 0);
}

static void
update_school_label (XaHazardFilters *self)
{
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;

  if (self->school_uuid == NULL)
    name = g_strdup (_("All Schools"));
  else if (self->registry != NULL)
    name = xa_hazard_dup_school_name (self->registry, self->school_uuid);

  gtk_label_set_label (self->school_label, name ? name : "");
  /* Translators: how a screen reader reads the school filter: “学校：红旗小学” */
  label = g_strdup_printf (_("School: %s"), name ? name : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->school_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/* The people responsible for the hazards of the school chosen (all schools', without
 * one), the one chosen kept when still there. */
static void
fill_responsible (XaHazardFilters *self)
{
  g_autofree char *chosen = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  guint selected = 0;

  if (self->book == NULL)
    return;

  if (choice (self->responsible_dropdown) >= 0 && self->responsible != NULL)
    chosen = g_strdup (self->responsible[choice (self->responsible_dropdown)]);

  names = xa_hazard_book_dup_responsible (self->book, self->school_uuid, &error);
  if (names == NULL)
    {
      g_warning ("Cannot list the people responsible for hazards: %s", error->message);
      names = g_new0 (char *, 1);
    }

  self->quiet++;
  gtk_string_list_splice (self->responsible_labels, 1,
                          g_list_model_get_n_items (G_LIST_MODEL (self->responsible_labels)) - 1,
                          (const char * const *) names);
  for (guint i = 0; chosen != NULL && names[i] != NULL; i++)
    if (g_str_equal (names[i], chosen))
      selected = i + 1;
  gtk_drop_down_set_selected (self->responsible_dropdown, selected);
  self->quiet--;

  g_strfreev (self->responsible);
  self->responsible = g_steal_pointer (&names);
  self->responsible_stale = FALSE;

  /* The person chosen is gone (the last of their hazards edited): the list widens. */
  if (chosen != NULL && selected == 0)
    emit_changed (self);
}

/* The names are read when the filters behind 筛选 are opened, not after every change of
 * the ledger: at a district's million hazards that is a query of its own. */
static void
hazards_changed_cb (XaHazardFilters *self)
{
  GtkPopover *popover = gtk_menu_button_get_popover (self->more_button);

  self->responsible_stale = TRUE;
  if (popover != NULL && gtk_widget_get_visible (GTK_WIDGET (popover)))
    fill_responsible (self);
}

static void
more_shown_cb (XaHazardFilters *self)
{
  if (self->responsible_stale)
    fill_responsible (self);
}

static void
school_picked_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(XaHazardFilters) self = user_data;
  g_autofree char *uuid = NULL;
  gboolean picked = FALSE;

  self->picking = FALSE;
  uuid = xa_hazard_pick_school_finish (result, &picked);
  if (picked)
    xa_hazard_filters_set_school (self, uuid);
}

static void
school_clicked_cb (XaHazardFilters *self)
{
  if (self->registry == NULL || self->picking)
    return;

  self->picking = TRUE;
  xa_hazard_pick_school_async (GTK_WIDGET (self), self->registry, self->school_uuid, TRUE,
                               self->cancellable, school_picked_cb, g_object_ref (self));
}

static void
clear_clicked_cb (XaHazardFilters *self)
{
  self->quiet++;
  gtk_drop_down_set_selected (self->grade_dropdown, 0);
  gtk_drop_down_set_selected (self->category_dropdown, 0);
  gtk_drop_down_set_selected (self->responsible_dropdown, 0);
  gtk_check_button_set_active (self->overdue_check, FALSE);
  self->quiet--;
  emit_changed (self);
}

static void
fill_years (XaHazardFilters *self)
{
  g_autoptr(GDate) today = g_date_new ();
  int current;
  int none = 0;

  g_date_set_time_t (today, time (NULL));
  current = xa_school_year_for_date (today);

  g_array_append_val (self->years, none);
  /* Translators: the school year filter's choice of every year */
  gtk_string_list_append (self->year_labels, _("All Years"));
  for (int year = current; year > current - N_YEARS; year--)
    {
      g_autofree char *label = xa_school_year_format (year, FALSE);

      g_array_append_val (self->years, year);
      gtk_string_list_append (self->year_labels, label);
    }
}

static void
xa_hazard_filters_dispose (GObject *object)
{
  XaHazardFilters *self = XA_HAZARD_FILTERS (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), XA_TYPE_HAZARD_FILTERS);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->book);
  g_clear_object (&self->registry);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (xa_hazard_filters_parent_class)->dispose (object);
}

static void
xa_hazard_filters_finalize (GObject *object)
{
  XaHazardFilters *self = XA_HAZARD_FILTERS (object);

  g_clear_pointer (&self->years, g_array_unref);
  g_clear_pointer (&self->responsible, g_strfreev);
  g_clear_pointer (&self->school_uuid, g_free);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (xa_hazard_filters_parent_class)->finalize (object);
}

static void
xa_hazard_filters_class_init (XaHazardFiltersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_hazard_filters_dispose;
  object_class->finalize = xa_hazard_filters_finalize;

  /**
   * XaHazardFilters::changed:
   *
   * A choice changed, or the search: the list is to be filtered anew.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * XaHazardFilters::search-activated:
   *
   * Enter in the search: the focus goes to the first hazard found.
   */
  signals[SIGNAL_SEARCH_ACTIVATED] =
    g_signal_new ("search-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xiaoan/Xiaoan/xa-hazard-filters.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, XaHazardFilters, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XaHazardFilters, category_labels);
  gtk_widget_class_bind_template_child (widget_class, XaHazardFilters, clear_button);
  gtk_widget_class_bind_template_child (widget_class, XaHazardFilters, grade_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XaHazardFilters, grade_labels);
  gtk_widget_class_bind_template_child (widget_class, XaHazardFilters, more_button);
  gtk_widget_class_bind_template_child (widget_class, XaHazardFilters, overdue_check);
  gtk_widget_class_bind_template_child (widget_class, XaHazardFilters, responsible_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XaHazardFilters, responsible_labels);
  gtk_widget_class_bind_template_child (widget_class, XaHazardFilters, school_button);
  gtk_widget_class_bind_template_child (widget_class, XaHazardFilters, school_label);
  gtk_widget_class_bind_template_child (widget_class, XaHazardFilters, search_entry);
  gtk_widget_class_bind_template_child (widget_class, XaHazardFilters, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XaHazardFilters, state_labels);
  gtk_widget_class_bind_template_child (widget_class, XaHazardFilters, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XaHazardFilters, year_labels);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, more_shown_cb);
  gtk_widget_class_bind_template_callback (widget_class, school_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activated_cb);
}

static void
xa_hazard_filters_init (XaHazardFilters *self)
{
  self->quiet++;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->years = g_array_new (FALSE, FALSE, sizeof (int));
  self->search = g_strdup ("");

  /* Translators: the state filter's choice of every state */
  fill_choices (self->state_labels, C_("hazard filters", "All States"), XA_HAZARD_FIELD_STATE);
  /* Translators: the grade filter's choice of every grade */
  fill_choices (self->grade_labels, _("All Grades"), XA_HAZARD_FIELD_GRADE);
  /* Translators: the category filter's choice of every category */
  fill_choices (self->category_labels, _("All Categories"), XA_HAZARD_FIELD_CATEGORY);
  /* Translators: the responsible-person filter's choice of everyone */
  gtk_string_list_append (self->responsible_labels, _("Everyone"));
  fill_years (self);
  /* The current school year first. */
  gtk_drop_down_set_selected (self->year_dropdown, 1);
  update_school_label (self);
  update_more_button (self);
  self->quiet--;
}

/**
 * xa_hazard_filters_set_book:
 *
 * Set once, when the section is built.
 */
void
xa_hazard_filters_set_book (XaHazardFilters  *self,
                            XaHazardBook     *book,
                            XaSchoolRegistry *registry)
{
  g_return_if_fail (XA_IS_HAZARD_FILTERS (self));
  g_return_if_fail (XA_IS_HAZARD_BOOK (book));
  g_return_if_fail (XA_IS_SCHOOL_REGISTRY (registry));

  g_set_object (&self->book, book);
  g_set_object (&self->registry, registry);
  g_signal_connect_object (xa_hazard_book_get_store (book), "records-changed::hazard",
                           G_CALLBACK (hazards_changed_cb), self, G_CONNECT_SWAPPED);
  update_school_label (self);
  self->responsible_stale = TRUE;
}

/**
 * xa_hazard_filters_get_filter:
 * @filter: (out caller-allocates): filled; its strings are the widget's, valid until
 *   the next change
 */
void
xa_hazard_filters_get_filter (XaHazardFilters *self,
                              XaHazardFilter  *filter)
{
  guint year = gtk_drop_down_get_selected (self->year_dropdown);
  int responsible = choice (self->responsible_dropdown);

  g_return_if_fail (XA_IS_HAZARD_FILTERS (self));
  g_return_if_fail (filter != NULL);

  xa_hazard_filter_init (filter);
  filter->school_uuid = self->school_uuid;
  filter->school_year = year < self->years->len ? g_array_index (self->years, int, year) : 0;
  filter->state = choice (self->state_dropdown);
  filter->grade = choice (self->grade_dropdown);
  filter->category = choice (self->category_dropdown);
  filter->overdue_only = gtk_check_button_get_active (self->overdue_check);
  filter->responsible = responsible >= 0 && self->responsible != NULL ? self->responsible[responsible] : NULL;
  filter->search = self->search[0] != '\0' ? self->search : NULL;
}

/**
 * xa_hazard_filters_get_school:
 *
 * Returns: (nullable): the school chosen, or %NULL for all schools
 */
const char *
xa_hazard_filters_get_school (XaHazardFilters *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_FILTERS (self), NULL);

  return self->school_uuid;
}

/**
 * xa_hazard_filters_set_school:
 * @school_uuid: (nullable): a school, or %NULL for all
 */
void
xa_hazard_filters_set_school (XaHazardFilters *self,
                              const char      *school_uuid)
{
  g_return_if_fail (XA_IS_HAZARD_FILTERS (self));

  if (g_strcmp0 (self->school_uuid, school_uuid) == 0)
    return;

  g_free (self->school_uuid);
  self->school_uuid = g_strdup (school_uuid);
  update_school_label (self);
  /* The person chosen may be nobody at the school now chosen: the list widens. */
  self->quiet++;
  gtk_drop_down_set_selected (self->responsible_dropdown, 0);
  self->quiet--;
  self->responsible_stale = TRUE;
  emit_changed (self);
}

/**
 * xa_hazard_filters_set_year:
 * @school_year: a school year by the year it starts, or 0 for every year
 */
void
xa_hazard_filters_set_year (XaHazardFilters *self,
                            int              school_year)
{
  g_return_if_fail (XA_IS_HAZARD_FILTERS (self));

  for (guint i = 0; i < self->years->len; i++)
    if (g_array_index (self->years, int, i) == school_year)
      gtk_drop_down_set_selected (self->year_dropdown, i);
}

void
xa_hazard_filters_set_search (XaHazardFilters *self,
                              const char      *text)
{
  g_return_if_fail (XA_IS_HAZARD_FILTERS (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  /* At once, not after the search's delay. */
  changed_cb (self);
}

/**
 * xa_hazard_filters_set_state:
 * @state: an #XaHazardState, or -1 for any
 */
void
xa_hazard_filters_set_state (XaHazardFilters *self,
                             int              state)
{
  g_return_if_fail (XA_IS_HAZARD_FILTERS (self));
  g_return_if_fail (state >= -1 && state < XA_N_HAZARD_STATES);

  gtk_drop_down_set_selected (self->state_dropdown, state + 1);
}

void
xa_hazard_filters_set_overdue (XaHazardFilters *self,
                               gboolean         overdue_only)
{
  g_return_if_fail (XA_IS_HAZARD_FILTERS (self));

  gtk_check_button_set_active (self->overdue_check, overdue_only);
}

/**
 * xa_hazard_filters_show_all_of:
 * @school_uuid: a school
 * @school_year: a school year by the year it starts
 *
 * Every hazard of @school_uuid and @school_year, nothing else narrowing: where a hazard
 * opened from elsewhere (the 汇总) is sure to be listed. One change, told once.
 */
void
xa_hazard_filters_show_all_of (XaHazardFilters *self,
                               const char      *school_uuid,
                               int              school_year)
{
  g_return_if_fail (XA_IS_HAZARD_FILTERS (self));

  self->quiet++;
  xa_hazard_filters_set_school (self, school_uuid);
  xa_hazard_filters_set_year (self, school_year);
  xa_hazard_filters_set_state (self, -1);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_clear_pointer (&self->search, g_free);
  self->search = g_strdup ("");
  self->quiet--;
  clear_clicked_cb (self);
}

/**
 * xa_hazard_filters_get_search_entry:
 *
 * Returns: (transfer none): the search entry, for Ctrl+F
 */
GtkWidget *
xa_hazard_filters_get_search_entry (XaHazardFilters *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_FILTERS (self), NULL);

  return GTK_WIDGET (self->search_entry);
}

/**
 * xa_hazard_filters_count_narrowing:
 *
 * Returns: how many of the filters behind 筛选 narrow the list
 */
guint
xa_hazard_filters_count_narrowing (XaHazardFilters *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_FILTERS (self), 0);

  return (choice (self->grade_dropdown) >= 0) + (choice (self->category_dropdown) >= 0) +
         (choice (self->responsible_dropdown) >= 0) + gtk_check_button_get_active (self->overdue_check);
}
