/* xa-hazard-detail.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One hazard beside the ledger: its number, place and state (逾期 and 重大 marked), the
 * buttons of the steps its state allows (each asks in a step dialog), every column that
 * has a value in the ledger's groups, and its timeline. The hazard shown is the detail's
 * own copy; after a step it shows what the book saved. A menu beside the number prints
 * or exports its 整改通知书, and its 销号单 once it is closed (the core's check, whose
 * words say why not until then).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-hazard-detail.h"
#include "xa-hazard-file-actions.h"
#include "xa-hazard-photo-strip.h"
#include "xa-hazard-step-dialog.h"
#include "xa-hazard-ui.h"
#include "xa-accessible.h"

struct _XaHazardDetail
{
  GtkWidget             parent_instance;

  /* Owned references */
  XaHazardBook         *book;
  XaSchoolRegistry     *registry;
  XaHazard             *hazard;
  XaHazardFileActions  *files;

  /* Template widgets */
  GtkWidget            *close_button;
  GtkWidget            *complete_button;
  GtkLabel             *description_label;
  GtkWidget            *edit_button;
  GtkWidget            *fail_button;
  GtkMenuButton        *forms_button;
  AdwPreferencesGroup  *found_group;
  GtkWidget            *grade_badge;
  AdwPreferencesGroup  *major_group;
  GtkLabel             *number_label;
  AdwPreferencesGroup  *outcome_group;
  GtkWidget            *overdue_badge;
  GtkWidget            *pass_button;
  XaHazardPhotoStrip   *photo_strip;
  AdwPreferencesGroup  *rectification_group;
  GtkScrolledWindow    *scroller;
  GtkStack             *stack;
  GtkWidget            *start_button;
  GtkWidget            *state_badge;
  GtkWidget            *step_box;
  XaHazardTimeline     *timeline;
  GtkLabel             *title_label;

  /* State */
  GtkWidget            *rows[XA_HAZARD_FIELD_NONE];
  GtkWidget            *closing_hint;
  GtkWidget            *step_buttons[XA_N_HAZARD_STEPS];
};

G_DEFINE_FINAL_TYPE (XaHazardDetail, xa_hazard_detail, GTK_TYPE_WIDGET)

enum {
  SIGNAL_EDIT,
  SIGNAL_STEPPED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const step_actions[XA_N_HAZARD_STEPS] = {
  "hazard.start", "hazard.complete", "hazard.pass", "hazard.fail", "hazard.close",
};

/* The columns each group shows, in the ledger's order; the number heads the detail. */
/* The place and the description head the detail, under the number. */
static const XaHazardField found_fields[] = {
  XA_HAZARD_FIELD_SCHOOL_UUID, XA_HAZARD_FIELD_SCHOOL_YEAR, XA_HAZARD_FIELD_INSPECTION_TYPE,
  XA_HAZARD_FIELD_FOUND_ON, XA_HAZARD_FIELD_FOUND_BY, XA_HAZARD_FIELD_CATEGORY,
  XA_HAZARD_FIELD_GRADE,
};
static const XaHazardField major_fields[] = {
  XA_HAZARD_FIELD_TEMPORARY_MEASURES, XA_HAZARD_FIELD_REPORTED, XA_HAZARD_FIELD_REPORTED_ON,
  XA_HAZARD_FIELD_SUPERVISED, XA_HAZARD_FIELD_SUPERVISOR,
};
static const XaHazardField rectification_fields[] = {
  XA_HAZARD_FIELD_MEASURES, XA_HAZARD_FIELD_DEPARTMENT, XA_HAZARD_FIELD_RESPONSIBLE,
  XA_HAZARD_FIELD_DEADLINE, XA_HAZARD_FIELD_FUNDS, XA_HAZARD_FIELD_FUNDS_SOURCE,
};
static const XaHazardField outcome_fields[] = {
  XA_HAZARD_FIELD_COMPLETED_ON, XA_HAZARD_FIELD_COMPLETION_NOTES, XA_HAZARD_FIELD_REINSPECTOR,
  XA_HAZARD_FIELD_REINSPECTED_ON, XA_HAZARD_FIELD_REINSPECTION_RESULT, XA_HAZARD_FIELD_CLOSED_ON,
  XA_HAZARD_FIELD_CLOSED_BY, XA_HAZARD_FIELD_REMARKS,
};

static void
add_rows (XaHazardDetail      *self,
          AdwPreferencesGroup *group,
          const XaHazardField *fields,
          guint                n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), xa_hazard_field_to_label (fields[i]));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (row, "property");
      gtk_widget_set_focusable (row, FALSE);
      adw_preferences_group_add (group, row);
      self->rows[fields[i]] = row;
    }
}

