/* test-registry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The school registry: every change audited, every refused change leaves the database
 * exactly as it was, successions keep their history, and the schools model follows the
 * database.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "xa-test-utils.h"
#include "core/registry/xa-organisation.h"
#include "core/registry/xa-school-registry.h"
#include "core/store/xa-store-audit.h"
#include "core/store/xa-store-private.h"
#include "core/store/xa-store.h"

typedef struct
{
  XaStore          *store;
  XaSchoolRegistry *registry;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->store = xa_test_store_new ();
  g_assert_no_error (error);
  xa_store_set_operator (fixture->store, "测试员");
  fixture->registry = xa_school_registry_new (fixture->store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->registry);
  g_assert_finalize_object (fixture->store);
}

static XaOrganisation *
make_school (const char   *code,
             const char   *name,
             XaSchoolType  school_type)
{
  XaOrganisation *school = xa_organisation_new_school ();

  xa_organisation_set_code (school, code);
  xa_organisation_set_name (school, name);
  xa_organisation_set_school_type (school, school_type);
  xa_organisation_set_stages (school, xa_school_type_default_stages (school_type));
  xa_organisation_set_address (school, "示例区示例路 1 号");
  xa_organisation_set_phone (school, " 02368880001 ");

  return school;
}

static XaOrganisation *
add_school (Fixture    *fixture,
            const char *code,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaOrganisation) school = make_school (code, name, XA_SCHOOL_TYPE_PRIMARY);

  xa_school_registry_add_school (fixture->registry, school, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&school);
}

static void
test_add (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaOrganisation) school = make_school ("  2150000001 ", " 示例区实验小学 ",
                                                  XA_SCHOOL_TYPE_PRIMARY);
  g_autoptr(XaOrganisation) loaded = NULL;
  g_autoptr(XaOrganisation) listed = NULL;
  g_autofree char *detail = NULL;
  GListModel *schools = xa_school_registry_get_schools (fixture->registry);

  g_assert_cmpuint (g_list_model_get_n_items (schools), ==, 0);

  g_assert_true (xa_school_registry_add_school (fixture->registry, school, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xa_organisation_get_id (school), >, 0);
  /* Surrounding white space is not part of a name or a code. */
  g_assert_cmpstr (xa_organisation_get_code (school), ==, "2150000001");
  g_assert_cmpstr (xa_organisation_get_name (school), ==, "示例区实验小学");

  g_assert_cmpuint (xa_school_registry_count_schools (fixture->registry), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (schools), ==, 1);
  listed = g_list_model_get_item (schools, 0);
  g_assert_cmpstr (xa_organisation_get_uuid (listed), ==, xa_organisation_get_uuid (school));

  loaded = xa_school_registry_dup_school_by_code (fixture->registry, "2150000001", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xa_organisation_get_name (loaded), ==, "示例区实验小学");
  g_assert_cmpint (xa_organisation_get_school_type (loaded), ==, XA_SCHOOL_TYPE_PRIMARY);
  g_assert_cmpstr (xa_organisation_get_stages (loaded), ==, "primary");
  g_assert_cmpstr (xa_organisation_get_phone (loaded), ==, "023-6888 0001");

  g_assert_cmpint (xa_test_query_int (fixture->store, "SELECT count(*) FROM audit"), ==, 1);
  g_assert_cmpint (xa_test_query_int (fixture->store,
                              "SELECT count(*) FROM audit WHERE action = 'school.add'"
                              " AND operator = '测试员' AND record_table = 'organisation'"),
                   ==, 1);
  detail = xa_test_query_text (fixture->store, "SELECT detail FROM audit WHERE seq = 1");
  g_assert_nonnull (strstr (detail, "\"code\":\"2150000001\""));
  g_assert_nonnull (strstr (detail, "示例区实验小学"));
}

typedef struct
{
  const char          *code;
  const char          *name;
  XaSchoolType         school_type;
  const char          *phone;
  const char          *address;
  XaOrganisationField  bad_field;
  const char          *message;
} BadSchool;

