/* test-bulk.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store's tools for large writes, on both engines: xa_store_insert_rows() inserts
 * every row its source gives, texts copied before the source reuses them, in any number
 * (a server's last statement takes fewer rows than the others), and a refused row leaves
 * the table as it was; an image arena emptied for the next batch gives the same images
 * as no arena, and never takes back the texts of an image that still holds it.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "xa-test-utils.h"
#include "core/store/xa-store-private.h"

static const char * const gram_columns[] = { "gram", "hazard_id", "organisation_id", NULL };

typedef struct
{
  guint    n;
  guint    next;
  gboolean repeat_first;  /* the last row again: a duplicate key */
  char     text[32];      /* reused for every row, as a source may */
} Source;

static gboolean
next_row (XaRowValue *values,
          gpointer    user_data)
{
  Source *source = user_data;
  guint row = source->next;
  int size;

  if (row == source->n + (source->repeat_first ? 1 : 0))
    return FALSE;
  if (row == source->n)
    row = 0;
  source->next++;

  /* Chinese, a quote and a backslash: what a server's SQL would need escaped. */
  size = g_snprintf (source->text, sizeof source->text, "电'\\%u", row % 7);
  values[0] = (XaRowValue) { .text = source->text, .size = (gsize) size };
  values[1] = (XaRowValue) { .integer = row + 1 };
  values[2] = (XaRowValue) { .integer = G_GINT64_CONSTANT (5000000000) + row };
  return TRUE;
}

static gboolean
insert_cb (XaStore   *store,
           gpointer   user_data,
           GError   **error)
{
  return xa_store_insert_rows (store, "hazard_gram", gram_columns, next_row, user_data, error);
}

