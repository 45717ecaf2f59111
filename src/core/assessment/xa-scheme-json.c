/* xa-scheme-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A scheme as JSON: what the store keeps in `assessment_scheme.body` (and its audit entry
 * shows), and the file `assessment scheme export` writes and `import` reads.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-scheme-private.h"
#include "core/util/xa-json.h"

#define SCHEME_FORMAT "xiaoan-assessment-scheme"
#define SCHEME_FORMAT_VERSION 1

static void
add_rule (JsonBuilder *builder,
          XaIndicator *indicator)
{
  XaDeductionKind kind = xa_indicator_get_kind (indicator);

  json_builder_set_member_name (builder, "rule");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, xa_deduction_kind_to_key (kind));
  if (kind == XA_DEDUCTION_PER_ITEM)
    {
      json_builder_set_member_name (builder, "per_item");
      json_builder_add_double_value (builder, xa_indicator_get_per_item (indicator));
    }
  else if (kind == XA_DEDUCTION_ANY)
    {
      json_builder_set_member_name (builder, "fixed");
      json_builder_add_double_value (builder, xa_indicator_get_fixed (indicator));
    }
  else if (kind == XA_DEDUCTION_STEPPED)
    {
      json_builder_set_member_name (builder, "steps");
      json_builder_begin_array (builder);
      for (guint i = 0; i < xa_indicator_get_n_steps (indicator); i++)
        {
          const XaDeductionStep *step = xa_indicator_get_step (indicator, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "at_least");
          json_builder_add_double_value (builder, step->threshold);
          json_builder_set_member_name (builder, "deduct");
          json_builder_add_double_value (builder, step->deduction);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "otherwise");
      json_builder_add_double_value (builder, xa_indicator_get_otherwise (indicator));
    }
  json_builder_end_object (builder);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_double (JsonBuilder *builder,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_double_value (builder, value);
}

/**
 * xa_scheme_to_json:
 *
 * Returns: (transfer full): the scheme as a JSON object
 */
JsonNode *
xa_scheme_to_json (XaScheme *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (XA_IS_SCHEME (self), NULL);

  json_builder_begin_object (builder);
  add_string (builder, "format", SCHEME_FORMAT);
  json_builder_set_member_name (builder, "format_version");
  json_builder_add_int_value (builder, SCHEME_FORMAT_VERSION);
  json_builder_set_member_name (builder, "school_year");
  json_builder_add_int_value (builder, self->school_year);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, self->version);
  add_string (builder, "title", self->title);
  add_double (builder, "total", self->total);

  json_builder_set_member_name (builder, "groups");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->groups->len; i++)
    {
      const XaSchemeGroup *group = &g_array_index (self->groups, XaSchemeGroup, i);

      json_builder_begin_object (builder);
      add_string (builder, "code", group->code);
      add_string (builder, "title", group->title);
      add_double (builder, "points", group->points);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "indicators");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->indicators->len; i++)
    {
      XaIndicator *indicator = g_ptr_array_index (self->indicators, i);
      const char * const *clauses = xa_indicator_get_clause_ids (indicator);

      json_builder_begin_object (builder);
      add_string (builder, "code", xa_indicator_get_code (indicator));
      add_string (builder, "group", xa_indicator_get_group (indicator));
      add_double (builder, "points", xa_indicator_get_points (indicator));
      add_string (builder, "content", xa_indicator_get_content (indicator));
      add_string (builder, "standard", xa_indicator_get_standard (indicator));
      add_string (builder, "method", xa_indicator_get_method (indicator));
      json_builder_set_member_name (builder, "clauses");
      json_builder_begin_array (builder);
      for (guint j = 0; clauses[j] != NULL; j++)
        json_builder_add_string_value (builder, clauses[j]);
      json_builder_end_array (builder);
      add_string (builder, "evidence_source", xa_indicator_get_evidence_source (indicator));
      add_rule (builder, indicator);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "vetoes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->vetoes->len; i++)
    {
      const XaSchemeVeto *veto = &g_array_index (self->vetoes, XaSchemeVeto, i);

      json_builder_begin_object (builder);
      add_string (builder, "code", veto->code);
      add_string (builder, "text", veto->text);
      add_string (builder, "basis", veto->basis);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "h");
  json_builder_begin_object (builder);
  add_double (builder, "points", self->h_points);
  add_string (builder, "text", self->h_text);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "grades");
  json_builder_begin_object (builder);
  add_double (builder, "excellent", self->excellent);
  add_double (builder, "good", self->good);
  add_double (builder, "pass", self->pass);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * xa_scheme_to_data:
 *
 * Returns: (transfer full): the scheme as pretty JSON text
 */
