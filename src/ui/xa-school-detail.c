/* xa-school-detail.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One school to view and edit: its fields with validation shown at the field, then its
 * people and role history. Save stays disabled while a field is wrong or nothing changed.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-accessible.h"
#include "xa-school-detail.h"
#include "xa-school-people.h"
#include "xa-seal-row.h"
#include "xa-ui-utils.h"
#include "xa-unsaved.h"

#define N_FIELDS (XA_ORGANISATION_FIELD_PHONE + 1)

struct _XaSchoolDetail
{
  GtkWidget            parent_instance;

  /* Owned references */
  XaSchoolRegistry    *registry;
  XaOrganisation      *school;
  char                *server_error;

  /* Template widgets */
  AdwEntryRow         *address_row;
  GtkWidget           *cancel_button;
  AdwEntryRow         *code_row;
  GtkWidget           *delete_button;
  AdwEntryRow         *name_row;
  XaSchoolPeople      *people;
  XaSealRow           *seal_row;
  AdwEntryRow         *phone_row;
  GtkLabel            *problem_label;
  GtkWidget           *save_button;
  GtkFlowBox          *stages_box;
  AdwActionRow        *stages_row;
  GtkStack            *stack;
  AdwComboRow         *type_row;
  AdwWindowTitle      *window_title;

  /* State */
  GtkWidget           *field_rows[N_FIELDS];
  GtkToggleButton     *stage_buttons[6];
  XaOrganisationField  server_error_field;
  guint                touched;
  gboolean             folded;
  gboolean             is_new;
  gboolean             dirty;
  gboolean             loading;
  gboolean             show_all_errors;
};

static void xa_school_detail_unsaved_init (XaUnsavedInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (XaSchoolDetail, xa_school_detail, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (XA_TYPE_UNSAVED, xa_school_detail_unsaved_init))

enum {
  PROP_0,
  PROP_FOLDED,
  PROP_SCHOOL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The 学段 keys of xa-organisation.h, in the order their buttons appear. */
static const char * const stage_keys[] = {
  "preschool", "primary", "junior", "senior", "vocational", "special",
};

G_STATIC_ASSERT (G_N_ELEMENTS (stage_keys) == 6);

static char *
dup_stages (XaSchoolDetail *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) keys = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (stage_keys); i++)
    if (gtk_toggle_button_get_active (self->stage_buttons[i]))
      g_strv_builder_add (builder, stage_keys[i]);

  keys = g_strv_builder_end (builder);
  return g_strjoinv (",", keys);
}

static void
set_stages (XaSchoolDetail *self,
            const char     *stages)
{
  g_auto(GStrv) keys = g_strsplit (stages ? stages : "", ",", -1);

  for (guint i = 0; i < G_N_ELEMENTS (stage_keys); i++)
    gtk_toggle_button_set_active (self->stage_buttons[i],
                                  g_strv_contains ((const char * const *) keys, stage_keys[i]));
}

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* Copies the form into @school. */
static void
apply_form (XaSchoolDetail *self,
            XaOrganisation *school)
{
  g_autofree char *stages = dup_stages (self);

  xa_organisation_set_name (school, row_text (self->name_row));
  xa_organisation_set_code (school, row_text (self->code_row));
  xa_organisation_set_school_type (school, adw_combo_row_get_selected (self->type_row));
  xa_organisation_set_stages (school, stages);
  xa_organisation_set_address (school, row_text (self->address_row));
  xa_organisation_set_phone (school, row_text (self->phone_row));
}

static void
mark_field (XaSchoolDetail *self,
            GtkWidget      *row,
            const char     *css_class,
            const char     *message,
            GString        *problems)
{
  gtk_widget_add_css_class (row, css_class);
  gtk_widget_set_tooltip_text (row, message);
  xa_accessible_prepare (row);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                  -1);
  if (problems->len > 0)
    g_string_append_c (problems, '\n');
  g_string_append (problems, message);
}

/* Checks every field, marks the wrong ones (only those the user has already touched, so
 * that a new form does not open in red) and enables Save when all is well. */
