/* xa-agreement-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The agreements of one school year beside the detail of the selected one: a year to
 * choose, generating for one school or for all, and exporting them all as PDF files into
 * a folder, off the main thread, with a progress bar and a way to cancel.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-accessible.h"
#include "xa-agreement-detail.h"
#include "xa-agreement-export.h"
#include "xa-agreement-list.h"
#include "xa-school-picker.h"
#include "xa-ui-utils.h"
#include "core/util/xa-list-sync.h"
#include "core/util/xa-pinyin.h"
#include "core/util/xa-school-year.h"
#include "xa-application.h"
#include "document/xa-agreement-batch.h"
#include "document/xa-pdf-file.h"

struct _XaAgreementList
{
  GtkWidget           parent_instance;

  /* Owned references */
  XaSchoolRegistry   *registry;
  XaTemplateLibrary  *templates;
  XaAgreementBook    *book;
  XaFontResolver     *fonts;
  GtkFilterListModel *filter_model;
  GtkSingleSelection *selection;
  XaPinyinIndex      *index;
  char               *query;
  GArray             *years;          /* of int, the newest first */
  GArray             *years_templated; /* of gboolean: whether years[i] has a template */
  GSettings          *settings;
  char               *school_uuid;
  char               *viewed_school_uuid; /* selected in the schools section */
  XaSchoolPicker     *school_choice;
  XaAgreementBatch   *batch;
  GCancellable       *batch_cancellable;
  GCancellable       *cancellable;
  GSignalGroup       *shown_signals;   /* on the list's item the detail shows */

  /* Template widgets */
  GtkRevealer        *batch_revealer;
  GtkLabel           *batch_label;
  GtkProgressBar     *batch_progress;
  XaAgreementDetail  *detail;
  AdwStatusPage      *empty_page;
  GtkButton          *empty_button;
  AdwLeaflet         *leaflet;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *state_dropdown;
  GtkStringList      *state_labels;
  GtkDropDown        *year_dropdown;
  GtkStringList      *year_labels;

  /* State */
  guint               reshow_source;
  guint               filling_years : 1;
  guint               years_filled : 1;
  guint               choosing : 1;
};

G_DEFINE_FINAL_TYPE (XaAgreementList, xa_agreement_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EXPORTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const state_classes[XA_N_AGREEMENT_STATES] = {
  "draft", "pending", "signed", "archived",
};

static gboolean
year_has_template (XaAgreementList *self)
{
  guint selected = gtk_drop_down_get_selected (self->year_dropdown);

  return self->years_templated != NULL && selected < self->years_templated->len &&
         g_array_index (self->years_templated, gboolean, selected);
}

/* The empty list says what to do: make the year's template from the newest one when the
 * year has none, else generate the agreements. */
static void
update_empty_page (XaAgreementList *self)
{
  if (year_has_template (self) || self->years == NULL || self->years->len == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Agreements Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Generate the agreements of this school year from its template: for one school or for all of them."));
      gtk_button_set_label (self->empty_button, _("_Generate for All Schools…"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->empty_button), "agreements.generate-all");
      xa_accessible_prepare (GTK_WIDGET (self->empty_button));
      return;
    }

  adw_status_page_set_title (self->empty_page, _("No Template for This School Year"));
  adw_status_page_set_description (self->empty_page,
                                   _("Make this year's template from the newest one in one step, then generate the agreements. The template can be edited first in the templates view."));
  gtk_button_set_label (self->empty_button, _("_Make From the Newest Template"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->empty_button), "agreements.make-template");
  /* A new label is a new accessible label, mnemonic included. */
  xa_accessible_prepare (GTK_WIDGET (self->empty_button));
}

static void
update_actions (XaAgreementList *self)
{
  gboolean has_year = year_has_template (self);
  guint n = self->book ? g_list_model_get_n_items (xa_agreement_book_get_agreements (self->book)) : 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agreements.generate-one", has_year);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agreements.generate-all", has_year);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agreements.export-all",
                                 n > 0 && self->fonts != NULL && self->batch == NULL &&
                                 !self->choosing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agreements.cancel-export", self->batch != NULL);
}

/* The search finds a school by its name, its pinyin or initials, or its code; the state
 * filter's first choice is every state, then one per state in their order. */
