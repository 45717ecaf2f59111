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
/* 2: parties of the signature block as a list (1 to 4, roles, labels, seals, lines,
 * dates, copies), the party lines under the title. 3: the numbering style of each level.
 * Version 1 and 2 files are still read, numbered 一、（一）1.①. */
#define FORMAT_VERSION 3

typedef struct
{
  XaTemplate *template;   /* its numbering read already */
  GHashTable *ids;        /* id → JSON path of the first clause that used it */
  guint       n_clauses;
  gboolean    has_title;
  gint64      format_version;
} ParseState;

static const char * const clause_members[] = { "id", "kind", "number", "heading", "text", "children", NULL };
static const char * const top_members[] = { "format", "format_version", "school_year", "name", "source", "legacy_year_style", "numbering", "party_lines", "clauses", "signature", NULL };
static const char * const signature_members[] = { "id", "layout", "shared_date", "parties", NULL };
static const char * const party_members_v1[] = { "id", "party", "unit", "sign", "date", NULL };
static const char * const party_members[] = { "id", "role", "label", "unit", "seal", "lines", "date", "copy", NULL };
static const char * const line_members[] = { "label", "value", NULL };

#define MAX_SIGNERS        4
#define MAX_SIGNER_LINES   8
#define MAX_PARTY_LINES    8
#define MAX_LINE_CHARS     100

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
  /* Spaces alone, full-width ones too, are no text: nothing would print. */
  return xa_text_is_blank (text);
}

/* How the user knows a clause: its number and heading, or the start of its text; one
 * without words yet by its kind and, below the top, the clause that holds it. */
static char *
clause_display (XaClauseKind  kind,
                const char   *number,
                const char   *heading,
                const char   *text,
                XaClause     *parent)
{
  g_autofree char *self = xa_clause_describe (kind, number, heading, text);
  g_autofree char *holder = NULL;

  if (parent == NULL || !is_empty (heading) || !is_empty (text))
    return g_steal_pointer (&self);

  holder = xa_clause_describe (xa_clause_get_kind (parent), xa_clause_get_number (parent),
                               xa_clause_get_heading (parent), xa_clause_get_text (parent));
  /* Translators: a clause without words yet, then the clause that holds it. */
  return g_strdup_printf (_("%s under “%s”"), self, holder);
}

/* Only the placeholders of xa_template_get_placeholders() may stand between braces: a
 * misspelt one would print as written in every school's agreement. */
static gboolean
check_placeholders (const char  *text,
                    const char  *place,
                    GError     **error)
{
  for (const char *open = text ? strchr (text, '{') : NULL; open != NULL; open = strchr (open + 1, '{'))
    {
      const char *close = strchr (open + 1, '}');
      gsize length = close ? (gsize) (close - open - 1) : 0;
      gboolean name = length > 0 && length <= 40;

      for (gsize i = 0; name && i < length; i++)
        name = g_ascii_isalnum (open[1 + i]) || open[1 + i] == '_';

      if (name && !xa_template_is_placeholder (open + 1, length))
        {
          g_autoptr(GString) known = g_string_new (NULL);
          g_autofree char *unknown = g_strndup (open + 1, length);
          guint n = 0;
          const XaPlaceholder *all = xa_template_get_placeholders (&n);

          for (guint i = 0; i < n; i++)
            g_string_append_printf (known, "%s{%s}", i > 0 ? _("、") : "", all[i].name);
          g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID,
                       _("%s: “{%s}” is not a placeholder Xiaoan fills in; the placeholders are %s"),
                       place, unknown, known->str);
          return FALSE;
        }
    }

  return TRUE;
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
  g_autofree char *display = NULL;
  g_autofree char *named = NULL;
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

  /* The checks of what a clause says name it as its reader knows it, since the
   * editor, which never shows ids, reports them too (xa_template_validate()). */
  display = clause_display (kind, number, heading, text, parent);
  named = g_strdup_printf (_("Clause “%s”"), display);

  if (!check_placeholders (heading, named, error) || !check_placeholders (text, named, error))
    return NULL;

  /* A number of a level without numbers would vanish at the next edit. */
  if (xa_clause_kind_is_numbered (kind))
    {
      gboolean unnumbered = g_str_equal (xa_template_get_numbering (state->template, kind),
                                         XA_NUMBERING_NONE);

      if (!unnumbered && is_empty (number))
        {
          g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID,
                       _("Clause “%s” needs a number"), display);
          return NULL;
        }
      if (unnumbered && !is_empty (number))
        {
          /* Translators: a clause as its reader knows it, its kind as the file writes it, its number. */
          g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID,
                       _("Clause “%s” has the number “%s”, but the template numbers no %s (“none” in “numbering”)"),
                       display, number, kind_key);
          return NULL;
        }
    }
  if (kind == XA_CLAUSE_KIND_SECTION && is_empty (heading))
    {
      /* Translators: %s names the section by its number, such as 五、（章节）. */
      g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID,
                   _("The section “%s” needs a heading"), display);
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

  /* A section says something: a text of its own, or clauses under it. */
  if (kind == XA_CLAUSE_KIND_SECTION && is_empty (text) &&
      g_list_model_get_n_items (xa_clause_get_children (clause)) == 0)
    {
      g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID,
                   _("The section “%s” is empty: write its text or add clauses under it, or remove it"),
                   display);
      return NULL;
    }

  /* Only an item or a list point may go without text: its heading, or the points
   * under it, carry it. */
  if (is_empty (text) &&
      kind != XA_CLAUSE_KIND_SECTION &&
      !((kind == XA_CLAUSE_KIND_ITEM || kind == XA_CLAUSE_KIND_LIST) &&
        (!is_empty (heading) || g_list_model_get_n_items (xa_clause_get_children (clause)) > 0)))
    {
      g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID,
                   _("Clause “%s” needs a text"), display);
      return NULL;
    }

  return g_steal_pointer (&clause);
}

