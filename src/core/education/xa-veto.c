/* xa-veto.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The veto test (一票否决) of domain.md §2.3, a pure function of a year's incidents and
 * the escalations (越级上访) that disputes led to:
 *
 *  V1  one of the eight events of "八杜绝" that is a responsibility accident, or of 较大
 *      or worse whatever the finding;
 *  V2  a public-security or criminal case of 较大 or worse found the school's
 *      responsibility, or one that caused a bad influence (影响恶劣);
 *  V3  a petition skipping a level, or a mass incident, that caused a bad influence;
 *  V4  an accident concealed, lied about or left unreported (瞒报、谎报、漏报).
 *
 * A finding still pending (待认定) that would veto if it went against the school is
 * PENDING, never silently clear. What does not veto is kept as a reason too (a
 * non-responsibility event below 较大 is an H deduction, a late report a B6 one, an
 * escalation without a bad influence a B1 one), so that the verdict says why.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-veto.h"

typedef struct
{
  XaVetoState   state;
  XaVetoGround  ground;
  char         *text;
  char         *source;   /* the incident's or the dispute's UUID */
} Reason;

struct _XaVetoVerdict
{
  GObject      parent_instance;

  char        *school_uuid;
  char        *school_code;
  char        *school_name;
  XaVetoState  state;
  GArray      *reasons;   /* of Reason */
};

