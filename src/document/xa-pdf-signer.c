/* xa-pdf-signer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Signs a PDF digitally (issue 12): an incremental update appended to the file as it is,
 * with a signature field and its /Sig dictionary (adbe.pkcs7.detached, SHA-256), whose
 * CMS GnuTLS makes from the certificate and key of the user's PKCS#12 file.
 *
 * Why an incremental update: the bytes before it stay exactly as they were, so that a
 * signature already in the file stays valid and anyone can see what the update added.
 *
 * How: libqpdf reads the existing file (whatever its writer chose: a classic
 * cross-reference table or streams, a nested page tree, earlier updates), and gives us
 * the catalog, the page and the trailer as PDF syntax. We write the new objects, new
 * versions of the catalog (its /AcroForm with /SigFlags 3) and of the page (its
 * /Annots), and a cross-reference section of the same kind as the file's last one, with
 * /Prev. The /Sig dictionary's /ByteRange covers the whole file but its /Contents,
 * which is reserved at a fixed size, filled with the hex of the CMS once it is made.
 */

/* memmem() */
#define _GNU_SOURCE

#include "config.h"

#include <glib/gi18n.h>
#include <gnutls/abstract.h>
#include <gnutls/gnutls.h>
#include <gnutls/pkcs7.h>
#include <gnutls/x509.h>
#include <qpdf/qpdf-c.h>
#include <string.h>

#include "xa-pdf-file.h"
#include "xa-pdf-signer-private.h"
#include "xa-pdf-signer.h"

/* Room for the CMS besides the certificates: the signed attributes, the signature of a
 * 4096-bit key and the DER around them take about 1 KiB. */
#define CMS_RESERVE 4096

/* "/ByteRange [0 A B C]" with room for three 10-digit numbers, filled in afterwards. */
#define BYTE_RANGE_WIDTH 36

