/* xa-incident.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What happened (issue 13): the eight events of "八杜绝", a public-security or criminal
 * case, a mass incident, a petition that skipped a level (越级上访), a "九无" violation. */
typedef enum
{
  XA_INCIDENT_KIND_FIRE = 1,         /* 火灾 */
  XA_INCIDENT_KIND_COLLAPSE,         /* 校舍房屋垮塌伤亡 */
  XA_INCIDENT_KIND_TRAFFIC,          /* 师生群体交通事故 */
  XA_INCIDENT_KIND_FOOD_POISONING,   /* 食物中毒 */
  XA_INCIDENT_KIND_STAMPEDE,         /* 拥挤踩踏伤亡 */
  XA_INCIDENT_KIND_EPIDEMIC,         /* 流行病大面积传染 */
  XA_INCIDENT_KIND_DROWNING,         /* 学生溺水 */
  XA_INCIDENT_KIND_RESPONSIBILITY,   /* 责任事故 */
  XA_INCIDENT_KIND_PUBLIC_SECURITY,  /* 治安刑事案件 */
  XA_INCIDENT_KIND_MASS_INCIDENT,    /* 群体性事件 */
  XA_INCIDENT_KIND_PETITION,         /* 越级上访 */
  XA_INCIDENT_KIND_NINE_NO,          /* 违反"九无" */
} XaIncidentKind;

typedef enum
{
  XA_INCIDENT_SEVERITY_ORDINARY = 1, /* 一般 */
  XA_INCIDENT_SEVERITY_LARGE,        /* 较大 */
  XA_INCIDENT_SEVERITY_MAJOR,        /* 重大 */
  XA_INCIDENT_SEVERITY_GRAVE,        /* 特别重大 */
} XaIncidentSeverity;

/* The responsibility finding (事故认定). */
typedef enum
{
  XA_INCIDENT_FINDING_RESPONSIBLE = 1,  /* 责任 */
  XA_INCIDENT_FINDING_NOT_RESPONSIBLE,  /* 非责任 */
  XA_INCIDENT_FINDING_PENDING,          /* 待认定 */
} XaIncidentFinding;

/* How it was reported to the commission. */
typedef enum
{
  XA_INCIDENT_REPORTING_ON_TIME = 1,  /* 按时报送 */
  XA_INCIDENT_REPORTING_LATE,         /* 迟报 */
  XA_INCIDENT_REPORTING_CONCEALED,    /* 瞒报、谎报、漏报 */
} XaIncidentReporting;

/* An incident's columns, to record one or as read. @bad_influence says that it caused a
 * bad influence (造成恶劣影响), which V2 and V3 ask; @reported_on is %NULL when it was
 * never reported. @evidence lists archive item UUIDs. */
typedef struct
{
  const char          *school_uuid;
  int                  school_year;
  const char          *occurred_on;
  XaIncidentKind       kind;
  XaIncidentSeverity   severity;
  XaIncidentFinding    finding;
  gboolean             bad_influence;
  int                  affected;
  const char          *reported_on;
  XaIncidentReporting  reporting;
  const char          *summary;
  const char * const  *evidence;
} XaIncidentFields;

#define XA_TYPE_INCIDENT (xa_incident_get_type ())

G_DECLARE_FINAL_TYPE (XaIncident, xa_incident, XA, INCIDENT, GObject)

/* Properties (read-only, for list rows): "uuid", "school-name", "occurred-on",
 * "kind-label", "severity-label", "finding-label", "reporting-label", "affected",
 * "summary". */
XaIncident         *xa_incident_new               (const char             *uuid,
                                                   const char             *school_code,
                                                   const char             *school_name,
                                                   const XaIncidentFields *fields);
const char         *xa_incident_get_uuid          (XaIncident             *self);
const char         *xa_incident_get_school_uuid   (XaIncident             *self);
const char         *xa_incident_get_school_code   (XaIncident             *self);
const char         *xa_incident_get_school_name   (XaIncident             *self);
int                 xa_incident_get_school_year   (XaIncident             *self);
const char         *xa_incident_get_occurred_on   (XaIncident             *self);
XaIncidentKind      xa_incident_get_kind          (XaIncident             *self);
XaIncidentSeverity  xa_incident_get_severity      (XaIncident             *self);
XaIncidentFinding   xa_incident_get_finding       (XaIncident             *self);
gboolean            xa_incident_get_bad_influence (XaIncident             *self);
int                 xa_incident_get_affected      (XaIncident             *self);
const char         *xa_incident_get_reported_on   (XaIncident             *self);
XaIncidentReporting xa_incident_get_reporting     (XaIncident             *self);
const char         *xa_incident_get_summary       (XaIncident             *self);
const char * const *xa_incident_get_evidence      (XaIncident             *self);
const char         *xa_incident_get_finding_at    (XaIncident             *self);
const char         *xa_incident_get_finding_by    (XaIncident             *self);
void                xa_incident_set_finding_record (XaIncident            *self,
                                                   const char             *at,
                                                   const char             *by);

gboolean            xa_incident_kind_is_eight_events (XaIncidentKind       kind);

/* Keys as stored and in JSON; labels translated; Chinese whatever the locale (for
 * documents); from_label takes any of the three. */
const char         *xa_incident_kind_to_key       (XaIncidentKind          kind);
const char         *xa_incident_kind_to_chinese (XaIncidentKind v);
const char         *xa_incident_kind_to_label     (XaIncidentKind          kind);
gboolean            xa_incident_kind_from_label   (const char             *text,
                                                   XaIncidentKind         *kind);
const char         *xa_incident_severity_to_key   (XaIncidentSeverity      severity);
const char         *xa_incident_severity_to_chinese (XaIncidentSeverity v);
const char         *xa_incident_severity_to_label (XaIncidentSeverity      severity);
gboolean            xa_incident_severity_from_label (const char           *text,
                                                   XaIncidentSeverity     *severity);
const char         *xa_incident_finding_to_key    (XaIncidentFinding       finding);
const char         *xa_incident_finding_to_chinese (XaIncidentFinding v);
const char         *xa_incident_finding_to_label  (XaIncidentFinding       finding);
gboolean            xa_incident_finding_from_label (const char            *text,
                                                   XaIncidentFinding      *finding);
const char         *xa_incident_reporting_to_key  (XaIncidentReporting     reporting);
const char         *xa_incident_reporting_to_chinese (XaIncidentReporting v);
const char         *xa_incident_reporting_to_label (XaIncidentReporting    reporting);
gboolean            xa_incident_reporting_from_label (const char          *text,
                                                   XaIncidentReporting    *reporting);

G_END_DECLS
