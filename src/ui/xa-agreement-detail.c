/* xa-agreement-detail.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One school's agreement: its fields and the school's supplementary clauses (editable
 * only while it is a draft; xa-agreement-supplements.c), the steps it went through with
 * who and when, the buttons for the next step, and the preview of its pages with
 * printing and PDF export. Its comparison with its template or with the revision before
 * takes the whole detail, in the templates' comparison view, until its back button. The agreement shown is the detail's own copy, read
 * from the book: the book's list refills after every change of the store.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xa-agreement-detail.h"
#include "xa-agreement-export.h"
#include "xa-agreement-supplements.h"
#include "xa-page-preview.h"
#include "xa-signing-dialog.h"
#include "xa-template-compare.h"
#include "xa-ui-utils.h"
#include "core/util/xa-date.h"
#include "core/util/xa-school-year.h"

struct _XaAgreementDetail
{
  GtkWidget             parent_instance;

  /* Owned references */
  XaAgreementBook      *book;
  XaFontResolver       *fonts;
  XaAgreement          *agreement;
  char                 *pages_key;
  GtkPrintOperation    *print_operation;
  GFile                *export_file;
  XaSigningChoice      *signing;         /* between the password and the file chosen */
  GCancellable         *cancellable;

  /* Template widgets */
  GtkWidget            *archive_button;
  AdwEntryRow          *commission_row;
  XaTemplateCompare    *compare;
  AdwActionRow         *compare_previous_row;
  AdwComboRow          *copies_row;
  AdwEntryRow          *direct_row;
  AdwEntryRow          *sign_date_row;
  AdwActionRow         *archived_row;
  AdwActionRow         *draft_row;
  AdwPreferencesGroup  *fields_group;
  GtkWidget            *fields_pane;
  AdwEntryRow          *first_row;
  GtkInfoBar           *fonts_bar;
  GtkLabel             *fonts_label;
  GtkLabel             *page_label;
  AdwLeaflet           *panes;
  AdwActionRow         *pending_row;
  XaPagePreview        *preview;
  GtkWidget            *preview_pane;
  GtkScrolledWindow    *preview_scroller;
  GtkWidget            *revise_button;
  AdwEntryRow          *school_name_row;
  GtkWidget            *sign_button;
  AdwActionRow         *signed_row;
  GtkStack             *stack;
  GtkLabel             *state_label;
  GtkWidget            *submit_button;
  AdwActionRow         *successor_row;
  XaAgreementSupplements *supplements;
  GtkLabel             *title_label;
  GtkWidget            *withdraw_button;

  /* State */
  char                 *compared_uuid;   /* the agreement in the comparison shown */
  guint                 busy;
  guint                 filling : 1;
  guint                 choosing : 1;
};

G_DEFINE_FINAL_TYPE (XaAgreementDetail, xa_agreement_detail, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_AGREEMENT,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const state_classes[XA_N_AGREEMENT_STATES] = {
  "draft", "pending", "signed", "archived",
};

static void
set_busy (XaAgreementDetail *self,
          gboolean           busy)
{
  if (busy)
    self->busy++;
  else
    self->busy--;

  if (self->busy <= 1)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static XaCopies
get_copies (XaAgreementDetail *self)
{
  return (XaCopies) adw_combo_row_get_selected (self->copies_row);
}

static void
update_page_label (XaAgreementDetail *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->preview_scroller);
  guint n = xa_page_preview_get_n_pages (self->preview);
  double middle = gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) / 2;
  g_autofree char *text = NULL;

  if (n > 0)
    /* Translators: the page of the preview in view, and how many pages there are. */
    text = g_strdup_printf (_("Page %u of %u"), xa_page_preview_page_at (self->preview, middle) + 1, n);

  gtk_label_set_label (self->page_label, text ? text : "");
}

static void
update_fonts_bar (XaAgreementDetail *self)
{
  g_auto(GStrv) warnings = NULL;
  g_autoptr(GString) text = NULL;

  /* The fonts are still being looked up: the bar shows once they are known. */
  if (self->fonts == NULL)
    {
      gtk_info_bar_set_revealed (self->fonts_bar, FALSE);
      return;
    }

  warnings = xa_font_resolver_dup_warnings (self->fonts);
  text = g_string_new (_("The fonts that GB/T 9704 names are not all installed; "
                         "the preview, the print and the PDF use others:"));

  for (guint i = 0; warnings != NULL && warnings[i] != NULL; i++)
    g_string_append_printf (text, "\n• %s", warnings[i]);

  gtk_label_set_label (self->fonts_label, text->str);
  gtk_info_bar_set_revealed (self->fonts_bar, warnings != NULL && warnings[0] != NULL);
}

