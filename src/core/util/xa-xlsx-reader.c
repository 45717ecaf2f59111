/* xa-xlsx-reader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads the first sheet of an Excel or WPS workbook (.xlsx) one row at a time, as
 * XaCsvReader reads a CSV file: bounded, so that whatever a user picks is refused with a
 * message rather than filling memory. The zip is read by libarchive and the XML by
 * libxml2's streaming reader, without network, DTDs or entity expansion (a document
 * with a DOCTYPE is refused); every part's unpacked size is limited, which stops a zip
 * bomb.
 *
 * A workbook is a zip of XML parts: xl/workbook.xml lists the sheets, its relationships
 * (xl/_rels/workbook.xml.rels) say which part holds each, xl/sharedStrings.xml holds the
 * text that cells refer to by number. A cell's value comes back as text: a shared or
 * inline string as written (without its phonetic guides), a number as Excel stores it
 * (a date is a number of days: xa_xlsx_reader_dup_date() turns it into one), a boolean
 * as 1 or 0.
 */

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n.h>
#include <libxml/xmlreader.h>
#include <string.h>
#include <sys/stat.h>

#include "xa-csv-reader.h"
#include "xa-xlsx-reader.h"

#define ATTRIBUTES G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE
#define WORKBOOK  "xl/workbook.xml"
#define RELATIONS "xl/_rels/workbook.xml.rels"
#define STRINGS   "xl/sharedStrings.xml"

G_DEFINE_QUARK (xa-xlsx-error-quark, xa_xlsx_error)

struct _XaXlsxReader
{
  char             *path;
  char             *display;
  GBytes           *sheet;       /* the first sheet's XML */
  GPtrArray        *strings;     /* the shared strings */
  gboolean          date1904;
  xmlTextReaderPtr  xml;
  gboolean          invalid;     /* the XML reader met an error */
};

static gboolean
set_invalid (XaXlsxReader  *self,
             GError       **error)
{
  g_set_error (error, XA_XLSX_ERROR, XA_XLSX_ERROR_INVALID,
               _("“%s” is not an Excel workbook (.xlsx) or is damaged; save it again from Excel or WPS"),
               self->display);
  return FALSE;
}

/* Only a regular file of a sane size is opened. */
static gboolean
check_file (XaXlsxReader  *self,
            GFile         *file,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!(info = g_file_query_info (file, ATTRIBUTES, G_FILE_QUERY_INFO_NONE, cancellable, &local_error)))
    {
      g_set_error (error, XA_XLSX_ERROR, XA_XLSX_ERROR_READ,
                   _("Cannot read “%s”: %s"), self->display, local_error->message);
      return FALSE;
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, XA_XLSX_ERROR, XA_XLSX_ERROR_NOT_REGULAR,
                   _("“%s” is not a regular file; save the ledger as a workbook and choose that file"),
                   self->display);
      return FALSE;
    }

  if (g_file_info_get_size (info) > XA_CSV_MAX_FILE_SIZE)
    {
      g_set_error (error, XA_XLSX_ERROR, XA_XLSX_ERROR_TOO_LARGE,
                   _("“%s” is larger than %d MB; split the list into smaller files"),
                   self->display, XA_CSV_MAX_FILE_SIZE / (1024 * 1024));
      return FALSE;
    }

  return TRUE;
}

/**
 * xa_xlsx_is_zip:
 *
 * Returns: whether @file starts as a zip file does, as a workbook must
 */
gboolean
xa_xlsx_is_zip (GFile *file)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  guchar magic[4] = { 0 };
  gsize n = 0;

  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), magic, sizeof magic, &n, NULL, NULL))
    return FALSE;

  return n == sizeof magic && memcmp (magic, "PK\x03\x04", 4) == 0;
}

static struct archive *
open_archive (XaXlsxReader  *self,
              GError       **error)
{
  struct archive *archive = archive_read_new ();

  archive_read_support_format_zip_seekable (archive);
  if (archive_read_open_filename (archive, self->path, 64 * 1024) != ARCHIVE_OK)
    {
      archive_read_free (archive);
      set_invalid (self, error);
      return NULL;
    }

  return archive;
}

