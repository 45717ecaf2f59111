/* xa-json.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* What a file of ours can reach, with room to spare: the default template is 30 KB and
 * a backup's manifest one. Anything beyond is the wrong file. */
#define XA_JSON_MAX_BYTES (4 * 1024 * 1024)

/* Our deepest file, a template, nests about a dozen brackets. json-glib recurses once
 * a bracket and has no limit of its own: 100,000 of them overflow the stack. */
#define XA_JSON_MAX_DEPTH 64

#define XA_JSON_ERROR (xa_json_error_quark ())

typedef enum
{
  XA_JSON_ERROR_TOO_LARGE,  /* longer than XA_JSON_MAX_BYTES */
  XA_JSON_ERROR_TOO_DEEP,   /* brackets nested more than XA_JSON_MAX_DEPTH deep */
  XA_JSON_ERROR_NUL,        /* a NUL byte, or a \u0000 escape in a string */
  XA_JSON_ERROR_INVALID,    /* not JSON: json-glib's message */
  XA_JSON_ERROR_READ,       /* the file could not be read */
} XaJsonError;

GQuark    xa_json_error_quark       (void);

char     *xa_json_builder_to_string (JsonBuilder *builder);
char     *xa_json_dup_strings_object (const char *first_member,
                                      ...) G_GNUC_NULL_TERMINATED;
void      xa_json_add_change        (JsonBuilder *builder,
                                     const char  *name,
                                     const char  *old_value,
                                     const char  *new_value);

gboolean  xa_json_check             (const char  *json,
                                     gsize        length,
                                     GError     **error);
JsonNode *xa_json_parse             (const char  *json,
                                     gssize       length,
                                     GError     **error);
JsonNode *xa_json_parse_file        (const char  *path,
                                     GError     **error);

G_END_DECLS
