/* xa-scheme-compare.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two schemes compared (two years, or two versions of one year): the indicators, groups
 * and veto items added, removed or changed, with what changed as one Chinese line.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-scheme-private.h"

static void
add_change (GPtrArray          *changes,
            XaSchemeChangeKind  kind,
            const char         *code,
            char               *summary)
{
  XaSchemeChange *change = g_new0 (XaSchemeChange, 1);

  change->kind = kind;
  change->code = g_strdup (code);
  change->summary = summary;
  g_ptr_array_add (changes, change);
}

static void
append_field (GString    *text,
              const char *field)
{
  if (text->len > 0)
    g_string_append (text, _("; "));
  g_string_append (text, field);
}

static void
append_points (GString    *text,
               const char *field,
               double      a,
               double      b)
{
  g_autofree char *old_text = xa_points_format (a);
  g_autofree char *new_text = xa_points_format (b);
  g_autofree char *line = g_strdup_printf (_("%s %s → %s"), field, old_text, new_text);

  append_field (text, line);
}

static char *
describe_indicator_change (XaIndicator *a,
                           XaIndicator *b)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (g_strcmp0 (xa_indicator_get_group (a), xa_indicator_get_group (b)) != 0)
    {
      g_autofree char *line = g_strdup_printf (_("first-level indicator %s → %s"),
                                               xa_indicator_get_group (a), xa_indicator_get_group (b));
      append_field (text, line);
    }
  if (xa_indicator_get_points (a) != xa_indicator_get_points (b))
    append_points (text, _("points"), xa_indicator_get_points (a), xa_indicator_get_points (b));
  if (g_strcmp0 (xa_indicator_get_content (a), xa_indicator_get_content (b)) != 0)
    append_field (text, _("content changed"));
  if (g_strcmp0 (xa_indicator_get_standard (a), xa_indicator_get_standard (b)) != 0)
    append_field (text, _("deduction standard changed"));
  if (g_strcmp0 (xa_indicator_get_method (a), xa_indicator_get_method (b)) != 0)
    append_field (text, _("method changed"));
  if (!g_strv_equal (xa_indicator_get_clause_ids (a), xa_indicator_get_clause_ids (b)))
    append_field (text, _("agreement clauses changed"));
  if (g_strcmp0 (xa_indicator_get_evidence_source (a), xa_indicator_get_evidence_source (b)) != 0)
    append_field (text, _("evidence source changed"));
  {
    g_autofree char *rule_a = xa_indicator_describe_rule (a);
    g_autofree char *rule_b = xa_indicator_describe_rule (b);

    if (g_strcmp0 (rule_a, rule_b) != 0)
      {
        g_autofree char *line = g_strdup_printf (_("rule: %s → %s"), rule_a, rule_b);
        append_field (text, line);
      }
  }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/**
 * xa_scheme_compare:
 *
 * Returns: (transfer full) (element-type XaSchemeChange): what @new_scheme changes of
 *   @old_scheme: groups, indicators (in @new_scheme's order, removed ones after), veto
 *   items, the H rule, the grade cut-offs and the total; empty when they say the same
 */
