/* xa-template-edit.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The edits that commission staff make to a template: insert, remove and move clauses,
 * and the numbering of each level. Each edit numbers the siblings again in the
 * template's style for their level (一、（一）1.① unless the template writes its own),
 * since a number is a clause's place and not part of what it says.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-template-private.h"
#include "xa-template.h"

static guint
count_clauses (GListModel *model)
{
  guint n = g_list_model_get_n_items (model);
  guint count = n;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XaClause) clause = g_list_model_get_item (model, i);

      count += count_clauses (xa_clause_get_children (clause));
    }

  return count;
}

/* Numbers the numbered clauses of one list again in the template's style for each
 * level, each kind counting on its own: the items of a section are （一）（二）… whatever
 * paragraphs stand between them. A level styled "none" loses its numbers. */
static void
renumber (XaTemplate *self,
          GListModel *siblings)
{
  guint counts[XA_CLAUSE_KIND_CLOSING + 1] = { 0 };
  guint n = g_list_model_get_n_items (siblings);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XaClause) clause = g_list_model_get_item (siblings, i);
      XaClauseKind kind = xa_clause_get_kind (clause);
      g_autofree char *number = NULL;

      if (!xa_clause_kind_is_numbered (kind))
        continue;

      number = xa_text_outline_format_number (xa_template_get_numbering (self, kind), ++counts[kind]);
      xa_clause_set_number (clause, number);
    }
}

/* Every list of the tree, numbered again: a level's style changed. */
static void
renumber_all (XaTemplate *self,
              GListModel *clauses)
{
  guint n = g_list_model_get_n_items (clauses);

  renumber (self, clauses);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XaClause) clause = g_list_model_get_item (clauses, i);

      renumber_all (self, xa_clause_get_children (clause));
    }
}

/* Random rather than derived from the parent ("s1.6"): an id must never be given to a
 * new clause that an older version or year used for another one, or the comparison of
 * the two would pair clauses that have nothing in common. */
static char *
new_clause_id (XaTemplate *self)
{
  for (;;)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *id = g_strdup_printf ("c%.8s", uuid);

      if (xa_template_find_clause (self, id) == NULL)
        return g_steal_pointer (&id);
    }
}

/**
 * xa_template_insert_clause:
 * @parent_id: (nullable): the clause to insert into, or %NULL for the top level
 * @position: the place among the parent's children; past the end appends
 *
 * Inserts an empty clause with a fresh id and numbers its siblings again. The caller
 * fills its heading and text before saving: an empty clause does not validate.
 *
 * Returns: (transfer none) (nullable): the new clause
 */
XaClause *
xa_template_insert_clause (XaTemplate    *self,
                           const char    *parent_id,
                           guint          position,
                           XaClauseKind   kind,
                           GError       **error)
{
  g_autoptr(XaClause) clause = NULL;
  g_autofree char *id = NULL;
  GListModel *siblings;

  g_return_val_if_fail (XA_IS_TEMPLATE (self), NULL);
  g_return_val_if_fail (kind <= XA_CLAUSE_KIND_CLOSING, NULL);

  if (parent_id == NULL || parent_id[0] == '\0')
    {
      if (!xa_clause_kind_allows_top_level (kind))
        {
          /* Translators: %s is a clause kind as the file writes it (section, item…). */
          g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID,
                       _("A %s cannot stand at the top level of a template"),
                       xa_clause_kind_to_key (kind));
          return NULL;
        }
      siblings = G_LIST_MODEL (self->clauses);
    }
  else
    {
      XaClause *parent = xa_template_find_clause (self, parent_id);

      if (parent == NULL)
        {
          g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_NOT_FOUND,
                       _("The template has no clause “%s”"), parent_id);
          return NULL;
        }
      if (!xa_clause_kind_allows_child (xa_clause_get_kind (parent), kind))
        {
          /* Translators: the parent clause's id, its kind and the kind refused. */
          g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID,
                       _("Clause “%s”: a %s cannot hold a %s"), parent_id,
                       xa_clause_kind_to_key (xa_clause_get_kind (parent)),
                       xa_clause_kind_to_key (kind));
          return NULL;
        }
      siblings = xa_clause_get_children (parent);
    }

  if (kind == XA_CLAUSE_KIND_TITLE && xa_template_find_clause (self, "title") != NULL)
    {
      g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID,
                   _("The template already has a title"));
      return NULL;
    }

  if (count_clauses (G_LIST_MODEL (self->clauses)) >= XA_TEMPLATE_MAX_CLAUSES)
    {
      g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID,
                   _("A template holds at most %u clauses"), XA_TEMPLATE_MAX_CLAUSES);
      return NULL;
    }

  /* The renderer and the agreement look the title up by this id. */
  id = kind == XA_CLAUSE_KIND_TITLE ? g_strdup ("title") : new_clause_id (self);
  clause = xa_clause_new (id, kind);
  position = MIN (position, g_list_model_get_n_items (siblings));
  g_list_store_insert (G_LIST_STORE (siblings), position, clause);
  renumber (self, siblings);

  return clause;
}

