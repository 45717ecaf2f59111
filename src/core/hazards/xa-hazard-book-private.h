/* xa-hazard-book-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xa-hazard-book.h"
#include "xa-hazard-private.h"
#include "core/util/xa-grams.h"

G_BEGIN_DECLS

struct _XaHazardBook
{
  GObject           parent_instance;

  /* Owned references */
  XaSchoolRegistry *registry;
  XaStore          *store;
};

/* xa-hazard-row.c: a hazard as a row of the hazard table and its steps. */

/* The columns a hazard is read with, from `hazard h JOIN organisation o`: the row's id
 * first, then what _xa_hazard_row_read() takes. */
const char *_xa_hazard_row_columns      (void);
const char *_xa_hazard_row_column_of    (XaHazardField field);
#define XA_HAZARD_ROW_FROM " FROM hazard h JOIN organisation o ON o.id = h.organisation_id"

XaHazard   *_xa_hazard_row_read         (XaStatement  *stmt,
                                         gint64       *id);
gboolean    _xa_hazard_row_read_history (XaStore      *store,
                                         GPtrArray    *hazards,
                                         GArray       *ids,
                                         GError      **error);
XaHazard   *_xa_hazard_row_dup          (XaStore      *store,
                                         const char   *where,
                                         const char   *value,
                                         gint64       *id,
                                         GError      **error);

void        _xa_hazard_row_bind_field   (XaStatement  *stmt,
                                         int           index,
                                         XaHazard     *hazard,
                                         XaHazardField field);

/* The grams of a hazard's searchable columns, each once, never spanning the
 * punctuation or spaces between two words. */
GPtrArray  *_xa_hazard_row_grams        (XaHazard     *hazard,
                                          XaGramMemo   *memo);

/* xa-hazard-writer.c: the statements of one write that stores hazards, prepared once
 * for all of them: a form's save and the demo's million rows take the same path. Only
 * inside xa_store_write(). */
typedef struct _XaHazardWriter XaHazardWriter;

XaHazardWriter *_xa_hazard_writer_new    (XaStore             *store);
void        _xa_hazard_writer_free       (XaHazardWriter      *writer);
gboolean    _xa_hazard_writer_insert     (XaHazardWriter      *writer,
                                          XaHazard            *hazard,
                                          gint64               organisation_id,
                                          guint                sequence,
                                          gint64              *id,
                                          GError             **error);
/* What is made of a hazard before it is inserted, in another thread: its grams, and its
 * audit image for the row id it is to have (xa-hazard-demo.c). */
typedef struct
{
  GPtrArray    *grams;
  XaFreshImage *image;
  gint64        id;
} XaHazardMade;

gboolean    _xa_hazard_writer_insert_made (XaHazardWriter *writer,
                                           XaHazard       *hazard,
                                           gint64          organisation_id,
                                           guint           sequence,
                                           XaHazardMade   *made,
                                           gint64         *id,
                                           GError        **error);
gboolean    _xa_hazard_writer_insert_batch (XaHazardWriter   *writer,
                                            guint             n,
                                            XaHazard * const *hazards,
                                            const gint64     *organisation_ids,
                                            const guint      *sequences,
                                            XaHazardMade     *made,
                                            GError          **error);
void        _xa_hazard_writer_set_now    (XaHazardWriter      *writer,
                                          const char          *now);
XaFreshImage *_xa_hazard_new_image       (XaHazard            *hazard,
                                          XaImageArena        *arena,
                                          gint64               id,
                                          gint64               organisation_id,
                                          guint                sequence,
                                          const char          *now,
                                          const char          *operator_name);
gboolean    _xa_hazard_writer_add_step   (XaHazardWriter      *writer,
                                          gint64               hazard_id,
                                          guint                position,
                                          const XaHazardEntry *entry,
                                          GError             **error);
gboolean    _xa_hazard_writer_index      (XaHazardWriter      *writer,
                                          gint64               hazard_id,
                                          gint64               organisation_id,
                                          GPtrArray           *old_grams,
                                          GPtrArray           *grams,
                                          GError             **error);

void        _xa_hazard_writer_defer_grams (XaHazardWriter    *writer);
void        _xa_hazard_writer_image_inserts (XaHazardWriter  *writer);
void        _xa_hazard_note_new_image    (XaStore             *store,
                                          XaHazard            *hazard,
                                          gint64               id,
                                          gint64               organisation_id,
                                          guint                sequence,
                                          const char          *now,
                                          const char          *operator_name);
gboolean    _xa_hazard_writer_flush_grams (XaHazardWriter    *writer,
                                           GError           **error);
char       *_xa_hazard_writer_dup_gram_stat (XaHazardWriter *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XaHazardWriter, _xa_hazard_writer_free)

/* The school a hazard belongs to: its row id and 学校标识码. */
gboolean    _xa_hazard_book_find_school  (XaStore      *store,
                                          const char   *school_uuid,
                                          gint64       *organisation_id,
                                          char        **code,
                                          GError      **error);

/* The demo ledger in one write or a write a batch (xa-hazard-demo.c). */
gboolean    _xa_hazard_demo_fill_with    (XaHazardBook *book,
                                          guint         n_hazards,
                                          guint32       seed,
                                          const char   *today,
                                          gboolean      one_write,
                                          guint         batch_size,
                                          GError      **error);

G_END_DECLS
