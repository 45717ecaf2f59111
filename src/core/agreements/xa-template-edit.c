/* xa-template-edit.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The edits that commission staff make to a template: insert, remove and move clauses,
 * within their siblings or into another parent, change their kind, set the numbering of
 * each level, and start a blank template. Each edit numbers the siblings again in the
 * template's style for their level (renumber(); 一、（一）1.① unless the template writes
 * its own), since a number is a clause's place and not part of what it says. Messages
 * name clauses as their readers know them (xa_clause_describe()), never by id.
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

static char *
describe (XaClause *clause)
{
  return xa_clause_describe (xa_clause_get_kind (clause), xa_clause_get_number (clause),
                             xa_clause_get_heading (clause), xa_clause_get_text (clause));
}

/* Whether a clause of @kind may stand in @parent (%NULL: the top level). */
static gboolean
check_fits (XaClause      *parent,
            XaClauseKind   kind,
            GError       **error)
{
  g_autofree char *holder = NULL;

  if (parent == NULL)
    {
      if (xa_clause_kind_allows_top_level (kind))
        return TRUE;

      /* Translators: %s is a kind of clause (条, 款…). */
      g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID,
                   _("A %s cannot stand at the top level of a template"),
                   xa_clause_kind_to_label (kind));
      return FALSE;
    }

  if (xa_clause_kind_allows_child (xa_clause_get_kind (parent), kind))
    return TRUE;

  holder = describe (parent);
  /* Translators: the clause that would hold, its kind, and the kind refused. */
  g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID,
               _("“%s” is a %s and cannot hold a %s"), holder,
               xa_clause_kind_to_label (xa_clause_get_kind (parent)), xa_clause_kind_to_label (kind));
  return FALSE;
}

/* Whether a clause could take @kind with the children it has. */
static gboolean
check_children_fit (XaClause      *clause,
                    XaClauseKind   kind,
                    GError       **error)
{
  GListModel *children = xa_clause_get_children (clause);

  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(XaClause) child = g_list_model_get_item (children, i);

      if (!xa_clause_kind_allows_child (kind, xa_clause_get_kind (child)))
        {
          g_autofree char *name = describe (clause);

          /* Translators: the clause, the kind it would take, the kind of its sub-clauses. */
          g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID,
                       _("“%s” cannot become a %s: a %s cannot hold its sub-clauses (%s)"), name,
                       xa_clause_kind_to_label (kind), xa_clause_kind_to_label (kind),
                       xa_clause_kind_to_label (xa_clause_get_kind (child)));
          return FALSE;
        }
    }

  return TRUE;
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

      gboolean taken = xa_template_find_clause (self, id) != NULL;

      /* Parties share the ids' namespace with clauses. */
      for (guint i = 0; !taken && i < xa_template_get_n_signers (self); i++)
        taken = g_str_equal (xa_template_get_signer (self, i)->id, id);

      if (!taken)
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
      if (!check_fits (parent, kind, error))
        return NULL;
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

/* Finds @id with its parent (%NULL at the top level), the list that holds it and its
 * place there; the clause and the parent are borrowed. */
static XaClause *
find_with_parent (XaTemplate  *self,
                  const char  *id,
                  XaClause   **parent,
                  GListStore **siblings,
                  guint       *position,
                  GError     **error)
{
  XaClause *clause = _xa_template_find_in (G_LIST_MODEL (self->clauses), id, siblings, position);

  if (clause == NULL)
    {
      g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_NOT_FOUND,
                   _("The template has no clause “%s”"), id);
      return NULL;
    }

  xa_template_find_parent (self, id, parent, NULL);
  return clause;
}

/**
 * xa_template_set_clause_kind:
 *
 * Changes what a clause is (a 条 becomes a 款, a paragraph a closing clause…) where it
 * stands, if its parent may hold the new kind and the new kind may hold its children.
 * Only the one title may be a title. The siblings are numbered again; a kind without
 * numbers loses its number.
 *
 * Returns: %TRUE when the kind was changed
 */
gboolean
xa_template_set_clause_kind (XaTemplate    *self,
                             const char    *id,
                             XaClauseKind   kind,
                             GError       **error)
{
  XaClause *parent = NULL;
  GListStore *siblings = NULL;
  XaClause *clause;

  g_return_val_if_fail (XA_IS_TEMPLATE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (kind <= XA_CLAUSE_KIND_CLOSING, FALSE);

  if (!(clause = find_with_parent (self, id, &parent, &siblings, NULL, error)))
    return FALSE;

  if (xa_clause_get_kind (clause) == kind)
    return TRUE;

  /* The renderer and the agreements find the title by its id. */
  if (kind == XA_CLAUSE_KIND_TITLE || xa_clause_get_kind (clause) == XA_CLAUSE_KIND_TITLE)
    {
      g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID,
                   _("The title stays the title: a template has exactly one"));
      return FALSE;
    }

  if (!check_fits (parent, kind, error) || !check_children_fit (clause, kind, error))
    return FALSE;

  xa_clause_set_kind (clause, kind);
  if (!xa_clause_kind_is_numbered (kind))
    xa_clause_set_number (clause, "");
  renumber (self, G_LIST_MODEL (siblings));

  return TRUE;
}