static void
validate (XaSchoolDetail *self)
{
  g_autoptr(XaOrganisation) candidate = NULL;
  g_autoptr(GError) whole_error = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  XaOrganisationField bad_field = XA_ORGANISATION_FIELD_NONE;
  gboolean any_error = FALSE;
  gboolean shown_error = FALSE;
  const struct {
    XaOrganisationField  field;
    AdwEntryRow         *row;
  } text_fields[] = {
    { XA_ORGANISATION_FIELD_NAME, self->name_row },
    { XA_ORGANISATION_FIELD_CODE, self->code_row },
    { XA_ORGANISATION_FIELD_ADDRESS, self->address_row },
    { XA_ORGANISATION_FIELD_PHONE, self->phone_row },
  };

  for (guint i = 0; i < N_FIELDS; i++)
    if (self->field_rows[i] != NULL)
      {
        gtk_widget_remove_css_class (self->field_rows[i], "error");
        gtk_widget_remove_css_class (self->field_rows[i], "warning");
        gtk_widget_set_tooltip_text (self->field_rows[i], NULL);
        gtk_accessible_reset_property (GTK_ACCESSIBLE (self->field_rows[i]),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      }

  if (self->school == NULL && !self->is_new)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      XaOrganisationField field = text_fields[i].field;
      GtkWidget *row = GTK_WIDGET (text_fields[i].row);
      gboolean shown = self->show_all_errors || (self->touched & (1u << field)) != 0;
      g_autofree char *warning = NULL;
      g_autoptr(GError) error = NULL;

      if (!xa_organisation_check_field (field, row_text (text_fields[i].row), &warning, &error))
        {
          any_error = TRUE;
          if (shown)
            {
              mark_field (self, row, "error", error->message, problems);
              shown_error = TRUE;
            }
        }
      else if (self->server_error != NULL && self->server_error_field == field)
        {
          any_error = TRUE;
          mark_field (self, row, "error", self->server_error, problems);
          shown_error = TRUE;
        }
      else if (warning != NULL && shown)
        mark_field (self, row, "warning", warning, problems);
    }

  /* The fields that only make sense together (type and stages) are checked on the whole. */
  candidate = self->is_new ? xa_organisation_new_school () : xa_organisation_copy (self->school);
  apply_form (self, candidate);
  if (!any_error && !xa_organisation_validate (candidate, &bad_field, &whole_error))
    {
      any_error = TRUE;
      if (bad_field > XA_ORGANISATION_FIELD_NONE && bad_field < N_FIELDS &&
          (self->show_all_errors || (self->touched & (1u << bad_field)) != 0))
        {
          mark_field (self, self->field_rows[bad_field], "error", whole_error->message,
                      problems);
          shown_error = TRUE;
        }
    }

  gtk_label_set_text (self->problem_label, problems->str);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problems->len > 0);
  if (shown_error)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->problem_label), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (self->problem_label), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->problem_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->problem_label), "warning");
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "school.save",
                                 !any_error && (self->dirty || self->is_new));
}

static void
update_chrome (XaSchoolDetail *self)
{
  gboolean stored = self->school != NULL && !self->is_new;

  if (self->is_new)
    adw_window_title_set_title (self->window_title, _("New School"));
  else if (self->school != NULL)
    adw_window_title_set_title (self->window_title, xa_organisation_get_name (self->school));

  xa_stack_show_page (self->stack, self->school != NULL || self->is_new ? "school" : "empty");
  gtk_widget_set_visible (self->cancel_button, self->is_new);
  gtk_widget_set_visible (self->delete_button, stored);
  gtk_widget_set_visible (GTK_WIDGET (self->people), stored);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "school.delete", stored);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "school.cancel", self->is_new);
}

/* Fills the form from @school without counting it as an edit. */
static void
load_form (XaSchoolDetail *self,
           XaOrganisation *school)
{
  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), xa_organisation_get_name (school) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->code_row), xa_organisation_get_code (school) ?: "");
  adw_combo_row_set_selected (self->type_row, xa_organisation_get_school_type (school));
  set_stages (self, xa_organisation_get_stages (school));
  gtk_editable_set_text (GTK_EDITABLE (self->address_row),
                         xa_organisation_get_address (school) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row),
                         xa_organisation_get_phone (school) ?: "");
  self->loading = FALSE;

  self->touched = 0;
  self->dirty = FALSE;
  self->show_all_errors = FALSE;
  self->server_error_field = XA_ORGANISATION_FIELD_NONE;
  g_clear_pointer (&self->server_error, g_free);
}

