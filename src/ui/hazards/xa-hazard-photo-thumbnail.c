/* xa-hazard-photo-thumbnail.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One photo of a hazard in the detail's strip (issue 11: "photos before and after ...
 * shown as thumbnails, decoded with a pixel budget"): a spinner while the core decodes it
 * off the main thread, then the image, or in its place a short message saying why it
 * cannot be shown, with the file's name. Under it, when it was taken by its EXIF data;
 * an "after" photo taken before the hazard was found carries a warning that is seen,
 * hovered and read out.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-hazard-photo-thumbnail.h"
#include "core/hazards/xa-hazard-photos.h"
#include "core/store/xa-store.h"
#include "core/util/xa-image.h"

/* The side of a thumbnail on screen: three fit in a line of the detail at its narrowest (316 pixels). */
#define THUMBNAIL_SIDE 88

struct _XaHazardPhotoThumbnail
{
  GtkFlowBoxChild     parent_instance;

  /* Owned references */
  XaHazardPhoto      *photo;
  GdkPaintable       *paintable;

  /* Children and controllers */
  GtkStack           *stack;
  GtkImage           *image;
  GtkLabel           *problem_label;
  GtkWidget          *remove_button;
  GtkWidget          *warning;
  GtkEventController *hover;
  GtkEventController *focus;

  /* State */
  char               *problem;
  gboolean            loading;
};

G_DEFINE_FINAL_TYPE (XaHazardPhotoThumbnail, xa_hazard_photo_thumbnail, GTK_TYPE_FLOW_BOX_CHILD)

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_loading (XaHazardPhotoThumbnail *self,
             gboolean                loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
describe (XaHazardPhotoThumbnail *self)
{
  XaHazardPhoto *photo = self->photo;
  g_autofree char *taken = xa_hazard_photo_dup_taken_text (photo);
  g_autofree char *flag = xa_hazard_photo_dup_flag_text (photo);
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;

  /* Translators: what a screen reader says of a photo: “整改后照片 IMG_0001.jpg，拍摄于 2021-10-09 14:30” */
  label = g_strdup_printf (_("%s photo %s, %s"), xa_hazard_photo_kind_to_label (xa_hazard_photo_get_kind (photo)),
                           xa_hazard_photo_get_file_name (photo), taken);
  if (flag != NULL && self->problem != NULL)
    description = g_strdup_printf ("%s\n%s", flag, self->problem);
  else
    description = g_strdup (flag != NULL ? flag : self->problem);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
image_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(XaHazardPhotoThumbnail) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) image = NULL;

  image = xa_hazard_photos_load_image_finish (XA_HAZARD_BOOK (object), result, &error);

  /* Cancelled: another hazard is shown, and this thumbnail is gone from the strip; or
   * removed from it (disposed) while it was loading. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->photo == NULL)
    return;

  if (image == NULL)
    {
      g_free (self->problem);
      self->problem = xa_hazard_photo_dup_problem (self->photo, error);
      gtk_label_set_label (self->problem_label, self->problem);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->stack), error->message);
      gtk_stack_set_visible_child_name (self->stack, "problem");
      g_debug ("%s", error->message);
    }
  else
    {
      int width = gdk_pixbuf_get_width (image);
      int height = gdk_pixbuf_get_height (image);
      int side = MIN (width, height);
      g_autoptr(GdkPixbuf) square = NULL;

      /* Thumbnails are squares of one size, cut from the middle of the photo. */
      square = gdk_pixbuf_new_subpixbuf (image, (width - side) / 2, (height - side) / 2, side, side);
      g_clear_object (&self->paintable);
      self->paintable = GDK_PAINTABLE (gdk_texture_new_for_pixbuf (square));
      gtk_image_set_from_paintable (self->image, self->paintable);
      gtk_stack_set_visible_child_name (self->stack, "image");
    }

  describe (self);
  set_loading (self, FALSE);
}

static void
xa_hazard_photo_thumbnail_dispose (GObject *object)
{
  XaHazardPhotoThumbnail *self = XA_HAZARD_PHOTO_THUMBNAIL (object);

  g_clear_object (&self->photo);
  g_clear_object (&self->paintable);

  G_OBJECT_CLASS (xa_hazard_photo_thumbnail_parent_class)->dispose (object);
}

