/* xa-template-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The templates of the agreements, by school year and version, beside the clause tree of
 * the one chosen and the form of the clause chosen in the tree. Edits change a working
 * copy; "保存" stores it (a frozen version, one that a signed agreement uses, is stored as
 * the next version instead), "下一学年" copies the stored template into the next school
 * year, and "对比…" compares two templates clause by clause. A second page edits the
 * name, the lines under the title and the signature block (XaTemplateForm). A blank
 * template, or one read from a file, is made from the options menu.
 *
 * Clauses move with the keyboard as in an outliner: Alt+Up and Alt+Down among their
 * siblings, Alt+Left out of their parent (to follow it) and Alt+Right into the clause
 * before them (as its last child), changing level when the new place needs it: a 条
 * put under a 条 becomes a 款.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-accessible.h"
#include "xa-clause-editor.h"
#include "xa-template-compare.h"
#include "xa-template-editor-private.h"
#include "xa-template-form.h"
#include "xa-ui-utils.h"
#include "xa-unsaved.h"
#include "core/util/xa-school-year.h"


static void xa_template_editor_unsaved_init (XaUnsavedInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (XaTemplateEditor, xa_template_editor, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (XA_TYPE_UNSAVED, xa_template_editor_unsaved_init))

enum {
  PROP_0,
  PROP_BUSY,
  PROP_DIRTY,
  PROP_LEGACY_YEAR_STYLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void load_template (XaTemplateEditor *self,
                           XaTemplate       *stored);
static void set_working_copy (XaTemplateEditor *self,
                              XaTemplate       *copy);

static XaClause *
get_selected_clause (XaTemplateEditor *self)
{
  GtkTreeListRow *row;

  if (self->clauses == NULL || (row = gtk_single_selection_get_selected_item (self->clauses)) == NULL)
    return NULL;

  return gtk_tree_list_row_get_item (row);
}

static void
update_actions (XaTemplateEditor *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(XaClause) clause = get_selected_clause (self);
  gboolean has_template = self->template != NULL;

  gtk_widget_action_set_enabled (widget, "editor.add-sibling", clause != NULL);
  gtk_widget_action_set_enabled (widget, "editor.add-child", clause != NULL);
  gtk_widget_action_set_enabled (widget, "editor.add-section", has_template);
  gtk_widget_action_set_enabled (widget, "editor.remove", clause != NULL);
  gtk_widget_action_set_enabled (widget, "editor.move", clause != NULL);
  gtk_widget_action_set_enabled (widget, "editor.outdent", clause != NULL);
  gtk_widget_action_set_enabled (widget, "editor.indent", clause != NULL);
  gtk_widget_action_set_enabled (widget, "editor.export", has_template && !self->busy);
  gtk_widget_action_set_enabled (widget, "editor.save", has_template && self->dirty);
  gtk_widget_action_set_enabled (widget, "editor.next-year", has_template && !self->dirty);
  gtk_widget_action_set_enabled (widget, "editor.compare", has_template);
}

static void
set_dirty (XaTemplateEditor *self,
           gboolean          dirty)
{
  if (self->dirty == !!dirty)
    return;

  self->dirty = !!dirty;
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

static gboolean
kind_has_children (XaClauseKind kind)
{
  for (XaClauseKind child = XA_CLAUSE_KIND_TITLE; child <= XA_CLAUSE_KIND_CLOSING; child++)
    if (xa_clause_kind_allows_child (kind, child))
      return TRUE;

  return FALSE;
}

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  XaClause *clause = item;
  GListModel *children = xa_clause_get_children (clause);

  if (g_list_model_get_n_items (children) == 0 && !kind_has_children (xa_clause_get_kind (clause)))
    return NULL;

  return g_object_ref (children);
}

static gboolean
contains_clause (XaClause *ancestor,
                 XaClause *clause)
{
  GListModel *children = xa_clause_get_children (ancestor);
  guint n = g_list_model_get_n_items (children);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XaClause) child = g_list_model_get_item (children, i);

      if (child == clause || contains_clause (child, clause))
        return TRUE;
    }

  return FALSE;
}

/* Opens the branches down to @clause and selects its row. */
static void
select_clause (XaTemplateEditor *self,
               XaClause         *clause)
{
  GListModel *rows = gtk_single_selection_get_model (self->clauses);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(XaClause) item = gtk_tree_list_row_get_item (row);

      if (item == clause)
        {
          gtk_single_selection_set_selected (self->clauses, i);
          gtk_widget_activate_action (GTK_WIDGET (self->clause_view), "list.scroll-to-item", "u", i);
          return;
        }

      if (contains_clause (item, clause))
        gtk_tree_list_row_set_expanded (row, TRUE);
    }
}

