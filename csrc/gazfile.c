/*
** gazfile.c -- gazetteer source files (TSV, CSV) and the compiled form.
**
** Compiled file layout (all integers native-endian; the endian check word
** rejects a file written on a machine of the other byte order):
**   header (GAZ_HEADER bytes): magic "GLEANGZ1", uint32 version, uint32
**   0x01020304, uint64 file size, uint64 checksum of every byte after the
**   header, char profile[32], uint32 nentities, uint32 nsections, then
**   nsections x { uint64 offset, uint64 length };
**   then the sections, each 8-byte aligned: labels, strings, records, plist,
**   main root, main nodes, main child bytes, nb root, nb nodes, nb child bytes.
*/
#define _DEFAULT_SOURCE 1
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gazfile.h"


/* ===================================================================
** Source files
** =================================================================== */

enum { ColId, ColType, ColAlias, ColFlags, ColAttr };

#define MAXCOLS 64

typedef struct Parser {
  MatcherBuilder *b;
  const char *name;
  GlBuf *err;
  int nerr;
  int ncol;
  int role[MAXCOLS];
  const char *colname[MAXCOLS];
  size_t colnamelen[MAXCOLS];
  GlBuf fields;          /* unquoted CSV fields */
  GlBuf names;           /* copies of the header's column names */
} Parser;


/* Append one error message.  Messages are best effort, here and in errmsg:
   the parse fails by its return code and nerr, so running out of memory
   while writing one loses words of the message, never the failure. */
static int errf(Parser *P, size_t line, const char *fmt, const char *a, size_t alen) {
  char buf[160];
  int k;
  P->nerr++;
  if (P->nerr > GL_GAZ_MAXERRORS) return 0;
  if (P->err->len) gl_buf_add(P->err, "\n", 1);
  k = snprintf(buf, sizeof buf, "%s:%lu: ", P->name, (unsigned long)line);
  gl_buf_add(P->err, buf, (size_t)k);
  for (; *fmt; fmt++) {
    if (*fmt == '%' && fmt[1] == 's') {
      gl_buf_add(P->err, a, alen > 60 ? 60 : alen);
      if (alen > 60) gl_buf_add(P->err, "...", 3);
      fmt++;
    }
    else gl_buf_add(P->err, fmt, 1);
  }
  return 0;
}


static int parse_flags(Parser *P, size_t line, const char *s, size_t n, unsigned *flags) {
  static const char *const names[] = GL_FLAG_NAMES;
  size_t i = 0;
  *flags = 0;
  while (i < n) {
    size_t a, z, k;
    while (i < n && (s[i] == ' ' || s[i] == ',')) i++;
    a = i;
    while (i < n && s[i] != ',') i++;
    z = i;
    while (z > a && s[z - 1] == ' ') z--;
    if (z == a) continue;
    for (k = 0; k < GL_NFLAGS; k++)
      if (strlen(names[k]) == z - a && memcmp(names[k], s + a, z - a) == 0) break;
    if (k == GL_NFLAGS) { errf(P, line, "unknown flag '%s'", s + a, z - a); return -1; }
    *flags |= 1u << k;
  }
  return 0;
}


/* Split one record into fields.  TSV: the line is s[0..n).  CSV: parse from
   *pos, may span lines (quoted newlines); *lines counts the extra lines. */
typedef struct Field { const char *p; size_t n; } Field;

