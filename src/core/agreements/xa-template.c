/* xa-template.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A 目标责任书 template: the clause tree of one school year, its signature block and
 * its placeholders. The JSON form is in xa-template-json.c, the edits that commission
 * staff make in xa-template-edit.c.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xa-template-private.h"
#include "xa-template.h"
#include "core/util/xa-school-year.h"

G_DEFINE_FINAL_TYPE (XaTemplate, xa_template, G_TYPE_OBJECT)

G_DEFINE_QUARK (xa-template-error-quark, xa_template_error)

enum {
  PROP_0,
  PROP_UUID,
  PROP_SCHOOL_YEAR,
  PROP_VERSION,
  PROP_NAME,
  PROP_FROZEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/* Finds the clause @id below @model, with the list that holds it and its place there.
 * The clause is borrowed from the list. */
XaClause *
_xa_template_find_in (GListModel  *model,
                      const char  *id,
                      GListStore **parent_list,
                      guint       *position)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XaClause) clause = g_list_model_get_item (model, i);
      XaClause *found;

      if (g_str_equal (xa_clause_get_id (clause), id))
        {
          if (parent_list != NULL)
            *parent_list = G_LIST_STORE (model);
          if (position != NULL)
            *position = i;
          return clause;
        }

      found = _xa_template_find_in (xa_clause_get_children (clause), id, parent_list, position);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
xa_template_finalize (GObject *object)
{
  XaTemplate *self = XA_TEMPLATE (object);

  g_clear_object (&self->clauses);
  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->signature_id, g_free);

  g_clear_pointer (&self->signers, g_ptr_array_unref);
  g_clear_pointer (&self->party_lines, g_ptr_array_unref);
  g_clear_pointer (&self->shared_date, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (self->numbering); i++)
    g_clear_pointer (&self->numbering[i], g_free);

  G_OBJECT_CLASS (xa_template_parent_class)->finalize (object);
}

static void
xa_template_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  XaTemplate *self = XA_TEMPLATE (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;

    case PROP_SCHOOL_YEAR:
      g_value_set_int (value, self->school_year);
      break;

    case PROP_VERSION:
      g_value_set_int (value, self->version);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_FROZEN:
      g_value_set_boolean (value, self->frozen);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_template_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  XaTemplate *self = XA_TEMPLATE (object);

  switch (prop_id)
    {
    case PROP_SCHOOL_YEAR:
      xa_template_set_school_year (self, g_value_get_int (value));
      break;

    case PROP_NAME:
      xa_template_set_name (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_template_class_init (XaTemplateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xa_template_finalize;
  object_class->get_property = xa_template_get_property;
  object_class->set_property = xa_template_set_property;

  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SCHOOL_YEAR] =
    g_param_spec_int ("school-year", NULL, NULL, 0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_VERSION] =
    g_param_spec_int ("version", NULL, NULL, 0, G_MAXINT, 0,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FROZEN] =
    g_param_spec_boolean ("frozen", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xa_template_init (XaTemplate *self)
{
  self->clauses = g_list_store_new (XA_TYPE_CLAUSE);
  self->uuid = g_uuid_string_random ();
  self->name = g_strdup ("");
  self->signature_id = g_strdup ("signature");

  self->signers = g_ptr_array_new_with_free_func ((GDestroyNotify) xa_signer_free);
  self->party_lines = g_ptr_array_new_with_free_func ((GDestroyNotify) xa_form_line_free);
  self->shared_date = g_strdup ("");

  /* Files of format 1 and 2, and new templates, number their levels 一、（一）1.①. */
  for (guint i = 0; i < G_N_ELEMENTS (self->numbering); i++)
    {
      if (xa_clause_kind_is_numbered (i))
        self->numbering[i] = g_strdup (xa_clause_kind_get_default_numbering (i));
    }
}

XaTemplate *
_xa_template_new_empty (void)
{
  return g_object_new (XA_TYPE_TEMPLATE, NULL);
}

void
_xa_template_set_uuid (XaTemplate *self,
                       const char *uuid)
{
  g_assert (XA_IS_TEMPLATE (self));
  g_assert (uuid != NULL);

  if (set_string (&self->uuid, uuid))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UUID]);
}

void
_xa_template_set_version (XaTemplate *self,
                          int         version)
{
  g_assert (XA_IS_TEMPLATE (self));

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

void
_xa_template_set_frozen (XaTemplate *self,
                         gboolean    frozen)
{
  g_assert (XA_IS_TEMPLATE (self));

  frozen = !!frozen;
  if (self->frozen == (guint) frozen)
    return;

  self->frozen = frozen;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FROZEN]);
}

void
_xa_template_set_source (XaTemplate *self,
                         const char *source)
{
  g_assert (XA_IS_TEMPLATE (self));

  set_string (&self->source, source);
}

/* Ids are written in files and compared across years, so they stay plain ASCII. */
/* The JSON form's reader and xa_template_set_numbering() have checked @style. */
void
_xa_template_set_numbering (XaTemplate   *self,
                            XaClauseKind  kind,
                            const char   *style)
{
  g_return_if_fail (xa_clause_kind_is_numbered (kind));

  set_string (&self->numbering[kind], style);
}

/**
 * xa_template_get_numbering:
 *
 * How the template numbers the clauses of @kind's level, as its first number is
 * written: "一、", "（一）", "1、", "（1）"… (xa_text_outline_get_styles()), or
 * %XA_NUMBERING_NONE for a level without numbers.
 *
 * Returns: the style, or "" for kinds without a number
 */
const char *
xa_template_get_numbering (XaTemplate   *self,
                           XaClauseKind  kind)
{
  g_return_val_if_fail (XA_IS_TEMPLATE (self), NULL);

  if (!xa_clause_kind_is_numbered (kind) || self->numbering[kind] == NULL)
    return "";

  return self->numbering[kind];
}

gboolean
_xa_template_id_is_valid (const char *id)
{
  gsize length = id ? strlen (id) : 0;

  if (length == 0 || length > XA_TEMPLATE_MAX_ID_CHARS || !g_ascii_isalnum (id[0]))
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isalnum (id[i]) && id[i] != '.' && id[i] != '-' && id[i] != '_')
        return FALSE;
    }

  return TRUE;
}

