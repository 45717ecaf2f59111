/* xa-hazard-form.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The entry form of one hazard, for people who record dozens a week (issue 11): the
 * columns of the ledger in its order (reference/domain.md §3.2), which is the order Tab
 * goes through them; a new hazard opens on today, the school being viewed and its year,
 * the inspection type and category used last, and the deadline that the grade's default
 * days give, which follows the date and the grade until it is typed. A 重大 hazard shows
 * what it needs before its fix starts. A wrong field is marked where it is, with the
 * core's message under it, once it has been typed in or a save was tried.
 *
 * Every edit goes to the draft (xa-hazard-draft.c), which the page offers back after a
 * crash. Leaving with edits asks first (XaUnsaved). The form never touches the store
 * but through XaHazardBook.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-hazard-form-private.h"
#include "xa-hazard-text-row.h"
#include "xa-hazard-ui.h"
#include "xa-accessible.h"
#include "xa-application.h"
#include "xa-ui-utils.h"
#include "xa-unsaved.h"
#include "core/hazards/xa-hazard-policy.h"
#include "core/util/xa-date.h"
#include "core/util/xa-school-year.h"

static void xa_hazard_form_unsaved_init (XaUnsavedInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (XaHazardForm, xa_hazard_form, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (XA_TYPE_UNSAVED, xa_hazard_form_unsaved_init))

enum {
  PROP_0,
  PROP_DIRTY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_dirty (XaHazardForm *self,
           gboolean      dirty)
{
  if (self->dirty == dirty)
    return;

  self->dirty = dirty;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

/* After every change the user made: the draft, the check, the dirty mark. */
static void
edited (XaHazardForm  *self,
        XaHazardField  field)
{
  g_autoptr(XaHazard) hazard = NULL;

  if (self->loading > 0 || self->base == NULL)
    return;

  if (field < XA_HAZARD_FIELD_NONE)
    self->touched |= BIT (field);
  set_dirty (self, TRUE);

  hazard = xa_hazard_form_dup_hazard (self);
  if (self->draft != NULL)
    xa_hazard_draft_schedule (self->draft, hazard);

  _xa_hazard_form_validate (self);
}

static XaHazardField
field_of (XaHazardForm *self,
          GtkWidget    *widget)
{
  for (XaHazardField field = 0; field < XA_HAZARD_FIELD_NONE; field++)
    if (self->rows[field] == widget)
      return field;

  return XA_HAZARD_FIELD_NONE;
}

/* The deadline the grade's default days give, while it was not typed. */
static void
update_deadline (XaHazardForm *self)
{
  g_autofree char *found_on = NULL;
  g_autofree char *date = NULL;
  g_autofree char *deadline = NULL;
  XaHazardGrade grade = adw_combo_row_get_selected (ADW_COMBO_ROW (self->grade_row));

  if (self->deadline_typed)
    return;

  found_on = _xa_hazard_form_dup_widget_text (self->found_on_row);
  if ((date = xa_date_normalise (g_strstrip (found_on))) == NULL ||
      (deadline = xa_hazard_settings_dup_deadline (&self->deadlines, grade, date)) == NULL)
    return;

  self->loading++;
  _xa_hazard_form_set_widget_text (self->deadline_row, deadline);
  self->loading--;
}

/* The school year of the day found, while no other was chosen. */
static void
update_year (XaHazardForm *self)
{
  g_autofree char *found_on = _xa_hazard_form_dup_widget_text (self->found_on_row);
  g_autofree char *normalised = xa_date_normalise (g_strstrip (found_on));
  GDate date;

  if (self->year_chosen || normalised == NULL || !xa_date_parse (normalised, &date))
    return;

  _xa_hazard_form_select_year (self, xa_school_year_for_date (&date));
}

/* Callbacks */

static void
text_changed_cb (XaHazardForm *self,
                 GtkWidget    *row)
{
  XaHazardField field = field_of (self, row);

  if (self->loading > 0)
    return;

  if (field >= XA_HAZARD_FIELD_TEMPORARY_MEASURES && field <= XA_HAZARD_FIELD_SUPERVISOR)
    _xa_hazard_form_update_major_group (self);
  edited (self, field);
}