static void
cleanup_qpdf (qpdf_data *qpdf)
{
  if (*qpdf != NULL)
    qpdf_cleanup (qpdf);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (qpdf_data, cleanup_qpdf)

/* Reading the existing file --------------------------------------------------------- */

/* What the update needs of the file it is appended to. */
typedef struct
{
  char     *catalog;        /* the catalog's dictionary without its closing ">>" */
  char     *acro_form;      /* the /AcroForm's keys but /Fields and /SigFlags, or "" */
  char     *fields;         /* the existing fields' references, or "" */
  char     *page;           /* the page's dictionary without /Annots and its closing ">>" */
  char     *annots;         /* the page's existing annotations' references, or "" */
  char     *info;           /* the trailer's /Info and /ID, as PDF syntax, or "" */
  char     *field_name;     /* a field name no other field has */
  int       root_id, root_gen, page_id, page_gen;
  int       page_index;     /* the page of the field, from 0 */
  guint     size;           /* the trailer's /Size: the number of the first new object */
  guint64   prev;           /* the offset of the last cross-reference section */
  gboolean  xref_stream;    /* whether that section is a stream */
  double    media_box[4];
} Source;

static void
source_clear (Source *source)
{
  g_clear_pointer (&source->catalog, g_free);
  g_clear_pointer (&source->acro_form, g_free);
  g_clear_pointer (&source->fields, g_free);
  g_clear_pointer (&source->page, g_free);
  g_clear_pointer (&source->annots, g_free);
  g_clear_pointer (&source->info, g_free);
  g_clear_pointer (&source->field_name, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Source, source_clear)

static gboolean
not_pdf (const char  *display_name,
         const char  *problem,
         GError     **error)
{
  if (problem != NULL)
    g_set_error (error, XA_PDF_SIGNER_ERROR, XA_PDF_SIGNER_ERROR_NOT_PDF,
                 /* Translators: a file, then qpdf's explanation in English */
                 _("“%s” is not a PDF that can be signed: %s"), display_name, problem);
  else
    g_set_error (error, XA_PDF_SIGNER_ERROR, XA_PDF_SIGNER_ERROR_NOT_PDF,
                 _("“%s” is not a PDF file"), display_name);
  return FALSE;
}

static gboolean
check_qpdf (qpdf_data    qpdf,
            const char  *display_name,
            GError     **error)
{
  if (!qpdf_has_error (qpdf))
    return TRUE;

  return not_pdf (display_name, qpdf_get_error_full_text (qpdf, qpdf_get_error (qpdf)), error);
}

/* A dictionary's PDF syntax without its closing ">>", so that keys can be added. */
static char *
dup_open_dictionary (qpdf_data qpdf,
                     qpdf_oh   dict)
{
  const char *text = qpdf_oh_unparse_resolved (qpdf, dict);
  gsize len = strlen (text);

  g_assert (g_str_has_suffix (text, ">>"));
  return g_strndup (text, len - 2);
}

/* The items of an array, as PDF syntax separated by spaces; "" for a non-array. */
static char *
dup_array_items (qpdf_data qpdf,
                 qpdf_oh   array)
{
  g_autoptr(GString) items = g_string_new (NULL);

  if (!qpdf_oh_is_array (qpdf, array))
    return g_strdup ("");

  for (int i = 0; i < qpdf_oh_get_array_n_items (qpdf, array); i++)
    {
      qpdf_oh item = qpdf_oh_get_array_item (qpdf, array, i);

      g_string_append_printf (items, "%s ", qpdf_oh_unparse (qpdf, item));
    }

  return g_string_free (g_steal_pointer (&items), FALSE);
}

/* "Signature1", or the first "SignatureN" no field of @fields has. */
static char *
dup_free_field_name (qpdf_data qpdf,
                     qpdf_oh   fields)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (int i = 0; qpdf_oh_is_array (qpdf, fields) && i < qpdf_oh_get_array_n_items (qpdf, fields); i++)
    {
      qpdf_oh field = qpdf_oh_get_array_item (qpdf, fields, i);
      qpdf_oh name;

      if (!qpdf_oh_is_dictionary (qpdf, field))
        continue;
      name = qpdf_oh_get_key (qpdf, field, "/T");
      if (qpdf_oh_is_string (qpdf, name))
        g_hash_table_add (names, g_strdup (qpdf_oh_get_utf8_value (qpdf, name)));
    }

  for (guint n = 1;; n++)
    {
      g_autofree char *name = g_strdup_printf ("Signature%u", n);

      if (!g_hash_table_contains (names, name))
        return g_steal_pointer (&name);
    }
}

/* The offset after the last "startxref", and whether a classic table is there. */
static gboolean
find_last_xref (const char  *data,
                gsize        size,
                Source      *source)
{
  static const char keyword[] = "startxref";
  gsize tail = MIN (size, 2048);
  const char *found = NULL;
  const char *p = data + size - tail;
  char *end = NULL;

  /* The last occurrence: memmem finds the first, so search on past each one. */
  while ((p = memmem (p, data + size - p, keyword, strlen (keyword))) != NULL)
    {
      found = p;
      p += strlen (keyword);
    }
  if (found == NULL)
    return FALSE;

  p = found + strlen (keyword);
  while (p < data + size && g_ascii_isspace (*p))
    p++;
  if (p >= data + size || !g_ascii_isdigit (*p))
    return FALSE;
  source->prev = g_ascii_strtoull (p, &end, 10);
  if (source->prev >= size)
    return FALSE;

  source->xref_stream = !(size - source->prev >= 4 && memcmp (data + source->prev, "xref", 4) == 0);
  return TRUE;
}

static gboolean
read_source (GBytes      *pdf,
             const char  *display_name,
             int          page_index,
             Source      *source,
             GError     **error)
{
  g_auto(qpdf_data) qpdf = qpdf_init ();
  g_autoptr(GString) info = g_string_new (NULL);
  gsize size = 0;
  const char *data = g_bytes_get_data (pdf, &size);
  qpdf_oh trailer, root, page, acro_form, fields, annots, box, value;
  int n_pages;

  if (size < 8 || memmem (data, MIN (size, 1024), "%PDF-", 5) == NULL)
    return not_pdf (display_name, NULL, error);
  if (!find_last_xref (data, size, source))
    return not_pdf (display_name, "no startxref at the end of the file", error);

  /* A file that needs repairing is refused: the update's /Prev would point at a
   * cross-reference section that readers cannot use. */
  qpdf_silence_errors (qpdf);
  qpdf_set_suppress_warnings (qpdf, QPDF_TRUE);
  qpdf_set_attempt_recovery (qpdf, QPDF_FALSE);
  qpdf_read_memory (qpdf, display_name, data, size, NULL);
  if (!check_qpdf (qpdf, display_name, error))
    return FALSE;

  if (qpdf_is_encrypted (qpdf))
    {
      g_set_error (error, XA_PDF_SIGNER_ERROR, XA_PDF_SIGNER_ERROR_ENCRYPTED,
                   _("“%s” is encrypted; Xiaoan signs only PDFs that are not"), display_name);
      return FALSE;
    }

  trailer = qpdf_get_trailer (qpdf);
  root = qpdf_get_root (qpdf);
  n_pages = qpdf_get_num_pages (qpdf);
  if (!check_qpdf (qpdf, display_name, error))
    return FALSE;
  if (n_pages <= 0)
    return not_pdf (display_name, "the document has no pages", error);
  if (page_index >= n_pages)
    {
      g_set_error (error, XA_PDF_SIGNER_ERROR, XA_PDF_SIGNER_ERROR_PAGE,
                   /* Translators: a page number, a file, then its number of pages */
                   _("There is no page %d in “%s”, which has %d"), page_index + 1, display_name, n_pages);
      return FALSE;
    }
  source->page_index = page_index < 0 ? n_pages - 1 : page_index;
  page = qpdf_get_page_n (qpdf, source->page_index);

  value = qpdf_oh_get_key (qpdf, trailer, "/Size");
  if (!qpdf_oh_is_integer (qpdf, value) || qpdf_oh_get_int_value (qpdf, value) <= 0)
    return not_pdf (display_name, "the trailer has no /Size", error);
  source->size = qpdf_oh_get_int_value (qpdf, value);

  for (guint i = 0; i < 2; i++)
    {
      const char *key = i == 0 ? "/Info" : "/ID";

      if (qpdf_oh_has_key (qpdf, trailer, key))
        g_string_append_printf (info, " %s %s", key, qpdf_oh_unparse (qpdf, qpdf_oh_get_key (qpdf, trailer, key)));
    }
  source->info = g_strdup (info->str);

  source->root_id = qpdf_oh_get_object_id (qpdf, root);
  source->root_gen = qpdf_oh_get_generation (qpdf, root);
  source->page_id = qpdf_oh_get_object_id (qpdf, page);
  source->page_gen = qpdf_oh_get_generation (qpdf, page);

  /* The existing form, if any, keeps its fields and keys (/DR, /DA); the new version of
   * the catalog holds it as a direct dictionary. */
  acro_form = qpdf_oh_get_key (qpdf, root, "/AcroForm");
  if (qpdf_oh_is_dictionary (qpdf, acro_form))
    {
      g_autofree char *open = NULL;

      fields = qpdf_oh_get_key (qpdf, acro_form, "/Fields");
      source->fields = dup_array_items (qpdf, fields);
      source->field_name = dup_free_field_name (qpdf, fields);
      qpdf_oh_remove_key (qpdf, acro_form, "/Fields");
      qpdf_oh_remove_key (qpdf, acro_form, "/SigFlags");
      open = dup_open_dictionary (qpdf, acro_form);
      source->acro_form = g_strdup (open + 2);  /* without "<<" */
    }
  else
    {
      source->fields = g_strdup ("");
      source->field_name = g_strdup ("Signature1");
      source->acro_form = g_strdup ("");
    }
  qpdf_oh_remove_key (qpdf, root, "/AcroForm");
  source->catalog = dup_open_dictionary (qpdf, root);

  annots = qpdf_oh_get_key (qpdf, page, "/Annots");
  source->annots = dup_array_items (qpdf, annots);
  qpdf_oh_remove_key (qpdf, page, "/Annots");
  source->page = dup_open_dictionary (qpdf, page);

  /* The page's size, for the place of a visible signature; inherited boxes count too. */
  box = qpdf_oh_get_key (qpdf, page, "/MediaBox");
  for (qpdf_oh parent = page; !qpdf_oh_is_array (qpdf, box) && qpdf_oh_has_key (qpdf, parent, "/Parent");)
    {
      parent = qpdf_oh_get_key (qpdf, parent, "/Parent");
      box = qpdf_oh_get_key (qpdf, parent, "/MediaBox");
    }
  if (qpdf_oh_is_array (qpdf, box) && qpdf_oh_get_array_n_items (qpdf, box) == 4)
    {
      for (int i = 0; i < 4; i++)
        qpdf_oh_get_value_as_number (qpdf, qpdf_oh_get_array_item (qpdf, box, i), &source->media_box[i]);
    }
  else
    {
      source->media_box[2] = 595.276;
      source->media_box[3] = 841.89;
    }

  return check_qpdf (qpdf, display_name, error);
}

/* Writing the update ---------------------------------------------------------------- */

typedef struct
{
  guint   id;
  guint   gen;
  guint64 offset;
} XrefEntry;

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const XrefEntry *ea = a, *eb = b;

  return (ea->id > eb->id) - (ea->id < eb->id);
}

