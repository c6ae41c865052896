/*
** json.c -- JSON (RFC 8259) to Lua values and back, for the embedding
** example's JSON Lines input and output.  Strict on input (no comments,
** no trailing commas, UTF-8 checked, surrogate pairs joined); deterministic
** on output (sorted keys, %.17g floats so a double round-trips).
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>

#include <lua.h>
#include <lauxlib.h>

#include "glean.h"
#include "json.h"


/* ------------------------------------------------------------------ */
/* buffer owned by a userdata (freed by __gc if an error unwinds)      */

static int jsonbuf_gc(lua_State *L) {
  JsonBuf *b = (JsonBuf *)lua_touserdata(L, 1);
  free(b->p);
  b->p = NULL; b->len = b->cap = 0;
  return 0;
}


JsonBuf *jsonbuf_new(lua_State *L) {
  JsonBuf *b = (JsonBuf *)lua_newuserdatauv(L, sizeof(JsonBuf), 0);
  b->p = NULL; b->len = b->cap = 0;
  if (luaL_newmetatable(L, "embed.JsonBuf")) {
    lua_pushcfunction(L, jsonbuf_gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_setmetatable(L, -2);
  return b;
}


void jsonbuf_add(lua_State *L, JsonBuf *b, const char *s, size_t n) {
  if (b->cap - b->len < n) {
    size_t cap = b->cap ? b->cap : 256;
    char *p;
    while (cap - b->len < n) cap *= 2;
    p = (char *)realloc(b->p, cap);
    if (p == NULL) luaL_error(L, "not enough memory");
    b->p = p; b->cap = cap;
  }
  memcpy(b->p + b->len, s, n);
  b->len += n;
}


/* ------------------------------------------------------------------ */
/* decoding                                                            */

typedef struct Dec {
  lua_State *L;
  const char *s;
  size_t n, i;
  int depth;
} Dec;


static void dec_error(Dec *d, const char *what) {
  luaL_error(d->L, "invalid JSON at byte %I: %s", (lua_Integer)d->i + 1, what);
}


static void skip_ws(Dec *d) {
  while (d->i < d->n && (d->s[d->i] == ' ' || d->s[d->i] == '\t' ||
                         d->s[d->i] == '\n' || d->s[d->i] == '\r'))
    d->i++;
}


static int hex4(Dec *d) {
  int v = 0, k;
  if (d->n - d->i < 4) dec_error(d, "truncated \\u escape");
  for (k = 0; k < 4; k++) {
    char c = d->s[d->i + k];
    v <<= 4;
    if (c >= '0' && c <= '9') v |= c - '0';
    else if (c >= 'a' && c <= 'f') v |= c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') v |= c - 'A' + 10;
    else dec_error(d, "bad \\u escape");
  }
  d->i += 4;
  return v;
}


static void dec_string(Dec *d) {   /* at the opening quote */
  luaL_Buffer b;
  d->i++;
  luaL_buffinit(d->L, &b);
  for (;;) {
    size_t start = d->i;
    while (d->i < d->n && d->s[d->i] != '"' && d->s[d->i] != '\\' &&
           (unsigned char)d->s[d->i] >= 0x20)
      d->i++;
    if (d->i > start) {
      size_t bad = gl_utf8_check(d->s + start, d->i - start);
      if (bad != (size_t)-1) { d->i = start + bad; dec_error(d, "invalid UTF-8 in string"); }
      luaL_addlstring(&b, d->s + start, d->i - start);
    }
    if (d->i >= d->n) dec_error(d, "unterminated string");
    if (d->s[d->i] == '"') { d->i++; break; }
    if (d->s[d->i] != '\\') dec_error(d, "control character in string");
    d->i++;
    if (d->i >= d->n) dec_error(d, "unterminated string");
    switch (d->s[d->i++]) {
      case '"': luaL_addchar(&b, '"'); break;
      case '\\': luaL_addchar(&b, '\\'); break;
      case '/': luaL_addchar(&b, '/'); break;
      case 'b': luaL_addchar(&b, '\b'); break;
      case 'f': luaL_addchar(&b, '\f'); break;
      case 'n': luaL_addchar(&b, '\n'); break;
      case 'r': luaL_addchar(&b, '\r'); break;
      case 't': luaL_addchar(&b, '\t'); break;
      case 'u': {
        char u[4];
        int c = hex4(d);
        if (c >= 0xDC00 && c <= 0xDFFF) { d->i -= 6; dec_error(d, "lone low surrogate"); }
        if (c >= 0xD800 && c <= 0xDBFF) {   /* RFC 8259 section 7: a pair */
          int lo;
          if (d->n - d->i < 2 || d->s[d->i] != '\\' || d->s[d->i + 1] != 'u') {
            d->i -= 6; dec_error(d, "lone high surrogate");
          }
          d->i += 2;
          lo = hex4(d);
          if (lo < 0xDC00 || lo > 0xDFFF) { d->i -= 6; dec_error(d, "bad low surrogate"); }
          c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
        }
        luaL_addlstring(&b, u, gl_utf8_encode(c, u));
        break;
      }
      default: d->i--; dec_error(d, "bad escape");
    }
  }
  luaL_pushresult(&b);
}


static void dec_number(Dec *d) {
  size_t start = d->i;
  char tmp[64];
  if (d->s[d->i] == '-') d->i++;
  if (d->i < d->n && d->s[d->i] == '0') d->i++;
  else if (d->i < d->n && d->s[d->i] >= '1' && d->s[d->i] <= '9')
    while (d->i < d->n && d->s[d->i] >= '0' && d->s[d->i] <= '9') d->i++;
  else dec_error(d, "bad number");
  if (d->i < d->n && d->s[d->i] == '.') {
    d->i++;
    if (d->i >= d->n || d->s[d->i] < '0' || d->s[d->i] > '9') dec_error(d, "bad number");
    while (d->i < d->n && d->s[d->i] >= '0' && d->s[d->i] <= '9') d->i++;
  }
  if (d->i < d->n && (d->s[d->i] == 'e' || d->s[d->i] == 'E')) {
    d->i++;
    if (d->i < d->n && (d->s[d->i] == '+' || d->s[d->i] == '-')) d->i++;
    if (d->i >= d->n || d->s[d->i] < '0' || d->s[d->i] > '9') dec_error(d, "bad number");
    while (d->i < d->n && d->s[d->i] >= '0' && d->s[d->i] <= '9') d->i++;
  }
  if (d->i - start >= sizeof tmp) { d->i = start; dec_error(d, "number too long"); }
  memcpy(tmp, d->s + start, d->i - start);
  tmp[d->i - start] = '\0';
  /* lua_stringtonumber keeps integers that fit as integers, others as floats */
  if (lua_stringtonumber(d->L, tmp) == 0) { d->i = start; dec_error(d, "bad number"); }
}


static void dec_value(Dec *d);

static void dec_literal(Dec *d, const char *word) {
  size_t k = strlen(word);
  if (d->n - d->i < k || memcmp(d->s + d->i, word, k) != 0) dec_error(d, "unexpected character");
  d->i += k;
}


static void dec_value(Dec *d) {
  skip_ws(d);
  if (d->i >= d->n) dec_error(d, "unexpected end");
  switch (d->s[d->i]) {
    case '{': {
      if (++d->depth > JSON_MAXDEPTH) dec_error(d, "nested too deep (limit is 200)");
      luaL_checkstack(d->L, 4, "JSON nesting");
      d->i++;
      lua_newtable(d->L);
      skip_ws(d);
      if (d->i < d->n && d->s[d->i] == '}') { d->i++; d->depth--; return; }
      for (;;) {
        skip_ws(d);
        if (d->i >= d->n || d->s[d->i] != '"') dec_error(d, "object key expected");
        dec_string(d);
        skip_ws(d);
        if (d->i >= d->n || d->s[d->i] != ':') dec_error(d, "':' expected");
        d->i++;
        dec_value(d);
        lua_rawset(d->L, -3);
        skip_ws(d);
        if (d->i < d->n && d->s[d->i] == ',') { d->i++; continue; }
        if (d->i < d->n && d->s[d->i] == '}') { d->i++; break; }
        dec_error(d, "',' or '}' expected");
      }
      d->depth--;
      return;
    }
    case '[': {
      lua_Integer k = 0;
      if (++d->depth > JSON_MAXDEPTH) dec_error(d, "nested too deep (limit is 200)");
      luaL_checkstack(d->L, 4, "JSON nesting");
      d->i++;
      lua_newtable(d->L);
      skip_ws(d);
      if (d->i < d->n && d->s[d->i] == ']') { d->i++; d->depth--; return; }
      for (;;) {
        dec_value(d);
        lua_rawseti(d->L, -2, ++k);
        skip_ws(d);
        if (d->i < d->n && d->s[d->i] == ',') { d->i++; continue; }
        if (d->i < d->n && d->s[d->i] == ']') { d->i++; break; }
        dec_error(d, "',' or ']' expected");
      }
      d->depth--;
      return;
    }
    case '"': dec_string(d); return;
    case 't': dec_literal(d, "true"); lua_pushboolean(d->L, 1); return;
    case 'f': dec_literal(d, "false"); lua_pushboolean(d->L, 0); return;
    case 'n': dec_literal(d, "null"); lua_pushnil(d->L); return;
    default:
      if (d->s[d->i] == '-' || (d->s[d->i] >= '0' && d->s[d->i] <= '9')) { dec_number(d); return; }
      dec_error(d, "unexpected character");
  }
}


void json_decode(lua_State *L, const char *s, size_t n) {
  Dec d;
  d.L = L; d.s = s; d.n = n; d.i = 0; d.depth = 0;
  dec_value(&d);
  skip_ws(&d);
  if (d.i < d.n) dec_error(&d, "trailing characters after the value");
}


/* ------------------------------------------------------------------ */
/* encoding                                                            */

static void enc_string(lua_State *L, JsonBuf *b, const char *s, size_t n, const char *path) {
  static const char hexd[] = "0123456789abcdef";
  size_t i, run = 0, bad = gl_utf8_check(s, n);
  if (bad != (size_t)-1)
    luaL_error(L, "cannot encode invalid UTF-8 (byte %I) at %s", (lua_Integer)bad + 1, path);
  jsonbuf_add(L, b, "\"", 1);
  for (i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    jsonbuf_add(L, b, s + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': jsonbuf_add(L, b, "\\\"", 2); break;
      case '\\': jsonbuf_add(L, b, "\\\\", 2); break;
      case '\n': jsonbuf_add(L, b, "\\n", 2); break;
      case '\r': jsonbuf_add(L, b, "\\r", 2); break;
      case '\t': jsonbuf_add(L, b, "\\t", 2); break;
      default: {
        char u[6] = {'\\', 'u', '0', '0', hexd[c >> 4], hexd[c & 15]};
        jsonbuf_add(L, b, u, 6);
      }
    }
  }
  jsonbuf_add(L, b, s + run, n - run);
  jsonbuf_add(L, b, "\"", 1);
}


typedef struct Key { const char *s; size_t n; lua_Integer k; } Key;   /* k: its slot in names */

static int key_cmp(const void *a, const void *b) {
  const Key *x = (const Key *)a, *y = (const Key *)b;
  size_t m = x->n < y->n ? x->n : y->n;
  int c = memcmp(x->s, y->s, m);
  return c ? c : (x->n < y->n ? -1 : x->n > y->n);
}


static void enc_value(lua_State *L, int idx, JsonBuf *b, int depth, const char *path);

/* path of a child, for error messages: "$.mentions[3].id" */
static const char *child_path(lua_State *L, const char *path, const char *key, lua_Integer i) {
  return key ? lua_pushfstring(L, "%s.%s", path, key) : lua_pushfstring(L, "%s[%I]", path, i);
}


static void enc_table(lua_State *L, int idx, JsonBuf *b, int depth, const char *path) {
  lua_Integer n = (lua_Integer)lua_rawlen(L, idx), count = 0, i;
  if (depth > JSON_MAXDEPTH) luaL_error(L, "cannot encode a table nested deeper than 200 (a cycle?) at %s", path);
  luaL_checkstack(L, 6, "JSON nesting");
  lua_pushnil(L);
  while (lua_next(L, idx)) { count++; lua_pop(L, 1); }
  if (count == 0) { jsonbuf_add(L, b, "[]", 2); return; }
  if (count == n) {   /* keys are exactly 1..n */
    jsonbuf_add(L, b, "[", 1);
    for (i = 1; i <= n; i++) {
      if (i > 1) jsonbuf_add(L, b, ",", 1);
      const char *cp;
      int top;
      lua_rawgeti(L, idx, i);
      top = lua_gettop(L);
      cp = child_path(L, path, NULL, i - 1);
      enc_value(L, top, b, depth + 1, cp);
      lua_pop(L, 2);
    }
    jsonbuf_add(L, b, "]", 1);
    return;
  }
  {
    /* keys sorted: names[2k-1] is the k-th key, names[2k] its string
       form (a number key 3 reads "3"), kept alive while we sort */
    Key *keys = (Key *)lua_newuserdatauv(L, (size_t)count * sizeof(Key), 0);
    int names = lua_gettop(L) + 1;
    lua_Integer k = 0;
    lua_createtable(L, (int)(2 * count), 0);
    lua_pushnil(L);
    while (lua_next(L, idx)) {
      lua_pop(L, 1);
      if (lua_type(L, -1) != LUA_TSTRING && lua_type(L, -1) != LUA_TNUMBER)
        luaL_error(L, "cannot encode a %s key at %s", luaL_typename(L, -1), path);
      lua_pushvalue(L, -1);
      lua_rawseti(L, names, 2 * k + 1);
      lua_pushstring(L, lua_tostring(L, -1));   /* on a copy: lua_next needs the key intact */
      keys[k].s = lua_tolstring(L, -1, &keys[k].n);
      keys[k].k = k + 1;
      lua_rawseti(L, names, 2 * k + 2);
      k++;
    }
    qsort(keys, (size_t)count, sizeof(Key), key_cmp);
    jsonbuf_add(L, b, "{", 1);
    for (i = 0; i < count; i++) {
      const char *cp;
      int top;
      if (i > 0) jsonbuf_add(L, b, ",", 1);
      enc_string(L, b, keys[i].s, keys[i].n, path);
      jsonbuf_add(L, b, ":", 1);
      lua_rawgeti(L, names, 2 * keys[i].k - 1);
      lua_rawget(L, idx);
      top = lua_gettop(L);
      cp = child_path(L, path, keys[i].s, 0);
      enc_value(L, top, b, depth + 1, cp);
      lua_pop(L, 2);
    }
    jsonbuf_add(L, b, "}", 1);
    lua_pop(L, 2);   /* keys, names */
  }
}


static void enc_value(lua_State *L, int idx, JsonBuf *b, int depth, const char *path) {
  char num[64];
  switch (lua_type(L, idx)) {
    case LUA_TNIL: jsonbuf_add(L, b, "null", 4); break;
    case LUA_TBOOLEAN:
      if (lua_toboolean(L, idx)) jsonbuf_add(L, b, "true", 4);
      else jsonbuf_add(L, b, "false", 5);
      break;
    case LUA_TNUMBER:
      if (lua_isinteger(L, idx))
        snprintf(num, sizeof num, LUA_INTEGER_FMT, (LUAI_UACINT)lua_tointeger(L, idx));
      else {
        double v = (double)lua_tonumber(L, idx);
        if (!isfinite(v)) luaL_error(L, "cannot encode %f at %s", v, path);
        snprintf(num, sizeof num, "%.15g", v);   /* short when it reads back the same */
        if (strtod(num, NULL) != v) snprintf(num, sizeof num, "%.17g", v);   /* always does */
      }
      jsonbuf_add(L, b, num, strlen(num));
      break;
    case LUA_TSTRING: {
      size_t n;
      const char *s = lua_tolstring(L, idx, &n);
      enc_string(L, b, s, n, path);
      break;
    }
    case LUA_TTABLE: enc_table(L, idx, b, depth, path); break;
    default:
      luaL_error(L, "cannot encode a %s at %s", luaL_typename(L, idx), path);
  }
}


void json_encode(lua_State *L, int idx, JsonBuf *b) {
  idx = lua_absindex(L, idx);
  enc_value(L, idx, b, 0, "$");
}
