/* xa-pdf-splitter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Cuts a PDF into smaller PDFs of some of its pages each.
 *
 * Why: Cairo subsets and compresses each CJK font again for every PDF file it finishes,
 * about 65 ms of the 90 ms an agreement takes on its own, while one PDF of many
 * agreements costs about 9 ms each (reference/performance.md). A batch therefore renders
 * many agreements into one PDF, fonts subset once, and copies each school's pages out
 * with the font objects they share.
 *
 * How: libqpdf reads the whole PDF, whatever its writer chose: a classic cross-reference
 * table (Cairo 1.16), object and cross-reference streams (Cairo 1.18, the Flatpak's
 * runtime), a nested page tree, incremental updates (a signed file). Each extract is a
 * new, empty qpdf document into which the pages are added; qpdf copies every object a
 * page reaches and keeps one copy of an object that several of them reach, so the fonts
 * stay shared within each file. The writer is deterministic: the same pages and
 * information give the same bytes.
 *
 * qpdf's C API reports failures through qpdf_has_error() rather than return values
 * everywhere, so every call that can fail is followed by a check.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <qpdf/qpdf-c.h>

#include "xa-pdf-splitter.h"

struct _XaPdfSplitter
{
  GObject    parent_instance;

  /* qpdf reads the bytes in place, for as long as the document lives. */
  GBytes    *bytes;
  qpdf_data  source;
  guint      n_pages;
  char      *producer;       /* the source's /Producer and /CreationDate, kept */
  char      *creation_date;
};

G_DEFINE_FINAL_TYPE (XaPdfSplitter, xa_pdf_splitter, G_TYPE_OBJECT)

G_DEFINE_QUARK (xa-pdf-splitter-error-quark, xa_pdf_splitter_error)

/* A name for the source in qpdf's messages, which the user may read in ours. */
#define SOURCE_NAME "agreements.pdf"

static void
cleanup_qpdf (qpdf_data *qpdf)
{
  if (*qpdf != NULL)
    qpdf_cleanup (qpdf);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (qpdf_data, cleanup_qpdf)

/* A qpdf document that reports to us alone: no message on stderr (the app has no
 * terminal) and nothing repaired behind our back, since a PDF that needs repairing is
 * not one we made. */
static qpdf_data
new_qpdf (void)
{
  qpdf_data qpdf = qpdf_init ();

  qpdf_silence_errors (qpdf);
  qpdf_set_suppress_warnings (qpdf, QPDF_TRUE);
  qpdf_set_attempt_recovery (qpdf, QPDF_FALSE);
  return qpdf;
}

/* qpdf's own sentence (English, naming the object or offset) of its pending error or,
 * failing that, of its first warning: a warning means qpdf met something it had to
 * guess about, which a document we write must not contain. NULL when neither. */
static char *
dup_problem (qpdf_data qpdf)
{
  if (qpdf_has_error (qpdf))
    return g_strdup (qpdf_get_error_full_text (qpdf, qpdf_get_error (qpdf)));
  if (qpdf_more_warnings (qpdf))
    return g_strdup (qpdf_get_error_full_text (qpdf, qpdf_next_warning (qpdf)));
  return NULL;
}

static gboolean
check_read (qpdf_data   qpdf,
            GError    **error)
{
  g_autofree char *problem = dup_problem (qpdf);

  if (problem == NULL)
    return TRUE;

  /* Translators: %s is qpdf's explanation, in English, such as “file is damaged”. */
  g_set_error (error, XA_PDF_SPLITTER_ERROR, XA_PDF_SPLITTER_ERROR_PARSE,
               _("Cannot read the PDF to split it: %s"), problem);
  return FALSE;
}

static gboolean
check_write (XaPdfSplitter  *self,
             qpdf_data       out,
             guint           first_page,
             guint           n_pages,
             GError        **error)
{
  g_autofree char *problem = dup_problem (out);

  /* Objects are read from the source as they are copied, so its complaints count too. */
  if (problem == NULL)
    problem = dup_problem (self->source);
  if (problem == NULL)
    return TRUE;

  g_set_error (error, XA_PDF_SPLITTER_ERROR, XA_PDF_SPLITTER_ERROR_PARSE,
               /* Translators: %u are page numbers, %s qpdf's explanation in English. */
               _("Cannot copy pages %u to %u into a PDF of their own: %s"),
               first_page + 1, first_page + n_pages, problem);
  return FALSE;
}

/* The text of /Info's @key in the source, or NULL. */
static char *
dup_source_info (qpdf_data   qpdf,
                 const char *key)
{
  qpdf_oh trailer = qpdf_get_trailer (qpdf);
  qpdf_oh info = qpdf_oh_get_key (qpdf, trailer, "/Info");
  char *text = NULL;

  /* Asking a non-dictionary for a key is a warning, which we count as damage. */
  if (qpdf_oh_is_dictionary (qpdf, info))
    {
      qpdf_oh value = qpdf_oh_get_key (qpdf, info, key);

      if (qpdf_oh_is_string (qpdf, value))
        text = g_strdup (qpdf_oh_get_utf8_value (qpdf, value));
      qpdf_oh_release (qpdf, value);
    }

  qpdf_oh_release (qpdf, info);
  qpdf_oh_release (qpdf, trailer);
  return text;
}

static void
set_info_string (qpdf_data   qpdf,
                 qpdf_oh     info,
                 const char *key,
                 const char *text)
{
  qpdf_oh value;

  if (text == NULL)
    return;

  /* PDFDocEncoding when the text fits it, else UTF-16 with its byte order mark. */
  value = qpdf_oh_new_unicode_string (qpdf, text);
  qpdf_oh_replace_key (qpdf, info, key, value);
  qpdf_oh_release (qpdf, value);
}

static void
set_info (XaPdfSplitter   *self,
          qpdf_data        out,
          const XaPdfInfo *pdf_info)
{
  qpdf_oh trailer = qpdf_get_trailer (out);
  qpdf_oh direct = qpdf_oh_new_dictionary (out);
  qpdf_oh info;

  if (pdf_info != NULL)
    {
      set_info_string (out, direct, "/Title", pdf_info->title);
      set_info_string (out, direct, "/Author", pdf_info->author);
      set_info_string (out, direct, "/Subject", pdf_info->subject);
      set_info_string (out, direct, "/Creator", pdf_info->creator);
      /* The audit chain's head, which says what state of the store the file shows. */
      set_info_string (out, direct, "/Keywords", pdf_info->keywords);
    }
  /* The date the pages were drawn, not the date they were cut apart: the same input
   * gives the same file. */
  set_info_string (out, direct, "/Producer", self->producer);
  set_info_string (out, direct, "/CreationDate", self->creation_date);

  info = qpdf_make_indirect_object (out, direct);
  qpdf_oh_replace_key (out, trailer, "/Info", info);

  qpdf_oh_release (out, info);
  qpdf_oh_release (out, direct);
  qpdf_oh_release (out, trailer);
}

static void
xa_pdf_splitter_finalize (GObject *object)
{
  XaPdfSplitter *self = (XaPdfSplitter *) object;

  cleanup_qpdf (&self->source);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->producer, g_free);
  g_clear_pointer (&self->creation_date, g_free);

  G_OBJECT_CLASS (xa_pdf_splitter_parent_class)->finalize (object);
}