char *
xa_scheme_to_data (XaScheme *self,
                   gsize    *length)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = xa_scheme_to_json (self);

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, length);
}

/* Reading */

static gboolean
format_error (GError    **error,
              const char *member)
{
  g_set_error (error, XA_SCHEME_ERROR, XA_SCHEME_ERROR_FORMAT,
               _("The scheme file’s field “%s” is missing or of the wrong type"), member);
  return FALSE;
}

static gboolean
get_number (JsonObject *object,
            const char *member,
            double     *value,
            GError    **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_DOUBLE && json_node_get_value_type (node) != G_TYPE_INT64))
    return format_error (error, member);
  *value = json_node_get_double (node);
  return TRUE;
}

static gboolean
get_string (JsonObject  *object,
            const char  *member,
            gboolean     nullable,
            const char **value,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node != NULL && JSON_NODE_HOLDS_NULL (node) && nullable)
    {
      *value = NULL;
      return TRUE;
    }
  if (node == NULL && nullable)
    {
      *value = NULL;
      return TRUE;
    }
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return format_error (error, member);
  *value = json_node_get_string (node);
  return TRUE;
}

static JsonArray *
get_array (JsonObject *object,
           const char *member,
           GError    **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      format_error (error, member);
      return NULL;
    }
  return json_node_get_array (node);
}

static JsonObject *
get_object (JsonNode   *node,
            const char *member,
            GError    **error)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      format_error (error, member);
      return NULL;
    }
  return json_node_get_object (node);
}

static gboolean
read_rule (XaIndicator *indicator,
           JsonObject  *rule,
           GError     **error)
{
  const char *key;
  XaDeductionKind kind;
  double value;

  if (!get_string (rule, "kind", FALSE, &key, error))
    return FALSE;
  if (!xa_deduction_kind_from_key (key, &kind))
    return format_error (error, "rule.kind");
  switch (kind)
    {
    case XA_DEDUCTION_PER_ITEM:
      if (!get_number (rule, "per_item", &value, error))
        return FALSE;
      xa_indicator_set_per_item (indicator, value);
      break;
    case XA_DEDUCTION_ANY:
      if (!get_number (rule, "fixed", &value, error))
        return FALSE;
      xa_indicator_set_any (indicator, value);
      break;
    case XA_DEDUCTION_STEPPED:
      {
        JsonArray *steps = get_array (rule, "steps", error);
        g_autoptr(GArray) array = g_array_new (FALSE, FALSE, sizeof (XaDeductionStep));

        if (steps == NULL)
          return FALSE;
        for (guint i = 0; i < json_array_get_length (steps); i++)
          {
            JsonObject *step = get_object (json_array_get_element (steps, i), "steps", error);
            XaDeductionStep s;

            if (step == NULL || !get_number (step, "at_least", &s.threshold, error) ||
                !get_number (step, "deduct", &s.deduction, error))
              return FALSE;
            g_array_append_val (array, s);
          }
        if (!get_number (rule, "otherwise", &value, error))
          return FALSE;
        xa_indicator_set_stepped (indicator, (XaDeductionStep *) array->data, array->len, value);
        break;
      }
    case XA_DEDUCTION_MANUAL:
    default:
      xa_indicator_set_manual (indicator);
      break;
    }
  return TRUE;
}

static XaIndicator *
read_indicator (JsonNode *node,
                GError  **error)
{
  JsonObject *object = get_object (node, "indicators", error);
  const char *code, *group, *content, *standard, *method, *source;
  g_autoptr(XaIndicator) indicator = NULL;
  g_autoptr(GPtrArray) clause_ids = g_ptr_array_new ();
  JsonArray *clauses;
  double points;

  if (object == NULL ||
      !get_string (object, "code", FALSE, &code, error) ||
      !get_string (object, "group", FALSE, &group, error) ||
      !get_number (object, "points", &points, error) ||
      !get_string (object, "content", FALSE, &content, error) ||
      !get_string (object, "standard", TRUE, &standard, error) ||
      !get_string (object, "method", TRUE, &method, error) ||
      !get_string (object, "evidence_source", TRUE, &source, error) ||
      !(clauses = get_array (object, "clauses", error)))
    return NULL;
  indicator = xa_indicator_new (code, group, points);
  xa_indicator_set_content (indicator, content);
  xa_indicator_set_standard (indicator, standard);
  xa_indicator_set_method (indicator, method);
  xa_indicator_set_evidence_source (indicator, source);
  for (guint i = 0; i < json_array_get_length (clauses); i++)
    {
      JsonNode *clause = json_array_get_element (clauses, i);

      if (!JSON_NODE_HOLDS_VALUE (clause) || json_node_get_value_type (clause) != G_TYPE_STRING)
        {
          format_error (error, "clauses");
          return NULL;
        }
      g_ptr_array_add (clause_ids, (gpointer) json_node_get_string (clause));
    }
  g_ptr_array_add (clause_ids, NULL);
  xa_indicator_set_clause_ids (indicator, (const char * const *) clause_ids->pdata);
  if (json_object_has_member (object, "rule"))
    {
      JsonObject *rule = get_object (json_object_get_member (object, "rule"), "rule", error);

      if (rule == NULL || !read_rule (indicator, rule, error))
        return NULL;
    }
  return g_steal_pointer (&indicator);
}