/* A list of {"label", "value"}: a party's lines to sign or fill, or the party lines
 * under the title. */
static gboolean
parse_lines (JsonObject  *object,
             const char  *member,
             const char  *path,
             guint        max_lines,
             GPtrArray   *lines,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_PARSE,
                   _("%s must be a list"), path);
      return FALSE;
    }

  array = json_node_get_array (node);
  if (json_array_get_length (array) > max_lines)
    {
      g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID,
                   _("%s: at most %u lines"), path, max_lines);
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      /* Translators: a line of a party or under the title, such as “签署栏第 2 方（乙方）第 1 行”. */
      g_autofree char *line_path = g_strdup_printf (_("%s, line %u"), path, i + 1);
      JsonNode *line_node = json_array_get_element (array, i);
      JsonObject *line;
      const char *label = NULL;
      const char *value = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (line_node))
        {
          g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_PARSE,
                       _("%s must be an object"), line_path);
          return FALSE;
        }
      line = json_node_get_object (line_node);
      if (!check_members (line, line_members, line_path, XA_TEMPLATE_ERROR_PARSE, error) ||
          !read_string (line, "label", line_path, MAX_LINE_CHARS, FALSE, XA_TEMPLATE_ERROR_PARSE, &label, error) ||
          !read_string (line, "value", line_path, MAX_LINE_CHARS, FALSE, XA_TEMPLATE_ERROR_PARSE, &value, error) ||
          !check_placeholders (label, line_path, error) || !check_placeholders (value, line_path, error))
        return FALSE;
      if (is_empty (label))
        {
          g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID,
                       _("%s needs a label, such as “签字：”"), line_path);
          return FALSE;
        }
      g_ptr_array_add (lines, xa_form_line_new (label, value));
    }

  return TRUE;
}

/* How the user knows a party of the signature block: by its place and its label (甲方),
 * as the editor shows it, not by a path into the file. */
static char *
party_display (JsonNode *node,
               guint     index)
{
  JsonNode *label = JSON_NODE_HOLDS_OBJECT (node)
                    ? json_object_get_member (json_node_get_object (node), "label") : NULL;

  if (label != NULL && JSON_NODE_HOLDS_VALUE (label) && json_node_get_value_type (label) == G_TYPE_STRING &&
      !is_empty (json_node_get_string (label)))
    /* Translators: a party of the signature block by its place and label: 签署栏第 2 方（乙方）. */
    return g_strdup_printf (_("Party %u (%s) of the signature block"), index + 1, json_node_get_string (label));

  return g_strdup_printf (_("Party %u of the signature block"), index + 1);
}

/* What a version 1 file said of a party: the commission or the school, a unit that
 * seals, one line to sign, a date; each keeps an original. */