static char *
dup_value (XaHazardDetail *self,
           XaHazardField   field)
{
  XaHazard *hazard = self->hazard;

  if (field == XA_HAZARD_FIELD_SCHOOL_UUID)
    return xa_hazard_dup_school_name (self->registry, xa_hazard_get_text (hazard, field));

  if (field == XA_HAZARD_FIELD_DEADLINE && xa_hazard_is_overdue_today (hazard))
    /* Translators: a hazard's deadline when it has passed: “2021-09-10（已逾期）” */
    return g_strdup_printf (_("%s (overdue)"), xa_hazard_get_text (hazard, field));

  return xa_hazard_dup_value_text (hazard, field);
}

/* A row shows when its column has a value; the yes/no columns of a major hazard show
 * for every major hazard, a no being what is missing. */
static gboolean
row_wanted (XaHazardDetail *self,
            XaHazardField   field,
            const char     *value)
{
  gboolean major = xa_hazard_get_grade (self->hazard) == XA_HAZARD_GRADE_MAJOR;

  switch ((guint) field)
    {
    case XA_HAZARD_FIELD_REPORTED:
      return major || xa_hazard_get_reported (self->hazard);
    case XA_HAZARD_FIELD_SUPERVISED:
      return major || xa_hazard_get_supervised (self->hazard);
    case XA_HAZARD_FIELD_REINSPECTION_RESULT:
      return xa_hazard_get_reinspection_result (self->hazard) != XA_REINSPECTION_NONE;
    default:
      return value != NULL && value[0] != '\0';
    }
}

static void
fill_group (XaHazardDetail      *self,
            AdwPreferencesGroup *group,
            const XaHazardField *fields,
            guint                n_fields)
{
  gboolean any = FALSE;

  for (guint i = 0; i < n_fields; i++)
    {
      GtkWidget *row = self->rows[fields[i]];
      g_autofree char *value = dup_value (self, fields[i]);
      gboolean wanted = row_wanted (self, fields[i], value);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
      gtk_widget_set_visible (row, wanted);
      any |= wanted;
    }

  gtk_widget_set_visible (GTK_WIDGET (group), any);
}

/* The 整改通知书 of any hazard; its 销号单 once it is closed, else the core's reason. */
static void
update_form_actions (XaHazardDetail *self)
{
  g_autoptr(GError) error = NULL;
  gboolean shown = self->hazard != NULL && self->files != NULL;
  gboolean closed = shown && xa_hazard_check_closed (self->hazard, &error);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "hazard.print-notice", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "hazard.export-notice", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "hazard.print-closing", closed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "hazard.export-closing", closed);
  gtk_label_set_label (GTK_LABEL (self->closing_hint), error ? error->message : NULL);
  gtk_widget_set_tooltip_text (self->closing_hint, error ? error->message : NULL);
  gtk_widget_set_visible (self->closing_hint, error != NULL);
}

