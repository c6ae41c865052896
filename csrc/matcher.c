/*
** matcher.c -- gazetteer automaton, first stage: the builder (aliases,
** inflected forms, interned strings) and the compilation of sorted folded
** keys into the radix tries a Matcher holds (see matcher.h and README
** "Matcher architecture").  The scan is matcher_scan.c.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fold_spec.h"
#include "matcher.h"


/* ===================================================================
** Builder
** =================================================================== */

typedef struct BRec {
  uint32_t key, keylen;   /* folded key in b->keys */
  MatchRec r;             /* string offsets into b->str */
} BRec;

struct MatcherBuilder {
  const FoldProfile *fold, *casefold;
  char profile[GL_MAXPROFILENAME + 1];
  Matcher prof;           /* holds the profiles and spec (gl_matcher_set_profile) */
  GlBuf keys, str, scratch;
  BRec *rec;
  size_t nrec, caprec;
  uint32_t *hslot;        /* intern table: (offset + 1) of strings, 0 empty */
  size_t hcap, hused;
  InflProfile **infl;     /* inflection profiles, owned */
  size_t ninfl, capinfl;
};


static uint64_t hashbytes(const char *s, size_t n) {
  uint64_t h = 1469598103934665603u;  /* FNV-1a */
  size_t i;
  for (i = 0; i < n; i++) h = (h ^ (uint8_t)s[i]) * 1099511628211u;
  return h;
}


static int addstr(GlBuf *b, const char *s, size_t n, uint32_t *off) {
  static const char nul = '\0';
  if (b->len + n + 1 > GL_MAXINPUT) return -1;
  *off = (uint32_t)b->len;
  if (gl_buf_add(b, s, n) != 0 || gl_buf_add(b, &nul, 1) != 0) return -1;
  return 0;
}


/* Intern s[0..n) (stored NUL-terminated, so n counts the final NUL of the
   last component when a blob holds several strings). */
static int intern(MatcherBuilder *b, const char *s, size_t n, uint32_t *off) {
  uint64_t h;
  size_t i;
  if (b->hused * 2 >= b->hcap) {  /* grow and rehash */
    size_t ncap = b->hcap ? b->hcap * 2 : 1024, k;
    uint32_t *ns = (uint32_t *)calloc(ncap, sizeof *ns);
    if (ns == NULL) return -1;
    for (k = 0; k < b->hcap; k++) {
      uint32_t o = b->hslot[k];
      if (o) {
        const char *p = b->str.p + o - 1;
        size_t len = strlen(p);
        i = (size_t)hashbytes(p, len) & (ncap - 1);
        while (ns[i]) i = (i + 1) & (ncap - 1);
        ns[i] = o;
      }
    }
    free(b->hslot);
    b->hslot = ns;
    b->hcap = ncap;
  }
  h = hashbytes(s, n);
  i = (size_t)h & (b->hcap - 1);
  while (b->hslot[i]) {
    const char *p = b->str.p + b->hslot[i] - 1;
    if (strncmp(p, s, n) == 0 && p[n] == '\0') { *off = b->hslot[i] - 1; return 0; }
    i = (i + 1) & (b->hcap - 1);
  }
  if (addstr(&b->str, s, n, off) != 0) return -1;
  b->hslot[i] = *off + 1;
  b->hused++;
  return 0;
}


/* The case-keeping twin of a custom spec: the same with "case 0". */
static int spec_nocase(const char *spec, size_t n, GlBuf *out) {
  const char *c = n ? (const char *)memchr(spec, '\n', n) : NULL;
  if (gl_buf_add(out, spec, n) != 0) return -1;
  if (c && (size_t)(c - spec) + 7 <= n && memcmp(c, "\ncase 1", 7) == 0)
    out->p[(c - spec) + 6] = '0';
  return 0;
}


