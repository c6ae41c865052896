/*
** fuzz_fold.c -- libFuzzer harness for gl_fold and its OffsetMap
** (csrc/fold.h), with the "search" and "search-case" profiles.
**
** Input: byte 0 picks the profile (bit 0) and the invalid mode (bit 1); the
** rest is the text.  Checks the map's contract from fold.h:
**  - segments are monotone in out and in src, the first starts at output 0,
**    every segment is non-empty and inside the output;
**  - every output byte maps to a non-empty source span inside the input
**    (covering: no output byte without a source), and the spans of
**    successive output bytes never move backwards (monotone);
**  - a linear segment covers whole source code points (it starts on a code
**    point and ends where one ends: the fast path joins code points whose
**    output has the same byte length, e.g. 'ß' -> "ss");
**  - a block segment's span is inside the input;
**  - the output is valid UTF-8; Error mode fails exactly at the first bad
**    byte; on valid text Replace and Error modes agree;
**  - gl_map_span of the whole output covers exactly from the first to the
**    last mapped source byte.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "fold.h"

/* A UTF-8 continuation byte (with Replace, a stray one is its own U+FFFD,
   so only well-formed text is checked for alignment). */
static int is_cont(uint8_t b) { return (b & 0xC0) == 0x80; }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const FoldProfile *p;
  UErrorCode st = U_ZERO_ERROR;
  GlInvalid inv;
  GlBuf out, out2;
  OffsetMap map;
  const char *s;
  size_t n, bad, badpos = 0, k, o, a, b, pa = 0, pb = 0, first = 0, last = 0;
  int r;
  if (size < 1) return 0;
  p = gl_fold_profile_get((data[0] & 1) ? "search-case" : "search", &st);
  if (p == NULL || U_FAILURE(st)) abort();
  inv = (data[0] & 2) ? GlInvalidReplace : GlInvalidError;
  s = (const char *)data + 1;
  n = size - 1;
  bad = gl_utf8_check(s, n);
  gl_buf_init(&out);
  gl_buf_init(&out2);
  gl_map_init(&map);
  r = gl_fold(p, s, n, inv, &out, &map, &badpos, &st);
  if (r == -1) {
    if (inv != GlInvalidError || bad == (size_t)-1 || badpos != bad) abort();
    goto done;
  }
  if (r != 0) abort();
  if (inv == GlInvalidError && bad != (size_t)-1) abort();
  if (out.len && gl_utf8_check(out.p, out.len) != (size_t)-1) abort();
  if (map.outlen != out.len || map.srclen != n || map.src != s) abort();
  if (out.len == 0) { if (map.nseg != 0) abort(); goto done; }
  if (map.nseg == 0 || map.seg[0].out != 0) abort();
  for (k = 0; k < map.nseg; k++) {
    const MapSeg *g = &map.seg[k];
    size_t end = k + 1 < map.nseg ? map.seg[k + 1].out : out.len;
    if (g->out >= end || end > out.len) abort();          /* non-empty, inside */
    if (g->src >= n || (g->srclen && g->src + g->srclen > n)) abort();
    if (k > 0) {
      const MapSeg *h = &map.seg[k - 1];
      size_t hend = h->srclen ? h->src + h->srclen : h->src + (g->out - h->out);
      if (g->src < hend) abort();                          /* monotone in src */
    }
    if (g->srclen == 0) {                                   /* linear */
      if (g->src + (end - g->out) > n) abort();
      if (bad == (size_t)-1 && is_cont((uint8_t)s[g->src])) abort();
      if (bad == (size_t)-1 && g->src + (end - g->out) < n && is_cont((uint8_t)s[g->src + (end - g->out)])) abort();
    }
  }
  for (o = 0; o < out.len; o++) {
    gl_map_source(&map, o, &a, &b);
    if (!(a < b && b <= n)) abort();
    if (o > 0 && (a < pa || b < pb)) abort();
    if (o == 0) first = a;
    last = b;
    pa = a; pb = b;
  }
  gl_map_span(&map, 0, out.len, &a, &b);
  if (a != first || b != last) abort();
  if (bad == (size_t)-1 && inv == GlInvalidReplace) {
    r = gl_fold(p, s, n, GlInvalidError, &out2, NULL, &badpos, &st);
    if (r != 0 || out2.len != out.len || memcmp(out.p, out2.p, out.len) != 0) abort();
  }
done:
  gl_buf_free(&out);
  gl_buf_free(&out2);
  gl_map_free(&map);
  return 0;
}
