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

#include <string.h>

#include "xa-agreement-renderer.h"
#include "xa-document-words.h"
#include "xa-page-code.h"
#include "core/agreements/xa-agreement-images.h"
#include "core/registry/xa-role.h"
#include "core/util/xa-date.h"

/* The template's text, filled with one school's values; its party lines (责任学校：…)
 * go under the title, where a 公文 names its addressee. */
typedef struct
{
  XaPageLayout            *layout;
  const XaTemplateValues  *values;
  GPtrArray               *party_lines;  /* of char *, as printed */
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
      for (guint i = 0; builder->party_lines != NULL && i < builder->party_lines->len; i++)
        xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_FLUSH, NULL, builder->party_lines->pdata[i]);
      builder->party_lines = NULL;
      break;

    case XA_CLAUSE_KIND_SECTION:
      /* The heading line alone is 黑体; what the section says besides is body text in
       * 仿宋 under it, as a paragraph of its own. */
      if (lead[0] != '\0')
        xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_HEADING_1, NULL, lead);
      if (text[0] != '\0')
        xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_BODY, NULL, text);
      break;

    case XA_CLAUSE_KIND_ITEM:
      /* A heading runs in: 楷体 for the number and the heading, then the text in 仿宋
       * on the same line; a heading alone is the same line without text. An item
       * without a heading of its own is a numbered paragraph: its number stays in the
       * body face rather than setting a lone （一） in 楷体. */
      if (xa_clause_get_heading (clause)[0] != '\0')
        xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_HEADING_2, lead, text);
      else
        xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_BODY, lead[0] ? lead : NULL, text);
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
 * Returns: (nullable): the label of the commission's or the school's copy in the default
 *   template (区教委存, 学校存), or %NULL for none
 */
const char *
xa_agreement_copy_to_label (XaAgreementCopy copy)
{
  if (copy == XA_AGREEMENT_COPY_COMMISSION)
    return XA_DOCUMENT_COPY_COMMISSION;
  if (copy == XA_AGREEMENT_COPY_SCHOOL)
    return XA_DOCUMENT_COPY_SCHOOL;

  return NULL;
}

static const XaSigner *
find_signer (XaTemplate *template,
             const char *role)
{
  for (guint i = 0; i < xa_template_get_n_signers (template); i++)
    if (g_strcmp0 (xa_template_get_signer (template, i)->role, role) == 0)
      return xa_template_get_signer (template, i);

  return NULL;
}

/**
 * xa_agreement_copy_label_in:
 *
 * Returns: (nullable): the label @template gives @copy at the top left of its first
 *   page, or %NULL for none
 */
const char *
xa_agreement_copy_label_in (XaTemplate      *template,
                            XaAgreementCopy  copy)
{
  const XaSigner *signer = NULL;

  g_return_val_if_fail (XA_IS_TEMPLATE (template), NULL);

  if (copy == XA_AGREEMENT_COPY_COMMISSION)
    signer = find_signer (template, "commission");
  else if (copy == XA_AGREEMENT_COPY_SCHOOL)
    signer = find_signer (template, "school");
  else if (copy >= XA_AGREEMENT_COPY_PARTY_0 &&
           (guint) (copy - XA_AGREEMENT_COPY_PARTY_0) < xa_template_get_n_signers (template))
    signer = xa_template_get_signer (template, copy - XA_AGREEMENT_COPY_PARTY_0);

  return signer != NULL && signer->copy[0] != '\0' ? signer->copy : NULL;
}

/**
 * xa_agreement_expand_copies:
 * @copies: (array length=n_copies): the originals asked for
 * @expanded: (element-type XaAgreementCopy): where the originals to print are appended
 *
 * Turns %XA_AGREEMENT_COPY_ALL into each party's original, in the parties' order: one
 * for every party that keeps one, or one without a label when none does.
 *
 * Returns: how many originals were appended
 */
guint
xa_agreement_expand_copies (XaTemplate            *template,
                            const XaAgreementCopy *copies,
                            guint                  n_copies,
                            GArray                *expanded)
{
  guint before = expanded->len;

  for (guint i = 0; i < n_copies; i++)
    {
      guint n_kept = 0;

      if (copies[i] != XA_AGREEMENT_COPY_ALL)
        {
          g_array_append_val (expanded, copies[i]);
          continue;
        }

      for (guint j = 0; j < xa_template_get_n_signers (template); j++)
        {
          XaAgreementCopy copy = XA_AGREEMENT_COPY_PARTY (j);

          if (xa_template_get_signer (template, j)->copy[0] == '\0')
            continue;
          g_array_append_val (expanded, copy);
          n_kept++;
        }

      if (n_kept == 0)
        {
          XaAgreementCopy none = XA_AGREEMENT_COPY_NONE;

          g_array_append_val (expanded, none);
        }
    }

  return expanded->len - before;
}

