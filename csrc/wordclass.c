/*
** wordclass.c -- word classes of folded text (the matcher's word
** boundaries) and UAX #29 word characters (the rule vocabulary's); see
** wordclass.h.
*/
#include <pthread.h>

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "wordclass.h"

#define NBMP 0x10000


static uint8_t wclass[NBMP];
static pthread_once_t wclass_once = PTHREAD_ONCE_INIT;

static GlWordClass word_class_slow(UChar32 c) {
  static const UScriptCode dict[] = GL_UNSPACED_SCRIPTS;
  uint32_t mask = U_GET_GC_MASK(c);
  size_t k;
  UErrorCode st = U_ZERO_ERROR;
  UScriptCode sc;
  if (!(mask & (U_GC_L_MASK | U_GC_M_MASK | U_GC_ND_MASK | U_GC_NL_MASK)))
    return GlWordNone;
  sc = uscript_getScript(c, &st);
  if ((mask & U_GC_M_MASK) && (sc == USCRIPT_INHERITED || sc == USCRIPT_COMMON))
    return GlWordMark;   /* e.g. U+3099 after a Latin letter: part of that word */
  for (k = 0; k < sizeof dict / sizeof dict[0]; k++)
    if (uscript_hasScript(c, dict[k])) return GlWordDict;
  return GlWordLetter;
}

static void init_wclass(void) {
  UChar32 c;
  for (c = 0; c < NBMP; c++) wclass[c] = (uint8_t)word_class_slow(c);
}

const uint8_t *gl_word_class_table(void) {
  pthread_once(&wclass_once, init_wclass);
  return wclass;
}


GlWordClass gl_word_class(int32_t c) {
  if (c < 0x80)
    return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9')
           ? GlWordLetter : GlWordNone;
  if (c < NBMP) {
    pthread_once(&wclass_once, init_wclass);
    return (GlWordClass)wclass[c];
  }
  return word_class_slow(c);
}


int gl_is_word_cp(int32_t c) {
  if (c < 0x80)  /* fast path: ASCII letters, digits, '_' (ExtendNumLet) */
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  if (c == 0x200C || c == 0x200D) return 1;  /* ZWNJ, ZWJ: WB4 keeps them inside words */
  switch (u_charType(c)) {
    case U_NON_SPACING_MARK: case U_COMBINING_SPACING_MARK: case U_ENCLOSING_MARK:
    case U_DECIMAL_DIGIT_NUMBER: case U_CONNECTOR_PUNCTUATION:
      return 1;
    default:
      return u_hasBinaryProperty(c, UCHAR_ALPHABETIC);
  }
}
