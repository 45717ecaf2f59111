/* xa-template-change.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One clause's change between two templates, and the character-level comparison of its
 * texts. Chinese has no spaces between words, so the unit of comparison is the character:
 * a longest common subsequence over Unicode characters, with runs merged.
 */

#include "config.h"

#include <string.h>

#include "xa-template-change-private.h"

struct _XaTemplateChange
{
  GObject                parent_instance;

  /* Owned references */
  XaClause              *old_clause;
  XaClause              *new_clause;
  GPtrArray             *heading_segments;
  GPtrArray             *text_segments;

  XaTemplateChangeFlags  flags;
  guint                  depth;
  gboolean               supplement;
};

G_DEFINE_FINAL_TYPE (XaTemplateChange, xa_template_change, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (XaDiffSegment, xa_diff_segment, xa_diff_segment_copy, xa_diff_segment_free)

/* Past this many cells (old × new characters, after the common start and end are set
 * aside) the comparison gives the whole middle as deleted and inserted: a clause that
 * long rewritten that much reads better as a replacement anyway. */
#define MAX_LCS_CELLS (4 * 1024 * 1024)

/* An equal run this short between two changes is a coincidence (a shared 的 or ，), not
 * text that stayed: it is folded into the change around it. */
#define MIN_KEPT_EQUAL_CHARS 2

XaDiffSegment *
xa_diff_segment_new (XaDiffOp    op,
                     const char *text)
{
  XaDiffSegment *segment = g_new0 (XaDiffSegment, 1);

  segment->op = op;
  segment->text = g_strdup (text);
  return segment;
}

XaDiffSegment *
xa_diff_segment_copy (const XaDiffSegment *segment)
{
  return xa_diff_segment_new (segment->op, segment->text);
}

void
xa_diff_segment_free (XaDiffSegment *segment)
{
  if (segment == NULL)
    return;

  g_free (segment->text);
  g_free (segment);
}

typedef struct
{
  XaDiffOp  op;
  GString  *text;
} Run;

static void
append_run (GArray         *runs,
            XaDiffOp        op,
            const gunichar *chars,
            gsize           length)
{
  Run *last = runs->len > 0 ? &g_array_index (runs, Run, runs->len - 1) : NULL;
  Run run;

  if (length == 0)
    return;

  if (last == NULL || last->op != op)
    {
      run.op = op;
      run.text = g_string_new (NULL);
      g_array_append_val (runs, run);
      last = &g_array_index (runs, Run, runs->len - 1);
    }

  for (gsize i = 0; i < length; i++)
    g_string_append_unichar (last->text, chars[i]);
}

/* The middle of the two texts, which share no first and no last character. */
static void
diff_middle (GArray         *runs,
             const gunichar *a,
             gsize           n,
             const gunichar *b,
             gsize           m)
{
  g_autofree guint32 *lcs = NULL;
  gsize i = 0;
  gsize j = 0;

  if (n == 0 || m == 0 || (n + 1) * (m + 1) > MAX_LCS_CELLS)
    {
      append_run (runs, XA_DIFF_DELETED, a, n);
      append_run (runs, XA_DIFF_INSERTED, b, m);
      return;
    }

  /* lcs[i][j]: the longest common subsequence of a[i..] and b[j..]. Filled from the end,
   * so that the walk below goes forwards and, on ties, deletes before it inserts. */
#define LCS(x, y) lcs[(x) * (m + 1) + (y)]
  lcs = g_new0 (guint32, (n + 1) * (m + 1));
  for (gsize x = n; x-- > 0;)
    for (gsize y = m; y-- > 0;)
      LCS (x, y) = a[x] == b[y] ? LCS (x + 1, y + 1) + 1 : MAX (LCS (x + 1, y), LCS (x, y + 1));

  while (i < n && j < m)
    {
      if (a[i] == b[j])
        append_run (runs, XA_DIFF_EQUAL, &a[i++], 1), j++;
      else if (LCS (i + 1, j) >= LCS (i, j + 1))
        append_run (runs, XA_DIFF_DELETED, &a[i++], 1);
      else
        append_run (runs, XA_DIFF_INSERTED, &b[j++], 1);
    }
#undef LCS

  append_run (runs, XA_DIFF_DELETED, a + i, n - i);
  append_run (runs, XA_DIFF_INSERTED, b + j, m - j);
}

/* Turns runs into segments: between two equal runs, all that was deleted comes first as
 * one segment and all that was inserted as one after it, which is how a reader compares
 * a replaced phrase. Equal runs too short to mean anything are folded in. */
static GPtrArray *
runs_to_segments (GArray *runs)
{
  GPtrArray *segments = g_ptr_array_new_with_free_func ((GDestroyNotify) xa_diff_segment_free);
  g_autoptr(GString) deleted = g_string_new (NULL);
  g_autoptr(GString) inserted = g_string_new (NULL);

  for (guint i = 0; i <= runs->len; i++)
    {
      Run *run = i < runs->len ? &g_array_index (runs, Run, i) : NULL;
      gboolean between_changes = run != NULL && run->op == XA_DIFF_EQUAL &&
                                 (deleted->len > 0 || inserted->len > 0) &&
                                 i + 1 < runs->len &&
                                 g_utf8_strlen (run->text->str, -1) < MIN_KEPT_EQUAL_CHARS;

      if (run != NULL && (run->op != XA_DIFF_EQUAL || between_changes))
        {
          if (run->op == XA_DIFF_EQUAL)
            {
              g_string_append (deleted, run->text->str);
              g_string_append (inserted, run->text->str);
            }
          else
            g_string_append (run->op == XA_DIFF_DELETED ? deleted : inserted, run->text->str);
          continue;
        }

      if (deleted->len > 0)
        g_ptr_array_add (segments, xa_diff_segment_new (XA_DIFF_DELETED, deleted->str));
      if (inserted->len > 0)
        g_ptr_array_add (segments, xa_diff_segment_new (XA_DIFF_INSERTED, inserted->str));
      g_string_truncate (deleted, 0);
      g_string_truncate (inserted, 0);

      if (run != NULL)
        g_ptr_array_add (segments, xa_diff_segment_new (XA_DIFF_EQUAL, run->text->str));
    }

  return segments;
}

/**
 * xa_text_diff:
 * @old_text: (nullable): the text before
 * @new_text: (nullable): the text after
 *
 * Compares two texts character by character. Concatenating the equal and deleted
 * segments gives @old_text; the equal and inserted ones give @new_text.
 *
 * Returns: (transfer full) (element-type XaDiffSegment): the segments, in order
 */
GPtrArray *
xa_text_diff (const char *old_text,
              const char *new_text)
{
  g_autofree gunichar *a = NULL;
  g_autofree gunichar *b = NULL;
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (Run));
  glong n = 0;
  glong m = 0;
  glong prefix = 0;
  glong suffix = 0;
  GPtrArray *segments;

  a = g_utf8_to_ucs4_fast (old_text ? old_text : "", -1, &n);
  b = g_utf8_to_ucs4_fast (new_text ? new_text : "", -1, &m);

  /* Edits to a clause are local: set the common start and end aside, so the quadratic
   * part only sees what changed. */
  while (prefix < n && prefix < m && a[prefix] == b[prefix])
    prefix++;
  while (suffix < n - prefix && suffix < m - prefix && a[n - 1 - suffix] == b[m - 1 - suffix])
    suffix++;

  append_run (runs, XA_DIFF_EQUAL, a, prefix);
  diff_middle (runs, a + prefix, n - prefix - suffix, b + prefix, m - prefix - suffix);
  append_run (runs, XA_DIFF_EQUAL, a + n - suffix, suffix);

  segments = runs_to_segments (runs);

  for (guint i = 0; i < runs->len; i++)
    g_string_free (g_array_index (runs, Run, i).text, TRUE);

  return segments;
}