/* Unpacks the parts named in @names (NULL-terminated) into @parts, each at most
 * XA_XLSX_MAX_PART_SIZE; a part not in the zip stays NULL. */
static gboolean
read_parts (XaXlsxReader        *self,
            const char * const  *names,
            GBytes             **parts,
            GError             **error)
{
  struct archive *archive;
  struct archive_entry *entry;
  int status;

  if (!(archive = open_archive (self, error)))
    return FALSE;

  while ((status = archive_read_next_header (archive, &entry)) == ARCHIVE_OK)
    {
      const char *name = archive_entry_pathname (entry);
      g_autoptr(GByteArray) data = NULL;
      char buffer[64 * 1024];
      la_ssize_t n;
      guint index;

      if (name == NULL || !g_strv_contains (names, name))
        continue;

      for (index = 0; g_strcmp0 (names[index], name) != 0; index++)
        ;

      data = g_byte_array_new ();
      while ((n = archive_read_data (archive, buffer, sizeof buffer)) > 0)
        {
          if (data->len + n > XA_XLSX_MAX_PART_SIZE)
            {
              archive_read_free (archive);
              g_set_error (error, XA_XLSX_ERROR, XA_XLSX_ERROR_TOO_LARGE,
                           _("“%s” unpacks to more than %d MB; check that this is the right workbook"),
                           self->display, XA_XLSX_MAX_PART_SIZE / (1024 * 1024));
              return FALSE;
            }
          g_byte_array_append (data, (guint8 *) buffer, n);
        }

      if (n < 0)
        break;

      g_clear_pointer (&parts[index], g_bytes_unref);
      parts[index] = g_byte_array_free_to_bytes (g_steal_pointer (&data));
    }

  archive_read_free (archive);
  if (status != ARCHIVE_EOF)
    return set_invalid (self, error);

  return TRUE;
}

static void
ignore_xml_error (void        *user_data,
                  xmlErrorPtr  error)
{
  gboolean *invalid = user_data;

  *invalid = TRUE;
}

static xmlTextReaderPtr
xml_open (GBytes   *part,
          gboolean *invalid)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (part, &size);
  xmlTextReaderPtr xml;

  if (size > G_MAXINT)
    return NULL;

  /* No network, no DTD, entities left as they are. */
  xml = xmlReaderForMemory (data, (int) size, NULL, "UTF-8", XML_PARSE_NONET | XML_PARSE_NOCDATA);
  if (xml != NULL)
    xmlTextReaderSetStructuredErrorHandler (xml, ignore_xml_error, invalid);
  return xml;
}

/* The next node: 1, or 0 at the end, or -1 on an error or a DOCTYPE. */
static int
xml_read (xmlTextReaderPtr xml)
{
  int status = xmlTextReaderRead (xml);

  if (status == 1 && xmlTextReaderNodeType (xml) == XML_READER_TYPE_DOCUMENT_TYPE)
    return -1;

  return status;
}

static gboolean
is_element (xmlTextReaderPtr  xml,
            const char       *name)
{
  return xmlTextReaderNodeType (xml) == XML_READER_TYPE_ELEMENT &&
         g_strcmp0 ((const char *) xmlTextReaderConstLocalName (xml), name) == 0;
}

static gboolean
is_end (xmlTextReaderPtr  xml,
        const char       *name)
{
  return xmlTextReaderNodeType (xml) == XML_READER_TYPE_END_ELEMENT &&
         g_strcmp0 ((const char *) xmlTextReaderConstLocalName (xml), name) == 0;
}

