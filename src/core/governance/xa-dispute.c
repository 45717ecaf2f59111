/* xa-dispute.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 矛盾纠纷排查化解台账: screening rounds and the disputes they found, each with its
 * parties as roles, its kind, the measures taken, the person responsible and its state
 * (排查 → 化解中 → 已化解 / 上报), and whether it led to 越级上访, which the veto test
 * reads through xa_dispute_list_escalations(). Every change is one transaction with its
 * audit entry; every row carries its school, on which a server's row level security
 * keys (xa-store-server-access.c).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-dispute.h"
#include "xa-governance-private.h"

struct _XaDispute
{
  GObject         parent_instance;

  char           *uuid;
  char           *school_uuid;
  char           *school_code;
  char           *school_name;
  int             school_year;
  char           *round_uuid;
  char           *found_on;
  char           *parties;
  char           *kind;
  char           *description;
  char           *measures;
  char           *responsible;
  XaDisputeState  state;
  char           *resolved_on;
  gboolean        escalated;
  char           *escalated_on;
  char           *influence;
  char           *judged_at;
  char           *judged_by;
};

G_DEFINE_FINAL_TYPE (XaDispute, xa_dispute, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_UUID,
  PROP_SCHOOL_CODE,
  PROP_SCHOOL_NAME,
  PROP_FOUND_ON,
  PROP_PARTIES,
  PROP_KIND,
  PROP_DESCRIPTION,
  PROP_RESPONSIBLE,
  PROP_STATE,
  PROP_RESOLVED_ON,
  PROP_ESCALATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct
{
  const char *key;
  const char *label;
} states[] = {
  [XA_DISPUTE_SCREENED] = { "screened", NC_("dispute state", "Screened") },
  [XA_DISPUTE_RESOLVING] = { "resolving", NC_("dispute state", "Being resolved") },
  [XA_DISPUTE_RESOLVED] = { "resolved", NC_("dispute state", "Resolved") },
  [XA_DISPUTE_REPORTED] = { "reported", NC_("dispute state", "Reported upwards") },
};

static const struct
{
  const char *key;
  const char *label;
} kinds[] = {
  { "family-school", NC_("dispute kind", "Between a family and the school") },
  { "student", NC_("dispute kind", "Among students") },
  { "staff", NC_("dispute kind", "Among staff") },
  { "neighbour", NC_("dispute kind", "With neighbours") },
  { "contract", NC_("dispute kind", "Contract or finance") },
  { "other", NC_("dispute kind", "Other") },
};

const char *
xa_dispute_state_to_key (XaDisputeState state)
{
  g_return_val_if_fail (state <= XA_DISPUTE_REPORTED, NULL);
  return states[state].key;
}

gboolean
xa_dispute_state_from_key (const char     *key,
                           XaDisputeState *state)
{
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    if (g_strcmp0 (states[i].key, key) == 0)
      {
        *state = i;
        return TRUE;
      }
  return FALSE;
}

const char *
xa_dispute_state_to_label (XaDisputeState state)
{
  g_return_val_if_fail (state <= XA_DISPUTE_REPORTED, NULL);
  return g_dpgettext2 (NULL, "dispute state", states[state].label);
}

gboolean
xa_dispute_kind_is_valid (const char *kind)
{
  return xa_dispute_kind_to_label (kind) != NULL;
}

const char *
xa_dispute_kind_to_label (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].key, kind) == 0)
      return g_dpgettext2 (NULL, "dispute kind", kinds[i].label);
  return NULL;
}

static void
xa_dispute_finalize (GObject *object)
{
  XaDispute *self = XA_DISPUTE (object);

  g_free (self->uuid);
  g_free (self->school_uuid);
  g_free (self->school_code);
  g_free (self->school_name);
  g_free (self->round_uuid);
  g_free (self->found_on);
  g_free (self->parties);
  g_free (self->kind);
  g_free (self->description);
  g_free (self->measures);
  g_free (self->responsible);
  g_free (self->resolved_on);
  g_free (self->escalated_on);
  g_free (self->influence);
  g_free (self->judged_at);
  g_free (self->judged_by);

  G_OBJECT_CLASS (xa_dispute_parent_class)->finalize (object);
}

static void
xa_dispute_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  XaDispute *self = XA_DISPUTE (object);

  switch (prop_id)
    {
    case PROP_UUID: g_value_set_string (value, self->uuid); break;
    case PROP_SCHOOL_CODE: g_value_set_string (value, self->school_code); break;
    case PROP_SCHOOL_NAME: g_value_set_string (value, self->school_name); break;
    case PROP_FOUND_ON: g_value_set_string (value, self->found_on); break;
    case PROP_PARTIES: g_value_set_string (value, self->parties); break;
    case PROP_KIND: g_value_set_string (value, self->kind); break;
    case PROP_DESCRIPTION: g_value_set_string (value, self->description); break;
    case PROP_RESPONSIBLE: g_value_set_string (value, self->responsible); break;
    case PROP_STATE: g_value_set_int (value, self->state); break;
    case PROP_RESOLVED_ON: g_value_set_string (value, self->resolved_on); break;
    case PROP_ESCALATED: g_value_set_boolean (value, self->escalated); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_dispute_class_init (XaDisputeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = xa_dispute_finalize;
  object_class->get_property = xa_dispute_get_property;

  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, flags);
  properties[PROP_SCHOOL_CODE] = g_param_spec_string ("school-code", NULL, NULL, NULL, flags);
  properties[PROP_SCHOOL_NAME] = g_param_spec_string ("school-name", NULL, NULL, NULL, flags);
  properties[PROP_FOUND_ON] = g_param_spec_string ("found-on", NULL, NULL, NULL, flags);
  properties[PROP_PARTIES] = g_param_spec_string ("parties", NULL, NULL, NULL, flags);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_RESPONSIBLE] = g_param_spec_string ("responsible", NULL, NULL, NULL, flags);
  properties[PROP_STATE] = g_param_spec_int ("state", NULL, NULL, XA_DISPUTE_SCREENED, XA_DISPUTE_REPORTED,
                                             XA_DISPUTE_SCREENED, flags);
  properties[PROP_RESOLVED_ON] = g_param_spec_string ("resolved-on", NULL, NULL, NULL, flags);
  properties[PROP_ESCALATED] = g_param_spec_boolean ("escalated", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xa_dispute_init (XaDispute *self)
{
}

const char *xa_dispute_get_uuid (XaDispute *self) { return self->uuid; }
const char *xa_dispute_get_school_uuid (XaDispute *self) { return self->school_uuid; }
const char *xa_dispute_get_school_code (XaDispute *self) { return self->school_code; }
const char *xa_dispute_get_school_name (XaDispute *self) { return self->school_name; }
int xa_dispute_get_school_year (XaDispute *self) { return self->school_year; }
const char *xa_dispute_get_round_uuid (XaDispute *self) { return self->round_uuid; }
const char *xa_dispute_get_found_on (XaDispute *self) { return self->found_on; }
const char *xa_dispute_get_parties (XaDispute *self) { return self->parties; }
const char *xa_dispute_get_kind (XaDispute *self) { return self->kind; }
const char *xa_dispute_get_description (XaDispute *self) { return self->description; }
const char *xa_dispute_get_measures (XaDispute *self) { return self->measures; }
const char *xa_dispute_get_responsible (XaDispute *self) { return self->responsible; }
XaDisputeState xa_dispute_get_state (XaDispute *self) { return self->state; }
const char *xa_dispute_get_resolved_on (XaDispute *self) { return self->resolved_on; }
gboolean xa_dispute_get_escalated (XaDispute *self) { return self->escalated; }
const char *xa_dispute_get_escalated_on (XaDispute *self) { return self->escalated_on; }
const char *xa_dispute_get_judged_at (XaDispute *self) { return self->judged_at; }
const char *xa_dispute_get_judged_by (XaDispute *self) { return self->judged_by; }

XaDisputeInfluence
xa_dispute_get_influence (XaDispute *self)
{
  if (g_strcmp0 (self->influence, "bad") == 0)
    return XA_DISPUTE_INFLUENCE_BAD;
  if (g_strcmp0 (self->influence, "none") == 0)
    return XA_DISPUTE_INFLUENCE_NONE;
  return XA_DISPUTE_INFLUENCE_UNJUDGED;
}

#define DISPUTE_COLUMNS \
  "SELECT d.uuid, o.uuid, o.code, o.name, d.school_year, r.uuid, d.found_on, d.parties, d.kind," \
  " d.description, d.measures, d.responsible, d.state, d.resolved_on, d.escalated, d.escalated_on," \
  " d.influence, d.judged_at, d.judged_by" \
  " FROM dispute d JOIN organisation o ON o.id = d.organisation_id" \
  " LEFT JOIN dispute_round r ON r.id = d.round_id"

static XaDispute *
dispute_from_row (XaStatement *row)
{
  XaDispute *self = g_object_new (XA_TYPE_DISPUTE, NULL);

  self->uuid = g_strdup (xa_statement_get_text (row, 0));
  self->school_uuid = g_strdup (xa_statement_get_text (row, 1));
  self->school_code = g_strdup (xa_statement_get_text_or_null (row, 2));
  self->school_name = g_strdup (xa_statement_get_text (row, 3));
  self->school_year = xa_statement_get_int (row, 4);
  self->round_uuid = g_strdup (xa_statement_get_text_or_null (row, 5));
  self->found_on = g_strdup (xa_statement_get_text (row, 6));
  self->parties = g_strdup (xa_statement_get_text (row, 7));
  self->kind = g_strdup (xa_statement_get_text (row, 8));
  self->description = g_strdup (xa_statement_get_text (row, 9));
  self->measures = g_strdup (xa_statement_get_text (row, 10));
  self->responsible = g_strdup (xa_statement_get_text (row, 11));
  xa_dispute_state_from_key (xa_statement_get_text (row, 12), &self->state);
  self->resolved_on = g_strdup (xa_statement_get_text_or_null (row, 13));
  self->escalated = xa_statement_get_int (row, 14) != 0;
  self->escalated_on = g_strdup (xa_statement_get_text_or_null (row, 15));
  self->influence = g_strdup (xa_statement_get_text_or_null (row, 16));
  self->judged_at = g_strdup (xa_statement_get_text_or_null (row, 17));
  self->judged_by = g_strdup (xa_statement_get_text_or_null (row, 18));
  return self;
}

/* Adding */