static int header(Parser *P, size_t line, Field *f, int nf) {
  int k, j, have[4] = {0, 0, 0, 0};
  static const char *const req[] = {"id", "type", "alias", "flags"};
  if (nf > MAXCOLS) return errf(P, line, "too many columns (limit is 64)", "", 0), -1;
  P->ncol = nf;
  for (k = 0; k < nf; k++) {
    P->role[k] = ColAttr;
    for (j = 0; j < 4; j++)
      if (f[k].n == strlen(req[j]) && memcmp(f[k].p, req[j], f[k].n) == 0) {
        if (have[j]) return errf(P, line, "duplicate column '%s'", f[k].p, f[k].n), -1;
        have[j] = 1;
        P->role[k] = j;
      }
    if (f[k].n == 0) return errf(P, line, "empty column name", "", 0), -1;
    P->colnamelen[k] = f[k].n;
  }
  /* CSV fields live in a buffer the next record overwrites: keep copies */
  P->names.len = 0;
  for (k = 0; k < nf; k++)
    if (gl_buf_add(&P->names, f[k].p, f[k].n) != 0) return -2;
  for (k = 0, j = 0; k < nf; k++) {
    P->colname[k] = P->names.p + j;
    j += (int)f[k].n;
  }
  for (j = 0; j < 3; j++)
    if (!have[j]) return errf(P, line, "missing column '%s' in header", req[j], strlen(req[j])), -1;
  return 0;
}


static int record(Parser *P, size_t line, Field *f, int nf) {
  Field id = {NULL, 0}, type = {NULL, 0}, alias = {NULL, 0};
  const char *attrs[2 * MAXCOLS];
  size_t attrlens[2 * MAXCOLS], nattrs = 0, badpos;
  unsigned flags = 0;
  const char *err;
  int k;
  if (nf < P->ncol)
    return errf(P, line, "missing column '%s'", P->colname[nf], P->colnamelen[nf]), -1;
  if (nf > P->ncol) {
    char buf[64];
    snprintf(buf, sizeof buf, "%d columns, header has %d", nf, P->ncol);
    return errf(P, line, "too many columns (%s)", buf, strlen(buf)), -1;
  }
  for (k = 0; k < nf; k++) {
    switch (P->role[k]) {
      case ColId: id = f[k]; break;
      case ColType: type = f[k]; break;
      case ColAlias: alias = f[k]; break;
      case ColFlags:
        if (parse_flags(P, line, f[k].p, f[k].n, &flags) != 0) return -1;
        break;
      default:
        if (f[k].n) {
          attrs[2 * nattrs] = P->colname[k]; attrlens[2 * nattrs] = P->colnamelen[k];
          attrs[2 * nattrs + 1] = f[k].p; attrlens[2 * nattrs + 1] = f[k].n;
          nattrs++;
        }
    }
  }
  if (id.n == 0) return errf(P, line, "empty id", "", 0), -1;
  if (type.n == 0) return errf(P, line, "empty type", "", 0), -1;
  if (alias.n == 0) return errf(P, line, "empty alias", "", 0), -1;
  if (gl_builder_add(P->b, alias.p, alias.n, id.p, id.n, type.p, type.n, attrs, attrlens,
                     nattrs, flags, &err, &badpos) != 0) {
    if (strcmp(err, "out of memory") == 0) return -2;
    if (strcmp(err, "alias folds to nothing") == 0)
      return errf(P, line, "alias '%s' folds to nothing", alias.p, alias.n), -1;
    if (strcmp(err, "unknown inflection profile") == 0) {
      size_t k2;
      for (k2 = 0; k2 < nattrs; k2++)
        if (attrlens[2 * k2] == 10 && memcmp(attrs[2 * k2], "inflection", 10) == 0)
          return errf(P, line, "unknown inflection profile in '%s'", attrs[2 * k2 + 1], attrlens[2 * k2 + 1]), -1;
    }
    return errf(P, line, err, "", 0), -1;
  }
  return 0;
}


/* Is s[0..n) blank (spaces, tabs)? */
static int blank(const char *s, size_t n) {
  size_t i;
  for (i = 0; i < n; i++) if (s[i] != ' ' && s[i] != '\t') return 0;
  return 1;
}