static void
xa_hazard_photo_thumbnail_finalize (GObject *object)
{
  XaHazardPhotoThumbnail *self = XA_HAZARD_PHOTO_THUMBNAIL (object);

  g_free (self->problem);

  G_OBJECT_CLASS (xa_hazard_photo_thumbnail_parent_class)->finalize (object);
}

static void
xa_hazard_photo_thumbnail_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  XaHazardPhotoThumbnail *self = XA_HAZARD_PHOTO_THUMBNAIL (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_hazard_photo_thumbnail_class_init (XaHazardPhotoThumbnailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = xa_hazard_photo_thumbnail_dispose;
  object_class->finalize = xa_hazard_photo_thumbnail_finalize;
  object_class->get_property = xa_hazard_photo_thumbnail_get_property;

  /**
   * XaHazardPhotoThumbnail:loading:
   *
   * Whether the image is being decoded: the spinner shows.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xa_hazard_photo_thumbnail_init (XaHazardPhotoThumbnail *self)
{
}

/* The message in place of the image: why, on one line, and the file's name under it. */
static GtkWidget *
problem_new (XaHazardPhotoThumbnail *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new_from_icon_name ("image-missing-symbolic");
  GtkWidget *name = gtk_label_new (xa_hazard_photo_get_file_name (self->photo));

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (box, 4);
  gtk_widget_set_margin_end (box, 4);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_box_append (GTK_BOX (box), icon);

  self->problem_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->problem_label, TRUE);
  gtk_label_set_wrap_mode (self->problem_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_justify (self->problem_label, GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (self->problem_label, 8);
  gtk_widget_add_css_class (GTK_WIDGET (self->problem_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->problem_label), "error");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->problem_label));

  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 8);
  gtk_widget_add_css_class (name, "caption");
  gtk_widget_add_css_class (name, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  return box;
}

static GtkWidget *remove_button_new (XaHazardPhoto *photo);

/* The button that removes the photo shows while the pointer is over the thumbnail or
 * the focus in it: it would hide the message of a photo that cannot be shown. */
static void
update_remove_button (XaHazardPhotoThumbnail *self)
{
  gtk_widget_set_visible (self->remove_button,
                          gtk_event_controller_motion_contains_pointer (GTK_EVENT_CONTROLLER_MOTION (self->hover)) ||
                          gtk_event_controller_focus_contains_focus (GTK_EVENT_CONTROLLER_FOCUS (self->focus)));
}

static void
add_remove_button (XaHazardPhotoThumbnail *self,
                   GtkOverlay             *overlay)
{
  GtkEventController *keys = gtk_shortcut_controller_new ();
  GtkShortcut *delete;

  self->remove_button = remove_button_new (self->photo);
  gtk_widget_set_visible (self->remove_button, FALSE);
  gtk_overlay_add_overlay (overlay, self->remove_button);

  /* The widget owns the controllers. */
  self->hover = gtk_event_controller_motion_new ();
  self->focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (self->hover, "notify::contains-pointer", G_CALLBACK (update_remove_button), self);
  g_signal_connect_swapped (self->focus, "notify::contains-focus", G_CALLBACK (update_remove_button), self);
  gtk_widget_add_controller (GTK_WIDGET (self), self->hover);
  gtk_widget_add_controller (GTK_WIDGET (self), self->focus);

  /* Delete on the thumbnail asks as the button does. */
  delete = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0), gtk_named_action_new ("photos.remove"));
  gtk_shortcut_set_arguments (delete, g_variant_new_string (xa_hazard_photo_get_uuid (self->photo)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), delete);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

static GtkWidget *
remove_button_new (XaHazardPhoto *photo)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_valign (button, GTK_ALIGN_END);
  gtk_widget_set_margin_end (button, 4);
  gtk_widget_set_margin_bottom (button, 4);
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_add_css_class (button, "osd");
  gtk_widget_set_tooltip_text (button, _("Remove Photo"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "photos.remove");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", xa_hazard_photo_get_uuid (photo));
  return button;
}

static GtkWidget *
warning_new (XaHazardPhoto *photo)
{
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  g_autofree char *flag = xa_hazard_photo_dup_flag_text (photo);
  g_autofree char *why = xa_hazard_photo_dup_warning (photo);
  g_autofree char *tooltip = g_strdup_printf ("%s\n%s", flag, why);

  gtk_widget_set_halign (icon, GTK_ALIGN_END);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_margin_top (icon, 4);
  gtk_widget_set_margin_end (icon, 4);
  gtk_widget_add_css_class (icon, "warning");
  gtk_widget_set_tooltip_text (icon, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, flag,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, why, -1);
  return icon;
}

