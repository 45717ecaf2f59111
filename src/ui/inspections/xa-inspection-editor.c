/* xa-inspection-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Recording an inspection against its checklists, by keyboard alone: the type, the day
 * and the people; an area's checklist added with Enter; then down the items, Space marks
 * the one in focus abnormal and the problem is typed in the row that opens below it.
 * Ctrl+S saves. Once saved, an abnormal item becomes a hazard of the ledger with its
 * button (xa-inspection-hazard-dialog.c); the item then shows the hazard's number.
 * A saved inspection prints (Ctrl+P) or exports its record (安全检查记录表) as a PDF,
 * laid out off the main thread (xa-inspection-print.c). Closing with edits not saved
 * asks first.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-inspection-editor.h"
#include "xa-inspection-hazard-dialog.h"
#include "xa-inspection-print.h"
#include "document/xa-inspection-record.h"
#include "xa-accessible.h"
#include "xa-ui-utils.h"
#include "xa-unsaved.h"
#include "core/util/xa-date.h"
#include "core/util/xa-school-year.h"

struct _XaInspectionEditor
{
  AdwWindow          parent_instance;

  /* Owned references */
  XaInspectionBook  *book;
  XaInspection      *inspection;
  GPtrArray         *checklists;  /* XaChecklist */
  GPtrArray         *item_rows;   /* the rows of the items group, to remove them */
  char              *school_name; /* the record's title's */
  GCancellable      *cancellable;
  GFile             *export_file; /* while a PDF is written */

  /* Template widgets */
  AdwComboRow       *checklist_row;
  AdwEntryRow       *date_row;
  GtkLabel          *error_label;
  AdwEntryRow       *inspectors_row;
  AdwPreferencesGroup *items_group;
  AdwEntryRow       *leader_row;
  AdwEntryRow       *remarks_row;
  GtkButton         *save_button;
  AdwToastOverlay   *toast_overlay;
  AdwComboRow       *type_row;
  AdwWindowTitle    *window_title;

  /* State */
  gboolean           dirty;
  gboolean           filling;
  gboolean           close_confirmed;
  gboolean           choosing;    /* the export's file chooser is open */
  gboolean           printing;    /* the record is being laid out for the print dialog */
};

static void xa_inspection_editor_unsaved_init (XaUnsavedInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (XaInspectionEditor, xa_inspection_editor, ADW_TYPE_WINDOW,
                               G_IMPLEMENT_INTERFACE (XA_TYPE_UNSAVED, xa_inspection_editor_unsaved_init))

/* The types of inspection, in the combo row's order: every type but 群众反映. */
static XaInspectionType
type_at (guint position)
{
  guint n = 0;

  for (XaInspectionType type = 0; type < XA_N_INSPECTION_TYPES; type++)
    {
      if (xa_inspection_type_is_inspection (type) && n++ == position)
        return type;
    }
  return XA_INSPECTION_WEEKLY;
}

static guint
position_of_type (XaInspectionType wanted)
{
  guint n = 0;

  for (XaInspectionType type = 0; type < wanted; type++)
    {
      if (xa_inspection_type_is_inspection (type))
        n++;
    }
  return n;
}

static void
update_title (XaInspectionEditor *self)
{
  const char *number = xa_inspection_get_number (self->inspection);

  adw_window_title_set_title (self->window_title, number[0] != '\0' ? number : _("New Inspection"));
  adw_window_title_set_subtitle (self->window_title, self->dirty ? _("Not saved") : NULL);
}

/* A hazard is made, and the record printed, from what is stored: they wait for the
 * save; a print or an export waits for the one before. */
static void
update_actions (XaInspectionEditor *self)
{
  gboolean stored = xa_inspection_get_uuid (self->inspection)[0] != '\0';
  gboolean printable = stored && !self->dirty && self->school_name != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.record-hazard", !self->dirty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.print", printable && !self->printing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.export",
                                 printable && !self->choosing && self->export_file == NULL);
}

static void
set_dirty (XaInspectionEditor *self,
           gboolean            dirty)
{
  if (self->filling || self->dirty == dirty)
    return;

  self->dirty = dirty;
  update_title (self);
  update_actions (self);
}

static void
changed_cb (XaInspectionEditor *self)
{
  set_dirty (self, TRUE);
}

