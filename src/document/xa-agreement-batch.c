/* xa-agreement-batch.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Many agreements into one PDF file each, fast (issue 3: 100 schools in under 3 s on two
 * cores, where writing each file with Cairo takes 10 s).
 *
 * Most of a lone agreement's time goes into preparing its fonts: cutting them down to
 * its characters (XaSubsetFonts) and Cairo embedding them in the file it finishes. So
 * each worker thread sets a chunk of agreements in one set of subsets made for all their
 * characters, renders them into one PDF in memory, where the fonts are embedded once,
 * and cuts it into one file per school with XaPdfSplitter, the font objects shared by
 * every file. Each worker has its own font map, and the workers share nothing but the
 * read-only agreements, templates and font choices.
 *
 * It is also the one place that says which agreements a batch holds and how its files
 * are named, so that the app's "全部导出" and `xiaoan-cli agreement render --all` give
 * the same folder: a year's current revisions, one file each, named by
 * xa_agreement_dup_file_name() (CODE-名称.pdf), carrying the audit chain's head.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-agreement-batch.h"
#include "xa-page-set.h"
#include "xa-pdf-file.h"
#include "xa-pdf-splitter.h"
#include "core/agreements/xa-agreement-images.h"
#include "core/store/xa-store-audit.h"
#include "core/util/xa-glib-compat.h"

/* A chunk costs one font subsetting (about 0.1 s), and its files carry the characters
 * of every school in it: chunks of 10 keep a file under 200 KB and 100 schools under
 * 2 s; chunks of 25 take 1 s and make files of 210 KB. */
#define MAX_CHUNK 10

typedef struct
{
  XaAgreement *agreement;
  XaTemplate  *template;
  char        *path;
} Item;

struct _XaAgreementBatch
{
  GObject          parent_instance;

  /* Owned references */
  XaFontResolver  *fonts;
  XaAgreementBook *book;     /* with xa_agreement_batch_new_for_book() */
  GHashTable      *book_templates;  /* template uuid → XaTemplate read from the book */
  GArray          *items;    /* of Item */
  GHashTable      *own_templates;  /* caller's XaTemplate → our private copy */
  GArray          *copies;   /* of XaAgreementCopy */
  char            *keywords;
  gboolean         no_page_codes;

  guint            n_workers;
  gboolean         running;

  /* Progress, changed on the main context only (see progress_idle_cb). */
  guint            n_done;
  char            *current_school;
};

G_DEFINE_FINAL_TYPE (XaAgreementBatch, xa_agreement_batch, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_N_DONE,
  PROP_N_TOTAL,
  PROP_FRACTION,
  PROP_CURRENT_SCHOOL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The queue takes no NULL, so items count from 1 there. */
#define WORKER_ENDED G_MAXUINT

/* One run, shared by its workers. */
typedef struct
{
  XaAgreementBatch *self;
  GCancellable     *cancellable;
  GAsyncQueue      *events;       /* of GUINT_TO_POINTER (item index + 1), or WORKER_ENDED */
  guint             chunk;
  int               next;         /* the first item nobody has claimed, atomically */
  int               failed;       /* atomically: stop claiming work */
  GMutex            mutex;
  GError           *error;        /* the first error, under mutex */
} Run;

/* A GListStore caches its last lookup, so even reading one from two threads at once
 * corrupts it: every worker reads templates of its own, copied before it starts. */
typedef struct
{
  Run        *run;
  GHashTable *templates;   /* the batch's template → this worker's copy */
} Worker;

static XaTemplate *
worker_template (Worker     *worker,
                 XaTemplate *template)
{
  XaTemplate *copy = g_hash_table_lookup (worker->templates, template);

  g_assert (copy != NULL);
  return copy;
}

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_clear_object (&item->agreement);
  g_clear_object (&item->template);
  g_clear_pointer (&item->path, g_free);
}

static void
run_fail (Run    *run,
          GError *error)
{
  g_mutex_lock (&run->mutex);
  if (run->error == NULL)
    run->error = error;
  else
    g_error_free (error);
  g_mutex_unlock (&run->mutex);
  g_atomic_int_set (&run->failed, TRUE);
}

/* One chunk: each agreement's pages, and all of them together to share fonts. */
typedef struct
{
  Run        *run;
  GPtrArray  *sets;       /* of XaPageSet, one per item */
  XaPageSet  *all;
} Chunk;

