/* xa-text-outline.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads the outline of an agreement pasted from Word or WPS, or saved as a .txt: the
 * title, the party lines under it (甲方：…, 责任学校：…), the numbered clauses and the
 * depth of each numbering (一、 （一） 1. ① as each text writes them, 1、 1． （1）
 * 第一条 too), the paragraphs between them, and the signature block at the end, with
 * its parties, their seals, their lines to sign or fill in, and their dates.
 *
 * Recognition never drops or changes a character: every line keeps its source, and a
 * clause's indent, number and text put together give that source back. What is
 * recognised is only where each piece stands, for the review the user sees before the
 * text becomes a template.
 */

#include "config.h"

#include <string.h>

#include "xa-clause.h"
#include "xa-text-outline.h"
#include "core/util/xa-glib-compat.h"

/* Party lines and signature lines are short; a longer line is text. */
#define MAX_TITLE_CHARS     40
#define MAX_TITLE_LINES     3
#define MAX_SIGNATURE_CHARS 80
#define MAX_LABEL_CHARS     10

static const char cn_digits[] = "零〇一二三四五六七八九十百两";

static gboolean
is_space (gunichar c)
{
  return c == '\t' || g_unichar_isspace (c);
}

static gboolean
is_cn_digit (gunichar c)
{
  for (const char *p = cn_digits; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_utf8_get_char (p) == c)
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_digit (gunichar c)
{
  return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

/* How many bytes of @p are a run of characters @accept takes. */
static gsize
span (const char *p,
      gboolean  (*accept) (gunichar))
{
  const char *q = p;

  while (*q != '\0' && accept (g_utf8_get_char (q)))
    q = g_utf8_next_char (q);

  return q - p;
}

static gboolean
starts_with_char (const char *p,
                  const char *c)
{
  return g_str_has_prefix (p, c);
}

/* The number at @p and its style: the number as a canonical first one of its kind
 * ("一、", "（一）", "(1)", "1．", "①", "第一条"), so that 三、 and 一、 are one level.
 * Returns the number's length in bytes, 0 when @p starts with none. */
static gsize
match_number (const char  *p,
              char       **style)
{
  const char *q;
  gsize n;

  /* 第一条, 第二章 */
  if (starts_with_char (p, "第") && (n = span (p + strlen ("第"), is_cn_digit)) > 0)
    {
      q = p + strlen ("第") + n;
      if (starts_with_char (q, "条") || starts_with_char (q, "章") || starts_with_char (q, "款"))
        {
          *style = g_strdup_printf ("第一%.3s", q);
          return q + strlen ("条") - p;
        }
    }

  /* （一） (一) （1） (1) */
  if (starts_with_char (p, "（") || starts_with_char (p, "("))
    {
      gsize open = starts_with_char (p, "（") ? strlen ("（") : 1;
      gboolean cn = (n = span (p + open, is_cn_digit)) > 0;

      if (!cn)
        n = span (p + open, is_digit);
      q = p + open + n;
      if (n > 0 && (starts_with_char (q, "）") || starts_with_char (q, ")")))
        {
          gsize close = starts_with_char (q, "）") ? strlen ("）") : 1;

          *style = g_strdup_printf ("%.*s%s%.*s", (int) open, p, cn ? "一" : "1", (int) close, q);
          return q + close - p;
        }
      return 0;
    }

  /* 一、 一． */
  if ((n = span (p, is_cn_digit)) > 0)
    {
      q = p + n;
      if (starts_with_char (q, "、") || starts_with_char (q, "．"))
        {
          *style = g_strdup_printf ("一%.3s", q);
          return q + strlen ("、") - p;
        }
      return 0;
    }

  /* 1. 1． 1、, not 1.5米 */
  if ((n = span (p, is_digit)) > 0)
    {
      gsize delimiter;

      q = p + n;
      if (starts_with_char (q, "."))
        delimiter = 1;
      else if (starts_with_char (q, "．") || starts_with_char (q, "、"))
        delimiter = strlen ("、");
      else
        return 0;

      if (is_digit (g_utf8_get_char (q + delimiter)))
        return 0;

      *style = g_strdup_printf ("1%.*s", (int) delimiter, q);
      return q + delimiter - p;
    }

  /* ① to ⑳ */
  if (g_utf8_get_char (p) >= 0x2460 && g_utf8_get_char (p) <= 0x2473)
    {
      *style = g_strdup ("①");
      return g_utf8_next_char (p) - p;
    }

  return 0;
}

/**
 * xa_text_outline_style_of:
 * @number: a clause number as written, such as "（三）"
 *
 * Returns: (transfer full) (nullable): its style, as the first number of its kind is
 *   written ("（一）"), or %NULL when @number is no clause number
 */
char *
xa_text_outline_style_of (const char *number)
{
  char *style = NULL;

  if (number == NULL || match_number (number, &style) == 0)
    return NULL;

  return style;
}

/* The styles a template offers for a level, as their first numbers are written; any
 * other style that xa_text_outline_style_of() recognises (（1）'s half-width form, 第一条)
 * is kept too when a template or a text brings it. */
static const char * const offered_styles[] = {
  "一、", "（一）", "1.", "1、", "1．", "（1）", "①", XA_NUMBERING_NONE, NULL
};

/**
 * xa_text_outline_get_styles:
 *
 * Returns: (transfer none): the numbering styles to choose from for a level, the
 *   unnumbered %XA_NUMBERING_NONE last
 */
const char * const *
xa_text_outline_get_styles (void)
{
  return offered_styles;
}

/**
 * xa_text_outline_is_style:
 *
 * Returns: %TRUE when @style is a numbering style as a template holds it: a first
 *   number written as xa_text_outline_style_of() gives it ("（一）", not "（三）"), or
 *   %XA_NUMBERING_NONE
 */
gboolean
xa_text_outline_is_style (const char *style)
{
  g_autofree char *canonical = NULL;

  if (style == NULL)
    return FALSE;

  canonical = xa_text_outline_style_of (style);
  return g_str_equal (style, XA_NUMBERING_NONE) || g_strcmp0 (style, canonical) == 0;
}

/* ① to ㊿: Unicode has circled numbers 1–20, 21–35 and 36–50 in three blocks. */
static gboolean
append_circled (GString *out,
                guint    n)
{
  if (n >= 1 && n <= 20)
    g_string_append_unichar (out, 0x2460 + n - 1);
  else if (n >= 21 && n <= 35)
    g_string_append_unichar (out, 0x3251 + n - 21);
  else if (n >= 36 && n <= 50)
    g_string_append_unichar (out, 0x32B1 + n - 36);
  else
    return FALSE;

  return TRUE;
}

/**
 * xa_text_outline_format_number:
 * @style: a numbering style (xa_text_outline_is_style())
 * @n: the place of the clause among those its style counts, from 1
 *
 * Writes the @n-th number of @style: the style's first number with its numeral counted
 * on, 一 as Chinese numerals (十一, 二十), 1 in digits, ① circled; "（三）" for the third
 * of "（一）". Past ㊿ the circled style goes on as （51）, which a reader still follows.
 *
 * Returns: (transfer full): the number, "" for %XA_NUMBERING_NONE
 */
char *
xa_text_outline_format_number (const char *style,
                               guint       n)
{
  g_autoptr(GString) number = g_string_new (NULL);
  const char *numeral = NULL;

  g_return_val_if_fail (style != NULL, NULL);
  g_return_val_if_fail (n > 0, NULL);

  if (g_str_equal (style, XA_NUMBERING_NONE))
    return g_strdup ("");

  /* The first numeral of a canonical style is the one that counts: 第一条 has no other. */
  for (const char *p = style; *p != '\0' && numeral == NULL; p = g_utf8_next_char (p))
    {
      if (g_str_has_prefix (p, "一") || *p == '1' || g_str_has_prefix (p, "①"))
        numeral = p;
    }
  if (numeral == NULL)
    return g_strdup (style);

  g_string_append_len (number, style, numeral - style);
  if (*numeral == '1')
    g_string_append_printf (number, "%u", n);
  else if (g_str_has_prefix (numeral, "一"))
    {
      g_autofree char *chinese = xa_chinese_numeral (n);

      g_string_append (number, chinese);
    }
  else if (!append_circled (number, n))
    g_string_append_printf (number, "（%u）", n);
  g_string_append (number, g_utf8_next_char (numeral));

  return g_string_free (g_steal_pointer (&number), FALSE);
}

static void
field_free (XaOutlineField *field)
{
  if (field == NULL)
    return;

  g_free (field->label);
  g_free (field->value);
  g_free (field);
}

static void
line_free (XaOutlineLine *line)
{
  g_free (line->source);
  g_free (line->indent);
  g_free (line->number);
  g_free (line->text);
  g_clear_pointer (&line->fields, g_ptr_array_unref);
  g_free (line);
}

static void
party_free (XaOutlineParty *party)
{
  g_free (party->label);
  g_free (party->unit);
  g_ptr_array_unref (party->lines);
  g_free (party->date);
  g_ptr_array_unref (party->notes);
  g_free (party);
}

void
xa_text_outline_free (XaTextOutline *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->lines);
  g_ptr_array_unref (self->styles);
  g_ptr_array_unref (self->parties);
  g_free (self->shared_date);
  g_free (self);
}

static gboolean is_date (const char *cell);

/* The cells of a line set out in columns: runs of two spaces or more, or a tab, part
 * them ("甲方（盖章）：　　　　乙方（盖章）："); one space, as in 年　月　日, does not, and
 * neither do the wide gaps of a date to fill (年　　月　　日, 日期：　　年). */
static GPtrArray *
split_cells (const char *text)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (const char *));
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;

  while (*p != '\0')
    {
      const char *start;
      const char *end;

      while (*p != '\0' && is_space (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;

      start = end = p;
      while (*p != '\0')
        {
          const char *next = g_utf8_next_char (p);
          gunichar c = g_utf8_get_char (p);

          if (c == '\t' || (is_space (c) && *next != '\0' && is_space (g_utf8_get_char (next))))
            break;
          if (!is_space (c))
            end = next;
          p = next;
        }

      /* 年 | 月 | 日 and 日期： | 年 are one date. */
      if (spans->len > 0)
        {
          const char *previous_start = g_array_index (spans, const char *, spans->len - 2);
          const char *previous_end = g_array_index (spans, const char *, spans->len - 1);
          g_autofree char *previous = g_strndup (previous_start, previous_end - previous_start);
          g_autofree char *cell = g_strndup (start, end - start);

          if ((g_str_has_suffix (previous, "年") || g_str_has_suffix (previous, "月") ||
               g_str_equal (previous, "日期：") || g_str_equal (previous, "日期:")) &&
              (g_str_has_suffix (cell, "月") || g_str_has_suffix (cell, "日") || g_str_has_suffix (cell, "年")))
            {
              g_array_index (spans, const char *, spans->len - 1) = end;
              continue;
            }
        }

      g_array_append_val (spans, start);
      g_array_append_val (spans, end);
    }

  for (guint i = 0; i < spans->len; i += 2)
    {
      const char *start = g_array_index (spans, const char *, i);
      const char *end = g_array_index (spans, const char *, i + 1);

      g_ptr_array_add (cells, g_strndup (start, end - start));
    }

  return cells;
}

/* "label：value" with a short label; the value may be empty (a field to fill) or a line
 * to write on (＿＿＿). */
static XaOutlineField *
parse_field (const char *cell)
{
  const char *colon = strstr (cell, "：");
  gsize colon_length = strlen ("：");
  XaOutlineField *field;

  if (colon == NULL)
    {
      colon = strchr (cell, ':');
      colon_length = 1;
    }
  if (colon == NULL || colon == cell || g_utf8_strlen (cell, colon - cell) > MAX_LABEL_CHARS)
    return NULL;

  field = g_new0 (XaOutlineField, 1);
  field->label = g_strndup (cell, colon - cell + colon_length);
  field->value = g_strstrip (g_strdup (colon + colon_length));
  return field;
}

/* 尊敬的家长：, 各位家长：: a greeting, not a field. */
static gboolean
is_salutation (const char *text)
{
  return g_str_has_prefix (text, "尊敬的") || g_str_has_prefix (text, "各位") ||
         g_str_has_prefix (text, "亲爱的");
}

/* Every cell a field: "责任学校：青岭学校　　第一责任人：" */
static GPtrArray *
parse_fields (const char *text)
{
  if (is_salutation (text))
    return NULL;

  g_autoptr(GPtrArray) cells = split_cells (text);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);

  if (cells->len == 0)
    return NULL;

  for (guint i = 0; i < cells->len; i++)
    {
      XaOutlineField *field = parse_field (g_ptr_array_index (cells, i));

      if (field == NULL)
        return NULL;
      g_ptr_array_add (fields, field);
    }

  return g_steal_pointer (&fields);
}