static XaSigner *
parse_signer_v1 (JsonObject  *object,
                 const char  *path,
                 GError     **error)
{
  const char *id = NULL;
  const char *role = NULL;
  const char *unit = NULL;
  const char *sign = NULL;
  const char *date = NULL;
  XaSigner *signer;

  if (!check_members (object, party_members_v1, path, XA_TEMPLATE_ERROR_PARSE, error) ||
      !read_string (object, "id", path, XA_TEMPLATE_MAX_ID_CHARS, FALSE, XA_TEMPLATE_ERROR_PARSE, &id, error) ||
      !read_string (object, "party", path, 32, FALSE, XA_TEMPLATE_ERROR_PARSE, &role, error) ||
      !read_string (object, "unit", path, XA_TEMPLATE_MAX_HEADING_CHARS, FALSE, XA_TEMPLATE_ERROR_PARSE, &unit, error) ||
      !read_string (object, "sign", path, XA_TEMPLATE_MAX_HEADING_CHARS, FALSE, XA_TEMPLATE_ERROR_PARSE, &sign, error) ||
      !read_string (object, "date", path, XA_TEMPLATE_MAX_HEADING_CHARS, FALSE, XA_TEMPLATE_ERROR_PARSE, &date, error))
    return NULL;

  if (g_strcmp0 (role, "commission") != 0 && g_strcmp0 (role, "school") != 0)
    {
      g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_PARSE,
                   _("%s: “party” must be “commission” or “school”"), path);
      return NULL;
    }

  signer = xa_signer_new (id, role, NULL, unit, TRUE, date,
                          g_str_equal (role, "commission") ? "区教委存" : "学校存");
  if (!is_empty (sign))
    xa_signer_add_line (signer, sign, NULL);
  return signer;
}

static gboolean
is_role_key (const char *role)
{
  gsize length = role ? strlen (role) : 0;

  return length > 0 && length <= 32 && g_ascii_islower (role[0]) &&
         strspn (role, "abcdefghijklmnopqrstuvwxyz-") == length;
}

static XaSigner *
parse_signer (JsonObject  *object,
              const char  *path,
              GError     **error)
{
  const char *id = NULL;
  const char *role = NULL;
  const char *label = NULL;
  const char *unit = NULL;
  const char *date = NULL;
  const char *copy = NULL;
  gboolean seal = FALSE;
  JsonNode *seal_node;
  g_autoptr(XaSigner) signer = NULL;

  if (!check_members (object, party_members, path, XA_TEMPLATE_ERROR_PARSE, error) ||
      !read_string (object, "id", path, XA_TEMPLATE_MAX_ID_CHARS, FALSE, XA_TEMPLATE_ERROR_PARSE, &id, error) ||
      !read_string (object, "role", path, 32, FALSE, XA_TEMPLATE_ERROR_PARSE, &role, error) ||
      !read_string (object, "label", path, 20, FALSE, XA_TEMPLATE_ERROR_PARSE, &label, error) ||
      !read_string (object, "unit", path, XA_TEMPLATE_MAX_HEADING_CHARS, FALSE, XA_TEMPLATE_ERROR_PARSE, &unit, error) ||
      !read_string (object, "date", path, MAX_LINE_CHARS, FALSE, XA_TEMPLATE_ERROR_PARSE, &date, error) ||
      !read_string (object, "copy", path, 20, FALSE, XA_TEMPLATE_ERROR_PARSE, &copy, error))
    return NULL;

  if (!is_role_key (role))
    {
      g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID,
                   _("%s: “role” must be a key of lower-case letters and “-”, such as “school” or “canteen”"),
                   path);
      return NULL;
    }

  seal_node = json_object_get_member (object, "seal");
  if (seal_node != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (seal_node) || json_node_get_value_type (seal_node) != G_TYPE_BOOLEAN)
        {
          g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_PARSE,
                       _("%s must be true or false"), "seal");
          return NULL;
        }
      seal = json_node_get_boolean (seal_node);
    }

  signer = xa_signer_new (id, role, label, unit, seal, date, copy);
  if (!parse_lines (object, "lines", path, MAX_SIGNER_LINES, signer->lines, error))
    return NULL;

  return g_steal_pointer (&signer);
}

