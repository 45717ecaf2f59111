/* xa-incident.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One incident of a school as recorded, and the names of its kinds, severities,
 * findings and ways of reporting: what the veto test (xa-veto.c) reads.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-incident.h"

struct _XaIncident
{
  GObject              parent_instance;

  char                *uuid;
  char                *school_uuid;
  char                *school_code;
  char                *school_name;
  int                  school_year;
  char                *occurred_on;
  XaIncidentKind       kind;
  XaIncidentSeverity   severity;
  XaIncidentFinding    finding;
  gboolean             bad_influence;
  int                  affected;
  char                *reported_on;
  XaIncidentReporting  reporting;
  char                *summary;
  GStrv                evidence;
  char                *finding_at;
  char                *finding_by;
};

G_DEFINE_FINAL_TYPE (XaIncident, xa_incident, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UUID,
  PROP_SCHOOL_NAME,
  PROP_OCCURRED_ON,
  PROP_KIND_LABEL,
  PROP_SEVERITY_LABEL,
  PROP_FINDING_LABEL,
  PROP_REPORTING_LABEL,
  PROP_AFFECTED,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Each name with its Chinese, which a user may type whatever the locale. */
typedef struct
{
  int         value;
  const char *key;
  const char *label;
  const char *chinese;
} Name;

static const Name kinds[] = {
  { XA_INCIDENT_KIND_FIRE, "fire", NC_("incident kind", "Fire"), "火灾" },
  { XA_INCIDENT_KIND_COLLAPSE, "collapse", NC_("incident kind", "Building collapse with casualties"), "校舍房屋垮塌伤亡" },
  { XA_INCIDENT_KIND_TRAFFIC, "traffic", NC_("incident kind", "Group traffic accident"), "师生群体交通事故" },
  { XA_INCIDENT_KIND_FOOD_POISONING, "food-poisoning", NC_("incident kind", "Food poisoning"), "食物中毒" },
  { XA_INCIDENT_KIND_STAMPEDE, "stampede", NC_("incident kind", "Crowd crush with casualties"), "拥挤踩踏伤亡" },
  { XA_INCIDENT_KIND_EPIDEMIC, "epidemic", NC_("incident kind", "Epidemic outbreak"), "流行病大面积传染" },
  { XA_INCIDENT_KIND_DROWNING, "drowning", NC_("incident kind", "Student drowning"), "学生溺水" },
  { XA_INCIDENT_KIND_RESPONSIBILITY, "responsibility", NC_("incident kind", "Responsibility accident"), "责任事故" },
  { XA_INCIDENT_KIND_PUBLIC_SECURITY, "public-security", NC_("incident kind", "Public-security or criminal case"), "治安刑事案件" },
  { XA_INCIDENT_KIND_MASS_INCIDENT, "mass-incident", NC_("incident kind", "Mass incident"), "群体性事件" },
  { XA_INCIDENT_KIND_PETITION, "petition", NC_("incident kind", "Petition skipping a level"), "越级上访" },
  { XA_INCIDENT_KIND_NINE_NO, "nine-no", NC_("incident kind", "Nine-no violation"), "违反九无" },
};

static const Name severities[] = {
  { XA_INCIDENT_SEVERITY_ORDINARY, "ordinary", NC_("incident severity", "Ordinary"), "一般" },
  { XA_INCIDENT_SEVERITY_LARGE, "large", NC_("incident severity", "Large"), "较大" },
  { XA_INCIDENT_SEVERITY_MAJOR, "major", NC_("incident severity", "Major"), "重大" },
  { XA_INCIDENT_SEVERITY_GRAVE, "grave", NC_("incident severity", "Especially grave"), "特别重大" },
};

static const Name findings[] = {
  { XA_INCIDENT_FINDING_RESPONSIBLE, "responsible", NC_("incident finding", "Responsibility"), "责任" },
  { XA_INCIDENT_FINDING_NOT_RESPONSIBLE, "not-responsible", NC_("incident finding", "No responsibility"), "非责任" },
  { XA_INCIDENT_FINDING_PENDING, "pending", NC_("incident finding", "Pending"), "待认定" },
};

