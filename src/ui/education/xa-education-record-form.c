/* xa-education-record-form.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A session of safety education recorded (安全教育记录): the day, semester and week, the
 * audience (a class of the school's roster, the whole school, the staff, the parents),
 * the form, topic and teacher, the hours and the attendance. Where the roster names the
 * class's people, the absentees are ticked on its list and the present counted from it;
 * where it keeps counts only, the numbers are typed. A make-up session (补课) is for the
 * absentees of the session it makes up: its audience is that session's, its list that
 * session's absentees. Evidence files go to the archive (xa-education-evidence.c).
 * Ctrl+S saves through the core (xa_education_book_add()), which names the field at
 * fault; closing with edits asks first. Opened on a stored session
 * (xa_education_record_form_edit()) it saves through xa_education_book_update(): the
 * audience stays, the attendance changes while no make-up refers to the session, and
 * evidence files added join those archived.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-education-record-form.h"
#include "xa-education-evidence.h"
#include "xa-accessible.h"
#include "xa-ui-utils.h"
#include "core/education/xa-education-classes.h"

struct _XaEducationRecordForm
{
  XaRecordWindow       parent_instance;

  /* Owned references */
  XaWorkspace         *workspace;
  XaEducationRecord   *made_up;
  XaEducationRecord   *saved;
  XaEducationRecord   *editing;     /* the session as stored, when editing */
  GPtrArray           *classes;     /* XaRosterClass */
  GPtrArray           *checks;      /* GtkCheckButton, one per name */
  GPtrArray           *name_rows;
  GStrv                names;
  GStrv                topics;
  char                *school_uuid;

  /* Template widgets */
  GtkWidget           *absentees_group;
  AdwComboRow         *audience_row;
  AdwEntryRow         *class_name_row;
  AdwComboRow         *class_row;
  AdwEntryRow         *date_row;
  XaEducationEvidence *evidence;
  GtkSpinButton       *expected_spin;
  AdwComboRow         *form_row;
  AdwEntryRow         *grade_row;
  GtkSpinButton       *hours_spin;
  AdwEntryRow         *notes_row;
  GtkSpinButton       *present_spin;
  AdwComboRow         *semester_row;
  AdwEntryRow         *teacher_row;
  AdwComboRow         *teacher_kind_row;
  AdwEntryRow         *title_row;
  AdwComboRow         *topic_row;
  GtkSpinButton       *week_spin;
  AdwWindowTitle      *window_title;

  /* State */
  int                  school_year;
  gboolean             filling_record;      /* the stored session going into the form */
  gboolean             attendance_touched;  /* a tick or a count changed by the operator */
};

G_DEFINE_FINAL_TYPE (XaEducationRecordForm, xa_education_record_form, XA_TYPE_RECORD_WINDOW)

static void
changed_cb (XaEducationRecordForm *self)
{
  xa_record_window_changed (XA_RECORD_WINDOW (self));
}

static XaEducationAudience
selected_audience (XaEducationRecordForm *self)
{
  return (XaEducationAudience) adw_combo_row_get_selected (self->audience_row);
}

static XaRosterClass *
selected_class (XaEducationRecordForm *self)
{
  guint selected = adw_combo_row_get_selected (self->class_row);

  if (selected_audience (self) != XA_EDUCATION_AUDIENCE_CLASS || selected >= self->classes->len)
    return NULL;
  return g_ptr_array_index (self->classes, selected);
}

static guint
count_ticked (XaEducationRecordForm *self)
{
  guint n = 0;

  for (guint i = 0; i < self->checks->len; i++)
    n += gtk_check_button_get_active (g_ptr_array_index (self->checks, i));
  return n;
}

/* With a list of names, the present are those not ticked. */
static void
count_present (XaEducationRecordForm *self)
{
  if (self->checks->len == 0)
    return;
  gtk_spin_button_set_value (self->present_spin, gtk_spin_button_get_value (self->expected_spin) - count_ticked (self));
}

/* Only the operator's changes count: an edit that leaves the attendance alone keeps it
 * as recorded, though the roster may have changed since. */
