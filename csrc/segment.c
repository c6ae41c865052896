/*
** segment.c -- UAX #29 / UAX #14 segmentation over ICU break iterators,
** reading UTF-8 in place through a UTF-8 UText (see segment.h).
*/
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "segment.h"


static const UBreakIteratorType brk_types[] = {
  UBRK_CHARACTER,  /* SegGrapheme: ICU's character iterator = extended grapheme clusters */
  UBRK_WORD,       /* SegWord */
  UBRK_SENTENCE,   /* SegSentence */
  UBRK_LINE        /* SegLine */
};


void gl_segmenter_init(Segmenter *sg) {
  UText blank = UTEXT_INITIALIZER;
  sg->bi = NULL;
  sg->ut = blank;
  sg->kind = SegGrapheme;
  sg->pos = sg->len = 0;
}


UBreakIterator *gl_segment_open(GlSegKind kind, const char *locale, UErrorCode *status) {
  if (U_FAILURE(*status)) return NULL;
  /* an unknown locale falls back to root with a warning, which is fine here */
  return ubrk_open(brk_types[kind], (locale && *locale) ? locale : "", NULL, 0, status);
}


void gl_segmenter_start(Segmenter *sg, UBreakIterator *bi, GlSegKind kind,
                        const char *s, size_t n, UErrorCode *status) {
  if (U_FAILURE(*status)) return;
  if (n > GL_SEGMENT_MAXINPUT) { *status = U_INDEX_OUTOFBOUNDS_ERROR; return; }
  /* reopening an open UText reuses its extra space (no malloc after the first text) */
  utext_openUTF8(&sg->ut, n ? s : "", (int64_t)n, status);
  /* ubrk_setUText keeps a shallow clone of ut: the bytes are read in place */
  ubrk_setUText(bi, &sg->ut, status);
  if (U_FAILURE(*status)) { sg->bi = NULL; return; }
  sg->bi = bi;
  sg->kind = kind;
  sg->pos = 0;
  sg->len = (int32_t)n;
}


/*
** Map ubrk_getRuleStatus values to tags.  ICU numbers each range in steps
** of 100 from 0 (ubrk.h: UWordBreak NONE 0, NUMBER 100, LETTER 200, KANA
** 300, IDEO 400; USentenceBreakTag TERM 0, SEP 100; ULineBreakTag SOFT 0,
** HARD 100), so status / 100 indexes a small table per kind; a status past
** the known ranges (or negative) reads as the kind's first entry.
*/
#define RANGE_STEP 100
#define NRANGES 5

/* compile-time check of that numbering (C99 has no static_assert) */
typedef char gl_range_numbering_check[
  (UBRK_WORD_NUMBER == 100 && UBRK_WORD_LETTER == 200 && UBRK_WORD_KANA == 300 &&
   UBRK_WORD_IDEO == 400 && UBRK_WORD_IDEO_LIMIT == 500 && UBRK_SENTENCE_SEP == 100 &&
   UBRK_SENTENCE_SEP_LIMIT == 200 && UBRK_LINE_HARD == 100 && UBRK_LINE_HARD_LIMIT == 200)
  ? 1 : -1];

static const unsigned char range_tags[][NRANGES] = {
  /* SegGrapheme */ {TagNone, TagNone, TagNone, TagNone, TagNone},
  /* SegWord */     {TagNone, TagNumber, TagLetter, TagKana, TagIdeo},
  /* SegSentence */ {TagTerm, TagSep, TagTerm, TagTerm, TagTerm},
  /* SegLine */     {TagSoft, TagHard, TagSoft, TagSoft, TagSoft}
};

static GlSegTag rule_tag(GlSegKind kind, int32_t st) {
  uint32_t r = (uint32_t)st / RANGE_STEP;
  return (GlSegTag)range_tags[kind][r < NRANGES ? r : 0];
}


int gl_segment_next(Segmenter *sg, size_t *start, size_t *stop, GlSegTag *tag) {
  int32_t b;
  if (sg->bi == NULL || sg->pos >= sg->len) return 0;
  b = ubrk_next(sg->bi);  /* sg->bi is at sg->pos: setUText leaves it at 0 */
  if (b == UBRK_DONE || b <= sg->pos) {  /* cannot happen for a non-empty text */
    sg->pos = sg->len;
    return 0;
  }
  *start = (size_t)sg->pos;
  *stop = (size_t)b;
  *tag = (sg->kind == SegGrapheme) ? TagNone : rule_tag(sg->kind, ubrk_getRuleStatus(sg->bi));
  sg->pos = b;
  return 1;
}


size_t gl_segment_fill(Segmenter *sg, uint32_t *ends, unsigned char *tags, size_t cap) {
  UBreakIterator *bi = sg->bi;
  int32_t pos = sg->pos, len = sg->len, b;
  size_t k = 0;
  if (bi == NULL) return 0;
  while (k < cap && pos < len) {
    b = ubrk_next(bi);
    if (b == UBRK_DONE || b <= pos) { pos = len; break; }  /* cannot happen for a non-empty text */
    ends[k] = (uint32_t)b;
    if (tags) tags[k] = (unsigned char)rule_tag(sg->kind, ubrk_getRuleStatus(bi));
    k++;
    pos = b;
  }
  sg->pos = pos;
  return k;
}


void gl_segmenter_close(Segmenter *sg) {
  /* the borrowed iterator still holds a shallow clone of ut; it is never read
     again before the next ubrk_setUText, so closing ut here is safe */
  utext_close(&sg->ut);
  gl_segmenter_init(sg);
}


long gl_segment_count(UBreakIterator *bi, GlSegKind kind, const char *s, size_t n,
                      UErrorCode *status) {
  Segmenter sg;
  size_t a, b;
  GlSegTag tag;
  long count = 0;
  gl_segmenter_init(&sg);
  gl_segmenter_start(&sg, bi, kind, s, n, status);
  if (U_FAILURE(*status)) { gl_segmenter_close(&sg); return -1; }
  while (gl_segment_next(&sg, &a, &b, &tag)) count++;
  gl_segmenter_close(&sg);
  return count;
}