int gl_gazfile_parse(MatcherBuilder *b, const char *data, size_t n, const char *name,
                     GazFormat fmt, GlBuf *err) {
  Parser P;
  Field f[MAXCOLS + 1];
  size_t pos = 0, line = 0;
  int rc = 0, havehdr = 0;
  memset(&P, 0, sizeof P);
  P.b = b; P.name = name; P.err = err;
  gl_buf_init(&P.fields);
  gl_buf_init(&P.names);
  if (n >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) pos = 3;   /* UTF-8 BOM */
  while (pos < n && rc != -2) {
    size_t a = pos, e, z, bad, startline;
    int nf = 0;
    const char *nl = (const char *)memchr(data + pos, '\n', n - pos);
    e = nl ? (size_t)(nl - data) : n;
    line++;
    startline = line;
    z = e;
    if (z > a && data[z - 1] == '\r') z--;
    pos = nl ? e + 1 : n;
    if (z == a || data[a] == '#' || blank(data + a, z - a)) continue;
    if ((bad = gl_utf8_check(data + a, z - a)) != (size_t)-1) {
      char buf[40];
      snprintf(buf, sizeof buf, "%lu", (unsigned long)bad + 1);
      errf(&P, line, "invalid UTF-8 at byte %s of the line", buf, strlen(buf));
      continue;
    }
    if (fmt == GazTSV) {
      size_t i = a;
      for (;;) {
        const char *t = (const char *)memchr(data + i, '\t', z - i);
        size_t fe = t ? (size_t)(t - data) : z;
        if (nf <= MAXCOLS) { f[nf].p = data + i; f[nf].n = fe - i; }
        nf++;
        if (!t) break;
        i = fe + 1;
      }
    }
    else {  /* CSV, RFC 4180: quoted fields may hold commas, quotes, newlines */
      size_t i = a;
      int oom = 0;   /* a field's bytes could not be copied */
      P.fields.len = 0;
      for (;;) {
        size_t off = P.fields.len;
        if (i < n && data[i] == '"') {
          i++;
          for (;;) {
            if (i >= n) { errf(&P, startline, "unterminated quoted field", "", 0); i = n; break; }
            if (data[i] == '"') {
              if (i + 1 < n && data[i + 1] == '"') { oom |= gl_buf_add(&P.fields, "\"", 1); i += 2; continue; }
              i++;
              break;
            }
            if (data[i] == '\n') line++;
            oom |= gl_buf_add(&P.fields, data + i, 1);
            i++;
          }
          while (i < n && data[i] != ',' && data[i] != '\n' && data[i] != '\r') i++;  /* junk after quote */
        }
        else {
          size_t s0 = i;
          while (i < n && data[i] != ',' && data[i] != '\n' && data[i] != '\r') i++;
          oom |= gl_buf_add(&P.fields, data + s0, i - s0);
        }
        if (nf <= MAXCOLS) { f[nf].p = (const char *)(uintptr_t)off; f[nf].n = P.fields.len - off; }
        nf++;
        if (i < n && data[i] == ',') { i++; continue; }
        break;
      }
      if (oom) { rc = -2; break; }
      while (i < n && data[i] != '\n') i++;
      pos = i < n ? i + 1 : n;
      {
        int k;
        for (k = 0; k < nf && k <= MAXCOLS; k++)
          f[k].p = (P.fields.p ? P.fields.p : "") + (size_t)(uintptr_t)f[k].p;
        if (gl_utf8_check(P.fields.p ? P.fields.p : "", P.fields.len) != (size_t)-1) {
          errf(&P, startline, "invalid UTF-8 in a quoted field", "", 0);
          continue;
        }
      }
    }
    if (nf > MAXCOLS) nf = MAXCOLS + 1;
    if (!havehdr) {
      if ((rc = header(&P, startline, f, nf)) != 0) break;   /* no header: nothing else makes sense */
      havehdr = 1;
    }
    else rc = record(&P, startline, f, nf);
  }
  if (!havehdr && P.nerr == 0) errf(&P, line ? line : 1, "missing header line (id, type, alias)", "", 0);
  if (P.nerr > GL_GAZ_MAXERRORS) {
    char buf[80];
    int k = snprintf(buf, sizeof buf, "\n%s: %d more errors", name, P.nerr - GL_GAZ_MAXERRORS);
    gl_buf_add(err, buf, (size_t)k);
  }
  gl_buf_free(&P.fields);
  gl_buf_free(&P.names);
  if (rc == -2) return -2;
  return P.nerr ? -1 : 0;
}