static gboolean
match_agreement (gpointer item,
                 gpointer user_data)
{
  XaAgreementList *self = user_data;
  XaAgreement *agreement = item;
  guint state = gtk_drop_down_get_selected (self->state_dropdown);

  if (state != 0 && state != GTK_INVALID_LIST_POSITION &&
      xa_agreement_get_state (agreement) != (XaAgreementState) (state - 1))
    return FALSE;

  return xa_pinyin_index_match (self->index, xa_agreement_get_school_name (agreement), self->query) ||
         xa_pinyin_index_match (self->index, xa_agreement_get_school_code (agreement), self->query);
}

/* The list, else why it is empty: nothing found, or nothing generated yet. */
static void
update_list_page (XaAgreementList *self)
{
  GListModel *agreements = xa_agreement_book_get_agreements (self->book);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else if (g_list_model_get_n_items (agreements) > 0)
    xa_stack_show_page (self->list_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

static void
filter_changed_cb (XaAgreementList *self)
{
  if (self->filter_model == NULL)
    return;

  g_free (self->query);
  self->query = xa_pinyin_normalise_query (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  gtk_filter_changed (gtk_filter_list_model_get_filter (self->filter_model), GTK_FILTER_CHANGE_DIFFERENT);
  update_list_page (self);
}

/* Enter in the search goes to the first agreement found, in the list: the arrow keys
 * then move among the others. */
static void
search_activated_cb (XaAgreementList *self)
{
  if (self->selection != NULL)
    xa_list_view_focus_first (self->list_view);
}

static guint
find_school (XaAgreementList *self,
             const char      *school_uuid)
{
  return xa_list_find_key (G_LIST_MODEL (self->selection),
                           (const char *(*) (gpointer)) xa_agreement_get_school_uuid, school_uuid);
}

/* The detail gets its own copy: it edits the fields of a draft, and the list's items
 * are shared with a batch export that may be reading them in other threads. */
static void
show_selected (XaAgreementList *self)
{
  XaAgreement *item = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(XaAgreement) copy = NULL;
  g_autoptr(GError) error = NULL;

  g_signal_group_set_target (self->shown_signals, item);

  if (item != NULL)
    {
      g_free (self->school_uuid);
      self->school_uuid = g_strdup (xa_agreement_get_school_uuid (item));
      copy = xa_agreement_book_dup_by_uuid (self->book, xa_agreement_get_uuid (item), &error);
      if (copy == NULL)
        g_warning ("Cannot read agreement %s: %s", xa_agreement_get_uuid (item), error->message);
    }

  xa_agreement_detail_show_agreement (self->detail, copy);
}

static void
selection_changed_cb (XaAgreementList    *self,
                      GParamSpec         *pspec,
                      GtkSingleSelection *selection)
{
  show_selected (self);
}

static gboolean
reshow_cb (gpointer user_data)
{
  XaAgreementList *self = user_data;

  self->reshow_source = 0;
  show_selected (self);
  return G_SOURCE_REMOVE;
}

/* The book updates the shown agreement's item in place when it changes (moved on by a
 * step, edited elsewhere); the detail, which holds a copy, is given a fresh one once the
 * burst of notifications is over. */
static void
shown_changed_cb (XaAgreementList *self,
                  GParamSpec      *pspec,
                  XaAgreement     *agreement)
{
  if (self->reshow_source == 0)
    self->reshow_source = g_idle_add (reshow_cb, self);
}

/* A revision takes its school's row with a new agreement, and a year's list is replaced
 * when the year changes: keep the school that was shown. */
static void
agreements_changed_cb (XaAgreementList *self,
                       guint            position,
                       guint            removed,
                       guint            added,
                       GListModel      *agreements)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  guint found = find_school (self, self->school_uuid);

  g_signal_handlers_block_by_func (self->selection, selection_changed_cb, self);
  if (found != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, found);
  else if (n > 0)
    gtk_single_selection_set_selected (self->selection, 0);
  g_signal_handlers_unblock_by_func (self->selection, selection_changed_cb, self);

  show_selected (self);
  update_list_page (self);
  update_empty_page (self);
  update_actions (self);
}

static int
get_year (XaAgreementList *self)
{
  guint selected = gtk_drop_down_get_selected (self->year_dropdown);

  if (self->years == NULL || selected >= self->years->len)
    return 0;

  return g_array_index (self->years, int, selected);
}

static void
year_selected_cb (XaAgreementList *self,
                  GParamSpec      *pspec,
                  GtkDropDown     *dropdown)
{
  int year = get_year (self);

  if (self->filling_years || self->book == NULL || year == 0)
    return;

  xa_agreement_book_set_school_year (self->book, year);
  g_settings_set_int (self->settings, "agreement-year", year);
  update_empty_page (self);
  update_actions (self);
}

static guint
find_year (GArray *years,
           int     year)
{
  for (guint i = 0; i < years->len; i++)
    {
      if (g_array_index (years, int, i) == year)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* The years offered: those with a template, and the current school year by the calendar
 * with or without one (its page offers to make it from the newest). The list opens on
 * the year last viewed, else on the current one, and keeps the year shown afterwards. */
static void
templates_changed_cb (XaAgreementList *self)
{
  GListModel *templates = xa_template_library_get_templates (self->templates);
  guint n = g_list_model_get_n_items (templates);
  g_autoptr(GDate) today = g_date_new ();
  int current;
  int wanted;
  guint selected;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  g_date_set_time_t (today, time (NULL));
  current = xa_school_year_for_date (today);

  g_array_set_size (self->years, 0);
  g_array_set_size (self->years_templated, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XaTemplate) template = g_list_model_get_item (templates, i);
      int year = xa_template_get_school_year (template);
      gboolean templated = TRUE;

      /* The library lists the newest year first, and a year's versions together. */
      if (self->years->len > 0 && g_array_index (self->years, int, self->years->len - 1) == year)
        continue;

      if (current > year && find_year (self->years, current) == GTK_INVALID_LIST_POSITION)
        {
          gboolean none = FALSE;

          g_array_append_val (self->years, current);
          g_array_append_val (self->years_templated, none);
        }
      g_array_append_val (self->years, year);
      g_array_append_val (self->years_templated, templated);
    }
  if (find_year (self->years, current) == GTK_INVALID_LIST_POSITION)
    {
      gboolean none = FALSE;

      g_array_append_val (self->years, current);
      g_array_append_val (self->years_templated, none);
    }

  for (guint i = 0; i < self->years->len; i++)
    {
      g_autofree char *year = xa_school_year_format (g_array_index (self->years, int, i), FALSE);

      g_ptr_array_add (labels, g_array_index (self->years_templated, gboolean, i)
                               ? g_steal_pointer (&year)
                               /* Translators: a school year that has no agreement template yet. */
                               : g_strdup_printf (_("%s (no template yet)"), year));
    }
  g_ptr_array_add (labels, NULL);

  wanted = self->years_filled ? xa_agreement_book_get_school_year (self->book)
                              : g_settings_get_int (self->settings, "agreement-year");
  if ((selected = find_year (self->years, wanted)) == GTK_INVALID_LIST_POSITION)
    selected = find_year (self->years, current);
  self->years_filled = TRUE;

  self->filling_years = TRUE;
  gtk_string_list_splice (self->year_labels, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->year_labels)),
                          (const char * const *) labels->pdata);
  gtk_drop_down_set_selected (self->year_dropdown, selected);
  self->filling_years = FALSE;

  xa_agreement_book_set_school_year (self->book, get_year (self));
  update_empty_page (self);
  update_actions (self);
}

/* "用最新模板制作": the year shown gets a copy of the newest template, its spans of
 * years moved to this year. */
static void
make_template_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  XaAgreementList *self = XA_AGREEMENT_LIST (widget);
  GListModel *templates = xa_template_library_get_templates (self->templates);
  g_autoptr(XaTemplate) newest = NULL;
  g_autoptr(XaTemplate) latest = NULL;
  g_autoptr(XaTemplate) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *span = NULL;

  if (g_list_model_get_n_items (templates) == 0)
    return;

  newest = g_list_model_get_item (templates, 0);
  if (!(latest = xa_template_library_dup_latest (self->templates, xa_template_get_school_year (newest), &error)) ||
      !(copy = xa_template_library_copy_to_year (self->templates, latest, get_year (self), &error)))
    {
      xa_widget_show_error (widget, _("The Template Was Not Made"), error->message);
      return;
    }

  span = xa_school_year_format (xa_template_get_school_year (copy), FALSE);
  /* Translators: %s is a school year, 2026—2027学年度. */
  xa_widget_add_toast (widget, adw_toast_new_format (_("Made the template of %s from the newest one"), span));
}

