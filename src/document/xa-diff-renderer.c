/* xa-diff-renderer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The comparison of two templates as a document on the GB/T 9704 grid: a title, the two
 * versions, the counts, then every clause that changed, under a heading line that says
 * what happened to it (【新增】【删除】【修改】【移动】). Inserted characters are underlined
 * and deleted ones struck through, in green and red as well: a comparison is printed on
 * black-and-white office printers, where colour alone would be lost.
 *
 * Two texts of a school's agreement (or one and its template) are compared the same way;
 * the school's supplementary clauses come last, under the heading the agreement prints
 * over them, each marked as the school's, so that a commission clerk never takes them for
 * the commission's. Its words are in Chinese whatever the interface's language
 * (xa-document-words.h).
 */

#include "config.h"

#include <string.h>

#include "xa-diff-renderer.h"
#include "xa-document-words.h"
#include "xa-pdf-export.h"
#include "core/util/xa-school-year.h"

#define INSERTED_SPAN "<span underline=\"single\" underline_color=\"#0b5d1e\" foreground=\"#0b5d1e\">"
#define DELETED_SPAN  "<span strikethrough=\"true\" strikethrough_color=\"#c01c28\" foreground=\"#c01c28\">"

#define ANY_CHANGE (XA_TEMPLATE_CHANGE_ADDED | XA_TEMPLATE_CHANGE_REMOVED | \
                    XA_TEMPLATE_CHANGE_CHANGED | XA_TEMPLATE_CHANGE_MOVED)

static void
append_span (GString    *markup,
             const char *span,
             const char *text)
{
  g_autofree char *escaped = NULL;

  if (text == NULL || text[0] == '\0')
    return;

  escaped = g_markup_escape_text (text, -1);
  if (span != NULL)
    g_string_append_printf (markup, "%s%s</span>", span, escaped);
  else
    g_string_append (markup, escaped);
}

static void
append_segments (GString   *markup,
                 GPtrArray *segments)
{
  for (guint i = 0; segments != NULL && i < segments->len; i++)
    {
      const XaDiffSegment *segment = g_ptr_array_index (segments, i);

      if (segment->op == XA_DIFF_INSERTED)
        append_span (markup, INSERTED_SPAN, segment->text);
      else if (segment->op == XA_DIFF_DELETED)
        append_span (markup, DELETED_SPAN, segment->text);
      else
        append_span (markup, NULL, segment->text);
    }
}

static char *
dup_version (XaTemplate *template)
{
  g_autofree char *year = xa_school_year_format (xa_template_get_school_year (template), FALSE);

  /* a template's school year and version in the heading of a comparison:
   * “2021—2022学年度 第1版”. */
  return g_strdup_printf ("%s 第%d版", year, xa_template_get_version (template));
}

static void
append_label (GString    *markup,
              const char *kind)
{
  g_autofree char *label = NULL;

  /* the kind of change of a clause, after its heading: “【修改】”. */
  label = g_strdup_printf ("【%s】", kind);
  append_span (markup, NULL, label);
}

/* “（二）切实加强安稳基础工作。【修改】”: the clause's number and heading as they changed,
 * or its kind when it has neither, then what happened to it. */
