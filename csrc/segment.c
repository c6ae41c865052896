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


/* Map ubrk_getRuleStatus ranges (ubrk.h UWordBreak, ULineBreakTag, USentenceBreakTag) to tags. */
static GlSegTag rule_tag(GlSegKind kind, int32_t st) {
  switch (kind) {
    case SegWord:
      if (st >= UBRK_WORD_IDEO && st < UBRK_WORD_IDEO_LIMIT) return TagIdeo;
      if (st >= UBRK_WORD_KANA && st < UBRK_WORD_KANA_LIMIT) return TagKana;
      if (st >= UBRK_WORD_LETTER && st < UBRK_WORD_LETTER_LIMIT) return TagLetter;
      if (st >= UBRK_WORD_NUMBER && st < UBRK_WORD_NUMBER_LIMIT) return TagNumber;
      return TagNone;
    case SegSentence:
      return (st >= UBRK_SENTENCE_SEP && st < UBRK_SENTENCE_SEP_LIMIT) ? TagSep : TagTerm;
    case SegLine:
      return (st >= UBRK_LINE_HARD && st < UBRK_LINE_HARD_LIMIT) ? TagHard : TagSoft;
    default:
      return TagNone;
  }
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