static char *
dup_attribute (xmlTextReaderPtr  xml,
               const char       *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (xml, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

/* The relationship id of the first sheet, and whether dates count from 1904. */
static char *
read_workbook (XaXlsxReader *self,
               GBytes       *part)
{
  xmlTextReaderPtr xml = xml_open (part, &self->invalid);
  char *id = NULL;
  int status;

  if (xml == NULL)
    return NULL;

  while (id == NULL && (status = xml_read (xml)) == 1)
    {
      if (is_element (xml, "workbookPr"))
        {
          g_autofree char *date1904 = dup_attribute (xml, "date1904");

          self->date1904 = g_strcmp0 (date1904, "1") == 0 || g_strcmp0 (date1904, "true") == 0;
        }
      else if (is_element (xml, "sheet"))
        {
          /* r:id, in the relationships namespace. */
          xmlChar *value = xmlTextReaderGetAttributeNs (xml, (const xmlChar *) "id",
            (const xmlChar *) "http://schemas.openxmlformats.org/officeDocument/2006/relationships");

          id = g_strdup ((const char *) value);
          xmlFree (value);
        }
    }

  xmlFreeTextReader (xml);
  return id;
}

/* The part that relationship @id points at, as a path in the zip. */
static char *
read_relation (XaXlsxReader *self,
               GBytes       *part,
               const char   *id)
{
  xmlTextReaderPtr xml = xml_open (part, &self->invalid);
  char *path = NULL;

  if (xml == NULL)
    return NULL;

  while (path == NULL && xml_read (xml) == 1)
    {
      g_autofree char *rel_id = NULL;
      g_autofree char *target = NULL;

      if (!is_element (xml, "Relationship"))
        continue;

      rel_id = dup_attribute (xml, "Id");
      if (g_strcmp0 (rel_id, id) != 0 || !(target = dup_attribute (xml, "Target")))
        continue;

      /* Relative to xl/, or from the zip's root. */
      path = target[0] == '/' ? g_strdup (target + 1) : g_strconcat ("xl/", target, NULL);
    }

  xmlFreeTextReader (xml);
  return path;
}

/* The text of a string item (<si> or <is>), from its current node: its <t> elements,
 * those of phonetic guides (<rPh>) left out. */
static char *
read_string_item (xmlTextReaderPtr  xml,
                  const char       *item,
                  gboolean         *failed)
{
  GString *text = g_string_new (NULL);
  int status = 1;

  if (xmlTextReaderIsEmptyElement (xml))
    return g_string_free (text, FALSE);

  while ((status = xml_read (xml)) == 1 && !is_end (xml, item))
    {
      if (is_element (xml, "rPh") && !xmlTextReaderIsEmptyElement (xml))
        {
          while ((status = xml_read (xml)) == 1 && !is_end (xml, "rPh"))
            ;
          if (status != 1)
            break;
        }
      else if (is_element (xml, "t") && !xmlTextReaderIsEmptyElement (xml))
        {
          xmlChar *value = xmlTextReaderReadString (xml);

          g_string_append (text, (const char *) value);
          xmlFree (value);
        }
    }

  *failed = status != 1;
  return g_string_free (text, FALSE);
}

static gboolean
read_strings (XaXlsxReader  *self,
              GBytes        *part,
              GError       **error)
{
  xmlTextReaderPtr xml = xml_open (part, &self->invalid);
  gboolean failed = FALSE;
  gsize total = 0;
  int status;

  if (xml == NULL)
    return set_invalid (self, error);

  while (!failed && (status = xml_read (xml)) == 1)
    {
      if (is_element (xml, "si"))
        {
          char *text = read_string_item (xml, "si", &failed);

          total += strlen (text);
          g_ptr_array_add (self->strings, text);
        }
    }

  xmlFreeTextReader (xml);
  if (failed || status < 0 || self->invalid || total > XA_XLSX_MAX_PART_SIZE)
    return set_invalid (self, error);

  return TRUE;
}

/**
 * xa_xlsx_reader_open:
 * @file: a workbook saved by Excel, WPS or another spreadsheet
 *
 * Opens @file after making sure it is a regular file no larger than
 * %XA_CSV_MAX_FILE_SIZE, and reads the workbook's list of sheets and its shared strings.
 *
 * Returns: (transfer full) (nullable): the reader at the first sheet's first row
 */
XaXlsxReader *
xa_xlsx_reader_open (GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(XaXlsxReader) self = g_new0 (XaXlsxReader, 1);
  const char *index_names[] = { WORKBOOK, RELATIONS, STRINGS, NULL };
  GBytes *index_parts[G_N_ELEMENTS (index_names)] = { NULL };
  g_autofree char *sheet_id = NULL;
  g_autofree char *sheet_path = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self->display = g_file_get_parse_name (file);
  self->strings = g_ptr_array_new_with_free_func (g_free);

  if (!(self->path = g_file_get_path (file)))
    {
      g_set_error (error, XA_XLSX_ERROR, XA_XLSX_ERROR_READ,
                   _("Cannot read “%s”: it is not in a local folder"), self->display);
      return NULL;
    }

  if (!check_file (self, file, cancellable, error) || !read_parts (self, index_names, index_parts, error))
    goto out;

  if (index_parts[0] == NULL || index_parts[1] == NULL ||
      !(sheet_id = read_workbook (self, index_parts[0])) ||
      !(sheet_path = read_relation (self, index_parts[1], sheet_id)))
    {
      set_invalid (self, error);
      goto out;
    }

  if (index_parts[2] != NULL && !read_strings (self, index_parts[2], error))
    goto out;

  {
    const char *sheet_names[] = { sheet_path, NULL };
    GBytes *sheet_parts[1] = { NULL };

    if (!read_parts (self, sheet_names, sheet_parts, error))
      goto out;
    self->sheet = sheet_parts[0];
  }

  if (self->sheet == NULL || !(self->xml = xml_open (self->sheet, &self->invalid)))
    {
      set_invalid (self, error);
      goto out;
    }

  ok = TRUE;

out:
  for (guint i = 0; i < G_N_ELEMENTS (index_parts); i++)
    g_clear_pointer (&index_parts[i], g_bytes_unref);

  return ok ? g_steal_pointer (&self) : NULL;
}

/* The column of a cell reference such as AB12, from 0; -1 when it is not one. */
static int
column_of (const char *reference)
{
  int column = 0;
  const char *p = reference;

  if (reference == NULL || !g_ascii_isalpha (*p))
    return -1;

  for (; g_ascii_isalpha (*p); p++)
    {
      column = column * 26 + (g_ascii_toupper (*p) - 'A' + 1);
      if (column > XA_XLSX_MAX_COLUMNS)
        return XA_XLSX_MAX_COLUMNS;
    }

  return column - 1;
}

/* A cell's value as text, from its <c> element to its end. */
static char *
read_cell (XaXlsxReader *self,
           const char   *type,
           gboolean     *failed)
{
  xmlTextReaderPtr xml = self->xml;
  g_autofree char *value = NULL;
  int status = 1;

  if (xmlTextReaderIsEmptyElement (xml))
    return g_strdup ("");

  while ((status = xml_read (xml)) == 1 && !is_end (xml, "c"))
    {
      if (is_element (xml, "v") && !xmlTextReaderIsEmptyElement (xml))
        {
          xmlChar *text = xmlTextReaderReadString (xml);

          g_free (value);
          value = g_strdup ((const char *) text);
          xmlFree (text);
        }
      else if (is_element (xml, "is"))
        {
          g_free (value);
          value = read_string_item (xml, "is", failed);
          if (*failed)
            return NULL;
        }
    }

  if (status != 1)
    {
      *failed = TRUE;
      return NULL;
    }

  if (g_strcmp0 (type, "s") == 0)
    {
      guint64 index = 0;

      if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT, &index, NULL) ||
          index >= self->strings->len)
        {
          *failed = TRUE;
          return NULL;
        }
      return g_strdup (g_ptr_array_index (self->strings, index));
    }

  /* A formula's error (#N/A) is no value. */
  if (g_strcmp0 (type, "e") == 0)
    return g_strdup ("");

  return value != NULL ? g_steal_pointer (&value) : g_strdup ("");
}

