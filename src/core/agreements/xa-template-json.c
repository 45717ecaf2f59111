/* xa-template-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The JSON form of a template (data/templates/agreement-2021-2022.json). Files come from
 * other installations and from hand edits, so everything is checked before a template is
 * built, and every message names the clause or the place in the file that is wrong.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "xa-template-private.h"
#include "xa-template.h"
#include "core/util/xa-json.h"
#include "core/util/xa-text.h"

#define FORMAT_NAME    "xiaoan-template"
#define FORMAT_VERSION 1

typedef struct
{
  GHashTable *ids;        /* id → JSON path of the first clause that used it */
  guint       n_clauses;
  gboolean    has_title;
} ParseState;

static const char * const clause_members[] = { "id", "kind", "number", "heading", "text", "children", NULL };
static const char * const top_members[] = { "format", "format_version", "school_year", "name", "source", "legacy_year_style", "clauses", "signature", NULL };
static const char * const signature_members[] = { "id", "parties", NULL };
static const char * const party_members[] = { "id", "party", "unit", "sign", "date", NULL };

/* Unknown members are refused rather than skipped: a misspelt "heading" would otherwise
 * lose its text without a word. */
static gboolean
check_members (JsonObject         *object,
               const char * const *known,
               const char         *place,
               XaTemplateError     code,
               GError            **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      if (!g_strv_contains (known, l->data))
        {
          /* Translators: the first %s is a place in the file, such as
           * "Clause “s1.2”" or "$.signature"; the second a JSON field name. */
          g_set_error (error, XA_TEMPLATE_ERROR, code,
                       _("%s: unknown field “%s”"), place, (const char *) l->data);
          return FALSE;
        }
    }

  return TRUE;
}

/* Reads an optional string member; *value is NULL when the member is absent or null. */
static gboolean
read_string (JsonObject       *object,
             const char       *member,
             const char       *place,
             guint             max_chars,
             gboolean          allow_newline,
             XaTemplateError   code,
             const char      **value,
             GError          **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *label = NULL;
  const char *text;

  *value = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, XA_TEMPLATE_ERROR, code,
                   _("%s: “%s” must be text"), place, member);
      return FALSE;
    }

  text = json_node_get_string (node);
  /* Translators: where a member of a template file is: the clause, then the member */
  label = g_strdup_printf (_("%s: “%s”"), place, member);
  if (!xa_text_check (text, label, allow_newline ? XA_TEXT_MULTILINE : XA_TEXT_OPTIONAL,
                      max_chars, XA_TEMPLATE_ERROR, code, error))
    return FALSE;

  *value = text;
  return TRUE;
}

static gboolean
is_empty (const char *text)
{
  return text == NULL || text[0] == '\0';
}

/* Checks an id and records it: clause and signature ids share one namespace, since a
 * comparison or an indicator may point at a party as it does at a clause. */
static gboolean
claim_id (ParseState  *state,
          const char  *id,
          const char  *path,
          GError     **error)
{
  if (!_xa_template_id_is_valid (id))
    {
      g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID,
                   _("%s: “%s” is not a valid clause id (letters, digits, “.”, “-” and “_”, at most 64)"),
                   path, id ? id : "");
      return FALSE;
    }

  if (g_hash_table_contains (state->ids, id))
    {
      g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID,
                   _("Clause “%s” appears twice (%s and %s)"),
                   id, (const char *) g_hash_table_lookup (state->ids, id), path);
      return FALSE;
    }

  g_hash_table_insert (state->ids, g_strdup (id), g_strdup (path));
  return TRUE;
}

static XaClause *parse_clause (JsonNode      *node,
                               const char    *path,
                               XaClause      *parent,
                               ParseState    *state,
                               GError       **error);

static gboolean
parse_clause_list (JsonNode    *node,
                   const char  *path,
                   XaClause    *parent,
                   GListStore  *into,
                   ParseState  *state,
                   GError     **error)
{
  JsonArray *array;
  guint n;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, XA_TEMPLATE_ERROR,
                   parent ? XA_TEMPLATE_ERROR_INVALID : XA_TEMPLATE_ERROR_PARSE,
                   _("%s must be a list"), path);
      return FALSE;
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *child_path = g_strdup_printf ("%s[%u]", path, i);
      g_autoptr(XaClause) clause = NULL;

      clause = parse_clause (json_array_get_element (array, i), child_path, parent, state, error);
      if (clause == NULL)
        return FALSE;

      g_list_store_append (into, clause);
    }

  return TRUE;
}

