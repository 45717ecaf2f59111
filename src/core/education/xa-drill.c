/* xa-drill.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One 应急疏散演练 of a school as recorded: when, what kind, who organised it, how many
 * took part, the evacuation time against the target, the problems found (each may
 * become a hazard of the ledger, and then names it), the improvements and the archive
 * items that prove it. A value object: the drill book reads and writes it.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-drill.h"

typedef struct
{
  char *description;
  char *hazard_uuid;
  char *hazard_number;
} Problem;

struct _XaDrill
{
  GObject      parent_instance;

  char        *uuid;
  char        *school_uuid;
  char        *school_code;
  char        *school_name;
  int          school_year;
  char        *held_on;
  XaDrillKind  kind;
  char        *kind_other;
  char        *organiser;
  int          participants;
  int          evacuation_seconds;
  int          target_seconds;
  char        *improvements;
  GStrv        evidence;
  GArray      *problems;   /* of Problem */
};

G_DEFINE_FINAL_TYPE (XaDrill, xa_drill, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UUID,
  PROP_SCHOOL_NAME,
  PROP_HELD_ON,
  PROP_KIND_LABEL,
  PROP_ORGANISER,
  PROP_PARTICIPANTS,
  PROP_EVACUATION_LABEL,
  PROP_N_PROBLEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct
{
  XaDrillKind  kind;
  const char  *key;
  const char  *label;
  const char  *chinese;   /* which a user may type whatever the locale */
} kinds[] = {
  { XA_DRILL_KIND_EARTHQUAKE, "earthquake", NC_("drill kind", "Earthquake"), "地震" },
  { XA_DRILL_KIND_FIRE, "fire", NC_("drill kind", "Fire"), "火灾" },
  { XA_DRILL_KIND_STAMPEDE, "stampede", NC_("drill kind", "Crowd crush"), "防踩踏" },
  { XA_DRILL_KIND_TERROR, "terror", NC_("drill kind", "Counter-terrorism"), "反恐防暴" },
  { XA_DRILL_KIND_SCHOOL_BUS, "school-bus", NC_("drill kind", "School bus"), "校车" },
  { XA_DRILL_KIND_OTHER, "other", NC_("drill kind", "Other"), "其他" },
};

const char *
xa_drill_kind_to_key (XaDrillKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i].kind == kind)
      return kinds[i].key;
  return NULL;
}

gboolean
xa_drill_kind_from_key (const char  *key,
                        XaDrillKind *kind)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kinds[i].key, key))
      {
        *kind = kinds[i].kind;
        return TRUE;
      }
  return FALSE;
}

const char *
xa_drill_kind_to_label (XaDrillKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i].kind == kind)
      return g_dpgettext2 (GETTEXT_PACKAGE, "drill kind", kinds[i].label);
  return "";
}

/* The kind in Chinese whatever the locale, for documents. */
const char *
xa_drill_kind_to_chinese (XaDrillKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i].kind == kind)
      return kinds[i].chinese;
  return "";
}

/* A kind as the user writes it: its translated label or its key. */
gboolean
xa_drill_kind_from_label (const char  *label,
                          XaDrillKind *kind)
{
  for (guint i = 0; label != NULL && i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (xa_drill_kind_to_label (kinds[i].kind), label) || g_str_equal (kinds[i].chinese, label))
      {
        *kind = kinds[i].kind;
        return TRUE;
      }
  return xa_drill_kind_from_key (label, kind);
}

static void
problem_clear (gpointer data)
{
  Problem *problem = data;

  g_free (problem->description);
  g_free (problem->hazard_uuid);
  g_free (problem->hazard_number);
}

static char *
dup_evacuation_label (XaDrill *self)
{
  if (self->evacuation_seconds == 0)
    return g_strdup ("");
  if (self->target_seconds == 0)
    return g_strdup_printf (_("%d:%02d"), self->evacuation_seconds / 60, self->evacuation_seconds % 60);
  /* Translators: evacuation time against the target, minutes:seconds */
  return g_strdup_printf (_("%d:%02d (target %d:%02d)"), self->evacuation_seconds / 60, self->evacuation_seconds % 60,
                          self->target_seconds / 60, self->target_seconds % 60);
}

