/* xa-archive-import-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Importing into the archive (issue 12, "the paper loop"): the page codes of the files
 * chosen are read off the main thread (xa-scan-reader.c) and matched against the
 * agreements as stored (xa-scan-match.c); the clerk sees, for each agreement's
 * original, its files, its pages in order and what is missing, seen twice, foreign,
 * without a code or changed since printing, links by hand what carries no code, and
 * confirms. Each original's files are then archived all or none
 * (xa_archive_import_files_async()); files already archived are reported, not stored
 * again.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-archive-import-dialog.h"
#include "xa-archive-ui.h"
#include "core/util/xa-school-year.h"
#include "document/xa-font-resolver.h"
#include "document/xa-page-code.h"
#include "document/xa-scan-reader.h"

/* The files of one original, as the codes on their pages say, or one file without a
 * code of ours. */
typedef struct
{
  GPtrArray     *paths;      /* of char * */
  XaScanMatch   *match;      /* NULL for a file without a code */
  char          *agreement;  /* the agreement as stored, when known */
  XaArchiveCopy  copy;
  char          *school_uuid;
  int            school_year;
  char          *title;
  GPtrArray     *facts;      /* of char *: heading, text, heading, text… */
  XaArchiveLinkForm *form;   /* for a group the codes do not link */
} Group;

static void
group_free (Group *group)
{
  g_ptr_array_unref (group->paths);
  g_clear_pointer (&group->match, xa_scan_match_free);
  g_free (group->agreement);
  g_free (group->school_uuid);
  g_free (group->title);
  g_ptr_array_unref (group->facts);
  g_free (group);
}

struct _XaArchiveImportDialog
{
  AdwWindow     parent_instance;

  XaWorkspace  *workspace;
  GStrv         paths;
  GPtrArray    *groups;       /* of Group */
  GCancellable *cancellable;
  gboolean      busy;
  guint         importing;    /* the group being archived */
  guint         n_imported;
  GPtrArray    *duplicates;   /* of char * */
  char         *report;
  char         *error;
  char         *preset_school;
  int           preset_year;
  XaArchiveCopy preset_copy;

  GtkStack            *stack;
  GtkButton           *import_button;
  AdwPreferencesPage  *review_page;
  GtkLabel            *error_label;
  AdwStatusPage       *failed_page;
};

