/* xa-checklist-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The commission's checklists (检查表): on the left every area with its place, default
 * category, number of items and whether it is the shipped list or the commission's;
 * on the right the one chosen, its name, place and category and its items, which are
 * added (Ctrl+N), removed (Alt+Delete), moved (Alt+Up, Alt+Down) and retyped, each with
 * its own category. Saving stores the whole list in one transaction through the core,
 * which says in Chinese what is wrong, naming the field or the item; 恢复默认 goes back
 * to the shipped list once confirmed. Leaving a checklist or the window with edits not
 * saved asks first (XaUnsaved). A school's operator sees the lists, not changing them:
 * only the commission's login may store them.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-checklist-editor.h"
#include "xa-accessible.h"
#include "xa-ui-utils.h"
#include "xa-unsaved.h"
#include "core/util/xa-text.h"

struct _XaChecklistEditor
{
  AdwWindow          parent_instance;

  /* Owned references */
  XaInspectionBook  *book;
  GPtrArray         *checklists;  /* XaChecklist, as stored */

  /* Template widgets */
  GtkWidget         *add_button;
  AdwComboRow       *category_row;
  GtkLabel          *error_label;
  AdwPreferencesGroup *items_group;
  GtkListBox        *items_list;
  GtkListBox        *list;
  AdwEntryRow       *name_row;
  AdwEntryRow       *place_row;
  GtkWidget         *read_only_label;
  GtkWidget         *reset_button;
  GtkWidget         *save_button;
  AdwToastOverlay   *toast_overlay;

  /* State */
  guint              current;     /* the checklist shown, or G_MAXUINT */
  gboolean           editable;
  gboolean           filling;
  gboolean           close_confirmed;
};

static void xa_checklist_editor_unsaved_init (XaUnsavedInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (XaChecklistEditor, xa_checklist_editor, ADW_TYPE_WINDOW,
                               G_IMPLEMENT_INTERFACE (XA_TYPE_UNSAVED, xa_checklist_editor_unsaved_init))

static XaChecklist *
current_checklist (XaChecklistEditor *self)
{
  if (self->checklists == NULL || self->current >= self->checklists->len)
    return NULL;
  return g_ptr_array_index (self->checklists, self->current);
}

static GtkStringList *
new_category_list (void)
{
  GtkStringList *categories = gtk_string_list_new (NULL);

  for (XaHazardCategory category = 0; category < XA_N_HAZARD_CATEGORIES; category++)
    gtk_string_list_append (categories, xa_hazard_category_to_label (category));
  return categories;
}

/* The items' rows: the row is the model, its entry and drop-down held as its data. */

static GtkEntry *
row_entry (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "xa-entry");
}

static GtkDropDown *
row_category (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "xa-category");
}

static guint
n_item_rows (XaChecklistEditor *self)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (self->items_list, (int) n) != NULL)
    n++;
  return n;
}

/* The numbers and the accessible names follow the order. */
static void
renumber (XaChecklistEditor *self)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->items_list, i)) != NULL; i++)
    {
      g_autofree char *number = g_strdup_printf ("%d", i + 1);
      /* Translators: the accessible name of a checklist item's text, by its number */
      g_autofree char *label = g_strdup_printf (_("Item %d"), i + 1);

      gtk_label_set_text (g_object_get_data (G_OBJECT (row), "xa-number"), number);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row_entry (row)), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
}

/* The checklist as the form holds it, texts trimmed. */
static XaChecklist *
dup_edited (XaChecklistEditor *self)
{
  XaChecklist *stored = current_checklist (self);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autofree char *place = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->place_row))));
  XaChecklist *edited;
  GtkListBoxRow *row;

  g_assert (stored != NULL);

  edited = xa_checklist_new (xa_checklist_get_area (stored), name);
  xa_checklist_set_place (edited, place);
  xa_checklist_set_category (edited, MIN (adw_combo_row_get_selected (self->category_row),
                                          XA_HAZARD_CATEGORY_OTHER));
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->items_list, i)) != NULL; i++)
    {
      g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row_entry (row)))));

      xa_checklist_append_item (edited, text, MIN (gtk_drop_down_get_selected (row_category (row)),
                                                   XA_HAZARD_CATEGORY_OTHER));
    }
  return edited;
}

