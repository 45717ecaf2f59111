/* xa-hazard-photo-strip.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The photos of the hazard in the detail (issue 11: "photos before and after"): two
 * groups, 整改前照片 and 整改后照片, of thumbnails decoded off the main thread, each
 * opening the viewer. Photos are added from files chosen in the file chooser, each file
 * in a transaction of its own (xa_hazard_photos_add_file_async()), and removed after a
 * confirmation. The core refuses changes to a closed hazard; the strip offers none then,
 * and offers "after" photos once the rectification has started. Showing another hazard
 * cancels the decodes still running for the one before.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-hazard-photo-strip.h"
#include "xa-hazard-photo-thumbnail.h"
#include "xa-hazard-photo-viewer.h"
#include "xa-ui-utils.h"
#include "core/hazards/xa-hazard-photos.h"

struct _XaHazardPhotoStrip
{
  GtkWidget            parent_instance;

  /* Owned references */
  XaHazardBook        *book;
  XaHazard            *hazard;
  GCancellable        *cancellable;
  GListStore          *photos[XA_N_HAZARD_PHOTO_KINDS];

  /* Template widgets */
  GtkWidget           *after_add_button;
  GtkFlowBox          *after_box;
  GtkLabel            *after_empty;
  AdwPreferencesGroup *after_group;
  GtkSpinner          *after_spinner;
  GtkWidget           *before_add_button;
  GtkFlowBox          *before_box;
  GtkWidget           *box;
  GtkLabel            *before_empty;
  AdwPreferencesGroup *before_group;
  GtkSpinner          *before_spinner;

  /* State */
  GtkWidget           *add_buttons[XA_N_HAZARD_PHOTO_KINDS];
  GtkFlowBox          *boxes[XA_N_HAZARD_PHOTO_KINDS];
  GtkLabel            *empties[XA_N_HAZARD_PHOTO_KINDS];
  GtkSpinner          *spinners[XA_N_HAZARD_PHOTO_KINDS];
  XaHazardState        state;   /* of the hazard whose thumbnails are built */
  guint                busy[XA_N_HAZARD_PHOTO_KINDS];  /* additions under way */
};

G_DEFINE_FINAL_TYPE (XaHazardPhotoStrip, xa_hazard_photo_strip, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Photos change until the hazard is closed (the core's rule). Those before rectification
 * are taken when it is found; those after, once the rectification has started. */
static gboolean
can_add (XaHazardPhotoStrip *self,
         XaHazardPhotoKind   kind)
{
  XaHazardState state;

  if (self->hazard == NULL || self->book == NULL)
    return FALSE;

  state = xa_hazard_get_state (self->hazard);
  if (kind == XA_HAZARD_PHOTO_AFTER)
    return state == XA_HAZARD_STATE_RECTIFYING || state == XA_HAZARD_STATE_REINSPECTING;
  return state != XA_HAZARD_STATE_CLOSED;
}

static gboolean
can_remove (XaHazardPhotoStrip *self)
{
  return self->hazard != NULL && self->book != NULL &&
         xa_hazard_get_state (self->hazard) != XA_HAZARD_STATE_CLOSED;
}

static void
update (XaHazardPhotoStrip *self)
{
  gboolean any = FALSE;

  for (XaHazardPhotoKind kind = 0; kind < XA_N_HAZARD_PHOTO_KINDS; kind++)
    {
      gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->photos[kind])) == 0;

      gtk_widget_set_visible (self->add_buttons[kind], can_add (self, kind));
      gtk_widget_set_visible (GTK_WIDGET (self->boxes[kind]), !empty);
      gtk_widget_set_visible (GTK_WIDGET (self->empties[kind]), empty);
      gtk_widget_set_visible (GTK_WIDGET (self->spinners[kind]), self->busy[kind] > 0);
      gtk_spinner_set_spinning (self->spinners[kind], self->busy[kind] > 0);
      any |= can_add (self, kind);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "photos.add", any && !xa_hazard_photo_strip_get_busy (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "photos.remove", can_remove (self));

  /* Why there is no button for the photos after: the rectification has not started. */
  gtk_label_set_label (self->after_empty,
                       self->hazard != NULL && xa_hazard_get_state (self->hazard) == XA_HAZARD_STATE_PENDING
                       ? _("No photos; they can be added once the rectification has started")
                       : _("No photos"));
}

static GtkWidget *
create_thumbnail_cb (gpointer item,
                     gpointer user_data)
{
  XaHazardPhotoStrip *self = user_data;
  GtkWidget *thumbnail = xa_hazard_photo_thumbnail_new (item, can_remove (self));

  if (self->book != NULL)
    xa_hazard_photo_thumbnail_load (XA_HAZARD_PHOTO_THUMBNAIL (thumbnail), self->book, self->cancellable);
  return thumbnail;
}

/* Lists the hazard's photos again and builds their thumbnails, after cancelling the
 * decodes of those shown before: none of them lands here. */
static void
reload (XaHazardPhotoStrip *self)
{
  g_autoptr(GListModel) photos = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->state = self->hazard != NULL ? xa_hazard_get_state (self->hazard) : XA_HAZARD_STATE_PENDING;

  for (XaHazardPhotoKind kind = 0; kind < XA_N_HAZARD_PHOTO_KINDS; kind++)
    g_list_store_remove_all (self->photos[kind]);

  if (self->hazard != NULL && self->book != NULL &&
      !(photos = xa_hazard_photos_list (self->book, xa_hazard_get_uuid (self->hazard), &error)))
    g_warning ("%s", error->message);

  update (self);
  if (photos == NULL)
    {
      if (error != NULL)
        gtk_label_set_label (self->before_empty, error->message);
      return;
    }

  n = g_list_model_get_n_items (photos);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XaHazardPhoto) photo = g_list_model_get_item (photos, i);

      g_list_store_append (self->photos[xa_hazard_photo_get_kind (photo)], photo);
    }
  update (self);
}