static void
edited (XaSchoolDetail      *self,
        XaOrganisationField  field)
{
  if (self->loading)
    return;

  self->dirty = TRUE;
  self->touched |= 1u << field;
  if (self->server_error_field == field)
    {
      self->server_error_field = XA_ORGANISATION_FIELD_NONE;
      g_clear_pointer (&self->server_error, g_free);
    }

  validate (self);
}

static void
field_changed_cb (XaSchoolDetail *self,
                  GtkEditable    *row)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (self->field_rows[i] == GTK_WIDGET (row))
      edited (self, i);
}

static void
stage_toggled_cb (XaSchoolDetail  *self,
                  GtkToggleButton *button)
{
  edited (self, XA_ORGANISATION_FIELD_STAGES);
}

static void
type_changed_cb (XaSchoolDetail *self,
                 GParamSpec     *pspec,
                 AdwComboRow    *row)
{
  XaSchoolType type = adw_combo_row_get_selected (row);

  /* A new type brings its usual stages; the user can still change them. */
  if (!self->loading && type != XA_SCHOOL_TYPE_NONE)
    {
      self->loading = TRUE;
      set_stages (self, xa_school_type_default_stages (type));
      self->loading = FALSE;
      self->touched |= 1u << XA_ORGANISATION_FIELD_STAGES;
    }

  edited (self, XA_ORGANISATION_FIELD_SCHOOL_TYPE);
}