static void
attendance_changed_cb (XaEducationRecordForm *self)
{
  if (!self->filling_record)
    self->attendance_touched = TRUE;
  changed_cb (self);
}

static void
tick_toggled_cb (XaEducationRecordForm *self)
{
  count_present (self);
  attendance_changed_cb (self);
}

static void
show_names (XaEducationRecordForm *self)
{
  gboolean named;

  for (guint i = 0; i < self->name_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->absentees_group), g_ptr_array_index (self->name_rows, i));
  g_ptr_array_set_size (self->name_rows, 0);
  g_ptr_array_set_size (self->checks, 0);

  for (guint i = 0; self->names != NULL && self->names[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), self->names[i]);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, self->names[i], -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_object (check, "toggled", G_CALLBACK (tick_toggled_cb), self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->absentees_group), row);
      g_ptr_array_add (self->name_rows, row);
      g_ptr_array_add (self->checks, check);
    }

  /* A named list counts the expected and the present itself. */
  named = self->checks->len > 0;
  gtk_widget_set_visible (self->absentees_group, named);
  gtk_widget_set_sensitive (GTK_WIDGET (self->expected_spin), !named && self->made_up == NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->present_spin), !named);
  if (named)
    {
      gtk_spin_button_set_value (self->expected_spin, self->checks->len);
      count_present (self);
    }
}

/* The audience chosen: which of the class's rows show, and whose names to tick. */
static void
audience_changed_cb (XaEducationRecordForm *self)
{
  XaEducationAudience audience = selected_audience (self);
  XaRosterClass *roster_class;
  gboolean rostered = self->classes != NULL && self->classes->len > 0;
  g_autoptr(GError) error = NULL;

  if (self->classes == NULL || self->checks == NULL)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->class_row), audience == XA_EDUCATION_AUDIENCE_CLASS && rostered);
  gtk_widget_set_visible (GTK_WIDGET (self->grade_row), audience == XA_EDUCATION_AUDIENCE_CLASS && !rostered);
  gtk_widget_set_visible (GTK_WIDGET (self->class_name_row), audience == XA_EDUCATION_AUDIENCE_CLASS && !rostered);

  g_clear_pointer (&self->names, g_strfreev);
  roster_class = selected_class (self);
  if (self->made_up != NULL)
    self->names = g_strdupv ((char **) xa_education_record_get_absentees (self->made_up));
  else if (audience == XA_EDUCATION_AUDIENCE_STAFF || roster_class != NULL)
    self->names = xa_education_book_dup_roster_names (xa_workspace_get_education (self->workspace), self->school_uuid,
                                                      self->school_year, audience,
                                                      roster_class ? roster_class->grade : NULL,
                                                      roster_class ? roster_class->class_name : NULL, &error);
  if (error != NULL)
    g_warning ("Education form: %s", error->message);
  show_names (self);

  /* A class kept by counts: its headcount is the expected. */
  if (roster_class != NULL && !roster_class->named && self->made_up == NULL)
    gtk_spin_button_set_value (self->expected_spin, roster_class->headcount);
  changed_cb (self);
}

/* The form's fields into @record: a new one, or the stored session's copy when editing,
 * whose evidence archived already comes first. */