static const Name reportings[] = {
  { XA_INCIDENT_REPORTING_ON_TIME, "on-time", NC_("incident reporting", "On time"), "按时" },
  { XA_INCIDENT_REPORTING_LATE, "late", NC_("incident reporting", "Late"), "迟报" },
  { XA_INCIDENT_REPORTING_CONCEALED, "concealed", NC_("incident reporting", "Concealed"), "瞒报" },
};

static const char *
name_key (const Name *names, guint n, int value)
{
  for (guint i = 0; i < n; i++)
    if (names[i].value == value)
      return names[i].key;
  return NULL;
}

static const char *
name_label (const Name *names, guint n, const char *context, int value)
{
  for (guint i = 0; i < n; i++)
    if (names[i].value == value)
      return g_dpgettext2 (GETTEXT_PACKAGE, context, names[i].label);
  return "";
}

static gboolean
name_from (const Name *names, guint n, const char *context, const char *text, int *value)
{
  for (guint i = 0; text != NULL && i < n; i++)
    if (g_str_equal (names[i].key, text) || g_str_equal (names[i].chinese, text) ||
        g_str_equal (g_dpgettext2 (GETTEXT_PACKAGE, context, names[i].label), text))
      {
        *value = names[i].value;
        return TRUE;
      }
  return FALSE;
}

#define NAMES(prefix, Type, table, context) \
  const char *prefix##_to_key (Type v) { return name_key (table, G_N_ELEMENTS (table), v); } \
  const char *prefix##_to_label (Type v) { return name_label (table, G_N_ELEMENTS (table), context, v); } \
  const char *prefix##_to_chinese (Type v) { for (guint i = 0; i < G_N_ELEMENTS (table); i++) if (table[i].value == (int) v) return table[i].chinese; return ""; } \
  gboolean prefix##_from_label (const char *text, Type *v) \
  { int value; if (!name_from (table, G_N_ELEMENTS (table), context, text, &value)) return FALSE; *v = value; return TRUE; }

NAMES (xa_incident_kind, XaIncidentKind, kinds, "incident kind")
NAMES (xa_incident_severity, XaIncidentSeverity, severities, "incident severity")
NAMES (xa_incident_finding, XaIncidentFinding, findings, "incident finding")
NAMES (xa_incident_reporting, XaIncidentReporting, reportings, "incident reporting")

#undef NAMES

/* The eight events of "八杜绝" (V1). */
gboolean
xa_incident_kind_is_eight_events (XaIncidentKind kind)
{
  return kind >= XA_INCIDENT_KIND_FIRE && kind <= XA_INCIDENT_KIND_RESPONSIBILITY;
}