/* Stores the form: a wrong field is shown at the field and named in @error. */
static gboolean
save_form (XaSchoolDetail  *self,
           GError         **error)
{
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(GError) local_error = NULL;
  XaOrganisationField bad_field = XA_ORGANISATION_FIELD_NONE;
  gboolean saved;

  school = self->is_new ? xa_organisation_new_school () : xa_organisation_copy (self->school);
  apply_form (self, school);

  self->show_all_errors = TRUE;
  if (!xa_organisation_validate (school, &bad_field, error))
    {
      validate (self);
      return FALSE;
    }

  if (self->is_new)
    saved = xa_school_registry_add_school (self->registry, school, &local_error);
  else
    saved = xa_school_registry_update_school (self->registry, school, &local_error);

  if (!saved)
    {
      /* A duplicate code is the one error only the database can find: show it at the
       * field; anything else goes under the form. */
      if (g_error_matches (local_error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_DUPLICATE_CODE))
        self->server_error_field = XA_ORGANISATION_FIELD_CODE;
      else
        self->server_error_field = XA_ORGANISATION_FIELD_NONE;
      g_free (self->server_error);
      self->server_error = g_strdup (local_error->message);
      validate (self);
      if (self->server_error_field == XA_ORGANISATION_FIELD_NONE)
        {
          gtk_label_set_text (self->problem_label, local_error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
          gtk_widget_add_css_class (GTK_WIDGET (self->problem_label), "error");
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  self->is_new = FALSE;
  g_set_object (&self->school, school);
  load_form (self, school);
  xa_school_people_set_school (self->people, self->registry, xa_organisation_get_uuid (school));
  update_chrome (self);
  validate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHOOL]);
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  /* The form shows what went wrong. */
  save_form (XA_SCHOOL_DETAIL (widget), NULL);
}

static char *
xa_school_detail_dup_unsaved (XaUnsaved *unsaved)
{
  XaSchoolDetail *self = XA_SCHOOL_DETAIL (unsaved);

  if (!xa_school_detail_get_dirty (self))
    return NULL;
  if (self->is_new)
    return g_strdup (_("The new school"));

  /* Translators: what holds unsaved edits, in “%s has changes that are not saved”. */
  return g_strdup_printf (_("The school “%s”"), xa_organisation_get_name (self->school));
}

static gboolean
xa_school_detail_save (XaUnsaved  *unsaved,
                       GError    **error)
{
  return save_form (XA_SCHOOL_DETAIL (unsaved), error);
}

/* The stored school again, or none for a new one. */
static void
xa_school_detail_discard (XaUnsaved *unsaved)
{
  XaSchoolDetail *self = XA_SCHOOL_DETAIL (unsaved);

  if (self->is_new || self->school == NULL)
    {
      xa_school_detail_show_school (self, NULL);
      return;
    }

  load_form (self, self->school);
  update_chrome (self);
  validate (self);
}

static void
xa_school_detail_unsaved_init (XaUnsavedInterface *iface)
{
  iface->dup_unsaved = xa_school_detail_dup_unsaved;
  iface->save = xa_school_detail_save;
  iface->discard = xa_school_detail_discard;
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  xa_school_detail_show_school (XA_SCHOOL_DETAIL (widget), NULL);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XaSchoolDetail *self = XA_SCHOOL_DETAIL (widget);

  if (self->school == NULL || self->is_new)
    return;

  /* The schools page deletes, because it owns the toast that can undo it. */
  gtk_widget_activate_action (widget, "schools.delete-school", "s",
                              xa_organisation_get_uuid (self->school));
}

static void
populate_choices (XaSchoolDetail *self)
{
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);

  /* Translators: a school whose type has not been chosen yet. */
  gtk_string_list_append (types, _("Not Set"));
  for (XaSchoolType type = XA_SCHOOL_TYPE_NONE + 1; type < XA_N_SCHOOL_TYPES; type++)
    gtk_string_list_append (types, xa_school_type_to_label (type));
  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (types));

  for (guint i = 0; i < G_N_ELEMENTS (stage_keys); i++)
    {
      g_autofree char *label = xa_stages_to_label (stage_keys[i]);
      GtkWidget *button = gtk_toggle_button_new_with_label (label);

      g_signal_connect_object (button, "toggled", G_CALLBACK (stage_toggled_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_flow_box_append (self->stages_box, button);
      /* The toggle takes the focus, not the flow box's wrapper around it. */
      gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
      self->stage_buttons[i] = GTK_TOGGLE_BUTTON (button);
    }
}

static void
xa_school_detail_dispose (GObject *object)
{
  XaSchoolDetail *self = XA_SCHOOL_DETAIL (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), XA_TYPE_SCHOOL_DETAIL);
  /* The template's root is not a bound child, so it is unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->school);
  g_clear_object (&self->registry);

  G_OBJECT_CLASS (xa_school_detail_parent_class)->dispose (object);
}

static void
xa_school_detail_finalize (GObject *object)
{
  XaSchoolDetail *self = XA_SCHOOL_DETAIL (object);

  g_clear_pointer (&self->server_error, g_free);

  G_OBJECT_CLASS (xa_school_detail_parent_class)->finalize (object);
}

static void
xa_school_detail_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  XaSchoolDetail *self = XA_SCHOOL_DETAIL (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;

    case PROP_SCHOOL:
      g_value_set_object (value, self->school);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_school_detail_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  XaSchoolDetail *self = XA_SCHOOL_DETAIL (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      if (self->folded != g_value_get_boolean (value))
        {
          self->folded = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_school_detail_class_init (XaSchoolDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_school_detail_dispose;
  object_class->finalize = xa_school_detail_finalize;
  object_class->get_property = xa_school_detail_get_property;
  object_class->set_property = xa_school_detail_set_property;

  /* Whether the list beside this page is folded away, so that this page offers the way
   * back to it. */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* The stored school shown; %NULL while nothing is shown or a new school is drafted. */
  properties[PROP_SCHOOL] =
    g_param_spec_object ("school", NULL, NULL,
                         XA_TYPE_ORGANISATION,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (XA_TYPE_SCHOOL_PEOPLE);
  g_type_ensure (XA_TYPE_SEAL_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xiaoan/Xiaoan/xa-school-detail.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, XaSchoolDetail, address_row);
  gtk_widget_class_bind_template_child (widget_class, XaSchoolDetail, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, XaSchoolDetail, code_row);
  gtk_widget_class_bind_template_child (widget_class, XaSchoolDetail, delete_button);
  gtk_widget_class_bind_template_child (widget_class, XaSchoolDetail, name_row);
  gtk_widget_class_bind_template_child (widget_class, XaSchoolDetail, people);
  gtk_widget_class_bind_template_child (widget_class, XaSchoolDetail, phone_row);
  gtk_widget_class_bind_template_child (widget_class, XaSchoolDetail, problem_label);
  gtk_widget_class_bind_template_child (widget_class, XaSchoolDetail, save_button);
  gtk_widget_class_bind_template_child (widget_class, XaSchoolDetail, seal_row);
  gtk_widget_class_bind_template_child (widget_class, XaSchoolDetail, stages_box);
  gtk_widget_class_bind_template_child (widget_class, XaSchoolDetail, stages_row);
  gtk_widget_class_bind_template_child (widget_class, XaSchoolDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, XaSchoolDetail, type_row);
  gtk_widget_class_bind_template_child (widget_class, XaSchoolDetail, window_title);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, type_changed_cb);

  gtk_widget_class_install_action (widget_class, "school.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "school.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "school.delete", NULL, delete_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "school.save", NULL);
}

