/*
** langid.c -- language identification: textcat, restricted by script and
** refined by distinctive letters and words.
**
** textcat (Cavnar & Trenkle n-gram ranks) is good at telling languages of
** different families apart, but short texts in closely related languages
** that share a script (Urdu/Persian/Arabic, Hindi/Marathi/Nepali/Bhojpuri)
** land within a few percent of each other.  So we score in three steps:
**
** 1. Script.  Count letters per Unicode script (uscript_getScript); the
**    script with most letters is the text's main script.  A language is
**    plausible only if it is written in that script (its likely script from
**    CLDR via uloc_addLikelySubtags; Jpan = Hira+Kana+Hani, Kore = Hang+Hani,
**    Hans/Hant = Hani).  Some scripts decide alone: Han or kana text is
**    Japanese when kana are at least 1/20 of its CJK letters (no other
**    language writes kana), else Chinese; a script that only one language's
**    models write (Hangul, Greek, Thai, Hebrew, ...) names that language.
**    Otherwise textcat compares the text with the models written in the
**    main script only: one textcat handle per script, loaded on first use
**    (ten Cyrillic models instead of all 160 is most of its cost).
**
** 2. textcat closeness.  textcat returns up to 5 candidates whose distance
**    is within 3% of the best one (distance d, lower is better).  Each gets
**    t = d_best / d, in (0.97, 1].  Languages with a profile (below) that are
**    plausible for the main script join the race with t = T_UNLISTED (0.95):
**    textcat ranked them worse than 3% behind, but did not rule them out.
**
** 3. Distinctive evidence (profiles).  For related languages we list what
**    their orthographies use and what they never use: letters (Urdu ٹ ڈ ڑ ں ے
**    ھ ہ; Persian پ چ ژ گ and ZWNJ; Arabic ة ى ي ك), frequent function words
**    (Hindi है में; Marathi आहे आणि; Nepali छ पनि) and word endings (Marathi
**    -च्या, Nepali -लाई -ेको).  Per word of the main script we measure
**      own     = hits of the language's own markers,
**      foreign = hits of markers its orthography or grammar lacks,
**    and turn them into evidence e in [-2, 1]:
**      e = sat(own / OWN_SAT) - sat(foreign / FOREIGN_SAT)    (sat clips to [0,1])
**    A profile marked "required" has markers so frequent that a text of the
**    language practically always contains some (Urdu ے/ہ, Hindi है/के): its
**    own part becomes own - (1 - own) * sat(words / 20), so missing markers
**    count against it, fully once the text has 20 words.
**    The final score is S = t + W_EVIDENCE * e with W_EVIDENCE = 0.05: full
**    evidence outweighs textcat's 3% window, but weak evidence only breaks
**    ties.  Languages without a profile have e = 0.
**
** Confidence = length * margin, where length = letters / (letters + 40)
** (0.6 at 60 letters, about two short sentences) and margin = 0.5 + 0.5 *
** sat((S1 - S2) / W_EVIDENCE), with S2 = T_UNLISTED when nothing else is
** in the race.
*/
#include <stdio.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

#include <textcat.h>
#include <unicode/uchar.h>
#include <unicode/uloc.h>
#include <unicode/uscript.h>

#include "langid.h"

#define T_UNLISTED 0.95
#define W_EVIDENCE 0.05
#define OWN_SAT 0.10       /* one own marker per 10 words saturates */
#define FOREIGN_SAT 0.05   /* one foreign marker per 20 words saturates */
#define REQUIRED_WORDS 20.0 /* missing required markers count fully from 20 words */
#define LEN_SCALE 40.0   /* letters at which the length factor is 0.5 */
#define MAXSCRIPT 256      /* above every UScriptCode of ICU 72 */
#define MAXRACE 16         /* textcat's 5 candidates plus the profiles */
#define KANA_SHARE 20      /* Japanese when kana are at least 1/20 of Han + kana */


/* One fpdb.conf line: a model file and textcat's name for it. */
typedef struct Model {
  char *file, *name;
  char lang[16];
} Model;

/* The textcat handle over the models of one script, made on first use. */
typedef struct Group {
  UScriptCode script;
  void *tc;                /* NULL until loaded */
  candidate_t *cand;       /* textcat's output array, one per model */
} Group;

