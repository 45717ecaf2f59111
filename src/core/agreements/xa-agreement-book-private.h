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

G_END_DECLS