static void errmsg(GlBuf *err, const char *name, const char *what) {
  gl_buf_add(err, name, strlen(name));
  gl_buf_add(err, ": ", 2);
  gl_buf_add(err, what, strlen(what));
}


int gl_gazfile_read(const char *path, GlBuf *out, GlBuf *err) {
  FILE *fp = fopen(path, "rb");
  char buf[65536];
  size_t k;
  if (fp == NULL) { errmsg(err, path, strerror(errno)); return -1; }
  while ((k = fread(buf, 1, sizeof buf, fp)) > 0)
    if (gl_buf_add(out, buf, k) != 0) { fclose(fp); errmsg(err, path, "out of memory"); return -1; }
  if (ferror(fp)) { errmsg(err, path, strerror(errno)); fclose(fp); return -1; }
  fclose(fp);
  return 0;
}


/* ===================================================================
** Compiled form
** =================================================================== */

#define GAZ_MAGIC "GLEANGZ1"
#define GAZ_VERSION 4u   /* 2: short labels inline in nodes; 3: fold profile spec section;
                            4: records carry inflected forms (form, langs, trim) */
#define GAZ_ENDIAN 0x01020304u
#define GAZ_NSECT 11
#define GAZ_HEADER (8 + 4 + 4 + 8 + 8 + 32 + 4 + 4 + GAZ_NSECT * 16)

enum { SLabels, SStr, SRec, SPlist, SMRoot, SMNode, SMByte, SNRoot, SNNode, SNByte, SProf };

static const size_t elemsize[GAZ_NSECT] = {1, 1, sizeof(MatchRec), 4, 4, sizeof(TrieNode), 1,
                                            4, sizeof(TrieNode), 1, 1};


/* 64-bit checksum, 8 bytes at a time over two lanes (not cryptographic:
   it catches damage, the structural checks catch everything else). */
typedef struct Sum { uint64_t h1, h2; } Sum;

static void sum_blocks(Sum *s, const uint8_t *p, size_t n) {   /* n: a multiple of 16 */
  uint64_t h1 = s->h1, h2 = s->h2, w1, w2;
  size_t i;
  for (i = 0; i + 16 <= n; i += 16) {
    memcpy(&w1, p + i, 8);
    memcpy(&w2, p + i + 8, 8);
    h1 = (h1 ^ w1) * 0x100000001B3u; h1 ^= h1 >> 29;
    h2 = (h2 ^ w2) * 0x100000001B3u; h2 ^= h2 >> 31;
  }
  s->h1 = h1; s->h2 = h2;
}

static uint64_t sum_finish(Sum *s, const uint8_t *tail, size_t ntail, size_t n) {
  uint64_t h1 = s->h1;
  size_t i;
  for (i = 0; i < ntail; i++) h1 = (h1 ^ tail[i]) * 0x100000001B3u;
  h1 ^= s->h2 * 0x9E3779B97F4A7C15u ^ (uint64_t)n;
  h1 ^= h1 >> 33; h1 *= 0xFF51AFD7ED558CCDu; h1 ^= h1 >> 33;
  return h1;
}

uint64_t gl_gazfile_checksum(const uint8_t *p, size_t n) {
  Sum s = {0x9E3779B97F4A7C15u, 0xC2B2AE3D27D4EB4Fu};
  size_t whole = n - n % 16;
  sum_blocks(&s, p, whole);
  return sum_finish(&s, p + whole, n - whole, n);
}


/* Drop the page-table entries of the whole pages in mem[from, to) of a
   read-only mapping: the pages stay in the page cache and a later read maps
   them again.  The open reads every byte of the file once (checksum, tries,
   records); a run reads few of them again, so without this the whole file
   (74 MB for the default) stayed in each process's resident memory. */
static void drop_pages(uint8_t *mem, size_t from, size_t to) {
#ifdef MADV_DONTNEED
  long ps = sysconf(_SC_PAGESIZE);
  size_t a, z;
  if (ps <= 0) return;
  a = (from + (size_t)ps - 1) / (size_t)ps * (size_t)ps;
  z = to / (size_t)ps * (size_t)ps;
  if (z > a) (void)madvise(mem + a, z - a, MADV_DONTNEED);   /* advice: a failure changes nothing */
#else
  (void)mem; (void)from; (void)to;
#endif
}