static gboolean
add_round_func (XaStore   *store,
                gpointer   user_data,
                GError   **error)
{
  const XaDisputeRoundFields *fields = ((gpointer *) user_data)[0];
  char **uuid = ((gpointer *) user_data)[1];
  g_autoptr(XaStatement) insert = NULL;
  g_autofree char *now = xa_date_now_iso8601 ();
  gint64 school_id;

  if (!(school_id = _xa_governance_school_id (store, fields->school_uuid, error)))
    return FALSE;
  *uuid = xa_store_new_uuid ();
  if (!(insert = xa_store_prepare (store,
                                   "INSERT INTO dispute_round (uuid, organisation_id, school_year, held_on,"
                                   " held_by, scope, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                   error)))
    return FALSE;
  xa_statement_bind_text (insert, 1, *uuid);
  xa_statement_bind_int64 (insert, 2, school_id);
  xa_statement_bind_int (insert, 3, fields->school_year);
  xa_statement_bind_text (insert, 4, fields->held_on);
  xa_statement_bind_text (insert, 5, fields->held_by);
  xa_statement_bind_text (insert, 6, fields->scope ? fields->scope : "");
  xa_statement_bind_text (insert, 7, now);
  xa_statement_bind_text (insert, 8, xa_store_get_operator (store));
  return xa_statement_run (insert, error) &&
         xa_store_append_audit (store, "dispute.round", "dispute_round", *uuid, NULL, error);
}

/**
 * xa_dispute_add_round:
 *
 * Records a screening round (排查) of a school.
 *
 * Returns: (transfer full): the round's UUID, or %NULL with @error set
 */
char *
xa_dispute_add_round (XaStore                    *store,
                      const XaDisputeRoundFields *fields,
                      GError                    **error)
{
  char *uuid = NULL;
  gpointer data[] = { (gpointer) fields, &uuid };

  g_return_val_if_fail (XA_IS_STORE (store), NULL);

  if (!_xa_governance_check_date (fields->held_on, C_("field", "date"), error) ||
      !_xa_governance_check_text (fields->held_by, 100, C_("field", "held by"), error) ||
      !_xa_governance_check_year (fields->school_year, error) ||
      !xa_store_write (store, add_round_func, data, error))
    {
      g_free (uuid);
      return NULL;
    }
  return uuid;
}

typedef struct
{
  const XaDisputeFields *fields;
  XaDispute             *dispute;
  const char            *uuid;
  XaDisputeState         to;
  const char            *on;
  const char            *measures;
  gboolean               bad_influence;
} Change;

static gboolean
read_one (XaStore     *store,
          const char  *uuid,
          XaDispute  **dispute,
          GError     **error)
{
  g_autoptr(XaStatement) row = NULL;

  if (!(row = xa_store_prepare (store, DISPUTE_COLUMNS " WHERE d.uuid = ?", error)))
    return FALSE;
  xa_statement_bind_text (row, 1, uuid);
  switch (xa_statement_step (row, error))
    {
    case XA_STEP_ROW:
      *dispute = dispute_from_row (row);
      return TRUE;
    case XA_STEP_DONE:
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_NOT_FOUND, _("There is no dispute %s"), uuid);
      return FALSE;
    case XA_STEP_ERROR:
    default:
      return FALSE;
    }
}

static gboolean
add_func (XaStore   *store,
          gpointer   user_data,
          GError   **error)
{
  Change *change = user_data;
  const XaDisputeFields *fields = change->fields;
  g_autoptr(XaStatement) insert = NULL;
  g_autofree char *now = xa_date_now_iso8601 ();
  g_autofree char *uuid = xa_store_new_uuid ();
  gint64 school_id;
  gint64 round_id = 0;

  if (!(school_id = _xa_governance_school_id (store, fields->school_uuid, error)))
    return FALSE;
  if (fields->round_uuid != NULL &&
      !(round_id = _xa_governance_row_id (store, "dispute_round", fields->round_uuid, school_id, error)))
    return FALSE;
  if (!(insert = xa_store_prepare (store,
                                   "INSERT INTO dispute (uuid, organisation_id, school_year, round_id, found_on,"
                                   " parties, kind, description, measures, responsible, state, recorded_at, recorded_by)"
                                   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'screened', ?, ?)",
                                   error)))
    return FALSE;
  xa_statement_bind_text (insert, 1, uuid);
  xa_statement_bind_int64 (insert, 2, school_id);
  xa_statement_bind_int (insert, 3, fields->school_year);
  if (round_id != 0)
    xa_statement_bind_int64 (insert, 4, round_id);
  else
    xa_statement_bind_null (insert, 4);
  xa_statement_bind_text (insert, 5, fields->found_on);
  xa_statement_bind_text (insert, 6, fields->parties);
  xa_statement_bind_text (insert, 7, fields->kind);
  xa_statement_bind_text (insert, 8, fields->description);
  xa_statement_bind_text (insert, 9, fields->measures ? fields->measures : "");
  xa_statement_bind_text (insert, 10, fields->responsible);
  xa_statement_bind_text (insert, 11, now);
  xa_statement_bind_text (insert, 12, xa_store_get_operator (store));
  return xa_statement_run (insert, error) &&
         xa_store_append_audit (store, "dispute.add", "dispute", uuid, NULL, error) &&
         read_one (store, uuid, &change->dispute, error);
}

/**
 * xa_dispute_add:
 *
 * Records a dispute found, in the state 排查.
 *
 * Returns: (transfer full): the dispute, or %NULL with @error set naming the field
 */
XaDispute *
xa_dispute_add (XaStore                *store,
                const XaDisputeFields  *fields,
                GError                **error)
{
  Change change = { .fields = fields };

  g_return_val_if_fail (XA_IS_STORE (store), NULL);

  if (!_xa_governance_check_year (fields->school_year, error) ||
      !_xa_governance_check_date (fields->found_on, C_("field", "date found"), error) ||
      !_xa_governance_check_text (fields->parties, 200, C_("field", "parties"), error) ||
      !_xa_governance_check_text (fields->description, 2000, C_("field", "description"), error) ||
      !_xa_governance_check_text (fields->responsible, 50, C_("field", "responsible person"), error))
    return NULL;
  if (!xa_dispute_kind_is_valid (fields->kind))
    {
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID,
                   _("Kind: “%s” is not family-school, student, staff, neighbour, contract or other"),
                   fields->kind ? fields->kind : "");
      return NULL;
    }
  if (!xa_store_write (store, add_func, &change, error))
    {
      g_clear_object (&change.dispute);
      return NULL;
    }
  return change.dispute;
}

