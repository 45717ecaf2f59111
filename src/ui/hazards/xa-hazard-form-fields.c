/* xa-hazard-form-fields.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The hazard form's fields: a hazard's columns into the widgets and back, the school
 * years offered, the rows a 重大 hazard adds, and a refusal shown at its field, under
 * the field's row, in the core's words.
 */

#include "config.h"

#include "xa-hazard-form-private.h"
#include "xa-hazard-text-row.h"
#include "xa-hazard-ui.h"
#include "core/util/xa-date.h"
#include "core/util/xa-school-year.h"

char *
_xa_hazard_form_dup_widget_text (GtkWidget *widget)
{
  if (XA_IS_HAZARD_TEXT_ROW (widget))
    return xa_hazard_text_row_dup_text (XA_HAZARD_TEXT_ROW (widget));

  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));
}

void
_xa_hazard_form_set_widget_text (GtkWidget  *widget,
                 const char *text)
{
  if (XA_IS_HAZARD_TEXT_ROW (widget))
    xa_hazard_text_row_set_text (XA_HAZARD_TEXT_ROW (widget), text);
  else if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (widget)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (widget), text ? text : "");
}

static gboolean
is_date_field (XaHazardField field)
{
  switch ((guint) field)
    {
    case XA_HAZARD_FIELD_FOUND_ON:
    case XA_HAZARD_FIELD_DEADLINE:
    case XA_HAZARD_FIELD_REPORTED_ON:
    case XA_HAZARD_FIELD_COMPLETED_ON:
    case XA_HAZARD_FIELD_REINSPECTED_ON:
      return TRUE;
    default:
      return FALSE;
    }
}

/* A row hidden with its group (the major hazard's, an edit's completion) is left as the
 * hazard had it. */
static gboolean
row_shown (XaHazardForm *self,
           GtkWidget    *row)
{
  GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

  return gtk_widget_get_visible (row) && (group == NULL || gtk_widget_get_visible (group));
}

static int
selected_year (XaHazardForm *self)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->year_row));

  return selected < self->years->len ? g_array_index (self->years, int, selected) : 0;
}

/* Copies what the form shows into @hazard. Dates typed as 2021-9-1 are stored as
 * 2021-09-01; what is not a date is kept for validation to name. */
void
_xa_hazard_form_apply_form (XaHazardForm *self,
            XaHazard     *hazard)
{
  for (XaHazardField field = 0; field < XA_N_HAZARD_TEXT_FIELDS; field++)
    {
      g_autofree char *text = NULL;
      g_autofree char *date = NULL;

      if (self->rows[field] == NULL || field == XA_HAZARD_FIELD_SCHOOL_UUID ||
          !row_shown (self, self->rows[field]))
        continue;

      text = _xa_hazard_form_dup_widget_text (self->rows[field]);
      if (is_date_field (field))
        {
          g_strstrip (text);
          date = xa_date_normalise (text);
        }
      xa_hazard_set_text (hazard, field, date ? date : text);
    }

  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_SCHOOL_UUID, self->school_uuid);
  xa_hazard_set_school_year (hazard, selected_year (self));
  xa_hazard_set_inspection_type (hazard, adw_combo_row_get_selected (ADW_COMBO_ROW (self->type_row)));
  xa_hazard_set_category (hazard, adw_combo_row_get_selected (ADW_COMBO_ROW (self->category_row)));
  xa_hazard_set_grade (hazard, adw_combo_row_get_selected (ADW_COMBO_ROW (self->grade_row)));
  if (row_shown (self, self->reported_row))
    xa_hazard_set_reported (hazard, gtk_switch_get_active (self->reported_switch));
  if (row_shown (self, self->supervised_row))
    xa_hazard_set_supervised (hazard, gtk_switch_get_active (self->supervised_switch));
}

/* The years the year row offers: around the current one, and @year itself. */
void
_xa_hazard_form_fill_years (XaHazardForm *self,
            int           year)
{
  g_autoptr(GDate) today = g_date_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  int current;

  g_date_set_time_t (today, time (NULL));
  current = xa_school_year_for_date (today);

  g_array_set_size (self->years, 0);
  for (int y = current + YEARS_AFTER; y >= current - YEARS_BEFORE; y--)
    g_array_append_val (self->years, y);
  if (year > current + YEARS_AFTER)
    g_array_prepend_val (self->years, year);
  else if (year > 0 && year < current - YEARS_BEFORE)
    g_array_append_val (self->years, year);

  for (guint i = 0; i < self->years->len; i++)
    g_ptr_array_add (labels, xa_school_year_format (g_array_index (self->years, int, i), FALSE));
  g_ptr_array_add (labels, NULL);

  self->loading++;
  gtk_string_list_splice (self->year_labels, 0, g_list_model_get_n_items (G_LIST_MODEL (self->year_labels)),
                          (const char * const *) labels->pdata);
  self->loading--;
}

