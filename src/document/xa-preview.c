/* xa-preview.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Previews of untrusted files (archived scans, signed PDFs sent in from elsewhere): the
 * work is done by the helper xiaoan-preview (src/preview), a process of its own with a
 * memory and CPU limit, fed the bytes on its standard input; this side only waits for
 * its PNG, kills it after a wall-clock timeout, and words what went wrong for the user,
 * naming the file (Poppler says "PDF document is damaged" of a truncated file and of a
 * file that is no PDF alike: reliability.md §0 finding 8). A hostile file costs the
 * helper's memory, never the app's. The stored bytes are only read: a preview is a new
 * file, never a change of the archived one.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xa-preview.h"

G_DEFINE_QUARK (xa-preview-error-quark, xa_preview_error)

static gsize sigpipe_ignored;

void
xa_preview_free (XaPreview *preview)
{
  if (preview == NULL)
    return;

  g_clear_pointer (&preview->png, g_bytes_unref);
  g_free (preview);
}

/**
 * xa_preview_dup_helper_path:
 *
 * Where the helper is: `$XIAOAN_PREVIEW_HELPER` (the tests), else beside the running
 * program in the build tree (`src/preview/xiaoan-preview` next to `src/xiaoan-cli`),
 * else the installed one in libexecdir.
 *
 * Returns: (transfer full) (type filename): the helper's path
 */
char *
xa_preview_dup_helper_path (void)
{
  const char *env = g_getenv ("XIAOAN_PREVIEW_HELPER");
  g_autofree char *self = NULL;

  if (env != NULL && env[0] != '\0')
    return g_strdup (env);

  if ((self = g_file_read_link ("/proc/self/exe", NULL)))
    {
      g_autofree char *dir = g_path_get_dirname (self);
      g_autofree char *beside = g_build_filename (dir, "preview", "xiaoan-preview", NULL);

      if (g_file_test (beside, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&beside);
    }

  return g_build_filename (LIBEXECDIR, "xiaoan-preview", NULL);
}

typedef struct
{
  GSubprocess *process;
  char        *name;
  int          page;
  gboolean     is_pdf_name;
  guint        timeout_ms;
  gboolean     timed_out;
  GSource     *timeout;
} Render;

static void
render_free (Render *render)
{
  if (render->timeout != NULL)
    {
      g_source_destroy (render->timeout);
      g_source_unref (render->timeout);
    }
  g_clear_object (&render->process);
  g_free (render->name);
  g_free (render);
}

static gboolean
timeout_cb (gpointer user_data)
{
  Render *render = user_data;

  render->timed_out = TRUE;
  g_subprocess_force_exit (render->process);
  return G_SOURCE_REMOVE;
}

/* The user's message for what the helper said (one word on its stderr). */
static GError *
refusal_error (Render     *render,
               const char *reason)
{
  const char *name = render->name;

  if (g_str_has_prefix (reason, "empty"))
    return g_error_new (XA_PREVIEW_ERROR, XA_PREVIEW_ERROR_EMPTY,
                        _("“%s” is empty (0 bytes): there is nothing to show"), name);
  if (g_str_has_prefix (reason, "not-supported"))
    return render->is_pdf_name
           ? g_error_new (XA_PREVIEW_ERROR, XA_PREVIEW_ERROR_NOT_SUPPORTED,
                          _("“%s” is not a PDF file, although its name ends in .pdf: its content is of another kind, or it was renamed"),
                          name)
           : g_error_new (XA_PREVIEW_ERROR, XA_PREVIEW_ERROR_NOT_SUPPORTED,
                          _("“%s” is neither a PDF nor a JPEG, PNG or TIFF image: it cannot be shown"), name);
  if (g_str_has_prefix (reason, "no-page"))
    return g_error_new (XA_PREVIEW_ERROR, XA_PREVIEW_ERROR_NO_PAGE,
                        _("“%s” has %d pages: there is no page %d"), name, atoi (reason + 7), render->page);
  if (g_str_has_prefix (reason, "too-large"))
    return g_error_new (XA_PREVIEW_ERROR, XA_PREVIEW_ERROR_TOO_LARGE,
                        _("“%s” is larger than can be shown safely (more than 120 megapixels, or over 64 MB)"), name);
  if (g_str_has_prefix (reason, "no-memory"))
    return g_error_new (XA_PREVIEW_ERROR, XA_PREVIEW_ERROR_STOPPED,
                        _("Showing “%s” was stopped: it needs more memory than a preview may take; the file may be damaged or hostile"),
                        name);
  if (g_str_has_prefix (reason, "encrypted"))
    return g_error_new (XA_PREVIEW_ERROR, XA_PREVIEW_ERROR_DAMAGED,
                        _("“%s” is a PDF protected by a password: it cannot be shown"), name);

  return g_error_new (XA_PREVIEW_ERROR, XA_PREVIEW_ERROR_DAMAGED,
                      _("“%s” is damaged (truncated or broken) and cannot be read; ask for the file again"), name);
}

/* The PNG after the helper's header line. */
static XaPreview *
parse_output (GBytes *out)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (out, &size);
  const char *newline = size > 0 ? memchr (data, '\n', MIN (size, 200)) : NULL;
  g_autofree char *header = NULL;
  g_autoptr(XaPreview) preview = g_new0 (XaPreview, 1);
  char word[32];

  if (newline == NULL)
    return NULL;
  header = g_strndup (data, newline - data);
  if (sscanf (header, "%31s %d %lf %lf %d %d", word, &preview->n_pages, &preview->page_width,
              &preview->page_height, &preview->width, &preview->height) != 6 ||
      !g_str_equal (word, "XIAOAN-PREVIEW"))
    return NULL;

  preview->png = g_bytes_new_from_bytes (out, newline + 1 - data, size - (newline + 1 - data));
  return g_steal_pointer (&preview);
}