/* Items */

static void
item_toggled_cb (GtkCheckButton     *check,
                 XaInspectionEditor *self)
{
  XaInspectionItem *item = g_object_get_data (G_OBJECT (check), "item");
  GtkWidget *note_row = g_object_get_data (G_OBJECT (check), "note-row");
  gboolean abnormal = gtk_check_button_get_active (check);

  xa_inspection_item_set_result (item, abnormal ? XA_INSPECTION_RESULT_ABNORMAL : XA_INSPECTION_RESULT_NORMAL);
  gtk_widget_set_visible (note_row, abnormal);
  set_dirty (self, TRUE);
}

static void
note_changed_cb (GtkEditable        *editable,
                 XaInspectionEditor *self)
{
  XaInspectionItem *item = g_object_get_data (G_OBJECT (editable), "item");

  xa_inspection_item_set_note (item, gtk_editable_get_text (editable));
  set_dirty (self, TRUE);
}

static void
add_item_rows (XaInspectionEditor *self,
               guint               index)
{
  XaInspectionItem *item = xa_inspection_get_item (self->inspection, index);
  gboolean abnormal = xa_inspection_item_get_result (item) == XA_INSPECTION_RESULT_ABNORMAL;
  gboolean linked = xa_inspection_item_has_hazard (item);
  g_autofree char *number = g_strdup_printf ("%u", index + 1);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new_with_label (C_("inspection result", "Abnormal"));
  GtkWidget *prefix = gtk_label_new (number);
  GtkWidget *note = adw_entry_row_new ();

  subtitle = xa_inspection_item_get_place (item)[0] != '\0'
             ? g_strdup_printf ("%s · %s", xa_inspection_item_get_area_name (item), xa_inspection_item_get_place (item))
             : g_strdup (xa_inspection_item_get_area_name (item));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), xa_inspection_item_get_content (item));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  gtk_widget_add_css_class (prefix, "dim-label");
  gtk_widget_add_css_class (prefix, "numeric");
  gtk_label_set_width_chars (GTK_LABEL (prefix), 3);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), prefix);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), abnormal);
  gtk_widget_set_sensitive (check, !linked);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (note), _("Problem found"));
  gtk_editable_set_text (GTK_EDITABLE (note), xa_inspection_item_get_note (item));
  gtk_widget_set_visible (note, abnormal);
  gtk_widget_set_margin_start (note, 24);
  if (linked)
    {
      GtkWidget *hazard = gtk_label_new (xa_inspection_item_get_hazard_number (item));

      gtk_widget_add_css_class (hazard, "state-badge");
      gtk_widget_add_css_class (hazard, "archived");
      gtk_widget_set_valign (hazard, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (hazard, _("The hazard this item became in the ledger"));
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (note), hazard);
    }
  else if (xa_inspection_get_uuid (self->inspection)[0] != '\0')
    {
      GtkWidget *button = gtk_button_new_with_label (_("To the Ledger…"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Record this problem as a hazard of the ledger"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "editor.record-hazard");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", index);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (note), button);
    }

  g_object_set_data (G_OBJECT (check), "item", item);
  g_object_set_data (G_OBJECT (check), "note-row", note);
  g_object_set_data (G_OBJECT (note), "item", item);
  g_signal_connect (check, "toggled", G_CALLBACK (item_toggled_cb), self);
  g_signal_connect (note, "changed", G_CALLBACK (note_changed_cb), self);

  adw_preferences_group_add (self->items_group, row);
  adw_preferences_group_add (self->items_group, note);
  g_ptr_array_add (self->item_rows, row);
  g_ptr_array_add (self->item_rows, note);
}

static void
rebuild_items (XaInspectionEditor *self)
{
  for (guint i = 0; i < self->item_rows->len; i++)
    adw_preferences_group_remove (self->items_group, g_ptr_array_index (self->item_rows, i));
  g_ptr_array_set_size (self->item_rows, 0);

  for (guint i = 0; i < xa_inspection_get_n_items (self->inspection); i++)
    add_item_rows (self, i);
}

/* Fields */

