/* xa-cli-scan.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "scan match FILE… [--json]": reads the page codes off a scan of signed agreements
 * (xa-scan-reader.c) and reports which agreement and original it is, its pages in order,
 * and the pages missing, seen twice, foreign, without a code or changed since
 * (xa-scan-match.c). It stores nothing: the archive's import does, once the clerk
 * agrees. Exit 0 when the scan is the whole agreement as stored, 1 otherwise.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-cli-private.h"
#include "document/xa-page-code.h"
#include "document/xa-scan-reader.h"

static const XaScanPage *
scan_page (GArray *pages,
           guint   index)
{
  return &g_array_index (pages, XaScanPage, index);
}

/* "scan.pdf p. 3", as the report names a scanned page. */
static char *
dup_where (GArray *pages,
           guint   index)
{
  const XaScanPage *page = scan_page (pages, index);
  g_autofree char *name = g_path_get_basename (page->source);

  /* Translators: a file and a page in it, such as “scan.pdf p. 3” */
  return g_strdup_printf (_("%s p. %u"), name, page->index + 1);
}

static JsonObject *
where_object (GArray *pages,
              guint   index)
{
  const XaScanPage *page = scan_page (pages, index);
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "file", page->source);
  json_object_set_int_member (object, "file_page", page->index + 1);
  return object;
}

static JsonArray *
numbers_array (GArray *numbers)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < numbers->len; i++)
    json_array_add_int_element (array, g_array_index (numbers, guint, i));
  return array;
}

static void
print_json (XaScanMatch *match,
            GArray      *pages)
{
  g_autoptr(JsonArray) root = json_array_new ();
  JsonObject *report = json_object_new ();
  JsonArray *found = json_array_new ();
  JsonArray *duplicates = json_array_new ();
  JsonArray *foreign = json_array_new ();
  JsonArray *uncoded = json_array_new ();

  if (match->agreement != NULL)
    json_object_set_string_member (report, "agreement", match->agreement);
  else
    json_object_set_null_member (report, "agreement");
  json_object_set_boolean_member (report, "known", match->known);
  if (match->known)
    {
      json_object_set_string_member (report, "title", match->expected->title);
      json_object_set_boolean_member (report, "current", match->expected->current);
      if (match->expected->copy_label != NULL)
        json_object_set_string_member (report, "copy_label", match->expected->copy_label);
    }
  if (match->agreement != NULL && match->copy >= 0)
    json_object_set_int_member (report, "copy", match->copy);
  else
    json_object_set_null_member (report, "copy");
  json_object_set_int_member (report, "pages_total", match->n_pages);
  json_object_set_boolean_member (report, "complete", xa_scan_match_is_complete (match));

  for (guint p = 0; p < match->order->len; p++)
    {
      guint scan = g_array_index (match->order, guint, p);
      JsonObject *object;

      if (scan == G_MAXUINT)
        continue;
      object = where_object (pages, scan);
      json_object_set_int_member (object, "page", p + 1);
      json_array_add_object_element (found, object);
    }

  for (guint i = 0; i < match->pages->len; i++)
    {
      const XaScanMatchPage *page = &g_array_index (match->pages, XaScanMatchPage, i);
      JsonObject *object;

      if (page->state == XA_SCAN_PAGE_MATCHED)
        continue;
      object = where_object (pages, page->scan);
      if (page->state == XA_SCAN_PAGE_DUPLICATE)
        {
          json_object_set_int_member (object, "page", page->page);
          json_array_add_object_element (duplicates, object);
        }
      else if (page->state == XA_SCAN_PAGE_FOREIGN)
        {
          json_object_set_string_member (object, "code", page->code);
          json_array_add_object_element (foreign, object);
        }
      else
        json_array_add_object_element (uncoded, object);
    }

  json_object_set_array_member (report, "pages", found);
  json_object_set_array_member (report, "missing", numbers_array (match->missing));
  json_object_set_array_member (report, "duplicates", duplicates);
  json_object_set_array_member (report, "foreign", foreign);
  json_object_set_array_member (report, "uncoded", uncoded);
  json_object_set_array_member (report, "changed", numbers_array (match->changed));
  json_object_set_boolean_member (report, "page_count_changed", match->page_count_changed);

  json_array_add_object_element (root, report);
  xa_cli_print_json_array (root);
}

/* The label of another original of an agreement in the store (学校存), or NULL. */
static char *
dup_copy_label (XaAgreementBook *book,
                const char      *uuid,
                int              copy)
{
  g_autoptr(XaAgreement) agreement = xa_agreement_book_dup_by_uuid (book, uuid, NULL);
  g_autoptr(XaTemplate) template = agreement != NULL ? xa_agreement_book_dup_template (book, agreement, NULL) : NULL;

  if (template == NULL || copy < 0)
    return NULL;

  return g_strdup (xa_agreement_copy_label_in (template, XA_AGREEMENT_COPY_PARTY (copy)));
}

/* Why a foreign page is not the scan's: whose page its code says it is. */
static char *
dup_foreign (XaScanMatch     *match,
             XaAgreementBook *book,
             const char      *text)
{
  XaPageCode code;
  char *described;

  if (!xa_page_code_decode (text, &code))
    return g_strdup_printf (_("a code that is not an agreement page's: %s"), text);

  if (g_strcmp0 (code.agreement, match->agreement) != 0)
    described = g_strdup_printf (_("page %u of another agreement, %s"), code.page, code.agreement);
  else if (code.copy != match->copy)
    {
      g_autofree char *label = dup_copy_label (book, code.agreement, code.copy);

      described = label != NULL
                  /* Translators: a page number, then the original's label (学校存) */
                  ? g_strdup_printf (_("page %u of this agreement's original %s"), code.page, label)
                  : g_strdup_printf (_("page %u of this agreement's other original"), code.page);
    }
  else
    described = g_strdup_printf (_("page %u of another printing, of %u pages"), code.page, code.n_pages);

  xa_page_code_clear (&code);
  return described;
}

