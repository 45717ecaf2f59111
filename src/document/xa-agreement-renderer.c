/* xa-agreement-renderer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Turns a template's clause tree, filled with one school's values, into paragraphs of the
 * GB/T 9704 page layout: sections in 黑体, items with their heading in 楷体, lists in 仿宋.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-agreement-renderer.h"

static void add_clauses (XaPageLayout           *layout,
                         GListModel             *clauses,
                         const XaTemplateValues *values);

static void
add_clause (XaPageLayout           *layout,
            XaClause               *clause,
            const XaTemplateValues *values)
{
  g_autofree char *number_heading = g_strconcat (xa_clause_get_number (clause),
                                                 xa_clause_get_heading (clause), NULL);
  g_autofree char *lead = xa_template_expand (number_heading, values);
  g_autofree char *text = xa_template_expand (xa_clause_get_text (clause), values);
  XaClauseKind kind = xa_clause_get_kind (clause);

  switch (kind)
    {
    case XA_CLAUSE_KIND_TITLE:
      xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_TITLE, NULL, text);
      break;

    case XA_CLAUSE_KIND_SECTION:
      {
        g_autofree char *heading = g_strconcat (lead, text, NULL);

        xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_HEADING_1, NULL, heading);
      }
      break;

    case XA_CLAUSE_KIND_ITEM:
      /* An item without a heading of its own is a numbered paragraph: its number stays
       * in the body face rather than setting a lone （一） in 楷体. */
      if (xa_clause_get_heading (clause)[0] != '\0')
        xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_HEADING_2, lead, text);
      else
        xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_BODY, lead, text);
      break;

    case XA_CLAUSE_KIND_LIST:
      xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_HEADING_3, lead, text);
      break;

    case XA_CLAUSE_KIND_SUBLIST:
      xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_HEADING_4, lead, text);
      break;

    case XA_CLAUSE_KIND_PREAMBLE:
    case XA_CLAUSE_KIND_PARAGRAPH:
    case XA_CLAUSE_KIND_CLOSING:
    default:
      xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_BODY, lead[0] ? lead : NULL, text);
      break;
    }

  add_clauses (layout, xa_clause_get_children (clause), values);
}

static void
add_clauses (XaPageLayout           *layout,
             GListModel             *clauses,
             const XaTemplateValues *values)
{
  guint n = clauses ? g_list_model_get_n_items (clauses) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XaClause) clause = g_list_model_get_item (clauses, i);

      add_clause (layout, clause, values);
    }
}

/**
 * xa_agreement_copy_to_label:
 *
 * Returns: (nullable): the small footer mark of a copy, or %NULL for none
 */
const char *
xa_agreement_copy_to_label (XaAgreementCopy copy)
{
  switch (copy)
    {
    case XA_AGREEMENT_COPY_COMMISSION:
      /* Translators: the footer mark of the copy the commission keeps (一式两份). */
      return _("Commission's copy");
    case XA_AGREEMENT_COPY_SCHOOL:
      /* Translators: the footer mark of the copy the school keeps (一式两份). */
      return _("School's copy");
    case XA_AGREEMENT_COPY_NONE:
    default:
      return NULL;
    }
}

/**
 * xa_agreement_layout_new:
 * @values: the school's own fields for the placeholders
 * @copy: which original this is
 *
 * Returns: (transfer full): the agreement laid out, ready to draw or write as PDF
 */
XaPageLayout *
xa_agreement_layout_new (XaTemplate             *template,
                         const XaTemplateValues *values,
                         XaAgreementCopy         copy,
                         XaFontResolver         *fonts)
{
  g_autoptr(XaPageLayout) layout = NULL;
  g_autofree char *school_year = NULL;
  g_autofree char *left_unit = NULL;
  g_autofree char *right_unit = NULL;
  XaClause *title;

  g_return_val_if_fail (XA_IS_TEMPLATE (template), NULL);
  g_return_val_if_fail (values != NULL, NULL);
  g_return_val_if_fail (XA_IS_FONT_RESOLVER (fonts), NULL);

  layout = xa_page_layout_new (fonts);
  add_clauses (layout, xa_template_get_clauses (template), values);

  left_unit = xa_template_expand (xa_template_get_party_unit (template, XA_PARTY_COMMISSION), values);
  right_unit = xa_template_expand (xa_template_get_party_unit (template, XA_PARTY_SCHOOL), values);
  xa_page_layout_set_signature (layout,
                                left_unit,
                                xa_template_get_party_sign (template, XA_PARTY_COMMISSION),
                                xa_template_get_party_date (template, XA_PARTY_COMMISSION),
                                right_unit,
                                xa_template_get_party_sign (template, XA_PARTY_SCHOOL),
                                xa_template_get_party_date (template, XA_PARTY_SCHOOL));
  xa_page_layout_set_footer_label (layout, xa_agreement_copy_to_label (copy));

  title = xa_template_find_clause (template, "title");
  school_year = xa_template_expand ("{school_year}", values);
  if (title != NULL)
    {
      g_autofree char *title_text = xa_template_expand (xa_clause_get_text (title), values);

      g_strdelimit (title_text, "\n", ' ');
      xa_page_layout_set_metadata (layout, title_text, values->commission_name, school_year);
    }

  return g_steal_pointer (&layout);
}
