/* xa-template-outline.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An agreement pasted as text, or read from a .txt file, made into a template: the
 * outline (xa-text-outline.c) says where each piece stands, and this file puts the
 * pieces into the template model as they are written. The title, the party lines, the
 * clauses nested by the depth of their numbering with their numbers exactly as written,
 * run-in headings split from their text, paragraphs as preambles, a section's own text
 * and closing clauses, and the signature block with its parties, seals, lines, dates
 * and copies.
 *
 * Nothing is dropped or changed: put together in reading order, the non-space
 * characters of the template are those of the text. A signer's label is written before
 * its unit as "甲方：" unless the unit starts with it; a party that names no unit (班主任
 * signs alone) takes its first line as its unit, because a party must have one.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xa-template-outline.h"
#include "xa-template-private.h"
#include "core/util/xa-file-door.h"
#include "core/util/xa-text.h"

/* A numbered line this short with no end of sentence is a heading (一、工作目标); a
 * first sentence this short is a run-in heading (1．安全教育。每学期……). */
#define MAX_HEADING_CHARS        30
#define MAX_RUN_IN_HEADING_CHARS 13
#define MAX_SIGNERS              4
#define MAX_LINES                8
#define MAX_COPY_CHARS           18

typedef struct
{
  XaTemplate *template;
  GPtrArray  *open;          /* of XaClause, borrowed: the open clause at each depth */
  XaClause   *last;          /* the clause added last, borrowed */
  guint       shift;         /* 1 when the first level is points without headings */
} Builder;

/* Tabs are control characters that a template refuses; they only space the text. */
static char *
clean (const char *text)
{
  g_autoptr(GString) cleaned = g_string_new (text);

  g_string_replace (cleaned, "\t", " ", 0);
  return g_strstrip (g_string_free (g_steal_pointer (&cleaned), FALSE));
}

static gboolean
ends_sentence (const char *text)
{
  static const char * const ends[] = { "。", "；", "！", "？", "：", "，", ":", ";", "," };

  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    {
      if (g_str_has_suffix (text, ends[i]))
        return TRUE;
    }

  return FALSE;
}

/* "工作目标" is a heading; "安全教育。每学期……" a run-in heading and its text; anything
 * else text. */
static void
split_heading (const char  *written,
               gboolean     heading_only,
               char       **heading,
               char       **text)
{
  g_autofree char *line = clean (written);
  const char *stop = strstr (line, "。");

  if (heading_only || (g_utf8_strlen (line, -1) <= MAX_HEADING_CHARS && !ends_sentence (line)))
    {
      *heading = g_steal_pointer (&line);
      *text = g_strdup ("");
      return;
    }

  if (stop != NULL)
    {
      const char *rest = stop + strlen ("。");
      g_autofree char *first = g_strndup (line, rest - line);
      g_autofree char *after = clean (rest);

      if (after[0] != '\0' && g_utf8_strlen (first, -1) <= MAX_RUN_IN_HEADING_CHARS &&
          strstr (first, "，") == NULL && strstr (first, "；") == NULL && strstr (first, "、") == NULL)
        {
          *heading = g_steal_pointer (&first);
          *text = g_steal_pointer (&after);
          return;
        }
    }

  *heading = g_strdup ("");
  *text = g_steal_pointer (&line);
}

/* @level: from 1, plus the builder's shift: a text whose first level is plain points
 * (1、…，2、…) has no sections, its points stand under the title as items. */
static XaClauseKind
kind_of_level (guint level)
{
  switch (MIN (level, 4))
    {
    case 1:
      return XA_CLAUSE_KIND_SECTION;
    case 2:
      return XA_CLAUSE_KIND_ITEM;
    case 3:
      return XA_CLAUSE_KIND_LIST;
    default:
      return XA_CLAUSE_KIND_SUBLIST;
    }
}

/* Ids by place, as "c3.2": unique, plain ASCII, stable for the same text. */
static XaClause *
add_clause (Builder      *builder,
            XaClause     *parent,
            XaClauseKind  kind)
{
  GListModel *list = parent ? xa_clause_get_children (parent) : xa_template_get_clauses (builder->template);
  g_autofree char *id = NULL;
  g_autoptr(XaClause) clause = NULL;

  if (kind == XA_CLAUSE_KIND_TITLE)
    id = g_strdup ("title");
  else if (parent != NULL)
    id = g_strdup_printf ("%s.%u", xa_clause_get_id (parent), g_list_model_get_n_items (list) + 1);
  else
    id = g_strdup_printf ("c%u", g_list_model_get_n_items (list) + 1);

  clause = xa_clause_new (id, kind);
  g_list_store_append (G_LIST_STORE (list), clause);
  builder->last = clause;
  return clause;
}