static char *
dup_heading_markup (XaTemplateChange *change)
{
  XaTemplateChangeFlags flags = xa_template_change_get_flags (change);
  XaClause *old_clause = xa_template_change_get_old_clause (change);
  XaClause *new_clause = xa_template_change_get_new_clause (change);
  XaClause *clause = new_clause ? new_clause : old_clause;
  const char *whole = NULL;
  GString *markup = g_string_new (NULL);

  if (flags & XA_TEMPLATE_CHANGE_ADDED)
    whole = INSERTED_SPAN;
  else if (flags & XA_TEMPLATE_CHANGE_REMOVED)
    whole = DELETED_SPAN;

  if ((flags & XA_TEMPLATE_CHANGE_NUMBER) && old_clause != NULL && new_clause != NULL)
    {
      append_span (markup, DELETED_SPAN, xa_clause_get_number (old_clause));
      append_span (markup, INSERTED_SPAN, xa_clause_get_number (new_clause));
    }
  else
    append_span (markup, whole, xa_clause_get_number (clause));

  append_segments (markup, xa_template_change_get_heading_segments (change));

  if (markup->len == 0)
    append_span (markup, NULL, xa_clause_kind_to_label (xa_template_change_get_kind (change)));

  if (xa_template_change_is_supplement (change))
    append_span (markup, NULL, XA_DOCUMENT_DIFF_SUPPLEMENT_MARK);

  if (flags & XA_TEMPLATE_CHANGE_ADDED)
    append_label (markup, "新增");
  else if (flags & XA_TEMPLATE_CHANGE_REMOVED)
    append_label (markup, "删除");
  else
    {
      if (flags & XA_TEMPLATE_CHANGE_CHANGED)
        append_label (markup, "修改");
      if (flags & XA_TEMPLATE_CHANGE_MOVED)
        append_label (markup, "移动");
    }

  return g_string_free (markup, FALSE);
}

static void
add_change (XaPageLayout     *layout,
            XaTemplateChange *change)
{
  g_autofree char *heading = dup_heading_markup (change);
  g_autoptr(GString) text = g_string_new (NULL);

  /* The school's clauses are numbered points under their section's heading, as the
   * agreement prints them. */
  xa_page_layout_add_markup (layout,
                             xa_template_change_is_supplement (change) ? XA_PARAGRAPH_HEADING_3
                                                                       : XA_PARAGRAPH_HEADING_1,
                             heading);

  /* Added and removed clauses come as one inserted or deleted segment, unchanged text
   * as one equal segment: the text reads the same way in every case. */
  append_segments (text, xa_template_change_get_text_segments (change));
  if (text->len > 0)
    xa_page_layout_add_markup (layout, XA_PARAGRAPH_BODY, text->str);
}

/* One side of a comparison of agreements: “模板第1版” or “责任书第2版”. */
static char *
dup_side (XaTemplate  *template,
          XaAgreement *agreement)
{
  if (agreement == NULL)
    return g_strdup_printf (XA_DOCUMENT_DIFF_TEMPLATE_SIDE, xa_template_get_version (template));

  return g_strdup_printf (XA_DOCUMENT_DIFF_AGREEMENT_SIDE, xa_agreement_get_revision (agreement));
}

/* “新增 1 条 · 删除 0 条 · …”, over all clauses or over the school's only. */
static char *
dup_counts (XaTemplateDiff *diff,
            gboolean        supplements_only)
{
  guint (*count) (XaTemplateDiff *, XaTemplateChangeFlags) =
    supplements_only ? xa_template_diff_count_supplements : xa_template_diff_count;
  guint added = count (diff, XA_TEMPLATE_CHANGE_ADDED);
  guint removed = count (diff, XA_TEMPLATE_CHANGE_REMOVED);
  guint changed = count (diff, XA_TEMPLATE_CHANGE_CHANGED);
  guint moved = count (diff, XA_TEMPLATE_CHANGE_MOVED);

  if (supplements_only)
    return g_strdup_printf (XA_DOCUMENT_DIFF_SUPPLEMENT_COUNTS, added, removed, changed, moved);

  /* the counts of a comparison of two templates. */
  return g_strdup_printf ("新增 %u 条 · 删除 %u 条 · 修改 %u 条 · 移动 %u 条", added, removed, changed, moved);
}

/**
 * xa_diff_layout_new:
 * @diff: the comparison of two templates, or of two texts of an agreement
 * @fonts: the typefaces to set it in
 *
 * Every clause that was added, removed, changed or moved, in the reading order of the
 * newer text; clauses that stayed as they were are left out. The school's clauses come
 * last, under their own heading, each marked as the school's.
 *
 * Returns: (transfer full): the comparison as a document
 */
