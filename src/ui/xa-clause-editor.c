/* xa-clause-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The form of one clause of a template: its number (set by the template), its heading and
 * its text, with the placeholders that each school's agreement fills in and a count of
 * the characters. Edits go straight into the clause, which belongs to the editor's working
 * copy of the template; "changed" tells the editor that there is something to save. The
 * kind is the template's to change, since the tree decides what may stand where:
 * "kind-requested" asks the editor for it.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-clause-editor.h"

struct _XaClauseEditor
{
  GtkWidget    parent_instance;

  /* Owned references */
  XaClause    *clause;

  /* Template widgets */
  GtkLabel    *count_label;
  AdwEntryRow *heading_row;
  GtkDropDown *kind_dropdown;
  GtkLabel    *number_label;
  GtkStack    *stack;
  GtkTextView *text_view;

  /* State */
  guint        filling : 1;
};

G_DEFINE_FINAL_TYPE (XaClauseEditor, xa_clause_editor, GTK_TYPE_WIDGET)

enum {
  SIGNAL_CHANGED,
  SIGNAL_KIND_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_count (XaClauseEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  int n = gtk_text_buffer_get_char_count (buffer);
  g_autofree char *text = NULL;

  /* Translators: the length of a clause's text, in characters (字). */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d character", "%d characters", n), n);
  gtk_label_set_label (self->count_label, text);
}

static void
text_changed_cb (XaClauseEditor *self,
                 GtkTextBuffer  *buffer)
{
  g_autofree char *text = NULL;
  GtkTextIter start;
  GtkTextIter end;

  update_count (self);
  if (self->filling || self->clause == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  xa_clause_set_text (self->clause, text);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
heading_changed_cb (XaClauseEditor *self,
                    AdwEntryRow    *row)
{
  if (self->filling || self->clause == NULL)
    return;

  xa_clause_set_heading (self->clause, gtk_editable_get_text (GTK_EDITABLE (row)));
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
number_changed_cb (XaClauseEditor *self)
{
  const char *number = self->clause ? xa_clause_get_number (self->clause) : NULL;

  gtk_label_set_label (self->number_label, number && number[0] ? number : "—");
}

static void
kind_selected_cb (XaClauseEditor *self,
                  GParamSpec     *pspec,
                  GtkDropDown    *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->filling || self->clause == NULL || selected == GTK_INVALID_LIST_POSITION ||
      selected == (guint) xa_clause_get_kind (self->clause))
    return;

  g_signal_emit (self, signals[SIGNAL_KIND_REQUESTED], 0, (int) selected);
}

static void
insert_placeholder_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  XaClauseEditor *self = XA_CLAUSE_EDITOR (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

  gtk_text_buffer_insert_at_cursor (buffer, g_variant_get_string (parameter, NULL), -1);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
xa_clause_editor_dispose (GObject *object)
{
  XaClauseEditor *self = XA_CLAUSE_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), XA_TYPE_CLAUSE_EDITOR);
  g_clear_object (&self->clause);

  G_OBJECT_CLASS (xa_clause_editor_parent_class)->dispose (object);
}

static void
xa_clause_editor_class_init (XaClauseEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_clause_editor_dispose;

  /**
   * XaClauseEditor::changed:
   *
   * The user changed the clause's heading or text.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * XaClauseEditor::kind-requested:
   * @kind: the #XaClauseKind chosen
   *
   * The user chose another kind for the clause; the handler changes it in the template
   * and fills the form again (xa_clause_editor_set_clause()), or says why it cannot.
   */
  signals[SIGNAL_KIND_REQUESTED] =
    g_signal_new ("kind-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xiaoan/Xiaoan/xa-clause-editor.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, XaClauseEditor, count_label);
  gtk_widget_class_bind_template_child (widget_class, XaClauseEditor, heading_row);
  gtk_widget_class_bind_template_child (widget_class, XaClauseEditor, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XaClauseEditor, number_label);
  gtk_widget_class_bind_template_child (widget_class, XaClauseEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, XaClauseEditor, text_view);
  gtk_widget_class_bind_template_callback (widget_class, heading_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_selected_cb);

  gtk_widget_class_install_action (widget_class, "clause.insert-placeholder", "s",
                                   insert_placeholder_action);
}

static void
xa_clause_editor_init (XaClauseEditor *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* In the order of the enum: the row is the kind. */
  for (XaClauseKind kind = XA_CLAUSE_KIND_TITLE; kind <= XA_CLAUSE_KIND_CLOSING; kind++)
    gtk_string_list_append (kinds, xa_clause_kind_to_label (kind));
  self->filling = TRUE;
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  self->filling = FALSE;

  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (text_changed_cb), self, G_CONNECT_SWAPPED);
  xa_clause_editor_set_clause (self, NULL);
}

/**
 * xa_clause_editor_get_clause:
 *
 * Returns: (transfer none) (nullable): the clause being edited
 */
XaClause *
xa_clause_editor_get_clause (XaClauseEditor *self)
{
  g_return_val_if_fail (XA_IS_CLAUSE_EDITOR (self), NULL);

  return self->clause;
}

/**
 * xa_clause_editor_set_clause:
 * @clause: (nullable): the clause to edit, from the editor's working copy
 */
void
xa_clause_editor_set_clause (XaClauseEditor *self,
                             XaClause       *clause)
{
  g_return_if_fail (XA_IS_CLAUSE_EDITOR (self));

  if (self->clause != NULL)
    g_signal_handlers_disconnect_by_func (self->clause, number_changed_cb, self);
  g_set_object (&self->clause, clause);

  gtk_stack_set_visible_child_name (self->stack, clause ? "clause" : "empty");
  if (clause == NULL)
    return;

  g_signal_connect_object (clause, "notify::number", G_CALLBACK (number_changed_cb), self,
                           G_CONNECT_SWAPPED);

  self->filling = TRUE;
  number_changed_cb (self);
  gtk_drop_down_set_selected (self->kind_dropdown, xa_clause_get_kind (clause));
  gtk_editable_set_text (GTK_EDITABLE (self->heading_row), xa_clause_get_heading (clause));
  /* Sections need a heading (一、总体要求) and items carry one (（一）组织领导); other
   * kinds only when the template gave one. A section just added has none yet: its
   * field must show, or it could never be saved. */
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->heading_row)),
                          xa_clause_get_kind (clause) == XA_CLAUSE_KIND_SECTION ||
                          xa_clause_get_kind (clause) == XA_CLAUSE_KIND_ITEM ||
                          xa_clause_get_heading (clause)[0] != '\0');
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), xa_clause_get_text (clause), -1);
  self->filling = FALSE;
  update_count (self);
}