static void
update_actions (XaHazardDetail *self)
{
  gboolean editable = self->hazard != NULL && xa_hazard_get_state (self->hazard) != XA_HAZARD_STATE_CLOSED;

  for (XaHazardStep step = 0; step < XA_N_HAZARD_STEPS; step++)
    {
      gboolean possible = self->hazard != NULL && self->book != NULL && xa_hazard_can_step (self->hazard, step);

      gtk_widget_action_set_enabled (GTK_WIDGET (self), step_actions[step], possible);
      gtk_widget_set_visible (self->step_buttons[step], possible);
    }

  update_form_actions (self);

  /* A closed hazard is done with: no step, no edit, and no empty row of buttons. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "hazard.edit", editable);
  gtk_widget_set_visible (self->edit_button, editable);
  gtk_widget_set_visible (self->step_box, editable);
}

static void
fill (XaHazardDetail *self)
{
  XaHazard *hazard = self->hazard;
  gboolean major;

  update_actions (self);
  xa_hazard_timeline_set_hazard (self->timeline, hazard);
  xa_hazard_photo_strip_show_hazard (self->photo_strip, hazard);
  gtk_stack_set_visible_child_name (self->stack, hazard ? "hazard" : "empty");
  if (hazard == NULL)
    return;

  major = xa_hazard_get_grade (hazard) == XA_HAZARD_GRADE_MAJOR;
  gtk_label_set_label (self->number_label, xa_hazard_get_number (hazard));
  gtk_label_set_label (self->title_label, xa_hazard_get_text (hazard, XA_HAZARD_FIELD_PLACE));
  gtk_label_set_label (self->description_label, xa_hazard_get_text (hazard, XA_HAZARD_FIELD_DESCRIPTION));
  xa_hazard_badge_set_state (self->state_badge, xa_hazard_get_state (hazard));
  gtk_widget_set_visible (self->overdue_badge, xa_hazard_is_overdue_today (hazard));
  xa_hazard_badge_set (self->grade_badge, xa_hazard_grade_to_label (xa_hazard_get_grade (hazard)),
                       major ? "major" : NULL);
  gtk_widget_set_visible (self->grade_badge, major);

  fill_group (self, self->found_group, found_fields, G_N_ELEMENTS (found_fields));
  fill_group (self, self->major_group, major_fields, G_N_ELEMENTS (major_fields));
  fill_group (self, self->rectification_group, rectification_fields, G_N_ELEMENTS (rectification_fields));
  fill_group (self, self->outcome_group, outcome_fields, G_N_ELEMENTS (outcome_fields));
}

static void
stepped_cb (XaHazardDetail     *self,
            XaHazard           *hazard,
            XaHazardStepDialog *dialog)
{
  g_autoptr(XaHazard) shown = g_object_ref (hazard);

  xa_hazard_detail_show_hazard (self, shown);
  g_signal_emit (self, signals[SIGNAL_STEPPED], 0, shown);
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XaHazardDetail *self = XA_HAZARD_DETAIL (widget);
  XaHazardStepDialog *dialog;
  XaHazardStep step = XA_N_HAZARD_STEPS;

  for (XaHazardStep i = 0; i < XA_N_HAZARD_STEPS; i++)
    if (g_str_equal (action_name, step_actions[i]))
      step = i;

  if (self->hazard == NULL || self->book == NULL || step == XA_N_HAZARD_STEPS)
    return;

  dialog = xa_hazard_step_dialog_new (widget, self->book, self->hazard, step,
                                      xa_store_get_operator (xa_hazard_book_get_store (self->book)));
  g_signal_connect_object (dialog, "stepped", G_CALLBACK (stepped_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XaHazardDetail *self = XA_HAZARD_DETAIL (widget);

  if (self->hazard != NULL)
    g_signal_emit (self, signals[SIGNAL_EDIT], 0, self->hazard);
}

static void
form_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XaHazardDetail *self = XA_HAZARD_DETAIL (widget);
  gboolean closing = g_str_has_suffix (action_name, "-closing");

  if (self->hazard == NULL || self->files == NULL)
    return;

  if (g_str_has_prefix (action_name, "hazard.print-"))
    xa_hazard_file_actions_print_form (self->files, self->hazard, closing);
  else
    xa_hazard_file_actions_choose_form_export (self->files, self->hazard, closing);
}

static void
xa_hazard_detail_dispose (GObject *object)
{
  XaHazardDetail *self = XA_HAZARD_DETAIL (object);

  if (self->files != NULL)
    xa_hazard_file_actions_cancel (self->files);
  g_clear_object (&self->files);

  gtk_widget_dispose_template (GTK_WIDGET (self), XA_TYPE_HAZARD_DETAIL);

  g_clear_object (&self->hazard);
  g_clear_object (&self->book);
  g_clear_object (&self->registry);

  G_OBJECT_CLASS (xa_hazard_detail_parent_class)->dispose (object);
}

static void
xa_hazard_detail_class_init (XaHazardDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_hazard_detail_dispose;

  /**
   * XaHazardDetail::edit:
   * @hazard: the hazard shown
   *
   * 编辑 was pressed: the page opens the form on the hazard.
   */
  signals[SIGNAL_EDIT] =
    g_signal_new ("edit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, XA_TYPE_HAZARD);
  /**
   * XaHazardDetail::stepped:
   * @hazard: the hazard as saved after the step
   */
  signals[SIGNAL_STEPPED] =
    g_signal_new ("stepped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, XA_TYPE_HAZARD);

  g_type_ensure (XA_TYPE_HAZARD_PHOTO_STRIP);
  g_type_ensure (XA_TYPE_HAZARD_TIMELINE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xiaoan/Xiaoan/xa-hazard-detail.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, XaHazardDetail, close_button);
  gtk_widget_class_bind_template_child (widget_class, XaHazardDetail, complete_button);
  gtk_widget_class_bind_template_child (widget_class, XaHazardDetail, description_label);
  gtk_widget_class_bind_template_child (widget_class, XaHazardDetail, edit_button);
  gtk_widget_class_bind_template_child (widget_class, XaHazardDetail, fail_button);
  gtk_widget_class_bind_template_child (widget_class, XaHazardDetail, forms_button);
  gtk_widget_class_bind_template_child (widget_class, XaHazardDetail, found_group);
  gtk_widget_class_bind_template_child (widget_class, XaHazardDetail, grade_badge);
  gtk_widget_class_bind_template_child (widget_class, XaHazardDetail, major_group);
  gtk_widget_class_bind_template_child (widget_class, XaHazardDetail, number_label);
  gtk_widget_class_bind_template_child (widget_class, XaHazardDetail, outcome_group);
  gtk_widget_class_bind_template_child (widget_class, XaHazardDetail, overdue_badge);
  gtk_widget_class_bind_template_child (widget_class, XaHazardDetail, pass_button);
  gtk_widget_class_bind_template_child (widget_class, XaHazardDetail, photo_strip);
  gtk_widget_class_bind_template_child (widget_class, XaHazardDetail, rectification_group);
  gtk_widget_class_bind_template_child (widget_class, XaHazardDetail, scroller);
  gtk_widget_class_bind_template_child (widget_class, XaHazardDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, XaHazardDetail, start_button);
  gtk_widget_class_bind_template_child (widget_class, XaHazardDetail, state_badge);
  gtk_widget_class_bind_template_child (widget_class, XaHazardDetail, step_box);
  gtk_widget_class_bind_template_child (widget_class, XaHazardDetail, timeline);
  gtk_widget_class_bind_template_child (widget_class, XaHazardDetail, title_label);

  for (XaHazardStep step = 0; step < XA_N_HAZARD_STEPS; step++)
    gtk_widget_class_install_action (widget_class, step_actions[step], NULL, step_action);
  gtk_widget_class_install_action (widget_class, "hazard.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "hazard.print-notice", NULL, form_action);
  gtk_widget_class_install_action (widget_class, "hazard.export-notice", NULL, form_action);
  gtk_widget_class_install_action (widget_class, "hazard.print-closing", NULL, form_action);
  gtk_widget_class_install_action (widget_class, "hazard.export-closing", NULL, form_action);
}

static void
xa_hazard_detail_init (XaHazardDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->step_buttons[XA_HAZARD_STEP_START] = self->start_button;
  self->step_buttons[XA_HAZARD_STEP_COMPLETE] = self->complete_button;
  self->step_buttons[XA_HAZARD_STEP_PASS] = self->pass_button;
  self->step_buttons[XA_HAZARD_STEP_FAIL] = self->fail_button;
  self->step_buttons[XA_HAZARD_STEP_CLOSE] = self->close_button;
  /* The buttons say the steps as the core names them, and as their dialogs do. */
  for (XaHazardStep step = 0; step < XA_N_HAZARD_STEPS; step++)
    gtk_button_set_label (GTK_BUTTON (self->step_buttons[step]), xa_hazard_step_to_label (step));

  self->closing_hint = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->closing_hint), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->closing_hint), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (self->closing_hint), 28);
  gtk_label_set_xalign (GTK_LABEL (self->closing_hint), 0);
  gtk_widget_set_margin_start (self->closing_hint, 12);
  gtk_widget_set_margin_end (self->closing_hint, 12);
  gtk_widget_add_css_class (self->closing_hint, "dim-label");
  gtk_widget_add_css_class (self->closing_hint, "caption");
  gtk_popover_menu_add_child (GTK_POPOVER_MENU (gtk_menu_button_get_popover (self->forms_button)),
                              self->closing_hint, "closing-hint");

  add_rows (self, self->found_group, found_fields, G_N_ELEMENTS (found_fields));
  add_rows (self, self->major_group, major_fields, G_N_ELEMENTS (major_fields));
  add_rows (self, self->rectification_group, rectification_fields, G_N_ELEMENTS (rectification_fields));
  add_rows (self, self->outcome_group, outcome_fields, G_N_ELEMENTS (outcome_fields));

  fill (self);
}