/* The layout is made again only when what it shows changed: the list refills after every
 * write of the store, and laying out five pages is work the eye would notice. */
static char *
pages_key (XaAgreement *agreement,
           XaCopies     copies)
{
  g_autofree char *supplements = g_strjoinv ("\x1e", (char **) xa_agreement_get_supplements (agreement));

  return g_strdup_printf ("%s\x1f%d\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%d\x1f%s",
                          xa_agreement_get_uuid (agreement),
                          xa_agreement_get_template_version (agreement),
                          xa_agreement_get_school_name (agreement),
                          xa_agreement_get_commission_name (agreement),
                          xa_agreement_get_first_responsible (agreement),
                          xa_agreement_get_direct_responsible (agreement),
                          xa_agreement_get_successor (agreement),
                          xa_agreement_get_handover_date (agreement),
                          xa_agreement_get_sign_date (agreement),
                          copies, supplements);
}

/* The preview lays the agreement out as stored, in a worker thread: a field applied is
 * saved first, so that the preview is what the export writes. */
static void
update_pages (XaAgreementDetail *self)
{
  g_autofree char *key = NULL;

  /* Nothing to lay out, or not yet the fonts to lay it out in. */
  if (self->agreement == NULL || self->fonts == NULL)
    {
      g_clear_pointer (&self->pages_key, g_free);
      xa_page_preview_set_pages (self->preview, NULL);
      return;
    }

  key = pages_key (self->agreement, get_copies (self));
  if (g_strcmp0 (key, self->pages_key) == 0)
    return;

  xa_page_preview_show_agreement (self->preview, self->book, xa_agreement_get_uuid (self->agreement),
                                  get_copies (self), self->fonts);
  g_free (self->pages_key);
  self->pages_key = g_steal_pointer (&key);
}

/* A template saved in the editor reaches the preview as it reaches the export. */
static void
templates_changed_cb (XaAgreementDetail *self)
{
  g_clear_pointer (&self->pages_key, g_free);
  update_pages (self);
}

static void
set_step_row (XaAgreementDetail *self,
              AdwActionRow      *row,
              XaAgreementState   state)
{
  g_autofree char *when = xa_format_timestamp (xa_agreement_get_step_time (self->agreement, state));
  const char *who = xa_agreement_get_step_operator (self->agreement, state);
  g_autofree char *subtitle = NULL;

  if (when == NULL)
    subtitle = g_strdup (_("Not yet"));
  else if (who != NULL && who[0] != '\0')
    /* Translators: who took a step of an agreement, and when: “张老师 · 2026年11月28日 14:05”. */
    subtitle = g_strdup_printf (_("%s · %s"), who, when);
  else
    subtitle = g_steal_pointer (&when);

  adw_action_row_set_subtitle (row, subtitle);
}

