/* xa-test-signing.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fixtures of the digital signature tests, made at run time: throwaway certificates
 * (certtool), an agreement to sign, and the ways a signed file gets damaged.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define XA_TEST_P12_PASSWORD "测试-secret"
#define XA_TEST_SIGNER       "测试签名人"

typedef enum
{
  XA_TEST_CERT_VALID,      /* self-signed, valid for a month from yesterday */
  XA_TEST_CERT_EXPIRED,    /* self-signed, expired in 2005 */
  XA_TEST_CERT_NO_KEY,     /* the certificate alone, without its private key */
} XaTestCertKind;

char    *xa_test_signing_make_p12         (const char     *dir,
                                           XaTestCertKind  kind);
GBytes  *xa_test_signing_agreement_pdf    (void);
char    *xa_test_signing_pdfsig           (const char     *path);
GBytes  *xa_test_signing_change_byte      (GBytes         *pdf);
GBytes  *xa_test_signing_damage_signature (GBytes         *pdf);
GBytes  *xa_test_signing_append           (GBytes         *pdf,
                                           const char     *text);

void        xa_test_signing_run         (const char * const *argv);

G_END_DECLS
