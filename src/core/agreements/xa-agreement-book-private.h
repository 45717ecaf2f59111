/* xa-agreement-book-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xa-agreement-book.h"
#include "xa-agreement-private.h"

G_BEGIN_DECLS

struct _XaAgreementBook
{
  GObject            parent_instance;

  /* Owned references */
  XaSchoolRegistry  *registry;
  XaTemplateLibrary *templates;
  XaStore           *store;
  GListStore        *agreements;   /* NULL until someone asks for the list */

  int                school_year;
  /* How many times the live model read rows from the store, for the tests. */
  guint              n_loads;
};

#define SELECT_AGREEMENTS "SELECT " XA_AGREEMENT_COLUMNS XA_AGREEMENT_JOINS


/* How many times the live model read rows from the store: the tests count them. */
guint       _xa_agreement_book_get_n_loads  (XaAgreementBook  *self);
void        _xa_agreement_book_load_all     (XaAgreementBook  *self);
void        _xa_agreement_book_follow_store (XaAgreementBook  *self);
/* Runs @sql (SELECT_AGREEMENTS and a condition) with text and integer parameters bound
 * in order: @texts first, then @ints. */
GListStore *_xa_agreement_book_query        (XaStore          *store,
                                             const char       *sql,
                                             const char      **texts,
                                             guint             n_texts,
                                             const int        *ints,
                                             guint             n_ints,
                                             GError          **error);

XaAgreement *_xa_agreement_book_dup_in_write    (XaStore          *store,
                                              const char       *uuid,
                                              GError          **error);
gboolean     _xa_agreement_book_check_editable (XaAgreement      *stored,
                                              GError          **error);
char        *_xa_agreement_book_audit_detail  (const char       *school_code,
                                              int               school_year,
                                              int               revision,
                                              const char       *first_member,
                                              const char       *first_value,
                                              const char       *second_member,
                                              const char       *second_value);
/* Supplementary clauses (xa-agreement-book-supplements.c). */
gboolean     _xa_agreement_book_read_supplements (XaStore       *store,
                                                 GListStore    *agreements,
                                                 GError       **error);
gboolean     _xa_agreement_book_copy_supplements (XaStore       *store,
                                                 const char    *from_uuid,
                                                 const char    *to_uuid,
                                                 GError       **error);

G_END_DECLS
