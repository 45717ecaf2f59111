/* xa-workspace.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The object graph of one installation, built in one place: the store of the data folder,
 * and every registry and book over it. The application, its window, the command line and
 * the tests' fixtures all take a workspace, so that a new area (the hazard ledger, the
 * assessment) is wired in here once instead of in each of them.
 *
 * A workspace opens for writing (the app, and commands that change data: the database
 * is created or migrated, the defaults stored) or for reading only (commands that only
 * look, which must leave the folder as they found it).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-workspace.h"

struct _XaWorkspace
{
  GObject            parent_instance;

  /* Owned references */
  XaStore           *store;
  XaSchoolRegistry  *registry;
  XaTemplateLibrary *templates;
  XaAgreementBook   *agreements;
  XaHazardBook      *hazards;
  XaInspectionBook  *inspections;
  XaArchive         *archive;
  XaEducationBook   *education;
  XaDrillBook       *drills;
  XaIncidentBook    *incidents;
};

G_DEFINE_FINAL_TYPE (XaWorkspace, xa_workspace, G_TYPE_OBJECT)

G_DEFINE_QUARK (xa-workspace-error-quark, xa_workspace_error)

static void
xa_workspace_dispose (GObject *object)
{
  XaWorkspace *self = XA_WORKSPACE (object);

  g_clear_object (&self->incidents);
  g_clear_object (&self->drills);
  g_clear_object (&self->archive);
  g_clear_object (&self->education);
  g_clear_object (&self->inspections);
  g_clear_object (&self->hazards);
  g_clear_object (&self->agreements);
  g_clear_object (&self->templates);
  g_clear_object (&self->registry);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (xa_workspace_parent_class)->dispose (object);
}

static void
xa_workspace_class_init (XaWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = xa_workspace_dispose;
}

static void
xa_workspace_init (XaWorkspace *self)
{
}

/**
 * xa_workspace_new_for_store:
 * @store: an open store
 *
 * Builds the registries and books over @store. The defaults (the shipped agreement
 * template) are not stored yet: see xa_workspace_ensure_defaults().
 *
 * Returns: (transfer full): the workspace
 */
XaWorkspace *
xa_workspace_new_for_store (XaStore *store)
{
  XaWorkspace *self;

  g_return_val_if_fail (XA_IS_STORE (store), NULL);

  self = g_object_new (XA_TYPE_WORKSPACE, NULL);
  self->store = g_object_ref (store);
  self->registry = xa_school_registry_new (store);
  self->templates = xa_template_library_new (store);
  self->agreements = xa_agreement_book_new (self->registry, self->templates);
  self->hazards = xa_hazard_book_new (self->registry);
  self->inspections = xa_inspection_book_new (self->registry, self->hazards);
  self->archive = xa_archive_new (store);
  self->education = xa_education_book_new (store);
  self->drills = xa_drill_book_new (self->inspections);
  self->incidents = xa_incident_book_new (store);

  return self;
}

/**
 * xa_workspace_ensure_defaults:
 *
 * Stores what a fresh installation starts with: the shipped 2021-2022 agreement template.
 * Does nothing when it is there already.
 */
gboolean
xa_workspace_ensure_defaults (XaWorkspace  *self,
                              GError      **error)
{
  g_return_val_if_fail (XA_IS_WORKSPACE (self), FALSE);

  return xa_template_library_ensure_default (self->templates, error);
}

/* The first run stores the shipped 2021-2022 template. A store that cannot take it (a
 * read-only file, a full disk) still opens for reading: the agreements section and the
 * commands that need a template say that there is none, and a write says why it fails. */
static XaWorkspace *
open_with_defaults (XaStore *store)
{
  XaWorkspace *self = xa_workspace_new_for_store (store);
  g_autoptr(GError) error = NULL;

  if (!xa_workspace_ensure_defaults (self, &error))
    g_warning ("Cannot store the default agreement template: %s", error->message);

  return self;
}