static void
found_on_changed_cb (XaHazardForm *self,
                     GtkWidget    *row)
{
  if (self->loading > 0)
    return;

  update_year (self);
  update_deadline (self);
  edited (self, XA_HAZARD_FIELD_FOUND_ON);
}

static void
deadline_changed_cb (XaHazardForm *self,
                     GtkWidget    *row)
{
  if (self->loading > 0)
    return;

  self->deadline_typed = TRUE;
  edited (self, XA_HAZARD_FIELD_DEADLINE);
}

static void
choice_changed_cb (XaHazardForm *self,
                   GParamSpec   *pspec,
                   GtkWidget    *row)
{
  edited (self, field_of (self, row));
}

static void
year_changed_cb (XaHazardForm *self,
                 GParamSpec   *pspec,
                 GtkWidget    *row)
{
  if (self->loading > 0)
    return;

  self->year_chosen = TRUE;
  edited (self, XA_HAZARD_FIELD_SCHOOL_YEAR);
}

static void
grade_changed_cb (XaHazardForm *self,
                  GParamSpec   *pspec,
                  GtkWidget    *row)
{
  if (self->loading > 0)
    return;

  _xa_hazard_form_update_major_group (self);
  update_deadline (self);
  edited (self, XA_HAZARD_FIELD_GRADE);
}

/* Marked as reported, the day of the report is today unless given. */
static void
switch_changed_cb (XaHazardForm *self,
                   GParamSpec   *pspec,
                   GtkSwitch    *toggle)
{
  gboolean reported = toggle == self->reported_switch;

  if (self->loading > 0)
    return;

  if (reported && gtk_switch_get_active (toggle) &&
      gtk_editable_get_text (GTK_EDITABLE (self->reported_on_row))[0] == '\0')
    {
      g_autofree char *today = xa_date_today_iso ();

      self->loading++;
      _xa_hazard_form_set_widget_text (self->reported_on_row, today);
      self->loading--;
    }

  _xa_hazard_form_update_major_group (self);
  edited (self, reported ? XA_HAZARD_FIELD_REPORTED : XA_HAZARD_FIELD_SUPERVISED);
}

static void
school_picked_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(XaHazardForm) self = user_data;
  g_autofree char *uuid = NULL;
  gboolean picked = FALSE;

  self->picking = FALSE;
  uuid = xa_hazard_pick_school_finish (result, &picked);
  if (!picked || uuid == NULL || g_strcmp0 (uuid, self->school_uuid) == 0)
    return;

  g_free (self->school_uuid);
  self->school_uuid = g_steal_pointer (&uuid);
  _xa_hazard_form_update_school_row (self);
  edited (self, XA_HAZARD_FIELD_SCHOOL_UUID);
}

/* Only a new hazard may change its school: a stored one is numbered in its school. */
static void
school_row_activated_cb (XaHazardForm *self)
{
  if (self->registry == NULL || self->picking || !xa_hazard_form_get_is_new (self))
    return;

  self->picking = TRUE;
  xa_hazard_pick_school_async (GTK_WIDGET (self), self->registry, self->school_uuid, FALSE,
                               self->cancellable, school_picked_cb, g_object_ref (self));
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XaHazardForm *self = XA_HAZARD_FORM (widget);
  g_autoptr(GError) error = NULL;

  /* A wrong field shows where it is, with the focus in it; only the book's refusals
   * (the school removed, someone else's save) need a dialog. */
  if (!xa_hazard_form_save (self, &error) &&
      !g_error_matches (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_INVALID) &&
      !g_error_matches (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_NUMBER))
    xa_widget_show_error (widget, _("The Hazard Was Not Saved"), error->message);
}