static gboolean
draw_chunk (gpointer          data,
            cairo_surface_t  *surface,
            GError          **error)
{
  Chunk *chunk = data;

  for (guint i = 0; i < chunk->sets->len; i++)
    {
      /* Between schools: a cancelled batch stops within one agreement. */
      if (g_cancellable_set_error_if_cancelled (chunk->run->cancellable, error))
        return FALSE;
      if (g_atomic_int_get (&chunk->run->failed))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "stopped");
          return FALSE;
        }

      if (!xa_page_set_write_pdf (g_ptr_array_index (chunk->sets, i), surface, error))
        return FALSE;
    }

  return TRUE;
}

/* Renders items [first, first + n) into one PDF in memory, every agreement in one set
 * of font subsets so that the file embeds each font once; @n_pages gets each one's
 * page count. */
static GBytes *
render_chunk (Worker  *worker,
              guint    first,
              guint    n,
              guint   *n_pages,
              GError **error)
{
  XaAgreementBatch *self = worker->run->self;
  g_autoptr(GPtrArray) sets = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(XaPageSet) all = xa_page_set_new ();
  Chunk chunk = { worker->run, sets, all };

  for (guint i = 0; i < n; i++)
    {
      const Item *item = &g_array_index (self->items, Item, first + i);
      XaPageSet *set = xa_page_set_new_for_agreement (item->agreement,
                                                      worker_template (worker, item->template),
                                                      (const XaAgreementCopy *) self->copies->data,
                                                      self->copies->len, self->fonts);

      xa_page_set_set_page_codes (set, !self->no_page_codes);
      g_ptr_array_add (sets, set);
      xa_page_set_append (all, set);
    }

  xa_page_set_share_fonts (all, self->fonts);
  for (guint i = 0; i < n; i++)
    n_pages[i] = xa_page_set_get_n_pages (g_ptr_array_index (sets, i));

  return xa_pdf_file_render (draw_chunk, &chunk, error);
}

static gboolean
write_chunk (Worker  *worker,
             guint    first,
             guint    n,
             GError **error)
{
  Run *run = worker->run;
  XaAgreementBatch *self = run->self;
  g_autofree guint *n_pages = g_new0 (guint, n);
  g_autoptr(GBytes) combined = NULL;
  g_autoptr(XaPdfSplitter) splitter = NULL;
  guint page = 0;

  if (!(combined = render_chunk (worker, first, n, n_pages, error)) ||
      !(splitter = xa_pdf_splitter_new (combined, error)))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      const Item *item = &g_array_index (self->items, Item, first + i);
      g_autoptr(GBytes) pdf = NULL;
      g_autofree char *title = NULL;
      g_autofree char *full_title = NULL;
      g_autofree char *subject = NULL;
      XaTemplateValues values;
      XaPdfInfo info;

      if (g_atomic_int_get (&run->failed))
        return TRUE;
      /* The whole chunk is drawn before its first file is cut out of it: without this a
       * cancelled batch would go on writing every file of the chunks under way. */
      if (g_cancellable_set_error_if_cancelled (run->cancellable, error))
        return FALSE;

      xa_agreement_fill_values (item->agreement, worker_template (worker, item->template), &values);
      title = xa_agreement_dup_title (worker_template (worker, item->template), &values);
      full_title = g_strdup_printf ("%s（%s）", title ? title : "", values.school_name);
      subject = xa_template_expand ("{school_year}", &values);
      info = (XaPdfInfo) { full_title, values.commission_name, subject, "Xiaoan " PACKAGE_VERSION,
                           self->keywords };

      if (!(pdf = xa_pdf_splitter_extract (splitter, page, n_pages[i], &info, error)))
        return FALSE;
      page += n_pages[i];

      if (!xa_pdf_file_save (pdf, item->path, error))
        return FALSE;

      g_async_queue_push (run->events, GUINT_TO_POINTER (first + i + 1));
    }

  return TRUE;
}

static gpointer
worker_thread (gpointer data)
{
  Worker *worker = data;
  Run *run = worker->run;
  guint n_items = run->self->items->len;

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      guint first = (guint) g_atomic_int_add (&run->next, (int) run->chunk);

      if (first >= n_items || g_atomic_int_get (&run->failed))
        break;

      if (!write_chunk (worker, first, MIN (run->chunk, n_items - first), &error))
        {
          run_fail (run, g_steal_pointer (&error));
          break;
        }
    }

  g_async_queue_push (run->events, GUINT_TO_POINTER (WORKER_ENDED));
  return NULL;
}

