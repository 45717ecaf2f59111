/* xa-cli-pdf.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Digital signatures on the command line (issue 12): `pdf sign` signs a copy of a PDF
 * with the certificate of a PKCS#12 file, `pdf verify` reports each signature of a PDF,
 * signed here or elsewhere. Neither opens the database.
 *
 * The certificate file's password is read from a file (--password-file, "-" for the
 * standard input) or asked for on the terminal, never taken from the command line,
 * where every user of the computer could read it (ps, the shell's history).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "xa-cli-private.h"
#include "document/xa-pdf-signer.h"
#include "document/xa-pdf-verify.h"

/* `pdf verify`'s exit status besides 0, 1 and 2: the worst state of its signatures. */
enum {
  EXIT_UNSIGNED = 3,
  EXIT_CHANGED = 4,
  EXIT_UNVERIFIABLE = 5,
  EXIT_INVALID = 6,
};

const XaCliOption xa_cli_pdf_sign_options[] = {
  { "p12", G_OPTION_ARG_FILENAME, N_("the PKCS#12 file (.p12, .pfx) with the certificate and its private key"), "FILE",
    N_("--p12 needs a certificate file, such as 签名证书.p12") },
  { "password-file", G_OPTION_ARG_FILENAME, N_("read the certificate file's password from the first line of F (- for the standard input); asked for when not given"), "F",
    N_("--password-file needs a file that holds the password") },
  { "visible", G_OPTION_ARG_NONE, N_("show who signed and when in a box on the page"), NULL, NULL },
  { "page", G_OPTION_ARG_STRING, N_("the page that carries the signature, from 1 (default: the last)"), "N",
    N_("--page needs a page number, such as 1") },
  { "out", G_OPTION_ARG_FILENAME, N_("the signed PDF to write"), "OUT.pdf",
    N_("--out needs a file name, such as 已签名.pdf") },
  { NULL }
};

/* The first line of @text, without its line end. */
static char *
first_line (const char *text)
{
  return g_strndup (text, strcspn (text, "\r\n"));
}

static char *
read_password_file (const char  *path,
                    GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;

  if (g_str_equal (path, "-"))
    {
      char line[1024];

      if (fgets (line, sizeof line, stdin) == NULL)
        line[0] = '\0';
      return first_line (line);
    }

  if (!g_file_get_contents (path, &contents, NULL, &local_error))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, local_error->domain, local_error->code,
                   _("Cannot read the password file “%s”: %s"), display, local_error->message);
      return NULL;
    }

  return first_line (contents);
}

/* Asks on the terminal, without echo; the standard input's first line when it is not
 * a terminal. */
static char *
prompt_password (const char *p12)
{
  g_autofree char *display = g_filename_display_name (p12);
  struct termios saved, quiet;
  gboolean terminal = isatty (STDIN_FILENO) && tcgetattr (STDIN_FILENO, &saved) == 0;
  char line[1024];

  if (terminal)
    {
      /* Translators: a prompt on the terminal; %s is the certificate file */
      g_printerr (_("Password of “%s”: "), display);
      quiet = saved;
      quiet.c_lflag &= ~ECHO;
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
    }

  if (fgets (line, sizeof line, stdin) == NULL)
    line[0] = '\0';

  if (terminal)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
      g_printerr ("\n");
    }

  return first_line (line);
}

int
xa_cli_pdf_sign (XaCli *cli)
{
  const char *in = cli->args[0];
  const char *p12 = xa_cli_get_option (cli, "p12");
  const char *password_file = xa_cli_get_option (cli, "password-file");
  const char *page_text = xa_cli_get_option (cli, "page");
  const char *out = xa_cli_get_option (cli, "out");
  char *password;
  g_autoptr(XaPdfCredentials) credentials = NULL;
  g_autoptr(GError) error = NULL;
  XaPdfSignOptions options = { -1, FALSE, { 0, 0, 0, 0 }, NULL };

  if (p12 == NULL)
    return xa_cli_usage_error (_("“pdf sign” needs --p12 FILE, the certificate to sign with"));
  if (out == NULL)
    return xa_cli_usage_error (_("“pdf sign” needs --out OUT.pdf, where the signed copy goes"));
  if (page_text != NULL)
    {
      guint64 page = 0;

      if (!g_ascii_string_to_unsigned (page_text, 10, 1, G_MAXINT, &page, NULL))
        /* Translators: what was given with --page */
        return xa_cli_usage_error (_("--page: “%s” is not a page number such as 1"), page_text);
      options.page = (int) page - 1;
    }
  options.visible = xa_cli_get_switch (cli, "visible");

  password = password_file != NULL ? read_password_file (password_file, &error) : prompt_password (p12);
  if (password == NULL)
    return xa_cli_user_error (error);

  credentials = xa_pdf_credentials_load (p12, password, &error);
  xa_pdf_password_free (password);
  if (credentials == NULL)
    return xa_cli_user_error (error);

  if (!xa_pdf_sign_file (in, credentials, &options, out, &error))
    return xa_cli_user_error (error);

  return EXIT_OK;
}

