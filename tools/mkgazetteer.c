/*
** mkgazetteer.c -- build glean's default gazetteer (data/gazetteer.tsv).
**
**   mkgazetteer [-o out.tsv] [curated.tsv ...]
**
** Sources, merged into one sorted, de-duplicated TSV:
**   1. ICU's CLDR data (the ICU the tool is linked with; Debian 12: ICU 72,
**      CLDR 42):
**        - territory names: uloc_getDisplayCountry for every region of
**          uloc_getISOCountries, plus the "Countries%short" and
**          "Countries%variant" alternates of the region bundle;
**        - world regions: the display names of the continents and regions
**          of UN M49 (numeric codes 002 Africa ... 419 Latin America, not
**          001 World), id place:continent:CODE;
**        - cities: the exemplar city ("ec") of every canonical location time
**          zone in the zone bundle's "zoneStrings"; English falls back to
**          root's "ec" and then to the zone ID ("America/New_York" ->
**          "New York"), as CLDR specifies.
**      ... in each display locale of LOCALES below (55 locales).
**   2. Curated files given as arguments (data/places.tsv,
**      data/organisations.tsv, data/media.tsv, ...), validated line by
**      line.  Their header starts id, type, alias, flags, lang; an `iso`
**      column and a `label` column (the entity's English display name,
**      written on any of its rows; two different labels for one id are an
**      error) are kept: the output gains a `label` column when any curated
**      row has one, and tools/mkgeo.lua uses it as the entity's label.
**
** Alias rules (also stated in the output header and README.md):
**   - a trailing qualifier in brackets is dropped ("Congo (DRC)" ->
**     "Congo"), and so are invisible characters other than ZWNJ/ZWJ;
**   - aliases of a single code point are skipped (too ambiguous);
**   - `case` for aliases whose letters are all cased (Latin, Cyrillic,
**     Greek...) and that have at most 3 letters or are all upper case
**     ("US", "UAE", "США", "Rom", "Đức" vs "đức" 'virtue');
**   - `noboundary` for aliases containing Han, Hiragana, Katakana, Thai,
**     Lao, Khmer or Myanmar letters (scripts written without spaces).
**   Curated rows keep their own flags; the rules add to them.
**
** Output is sorted by (id, alias) in byte order, so regeneration with the
** same ICU gives the same bytes.  Exit status 0, or 1 with a message on
** stderr naming the file and line (curated input) or the ICU call.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/utypes.h>
#include <unicode/uchar.h>
#include <unicode/ucal.h>
#include <unicode/uenum.h>
#include <unicode/uloc.h>
#include <unicode/ulocdata.h>
#include <unicode/unorm2.h>
#include <unicode/ures.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>
#include <unicode/uversion.h>

#include "matcher.h"
#include "wordclass.h"

/* U_ICUDATA_ZONE / U_ICUDATA_REGION are internal to ICU; same spelling. */
#define ZONE_TREE   U_ICUDATA_NAME "-zone"
#define REGION_TREE U_ICUDATA_NAME "-region"

/*
** Display locales, in the order used for the lang column: the project's
** languages, then widely written news languages whose CLDR data ICU has
** (Serbian in both its scripts).  Not here: Myanmar, Khmer and Lao (their
** names would be `noboundary`, matched inside words).  With the curated
** files' languages this must stay under MAXLANGS.
*/
static const char *const LOCALES[] = {
  "en", "de", "fr", "es", "it", "pt", "ru", "uk", "ar", "fa", "ur", "hi",
  "bn", "vi", "zh", "zh_Hant", "ja", "ko", "tr", "he", "th",
  "pl", "nl", "id", "cs", "sv", "ro", "el", "da", "nb", "fi", "hu", "sk",
  "bg", "sr", "sr_Latn", "hr", "bs", "sl", "mk", "ms", "sw", "ca", "lt",
  "lv", "et", "sq", "az", "be", "ka", "hy", "ta", "te", "mr", "ml", NULL
};