static void
cancel_guarded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(XaHazardForm) self = user_data;

  /* 保存 and 放弃 have ended the form already (done); 取消 stays. */
  xa_unsaved_guard_finish (XA_UNSAVED (self), result);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XaHazardForm *self = XA_HAZARD_FORM (widget);

  if (!self->dirty)
    {
      xa_hazard_form_discard (self);
      return;
    }

  xa_unsaved_guard_async (XA_UNSAVED (self), self->cancellable, cancel_guarded_cb, g_object_ref (self));
}

/* Object */

static void
xa_hazard_form_dispose (GObject *object)
{
  XaHazardForm *self = XA_HAZARD_FORM (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), XA_TYPE_HAZARD_FORM);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->error_row);
  g_clear_object (&self->base);
  g_clear_object (&self->draft);
  g_clear_object (&self->book);
  g_clear_object (&self->registry);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (xa_hazard_form_parent_class)->dispose (object);
}

static void
xa_hazard_form_finalize (GObject *object)
{
  XaHazardForm *self = XA_HAZARD_FORM (object);

  g_clear_pointer (&self->years, g_array_unref);
  g_clear_pointer (&self->school_uuid, g_free);

  G_OBJECT_CLASS (xa_hazard_form_parent_class)->finalize (object);
}

static void
xa_hazard_form_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  XaHazardForm *self = XA_HAZARD_FORM (object);

  switch (prop_id)
    {
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_hazard_form_class_init (XaHazardFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_hazard_form_dispose;
  object_class->finalize = xa_hazard_form_finalize;
  object_class->get_property = xa_hazard_form_get_property;

  /* Whether the form holds edits not saved. */
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * XaHazardForm::done:
   * @hazard: (nullable): the hazard as saved, or %NULL when the edits were given up
   *
   * The form is finished with: its hazard saved, or its edits discarded.
   */
  signals[SIGNAL_DONE] =
    g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, XA_TYPE_HAZARD);

  g_type_ensure (XA_TYPE_HAZARD_TEXT_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xiaoan/Xiaoan/xa-hazard-form.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, XaHazardForm, category_row);
  gtk_widget_class_bind_template_child (widget_class, XaHazardForm, completed_on_row);
  gtk_widget_class_bind_template_child (widget_class, XaHazardForm, completion_notes_row);
  gtk_widget_class_bind_template_child (widget_class, XaHazardForm, deadline_row);
  gtk_widget_class_bind_template_child (widget_class, XaHazardForm, department_row);
  gtk_widget_class_bind_template_child (widget_class, XaHazardForm, description_row);
  gtk_widget_class_bind_template_child (widget_class, XaHazardForm, found_by_row);
  gtk_widget_class_bind_template_child (widget_class, XaHazardForm, found_on_row);
  gtk_widget_class_bind_template_child (widget_class, XaHazardForm, funds_row);
  gtk_widget_class_bind_template_child (widget_class, XaHazardForm, funds_source_row);
  gtk_widget_class_bind_template_child (widget_class, XaHazardForm, grade_row);
  gtk_widget_class_bind_template_child (widget_class, XaHazardForm, major_group);
  gtk_widget_class_bind_template_child (widget_class, XaHazardForm, measures_row);
  gtk_widget_class_bind_template_child (widget_class, XaHazardForm, place_row);
  gtk_widget_class_bind_template_child (widget_class, XaHazardForm, problem_label);
  gtk_widget_class_bind_template_child (widget_class, XaHazardForm, progress_group);
  gtk_widget_class_bind_template_child (widget_class, XaHazardForm, reinspected_on_row);
  gtk_widget_class_bind_template_child (widget_class, XaHazardForm, reinspector_row);
  gtk_widget_class_bind_template_child (widget_class, XaHazardForm, remarks_row);
  gtk_widget_class_bind_template_child (widget_class, XaHazardForm, reported_on_row);
  gtk_widget_class_bind_template_child (widget_class, XaHazardForm, reported_row);
  gtk_widget_class_bind_template_child (widget_class, XaHazardForm, responsible_row);
  gtk_widget_class_bind_template_child (widget_class, XaHazardForm, reported_switch);
  gtk_widget_class_bind_template_child (widget_class, XaHazardForm, school_arrow);
  gtk_widget_class_bind_template_child (widget_class, XaHazardForm, school_row);
  gtk_widget_class_bind_template_child (widget_class, XaHazardForm, scroller);
  gtk_widget_class_bind_template_child (widget_class, XaHazardForm, supervised_row);
  gtk_widget_class_bind_template_child (widget_class, XaHazardForm, supervised_switch);
  gtk_widget_class_bind_template_child (widget_class, XaHazardForm, supervisor_row);
  gtk_widget_class_bind_template_child (widget_class, XaHazardForm, temporary_measures_row);
  gtk_widget_class_bind_template_child (widget_class, XaHazardForm, title_label);
  gtk_widget_class_bind_template_child (widget_class, XaHazardForm, type_row);
  gtk_widget_class_bind_template_child (widget_class, XaHazardForm, year_labels);
  gtk_widget_class_bind_template_child (widget_class, XaHazardForm, year_row);
  gtk_widget_class_bind_template_callback (widget_class, choice_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, deadline_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, found_on_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, grade_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, school_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, switch_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, text_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, year_changed_cb);

  gtk_widget_class_install_action (widget_class, "hazard-form.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "hazard-form.cancel", NULL, cancel_action);
}

static void
set_choices (GtkWidget     *row,
             XaHazardField  field)
{
  g_autoptr(GtkStringList) choices = xa_hazard_choices_new (field);

  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (choices));
}