#define MAXGROUP 32        /* distinct main scripts seen by one GlLangId */

struct GlLangId {
  char *prefix;            /* model directory with a trailing '/' */
  Model *models;
  int nmodels;
  Group groups[MAXGROUP];
  int ngroups;
  int32_t counts[MAXSCRIPT];   /* letters per script of the current text */
};


/* ---------------------------------------------------------------------
** Profiles: distinctive markers of related languages (UTF-8 data).
** Letter sets are strings of letters; word lists are space separated.
** --------------------------------------------------------------------- */

typedef struct LangProfile {
  const char *lang;
  int required;               /* absence of own markers is evidence against */
  const char *own_letters;
  const char *own_words;
  const char *own_endings;    /* suffixes of longer words */
  UScriptCode own_script;     /* letters of this script are own markers */
  const char *foreign_letters;
  const char *foreign_words;
  UScriptCode foreign_script; /* letters of this script are foreign */
} LangProfile;

static const LangProfile profiles[] = {
  /* Arabic script.  Urdu has retroflex ٹ ڈ ڑ, nasal ں, bari ye ے and the
     two he's ھ ہ, and writes yeh/kaf as ی/ک; Arabic writes ي ك ة ى and has
     none of پ چ ژ گ ی ک; Persian shares پ چ ژ گ ی ک with Urdu but has none
     of Urdu's letters and joins morphemes with ZWNJ (U+200C). */
  {"ur", 1, "\u0679\u0688\u0691\u06BA\u06D2\u06BE\u06C1", NULL, NULL, USCRIPT_INVALID_CODE,
   "\u064A\u0643\u0629", NULL, USCRIPT_INVALID_CODE},
  {"fa", 0, "\u067E\u0686\u0698\u06AF\u200C\u06C0", NULL, NULL, USCRIPT_INVALID_CODE,
   "\u0679\u0688\u0691\u06BA\u06D2\u06BE\u06C1", NULL, USCRIPT_INVALID_CODE},
  {"ar", 0, "\u0629\u0649\u064A\u0643", NULL, NULL, USCRIPT_INVALID_CODE,
   "\u067E\u0686\u0698\u06AF\u06CC\u06A9\u0679\u0688\u0691\u06BA\u06D2\u06BE\u06C1", NULL,
   USCRIPT_INVALID_CODE},
  /* Devanagari.  Hindi function words are separate words (है में के से ने);
     Marathi has ळ, आहे/आणि and case endings on the noun (-च्या, -ांना);
     Nepali has छ/छन्/पनि, -लाई, the participle -ेको/-ेका, verbs in -न्छ/-र्छ,
     the future -ेछ, plural -हरू and -सम्म 'until'. */
  {"hi", 1, NULL,
   "\u0939\u0948 \u0939\u0948\u0902 \u092E\u0947\u0902 \u0915\u0940 \u0915\u0947 \u0915\u093E "
   "\u0914\u0930 \u0938\u0947 \u0928\u0947 \u0925\u093E \u0925\u0947 \u0925\u0940 \u092F\u0939 "
   "\u092D\u0940",
   NULL, USCRIPT_INVALID_CODE, "\u0933",
   "\u091B \u091B\u0928\u094D \u0906\u0939\u0947 \u0906\u0939\u0947\u0924 \u0906\u0923\u093F "
   "\u092A\u0928\u093F",
   USCRIPT_INVALID_CODE},
  {"mr", 1, "\u0933",
   "\u0906\u0939\u0947 \u0906\u0939\u0947\u0924 \u0906\u0923\u093F \u0928\u093E\u0939\u0940 "
   "\u092E\u0927\u094D\u092F\u0947",
   "\u091A\u094D\u092F\u093E \u093E\u091A\u0947 \u093E\u091A\u0940 \u093E\u091A\u093E "
   "\u093E\u0902\u0928\u093E \u093E\u0902\u0928\u0940",
   USCRIPT_INVALID_CODE, NULL,
   "\u0939\u0948 \u0939\u0948\u0902 \u092E\u0947\u0902 \u091B \u091B\u0928\u094D",
   USCRIPT_INVALID_CODE},
  {"ne", 1, NULL,
   "\u091B \u091B\u0928\u094D \u0939\u094B \u092A\u0928\u093F \u0925\u093F\u092F\u094B "
   "\u0925\u093F\u090F",
   "\u0932\u093E\u0908 \u0947\u0915\u094B \u0947\u0915\u093E \u0928\u094D\u091B "
   "\u0930\u094D\u091B \u0947\u091B \u0939\u0930\u0942 \u0938\u092E\u094D\u092E",
   USCRIPT_INVALID_CODE, "\u0933",
   "\u0939\u0948 \u0939\u0948\u0902 \u092E\u0947\u0902 \u0906\u0939\u0947 \u0906\u0923\u093F",
   USCRIPT_INVALID_CODE},
  /* Bhojpuri: copula बा/बाटे/बाड़े/हवे and past tense in -ल (भइल, गइल) where
     Hindi has है and गया. */
  {"bho", 1, NULL,
   "\u092C\u093E \u092C\u093E\u091F\u0947 \u092C\u093E\u0921\u093C\u0947 "
   "\u092C\u093E\u0922\u093C\u0940 \u092C\u093E\u0928\u0940 \u0939\u0935\u0947 "
   "\u0930\u0939\u0932 \u092D\u0907\u0932 \u0917\u0907\u0932 \u0915\u0907\u0932",
   NULL, USCRIPT_INVALID_CODE, "\u0933",
   "\u0939\u0948 \u0939\u0948\u0902 \u0925\u093E \u0917\u092F\u093E \u091B "
   "\u0906\u0939\u0947",
   USCRIPT_INVALID_CODE},
  /* Cyrillic.  Ukrainian і ї є ґ against Russian ы э ъ ё. */
  {"ru", 0, "\u044B\u044D\u044A\u0451", NULL, NULL, USCRIPT_INVALID_CODE,
   "\u0456\u0457\u0454\u0491", NULL, USCRIPT_INVALID_CODE},
  {"uk", 0, "\u0456\u0457\u0454\u0491", NULL, NULL, USCRIPT_INVALID_CODE,
   "\u044B\u044D\u044A\u0451", NULL, USCRIPT_INVALID_CODE},
  /* Han.  Japanese prose always mixes in kana; Chinese never uses it. */
  {"ja", 1, NULL, NULL, NULL, USCRIPT_HIRAGANA, NULL, NULL, USCRIPT_INVALID_CODE},
  {"zh", 0, NULL, NULL, NULL, USCRIPT_INVALID_CODE, NULL, NULL, USCRIPT_HIRAGANA},
};

