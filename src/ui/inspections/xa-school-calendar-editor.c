/* xa-school-calendar-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The school calendar (校历) of a 学年度, which every school's inspection plan follows:
 * the two semesters' first and last days, the holidays schools check before, and the
 * start of the flood season. The year is chosen at the top; a year the commission has
 * not saved shows the default dates, to correct and save. Every date is read as the
 * other date rows read it (a wrong one is marked and named), and the core checks the
 * whole before the one transaction that stores it; the 检查 section's plan and missed
 * inspections follow the store's change notice. Leaving a year or the window with edits
 * not saved asks first (XaUnsaved). Only the commission's login stores a calendar.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-school-calendar-editor.h"
#include "xa-accessible.h"
#include "xa-ui-utils.h"
#include "xa-unsaved.h"
#include "core/util/xa-school-year.h"

struct _XaSchoolCalendarEditor
{
  AdwWindow          parent_instance;

  /* Owned references */
  XaInspectionBook  *book;
  XaSchoolCalendar  *calendar;  /* as stored, or the default */
  char              *filled;    /* what the fields held when filled, to tell an edit */

  /* Template widgets */
  GtkWidget         *add_button;
  AdwEntryRow       *end_row_0;
  AdwEntryRow       *end_row_1;
  GtkLabel          *error_label;
  AdwEntryRow       *flood_row;
  AdwPreferencesGroup *holidays_group;
  GtkListBox        *holidays_list;
  GtkWidget         *save_button;
  AdwEntryRow       *start_row_0;
  AdwEntryRow       *start_row_1;
  GtkLabel          *status_label;
  AdwToastOverlay   *toast_overlay;
  GtkLabel          *year_label;

  /* State */
  int                school_year;
  gboolean           editable;
  gboolean           filling;
  gboolean           close_confirmed;
};

static void xa_school_calendar_editor_unsaved_init (XaUnsavedInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (XaSchoolCalendarEditor, xa_school_calendar_editor, ADW_TYPE_WINDOW,
                               G_IMPLEMENT_INTERFACE (XA_TYPE_UNSAVED, xa_school_calendar_editor_unsaved_init))

/* The date rows, with the names the messages give them. */
typedef struct
{
  AdwEntryRow *row;
  const char  *label;
} DateRow;

static void
date_rows (XaSchoolCalendarEditor *self,
           DateRow                 rows[5])
{
  rows[0] = (DateRow) { self->start_row_0, _("First semester starts") };
  rows[1] = (DateRow) { self->end_row_0, _("First semester ends") };
  rows[2] = (DateRow) { self->start_row_1, _("Second semester starts") };
  rows[3] = (DateRow) { self->end_row_1, _("Second semester ends") };
  rows[4] = (DateRow) { self->flood_row, _("Flood season starts") };
}

static GtkEditable *
holiday_name (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "xa-name");
}

static GtkEditable *
holiday_date (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "xa-date");
}

/* Every field's text, one a line: equal when nothing was edited. */
static char *
dup_fields (XaSchoolCalendarEditor *self)
{
  GString *text = g_string_new (NULL);
  GtkListBoxRow *row;
  DateRow rows[5];

  date_rows (self, rows);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_string_append_printf (text, "%s\n", gtk_editable_get_text (GTK_EDITABLE (rows[i].row)));
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->holidays_list, i)) != NULL; i++)
    g_string_append_printf (text, "%s\t%s\n", gtk_editable_get_text (holiday_name (row)),
                            gtk_editable_get_text (holiday_date (row)));
  return g_string_free (text, FALSE);
}

gboolean
xa_school_calendar_editor_get_dirty (XaSchoolCalendarEditor *self)
{
  g_autofree char *fields = NULL;

  g_return_val_if_fail (XA_IS_SCHOOL_CALENDAR_EDITOR (self), FALSE);

  if (!self->editable || self->filled == NULL)
    return FALSE;
  fields = dup_fields (self);
  return g_strcmp0 (fields, self->filled) != 0;
}