static const char * const party_labels[] = { "甲方", "乙方", "丙方", "丁方" };

static const char *
party_label_of (const char *cell)
{
  for (guint i = 0; i < G_N_ELEMENTS (party_labels); i++)
    {
      if (g_str_has_prefix (cell, party_labels[i]))
        return party_labels[i];
    }

  return NULL;
}

static gboolean
seals (const char *text)
{
  return strstr (text, "盖章") != NULL || strstr (text, "（章）") != NULL ||
         strstr (text, "(章)") != NULL || strstr (text, "公章") != NULL;
}

/* A cell that begins a party: 甲方…, a unit that seals, 学校（盖章）. */
static gboolean
starts_party (const char *cell)
{
  return party_label_of (cell) != NULL || seals (cell);
}

/* 年　月　日, 2024年9月1日, ＿＿＿＿年＿＿月＿＿日, 日期： */
static gboolean
is_date (const char *cell)
{
  const char *year = strstr (cell, "年");
  const char *month = year ? strstr (year, "月") : NULL;

  if (g_str_has_prefix (cell, "日期"))
    return TRUE;

  return year != NULL && month != NULL && strstr (month, "日") != NULL &&
         g_utf8_strlen (cell, -1) <= 24;
}

static gboolean
ends_sentence (const char *text)
{
  return g_str_has_suffix (text, "。") || g_str_has_suffix (text, "；") ||
         g_str_has_suffix (text, "！") || g_str_has_suffix (text, "？");
}

