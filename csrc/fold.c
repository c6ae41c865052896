/*
** fold.c -- the folder: search folding over UTF-8 with an exact offset map.
** Profiles (the tables it reads) are built in fold_profile.c.
**
** Design (see README "Search folding and the offset map"):
**
** 1. The input is cut into normalization chunks: a code point that has a
**    boundary before it (unorm2_hasBoundaryBefore of NFKC_Casefold) starts a
**    chunk; the combining marks after it belong to it.  Folding is chunk
**    local, so every output byte comes from exactly one chunk and the map is
**    exact by construction.
** 2. A chunk of one code point (nearly all text) is folded by a table
**    lookup: each profile precomputes the fold of every BMP code point.  A
**    chunk whose trailing marks are all stripped folds like its starter.
**    Anything else (kana + voicing mark, conjoining jamo, supplementary
**    code points) takes the slow path through ICU.
** 3. The per-code-point pipeline (fold_profile.c; in the table and the slow path):
**      custom map -> NFKC_Casefold (NFKC for "search-case") -> NFD
**      -> drop stripped marks, default ignorables, tatweel
**      -> letter variants, Latin-ASCII letters, digits to ASCII, apostrophes
**      -> NFC.
**    A Devanagari nasal and virama inside a word before a consonant of its
**    class (ण्ड, न्द, म्ब) folds to the anusvara here (nasal_virama below).
** 4. Whitespace and dash punctuation runs fold to one space.
**
** The map stores segments, not bytes: a linear segment (output code points
** the same byte length as their source code points, e.g. ASCII, Cyrillic
** lower case, Devanagari, most Arabic) costs nothing per character.
*/
#include <string.h>

#include <unicode/unorm2.h>

#include "fold.h"
#include "fold_profile_internal.h"


enum { UNone, ULinear, UBlock, USep };

typedef struct Folder {
  const FoldProfile *p;
  const char *s;
  size_t n;
  GlBuf *out;
  OffsetMap *map;
  int last;                  /* kind of the last unit */
  size_t expect;             /* source offset a linear segment continues at */
  size_t uout, usrc, uend;   /* last unit: output start, source span */
} Folder;


static int unit_linear(Folder *f, size_t i, size_t len) {
  if (f->map && !(f->last == ULinear && f->expect == i))
    if (gl_map_push(f->map, f->out->len - len, i, 0) != 0) return -1;
  f->last = ULinear;
  f->expect = i + len;
  f->uout = f->out->len - len;
  f->usrc = i;
  f->uend = i + len;
  return 0;
}


static int unit_block(Folder *f, size_t outstart, size_t i, size_t j) {
  if (f->map && gl_map_push(f->map, outstart, i, j - i) != 0) return -1;
  f->last = UBlock;
  f->uout = outstart;
  f->usrc = i;
  f->uend = j;
  return 0;
}


/* Make the last unit a block ending at source byte j (it may sit at the end
   of a linear segment, which then ends before it). */
static int last_to_block(Folder *f, size_t j) {
  if (f->map) {
    MapSeg *g = &f->map->seg[f->map->nseg - 1];
    if (g->srclen || g->out == f->uout) g->srclen = (uint32_t)(j - g->src);
    else if (gl_map_push(f->map, f->uout, f->usrc, j - f->usrc) != 0) return -1;
  }
  f->uend = j;
  f->expect = (size_t)-1;
  return 0;
}


static int unit_sep(Folder *f, size_t i, size_t j) {
  if (f->last == USep) {       /* extend the run */
    return last_to_block(f, j);
  }
  if (gl_buf_add(f->out, " ", 1) != 0) return -1;
  if (unit_block(f, f->out->len - 1, i, j) != 0) return -1;
  f->last = USep;
  return 0;
}


/* A deleted chunk [i, j): a mark joins the previous unit's source span. */
static int unit_deleted(Folder *f, size_t i, size_t j, int attach) {
  if (!attach || f->last == UNone || f->uend != i) {
    if (f->last == ULinear) f->expect = (size_t)-1;   /* gap: next linear unit starts a segment */
    return 0;
  }
  if (last_to_block(f, j) != 0) return -1;
  if (f->last == ULinear) f->last = UBlock;
  return 0;
}


static uint32_t entry(const FoldProfile *p, int32_t c) {
  if (c < NBMP) return p->table[c];
  /* supplementary: the slow path decides the output; only the boundary matters here */
  return unorm2_hasBoundaryBefore(p->nfk, c) ? (E_BOUNDARY | EMapped) : EMapped;
}


