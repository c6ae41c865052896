/*
** langid.c -- language identification: n-gram ranks (Cavnar & Trenkle,
** the libexttextcat models), restricted by script and refined by
** distinctive letters and words.
**
** n-gram ranks are good at telling languages of different families apart,
** but short texts in closely related languages that share a script
** (Urdu/Persian/Arabic, Hindi/Marathi/Nepali/Bhojpuri, Spanish/Catalan)
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
**    These need no statistics, so half of min_letters suffices for them (a
**    Chinese headline of 10 characters); every other text needs all.
**    Otherwise the text is compared with the models written in the main
**    script only, loaded on first use (ten Cyrillic models instead of all
**    160).
**
** 2. n-gram closeness (the textcat method: see "n-gram fingerprints"
**    below; texts under GL_LANGID_SHORT_BYTES by libexttextcat itself,
**    longer ones by our index, on a sample of GL_LANGID_NGRAM_BYTES).  The
**    candidates are the models whose distance is within 3% of the best one
**    (distance d, lower is better), at most 5 (more is "ambiguous").  Each
**    gets t = d_best / d, in (0.97, 1].
**    Languages with a profile (below) that are plausible for the main
**    script join the race with t = T_UNLISTED (0.95): the n-grams ranked
**    them worse than 3% behind, but did not rule them out.  A profile with
**    kin (the Scandinavian languages, Malay and Indonesian) joins only when
**    one of its kin is a candidate: its markers are common words of other
**    languages.
**
** 3. Distinctive evidence (profiles).  For related languages we list what
**    their orthographies use and what they never use: letters (Urdu ٹ ڈ ڑ ں ے
**    ھ ہ; Persian پ چ ژ گ and ZWNJ; Arabic ة ى ي ك), frequent function words
**    (Hindi है में; Marathi आहे आणि; Nepali छ पनि) and word endings (Marathi
**    -च्या, Nepali -लाई -ेको).  For
**    Spanish and Catalan: function words (y los más / els amb és), endings
**    (-ción / -cions) and letters (ñ á / · à è ò).  Words are compared as
**    written: a capitalised "Los" is no hit.  Per word of the main script
**    we measure
**      own     = hits of the language's own markers,
**      foreign = hits of markers its orthography or grammar lacks,
**    and turn them into evidence e in [-2, 1]:
**      e = sat(own / OWN_SAT) - sat(foreign / FOREIGN_SAT)    (sat clips to [0,1])
**    A profile marked "required" has markers so frequent that a text of the
**    language practically always contains some (Urdu ے/ہ, Hindi है/के): its
**    own part becomes own - (1 - own) * sat(words / 20), so missing markers
**    count against it, fully once the text has 20 words.
**    The final score is S = t + W_EVIDENCE * e with W_EVIDENCE = 0.05: full
**    evidence outweighs the n-grams' 3% window, but weak evidence only
**    breaks ties.  Languages without a profile have e = 0.
**
** Confidence = length * margin, where length = letters / (letters + 40)
** (0.6 at 60 letters, about two short sentences) and margin = 0.5 + 0.5 *
** sat((S1 - S2) / W_EVIDENCE), with S2 = T_UNLISTED when nothing else is
** in the race.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <textcat.h>
#include <unicode/uchar.h>
#include <unicode/uloc.h>
#include <unicode/uscript.h>

#include "langid.h"

#define T_UNLISTED 0.95
#define W_EVIDENCE 0.05
#define W_PREFER 0.02      /* a language the caller prefers (prefer) */
#define AMBIGUOUS_MIN 0.2  /* an ambiguous text's guess needs this confidence: on 43 lines
                              of news textcat left ambiguous, 17 of the 23 at 0.2 or more
                              were right, 7 of the 20 below */
#define OWN_SAT 0.10       /* one own marker per 10 words saturates */
#define FOREIGN_SAT 0.05   /* one foreign marker per 20 words saturates */
#define REQUIRED_WORDS 20.0 /* missing required markers count fully from 20 words */
#define LEN_SCALE 40.0   /* letters at which the length factor is 0.5 */
#define MAXSCRIPT 256      /* above every UScriptCode of ICU 72 */
#define MAXRACE 16         /* the 5 n-gram candidates plus the profiles */
#define KANA_SHARE 20      /* Japanese when kana are at least 1/20 of Han + kana */

/* The textcat method's constants (libexttextcat's constants.h): */
#define NGRAMS 400         /* n-grams in a fingerprint, model or text */
#define OUTOFPLACE 400     /* distance of an n-gram the model lacks */
#define NGRAM_CHARS 5      /* n-grams of 1..5 characters */
#define NGRAM_MAXBYTES 20  /* longer lines of a model file are skipped */
#define THRESHOLD 1.03     /* candidates within 3% of the best distance */
#define MAXCANDIDATES 5    /* more than that is ambiguous */


/* One fpdb.conf line: a model file and textcat's name for it. */
typedef struct Model {
  char *file, *name;
  char lang[16];
  char code[8];            /* its likely script ("Latn", "Jpan"; "" unknown) */
} Model;

/* A posting: n-gram g is at rank `rank` of the group's model `model`. */
typedef struct Posting {
  uint16_t model, rank;
} Posting;

/* A distinct n-gram of a group's models, in the open-addressing table. */
typedef struct ModelGram {
  uint32_t hash;           /* FNV-1a of its bytes */
  uint32_t post;           /* its postings: Group.post[post .. post + npost) */
  uint16_t npost;
  uint8_t len;
  char key[NGRAM_MAXBYTES]; /* its bytes (in the entry: one cache line less to miss) */
} ModelGram;

/* A slot of an n-gram table: the top 16 bits of the n-gram's hash over
   1 + its index (at most MAXINDEX); 0 is empty.  4 bytes a slot, and a
   probe of another n-gram rarely touches its entry. */
#define MAXINDEX 0xFFFE
#define SLOT(h, idx) (((h) & 0xFFFF0000u) | ((uint32_t)(idx) + 1))
#define SLOTIDX(v) (((v) & 0xFFFFu) - 1)
#define SLOTTAG(v, h) ((((v) ^ (h)) & 0xFFFF0000u) == 0)

/* The models of one script, made on first use: an inverted index from
   n-gram to (model, rank), so a text's 400 n-grams are looked up once
   instead of merging its fingerprint with every model's. */
typedef struct Group {
  UScriptCode script;
  int nm;                  /* models written in the script (0: none) */
  int *model;              /* their indices in GlLangId.models */
  uint32_t mask;           /* slots - 1 */
  uint32_t *slot;          /* SLOT(hash, index in gram) */
  ModelGram *gram;
  Posting *post;
  double *dist;            /* per model: the distance of the current text */
  void *tc;                /* textcat's handle over the models, for short texts */
  candidate_t *tcand;      /* its output array */
} Group;

#define MAXGROUP 32        /* distinct main scripts seen by one GlLangId */
#define MAXPROFILES 32     /* at least NPROFILES (checked below) */
#define MAXMARKS 32        /* letters or words in one marker list */
#define PROPCACHE 4096     /* characters in the property cache (a power of 2) */

typedef struct Marks Marks;

/* A character's properties, cached (charprops). */
typedef struct CharProps {
  UChar32 c;               /* -1: empty */
  int16_t script;          /* its UScriptCode, -1 when unknown */
  uint8_t letter, word;    /* isletter, iswordchar */
  uint32_t own, foreign;   /* bit i: in profile i's own (foreign) letters */
} CharProps;

/* An n-gram of the current text: its bytes are buf[off .. off + len);
   slot is its place in GlLangId.tslot (emptied after each text). */
typedef struct TextGram {
  uint32_t hash;
  uint16_t off, count, slot;
  uint8_t len;
} TextGram;

struct GlLangId {
  char *prefix;            /* model directory with a trailing '/' */
  Model *models;
  int nmodels;
  Group groups[MAXGROUP];
  int ngroups;
  char pcode[MAXPROFILES][8];  /* the profiles' likely scripts */
  Marks *marks;            /* the profiles' markers, decoded */
  CharProps props[PROPCACHE];
  int32_t counts[MAXSCRIPT];   /* letters per script of the current text */
  /* the current text's fingerprint, buffers kept across calls */
  char *buf;               /* the sample, words between '_' */
  uint32_t tmask;          /* text table slots - 1 */
  uint32_t *tslot;         /* the text's n-gram table: SLOT(hash, index in tgram) */
  TextGram *tgram;
  uint32_t ntgram;
  uint32_t *sel, *lo, *hi; /* the fingerprint: n-grams, most frequent first, and their ranks */
  double *w;               /* the chance of each to take a place */
  uint32_t k;              /* the places taken */
  uint32_t *hist, *tmp;    /* n-grams per count; places per count */
  char *prose;             /* the current text's prose lines (prose_of) */
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
  const char *kin;            /* joins the race only when one of these languages
                                 (space separated) is an n-gram candidate; NULL:
                                 in every race of its script */
} LangProfile;