static XaClause *
parse_clause (JsonNode    *node,
              const char  *path,
              XaClause    *parent,
              ParseState  *state,
              GError     **error)
{
  g_autoptr(XaClause) clause = NULL;
  g_autofree char *place = NULL;
  JsonObject *object;
  JsonNode *children;
  const char *id = NULL;
  const char *kind_key = NULL;
  const char *number = NULL;
  const char *heading = NULL;
  const char *text = NULL;
  XaClauseKind kind;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID,
                   _("%s must be an object"), path);
      return NULL;
    }
  object = json_node_get_object (node);

  if (++state->n_clauses > XA_TEMPLATE_MAX_CLAUSES)
    {
      g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID,
                   _("A template holds at most %u clauses"), XA_TEMPLATE_MAX_CLAUSES);
      return NULL;
    }

  if (!read_string (object, "id", path, XA_TEMPLATE_MAX_ID_CHARS, FALSE,
                    XA_TEMPLATE_ERROR_INVALID, &id, error))
    return NULL;
  if (id == NULL)
    {
      g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID,
                   _("%s has no “id”"), path);
      return NULL;
    }
  if (!claim_id (state, id, path, error))
    return NULL;

  /* From here on, messages name the clause by its id: that is what the editor shows. */
  /* Translators: the place that later messages name, with the clause's id. */
  place = g_strdup_printf (_("Clause “%s”"), id);

  if (!check_members (object, clause_members, place, XA_TEMPLATE_ERROR_INVALID, error))
    return NULL;

  if (!read_string (object, "kind", place, 32, FALSE, XA_TEMPLATE_ERROR_INVALID, &kind_key, error))
    return NULL;
  if (kind_key == NULL)
    {
      g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID,
                   _("Clause “%s” has no “kind”"), id);
      return NULL;
    }
  if (!xa_clause_kind_from_key (kind_key, &kind))
    {
      g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID,
                   _("Clause “%s” has an unknown kind “%s”"), id, kind_key);
      return NULL;
    }

  if (parent == NULL && !xa_clause_kind_allows_top_level (kind))
    {
      /* Translators: the second %s is a clause kind as the file writes it (title,
       * preamble, section, paragraph, item, list, sublist, closing). */
      g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID,
                   _("Clause “%s”: a %s cannot stand at the top level"), id, kind_key);
      return NULL;
    }
  if (parent != NULL && !xa_clause_kind_allows_child (xa_clause_get_kind (parent), kind))
    {
      /* Translators: clause id, its kind, the parent's kind, the parent's id. */
      g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID,
                   _("Clause “%s”: a %s cannot stand in the %s “%s”"),
                   id, kind_key, xa_clause_kind_to_key (xa_clause_get_kind (parent)),
                   xa_clause_get_id (parent));
      return NULL;
    }

  if (kind == XA_CLAUSE_KIND_TITLE)
    {
      if (state->has_title)
        {
          g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID,
                       _("The template has more than one title (“%s”)"), id);
          return NULL;
        }
      state->has_title = TRUE;
    }

  if (!read_string (object, "number", place, XA_TEMPLATE_MAX_NUMBER_CHARS, FALSE,
                    XA_TEMPLATE_ERROR_INVALID, &number, error) ||
      !read_string (object, "heading", place, XA_TEMPLATE_MAX_HEADING_CHARS, FALSE,
                    XA_TEMPLATE_ERROR_INVALID, &heading, error) ||
      !read_string (object, "text", place, XA_TEMPLATE_MAX_TEXT_CHARS, TRUE,
                    XA_TEMPLATE_ERROR_INVALID, &text, error))
    return NULL;

  if (xa_clause_kind_is_numbered (kind) && is_empty (number))
    {
      g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID,
                   _("Clause “%s” needs a number"), id);
      return NULL;
    }
  if (kind == XA_CLAUSE_KIND_SECTION && is_empty (heading))
    {
      g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID,
                   _("Clause “%s” needs a heading"), id);
      return NULL;
    }

  clause = xa_clause_new (id, kind);
  xa_clause_set_number (clause, number);
  xa_clause_set_heading (clause, heading);
  xa_clause_set_text (clause, text);

  children = json_object_get_member (object, "children");
  if (children != NULL && !JSON_NODE_HOLDS_NULL (children))
    {
      g_autofree char *children_path = g_strconcat (path, ".children", NULL);

      if (JSON_NODE_HOLDS_ARRAY (children) &&
          json_array_get_length (json_node_get_array (children)) > 0 &&
          kind != XA_CLAUSE_KIND_SECTION &&
          kind != XA_CLAUSE_KIND_ITEM &&
          kind != XA_CLAUSE_KIND_LIST)
        {
          g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID,
                       _("Clause “%s”: a %s cannot have children"), id, kind_key);
          return NULL;
        }

      if (!parse_clause_list (children, children_path, clause,
                              G_LIST_STORE (xa_clause_get_children (clause)), state, error))
        return NULL;
    }

  /* Only an item may go without text: its heading, or its list points, carry it. */
  if (is_empty (text) &&
      kind != XA_CLAUSE_KIND_SECTION &&
      !(kind == XA_CLAUSE_KIND_ITEM &&
        (!is_empty (heading) || g_list_model_get_n_items (xa_clause_get_children (clause)) > 0)))
    {
      g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID,
                   _("Clause “%s” needs a text"), id);
      return NULL;
    }

  return g_steal_pointer (&clause);
}