/* the gazetteer's flags and scripts without spaces, as the matcher knows them */
enum { FlCase = GL_FLAG_CASE, FlNoboundary = GL_FLAG_NOBOUNDARY };
static const char *const FLAGNAMES[] = GL_FLAG_NAMES;
static const UScriptCode UNSPACED[] = GL_UNSPACED_SCRIPTS;

#define MAXLANGS 64
#define MAXALIAS 1024


/* ====================================================================== */
/* rows                                                                   */
/* ====================================================================== */

typedef struct Row {
  char *id, *type, *alias, *iso, *label;   /* label: a curated `label` cell or "" */
  unsigned flags;
  unsigned long long langs;   /* bit i = langtab[i] */
} Row;

static Row *rows;
static size_t nrows, caprows;
static char *langtab[MAXLANGS];
static int nlangs;


static void die(const char *fmt, const char *a, const char *b) {
  fprintf(stderr, "mkgazetteer: ");
  fprintf(stderr, fmt, a, b);
  fputc('\n', stderr);
  exit(1);
}


static void *xmalloc(size_t n) {
  void *p = malloc(n);
  if (p == NULL) die("out of memory%s%s", "", "");
  return p;
}


static char *xstrdup(const char *s) {
  size_t n = strlen(s) + 1;
  return memcpy(xmalloc(n), s, n);
}


static void check(UErrorCode status, const char *what, const char *arg) {
  if (U_FAILURE(status)) {
    fprintf(stderr, "mkgazetteer: cannot %s '%s' (%s)\n", what, arg, u_errorName(status));
    exit(1);
  }
}


/* Index of lang tag in langtab, interning it; -1 when the table is full. */
static int lang_index(const char *tag) {
  int i;
  for (i = 0; i < nlangs; i++)
    if (strcmp(langtab[i], tag) == 0) return i;
  if (nlangs == MAXLANGS) return -1;
  langtab[nlangs] = xstrdup(tag);
  return nlangs++;
}


/* ICU locale id -> BCP 47 tag for the lang column ("zh_Hant" -> "zh-Hant"). */
static void lang_tag(const char *loc, char *out, size_t n) {
  size_t i;
  for (i = 0; loc[i] != '\0' && i + 1 < n; i++) out[i] = loc[i] == '_' ? '-' : loc[i];
  out[i] = '\0';
}


/*
** Flags implied by the alias itself (see the header), or -1 when the alias
** is to be skipped.  The alias is valid UTF-8 (checked by the caller).
*/
static int auto_flags(const char *s) {
  int32_t i = 0, n = (int32_t)strlen(s), cps = 0, letters = 0, cased = 0, upper = 0;
  int flags = 0;
  size_t k;
  while (i < n) {
    UChar32 c;
    UErrorCode st = U_ZERO_ERROR;
    UScriptCode sc;
    U8_NEXT(s, i, n, c);
    cps++;
    if (!u_isalpha(c)) continue;
    letters++;
    if (u_hasBinaryProperty(c, UCHAR_CASED)) {
      cased++;
      if (u_hasBinaryProperty(c, UCHAR_UPPERCASE)) upper++;
    }
    sc = uscript_getScript(c, &st);
    for (k = 0; k < sizeof UNSPACED / sizeof UNSPACED[0]; k++)
      if (sc == UNSPACED[k]) flags |= FlNoboundary;
  }
  if (cps < 2 || letters == 0) return -1;
  if (cased > 0 && cased == letters && (letters <= 3 || upper == cased)) flags |= FlCase;
  return flags;
}