static guint
n_holidays (XaSchoolCalendarEditor *self)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (self->holidays_list, (int) n) != NULL)
    n++;
  return n;
}

static void
update_state (XaSchoolCalendarEditor *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.save",
                                 self->editable && xa_school_calendar_editor_get_dirty (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.add-holiday",
                                 self->editable && n_holidays (self) < XA_SCHOOL_CALENDAR_MAX_HOLIDAYS);
}

static void
changed_cb (XaSchoolCalendarEditor *self)
{
  if (self->filling)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  update_state (self);
}

/* Holidays */

static void
remove_holiday (XaSchoolCalendarEditor *self,
                GtkListBoxRow          *row)
{
  int index = gtk_list_box_row_get_index (row);
  GtkListBoxRow *next;

  gtk_list_box_remove (self->holidays_list, GTK_WIDGET (row));
  next = gtk_list_box_get_row_at_index (self->holidays_list, index);
  if (next == NULL && index > 0)
    next = gtk_list_box_get_row_at_index (self->holidays_list, index - 1);
  gtk_widget_grab_focus (next != NULL ? GTK_WIDGET (holiday_name (next)) : self->add_button);
  changed_cb (self);
}

/* Alt+Delete on the holiday in focus. */
static void
remove_holiday_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  XaSchoolCalendarEditor *self = XA_SCHOOL_CALENDAR_EDITOR (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (self->editable && focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->holidays_list)))
    remove_holiday (self, GTK_LIST_BOX_ROW (gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW)));
}

static void
remove_clicked_cb (GtkButton *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  remove_holiday (XA_SCHOOL_CALENDAR_EDITOR (gtk_widget_get_root (row)), GTK_LIST_BOX_ROW (row));
}

static GtkWidget *
new_field (XaSchoolCalendarEditor *self,
           const char             *text,
           const char             *placeholder,
           const char             *accessible_label,
           int                     width)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_editable_set_editable (GTK_EDITABLE (entry), self->editable);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (changed_cb), self);
  return entry;
}

static GtkListBoxRow *
new_holiday_row (XaSchoolCalendarEditor *self,
                 const char             *name,
                 const char             *date)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name_entry = new_field (self, name, _("Holiday"), _("Holiday name"), 10);
  GtkWidget *date_entry = new_field (self, date, "2021-10-01", _("Holiday date"), 12);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_hexpand (name_entry, TRUE);
  gtk_box_append (GTK_BOX (box), name_entry);
  gtk_box_append (GTK_BOX (box), date_entry);
  if (self->editable)
    {
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      gtk_widget_set_tooltip_text (remove, _("Remove (Alt+Delete)"));
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_focusable (remove, FALSE);
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), NULL);
      gtk_box_append (GTK_BOX (box), remove);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data (G_OBJECT (row), "xa-name", name_entry);
  g_object_set_data (G_OBJECT (row), "xa-date", date_entry);
  return GTK_LIST_BOX_ROW (row);
}

/* Filling */

static void
fill (XaSchoolCalendarEditor *self)
{
  g_autofree char *year = xa_school_year_format (self->school_year, FALSE);
  GtkWidget *child;

  self->filling = TRUE;
  gtk_label_set_text (self->year_label, year);
  gtk_label_set_text (self->status_label,
                      !self->editable
                      ? _("The education commission sets the school calendar; a school sees it as it is.")
                      : xa_school_calendar_get_is_default (self->calendar)
                      ? _("The commission has not saved a calendar for this year: these are common dates, and the plans follow them until it does.")
                      : _("The commission’s calendar of this year: every school’s inspection plan follows it."));
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  for (guint i = 0; i < 2; i++)
    {
      gtk_editable_set_text (GTK_EDITABLE (i == 0 ? self->start_row_0 : self->start_row_1),
                             xa_school_calendar_get_semester_start (self->calendar, i));
      gtk_editable_set_text (GTK_EDITABLE (i == 0 ? self->end_row_0 : self->end_row_1),
                             xa_school_calendar_get_semester_end (self->calendar, i));
    }
  gtk_editable_set_text (GTK_EDITABLE (self->flood_row), xa_school_calendar_get_flood_season_start (self->calendar));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->holidays_list))) != NULL)
    gtk_list_box_remove (self->holidays_list, child);
  for (guint i = 0; i < xa_school_calendar_get_n_holidays (self->calendar); i++)
    gtk_list_box_append (self->holidays_list,
                         GTK_WIDGET (new_holiday_row (self, xa_school_calendar_get_holiday_name (self->calendar, i),
                                                      xa_school_calendar_get_holiday_date (self->calendar, i))));

  g_free (self->filled);
  self->filled = dup_fields (self);
  self->filling = FALSE;
  update_state (self);
}

