/* xa-clause-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/agreements/xa-clause.h"

G_BEGIN_DECLS

#define XA_TYPE_CLAUSE_EDITOR (xa_clause_editor_get_type ())

G_DECLARE_FINAL_TYPE (XaClauseEditor, xa_clause_editor, XA, CLAUSE_EDITOR, GtkWidget)

XaClause *xa_clause_editor_get_clause (XaClauseEditor *self);
void      xa_clause_editor_set_clause (XaClauseEditor *self,
                                       XaClause       *clause);
void      xa_clause_editor_set_text   (XaClauseEditor *self,
                                       const char     *text);

G_END_DECLS