void gl_matcher_set_profile(Matcher *m, const char *spec, size_t n, UErrorCode *st) {
  FoldProfile *own = NULL;
  GlBuf nc;
  if (U_FAILURE(*st)) return;
  m->fold = gl_fold_profile_load(spec, n, &own, st);
  if (m->fold == NULL) return;
  m->own_fold = own;
  m->spec = (char *)malloc(n + 1);
  if (m->spec == NULL) { *st = U_MEMORY_ALLOCATION_ERROR; return; }
  memcpy(m->spec, spec, n);
  m->spec[n] = 0;
  m->speclen = n;
  if (own == NULL) {   /* built-in: its name; case verification uses search-case */
    snprintf(m->profile, sizeof m->profile, "%.*s", (int)n, spec);
    m->casefold = gl_fold_profile_get("search-case", st);
    return;
  }
  strcpy(m->profile, "custom");
  gl_buf_init(&nc);
  if (spec_nocase(spec, n, &nc) != 0) { *st = U_MEMORY_ALLOCATION_ERROR; return; }
  m->casefold = gl_fold_profile_load(nc.p, nc.len, &own, st);
  m->own_casefold = own;
  gl_buf_free(&nc);
}


static void free_profile(Matcher *m) {
  gl_fold_profile_free(m->own_fold);
  gl_fold_profile_free(m->own_casefold);
  free(m->spec);
  m->own_fold = m->own_casefold = NULL;
  m->spec = NULL;
}


MatcherBuilder *gl_builder_new_spec(const char *spec, size_t n, UErrorCode *status) {
  MatcherBuilder *b = (MatcherBuilder *)calloc(1, sizeof *b);
  if (b == NULL) { *status = U_MEMORY_ALLOCATION_ERROR; return NULL; }
  gl_matcher_set_profile(&b->prof, spec, n, status);
  if (U_FAILURE(*status) || b->prof.fold == NULL || b->prof.casefold == NULL) {
    if (U_SUCCESS(*status)) *status = U_ILLEGAL_ARGUMENT_ERROR;
    free_profile(&b->prof);
    free(b);
    return NULL;
  }
  b->fold = b->prof.fold;
  b->casefold = b->prof.casefold;
  strcpy(b->profile, b->prof.profile);
  gl_buf_init(&b->keys);
  gl_buf_init(&b->str);
  gl_buf_init(&b->scratch);
  return b;
}


MatcherBuilder *gl_builder_new(const char *profile, UErrorCode *status) {
  return gl_builder_new_spec(profile, strlen(profile), status);
}


void gl_builder_free(MatcherBuilder *b) {
  size_t i;
  if (b == NULL) return;
  free_profile(&b->prof);
  gl_buf_free(&b->keys);
  gl_buf_free(&b->str);
  gl_buf_free(&b->scratch);
  free(b->rec);
  free(b->hslot);
  for (i = 0; i < b->ninfl; i++) gl_infl_free(b->infl[i]);
  free(b->infl);
  free(b);
}


int gl_builder_add_inflection(MatcherBuilder *b, InflProfile *p) {
  InflProfile **np = (InflProfile **)gl_grow(b->infl, &b->capinfl, b->ninfl + 1, sizeof *np);
  if (np == NULL) return -1;
  b->infl = np;
  b->infl[b->ninfl++] = p;
  return 0;
}


const char *gl_builder_profile(const MatcherBuilder *b) {
  return b->profile;
}


size_t gl_builder_count(const MatcherBuilder *b) {
  size_t i, n = 0;
  for (i = 0; i < b->nrec; i++) n += !(b->rec[i].r.flags & (GL_REC_FORM | GL_REC_LL));
  return n;
}


int gl_matcher_attr(const Matcher *m, uint32_t *pos, const char **key, const char **val) {
  uint32_t a = *pos, v;
  if (a >= m->nstr) return 0;
  v = a + (uint32_t)strlen(m->str + a) + 1;   /* str[nstr] is NUL: v <= nstr + 1 */
  if (v >= m->nstr) return 0;                 /* a value's NUL lies before str[nstr] */
  *key = m->str + a;
  *val = m->str + v;
  *pos = v + (uint32_t)strlen(m->str + v) + 1;
  return 1;
}


uint32_t gl_matcher_count(const Matcher *m, uint32_t *forms) {
  uint32_t i, n = 0, f = 0;
  for (i = 0; i < m->nrec; i++) {
    n += !(m->rec[i].flags & (GL_REC_FORM | GL_REC_LL));
    f += (m->rec[i].flags & GL_REC_FORM) != 0;
  }
  if (forms) *forms = f;
  return n;
}


