/* xa-scan-match.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The text of the code printed on every page of an agreement (issue 12, "the paper
 * loop"): "XA1:<uuid, 32 hex digits>:<copy>:<page>:<pages>:<hash>", upper case so that
 * a QR code holds it in its alphanumeric mode (version 3 at level M). */
#define XA_PAGE_CODE_TAG "XA1"

/* One page's code, decoded. */
typedef struct
{
  char  *agreement;  /* the agreement revision's uuid, lower case with dashes */
  int    copy;       /* the party whose original it is, from 0; -1 for a copy without label */
  guint  page;       /* from 1 */
  guint  n_pages;
  char  *hash;       /* xa_page_code_hash_text() of the page's text */
} XaPageCode;

char     *xa_page_code_encode    (const XaPageCode *code);
gboolean  xa_page_code_decode    (const char       *text,
                                  XaPageCode       *code);
void      xa_page_code_clear     (XaPageCode       *code);
char     *xa_page_code_hash_text (const char       *text);

/* One scanned page, as the scan reader gives it: where it came from and the texts of
 * the codes found on it (any, ours or not). */
typedef struct
{
  char   *source;    /* the file */
  guint   index;     /* the page in the file, from 0 */
  GStrv   codes;     /* NULL or empty: no code found */
} XaScanPage;

void      xa_scan_page_clear     (XaScanPage       *page);

/* What the store holds now for one agreement and copy: the hashes of its pages as it
 * prints today. */
typedef struct
{
  char   *agreement;    /* uuid */
  char   *title;        /* for the report: the school and the year */
  char   *copy_label;   /* 区教委存, 学校存; NULL for none */
  gboolean current;     /* not superseded by a later revision */
  GStrv   hashes;       /* one per page, in order */
} XaScanExpected;

void      xa_scan_expected_free  (XaScanExpected   *expected);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XaScanExpected, xa_scan_expected_free)

/* Returns: (transfer full) (nullable): what the store holds for @agreement's @copy, or
 * %NULL when it has no such agreement (then @error is left unset) or cannot be read
 * (then @error is set). */
typedef XaScanExpected *(*XaScanLookup) (const char  *agreement,
                                         int          copy,
                                         gpointer     user_data,
                                         GError     **error);

typedef enum
{
  XA_SCAN_PAGE_MATCHED,    /* a page of the agreement, first seen */
  XA_SCAN_PAGE_DUPLICATE,  /* a page already seen */
  XA_SCAN_PAGE_FOREIGN,    /* another agreement's or copy's page, or a code not ours */
  XA_SCAN_PAGE_UNCODED,    /* no code found: to be matched by hand */
} XaScanPageState;

/* One scanned page, as matched. */
typedef struct
{
  guint            scan;       /* its index in the pages given */
  XaScanPageState  state;
  guint            page;       /* its page number in the agreement, from 1; 0 if none */
  gboolean         changed;    /* its text's hash differs from the agreement's as stored now */
  char            *code;       /* the code read, for a foreign page; NULL otherwise */
} XaScanMatchPage;

/* The report of a scan, before the clerk confirms it: what the archive import takes. */
typedef struct
{
  char            *agreement;   /* uuid; NULL when no page carries a code of ours */
  int              copy;
  gboolean         known;       /* the store holds the agreement */
  XaScanExpected  *expected;    /* NULL unless known */
  guint            n_pages;     /* as the codes say */
  GArray          *pages;       /* of XaScanMatchPage, in scan order */
  GArray          *order;       /* of guint: the scan index of page 1, 2…, G_MAXUINT if missing */
  GArray          *missing;     /* of guint: page numbers */
  GArray          *changed;     /* of guint: page numbers whose hash differs */
  gboolean         page_count_changed; /* the agreement prints on a different number of pages now */
} XaScanMatch;

XaScanMatch *xa_scan_match_new    (const XaScanPage *pages,
                                   guint             n_pages,
                                   XaScanLookup      lookup,
                                   gpointer          user_data,
                                   GError          **error);
void         xa_scan_match_free   (XaScanMatch      *match);
guint        xa_scan_match_count  (XaScanMatch      *match,
                                   XaScanPageState   state);
gboolean     xa_scan_match_is_complete (XaScanMatch *match);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XaScanMatch, xa_scan_match_free)

G_END_DECLS
