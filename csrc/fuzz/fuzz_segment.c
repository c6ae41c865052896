/*
** fuzz_segment.c -- libFuzzer harness for the segmentation iterators
** (csrc/segment.h): grapheme, word, sentence and line, root and a few
** locales with dictionaries or tailorings.
**
** Input: byte 0 picks the kind (bits 0-1) and the locale (bits 2-4); the
** rest is the text (any bytes: ill-formed ones read as U+FFFD).  Checks:
** the spans tile the input exactly (first starts at 0, each starts where the
** previous stopped, none is empty, the last stops at the end), the tags fit
** the kind, and gl_segment_count agrees with the walk.
*/
#include <stdint.h>
#include <stdlib.h>
#include "segment.h"

static const char *const locales[8] = {"", "en", "de", "th", "ja", "zh", "fa", "el"};
static UBreakIterator *cache[4][8];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  GlSegKind kind;
  int loc;
  UErrorCode st = U_ZERO_ERROR;
  Segmenter sg;
  size_t start, stop, prev = 0, n;
  long count = 0, c2;
  GlSegTag tag;
  const char *s;
  if (size < 1) return 0;
  kind = (GlSegKind)(data[0] & 3);
  loc = (data[0] >> 2) & 7;
  s = (const char *)data + 1;
  n = size - 1;
  if (cache[kind][loc] == NULL) {
    cache[kind][loc] = gl_segment_open(kind, locales[loc], &st);
    if (U_FAILURE(st)) abort();
  }
  gl_segmenter_init(&sg);
  gl_segmenter_start(&sg, cache[kind][loc], kind, s, n, &st);
  if (U_FAILURE(st)) abort();
  while (gl_segment_next(&sg, &start, &stop, &tag)) {
    if (start != prev || stop <= start || stop > n) abort();
    switch (kind) {
      case SegGrapheme: if (tag != TagNone) abort(); break;
      case SegWord: if (tag > TagIdeo) abort(); break;
      case SegSentence: if (tag != TagTerm && tag != TagSep) abort(); break;
      case SegLine: if (tag != TagSoft && tag != TagHard) abort(); break;
    }
    prev = stop;
    count++;
  }
  if (prev != n) abort();
  gl_segmenter_close(&sg);
  gl_segmenter_close(&sg);   /* closing twice is allowed */
  c2 = gl_segment_count(cache[kind][loc], kind, s, n, &st);
  if (U_FAILURE(st) || c2 != count) abort();
  return 0;
}