/* Fold s with p into b->scratch and trim spaces at both ends: the key. */
static int foldkey(MatcherBuilder *b, const FoldProfile *p, const char *s, size_t n,
                   const char **key, size_t *keylen, size_t *badpos) {
  UErrorCode st = U_ZERO_ERROR;
  size_t a, z;
  int rc;
  b->scratch.len = 0;
  rc = gl_fold(p, s, n, GlInvalidError, &b->scratch, NULL, badpos, &st);
  if (rc != 0) return rc;
  a = 0; z = b->scratch.len;
  while (a < z && b->scratch.p[a] == ' ') a++;
  while (z > a && b->scratch.p[z - 1] == ' ') z--;
  *key = b->scratch.p + a;
  *keylen = z - a;
  return 0;
}


static int push_rec(MatcherBuilder *b, const BRec *r) {
  BRec *nr = (BRec *)gl_grow(b->rec, &b->caprec, b->nrec + 1, sizeof *nr);
  if (nr == NULL) return -1;
  b->rec = nr;
  b->rec[b->nrec++] = *r;
  return 0;
}


int gl_lang_in(const char *list, size_t n, const char *lang) {
  size_t ln = strlen(lang), i = 0;
  if (ln == 0) return 0;
  while (i < n) {
    size_t a = i, z, m;
    while (i < n && list[i] != ',') i++;
    z = i++;
    while (a < z && list[a] == ' ') a++;
    while (z > a && list[z - 1] == ' ') z--;
    m = z - a < ln ? z - a : ln;
    if (m > 0 && memcmp(list + a, lang, m) == 0 &&
        (z - a == ln || (z - a > ln ? list[a + m] : lang[m]) == '-' ||
         (z - a > ln ? list[a + m] : lang[m]) == '_'))
      return 1;
  }
  return 0;
}


/* Inflected forms of one alias (gl_infl_expand's callback). */
typedef struct Expand {
  MatcherBuilder *b;
  BRec base;
  uint32_t firstform;      /* b->rec index of this alias's first form */
  int oom;
} Expand;

static int add_form(void *ud, const char *form, size_t n, size_t excluded) {
  Expand *E = (Expand *)ud;
  MatcherBuilder *b = E->b;
  const char *key;
  size_t keylen, badpos, inlen = 0, k;
  BRec r = E->base;
  if (excluded) {   /* the folded length of the part outside the span */
    if (foldkey(b, b->fold, form, n - excluded, &key, &inlen, &badpos) != 0) return 0;
    inlen += (size_t)(key - b->scratch.p);   /* leading spaces count */
  }
  if (foldkey(b, b->fold, form, n, &key, &keylen, &badpos) != 0 || keylen == 0 ||
      keylen > GL_MAXALIAS)
    return 0;
  if (excluded) {
    size_t whole = (size_t)(key - b->scratch.p) + keylen;
    if (whole <= inlen || whole - inlen >= keylen || whole - inlen > 0xFFFF) return 0;
    r.r.trim = (uint16_t)(whole - inlen);
  }
  if (keylen == E->base.keylen && memcmp(b->keys.p + E->base.key, key, keylen) == 0) return 0;
  for (k = E->firstform; k < b->nrec; k++)   /* the same form from two rules or profiles */
    if (b->rec[k].keylen == keylen && memcmp(b->keys.p + b->rec[k].key, key, keylen) == 0 &&
        (b->rec[k].r.form == r.r.form || !(r.r.flags & GL_REC_DOCLANG)))
      return 0;
  if (b->keys.len + keylen > GL_MAXINPUT) return 0;
  r.key = (uint32_t)b->keys.len;
  r.keylen = (uint32_t)keylen;
  if (gl_buf_add(&b->keys, key, keylen) != 0) { E->oom = 1; return 1; }
  if (r.r.flags & GL_FLAG_CASE) {   /* a `case` alias's form is compared as the form is written */
    if (foldkey(b, b->casefold, form, n, &key, &keylen, &badpos) != 0) { b->keys.len = r.key; return 0; }
    if (addstr(&b->str, key, keylen, &r.r.casekey) != 0) { b->keys.len = r.key; E->oom = 1; return 1; }
  }
  if (push_rec(b, &r) != 0) { E->oom = 1; return 1; }
  return 0;
}