static const LangProfile profiles[] = {
  /* Arabic script.  Urdu has retroflex ٹ ڈ ڑ, nasal ں, bari ye ے and the
     two he's ھ ہ, and writes yeh/kaf as ی/ک; Arabic writes ي ك ة ى and has
     none of پ چ ژ گ ی ک; Persian shares پ چ ژ گ ی ک with Urdu but has none
     of Urdu's letters and joins morphemes with ZWNJ (U+200C). */
  {"ur", 1, "\u0679\u0688\u0691\u06BA\u06D2\u06BE\u06C1", NULL, NULL, USCRIPT_INVALID_CODE,
   "\u064A\u0643\u0629", NULL, USCRIPT_INVALID_CODE, NULL},
  {"fa", 0, "\u067E\u0686\u0698\u06AF\u200C\u06C0", NULL, NULL, USCRIPT_INVALID_CODE,
   "\u0679\u0688\u0691\u06BA\u06D2\u06BE\u06C1", NULL, USCRIPT_INVALID_CODE, NULL},
  {"ar", 0, "\u0629\u0649\u064A\u0643", NULL, NULL, USCRIPT_INVALID_CODE,
   "\u067E\u0686\u0698\u06AF\u06CC\u06A9\u0679\u0688\u0691\u06BA\u06D2\u06BE\u06C1", NULL,
   USCRIPT_INVALID_CODE, NULL},
  /* Devanagari.  Hindi function words are separate words (है में के से ने);
     Marathi has ळ, आहे/आणि, verbs म्हणाले/केले/झाले/करण्यात, आम्ही/त्यांनी
     (not होते or आला: Hindi होते हैं, आला अफसर) and case endings on the
     noun (-च्या, -ांना);
     Nepali has छ/छन्/पनि, -लाई, the participle -ेको/-ेका, verbs in -न्छ/-र्छ,
     the future -ेछ, plural -हरू and -सम्म 'until'. */
  {"hi", 1, NULL,
   "\u0939\u0948 \u0939\u0948\u0902 \u092E\u0947\u0902 \u0915\u0940 \u0915\u0947 \u0915\u093E "
   "\u0914\u0930 \u0938\u0947 \u0928\u0947 \u0925\u093E \u0925\u0947 \u0925\u0940 \u092F\u0939 "
   "\u092D\u0940",
   NULL, USCRIPT_INVALID_CODE, "\u0933",
   "\u091B \u091B\u0928\u094D \u0906\u0939\u0947 \u0906\u0939\u0947\u0924 \u0906\u0923\u093F "
   "\u092A\u0928\u093F "
   "\u092E\u094D\u0939\u0923\u093E\u0932\u0947 \u091D\u093E\u0932\u0947 "
   "\u0915\u0930\u0923\u094D\u092F\u093E\u0924 \u0906\u092E\u094D\u0939\u0940 "
   "\u0924\u094D\u092F\u093E\u0902\u0928\u0940",
   USCRIPT_INVALID_CODE, NULL},
  {"mr", 1, "\u0933",
   "\u0906\u0939\u0947 \u0906\u0939\u0947\u0924 \u0906\u0923\u093F \u0928\u093E\u0939\u0940 "
   "\u092E\u0927\u094D\u092F\u0947 "
   "\u092E\u094D\u0939\u0923\u093E\u0932\u0947 \u0915\u0947\u0932\u0947 "
   "\u091D\u093E\u0932\u0947 \u0905\u0938\u0947 \u0915\u0930\u0923\u094D\u092F\u093E\u0924 "
   "\u0906\u092E\u094D\u0939\u0940 \u0924\u094D\u092F\u093E\u0902\u0928\u0940",
   "\u091A\u094D\u092F\u093E \u093E\u091A\u0947 \u093E\u091A\u0940 \u093E\u091A\u093E "
   "\u093E\u0902\u0928\u093E \u093E\u0902\u0928\u0940",
   USCRIPT_INVALID_CODE, NULL,
   "\u0939\u0948 \u0939\u0948\u0902 \u092E\u0947\u0902 \u091B \u091B\u0928\u094D",
   USCRIPT_INVALID_CODE, NULL},
  {"ne", 1, NULL,
   "\u091B \u091B\u0928\u094D \u0939\u094B \u092A\u0928\u093F \u0925\u093F\u092F\u094B "
   "\u0925\u093F\u090F",
   "\u0932\u093E\u0908 \u0947\u0915\u094B \u0947\u0915\u093E \u0928\u094D\u091B "
   "\u0930\u094D\u091B \u0947\u091B \u0939\u0930\u0942 \u0938\u092E\u094D\u092E",
   USCRIPT_INVALID_CODE, "\u0933",
   "\u0939\u0948 \u0939\u0948\u0902 \u092E\u0947\u0902 \u0906\u0939\u0947 \u0906\u0923\u093F",
   USCRIPT_INVALID_CODE, NULL},
  /* Bhojpuri: copula बा/बाटे/बाड़े/हवे and past tense in -ल (भइल, गइल) where
     Hindi has है and गया. */
  {"bho", 1, NULL,
   "\u092C\u093E \u092C\u093E\u091F\u0947 \u092C\u093E\u0921\u093C\u0947 "
   "\u092C\u093E\u0922\u093C\u0940 \u092C\u093E\u0928\u0940 \u0939\u0935\u0947 "
   "\u0930\u0939\u0932 \u092D\u0907\u0932 \u0917\u0907\u0932 \u0915\u0907\u0932",
   NULL, USCRIPT_INVALID_CODE, "\u0933",
   "\u0939\u0948 \u0939\u0948\u0902 \u0925\u093E \u0917\u092F\u093E \u091B "
   "\u0906\u0939\u0947",
   USCRIPT_INVALID_CODE, NULL},
  /* Cyrillic.  Ukrainian і ї є ґ against Russian ы э ъ ё (capitals too:
     Ірина), and their function words: Ukrainian також/від/після/було/
     буде/вже/його/який/але/це/як/він/щоб, Russian также/было/будет/уже/
     его/который/это/чтобы/что.  Words Bulgarian, Macedonian or Serbian
     write too (как, после, он, она, що) are no markers: these two race in
     every Cyrillic text.  Neither writes the Serbian and Macedonian letters
     ј љ њ ћ ђ џ ѓ ќ ѕ. */
  {"ru", 0, "\u044B\u044D\u044A\u0451\u042B\u042D\u042A\u0401",
   "\u0442\u0430\u043A\u0436\u0435 \u0431\u044B\u043B\u043E \u0431\u0443\u0434\u0435\u0442 "
   "\u0443\u0436\u0435 \u0435\u0433\u043E \u043A\u043E\u0442\u043E\u0440\u044B\u0435 "
   "\u043A\u043E\u0442\u043E\u0440\u044B\u0439 \u043A\u043E\u0442\u043E\u0440\u0430\u044F "
   "\u044D\u0442\u043E \u0447\u0442\u043E\u0431\u044B \u0447\u0442\u043E",
   NULL, USCRIPT_INVALID_CODE, "\u0456\u0457\u0454\u0491\u0406\u0407\u0404\u0490"
   "\u0458\u0459\u045A\u045B\u0452\u045F\u0453\u045C\u0455"
   "\u0408\u0409\u040A\u040B\u0402\u040F\u0403\u040C\u0405",
   "\u0442\u0430\u043A\u043E\u0436 \u0432\u0456\u0434 \u043F\u0456\u0441\u043B\u044F "
   "\u0431\u0443\u043B\u043E \u0431\u0443\u0434\u0435 \u0432\u0436\u0435 "
   "\u0439\u043E\u0433\u043E \u044F\u043A\u0456 \u044F\u043A\u0438\u0439 \u044F\u043A\u0430 "
   "\u0430\u043B\u0435 \u0446\u0435 "
   "\u044F\u043A \u0432\u0456\u043D \u0432\u043E\u043D\u0430 \u0449\u043E\u0431",
   USCRIPT_INVALID_CODE, NULL},
  {"uk", 0, "\u0456\u0457\u0454\u0491\u0406\u0407\u0404\u0490",
   "\u0442\u0430\u043A\u043E\u0436 \u0432\u0456\u0434 \u043F\u0456\u0441\u043B\u044F "
   "\u0431\u0443\u043B\u043E \u0431\u0443\u0434\u0435 \u0432\u0436\u0435 "
   "\u0439\u043E\u0433\u043E \u044F\u043A\u0456 \u044F\u043A\u0438\u0439 \u044F\u043A\u0430 "
   "\u0430\u043B\u0435 \u0446\u0435 "
   "\u044F\u043A \u0432\u0456\u043D \u0432\u043E\u043D\u0430 \u0449\u043E\u0431",
   NULL, USCRIPT_INVALID_CODE, "\u044B\u044D\u044A\u0451\u042B\u042D\u042A\u0401"
   "\u0458\u0459\u045A\u045B\u0452\u045F\u0453\u045C\u0455"
   "\u0408\u0409\u040A\u040B\u0402\u040F\u0403\u040C\u0405",
   "\u0442\u0430\u043A\u0436\u0435 \u0431\u044B\u043B\u043E \u0431\u0443\u0434\u0435\u0442 "
   "\u0443\u0436\u0435 \u0435\u0433\u043E \u043A\u043E\u0442\u043E\u0440\u044B\u0435 "
   "\u043A\u043E\u0442\u043E\u0440\u044B\u0439 \u043A\u043E\u0442\u043E\u0440\u0430\u044F "
   "\u044D\u0442\u043E \u0447\u0442\u043E\u0431\u044B \u0447\u0442\u043E",
   USCRIPT_INVALID_CODE, NULL},
  /* Latin: Spanish and Catalan, whose short texts the n-grams confuse.
     Spanish has ñ á, y/los/su(s)/más/pero/también/según/muy/fue/está/
     desde/hoy/ayer/como/este/esta/hasta/durante/sin/cuando/donde/mientras/
     aunque/tras and -ción; it never writes à è ò ï ç · (Catalan, Italian,
     French) or ã õ ê â ô (Portuguese), nor Catalan els/amb/dels/és/aquest/
     també/però/seu/seva/molt/any(s)/fins/als/hi/més/són/quan/ahir/avui/
     sense/durant/aquests, Italian per/i/il, Galician unha/máis/dun or
     Portuguese em/um/uma.  Catalan has l·l (·), the Catalan words above
     and -cions (not -ció: the Spanish preterite anunció); it never writes
     ñ á ã õ ê â ô ì ù, the Spanish words above, Italian il/che/non or con.
     Catalan i/per are no markers (Italian writes them too).  A Catalan
     clitic "-los" (donar-los) counts as the word "los" here, a small cost.
     Each word was checked against the hunspell dictionaries es_ES and ca
     (present in the one, absent in the other). */
  {"es", 0, "\u00F1\u00E1",
   "y los sus m\u00E1s pero tambi\u00E9n seg\u00FAn muy fue est\u00E1 desde"
   " su hoy ayer como este esta hasta durante sin cuando donde mientras aunque tras",
   "ci\u00F3n ciones", USCRIPT_INVALID_CODE,
   "\u00E0\u00E8\u00F2\u00EF\u00E7\u00B7\u00E3\u00F5\u00EA\u00E2\u00F4",
   "els amb dels \u00E9s aquest tamb\u00E9 per\u00F2 seu seva molt any anys fins als"
   " hi m\u00E9s s\u00F3n quan ahir avui sense durant aquests"
   " per i il unha m\u00E1is dun em um uma",
   USCRIPT_INVALID_CODE, NULL},
  {"ca", 0, "\u00B7",
   "els amb dels \u00E9s aquest aquesta tamb\u00E9 per\u00F2 seu seva molt any anys fins als"
   " hi m\u00E9s s\u00F3n quan ahir avui sense durant aquests",
   "cions", USCRIPT_INVALID_CODE,
   "\u00F1\u00E1\u00E3\u00F5\u00EA\u00E2\u00F4\u00EC\u00F9",
   "y los sus m\u00E1s pero tambi\u00E9n seg\u00FAn muy fue est\u00E1 desde con il che non"
   " su hoy ayer como este esta hasta durante sin cuando donde mientras aunque tras",
   USCRIPT_INVALID_CODE, NULL},
  /* Latin: the Scandinavian languages, whose short news texts the n-grams
     give to Danish.  Bokmål has the infinitive marker å, av/etter/mot/
     mellom/gjennom, sier/ble/hadde/fikk, noe/noen/mye, seg/meg/deg, enn and
     -sjon; Danish af/mod/mellem/gennem, siger/havde/blevet, noget/nogen/
     meget, hvad, end (not -tion: German Informationen); Swedish och/att/
     inte/är/hon/jag, också/mycket/något, säger/hade, enligt/över/från/för/
     även; Nynorsk ikkje/eg/ho/kva/korleis/frå/berre/òg/mykje/vere and the
     diphthongs of seier/fleire/meiner/heile/eigen.  Each lists the others'
     words as foreign.  A word Danish shares with Swedish (efter, blev, nu,
     sig, mig, dig, sådan) is no Danish marker, nor hvordan (Danish and
     Bokmål); Bokmål keeps av and mot, which Swedish shares, against Danish
     af and mod.  Letters are no markers: names (Löfven, Støre) cross
     borders.  They race only when a Scandinavian model is an n-gram
     candidate. */
  {"nb", 0, NULL,
   "\u00E5 av etter mot sier ble blitt hadde "
   "mellom gjennom noe noen mye n\u00E5 fikk hva "
   "v\u00E6rt slik enn seg meg deg",
   "sjon sjonen sjoner sjonene", USCRIPT_INVALID_CODE, NULL,
   "af mod siger blev havde mellem gennem noget "
   "meget hvad v\u00E6ret end nogen blevet sig mig "
   "och att inte \u00E4r hon jag ikkje eg "
   "ho kva fr\u00E5 berre seier fleire meiner",
   USCRIPT_INVALID_CODE, "nb nn da sv no"},
  {"nn", 0, NULL,
   "ikkje eg ho kva korleis fr\u00E5 berre \u00F2g "
   "mykje vere dei noko kven sj\u00F8lv heile fekk "
   "seier fleire meiner eigen",
   NULL, USCRIPT_INVALID_CODE, NULL,
   "ikke jeg hun hva hvordan fra bare mye "
   "v\u00E6re noe hvem hele fikk af efter siger "
   "havde mellem meget och att inte \u00E4r",
   USCRIPT_INVALID_CODE, "nb nn da sv no"},
  {"da", 0, NULL,
   "af mod siger blevet havde mellem gennem noget "
   "nogen meget hvad v\u00E6ret end hendes",
   NULL, USCRIPT_INVALID_CODE, NULL,
   "\u00E5 av etter mot sier ble blitt hadde "
   "mellom gjennom noe noen mye fikk v\u00E6rt slik "
   "enn seg meg deg och att inte \u00E4r "
   "hon jag ikkje eg",
   USCRIPT_INVALID_CODE, "nb nn da sv no"},
  {"sv", 0, NULL,
   "och att inte \u00E4r hon jag ocks\u00E5 mycket "
   "n\u00E5got s\u00E4ger hade mellan genom varit enligt \u00F6ver "
   "fr\u00E5n f\u00F6r \u00E4ven",
   NULL, USCRIPT_INVALID_CODE, NULL,
   "ikke og af \u00E5 hun jeg ogs\u00E5 ble "
   "sier siger fra havde hadde mellom mellem gennem "
   "gjennom noe noget meget mye ikkje eg",
   USCRIPT_INVALID_CODE, "nb nn da sv no"},
  /* Latin: Italian and Romanian, to which (with Romansh) the n-grams give
     short Italian lines of names (l'Università ... hanno presentato).
     Italian has its articled prepositions (della nella alla dalla sulla
     and their plurals), hanno/sono, anche/più/perché/questo/gli, dopo/
     durante/secondo; Romanian și/în/pentru/este/sunt/din/după/despre/
     fost/către/într and ă â î ș ț.  Romansh has no cue list: it only
     counts its ils/dals/cun/dad against Italian.  They race only when one
     of Italian, Romanian or Romansh is an n-gram candidate. */
  {"it", 0, NULL,
   "della delle dello degli nella nelle negli alla alle allo agli dalla dalle dagli "
   "sulla sulle hanno sono anche pi\u00F9 perch\u00E9 questo questa gli dopo durante "
   "secondo",
   NULL, USCRIPT_INVALID_CODE,
   "\u0103\u00E2\u00EE\u0219\u021B\u015F\u0163\u0102\u00C2\u00CE\u0218\u021A\u015E\u0162",
   "\u0219i \u00EEn pentru este sunt din dup\u0103 despre ils dals cun dad",
   USCRIPT_INVALID_CODE, "it ro rm"},
  {"ro", 0, "\u0103\u00E2\u00EE\u0219\u021B\u015F\u0163\u0102\u00C2\u00CE\u0218\u021A\u015E\u0162",
   "\u0219i \u00EEn pentru este sunt din dup\u0103 despre fost c\u0103tre \u00EEntr",
   NULL, USCRIPT_INVALID_CODE, NULL,
   "della delle dello degli nella nelle alla alle dalla hanno sono anche pi\u00F9 "
   "perch\u00E9 questo questa gli",
   USCRIPT_INVALID_CODE, "it ro rm"},
  /* Latin: Malay and Indonesian.  Malaysian news writes kerana/iaitu/
     sahaja/mahu/baharu/wang/semasa/selepas/polis/hospital/kerajaan/
     manakala/kenyataan/kewangan, the title Datuk and the days and months Isnin/Khamis/Jumaat/Ahad,
     Ogos/Julai/Disember/Mac; Indonesian karena/yaitu/yakni/bisa/uang/
     pemerintah/ujar/keuangan and Senin/Kamis/Jumat/Minggu, Agustus/Juli/Desember/
     Maret.  Days and months are compared as written (capitalised).  Words
     both write (beliau, berkata, daripada, boleh, ialah, baru) are no
     markers.  They race only when one of them is an n-gram candidate. */
  {"ms", 0, NULL,
   "kerana iaitu sahaja mahu baharu kenyataan wang semasa "
   "selepas polis hospital kerajaan manakala ramai Isnin Khamis "
   "Jumaat Ahad Ogos Julai Disember Mac kewangan Kewangan Datuk",
   NULL, USCRIPT_INVALID_CODE, NULL,
   "karena yaitu yakni bisa mau uang pemerintah ujar "
   "Senin Kamis Jumat Minggu Agustus Juli Desember Maret keuangan Keuangan",
   USCRIPT_INVALID_CODE, "ms id"},
  {"id", 0, NULL,
   "karena yaitu yakni bisa uang pemerintah ujar Senin "
   "Kamis Jumat Minggu Agustus Juli Desember Maret Nopember keuangan Keuangan",
   NULL, USCRIPT_INVALID_CODE, NULL,
   "kerana iaitu sahaja mahu baharu kenyataan wang semasa "
   "selepas polis hospital kerajaan manakala Isnin Khamis Jumaat "
   "Ahad Ogos Julai Disember Mac kewangan Kewangan Datuk",
   USCRIPT_INVALID_CODE, "ms id"},
  /* Han.  Japanese prose always mixes in kana; Chinese never uses it. */
  {"ja", 1, NULL, NULL, NULL, USCRIPT_HIRAGANA, NULL, NULL, USCRIPT_INVALID_CODE, NULL},
  {"zh", 0, NULL, NULL, NULL, USCRIPT_INVALID_CODE, NULL, NULL, USCRIPT_HIRAGANA, NULL},
};