static void
clause_selected_cb (XaTemplateEditor   *self,
                    GParamSpec         *pspec,
                    GtkSingleSelection *selection)
{
  g_autoptr(XaClause) clause = get_selected_clause (self);

  xa_clause_editor_set_clause (self->clause_editor, clause);
  update_actions (self);
}

/* Below the breakpoint the clause list and the clause being edited are one pane each. A
 * click on a clause opens it, but one on a section or an article with sub-clauses only
 * selects it, so that its branch can be opened in the list; Enter or a double click
 * (activate) opens any clause. The page's back button returns to the list. */
static void
show_clause_pane (XaTemplateEditor *self)
{
  adw_leaflet_set_visible_child (self->clause_leaflet, GTK_WIDGET (self->clause_editor));
}

static void
clause_clicked_cb (XaTemplateEditor *self)
{
  g_autoptr(XaClause) clause = get_selected_clause (self);

  if (clause != NULL && !kind_has_children (xa_clause_get_kind (clause)))
    show_clause_pane (self);
}

static void
clause_changed_cb (XaTemplateEditor *self,
                   XaClauseEditor   *editor)
{
  set_dirty (self, TRUE);
}

static void update_title (XaTemplateEditor *self);

static void
form_changed_cb (XaTemplateEditor *self,
                 XaTemplateForm   *form)
{
  set_dirty (self, TRUE);
  update_title (self);
}

static void
kind_requested_cb (XaTemplateEditor *self,
                   int               kind,
                   XaClauseEditor   *editor)
{
  g_autoptr(GError) error = NULL;
  XaClause *clause = xa_clause_editor_get_clause (editor);

  if (clause == NULL || self->template == NULL)
    return;

  if (!xa_template_set_clause_kind (self->template, xa_clause_get_id (clause), kind, &error))
    xa_widget_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
  else
    set_dirty (self, TRUE);

  /* Refill the form: the kind list shows what the clause is, changed or not, and the
   * heading shows for the kinds that have one. */
  xa_clause_editor_set_clause (editor, clause);
}

static void
update_title (XaTemplateEditor *self)
{
  g_autofree char *caption = NULL;

  if (self->template == NULL)
    {
      gtk_label_set_label (self->template_title, "");
      gtk_label_set_label (self->template_caption, "");
      return;
    }

  caption = xa_template_dup_caption (self->template);
  gtk_label_set_label (self->template_title, xa_template_get_name (self->template));
  gtk_label_set_label (self->template_caption, caption);
  gtk_info_bar_set_revealed (self->frozen_bar, xa_template_get_frozen (self->template));
}

/* Edits @copy, which the editor owns from now on: a stored template's copy, or a new
 * one not stored yet. */
static void
set_working_copy (XaTemplateEditor *self,
                  XaTemplate       *copy)
{
  GtkTreeListModel *tree;

  g_clear_object (&self->template);
  self->template = copy;

  if (self->clauses != NULL)
    g_signal_handlers_disconnect_by_func (self->clauses, clause_selected_cb, self);
  g_clear_object (&self->clauses);

  if (self->template != NULL)
    {
      tree = gtk_tree_list_model_new (g_object_ref (xa_template_get_clauses (self->template)),
                                      FALSE, FALSE, create_children, NULL, NULL);
      self->clauses = gtk_single_selection_new (G_LIST_MODEL (tree));
      gtk_single_selection_set_autoselect (self->clauses, FALSE);
      gtk_single_selection_set_can_unselect (self->clauses, TRUE);
      gtk_single_selection_set_selected (self->clauses, GTK_INVALID_LIST_POSITION);
      g_signal_connect_object (self->clauses, "notify::selected-item",
                               G_CALLBACK (clause_selected_cb), self, G_CONNECT_SWAPPED);
    }

  gtk_list_view_set_model (self->clause_view, GTK_SELECTION_MODEL (self->clauses));
  xa_clause_editor_set_clause (self->clause_editor, NULL);
  adw_leaflet_set_visible_child (self->clause_leaflet, self->clause_pane);
  xa_template_form_set_template (self->form, self->template);
  set_dirty (self, FALSE);
  update_title (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEGACY_YEAR_STYLE]);
}