static GPtrArray *
whole_text (XaDiffOp    op,
            const char *text)
{
  GPtrArray *segments = g_ptr_array_new_with_free_func ((GDestroyNotify) xa_diff_segment_free);

  if (text != NULL && text[0] != '\0')
    g_ptr_array_add (segments, xa_diff_segment_new (op, text));
  return segments;
}

static void
xa_template_change_finalize (GObject *object)
{
  XaTemplateChange *self = XA_TEMPLATE_CHANGE (object);

  g_clear_object (&self->old_clause);
  g_clear_object (&self->new_clause);
  g_clear_pointer (&self->heading_segments, g_ptr_array_unref);
  g_clear_pointer (&self->text_segments, g_ptr_array_unref);

  G_OBJECT_CLASS (xa_template_change_parent_class)->finalize (object);
}

static void
xa_template_change_class_init (XaTemplateChangeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xa_template_change_finalize;
}

static void
xa_template_change_init (XaTemplateChange *self)
{
}

/**
 * xa_template_change_new:
 * @old_clause: (nullable): the clause in the older template, %NULL when added
 * @new_clause: (nullable): the clause in the newer template, %NULL when removed
 * @flags: what changed besides the texts, which are compared here
 * @depth: the clause's depth in its tree, 0 at the top
 *
 * Returns: (transfer full): the change, with the heading and text compared
 */