/* The attribute called name among attrs (NULL when absent). */
static const char *find_attr(const char *const *attrs, const size_t *attrlens, size_t nattrs,
                             const char *name, size_t *len) {
  size_t i, nl = strlen(name);
  for (i = 0; i < nattrs; i++)
    if (attrlens[2 * i] == nl && memcmp(attrs[2 * i], name, nl) == 0) {
      *len = attrlens[2 * i + 1];
      return attrs[2 * i + 1];
    }
  return NULL;
}


/* Expand b->rec[base] (alias[0..alen)) with the profiles that apply. */
static int expand(MatcherBuilder *b, size_t base, const char *alias, size_t alen,
                  const char *const *attrs, const size_t *attrlens, size_t nattrs,
                  const char **err) {
  size_t ilen = 0, llen = 0, isolen = 0, k;
  const char *infl = find_attr(attrs, attrlens, nattrs, "inflection", &ilen);
  const char *lang = find_attr(attrs, attrlens, nattrs, "lang", &llen);
  const char *iso = find_attr(attrs, attrlens, nattrs, "iso", &isolen);
  Expand E;
  if (b->ninfl == 0 || (b->rec[base].r.flags & (GL_FLAG_EXACT | GL_FLAG_PREFIX | GL_FLAG_NOBOUNDARY)))
    return 0;
  if (infl && ilen == 1 && infl[0] == '-') return 0;
  /* a `case` alias is inflected when its line names the profiles, or by
     its `lang` with a profile that says `case_aliases yes` (pl, cs) or
     lists the country of its `iso` (ru, uk: the places of their own
     countries; inflecting all the default gazetteer's `case` aliases cost
     precision and start-up time: docs/inflection.md) */
  if ((b->rec[base].r.flags & GL_FLAG_CASE) && !infl) {
    if (!lang) return 0;
    for (k = 0; k < b->ninfl; k++)
      if (gl_infl_case_alias(b->infl[k], iso, isolen) && gl_lang_in(lang, llen, gl_infl_name(b->infl[k]))) break;
    if (k == b->ninfl) return 0;
  }
  if (infl) {   /* every name it lists must be a loaded profile */
    size_t i = 0;
    while (i < ilen) {
      size_t a = i, z;
      while (i < ilen && infl[i] != ',') i++;
      z = i++;
      while (a < z && infl[a] == ' ') a++;
      while (z > a && infl[z - 1] == ' ') z--;
      if (z == a) continue;
      for (k = 0; k < b->ninfl; k++) {
        const char *nm = gl_infl_name(b->infl[k]);
        if (strlen(nm) == z - a && memcmp(nm, infl + a, z - a) == 0) break;
      }
      if (k == b->ninfl) { *err = "unknown inflection profile"; return -1; }
    }
  }
  E.b = b;
  E.base = b->rec[base];
  E.firstform = (uint32_t)b->nrec;
  E.oom = 0;
  E.base.r.flags |= GL_REC_FORM;
  /* a form of a capitalised name is written with its capital: Warszawę
     (search-folded "warszawe") is no English "gaze" for Gazę */
  if (gl_infl_capitalised(alias, alen)) E.base.r.flags |= GL_FLAG_CAPITAL;
  /* forms of a lang-less alias, and of a `case` alias inflected by a
     `case_aliases` profile (GeoNames names, in many languages at once:
     Polish Bernie of Berno is an English given name, Jury of Jura a German
     noun), match only in documents of the profile's language */
  if (!infl && (!lang || (b->rec[base].r.flags & GL_FLAG_CASE))) E.base.r.flags |= GL_REC_DOCLANG;
  for (k = 0; k < b->ninfl && !E.oom; k++) {
    const char *nm = gl_infl_name(b->infl[k]);
    int want;
    if (infl) {   /* exact names */
      size_t i = 0, nl = strlen(nm);
      want = 0;
      while (i < ilen && !want) {
        size_t a = i, z;
        while (i < ilen && infl[i] != ',') i++;
        z = i++;
        while (a < z && infl[a] == ' ') a++;
        while (z > a && infl[z - 1] == ' ') z--;
        want = z - a == nl && memcmp(infl + a, nm, nl) == 0;
      }
    }
    else want = lang ? gl_lang_in(lang, llen, nm) : 1;
    if (want && !infl && (E.base.r.flags & GL_FLAG_CASE) && !gl_infl_case_alias(b->infl[k], iso, isolen)) want = 0;
    if (!want) continue;
    if (intern(b, nm, strlen(nm), &E.base.r.form) != 0) { E.oom = 1; break; }
    gl_infl_expand(b->infl[k], alias, alen, add_form, &E);
  }
  if (E.oom) { *err = "out of memory"; return -1; }
  return 0;
}