static gboolean
parse_signature (JsonNode    *node,
                 XaTemplate  *template,
                 ParseState  *state,
                 GError     **error)
{
  gboolean seen[XA_N_PARTIES] = { FALSE, };
  JsonObject *object;
  JsonNode *parties_node;
  JsonArray *parties;
  const char *id = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_PARSE,
                   _("%s must be an object"), "$.signature");
      return FALSE;
    }
  object = json_node_get_object (node);

  if (!check_members (object, signature_members, "$.signature", XA_TEMPLATE_ERROR_PARSE, error) ||
      !read_string (object, "id", "$.signature", XA_TEMPLATE_MAX_ID_CHARS, FALSE,
                    XA_TEMPLATE_ERROR_PARSE, &id, error))
    return FALSE;

  if (!claim_id (state, id, "$.signature", error))
    return FALSE;
  g_free (template->signature_id);
  template->signature_id = g_strdup (id);

  parties_node = json_object_get_member (object, "parties");
  if (parties_node == NULL || !JSON_NODE_HOLDS_ARRAY (parties_node))
    {
      g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_PARSE,
                   _("%s must be a list"), "$.signature.parties");
      return FALSE;
    }
  parties = json_node_get_array (parties_node);

  for (guint i = 0; i < json_array_get_length (parties); i++)
    {
      g_autofree char *path = g_strdup_printf ("$.signature.parties[%u]", i);
      JsonNode *party_node = json_array_get_element (parties, i);
      JsonObject *party_object;
      const char *party_id = NULL;
      const char *party_key = NULL;
      const char *unit = NULL;
      const char *sign = NULL;
      const char *date = NULL;
      XaParty party;

      if (!JSON_NODE_HOLDS_OBJECT (party_node))
        {
          g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_PARSE,
                       _("%s must be an object"), path);
          return FALSE;
        }
      party_object = json_node_get_object (party_node);

      if (!check_members (party_object, party_members, path, XA_TEMPLATE_ERROR_PARSE, error) ||
          !read_string (party_object, "id", path, XA_TEMPLATE_MAX_ID_CHARS, FALSE,
                        XA_TEMPLATE_ERROR_PARSE, &party_id, error) ||
          !read_string (party_object, "party", path, 32, FALSE,
                        XA_TEMPLATE_ERROR_PARSE, &party_key, error) ||
          !read_string (party_object, "unit", path, XA_TEMPLATE_MAX_HEADING_CHARS, FALSE,
                        XA_TEMPLATE_ERROR_INVALID, &unit, error) ||
          !read_string (party_object, "sign", path, XA_TEMPLATE_MAX_HEADING_CHARS, FALSE,
                        XA_TEMPLATE_ERROR_INVALID, &sign, error) ||
          !read_string (party_object, "date", path, XA_TEMPLATE_MAX_HEADING_CHARS, FALSE,
                        XA_TEMPLATE_ERROR_INVALID, &date, error))
        return FALSE;

      if (g_strcmp0 (party_key, "commission") == 0)
        party = XA_PARTY_COMMISSION;
      else if (g_strcmp0 (party_key, "school") == 0)
        party = XA_PARTY_SCHOOL;
      else
        {
          g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_PARSE,
                       _("%s: “party” must be “commission” or “school”"), path);
          return FALSE;
        }

      if (seen[party])
        {
          g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID,
                       _("%s: the party “%s” appears twice"), path, party_key);
          return FALSE;
        }
      seen[party] = TRUE;

      if (!claim_id (state, party_id, path, error))
        return FALSE;

      if (is_empty (unit))
        {
          g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID,
                       _("%s: “%s” must not be empty"), path, "unit");
          return FALSE;
        }

      xa_template_set_party (template, party, party_id, unit, sign, date);
    }

  if (!seen[XA_PARTY_COMMISSION] || !seen[XA_PARTY_SCHOOL])
    {
      g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID,
                   _("%s: the signature block needs two parties, the commission and the school"),
                   "$.signature.parties");
      return FALSE;
    }

  return TRUE;
}