static void
read_fields (XaEducationRecordForm *self,
             XaEducationRecord     *record)
{
  g_autoptr(GStrvBuilder) absent = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) files = g_strv_builder_new ();
  g_auto(GStrv) absentees = NULL;
  g_auto(GStrv) added = xa_education_evidence_dup_uuids (self->evidence);
  g_auto(GStrv) evidence = NULL;
  g_autofree char *date = xa_date_row_dup_date (self->date_row);
  XaRosterClass *roster_class = selected_class (self);
  XaEducationAudience audience = selected_audience (self);
  guint topic = adw_combo_row_get_selected (self->topic_row);
  const char *grade = "";
  const char *class_name = "";

  xa_education_record_set_school_uuid (record, self->school_uuid);
  xa_education_record_set_school_year (record, self->school_year);
  xa_education_record_set_held_on (record, date != NULL ? date : gtk_editable_get_text (GTK_EDITABLE (self->date_row)));
  xa_education_record_set_week (record, adw_combo_row_get_selected (self->semester_row) + 1,
                                (guint) gtk_spin_button_get_value_as_int (self->week_spin));
  if (audience == XA_EDUCATION_AUDIENCE_CLASS && roster_class != NULL)
    {
      grade = roster_class->grade;
      class_name = roster_class->class_name;
    }
  else if (audience == XA_EDUCATION_AUDIENCE_CLASS)
    {
      grade = gtk_editable_get_text (GTK_EDITABLE (self->grade_row));
      class_name = gtk_editable_get_text (GTK_EDITABLE (self->class_name_row));
    }
  xa_education_record_set_audience (record, audience, grade, class_name);
  xa_education_record_set_form (record, adw_combo_row_get_selected (self->form_row));
  xa_education_record_set_topic (record, topic < g_strv_length (self->topics) ? self->topics[topic] : NULL);
  xa_education_record_set_title (record, gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  xa_education_record_set_teacher (record, gtk_editable_get_text (GTK_EDITABLE (self->teacher_row)),
                                   adw_combo_row_get_selected (self->teacher_kind_row));
  xa_education_record_set_hours (record, (guint) gtk_spin_button_get_value_as_int (self->hours_spin));
  if (self->editing != NULL && !self->attendance_touched)
    {
      xa_education_record_set_attendance (record, xa_education_record_get_expected (self->editing),
                                          xa_education_record_get_present (self->editing));
      xa_education_record_set_absentees (record, xa_education_record_get_absentees (self->editing));
    }
  else
    {
      xa_education_record_set_attendance (record, (guint) gtk_spin_button_get_value_as_int (self->expected_spin),
                                          (guint) gtk_spin_button_get_value_as_int (self->present_spin));
      for (guint i = 0; i < self->checks->len; i++)
        if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
          g_strv_builder_add (absent, self->names[i]);
      absentees = g_strv_builder_end (absent);
      xa_education_record_set_absentees (record, (const char * const *) absentees);
    }
  if (self->editing != NULL && xa_education_record_get_evidence (self->editing) != NULL)
    g_strv_builder_addv (files, (const char **) xa_education_record_get_evidence (self->editing));
  g_strv_builder_addv (files, (const char **) added);
  evidence = g_strv_builder_end (files);
  xa_education_record_set_evidence (record, (const char * const *) evidence);
  xa_education_record_set_notes (record, gtk_editable_get_text (GTK_EDITABLE (self->notes_row)));
  if (self->made_up != NULL)
    xa_education_record_set_makes_up_uuid (record, xa_education_record_get_uuid (self->made_up));
}

static gboolean
xa_education_record_form_save (XaRecordWindow  *window,
                               GError         **error)
{
  XaEducationRecordForm *self = XA_EDUCATION_RECORD_FORM (window);
  XaEducationBook *book = xa_workspace_get_education (self->workspace);
  g_autoptr(XaEducationRecord) record = NULL;
  g_autoptr(XaEducationRecord) saved = NULL;
  g_autoptr(GError) local_error = NULL;

  if (xa_education_evidence_get_busy (self->evidence))
    g_set_error_literal (&local_error, G_IO_ERROR, G_IO_ERROR_BUSY, _("The evidence files are still being archived"));
  else if (self->editing != NULL &&
           (record = xa_education_book_dup_record (book, xa_education_record_get_uuid (self->editing), &local_error)))
    {
      read_fields (self, record);
      saved = xa_education_book_update (book, record, &local_error);
    }
  else if (self->editing == NULL)
    {
      record = xa_education_record_new ();
      read_fields (self, record);
      saved = xa_education_book_add (book, record, &local_error);
    }
  if (saved == NULL)
    {
      return xa_record_window_refuse (window, g_steal_pointer (&local_error), error);
    }
  g_set_object (&self->saved, saved);
  return TRUE;
}

/* The object */

