/* xa-succession-renderer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xa-agreement-renderer.h"

G_BEGIN_DECLS

XaPageLayout *xa_succession_layout_new (XaAgreement     *agreement,
                                        XaTemplate      *template,
                                        XaAgreementCopy  copy,
                                        XaFontResolver  *fonts);

G_END_DECLS
