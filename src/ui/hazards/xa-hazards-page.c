/* xa-hazards-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 隐患台账 section (issue 11): the ledger as a table over the book's paged list,
 * filtered and searched in the store, beside the hazard chosen, with its timeline and
 * its steps, or the form of a new or edited hazard. 新增隐患 (Ctrl+N) opens the form on
 * the school shown; leaving the form with edits asks first, whichever way (another row,
 * another hazard, another section, the window closed). A draft a crash left is offered
 * back when the section opens. Below the breakpoint the table and the detail are one
 * pane each, the table down to the columns that matter. The header's menu exports what
 * the filters select (XLSX, CSV, the ledger's PDF), prints it (Ctrl+P) and imports a
 * ledger into the school shown (xa-hazard-file-actions.c).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xa-hazards-page.h"
#include "xa-hazard-summary-view.h"
#include "xa-adaptive.h"
#include "xa-hazard-file-actions.h"
#include "xa-ui-utils.h"
#include "xa-unsaved.h"
#include "core/hazards/xa-hazard-list.h"
#include "core/util/xa-date.h"

struct _XaHazardsPage
{
  GtkWidget          parent_instance;

  /* Owned references */
  XaWorkspace       *workspace;
  XaHazardList      *hazards;
  XaHazardDraft     *draft;
  XaHazardFileActions *files;
  XaHazard          *offered;        /* the draft offered back, until restored or discarded */
  XaHazard          *pending;        /* chosen in the table while the form asked to save */
  GCancellable      *cancellable;
  char              *viewed_school_uuid;

  /* Template widgets */
  GtkButton         *back_button;
  XaHazardDetail    *detail;
  GtkWidget         *detail_pane;
  GtkStack          *detail_stack;
  GtkInfoBar        *draft_bar;
  GtkLabel          *draft_label;
  XaHazardFilters   *filters;
  XaHazardForm      *form;
  AdwLeaflet        *leaflet;
  GtkStack          *list_stack;
  XaHazardSummaryView *summary;
  AdwViewStackPage  *summary_page;
  AdwViewSwitcherBar *switcher_bar;
  AdwViewSwitcherTitle *switcher_title;
  XaHazardTable     *table;
  AdwViewStack      *view_stack;

  /* State */
  gboolean           folded;
  guint              asking : 1;
};

static void xa_hazards_page_unsaved_init (XaUnsavedInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (XaHazardsPage, xa_hazards_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (XA_TYPE_UNSAVED, xa_hazards_page_unsaved_init))

enum {
  PROP_0,
  PROP_FOLDED,
  PROP_WORKSPACE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static XaHazardBook *
get_book (XaHazardsPage *self)
{
  return xa_workspace_get_hazards (self->workspace);
}

/* The count under the title, and the list, else why it is empty. */
static void
update_list_page (XaHazardsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->hazards));
  g_autofree char *count = NULL;
  XaHazardFilter filter;

  /* Translators: how many hazards the ledger shows: “共 12 条” */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hazard", "%u hazards", n), n);
  adw_view_switcher_title_set_subtitle (self->switcher_title, count);

  xa_hazard_filters_get_filter (self->filters, &filter);
  if (n > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else if (filter.search != NULL || filter.state >= 0 || xa_hazard_filters_count_narrowing (self->filters) > 0)
    xa_stack_show_page (self->list_stack, "no-results");
  else
    xa_stack_show_page (self->list_stack, "empty");
}

/* Below the breakpoints the page is one pane at a time: the header's back button returns
 * to the table, then to the sections when the window's sidebar is folded away too. */
static void
update_back_button (XaHazardsPage *self)
{
  /* Over the 汇总 the button leads back to the sections only. */
  gboolean inner = xa_adaptive_find_back (GTK_WIDGET (self->leaflet)) != NULL &&
                   g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "summary") != 0;

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), inner || self->folded);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->back_button),
                               inner ? _("Back to the List") : _("Back to Sections"));
  xa_hazard_table_set_compact (self->table, adw_leaflet_get_folded (self->leaflet));
}

static void
show_detail_pane (XaHazardsPage *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->detail_pane);
}

static gboolean
form_shown (XaHazardsPage *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_stack), "form") == 0;
}