static char *
dup_json (XaChecklist *checklist)
{
  g_autoptr(JsonNode) node = xa_checklist_to_json (checklist);

  return json_to_string (node, FALSE);
}

gboolean
xa_checklist_editor_get_dirty (XaChecklistEditor *self)
{
  g_autoptr(XaChecklist) edited = NULL;
  g_autofree char *edited_json = NULL;
  g_autofree char *stored_json = NULL;

  g_return_val_if_fail (XA_IS_CHECKLIST_EDITOR (self), FALSE);

  if (!self->editable || current_checklist (self) == NULL)
    return FALSE;

  edited = dup_edited (self);
  edited_json = dup_json (edited);
  stored_json = dup_json (current_checklist (self));
  return g_strcmp0 (edited_json, stored_json) != 0;
}

static void
update_state (XaChecklistEditor *self)
{
  XaChecklist *stored = current_checklist (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checklists.save",
                                 self->editable && xa_checklist_editor_get_dirty (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checklists.reset",
                                 self->editable && stored != NULL && !xa_checklist_get_is_default (stored));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checklists.add-item",
                                 self->editable && stored != NULL && n_item_rows (self) < XA_CHECKLIST_MAX_ITEMS);
}

static void
changed_cb (XaChecklistEditor *self)
{
  if (self->filling)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  update_state (self);
}

static void move_row (XaChecklistEditor *self, GtkListBoxRow *row, int by);
static void remove_row (XaChecklistEditor *self, GtkListBoxRow *row);

/* The item whose text has the focus, or %NULL. */
static GtkListBoxRow *
focus_row (XaChecklistEditor *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->items_list)))
    return NULL;
  return GTK_LIST_BOX_ROW (gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW));
}

/* Alt+Up, Alt+Down and Alt+Delete on the item in focus. */
static void
item_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XaChecklistEditor *self = XA_CHECKLIST_EDITOR (widget);
  GtkListBoxRow *row = focus_row (self);

  if (row == NULL || !self->editable)
    return;
  if (g_str_equal (action_name, "checklists.remove-item"))
    remove_row (self, row);
  else
    move_row (self, row, g_str_equal (action_name, "checklists.move-up") ? -1 : 1);
}

static void
row_button_cb (GtkButton *button,
               gpointer   user_data)
{
  GtkListBoxRow *row = GTK_LIST_BOX_ROW (gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW));
  XaChecklistEditor *self = XA_CHECKLIST_EDITOR (gtk_widget_get_root (GTK_WIDGET (button)));
  int by = GPOINTER_TO_INT (user_data);

  if (by == 0)
    remove_row (self, row);
  else
    move_row (self, row, by);
}

static GtkWidget *
new_icon_button (const char *icon,
                 const char *tooltip,
                 int         by)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  /* The keyboard has its shortcuts (Alt+Up, Alt+Down, Alt+Delete): the buttons stay out
   * of the Tab order. */
  gtk_widget_set_focusable (button, FALSE);
  g_signal_connect (button, "clicked", G_CALLBACK (row_button_cb), GINT_TO_POINTER (by));
  return button;
}

/* Enter in an item goes on to the next one, as down a form. */
static void
item_activate_cb (GtkEntry      *entry,
                  GtkListBoxRow *row)
{
  GtkWidget *list = gtk_widget_get_parent (GTK_WIDGET (row));
  GtkListBoxRow *next = NULL;

  if (GTK_IS_LIST_BOX (list))
    next = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), gtk_list_box_row_get_index (row) + 1);
  if (next != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row_entry (next)));
}

