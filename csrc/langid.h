/*
** langid.h -- language identification: n-gram rank distances to the
** libexttextcat models combined with script evidence (letters counted by
** Unicode script) and distinctive letters and words of closely related
** languages.
**
** Lua-free.  A GlLangId owns, per script it has met, an index of the models
** written in it and, once a short text of that script came, a textcat
** handle over them (loaded on first use: the 160 models of all scripts
** together are a few MB, slow to load): open it once and reuse it.  A
** GlLangId is not thread-safe (textcat keeps per-handle state, and so do
** we: the text's n-gram tables are kept across calls); use one per thread,
** or serialize access.
*/
#ifndef GL_LANGID_H
#define GL_LANGID_H

#include <stddef.h>
#include <stdint.h>
#include <unicode/utypes.h>

#include "glean.h"

/* Default directory of the textcat models and their fpdb.conf (Debian). */
#define GL_TEXTCAT_DIR "/usr/share/libexttextcat"

/* Only the first GL_LANGID_MAXBYTES bytes (cut at a character boundary)
   are analysed: a few KB decide a language, and textcat is linear in size. */
#define GL_LANGID_MAXBYTES 16384

/* The n-grams are counted on a sample of at most this many bytes of that:
   the whole text up to this size, else GL_LANGID_SLICES slices of an equal
   share spread over it (cut at whitespace), so that a document whose
   language changes is sampled in every part.  The cost is linear in the
   sample; on texts of one language 2 KB in four slices decide as the first
   4 KB did (bench/langid.lua). */
#define GL_LANGID_NGRAM_BYTES 2048
#define GL_LANGID_SLICES 4

/* Texts (after the GL_LANGID_MAXBYTES cut) shorter than this are compared
   with the models by libexttextcat itself, as before our n-gram index: there
   the n-grams have counts of 1 or 2, and the order textcat leaves to chance
   among equal counts decides near-ties.  The index decides longer texts. */
#define GL_LANGID_SHORT_BYTES 1024

/* A runner-up this close to the winner's score makes a close call. */
#define GL_LANGID_CLOSE 0.025

/* Fewest letters (of any script) a text needs before we guess at all. */
#define GL_LANGID_MINLETTERS 20

typedef struct GlLangId GlLangId;

/* Why no language was returned. */
typedef enum GlLangUnknown {
  GlLangKnown = 0,      /* a language was identified */
  GlLangTooShort,       /* fewer letters than asked for, or textcat said SHORT */
  GlLangAmbiguous,      /* textcat said UNKNOWN (too many close candidates) */
  GlLangNoCandidate     /* no candidate is written in the text's main script */
} GlLangUnknown;

typedef struct GlLangGuess {
  char lang[16];        /* ISO 639-1 code where one exists ("ur"), else 639-3 ("bho") */
  double confidence;    /* in [0, 1] */
  int32_t letters;      /* letters analysed */
  GlLangUnknown why;
  char second[16];      /* the runner-up of the last step ("" when none) */
  double gap;           /* its score's distance to the winner's (>= 0; W_EVIDENCE, 0.05,
                           is what full evidence of one language weighs) */
} GlLangGuess;

/*
** Load the textcat models listed in <dir>/fpdb.conf (dir NULL means
** GL_TEXTCAT_DIR).  Returns NULL and sets *status to U_FILE_ACCESS_ERROR
** when the configuration or a model cannot be read, U_MEMORY_ALLOCATION_ERROR
** when out of memory.  Close with gl_langid_close.
*/
GlLangId *gl_langid_open(const char *dir, UErrorCode *status);

/* Free everything; NULL is allowed. */
void gl_langid_close(GlLangId *li);

/*
** Identify the language of s[0..n) (valid UTF-8; invalid bytes are skipped).
** prefer: NULL, or space-separated codes of the languages the caller knows
** most about (glean: those with a cue list); one of them racing within
** W_PREFER (2%) of an unpreferred language wins (Spanish over Asturian,
** English over Scots, Italian over Romansh on a short text).
** Fills *out and returns 1 when a language was identified, 0 otherwise
** (out->why says why).  Returns -1 on U_MEMORY_ALLOCATION_ERROR.
*/
int gl_langid_guess(GlLangId *li, const char *s, size_t n, int32_t min_letters, const char *prefer,
                    GlLangGuess *out, UErrorCode *status);

#endif