static GPtrArray *
invalid_row (XaXlsxReader  *self,
             GError       **error)
{
  set_invalid (self, error);
  return NULL;
}

static gboolean
row_is_blank (GPtrArray *cells)
{
  for (guint i = 0; i < cells->len; i++)
    {
      const char *cell = g_ptr_array_index (cells, i);

      for (const char *p = cell; *p != '\0'; p = g_utf8_next_char (p))
        if (!g_unichar_isspace (g_utf8_get_char (p)))
          return FALSE;
    }

  return TRUE;
}

/**
 * xa_xlsx_reader_next:
 * @row: (out) (optional): the row's number in the sheet, from 1
 *
 * Reads the next row that is not blank; an empty cell is "".
 *
 * Returns: (transfer full) (nullable) (element-type utf8): the cells, or %NULL at the
 *   end, or with @error set when the sheet is damaged or has more than
 *   %XA_XLSX_MAX_COLUMNS columns
 */
GPtrArray *
xa_xlsx_reader_next (XaXlsxReader  *self,
                     guint         *row,
                     GError       **error)
{
  int status;

  g_return_val_if_fail (self != NULL, NULL);

  while ((status = xml_read (self->xml)) == 1)
    {
      g_autoptr(GPtrArray) cells = NULL;
      g_autofree char *number = NULL;
      guint64 row_number = 0;
      gboolean failed = FALSE;

      if (!is_element (self->xml, "row"))
        continue;

      number = dup_attribute (self->xml, "r");
      if (number == NULL || !g_ascii_string_to_unsigned (number, 10, 1, G_MAXUINT, &row_number, NULL))
        return invalid_row (self, error);

      cells = g_ptr_array_new_with_free_func (g_free);
      if (!xmlTextReaderIsEmptyElement (self->xml))
        while ((status = xml_read (self->xml)) == 1 && !is_end (self->xml, "row"))
          {
            g_autofree char *reference = NULL;
            g_autofree char *type = NULL;
            char *value;
            int column;

            if (!is_element (self->xml, "c"))
              continue;

            reference = dup_attribute (self->xml, "r");
            type = dup_attribute (self->xml, "t");
            column = reference != NULL ? column_of (reference) : (int) cells->len;
            if (column < 0 || (reference == NULL && column >= XA_XLSX_MAX_COLUMNS))
              return invalid_row (self, error);
            if (column >= XA_XLSX_MAX_COLUMNS)
              {
                g_set_error (error, XA_XLSX_ERROR, XA_XLSX_ERROR_INVALID,
                             _("Row %u of “%s” has more than %u columns; check that this is the right workbook"),
                             (guint) row_number, self->display, XA_XLSX_MAX_COLUMNS);
                return NULL;
              }

            if (!(value = read_cell (self, type, &failed)))
              return invalid_row (self, error);

            while (cells->len < (guint) column)
              g_ptr_array_add (cells, g_strdup (""));
            if ((guint) column < cells->len)
              {
                /* A cell given twice: the last one stands. */
                g_free (cells->pdata[column]);
                cells->pdata[column] = value;
              }
            else
              g_ptr_array_add (cells, value);
          }

      if (status != 1)
        break;

      if (row_is_blank (cells))
        continue;

      if (row != NULL)
        *row = (guint) row_number;
      return g_steal_pointer (&cells);
    }

  if (status < 0 || self->invalid)
    return invalid_row (self, error);

  return NULL;
}

