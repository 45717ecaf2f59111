/* xa-grams.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _XaGramMemo XaGramMemo;

GPtrArray  *xa_grams_for_text     (const char *text);
GPtrArray  *xa_grams_for_query    (const char *term);
char       *xa_grams_normalise    (const char *text);

XaGramMemo *xa_gram_memo_new      (void);
void        xa_gram_memo_free     (XaGramMemo *memo);
GPtrArray  *xa_gram_memo_for_word (XaGramMemo *memo,
                                   const char *word,
                                   gsize       size);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XaGramMemo, xa_gram_memo_free)

G_END_DECLS
