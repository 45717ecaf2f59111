/* xa-agreement-supplements.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The school's supplementary clauses (补充条款) of one agreement, a group of the agreement
 * detail: one row per clause, numbered as the PDF numbers them, whose text is applied
 * like the detail's fields, with buttons to move it up or down and to remove it; a last
 * row adds a clause. Every change goes through XaAgreementBook, which refuses it once
 * the agreement is no longer a draft; the rows are then read only.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-accessible.h"
#include "xa-agreement-supplements.h"
#include "xa-ui-utils.h"

struct _XaAgreementSupplements
{
  GtkWidget             parent_instance;

  /* Owned references */
  XaAgreementBook      *book;
  XaAgreement          *agreement;
  GPtrArray            *rows;     /* the clauses' rows, in order */

  /* Template widgets */
  GtkListBox           *add_list;
  AdwEntryRow          *add_row;
  GtkListBox           *clauses;
  AdwPreferencesGroup  *group;
};

G_DEFINE_FINAL_TYPE (XaAgreementSupplements, xa_agreement_supplements, GTK_TYPE_WIDGET)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A change saved, or the error said in a toast; either way the rows show what is stored. */
static void
changed (XaAgreementSupplements *self,
         gboolean                saved,
         GError                 *error)
{
  if (!saved)
    xa_widget_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));

  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static GtkWidget *
new_button (const char *icon_name,
            const char *tooltip,
            const char *action_name,
            const char *uuid)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", uuid);
  xa_accessible_prepare (button);
  return button;
}

static void
clause_applied_cb (XaAgreementSupplements *self,
                   AdwEntryRow            *row)
{
  g_autoptr(GError) error = NULL;
  gboolean saved;

  saved = xa_agreement_book_set_supplement (self->book, g_object_get_data (G_OBJECT (row), "uuid"),
                                            gtk_editable_get_text (GTK_EDITABLE (row)), &error);
  changed (self, saved, error);
}

