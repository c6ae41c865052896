/*
** l_json.c -- glean.core.json_encode: the JSON text of a record (glean.record)
** in one C pass.
**
**   json_encode(v)                 -> JSON text of a plain value
**   json_encode(rec, keys, arrays) -> rec's fields in the order of the list
**                                     `keys` (absent ones left out); a field
**                                     named in the set `arrays` is written
**                                     as a list even when empty
**
** The bytes are those glean.record's Lua encoder wrote through cjson:
** strings escaped as cjson escapes them (controls, '"', '\\', '/' and DEL;
** other bytes as they are), integers and integral floats below 2^53 as
** integers, other numbers as "%.14g" (cjson's precision), a table with a
** sequence part (or a field in `arrays`) as a list of its elements 1..#t,
** any other table as an object with its keys (tostring) sorted bytewise,
** anything else (functions, userdata, NaN, infinities) as null.  The
** buffer is a userdata (lg_newbuf): an error midway leaks nothing.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lgaux.h"
#include "lglean.h"

#define MAXDEPTH 200     /* nesting of tables; deeper (or a cycle) is an error */
#define SMALLKEYS 64     /* objects with at most this many string keys sort on the C stack */

static void add(lua_State *L, GlBuf *b, const char *s, size_t n) {
  if (gl_buf_add(b, s, n) != 0) luaL_error(L, "json_encode: out of memory");
}

#define ADDLIT(L, b, lit) add(L, b, lit, sizeof(lit) - 1)

/* one byte: most of a record's punctuation, without a call when it fits */
static void addc(lua_State *L, GlBuf *b, char c) {
  if (b->len < b->cap) b->p[b->len++] = c;
  else add(L, b, &c, 1);
}

static void put_string(lua_State *L, GlBuf *b, const char *s, size_t n) {
  static const char hex[] = "0123456789abcdef";
  size_t i, run = 0;
  if (gl_buf_reserve(b, n + 2) != 0) luaL_error(L, "json_encode: out of memory");
  b->p[b->len++] = '"';
  for (i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    const char *esc = NULL;
    char u[6];
    if (c >= 0x20 && c != '"' && c != '\\' && c != '/' && c != 0x7F) continue;
    switch (c) {
      case '"': esc = "\\\""; break;
      case '\\': esc = "\\\\"; break;
      case '/': esc = "\\/"; break;
      case '\b': esc = "\\b"; break;
      case '\t': esc = "\\t"; break;
      case '\n': esc = "\\n"; break;
      case '\f': esc = "\\f"; break;
      case '\r': esc = "\\r"; break;
      default:
        u[0] = '\\'; u[1] = 'u'; u[2] = '0'; u[3] = '0';
        u[4] = hex[c >> 4]; u[5] = hex[c & 15];
    }
    add(L, b, s + run, i - run);
    if (esc) add(L, b, esc, strlen(esc));
    else add(L, b, u, 6);
    run = i + 1;
  }
  add(L, b, s + run, n - run);
  addc(L, b, '"');
}

/* the decimal digits of v, as "%lld" writes them, into tmp (>= 21 bytes);
   returns the length (snprintf was a fifth of the encoder's time: every
   mention and annotation holds several integers) */
static int format_integer(char *tmp, long long v) {
  char rev[20];
  unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
  int n = 0, len = 0;
  do { rev[n++] = (char)('0' + u % 10); u /= 10; } while (u > 0);
  if (v < 0) tmp[len++] = '-';
  while (n > 0) tmp[len++] = rev[--n];
  return len;
}

static void put_number(lua_State *L, GlBuf *b, int idx) {
  char tmp[64];
  int len;
  if (lua_isinteger(L, idx)) {
    len = format_integer(tmp, (long long)lua_tointeger(L, idx));
  } else {
    lua_Number v = lua_tonumber(L, idx);
    if (isnan(v) || isinf(v)) { ADDLIT(L, b, "null"); return; }
    if (v == floor(v) && fabs(v) < 9007199254740992.0)
      len = format_integer(tmp, (long long)v);
    else
      len = snprintf(tmp, sizeof(tmp), "%.14g", (double)v);
  }
  if (len < 0 || (size_t)len >= sizeof(tmp)) luaL_error(L, "json_encode: cannot format a number");
  add(L, b, tmp, (size_t)len);
}

typedef struct Key {
  const char *s;
  size_t n;
  int slot;          /* the anchored path: index of the original key */
} Key;

static int keycmp(const void *pa, const void *pb) {
  const Key *a = (const Key *)pa, *b = (const Key *)pb;
  size_t n = a->n < b->n ? a->n : b->n;
  int c = memcmp(a->s, b->s, n);
  if (c != 0) return c;
  return (a->n > b->n) - (a->n < b->n);
}

static void put_value(lua_State *L, GlBuf *b, int idx, int as_array, int depth);

/* keys sorted bytewise: insertion sort for the few keys of a mention or an
   annotation (qsort's set-up cost more than the sorting), else qsort */
static void sort_keys(Key *k, int n) {
  int i, j;
  if (n > 16) { qsort(k, (size_t)n, sizeof(Key), keycmp); return; }
  for (i = 1; i < n; i++) {
    Key x = k[i];
    for (j = i; j > 0 && keycmp(&k[j - 1], &x) > 0; j--) k[j] = k[j - 1];
    k[j] = x;
  }
}