static void
append_text (XaClause   *clause,
             const char *text)
{
  const char *had = xa_clause_get_text (clause);
  g_autofree char *joined = had[0] != '\0' ? g_strconcat (had, "\n", text, NULL) : g_strdup (text);

  xa_clause_set_text (clause, joined);
}

static void
add_numbered (Builder       *builder,
              XaOutlineLine *line)
{
  /* Five levels and more have no kind of their own: they stand as sub-points, their
   * numbers as written. */
  guint depth = MIN (line->level, 4);
  XaClause *parent = depth > 1 ? g_ptr_array_index (builder->open, depth - 2) : NULL;
  XaClause *clause = add_clause (builder, parent, kind_of_level (depth + builder->shift));
  g_autofree char *heading = NULL;
  g_autofree char *text = NULL;

  xa_clause_set_number (clause, line->number);
  split_heading (line->text, line->number[0] == '\0', &heading, &text);
  xa_clause_set_heading (clause, heading);
  xa_clause_set_text (clause, text);

  g_ptr_array_set_size (builder->open, depth - 1);
  g_ptr_array_add (builder->open, clause);
}

/* Whether any clause of the first level has a heading: then that level is sections (一、
 * 责任目标), else it is points that stand under the title. */
static gboolean
first_level_has_headings (XaTextOutline *outline)
{
  for (guint i = 0; i < outline->lines->len; i++)
    {
      XaOutlineLine *line = g_ptr_array_index (outline->lines, i);
      g_autofree char *heading = NULL;
      g_autofree char *text = NULL;

      if (line->kind != XA_OUTLINE_CLAUSE || line->level != 1)
        continue;
      split_heading (line->text, line->number[0] == '\0', &heading, &text);
      if (heading[0] != '\0')
        return TRUE;
    }

  return FALSE;
}

/* Each level keeps the numbering the text writes it with, so that an edit numbers it the
 * same way; a level of unnumbered headings is numbered "none". Levels past the fourth
 * share the fourth's kind and take its style. */
static void
set_numbering (XaTemplate    *template,
               XaTextOutline *outline,
               guint          shift)
{
  gboolean set[XA_CLAUSE_KIND_CLOSING + 1] = { FALSE, };

  for (guint level = 1; level <= outline->styles->len; level++)
    {
      const char *style = g_ptr_array_index (outline->styles, level - 1);
      XaClauseKind kind = kind_of_level (level + shift);

      if (set[kind])
        continue;
      set[kind] = TRUE;
      if (style == NULL || style[0] == '\0')
        style = XA_NUMBERING_NONE;
      if (xa_text_outline_is_style (style))
        _xa_template_set_numbering (template, kind, style);
    }
}

/* A paragraph after a clause: a section's own paragraph under a heading, or the text
 * that goes on after a point; after the last clause, a closing clause (本责任书一式两份…)
 * of the section it ends, or of the whole text when the clauses were a flat list. */
static void
add_paragraph (Builder    *builder,
               const char *written,
               gboolean    trailing)
{
  g_autofree char *text = clean (written);
  XaClause *open = builder->open->len > 0 ? g_ptr_array_index (builder->open, builder->open->len - 1) : NULL;
  XaClause *clause;

  if (open == NULL)
    {
      clause = add_clause (builder, NULL, trailing ? XA_CLAUSE_KIND_CLOSING : XA_CLAUSE_KIND_PREAMBLE);
      xa_clause_set_text (clause, text);
      return;
    }

  if (xa_clause_get_kind (open) == XA_CLAUSE_KIND_SECTION &&
      (xa_clause_get_text (open)[0] == '\0' || !trailing))
    {
      clause = add_clause (builder, open, trailing ? XA_CLAUSE_KIND_CLOSING : XA_CLAUSE_KIND_PARAGRAPH);
      xa_clause_set_text (clause, text);
      return;
    }

  if (trailing)
    {
      g_ptr_array_set_size (builder->open, 0);
      clause = add_clause (builder, NULL, XA_CLAUSE_KIND_CLOSING);
      xa_clause_set_text (clause, text);
      return;
    }

  append_text (builder->last, text);
}

