/* xa-campaign-attachment-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The files of a school's record of a special campaign, in its editor: the scanned
 * 方案, photos of the activities, the signed 总结. Unlike the texts, which are saved
 * together, a file is kept as soon as it is attached (the core stores it in its own
 * transaction): a clerk who attaches twenty photos and closes the window loses none.
 * Opening one opens a copy in the cache folder: a stored file is never handed out to
 * be edited in place.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-campaign-attachment-list.h"
#include "xa-ui-utils.h"

struct _XaCampaignAttachmentList
{
  GtkBox             parent_instance;

  /* Template widgets */
  GtkMenuButton     *attach_button;
  GtkLabel          *heading;
  GtkListBox        *list_box;
  GtkSpinner        *spinner;

  /* Owned references */
  XaInspectionBook  *book;
  char              *campaign_uuid;
  char              *school_uuid;
  GListStore        *attachments;
  GCancellable      *cancellable;

  /* The files of one attach, added one after the other, and what was refused. */
  GPtrArray         *pending;
  XaCampaignParts    pending_part;
  GString           *refusals;
  guint              n_attached;
};

G_DEFINE_FINAL_TYPE (XaCampaignAttachmentList, xa_campaign_attachment_list, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
reload (XaCampaignAttachmentList *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) listed = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->book != NULL &&
      !(listed = xa_campaign_attachments_list (self->book, self->campaign_uuid, self->school_uuid, &error)))
    {
      xa_widget_show_error (GTK_WIDGET (self), _("The Files Were Not Read"), error->message);
      return;
    }

  for (guint i = 0; listed != NULL && i < g_list_model_get_n_items (listed); i++)
    g_ptr_array_add (items, g_list_model_get_item (listed, i));
  g_list_store_splice (self->attachments, 0, g_list_model_get_n_items (G_LIST_MODEL (self->attachments)),
                       items->pdata, items->len);
}

static XaCampaignAttachment *
find_attachment (XaCampaignAttachmentList *self,
                 const char               *uuid)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->attachments)); i++)
    {
      g_autoptr(XaCampaignAttachment) attachment = g_list_model_get_item (G_LIST_MODEL (self->attachments), i);

      if (g_str_equal (xa_campaign_attachment_get_uuid (attachment), uuid))
        return g_steal_pointer (&attachment);
    }

  return NULL;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  XaCampaignAttachment *attachment = item;
  const char *uuid = xa_campaign_attachment_get_uuid (attachment);
  g_autofree char *size = g_format_size ((guint64) xa_campaign_attachment_get_size (attachment));
  g_autofree char *when = xa_format_timestamp (xa_campaign_attachment_get_added_at (attachment));
  g_autofree char *subtitle = NULL;
  g_autofree char *open_label = NULL;
  g_autofree char *remove_label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *open = gtk_button_new_from_icon_name ("document-open-symbolic");
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  /* Translators: a part of the record (方案), the file's size, who attached it and when */
  subtitle = g_strdup_printf (_("%s · %s · %s, %s"), xa_campaign_part_to_label (xa_campaign_attachment_get_part (attachment)),
                              size, xa_campaign_attachment_get_added_by (attachment), when);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), xa_campaign_attachment_get_file_name (attachment));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  /* Translators: %s is a file's name */
  open_label = g_strdup_printf (_("Open “%s”"), xa_campaign_attachment_get_file_name (attachment));
  remove_label = g_strdup_printf (_("Remove “%s”"), xa_campaign_attachment_get_file_name (attachment));
  gtk_widget_set_tooltip_text (open, open_label);
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (open), GTK_ACCESSIBLE_PROPERTY_LABEL, open_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "attachments.open");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (open), "s", uuid);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "attachments.remove");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "s", uuid);
  for (GtkWidget *button = open; button != NULL; button = button == open ? remove : NULL)
    {
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

/* Attaching */

static void
set_busy (XaCampaignAttachmentList *self,
          gboolean                  busy)
{
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "attachments.attach", !busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void attach_next (XaCampaignAttachmentList *self);

static void
attached_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(XaCampaignAttachmentList) self = user_data;
  g_autoptr(XaCampaignAttachment) attachment = NULL;
  g_autoptr(GError) error = NULL;

  attachment = xa_campaign_attachments_add_file_finish (XA_INSPECTION_BOOK (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (attachment == NULL)
    g_string_append_printf (self->refusals, "%s%s", self->refusals->len > 0 ? "\n" : "", error->message);
  else
    self->n_attached++;

  attach_next (self);
}

static void
attach_next (XaCampaignAttachmentList *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (self->pending->len == 0)
    {
      set_busy (self, FALSE);
      reload (self);
      if (self->refusals->len > 0)
        xa_widget_show_error (GTK_WIDGET (self), _("Some Files Were Not Attached"), self->refusals->str);
      if (self->n_attached > 0)
        {
          g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file attached",
                                                                   "%u files attached", self->n_attached),
                                                      self->n_attached);

          xa_widget_add_toast (GTK_WIDGET (self), adw_toast_new (message));
        }
      return;
    }

  file = g_ptr_array_steal_index (self->pending, 0);
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_string_append_printf (self->refusals, "%s%s", self->refusals->len > 0 ? "\n" : "", name);
      attach_next (self);
      return;
    }

  xa_campaign_attachments_add_file_async (self->book, self->campaign_uuid, self->school_uuid, self->pending_part,
                                          path, self->cancellable, attached_cb, g_object_ref (self));
}

