/* xa-hazard-image.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The audit image of a hazard just inserted, from the values the writer bound
 * (xa-hazard-row.c), for xa_store_note_new_record(): the row's columns as the store
 * keeps them and its history as the table's derived column (xa-store-audit-image.c,
 * HAZARD_STEP_LINE). The store reads one hazard of each write back and compares, so a
 * column added to the table and not here shows at once.
 */

#include "config.h"

#include <string.h>

#include "xa-hazard-book-private.h"
#include "core/util/xa-text.h"

typedef enum
{
  COLUMN_FIELD,
  COLUMN_ID,
  COLUMN_ORGANISATION,
  COLUMN_SEQUENCE,
  COLUMN_VERSION,
  COLUMN_CREATED_AT,
  COLUMN_CREATED_BY,
  COLUMN_UPDATED_AT,
  COLUMN_UPDATED_BY,
  COLUMN_HISTORY,
} ColumnKind;

typedef struct
{
  const char    *name;
  ColumnKind     kind;
  XaHazardField  field;
} Column;

static Column  *columns;
static guint    n_columns;

static int
compare_columns (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (((const Column *) a)->name, ((const Column *) b)->name);
}

/* The image's columns, sorted by name: the table's and `history`. */
static void
ensure_columns (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      static const Column others[] = {
        { "id", COLUMN_ID }, { "organisation_id", COLUMN_ORGANISATION }, { "sequence", COLUMN_SEQUENCE },
        { "version", COLUMN_VERSION }, { "created_at", COLUMN_CREATED_AT },
        { "created_by", COLUMN_CREATED_BY }, { "updated_at", COLUMN_UPDATED_AT },
        { "updated_by", COLUMN_UPDATED_BY }, { "history", COLUMN_HISTORY },
      };
      GArray *list = g_array_new (FALSE, FALSE, sizeof (Column));

      g_array_append_vals (list, others, G_N_ELEMENTS (others));
      for (XaHazardField field = 0; field < XA_HAZARD_FIELD_NONE; field++)
        {
          /* The school is organisation_id; its UUID is not a column. */
          if (field != XA_HAZARD_FIELD_SCHOOL_UUID)
            {
              Column column = { xa_hazard_field_to_key (field), COLUMN_FIELD, field };

              g_array_append_val (list, column);
            }
        }
      g_array_sort (list, compare_columns);
      n_columns = list->len;
      columns = (Column *) (gpointer) g_array_free (list, FALSE);
      g_once_init_leave (&done, 1);
    }
}

static void
append_number (GString *text,
               gsize    number)
{
  char digits[XA_TEXT_INT64_SIZE];

  g_string_append_len (text, digits, xa_text_spell_int64 (digits, (gint64) number));
}

/* A text after its length in characters, as HAZARD_STEP_LINE has it. */
static void
append_counted (GString    *text,
                const char *value)
{
  append_number (text, g_utf8_strlen (value, -1));
  g_string_append_c (text, ',');
  g_string_append (text, value);
}

/* The history as HAZARD_STEP_LINE makes it, its lines joined by '|'; NULL without
 * steps. Texts stored as NULL when empty (date, note) are read as ''. Without printf:
 * the demo ledger spells four million steps. */
static char *
history_text (XaHazard *hazard)
{
  guint n = xa_hazard_get_n_entries (hazard);
  GString *text;

  if (n == 0)
    return NULL;

  text = g_string_sized_new (128 * n);
  for (guint i = 0; i < n; i++)
    {
      const XaHazardEntry *entry = xa_hazard_get_entry (hazard, i);
      const char *note = entry->note != NULL ? entry->note : "";

      if (i > 0)
        g_string_append_c (text, '|');
      append_number (text, i + 1);
      g_string_append_c (text, ',');
      g_string_append (text, xa_hazard_step_to_key (entry->step));
      g_string_append_c (text, ',');
      g_string_append (text, xa_hazard_state_to_key (entry->from));
      g_string_append_c (text, ',');
      g_string_append (text, xa_hazard_state_to_key (entry->to));
      g_string_append_c (text, ',');
      append_counted (text, entry->who);
      g_string_append_c (text, ',');
      g_string_append (text, entry->at);
      g_string_append_c (text, ',');
      g_string_append (text, entry->date != NULL ? entry->date : "");
      g_string_append_c (text, ',');
      append_counted (text, note);
    }

  return g_string_free (text, FALSE);
}

/* A field's value as _xa_hazard_row_bind_field() stores it; @number holds an integer's
 * text. */