XaTemplateChange *
xa_template_change_new (XaClause              *old_clause,
                        XaClause              *new_clause,
                        XaTemplateChangeFlags  flags,
                        guint                  depth)
{
  XaTemplateChange *self;

  g_return_val_if_fail (old_clause != NULL || new_clause != NULL, NULL);

  self = g_object_new (XA_TYPE_TEMPLATE_CHANGE, NULL);
  self->old_clause = old_clause ? g_object_ref (old_clause) : NULL;
  self->new_clause = new_clause ? g_object_ref (new_clause) : NULL;
  self->depth = depth;

  if (old_clause == NULL)
    {
      self->flags = flags | XA_TEMPLATE_CHANGE_ADDED;
      self->heading_segments = whole_text (XA_DIFF_INSERTED, xa_clause_get_heading (new_clause));
      self->text_segments = whole_text (XA_DIFF_INSERTED, xa_clause_get_text (new_clause));
      return self;
    }

  if (new_clause == NULL)
    {
      self->flags = flags | XA_TEMPLATE_CHANGE_REMOVED;
      self->heading_segments = whole_text (XA_DIFF_DELETED, xa_clause_get_heading (old_clause));
      self->text_segments = whole_text (XA_DIFF_DELETED, xa_clause_get_text (old_clause));
      return self;
    }

  self->flags = flags;
  if (xa_clause_get_kind (old_clause) != xa_clause_get_kind (new_clause))
    self->flags |= XA_TEMPLATE_CHANGE_KIND;
  if (g_strcmp0 (xa_clause_get_number (old_clause), xa_clause_get_number (new_clause)) != 0)
    self->flags |= XA_TEMPLATE_CHANGE_NUMBER;

  if (g_strcmp0 (xa_clause_get_heading (old_clause), xa_clause_get_heading (new_clause)) != 0)
    {
      self->flags |= XA_TEMPLATE_CHANGE_HEADING;
      self->heading_segments = xa_text_diff (xa_clause_get_heading (old_clause),
                                             xa_clause_get_heading (new_clause));
    }
  else
    self->heading_segments = whole_text (XA_DIFF_EQUAL, xa_clause_get_heading (new_clause));

  if (g_strcmp0 (xa_clause_get_text (old_clause), xa_clause_get_text (new_clause)) != 0)
    {
      self->flags |= XA_TEMPLATE_CHANGE_TEXT;
      self->text_segments = xa_text_diff (xa_clause_get_text (old_clause),
                                          xa_clause_get_text (new_clause));
    }
  else
    self->text_segments = whole_text (XA_DIFF_EQUAL, xa_clause_get_text (new_clause));

  return self;
}

/**
 * _xa_template_change_set_supplement:
 *
 * Marks the change as one of the school's supplementary clauses: set by the comparison
 * that made it, before anyone sees it.
 */
void
_xa_template_change_set_supplement (XaTemplateChange *self,
                                    gboolean          supplement)
{
  g_return_if_fail (XA_IS_TEMPLATE_CHANGE (self));

  self->supplement = supplement;
}

/**
 * xa_template_change_is_supplement:
 *
 * Returns: whether the clause is one of the school's supplementary clauses (补充条款) of
 *   an agreement, not a clause of the commission's template
 */
gboolean
xa_template_change_is_supplement (XaTemplateChange *self)
{
  g_return_val_if_fail (XA_IS_TEMPLATE_CHANGE (self), FALSE);

  return self->supplement;
}

const char *
xa_template_change_get_clause_id (XaTemplateChange *self)
{
  g_return_val_if_fail (XA_IS_TEMPLATE_CHANGE (self), NULL);

  return xa_clause_get_id (self->new_clause ? self->new_clause : self->old_clause);
}

/**
 * xa_template_change_get_kind:
 *
 * Returns: the clause's kind in the newer template, or in the older one when removed
 */
XaClauseKind
xa_template_change_get_kind (XaTemplateChange *self)
{
  g_return_val_if_fail (XA_IS_TEMPLATE_CHANGE (self), XA_CLAUSE_KIND_PARAGRAPH);

  return xa_clause_get_kind (self->new_clause ? self->new_clause : self->old_clause);
}

XaTemplateChangeFlags
xa_template_change_get_flags (XaTemplateChange *self)
{
  g_return_val_if_fail (XA_IS_TEMPLATE_CHANGE (self), XA_TEMPLATE_CHANGE_NONE);

  return self->flags;
}

guint
xa_template_change_get_depth (XaTemplateChange *self)
{
  g_return_val_if_fail (XA_IS_TEMPLATE_CHANGE (self), 0);

  return self->depth;
}

/**
 * xa_template_change_get_old_clause:
 *
 * Returns: (transfer none) (nullable): the clause before, %NULL when it was added
 */
XaClause *
xa_template_change_get_old_clause (XaTemplateChange *self)
{
  g_return_val_if_fail (XA_IS_TEMPLATE_CHANGE (self), NULL);

  return self->old_clause;
}

/**
 * xa_template_change_get_new_clause:
 *
 * Returns: (transfer none) (nullable): the clause after, %NULL when it was removed
 */
XaClause *
xa_template_change_get_new_clause (XaTemplateChange *self)
{
  g_return_val_if_fail (XA_IS_TEMPLATE_CHANGE (self), NULL);

  return self->new_clause;
}

/**
 * xa_template_change_get_heading_segments:
 *
 * Returns: (transfer none) (element-type XaDiffSegment): the heading, marked
 */
GPtrArray *
xa_template_change_get_heading_segments (XaTemplateChange *self)
{
  g_return_val_if_fail (XA_IS_TEMPLATE_CHANGE (self), NULL);

  return self->heading_segments;
}

/**
 * xa_template_change_get_text_segments:
 *
 * Returns: (transfer none) (element-type XaDiffSegment): the text, marked: equal
 *   segments alone when it did not change
 */
GPtrArray *
xa_template_change_get_text_segments (XaTemplateChange *self)
{
  g_return_val_if_fail (XA_IS_TEMPLATE_CHANGE (self), NULL);

  return self->text_segments;
}
