/* xa-plan-form.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window that adopts a school's emergency plan (应急预案) or safety rules (安全制度)
 * with its file, or records a review of one that stays in force (F1 of the assessment,
 * src/core/governance/xa-plan.c). The next review follows the day a year on until it is
 * typed; the file goes into the archive as soon as it is chosen, as a session's evidence
 * does.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-plan-form.h"
#include "xa-education-evidence.h"
#include "xa-accessible.h"
#include "xa-ui-utils.h"
#include "core/util/xa-date.h"

struct _XaPlanForm
{
  XaRecordWindow       parent_instance;

  /* Owned references */
  XaWorkspace         *workspace;
  XaPlan              *reviewed;     /* the plan reviewed, or NULL when adopting one */
  char                *school_uuid;

  /* Template widgets */
  AdwEntryRow         *day_row;
  XaEducationEvidence *file;
  AdwComboRow         *kind_row;
  AdwEntryRow         *next_row;
  AdwEntryRow         *title_row;

  /* State */
  gboolean             next_typed;   /* the next review was typed, so no longer follows */
  gboolean             setting_next;
};

G_DEFINE_FINAL_TYPE (XaPlanForm, xa_plan_form, XA_TYPE_RECORD_WINDOW)

static const char * const kinds[] = { "plan", "rule" };

static void
changed_cb (XaPlanForm *self)
{
  xa_record_window_changed (XA_RECORD_WINDOW (self));
}

static void
day_changed_cb (XaPlanForm *self)
{
  g_autofree char *day = xa_date_row_dup_date (self->day_row);
  g_autofree char *next = day != NULL ? xa_date_add_years (day, 1) : NULL;

  if (next != NULL && !self->next_typed)
    {
      self->setting_next = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->next_row), next);
      self->setting_next = FALSE;
    }
  changed_cb (self);
}

static void
next_changed_cb (XaPlanForm *self)
{
  if (!self->setting_next)
    self->next_typed = TRUE;
  changed_cb (self);
}

static gboolean
adopt (XaPlanForm  *self,
       const char  *day,
       const char  *next,
       GError     **error)
{
  g_auto(GStrv) files = xa_education_evidence_dup_uuids (self->file);
  g_autofree char *uuid = NULL;

  if (xa_education_evidence_get_busy (self->file))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY, _("The file is still being archived"));
      return FALSE;
    }
  if (g_strv_length (files) > 1)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("File: a plan keeps one file; remove the others"));
      return FALSE;
    }
  uuid = xa_plan_add (xa_workspace_get_store (self->workspace), self->school_uuid,
                      kinds[adw_combo_row_get_selected (self->kind_row)],
                      gtk_editable_get_text (GTK_EDITABLE (self->title_row)), files[0], day, next, error);
  return uuid != NULL;
}

static gboolean
xa_plan_form_save (XaRecordWindow  *window,
                   GError         **error)
{
  XaPlanForm *self = XA_PLAN_FORM (window);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *day = xa_date_row_dup_date (self->day_row);
  g_autofree char *next = xa_date_row_dup_date (self->next_row);
  const char *day_text = day != NULL ? day : gtk_editable_get_text (GTK_EDITABLE (self->day_row));
  const char *next_text = next != NULL ? next : gtk_editable_get_text (GTK_EDITABLE (self->next_row));
  gboolean saved;

  if (self->reviewed != NULL)
    saved = xa_plan_review (xa_workspace_get_store (self->workspace), self->reviewed->uuid, day_text, next_text,
                            &local_error);
  else
    saved = adopt (self, day_text, next_text, &local_error);
  if (!saved)
    return xa_record_window_refuse (window, g_steal_pointer (&local_error), error);
  return TRUE;
}

/* The object */

static void
xa_plan_form_dispose (GObject *object)
{
  XaPlanForm *self = XA_PLAN_FORM (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), XA_TYPE_PLAN_FORM);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->reviewed, xa_plan_free);
  g_clear_pointer (&self->school_uuid, g_free);

  G_OBJECT_CLASS (xa_plan_form_parent_class)->dispose (object);
}

