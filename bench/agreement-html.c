/* agreement-html.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes the default 2021-2022 agreement, filled for one school, as an HTML document laid
 * out to GB/T 9704 (A4, 37/28 mm margins, 16 pt 仿宋 on a 28.99 pt line pitch, 22 pt
 * title), so that bench/agreement-render.sh can time LibreOffice converting the same text
 * that xiaoan-cli renders. A benchmark helper, not part of the app.
 */

#include "config.h"

#include <stdio.h>

#include "core/agreements/xa-template-library.h"

static void
print_escaped (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  fputs (escaped, stdout);
}

static void
print_clauses (GListModel             *clauses,
               const XaTemplateValues *values)
{
  for (guint i = 0; clauses != NULL && i < g_list_model_get_n_items (clauses); i++)
    {
      g_autoptr(XaClause) clause = g_list_model_get_item (clauses, i);
      g_autofree char *number_heading = g_strconcat (xa_clause_get_number (clause),
                                                     xa_clause_get_heading (clause), NULL);
      g_autofree char *lead = xa_template_expand (number_heading, values);
      g_autofree char *text = xa_template_expand (xa_clause_get_text (clause), values);

      switch (xa_clause_get_kind (clause))
        {
        case XA_CLAUSE_KIND_TITLE:
          g_strdelimit (text, "\n", ' ');
          fputs ("<h1>", stdout);
          print_escaped (text);
          fputs ("</h1>\n", stdout);
          break;
        case XA_CLAUSE_KIND_SECTION:
          fputs ("<h2>", stdout);
          print_escaped (lead);
          print_escaped (text);
          fputs ("</h2>\n", stdout);
          break;
        case XA_CLAUSE_KIND_ITEM:
        case XA_CLAUSE_KIND_PREAMBLE:
        case XA_CLAUSE_KIND_PARAGRAPH:
        case XA_CLAUSE_KIND_LIST:
        case XA_CLAUSE_KIND_SUBLIST:
        case XA_CLAUSE_KIND_CLOSING:
        default:
          fputs ("<p><span class=\"lead\">", stdout);
          print_escaped (lead);
          fputs ("</span>", stdout);
          print_escaped (text);
          fputs ("</p>\n", stdout);
          break;
        }

      print_clauses (xa_clause_get_children (clause), values);
    }
}

/* A party's first line to sign and its date line: its own, or the one under the block. */
static void
print_sign_and_date (XaTemplate     *template,
                     const XaSigner *signer)
{
  print_escaped (signer->lines->len > 0 ? ((XaFormLine *) signer->lines->pdata[0])->label : "");
  fputs ("<br><br>", stdout);
  print_escaped (signer->date[0] != '\0' ? signer->date : xa_template_get_shared_date (template));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaTemplate) template = xa_template_library_load_builtin (&error);
  XaTemplateValues values = {
    .school_year = 2021,
    .legacy_year_style = TRUE,
    .school_name = argc > 1 ? argv[1] : "示例区实验小学",
    .commission_name = "示例区教育委员会",
  };

  const XaSigner *commission;
  const XaSigner *school;

  if (template == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  commission = xa_template_find_signer (template, "commission");
  school = xa_template_find_signer (template, "school");
  if (commission == NULL || school == NULL)
    {
      g_printerr ("The default template has no commission or no school to sign\n");
      return 1;
    }

  fputs ("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\n"
         "<style>\n"
         "@page { size: 210mm 297mm; margin: 37mm 26mm 35mm 28mm; }\n"
         "body { font-family: 'FangSong', 'Noto Serif CJK SC'; font-size: 16pt; line-height: 28.99pt; }\n"
         "h1 { font-family: 'Noto Serif CJK SC'; font-weight: bold; font-size: 22pt; text-align: center; line-height: 28.99pt; margin: 0 0 28.99pt 0; }\n"
         "h2 { font-family: 'Noto Sans CJK SC'; font-weight: normal; font-size: 16pt; text-indent: 2em; margin: 0; }\n"
         "p { text-indent: 2em; text-align: justify; margin: 0; }\n"
         ".lead { font-family: 'AR PL UKai CN'; }\n"
         "table { width: 100%; margin-top: 28.99pt; } td { width: 50%; text-align: center; }\n"
         "</style></head><body>\n", stdout);
  print_clauses (xa_template_get_clauses (template), &values);

  fputs ("<table><tr><td>", stdout);
  print_escaped (commission->unit);
  fputs ("<br><br>", stdout);
  print_sign_and_date (template, commission);
  fputs ("</td><td>", stdout);
  print_escaped (values.school_name);
  fputs ("（盖章）<br><br>", stdout);
  print_sign_and_date (template, school);
  fputs ("</td></tr></table>\n</body></html>\n", stdout);

  return 0;
}