/**
 * xa_template_get_uuid:
 *
 * Returns: the UUID of this version of the template
 */
const char *
xa_template_get_uuid (XaTemplate *self)
{
  g_return_val_if_fail (XA_IS_TEMPLATE (self), NULL);

  return self->uuid;
}

/**
 * xa_template_get_school_year:
 *
 * Returns: the start year of the school year, such as 2021 for 2021—2022学年度
 */
int
xa_template_get_school_year (XaTemplate *self)
{
  g_return_val_if_fail (XA_IS_TEMPLATE (self), 0);

  return self->school_year;
}

void
xa_template_set_school_year (XaTemplate *self,
                             int         school_year)
{
  g_return_if_fail (XA_IS_TEMPLATE (self));

  if (self->school_year == school_year)
    return;

  self->school_year = school_year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHOOL_YEAR]);
}

/**
 * xa_template_get_version:
 *
 * Returns: the version within its school year, from 1; 0 for a template never saved
 */
int
xa_template_get_version (XaTemplate *self)
{
  g_return_val_if_fail (XA_IS_TEMPLATE (self), 0);

  return self->version;
}

const char *
xa_template_get_name (XaTemplate *self)
{
  g_return_val_if_fail (XA_IS_TEMPLATE (self), NULL);

  return self->name;
}

