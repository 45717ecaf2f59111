/* xa-assessment-book-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the assessment book's reading and writing halves, and the scheme book, share
 * inside a read or a write of the store.
 */

#pragma once

#include "xa-assessment-book.h"

G_BEGIN_DECLS

/* The scheme of @school_year in @version (0: the newest); *@scheme %NULL when none. */
gboolean  _xa_scheme_book_read           (XaStore       *store,
                                          int            school_year,
                                          guint          version,
                                          XaScheme     **scheme,
                                          GError       **error);
/* The newest stored version of the year's scheme, storing the default as version 1
 * when the year has none. */
gboolean  _xa_scheme_book_ensure_stored  (XaStore       *store,
                                          int            school_year,
                                          guint         *version,
                                          GError       **error);

/* Every assessment of @school_year the login sees (@school_uuid: one school's), with
 * what each side entered; ranks set when @rank. */
gboolean  _xa_assessment_book_load       (XaStore       *store,
                                          int            school_year,
                                          const char    *school_uuid,
                                          gboolean       rank,
                                          GPtrArray     *assessments,
                                          GError       **error);
void      _xa_assessment_book_rank       (GPtrArray     *assessments);
XaStore  *_xa_assessment_book_get_store  (XaAssessmentBook *self);
gboolean  _xa_assessment_book_is_school_login (XaStore   *store,
                                          gboolean      *school,
                                          GError       **error);
/* The audit entry's detail (JSON): the school and year, then pairs of member and value. */
char     *_xa_assessment_book_audit_detail (XaAssessment *assessment,
                                          const char   *first_member,
                                          ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