/*
** In place: drop a trailing qualifier in brackets ("Congo (DRC)",
** "Knox [Indiana]", fullwidth "（"), default-ignorable code points except
** ZWNJ/ZWJ (CLDR has soft hyphens in "Reyk\u00ADja\u00ADvík"; ZWNJ is part
** of Persian spelling), and surrounding spaces.  s is valid UTF-8.
*/
static void clean_alias(char *s) {
  static const char *const OPENERS[] = { "(", "[", "\xEF\xBC\x88", NULL };
  int32_t i = 0, o = 0, n;
  int k;
  for (k = 0; OPENERS[k] != NULL; k++) {
    char *p = strstr(s, OPENERS[k]);
    if (p != NULL && p != s) *p = '\0';
  }
  n = (int32_t)strlen(s);
  while (i < n) {
    int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c >= 0 && c != 0x200C && c != 0x200D && u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT))
      continue;
    memmove(s + o, s + at, (size_t)(i - at));
    o += i - at;
  }
  while (o > 0 && s[o - 1] == ' ') o--;
  s[o] = '\0';
  n = (int32_t)strspn(s, " ");
  if (n > 0) memmove(s, s + n, strlen(s + n) + 1);
}


static void add_row(const char *id, const char *type, const char *alias,
                    unsigned flags, unsigned long long langs, const char *iso, const char *label) {
  char buf[MAXALIAS];
  int af;
  if (strlen(alias) >= sizeof buf) die("alias too long for '%s'%s", id, "");
  strcpy(buf, alias);
  clean_alias(buf);
  af = auto_flags(buf);
  if (af < 0) return;
  rows = gl_grow(rows, &caprows, nrows + 1, sizeof *rows);
  if (rows == NULL) die("out of memory%s%s", "", "");
  rows[nrows].id = xstrdup(id);
  rows[nrows].type = xstrdup(type);
  rows[nrows].alias = xstrdup(buf);
  rows[nrows].iso = xstrdup(iso ? iso : "");
  rows[nrows].label = xstrdup(label ? label : "");
  rows[nrows].flags = flags | (unsigned)af;
  rows[nrows].langs = langs;
  nrows++;
}


/* Convert an ICU string and add it for one display locale. */
static void add_uchars(const char *id, const char *type, const UChar *u, int32_t ulen,
                       int lang, const char *iso) {
  char buf[MAXALIAS];
  UErrorCode st = U_ZERO_ERROR;
  u_strToUTF8(buf, (int32_t)sizeof buf, NULL, u, ulen, &st);
  check(st, "convert a name of", id);
  if (st == U_STRING_NOT_TERMINATED_WARNING) die("name too long for '%s'%s", id, "");
  add_row(id, type, buf, 0, 1ULL << lang, iso, "");
}


/* ====================================================================== */
/* ICU sources                                                            */
/* ====================================================================== */

/* The continents and world regions of CLDR (UN M49 numeric codes; not 001
   "World", a common word in every language): news names them as places
   (in Asia, nach Europa, l'Africa subsahariana, América Latina). */
static const char *const M49[] = {
  "002", "003", "005", "009", "011", "013", "014", "015", "017", "018", "019", "021", "029", "030",
  "034", "035", "039", "053", "054", "057", "061", "142", "143", "145", "150", "151", "154", "155",
  "202", "419", NULL
};

static void add_world_regions(void) {
  int l, k;
  for (l = 0; LOCALES[l] != NULL; l++) {
    char tag[32];
    int li;
    lang_tag(LOCALES[l], tag, sizeof tag);
    li = lang_index(tag);
    for (k = 0; M49[k] != NULL; k++) {
      char loc[8], id[64];
      UChar name[256], code[3];
      int32_t n;
      UErrorCode st = U_ZERO_ERROR;
      snprintf(loc, sizeof loc, "_%s", M49[k]);
      n = uloc_getDisplayCountry(loc, LOCALES[l], name, 256, &st);
      check(st, "get the display name of region", M49[k]);
      /* ICU returns the code itself when the locale has no name for it
         (a real name may have 3 code units too: ko 아시아, zh 南美洲). */
      u_charsToUChars(M49[k], code, 3);
      if (st == U_USING_DEFAULT_WARNING || (n == 3 && u_strncmp(name, code, 3) == 0)) continue;
      snprintf(id, sizeof id, "place:continent:%s", M49[k]);
      add_uchars(id, "place", name, n, li, "");
    }
  }
}