/* The tear-off part of a notice: a line of dashes, its heading 回执. */
static gboolean
is_receipt_line (const char *text)
{
  gsize n = g_utf8_strlen (text, -1);
  gboolean dashes = n >= 3;

  for (const char *p = text; dashes && *p != '\0'; p = g_utf8_next_char (p))
    dashes = strchr ("-_=", *p) != NULL || g_str_has_prefix (p, "－") || g_str_has_prefix (p, "—") ||
             g_str_has_prefix (p, "─") || g_str_has_prefix (p, "＿") || g_str_has_prefix (p, "＝");

  return dashes || (g_str_has_suffix (text, "回执") && n <= 10);
}

/* A line of a signature block: short, no sentence, and signs, seals, dates or fills. */
static gboolean
is_signature_line (const XaOutlineLine *line)
{
  const char *text = line->text;

  if (line->number[0] != '\0' || ends_sentence (text) ||
      g_utf8_strlen (text, -1) > MAX_SIGNATURE_CHARS)
    return FALSE;

  if (seals (text) || strstr (text, "签字") != NULL || strstr (text, "签名") != NULL ||
      strstr (text, "签章") != NULL || strstr (text, "代表人") != NULL ||
      party_label_of (text) != NULL || is_date (text))
    return TRUE;

  /* A row of fields to fill: 幼儿姓名：　　班级： */
  {
    g_autoptr(GPtrArray) fields = parse_fields (text);

    return fields != NULL;
  }
}