/**
 * xa_template_remove_clause:
 *
 * Removes a clause with its children and numbers its siblings again.
 *
 * Returns: %TRUE when the clause was removed
 */
gboolean
xa_template_remove_clause (XaTemplate  *self,
                           const char  *id,
                           GError     **error)
{
  GListStore *siblings = NULL;
  guint position = 0;

  g_return_val_if_fail (XA_IS_TEMPLATE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (_xa_template_find_in (G_LIST_MODEL (self->clauses), id, &siblings, &position) == NULL)
    {
      g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_NOT_FOUND,
                   _("The template has no clause “%s”"), id);
      return FALSE;
    }

  g_list_store_remove (siblings, position);
  renumber (self, G_LIST_MODEL (siblings));
  return TRUE;
}

/**
 * xa_template_move_clause:
 * @offset: how many places to move: negative towards the start, positive towards the end
 *
 * Moves a clause among its siblings and numbers them again.
 *
 * Returns: %TRUE when the clause was moved
 */
gboolean
xa_template_move_clause (XaTemplate  *self,
                         const char  *id,
                         int          offset,
                         GError     **error)
{
  g_autoptr(XaClause) held = NULL;
  GListStore *siblings = NULL;
  XaClause *clause;
  guint position = 0;
  gint64 target;

  g_return_val_if_fail (XA_IS_TEMPLATE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  clause = _xa_template_find_in (G_LIST_MODEL (self->clauses), id, &siblings, &position);
  if (clause == NULL)
    {
      g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_NOT_FOUND,
                   _("The template has no clause “%s”"), id);
      return FALSE;
    }

  target = (gint64) position + offset;
  if (target < 0 || target >= g_list_model_get_n_items (G_LIST_MODEL (siblings)))
    {
      g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID,
                   _("Clause “%s” cannot move further"), id);
      return FALSE;
    }

  if (target == position)
    return TRUE;

  /* _xa_template_find_in() lends the clause; hold it while it is out of the list. */
  held = g_object_ref (clause);
  g_list_store_remove (siblings, position);
  g_list_store_insert (siblings, (guint) target, held);
  renumber (self, G_LIST_MODEL (siblings));

  return TRUE;
}

/**
 * xa_template_set_numbering:
 * @kind: a numbered kind: section, item, list or sublist
 * @style: a style of xa_text_outline_get_styles(), any first number that
 *   xa_text_outline_style_of() recognises ("第一条"), or %XA_NUMBERING_NONE
 *
 * Sets how the level of @kind is numbered and numbers the template again, so that
 * what is printed follows at once.
 *
 * Returns: %TRUE when the style was set
 */
gboolean
xa_template_set_numbering (XaTemplate    *self,
                           XaClauseKind   kind,
                           const char    *style,
                           GError       **error)
{
  g_return_val_if_fail (XA_IS_TEMPLATE (self), FALSE);
  g_return_val_if_fail (xa_clause_kind_is_numbered (kind), FALSE);

  if (style == NULL || !xa_text_outline_is_style (style))
    {
      /* Translators: %s is what was given as a numbering style. */
      g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID,
                   _("“%s” is not a numbering style: write the first number of the level, such as 一、 （一） 1. 1、 （1） ①, or “none”"),
                   style ? style : "");
      return FALSE;
    }

  _xa_template_set_numbering (self, kind, style);
  renumber_all (self, G_LIST_MODEL (self->clauses));
  return TRUE;
}