static void
xa_hazard_form_init (XaHazardForm *self)
{
  GtkEventController *controller;
  GtkWidget *label;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (XA_SETTINGS_SCHEMA_ID);
  self->years = g_array_new (FALSE, FALSE, sizeof (int));
  self->error_field = XA_HAZARD_FIELD_NONE;
  xa_hazard_settings_init (&self->deadlines);

  self->loading++;
  set_choices (self->type_row, XA_HAZARD_FIELD_INSPECTION_TYPE);
  set_choices (self->category_row, XA_HAZARD_FIELD_CATEGORY);
  set_choices (self->grade_row, XA_HAZARD_FIELD_GRADE);
  self->loading--;

  self->rows[XA_HAZARD_FIELD_SCHOOL_UUID] = self->school_row;
  self->rows[XA_HAZARD_FIELD_FOUND_ON] = self->found_on_row;
  self->rows[XA_HAZARD_FIELD_FOUND_BY] = self->found_by_row;
  self->rows[XA_HAZARD_FIELD_PLACE] = self->place_row;
  self->rows[XA_HAZARD_FIELD_DESCRIPTION] = self->description_row;
  self->rows[XA_HAZARD_FIELD_TEMPORARY_MEASURES] = self->temporary_measures_row;
  self->rows[XA_HAZARD_FIELD_MEASURES] = self->measures_row;
  self->rows[XA_HAZARD_FIELD_DEPARTMENT] = self->department_row;
  self->rows[XA_HAZARD_FIELD_RESPONSIBLE] = self->responsible_row;
  self->rows[XA_HAZARD_FIELD_DEADLINE] = self->deadline_row;
  self->rows[XA_HAZARD_FIELD_FUNDS] = self->funds_row;
  self->rows[XA_HAZARD_FIELD_FUNDS_SOURCE] = self->funds_source_row;
  self->rows[XA_HAZARD_FIELD_REPORTED_ON] = self->reported_on_row;
  self->rows[XA_HAZARD_FIELD_SUPERVISOR] = self->supervisor_row;
  self->rows[XA_HAZARD_FIELD_COMPLETED_ON] = self->completed_on_row;
  self->rows[XA_HAZARD_FIELD_COMPLETION_NOTES] = self->completion_notes_row;
  self->rows[XA_HAZARD_FIELD_REINSPECTOR] = self->reinspector_row;
  self->rows[XA_HAZARD_FIELD_REINSPECTED_ON] = self->reinspected_on_row;
  self->rows[XA_HAZARD_FIELD_REMARKS] = self->remarks_row;
  self->rows[XA_HAZARD_FIELD_SCHOOL_YEAR] = self->year_row;
  self->rows[XA_HAZARD_FIELD_INSPECTION_TYPE] = self->type_row;
  self->rows[XA_HAZARD_FIELD_CATEGORY] = self->category_row;
  self->rows[XA_HAZARD_FIELD_GRADE] = self->grade_row;
  self->rows[XA_HAZARD_FIELD_REPORTED] = self->reported_row;
  self->rows[XA_HAZARD_FIELD_SUPERVISED] = self->supervised_row;

  /* The message under a wrong field: a row of its own, moved to where it is needed. */
  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_add_css_class (label, "error");
  self->error_row = g_object_ref_sink (adw_preferences_row_new ());
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->error_row), FALSE);
  gtk_widget_set_focusable (self->error_row, FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self->error_row), label);

  /* Ctrl+S saves and Escape cancels wherever the focus is in the form. */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_s, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("hazard-form.save")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("hazard-form.cancel")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/**
 * xa_hazard_form_new:
 *
 * Returns: (transfer floating): an empty form; give it a book, then a hazard
 */