static gboolean
names_any (const char         *text,
           const char * const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (strstr (text, words[i]) != NULL)
        return TRUE;
    }

  return FALSE;
}

static const char * const commission_words[] = {
  "教育委员会", "教委", "教育局", "教育和体育局", "教育体育局", "教体局", NULL
};
static const char * const school_words[] = {
  "学校", "小学", "中学", "中心校", "幼儿园", "学区", NULL
};

/* What names a party: its unit, and the party line with its label (甲方：青岭学校). */
static char *
party_names (XaTextOutline  *outline,
             XaOutlineParty *party)
{
  g_autoptr(GString) names = g_string_new (party->unit);

  for (guint i = 0; party->label[0] != '\0' && i < outline->lines->len; i++)
    {
      XaOutlineLine *line = g_ptr_array_index (outline->lines, i);

      for (guint f = 0; line->fields != NULL && f < line->fields->len; f++)
        {
          XaOutlineField *field = g_ptr_array_index (line->fields, f);

          if (g_str_has_prefix (field->label, party->label))
            g_string_append_printf (names, " %s", field->value);
        }
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* The roles "commission" and "school" only where the text names them, each once;
 * every other party is "party-a" to "party-d" by its place. */
static GStrv
find_roles (XaTextOutline *outline)
{
  g_autoptr(GStrvBuilder) roles = g_strv_builder_new ();
  int commission = -1;
  int school = -1;
  guint n_commissions = 0;
  guint n_schools = 0;

  for (guint i = 0; i < outline->parties->len; i++)
    {
      g_autofree char *names = party_names (outline, g_ptr_array_index (outline->parties, i));

      if (names_any (names, commission_words))
        {
          commission = i;
          n_commissions++;
        }
      else if (names_any (names, school_words))
        {
          school = i;
          n_schools++;
        }
    }

  for (guint i = 0; i < outline->parties->len; i++)
    {
      g_autofree char *key = g_strdup_printf ("party-%c", 'a' + i);

      if ((int) i == commission && n_commissions == 1)
        g_strv_builder_add (roles, "commission");
      else if ((int) i == school && n_schools == 1)
        g_strv_builder_add (roles, "school");
      else
        g_strv_builder_add (roles, key);
    }

  return g_strv_builder_end (roles);
}

/* The word a copy is kept under: 甲方, 学校, 家长 (from 家长签字：). */
static char *
party_word (const XaSigner *signer)
{
  static const char * const signs[] = { "签字", "签名", "签章" };

  if (signer->label[0] != '\0')
    return g_strdup (signer->label);
  if (g_str_equal (signer->role, "commission"))
    return g_strdup ("区教委");
  if (g_str_equal (signer->role, "school"))
    return g_strdup ("学校");

  for (guint i = 0; i < G_N_ELEMENTS (signs); i++)
    {
      const char *at = strstr (signer->unit, signs[i]);

      if (at != NULL && at > signer->unit)
        return g_strndup (signer->unit, at - signer->unit);
    }

  return NULL;
}

/* The line that says 一式N份, where the parties that keep one are named. */
static const char *
copies_line (XaTextOutline *outline)
{
  for (guint i = 0; i < outline->lines->len; i++)
    {
      XaOutlineLine *line = g_ptr_array_index (outline->lines, i);

      if (strstr (line->source, "一式") != NULL)
        return line->source;
    }

  return "";
}

/* Copies follow the parties: every party keeps one when the text says as many copies
 * as parties, or none; with fewer, those the copies line names, else the first. */
static void
give_copies (XaTextOutline *outline,
             GPtrArray     *signers)
{
  guint n = outline->copies == 0 ? signers->len : MIN (outline->copies, signers->len);
  const char *line = copies_line (outline);
  g_autofree gboolean *named = g_new0 (gboolean, signers->len);
  guint n_named = 0;

  for (guint i = 0; i < signers->len; i++)
    {
      g_autofree char *word = party_word (g_ptr_array_index (signers, i));

      named[i] = word != NULL && word[0] != '\0' && strstr (line, word) != NULL;
      n_named += named[i];
    }

  for (guint i = 0, given = 0; i < signers->len; i++)
    {
      XaSigner *signer = g_ptr_array_index (signers, i);
      g_autofree char *word = party_word (signer);
      g_autofree char *numeral = NULL;

      if (given == n || (n_named == n && n < signers->len && !named[i]))
        continue;
      given++;

      if (word == NULL || g_utf8_strlen (word, -1) > MAX_COPY_CHARS)
        {
          numeral = xa_chinese_numeral (i + 1);
          g_free (word);
          word = g_strdup_printf ("第%s方", numeral);
        }
      g_free (signer->copy);
      signer->copy = g_strconcat (word, "存", NULL);
    }
}

/* A party's pieces in reading order: the lines above it, its unit, its lines. The
 * first is its unit. */
static XaSigner *
signer_from_party (XaOutlineParty *party,
                   const char     *role,
                   GError        **error)
{
  g_autoptr(GPtrArray) pieces = g_ptr_array_new_with_free_func ((GDestroyNotify) xa_form_line_free);
  g_autofree char *id = g_strconcat ("signature.", role, NULL);
  g_autofree char *unit = NULL;
  g_autoptr(XaSigner) signer = NULL;
  const char *date = party->date;

  for (guint i = 0; i < party->notes->len; i++)
    g_ptr_array_add (pieces, xa_form_line_new (g_ptr_array_index (party->notes, i), NULL));
  if (party->unit[0] != '\0')
    g_ptr_array_add (pieces, xa_form_line_new (party->unit, NULL));
  for (guint i = 0; i < party->lines->len; i++)
    {
      XaOutlineField *field = g_ptr_array_index (party->lines, i);

      g_ptr_array_add (pieces, xa_form_line_new (field->label, field->value));
    }
  if (pieces->len == 0)
    {
      g_ptr_array_add (pieces, xa_form_line_new (date, NULL));
      date = "";
    }

  {
    XaFormLine *first = g_ptr_array_index (pieces, 0);

    unit = first->value[0] != '\0' ? g_strconcat (first->label, first->value, NULL) : g_strdup (first->label);
  }

  if (pieces->len - 1 > MAX_LINES)
    {
      g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID,
                   _("The party “%s” of the signature block has %u lines; a template holds at most %u"),
                   unit, pieces->len - 1, MAX_LINES);
      return NULL;
    }

  signer = xa_signer_new (id, role, party->label, unit, party->seal, date, NULL);
  for (guint i = 1; i < pieces->len; i++)
    {
      XaFormLine *line = g_ptr_array_index (pieces, i);

      xa_signer_add_line (signer, line->label, line->value);
    }

  return g_steal_pointer (&signer);
}

/* Side by side when one line of the text names two parties' units. */
static XaSignatureLayout
find_layout (XaTextOutline *outline)
{
  for (guint i = 0; i < outline->lines->len; i++)
    {
      XaOutlineLine *line = g_ptr_array_index (outline->lines, i);
      guint n = 0;

      if (line->kind != XA_OUTLINE_SIGNATURE)
        continue;
      for (guint p = 0; p < outline->parties->len; p++)
        {
          XaOutlineParty *party = g_ptr_array_index (outline->parties, p);

          n += party->unit[0] != '\0' && strstr (line->text, party->unit) != NULL;
        }
      if (n >= 2)
        return XA_SIGNATURE_SIDE_BY_SIDE;
    }

  return XA_SIGNATURE_STACKED;
}

static gboolean
set_signature (XaTemplate     *template,
               XaTextOutline  *outline,
               GError        **error)
{
  g_autoptr(GPtrArray) signers = g_ptr_array_new_with_free_func ((GDestroyNotify) xa_signer_free);
  g_auto(GStrv) roles = NULL;

  if (outline->parties->len > MAX_SIGNERS)
    {
      g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID,
                   _("The signature block has %u parties; a template holds at most %u"),
                   outline->parties->len, MAX_SIGNERS);
      return FALSE;
    }

  roles = find_roles (outline);
  for (guint i = 0; i < outline->parties->len; i++)
    {
      XaSigner *signer = signer_from_party (g_ptr_array_index (outline->parties, i), roles[i], error);

      if (signer == NULL)
        return FALSE;
      g_ptr_array_add (signers, signer);
    }

  give_copies (outline, signers);
  xa_template_set_signature (template, signers, find_layout (outline), outline->shared_date);
  return TRUE;
}