static void
fill (XaInspectionEditor *self)
{
  self->filling = TRUE;
  adw_combo_row_set_selected (self->type_row,
                              position_of_type (xa_inspection_get_inspection_type (self->inspection)));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), xa_inspection_get_inspected_on (self->inspection));
  gtk_editable_set_text (GTK_EDITABLE (self->leader_row), xa_inspection_get_leader (self->inspection));
  gtk_editable_set_text (GTK_EDITABLE (self->inspectors_row), xa_inspection_get_inspectors (self->inspection));
  gtk_editable_set_text (GTK_EDITABLE (self->remarks_row), xa_inspection_get_remarks (self->inspection));
  rebuild_items (self);
  self->filling = FALSE;
  update_title (self);
}

static void
read_fields (XaInspectionEditor *self)
{
  g_autofree char *date = xa_date_row_dup_date (self->date_row);

  xa_inspection_set_inspection_type (self->inspection, type_at (adw_combo_row_get_selected (self->type_row)));
  xa_inspection_set_inspected_on (self->inspection,
                                  date != NULL ? date : gtk_editable_get_text (GTK_EDITABLE (self->date_row)));
  xa_inspection_set_leader (self->inspection, gtk_editable_get_text (GTK_EDITABLE (self->leader_row)));
  xa_inspection_set_inspectors (self->inspection, gtk_editable_get_text (GTK_EDITABLE (self->inspectors_row)));
  xa_inspection_set_remarks (self->inspection, gtk_editable_get_text (GTK_EDITABLE (self->remarks_row)));
}

static GtkWidget *
widget_of_field (XaInspectionEditor *self,
                 XaInspectionField   field,
                 guint               item)
{
  switch ((int) field)
    {
    case XA_INSPECTION_FIELD_TYPE:
      return GTK_WIDGET (self->type_row);
    case XA_INSPECTION_FIELD_DATE:
      return GTK_WIDGET (self->date_row);
    case XA_INSPECTION_FIELD_LEADER:
      return GTK_WIDGET (self->leader_row);
    case XA_INSPECTION_FIELD_INSPECTORS:
      return GTK_WIDGET (self->inspectors_row);
    case XA_INSPECTION_FIELD_REMARKS:
      return GTK_WIDGET (self->remarks_row);
    case XA_INSPECTION_FIELD_ITEMS:
      /* The item's problem row, or its row when it has none to write. */
      if (2 * item + 1 < self->item_rows->len)
        {
          GtkWidget *note = g_ptr_array_index (self->item_rows, 2 * item + 1);

          return gtk_widget_get_visible (note) ? note : g_ptr_array_index (self->item_rows, 2 * item);
        }
      return GTK_WIDGET (self->checklist_row);
    default:
      return NULL;
    }
}

static void
show_error (XaInspectionEditor *self,
            const char         *message,
            GtkWidget          *field)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (field != NULL)
    gtk_widget_grab_focus (field);
}

/* Actions */

/* Stores the inspection; a refusal is shown with the focus on the field at fault. */
static gboolean
save (XaInspectionEditor  *self,
      GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  XaInspectionField bad_field = XA_INSPECTION_FIELD_NONE;
  guint bad_item = 0;
  gboolean stored = xa_inspection_get_uuid (self->inspection)[0] != '\0';
  gboolean saved;

  read_fields (self);
  if (!xa_inspection_validate (self->inspection, &bad_field, &bad_item, &local_error))
    {
      show_error (self, local_error->message, widget_of_field (self, bad_field, bad_item));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  saved = stored ? xa_inspection_book_update (self->book, self->inspection, &local_error)
                 : xa_inspection_book_add (self->book, self->inspection, &local_error);
  if (!saved)
    {
      show_error (self, local_error->message, NULL);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  show_error (self, NULL, NULL);
  self->dirty = FALSE;
  fill (self);
  update_actions (self);
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XaInspectionEditor *self = XA_INSPECTION_EDITOR (widget);

  if (save (self, NULL))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Inspection saved")));
}

static void
add_checklist_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  XaInspectionEditor *self = XA_INSPECTION_EDITOR (widget);
  guint position = adw_combo_row_get_selected (self->checklist_row);
  guint first = xa_inspection_get_n_items (self->inspection);

  if (position >= self->checklists->len)
    return;

  xa_inspection_add_checklist (self->inspection, g_ptr_array_index (self->checklists, position));
  for (guint i = first; i < xa_inspection_get_n_items (self->inspection); i++)
    add_item_rows (self, i);
  set_dirty (self, TRUE);

  /* On to the first item added, where Space marks it abnormal. */
  if (2 * first < self->item_rows->len)
    gtk_widget_grab_focus (g_ptr_array_index (self->item_rows, 2 * first));
}

static void
hazard_recorded_cb (XaInspectionEditor       *self,
                    XaInspectionHazardDialog *dialog)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaInspection) stored = NULL;

  if (!(stored = xa_inspection_book_dup_by_uuid (self->book, xa_inspection_get_uuid (self->inspection), &error)))
    {
      show_error (self, error->message, NULL);
      return;
    }

  g_set_object (&self->inspection, stored);
  self->dirty = FALSE;
  fill (self);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (xa_inspection_hazard_dialog_get_message (dialog)));
}