static void
set_busy (XaHazardPhotoStrip *self,
          XaHazardPhotoKind   kind,
          gboolean            more)
{
  gboolean was = xa_hazard_photo_strip_get_busy (self);

  self->busy[kind] += more ? 1 : -1;
  update (self);
  if (was != xa_hazard_photo_strip_get_busy (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Adding */

typedef struct
{
  XaHazardPhotoStrip *self;
  char               *hazard_uuid;
  XaHazardPhotoKind   kind;
  GListModel         *files;
  guint               next;
  guint               n_failed;
  GString            *errors;
} AddJob;

static void
add_job_free (AddJob *job)
{
  g_object_unref (job->self);
  g_free (job->hazard_uuid);
  g_object_unref (job->files);
  g_string_free (job->errors, TRUE);
  g_free (job);
}

static void
add_job_fail (AddJob     *job,
              const char *message)
{
  if (job->errors->len > 0)
    g_string_append_c (job->errors, '\n');
  g_string_append (job->errors, message);
  job->n_failed++;
}

static void add_next (AddJob *job);

static void
photo_added_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  AddJob *job = user_data;
  XaHazardPhotoStrip *self = job->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(XaHazardPhoto) photo = NULL;

  photo = xa_hazard_photos_add_file_finish (XA_HAZARD_BOOK (object), result, &error);
  if (photo == NULL)
    add_job_fail (job, error->message);
  else if (self->hazard != NULL && g_str_equal (xa_hazard_get_uuid (self->hazard), job->hazard_uuid))
    {
      g_list_store_append (self->photos[job->kind], photo);
      update (self);
    }

  add_next (job);
}

/* One file after the other, each in a transaction of its own: a file refused leaves
 * those before it added, and the next ones are still tried. */
static void
add_next (AddJob *job)
{
  XaHazardPhotoStrip *self = job->self;

  while (job->next < g_list_model_get_n_items (job->files))
    {
      g_autoptr(GFile) file = g_list_model_get_item (job->files, job->next++);
      g_autofree char *path = g_file_get_path (file);

      if (path == NULL)
        {
          g_autofree char *name = g_file_get_parse_name (file);
          g_autofree char *message = g_strdup_printf (_("“%s” is not a file on this computer"), name);

          add_job_fail (job, message);
          continue;
        }

      xa_hazard_photos_add_file_async (self->book, job->hazard_uuid, job->kind, path, NULL,
                                       photo_added_cb, job);
      return;
    }

  if (job->n_failed > 0)
    {
      g_autofree char *heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "%u photo was not added",
                                                               "%u photos were not added",
                                                               job->n_failed),
                                                  job->n_failed);

      xa_widget_show_error (GTK_WIDGET (self), heading, job->errors->str);
    }

  set_busy (self, job->kind, FALSE);
  add_job_free (job);
}

static void
add_files (XaHazardPhotoStrip *self,
           const char         *hazard_uuid,
           XaHazardPhotoKind   kind,
           GListModel         *files)
{
  AddJob *job = g_new0 (AddJob, 1);

  job->self = g_object_ref (self);
  job->hazard_uuid = g_strdup (hazard_uuid);
  job->kind = kind;
  job->files = g_object_ref (files);
  job->errors = g_string_new (NULL);

  set_busy (self, kind, TRUE);
  add_next (job);
}

