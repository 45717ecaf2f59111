/* xa-hazard-photo-viewer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One photo of a hazard at a size to look at (XA_HAZARD_PHOTO_PREVIEW_SIZE, decoded off
 * the main thread within the pixel budget), with the others of its group a key away:
 * ← and → (or Page Up and Page Down) go to the one before and after, Escape closes.
 * Under it, the file, when it was taken, and the warning of an "after" photo taken
 * before the hazard was found; in place of an image that cannot be shown, why.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-hazard-photo-viewer.h"
#include "xa-hazard-photo-thumbnail.h"
#include "core/hazards/xa-hazard-photos.h"

struct _XaHazardPhotoViewer
{
  AdwWindow       parent_instance;

  /* Owned references */
  XaHazardBook   *book;
  GListModel     *photos;
  GCancellable   *cancellable;

  /* Template widgets */
  GtkLabel       *info_label;
  GtkWidget      *next_button;
  GtkPicture     *picture;
  AdwStatusPage  *problem_page;
  GtkStack       *stack;
  GtkWidget      *warning_icon;
  AdwWindowTitle *window_title;

  /* State */
  guint           position;
  gboolean        loading;
};

G_DEFINE_FINAL_TYPE (XaHazardPhotoViewer, xa_hazard_photo_viewer, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_loading (XaHazardPhotoViewer *self,
             gboolean             loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
image_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(XaHazardPhotoViewer) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) image = NULL;

  image = xa_hazard_photos_load_image_finish (XA_HAZARD_BOOK (object), result, &error);

  /* Cancelled: another photo is shown, or the window closed. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->photos == NULL)
    return;

  if (image == NULL)
    {
      g_autoptr(XaHazardPhoto) photo = g_list_model_get_item (self->photos, self->position);
      g_autofree char *problem = xa_hazard_photo_dup_problem (photo, error);

      adw_status_page_set_title (self->problem_page, problem);
      adw_status_page_set_description (self->problem_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "problem");
    }
  else
    {
      g_autoptr(GdkTexture) texture = gdk_texture_new_for_pixbuf (image);

      gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
      gtk_stack_set_visible_child_name (self->stack, "image");
    }

  set_loading (self, FALSE);
}

static void
show_photo (XaHazardPhotoViewer *self)
{
  guint n = g_list_model_get_n_items (self->photos);
  g_autoptr(XaHazardPhoto) photo = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *taken = NULL;
  g_autofree char *flag = NULL;
  g_autofree char *warning = NULL;
  g_autofree char *info = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.previous", self->position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.next", self->position + 1 < n);
  if (self->position >= n)
    return;

  photo = g_list_model_get_item (self->photos, self->position);
  /* Translators: the viewer's subtitle: “整改后 · 2/5” */
  subtitle = g_strdup_printf (_("%s · %u/%u"), xa_hazard_photo_kind_to_label (xa_hazard_photo_get_kind (photo)),
                              self->position + 1, n);
  adw_window_title_set_title (self->window_title, xa_hazard_photo_get_file_name (photo));
  adw_window_title_set_subtitle (self->window_title, subtitle);

  taken = xa_hazard_photo_dup_taken_text (photo);
  flag = xa_hazard_photo_dup_flag_text (photo);
  warning = xa_hazard_photo_dup_warning (photo);
  /* The warning says the day again, but not the time: both lines. */
  info = warning != NULL ? g_strdup_printf ("%s\n%s", taken, warning) : g_strdup (taken);
  gtk_label_set_label (self->info_label, info);
  gtk_widget_set_visible (self->warning_icon, flag != NULL);
  gtk_widget_set_tooltip_text (self->warning_icon, flag);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->warning_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, flag, -1);
  if (flag != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->info_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->info_label), "warning");

  /* The decode of the photo shown before, if it still runs, is of no use now. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  gtk_picture_set_paintable (self->picture, NULL);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  set_loading (self, TRUE);
  xa_hazard_photos_load_image_async (self->book, photo, XA_HAZARD_PHOTO_PREVIEW_SIZE, self->cancellable,
                                     image_loaded_cb, g_object_ref (self));
}

static void
go_action (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  XaHazardPhotoViewer *self = XA_HAZARD_PHOTO_VIEWER (widget);
  guint n = g_list_model_get_n_items (self->photos);

  if (g_str_equal (action_name, "viewer.previous") && self->position > 0)
    self->position--;
  else if (g_str_equal (action_name, "viewer.next") && self->position + 1 < n)
    self->position++;
  else
    return;

  show_photo (self);
}

static void
xa_hazard_photo_viewer_dispose (GObject *object)
{
  XaHazardPhotoViewer *self = XA_HAZARD_PHOTO_VIEWER (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), XA_TYPE_HAZARD_PHOTO_VIEWER);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->photos);
  g_clear_object (&self->book);

  G_OBJECT_CLASS (xa_hazard_photo_viewer_parent_class)->dispose (object);
}

static void
xa_hazard_photo_viewer_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  XaHazardPhotoViewer *self = XA_HAZARD_PHOTO_VIEWER (object);

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
xa_hazard_photo_viewer_class_init (XaHazardPhotoViewerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_hazard_photo_viewer_dispose;
  object_class->get_property = xa_hazard_photo_viewer_get_property;

  /**
   * XaHazardPhotoViewer:loading:
   *
   * Whether the photo shown is being decoded.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xiaoan/Xiaoan/xa-hazard-photo-viewer.ui");
  gtk_widget_class_bind_template_child (widget_class, XaHazardPhotoViewer, info_label);
  gtk_widget_class_bind_template_child (widget_class, XaHazardPhotoViewer, next_button);
  gtk_widget_class_bind_template_child (widget_class, XaHazardPhotoViewer, picture);
  gtk_widget_class_bind_template_child (widget_class, XaHazardPhotoViewer, problem_page);
  gtk_widget_class_bind_template_child (widget_class, XaHazardPhotoViewer, stack);
  gtk_widget_class_bind_template_child (widget_class, XaHazardPhotoViewer, warning_icon);
  gtk_widget_class_bind_template_child (widget_class, XaHazardPhotoViewer, window_title);

  gtk_widget_class_install_action (widget_class, "viewer.previous", NULL, go_action);
  gtk_widget_class_install_action (widget_class, "viewer.next", NULL, go_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "viewer.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "viewer.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
xa_hazard_photo_viewer_init (XaHazardPhotoViewer *self)
{
  GtkEventController *arrows = gtk_shortcut_controller_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* A window's own bindings move the focus with ← and →: these run before them. */
  gtk_event_controller_set_propagation_phase (arrows, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (arrows),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Left, 0),
                                                          gtk_named_action_new ("viewer.previous")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (arrows),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Right, 0),
                                                          gtk_named_action_new ("viewer.next")));
  gtk_widget_add_controller (GTK_WIDGET (self), arrows);
}