static GtkListBoxRow *
new_item_row (XaChecklistEditor *self,
              const char        *text,
              XaHazardCategory   category)
{
  g_autoptr(GtkStringList) categories = new_category_list ();
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *number = gtk_label_new (NULL);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (categories)), NULL);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  gtk_label_set_width_chars (GTK_LABEL (number), 3);
  gtk_label_set_xalign (GTK_LABEL (number), 1);
  gtk_widget_add_css_class (number, "dim-label");
  gtk_widget_add_css_class (number, "numeric");

  gtk_widget_set_hexpand (entry, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_editable_set_editable (GTK_EDITABLE (entry), self->editable);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (changed_cb), self);
  g_signal_connect (entry, "activate", G_CALLBACK (item_activate_cb), row);

  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  /* One width for every category, so that the items' texts line up. */
  gtk_widget_set_size_request (dropdown, 150, -1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), category);
  gtk_widget_set_sensitive (dropdown, self->editable);
  gtk_widget_set_tooltip_text (dropdown, _("Hazard category of an abnormal finding"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Hazard category of an abnormal finding"), -1);
  g_signal_connect_swapped (dropdown, "notify::selected", G_CALLBACK (changed_cb), self);

  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), dropdown);
  if (self->editable)
    {
      gtk_box_append (GTK_BOX (box), new_icon_button ("go-up-symbolic", _("Move Up (Alt+Up)"), -1));
      gtk_box_append (GTK_BOX (box), new_icon_button ("go-down-symbolic", _("Move Down (Alt+Down)"), 1));
      gtk_box_append (GTK_BOX (box), new_icon_button ("user-trash-symbolic", _("Remove (Alt+Delete)"), 0));
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data (G_OBJECT (row), "xa-number", number);
  g_object_set_data (G_OBJECT (row), "xa-entry", entry);
  g_object_set_data (G_OBJECT (row), "xa-category", dropdown);
  return GTK_LIST_BOX_ROW (row);
}

static void
move_row (XaChecklistEditor *self,
          GtkListBoxRow     *row,
          int                by)
{
  int index = gtk_list_box_row_get_index (row);
  int target = index + by;

  if (target < 0 || target >= (int) n_item_rows (self))
    return;

  g_object_ref (row);
  gtk_list_box_remove (self->items_list, GTK_WIDGET (row));
  gtk_list_box_insert (self->items_list, GTK_WIDGET (row), target);
  g_object_unref (row);
  renumber (self);
  xa_widget_grab_focus_when_shown (GTK_WIDGET (row_entry (row)));
  changed_cb (self);
}

static void
remove_row (XaChecklistEditor *self,
            GtkListBoxRow     *row)
{
  int index = gtk_list_box_row_get_index (row);
  GtkListBoxRow *next;

  gtk_list_box_remove (self->items_list, GTK_WIDGET (row));
  renumber (self);
  next = gtk_list_box_get_row_at_index (self->items_list, index);
  if (next == NULL && index > 0)
    next = gtk_list_box_get_row_at_index (self->items_list, index - 1);
  if (next != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row_entry (next)));
  else
    gtk_widget_grab_focus (self->add_button);
  changed_cb (self);
}

/* Filling */

static void
fill (XaChecklistEditor *self)
{
  XaChecklist *checklist = current_checklist (self);
  GtkWidget *child;

  self->filling = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->items_list))) != NULL)
    gtk_list_box_remove (self->items_list, child);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  if (checklist != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), xa_checklist_get_name (checklist));
      gtk_editable_set_text (GTK_EDITABLE (self->place_row), xa_checklist_get_place (checklist));
      adw_combo_row_set_selected (self->category_row, xa_checklist_get_category (checklist));
      for (guint i = 0; i < xa_checklist_get_n_items (checklist); i++)
        gtk_list_box_append (self->items_list,
                             GTK_WIDGET (new_item_row (self, xa_checklist_get_item_text (checklist, i),
                                                       xa_checklist_get_item_category (checklist, i))));
      renumber (self);
    }
  self->filling = FALSE;
  update_state (self);
}

static void
fill_list (XaChecklistEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  for (guint i = 0; i < self->checklists->len; i++)
    {
      XaChecklist *checklist = g_ptr_array_index (self->checklists, i);
      GtkWidget *row = xa_badge_row_new ();
      const char *place = xa_checklist_get_place (checklist);
      gboolean shipped = xa_checklist_get_is_default (checklist);
      /* Translators: a checklist's place (or 各处 where it has none), its category and
       * its number of items, as in “教学楼 · 校舍 · 8 项” */
      g_autofree char *caption = g_strdup_printf (_("%s · %s · %u items"),
                                                  *place != '\0' ? place : _("Everywhere"),
                                                  xa_hazard_category_to_label (xa_checklist_get_category (checklist)),
                                                  xa_checklist_get_n_items (checklist));

      xa_badge_row_set (row, xa_checklist_get_name (checklist), caption,
                        shipped ? C_("checklist state", "Shipped") : C_("checklist state", "Changed"),
                        shipped ? "signed" : "changed");
      gtk_list_box_append (self->list, row);
    }
}