static void add_territories(void) {
  const char *const *codes = uloc_getISOCountries();
  static const char *const ALTS[] = { "Countries%short", "Countries%variant", NULL };
  int l, k;
  for (l = 0; LOCALES[l] != NULL; l++) {
    char tag[32];
    int li;
    UErrorCode st = U_ZERO_ERROR;
    UResourceBundle *rb;
    lang_tag(LOCALES[l], tag, sizeof tag);
    li = lang_index(tag);
    for (k = 0; codes[k] != NULL; k++) {
      char loc[8], id[64];
      UChar name[256];
      int32_t n;
      st = U_ZERO_ERROR;
      snprintf(loc, sizeof loc, "_%s", codes[k]);
      n = uloc_getDisplayCountry(loc, LOCALES[l], name, 256, &st);
      check(st, "get the display name of region", codes[k]);
      /* ICU returns the code itself when the locale has no name for it. */
      if (st == U_USING_DEFAULT_WARNING || (n == 2 && name[0] == codes[k][0] && name[1] == codes[k][1]))
        continue;
      snprintf(id, sizeof id, "place:country:%s", codes[k]);
      add_uchars(id, "place", name, n, li, codes[k]);
    }
    st = U_ZERO_ERROR;
    rb = ures_open(REGION_TREE, LOCALES[l], &st);
    check(st, "open the region bundle for", LOCALES[l]);
    for (k = 0; ALTS[k] != NULL; k++) {
      UResourceBundle *alt = ures_getByKey(rb, ALTS[k], NULL, &st);
      if (st == U_MISSING_RESOURCE_ERROR) { st = U_ZERO_ERROR; ures_close(alt); continue; }
      check(st, "read region alternates", ALTS[k]);
      while (ures_hasNext(alt)) {
        const char *key;
        int32_t n;
        const UChar *s = ures_getNextString(alt, &n, &key, &st);
        int c;
        check(st, "read region alternates", ALTS[k]);
        for (c = 0; codes[c] != NULL; c++)   /* only ISO regions, not "UN"/"EU" */
          if (strcmp(codes[c], key) == 0) break;
        if (codes[c] != NULL) {
          char id[64];
          snprintf(id, sizeof id, "place:country:%s", key);
          add_uchars(id, "place", s, n, li, key);
        }
      }
      ures_close(alt);
    }
    ures_close(rb);
  }
}


/* zone -> (IANA-style id, region) for every canonical location zone. */
typedef struct Zone { char *cldr, *iana, *region; } Zone;
static Zone *zones;
static size_t nzones;


static int cmp_zone(const void *a, const void *b) {
  return strcmp(((const Zone *)a)->cldr, ((const Zone *)b)->cldr);
}


/* "America/New_York" -> "New York" (CLDR's rule for missing exemplars). */
static void zone_city(const char *zid, char *out, size_t n) {
  const char *last = strrchr(zid, '/');
  size_t i;
  last = last ? last + 1 : zid;
  for (i = 0; last[i] != '\0' && i + 1 < n; i++) out[i] = last[i] == '_' ? ' ' : last[i];
  out[i] = '\0';
}


/* The "ec" of zone key in a zoneStrings table, or NULL. */
static const UChar *exemplar(UResourceBundle *zs, const char *key, int32_t *n) {
  UErrorCode st = U_ZERO_ERROR;
  UResourceBundle *z = ures_getByKey(zs, key, NULL, &st);
  const UChar *s = ures_getStringByKey(z, "ec", n, &st);
  ures_close(z);   /* the string lives in the data file, not in z */
  return U_SUCCESS(st) ? s : NULL;
}