static void
record_hazard_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  XaInspectionEditor *self = XA_INSPECTION_EDITOR (widget);
  guint index = g_variant_get_uint32 (parameter);
  GtkWidget *dialog;

  if (self->dirty || index >= xa_inspection_get_n_items (self->inspection))
    return;

  dialog = xa_inspection_hazard_dialog_new (self->book, self->inspection, index);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (hazard_recorded_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
printed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(XaInspectionEditor) self = user_data;
  g_autoptr(GError) error = NULL;

  self->printing = FALSE;
  update_actions (self);
  if (!xa_inspection_print_finish (result, &error) && error != NULL &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    xa_widget_show_error (GTK_WIDGET (self), _("The Inspection Record Was Not Printed"), error->message);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  XaInspectionEditor *self = XA_INSPECTION_EDITOR (widget);

  if (self->printing || self->dirty || self->school_name == NULL)
    return;

  self->printing = TRUE;
  update_actions (self);
  xa_inspection_print_async (self->inspection, self->school_name, widget, self->cancellable, printed_cb,
                             g_object_ref (self));
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(XaInspectionEditor) self = user_data;
  g_autoptr(GFile) file = g_steal_pointer (&self->export_file);
  g_autoptr(GError) error = NULL;

  update_actions (self);
  xa_inspection_export_finish (result, &error);
  xa_widget_report_export (GTK_WIDGET (self), file, error);
}

static void
export_file_chosen_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(XaInspectionEditor) self = user_data;
  g_autoptr(GFile) file = xa_choose_file_finish (result, NULL);

  self->choosing = FALSE;
  update_actions (self);
  if (file != NULL)
    xa_inspection_editor_export_to_file (self, file);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XaInspectionEditor *self = XA_INSPECTION_EDITOR (widget);
  g_autofree char *name = NULL;
  g_autofree char *file_name = NULL;

  if (self->choosing || self->dirty || self->school_name == NULL)
    return;

  name = xa_inspection_record_dup_file_name (self->inspection, self->school_name);
  file_name = g_strconcat (name, ".pdf", NULL);
  self->choosing = TRUE;
  update_actions (self);
  xa_choose_pdf_file_async (widget, _("Export Inspection Record as PDF"), file_name, self->cancellable,
                            export_file_chosen_cb, g_object_ref (self));
}

/* Unsaved edits: closing this window, or the main window with it open, asks first. */

static char *
xa_inspection_editor_dup_unsaved (XaUnsaved *unsaved)
{
  XaInspectionEditor *self = XA_INSPECTION_EDITOR (unsaved);
  const char *number = xa_inspection_get_number (self->inspection);

  if (!self->dirty)
    return NULL;

  /* Translators: what holds unsaved edits, in “%s has changes that are not saved”: an
   * inspection by its number (检查记录 2021-2022-…-JC0003), or a new one */
  return number[0] != '\0' ? g_strdup_printf (_("The inspection %s"), number)
                            : g_strdup (_("The new inspection"));
}

static gboolean
xa_inspection_editor_save (XaUnsaved  *unsaved,
                           GError    **error)
{
  return save (XA_INSPECTION_EDITOR (unsaved), error);
}

