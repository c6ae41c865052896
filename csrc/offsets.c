/*
** offsets.c -- the offset map (see offsets.h).
*/
#include <stdlib.h>
#include <string.h>

#include "glean.h"
#include "offsets.h"


void gl_map_init(OffsetMap *m) {
  memset(m, 0, sizeof *m);
}


void gl_map_free(OffsetMap *m) {
  free(m->seg);
  gl_map_init(m);
}


/* Room for need segments: 0, or -1 out of memory (m unchanged). */
static int reserve(OffsetMap *m, size_t need) {
  MapSeg *np = (MapSeg *)gl_grow(m->seg, &m->cap, need, sizeof *np);
  if (np == NULL) return -1;
  m->seg = np;
  return 0;
}


int gl_map_reset(OffsetMap *m, const char *s, size_t n) {
  m->nseg = 0; m->src = s; m->srclen = n;
  return reserve(m, n / 64 + 16);   /* typical news: one segment per ~10-60 bytes */
}


int gl_map_grow(OffsetMap *m) {
  return reserve(m, m->nseg + 1);
}


/* The last segment in [lo, hi) with out <= o, given seg[lo].out <= o (or
   lo == 0) and seg[hi].out > o (or hi == nseg). */
static size_t find_seg_range(const OffsetMap *m, size_t o, size_t lo, size_t hi) {
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (m->seg[mid].out <= o) lo = mid;
    else hi = mid;
  }
  return lo;
}


static size_t find_seg(const OffsetMap *m, size_t o) {
  return find_seg_range(m, o, 0, m->nseg);   /* last seg with out <= o */
}


/* The last segment with out <= o found from segment k outwards, by
   doubling steps then bisection: O(log distance), so lookups that move
   along the text stay near their cursor instead of bisecting the map of a
   whole document each time.  The same segment as find_seg. */
static size_t find_seg_near(const OffsetMap *m, size_t o, size_t k) {
  size_t lo, hi, step = 1;
  if (k >= m->nseg) k = m->nseg - 1;
  if (m->seg[k].out <= o) {   /* the answer is k or after: seg[lo].out <= o */
    lo = k;
    while (lo + step < m->nseg && m->seg[lo + step].out <= o) { lo += step; step *= 2; }
    hi = lo + step < m->nseg ? lo + step : m->nseg;   /* seg[hi].out > o, or the end */
  }
  else {                      /* before k: seg[hi].out > o */
    hi = k;
    while (step <= hi && m->seg[hi - step].out > o) { hi -= step; step *= 2; }
    lo = step <= hi ? hi - step : 0;   /* seg[lo].out <= o, or lo == 0 */
  }
  return find_seg_range(m, o, lo, hi);
}


/* Source span of output byte o within segment index g. */
static void source_in(const OffsetMap *m, size_t o, size_t k, size_t *start, size_t *end) {
  const MapSeg *g = &m->seg[k];
  size_t p;
  if (g->srclen) { *start = g->src; *end = (size_t)g->src + g->srclen; return; }
  p = g->src + (o - g->out);   /* linear: the source code point holding byte p */
  while (p > g->src && ((uint8_t)m->src[p] & 0xC0) == 0x80) p--;
  *start = p;
  {
    uint8_t b = (uint8_t)m->src[p];
    *end = p + (b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4);
  }
}


void gl_map_source(const OffsetMap *m, size_t o, size_t *start, size_t *end) {
  if (m->nseg == 0 || o >= m->outlen) { *start = *end = m->srclen; return; }
  source_in(m, o, find_seg(m, o), start, end);
}


void gl_map_span(const OffsetMap *m, size_t o0, size_t o1, size_t *start, size_t *end) {
  size_t s, e;
  gl_map_source(m, o0, start, &e);
  gl_map_source(m, o1 - 1, &s, end);
}


void gl_map_source_near(const OffsetMap *m, size_t o, size_t *cursor, size_t *start, size_t *end) {
  size_t k;
  if (m->nseg == 0 || o >= m->outlen) { *start = *end = m->srclen; return; }
  *cursor = k = find_seg_near(m, o, *cursor);
  source_in(m, o, k, start, end);
}


void gl_map_span_near(const OffsetMap *m, size_t o0, size_t o1, size_t *cursor, size_t *start,
                      size_t *end) {
  size_t s, e;
  gl_map_source_near(m, o0, cursor, start, &e);
  gl_map_source_near(m, o1 - 1, cursor, &s, end);
}
