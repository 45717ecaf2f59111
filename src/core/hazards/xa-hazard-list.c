/* xa-hazard-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ledger as a list model for a GtkColumnView, at a million hazards: the list knows
 * its count and asks XaHazardBook for the page a position falls in when a view asks for
 * it (GListModel's get_item is synchronous; a page is an indexed query, see
 * xa-hazard-book-query.c). At most XA_HAZARD_LIST_MAX_PAGES pages are kept, the least
 * recently used dropped first, so memory stays the same however far one scrolls.
 */

#include "config.h"

#include "xa-hazard-list.h"
#include "xa-hazard-private.h"

typedef struct
{
  GPtrArray *hazards;
  guint64    used;      /* when it was last read from, for the cache to drop the oldest */
} Page;

struct _XaHazardList
{
  GObject         parent_instance;

  /* Owned references */
  XaHazardBook   *book;

  /* The filter, its strings owned by the list */
  XaHazardFilter  filter;
  XaHazardSort    sort;
  gboolean        descending;

  guint           n_items;
  GHashTable     *pages;      /* page number → Page */
  guint64         clock;
  guint           n_reads;
  GError         *error;
};

static void xa_hazard_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (XaHazardList, xa_hazard_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, xa_hazard_list_model_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
page_free (Page *page)
{
  g_ptr_array_unref (page->hazards);
  g_free (page);
}

static void
filter_clear (XaHazardFilter *filter)
{
  g_free ((char *) filter->school_uuid);
  g_free ((char *) filter->today);
  g_free ((char *) filter->responsible);
  g_free ((char *) filter->search);
}

static void
filter_copy (XaHazardFilter       *to,
             const XaHazardFilter *from)
{
  *to = *from;
  to->school_uuid = g_strdup (from->school_uuid);
  to->today = g_strdup (from->today);
  to->responsible = g_strdup (from->responsible);
  to->search = g_strdup (from->search);
}

static void
set_error (XaHazardList *self,
           GError       *error)
{
  if (error != NULL)
    g_warning ("Cannot read the hazard ledger: %s", error->message);
  g_clear_error (&self->error);
  self->error = error;
}

static guint
count (XaHazardList *self)
{
  GError *error = NULL;
  guint n = 0;

  if (!xa_hazard_book_count (self->book, &self->filter, &n, &error))
    n = 0;
  set_error (self, error);
  return n;
}

static GPtrArray *
read_page (XaHazardList *self,
           guint         number)
{
  GError *error = NULL;
  GPtrArray *hazards;

  self->n_reads++;
  hazards = xa_hazard_book_read_page (self->book, &self->filter, self->sort, self->descending,
                                      number * XA_HAZARD_LIST_PAGE_SIZE, XA_HAZARD_LIST_PAGE_SIZE,
                                      &error);
  set_error (self, error);
  return hazards;
}

static void
drop_oldest_page (XaHazardList *self)
{
  GHashTableIter iter;
  gpointer key, value;
  gpointer oldest = NULL;
  guint64 oldest_used = G_MAXUINT64;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Page *page = value;

      if (page->used < oldest_used)
        {
          oldest_used = page->used;
          oldest = key;
        }
    }

  g_hash_table_remove (self->pages, oldest);
}

static Page *
get_page (XaHazardList *self,
          guint         number)
{
  Page *page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (number));
  GPtrArray *hazards;

  if (page == NULL)
    {
      if (!(hazards = read_page (self, number)))
        return NULL;

      if (g_hash_table_size (self->pages) >= XA_HAZARD_LIST_MAX_PAGES)
        drop_oldest_page (self);

      page = g_new0 (Page, 1);
      page->hazards = hazards;
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (number), page);
    }

  page->used = ++self->clock;
  return page;
}

/* GListModel */

static GType
xa_hazard_list_get_item_type (GListModel *model)
{
  return XA_TYPE_HAZARD;
}

static guint
xa_hazard_list_get_n_items (GListModel *model)
{
  return XA_HAZARD_LIST (model)->n_items;
}

static gpointer
xa_hazard_list_get_item (GListModel *model,
                         guint       position)
{
  XaHazardList *self = XA_HAZARD_LIST (model);
  guint offset = position % XA_HAZARD_LIST_PAGE_SIZE;
  Page *page;

  if (position >= self->n_items)
    return NULL;

  page = get_page (self, position / XA_HAZARD_LIST_PAGE_SIZE);
  if (page == NULL || offset >= page->hazards->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (page->hazards, offset));
}

