/* xa-test-pdf-text.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A PDF's text as Poppler reads it, for the tests that render documents; a header alone,
 * so that the tests of core need not link Poppler.
 */

#pragma once

#include "document/xa-poppler-private.h"

/* Every page's text, each followed by a form feed. */
static inline char *
xa_test_pdf_bytes_text (GBytes *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) document = poppler_document_new_from_bytes (pdf, NULL, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      g_string_append_printf (text, "%s\f", page_text);
    }

  return g_string_free (text, FALSE);
}