static void
load_template (XaTemplateEditor *self,
               XaTemplate       *stored)
{
  g_autoptr(GError) error = NULL;
  XaTemplate *copy = NULL;

  if (stored != NULL &&
      !(copy = xa_template_library_dup_by_uuid (self->library, xa_template_get_uuid (stored), &error)))
    g_warning ("Cannot read template %s: %s", xa_template_get_uuid (stored), error->message);

  set_working_copy (self, copy);
}

/* The user answered 保存更改？ after choosing another template: open it, or stay. */
static void
leave_guarded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(XaTemplateEditor) self = user_data;
  g_autofree char *chosen = g_steal_pointer (&self->chosen_uuid);

  if (!xa_unsaved_guard_finish (XA_UNSAVED (object), result) || chosen == NULL)
    return;

  /* Saving selected the saved template again; the one chosen opens now. */
  xa_template_editor_select_template (self, chosen);
}

static void
template_selected_cb (XaTemplateEditor   *self,
                      GParamSpec         *pspec,
                      GtkSingleSelection *selection)
{
  XaTemplate *stored = gtk_single_selection_get_selected_item (selection);

  if (self->refilling)
    return;

  if (stored != NULL && self->template != NULL &&
      g_strcmp0 (xa_template_get_uuid (stored), xa_template_get_uuid (self->template)) == 0)
    return;

  if (self->dirty && stored != NULL)
    {
      gboolean asking = self->chosen_uuid != NULL;

      /* The list shows the template being edited until the user has answered. */
      g_free (self->chosen_uuid);
      self->chosen_uuid = g_strdup (xa_template_get_uuid (stored));
      self->refilling = TRUE;
      if (xa_template_get_uuid (self->template) == NULL ||
          !xa_template_editor_select_template (self, xa_template_get_uuid (self->template)))
        gtk_single_selection_set_selected (self->templates, GTK_INVALID_LIST_POSITION);
      self->refilling = FALSE;
      if (!asking)
        xa_unsaved_guard_async (XA_UNSAVED (self), self->cancellable, leave_guarded_cb,
                                g_object_ref (self));
      return;
    }

  load_template (self, stored);
}

/* The library refills its list after every write: keep the template being edited. */
static void
templates_changed_cb (XaTemplateEditor *self,
                      guint             position,
                      guint             removed,
                      guint             added,
                      GListModel       *model)
{
  self->refilling = FALSE;
  if (self->template == NULL || !xa_template_editor_select_template (self, xa_template_get_uuid (self->template)))
    template_selected_cb (self, NULL, self->templates);
}

static void
templates_changing_cb (XaTemplateEditor *self)
{
  self->refilling = TRUE;
}

/* A click or Enter opens the template: on a narrow window, where the list and the editor
 * are one pane, the editor comes forward (the page's back arrow returns to the list). */
static void
template_activated_cb (XaTemplateEditor *self,
                       guint             position,
                       GtkListView      *view)
{
  gtk_single_selection_set_selected (self->templates, position);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->content_stack));
}

/* On a narrow window the template's name goes above its buttons, where beside them it
 * would wrap a character a line. Decided by the window's width, not by the leaflet's
 * folding: the heading's layout changes the width the leaflet needs, and a fold that
 * changed it would unfold the leaflet again, back and forth. */
#define HEADING_ABOVE_BELOW 600

static void
window_width_cb (XaTemplateEditor *self,
                 GParamSpec       *pspec,
                 GtkWindow        *window)
{
  int width = 0;
  int height = 0;

  /* Both sizes: GTK 4.8 writes the height without looking whether it was asked for. */
  gtk_window_get_default_size (window, &width, &height);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->heading_box),
                                  width > 0 && width < HEADING_ABOVE_BELOW
                                    ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
}

static void
editor_mapped_cb (XaTemplateEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (!GTK_IS_WINDOW (root) || root == self->watched_window)
    return;

  self->watched_window = root;
  g_signal_connect_object (root, "notify::default-width", G_CALLBACK (window_width_cb), self,
                           G_CONNECT_SWAPPED);
  window_width_cb (self, NULL, GTK_WINDOW (root));
}

static void
bind_template_row_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  user_data)
{
  XaTemplate *template = gtk_list_item_get_item (item);
  g_autofree char *caption = xa_template_dup_caption (template);

  xa_badge_row_set (gtk_list_item_get_child (item), xa_template_get_name (template), caption,
                    xa_template_get_frozen (template) ? _("Frozen") : NULL, "frozen");
}