/* The detail reads its own copy: the list's items are a page's, read for the table. */
static void
show_hazard (XaHazardsPage *self,
             XaHazard      *item)
{
  g_autoptr(XaHazard) hazard = NULL;
  g_autoptr(GError) error = NULL;

  if (item != NULL &&
      (hazard = xa_hazard_book_dup_by_uuid (get_book (self), xa_hazard_get_uuid (item), &error)) == NULL)
    g_warning ("Cannot read hazard %s: %s", xa_hazard_get_number (item), error->message);

  xa_hazard_detail_show_hazard (self->detail, hazard);
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
}

static void
leave_guarded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(XaHazardsPage) self = user_data;
  g_autoptr(XaHazard) pending = g_steal_pointer (&self->pending);

  self->asking = FALSE;
  /* 保存 or 放弃 ended the form (form_done_cb); the hazard chosen then opens. */
  if (xa_unsaved_guard_finish (XA_UNSAVED (object), result) && pending != NULL)
    show_hazard (self, pending);
}

/* Another hazard chosen while the form holds edits: asks first, and opens it after. */
static void
guard_form (XaHazardsPage *self,
            XaHazard      *chosen)
{
  g_set_object (&self->pending, chosen);
  if (self->asking)
    return;

  self->asking = TRUE;
  xa_unsaved_guard_async (XA_UNSAVED (self->form), self->cancellable, leave_guarded_cb,
                          g_object_ref (self));
}

static void
selection_changed_cb (XaHazardsPage *self)
{
  XaHazardSelection *selection = xa_hazard_table_get_selection (self->table);
  XaHazard *item = xa_hazard_selection_get_selected_item (selection);
  XaHazard *shown = xa_hazard_detail_get_hazard (self->detail);

  /* A refill of the list drops the selection: the hazard shown stays. */
  if (item == NULL)
    return;

  if (form_shown (self))
    {
      g_autoptr(XaHazard) edited = xa_hazard_form_dup_hazard (self->form);

      /* The hazard being edited chosen again (or read again) leaves the form be. */
      if (g_strcmp0 (xa_hazard_get_uuid (edited), xa_hazard_get_uuid (item)) == 0)
        return;

      if (xa_hazard_form_get_dirty (self->form))
        {
          guard_form (self, item);
          return;
        }
      /* An untouched form simply gives way. */
      xa_hazard_form_discard (self->form);
    }

  if (shown != NULL && g_strcmp0 (xa_hazard_get_uuid (shown), xa_hazard_get_uuid (item)) == 0)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "detail");
      return;
    }

  show_hazard (self, item);
}

static void
table_activated_cb (XaHazardsPage *self,
                    guint          position)
{
  XaHazardSelection *selection = xa_hazard_table_get_selection (self->table);

  xa_hazard_selection_set_selected (selection, position);
  if (!form_shown (self))
    show_detail_pane (self);
}

static void
hazards_changed_cb (XaHazardsPage *self)
{
  update_list_page (self);
}

/* What every listed number begins with: 2021-2022- for one school year, and the
 * school's code after it for one school. */
static char *
dup_number_prefix (XaHazardsPage        *self,
                   const XaHazardFilter *filter)
{
  g_autoptr(XaOrganisation) school = NULL;
  g_autofree char *number = NULL;

  if (filter->school_year == 0)
    return NULL;

  if (filter->school_uuid != NULL)
    school = xa_school_registry_dup_school (xa_workspace_get_registry (self->workspace),
                                            filter->school_uuid, NULL);
  /* A number of the year (and school), its sequence cut off. */
  number = xa_hazard_number_format (filter->school_year, school ? xa_organisation_get_code (school) : "0000000000",
                                    1, NULL);
  if (number == NULL)
    return NULL;
  if (school == NULL)
    return g_strndup (number, strlen ("2021-2022-"));
  *(strrchr (number, '-') + 1) = '\0';
  return g_steal_pointer (&number);
}

static gboolean
filter_equal (const XaHazardFilter *a,
              const XaHazardFilter *b)
{
  return g_strcmp0 (a->school_uuid, b->school_uuid) == 0 && a->school_year == b->school_year &&
         a->state == b->state && a->grade == b->grade && a->category == b->category &&
         a->overdue_only == b->overdue_only && g_strcmp0 (a->today, b->today) == 0 &&
         g_strcmp0 (a->responsible, b->responsible) == 0 && g_strcmp0 (a->search, b->search) == 0;
}

