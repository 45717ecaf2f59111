/* xa-clause.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One clause of a 目标责任书 template and the numbering styles of its levels
 * (reference/domain.md §4.1: 一、（一）1. and ① below them).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-clause.h"
#include "xa-text-outline.h"
#include "core/util/xa-text.h"

struct _XaClause
{
  GObject       parent_instance;

  /* Owned references */
  GListStore   *children;

  char         *id;
  char         *number;
  char         *heading;
  char         *text;
  XaClauseKind  kind;
};

G_DEFINE_FINAL_TYPE (XaClause, xa_clause, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_NUMBER,
  PROP_HEADING,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The keys are those of the JSON form; they never change, since files carry them. */
static const char * const kind_keys[] = {
  [XA_CLAUSE_KIND_TITLE] = "title",
  [XA_CLAUSE_KIND_PREAMBLE] = "preamble",
  [XA_CLAUSE_KIND_SECTION] = "section",
  [XA_CLAUSE_KIND_PARAGRAPH] = "paragraph",
  [XA_CLAUSE_KIND_ITEM] = "item",
  [XA_CLAUSE_KIND_LIST] = "list",
  [XA_CLAUSE_KIND_SUBLIST] = "sublist",
  [XA_CLAUSE_KIND_CLOSING] = "closing",
};

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (value == NULL)
    value = "";

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
xa_clause_finalize (GObject *object)
{
  XaClause *self = XA_CLAUSE (object);

  g_clear_object (&self->children);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->number, g_free);
  g_clear_pointer (&self->heading, g_free);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (xa_clause_parent_class)->finalize (object);
}

