/*
** offsets.h -- the offset map: from each byte of a transformed text (the
** folded text) back to the span of source bytes it came from.  gl_fold
** fills one; the matcher maps matches back through it.  Lua-free.
*/
#ifndef GLEAN_OFFSETS_H
#define GLEAN_OFFSETS_H

#include <stddef.h>
#include <stdint.h>

/*
** Offset map.  The output is cut into segments; segment k covers output
** bytes [seg[k].out, seg[k+1].out).  A linear segment maps byte for byte:
** output byte o comes from the source code point containing byte
** src + (o - out), and output and source code points align.  A block
** segment (one unit: e.g. "e\u0301" -> "e", a whitespace run -> " ")
** maps every output byte to the whole source span [src, src + srclen).
** Source bytes that produce no output (deleted format characters) belong
** to no segment.  Segments are monotone in both out and src.
*/
typedef struct MapSeg {
  uint32_t out;      /* first output byte */
  uint32_t src;      /* first source byte */
  uint32_t srclen;   /* block: source length; linear: 0 */
} MapSeg;

typedef struct OffsetMap {
  MapSeg *seg;
  size_t nseg, cap;
  size_t outlen, srclen;   /* total lengths, for bounds */
  const char *src;         /* source text (borrowed; needed by linear lookups) */
} OffsetMap;

void gl_map_init(OffsetMap *m);
void gl_map_free(OffsetMap *m);

/* Empty m for a new source text s[0..n) (borrowed), keeping its memory and
   reserving room for the segments such a text typically needs.  0, or -1
   out of memory. */
int gl_map_reset(OffsetMap *m, const char *s, size_t n);

/* Double m's segment array: 0, or -1 out of memory (m unchanged). */
int gl_map_grow(OffsetMap *m);

/* Append a segment (srclen 0: linear); 0, or -1 out of memory.  Inline:
   the folder calls it once per segment in its inner loop. */
static inline int gl_map_push(OffsetMap *m, size_t out, size_t src, size_t srclen) {
  if (m->nseg == m->cap && gl_map_grow(m) != 0) return -1;
  m->seg[m->nseg].out = (uint32_t)out;
  m->seg[m->nseg].src = (uint32_t)src;
  m->seg[m->nseg].srclen = (uint32_t)srclen;
  m->nseg++;
  return 0;
}

/* Source span [*start, *end) (0-based, end exclusive) of output byte o. */
void gl_map_source(const OffsetMap *m, size_t o, size_t *start, size_t *end);

/* Source span of the output range [o0, o1) (o0 < o1): from the start of
   o0's span to the end of (o1 - 1)'s span. */
void gl_map_span(const OffsetMap *m, size_t o0, size_t o1, size_t *start, size_t *end);
/* The same, searching from segment *cursor outwards and leaving there the
   segment found (start with 0): lookups that move along the text (a scan)
   cost O(log distance), not O(log nseg), with the same results. */
void gl_map_source_near(const OffsetMap *m, size_t o, size_t *cursor, size_t *start, size_t *end);
void gl_map_span_near(const OffsetMap *m, size_t o0, size_t o1, size_t *cursor, size_t *start,
                      size_t *end);

#endif
