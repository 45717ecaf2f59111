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
void      xa_clause_editor_set_heading (XaClauseEditor *self,
                                        const char     *heading);
gboolean  xa_clause_editor_get_heading_shown (XaClauseEditor *self);
void      xa_clause_editor_choose_kind (XaClauseEditor *self,
                                        XaClauseKind    kind);

G_END_DECLS