XaPageLayout *
xa_diff_layout_new (XaTemplateDiff *diff,
                    XaFontResolver *fonts)
{
  g_autoptr(XaPageLayout) layout = NULL;
  XaTemplate *old_template;
  XaTemplate *new_template;
  XaAgreement *agreement;
  g_autofree char *title = NULL;
  g_autofree char *school = NULL;
  g_autofree char *old_version = NULL;
  g_autofree char *new_version = NULL;
  g_autofree char *versions = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *key = NULL;
  g_autofree char *underline = NULL;
  g_autofree char *strikethrough = NULL;
  gboolean in_supplements = FALSE;
  guint n = 0;

  g_return_val_if_fail (XA_IS_TEMPLATE_DIFF (diff), NULL);
  g_return_val_if_fail (XA_IS_FONT_RESOLVER (fonts), NULL);

  old_template = xa_template_diff_get_old (diff);
  new_template = xa_template_diff_get_new (diff);
  agreement = xa_template_diff_get_new_agreement (diff);
  layout = xa_page_layout_new (fonts);

  if (agreement != NULL)
    {
      g_autofree char *year = xa_school_year_format (xa_agreement_get_school_year (agreement), FALSE);

      title = g_strdup_printf (XA_DOCUMENT_DIFF_TITLE, xa_template_get_name (new_template));
      old_version = dup_side (old_template, xa_template_diff_get_old_agreement (diff));
      new_version = dup_side (new_template, agreement);
      school = g_strdup_printf (XA_DOCUMENT_DIFF_SCHOOL, xa_agreement_get_school_name (agreement), year);
      versions = g_strdup_printf (XA_DOCUMENT_DIFF_SIDES, old_version, new_version);
    }
  else
    {
      /* the title of the comparison of two templates; %s is the template's
       * name, such as 安全目标责任书: “安全目标责任书模板对比”. */
      title = g_strdup_printf ("%s模板对比", xa_template_get_name (new_template));
      old_version = dup_version (old_template);
      new_version = dup_version (new_template);
      versions = g_strdup_printf ("%s → %s", old_version, new_version);
    }
  xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_TITLE, NULL, title);
  if (school != NULL)
    xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_SUBTITLE, NULL, school);
  xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_SUBTITLE, NULL, versions);

  summary = dup_counts (diff, FALSE);
  xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_BODY, NULL, summary);
  if (agreement != NULL)
    {
      g_autofree char *school_summary = dup_counts (diff, TRUE);

      xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_BODY, NULL, school_summary);
    }

  /* The key shows each marking on the word that names it. */
  underline = g_markup_printf_escaped (INSERTED_SPAN "%s</span>", "下划线");
  strikethrough = g_markup_printf_escaped (DELETED_SPAN "%s</span>", "删除线");
  /* the key under the counts; the first %s is “underlined” and the second
   * “struck through”, each drawn that way. Write no < or &. “下划线为新增文字，删除线为删除文字。” */
  key = g_strdup_printf ("%s为新增文字，%s为删除文字。", underline, strikethrough);
  xa_page_layout_add_markup (layout, XA_PARAGRAPH_BODY, key);
  if (agreement != NULL)
    xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_BODY, NULL, XA_DOCUMENT_DIFF_SUPPLEMENT_KEY);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (diff)); i++)
    {
      g_autoptr(XaTemplateChange) change = g_list_model_get_item (G_LIST_MODEL (diff), i);

      if ((xa_template_change_get_flags (change) & ANY_CHANGE) == 0)
        continue;

      /* The school's clauses come last: their heading once, before the first. */
      if (xa_template_change_is_supplement (change) && !in_supplements)
        {
          xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_HEADING_1, NULL, XA_DOCUMENT_SUPPLEMENTS_HEADING);
          in_supplements = TRUE;
        }

      add_change (layout, change);
      n++;
    }

  if (n == 0)
    xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_BODY, NULL,
                                  agreement != NULL ? XA_DOCUMENT_DIFF_SAME : "两个模板的每个条款内容都相同。");

  if (school != NULL)
    {
      g_autofree char *subject = g_strdup_printf ("%s %s", school, versions);

      xa_page_layout_set_metadata (layout, title, "校安", subject);
    }
  else
    xa_page_layout_set_metadata (layout, title, "校安", versions);

  return g_steal_pointer (&layout);
}

