/* xa-campaign-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A school's record of one special campaign (专项整治): its plan (方案), what it carried
 * out (开展情况) and its summary (总结), each a text of several lines, opened from a cell
 * of the campaigns' grid. Ctrl+S saves the three in one transaction through the core
 * (xa_inspection_book_save_campaign_record()); the grid follows the store's change.
 * Closing with edits not saved asks to save, discard or stay (xa-unsaved.c).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-campaign-editor.h"
#include "xa-accessible.h"
#include "xa-ui-utils.h"
#include "xa-unsaved.h"

struct _XaCampaignEditor
{
  AdwWindow          parent_instance;

  /* Owned references */
  XaInspectionBook  *book;
  XaCampaignRecord  *record;
  char              *campaign_name;
  char              *school_name;

  /* Template widgets */
  GtkTextView       *activities_view;
  XaCampaignAttachmentList *attachment_list;
  GtkLabel          *error_label;
  GtkTextView       *plan_view;
  GtkLabel          *status_label;
  GtkTextView       *summary_view;
  AdwToastOverlay   *toast_overlay;
  AdwWindowTitle    *window_title;

  /* State */
  gboolean           dirty;
  gboolean           filling;
  gboolean           close_confirmed;
};

static void xa_campaign_editor_unsaved_init (XaUnsavedInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (XaCampaignEditor, xa_campaign_editor, ADW_TYPE_WINDOW,
                               G_IMPLEMENT_INTERFACE (XA_TYPE_UNSAVED, xa_campaign_editor_unsaved_init))

static void
update_title (XaCampaignEditor *self)
{
  /* Translators: the school, then “Not saved” */
  g_autofree char *unsaved = g_strdup_printf (_("%s · %s"), self->school_name, _("Not saved"));

  adw_window_title_set_subtitle (self->window_title, self->dirty ? unsaved : self->school_name);
}

static void
set_dirty (XaCampaignEditor *self,
           gboolean          dirty)
{
  if (self->filling || self->dirty == dirty)
    return;

  self->dirty = dirty;
  update_title (self);
}

static void
changed_cb (XaCampaignEditor *self)
{
  set_dirty (self, TRUE);
}

static char *
dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
fill (XaCampaignEditor *self)
{
  const char *updated_at = xa_campaign_record_get_updated_at (self->record);
  g_autofree char *status = NULL;

  self->filling = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->plan_view), xa_campaign_record_get_plan (self->record), -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->activities_view),
                            xa_campaign_record_get_activities (self->record), -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->summary_view),
                            xa_campaign_record_get_summary (self->record), -1);
  self->filling = FALSE;

  if (updated_at != NULL && updated_at[0] != '\0')
    {
      g_autofree char *when = xa_format_timestamp (updated_at);

      /* Translators: the status of a campaign's record (进行中), when it was saved, by whom */
      status = g_strdup_printf (_("%s · saved %s by %s"),
                                xa_campaign_status_to_label (xa_campaign_status_of_parts (
                                  xa_campaign_record_get_parts (self->record))),
                                when, xa_campaign_record_get_updated_by (self->record));
    }
  else
    status = g_strdup (_("Nothing of this campaign is recorded for the school yet."));
  gtk_label_set_text (self->status_label, status);
  update_title (self);
}