static GtkWidget *
new_clause_row (XaAgreementSupplements *self,
                guint                   index,
                gboolean                editable)
{
  const char *uuid = xa_agreement_get_supplement_uuid (self->agreement, index);
  guint n = xa_agreement_get_n_supplements (self->agreement);
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());
  /* Translators: the title of a supplementary clause's row, numbered as printed: 第1条. */
  g_autofree char *title = g_strdup_printf (_("Clause %u"), index + 1);
  GtkWidget *up = new_button ("go-up-symbolic", _("Move Up"), "supplements.move-up", uuid);
  GtkWidget *down = new_button ("go-down-symbolic", _("Move Down"), "supplements.move-down", uuid);
  GtkWidget *remove = new_button ("user-trash-symbolic", _("Remove Clause"), "supplements.remove", uuid);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), xa_agreement_get_supplements (self->agreement)[index]);
  adw_entry_row_set_show_apply_button (row, TRUE);
  gtk_editable_set_editable (GTK_EDITABLE (row), editable);
  g_object_set_data_full (G_OBJECT (row), "uuid", g_strdup (uuid), g_free);
  g_signal_connect_object (row, "apply", G_CALLBACK (clause_applied_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_set_sensitive (up, index > 0);
  gtk_widget_set_sensitive (down, index + 1 < n);
  adw_entry_row_add_suffix (row, up);
  adw_entry_row_add_suffix (row, down);
  adw_entry_row_add_suffix (row, remove);
  gtk_widget_set_visible (up, editable);
  gtk_widget_set_visible (down, editable);
  gtk_widget_set_visible (remove, editable);

  return GTK_WIDGET (row);
}

/* The rows are made again from the agreement: a few clauses at most. The new clause's
 * row lives in a list of its own, so that it is never taken out and put back. */
static void
fill (XaAgreementSupplements *self)
{
  gboolean editable = self->agreement != NULL && xa_agreement_is_editable (self->agreement);
  guint n = self->agreement ? xa_agreement_get_n_supplements (self->agreement) : 0;

  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  /* A row about to go must not keep the keyboard focus. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->clauses)))
    gtk_root_set_focus (root, NULL);

  for (guint i = 0; i < self->rows->len; i++)
    gtk_list_box_remove (self->clauses, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = new_clause_row (self, i, editable);

      g_ptr_array_add (self->rows, row);
      gtk_list_box_append (self->clauses, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->clauses), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->add_list), editable);

  adw_preferences_group_set_description (self->group,
                                         editable
                                         ? _("The school’s own clauses, printed after the template’s text under "
                                             "“补充条款（学校补充）”")
                                         : n > 0 ? _("Only a draft’s clauses can be changed")
                                                 : _("None"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "supplements.move-up", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "supplements.move-down", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "supplements.remove", editable);
}

static void
add_applied_cb (XaAgreementSupplements *self,
                AdwEntryRow            *row)
{
  xa_agreement_supplements_add (self, gtk_editable_get_text (GTK_EDITABLE (row)));
}

static guint
index_of (XaAgreementSupplements *self,
          const char             *uuid)
{
  for (guint i = 0; i < xa_agreement_get_n_supplements (self->agreement); i++)
    {
      if (g_strcmp0 (xa_agreement_get_supplement_uuid (self->agreement, i), uuid) == 0)
        return i;
    }

  return 0;
}

static void
clause_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XaAgreementSupplements *self = XA_AGREEMENT_SUPPLEMENTS (widget);
  const char *uuid = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;
  guint index;
  gboolean saved;

  if (self->agreement == NULL)
    return;

  index = index_of (self, uuid);
  if (g_str_equal (action_name, "supplements.remove"))
    saved = xa_agreement_book_remove_supplement (self->book, uuid, &error);
  else if (g_str_equal (action_name, "supplements.move-up"))
    saved = xa_agreement_book_move_supplement (self->book, uuid, index > 0 ? index - 1 : 0, &error);
  else
    saved = xa_agreement_book_move_supplement (self->book, uuid, index + 1, &error);

  changed (self, saved, error);
}

static void
xa_agreement_supplements_dispose (GObject *object)
{
  XaAgreementSupplements *self = XA_AGREEMENT_SUPPLEMENTS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), XA_TYPE_AGREEMENT_SUPPLEMENTS);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->agreement);
  g_clear_object (&self->book);

  G_OBJECT_CLASS (xa_agreement_supplements_parent_class)->dispose (object);
}

static void
xa_agreement_supplements_class_init (XaAgreementSupplementsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_agreement_supplements_dispose;

  /**
   * XaAgreementSupplements::changed:
   *
   * A change was saved or refused: the agreement is to be read again.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xiaoan/Xiaoan/xa-agreement-supplements.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementSupplements, add_list);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementSupplements, add_row);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementSupplements, clauses);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementSupplements, group);
  gtk_widget_class_bind_template_callback (widget_class, add_applied_cb);

  gtk_widget_class_install_action (widget_class, "supplements.move-up", "s", clause_action);
  gtk_widget_class_install_action (widget_class, "supplements.move-down", "s", clause_action);
  gtk_widget_class_install_action (widget_class, "supplements.remove", "s", clause_action);
}

static void
xa_agreement_supplements_init (XaAgreementSupplements *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  fill (self);
}

/**
 * xa_agreement_supplements_set_book:
 *
 * Set once, when the detail is given its book.
 */
void
xa_agreement_supplements_set_book (XaAgreementSupplements *self,
                                   XaAgreementBook        *book)
{
  g_return_if_fail (XA_IS_AGREEMENT_SUPPLEMENTS (self));
  g_return_if_fail (XA_IS_AGREEMENT_BOOK (book));

  g_set_object (&self->book, book);
}

/**
 * xa_agreement_supplements_show:
 * @agreement: (nullable): the agreement whose clauses to show, as last read
 */
void
xa_agreement_supplements_show (XaAgreementSupplements *self,
                               XaAgreement            *agreement)
{
  g_return_if_fail (XA_IS_AGREEMENT_SUPPLEMENTS (self));
  g_return_if_fail (agreement == NULL || XA_IS_AGREEMENT (agreement));

  g_set_object (&self->agreement, agreement);
  fill (self);
}

/**
 * xa_agreement_supplements_add:
 * @text: the clause, as typed in the last row
 *
 * What applying the last row does: adds the clause after the others, then empties the
 * row; a refused clause stays in it to be corrected, and a toast says why.
 */
void
xa_agreement_supplements_add (XaAgreementSupplements *self,
                              const char             *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;

  g_return_if_fail (XA_IS_AGREEMENT_SUPPLEMENTS (self));

  if (self->agreement == NULL)
    return;

  uuid = xa_agreement_book_add_supplement (self->book, xa_agreement_get_uuid (self->agreement), text, &error);
  if (uuid != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->add_row), "");
  changed (self, uuid != NULL, error);
}