static void
xa_inspection_editor_discard (XaUnsaved *unsaved)
{
  XaInspectionEditor *self = XA_INSPECTION_EDITOR (unsaved);
  const char *uuid = xa_inspection_get_uuid (self->inspection);
  g_autoptr(XaInspection) stored = NULL;

  /* A stored inspection shows as stored again; a new one is dropped with its window. */
  if (uuid[0] != '\0' && (stored = xa_inspection_book_dup_by_uuid (self->book, uuid, NULL)))
    g_set_object (&self->inspection, stored);
  self->dirty = FALSE;
  show_error (self, NULL, NULL);
  fill (self);
  update_actions (self);
}

static void
xa_inspection_editor_unsaved_init (XaUnsavedInterface *iface)
{
  iface->dup_unsaved = xa_inspection_editor_dup_unsaved;
  iface->save = xa_inspection_editor_save;
  iface->discard = xa_inspection_editor_discard;
}

static void
close_guarded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(XaInspectionEditor) self = user_data;

  if (!xa_unsaved_guard_finish (XA_UNSAVED (object), result))
    return;
  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
xa_inspection_editor_close_request (GtkWindow *window)
{
  XaInspectionEditor *self = XA_INSPECTION_EDITOR (window);

  if (!self->dirty || self->close_confirmed)
    return GTK_WINDOW_CLASS (xa_inspection_editor_parent_class)->close_request (window);

  xa_unsaved_guard_async (XA_UNSAVED (self), NULL, close_guarded_cb, g_object_ref (self));
  return TRUE;
}

/* The object */

static void
xa_inspection_editor_dispose (GObject *object)
{
  XaInspectionEditor *self = XA_INSPECTION_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), XA_TYPE_INSPECTION_EDITOR);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->export_file);
  g_clear_pointer (&self->school_name, g_free);
  g_clear_object (&self->book);
  g_clear_object (&self->inspection);
  g_clear_pointer (&self->checklists, g_ptr_array_unref);
  g_clear_pointer (&self->item_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (xa_inspection_editor_parent_class)->dispose (object);
}

static void
xa_inspection_editor_class_init (XaInspectionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = xa_inspection_editor_dispose;
  window_class->close_request = xa_inspection_editor_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xiaoan/Xiaoan/xa-inspection-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, XaInspectionEditor, checklist_row);
  gtk_widget_class_bind_template_child (widget_class, XaInspectionEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, XaInspectionEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, XaInspectionEditor, inspectors_row);
  gtk_widget_class_bind_template_child (widget_class, XaInspectionEditor, items_group);
  gtk_widget_class_bind_template_child (widget_class, XaInspectionEditor, leader_row);
  gtk_widget_class_bind_template_child (widget_class, XaInspectionEditor, remarks_row);
  gtk_widget_class_bind_template_child (widget_class, XaInspectionEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, XaInspectionEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, XaInspectionEditor, type_row);
  gtk_widget_class_bind_template_child (widget_class, XaInspectionEditor, window_title);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.add-checklist", NULL, add_checklist_action);
  gtk_widget_class_install_action (widget_class, "editor.record-hazard", "u", record_hazard_action);
  gtk_widget_class_install_action (widget_class, "editor.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "editor.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "editor.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
xa_inspection_editor_init (XaInspectionEditor *self)
{
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->item_rows = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
  /* Until xa_inspection_editor_new() filled the fields, a change is no edit. */
  self->filling = TRUE;

  for (XaInspectionType type = 0; type < XA_N_INSPECTION_TYPES; type++)
    {
      if (xa_inspection_type_is_inspection (type))
        gtk_string_list_append (types, xa_inspection_type_to_label (type));
    }
  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (types));
}

/**
 * xa_inspection_editor_new:
 * @school_uuid: the school of a new inspection
 * @school_year: its school year
 * @inspection: (nullable): a stored inspection, read with its items; %NULL for a new one
 * @today: (nullable): the day a new inspection takes when it falls in @school_year;
 *   %NULL for the local date
 *
 * Returns: (transfer floating): the editor, to present
 */
