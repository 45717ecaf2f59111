/* xa-education-settings.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The year's plan and the policies of the education section, opened from its menu: a
 * school records its plan of safety education and its teaching materials for the year
 * (two of the 四落实, xa_education_book_set_plan()); the commission sets the district's
 * rules: the minimum hours a year by 学段, the sessions that make a person educated and
 * the 法治副校长's lessons (XaEducationPolicy), the months a school and a kindergarten
 * may go without a drill and their target evacuation times (XaDrillPolicy). Each sees
 * the other's part without editing it, as on a server, where a school's login may not
 * write the district's rules. Ctrl+S saves the operator's part in one transaction; a
 * value out of its bounds is refused with the core's message naming the setting, and
 * nothing changes. The summary follows through the store's change notes.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-education-settings.h"
#include "xa-accessible.h"
#include "core/util/xa-school-year.h"

typedef struct
{
  const char *name;
  const char *label;
  guint       lower;
  guint       upper;
} Setting;

/* In the order of XaEducationPolicy's members. Above 1000 the core refuses a value and
 * says so; the spins allow it so that its message is the one shown. */
static const Setting education_settings[] = {
  { "hours-preschool", N_("Minimum hours a year, preschool (学前)"), 0, 9999 },
  { "hours-primary", N_("Minimum hours a year, primary (小学)"), 0, 9999 },
  { "hours-junior", N_("Minimum hours a year, junior secondary (初中)"), 0, 9999 },
  { "hours-senior", N_("Minimum hours a year, senior secondary (高中)"), 0, 9999 },
  { "hours-vocational", N_("Minimum hours a year, vocational (中职)"), 0, 9999 },
  { "hours-special", N_("Minimum hours a year, special education (特教)"), 0, 9999 },
  { "required-sessions", N_("Sessions that make a person educated"), 0, 9999 },
  { "legal-lessons", N_("Lessons a year of the 法治副校长"), 0, 9999 },
};

/* In the order of XaDrillPolicy's members; the core keeps the months to 1, 2, 3, 4 or 6
 * and the targets to 10 to 3600 seconds. */
static const Setting drill_settings[] = {
  { "school-months", N_("Months between drills, schools"), 1, 12 },
  { "kindergarten-months", N_("Months between drills, kindergartens"), 1, 12 },
  { "school-target", N_("Target evacuation time, schools (seconds)"), 0, 9999 },
  { "kindergarten-target", N_("Target evacuation time, kindergartens (seconds)"), 0, 9999 },
};

G_STATIC_ASSERT (G_N_ELEMENTS (education_settings) * sizeof (guint) == sizeof (XaEducationPolicy));
G_STATIC_ASSERT (G_N_ELEMENTS (drill_settings) * sizeof (guint) == sizeof (XaDrillPolicy));

struct _XaEducationSettings
{
  XaRecordWindow       parent_instance;

  /* Owned references */
  XaWorkspace         *workspace;
  char                *school_uuid;
  GPtrArray           *spins;        /* GtkSpinButton: the education settings, then the drill's */

  /* Template widgets */
  AdwPreferencesGroup *drill_group;
  AdwPreferencesGroup *education_group;
  GtkLabel            *error_label;
  AdwEntryRow         *materials_row;
  AdwPreferencesGroup *plan_group;
  AdwEntryRow         *plan_row;
  AdwWindowTitle      *window_title;

  /* State */
  int                  school_year;
  gboolean             commission;
  gboolean             unread;      /* a read failed: the fields hold no stored values */
};

G_DEFINE_FINAL_TYPE (XaEducationSettings, xa_education_settings, XA_TYPE_RECORD_WINDOW)

static void
changed_cb (XaEducationSettings *self)
{
  xa_record_window_changed (XA_RECORD_WINDOW (self));
}