static gboolean
set_party_lines (XaTemplate     *template,
                 XaTextOutline  *outline,
                 GError        **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) xa_form_line_free);

  for (guint i = 0; i < outline->lines->len; i++)
    {
      XaOutlineLine *line = g_ptr_array_index (outline->lines, i);

      if (line->kind != XA_OUTLINE_PARTY_LINE)
        continue;
      for (guint f = 0; f < line->fields->len; f++)
        {
          XaOutlineField *field = g_ptr_array_index (line->fields, f);

          g_ptr_array_add (lines, xa_form_line_new (field->label, field->value));
        }
    }

  if (lines->len > MAX_LINES)
    {
      g_set_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID,
                   _("The text has %u party lines under its title; a template holds at most %u"),
                   lines->len, MAX_LINES);
      return FALSE;
    }

  xa_template_set_party_lines (template, lines);
  return TRUE;
}

/**
 * xa_template_outline_count_clauses:
 *
 * Returns: how many numbered clauses (and unnumbered headings of a level) @outline found
 */
guint
xa_template_outline_count_clauses (XaTextOutline *outline)
{
  guint n = 0;

  g_return_val_if_fail (outline != NULL, 0);

  for (guint i = 0; i < outline->lines->len; i++)
    n += ((XaOutlineLine *) g_ptr_array_index (outline->lines, i))->kind == XA_OUTLINE_CLAUSE;

  return n;
}

