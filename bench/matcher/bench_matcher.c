/*
** bench_matcher.c -- glean's gazetteer matcher, timed in C (folding and word
** boundaries included).
**
**   bench_matcher build GAZ.tsv CORPUS OUT.glz [RUNS]
**       load + compile from TSV (timed), save OUT.glz, scan CORPUS RUNS times;
**       with GLEAN_INFLECTION=dir in the environment the inflection profiles
**       of dir are loaded first (as `glean match` does; forms are counted)
**   bench_matcher open GAZ.glz CORPUS [RUNS]
**       open the compiled file (timed, median of RUNS), scan CORPUS
**   bench_matcher fold IN OUT            fold a text file (for the peers)
**   bench_matcher foldaliases GAZ.tsv OUT   folded alias keys, one per line
**   bench_matcher foldlines IN [RUNS]    search folding of each line in its own
**       call (reused buffers), with and without the offset map: the C floor
**       of glean.fold called per line from Lua (bench/bindings.lua)
**
** The corpus is scanned as documents of about 64 KiB cut at line ends, with
** one reused scanner, the way `glean match`/`glean analyze` see news files.  Prints one "key value" per line; times
** are process CPU seconds (medians over RUNS).
*/
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "matcher.h"
#include "gazfile.h"

/* CPU time of this process: the bench machine is shared and noisy, and
   the work is single-threaded, so CPU time is the steadier measure. */