static void
communicate_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Render *render = g_task_get_task_data (task);
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;
  XaPreview *preview;

  if (!g_subprocess_communicate_finish (render->process, result, &out, &err, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_subprocess_force_exit (render->process);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* A helper that stops reading (killed, or refused the start of the file) closes
   * its end before all was written: what matters is how it ended. */
  if (error != NULL)
    {
      g_clear_error (&error);
      g_subprocess_wait (render->process, NULL, NULL);
    }

  if (render->timed_out)
    g_task_return_new_error (task, XA_PREVIEW_ERROR, XA_PREVIEW_ERROR_STOPPED,
                             _("Showing “%s” was stopped: it took longer than %g seconds; the file may be damaged or hostile"),
                             render->name, render->timeout_ms / 1000.0);
  else if (g_subprocess_get_if_signaled (render->process))
    {
      int signal_number = g_subprocess_get_term_sig (render->process);

      g_task_return_new_error (task, XA_PREVIEW_ERROR, XA_PREVIEW_ERROR_STOPPED,
                               signal_number == SIGXCPU || signal_number == SIGKILL
                               ? _("Showing “%s” was stopped: it took more time or memory than a preview may take; the file may be damaged or hostile")
                               : _("Showing “%s” was stopped: the file could not be read (the preview helper crashed); the file may be damaged or hostile"),
                               render->name);
    }
  else if (g_subprocess_get_exit_status (render->process) == 2)
    {
      gsize size = 0;
      const char *data = err != NULL ? g_bytes_get_data (err, &size) : NULL;
      g_autofree char *reason = g_strndup (data ? data : "", MIN (size, 64));

      g_task_return_error (task, refusal_error (render, reason));
    }
  else if (g_subprocess_get_exit_status (render->process) != 0 || !(preview = parse_output (out)))
    g_task_return_new_error (task, XA_PREVIEW_ERROR, XA_PREVIEW_ERROR_HELPER,
                             _("“%s” cannot be shown: the preview helper failed (exit status %d)"),
                             render->name, g_subprocess_get_exit_status (render->process));
  else
    g_task_return_pointer (task, preview, (GDestroyNotify) xa_preview_free);
}

/**
 * xa_preview_render_async:
 * @content: the file's bytes (only read)
 * @display_name: how messages name the file (its original name)
 * @page: the page, from 1
 * @max_width: the box the page is fitted in, in pixels; the helper keeps the page
 *   within its pixel budget whatever is asked
 * @timeout_ms: the wall-clock time after which the helper is killed
 *
 * Renders one page of a PDF or an image in the helper process.
 */
void
xa_preview_render_async (GBytes               *content,
                         const char           *display_name,
                         int                   page,
                         int                   max_width,
                         int                   max_height,
                         guint                 timeout_ms,
                         GCancellable         *cancellable,
                         GAsyncReadyCallback   callback,
                         gpointer              user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autofree char *helper = xa_preview_dup_helper_path ();
  g_autofree char *lower = g_utf8_strdown (display_name, -1);
  char page_arg[16], width_arg[16], height_arg[16];
  g_autoptr(GError) error = NULL;
  Render *render = g_new0 (Render, 1);

  g_return_if_fail (content != NULL && display_name != NULL);

  /* A helper that refuses a file before reading all of it closes its end of the pipe:
   * the write must fail with EPIPE, not kill the app. */
  if (g_once_init_enter (&sigpipe_ignored))
    {
      signal (SIGPIPE, SIG_IGN);
      g_once_init_leave (&sigpipe_ignored, 1);
    }

  g_task_set_source_tag (task, xa_preview_render_async);
  render->name = g_strdup (display_name);
  render->page = page;
  render->is_pdf_name = g_str_has_suffix (lower, ".pdf");
  render->timeout_ms = timeout_ms;
  g_task_set_task_data (task, render, (GDestroyNotify) render_free);

  g_snprintf (page_arg, sizeof page_arg, "%d", page);
  g_snprintf (width_arg, sizeof width_arg, "%d", max_width);
  g_snprintf (height_arg, sizeof height_arg, "%d", max_height);
  render->process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                      G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                                      helper, page_arg, width_arg, height_arg, NULL);
  if (render->process == NULL)
    {
      g_task_return_new_error (task, XA_PREVIEW_ERROR, XA_PREVIEW_ERROR_HELPER,
                               _("“%s” cannot be shown: the preview helper %s cannot be run: %s"),
                               display_name, helper, error->message);
      return;
    }

  render->timeout = g_timeout_source_new (timeout_ms);
  g_source_set_callback (render->timeout, timeout_cb, render, NULL);
  g_source_attach (render->timeout, g_main_context_get_thread_default ());

  g_subprocess_communicate_async (render->process, content, cancellable, communicate_cb,
                                  g_steal_pointer (&task));
}

/**
 * xa_preview_render_finish:
 *
 * Returns: (transfer full): the page, or %NULL with @error set to a message that names
 *   the file and what is wrong with it
 */
XaPreview *
xa_preview_render_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
render_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

/**
 * xa_preview_render:
 *
 * xa_preview_render_async(), waited for: for the command line and workers, never the
 * main thread of the app.
 *
 * Returns: (transfer full): the page, or %NULL with @error set
 */
XaPreview *
xa_preview_render (GBytes        *content,
                   const char    *display_name,
                   int            page,
                   int            max_width,
                   int            max_height,
                   guint          timeout_ms,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GAsyncResult) result = NULL;
  XaPreview *preview;

  g_main_context_push_thread_default (context);
  xa_preview_render_async (content, display_name, page, max_width, max_height, timeout_ms, cancellable,
                           render_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);
  preview = xa_preview_render_finish (result, error);
  g_main_context_pop_thread_default (context);

  return preview;
}
