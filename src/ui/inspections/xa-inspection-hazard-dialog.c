/* xa-inspection-hazard-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An abnormal item of a saved inspection turned into a hazard of the ledger: what was
 * found comes from the item (the place, category and problem) and from the inspection
 * (its day, people and type); the user adds what the ledger needs to rectify it, and
 * the hazard is recorded with its link to the item in one transaction
 * (xa_inspection_book_record_hazard()). A problem a drill found becomes a hazard through
 * the same dialog (xa_drill_book_record_hazard()). A refusal is shown in the core's
 * words, under the fields, and the field at fault takes the focus.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-inspection-hazard-dialog.h"
#include "core/hazards/xa-hazard-policy.h"
#include "xa-accessible.h"
#include "xa-ui-utils.h"
#include "core/hazards/xa-hazard-workflow.h"

struct _XaInspectionHazardDialog
{
  AdwWindow          parent_instance;

  /* Owned references */
  XaHazardBook      *hazards;
  XaInspectionBook  *book;         /* an inspection's item, or */
  XaInspection      *inspection;
  XaDrillBook       *drills;       /* a drill's problem */
  XaDrill           *drill;
  XaHazard          *hazard;
  char              *message;

  /* Template widgets */
  AdwEntryRow       *deadline_row;
  AdwEntryRow       *department_row;
  GtkLabel          *error_label;
  AdwPreferencesGroup *found_group;
  AdwComboRow       *grade_row;
  AdwEntryRow       *measures_row;
  AdwEntryRow       *place_row;
  AdwEntryRow       *responsible_row;

  /* State */
  guint              index;
};

G_DEFINE_FINAL_TYPE (XaInspectionHazardDialog, xa_inspection_hazard_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
add_found_row (XaInspectionHazardDialog *self,
               XaHazardField             field,
               const char               *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), xa_hazard_field_to_label (field));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (self->found_group, row);
}

/* The grade's default deadline after the day found, as the ledger's form gives it. */
static void
grade_changed_cb (XaInspectionHazardDialog *self)
{
  XaHazardSettings settings;
  g_autofree char *deadline = NULL;

  if (self->hazard == NULL)
    return;

  if (!xa_hazard_book_read_settings (self->hazards, &settings, NULL))
    xa_hazard_settings_init (&settings);
  deadline = xa_hazard_settings_dup_deadline (&settings, adw_combo_row_get_selected (self->grade_row),
                                              xa_hazard_get_text (self->hazard, XA_HAZARD_FIELD_FOUND_ON));
  gtk_editable_set_text (GTK_EDITABLE (self->deadline_row), deadline != NULL ? deadline : "");
}

static GtkWidget *
row_of_field (XaInspectionHazardDialog *self,
              XaHazardField             field)
{
  switch ((int) field)
    {
    case XA_HAZARD_FIELD_PLACE:
      return GTK_WIDGET (self->place_row);
    case XA_HAZARD_FIELD_MEASURES:
      return GTK_WIDGET (self->measures_row);
    case XA_HAZARD_FIELD_DEPARTMENT:
      return GTK_WIDGET (self->department_row);
    case XA_HAZARD_FIELD_RESPONSIBLE:
      return GTK_WIDGET (self->responsible_row);
    case XA_HAZARD_FIELD_DEADLINE:
      return GTK_WIDGET (self->deadline_row);
    case XA_HAZARD_FIELD_GRADE:
      return GTK_WIDGET (self->grade_row);
    default:
      return NULL;
    }
}

/* What the user types answers the refusal shown: it goes. */
static void
field_changed_cb (XaInspectionHazardDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
refuse (XaInspectionHazardDialog *self,
        const char               *message,
        GtkWidget                *field)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  if (field != NULL)
    gtk_widget_grab_focus (field);
}

