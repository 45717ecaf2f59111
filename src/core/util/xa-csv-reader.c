/* xa-csv-reader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads a CSV file saved from Excel or WPS one record at a time, in bounded memory, so
 * that whatever a user picks (the wrong file, a huge one, /dev/zero, a pipe) is refused
 * with a message that names it instead of filling memory or waiting forever.
 *
 * Schools in China save CSV in GB18030 (GBK) unless they pick "CSV UTF-8", so both are
 * read: a byte order mark says UTF-8; otherwise a file that is valid UTF-8 to its end is
 * UTF-8, and any other is GB18030. That takes the whole file, so a first pass only checks
 * the encoding, in chunks, and the second decodes and parses. A file neither encoding can
 * read is reported at the byte where the one that read further gave up, and its rows are
 * never parsed: a wrong decoding would only make up problems that are not there.
 *
 * The records follow RFC 4180: fields separated by commas, optionally quoted; a quoted
 * field may hold commas, line breaks and doubled quotes. Line breaks of any program
 * (CR LF, LF, CR) count as one.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xa-csv-reader.h"
#include "xa-file-door.h"
#include "xa-text.h"

#define CHUNK_SIZE (64 * 1024)
#define ATTRIBUTES XA_FILE_DOOR_ATTRIBUTES

G_DEFINE_QUARK (xa-csv-error-quark, xa_csv_error)

/* Reads the raw bytes of one pass and hands them on as UTF-8 text, a chunk at a time. */
typedef struct
{
  GInputStream *stream;
  GConverter   *converter;   /* GB18030 to UTF-8; NULL when the file is UTF-8 */
  XaCsvReader  *reporter;    /* reports NUL bytes; NULL in the pass that checks the encoding */

  char          raw[CHUNK_SIZE];
  gsize         raw_start;   /* the first byte not decoded yet */
  gsize         raw_end;
  goffset       n_read;
  gboolean      started;
  gboolean      eof;
  guchar        first[2];    /* the file's first bytes, which tell UTF-16 */
  gboolean      had_bom;

  /* Where raw_start is in the file */
  goffset       offset;
  guint         line;

  /* The line of raw_end, and the last one whose NUL byte was reported */
  guint         read_line;
  guint         nul_line;

  char          text[CHUNK_SIZE];

  /* The first byte the encoding cannot read, once met */
  gboolean      bad;
  goffset       bad_offset;
  guint         bad_line;
  guchar        bad_byte;
} Decoder;

typedef enum
{
  IN_FIELD_START,
  IN_UNQUOTED,
  IN_QUOTED,
  IN_QUOTED_QUOTE,  /* a quotation mark inside quotes: doubled, or the closing one */
  IN_AFTER_QUOTE,
} State;

typedef enum
{
  PARSE_MORE,
  PARSE_RECORD,
  PARSE_STOP,
} ParseResult;

struct _XaCsvReader
{
  GFile            *file;
  char             *display;
  GCancellable     *cancellable;
  XaCsvProblemFunc  problem_func;
  gpointer          problem_data;
  gboolean          stopped;     /* a problem ended the reading */
  gboolean          done;

  /* The pass that parses, and the text it decoded that is not parsed yet */
  Decoder          *decoder;
  const char       *span;
  gsize             span_length;
  gboolean          after_cr;

  /* The record being read */
  State             state;
  GPtrArray        *fields;
  GString          *field;
  guint             line;        /* of the next character */
  guint             record_line;
  guint             field_line;
  gsize             record_size;
  gboolean          bad_quote;
};

G_GNUC_PRINTF (3, 4)
static void
report (XaCsvReader *self,
        guint        line,
        const char  *format,
        ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  self->problem_func (line, reason, self->problem_data);
}

static ParseResult
stop (XaCsvReader *self)
{
  self->stopped = TRUE;
  self->done = TRUE;
  return PARSE_STOP;
}