static void add_party_line (XaOutlineParty *party,
                            const char     *cell);

static gboolean
signs_alone (const char *cell)
{
  return strstr (cell, "签字") != NULL || strstr (cell, "签名") != NULL;
}

static gboolean
has_signer (XaOutlineParty *party)
{
  for (guint i = 0; i < party->lines->len; i++)
    {
      if (signs_alone (((XaOutlineField *) g_ptr_array_index (party->lines, i))->label))
        return TRUE;
    }

  return FALSE;
}

static gboolean
signs_for_unit (const char *cell)
{
  static const char * const signatories[] = { "校长", "负责人", "代表", "经办人", "园长", "法人" };

  for (guint i = 0; i < G_N_ELEMENTS (signatories); i++)
    {
      if (strstr (cell, signatories[i]) != NULL)
        return TRUE;
    }

  return FALSE;
}

static XaOutlineParty *
party_new (const char *unit)
{
  XaOutlineParty *party = g_new0 (XaOutlineParty, 1);
  const char *label = unit ? party_label_of (unit) : NULL;

  party->notes = g_ptr_array_new_with_free_func (g_free);

  party->label = g_strdup (label ? label : "");
  /* 乙方签字：＿＿ signs, with no unit; 甲方：青岭学校（盖章） names 青岭学校（盖章);
   * 甲方（盖章）： stays as written. */
  if (label != NULL && signs_alone (unit) && !seals (unit))
    {
      party->unit = g_strdup ("");
      party->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
      add_party_line (party, unit);
      party->date = g_strdup ("");
      return party;
    }
  else if (label != NULL && g_str_has_prefix (unit + strlen (label), "："))
    party->unit = g_strdup (unit + strlen (label) + strlen ("："));
  else
    party->unit = g_strdup (unit ? unit : "");
  party->seal = unit != NULL && seals (unit);
  party->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
  party->date = g_strdup ("");
  return party;
}