static void
update_actions (XaAgreementDetail *self)
{
  XaAgreement *agreement = self->agreement;
  gboolean current = agreement != NULL && xa_agreement_is_current (agreement);
  XaAgreementState state = agreement ? xa_agreement_get_state (agreement) : XA_AGREEMENT_STATE_DRAFT;
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean idle = self->busy == 0;

  gtk_widget_action_set_enabled (widget, "agreement.submit", idle && current && state == XA_AGREEMENT_STATE_DRAFT);
  gtk_widget_action_set_enabled (widget, "agreement.withdraw", idle && current && state == XA_AGREEMENT_STATE_PENDING);
  gtk_widget_action_set_enabled (widget, "agreement.sign", idle && current && state == XA_AGREEMENT_STATE_PENDING);
  gtk_widget_action_set_enabled (widget, "agreement.archive", idle && current && state == XA_AGREEMENT_STATE_SIGNED);
  gtk_widget_action_set_enabled (widget, "agreement.revise",
                                 idle && current && (state == XA_AGREEMENT_STATE_SIGNED ||
                                                     state == XA_AGREEMENT_STATE_ARCHIVED));
  /* Printing waits for the preview: it prints the pages shown. */
  gtk_widget_action_set_enabled (widget, "agreement.print",
                                 agreement != NULL && self->fonts != NULL &&
                                 !xa_page_preview_get_loading (self->preview));
  gtk_widget_action_set_enabled (widget, "agreement.export",
                                 idle && agreement != NULL && self->fonts != NULL && !self->choosing);
  gtk_widget_action_set_enabled (widget, "agreement.export-signed",
                                 idle && agreement != NULL && self->fonts != NULL && !self->choosing);

  /* Only the buttons of a possible step are shown: a signed agreement offers 归档 and 修订. */
  gtk_widget_set_visible (self->submit_button, state == XA_AGREEMENT_STATE_DRAFT);
  gtk_widget_set_visible (self->withdraw_button, state == XA_AGREEMENT_STATE_PENDING);
  gtk_widget_set_visible (self->sign_button, state == XA_AGREEMENT_STATE_PENDING);
  gtk_widget_set_visible (self->archive_button, state == XA_AGREEMENT_STATE_SIGNED);
  gtk_widget_set_visible (self->revise_button, state >= XA_AGREEMENT_STATE_SIGNED);

  gtk_widget_action_set_enabled (widget, "agreement.compare-template", agreement != NULL);
  gtk_widget_action_set_enabled (widget, "agreement.compare-previous",
                                 agreement != NULL && xa_agreement_get_supersedes (agreement) != NULL);
}

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static void
fill (XaAgreementDetail *self)
{
  XaAgreement *agreement = self->agreement;
  XaAgreementState state;
  g_autofree char *title = NULL;
  gboolean editable;

  /* A comparison stays in view while its agreement is read again; another agreement
   * is shown itself. */
  if (agreement == NULL || g_strcmp0 (xa_agreement_get_uuid (agreement), self->compared_uuid) != 0)
    {
      gtk_stack_set_visible_child_name (self->stack, agreement ? "agreement" : "empty");
      g_clear_pointer (&self->compared_uuid, g_free);
    }
  update_actions (self);
  update_pages (self);
  xa_agreement_supplements_show (self->supplements, agreement);
  if (agreement == NULL)
    return;

  state = xa_agreement_get_state (agreement);
  editable = xa_agreement_is_editable (agreement);

  /* Translators: the heading of an agreement: the school, and the revision (第 2 版). */
  title = g_strdup_printf (_("%s, revision %d"), xa_agreement_get_school_name (agreement),
                           xa_agreement_get_revision (agreement));
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->state_label, xa_agreement_state_to_label (state));
  for (guint i = 0; i < XA_N_AGREEMENT_STATES; i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), state_classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->state_label), state_classes[state]);

  self->filling = TRUE;
  set_entry (self->school_name_row, xa_agreement_get_school_name (agreement));
  set_entry (self->commission_row, xa_agreement_get_commission_name (agreement));
  set_entry (self->first_row, xa_agreement_get_first_responsible (agreement));
  set_entry (self->direct_row, xa_agreement_get_direct_responsible (agreement));
  set_entry (self->sign_date_row, xa_agreement_get_sign_date (agreement));
  self->filling = FALSE;

  gtk_widget_set_sensitive (GTK_WIDGET (self->school_name_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->commission_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->first_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->direct_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sign_date_row), editable);
  /* An entry row's title is one line that does not wrap: the signing date's hint is here,
   * where it wraps at any width. */
  adw_preferences_group_set_description (self->fields_group,
                                         editable ? _("The signing date is written as YYYY-MM-DD, such "
                                                      "as 2021-09-01; left empty, the agreement "
                                                      "prints 年　月　日 to fill in by hand.")
                                                  : _("Only a draft can be changed. Revise a signed "
                                                      "agreement to correct it in a new revision."));

  if (xa_agreement_get_successor (agreement) != NULL)
    {
      g_autofree char *date = xa_date_format_chinese (xa_agreement_get_handover_date (agreement));
      /* Translators: the successor (继任者) and the day they took over. */
      g_autofree char *subtitle = g_strdup_printf (_("%s, from %s"),
                                                   xa_agreement_get_successor (agreement), date);

      adw_action_row_set_subtitle (self->successor_row, subtitle);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->successor_row),
                          xa_agreement_get_successor (agreement) != NULL);

  if (xa_agreement_get_supersedes (agreement) != NULL)
    {
      /* Translators: the revision the agreement supersedes, compared with it. */
      g_autofree char *subtitle = g_strdup_printf (_("What changed since revision %d"),
                                                   xa_agreement_get_revision (agreement) - 1);

      adw_action_row_set_subtitle (self->compare_previous_row, subtitle);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->compare_previous_row),
                          xa_agreement_get_supersedes (agreement) != NULL);

  set_step_row (self, self->draft_row, XA_AGREEMENT_STATE_DRAFT);
  set_step_row (self, self->pending_row, XA_AGREEMENT_STATE_PENDING);
  set_step_row (self, self->signed_row, XA_AGREEMENT_STATE_SIGNED);
  set_step_row (self, self->archived_row, XA_AGREEMENT_STATE_ARCHIVED);
}

