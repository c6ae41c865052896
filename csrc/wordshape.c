/*
** wordshape.c -- the shape of a word: script class, upper case of its
** first letter, a one-space gap before it (wordshape.h).
*/
#include <stdlib.h>
#include <string.h>

#include "wordshape.h"
#include "fold.h"

#define UPPER_CACHE 0x10000


void gl_shaper_init(GlShaper *sh, UErrorCode *status) {
  sh->search = gl_fold_profile_get("search", status);
  sh->search_case = U_SUCCESS(*status) ? gl_fold_profile_get("search-case", status) : NULL;
  gl_buf_init(&sh->fa);
  gl_buf_init(&sh->fb);
  sh->upper = NULL;
}


void gl_shaper_free(GlShaper *sh) {
  gl_buf_free(&sh->fa);
  gl_buf_free(&sh->fb);
  free(sh->upper);
  sh->upper = NULL;
}


/* Cased scripts by code point: Latin, Greek, Cyrillic, Armenian
   (Georgian's Mkhedruli has no case). */
static int is_cased_cp(int32_t c) {
  return c < 0x0250 || (c >= 0x0370 && c < 0x0590) || (c >= 0x1E00 && c < 0x2000)
    || (c >= 0x2C00 && c < 0x2E00) || (c >= 0xA640 && c < 0xA800) || (c >= 0xFF00 && c < 0xFF60);
}


/* Written without spaces: Han, kana, Thai, Lao, Khmer, Myanmar. */
static int is_nospace_cp(int32_t c) {
  return (c >= 0x3040 && c < 0x3100) || (c >= 0x3400 && c < 0x4DC0) || (c >= 0x4E00 && c < 0xA000)
    || (c >= 0xF900 && c < 0xFB00) || (c >= 0x20000 && c < 0x2FA20) || (c >= 0x0E00 && c < 0x0F00)
    || (c >= 0x1000 && c < 0x10A0) || (c >= 0x1780 && c < 0x1800) || (c >= 0x31F0 && c < 0x3200)
    || c == 0x30FB || c == 0xB7 || c == 0x3005;
}


int gl_one_space_gap(const char *s, size_t prev_stop, size_t b) {
  const unsigned char *u = (const unsigned char *)s;
  if (b < prev_stop) return 0;
  if (b - prev_stop == 1) return u[b - 1] == ' ';
  if (b - prev_stop == 2) return u[b - 2] == 0xC2 && u[b - 1] == 0xA0;
  return 0;
}


/*
** The non-ASCII character s[0..len) is upper or title case: folding case
** changes it (search and search-case keep accents alike), but for ß.
** Returns 1 or 0, -1 on failure.
*/
static int is_upper(GlShaper *sh, const char *s, size_t len, int32_t c, UErrorCode *status) {
  size_t bad = 0;
  int up;
  if (c < UPPER_CACHE && sh->upper != NULL && sh->upper[c] != 0) return sh->upper[c] == 2;
  if (c == 0xDF) up = 0;
  else {
    sh->fa.len = sh->fb.len = 0;
    if (gl_fold(sh->search, s, len, GlInvalidError, &sh->fa, NULL, &bad, status) != 0
        || gl_fold(sh->search_case, s, len, GlInvalidError, &sh->fb, NULL, &bad, status) != 0)
      return -1;
    up = sh->fa.len != sh->fb.len || memcmp(sh->fa.p, sh->fb.p, sh->fa.len) != 0;
  }
  if (c < UPPER_CACHE) {
    if (sh->upper == NULL && (sh->upper = (uint8_t *)calloc(UPPER_CACHE, 1)) == NULL) return -1;
    sh->upper[c] = (uint8_t)(up ? 2 : 1);
  }
  return up;
}


int gl_word_shape(GlShaper *sh, const char *s, size_t n, size_t a, int is_number,
                  GlShapeClass *cls, int *cap, UErrorCode *status) {
  const uint8_t *u = (const uint8_t *)s;
  uint8_t b0 = u[a], b1 = a + 1 < n ? u[a + 1] : 0;
  size_t len;
  int32_t c;
  int up;
  *cap = 0;
  if (is_number) { *cls = GlShapeNumber; return 0; }
  if (b0 < 0x80) {
    *cls = GlShapeCased;
    *cap = b0 >= 'A' && b0 <= 'Z';
    return 0;
  }
  c = gl_utf8_next(u, n, a, &len);
  if (c < 0) { *status = U_INVALID_CHAR_FOUND; return -1; }
  /* U+0080-U+058F (Latin, Greek, Cyrillic, Armenian and the marks between)
     and U+1E00-U+1FFF; then Hebrew to Thaana, without case */
  if (b0 < 0xD6 || (b0 == 0xD6 && b1 < 0x90) || (b0 == 0xE1 && b1 >= 0xB8 && b1 < 0xC0)) *cls = GlShapeCased;
  else if (b0 < 0xE0) { *cls = GlShapeUncased; return 0; }
  else if (is_nospace_cp(c)) { *cls = GlShapeNospace; return 0; }
  else if (is_cased_cp(c)) *cls = GlShapeCased;
  else { *cls = GlShapeUncased; return 0; }
  if ((up = is_upper(sh, s + a, len, c, status)) < 0) return -1;
  *cap = up;
  return 0;
}