static void
xa_clause_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  XaClause *self = XA_CLAUSE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;

    case PROP_NUMBER:
      g_value_set_string (value, self->number);
      break;

    case PROP_HEADING:
      g_value_set_string (value, self->heading);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_clause_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  XaClause *self = XA_CLAUSE (object);

  switch (prop_id)
    {
    case PROP_ID:
      set_string (&self->id, g_value_get_string (value));
      break;

    case PROP_KIND:
      xa_clause_set_kind (self, g_value_get_int (value));
      break;

    case PROP_NUMBER:
      xa_clause_set_number (self, g_value_get_string (value));
      break;

    case PROP_HEADING:
      xa_clause_set_heading (self, g_value_get_string (value));
      break;

    case PROP_TEXT:
      xa_clause_set_text (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_clause_class_init (XaClauseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xa_clause_finalize;
  object_class->get_property = xa_clause_get_property;
  object_class->set_property = xa_clause_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /* An int rather than a registered enum: the enum has no GType of its own. The
   * editor changes it through xa_template_set_clause_kind(), which checks the tree. */
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL,
                      XA_CLAUSE_KIND_TITLE, XA_CLAUSE_KIND_CLOSING, XA_CLAUSE_KIND_PARAGRAPH,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NUMBER] =
    g_param_spec_string ("number", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_HEADING] =
    g_param_spec_string ("heading", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xa_clause_init (XaClause *self)
{
  self->children = g_list_store_new (XA_TYPE_CLAUSE);
  self->id = g_strdup ("");
  self->number = g_strdup ("");
  self->heading = g_strdup ("");
  self->text = g_strdup ("");
}

/**
 * xa_clause_new:
 * @id: the stable id, unique within its template
 *
 * Returns: (transfer full): a clause with an empty number, heading and text
 */
XaClause *
xa_clause_new (const char   *id,
               XaClauseKind  kind)
{
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (kind <= XA_CLAUSE_KIND_CLOSING, NULL);

  return g_object_new (XA_TYPE_CLAUSE, "id", id, "kind", (int) kind, NULL);
}

const char *
xa_clause_get_id (XaClause *self)
{
  g_return_val_if_fail (XA_IS_CLAUSE (self), NULL);

  return self->id;
}

XaClauseKind
xa_clause_get_kind (XaClause *self)
{
  g_return_val_if_fail (XA_IS_CLAUSE (self), XA_CLAUSE_KIND_PARAGRAPH);

  return self->kind;
}

/**
 * xa_clause_set_kind:
 *
 * Changes the kind alone: whether the tree allows it where the clause stands is
 * xa_template_set_clause_kind()'s to check.
 */
void
xa_clause_set_kind (XaClause     *self,
                    XaClauseKind  kind)
{
  g_return_if_fail (XA_IS_CLAUSE (self));
  g_return_if_fail (kind <= XA_CLAUSE_KIND_CLOSING);

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

/**
 * xa_clause_get_number:
 *
 * Returns: the number as printed, such as "（一）", or "" when the clause has none
 */
const char *
xa_clause_get_number (XaClause *self)
{
  g_return_val_if_fail (XA_IS_CLAUSE (self), NULL);

  return self->number;
}

void
xa_clause_set_number (XaClause   *self,
                      const char *number)
{
  g_return_if_fail (XA_IS_CLAUSE (self));

  if (set_string (&self->number, number))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
}

/**
 * xa_clause_get_heading:
 *
 * Returns: the heading, or "" when the clause has none
 */
const char *
xa_clause_get_heading (XaClause *self)
{
  g_return_val_if_fail (XA_IS_CLAUSE (self), NULL);

  return self->heading;
}

void
xa_clause_set_heading (XaClause   *self,
                       const char *heading)
{
  g_return_if_fail (XA_IS_CLAUSE (self));

  if (set_string (&self->heading, heading))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEADING]);
}

/**
 * xa_clause_get_text:
 *
 * Returns: the text with its placeholders, or "" when the clause has none
 */
const char *
xa_clause_get_text (XaClause *self)
{
  g_return_val_if_fail (XA_IS_CLAUSE (self), NULL);

  return self->text;
}

void
xa_clause_set_text (XaClause   *self,
                    const char *text)
{
  g_return_if_fail (XA_IS_CLAUSE (self));

  if (set_string (&self->text, text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

/**
 * xa_clause_get_children:
 *
 * Returns: (transfer none): a #GListModel of #XaClause, empty for kinds without children
 */
GListModel *
xa_clause_get_children (XaClause *self)
{
  g_return_val_if_fail (XA_IS_CLAUSE (self), NULL);

  return G_LIST_MODEL (self->children);
}

/**
 * xa_clause_copy:
 *
 * Returns: (transfer full): a deep copy of @self and its children, with the same ids
 */
XaClause *
xa_clause_copy (XaClause *self)
{
  g_autoptr(XaClause) copy = NULL;
  guint n;

  g_return_val_if_fail (XA_IS_CLAUSE (self), NULL);

  copy = xa_clause_new (self->id, self->kind);
  set_string (&copy->number, self->number);
  set_string (&copy->heading, self->heading);
  set_string (&copy->text, self->text);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->children));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XaClause) child = g_list_model_get_item (G_LIST_MODEL (self->children), i);
      g_autoptr(XaClause) child_copy = xa_clause_copy (child);

      g_list_store_append (copy->children, child_copy);
    }

  return g_steal_pointer (&copy);
}

/**
 * xa_clause_equal:
 *
 * Compares two clause trees: ids, kinds, numbers, headings, texts and children, in order.
 *
 * Returns: %TRUE when they are the same
 */
gboolean
xa_clause_equal (XaClause *a,
                 XaClause *b)
{
  guint n;

  g_return_val_if_fail (XA_IS_CLAUSE (a), FALSE);
  g_return_val_if_fail (XA_IS_CLAUSE (b), FALSE);

  if (a->kind != b->kind ||
      g_strcmp0 (a->id, b->id) != 0 ||
      g_strcmp0 (a->number, b->number) != 0 ||
      g_strcmp0 (a->heading, b->heading) != 0 ||
      g_strcmp0 (a->text, b->text) != 0)
    return FALSE;

  n = g_list_model_get_n_items (G_LIST_MODEL (a->children));
  if (n != g_list_model_get_n_items (G_LIST_MODEL (b->children)))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XaClause) child_a = g_list_model_get_item (G_LIST_MODEL (a->children), i);
      g_autoptr(XaClause) child_b = g_list_model_get_item (G_LIST_MODEL (b->children), i);

      if (!xa_clause_equal (child_a, child_b))
        return FALSE;
    }

  return TRUE;
}