void
xa_template_set_name (XaTemplate *self,
                      const char *name)
{
  g_return_if_fail (XA_IS_TEMPLATE (self));

  if (set_string (&self->name, name ? name : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/**
 * xa_template_get_source:
 *
 * Returns: (nullable): where the template's text came from, as the file says
 */
const char *
xa_template_get_source (XaTemplate *self)
{
  g_return_val_if_fail (XA_IS_TEMPLATE (self), NULL);

  return self->source;
}

/**
 * xa_template_get_frozen:
 *
 * Returns: %TRUE when a signed agreement uses this version: saving it makes a new one
 */
gboolean
xa_template_get_frozen (XaTemplate *self)
{
  g_return_val_if_fail (XA_IS_TEMPLATE (self), FALSE);

  return self->frozen;
}

/**
 * xa_template_get_clauses:
 *
 * Returns: (transfer none): the top-level clauses, a #GListModel of #XaClause
 */
GListModel *
xa_template_get_clauses (XaTemplate *self)
{
  g_return_val_if_fail (XA_IS_TEMPLATE (self), NULL);

  return G_LIST_MODEL (self->clauses);
}

/**
 * xa_template_find_clause:
 *
 * Returns: (transfer none) (nullable): the clause with @id at any depth
 */
XaClause *
xa_template_find_clause (XaTemplate *self,
                         const char *id)
{
  g_return_val_if_fail (XA_IS_TEMPLATE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return _xa_template_find_in (G_LIST_MODEL (self->clauses), id, NULL, NULL);
}

/**
 * xa_template_find_parent:
 * @parent: (out) (optional) (transfer none) (nullable): the clause that holds @id,
 *   %NULL at the top level
 * @position: (out) (optional): the place of @id among its siblings
 *
 * Returns: %TRUE when the template has a clause @id
 */
gboolean
xa_template_find_parent (XaTemplate  *self,
                         const char  *id,
                         XaClause   **parent,
                         guint       *position)
{
  GListStore *list = NULL;

  g_return_val_if_fail (XA_IS_TEMPLATE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (_xa_template_find_in (G_LIST_MODEL (self->clauses), id, &list, position) == NULL)
    return FALSE;

  if (parent == NULL)
    return TRUE;

  *parent = NULL;
  if (list == self->clauses)
    return TRUE;

  /* The list belongs to a clause; walk the tree once more to name it. */
  {
    g_autoptr(GPtrArray) stack = g_ptr_array_new ();

    g_ptr_array_add (stack, self->clauses);
    while (stack->len > 0)
      {
        GListModel *model = g_ptr_array_steal_index (stack, stack->len - 1);
        guint n_items = g_list_model_get_n_items (model);

        for (guint i = 0; i < n_items; i++)
          {
            g_autoptr(XaClause) clause = g_list_model_get_item (model, i);

            if (xa_clause_get_children (clause) == G_LIST_MODEL (list))
              {
                *parent = clause;
                return TRUE;
              }
            g_ptr_array_add (stack, xa_clause_get_children (clause));
          }
      }
  }

  return TRUE;
}

/**
 * xa_template_get_n_signers:
 *
 * Returns: how many parties sign: one to four
 */
guint
xa_template_get_n_signers (XaTemplate *self)
{
  g_return_val_if_fail (XA_IS_TEMPLATE (self), 0);

  return self->signers->len;
}

/**
 * xa_template_get_signer:
 *
 * Returns: (transfer none): the party at @index, in the order they sign
 */
const XaSigner *
xa_template_get_signer (XaTemplate *self,
                        guint       index)
{
  g_return_val_if_fail (XA_IS_TEMPLATE (self), NULL);
  g_return_val_if_fail (index < self->signers->len, NULL);

  return g_ptr_array_index (self->signers, index);
}

/**
 * xa_template_find_signer:
 * @role: "commission", "school", or another party's key
 *
 * Returns: (transfer none) (nullable): the party of @role, which signs once at most;
 *   %NULL when the block has none
 */
const XaSigner *
xa_template_find_signer (XaTemplate *self,
                         const char *role)
{
  g_return_val_if_fail (XA_IS_TEMPLATE (self), NULL);
  g_return_val_if_fail (role != NULL, NULL);

  for (guint i = 0; i < self->signers->len; i++)
    {
      const XaSigner *signer = g_ptr_array_index (self->signers, i);

      if (g_str_equal (signer->role, role))
        return signer;
    }

  return NULL;
}

XaSignatureLayout
xa_template_get_signature_layout (XaTemplate *self)
{
  g_return_val_if_fail (XA_IS_TEMPLATE (self), XA_SIGNATURE_SIDE_BY_SIDE);

  return self->signature_layout;
}

/**
 * xa_template_get_shared_date:
 *
 * Returns: the one date line under all parties, "" when each party has its own
 */
const char *
xa_template_get_shared_date (XaTemplate *self)
{
  g_return_val_if_fail (XA_IS_TEMPLATE (self), NULL);

  return self->shared_date;
}

/**
 * xa_template_set_signature:
 * @signers: (element-type XaSigner): the parties, copied
 * @shared_date: (nullable): one date line under all parties, or %NULL
 *
 * Sets the whole signature block.
 */
void
xa_template_set_signature (XaTemplate        *self,
                           GPtrArray         *signers,
                           XaSignatureLayout  layout,
                           const char        *shared_date)
{
  g_return_if_fail (XA_IS_TEMPLATE (self));
  g_return_if_fail (signers != NULL);

  g_ptr_array_set_size (self->signers, 0);
  for (guint i = 0; i < signers->len; i++)
    g_ptr_array_add (self->signers, xa_signer_copy (g_ptr_array_index (signers, i)));
  self->signature_layout = layout;
  set_string (&self->shared_date, shared_date ? shared_date : "");
}

/**
 * xa_template_get_n_copies:
 *
 * Returns: how many originals are made (一式N份): one for each party that keeps one
 */
guint
xa_template_get_n_copies (XaTemplate *self)
{
  guint n = 0;

  g_return_val_if_fail (XA_IS_TEMPLATE (self), 0);

  for (guint i = 0; i < self->signers->len; i++)
    n += ((XaSigner *) g_ptr_array_index (self->signers, i))->copy[0] != '\0';

  return n;
}

/**
 * xa_template_get_party_lines:
 *
 * Returns: (transfer none) (element-type XaFormLine): the lines under the title that
 *   name the parties (责任学校：{school_name}…); empty when the template has none
 */
GPtrArray *
xa_template_get_party_lines (XaTemplate *self)
{
  g_return_val_if_fail (XA_IS_TEMPLATE (self), NULL);

  return self->party_lines;
}

/**
 * xa_template_set_party_lines:
 * @lines: (element-type XaFormLine): the lines, copied
 */
void
xa_template_set_party_lines (XaTemplate *self,
                             GPtrArray  *lines)
{
  g_return_if_fail (XA_IS_TEMPLATE (self));
  g_return_if_fail (lines != NULL);

  g_ptr_array_set_size (self->party_lines, 0);
  for (guint i = 0; i < lines->len; i++)
    g_ptr_array_add (self->party_lines, xa_form_line_copy (g_ptr_array_index (lines, i)));
}

/**
 * xa_template_copy:
 *
 * Returns: (transfer full): a deep copy with the same uuid, version and clause ids, for
 *   an editor to change without touching the shared object
 */
XaTemplate *
xa_template_copy (XaTemplate *self)
{
  g_autoptr(XaTemplate) copy = NULL;
  guint n;

  g_return_val_if_fail (XA_IS_TEMPLATE (self), NULL);

  copy = _xa_template_new_empty ();
  set_string (&copy->uuid, self->uuid);
  set_string (&copy->name, self->name);
  set_string (&copy->source, self->source);
  set_string (&copy->signature_id, self->signature_id);
  copy->school_year = self->school_year;
  copy->legacy_year_style = self->legacy_year_style;
  copy->version = self->version;
  copy->frozen = self->frozen;

  xa_template_set_signature (copy, self->signers, self->signature_layout, self->shared_date);
  xa_template_set_party_lines (copy, self->party_lines);
  for (guint i = 0; i < G_N_ELEMENTS (self->numbering); i++)
    set_string (&copy->numbering[i], self->numbering[i]);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->clauses));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XaClause) clause = g_list_model_get_item (G_LIST_MODEL (self->clauses), i);
      g_autoptr(XaClause) clause_copy = xa_clause_copy (clause);

      g_list_store_append (copy->clauses, clause_copy);
    }

  return g_steal_pointer (&copy);
}

/**
 * xa_template_equal_content:
 *
 * Compares what a template says: school year, name, source, clauses and signature
 * block. The uuid, version and frozen state, which belong to the store, are ignored.
 *
 * Returns: %TRUE when @a and @b say the same
 */
gboolean
xa_template_equal_content (XaTemplate *a,
                           XaTemplate *b)
{
  GListModel *clauses_a;
  GListModel *clauses_b;
  guint n;

  g_return_val_if_fail (XA_IS_TEMPLATE (a), FALSE);
  g_return_val_if_fail (XA_IS_TEMPLATE (b), FALSE);

  if (a->school_year != b->school_year ||
      a->legacy_year_style != b->legacy_year_style ||
      g_strcmp0 (a->name, b->name) != 0 ||
      g_strcmp0 (a->source, b->source) != 0 ||
      g_strcmp0 (a->signature_id, b->signature_id) != 0)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (a->numbering); i++)
    {
      if (g_strcmp0 (a->numbering[i], b->numbering[i]) != 0)
        return FALSE;
    }

  if (a->signers->len != b->signers->len || a->party_lines->len != b->party_lines->len ||
      a->signature_layout != b->signature_layout || g_strcmp0 (a->shared_date, b->shared_date) != 0)
    return FALSE;
  for (guint i = 0; i < a->signers->len; i++)
    {
      if (!xa_signer_equal (g_ptr_array_index (a->signers, i), g_ptr_array_index (b->signers, i)))
        return FALSE;
    }
  for (guint i = 0; i < a->party_lines->len; i++)
    {
      if (!xa_form_line_equal (g_ptr_array_index (a->party_lines, i), g_ptr_array_index (b->party_lines, i)))
        return FALSE;
    }

  clauses_a = G_LIST_MODEL (a->clauses);
  clauses_b = G_LIST_MODEL (b->clauses);
  n = g_list_model_get_n_items (clauses_a);
  if (n != g_list_model_get_n_items (clauses_b))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XaClause) clause_a = g_list_model_get_item (clauses_a, i);
      g_autoptr(XaClause) clause_b = g_list_model_get_item (clauses_b, i);

      if (!xa_clause_equal (clause_a, clause_b))
        return FALSE;
    }

  return TRUE;
}