/* GObject */

static void
xa_agreement_batch_finalize (GObject *object)
{
  XaAgreementBatch *self = (XaAgreementBatch *) object;

  g_clear_object (&self->fonts);
  g_clear_object (&self->book);
  g_clear_pointer (&self->book_templates, g_hash_table_unref);
  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->own_templates, g_hash_table_unref);
  g_clear_pointer (&self->copies, g_array_unref);
  g_clear_pointer (&self->current_school, g_free);
  g_clear_pointer (&self->keywords, g_free);

  G_OBJECT_CLASS (xa_agreement_batch_parent_class)->finalize (object);
}

static void
xa_agreement_batch_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  XaAgreementBatch *self = XA_AGREEMENT_BATCH (object);

  switch (prop_id)
    {
    case PROP_N_DONE:
      g_value_set_uint (value, self->n_done);
      break;
    case PROP_N_TOTAL:
      g_value_set_uint (value, self->items->len);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, xa_agreement_batch_get_fraction (self));
      break;
    case PROP_CURRENT_SCHOOL:
      g_value_set_string (value, self->current_school);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_agreement_batch_class_init (XaAgreementBatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xa_agreement_batch_finalize;
  object_class->get_property = xa_agreement_batch_get_property;

  properties[PROP_N_DONE] =
    g_param_spec_uint ("n-done", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_TOTAL] =
    g_param_spec_uint ("n-total", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0, 1, 0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CURRENT_SCHOOL] =
    g_param_spec_string ("current-school", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xa_agreement_batch_init (XaAgreementBatch *self)
{
  XaAgreementCopy both[] = { XA_AGREEMENT_COPY_ALL };

  self->items = g_array_new (FALSE, TRUE, sizeof (Item));
  self->own_templates = g_hash_table_new_full (NULL, NULL, g_object_unref, g_object_unref);
  self->book_templates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_array_set_clear_func (self->items, item_clear);
  self->copies = g_array_new (FALSE, FALSE, sizeof (XaAgreementCopy));
  g_array_append_vals (self->copies, both, G_N_ELEMENTS (both));
  self->n_workers = CLAMP (g_get_num_processors (), 1, 8);
}

/* Public API */

/**
 * xa_agreement_batch_new:
 * @fonts: the typefaces, shared read-only by the workers
 *
 * Returns: (transfer full): an empty batch that writes both copies (一式两份) into each
 *   file, the commission's copy first
 */
XaAgreementBatch *
xa_agreement_batch_new (XaFontResolver *fonts)
{
  XaAgreementBatch *self;

  g_return_val_if_fail (XA_IS_FONT_RESOLVER (fonts), NULL);

  self = g_object_new (XA_TYPE_AGREEMENT_BATCH, NULL);
  self->fonts = g_object_ref (fonts);
  return self;
}

/**
 * xa_agreement_batch_new_for_book:
 * @book: where the agreements and their templates are read
 *
 * A batch that adds agreements of @book (xa_agreement_batch_add_year(),
 * xa_agreement_batch_add_agreement()), every file carrying the audit chain's head as its
 * PDF keywords, so that it shows which state of the store it was made from: the head
 * as it is now, so make the batch after any change that it should show.
 *
 * Returns: (transfer full) (nullable): an empty batch of both copies, or %NULL when the
 *   audit chain's head cannot be read
 */
XaAgreementBatch *
xa_agreement_batch_new_for_book (XaFontResolver   *fonts,
                                 XaAgreementBook  *book,
                                 GError          **error)
{
  g_autoptr(XaAgreementBatch) self = NULL;

  g_return_val_if_fail (XA_IS_FONT_RESOLVER (fonts), NULL);
  g_return_val_if_fail (XA_IS_AGREEMENT_BOOK (book), NULL);

  self = xa_agreement_batch_new (fonts);
  self->book = g_object_ref (book);
  if (!(self->keywords = xa_store_dup_audit_head_text (xa_agreement_book_get_store (book), error)))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * xa_agreement_batch_set_page_codes:
 * @shown: %FALSE for pages without their page code (xa-page-code.c)
 */
void
xa_agreement_batch_set_page_codes (XaAgreementBatch *self,
                                   gboolean          shown)
{
  g_return_if_fail (XA_IS_AGREEMENT_BATCH (self));
  g_return_if_fail (!self->running);

  self->no_page_codes = !shown;
}

/**
 * xa_agreement_batch_set_copies:
 * @copies: the originals each file holds, the commission's first when both
 */
void
xa_agreement_batch_set_copies (XaAgreementBatch *self,
                               XaCopies          copies)
{
  XaAgreementCopy array[2];
  guint n;

  g_return_if_fail (XA_IS_AGREEMENT_BATCH (self));
  g_return_if_fail (!self->running);

  n = xa_copies_to_array (copies, array);
  g_array_set_size (self->copies, 0);
  g_array_append_vals (self->copies, array, n);
}

/**
 * xa_agreement_batch_set_n_workers:
 *
 * How many threads render; by default one per processor, at most 8.
 */
void
xa_agreement_batch_set_n_workers (XaAgreementBatch *self,
                                  guint             n_workers)
{
  g_return_if_fail (XA_IS_AGREEMENT_BATCH (self));
  g_return_if_fail (!self->running);

  self->n_workers = CLAMP (n_workers, 1, 64);
}

/**
 * xa_agreement_batch_set_keywords:
 * @keywords: (nullable): the PDF keywords of every file, such as the audit chain's head
 *   (xa_store_dup_audit_head_text()), so that a file shows which state of the store it
 *   was made from
 */
void
xa_agreement_batch_set_keywords (XaAgreementBatch *self,
                                 const char       *keywords)
{
  g_return_if_fail (XA_IS_AGREEMENT_BATCH (self));
  g_return_if_fail (!self->running);

  g_set_str_compat (&self->keywords, keywords);
}

/**
 * xa_agreement_batch_add:
 * @template: the template version @agreement was made from
 * @path: the PDF file to write (replaced atomically)
 */
void
xa_agreement_batch_add (XaAgreementBatch *self,
                        XaAgreement      *agreement,
                        XaTemplate       *template,
                        const char       *path)
{
  XaTemplate *own;
  Item item;

  g_return_if_fail (XA_IS_AGREEMENT_BATCH (self));
  g_return_if_fail (XA_IS_AGREEMENT (agreement));
  g_return_if_fail (XA_IS_TEMPLATE (template));
  g_return_if_fail (path != NULL);
  g_return_if_fail (!self->running);

  own = g_hash_table_lookup (self->own_templates, template);
  if (own == NULL)
    {
      own = xa_template_copy (template);
      g_hash_table_insert (self->own_templates, g_object_ref (template), own);
    }

  item = (Item) { g_object_ref (agreement), g_object_ref (own), g_strdup (path) };
  g_array_append_val (self->items, item);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TOTAL]);
}

/**
 * xa_agreement_batch_dup_path:
 * @folder: where a batch writes its files
 *
 * Returns: (transfer full): the file of @agreement in @folder, named by
 *   xa_agreement_dup_file_name()
 */
char *
xa_agreement_batch_dup_path (const char  *folder,
                             XaAgreement *agreement)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (folder != NULL, NULL);
  g_return_val_if_fail (XA_IS_AGREEMENT (agreement), NULL);

  name = xa_agreement_dup_file_name (agreement);
  return g_build_filename (folder, name, NULL);
}