static void
filters_changed_cb (XaHazardsPage *self)
{
  g_autofree char *prefix = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  XaHazardFilter filter;

  if (self->hazards == NULL)
    return;

  /* A search typed back as it was, or a choice made again, reads nothing anew. */
  xa_hazard_filters_get_filter (self->filters, &filter);
  if (filter_equal (&filter, xa_hazard_list_get_filter (self->hazards)))
    return;

  /* The rows the focus is on go with the filter: it waits in the search meanwhile.
   * (GTK 4.8 warned, now and then, of a focus left on a row the list view had
   * dropped when the table gave way to "nothing found".) */
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->table)))
    gtk_widget_grab_focus (xa_hazard_filters_get_search_entry (self->filters));

  prefix = dup_number_prefix (self, &filter);
  xa_hazard_table_set_number_prefix (self->table, prefix);
  xa_hazard_list_set_filter (self->hazards, &filter);
  update_list_page (self);
}

static void
sort_changed_cb (XaHazardsPage *self)
{
  gboolean descending = FALSE;
  XaHazardSort sort = xa_hazard_table_get_sort (self->table, &descending);

  if (self->hazards != NULL)
    xa_hazard_list_set_sort (self->hazards, sort, descending);
}

static void
search_activated_cb (XaHazardsPage *self)
{
  xa_hazard_table_focus_first (self->table);
}

/* The form */

/* The school a new hazard is recorded for: the one the ledger shows, else the one
 * viewed in the schools section, else the school of the hazard shown. */
static const char *
default_school (XaHazardsPage *self)
{
  XaHazard *shown = xa_hazard_detail_get_hazard (self->detail);

  if (xa_hazard_filters_get_school (self->filters) != NULL)
    return xa_hazard_filters_get_school (self->filters);
  if (self->viewed_school_uuid != NULL)
    return self->viewed_school_uuid;
  if (shown != NULL)
    return xa_hazard_get_text (shown, XA_HAZARD_FIELD_SCHOOL_UUID);
  return NULL;
}

static void
open_form (XaHazardsPage *self,
           XaHazard      *hazard)
{
  if (hazard != NULL)
    xa_hazard_form_edit (self->form, hazard);
  else
    xa_hazard_form_start_new (self->form, default_school (self));

  gtk_stack_set_visible_child_name (self->detail_stack, "form");
  adw_view_stack_set_visible_child_name (self->view_stack, "ledger");
  show_detail_pane (self);
}

static void
new_guarded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(XaHazardsPage) self = user_data;

  self->asking = FALSE;
  if (xa_unsaved_guard_finish (XA_UNSAVED (object), result))
    open_form (self, NULL);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  XaHazardsPage *self = XA_HAZARDS_PAGE (widget);

  if (form_shown (self) && xa_hazard_form_get_dirty (self->form))
    {
      if (!self->asking)
        {
          self->asking = TRUE;
          xa_unsaved_guard_async (XA_UNSAVED (self->form), self->cancellable, new_guarded_cb,
                                  g_object_ref (self));
        }
      return;
    }

  open_form (self, NULL);
}

static void
edit_cb (XaHazardsPage *self,
         XaHazard      *hazard)
{
  open_form (self, hazard);
}

static void
form_done_cb (XaHazardsPage *self,
              XaHazard      *saved)
{
  XaHazard *shown = xa_hazard_detail_get_hazard (self->detail);

  if (saved != NULL)
    {
      g_autofree char *text = NULL;

      /* The form edits the hazard shown; any other it saved is a new one. */
      if (shown == NULL || g_strcmp0 (xa_hazard_get_uuid (saved), xa_hazard_get_uuid (shown)) != 0)
        /* Translators: after a new hazard is saved: its number */
        text = g_strdup_printf (_("Recorded hazard %s"), xa_hazard_get_number (saved));
      else
        /* Translators: after an edited hazard is saved: its number */
        text = g_strdup_printf (_("Saved hazard %s"), xa_hazard_get_number (saved));
      xa_widget_add_toast (GTK_WIDGET (self), adw_toast_new (text));
      xa_hazard_detail_show_hazard (self->detail, saved);
    }

  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
}

