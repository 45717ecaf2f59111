/* xa-assessment-book.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The yearly assessments in the store (schema 21), read: a school's self-assessment
 * (`assessment_self`) and the commission's record, scores, vetoes and revisions
 * (`assessment`, `assessment_score`, `assessment_veto`, `assessment_revision`), put
 * together per school against the scheme version each used, a whole district in a few
 * statements. What the login may see is the server's to say: a school's login reads the
 * commission's side of its own assessment only once published, and the others' results
 * only through the published ranking. Writing is xa-assessment-book-write.c.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-assessment-book-private.h"

struct _XaAssessmentBook
{
  GObject       parent_instance;

  XaStore      *store;
  XaSchemeBook *schemes;
};

G_DEFINE_QUARK (xa-assessment-book-error-quark, xa_assessment_book_error)

G_DEFINE_FINAL_TYPE (XaAssessmentBook, xa_assessment_book, G_TYPE_OBJECT)

void
xa_ranking_entry_free (XaRankingEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->school_uuid);
  g_free (entry->school_code);
  g_free (entry->school_name);
  g_free (entry);
}

static void
xa_assessment_book_dispose (GObject *object)
{
  XaAssessmentBook *self = XA_ASSESSMENT_BOOK (object);

  g_clear_object (&self->store);
  g_clear_object (&self->schemes);

  G_OBJECT_CLASS (xa_assessment_book_parent_class)->dispose (object);
}

static void
xa_assessment_book_class_init (XaAssessmentBookClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = xa_assessment_book_dispose;
}

static void
xa_assessment_book_init (XaAssessmentBook *self)
{
}

/**
 * xa_assessment_book_new:
 *
 * Returns: (transfer full): the assessments of @store
 */
XaAssessmentBook *
xa_assessment_book_new (XaStore *store)
{
  XaAssessmentBook *self;

  g_return_val_if_fail (XA_IS_STORE (store), NULL);

  self = g_object_new (XA_TYPE_ASSESSMENT_BOOK, NULL);
  self->store = g_object_ref (store);
  self->schemes = xa_scheme_book_new (store);
  return self;
}

/**
 * xa_assessment_book_get_schemes:
 *
 * Returns: (transfer none): the scheme book of the same store
 */
XaSchemeBook *
xa_assessment_book_get_schemes (XaAssessmentBook *self)
{
  g_return_val_if_fail (XA_IS_ASSESSMENT_BOOK (self), NULL);
  return self->schemes;
}

XaStore *
_xa_assessment_book_get_store (XaAssessmentBook *self)
{
  return self->store;
}

/* Loading */

typedef struct
{
  gint64        organisation_id;
  char         *uuid;
  char         *code;
  char         *name;
  gint64        assessment_id;   /* 0: no commission record the login sees */
  guint         version;         /* 0: the newest */
  XaAssessment *assessment;
} School;

static void
school_free (gpointer data)
{
  School *school = data;

  g_free (school->uuid);
  g_free (school->code);
  g_free (school->name);
  g_clear_object (&school->assessment);
  g_free (school);
}

/* Whether the login is a school's (on a server; a file is the commission's or a single
 * school's own, which sees all it has). */
gboolean
_xa_assessment_book_is_school_login (XaStore  *store,
                 gboolean *school,
                 GError  **error)
{
  g_autoptr(XaStatement) stmt = NULL;

  *school = FALSE;
  if (!xa_store_get_is_server (store))
    return TRUE;
  /* From the catalogue, which every login reads: a server not yet set up has neither
   * the roles nor xa_my_organisation (). */
  if (!(stmt = xa_store_prepare (store,
                                 "SELECT count(*) FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid"
                                 " JOIN pg_roles u ON u.oid = m.member WHERE r.rolname = 'xiaoan_school' AND u.rolname = session_user",
                                 error)) ||
      !xa_statement_step_one (stmt, error))
    return FALSE;
  *school = xa_statement_get_int64 (stmt, 0) != 0;
  return TRUE;
}