#define NPROFILES (sizeof(profiles) / sizeof(profiles[0]))


/* ---------------------------------------------------------------------
** Languages and scripts
** --------------------------------------------------------------------- */

/* textcat name ("zh-CN-utf8", "az-cyrillic-utf8", "sh--utf8") -> code. */
static void name2lang(const char *name, char *lang, size_t size) {
  size_t i;
  for (i = 0; name[i] && name[i] != '-' && i + 1 < size; i++) lang[i] = name[i];
  lang[i] = '\0';
  if (strcmp(lang, "sh") == 0) strcpy(lang, "sr");   /* model sr-Latn; 'sh' is deprecated */
}


/* Is lang (with the textcat name, for explicit scripts) written in script? */
static int writes(const char *name, const char *lang, UScriptCode script) {
  char full[ULOC_FULLNAME_CAPACITY], code[8];
  UErrorCode status = U_ZERO_ERROR;
  if (name && (strstr(name, "-Latn") || strstr(name, "-Cyrl") || strstr(name, "-cyrillic")))
    return script == (strstr(name, "-Latn") ? USCRIPT_LATIN : USCRIPT_CYRILLIC);
  uloc_addLikelySubtags(lang, full, (int32_t)sizeof(full), &status);
  uloc_getScript(full, code, (int32_t)sizeof(code), &status);
  if (U_FAILURE(status) || code[0] == '\0')
    return 0;   /* no known script: cannot be shown plausible */
  if (strcmp(code, "Jpan") == 0)
    return script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA || script == USCRIPT_HAN;
  if (strcmp(code, "Kore") == 0)
    return script == USCRIPT_HANGUL || script == USCRIPT_HAN;
  if (strcmp(code, "Hans") == 0 || strcmp(code, "Hant") == 0)
    return script == USCRIPT_HAN;
  return strcmp(code, uscript_getShortName(script)) == 0;
}