/**
 * xa_template_move_clause_to:
 * @parent_id: (nullable): the clause to move into, %NULL for the top level
 * @position: the place among the new siblings, counted without the clause; past the end
 *   appends
 * @kind: the kind the clause takes there: its own, or another level's when it is indented
 *   or outdented (a 条 put under a 条 becomes a 款)
 *
 * Moves a clause with its children into another parent. Refused when the parent cannot
 * hold @kind, when @kind cannot hold the clause's children, or when the parent lies
 * inside the clause. Both lists of siblings are numbered again.
 *
 * Returns: %TRUE when the clause was moved
 */
gboolean
xa_template_move_clause_to (XaTemplate    *self,
                            const char    *id,
                            const char    *parent_id,
                            guint          position,
                            XaClauseKind   kind,
                            GError       **error)
{
  g_autoptr(XaClause) held = NULL;
  GListStore *from = NULL;
  GListModel *into;
  XaClause *parent = NULL;
  XaClause *clause;
  guint old_position = 0;

  g_return_val_if_fail (XA_IS_TEMPLATE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (kind <= XA_CLAUSE_KIND_CLOSING, FALSE);

  if (!(clause = find_with_parent (self, id, NULL, &from, &old_position, error)))
    return FALSE;

  if (parent_id != NULL && parent_id[0] != '\0')
    {
      parent = _xa_template_find_in (xa_clause_get_children (clause), parent_id, NULL, NULL);
      if (parent != NULL || g_str_equal (parent_id, id))
        {
          g_autofree char *name = describe (clause);

          g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID,
                       _("“%s” cannot move into itself"), name);
          return FALSE;
        }
      if (!(parent = find_with_parent (self, parent_id, NULL, NULL, NULL, error)))
        return FALSE;
    }

  if ((kind == XA_CLAUSE_KIND_TITLE) != (xa_clause_get_kind (clause) == XA_CLAUSE_KIND_TITLE))
    {
      g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID,
                   _("The title stays the title: a template has exactly one"));
      return FALSE;
    }

  if (!check_fits (parent, kind, error) || !check_children_fit (clause, kind, error))
    return FALSE;

  into = parent ? xa_clause_get_children (parent) : G_LIST_MODEL (self->clauses);

  /* _xa_template_find_in() lends the clause; hold it while it is out of the lists. */
  held = g_object_ref (clause);
  g_list_store_remove (from, old_position);
  xa_clause_set_kind (held, kind);
  if (!xa_clause_kind_is_numbered (kind))
    xa_clause_set_number (held, "");
  g_list_store_insert (G_LIST_STORE (into), MIN (position, g_list_model_get_n_items (into)), held);
  renumber (self, G_LIST_MODEL (from));
  if (into != G_LIST_MODEL (from))
    renumber (self, into);

  return TRUE;
}

/**
 * xa_template_new_blank:
 * @school_year: the start year, such as 2026
 * @name: the template's name
 *
 * A template to write from nothing: an empty title and one empty section, the lines
 * under the title that name the school, and the commission and the school signing side
 * by side, each with a seal, a line to sign, a date and an original of its own. Not
 * valid until the title and the section are written, so it cannot be saved before.
 *
 * Returns: (transfer full): the template, version 0
 */
XaTemplate *
xa_template_new_blank (int         school_year,
                       const char *name)
{
  g_autoptr(XaTemplate) self = _xa_template_new_empty ();
  g_autoptr(GPtrArray) signers = g_ptr_array_new_with_free_func ((GDestroyNotify) xa_signer_free);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) xa_form_line_free);
  XaSigner *signer;

  xa_template_set_school_year (self, school_year);
  xa_template_set_name (self, name);

  /* The document's words are Chinese whatever the interface's language: not translated. */
  g_ptr_array_add (lines, xa_form_line_new ("责任学校：", "{school_name}"));
  g_ptr_array_add (lines, xa_form_line_new ("第一责任人：", "{first_responsible}"));
  g_ptr_array_add (lines, xa_form_line_new ("直接责任人：", "{direct_responsible}"));
  xa_template_set_party_lines (self, lines);

  signer = xa_signer_new ("signature.commission", "commission", NULL, "{commission_name}(盖章)",
                          TRUE, "年　月　日", "区教委存");
  xa_signer_add_line (signer, "负责人签章：", NULL);
  g_ptr_array_add (signers, signer);
  signer = xa_signer_new ("signature.school", "school", NULL, "{school_name}(盖章)",
                          TRUE, "年　月　日", "学校存");
  xa_signer_add_line (signer, "负责人签名：", NULL);
  g_ptr_array_add (signers, signer);
  xa_template_set_signature (self, signers, XA_SIGNATURE_SIDE_BY_SIDE, NULL);

  xa_template_insert_clause (self, NULL, 0, XA_CLAUSE_KIND_TITLE, NULL);
  xa_template_insert_clause (self, NULL, 1, XA_CLAUSE_KIND_SECTION, NULL);

  return g_steal_pointer (&self);
}

/**
 * xa_template_dup_new_id:
 *
 * Returns: (transfer full): an id that no clause and no party of @self has, for a new
 *   party of the signature block
 */
char *
xa_template_dup_new_id (XaTemplate *self)
{
  g_return_val_if_fail (XA_IS_TEMPLATE (self), NULL);

  return new_clause_id (self);
}