/**
 * xa_workspace_open:
 * @data_dir: (nullable) (type filename): the data folder; %NULL for the default one
 *   (see xa_store_dup_default_data_dir())
 * @operator_name: (nullable): who works in it, recorded in the audit log; %NULL for the
 *   account's name
 *
 * Opens (creating or migrating) the store `xiaoan.db` of @data_dir, builds the registries
 * and books over it and stores the defaults. The operator is named first, so that even
 * the defaults a fresh database receives are recorded under the right name. Only a store
 * that cannot be opened is an error; one that cannot take the defaults opens without.
 *
 * Returns: (transfer full): the workspace, or %NULL with @error set
 */
XaWorkspace *
xa_workspace_open (const char  *data_dir,
                   const char  *operator_name,
                   GError     **error)
{
  g_autofree char *dir = xa_store_dup_default_data_dir (data_dir);
  g_autofree char *path = g_build_filename (dir, "xiaoan.db", NULL);

  return xa_workspace_open_location (path, NULL, operator_name, error);
}

/**
 * xa_workspace_open_location:
 * @location: (type filename): a database file, or a `postgresql://` URI
 * @password: (nullable): the server's password, from the keyring; unused for a file
 * @operator_name: (nullable): as for xa_workspace_open()
 *
 * xa_workspace_open() for a database named by `--database` or `XIAOAN_DATABASE`, or
 * the server chosen in the preferences.
 *
 * Returns: (transfer full): the workspace, or %NULL with @error set
 */
XaWorkspace *
xa_workspace_open_location (const char  *location,
                            const char  *password,
                            const char  *operator_name,
                            GError     **error)
{
  g_autoptr(XaStore) store = NULL;

  g_return_val_if_fail (location != NULL, NULL);

  if (!(store = xa_store_open_location (location, password, FALSE, error)))
    return NULL;

  xa_store_set_operator (store, operator_name);
  return open_with_defaults (store);
}

/**
 * xa_workspace_open_for_reading:
 * @data_dir: (nullable) (type filename): the data folder; %NULL for the default one
 *
 * Opens the store `xiaoan.db` of @data_dir for reading only and builds the registries
 * and books over it. Nothing is created, migrated or stored, not even the defaults: a
 * folder without a database gives %XA_WORKSPACE_ERROR_NO_DATABASE and stays as it was.
 * Every migration so far adds tables or columns that the reads use, so a database of an
 * older schema cannot be read as it is: %XA_WORKSPACE_ERROR_OLD_SCHEMA. A newer or a
 * foreign one is refused as by xa_store_open().
 *
 * Returns: (transfer full): the workspace, or %NULL with @error set
 */
XaWorkspace *
xa_workspace_open_for_reading (const char  *data_dir,
                               GError     **error)
{
  g_autofree char *dir = xa_store_dup_default_data_dir (data_dir);
  g_autofree char *path = g_build_filename (dir, "xiaoan.db", NULL);

  return xa_workspace_open_location_for_reading (path, NULL, error);
}

/**
 * xa_workspace_open_location_for_reading:
 * @location: (type filename): a database file, or a `postgresql://` URI
 * @password: (nullable): the server's password; unused for a file
 *
 * xa_workspace_open_for_reading() for a database named by its location. The errors
 * name the data folder of a file, the server of a URI.
 *
 * Returns: (transfer full): the workspace, or %NULL with @error set
 */