/* Starts object @id of generation @gen at the end of @out, and records where. */
void
_xa_pdf_begin_object (GByteArray *out,
                      GArray     *entries,
                      guint       id,
                      guint       gen)
{
  XrefEntry entry = { id, gen, out->len };
  g_autofree char *head = g_strdup_printf ("%u %u obj\n", id, gen);

  g_array_append_val (entries, entry);
  g_byte_array_append (out, (const guint8 *) head, strlen (head));
}

void
_xa_pdf_append (GByteArray *out,
                const char *format,
                ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  g_byte_array_append (out, (const guint8 *) text, strlen (text));
}

/* The runs of consecutive object numbers, as /Index or as the table's subsections. */
static void
append_classic_xref (GByteArray   *out,
                     GArray       *entries,
                     const Source *source,
                     guint         size)
{
  guint64 start = out->len;

  _xa_pdf_append (out, "xref\n");
  for (guint i = 0; i < entries->len;)
    {
      guint run = 1;

      while (i + run < entries->len
             && g_array_index (entries, XrefEntry, i + run).id == g_array_index (entries, XrefEntry, i).id + run)
        run++;
      _xa_pdf_append (out, "%u %u\n", g_array_index (entries, XrefEntry, i).id, run);
      for (guint j = i; j < i + run; j++)
        {
          const XrefEntry *entry = &g_array_index (entries, XrefEntry, j);

          _xa_pdf_append (out, "%010" G_GUINT64_FORMAT " %05u n\r\n", entry->offset, entry->gen);
        }
      i += run;
    }

  _xa_pdf_append (out, "trailer\n<< /Size %u /Root %d %d R /Prev %" G_GUINT64_FORMAT "%s >>\n"
                  "startxref\n%" G_GUINT64_FORMAT "\n%%%%EOF\n",
                  size, source->root_id, source->root_gen, source->prev, source->info, start);
}