void
_xa_hazard_form_select_year (XaHazardForm *self,
             int           year)
{
  guint found = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < self->years->len; i++)
    if (g_array_index (self->years, int, i) == year)
      found = i;

  if (found == GTK_INVALID_LIST_POSITION)
    {
      _xa_hazard_form_fill_years (self, year);
      _xa_hazard_form_select_year (self, year);
      return;
    }

  self->loading++;
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->year_row), found);
  self->loading--;
}

void
_xa_hazard_form_update_school_row (XaHazardForm *self)
{
  g_autofree char *name = NULL;

  if (self->registry == NULL)
    return;

  name = xa_hazard_dup_school_name (self->registry, self->school_uuid);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->school_row), name);
}

/* 重大 shows what it needs; a 一般 hazard that has any of it keeps it in view too. */
void
_xa_hazard_form_update_major_group (XaHazardForm *self)
{
  gboolean major = adw_combo_row_get_selected (ADW_COMBO_ROW (self->grade_row)) == XA_HAZARD_GRADE_MAJOR;
  gboolean any = FALSE;

  for (XaHazardField field = XA_HAZARD_FIELD_REPORTED_ON; field <= XA_HAZARD_FIELD_SUPERVISOR; field++)
    {
      g_autofree char *text = _xa_hazard_form_dup_widget_text (self->rows[field]);

      any |= text[0] != '\0';
    }
  {
    g_autofree char *measures = _xa_hazard_form_dup_widget_text (self->temporary_measures_row);

    any |= measures[0] != '\0';
  }
  any |= gtk_switch_get_active (self->reported_switch) || gtk_switch_get_active (self->supervised_switch);

  gtk_widget_set_visible (GTK_WIDGET (self->major_group), major || any);
}

/* Showing a refusal at its field */

void
_xa_hazard_form_clear_error (XaHazardForm *self)
{
  GtkWidget *parent;

  if (self->error_field < XA_HAZARD_FIELD_NONE && self->rows[self->error_field] != NULL)
    {
      GtkWidget *row = self->rows[self->error_field];

      gtk_widget_remove_css_class (row, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  self->error_field = XA_HAZARD_FIELD_NONE;

  if ((parent = gtk_widget_get_parent (self->error_row)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (parent), self->error_row);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), FALSE);
}

/* The message goes right under the field's row, in its list, and becomes the row's
 * description for a screen reader; a refusal of no field of the form (the number, the
 * state) goes at the top. */
void
_xa_hazard_form_show_error (XaHazardForm  *self,
            XaHazardField  field,
            const char    *message)
{
  GtkWidget *row = field < XA_HAZARD_FIELD_NONE ? self->rows[field] : NULL;
  GtkWidget *list;

  _xa_hazard_form_clear_error (self);
  self->error_field = field;

  if (row == NULL || !row_shown (self, row))
    {
      gtk_label_set_label (self->problem_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
      return;
    }

  gtk_widget_add_css_class (row, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);

  list = gtk_widget_get_parent (row);
  gtk_label_set_label (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (self->error_row))), message);
  gtk_list_box_insert (GTK_LIST_BOX (list), self->error_row,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1);
}

/* The hazard the form holds, fit for xa_hazard_validate() before the book gives it its
 * own identifier. */
XaHazard *
_xa_hazard_form_dup_checkable (XaHazardForm *self)
{
  XaHazard *hazard = xa_hazard_form_dup_hazard (self);

  if (xa_hazard_get_uuid (hazard)[0] == '\0')
    xa_hazard_set_text (hazard, XA_HAZARD_FIELD_UUID, CHECK_UUID);
  return hazard;
}

/* Checks the whole hazard; shows the first wrong column when it was typed in or a save
 * was tried, so that a new form does not open in red. */
gboolean
_xa_hazard_form_validate (XaHazardForm *self)
{
  g_autoptr(XaHazard) hazard = NULL;
  g_autoptr(GError) error = NULL;
  XaHazardField bad_field = XA_HAZARD_FIELD_NONE;

  if (self->base == NULL)
    return FALSE;

  hazard = _xa_hazard_form_dup_checkable (self);
  if (xa_hazard_validate (hazard, &bad_field, &error))
    {
      _xa_hazard_form_clear_error (self);
      return TRUE;
    }

  if (self->show_all || (bad_field < XA_HAZARD_FIELD_NONE && (self->touched & BIT (bad_field))))
    _xa_hazard_form_show_error (self, bad_field, error->message);
  else
    _xa_hazard_form_clear_error (self);

  return FALSE;
}