static void
load_year (XaSchoolCalendarEditor *self,
           int                     school_year)
{
  g_autoptr(GError) error = NULL;
  XaSchoolCalendar *calendar;

  if (!(calendar = xa_inspection_book_dup_calendar (self->book, school_year, &error)))
    {
      xa_widget_show_error (GTK_WIDGET (self), _("The School Calendar Cannot Be Read"), error->message);
      return;
    }
  self->school_year = school_year;
  g_clear_object (&self->calendar);
  self->calendar = calendar;
  fill (self);
}

/* Saving */

/* The calendar the fields hold, or %NULL with the first wrong date named and in focus. */
static XaSchoolCalendar *
dup_edited (XaSchoolCalendarEditor  *self,
            GError                 **error)
{
  g_autoptr(XaSchoolCalendar) calendar = xa_school_calendar_copy (self->calendar);
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *wrong = NULL;
  const char *wrong_label = NULL;
  GtkListBoxRow *row;
  DateRow rows[5];

  date_rows (self, rows);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      char *date = xa_date_row_dup_date (rows[i].row);

      g_ptr_array_add (dates, date);
      if (date == NULL && wrong == NULL)
        {
          wrong = GTK_WIDGET (rows[i].row);
          wrong_label = rows[i].label;
        }
    }

  xa_school_calendar_clear_holidays (calendar);
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->holidays_list, i)) != NULL; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (holiday_name (row))));
      g_autofree char *date = xa_date_entry_dup_date (holiday_date (row));

      if (date == NULL && wrong == NULL)
        {
          wrong = GTK_WIDGET (holiday_date (row));
          wrong_label = _("Holiday date");
        }
      xa_school_calendar_add_holiday (calendar, name, date != NULL ? date : "");
    }

  if (wrong != NULL)
    {
      gtk_widget_grab_focus (wrong);
      g_set_error (error, XA_SCHOOL_CALENDAR_ERROR, XA_SCHOOL_CALENDAR_ERROR_INVALID,
                   /* Translators: the field, such as 第一学期开学日期 */
                   _("%s: enter a date such as 2021-09-01"), wrong_label);
      return NULL;
    }

  xa_school_calendar_set_semester (calendar, 0, g_ptr_array_index (dates, 0), g_ptr_array_index (dates, 1));
  xa_school_calendar_set_semester (calendar, 1, g_ptr_array_index (dates, 2), g_ptr_array_index (dates, 3));
  xa_school_calendar_set_flood_season_start (calendar, g_ptr_array_index (dates, 4));
  return g_steal_pointer (&calendar);
}

