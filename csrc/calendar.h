/*
** calendar.h -- calendar conversion, localized date symbols and the
** Unicode character classes the rule vocabulary (lua/glean/rules_vocab.lua)
** is built from.  Lua-free: the binding is l_calendar.c.
*/
#ifndef GL_CALENDAR_H
#define GL_CALENDAR_H

#include <unicode/utypes.h>
#include <unicode/udat.h>

#include "glean.h"

/* Results of gl_calendar_convert besides 0 (ok). */
typedef enum GlCalResult {
  GlCalOk = 0,
  GlCalBadYear = 1,       /* year outside what ICU's calendar handles */
  GlCalBadMonth = 2,      /* month outside 1..months in that year */
  GlCalBadDay = 3,        /* day outside 1..days in that month */
  GlCalUnknown = -1,      /* calendar name not in gl_calendar_names */
  GlCalIcu = -2           /* ICU failure; see *status */
} GlCalResult;

/* NULL-terminated list of the calendar names accepted below. */
extern const char *const gl_calendar_names[];

/*
** Convert the date ymd[] (year, 1-based month, day) of calendar cal into
** out[] of the other side: to_gregorian != 0 converts cal -> proleptic
** Gregorian, else Gregorian -> cal.  Months are ICU's ordinal months plus
** one (Hebrew: Tishri = 1, Adar I = 6 exists only in leap years).  Fields
** are checked strictly (no lenient roll-over).  Returns a GlCalResult.
*/
int gl_calendar_convert(const char *cal, int to_gregorian, const int32_t ymd[3],
                        int32_t out[3], UErrorCode *status);

/* Date-format symbols of one locale: open, read, close (never leaks). */
UDateFormat *gl_date_symbols_open(const char *locale, UErrorCode *status);

/*
** Symbol idx of the given type as UTF-8 appended to out (out->len reset
** first).  Returns 0, or -1 with *status set (U_MEMORY_ALLOCATION_ERROR when
** out cannot grow).
*/
int gl_date_symbol(const UDateFormat *fmt, UDateFormatSymbolType type, int32_t idx,
                   GlBuf *out, UErrorCode *status);

/*
** Zero code points of every decimal digit set (gc=Nd with digit value 0),
** ascending, stored in out[0..cap); returns how many there are in total.
*/
size_t gl_decimal_zeros(int32_t *out, size_t cap);


#endif