/**
 * xa_hazard_detail_set_book:
 *
 * Set once, when the section is built.
 */
void
xa_hazard_detail_set_book (XaHazardDetail   *self,
                           XaHazardBook     *book,
                           XaSchoolRegistry *registry)
{
  g_return_if_fail (XA_IS_HAZARD_DETAIL (self));
  g_return_if_fail (XA_IS_HAZARD_BOOK (book));
  g_return_if_fail (XA_IS_SCHOOL_REGISTRY (registry));

  g_set_object (&self->book, book);
  g_set_object (&self->registry, registry);
  g_clear_object (&self->files);
  self->files = xa_hazard_file_actions_new (GTK_WIDGET (self), book, registry, NULL);
  xa_hazard_photo_strip_set_book (self->photo_strip, book);
  update_actions (self);
}

/**
 * xa_hazard_detail_show_hazard:
 * @hazard: (nullable): the hazard; the detail keeps a reference and never changes it
 */
void
xa_hazard_detail_show_hazard (XaHazardDetail *self,
                              XaHazard       *hazard)
{
  gboolean other;

  g_return_if_fail (XA_IS_HAZARD_DETAIL (self));
  g_return_if_fail (hazard == NULL || XA_IS_HAZARD (hazard));

  /* Another hazard opens at its top; the same one, stepped or saved, stays in place. */
  other = hazard == NULL || self->hazard == NULL ||
          g_strcmp0 (xa_hazard_get_uuid (hazard), xa_hazard_get_uuid (self->hazard)) != 0;

  g_set_object (&self->hazard, hazard);
  fill (self);
  if (other)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

/**
 * xa_hazard_detail_get_hazard:
 *
 * Returns: (transfer none) (nullable): the hazard shown
 */
XaHazard *
xa_hazard_detail_get_hazard (XaHazardDetail *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_DETAIL (self), NULL);

  return self->hazard;
}