static XaScheme *
scheme_of (XaStore     *store,
           GHashTable  *schemes,
           int          school_year,
           guint        version,
           GError     **error)
{
  XaScheme *scheme = g_hash_table_lookup (schemes, GUINT_TO_POINTER (version));

  if (scheme != NULL)
    return scheme;
  if (!_xa_scheme_book_read (store, school_year, version, &scheme, error))
    return NULL;
  if (scheme == NULL && version == 0)
    scheme = xa_scheme_new_default (school_year);
  else if (scheme == NULL)
    {
      g_set_error (error, XA_ASSESSMENT_BOOK_ERROR, XA_ASSESSMENT_BOOK_ERROR_NOT_FOUND,
                   _("The school year %d has no assessment scheme of version %u"), school_year, version);
      return NULL;
    }
  g_hash_table_insert (schemes, GUINT_TO_POINTER (version), scheme);
  return scheme;
}

static gboolean
load_schools (XaStore     *store,
              int          school_year,
              const char  *school_uuid,
              GPtrArray   *schools,
              GHashTable  *by_organisation,
              GError     **error)
{
  g_autoptr(XaStatement) stmt = NULL;
  XaStep step;

  if (!(stmt = xa_store_prepare (store,
                                 "SELECT o.id, o.uuid, o.code, o.name, a.id, a.scheme_version,"
                                 " (SELECT max (s.scheme_version) FROM assessment_self s"
                                 "  WHERE s.organisation_id = o.id AND s.school_year = ?)"
                                 " FROM organisation o LEFT JOIN assessment a ON a.organisation_id = o.id AND a.school_year = ?"
                                 " WHERE o.kind = 'school' AND o.deleted_at IS NULL AND (CAST (? AS TEXT) IS NULL OR o.uuid = ?)"
                                 " ORDER BY o.code, o.id",
                                 error)))
    return FALSE;
  xa_statement_bind_int (stmt, 1, school_year);
  xa_statement_bind_int (stmt, 2, school_year);
  xa_statement_bind_text_or_null (stmt, 3, school_uuid);
  xa_statement_bind_text_or_null (stmt, 4, school_uuid);
  while ((step = xa_statement_step (stmt, error)) == XA_STEP_ROW)
    {
      School *school = g_new0 (School, 1);

      school->organisation_id = xa_statement_get_int64 (stmt, 0);
      school->uuid = g_strdup (xa_statement_get_text (stmt, 1));
      school->code = g_strdup (xa_statement_get_text_or_null (stmt, 2));
      school->name = g_strdup (xa_statement_get_text (stmt, 3));
      if (!xa_statement_get_is_null (stmt, 4))
        {
          school->assessment_id = xa_statement_get_int64 (stmt, 4);
          school->version = (guint) xa_statement_get_int (stmt, 5);
        }
      else if (!xa_statement_get_is_null (stmt, 6))
        school->version = (guint) xa_statement_get_int (stmt, 6);
      g_ptr_array_add (schools, school);
      g_hash_table_insert (by_organisation, &school->organisation_id, school);
    }
  return step == XA_STEP_DONE;
}

/* What one row of a year's table gives its school's assessment; the row's first column
 * is the key of @by_key (an organisation's or an assessment's id). */
typedef void (*RowFunc) (XaAssessment *assessment,
                         XaStatement  *row);

static gboolean
load_rows (XaStore     *store,
           const char  *sql,
           int          school_year,
           gint64       only,
           GHashTable  *by_key,
           RowFunc      func,
           GError     **error)
{
  g_autoptr(XaStatement) stmt = NULL;
  XaStep step;

  /* Each statement takes the year, then the one organisation (0: all) twice. */
  if (!(stmt = xa_store_prepare (store, sql, error)))
    return FALSE;
  xa_statement_bind_int (stmt, 1, school_year);
  xa_statement_bind_int64 (stmt, 2, only);
  xa_statement_bind_int64 (stmt, 3, only);
  while ((step = xa_statement_step (stmt, error)) == XA_STEP_ROW)
    {
      gint64 key = xa_statement_get_int64 (stmt, 0);
      School *school = g_hash_table_lookup (by_key, &key);

      if (school != NULL)
        func (school->assessment, stmt);
    }
  return step == XA_STEP_DONE;
}