static void
list_activated_cb (XaAgreementList *self,
                   guint            position,
                   GtkListView     *list_view)
{
  gtk_single_selection_set_selected (self->selection, position);
  /* Side by side the detail is already there; bringing it forward would take the focus
   * from the list, whose arrow keys go on to the next row. */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail));
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  XaAgreement *agreement = gtk_list_item_get_item (item);
  XaAgreementState state = xa_agreement_get_state (agreement);
  g_autofree char *text = NULL;

  if (xa_agreement_get_successor (agreement) != NULL)
    /* Translators: under a school in the agreement list: 第 2 版 · 继任：李强 */
    text = g_strdup_printf (_("Revision %d · succeeded by %s"), xa_agreement_get_revision (agreement),
                            xa_agreement_get_successor (agreement));
  else
    text = g_strdup_printf (_("Revision %d"), xa_agreement_get_revision (agreement));

  xa_badge_row_set (gtk_list_item_get_child (item), xa_agreement_get_school_name (agreement), text,
                    xa_agreement_state_to_label (state), state_classes[state]);
}

/* Generating */

static void
generate_all_confirmed_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(XaAgreementList) self = user_data;
  g_autoptr(GError) error = NULL;
  guint n_made = 0;

  if (!xa_confirm_finish (result, NULL))
    return;

  if (!xa_agreement_book_generate_all (self->book, get_year (self), &n_made, &error))
    {
      xa_widget_show_error (GTK_WIDGET (self), _("No Agreement Was Generated"), error->message);
      return;
    }

  xa_widget_add_toast (GTK_WIDGET (self),
                       adw_toast_new_format (g_dngettext (GETTEXT_PACKAGE,
                                                          "Generated %u agreement",
                                                          "Generated %u agreements", n_made),
                                             n_made));
}