/* Reads the checklists again, showing @area's (or the first). */
static void
reload (XaChecklistEditor *self,
        const char        *area)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) checklists = NULL;
  guint index = 0;

  if (!(checklists = xa_inspection_book_dup_checklists (self->book, &error)))
    {
      xa_widget_show_error (GTK_WIDGET (self), _("The Checklists Cannot Be Read"), error->message);
      checklists = g_ptr_array_new_with_free_func (g_object_unref);
    }
  g_clear_pointer (&self->checklists, g_ptr_array_unref);
  self->checklists = g_steal_pointer (&checklists);

  for (guint i = 0; area != NULL && i < self->checklists->len; i++)
    {
      if (g_str_equal (xa_checklist_get_area (g_ptr_array_index (self->checklists, i)), area))
        index = i;
    }
  self->current = self->checklists->len > 0 ? index : G_MAXUINT;

  self->filling = TRUE;
  fill_list (self);
  if (self->current != G_MAXUINT)
    gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, (int) self->current));
  self->filling = FALSE;
  fill (self);
}

/* Choosing another checklist: the edits of this one first. */

static void
guarded_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  XaChecklistEditor *self = XA_CHECKLIST_EDITOR (object);
  guint target = GPOINTER_TO_UINT (user_data);
  g_autofree char *area = NULL;

  if (!xa_unsaved_guard_finish (XA_UNSAVED (self), result) || target >= self->checklists->len)
    return;

  /* A save read the checklists again: the target by its area. */
  area = g_strdup (xa_checklist_get_area (g_ptr_array_index (self->checklists, target)));
  reload (self, area);
}

static void
row_selected_cb (XaChecklistEditor *self,
                 GtkListBoxRow     *row)
{
  guint target;

  if (self->filling || row == NULL || (target = (guint) gtk_list_box_row_get_index (row)) == self->current)
    return;

  if (!xa_checklist_editor_get_dirty (self))
    {
      self->current = target;
      fill (self);
      return;
    }

  /* Stay on the edited one until the question is answered. */
  self->filling = TRUE;
  gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, (int) self->current));
  self->filling = FALSE;
  xa_unsaved_guard_async (XA_UNSAVED (self), NULL, guarded_cb, GUINT_TO_POINTER (target));
}

/* Saving */

/* The field where the checklist is wrong, for the focus: the first empty one. */
static GtkWidget *
find_blank_field (XaChecklistEditor *self)
{
  GtkListBoxRow *row;

  if (xa_text_is_blank (gtk_editable_get_text (GTK_EDITABLE (self->name_row))))
    return GTK_WIDGET (self->name_row);
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->items_list, i)) != NULL; i++)
    {
      if (xa_text_is_blank (gtk_editable_get_text (GTK_EDITABLE (row_entry (row)))))
        return GTK_WIDGET (row_entry (row));
    }
  return NULL;
}

