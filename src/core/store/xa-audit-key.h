/* xa-audit-key.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The key is 32 bytes; its ID, stored with every entry it signs, is this many hex digits
 * of its SHA-256. */
#define XA_AUDIT_KEY_SIZE    32
#define XA_AUDIT_KEY_ID_SIZE 16

char     *xa_audit_key_dup_path (void);
GBytes   *xa_audit_key_load     (GError **error);
char     *xa_audit_key_dup_id   (GBytes  *key);
GBytes   *xa_audit_key_from_hex (const char *hex);
char     *xa_audit_key_to_hex   (GBytes  *key);
GBytes   *xa_audit_key_lookup   (const char *key_id);
gboolean  xa_audit_key_keep     (GBytes  *key,
                                 GError **error);

G_END_DECLS
