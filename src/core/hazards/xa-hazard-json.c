/* xa-hazard-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A hazard as a JSON object, for the store (a row's image, a draft that survives a
 * crash) and for other programs (`xiaoan-cli hazard list --json`, to come). As with the
 * agreements' JSON, the members and their order are an interface: a member is added at
 * the end and never renamed; columns go by their keys (xa_hazard_field_to_key()), values
 * by keys ("major"), never labels; a column without a value is null.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-hazard-json.h"
#include "xa-hazard-private.h"

static const char * const entry_members[] = { "step", "from", "to", "who", "at", "date", "note", NULL };

static void
set_text_or_null (JsonObject *object,
                  const char *member,
                  const char *value)
{
  if (value == NULL || value[0] == '\0')
    json_object_set_null_member (object, member);
  else
    json_object_set_string_member (object, member, value);
}

static JsonObject *
entry_to_json (const XaHazardEntry *entry)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "step", xa_hazard_step_to_key (entry->step));
  json_object_set_string_member (object, "from", xa_hazard_state_to_key (entry->from));
  json_object_set_string_member (object, "to", xa_hazard_state_to_key (entry->to));
  set_text_or_null (object, "who", entry->who);
  set_text_or_null (object, "at", entry->at);
  set_text_or_null (object, "date", entry->date);
  set_text_or_null (object, "note", entry->note);
  return object;
}

/**
 * xa_hazard_to_json:
 *
 * The columns in the ledger's order (domain.md §3.2), each under its key, then
 * "history": the steps taken, oldest first, each with "step", "from", "to", "who", "at",
 * "date" and "note".
 *
 * Returns: (transfer full): the hazard as an object
 */
JsonObject *
xa_hazard_to_json (XaHazard *hazard)
{
  JsonObject *object;
  JsonArray *history;

  g_return_val_if_fail (XA_IS_HAZARD (hazard), NULL);

  object = json_object_new ();
  for (XaHazardField field = 0; field < XA_HAZARD_FIELD_NONE; field++)
    {
      const char *key = xa_hazard_field_to_key (field);

      /* By number: the text columns all take the default. */
      switch ((guint) field)
        {
        case XA_HAZARD_FIELD_SCHOOL_YEAR:
          json_object_set_int_member (object, key, xa_hazard_get_school_year (hazard));
          break;
        case XA_HAZARD_FIELD_INSPECTION_TYPE:
          json_object_set_string_member (object, key, xa_inspection_type_to_key (xa_hazard_get_inspection_type (hazard)));
          break;
        case XA_HAZARD_FIELD_CATEGORY:
          json_object_set_string_member (object, key, xa_hazard_category_to_key (xa_hazard_get_category (hazard)));
          break;
        case XA_HAZARD_FIELD_GRADE:
          json_object_set_string_member (object, key, xa_hazard_grade_to_key (xa_hazard_get_grade (hazard)));
          break;
        case XA_HAZARD_FIELD_REPORTED:
          json_object_set_boolean_member (object, key, xa_hazard_get_reported (hazard));
          break;
        case XA_HAZARD_FIELD_SUPERVISED:
          json_object_set_boolean_member (object, key, xa_hazard_get_supervised (hazard));
          break;
        case XA_HAZARD_FIELD_REINSPECTION_RESULT:
          json_object_set_string_member (object, key,
                                         xa_reinspection_result_to_key (xa_hazard_get_reinspection_result (hazard)));
          break;
        case XA_HAZARD_FIELD_STATE:
          json_object_set_string_member (object, key, xa_hazard_state_to_key (xa_hazard_get_state (hazard)));
          break;
        case XA_HAZARD_FIELD_NONE:
          g_assert_not_reached ();
        default:
          set_text_or_null (object, key, xa_hazard_get_text (hazard, field));
        }
    }

  history = json_array_new ();
  for (guint i = 0; i < xa_hazard_get_n_entries (hazard); i++)
    json_array_add_object_element (history, entry_to_json (xa_hazard_get_entry (hazard, i)));
  json_object_set_array_member (object, "history", history);

  return object;
}

static gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* A member that is absent or null is no value; a string is one; anything else is wrong. */
static gboolean
read_text (JsonObject  *object,
           const char  *member,
           const char **value)
{
  JsonNode *node = json_object_get_member (object, member);

  *value = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!is_string (node))
    return FALSE;

  *value = json_node_get_string (node);
  return TRUE;
}

