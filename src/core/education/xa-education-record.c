/* xa-education-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One session of safety education as a school records it (domain.md §3.5): a value the
 * book checks when it stores it (xa-education-book.c) and reads back.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-education-record.h"
#include "xa-education-private.h"

enum
{
  PROP_0,
  PROP_UUID,
  PROP_SCHOOL_UUID,
  PROP_SCHOOL_YEAR,
  PROP_HELD_ON,
  PROP_AUDIENCE_LABEL,
  PROP_TOPIC_LABEL,
  PROP_TEACHER,
  PROP_HOURS,
  PROP_EXPECTED,
  PROP_PRESENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (XaEducationRecord, xa_education_record, G_TYPE_OBJECT)

static void
xa_education_record_finalize (GObject *object)
{
  XaEducationRecord *self = XA_EDUCATION_RECORD (object);

  g_free (self->uuid);
  g_free (self->school_uuid);
  g_free (self->held_on);
  g_free (self->grade);
  g_free (self->class_name);
  g_free (self->topic);
  g_free (self->title);
  g_free (self->teacher);
  g_free (self->makes_up_uuid);
  g_strfreev (self->absentees);
  g_strfreev (self->evidence);
  g_free (self->notes);
  g_free (self->recorded_by);
  g_free (self->recorded_at);

  G_OBJECT_CLASS (xa_education_record_parent_class)->finalize (object);
}

static void
xa_education_record_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  XaEducationRecord *self = XA_EDUCATION_RECORD (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_SCHOOL_UUID:
      g_value_set_string (value, self->school_uuid);
      break;
    case PROP_SCHOOL_YEAR:
      g_value_set_int (value, self->school_year);
      break;
    case PROP_HELD_ON:
      g_value_set_string (value, self->held_on);
      break;
    case PROP_AUDIENCE_LABEL:
      g_value_take_string (value, xa_education_record_dup_audience_label (self));
      break;
    case PROP_TOPIC_LABEL:
      g_value_take_string (value, self->topic != NULL ? xa_education_dup_topic_label (self->topic) : NULL);
      break;
    case PROP_TEACHER:
      g_value_set_string (value, self->teacher);
      break;
    case PROP_HOURS:
      g_value_set_uint (value, self->hours);
      break;
    case PROP_EXPECTED:
      g_value_set_uint (value, self->expected);
      break;
    case PROP_PRESENT:
      g_value_set_uint (value, self->present);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_education_record_class_init (XaEducationRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = xa_education_record_finalize;
  object_class->get_property = xa_education_record_get_property;

  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, flags);
  properties[PROP_SCHOOL_UUID] = g_param_spec_string ("school-uuid", NULL, NULL, NULL, flags);
  properties[PROP_SCHOOL_YEAR] = g_param_spec_int ("school-year", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_HELD_ON] = g_param_spec_string ("held-on", NULL, NULL, NULL, flags);
  properties[PROP_AUDIENCE_LABEL] = g_param_spec_string ("audience-label", NULL, NULL, NULL, flags);
  properties[PROP_TOPIC_LABEL] = g_param_spec_string ("topic-label", NULL, NULL, NULL, flags);
  properties[PROP_TEACHER] = g_param_spec_string ("teacher", NULL, NULL, NULL, flags);
  properties[PROP_HOURS] = g_param_spec_uint ("hours", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_EXPECTED] = g_param_spec_uint ("expected", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_PRESENT] = g_param_spec_uint ("present", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xa_education_record_init (XaEducationRecord *self)
{
  self->semester = 1;
  self->week = 1;
  self->hours = 1;
  self->absentees = g_new0 (char *, 1);
  self->evidence = g_new0 (char *, 1);
}

XaEducationRecord *
xa_education_record_new (void)
{
  return g_object_new (XA_TYPE_EDUCATION_RECORD, NULL);
}

#define STRING_ACCESSORS(field)                                                 \
  const char *                                                                  \
  xa_education_record_get_##field (XaEducationRecord *self)                     \
  {                                                                             \
    g_return_val_if_fail (XA_IS_EDUCATION_RECORD (self), NULL);                 \
    return self->field;                                                         \
  }

STRING_ACCESSORS (uuid)
STRING_ACCESSORS (school_uuid)
STRING_ACCESSORS (held_on)
STRING_ACCESSORS (grade)
STRING_ACCESSORS (class_name)
STRING_ACCESSORS (topic)
STRING_ACCESSORS (title)
STRING_ACCESSORS (teacher)
STRING_ACCESSORS (makes_up_uuid)
STRING_ACCESSORS (notes)
STRING_ACCESSORS (recorded_by)

void
xa_education_record_set_school_uuid (XaEducationRecord *self, const char *uuid)
{
  g_return_if_fail (XA_IS_EDUCATION_RECORD (self));
  g_free (self->school_uuid);
  self->school_uuid = g_strdup (uuid);
}

int
xa_education_record_get_school_year (XaEducationRecord *self)
{
  g_return_val_if_fail (XA_IS_EDUCATION_RECORD (self), 0);
  return self->school_year;
}

void
xa_education_record_set_school_year (XaEducationRecord *self, int year)
{
  g_return_if_fail (XA_IS_EDUCATION_RECORD (self));
  self->school_year = year;
}

void
xa_education_record_set_held_on (XaEducationRecord *self, const char *date)
{
  g_return_if_fail (XA_IS_EDUCATION_RECORD (self));
  g_free (self->held_on);
  self->held_on = g_strdup (date);
}

guint
xa_education_record_get_semester (XaEducationRecord *self)
{
  g_return_val_if_fail (XA_IS_EDUCATION_RECORD (self), 0);
  return self->semester;
}

guint
xa_education_record_get_week (XaEducationRecord *self)
{
  g_return_val_if_fail (XA_IS_EDUCATION_RECORD (self), 0);
  return self->week;
}

void
xa_education_record_set_week (XaEducationRecord *self, guint semester, guint week)
{
  g_return_if_fail (XA_IS_EDUCATION_RECORD (self));
  self->semester = semester;
  self->week = week;
}

XaEducationAudience
xa_education_record_get_audience (XaEducationRecord *self)
{
  g_return_val_if_fail (XA_IS_EDUCATION_RECORD (self), 0);
  return self->audience;
}

/* @grade and @class_name are a class's, for XA_EDUCATION_AUDIENCE_CLASS only. */
void
xa_education_record_set_audience (XaEducationRecord   *self,
                                  XaEducationAudience  audience,
                                  const char          *grade,
                                  const char          *class_name)
{
  g_return_if_fail (XA_IS_EDUCATION_RECORD (self));
  self->audience = audience;
  g_free (self->grade);
  g_free (self->class_name);
  self->grade = g_strdup (audience == XA_EDUCATION_AUDIENCE_CLASS && grade != NULL ? grade : "");
  self->class_name = g_strdup (audience == XA_EDUCATION_AUDIENCE_CLASS && class_name != NULL ? class_name : "");
}