static char *
clause_summary (GtkListItem *item,
                int          kind,
                const char  *heading,
                const char  *text)
{
  if (heading != NULL && heading[0] != '\0')
    return g_strdup (heading);

  if (text != NULL && text[0] != '\0')
    return g_strdelimit (g_strdup (text), "\n", ' ');

  /* An empty clause, just added: say what kind it is. */
  return g_strdup_printf ("（%s）", xa_clause_kind_to_label (kind));
}

/* Actions */

static void
insert_clause (XaTemplateEditor *self,
               const char       *parent_id,
               guint             position,
               XaClauseKind      kind)
{
  g_autoptr(GError) error = NULL;
  XaClause *clause;

  clause = xa_template_insert_clause (self->template, parent_id, position, kind, &error);
  if (clause == NULL)
    {
      xa_widget_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      return;
    }

  set_dirty (self, TRUE);
  select_clause (self, clause);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  XaTemplateEditor *self = XA_TEMPLATE_EDITOR (widget);
  g_autoptr(XaClause) selected = get_selected_clause (self);
  XaClause *parent = NULL;
  guint position = 0;

  if (g_str_equal (action_name, "editor.add-section"))
    {
      insert_clause (self, NULL, G_MAXUINT, XA_CLAUSE_KIND_SECTION);
      return;
    }

  if (selected == NULL)
    return;

  if (g_str_equal (action_name, "editor.add-child"))
    {
      static const XaClauseKind preferred[] = {
        XA_CLAUSE_KIND_ITEM, XA_CLAUSE_KIND_LIST, XA_CLAUSE_KIND_SUBLIST, XA_CLAUSE_KIND_PARAGRAPH,
      };
      XaClauseKind kind = xa_clause_get_kind (selected);

      for (guint i = 0; i < G_N_ELEMENTS (preferred); i++)
        if (xa_clause_kind_allows_child (kind, preferred[i]))
          {
            insert_clause (self, xa_clause_get_id (selected), G_MAXUINT, preferred[i]);
            return;
          }

      xa_widget_add_toast (widget, adw_toast_new (_("This kind of clause has no sub-clauses")));
      return;
    }

  xa_template_find_parent (self->template, xa_clause_get_id (selected), &parent, &position);
  insert_clause (self, parent ? xa_clause_get_id (parent) : NULL, position + 1,
                 xa_clause_get_kind (selected));
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XaTemplateEditor *self = XA_TEMPLATE_EDITOR (widget);
  g_autoptr(XaClause) selected = get_selected_clause (self);
  g_autoptr(GError) error = NULL;

  if (selected == NULL)
    return;

  if (!xa_template_remove_clause (self->template, xa_clause_get_id (selected), &error))
    {
      xa_widget_add_toast (widget, adw_toast_new (error->message));
      return;
    }

  set_dirty (self, TRUE);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XaTemplateEditor *self = XA_TEMPLATE_EDITOR (widget);
  g_autoptr(XaClause) selected = get_selected_clause (self);
  g_autoptr(GError) error = NULL;

  if (selected == NULL)
    return;

  if (!xa_template_move_clause (self->template, xa_clause_get_id (selected),
                                g_variant_get_int32 (parameter), &error))
    {
      xa_widget_add_toast (widget, adw_toast_new (error->message));
      return;
    }

  set_dirty (self, TRUE);
  select_clause (self, selected);
}

/* The kinds a clause may take one level up (outdent) or down (indent): the numbered
 * levels 一、（一）1.① shift by one; other kinds keep theirs. */
static XaClauseKind
shifted_kind (XaClauseKind kind,
              int          levels)
{
  static const XaClauseKind numbered[] = {
    XA_CLAUSE_KIND_SECTION, XA_CLAUSE_KIND_ITEM, XA_CLAUSE_KIND_LIST, XA_CLAUSE_KIND_SUBLIST,
  };

  for (guint i = 0; i < G_N_ELEMENTS (numbered); i++)
    if (numbered[i] == kind && (int) i + levels >= 0 && (int) i + levels < (int) G_N_ELEMENTS (numbered))
      return numbered[i + levels];

  /* A paragraph or a closing clause put under an item becomes one of its points. */
  if (levels > 0 && (kind == XA_CLAUSE_KIND_PARAGRAPH || kind == XA_CLAUSE_KIND_CLOSING))
    return XA_CLAUSE_KIND_LIST;

  return kind;
}