GtkWidget *
xa_hazard_form_new (void)
{
  return g_object_new (XA_TYPE_HAZARD_FORM, NULL);
}

static void
read_deadlines (XaHazardForm *self)
{
  g_autoptr(GError) error = NULL;
  XaHazardSettings settings;

  if (!xa_hazard_book_read_settings (self->book, &settings, &error))
    {
      g_warning ("The default deadlines were not read: %s", error->message);
      return;
    }
  xa_hazard_form_set_settings (self, &settings);
}

static void
policy_changed_cb (XaHazardForm       *self,
                   const char         *kind,
                   const char * const *uuids,
                   XaStore            *store)
{
  if (g_str_equal (kind, "hazard_policy"))
    read_deadlines (self);
}

/**
 * xa_hazard_form_set_book:
 * @draft: (nullable): where every edit is kept until the hazard is saved
 *
 * Set once, when the section is built.
 */
void
xa_hazard_form_set_book (XaHazardForm     *self,
                         XaHazardBook     *book,
                         XaSchoolRegistry *registry,
                         XaHazardDraft    *draft)
{
  g_return_if_fail (XA_IS_HAZARD_FORM (self));
  g_return_if_fail (XA_IS_HAZARD_BOOK (book));
  g_return_if_fail (XA_IS_SCHOOL_REGISTRY (registry));
  g_return_if_fail (draft == NULL || XA_IS_HAZARD_DRAFT (draft));

  g_set_object (&self->book, book);
  g_set_object (&self->registry, registry);
  g_set_object (&self->draft, draft);

  /* The district's default deadlines, read now and again when the commission changes
   * them (xa-hazard-policy.h). */
  read_deadlines (self);
  g_signal_connect_object (xa_hazard_book_get_store (book), "records-changed", G_CALLBACK (policy_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

/**
 * xa_hazard_form_set_settings:
 *
 * The default deadlines by grade, which a new hazard's deadline follows.
 */
void
xa_hazard_form_set_settings (XaHazardForm           *self,
                             const XaHazardSettings *settings)
{
  g_return_if_fail (XA_IS_HAZARD_FORM (self));
  g_return_if_fail (settings != NULL);

  self->deadlines = *settings;
  update_deadline (self);
}

/* Edits @base, the hazard as stored (or a new one), showing @hazard: @base itself, or
 * a draft of its edit typed before a crash (@typed). */
static void
load (XaHazardForm *self,
      XaHazard     *base,
      XaHazard     *hazard,
      gboolean      typed)
{
  /* A hazard is stored once it has its number: a new one has an identifier already. */
  gboolean is_new = xa_hazard_get_number (base)[0] == '\0';
  g_autofree char *title = NULL;

  g_set_object (&self->base, base);
  g_free (self->school_uuid);
  self->school_uuid = g_strdup (xa_hazard_get_text (hazard, XA_HAZARD_FIELD_SCHOOL_UUID));

  self->loading++;
  for (XaHazardField field = 0; field < XA_N_HAZARD_TEXT_FIELDS; field++)
    if (self->rows[field] != NULL && field != XA_HAZARD_FIELD_SCHOOL_UUID)
      _xa_hazard_form_set_widget_text (self->rows[field], xa_hazard_get_text (hazard, field));
  _xa_hazard_form_fill_years (self, xa_hazard_get_school_year (hazard));
  _xa_hazard_form_select_year (self, xa_hazard_get_school_year (hazard));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->type_row), xa_hazard_get_inspection_type (hazard));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->category_row), xa_hazard_get_category (hazard));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->grade_row), xa_hazard_get_grade (hazard));
  gtk_switch_set_active (self->reported_switch, xa_hazard_get_reported (hazard));
  gtk_switch_set_active (self->supervised_switch, xa_hazard_get_supervised (hazard));
  self->loading--;

  /* An edit corrects what the steps filled: the completion once reported, the
   * re-inspection's date once there was one. */
  gtk_widget_set_visible (GTK_WIDGET (self->progress_group),
                          !is_new && xa_hazard_get_text (base, XA_HAZARD_FIELD_COMPLETED_ON)[0] != '\0');
  gtk_widget_set_visible (self->reinspected_on_row,
                          xa_hazard_get_reinspection_result (base) != XA_REINSPECTION_NONE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->school_row), is_new);
  gtk_widget_set_visible (self->school_arrow, is_new);

  if (is_new)
    title = g_strdup (_("New Hazard"));
  else
    /* Translators: the heading of the form of a stored hazard: its number */
    title = g_strdup_printf (_("Edit Hazard %s"), xa_hazard_get_number (base));
  gtk_label_set_label (self->title_label, title);

  self->touched = 0;
  self->show_all = FALSE;
  self->deadline_typed = !is_new || typed;
  self->year_chosen = !is_new || typed;
  _xa_hazard_form_update_school_row (self);
  _xa_hazard_form_update_major_group (self);
  _xa_hazard_form_clear_error (self);
  set_dirty (self, typed);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