static void collect_zones(void) {
  const char *const *codes = uloc_getISOCountries();
  UErrorCode st = U_ZERO_ERROR;
  UEnumeration *all;
  const char *zid;
  size_t cap = 0;
  int k;
  for (k = 0; codes[k] != NULL; k++) {
    UEnumeration *e = ucal_openTimeZoneIDEnumeration(UCAL_ZONE_TYPE_CANONICAL_LOCATION,
                                                     codes[k], NULL, &st);
    check(st, "enumerate time zones of", codes[k]);
    while ((zid = uenum_next(e, NULL, &st)) != NULL) {
      zones = gl_grow(zones, &cap, nzones + 1, sizeof *zones);
      if (zones == NULL) die("out of memory%s%s", "", "");
      zones[nzones].cldr = xstrdup(zid);
      zones[nzones].iana = xstrdup(zid);
      zones[nzones].region = xstrdup(codes[k]);
      nzones++;
    }
    check(st, "enumerate time zones of", codes[k]);
    uenum_close(e);
  }
  qsort(zones, nzones, sizeof *zones, cmp_zone);
  /*
  ** CLDR keeps old zone IDs as canonical ("Asia/Calcutta"); IANA renamed
  ** them ("Asia/Kolkata") to match the English exemplar city.  ICU 72 has
  ** no IANA map (ucal_getIanaTimeZoneID is ICU 74), so pick the alias
  ** whose last segment spells root's exemplar city.
  */
  {
    UResourceBundle *rb = ures_open(ZONE_TREE, "root", &st);
    UResourceBundle *zs = ures_getByKey(rb, "zoneStrings", NULL, &st);
    check(st, "open the zone bundle for", "root");
    all = ucal_openTimeZoneIDEnumeration(UCAL_ZONE_TYPE_ANY, NULL, NULL, &st);
    check(st, "enumerate time zones", "any");
    while ((zid = uenum_next(all, NULL, &st)) != NULL) {
      UChar u[128], canon[128];
      char c8[128], key[128], city[128], ec8[256];
      int32_t n;
      UBool sys;
      const UChar *ec;
      Zone probe, *z;
      size_t i;
      UErrorCode s2 = U_ZERO_ERROR;
      u_uastrcpy(u, zid);
      n = ucal_getCanonicalTimeZoneID(u, -1, canon, 128, &sys, &s2);
      if (U_FAILURE(s2) || !sys) continue;
      u_austrncpy(c8, canon, (int32_t)sizeof c8 - 1);
      c8[n < 127 ? n : 127] = '\0';
      if (strcmp(c8, zid) == 0) continue;
      probe.cldr = c8;
      z = bsearch(&probe, zones, nzones, sizeof *zones, cmp_zone);
      if (z == NULL) continue;
      for (i = 0; c8[i] != '\0'; i++) key[i] = c8[i] == '/' ? ':' : c8[i];
      key[i] = '\0';
      ec = exemplar(zs, key, &n);
      if (ec == NULL) continue;
      u_strToUTF8(ec8, (int32_t)sizeof ec8, NULL, ec, n, &s2);
      zone_city(zid, city, sizeof city);
      if (U_SUCCESS(s2) && strcmp(city, ec8) == 0) {
        free(z->iana);
        z->iana = xstrdup(zid);
      }
    }
    check(st, "enumerate time zones", "any");
    uenum_close(all);
    ures_close(zs);
    ures_close(rb);
  }
}