/* Moves @clause into @parent at @position, in its own kind when the parent holds it,
 * else one level up or down. */
static gboolean
move_into (XaTemplateEditor  *self,
           XaClause          *clause,
           XaClause          *parent,
           guint              position,
           int                levels,
           GError           **error)
{
  XaClauseKind kind = xa_clause_get_kind (clause);
  const char *parent_id = parent ? xa_clause_get_id (parent) : NULL;

  if (parent == NULL ? !xa_clause_kind_allows_top_level (kind)
                     : !xa_clause_kind_allows_child (xa_clause_get_kind (parent), kind))
    kind = shifted_kind (kind, levels);

  return xa_template_move_clause_to (self->template, xa_clause_get_id (clause), parent_id,
                                     position, kind, error);
}

static void
reparent_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  XaTemplateEditor *self = XA_TEMPLATE_EDITOR (widget);
  g_autoptr(XaClause) selected = get_selected_clause (self);
  g_autoptr(GError) error = NULL;
  XaClause *parent = NULL;
  guint position = 0;
  gboolean moved;

  if (selected == NULL)
    return;

  xa_template_find_parent (self->template, xa_clause_get_id (selected), &parent, &position);

  if (g_str_equal (action_name, "editor.outdent"))
    {
      XaClause *grandparent = NULL;
      guint parent_position = 0;

      if (parent == NULL)
        {
          xa_widget_add_toast (widget, adw_toast_new (_("The clause stands at the top level already")));
          return;
        }

      /* It follows its parent, as the next sibling. */
      xa_template_find_parent (self->template, xa_clause_get_id (parent), &grandparent, &parent_position);
      moved = move_into (self, selected, grandparent, parent_position + 1, -1, &error);
    }
  else
    {
      GListModel *siblings = parent ? xa_clause_get_children (parent)
                                    : xa_template_get_clauses (self->template);
      g_autoptr(XaClause) before = NULL;

      if (position == 0)
        {
          xa_widget_add_toast (widget, adw_toast_new (_("No clause stands before this one to move into")));
          return;
        }

      /* It becomes the last child of the clause before it. */
      before = g_list_model_get_item (siblings, position - 1);
      moved = move_into (self, selected, before, G_MAXUINT, 1, &error);
    }

  if (!moved)
    {
      xa_widget_add_toast (widget, adw_toast_new (error->message));
      return;
    }

  set_dirty (self, TRUE);
  select_clause (self, selected);
  xa_clause_editor_set_clause (self->clause_editor, selected);
}

static void
new_template_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  XaTemplateEditor *self = XA_TEMPLATE_EDITOR (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDate) today = g_date_new_dmy (g_date_time_get_day_of_month (now),
                                           g_date_time_get_month (now), g_date_time_get_year (now));
  /* The school year under way, whatever template is shown: a blank template is most
   * often the agreement the school signs now. */
  int year = xa_school_year_for_date (today);

  if (self->dirty)
    {
      xa_widget_add_toast (widget, adw_toast_new (_("Save or discard the changes first")));
      return;
    }

  /* Unselected first: choosing no stored template loads none. */
  gtk_single_selection_set_selected (self->templates, GTK_INVALID_LIST_POSITION);
  set_working_copy (self, xa_template_new_blank (year, _("New Template")));
  /* Not stored yet: saving it stores it as the next version of its year. */
  set_dirty (self, TRUE);
  gtk_stack_set_visible_child_name (self->pages_stack, "clauses");
  xa_template_editor_select_clause (self, "title");
}

static gboolean
save_template (XaTemplateEditor  *self,
               GError           **error)
{
  gboolean was_frozen;
  int old_version;

  if (self->template == NULL)
    return TRUE;

  was_frozen = xa_template_get_frozen (self->template);
  old_version = xa_template_get_version (self->template);
  if (!xa_template_library_save (self->library, self->template, error))
    return FALSE;

  set_dirty (self, FALSE);
  update_title (self);
  xa_template_editor_select_template (self, xa_template_get_uuid (self->template));

  if (was_frozen)
    /* Translators: agreements sent for signature or signed use version %d, so the
     * changes became version %d. */
    xa_widget_add_toast (GTK_WIDGET (self),
                         adw_toast_new_format (_("Version %d went out for signature and keeps its text; "
                                                 "saved as the new version %d, which the drafts now use"),
                                               old_version,
                                               xa_template_get_version (self->template)));
  else
    xa_widget_add_toast (GTK_WIDGET (self),
                         adw_toast_new_format (_("Saved version %d"),
                                               xa_template_get_version (self->template)));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;

  if (!save_template (XA_TEMPLATE_EDITOR (widget), &error))
    xa_widget_show_error (widget, _("The Template Was Not Saved"), error->message);
}