/* gl_gazfile_checksum(mem + from, n), 8 MB at a time, each chunk's pages
   dropped once summed: the open's peak memory is a chunk, not the file. */
#define SUM_CHUNK ((size_t)8 << 20)

static uint64_t checksum_dropping(uint8_t *mem, size_t from, size_t n) {
  Sum s = {0x9E3779B97F4A7C15u, 0xC2B2AE3D27D4EB4Fu};
  size_t whole = n - n % 16, done = 0;
  while (done < whole) {
    size_t k = whole - done < SUM_CHUNK ? whole - done : SUM_CHUNK;   /* SUM_CHUNK % 16 == 0 */
    sum_blocks(&s, mem + from + done, k);
    drop_pages(mem, from + done, from + done + k);
    done += k;
  }
  return sum_finish(&s, mem + from + whole, n - whole, n);
}


static void put32(uint8_t *h, size_t at, uint32_t v) { memcpy(h + at, &v, 4); }
static void put64(uint8_t *h, size_t at, uint64_t v) { memcpy(h + at, &v, 8); }
static uint32_t get32(const uint8_t *h, size_t at) { uint32_t v; memcpy(&v, h + at, 4); return v; }
static uint64_t get64(const uint8_t *h, size_t at) { uint64_t v; memcpy(&v, h + at, 8); return v; }


/* Write a then b to path so that a reader never sees a partial file: a
   regular file (or a new one) is written to a temporary file in the same
   directory, flushed to disk and renamed over path, so a process that has
   the old file mapped keeps its inode and a failed write leaves the old
   file as it was.  Anything else (a device, a FIFO) is written in place.
   Every write, the fsync and the close are checked. */
static int write_replacing(const char *path, const void *a, size_t na, const void *b, size_t nb,
                           GlBuf *err) {
  struct stat st;
  GlBuf tmp;
  FILE *fp;
  int fd, saved;
  const char *slash = strrchr(path, '/');
  if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
    fp = fopen(path, "wb");
    if (fp == NULL) { errmsg(err, path, strerror(errno)); return -1; }
    if (fwrite(a, 1, na, fp) != na || (nb && fwrite(b, 1, nb, fp) != nb) || fflush(fp) != 0) {
      saved = errno;
      fclose(fp);
      errmsg(err, path, strerror(saved));
      return -1;
    }
    if (fclose(fp) != 0) { errmsg(err, path, strerror(errno)); return -1; }
    return 0;
  }
  gl_buf_init(&tmp);
  if (slash) { if (gl_buf_add(&tmp, path, (size_t)(slash - path) + 1) != 0) goto oom; }
  if (gl_buf_add(&tmp, ".", 1) != 0 || gl_buf_add(&tmp, slash ? slash + 1 : path, strlen(slash ? slash + 1 : path)) != 0 ||
      gl_buf_add(&tmp, ".tmp-XXXXXX", 12) != 0) goto oom;   /* with the NUL */
  fd = mkstemp(tmp.p);
  if (fd < 0) { errmsg(err, path, strerror(errno)); gl_buf_free(&tmp); return -1; }
  {  /* mkstemp makes it 0600: give it the old file's mode, else 0666 less the umask */
    mode_t mode, mask;
    if (stat(path, &st) == 0) mode = st.st_mode & 07777;
    else { mask = umask(022); umask(mask); mode = 0666 & ~mask; }
    if (fchmod(fd, mode) != 0) { saved = errno; close(fd); goto fail; }
  }
  fp = fdopen(fd, "wb");
  if (fp == NULL) { saved = errno; close(fd); goto fail; }
  if (fwrite(a, 1, na, fp) != na || (nb && fwrite(b, 1, nb, fp) != nb) || fflush(fp) != 0 ||
      fsync(fileno(fp)) != 0) {
    saved = errno;
    fclose(fp);
    goto fail;
  }
  if (fclose(fp) != 0) { saved = errno; goto fail; }
  if (rename(tmp.p, path) != 0) { saved = errno; goto fail; }
  gl_buf_free(&tmp);
  return 0;