/**
 * xa_campaign_attachment_list_attach:
 * @files: (element-type GFile): the files chosen
 *
 * Attaches @files to @part one after the other, off the main thread; refusals are named
 * together at the end, and the list is read again.
 */
void
xa_campaign_attachment_list_attach (XaCampaignAttachmentList *self,
                                    XaCampaignParts           part,
                                    GListModel               *files)
{
  g_return_if_fail (XA_IS_CAMPAIGN_ATTACHMENT_LIST (self));
  g_return_if_fail (G_IS_LIST_MODEL (files));
  g_return_if_fail (self->book != NULL);

  if (xa_campaign_attachment_list_get_busy (self))
    return;

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    g_ptr_array_add (self->pending, g_list_model_get_item (files, i));
  self->pending_part = part;
  self->n_attached = 0;
  g_string_truncate (self->refusals, 0);
  set_busy (self, TRUE);
  attach_next (self);
}

static void
files_chosen_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  XaCampaignAttachmentList *self = XA_CAMPAIGN_ATTACHMENT_LIST (object);
  XaCampaignParts part = GPOINTER_TO_UINT (user_data);
  g_autoptr(GListModel) files = xa_choose_files_finish (result, NULL);

  if (files != NULL)
    xa_campaign_attachment_list_attach (self, part, files);
}

static void
attach_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XaCampaignParts part = XA_CAMPAIGN_PART_PLAN;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  const char *patterns[] = { "*.pdf", "*.jpg", "*.jpeg", "*.png", "*.doc", "*.docx", "*.xls", "*.xlsx",
                             "*.ppt", "*.pptx", "*.wps", "*.et" };
  g_autofree char *title = NULL;

  if (!xa_campaign_part_from_key (g_variant_get_string (parameter, NULL), &part))
    return;

  gtk_file_filter_set_name (filter, _("Documents and photos"));
  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    {
      g_autofree char *upper = g_ascii_strup (patterns[i], -1);

      gtk_file_filter_add_pattern (filter, patterns[i]);
      gtk_file_filter_add_pattern (filter, upper);
    }

  /* Translators: %s is a part of a campaign's record: 方案, 记录 or 总结 */
  title = g_strdup_printf (_("Attach Files to the %s"), xa_campaign_part_to_label (part));
  xa_choose_files_async (widget, title, _("_Attach"), filter, NULL, files_chosen_cb, GUINT_TO_POINTER (part));
}

/* Removing */

typedef struct
{
  XaCampaignAttachmentList *self;
  char                     *uuid;
} Removal;

static void
removal_free (Removal *removal)
{
  g_object_unref (removal->self);
  g_free (removal->uuid);
  g_free (removal);
}

static void
removal_confirmed_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  Removal *removal = user_data;
  g_autoptr(GError) error = NULL;

  if (xa_confirm_finish (result, NULL))
    {
      if (!xa_campaign_attachments_remove (removal->self->book, removal->uuid, &error))
        xa_widget_show_error (GTK_WIDGET (removal->self), _("The File Was Not Removed"), error->message);
      reload (removal->self);
    }
  removal_free (removal);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XaCampaignAttachmentList *self = XA_CAMPAIGN_ATTACHMENT_LIST (widget);
  g_autoptr(XaCampaignAttachment) attachment = find_attachment (self, g_variant_get_string (parameter, NULL));
  g_autofree char *body = NULL;
  Removal *removal;

  if (attachment == NULL)
    return;

  /* Translators: a file's name, then the part of the record it documents (方案) */
  body = g_strdup_printf (_("“%s” will no longer be part of the %s. The audit log keeps a record that it was attached."),
                          xa_campaign_attachment_get_file_name (attachment),
                          xa_campaign_part_to_label (xa_campaign_attachment_get_part (attachment)));
  removal = g_new0 (Removal, 1);
  removal->self = g_object_ref (self);
  removal->uuid = g_strdup (xa_campaign_attachment_get_uuid (attachment));
  xa_confirm_removal_async (widget, _("Remove the File?"), body, _("_Remove"), removal_confirmed_cb, removal);
}

/* Opening: a copy in the cache folder, named by its content and name */

