/* xa-archive-ui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the archive's views share: the words for a file's link and import, who may
 * change the archive (a school's login on the server reads its own files, the
 * commission and its clerk (档案员) file them), and the form that links files by hand
 * to a school and school year, and to one of the year's two originals.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-archive-ui.h"
#include "core/util/xa-school-year.h"
#include "ui/xa-application.h"
#include "ui/xa-ui-utils.h"

char *
xa_archive_ui_dup_link_text (XaArchiveItem *item)
{
  g_autofree char *year = NULL;

  if (!xa_archive_item_get_linked (item))
    return g_strdup (_("Not linked yet"));

  year = xa_school_year_format_span (xa_archive_item_get_school_year (item));
  if (xa_archive_item_get_copy (item) != XA_ARCHIVE_COPY_NONE)
    /* Translators: a school, a school year (2026—2027) and an original (区教委存) */
    return g_strdup_printf (_("%s, %s, original %s"), xa_archive_item_get_school_name (item), year,
                            xa_archive_copy_to_label (xa_archive_item_get_copy (item)));

  /* Translators: a school and a school year (2026—2027) */
  return g_strdup_printf (_("%s, %s"), xa_archive_item_get_school_name (item), year);
}

char *
xa_archive_ui_dup_imported (XaArchiveItem *item)
{
  g_autofree char *when = xa_format_timestamp (xa_archive_item_get_imported_at (item));
  const char *who = xa_archive_item_get_imported_by (item);

  if (who == NULL || *who == '\0')
    return g_steal_pointer (&when);

  /* Translators: who imported a file, then when */
  return g_strdup_printf (_("%s, %s"), who, when);
}

/* The commission and its clerk file and check; a school's login on the server only
 * reads what the server lets it see, its own files. */
gboolean
xa_archive_ui_is_commission (XaWorkspace *workspace)
{
  g_autoptr(GSettings) settings = g_settings_new (XA_SETTINGS_SCHEMA_ID);
  g_autofree char *role = g_settings_get_string (settings, "operator-role");

  if (!xa_store_get_is_server (xa_workspace_get_store (workspace)))
    return TRUE;
  return g_strcmp0 (role, "commission") == 0 || g_strcmp0 (role, "clerk") == 0;
}

gboolean
xa_archive_ui_can_change (XaWorkspace *workspace)
{
  return !xa_store_get_read_only (xa_workspace_get_store (workspace)) &&
         xa_archive_ui_is_commission (workspace);
}

/* The link form */

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
xa_archive_link_form_dispose (GObject *object)
{
  XaArchiveLinkForm *self = XA_ARCHIVE_LINK_FORM (object);

  g_clear_object (&self->workspace);
  g_clear_pointer (&self->school_uuids, g_ptr_array_unref);
  G_OBJECT_CLASS (xa_archive_link_form_parent_class)->dispose (object);
}

static void
xa_archive_link_form_class_init (XaArchiveLinkFormClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = xa_archive_link_form_dispose;
}

static void
xa_archive_link_form_init (XaArchiveLinkForm *self)
{
  self->school_uuids = g_ptr_array_new_with_free_func (g_free);
}

static void
school_changed_cb (XaArchiveLinkForm *self)
{
  gboolean school = adw_combo_row_get_selected (self->school_row) > 0;

  gtk_widget_set_sensitive (GTK_WIDGET (self->year_row), school);
  gtk_widget_set_sensitive (GTK_WIDGET (self->copy_row), school);
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

  self->school_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->school_row), _("School"));
  adw_combo_row_set_model (self->school_row, G_LIST_MODEL (names));
  g_signal_connect_swapped (self->school_row, "notify::selected", G_CALLBACK (school_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->school_row));

  g_date_set_time_t (today, time (NULL));
  self->year_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->year_row), _("School year starting"));
  self->year_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (2000, 2100, 1));
  gtk_spin_button_set_value (self->year_spin, xa_school_year_for_date (today));
  gtk_widget_set_valign (GTK_WIDGET (self->year_spin), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->year_spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("School year starting"), -1);
  adw_action_row_add_suffix (self->year_row, GTK_WIDGET (self->year_spin));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->year_row));

  gtk_string_list_append (copies, _("Not an original"));
  gtk_string_list_append (copies, xa_archive_copy_to_label (XA_ARCHIVE_COPY_COMMISSION));
  gtk_string_list_append (copies, xa_archive_copy_to_label (XA_ARCHIVE_COPY_SCHOOL));
  self->copy_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->copy_row), _("Original of the agreement"));
  adw_combo_row_set_model (self->copy_row, G_LIST_MODEL (copies));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->copy_row));

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
