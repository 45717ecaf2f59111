/* xa-clause.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The kinds of clause of a 目标责任书 (DESIGN.md §3). */
typedef enum
{
  XA_CLAUSE_KIND_TITLE,      /* the title; "\n" marks where a line breaks */
  XA_CLAUSE_KIND_PREAMBLE,   /* the paragraph before the first section */
  XA_CLAUSE_KIND_SECTION,    /* 一、 heading with children */
  XA_CLAUSE_KIND_PARAGRAPH,  /* a plain paragraph inside a section */
  XA_CLAUSE_KIND_ITEM,       /* （一） an item: optional heading (楷体) and text */
  XA_CLAUSE_KIND_LIST,       /* 1. a numbered point inside an item */
  XA_CLAUSE_KIND_SUBLIST,    /* ① a point inside a list point */
  XA_CLAUSE_KIND_CLOSING,    /* a closing clause (一式两份…) */
} XaClauseKind;

#define XA_TYPE_CLAUSE (xa_clause_get_type ())

G_DECLARE_FINAL_TYPE (XaClause, xa_clause, XA, CLAUSE, GObject)

/* Properties (notify on change): "id" (stable across years and versions: what a
 * comparison and an assessment indicator refer to), "kind", "number" (the literal, such
 * as "（一）"; empty where the kind has none), "heading", "text". Children are a
 * GListModel of XaClause. Text may hold the placeholders {school_year}, {school_name},
 * {commission_name}, {first_responsible} and {direct_responsible}. */
XaClause     *xa_clause_new          (const char   *id,
                                      XaClauseKind  kind);
const char   *xa_clause_get_id       (XaClause     *self);
XaClauseKind  xa_clause_get_kind     (XaClause     *self);
void          xa_clause_set_kind     (XaClause     *self,
                                      XaClauseKind  kind);
const char   *xa_clause_get_number   (XaClause     *self);
void          xa_clause_set_number   (XaClause     *self,
                                      const char   *number);
const char   *xa_clause_get_heading  (XaClause     *self);
void          xa_clause_set_heading  (XaClause     *self,
                                      const char   *heading);
const char   *xa_clause_get_text     (XaClause     *self);
void          xa_clause_set_text     (XaClause     *self,
                                      const char   *text);
GListModel   *xa_clause_get_children (XaClause     *self);

XaClause     *xa_clause_copy         (XaClause     *self);
gboolean      xa_clause_equal        (XaClause     *a,
                                      XaClause     *b);

const char   *xa_clause_kind_to_key   (XaClauseKind  kind);
gboolean      xa_clause_kind_from_key (const char   *key,
                                       XaClauseKind *kind);

/* The shape of the tree and the standard numbering of its levels. */
gboolean      xa_clause_kind_allows_child     (XaClauseKind  parent,
                                               XaClauseKind  child);
gboolean      xa_clause_kind_allows_top_level (XaClauseKind  kind);
const char   *xa_clause_kind_to_label         (XaClauseKind  kind);
gboolean      xa_clause_kind_is_numbered      (XaClauseKind  kind);
const char   *xa_clause_kind_get_default_numbering (XaClauseKind kind);
char         *xa_clause_kind_format_number    (XaClauseKind  kind,
                                               guint         position);
char         *xa_chinese_numeral              (guint         n);
char         *xa_clause_describe              (XaClauseKind  kind,
                                               const char   *number,
                                               const char   *heading,
                                               const char   *text);

G_END_DECLS
