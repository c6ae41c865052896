/*
** util.h -- the small helpers every capability file uses (util.c):
** growable arrays, byte buffers, strict UTF-8.  glean.h includes it.
*/
#ifndef GLEAN_UTIL_H
#define GLEAN_UTIL_H

#include <stddef.h>
#include <stdint.h>

/*
** Growable arrays, the one way the core grows memory.  gl_grow returns p
** (an array of *cap elements of elem bytes: malloc'd, or NULL with *cap 0)
** with room for at least need elements: p itself when it has them, else p
** reallocated to the largest of 2 * *cap, need and 16 elements, with *cap
** updated.  NULL only when out of memory or the size overflows: p and *cap
** are then unchanged and p is still the caller's.
**
**   T *np = gl_grow(a->v, &a->cap, a->n + 1, sizeof *np);
**   if (np == NULL) return -1;
**   a->v = np;
*/
void *gl_growaux(void *p, size_t *cap, size_t need, size_t elem);

static inline void *gl_grow(void *p, size_t *cap, size_t need, size_t elem) {
  return (need <= *cap && p != NULL) ? p : gl_growaux(p, cap, need, elem);
}

/* Growable byte buffer owned by the core (malloc), grown by gl_grow. */
typedef struct GlBuf {
  char *p;
  size_t len, cap;
} GlBuf;

void gl_buf_init(GlBuf *b);
void gl_buf_free(GlBuf *b);
int gl_buf_reserve(GlBuf *b, size_t extra);            /* 0 ok, -1 out of memory */
int gl_buf_add(GlBuf *b, const void *s, size_t n);    /* 0 ok, -1 out of memory */

/*
** Decode one UTF-8 sequence at s[i] (i < n), strictly (no overlongs,
** surrogates, or values above U+10FFFF). Returns the code point and sets
** *len to the byte length; on an invalid sequence returns -1 and sets *len
** to the length of the maximal invalid subpart (>= 1), as U+FFFD
** substitution in the Unicode standard (section 3.9) counts it.
*/
int32_t gl_utf8_decode(const uint8_t *s, size_t n, size_t i, size_t *len);

/* gl_utf8_decode with the common 2- and 3-byte cases inlined (hot loops). */
static inline int32_t gl_utf8_next(const uint8_t *u, size_t n, size_t i, size_t *len) {
  uint8_t b = u[i];
  if (b < 0x80) { *len = 1; return b; }
  if (b >= 0xE0 && b <= 0xEF && b != 0xED && i + 2 < n && (u[i + 1] & 0xC0) == 0x80 &&
      (u[i + 2] & 0xC0) == 0x80 && (b != 0xE0 || u[i + 1] >= 0xA0)) {
    *len = 3;
    return ((int32_t)(b & 0x0F) << 12) | ((int32_t)(u[i + 1] & 0x3F) << 6) | (u[i + 2] & 0x3F);
  }
  if (b >= 0xC2 && b <= 0xDF && i + 1 < n && (u[i + 1] & 0xC0) == 0x80) {
    *len = 2;
    return ((int32_t)(b & 0x1F) << 6) | (u[i + 1] & 0x3F);
  }
  return gl_utf8_decode(u, n, i, len);
}

/* Encode c as UTF-8 into out (>= 4 bytes); returns the length. */
size_t gl_utf8_encode(int32_t c, char *out);

/* Offset (0-based) of the first invalid byte, or (size_t)-1 when s is valid. */
size_t gl_utf8_check(const char *s, size_t n);

#endif
