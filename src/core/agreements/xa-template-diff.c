/* xa-template-diff.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Compares two templates clause by clause: the clause ids are stable across versions and
 * years (xa_template_library_copy_to_next_year() keeps them), so a clause is the same
 * clause when its id is, whatever its number or text became.
 *
 * What a school signs is its template version and, after it, the school's supplementary
 * clauses (补充条款): two agreements, or an agreement and its template, are compared as
 * those two texts. The school's clauses come last, under a parent of their own that no
 * template clause shares, each change marked as the school's; a clause is the same clause
 * in two revisions when its copy's UUID is the one derived from it
 * (xa_agreement_dup_revised_supplement_uuid()).
 */

#include "config.h"

#include "xa-template-diff.h"
#include "xa-template-change-private.h"

/* The ids of the school's clauses in a comparison, and their parent: a prefix that no
 * template clause's id has (they are "s1.2" or UUIDs). */
#define SUPPLEMENT_PREFIX "supplement:"

typedef struct
{
  XaClause   *clause;      /* borrowed from its template */
  const char *parent_id;   /* "" at the top level */
} Place;

struct _XaTemplateDiff
{
  GObject     parent_instance;

  /* Owned references */
  XaTemplate *old_template;
  XaTemplate *new_template;
  XaAgreement *old_agreement;    /* nullable: the template alone */
  XaAgreement *new_agreement;
  GListStore *old_supplements;   /* XaClause, the school's clauses as compared */
  GListStore *new_supplements;
  GPtrArray  *changes;

  GHashTable *by_id;        /* clause id → XaTemplateChange, borrowed from changes */
  GHashTable *old_places;   /* clause id → Place */
  GHashTable *new_places;

  /* State */
  gboolean    emitting_supplements;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (XaTemplateDiff, xa_template_diff, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
index_clauses (GHashTable *places,
               GListModel *clauses,
               const char *parent_id)
{
  guint n = g_list_model_get_n_items (clauses);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XaClause) clause = g_list_model_get_item (clauses, i);
      Place *place = g_new0 (Place, 1);

      place->clause = clause;
      place->parent_id = parent_id;
      g_hash_table_insert (places, (gpointer) xa_clause_get_id (clause), place);
      index_clauses (places, xa_clause_get_children (clause), xa_clause_get_id (clause));
    }
}

static void
add_change (XaTemplateDiff        *self,
            XaClause              *old_clause,
            XaClause              *new_clause,
            XaTemplateChangeFlags  flags,
            guint                  depth)
{
  XaTemplateChange *change = xa_template_change_new (old_clause, new_clause, flags, depth);

  _xa_template_change_set_supplement (change, self->emitting_supplements);
  g_ptr_array_add (self->changes, change);
  g_hash_table_insert (self->by_id, (gpointer) xa_template_change_get_clause_id (change), change);
}

/* Clauses that kept their parent but not their order: those outside the longest common
 * subsequence of the two orders. Moving one item up moves one item, not all it passed. */
static void
find_reordered (GPtrArray  *old_order,
                GPtrArray  *new_order,
                GHashTable *moved)
{
  guint n = old_order->len;
  guint m = new_order->len;
  g_autofree guint *lcs = g_new0 (guint, (n + 1) * (m + 1));
  guint i = 0;
  guint j = 0;

#define LCS(x, y) lcs[(x) * (m + 1) + (y)]
  for (guint x = n; x-- > 0;)
    for (guint y = m; y-- > 0;)
      LCS (x, y) = g_str_equal (old_order->pdata[x], new_order->pdata[y])
                   ? LCS (x + 1, y + 1) + 1
                   : MAX (LCS (x + 1, y), LCS (x, y + 1));

  while (i < n && j < m)
    {
      if (g_str_equal (old_order->pdata[i], new_order->pdata[j]))
        i++, j++;
      else if (LCS (i + 1, j) >= LCS (i, j + 1))
        g_hash_table_add (moved, old_order->pdata[i++]);
      else
        g_hash_table_add (moved, new_order->pdata[j++]);
    }
  while (i < n)
    g_hash_table_add (moved, old_order->pdata[i++]);
  while (j < m)
    g_hash_table_add (moved, new_order->pdata[j++]);
#undef LCS
}