/* 1000 rows: not a multiple of the 64 of a server's statement. */
static void
test_insert_rows (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaStore) store = xa_test_store_new ();
  Source source = { .n = 1000 };
  g_autoptr(XaStatement) read = NULL;
  guint row = 0;
  XaStep step;

  g_assert_true (xa_store_write (store, insert_cb, &source, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM hazard_gram"), ==, 1000);

  xa_store_lock (store);
  read = xa_store_prepare (store, "SELECT gram, hazard_id, organisation_id FROM hazard_gram"
                                  " ORDER BY hazard_id", &error);
  g_assert_no_error (error);
  while ((step = xa_statement_step (read, &error)) == XA_STEP_ROW)
    {
      g_autofree char *gram = g_strdup_printf ("电'\\%u", row % 7);

      g_assert_cmpstr (xa_statement_get_text (read, 0), ==, gram);
      g_assert_cmpint (xa_statement_get_int64 (read, 1), ==, row + 1);
      g_assert_cmpint (xa_statement_get_int64 (read, 2), ==, G_GINT64_CONSTANT (5000000000) + row);
      row++;
    }
  g_assert_no_error (error);
  g_assert_cmpint (step, ==, XA_STEP_DONE);
  g_assert_cmpuint (row, ==, 1000);
  g_clear_pointer (&read, xa_statement_free);
  xa_store_unlock (store);
}

/* Rows of a text and a number, each NULL in turn: row k's text is NULL when k is even,
 * its number when k is a multiple of 3. */
static gboolean
next_null_row (XaRowValue *values,
               gpointer    user_data)
{
  guint *next = user_data;
  guint row = *next;

  if (row == 200)
    return FALSE;
  (*next)++;
  values[0] = row % 2 == 0 ? (XaRowValue) { .is_null = TRUE } : (XaRowValue) { .text = "门", .size = strlen ("门") };
  values[1] = row % 3 == 0 ? (XaRowValue) { .is_null = TRUE } : (XaRowValue) { .integer = row };
  return TRUE;
}

static gboolean
insert_nulls_cb (XaStore   *store,
                 gpointer   user_data,
                 GError   **error)
{
  static const char * const columns[] = { "label", "number", NULL };

  return xa_store_exec (store, "CREATE TEMP TABLE bulk_nulls (label TEXT, number INTEGER)", error) &&
         xa_store_insert_rows (store, "bulk_nulls", columns, next_null_row, user_data, error);
}

/* A NULL is a NULL, text or number, not an empty text or a zero. */
static void
test_insert_nulls (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaStore) store = xa_test_store_new ();
  guint next = 0;

  g_assert_true (xa_store_write (store, insert_nulls_cb, &next, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM bulk_nulls"), ==, 200);
  g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM bulk_nulls WHERE label IS NULL"), ==, 100);
  g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM bulk_nulls WHERE label = '门'"), ==, 100);
  g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM bulk_nulls WHERE number IS NULL"), ==, 67);
  g_assert_cmpint (xa_test_query_int (store, "SELECT sum (number) FROM bulk_nulls"), ==,
                   199 * 200 / 2 - 3 * (66 * 67 / 2));
}

static gboolean
insert_twice_cb (XaStore   *store,
                 gpointer   user_data,
                 GError   **error)
{
  Source *sources = user_data;

  return xa_store_insert_rows (store, "hazard_gram", gram_columns, next_row, &sources[0], error) &&
         xa_store_insert_rows (store, "hazard_gram", gram_columns, next_row, &sources[1], error);
}

/* Two calls in one write: the second takes its own source's rows, not the first's. */
static void
test_insert_twice (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaStore) store = xa_test_store_new ();
  Source sources[2] = { { .n = 100 }, { .n = 300 } };

  /* The second source's rows start where the first one's end. */
  sources[1].next = 100;
  g_assert_true (xa_store_write (store, insert_twice_cb, sources, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM hazard_gram"), ==, 300);
  g_assert_cmpint (xa_test_query_int (store, "SELECT max (hazard_id) FROM hazard_gram"), ==, 300);
  g_assert_cmpint (xa_test_query_int (store, "SELECT count(DISTINCT hazard_id) FROM hazard_gram"), ==, 300);
}

/* A source without rows inserts none and succeeds. */
static void
test_insert_no_rows (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaStore) store = xa_test_store_new ();
  Source source = { .n = 0 };

  g_assert_true (xa_store_write (store, insert_cb, &source, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM hazard_gram"), ==, 0);
}

/* The first row again at the end breaks the key: the write is refused as a whole. */
static void
test_insert_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaStore) store = xa_test_store_new ();
  Source source = { .n = 130, .repeat_first = TRUE };

  g_assert_false (xa_store_write (store, insert_cb, &source, &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_CONSTRAINT);
  g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM hazard_gram"), ==, 0);
}

static XaFreshImage *
make_image (XaImageArena *arena,
            const char   *uuid,
            const char   *label)
{
  const XaAuditValue values[] = {
    { "description", "配电箱门锁损坏，电线裸露", FALSE },
    { "id", "42", TRUE },
    { "remarks", NULL, FALSE },
  };

  return arena != NULL
         ? xa_fresh_image_new_in (arena, "hazard", uuid, label, values, G_N_ELEMENTS (values))
         : xa_fresh_image_new ("hazard", uuid, label, values, G_N_ELEMENTS (values));
}

static void
assert_same_image (XaFreshImage *fresh,
                   XaFreshImage *expected)
{
  const XaAuditImage *image = _xa_fresh_image_peek (fresh);
  const XaAuditImage *other = _xa_fresh_image_peek (expected);

  g_assert_nonnull (image->arena);
  g_assert_null (other->arena);
  g_assert_cmpstr (image->table, ==, other->table);
  g_assert_cmpstr (image->uuid, ==, other->uuid);
  g_assert_cmpstr (image->label, ==, other->label);
  g_assert_cmpstr (image->fields, ==, other->fields);
  g_assert_cmpstr (image->hash, ==, other->hash);
}

static void
test_arena_recycle (void)
{
  /* Larger than an arena's block. */
  g_autofree char *long_label = g_strnfill (3 * 1024 * 1024 / 3, 'x');
  g_autoptr(XaImageArena) arena = xa_image_arena_new ();
  g_autoptr(XaFreshImage) first = make_image (arena, "0190a0b1-0000-7000-8000-000000000001", "2021-2022-1-0001");
  g_autoptr(XaFreshImage) expected_first = make_image (NULL, "0190a0b1-0000-7000-8000-000000000001", "2021-2022-1-0001");
  g_autoptr(XaFreshImage) large = make_image (arena, "0190a0b1-0000-7000-8000-000000000002", long_label);
  g_autoptr(XaFreshImage) expected_large = make_image (NULL, "0190a0b1-0000-7000-8000-000000000002", long_label);
  g_autoptr(XaFreshImage) second = NULL;
  g_autoptr(XaFreshImage) expected_second = make_image (NULL, "0190a0b1-0000-7000-8000-000000000003", "2021-2022-1-0003");
  XaImageArena *held;

  assert_same_image (first, expected_first);
  assert_same_image (large, expected_large);

  /* The images still hold it: a new arena, and theirs stays as it was. */
  held = arena;
  arena = xa_image_arena_recycle (g_steal_pointer (&arena));
  g_assert_true (arena != held);
  second = make_image (arena, "0190a0b1-0000-7000-8000-000000000003", "2021-2022-1-0003");
  assert_same_image (first, expected_first);
  assert_same_image (large, expected_large);
  assert_same_image (second, expected_second);

  /* Nothing holds it but the caller: the same arena, emptied, its blocks used again. */
  g_clear_pointer (&second, xa_fresh_image_free);
  held = arena;
  arena = xa_image_arena_recycle (g_steal_pointer (&arena));
  g_assert_true (arena == held);
  second = make_image (arena, "0190a0b1-0000-7000-8000-000000000003", "2021-2022-1-0003");
  assert_same_image (second, expected_second);
  assert_same_image (first, expected_first);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xiaoan/bulk/insert-rows", test_insert_rows);
  g_test_add_func ("/xiaoan/bulk/insert-twice", test_insert_twice);
  g_test_add_func ("/xiaoan/bulk/insert-nulls", test_insert_nulls);
  g_test_add_func ("/xiaoan/bulk/insert-no-rows", test_insert_no_rows);
  g_test_add_func ("/xiaoan/bulk/insert-refused", test_insert_refused);
  g_test_add_func ("/xiaoan/bulk/arena-recycle", test_arena_recycle);

  return g_test_run ();
}