static void
generate_all_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  XaAgreementList *self = XA_AGREEMENT_LIST (widget);
  g_autofree char *year = xa_school_year_format (get_year (self), FALSE);
  g_autofree char *body = NULL;

  /* Translators: %s is a school year, 2021—2022学年度. */
  body = g_strdup_printf (_("Every school without an agreement for %s gets a draft made from "
                            "the year's latest template. Existing agreements stay as they are."),
                          year);
  xa_confirm_async (widget, _("Generate Agreements for All Schools?"), body, NULL,
                    _("_Generate"), self->cancellable, generate_all_confirmed_cb,
                    g_object_ref (self));
}

static void
generate_one_confirmed_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(XaAgreementList) self = user_data;
  g_autoptr(XaAgreement) agreement = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XaSchoolPicker) picker = g_steal_pointer (&self->school_choice);
  XaOrganisation *school = xa_school_picker_get_selected (picker);

  if (!xa_confirm_finish (result, NULL) || school == NULL)
    return;

  g_free (self->school_uuid);
  self->school_uuid = g_strdup (xa_organisation_get_uuid (school));
  agreement = xa_agreement_book_generate (self->book, self->school_uuid, get_year (self), &error);
  if (agreement == NULL)
    xa_widget_show_error (GTK_WIDGET (self), _("No Agreement Was Generated"), error->message);
}

/* The dialog's 生成 waits for a school: a search that finds none leaves nothing to pick. */
static void
school_choice_changed_cb (XaSchoolPicker *picker)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (picker));

  if (ADW_IS_MESSAGE_DIALOG (root))
    adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (root), "confirm",
                                             xa_school_picker_get_selected (picker) != NULL);
}

/* "为一所学校…": the schools of the year without an agreement, to pick from by typing, the
 * school being viewed chosen already: the one selected in the schools section, else the
 * one whose agreement is shown. */