static gboolean
parse_signature (JsonNode    *node,
                 XaTemplate  *template,
                 ParseState  *state,
                 GError     **error)
{
  g_autoptr(GPtrArray) signers = g_ptr_array_new_with_free_func ((GDestroyNotify) xa_signer_free);
  XaSignatureLayout layout = XA_SIGNATURE_SIDE_BY_SIDE;
  JsonObject *object;
  JsonNode *parties_node;
  JsonArray *parties;
  const char *id = NULL;
  const char *layout_key = NULL;
  const char *shared_date = NULL;
  guint n_commission = 0;
  guint n_school = 0;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_PARSE,
                   _("%s must be an object"), "$.signature");
      return FALSE;
    }
  object = json_node_get_object (node);

  if (!check_members (object, signature_members, "$.signature", XA_TEMPLATE_ERROR_PARSE, error) ||
      !read_string (object, "id", "$.signature", XA_TEMPLATE_MAX_ID_CHARS, FALSE,
                    XA_TEMPLATE_ERROR_PARSE, &id, error) ||
      !read_string (object, "layout", "$.signature", 32, FALSE, XA_TEMPLATE_ERROR_PARSE, &layout_key, error) ||
      !read_string (object, "shared_date", "$.signature", MAX_LINE_CHARS, FALSE,
                    XA_TEMPLATE_ERROR_PARSE, &shared_date, error) ||
      !check_placeholders (shared_date, _("The shared date line of the signature block"), error))
    return FALSE;

  if (layout_key != NULL && !xa_signature_layout_from_key (layout_key, &layout))
    {
      g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID,
                   _("%s: “layout” must be “side-by-side” or “stacked”"), "$.signature");
      return FALSE;
    }

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
  if (json_array_get_length (parties) < 1 || json_array_get_length (parties) > MAX_SIGNERS)
    {
      g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID,
                   _("%s: the signature block has one to %d parties"), "$.signature.parties", MAX_SIGNERS);
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (parties); i++)
    {
      JsonNode *party_node = json_array_get_element (parties, i);
      g_autofree char *path = party_display (party_node, i);
      XaSigner *signer;

      if (!JSON_NODE_HOLDS_OBJECT (party_node))
        {
          g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_PARSE,
                       _("%s must be an object"), path);
          return FALSE;
        }

      signer = state->format_version == 1
               ? parse_signer_v1 (json_node_get_object (party_node), path, error)
               : parse_signer (json_node_get_object (party_node), path, error);
      if (signer == NULL)
        return FALSE;
      g_ptr_array_add (signers, signer);

      if (!claim_id (state, signer->id, path, error))
        return FALSE;

      if (is_empty (signer->unit))
        {
          g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID,
                       _("%s needs its unit line, such as “甲方：{commission_name}”"), path);
          return FALSE;
        }

      if (!check_placeholders (signer->unit, path, error) || !check_placeholders (signer->date, path, error) ||
          !check_placeholders (signer->copy, path, error))
        return FALSE;

      n_commission += g_str_equal (signer->role, "commission");
      n_school += g_str_equal (signer->role, "school");
      if (n_commission > 1 || n_school > 1)
        {
          g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID,
                       n_school > 1 ? _("%s: only one party may be the school")
                                    : _("%s: only one party may be the commission"), path);
          return FALSE;
        }
    }

  xa_template_set_signature (template, signers, layout, shared_date);
  return TRUE;
}

/* {"section": "一、", "item": "（一）", "list": "1.", "sublist": "①"}: each level's
 * style as its first number is written, or "none"; a level left out keeps its standard
 * style. */
