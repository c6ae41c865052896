/*
** translit.c -- ICU transforms through a bounded LRU cache of compiled
** UTransliterators, and UTS #39 confusable skeletons.
*/
#include <stdlib.h>
#include <string.h>

#include <unicode/ustring.h>

#include "translit.h"


void gl_translit_cache_init(GlTranslitCache *c) {
  memset(c, 0, sizeof(*c));
}


static void entry_free(GlTranslitEntry *e) {
  if (e->trans) utrans_close(e->trans);
  free(e->id);
  e->trans = NULL;
  e->id = NULL;
}


void gl_translit_cache_free(GlTranslitCache *c) {
  int i;
  for (i = 0; i < GL_TRANSLIT_CACHE; i++) entry_free(&c->entries[i]);
}


/* Compile id[0..n) (UTF-8) with utrans_openU. */
static UTransliterator *compile(const char *id, size_t n, int reverse, UErrorCode *status) {
  UChar uid[GL_TRANSLIT_MAXID + 1];
  int32_t ulen = 0;
  UParseError perr;
  /* UTF-16 units never outnumber UTF-8 bytes, so uid is large enough */
  u_strFromUTF8(uid, GL_TRANSLIT_MAXID + 1, &ulen, id, (int32_t)n, status);
  if (U_FAILURE(*status)) {
    *status = U_ILLEGAL_ARGUMENT_ERROR;
    return NULL;
  }
  return utrans_openU(uid, ulen, reverse ? UTRANS_REVERSE : UTRANS_FORWARD,
                      NULL, 0, &perr, status);
}


UTransliterator *gl_translit_get(GlTranslitCache *c, const char *id, size_t n, int reverse,
                                 UErrorCode *status) {
  GlTranslitEntry *slot = NULL;
  UTransliterator *t;
  char *copy;
  int i;
  if (U_FAILURE(*status)) return NULL;
  if (n > GL_TRANSLIT_MAXID) {
    *status = U_ILLEGAL_ARGUMENT_ERROR;
    return NULL;
  }
  c->clock++;
  for (i = 0; i < GL_TRANSLIT_CACHE; i++) {
    GlTranslitEntry *e = &c->entries[i];
    if (e->trans && e->reverse == reverse && strlen(e->id) == n && memcmp(e->id, id, n) == 0) {
      e->used = c->clock;
      return e->trans;
    }
    if (slot == NULL || (slot->trans != NULL && (e->trans == NULL || e->used < slot->used)))
      slot = e;   /* an empty slot, else the least recently used */
  }
  t = compile(id, n, reverse, status);
  if (t == NULL) return NULL;
  copy = (char *)malloc(n + 1);
  if (copy == NULL) {
    utrans_close(t);
    *status = U_MEMORY_ALLOCATION_ERROR;
    return NULL;
  }
  memcpy(copy, id, n);
  copy[n] = '\0';
  entry_free(slot);
  slot->id = copy;
  slot->reverse = reverse;
  slot->trans = t;
  slot->used = c->clock;
  return t;
}


void gl_translit_apply(UTransliterator *t, UChar *text, int32_t *len, int32_t cap,
                       UErrorCode *status) {
  int32_t limit = *len;
  utrans_transUChars(t, text, len, cap, 0, &limit, status);
}


USpoofChecker *gl_spoof_open(UErrorCode *status) {
  return uspoof_open(status);
}


int32_t gl_skeleton(const USpoofChecker *sc, const char *s, int32_t n, char *dest, int32_t cap,
                    UErrorCode *status) {
  /* type 0: the skeleton of UTS #39 section 4 (ICU ignores the old
     USPOOF_SINGLE_SCRIPT_CONFUSABLE / USPOOF_ANY_CASE bits since ICU 58) */
  return uspoof_getSkeletonUTF8(sc, 0, s, n, dest, cap, status);
}