static void
add_spin (XaEducationSettings *self,
          AdwPreferencesGroup *group,
          const Setting       *setting)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (setting->lower, setting->upper, 1);

  gtk_widget_set_name (spin, setting->name);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, _(setting->label), -1);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(setting->label));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (group, row);
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  g_ptr_array_add (self->spins, spin);
}

static void
read_spins (XaEducationSettings *self,
            guint               *values,
            guint                first,
            guint                n)
{
  for (guint i = 0; i < n; i++)
    values[i] = (guint) gtk_spin_button_get_value_as_int (g_ptr_array_index (self->spins, first + i));
}

static void
show_spins (XaEducationSettings *self,
            const guint         *values,
            guint                first,
            guint                n)
{
  for (guint i = 0; i < n; i++)
    gtk_spin_button_set_value (g_ptr_array_index (self->spins, first + i), values[i]);
}

/* The operator's part: the district's rules for the commission, else the school's plan. */
static gboolean
xa_education_settings_save (XaRecordWindow  *window,
                            GError         **error)
{
  XaEducationSettings *self = XA_EDUCATION_SETTINGS (window);
  g_autoptr(GError) local_error = NULL;
  gboolean saved;

  /* Fields that were never filled would be saved over the stored rules and plan. */
  if (self->unread)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The rules and the plan could not be read, so nothing is saved over them; close and try again"));
      return FALSE;
    }
  if (self->commission)
    {
      XaEducationPolicy education;
      XaDrillPolicy drill;

      read_spins (self, (guint *) &education, 0, G_N_ELEMENTS (education_settings));
      read_spins (self, (guint *) &drill, G_N_ELEMENTS (education_settings), G_N_ELEMENTS (drill_settings));
      saved = xa_drill_book_save_policies (xa_workspace_get_drills (self->workspace), &drill, &education, &local_error);
    }
  else
    saved = xa_education_book_set_plan (xa_workspace_get_education (self->workspace), self->school_uuid,
                                        self->school_year, gtk_editable_get_text (GTK_EDITABLE (self->plan_row)),
                                        gtk_editable_get_text (GTK_EDITABLE (self->materials_row)), &local_error);
  if (!saved)
    return xa_record_window_refuse (window, g_steal_pointer (&local_error), error);
  return TRUE;
}

/* The object */

static void
xa_education_settings_dispose (GObject *object)
{
  XaEducationSettings *self = XA_EDUCATION_SETTINGS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), XA_TYPE_EDUCATION_SETTINGS);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->school_uuid, g_free);
  g_clear_pointer (&self->spins, g_ptr_array_unref);

  G_OBJECT_CLASS (xa_education_settings_parent_class)->dispose (object);
}

static void
xa_education_settings_class_init (XaEducationSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_education_settings_dispose;

  XA_RECORD_WINDOW_CLASS (klass)->save = xa_education_settings_save;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xiaoan/Xiaoan/xa-education-settings.ui");
  gtk_widget_class_bind_template_child (widget_class, XaEducationSettings, drill_group);
  gtk_widget_class_bind_template_child (widget_class, XaEducationSettings, education_group);
  gtk_widget_class_bind_template_child (widget_class, XaEducationSettings, error_label);
  gtk_widget_class_bind_template_child (widget_class, XaEducationSettings, materials_row);
  gtk_widget_class_bind_template_child (widget_class, XaEducationSettings, plan_group);
  gtk_widget_class_bind_template_child (widget_class, XaEducationSettings, plan_row);
  gtk_widget_class_bind_template_child (widget_class, XaEducationSettings, window_title);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
}

static void
xa_education_settings_init (XaEducationSettings *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->spins = g_ptr_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (education_settings); i++)
    add_spin (self, self->education_group, &education_settings[i]);
  for (guint i = 0; i < G_N_ELEMENTS (drill_settings); i++)
    add_spin (self, self->drill_group, &drill_settings[i]);
}