static void
reload_agreement (XaAgreementDetail *self)
{
  g_autoptr(XaAgreement) fresh = NULL;
  g_autoptr(GError) error = NULL;

  if (self->agreement == NULL)
    return;

  fresh = xa_agreement_book_dup_by_uuid (self->book, xa_agreement_get_uuid (self->agreement), &error);
  if (fresh == NULL)
    g_warning ("Cannot read agreement %s again: %s", xa_agreement_get_uuid (self->agreement),
               error->message);
  xa_agreement_detail_show_agreement (self, fresh);
}

static void
field_applied_cb (XaAgreementDetail *self,
                  AdwEntryRow       *row)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (self->filling || self->agreement == NULL)
    return;

  if (row == self->school_name_row)
    xa_agreement_set_school_name (self->agreement, stripped);
  else if (row == self->commission_row)
    xa_agreement_set_commission_name (self->agreement, stripped);
  else if (row == self->first_row)
    xa_agreement_set_first_responsible (self->agreement, stripped);
  else if (row == self->direct_row)
    xa_agreement_set_direct_responsible (self->agreement, stripped);
  else if (row == self->sign_date_row)
    xa_agreement_set_sign_date (self->agreement, stripped);

  if (!xa_agreement_book_update (self->book, self->agreement, &error))
    {
      xa_widget_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      /* What is stored stays what is shown. */
      g_clear_pointer (&self->pages_key, g_free);
      reload_agreement (self);
      return;
    }

  update_pages (self);
}

/* The clauses are the agreement's: it is read again, and the preview follows. */
static void
supplements_changed_cb (XaAgreementDetail *self)
{
  reload_agreement (self);
}

static void
copies_changed_cb (XaAgreementDetail *self,
                   GParamSpec        *pspec,
                   AdwComboRow       *row)
{
  update_pages (self);
}

static void
advance (XaAgreementDetail *self,
         XaAgreementState   to)
{
  g_autoptr(GError) error = NULL;

  if (self->agreement == NULL)
    return;

  if (!xa_agreement_book_advance (self->book, xa_agreement_get_uuid (self->agreement), to, &error))
    {
      xa_widget_show_error (GTK_WIDGET (self), _("The Agreement Did Not Change"), error->message);
      return;
    }

  reload_agreement (self);
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XaAgreementDetail *self = XA_AGREEMENT_DETAIL (widget);

  if (g_str_equal (action_name, "agreement.submit"))
    advance (self, XA_AGREEMENT_STATE_PENDING);
  else if (g_str_equal (action_name, "agreement.withdraw"))
    advance (self, XA_AGREEMENT_STATE_DRAFT);
  else if (g_str_equal (action_name, "agreement.sign"))
    advance (self, XA_AGREEMENT_STATE_SIGNED);
  else if (g_str_equal (action_name, "agreement.archive"))
    advance (self, XA_AGREEMENT_STATE_ARCHIVED);
}

static void
revise_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XaAgreementDetail *self = XA_AGREEMENT_DETAIL (widget);
  g_autoptr(XaAgreement) revision = NULL;
  g_autoptr(GError) error = NULL;

  if (self->agreement == NULL)
    return;

  revision = xa_agreement_book_revise (self->book, xa_agreement_get_uuid (self->agreement), &error);
  if (revision == NULL)
    {
      xa_widget_show_error (GTK_WIDGET (self), _("The Agreement Was Not Revised"), error->message);
      return;
    }

  xa_agreement_detail_show_agreement (self, revision);
  xa_widget_add_toast (GTK_WIDGET (self),
                       adw_toast_new_format (_("Revision %d is a draft; the signed revision stays as it was"),
                                             xa_agreement_get_revision (revision)));
}