static void
next_year_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  XaTemplateEditor *self = XA_TEMPLATE_EDITOR (widget);
  g_autoptr(XaTemplate) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *caption = NULL;

  if (self->template == NULL)
    return;

  copy = xa_template_library_copy_to_next_year (self->library, self->template, &error);
  if (copy == NULL)
    {
      xa_widget_show_error (widget, _("The Template Was Not Copied"), error->message);
      return;
    }

  caption = xa_template_dup_caption (copy);
  xa_template_editor_select_template (self, xa_template_get_uuid (copy));
  /* Translators: %s is the school year and version of the new copy. */
  xa_widget_add_toast (widget, adw_toast_new_format (_("Copied into %s"), caption));
}

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  XaTemplateEditor *self = XA_TEMPLATE_EDITOR (widget);
  GListModel *templates = G_LIST_MODEL (self->templates);
  const char *old_uuid = NULL;

  if (self->template == NULL)
    return;

  /* Against the newest version of an earlier year, else the version before this one. */
  for (guint i = 0; i < g_list_model_get_n_items (templates) && old_uuid == NULL; i++)
    {
      g_autoptr(XaTemplate) other = g_list_model_get_item (templates, i);

      if (xa_template_get_school_year (other) < xa_template_get_school_year (self->template) ||
          (xa_template_get_school_year (other) == xa_template_get_school_year (self->template) &&
           xa_template_get_version (other) < xa_template_get_version (self->template)))
        old_uuid = xa_template_get_uuid (other);
    }

  xa_template_compare_show (self->compare, old_uuid ? old_uuid : xa_template_get_uuid (self->template),
                            xa_template_get_uuid (self->template));
  gtk_stack_set_visible_child_name (self->content_stack, "compare");
}

static void
show_editor_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  XaTemplateEditor *self = XA_TEMPLATE_EDITOR (widget);

  gtk_stack_set_visible_child_name (self->content_stack, "editor");
}

static void
xa_template_editor_dispose (GObject *object)
{
  XaTemplateEditor *self = XA_TEMPLATE_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (xa_template_library_get_templates (self->library), self);

  gtk_widget_dispose_template (GTK_WIDGET (self), XA_TYPE_TEMPLATE_EDITOR);

  g_clear_object (&self->clauses);
  g_clear_object (&self->templates);
  g_clear_object (&self->template);
  g_clear_object (&self->library);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->chosen_uuid, g_free);

  G_OBJECT_CLASS (xa_template_editor_parent_class)->dispose (object);
}

