/*
** fuzz_gazfile.c -- libFuzzer harness for gl_gazfile_open (csrc/gazfile.h):
** a damaged compiled gazetteer must be rejected with "name: what", never
** read out of bounds.
**
** Input: the bytes of a compiled file (seeds: files written by
** gl_gazfile_save).  Each input is opened twice: as it is (any byte flip
** should fail the checksum) and with the checksum recomputed, so the
** structural checks behind it (section table, tries, records, string pool)
** are fuzzed too.  Whatever opens must scan texts without error and give
** spans inside them and record indexes below nrec, and every record's
** attributes, read with gl_matcher_attr as the bindings read them, must
** lie inside the string pool.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "gazfile.h"

/* Header size for a section count (gazfile.c's GAZ_HEADER); the harness
   reads the count from the file so it follows format changes (a fixed 10
   sections silently stopped the checksum being recomputed at format 3) */
#define GAZ_HEADER_FOR(nsect) (8 + 4 + 4 + 8 + 8 + 32 + 4 + 4 + (size_t)(nsect) * 16)

#define checksum gl_gazfile_checksum

static const char *const texts[] = {
  "Angela Merkel met the Bundestag in Berlin; New Delhi and Tehran replied.",
  "\xd8\xaa\xd9\x87\xd8\xb1\xd8\xa7\xd9\x86 \xe0\xa4\xa8\xe0\xa4\x88 \xe0\xa4\xa6\xe0\xa4\xbf\xe0\xa4\xb2\xe0\xa5\x8d\xe0\xa4\xb2\xe0\xa5\x80 M\xc3\xbcnchen",
  "a b c d e f g h i j k l m n o p q r s t u v w x y z 0 1 2 3",
};

static char path[64];

static void try_open(const uint8_t *d, size_t n) {
  FILE *fp = fopen(path, "wb");
  GlBuf err;
  Matcher *m;
  size_t t, k, bad;
  if (fp == NULL) abort();
  if (n && fwrite(d, 1, n, fp) != n) abort();
  fclose(fp);
  gl_buf_init(&err);
  m = gl_gazfile_open(path, &err);
  if (m == NULL) {
    if (err.len <= strlen(path) + 2 || memcmp(err.p, path, strlen(path)) != 0) abort();
    gl_buf_free(&err);
    return;
  }
  for (k = 0; k < m->nrec; k++) {   /* every string offset must be valid */
    const MatchRec *r = &m->rec[k];
    uint32_t a = r->attrs, j;
    if (strlen(gl_matcher_str(m, r->alias)) > m->nstr) abort();
    if (strlen(gl_matcher_str(m, r->id)) > m->nstr) abort();
    /* attributes are not walked at open: their reader, gl_matcher_attr (the
       only one: l_matcher.c's tables and JSON Lines), must stay in the pool */
    for (j = 0; j < r->nattrs; j++) {
      const char *key, *val;
      if (!gl_matcher_attr(m, &a, &key, &val)) break;
      if (key < m->str || val <= key || val >= m->str + m->nstr ||
          val + strlen(val) > m->str + m->nstr || key + strlen(key) >= val) abort();
    }
  }
  for (t = 0; t < sizeof texts / sizeof *texts; t++) {
    GlMatchList ml = {NULL, 0, 0};
    UErrorCode st = U_ZERO_ERROR;
    size_t len = strlen(texts[t]);
    int ov;
    for (ov = 0; ov < 2; ov++) {
      ml.n = 0;
      if (gl_matcher_scan(m, texts[t], len, GlInvalidReplace, ov, &ml, &bad, &st) != 0) abort();
      for (k = 0; k < ml.n; k++)
        if (ml.m[k].start >= ml.m[k].end || ml.m[k].end > len || ml.m[k].rec >= m->nrec) abort();
    }
    gl_matchlist_free(&ml);
  }
  gl_matcher_free(m);
  gl_buf_free(&err);
}


int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  uint8_t *copy;
  uint64_t sum;
  uint32_t nsect;
  size_t hdr;
  if (path[0] == 0) snprintf(path, sizeof path, "/tmp/glean-fuzz-gaz-%ld.bin", (long)getpid());
  try_open(data, size);
  if (size < 72) return 0;
  memcpy(&nsect, data + 68, 4);
  if (nsect > 64) return 0;
  hdr = GAZ_HEADER_FOR(nsect);
  if (size < hdr) return 0;
  copy = (uint8_t *)malloc(size);
  memcpy(copy, data, size);
  sum = (uint64_t)size;          /* the size field too, so the fuzzer may */
  memcpy(copy + 16, &sum, 8);    /* cut or extend sections */
  sum = checksum(copy + 32, hdr - 32) ^
        (checksum(copy + hdr, size - hdr) * 0x9E3779B97F4A7C15u + 1);
  memcpy(copy + 24, &sum, 8);
  try_open(copy, size);
  free(copy);
  return 0;
}