typedef struct
{
  XaHazardPhotoStrip *self;
  char               *hazard_uuid;
  XaHazardPhotoKind   kind;
} Choice;

static void
files_chosen_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Choice *choice = user_data;
  g_autoptr(GListModel) files = xa_choose_files_finish (result, NULL);

  if (files != NULL)
    add_files (choice->self, choice->hazard_uuid, choice->kind, files);

  g_object_unref (choice->self);
  g_free (choice->hazard_uuid);
  g_free (choice);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  XaHazardPhotoStrip *self = XA_HAZARD_PHOTO_STRIP (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  XaHazardPhotoKind kind = XA_HAZARD_PHOTO_BEFORE;
  Choice *choice;

  if (!xa_hazard_photo_kind_from_key (g_variant_get_string (parameter, NULL), &kind) || !can_add (self, kind))
    return;

  gtk_file_filter_set_name (filter, _("Photos (JPEG, PNG)"));
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_suffix (filter, "jpg");
  gtk_file_filter_add_suffix (filter, "jpeg");
  gtk_file_filter_add_suffix (filter, "png");

  choice = g_new0 (Choice, 1);
  choice->self = g_object_ref (self);
  choice->hazard_uuid = g_strdup (xa_hazard_get_uuid (self->hazard));
  choice->kind = kind;
  xa_choose_files_async (widget,
                         kind == XA_HAZARD_PHOTO_BEFORE ? _("Add Photos Before Rectification")
                                                        : _("Add Photos After Rectification"),
                         _("_Add"), filter, NULL, files_chosen_cb, choice);
}

/* Removing */

static XaHazardPhoto *
find_photo (XaHazardPhotoStrip *self,
            const char         *uuid,
            guint              *position)
{
  for (XaHazardPhotoKind kind = 0; kind < XA_N_HAZARD_PHOTO_KINDS; kind++)
    {
      GListModel *photos = G_LIST_MODEL (self->photos[kind]);

      for (guint i = 0; i < g_list_model_get_n_items (photos); i++)
        {
          g_autoptr(XaHazardPhoto) photo = g_list_model_get_item (photos, i);

          if (g_str_equal (xa_hazard_photo_get_uuid (photo), uuid))
            {
              *position = i;
              return photo;  /* the list keeps it */
            }
        }
    }

  return NULL;
}

typedef struct
{
  XaHazardPhotoStrip *self;
  char               *uuid;
} Removal;

static void
removal_confirmed_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  Removal *removal = user_data;
  XaHazardPhotoStrip *self = removal->self;
  g_autoptr(GError) error = NULL;
  XaHazardPhoto *photo;
  guint position = 0;

  if (xa_confirm_finish (result, NULL) && self->book != NULL)
    {
      if (!xa_hazard_photos_remove (self->book, removal->uuid, &error))
        xa_widget_show_error (GTK_WIDGET (self), _("The photo was not removed"), error->message);
      else if ((photo = find_photo (self, removal->uuid, &position)) != NULL)
        {
          AdwToast *toast = adw_toast_new_format (_("Photo “%s” removed"), xa_hazard_photo_get_file_name (photo));

          g_list_store_remove (self->photos[xa_hazard_photo_get_kind (photo)], position);
          update (self);
          xa_widget_add_toast (GTK_WIDGET (self), toast);
        }
    }

  g_object_unref (removal->self);
  g_free (removal->uuid);
  g_free (removal);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XaHazardPhotoStrip *self = XA_HAZARD_PHOTO_STRIP (widget);
  const char *uuid = g_variant_get_string (parameter, NULL);
  g_autofree char *body = NULL;
  XaHazardPhoto *photo;
  Removal *removal;
  guint position;

  if (!can_remove (self) || (photo = find_photo (self, uuid, &position)) == NULL)
    return;

  /* Translators: the question before a photo is removed: “IMG_0001.jpg” will no longer be
   * among the 整改后 photos of hazard XA-2021-001. */
  body = g_strdup_printf (_("“%s” will no longer be among the %s photos of hazard %s. Its file stays in the store for the audit."),
                          xa_hazard_photo_get_file_name (photo),
                          xa_hazard_photo_kind_to_label (xa_hazard_photo_get_kind (photo)),
                          xa_hazard_get_number (self->hazard));
  removal = g_new0 (Removal, 1);
  removal->self = g_object_ref (self);
  removal->uuid = g_strdup (uuid);
  xa_confirm_removal_async (widget, _("Remove the Photo?"), body, _("_Remove"), removal_confirmed_cb, removal);
}

/* Viewing */

