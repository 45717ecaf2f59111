/* xa-text.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  XA_TEXT_OPTIONAL  = 0,
  XA_TEXT_REQUIRED  = 1 << 0,  /* not empty, nor only white space */
  XA_TEXT_MULTILINE = 1 << 1,  /* line breaks allowed */
} XaTextFlags;

gboolean xa_text_is_blank (const char   *text);
gboolean xa_text_check    (const char   *value,
                           const char   *label,
                           XaTextFlags   flags,
                           guint         max_chars,
                           GQuark        domain,
                           int           code,
                           GError      **error);

G_END_DECLS
