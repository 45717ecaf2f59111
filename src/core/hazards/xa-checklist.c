/* xa-checklist.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The checklist of one area (reference/domain.md §3.4 检查部位/项目 and 检查内容/标准). The
 * JSON form is one object of data/inspections/checklists.json, which is also how the
 * store keeps a checklist the commission changed, so that both are read by one parser
 * that refuses, with the member named, what is not a checklist.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xa-checklist.h"
#include "core/util/xa-glib-compat.h"
#include "core/util/xa-json.h"
#include "core/util/xa-text.h"

#define DEFAULTS_RESOURCE "/io/github/xiaoan/Xiaoan/inspections/checklists.json"
#define MAX_AREA_CHARS 40
#define MAX_NAME_CHARS 20
#define MAX_PLACE_CHARS 100
#define MAX_TEXT_CHARS 200

typedef struct
{
  char             *text;
  XaHazardCategory  category;
} Item;

struct _XaChecklist
{
  GObject           parent_instance;

  char             *area;
  char             *name;
  char             *place;
  XaHazardCategory  category;
  GArray           *items;  /* Item */
  gboolean          is_default;
};

G_DEFINE_FINAL_TYPE (XaChecklist, xa_checklist, G_TYPE_OBJECT)

G_DEFINE_QUARK (xa-checklist-error-quark, xa_checklist_error)

static void
clear_item (gpointer data)
{
  Item *item = data;

  g_free (item->text);
}

static void
xa_checklist_finalize (GObject *object)
{
  XaChecklist *self = XA_CHECKLIST (object);

  g_free (self->area);
  g_free (self->name);
  g_free (self->place);
  g_array_unref (self->items);

  G_OBJECT_CLASS (xa_checklist_parent_class)->finalize (object);
}

static void
xa_checklist_class_init (XaChecklistClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = xa_checklist_finalize;
}

static void
xa_checklist_init (XaChecklist *self)
{
  self->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (self->items, clear_item);
  self->place = g_strdup ("");
  self->category = XA_HAZARD_CATEGORY_OTHER;
}

/**
 * xa_checklist_new:
 * @area: the area's key, such as "fire"; it never changes
 * @name: the area as people name it, such as 消防
 *
 * Returns: (transfer full): a checklist without items
 */
XaChecklist *
xa_checklist_new (const char *area,
                  const char *name)
{
  XaChecklist *self = g_object_new (XA_TYPE_CHECKLIST, NULL);

  self->area = g_strdup (area != NULL ? area : "");
  self->name = g_strdup (name != NULL ? name : "");
  return self;
}

/**
 * xa_checklist_copy:
 *
 * Returns: (transfer full): a checklist with the same area, name, place and items
 */
XaChecklist *
xa_checklist_copy (XaChecklist *self)
{
  XaChecklist *copy;

  g_return_val_if_fail (XA_IS_CHECKLIST (self), NULL);

  copy = xa_checklist_new (self->area, self->name);
  xa_checklist_set_place (copy, self->place);
  copy->category = self->category;
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);

      xa_checklist_append_item (copy, item->text, item->category);
    }
  copy->is_default = self->is_default;
  return copy;
}

const char *
xa_checklist_get_area (XaChecklist *self)
{
  g_return_val_if_fail (XA_IS_CHECKLIST (self), NULL);
  return self->area;
}

const char *
xa_checklist_get_name (XaChecklist *self)
{
  g_return_val_if_fail (XA_IS_CHECKLIST (self), NULL);
  return self->name;
}

void
xa_checklist_set_name (XaChecklist *self,
                       const char  *name)
{
  g_return_if_fail (XA_IS_CHECKLIST (self));
  g_set_str_compat (&self->name, name != NULL ? name : "");
  self->is_default = FALSE;
}

const char *
xa_checklist_get_place (XaChecklist *self)
{
  g_return_val_if_fail (XA_IS_CHECKLIST (self), NULL);
  return self->place;
}

void
xa_checklist_set_place (XaChecklist *self,
                        const char  *place)
{
  g_return_if_fail (XA_IS_CHECKLIST (self));
  g_set_str_compat (&self->place, place != NULL ? place : "");
  self->is_default = FALSE;
}

XaHazardCategory
xa_checklist_get_category (XaChecklist *self)
{
  g_return_val_if_fail (XA_IS_CHECKLIST (self), XA_HAZARD_CATEGORY_OTHER);
  return self->category;
}

void
xa_checklist_set_category (XaChecklist      *self,
                           XaHazardCategory  category)
{
  g_return_if_fail (XA_IS_CHECKLIST (self));
  g_return_if_fail (category < XA_N_HAZARD_CATEGORIES);
  self->category = category;
  self->is_default = FALSE;
}