static void
xa_pdf_splitter_class_init (XaPdfSplitterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xa_pdf_splitter_finalize;
}

static void
xa_pdf_splitter_init (XaPdfSplitter *self)
{
}

/**
 * xa_pdf_splitter_new:
 * @pdf: a PDF, such as one Cairo wrote
 *
 * Reads the cross-reference data and the page tree; the pages' objects are read as
 * they are extracted.
 *
 * Returns: (transfer full) (nullable): a splitter for @pdf, or %NULL when @pdf is not
 *   a PDF that reads without repair
 */
XaPdfSplitter *
xa_pdf_splitter_new (GBytes  *pdf,
                     GError **error)
{
  g_autoptr(XaPdfSplitter) self = NULL;
  const char *data;
  gsize size;
  int n_pages;

  g_return_val_if_fail (pdf != NULL, NULL);

  self = g_object_new (XA_TYPE_PDF_SPLITTER, NULL);
  self->bytes = g_bytes_ref (pdf);
  self->source = new_qpdf ();
  data = g_bytes_get_data (pdf, &size);

  qpdf_read_memory (self->source, SOURCE_NAME, data != NULL ? data : "", size, NULL);
  if (!check_read (self->source, error))
    return NULL;

  n_pages = qpdf_get_num_pages (self->source);
  if (!check_read (self->source, error))
    return NULL;
  self->n_pages = (guint) MAX (n_pages, 0);

  self->producer = dup_source_info (self->source, "/Producer");
  self->creation_date = dup_source_info (self->source, "/CreationDate");
  if (!check_read (self->source, error))
    return NULL;

  return g_steal_pointer (&self);
}

guint
xa_pdf_splitter_get_n_pages (XaPdfSplitter *self)
{
  g_return_val_if_fail (XA_IS_PDF_SPLITTER (self), 0);

  return self->n_pages;
}

/**
 * xa_pdf_splitter_extract:
 * @first_page: from 0
 * @info: (nullable): the new file's document information
 *
 * Returns: (transfer full) (nullable): a PDF of @n_pages pages from @first_page, with
 *   the fonts and other objects they use, each once
 */
GBytes *
xa_pdf_splitter_extract (XaPdfSplitter    *self,
                         guint             first_page,
                         guint             n_pages,
                         const XaPdfInfo  *info,
                         GError          **error)
{
  g_auto(qpdf_data) out = NULL;
  const unsigned char *buffer;

  g_return_val_if_fail (XA_IS_PDF_SPLITTER (self), NULL);

  if (n_pages == 0 || first_page + n_pages > self->n_pages)
    {
      g_set_error (error, XA_PDF_SPLITTER_ERROR, XA_PDF_SPLITTER_ERROR_RANGE,
                   _("Pages %u to %u are not in a document of %u pages"),
                   first_page + 1, first_page + n_pages, self->n_pages);
      return NULL;
    }

  out = new_qpdf ();
  qpdf_empty_pdf (out);
  if (!check_write (self, out, first_page, n_pages, error))
    return NULL;

  for (guint i = 0; i < n_pages; i++)
    {
      qpdf_oh page = qpdf_get_page_n (self->source, first_page + i);

      qpdf_add_page (out, self->source, page, QPDF_FALSE);
      qpdf_oh_release (self->source, page);
      if (!check_write (self, out, first_page, n_pages, error))
        return NULL;
    }

  set_info (self, out, info);

  qpdf_init_write_memory (out);
  /* An /ID from the content rather than from a random number. */
  qpdf_set_deterministic_ID (out, QPDF_TRUE);
  qpdf_write (out);
  if (!check_write (self, out, first_page, n_pages, error))
    return NULL;

  buffer = qpdf_get_buffer (out);
  return g_bytes_new (buffer, qpdf_get_buffer_length (out));
}