/**
 * xa_xlsx_reader_dup_date:
 * @serial: a cell's value
 *
 * A date cell holds the number of days since the workbook's epoch (1899-12-30, or
 * 1904-01-01 for a workbook that says so); a time of day after the point is dropped.
 *
 * Returns: (transfer full) (nullable): the date as YYYY-MM-DD, or %NULL when @serial is
 *   not such a number
 */
char *
xa_xlsx_reader_dup_date (XaXlsxReader *self,
                         const char   *serial)
{
  g_autoptr(GDateTime) epoch = NULL;
  g_autoptr(GDateTime) date = NULL;
  char *end = NULL;
  double days;

  g_return_val_if_fail (self != NULL, NULL);

  if (serial == NULL || !g_ascii_isdigit (serial[0]))
    return NULL;

  days = g_ascii_strtod (serial, &end);
  if (end == serial || *end != '\0' || days < 1 || days > 2958465 /* 9999-12-31 */)
    return NULL;

  epoch = self->date1904 ? g_date_time_new_utc (1904, 1, 1, 0, 0, 0) : g_date_time_new_utc (1899, 12, 30, 0, 0, 0);
  date = g_date_time_add_days (epoch, (int) days);
  return date != NULL ? g_date_time_format (date, "%Y-%m-%d") : NULL;
}

void
xa_xlsx_reader_free (XaXlsxReader *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->xml, xmlFreeTextReader);
  g_clear_pointer (&self->sheet, g_bytes_unref);
  g_clear_pointer (&self->strings, g_ptr_array_unref);
  g_free (self->path);
  g_free (self->display);
  g_free (self);
}