/* The agreement as the book reads it, against its template or the revision before, in
 * place of the detail until the comparison's back button. */
static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  XaAgreementDetail *self = XA_AGREEMENT_DETAIL (widget);
  gboolean previous = g_str_equal (action_name, "agreement.compare-previous");
  g_autoptr(XaTemplateDiff) diff = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  XaAgreement *agreement = self->agreement;

  if (agreement == NULL)
    return;

  diff = xa_agreement_book_compare (self->book, xa_agreement_get_uuid (agreement),
                                    previous ? XA_AGREEMENT_COMPARE_PREVIOUS : XA_AGREEMENT_COMPARE_TEMPLATE,
                                    &error);
  if (diff == NULL)
    {
      xa_widget_show_error (widget, _("The Agreement Cannot Be Compared"), error->message);
      return;
    }

  if (previous)
    /* Translators: what a comparison shows: the school, the agreement's revision and
     * the one before it. */
    title = g_strdup_printf (_("%s: revision %d against revision %d"), xa_agreement_get_school_name (agreement),
                             xa_agreement_get_revision (agreement), xa_agreement_get_revision (agreement) - 1);
  else
    /* Translators: what a comparison shows: the school, the agreement's revision and
     * the version of the template it was made from. */
    title = g_strdup_printf (_("%s: revision %d against its template, version %d"),
                             xa_agreement_get_school_name (agreement), xa_agreement_get_revision (agreement),
                             xa_template_get_version (xa_template_diff_get_old (diff)));

  xa_template_compare_show_diff (self->compare, diff, title);
  g_free (self->compared_uuid);
  self->compared_uuid = g_strdup (xa_agreement_get_uuid (agreement));
  gtk_stack_set_visible_child_name (self->stack, "compare");
}

static void
show_agreement_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  XaAgreementDetail *self = XA_AGREEMENT_DETAIL (widget);

  g_clear_pointer (&self->compared_uuid, g_free);
  gtk_stack_set_visible_child_name (self->stack, self->agreement ? "agreement" : "empty");
}

static void
print_done_cb (XaAgreementDetail       *self,
               GtkPrintOperationResult  result,
               GtkPrintOperation       *operation)
{
  if (self->print_operation == operation)
    g_clear_object (&self->print_operation);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  XaAgreementDetail *self = XA_AGREEMENT_DETAIL (widget);
  g_autoptr(XaPrintOperation) operation = NULL;

  if (self->print_operation != NULL || (operation = xa_agreement_detail_new_print_operation (self)) == NULL)
    return;

  self->print_operation = GTK_PRINT_OPERATION (g_object_ref (operation));
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, G_CONNECT_SWAPPED);
  if (!xa_print_operation_run_dialog (operation, widget, _("The Agreement Was Not Printed")))
    g_clear_object (&self->print_operation);
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(XaAgreementDetail) self = user_data;
  g_autoptr(GFile) file = g_steal_pointer (&self->export_file);
  g_autoptr(GError) error = NULL;

  set_busy (self, FALSE);
  update_actions (self);

  xa_agreement_export_finish (result, &error);
  xa_widget_report_export (GTK_WIDGET (self), file, error);
}

static void
export_file_chosen_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(XaAgreementDetail) self = user_data;
  g_autoptr(GFile) file = xa_choose_file_finish (result, NULL);

  self->choosing = FALSE;
  update_actions (self);

  if (file != NULL)
    xa_agreement_detail_export_to_file (self, file);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XaAgreementDetail *self = XA_AGREEMENT_DETAIL (widget);
  g_autofree char *name = NULL;

  if (self->agreement == NULL || self->choosing)
    return;

  name = xa_agreement_dup_file_name (self->agreement);
  self->choosing = TRUE;
  update_actions (self);
  xa_choose_pdf_file_async (widget, _("Export Agreement as PDF"), name, self->cancellable, export_file_chosen_cb,
                            g_object_ref (self));
}