GPtrArray *
xa_scheme_compare (XaScheme *old_scheme,
                   XaScheme *new_scheme)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) xa_scheme_change_free);

  g_return_val_if_fail (XA_IS_SCHEME (old_scheme) && XA_IS_SCHEME (new_scheme), changes);

  if (old_scheme->total != new_scheme->total)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      append_points (text, _("total"), old_scheme->total, new_scheme->total);
      add_change (changes, XA_SCHEME_CHANGE_CHANGED, "total", g_string_free (g_steal_pointer (&text), FALSE));
    }

  for (guint i = 0; i < new_scheme->groups->len; i++)
    {
      const XaSchemeGroup *group = &g_array_index (new_scheme->groups, XaSchemeGroup, i);
      const XaSchemeGroup *old = xa_scheme_find_group (old_scheme, group->code);

      if (old == NULL)
        add_change (changes, XA_SCHEME_CHANGE_ADDED, group->code, g_strdup (group->title));
      else if (old->points != group->points || g_strcmp0 (old->title, group->title) != 0)
        {
          g_autoptr(GString) text = g_string_new (NULL);

          if (g_strcmp0 (old->title, group->title) != 0)
            append_field (text, _("title changed"));
          if (old->points != group->points)
            append_points (text, _("points"), old->points, group->points);
          add_change (changes, XA_SCHEME_CHANGE_CHANGED, group->code, g_string_free (g_steal_pointer (&text), FALSE));
        }
    }
  for (guint i = 0; i < old_scheme->groups->len; i++)
    {
      const XaSchemeGroup *group = &g_array_index (old_scheme->groups, XaSchemeGroup, i);

      if (xa_scheme_find_group (new_scheme, group->code) == NULL)
        add_change (changes, XA_SCHEME_CHANGE_REMOVED, group->code, g_strdup (group->title));
    }

  for (guint i = 0; i < new_scheme->indicators->len; i++)
    {
      XaIndicator *indicator = g_ptr_array_index (new_scheme->indicators, i);
      XaIndicator *old = xa_scheme_find_indicator (old_scheme, xa_indicator_get_code (indicator));
      char *summary;

      if (old == NULL)
        add_change (changes, XA_SCHEME_CHANGE_ADDED, xa_indicator_get_code (indicator),
                    g_strdup (xa_indicator_get_content (indicator)));
      else if ((summary = describe_indicator_change (old, indicator)) != NULL)
        add_change (changes, XA_SCHEME_CHANGE_CHANGED, xa_indicator_get_code (indicator), summary);
    }
  for (guint i = 0; i < old_scheme->indicators->len; i++)
    {
      XaIndicator *indicator = g_ptr_array_index (old_scheme->indicators, i);

      if (xa_scheme_find_indicator (new_scheme, xa_indicator_get_code (indicator)) == NULL)
        add_change (changes, XA_SCHEME_CHANGE_REMOVED, xa_indicator_get_code (indicator),
                    g_strdup (xa_indicator_get_content (indicator)));
    }

  for (guint i = 0; i < new_scheme->vetoes->len; i++)
    {
      const XaSchemeVeto *veto = &g_array_index (new_scheme->vetoes, XaSchemeVeto, i);
      const XaSchemeVeto *old = xa_scheme_find_veto (old_scheme, veto->code);

      if (old == NULL)
        add_change (changes, XA_SCHEME_CHANGE_ADDED, veto->code, g_strdup (veto->text));
      else if (g_strcmp0 (old->text, veto->text) != 0 || g_strcmp0 (old->basis, veto->basis) != 0)
        add_change (changes, XA_SCHEME_CHANGE_CHANGED, veto->code, g_strdup (_("situation or basis changed")));
    }
  for (guint i = 0; i < old_scheme->vetoes->len; i++)
    {
      const XaSchemeVeto *veto = &g_array_index (old_scheme->vetoes, XaSchemeVeto, i);

      if (xa_scheme_find_veto (new_scheme, veto->code) == NULL)
        add_change (changes, XA_SCHEME_CHANGE_REMOVED, veto->code, g_strdup (veto->text));
    }

  if (old_scheme->h_points != new_scheme->h_points || g_strcmp0 (old_scheme->h_text, new_scheme->h_text) != 0)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      if (old_scheme->h_points != new_scheme->h_points)
        append_points (text, _("points per event"), old_scheme->h_points, new_scheme->h_points);
      if (g_strcmp0 (old_scheme->h_text, new_scheme->h_text) != 0)
        append_field (text, _("text changed"));
      add_change (changes, XA_SCHEME_CHANGE_CHANGED, "H", g_string_free (g_steal_pointer (&text), FALSE));
    }
  if (old_scheme->excellent != new_scheme->excellent || old_scheme->good != new_scheme->good ||
      old_scheme->pass != new_scheme->pass)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      if (old_scheme->excellent != new_scheme->excellent)
        append_points (text, _("Excellent"), old_scheme->excellent, new_scheme->excellent);
      if (old_scheme->good != new_scheme->good)
        append_points (text, _("Good"), old_scheme->good, new_scheme->good);
      if (old_scheme->pass != new_scheme->pass)
        append_points (text, _("Pass"), old_scheme->pass, new_scheme->pass);
      add_change (changes, XA_SCHEME_CHANGE_CHANGED, "grades", g_string_free (g_steal_pointer (&text), FALSE));
    }
  return changes;
}