G_DEFINE_FINAL_TYPE (XaArchiveImportDialog, xa_archive_import_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

enum {
  IMPORTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_busy (XaArchiveImportDialog *self,
          gboolean               busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), !busy && self->groups != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Reading and matching, on a worker thread */

static char *
dup_where (const XaScanPage *page)
{
  g_autofree char *name = g_path_get_basename (page->source);

  /* Translators: a file and a page in it, such as “scan.pdf p. 3” */
  return g_strdup_printf (_("%s p. %u"), name, page->index + 1);
}

static void
add_fact (Group      *group,
          const char *heading,
          GString    *text)
{
  if (text->len == 0)
    return;
  g_ptr_array_add (group->facts, g_strdup (heading));
  g_ptr_array_add (group->facts, g_strdup (text->str));
}

static void
describe (Group            *group,
          const XaScanPage *pages)
{
  XaScanMatch *match = group->match;
  g_autoptr(GString) order = g_string_new (NULL);
  g_autoptr(GString) missing = g_string_new (NULL);
  g_autoptr(GString) duplicate = g_string_new (NULL);
  g_autoptr(GString) foreign = g_string_new (NULL);
  g_autoptr(GString) uncoded = g_string_new (NULL);
  g_autoptr(GString) changed = g_string_new (NULL);
  g_autoptr(GString) files = g_string_new (NULL);

  for (guint i = 0; i < group->paths->len; i++)
    {
      g_autofree char *name = g_path_get_basename (group->paths->pdata[i]);

      g_string_append_printf (files, i > 0 ? _(", %s") : "%s", name);
    }
  add_fact (group, C_("scan report", "Files"), files);
  if (match == NULL)
    return;

  for (guint p = 0; p < match->order->len; p++)
    {
      guint scan = g_array_index (match->order, guint, p);
      g_autofree char *where = scan != G_MAXUINT ? dup_where (&pages[scan]) : NULL;

      /* Translators: a page of the agreement and where it is in the scan */
      g_string_append_printf (order, p > 0 ? _(", %u: %s") : _("%u: %s"), p + 1, where ? where : _("missing"));
    }
  for (guint i = 0; i < match->missing->len; i++)
    g_string_append_printf (missing, i > 0 ? "、%u" : "%u", g_array_index (match->missing, guint, i));
  for (guint i = 0; i < match->changed->len; i++)
    g_string_append_printf (changed, i > 0 ? "、%u" : "%u", g_array_index (match->changed, guint, i));
  if (match->page_count_changed)
    g_string_append_printf (changed, "%s%s", changed->len > 0 ? _("; ") : "",
                            _("the agreement as stored now prints on another number of pages"));
  for (guint i = 0; i < match->pages->len; i++)
    {
      const XaScanMatchPage *page = &g_array_index (match->pages, XaScanMatchPage, i);
      g_autofree char *where = dup_where (&pages[page->scan]);
      GString *into = page->state == XA_SCAN_PAGE_DUPLICATE ? duplicate
                      : page->state == XA_SCAN_PAGE_FOREIGN ? foreign
                      : page->state == XA_SCAN_PAGE_UNCODED ? uncoded : NULL;

      if (into == NULL)
        continue;
      if (into->len > 0)
        g_string_append (into, _(", "));
      if (page->state == XA_SCAN_PAGE_DUPLICATE)
        /* Translators: a scanned page, then the agreement's page it repeats */
        g_string_append_printf (into, _("%s (page %u again)"), where, page->page);
      else
        g_string_append (into, where);
    }

  add_fact (group, C_("scan report", "Pages"), order);
  add_fact (group, C_("scan report", "Missing pages"), missing);
  add_fact (group, C_("scan report", "Duplicate pages"), duplicate);
  add_fact (group, C_("scan report", "Foreign pages"), foreign);
  add_fact (group, C_("scan report", "Without a code (match by hand)"), uncoded);
  add_fact (group, C_("scan report", "Changed since printed"), changed);
}

/* Which of the archive's two originals the code's party is. */
static void
resolve (Group           *group,
         XaAgreementBook *book,
         GError         **error)
{
  g_autoptr(XaAgreement) agreement = NULL;
  g_autoptr(XaTemplate) template = NULL;

  if (!group->match->known)
    return;
  if (!(agreement = xa_agreement_book_dup_by_uuid (book, group->match->agreement, error)) ||
      !(template = xa_agreement_book_dup_template (book, agreement, error)))
    return;

  group->agreement = g_strdup (group->match->agreement);
  group->school_uuid = g_strdup (xa_agreement_get_school_uuid (agreement));
  group->school_year = xa_agreement_get_school_year (agreement);
  if (group->match->copy >= 0 && group->match->copy == xa_agreement_copy_party_index (template, XA_AGREEMENT_COPY_COMMISSION))
    group->copy = XA_ARCHIVE_COPY_COMMISSION;
  else if (group->match->copy >= 0 && group->match->copy == xa_agreement_copy_party_index (template, XA_AGREEMENT_COPY_SCHOOL))
    group->copy = XA_ARCHIVE_COPY_SCHOOL;
}

/* The key of a file's first code of ours, "agreement:copy", or NULL. */
static char *
dup_file_key (GArray     *pages,
              const char *path)
{
  for (guint i = 0; i < pages->len; i++)
    {
      const XaScanPage *page = &g_array_index (pages, XaScanPage, i);

      if (g_strcmp0 (page->source, path) != 0 || page->codes == NULL)
        continue;
      for (guint j = 0; page->codes[j] != NULL; j++)
        {
          XaPageCode code;
          char *key;

          if (!xa_page_code_decode (page->codes[j], &code))
            continue;
          key = g_strdup_printf ("%s:%d", code.agreement, code.copy);
          xa_page_code_clear (&code);
          return key;
        }
    }

  return NULL;
}

static void
scan_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  XaArchiveImportDialog *self = source_object;
  g_autoptr(GArray) pages = NULL;
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(XaFontResolver) fonts = xa_font_resolver_new ();
  XaPageCodeStore store = { xa_workspace_get_agreements (self->workspace), fonts };
  GError *error = NULL;

  if (!(pages = xa_scan_read_files ((const char * const *) self->paths, cancellable, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  for (guint i = 0; self->paths[i] != NULL; i++)
    {
      g_autofree char *key = dup_file_key (pages, self->paths[i]);
      Group *group = key != NULL ? g_hash_table_lookup (by_key, key) : NULL;

      if (group == NULL)
        {
          group = g_new0 (Group, 1);
          group->paths = g_ptr_array_new_with_free_func (g_free);
          group->facts = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (groups, group);
          if (key != NULL)
            g_hash_table_insert (by_key, g_steal_pointer (&key), group);
        }
      g_ptr_array_add (group->paths, g_strdup (self->paths[i]));
    }

  for (guint g = 0; g < groups->len; g++)
    {
      Group *group = groups->pdata[g];
      g_autoptr(GArray) own = g_array_new (FALSE, FALSE, sizeof (XaScanPage));
      gboolean coded = FALSE;

      /* The group's pages, as shallow copies: the match keeps indices only. */
      for (guint i = 0; i < pages->len; i++)
        {
          XaScanPage *page = &g_array_index (pages, XaScanPage, i);

          if (g_ptr_array_find_with_equal_func (group->paths, page->source, g_str_equal, NULL))
            {
              g_array_append_vals (own, page, 1);
              coded = coded || (page->codes != NULL && page->codes[0] != NULL);
            }
        }

      if (coded)
        {
          if (!(group->match = xa_scan_match_new ((const XaScanPage *) own->data, own->len,
                                                  xa_page_code_lookup, &store, &error)))
            {
              g_task_return_error (task, error);
              return;
            }
          resolve (group, store.book, &error);
          if (error != NULL)
            {
              g_task_return_error (task, error);
              return;
            }
          if (group->match->known)
            group->title = g_strdup_printf ("%s · %s", group->match->expected->title,
                                            group->copy != XA_ARCHIVE_COPY_NONE ? xa_archive_copy_to_label (group->copy) : _("without label"));
        }
      if (group->title == NULL)
        {
          g_autofree char *name = g_path_get_basename (group->paths->pdata[0]);

          group->title = group->match == NULL
                         /* Translators: a file whose pages carry no code */
                         ? g_strdup_printf (_("%s: no page code, link it by hand"), name)
                         : g_strdup_printf (_("%s: its code names an agreement this database does not hold"), name);
        }
      describe (group, (const XaScanPage *) own->data);
    }

  g_task_return_pointer (task, g_steal_pointer (&groups), (GDestroyNotify) g_ptr_array_unref);
}

static void
show_groups (XaArchiveImportDialog *self)
{
  g_autoptr(GString) report = g_string_new (NULL);

  for (guint g = 0; g < self->groups->len; g++)
    {
      Group *group = self->groups->pdata[g];
      AdwPreferencesGroup *box;

      if (group->agreement == NULL)
        {
          group->form = xa_archive_link_form_new (self->workspace);
          box = ADW_PREFERENCES_GROUP (group->form);
          xa_archive_link_form_set (group->form, self->preset_school, self->preset_year, self->preset_copy);
          adw_preferences_group_set_description (box, _("Choose the school, its school year and the original, or leave the file unlinked."));
        }
      else
        box = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_group_set_title (box, group->title);
      g_string_append_printf (report, "%s\n", group->title);

      if (group->match != NULL && group->match->known)
        {
          GtkWidget *badge = gtk_label_new (xa_scan_match_is_complete (group->match) ? _("Complete") : _("Check before filing"));

          gtk_widget_add_css_class (badge, xa_scan_match_is_complete (group->match) ? "success" : "warning");
          adw_preferences_group_set_header_suffix (box, badge);
          g_string_append_printf (report, "%s\n", gtk_label_get_text (GTK_LABEL (badge)));
        }

      for (guint i = 0; i + 1 < group->facts->len; i += 2)
        {
          GtkWidget *row = adw_action_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), group->facts->pdata[i]);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), group->facts->pdata[i + 1]);
          gtk_widget_add_css_class (row, "property");
          adw_preferences_group_add (box, row);
          g_string_append_printf (report, "%s\t%s\n", (char *) group->facts->pdata[i], (char *) group->facts->pdata[i + 1]);
        }
      adw_preferences_page_add (self->review_page, box);
    }

  g_free (self->report);
  self->report = g_string_free (g_steal_pointer (&report), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "review");
}