fail:
  unlink(tmp.p);
  gl_buf_free(&tmp);
  errmsg(err, path, strerror(saved));
  return -1;
oom:
  gl_buf_free(&tmp);
  errmsg(err, path, "out of memory");
  return -1;
}


int gl_gazfile_save(const Matcher *m, const char *path, GlBuf *err) {
  const void *sp[GAZ_NSECT];
  size_t sn[GAZ_NSECT], off = GAZ_HEADER, k;
  uint8_t hdr[GAZ_HEADER];
  GlBuf body;
  static const uint8_t zero[8] = {0};
  sp[SLabels] = m->labels; sn[SLabels] = m->nlabels;
  sp[SStr] = m->str; sn[SStr] = (size_t)m->nstr + 1;   /* with the final NUL */
  sp[SRec] = m->rec; sn[SRec] = (size_t)m->nrec * sizeof(MatchRec);
  sp[SPlist] = m->plist; sn[SPlist] = (size_t)m->nplist * 4;
  sp[SMRoot] = m->main.root; sn[SMRoot] = 256 * 4;
  sp[SMNode] = m->main.node; sn[SMNode] = (size_t)m->main.nnode * sizeof(TrieNode);
  sp[SMByte] = m->main.child_byte; sn[SMByte] = m->main.nnode;
  sp[SNRoot] = m->nb.root; sn[SNRoot] = 256 * 4;
  sp[SNNode] = m->nb.node; sn[SNNode] = (size_t)m->nb.nnode * sizeof(TrieNode);
  sp[SNByte] = m->nb.child_byte; sn[SNByte] = m->nb.nnode;
  sp[SProf] = m->spec; sn[SProf] = m->speclen;
  memset(hdr, 0, sizeof hdr);
  gl_buf_init(&body);
  for (k = 0; k < GAZ_NSECT; k++) {
    size_t pad = (8 - off % 8) % 8;
    if (gl_buf_add(&body, zero, pad) != 0) goto oom;
    off += pad;
    put64(hdr, 72 + 16 * k, off);
    put64(hdr, 72 + 16 * k + 8, sn[k]);
    if (sn[k] && gl_buf_add(&body, sp[k], sn[k]) != 0) goto oom;
    off += sn[k];
  }
  memcpy(hdr, GAZ_MAGIC, 8);
  put32(hdr, 8, GAZ_VERSION);
  put32(hdr, 12, GAZ_ENDIAN);
  put64(hdr, 16, off);
  memcpy(hdr + 32, m->profile, strlen(m->profile));
  put32(hdr, 64, m->nentities);
  put32(hdr, 68, GAZ_NSECT);
  {  /* the checksum covers everything after its own field */
    uint64_t h1 = gl_gazfile_checksum(hdr + 32, GAZ_HEADER - 32), h2 = gl_gazfile_checksum((const uint8_t *)body.p, body.len);
    put64(hdr, 24, h1 ^ (h2 * 0x9E3779B97F4A7C15u + 1));
  }
  if (write_replacing(path, hdr, sizeof hdr, body.p, body.len, err) != 0) {
    gl_buf_free(&body);
    return -1;
  }
  gl_buf_free(&body);
  return 0;
oom:
  gl_buf_free(&body);
  errmsg(err, path, "out of memory");
  return -1;
}


int gl_gazfile_is_compiled(const char *path) {
  char buf[8];
  struct stat st;
  FILE *fp;
  int yes;
  /* only a regular file can be mapped; peeking into a pipe or FIFO would
     eat the bytes the text loader then reads (glean match -g <(zcat g.gz)) */
  if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) return 0;
  fp = fopen(path, "rb");
  if (fp == NULL) return 0;
  yes = fread(buf, 1, 8, fp) == 8 && memcmp(buf, GAZ_MAGIC, 8) == 0;
  fclose(fp);
  return yes;
}