/* A party's name line: its label before the unit (甲方：…), unless the unit already
 * begins with it. */
static char *
dup_unit_line (const XaSigner         *signer,
               const XaTemplateValues *values)
{
  g_autofree char *unit = xa_template_expand (signer->unit, values);

  if (signer->label[0] == '\0' || g_str_has_prefix (unit, signer->label))
    return g_steal_pointer (&unit);
  if (unit[0] == '\0')
    return g_strdup (signer->label);

  return g_strconcat (signer->label, g_str_has_suffix (signer->label, "：") ? "" : "：", unit, NULL);
}

static char *
dup_form_line (const XaFormLine       *line,
               const XaTemplateValues *values)
{
  g_autofree char *label = xa_template_expand (line->label, values);
  g_autofree char *value = xa_template_expand (line->value, values);

  return g_strconcat (label, value, NULL);
}

/**
 * xa_agreement_signature_block_new:
 * @sign_date: (nullable): the date the agreement was signed (2021年9月1日), printed on
 *   the parties' date lines instead of the template's blank 年　月　日
 * @school_sign: (nullable): the only line of the school's party instead of its own, as
 *   the successor's acknowledgement has it (继任者签名：)
 *
 * The template's parties, filled with one school's values.
 *
 * Returns: (transfer full): the signature block
 */
XaSignatureBlock *
xa_agreement_signature_block_new (XaTemplate             *template,
                                  const XaTemplateValues *values,
                                  const char             *sign_date,
                                  const char             *school_sign)
{
  const char *shared = xa_template_get_shared_date (template);
  XaSignatureBlock *block;

  g_return_val_if_fail (XA_IS_TEMPLATE (template), NULL);

  block = xa_signature_block_new (xa_template_get_signature_layout (template) == XA_SIGNATURE_STACKED,
                                  shared[0] != '\0' && sign_date != NULL ? sign_date : shared);

  for (guint i = 0; i < xa_template_get_n_signers (template); i++)
    {
      const XaSigner *signer = xa_template_get_signer (template, i);
      g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *unit = dup_unit_line (signer, values);
      g_autofree char *date = NULL;

      if (school_sign != NULL && g_strcmp0 (signer->role, "school") == 0)
        g_ptr_array_add (lines, g_strdup (school_sign));
      else
        for (guint j = 0; j < signer->lines->len; j++)
          g_ptr_array_add (lines, dup_form_line (signer->lines->pdata[j], values));
      g_ptr_array_add (lines, NULL);

      if (signer->date[0] != '\0')
        date = sign_date != NULL ? g_strdup (sign_date) : xa_template_expand (signer->date, values);

      xa_signature_block_add_party (block, unit, signer->seal,
                                    (const char * const *) lines->pdata, date);
    }

  return block;
}

/* Whether a party line is filled from one school's record (责任学校：{school_name}) rather
 * than written out in the template (甲方：青岭学校). */
static gboolean
names_school (const XaFormLine *line)
{
  static const char * const fields[] = { "{school_name}", "{first_responsible}", "{direct_responsible}" };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (strstr (line->label, fields[i]) != NULL || strstr (line->value, fields[i]) != NULL)
      return TRUE;

  return FALSE;
}

/* The template's party lines under the title, filled: a value left empty by the school's
 * record is a blank to write by hand. @for_school: %FALSE for the template's text alone,
 * which keeps only the lines it writes out. */
static GPtrArray *
dup_party_lines (XaTemplate             *template,
                 const XaTemplateValues *values,
                 gboolean                for_school)
{
  GPtrArray *party_lines = xa_template_get_party_lines (template);
  GPtrArray *printed = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < party_lines->len; i++)
    {
      const XaFormLine *line = party_lines->pdata[i];
      g_autofree char *label = NULL;
      g_autofree char *value = NULL;

      if (!for_school && names_school (line))
        continue;

      label = xa_template_expand (line->label, values);
      value = xa_template_expand (line->value, values);
      g_ptr_array_add (printed, g_strconcat (label, value[0] != '\0' ? value : XA_DOCUMENT_BLANK_NAME, NULL));
    }

  return printed;
}

/* The parties' seal and signature images that @agreement carries
 * (xa_agreement_book_attach_images()): the signature after the party's first line left
 * blank to sign. */
