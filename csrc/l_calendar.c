/*
** l_calendar.c -- binding of calendar.c: glean.core.calendar.{to,from}_gregorian,
** date_symbols, decimal_digits and the word-character predicates rules use
** from LPeg (is_word_char, word_end, word_boundary).
*/
#include <string.h>

#include <lua.h>
#include <lauxlib.h>
#include <unicode/uloc.h>

#include "calendar.h"
#include "wordclass.h"
#include "lgaux.h"
#include "lglean.h"

#define DATEFMT_T "glean.DateSymbols"


/* ======================================================================
** calendar conversion
** ====================================================================== */

static int convert(lua_State *L, int to_gregorian) {
  const char *fname = to_gregorian ? "to_gregorian" : "from_gregorian";
  const char *cal = luaL_checkstring(L, 1);
  int32_t in[3], out[3];
  UErrorCode status = U_ZERO_ERROR;
  int i, r;
  for (i = 0; i < 3; i++) {
    lua_Integer v = luaL_checkinteger(L, i + 2);
    luaL_argcheck(L, v >= INT32_MIN && v <= INT32_MAX, i + 2, "value out of range");
    in[i] = (int32_t)v;
  }
  r = gl_calendar_convert(cal, to_gregorian, in, out, &status);
  switch (r) {
    case GlCalOk: break;
    case GlCalUnknown:
      return luaL_error(L, "bad argument #1 to '%s' (unknown calendar '%s')", fname, cal);
    case GlCalBadYear: case GlCalBadMonth: case GlCalBadDay: {
      static const char *const field[] = {"", "year", "month", "day"};
      return luaL_error(L, "bad argument #%d to '%s' (%s %d out of range for calendar '%s')",
                        r + 1, fname, field[r], (int)in[r - 1],
                        to_gregorian ? cal : "gregorian");
    }
    default:
      return lg_icuerror(L, "convert the date", status);
  }
  lua_pushinteger(L, out[0]);
  lua_pushinteger(L, out[1]);
  lua_pushinteger(L, out[2]);
  return 3;
}


/* calendar.to_gregorian(cal, y, m, d) -> y, m, d (proleptic Gregorian) */
static int lg_to_gregorian(lua_State *L) { return convert(L, 1); }

/* calendar.from_gregorian(cal, y, m, d) -> y, m, d in calendar cal */
static int lg_from_gregorian(lua_State *L) { return convert(L, 0); }


/* ======================================================================
** date symbols
** ====================================================================== */

typedef struct DateSymbols {
  UDateFormat *fmt;
  GlBuf buf;
} DateSymbols;


static void datesymbols_close(DateSymbols *d) {
  if (d->fmt) udat_close(d->fmt);
  d->fmt = NULL;
  gl_buf_free(&d->buf);
}


static int datesymbols_gc(lua_State *L) {
  datesymbols_close((DateSymbols *)luaL_checkudata(L, 1, DATEFMT_T));
  return 0;
}


/* push an array of the symbols of one type; ICU's weekday arrays start
** with an empty entry at 0 (Sunday is 1), which is dropped */
static void push_symbols(lua_State *L, DateSymbols *d, UDateFormatSymbolType type) {
  UErrorCode status = U_ZERO_ERROR;
  int32_t n = udat_countSymbols(d->fmt, type), i, k = 0;
  lua_createtable(L, n, 0);
  for (i = 0; i < n; i++) {
    if (gl_date_symbol(d->fmt, type, i, &d->buf, &status) != 0)
      lg_icuerror(L, "read date symbols", status);
    if (d->buf.len == 0) continue;
    lua_pushlstring(L, d->buf.p, d->buf.len);
    lua_rawseti(L, -2, ++k);
  }
}


/* date_symbols(locale [, calendar]) -> { months = {...}, weekdays = {...}, ... } */
static int lg_date_symbols(lua_State *L) {
  static const struct { const char *name; UDateFormatSymbolType type; } kinds[] = {
    {"months", UDAT_MONTHS},                       /* format form: genitive in ru */
    {"short_months", UDAT_SHORT_MONTHS},
    {"standalone_months", UDAT_STANDALONE_MONTHS}, /* nominative in ru */
    {"standalone_short_months", UDAT_STANDALONE_SHORT_MONTHS},
    {"weekdays", UDAT_WEEKDAYS},                   /* Sunday first */
    {"short_weekdays", UDAT_SHORT_WEEKDAYS},
    {"standalone_weekdays", UDAT_STANDALONE_WEEKDAYS},
    {"ampm", UDAT_AM_PMS},
    {"eras", UDAT_ERAS},
    {NULL, UDAT_ERAS}
  };
  const char *locale = luaL_checkstring(L, 1);
  const char *cal = luaL_optstring(L, 2, NULL);
  DateSymbols *d;
  UErrorCode status = U_ZERO_ERROR;
  char id[ULOC_FULLNAME_CAPACITY];
  int i;
  if (cal) {
    for (i = 0; gl_calendar_names[i] && strcmp(gl_calendar_names[i], cal) != 0; i++) {}
    luaL_argcheck(L, gl_calendar_names[i] != NULL, 2,
                  lua_pushfstring(L, "unknown calendar '%s'", cal));
    luaL_argcheck(L, strchr(locale, '@') == NULL, 1, "locale has keywords and a calendar is given");
  }
  luaL_argcheck(L, strlen(locale) + (cal ? strlen(cal) + 10 : 0) < sizeof id, 1, "locale too long");
  strcpy(id, locale);
  if (cal) { strcat(id, "@calendar="); strcat(id, cal); }
  d = (DateSymbols *)lua_newuserdatauv(L, sizeof *d, 0);
  d->fmt = NULL;
  gl_buf_init(&d->buf);
  luaL_setmetatable(L, DATEFMT_T);
  d->fmt = gl_date_symbols_open(id, &status);
  if (U_FAILURE(status)) return lg_icuerror(L, "open date format", status);
  lua_newtable(L);
  for (i = 0; kinds[i].name; i++) {
    push_symbols(L, d, kinds[i].type);
    lua_setfield(L, -2, kinds[i].name);
  }
  lua_pushstring(L, id);
  lua_setfield(L, -2, "locale");
  datesymbols_close(d);  /* close now; __gc covers the error paths */
  return 1;
}