/**
 * xa_template_new_from_json:
 * @json: the JSON form, UTF-8
 * @length: the length of @json in bytes, or -1 when it ends with a NUL
 *
 * Reads and checks a template: the format and its version, unique clause ids, known
 * kinds, children only where the tree allows them (a section holds paragraphs, items and
 * closing clauses; an item holds list points; a list point holds sub-points), the text
 * that each kind needs, and size limits. The new template has a fresh uuid and version 0
 * until a library stores it.
 *
 * Returns: (transfer full) (nullable): the template, or %NULL with @error set to
 *   %XA_TEMPLATE_ERROR_PARSE or %XA_TEMPLATE_ERROR_INVALID
 */
XaTemplate *
xa_template_new_from_json (const char  *json,
                           gssize       length,
                           GError     **error)
{
  g_autoptr(JsonNode) document = NULL;
  g_autoptr(XaTemplate) template = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) ids = NULL;
  ParseState state = { 0, };
  JsonObject *root;
  JsonNode *node;
  const char *format = NULL;
  const char *name = NULL;
  const char *source = NULL;
  gint64 school_year;

  g_return_val_if_fail (json != NULL, NULL);

  /* Size, depth and NULs are checked before json-glib sees the text (xa-json.c). */
  if (!(document = xa_json_parse (json, length, &local_error)))
    {
      g_set_error_literal (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_PARSE, local_error->message);
      return NULL;
    }

  node = document;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_PARSE,
                   _("%s must be an object"), "$");
      return NULL;
    }
  root = json_node_get_object (node);

  /* The format comes first: a file of another kind gets one clear message, not a
   * complaint about whichever of its fields we happen to look at. */
  if (!read_string (root, "format", "$", 64, FALSE, XA_TEMPLATE_ERROR_PARSE, &format, error))
    return NULL;
  if (g_strcmp0 (format, FORMAT_NAME) != 0)
    {
      g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_PARSE,
                   _("The file is not a Xiaoan template (its “format” is not “%s”)"), FORMAT_NAME);
      return NULL;
    }

  node = json_object_get_member (root, "format_version");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    {
      g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_PARSE,
                   _("%s must be a whole number"), "$.format_version");
      return NULL;
    }
  if (json_node_get_int (node) != FORMAT_VERSION)
    {
      g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_PARSE,
                   _("The template has format version %lld; this program reads version %d. Please update Xiaoan."),
                   (long long) json_node_get_int (node), FORMAT_VERSION);
      return NULL;
    }

  if (!check_members (root, top_members, "$", XA_TEMPLATE_ERROR_PARSE, error))
    return NULL;

  node = json_object_get_member (root, "school_year");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    {
      g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_PARSE,
                   _("%s must be a whole number"), "$.school_year");
      return NULL;
    }
  school_year = json_node_get_int (node);
  if (school_year < 1990 || school_year > 2200)
    {
      g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID,
                   _("%s: the school year must be between 1990 and 2200"), "$.school_year");
      return NULL;
    }

  if (!read_string (root, "name", "$", XA_TEMPLATE_MAX_NAME_CHARS, FALSE,
                    XA_TEMPLATE_ERROR_PARSE, &name, error) ||
      !read_string (root, "source", "$", XA_TEMPLATE_MAX_HEADING_CHARS, FALSE,
                    XA_TEMPLATE_ERROR_PARSE, &source, error))
    return NULL;
  if (is_empty (name))
    {
      g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID,
                   _("%s: “%s” must not be empty"), "$", "name");
      return NULL;
    }

  template = _xa_template_new_empty ();
  xa_template_set_school_year (template, (int) school_year);
  xa_template_set_name (template, name);
  _xa_template_set_source (template, source);

  node = json_object_get_member (root, "legacy_year_style");
  if (node != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        {
          g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_PARSE,
                       _("%s must be true or false"), "$.legacy_year_style");
          return NULL;
        }
      xa_template_set_legacy_year_style (template, json_node_get_boolean (node));
    }

  ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  state.ids = ids;

  node = json_object_get_member (root, "clauses");
  if (node == NULL)
    {
      g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_PARSE,
                   _("%s must be a list"), "$.clauses");
      return NULL;
    }
  if (!parse_clause_list (node, "$.clauses", NULL, template->clauses, &state, error))
    return NULL;
  if (g_list_model_get_n_items (G_LIST_MODEL (template->clauses)) == 0)
    {
      g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID,
                   _("%s: the template has no clauses"), "$.clauses");
      return NULL;
    }

  if (!parse_signature (json_object_get_member (root, "signature"), template, &state, error))
    return NULL;

  return g_steal_pointer (&template);
}