static void
xa_drill_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  XaDrill *self = XA_DRILL (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_SCHOOL_NAME:
      g_value_set_string (value, self->school_name);
      break;
    case PROP_HELD_ON:
      g_value_set_string (value, self->held_on);
      break;
    case PROP_KIND_LABEL:
      g_value_take_string (value, xa_drill_dup_kind_label (self));
      break;
    case PROP_ORGANISER:
      g_value_set_string (value, self->organiser);
      break;
    case PROP_PARTICIPANTS:
      g_value_set_int (value, self->participants);
      break;
    case PROP_EVACUATION_LABEL:
      g_value_take_string (value, dup_evacuation_label (self));
      break;
    case PROP_N_PROBLEMS:
      g_value_set_uint (value, self->problems->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_drill_finalize (GObject *object)
{
  XaDrill *self = XA_DRILL (object);

  g_free (self->uuid);
  g_free (self->school_uuid);
  g_free (self->school_code);
  g_free (self->school_name);
  g_free (self->held_on);
  g_free (self->kind_other);
  g_free (self->organiser);
  g_free (self->improvements);
  g_strfreev (self->evidence);
  g_array_unref (self->problems);

  G_OBJECT_CLASS (xa_drill_parent_class)->finalize (object);
}

static void
xa_drill_class_init (XaDrillClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->get_property = xa_drill_get_property;
  object_class->finalize = xa_drill_finalize;

  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, flags);
  properties[PROP_SCHOOL_NAME] = g_param_spec_string ("school-name", NULL, NULL, NULL, flags);
  properties[PROP_HELD_ON] = g_param_spec_string ("held-on", NULL, NULL, NULL, flags);
  properties[PROP_KIND_LABEL] = g_param_spec_string ("kind-label", NULL, NULL, NULL, flags);
  properties[PROP_ORGANISER] = g_param_spec_string ("organiser", NULL, NULL, NULL, flags);
  properties[PROP_PARTICIPANTS] = g_param_spec_int ("participants", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_EVACUATION_LABEL] = g_param_spec_string ("evacuation-label", NULL, NULL, NULL, flags);
  properties[PROP_N_PROBLEMS] = g_param_spec_uint ("n-problems", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xa_drill_init (XaDrill *self)
{
  self->problems = g_array_new (FALSE, TRUE, sizeof (Problem));
  g_array_set_clear_func (self->problems, problem_clear);
}

/**
 * xa_drill_new:
 * @uuid: (nullable): the drill's UUID once stored
 *
 * Returns: (transfer full): a drill holding a copy of @fields
 */
XaDrill *
xa_drill_new (const char          *uuid,
              const char          *school_code,
              const char          *school_name,
              const XaDrillFields *fields)
{
  XaDrill *self = g_object_new (XA_TYPE_DRILL, NULL);

  self->uuid = g_strdup (uuid ? uuid : "");
  self->school_uuid = g_strdup (fields->school_uuid ? fields->school_uuid : "");
  self->school_code = g_strdup (school_code ? school_code : "");
  self->school_name = g_strdup (school_name ? school_name : "");
  self->school_year = fields->school_year;
  self->held_on = g_strdup (fields->held_on ? fields->held_on : "");
  self->kind = fields->kind;
  self->kind_other = g_strdup (fields->kind_other ? fields->kind_other : "");
  self->organiser = g_strdup (fields->organiser ? fields->organiser : "");
  self->participants = fields->participants;
  self->evacuation_seconds = fields->evacuation_seconds;
  self->target_seconds = fields->target_seconds;
  self->improvements = g_strdup (fields->improvements ? fields->improvements : "");
  self->evidence = fields->evidence ? g_strdupv ((char **) fields->evidence) : g_new0 (char *, 1);
  for (guint i = 0; fields->problems != NULL && fields->problems[i] != NULL; i++)
    {
      Problem problem = { g_strdup (fields->problems[i]), NULL, NULL };

      g_array_append_val (self->problems, problem);
    }
  return self;
}

const char *xa_drill_get_uuid (XaDrill *self) { return self->uuid; }
const char *xa_drill_get_school_uuid (XaDrill *self) { return self->school_uuid; }
const char *xa_drill_get_school_code (XaDrill *self) { return self->school_code; }
const char *xa_drill_get_school_name (XaDrill *self) { return self->school_name; }
int xa_drill_get_school_year (XaDrill *self) { return self->school_year; }
const char *xa_drill_get_held_on (XaDrill *self) { return self->held_on; }
XaDrillKind xa_drill_get_kind (XaDrill *self) { return self->kind; }
const char *xa_drill_get_kind_other (XaDrill *self) { return self->kind_other; }
const char *xa_drill_get_organiser (XaDrill *self) { return self->organiser; }
int xa_drill_get_participants (XaDrill *self) { return self->participants; }
int xa_drill_get_evacuation_seconds (XaDrill *self) { return self->evacuation_seconds; }
int xa_drill_get_target_seconds (XaDrill *self) { return self->target_seconds; }
const char *xa_drill_get_improvements (XaDrill *self) { return self->improvements; }
const char * const *xa_drill_get_evidence (XaDrill *self) { return (const char * const *) self->evidence; }
guint xa_drill_get_n_problems (XaDrill *self) { return self->problems->len; }

/* The kind as shown: an other kind by the name it was given. */
char *
xa_drill_dup_kind_label (XaDrill *self)
{
  if (self->kind == XA_DRILL_KIND_OTHER && self->kind_other[0] != '\0')
    return g_strdup (self->kind_other);
  return g_strdup (xa_drill_kind_to_label (self->kind));
}

/* Whether the evacuation was timed within its target; TRUE when either is not set. */
gboolean
xa_drill_get_within_target (XaDrill *self)
{
  return self->evacuation_seconds == 0 || self->target_seconds == 0 ||
         self->evacuation_seconds <= self->target_seconds;
}

const char *
xa_drill_get_problem (XaDrill *self,
                      guint    index)
{
  g_return_val_if_fail (index < self->problems->len, NULL);
  return g_array_index (self->problems, Problem, index).description;
}

/* Returns: (nullable): the hazard the problem became, if it did */
const char *
xa_drill_get_problem_hazard_uuid (XaDrill *self,
                                  guint    index)
{
  g_return_val_if_fail (index < self->problems->len, NULL);
  return g_array_index (self->problems, Problem, index).hazard_uuid;
}

const char *
xa_drill_get_problem_hazard_number (XaDrill *self,
                                    guint    index)
{
  g_return_val_if_fail (index < self->problems->len, NULL);
  return g_array_index (self->problems, Problem, index).hazard_number;
}

void
xa_drill_set_problem_hazard (XaDrill    *self,
                             guint       index,
                             const char *hazard_uuid,
                             const char *hazard_number)
{
  Problem *problem;

  g_return_if_fail (index < self->problems->len);
  problem = &g_array_index (self->problems, Problem, index);
  g_free (problem->hazard_uuid);
  g_free (problem->hazard_number);
  problem->hazard_uuid = g_strdup (hazard_uuid);
  problem->hazard_number = g_strdup (hazard_number);
}