/* The draft */

static void
offer_draft (XaHazardsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *saved_at = NULL;
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;
  XaHazard *draft = xa_hazard_draft_load (self->draft, &saved_at, &error);

  g_clear_object (&self->offered);
  if (draft == NULL && error == NULL)
    return;

  self->offered = draft;
  when = xa_format_timestamp (saved_at);
  if (draft == NULL)
    text = g_strdup (error->message);
  else if (xa_hazard_get_number (draft)[0] == '\0')
    /* Translators: a draft of a new hazard left by a crash: where it is, and when it was typed */
    text = g_strdup_printf (_("A new hazard (%s) was being recorded when Xiaoan closed, last typed %s."),
                            xa_hazard_get_text (draft, XA_HAZARD_FIELD_PLACE),
                            when ? when : "");
  else
    /* Translators: a draft of an edit left by a crash: the hazard's number, and when it was typed */
    text = g_strdup_printf (_("Hazard %s was being edited when Xiaoan closed, last typed %s."),
                            xa_hazard_get_number (draft), when ? when : "");

  gtk_label_set_label (self->draft_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "hazards.restore-draft", draft != NULL);
  gtk_info_bar_set_revealed (self->draft_bar, TRUE);
}

static void
restore_draft_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  XaHazardsPage *self = XA_HAZARDS_PAGE (widget);
  g_autoptr(XaHazard) draft = g_steal_pointer (&self->offered);

  gtk_info_bar_set_revealed (self->draft_bar, FALSE);
  if (draft == NULL)
    return;

  xa_hazard_form_restore (self->form, draft);
  gtk_stack_set_visible_child_name (self->detail_stack, "form");
  show_detail_pane (self);
}

static void
discard_draft_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  XaHazardsPage *self = XA_HAZARDS_PAGE (widget);
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->offered);
  gtk_info_bar_set_revealed (self->draft_bar, FALSE);
  if (!xa_hazard_draft_discard (self->draft, &error))
    xa_widget_show_error (widget, _("The Draft Was Not Discarded"), error->message);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XaHazardsPage *self = XA_HAZARDS_PAGE (widget);

  gtk_widget_grab_focus (xa_hazard_filters_get_search_entry (self->filters));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XaHazardsPage *self = XA_HAZARDS_PAGE (widget);

  if (!xa_adaptive_go_back (GTK_WIDGET (self->leaflet)))
    gtk_widget_activate_action (widget, "win.back-to-sections", NULL);
}

/* 台账 and 汇总 */

/* The commission's installation holds many schools, a school's its own: only the
 * commission has a 汇总 to switch to. */
static gboolean
is_commission (XaHazardsPage *self)
{
  GListModel *schools = xa_school_registry_get_schools (xa_workspace_get_registry (self->workspace));

  return g_list_model_get_n_items (schools) != 1;
}

static void
update_switcher (XaHazardsPage *self)
{
  gboolean commission = is_commission (self);

  adw_view_stack_page_set_visible (self->summary_page, commission);
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, commission);
  /* Shown or not rather than revealed: GTK 4.8's action bar, revealed as the window
   * narrows, allocated its box a height of -1 on the way. */
  adw_view_switcher_bar_set_reveal (self->switcher_bar, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_bar),
                          commission && adw_view_switcher_title_get_title_visible (self->switcher_title));
  if (!commission)
    adw_view_stack_set_visible_child_name (self->view_stack, "ledger");
}

static void
view_changed_cb (XaHazardsPage *self)
{
  update_back_button (self);
}

/* The position of @uuid in the list the table shows, or GTK_INVALID_LIST_POSITION. The
 * list is one school's year: a few pages at most. */
