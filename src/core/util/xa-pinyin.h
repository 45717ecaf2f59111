/* xa-pinyin.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How a name is read: a place (示例区实验小学) by the common reading of each character,
 * a person's name by the readings of surnames (单 shàn, 曾 zēng) where they differ. */
typedef enum
{
  XA_PINYIN_PLACE,
  XA_PINYIN_PERSON,
} XaPinyinKind;

typedef struct _XaPinyinKey XaPinyinKey;

XaPinyinKey *xa_pinyin_key_new          (const char         *text,
                                         XaPinyinKind        kind);
void         xa_pinyin_key_free         (XaPinyinKey        *key);
const char  *xa_pinyin_key_get_text     (const XaPinyinKey  *key);
const char  *xa_pinyin_key_get_initials (const XaPinyinKey  *key);
const char  *xa_pinyin_key_get_spelling (const XaPinyinKey  *key);
gboolean     xa_pinyin_key_match        (const XaPinyinKey  *key,
                                         const char         *query);

char        *xa_pinyin_normalise_query  (const char         *text);

typedef struct _XaPinyinIndex XaPinyinIndex;

XaPinyinIndex     *xa_pinyin_index_new    (XaPinyinKind   kind);
void               xa_pinyin_index_free   (XaPinyinIndex *index);
const XaPinyinKey *xa_pinyin_index_lookup (XaPinyinIndex *index,
                                           const char    *text);
gboolean           xa_pinyin_index_match  (XaPinyinIndex *index,
                                           const char    *text,
                                           const char    *query);

int          xa_pinyin_collate          (const char         *a,
                                         const char         *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XaPinyinKey, xa_pinyin_key_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XaPinyinIndex, xa_pinyin_index_free)

G_END_DECLS