static void do_unmap(void *mem, size_t len) {
  munmap(mem, len);
}


/* Every index the scan follows must stay inside its array. */
static const char *check_trie(const Matcher *m, const Trie *t) {
  uint32_t i, k;
  for (k = 0; k < 256; k++)
    if (t->root[k] != GL_NONE && (t->root[k] == 0 || t->root[k] >= t->nnode)) return "bad root entry";
  if (t->nnode == 0) return "empty trie";
  for (i = 0; i < t->nnode; i++) {
    const TrieNode *nd = &t->node[i];
    const uint8_t *lab = (const uint8_t *)&nd->label_off;
    if (nd->label_len > 4) {
      if ((uint64_t)nd->label_off + nd->label_len > m->nlabels) return "label out of range";
      lab = m->labels + nd->label_off;
    }
    if (i > 0 && (nd->label_len == 0 || lab[0] != t->child_byte[i])) return "bad edge label";
    if (nd->nchild && (nd->first_child <= i || (uint64_t)nd->first_child + nd->nchild > t->nnode))
      return "child out of range";
    if (nd->payload != GL_NONE) {
      uint32_t cnt;
      if (nd->payload >= m->nplist) return "payload out of range";
      cnt = m->plist[nd->payload];
      if (cnt == 0 || (uint64_t)nd->payload + 1 + cnt > m->nplist) return "payload out of range";
      for (k = 1; k <= cnt; k++) if (m->plist[nd->payload + k] >= m->nrec) return "record out of range";
    }
  }
  return NULL;
}


/* Every string offset of every record must lie in the pool.  The
   attribute strings after r->attrs are not walked here (2 x nattrs strlen
   calls per record, 65 % of the default's open time): their one reader,
   gl_matcher_attr, stops at the pool's final NUL. */
static const char *check_recs(const Matcher *m) {
  uint32_t i;
  for (i = 0; i < m->nrec; i++) {
    const MatchRec *r = &m->rec[i];
    if (r->id >= m->nstr || r->type >= m->nstr || r->alias >= m->nstr) return "string out of range";
    if (r->casekey != GL_NONE && r->casekey >= m->nstr) return "string out of range";
    if ((r->flags & GL_FLAG_CASE) && r->casekey == GL_NONE) return "bad record flags";
    if (r->flags & ~GL_REC_ALL) return "bad record flags";
    if (r->form != GL_NONE && r->form >= m->nstr) return "string out of range";
    if (r->langs != GL_NONE && r->langs >= m->nstr) return "string out of range";
    if ((r->flags & GL_REC_FORM) ? r->form == GL_NONE : (r->form != GL_NONE || r->trim))
      return "bad record flags";
    if ((r->flags & GL_REC_DOCLANG) && !(r->flags & GL_REC_FORM)) return "bad record flags";
  }
  return NULL;
}