static void
generate_one_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  XaAgreementList *self = XA_AGREEMENT_LIST (widget);
  GListModel *schools = xa_school_registry_get_schools (self->registry);
  GListModel *agreements = xa_agreement_book_get_agreements (self->book);
  g_autoptr(GHashTable) have = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GListStore) without = g_list_store_new (XA_TYPE_ORGANISATION);
  gboolean viewed_pickable = FALSE;
  GtkWidget *picker;

  for (guint i = 0; i < g_list_model_get_n_items (agreements); i++)
    {
      g_autoptr(XaAgreement) agreement = g_list_model_get_item (agreements, i);

      g_hash_table_add (have, (gpointer) xa_agreement_get_school_uuid (agreement));
    }

  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(XaOrganisation) school = g_list_model_get_item (schools, i);

      if (g_hash_table_contains (have, xa_organisation_get_uuid (school)))
        continue;
      g_list_store_append (without, school);
      if (g_strcmp0 (xa_organisation_get_uuid (school), self->viewed_school_uuid) == 0)
        viewed_pickable = TRUE;
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (without)) == 0)
    {
      xa_widget_add_toast (widget, adw_toast_new (_("Every school already has its agreement")));
      return;
    }

  picker = xa_school_picker_new (G_LIST_MODEL (without));
  xa_school_picker_set_current (XA_SCHOOL_PICKER (picker),
                                viewed_pickable ? self->viewed_school_uuid : self->school_uuid);
  g_set_object (&self->school_choice, XA_SCHOOL_PICKER (picker));

  xa_confirm_async (widget, _("Generate an Agreement"),
                    _("The school's agreement is made as a draft from the year's latest template."),
                    picker, _("_Generate"), self->cancellable, generate_one_confirmed_cb,
                    g_object_ref (self));
  g_signal_connect (picker, "notify::selected", G_CALLBACK (school_choice_changed_cb), NULL);
}

/* Exporting them all */

static void
batch_progress_cb (XaAgreementList *self)
{
  guint done = xa_agreement_batch_get_n_done (self->batch);
  guint total = xa_agreement_batch_get_n_items (self->batch);
  /* Translators: the progress of exporting every agreement: “已导出 12 / 40”. */
  g_autofree char *text = g_strdup_printf (_("Exported %u of %u"), done, total);

  gtk_progress_bar_set_fraction (self->batch_progress, xa_agreement_batch_get_fraction (self->batch));
  gtk_label_set_label (self->batch_label, text);
}

static void
batch_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(XaAgreementList) self = user_data;
  g_autoptr(XaAgreementBatch) batch = g_steal_pointer (&self->batch);
  g_autoptr(GError) error = NULL;
  guint done = xa_agreement_batch_get_n_done (batch);

  g_clear_object (&self->batch_cancellable);
  gtk_revealer_set_reveal_child (self->batch_revealer, FALSE);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPORTING]);

  if (!xa_agreement_batch_run_finish (batch, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        xa_widget_add_toast (GTK_WIDGET (self),
                             adw_toast_new_format (_("Export cancelled after %u files"), done));
      else
        xa_widget_show_error (GTK_WIDGET (self), _("Not All Agreements Were Exported"), error->message);
      return;
    }

  xa_widget_add_toast (GTK_WIDGET (self),
                       adw_toast_new_format (g_dngettext (GETTEXT_PACKAGE,
                                                          "Exported %u agreement",
                                                          "Exported %u agreements", done),
                                             done));
}

static void
folder_chosen_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(XaAgreementList) self = user_data;
  g_autoptr(GFile) folder = xa_choose_file_finish (result, NULL);

  self->choosing = FALSE;
  update_actions (self);

  if (folder != NULL)
    xa_agreement_list_export_all (self, folder, XA_COPIES_BOTH);
}

static void
export_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  XaAgreementList *self = XA_AGREEMENT_LIST (widget);

  if (self->choosing || self->batch != NULL)
    return;

  self->choosing = TRUE;
  update_actions (self);
  xa_choose_file_async (widget, GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                        _("Export All Agreements into a Folder"), _("_Export"), NULL, NULL,
                        self->cancellable, folder_chosen_cb, g_object_ref (self));
}

static void
cancel_export_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  XaAgreementList *self = XA_AGREEMENT_LIST (widget);

  if (self->batch_cancellable != NULL)
    g_cancellable_cancel (self->batch_cancellable);
}

static void
xa_agreement_list_dispose (GObject *object)
{
  XaAgreementList *self = XA_AGREEMENT_LIST (object);

  g_cancellable_cancel (self->cancellable);
  if (self->batch_cancellable != NULL)
    g_cancellable_cancel (self->batch_cancellable);
  g_clear_object (&self->school_choice);
  g_clear_handle_id (&self->reshow_source, g_source_remove);
  if (self->shown_signals != NULL)
    g_signal_group_set_target (self->shown_signals, NULL);
  g_clear_object (&self->shown_signals);

  gtk_widget_dispose_template (GTK_WIDGET (self), XA_TYPE_AGREEMENT_LIST);

  g_clear_object (&self->selection);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->book);
  g_clear_object (&self->templates);
  g_clear_object (&self->registry);
  g_clear_object (&self->fonts);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (xa_agreement_list_parent_class)->dispose (object);
}