static void
signed_file_chosen_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(XaAgreementDetail) self = user_data;
  g_autoptr(GFile) file = xa_choose_file_finish (result, NULL);
  g_autoptr(XaSigningChoice) signing = g_steal_pointer (&self->signing);

  self->choosing = FALSE;
  update_actions (self);

  if (file != NULL && signing != NULL)
    xa_agreement_detail_export_signed_to_file (self, signing->p12_path, signing->password,
                                               signing->visible, file);
}

static void
signing_chosen_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(XaAgreementDetail) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *signed_name = NULL;

  g_clear_pointer (&self->signing, xa_signing_choice_free);
  self->signing = xa_ask_signing_finish (result, &error);
  if (self->signing == NULL || self->agreement == NULL)
    {
      self->choosing = FALSE;
      update_actions (self);
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        xa_widget_show_error (GTK_WIDGET (self), _("The PDF Was Not Signed"), error->message);
      return;
    }

  name = xa_agreement_dup_file_name (self->agreement);
  stem = g_str_has_suffix (name, ".pdf") ? g_strndup (name, strlen (name) - 4) : g_strdup (name);
  /* Translators: the name offered for a signed PDF; %s is the agreement's own file name
   * without .pdf, such as 2150000113-示例区实验小学 */
  signed_name = g_strdup_printf (_("%s-signed.pdf"), stem);
  xa_choose_pdf_file_async (GTK_WIDGET (self), _("Export Digitally Signed PDF"), signed_name,
                            self->cancellable, signed_file_chosen_cb, g_object_ref (self));
}

/* "导出数字签名 PDF…": the certificate and its password first, then the file. */
static void
export_signed_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  XaAgreementDetail *self = XA_AGREEMENT_DETAIL (widget);

  if (self->agreement == NULL || self->choosing)
    return;

  self->choosing = TRUE;
  update_actions (self);
  xa_ask_signing_async (widget, self->cancellable, signing_chosen_cb, g_object_ref (self));
}

static void
scrolled_cb (XaAgreementDetail *self)
{
  update_page_label (self);
}

static void
xa_agreement_detail_dispose (GObject *object)
{
  XaAgreementDetail *self = XA_AGREEMENT_DETAIL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->print_operation);
  g_clear_object (&self->export_file);
  g_clear_pointer (&self->signing, xa_signing_choice_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), XA_TYPE_AGREEMENT_DETAIL);

  g_clear_object (&self->agreement);
  g_clear_object (&self->fonts);
  g_clear_object (&self->book);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (xa_agreement_detail_parent_class)->dispose (object);
}

static void
xa_agreement_detail_finalize (GObject *object)
{
  XaAgreementDetail *self = XA_AGREEMENT_DETAIL (object);

  g_clear_pointer (&self->pages_key, g_free);
  g_clear_pointer (&self->compared_uuid, g_free);

  G_OBJECT_CLASS (xa_agreement_detail_parent_class)->finalize (object);
}

static void
xa_agreement_detail_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  XaAgreementDetail *self = XA_AGREEMENT_DETAIL (object);

  switch (prop_id)
    {
    case PROP_AGREEMENT:
      g_value_set_object (value, self->agreement);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy > 0);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Below the breakpoint the fields and the preview are one pane each (the panes leaflet):
 * the preview is a button away, and the page's back button returns to the fields. */
static void
show_preview_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  XaAgreementDetail *self = XA_AGREEMENT_DETAIL (widget);

  adw_leaflet_set_visible_child (self->panes, self->preview_pane);
}