/* "key":value for each key, sorted; the table is at idx (absolute) */
static void put_object(lua_State *L, GlBuf *b, int idx, int depth) {
  Key small[SMALLKEYS];
  int nk = 0, all_strings = 1, i, base = lua_gettop(L);
  luaL_checkstack(L, SMALLKEYS + 4, "json_encode");
  lua_pushnil(L);
  while (lua_next(L, idx) != 0) {
    if (all_strings && lua_type(L, -2) == LUA_TSTRING && nk < SMALLKEYS) {
      /* keep the value on the stack (slot base + nk + 1) under the key; a
         string key stays alive as long as the table holds it */
      small[nk].s = lua_tolstring(L, -2, &small[nk].n);
      small[nk].slot = base + nk + 1;
      lua_insert(L, -2);
    } else {
      all_strings = 0;
      lua_pop(L, 1);
    }
    nk++;
  }
  addc(L, b, '{');
  if (all_strings) {
    sort_keys(small, nk);
    for (i = 0; i < nk; i++) {
      if (i > 0) addc(L, b, ',');
      put_string(L, b, small[i].s, small[i].n);
      addc(L, b, ':');
      put_value(L, b, small[i].slot, 0, depth + 1);
    }
    lua_settop(L, base);
  } else {
    lua_settop(L, base);
    /* keys of any type, or many: their tostring forms are anchored in a table
       (slot 2k-1: the original key, 2k: its string) */
    Key *keys = (Key *)lua_newuserdatauv(L, sizeof(Key) * (size_t)(nk > 0 ? nk : 1), 0);
    int anchor;
    lua_createtable(L, 2 * nk, 0);
    anchor = lua_gettop(L);
    nk = 0;
    lua_pushnil(L);
    while (lua_next(L, idx) != 0) {
      lua_pop(L, 1);
      lua_pushvalue(L, -1);
      lua_rawseti(L, anchor, 2 * nk + 1);
      luaL_tolstring(L, -1, NULL);
      keys[nk].s = lua_tolstring(L, -1, &keys[nk].n);
      keys[nk].slot = 2 * nk + 1;
      lua_rawseti(L, anchor, 2 * nk + 2);
      nk++;
    }
    sort_keys(keys, nk);
    for (i = 0; i < nk; i++) {
      if (i > 0) ADDLIT(L, b, ",");
      put_string(L, b, keys[i].s, keys[i].n);
      ADDLIT(L, b, ":");
      lua_rawgeti(L, anchor, keys[i].slot);
      lua_rawget(L, idx);
      put_value(L, b, lua_gettop(L), 0, depth + 1);
      lua_pop(L, 1);
    }
    lua_pop(L, 2);
  }
  addc(L, b, '}');
}

static void put_value(lua_State *L, GlBuf *b, int idx, int as_array, int depth) {
  switch (lua_type(L, idx)) {
    case LUA_TSTRING: {
      size_t n;
      const char *s = lua_tolstring(L, idx, &n);
      put_string(L, b, s, n);
      break;
    }
    case LUA_TNUMBER: put_number(L, b, idx); break;
    case LUA_TBOOLEAN:
      if (lua_toboolean(L, idx)) ADDLIT(L, b, "true"); else ADDLIT(L, b, "false");
      break;
    case LUA_TTABLE: {
      lua_Unsigned n, i;
      if (depth >= MAXDEPTH) luaL_error(L, "json_encode: tables nested deeper than %d (a cycle?)", MAXDEPTH);
      luaL_checkstack(L, 8, "json_encode");
      n = lua_rawlen(L, idx);
      if (as_array || n > 0) {
        addc(L, b, '[');
        for (i = 1; i <= n; i++) {
          if (i > 1) addc(L, b, ',');
          lua_rawgeti(L, idx, (lua_Integer)i);
          put_value(L, b, lua_gettop(L), 0, depth + 1);
          lua_pop(L, 1);
        }
        addc(L, b, ']');
      } else {
        put_object(L, b, idx, depth);
      }
      break;
    }
    default: ADDLIT(L, b, "null");
  }
}

/* json_encode(v) | json_encode(rec, keys, arrays) -> string */
static int lg_json_encode(lua_State *L) {
  GlBuf *b;
  if (lua_isnoneornil(L, 2)) {
    lua_settop(L, 1);
    b = lg_newbuf(L);
    put_value(L, b, 1, 0, 0);
  } else {
    lua_Integer i, nkeys;
    int sep = 0;
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_checktype(L, 2, LUA_TTABLE);
    luaL_checktype(L, 3, LUA_TTABLE);
    lua_settop(L, 3);
    b = lg_newbuf(L);
    nkeys = (lua_Integer)lua_rawlen(L, 2);
    ADDLIT(L, b, "{");
    for (i = 1; i <= nkeys; i++) {
      size_t kn;
      const char *k;
      if (lua_rawgeti(L, 2, i) != LUA_TSTRING) luaL_error(L, "json_encode: keys[%d] is not a string", (int)i);
      k = lua_tolstring(L, -1, &kn);
      lua_pushvalue(L, -1);
      lua_rawget(L, 1);
      if (!lua_isnil(L, -1)) {
        int as_array;
        if (sep) ADDLIT(L, b, ",");
        sep = 1;
        put_string(L, b, k, kn);
        ADDLIT(L, b, ":");
        lua_pushvalue(L, -2);
        lua_rawget(L, 3);
        as_array = lua_toboolean(L, -1);
        lua_pop(L, 1);
        put_value(L, b, lua_gettop(L), as_array, 0);
      }
      lua_pop(L, 2);
    }
    ADDLIT(L, b, "}");
  }
  lua_pushlstring(L, b->p, b->len);
  gl_buf_free(b);
  return 1;
}


static const luaL_Reg json_funcs[] = {
  {"json_encode", lg_json_encode},
  {NULL, NULL}
};

void lgopen_json(lua_State *L) {
  luaL_setfuncs(L, json_funcs, 0);
}