static void add_cities(void) {
  UErrorCode st = U_ZERO_ERROR;
  UResourceBundle *root = ures_open(ZONE_TREE, "root", &st);
  UResourceBundle *rootzs = ures_getByKey(root, "zoneStrings", NULL, &st);
  int l;
  check(st, "open the zone bundle for", "root");
  for (l = 0; LOCALES[l] != NULL; l++) {
    char tag[32];
    int li, en = strcmp(LOCALES[l], "en") == 0;
    size_t z;
    UResourceBundle *rb = ures_open(ZONE_TREE, LOCALES[l], &st);
    UResourceBundle *zs = ures_getByKey(rb, "zoneStrings", NULL, &st);
    check(st, "open the zone bundle for", LOCALES[l]);
    lang_tag(LOCALES[l], tag, sizeof tag);
    li = lang_index(tag);
    for (z = 0; z < nzones; z++) {
      char key[128], id[160];
      const UChar *ec;
      int32_t n;
      size_t i;
      for (i = 0; zones[z].cldr[i] != '\0'; i++) key[i] = zones[z].cldr[i] == '/' ? ':' : zones[z].cldr[i];
      key[i] = '\0';
      snprintf(id, sizeof id, "place:city:%s", zones[z].iana);
      ec = exemplar(zs, key, &n);
      if (ec == NULL && en) ec = exemplar(rootzs, key, &n);
      if (ec != NULL) {
        add_uchars(id, "place", ec, n, li, zones[z].region);
      } else if (en) {
        char city[128];
        zone_city(zones[z].cldr, city, sizeof city);
        add_row(id, "place", city, 0, 1ULL << li, zones[z].region, "");
      }
    }
    ures_close(zs);
    ures_close(rb);
  }
  ures_close(rootzs);
  ures_close(root);
}


/* ====================================================================== */
/* curated files                                                          */
/* ====================================================================== */

static void bad(const char *path, long line, const char *msg, const char *arg) {
  fprintf(stderr, "mkgazetteer: %s:%ld: ", path, line);
  fprintf(stderr, msg, arg);
  fputc('\n', stderr);
  exit(1);
}


/* Split s at tabs into at most max fields; returns the count. */
static int split_tabs(char *s, char **f, int max) {
  int n = 0;
  f[n++] = s;
  while ((s = strchr(s, '\t')) != NULL) {
    *s++ = '\0';
    if (n == max) return max + 1;
    f[n++] = s;
  }
  return n;
}