/**
 * xa_agreement_batch_add_agreement:
 * @agreement: read only from now on; worker threads read it
 * @path: the PDF file to write (replaced atomically)
 *
 * Adds @agreement with the template version it was made from, read from the book once
 * per version. Only for a batch made with xa_agreement_batch_new_for_book().
 *
 * Returns: %TRUE when its template was found
 */
gboolean
xa_agreement_batch_add_agreement (XaAgreementBatch  *self,
                                  XaAgreement       *agreement,
                                  const char        *path,
                                  GError           **error)
{
  const char *template_uuid;
  XaTemplate *template;

  g_return_val_if_fail (XA_IS_AGREEMENT_BATCH (self), FALSE);
  g_return_val_if_fail (XA_IS_AGREEMENT_BOOK (self->book), FALSE);
  g_return_val_if_fail (XA_IS_AGREEMENT (agreement), FALSE);

  template_uuid = xa_agreement_get_template_uuid (agreement);
  template = g_hash_table_lookup (self->book_templates, template_uuid);
  if (template == NULL)
    {
      if (!(template = xa_agreement_book_dup_template (self->book, agreement, error)))
        return FALSE;
      g_hash_table_insert (self->book_templates, g_strdup (template_uuid), template);
    }

  /* The parties' seals and signatures in use, read here on the caller's thread: the
   * workers read the agreement only. */
  if (!xa_agreement_book_attach_images (self->book, agreement, error))
    return FALSE;

  xa_agreement_batch_add (self, agreement, template, path);
  return TRUE;
}