#define NPROFILES (sizeof(profiles) / sizeof(profiles[0]))


/* A text's n-grams, their offsets and counts fit TextGram's 16 bits and the
   table (at most 4/5 full) SLOT's index. */
typedef char sample_fits[5 * (GL_LANGID_NGRAM_BYTES + 2) * 5 / 4 <= MAXINDEX ? 1 : -1];

/* The profiles fit GlLangId.pcode and the bits of CharProps. */
typedef char profiles_fit[NPROFILES <= MAXPROFILES && MAXPROFILES <= 32 ? 1 : -1];


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


/* The likely script of lang (with the textcat name, for explicit scripts)
   into code[8]: "Latn", "Jpan", ..., or "" when ICU knows none.  Called
   once per model and profile: uloc_addLikelySubtags is slow. */
static void likelyscript(const char *name, const char *lang, char *code) {
  char full[ULOC_FULLNAME_CAPACITY];
  UErrorCode status = U_ZERO_ERROR;
  code[0] = '\0';
  if (name && (strstr(name, "-Latn") || strstr(name, "-Cyrl") || strstr(name, "-cyrillic"))) {
    strcpy(code, strstr(name, "-Latn") ? "Latn" : "Cyrl");
    return;
  }
  uloc_addLikelySubtags(lang, full, (int32_t)sizeof(full), &status);
  uloc_getScript(full, code, 8, &status);
  if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING) code[0] = '\0';
}