/**
 * xa_template_new_from_outline:
 * @outline: the outline of an agreement's text
 * @school_year: the start year of the template's school year
 * @name: (nullable): the template's name; %NULL for its title
 *
 * Makes a template of what @outline recognised. The template is not checked by the
 * rules of a stored one: call xa_template_validate() (xa_template_library_save() does).
 *
 * Returns: (transfer full) (nullable): the template, or %NULL with @error set
 *   (%XA_TEMPLATE_ERROR_INVALID) when the text has no numbered clause, no title and no
 *   name, or more parties or lines than a template holds
 */
XaTemplate *
xa_template_new_from_outline (XaTextOutline  *outline,
                              int             school_year,
                              const char     *name,
                              GError        **error)
{
  g_autoptr(XaTemplate) template = NULL;
  g_autoptr(GPtrArray) open = g_ptr_array_new ();
  g_autoptr(GString) title = g_string_new (NULL);
  Builder builder = { 0, };
  guint last_clause = 0;

  g_return_val_if_fail (outline != NULL, NULL);

  if (xa_template_outline_count_clauses (outline) == 0)
    {
      g_set_error_literal (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID,
                           _("No numbered clause was recognised (一、 （一） 1. 1、 （1） ① …)"));
      return NULL;
    }

  template = _xa_template_new_empty ();
  builder.template = template;
  builder.open = open;
  xa_template_set_school_year (template, school_year);

  for (guint i = 0; i < outline->lines->len; i++)
    {
      XaOutlineLine *line = g_ptr_array_index (outline->lines, i);

      if (line->kind == XA_OUTLINE_CLAUSE)
        last_clause = i;
      if (line->kind == XA_OUTLINE_TITLE)
        {
          g_autofree char *text = clean (line->text);

          g_string_append_printf (title, "%s%s", title->len > 0 ? "\n" : "", text);
        }
    }

  if (title->len > 0)
    xa_clause_set_text (add_clause (&builder, NULL, XA_CLAUSE_KIND_TITLE), title->str);

  if (name != NULL && !xa_text_is_blank (name))
    xa_template_set_name (template, name);
  else if (title->len > 0)
    {
      g_string_replace (title, "\n", "", 0);
      xa_template_set_name (template, title->str);
    }
  else
    {
      g_set_error_literal (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID,
                           _("The text has no title: give the template a name"));
      return NULL;
    }

  builder.shift = first_level_has_headings (outline) ? 0 : 1;

  for (guint i = 0; i < outline->lines->len; i++)
    {
      XaOutlineLine *line = g_ptr_array_index (outline->lines, i);

      if (line->kind == XA_OUTLINE_CLAUSE)
        add_numbered (&builder, line);
      else if (line->kind == XA_OUTLINE_PARAGRAPH)
        add_paragraph (&builder, line->text, i > last_clause);
    }

  set_numbering (template, outline, builder.shift);

  if (!set_party_lines (template, outline, error) || !set_signature (template, outline, error))
    return NULL;

  return g_steal_pointer (&template);
}

/**
 * xa_template_outline_load_text:
 * @file: a .txt file
 *
 * Reads an agreement's text as Windows programs save it, UTF-8 or GB18030. A folder, a
 * device (/dev/zero), a file too large, a file that is not text and an empty one are
 * refused with a message that names the file.
 *
 * Returns: (transfer full) (nullable): the text in UTF-8, or %NULL with @error set
 */