/* What was found, shown; what the ledger needs, to type. */
static void
fill (XaInspectionHazardDialog *self)
{
  XaHazard *hazard = self->hazard;

  add_found_row (self, XA_HAZARD_FIELD_DESCRIPTION, xa_hazard_get_text (hazard, XA_HAZARD_FIELD_DESCRIPTION));
  add_found_row (self, XA_HAZARD_FIELD_CATEGORY, xa_hazard_category_to_label (xa_hazard_get_category (hazard)));
  add_found_row (self, XA_HAZARD_FIELD_FOUND_ON, xa_hazard_get_text (hazard, XA_HAZARD_FIELD_FOUND_ON));
  add_found_row (self, XA_HAZARD_FIELD_FOUND_BY, xa_hazard_get_text (hazard, XA_HAZARD_FIELD_FOUND_BY));
  add_found_row (self, XA_HAZARD_FIELD_INSPECTION_TYPE,
                 xa_inspection_type_to_label (xa_hazard_get_inspection_type (hazard)));

  gtk_editable_set_text (GTK_EDITABLE (self->place_row), xa_hazard_get_text (hazard, XA_HAZARD_FIELD_PLACE));
  adw_combo_row_set_selected (self->grade_row, xa_hazard_get_grade (hazard));
  gtk_editable_set_text (GTK_EDITABLE (self->deadline_row), xa_hazard_get_text (hazard, XA_HAZARD_FIELD_DEADLINE));
  xa_accessible_prepare (GTK_WIDGET (self));

  /* Where the item said nothing of the place, that is what to type first. */
  gtk_widget_grab_focus (GTK_WIDGET (xa_hazard_get_text (hazard, XA_HAZARD_FIELD_PLACE)[0] == '\0'
                                     ? self->place_row : self->measures_row));
}

static void
record_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XaInspectionHazardDialog *self = XA_INSPECTION_HAZARD_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(XaHazard) hazard = xa_hazard_copy (self->hazard);
  g_autofree char *deadline = xa_date_row_dup_date (self->deadline_row);
  XaHazardField bad_field = XA_HAZARD_FIELD_NONE;

  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_PLACE, gtk_editable_get_text (GTK_EDITABLE (self->place_row)));
  xa_hazard_set_grade (hazard, adw_combo_row_get_selected (self->grade_row));
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_MEASURES, gtk_editable_get_text (GTK_EDITABLE (self->measures_row)));
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_DEPARTMENT, gtk_editable_get_text (GTK_EDITABLE (self->department_row)));
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_RESPONSIBLE, gtk_editable_get_text (GTK_EDITABLE (self->responsible_row)));
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_DEADLINE,
                      deadline != NULL ? deadline : gtk_editable_get_text (GTK_EDITABLE (self->deadline_row)));

  if (!xa_hazard_validate (hazard, &bad_field, &error))
    {
      refuse (self, error->message, row_of_field (self, bad_field));
      return;
    }
  if (self->drill != NULL
      ? !xa_drill_book_record_hazard (self->drills, xa_drill_get_uuid (self->drill), self->index, hazard, &error)
      : !xa_inspection_book_record_hazard (self->book, self->inspection, self->index, hazard, &error))
    {
      refuse (self, error->message, NULL);
      return;
    }

  g_set_object (&self->hazard, hazard);
  g_free (self->message);
  if (self->drill != NULL)
    /* Translators: a drill's problem's number, then the new hazard's number */
    self->message = g_strdup_printf (_("Problem %u is now hazard %s of the ledger"), self->index + 1,
                                     xa_hazard_get_number (hazard));
  else
    /* Translators: an item's number, then the new hazard's number */
    self->message = g_strdup_printf (_("Item %u is now hazard %s of the ledger"), self->index + 1,
                                     xa_hazard_get_number (hazard));
  g_signal_emit (self, signals[SIGNAL_RECORDED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void
xa_inspection_hazard_dialog_dispose (GObject *object)
{
  XaInspectionHazardDialog *self = XA_INSPECTION_HAZARD_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), XA_TYPE_INSPECTION_HAZARD_DIALOG);
  g_clear_object (&self->hazards);
  g_clear_object (&self->book);
  g_clear_object (&self->inspection);
  g_clear_object (&self->drills);
  g_clear_object (&self->drill);
  g_clear_object (&self->hazard);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (xa_inspection_hazard_dialog_parent_class)->dispose (object);
}