/* Is a language of likely script code written in script? */
static int writes(const char *code, UScriptCode script) {
  if (code[0] == '\0')
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


static double sat(double x) {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}


/* A profile's markers, decoded once (GlLangId.marks): letters as code
   points, words and endings as (bytes, length). */
typedef struct Letters {
  int n;
  UChar32 c[MAXMARKS];
} Letters;

typedef struct Words {
  int n;
  const char *w[MAXMARKS];
  size_t len[MAXMARKS];
} Words;

struct Marks {
  Letters own_letters, foreign_letters;
  Words own_words, own_endings, foreign_words;
};


/* Decode a letter set; 0 when it has more than MAXMARKS letters. */
static int letters_of(const char *set, Letters *out) {
  const uint8_t *u = (const uint8_t *)set;
  size_t n = set ? strlen(set) : 0, i, len;
  out->n = 0;
  for (i = 0; i < n; i += len) {
    UChar32 c = gl_utf8_decode(u, n, i, &len);
    if (out->n == MAXMARKS) return 0;
    out->c[out->n++] = c;
  }
  return 1;
}


/* Split a space-separated list; 0 when it has more than MAXMARKS words. */
static int words_of(const char *list, Words *out) {
  const char *p = list;
  out->n = 0;
  while (p && *p) {
    size_t k = strcspn(p, " ");
    if (k > 0) {
      if (out->n == MAXMARKS) return 0;
      out->w[out->n] = p;
      out->len[out->n++] = k;
    }
    p += k;
    if (*p == ' ') p++;
  }
  return 1;
}


static int inletters(const Letters *set, UChar32 c) {
  int i;
  for (i = 0; i < set->n; i++)
    if (set->c[i] == c) return 1;
  return 0;
}


/* Is w[0..len) one of the words (or, when ending, a proper suffix of w
   equal to one of them)? */
static int inwords(const Words *ws, const char *w, size_t len, int ending) {
  int i;
  for (i = 0; i < ws->n; i++) {
    size_t k = ws->len[i];
    if (ending ? (k < len && memcmp(w + len - k, ws->w[i], k) == 0)
               : (k == len && memcmp(w, ws->w[i], k) == 0))
      return 1;
  }
  return 0;
}


/* Script, letter and word-character properties of c, and the profiles
   that list it, through a small direct-mapped cache (two ICU look-ups per
   character were a tenth of the time). */
static inline const CharProps *charprops(GlLangId *li, UChar32 c) {
  CharProps *p = &li->props[c & (PROPCACHE - 1)];
  size_t i;
  if (p->c != c) {
    UErrorCode st = U_ZERO_ERROR;
    UScriptCode sc = uscript_getScript(c, &st);
    p->c = c;
    p->script = (int16_t)(U_SUCCESS(st) && sc >= 0 && sc < MAXSCRIPT ? sc : -1);
    p->letter = (uint8_t)(isletter(c) != 0);
    p->word = (uint8_t)(iswordchar(c) != 0);
    p->own = p->foreign = 0;
    for (i = 0; i < NPROFILES; i++) {
      if (inletters(&li->marks[i].own_letters, c)) p->own |= (uint32_t)1 << i;
      if (inletters(&li->marks[i].foreign_letters, c)) p->foreign |= (uint32_t)1 << i;
    }
  }
  return p;
}


/*
** One pass over s: count the words of the main script and, for every
** profile in race (prof[i] != NULL), the own and foreign hits.
*/
static int32_t gather(GlLangId *li, const char *s, size_t n, UScriptCode main,
                      const LangProfile *const *prof, int nrace, Evidence *ev) {
  const uint8_t *u = (const uint8_t *)s;
  const Marks *mk[MAXRACE];
  size_t i = 0, wstart = 0, len;
  int inword = 0, wmain = 0, r;
  int32_t words = 0;
  for (r = 0; r < nrace; r++) mk[r] = prof[r] ? &li->marks[prof[r] - profiles] : NULL;
  while (i <= n) {   /* i == n flushes the last word */
    UChar32 c = -1;
    const CharProps *cp = NULL;
    len = 1;
    if (i < n) c = gl_utf8_next(u, n, i, &len);   /* on bad bytes, len skips them */
    if (c >= 0) cp = charprops(li, c);
    if (cp != NULL && cp->word) {
      int sc = cp->script;
      if (!inword) { inword = 1; wstart = i; wmain = 0; }
      if (cp->letter && sc == (int)main) wmain = 1;
      for (r = 0; r < nrace; r++) {
        const LangProfile *p = prof[r];
        if (p == NULL) continue;
        uint32_t bit = (uint32_t)1 << (p - profiles);
        if ((cp->own & bit) || (p->own_script != USCRIPT_INVALID_CODE && sc == (int)p->own_script))
          ev[r].own += 1;
        if ((cp->foreign & bit) || (p->foreign_script != USCRIPT_INVALID_CODE && sc == (int)p->foreign_script))
          ev[r].foreign += 1;
      }
    }
    else {
      if (inword && wmain) {
        size_t wl = i - wstart;
        words++;
        for (r = 0; r < nrace; r++) {
          if (mk[r] == NULL) continue;
          if (inwords(&mk[r]->own_words, s + wstart, wl, 0) || inwords(&mk[r]->own_endings, s + wstart, wl, 1))
            ev[r].own += 1;
          if (inwords(&mk[r]->foreign_words, s + wstart, wl, 0))
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
** n-gram fingerprints (the textcat method of libexttextcat, whose models
** we read; our implementation)
**
** A text's sample (prepare) is cut into words at ASCII whitespace and
** digits (anything else, punctuation included, is part of a word, as in
** textcat), written as _word_word_..._word_.  Every n-gram of 1 to 5
** characters that has '_' at most at its ends is counted; the 400 most
** frequent are the text's fingerprint, ranked from 0 by count.  A model (a
** .lm file) lists its 400 n-grams by rank.  The distance from the text to a
** model sums, over the text's n-grams, |rank in text - rank in model|, or
** 400 when the model lacks it.  textcat leaves the order of equal counts
** (and which of them take the last places) to its hash table; we use the
** expected distance over those orders (fingerprint, distances).
**
** textcat merges the text's sorted fingerprint with each model's (ten
** Cyrillic models, a hundred Latin ones) and builds its tables anew per
** call; we look each of the text's n-grams up once in an inverted index
** of the group's models, and keep the text's tables across calls.
** --------------------------------------------------------------------- */

#define FNV_OFFSET 2166136261u
#define FNV_PRIME 16777619u

static uint32_t fnv(const char *s, size_t n) {
  uint32_t h = FNV_OFFSET;
  size_t i;
  for (i = 0; i < n; i++) h = (h ^ (uint8_t)s[i]) * FNV_PRIME;
  return h;
}


/* Bytes of the UTF-8 character whose lead byte is b (1 for a stray byte). */
static size_t charlen(uint8_t b) {
  return b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
}


/* The group's n-gram s[0..len) with hash h, or NULL. */
static const ModelGram *findgram(const Group *g, uint32_t h, const char *s, size_t len) {
  uint32_t i = h & g->mask, v;
  while ((v = g->slot[i]) != 0) {
    if (SLOTTAG(v, h)) {
      const ModelGram *m = &g->gram[SLOTIDX(v)];
      if (m->hash == h && m->len == len) {
        size_t j;
        for (j = 0; j < len && m->key[j] == s[j]; j++) {}
        if (j == len) return m;
      }
    }
    i = (i + 1) & g->mask;
  }
  return NULL;
}


/* (Re)build g's slot table for its ngram n-grams, at a load of at most 2/3. */
static int index_slots(Group *g, uint32_t ngram) {
  size_t slots = 1;
  uint32_t k, i;
  while (slots < (size_t)ngram + ngram / 2 + 1) slots *= 2;
  free(g->slot);
  g->slot = (uint32_t *)calloc(slots, sizeof(uint32_t));
  if (g->slot == NULL) return 0;
  g->mask = (uint32_t)(slots - 1);
  for (k = 0; k < ngram; k++) {
    uint32_t h = g->gram[k].hash;
    for (i = h & g->mask; g->slot[i] != 0; i = (i + 1) & g->mask) {}
    g->slot[i] = SLOT(h, k);
  }
  return 1;
}


static void group_free(Group *g) {
  if (g->tcand) textcat_ReleaseClassifyFullOutput(g->tc, g->tcand);
  if (g->tc) textcat_Done(g->tc);
  free(g->model);
  free(g->slot);
  free(g->gram);
  free(g->post);
  free(g->dist);
  memset(g, 0, sizeof(*g));
}


/* One n-gram occurrence while a group is read: (gram index, model, rank). */
typedef struct Occ {
  uint32_t gram;
  uint16_t model, rank;
} Occ;


/*
** Read the model file of the group's model m (local index) into the
** index: its first NGRAMS lines of at most NGRAM_MAXBYTES bytes (the
** n-gram is the line up to a space or tab), ranked 0, 1, ...  Returns 0
** and sets *status on failure.
*/
static int readmodel(GlLangId *li, Group *g, int m, Occ **occ, size_t *nocc, size_t *occcap,
                     uint32_t *ngram, size_t *gramcap, UErrorCode *status) {
  char path[1024], line[256];
  const Model *mo = &li->models[g->model[m]];
  FILE *f;
  int rank = 0;
  if ((size_t)snprintf(path, sizeof(path), "%s%s", li->prefix, mo->file) >= sizeof(path)
      || (f = fopen(path, "r")) == NULL) {
    *status = U_FILE_ACCESS_ERROR;
    return 0;
  }
  while (rank < NGRAMS && fgets(line, sizeof(line), f) != NULL) {
    size_t len = strcspn(line, " \t\r\n");
    uint32_t h, i, k;
    const ModelGram *found;
    Occ *o;
    if (len == 0 || len > NGRAM_MAXBYTES) continue;
    h = fnv(line, len);
    found = findgram(g, h, line, len);
    if (found != NULL) k = (uint32_t)(found - g->gram);
    else {   /* a new n-gram (the table keeps a load of at most 1/2) */
      ModelGram *ng;
      if (*ngram + 1 > (g->mask + 1) / 2 || *ngram + 1 > MAXINDEX) {
        *status = U_BUFFER_OVERFLOW_ERROR;
        break;
      }
      ng = (ModelGram *)gl_grow(g->gram, gramcap, *ngram + 1, sizeof(*ng));
      if (ng == NULL) { *status = U_MEMORY_ALLOCATION_ERROR; break; }
      g->gram = ng;
      k = (*ngram)++;
      ng = &g->gram[k];
      ng->hash = h;
      memcpy(ng->key, line, len);
      ng->len = (uint8_t)len;
      ng->post = 0;
      ng->npost = 0;
      for (i = h & g->mask; g->slot[i] != 0; i = (i + 1) & g->mask) {}
      g->slot[i] = SLOT(h, k);
    }
    o = (Occ *)gl_grow(*occ, occcap, *nocc + 1, sizeof(*o));
    if (o == NULL) { *status = U_MEMORY_ALLOCATION_ERROR; break; }
    *occ = o;
    o[*nocc].gram = k;
    o[*nocc].model = (uint16_t)m;
    o[*nocc].rank = (uint16_t)rank;
    (*nocc)++;
    g->gram[k].npost++;
    rank++;
  }
  if (ferror(f) && U_SUCCESS(*status)) *status = U_FILE_ACCESS_ERROR;
  fclose(f);
  return U_SUCCESS(*status);
}


/*
** The group of the models written in script, made on first use (nm == 0
** when no model writes it).  Returns NULL with *status set on failure.
*/
static Group *group_for(GlLangId *li, UScriptCode script, UErrorCode *status) {
  int i, m;
  Group *g;
  Occ *occ = NULL;
  size_t nocc = 0, occcap = 0, gramcap = 0, slots = 1;
  uint32_t ngram = 0, k, *fill = NULL;
  for (i = 0; i < li->ngroups; i++)
    if (li->groups[i].script == script) return &li->groups[i];
  if (li->ngroups == MAXGROUP) { *status = U_BUFFER_OVERFLOW_ERROR; return NULL; }
  g = &li->groups[li->ngroups];
  memset(g, 0, sizeof(*g));
  g->script = script;
  for (i = 0; i < li->nmodels; i++)
    if (writes(li->models[i].code, script)) g->nm++;
  if (g->nm == 0) return g;   /* not kept: the next new script reuses the slot */
  if (g->nm > 0xFFFF) { *status = U_BUFFER_OVERFLOW_ERROR; return NULL; }
  while (slots < (size_t)g->nm * NGRAMS * 2) slots *= 2;   /* a load of at most 1/2 */
  g->model = (int *)malloc((size_t)g->nm * sizeof(int));
  g->dist = (double *)malloc((size_t)g->nm * sizeof(double));
  g->slot = (uint32_t *)calloc(slots, sizeof(uint32_t));
  if (g->model == NULL || g->dist == NULL || g->slot == NULL) {
    *status = U_MEMORY_ALLOCATION_ERROR;
    goto fail;
  }
  g->mask = (uint32_t)(slots - 1);
  for (i = 0, m = 0; i < li->nmodels; i++)
    if (writes(li->models[i].code, script)) g->model[m++] = i;
  for (m = 0; m < g->nm; m++)
    if (!readmodel(li, g, m, &occ, &nocc, &occcap, &ngram, &gramcap, status))
      goto fail;
  if (!index_slots(g, ngram)) { *status = U_MEMORY_ALLOCATION_ERROR; goto fail; }   /* a smaller table */
  /* the postings of each n-gram together, in model order */
  g->post = (Posting *)malloc((nocc ? nocc : 1) * sizeof(Posting));
  fill = (uint32_t *)malloc((ngram ? ngram : 1) * sizeof(uint32_t));
  if (g->post == NULL || fill == NULL) { *status = U_MEMORY_ALLOCATION_ERROR; goto fail; }
  for (k = 0, i = 0; k < ngram; k++) {
    g->gram[k].post = (uint32_t)i;
    fill[k] = (uint32_t)i;
    i += g->gram[k].npost;
  }
  for (i = 0; (size_t)i < nocc; i++) {
    Posting *p = &g->post[fill[occ[i].gram]++];
    p->model = occ[i].model;
    p->rank = occ[i].rank;
  }
  free(fill);
  free(occ);
  li->ngroups++;
  return g;
fail:
  free(fill);
  free(occ);
  group_free(g);
  return NULL;
}


/* Count the n-gram buf[off .. off + len), hash h. */
static void countgram(GlLangId *li, uint32_t h, uint32_t off, uint32_t len) {
  uint32_t i = h & li->tmask, j, v;
  TextGram *t;
  while ((v = li->tslot[i]) != 0) {
    if (SLOTTAG(v, h) && (t = &li->tgram[SLOTIDX(v)])->hash == h && t->len == len) {
      const char *a = li->buf + t->off, *b = li->buf + off;
      for (j = 0; j < len && a[j] == b[j]; j++) {}
      if (j == len) { t->count++; return; }
    }
    i = (i + 1) & li->tmask;
  }
  li->tslot[i] = SLOT(h, li->ntgram);
  t = &li->tgram[li->ntgram++];
  t->hash = h;
  t->off = (uint16_t)off;
  t->len = (uint8_t)len;
  t->count = 1;
  t->slot = (uint16_t)i;
}


static int isgap(unsigned char c) {   /* textcat's isspace or isdigit, C locale */
  return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '0' && c <= '9');
}


/*
** The sample of s[0..n) as _word_..._word_ into li->buf; returns its
** length.  The sample is the whole text up to GL_LANGID_NGRAM_BYTES, else
** GL_LANGID_SLICES slices of an equal share of that, spread evenly over
** the text and cut at whitespace, so that a document that changes
** language is sampled in its every part.
*/
static size_t prepare(GlLangId *li, const char *s, size_t n) {
  const size_t slice = GL_LANGID_NGRAM_BYTES / GL_LANGID_SLICES;
  char *w = li->buf;
  size_t i, k, nslices = n <= GL_LANGID_NGRAM_BYTES ? 1 : GL_LANGID_SLICES;
  int gap = 1;
  *w++ = '_';
  for (k = 0; k < nslices; k++) {
    size_t from = 0, to = n;
    if (nslices > 1) {
      from = k * (n / nslices);
      if (k > 0)   /* from the start of a word */
        while (from < n && s[from] != ' ' && !(s[from] >= '\t' && s[from] <= '\r')) from++;
      to = from + slice < n ? from + slice : n;
      if (to < n) {   /* to the end of a word, when the slice has whitespace */
        size_t e = to;
        while (e > from && s[e] != ' ' && !(s[e] >= '\t' && s[e] <= '\r')) e--;
        if (e > from) to = e;
        else while (to > from && ((unsigned char)s[to] & 0xC0) == 0x80) to--;
      }
      if (!gap) { *w++ = '_'; gap = 1; }
    }
    for (i = from; i < to; i++) {
      unsigned char c = (unsigned char)s[i];
      if (isgap(c)) {
        if (!gap) *w++ = '_';
        gap = 1;
      }
      else {
        *w++ = (char)c;
        gap = 0;
      }
    }
  }
  if (!gap) *w++ = '_';
  return (size_t)(w - li->buf);
}


/*
** The fingerprint of s[0..n).  textcat ranks the text's n-grams by count
** and leaves the order of equal counts, and which of them fill the last
** places, to chance (its hash table's order).  We take the expectation
** over those orders instead: li->sel[0..return) are the n-grams that may
** take a place, most frequent first; li->lo/hi[j] the first and last rank
** sel[j] may take (any of them alike), li->w[j] the chance that it takes
** one: 1, but for the n-grams of the count where the NGRAMS places run out,
** which share the remaining places.  li->k is the number of places taken.
*/
static uint32_t fingerprint(GlLangId *li, const char *s, size_t n) {
  size_t blen = prepare(li, s, n), p, cl;
  uint32_t i, k, c, above = 0, maxc = 0, *hist = li->hist, *at = li->tmp;
  const uint8_t *b = (const uint8_t *)li->buf;
  double share = 1;
  li->ntgram = 0;
  for (p = 0; p < blen; p += cl) {
    uint32_t h = FNV_OFFSET;
    size_t e = p, j;
    int nch;
    cl = charlen(b[p]);
    if (p + cl > blen) cl = blen - p;
    for (nch = 1; nch <= NGRAM_CHARS && e < blen; nch++) {
      size_t l = charlen(b[e]), start = e;
      if (e + l > blen) l = blen - e;
      for (j = 0; j < l; j++) h = (h ^ b[e + j]) * FNV_PRIME;
      e += l;
      countgram(li, h, (uint32_t)p, (uint32_t)(e - p));
      if (nch > 1 && b[start] == '_') break;   /* '_' ends an n-gram */
    }
  }
  /* n-grams per count (and the table emptied for the next text); the
     cut-off count c: every n-gram above it has a place, those of count c
     share the rest */
  for (i = 0; i < li->ntgram; i++) {
    li->tslot[li->tgram[i].slot] = 0;
    if (li->tgram[i].count > maxc) maxc = li->tgram[i].count;
  }
  memset(hist, 0, (maxc + 1) * sizeof(uint32_t));
  for (i = 0; i < li->ntgram; i++) hist[li->tgram[i].count]++;
  for (c = maxc; c > 0 && above + hist[c] <= NGRAMS; c--) above += hist[c];
  if (c > 0) share = (double)(NGRAMS - above) / hist[c];
  li->k = c > 0 ? NGRAMS : li->ntgram;
  /* the n-grams of count maxc first: at[count] = the next index in sel */
  for (k = 0, i = maxc; i >= (c > 0 ? c : 1); i--) {
    at[i] = k;
    k += hist[i];
  }
  for (i = 0; i < li->ntgram; i++) {
    uint32_t x = li->tgram[i].count, j;
    if (x < c) continue;
    j = at[x]++;
    li->sel[j] = i;
  }
  /* count x has the indices at[x] - hist[x] .. at[x] - 1, and the same ranks
     (at c, as many ranks as places are left) */
  for (i = 0; i < k; i++) {
    uint32_t x = li->tgram[li->sel[i]].count;
    li->lo[i] = at[x] - hist[x];
    li->hi[i] = x == c ? NGRAMS - 1 : at[x] - 1;
    li->w[i] = x == c ? share : 1;
  }
  return k;
}


/* The mean of |x - r| over the integers x of lo..hi. */
static double meandev(int lo, int hi, int r) {
  double n = hi - lo + 1;
  if (lo == hi) return r < lo ? lo - r : r - lo;
  if (r <= lo) return (lo + hi) / 2.0 - r;
  if (r >= hi) return r - (lo + hi) / 2.0;
  return ((double)(r - lo) * (r - lo + 1) / 2 + (double)(hi - r) * (hi - r + 1) / 2) / n;
}


/* The expected distance from the fingerprint (li->sel, lo, hi, w)[0..k)
   to each model of g. */
static void distances(GlLangId *li, Group *g, uint32_t k) {
  uint32_t j, q;
  int m;
  for (m = 0; m < g->nm; m++) g->dist[m] = (double)li->k * OUTOFPLACE;
  for (j = 0; j < k; j++) {
    const TextGram *t = &li->tgram[li->sel[j]];
    const ModelGram *mg = findgram(g, t->hash, li->buf + t->off, t->len);
    int lo = (int)li->lo[j], hi = (int)li->hi[j];
    double w = li->w[j];
    if (mg == NULL) continue;
    for (q = mg->post; q < mg->post + mg->npost; q++)
      g->dist[g->post[q].model] += w * (meandev(lo, hi, g->post[q].rank) - OUTOFPLACE);
  }
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
    likelyscript(m->name, m->lang, m->code);
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


/* The text's fingerprint buffers, sized for GL_LANGID_NGRAM_BYTES. */
static int allocbuffers(GlLangId *li) {
  size_t blen = GL_LANGID_NGRAM_BYTES + 2, grams = NGRAM_CHARS * blen, slots = 1;
  while (slots < grams + grams / 4) slots *= 2;   /* a load of at most 4/5, usually < 1/3 */
  li->tmask = (uint32_t)(slots - 1);
  li->buf = (char *)malloc(blen);
  li->tslot = (uint32_t *)calloc(slots, sizeof(uint32_t));
  li->tgram = (TextGram *)malloc(grams * sizeof(TextGram));
  li->sel = (uint32_t *)malloc(grams * sizeof(uint32_t));
  li->lo = (uint32_t *)malloc(grams * sizeof(uint32_t));
  li->hi = (uint32_t *)malloc(grams * sizeof(uint32_t));
  li->w = (double *)malloc(grams * sizeof(double));
  li->tmp = (uint32_t *)malloc((blen + 1) * sizeof(uint32_t));
  li->hist = (uint32_t *)malloc((blen + 1) * sizeof(uint32_t));
  li->prose = (char *)malloc(GL_LANGID_MAXBYTES + 2);   /* a '\n' after the last line, and a NUL */
  return li->buf && li->tslot && li->tgram && li->sel && li->lo && li->hi && li->w && li->tmp && li->hist
         && li->prose;
}


GlLangId *gl_langid_open(const char *dir, UErrorCode *status) {
  GlLangId *li;
  char *conf = NULL;
  size_t dl, i;
  if (U_FAILURE(*status)) return NULL;
  if (dir == NULL || *dir == '\0') dir = GL_TEXTCAT_DIR;
  dl = strlen(dir);
  while (dl > 1 && dir[dl - 1] == '/') dl--;
  li = (GlLangId *)calloc(1, sizeof(*li));
  conf = (char *)malloc(dl + sizeof("/fpdb.conf"));
  if (li == NULL || conf == NULL || (li->prefix = (char *)malloc(dl + 2)) == NULL
      || !allocbuffers(li)) {
    *status = U_MEMORY_ALLOCATION_ERROR;
    goto fail;
  }
  memcpy(conf, dir, dl);
  strcpy(conf + dl, "/fpdb.conf");
  memcpy(li->prefix, dir, dl);
  strcpy(li->prefix + dl, "/");
  if (!readconf(li, conf, status)) goto fail;
  for (i = 0; i < PROPCACHE; i++) li->props[i].c = -1;
  li->marks = (Marks *)malloc(NPROFILES * sizeof(Marks));
  if (li->marks == NULL) { *status = U_MEMORY_ALLOCATION_ERROR; goto fail; }
  for (i = 0; i < NPROFILES; i++) {
    const LangProfile *p = &profiles[i];
    Marks *m = &li->marks[i];
    likelyscript(NULL, p->lang, li->pcode[i]);
    if (!letters_of(p->own_letters, &m->own_letters) || !letters_of(p->foreign_letters, &m->foreign_letters)
        || !words_of(p->own_words, &m->own_words) || !words_of(p->own_endings, &m->own_endings)
        || !words_of(p->foreign_words, &m->foreign_words)) {
      *status = U_BUFFER_OVERFLOW_ERROR;   /* a list longer than MAXMARKS */
      goto fail;
    }
  }
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
  for (i = 0; i < li->ngroups; i++) group_free(&li->groups[i]);
  for (i = 0; i < li->nmodels; i++) {
    free(li->models[i].file);
    free(li->models[i].name);
  }
  free(li->models);
  free(li->prefix);
  free(li->marks);
  free(li->buf);
  free(li->tslot);
  free(li->tgram);
  free(li->sel);
  free(li->lo);
  free(li->hi);
  free(li->w);
  free(li->tmp);
  free(li->hist);
  free(li->prose);
  free(li);
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


/* On equal scores (evidence saturated: Urdu at T_UNLISTED with its own
   letters, Persian first by the n-grams with its own and foreign ones), the
   runner whose orthography the text breaks less; else the earlier one (the
   n-grams' order). */
static int fewer_foreign(const Evidence *a, const Evidence *b) {
  return a->foreign < b->foreign;
}


/* Is lang one of the space-separated codes of list? */
static int inlist(const char *list, const char *lang) {
  size_t k = strlen(lang);
  const char *p = list;
  if (k == 0) return 0;
  while ((p = strstr(p, lang)) != NULL) {
    if ((p == list || p[-1] == ' ') && (p[k] == ' ' || p[k] == '\0')) return 1;
    p += k;
  }
  return 0;
}


/* Is one of the space-separated languages of kin among race[0..n)? */
static int kin_racing(const char *kin, const Runner *race, int n) {
  int i;
  for (i = 0; i < n; i++)
    if (inlist(kin, race[i].lang)) return 1;
  return 0;
}


/* A candidate of the n-gram step: a model of the group and its distance. */
typedef struct Cand {
  double dist;
  char lang[16];
} Cand;


/*
** The n-gram candidates of s[0..n) among g's models: cand[0..return),
** nearest first (equal distances in model order); when more than
** MAXCANDIDATES are within THRESHOLD of the best (ambiguous), the
** MAXCANDIDATES nearest and *ambiguous = 1.
*/
static int candidates(GlLangId *li, Group *g, const char *s, size_t n, Cand *cand, int *ambiguous) {
  uint32_t k = fingerprint(li, s, n);
  double best = 0, limit;
  int m, nc = 0, i;
  distances(li, g, k);
  for (m = 0; m < g->nm; m++)
    if (m == 0 || g->dist[m] < best) best = g->dist[m];
  limit = best * THRESHOLD;
#ifdef GL_LANGID_DEBUG
  for (m = 0; m < g->nm; m++)
    if (g->dist[m] < best * 1.10)
      fprintf(stderr, "  %s %.1f\n", li->models[g->model[m]].name, g->dist[m]);
#endif
  for (m = 0; m < g->nm; m++) {
    if (g->dist[m] != best && g->dist[m] >= limit) continue;
    if (nc == MAXCANDIDATES) {
      *ambiguous = 1;
      if (cand[nc - 1].dist <= g->dist[m]) continue;
      nc--;   /* the farthest gives way */
    }
    for (i = nc++; i > 0 && cand[i - 1].dist > g->dist[m]; i--) cand[i] = cand[i - 1];
    cand[i].dist = g->dist[m];
    strcpy(cand[i].lang, li->models[g->model[m]].lang);
  }
  return nc;
}


/*
** textcat's own handle over g's models, loaded on first use: textcat
** reads its model list from a file, so we hand it the lines of fpdb.conf
** for this script through a pipe (/dev/fd/N), writing no temporary file.
** Returns NULL with *status set.
*/
static void *textcat_for(GlLangId *li, Group *g, UErrorCode *status) {
  int i, fd[2];
  char path[32];
  FILE *w;
  if (g->tc != NULL) return g->tc;
  if (pipe(fd) != 0) { *status = U_FILE_ACCESS_ERROR; return NULL; }
  w = fdopen(fd[1], "w");
  if (w == NULL) { close(fd[0]); close(fd[1]); *status = U_FILE_ACCESS_ERROR; return NULL; }
  for (i = 0; i < g->nm; i++)   /* a conf of a few KB fits the pipe's buffer */
    fprintf(w, "%s %s\n", li->models[g->model[i]].file, li->models[g->model[i]].name);
  if (fclose(w) != 0) { close(fd[0]); *status = U_FILE_ACCESS_ERROR; return NULL; }
  snprintf(path, sizeof(path), "/dev/fd/%d", fd[0]);
  g->tc = special_textcat_Init(path, li->prefix);
  close(fd[0]);
  if (g->tc == NULL) { *status = U_FILE_ACCESS_ERROR; return NULL; }
  g->tcand = textcat_GetClassifyFullOutput(g->tc);
  if (g->tcand == NULL) {
    textcat_Done(g->tc);
    g->tc = NULL;
    *status = U_MEMORY_ALLOCATION_ERROR;
    return NULL;
  }
  return g->tc;
}


/*
** The candidates of a short text, by libexttextcat itself, as in
** candidates().  Returns their number, 0 when ambiguous, -2 when textcat
** finds the text too short, -1 with *status set on failure.
*/
static int textcat_candidates(GlLangId *li, Group *g, const char *s, size_t n, Cand *cand,
                              UErrorCode *status) {
  int nc, i;
  if (textcat_for(li, g, status) == NULL) return -1;
  nc = textcat_ClassifyFull(g->tc, s, n, g->tcand);
  if (nc == TEXTCAT_RESULT_SHORT) return -2;
  if (nc <= 0) return 0;
  if (nc > MAXCANDIDATES) nc = MAXCANDIDATES;
  for (i = 0; i < nc; i++) {
    cand[i].dist = g->tcand[i].score;
    name2lang(g->tcand[i].name, cand[i].lang, sizeof(cand[i].lang));
  }
  return nc;
}


static int guess_text(GlLangId *li, const char *s, size_t n, int32_t min_letters, const char *prefer,
                      GlLangGuess *out, UErrorCode *status) {
  const uint8_t *u = (const uint8_t *)s;
  Runner race[MAXRACE];
  const LangProfile *prof[MAXRACE];
  Evidence ev[MAXRACE];
  Cand cand[MAXCANDIDATES];
  int nrace = 0, ncand, i, best, second, profiled = 0, nc0, ambiguous = 0;
  size_t pos, len;
  int32_t letters = 0, words = 0;
  UScriptCode main = USCRIPT_INVALID_CODE;
  double lenf, margin;
  Group *g;

  /* out is zeroed and *status good (gl_langid_guess); the text was cut
     there, but its prose may hold one '\n' more */
  if (n > GL_LANGID_MAXBYTES) {       /* cut at a character boundary */
    n = GL_LANGID_MAXBYTES;
    while (n > 0 && (u[n] & 0xC0) == 0x80) n--;
  }

  /* 1. letters per script, and the main script */
  int32_t *counts = li->counts;
  memset(counts, 0, sizeof(li->counts));
  for (pos = 0; pos < n; pos += len) {
    UChar32 c;
    if (u[pos] < 0x80) {   /* ASCII: the Alphabetic ones are the Latin letters */
      len = 1;
      if ((u[pos] | 0x20) >= 'a' && (u[pos] | 0x20) <= 'z') { counts[USCRIPT_LATIN]++; letters++; }
      continue;
    }
    c = gl_utf8_next(u, n, pos, &len);
    if (c >= 0) {
      const CharProps *cp = charprops(li, c);
      if (cp->letter && cp->script >= 0) {
        counts[cp->script]++;
        letters++;
      }
    }
  }
  out->letters = letters;
  for (i = 0; i < MAXSCRIPT; i++)
    if (counts[i] > 0 && (main == USCRIPT_INVALID_CODE || counts[i] > counts[main]))
      main = (UScriptCode)i;
  /* a script that decides alone (2a) needs no statistics: half the
     letters do (a Chinese headline of 10 to 19 characters) */
  if (letters < (min_letters + 1) / 2 || main == USCRIPT_INVALID_CODE) {
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
  g = group_for(li, main, status);
  if (g == NULL) return -1;
  if (g->nm == 0) {   /* no model writes this script */
    out->why = GlLangNoCandidate;
    return 0;
  }
  {
    const char *only = li->models[g->model[0]].lang;
    for (i = 1; only != NULL && i < g->nm; i++)
      if (strcmp(only, li->models[g->model[i]].lang) != 0) only = NULL;
    for (i = 0; only != NULL && i < (int)NPROFILES; i++)   /* a profile may add a rival */
      if (strcmp(profiles[i].lang, only) != 0 && writes(li->pcode[i], main)) only = NULL;
    if (only != NULL) {
      strcpy(out->lang, only);
      out->confidence = (double)letters / (letters + LEN_SCALE);
      out->why = GlLangKnown;
      return 1;
    }
  }

  if (letters < min_letters) {
    out->why = GlLangTooShort;
    return 0;
  }

  /* 2b. n-gram distances to the models written in the main script, on
     a sample of GL_LANGID_NGRAM_BYTES of the text; below
     GL_LANGID_SHORT_BYTES by textcat itself */
  ncand = 0;
  if (n < GL_LANGID_SHORT_BYTES) {
    ncand = textcat_candidates(li, g, s, n, cand, status);
    if (ncand == -1) return -1;
    if (ncand == -2) { out->why = GlLangTooShort; return 0; }
  }
  /* a longer text, or a short one textcat calls ambiguous (more than
     MAXCANDIDATES models within 3%: a line of names and a few words).
     Of an ambiguous text the nearest five race, the profiles and
     preferences decide among them; the confidence is halved, and a guess
     below AMBIGUOUS_MIN is none.  g has a model: one candidate at least */
  if (ncand == 0) ncand = candidates(li, g, s, n, cand, &ambiguous);
  for (i = 0; i < ncand && nrace < MAXRACE; i++) {
    const char *lang = cand[i].lang;
    if (findrunner(race, nrace, lang) >= 0)
      continue;   /* a second model of the same language */
    strcpy(race[nrace].lang, lang);
    race[nrace].t = cand[i].dist > 0 ? cand[0].dist / cand[i].dist : 1;
    race[nrace].prof = NULL;
    nrace++;
  }
  /* ... plus every profiled language of the main script (of a profile
     with kin, when one of its kin is a candidate) */
  nc0 = nrace;
  for (i = 0; i < (int)NPROFILES; i++) {
    int r;
    if (!writes(li->pcode[i], main)) continue;
    if (profiles[i].kin != NULL && !kin_racing(profiles[i].kin, race, nc0)) continue;
    r = findrunner(race, nrace, profiles[i].lang);
    if (r < 0 && nrace < MAXRACE) {
      r = nrace++;
      strcpy(race[r].lang, profiles[i].lang);
      race[r].t = T_UNLISTED;
    }
    if (r >= 0) race[r].prof = &profiles[i];
  }

  /* 3. distinctive evidence (one pass over the text when a profile races) */
  for (i = 0; i < nrace; i++) {
    prof[i] = race[i].prof;
    ev[i].own = ev[i].foreign = 0;
    if (prof[i] != NULL) profiled = 1;
  }
  if (profiled) words = gather(li, s, n, main, prof, nrace, ev);
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
    if (prefer != NULL && inlist(prefer, race[i].lang)) race[i].score += W_PREFER;
#ifdef GL_LANGID_DEBUG
    fprintf(stderr, "%s t=%.4f own=%g foreign=%g words=%d score=%.4f\n", race[i].lang,
            race[i].t, ev[i].own, ev[i].foreign, (int)words, race[i].score);
#endif
    if (race[i].score > race[best].score + 1e-9
        || (race[i].score > race[best].score - 1e-9 && fewer_foreign(&ev[i], &ev[best])))
      best = i;
  }
  second = -1;
  for (i = 0; i < nrace; i++)
    if (i != best && (second < 0 || race[i].score > race[second].score)) second = i;

  strcpy(out->lang, race[best].lang);
  lenf = (double)letters / (letters + LEN_SCALE);
  margin = race[best].score - (second >= 0 ? race[second].score : T_UNLISTED);
  if (second >= 0) strcpy(out->second, race[second].lang);
  out->gap = margin;
  out->confidence = lenf * (0.5 + 0.5 * sat(margin / W_EVIDENCE)) * (ambiguous ? 0.5 : 1);
  if (ambiguous && out->confidence < AMBIGUOUS_MIN) {
    out->lang[0] = '\0';
    out->second[0] = '\0';
    out->confidence = 0;
    out->why = GlLangAmbiguous;
    return 0;
  }
  out->why = GlLangKnown;
  return 1;
}


/* ---------------------------------------------------------------------
** Prose over boilerplate
**
** A news page often comes with its site's menus, share buttons and
** copyright lines, in English whatever the article's language ("Home |
** News | Sports | ...", "Share on Facebook").  A short article with more
** letters of such lines than its own is read as English, or in a script
** that is not its own, or not at all.  So the guess is made on the
** page's prose when it has enough: the lines that end a sentence (. ! ?
** and the full stops of Arabic, Urdu, Devanagari, CJK, Ethiopic) and hold
** at least PROSE_LETTERS letters, no © and fewer than three |.  Headlines,
** menus and bylines end no sentence.  Only when the other lines hold half
** as many letters as the prose or more: a headline over its lede stays
** (more text to tell Malay from Indonesian).  A text whose prose holds
** fewer than min_letters letters is read whole.
** --------------------------------------------------------------------- */

#define PROSE_LETTERS 20

static int sentence_end(UChar32 c) {
  switch (c) {
  case '.': case '!': case '?': case 0x3002: case 0xFF01: case 0xFF1F: case 0x06D4: case 0x061F:
  case 0x0964: case 0x0965: case 0x1362: case 0xFF0E:
    return 1;
  default:
    return 0;
  }
}


/* closing quotes and brackets a sentence may end inside */
static int closer(UChar32 c) {
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 || c == 0xBB
         || c == 0x300D || c == 0x300F || c == 0xFF09;
}


/*
** Copy the prose lines of s[0..n) into li->prose; return their length and
** set *letters to their letters, *dropped to the letters of the others.
*/
static size_t prose_of(GlLangId *li, const char *s, size_t n, int32_t *letters, int32_t *dropped) {
  const uint8_t *u = (const uint8_t *)s;
  size_t a = 0, len, out = 0;
  *letters = 0;
  *dropped = 0;
  while (a < n) {
    size_t b = a, pos;
    int32_t lt = 0;
    int bars = 0, copy = 0, ends = 0;
    UChar32 last = -1;
    while (b < n && s[b] != '\n') b++;
    for (pos = a; pos < b; pos += len) {
      UChar32 c = gl_utf8_next(u, b, pos, &len);
      if (c < 0) continue;
      if (c == '|') bars++;
      else if (c == 0xA9) copy = 1;
      if (c < 0x80 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') : charprops(li, c)->letter) lt++;
      if (!(c == ' ' || c == '\t' || c == '\r' || c == 0xA0 || closer(c))) last = c;
    }
    ends = last >= 0 && sentence_end(last);
    if (ends && lt >= PROSE_LETTERS && bars < 3 && !copy) {
      memcpy(li->prose + out, s + a, b - a);
      out += b - a;
      li->prose[out++] = '\n';
      *letters += lt;
    }
    else *dropped += lt;
    a = b + 1;
  }
  li->prose[out] = '\0';   /* textcat reads on to a NUL (Lua strings end so): a longer
                               text's stale prose after it changed the guess */
  return out;
}


int gl_langid_guess(GlLangId *li, const char *s, size_t n, int32_t min_letters, const char *prefer,
                    GlLangGuess *out, UErrorCode *status) {
  const uint8_t *u = (const uint8_t *)s;
  int32_t letters, dropped;
  size_t np;
  memset(out, 0, sizeof(*out));
  if (U_FAILURE(*status)) return -1;
  if (n > GL_LANGID_MAXBYTES) {       /* cut at a character boundary */
    n = GL_LANGID_MAXBYTES;
    while (n > 0 && (u[n] & 0xC0) == 0x80) n--;
  }
  np = prose_of(li, s, n, &letters, &dropped);
  if (letters >= min_letters && dropped * 2 >= letters)
    return guess_text(li, li->prose, np, min_letters, prefer, out, status);
  return guess_text(li, s, n, min_letters, prefer, out, status);
}