int gl_builder_add(MatcherBuilder *b, const char *alias, size_t alen,
                   const char *id, size_t idlen, const char *type, size_t tlen,
                   const char *const *attrs, const size_t *attrlens, size_t nattrs,
                   unsigned flags, const char **err, size_t *badpos) {
  BRec r;
  const char *key;
  size_t keylen, i;
  int rc;
  if (alen == 0) { *err = "empty alias"; return -1; }
  if (flags & ~GL_FLAG_ALL) { *err = "unknown flag"; return -1; }
  if (nattrs > 0xFFFF) { *err = "too many attributes"; return -1; }
  if (b->nrec >= 0x7FFFFFF0u) { *err = "too many aliases"; return -1; }
  /* Strings live NUL-terminated in the pool: a NUL inside would cut the
     stored alias (and the `case`/`exact` keys) short of the trie key. */
  if ((key = (const char *)memchr(alias, '\0', alen)) != NULL) {
    *badpos = (size_t)(key - alias);
    *err = "NUL byte in alias";
    return -1;
  }
  if (memchr(id, '\0', idlen) || memchr(type, '\0', tlen)) { *err = "NUL byte in id or type"; return -1; }
  for (i = 0; i < 2 * nattrs; i++)
    if (memchr(attrs[i], '\0', attrlens[i])) { *err = "NUL byte in an attribute"; return -1; }
  rc = foldkey(b, b->fold, alias, alen, &key, &keylen, badpos);
  if (rc == -1) { *err = "invalid UTF-8"; return -1; }
  if (rc != 0) { *err = "out of memory"; return -1; }
  if (keylen == 0) { *err = "alias folds to nothing"; return -1; }
  if (keylen > GL_MAXALIAS) { *err = "alias too long"; return -1; }
  if (b->keys.len + keylen > GL_MAXINPUT) { *err = "gazetteer too large"; return -1; }
  r.key = (uint32_t)b->keys.len;
  r.keylen = (uint32_t)keylen;
  if (gl_buf_add(&b->keys, key, keylen) != 0) goto oom;
  r.r.flags = (uint16_t)flags;
  r.r.nattrs = (uint16_t)nattrs;
  r.r.casekey = GL_NONE;
  r.r.form = r.r.langs = GL_NONE;
  r.r.trim = r.r.spare = 0;
  if (flags & GL_FLAG_CASE) {
    if (foldkey(b, b->casefold, alias, alen, &key, &keylen, badpos) != 0) goto oom;
    if (addstr(&b->str, key, keylen, &r.r.casekey) != 0) goto oom;
  }
  if (intern(b, id, idlen, &r.r.id) != 0 || intern(b, type, tlen, &r.r.type) != 0 ||
      addstr(&b->str, alias, alen, &r.r.alias) != 0)
    goto oom;
  r.r.attrs = (uint32_t)b->str.len;
  for (i = 0; i < 2 * nattrs; i++) {
    uint32_t o;
    if (addstr(&b->str, attrs[i], attrlens[i], &o) != 0) goto oom;
    if (i % 2 == 1 && attrlens[i - 1] == 4 && memcmp(attrs[i - 1], "lang", 4) == 0) r.r.langs = o;
  }
  {
    size_t base = b->nrec, keys0 = b->keys.len;
    if (push_rec(b, &r) != 0) goto oom;
    /* Arabic ل + ال is written لل (للأمم المتحدة): an alias whose key starts
       with the article gets a twin without its alif ("لامم ..."), valid only
       right after a split-off proclitic ل (see scan_clitics) */
    if (!(flags & (GL_FLAG_EXACT | GL_FLAG_NOBOUNDARY)) && keylen > 8 &&
        memcmp(b->keys.p + r.key, "\xD8\xA7\xD9\x84", 4) == 0) {
      BRec ll = r;
      ll.key = r.key + 2;
      ll.keylen = r.keylen - 2;
      ll.r.flags |= GL_REC_LL;
      if (push_rec(b, &ll) != 0) goto oom;
    }
    if (expand(b, base, alias, alen, attrs, attrlens, nattrs, err) != 0) {
      b->nrec = base;        /* the alias is not added (its strings stay pooled) */
      b->keys.len = keys0;
      return -1;
    }
  }
  return 0;
oom:
  *err = "out of memory";
  return -1;
}