/**
 * xa_education_settings_new:
 * @school_uuid: the school whose plan shows
 * @school_name: its name, for the window's subtitle
 * @school_year: the 学年度 of the plan
 * @commission: whether the operator sets the district's rules (else the school's plan)
 *
 * Returns: (transfer floating): the window, filled from the store, to present
 */
GtkWidget *
xa_education_settings_new (XaWorkspace *workspace,
                           const char  *school_uuid,
                           const char  *school_name,
                           int          school_year,
                           gboolean     commission)
{
  XaEducationSettings *self;
  XaEducationPolicy education;
  XaDrillPolicy drill;
  g_autoptr(GError) error = NULL;
  g_autofree char *plan = NULL;
  g_autofree char *materials = NULL;
  g_autofree char *year = xa_school_year_format (school_year, FALSE);
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (XA_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (school_uuid != NULL, NULL);

  self = g_object_new (XA_TYPE_EDUCATION_SETTINGS, NULL);
  self->workspace = g_object_ref (workspace);
  self->school_uuid = g_strdup (school_uuid);
  self->school_year = school_year;
  self->commission = commission;

  if (!xa_education_book_read_policy (xa_workspace_get_education (workspace), &education, &error) ||
      !xa_drill_book_read_policy (xa_workspace_get_drills (workspace), &drill, &error) ||
      !xa_education_book_read_plan (xa_workspace_get_education (workspace), school_uuid, school_year, &plan,
                                    &materials, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      self->unread = TRUE;
    }
  else
    {
      show_spins (self, (const guint *) &education, 0, G_N_ELEMENTS (education_settings));
      show_spins (self, (const guint *) &drill, G_N_ELEMENTS (education_settings), G_N_ELEMENTS (drill_settings));
      gtk_editable_set_text (GTK_EDITABLE (self->plan_row), plan);
      gtk_editable_set_text (GTK_EDITABLE (self->materials_row), materials);
    }

  /* Translators: the subtitle of the plan and policies: the school, the school year */
  subtitle = g_strdup_printf (_("%s, %s"), school_name != NULL ? school_name : "", year);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  adw_preferences_group_set_description (self->plan_group,
                                         commission ? _("The school records its plan and materials.")
                                                    : _("Two of the four implementations (四落实); the hours and the teachers follow from the sessions."));
  gtk_widget_set_sensitive (GTK_WIDGET (self->plan_row), !commission);
  gtk_widget_set_sensitive (GTK_WIDGET (self->materials_row), !commission);
  for (guint i = 0; i < self->spins->len; i++)
    gtk_widget_set_sensitive (g_ptr_array_index (self->spins, i), commission);
  if (!commission)
    {
      adw_preferences_group_set_description (self->education_group, _("The commission sets the district's rules."));
      adw_preferences_group_set_description (self->drill_group, _("The commission sets the district's rules."));
    }

  xa_accessible_prepare (GTK_WIDGET (self));
  /* Translators: what holds unsaved edits, in “%s has changes that are not saved” */
  xa_record_window_set_unsaved (XA_RECORD_WINDOW (self), commission ? _("The district's rules") : _("The year's plan"));
  xa_record_window_set_filling (XA_RECORD_WINDOW (self), FALSE);
  gtk_widget_grab_focus (commission ? GTK_WIDGET (g_ptr_array_index (self->spins, 0)) : GTK_WIDGET (self->plan_row));
  return GTK_WIDGET (self);
}

/**
 * xa_education_settings_get_spin:
 * @name: a setting, as "hours-primary" or "school-months"
 *
 * Returns: (transfer none) (nullable): the setting's spin button
 */
GtkSpinButton *
xa_education_settings_get_spin (XaEducationSettings *self,
                                const char          *name)
{
  g_return_val_if_fail (XA_IS_EDUCATION_SETTINGS (self), NULL);

  for (guint i = 0; i < self->spins->len; i++)
    if (g_strcmp0 (gtk_widget_get_name (g_ptr_array_index (self->spins, i)), name) == 0)
      return g_ptr_array_index (self->spins, i);
  return NULL;
}