/**
 * xa_hazard_photo_viewer_new:
 * @parent: a widget of the window the viewer stands over
 * @photos: the photos (#XaHazardPhoto) it goes through, such as those of one group
 * @position: the one shown first
 *
 * Returns: (transfer none): the viewer, not yet presented; it is destroyed when closed
 */
GtkWindow *
xa_hazard_photo_viewer_new (GtkWidget    *parent,
                            XaHazardBook *book,
                            GListModel   *photos,
                            guint         position)
{
  XaHazardPhotoViewer *self;
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (XA_IS_HAZARD_BOOK (book), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (photos), NULL);

  self = g_object_new (XA_TYPE_HAZARD_PHOTO_VIEWER, NULL);
  root = gtk_widget_get_root (parent);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));
  self->book = g_object_ref (book);
  /* Its own copy: the strip's list may change under a viewer that goes through it. */
  self->photos = G_LIST_MODEL (g_list_store_new (XA_TYPE_HAZARD_PHOTO));
  for (guint i = 0; i < g_list_model_get_n_items (photos); i++)
    {
      g_autoptr(GObject) photo = g_list_model_get_item (photos, i);

      g_list_store_append (G_LIST_STORE (self->photos), photo);
    }
  self->position = MIN (position, MAX (g_list_model_get_n_items (photos), 1) - 1);
  show_photo (self);
  gtk_widget_grab_focus (self->next_button);
  return GTK_WINDOW (self);
}

guint
xa_hazard_photo_viewer_get_position (XaHazardPhotoViewer *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_PHOTO_VIEWER (self), 0);

  return self->position;
}

gboolean
xa_hazard_photo_viewer_get_loading (XaHazardPhotoViewer *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_PHOTO_VIEWER (self), FALSE);

  return self->loading;
}

/**
 * xa_hazard_photo_viewer_get_picture:
 *
 * Returns: (transfer none): the picture that shows the photo once decoded
 */
GtkPicture *
xa_hazard_photo_viewer_get_picture (XaHazardPhotoViewer *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_PHOTO_VIEWER (self), NULL);

  return self->picture;
}