/* The state machine */

static gboolean
may_advance (XaDisputeState from,
             XaDisputeState to)
{
  switch (from)
    {
    case XA_DISPUTE_SCREENED:
      return to == XA_DISPUTE_RESOLVING || to == XA_DISPUTE_REPORTED;
    case XA_DISPUTE_RESOLVING:
      return to == XA_DISPUTE_RESOLVED || to == XA_DISPUTE_REPORTED;
    case XA_DISPUTE_REPORTED:
      return to == XA_DISPUTE_RESOLVED;
    case XA_DISPUTE_RESOLVED:
    default:
      return FALSE;
    }
}

static gboolean
advance_func (XaStore   *store,
              gpointer   user_data,
              GError   **error)
{
  Change *change = user_data;
  g_autoptr(XaDispute) dispute = NULL;
  g_autoptr(XaStatement) update = NULL;
  g_autofree char *detail = NULL;

  if (!read_one (store, change->uuid, &dispute, error))
    return FALSE;
  if (!may_advance (dispute->state, change->to))
    {
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID,
                   _("A dispute that is “%s” cannot become “%s”"),
                   xa_dispute_state_to_label (dispute->state), xa_dispute_state_to_label (change->to));
      return FALSE;
    }
  if (change->to == XA_DISPUTE_RESOLVED && g_strcmp0 (change->on, dispute->found_on) < 0)
    {
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID,
                   _("Resolved on: %s is before the dispute was found (%s)"), change->on, dispute->found_on);
      return FALSE;
    }
  if (!(update = xa_store_prepare (store,
                                   "UPDATE dispute SET state = ?, resolved_on = ?,"
                                   " measures = coalesce (?, measures) WHERE uuid = ?",
                                   error)))
    return FALSE;
  xa_statement_bind_text (update, 1, xa_dispute_state_to_key (change->to));
  if (change->to == XA_DISPUTE_RESOLVED)
    xa_statement_bind_text (update, 2, change->on);
  else
    xa_statement_bind_null (update, 2);
  xa_statement_bind_text_or_null (update, 3, change->measures);
  xa_statement_bind_text (update, 4, change->uuid);
  detail = g_strdup_printf ("{\"from\":\"%s\",\"to\":\"%s\"}", xa_dispute_state_to_key (dispute->state),
                            xa_dispute_state_to_key (change->to));
  return xa_statement_run (update, error) &&
         xa_store_append_audit (store, "dispute.advance", "dispute", change->uuid, detail, error);
}

