/* xa-hazard-selection.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one hazard chosen in the ledger's table, over the book's paged list. It does what
 * GtkSingleSelection does but for one thing: when the list changes around the hazard
 * chosen, GtkSingleSelection (GTK 4.8) looks for it among every item the change added,
 * one g_list_model_get_item() each, and the paged list tells a new filter, or a hazard
 * recorded at the top, as a change of all that follows: it read the whole ledger, a
 * page at a time, a million hazards at a district. This looks at the one position the
 * hazard was at, which the list re-reads in place when the hazard stayed there, and
 * otherwise lets it go (the detail keeps showing it).
 */

#include "config.h"

#include "xa-hazard-selection.h"

struct _XaHazardSelection
{
  GObject     parent_instance;

  /* Owned references */
  GListModel *model;
  XaHazard   *selected_item;
  char       *selected_uuid;

  /* State */
  guint       selected;
};

static void xa_hazard_selection_list_init      (GListModelInterface        *iface);
static void xa_hazard_selection_selection_init (GtkSelectionModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (XaHazardSelection, xa_hazard_selection, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, xa_hazard_selection_list_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL, xa_hazard_selection_selection_init))

enum {
  PROP_0,
  PROP_SELECTED,
  PROP_SELECTED_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
notify_selected (XaHazardSelection *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ITEM]);
}

static void
forget (XaHazardSelection *self)
{
  self->selected = GTK_INVALID_LIST_POSITION;
  g_clear_object (&self->selected_item);
  g_clear_pointer (&self->selected_uuid, g_free);
}

/* The hazard chosen was in the range that changed: it is kept when the list holds it at
 * the same place now (re-read, as after a step), else let go. */
static void
items_changed_cb (XaHazardSelection *self,
                  guint              position,
                  guint              removed,
                  guint              added,
                  GListModel        *model)
{
  gboolean was_selected = self->selected != GTK_INVALID_LIST_POSITION;
  gboolean changed = FALSE;

  if (!was_selected || self->selected < position)
    ;
  else if (self->selected >= position + removed)
    {
      changed = added != removed;
      self->selected = self->selected + added - removed;
    }
  else
    {
      g_autoptr(XaHazard) now = self->selected < position + added
                                ? g_list_model_get_item (model, self->selected) : NULL;

      /* The same hazard at the same place, read again: nothing was chosen anew. */
      if (now != NULL && g_strcmp0 (xa_hazard_get_uuid (now), self->selected_uuid) == 0)
        g_set_object (&self->selected_item, now);
      else
        {
          forget (self);
          changed = TRUE;
        }
    }

  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (changed)
    notify_selected (self);
}