static void
xa_hazard_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = xa_hazard_list_get_item_type;
  iface->get_n_items = xa_hazard_list_get_n_items;
  iface->get_item = xa_hazard_list_get_item;
}

/* Changes */

/* Tells the views that from @first on everything may have changed, the count now
 * @n_items, and forgets the pages from there. */
static void
changed_from (XaHazardList *self,
              guint         first,
              guint         n_items)
{
  guint old_n = self->n_items;
  GHashTableIter iter;
  gpointer key;

  first = MIN (first, MIN (old_n, n_items));
  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if ((GPOINTER_TO_UINT (key) + 1) * XA_HAZARD_LIST_PAGE_SIZE > first)
        g_hash_table_iter_remove (&iter);
    }

  self->n_items = n_items;
  if (old_n > first || n_items > first)
    g_list_model_items_changed (G_LIST_MODEL (self), first, old_n - first, n_items - first);
  if (old_n != n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static int
compare_page_numbers (gconstpointer a,
                      gconstpointer b)
{
  guint first = GPOINTER_TO_UINT (*(gpointer const *) a);
  guint second = GPOINTER_TO_UINT (*(gpointer const *) b);

  return first < second ? -1 : first > second;
}

/* Re-reads the pages held, in order, and gives their hazards the stored values. Where
 * a page holds other hazards than before, or (when the count changed) at the first
 * position no page covers, the list changed from there on. */
static void
follow_store (XaHazardList *self)
{
  g_autofree gpointer *numbers = NULL;
  guint n_numbers = 0;
  guint n_items = count (self);
  guint first_changed = G_MAXUINT;
  guint covered = 0;   /* positions from 0 that a page held covers */
  g_autoptr(GArray) updated = g_array_new (FALSE, FALSE, sizeof (guint));

  if (self->error != NULL)
    {
      changed_from (self, 0, 0);
      return;
    }

  numbers = g_hash_table_get_keys_as_array (self->pages, &n_numbers);
  qsort (numbers, n_numbers, sizeof (gpointer), compare_page_numbers);

  for (guint i = 0; i < n_numbers && first_changed == G_MAXUINT; i++)
    {
      guint number = GPOINTER_TO_UINT (numbers[i]);
      guint start = number * XA_HAZARD_LIST_PAGE_SIZE;
      Page *page = g_hash_table_lookup (self->pages, numbers[i]);
      g_autoptr(GPtrArray) fresh = NULL;

      if (start == covered)
        covered = start + XA_HAZARD_LIST_PAGE_SIZE;

      if (!(fresh = read_page (self, number)))
        {
          first_changed = 0;
          break;
        }

      for (guint j = 0; j < MAX (fresh->len, page->hazards->len); j++)
        {
          XaHazard *old = j < page->hazards->len ? g_ptr_array_index (page->hazards, j) : NULL;
          XaHazard *new = j < fresh->len ? g_ptr_array_index (fresh, j) : NULL;

          if (old == NULL || new == NULL || !g_str_equal (xa_hazard_get_uuid (old), xa_hazard_get_uuid (new)))
            {
              first_changed = start + j;
              break;
            }

          if (_xa_hazard_get_row_version (old) != _xa_hazard_get_row_version (new))
            {
              guint position = start + j;

              _xa_hazard_assign (old, new);
              g_array_append_val (updated, position);
            }
        }
    }

  if (first_changed == G_MAXUINT && n_items != self->n_items)
    first_changed = MIN (covered, MIN (n_items, self->n_items));

  /* The same objects at the same places, with new values: each one's row is told. */
  for (guint i = 0; i < updated->len; i++)
    {
      guint position = g_array_index (updated, guint, i);

      if (position < first_changed)
        g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
    }

  if (first_changed != G_MAXUINT)
    changed_from (self, first_changed, n_items);
}

static void
records_changed_cb (XaHazardList        *self,
                    const char          *kind,
                    const char * const  *uuids,
                    XaStore             *store)
{
  follow_store (self);
}

/* The object */

static void
xa_hazard_list_dispose (GObject *object)
{
  XaHazardList *self = XA_HAZARD_LIST (object);

  g_clear_object (&self->book);

  G_OBJECT_CLASS (xa_hazard_list_parent_class)->dispose (object);
}

static void
xa_hazard_list_finalize (GObject *object)
{
  XaHazardList *self = XA_HAZARD_LIST (object);

  filter_clear (&self->filter);
  g_hash_table_unref (self->pages);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (xa_hazard_list_parent_class)->finalize (object);
}

static void
xa_hazard_list_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  XaHazardList *self = XA_HAZARD_LIST (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_hazard_list_class_init (XaHazardListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = xa_hazard_list_dispose;
  object_class->finalize = xa_hazard_list_finalize;
  object_class->get_property = xa_hazard_list_get_property;

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xa_hazard_list_init (XaHazardList *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) page_free);
  xa_hazard_filter_init (&self->filter);
}

/**
 * xa_hazard_list_new:
 * @filter: (nullable): which hazards; %NULL for all that the login may read
 *
 * Counts the hazards; their pages are read when asked for.
 *
 * Returns: (transfer full): the list
 */
XaHazardList *
xa_hazard_list_new (XaHazardBook          *book,
                    const XaHazardFilter  *filter,
                    XaHazardSort           sort,
                    gboolean               descending)
{
  XaHazardList *self;

  g_return_val_if_fail (XA_IS_HAZARD_BOOK (book), NULL);

  self = g_object_new (XA_TYPE_HAZARD_LIST, NULL);
  self->book = g_object_ref (book);
  if (filter != NULL)
    filter_copy (&self->filter, filter);
  self->sort = sort;
  self->descending = descending;
  self->n_items = count (self);

  g_signal_connect_object (xa_hazard_book_get_store (book), "records-changed::hazard",
                           G_CALLBACK (records_changed_cb), self, G_CONNECT_SWAPPED);
  return self;
}

/**
 * xa_hazard_list_get_book:
 *
 * Returns: (transfer none): the book the list reads
 */
XaHazardBook *
xa_hazard_list_get_book (XaHazardList *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_LIST (self), NULL);
  return self->book;
}

