/* xa-text-outline.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a line of an agreement pasted as text is (xa-text-outline.c). */
typedef enum
{
  XA_OUTLINE_BLANK,       /* nothing but spaces */
  XA_OUTLINE_TITLE,       /* a line of the title */
  XA_OUTLINE_PARTY_LINE,  /* 甲方：…, 责任学校：… under the title */
  XA_OUTLINE_CLAUSE,      /* a numbered clause, or a line of an unnumbered level */
  XA_OUTLINE_PARAGRAPH,   /* text without a number: the preamble, a continuation */
  XA_OUTLINE_SIGNATURE,   /* a line of the signature block */
} XaOutlineKind;

/* A label and what follows it, as in "甲方：示例区教育委员会" or "班级：" to fill. */
typedef struct
{
  char *label;
  char *value;
} XaOutlineField;

typedef struct
{
  XaOutlineKind  kind;
  guint          line;    /* from 1, in the text as given */
  char          *source;  /* the line exactly as written, without its line end */
  char          *indent;  /* its leading spaces, as written */
  char          *number;  /* a clause's number as written ("（一）"), else "" */
  char          *text;    /* the rest: source == indent + number + text */
  guint          level;   /* a clause's depth, from 1 */
  GPtrArray     *fields;  /* of XaOutlineField: a party line's, or NULL */
} XaOutlineLine;

/* One party of the signature block. */
typedef struct
{
  char      *label;   /* 甲方, 乙方, or "" */
  char      *unit;    /* the line that names it, as written ("甲方（盖章）：…"), or "" */
  gboolean   seal;    /* it seals (盖章, （章）) */
  GPtrArray *lines;   /* of XaOutlineField: 负责人签字：, 班级：… */
  char      *date;    /* its own date line ("年　月　日"), or "" */
  GPtrArray *notes;   /* of char *: lines above it that are none of its fields, as a
                       * receipt's rule, its heading 回执 and its sentence */
} XaOutlineParty;

typedef struct
{
  GPtrArray *lines;        /* of XaOutlineLine, every line of the text in order */
  GPtrArray *styles;       /* of char *: each level's numbering as its first number is
                            * written ("一、", "（一）", "1．"…), the shallowest first */
  GPtrArray *parties;      /* of XaOutlineParty */
  char      *shared_date;  /* one date line under all parties, or "" */
  guint      copies;       /* "一式三份": 3; 0 when the text does not say */
} XaTextOutline;

XaTextOutline *xa_text_outline_new   (const char    *text);
void           xa_text_outline_free  (XaTextOutline *self);
char          *xa_text_outline_style_of (const char *number);

/* Numbering styles, written as their first number ("（一）"), for a level of a template;
 * "none" for a level without numbers. */
#define XA_NUMBERING_NONE "none"

const char * const *xa_text_outline_get_styles    (void);
gboolean            xa_text_outline_is_style      (const char *style);
char               *xa_text_outline_format_number (const char *style,
                                                   guint       n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XaTextOutline, xa_text_outline_free)

G_END_DECLS