static void
xa_incident_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  XaIncident *self = XA_INCIDENT (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_SCHOOL_NAME:
      g_value_set_string (value, self->school_name);
      break;
    case PROP_OCCURRED_ON:
      g_value_set_string (value, self->occurred_on);
      break;
    case PROP_KIND_LABEL:
      g_value_set_string (value, xa_incident_kind_to_label (self->kind));
      break;
    case PROP_SEVERITY_LABEL:
      g_value_set_string (value, xa_incident_severity_to_label (self->severity));
      break;
    case PROP_FINDING_LABEL:
      g_value_set_string (value, xa_incident_finding_to_label (self->finding));
      break;
    case PROP_REPORTING_LABEL:
      g_value_set_string (value, xa_incident_reporting_to_label (self->reporting));
      break;
    case PROP_AFFECTED:
      g_value_set_int (value, self->affected);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_incident_finalize (GObject *object)
{
  XaIncident *self = XA_INCIDENT (object);

  g_free (self->uuid);
  g_free (self->school_uuid);
  g_free (self->school_code);
  g_free (self->school_name);
  g_free (self->occurred_on);
  g_free (self->reported_on);
  g_free (self->summary);
  g_strfreev (self->evidence);
  g_free (self->finding_at);
  g_free (self->finding_by);

  G_OBJECT_CLASS (xa_incident_parent_class)->finalize (object);
}

static void
xa_incident_class_init (XaIncidentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->get_property = xa_incident_get_property;
  object_class->finalize = xa_incident_finalize;

  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, flags);
  properties[PROP_SCHOOL_NAME] = g_param_spec_string ("school-name", NULL, NULL, NULL, flags);
  properties[PROP_OCCURRED_ON] = g_param_spec_string ("occurred-on", NULL, NULL, NULL, flags);
  properties[PROP_KIND_LABEL] = g_param_spec_string ("kind-label", NULL, NULL, NULL, flags);
  properties[PROP_SEVERITY_LABEL] = g_param_spec_string ("severity-label", NULL, NULL, NULL, flags);
  properties[PROP_FINDING_LABEL] = g_param_spec_string ("finding-label", NULL, NULL, NULL, flags);
  properties[PROP_REPORTING_LABEL] = g_param_spec_string ("reporting-label", NULL, NULL, NULL, flags);
  properties[PROP_AFFECTED] = g_param_spec_int ("affected", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xa_incident_init (XaIncident *self)
{
}

/**
 * xa_incident_new:
 * @uuid: (nullable): the incident's UUID once stored
 *
 * Returns: (transfer full): an incident holding a copy of @fields
 */
XaIncident *
xa_incident_new (const char             *uuid,
                 const char             *school_code,
                 const char             *school_name,
                 const XaIncidentFields *fields)
{
  XaIncident *self = g_object_new (XA_TYPE_INCIDENT, NULL);

  self->uuid = g_strdup (uuid ? uuid : "");
  self->school_uuid = g_strdup (fields->school_uuid ? fields->school_uuid : "");
  self->school_code = g_strdup (school_code ? school_code : "");
  self->school_name = g_strdup (school_name ? school_name : "");
  self->school_year = fields->school_year;
  self->occurred_on = g_strdup (fields->occurred_on ? fields->occurred_on : "");
  self->kind = fields->kind;
  self->severity = fields->severity;
  self->finding = fields->finding;
  self->bad_influence = fields->bad_influence;
  self->affected = fields->affected;
  self->reported_on = g_strdup (fields->reported_on);
  self->reporting = fields->reporting;
  self->summary = g_strdup (fields->summary ? fields->summary : "");
  self->evidence = fields->evidence ? g_strdupv ((char **) fields->evidence) : g_new0 (char *, 1);
  return self;
}

/* Who made the responsibility finding and when (schema 22), as read from the store. */
void
xa_incident_set_finding_record (XaIncident *self,
                                const char *at,
                                const char *by)
{
  g_return_if_fail (XA_IS_INCIDENT (self));

  g_free (self->finding_at);
  g_free (self->finding_by);
  self->finding_at = g_strdup (at);
  self->finding_by = g_strdup (by);
}

const char *xa_incident_get_finding_at (XaIncident *self) { return self->finding_at; }
const char *xa_incident_get_finding_by (XaIncident *self) { return self->finding_by; }
const char *xa_incident_get_uuid (XaIncident *self) { return self->uuid; }
const char *xa_incident_get_school_uuid (XaIncident *self) { return self->school_uuid; }
const char *xa_incident_get_school_code (XaIncident *self) { return self->school_code; }
const char *xa_incident_get_school_name (XaIncident *self) { return self->school_name; }
int xa_incident_get_school_year (XaIncident *self) { return self->school_year; }
const char *xa_incident_get_occurred_on (XaIncident *self) { return self->occurred_on; }
XaIncidentKind xa_incident_get_kind (XaIncident *self) { return self->kind; }
XaIncidentSeverity xa_incident_get_severity (XaIncident *self) { return self->severity; }
XaIncidentFinding xa_incident_get_finding (XaIncident *self) { return self->finding; }
gboolean xa_incident_get_bad_influence (XaIncident *self) { return self->bad_influence; }
int xa_incident_get_affected (XaIncident *self) { return self->affected; }
const char *xa_incident_get_reported_on (XaIncident *self) { return self->reported_on; }
XaIncidentReporting xa_incident_get_reporting (XaIncident *self) { return self->reporting; }
const char *xa_incident_get_summary (XaIncident *self) { return self->summary; }
const char * const *xa_incident_get_evidence (XaIncident *self) { return (const char * const *) self->evidence; }