/**
 * xa_agreement_batch_add_year:
 * @folder: where the files go, one per school, named by xa_agreement_batch_dup_path()
 *
 * Adds the current revision of every school's agreement for @school_year, read afresh
 * from the store: a snapshot that the book's own refreshes on the main thread leave
 * alone while the workers read it. Only for a batch made with
 * xa_agreement_batch_new_for_book().
 *
 * Returns: %TRUE when every agreement and template was read
 */
gboolean
xa_agreement_batch_add_year (XaAgreementBatch  *self,
                             int                school_year,
                             const char        *folder,
                             GError           **error)
{
  g_autoptr(GListModel) agreements = NULL;

  g_return_val_if_fail (XA_IS_AGREEMENT_BATCH (self), FALSE);
  g_return_val_if_fail (XA_IS_AGREEMENT_BOOK (self->book), FALSE);
  g_return_val_if_fail (folder != NULL, FALSE);

  if (!(agreements = xa_agreement_book_list_year (self->book, school_year, error)))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (agreements); i++)
    {
      g_autoptr(XaAgreement) agreement = g_list_model_get_item (agreements, i);
      g_autofree char *path = xa_agreement_batch_dup_path (folder, agreement);

      if (!xa_agreement_batch_add_agreement (self, agreement, path, error))
        return FALSE;
    }

  return TRUE;
}

guint
xa_agreement_batch_get_n_items (XaAgreementBatch *self)
{
  g_return_val_if_fail (XA_IS_AGREEMENT_BATCH (self), 0);

  return self->items->len;
}

guint
xa_agreement_batch_get_n_done (XaAgreementBatch *self)
{
  g_return_val_if_fail (XA_IS_AGREEMENT_BATCH (self), 0);

  return self->n_done;
}

double
xa_agreement_batch_get_fraction (XaAgreementBatch *self)
{
  g_return_val_if_fail (XA_IS_AGREEMENT_BATCH (self), 0);

  return self->items->len ? (double) self->n_done / self->items->len : 0;
}

/**
 * xa_agreement_batch_run:
 * @cancellable: (nullable): checked between schools
 * @progress: (scope call) (nullable): called on this thread after each file
 *
 * Writes every file, blocking until done, with the workers on threads of their own.
 * On an error or cancellation the workers stop between schools; files already written
 * stay, each complete.
 *
 * Returns: %TRUE when every file was written
 */
gboolean
xa_agreement_batch_run (XaAgreementBatch          *self,
                        GCancellable              *cancellable,
                        XaAgreementBatchProgress   progress,
                        gpointer                   user_data,
                        GError                   **error)
{
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  g_autofree Worker *workers = NULL;
  guint n_items;
  guint n_workers;
  guint n_running;
  guint n_done = 0;
  Run run = { self, cancellable, NULL, 0, 0, FALSE, };

  g_return_val_if_fail (XA_IS_AGREEMENT_BATCH (self), FALSE);
  g_return_val_if_fail (!self->running, FALSE);

  n_items = self->items->len;
  if (n_items == 0)
    return TRUE;

  self->running = TRUE;
  n_workers = MIN (self->n_workers, n_items);
  /* Every worker gets work at once, and none a chunk much bigger than the others. */
  run.chunk = CLAMP ((n_items + n_workers - 1) / n_workers, 1, MAX_CHUNK);
  run.events = g_async_queue_new ();
  g_mutex_init (&run.mutex);

  workers = g_new0 (Worker, n_workers);
  for (guint i = 0; i < n_workers; i++)
    {
      GHashTableIter iter;
      gpointer template;

      workers[i].run = &run;
      workers[i].templates = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
      g_hash_table_iter_init (&iter, self->own_templates);
      while (g_hash_table_iter_next (&iter, NULL, &template))
        g_hash_table_insert (workers[i].templates, template, xa_template_copy (template));
    }

  for (guint i = 0; i < n_workers; i++)
    g_ptr_array_add (threads, g_thread_new ("xa-agreement-batch", worker_thread, &workers[i]));

  for (n_running = n_workers; n_running > 0;)
    {
      guint event = GPOINTER_TO_UINT (g_async_queue_pop (run.events));
      const Item *item;

      if (event == WORKER_ENDED)
        {
          n_running--;
          continue;
        }

      item = &g_array_index (self->items, Item, event - 1);
      n_done++;
      if (progress != NULL)
        progress (n_done, n_items, item->agreement, item->path, user_data);
    }

  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));

  for (guint i = 0; i < n_workers; i++)
    g_hash_table_unref (workers[i].templates);
  g_async_queue_unref (run.events);
  g_mutex_clear (&run.mutex);
  self->running = FALSE;

  if (run.error != NULL)
    {
      g_propagate_error (error, run.error);
      return FALSE;
    }

  return TRUE;
}

