/*
** bench_segment.c -- the baseline for bench/segment.lua: raw ICU counting
** word and sentence boundaries over a UTF-8 UText, no Lua and no glean.
**
**   bench_segment FILE [RUNS [CHUNK]]
** prints one line per kind: "<kind> <segments> <median seconds> <MB/s>"
** (MB = 10^6 bytes; median of RUNS runs, default 5).  With CHUNK > 0 the
** text is walked as separate documents of at most CHUNK bytes, each cut
** after its last newline (bench/segment.lua cuts the same way).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <unicode/ubrk.h>
#include <unicode/utext.h>


static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}


static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}


static char *read_file(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  char *buf;
  long len;
  if (f == NULL) return NULL;
  if (fseek(f, 0, SEEK_END) != 0 || (len = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
    fclose(f);
    return NULL;
  }
  buf = (char *)malloc((size_t)len + 1);
  if (buf == NULL || fread(buf, 1, (size_t)len, f) != (size_t)len) {
    free(buf);
    fclose(f);
    return NULL;
  }
  fclose(f);
  *n = (size_t)len;
  return buf;
}


/* Length of the next document at s[0..n): up to chunk bytes, cut after a newline. */
static size_t doc_len(const char *s, size_t n, size_t chunk) {
  size_t k;
  if (chunk == 0 || n <= chunk) return n;
  for (k = chunk; k > 0 && s[k - 1] != '\n'; k--) {}
  return k > 0 ? k : chunk;
}


/* One timed run: open one iterator, then set each document as its text and count. */
static long count_once(UBreakIteratorType type, const char *s, size_t n, size_t chunk,
                       UErrorCode *status) {
  UText ut = UTEXT_INITIALIZER;
  UBreakIterator *bi = ubrk_open(type, "", NULL, 0, status);
  long count = 0;
  size_t off = 0, len;
  for (; off < n && U_SUCCESS(*status); off += len) {
    len = doc_len(s + off, n - off, chunk);
    utext_openUTF8(&ut, s + off, (int64_t)len, status);
    ubrk_setUText(bi, &ut, status);
    if (U_SUCCESS(*status)) {
      while (ubrk_next(bi) != UBRK_DONE) count++;
    }
  }
  ubrk_close(bi);
  utext_close(&ut);
  return count;
}


int main(int argc, char **argv) {
  static const struct { const char *name; UBreakIteratorType type; } kinds[] = {
    {"word", UBRK_WORD}, {"sentence", UBRK_SENTENCE}
  };
  size_t n, k;
  int runs = argc > 2 ? atoi(argv[2]) : 5, r;
  long chunk = argc > 3 ? atol(argv[3]) : 0;
  double times[64];
  char *s;
  if (argc < 2 || runs < 1 || runs > 64 || chunk < 0) {
    fprintf(stderr, "usage: %s FILE [RUNS (1..64) [CHUNK (bytes, 0 = whole file)]]\n", argv[0]);
    return 2;
  }
  s = read_file(argv[1], &n);
  if (s == NULL) {
    fprintf(stderr, "bench_segment: cannot read '%s'\n", argv[1]);
    return 1;
  }
  for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
    long count = 0;
    for (r = 0; r < runs; r++) {
      UErrorCode status = U_ZERO_ERROR;
      double t0 = now();
      count = count_once(kinds[k].type, s, n, (size_t)chunk, &status);
      times[r] = now() - t0;
      if (U_FAILURE(status)) {
        fprintf(stderr, "bench_segment: %s iterator failed (%s)\n", kinds[k].name, u_errorName(status));
        free(s);
        return 1;
      }
    }
    qsort(times, (size_t)runs, sizeof(double), cmp_double);
    printf("%s %ld %.6f %.2f\n", kinds[k].name, count, times[runs / 2],
           (double)n / 1e6 / times[runs / 2]);
  }
  free(s);
  return 0;
}
