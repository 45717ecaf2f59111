/* xa-education-names.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The stored keys of an education record's audience, form, teacher and topic and their
 * labels (domain.md §3.5). A topic is a module of the 纲要 (《中小学公共安全教育指导纲要》)
 * or one of the agreement's 15 special campaigns, whose keys are the campaign
 * catalogue's (data/inspections/campaigns.json), so that a 防溺水 lesson and the 防溺水
 * campaign are one subject everywhere.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xa-education-record.h"
#include "core/hazards/xa-campaign.h"

G_DEFINE_QUARK (xa-education-error-quark, xa_education_error)

static const struct { const char *key; const char *label; } audiences[] = {
  { "class", N_("Class") },
  { "school", N_("Whole school") },
  { "staff", N_("Staff") },
  { "parents", N_("Parents") },
};

static const struct { const char *key; const char *label; } forms[] = {
  { "lesson", N_("Safety lesson") },
  { "class-meeting", N_("Class meeting") },
  { "flag-speech", N_("Flag-raising speech") },
  { "lecture", N_("Lecture") },
  { "online", N_("Online platform") },
  { "drill", N_("Drill") },
  { "parents-meeting", N_("Parents' meeting") },
};

static const struct { const char *key; const char *label; } teacher_kinds[] = {
  { "class-teacher", N_("Class teacher") },
  { "subject-teacher", N_("Subject teacher") },
  { "legal-vice-principal", N_("Vice principal for rule of law") },
  { "legal-counsellor", N_("Rule-of-law counsellor") },
  { "guest", N_("Guest speaker") },
};

/* The 纲要's modules, before the campaigns. */
static const struct { const char *key; const char *label; } modules[] = {
  { "social", N_("Social safety") },
  { "health", N_("Public health") },
  { "accident", N_("Accidental injury") },
  { "network", N_("Internet and information safety") },
  { "disaster", N_("Natural disasters") },
  { "other", N_("Other events") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (audiences) == XA_N_EDUCATION_AUDIENCES);
G_STATIC_ASSERT (G_N_ELEMENTS (forms) == XA_N_EDUCATION_FORMS);
G_STATIC_ASSERT (G_N_ELEMENTS (teacher_kinds) == XA_N_TEACHER_KINDS);

#define DEFINE_NAMES(prefix, Type, table, count)                              \
  const char *                                                                \
  prefix##_to_key (Type value)                                                \
  {                                                                           \
    g_return_val_if_fail ((guint) value < count, NULL);                       \
    return table[value].key;                                                  \
  }                                                                           \
  const char *                                                                \
  prefix##_to_label (Type value)                                              \
  {                                                                           \
    g_return_val_if_fail ((guint) value < count, NULL);                       \
    return _(table[value].label);                                             \
  }                                                                           \
  gboolean                                                                    \
  prefix##_from_key (const char *key,                                         \
                     Type       *value)                                       \
  {                                                                           \
    for (guint i = 0; key != NULL && i < count; i++)                          \
      if (strcmp (key, table[i].key) == 0)                                    \
        {                                                                     \
          *value = (Type) i;                                                  \
          return TRUE;                                                        \
        }                                                                     \
    return FALSE;                                                             \
  }

DEFINE_NAMES (xa_education_audience, XaEducationAudience, audiences, XA_N_EDUCATION_AUDIENCES)
DEFINE_NAMES (xa_education_form, XaEducationForm, forms, XA_N_EDUCATION_FORMS)
DEFINE_NAMES (xa_teacher_kind, XaTeacherKind, teacher_kinds, XA_N_TEACHER_KINDS)

static GPtrArray *
campaigns (void)
{
  static GPtrArray *catalogue;

  if (g_once_init_enter (&catalogue))
    {
      g_autoptr(GError) error = NULL;
      GPtrArray *read = xa_campaign_dup_catalogue (&error);

      /* The catalogue is a resource compiled in: it cannot be missing. */
      if (read == NULL)
        g_error ("The campaign catalogue cannot be read: %s", error->message);
      g_once_init_leave (&catalogue, read);
    }

  return catalogue;
}

/**
 * xa_education_dup_topic_keys:
 *
 * Returns: (transfer full): the 纲要's modules, then the campaigns in the agreement's order
 */
GStrv
xa_education_dup_topic_keys (void)
{
  GPtrArray *catalogue = campaigns ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < G_N_ELEMENTS (modules); i++)
    g_strv_builder_add (builder, modules[i].key);
  for (guint i = 0; i < catalogue->len; i++)
    g_strv_builder_add (builder, xa_campaign_get_key (g_ptr_array_index (catalogue, i)));

  return g_strv_builder_end (builder);
}

/**
 * xa_education_dup_topic_label:
 *
 * Returns: (transfer full) (nullable): the module's or campaign's name, %NULL for a key
 *   that is neither
 */
char *
xa_education_dup_topic_label (const char *key)
{
  GPtrArray *catalogue = campaigns ();

  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (modules); i++)
    if (strcmp (key, modules[i].key) == 0)
      return g_strdup (_(modules[i].label));
  for (guint i = 0; i < catalogue->len; i++)
    if (strcmp (key, xa_campaign_get_key (g_ptr_array_index (catalogue, i))) == 0)
      return g_strdup (xa_campaign_get_name (g_ptr_array_index (catalogue, i)));

  return NULL;
}

gboolean
xa_education_topic_is_known (const char *key)
{
  g_autofree char *label = key != NULL ? xa_education_dup_topic_label (key) : NULL;

  return label != NULL;
}