static guint
find_position (XaHazardsPage *self,
               const char    *uuid)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->hazards));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XaHazard) item = g_list_model_get_item (G_LIST_MODEL (self->hazards), i);

      if (item != NULL && g_strcmp0 (xa_hazard_get_uuid (item), uuid) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* A 重大 hazard chosen in the 汇总: the ledger of its school and year, unfiltered
 * otherwise, with the hazard selected and shown. */
static void
summary_hazard_activated_cb (XaHazardsPage *self,
                             const char    *number)
{
  g_autoptr(XaHazard) hazard = NULL;
  g_autoptr(GError) error = NULL;
  guint position;

  if (!(hazard = xa_hazard_book_dup_by_number (get_book (self), number, &error)))
    {
      xa_widget_show_error (GTK_WIDGET (self), _("The Hazard Was Not Opened"),
                            error != NULL ? error->message : NULL);
      return;
    }

  /* The stack would move the focus of the row hidden to the ledger's first focusable
   * widget (the detail's number, selected whole): it goes to the table below. */
  if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    gtk_root_set_focus (gtk_widget_get_root (GTK_WIDGET (self)), NULL);
  adw_view_stack_set_visible_child_name (self->view_stack, "ledger");
  xa_hazard_filters_show_all_of (self->filters, xa_hazard_get_text (hazard, XA_HAZARD_FIELD_SCHOOL_UUID),
                                 xa_hazard_get_school_year (hazard));

  position = find_position (self, xa_hazard_get_uuid (hazard));
  if (position != GTK_INVALID_LIST_POSITION)
    {
      table_activated_cb (self, position);
      xa_hazard_table_scroll_to (self->table, position);
      gtk_widget_grab_focus (GTK_WIDGET (xa_hazard_table_get_view (self->table)));
    }
  else
    {
      show_hazard (self, hazard);
      show_detail_pane (self);
    }
}

/* The ledger's files (xa-hazard-file-actions.c) */

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XaHazardsPage *self = XA_HAZARDS_PAGE (widget);
  XaLedgerFormat format;

  if (xa_ledger_format_from_key (g_variant_get_string (parameter, NULL), &format))
    xa_hazard_file_actions_choose_export (self->files, format);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  xa_hazard_file_actions_print (XA_HAZARDS_PAGE (widget)->files);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  xa_hazard_file_actions_choose_import (XA_HAZARDS_PAGE (widget)->files);
}

static void
files_busy_cb (XaHazardsPage *self)
{
  gboolean idle = !xa_hazard_file_actions_get_busy (self->files);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "hazards.export", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "hazards.print", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "hazards.import", idle);
}

/* Object */

