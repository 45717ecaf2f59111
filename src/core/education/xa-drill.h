/* xa-drill.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The kinds of 应急疏散演练 (issue 13). */
typedef enum
{
  XA_DRILL_KIND_EARTHQUAKE = 1,  /* 地震 */
  XA_DRILL_KIND_FIRE,            /* 火灾 */
  XA_DRILL_KIND_STAMPEDE,        /* 防踩踏 */
  XA_DRILL_KIND_TERROR,          /* 反恐防暴 */
  XA_DRILL_KIND_SCHOOL_BUS,      /* 校车 */
  XA_DRILL_KIND_OTHER,           /* 其他, named in kind_other */
} XaDrillKind;

/* A drill's columns, to record one (xa_drill_book_add()) or as read. @problems is a
 * %NULL-terminated list of the problems found, each of which may become a hazard;
 * @evidence the UUIDs of archive items (sign-in sheet, photos, the evaluation).
 * @evacuation_seconds and @target_seconds are 0 when not measured / not set. */
typedef struct
{
  const char          *school_uuid;
  int                  school_year;
  const char          *held_on;        /* YYYY-MM-DD */
  XaDrillKind          kind;
  const char          *kind_other;
  const char          *organiser;
  int                  participants;
  int                  evacuation_seconds;
  int                  target_seconds;
  const char * const  *problems;
  const char          *improvements;
  const char * const  *evidence;
} XaDrillFields;

#define XA_TYPE_DRILL (xa_drill_get_type ())

G_DECLARE_FINAL_TYPE (XaDrill, xa_drill, XA, DRILL, GObject)

/* Properties (read-only, for list rows): "uuid", "school-name", "held-on", "kind-label",
 * "organiser", "participants", "evacuation-label", "n-problems". */
XaDrill            *xa_drill_new                  (const char          *uuid,
                                                   const char          *school_code,
                                                   const char          *school_name,
                                                   const XaDrillFields *fields);
const char         *xa_drill_get_uuid             (XaDrill             *self);
const char         *xa_drill_get_school_uuid      (XaDrill             *self);
const char         *xa_drill_get_school_code      (XaDrill             *self);
const char         *xa_drill_get_school_name      (XaDrill             *self);
int                 xa_drill_get_school_year      (XaDrill             *self);
const char         *xa_drill_get_held_on         (XaDrill             *self);
XaDrillKind         xa_drill_get_kind             (XaDrill             *self);
char               *xa_drill_dup_kind_label       (XaDrill             *self);
const char         *xa_drill_get_organiser        (XaDrill             *self);
int                 xa_drill_get_participants     (XaDrill             *self);
int                 xa_drill_get_evacuation_seconds (XaDrill           *self);
int                 xa_drill_get_target_seconds   (XaDrill             *self);
gboolean            xa_drill_get_within_target    (XaDrill             *self);
const char         *xa_drill_get_improvements     (XaDrill             *self);
const char * const *xa_drill_get_evidence         (XaDrill             *self);
guint               xa_drill_get_n_problems       (XaDrill             *self);
const char         *xa_drill_get_problem          (XaDrill             *self,
                                                   guint                index);
const char         *xa_drill_get_problem_hazard_uuid (XaDrill          *self,
                                                   guint                index);
const char         *xa_drill_get_problem_hazard_number (XaDrill        *self,
                                                   guint                index);
void                xa_drill_set_problem_hazard   (XaDrill             *self,
                                                   guint                index,
                                                   const char          *hazard_uuid,
                                                   const char          *hazard_number);

const char         *xa_drill_kind_to_key          (XaDrillKind          kind);
gboolean            xa_drill_kind_from_key        (const char          *key,
                                                   XaDrillKind         *kind);
const char         *xa_drill_kind_to_label        (XaDrillKind          kind);
const char         *xa_drill_kind_to_chinese      (XaDrillKind          kind);
const char         *xa_drill_get_kind_other       (XaDrill             *self);
gboolean            xa_drill_kind_from_label      (const char          *label,
                                                   XaDrillKind         *kind);

G_END_DECLS
