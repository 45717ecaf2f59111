/* xa-store-audit.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The audit chain's check and its head: what `xiaoan-cli audit verify` and `audit head`
 * print, and what exported files carry.
 */

#pragma once

#include "xa-store.h"

G_BEGIN_DECLS

typedef enum
{
  XA_AUDIT_FINDING_ENTRY_MISSING,   /* a gap in the sequence numbers */
  XA_AUDIT_FINDING_ENTRY_UNLINKED,  /* its previous hash is not the hash before it */
  XA_AUDIT_FINDING_ENTRY_CHANGED,   /* its hash does not match its content */
  XA_AUDIT_FINDING_ENTRY_UNKEYED,   /* unsigned, after signed entries */
  XA_AUDIT_FINDING_OTHER_KEY,       /* signed with a key this computer does not have */
  XA_AUDIT_FINDING_LATE_BASELINE,   /* a baseline after the chain already had images */
  XA_AUDIT_FINDING_IMAGE_CHANGED,   /* a row image that does not match its entry */
  XA_AUDIT_FINDING_HEAD_MISSING,    /* no head file beside a signed chain */
  XA_AUDIT_FINDING_CUT,             /* shorter than a head it reached */
  XA_AUDIT_FINDING_REWRITTEN,       /* another hash at a head's sequence number */
  XA_AUDIT_FINDING_ROW_EDITED,
  XA_AUDIT_FINDING_ROW_DELETED,
  XA_AUDIT_FINDING_ROW_INSERTED,
  XA_AUDIT_FINDING_BLOB_MISSING,    /* a stored file gone, or not listed where a record names it */
  XA_AUDIT_FINDING_BLOB_DAMAGED,    /* a stored file whose bytes no longer match its SHA-256 */
} XaAuditFindingKind;

/* One thing `audit verify` found. */
typedef struct
{
  XaAuditFindingKind  kind;
  gint64              seq;      /* the entry concerned, or 0 */
  char               *table;    /* the record's table, for row findings */
  char               *uuid;
  char               *key;      /* the record as the user knows it (学校标识码, name) */
  char               *fields;   /* the columns edited, comma-separated */
  char               *message;  /* one line in the user's language */
} XaAuditFinding;

void        xa_audit_finding_free   (XaAuditFinding  *finding);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XaAuditFinding, xa_audit_finding_free)

GPtrArray  *xa_store_audit_verify   (XaStore         *self,
                                     gint64           known_seq,
                                     const char      *known_hash,
                                     gint64          *n_entries,
                                     GError         **error);
char       *xa_store_dup_audit_head (XaStore         *self,
                                     gint64          *seq,
                                     GError         **error);
char       *xa_store_dup_audit_head_text (XaStore     *self,
                                         GError     **error);

G_END_DECLS