static void
record_row (XaAssessment *assessment,
            XaStatement  *row)
{
  _xa_assessment_set_record (assessment, xa_statement_get_text (row, 1),
                             xa_statement_get_int (row, 4) != 0, xa_statement_get_text_or_null (row, 5),
                             xa_statement_get_text_or_null (row, 6),
                             xa_statement_get_int (row, 7) != 0, xa_statement_get_text_or_null (row, 8),
                             xa_statement_get_text_or_null (row, 9));
  _xa_assessment_set_h (assessment, (guint) xa_statement_get_int (row, 2), xa_statement_get_text (row, 3));
}

static void
self_row (XaAssessment *assessment,
          XaStatement  *row)
{
  _xa_assessment_set_self (assessment, xa_statement_get_text (row, 1), xa_statement_get_double (row, 2),
                           xa_statement_get_text (row, 3), xa_statement_get_text (row, 4), xa_statement_get_text (row, 5));
}

static void
score_row (XaAssessment *assessment,
           XaStatement  *row)
{
  _xa_assessment_set_commission (assessment, xa_statement_get_text (row, 1), xa_statement_get_double (row, 2),
                                 xa_statement_get_text (row, 3), xa_statement_get_text (row, 4),
                                 xa_statement_get_text (row, 5),
                                 xa_statement_get_is_null (row, 6) ? -1 : xa_statement_get_double (row, 6),
                                 xa_statement_get_int (row, 7) != 0, xa_statement_get_text (row, 8));
}

static void
veto_row (XaAssessment *assessment,
          XaStatement  *row)
{
  g_auto(GStrv) evidence = g_strsplit (xa_statement_get_text (row, 3), " ", -1);
  XaVetoDecision veto = {
    (char *) xa_statement_get_text (row, 1), (char *) xa_statement_get_text (row, 2),
    evidence[0] != NULL && evidence[0][0] != '\0' ? evidence : NULL,
    (char *) xa_statement_get_text (row, 4), (char *) xa_statement_get_text (row, 5),
  };

  _xa_assessment_add_veto (assessment, &veto);
}

static void
revision_row (XaAssessment *assessment,
              XaStatement  *row)
{
  XaAssessmentRevision revision = {
    (char *) xa_statement_get_text (row, 1), (char *) xa_statement_get_text (row, 2),
    (char *) xa_statement_get_text (row, 3), (char *) xa_statement_get_text (row, 4),
    (char *) xa_statement_get_text (row, 5), (char *) xa_statement_get_text (row, 6),
  };

  _xa_assessment_add_revision (assessment, &revision);
}

#define OF_YEAR " WHERE school_year = ? AND (? = 0 OR organisation_id = ?)"
#define OF_ASSESSMENTS(table) \
  " FROM " table " x JOIN assessment a ON a.id = x.assessment_id WHERE a.school_year = ? AND (? = 0 OR a.organisation_id = ?)"

static gboolean
load_entered (XaStore     *store,
              int          school_year,
              gint64       only,
              GHashTable  *by_organisation,
              GHashTable  *by_assessment,
              GError     **error)
{
  return load_rows (store,
                    "SELECT organisation_id, uuid, h_events, h_notes, finalised, finalised_by, finalised_at,"
                    " published, published_by, published_at FROM assessment" OF_YEAR,
                    school_year, only, by_organisation, record_row, error) &&
         load_rows (store,
                    "SELECT organisation_id, code, score, notes, entered_by, entered_at FROM assessment_self" OF_YEAR,
                    school_year, only, by_organisation, self_row, error) &&
         load_rows (store,
                    "SELECT x.assessment_id, x.code, x.score, x.notes, x.scored_by, x.scored_at, x.suggestion, x.accepted,"
                    " x.override_reason" OF_ASSESSMENTS ("assessment_score"),
                    school_year, only, by_assessment, score_row, error) &&
         load_rows (store,
                    "SELECT x.assessment_id, x.ground, x.reason, x.evidence, x.decided_by, x.decided_on"
                    OF_ASSESSMENTS ("assessment_veto") " ORDER BY x.ground",
                    school_year, only, by_assessment, veto_row, error) &&
         load_rows (store,
                    "SELECT x.assessment_id, x.revised_at, x.revised_by, x.reason, x.code, x.old_value, x.new_value"
                    OF_ASSESSMENTS ("assessment_revision") " ORDER BY x.id",
                    school_year, only, by_assessment, revision_row, error);
}