static void
xa_hazards_page_constructed (GObject *object)
{
  XaHazardsPage *self = XA_HAZARDS_PAGE (object);
  XaHazardBook *book;
  XaSchoolRegistry *registry;
  g_autofree char *draft_path = NULL;
  g_autofree char *prefix = NULL;
  GListModel *schools;
  XaHazardFilter filter;

  G_OBJECT_CLASS (xa_hazards_page_parent_class)->constructed (object);

  g_assert (XA_IS_WORKSPACE (self->workspace));

  book = get_book (self);
  registry = xa_workspace_get_registry (self->workspace);
  draft_path = xa_hazard_draft_dup_path_for (xa_store_get_path (xa_workspace_get_store (self->workspace)));
  self->draft = xa_hazard_draft_new (draft_path);

  xa_hazard_filters_set_book (self->filters, book, registry);
  xa_hazard_detail_set_book (self->detail, book, registry);
  xa_hazard_form_set_book (self->form, book, registry, self->draft);
  self->files = xa_hazard_file_actions_new (GTK_WIDGET (self), book, registry, self->filters);
  g_signal_connect_object (self->files, "notify::busy", G_CALLBACK (files_busy_cb), self, G_CONNECT_SWAPPED);

  /* A school's own installation shows its school; the commission's, every school, and
   * the 汇总 across them. */
  schools = xa_school_registry_get_schools (registry);
  if (g_list_model_get_n_items (schools) == 1)
    {
      g_autoptr(XaOrganisation) only = g_list_model_get_item (schools, 0);

      xa_hazard_filters_set_school (self->filters, xa_organisation_get_uuid (only));
    }
  xa_hazard_summary_view_set_book (self->summary, book, registry);
  g_signal_connect_object (schools, "items-changed", G_CALLBACK (update_switcher), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->switcher_title, "notify::title-visible", G_CALLBACK (update_switcher), self,
                           G_CONNECT_SWAPPED);
  update_switcher (self);

  /* The newest first, as the one found last is the one looked for; of every school's,
   * by the day found rather than by the schools' codes in the numbers. */
  xa_hazard_filters_get_filter (self->filters, &filter);
  self->hazards = xa_hazard_list_new (book, &filter, XA_HAZARD_SORT_FOUND_ON, TRUE);
  prefix = dup_number_prefix (self, &filter);
  xa_hazard_table_set_number_prefix (self->table, prefix);
  xa_hazard_table_set_model (self->table, G_LIST_MODEL (self->hazards));
  xa_hazard_table_sort_by (self->table, XA_HAZARD_SORT_FOUND_ON, TRUE);
  g_signal_connect_object (self->hazards, "items-changed", G_CALLBACK (hazards_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (xa_hazard_table_get_selection (self->table), "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  update_list_page (self);

  offer_draft (self);
}

static void
xa_hazards_page_dispose (GObject *object)
{
  XaHazardsPage *self = XA_HAZARDS_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  if (self->files != NULL)
    xa_hazard_file_actions_cancel (self->files);

  gtk_widget_dispose_template (GTK_WIDGET (self), XA_TYPE_HAZARDS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->hazards);
  g_clear_object (&self->draft);
  g_clear_object (&self->files);
  g_clear_object (&self->offered);
  g_clear_object (&self->pending);
  g_clear_object (&self->workspace);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (xa_hazards_page_parent_class)->dispose (object);
}

static void
xa_hazards_page_finalize (GObject *object)
{
  XaHazardsPage *self = XA_HAZARDS_PAGE (object);

  g_clear_pointer (&self->viewed_school_uuid, g_free);

  G_OBJECT_CLASS (xa_hazards_page_parent_class)->finalize (object);
}

static void
xa_hazards_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  XaHazardsPage *self = XA_HAZARDS_PAGE (object);

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
xa_hazards_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  XaHazardsPage *self = XA_HAZARDS_PAGE (object);

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
xa_hazards_page_class_init (XaHazardsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = xa_hazards_page_constructed;
  object_class->dispose = xa_hazards_page_dispose;
  object_class->finalize = xa_hazards_page_finalize;
  object_class->get_property = xa_hazards_page_get_property;
  object_class->set_property = xa_hazards_page_set_property;

  /* Whether the window's sidebar is folded away, so that this page offers the way back. */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL,
                         XA_TYPE_WORKSPACE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (XA_TYPE_HAZARD_DETAIL);
  g_type_ensure (XA_TYPE_HAZARD_FILTERS);
  g_type_ensure (XA_TYPE_HAZARD_FORM);
  g_type_ensure (XA_TYPE_HAZARD_SUMMARY_VIEW);
  g_type_ensure (XA_TYPE_HAZARD_TABLE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xiaoan/Xiaoan/xa-hazards-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, XaHazardsPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, XaHazardsPage, detail);
  gtk_widget_class_bind_template_child (widget_class, XaHazardsPage, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, XaHazardsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, XaHazardsPage, draft_bar);
  gtk_widget_class_bind_template_child (widget_class, XaHazardsPage, draft_label);
  gtk_widget_class_bind_template_child (widget_class, XaHazardsPage, filters);
  gtk_widget_class_bind_template_child (widget_class, XaHazardsPage, form);
  gtk_widget_class_bind_template_child (widget_class, XaHazardsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, XaHazardsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, XaHazardsPage, summary);
  gtk_widget_class_bind_template_child (widget_class, XaHazardsPage, summary_page);
  gtk_widget_class_bind_template_child (widget_class, XaHazardsPage, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, XaHazardsPage, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, XaHazardsPage, table);
  gtk_widget_class_bind_template_child (widget_class, XaHazardsPage, view_stack);
  gtk_widget_class_bind_template_callback (widget_class, edit_cb);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, form_done_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, sort_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, summary_hazard_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, table_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_changed_cb);

  gtk_widget_class_install_action (widget_class, "hazards.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "hazards.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "hazards.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "hazards.restore-draft", NULL, restore_draft_action);
  gtk_widget_class_install_action (widget_class, "hazards.discard-draft", NULL, discard_draft_action);
  gtk_widget_class_install_action (widget_class, "hazards.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "hazards.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "hazards.import", NULL, import_action);
}

static void
xa_hazards_page_init (XaHazardsPage *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  xa_adaptive_watch (GTK_WIDGET (self->leaflet), G_CALLBACK (update_back_button), self);

  /* Ctrl+N records a hazard, Ctrl+F searches and Ctrl+P prints the ledger wherever the
   * focus is in the section. */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_n, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("hazards.new")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("hazards.search")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_p, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("hazards.print")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/**
 * xa_hazards_page_new:
 * @workspace: the workspace whose hazard ledgers to show
 *
 * Returns: (transfer floating): the hazard ledger's section
 */
GtkWidget *
xa_hazards_page_new (XaWorkspace *workspace)
{
  g_return_val_if_fail (XA_IS_WORKSPACE (workspace), NULL);

  return g_object_new (XA_TYPE_HAZARDS_PAGE, "workspace", workspace, NULL);
}

/**
 * xa_hazards_page_set_viewed_school:
 * @school_uuid: (nullable): the school selected in the schools section
 *
 * The school a new hazard is recorded for when the ledger shows every school.
 */
void
xa_hazards_page_set_viewed_school (XaHazardsPage *self,
                                   const char    *school_uuid)
{
  g_return_if_fail (XA_IS_HAZARDS_PAGE (self));

  g_free (self->viewed_school_uuid);
  self->viewed_school_uuid = g_strdup (school_uuid);
}

XaHazardFilters *
xa_hazards_page_get_filters (XaHazardsPage *self)
{
  g_return_val_if_fail (XA_IS_HAZARDS_PAGE (self), NULL);

  return self->filters;
}

XaHazardTable *
xa_hazards_page_get_table (XaHazardsPage *self)
{
  g_return_val_if_fail (XA_IS_HAZARDS_PAGE (self), NULL);

  return self->table;
}

XaHazardDetail *
xa_hazards_page_get_detail (XaHazardsPage *self)
{
  g_return_val_if_fail (XA_IS_HAZARDS_PAGE (self), NULL);

  return self->detail;
}

XaHazardForm *
xa_hazards_page_get_form (XaHazardsPage *self)
{
  g_return_val_if_fail (XA_IS_HAZARDS_PAGE (self), NULL);

  return self->form;
}

/**
 * xa_hazards_page_get_hazards:
 *
 * Returns: (transfer none): the hazards the table shows, the book's paged list
 */
GListModel *
xa_hazards_page_get_hazards (XaHazardsPage *self)
{
  g_return_val_if_fail (XA_IS_HAZARDS_PAGE (self), NULL);

  return G_LIST_MODEL (self->hazards);
}

/**
 * xa_hazards_page_get_file_actions:
 *
 * Returns: (transfer none): what the ledger's menu does with files and the printer
 */
XaHazardFileActions *
xa_hazards_page_get_file_actions (XaHazardsPage *self)
{
  g_return_val_if_fail (XA_IS_HAZARDS_PAGE (self), NULL);

  return self->files;
}

/**
 * xa_hazards_page_get_draft:
 *
 * Returns: (transfer none): where the form keeps its draft
 */
XaHazardDraft *
xa_hazards_page_get_draft (XaHazardsPage *self)
{
  g_return_val_if_fail (XA_IS_HAZARDS_PAGE (self), NULL);

  return self->draft;
}

gboolean
xa_hazards_page_get_form_shown (XaHazardsPage *self)
{
  g_return_val_if_fail (XA_IS_HAZARDS_PAGE (self), FALSE);

  return form_shown (self);
}

/**
 * xa_hazards_page_get_draft_offered:
 *
 * Returns: whether a draft left by a crash is offered back
 */
gboolean
xa_hazards_page_get_draft_offered (XaHazardsPage *self)
{
  g_return_val_if_fail (XA_IS_HAZARDS_PAGE (self), FALSE);

  return gtk_info_bar_get_revealed (self->draft_bar);
}

/* Unsaved: the page answers for its form, so that the window asks the page it shows. */

static XaUnsaved *
xa_hazards_page_get_holder (XaUnsaved *unsaved)
{
  XaHazardsPage *self = XA_HAZARDS_PAGE (unsaved);

  return form_shown (self) ? XA_UNSAVED (self->form) : NULL;
}

static void
xa_hazards_page_unsaved_init (XaUnsavedInterface *iface)
{
  iface->get_holder = xa_hazards_page_get_holder;
}
