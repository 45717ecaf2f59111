/* xa-drill-form.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A drill recorded (应急疏散演练): the day, kind, organiser and participants, the
 * evacuation time against the district's target (the commission's setting for a school
 * or a kindergarten, xa_drill_book_read_policy()), the problems found one a line (each
 * becomes a hazard from the drill's page once saved), the improvements and the evidence.
 * Ctrl+S saves through the core (xa_drill_book_add()), which names the field at fault;
 * closing with edits asks first.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-drill-form.h"
#include "xa-education-evidence.h"
#include "xa-accessible.h"
#include "xa-ui-utils.h"

struct _XaDrillForm
{
  XaRecordWindow       parent_instance;

  /* Owned references */
  XaWorkspace         *workspace;
  XaDrill             *saved;
  XaDrill             *editing;   /* the drill as stored, when editing */
  char                *school_uuid;

  /* Template widgets */
  AdwEntryRow         *date_row;
  GtkSpinButton       *evacuation_spin;
  XaEducationEvidence *evidence;
  AdwEntryRow         *improvements_row;
  AdwEntryRow         *kind_other_row;
  AdwComboRow         *kind_row;
  AdwEntryRow         *organiser_row;
  GtkSpinButton       *participants_spin;
  GtkTextView         *problems_view;
  GtkSpinButton       *target_spin;

  /* State */
  int                  school_year;
};

G_DEFINE_FINAL_TYPE (XaDrillForm, xa_drill_form, XA_TYPE_RECORD_WINDOW)

static void
changed_cb (XaDrillForm *self)
{
  xa_record_window_changed (XA_RECORD_WINDOW (self));
}

static XaDrillKind
selected_kind (XaDrillForm *self)
{
  return (XaDrillKind) (adw_combo_row_get_selected (self->kind_row) + XA_DRILL_KIND_EARTHQUAKE);
}

static void
kind_changed_cb (XaDrillForm *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->kind_other_row), selected_kind (self) == XA_DRILL_KIND_OTHER);
  changed_cb (self);
}

/* An edit: every field the form shows, the problems typed added after those recorded. */
static XaDrill *
save_edit (XaDrillForm          *self,
           const XaDrillFields  *fields,
           GError              **error)
{
  XaDrillEdit edit = XA_DRILL_EDIT_INIT;

  edit.held_on = fields->held_on;
  edit.kind = fields->kind;
  edit.kind_other = fields->kind_other;
  edit.organiser = fields->organiser;
  edit.participants = fields->participants;
  edit.evacuation_seconds = fields->evacuation_seconds;
  edit.target_seconds = fields->target_seconds;
  edit.improvements = fields->improvements;
  edit.new_problems = fields->problems != NULL && fields->problems[0] != NULL ? fields->problems : NULL;
  return xa_drill_book_edit (xa_workspace_get_drills (self->workspace), xa_drill_get_uuid (self->editing), &edit,
                             error);
}

static gboolean
xa_drill_form_save (XaRecordWindow  *window,
                    GError         **error)
{
  XaDrillForm *self = XA_DRILL_FORM (window);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(XaDrill) saved = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) problems = NULL;
  g_auto(GStrv) evidence = xa_education_evidence_dup_uuids (self->evidence);
  g_autofree char *date = xa_date_row_dup_date (self->date_row);
  g_autofree char *text = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->problems_view);
  GtkTextIter start, end;
  XaDrillFields fields = { 0 };

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*g_strstrip (lines[i]) != '\0')
      g_strv_builder_add (builder, lines[i]);
  problems = g_strv_builder_end (builder);

  fields.school_uuid = self->school_uuid;
  fields.school_year = self->school_year;
  fields.held_on = date != NULL ? date : gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  fields.kind = selected_kind (self);
  fields.kind_other = gtk_editable_get_text (GTK_EDITABLE (self->kind_other_row));
  fields.organiser = gtk_editable_get_text (GTK_EDITABLE (self->organiser_row));
  fields.participants = gtk_spin_button_get_value_as_int (self->participants_spin);
  fields.evacuation_seconds = gtk_spin_button_get_value_as_int (self->evacuation_spin);
  fields.target_seconds = gtk_spin_button_get_value_as_int (self->target_spin);
  fields.problems = (const char * const *) problems;
  fields.improvements = gtk_editable_get_text (GTK_EDITABLE (self->improvements_row));
  fields.evidence = (const char * const *) evidence;

  if (xa_education_evidence_get_busy (self->evidence))
    g_set_error_literal (&local_error, G_IO_ERROR, G_IO_ERROR_BUSY, _("The evidence files are still being archived"));
  else if (self->editing != NULL)
    saved = save_edit (self, &fields, &local_error);
  else
    saved = xa_drill_book_add (xa_workspace_get_drills (self->workspace), &fields, &local_error);
  if (saved == NULL)
    {
      return xa_record_window_refuse (window, g_steal_pointer (&local_error), error);
    }
  g_set_object (&self->saved, saved);
  return TRUE;
}