/* When the photo was taken, on two short lines under the thumbnail: 2021-10-05, 14:03. */
static char *
dup_caption (XaHazardPhoto *photo)
{
  const char *taken_at = xa_hazard_photo_get_taken_at (photo);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) time = NULL;

  if (taken_at != NULL && (time = g_date_time_new_from_iso8601 (taken_at, utc)) != NULL)
    return g_date_time_format (time, "%Y-%m-%d\n%H:%M");
  return xa_hazard_photo_dup_taken_text (photo);
}

/**
 * xa_hazard_photo_thumbnail_new:
 * @removable: whether it carries the button that removes it (photos.remove)
 *
 * Returns: (transfer floating): the thumbnail of @photo, empty until
 *   xa_hazard_photo_thumbnail_load()
 */
GtkWidget *
xa_hazard_photo_thumbnail_new (XaHazardPhoto *photo,
                               gboolean       removable)
{
  XaHazardPhotoThumbnail *self;
  GtkWidget *clamp, *box, *overlay, *spinner, *time_label;
  g_autofree char *taken = NULL;

  g_return_val_if_fail (XA_IS_HAZARD_PHOTO (photo), NULL);

  self = g_object_new (XA_TYPE_HAZARD_PHOTO_THUMBNAIL, NULL);
  self->photo = g_object_ref (photo);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  overlay = gtk_overlay_new ();
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->stack), THUMBNAIL_SIDE, THUMBNAIL_SIDE);
  gtk_widget_set_overflow (GTK_WIDGET (self->stack), GTK_OVERFLOW_HIDDEN);
  gtk_widget_add_css_class (GTK_WIDGET (self->stack), "card");

  spinner = gtk_spinner_new ();
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (spinner, GTK_ALIGN_CENTER);
  gtk_stack_add_named (self->stack, spinner, "loading");

  self->image = GTK_IMAGE (gtk_image_new ());
  gtk_image_set_pixel_size (self->image, THUMBNAIL_SIDE);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->image), "image");
  gtk_stack_add_named (self->stack, problem_new (self), "problem");
  gtk_stack_set_visible_child_name (self->stack, "loading");

  gtk_overlay_set_child (GTK_OVERLAY (overlay), GTK_WIDGET (self->stack));
  if (xa_hazard_photo_get_older_than_hazard (photo))
    {
      self->warning = warning_new (photo);
      gtk_overlay_add_overlay (GTK_OVERLAY (overlay), self->warning);
    }
  if (removable)
    add_remove_button (self, GTK_OVERLAY (overlay));
  gtk_box_append (GTK_BOX (box), overlay);

  taken = dup_caption (photo);
  time_label = gtk_label_new (taken);
  gtk_label_set_justify (GTK_LABEL (time_label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (time_label, "caption");
  gtk_widget_add_css_class (time_label, self->warning != NULL ? "warning" : "dim-label");
  gtk_box_append (GTK_BOX (box), time_label);

  /* Labels wrap at the thumbnail's width rather than widen it: every cell is as wide. */
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), THUMBNAIL_SIDE);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), THUMBNAIL_SIDE);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (self), clamp);
  {
    g_autofree char *full = xa_hazard_photo_dup_taken_text (photo);
    g_autofree char *tooltip = g_strdup_printf ("%s\n%s", xa_hazard_photo_get_file_name (photo), full);

    gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
  }
  describe (self);
  return GTK_WIDGET (self);
}

/**
 * xa_hazard_photo_thumbnail_get_photo:
 *
 * Returns: (transfer none): the photo shown
 */
XaHazardPhoto *
xa_hazard_photo_thumbnail_get_photo (XaHazardPhotoThumbnail *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_PHOTO_THUMBNAIL (self), NULL);

  return self->photo;
}

/**
 * xa_hazard_photo_thumbnail_load:
 * @cancellable: cancelled when the strip shows another hazard
 *
 * Decodes the photo at thumbnail size within the pixel budget, off the main thread;
 * #XaHazardPhotoThumbnail:loading is %TRUE until it shows the image or its problem.
 */