static char *
dup_numbers (GArray *numbers)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < numbers->len; i++)
    g_string_append_printf (text, i > 0 ? "、%u" : "%u", g_array_index (numbers, guint, i));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The pages of one state, "scan.pdf p. 4, scan.pdf p. 6", under @heading. */
static void
print_pages (XaScanMatch     *match,
             XaAgreementBook *book,
             GArray          *pages,
             XaScanPageState  state,
             const char      *heading)
{
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint i = 0; i < match->pages->len; i++)
    {
      const XaScanMatchPage *page = &g_array_index (match->pages, XaScanMatchPage, i);
      g_autofree char *where = NULL;

      if (page->state != state)
        continue;
      where = dup_where (pages, page->scan);
      if (line->len > 0)
        g_string_append (line, _(", "));
      if (state == XA_SCAN_PAGE_DUPLICATE)
        /* Translators: a scanned page, then the agreement's page it repeats */
        g_string_append_printf (line, _("%s (page %u again)"), where, page->page);
      else if (state == XA_SCAN_PAGE_FOREIGN)
        {
          g_autofree char *why = dup_foreign (match, book, page->code);

          /* Translators: a scanned page, then whose page its code says it is */
          g_string_append_printf (line, _("%s (%s)"), where, why);
        }
      else
        g_string_append (line, where);
    }

  if (line->len > 0)
    g_print ("%s\t%s\n", heading, line->str);
}

static void
print_text (XaScanMatch     *match,
            XaAgreementBook *book,
            GArray          *pages)
{
  if (match->agreement == NULL)
    g_print ("%s\t%s\n", C_("scan report", "Agreement"), _("none: no page carries an agreement's code; match the scan by hand"));
  else if (!match->known)
    g_print ("%s\t%s\n", C_("scan report", "Agreement"), _("not in this store: its code names an agreement this database does not hold"));
  else
    {
      g_autofree char *named = g_strdup_printf (_("%s (%s)"), match->expected->title, match->agreement);

      g_print ("%s\t%s\n", C_("scan report", "Agreement"), named);
      if (!match->expected->current)
        g_print ("%s\t%s\n", C_("scan report", "Note"), _("a later revision superseded this agreement"));
    }

  if (match->agreement != NULL)
    {
      const char *label = match->known ? match->expected->copy_label : NULL;
      g_autofree char *party = g_strdup_printf (_("party %d"), match->copy + 1);

      g_print ("%s\t%s\n", C_("scan report", "Copy"), label != NULL ? label : match->copy >= 0 ? party : _("without label"));
      g_print ("%s\t", C_("scan report", "Pages"));
      for (guint p = 0; p < match->order->len; p++)
        {
          guint scan = g_array_index (match->order, guint, p);
          g_autofree char *where = scan != G_MAXUINT ? dup_where (pages, scan) : NULL;

          if (p > 0)
            g_print ("%s", _(", "));
          /* Translators: a page of the agreement and where it is in the scan */
          g_print (_("%u: %s"), p + 1, where != NULL ? where : _("missing"));
        }
      g_print ("\n");
    }

  if (match->missing->len > 0)
    {
      g_autofree char *numbers = dup_numbers (match->missing);

      g_print ("%s\t%s\n", C_("scan report", "Missing pages"), numbers);
    }
  print_pages (match, book, pages, XA_SCAN_PAGE_DUPLICATE, C_("scan report", "Duplicate pages"));
  print_pages (match, book, pages, XA_SCAN_PAGE_FOREIGN, C_("scan report", "Foreign pages"));
  print_pages (match, book, pages, XA_SCAN_PAGE_UNCODED, C_("scan report", "Without a code (match by hand)"));
  if (match->changed->len > 0)
    {
      g_autofree char *numbers = dup_numbers (match->changed);

      g_print ("%s\t%s\n", C_("scan report", "Changed since printed"), numbers);
    }
  if (match->page_count_changed)
    g_print ("%s\t%s\n", C_("scan report", "Changed since printed"),
             _("the agreement as stored now prints on another number of pages"));
}

int
xa_cli_scan_match (XaCli *cli)
{
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaFontResolver) fonts = NULL;
  g_autoptr(GArray) pages = NULL;
  g_autoptr(XaScanMatch) match = NULL;
  g_autoptr(GError) error = NULL;
  XaPageCodeStore store;

  if (cli->args == NULL || cli->args[0] == NULL)
    return xa_cli_usage_error (_("“scan match” needs the scan's files: PDF, JPEG, PNG or TIFF"));

  if (!(pages = xa_scan_read_files ((const char * const *) cli->args, NULL, &error)))
    return xa_cli_user_error (error);
  if (!(workspace = xa_cli_open_workspace (cli, &error)))
    return xa_cli_user_error (error);

  fonts = xa_font_resolver_new ();
  store.book = xa_workspace_get_agreements (workspace);
  store.fonts = fonts;
  if (!(match = xa_scan_match_new ((const XaScanPage *) pages->data, pages->len,
                                   xa_page_code_lookup, &store, &error)))
    return xa_cli_user_error (error);

  if (cli->json)
    print_json (match, pages);
  else
    print_text (match, store.book, pages);

  if (!xa_scan_match_is_complete (match))
    {
      g_printerr (_("xiaoan-cli: the scan is not the whole agreement as stored: check the report before filing it\n"));
      return EXIT_USER_ERROR;
    }

  return EXIT_OK;
}