static void
field_value (XaHazard      *hazard,
             XaHazardField  field,
             XaAuditValue  *value,
             char          *number,
             gsize          number_size)
{
  int integer = -1;

  switch ((guint) field)
    {
    case XA_HAZARD_FIELD_SCHOOL_YEAR:
      integer = xa_hazard_get_school_year (hazard);
      break;
    case XA_HAZARD_FIELD_REPORTED:
      integer = xa_hazard_get_reported (hazard) ? 1 : 0;
      break;
    case XA_HAZARD_FIELD_SUPERVISED:
      integer = xa_hazard_get_supervised (hazard) ? 1 : 0;
      break;
    case XA_HAZARD_FIELD_INSPECTION_TYPE:
      value->text = xa_inspection_type_to_key (xa_hazard_get_inspection_type (hazard));
      return;
    case XA_HAZARD_FIELD_CATEGORY:
      value->text = xa_hazard_category_to_key (xa_hazard_get_category (hazard));
      return;
    case XA_HAZARD_FIELD_GRADE:
      value->text = xa_hazard_grade_to_key (xa_hazard_get_grade (hazard));
      return;
    case XA_HAZARD_FIELD_REINSPECTION_RESULT:
      value->text = xa_reinspection_result_to_key (xa_hazard_get_reinspection_result (hazard));
      return;
    case XA_HAZARD_FIELD_STATE:
      value->text = xa_hazard_state_to_key (xa_hazard_get_state (hazard));
      return;
    default:
      value->text = xa_hazard_get_text (hazard, field);
      if (value->text != NULL && value->text[0] == '\0')
        value->text = NULL;
      return;
    }

  g_assert (number_size >= XA_TEXT_INT64_SIZE);
  xa_text_spell_int64 (number, integer);
  value->text = number;
  value->integer = TRUE;
}

/**
 * _xa_hazard_new_image:
 * @arena: (nullable): where to keep the image's texts, for one of many
 * @id: the row's id
 * @organisation_id: its school's row
 * @sequence: the number's sequence
 * @now: the time it was created and updated at
 * @operator_name: who created and updated it
 *
 * The audit image of @hazard as _xa_hazard_writer_insert() stores it with its history,
 * in any thread.
 *
 * Returns: (transfer full): the image
 */
XaFreshImage *
_xa_hazard_new_image (XaHazard     *hazard,
                      XaImageArena *arena,
                      gint64        id,
                      gint64        organisation_id,
                      guint         sequence,
                      const char   *now,
                      const char   *operator_name)
{
  /* On the stack: a kilobyte, which on the heap is a block too large for the
   * allocator's quick lists (see xa_image_arena_new()). */
  XaAuditValue values[XA_HAZARD_FIELD_NONE + 16];
  g_autofree char *history = history_text (hazard);
  /* Room for the integers' texts: one per column at most. */
  char numbers[XA_HAZARD_FIELD_NONE + 16][XA_TEXT_INT64_SIZE];
  guint n_numbers = 0;

  ensure_columns ();
  g_assert (n_columns <= G_N_ELEMENTS (values));
  memset (values, 0, sizeof values);
  for (guint i = 0; i < n_columns; i++)
    {
      XaAuditValue *value = &values[i];
      char *number = numbers[n_numbers];
      gint64 integer = 0;

      value->column = columns[i].name;
      switch (columns[i].kind)
        {
        case COLUMN_FIELD:
          field_value (hazard, columns[i].field, value, number, sizeof numbers[0]);
          n_numbers += value->integer ? 1 : 0;
          continue;
        case COLUMN_ID:
          integer = id;
          break;
        case COLUMN_ORGANISATION:
          integer = organisation_id;
          break;
        case COLUMN_SEQUENCE:
          integer = sequence;
          break;
        case COLUMN_VERSION:
          integer = 1;
          break;
        case COLUMN_CREATED_AT:
        case COLUMN_UPDATED_AT:
          value->text = now;
          continue;
        case COLUMN_CREATED_BY:
        case COLUMN_UPDATED_BY:
          value->text = operator_name;
          continue;
        case COLUMN_HISTORY:
        default:
          value->text = history;
          continue;
        }

      xa_text_spell_int64 (number, integer);
      value->text = number;
      value->integer = TRUE;
      n_numbers++;
    }

  if (arena != NULL)
    return xa_fresh_image_new_in (arena, "hazard", xa_hazard_get_uuid (hazard), xa_hazard_get_number (hazard),
                                  values, n_columns);
  return xa_fresh_image_new ("hazard", xa_hazard_get_uuid (hazard), xa_hazard_get_number (hazard),
                             values, n_columns);
}

/**
 * _xa_hazard_note_new_image:
 *
 * Gives the store the audit image of @hazard, just inserted with its history by
 * _xa_hazard_writer_insert(), and notes it as changed; see _xa_hazard_new_image().
 */
void
_xa_hazard_note_new_image (XaStore    *store,
                           XaHazard   *hazard,
                           gint64      id,
                           gint64      organisation_id,
                           guint       sequence,
                           const char *now,
                           const char *operator_name)
{
  xa_store_note_fresh_image (store, _xa_hazard_new_image (hazard, NULL, id, organisation_id, sequence,
                                                          now, operator_name));
}
