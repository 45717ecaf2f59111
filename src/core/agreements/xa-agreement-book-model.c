/* xa-agreement-book-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The agreement book's live list of a school year's current agreements, following the
 * store: a change of agreements reads back only those, a change of schools only their
 * agreements, a change of people (which can make or undo a succession) the year's list;
 * every row keeps its object and takes the new values in place.
 */

#include "config.h"

#include "xa-agreement-book-private.h"
#include "xa-agreement-private.h"
#include "core/util/xa-list-sync.h"

static const char *
agreement_key (gpointer item)
{
  return xa_agreement_get_uuid (item);
}

static void
agreement_assign (gpointer existing,
                  gpointer fresh)
{
  _xa_agreement_assign (existing, fresh);
}

/* By 学校标识码, as the book lists a year. */
static int
agreement_compare (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  return g_strcmp0 (xa_agreement_get_school_code ((XaAgreement *) a),
                    xa_agreement_get_school_code ((XaAgreement *) b));
}

static const XaListSyncFuncs agreement_sync = {
  .get_key = agreement_key,
  .assign = agreement_assign,
  .compare = agreement_compare,
};

#define CURRENT_OF_YEAR " WHERE a.school_year = ? AND a.superseded_by IS NULL"

static GPtrArray *
list_to_array (GListStore *list)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (list), i));

  return items;
}

void
_xa_agreement_book_load_all (XaAgreementBook *self)
{
  g_autoptr(GListStore) fresh = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  const int ints[] = { self->school_year };

  self->n_loads++;
  fresh = _xa_agreement_book_query (self->store, SELECT_AGREEMENTS CURRENT_OF_YEAR " ORDER BY o.code",
                            NULL, 0, ints, 1, &error);
  if (fresh == NULL)
    {
      g_warning ("Cannot list the agreements: %s", error->message);
      return;
    }

  items = list_to_array (fresh);
  xa_list_sync_all (self->agreements, &agreement_sync, items);
}

/* Reads the current agreements of the year among @uuids (column @column of the
 * agreement's row: "a.uuid" for agreements, "o.uuid" for their schools), and updates
 * the rows of those agreements and of any listed one @uuids named. */
static void
load_some (XaAgreementBook    *self,
           const char         *column,
           const char * const *uuids)
{
  g_autoptr(GListStore) fresh = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *placeholders = NULL;
  g_autofree char *sql = NULL;
  guint n_uuids = g_strv_length ((char **) uuids);
  const int ints[] = { self->school_year };
  gboolean by_school = g_str_equal (column, "o.uuid");

  if (n_uuids == 0 || n_uuids > 500)
    {
      _xa_agreement_book_load_all (self);
      return;
    }

  placeholders = xa_sql_placeholders (n_uuids);
  sql = g_strconcat (SELECT_AGREEMENTS " WHERE ", column, " IN (", placeholders, ")"
                     " AND a.school_year = ? AND a.superseded_by IS NULL", NULL);
  self->n_loads++;
  if (!(fresh = _xa_agreement_book_query (self->store, sql, (const char **) uuids, n_uuids,
                                  ints, 1, &error)))
    {
      g_warning ("Cannot read the changed agreements: %s", error->message);
      return;
    }

  items = list_to_array (fresh);

  /* The keys are agreements: those read, and those listed that the change named. */
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (keys, (gpointer) xa_agreement_get_uuid (items->pdata[i]));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->agreements)); i++)
    {
      g_autoptr(XaAgreement) listed = g_list_model_get_item (G_LIST_MODEL (self->agreements), i);
      const char *key = by_school ? xa_agreement_get_school_uuid (listed)
                                  : xa_agreement_get_uuid (listed);

      if (g_strv_contains (uuids, key))
        g_ptr_array_add (keys, (gpointer) xa_agreement_get_uuid (listed));
    }
  g_ptr_array_add (keys, NULL);

  {
    /* The listed items own the strings the keys point to while they are synced. */
    g_autoptr(GPtrArray) listed = list_to_array (self->agreements);

    xa_list_sync_records (self->agreements, &agreement_sync,
                          (const char * const *) keys->pdata, items);
  }
}

static void
agreements_changed_cb (XaAgreementBook    *self,
                       const char         *kind,
                       const char * const *uuids,
                       XaStore            *store)
{
  if (self->agreements != NULL)
    load_some (self, "a.uuid", uuids);
}

/* A school's code orders the list, and a school that is removed takes its agreement
 * out of it. */
static void
organisations_changed_cb (XaAgreementBook    *self,
                          const char         *kind,
                          const char * const *uuids,
                          XaStore            *store)
{
  if (self->agreements != NULL)
    load_some (self, "o.uuid", uuids);
}

/* A change of responsible people can make or undo a succession within the year, which
 * every listed agreement shows; such changes are few, and a year has a few hundred
 * agreements at most. */
static void
people_changed_cb (XaAgreementBook    *self,
                   const char         *kind,
                   const char * const *uuids,
                   XaStore            *store)
{
  if (self->agreements != NULL)
    _xa_agreement_book_load_all (self);
}

/**
 * _xa_agreement_book_follow_store:
 *
 * Connects the book's live list to the store's announcements.
 */
void
_xa_agreement_book_follow_store (XaAgreementBook *self)
{
  g_signal_connect_object (self->store, "records-changed::agreement",
                           G_CALLBACK (agreements_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "records-changed::organisation",
                           G_CALLBACK (organisations_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "records-changed::role_term",
                           G_CALLBACK (people_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "records-changed::person",
                           G_CALLBACK (people_changed_cb), self, G_CONNECT_SWAPPED);
}

guint
_xa_agreement_book_get_n_loads (XaAgreementBook *self)
{
  return self->n_loads;
}