/* Letters in the Unicode Alphabetic sense, so that Indic vowel signs
   (Mc/Mn, Other_Alphabetic) count: "letters" then means about the same
   amount of text in every script. */
static int isletter(UChar32 c) {
  return u_hasBinaryProperty(c, UCHAR_ALPHABETIC);
}


static int iswordchar(UChar32 c) {
  return (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_M_MASK)) != 0 || c == 0x200C || c == 0x200D;
}


/* ---------------------------------------------------------------------
** Evidence
** --------------------------------------------------------------------- */

typedef struct Evidence {
  double own, foreign;        /* hit counts */
} Evidence;


/* Is the character c (UTF-8 encoded in enc) in the letter set? */
static int inset(const char *set, const char *enc) {
  return set != NULL && strstr(set, enc) != NULL;
}


/* Is w[0..len) one of the space-separated words of list (or, when ending,
   a proper suffix of w equal to one of them)? */
static int inlist(const char *list, const char *w, size_t len, int ending) {
  const char *p = list;
  if (list == NULL) return 0;
  while (*p) {
    const char *e = strchr(p, ' ');
    size_t k = e ? (size_t)(e - p) : strlen(p);
    if (ending ? (k < len && memcmp(w + len - k, p, k) == 0)
               : (k == len && memcmp(w, p, k) == 0))
      return 1;
    p += k;
    if (*p == ' ') p++;
  }
  return 0;
}


static double sat(double x) {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}


/*
** One pass over s: count the words of the main script and, for every
** profile in race (prof[i] != NULL), the own and foreign hits.
*/
static int32_t gather(const char *s, size_t n, UScriptCode main,
                      const LangProfile *const *prof, int nrace, Evidence *ev) {
  const uint8_t *u = (const uint8_t *)s;
  size_t i = 0, wstart = 0, len;
  int inword = 0, wmain = 0, r;
  int32_t words = 0;
  while (i <= n) {   /* i == n flushes the last word */
    UChar32 c = -1;
    len = 1;
    if (i < n) c = gl_utf8_decode(u, n, i, &len);   /* on bad bytes, len skips them */
    if (c >= 0 && iswordchar(c)) {
      UErrorCode st = U_ZERO_ERROR;
      UScriptCode sc = uscript_getScript(c, &st);
      char enc[5];
      enc[gl_utf8_encode(c, enc)] = '\0';
      if (!inword) { inword = 1; wstart = i; wmain = 0; }
      if (isletter(c) && sc == main) wmain = 1;
      for (r = 0; r < nrace; r++) {
        const LangProfile *p = prof[r];
        if (p == NULL) continue;
        if (inset(p->own_letters, enc) || (p->own_script != USCRIPT_INVALID_CODE && sc == p->own_script))
          ev[r].own += 1;
        if (inset(p->foreign_letters, enc)
            || (p->foreign_script != USCRIPT_INVALID_CODE && sc == p->foreign_script))
          ev[r].foreign += 1;
      }
    }
    else {
      if (inword && wmain) {
        size_t wl = i - wstart;
        words++;
        for (r = 0; r < nrace; r++) {
          const LangProfile *p = prof[r];
          if (p == NULL) continue;
          if (inlist(p->own_words, s + wstart, wl, 0) || inlist(p->own_endings, s + wstart, wl, 1))
            ev[r].own += 1;
          if (inlist(p->foreign_words, s + wstart, wl, 0))
            ev[r].foreign += 1;
        }
      }
      inword = 0;
    }
    i += len;
  }
  return words;
}


/* ---------------------------------------------------------------------
** Open, close, guess
** --------------------------------------------------------------------- */