static void
xa_hazard_selection_dispose (GObject *object)
{
  XaHazardSelection *self = XA_HAZARD_SELECTION (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
  g_clear_object (&self->model);
  forget (self);

  G_OBJECT_CLASS (xa_hazard_selection_parent_class)->dispose (object);
}

static void
xa_hazard_selection_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  XaHazardSelection *self = XA_HAZARD_SELECTION (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_uint (value, self->selected);
      break;

    case PROP_SELECTED_ITEM:
      g_value_set_object (value, self->selected_item);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_hazard_selection_class_init (XaHazardSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = xa_hazard_selection_dispose;
  object_class->get_property = xa_hazard_selection_get_property;

  properties[PROP_SELECTED] =
    g_param_spec_uint ("selected", NULL, NULL, 0, G_MAXUINT, GTK_INVALID_LIST_POSITION,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SELECTED_ITEM] =
    g_param_spec_object ("selected-item", NULL, NULL, XA_TYPE_HAZARD,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xa_hazard_selection_init (XaHazardSelection *self)
{
  self->selected = GTK_INVALID_LIST_POSITION;
}

/* GListModel: the hazards themselves. */

static GType
xa_hazard_selection_get_item_type (GListModel *list)
{
  return XA_TYPE_HAZARD;
}

static guint
xa_hazard_selection_get_n_items (GListModel *list)
{
  return g_list_model_get_n_items (XA_HAZARD_SELECTION (list)->model);
}

static gpointer
xa_hazard_selection_get_item (GListModel *list,
                              guint       position)
{
  return g_list_model_get_item (XA_HAZARD_SELECTION (list)->model, position);
}

static void
xa_hazard_selection_list_init (GListModelInterface *iface)
{
  iface->get_item_type = xa_hazard_selection_get_item_type;
  iface->get_n_items = xa_hazard_selection_get_n_items;
  iface->get_item = xa_hazard_selection_get_item;
}

/* GtkSelectionModel: one position or none. */

static gboolean
xa_hazard_selection_is_selected (GtkSelectionModel *model,
                                 guint              position)
{
  return XA_HAZARD_SELECTION (model)->selected == position;
}

/* The default asks is_selected() of every position: a million calls for the whole list. */
static GtkBitset *
xa_hazard_selection_get_selection_in_range (GtkSelectionModel *model,
                                            guint              position,
                                            guint              n_items)
{
  XaHazardSelection *self = XA_HAZARD_SELECTION (model);
  GtkBitset *bitset = gtk_bitset_new_empty ();

  if (self->selected != GTK_INVALID_LIST_POSITION &&
      self->selected >= position && self->selected - position < n_items)
    gtk_bitset_add (bitset, self->selected);

  return bitset;
}

static gboolean
xa_hazard_selection_select_item (GtkSelectionModel *model,
                                 guint              position,
                                 gboolean           unselect_rest)
{
  xa_hazard_selection_set_selected (XA_HAZARD_SELECTION (model), position);
  return TRUE;
}

static gboolean
xa_hazard_selection_unselect_item (GtkSelectionModel *model,
                                   guint              position)
{
  XaHazardSelection *self = XA_HAZARD_SELECTION (model);

  if (self->selected == position)
    xa_hazard_selection_set_selected (self, GTK_INVALID_LIST_POSITION);
  return TRUE;
}

static gboolean
xa_hazard_selection_unselect_all (GtkSelectionModel *model)
{
  xa_hazard_selection_set_selected (XA_HAZARD_SELECTION (model), GTK_INVALID_LIST_POSITION);
  return TRUE;
}

static void
xa_hazard_selection_selection_init (GtkSelectionModelInterface *iface)
{
  iface->is_selected = xa_hazard_selection_is_selected;
  iface->get_selection_in_range = xa_hazard_selection_get_selection_in_range;
  iface->select_item = xa_hazard_selection_select_item;
  iface->unselect_item = xa_hazard_selection_unselect_item;
  iface->unselect_all = xa_hazard_selection_unselect_all;
}

/**
 * xa_hazard_selection_new:
 * @hazards: a #GListModel of #XaHazard
 *
 * Returns: (transfer full): a selection of none of @hazards yet
 */
XaHazardSelection *
xa_hazard_selection_new (GListModel *hazards)
{
  XaHazardSelection *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (hazards), NULL);

  self = g_object_new (XA_TYPE_HAZARD_SELECTION, NULL);
  self->model = g_object_ref (hazards);
  g_signal_connect_swapped (hazards, "items-changed", G_CALLBACK (items_changed_cb), self);
  return self;
}

/**
 * xa_hazard_selection_get_model:
 *
 * Returns: (transfer none): the hazards chosen from
 */
GListModel *
xa_hazard_selection_get_model (XaHazardSelection *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_SELECTION (self), NULL);

  return self->model;
}

/**
 * xa_hazard_selection_get_selected:
 *
 * Returns: the position of the hazard chosen, or %GTK_INVALID_LIST_POSITION
 */
guint
xa_hazard_selection_get_selected (XaHazardSelection *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_SELECTION (self), GTK_INVALID_LIST_POSITION);

  return self->selected;
}

/**
 * xa_hazard_selection_set_selected:
 * @position: a position, or %GTK_INVALID_LIST_POSITION (or one past the end) for none
 */
void
xa_hazard_selection_set_selected (XaHazardSelection *self,
                                  guint              position)
{
  g_autoptr(XaHazard) item = NULL;
  guint old;

  g_return_if_fail (XA_IS_HAZARD_SELECTION (self));

  if (position != GTK_INVALID_LIST_POSITION)
    item = g_list_model_get_item (self->model, position);
  if (item == NULL)
    position = GTK_INVALID_LIST_POSITION;
  if (position == self->selected)
    return;

  old = self->selected;
  forget (self);
  self->selected = position;
  if (item != NULL)
    {
      self->selected_item = g_steal_pointer (&item);
      self->selected_uuid = g_strdup (xa_hazard_get_uuid (self->selected_item));
    }

  if (old != GTK_INVALID_LIST_POSITION)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), old, 1);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), position, 1);
  notify_selected (self);
}

/**
 * xa_hazard_selection_get_selected_item:
 *
 * Returns: (transfer none) (nullable): the hazard chosen
 */
XaHazard *
xa_hazard_selection_get_selected_item (XaHazardSelection *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_SELECTION (self), NULL);

  return self->selected_item;
}