GtkWidget *
xa_inspection_editor_new (XaInspectionBook *book,
                          const char       *school_uuid,
                          int               school_year,
                          XaInspection     *inspection,
                          const char       *today)
{
  XaInspectionEditor *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) areas = gtk_string_list_new (NULL);

  g_return_val_if_fail (XA_IS_INSPECTION_BOOK (book), NULL);
  g_return_val_if_fail (school_uuid != NULL, NULL);

  self = g_object_new (XA_TYPE_INSPECTION_EDITOR, NULL);
  self->book = g_object_ref (book);

  if (!(self->checklists = xa_inspection_book_dup_checklists (book, &error)))
    {
      g_warning ("No checklists: %s", error->message);
      self->checklists = g_ptr_array_new_with_free_func (g_object_unref);
    }
  for (guint i = 0; i < self->checklists->len; i++)
    gtk_string_list_append (areas, xa_checklist_get_name (g_ptr_array_index (self->checklists, i)));
  adw_combo_row_set_model (self->checklist_row, G_LIST_MODEL (areas));

  if (inspection != NULL)
    self->inspection = xa_inspection_copy (inspection);
  else
    {
      g_autofree char *day = today != NULL ? g_strdup (today) : xa_date_today_iso ();
      GDate date;

      self->inspection = xa_inspection_new ();
      xa_inspection_set_school_uuid (self->inspection, school_uuid);
      xa_inspection_set_school_year (self->inspection, school_year);
      if (!xa_date_parse (day, &date) || xa_school_year_for_date (&date) != school_year)
        {
          g_free (day);
          day = g_strdup_printf ("%d-09-01", school_year);
        }
      xa_inspection_set_inspected_on (self->inspection, day);
    }

  fill (self);
  self->filling = FALSE;
  update_actions (self);
  xa_accessible_prepare (GTK_WIDGET (self));
  return GTK_WIDGET (self);
}

/**
 * xa_inspection_editor_get_inspection:
 *
 * Returns: (transfer none): the inspection being edited, as last saved or typed
 */
XaInspection *
xa_inspection_editor_get_inspection (XaInspectionEditor *self)
{
  g_return_val_if_fail (XA_IS_INSPECTION_EDITOR (self), NULL);
  return self->inspection;
}

/**
 * xa_inspection_editor_get_item_row:
 * @index: an item, from 0
 * @note: the row of its problem rather than its own
 *
 * Returns: (transfer none) (nullable): for tests, the item's row
 */
GtkWidget *
xa_inspection_editor_get_item_row (XaInspectionEditor *self,
                                   guint               index,
                                   gboolean            note)
{
  g_return_val_if_fail (XA_IS_INSPECTION_EDITOR (self), NULL);

  if (2 * index + (note ? 1 : 0) >= self->item_rows->len)
    return NULL;
  return g_ptr_array_index (self->item_rows, 2 * index + (note ? 1 : 0));
}

gboolean
xa_inspection_editor_get_dirty (XaInspectionEditor *self)
{
  g_return_val_if_fail (XA_IS_INSPECTION_EDITOR (self), FALSE);
  return self->dirty;
}

/**
 * xa_inspection_editor_set_school_name:
 *
 * The school's name, as the printed record's title says it; printing waits for it.
 */
void
xa_inspection_editor_set_school_name (XaInspectionEditor *self,
                                      const char         *school_name)
{
  g_return_if_fail (XA_IS_INSPECTION_EDITOR (self));

  g_free (self->school_name);
  self->school_name = g_strdup (school_name);
  update_actions (self);
}

/**
 * xa_inspection_editor_export_to_file:
 * @file: where the PDF goes; replaced when it exists
 *
 * What "导出 PDF…" does once a file is chosen: writes the record of the inspection as
 * saved, in a worker thread, then offers to open the folder. "busy" until it is done.
 */
void
xa_inspection_editor_export_to_file (XaInspectionEditor *self,
                                     GFile              *file)
{
  g_return_if_fail (XA_IS_INSPECTION_EDITOR (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->export_file != NULL || self->dirty || self->school_name == NULL ||
      xa_inspection_get_uuid (self->inspection)[0] == '\0')
    return;

  self->export_file = g_object_ref (file);
  update_actions (self);
  xa_inspection_export_async (self->inspection, self->school_name, file, self->cancellable, exported_cb,
                              g_object_ref (self));
}

/**
 * xa_inspection_editor_get_busy:
 *
 * Returns: whether the record is being laid out to print or written to a file
 */
gboolean
xa_inspection_editor_get_busy (XaInspectionEditor *self)
{
  g_return_val_if_fail (XA_IS_INSPECTION_EDITOR (self), FALSE);
  return self->printing || self->export_file != NULL;
}