/* Parse <dir>/fpdb.conf: "file name" per line, '#' starts a comment. */
static int readconf(GlLangId *li, const char *conf, UErrorCode *status) {
  FILE *f = fopen(conf, "r");
  char line[512];
  size_t cap = 0;
  if (f == NULL) { *status = U_FILE_ACCESS_ERROR; return 0; }
  while (fgets(line, sizeof(line), f) != NULL) {
    char file[256], name[128];
    char *hash = strchr(line, '#');
    Model *m;
    if (hash) *hash = '\0';
    if (sscanf(line, "%255s %127s", file, name) != 2) continue;
    m = (Model *)gl_grow(li->models, &cap, (size_t)li->nmodels + 1, sizeof *m);
    if (m == NULL) { *status = U_MEMORY_ALLOCATION_ERROR; break; }
    li->models = m;
    m = &li->models[li->nmodels];
    m->file = strdup(file);
    m->name = strdup(name);
    if (m->file == NULL || m->name == NULL) {
      free(m->file); free(m->name);
      *status = U_MEMORY_ALLOCATION_ERROR;
      break;
    }
    name2lang(name, m->lang, sizeof(m->lang));
    li->nmodels++;
    {  /* every model must be readable now, not at the first text of its script */
      char path[1024];
      FILE *mf;
      snprintf(path, sizeof(path), "%s%s", li->prefix, file);
      if ((mf = fopen(path, "r")) == NULL) { *status = U_FILE_ACCESS_ERROR; break; }
      fclose(mf);
    }
  }
  if (ferror(f) && U_SUCCESS(*status)) *status = U_FILE_ACCESS_ERROR;
  fclose(f);
  if (U_SUCCESS(*status) && li->nmodels == 0) *status = U_FILE_ACCESS_ERROR;
  return U_SUCCESS(*status);
}


GlLangId *gl_langid_open(const char *dir, UErrorCode *status) {
  GlLangId *li;
  char *conf = NULL;
  size_t dl;
  if (U_FAILURE(*status)) return NULL;
  if (dir == NULL || *dir == '\0') dir = GL_TEXTCAT_DIR;
  dl = strlen(dir);
  while (dl > 1 && dir[dl - 1] == '/') dl--;
  li = (GlLangId *)calloc(1, sizeof(*li));
  conf = (char *)malloc(dl + sizeof("/fpdb.conf"));
  if (li == NULL || conf == NULL || (li->prefix = (char *)malloc(dl + 2)) == NULL) {
    *status = U_MEMORY_ALLOCATION_ERROR;
    goto fail;
  }
  memcpy(conf, dir, dl);
  strcpy(conf + dl, "/fpdb.conf");
  memcpy(li->prefix, dir, dl);
  strcpy(li->prefix + dl, "/");
  if (!readconf(li, conf, status)) goto fail;
  free(conf);
  return li;
fail:
  free(conf);
  gl_langid_close(li);
  return NULL;
}


void gl_langid_close(GlLangId *li) {
  int i;
  if (li == NULL) return;
  for (i = 0; i < li->ngroups; i++) {
    if (li->groups[i].cand) textcat_ReleaseClassifyFullOutput(li->groups[i].tc, li->groups[i].cand);
    if (li->groups[i].tc) textcat_Done(li->groups[i].tc);
  }
  for (i = 0; i < li->nmodels; i++) {
    free(li->models[i].file);
    free(li->models[i].name);
  }
  free(li->models);
  free(li->prefix);
  free(li);
}