/* The object */

static void
xa_drill_form_dispose (GObject *object)
{
  XaDrillForm *self = XA_DRILL_FORM (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), XA_TYPE_DRILL_FORM);
  g_clear_object (&self->workspace);
  g_clear_object (&self->saved);
  g_clear_object (&self->editing);
  g_clear_pointer (&self->school_uuid, g_free);

  G_OBJECT_CLASS (xa_drill_form_parent_class)->dispose (object);
}

static void
xa_drill_form_class_init (XaDrillFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_drill_form_dispose;

  XA_RECORD_WINDOW_CLASS (klass)->save = xa_drill_form_save;

  g_type_ensure (XA_TYPE_EDUCATION_EVIDENCE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xiaoan/Xiaoan/xa-drill-form.ui");
  gtk_widget_class_bind_template_child (widget_class, XaDrillForm, date_row);
  /* Where xa_record_window_refuse() shows a refusal */
  gtk_widget_class_bind_template_child_full (widget_class, "error_label", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, XaDrillForm, evacuation_spin);
  gtk_widget_class_bind_template_child (widget_class, XaDrillForm, evidence);
  gtk_widget_class_bind_template_child (widget_class, XaDrillForm, improvements_row);
  gtk_widget_class_bind_template_child (widget_class, XaDrillForm, kind_other_row);
  gtk_widget_class_bind_template_child (widget_class, XaDrillForm, kind_row);
  gtk_widget_class_bind_template_child (widget_class, XaDrillForm, organiser_row);
  gtk_widget_class_bind_template_child (widget_class, XaDrillForm, participants_spin);
  gtk_widget_class_bind_template_child (widget_class, XaDrillForm, problems_view);
  gtk_widget_class_bind_template_child (widget_class, XaDrillForm, target_spin);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);

}