XaWorkspace *
xa_workspace_open_location_for_reading (const char  *location,
                                        const char  *password,
                                        GError     **error)
{
  g_autoptr(XaStore) store = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *where = NULL;
  int version;

  g_return_val_if_fail (location != NULL, NULL);

  where = xa_store_location_is_server (location) ? NULL : g_path_get_dirname (location);
  if (!(store = xa_store_open_location (location, password, TRUE, &local_error)))
    {
      if (g_error_matches (local_error, XA_STORE_ERROR, XA_STORE_ERROR_NOT_FOUND))
        g_set_error (error, XA_WORKSPACE_ERROR, XA_WORKSPACE_ERROR_NO_DATABASE,
                     _("There is no database in %s yet"), where);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (where == NULL)
    where = g_strdup (xa_store_get_path (store));

  /* A file or a server schema that no Xiaoan ever set up is no database yet either. */
  version = xa_store_get_schema_version (store);
  if (version == 0)
    {
      g_set_error (error, XA_WORKSPACE_ERROR, XA_WORKSPACE_ERROR_NO_DATABASE,
                   _("There is no database in %s yet"), where);
      return NULL;
    }

  if (version < XA_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, XA_WORKSPACE_ERROR, XA_WORKSPACE_ERROR_OLD_SCHEMA,
                   _("The database in %s was made by an older version of Xiaoan (schema %d, now %d) and must be updated before it is read"),
                   where, version, XA_STORE_SCHEMA_VERSION);
      return NULL;
    }

  return xa_workspace_new_for_store (store);
}

XaWorkspace *
xa_workspace_open_in_memory (GError **error)
{
  g_autoptr(XaStore) store = NULL;

  if (!(store = xa_store_open_in_memory (error)))
    return NULL;

  return open_with_defaults (store);
}

XaStore *
xa_workspace_get_store (XaWorkspace *self)
{
  g_return_val_if_fail (XA_IS_WORKSPACE (self), NULL);

  return self->store;
}

XaSchoolRegistry *
xa_workspace_get_registry (XaWorkspace *self)
{
  g_return_val_if_fail (XA_IS_WORKSPACE (self), NULL);

  return self->registry;
}

XaTemplateLibrary *
xa_workspace_get_templates (XaWorkspace *self)
{
  g_return_val_if_fail (XA_IS_WORKSPACE (self), NULL);

  return self->templates;
}

XaAgreementBook *
xa_workspace_get_agreements (XaWorkspace *self)
{
  g_return_val_if_fail (XA_IS_WORKSPACE (self), NULL);

  return self->agreements;
}

/**
 * xa_workspace_get_hazards:
 *
 * Returns: (transfer none): the hazard ledgers
 */
XaHazardBook *
xa_workspace_get_hazards (XaWorkspace *self)
{
  g_return_val_if_fail (XA_IS_WORKSPACE (self), NULL);

  return self->hazards;
}

/**
 * xa_workspace_get_inspections:
 *
 * Returns: (transfer none): the inspections, checklists, school calendars and special
 *   campaigns
 */
XaInspectionBook *
xa_workspace_get_inspections (XaWorkspace *self)
{
  g_return_val_if_fail (XA_IS_WORKSPACE (self), NULL);

  return self->inspections;
}

/**
 * xa_workspace_get_archive:
 *
 * Returns: (transfer none): the archive of stored files and the 签回 board
 */
XaArchive *
xa_workspace_get_archive (XaWorkspace *self)
{
  g_return_val_if_fail (XA_IS_WORKSPACE (self), NULL);

  return self->archive;
}

/**
 * xa_workspace_get_education:
 *
 * Returns: (transfer none): the safety education records, rosters and coverage
 */
XaEducationBook *
xa_workspace_get_education (XaWorkspace *self)
{
  g_return_val_if_fail (XA_IS_WORKSPACE (self), NULL);

  return self->education;
}

/**
 * xa_workspace_get_drills:
 *
 * Returns: (transfer none): the drills and their frequency check
 */
XaDrillBook *
xa_workspace_get_drills (XaWorkspace *self)
{
  g_return_val_if_fail (XA_IS_WORKSPACE (self), NULL);

  return self->drills;
}

/**
 * xa_workspace_get_incidents:
 *
 * Returns: (transfer none): the incidents and the veto test's district list
 */
XaIncidentBook *
xa_workspace_get_incidents (XaWorkspace *self)
{
  g_return_val_if_fail (XA_IS_WORKSPACE (self), NULL);

  return self->incidents;
}