char *
xa_template_outline_load_text (GFile         *file,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display = NULL;
  char *text;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  display = g_file_get_parse_name (file);
  if (!(bytes = xa_file_door_load (file, XA_TEMPLATE_MAX_TEXT_BYTES, cancellable, error)))
    return NULL;

  if (!(text = xa_text_decode (bytes, display, NULL, error)))
    return NULL;

  if (xa_text_is_blank (text))
    {
      g_free (text);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is empty"), display);
      return NULL;
    }

  return text;
}

static void
append_field (GString    *out,
              const char *label,
              const char *value)
{
  g_string_append_printf (out, "    %s%s\n", label, value);
}

/**
 * xa_template_outline_describe:
 * @template: the template made of @outline
 *
 * What was recognised, for the user to review before it is saved: the title, each
 * level with its numbering and how many clauses, the party lines, the parties with their
 * lines, dates and copies.
 *
 * Returns: (transfer full): lines of text in the user's language
 */
char *
xa_template_outline_describe (XaTextOutline *outline,
                              XaTemplate    *template)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(XaClause) first = NULL;
  GPtrArray *party_lines;

  g_return_val_if_fail (outline != NULL, NULL);
  g_return_val_if_fail (XA_IS_TEMPLATE (template), NULL);

  first = g_list_model_get_item (xa_template_get_clauses (template), 0);
  if (first != NULL && xa_clause_get_kind (first) == XA_CLAUSE_KIND_TITLE)
    {
      g_autoptr(GString) title = g_string_new (xa_clause_get_text (first));

      g_string_replace (title, "\n", " / ", 0);
      g_string_append_printf (out, _("Title: %s\n"), title->str);
    }
  else
    g_string_append (out, _("Title: none\n"));

  g_string_append_printf (out, _("Clauses: %u\n"), xa_template_outline_count_clauses (outline));
  for (guint level = 1; level <= outline->styles->len; level++)
    {
      const char *style = g_ptr_array_index (outline->styles, level - 1);
      guint n = 0;

      for (guint i = 0; i < outline->lines->len; i++)
        {
          XaOutlineLine *line = g_ptr_array_index (outline->lines, i);

          n += line->kind == XA_OUTLINE_CLAUSE && line->level == level;
        }
      /* Translators: a level of the clauses' numbering: its depth, its first number as
       * written (一、, （一）, 1.) or “none”, and how many clauses it has. */
      g_string_append_printf (out, _("  Level %u: %s, %u clauses\n"), level,
                              g_str_equal (style, "none") ? _("no numbers") : style, n);
    }

  party_lines = xa_template_get_party_lines (template);
  g_string_append_printf (out, _("Party lines: %u\n"), party_lines->len);
  for (guint i = 0; i < party_lines->len; i++)
    {
      XaFormLine *line = g_ptr_array_index (party_lines, i);

      append_field (out, line->label, line->value);
    }

  g_string_append_printf (out, _("Parties: %u\n"), xa_template_get_n_signers (template));
  for (guint i = 0; i < xa_template_get_n_signers (template); i++)
    {
      const XaSigner *signer = xa_template_get_signer (template, i);

      g_string_append_printf (out, "  %u. %s%s%s%s\n", i + 1, signer->label,
                              signer->label[0] != '\0' ? " " : "", signer->unit,
                              signer->seal ? _(" (seals)") : "");
      for (guint l = 0; l < signer->lines->len; l++)
        {
          XaFormLine *line = g_ptr_array_index (signer->lines, l);

          append_field (out, line->label, line->value);
        }
      if (signer->date[0] != '\0')
        append_field (out, signer->date, "");
      if (signer->copy[0] != '\0')
        /* Translators: the copy of the agreement a party keeps, such as 甲方存. */
        g_string_append_printf (out, _("    Keeps a copy: %s\n"), signer->copy);
    }
  if (xa_template_get_shared_date (template)[0] != '\0')
    g_string_append_printf (out, _("Shared date: %s\n"), xa_template_get_shared_date (template));

  if (outline->copies > 0 && outline->copies != xa_template_get_n_copies (template))
    g_string_append_printf (out, _("Copies: %u (the text says %u, but %u parties sign)\n"),
                            xa_template_get_n_copies (template), outline->copies,
                            xa_template_get_n_signers (template));
  else
    g_string_append_printf (out, _("Copies: %u\n"), xa_template_get_n_copies (template));

  return g_string_free (g_steal_pointer (&out), FALSE);
}