static void
scanned_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  XaArchiveImportDialog *self = XA_ARCHIVE_IMPORT_DIALOG (object);
  g_autoptr(GError) error = NULL;
  GPtrArray *groups = g_task_propagate_pointer (G_TASK (result), &error);

  if (groups == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_free (self->error);
      self->error = g_strdup (error->message);
      adw_status_page_set_description (self->failed_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "failed");
      set_busy (self, FALSE);
      return;
    }

  self->groups = groups;
  show_groups (self);
  set_busy (self, FALSE);
}

/* Archiving, one original after another */

static void import_next (XaArchiveImportDialog *self);

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(XaArchiveImportDialog) self = user_data;
  g_autoptr(GPtrArray) duplicates = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  if (!(items = xa_archive_import_files_finish (XA_ARCHIVE (object), result, &duplicates, &error)))
    {
      g_free (self->error);
      self->error = self->importing > 0
                    /* Translators: why one original's files were not archived */
                    ? g_strdup_printf (_("%s (the files listed above it were archived)"), error->message)
                    : g_strdup (error->message);
      gtk_label_set_text (self->error_label, self->error);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      set_busy (self, FALSE);
      return;
    }

  self->n_imported += items->len;
  for (guint i = 0; i < duplicates->len; i++)
    g_ptr_array_add (self->duplicates, g_strdup (duplicates->pdata[i]));
  self->importing++;
  import_next (self);
}