/* The placeholders a template may use, documented once: the editor lists them, the
 * parser refuses any other, and xa_template_expand() fills them. */
static const XaPlaceholder placeholders[] = {
  { "school_year", N_("the school year, such as 2021—2022学年度") },
  { "school_name", N_("the school's name") },
  { "commission_name", N_("the commission's name, such as 重庆市大渡口区教育委员会") },
  { "district_name", N_("the district the commission serves, such as 大渡口区, taken from the commission's name") },
  { "first_responsible", N_("the school's first responsible person (第一责任人) as the year began") },
  { "direct_responsible", N_("the school's direct responsible person (直接责任人) as the year began") },
};

/**
 * xa_template_get_placeholders:
 * @n_placeholders: (out): how many there are
 *
 * Returns: (array length=n_placeholders): the placeholders a template may hold, as
 *   `{name}`, with what each stands for (translatable, for the editor)
 */
const XaPlaceholder *
xa_template_get_placeholders (guint *n_placeholders)
{
  *n_placeholders = G_N_ELEMENTS (placeholders);
  return placeholders;
}

/**
 * xa_template_is_placeholder:
 * @name: a name written between braces, without them
 */
gboolean
xa_template_is_placeholder (const char *name,
                            gssize      length)
{
  gsize size = length < 0 ? strlen (name) : (gsize) length;

  for (guint i = 0; i < G_N_ELEMENTS (placeholders); i++)
    {
      if (strlen (placeholders[i].name) == size && strncmp (placeholders[i].name, name, size) == 0)
        return TRUE;
    }

  return FALSE;
}