static void
xa_plan_form_class_init (XaPlanFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_plan_form_dispose;

  XA_RECORD_WINDOW_CLASS (klass)->save = xa_plan_form_save;

  g_type_ensure (XA_TYPE_EDUCATION_EVIDENCE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xiaoan/Xiaoan/xa-plan-form.ui");
  gtk_widget_class_bind_template_child (widget_class, XaPlanForm, day_row);
  /* Where xa_record_window_refuse() shows a refusal */
  gtk_widget_class_bind_template_child_full (widget_class, "error_label", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, XaPlanForm, file);
  gtk_widget_class_bind_template_child (widget_class, XaPlanForm, kind_row);
  gtk_widget_class_bind_template_child (widget_class, XaPlanForm, next_row);
  gtk_widget_class_bind_template_child (widget_class, XaPlanForm, title_row);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_changed_cb);
}

static void
xa_plan_form_init (XaPlanForm *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    gtk_string_list_append (labels, xa_plan_kind_to_label (kinds[i]));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (labels));
}

static XaPlanForm *
form_new (XaWorkspace *workspace,
          const char  *school_uuid,
          const char  *today)
{
  XaPlanForm *self = g_object_new (XA_TYPE_PLAN_FORM, NULL);
  g_autofree char *local_today = xa_date_today_iso ();

  self->workspace = g_object_ref (workspace);
  self->school_uuid = g_strdup (school_uuid);
  gtk_editable_set_text (GTK_EDITABLE (self->day_row), today != NULL ? today : local_today);
  return self;
}

static GtkWidget *
form_ready (XaPlanForm *self,
            GtkWidget  *focus,
            const char *unsaved)
{
  xa_accessible_prepare (GTK_WIDGET (self));
  xa_record_window_set_unsaved (XA_RECORD_WINDOW (self), unsaved);
  xa_record_window_set_filling (XA_RECORD_WINDOW (self), FALSE);
  gtk_widget_grab_focus (focus);
  return GTK_WIDGET (self);
}

/**
 * xa_plan_form_new_adopt:
 * @school_year: the year its file is archived under when chosen
 * @today: (nullable): the day the form starts on, YYYY-MM-DD
 *
 * Returns: (transfer floating): the form that adopts a new plan or rules, to present
 */
GtkWidget *
xa_plan_form_new_adopt (XaWorkspace *workspace,
                        const char  *school_uuid,
                        int          school_year,
                        const char  *today)
{
  XaPlanForm *self;

  g_return_val_if_fail (XA_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (school_uuid != NULL, NULL);

  self = form_new (workspace, school_uuid, today);
  xa_education_evidence_set_heading (self->file, _("File"),
                                     _("The plan or rules as issued, kept in the archive: one PDF or scan."));
  xa_education_evidence_set_archive (self->file, xa_workspace_get_archive (workspace), school_uuid, school_year);
  /* Translators: what holds unsaved edits, in “%s has changes that are not saved” */
  return form_ready (self, GTK_WIDGET (self->title_row), _("The new plan"));
}

/**
 * xa_plan_form_new_review:
 * @plan: the plan or rules reviewed
 * @today: (nullable): the day the form starts on, YYYY-MM-DD
 *
 * Returns: (transfer floating): the form that records a review of @plan, to present
 */
GtkWidget *
xa_plan_form_new_review (XaWorkspace  *workspace,
                         const XaPlan *plan,
                         const char   *today)
{
  XaPlanForm *self;

  g_return_val_if_fail (XA_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (plan != NULL, NULL);

  self = form_new (workspace, plan->school_uuid, today);
  self->reviewed = xa_plan_copy (plan);
  gtk_window_set_title (GTK_WINDOW (self), _("Review a Plan or Rules"));
  adw_combo_row_set_selected (self->kind_row, g_strcmp0 (plan->kind, "rule") == 0 ? 1 : 0);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), plan->title);
  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_row), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->title_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->day_row), _("_Reviewed On"));
  gtk_widget_set_visible (GTK_WIDGET (self->file), FALSE);
  /* Translators: what holds unsaved edits, in “%s has changes that are not saved” */
  return form_ready (self, GTK_WIDGET (self->day_row), _("The review"));
}