/* Fold the chunk s[i..j) through ICU (the slow path). */
static int fold_slow(Folder *f, size_t i, size_t j, int32_t starter, U16Buf *in,
                     U16Buf *a, U16Buf *b, UErrorCode *st) {
  size_t k = i, outstart = f->out->len;
  in->len = 0;
  while (k < j) {
    size_t len;
    int32_t c = gl_utf8_decode((const uint8_t *)f->s, j, k, &len);
    if (c < 0) c = 0xFFFD;
    if (gl_u16_add(in, c) != 0) { *st = U_MEMORY_ALLOCATION_ERROR; return -2; }
    k += len;
  }
  gl_fold_chunk(f->p, in->p, in->len, a, b, st);
  if (U_FAILURE(*st)) return -2;
  if (a->len == 0) return unit_deleted(f, i, j, gl_is_mark(starter));
  if (a->len == 1 && a->p[0] == ' ') return unit_sep(f, i, j);
  if (gl_u16_to_utf8(f->out, a->p, a->len) != 0) return -1;
  return unit_block(f, outstart, i, j);
}


#define decode gl_utf8_next


/*
** Devanagari nasal consonants.  Written with virama inside a word before a
** consonant of their own class (ङ्क ञ्च ण्ड न्द म्ब: the panchamakshar) they
** are the anusvara written out: one place is spelled both ways (झारखण्ड,
** झारखंड; अम्बाला, अंबाला), so such a chunk (the nasal and its virama; the
** consonant after it is the next chunk) folds to the anusvara.  Not before
** another consonant (उम्र, अन्य, सम्मान keep it), nor at the start of a word,
** where no anusvara stands: the output before it must be Devanagari.
*/
static int nasal_virama(int32_t starter, int32_t mark, int32_t next) {
  int32_t cls = 0;
  if (mark != 0x094D) return 0;
  switch (starter) {
    case 0x0919: cls = 0x0915; break;   /* ङ before क ख ग घ */
    case 0x091E: cls = 0x091A; break;   /* ञ before च छ ज झ */
    case 0x0923: cls = 0x091F; break;   /* ण before ट ठ ड ढ */
    case 0x0928: cls = 0x0924; break;   /* न before त थ द ध */
    case 0x092E: cls = 0x092A; break;   /* म before प फ ब भ */
    default: return 0;
  }
  return next >= cls && next < cls + 4;
}

static int deva_before(const GlBuf *out, size_t o) {
  return o >= 3 && (uint8_t)out->p[o - 3] == 0xE0 &&
         ((uint8_t)out->p[o - 2] == 0xA4 || (uint8_t)out->p[o - 2] == 0xA5);
}


/*
** The fast path: from i, fold a run of code points that each fold to the
** same number of bytes on their own -- ASCII, unchanged letters and inert
** marks (virama, vowel signs), same-length mappings (Cyrillic capitals,
** Arabic Yeh/Kaf variants), lone spaces and hyphens -- as one linear segment.
** Returns where the run stopped; the general path takes over there.
*/
static size_t fast_run(Folder *f, size_t i) {
  const FoldProfile *p = f->p;
  const uint8_t *u = (const uint8_t *)f->s;
  const uint32_t *tab = p->table;
  size_t n = f->n, start = i, starter = i, ostarter, len, slen;
  GlBuf *out = f->out;
  char *o;
  unsigned lastccc = 0;
  if (gl_buf_reserve(out, n - i) != 0) return i;   /* the general path reports it */
  o = out->p + out->len;
  ostarter = out->len;
  while (i < n) {
    uint8_t b = u[i];
    uint32_t e;
    int32_t c;
    if (b < 0x80 && E_KIND(tab[b]) != ESep) {   /* a run of ASCII non-separators */
      const uint8_t *asc = p->ascii;
      do {
        *o++ = (char)asc[b];
        b = ++i < n ? u[i] : 0x80;
      } while (b < 0x80 && E_KIND(tab[b]) != ESep);
      starter = i - 1;
      ostarter = (size_t)(o - out->p) - 1;
      lastccc = 0;
      continue;
    }
    if (b < 0x80) {
      e = tab[b];
      if (E_KIND(e) == ESep) {
        /* a lone separator between two non-separators folds to ' ' in place */
        uint32_t en;
        size_t l2;
        if (i + 1 >= n || (o > out->p && o[-1] == ' ') || (o == out->p + f->out->len && f->last == USep))
          break;
        if (u[i + 1] < 0x80) en = tab[u[i + 1]];
        else {
          int32_t c2 = decode(u, n, i + 1, &l2);
          if (c2 < 0 || c2 >= NBMP) break;
          en = tab[c2];
        }
        if (E_KIND(en) == ESep) break;
      }
      starter = i;
      ostarter = (size_t)(o - out->p);
      lastccc = 0;
      *o++ = (char)p->ascii[b];
      i++;
      continue;
    }
    c = decode(u, n, i, &len);
    if (c < 0 || c >= NBMP) break;
    e = tab[c];
    if (e & E_BOUNDARY) {
      if (E_KIND(e) == EIdent) {
        starter = i;
        ostarter = (size_t)(o - out->p);
        o[0] = (char)u[i]; o[1] = (char)u[i + 1];   /* len is 2 or 3 here (BMP) */
        if (len == 3) o[2] = (char)u[i + 2];
      }
      else if (E_KIND(e) == EMapped && (uint8_t)p->pool.p[E_OFF(e)] == len) {
        starter = i;
        ostarter = (size_t)(o - out->p);
        memcpy(o, p->pool.p + E_OFF(e) + 1, len);
      }
      else break;
      lastccc = 0;
    }
    else if (E_KIND(e) == EIdent && (e & E_INERT) && E_CCC(e) >= lastccc && i > start
             && !(c == 0x094D && i + len < n && deva_before(out, ostarter)
                  && nasal_virama(decode(u, n, starter, &slen), c, decode(u, n, i + len, &slen)))) {
      lastccc = E_CCC(e);
      o[0] = (char)u[i]; o[1] = (char)u[i + 1];
      if (len == 3) o[2] = (char)u[i + 2];
    }
    else {                  /* a mark that changes its chunk: redo the chunk slowly */
      i = starter;
      o = out->p + ostarter;
      break;
    }
    o += len;
    i += len;
  }
  if (i == start) return i;
  if (f->map && !(f->last == ULinear && f->expect == start))
    if (gl_map_push(f->map, out->len, start, 0) != 0) return start;
  out->len = (size_t)(o - out->p);
  f->last = ULinear;
  f->expect = i;
  f->uout = ostarter;
  f->usrc = starter;
  f->uend = i;
  return i;
}


