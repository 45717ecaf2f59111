/* xa-agreement-renderer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Turns a template's clause tree, filled with one school's values, into paragraphs of the
 * GB/T 9704 page layout: sections in 黑体, items with their heading in 楷体, lists in 仿宋.
 *
 * The words it adds (the school line, the copy labels) are Chinese whatever language
 * the interface speaks: an official document is written in Chinese (xa-document-words.h).
 */

#include "config.h"

#include "xa-agreement-renderer.h"
#include "xa-document-words.h"
#include "core/registry/xa-role.h"
#include "core/util/xa-date.h"

/* What one agreement adds to the template's text: the lines that name the school and its
 * responsible people, set under the title where a 公文 names its addressee. */
typedef struct
{
  XaPageLayout            *layout;
  const XaTemplateValues  *values;
  const char * const      *parties;
} Builder;

static void add_clauses (Builder    *builder,
                         GListModel *clauses);

static void
add_clause (Builder  *builder,
            XaClause *clause)
{
  XaPageLayout *layout = builder->layout;
  const XaTemplateValues *values = builder->values;
  g_autofree char *number_heading = g_strconcat (xa_clause_get_number (clause),
                                                 xa_clause_get_heading (clause), NULL);
  g_autofree char *lead = xa_template_expand (number_heading, values);
  g_autofree char *text = xa_template_expand (xa_clause_get_text (clause), values);
  XaClauseKind kind = xa_clause_get_kind (clause);

  switch (kind)
    {
    case XA_CLAUSE_KIND_TITLE:
      xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_TITLE, NULL, text);
      for (guint i = 0; builder->parties != NULL && builder->parties[i] != NULL; i++)
        xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_FLUSH, NULL, builder->parties[i]);
      builder->parties = NULL;
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

  add_clauses (builder, xa_clause_get_children (clause));
}

static void
add_clauses (Builder    *builder,
             GListModel *clauses)
{
  guint n = clauses ? g_list_model_get_n_items (clauses) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XaClause) clause = g_list_model_get_item (clauses, i);

      add_clause (builder, clause);
    }
}

/* The school's supplementary clauses, after the template's text, in a section marked as
 * the school's; their placeholders are filled in as the template's are. */
static void
add_supplements (XaPageLayout           *layout,
                 XaAgreement            *agreement,
                 const XaTemplateValues *values)
{
  const char * const *supplements = xa_agreement_get_supplements (agreement);

  if (supplements[0] == NULL)
    return;

  xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_HEADING_1, NULL, XA_DOCUMENT_SUPPLEMENTS_HEADING);
  for (guint i = 0; supplements[i] != NULL; i++)
    {
      g_autofree char *number = g_strdup_printf (XA_DOCUMENT_SUPPLEMENT_NUMBER, i + 1);
      g_autofree char *text = xa_template_expand (supplements[i], values);

      xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_HEADING_3, number, text);
    }
}

/**
 * xa_agreement_copy_to_label:
 *
 * Returns: (nullable): the label of a copy at the top left of its first page, or %NULL
 *   for none
 */
const char *
xa_agreement_copy_to_label (XaAgreementCopy copy)
{
  switch (copy)
    {
    case XA_AGREEMENT_COPY_COMMISSION:
      return XA_DOCUMENT_COPY_COMMISSION;
    case XA_AGREEMENT_COPY_SCHOOL:
      return XA_DOCUMENT_COPY_SCHOOL;
    case XA_AGREEMENT_COPY_NONE:
    default:
      return NULL;
    }
}

/* @sign_date: (nullable): printed under both parties (2021年9月1日) instead of the
 * template's blank 年　月　日. */
static XaPageLayout *
build_layout (XaTemplate             *template,
              const XaTemplateValues *values,
              const char * const     *parties,
              const char             *sign_date,
              XaAgreementCopy         copy,
              XaFontResolver         *fonts)
{
  g_autoptr(XaPageLayout) layout = xa_page_layout_new (fonts);
  g_autofree char *school_year = NULL;
  g_autofree char *left_unit = NULL;
  g_autofree char *right_unit = NULL;
  g_autofree char *title_text = xa_agreement_dup_title (template, values);
  Builder builder = { layout, values, parties };

  add_clauses (&builder, xa_template_get_clauses (template));

  left_unit = xa_template_expand (xa_template_get_party_unit (template, XA_PARTY_COMMISSION), values);
  right_unit = xa_template_expand (xa_template_get_party_unit (template, XA_PARTY_SCHOOL), values);
  xa_page_layout_set_signature (layout,
                                left_unit,
                                xa_template_get_party_sign (template, XA_PARTY_COMMISSION),
                                sign_date ? sign_date : xa_template_get_party_date (template, XA_PARTY_COMMISSION),
                                right_unit,
                                xa_template_get_party_sign (template, XA_PARTY_SCHOOL),
                                sign_date ? sign_date : xa_template_get_party_date (template, XA_PARTY_SCHOOL));
  xa_page_layout_set_copy_label (layout, xa_agreement_copy_to_label (copy));

  school_year = xa_template_expand ("{school_year}", values);
  if (title_text != NULL)
    {
      /* A school's copy says whose it is, so that a folder of PDFs can be told apart. */
      g_autofree char *title = values->school_name && parties
                               ? g_strdup_printf (XA_DOCUMENT_TITLE_FOR_SCHOOL, title_text, values->school_name)
                               : g_strdup (title_text);

      xa_page_layout_set_metadata (layout, title, values->commission_name, school_year);
    }

  return g_steal_pointer (&layout);
}