Matcher *gl_gazfile_open(const char *path, GlBuf *err) {
  int fd = open(path, O_RDONLY);
  struct stat st;
  uint8_t *mem;
  const uint8_t *h;
  Matcher *m;
  UErrorCode status = U_ZERO_ERROR;
  const char *what = NULL;
  size_t size, k;
  const void *sp[GAZ_NSECT];
  uint64_t sn[GAZ_NSECT];
  if (fd < 0) { errmsg(err, path, strerror(errno)); return NULL; }
  if (fstat(fd, &st) != 0) { errmsg(err, path, strerror(errno)); close(fd); return NULL; }
  size = (size_t)st.st_size;
  if (size < 8) { close(fd); errmsg(err, path, "not a glean gazetteer (too short)"); return NULL; }
  mem = (uint8_t *)mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);   /* not populated: see drop_pages */
  close(fd);
  if (mem == MAP_FAILED) { errmsg(err, path, strerror(errno)); return NULL; }
  h = mem;
  m = (Matcher *)calloc(1, sizeof *m);
  if (m == NULL) { munmap(mem, size); errmsg(err, path, "out of memory"); return NULL; }
  m->mem = mem; m->memlen = size; m->unmap = do_unmap;
  if (memcmp(h, GAZ_MAGIC, 8) != 0) {
    what = memcmp(h, GAZ_MAGIC, 6) == 0 ? "unsupported glean gazetteer format" : "not a glean gazetteer (bad magic)";
    goto bad;
  }
  if (size < GAZ_HEADER) { what = "truncated"; goto bad; }
  if (get32(h, 12) != GAZ_ENDIAN) { what = "written on a machine of the other byte order"; goto bad; }
  if (get32(h, 8) != GAZ_VERSION) { what = "unsupported version"; goto bad; }
  if (get64(h, 16) > size) { what = "truncated"; goto bad; }
  if (get64(h, 16) < size) { what = "size mismatch (trailing bytes)"; goto bad; }
  if (get32(h, 68) != GAZ_NSECT) { what = "bad section table"; goto bad; }
  if ((gl_gazfile_checksum(h + 32, GAZ_HEADER - 32) ^ (checksum_dropping(mem, GAZ_HEADER, size - GAZ_HEADER) * 0x9E3779B97F4A7C15u + 1))
      != get64(h, 24)) { what = "checksum mismatch"; goto bad; }
  for (k = 0; k < GAZ_NSECT; k++) {
    uint64_t o = get64(h, 72 + 16 * k);
    sn[k] = get64(h, 72 + 16 * k + 8);
    if (o % 8 || o < GAZ_HEADER || o > size || sn[k] > size - o || sn[k] % elemsize[k] ||
        sn[k] / elemsize[k] >= 0xFFFFFFF0u) { what = "bad section table"; goto bad; }
    sp[k] = h + o;
  }
  if (memchr(h + 32, '\0', 32) == NULL) { what = "bad profile name"; goto bad; }
  if (sn[SProf] == 0) { what = "missing fold profile"; goto bad; }
  gl_matcher_set_profile(m, (const char *)sp[SProf], sn[SProf], &status);
  if (U_FAILURE(status) || m->fold == NULL || m->casefold == NULL ||
      memcmp(m->profile, h + 32, strlen(m->profile) + 1) != 0) { what = "unknown fold profile"; goto bad; }
  if (sn[SStr] == 0 || ((const char *)sp[SStr])[sn[SStr] - 1] != '\0') { what = "bad string pool"; goto bad; }
  if (sn[SMRoot] != 1024 || sn[SNRoot] != 1024 || sn[SMByte] * sizeof(TrieNode) != sn[SMNode] ||
      sn[SNByte] * sizeof(TrieNode) != sn[SNNode]) { what = "bad section table"; goto bad; }
  m->labels = (const uint8_t *)sp[SLabels]; m->nlabels = (uint32_t)sn[SLabels];
  m->str = (const char *)sp[SStr]; m->nstr = (uint32_t)sn[SStr] - 1;
  m->rec = (const MatchRec *)sp[SRec]; m->nrec = (uint32_t)(sn[SRec] / sizeof(MatchRec));
  m->plist = (const uint32_t *)sp[SPlist]; m->nplist = (uint32_t)(sn[SPlist] / 4);
  m->main.root = (const uint32_t *)sp[SMRoot];
  m->main.node = (const TrieNode *)sp[SMNode]; m->main.nnode = (uint32_t)sn[SMByte];
  m->main.child_byte = (const uint8_t *)sp[SMByte];
  m->nb.root = (const uint32_t *)sp[SNRoot];
  m->nb.node = (const TrieNode *)sp[SNNode]; m->nb.nnode = (uint32_t)sn[SNByte];
  m->nb.child_byte = (const uint8_t *)sp[SNByte];
  m->nentities = get32(h, 64);
  if ((what = check_trie(m, &m->main)) != NULL || (what = check_trie(m, &m->nb)) != NULL)
    goto bad;
  drop_pages(mem, 0, size);
  if ((what = check_recs(m)) != NULL) goto bad;
  drop_pages(mem, 0, size);
  return m;
bad:
  errmsg(err, path, what);
  gl_matcher_free(m);
  return NULL;
}