static gboolean
parse_numbering (JsonNode    *node,
                 XaTemplate  *template,
                 GError     **error)
{
  static const char * const numbering_members[] = { "section", "item", "list", "sublist", NULL };
  JsonObject *object;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_PARSE,
                   _("%s must be an object"), "$.numbering");
      return FALSE;
    }
  object = json_node_get_object (node);
  if (!check_members (object, numbering_members, "$.numbering", XA_TEMPLATE_ERROR_PARSE, error))
    return FALSE;

  for (guint i = 0; numbering_members[i] != NULL; i++)
    {
      const char *style = NULL;
      XaClauseKind kind;

      if (!read_string (object, numbering_members[i], "$.numbering", XA_TEMPLATE_MAX_NUMBER_CHARS,
                        FALSE, XA_TEMPLATE_ERROR_PARSE, &style, error))
        return FALSE;
      if (style == NULL)
        continue;
      if (!xa_text_outline_is_style (style))
        {
          /* Translators: the place in the file ($.numbering), the level (section, item,
           * list, sublist) and what the file gives as its style. */
          g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID,
                       _("%s: “%s” is numbered “%s”, which is not a numbering style: write the first number of the level, such as 一、 （一） 1. 1、 （1） ①, or “none”"),
                       "$.numbering", numbering_members[i], style);
          return FALSE;
        }
      xa_clause_kind_from_key (numbering_members[i], &kind);
      _xa_template_set_numbering (template, kind, style);
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
  state.format_version = json_node_get_int (node);
  if (state.format_version < 1 || state.format_version > FORMAT_VERSION)
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

  if (!parse_numbering (json_object_get_member (root, "numbering"), template, error))
    return NULL;

  ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  state.ids = ids;
  state.template = template;

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

  /* A version 1 file names the school and its two responsible people under the title. */
  {
    g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) xa_form_line_free);

    if (state.format_version == 1)
      {
        g_ptr_array_add (lines, xa_form_line_new ("责任学校：", "{school_name}"));
        g_ptr_array_add (lines, xa_form_line_new ("第一责任人：", "{first_responsible}"));
        g_ptr_array_add (lines, xa_form_line_new ("直接责任人：", "{direct_responsible}"));
      }
    else if (!parse_lines (root, "party_lines", _("The lines under the title"), MAX_PARTY_LINES, lines, error))
      return NULL;
    xa_template_set_party_lines (template, lines);
  }

  return g_steal_pointer (&template);
}

static void
build_lines (JsonBuilder *builder,
             const char  *member,
             GPtrArray   *lines)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < lines->len; i++)
    {
      XaFormLine *line = g_ptr_array_index (lines, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder, line->label);
      if (line->value[0] != '\0')
        {
          json_builder_set_member_name (builder, "value");
          json_builder_add_string_value (builder, line->value);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
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

  json_builder_set_member_name (builder, "numbering");
  json_builder_begin_object (builder);
  for (XaClauseKind kind = XA_CLAUSE_KIND_SECTION; kind <= XA_CLAUSE_KIND_CLOSING; kind++)
    {
      if (!xa_clause_kind_is_numbered (kind))
        continue;
      json_builder_set_member_name (builder, xa_clause_kind_to_key (kind));
      json_builder_add_string_value (builder, xa_template_get_numbering (self, kind));
    }
  json_builder_end_object (builder);

  build_lines (builder, "party_lines", self->party_lines);

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
  json_builder_set_member_name (builder, "layout");
  json_builder_add_string_value (builder, xa_signature_layout_to_key (self->signature_layout));
  if (self->shared_date[0] != '\0')
    {
      json_builder_set_member_name (builder, "shared_date");
      json_builder_add_string_value (builder, self->shared_date);
    }
  json_builder_set_member_name (builder, "parties");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->signers->len; i++)
    {
      XaSigner *signer = g_ptr_array_index (self->signers, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, signer->id);
      json_builder_set_member_name (builder, "role");
      json_builder_add_string_value (builder, signer->role);
      if (signer->label[0] != '\0')
        {
          json_builder_set_member_name (builder, "label");
          json_builder_add_string_value (builder, signer->label);
        }
      json_builder_set_member_name (builder, "unit");
      json_builder_add_string_value (builder, signer->unit);
      json_builder_set_member_name (builder, "seal");
      json_builder_add_boolean_value (builder, signer->seal);
      build_lines (builder, "lines", signer->lines);
      json_builder_set_member_name (builder, "date");
      json_builder_add_string_value (builder, signer->date);
      if (signer->copy[0] != '\0')
        {
          json_builder_set_member_name (builder, "copy");
          json_builder_add_string_value (builder, signer->copy);
        }
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

/**
 * _xa_template_check_placeholders:
 * @place: where @text stands, as the user knows it, for the message
 *
 * Refuses a name between braces that is not one of the placeholders, as the template's
 * own text is checked: for the text an agreement adds to its template.
 */
gboolean
_xa_template_check_placeholders (const char  *text,
                                 const char  *place,
                                 GError     **error)
{
  return check_placeholders (text, place, error);
}