static gboolean
save_calendar (XaSchoolCalendarEditor  *self,
               GError                 **error)
{
  g_autoptr(XaSchoolCalendar) calendar = NULL;

  if (!self->editable)
    return TRUE;
  if (!(calendar = dup_edited (self, error)) ||
      !xa_inspection_book_save_calendar (self->book, calendar, error))
    return FALSE;

  load_year (self, self->school_year);
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XaSchoolCalendarEditor *self = XA_SCHOOL_CALENDAR_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *year = NULL;
  g_autofree char *message = NULL;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkListBoxRow *row = NULL;
  int holiday = -1;
  gboolean on_date = FALSE;

  /* A holiday's row is made again by the save: where the focus was in it. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->holidays_list)))
    {
      row = GTK_LIST_BOX_ROW (gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW));
      holiday = gtk_list_box_row_get_index (row);
      on_date = gtk_widget_is_ancestor (focus, GTK_WIDGET (holiday_date (row)));
    }

  if (!save_calendar (self, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  if (holiday >= 0 && (row = gtk_list_box_get_row_at_index (self->holidays_list, holiday)) != NULL)
    xa_widget_grab_focus_when_shown (GTK_WIDGET (on_date ? holiday_date (row) : holiday_name (row)));

  year = xa_school_year_format (self->school_year, FALSE);
  /* Translators: %s is a school year such as 2021—2022学年度 */
  message = g_strdup_printf (_("The school calendar of %s is saved; the plans follow it"), year);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
add_holiday_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  XaSchoolCalendarEditor *self = XA_SCHOOL_CALENDAR_EDITOR (widget);
  GtkListBoxRow *row = new_holiday_row (self, "", "");

  gtk_list_box_append (self->holidays_list, GTK_WIDGET (row));
  xa_widget_grab_focus_when_shown (GTK_WIDGET (holiday_name (row)));
  changed_cb (self);
}

/* Leaving a year or the window */

static void
year_guarded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  XaSchoolCalendarEditor *self = XA_SCHOOL_CALENDAR_EDITOR (object);

  if (xa_unsaved_guard_finish (XA_UNSAVED (self), result))
    load_year (self, GPOINTER_TO_INT (user_data));
}

static void
year_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XaSchoolCalendarEditor *self = XA_SCHOOL_CALENDAR_EDITOR (widget);
  int target = self->school_year + (g_str_equal (action_name, "calendar.next-year") ? 1 : -1);

  if (target < 1990 || target > 2200)
    return;
  xa_unsaved_guard_async (XA_UNSAVED (self), NULL, year_guarded_cb, GINT_TO_POINTER (target));
}

static void
close_guarded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  XaSchoolCalendarEditor *self = XA_SCHOOL_CALENDAR_EDITOR (object);

  if (!xa_unsaved_guard_finish (XA_UNSAVED (self), result))
    return;
  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
xa_school_calendar_editor_close_request (GtkWindow *window)
{
  XaSchoolCalendarEditor *self = XA_SCHOOL_CALENDAR_EDITOR (window);

  if (self->close_confirmed || !xa_school_calendar_editor_get_dirty (self))
    return GTK_WINDOW_CLASS (xa_school_calendar_editor_parent_class)->close_request (window);

  xa_unsaved_guard_async (XA_UNSAVED (self), NULL, close_guarded_cb, NULL);
  return TRUE;
}

static char *
xa_school_calendar_editor_dup_unsaved (XaUnsaved *unsaved)
{
  XaSchoolCalendarEditor *self = XA_SCHOOL_CALENDAR_EDITOR (unsaved);
  g_autofree char *year = NULL;

  if (!xa_school_calendar_editor_get_dirty (self))
    return NULL;
  year = xa_school_year_format (self->school_year, FALSE);
  /* Translators: what holds unsaved edits, in “%s has changes that are not saved”; %s is
   * a school year */
  return g_strdup_printf (_("The school calendar of %s"), year);
}

static gboolean
xa_school_calendar_editor_save (XaUnsaved  *unsaved,
                                GError    **error)
{
  return save_calendar (XA_SCHOOL_CALENDAR_EDITOR (unsaved), error);
}

static void
xa_school_calendar_editor_discard (XaUnsaved *unsaved)
{
  fill (XA_SCHOOL_CALENDAR_EDITOR (unsaved));
}

static void
xa_school_calendar_editor_unsaved_init (XaUnsavedInterface *iface)
{
  iface->dup_unsaved = xa_school_calendar_editor_dup_unsaved;
  iface->save = xa_school_calendar_editor_save;
  iface->discard = xa_school_calendar_editor_discard;
}

/* The object */