static void
import_next (XaArchiveImportDialog *self)
{
  Group *group;
  g_autofree char *agreement = NULL;
  g_autoptr(GError) error = NULL;
  XaArchiveLink link = { 0 };

  if (self->importing >= self->groups->len)
    {
      g_ptr_array_add (self->duplicates, NULL);
      set_busy (self, FALSE);
      g_signal_emit (self, signals[IMPORTED], 0, self->n_imported, self->duplicates->pdata);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  group = self->groups->pdata[self->importing];
  if (group->form != NULL)
    {
      if (!xa_archive_link_form_get_link (group->form, &link, &agreement, &error))
        {
          gtk_label_set_text (self->error_label, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
          set_busy (self, FALSE);
          return;
        }
      if (link.agreement_uuid == NULL && link.school_uuid != NULL)
        link.kind = XA_ARCHIVE_KIND_SCAN;
    }
  else if (group->copy != XA_ARCHIVE_COPY_NONE)
    {
      link.agreement_uuid = group->agreement;
      link.copy = group->copy;
    }
  else
    {
      link.school_uuid = group->school_uuid;
      link.school_year = group->school_year;
      link.kind = XA_ARCHIVE_KIND_SCAN;
    }

  g_ptr_array_add (group->paths, NULL);
  xa_archive_import_files_async (xa_workspace_get_archive (self->workspace), (const char * const *) group->paths->pdata,
                                 &link, NULL, imported_cb, g_object_ref (self));
  g_ptr_array_remove_index (group->paths, group->paths->len - 1);
}

/**
 * xa_archive_import_dialog_confirm:
 *
 * What the clerk's 归档 does: archives each original's files, all or none, one after
 * another; the dialog closes once all are in, or says which file stopped it.
 */
void
xa_archive_import_dialog_confirm (XaArchiveImportDialog *self)
{
  g_return_if_fail (XA_IS_ARCHIVE_IMPORT_DIALOG (self));
  g_return_if_fail (self->groups != NULL && !self->busy);

  /* Links are checked before anything is written. */
  for (guint g = 0; g < self->groups->len; g++)
    {
      Group *group = self->groups->pdata[g];
      g_autofree char *agreement = NULL;
      g_autoptr(GError) error = NULL;
      XaArchiveLink link = { 0 };

      if (group->form != NULL && !xa_archive_link_form_get_link (group->form, &link, &agreement, &error))
        {
          g_free (self->error);
          self->error = g_strdup (error->message);
          gtk_label_set_text (self->error_label, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
          return;
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  set_busy (self, TRUE);
  import_next (self);
}

/* Building */

static void
cancel_cb (XaArchiveImportDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
xa_archive_import_dialog_dispose (GObject *object)
{
  XaArchiveImportDialog *self = XA_ARCHIVE_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->paths, g_strfreev);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->duplicates, g_ptr_array_unref);
  g_clear_pointer (&self->report, g_free);
  g_clear_pointer (&self->error, g_free);
  g_clear_pointer (&self->preset_school, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), XA_TYPE_ARCHIVE_IMPORT_DIALOG);
  G_OBJECT_CLASS (xa_archive_import_dialog_parent_class)->dispose (object);
}

static void
xa_archive_import_dialog_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  XaArchiveImportDialog *self = XA_ARCHIVE_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_archive_import_dialog_class_init (XaArchiveImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_archive_import_dialog_dispose;
  object_class->get_property = xa_archive_import_dialog_get_property;

  /* Whether the codes are being read or the files archived. */
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The files are archived: how many were stored, and a message for each one that was
   * archived already (a GStrv). */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xiaoan/Xiaoan/xa-archive-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XaArchiveImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, XaArchiveImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, XaArchiveImportDialog, review_page);
  gtk_widget_class_bind_template_child (widget_class, XaArchiveImportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, XaArchiveImportDialog, failed_page);
  gtk_widget_class_bind_template_callback (widget_class, cancel_cb);
  gtk_widget_class_bind_template_callback (widget_class, xa_archive_import_dialog_confirm);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
xa_archive_import_dialog_init (XaArchiveImportDialog *self)
{
  self->duplicates = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * xa_archive_import_dialog_new:
 * @paths: the files chosen or dropped
 *
 * Starts reading @paths' page codes at once; the dialog shows the report when done.
 */
XaArchiveImportDialog *
xa_archive_import_dialog_new (XaWorkspace        *workspace,
                              GtkWindow          *parent,
                              const char * const *paths)
{
  XaArchiveImportDialog *self = g_object_new (XA_TYPE_ARCHIVE_IMPORT_DIALOG, "transient-for", parent, NULL);
  g_autoptr(GTask) task = NULL;

  self->workspace = g_object_ref (workspace);
  self->paths = g_strdupv ((char **) paths);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  task = g_task_new (self, self->cancellable, scanned_cb, NULL);
  g_task_run_in_thread (task, scan_worker);
  return self;
}

/* What a file without a code is linked to at first: the board's missing original. */
void
xa_archive_import_dialog_preset (XaArchiveImportDialog *self,
                                 const char            *school_uuid,
                                 int                    school_year,
                                 XaArchiveCopy          copy)
{
  g_return_if_fail (XA_IS_ARCHIVE_IMPORT_DIALOG (self));

  g_free (self->preset_school);
  self->preset_school = g_strdup (school_uuid);
  self->preset_year = school_year;
  self->preset_copy = copy;
}

gboolean
xa_archive_import_dialog_get_busy (XaArchiveImportDialog *self)
{
  return self->busy;
}

guint
xa_archive_import_dialog_get_n_groups (XaArchiveImportDialog *self)
{
  return self->groups != NULL ? self->groups->len : 0;
}

/* Returns: (nullable): the review as text, once read */
const char *
xa_archive_import_dialog_get_report (XaArchiveImportDialog *self)
{
  return self->report;
}

/* Returns: (nullable): why reading or archiving stopped */
const char *
xa_archive_import_dialog_get_error (XaArchiveImportDialog *self)
{
  return self->error;
}