/*
** The textcat handle over the models written in script, loaded on first
** use.  textcat reads its model list from a file: we hand it the lines of
** fpdb.conf for this script through a pipe (/dev/fd/N), so no temporary
** file is written.  Comparing a text with 10 models instead of 160 is most
** of the speed-up over one handle for all.  Returns NULL with *status set.
*/
static Group *group_for(GlLangId *li, UScriptCode script, UErrorCode *status) {
  int i, fd[2], any = 0;
  char path[32];
  Group *g;
  FILE *w;
  for (i = 0; i < li->ngroups; i++)
    if (li->groups[i].script == script) return &li->groups[i];
  if (li->ngroups == MAXGROUP) { *status = U_BUFFER_OVERFLOW_ERROR; return NULL; }
  if (pipe(fd) != 0) { *status = U_FILE_ACCESS_ERROR; return NULL; }
  w = fdopen(fd[1], "w");
  if (w == NULL) { close(fd[0]); close(fd[1]); *status = U_FILE_ACCESS_ERROR; return NULL; }
  for (i = 0; i < li->nmodels; i++)   /* a conf of a few KB fits the pipe's buffer */
    if (writes(li->models[i].name, li->models[i].lang, script)) {
      fprintf(w, "%s %s\n", li->models[i].file, li->models[i].name);
      any = 1;
    }
  if (fclose(w) != 0 || !any) {
    close(fd[0]);
    *status = any ? U_FILE_ACCESS_ERROR : U_ILLEGAL_ARGUMENT_ERROR;
    return NULL;
  }
  snprintf(path, sizeof(path), "/dev/fd/%d", fd[0]);
  g = &li->groups[li->ngroups];
  g->script = script;
  g->tc = special_textcat_Init(path, li->prefix);
  close(fd[0]);
  if (g->tc == NULL) { *status = U_FILE_ACCESS_ERROR; return NULL; }
  g->cand = textcat_GetClassifyFullOutput(g->tc);
  if (g->cand == NULL) {
    textcat_Done(g->tc);
    g->tc = NULL;
    *status = U_MEMORY_ALLOCATION_ERROR;
    return NULL;
  }
  li->ngroups++;
  return g;
}


typedef struct Runner {
  char lang[16];
  double t, score;
  const LangProfile *prof;
} Runner;


static int findrunner(Runner *race, int nrace, const char *lang) {
  int i;
  for (i = 0; i < nrace; i++)
    if (strcmp(race[i].lang, lang) == 0) return i;
  return -1;
}