static void
xa_drill_form_init (XaDrillForm *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (XaDrillKind kind = XA_DRILL_KIND_EARTHQUAKE; kind <= XA_DRILL_KIND_OTHER; kind++)
    gtk_string_list_append (kinds, xa_drill_kind_to_label (kind));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  g_signal_connect_object (gtk_text_view_get_buffer (self->problems_view), "changed", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/**
 * xa_drill_form_new:
 * @kindergarten: whether the school is a kindergarten, whose target time is its own
 * @today: (nullable): the day the form starts on, YYYY-MM-DD
 *
 * Returns: (transfer floating): the form, to present
 */
GtkWidget *
xa_drill_form_new (XaWorkspace *workspace,
                   const char  *school_uuid,
                   int          school_year,
                   gboolean     kindergarten,
                   const char  *today)
{
  XaDrillForm *self;
  XaDrillPolicy policy;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *local_today = g_date_time_format (now, "%Y-%m-%d");

  g_return_val_if_fail (XA_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (school_uuid != NULL, NULL);

  self = g_object_new (XA_TYPE_DRILL_FORM, NULL);
  self->workspace = g_object_ref (workspace);
  self->school_uuid = g_strdup (school_uuid);
  self->school_year = school_year;

  if (!xa_drill_book_read_policy (xa_workspace_get_drills (workspace), &policy, NULL))
    xa_drill_policy_init (&policy);
  gtk_spin_button_set_value (self->target_spin,
                             kindergarten ? policy.kindergarten_target_seconds : policy.school_target_seconds);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today != NULL ? today : local_today);
  xa_education_evidence_set_archive (self->evidence, xa_workspace_get_archive (workspace), school_uuid, school_year);
  kind_changed_cb (self);
  xa_accessible_prepare (GTK_WIDGET (self));
  /* Translators: what holds unsaved edits, in “%s has changes that are not saved” */
  xa_record_window_set_unsaved (XA_RECORD_WINDOW (self), _("The new drill"));
  xa_record_window_set_filling (XA_RECORD_WINDOW (self), FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->organiser_row));
  return GTK_WIDGET (self);
}

/**
 * xa_drill_form_edit:
 * @drill: a stored drill
 *
 * The form on @drill, filled in: a problem recorded stays as it is (it may be a hazard
 * of the ledger already), and the lines typed under the problems are added after them.
 *
 * Returns: (transfer floating): the form, to present
 */
GtkWidget *
xa_drill_form_edit (XaWorkspace *workspace,
                    XaDrill     *drill)
{
  XaDrillForm *self;
  GtkWidget *problems_group;
  g_autoptr(GString) recorded = g_string_new (NULL);

  g_return_val_if_fail (XA_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (XA_IS_DRILL (drill), NULL);

  self = g_object_new (XA_TYPE_DRILL_FORM, NULL);
  self->workspace = g_object_ref (workspace);
  self->editing = g_object_ref (drill);
  self->school_uuid = g_strdup (xa_drill_get_school_uuid (drill));
  self->school_year = xa_drill_get_school_year (drill);

  gtk_window_set_title (GTK_WINDOW (self), _("Edit Drill"));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), xa_drill_get_held_on (drill));
  adw_combo_row_set_selected (self->kind_row, xa_drill_get_kind (drill) - XA_DRILL_KIND_EARTHQUAKE);
  gtk_editable_set_text (GTK_EDITABLE (self->kind_other_row),
                         xa_drill_get_kind_other (drill) != NULL ? xa_drill_get_kind_other (drill) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->organiser_row), xa_drill_get_organiser (drill));
  gtk_spin_button_set_value (self->participants_spin, xa_drill_get_participants (drill));
  gtk_spin_button_set_value (self->evacuation_spin, xa_drill_get_evacuation_seconds (drill));
  gtk_spin_button_set_value (self->target_spin, xa_drill_get_target_seconds (drill));
  gtk_editable_set_text (GTK_EDITABLE (self->improvements_row),
                         xa_drill_get_improvements (drill) != NULL ? xa_drill_get_improvements (drill) : "");

  for (guint i = 0; i < xa_drill_get_n_problems (drill); i++)
    g_string_append_printf (recorded, "%s%u. %s", i > 0 ? "\n" : "", i + 1, xa_drill_get_problem (drill, i));
  problems_group = gtk_widget_get_ancestor (GTK_WIDGET (self->problems_view), ADW_TYPE_PREFERENCES_GROUP);
  if (problems_group != NULL)
    {
      /* Translators: the problems group of a drill being edited: the problems recorded */
      g_autofree char *description = g_strdup_printf (_("Recorded, and kept as they are:\n%s\nType the problems found since, one a line."),
                                                      recorded->str);

      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (problems_group),
                                             recorded->len > 0 ? description
                                                               : _("Type the problems found since, one a line."));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->evidence), FALSE);
  kind_changed_cb (self);
  xa_accessible_prepare (GTK_WIDGET (self));
  /* Translators: what holds unsaved edits, in “%s has changes that are not saved” */
  xa_record_window_set_unsaved (XA_RECORD_WINDOW (self), _("The drill"));
  xa_record_window_set_filling (XA_RECORD_WINDOW (self), FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->organiser_row));
  return GTK_WIDGET (self);
}

gboolean
xa_drill_form_get_dirty (XaDrillForm *self)
{
  g_return_val_if_fail (XA_IS_DRILL_FORM (self), FALSE);
  return xa_record_window_get_dirty (XA_RECORD_WINDOW (self));
}

/**
 * xa_drill_form_get_saved:
 *
 * Returns: (transfer none) (nullable): the drill as stored, once saved
 */
XaDrill *
xa_drill_form_get_saved (XaDrillForm *self)
{
  g_return_val_if_fail (XA_IS_DRILL_FORM (self), NULL);
  return self->saved;
}