/* 七年级(3)班 for a class, else 全校, 教职工, 家长. */
char *
xa_education_record_dup_audience_label (XaEducationRecord *self)
{
  g_return_val_if_fail (XA_IS_EDUCATION_RECORD (self), NULL);

  if (self->audience == XA_EDUCATION_AUDIENCE_CLASS)
    return g_strconcat (self->grade, self->class_name, NULL);
  return g_strdup (xa_education_audience_to_label (self->audience));
}

XaEducationForm
xa_education_record_get_form (XaEducationRecord *self)
{
  g_return_val_if_fail (XA_IS_EDUCATION_RECORD (self), 0);
  return self->form;
}

void
xa_education_record_set_form (XaEducationRecord *self, XaEducationForm form)
{
  g_return_if_fail (XA_IS_EDUCATION_RECORD (self));
  self->form = form;
}

void
xa_education_record_set_topic (XaEducationRecord *self, const char *key)
{
  g_return_if_fail (XA_IS_EDUCATION_RECORD (self));
  g_free (self->topic);
  self->topic = g_strdup (key);
}

void
xa_education_record_set_title (XaEducationRecord *self, const char *title)
{
  g_return_if_fail (XA_IS_EDUCATION_RECORD (self));
  g_free (self->title);
  self->title = g_strdup (title);
}