static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int cmpd(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static double median(double *v, int n) {
  qsort(v, (size_t)n, sizeof *v, cmpd);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void die(const char *what, GlBuf *err) {
  fprintf(stderr, "bench_matcher: %s: %.*s\n", what, err ? (int)err->len : 0, err ? err->p : "");
  exit(1);
}

static void readfile(const char *path, GlBuf *out) {
  GlBuf err;
  gl_buf_init(&err);
  if (gl_gazfile_read(path, out, &err) != 0) die("read", &err);
}

/* Documents of ~64 KiB cut at line ends: long news articles, and the size
   `glean analyze` hands the matcher one document at a time. */
#define DOC_BYTES (64u << 10)

static void scan(const Matcher *m, const char *path, int runs) {
  GlBuf text;
  double *t = (double *)malloc(sizeof(double) * (size_t)runs);
  size_t nmatch = 0;
  int r;
  gl_buf_init(&text);
  readfile(path, &text);
  {  /* the floor: folding with the offset map alone, same documents */
    size_t pos = 0;
    double t0 = now();
    GlBuf f;
    OffsetMap map;
    gl_buf_init(&f);
    gl_map_init(&map);
    while (pos < text.len) {
      size_t end = pos + (DOC_BYTES), bad;
      UErrorCode st = U_ZERO_ERROR;
      if (end >= text.len) end = text.len;
      else { while (end < text.len && text.p[end] != '\n') end++; }
      f.len = 0;
      gl_fold(m->fold, text.p + pos, end - pos, GlInvalidReplace, &f, &map, &bad, &st);
      pos = end;
    }
    printf("fold_only_MBps %.1f\n", text.len / 1e6 / (now() - t0));
    gl_buf_free(&f);
    gl_map_free(&map);
  }
  for (r = 0; r < runs; r++) {
    size_t pos = 0;
    double t0 = now();
    GlScanner *sc = gl_scanner_new();
    nmatch = 0;
    while (pos < text.len) {
      size_t end = pos + (DOC_BYTES), bad;
      GlMatchList out = {NULL, 0, 0};
      UErrorCode st = U_ZERO_ERROR;
      if (end >= text.len) end = text.len;
      else { while (end < text.len && text.p[end] != '\n') end++; }
      if (gl_matcher_scan_with(m, sc, text.p + pos, end - pos, GlInvalidReplace, 0, &out, &bad, &st) != 0)
        die("scan", NULL);
      nmatch += out.n;
      gl_matchlist_free(&out);
      pos = end;
    }
    t[r] = now() - t0;
    gl_scanner_free(sc);
  }
  printf("corpus_bytes %lu\nmatches %lu\nscan_s_median %.4f\nscan_MBps %.1f\n",
         (unsigned long)text.len, (unsigned long)nmatch, median(t, runs),
         text.len / 1e6 / median(t, runs));
  free(t);
  gl_buf_free(&text);
}

static int add_profile(void *ud, InflProfile *p) {
  return gl_builder_add_inflection((MatcherBuilder *)ud, p);
}

/* Each line of text (non-newline bytes and their newline; empty lines are
   skipped, as bench/bindings.lua cuts them) folded in its own call. */
static double foldlines(const FoldProfile *p, const GlBuf *text, int withmap) {
  GlBuf f;
  OffsetMap map;
  size_t pos = 0, bad;
  double t0 = now();
  gl_buf_init(&f);
  gl_map_init(&map);
  while (pos < text->len) {
    size_t e = pos;
    UErrorCode st = U_ZERO_ERROR;
    if (text->p[pos] == '\n') { pos++; continue; }
    while (e < text->len && text->p[e] != '\n') e++;
    if (e < text->len) e++;
    f.len = 0;
    if (gl_fold(p, text->p + pos, e - pos, GlInvalidReplace, &f, withmap ? &map : NULL, &bad, &st) != 0)
      die("fold", NULL);
    pos = e;
  }
  t0 = now() - t0;
  gl_buf_free(&f);
  gl_map_free(&map);
  return t0;
}

int main(int argc, char **argv) {
  UErrorCode st = U_ZERO_ERROR;
  GlBuf err;
  gl_buf_init(&err);
  if (argc >= 5 && strcmp(argv[1], "build") == 0) {
    int runs = argc > 5 ? atoi(argv[5]) : 3;
    double t0 = now(), t1, t2;
    GlBuf data;
    MatcherBuilder *b = gl_builder_new("search", &st);
    Matcher *m;
    const char *infl = getenv("GLEAN_INFLECTION");
    gl_buf_init(&data);
    if (!b) die("builder", NULL);
    if (infl && *infl && gl_infl_load_dir(infl, add_profile, b, &err) != 0) die("inflection", &err);
    readfile(argv[2], &data);
    if (gl_gazfile_parse(b, data.p, data.len, argv[2], GazTSV, &err) != 0) die("parse", &err);
    gl_buf_free(&data);
    t1 = now();
    m = gl_matcher_build(b, &st);
    if (!m) die("build", NULL);
    t2 = now();
    gl_builder_free(b);   /* what `glean match` needs after compiling */
    printf("aliases %u\nforms %u\nentities %u\nnodes %u\nparse_fold_s %.3f\ncompile_s %.3f\nbuild_s %.3f\n",
           gl_matcher_count(m, NULL), m->nrec - gl_matcher_count(m, NULL), m->nentities, m->main.nnode + m->nb.nnode, t1 - t0, t2 - t1, t2 - t0);
    if (gl_gazfile_save(m, argv[4], &err) != 0) die("save", &err);
    scan(m, argv[3], runs);
    gl_matcher_free(m);
    return 0;
  }
  if (argc >= 4 && strcmp(argv[1], "open") == 0) {
    int runs = argc > 4 ? atoi(argv[4]) : 3, r;
    double t[15];
    Matcher *m = NULL;
    for (r = 0; r < 15; r++) {
      double t0 = now();
      if (m) gl_matcher_free(m);
      m = gl_gazfile_open(argv[2], &err);
      if (!m) die("open", &err);
      t[r] = now() - t0;
    }
    printf("open_ms_first %.2f\nopen_ms_median %.2f\n", t[0] * 1e3, median(t, 15) * 1e3);
    scan(m, argv[3], runs);
    gl_matcher_free(m);
    return 0;
  }
  if (argc >= 3 && strcmp(argv[1], "foldlines") == 0) {
    int runs = argc > 3 ? atoi(argv[3]) : 3, r, w;
    const FoldProfile *p = gl_fold_profile_get("search", &st);
    double *t = (double *)malloc(sizeof(double) * (size_t)(runs > 0 ? runs : 1));
    GlBuf text;
    if (!p) die("profile", NULL);
    if (runs < 1 || t == NULL) die("usage: RUNS >= 1", NULL);
    gl_buf_init(&text);
    readfile(argv[2], &text);
    for (w = 1; w >= 0; w--) {
      for (r = 0; r < runs; r++) t[r] = foldlines(p, &text, w);
      printf("%s %.1f\n", w ? "fold_lines_map_MBps" : "fold_lines_nomap_MBps", text.len / 1e6 / median(t, runs));
    }
    free(t);
    gl_buf_free(&text);
    return 0;
  }
  if (argc == 4 && (strcmp(argv[1], "fold") == 0 || strcmp(argv[1], "foldaliases") == 0)) {
    const FoldProfile *p = gl_fold_profile_get("search", &st);
    GlBuf in, out;
    FILE *f;
    size_t bad, pos = 0;
    int aliases = argv[1][4] == 'a';
    gl_buf_init(&in); gl_buf_init(&out);
    readfile(argv[2], &in);
    if (!p) die("profile", NULL);
    if (aliases) {   /* third column of each line after the header */
      int header = 1;
      while (pos < in.len) {
        char *nl = (char *)memchr(in.p + pos, '\n', in.len - pos);
        size_t e = nl ? (size_t)(nl - in.p) : in.len;
        char *t1 = (char *)memchr(in.p + pos, '\t', e - pos), *t2 = t1 ? (char *)memchr(t1 + 1, '\t', (size_t)(in.p + e - t1 - 1)) : NULL;
        if (!header && t2 && in.p[pos] != '#') {
          size_t a = (size_t)(t2 + 1 - in.p), z = a + strcspn(t2 + 1, "\t\r\n"), l0 = out.len;
          if (z > e) z = e;
          gl_fold(p, in.p + a, z - a, GlInvalidReplace, &out, NULL, &bad, &st);
          while (out.len > l0 && out.p[out.len - 1] == ' ') out.len--;
          { size_t s = l0; while (s < out.len && out.p[s] == ' ') s++; memmove(out.p + l0, out.p + s, out.len - s); out.len -= s - l0; }
          gl_buf_add(&out, "\n", 1);
        }
        header = 0;
        pos = e + 1;
      }
    }
    else if (gl_fold(p, in.p, in.len, GlInvalidReplace, &out, NULL, &bad, &st) != 0) die("fold", NULL);
    f = fopen(argv[3], "wb");
    if (!f || fwrite(out.p, 1, out.len, f) != out.len || fclose(f) != 0) die("write", NULL);
    return 0;
  }
  fprintf(stderr, "usage: bench_matcher build GAZ.tsv CORPUS OUT.glz [RUNS] | open GAZ.glz CORPUS [RUNS]"
                  " | fold IN OUT | foldaliases GAZ.tsv OUT | foldlines IN [RUNS]\n");
  return 2;
}