static void
add_party_line (XaOutlineParty *party,
                const char     *cell)
{
  g_auto(GStrv) words = g_regex_split_simple ("[ 　]+", cell, 0, 0);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
  XaOutlineField *field;
  gboolean all_fields = TRUE;

  /* 学生姓名：＿＿＿＿　班级：＿＿＿＿: fields parted by one space. */
  for (guint i = 0; all_fields && words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if ((field = parse_field (words[i])) != NULL)
        g_ptr_array_add (fields, field);
      else
        all_fields = FALSE;
    }
  if (all_fields && fields->len > 1)
    {
      for (guint i = 0; i < fields->len; i++)
        g_ptr_array_add (party->lines, g_steal_pointer (&fields->pdata[i]));
      return;
    }

  field = parse_field (cell);

  if (field == NULL)
    {
      field = g_new0 (XaOutlineField, 1);
      field->label = g_strdup (cell);
      field->value = g_strdup ("");
    }
  g_ptr_array_add (party->lines, field);
}

/* The parties of the signature block, row by row: a row of units starts that many
 * parties side by side, and the rows under it give each its lines and date by column;
 * one date under them all is the block's. */
static void
read_signature (XaTextOutline *self,
                guint          first,
                guint          last)
{
  guint row_start = 0;   /* the first party of the last row of units */
  guint row_width = 0;
  gboolean receipt = FALSE;
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);

  for (guint i = first; i <= last; i++)
    {
      XaOutlineLine *line = g_ptr_array_index (self->lines, i);
      g_autoptr(GPtrArray) cells = NULL;
      guint n_starting = 0;

      if (line->kind != XA_OUTLINE_SIGNATURE)
        continue;

      /* What comes after a receipt's heading signs it: a party of its own. */
      /* Its lines are kept with it, so that no character is lost. */
      if (is_receipt_line (line->text) || ends_sentence (line->text))
        {
          receipt = TRUE;
          g_ptr_array_add (notes, g_strdup (line->text));
          continue;
        }
      if (receipt)
        {
          XaOutlineParty *party = party_new (NULL);

          g_ptr_array_extend_and_steal (party->notes, g_steal_pointer (&notes));
          notes = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (self->parties, party);
          row_start = self->parties->len - 1;
          row_width = 1;
          receipt = FALSE;
        }

      cells = split_cells (line->text);
      for (guint c = 0; c < cells->len; c++)
        n_starting += starts_party (g_ptr_array_index (cells, c));

      if (n_starting > 0 && n_starting == cells->len)
        {
          row_start = self->parties->len;
          row_width = cells->len;
          for (guint c = 0; c < cells->len; c++)
            g_ptr_array_add (self->parties, party_new (g_ptr_array_index (cells, c)));
          continue;
        }

      if (self->parties->len == 0)
        {
          g_ptr_array_add (self->parties, party_new (NULL));
          row_start = 0;
          row_width = 1;
        }

      /* As many cells as parties in the row: one to each, by column. */
      if (cells->len == row_width && row_width > 1)
        {
          for (guint c = 0; c < cells->len; c++)
            {
              XaOutlineParty *party = g_ptr_array_index (self->parties, row_start + c);
              const char *cell = g_ptr_array_index (cells, c);

              if (is_date (cell))
                g_set_str_compat (&party->date, cell);
              else
                add_party_line (party, cell);
            }
          continue;
        }

      for (guint c = 0; c < cells->len; c++)
        {
          const char *cell = g_ptr_array_index (cells, c);
          XaOutlineParty *party = g_ptr_array_index (self->parties, self->parties->len - 1);

          /* Someone who signs for themselves (班主任签字：, 家长签字：) is a party of their
           * own; a unit's own signatory (校长, 负责人, 代表, 经办人) signs for the unit. */
          if (signs_alone (cell) && (party->unit[0] != '\0' || has_signer (party)) &&
              !(party->unit[0] != '\0' && signs_for_unit (cell)))
            {
              party = party_new (NULL);
              g_ptr_array_add (self->parties, party);
              row_start = self->parties->len - 1;
              row_width = 1;
            }

          if (is_date (cell))
            {
              /* One date after a row of several parties is theirs together. */
              if (row_width > 1 && cells->len == 1)
                g_set_str_compat (&self->shared_date, cell);
              else
                g_set_str_compat (&party->date, cell);
            }
          else
            add_party_line (party, cell);
        }
    }

  /* A sentence after the last party, with nothing to sign under it, stays with that
   * party: nothing is dropped. */
  if (notes->len > 0)
    {
      XaOutlineParty *party;

      if (self->parties->len == 0)
        g_ptr_array_add (self->parties, party_new (NULL));
      party = g_ptr_array_index (self->parties, self->parties->len - 1);
      for (guint i = 0; i < notes->len; i++)
        {
          XaOutlineField *field = g_new0 (XaOutlineField, 1);

          field->label = g_strdup (g_ptr_array_index (notes, i));
          field->value = g_strdup ("");
          g_ptr_array_add (party->lines, field);
        }
    }

  /* One date after the last of several parties, none of the others dated: theirs
   * together. */
  if (self->parties->len >= 2 && self->shared_date[0] == '\0')
    {
      XaOutlineParty *final = g_ptr_array_index (self->parties, self->parties->len - 1);
      guint n_dated = 0;

      for (guint i = 0; i < self->parties->len; i++)
        n_dated += ((XaOutlineParty *) g_ptr_array_index (self->parties, i))->date[0] != '\0';

      if (n_dated == 1 && final->date[0] != '\0')
        {
          g_set_str_compat (&self->shared_date, final->date);
          g_set_str_compat (&final->date, "");
        }
    }
}