/**
 * xa_hazard_form_start_new:
 * @school_uuid: (nullable): the school being viewed, or %NULL to choose
 *
 * A new hazard: found today, in the school year of today, of the inspection type and
 * category recorded last, 一般, due when its grade's default days say.
 */
void
xa_hazard_form_start_new (XaHazardForm *self,
                          const char   *school_uuid)
{
  g_autoptr(XaHazard) hazard = xa_hazard_new ();
  g_autofree char *today = xa_date_today_iso ();
  g_autofree char *type_key = g_settings_get_string (self->settings, "hazard-inspection-type");
  g_autofree char *category_key = g_settings_get_string (self->settings, "hazard-category");
  g_autofree char *deadline = NULL;
  XaInspectionType type = XA_INSPECTION_WEEKLY;
  XaHazardCategory category = XA_HAZARD_CATEGORY_BUILDING;
  GDate date;

  g_return_if_fail (XA_IS_HAZARD_FORM (self));

  xa_date_parse (today, &date);
  xa_inspection_type_from_key (type_key, &type);
  xa_hazard_category_from_key (category_key, &category);
  deadline = xa_hazard_settings_dup_deadline (&self->deadlines, XA_HAZARD_GRADE_GENERAL, today);

  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_SCHOOL_UUID, school_uuid);
  xa_hazard_set_school_year (hazard, xa_school_year_for_date (&date));
  xa_hazard_set_inspection_type (hazard, type);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_FOUND_ON, today);
  xa_hazard_set_category (hazard, category);
  xa_hazard_set_grade (hazard, XA_HAZARD_GRADE_GENERAL);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_DEADLINE, deadline);

  load (self, hazard, hazard, FALSE);
  /* What is left to type begins with who found it. */
  gtk_widget_grab_focus (self->found_by_row);
}