static void
xa_education_record_form_dispose (GObject *object)
{
  XaEducationRecordForm *self = XA_EDUCATION_RECORD_FORM (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), XA_TYPE_EDUCATION_RECORD_FORM);
  g_clear_object (&self->workspace);
  g_clear_object (&self->made_up);
  g_clear_object (&self->saved);
  g_clear_object (&self->editing);
  g_clear_pointer (&self->classes, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->name_rows, g_ptr_array_unref);
  g_clear_pointer (&self->names, g_strfreev);
  g_clear_pointer (&self->topics, g_strfreev);
  g_clear_pointer (&self->school_uuid, g_free);

  G_OBJECT_CLASS (xa_education_record_form_parent_class)->dispose (object);
}

static void
xa_education_record_form_class_init (XaEducationRecordFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_education_record_form_dispose;

  XA_RECORD_WINDOW_CLASS (klass)->save = xa_education_record_form_save;

  g_type_ensure (XA_TYPE_EDUCATION_EVIDENCE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xiaoan/Xiaoan/xa-education-record-form.ui");
  gtk_widget_class_bind_template_child (widget_class, XaEducationRecordForm, absentees_group);
  gtk_widget_class_bind_template_child (widget_class, XaEducationRecordForm, audience_row);
  gtk_widget_class_bind_template_child (widget_class, XaEducationRecordForm, class_name_row);
  gtk_widget_class_bind_template_child (widget_class, XaEducationRecordForm, class_row);
  gtk_widget_class_bind_template_child (widget_class, XaEducationRecordForm, date_row);
  /* Where xa_record_window_refuse() shows a refusal */
  gtk_widget_class_bind_template_child_full (widget_class, "error_label", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, XaEducationRecordForm, evidence);
  gtk_widget_class_bind_template_child (widget_class, XaEducationRecordForm, expected_spin);
  gtk_widget_class_bind_template_child (widget_class, XaEducationRecordForm, form_row);
  gtk_widget_class_bind_template_child (widget_class, XaEducationRecordForm, grade_row);
  gtk_widget_class_bind_template_child (widget_class, XaEducationRecordForm, hours_spin);
  gtk_widget_class_bind_template_child (widget_class, XaEducationRecordForm, notes_row);
  gtk_widget_class_bind_template_child (widget_class, XaEducationRecordForm, present_spin);
  gtk_widget_class_bind_template_child (widget_class, XaEducationRecordForm, semester_row);
  gtk_widget_class_bind_template_child (widget_class, XaEducationRecordForm, teacher_row);
  gtk_widget_class_bind_template_child (widget_class, XaEducationRecordForm, teacher_kind_row);
  gtk_widget_class_bind_template_child (widget_class, XaEducationRecordForm, title_row);
  gtk_widget_class_bind_template_child (widget_class, XaEducationRecordForm, topic_row);
  gtk_widget_class_bind_template_child (widget_class, XaEducationRecordForm, week_spin);
  gtk_widget_class_bind_template_child (widget_class, XaEducationRecordForm, window_title);
  gtk_widget_class_bind_template_callback (widget_class, audience_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, attendance_changed_cb);

}

static void
xa_education_record_form_init (XaEducationRecordForm *self)
{
  g_autoptr(GtkStringList) audiences = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) forms = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) topics = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->checks = g_ptr_array_new ();
  self->name_rows = g_ptr_array_new ();

  for (XaEducationAudience a = 0; a < XA_N_EDUCATION_AUDIENCES; a++)
    gtk_string_list_append (audiences, xa_education_audience_to_label (a));
  adw_combo_row_set_model (self->audience_row, G_LIST_MODEL (audiences));
  for (XaEducationForm f = 0; f < XA_N_EDUCATION_FORMS; f++)
    gtk_string_list_append (forms, xa_education_form_to_label (f));
  adw_combo_row_set_model (self->form_row, G_LIST_MODEL (forms));
  for (XaTeacherKind k = 0; k < XA_N_TEACHER_KINDS; k++)
    gtk_string_list_append (kinds, xa_teacher_kind_to_label (k));
  adw_combo_row_set_model (self->teacher_kind_row, G_LIST_MODEL (kinds));
  self->topics = xa_education_dup_topic_keys ();
  for (guint i = 0; self->topics[i] != NULL; i++)
    {
      g_autofree char *label = xa_education_dup_topic_label (self->topics[i]);

      gtk_string_list_append (topics, label);
    }
  adw_combo_row_set_model (self->topic_row, G_LIST_MODEL (topics));
}