/* Asynchronous: progress to the main context */

typedef struct
{
  XaAgreementBatch *self;
  guint             n_done;
  char             *school;
} Progress;

static void
progress_free (gpointer data)
{
  Progress *progress = data;

  g_object_unref (progress->self);
  g_free (progress->school);
  g_free (progress);
}

static gboolean
progress_idle_cb (gpointer data)
{
  Progress *progress = data;
  XaAgreementBatch *self = progress->self;

  self->n_done = progress->n_done;
  g_free (self->current_school);
  self->current_school = g_steal_pointer (&progress->school);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DONE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_SCHOOL]);
  return G_SOURCE_REMOVE;
}

static void
async_progress (guint        n_done,
                guint        n_total,
                XaAgreement *agreement,
                const char  *path,
                gpointer     user_data)
{
  GTask *task = user_data;
  Progress *progress = g_new0 (Progress, 1);

  progress->self = g_object_ref (g_task_get_source_object (task));
  progress->n_done = n_done;
  progress->school = g_strdup (xa_agreement_get_school_name (agreement));
  g_main_context_invoke_full (g_task_get_context (task), G_PRIORITY_DEFAULT,
                              progress_idle_cb, progress, progress_free);
}

static void
run_worker (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  GError *error = NULL;

  if (xa_agreement_batch_run (source_object, cancellable, async_progress, task, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * xa_agreement_batch_run_async:
 * @cancellable: (nullable): checked between schools
 *
 * Runs the batch off the calling thread. The progress properties change on the
 * calling thread's main context, so a progress bar can bind to "fraction".
 */
void
xa_agreement_batch_run_async (XaAgreementBatch    *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (XA_IS_AGREEMENT_BATCH (self));
  g_return_if_fail (!self->running);

  self->n_done = 0;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, xa_agreement_batch_run_async);
  /* The error, not a cancellation noticed too late, decides the outcome. */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, run_worker);
}

gboolean
xa_agreement_batch_run_finish (XaAgreementBatch  *self,
                               GAsyncResult      *result,
                               GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * xa_agreement_write_pdf:
 * @copies: (array length=n_copies): the copies to write, in order
 * @pdf_surface: an A4 PDF surface; the pages are appended
 * @n_pages: (out) (optional): how many pages were written
 *
 * Returns: %TRUE when every page was drawn
 */
gboolean
xa_agreement_write_pdf (XaAgreement            *agreement,
                        XaTemplate             *template,
                        const XaAgreementCopy  *copies,
                        guint                   n_copies,
                        XaFontResolver         *fonts,
                        cairo_surface_t        *pdf_surface,
                        guint                  *n_pages,
                        GError                **error)
{
  g_autoptr(XaPageSet) pages = NULL;

  g_return_val_if_fail (XA_IS_AGREEMENT (agreement), FALSE);
  g_return_val_if_fail (XA_IS_TEMPLATE (template), FALSE);
  g_return_val_if_fail (XA_IS_FONT_RESOLVER (fonts), FALSE);

  pages = xa_page_set_new_for_agreement (agreement, template, copies, n_copies, fonts);
  xa_page_set_share_fonts (pages, fonts);
  if (!xa_page_set_write_pdf (pages, pdf_surface, error))
    return FALSE;

  if (n_pages != NULL)
    *n_pages = xa_page_set_get_n_pages (pages);
  return TRUE;
}
