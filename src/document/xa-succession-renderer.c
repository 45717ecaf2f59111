/* xa-succession-renderer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The successor's acknowledgement (继任履责确认): when a school's 第一责任人 changes during
 * the school year, the agreement is not signed again (its closing clause says the
 * successor carries it on), but the successor confirms in writing that they do. One
 * page, laid out like the agreement, with its own signature block, in Chinese whatever
 * language the interface speaks.
 */

#include "config.h"

#include <string.h>

#include "xa-succession-renderer.h"
#include "xa-document-words.h"
#include "core/registry/xa-role.h"
#include "core/util/xa-date.h"

/* The top-level section whose clauses mention the successor, as “四、附则”, so that the
 * acknowledgement can point at the clause it relies on. */
static char *
find_succession_section (XaTemplate             *template,
                         const XaTemplateValues *values)
{
  GListModel *sections = xa_template_get_clauses (template);
  guint n = g_list_model_get_n_items (sections);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XaClause) section = g_list_model_get_item (sections, i);
      GListModel *children = xa_clause_get_children (section);
      guint n_children = children ? g_list_model_get_n_items (children) : 0;

      for (guint j = 0; j < n_children; j++)
        {
          g_autoptr(XaClause) clause = g_list_model_get_item (children, j);

          if (strstr (xa_clause_get_text (clause), "继任") != NULL)
            {
              g_autofree char *heading = g_strconcat (xa_clause_get_number (section),
                                                      xa_clause_get_heading (section), NULL);

              return xa_template_expand (heading, values);
            }
        }
    }

  return NULL;
}

/**
 * xa_succession_layout_new:
 * @template: the template version @agreement was made from
 * @copy: which original this is
 *
 * Returns: (transfer full) (nullable): the 继任履责确认 page, or %NULL when the school's
 *   第一责任人 did not change during the agreement's school year
 */
XaPageLayout *
xa_succession_layout_new (XaAgreement     *agreement,
                          XaTemplate      *template,
                          XaAgreementCopy  copy,
                          XaFontResolver  *fonts)
{
  g_autoptr(XaPageLayout) layout = NULL;
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;
  g_autofree char *year = NULL;
  g_autofree char *section = NULL;
  g_autofree char *change = NULL;
  g_autofree char *promise = NULL;
  g_autofree char *metadata_title = NULL;
  const char *role = xa_role_kind_to_chinese (XA_ROLE_KIND_FIRST_RESPONSIBLE);
  const char *successor;
  const char *predecessor;
  XaTemplateValues values;

  g_return_val_if_fail (XA_IS_AGREEMENT (agreement), NULL);
  g_return_val_if_fail (XA_IS_TEMPLATE (template), NULL);
  g_return_val_if_fail (XA_IS_FONT_RESOLVER (fonts), NULL);

  if ((successor = xa_agreement_get_successor (agreement)) == NULL)
    return NULL;

  xa_agreement_fill_values (agreement, template, &values);
  predecessor = values.first_responsible && values.first_responsible[0] ? values.first_responsible : XA_DOCUMENT_BLANK_NAME;
  date = xa_date_format_chinese (xa_agreement_get_handover_date (agreement));
  title = xa_agreement_dup_title (template, &values);
  if (title != NULL)
    {
      /* Quoted in running text, the title's line break goes away altogether. */
      g_autoptr(GString) joined = g_string_new (title);

      g_string_replace (joined, " ", "", 0);
      g_free (title);
      title = g_string_free (g_steal_pointer (&joined), FALSE);
    }
  year = xa_template_expand ("{school_year}", &values);
  section = find_succession_section (template, &values);

  layout = xa_page_layout_new (fonts);

  xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_TITLE, NULL, XA_DOCUMENT_SUCCESSION_TITLE);

  change = g_strdup_printf (XA_DOCUMENT_SUCCESSION_CHANGE, date, values.school_name, role,
                            predecessor, successor);
  xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_BODY, NULL, change);

  if (section != NULL)
    promise = g_strdup_printf (XA_DOCUMENT_SUCCESSION_PROMISE,
                               successor, date, role, title ? title : "", section, year);
  else
    promise = g_strdup_printf (XA_DOCUMENT_SUCCESSION_PROMISE_PLAIN,
                               successor, date, role, title ? title : "", year);
  xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_BODY, NULL, promise);

  xa_page_layout_set_signature (layout, xa_agreement_signature_block_new (template, &values, NULL,
                                                                         XA_DOCUMENT_SUCCESSION_SIGN));
  xa_page_layout_set_copy_label (layout, xa_agreement_copy_label_in (template, copy));

  metadata_title = g_strdup_printf (XA_DOCUMENT_TITLE_FOR_SCHOOL, XA_DOCUMENT_SUCCESSION_TITLE,
                                    values.school_name);
  xa_page_layout_set_metadata (layout, metadata_title, values.commission_name, year);

  return g_steal_pointer (&layout);
}