static void
build_clause (JsonBuilder *builder,
              XaClause    *clause)
{
  GListModel *children = xa_clause_get_children (clause);
  guint n = g_list_model_get_n_items (children);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, xa_clause_get_id (clause));
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, xa_clause_kind_to_key (xa_clause_get_kind (clause)));

  /* Empty members are left out, as the shipped file does. */
  if (!is_empty (xa_clause_get_number (clause)))
    {
      json_builder_set_member_name (builder, "number");
      json_builder_add_string_value (builder, xa_clause_get_number (clause));
    }
  if (!is_empty (xa_clause_get_heading (clause)))
    {
      json_builder_set_member_name (builder, "heading");
      json_builder_add_string_value (builder, xa_clause_get_heading (clause));
    }
  if (!is_empty (xa_clause_get_text (clause)))
    {
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, xa_clause_get_text (clause));
    }

  if (n > 0)
    {
      json_builder_set_member_name (builder, "children");
      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(XaClause) child = g_list_model_get_item (children, i);

          build_clause (builder, child);
        }
      json_builder_end_array (builder);
    }

  json_builder_end_object (builder);
}

/**
 * xa_template_to_json:
 *
 * Writes the JSON form, members in the order of the shipped file. The uuid, version
 * and frozen state belong to the store and are not part of it.
 *
 * Returns: (transfer full): the JSON text, indented by two spaces
 */
char *
xa_template_to_json (XaTemplate *self)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  static const char * const party_keys[XA_N_PARTIES] = { "commission", "school" };
  guint n;

  g_return_val_if_fail (XA_IS_TEMPLATE (self), NULL);

  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, FORMAT_NAME);
  json_builder_set_member_name (builder, "format_version");
  json_builder_add_int_value (builder, FORMAT_VERSION);
  json_builder_set_member_name (builder, "school_year");
  json_builder_add_int_value (builder, self->school_year);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, self->name);
  if (self->source != NULL)
    {
      json_builder_set_member_name (builder, "source");
      json_builder_add_string_value (builder, self->source);
    }
  if (self->legacy_year_style)
    {
      json_builder_set_member_name (builder, "legacy_year_style");
      json_builder_add_boolean_value (builder, TRUE);
    }

  json_builder_set_member_name (builder, "clauses");
  json_builder_begin_array (builder);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->clauses));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XaClause) clause = g_list_model_get_item (G_LIST_MODEL (self->clauses), i);

      build_clause (builder, clause);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "signature");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, self->signature_id);
  json_builder_set_member_name (builder, "parties");
  json_builder_begin_array (builder);
  for (guint i = 0; i < XA_N_PARTIES; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, self->parties[i].id);
      json_builder_set_member_name (builder, "party");
      json_builder_add_string_value (builder, party_keys[i]);
      json_builder_set_member_name (builder, "unit");
      json_builder_add_string_value (builder, self->parties[i].unit);
      json_builder_set_member_name (builder, "sign");
      json_builder_add_string_value (builder, self->parties[i].sign);
      json_builder_set_member_name (builder, "date");
      json_builder_add_string_value (builder, self->parties[i].date);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, NULL);
}

/**
 * xa_template_validate:
 *
 * Checks an edited template by the rules of xa_template_new_from_json(): an editor
 * leaves new clauses empty until they are filled, and such a template must not be saved.
 *
 * Returns: %TRUE when the template is complete and valid
 */
gboolean
xa_template_validate (XaTemplate  *self,
                      GError     **error)
{
  g_autofree char *json = NULL;
  g_autoptr(XaTemplate) check = NULL;

  g_return_val_if_fail (XA_IS_TEMPLATE (self), FALSE);

  /* One set of rules, the file's: what validates here is exactly what reads back. */
  json = xa_template_to_json (self);
  check = xa_template_new_from_json (json, -1, error);

  return check != NULL;
}