/* The session made up decides the audience, the form, topic and teacher to start from. */
static void
fill_make_up (XaEducationRecordForm *self)
{
  XaEducationRecord *made_up = self->made_up;
  g_autofree char *audience = xa_education_record_dup_audience_label (made_up);
  /* Translators: the subtitle of a make-up session's form: the session made up */
  g_autofree char *subtitle = g_strdup_printf (_("For the absentees of %s, %s"), xa_education_record_get_held_on (made_up),
                                               audience);

  gtk_window_set_title (GTK_WINDOW (self), _("New Make-up Session"));
  adw_window_title_set_title (self->window_title, _("New Make-up Session"));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  adw_combo_row_set_selected (self->audience_row, xa_education_record_get_audience (made_up));
  for (guint i = 0; i < self->classes->len; i++)
    {
      XaRosterClass *roster_class = g_ptr_array_index (self->classes, i);

      if (g_strcmp0 (roster_class->grade, xa_education_record_get_grade (made_up)) == 0 &&
          g_strcmp0 (roster_class->class_name, xa_education_record_get_class_name (made_up)) == 0)
        adw_combo_row_set_selected (self->class_row, i);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->grade_row), xa_education_record_get_grade (made_up));
  gtk_editable_set_text (GTK_EDITABLE (self->class_name_row), xa_education_record_get_class_name (made_up));
  gtk_widget_set_sensitive (GTK_WIDGET (self->audience_row), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->class_row), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->grade_row), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->class_name_row), FALSE);
  adw_combo_row_set_selected (self->semester_row, xa_education_record_get_semester (made_up) - 1);
  gtk_spin_button_set_value (self->week_spin, xa_education_record_get_week (made_up));
  adw_combo_row_set_selected (self->form_row, xa_education_record_get_form (made_up));
  for (guint i = 0; self->topics[i] != NULL; i++)
    if (g_strcmp0 (self->topics[i], xa_education_record_get_topic (made_up)) == 0)
      adw_combo_row_set_selected (self->topic_row, i);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), xa_education_record_get_title (made_up));
  gtk_editable_set_text (GTK_EDITABLE (self->teacher_row), xa_education_record_get_teacher (made_up));
  adw_combo_row_set_selected (self->teacher_kind_row, xa_education_record_get_teacher_kind (made_up));
  gtk_spin_button_set_value (self->hours_spin, xa_education_record_get_hours (made_up));
  gtk_spin_button_set_value (self->expected_spin,
                             xa_education_record_get_expected (made_up) - xa_education_record_get_present (made_up));
  gtk_spin_button_set_value (self->present_spin, gtk_spin_button_get_value (self->expected_spin));
}

/**
 * xa_education_record_form_new:
 * @school_uuid: the school the session is recorded for
 * @school_year: its 学年度
 * @today: (nullable): the day the form starts on, YYYY-MM-DD
 * @made_up: (nullable): a stored session whose absentees this one makes up
 *
 * Returns: (transfer floating): the form, to present
 */