/**
 * xa_hazard_list_get_filter:
 *
 * Returns: (transfer none): the filter, valid until it is set again
 */
const XaHazardFilter *
xa_hazard_list_get_filter (XaHazardList *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_LIST (self), NULL);
  return &self->filter;
}

/**
 * xa_hazard_list_refresh:
 *
 * Counts again and drops every page: the list changes as a whole. For a filter whose
 * meaning moves with the day (overdue without a fixed date) and after a setter.
 */
void
xa_hazard_list_refresh (XaHazardList *self)
{
  g_return_if_fail (XA_IS_HAZARD_LIST (self));

  changed_from (self, 0, count (self));
}

/**
 * xa_hazard_list_set_filter:
 * @filter: (nullable): the new filter; %NULL for all hazards
 */
void
xa_hazard_list_set_filter (XaHazardList          *self,
                           const XaHazardFilter  *filter)
{
  XaHazardFilter all;

  g_return_if_fail (XA_IS_HAZARD_LIST (self));

  if (filter == NULL)
    {
      xa_hazard_filter_init (&all);
      filter = &all;
    }

  filter_clear (&self->filter);
  filter_copy (&self->filter, filter);
  xa_hazard_list_refresh (self);
}

/**
 * xa_hazard_list_get_sort:
 * @descending: (out) (optional): whether the order is reversed
 */
XaHazardSort
xa_hazard_list_get_sort (XaHazardList *self,
                         gboolean     *descending)
{
  g_return_val_if_fail (XA_IS_HAZARD_LIST (self), XA_HAZARD_SORT_NUMBER);

  if (descending != NULL)
    *descending = self->descending;
  return self->sort;
}

void
xa_hazard_list_set_sort (XaHazardList *self,
                         XaHazardSort  sort,
                         gboolean      descending)
{
  g_return_if_fail (XA_IS_HAZARD_LIST (self));

  if (self->sort == sort && self->descending == !!descending)
    return;

  self->sort = sort;
  self->descending = !!descending;
  xa_hazard_list_refresh (self);
}

/**
 * xa_hazard_list_get_error:
 *
 * Returns: (nullable): why the last read failed, or %NULL when it did not; the list
 *   is empty then
 */
const GError *
xa_hazard_list_get_error (XaHazardList *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_LIST (self), NULL);
  return self->error;
}

/**
 * xa_hazard_list_get_n_reads:
 *
 * Returns: how many pages the list has read from the store, for the tests to see that
 *   it reads only what is asked for
 */
guint
xa_hazard_list_get_n_reads (XaHazardList *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_LIST (self), 0);
  return self->n_reads;
}