static void
xa_inspection_hazard_dialog_class_init (XaInspectionHazardDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_inspection_hazard_dialog_dispose;

  /**
   * XaInspectionHazardDialog::recorded:
   *
   * The hazard was recorded and linked to the item (xa_inspection_hazard_dialog_get_hazard()).
   */
  signals[SIGNAL_RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xiaoan/Xiaoan/xa-inspection-hazard-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XaInspectionHazardDialog, deadline_row);
  gtk_widget_class_bind_template_child (widget_class, XaInspectionHazardDialog, department_row);
  gtk_widget_class_bind_template_child (widget_class, XaInspectionHazardDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, XaInspectionHazardDialog, found_group);
  gtk_widget_class_bind_template_child (widget_class, XaInspectionHazardDialog, grade_row);
  gtk_widget_class_bind_template_child (widget_class, XaInspectionHazardDialog, measures_row);
  gtk_widget_class_bind_template_child (widget_class, XaInspectionHazardDialog, place_row);
  gtk_widget_class_bind_template_child (widget_class, XaInspectionHazardDialog, responsible_row);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, grade_changed_cb);

  gtk_widget_class_install_action (widget_class, "hazard.record", NULL, record_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "hazard.record", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
xa_inspection_hazard_dialog_init (XaInspectionHazardDialog *self)
{
  g_autoptr(GtkStringList) grades = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (XaHazardGrade grade = 0; grade < XA_N_HAZARD_GRADES; grade++)
    gtk_string_list_append (grades, xa_hazard_grade_to_label (grade));
  adw_combo_row_set_model (self->grade_row, G_LIST_MODEL (grades));
}

/**
 * xa_inspection_hazard_dialog_new:
 * @inspection: a stored inspection, as read
 * @index: its abnormal item, from 0
 *
 * Returns: (transfer floating): the dialog, to present
 */
GtkWidget *
xa_inspection_hazard_dialog_new (XaInspectionBook *book,
                                 XaInspection     *inspection,
                                 guint             index)
{
  XaInspectionHazardDialog *self;

  g_return_val_if_fail (XA_IS_INSPECTION_BOOK (book), NULL);
  g_return_val_if_fail (XA_IS_INSPECTION (inspection), NULL);
  g_return_val_if_fail (index < xa_inspection_get_n_items (inspection), NULL);

  self = g_object_new (XA_TYPE_INSPECTION_HAZARD_DIALOG, NULL);
  self->hazards = g_object_ref (xa_inspection_book_get_hazards (book));
  self->book = g_object_ref (book);
  self->inspection = g_object_ref (inspection);
  self->index = index;
  self->hazard = xa_inspection_new_hazard (inspection, index);
  fill (self);
  return GTK_WIDGET (self);
}

/**
 * xa_inspection_hazard_dialog_new_for_drill:
 * @hazards: the ledger, for its default deadlines
 * @drill: a stored drill, as read
 * @index: its problem, from 0
 *
 * Returns: (transfer floating): the dialog, to present
 */
GtkWidget *
xa_inspection_hazard_dialog_new_for_drill (XaDrillBook  *drills,
                                           XaHazardBook *hazards,
                                           XaDrill      *drill,
                                           guint         index)
{
  XaInspectionHazardDialog *self;

  g_return_val_if_fail (XA_IS_DRILL_BOOK (drills), NULL);
  g_return_val_if_fail (XA_IS_HAZARD_BOOK (hazards), NULL);
  g_return_val_if_fail (XA_IS_DRILL (drill), NULL);
  g_return_val_if_fail (index < xa_drill_get_n_problems (drill), NULL);

  self = g_object_new (XA_TYPE_INSPECTION_HAZARD_DIALOG, NULL);
  self->hazards = g_object_ref (hazards);
  self->drills = g_object_ref (drills);
  self->drill = g_object_ref (drill);
  self->index = index;
  self->hazard = xa_drill_new_hazard (drill, index);
  fill (self);
  return GTK_WIDGET (self);
}

/**
 * xa_inspection_hazard_dialog_get_hazard:
 *
 * Returns: (transfer none): the hazard: prefilled, or as recorded after "recorded"
 */
XaHazard *
xa_inspection_hazard_dialog_get_hazard (XaInspectionHazardDialog *self)
{
  g_return_val_if_fail (XA_IS_INSPECTION_HAZARD_DIALOG (self), NULL);
  return self->hazard;
}

/**
 * xa_inspection_hazard_dialog_get_message:
 *
 * Returns: (nullable): after "recorded", a sentence that says what was done
 */
const char *
xa_inspection_hazard_dialog_get_message (XaInspectionHazardDialog *self)
{
  g_return_val_if_fail (XA_IS_INSPECTION_HAZARD_DIALOG (self), NULL);
  return self->message;
}