static void
xa_school_calendar_editor_dispose (GObject *object)
{
  XaSchoolCalendarEditor *self = XA_SCHOOL_CALENDAR_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), XA_TYPE_SCHOOL_CALENDAR_EDITOR);
  g_clear_object (&self->book);
  g_clear_object (&self->calendar);
  g_clear_pointer (&self->filled, g_free);

  G_OBJECT_CLASS (xa_school_calendar_editor_parent_class)->dispose (object);
}

static void
xa_school_calendar_editor_class_init (XaSchoolCalendarEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = xa_school_calendar_editor_dispose;
  window_class->close_request = xa_school_calendar_editor_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xiaoan/Xiaoan/xa-school-calendar-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, XaSchoolCalendarEditor, add_button);
  gtk_widget_class_bind_template_child (widget_class, XaSchoolCalendarEditor, end_row_0);
  gtk_widget_class_bind_template_child (widget_class, XaSchoolCalendarEditor, end_row_1);
  gtk_widget_class_bind_template_child (widget_class, XaSchoolCalendarEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, XaSchoolCalendarEditor, flood_row);
  gtk_widget_class_bind_template_child (widget_class, XaSchoolCalendarEditor, holidays_group);
  gtk_widget_class_bind_template_child (widget_class, XaSchoolCalendarEditor, holidays_list);
  gtk_widget_class_bind_template_child (widget_class, XaSchoolCalendarEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, XaSchoolCalendarEditor, start_row_0);
  gtk_widget_class_bind_template_child (widget_class, XaSchoolCalendarEditor, start_row_1);
  gtk_widget_class_bind_template_child (widget_class, XaSchoolCalendarEditor, status_label);
  gtk_widget_class_bind_template_child (widget_class, XaSchoolCalendarEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, XaSchoolCalendarEditor, year_label);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);

  gtk_widget_class_install_action (widget_class, "calendar.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "calendar.add-holiday", NULL, add_holiday_action);
  gtk_widget_class_install_action (widget_class, "calendar.remove-holiday", NULL, remove_holiday_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_ALT_MASK, "calendar.remove-holiday", NULL);
  gtk_widget_class_install_action (widget_class, "calendar.previous-year", NULL, year_action);
  gtk_widget_class_install_action (widget_class, "calendar.next-year", NULL, year_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "calendar.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "calendar.previous-year", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "calendar.next-year", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
xa_school_calendar_editor_init (XaSchoolCalendarEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * xa_school_calendar_editor_new:
 * @book: the inspections whose calendars to show
 * @school_year: the 学年度 shown first, by its start year
 * @editable: whether the operator may change them (the commission's)
 *
 * Returns: (transfer floating): the editor, to present
 */
GtkWidget *
xa_school_calendar_editor_new (XaInspectionBook *book,
                               int               school_year,
                               gboolean          editable)
{
  XaSchoolCalendarEditor *self;
  DateRow rows[5];

  g_return_val_if_fail (XA_IS_INSPECTION_BOOK (book), NULL);

  self = g_object_new (XA_TYPE_SCHOOL_CALENDAR_EDITOR, NULL);
  self->book = g_object_ref (book);
  self->editable = editable;

  date_rows (self, rows);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_editable_set_editable (GTK_EDITABLE (rows[i].row), editable);
  gtk_widget_set_visible (self->save_button, editable);
  gtk_widget_set_visible (self->add_button, editable);
  if (!editable)
    adw_preferences_group_set_description (self->holidays_group,
                                           _("Schools check before each holiday (节前检查)."));

  load_year (self, school_year);
  if (self->calendar == NULL)
    {
      self->school_year = school_year;
      self->calendar = xa_school_calendar_new_default (school_year);
      fill (self);
    }
  xa_accessible_prepare (GTK_WIDGET (self));
  return GTK_WIDGET (self);
}

int
xa_school_calendar_editor_get_year (XaSchoolCalendarEditor *self)
{
  g_return_val_if_fail (XA_IS_SCHOOL_CALENDAR_EDITOR (self), 0);
  return self->school_year;
}