int gl_langid_guess(GlLangId *li, const char *s, size_t n, int32_t min_letters,
                    GlLangGuess *out, UErrorCode *status) {
  const uint8_t *u = (const uint8_t *)s;
  Runner race[MAXRACE];
  const LangProfile *prof[MAXRACE];
  Evidence ev[MAXRACE];
  int nrace = 0, ncand, i, best, second;
  size_t pos, len;
  int32_t letters = 0, words;
  UScriptCode main = USCRIPT_INVALID_CODE;
  double lenf, margin;
  Group *g;

  memset(out, 0, sizeof(*out));
  if (U_FAILURE(*status)) return -1;
  if (n > GL_LANGID_MAXBYTES) {       /* cut at a character boundary */
    n = GL_LANGID_MAXBYTES;
    while (n > 0 && (u[n] & 0xC0) == 0x80) n--;
  }

  /* 1. letters per script, and the main script */
  int32_t *counts = li->counts;
  memset(counts, 0, sizeof(li->counts));
  for (pos = 0; pos < n; pos += len) {
    UChar32 c = gl_utf8_decode(u, n, pos, &len);
    if (c >= 0 && isletter(c)) {
      UErrorCode st = U_ZERO_ERROR;
      UScriptCode sc = uscript_getScript(c, &st);
      if (U_SUCCESS(st) && sc >= 0 && sc < MAXSCRIPT) {
        counts[sc]++;
        letters++;
      }
    }
  }
  out->letters = letters;
  for (i = 0; i < MAXSCRIPT; i++)
    if (counts[i] > 0 && (main == USCRIPT_INVALID_CODE || counts[i] > counts[main]))
      main = (UScriptCode)i;
  if (letters < min_letters || main == USCRIPT_INVALID_CODE) {
    out->why = GlLangTooShort;
    return 0;
  }

  /* 2a. scripts that decide alone: kana is written only in Japanese, and
     Han text without kana is Chinese; a script with models of a single
     language (Hangul, Greek, Thai, ...) names it. */
  if (main == USCRIPT_HAN || main == USCRIPT_HIRAGANA || main == USCRIPT_KATAKANA) {
    int32_t kana = counts[USCRIPT_HIRAGANA] + counts[USCRIPT_KATAKANA];
    int32_t cjk = kana + counts[USCRIPT_HAN];
    strcpy(out->lang, kana * KANA_SHARE >= cjk ? "ja" : "zh");
    out->confidence = (double)letters / (letters + LEN_SCALE);
    out->why = GlLangKnown;
    return 1;
  }
  {
    const char *only = NULL;
    for (i = 0; i < li->nmodels; i++) {
      if (!writes(li->models[i].name, li->models[i].lang, main)) continue;
      if (only == NULL) only = li->models[i].lang;
      else if (strcmp(only, li->models[i].lang) != 0) { only = NULL; break; }
    }
    for (i = 0; only != NULL && i < (int)NPROFILES; i++)   /* a profile may add a rival */
      if (strcmp(profiles[i].lang, only) != 0 && writes(NULL, profiles[i].lang, main)) only = NULL;
    if (only != NULL) {
      strcpy(out->lang, only);
      out->confidence = (double)letters / (letters + LEN_SCALE);
      out->why = GlLangKnown;
      return 1;
    }
  }

  /* 2b. textcat, over the models written in the main script, on the first
     GL_LANGID_NGRAM_BYTES of the text */
  g = group_for(li, main, status);
  if (g == NULL) {
    if (*status == U_ILLEGAL_ARGUMENT_ERROR) {   /* no model writes this script */
      *status = U_ZERO_ERROR;
      out->why = GlLangNoCandidate;
      return 0;
    }
    return -1;
  }
  {
    size_t m = n;
    if (m > GL_LANGID_NGRAM_BYTES) {
      m = GL_LANGID_NGRAM_BYTES;
      while (m > 0 && (u[m] & 0xC0) == 0x80) m--;
    }
    ncand = textcat_ClassifyFull(g->tc, s, m, g->cand);
  }
  if (ncand == TEXTCAT_RESULT_SHORT) { out->why = GlLangTooShort; return 0; }
  if (ncand <= 0) { out->why = GlLangAmbiguous; return 0; }
  for (i = 0; i < ncand && nrace < MAXRACE; i++) {
    char lang[16];
    name2lang(g->cand[i].name, lang, sizeof(lang));
    if (findrunner(race, nrace, lang) >= 0)
      continue;   /* a second model of the same language */
    strcpy(race[nrace].lang, lang);
    race[nrace].t = (double)g->cand[0].score / (g->cand[i].score > 0 ? g->cand[i].score : 1);
    race[nrace].prof = NULL;
    nrace++;
  }
  /* ... plus every profiled language of the main script */
  for (i = 0; i < (int)NPROFILES; i++) {
    int r;
    if (!writes(NULL, profiles[i].lang, main)) continue;
    r = findrunner(race, nrace, profiles[i].lang);
    if (r < 0 && nrace < MAXRACE) {
      r = nrace++;
      strcpy(race[r].lang, profiles[i].lang);
      race[r].t = T_UNLISTED;
    }
    if (r >= 0) race[r].prof = &profiles[i];
  }
  if (nrace == 0) { out->why = GlLangNoCandidate; return 0; }

  /* 3. distinctive evidence */
  for (i = 0; i < nrace; i++) {
    prof[i] = race[i].prof;
    ev[i].own = ev[i].foreign = 0;
  }
  words = gather(s, n, main, prof, nrace, ev);
  best = 0;
  for (i = 0; i < nrace; i++) {
    double e = 0;
    if (prof[i] != NULL && words > 0) {
      double own = sat(ev[i].own / words / OWN_SAT);
      if (prof[i]->required)   /* missing markers weigh more as the text grows */
        own -= (1 - own) * sat((double)words / REQUIRED_WORDS);
      e = own - sat(ev[i].foreign / words / FOREIGN_SAT);
    }
    race[i].score = race[i].t + W_EVIDENCE * e;
#ifdef GL_LANGID_DEBUG
    fprintf(stderr, "%s t=%.4f own=%g foreign=%g words=%d score=%.4f\n", race[i].lang,
            race[i].t, ev[i].own, ev[i].foreign, (int)words, race[i].score);
#endif
    if (race[i].score > race[best].score) best = i;
  }
  second = -1;
  for (i = 0; i < nrace; i++)
    if (i != best && (second < 0 || race[i].score > race[second].score)) second = i;

  strcpy(out->lang, race[best].lang);
  lenf = (double)letters / (letters + LEN_SCALE);
  margin = race[best].score - (second >= 0 ? race[second].score : T_UNLISTED);
  out->confidence = lenf * (0.5 + 0.5 * sat(margin / W_EVIDENCE));
  out->why = GlLangKnown;
  return 1;
}