/**
 * xa_dispute_advance:
 * @to: the next state: 化解中 or 上报 from 排查, 已化解 or 上报 from 化解中, 已化解 from 上报
 * @on: (nullable): the day it was resolved (YYYY-MM-DD), required for %XA_DISPUTE_RESOLVED
 * @measures: (nullable): the measures taken, replacing those recorded
 *
 * Moves a dispute on. Any other step is refused with a message naming both states.
 */
gboolean
xa_dispute_advance (XaStore         *store,
                    const char      *uuid,
                    XaDisputeState   to,
                    const char      *on,
                    const char      *measures,
                    GError         **error)
{
  Change change = { .uuid = uuid, .to = to, .on = on, .measures = measures };

  g_return_val_if_fail (XA_IS_STORE (store), FALSE);

  if (to == XA_DISPUTE_RESOLVED && !_xa_governance_check_date (on, C_("field", "resolved on"), error))
    return FALSE;
  return xa_store_write (store, advance_func, &change, error);
}

static gboolean
escalate_func (XaStore   *store,
               gpointer   user_data,
               GError   **error)
{
  Change *change = user_data;
  g_autoptr(XaDispute) dispute = NULL;
  g_autoptr(XaStatement) update = NULL;

  if (!read_one (store, change->uuid, &dispute, error))
    return FALSE;
  if (dispute->escalated)
    {
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID,
                   _("The dispute already led to a petition over the district (越级上访) on %s"),
                   dispute->escalated_on);
      return FALSE;
    }
  if (!(update = xa_store_prepare (store, "UPDATE dispute SET escalated = 1, escalated_on = ? WHERE uuid = ?", error)))
    return FALSE;
  xa_statement_bind_text (update, 1, change->on);
  xa_statement_bind_text (update, 2, change->uuid);
  return xa_statement_run (update, error) &&
         xa_store_append_audit (store, "dispute.escalated", "dispute", change->uuid, NULL, error);
}