/* What a commission's name says of its district: "重庆市大渡口区教育委员会" serves
 * "大渡口区". The body (教育委员会, 教育局, 教委, 教体局…) is cut off, then a leading
 * province or city when a district or county follows it. A name that does not fit gives
 * itself back, so that nothing is lost. */
char *
xa_district_from_commission (const char *commission_name)
{
  static const char * const bodies[] = {
    "教育委员会", "教育和体育局", "教育体育局", "教体局", "教育局", "教委",
  };
  static const char * const regions[] = { "省", "自治区", "市" };
  g_autofree char *name = g_strstrip (g_strdup (commission_name ? commission_name : ""));
  const char *start;

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      /* What is left must name a place of two characters at least (某区). */
      if (g_str_has_suffix (name, bodies[i]) &&
          g_utf8_strlen (name, -1) >= g_utf8_strlen (bodies[i], -1) + 2)
        {
          name[strlen (name) - strlen (bodies[i])] = '\0';
          break;
        }
    }

  /* 重庆市大渡口区 → 大渡口区; 浙江省杭州市西湖区 → 西湖区; 示例区 stays. */
  start = name;
  for (gboolean cut = TRUE; cut;)
    {
      cut = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
        {
          const char *end = strstr (start, regions[i]);

          if (end != NULL && end[strlen (regions[i])] != '\0' &&
              (g_str_has_suffix (start, "区") || g_str_has_suffix (start, "县") ||
               g_str_has_suffix (start, "旗") || g_str_has_suffix (start, "市")) &&
              strlen (end + strlen (regions[i])) >= strlen ("某区"))
            {
              start = end + strlen (regions[i]);
              cut = TRUE;
              break;
            }
        }
    }

  return g_strdup (start);
}