static gboolean
save_current (XaChecklistEditor  *self,
              GError            **error)
{
  g_autoptr(XaChecklist) edited = NULL;
  g_autofree char *area = NULL;

  if (!self->editable || current_checklist (self) == NULL)
    return TRUE;

  edited = dup_edited (self);
  if (!xa_inspection_book_save_checklist (self->book, edited, error))
    return FALSE;

  area = g_strdup (xa_checklist_get_area (edited));
  reload (self, area);
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XaChecklistEditor *self = XA_CHECKLIST_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  GtkListBoxRow *row = focus_row (self);
  int focused = row != NULL ? gtk_list_box_row_get_index (row) : -1;
  GtkWidget *field;

  if (!save_current (self, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      if ((field = find_blank_field (self)) != NULL)
        gtk_widget_grab_focus (field);
      return;
    }

  /* The rows are new: the focus back in the item it was in. */
  if (focused >= 0 && (row = gtk_list_box_get_row_at_index (self->items_list, focused)) != NULL)
    xa_widget_grab_focus_when_shown (GTK_WIDGET (row_entry (row)));

  /* Translators: %s is a checklist's name such as 消防 */
  message = g_strdup_printf (_("Checklist “%s” saved"), xa_checklist_get_name (current_checklist (self)));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
reset_confirmed_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(XaChecklistEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *area = NULL;

  if (!xa_confirm_finish (result, NULL) || current_checklist (self) == NULL)
    return;

  area = g_strdup (xa_checklist_get_area (current_checklist (self)));
  if (!xa_inspection_book_reset_checklist (self->book, area, &error))
    {
      xa_widget_show_error (GTK_WIDGET (self), _("The Checklist Was Not Restored"), error->message);
      return;
    }
  reload (self, area);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("The shipped checklist is back")));
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  XaChecklistEditor *self = XA_CHECKLIST_EDITOR (widget);
  XaChecklist *checklist = current_checklist (self);
  g_autofree char *body = NULL;

  if (checklist == NULL)
    return;

  /* Translators: %s is a checklist's name such as 消防 */
  body = g_strdup_printf (_("Checklist “%s” goes back to the list that ships with Xiaoan. The commission’s changes to it, saved or not, are lost; inspections recorded already keep their items."),
                          xa_checklist_get_name (checklist));
  xa_confirm_async (widget, _("Restore the Default Checklist?"), body, NULL, _("_Restore Default"), NULL,
                    reset_confirmed_cb, g_object_ref (self));
}

static void
add_item_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  XaChecklistEditor *self = XA_CHECKLIST_EDITOR (widget);
  GtkListBoxRow *after = focus_row (self);
  GtkListBoxRow *row;
  int position = -1;

  if (current_checklist (self) == NULL)
    return;

  /* Below the item in focus, else at the end. */
  if (after != NULL)
    position = gtk_list_box_row_get_index (after) + 1;

  row = new_item_row (self, "", xa_checklist_get_category (current_checklist (self)));
  gtk_list_box_insert (self->items_list, GTK_WIDGET (row), position);
  renumber (self);
  xa_widget_grab_focus_when_shown (GTK_WIDGET (row_entry (row)));
  changed_cb (self);
}

/* Leaving */

static void
close_guarded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  XaChecklistEditor *self = XA_CHECKLIST_EDITOR (object);

  if (!xa_unsaved_guard_finish (XA_UNSAVED (self), result))
    return;
  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
xa_checklist_editor_close_request (GtkWindow *window)
{
  XaChecklistEditor *self = XA_CHECKLIST_EDITOR (window);

  if (self->close_confirmed || !xa_checklist_editor_get_dirty (self))
    return GTK_WINDOW_CLASS (xa_checklist_editor_parent_class)->close_request (window);

  xa_unsaved_guard_async (XA_UNSAVED (self), NULL, close_guarded_cb, NULL);
  return TRUE;
}

static char *
xa_checklist_editor_dup_unsaved (XaUnsaved *unsaved)
{
  XaChecklistEditor *self = XA_CHECKLIST_EDITOR (unsaved);

  if (!xa_checklist_editor_get_dirty (self))
    return NULL;
  /* Translators: what holds unsaved edits, in “%s has changes that are not saved” */
  return g_strdup_printf (_("Checklist “%s”"), xa_checklist_get_name (current_checklist (self)));
}

static gboolean
xa_checklist_editor_save (XaUnsaved  *unsaved,
                          GError    **error)
{
  return save_current (XA_CHECKLIST_EDITOR (unsaved), error);
}

static void
xa_checklist_editor_discard (XaUnsaved *unsaved)
{
  fill (XA_CHECKLIST_EDITOR (unsaved));
}

static void
xa_checklist_editor_unsaved_init (XaUnsavedInterface *iface)
{
  iface->dup_unsaved = xa_checklist_editor_dup_unsaved;
  iface->save = xa_checklist_editor_save;
  iface->discard = xa_checklist_editor_discard;
}

/* The object */

static void
xa_checklist_editor_dispose (GObject *object)
{
  XaChecklistEditor *self = XA_CHECKLIST_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), XA_TYPE_CHECKLIST_EDITOR);
  g_clear_object (&self->book);
  g_clear_pointer (&self->checklists, g_ptr_array_unref);

  G_OBJECT_CLASS (xa_checklist_editor_parent_class)->dispose (object);
}