/* A cross-reference stream, for a file whose last section is one (Cairo 1.18 writes
 * them): /W [1 4 2], uncompressed. */
static void
append_xref_stream (GByteArray   *out,
                    GArray       *entries,
                    const Source *source,
                    guint         id)
{
  g_autoptr(GString) index = g_string_new (NULL);
  g_autoptr(GByteArray) rows = g_byte_array_new ();
  guint64 start = out->len;
  XrefEntry self = { id, 0, start };

  g_array_append_val (entries, self);
  g_array_sort (entries, compare_entries);

  for (guint i = 0; i < entries->len;)
    {
      guint run = 1;

      while (i + run < entries->len
             && g_array_index (entries, XrefEntry, i + run).id == g_array_index (entries, XrefEntry, i).id + run)
        run++;
      g_string_append_printf (index, "%u %u ", g_array_index (entries, XrefEntry, i).id, run);
      i += run;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      const XrefEntry *entry = &g_array_index (entries, XrefEntry, i);
      guint8 row[7] = { 1,
                        entry->offset >> 24, entry->offset >> 16, entry->offset >> 8, entry->offset,
                        entry->gen >> 8, entry->gen };

      g_byte_array_append (rows, row, sizeof row);
    }

  _xa_pdf_append (out, "%u 0 obj\n<< /Type /XRef /Size %u /Root %d %d R /Prev %" G_GUINT64_FORMAT
                  "%s /Index [ %s] /W [ 1 4 2 ] /Length %u >>\nstream\n",
                  id, id + 1, source->root_id, source->root_gen, source->prev, source->info,
                  index->str, rows->len);
  g_byte_array_append (out, rows->data, rows->len);
  _xa_pdf_append (out, "\nendstream\nendobj\nstartxref\n%" G_GUINT64_FORMAT "\n%%%%EOF\n", start);
}