XaTeacherKind
xa_education_record_get_teacher_kind (XaEducationRecord *self)
{
  g_return_val_if_fail (XA_IS_EDUCATION_RECORD (self), 0);
  return self->teacher_kind;
}

void
xa_education_record_set_teacher (XaEducationRecord *self, const char *name, XaTeacherKind kind)
{
  g_return_if_fail (XA_IS_EDUCATION_RECORD (self));
  g_free (self->teacher);
  self->teacher = g_strdup (name);
  self->teacher_kind = kind;
}

guint
xa_education_record_get_hours (XaEducationRecord *self)
{
  g_return_val_if_fail (XA_IS_EDUCATION_RECORD (self), 0);
  return self->hours;
}

void
xa_education_record_set_hours (XaEducationRecord *self, guint hours)
{
  g_return_if_fail (XA_IS_EDUCATION_RECORD (self));
  self->hours = hours;
}

guint
xa_education_record_get_expected (XaEducationRecord *self)
{
  g_return_val_if_fail (XA_IS_EDUCATION_RECORD (self), 0);
  return self->expected;
}

guint
xa_education_record_get_present (XaEducationRecord *self)
{
  g_return_val_if_fail (XA_IS_EDUCATION_RECORD (self), 0);
  return self->present;
}

void
xa_education_record_set_attendance (XaEducationRecord *self, guint expected, guint present)
{
  g_return_if_fail (XA_IS_EDUCATION_RECORD (self));
  self->expected = expected;
  self->present = present;
}

void
xa_education_record_set_makes_up_uuid (XaEducationRecord *self, const char *uuid)
{
  g_return_if_fail (XA_IS_EDUCATION_RECORD (self));
  g_free (self->makes_up_uuid);
  self->makes_up_uuid = g_strdup (uuid);
}

const char * const *
xa_education_record_get_absentees (XaEducationRecord *self)
{
  g_return_val_if_fail (XA_IS_EDUCATION_RECORD (self), NULL);
  return (const char * const *) self->absentees;
}

/* The names (or 学号) of those absent, resolved against the roster when stored. */
void
xa_education_record_set_absentees (XaEducationRecord *self, const char * const *names)
{
  g_return_if_fail (XA_IS_EDUCATION_RECORD (self));
  g_strfreev (self->absentees);
  self->absentees = names != NULL ? g_strdupv ((char **) names) : g_new0 (char *, 1);
}

const char * const *
xa_education_record_get_evidence (XaEducationRecord *self)
{
  g_return_val_if_fail (XA_IS_EDUCATION_RECORD (self), NULL);
  return (const char * const *) self->evidence;
}

/* The UUIDs of archive items (xa-archive.h): the lesson plan, sign-in sheet, photos. */
void
xa_education_record_set_evidence (XaEducationRecord *self, const char * const *archive_uuids)
{
  g_return_if_fail (XA_IS_EDUCATION_RECORD (self));
  g_strfreev (self->evidence);
  self->evidence = archive_uuids != NULL ? g_strdupv ((char **) archive_uuids) : g_new0 (char *, 1);
}

void
xa_education_record_set_notes (XaEducationRecord *self, const char *notes)
{
  g_return_if_fail (XA_IS_EDUCATION_RECORD (self));
  g_free (self->notes);
  self->notes = g_strdup (notes);
}