static void
xa_checklist_editor_class_init (XaChecklistEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = xa_checklist_editor_dispose;
  window_class->close_request = xa_checklist_editor_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xiaoan/Xiaoan/xa-checklist-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, XaChecklistEditor, add_button);
  gtk_widget_class_bind_template_child (widget_class, XaChecklistEditor, category_row);
  gtk_widget_class_bind_template_child (widget_class, XaChecklistEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, XaChecklistEditor, items_group);
  gtk_widget_class_bind_template_child (widget_class, XaChecklistEditor, items_list);
  gtk_widget_class_bind_template_child (widget_class, XaChecklistEditor, list);
  gtk_widget_class_bind_template_child (widget_class, XaChecklistEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, XaChecklistEditor, place_row);
  gtk_widget_class_bind_template_child (widget_class, XaChecklistEditor, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, XaChecklistEditor, reset_button);
  gtk_widget_class_bind_template_child (widget_class, XaChecklistEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, XaChecklistEditor, toast_overlay);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);

  gtk_widget_class_install_action (widget_class, "checklists.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "checklists.reset", NULL, reset_action);
  gtk_widget_class_install_action (widget_class, "checklists.add-item", NULL, add_item_action);
  gtk_widget_class_install_action (widget_class, "checklists.move-up", NULL, item_action);
  gtk_widget_class_install_action (widget_class, "checklists.move-down", NULL, item_action);
  gtk_widget_class_install_action (widget_class, "checklists.remove-item", NULL, item_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "checklists.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "checklists.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_ALT_MASK, "checklists.remove-item", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "checklists.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "checklists.add-item", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
xa_checklist_editor_init (XaChecklistEditor *self)
{
  g_autoptr(GtkStringList) categories = new_category_list ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->current = G_MAXUINT;
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (categories));
}

/**
 * xa_checklist_editor_new:
 * @book: the inspections whose checklists to show
 * @editable: whether the operator may change them (the commission's); otherwise the
 *   lists are shown as they are
 *
 * Returns: (transfer floating): the editor, to present
 */
GtkWidget *
xa_checklist_editor_new (XaInspectionBook *book,
                         gboolean          editable)
{
  XaChecklistEditor *self;

  g_return_val_if_fail (XA_IS_INSPECTION_BOOK (book), NULL);

  self = g_object_new (XA_TYPE_CHECKLIST_EDITOR, NULL);
  self->book = g_object_ref (book);
  self->editable = editable;

  gtk_editable_set_editable (GTK_EDITABLE (self->name_row), editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->place_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->category_row), editable);
  gtk_widget_set_visible (self->save_button, editable);
  gtk_widget_set_visible (self->reset_button, editable);
  gtk_widget_set_visible (self->add_button, editable);
  gtk_widget_set_visible (self->read_only_label, !editable);
  if (!editable)
    adw_preferences_group_set_description (self->items_group, NULL);

  reload (self, NULL);
  xa_accessible_prepare (GTK_WIDGET (self));
  return GTK_WIDGET (self);
}

/**
 * xa_checklist_editor_select_area:
 * @area: a checklist's key, such as "fire"
 *
 * Shows that checklist, as choosing it in the list does (asking first about edits).
 *
 * Returns: whether there is such a checklist
 */
gboolean
xa_checklist_editor_select_area (XaChecklistEditor *self,
                                 const char        *area)
{
  g_return_val_if_fail (XA_IS_CHECKLIST_EDITOR (self), FALSE);

  for (guint i = 0; i < self->checklists->len; i++)
    {
      if (g_str_equal (xa_checklist_get_area (g_ptr_array_index (self->checklists, i)), area))
        {
          gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, (int) i));
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * xa_checklist_editor_get_item_entry:
 * @index: an item, from 0, in the order shown
 *
 * Returns: (transfer none) (nullable): for tests, the entry of the item's text
 */
GtkWidget *
xa_checklist_editor_get_item_entry (XaChecklistEditor *self,
                                    guint              index)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (XA_IS_CHECKLIST_EDITOR (self), NULL);

  row = gtk_list_box_get_row_at_index (self->items_list, (int) index);
  return row != NULL ? GTK_WIDGET (row_entry (row)) : NULL;
}
