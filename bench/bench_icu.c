/*
** bench_icu.c -- raw ICU baseline for `make bench-norm`: NFC and NFKC_Casefold
** through UTF-16 (u_strFromUTF8, unorm2_normalize, u_strToUTF8), and word
** and sentence break counting over a UTF-8 UText.  The *_fresh tasks do the
** same normalization into a result buffer malloc'ed inside the timing, as a
** function that returns a new string must (glean returns a new Lua string;
** the plain tasks reuse buffers whose pages were touched by earlier runs).
** nfkc_cf_lines normalizes each line (a run of non-newline bytes and its
** newline, as bench/norm.lua and bench/bindings.lua cut them) in its own
** call, into the reused buffers: the per-line baseline of glean.fold.
** Prints one line per task:
** "<task> <result> <median seconds> <MB/s>" (MB = 10^6 bytes of UTF-8 input).
** Usage: bench_icu FILE [RUNS]
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}


static void check(UErrorCode st, const char *what) {
  if (U_FAILURE(st)) {
    fprintf(stderr, "bench_icu: cannot %s (%s)\n", what, u_errorName(st));
    exit(1);
  }
}


static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}


/* UTF-8 -> UTF-16 -> normal form -> UTF-8; returns the output length. */
static long normalize(const UNormalizer2 *nm, const char *s, int32_t n, UChar *u16, UChar *n16,
                      int32_t cap16, char *out, int32_t capout) {
  UErrorCode st = U_ZERO_ERROR;
  int32_t len16, lenn, len8;
  u_strFromUTF8(u16, cap16, &len16, s, n, &st);
  check(st, "convert to UTF-16");
  lenn = unorm2_normalize(nm, u16, len16, n16, cap16, &st);
  check(st, "normalize");
  u_strToUTF8(out, capout, &len8, n16, lenn, &st);
  check(st, "convert to UTF-8");
  return len8;
}


/* NFKC_Casefold of each line of s in its own call; the output bytes. */
static long normalize_lines(const UNormalizer2 *nm, const char *s, int32_t n, UChar *u16, UChar *n16,
                            int32_t cap16, char *out, int32_t capout) {
  int32_t pos = 0;
  long total = 0;
  while (pos < n) {
    int32_t e = pos;
    if (s[pos] == '\n') { pos++; continue; }   /* empty lines are no calls */
    while (e < n && s[e] != '\n') e++;
    if (e < n) e++;
    total += normalize(nm, s + pos, e - pos, u16, n16, cap16, out, capout);
    pos = e;
  }
  return total;
}


static long count_breaks(UBreakIteratorType kind, const char *s, int64_t n) {
  UErrorCode st = U_ZERO_ERROR;
  UText *ut = utext_openUTF8(NULL, s, n, &st);
  UBreakIterator *bi = ubrk_open(kind, "", NULL, 0, &st);
  long count = 0;
  check(st, "open break iterator");
  ubrk_setUText(bi, ut, &st);
  check(st, "set UText");
  ubrk_first(bi);
  while (ubrk_next(bi) != UBRK_DONE) count++;
  ubrk_close(bi);
  utext_close(ut);
  return count;
}


int main(int argc, char **argv) {
  static const char *const tasks[] = {"nfc", "nfkc_cf", "words", "sentences", "nfc_fresh",
                                      "nfkc_cf_fresh", "nfkc_cf_lines"};
  FILE *f;
  char *s, *out;
  long n;
  int runs = argc > 2 ? atoi(argv[2]) : 5, t, r;
  int32_t cap16;
  UChar *u16, *n16;
  UErrorCode st = U_ZERO_ERROR;
  const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
  const UNormalizer2 *cf = unorm2_getNFKCCasefoldInstance(&st);
  check(st, "get normalizers");
  if (argc < 2 || runs < 1) {
    fprintf(stderr, "usage: bench_icu FILE [RUNS]\n");
    return 2;
  }
  f = fopen(argv[1], "rb");
  if (f == NULL) { perror(argv[1]); return 1; }
  fseek(f, 0, SEEK_END);
  n = ftell(f);
  rewind(f);
  s = malloc((size_t)n + 1);
  if (s == NULL || fread(s, 1, (size_t)n, f) != (size_t)n) { fprintf(stderr, "bench_icu: cannot read %s\n", argv[1]); return 1; }
  fclose(f);
  if (n > 0x7FFFFFF) { fprintf(stderr, "bench_icu: %s is larger than 128 MiB\n", argv[1]); return 1; }
  cap16 = (int32_t)n * 3 + 16;   /* NFKC_CF may grow the text */
  u16 = malloc((size_t)cap16 * sizeof(UChar));
  n16 = malloc((size_t)cap16 * sizeof(UChar));
  out = malloc((size_t)cap16 * 3);
  if (u16 == NULL || n16 == NULL || out == NULL) { fprintf(stderr, "bench_icu: out of memory\n"); return 1; }
  for (t = 0; t < 7; t++) {
    double *secs = malloc(sizeof(double) * (size_t)runs), med;
    long result = 0;
    for (r = 0; r < runs; r++) {
      double t0 = now();
      switch (t) {
        case 0: result = normalize(nfc, s, (int32_t)n, u16, n16, cap16, out, cap16 * 3); break;
        case 1: result = normalize(cf, s, (int32_t)n, u16, n16, cap16, out, cap16 * 3); break;
        case 2: result = count_breaks(UBRK_WORD, s, n); break;
        case 3: result = count_breaks(UBRK_SENTENCE, s, n); break;
        case 6: result = normalize_lines(cf, s, (int32_t)n, u16, n16, cap16, out, cap16 * 3); break;
        default: {
          /* room for the input plus an eighth (check() stops the run if it overflows) */
          int32_t cap = (int32_t)(n + n / 8 + 16);
          char *fresh = malloc((size_t)cap);
          if (fresh == NULL) { fprintf(stderr, "bench_icu: out of memory\n"); return 1; }
          result = normalize(t == 4 ? nfc : cf, s, (int32_t)n, u16, n16, cap16, fresh, cap);
          free(fresh);
        }
      }
      secs[r] = now() - t0;
    }
    qsort(secs, (size_t)runs, sizeof(double), cmp);
    med = secs[(runs - 1) / 2];
    printf("%s %ld %.6f %.1f\n", tasks[t], result, med, n / 1e6 / med);
    free(secs);
  }
  free(s);
  free(u16);
  free(n16);
  free(out);
  return 0;
}