/* ======================================================================
** Unicode classes
** ====================================================================== */

/* decimal_digits() -> { zero code point of each gc=Nd digit set, ascending } */
static int lg_decimal_digits(lua_State *L) {
  int32_t zeros[128];
  size_t n = gl_decimal_zeros(zeros, sizeof zeros / sizeof zeros[0]), i;
  luaL_argcheck(L, n <= sizeof zeros / sizeof zeros[0], 1, "too many digit sets");
  lua_createtable(L, (int)n, 0);
  for (i = 0; i < n; i++) {
    lua_pushinteger(L, zeros[i]);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  return 1;
}


/* 1-based position argument in [1, #s + 1] -> 0-based offset */
static size_t checkpos(lua_State *L, int arg, size_t n) {
  lua_Integer i = luaL_checkinteger(L, arg);
  luaL_argcheck(L, i >= 1 && (lua_Unsigned)i <= (lua_Unsigned)n + 1, arg, "position out of bounds");
  return (size_t)i - 1;
}


/* word-ness of the character at 0-based i; *len gets its byte length */
static int word_at(const char *s, size_t n, size_t i, size_t *len) {
  int32_t c = gl_utf8_decode((const uint8_t *)s, n, i, len);
  return c >= 0 && gl_is_word_cp(c);
}


/* word-ness of the character ending just before 0-based i (0 at the start) */
static int word_before(const char *s, size_t n, size_t i) {
  size_t j = i, len;
  while (j > 0 && i - j < 4) {
    j--;
    if (((unsigned char)s[j] & 0xC0) != 0x80) break;
  }
  if (j == i) return 0;
  return word_at(s, n, j, &len) && j + len == i;
}


/* is_word_char(s, i) -> boolean, position after that character */
static int lg_is_word_char(lua_State *L) {
  size_t n, len = 0;
  const char *s = luaL_checklstring(L, 1, &n);
  size_t i = checkpos(L, 2, n);
  int w = i < n && word_at(s, n, i, &len);
  lua_pushboolean(L, w);
  lua_pushinteger(L, (lua_Integer)(i + len) + 1);
  return 2;
}


/* word_end(s, i) -> position after the run of word characters at i, or
** false when there is none (an LPeg match-time function) */
static int lg_word_end(lua_State *L) {
  size_t n, len;
  const char *s = luaL_checklstring(L, 1, &n);
  size_t i = checkpos(L, 2, n), j = i;
  while (j < n && word_at(s, n, j, &len)) j += len;
  if (j == i) lua_pushboolean(L, 0);
  else lua_pushinteger(L, (lua_Integer)j + 1);
  return 1;
}


/* word_boundary(s, i) -> true when a word starts or ends at position i
** (word-ness differs on the two sides; outside the text is not a word) */
static int lg_word_boundary(lua_State *L) {
  size_t n, len;
  const char *s = luaL_checklstring(L, 1, &n);
  size_t i = checkpos(L, 2, n);
  int after = i < n && word_at(s, n, i, &len);
  lua_pushboolean(L, after != word_before(s, n, i));
  return 1;
}


static const luaL_Reg calendar_funcs[] = {
  {"to_gregorian", lg_to_gregorian},
  {"from_gregorian", lg_from_gregorian},
  {NULL, NULL}
};

static const luaL_Reg module_funcs[] = {
  {"date_symbols", lg_date_symbols},
  {"decimal_digits", lg_decimal_digits},
  {"is_word_char", lg_is_word_char},
  {"word_end", lg_word_end},
  {"word_boundary", lg_word_boundary},
  {NULL, NULL}
};

static const luaL_Reg datesymbols_meta[] = {
  {"__gc", datesymbols_gc},
  {"__close", datesymbols_gc},
  {NULL, NULL}
};


void lgopen_calendar(lua_State *L) {
  if (luaL_newmetatable(L, DATEFMT_T))
    luaL_setfuncs(L, datesymbols_meta, 0);
  lua_pop(L, 1);
  luaL_setfuncs(L, module_funcs, 0);
  luaL_newlib(L, calendar_funcs);
  lua_createtable(L, 0, 0);
  {
    int i;
    for (i = 0; gl_calendar_names[i]; i++) {
      lua_pushstring(L, gl_calendar_names[i]);
      lua_rawseti(L, -2, i + 1);
    }
  }
  lua_setfield(L, -2, "names");
  lua_setfield(L, -2, "calendar");
}