static int
compare_rank (gconstpointer a,
              gconstpointer b)
{
  XaAssessment *x = *(XaAssessment **) a;
  XaAssessment *y = *(XaAssessment **) b;
  double tx = xa_assessment_get_total (x);
  double ty = xa_assessment_get_total (y);
  gboolean vx = xa_assessment_get_vetoed (x);
  gboolean vy = xa_assessment_get_vetoed (y);

  /* Scored before not scored, not vetoed before vetoed, then the higher total. */
  if ((tx < 0) != (ty < 0))
    return tx < 0 ? 1 : -1;
  if (vx != vy)
    return vx ? 1 : -1;
  if (tx != ty)
    return tx > ty ? -1 : 1;
  return g_strcmp0 (xa_assessment_get_school_code (x), xa_assessment_get_school_code (y));
}

/**
 * _xa_assessment_book_rank:
 *
 * Sorts @assessments best first and numbers the scored ones: vetoed schools after the
 * others, equal totals sharing a rank (1, 2, 2, 4).
 */
void
_xa_assessment_book_rank (GPtrArray *assessments)
{
  guint rank = 0;

  g_ptr_array_sort (assessments, compare_rank);
  for (guint i = 0; i < assessments->len; i++)
    {
      XaAssessment *assessment = g_ptr_array_index (assessments, i);

      if (xa_assessment_get_total (assessment) < 0)
        {
          _xa_assessment_set_rank (assessment, 0);
          continue;
        }
      if (i == 0 ||
          xa_assessment_get_vetoed (g_ptr_array_index (assessments, i - 1)) != xa_assessment_get_vetoed (assessment) ||
          xa_assessment_get_total (g_ptr_array_index (assessments, i - 1)) != xa_assessment_get_total (assessment))
        rank = i + 1;
      _xa_assessment_set_rank (assessment, rank);
    }
}

gboolean
_xa_assessment_book_load (XaStore     *store,
                          int          school_year,
                          const char  *school_uuid,
                          gboolean     rank,
                          GPtrArray   *assessments,
                          GError     **error)
{
  g_autoptr(GPtrArray) schools = g_ptr_array_new_with_free_func (school_free);
  g_autoptr(GHashTable) by_organisation = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) by_assessment = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) schemes = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  gboolean school_login;
  gint64 only;

  if (!_xa_assessment_book_is_school_login (store, &school_login, error) ||
      !load_schools (store, school_year, school_uuid, schools, by_organisation, error))
    return FALSE;
  for (guint i = 0; i < schools->len; i++)
    {
      School *school = g_ptr_array_index (schools, i);
      XaScheme *scheme = scheme_of (store, schemes, school_year, school->version, error);

      if (scheme == NULL)
        return FALSE;
      school->assessment = xa_assessment_new (scheme, school->uuid, school->code, school->name);
      _xa_assessment_set_commission_visible (school->assessment, school->assessment_id != 0 || !school_login);
      if (school->assessment_id != 0)
        g_hash_table_insert (by_assessment, &school->assessment_id, school);
    }
  /* One school's: its rows only (a write reads its school's again each time). */
  only = school_uuid != NULL && schools->len == 1 ? ((School *) g_ptr_array_index (schools, 0))->organisation_id : 0;
  if (!load_entered (store, school_year, only, by_organisation, by_assessment, error))
    return FALSE;

  for (guint i = 0; i < schools->len; i++)
    g_ptr_array_add (assessments, g_object_ref (((School *) g_ptr_array_index (schools, i))->assessment));
  if (rank)
    _xa_assessment_book_rank (assessments);
  return TRUE;
}

typedef struct
{
  int         school_year;
  const char *school_uuid;
  GPtrArray  *assessments;
} Load;

static gboolean
load_cb (XaStore   *store,
         gpointer   user_data,
         GError   **error)
{
  Load *load = user_data;

  return _xa_assessment_book_load (store, load->school_year, load->school_uuid, load->school_uuid == NULL,
                                   load->assessments, error);
}

/**
 * xa_assessment_book_dup:
 *
 * Returns: (transfer full): the school's assessment of the year (not started when
 *   nothing was entered), or %NULL with @error set (%XA_ASSESSMENT_BOOK_ERROR_NOT_FOUND
 *   when the school is not in the register the login sees)
 */