static void read_curated(const char *path) {
  enum { MAXCOL = 16 };
  FILE *fp = fopen(path, "rb");
  char *line = NULL, *hdr[MAXCOL], *hdrcopy = NULL;
  size_t cap = 0;
  ssize_t len;
  long lineno = 0;
  int ncol = 0, isocol = -1, labelcol = -1, c;
  const UNormalizer2 *nfc;
  UErrorCode st = U_ZERO_ERROR;
  nfc = unorm2_getNFCInstance(&st);
  check(st, "get the NFC normalizer for", path);
  if (fp == NULL) die("cannot open '%s'%s", path, "");
  while ((len = getline(&line, &cap, fp)) >= 0) {
    char *f[MAXCOL];
    int nf, i;
    unsigned flags = 0;
    unsigned long long langs = 0;
    lineno++;
    while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = '\0';
    {  /* valid UTF-8 and NFC */
      int32_t p = 0, n = (int32_t)len, u16 = 0;
      UChar *u;
      while (p < n) {
        UChar32 ch;
        int32_t at = p;
        U8_NEXT(line, p, n, ch);
        if (ch < 0) {
          char b[32];
          snprintf(b, sizeof b, "%ld", (long)at + 1);
          bad(path, lineno, "invalid UTF-8 at byte %s", b);
        }
        u16 += U16_LENGTH(ch);
      }
      u = xmalloc(((size_t)u16 + 1) * sizeof *u);
      u_strFromUTF8(u, u16 + 1, NULL, line, n, &st);
      check(st, "convert a line of", path);
      if (!unorm2_isNormalized(nfc, u, u16, &st)) bad(path, lineno, "line is not in NFC%s", "");
      free(u);
    }
    if (len == 0 || line[0] == '#') continue;
    if (ncol == 0) {  /* the header */
      hdrcopy = xstrdup(line);
      ncol = split_tabs(hdrcopy, hdr, MAXCOL);
      if (ncol < 5 || strcmp(hdr[0], "id") || strcmp(hdr[1], "type") || strcmp(hdr[2], "alias") ||
          strcmp(hdr[3], "flags") || strcmp(hdr[4], "lang"))
        bad(path, lineno, "header must start 'id<TAB>type<TAB>alias<TAB>flags<TAB>lang'%s", "");
      for (c = 5; c < ncol; c++)
        if (strcmp(hdr[c], "iso") == 0) isocol = c;
        else if (strcmp(hdr[c], "label") == 0) labelcol = c;
      continue;
    }
    nf = split_tabs(line, f, MAXCOL);
    if (nf != ncol) {
      char b[64];
      snprintf(b, sizeof b, "%d fields, the header has %d", nf, ncol);
      bad(path, lineno, "%s", b);
    }
    if (strcmp(f[1], "place") && strcmp(f[1], "org") && strcmp(f[1], "person"))
      bad(path, lineno, "unknown type '%s'", f[1]);
    if (strncmp(f[0], f[1], strlen(f[1])) || f[0][strlen(f[1])] != ':')
      bad(path, lineno, "id '%s' must start with its type and ':'", f[0]);
    if (f[2][0] == '\0') bad(path, lineno, "empty alias%s", "");
    if (auto_flags(f[2]) < 0) bad(path, lineno, "alias '%s' is a single character", f[2]);
    if (f[3][0] != '\0') {
      char *tok = f[3], *end;
      do {
        end = strchr(tok, ',');
        if (end) *end = '\0';
        for (i = 0; i < GL_NFLAGS; i++)
          if (strcmp(tok, FLAGNAMES[i]) == 0) break;
        if (i == GL_NFLAGS) bad(path, lineno, "unknown flag '%s'", tok);
        flags |= 1u << i;
        tok = end ? end + 1 : NULL;
      } while (tok);
    }
    if (f[4][0] == '\0') bad(path, lineno, "empty lang%s", "");
    {
      char *tok = f[4], *end;
      do {
        int li;
        end = strchr(tok, ',');
        if (end) *end = '\0';
        if (tok[0] == '\0') bad(path, lineno, "empty lang in list%s", "");
        li = lang_index(tok);
        if (li < 0) bad(path, lineno, "too many languages at '%s'", tok);
        langs |= 1ULL << li;
        tok = end ? end + 1 : NULL;
      } while (tok);
    }
    add_row(f[0], f[1], f[2], flags, langs, isocol >= 0 ? f[isocol] : "", labelcol >= 0 ? f[labelcol] : "");
  }
  if (ncol == 0) die("'%s' has no header line%s", path, "");
  free(line);
  free(hdrcopy);
  fclose(fp);
}


/* ====================================================================== */
/* output                                                                 */
/* ====================================================================== */

static int cmp_row(const void *a, const void *b) {
  const Row *x = a, *y = b;
  int c = strcmp(x->id, y->id);
  return c ? c : strcmp(x->alias, y->alias);
}


