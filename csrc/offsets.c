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


static size_t find_seg(const OffsetMap *m, size_t o) {
  size_t lo = 0, hi = m->nseg;   /* last seg with out <= o */
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (m->seg[mid].out <= o) lo = mid;
    else hi = mid;
  }
  return lo;
}


void gl_map_source(const OffsetMap *m, size_t o, size_t *start, size_t *end) {
  const MapSeg *g;
  size_t p;
  if (m->nseg == 0 || o >= m->outlen) { *start = *end = m->srclen; return; }
  g = &m->seg[find_seg(m, o)];
  if (g->srclen) { *start = g->src; *end = (size_t)g->src + g->srclen; return; }
  p = g->src + (o - g->out);   /* linear: the source code point holding byte p */
  while (p > g->src && ((uint8_t)m->src[p] & 0xC0) == 0x80) p--;
  *start = p;
  {
    uint8_t b = (uint8_t)m->src[p];
    *end = p + (b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4);
  }
}


void gl_map_span(const OffsetMap *m, size_t o0, size_t o1, size_t *start, size_t *end) {
  size_t s, e;
  gl_map_source(m, o0, start, &e);
  gl_map_source(m, o1 - 1, &s, end);
}