/* ===================================================================
** Compilation: sorted keys -> radix trie (BFS, siblings contiguous)
** =================================================================== */

/* What building needs of a node beyond the node itself: its records [lo, hi)
   of the sorted keys, and the key depth its label ends at. */
typedef struct NodeSpan {
  uint32_t lo, hi, depth;
} NodeSpan;

typedef struct TrieBuild {
  TrieNode *node;        /* handed to the Matcher */
  uint8_t *cbyte;        /* each node's first label byte; handed to the Matcher */
  NodeSpan *span;
  size_t n, capnode, capcbyte, capspan;
  uint32_t *root;
} TrieBuild;


static int tb_newnode(TrieBuild *t) {
  void *np;
  if ((np = gl_grow(t->node, &t->capnode, t->n + 1, sizeof *t->node)) == NULL) return -1;
  t->node = np;
  if ((np = gl_grow(t->cbyte, &t->capcbyte, t->n + 1, 1)) == NULL) return -1;
  t->cbyte = np;
  if ((np = gl_grow(t->span, &t->capspan, t->n + 1, sizeof *t->span)) == NULL) return -1;
  t->span = np;
  memset(&t->node[t->n], 0, sizeof(TrieNode));
  t->node[t->n].payload = GL_NONE;
  t->cbyte[t->n] = 0;
  t->n++;
  return 0;
}


static void tb_free(TrieBuild *t) {
  free(t->node); free(t->cbyte); free(t->span); free(t->root);
}


/* Build a trie over the compiled records [a, b) (already sorted by key);
   keyof gives each record's (offset, length) in the label pool. */
static int trie_build(TrieBuild *t, const uint32_t *koff, const uint32_t *klen,
                      const uint8_t *keys, uint32_t a, uint32_t b,
                      GlBuf *plist) {
  size_t i;
  memset(t, 0, sizeof *t);
  t->root = (uint32_t *)malloc(256 * sizeof(uint32_t));
  if (t->root == NULL) return -1;
  for (i = 0; i < 256; i++) t->root[i] = GL_NONE;
  if (tb_newnode(t) != 0) return -1;
  t->span[0].lo = a; t->span[0].hi = b; t->span[0].depth = 0;
  for (i = 0; i < t->n; i++) {
    uint32_t lo = t->span[i].lo, hi = t->span[i].hi, d = t->span[i].depth, j, first;
    if (lo < hi && klen[lo] == d) {  /* keys ending here: one payload run */
      uint32_t k = lo, cnt;
      while (k < hi && klen[k] == d) k++;
      cnt = k - lo;
      if (plist->len / 4 > 0xFFFFFFF0u) return -1;
      t->node[i].payload = (uint32_t)(plist->len / 4);
      if (gl_buf_add(plist, &cnt, 4) != 0) return -1;
      for (j = lo; j < k; j++)
        if (gl_buf_add(plist, &j, 4) != 0) return -1;
      lo = k;
    }
    first = (uint32_t)t->n;
    for (j = lo; j < hi; ) {
      uint8_t c = keys[koff[j] + d];
      uint32_t g = j + 1, l, c1;
      const uint8_t *p, *q;
      while (g < hi && keys[koff[g] + d] == c) g++;
      /* label: common prefix of the group's first and last keys (sorted,
         so it is common to all, and no key of the group ends inside it) */
      p = keys + koff[j] + d; q = keys + koff[g - 1] + d;
      l = 1;
      while (d + l < klen[j] && d + l < klen[g - 1] && p[l] == q[l]) l++;
      if (tb_newnode(t) != 0) return -1;
      c1 = (uint32_t)t->n - 1;
      t->node[c1].label_len = (uint16_t)l;
      if (l <= 4)   /* short labels live in the node itself: no cache miss */
        memcpy(&t->node[c1].label_off, keys + koff[j] + d, l);
      else
        t->node[c1].label_off = koff[j] + d;
      t->cbyte[c1] = c;
      t->span[c1].lo = j; t->span[c1].hi = g; t->span[c1].depth = d + l;
      if (i == 0) t->root[c] = c1;
      j = g;
    }
    t->node[i].first_child = first;
    t->node[i].nchild = (uint16_t)(t->n - first);
  }
  return 0;
}