static void
emit_removed (XaTemplateDiff *self,
              XaClause       *clause,
              guint           depth)
{
  GListModel *children = xa_clause_get_children (clause);
  guint n = g_list_model_get_n_items (children);

  add_change (self, clause, NULL, XA_TEMPLATE_CHANGE_NONE, depth);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XaClause) child = g_list_model_get_item (children, i);

      /* A child that lives on elsewhere is listed there, as moved. */
      if (!g_hash_table_contains (self->new_places, xa_clause_get_id (child)))
        emit_removed (self, child, depth + 1);
    }
}

static void
emit_removed_after (XaTemplateDiff *self,
                    GPtrArray      *removed,
                    GPtrArray      *anchors,
                    const char     *anchor,
                    guint           depth)
{
  for (guint i = 0; i < removed->len; i++)
    {
      if (removed->pdata[i] != NULL && g_strcmp0 (anchors->pdata[i], anchor) == 0)
        {
          emit_removed (self, removed->pdata[i], depth);
          removed->pdata[i] = NULL;
        }
    }
}

static void
emit_children (XaTemplateDiff *self,
               const char     *parent_id,
               GListModel     *new_children,
               GListModel     *old_children,
               guint           depth)
{
  g_autoptr(GHashTable) moved = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) old_order = g_ptr_array_new ();
  g_autoptr(GPtrArray) new_order = g_ptr_array_new ();
  g_autoptr(GPtrArray) removed = g_ptr_array_new ();
  g_autoptr(GPtrArray) anchors = g_ptr_array_new ();
  guint n_new = g_list_model_get_n_items (new_children);
  guint n_old = old_children ? g_list_model_get_n_items (old_children) : 0;
  const char *anchor = NULL;

  /* Removed clauses stay where they stood: after the last clause before them that is
   * still there. */
  for (guint i = 0; i < n_old; i++)
    {
      g_autoptr(XaClause) child = g_list_model_get_item (old_children, i);
      const char *id = xa_clause_get_id (child);
      Place *now = g_hash_table_lookup (self->new_places, id);

      if (now == NULL)
        {
          g_ptr_array_add (removed, child);
          g_ptr_array_add (anchors, (gpointer) anchor);
          continue;
        }

      anchor = id;
      if (g_str_equal (now->parent_id, parent_id))
        g_ptr_array_add (old_order, (gpointer) id);
    }

  for (guint i = 0; i < n_new; i++)
    {
      g_autoptr(XaClause) child = g_list_model_get_item (new_children, i);
      const char *id = xa_clause_get_id (child);
      Place *before = g_hash_table_lookup (self->old_places, id);

      if (before == NULL)
        continue;
      if (g_str_equal (before->parent_id, parent_id))
        g_ptr_array_add (new_order, (gpointer) id);
      else
        g_hash_table_add (moved, (gpointer) id);
    }

  find_reordered (old_order, new_order, moved);

  emit_removed_after (self, removed, anchors, NULL, depth);

  for (guint i = 0; i < n_new; i++)
    {
      g_autoptr(XaClause) child = g_list_model_get_item (new_children, i);
      const char *id = xa_clause_get_id (child);
      Place *before = g_hash_table_lookup (self->old_places, id);

      add_change (self, before ? before->clause : NULL, child,
                  g_hash_table_contains (moved, id) ? XA_TEMPLATE_CHANGE_MOVED : XA_TEMPLATE_CHANGE_NONE,
                  depth);
      emit_children (self, id, xa_clause_get_children (child),
                     before ? xa_clause_get_children (before->clause) : NULL, depth + 1);
      emit_removed_after (self, removed, anchors, id, depth);
    }

  /* Those whose anchor moved away come at the end of their old parent. */
  for (guint i = 0; i < removed->len; i++)
    {
      if (removed->pdata[i] != NULL)
        emit_removed (self, removed->pdata[i], depth);
    }
}

/* How many revisions @new_agreement is after @old_agreement in one chain of revisions,
 * or -1 when it is not after it: another school's, another year's, or older. */
static int
revisions_between (XaAgreement *old_agreement,
                   XaAgreement *new_agreement)
{
  int steps = xa_agreement_get_revision (new_agreement) - xa_agreement_get_revision (old_agreement);

  if (g_strcmp0 (xa_agreement_get_uuid (old_agreement), xa_agreement_get_uuid (new_agreement)) == 0)
    return 0;
  if (g_strcmp0 (xa_agreement_get_school_uuid (old_agreement), xa_agreement_get_school_uuid (new_agreement)) != 0 ||
      xa_agreement_get_school_year (old_agreement) != xa_agreement_get_school_year (new_agreement) ||
      steps <= 0)
    return -1;

  return steps;
}