static void
xa_agreement_detail_class_init (XaAgreementDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_agreement_detail_dispose;
  object_class->finalize = xa_agreement_detail_finalize;
  object_class->get_property = xa_agreement_detail_get_property;

  properties[PROP_AGREEMENT] =
    g_param_spec_object ("agreement", NULL, NULL,
                         XA_TYPE_AGREEMENT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* Whether a PDF is being written; tests wait for it to turn FALSE. */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (XA_TYPE_PAGE_PREVIEW);
  g_type_ensure (XA_TYPE_AGREEMENT_SUPPLEMENTS);
  g_type_ensure (XA_TYPE_TEMPLATE_COMPARE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xiaoan/Xiaoan/xa-agreement-detail.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementDetail, archive_button);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementDetail, archived_row);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementDetail, commission_row);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementDetail, compare);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementDetail, compare_previous_row);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementDetail, copies_row);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementDetail, direct_row);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementDetail, draft_row);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementDetail, fields_group);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementDetail, fields_pane);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementDetail, first_row);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementDetail, sign_date_row);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementDetail, fonts_bar);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementDetail, fonts_label);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementDetail, page_label);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementDetail, panes);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementDetail, pending_row);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementDetail, preview);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementDetail, preview_pane);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementDetail, preview_scroller);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementDetail, revise_button);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementDetail, school_name_row);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementDetail, sign_button);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementDetail, signed_row);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementDetail, state_label);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementDetail, submit_button);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementDetail, successor_row);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementDetail, supplements);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementDetail, withdraw_button);
  gtk_widget_class_bind_template_callback (widget_class, copies_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, supplements_changed_cb);

  gtk_widget_class_install_action (widget_class, "agreement.submit", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "agreement.withdraw", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "agreement.sign", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "agreement.archive", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "agreement.revise", NULL, revise_action);
  gtk_widget_class_install_action (widget_class, "agreement.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "agreement.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "agreement.export-signed", NULL, export_signed_action);
  gtk_widget_class_install_action (widget_class, "agreement.compare-template", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "agreement.compare-previous", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "agreement.show-agreement", NULL, show_agreement_action);
  gtk_widget_class_install_action (widget_class, "agreement.show-preview", NULL, show_preview_action);
}