/* Order of records: key bytes, then length (a prefix first), then index
   (insertion order, so ties keep the gazetteer's order). */
static int cmprec(const BRec *rec, const uint8_t *keys, uint32_t x, uint32_t y) {
  const BRec *a = &rec[x], *b = &rec[y];
  uint32_t n = a->keylen < b->keylen ? a->keylen : b->keylen;
  int c = memcmp(keys + a->key, keys + b->key, n);
  if (c) return c;
  if (a->keylen != b->keylen) return a->keylen < b->keylen ? -1 : 1;
  return x < y ? -1 : 1;
}


/* MSD radix sort of record indexes by (noboundary, key bytes, length, index). */
static void radix_sort(const BRec *rec, const uint8_t *keys, uint32_t *ix, uint32_t *tmp,
                       size_t n, uint32_t d) {
  size_t cnt[257], pos[257], i;
  while (n > 32) {
    memset(cnt, 0, sizeof cnt);
    for (i = 0; i < n; i++) {
      const BRec *r = &rec[ix[i]];
      cnt[r->keylen == d ? 0 : 1 + keys[r->key + d]]++;
    }
    pos[0] = 0;
    for (i = 1; i < 257; i++) pos[i] = pos[i - 1] + cnt[i - 1];
    for (i = 0; i < n; i++) {  /* stable scatter keeps insertion order */
      const BRec *r = &rec[ix[i]];
      tmp[pos[r->keylen == d ? 0 : 1 + keys[r->key + d]]++] = ix[i];
    }
    memcpy(ix, tmp, n * sizeof *ix);
    /* bucket 0 (keys ending at d) is done; recurse on the others */
    {
      size_t start = cnt[0], b, big = 0, bigstart = 0;
      for (b = 1; b < 257; b++) {
        if (cnt[b] > big) { big = cnt[b]; bigstart = start; }
        start += cnt[b];
      }
      start = cnt[0];
      for (b = 1; b < 257; b++) {
        if (cnt[b] > 1 && start != bigstart)
          radix_sort(rec, keys, ix + start, tmp, cnt[b], d + 1);
        start += cnt[b];
      }
      if (big <= 1) return;
      ix += bigstart; n = big; d++;   /* loop on the largest bucket */
    }
  }
  for (i = 1; i < n; i++) {   /* small buckets: insertion sort */
    uint32_t v = ix[i];
    size_t j = i;
    while (j > 0 && cmprec(rec, keys, ix[j - 1], v) > 0) { ix[j] = ix[j - 1]; j--; }
    ix[j] = v;
  }
}


static int cmpu32(const void *x, const void *y) {
  uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
  return a < b ? -1 : a > b;
}


void gl_matcher_free(Matcher *m) {
  if (m == NULL) return;
  gl_matcher_release(m);
  free_profile(m);
  free(m);
}