/**
 * xa_hazard_detail_get_timeline:
 *
 * Returns: (transfer none): the timeline of the hazard shown
 */
XaHazardTimeline *
xa_hazard_detail_get_timeline (XaHazardDetail *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_DETAIL (self), NULL);

  return self->timeline;
}

/**
 * xa_hazard_detail_get_step_button:
 *
 * Returns: (transfer none): the button of @step, shown when the state allows it
 */
GtkWidget *
xa_hazard_detail_get_step_button (XaHazardDetail *self,
                                  XaHazardStep    step)
{
  g_return_val_if_fail (XA_IS_HAZARD_DETAIL (self), NULL);
  g_return_val_if_fail (step < XA_N_HAZARD_STEPS, NULL);

  return self->step_buttons[step];
}

/**
 * xa_hazard_detail_get_file_actions:
 *
 * Returns: (transfer none) (nullable): what the forms' menu does, once the book is set
 */
XaHazardFileActions *
xa_hazard_detail_get_file_actions (XaHazardDetail *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_DETAIL (self), NULL);

  return self->files;
}

/**
 * xa_hazard_detail_get_photo_strip:
 *
 * Returns: (transfer none): the photos of the hazard shown
 */
XaHazardPhotoStrip *
xa_hazard_detail_get_photo_strip (XaHazardDetail *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_DETAIL (self), NULL);

  return self->photo_strip;
}
