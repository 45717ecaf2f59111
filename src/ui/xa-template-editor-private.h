/* xa-template-editor-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The template editor is split by concern: xa-template-editor.c (the list, the clause
 * tree, editing and saving) and xa-template-editor-files.c (import and export).
 */

#pragma once

#include "xa-clause-editor.h"
#include "xa-template-compare.h"
#include "xa-template-editor.h"
#include "xa-template-form.h"

G_BEGIN_DECLS

struct _XaTemplateEditor
{
  GtkWidget           parent_instance;

  /* Owned references */
  XaTemplateLibrary  *library;
  GtkSingleSelection *templates;
  XaTemplate         *template;
  GtkSingleSelection *clauses;
  GCancellable       *cancellable;

  GtkRoot            *watched_window;  /* whose width places the heading; not owned */

  /* Template widgets */
  GtkBox             *heading_box;
  XaClauseEditor     *clause_editor;
  AdwLeaflet         *clause_leaflet;
  GtkWidget          *clause_pane;
  GtkListView        *clause_view;
  XaTemplateCompare  *compare;
  GtkStack           *content_stack;
  XaTemplateForm     *form;
  GtkInfoBar         *frozen_bar;
  AdwLeaflet         *leaflet;
  GtkStack           *pages_stack;
  GtkLabel           *template_caption;
  GtkLabel           *template_title;
  GtkListView        *template_view;

  /* State */
  guint               dirty : 1;
  guint               refilling : 1;
  guint               busy : 1;

  char               *chosen_uuid;  /* the template chosen while this one asks to save */
};

void _xa_template_editor_notify_busy   (XaTemplateEditor *self);
void _xa_template_editor_import_action (GtkWidget        *widget,
                                        const char       *action_name,
                                        GVariant         *parameter);
void _xa_template_editor_export_action (GtkWidget        *widget,
                                        const char       *action_name,
                                        GVariant         *parameter);

G_END_DECLS