/**
 * xa_dispute_set_escalated:
 * @on: the day of the petition (YYYY-MM-DD)
 *
 * Records that the dispute led to 越级上访: the veto test names the school for it.
 */
gboolean
xa_dispute_set_escalated (XaStore     *store,
                          const char  *uuid,
                          const char  *on,
                          GError     **error)
{
  Change change = { .uuid = uuid, .on = on };

  g_return_val_if_fail (XA_IS_STORE (store), FALSE);

  return _xa_governance_check_date (on, C_("field", "petition date"), error) &&
         xa_store_write (store, escalate_func, &change, error);
}

/* A step and a petition together, one transaction. */
typedef struct
{
  Change   advance;
  Change   escalate;
  gboolean advancing;
} Step;

static gboolean
step_func (XaStore   *store,
           gpointer   user_data,
           GError   **error)
{
  Step *step = user_data;

  return (!step->advancing || advance_func (store, &step->advance, error)) &&
         (step->escalate.on == NULL || escalate_func (store, &step->escalate, error));
}

/**
 * xa_dispute_step:
 * @advance: whether the dispute moves to @to (else its state is kept)
 * @to: the next state, as xa_dispute_advance() takes it
 * @on: (nullable): the day it was resolved, required when it moves to %XA_DISPUTE_RESOLVED
 * @measures: (nullable): the measures taken, replacing those recorded
 * @escalated_on: (nullable): the day of the petition over the district (越级上访) it
 *   led to, or %NULL for none recorded now
 *
 * Moves a dispute on and records the petition it led to, in one transaction: either is
 * refused, with the field named, and nothing changes.
 */