/* The UUID that the clause @uuid of @old_agreement has in @new_agreement when it was
 * carried into it, revision after revision. */
static char *
dup_carried_uuid (const char *uuid,
                  int         steps)
{
  g_autofree char *carried = g_strdup (uuid);

  for (int i = 0; i < steps; i++)
    {
      char *next = xa_agreement_dup_revised_supplement_uuid (carried);

      g_free (carried);
      carried = next;
    }

  return g_steal_pointer (&carried);
}

/* An old clause that no new one carries on (revisions made before the UUIDs were
 * derived, or agreements of two schools) is the same as the first unclaimed new clause
 * of the same text: what reads the same is not shown as removed and added. */
static void
match_equal_texts (GPtrArray   *old_keys,
                   XaAgreement *old_agreement,
                   XaAgreement *new_agreement)
{
  g_autoptr(GHashTable) claimed = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_new = xa_agreement_get_n_supplements (new_agreement);

  for (guint j = 0; j < n_new; j++)
    for (guint i = 0; i < old_keys->len; i++)
      if (g_str_equal (old_keys->pdata[i], xa_agreement_get_supplement_uuid (new_agreement, j)))
        g_hash_table_add (claimed, (gpointer) xa_agreement_get_supplement_uuid (new_agreement, j));

  for (guint i = 0; i < old_keys->len; i++)
    {
      const char *text = xa_agreement_get_supplements (old_agreement)[i];

      if (g_hash_table_contains (claimed, old_keys->pdata[i]))
        continue;

      for (guint j = 0; j < n_new; j++)
        {
          const char *uuid = xa_agreement_get_supplement_uuid (new_agreement, j);

          if (!g_hash_table_contains (claimed, uuid) &&
              g_str_equal (xa_agreement_get_supplements (new_agreement)[j], text))
            {
              g_free (old_keys->pdata[i]);
              old_keys->pdata[i] = g_strdup (uuid);
              g_hash_table_add (claimed, (gpointer) uuid);
              break;
            }
        }
    }
}

/* The school's clauses as clauses of a comparison: numbered as printed (1. 2. …), with
 * the ids @keys. */
static void
add_supplement_clauses (GListStore         *store,
                        const char * const *texts,
                        GPtrArray          *keys)
{
  for (guint i = 0; i < keys->len; i++)
    {
      g_autofree char *id = g_strconcat (SUPPLEMENT_PREFIX, keys->pdata[i], NULL);
      g_autofree char *number = xa_clause_kind_format_number (XA_CLAUSE_KIND_LIST, i + 1);
      g_autoptr(XaClause) clause = xa_clause_new (id, XA_CLAUSE_KIND_LIST);

      xa_clause_set_number (clause, number);
      xa_clause_set_text (clause, texts[i]);
      g_list_store_append (store, clause);
    }
}

static void
compare_supplements (XaTemplateDiff *self)
{
  g_autoptr(GPtrArray) old_keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) new_keys = g_ptr_array_new_with_free_func (g_free);
  guint n_old = self->old_agreement ? xa_agreement_get_n_supplements (self->old_agreement) : 0;
  guint n_new = self->new_agreement ? xa_agreement_get_n_supplements (self->new_agreement) : 0;

  for (guint j = 0; j < n_new; j++)
    g_ptr_array_add (new_keys, g_strdup (xa_agreement_get_supplement_uuid (self->new_agreement, j)));

  if (n_old > 0)
    {
      int steps = n_new > 0 ? revisions_between (self->old_agreement, self->new_agreement) : -1;

      for (guint i = 0; i < n_old; i++)
        {
          const char *uuid = xa_agreement_get_supplement_uuid (self->old_agreement, i);

          g_ptr_array_add (old_keys, steps >= 0 ? dup_carried_uuid (uuid, steps) : g_strdup (uuid));
        }
      if (n_new > 0)
        match_equal_texts (old_keys, self->old_agreement, self->new_agreement);
      add_supplement_clauses (self->old_supplements, xa_agreement_get_supplements (self->old_agreement),
                              old_keys);
    }

  if (n_new > 0)
    add_supplement_clauses (self->new_supplements, xa_agreement_get_supplements (self->new_agreement),
                            new_keys);

  index_clauses (self->old_places, G_LIST_MODEL (self->old_supplements), SUPPLEMENT_PREFIX);
  index_clauses (self->new_places, G_LIST_MODEL (self->new_supplements), SUPPLEMENT_PREFIX);

  /* One level down, as under the heading that the PDF prints over them. */
  self->emitting_supplements = TRUE;
  emit_children (self, SUPPLEMENT_PREFIX, G_LIST_MODEL (self->new_supplements),
                 G_LIST_MODEL (self->old_supplements), 1);
  self->emitting_supplements = FALSE;
}

