/* xa-education-evidence.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The evidence of a session, a drill or an incident as it is recorded: files chosen are
 * imported into the archive (off the main thread, linked to the school and its year),
 * and the record keeps their archive items. A file the archive holds already is named
 * as such and not attached twice. The group notifies "uuids" when the list changes.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-education-evidence.h"
#include "xa-ui-utils.h"

struct _XaEducationEvidence
{
  GtkWidget            parent_instance;

  /* Owned references */
  XaArchive           *archive;
  GPtrArray           *items;       /* XaArchiveItem */
  GPtrArray           *rows;
  GCancellable        *cancellable;
  char                *school_uuid;

  /* Template widgets */
  GtkButton           *attach_button;
  AdwPreferencesGroup *group;

  /* State */
  int                  school_year;
  gboolean             busy;
};

G_DEFINE_FINAL_TYPE (XaEducationEvidence, xa_education_evidence, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_UUIDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_busy (XaEducationEvidence *self,
          gboolean             busy)
{
  self->busy = busy;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.attach", !busy && self->archive != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_items (XaEducationEvidence *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < self->items->len; i++)
    {
      XaArchiveItem *item = g_ptr_array_index (self->items, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("edit-delete-symbolic");
      g_autofree char *size = g_format_size (xa_archive_item_get_size (item));
      /* Translators: an archived file's tooltip-like accessible name on its remove button */
      g_autofree char *remove_name = g_strdup_printf (_("Remove %s"), xa_archive_item_get_file_name (item));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), xa_archive_item_get_file_name (item));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), size);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, remove_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "evidence.remove");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "u", i);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UUIDS]);
}

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(XaEducationEvidence) self = user_data;
  g_autoptr(GPtrArray) duplicates = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  items = xa_archive_import_files_finish (XA_ARCHIVE (object), result, &duplicates, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (items == NULL)
    {
      xa_widget_show_error (GTK_WIDGET (self), _("The Files Were Not Attached"), error->message);
      return;
    }
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (self->items, g_object_ref (g_ptr_array_index (items, i)));
  show_items (self);
  /* A file archived already is not archived twice; the message names it and where. */
  if (duplicates != NULL && duplicates->len > 0)
    xa_widget_show_problems (GTK_WIDGET (self), _("Some Files Are in the Archive Already"), duplicates);
}

/**
 * xa_education_evidence_attach:
 * @paths: local files
 *
 * Imports @paths into the archive, linked to the school and year, off the main thread;
 * "busy" is %TRUE until they are listed.
 */
void
xa_education_evidence_attach (XaEducationEvidence *self,
                              const char * const  *paths)
{
  XaArchiveLink link = { 0 };

  g_return_if_fail (XA_IS_EDUCATION_EVIDENCE (self));
  g_return_if_fail (self->archive != NULL);

  if (self->busy || paths == NULL || paths[0] == NULL)
    return;
  link.school_uuid = self->school_uuid;
  link.school_year = self->school_year;
  link.kind = XA_ARCHIVE_KIND_OTHER;
  set_busy (self, TRUE);
  xa_archive_import_files_async (self->archive, paths, &link, self->cancellable, imported_cb, g_object_ref (self));
}

static void
files_chosen_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(XaEducationEvidence) self = user_data;
  g_autoptr(GListModel) files = xa_choose_files_finish (result, NULL);
  g_autoptr(GStrvBuilder) paths = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;

  set_busy (self, FALSE);
  for (guint i = 0; files != NULL && i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        g_strv_builder_add (paths, path);
    }
  list = g_strv_builder_end (paths);
  xa_education_evidence_attach (self, (const char * const *) list);
}

static void
attach_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XaEducationEvidence *self = XA_EDUCATION_EVIDENCE (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->busy)
    return;
  gtk_file_filter_set_name (filter, _("PDF files and images"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/tiff");
  set_busy (self, TRUE);
  xa_choose_files_async (widget, _("Attach Evidence"), _("_Attach"), filter, self->cancellable, files_chosen_cb,
                         g_object_ref (self));
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XaEducationEvidence *self = XA_EDUCATION_EVIDENCE (widget);
  guint index = g_variant_get_uint32 (parameter);

  if (index >= self->items->len)
    return;
  /* The file stays in the archive: only the record's link to it goes. */
  g_ptr_array_remove_index (self->items, index);
  show_items (self);
}

static void
xa_education_evidence_dispose (GObject *object)
{
  XaEducationEvidence *self = XA_EDUCATION_EVIDENCE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), XA_TYPE_EDUCATION_EVIDENCE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->archive);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->school_uuid, g_free);

  G_OBJECT_CLASS (xa_education_evidence_parent_class)->dispose (object);
}

static void
xa_education_evidence_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  XaEducationEvidence *self = XA_EDUCATION_EVIDENCE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_UUIDS:
      g_value_take_boxed (value, xa_education_evidence_dup_uuids (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_education_evidence_class_init (XaEducationEvidenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_education_evidence_dispose;
  object_class->get_property = xa_education_evidence_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_UUIDS] =
    g_param_spec_boxed ("uuids", NULL, NULL, G_TYPE_STRV, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xiaoan/Xiaoan/xa-education-evidence.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, XaEducationEvidence, attach_button);
  gtk_widget_class_bind_template_child (widget_class, XaEducationEvidence, group);

  gtk_widget_class_install_action (widget_class, "evidence.attach", NULL, attach_action);
  gtk_widget_class_install_action (widget_class, "evidence.remove", "u", remove_action);
}

static void
xa_education_evidence_init (XaEducationEvidence *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->rows = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.attach", FALSE);
}

/**
 * xa_education_evidence_set_archive:
 * @school_uuid: the school the files are linked to
 * @school_year: and its year
 */
void
xa_education_evidence_set_archive (XaEducationEvidence *self,
                                   XaArchive           *archive,
                                   const char          *school_uuid,
                                   int                  school_year)
{
  g_return_if_fail (XA_IS_EDUCATION_EVIDENCE (self));
  g_return_if_fail (XA_IS_ARCHIVE (archive));

  g_set_object (&self->archive, archive);
  g_free (self->school_uuid);
  self->school_uuid = g_strdup (school_uuid);
  self->school_year = school_year;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.attach", !self->busy);
}

/**
 * xa_education_evidence_dup_uuids:
 *
 * Returns: (transfer full): the archive items attached, in order
 */
GStrv
xa_education_evidence_dup_uuids (XaEducationEvidence *self)
{
  g_autoptr(GStrvBuilder) uuids = g_strv_builder_new ();

  g_return_val_if_fail (XA_IS_EDUCATION_EVIDENCE (self), NULL);

  for (guint i = 0; i < self->items->len; i++)
    g_strv_builder_add (uuids, xa_archive_item_get_uuid (g_ptr_array_index (self->items, i)));
  return g_strv_builder_end (uuids);
}

/**
 * xa_education_evidence_set_heading:
 * @title: what the files are, for a record whose files are not evidence
 * @description: (nullable): a line under it
 */
void
xa_education_evidence_set_heading (XaEducationEvidence *self,
                                   const char          *title,
                                   const char          *description)
{
  g_return_if_fail (XA_IS_EDUCATION_EVIDENCE (self));

  adw_preferences_group_set_title (self->group, title);
  adw_preferences_group_set_description (self->group, description);
}

gboolean
xa_education_evidence_get_busy (XaEducationEvidence *self)
{
  g_return_val_if_fail (XA_IS_EDUCATION_EVIDENCE (self), FALSE);
  return self->busy;
}