/**
 * xa_hazard_form_edit:
 * @hazard: a stored hazard, not closed; the form edits a copy
 */
void
xa_hazard_form_edit (XaHazardForm *self,
                     XaHazard     *hazard)
{
  g_autoptr(XaHazard) copy = NULL;

  g_return_if_fail (XA_IS_HAZARD_FORM (self));
  g_return_if_fail (XA_IS_HAZARD (hazard));

  copy = xa_hazard_copy (hazard);
  load (self, copy, copy, FALSE);
  gtk_widget_grab_focus (self->place_row);
}

/**
 * xa_hazard_form_restore:
 * @draft: what the draft kept: a new hazard, or an edit of a stored one
 *
 * Shows the draft as typed, unsaved, every wrong field marked. The edit of a stored
 * hazard is an edit of the hazard as stored now: saved, it replaces that version, and
 * is refused when the hazard was closed meanwhile.
 */
void
xa_hazard_form_restore (XaHazardForm *self,
                        XaHazard     *draft)
{
  g_autoptr(XaHazard) stored = NULL;

  g_return_if_fail (XA_IS_HAZARD_FORM (self));
  g_return_if_fail (XA_IS_HAZARD (draft));

  if (xa_hazard_get_number (draft)[0] != '\0' && self->book != NULL)
    stored = xa_hazard_book_dup_by_uuid (self->book, xa_hazard_get_uuid (draft), NULL);

  load (self, stored != NULL ? stored : draft, draft, TRUE);
  self->show_all = TRUE;
  _xa_hazard_form_validate (self);
}

/**
 * xa_hazard_form_dup_hazard:
 *
 * Returns: (transfer full): the hazard as the form shows it, saved or not
 */
XaHazard *
xa_hazard_form_dup_hazard (XaHazardForm *self)
{
  XaHazard *hazard;

  g_return_val_if_fail (XA_IS_HAZARD_FORM (self), NULL);

  hazard = self->base ? xa_hazard_copy (self->base) : xa_hazard_new ();
  _xa_hazard_form_apply_form (self, hazard);
  return hazard;
}

gboolean
xa_hazard_form_get_dirty (XaHazardForm *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_FORM (self), FALSE);

  return self->dirty;
}

/**
 * xa_hazard_form_get_is_new:
 *
 * Returns: whether the form records a new hazard, rather than editing a stored one
 */
gboolean
xa_hazard_form_get_is_new (XaHazardForm *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_FORM (self), FALSE);

  return self->base == NULL || xa_hazard_get_number (self->base)[0] == '\0';
}

static void
remember_choices (XaHazardForm *self,
                  XaHazard     *hazard)
{
  g_settings_set_string (self->settings, "hazard-inspection-type",
                         xa_inspection_type_to_key (xa_hazard_get_inspection_type (hazard)));
  g_settings_set_string (self->settings, "hazard-category",
                         xa_hazard_category_to_key (xa_hazard_get_category (hazard)));
}

/**
 * xa_hazard_form_save:
 *
 * Records the new hazard, or saves the edited one, through the book. A wrong field is
 * shown at the field, with the focus put in it; ::done follows a save.
 *
 * Returns: %TRUE when saved; else @error says why, naming the field
 */