static int
exit_status_of (GPtrArray *signatures)
{
  static const int statuses[] = {
    [XA_PDF_SIGNATURE_VALID] = EXIT_OK,
    [XA_PDF_SIGNATURE_CHANGED] = EXIT_CHANGED,
    [XA_PDF_SIGNATURE_UNVERIFIABLE] = EXIT_UNVERIFIABLE,
    [XA_PDF_SIGNATURE_INVALID] = EXIT_INVALID,
  };
  int status = EXIT_OK;

  if (signatures->len == 0)
    return EXIT_UNSIGNED;

  for (guint i = 0; i < signatures->len; i++)
    {
      const XaPdfSignature *signature = g_ptr_array_index (signatures, i);

      status = MAX (status, statuses[signature->state]);
    }

  return status;
}

static char *
format_signing_time (GDateTime *time)
{
  return time != NULL ? g_date_time_format (time, "%Y-%m-%d %H:%M:%S %:z") : g_strdup ("");
}

static void
print_json (const char *file,
            GPtrArray  *signatures)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, file);
  json_builder_set_member_name (builder, "signatures");
  json_builder_begin_array (builder);
  for (guint i = 0; i < signatures->len; i++)
    {
      const XaPdfSignature *signature = g_ptr_array_index (signatures, i);
      g_autofree char *time = format_signing_time (signature->time);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "field");
      json_builder_add_string_value (builder, signature->field);
      json_builder_set_member_name (builder, "state");
      json_builder_add_string_value (builder, xa_pdf_signature_state_to_key (signature->state));
      json_builder_set_member_name (builder, "signer");
      json_builder_add_string_value (builder, signature->signer);
      json_builder_set_member_name (builder, "signing_time");
      json_builder_add_string_value (builder, time);
      json_builder_set_member_name (builder, "certificate");
      json_builder_add_string_value (builder, xa_pdf_certificate_state_to_key (signature->certificate));
      json_builder_set_member_name (builder, "signed_bytes");
      json_builder_add_int_value (builder, signature->signed_end);
      json_builder_set_member_name (builder, "file_bytes");
      json_builder_add_int_value (builder, signature->file_size);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = json_to_string (root, TRUE);
  g_print ("%s\n", text);
}

static void
print_text (const char *file,
            GPtrArray  *signatures)
{
  g_autofree char *display = g_filename_display_name (file);

  if (signatures->len == 0)
    {
      g_print (_("“%s” has no digital signature\n"), display);
      return;
    }

  for (guint i = 0; i < signatures->len; i++)
    {
      const XaPdfSignature *signature = g_ptr_array_index (signatures, i);
      g_autofree char *time = format_signing_time (signature->time);

      /* Translators: the signature's number, its field's name, then what it proves */
      g_print (_("Signature %u (%s): %s\n"), i + 1, signature->field,
               xa_pdf_signature_state_to_string (signature->state));
      g_print ("  %s%s\n", _("Signer: "), signature->signer);
      g_print ("  %s%s\n", _("Signing time: "), time);
      g_print ("  %s%s\n", _("Certificate: "), xa_pdf_certificate_state_to_string (signature->certificate));
      if (signature->signed_end > 0)
        {
          g_autofree char *signed_bytes = g_strdup_printf ("%" G_GUINT64_FORMAT, signature->signed_end);
          g_autofree char *file_bytes = g_strdup_printf ("%" G_GUINT64_FORMAT, signature->file_size);

          g_print ("  ");
          /* Translators: how many bytes of the file the signature covers, of how many */
          g_print (_("Signed bytes: %s of %s\n"), signed_bytes, file_bytes);
        }
    }
}

int
xa_cli_pdf_verify (XaCli *cli)
{
  const char *file = cli->args[0];
  g_autoptr(GPtrArray) signatures = NULL;
  g_autoptr(GError) error = NULL;

  signatures = xa_pdf_verify_file (file, NULL, &error);
  if (signatures == NULL)
    return xa_cli_user_error (error);

  if (cli->json)
    print_json (file, signatures);
  else
    print_text (file, signatures);

  return exit_status_of (signatures);
}