static void
xa_agreement_list_finalize (GObject *object)
{
  XaAgreementList *self = XA_AGREEMENT_LIST (object);

  g_clear_pointer (&self->years, g_array_unref);
  g_clear_pointer (&self->years_templated, g_array_unref);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->school_uuid, g_free);
  g_clear_pointer (&self->viewed_school_uuid, g_free);
  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->index, xa_pinyin_index_free);

  G_OBJECT_CLASS (xa_agreement_list_parent_class)->finalize (object);
}

static void
xa_agreement_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  XaAgreementList *self = XA_AGREEMENT_LIST (object);

  switch (prop_id)
    {
    case PROP_EXPORTING:
      g_value_set_boolean (value, self->batch != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_agreement_list_class_init (XaAgreementListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_agreement_list_dispose;
  object_class->finalize = xa_agreement_list_finalize;
  object_class->get_property = xa_agreement_list_get_property;

  /* Whether the agreements are being exported into a folder. */
  properties[PROP_EXPORTING] =
    g_param_spec_boolean ("exporting", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (XA_TYPE_AGREEMENT_DETAIL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xiaoan/Xiaoan/xa-agreement-list.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementList, batch_label);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementList, batch_progress);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementList, batch_revealer);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementList, detail);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementList, empty_page);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementList, empty_button);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementList, leaflet);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementList, list_stack);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementList, list_view);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementList, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementList, state_labels);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementList, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementList, year_labels);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, year_selected_cb);

  gtk_widget_class_install_action (widget_class, "agreements.generate-one", NULL, generate_one_action);
  gtk_widget_class_install_action (widget_class, "agreements.generate-all", NULL, generate_all_action);
  gtk_widget_class_install_action (widget_class, "agreements.make-template", NULL, make_template_action);
  gtk_widget_class_install_action (widget_class, "agreements.export-all", NULL, export_all_action);
  gtk_widget_class_install_action (widget_class, "agreements.cancel-export", NULL, cancel_export_action);
}