static GType
xa_template_diff_get_item_type (GListModel *model)
{
  return XA_TYPE_TEMPLATE_CHANGE;
}

static guint
xa_template_diff_get_n_items (GListModel *model)
{
  return XA_TEMPLATE_DIFF (model)->changes->len;
}

static gpointer
xa_template_diff_get_item (GListModel *model,
                           guint       position)
{
  XaTemplateDiff *self = XA_TEMPLATE_DIFF (model);

  if (position >= self->changes->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->changes, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = xa_template_diff_get_item_type;
  iface->get_n_items = xa_template_diff_get_n_items;
  iface->get_item = xa_template_diff_get_item;
}

static void
xa_template_diff_finalize (GObject *object)
{
  XaTemplateDiff *self = XA_TEMPLATE_DIFF (object);

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->old_places, g_hash_table_unref);
  g_clear_pointer (&self->new_places, g_hash_table_unref);
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_clear_object (&self->old_supplements);
  g_clear_object (&self->new_supplements);
  g_clear_object (&self->old_agreement);
  g_clear_object (&self->new_agreement);
  g_clear_object (&self->old_template);
  g_clear_object (&self->new_template);

  G_OBJECT_CLASS (xa_template_diff_parent_class)->finalize (object);
}

static void
xa_template_diff_class_init (XaTemplateDiffClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xa_template_diff_finalize;
}

static void
xa_template_diff_init (XaTemplateDiff *self)
{
  self->changes = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->old_places = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->new_places = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->old_supplements = g_list_store_new (XA_TYPE_CLAUSE);
  self->new_supplements = g_list_store_new (XA_TYPE_CLAUSE);
}

/**
 * xa_template_diff_new:
 * @old_template: the older template, such as last year's
 * @new_template: the newer one
 *
 * Compares the two. The templates are held, not copied: compare copies if they are
 * still being edited.
 *
 * Returns: (transfer full): the comparison
 */
XaTemplateDiff *
xa_template_diff_new (XaTemplate *old_template,
                      XaTemplate *new_template)
{
  g_return_val_if_fail (XA_IS_TEMPLATE (old_template), NULL);
  g_return_val_if_fail (XA_IS_TEMPLATE (new_template), NULL);

  return xa_template_diff_new_for_agreements (old_template, NULL, new_template, NULL);
}

/**
 * xa_template_diff_new_for_agreements:
 * @old_template: the template version @old_agreement was made from, or the template
 *   alone
 * @old_agreement: (nullable): the older agreement; %NULL compares @new_agreement with
 *   the template, whose text has no clause of the school
 * @new_template: the template version @new_agreement was made from
 * @new_agreement: (nullable): the newer agreement, such as the revision that supersedes
 *   @old_agreement
 *
 * Compares two texts that a school signs: a template's clauses, then the school's
 * supplementary clauses, which come last, one level down, each change marked
 * (xa_template_change_is_supplement()). A clause of the school is the same in two
 * revisions when it was carried from one into the other, so that an edit of it shows as
 * a change of its text. The templates and agreements are held, not copied: give copies
 * that nobody changes.
 *
 * Returns: (transfer full): the comparison
 */