gboolean
xa_dispute_step (XaStore         *store,
                 const char      *uuid,
                 gboolean         advance,
                 XaDisputeState   to,
                 const char      *on,
                 const char      *measures,
                 const char      *escalated_on,
                 GError         **error)
{
  Step step = {
    .advance = { .uuid = uuid, .to = to, .on = on, .measures = measures },
    .escalate = { .uuid = uuid, .on = escalated_on },
    .advancing = advance,
  };

  g_return_val_if_fail (XA_IS_STORE (store), FALSE);

  if (!advance && escalated_on == NULL)
    {
      g_set_error_literal (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID,
                           _("State: choose the next state or record a petition"));
      return FALSE;
    }
  if (advance && to == XA_DISPUTE_RESOLVED && !_xa_governance_check_date (on, C_("field", "resolved on"), error))
    return FALSE;
  if (escalated_on != NULL && !_xa_governance_check_date (escalated_on, C_("field", "petition date"), error))
    return FALSE;
  return xa_store_write (store, step_func, &step, error);
}

static gboolean
judge_func (XaStore   *store,
            gpointer   user_data,
            GError   **error)
{
  Change *change = user_data;
  g_autoptr(XaDispute) dispute = NULL;
  g_autoptr(XaStatement) update = NULL;
  g_autofree char *now = xa_date_now_iso8601 ();
  const char *influence = change->bad_influence ? "bad" : "none";

  if (!read_one (store, change->uuid, &dispute, error))
    return FALSE;
  if (!dispute->escalated)
    {
      g_set_error_literal (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID,
                           _("The dispute led to no petition over the district (越级上访): there is no influence to judge"));
      return FALSE;
    }
  if (dispute->influence != NULL)
    {
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID,
                   _("The petition’s influence was judged already, by %s at %s"), dispute->judged_by, dispute->judged_at);
      return FALSE;
    }
  if (!(update = xa_store_prepare (store, "UPDATE dispute SET influence = ?, judged_at = ?, judged_by = ? WHERE uuid = ?",
                                   error)))
    return FALSE;
  xa_statement_bind_text (update, 1, influence);
  xa_statement_bind_text (update, 2, now);
  xa_statement_bind_text (update, 3, xa_store_get_operator (store));
  xa_statement_bind_text (update, 4, change->uuid);
  return xa_statement_run (update, error) &&
         xa_store_append_audit (store, "dispute.judge", "dispute", change->uuid,
                                change->bad_influence ? "{\"influence\":\"bad\"}" : "{\"influence\":\"none\"}", error);
}