/* "D:20211201093000+08'00'" */
static char *
format_pdf_date (GDateTime *time)
{
  g_autofree char *stamp = g_date_time_format (time, "D:%Y%m%d%H%M%S");
  GTimeSpan offset = g_date_time_get_utc_offset (time) / G_TIME_SPAN_MINUTE;
  gint64 minutes = ABS (offset);

  return g_strdup_printf ("%s%c%02" G_GINT64_FORMAT "'%02" G_GINT64_FORMAT "'", stamp,
                          offset < 0 ? '-' : '+', minutes / 60, minutes % 60);
}

/* The detached CMS of @data: SHA-256, the signing time as a signed attribute, the
 * signer's certificate and the chain above it. */
static gboolean
make_cms (XaPdfCredentials  *credentials,
          const guint8      *data,
          gsize              size,
          gnutls_datum_t    *cms,
          GError           **error)
{
  gnutls_pkcs7_t pkcs7 = NULL;
  gnutls_datum_t content = { (unsigned char *) data, size };
  int ret;

  gnutls_pkcs7_init (&pkcs7);
  for (unsigned int i = 1; i < credentials->chain_len; i++)
    gnutls_pkcs7_set_crt (pkcs7, credentials->chain[i]);

  ret = gnutls_pkcs7_sign (pkcs7, credentials->chain[0], credentials->key, &content, NULL, NULL,
                           GNUTLS_DIG_SHA256, GNUTLS_PKCS7_INCLUDE_TIME | GNUTLS_PKCS7_INCLUDE_CERT);
  if (ret >= 0)
    ret = gnutls_pkcs7_export2 (pkcs7, GNUTLS_X509_FMT_DER, cms);
  gnutls_pkcs7_deinit (pkcs7);

  if (ret < 0)
    {
      g_set_error (error, XA_PDF_SIGNER_ERROR, XA_PDF_SIGNER_ERROR_SIGN,
                   _("GnuTLS cannot sign: %s"), gnutls_strerror (ret));
      return FALSE;
    }

  return TRUE;
}