/* The value of a number written in Chinese (三, 十二, 两) or in digits, up to 99. */
static gboolean
read_small_number (const char *text,
                   gsize       length,
                   guint      *value)
{
  static const char * const names[] = { "零", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
  guint tens = 0;
  guint units = 0;
  gboolean seen = FALSE;

  for (const char *p = text; p < text + length; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int digit = -1;

      if (c >= '0' && c <= '9')
        digit = c - '0';
      else if (c >= 0xFF10 && c <= 0xFF19)
        digit = c - 0xFF10;
      else if (c == g_utf8_get_char ("两"))
        digit = 2;
      else if (c == g_utf8_get_char ("十"))
        {
          tens = units == 0 ? 1 : units;
          units = 0;
          seen = TRUE;
          continue;
        }
      else
        for (guint d = 0; d < G_N_ELEMENTS (names); d++)
          if (g_utf8_get_char (names[d]) == c)
            digit = d;

      if (digit < 0)
        return FALSE;
      units = units * 10 + digit;
      seen = TRUE;
    }

  *value = tens * 10 + units;
  return seen && *value < 100;
}

/* 一式三份 → 3 */
static guint
read_copies (const char *text)
{
  const char *start = strstr (text, "一式");
  const char *end;
  guint n = 0;

  if (start == NULL)
    return 0;
  start += strlen ("一式");
  end = strstr (start, "份");
  if (end == NULL || g_utf8_strlen (start, end - start) > 3 ||
      !read_small_number (start, end - start, &n))
    return 0;

  return n;
}

/* Half- and full-width forms of one numbering are one: (二) after （一）. */
static char *
style_family (const char *style)
{
  g_autoptr(GString) family = g_string_new (style);

  g_string_replace (family, "(", "（", 0);
  g_string_replace (family, ")", "）", 0);
  g_string_replace (family, "．", ".", 0);
  return g_string_free (g_steal_pointer (&family), FALSE);
}

/* The value of a clause number: 三、 → 3, （12） → 12, ⑤ → 5, 0 when unknown. */
static guint
number_value (const char *number)
{
  const char *p = number;
  const char *end;
  guint value = 0;

  if (g_utf8_get_char (p) >= 0x2460 && g_utf8_get_char (p) <= 0x2473)
    return g_utf8_get_char (p) - 0x2460 + 1;

  while (*p != '\0' && !is_digit (g_utf8_get_char (p)) && !is_cn_digit (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  for (end = p; *end != '\0' && (is_digit (g_utf8_get_char (end)) || is_cn_digit (g_utf8_get_char (end)));)
    end = g_utf8_next_char (end);

  return read_small_number (p, end - p, &value) ? value : 0;
}

/* A short line with no number and no end of sentence, over a list that starts at 1:
 * 学校的责任 over 1. 2. 3. */
static gboolean
heads_list (XaTextOutline *self,
            guint          index,
            guint          end)
{
  XaOutlineLine *line = self->lines->pdata[index];

  if (ends_sentence (line->text) || g_str_has_suffix (line->text, "：") ||
      g_utf8_strlen (line->text, -1) > 20)
    return FALSE;

  for (guint j = index + 1; j < end; j++)
    {
      XaOutlineLine *next = self->lines->pdata[j];

      if (next->kind == XA_OUTLINE_BLANK)
        continue;
      return next->kind == XA_OUTLINE_CLAUSE && number_value (next->number) == 1;
    }

  return FALSE;
}

static XaOutlineLine *
line_new (const char *source,
          guint       number)
{
  XaOutlineLine *line = g_new0 (XaOutlineLine, 1);
  const char *p = source;

  while (*p != '\0' && is_space (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);

  line->line = number;
  line->source = g_strdup (source);
  line->indent = g_strndup (source, p - source);
  line->number = g_strdup ("");
  line->text = g_strdup (p);
  line->kind = *p == '\0' ? XA_OUTLINE_BLANK : XA_OUTLINE_PARAGRAPH;
  return line;
}

/**
 * xa_text_outline_new:
 * @text: the agreement as UTF-8 text, line ends as Windows, old Macs or Unix write them
 *
 * Returns: (transfer full): the outline of @text
 */
XaTextOutline *
xa_text_outline_new (const char *text)
{
  XaTextOutline *self = g_new0 (XaTextOutline, 1);
  g_autofree char *unix_text = NULL;
  g_auto(GStrv) sources = NULL;
  guint n_lines;
  guint first = 0;
  guint last_clause_or_text;
  guint signature_first;
  guint i;

  g_return_val_if_fail (text != NULL, NULL);

  self->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
  self->styles = g_ptr_array_new_with_free_func (g_free);
  self->parties = g_ptr_array_new_with_free_func ((GDestroyNotify) party_free);
  self->shared_date = g_strdup ("");

  {
    g_autoptr(GString) normal = g_string_new (text);

    g_string_replace (normal, "\r\n", "\n", 0);
    g_string_replace (normal, "\r", "\n", 0);
    if (normal->len > 0 && normal->str[normal->len - 1] == '\n')
      g_string_truncate (normal, normal->len - 1);
    unix_text = g_string_free (g_steal_pointer (&normal), FALSE);
  }

  sources = g_strsplit (unix_text, "\n", -1);
  n_lines = g_strv_length (sources);
  for (i = 0; i < n_lines; i++)
    {
      XaOutlineLine *line = line_new (sources[i], i + 1);
      g_autofree char *style = NULL;
      gsize length;

      /* A byte order mark pasted along is no text. */
      if (i == 0 && g_str_has_prefix (line->text, "\xEF\xBB\xBF"))
        {
          g_free (line->indent);
          line->indent = g_strndup (line->source, strlen (line->source) - strlen (line->text) + 3);
          g_set_str_compat (&line->text, line->text + 3);
        }

      if ((length = match_number (line->text, &style)) > 0)
        {
          g_autofree char *rest = g_strdup (line->text + length);

          g_free (line->number);
          line->number = g_strndup (line->text, length);
          g_free (line->text);
          line->text = g_steal_pointer (&rest);
          line->kind = XA_OUTLINE_CLAUSE;
        }
      g_ptr_array_add (self->lines, line);
    }

  /* The title: the first lines, short, no sentence, no number, no field. */
  while (first < n_lines && ((XaOutlineLine *) self->lines->pdata[first])->kind == XA_OUTLINE_BLANK)
    first++;
  for (i = first; i < n_lines && i < first + MAX_TITLE_LINES; i++)
    {
      XaOutlineLine *line = self->lines->pdata[i];
      g_autoptr(GPtrArray) fields = NULL;

      if (line->kind != XA_OUTLINE_PARAGRAPH || ends_sentence (line->text) ||
          g_str_has_suffix (line->text, "：") || g_str_has_suffix (line->text, ":") ||
          is_salutation (line->text) ||
          g_utf8_strlen (line->text, -1) > MAX_TITLE_CHARS ||
          (fields = parse_fields (line->text)) != NULL)
        break;
      line->kind = XA_OUTLINE_TITLE;
    }

  /* The party lines under it: every cell a short "label：value". */
  for (; i < n_lines; i++)
    {
      XaOutlineLine *line = self->lines->pdata[i];
      GPtrArray *fields;

      if (line->kind == XA_OUTLINE_BLANK)
        continue;
      if (line->kind != XA_OUTLINE_PARAGRAPH || !(fields = parse_fields (line->text)))
        break;
      line->kind = XA_OUTLINE_PARTY_LINE;
      line->fields = fields;
    }

  /* The signature block: from the end up, as long as lines sign, seal, date or fill,
   * with a receipt to tear off (a line of dashes, 回执 and its sentence) between. */
  signature_first = n_lines;
  for (guint j = n_lines; j > i; j--)
    {
      XaOutlineLine *line = self->lines->pdata[j - 1];

      if (line->kind == XA_OUTLINE_BLANK)
        continue;
      if (line->kind != XA_OUTLINE_PARAGRAPH)
        break;
      if (!is_signature_line (line) && !is_receipt_line (line->text))
        {
          XaOutlineLine *above = j >= 2 ? self->lines->pdata[j - 2] : NULL;

          if (above == NULL || !is_receipt_line (above->text))
            break;
        }
      signature_first = j - 1;
    }
  for (guint j = signature_first; j < n_lines; j++)
    {
      XaOutlineLine *line = self->lines->pdata[j];

      if (line->kind != XA_OUTLINE_BLANK)
        line->kind = XA_OUTLINE_SIGNATURE;
    }
  if (signature_first < n_lines)
    read_signature (self, signature_first, n_lines - 1);

  /* The clauses between, their depth from where they stand: a numbering not open yet
   * goes one level deeper, one open already closes the levels below it. Short lines
   * without a number over a list that starts at 1 are headings of a level of their own
   * ("none"). */
  last_clause_or_text = signature_first;
  {
    g_autoptr(GPtrArray) open = g_ptr_array_new_with_free_func (g_free);

    for (guint j = i; j < last_clause_or_text; j++)
      {
        XaOutlineLine *line = self->lines->pdata[j];
        g_autofree char *style = NULL;
        g_autofree char *family = NULL;
        guint depth;

        if (line->kind == XA_OUTLINE_CLAUSE)
          match_number (line->number, &style);
        else if (line->kind == XA_OUTLINE_PARAGRAPH && heads_list (self, j, last_clause_or_text))
          {
            line->kind = XA_OUTLINE_CLAUSE;
            style = g_strdup (XA_NUMBERING_NONE);
          }
        else
          continue;

        family = style_family (style);
        for (depth = 0; depth < open->len; depth++)
          if (g_str_equal (g_ptr_array_index (open, depth), family))
            break;
        if (depth < open->len)
          g_ptr_array_set_size (open, depth + 1);
        else
          g_ptr_array_add (open, g_steal_pointer (&family));

        line->level = open->len;
        if (self->styles->len < line->level)
          g_ptr_array_add (self->styles, g_steal_pointer (&style));
      }
  }

  self->copies = read_copies (unix_text);
  return self;
}