/**
 * xa_dispute_judge_influence:
 * @bad_influence: whether the petition caused a bad influence (造成恶劣影响)
 *
 * Records the commission's judgement of the petition over the district (越级上访) a
 * dispute led to, with who judged and when: the veto test's V3 then vetoes the school's
 * year (@bad_influence) or not, where it was pending. Refused for a dispute that led
 * to no petition and for one judged already; on a server, refused to a school's login.
 */
gboolean
xa_dispute_judge_influence (XaStore     *store,
                            const char  *uuid,
                            gboolean     bad_influence,
                            GError     **error)
{
  Change change = { .uuid = uuid, .bad_influence = bad_influence };

  g_return_val_if_fail (XA_IS_STORE (store), FALSE);

  return xa_store_write (store, judge_func, &change, error);
}

/* Reading */

typedef struct
{
  const char *school_uuid;
  int         school_year;
  gboolean    escalations;
  GPtrArray  *found;
} List;

static gboolean
list_func (XaStore   *store,
           gpointer   user_data,
           GError   **error)
{
  List *list = user_data;
  g_autoptr(GString) sql = g_string_new (DISPUTE_COLUMNS " WHERE 1 = 1");
  g_autoptr(XaStatement) rows = NULL;
  int n = 0;
  XaStep step;

  if (list->school_uuid != NULL)
    g_string_append (sql, " AND o.uuid = ?");
  if (list->school_year != 0)
    g_string_append (sql, " AND d.school_year = ?");
  if (list->escalations)
    g_string_append (sql, " AND d.escalated = 1 ORDER BY o.code, d.escalated_on, d.uuid");
  else
    g_string_append (sql, " ORDER BY d.found_on DESC, o.code, d.uuid");
  if (!(rows = xa_store_prepare (store, sql->str, error)))
    return FALSE;
  if (list->school_uuid != NULL)
    xa_statement_bind_text (rows, ++n, list->school_uuid);
  if (list->school_year != 0)
    xa_statement_bind_int (rows, ++n, list->school_year);

  while ((step = xa_statement_step (rows, error)) == XA_STEP_ROW)
    {
      g_autoptr(XaDispute) dispute = dispute_from_row (rows);

      if (list->escalations)
        {
          XaDisputeEscalation *escalation = g_new0 (XaDisputeEscalation, 1);

          escalation->school_uuid = g_strdup (dispute->school_uuid);
          escalation->school_code = g_strdup (dispute->school_code);
          escalation->school_name = g_strdup (dispute->school_name);
          escalation->date = g_strdup (dispute->escalated_on);
          escalation->dispute_uuid = g_strdup (dispute->uuid);
          escalation->judged = dispute->influence != NULL;
          escalation->bad_influence = g_strcmp0 (dispute->influence, "bad") == 0;
          /* TRANSLATORS: the reason a school is vetoed: a dispute (its parties) led to 越级上访 */
          escalation->reason = g_strdup_printf (_("A dispute (%s) led to a petition over the district on %s"),
                                                dispute->parties, dispute->escalated_on);
          g_ptr_array_add (list->found, escalation);
        }
      else
        g_ptr_array_add (list->found, g_steal_pointer (&dispute));
    }
  return step == XA_STEP_DONE;
}