static void
xa_school_detail_init (XaSchoolDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->field_rows[XA_ORGANISATION_FIELD_NAME] = GTK_WIDGET (self->name_row);
  self->field_rows[XA_ORGANISATION_FIELD_CODE] = GTK_WIDGET (self->code_row);
  self->field_rows[XA_ORGANISATION_FIELD_SCHOOL_TYPE] = GTK_WIDGET (self->type_row);
  self->field_rows[XA_ORGANISATION_FIELD_STAGES] = GTK_WIDGET (self->stages_row);
  self->field_rows[XA_ORGANISATION_FIELD_ADDRESS] = GTK_WIDGET (self->address_row);
  self->field_rows[XA_ORGANISATION_FIELD_PHONE] = GTK_WIDGET (self->phone_row);

  populate_choices (self);
  update_chrome (self);
  validate (self);
}

void
xa_school_detail_set_registry (XaSchoolDetail   *self,
                               XaSchoolRegistry *registry)
{
  g_return_if_fail (XA_IS_SCHOOL_DETAIL (self));
  g_return_if_fail (XA_IS_SCHOOL_REGISTRY (registry));

  g_set_object (&self->registry, registry);
}

/**
 * xa_school_detail_get_school:
 *
 * Returns: (transfer none) (nullable): the stored school shown
 */
XaOrganisation *
xa_school_detail_get_school (XaSchoolDetail *self)
{
  g_return_val_if_fail (XA_IS_SCHOOL_DETAIL (self), NULL);

  return self->is_new ? NULL : self->school;
}

/**
 * xa_school_detail_show_school:
 * @school: (nullable): the school to show, or %NULL for none
 *
 * Shows @school. A fresh copy of the school already shown replaces it only when the user
 * has not edited the form, so that a refresh of the list never loses an edit.
 */
void
xa_school_detail_show_school (XaSchoolDetail *self,
                              XaOrganisation *school)
{
  gboolean same;

  g_return_if_fail (XA_IS_SCHOOL_DETAIL (self));
  g_return_if_fail (school == NULL || XA_IS_ORGANISATION (school));

  same = school != NULL && self->school != NULL && !self->is_new &&
         g_strcmp0 (xa_organisation_get_uuid (school),
                    xa_organisation_get_uuid (self->school)) == 0;
  if (same && self->dirty)
    return;

  self->is_new = FALSE;
  g_clear_object (&self->school);
  if (school != NULL)
    {
      /* The list's objects belong to the registry: edit a copy. */
      self->school = xa_organisation_copy (school);
      load_form (self, self->school);
      xa_school_people_set_school (self->people, self->registry,
                                   xa_organisation_get_uuid (school));
      xa_seal_row_set_owner (self->seal_row, self->registry, XA_SEAL_OWNER_SCHOOL,
                             xa_organisation_get_uuid (school), NULL);
    }
  else
    /* Nothing shown holds nothing unsaved, whatever the empty form went through. */
    self->dirty = FALSE;

  update_chrome (self);
  validate (self);
  if (!same)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHOOL]);
}

/**
 * xa_school_detail_new_school:
 *
 * Shows an empty form for a school to add.
 */
void
xa_school_detail_new_school (XaSchoolDetail *self)
{
  g_autoptr(XaOrganisation) draft = NULL;

  g_return_if_fail (XA_IS_SCHOOL_DETAIL (self));

  draft = xa_organisation_new_school ();
  g_set_object (&self->school, draft);
  load_form (self, draft);
  self->is_new = TRUE;
  xa_seal_row_set_owner (self->seal_row, self->registry, XA_SEAL_OWNER_SCHOOL, NULL, NULL);

  update_chrome (self);
  validate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHOOL]);
}

gboolean
xa_school_detail_get_is_new (XaSchoolDetail *self)
{
  g_return_val_if_fail (XA_IS_SCHOOL_DETAIL (self), FALSE);

  return self->is_new;
}

gboolean
xa_school_detail_get_dirty (XaSchoolDetail *self)
{
  g_return_val_if_fail (XA_IS_SCHOOL_DETAIL (self), FALSE);

  return self->dirty && (self->school != NULL || self->is_new);
}

void
xa_school_detail_focus (XaSchoolDetail *self)
{
  g_return_if_fail (XA_IS_SCHOOL_DETAIL (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}