GtkWidget *
xa_education_record_form_new (XaWorkspace       *workspace,
                              const char        *school_uuid,
                              int                school_year,
                              const char        *today,
                              XaEducationRecord *made_up)
{
  XaEducationRecordForm *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *local_today = g_date_time_format (now, "%Y-%m-%d");
  GDate date;

  g_return_val_if_fail (XA_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (school_uuid != NULL, NULL);
  g_return_val_if_fail (made_up == NULL || XA_IS_EDUCATION_RECORD (made_up), NULL);

  self = g_object_new (XA_TYPE_EDUCATION_RECORD_FORM, NULL);
  self->workspace = g_object_ref (workspace);
  self->school_uuid = g_strdup (school_uuid);
  self->school_year = school_year;
  self->made_up = made_up != NULL ? g_object_ref (made_up) : NULL;
  if (!(self->classes = xa_education_book_list_classes (xa_workspace_get_education (workspace), school_uuid,
                                                         school_year, &error)))
    {
      g_warning ("Education form: %s", error->message);
      self->classes = g_ptr_array_new_with_free_func ((GDestroyNotify) xa_roster_class_free);
    }

  {
    g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

    for (guint i = 0; i < self->classes->len; i++)
      {
        XaRosterClass *roster_class = g_ptr_array_index (self->classes, i);
        g_autofree char *label = g_strconcat (roster_class->grade, roster_class->class_name, NULL);

        gtk_string_list_append (labels, label);
      }
    adw_combo_row_set_model (self->class_row, G_LIST_MODEL (labels));
  }

  xa_education_evidence_set_archive (self->evidence, xa_workspace_get_archive (workspace), school_uuid, school_year);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today != NULL ? today : local_today);
  /* The autumn semester runs from August to January. */
  if (g_date_set_parse (&date, today != NULL ? today : local_today), g_date_valid (&date))
    adw_combo_row_set_selected (self->semester_row,
                                g_date_get_month (&date) >= 8 || g_date_get_month (&date) == 1 ? 0 : 1);

  if (made_up != NULL)
    fill_make_up (self);
  audience_changed_cb (self);
  xa_accessible_prepare (GTK_WIDGET (self));
  /* Translators: what holds unsaved edits, in “%s has changes that are not saved” */
  xa_record_window_set_unsaved (XA_RECORD_WINDOW (self), made_up != NULL ? _("The new make-up session")
                                                                          : _("The new education session"));
  xa_record_window_set_filling (XA_RECORD_WINDOW (self), FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (made_up != NULL ? self->date_row : self->title_row));
  return GTK_WIDGET (self);
}

/* Fills the form with the stored session @record. */
static void
fill_record (XaEducationRecordForm *self,
             XaEducationRecord     *record)
{
  const char * const *absentees = xa_education_record_get_absentees (record);
  g_autofree char *audience = xa_education_record_dup_audience_label (record);
  g_autoptr(GPtrArray) make_ups = NULL;

  gtk_window_set_title (GTK_WINDOW (self), _("Edit Education Session"));
  adw_window_title_set_title (self->window_title, _("Edit Education Session"));
  adw_window_title_set_subtitle (self->window_title, audience);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), xa_education_record_get_held_on (record));
  adw_combo_row_set_selected (self->semester_row, xa_education_record_get_semester (record) - 1);
  gtk_spin_button_set_value (self->week_spin, xa_education_record_get_week (record));
  adw_combo_row_set_selected (self->audience_row, xa_education_record_get_audience (record));
  for (guint i = 0; i < self->classes->len; i++)
    {
      XaRosterClass *roster_class = g_ptr_array_index (self->classes, i);

      if (g_strcmp0 (roster_class->grade, xa_education_record_get_grade (record)) == 0 &&
          g_strcmp0 (roster_class->class_name, xa_education_record_get_class_name (record)) == 0)
        adw_combo_row_set_selected (self->class_row, i);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->grade_row), xa_education_record_get_grade (record));
  gtk_editable_set_text (GTK_EDITABLE (self->class_name_row), xa_education_record_get_class_name (record));
  audience_changed_cb (self);
  adw_combo_row_set_selected (self->form_row, xa_education_record_get_form (record));
  for (guint i = 0; self->topics[i] != NULL; i++)
    if (g_strcmp0 (self->topics[i], xa_education_record_get_topic (record)) == 0)
      adw_combo_row_set_selected (self->topic_row, i);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), xa_education_record_get_title (record));
  gtk_editable_set_text (GTK_EDITABLE (self->teacher_row), xa_education_record_get_teacher (record));
  adw_combo_row_set_selected (self->teacher_kind_row, xa_education_record_get_teacher_kind (record));
  gtk_spin_button_set_value (self->hours_spin, xa_education_record_get_hours (record));
  gtk_editable_set_text (GTK_EDITABLE (self->notes_row),
                         xa_education_record_get_notes (record) != NULL ? xa_education_record_get_notes (record) : "");

  /* The attendance as recorded: the absentees ticked on a named list, else the numbers. */
  if (self->checks->len == 0)
    {
      gtk_spin_button_set_value (self->expected_spin, xa_education_record_get_expected (record));
      gtk_spin_button_set_value (self->present_spin, xa_education_record_get_present (record));
    }
  for (guint i = 0; absentees != NULL && absentees[i] != NULL; i++)
    xa_education_record_form_set_absent (self, absentees[i], TRUE);

  /* Who attended stays as it was once a make-up refers to the session. */
  make_ups = xa_education_book_list_make_ups (xa_workspace_get_education (self->workspace),
                                              xa_education_record_get_uuid (record), NULL);
  if (make_ups != NULL && make_ups->len > 0)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->expected_spin), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->present_spin), FALSE);
      gtk_widget_set_sensitive (self->absentees_group, FALSE);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->absentees_group),
                                             _("A make-up was recorded for these absentees: the attendance stays as recorded."));
    }
  /* The audience is what the session was for. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->audience_row), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->class_row), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->grade_row), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->class_name_row), FALSE);
}

/**
 * xa_education_record_form_edit:
 * @record: a stored session
 *
 * The form on @record, filled in, to edit what the core lets change: its audience
 * stays, and its attendance while no make-up refers to it. Evidence files attached are
 * added to those recorded.
 *
 * Returns: (transfer floating): the form, to present
 */
