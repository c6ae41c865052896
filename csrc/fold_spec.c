/*
** fold_spec.c -- a folding profile's canonical text form, stored in compiled
** gazetteers (gl_fold_profile_spec), and the profile it describes
** (gl_fold_profile_load).  A built-in profile is its name; a custom one is
**   "glean-fold-profile 1\ncase 0|1\nmap FROM TO...\nstrip CP\n"
** with code points in hex.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/utf16.h>

#include "fold_spec.h"
#include "fold_profile_internal.h"


#define SPEC_HEAD "glean-fold-profile 1\n"

int gl_fold_profile_spec(const FoldProfile *p, GlBuf *out) {
  char line[64];
  size_t i;
  int32_t k;
  if (p->builtin) return gl_buf_add(out, p->name, strlen(p->name));
  if (gl_buf_add(out, SPEC_HEAD, strlen(SPEC_HEAD)) != 0) return -1;
  sprintf(line, "case %d\n", p->casefold);
  if (gl_buf_add(out, line, strlen(line)) != 0) return -1;
  for (i = 0; i < p->nmaps; i++) {
    sprintf(line, "map %X", (unsigned)p->maps[i].from);
    if (gl_buf_add(out, line, strlen(line)) != 0) return -1;
    k = 0;
    while (k < p->maps[i].tolen) {
      UChar32 c;
      U16_NEXT(p->maps[i].to, k, p->maps[i].tolen, c);
      sprintf(line, " %X", (unsigned)c);
      if (gl_buf_add(out, line, strlen(line)) != 0) return -1;
    }
    if (gl_buf_add(out, "\n", 1) != 0) return -1;
  }
  for (i = 0; i < p->nstrip; i++) {
    sprintf(line, "strip %X\n", (unsigned)p->strip[i]);
    if (gl_buf_add(out, line, strlen(line)) != 0) return -1;
  }
  return 0;
}


const FoldProfile *gl_fold_profile_load(const char *spec, size_t n, FoldProfile **owned,
                                        UErrorCode *st) {
  FoldProfile *p;
  const char *s = spec, *end = spec + n;
  *owned = NULL;
  if (U_FAILURE(*st)) return NULL;
  if (n < strlen(SPEC_HEAD) || memcmp(spec, SPEC_HEAD, strlen(SPEC_HEAD)) != 0) {
    char name[32];
    if (n >= sizeof name || memchr(spec, '\0', n)) { *st = U_ILLEGAL_ARGUMENT_ERROR; return NULL; }
    memcpy(name, spec, n);
    name[n] = 0;
    return gl_fold_profile_get(name, st);
  }
  p = gl_fold_profile_new(NULL, 1, st);
  if (p == NULL) return NULL;
  s += strlen(SPEC_HEAD);
  while (s < end) {
    const char *eol = memchr(s, '\n', (size_t)(end - s));
    char line[512], *q;
    unsigned long v;
    size_t len;
    if (eol == NULL) eol = end;
    len = (size_t)(eol - s);
    if (len >= sizeof line) goto bad;
    memcpy(line, s, len);
    line[len] = 0;
    s = eol + 1;
    if (strncmp(line, "case ", 5) == 0) p->casefold = line[5] == '1';
    else if (strncmp(line, "strip ", 6) == 0) {
      v = strtoul(line + 6, &q, 16);
      if (*q || v > 0x10FFFF || gl_fold_profile_strip(p, (int32_t)v) != 0) goto bad;
    }
    else if (strncmp(line, "map ", 4) == 0) {
      char to[64];
      size_t tl = 0;
      unsigned long from = strtoul(line + 4, &q, 16);
      if (from > 0x10FFFF) goto bad;
      while (*q == ' ') {
        v = strtoul(q + 1, &q, 16);
        if (v > 0x10FFFF || tl + 4 > sizeof to) goto bad;
        tl += gl_utf8_encode((int32_t)v, to + tl);
      }
      if (*q || gl_fold_profile_map(p, (int32_t)from, to, tl) != 0) goto bad;
    }
    else if (len != 0) goto bad;
  }
  gl_fold_profile_finish(p, st);
  if (U_FAILURE(*st)) { gl_fold_profile_free(p); return NULL; }
  *owned = p;
  return p;
bad:
  gl_fold_profile_free(p);
  *st = U_ILLEGAL_ARGUMENT_ERROR;
  return NULL;
}