/**
 * xa_clause_kind_to_key:
 *
 * Returns: the key of @kind in the JSON form, such as "item"
 */
const char *
xa_clause_kind_to_key (XaClauseKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_keys), NULL);

  return kind_keys[kind];
}

/**
 * xa_clause_kind_from_key:
 * @kind: (out): the kind
 *
 * Returns: %TRUE when @key names a kind
 */
gboolean
xa_clause_kind_from_key (const char   *key,
                         XaClauseKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (kind_keys); i++)
    {
      if (g_str_equal (key, kind_keys[i]))
        {
          *kind = (XaClauseKind) i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * xa_clause_kind_allows_child:
 *
 * The tree's shape: a section holds paragraphs, items and closing clauses, an item
 * holds list points, a list point holds sub-points; nothing else has children.
 *
 * Returns: %TRUE when a clause of @parent kind may hold one of @child kind
 */
gboolean
xa_clause_kind_allows_child (XaClauseKind parent,
                             XaClauseKind child)
{
  switch (parent)
    {
    case XA_CLAUSE_KIND_SECTION:
      return child == XA_CLAUSE_KIND_PARAGRAPH ||
             child == XA_CLAUSE_KIND_ITEM ||
             child == XA_CLAUSE_KIND_CLOSING;

    case XA_CLAUSE_KIND_ITEM:
      return child == XA_CLAUSE_KIND_LIST;

    case XA_CLAUSE_KIND_LIST:
      return child == XA_CLAUSE_KIND_SUBLIST;

    case XA_CLAUSE_KIND_TITLE:
    case XA_CLAUSE_KIND_PREAMBLE:
    case XA_CLAUSE_KIND_PARAGRAPH:
    case XA_CLAUSE_KIND_SUBLIST:
    case XA_CLAUSE_KIND_CLOSING:
    default:
      return FALSE;
    }
}

/**
 * xa_clause_kind_allows_top_level:
 *
 * Items and list points may stand at the top too: many agreements number their points
 * right under the title, without a 一、 section over them.
 *
 * Returns: %TRUE when a clause of @kind may stand at the top of a template
 */
gboolean
xa_clause_kind_allows_top_level (XaClauseKind kind)
{
  return kind == XA_CLAUSE_KIND_TITLE ||
         kind == XA_CLAUSE_KIND_PREAMBLE ||
         kind == XA_CLAUSE_KIND_SECTION ||
         kind == XA_CLAUSE_KIND_ITEM ||
         kind == XA_CLAUSE_KIND_LIST ||
         kind == XA_CLAUSE_KIND_CLOSING;
}

/**
 * xa_clause_kind_is_numbered:
 *
 * Returns: %TRUE for the kinds that carry a number (一、（一）1. ①)
 */
gboolean
xa_clause_kind_is_numbered (XaClauseKind kind)
{
  return kind == XA_CLAUSE_KIND_SECTION ||
         kind == XA_CLAUSE_KIND_ITEM ||
         kind == XA_CLAUSE_KIND_LIST ||
         kind == XA_CLAUSE_KIND_SUBLIST;
}

/**
 * xa_chinese_numeral:
 * @n: a number from 1 to 99
 *
 * Writes @n in Chinese numerals as headings count: 一 … 十, 十一 … 十九, 二十, 二十一 …
 * 九十九. Headings of documents never reach a hundred; past 99 the Arabic digits are
 * returned, which is what a reader would expect rather than a wrong character.
 *
 * Returns: (transfer full): the numeral
 */
char *
xa_chinese_numeral (guint n)
{
  static const char * const digits[] = {
    "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九",
  };
  GString *numeral;

  if (n == 0 || n > 99)
    return g_strdup_printf ("%u", n);

  numeral = g_string_new (NULL);

  /* 十 alone stands for 10 to 19 ("十一", not "一十一"), as in every heading. */
  if (n >= 20)
    g_string_append (numeral, digits[n / 10]);
  if (n >= 10)
    g_string_append (numeral, "十");
  if (n % 10 != 0)
    g_string_append (numeral, digits[n % 10]);

  return g_string_free (numeral, FALSE);
}

/**
 * xa_clause_kind_to_label:
 *
 * Returns: what a kind of clause is called, for people
 */
const char *
xa_clause_kind_to_label (XaClauseKind kind)
{
  switch (kind)
    {
    case XA_CLAUSE_KIND_TITLE:
      /* Translators: the kind of clause, a document's title (标题), not a person's. */
      return C_("clause kind", "Title");
    case XA_CLAUSE_KIND_PREAMBLE:
      return _("Preamble");
    case XA_CLAUSE_KIND_SECTION:
      return _("Section");
    case XA_CLAUSE_KIND_PARAGRAPH:
      return _("Paragraph");
    case XA_CLAUSE_KIND_ITEM:
      return _("Item");
    case XA_CLAUSE_KIND_LIST:
      return _("Point");
    case XA_CLAUSE_KIND_SUBLIST:
      return _("Sub-point");
    case XA_CLAUSE_KIND_CLOSING:
      return _("Closing clause");
    default:
      return "";
    }
}

/**
 * xa_clause_describe:
 * @number: (nullable): the clause's number
 * @heading: (nullable): its heading
 * @text: (nullable): its text
 *
 * How a person knows a clause, in messages: its number and the start of its heading or
 * text ("（三）校园欺凌防治…"), or its number and kind when it has no words yet
 * ("五、（章节）"). Never its id, which nobody sees.
 *
 * Returns: (transfer full): the description
 */
char *
xa_clause_describe (XaClauseKind  kind,
                    const char   *number,
                    const char   *heading,
                    const char   *text)
{
  const char *words = !xa_text_is_blank (heading) ? heading : text;
  g_autofree char *start = NULL;

  if (number == NULL || xa_text_is_blank (number))
    number = "";

  if (xa_text_is_blank (words))
    return g_strdup_printf ("%s（%s）", number, xa_clause_kind_to_label (kind));

  start = g_utf8_substring (words, 0, MIN (g_utf8_strlen (words, -1), 16));
  g_strdelimit (start, "\n", ' ');
  return g_strdup_printf ("%s%s%s", number, start, g_utf8_strlen (words, -1) > 16 ? "…" : "");
}

/**
 * xa_clause_kind_get_default_numbering:
 *
 * Returns: the standard numbering style of @kind's level (reference/domain.md §4.1):
 *   "一、", "（一）" (full-width brackets), "1." or "①"; "" for kinds without a number
 */
const char *
xa_clause_kind_get_default_numbering (XaClauseKind kind)
{
  switch (kind)
    {
    case XA_CLAUSE_KIND_SECTION:
      return "一、";
    case XA_CLAUSE_KIND_ITEM:
      return "（一）";
    case XA_CLAUSE_KIND_LIST:
      return "1.";
    case XA_CLAUSE_KIND_SUBLIST:
      return "①";
    case XA_CLAUSE_KIND_TITLE:
    case XA_CLAUSE_KIND_PREAMBLE:
    case XA_CLAUSE_KIND_PARAGRAPH:
    case XA_CLAUSE_KIND_CLOSING:
    default:
      return "";
    }
}

/**
 * xa_clause_kind_format_number:
 * @position: the clause's place among its numbered siblings, from 1
 *
 * Returns: (transfer full): the number of a clause of @kind in its level's standard
 *   style (xa_clause_kind_get_default_numbering()); "" for kinds without a number
 */
char *
xa_clause_kind_format_number (XaClauseKind kind,
                              guint        position)
{
  g_return_val_if_fail (position > 0, NULL);

  if (!xa_clause_kind_is_numbered (kind))
    return g_strdup ("");

  return xa_text_outline_format_number (xa_clause_kind_get_default_numbering (kind), position);
}
