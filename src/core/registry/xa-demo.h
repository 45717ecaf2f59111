/* xa-demo.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xa-school-registry.h"

G_BEGIN_DECLS

#define XA_DEMO_DEFAULT_SCHOOLS 24
#define XA_DEMO_DEFAULT_SEED    2021

/* Fills the registry with a fictional district: a commission and @n_schools schools with
 * realistic Chinese names, people and roles (a mid-year succession among them). The same
 * @seed gives the same district. One transaction. */
gboolean  xa_demo_fill        (XaSchoolRegistry     *registry,
                               guint                 n_schools,
                               guint32               seed,
                               GError              **error);
void      xa_demo_fill_async  (XaSchoolRegistry     *registry,
                               guint                 n_schools,
                               guint32               seed,
                               GCancellable         *cancellable,
                               GAsyncReadyCallback   callback,
                               gpointer              user_data);
gboolean  xa_demo_fill_finish (XaSchoolRegistry     *registry,
                               GAsyncResult         *result,
                               GError              **error);
char     *xa_demo_make_person_name (GRand           *rand);

G_END_DECLS