/**
 * xa_clause_editor_set_heading:
 *
 * Replaces the clause's heading as if typed.
 */
void
xa_clause_editor_set_heading (XaClauseEditor *self,
                              const char     *heading)
{
  g_return_if_fail (XA_IS_CLAUSE_EDITOR (self));

  gtk_editable_set_text (GTK_EDITABLE (self->heading_row), heading);
}

/**
 * xa_clause_editor_get_heading_shown:
 *
 * Returns: whether the form shows the heading field
 */
gboolean
xa_clause_editor_get_heading_shown (XaClauseEditor *self)
{
  g_return_val_if_fail (XA_IS_CLAUSE_EDITOR (self), FALSE);

  return gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (self->heading_row)));
}

/**
 * xa_clause_editor_choose_kind:
 *
 * Chooses @kind in the form's kind list as the user would.
 */
void
xa_clause_editor_choose_kind (XaClauseEditor *self,
                              XaClauseKind    kind)
{
  g_return_if_fail (XA_IS_CLAUSE_EDITOR (self));

  gtk_drop_down_set_selected (self->kind_dropdown, kind);
}

/**
 * xa_clause_editor_set_text:
 *
 * Replaces the clause's text as if typed: the clause changes and "changed" is emitted.
 */
void
xa_clause_editor_set_text (XaClauseEditor *self,
                           const char     *text)
{
  g_return_if_fail (XA_IS_CLAUSE_EDITOR (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text, -1);
}
