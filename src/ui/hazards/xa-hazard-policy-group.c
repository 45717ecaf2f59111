/* xa-hazard-policy-group.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The district's default deadlines by grade in the preferences (xa-hazard-policy.h).
 * What is typed is stored a moment after the last change, not at every click of the
 * spin buttons: each store is a transaction and an audit entry. On a district's server
 * only the commission's staff change them; a school's own database is its own to set.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-hazard-policy-group.h"
#include "xa-application.h"
#include "xa-ui-utils.h"
#include "core/hazards/xa-hazard-policy.h"

/* How long after the last change the deadlines are stored. */
#define SAVE_DELAY_MS 800

struct _XaHazardPolicyGroup
{
  AdwPreferencesGroup  parent_instance;

  /* Template widgets */
  AdwActionRow        *general_row;
  GtkSpinButton       *general_spin;
  AdwActionRow        *major_row;
  GtkSpinButton       *major_spin;

  /* Owned references */
  XaHazardBook        *book;
  GSettings           *settings;

  /* State */
  guint                save_id;
  gboolean             filling;
};

G_DEFINE_FINAL_TYPE (XaHazardPolicyGroup, xa_hazard_policy_group, ADW_TYPE_PREFERENCES_GROUP)

static void
update_editable (XaHazardPolicyGroup *self)
{
  gboolean commission = g_strcmp0 (g_settings_get_string (self->settings, "operator-role"), "commission") == 0;
  gboolean server = self->book != NULL && xa_store_get_is_server (xa_hazard_book_get_store (self->book));
  gboolean editable = self->book != NULL && (commission || !server) &&
                      !xa_store_get_read_only (xa_hazard_book_get_store (self->book));

  gtk_widget_set_sensitive (GTK_WIDGET (self->general_spin), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->major_spin), editable);
  adw_action_row_set_subtitle (self->general_row, editable || self->book == NULL ? NULL : _("Set by the commission"));
  adw_action_row_set_subtitle (self->major_row, editable || self->book == NULL ? NULL : _("Set by the commission"));
}

static void
fill (XaHazardPolicyGroup *self)
{
  g_autoptr(GError) error = NULL;
  XaHazardSettings settings;

  if (self->book == NULL)
    return;
  if (!xa_hazard_book_read_settings (self->book, &settings, &error))
    {
      xa_widget_show_error (GTK_WIDGET (self), _("The Default Deadlines Were Not Read"), error->message);
      return;
    }

  self->filling = TRUE;
  gtk_spin_button_set_value (self->general_spin, settings.deadline_days[XA_HAZARD_GRADE_GENERAL]);
  gtk_spin_button_set_value (self->major_spin, settings.deadline_days[XA_HAZARD_GRADE_MAJOR]);
  self->filling = FALSE;
}

/**
 * xa_hazard_policy_group_flush:
 *
 * Stores the deadlines typed, if a store is waiting; a refusal is shown and the stored
 * ones come back.
 */
void
xa_hazard_policy_group_flush (XaHazardPolicyGroup *self)
{
  g_autoptr(GError) error = NULL;
  XaHazardSettings settings;

  g_return_if_fail (XA_IS_HAZARD_POLICY_GROUP (self));

  if (self->save_id == 0)
    return;
  g_clear_handle_id (&self->save_id, g_source_remove);

  xa_hazard_settings_init (&settings);
  settings.deadline_days[XA_HAZARD_GRADE_GENERAL] = (guint) gtk_spin_button_get_value_as_int (self->general_spin);
  settings.deadline_days[XA_HAZARD_GRADE_MAJOR] = (guint) gtk_spin_button_get_value_as_int (self->major_spin);
  if (!xa_hazard_book_save_settings (self->book, &settings, &error))
    {
      xa_widget_show_error (GTK_WIDGET (self), _("The Default Deadlines Were Not Saved"), error->message);
      fill (self);
    }
}

static gboolean
save_cb (gpointer user_data)
{
  XaHazardPolicyGroup *self = user_data;

  xa_hazard_policy_group_flush (self);
  return G_SOURCE_REMOVE;
}

static void
value_changed_cb (XaHazardPolicyGroup *self)
{
  if (self->filling || self->book == NULL)
    return;

  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MS, save_cb, self);
}

static void
xa_hazard_policy_group_dispose (GObject *object)
{
  XaHazardPolicyGroup *self = XA_HAZARD_POLICY_GROUP (object);

  /* Closing the preferences right after typing keeps what was typed. */
  if (self->book != NULL)
    xa_hazard_policy_group_flush (self);
  g_clear_handle_id (&self->save_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), XA_TYPE_HAZARD_POLICY_GROUP);
  g_clear_object (&self->book);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (xa_hazard_policy_group_parent_class)->dispose (object);
}

static void
xa_hazard_policy_group_class_init (XaHazardPolicyGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_hazard_policy_group_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xiaoan/Xiaoan/xa-hazard-policy-group.ui");
  gtk_widget_class_bind_template_child (widget_class, XaHazardPolicyGroup, general_row);
  gtk_widget_class_bind_template_child (widget_class, XaHazardPolicyGroup, general_spin);
  gtk_widget_class_bind_template_child (widget_class, XaHazardPolicyGroup, major_row);
  gtk_widget_class_bind_template_child (widget_class, XaHazardPolicyGroup, major_spin);
  gtk_widget_class_bind_template_callback (widget_class, value_changed_cb);
}

static void
xa_hazard_policy_group_init (XaHazardPolicyGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (XA_SETTINGS_SCHEMA_ID);
  g_signal_connect_object (self->settings, "changed::operator-role", G_CALLBACK (update_editable), self,
                           G_CONNECT_SWAPPED);
  update_editable (self);
}

/**
 * xa_hazard_policy_group_set_book:
 * @book: (nullable): the open workspace's hazards; %NULL hides the group
 */
void
xa_hazard_policy_group_set_book (XaHazardPolicyGroup *self,
                                 XaHazardBook        *book)
{
  g_return_if_fail (XA_IS_HAZARD_POLICY_GROUP (self));

  if (self->book != NULL)
    xa_hazard_policy_group_flush (self);
  g_set_object (&self->book, book);
  gtk_widget_set_visible (GTK_WIDGET (self), book != NULL);
  fill (self);
  update_editable (self);
}