/**
 * xa_scheme_new_from_json:
 *
 * Returns: (transfer full): the scheme (not validated: see xa_scheme_validate()), or
 *   %NULL with @error set (XA_SCHEME_ERROR_FORMAT, naming the field)
 */
XaScheme *
xa_scheme_new_from_json (JsonNode  *node,
                         GError   **error)
{
  JsonObject *root = get_object (node, "format", error);
  g_autoptr(XaScheme) scheme = NULL;
  const char *format, *title, *text;
  JsonArray *array;
  JsonObject *object;
  double year, version, total, a, b, c;

  if (root == NULL || !get_string (root, "format", FALSE, &format, error))
    return NULL;
  if (g_strcmp0 (format, SCHEME_FORMAT) != 0)
    {
      g_set_error (error, XA_SCHEME_ERROR, XA_SCHEME_ERROR_FORMAT, _("The file is not an assessment scheme (format “%s”)"), format);
      return NULL;
    }
  if (!get_number (root, "school_year", &year, error) || !get_number (root, "total", &total, error) ||
      !get_string (root, "title", TRUE, &title, error))
    return NULL;
  version = 0;
  if (json_object_has_member (root, "version") && !get_number (root, "version", &version, error))
    return NULL;
  scheme = xa_scheme_new ((int) year);
  scheme->version = version > 0 ? (guint) version : 0;
  xa_scheme_set_title (scheme, title);
  scheme->total = total;

  if (!(array = get_array (root, "groups", error)))
    return NULL;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *code;
      double points;

      if (!(object = get_object (json_array_get_element (array, i), "groups", error)) ||
          !get_string (object, "code", FALSE, &code, error) || !get_string (object, "title", FALSE, &text, error) ||
          !get_number (object, "points", &points, error))
        return NULL;
      xa_scheme_add_group (scheme, code, text, points);
    }

  if (!(array = get_array (root, "indicators", error)))
    return NULL;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(XaIndicator) indicator = read_indicator (json_array_get_element (array, i), error);

      if (indicator == NULL)
        return NULL;
      xa_scheme_add_indicator (scheme, indicator);
    }

  if (!(array = get_array (root, "vetoes", error)))
    return NULL;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *code, *basis;

      if (!(object = get_object (json_array_get_element (array, i), "vetoes", error)) ||
          !get_string (object, "code", FALSE, &code, error) || !get_string (object, "text", FALSE, &text, error) ||
          !get_string (object, "basis", TRUE, &basis, error))
        return NULL;
      xa_scheme_add_veto (scheme, code, text, basis);
    }

  if (!(object = get_object (json_object_get_member (root, "h"), "h", error)) ||
      !get_number (object, "points", &a, error) || !get_string (object, "text", TRUE, &text, error))
    return NULL;
  xa_scheme_set_h_rule (scheme, a, text);
  if (!(object = get_object (json_object_get_member (root, "grades"), "grades", error)) ||
      !get_number (object, "excellent", &a, error) || !get_number (object, "good", &b, error) ||
      !get_number (object, "pass", &c, error))
    return NULL;
  xa_scheme_set_cutoffs (scheme, a, b, c);
  return g_steal_pointer (&scheme);
}

/**
 * xa_scheme_new_from_data:
 *
 * Returns: (transfer full): the scheme in the JSON text, or %NULL with @error set
 */
XaScheme *
xa_scheme_new_from_data (const char  *data,
                         gssize       length,
                         GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_data (parser, data, length, error))
    return NULL;
  return xa_scheme_new_from_json (json_parser_get_root (parser), error);
}