static void
xa_agreement_list_init (XaAgreementList *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  xa_list_set_single_tab_stop (GTK_WIDGET (self->list_view));

  self->cancellable = g_cancellable_new ();
  self->years = g_array_new (FALSE, FALSE, sizeof (int));
  self->years_templated = g_array_new (FALSE, FALSE, sizeof (gboolean));
  self->settings = g_settings_new (XA_SETTINGS_SCHEMA_ID);
  self->index = xa_pinyin_index_new (XA_PINYIN_PLACE);

  /* Translators: the state filter of the agreement list: every state. */
  gtk_string_list_append (self->state_labels, _("All States"));
  for (XaAgreementState state = 0; state < XA_N_AGREEMENT_STATES; state++)
    gtk_string_list_append (self->state_labels, xa_agreement_state_to_label (state));

  self->shown_signals = g_signal_group_new (XA_TYPE_AGREEMENT);
  g_signal_group_connect_swapped (self->shown_signals, "notify",
                                  G_CALLBACK (shown_changed_cb), self);

  g_signal_connect (factory, "setup", G_CALLBACK (xa_badge_row_setup_opening_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  update_actions (self);
}

/**
 * xa_agreement_list_set_book:
 *
 * Set once, when the section is built.
 */
void
xa_agreement_list_set_book (XaAgreementList   *self,
                            XaSchoolRegistry  *registry,
                            XaTemplateLibrary *templates,
                            XaAgreementBook   *book)
{
  GListModel *agreements;

  g_return_if_fail (XA_IS_AGREEMENT_LIST (self));
  g_return_if_fail (self->book == NULL);

  self->registry = g_object_ref (registry);
  self->templates = g_object_ref (templates);
  self->book = g_object_ref (book);
  xa_agreement_detail_set_book (self->detail, book);

  agreements = xa_agreement_book_get_agreements (book);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (agreements),
                                                  GTK_FILTER (gtk_custom_filter_new (match_agreement, self, NULL)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filter_model)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (agreements, "items-changed", G_CALLBACK (agreements_changed_cb),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (xa_template_library_get_templates (templates), "items-changed",
                           G_CALLBACK (templates_changed_cb), self, G_CONNECT_SWAPPED);

  templates_changed_cb (self);
  agreements_changed_cb (self, 0, 0, 0, agreements);
}

/**
 * xa_agreement_list_get_detail:
 *
 * Returns: (transfer none): the detail beside the list
 */
/**
 * xa_agreement_list_set_fonts:
 * @fonts: (nullable): the typefaces of the section; %NULL while they are being looked up
 *
 * Exporting waits for the fonts.
 */
void
xa_agreement_list_set_fonts (XaAgreementList *self,
                             XaFontResolver  *fonts)
{
  g_return_if_fail (XA_IS_AGREEMENT_LIST (self));
  g_return_if_fail (fonts == NULL || XA_IS_FONT_RESOLVER (fonts));

  g_set_object (&self->fonts, fonts);
  xa_agreement_detail_set_fonts (self->detail, fonts);
  update_actions (self);
}

XaAgreementDetail *
xa_agreement_list_get_detail (XaAgreementList *self)
{
  g_return_val_if_fail (XA_IS_AGREEMENT_LIST (self), NULL);

  return self->detail;
}

/**
 * xa_agreement_list_select_school:
 *
 * Shows the current agreement of the school for the year shown.
 *
 * Returns: whether the school has one
 */
gboolean
xa_agreement_list_select_school (XaAgreementList *self,
                                 const char      *school_uuid)
{
  guint position;

  g_return_val_if_fail (XA_IS_AGREEMENT_LIST (self), FALSE);

  if ((position = find_school (self, school_uuid)) == GTK_INVALID_LIST_POSITION)
    return FALSE;

  gtk_single_selection_set_selected (self->selection, position);
  return TRUE;
}

/**
 * xa_agreement_list_export_all:
 * @folder: where the files go, one per school, named as xa_agreement_batch_dup_path() says
 *
 * What "全部导出…" does once a folder is chosen: every agreement of the year shown, in
 * worker threads; "exporting" is TRUE until it is over.
 */
void
xa_agreement_list_export_all (XaAgreementList *self,
                              GFile           *folder,
                              XaCopies         copies)
{
  g_autoptr(XaAgreementBatch) batch = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (XA_IS_AGREEMENT_LIST (self));
  g_return_if_fail (G_IS_FILE (folder));

  if (self->batch != NULL || self->fonts == NULL)
    return;

  if (!(path = xa_pdf_file_dup_local_path (folder, &error)) ||
      !(batch = xa_agreement_batch_new_for_book (self->fonts, self->book, &error)) ||
      !xa_agreement_batch_add_year (batch, xa_agreement_book_get_school_year (self->book), path, &error))
    {
      xa_widget_show_error (GTK_WIDGET (self), _("Not All Agreements Were Exported"), error->message);
      return;
    }
  xa_agreement_batch_set_copies (batch, copies);
  xa_agreement_batch_set_page_codes (batch, g_settings_get_boolean (self->settings, "agreement-page-codes"));
  self->batch = g_steal_pointer (&batch);

  self->batch_cancellable = g_cancellable_new ();
  g_signal_connect_object (self->batch, "notify::n-done", G_CALLBACK (batch_progress_cb), self,
                           G_CONNECT_SWAPPED);
  batch_progress_cb (self);
  gtk_revealer_set_reveal_child (self->batch_revealer, TRUE);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPORTING]);

  xa_agreement_batch_run_async (self->batch, self->batch_cancellable, batch_done_cb,
                                g_object_ref (self));
}

gboolean
xa_agreement_list_get_exporting (XaAgreementList *self)
{
  g_return_val_if_fail (XA_IS_AGREEMENT_LIST (self), FALSE);

  return self->batch != NULL;
}

/**
 * xa_agreement_list_set_viewed_school:
 * @school_uuid: (nullable): the school selected in the schools section
 *
 * The school that generating for one school offers first.
 */
void
xa_agreement_list_set_viewed_school (XaAgreementList *self,
                                     const char      *school_uuid)
{
  g_return_if_fail (XA_IS_AGREEMENT_LIST (self));

  g_free (self->viewed_school_uuid);
  self->viewed_school_uuid = g_strdup (school_uuid);
}