guint
xa_checklist_get_n_items (XaChecklist *self)
{
  g_return_val_if_fail (XA_IS_CHECKLIST (self), 0);
  return self->items->len;
}

const char *
xa_checklist_get_item_text (XaChecklist *self,
                            guint        index)
{
  g_return_val_if_fail (XA_IS_CHECKLIST (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);
  return g_array_index (self->items, Item, index).text;
}

XaHazardCategory
xa_checklist_get_item_category (XaChecklist *self,
                                guint        index)
{
  g_return_val_if_fail (XA_IS_CHECKLIST (self), XA_HAZARD_CATEGORY_OTHER);
  g_return_val_if_fail (index < self->items->len, XA_HAZARD_CATEGORY_OTHER);
  return g_array_index (self->items, Item, index).category;
}

/**
 * xa_checklist_append_item:
 * @text: what is checked, one line
 * @category: the hazard category of an abnormal finding, usually the checklist's
 */
void
xa_checklist_append_item (XaChecklist      *self,
                          const char       *text,
                          XaHazardCategory  category)
{
  Item item = { g_strdup (text != NULL ? text : ""), category };

  g_return_if_fail (XA_IS_CHECKLIST (self));
  g_return_if_fail (category < XA_N_HAZARD_CATEGORIES);

  g_array_append_val (self->items, item);
  self->is_default = FALSE;
}

void
xa_checklist_clear_items (XaChecklist *self)
{
  g_return_if_fail (XA_IS_CHECKLIST (self));
  g_array_set_size (self->items, 0);
  self->is_default = FALSE;
}

/**
 * xa_checklist_get_is_default:
 *
 * Returns: whether the checklist is the one that ships with the program, as
 *   xa_checklist_dup_defaults() read it and nobody changed it since; a checklist the
 *   commission stored is not, even when it reads the same
 */
gboolean
xa_checklist_get_is_default (XaChecklist *self)
{
  g_return_val_if_fail (XA_IS_CHECKLIST (self), FALSE);
  return self->is_default;
}

static gboolean
is_area_key (const char *area)
{
  gsize length = strlen (area);

  return length >= 1 && length <= MAX_AREA_CHARS && g_ascii_islower (area[0]) &&
         strspn (area, "abcdefghijklmnopqrstuvwxyz0123456789-") == length;
}

/**
 * xa_checklist_validate:
 *
 * Returns: %TRUE when the checklist may be stored: an area key of lower-case letters,
 *   digits and "-", a name, and 1 to %XA_CHECKLIST_MAX_ITEMS lines of what is checked
 */
gboolean
xa_checklist_validate (XaChecklist  *self,
                       GError      **error)
{
  g_return_val_if_fail (XA_IS_CHECKLIST (self), FALSE);

  if (!is_area_key (self->area))
    {
      g_set_error (error, XA_CHECKLIST_ERROR, XA_CHECKLIST_ERROR_INVALID,
                   /* Translators: %s is what was given as a checklist's key */
                   _("“%s” cannot be a checklist’s key: use lower-case letters, digits and -, starting with a letter, up to 40 characters"),
                   self->area);
      return FALSE;
    }

  if (!xa_text_check (self->name, _("Checklist name"), XA_TEXT_REQUIRED, MAX_NAME_CHARS,
                      XA_CHECKLIST_ERROR, XA_CHECKLIST_ERROR_INVALID, error) ||
      !xa_text_check (self->place, _("Default place"), XA_TEXT_OPTIONAL, MAX_PLACE_CHARS,
                      XA_CHECKLIST_ERROR, XA_CHECKLIST_ERROR_INVALID, error))
    return FALSE;

  if (self->items->len == 0 || self->items->len > XA_CHECKLIST_MAX_ITEMS)
    {
      g_set_error (error, XA_CHECKLIST_ERROR, XA_CHECKLIST_ERROR_INVALID,
                   /* Translators: %s is a checklist's name such as 消防, then the limit */
                   _("Checklist “%s” needs from 1 to %d items"), self->name, XA_CHECKLIST_MAX_ITEMS);
      return FALSE;
    }

  for (guint i = 0; i < self->items->len; i++)
    {
      g_autofree char *label = g_strdup_printf (_("Checklist “%s”, item %u"), self->name, i + 1);

      if (!xa_text_check (g_array_index (self->items, Item, i).text, label, XA_TEXT_REQUIRED,
                          MAX_TEXT_CHARS, XA_CHECKLIST_ERROR, XA_CHECKLIST_ERROR_INVALID, error))
        return FALSE;
    }

  return TRUE;
}

/* JSON */

JsonNode *
xa_checklist_to_json (XaChecklist *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (XA_IS_CHECKLIST (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "area");
  json_builder_add_string_value (builder, self->area);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, self->name);
  json_builder_set_member_name (builder, "place");
  json_builder_add_string_value (builder, self->place);
  json_builder_set_member_name (builder, "category");
  json_builder_add_string_value (builder, xa_hazard_category_to_key (self->category));
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, item->text);
      if (item->category != self->category)
        {
          json_builder_set_member_name (builder, "category");
          json_builder_add_string_value (builder, xa_hazard_category_to_key (item->category));
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gboolean
invalid (GError     **error,
         const char  *where,
         const char  *member)
{
  g_set_error (error, XA_CHECKLIST_ERROR, XA_CHECKLIST_ERROR_INVALID,
               /* Translators: where in the file (a checklist, maybe an item), then a member's name */
               _("%s: “%s” is missing or not what it should be"), where, member);
  return FALSE;
}

/* A string member, or FALSE when it is there and not a string; @fallback when absent. */
static gboolean
read_string (JsonObject  *object,
             const char  *member,
             const char  *fallback,
             const char **value)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    {
      *value = fallback;
      return fallback != NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;

  *value = json_node_get_string (node);
  return TRUE;
}

static gboolean
read_category (JsonObject       *object,
               XaHazardCategory  fallback,
               XaHazardCategory *category)
{
  const char *key = NULL;

  if (!json_object_has_member (object, "category"))
    {
      *category = fallback;
      return TRUE;
    }

  return read_string (object, "category", NULL, &key) &&
         xa_hazard_category_from_key (key, category);
}

/**
 * xa_checklist_from_json:
 * @node: one checklist, as xa_checklist_to_json() writes it
 *
 * Returns: (transfer full): the checklist, validated, or %NULL with
 *   %XA_CHECKLIST_ERROR_INVALID naming the checklist, the item and the member at fault
 */
XaChecklist *
xa_checklist_from_json (JsonNode  *node,
                        GError   **error)
{
  g_autoptr(XaChecklist) self = NULL;
  g_autofree char *where = NULL;
  JsonObject *object;
  JsonArray *items;
  const char *area = NULL;
  const char *name = NULL;
  const char *place = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, XA_CHECKLIST_ERROR, XA_CHECKLIST_ERROR_INVALID,
                           _("A checklist must be a JSON object"));
      return NULL;
    }

  object = json_node_get_object (node);
  if (!read_string (object, "area", NULL, &area))
    return invalid (error, _("Checklist"), "area"), NULL;

  where = g_strdup_printf (_("Checklist “%s”"), area);
  if (!read_string (object, "name", NULL, &name))
    return invalid (error, where, "name"), NULL;
  if (!read_string (object, "place", "", &place))
    return invalid (error, where, "place"), NULL;

  self = xa_checklist_new (area, name);
  xa_checklist_set_place (self, place);
  if (!read_category (object, XA_HAZARD_CATEGORY_OTHER, &self->category))
    return invalid (error, where, "category"), NULL;

  if (!json_object_has_member (object, "items") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "items")))
    return invalid (error, where, "items"), NULL;

  items = json_object_get_array_member (object, "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *item_node = json_array_get_element (items, i);
      g_autofree char *item_where = g_strdup_printf (_("Checklist “%s”, item %u"), area, i + 1);
      XaHazardCategory category;
      const char *text = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (item_node) ||
          !read_string (json_node_get_object (item_node), "text", NULL, &text))
        return invalid (error, item_where, "text"), NULL;
      if (!read_category (json_node_get_object (item_node), self->category, &category))
        return invalid (error, item_where, "category"), NULL;

      xa_checklist_append_item (self, text, category);
    }

  if (!xa_checklist_validate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * xa_checklist_dup_defaults:
 *
 * Returns: (transfer full) (element-type XaChecklist): the checklists that ship with
 *   the program, in their order, or %NULL with @error set
 */
GPtrArray *
xa_checklist_dup_defaults (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) checklists = g_ptr_array_new_with_free_func (g_object_unref);
  JsonArray *array;
  gsize length = 0;
  const char *data;

  if (!(bytes = g_resources_lookup_data (DEFAULTS_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error)))
    return NULL;

  data = g_bytes_get_data (bytes, &length);
  if (!(root = xa_json_parse (data, length, error)))
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_has_member (json_node_get_object (root), "checklists") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (root), "checklists")))
    {
      g_set_error_literal (error, XA_CHECKLIST_ERROR, XA_CHECKLIST_ERROR_INVALID,
                           "checklists.json: no list of checklists");
      return NULL;
    }

  array = json_object_get_array_member (json_node_get_object (root), "checklists");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      XaChecklist *checklist = xa_checklist_from_json (json_array_get_element (array, i), error);

      if (checklist == NULL)
        return NULL;
      checklist->is_default = TRUE;
      g_ptr_array_add (checklists, checklist);
    }

  return g_steal_pointer (&checklists);
}
