/* test-changes.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How a write reaches the live models: the store announces the records it wrote, per
 * kind; each model reads again only the records named and updates its rows in place; a
 * model of another kind reads nothing. And a worker's long read through the store's
 * read-only connection does not hold up a write of the main thread.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "xa-test-utils.h"
#include "core/agreements/xa-agreement-book-private.h"
#include "core/agreements/xa-template-private.h"
#include "core/registry/xa-demo.h"
#include "core/registry/xa-school-registry-private.h"
#include "core/xa-workspace.h"

typedef struct
{
  char        *dir;
  XaWorkspace *workspace;
  GListModel  *schools;
  GListModel  *templates;
  GListModel  *agreements;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *location = NULL;

  fixture->dir = g_dir_make_tmp ("xiaoan-changes-XXXXXX", &error);
  g_assert_no_error (error);
  location = xa_test_location_new (fixture->dir);
  fixture->workspace = xa_test_workspace_open (location, "测试员");

  g_assert_true (xa_demo_fill (xa_workspace_get_registry (fixture->workspace), 12, 7, &error));
  g_assert_no_error (error);
  xa_agreement_book_set_school_year (xa_workspace_get_agreements (fixture->workspace), 2021);
  g_assert_true (xa_agreement_book_generate_all (xa_workspace_get_agreements (fixture->workspace),
                                                 2021, NULL, &error));
  g_assert_no_error (error);

  fixture->schools = xa_school_registry_get_schools (xa_workspace_get_registry (fixture->workspace));
  fixture->templates = xa_template_library_get_templates (xa_workspace_get_templates (fixture->workspace));
  fixture->agreements = xa_agreement_book_get_agreements (xa_workspace_get_agreements (fixture->workspace));
  g_assert_cmpuint (g_list_model_get_n_items (fixture->schools), ==, 12);
  g_assert_cmpuint (g_list_model_get_n_items (fixture->agreements), ==, 12);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->workspace);
  xa_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

typedef struct
{
  guint schools;
  guint templates;
  guint agreements;
} Loads;

static Loads
count_loads (Fixture *fixture)
{
  return (Loads) {
    _xa_school_registry_get_n_loads (xa_workspace_get_registry (fixture->workspace)),
    _xa_template_library_get_n_loads (xa_workspace_get_templates (fixture->workspace)),
    _xa_agreement_book_get_n_loads (xa_workspace_get_agreements (fixture->workspace)),
  };
}

typedef struct
{
  guint  n_items_changed;
  guint  n_notifies;
  GQuark notified;
} Watch;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Watch      *watch)
{
  watch->n_items_changed++;
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           Watch      *watch)
{
  watch->n_notifies++;
  watch->notified = g_quark_from_string (pspec->name);
}

/* A school's new phone number: the schools model reads that one school and updates its
 * row in place; the templates are not read; the agreements of that school only. */
static void
test_school_edit_in_place (Fixture       *fixture,
                           gconstpointer  data)
{
  XaSchoolRegistry *registry = xa_workspace_get_registry (fixture->workspace);
  g_autoptr(XaOrganisation) listed = g_list_model_get_item (fixture->schools, 3);
  g_autoptr(XaOrganisation) edit = xa_organisation_copy (listed);
  g_autoptr(GError) error = NULL;
  Loads before = count_loads (fixture);
  Loads after;
  Watch watch = { 0 };

  g_signal_connect (fixture->schools, "items-changed", G_CALLBACK (items_changed_cb), &watch);
  g_signal_connect (listed, "notify", G_CALLBACK (notify_cb), &watch);

  xa_organisation_set_phone (edit, "023-6000 1234");
  g_assert_true (xa_school_registry_update_school (registry, edit, &error));
  g_assert_no_error (error);

  after = count_loads (fixture);
  g_assert_cmpuint (after.schools, ==, before.schools + 1);
  g_assert_cmpuint (after.templates, ==, before.templates);
  g_assert_cmpuint (after.agreements, ==, before.agreements + 1);

  /* The same object, in the same row, with the new value; the list did not change. */
  {
    g_autoptr(XaOrganisation) again = g_list_model_get_item (fixture->schools, 3);

    g_assert_true (again == listed);
  }
  g_assert_cmpstr (xa_organisation_get_phone (listed), ==, "023-6000 1234");
  g_assert_cmpuint (watch.n_items_changed, ==, 0);
  g_assert_cmpuint (watch.n_notifies, ==, 1);
  g_assert_cmpstr (g_quark_to_string (watch.notified), ==, "phone");

  g_signal_handlers_disconnect_by_data (fixture->schools, &watch);
  g_signal_handlers_disconnect_by_data (listed, &watch);
}

/* An agreement that moves on keeps its object in the book's list, which notifies its
 * state; the schools and templates are not read again. */