static void
copy_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  XaCampaignAttachmentList *self = source_object;
  XaCampaignAttachment *attachment = task_data;
  g_autoptr(GBytes) content = NULL;
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "xiaoan", "attachments",
                                           xa_campaign_attachment_get_sha256 (attachment), NULL);
  g_autofree char *path = g_build_filename (dir, xa_campaign_attachment_get_file_name (attachment), NULL);
  GError *error = NULL;

  if (!(content = xa_campaign_attachments_dup_content (self->book, attachment, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_set_contents (path, g_bytes_get_data (content, NULL), (gssize) g_bytes_get_size (content), &error))
    {
      if (error == NULL)
        g_set_error (&error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot make the folder “%s”"), dir);
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_filename_to_uri (path, NULL, NULL), g_free);
}

static void
copied_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  XaCampaignAttachmentList *self = XA_CAMPAIGN_ATTACHMENT_LIST (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_task_propagate_pointer (G_TASK (result), &error);
  GtkRoot *root;

  if (uri == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        xa_widget_show_error (GTK_WIDGET (self), _("The File Was Not Opened"), error->message);
      return;
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XaCampaignAttachmentList *self = XA_CAMPAIGN_ATTACHMENT_LIST (widget);
  g_autoptr(XaCampaignAttachment) attachment = find_attachment (self, g_variant_get_string (parameter, NULL));
  g_autoptr(GTask) task = NULL;

  if (attachment == NULL)
    return;

  task = g_task_new (self, self->cancellable, copied_cb, NULL);
  g_task_set_source_tag (task, open_action);
  g_task_set_task_data (task, g_steal_pointer (&attachment), g_object_unref);
  g_task_run_in_thread (task, copy_worker);
}

/* The object */

static void
xa_campaign_attachment_list_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  XaCampaignAttachmentList *self = XA_CAMPAIGN_ATTACHMENT_LIST (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, xa_campaign_attachment_list_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_campaign_attachment_list_dispose (GObject *object)
{
  XaCampaignAttachmentList *self = XA_CAMPAIGN_ATTACHMENT_LIST (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), XA_TYPE_CAMPAIGN_ATTACHMENT_LIST);
  g_clear_object (&self->book);
  g_clear_object (&self->attachments);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->pending, g_ptr_array_unref);

  G_OBJECT_CLASS (xa_campaign_attachment_list_parent_class)->dispose (object);
}

static void
xa_campaign_attachment_list_finalize (GObject *object)
{
  XaCampaignAttachmentList *self = XA_CAMPAIGN_ATTACHMENT_LIST (object);

  g_free (self->campaign_uuid);
  g_free (self->school_uuid);
  g_string_free (self->refusals, TRUE);

  G_OBJECT_CLASS (xa_campaign_attachment_list_parent_class)->finalize (object);
}

static void
xa_campaign_attachment_list_class_init (XaCampaignAttachmentListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = xa_campaign_attachment_list_get_property;
  object_class->dispose = xa_campaign_attachment_list_dispose;
  object_class->finalize = xa_campaign_attachment_list_finalize;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xiaoan/Xiaoan/xa-campaign-attachment-list.ui");
  gtk_widget_class_bind_template_child (widget_class, XaCampaignAttachmentList, attach_button);
  gtk_widget_class_bind_template_child (widget_class, XaCampaignAttachmentList, heading);
  gtk_widget_class_bind_template_child (widget_class, XaCampaignAttachmentList, list_box);
  gtk_widget_class_bind_template_child (widget_class, XaCampaignAttachmentList, spinner);

  gtk_widget_class_install_action (widget_class, "attachments.attach", "s", attach_action);
  gtk_widget_class_install_action (widget_class, "attachments.open", "s", open_action);
  gtk_widget_class_install_action (widget_class, "attachments.remove", "s", remove_action);
}

static void
xa_campaign_attachment_list_init (XaCampaignAttachmentList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->attachments = g_list_store_new (XA_TYPE_CAMPAIGN_ATTACHMENT);
  self->cancellable = g_cancellable_new ();
  self->pending = g_ptr_array_new_with_free_func (g_object_unref);
  self->refusals = g_string_new (NULL);
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->attachments), create_row, NULL, NULL);
}

/**
 * xa_campaign_attachment_list_set_record:
 *
 * Shows the files of @school_uuid's record of @campaign_uuid.
 */
void
xa_campaign_attachment_list_set_record (XaCampaignAttachmentList *self,
                                        XaInspectionBook         *book,
                                        const char               *campaign_uuid,
                                        const char               *school_uuid)
{
  g_return_if_fail (XA_IS_CAMPAIGN_ATTACHMENT_LIST (self));
  g_return_if_fail (XA_IS_INSPECTION_BOOK (book));

  g_set_object (&self->book, book);
  g_free (self->campaign_uuid);
  self->campaign_uuid = g_strdup (campaign_uuid);
  g_free (self->school_uuid);
  self->school_uuid = g_strdup (school_uuid);
  reload (self);
}

GListModel *
xa_campaign_attachment_list_get_attachments (XaCampaignAttachmentList *self)
{
  g_return_val_if_fail (XA_IS_CAMPAIGN_ATTACHMENT_LIST (self), NULL);
  return G_LIST_MODEL (self->attachments);
}

gboolean
xa_campaign_attachment_list_get_busy (XaCampaignAttachmentList *self)
{
  g_return_val_if_fail (XA_IS_CAMPAIGN_ATTACHMENT_LIST (self), FALSE);
  return gtk_widget_get_visible (GTK_WIDGET (self->spinner));
}
