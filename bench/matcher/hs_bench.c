/*
** hs_bench.c -- Hyperscan peer: hs_bench ALIASES CORPUS [RUNS]
** hs_compile_lit_multi over aliases already folded (one per line), block
** mode scans of 1 MiB documents; Hyperscan reports every match end (its
** semantics: all matches, no leftmost-longest), no folding, no boundaries.
*/
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <hs/hs.h>

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);   /* CPU time: noisy shared machine */
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static char *slurp(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  char *p;
  if (!f) { perror(path); exit(1); }
  fseek(f, 0, SEEK_END);
  *n = (size_t)ftell(f);
  fseek(f, 0, SEEK_SET);
  p = malloc(*n + 1);
  if (fread(p, 1, *n, f) != *n) { perror(path); exit(1); }
  fclose(f);
  p[*n] = 0;
  return p;
}

static int onmatch(unsigned id, unsigned long long from, unsigned long long to, unsigned flags, void *ctx) {
  (void)id; (void)from; (void)to; (void)flags;
  ++*(size_t *)ctx;
  return 0;
}

static int cmpd(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
  size_t an, tn, np = 0, i, nmatch = 0;
  char *al = slurp(argv[1], &an), *text = slurp(argv[2], &tn), *p;
  int runs = argc > 3 ? atoi(argv[3]) : 3, r;
  const char **pats;
  size_t *lens;
  unsigned *flags, *ids;
  hs_database_t *db;
  hs_compile_error_t *err;
  hs_scratch_t *scratch = NULL;
  double t0, build, t[16];
  for (p = al; *p; p++) if (*p == '\n') np++;
  pats = malloc(np * sizeof *pats); lens = malloc(np * sizeof *lens);
  flags = malloc(np * sizeof *flags); ids = malloc(np * sizeof *ids);
  np = 0;
  for (p = al; *p; ) {
    char *nl = strchr(p, '\n');
    if (!nl) break;
    if (nl > p) { pats[np] = p; lens[np] = (size_t)(nl - p); flags[np] = 0; ids[np] = (unsigned)np; np++; }
    p = nl + 1;
  }
  t0 = now();
  if (hs_compile_lit_multi(pats, flags, ids, lens, (unsigned)np, HS_MODE_BLOCK, NULL, &db, &err) != HS_SUCCESS) {
    fprintf(stderr, "hs: %s\n", err->message);
    return 1;
  }
  build = now() - t0;
  hs_alloc_scratch(db, &scratch);
  for (r = 0; r < runs && r < 16; r++) {
    double s0 = now();
    nmatch = 0;
    for (i = 0; i < tn; i += 1u << 20) {
      size_t len = tn - i < (1u << 20) ? tn - i : (1u << 20);
      hs_scan(db, text + i, (unsigned)len, 0, scratch, onmatch, &nmatch);
    }
    t[r] = now() - s0;
  }
  qsort(t, (size_t)runs, sizeof *t, cmpd);
  printf("patterns %lu\nbuild_s %.3f\nmatches %lu\nscan_MBps %.1f\n", (unsigned long)np, build,
         (unsigned long)nmatch, tn / 1e6 / t[runs / 2]);
  return 0;
}