static void
test_agreement_advance_in_place (Fixture       *fixture,
                                 gconstpointer  data)
{
  XaAgreementBook *book = xa_workspace_get_agreements (fixture->workspace);
  g_autoptr(XaAgreement) listed = g_list_model_get_item (fixture->agreements, 5);
  g_autoptr(GError) error = NULL;
  Loads before = count_loads (fixture);
  Loads after;
  Watch watch = { 0 };

  g_signal_connect (fixture->agreements, "items-changed", G_CALLBACK (items_changed_cb), &watch);
  g_signal_connect (listed, "notify::state", G_CALLBACK (notify_cb), &watch);

  g_assert_true (xa_agreement_book_advance (book, xa_agreement_get_uuid (listed),
                                            XA_AGREEMENT_STATE_PENDING, &error));
  g_assert_no_error (error);

  after = count_loads (fixture);
  g_assert_cmpuint (after.schools, ==, before.schools);
  /* Sent for signature, its template version freezes: that one template is read again. */
  g_assert_cmpuint (after.templates, ==, before.templates + 1);
  g_assert_cmpuint (after.agreements, ==, before.agreements + 1);

  {
    g_autoptr(XaAgreement) again = g_list_model_get_item (fixture->agreements, 5);

    g_assert_true (again == listed);
  }
  g_assert_cmpint (xa_agreement_get_state (listed), ==, XA_AGREEMENT_STATE_PENDING);
  g_assert_cmpuint (watch.n_items_changed, ==, 0);
  g_assert_cmpuint (watch.n_notifies, ==, 1);

  g_signal_handlers_disconnect_by_data (fixture->agreements, &watch);
  g_signal_handlers_disconnect_by_data (listed, &watch);
}

/* A revision replaces the school's agreement in the list with the new draft: one row
 * changes, the others keep their objects. */
static void
test_agreement_revise_replaces_one_row (Fixture       *fixture,
                                        gconstpointer  data)
{
  XaAgreementBook *book = xa_workspace_get_agreements (fixture->workspace);
  g_autoptr(XaAgreement) listed = g_list_model_get_item (fixture->agreements, 2);
  g_autoptr(XaAgreement) neighbour = g_list_model_get_item (fixture->agreements, 3);
  g_autoptr(XaAgreement) revision = NULL;
  g_autoptr(GError) error = NULL;
  const char *uuid = xa_agreement_get_uuid (listed);

  g_assert_true (xa_agreement_book_advance (book, uuid, XA_AGREEMENT_STATE_PENDING, &error));
  g_assert_true (xa_agreement_book_advance (book, uuid, XA_AGREEMENT_STATE_SIGNED, &error));
  g_assert_no_error (error);
  revision = xa_agreement_book_revise (book, uuid, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (fixture->agreements), ==, 12);
  {
    g_autoptr(XaAgreement) row = g_list_model_get_item (fixture->agreements, 2);
    g_autoptr(XaAgreement) next = g_list_model_get_item (fixture->agreements, 3);

    g_assert_cmpstr (xa_agreement_get_uuid (row), ==, xa_agreement_get_uuid (revision));
    g_assert_cmpint (xa_agreement_get_revision (row), ==, 2);
    g_assert_true (next == neighbour);
  }
}

/* A template saved: only the library reads, and only that template. */
static void
test_template_save_reads_templates_only (Fixture       *fixture,
                                         gconstpointer  data)
{
  XaTemplateLibrary *library = xa_workspace_get_templates (fixture->workspace);
  g_autoptr(XaTemplate) template = g_list_model_get_item (fixture->templates, 0);
  g_autoptr(XaTemplate) copy = xa_template_copy (template);
  g_autoptr(GError) error = NULL;
  Loads before = count_loads (fixture);
  Loads after;

  xa_template_set_name (copy, "改过名字的模板");
  g_assert_true (xa_template_library_save (library, copy, &error));
  g_assert_no_error (error);

  after = count_loads (fixture);
  g_assert_cmpuint (after.templates, ==, before.templates + 1);
  g_assert_cmpuint (after.schools, ==, before.schools);
  g_assert_cmpuint (after.agreements, ==, before.agreements);
}

typedef struct
{
  char       *kinds;
  GPtrArray  *uuids;
} Heard;

static void
records_changed_cb (XaStore            *store,
                    const char         *kind,
                    const char * const *uuids,
                    Heard              *heard)
{
  char *kinds = g_strconcat (heard->kinds ? heard->kinds : "", kind, ";", NULL);

  g_free (heard->kinds);
  heard->kinds = kinds;
  for (guint i = 0; uuids[i] != NULL; i++)
    g_ptr_array_add (heard->uuids, g_strdup (uuids[i]));
}

static gboolean
failing_write (XaStore   *store,
               gpointer   user_data,
               GError   **error)
{
  if (!xa_store_append_audit (store, "test.fail", "organisation", "11111111-2222-3333-4444-555555555555",
                              NULL, error))
    return FALSE;

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "on purpose");
  return FALSE;
}

/* The signal names the kinds and records a write touched, once per kind, and a
 * rolled-back write announces nothing. */