static void
set_party_images (XaSignatureBlock       *block,
                  XaTemplate             *template,
                  XaAgreement            *agreement,
                  const XaTemplateValues *values)
{
  for (guint i = 0; i < xa_template_get_n_signers (template); i++)
    {
      const XaSigner *signer = xa_template_get_signer (template, i);
      GBytes *seal = xa_agreement_get_party_seal (agreement, signer->role);
      GBytes *signature = xa_agreement_get_party_signature (agreement, signer->role);
      int sign_line = -1;

      if (seal == NULL && signature == NULL)
        continue;

      for (guint j = 0; j < signer->lines->len && sign_line < 0; j++)
        {
          g_autofree char *value = xa_template_expand (((XaFormLine *) signer->lines->pdata[j])->value, values);

          if (value[0] == '\0')
            sign_line = (int) j;
        }

      xa_signature_block_set_party_images (block, i, seal, signature, sign_line);
    }
}

/* @party_values: the values of the party lines under the title
 * @sign_date: (nullable): printed on the date lines instead of the template's blank
 *   年　月　日
 * @for_school: one school's agreement: its PDF's title names the school */
static XaPageLayout *
build_layout (XaTemplate             *template,
              const XaTemplateValues *values,
              const XaTemplateValues *party_values,
              const char             *sign_date,
              gboolean                for_school,
              XaAgreement            *agreement,
              XaAgreementCopy         copy,
              XaFontResolver         *fonts)
{
  g_autoptr(XaPageLayout) layout = xa_page_layout_new (fonts);
  g_autoptr(GPtrArray) party_lines = dup_party_lines (template, party_values, for_school);
  g_autofree char *school_year = NULL;
  g_autofree char *title_text = xa_agreement_dup_title (template, values);
  Builder builder = { layout, values, party_lines };
  XaSignatureBlock *block;

  add_clauses (&builder, xa_template_get_clauses (template));

  block = xa_agreement_signature_block_new (template, values, sign_date, NULL);
  if (agreement != NULL)
    set_party_images (block, template, agreement, values);
  xa_page_layout_set_signature (layout, block);
  xa_page_layout_set_copy_label (layout, xa_agreement_copy_label_in (template, copy));

  school_year = xa_template_expand ("{school_year}", values);
  if (title_text != NULL)
    {
      /* A school's copy says whose it is, so that a folder of PDFs can be told apart. */
      g_autofree char *title = values->school_name && for_school
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
 * The template's text alone, as the commission issued it: the party lines filled from
 * a school's record are left out, those the template writes out are printed.
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

  return build_layout (template, values, values, NULL, FALSE, NULL, copy, fonts);
}

/**
 * xa_agreement_layout_new_for_agreement:
 * @template: the template version @agreement was made from
 * @copy: which original this is
 *
 * One school's agreement: the template's text with the school's fields, and under the
 * title the school and its 第一责任人 and 直接责任人; a 第一责任人 who took over during
 * the year is named with the handover date; after the text, the school's supplementary
 * clauses. Each page carries its page code (xa-page-code.c) in its foot.
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
  XaTemplateValues party_values;
  g_autofree char *succeeded = NULL;
  g_autofree char *sign_date = NULL;

  g_return_val_if_fail (XA_IS_AGREEMENT (agreement), NULL);
  g_return_val_if_fail (XA_IS_TEMPLATE (template), NULL);
  g_return_val_if_fail (XA_IS_FONT_RESOLVER (fonts), NULL);

  xa_agreement_fill_values (agreement, template, &values);
  party_values = values;

  /* Under the title, a 第一责任人 who handed over during the year is named with the date
   * and the successor. */
  if (xa_agreement_get_successor (agreement) != NULL)
    {
      g_autofree char *date = xa_date_format_chinese (xa_agreement_get_handover_date (agreement));
      const char *first = values.first_responsible && values.first_responsible[0]
                          ? values.first_responsible : XA_DOCUMENT_BLANK_NAME;

      succeeded = g_strdup_printf (XA_DOCUMENT_SUCCEEDED, first, date,
                                   xa_agreement_get_successor (agreement));
      party_values.first_responsible = succeeded;
    }

  if (xa_agreement_get_sign_date (agreement) != NULL)
    sign_date = xa_date_format_chinese (xa_agreement_get_sign_date (agreement));

  {
    XaPageLayout *layout = build_layout (template, &values, &party_values, sign_date, TRUE, agreement, copy, fonts);

    add_supplements (layout, agreement, &values);
    /* Every printed page says whose it is, so that a scan of the signed paper finds its
     * agreement (xa_page_set_set_page_codes() takes the codes off). */
    xa_agreement_layout_add_page_codes (layout, xa_agreement_get_uuid (agreement),
                                        xa_agreement_copy_party_index (template, copy));
    return layout;
  }
}