static void
xa_agreement_detail_init (XaAgreementDetail *self)
{
  GtkEventController *controller;
  GtkAdjustment *adjustment;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Ctrl+P prints the agreement shown wherever the focus is in the window, the list of
   * agreements included: the window handles it while the detail shows. */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_p, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("agreement.print")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  self->cancellable = g_cancellable_new ();
  xa_template_compare_set_back_action (self->compare, "agreement.show-agreement", _("Back to the Agreement"));

  adjustment = gtk_scrolled_window_get_vadjustment (self->preview_scroller);
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (scrolled_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (scrolled_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->preview, "notify::n-pages", G_CALLBACK (scrolled_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->preview, "notify::loading", G_CALLBACK (update_actions), self,
                           G_CONNECT_SWAPPED);

  fill (self);
}

/**
 * xa_agreement_detail_set_book:
 *
 * Set once, when the section is built.
 */
void
xa_agreement_detail_set_book (XaAgreementDetail *self,
                              XaAgreementBook   *book)
{
  g_return_if_fail (XA_IS_AGREEMENT_DETAIL (self));
  g_return_if_fail (XA_IS_AGREEMENT_BOOK (book));

  if (!g_set_object (&self->book, book))
    return;

  xa_agreement_supplements_set_book (self->supplements, book);
  g_signal_connect_object (xa_agreement_book_get_store (book), "records-changed::template",
                           G_CALLBACK (templates_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * xa_agreement_detail_set_fonts:
 * @fonts: (nullable): the typefaces, shared with the rest of the section; %NULL while
 *   they are being looked up
 *
 * The preview, the print and the export wait for the fonts; their substitutions are
 * listed over the preview.
 */
void
xa_agreement_detail_set_fonts (XaAgreementDetail *self,
                               XaFontResolver    *fonts)
{
  g_return_if_fail (XA_IS_AGREEMENT_DETAIL (self));
  g_return_if_fail (fonts == NULL || XA_IS_FONT_RESOLVER (fonts));

  if (!g_set_object (&self->fonts, fonts))
    return;

  update_fonts_bar (self);
  update_pages (self);
  update_actions (self);
}

/**
 * xa_agreement_detail_get_agreement:
 *
 * Returns: (transfer none) (nullable): the agreement shown
 */
XaAgreement *
xa_agreement_detail_get_agreement (XaAgreementDetail *self)
{
  g_return_val_if_fail (XA_IS_AGREEMENT_DETAIL (self), NULL);

  return self->agreement;
}

/**
 * xa_agreement_detail_show_agreement:
 * @agreement: (nullable): the agreement; the detail keeps a reference and edits it
 */
void
xa_agreement_detail_show_agreement (XaAgreementDetail *self,
                                    XaAgreement       *agreement)
{
  g_return_if_fail (XA_IS_AGREEMENT_DETAIL (self));
  g_return_if_fail (agreement == NULL || XA_IS_AGREEMENT (agreement));
  g_return_if_fail (agreement == NULL || self->book != NULL);

  /* Another agreement opens on its fields; a revision or a refresh stays where it was. */
  if (agreement == NULL || self->agreement == NULL ||
      g_strcmp0 (xa_agreement_get_school_uuid (agreement), xa_agreement_get_school_uuid (self->agreement)) != 0)
    adw_leaflet_set_visible_child (self->panes, self->fields_pane);

  if (g_set_object (&self->agreement, agreement))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGREEMENT]);

  fill (self);
}

/**
 * xa_agreement_detail_get_pages:
 *
 * Returns: (transfer none) (nullable): the pages previewed
 */
XaPageSet *
xa_agreement_detail_get_pages (XaAgreementDetail *self)
{
  g_return_val_if_fail (XA_IS_AGREEMENT_DETAIL (self), NULL);

  return xa_page_preview_get_pages (self->preview);
}

gboolean
xa_agreement_detail_get_busy (XaAgreementDetail *self)
{
  g_return_val_if_fail (XA_IS_AGREEMENT_DETAIL (self), FALSE);

  return self->busy > 0;
}

/**
 * xa_agreement_detail_new_print_operation:
 *
 * The operation "打印…" runs: the previewed pages, named after the school. Tests run it
 * with %GTK_PRINT_OPERATION_ACTION_EXPORT and an export file name.
 *
 * Returns: (transfer full) (nullable): the operation, or %NULL without an agreement
 */
XaPrintOperation *
xa_agreement_detail_new_print_operation (XaAgreementDetail *self)
{
  XaPageSet *pages;
  g_autofree char *job_name = NULL;
  g_autofree char *span = NULL;

  g_return_val_if_fail (XA_IS_AGREEMENT_DETAIL (self), NULL);

  if (self->agreement == NULL || (pages = xa_agreement_detail_get_pages (self)) == NULL)
    return NULL;

  /* Translators: the print job's name: the school's name and the school year. */
  span = xa_school_year_format_span (xa_agreement_get_school_year (self->agreement));
  job_name = g_strdup_printf (_("Agreement of %s, %s"),
                              xa_agreement_get_school_name (self->agreement), span);
  return xa_print_operation_new (pages, job_name);
}

/**
 * xa_agreement_detail_export_to_file:
 * @file: where the PDF goes; replaced when it exists
 *
 * What "导出 PDF…" does once a file is chosen: writes the stored agreement with the
 * originals chosen, in a worker thread, then offers to open the folder. "busy" is TRUE
 * until it is done.
 */
void
xa_agreement_detail_export_to_file (XaAgreementDetail *self,
                                    GFile             *file)
{
  g_return_if_fail (XA_IS_AGREEMENT_DETAIL (self));
  g_return_if_fail (G_IS_FILE (file));

  xa_agreement_detail_export_signed_to_file (self, NULL, NULL, FALSE, file);
}

/**
 * xa_agreement_detail_export_signed_to_file:
 * @p12_path: (type filename) (nullable): the PKCS#12 file to sign with; %NULL for a
 *   PDF without a digital signature
 * @password: (nullable): its password; not kept
 * @visible: whether the signature shows on the last page
 * @file: where the signed PDF goes; replaced when it exists
 *
 * What "导出数字签名 PDF…" does once the certificate, its password and the file are
 * chosen: xa_agreement_detail_export_to_file(), signed. A wrong password or a
 * certificate that cannot sign is said in a dialog, and nothing is written.
 */
void
xa_agreement_detail_export_signed_to_file (XaAgreementDetail *self,
                                           const char        *p12_path,
                                           const char        *password,
                                           gboolean           visible,
                                           GFile             *file)
{
  g_return_if_fail (XA_IS_AGREEMENT_DETAIL (self));
  g_return_if_fail (p12_path == NULL || password != NULL);
  g_return_if_fail (G_IS_FILE (file));

  if (self->agreement == NULL || self->fonts == NULL || self->export_file != NULL)
    return;

  self->export_file = g_object_ref (file);
  set_busy (self, TRUE);
  update_actions (self);
  xa_agreement_export_signed_async (self->book, xa_agreement_get_uuid (self->agreement),
                                    get_copies (self), self->fonts, p12_path, password, visible,
                                    file, self->cancellable, exported_cb, g_object_ref (self));
}