XaTemplateDiff *
xa_template_diff_new_for_agreements (XaTemplate  *old_template,
                                     XaAgreement *old_agreement,
                                     XaTemplate  *new_template,
                                     XaAgreement *new_agreement)
{
  XaTemplateDiff *self;

  g_return_val_if_fail (XA_IS_TEMPLATE (old_template), NULL);
  g_return_val_if_fail (old_agreement == NULL || XA_IS_AGREEMENT (old_agreement), NULL);
  g_return_val_if_fail (XA_IS_TEMPLATE (new_template), NULL);
  g_return_val_if_fail (new_agreement == NULL || XA_IS_AGREEMENT (new_agreement), NULL);

  self = g_object_new (XA_TYPE_TEMPLATE_DIFF, NULL);
  self->old_template = g_object_ref (old_template);
  self->new_template = g_object_ref (new_template);
  self->old_agreement = old_agreement ? g_object_ref (old_agreement) : NULL;
  self->new_agreement = new_agreement ? g_object_ref (new_agreement) : NULL;

  index_clauses (self->old_places, xa_template_get_clauses (old_template), "");
  index_clauses (self->new_places, xa_template_get_clauses (new_template), "");
  emit_children (self, "", xa_template_get_clauses (new_template),
                 xa_template_get_clauses (old_template), 0);
  compare_supplements (self);

  return self;
}

/**
 * xa_template_diff_get_old:
 *
 * Returns: (transfer none): the older template
 */
XaTemplate *
xa_template_diff_get_old (XaTemplateDiff *self)
{
  g_return_val_if_fail (XA_IS_TEMPLATE_DIFF (self), NULL);

  return self->old_template;
}

/**
 * xa_template_diff_get_new:
 *
 * Returns: (transfer none): the newer template
 */
XaTemplate *
xa_template_diff_get_new (XaTemplateDiff *self)
{
  g_return_val_if_fail (XA_IS_TEMPLATE_DIFF (self), NULL);

  return self->new_template;
}

/**
 * xa_template_diff_get_old_agreement:
 *
 * Returns: (transfer none) (nullable): the older agreement, %NULL when the older text is
 *   a template alone
 */
XaAgreement *
xa_template_diff_get_old_agreement (XaTemplateDiff *self)
{
  g_return_val_if_fail (XA_IS_TEMPLATE_DIFF (self), NULL);

  return self->old_agreement;
}

/**
 * xa_template_diff_get_new_agreement:
 *
 * Returns: (transfer none) (nullable): the newer agreement, %NULL in a comparison of two
 *   templates
 */
XaAgreement *
xa_template_diff_get_new_agreement (XaTemplateDiff *self)
{
  g_return_val_if_fail (XA_IS_TEMPLATE_DIFF (self), NULL);

  return self->new_agreement;
}

/**
 * xa_template_diff_find:
 *
 * Returns: (transfer none) (nullable): the change of the clause @clause_id, in either
 *   template
 */
XaTemplateChange *
xa_template_diff_find (XaTemplateDiff *self,
                       const char     *clause_id)
{
  g_return_val_if_fail (XA_IS_TEMPLATE_DIFF (self), NULL);
  g_return_val_if_fail (clause_id != NULL, NULL);

  return g_hash_table_lookup (self->by_id, clause_id);
}

/**
 * xa_template_diff_count:
 * @flags: the changes to count; %XA_TEMPLATE_CHANGE_NONE counts unchanged clauses
 *
 * Returns: how many clauses have any of @flags
 */
static guint
count_changes (XaTemplateDiff        *self,
               XaTemplateChangeFlags  flags,
               gboolean               supplements_only)
{
  guint count = 0;

  for (guint i = 0; i < self->changes->len; i++)
    {
      XaTemplateChange *change = self->changes->pdata[i];
      XaTemplateChangeFlags change_flags = xa_template_change_get_flags (change);

      if (supplements_only && !xa_template_change_is_supplement (change))
        continue;
      if (flags == XA_TEMPLATE_CHANGE_NONE ? change_flags == 0 : (change_flags & flags) != 0)
        count++;
    }

  return count;
}

guint
xa_template_diff_count (XaTemplateDiff        *self,
                        XaTemplateChangeFlags  flags)
{
  g_return_val_if_fail (XA_IS_TEMPLATE_DIFF (self), 0);

  return count_changes (self, flags, FALSE);
}

/**
 * xa_template_diff_count_supplements:
 * @flags: as for xa_template_diff_count()
 *
 * Returns: how many of the school's supplementary clauses have any of @flags
 */
guint
xa_template_diff_count_supplements (XaTemplateDiff        *self,
                                    XaTemplateChangeFlags  flags)
{
  g_return_val_if_fail (XA_IS_TEMPLATE_DIFF (self), 0);

  return count_changes (self, flags, TRUE);
}