XaAssessment *
xa_assessment_book_dup (XaAssessmentBook  *self,
                        const char        *school_uuid,
                        int                school_year,
                        GError           **error)
{
  g_autoptr(GPtrArray) assessments = g_ptr_array_new_with_free_func (g_object_unref);
  Load load = { school_year, school_uuid, assessments };

  g_return_val_if_fail (XA_IS_ASSESSMENT_BOOK (self), NULL);
  g_return_val_if_fail (school_uuid != NULL, NULL);

  if (!xa_store_read (self->store, load_cb, &load, error))
    return NULL;
  if (assessments->len == 0)
    {
      g_set_error_literal (error, XA_ASSESSMENT_BOOK_ERROR, XA_ASSESSMENT_BOOK_ERROR_NOT_FOUND,
                           _("The school is not in the register"));
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (assessments, 0));
}

/**
 * xa_assessment_book_list:
 *
 * Returns: (transfer full) (element-type XaAssessment): every school's assessment of
 *   the year the login sees, ranked best first, or %NULL with @error set
 */
GPtrArray *
xa_assessment_book_list (XaAssessmentBook  *self,
                         int                school_year,
                         GError           **error)
{
  g_autoptr(GPtrArray) assessments = g_ptr_array_new_with_free_func (g_object_unref);
  Load load = { school_year, NULL, assessments };

  g_return_val_if_fail (XA_IS_ASSESSMENT_BOOK (self), NULL);

  if (!xa_store_read (self->store, load_cb, &load, error))
    return NULL;
  return g_steal_pointer (&assessments);
}

typedef struct
{
  int        school_year;
  GPtrArray *entries;
} Ranking;

static gboolean
ranking_cb (XaStore   *store,
            gpointer   user_data,
            GError   **error)
{
  Ranking *ranking = user_data;
  g_autoptr(XaStatement) stmt = NULL;
  XaStep step;

  if (!(stmt = xa_store_prepare (store,
                                 "SELECT school_uuid, school_code, school_name, total, grade, vetoed FROM assessment_ranking"
                                 " WHERE school_year = ? ORDER BY vetoed, total DESC, school_code",
                                 error)))
    return FALSE;
  xa_statement_bind_int (stmt, 1, ranking->school_year);
  while ((step = xa_statement_step (stmt, error)) == XA_STEP_ROW)
    {
      XaRankingEntry *entry = g_new0 (XaRankingEntry, 1);
      XaRankingEntry *previous = ranking->entries->len > 0
        ? g_ptr_array_index (ranking->entries, ranking->entries->len - 1) : NULL;
      const char *grade = xa_statement_get_text_or_null (stmt, 4);

      entry->school_uuid = g_strdup (xa_statement_get_text (stmt, 0));
      entry->school_code = g_strdup (xa_statement_get_text_or_null (stmt, 1));
      entry->school_name = g_strdup (xa_statement_get_text (stmt, 2));
      entry->total = xa_statement_get_is_null (stmt, 3) ? -1 : xa_statement_get_double (stmt, 3);
      entry->vetoed = xa_statement_get_int (stmt, 5) != 0;
      entry->grade = XA_GRADE_NONE;
      for (XaGrade g = XA_GRADE_EXCELLENT; g <= XA_GRADE_FAIL; g++)
        if (g_strcmp0 (grade, xa_grade_to_key (g)) == 0)
          entry->grade = g;
      entry->rank = previous != NULL && previous->vetoed == entry->vetoed && previous->total == entry->total
        ? previous->rank : ranking->entries->len + 1;
      g_ptr_array_add (ranking->entries, entry);
    }
  return step == XA_STEP_DONE;
}

/**
 * xa_assessment_book_list_ranking:
 *
 * Returns: (transfer full) (element-type XaRankingEntry): the year's published results,
 *   best first, or %NULL with @error set
 */
GPtrArray *
xa_assessment_book_list_ranking (XaAssessmentBook  *self,
                                 int                school_year,
                                 GError           **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) xa_ranking_entry_free);
  Ranking ranking = { school_year, entries };

  g_return_val_if_fail (XA_IS_ASSESSMENT_BOOK (self), NULL);

  if (!xa_store_read (self->store, ranking_cb, &ranking, error))
    return NULL;
  return g_steal_pointer (&entries);
}
