/* xa-seal-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One owner's seal or signature image, where its owner is managed: a school's seal in
 * the school's page, the commission's in Preferences, a person's signature in the
 * person's dialog. The image in use shows as a preview, with who authorised it and
 * when; importing another replaces it (the registry withdraws the one before), and
 * withdrawing asks why. The work runs in the registry (xa-seal-images.c), the file off
 * the main thread; a refused image is explained in a dialog, since its message says
 * what to do.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-seal-row.h"
#include "xa-signature-dialog.h"
#include "xa-ui-utils.h"

struct _XaSealRow
{
  AdwActionRow      parent_instance;

  /* Owned references */
  XaSchoolRegistry *registry;
  XaSealImage      *current;
  GCancellable     *cancellable;
  char             *owner_uuid;
  char             *owner_name;
  XaSealOwner       owner;

  /* Template widgets */
  GtkWidget        *draw_button;
  GtkWidget        *import_button;
  GtkPicture       *preview;
  GtkWidget        *withdraw_button;
};

G_DEFINE_FINAL_TYPE (XaSealRow, xa_seal_row, ADW_TYPE_ACTION_ROW)

static const char *
owner_title (XaSealOwner owner)
{
  switch (owner)
    {
    case XA_SEAL_OWNER_PERSON:
      /* Translators: a person's signature image (签名). */
      return _("Signature");
    case XA_SEAL_OWNER_COMMISSION:
    case XA_SEAL_OWNER_SCHOOL:
    default:
      /* Translators: a school's or the commission's seal image (印章). */
      return _("Seal");
    }
}

static void
update_actions (XaSealRow *self)
{
  gboolean owned = self->registry != NULL && self->owner_uuid != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "seal.import", owned);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "seal.draw", owned);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "seal.withdraw", owned && self->current != NULL);
  gtk_widget_set_visible (self->draw_button, self->owner == XA_SEAL_OWNER_PERSON);
  gtk_widget_set_visible (self->withdraw_button, self->current != NULL);
  gtk_button_set_label (GTK_BUTTON (self->import_button),
                        self->current != NULL ? _("Re_place…") : _("_Import…"));
}

static void
show_current (XaSealRow *self,
              GBytes    *png)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *when = NULL;

  /* No empty square beside the row's title when there is nothing to show. */
  gtk_widget_set_visible (GTK_WIDGET (self->preview), self->current != NULL);
  if (self->current == NULL)
    {
      gtk_picture_set_paintable (self->preview, NULL);
      if (self->owner_uuid == NULL)
        subtitle = g_strdup (_("Save first, then import its image"));
      else if (self->owner == XA_SEAL_OWNER_PERSON)
        subtitle = g_strdup (_("None: agreements leave the line to be signed by hand"));
      else
        subtitle = g_strdup (_("None: agreements show a dashed circle where the seal is stamped by hand"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
      return;
    }

  if (png != NULL && (texture = gdk_texture_new_from_bytes (png, NULL)) != NULL)
    gtk_picture_set_paintable (self->preview, GDK_PAINTABLE (texture));

  when = xa_format_timestamp (xa_seal_image_get_authorised_at (self->current));
  if (xa_seal_image_get_source (self->current) == XA_SEAL_SOURCE_DRAWN)
    /* Translators: who authorised a signature drawn in the app, and when. */
    subtitle = g_strdup_printf (_("Drawn in the app, authorised by %s, %s"),
                                xa_seal_image_get_authorised_by (self->current), when);
  else
    /* Translators: who authorised an imported seal or signature image, and when. */
    subtitle = g_strdup_printf (_("Imported, authorised by %s, %s"),
                                xa_seal_image_get_authorised_by (self->current), when);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
}

/**
 * xa_seal_row_refresh:
 *
 * Reads the owner's image in use again.
 */
void
xa_seal_row_refresh (XaSealRow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = NULL;

  g_return_if_fail (XA_IS_SEAL_ROW (self));

  g_clear_object (&self->current);
  if (self->registry != NULL && self->owner_uuid != NULL)
    {
      self->current = xa_seal_images_dup_current (self->registry, self->owner, self->owner_uuid, &error);
      if (self->current != NULL && !(png = xa_seal_images_dup_content (self->registry, self->current, &error)))
        g_warning ("Cannot read the image: %s", error->message);
      else if (error != NULL)
        g_warning ("Cannot read the image in use: %s", error->message);
    }

  show_current (self, png);
  update_actions (self);
}

/* Importing */

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(XaSealRow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(XaSealImage) image = xa_seal_images_import_finish (XA_SCHOOL_REGISTRY (object), result, &error);

  gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
  if (image == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        xa_widget_show_error (GTK_WIDGET (self), _("Cannot Use the Image"), error->message);
      return;
    }

  xa_seal_row_refresh (self);
  xa_widget_add_toast (GTK_WIDGET (self),
                       adw_toast_new (self->owner == XA_SEAL_OWNER_PERSON ? _("Signature saved")
                                                                          : _("Seal image saved")));
}

static void
import_png (XaSealRow *self,
            GFile     *file,
            GBytes    *png)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  xa_seal_images_import_async (self->registry, self->owner, self->owner_uuid, file, png,
                               self->cancellable, imported_cb, g_object_ref (self));
}