GtkWidget *
xa_education_record_form_edit (XaWorkspace       *workspace,
                               XaEducationRecord *record)
{
  g_autoptr(XaEducationRecord) made_up = NULL;
  const char *makes_up_uuid;
  XaEducationRecordForm *self;

  g_return_val_if_fail (XA_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (XA_IS_EDUCATION_RECORD (record), NULL);

  /* A make-up's list is the absentees of the session it makes up. */
  makes_up_uuid = xa_education_record_get_makes_up_uuid (record);
  if (makes_up_uuid != NULL)
    made_up = xa_education_book_dup_record (xa_workspace_get_education (workspace), makes_up_uuid, NULL);
  self = XA_EDUCATION_RECORD_FORM (xa_education_record_form_new (workspace, xa_education_record_get_school_uuid (record),
                                                                 xa_education_record_get_school_year (record),
                                                                 xa_education_record_get_held_on (record), made_up));
  self->editing = g_object_ref (record);
  xa_record_window_set_filling (XA_RECORD_WINDOW (self), TRUE);
  self->filling_record = TRUE;
  fill_record (self, record);
  self->filling_record = FALSE;
  /* Translators: what holds unsaved edits, in “%s has changes that are not saved” */
  xa_record_window_set_unsaved (XA_RECORD_WINDOW (self), _("The education session"));
  xa_record_window_set_filling (XA_RECORD_WINDOW (self), FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  return GTK_WIDGET (self);
}

gboolean
xa_education_record_form_get_dirty (XaEducationRecordForm *self)
{
  g_return_val_if_fail (XA_IS_EDUCATION_RECORD_FORM (self), FALSE);
  return xa_record_window_get_dirty (XA_RECORD_WINDOW (self));
}

/**
 * xa_education_record_form_set_absent:
 * @name: a name of the list
 *
 * Ticks or unticks @name, as a click on its row does.
 */
void
xa_education_record_form_set_absent (XaEducationRecordForm *self,
                                     const char            *name,
                                     gboolean               absent)
{
  g_return_if_fail (XA_IS_EDUCATION_RECORD_FORM (self));

  for (guint i = 0; i < self->checks->len; i++)
    if (g_strcmp0 (self->names[i], name) == 0)
      gtk_check_button_set_active (g_ptr_array_index (self->checks, i), absent);
}

/**
 * xa_education_record_form_get_saved:
 *
 * Returns: (transfer none) (nullable): the session as stored, once saved
 */
XaEducationRecord *
xa_education_record_form_get_saved (XaEducationRecordForm *self)
{
  g_return_val_if_fail (XA_IS_EDUCATION_RECORD_FORM (self), NULL);
  return self->saved;
}
