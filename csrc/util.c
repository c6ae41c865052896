/*
** util.c -- growable arrays, byte buffers and strict UTF-8 decoding shared
** by the core.
*/
#include <stdlib.h>
#include <string.h>

#include "util.h"


void gl_buf_init(GlBuf *b) {
  b->p = NULL;
  b->len = b->cap = 0;
}


void gl_buf_free(GlBuf *b) {
  free(b->p);
  gl_buf_init(b);
}


void *gl_growaux(void *p, size_t *cap, size_t need, size_t elem) {
  size_t max = ((size_t)-1) / elem;   /* the most elements a size_t can measure */
  size_t ncap = *cap < max / 2 ? 2 * *cap : max;
  if (need > max) return NULL;
  if (ncap < 16) ncap = 16 < max ? 16 : max;
  if (ncap < need) ncap = need;
  p = realloc(p, ncap * elem);
  if (p != NULL) *cap = ncap;
  return p;
}


int gl_buf_reserve(GlBuf *b, size_t extra) {
  size_t need = b->len + extra;
  char *np;
  if (need < b->len) return -1;  /* overflow */
  if (need <= b->cap) return 0;
  np = (char *)gl_grow(b->p, &b->cap, need, 1);
  if (np == NULL) return -1;
  b->p = np;
  return 0;
}


int gl_buf_add(GlBuf *b, const void *s, size_t n) {
  if (gl_buf_reserve(b, n) != 0) return -1;
  if (n) memcpy(b->p + b->len, s, n);
  b->len += n;
  return 0;
}


int32_t gl_utf8_decode(const uint8_t *s, size_t n, size_t i, size_t *len) {
  uint8_t c = s[i];
  int32_t cp;
  size_t need, k;
  uint8_t lo = 0x80, hi = 0xBF;  /* range of the second byte (Table 3-7) */
  if (c < 0x80) { *len = 1; return c; }
  if (c < 0xC2) { *len = 1; return -1; }
  if (c < 0xE0) { need = 1; cp = c & 0x1F; }
  else if (c < 0xF0) {
    need = 2; cp = c & 0x0F;
    if (c == 0xE0) lo = 0xA0;
    else if (c == 0xED) hi = 0x9F;  /* no surrogates */
  }
  else if (c < 0xF5) {
    need = 3; cp = c & 0x07;
    if (c == 0xF0) lo = 0x90;
    else if (c == 0xF4) hi = 0x8F;  /* <= U+10FFFF */
  }
  else { *len = 1; return -1; }
  for (k = 1; k <= need; k++) {
    uint8_t d;
    if (i + k >= n) { *len = k; return -1; }
    d = s[i + k];
    if (k == 1 ? (d < lo || d > hi) : (d < 0x80 || d > 0xBF)) { *len = k; return -1; }
    cp = (cp << 6) | (d & 0x3F);
  }
  *len = need + 1;
  return cp;
}


size_t gl_utf8_encode(int32_t c, char *out) {
  if (c < 0x80) { out[0] = (char)c; return 1; }
  if (c < 0x800) {
    out[0] = (char)(0xC0 | (c >> 6));
    out[1] = (char)(0x80 | (c & 0x3F));
    return 2;
  }
  if (c < 0x10000) {
    out[0] = (char)(0xE0 | (c >> 12));
    out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[2] = (char)(0x80 | (c & 0x3F));
    return 3;
  }
  out[0] = (char)(0xF0 | (c >> 18));
  out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
  out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
  out[3] = (char)(0x80 | (c & 0x3F));
  return 4;
}


size_t gl_utf8_check(const char *s, size_t n) {
  const uint8_t *u = (const uint8_t *)s;
  size_t i = 0, len;
  while (i < n) {
    /* ASCII fast path, 8 bytes at a time */
    while (i + 8 <= n) {
      uint64_t w;
      memcpy(&w, u + i, 8);
      if (w & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= n) break;
    if (u[i] < 0x80) { i++; continue; }
    if (gl_utf8_decode(u, n, i, &len) < 0) return i;
    i += len;
  }
  return (size_t)-1;
}