static void
xa_template_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  XaTemplateEditor *self = XA_TEMPLATE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;

    case PROP_LEGACY_YEAR_STYLE:
      g_value_set_boolean (value, self->template != NULL &&
                                  xa_template_get_legacy_year_style (self->template));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_template_editor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  XaTemplateEditor *self = XA_TEMPLATE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_LEGACY_YEAR_STYLE:
      if (self->template != NULL &&
          xa_template_get_legacy_year_style (self->template) != g_value_get_boolean (value))
        {
          xa_template_set_legacy_year_style (self->template, g_value_get_boolean (value));
          set_dirty (self, TRUE);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_template_editor_class_init (XaTemplateEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_template_editor_dispose;
  object_class->get_property = xa_template_editor_get_property;
  object_class->set_property = xa_template_editor_set_property;

  /* Whether a template file is being read or written. */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* Whether the working copy has changes that are not stored. */
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* Whether the template writes its school year as the 2021-2022 source did
   * ("2021-2022学年度") instead of with the GB/T 15834 dash. */
  properties[PROP_LEGACY_YEAR_STYLE] =
    g_param_spec_boolean ("legacy-year-style", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (XA_TYPE_CLAUSE_EDITOR);
  g_type_ensure (XA_TYPE_TEMPLATE_COMPARE);
  g_type_ensure (XA_TYPE_TEMPLATE_FORM);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xiaoan/Xiaoan/xa-template-editor.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, XaTemplateEditor, heading_box);
  gtk_widget_class_bind_template_child (widget_class, XaTemplateEditor, clause_editor);
  gtk_widget_class_bind_template_child (widget_class, XaTemplateEditor, clause_leaflet);
  gtk_widget_class_bind_template_child (widget_class, XaTemplateEditor, clause_pane);
  gtk_widget_class_bind_template_child (widget_class, XaTemplateEditor, clause_view);
  gtk_widget_class_bind_template_child (widget_class, XaTemplateEditor, compare);
  gtk_widget_class_bind_template_child (widget_class, XaTemplateEditor, content_stack);
  gtk_widget_class_bind_template_child (widget_class, XaTemplateEditor, form);
  gtk_widget_class_bind_template_child (widget_class, XaTemplateEditor, frozen_bar);
  gtk_widget_class_bind_template_child (widget_class, XaTemplateEditor, leaflet);
  gtk_widget_class_bind_template_child (widget_class, XaTemplateEditor, pages_stack);
  gtk_widget_class_bind_template_child (widget_class, XaTemplateEditor, template_caption);
  gtk_widget_class_bind_template_child (widget_class, XaTemplateEditor, template_title);
  gtk_widget_class_bind_template_child (widget_class, XaTemplateEditor, template_view);
  gtk_widget_class_bind_template_callback (widget_class, clause_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, template_activated_cb);

  gtk_widget_class_install_action (widget_class, "editor.add-sibling", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "editor.add-child", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "editor.add-section", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "editor.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "editor.move", "i", move_action);
  gtk_widget_class_install_action (widget_class, "editor.outdent", NULL, reparent_action);
  gtk_widget_class_install_action (widget_class, "editor.indent", NULL, reparent_action);
  gtk_widget_class_install_action (widget_class, "editor.new-template", NULL, new_template_action);
  gtk_widget_class_install_action (widget_class, "editor.import", NULL, _xa_template_editor_import_action);
  gtk_widget_class_install_action (widget_class, "editor.export", NULL, _xa_template_editor_export_action);
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.next-year", NULL, next_year_action);
  gtk_widget_class_install_action (widget_class, "editor.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "editor.show-editor", NULL, show_editor_action);
  gtk_widget_class_install_property_action (widget_class, "editor.legacy-year-style", "legacy-year-style");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "editor.move", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "editor.move", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "editor.outdent", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "editor.indent", NULL);
}

static void
xa_template_editor_init (XaTemplateEditor *self)
{
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();
  g_autoptr(GtkListItemFactory) clause_factory = NULL;
  g_autoptr(GtkListItemFactory) template_factory = gtk_signal_list_item_factory_new ();
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (editor_mapped_cb), NULL);
  xa_list_set_single_tab_stop (GTK_WIDGET (self->template_view));
  xa_list_set_single_tab_stop (GTK_WIDGET (self->clause_view));

  self->cancellable = g_cancellable_new ();

  gtk_builder_cscope_add_callback_symbols (GTK_BUILDER_CSCOPE (scope),
                                           "clause_summary", G_CALLBACK (clause_summary),
                                           "xa_list_row_label_changed", G_CALLBACK (xa_list_row_label_changed),
                                           "xa_list_row_mapped", G_CALLBACK (xa_list_row_mapped),
                                           NULL);
  clause_factory = gtk_builder_list_item_factory_new_from_resource (scope,
                                                                    "/io/github/xiaoan/Xiaoan/xa-clause-row.ui");
  gtk_list_view_set_factory (self->clause_view, clause_factory);
  /* In the capture phase, when the row has taken the click and selected its clause. */
  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (click, "released", G_CALLBACK (clause_clicked_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->clause_view), GTK_EVENT_CONTROLLER (click));
  g_signal_connect_swapped (self->clause_view, "activate", G_CALLBACK (show_clause_pane), self);

  g_signal_connect (template_factory, "setup", G_CALLBACK (xa_badge_row_setup_opening_cb), NULL);
  g_signal_connect (template_factory, "bind", G_CALLBACK (bind_template_row_cb), NULL);
  gtk_list_view_set_factory (self->template_view, template_factory);

  update_actions (self);
}

/**
 * xa_template_editor_set_library:
 *
 * Set once, when the window is made; shows the newest template.
 */
void
xa_template_editor_set_library (XaTemplateEditor  *self,
                                XaTemplateLibrary *library)
{
  GListModel *templates;

  g_return_if_fail (XA_IS_TEMPLATE_EDITOR (self));
  g_return_if_fail (XA_IS_TEMPLATE_LIBRARY (library));
  g_return_if_fail (self->library == NULL);

  self->library = g_object_ref (library);
  templates = xa_template_library_get_templates (library);
  xa_template_compare_set_library (self->compare, library);

  g_signal_connect_object (templates, "items-changed", G_CALLBACK (templates_changing_cb), self,
                           G_CONNECT_SWAPPED);
  self->templates = gtk_single_selection_new (g_object_ref (templates));
  g_signal_connect_object (templates, "items-changed", G_CALLBACK (templates_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->templates, "notify::selected-item",
                           G_CALLBACK (template_selected_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->template_view, GTK_SELECTION_MODEL (self->templates));

  load_template (self, gtk_single_selection_get_selected_item (self->templates));
}

/**
 * xa_template_editor_get_template:
 *
 * Returns: (transfer none) (nullable): the working copy being edited
 */
XaTemplate *
xa_template_editor_get_template (XaTemplateEditor *self)
{
  g_return_val_if_fail (XA_IS_TEMPLATE_EDITOR (self), NULL);

  return self->template;
}

/**
 * xa_template_editor_select_template:
 *
 * Returns: whether the library has the template
 */
gboolean
xa_template_editor_select_template (XaTemplateEditor *self,
                                    const char       *uuid)
{
  GListModel *model;

  g_return_val_if_fail (XA_IS_TEMPLATE_EDITOR (self), FALSE);

  model = G_LIST_MODEL (self->templates);
  for (guint i = 0; uuid != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(XaTemplate) template = g_list_model_get_item (model, i);

      if (g_strcmp0 (xa_template_get_uuid (template), uuid) == 0)
        {
          if (gtk_single_selection_get_selected (self->templates) != i)
            gtk_single_selection_set_selected (self->templates, i);
          else
            template_selected_cb (self, NULL, self->templates);
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * xa_template_editor_select_clause:
 *
 * Returns: whether the template being edited has the clause
 */
gboolean
xa_template_editor_select_clause (XaTemplateEditor *self,
                                  const char       *clause_id)
{
  XaClause *clause;

  g_return_val_if_fail (XA_IS_TEMPLATE_EDITOR (self), FALSE);

  if (self->template == NULL || (clause = xa_template_find_clause (self->template, clause_id)) == NULL)
    return FALSE;

  select_clause (self, clause);
  return TRUE;
}

XaClauseEditor *
xa_template_editor_get_clause_editor (XaTemplateEditor *self)
{
  g_return_val_if_fail (XA_IS_TEMPLATE_EDITOR (self), NULL);

  return self->clause_editor;
}

XaTemplateCompare *
xa_template_editor_get_compare (XaTemplateEditor *self)
{
  g_return_val_if_fail (XA_IS_TEMPLATE_EDITOR (self), NULL);

  return self->compare;
}

void
_xa_template_editor_notify_busy (XaTemplateEditor *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/**
 * xa_template_editor_get_form:
 *
 * Returns: (transfer none): the form of the name, the lines under the title and the
 *   signature block
 */
XaTemplateForm *
xa_template_editor_get_form (XaTemplateEditor *self)
{
  g_return_val_if_fail (XA_IS_TEMPLATE_EDITOR (self), NULL);

  return self->form;
}

static char *
xa_template_editor_dup_unsaved (XaUnsaved *unsaved)
{
  XaTemplateEditor *self = XA_TEMPLATE_EDITOR (unsaved);

  if (!self->dirty || self->template == NULL)
    return NULL;

  /* Translators: what holds unsaved edits, in “%s has changes that are not saved”. */
  return g_strdup_printf (_("The template “%s”"), xa_template_get_name (self->template));
}

static gboolean
xa_template_editor_save (XaUnsaved  *unsaved,
                         GError    **error)
{
  return save_template (XA_TEMPLATE_EDITOR (unsaved), error);
}

/* The stored version again; a blank template not saved yet is dropped. */
static void
xa_template_editor_discard (XaUnsaved *unsaved)
{
  XaTemplateEditor *self = XA_TEMPLATE_EDITOR (unsaved);

  set_dirty (self, FALSE);
  load_template (self, gtk_single_selection_get_selected_item (self->templates));
}

static void
xa_template_editor_unsaved_init (XaUnsavedInterface *iface)
{
  iface->dup_unsaved = xa_template_editor_dup_unsaved;
  iface->save = xa_template_editor_save;
  iface->discard = xa_template_editor_discard;
}