static void
test_announcements (Fixture       *fixture,
                    gconstpointer  data)
{
  XaStore *store = xa_workspace_get_store (fixture->workspace);
  XaSchoolRegistry *registry = xa_workspace_get_registry (fixture->workspace);
  g_autoptr(XaOrganisation) listed = g_list_model_get_item (fixture->schools, 0);
  g_autoptr(XaOrganisation) edit = xa_organisation_copy (listed);
  g_autoptr(GError) error = NULL;
  Heard heard = { NULL, g_ptr_array_new_with_free_func (g_free) };
  gulong handler;

  handler = g_signal_connect (store, "records-changed", G_CALLBACK (records_changed_cb), &heard);

  xa_organisation_set_address (edit, "示例区新路 9 号");
  g_assert_true (xa_school_registry_update_school (registry, edit, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (heard.kinds, ==, "organisation;");
  g_assert_cmpuint (heard.uuids->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (heard.uuids, 0), ==, xa_organisation_get_uuid (listed));

  g_clear_pointer (&heard.kinds, g_free);
  g_assert_false (xa_store_write (store, failing_write, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_null (heard.kinds);

  g_signal_handler_disconnect (store, handler);
  g_ptr_array_unref (heard.uuids);
}

/* A worker's read */

typedef struct
{
  XaStore  *store;
  GMutex    mutex;
  GCond     cond;
  gboolean  reading;
  gboolean  may_finish;
  gboolean  finished;
  gint64    schools_at_start;
  gint64    schools_at_end;
} Reader;

static gpointer
reader_thread (gpointer user_data)
{
  Reader *reader = user_data;
  gint64 deadline = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;

  xa_store_lock (reader->store);
  reader->schools_at_start = xa_test_query_int (reader->store, "SELECT count(*) FROM organisation");

  g_mutex_lock (&reader->mutex);
  reader->reading = TRUE;
  g_cond_broadcast (&reader->cond);
  /* Hold the read open until the main thread has written, or give up so that a
   * blocked writer makes the test fail instead of hanging it. */
  while (!reader->may_finish)
    {
      if (!g_cond_wait_until (&reader->cond, &reader->mutex, deadline))
        break;
    }
  g_mutex_unlock (&reader->mutex);

  reader->schools_at_end = xa_test_query_int (reader->store, "SELECT count(*) FROM organisation");
  xa_store_unlock (reader->store);

  g_mutex_lock (&reader->mutex);
  reader->finished = TRUE;
  g_mutex_unlock (&reader->mutex);

  return NULL;
}

static void
test_worker_read_does_not_block_write (Fixture       *fixture,
                                       gconstpointer  data)
{
  XaSchoolRegistry *registry = xa_workspace_get_registry (fixture->workspace);
  g_autoptr(XaOrganisation) school = xa_organisation_new_school ();
  g_autoptr(GError) error = NULL;
  Reader reader = { .store = xa_workspace_get_store (fixture->workspace) };
  GThread *thread;
  gboolean reader_still_reading;

  g_mutex_init (&reader.mutex);
  g_cond_init (&reader.cond);
  thread = g_thread_new ("reader", reader_thread, &reader);

  g_mutex_lock (&reader.mutex);
  while (!reader.reading)
    g_cond_wait (&reader.cond, &reader.mutex);
  g_mutex_unlock (&reader.mutex);

  /* The worker holds its read transaction open; the main thread writes meanwhile. */
  xa_organisation_set_code (school, "5150000099");
  xa_organisation_set_name (school, "读写并行测试学校");
  xa_organisation_set_school_type (school, XA_SCHOOL_TYPE_PRIMARY);
  g_assert_true (xa_school_registry_add_school (registry, school, &error));
  g_assert_no_error (error);

  g_mutex_lock (&reader.mutex);
  reader_still_reading = !reader.finished;
  reader.may_finish = TRUE;
  g_cond_broadcast (&reader.cond);
  g_mutex_unlock (&reader.mutex);
  g_thread_join (thread);

  /* The write finished while the worker was still inside its read, and the worker saw
   * one consistent state throughout. */
  g_assert_true (reader_still_reading);
  g_assert_cmpint (reader.schools_at_end, ==, reader.schools_at_start);
  g_assert_cmpint (xa_test_query_int (reader.store, "SELECT count(*) FROM organisation"),
                   ==, reader.schools_at_start + 1);

  g_mutex_clear (&reader.mutex);
  g_cond_clear (&reader.cond);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/xiaoan/changes/school-edit-in-place", Fixture, NULL,
              fixture_set_up, test_school_edit_in_place, fixture_tear_down);
  g_test_add ("/xiaoan/changes/agreement-advance-in-place", Fixture, NULL,
              fixture_set_up, test_agreement_advance_in_place, fixture_tear_down);
  g_test_add ("/xiaoan/changes/agreement-revise-replaces-one-row", Fixture, NULL,
              fixture_set_up, test_agreement_revise_replaces_one_row, fixture_tear_down);
  g_test_add ("/xiaoan/changes/template-save-reads-templates-only", Fixture, NULL,
              fixture_set_up, test_template_save_reads_templates_only, fixture_tear_down);
  g_test_add ("/xiaoan/changes/announcements", Fixture, NULL,
              fixture_set_up, test_announcements, fixture_tear_down);
  g_test_add ("/xiaoan/changes/worker-read-does-not-block-write", Fixture, NULL,
              fixture_set_up, test_worker_read_does_not_block_write, fixture_tear_down);

  return g_test_run ();
}