gboolean
xa_hazard_form_save (XaHazardForm  *self,
                     GError       **error)
{
  g_autoptr(XaHazard) checkable = NULL;
  g_autoptr(XaHazard) hazard = NULL;
  g_autoptr(GError) local_error = NULL;
  XaHazardField bad_field = XA_HAZARD_FIELD_NONE;
  gboolean is_new;
  gboolean saved;

  g_return_val_if_fail (XA_IS_HAZARD_FORM (self), FALSE);
  g_return_val_if_fail (self->book != NULL && self->base != NULL, FALSE);

  is_new = xa_hazard_form_get_is_new (self);
  self->show_all = TRUE;
  checkable = _xa_hazard_form_dup_checkable (self);
  if (!xa_hazard_validate (checkable, &bad_field, &local_error))
    {
      _xa_hazard_form_show_error (self, bad_field, local_error->message);
      if (bad_field < XA_HAZARD_FIELD_NONE && self->rows[bad_field] != NULL)
        gtk_widget_grab_focus (self->rows[bad_field]);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  hazard = xa_hazard_form_dup_hazard (self);
  saved = is_new ? xa_hazard_book_add (self->book, hazard, &local_error)
                 : xa_hazard_book_update (self->book, hazard, &local_error);
  if (!saved)
    {
      _xa_hazard_form_show_error (self, g_error_matches (local_error, XA_HAZARD_BOOK_ERROR, XA_HAZARD_BOOK_ERROR_NO_SCHOOL)
                        ? XA_HAZARD_FIELD_SCHOOL_UUID : XA_HAZARD_FIELD_NONE,
                  local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (is_new)
    remember_choices (self, hazard);
  if (self->draft != NULL && !xa_hazard_draft_discard (self->draft, &local_error))
    g_warning ("%s", local_error->message);

  g_set_object (&self->base, hazard);
  self->touched = 0;
  set_dirty (self, FALSE);
  g_signal_emit (self, signals[SIGNAL_DONE], 0, hazard);
  return TRUE;
}

/**
 * xa_hazard_form_discard:
 *
 * Gives the edits up, the draft with them; ::done follows.
 */
void
xa_hazard_form_discard (XaHazardForm *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (XA_IS_HAZARD_FORM (self));

  if (self->draft != NULL && !xa_hazard_draft_discard (self->draft, &error))
    g_warning ("%s", error->message);

  self->touched = 0;
  _xa_hazard_form_clear_error (self);
  set_dirty (self, FALSE);
  g_signal_emit (self, signals[SIGNAL_DONE], 0, NULL);
}

/**
 * xa_hazard_form_get_field_widget:
 *
 * Returns: (transfer none) (nullable): the row that shows @field, for tests and for
 *   focusing; %NULL for a column the form does not show
 */
GtkWidget *
xa_hazard_form_get_field_widget (XaHazardForm  *self,
                                 XaHazardField  field)
{
  g_return_val_if_fail (XA_IS_HAZARD_FORM (self), NULL);
  g_return_val_if_fail (field < XA_HAZARD_FIELD_NONE, NULL);

  return self->rows[field];
}

/**
 * xa_hazard_form_get_error_field:
 *
 * Returns: the column whose refusal is shown, or %XA_HAZARD_FIELD_NONE
 */
XaHazardField
xa_hazard_form_get_error_field (XaHazardForm *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_FORM (self), XA_HAZARD_FIELD_NONE);

  return self->error_field;
}

/* Unsaved */

static char *
xa_hazard_form_dup_unsaved (XaUnsaved *unsaved)
{
  XaHazardForm *self = XA_HAZARD_FORM (unsaved);

  if (!self->dirty)
    return NULL;

  if (xa_hazard_form_get_is_new (self))
    /* Translators: what holds unsaved edits, in “%s has changes that are not saved” */
    return g_strdup (_("The new hazard"));

  /* Translators: what holds unsaved edits: a hazard by its number */
  return g_strdup_printf (_("Hazard %s"), xa_hazard_get_number (self->base));
}

static gboolean
xa_hazard_form_unsaved_save (XaUnsaved  *unsaved,
                             GError    **error)
{
  return xa_hazard_form_save (XA_HAZARD_FORM (unsaved), error);
}

static void
xa_hazard_form_unsaved_discard (XaUnsaved *unsaved)
{
  xa_hazard_form_discard (XA_HAZARD_FORM (unsaved));
}

static void
xa_hazard_form_unsaved_init (XaUnsavedInterface *iface)
{
  iface->dup_unsaved = xa_hazard_form_dup_unsaved;
  iface->save = xa_hazard_form_unsaved_save;
  iface->discard = xa_hazard_form_unsaved_discard;
}
