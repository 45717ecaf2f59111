/* xa-archive-link-form.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows that link archived files by hand to a school and school year, and to one of
 * the year's two originals: in the import's review for a file without a page code, and
 * in the detail's 关联 (linking anew).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-archive-link-form.h"
#include "core/util/xa-school-year.h"

struct _XaArchiveLinkForm
{
  AdwPreferencesGroup  parent_instance;

  XaWorkspace         *workspace;
  GPtrArray           *school_uuids;  /* of char *, beside the school row's names; [0] NULL */
  AdwComboRow         *school_row;
  AdwActionRow        *year_row;
  GtkSpinButton       *year_spin;
  AdwComboRow         *copy_row;
};

G_DEFINE_FINAL_TYPE (XaArchiveLinkForm, xa_archive_link_form, ADW_TYPE_PREFERENCES_GROUP)

static void
school_changed_cb (XaArchiveLinkForm *self)
{
  gboolean school = adw_combo_row_get_selected (self->school_row) > 0;

  gtk_widget_set_sensitive (GTK_WIDGET (self->year_row), school);
  gtk_widget_set_sensitive (GTK_WIDGET (self->copy_row), school);
}

static void
xa_archive_link_form_dispose (GObject *object)
{
  XaArchiveLinkForm *self = XA_ARCHIVE_LINK_FORM (object);

  g_clear_object (&self->workspace);
  g_clear_pointer (&self->school_uuids, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), XA_TYPE_ARCHIVE_LINK_FORM);
  G_OBJECT_CLASS (xa_archive_link_form_parent_class)->dispose (object);
}

static void
xa_archive_link_form_class_init (XaArchiveLinkFormClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = xa_archive_link_form_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xiaoan/Xiaoan/xa-archive-link-form.ui");
  gtk_widget_class_bind_template_child (widget_class, XaArchiveLinkForm, school_row);
  gtk_widget_class_bind_template_child (widget_class, XaArchiveLinkForm, year_row);
  gtk_widget_class_bind_template_child (widget_class, XaArchiveLinkForm, year_spin);
  gtk_widget_class_bind_template_child (widget_class, XaArchiveLinkForm, copy_row);
  gtk_widget_class_bind_template_callback (widget_class, school_changed_cb);
}

static void
xa_archive_link_form_init (XaArchiveLinkForm *self)
{
  self->school_uuids = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * xa_archive_link_form_new:
 *
 * The rows that link files by hand: the school (or none), its school year, and which
 * original of that year's agreement the files are (or none: another record of the
 * school's year).
 */
XaArchiveLinkForm *
xa_archive_link_form_new (XaWorkspace *workspace)
{
  XaArchiveLinkForm *self = g_object_new (XA_TYPE_ARCHIVE_LINK_FORM, NULL);
  GListModel *schools = xa_school_registry_get_schools (xa_workspace_get_registry (workspace));
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) copies = gtk_string_list_new (NULL);
  g_autoptr(GDate) today = g_date_new ();

  self->workspace = g_object_ref (workspace);
  gtk_string_list_append (names, _("No school"));
  g_ptr_array_add (self->school_uuids, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(XaOrganisation) school = g_list_model_get_item (schools, i);

      gtk_string_list_append (names, xa_organisation_get_name (school));
      g_ptr_array_add (self->school_uuids, g_strdup (xa_organisation_get_uuid (school)));
    }

  adw_combo_row_set_model (self->school_row, G_LIST_MODEL (names));
  g_date_set_time_t (today, time (NULL));
  gtk_spin_button_set_value (self->year_spin, xa_school_year_for_date (today));
  gtk_string_list_append (copies, _("Not an original"));
  gtk_string_list_append (copies, xa_archive_copy_to_label (XA_ARCHIVE_COPY_COMMISSION));
  gtk_string_list_append (copies, xa_archive_copy_to_label (XA_ARCHIVE_COPY_SCHOOL));
  adw_combo_row_set_model (self->copy_row, G_LIST_MODEL (copies));
  school_changed_cb (self);
  return self;
}

void
xa_archive_link_form_set (XaArchiveLinkForm *self,
                          const char        *school_uuid,
                          int                school_year,
                          XaArchiveCopy      copy)
{
  g_return_if_fail (XA_IS_ARCHIVE_LINK_FORM (self));

  adw_combo_row_set_selected (self->school_row, 0);
  for (guint i = 1; school_uuid != NULL && i < self->school_uuids->len; i++)
    if (g_strcmp0 (self->school_uuids->pdata[i], school_uuid) == 0)
      adw_combo_row_set_selected (self->school_row, i);
  if (school_year > 0)
    gtk_spin_button_set_value (self->year_spin, school_year);
  adw_combo_row_set_selected (self->copy_row, (guint) copy);
}

/**
 * xa_archive_link_form_get_link:
 * @agreement_uuid: (out): holds the agreement's uuid that @link points to
 *
 * The link the form says: an original of the school's agreement of the year, the
 * school and year, or nothing. An original of a year without an agreement is an error
 * that names the school and the year.
 */
gboolean
xa_archive_link_form_get_link (XaArchiveLinkForm  *self,
                               XaArchiveLink      *link,
                               char              **agreement_uuid,
                               GError            **error)
{
  guint selected = adw_combo_row_get_selected (self->school_row);
  int year = gtk_spin_button_get_value_as_int (self->year_spin);
  XaArchiveCopy copy = (XaArchiveCopy) adw_combo_row_get_selected (self->copy_row);
  g_autoptr(XaAgreement) agreement = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (XA_IS_ARCHIVE_LINK_FORM (self), FALSE);

  *agreement_uuid = NULL;
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return TRUE;

  if (copy == XA_ARCHIVE_COPY_NONE)
    {
      link->school_uuid = self->school_uuids->pdata[selected];
      link->school_year = year;
      return TRUE;
    }

  agreement = xa_agreement_book_dup_current (xa_workspace_get_agreements (self->workspace),
                                             self->school_uuids->pdata[selected], year, &local_error);
  if (agreement == NULL)
    {
      GtkStringObject *name = adw_combo_row_get_selected_item (self->school_row);
      g_autofree char *span = xa_school_year_format_span (year);

      /* Translators: a school, then a school year (2021—2022) */
      g_set_error (error, XA_ARCHIVE_ERROR, XA_ARCHIVE_ERROR_NOT_FOUND,
                   _("%s has no agreement for the school year %s"),
                   gtk_string_object_get_string (name), span);
      return FALSE;
    }

  *agreement_uuid = g_strdup (xa_agreement_get_uuid (agreement));
  link->agreement_uuid = *agreement_uuid;
  link->copy = copy;
  return TRUE;
}

AdwComboRow *
xa_archive_link_form_get_school_row (XaArchiveLinkForm *self)
{
  return self->school_row;
}

AdwComboRow *
xa_archive_link_form_get_copy_row (XaArchiveLinkForm *self)
{
  return self->copy_row;
}

GtkSpinButton *
xa_archive_link_form_get_year_spin (XaArchiveLinkForm *self)
{
  return self->year_spin;
}