Matcher *gl_matcher_build(const MatcherBuilder *b, UErrorCode *status) {
  Matcher *m;
  uint32_t *ix = NULL, *tmp = NULL, *koff = NULL, *klen = NULL, *ids = NULL;
  MatchRec *rec = NULL;
  GlBuf plist;
  TrieBuild tm, tn;
  uint32_t n = (uint32_t)b->nrec, nmain, i;
  memset(&tm, 0, sizeof tm);
  memset(&tn, 0, sizeof tn);
  gl_buf_init(&plist);
  m = (Matcher *)calloc(1, sizeof *m);
  ix = (uint32_t *)malloc((n + 1) * 4);
  tmp = (uint32_t *)malloc((n + 1) * 4);
  koff = (uint32_t *)malloc((n + 1) * 4);
  klen = (uint32_t *)malloc((n + 1) * 4);
  rec = (MatchRec *)malloc((n + 1) * sizeof *rec);
  if (!m || !ix || !tmp || !koff || !klen || !rec) goto oom;
  /* noboundary records sort after the others: partition first, then sort */
  nmain = 0;
  for (i = 0; i < n; i++) if (!(b->rec[i].r.flags & GL_FLAG_NOBOUNDARY)) ix[nmain++] = i;
  { uint32_t k = nmain; for (i = 0; i < n; i++) if (b->rec[i].r.flags & GL_FLAG_NOBOUNDARY) ix[k++] = i; }
  radix_sort(b->rec, (const uint8_t *)b->keys.p, ix, tmp, nmain, 0);
  radix_sort(b->rec, (const uint8_t *)b->keys.p, ix + nmain, tmp, n - nmain, 0);
  for (i = 0; i < n; i++) {
    const BRec *r = &b->rec[ix[i]];
    rec[i] = r->r;
    koff[i] = r->key;
    klen[i] = r->keylen;
  }
  if (trie_build(&tm, koff, klen, (const uint8_t *)b->keys.p, 0, nmain, &plist) != 0 ||
      trie_build(&tn, koff, klen, (const uint8_t *)b->keys.p, nmain, n, &plist) != 0)
    goto oom;
  /* distinct entities */
  ids = tmp;
  for (i = 0; i < n; i++) ids[i] = rec[i].id;
  qsort(ids, n, 4, cmpu32);
  m->nentities = 0;
  for (i = 0; i < n; i++) if (i == 0 || ids[i] != ids[i - 1]) m->nentities++;
  /* hand the arrays to the matcher */
  {
    uint8_t *labels = (uint8_t *)malloc(b->keys.len + 1);
    char *str = (char *)malloc(b->str.len + 1);
    if (!labels || !str) { free(labels); free(str); goto oom; }
    memcpy(labels, b->keys.p ? b->keys.p : "", b->keys.len);
    memcpy(str, b->str.p ? b->str.p : "", b->str.len);
    str[b->str.len] = '\0';
    m->own[0] = labels; m->labels = labels; m->nlabels = (uint32_t)b->keys.len;
    m->own[1] = str; m->str = str; m->nstr = (uint32_t)b->str.len;
  }
  m->own[2] = rec; m->rec = rec; m->nrec = n; rec = NULL;
  m->own[3] = plist.p; m->plist = (const uint32_t *)plist.p; m->nplist = (uint32_t)(plist.len / 4);
  gl_buf_init(&plist);
  m->own[4] = tm.root; m->main.root = tm.root; tm.root = NULL;
  m->own[5] = tm.node; m->main.node = tm.node; tm.node = NULL;
  m->own[6] = tm.cbyte; m->main.child_byte = tm.cbyte; tm.cbyte = NULL;
  m->main.nnode = (uint32_t)tm.n;
  m->own[7] = tn.root; m->nb.root = tn.root; tn.root = NULL;
  m->own[8] = tn.node; m->nb.node = tn.node; tn.node = NULL;
  m->own[9] = tn.cbyte; m->nb.child_byte = tn.cbyte; tn.cbyte = NULL;
  m->nb.nnode = (uint32_t)tn.n;
  gl_matcher_set_profile(m, b->prof.spec, b->prof.speclen, status);   /* its own copy */
  if (U_FAILURE(*status)) { free(ix); free(tmp); free(koff); free(klen); tb_free(&tm); tb_free(&tn);
                            gl_matcher_free(m); return NULL; }
  tb_free(&tm); tb_free(&tn);
  free(ix); free(tmp); free(koff); free(klen);
  return m;
oom:
  tb_free(&tm); tb_free(&tn);
  gl_buf_free(&plist);
  free(ix); free(tmp); free(koff); free(klen); free(rec);
  gl_matcher_free(m);
  *status = U_MEMORY_ALLOCATION_ERROR;
  return NULL;
}


void gl_matcher_release(Matcher *m) {
  int i;
  for (i = 0; i < GL_MATCHER_NOWN; i++) { free(m->own[i]); m->own[i] = NULL; }
  if (m->unmap) m->unmap(m->mem, m->memlen);
  m->unmap = NULL;
  m->mem = NULL;
}