static void
file_chosen_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(XaSealRow) self = user_data;
  g_autoptr(GFile) file = xa_choose_file_finish (result, NULL);

  if (file != NULL && self->registry != NULL)
    import_png (self, file, NULL);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XaSealRow *self = XA_SEAL_ROW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  /* Translators: the kind of file a seal or signature is imported from. */
  gtk_file_filter_set_name (filter, _("PNG images with transparency"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_suffix (filter, "png");
  xa_choose_file_async (widget, GTK_FILE_CHOOSER_ACTION_OPEN,
                        self->owner == XA_SEAL_OWNER_PERSON ? _("Import Signature") : _("Import Seal Image"),
                        _("_Import"), NULL, filter, self->cancellable, file_chosen_cb, g_object_ref (self));
}

static void
signature_saved_cb (XaSealRow         *self,
                    GBytes            *png,
                    XaSignatureDialog *dialog)
{
  if (self->registry != NULL)
    import_png (self, NULL, png);
}

static void
draw_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XaSealRow *self = XA_SEAL_ROW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  XaSignatureDialog *dialog = xa_signature_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       self->owner_name);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (signature_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Withdrawing */

static void
withdraw_confirmed_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(XaSealRow) self = XA_SEAL_ROW (object);
  g_autoptr(GtkWidget) entry = user_data;
  g_autoptr(GError) error = NULL;

  if (!xa_confirm_finish (result, NULL) || self->current == NULL || self->registry == NULL)
    return;

  if (!xa_seal_images_withdraw (self->registry, xa_seal_image_get_uuid (self->current),
                                gtk_editable_get_text (GTK_EDITABLE (entry)), &error))
    {
      xa_widget_show_error (GTK_WIDGET (self), _("Cannot Withdraw the Image"), error->message);
      return;
    }

  xa_seal_row_refresh (self);
  xa_widget_add_toast (GTK_WIDGET (self), adw_toast_new (_("Image withdrawn")));
}

static void
withdraw_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  XaSealRow *self = XA_SEAL_ROW (widget);
  GtkWidget *entry = gtk_entry_new ();

  /* Translators: where the user says why a seal or signature image is withdrawn. */
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason, such as “the seal was replaced”"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason"), -1);
  g_object_ref (self);
  xa_confirm_async (widget, _("Withdraw the Image?"),
                    _("New agreements will no longer carry it; PDFs made before keep it. It stays on record, with who withdrew it, when and why."),
                    entry, _("_Withdraw"), NULL, withdraw_confirmed_cb, g_object_ref (entry));
}

/* Vfuncs */

static void
xa_seal_row_dispose (GObject *object)
{
  XaSealRow *self = XA_SEAL_ROW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), XA_TYPE_SEAL_ROW);
  g_clear_object (&self->registry);
  g_clear_object (&self->current);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (xa_seal_row_parent_class)->dispose (object);
}

static void
xa_seal_row_finalize (GObject *object)
{
  XaSealRow *self = XA_SEAL_ROW (object);

  g_free (self->owner_uuid);
  g_free (self->owner_name);

  G_OBJECT_CLASS (xa_seal_row_parent_class)->finalize (object);
}

static void
xa_seal_row_class_init (XaSealRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_seal_row_dispose;
  object_class->finalize = xa_seal_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xiaoan/Xiaoan/xa-seal-row.ui");
  gtk_widget_class_bind_template_child (widget_class, XaSealRow, draw_button);
  gtk_widget_class_bind_template_child (widget_class, XaSealRow, import_button);
  gtk_widget_class_bind_template_child (widget_class, XaSealRow, preview);
  gtk_widget_class_bind_template_child (widget_class, XaSealRow, withdraw_button);

  gtk_widget_class_install_action (widget_class, "seal.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "seal.draw", NULL, draw_action);
  gtk_widget_class_install_action (widget_class, "seal.withdraw", NULL, withdraw_action);
}

static void
xa_seal_row_init (XaSealRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), owner_title (XA_SEAL_OWNER_SCHOOL));
  show_current (self, NULL);
  update_actions (self);
}

/**
 * xa_seal_row_set_owner:
 * @registry: (nullable): where the images are kept
 * @owner_uuid: (nullable): the organisation's UUID for a seal, the person's for a
 *   signature; %NULL while it is not saved
 * @owner_name: (nullable): the person who signs, for the pad's title
 */
void
xa_seal_row_set_owner (XaSealRow        *self,
                       XaSchoolRegistry *registry,
                       XaSealOwner       owner,
                       const char       *owner_uuid,
                       const char       *owner_name)
{
  g_return_if_fail (XA_IS_SEAL_ROW (self));
  g_return_if_fail (registry == NULL || XA_IS_SCHOOL_REGISTRY (registry));

  g_set_object (&self->registry, registry);
  self->owner = owner;
  g_free (self->owner_uuid);
  self->owner_uuid = g_strdup (owner_uuid);
  g_free (self->owner_name);
  self->owner_name = g_strdup (owner_name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), owner_title (owner));
  xa_seal_row_refresh (self);
}
