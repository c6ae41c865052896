/*
** gennames.c -- bench gazetteer generator: gennames N [seed.tsv...] > gaz.tsv
**
** Real multilingual names first: the aliases of the given TSV files (e.g.
** data/gazetteer.tsv), then ICU/CLDR display names of every locale,
** language and territory in every display locale (uloc_getDisplayName,
** uloc_getDisplayLanguage, uloc_getDisplayCountry); then synthetic names in
** Latin, Devanagari and Arabic script until N distinct aliases.  The list
** is shuffled with a fixed seed so a prefix of it is a fair sample.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uloc.h>
#include <unicode/ustring.h>

typedef struct Name { char *alias, *id, *type; } Name;

static Name *names;
static size_t nnames, capnames, limit;
static char **hset;   /* open-addressing set of aliases */
static size_t hcap;

static uint64_t hash(const char *s) {
  uint64_t h = 1469598103934665603u;
  while (*s) h = (h ^ (unsigned char)*s++) * 1099511628211u;
  return h;
}

static void add(const char *alias, const char *id, const char *type) {
  size_t i;
  if (nnames >= limit || alias[0] == '\0' || strchr(alias, '\t') || strchr(alias, '\n')) return;
  i = (size_t)hash(alias) & (hcap - 1);
  while (hset[i]) {
    if (strcmp(hset[i], alias) == 0) return;
    i = (i + 1) & (hcap - 1);
  }
  if (nnames == capnames) {
    capnames = capnames ? capnames * 2 : 1024;
    names = (Name *)realloc(names, capnames * sizeof *names);
    if (!names) { perror("realloc"); exit(1); }
  }
  names[nnames].alias = strdup(alias);
  names[nnames].id = strdup(id);
  names[nnames].type = strdup(type);
  hset[i] = names[nnames].alias;
  nnames++;
}

static void add16(const UChar *u, int32_t n, const char *id, const char *type) {
  char buf[1024];
  UErrorCode st = U_ZERO_ERROR;
  u_strToUTF8(buf, sizeof buf, NULL, u, n, &st);
  if (U_SUCCESS(st) && st != U_STRING_NOT_TERMINATED_WARNING) add(buf, id, type);
}

static void from_tsv(const char *path) {
  FILE *f = fopen(path, "r");
  char line[4096];
  int header = 1;
  if (!f) { perror(path); exit(1); }
  while (fgets(line, sizeof line, f)) {
    char *id, *type, *alias, *end;
    if (line[0] == '#' || line[0] == '\n') continue;
    if (header) { header = 0; continue; }
    id = line;
    if (!(type = strchr(id, '\t'))) continue;
    *type++ = '\0';
    if (!(alias = strchr(type, '\t'))) continue;
    *alias++ = '\0';
    end = alias + strcspn(alias, "\t\r\n");
    *end = '\0';
    add(alias, id, type);
  }
  fclose(f);
}

static void from_icu(void) {
  int32_t nloc = uloc_countAvailable(), i, j;
  const char *const *langs = uloc_getISOLanguages();
  const char *const *ctrys = uloc_getISOCountries();
  for (j = 0; j < nloc; j++) {
    const char *disp = uloc_getAvailable(j);
    UChar u[512];
    char id[64], loc[16];
    int32_t k;
    for (k = 0; langs[k]; k++) {
      UErrorCode st = U_ZERO_ERROR;
      int32_t n = uloc_getDisplayLanguage(langs[k], disp, u, 512, &st);
      if (U_SUCCESS(st) && st != U_USING_DEFAULT_WARNING && strcmp(langs[k], "root") != 0) {
        snprintf(id, sizeof id, "lang:%s", langs[k]);
        add16(u, n, id, "language");
      }
    }
    for (k = 0; ctrys[k]; k++) {
      UErrorCode st = U_ZERO_ERROR;
      int32_t n;
      snprintf(loc, sizeof loc, "und_%s", ctrys[k]);
      n = uloc_getDisplayCountry(loc, disp, u, 512, &st);
      if (U_SUCCESS(st) && st != U_USING_DEFAULT_WARNING) {
        snprintf(id, sizeof id, "terr:%s", ctrys[k]);
        add16(u, n, id, "place");
      }
    }
    for (i = 0; i < nloc; i++) {
      UErrorCode st = U_ZERO_ERROR;
      const char *l = uloc_getAvailable(i);
      int32_t n = uloc_getDisplayName(l, disp, u, 512, &st);
      if (U_SUCCESS(st) && st != U_USING_DEFAULT_WARNING) {
        snprintf(id, sizeof id, "loc:%s", l);
        add16(u, n, id, "locale");
      }
    }
  }
}

static uint64_t rs = 88172645463325252u;
static uint64_t rnd(void) { rs ^= rs << 13; rs ^= rs >> 7; rs ^= rs << 17; return rs; }

static const char *const latin[] = {"ka", "ro", "mi", "sel", "an", "to", "ber", "li", "ng", "ye",
  "vo", "dra", "gu", "é", "ü", "ñ", "ö", "sch", "th", "ou", "ak", "zel", "pa", "dor", "in", "ha"};
static const char *const deva[] = {"क", "र", "म", "ना", "सि", "ती", "पु", "गो", "ला", "वे", "दा",
  "हि", "श", "ज", "ब", "न्", "द्र", "प्र", "कु", "मा"};
static const char *const arab[] = {"م", "ح", "ا", "د", "ر", "س", "ع", "ل", "ی", "ن", "و", "ب", "ک",
  "ف", "ه", "ت", "ق", "ش", "ز", "پ"};

static void synth(void) {
  char buf[256], id[32];
  size_t k = 0;
  while (nnames < limit) {
    int script = (int)(rnd() % 3), words = 1 + (int)(rnd() % 3), w, s;
    const char *const *syl = script == 0 ? latin : script == 1 ? deva : arab;
    size_t nsyl = script == 0 ? sizeof latin / sizeof *latin : script == 1 ? sizeof deva / sizeof *deva
                                                                          : sizeof arab / sizeof *arab;
    buf[0] = '\0';
    for (w = 0; w < words; w++) {
      int ns = 2 + (int)(rnd() % 3);
      if (w) strcat(buf, " ");
      for (s = 0; s < ns; s++) strcat(buf, syl[rnd() % nsyl]);
    }
    snprintf(id, sizeof id, "syn:%lu", (unsigned long)k++);
    add(buf, id, script == 0 ? "person" : script == 1 ? "org" : "place");
  }
}

int main(int argc, char **argv) {
  int i;
  size_t k;
  if (argc < 2) { fprintf(stderr, "usage: gennames N [seed.tsv...]\n"); return 2; }
  limit = (size_t)strtoul(argv[1], NULL, 10);
  hcap = 1;
  while (hcap < limit * 2 + 16) hcap *= 2;
  hset = (char **)calloc(hcap, sizeof *hset);
  for (i = 2; i < argc; i++) from_tsv(argv[i]);
  from_icu();
  synth();
  for (k = nnames; k > 1; k--) {   /* Fisher-Yates, fixed seed */
    size_t j = (size_t)(rnd() % k);
    Name t = names[k - 1]; names[k - 1] = names[j]; names[j] = t;
  }
  printf("id\ttype\talias\n");
  for (k = 0; k < nnames; k++) printf("%s\t%s\t%s\n", names[k].id, names[k].type, names[k].alias);
  fprintf(stderr, "gennames: %lu aliases\n", (unsigned long)nnames);
  return 0;
}