int gl_fold(const FoldProfile *p, const char *s, size_t n, GlInvalid inv,
            GlBuf *out, OffsetMap *map, size_t *badpos, UErrorCode *st) {
  const uint8_t *u = (const uint8_t *)s;
  const uint32_t *tab = p->table;
  Folder f;
  U16Buf in, a, b;
  size_t i = 0, peek_at = 0, peek_len = 0;
  int32_t peek_c = 0;
  uint32_t peek_e = 0;
  int rc = 0, peeked = 0;
  if (U_FAILURE(*st)) return -2;
  if (n > GL_MAXINPUT) { *st = U_INDEX_OUTOFBOUNDS_ERROR; return -2; }
  f.p = p; f.s = s; f.n = n; f.out = out; f.map = map;
  f.last = UNone; f.expect = (size_t)-1; f.uout = f.usrc = f.uend = 0;
  if (map) {
    if (gl_map_reset(map, s, n) != 0) goto oom;
  }
  gl_u16_init(&in); gl_u16_init(&a); gl_u16_init(&b);
  if (gl_buf_reserve(out, n + 16) != 0) goto oom;
  while (i < n) {
    uint8_t c0;
    int32_t c;
    uint32_t e;
    size_t len, mlen, j;
    int multi = 0, alldel = 1, allfast = 1, anydel = 0;
    if (!peeked) {
      size_t r = fast_run(&f, i);
      if (r > i) { i = r; continue; }
    }
    c0 = u[i];
    if (c0 < 0x80 && (i + 1 >= n || u[i + 1] < 0x80)) {
      /* ASCII followed by ASCII: no chunk can continue.  The inner loop
         copies a run of letters, digits, punctuation and single separators
         as one linear segment (a lone space or hyphen folds to one space
         byte for byte). */
      e = tab[c0];
      if (E_KIND(e) == ESep && (f.last == USep || (i + 1 < n && E_KIND(tab[u[i + 1]]) == ESep))) {
        if (unit_sep(&f, i, i + 1) != 0) goto oom;
        i++;
        continue;
      }
      if (f.map && !(f.last == ULinear && f.expect == i))
        if (gl_map_push(f.map, out->len, i, 0) != 0) goto oom;
      do {
        if (out->len == out->cap && gl_buf_reserve(out, 1) != 0) goto oom;
        out->p[out->len++] = (char)p->ascii[c0];
        i++;
      } while (i < n && (c0 = u[i]) < 0x80 && (i + 1 >= n || u[i + 1] < 0x80) &&
               (E_KIND(tab[c0]) != ESep ||
                (out->p[out->len - 1] != ' ' && i + 1 < n && E_KIND(tab[u[i + 1]]) != ESep)));
      f.last = ULinear;
      f.expect = i;
      f.uout = out->len - 1;
      f.usrc = i - 1;
      f.uend = i;
      continue;
    }
    if (peeked && peek_at == i) { c = peek_c; len = peek_len; e = peek_e; }
    else {
      c = gl_utf8_decode(u, n, i, &len);
      if (c < 0) {
        if (inv == GlInvalidError) { *badpos = i; rc = -1; goto done; }
        if (gl_buf_add(out, "\xEF\xBF\xBD", 3) != 0) goto oom;
        if (unit_block(&f, out->len - 3, i, i + len) != 0) goto oom;
        i += len;
        continue;
      }
      e = entry(p, c);
    }
    peeked = 0;
    j = i + len;
    {
      unsigned lastccc = 0;
      while (j < n && u[j] >= 0x80) {    /* gather the chunk: marks after the starter */
        size_t len2;
        int32_t c2 = gl_utf8_decode(u, n, j, &len2);
        uint32_t e2;
        if (c2 < 0) break;
        e2 = entry(p, c2);
        if (e2 & E_BOUNDARY) {           /* next chunk: keep it decoded */
          peeked = 1; peek_at = j; peek_c = c2; peek_len = len2; peek_e = e2;
          break;
        }
        if (E_KIND(e2) == EDeleted) anydel = 1;
        else {
          alldel = 0;
          /* a kept mark is fast if it cannot compose and needs no reordering */
          if (!(e2 & E_INERT) || E_CCC(e2) < lastccc) allfast = 0;
          else lastccc = E_CCC(e2);
        }
        multi = 1;
        j += len2;
      }
    }
    if (multi && j - i == 6 && len == 3 && peeked && peek_at == j && deva_before(out, out->len)
        && nasal_virama(c, gl_utf8_decode(u, n, i + 3, &mlen), peek_c)) {
      size_t outstart = out->len;       /* ण्, न्, म् inside a word: the anusvara */
      if (gl_buf_add(out, "\xE0\xA4\x82", 3) != 0 || unit_block(&f, outstart, i, j) != 0) goto oom;
      i = j;
      continue;
    }
    if (c >= NBMP || (multi && !allfast && E_KIND(e) != ESep) ||
        (multi && !alldel && E_KIND(e) == EDeleted)) {
      rc = fold_slow(&f, i, j, c, &in, &a, &b, st);
      if (rc != 0) { if (rc == -1) goto oom; goto done; }
      i = j;
      continue;
    }
    if (multi && !alldel && !anydel && E_KIND(e) == EIdent) {
      /* starter and kept marks unchanged (e.g. a consonant and virama): copy, linear */
      if (gl_buf_add(out, s + i, j - i) != 0 || unit_linear(&f, i, j - i) != 0) goto oom;
      i = j;
      continue;
    }
    if (multi && !alldel) {
      /* mapped starter, some marks stripped, the rest kept */
      size_t k = i + len, outstart = out->len;
      if ((E_KIND(e) == EIdent ? gl_buf_add(out, s + i, len)
                               : gl_buf_add(out, p->pool.p + E_OFF(e) + 1, (uint8_t)p->pool.p[E_OFF(e)])) != 0)
        goto oom;
      while (k < j) {
        size_t len2;
        int32_t c2 = gl_utf8_decode(u, n, k, &len2);
        if (E_KIND(entry(p, c2)) == EIdent && gl_buf_add(out, s + k, len2) != 0) goto oom;
        k += len2;
      }
      if (unit_block(&f, outstart, i, j) != 0) goto oom;
      i = j;
      continue;
    }
    switch (E_KIND(e)) {
      case ESep:
        if (!multi && len == 1 && f.last != USep &&
            !(peeked ? E_KIND(peek_e) == ESep : (j < n && E_KIND(tab[u[j]]) == ESep))) {
          if (gl_buf_add(out, " ", 1) != 0 || unit_linear(&f, i, 1) != 0) goto oom;
        }
        else if (unit_sep(&f, i, j) != 0) goto oom;
        break;
      case EDeleted:
        if (unit_deleted(&f, i, j, (e & E_ATTACH) != 0) != 0) goto oom;
        break;
      case EIdent:
        if (out->cap - out->len < 4 && gl_buf_reserve(out, 4) != 0) goto oom;
        memcpy(out->p + out->len, s + i, len);
        out->len += len;
        if (multi) { if (unit_block(&f, out->len - len, i, j) != 0) goto oom; }
        else if (f.last == ULinear && f.expect == i) {   /* common case, inline */
          f.expect = j; f.uout = out->len - len; f.usrc = i; f.uend = j;
        }
        else if (unit_linear(&f, i, len) != 0) goto oom;
        break;
      default: {
        size_t olen = (uint8_t)p->pool.p[E_OFF(e)];
        if (gl_buf_add(out, p->pool.p + E_OFF(e) + 1, olen) != 0) goto oom;
        if ((multi || olen != len ? unit_block(&f, out->len - olen, i, j) : unit_linear(&f, i, len)) != 0)
          goto oom;
      }
    }
    i = j;
  }
  if (map) map->outlen = out->len;
  goto done;
oom:
  *st = U_MEMORY_ALLOCATION_ERROR;
  rc = -2;
done:
  gl_u16_free(&in); gl_u16_free(&a); gl_u16_free(&b);
  return rc;
}