static gsize
reserved_cms_size (XaPdfCredentials *credentials)
{
  gsize size = CMS_RESERVE;

  for (unsigned int i = 0; i < credentials->chain_len; i++)
    {
      gnutls_datum_t der = { NULL, 0 };

      if (gnutls_x509_crt_export2 (credentials->chain[i], GNUTLS_X509_FMT_DER, &der) >= 0)
        size += der.size;
      gnutls_free (der.data);
    }

  return size;
}

/**
 * xa_pdf_sign_bytes:
 * @pdf: the file to sign
 * @display_name: the file's name in messages
 *
 * Appends a signature to @pdf as an incremental update; @pdf itself is untouched.
 *
 * Returns: (transfer full) (nullable): the signed file, or %NULL with @error set
 */
GBytes *
xa_pdf_sign_bytes (GBytes                  *pdf,
                   const char              *display_name,
                   XaPdfCredentials        *credentials,
                   const XaPdfSignOptions  *options,
                   GError                 **error)
{
  static const XaPdfSignOptions defaults = { -1, FALSE, { 0, 0, 0, 0 }, NULL };
  g_auto(Source) source = { NULL, };
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (XrefEntry));
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GByteArray) signed_data = NULL;
  g_autofree char *date = NULL;
  g_autofree char *range = NULL;
  gnutls_datum_t cms = { NULL, 0 };
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (pdf, &size);
  guint widget_id, sig_id, next_id;
  gsize reserve, byte_range_at, contents_at, contents_end;
  double rect[4] = { 0, 0, 0, 0 };

  g_return_val_if_fail (pdf != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (credentials != NULL, NULL);

  if (options == NULL)
    options = &defaults;
  if (!read_source (pdf, display_name, options->page, &source, error))
    return NULL;

  now = options->time != NULL ? g_date_time_ref (options->time) : g_date_time_new_now_local ();
  date = format_pdf_date (now);
  reserve = reserved_cms_size (credentials);

  g_byte_array_append (out, data, size);
  if (size > 0 && data[size - 1] != '\n' && data[size - 1] != '\r')
    _xa_pdf_append (out, "\n");

  widget_id = source.size;
  sig_id = source.size + 1;
  next_id = source.size + 2;

  if (options->visible)
    {
      memcpy (rect, options->rect, sizeof rect);
      if (rect[2] <= 0 || rect[3] <= 0)
        _xa_pdf_find_signature_place (pdf, source.page_index, source.media_box, rect);
    }

  /* The signature value, its byte range and /Contents last, so that the numbers are
   * filled in without moving anything. */
  _xa_pdf_begin_object (out, entries, sig_id, 0);
  _xa_pdf_append (out, "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /M (%s)\n"
                  "/ByteRange ", date);
  byte_range_at = out->len;
  _xa_pdf_append (out, "%-*s\n/Contents ", BYTE_RANGE_WIDTH, "[ ]");
  contents_at = out->len;
  _xa_pdf_append (out, "<");
  g_byte_array_set_size (out, out->len + 2 * reserve);
  memset (out->data + out->len - 2 * reserve, '0', 2 * reserve);
  _xa_pdf_append (out, ">");
  contents_end = out->len;
  _xa_pdf_append (out, " >>\nendobj\n");

  /* The field and its widget in one dictionary, on the page. */
  _xa_pdf_begin_object (out, entries, widget_id, 0);
  _xa_pdf_append (out, "<< /Type /Annot /Subtype /Widget /FT /Sig /T (%s) /V %u 0 R /P %d %d R /F 132\n"
                  "/Rect [ %.2f %.2f %.2f %.2f ]",
                  source.field_name, sig_id, source.page_id, source.page_gen,
                  rect[0], rect[1], rect[0] + rect[2], rect[1] + rect[3]);
  if (options->visible)
    {
      guint appearance_id = next_id;

      _xa_pdf_append (out, " /AP << /N %u 0 R >> >>\nendobj\n", appearance_id);
      if (!_xa_pdf_append_appearance (out, entries, &next_id, rect[2], rect[3],
                                      credentials->name, now, error))
        return NULL;
    }
  else
    _xa_pdf_append (out, " >>\nendobj\n");

  _xa_pdf_begin_object (out, entries, source.root_id, source.root_gen);
  _xa_pdf_append (out, "%s /AcroForm << %s /Fields [ %s%u 0 R ] /SigFlags 3 >> >>\nendobj\n",
                  source.catalog, source.acro_form, source.fields, widget_id);

  _xa_pdf_begin_object (out, entries, source.page_id, source.page_gen);
  _xa_pdf_append (out, "%s /Annots [ %s%u 0 R ] >>\nendobj\n", source.page, source.annots, widget_id);

  g_array_sort (entries, compare_entries);
  if (source.xref_stream)
    append_xref_stream (out, entries, &source, next_id);
  else
    append_classic_xref (out, entries, &source, next_id);

  /* Everything but /Contents' hex string is signed, the brackets included. */
  range = g_strdup_printf ("[ 0 %" G_GSIZE_FORMAT " %" G_GSIZE_FORMAT " %" G_GSIZE_FORMAT " ]",
                           contents_at, contents_end, out->len - contents_end);
  g_assert (strlen (range) <= BYTE_RANGE_WIDTH);
  memcpy (out->data + byte_range_at, range, strlen (range));

  signed_data = g_byte_array_sized_new (out->len - (contents_end - contents_at));
  g_byte_array_append (signed_data, out->data, contents_at);
  g_byte_array_append (signed_data, out->data + contents_end, out->len - contents_end);
  if (!make_cms (credentials, signed_data->data, signed_data->len, &cms, error))
    return NULL;

  if (cms.size > reserve)
    {
      gnutls_free (cms.data);
      g_set_error (error, XA_PDF_SIGNER_ERROR, XA_PDF_SIGNER_ERROR_SIGN,
                   _("The signature is larger than the room kept for it (%u bytes)"), (guint) reserve);
      return NULL;
    }
  for (unsigned int i = 0; i < cms.size; i++)
    {
      static const char hex[] = "0123456789ABCDEF";

      out->data[contents_at + 1 + 2 * i] = hex[cms.data[i] >> 4];
      out->data[contents_at + 2 + 2 * i] = hex[cms.data[i] & 0xf];
    }
  gnutls_free (cms.data);

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/**
 * xa_pdf_sign_file:
 * @in_path: (type filename): the PDF to sign
 * @out_path: (type filename): the signed copy, written atomically; may be @in_path
 *
 * Signs a copy of @in_path into @out_path. Nothing is written when anything fails.
 * Blocks: call it from a worker thread in the app.
 *
 * Returns: %TRUE when the signed file is on disk
 */
gboolean
xa_pdf_sign_file (const char              *in_path,
                  XaPdfCredentials        *credentials,
                  const XaPdfSignOptions  *options,
                  const char              *out_path,
                  GError                 **error)
{
  g_autofree char *display = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) signed_pdf = NULL;
  gsize length = 0;

  g_return_val_if_fail (in_path != NULL, FALSE);
  g_return_val_if_fail (out_path != NULL, FALSE);

  display = g_filename_display_name (in_path);
  if (!g_file_get_contents (in_path, &contents, &length, &local_error))
    {
      g_set_error (error, XA_PDF_SIGNER_ERROR, XA_PDF_SIGNER_ERROR_NOT_PDF,
                   _("Cannot read “%s”: %s"), display, local_error->message);
      return FALSE;
    }

  pdf = g_bytes_new_take (g_steal_pointer (&contents), length);
  signed_pdf = xa_pdf_sign_bytes (pdf, display, credentials, options, error);
  if (signed_pdf == NULL)
    return FALSE;

  return xa_pdf_file_save (signed_pdf, out_path, error);
}