static void write_rows(FILE *out, int ncurated, char **curated) {
  UVersionInfo icu, cldr;
  char vicu[U_MAX_VERSION_STRING_LENGTH], vcldr[U_MAX_VERSION_STRING_LENGTH];
  UErrorCode st = U_ZERO_ERROR;
  size_t i, j;
  int k, any_label = 0;
  for (i = 0; i < nrows; i++)
    if (rows[i].label[0] != '\0') any_label = 1;
  u_getVersion(icu);
  ulocdata_getCLDRVersion(cldr, &st);
  check(st, "get the CLDR version of", "ICU");
  u_versionToString(icu, vicu);
  u_versionToString(cldr, vcldr);
  fprintf(out,
          "# glean default gazetteer -- generated by tools/mkgazetteer.c (make gazetteer), do not edit.\n"
          "# Sources: ICU %s / CLDR %s territory names (uloc_getDisplayCountry, Countries%%short,\n"
          "# Countries%%variant) and time-zone exemplar cities (zoneStrings/ec)",
          vicu, vcldr);
  for (k = 0; k < ncurated; k++) fprintf(out, "%s %s", k == ncurated - 1 ? " and" : ",", curated[k]);
  fprintf(out,
          ".\n# Rules: bracketed qualifiers and invisibles (but ZWNJ/ZWJ) dropped; one-character\n"
          "# aliases skipped; `case` when all letters are cased and there are <= 3 or all are\n"
          "# upper case; `noboundary` when it has Han/Hiragana/Katakana/Thai/Lao/Khmer/Myanmar\n"
          "# letters.  Sorted by (id, alias); lang lists every display locale with that alias.\n"
          "id\ttype\talias\tflags\tlang\tiso%s\n", any_label ? "\tlabel" : "");
  qsort(rows, nrows, sizeof *rows, cmp_row);
  for (i = 0; i < nrows; i = j) {  /* one label per id: the curated cell, on every row */
    char *label = rows[i].label;
    for (j = i; j < nrows && strcmp(rows[j].id, rows[i].id) == 0; j++) {
      if (rows[j].label[0] == '\0') continue;
      if (label[0] != '\0' && strcmp(label, rows[j].label)) die("id '%s' has two labels", rows[i].id, "");
      label = rows[j].label;
    }
    for (; i < j; i++) rows[i].label = label;
  }
  for (i = 0; i < nrows; i = j) {
    Row r = rows[i];
    int first = 1;
    for (j = i + 1; j < nrows && cmp_row(&rows[j], &r) == 0; j++) {
      if (strcmp(rows[j].type, r.type)) die("id '%s' has two types", r.id, "");
      r.flags |= rows[j].flags;
      r.langs |= rows[j].langs;
      if (r.iso[0] == '\0') r.iso = rows[j].iso;
    }
    if (j == i + 1 && i > 0 && strcmp(rows[i - 1].id, r.id) == 0 && strcmp(rows[i - 1].type, r.type))
      die("id '%s' has two types", r.id, "");
    fprintf(out, "%s\t%s\t%s\t", r.id, r.type, r.alias);
    for (k = 0; k < GL_NFLAGS; k++)
      if (r.flags & (1u << k)) { fprintf(out, "%s%s", first ? "" : ",", FLAGNAMES[k]); first = 0; }
    fputc('\t', out);
    first = 1;
    for (k = 0; k < nlangs; k++)
      if (r.langs & (1ULL << k)) { fprintf(out, "%s%s", first ? "" : ",", langtab[k]); first = 0; }
    fprintf(out, "\t%s", r.iso);
    if (any_label) fprintf(out, "\t%s", r.label);
    fputc('\n', out);
  }
}


int main(int argc, char **argv) {
  const char *outpath = NULL;
  char tmp[4096];
  FILE *out = stdout;
  int a = 1, l;
  if (a + 1 < argc && strcmp(argv[a], "-o") == 0) { outpath = argv[a + 1]; a += 2; }
  for (l = 0; LOCALES[l] != NULL; l++) {  /* fix the lang order first */
    char tag[32];
    lang_tag(LOCALES[l], tag, sizeof tag);
    lang_index(tag);
  }
  add_territories();
  add_world_regions();
  collect_zones();
  add_cities();
  for (l = a; l < argc; l++) read_curated(argv[l]);
  if (outpath != NULL) {  /* write beside the target, then rename: no half files */
    snprintf(tmp, sizeof tmp, "%s.tmp", outpath);
    out = fopen(tmp, "wb");
    if (out == NULL) die("cannot write '%s'%s", tmp, "");
  }
  write_rows(out, argc - a, argv + a);
  if (outpath != NULL) {
    if (fclose(out) != 0 || rename(tmp, outpath) != 0) die("cannot write '%s'%s", outpath, "");
  } else if (fflush(stdout) != 0) {
    die("cannot write the output%s%s", "", "");
  }
  return 0;
}
