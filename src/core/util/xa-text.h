/* xa-text.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  XA_TEXT_OPTIONAL  = 0,
  XA_TEXT_REQUIRED  = 1 << 0,  /* not empty, nor only white space */
  XA_TEXT_MULTILINE = 1 << 1,  /* line breaks allowed */
} XaTextFlags;

gboolean xa_text_is_blank (const char   *text);
/* Room for any gint64 in decimal, with its sign and a NUL. */
#define XA_TEXT_INT64_SIZE 24
int      xa_text_spell_int64 (char     *out,
                              gint64    value);
char    *xa_text_like_pattern (const char *term);
gboolean xa_text_check    (const char   *value,
                           const char   *label,
                           XaTextFlags   flags,
                           guint         max_chars,
                           GQuark        domain,
                           int           code,
                           GError      **error);

char    *xa_text_decode   (GBytes       *bytes,
                           const char   *display_name,
                           const char  **encoding,
                           GError      **error);

G_END_DECLS
