/* governance-fixture.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fixture the tests of the 综治 registers share: a demo district of two schools on
 * either engine (a server when XIAOAN_TEST_SERVER says so), operated by 安全办.
 */

#pragma once

#include "xa-test-utils.h"
#include "core/registry/xa-demo.h"

typedef struct
{
  char        *dir;
  char        *location;
  XaWorkspace *workspace;
  XaStore     *store;
  char        *school_a;
  char        *school_b;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GListModel *schools;
  g_autoptr(XaOrganisation) a = NULL;
  g_autoptr(XaOrganisation) b = NULL;

  fixture->dir = g_dir_make_tmp ("xiaoan-governance-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->location = xa_test_location_new (fixture->dir);
  fixture->workspace = xa_test_workspace_open (fixture->location, "安全办");
  xa_demo_fill (xa_workspace_get_registry (fixture->workspace), 2, 7, &error);
  g_assert_no_error (error);
  fixture->store = xa_workspace_get_store (fixture->workspace);
  schools = xa_school_registry_get_schools (xa_workspace_get_registry (fixture->workspace));
  a = g_list_model_get_item (schools, 0);
  b = g_list_model_get_item (schools, 1);
  fixture->school_a = g_strdup (xa_organisation_get_uuid (a));
  fixture->school_b = g_strdup (xa_organisation_get_uuid (b));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->workspace);
  xa_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->location);
  g_free (fixture->school_a);
  g_free (fixture->school_b);
}