static void
child_activated_cb (XaHazardPhotoStrip *self,
                    GtkFlowBoxChild    *child,
                    GtkFlowBox         *box)
{
  XaHazardPhotoKind kind = box == self->after_box ? XA_HAZARD_PHOTO_AFTER : XA_HAZARD_PHOTO_BEFORE;
  GtkWindow *viewer;

  if (self->book == NULL)
    return;

  viewer = xa_hazard_photo_viewer_new (GTK_WIDGET (self), self->book, G_LIST_MODEL (self->photos[kind]),
                                       gtk_flow_box_child_get_index (child));
  gtk_window_present (viewer);
}

static void
xa_hazard_photo_strip_dispose (GObject *object)
{
  XaHazardPhotoStrip *self = XA_HAZARD_PHOTO_STRIP (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), XA_TYPE_HAZARD_PHOTO_STRIP);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->hazard);
  g_clear_object (&self->book);
  for (XaHazardPhotoKind kind = 0; kind < XA_N_HAZARD_PHOTO_KINDS; kind++)
    g_clear_object (&self->photos[kind]);

  G_OBJECT_CLASS (xa_hazard_photo_strip_parent_class)->dispose (object);
}

static void
xa_hazard_photo_strip_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  XaHazardPhotoStrip *self = XA_HAZARD_PHOTO_STRIP (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, xa_hazard_photo_strip_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_hazard_photo_strip_class_init (XaHazardPhotoStripClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_hazard_photo_strip_dispose;
  object_class->get_property = xa_hazard_photo_strip_get_property;

  /**
   * XaHazardPhotoStrip:busy:
   *
   * Whether chosen files are being added.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xiaoan/Xiaoan/xa-hazard-photo-strip.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, XaHazardPhotoStrip, after_add_button);
  gtk_widget_class_bind_template_child (widget_class, XaHazardPhotoStrip, after_box);
  gtk_widget_class_bind_template_child (widget_class, XaHazardPhotoStrip, after_empty);
  gtk_widget_class_bind_template_child (widget_class, XaHazardPhotoStrip, after_group);
  gtk_widget_class_bind_template_child (widget_class, XaHazardPhotoStrip, after_spinner);
  gtk_widget_class_bind_template_child (widget_class, XaHazardPhotoStrip, before_add_button);
  gtk_widget_class_bind_template_child (widget_class, XaHazardPhotoStrip, before_box);
  gtk_widget_class_bind_template_child (widget_class, XaHazardPhotoStrip, before_empty);
  gtk_widget_class_bind_template_child (widget_class, XaHazardPhotoStrip, before_group);
  gtk_widget_class_bind_template_child (widget_class, XaHazardPhotoStrip, before_spinner);
  gtk_widget_class_bind_template_child (widget_class, XaHazardPhotoStrip, box);
  gtk_widget_class_bind_template_callback (widget_class, child_activated_cb);

  gtk_widget_class_install_action (widget_class, "photos.add", "s", add_action);
  gtk_widget_class_install_action (widget_class, "photos.remove", "s", remove_action);
}

static void
xa_hazard_photo_strip_init (XaHazardPhotoStrip *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->add_buttons[XA_HAZARD_PHOTO_BEFORE] = self->before_add_button;
  self->add_buttons[XA_HAZARD_PHOTO_AFTER] = self->after_add_button;
  self->boxes[XA_HAZARD_PHOTO_BEFORE] = self->before_box;
  self->boxes[XA_HAZARD_PHOTO_AFTER] = self->after_box;
  self->empties[XA_HAZARD_PHOTO_BEFORE] = self->before_empty;
  self->empties[XA_HAZARD_PHOTO_AFTER] = self->after_empty;
  self->spinners[XA_HAZARD_PHOTO_BEFORE] = self->before_spinner;
  self->spinners[XA_HAZARD_PHOTO_AFTER] = self->after_spinner;

  for (XaHazardPhotoKind kind = 0; kind < XA_N_HAZARD_PHOTO_KINDS; kind++)
    {
      self->photos[kind] = g_list_store_new (XA_TYPE_HAZARD_PHOTO);
      gtk_flow_box_bind_model (self->boxes[kind], G_LIST_MODEL (self->photos[kind]),
                               create_thumbnail_cb, self, NULL);
    }

  update (self);
}

/**
 * xa_hazard_photo_strip_set_book:
 *
 * Set once, when the section is built.
 */
void
xa_hazard_photo_strip_set_book (XaHazardPhotoStrip *self,
                                XaHazardBook       *book)
{
  g_return_if_fail (XA_IS_HAZARD_PHOTO_STRIP (self));
  g_return_if_fail (XA_IS_HAZARD_BOOK (book));

  g_set_object (&self->book, book);
  reload (self);
}

/**
 * xa_hazard_photo_strip_show_hazard:
 * @hazard: (nullable): the hazard whose photos to show
 *
 * Shows the photos of @hazard. The same hazard again (after a step or an edit) keeps its
 * thumbnails unless its state changed what may be done with them.
 */
void
xa_hazard_photo_strip_show_hazard (XaHazardPhotoStrip *self,
                                   XaHazard           *hazard)
{
  gboolean same;

  g_return_if_fail (XA_IS_HAZARD_PHOTO_STRIP (self));
  g_return_if_fail (hazard == NULL || XA_IS_HAZARD (hazard));

  /* A photo's warning depends on the day the hazard was found, and its button to remove
   * it on whether the hazard is closed: a change of either builds them again. */
  same = hazard != NULL && self->hazard != NULL &&
         g_str_equal (xa_hazard_get_uuid (hazard), xa_hazard_get_uuid (self->hazard)) &&
         g_strcmp0 (xa_hazard_get_text (hazard, XA_HAZARD_FIELD_FOUND_ON),
                    xa_hazard_get_text (self->hazard, XA_HAZARD_FIELD_FOUND_ON)) == 0 &&
         (xa_hazard_get_state (hazard) == XA_HAZARD_STATE_CLOSED) == (self->state == XA_HAZARD_STATE_CLOSED);
  g_set_object (&self->hazard, hazard);

  if (same)
    {
      self->state = xa_hazard_get_state (hazard);
      update (self);
    }
  else
    reload (self);
}

/**
 * xa_hazard_photo_strip_add_files:
 * @files: the photos' files (#GFile)
 *
 * Adds @files as photos of @kind of the hazard shown, one after the other, as the file
 * chooser's 添加 does; the files refused are named in one message at the end.
 * #XaHazardPhotoStrip:busy is %TRUE meanwhile.
 */
void
xa_hazard_photo_strip_add_files (XaHazardPhotoStrip *self,
                                 XaHazardPhotoKind   kind,
                                 GListModel         *files)
{
  g_return_if_fail (XA_IS_HAZARD_PHOTO_STRIP (self));
  g_return_if_fail (kind < XA_N_HAZARD_PHOTO_KINDS);
  g_return_if_fail (G_IS_LIST_MODEL (files));
  g_return_if_fail (self->hazard != NULL && self->book != NULL);

  add_files (self, xa_hazard_get_uuid (self->hazard), kind, files);
}

gboolean
xa_hazard_photo_strip_get_busy (XaHazardPhotoStrip *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_PHOTO_STRIP (self), FALSE);

  return self->busy[XA_HAZARD_PHOTO_BEFORE] > 0 || self->busy[XA_HAZARD_PHOTO_AFTER] > 0;
}

/**
 * xa_hazard_photo_strip_get_photos:
 *
 * Returns: (transfer none): the photos of @kind shown (#XaHazardPhoto)
 */
GListModel *
xa_hazard_photo_strip_get_photos (XaHazardPhotoStrip *self,
                                  XaHazardPhotoKind   kind)
{
  g_return_val_if_fail (XA_IS_HAZARD_PHOTO_STRIP (self), NULL);
  g_return_val_if_fail (kind < XA_N_HAZARD_PHOTO_KINDS, NULL);

  return G_LIST_MODEL (self->photos[kind]);
}

/**
 * xa_hazard_photo_strip_get_flow_box:
 *
 * Returns: (transfer none): the thumbnails (#XaHazardPhotoThumbnail) of @kind
 */
GtkFlowBox *
xa_hazard_photo_strip_get_flow_box (XaHazardPhotoStrip *self,
                                    XaHazardPhotoKind   kind)
{
  g_return_val_if_fail (XA_IS_HAZARD_PHOTO_STRIP (self), NULL);
  g_return_val_if_fail (kind < XA_N_HAZARD_PHOTO_KINDS, NULL);

  return self->boxes[kind];
}

/**
 * xa_hazard_photo_strip_get_add_button:
 *
 * Returns: (transfer none): the 添加照片 button of @kind, shown when photos of that kind
 *   may be added
 */
GtkWidget *
xa_hazard_photo_strip_get_add_button (XaHazardPhotoStrip *self,
                                      XaHazardPhotoKind   kind)
{
  g_return_val_if_fail (XA_IS_HAZARD_PHOTO_STRIP (self), NULL);
  g_return_val_if_fail (kind < XA_N_HAZARD_PHOTO_KINDS, NULL);

  return self->add_buttons[kind];
}
