/* xa-csv-reader.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What a list typed by people can reach, with room to spare: a district has a few
 * thousand schools, a row a few hundred bytes. Anything beyond is the wrong file. */
#define XA_CSV_MAX_FILE_SIZE   (10 * 1024 * 1024)
#define XA_CSV_MAX_RECORD_SIZE (64 * 1024)
#define XA_CSV_MAX_FIELD_SIZE  (8 * 1024)
#define XA_CSV_MAX_FIELDS      64

#define XA_CSV_ERROR (xa_csv_error_quark ())

typedef enum
{
  XA_CSV_ERROR_NOT_REGULAR,  /* a folder, a device, a pipe or a socket */
  XA_CSV_ERROR_TOO_LARGE,    /* larger than XA_CSV_MAX_FILE_SIZE */
  XA_CSV_ERROR_READ,         /* missing, unreadable, or failed while reading */
} XaCsvError;

/* A problem with the file's content on @line (1-based; 0 for the file as a whole), in
 * the user's language. The reader goes on after it unless it says otherwise through
 * xa_csv_reader_get_stopped(). */
typedef void (*XaCsvProblemFunc) (guint       line,
                                  const char *reason,
                                  gpointer    user_data);

typedef struct _XaCsvReader XaCsvReader;

GQuark       xa_csv_error_quark       (void);
XaCsvReader *xa_csv_reader_open       (GFile             *file,
                                       XaCsvProblemFunc   problem_func,
                                       gpointer           user_data,
                                       GCancellable      *cancellable,
                                       GError           **error);
GPtrArray   *xa_csv_reader_next       (XaCsvReader       *self,
                                       guint             *line,
                                       GError           **error);
gboolean     xa_csv_reader_get_stopped (XaCsvReader      *self);
void         xa_csv_reader_free       (XaCsvReader       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XaCsvReader, xa_csv_reader_free)

G_END_DECLS