/**
 * xa_diff_dup_file_name:
 *
 * Returns: (transfer full): the name offered for the comparison's PDF, such as
 *   “模板对比 2021-2022 至 2022-2023.pdf”, or for an agreement
 *   “责任书对比 2150000113-示例区实验小学 模板第1版 至 责任书第1版.pdf”
 */
char *
xa_diff_dup_file_name (XaTemplateDiff *diff)
{
  XaAgreement *agreement;
  g_autofree char *old_span = NULL;
  g_autofree char *new_span = NULL;

  g_return_val_if_fail (XA_IS_TEMPLATE_DIFF (diff), NULL);

  if ((agreement = xa_template_diff_get_new_agreement (diff)) != NULL)
    {
      g_autofree char *name = xa_agreement_dup_file_name (agreement);
      g_autofree char *old_side = dup_side (xa_template_diff_get_old (diff), xa_template_diff_get_old_agreement (diff));
      g_autofree char *new_side = dup_side (xa_template_diff_get_new (diff), agreement);

      /* The agreement's own name, whose characters are safe in a file's, without .pdf. */
      name[strlen (name) - strlen (".pdf")] = '\0';
      return g_strdup_printf (XA_DOCUMENT_DIFF_FILE_NAME, name, old_side, new_side);
    }

  old_span = xa_school_year_format_span (xa_template_get_school_year (xa_template_diff_get_old (diff)));
  new_span = xa_school_year_format_span (xa_template_get_school_year (xa_template_diff_get_new (diff)));

  /* In Chinese, as the comparison it names: “模板对比 2021—2022 至 2022—2023.pdf”. */
  return g_strdup_printf ("模板对比 %s 至 %s.pdf", old_span, new_span);
}

/**
 * xa_diff_write_pdf:
 * @path: the PDF file; replaced atomically when it exists
 *
 * Lays the comparison out and writes it: a temporary file, fsync, rename, so that a
 * crash leaves the old file or the new one, never half of one.
 */
gboolean
xa_diff_write_pdf (XaTemplateDiff  *diff,
                   XaFontResolver  *fonts,
                   const char      *path,
                   GError         **error)
{
  g_autoptr(XaPageLayout) layout = NULL;

  g_return_val_if_fail (XA_IS_TEMPLATE_DIFF (diff), FALSE);
  g_return_val_if_fail (XA_IS_FONT_RESOLVER (fonts), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  layout = xa_diff_layout_new (diff, fonts);
  return xa_page_layout_save_pdf (layout, path, error);
}

typedef struct
{
  XaTemplateDiff *diff;
  XaFontResolver *fonts;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->diff);
  g_clear_object (&data->fonts);
  g_free (data);
}

/* In the worker (xa-pdf-export.c). */
static XaPageSet *
diff_pages (gpointer   user_data,
            GError   **error)
{
  ExportData *data = user_data;
  g_autoptr(XaPageLayout) layout = xa_diff_layout_new (data->diff, data->fonts);
  XaPageSet *pages = xa_page_set_new ();

  xa_page_set_add (pages, layout);
  return pages;
}

/**
 * xa_diff_export_async:
 * @diff: the comparison; it holds its templates and agreements, which nobody may change
 *   until the PDF is written (a comparison made of copies, as the library and the book
 *   give them, is never changed)
 * @file: a local file; replaced atomically when it exists
 *
 * Writes the comparison as a PDF in a worker thread.
 */
void
xa_diff_export_async (XaTemplateDiff      *diff,
                      XaFontResolver      *fonts,
                      GFile               *file,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  ExportData *data;

  g_return_if_fail (XA_IS_TEMPLATE_DIFF (diff));
  g_return_if_fail (XA_IS_FONT_RESOLVER (fonts));
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (ExportData, 1);
  data->diff = g_object_ref (diff);
  data->fonts = g_object_ref (fonts);
  xa_pdf_export_async (diff_pages, data, (GDestroyNotify) export_data_free, file, cancellable, callback, user_data);
}

gboolean
xa_diff_export_finish (GAsyncResult  *result,
                       GError       **error)
{
  return xa_pdf_export_finish (result, error);
}