/* Reads one typed column into @hazard; FALSE with @error naming it when it is wrong. */
static gboolean
read_typed (JsonObject     *object,
            XaHazardField   field,
            XaHazard       *hazard,
            GError        **error)
{
  const char *label = xa_hazard_field_to_label (field);
  JsonNode *node = json_object_get_member (object, xa_hazard_field_to_key (field));
  const char *key = node != NULL && is_string (node) ? json_node_get_string (node) : NULL;
  gboolean known = FALSE;
  int value = 0;

  if (node == NULL)
    return TRUE;

  switch ((guint) field)
    {
    case XA_HAZARD_FIELD_SCHOOL_YEAR:
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
          json_node_get_int (node) < 0 || json_node_get_int (node) > G_MAXINT)
        {
          g_set_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_INVALID, _("%s must be a whole number"), label);
          return FALSE;
        }
      xa_hazard_set_school_year (hazard, (int) json_node_get_int (node));
      return TRUE;
    case XA_HAZARD_FIELD_REPORTED:
    case XA_HAZARD_FIELD_SUPERVISED:
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        {
          g_set_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_INVALID, _("%s must be true or false"), label);
          return FALSE;
        }
      if (field == XA_HAZARD_FIELD_REPORTED)
        xa_hazard_set_reported (hazard, json_node_get_boolean (node));
      else
        xa_hazard_set_supervised (hazard, json_node_get_boolean (node));
      return TRUE;
    case XA_HAZARD_FIELD_INSPECTION_TYPE:
      known = xa_inspection_type_from_key (key, (XaInspectionType *) &value);
      if (known)
        xa_hazard_set_inspection_type (hazard, value);
      break;
    case XA_HAZARD_FIELD_CATEGORY:
      known = xa_hazard_category_from_key (key, (XaHazardCategory *) &value);
      if (known)
        xa_hazard_set_category (hazard, value);
      break;
    case XA_HAZARD_FIELD_GRADE:
      known = xa_hazard_grade_from_key (key, (XaHazardGrade *) &value);
      if (known)
        xa_hazard_set_grade (hazard, value);
      break;
    case XA_HAZARD_FIELD_REINSPECTION_RESULT:
      known = xa_reinspection_result_from_key (key, (XaReinspectionResult *) &value);
      if (known)
        _xa_hazard_set_reinspection_result (hazard, value);
      break;
    case XA_HAZARD_FIELD_STATE:
      known = xa_hazard_state_from_key (key, (XaHazardState *) &value);
      if (known)
        _xa_hazard_set_state (hazard, value);
      break;
    default:
      g_assert_not_reached ();
    }

  if (!known)
    g_set_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_INVALID,
                 /* Translators: a column such as 隐患等级, then the value found */
                 _("%s: unknown value “%s”"), label, key ? key : "");
  return known;
}

static XaHazardEntry *
entry_from_json (JsonNode *node)
{
  g_autoptr(XaHazardEntry) entry = xa_hazard_entry_new ();
  JsonObject *object;
  const char *step, *from, *to, *who, *at, *date, *note;
  g_autoptr(GList) members = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  object = json_node_get_object (node);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      if (!g_strv_contains (entry_members, l->data))
        return NULL;
    }

  if (!read_text (object, "step", &step) || !xa_hazard_step_from_key (step, &entry->step) ||
      !read_text (object, "from", &from) || !xa_hazard_state_from_key (from, &entry->from) ||
      !read_text (object, "to", &to) || !xa_hazard_state_from_key (to, &entry->to) ||
      !read_text (object, "who", &who) || !read_text (object, "at", &at) ||
      !read_text (object, "date", &date) || !read_text (object, "note", &note) ||
      who == NULL || at == NULL)
    return NULL;

  entry->who = g_strdup (who);
  entry->at = g_strdup (at);
  entry->date = g_strdup (date);
  entry->note = g_strdup (note);
  return g_steal_pointer (&entry);
}

/**
 * xa_hazard_new_from_json:
 * @object: what xa_hazard_to_json() wrote
 *
 * Reads the members' types and keys; the columns' own rules are xa_hazard_validate()'s,
 * which a caller runs before storing a hazard from elsewhere (a draft may be incomplete).
 * A member this version does not know is refused rather than lost.
 *
 * Returns: (transfer full): the hazard, or %NULL with %XA_HAZARD_ERROR_INVALID naming
 *   the member at fault
 */
XaHazard *
xa_hazard_new_from_json (JsonObject  *object,
                         GError     **error)
{
  g_autoptr(XaHazard) hazard = NULL;
  g_autoptr(GList) members = NULL;
  JsonNode *history;

  g_return_val_if_fail (object != NULL, NULL);

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      gboolean known = g_strcmp0 (l->data, "history") == 0;

      for (XaHazardField field = 0; field < XA_HAZARD_FIELD_NONE && !known; field++)
        known = g_strcmp0 (l->data, xa_hazard_field_to_key (field)) == 0;

      if (!known)
        {
          g_set_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_INVALID,
                       _("%s: unknown field “%s”"), C_("hazard", "Hazard"), (const char *) l->data);
          return NULL;
        }
    }

  hazard = g_object_new (XA_TYPE_HAZARD, NULL);
  for (XaHazardField field = 0; field < XA_HAZARD_FIELD_NONE; field++)
    {
      const char *value;

      if (field >= XA_N_HAZARD_TEXT_FIELDS)
        {
          if (!read_typed (object, field, hazard, error))
            return NULL;
          continue;
        }

      if (!read_text (object, xa_hazard_field_to_key (field), &value))
        {
          g_set_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_INVALID,
                       /* Translators: %s is a column such as 隐患部位 */
                       _("%s must be text"), xa_hazard_field_to_label (field));
          return NULL;
        }
      xa_hazard_set_text (hazard, field, value);
    }

  history = json_object_get_member (object, "history");
  if (history != NULL && !JSON_NODE_HOLDS_NULL (history))
    {
      /* Anything but an array is refused as if its first entry were wrong. */
      JsonArray *entries = JSON_NODE_HOLDS_ARRAY (history) ? json_node_get_array (history) : NULL;
      guint n_entries = entries != NULL ? json_array_get_length (entries) : 1;

      for (guint i = 0; i < n_entries; i++)
        {
          XaHazardEntry *entry = entries ? entry_from_json (json_array_get_element (entries, i)) : NULL;

          if (entry == NULL)
            {
              g_set_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_INVALID,
                           /* Translators: %u counts the steps of a hazard's history from 1 */
                           _("History entry %u is not a step of the hazard’s rectification"), i + 1);
              return NULL;
            }
          g_ptr_array_add (_xa_hazard_get_history (hazard), entry);
        }
    }

  return g_steal_pointer (&hazard);
}
