/*
** segment.h -- UAX #29 / UAX #14 segmentation straight over UTF-8.
**
** ICU break iterators run on a UTF-8 UText (utext_openUTF8), so the text is
** never copied into UTF-16 and every boundary ICU reports is already a byte
** offset into the caller's buffer.  Ill-formed bytes read as U+FFFD (one per
** maximal ill-formed subpart), and offsets stay true to the input.
**
** Lua-free: the binding (l_segment.c), bench/ and C tests drive it directly.
*/
#ifndef GL_SEGMENT_H
#define GL_SEGMENT_H

#include <stddef.h>
#include <stdint.h>

#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "glean.h"

/* Break iterator ubrk_next returns int32_t native indexes. */
#define GL_SEGMENT_MAXINPUT ((size_t)INT32_MAX)

typedef enum GlSegKind {
  SegGrapheme = 0,  /* extended grapheme clusters, UAX #29 section 3 */
  SegWord,          /* word boundaries, UAX #29 section 4 (+ ICU dictionaries) */
  SegSentence,      /* sentence boundaries, UAX #29 section 5 */
  SegLine           /* line-break opportunities, UAX #14 */
} GlSegKind;

/* What a segment is, from ubrk_getRuleStatus at its closing boundary. */
typedef enum GlSegTag {
  TagNone = 0,      /* word: spaces, punctuation, symbols; grapheme: always */
  TagNumber,        /* word: UBRK_WORD_NUMBER range */
  TagLetter,        /* word: UBRK_WORD_LETTER range */
  TagKana,          /* word: UBRK_WORD_KANA range */
  TagIdeo,          /* word: UBRK_WORD_IDEO range */
  TagTerm,          /* sentence: ended by terminal punctuation (or end of text) */
  TagSep,           /* sentence: ended by a paragraph/line separator (CR LF NEL LS PS) */
  TagSoft,          /* line: break opportunity */
  TagHard           /* line: mandatory break (BK CR LF NL) */
} GlSegTag;

/*
** A segmenter walks one text.  It borrows bi (the caller opens and closes
** it) and owns ut, whose extra space ICU mallocs: gl_segmenter_close frees
** it.  Reusing one Segmenter for many texts reuses that space.
*/
typedef struct Segmenter {
  UBreakIterator *bi;   /* borrowed; NULL when not started */
  UText ut;             /* UTF-8 UText over the current text */
  GlSegKind kind;
  int32_t pos;          /* byte offset of the last boundary returned */
  int32_t len;          /* length of the text in bytes */
} Segmenter;

/* Put sg in its closed state (no ICU resources); safe to close again. */
void gl_segmenter_init(Segmenter *sg);

/* Open a break iterator of kind for locale (NULL or "" = root). Caller closes it. */
UBreakIterator *gl_segment_open(GlSegKind kind, const char *locale, UErrorCode *status);

/*
** Point sg at s[0..n) using bi (which must have been opened for kind).
** n must be <= GL_SEGMENT_MAXINPUT.  s must outlive the walk.
*/
void gl_segmenter_start(Segmenter *sg, UBreakIterator *bi, GlSegKind kind,
                        const char *s, size_t n, UErrorCode *status);

/*
** Next segment: sets the 0-based half-open byte range [*start, *stop) and
** its tag, returns 1; returns 0 at the end of the text.
*/
int gl_segment_next(Segmenter *sg, size_t *start, size_t *stop, GlSegTag *tag);

/*
** Bulk walk, for callers that collect every segment: stores the end (0-based,
** exclusive) of each next segment in ends[] and, when tags is not NULL, its
** GlSegTag in tags[], for at most cap segments.  Returns how many it stored,
** fewer than cap only at the end of the text.  Segment k starts where
** segment k - 1 ended (the first at 0).  With tags NULL it never asks ICU for
** the rule status.
*/
size_t gl_segment_fill(Segmenter *sg, uint32_t *ends, unsigned char *tags, size_t cap);

/* Release sg's UText (not the borrowed break iterator). */
void gl_segmenter_close(Segmenter *sg);

/* Number of segments of s (for benchmarks and C tests); -1 on ICU failure. */
long gl_segment_count(UBreakIterator *bi, GlSegKind kind, const char *s, size_t n,
                      UErrorCode *status);

#endif