static const BadSchool bad_schools[] = {
  { "215000001", "甲小学", XA_SCHOOL_TYPE_PRIMARY, "", "", XA_ORGANISATION_FIELD_CODE, "must be 10 digits (it has 9)" },
  { "21500000011", "甲小学", XA_SCHOOL_TYPE_PRIMARY, "", "", XA_ORGANISATION_FIELD_CODE, "(it has 11)" },
  { "21500A0001", "甲小学", XA_SCHOOL_TYPE_PRIMARY, "", "", XA_ORGANISATION_FIELD_CODE, "digits only (“A”" },
  { "２１５００００００１", "甲小学", XA_SCHOOL_TYPE_PRIMARY, "", "", XA_ORGANISATION_FIELD_CODE, "digits only" },
  { "", "甲小学", XA_SCHOOL_TYPE_PRIMARY, "", "", XA_ORGANISATION_FIELD_CODE, "must not be empty" },
  { "2150000009", "  ", XA_SCHOOL_TYPE_PRIMARY, "", "", XA_ORGANISATION_FIELD_NAME, "School name must not be empty" },
  { "2150000009", "甲\t小学", XA_SCHOOL_TYPE_PRIMARY, "", "", XA_ORGANISATION_FIELD_NAME, "control characters" },
  { "2150000009", "甲小学", XA_SCHOOL_TYPE_NONE, "", "", XA_ORGANISATION_FIELD_SCHOOL_TYPE, "school type" },
  { "2150000009", "甲小学", XA_SCHOOL_TYPE_PRIMARY, "023-6888x0001", "", XA_ORGANISATION_FIELD_PHONE, "Phone may contain only" },
  { "2150000009", "甲小学", XA_SCHOOL_TYPE_PRIMARY, "0123456789012345678901234567890", "", XA_ORGANISATION_FIELD_PHONE, "at most 30 characters (now 31)" },
};

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(XaOrganisation) first = add_school (fixture, "2150000001", "示例区实验小学");
  g_autofree char *before = xa_test_fingerprint (fixture->store);
  g_autofree char *long_address = NULL;
  GListModel *schools = xa_school_registry_get_schools (fixture->registry);

  for (guint i = 0; i < G_N_ELEMENTS (bad_schools); i++)
    {
      const BadSchool *bad = &bad_schools[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(XaOrganisation) school = make_school (bad->code, bad->name, bad->school_type);
      g_autofree char *after = NULL;
      XaOrganisationField field = XA_ORGANISATION_FIELD_NONE;

      g_test_message ("case %u: %s", i, bad->message);
      xa_organisation_set_phone (school, bad->phone);

      g_assert_false (xa_organisation_validate (school, &field, NULL));
      g_assert_cmpint (field, ==, bad->bad_field);

      g_assert_false (xa_school_registry_add_school (fixture->registry, school, &error));
      g_assert_error (error, XA_ORGANISATION_ERROR, XA_ORGANISATION_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, bad->message));

      after = xa_test_fingerprint (fixture->store);
      g_assert_cmpstr (after, ==, before);
      g_assert_cmpuint (g_list_model_get_n_items (schools), ==, 1);
    }

  /* Limits count characters, not bytes: 100 Chinese characters fit, 101 do not. */
  {
    g_autoptr(GString) name = g_string_new (NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(XaOrganisation) school = NULL;

    for (guint i = 0; i < 101; i++)
      g_string_append (name, "校");
    school = make_school ("2150000009", name->str, XA_SCHOOL_TYPE_PRIMARY);
    g_assert_false (xa_school_registry_add_school (fixture->registry, school, &error));
    g_assert_error (error, XA_ORGANISATION_ERROR, XA_ORGANISATION_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "at most 100 characters (now 101)"));

    g_string_truncate (name, name->len - strlen ("校"));
    g_clear_error (&error);
    g_assert_true (xa_organisation_check_field (XA_ORGANISATION_FIELD_NAME, name->str, NULL, &error));
    g_assert_no_error (error);
  }

  long_address = g_strnfill (201, 'a');
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(XaOrganisation) school = make_school ("2150000009", "甲小学", XA_SCHOOL_TYPE_PRIMARY);

    xa_organisation_set_address (school, long_address);
    g_assert_false (xa_school_registry_add_school (fixture->registry, school, &error));
    g_assert_error (error, XA_ORGANISATION_ERROR, XA_ORGANISATION_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "Address is too long"));
  }

  /* A code already taken is refused by the registry, naming the school that has it. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(XaOrganisation) school = make_school ("2150000001", "乙小学", XA_SCHOOL_TYPE_PRIMARY);
    g_autofree char *after = NULL;

    g_assert_false (xa_school_registry_add_school (fixture->registry, school, &error));
    g_assert_error (error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_DUPLICATE_CODE);
    g_assert_nonnull (strstr (error->message, "示例区实验小学"));
    after = xa_test_fingerprint (fixture->store);
    g_assert_cmpstr (after, ==, before);
  }
}

static void
test_check_field (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *warning = NULL;
  g_autofree char *stages = NULL;

  g_assert_true (xa_organisation_check_field (XA_ORGANISATION_FIELD_CODE, "2150000001", &warning, &error));
  g_assert_no_error (error);
  g_assert_null (warning);

  /* 19 is no 学校类别码: accepted, with a warning. */
  g_assert_true (xa_organisation_check_field (XA_ORGANISATION_FIELD_CODE, "1950000001", &warning, &error));
  g_assert_no_error (error);
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, "“19”"));
  g_clear_pointer (&warning, g_free);

  g_assert_false (xa_organisation_check_field (XA_ORGANISATION_FIELD_CODE, "123", &warning, &error));
  g_assert_error (error, XA_ORGANISATION_ERROR, XA_ORGANISATION_ERROR_INVALID);
  g_assert_null (warning);
  g_clear_error (&error);

  g_assert_true (xa_organisation_check_field (XA_ORGANISATION_FIELD_PHONE, "+86 (023) 6888-0001", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (xa_organisation_check_field (XA_ORGANISATION_FIELD_SCHOOL_TYPE, "九年一贯制学校", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (xa_organisation_check_field (XA_ORGANISATION_FIELD_SCHOOL_TYPE, "大学", NULL, &error));
  g_assert_error (error, XA_ORGANISATION_ERROR, XA_ORGANISATION_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (xa_school_type_from_label ("初级中学"), ==, XA_SCHOOL_TYPE_JUNIOR);
  g_assert_cmpint (xa_school_type_from_label ("特殊教育学校"), ==, XA_SCHOOL_TYPE_SPECIAL);
  g_assert_cmpint (xa_school_type_from_label ("中职"), ==, XA_SCHOOL_TYPE_VOCATIONAL);
  g_assert_cmpint (xa_school_type_from_label ("大学"), ==, XA_SCHOOL_TYPE_NONE);

  stages = xa_stages_from_label ("初中、小学", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stages, ==, "primary,junior");
  g_clear_pointer (&stages, g_free);
  stages = xa_stages_from_label ("高中，初中", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stages, ==, "junior,senior");
  g_clear_pointer (&stages, g_free);
  stages = xa_stages_from_label ("小学、大学", &error);
  g_assert_null (stages);
  g_assert_error (error, XA_ORGANISATION_ERROR, XA_ORGANISATION_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "大学"));
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_update (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaOrganisation) school = add_school (fixture, "2150000001", "示例区实验小学");
  g_autoptr(XaOrganisation) copy = xa_organisation_copy (school);
  g_autoptr(XaOrganisation) listed = NULL;
  g_autoptr(XaOrganisation) other = add_school (fixture, "2150000002", "育才小学");
  g_autofree char *detail = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GListModel *schools = xa_school_registry_get_schools (fixture->registry);
  guint name_notifies = 0;
  gint64 n_audit;

  listed = g_list_model_get_item (schools, 0);
  g_signal_connect (listed, "notify::name", G_CALLBACK (notify_count_cb), &name_notifies);

  xa_organisation_set_name (copy, "示例区实验小学校");
  xa_organisation_set_school_type (copy, XA_SCHOOL_TYPE_NINE_YEAR);
  g_assert_true (xa_school_registry_update_school (fixture->registry, copy, &error));
  g_assert_no_error (error);

  /* The listed object is updated in place, so that rows bound to it follow. */
  {
    g_autoptr(XaOrganisation) again = g_list_model_get_item (schools, 0);
    g_assert_true (again == listed);
  }
  g_assert_cmpstr (xa_organisation_get_name (listed), ==, "示例区实验小学校");
  g_assert_cmpuint (name_notifies, ==, 1);

  detail = xa_test_query_text (fixture->store,
                       "SELECT detail FROM audit WHERE action = 'school.update'");
  g_assert_nonnull (detail);
  g_assert_nonnull (strstr (detail, "\"old\":\"示例区实验小学\""));
  g_assert_nonnull (strstr (detail, "\"new\":\"nine-year\""));
  g_assert_null (strstr (detail, "phone"));

  /* Saving without a change writes nothing. */
  n_audit = xa_test_query_int (fixture->store, "SELECT count(*) FROM audit");
  g_assert_true (xa_school_registry_update_school (fixture->registry, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xa_test_query_int (fixture->store, "SELECT count(*) FROM audit"), ==, n_audit);

  /* Taking another school's code is refused and changes nothing. */
  before = xa_test_fingerprint (fixture->store);
  xa_organisation_set_code (copy, "2150000002");
  g_assert_false (xa_school_registry_update_school (fixture->registry, copy, &error));
  g_assert_error (error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_DUPLICATE_CODE);
  g_assert_nonnull (strstr (error->message, "育才小学"));
  after = xa_test_fingerprint (fixture->store);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (xa_organisation_get_code (listed), ==, "2150000001");
}

static void
test_delete_restore (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaOrganisation) school = add_school (fixture, "2150000001", "示例区实验小学");
  g_autoptr(XaOrganisation) loaded = NULL;
  g_autoptr(XaOrganisation) again = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GListModel *schools = xa_school_registry_get_schools (fixture->registry);
  const char *uuid = xa_organisation_get_uuid (school);

  g_assert_true (xa_school_registry_delete_school (fixture->registry, uuid, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (schools), ==, 0);
  g_assert_cmpuint (xa_school_registry_count_schools (fixture->registry), ==, 0);
  g_assert_cmpint (xa_test_query_int (fixture->store,
                              "SELECT count(*) FROM audit WHERE action = 'school.delete'"),
                   ==, 1);
  /* Soft delete: the row is still there. */
  g_assert_cmpint (xa_test_query_int (fixture->store,
                              "SELECT count(*) FROM organisation WHERE deleted_at IS NOT NULL"),
                   ==, 1);
  loaded = xa_school_registry_dup_school (fixture->registry, uuid, &error);
  g_assert_no_error (error);
  g_assert_true (xa_organisation_get_deleted (loaded));

  before = xa_test_fingerprint (fixture->store);

  g_assert_false (xa_school_registry_delete_school (fixture->registry, uuid, &error));
  g_assert_error (error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (xa_school_registry_update_school (fixture->registry, loaded, &error));
  g_assert_error (error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The deleted school's code stays reserved. */
  again = make_school ("2150000001", "另一所小学", XA_SCHOOL_TYPE_PRIMARY);
  g_assert_false (xa_school_registry_add_school (fixture->registry, again, &error));
  g_assert_error (error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_DUPLICATE_CODE);
  g_assert_nonnull (strstr (error->message, "deleted school “示例区实验小学”"));
  g_clear_error (&error);

  g_assert_false (xa_school_registry_delete_school (fixture->registry, "no-such-uuid", &error));
  g_assert_error (error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  after = xa_test_fingerprint (fixture->store);
  g_assert_cmpstr (after, ==, before);

  g_assert_true (xa_school_registry_restore_school (fixture->registry, uuid, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (schools), ==, 1);
  g_assert_cmpint (xa_test_query_int (fixture->store,
                              "SELECT count(*) FROM audit WHERE action = 'school.restore'"),
                   ==, 1);

  g_assert_false (xa_school_registry_restore_school (fixture->registry, uuid, &error));
  g_assert_error (error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_INVALID);
}

static XaPerson *
add_person (Fixture    *fixture,
            const char *school_uuid,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaPerson) person = xa_person_new (school_uuid, name);

  xa_school_registry_add_person (fixture->registry, person, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xa_person_get_id (person), >, 0);

  return g_steal_pointer (&person);
}

static void
test_succession (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaOrganisation) school = add_school (fixture, "2150000001", "示例区实验小学");
  g_autoptr(XaOrganisation) other = add_school (fixture, "2150000002", "育才小学");
  const char *uuid = xa_organisation_get_uuid (school);
  g_autoptr(XaPerson) wang = add_person (fixture, uuid, "王建国");
  g_autoptr(XaPerson) li = add_person (fixture, uuid, "李秀英");
  g_autoptr(XaPerson) zhang = add_person (fixture, uuid, "张伟");
  g_autoptr(XaPerson) stranger = add_person (fixture, xa_organisation_get_uuid (other), "赵敏");
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GListModel) roles = NULL;
  g_autoptr(GListModel) current = NULL;
  g_autoptr(XaRole) first = NULL;
  g_autoptr(XaRole) second = NULL;
  g_autoptr(XaRole) holder = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const XaRoleKind first_kind = XA_ROLE_KIND_FIRST_RESPONSIBLE;

  people = xa_school_registry_list_people (fixture->registry, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 3);

  g_assert_true (xa_school_registry_assign_role (fixture->registry, uuid, xa_person_get_uuid (wang),
                                                 first_kind, "2021-09-01", "区教委任命", &error));
  g_assert_no_error (error);
  g_assert_true (xa_school_registry_assign_role (fixture->registry, uuid, xa_person_get_uuid (zhang),
                                                 XA_ROLE_KIND_SAFETY_OFFICER, "2021-09-01", NULL, &error));
  g_assert_no_error (error);

  before = xa_test_fingerprint (fixture->store);

  /* Refusals: the same holder again, a bad date, a start before the current term, a
   * person of another school. None of them writes anything. */
  g_assert_false (xa_school_registry_assign_role (fixture->registry, uuid, xa_person_get_uuid (wang),
                                                  first_kind, "2022-01-01", NULL, &error));
  g_assert_error (error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“王建国” has been the First responsible person since 2021-09-01 already"));
  g_clear_error (&error);

  g_assert_false (xa_school_registry_assign_role (fixture->registry, uuid, xa_person_get_uuid (li),
                                                  first_kind, "2022-02-30", NULL, &error));
  g_assert_error (error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (xa_school_registry_assign_role (fixture->registry, uuid, xa_person_get_uuid (li),
                                                  first_kind, "2021-08-31", NULL, &error));
  g_assert_error (error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "only since 2021-09-01"));
  g_clear_error (&error);

  g_assert_false (xa_school_registry_assign_role (fixture->registry, uuid, xa_person_get_uuid (stranger),
                                                  first_kind, "2022-03-01", NULL, &error));
  g_assert_error (error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (xa_school_registry_assign_role (fixture->registry, uuid, xa_person_get_uuid (zhang),
                                                  XA_ROLE_KIND_SAFETY_OFFICER, "2022-03-01", NULL, &error));
  g_assert_error (error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_INVALID);
  g_clear_error (&error);

  after = xa_test_fingerprint (fixture->store);
  g_assert_cmpstr (after, ==, before);

  /* The succession: 王建国's term ends the day 李秀英's begins. */
  g_assert_true (xa_school_registry_assign_role (fixture->registry, uuid, xa_person_get_uuid (li),
                                                 first_kind, "2022-03-01", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xa_test_query_int (fixture->store,
                              "SELECT count(*) FROM audit WHERE action = 'role.end'"), ==, 1);
  g_assert_cmpint (xa_test_query_int (fixture->store,
                              "SELECT count(*) FROM audit WHERE action = 'role.assign'"), ==, 3);

  roles = xa_school_registry_list_roles (fixture->registry, uuid, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (roles), ==, 3);
  first = g_list_model_get_item (roles, 0);
  g_assert_cmpint (xa_role_get_kind (first), ==, first_kind);
  g_assert_cmpstr (xa_role_get_person_name (first), ==, "李秀英");
  g_assert_true (xa_role_get_current (first));
  g_assert_null (xa_role_get_until (first));
  second = g_list_model_get_item (roles, 2);
  g_assert_cmpstr (xa_role_get_person_name (second), ==, "王建国");
  g_assert_cmpstr (xa_role_get_since (second), ==, "2021-09-01");
  g_assert_cmpstr (xa_role_get_until (second), ==, "2022-03-01");
  g_assert_cmpstr (xa_role_get_note (second), ==, "区教委任命");
  g_assert_false (xa_role_get_current (second));

  current = xa_school_registry_list_roles (fixture->registry, uuid, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (current), ==, 2);

  holder = xa_school_registry_dup_role_holder (fixture->registry, uuid, first_kind, "2022-02-28", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xa_role_get_person_name (holder), ==, "王建国");
  g_clear_object (&holder);
  holder = xa_school_registry_dup_role_holder (fixture->registry, uuid, first_kind, "2022-03-01", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xa_role_get_person_name (holder), ==, "李秀英");
  g_clear_object (&holder);
  holder = xa_school_registry_dup_role_holder (fixture->registry, uuid, first_kind, "2020-01-01", &error);
  g_assert_no_error (error);
  g_assert_null (holder);

  /* After 李秀英's term ends, a new one may not reach back into it. */
  g_assert_true (xa_school_registry_end_role (fixture->registry, xa_role_get_uuid (first),
                                              "2022-07-01", &error));
  g_assert_no_error (error);
  g_assert_false (xa_school_registry_assign_role (fixture->registry, uuid, xa_person_get_uuid (zhang),
                                                  first_kind, "2022-06-01", NULL, &error));
  g_assert_error (error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "overlap"));
  g_clear_error (&error);
  g_assert_false (xa_school_registry_end_role (fixture->registry, xa_role_get_uuid (first),
                                               "2022-08-01", &error));
  g_assert_error (error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_INVALID);
}

static void
test_people (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaOrganisation) school = add_school (fixture, "2150000001", "示例区实验小学");
  g_autoptr(XaPerson) person = add_person (fixture, xa_organisation_get_uuid (school), "陈静");
  g_autoptr(XaPerson) bad = xa_person_new (xa_organisation_get_uuid (school), "");
  g_autoptr(XaPerson) orphan = xa_person_new ("no-such-school", "刘洋");
  g_autofree char *detail = NULL;
  g_autofree char *before = xa_test_fingerprint (fixture->store);
  g_autofree char *after = NULL;

  g_assert_false (xa_school_registry_add_person (fixture->registry, bad, &error));
  g_assert_error (error, XA_ORGANISATION_ERROR, XA_ORGANISATION_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (xa_school_registry_add_person (fixture->registry, orphan, &error));
  g_assert_error (error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  xa_person_set_phone (person, "电话");
  g_assert_false (xa_school_registry_update_person (fixture->registry, person, &error));
  g_assert_error (error, XA_ORGANISATION_ERROR, XA_ORGANISATION_ERROR_INVALID);
  g_clear_error (&error);
  after = xa_test_fingerprint (fixture->store);
  g_assert_cmpstr (after, ==, before);

  xa_person_set_phone (person, "138 0000 0000");
  xa_person_set_title (person, "副校长");
  g_assert_true (xa_school_registry_update_person (fixture->registry, person, &error));
  g_assert_no_error (error);
  detail = xa_test_query_text (fixture->store, "SELECT detail FROM audit WHERE action = 'person.update'");
  g_assert_nonnull (strstr (detail, "\"new\":\"副校长\""));
  g_assert_null (strstr (detail, "陈静"));
}

static void
assert_chain_holds (Fixture *fixture)
{
  xa_test_assert_chain_holds (fixture->store);
}

static XaRole *
dup_term (Fixture    *fixture,
          const char *school_uuid,
          const char *person_name,
          const char *since)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) roles = xa_school_registry_list_roles (fixture->registry, school_uuid,
                                                               TRUE, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (roles); i++)
    {
      g_autoptr(XaRole) role = g_list_model_get_item (roles, i);

      if (g_str_equal (xa_role_get_person_name (role), person_name) &&
          g_str_equal (xa_role_get_since (role), since))
        return g_steal_pointer (&role);
    }

  return NULL;
}

/* A person corrected, then removed: refused while they hold a term, and once removed
 * gone from the people but not from the history of the terms they held. */
static void
test_person_edit_remove (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaOrganisation) school = add_school (fixture, "2150000001", "示例区实验小学");
  const char *uuid = xa_organisation_get_uuid (school);
  g_autoptr(XaPerson) wang = add_person (fixture, uuid, "王建国");
  g_autoptr(XaPerson) li = add_person (fixture, uuid, "李秀英");
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GListModel) roles = NULL;
  g_autoptr(XaPerson) listed = NULL;
  g_autoptr(XaRole) ended = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *removed_at = NULL;

  /* The note and a phone typed any way: saved as the district writes it. */
  xa_person_set_phone (wang, "13800007750");
  xa_person_set_note (wang, "  兼任安全办主任 ");
  g_assert_true (xa_school_registry_update_person (fixture->registry, wang, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (xa_person_get_phone (wang), ==, "138 0000 7750");
  people = xa_school_registry_list_people (fixture->registry, uuid, &error);
  g_assert_no_error (error);
  for (guint i = 0; listed == NULL && i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(XaPerson) item = g_list_model_get_item (people, i);

      if (g_str_equal (xa_person_get_name (item), "王建国"))
        listed = g_steal_pointer (&item);
    }
  g_assert_nonnull (listed);
  g_assert_cmpstr (xa_person_get_phone (listed), ==, "138 0000 7750");
  g_assert_cmpstr (xa_person_get_note (listed), ==, "兼任安全办主任");
  detail = xa_test_query_text (fixture->store,
                               "SELECT detail FROM audit WHERE action = 'person.update'");
  g_assert_nonnull (strstr (detail, "\"note\":{\"old\":\"\",\"new\":\"兼任安全办主任\"}"));
  g_assert_nonnull (strstr (detail, "\"new\":\"138 0000 7750\""));
  g_clear_pointer (&detail, g_free);
  g_clear_object (&people);

  g_assert_true (xa_school_registry_assign_role (fixture->registry, uuid, xa_person_get_uuid (wang),
                                                 XA_ROLE_KIND_FIRST_RESPONSIBLE, "2021-09-01",
                                                 NULL, &error));
  g_assert_no_error (error);

  /* Refused while the term runs, by the check and by the removal, writing nothing. */
  before = xa_test_fingerprint (fixture->store);
  g_assert_false (xa_school_registry_check_person_removable (fixture->registry,
                                                             xa_person_get_uuid (wang), &error));
  g_assert_error (error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“王建国” cannot be removed while they are the First responsible person (since 2021-09-01)"));
  g_clear_error (&error);
  g_assert_false (xa_school_registry_remove_person (fixture->registry, xa_person_get_uuid (wang),
                                                    &error));
  g_assert_error (error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_INVALID);
  g_clear_error (&error);
  after = xa_test_fingerprint (fixture->store);
  g_assert_cmpstr (after, ==, before);

  /* Once the successor took over, 王建国 may go; his term stays in the history. */
  g_assert_true (xa_school_registry_assign_role (fixture->registry, uuid, xa_person_get_uuid (li),
                                                 XA_ROLE_KIND_FIRST_RESPONSIBLE, "2022-03-01",
                                                 NULL, &error));
  g_assert_no_error (error);
  g_assert_true (xa_school_registry_check_person_removable (fixture->registry,
                                                            xa_person_get_uuid (wang), &error));
  g_assert_no_error (error);
  g_assert_true (xa_school_registry_remove_person (fixture->registry, xa_person_get_uuid (wang),
                                                   &error));
  g_assert_no_error (error);

  people = xa_school_registry_list_people (fixture->registry, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 1);
  ended = dup_term (fixture, uuid, "王建国", "2021-09-01");
  g_assert_nonnull (ended);
  g_assert_cmpstr (xa_role_get_until (ended), ==, "2022-03-01");
  removed_at = xa_test_query_text (fixture->store,
                                   "SELECT removed_at FROM person WHERE name = '王建国'");
  g_assert_nonnull (removed_at);
  g_assert_cmpint (xa_test_query_int (fixture->store,
                                      "SELECT count(*) FROM audit WHERE action = 'person.remove'"
                                      " AND operator = '测试员' AND detail LIKE '%王建国%'"), ==, 1);

  /* Removed is gone for changes too: no second removal, no new term, no edit. */
  g_assert_false (xa_school_registry_remove_person (fixture->registry, xa_person_get_uuid (wang),
                                                    &error));
  g_assert_error (error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (xa_school_registry_assign_role (fixture->registry, uuid, xa_person_get_uuid (wang),
                                                  XA_ROLE_KIND_SAFETY_OFFICER, "2023-09-01",
                                                  NULL, &error));
  g_assert_error (error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (xa_school_registry_update_person (fixture->registry, wang, &error));
  g_assert_error (error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  assert_chain_holds (fixture);
}

/* A term ended without a successor, its first day and note corrected, and a term
 * entered by mistake removed: each checked against the others of its role, each with
 * its audit entry. */
static void
test_term_corrections (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaOrganisation) school = add_school (fixture, "2150000001", "示例区实验小学");
  const char *uuid = xa_organisation_get_uuid (school);
  g_autoptr(XaPerson) wang = add_person (fixture, uuid, "王建国");
  g_autoptr(XaPerson) li = add_person (fixture, uuid, "李秀英");
  g_autoptr(XaPerson) zhao = add_person (fixture, uuid, "赵敏");
  g_autoptr(XaRole) first = NULL;
  g_autoptr(XaRole) second = NULL;
  g_autoptr(XaRole) counsellor = NULL;
  g_autoptr(XaRole) term = NULL;
  g_autoptr(XaRole) predecessor = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *detail = NULL;
  const XaRoleKind first_kind = XA_ROLE_KIND_FIRST_RESPONSIBLE;

  g_assert_true (xa_school_registry_assign_role (fixture->registry, uuid, xa_person_get_uuid (wang),
                                                 first_kind, "2019-09-01", NULL, &error));
  g_assert_true (xa_school_registry_assign_role (fixture->registry, uuid, xa_person_get_uuid (li),
                                                 first_kind, "2022-03-01", "区教委任命", &error));
  g_assert_true (xa_school_registry_assign_role (fixture->registry, uuid, xa_person_get_uuid (zhao),
                                                 XA_ROLE_KIND_LEGAL_COUNSELLOR, "2021-09-01", NULL,
                                                 &error));
  g_assert_no_error (error);
  first = dup_term (fixture, uuid, "王建国", "2019-09-01");
  second = dup_term (fixture, uuid, "李秀英", "2022-03-01");
  counsellor = dup_term (fixture, uuid, "赵敏", "2021-09-01");

  /* The end of a term without a successor: the appointment ran out. */
  g_assert_true (xa_school_registry_end_role (fixture->registry, xa_role_get_uuid (counsellor),
                                              "2023-08-31", &error));
  g_assert_no_error (error);
  term = dup_term (fixture, uuid, "赵敏", "2021-09-01");
  g_assert_cmpstr (xa_role_get_until (term), ==, "2023-08-31");
  g_assert_false (xa_role_get_current (term));
  g_assert_cmpint (xa_test_query_int (fixture->store,
                                      "SELECT count(*) FROM audit WHERE action = 'role.end'"
                                      " AND operator = '测试员' AND detail LIKE '%\"until\":\"2023-08-31\"%'"),
                   ==, 1);
  g_clear_object (&term);

  /* Refusals, none of which writes: a bad day, a start after the end, a start before the
   * predecessor's, a start of the predecessor's reaching into the successor's. */
  before = xa_test_fingerprint (fixture->store);
  g_assert_false (xa_school_registry_update_role (fixture->registry, xa_role_get_uuid (second),
                                                  "2022-02-30", NULL, &error));
  g_assert_error (error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (xa_school_registry_update_role (fixture->registry, xa_role_get_uuid (first),
                                                  "2022-04-01", NULL, &error));
  g_assert_error (error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "after it ended on 2022-03-01"));
  g_clear_error (&error);
  g_assert_false (xa_school_registry_update_role (fixture->registry, xa_role_get_uuid (second),
                                                  "2019-08-01", "区教委任命", &error));
  g_assert_error (error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "only since 2019-09-01"));
  g_clear_error (&error);
  g_assert_false (xa_school_registry_end_role (fixture->registry, xa_role_get_uuid (second),
                                               "2022-02-01", &error));
  g_assert_error (error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_INVALID);
  g_clear_error (&error);
  after = xa_test_fingerprint (fixture->store);
  g_assert_cmpstr (after, ==, before);

  /* The successor began a month earlier: the predecessor handed over that day. */
  g_assert_true (xa_school_registry_update_role (fixture->registry, xa_role_get_uuid (second),
                                                 "2022-02-01", " 区教委任命（补发） ", &error));
  g_assert_no_error (error);
  term = dup_term (fixture, uuid, "李秀英", "2022-02-01");
  g_assert_nonnull (term);
  g_assert_cmpstr (xa_role_get_note (term), ==, "区教委任命（补发）");
  g_assert_true (xa_role_get_current (term));
  predecessor = dup_term (fixture, uuid, "王建国", "2019-09-01");
  g_assert_cmpstr (xa_role_get_until (predecessor), ==, "2022-02-01");
  g_clear_object (&predecessor);
  g_assert_cmpint (xa_test_query_int (fixture->store,
                                      "SELECT count(*) FROM audit WHERE action = 'role.update'"), ==, 2);
  detail = xa_test_query_text (fixture->store,
                               "SELECT detail FROM audit WHERE action = 'role.update'"
                               " AND detail LIKE '%李秀英%'");
  g_assert_nonnull (strstr (detail, "\"since\":{\"old\":\"2022-03-01\",\"new\":\"2022-02-01\"}"));
  g_clear_pointer (&detail, g_free);

  /* Saving it unchanged writes nothing. */
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);
  before = xa_test_fingerprint (fixture->store);
  g_assert_true (xa_school_registry_update_role (fixture->registry, xa_role_get_uuid (second),
                                                 "2022-02-01", "区教委任命（补发）", &error));
  g_assert_no_error (error);
  after = xa_test_fingerprint (fixture->store);
  g_assert_cmpstr (after, ==, before);

  /* The succession was entered by mistake: removing it gives 王建国 the role back. */
  predecessor = xa_school_registry_dup_role_predecessor (fixture->registry,
                                                         xa_role_get_uuid (second), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xa_role_get_person_name (predecessor), ==, "王建国");
  g_clear_object (&predecessor);
  g_assert_true (xa_school_registry_remove_role (fixture->registry, xa_role_get_uuid (second),
                                                 &error));
  g_assert_no_error (error);
  g_assert_null (dup_term (fixture, uuid, "李秀英", "2022-02-01"));
  predecessor = dup_term (fixture, uuid, "王建国", "2019-09-01");
  g_assert_true (xa_role_get_current (predecessor));
  g_clear_object (&predecessor);
  detail = xa_test_query_text (fixture->store, "SELECT detail FROM audit WHERE action = 'role.remove'");
  g_assert_nonnull (strstr (detail, "李秀英"));
  g_assert_nonnull (strstr (detail, "区教委任命（补发）"));
  g_clear_pointer (&detail, g_free);
  g_assert_cmpint (xa_test_query_int (fixture->store,
                                      "SELECT count(*) FROM audit WHERE action = 'role.reopen'"), ==, 1);

  /* 赵敏 appointed again: the new term may not reach back into her first. */
  g_assert_true (xa_school_registry_assign_role (fixture->registry, uuid, xa_person_get_uuid (zhao),
                                                 XA_ROLE_KIND_LEGAL_COUNSELLOR, "2023-09-01", NULL,
                                                 &error));
  g_assert_no_error (error);
  g_clear_object (&term);
  term = dup_term (fixture, uuid, "赵敏", "2023-09-01");
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);
  before = xa_test_fingerprint (fixture->store);
  g_assert_false (xa_school_registry_update_role (fixture->registry, xa_role_get_uuid (term),
                                                  "2023-01-01", NULL, &error));
  g_assert_error (error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "overlap the term of “赵敏”"));
  g_assert_nonnull (strstr (error->message, "from 2021-09-01 to 2023-08-31"));
  g_clear_error (&error);
  after = xa_test_fingerprint (fixture->store);
  g_assert_cmpstr (after, ==, before);

  /* An ended term removed gives nothing back. */
  g_assert_true (xa_school_registry_remove_role (fixture->registry, xa_role_get_uuid (counsellor),
                                                 &error));
  g_assert_no_error (error);
  g_assert_cmpint (xa_test_query_int (fixture->store,
                                      "SELECT count(*) FROM audit WHERE action = 'role.reopen'"), ==, 1);
  g_assert_false (xa_school_registry_remove_role (fixture->registry, xa_role_get_uuid (counsellor),
                                                  &error));
  g_assert_error (error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  assert_chain_holds (fixture);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GString    *log)
{
  g_string_append_printf (log, "%u-%u+%u;", position, removed, added);
}

static void
test_model (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(XaOrganisation) b = add_school (fixture, "2150000002", "乙小学");
  GListModel *schools = xa_school_registry_get_schools (fixture->registry);
  g_autoptr(XaOrganisation) a = NULL;
  g_autoptr(XaOrganisation) c = NULL;
  g_autoptr(XaOrganisation) copy = NULL;

  g_signal_connect (schools, "items-changed", G_CALLBACK (items_changed_cb), log);

  /* Ordered by code: inserts land where they belong, and only there. */
  a = add_school (fixture, "2150000001", "甲小学");
  c = add_school (fixture, "2150000003", "丙小学");
  g_assert_cmpstr (log->str, ==, "0-0+1;2-0+1;");

  g_assert_true (xa_school_registry_delete_school (fixture->registry, xa_organisation_get_uuid (b), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (log->str, ==, "0-0+1;2-0+1;1-1+0;");

  /* Editing a field changes no position, so the model does not emit. */
  copy = xa_organisation_copy (a);
  xa_organisation_set_name (copy, "甲小学校");
  g_assert_true (xa_school_registry_update_school (fixture->registry, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (log->str, ==, "0-0+1;2-0+1;1-1+0;");
  g_assert_cmpstr (xa_organisation_get_name (a), !=, "甲小学校");
  {
    g_autoptr(XaOrganisation) first = g_list_model_get_item (schools, 0);
    g_assert_cmpstr (xa_organisation_get_name (first), ==, "甲小学校");
  }

  /* A change of code that moves the school moves it in the model. */
  xa_organisation_set_code (copy, "2150000009");
  g_assert_true (xa_school_registry_update_school (fixture->registry, copy, &error));
  g_assert_no_error (error);
  {
    g_autoptr(XaOrganisation) last = g_list_model_get_item (schools, 1);
    g_assert_cmpstr (xa_organisation_get_code (last), ==, "2150000009");
  }

  g_signal_handlers_disconnect_by_func (schools, items_changed_cb, log);
}

static void
test_commission_and_years (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaOrganisation) commission = NULL;
  g_autoptr(GArray) years = NULL;

  g_assert_null (xa_school_registry_dup_commission (fixture->registry));
  g_assert_true (xa_school_registry_set_commission (fixture->registry, "示例区教育委员会",
                                                    "示例区示例路 100 号", "023-6888 0000", &error));
  g_assert_no_error (error);
  g_assert_true (xa_school_registry_set_commission (fixture->registry, "示例区教育委员会",
                                                    "示例区示例路 200 号", NULL, &error));
  g_assert_no_error (error);
  commission = xa_school_registry_dup_commission (fixture->registry);
  g_assert_nonnull (commission);
  g_assert_cmpint (xa_organisation_get_kind (commission), ==, XA_ORGANISATION_KIND_COMMISSION);
  g_assert_cmpstr (xa_organisation_get_address (commission), ==, "示例区示例路 200 号");
  g_assert_cmpint (xa_test_query_int (fixture->store, "SELECT count(*) FROM organisation"), ==, 1);
  g_assert_cmpuint (xa_school_registry_count_schools (fixture->registry), ==, 0);
  g_assert_cmpint (xa_test_query_int (fixture->store,
                              "SELECT count(*) FROM audit WHERE action LIKE 'commission.%'"),
                   ==, 2);

  g_assert_true (xa_school_registry_ensure_school_year (fixture->registry, 2022, &error));
  g_assert_true (xa_school_registry_ensure_school_year (fixture->registry, 2021, &error));
  g_assert_true (xa_school_registry_ensure_school_year (fixture->registry, 2021, &error));
  g_assert_no_error (error);
  g_assert_false (xa_school_registry_ensure_school_year (fixture->registry, 1066, &error));
  g_assert_error (error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_INVALID);
  g_clear_error (&error);
  years = xa_school_registry_list_school_years (fixture->registry, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (years->len, ==, 2);
  g_assert_cmpint (g_array_index (years, int, 0), ==, 2021);
  g_assert_cmpint (g_array_index (years, int, 1), ==, 2022);
  g_assert_cmpint (xa_test_query_int (fixture->store,
                              "SELECT count(*) FROM audit WHERE action = 'school-year.add'"),
                   ==, 2);
}

static gboolean
search_finds (XaSchoolRegistry *registry,
              const char       *term,
              const char       *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = xa_school_registry_search_schools (registry, term, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < found->len; i++)
    {
      if (g_strcmp0 (xa_organisation_get_code (found->pdata[i]), code) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Chinese search finds terms of one and two characters, follows renames, leaves deleted
 * schools out, and covers schools written before the index existed. */
static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(GPtrArray) all = NULL;

  g_object_unref (add_school (fixture, "2150000001", "示例区实验小学"));
  g_object_unref (add_school (fixture, "2150000002", "示例区第一中学"));
  g_object_unref (add_school (fixture, "3150000003", "凤岗幼儿园"));

  g_assert_true (search_finds (fixture->registry, "中", "2150000002"));
  g_assert_false (search_finds (fixture->registry, "中", "2150000001"));
  g_assert_true (search_finds (fixture->registry, "实验", "2150000001"));
  g_assert_false (search_finds (fixture->registry, "实验", "2150000002"));
  g_assert_true (search_finds (fixture->registry, "实验小学", "2150000001"));
  /* Every pair of a longer term is there, but not as one run: no match. */
  g_assert_false (search_finds (fixture->registry, "示例区小学", "2150000001"));
  g_assert_false (search_finds (fixture->registry, "幼儿园", "2150000001"));
  g_assert_true (search_finds (fixture->registry, "315", "3150000003"));
  g_assert_true (search_finds (fixture->registry, "示例 区", "2150000002"));

  /* The address is searched too (示例路), and the schools come by 学校标识码. */
  all = xa_school_registry_search_schools (fixture->registry, "示例", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);
  g_clear_pointer (&all, g_ptr_array_unref);
  all = xa_school_registry_search_schools (fixture->registry, "学", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpstr (xa_organisation_get_code (all->pdata[0]), ==, "2150000001");
  g_assert_cmpstr (xa_organisation_get_code (all->pdata[1]), ==, "2150000002");

  school = xa_school_registry_dup_school_by_code (fixture->registry, "2150000001", &error);
  g_assert_no_error (error);
  xa_organisation_set_name (school, "示例区育才小学");
  g_assert_true (xa_school_registry_update_school (fixture->registry, school, &error));
  g_assert_no_error (error);
  g_assert_false (search_finds (fixture->registry, "实验", "2150000001"));
  g_assert_true (search_finds (fixture->registry, "育才", "2150000001"));

  g_assert_true (xa_school_registry_delete_school (fixture->registry, xa_organisation_get_uuid (school), &error));
  g_assert_false (search_finds (fixture->registry, "育才", "2150000001"));
}

static void
test_search_after_migration (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("xa-search-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "xiaoan.db", NULL);
  g_autoptr(XaStore) store = NULL;
  g_autoptr(XaSchoolRegistry) registry = NULL;

  /* Schema 5 had no search index; its schools are found once it is migrated. */
  store = _xa_store_open_at_version (path, 5, &error);
  g_assert_no_error (error);
  g_assert_true (xa_store_exec (store,
                                "INSERT INTO organisation (uuid, kind, code, name, created_at, updated_at)"
                                " VALUES ('00000000-0000-4000-8000-000000000001', 'school', '2150000009',"
                                " '示例区消防学校', '2021-09-01T08:00:00+08:00', '2021-09-01T08:00:00+08:00')",
                                &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  store = xa_store_open (path, &error);
  g_assert_no_error (error);
  registry = xa_school_registry_new (store);
  g_assert_true (search_finds (registry, "消防", "2150000009"));
  g_assert_true (search_finds (registry, "消", "2150000009"));

  g_clear_object (&registry);
  g_clear_object (&store);
  xa_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* Messages stay in English: no text domain is bound, and the locale is C. */
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xa/registry/check-field", test_check_field);
  g_test_add ("/xa/registry/add", Fixture, NULL, fixture_set_up, test_add, fixture_tear_down);
  g_test_add ("/xa/registry/refused", Fixture, NULL, fixture_set_up, test_refused, fixture_tear_down);
  g_test_add ("/xa/registry/update", Fixture, NULL, fixture_set_up, test_update, fixture_tear_down);
  g_test_add ("/xa/registry/delete-restore", Fixture, NULL, fixture_set_up, test_delete_restore, fixture_tear_down);
  g_test_add ("/xa/registry/people", Fixture, NULL, fixture_set_up, test_people, fixture_tear_down);
  g_test_add ("/xa/registry/succession", Fixture, NULL, fixture_set_up, test_succession, fixture_tear_down);
  g_test_add ("/xa/registry/person-edit-remove", Fixture, NULL, fixture_set_up, test_person_edit_remove, fixture_tear_down);
  g_test_add ("/xa/registry/term-corrections", Fixture, NULL, fixture_set_up, test_term_corrections, fixture_tear_down);
  g_test_add ("/xa/registry/model", Fixture, NULL, fixture_set_up, test_model, fixture_tear_down);
  g_test_add ("/xa/registry/search", Fixture, NULL, fixture_set_up, test_search, fixture_tear_down);
  g_test_add_func ("/xa/registry/search-after-migration", test_search_after_migration);
  g_test_add ("/xa/registry/commission-and-years", Fixture, NULL, fixture_set_up, test_commission_and_years, fixture_tear_down);

  return g_test_run ();
}