void
xa_hazard_photo_thumbnail_load (XaHazardPhotoThumbnail *self,
                                XaHazardBook           *book,
                                GCancellable           *cancellable)
{
  g_return_if_fail (XA_IS_HAZARD_PHOTO_THUMBNAIL (self));
  g_return_if_fail (XA_IS_HAZARD_BOOK (book));

  set_loading (self, TRUE);
  xa_hazard_photos_load_image_async (book, self->photo, XA_HAZARD_PHOTO_THUMBNAIL_SIZE, cancellable,
                                     image_loaded_cb, g_object_ref (self));
}

gboolean
xa_hazard_photo_thumbnail_get_loading (XaHazardPhotoThumbnail *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_PHOTO_THUMBNAIL (self), FALSE);

  return self->loading;
}

/**
 * xa_hazard_photo_thumbnail_get_paintable:
 *
 * Returns: (transfer none) (nullable): the decoded image, once loaded
 */
GdkPaintable *
xa_hazard_photo_thumbnail_get_paintable (XaHazardPhotoThumbnail *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_PHOTO_THUMBNAIL (self), NULL);

  return self->paintable;
}

/**
 * xa_hazard_photo_thumbnail_get_problem:
 *
 * Returns: (nullable): the message shown in place of an image that could not be shown
 */
const char *
xa_hazard_photo_thumbnail_get_problem (XaHazardPhotoThumbnail *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_PHOTO_THUMBNAIL (self), NULL);

  return self->problem;
}

/**
 * xa_hazard_photo_thumbnail_get_warning:
 *
 * Returns: (transfer none) (nullable): the warning icon of an "after" photo taken
 *   before the hazard was found
 */
GtkWidget *
xa_hazard_photo_thumbnail_get_warning (XaHazardPhotoThumbnail *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_PHOTO_THUMBNAIL (self), NULL);

  return self->warning;
}

/**
 * xa_hazard_photo_dup_taken_text:
 *
 * Returns: (transfer full): when the photo was taken by its EXIF data, as a caption
 *   (拍摄于 2021-10-09 14:30), or that it does not say
 */
char *
xa_hazard_photo_dup_taken_text (XaHazardPhoto *photo)
{
  const char *taken_at = xa_hazard_photo_get_taken_at (photo);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *text = NULL;

  if (taken_at == NULL || taken_at[0] == '\0')
    return g_strdup (_("Time taken unknown"));

  /* EXIF gives the camera's own clock, without a zone: shown as it is, not converted. */
  if ((time = g_date_time_new_from_iso8601 (taken_at, utc)) != NULL)
    /* Translators: a date and time in g_date_time_format() form; 2021-10-09 14:30. */
    text = g_date_time_format (time, _("%Y-%m-%d %H:%M"));
  /* Translators: when a photo was taken, by its EXIF data: “拍摄于 2021-10-09 14:30” */
  return g_strdup_printf (_("Taken %s"), text != NULL ? text : taken_at);
}

/**
 * xa_hazard_photo_dup_problem:
 * @error: why the photo could not be decoded
 *
 * Returns: (transfer full): what is shown in place of the image, in a few words
 */
char *
xa_hazard_photo_dup_problem (XaHazardPhoto *photo,
                             const GError  *error)
{
  if (g_error_matches (error, XA_STORE_ERROR, XA_STORE_ERROR_BLOB_DAMAGED) ||
      g_error_matches (error, XA_IMAGE_ERROR, XA_IMAGE_ERROR_DAMAGED))
    return g_strdup (_("Cannot be shown: the file is damaged"));
  if (g_error_matches (error, XA_STORE_ERROR, XA_STORE_ERROR_BLOB_MISSING))
    return g_strdup (_("Cannot be shown: the file is missing"));
  if (g_error_matches (error, XA_IMAGE_ERROR, XA_IMAGE_ERROR_TOO_LARGE))
    return g_strdup (_("Cannot be shown: the image is too large"));
  if (g_error_matches (error, XA_IMAGE_ERROR, XA_IMAGE_ERROR_NOT_IMAGE))
    return g_strdup (_("Cannot be shown: not a photo"));
  return g_strdup (_("Cannot be shown"));
}

/**
 * xa_hazard_photo_dup_flag_text:
 *
 * Returns: (transfer full) (nullable): the warning an "after" photo taken before the
 *   hazard was found carries, in a few words; %NULL for a photo that is not flagged
 */
char *
xa_hazard_photo_dup_flag_text (XaHazardPhoto *photo)
{
  if (!xa_hazard_photo_get_older_than_hazard (photo))
    return NULL;

  return g_strdup (_("Taken before the hazard was found"));
}