static gboolean
set_read_error (XaCsvReader  *self,
                GError       *cause,
                GError      **error)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, cause);
      return FALSE;
    }

  g_set_error (error, XA_CSV_ERROR, XA_CSV_ERROR_READ,
               _("Cannot read “%s”: %s"), self->display, cause->message);
  g_error_free (cause);
  return FALSE;
}

static gboolean
set_too_large (XaCsvReader  *self,
               GError      **error)
{
  g_set_error (error, XA_CSV_ERROR, XA_CSV_ERROR_TOO_LARGE,
               _("“%s” is larger than %d MB; split the list into smaller files"),
               self->display, XA_CSV_MAX_FILE_SIZE / (1024 * 1024));
  return FALSE;
}

/* The door (xa-file-door.c): only a regular file of at most XA_CSV_MAX_FILE_SIZE is
 * read, and a refusal says what to do instead. */
static gboolean
check_info (XaCsvReader  *self,
            GFileInfo    *info,
            GError      **error)
{
  g_autoptr(GError) refused = NULL;

  if (xa_file_door_check (info, self->display, XA_CSV_MAX_FILE_SIZE, &refused))
    return TRUE;

  if (g_error_matches (refused, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
    return set_too_large (self, error);

  g_set_error (error, XA_CSV_ERROR, XA_CSV_ERROR_NOT_REGULAR,
               /* Translators: what the file is (“a.csv” is a folder, not a file), then what to do. */
               _("%s; %s"), refused->message,
               g_error_matches (refused, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY)
                 ? _("choose the CSV file in it")
                 : _("save the list as a CSV file and choose that file"));
  return FALSE;
}

/* Opens the file for one pass, and looks again at what was opened: the file may have
 * been replaced since the door let it through. */
static GInputStream *
open_stream (XaCsvReader  *self,
             GError      **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  GError *local_error = NULL;

  if (!(stream = g_file_read (self->file, self->cancellable, &local_error)))
    {
      set_read_error (self, local_error, error);
      return NULL;
    }

  info = g_file_input_stream_query_info (stream, ATTRIBUTES, self->cancellable, &local_error);
  if (info == NULL && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
    {
      set_read_error (self, local_error, error);
      return NULL;
    }
  g_clear_error (&local_error);

  if (info != NULL && !check_info (self, info, error))
    return NULL;

  return G_INPUT_STREAM (g_steal_pointer (&stream));
}

static void
decoder_free (Decoder *decoder)
{
  g_clear_object (&decoder->stream);
  g_clear_object (&decoder->converter);
  g_free (decoder);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Decoder, decoder_free)

/* @reporter: (nullable): the reader to report NUL bytes to */
static Decoder *
decoder_open (XaCsvReader  *self,
              gboolean      gb18030,
              XaCsvReader  *reporter,
              GError      **error)
{
  g_autoptr(Decoder) decoder = g_new0 (Decoder, 1);
  GError *local_error = NULL;

  if (gb18030 &&
      !(decoder->converter = G_CONVERTER (g_charset_converter_new ("UTF-8", "GB18030", &local_error))))
    {
      set_read_error (self, local_error, error);
      return NULL;
    }

  if (!(decoder->stream = open_stream (self, error)))
    return NULL;

  decoder->reporter = reporter;
  decoder->line = 1;
  decoder->read_line = 1;
  return g_steal_pointer (&decoder);
}

/* NUL bytes become spaces, each line with one reported, so that the rest can still be
 * checked. A NUL never occurs inside a UTF-8 or GB18030 multi-byte sequence, so this is
 * safe before decoding. */
static void
blank_nul_bytes (Decoder *decoder,
                 char    *bytes,
                 gsize    length)
{
  for (gsize i = 0; i < length; i++)
    {
      if (bytes[i] == '\n')
        decoder->read_line++;
      else if (bytes[i] == '\0')
        {
          if (decoder->reporter != NULL && decoder->nul_line != decoder->read_line)
            report (decoder->reporter, decoder->read_line,
                    _("The line contains a NUL byte (an empty character), which a school list cannot have"));
          decoder->nul_line = decoder->read_line;
          bytes[i] = ' ';
        }
    }
}

/* Moves the bytes not decoded yet to the front and fills the rest of the buffer. */
static gboolean
decoder_refill (Decoder      *decoder,
                XaCsvReader  *self,
                GError      **error)
{
  gsize left = decoder->raw_end - decoder->raw_start;
  gsize n = 0;
  GError *local_error = NULL;

  memmove (decoder->raw, decoder->raw + decoder->raw_start, left);
  decoder->raw_start = 0;
  decoder->raw_end = left;

  if (!g_input_stream_read_all (decoder->stream, decoder->raw + left, sizeof decoder->raw - left,
                                &n, self->cancellable, &local_error))
    return set_read_error (self, local_error, error);

  /* Counted as read, not trusted to the size the file system gave. */
  decoder->n_read += n;
  if (decoder->n_read > XA_CSV_MAX_FILE_SIZE)
    return set_too_large (self, error);

  decoder->eof = n < sizeof decoder->raw - left;
  blank_nul_bytes (decoder, decoder->raw + left, n);
  decoder->raw_end = left + n;

  if (!decoder->started)
    {
      decoder->started = TRUE;
      memcpy (decoder->first, decoder->raw, MIN (n, sizeof decoder->first));

      /* A byte order mark says UTF-8; GB18030 would be a guess against the file's word. */
      if (decoder->converter == NULL && n >= 3 && memcmp (decoder->raw, "\xef\xbb\xbf", 3) == 0)
        {
          decoder->had_bom = TRUE;
          decoder->raw_start = 3;
          decoder->offset = 3;
        }
    }

  return TRUE;
}

static void
decoder_consume (Decoder *decoder,
                 gsize    length)
{
  const char *bytes = decoder->raw + decoder->raw_start;

  for (gsize i = 0; i < length; i++)
    decoder->line += bytes[i] == '\n';

  decoder->raw_start += length;
  decoder->offset += length;
}

/* Decodes as much of the buffer as it can. Returns FALSE on a read error only; then
 * *consumed == 0 with *partial unset means that the first byte cannot be read. */
static gboolean
decoder_convert (Decoder      *decoder,
                 XaCsvReader  *self,
                 const char  **text,
                 gsize        *length,
                 gsize        *consumed,
                 gboolean     *partial,
                 GError      **error)
{
  const char *start = decoder->raw + decoder->raw_start;
  gsize available = decoder->raw_end - decoder->raw_start;
  GError *local_error = NULL;

  *partial = FALSE;

  if (decoder->converter == NULL)
    {
      const char *valid_end = NULL;

      g_utf8_validate_len (start, available, &valid_end);
      *consumed = valid_end - start;
      *partial = *consumed == 0 && g_utf8_get_char_validated (start, available) == (gunichar) -2;
      *text = start;
      *length = *consumed;
      return TRUE;
    }

  if (g_converter_convert (decoder->converter, start, available, decoder->text, sizeof decoder->text,
                           G_CONVERTER_NO_FLAGS, consumed, length, &local_error) != G_CONVERTER_ERROR)
    {
      *text = decoder->text;
      return TRUE;
    }

  *consumed = 0;
  *length = 0;
  *partial = g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT);
  if (*partial || g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA))
    {
      g_error_free (local_error);
      return TRUE;
    }

  return set_read_error (self, local_error, error);
}

/* The next chunk of text, UTF-8 without NUL bytes; an empty one at the end of the file,
 * or at the first byte the encoding cannot read (decoder->bad then says where). */
static gboolean
decoder_next (Decoder      *decoder,
              XaCsvReader  *self,
              const char  **text,
              gsize        *length,
              GError      **error)
{
  *text = NULL;
  *length = 0;

  while (!decoder->bad)
    {
      gsize consumed = 0;
      gboolean partial = FALSE;

      if (decoder->raw_start < decoder->raw_end)
        {
          if (!decoder_convert (decoder, self, text, length, &consumed, &partial, error))
            return FALSE;

          if (consumed > 0)
            {
              decoder_consume (decoder, consumed);
              return TRUE;
            }

          /* A character cut off at the end of the buffer is completed by the next read;
           * one cut off by the end of the file is as unreadable as a wrong byte. */
          if (!partial || decoder->eof)
            {
              decoder->bad = TRUE;
              decoder->bad_offset = decoder->offset;
              decoder->bad_line = decoder->line;
              decoder->bad_byte = decoder->raw[decoder->raw_start];
              return TRUE;
            }
        }
      else if (decoder->eof)
        return TRUE;

      if (!decoder_refill (decoder, self, error))
        return FALSE;
    }

  return TRUE;
}

/* Reads the whole file through @decoder, to find whether its encoding reads it all. */
static gboolean
decoder_run (Decoder      *decoder,
             XaCsvReader  *self,
             GError      **error)
{
  const char *text;
  gsize length;

  do
    {
      if (!decoder_next (decoder, self, &text, &length, error))
        return FALSE;
    }
  while (length > 0);

  return TRUE;
}

/* Excel's "Unicode text" is UTF-16 with a byte order mark. */
static gboolean
is_utf16 (const guchar first[2])
{
  return (first[0] == 0xff && first[1] == 0xfe) || (first[0] == 0xfe && first[1] == 0xff);
}

/* The first pass: which encoding reads the file to its end. A file that neither reads
 * is reported, and the reader stops. */
static gboolean
choose_encoding (XaCsvReader  *self,
                 gboolean     *gb18030,
                 GError      **error)
{
  g_autoptr(Decoder) utf8 = NULL;
  g_autoptr(Decoder) gb = NULL;
  Decoder *further;

  *gb18030 = FALSE;

  if (!(utf8 = decoder_open (self, FALSE, NULL, error)) || !decoder_run (utf8, self, error))
    return FALSE;

  if (is_utf16 (utf8->first))
    {
      report (self, 1, _("The file is UTF-16 text; save it as “CSV UTF-8” or as plain CSV"));
      stop (self);
      return TRUE;
    }

  if (!utf8->bad)
    return TRUE;

  if (utf8->had_bom)
    {
      report (self, utf8->bad_line, _("The file starts as UTF-8 but is not valid UTF-8 text (byte 0x%02X)"),
              utf8->bad_byte);
      stop (self);
      return TRUE;
    }

  if (!(gb = decoder_open (self, TRUE, NULL, error)) || !decoder_run (gb, self, error))
    return FALSE;

  if (!gb->bad)
    {
      *gb18030 = TRUE;
      return TRUE;
    }

  /* Neither: name the byte where the more plausible encoding, the one that read further,
   * gave up. */
  further = gb->bad_offset > utf8->bad_offset ? gb : utf8;
  report (self, further->bad_line, _("The file is neither UTF-8 nor GB18030 text (byte 0x%02X cannot be read)"),
          further->bad_byte);
  stop (self);
  return TRUE;
}

/* Parsing */

static ParseResult
append (XaCsvReader *self,
        char         c)
{
  if (self->field->len >= XA_CSV_MAX_FIELD_SIZE)
    {
      report (self, self->field_line,
              _("A field is longer than %u KB; check that this is the right list, saved as CSV"),
              XA_CSV_MAX_FIELD_SIZE / 1024);
      return stop (self);
    }

  g_string_append_c (self->field, c);
  return PARSE_MORE;
}

static ParseResult
end_field (XaCsvReader *self)
{
  if (self->fields->len >= XA_CSV_MAX_FIELDS)
    {
      report (self, self->record_line,
              _("The row has more than %u fields; check that this is the right list, saved as CSV"),
              XA_CSV_MAX_FIELDS);
      return stop (self);
    }

  g_ptr_array_add (self->fields, g_strndup (self->field->str, self->field->len));
  g_string_truncate (self->field, 0);
  self->state = IN_FIELD_START;
  return PARSE_MORE;
}

static gboolean
fields_are_blank (GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    {
      if (!xa_text_is_blank (g_ptr_array_index (fields, i)))
        return FALSE;
    }

  return TRUE;
}

/* A record with a stray quotation mark was reported; a blank one is no row. */
static ParseResult
end_record (XaCsvReader *self)
{
  gboolean skip;

  if (end_field (self) == PARSE_STOP)
    return PARSE_STOP;

  skip = self->bad_quote || fields_are_blank (self->fields);
  self->record_size = 0;
  self->bad_quote = FALSE;

  if (!skip)
    return PARSE_RECORD;

  g_ptr_array_set_size (self->fields, 0);
  return PARSE_MORE;
}

/* Takes one byte of UTF-8 text, line breaks already made "\n". Commas, quotation marks
 * and line breaks are ASCII, and ASCII bytes never occur inside a multi-byte character,
 * so the text is split at the right places byte by byte. */
static ParseResult
parse_byte (XaCsvReader *self,
            char         c)
{
  if (self->record_size == 0)
    self->record_line = self->line;

  if (++self->record_size > XA_CSV_MAX_RECORD_SIZE)
    {
      report (self, self->record_line,
              _("The row is longer than %u KB; check that this is the right list, saved as CSV"),
              XA_CSV_MAX_RECORD_SIZE / 1024);
      return stop (self);
    }

  switch (self->state)
    {
    case IN_FIELD_START:
      self->field_line = self->line;
      if (c == '"')
        {
          self->state = IN_QUOTED;
          return PARSE_MORE;
        }
      self->state = IN_UNQUOTED;
      G_GNUC_FALLTHROUGH;

    case IN_UNQUOTED:
      if (c == ',')
        return end_field (self);
      if (c == '\n')
        {
          self->line++;
          return end_record (self);
        }
      return append (self, c);

    case IN_QUOTED:
      if (c == '"')
        {
          self->state = IN_QUOTED_QUOTE;
          return PARSE_MORE;
        }
      self->line += c == '\n';
      return append (self, c);

    case IN_QUOTED_QUOTE:
      if (c == '"')
        {
          self->state = IN_QUOTED;
          return append (self, '"');
        }
      self->state = IN_AFTER_QUOTE;
      G_GNUC_FALLTHROUGH;

    case IN_AFTER_QUOTE:
    default:
      if (c == ',')
        return end_field (self);
      if (c == '\n')
        {
          self->line++;
          return end_record (self);
        }
      if (!self->bad_quote)
        report (self, self->line, _("Unexpected text after a closing quotation mark"));
      self->bad_quote = TRUE;
      return PARSE_MORE;
    }
}

/* Parses the decoded text until a record is complete or the text runs out. */
static ParseResult
parse_span (XaCsvReader *self)
{
  while (self->span_length > 0)
    {
      char c = *self->span++;
      ParseResult result;

      self->span_length--;

      /* CR LF is one line break, even when a read ends between the two. */
      if (c == '\n' && self->after_cr)
        {
          self->after_cr = FALSE;
          continue;
        }
      self->after_cr = c == '\r';

      if ((result = parse_byte (self, c == '\r' ? '\n' : c)) != PARSE_MORE)
        return result;
    }

  return PARSE_MORE;
}

static ParseResult
parse_end (XaCsvReader *self)
{
  self->done = TRUE;

  if (self->record_size == 0)
    return PARSE_MORE;

  if (self->state == IN_QUOTED)
    {
      report (self, self->field_line,
              _("A quoted field that starts on this line has no closing quotation mark"));
      return stop (self);
    }

  return end_record (self);
}

static GPtrArray *
take_record (XaCsvReader *self,
             guint       *line)
{
  GPtrArray *record = g_steal_pointer (&self->fields);

  self->fields = g_ptr_array_new_with_free_func (g_free);
  if (line != NULL)
    *line = self->record_line;

  return record;
}

/**
 * xa_csv_reader_open:
 * @file: a CSV file, UTF-8 (with or without a byte order mark) or GB18030
 * @problem_func: (scope notified): receives each problem with the file's content
 * @cancellable: (nullable): stops the reading between chunks
 *
 * Opens @file after making sure it is a regular file no larger than
 * %XA_CSV_MAX_FILE_SIZE, and reads it once to find its encoding. What is wrong with its
 * content (an encoding neither UTF-8 nor GB18030 reads, UTF-16) goes to @problem_func;
 * then xa_csv_reader_get_stopped() says so and no record follows.
 *
 * Returns: (transfer full): the reader, or %NULL with @error set (%XA_CSV_ERROR, or
 *   %G_IO_ERROR_CANCELLED)
 */
XaCsvReader *
xa_csv_reader_open (GFile             *file,
                    XaCsvProblemFunc   problem_func,
                    gpointer           user_data,
                    GCancellable      *cancellable,
                    GError           **error)
{
  g_autoptr(XaCsvReader) self = NULL;
  g_autoptr(GFileInfo) info = NULL;
  GError *local_error = NULL;
  gboolean gb18030 = FALSE;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (problem_func != NULL, NULL);

  self = g_new0 (XaCsvReader, 1);
  self->file = g_object_ref (file);
  self->display = g_file_get_parse_name (file);
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  self->problem_func = problem_func;
  self->problem_data = user_data;
  self->fields = g_ptr_array_new_with_free_func (g_free);
  self->field = g_string_new (NULL);
  self->line = 1;

  /* Looked at before it is opened: opening a pipe waits for a writer. */
  if (!(info = g_file_query_info (file, ATTRIBUTES, G_FILE_QUERY_INFO_NONE, cancellable, &local_error)))
    {
      set_read_error (self, local_error, error);
      return NULL;
    }

  if (!check_info (self, info, error) || !choose_encoding (self, &gb18030, error))
    return NULL;

  if (!self->stopped && !(self->decoder = decoder_open (self, gb18030, self, error)))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * xa_csv_reader_next:
 * @line: (out) (optional): the line the record starts on
 *
 * Reads the next record that is not blank. A problem that ends the reading (a quoted
 * field never closed, a record or field over the limits) goes to the problem function,
 * and %NULL is returned as at the end.
 *
 * Returns: (transfer full) (nullable) (element-type utf8): the fields, or %NULL at the
 *   end, or on a read error with @error set
 */
GPtrArray *
xa_csv_reader_next (XaCsvReader  *self,
                    guint        *line,
                    GError      **error)
{
  g_return_val_if_fail (self != NULL, NULL);

  while (!self->done)
    {
      ParseResult result = parse_span (self);

      if (result == PARSE_RECORD)
        return take_record (self, line);
      if (result == PARSE_STOP)
        return NULL;

      if (!decoder_next (self->decoder, self, &self->span, &self->span_length, error))
        {
          self->done = TRUE;
          return NULL;
        }

      if (self->span_length > 0)
        continue;

      /* The first pass read it all; only a file changed since then ends this way. */
      if (self->decoder->bad)
        {
          report (self, self->decoder->bad_line, _("The file changed while it was being read; try again"));
          stop (self);
          return NULL;
        }

      if (parse_end (self) == PARSE_RECORD)
        return take_record (self, line);
    }

  return NULL;
}

/**
 * xa_csv_reader_get_stopped:
 *
 * Returns: %TRUE when a problem with the content ended the reading before the end of
 *   the file
 */
gboolean
xa_csv_reader_get_stopped (XaCsvReader *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->stopped;
}

void
xa_csv_reader_free (XaCsvReader *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->decoder, decoder_free);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  if (self->field != NULL)
    g_string_free (self->field, TRUE);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->file);
  g_free (self->display);
  g_free (self);
}
