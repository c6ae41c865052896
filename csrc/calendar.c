/*
** calendar.c -- calendar conversion over ICU ucal, localized month and
** weekday names over udat_getSymbols, and the Unicode classes (decimal
** digit sets, word characters) the rule vocabulary is built from.
*/
#include <string.h>

#include <unicode/ucal.h>
#include <unicode/uchar.h>
#include <unicode/udat.h>
#include <unicode/ustring.h>

#include "calendar.h"

/* ICU's earliest representable instant: makes the Gregorian side proleptic. */
#define GL_MIN_MILLIS (-184303902528000000.0)

const char *const gl_calendar_names[] = {
  "gregorian", "persian", "islamic", "islamic-civil", "islamic-umalqura",
  "islamic-tbla", "hebrew", "indian", "buddhist", "coptic", "ethiopic", NULL
};


/* ======================================================================
** calendar conversion
** ====================================================================== */

static UCalendar *open_calendar(const char *cal, UErrorCode *status) {
  static const UChar utc[] = {'U', 'T', 'C', 0};
  char locale[64];
  UCalendar *c;
  strcpy(locale, "@calendar=");
  strncat(locale, cal, sizeof locale - strlen(locale) - 1);
  c = ucal_open(utc, -1, locale, UCAL_DEFAULT, status);
  if (U_FAILURE(*status)) return NULL;
  ucal_setAttribute(c, UCAL_LENIENT, 0);  /* out-of-range fields fail, not roll */
  if (strcmp(cal, "gregorian") == 0)
    ucal_setGregorianChange(c, GL_MIN_MILLIS, status);
  if (U_FAILURE(*status)) { ucal_close(c); return NULL; }
  return c;
}


/*
** Set y/m/d on c strictly and return its instant; which field is wrong is
** found by adding the fields one at a time (ICU only says "illegal").
*/
static int set_date(UCalendar *c, const int32_t ymd[3], UDate *t, UErrorCode *status) {
  UErrorCode st = U_ZERO_ERROR;
  ucal_clear(c);
  ucal_set(c, UCAL_EXTENDED_YEAR, ymd[0]);
  ucal_set(c, UCAL_MONTH, 0);
  ucal_set(c, UCAL_DATE, 1);
  ucal_getMillis(c, &st);
  if (U_FAILURE(st) || ymd[0] < -5000000 || ymd[0] > 5000000) return GlCalBadYear;
  if (ymd[1] < 1 || ymd[1] > ucal_getLimit(c, UCAL_MONTH, UCAL_MAXIMUM, &st) + 1)
    return GlCalBadMonth;
  ucal_set(c, UCAL_MONTH, ymd[1] - 1);
  ucal_getMillis(c, &st);
  if (U_FAILURE(st)) return GlCalBadMonth;
  if (ymd[2] < 1 || ymd[2] > ucal_getLimit(c, UCAL_DATE, UCAL_ACTUAL_MAXIMUM, &st))
    return GlCalBadDay;
  ucal_set(c, UCAL_DATE, ymd[2]);
  *t = ucal_getMillis(c, &st);
  if (U_FAILURE(st)) return GlCalBadDay;
  (void)status;
  return GlCalOk;
}


static void get_date(UCalendar *c, UDate t, int32_t out[3], UErrorCode *status) {
  ucal_setMillis(c, t, status);
  out[0] = ucal_get(c, UCAL_EXTENDED_YEAR, status);
  out[1] = ucal_get(c, UCAL_MONTH, status) + 1;
  out[2] = ucal_get(c, UCAL_DATE, status);
}


int gl_calendar_convert(const char *cal, int to_gregorian, const int32_t ymd[3],
                        int32_t out[3], UErrorCode *status) {
  UCalendar *from = NULL, *to = NULL;
  UDate t = 0;
  int i, r;
  for (i = 0; gl_calendar_names[i] && strcmp(gl_calendar_names[i], cal) != 0; i++) {}
  if (gl_calendar_names[i] == NULL) return GlCalUnknown;
  from = open_calendar(to_gregorian ? cal : "gregorian", status);
  to = open_calendar(to_gregorian ? "gregorian" : cal, status);
  if (U_FAILURE(*status)) r = GlCalIcu;
  else if ((r = set_date(from, ymd, &t, status)) == GlCalOk) {
    get_date(to, t, out, status);
    if (U_FAILURE(*status)) r = GlCalIcu;
  }
  if (from) ucal_close(from);
  if (to) ucal_close(to);
  return r;
}


/* ======================================================================
** date symbols
** ====================================================================== */

UDateFormat *gl_date_symbols_open(const char *locale, UErrorCode *status) {
  UDateFormat *f = udat_open(UDAT_DEFAULT, UDAT_DEFAULT, locale, NULL, 0, NULL, 0, status);
  if (U_FAILURE(*status)) return NULL;
  return f;
}


int gl_date_symbol(const UDateFormat *fmt, UDateFormatSymbolType type, int32_t idx,
                   GlBuf *out, UErrorCode *status) {
  UChar u[256];
  int32_t n, m = 0;
  out->len = 0;
  n = udat_getSymbols(fmt, type, idx, u, (int32_t)(sizeof u / sizeof u[0]), status);
  if (U_FAILURE(*status)) return -1;
  if (n >= (int32_t)(sizeof u / sizeof u[0])) {  /* no symbol is this long */
    *status = U_BUFFER_OVERFLOW_ERROR;
    return -1;
  }
  if (gl_buf_reserve(out, (size_t)n * 3 + 1) != 0) {  /* UTF-8 <= 3 bytes per unit */
    *status = U_MEMORY_ALLOCATION_ERROR;
    return -1;
  }
  u_strToUTF8(out->p, (int32_t)out->cap, &m, u, n, status);
  if (U_FAILURE(*status)) return -1;
  out->len = (size_t)m;
  return 0;
}


/* ======================================================================
** Unicode classes
** ====================================================================== */

size_t gl_decimal_zeros(int32_t *out, size_t cap) {
  size_t n = 0;
  UChar32 c;
  for (c = 0; c <= 0x10FFFF; c++) {
    if (u_charType(c) == U_DECIMAL_DIGIT_NUMBER && u_charDigitValue(c) == 0) {
      if (n < cap) out[n] = c;
      n++;
      c += 9;  /* the nine other digits of the set */
    }
  }
  return n;
}