static void
show_error (XaCampaignEditor *self,
            const char       *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* The three parts, in one transaction. */
static gboolean
save (XaCampaignEditor  *self,
      GError           **error)
{
  g_autoptr(XaCampaignRecord) edited = xa_campaign_record_copy (self->record);
  g_autofree char *plan = dup_text (self->plan_view);
  g_autofree char *activities = dup_text (self->activities_view);
  g_autofree char *summary = dup_text (self->summary_view);
  g_autoptr(GError) local_error = NULL;

  xa_campaign_record_set_plan (edited, plan);
  xa_campaign_record_set_activities (edited, activities);
  xa_campaign_record_set_summary (edited, summary);
  if (!xa_inspection_book_save_campaign_record (self->book, edited, &local_error))
    {
      show_error (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_set_object (&self->record, edited);
  show_error (self, NULL);
  self->dirty = FALSE;
  fill (self);
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XaCampaignEditor *self = XA_CAMPAIGN_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (save (self, &error))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Campaign record saved")));
}

/* Unsaved edits */

static char *
xa_campaign_editor_dup_unsaved (XaUnsaved *unsaved)
{
  XaCampaignEditor *self = XA_CAMPAIGN_EDITOR (unsaved);

  if (!self->dirty)
    return NULL;

  /* Translators: what holds unsaved edits, in “%s has changes that are not saved”:
   * a school and a campaign (向阳小学“防溺水”专项整治记录) */
  return g_strdup_printf (_("The record of %s for the campaign “%s”"), self->school_name, self->campaign_name);
}

static gboolean
xa_campaign_editor_save (XaUnsaved  *unsaved,
                         GError    **error)
{
  return save (XA_CAMPAIGN_EDITOR (unsaved), error);
}

static void
xa_campaign_editor_discard (XaUnsaved *unsaved)
{
  XaCampaignEditor *self = XA_CAMPAIGN_EDITOR (unsaved);

  self->dirty = FALSE;
  show_error (self, NULL);
  fill (self);
}

static void
xa_campaign_editor_unsaved_init (XaUnsavedInterface *iface)
{
  iface->dup_unsaved = xa_campaign_editor_dup_unsaved;
  iface->save = xa_campaign_editor_save;
  iface->discard = xa_campaign_editor_discard;
}

static void
close_guarded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(XaCampaignEditor) self = user_data;

  if (!xa_unsaved_guard_finish (XA_UNSAVED (object), result))
    return;
  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
xa_campaign_editor_close_request (GtkWindow *window)
{
  XaCampaignEditor *self = XA_CAMPAIGN_EDITOR (window);

  if (!self->dirty || self->close_confirmed)
    return GTK_WINDOW_CLASS (xa_campaign_editor_parent_class)->close_request (window);

  xa_unsaved_guard_async (XA_UNSAVED (self), NULL, close_guarded_cb, g_object_ref (self));
  return TRUE;
}

/* The object */

static void
xa_campaign_editor_dispose (GObject *object)
{
  XaCampaignEditor *self = XA_CAMPAIGN_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), XA_TYPE_CAMPAIGN_EDITOR);
  g_clear_object (&self->book);
  g_clear_object (&self->record);
  g_clear_pointer (&self->campaign_name, g_free);
  g_clear_pointer (&self->school_name, g_free);

  G_OBJECT_CLASS (xa_campaign_editor_parent_class)->dispose (object);
}

static void
xa_campaign_editor_class_init (XaCampaignEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = xa_campaign_editor_dispose;
  window_class->close_request = xa_campaign_editor_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xiaoan/Xiaoan/xa-campaign-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, XaCampaignEditor, activities_view);
  gtk_widget_class_bind_template_child (widget_class, XaCampaignEditor, attachment_list);
  gtk_widget_class_bind_template_child (widget_class, XaCampaignEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, XaCampaignEditor, plan_view);
  gtk_widget_class_bind_template_child (widget_class, XaCampaignEditor, status_label);
  gtk_widget_class_bind_template_child (widget_class, XaCampaignEditor, summary_view);
  gtk_widget_class_bind_template_child (widget_class, XaCampaignEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, XaCampaignEditor, window_title);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
xa_campaign_editor_init (XaCampaignEditor *self)
{
  GtkTextView *views[3];

  g_type_ensure (XA_TYPE_CAMPAIGN_ATTACHMENT_LIST);
  gtk_widget_init_template (GTK_WIDGET (self));

  views[0] = self->plan_view;
  views[1] = self->activities_view;
  views[2] = self->summary_view;
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    g_signal_connect_object (gtk_text_view_get_buffer (views[i]), "changed", G_CALLBACK (changed_cb), self,
                             G_CONNECT_SWAPPED);
}

/**
 * xa_campaign_editor_new:
 * @campaign: a campaign of the school year
 * @school_uuid: the school whose record to edit
 * @school_name: its name, in the title
 *
 * Returns: (transfer floating) (nullable): the editor over the stored record (an empty
 *   one when the school has none yet), to present; %NULL with @error when it cannot be
 *   read
 */
GtkWidget *
xa_campaign_editor_new (XaInspectionBook  *book,
                        XaCampaign        *campaign,
                        const char        *school_uuid,
                        const char        *school_name,
                        GError           **error)
{
  XaCampaignEditor *self;
  g_autoptr(XaCampaignRecord) record = NULL;

  g_return_val_if_fail (XA_IS_INSPECTION_BOOK (book), NULL);
  g_return_val_if_fail (XA_IS_CAMPAIGN (campaign), NULL);
  g_return_val_if_fail (school_uuid != NULL && school_name != NULL, NULL);

  if (!(record = xa_inspection_book_dup_campaign_record (book, xa_campaign_get_uuid (campaign), school_uuid, error)))
    return NULL;

  self = g_object_new (XA_TYPE_CAMPAIGN_EDITOR, NULL);
  self->book = g_object_ref (book);
  self->record = g_steal_pointer (&record);
  self->campaign_name = g_strdup (xa_campaign_get_name (campaign));
  self->school_name = g_strdup (school_name);
  adw_window_title_set_title (self->window_title, self->campaign_name);
  xa_campaign_attachment_list_set_record (self->attachment_list, book, xa_campaign_get_uuid (campaign), school_uuid);
  fill (self);
  xa_accessible_prepare (GTK_WIDGET (self));
  return GTK_WIDGET (self);
}

/**
 * xa_campaign_editor_get_record:
 *
 * Returns: (transfer none): the record as last read or saved
 */
/**
 * xa_campaign_editor_get_attachment_list:
 *
 * Returns: (transfer none): the record's files
 */
XaCampaignAttachmentList *
xa_campaign_editor_get_attachment_list (XaCampaignEditor *self)
{
  g_return_val_if_fail (XA_IS_CAMPAIGN_EDITOR (self), NULL);
  return self->attachment_list;
}

/**
 * xa_campaign_editor_get_record:
 *
 * Returns: (transfer none): the record as last read or saved
 */
XaCampaignRecord *
xa_campaign_editor_get_record (XaCampaignEditor *self)
{
  g_return_val_if_fail (XA_IS_CAMPAIGN_EDITOR (self), NULL);
  return self->record;
}

gboolean
xa_campaign_editor_get_dirty (XaCampaignEditor *self)
{
  g_return_val_if_fail (XA_IS_CAMPAIGN_EDITOR (self), FALSE);
  return self->dirty;
}
