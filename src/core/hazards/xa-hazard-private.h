/* xa-hazard-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xa-hazard.h"
#include "xa-hazard-workflow.h"

G_BEGIN_DECLS

/* What a column holds, for the rules validation applies to it. */
typedef enum
{
  XA_HAZARD_KIND_LINE,       /* one line of text */
  XA_HAZARD_KIND_MULTILINE,  /* text with line breaks */
  XA_HAZARD_KIND_DATE,       /* YYYY-MM-DD */
  XA_HAZARD_KIND_FUNDS,      /* yuan: digits, at most two decimals */
  XA_HAZARD_KIND_TYPED,      /* not text: an int, an enum or a yes/no */
} XaHazardKind;

typedef struct
{
  const char   *key;        /* JSON member and storage column: "found_on" */
  const char   *property;   /* GObject property: "found-on" */
  const char   *label;      /* untranslated, in context "hazard field": as forms and messages name it */
  XaHazardKind  kind;
  guint         max_chars;
  gboolean      required;   /* domain.md §3.2 marks it ✔ */
} XaHazardFieldInfo;

const XaHazardFieldInfo *_xa_hazard_field_info (XaHazardField field);

/* The state, the re-inspection result and the history change only through the steps
 * (xa-hazard-workflow.c) and when a hazard is read back (xa-hazard-json.c). */
void       _xa_hazard_set_state               (XaHazard             *self,
                                               XaHazardState         state);
void       _xa_hazard_set_reinspection_result (XaHazard             *self,
                                               XaReinspectionResult  result);
GPtrArray *_xa_hazard_get_history             (XaHazard             *self);
/* The version of the stored row the hazard was read from, which a save must find
 * unchanged (xa-hazard-book.c); 0 for a hazard not stored yet. */
guint      _xa_hazard_get_row_version         (XaHazard             *self);
void       _xa_hazard_set_row_version         (XaHazard             *self,
                                               guint                 row_version);
void       _xa_hazard_assign                  (XaHazard             *self,
                                               XaHazard             *fresh);
/* What a change of a few columns of a hazard in place can be undone to: their values,
 * the state, the re-inspection's result, the length of the history and which texts were
 * checked (_xa_hazard_undo_init()). */
#define XA_HAZARD_UNDO_MAX_FIELDS 8

typedef struct
{
  const XaHazardField  *fields;
  guint                 n_fields;
  char                 *text[XA_HAZARD_UNDO_MAX_FIELDS];
  guint64               checked_texts;
  XaReinspectionResult  reinspection_result;
  XaHazardState         state;
  guint                 n_entries;
} XaHazardUndo;

void       _xa_hazard_undo_init               (XaHazard             *self,
                                               XaHazardUndo         *undo,
                                               const XaHazardField  *fields,
                                               guint                 n_fields);
void       _xa_hazard_undo                    (XaHazard             *self,
                                               XaHazardUndo         *undo);
void       _xa_hazard_undo_clear              (XaHazardUndo         *undo);
/* Whether a text column's value met its rules, which depend on the value only, since
 * it was set (xa-hazard-validate.c). */
gboolean   _xa_hazard_get_text_checked        (XaHazard             *self,
                                               XaHazardField         field);
void       _xa_hazard_set_text_checked        (XaHazard             *self,
                                               XaHazardField         field);

gboolean   _xa_hazard_check_date_order        (XaHazard             *self,
                                               XaHazardField        *bad_field,
                                               GError              **error);
gboolean   _xa_hazard_check_date              (const char           *value,
                                               const char           *label,
                                               GError              **error);
gboolean   _xa_hazard_check_not_before        (const char           *later_label,
                                               const char           *later,
                                               const char           *earlier_label,
                                               const char           *earlier,
                                               GError              **error);
gboolean   _xa_hazard_check_major             (XaHazard             *self,
                                               XaHazardField        *bad_field,
                                               GError              **error);
gboolean   _xa_hazard_check_reinspector       (XaHazard             *self,
                                               const char           *reinspector,
                                               GError              **error);

G_END_DECLS