/**
 * xa_dispute_list:
 * @school_uuid: (nullable): one school's, or every school the login sees
 * @school_year: a school year, or 0 for all
 *
 * Returns: (transfer full) (element-type XaDispute): the disputes, the last found first
 */
GPtrArray *
xa_dispute_list (XaStore     *store,
                 const char  *school_uuid,
                 int          school_year,
                 GError     **error)
{
  List list = { school_uuid, school_year, FALSE, g_ptr_array_new_with_free_func (g_object_unref) };

  g_return_val_if_fail (XA_IS_STORE (store), NULL);

  if (!xa_store_read (store, list_func, &list, error))
    g_clear_pointer (&list.found, g_ptr_array_unref);
  return list.found;
}

/**
 * xa_dispute_list_escalations:
 * @school_year: the school year whose disputes are read (the year the dispute was
 *   recorded under), or 0 for all
 *
 * The disputes that led to 越级上访, for the veto test: one entry per dispute, with its
 * school, the day of the petition and a one-line reason in the user's language,
 * ordered by school code and date. A login sees only the schools its row level
 * security lets it.
 *
 * Returns: (transfer full) (element-type XaDisputeEscalation): the escalations, or
 *   %NULL with @error set
 */
GPtrArray *
xa_dispute_list_escalations (XaStore  *store,
                             int       school_year,
                             GError  **error)
{
  List list = { NULL, school_year, TRUE,
                g_ptr_array_new_with_free_func ((GDestroyNotify) xa_dispute_escalation_free) };

  g_return_val_if_fail (XA_IS_STORE (store), NULL);

  if (!xa_store_read (store, list_func, &list, error))
    g_clear_pointer (&list.found, g_ptr_array_unref);
  return list.found;
}

XaDisputeEscalation *
xa_dispute_escalation_copy (const XaDisputeEscalation *self)
{
  XaDisputeEscalation *copy = g_new0 (XaDisputeEscalation, 1);

  copy->school_uuid = g_strdup (self->school_uuid);
  copy->school_code = g_strdup (self->school_code);
  copy->school_name = g_strdup (self->school_name);
  copy->date = g_strdup (self->date);
  copy->dispute_uuid = g_strdup (self->dispute_uuid);
  copy->reason = g_strdup (self->reason);
  copy->judged = self->judged;
  copy->bad_influence = self->bad_influence;
  return copy;
}

void
xa_dispute_escalation_free (XaDisputeEscalation *self)
{
  if (self == NULL)
    return;
  g_free (self->school_uuid);
  g_free (self->school_code);
  g_free (self->school_name);
  g_free (self->date);
  g_free (self->dispute_uuid);
  g_free (self->reason);
  g_free (self);
}

G_DEFINE_BOXED_TYPE (XaDisputeEscalation, xa_dispute_escalation, xa_dispute_escalation_copy, xa_dispute_escalation_free)