/**
 * xa_agreement_dup_title:
 *
 * Returns: (transfer full) (nullable): the expanded title on one line, its line breaks
 *   as spaces, or %NULL when the template has no title
 */
char *
xa_agreement_dup_title (XaTemplate             *template,
                        const XaTemplateValues *values)
{
  XaClause *title;
  char *text;

  g_return_val_if_fail (XA_IS_TEMPLATE (template), NULL);

  if ((title = xa_template_find_clause (template, "title")) == NULL)
    return NULL;

  text = xa_template_expand (xa_clause_get_text (title), values);
  g_strdelimit (text, "\n", ' ');
  return text;
}

/**
 * xa_agreement_layout_new:
 * @values: the school's own fields for the placeholders
 * @copy: which original this is
 *
 * The template's text alone, as the commission issued it.
 *
 * Returns: (transfer full): the agreement laid out, ready to draw or write as PDF
 */
XaPageLayout *
xa_agreement_layout_new (XaTemplate             *template,
                         const XaTemplateValues *values,
                         XaAgreementCopy         copy,
                         XaFontResolver         *fonts)
{
  g_return_val_if_fail (XA_IS_TEMPLATE (template), NULL);
  g_return_val_if_fail (values != NULL, NULL);
  g_return_val_if_fail (XA_IS_FONT_RESOLVER (fonts), NULL);

  return build_layout (template, values, NULL, NULL, copy, fonts);
}

/**
 * xa_agreement_layout_new_for_agreement:
 * @template: the template version @agreement was made from
 * @copy: which original this is
 *
 * One school's agreement: the template's text with the school's fields, and under the
 * title the school and its 第一责任人 and 直接责任人; a 第一责任人 who took over during
 * the year is named with the handover date; after the text, the school's supplementary
 * clauses.
 *
 * Returns: (transfer full): the agreement laid out
 */
XaPageLayout *
xa_agreement_layout_new_for_agreement (XaAgreement     *agreement,
                                       XaTemplate      *template,
                                       XaAgreementCopy  copy,
                                       XaFontResolver  *fonts)
{
  XaTemplateValues values;
  g_autofree char *school_line = NULL;
  g_autofree char *first_line = NULL;
  g_autofree char *direct_line = NULL;
  g_autofree char *sign_date = NULL;
  const char *first = NULL;
  const char *direct = NULL;

  g_return_val_if_fail (XA_IS_AGREEMENT (agreement), NULL);
  g_return_val_if_fail (XA_IS_TEMPLATE (template), NULL);
  g_return_val_if_fail (XA_IS_FONT_RESOLVER (fonts), NULL);

  xa_agreement_fill_values (agreement, template, &values);
  first = values.first_responsible && values.first_responsible[0] ? values.first_responsible : XA_DOCUMENT_BLANK_NAME;
  direct = values.direct_responsible && values.direct_responsible[0] ? values.direct_responsible : XA_DOCUMENT_BLANK_NAME;

  school_line = g_strdup_printf (XA_DOCUMENT_PARTY_LINE, XA_DOCUMENT_SCHOOL, values.school_name);

  if (xa_agreement_get_successor (agreement) != NULL)
    {
      g_autofree char *date = xa_date_format_chinese (xa_agreement_get_handover_date (agreement));

      first_line = g_strdup_printf (XA_DOCUMENT_PARTY_LINE_SUCCEEDED,
                                    xa_role_kind_to_chinese (XA_ROLE_KIND_FIRST_RESPONSIBLE),
                                    first, date, xa_agreement_get_successor (agreement));
    }
  else
    first_line = g_strdup_printf (XA_DOCUMENT_PARTY_LINE,
                                  xa_role_kind_to_chinese (XA_ROLE_KIND_FIRST_RESPONSIBLE), first);

  direct_line = g_strdup_printf (XA_DOCUMENT_PARTY_LINE,
                                 xa_role_kind_to_chinese (XA_ROLE_KIND_DIRECT_RESPONSIBLE), direct);

  if (xa_agreement_get_sign_date (agreement) != NULL)
    sign_date = xa_date_format_chinese (xa_agreement_get_sign_date (agreement));

  {
    const char * const parties[] = { school_line, first_line, direct_line, NULL };
    XaPageLayout *layout = build_layout (template, &values, parties, sign_date, copy, fonts);

    add_supplements (layout, agreement, &values);
    return layout;
  }
}