G_DEFINE_FINAL_TYPE (XaVetoVerdict, xa_veto_verdict, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SCHOOL_UUID,
  PROP_SCHOOL_CODE,
  PROP_SCHOOL_NAME,
  PROP_STATE,
  PROP_STATE_LABEL,
  PROP_REASONS_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
xa_veto_ground_to_key (XaVetoGround ground)
{
  static const char * const keys[] = { "", "V1", "V2", "V3", "V4" };

  return ground <= XA_VETO_GROUND_V4 ? keys[ground] : "";
}

const char *
xa_veto_state_to_key (XaVetoState state)
{
  switch (state)
    {
    case XA_VETO_STATE_VETOED: return "vetoed";
    case XA_VETO_STATE_PENDING: return "pending";
    case XA_VETO_STATE_CLEAR:
    default: return "clear";
    }
}

const char *
xa_veto_state_to_label (XaVetoState state)
{
  switch (state)
    {
    case XA_VETO_STATE_VETOED: return C_("veto state", "Vetoed");
    case XA_VETO_STATE_PENDING: return C_("veto state", "Pending");
    case XA_VETO_STATE_CLEAR:
    default: return C_("veto state", "No veto");
    }
}

static void
reason_clear (gpointer data)
{
  Reason *reason = data;

  g_free (reason->text);
  g_free (reason->source);
}

static char *
dup_reasons_text (XaVetoVerdict *self)
{
  g_autoptr(GString) text = g_string_new ("");

  for (guint i = 0; i < self->reasons->len; i++)
    {
      Reason *reason = &g_array_index (self->reasons, Reason, i);

      if (reason->state == XA_VETO_STATE_CLEAR && self->state != XA_VETO_STATE_CLEAR)
        continue;
      if (text->len > 0)
        g_string_append (text, "；");
      g_string_append (text, reason->text);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
xa_veto_verdict_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  XaVetoVerdict *self = XA_VETO_VERDICT (object);

  switch (prop_id)
    {
    case PROP_SCHOOL_UUID:
      g_value_set_string (value, self->school_uuid);
      break;
    case PROP_SCHOOL_CODE:
      g_value_set_string (value, self->school_code);
      break;
    case PROP_SCHOOL_NAME:
      g_value_set_string (value, self->school_name);
      break;
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_STATE_LABEL:
      g_value_set_string (value, xa_veto_state_to_label (self->state));
      break;
    case PROP_REASONS_TEXT:
      g_value_take_string (value, dup_reasons_text (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_veto_verdict_finalize (GObject *object)
{
  XaVetoVerdict *self = XA_VETO_VERDICT (object);

  g_free (self->school_uuid);
  g_free (self->school_code);
  g_free (self->school_name);
  g_array_unref (self->reasons);

  G_OBJECT_CLASS (xa_veto_verdict_parent_class)->finalize (object);
}

static void
xa_veto_verdict_class_init (XaVetoVerdictClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->get_property = xa_veto_verdict_get_property;
  object_class->finalize = xa_veto_verdict_finalize;

  properties[PROP_SCHOOL_UUID] = g_param_spec_string ("school-uuid", NULL, NULL, NULL, flags);
  properties[PROP_SCHOOL_CODE] = g_param_spec_string ("school-code", NULL, NULL, NULL, flags);
  properties[PROP_SCHOOL_NAME] = g_param_spec_string ("school-name", NULL, NULL, NULL, flags);
  properties[PROP_STATE] = g_param_spec_int ("state", NULL, NULL, 0, XA_VETO_STATE_VETOED, 0, flags);
  properties[PROP_STATE_LABEL] = g_param_spec_string ("state-label", NULL, NULL, NULL, flags);
  properties[PROP_REASONS_TEXT] = g_param_spec_string ("reasons-text", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xa_veto_verdict_init (XaVetoVerdict *self)
{
  self->reasons = g_array_new (FALSE, TRUE, sizeof (Reason));
  g_array_set_clear_func (self->reasons, reason_clear);
}

const char *xa_veto_verdict_get_school_uuid (XaVetoVerdict *self) { return self->school_uuid; }
const char *xa_veto_verdict_get_school_code (XaVetoVerdict *self) { return self->school_code; }
const char *xa_veto_verdict_get_school_name (XaVetoVerdict *self) { return self->school_name; }
XaVetoState xa_veto_verdict_get_state (XaVetoVerdict *self) { return self->state; }
guint xa_veto_verdict_get_n_reasons (XaVetoVerdict *self) { return self->reasons->len; }

#define REASON(self, index) (&g_array_index ((self)->reasons, Reason, (index)))

XaVetoState
xa_veto_verdict_get_reason_state (XaVetoVerdict *self,
                                  guint          index)
{
  g_return_val_if_fail (index < self->reasons->len, XA_VETO_STATE_CLEAR);
  return REASON (self, index)->state;
}

XaVetoGround
xa_veto_verdict_get_reason_ground (XaVetoVerdict *self,
                                   guint          index)
{
  g_return_val_if_fail (index < self->reasons->len, XA_VETO_GROUND_NONE);
  return REASON (self, index)->ground;
}

const char *
xa_veto_verdict_get_reason_text (XaVetoVerdict *self,
                                 guint          index)
{
  g_return_val_if_fail (index < self->reasons->len, NULL);
  return REASON (self, index)->text;
}

const char *
xa_veto_verdict_get_reason_source (XaVetoVerdict *self,
                                   guint          index)
{
  g_return_val_if_fail (index < self->reasons->len, NULL);
  return REASON (self, index)->source;
}

static void
add_reason (GArray       *reasons,
            XaVetoState   state,
            XaVetoGround  ground,
            const char   *source,
            char         *text)
{
  Reason reason = { state, ground, text, g_strdup (source) };

  g_array_append_val (reasons, reason);
}

/* Every reason @incident gives, vetoing or not. */
static void
judge_incident (XaIncident *incident,
                GArray     *reasons)
{
  XaIncidentKind kind = xa_incident_get_kind (incident);
  XaIncidentSeverity severity = xa_incident_get_severity (incident);
  XaIncidentFinding finding = xa_incident_get_finding (incident);
  gboolean serious = severity >= XA_INCIDENT_SEVERITY_LARGE;
  const char *uuid = xa_incident_get_uuid (incident);
  g_autofree char *what = NULL;

  /* Translators: an incident: its date, its kind and its severity, as 2027-03-05 食物中毒（一般） */
  what = g_strdup_printf (_("%s %s (%s)"), xa_incident_get_occurred_on (incident),
                          xa_incident_kind_to_label (kind), xa_incident_severity_to_label (severity));

  if (xa_incident_kind_is_eight_events (kind))
    {
      if (finding == XA_INCIDENT_FINDING_RESPONSIBLE)
        add_reason (reasons, XA_VETO_STATE_VETOED, XA_VETO_GROUND_V1, uuid,
                    g_strdup_printf (_("V1: %s is a responsibility accident"), what));
      else if (serious)
        add_reason (reasons, XA_VETO_STATE_VETOED, XA_VETO_GROUND_V1, uuid,
                    g_strdup_printf (_("V1: %s is an accident of the large grade or worse"), what));
      else if (finding == XA_INCIDENT_FINDING_PENDING)
        add_reason (reasons, XA_VETO_STATE_PENDING, XA_VETO_GROUND_V1, uuid,
                    g_strdup_printf (_("V1 pending: the responsibility finding of %s is pending; found a responsibility accident, it vetoes the year"), what));
      else
        add_reason (reasons, XA_VETO_STATE_CLEAR, XA_VETO_GROUND_NONE, uuid,
                    g_strdup_printf (_("%s: no responsibility and below the large grade, no veto (a deduction under H)"), what));
    }
  else if (kind == XA_INCIDENT_KIND_PUBLIC_SECURITY)
    {
      if (xa_incident_get_bad_influence (incident))
        add_reason (reasons, XA_VETO_STATE_VETOED, XA_VETO_GROUND_V2, uuid,
                    g_strdup_printf (_("V2: %s caused a bad influence"), what));
      else if (serious && finding == XA_INCIDENT_FINDING_RESPONSIBLE)
        add_reason (reasons, XA_VETO_STATE_VETOED, XA_VETO_GROUND_V2, uuid,
                    g_strdup_printf (_("V2: %s is a public-security responsibility case of the large grade or worse"), what));
      else if (serious && finding == XA_INCIDENT_FINDING_PENDING)
        add_reason (reasons, XA_VETO_STATE_PENDING, XA_VETO_GROUND_V2, uuid,
                    g_strdup_printf (_("V2 pending: the responsibility finding of %s is pending; found the school’s responsibility, it vetoes the year"), what));
      else
        add_reason (reasons, XA_VETO_STATE_CLEAR, XA_VETO_GROUND_NONE, uuid,
                    g_strdup_printf (_("%s: no veto"), what));
    }
  else if (kind == XA_INCIDENT_KIND_PETITION || kind == XA_INCIDENT_KIND_MASS_INCIDENT)
    {
      if (xa_incident_get_bad_influence (incident))
        add_reason (reasons, XA_VETO_STATE_VETOED, XA_VETO_GROUND_V3, uuid,
                    g_strdup_printf (_("V3: %s caused a bad influence"), what));
      else if (finding == XA_INCIDENT_FINDING_PENDING)
        add_reason (reasons, XA_VETO_STATE_PENDING, XA_VETO_GROUND_V3, uuid,
                    g_strdup_printf (_("V3 pending: whether %s caused a bad influence is still to be found"), what));
      else
        add_reason (reasons, XA_VETO_STATE_CLEAR, XA_VETO_GROUND_NONE, uuid,
                    g_strdup_printf (_("%s: no bad influence, no veto"), what));
    }
  else
    add_reason (reasons, XA_VETO_STATE_CLEAR, XA_VETO_GROUND_NONE, uuid,
                g_strdup_printf (_("%s: no veto by itself (a deduction under G)"), what));

  switch (xa_incident_get_reporting (incident))
    {
    case XA_INCIDENT_REPORTING_CONCEALED:
      add_reason (reasons, XA_VETO_STATE_VETOED, XA_VETO_GROUND_V4, uuid,
                  g_strdup_printf (_("V4: %s was concealed, lied about or not reported"), what));
      break;
    case XA_INCIDENT_REPORTING_LATE:
      add_reason (reasons, XA_VETO_STATE_CLEAR, XA_VETO_GROUND_NONE, uuid,
                  g_strdup_printf (_("%s was reported late: no veto (a deduction under B6)"), what));
      break;
    case XA_INCIDENT_REPORTING_ON_TIME:
    default:
      break;
    }
}

static void
judge_escalation (const XaVetoEscalation *escalation,
                  GArray                 *reasons)
{
  const char *summary = escalation->summary ? escalation->summary : "";

  if (escalation->judged && escalation->bad_influence)
    add_reason (reasons, XA_VETO_STATE_VETOED, XA_VETO_GROUND_V3, escalation->source_uuid,
                /* Translators: a date, then what the dispute was */
                g_strdup_printf (_("V3: a dispute led to a petition skipping a level on %s that caused a bad influence: %s"),
                                 escalation->occurred_on, summary));
  else if (!escalation->judged)
    add_reason (reasons, XA_VETO_STATE_PENDING, XA_VETO_GROUND_V3, escalation->source_uuid,
                g_strdup_printf (_("V3 pending: a dispute led to a petition skipping a level on %s, its influence is still to be judged: %s"),
                                 escalation->occurred_on, summary));
  else
    add_reason (reasons, XA_VETO_STATE_CLEAR, XA_VETO_GROUND_NONE, escalation->source_uuid,
                g_strdup_printf (_("A dispute led to a petition skipping a level on %s without a bad influence: no veto (a deduction under B1): %s"),
                                 escalation->occurred_on, summary));
}

static XaVetoState
strongest (GArray *reasons)
{
  XaVetoState state = XA_VETO_STATE_CLEAR;

  for (guint i = 0; i < reasons->len; i++)
    state = MAX (state, g_array_index (reasons, Reason, i).state);
  return state;
}

/**
 * xa_veto_judge_incident:
 * @ground: (out) (optional): the ground of the strongest reason
 * @reason: (out) (optional): its text
 *
 * Returns: what @incident alone does to its school's year
 */
XaVetoState
xa_veto_judge_incident (XaIncident    *incident,
                        XaVetoGround  *ground,
                        char         **reason)
{
  g_autoptr(GArray) reasons = g_array_new (FALSE, TRUE, sizeof (Reason));
  XaVetoState state;

  g_return_val_if_fail (XA_IS_INCIDENT (incident), XA_VETO_STATE_CLEAR);

  g_array_set_clear_func (reasons, reason_clear);
  judge_incident (incident, reasons);
  state = strongest (reasons);
  for (guint i = 0; i < reasons->len; i++)
    {
      Reason *r = &g_array_index (reasons, Reason, i);

      if (r->state != state)
        continue;
      if (ground != NULL)
        *ground = r->ground;
      if (reason != NULL)
        *reason = g_strdup (r->text);
      break;
    }
  return state;
}

static XaVetoVerdict *
verdict_for (GHashTable *by_school,
             GPtrArray  *verdicts,
             const char *school_uuid,
             const char *school_code,
             const char *school_name)
{
  XaVetoVerdict *verdict = g_hash_table_lookup (by_school, school_uuid);

  if (verdict == NULL)
    {
      verdict = g_object_new (XA_TYPE_VETO_VERDICT, NULL);
      verdict->school_uuid = g_strdup (school_uuid);
      verdict->school_code = g_strdup (school_code ? school_code : "");
      verdict->school_name = g_strdup (school_name ? school_name : "");
      g_hash_table_insert (by_school, verdict->school_uuid, verdict);
      g_ptr_array_add (verdicts, verdict);
    }
  return verdict;
}

static int
compare_verdicts (gconstpointer a,
                  gconstpointer b)
{
  XaVetoVerdict *first = *(XaVetoVerdict **) a;
  XaVetoVerdict *second = *(XaVetoVerdict **) b;

  if (first->state != second->state)
    return first->state > second->state ? -1 : 1;
  return g_strcmp0 (first->school_code, second->school_code);
}

/**
 * xa_veto_judge:
 * @incidents: (element-type XaIncident): a year's incidents, of any schools
 * @escalations: (array length=n_escalations) (nullable): the escalations disputes led to
 *
 * The veto test: one verdict per school that has an incident or an escalation, with
 * every reason; the vetoed first, then the pending, then the clear, each by school code.
 *
 * Returns: (transfer full) (element-type XaVetoVerdict): the verdicts
 */
GPtrArray *
xa_veto_judge (GPtrArray              *incidents,
               const XaVetoEscalation *escalations,
               guint                   n_escalations)
{
  g_autoptr(GHashTable) by_school = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *verdicts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; incidents != NULL && i < incidents->len; i++)
    {
      XaIncident *incident = g_ptr_array_index (incidents, i);
      XaVetoVerdict *verdict = verdict_for (by_school, verdicts, xa_incident_get_school_uuid (incident),
                                            xa_incident_get_school_code (incident),
                                            xa_incident_get_school_name (incident));

      judge_incident (incident, verdict->reasons);
    }
  for (guint i = 0; i < n_escalations; i++)
    {
      XaVetoVerdict *verdict = verdict_for (by_school, verdicts, escalations[i].school_uuid,
                                            escalations[i].school_code, escalations[i].school_name);

      judge_escalation (&escalations[i], verdict->reasons);
    }
  for (guint i = 0; i < verdicts->len; i++)
    {
      XaVetoVerdict *verdict = g_ptr_array_index (verdicts, i);

      verdict->state = strongest (verdict->reasons);
    }
  g_ptr_array_sort (verdicts, compare_verdicts);
  return verdicts;
}