static const char *
value_for (const XaTemplateValues *values,
           const char             *key,
           gsize                   key_length,
           char                  **owned)
{
  if (key_length == strlen ("school_year") && strncmp (key, "school_year", key_length) == 0)
    {
      if (values->school_year <= 0)
        return NULL;
      *owned = xa_school_year_format (values->school_year, values->legacy_year_style);
      return *owned;
    }

  if (key_length == strlen ("district_name") && strncmp (key, "district_name", key_length) == 0)
    {
      if (values->commission_name == NULL || values->commission_name[0] == '\0')
        return NULL;
      *owned = xa_district_from_commission (values->commission_name);
      return *owned;
    }

#define VALUE(name) \
  if (key_length == strlen (#name) && strncmp (key, #name, key_length) == 0) \
    return values->name;

  VALUE (school_name)
  VALUE (commission_name)
  VALUE (first_responsible)
  VALUE (direct_responsible)

#undef VALUE

  return NULL;
}

/**
 * xa_template_expand:
 * @text: (nullable): a clause's text with placeholders
 * @values: (nullable): the school's values
 *
 * Replaces the placeholders of xa_template_get_placeholders(): {school_year}
 * ("2021—2022学年度", or "2021-2022学年度" in the legacy style), {school_name},
 * {commission_name}, {district_name}, {first_responsible} and {direct_responsible}.
 * Unknown placeholders, and those whose value is %NULL, stay as written, so that a
 * preview shows what is still to fill.
 *
 * Returns: (transfer full): the text with the values filled in
 */
char *
xa_template_expand (const char             *text,
                    const XaTemplateValues *values)
{
  GString *expanded;
  const char *p;

  if (text == NULL)
    return g_strdup ("");
  if (values == NULL)
    return g_strdup (text);

  expanded = g_string_sized_new (strlen (text) + 32);
  p = text;

  while (*p != '\0')
    {
      const char *open = strchr (p, '{');
      const char *close;
      g_autofree char *owned = NULL;
      const char *value;

      if (open == NULL)
        {
          g_string_append (expanded, p);
          break;
        }

      g_string_append_len (expanded, p, open - p);
      close = strchr (open + 1, '}');
      if (close == NULL)
        {
          g_string_append (expanded, open);
          break;
        }

      value = value_for (values, open + 1, close - open - 1, &owned);
      if (value != NULL)
        g_string_append (expanded, value);
      else
        g_string_append_len (expanded, open, close - open + 1);

      p = close + 1;
    }

  return g_string_free (expanded, FALSE);
}

/**
 * xa_template_get_legacy_year_style:
 *
 * Returns: whether the school year is written as the 2021-2022 source wrote it
 *   ("2021-2022学年度") rather than with the GB/T 15834 dash ("2021—2022学年度")
 */
gboolean
xa_template_get_legacy_year_style (XaTemplate *self)
{
  g_return_val_if_fail (XA_IS_TEMPLATE (self), FALSE);

  return self->legacy_year_style;
}

void
xa_template_set_legacy_year_style (XaTemplate *self,
                                   gboolean    legacy)
{
  g_return_if_fail (XA_IS_TEMPLATE (self));

  self->legacy_year_style = !!legacy;
}
