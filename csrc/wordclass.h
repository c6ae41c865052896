/*
** wordclass.h -- what a word character is: the one home of the word
** classes the matcher finds word boundaries by, of the list of scripts
** written without spaces, and of the word characters the rule vocabulary's
** boundaries use (UAX #29).  Lua-free; tables built once per process.
*/
#ifndef GLEAN_WORDCLASS_H
#define GLEAN_WORDCLASS_H

#include <stdint.h>
#include <unicode/uscript.h>

/* Scripts written without spaces between words: their words come from
   ICU's dictionary break iterator (UAX #29 with dictionaries), and a
   gazetteer alias in them may start and end inside a run of letters
   (tools/mkgazetteer.c gives such aliases the `noboundary` flag). */
#define GL_UNSPACED_SCRIPTS { USCRIPT_HAN, USCRIPT_HIRAGANA, USCRIPT_KATAKANA, USCRIPT_THAI, \
                              USCRIPT_LAO, USCRIPT_KHMER, USCRIPT_MYANMAR }

/* Character classes of folded output, for word boundaries. */
typedef enum GlWordClass {
  GlWordNone = 0,   /* not part of a word: space, punctuation, symbols */
  GlWordLetter,     /* letters, marks and digits of space-separated scripts */
  GlWordDict,       /* a script of GL_UNSPACED_SCRIPTS:
                       words come from ICU's dictionary break iterator */
  GlWordMark        /* a combining mark of no script of its own (Inherited,
                       Common): it belongs to the word of the character before */
} GlWordClass;

GlWordClass gl_word_class(int32_t c);

/* The classes of the BMP as a table of 65536 bytes (built once, shared):
   for hot loops; gl_word_class for the rest. */
const uint8_t *gl_word_class_table(void);

/*
** Word characters in the sense of UAX #29 word segmentation: ALetter,
** Hebrew_Letter, Katakana, Numeric, ExtendNumLet (gc=Pc) and the Extend /
** Format characters that stay inside words (gc=M*, ZWNJ, ZWJ), i.e. letters
** and marks and digits of every script.
*/
int gl_is_word_cp(int32_t c);

#endif
