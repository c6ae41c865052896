/*
** l_matcher.c -- Lua binding of the gazetteer matcher: userdata
** "glean.Gazetteer" owning a builder (aliases added so far) and the
** compiled automaton; the Lua API around it is lua/glean/gazetteer.lua.
*/
#include <limits.h>
#include <string.h>

#include <lua.h>
#include <lauxlib.h>

#include "glean_embed.h"
#include "lgaux.h"
#include "lglean.h"
#include "matcher.h"
#include "gazfile.h"

#define GAZETTEER_T "glean.Gazetteer"

typedef struct Gazetteer {
  MatcherBuilder *b;   /* NULL for a gazetteer opened from a compiled file */
  Matcher *m;          /* NULL until compiled; dropped by add() */
  int closed;
  int borrowed;        /* m belongs to the host (lg_pushgazetteer): never freed here */
  GlScanner *scanner;  /* scratch reused across scans (per Lua state, like the userdata) */
  unsigned gen;        /* changes when m is dropped (add) or freed (close) */
} Gazetteer;


static Gazetteer *checkgaz(lua_State *L) {
  Gazetteer *g = (Gazetteer *)luaL_checkudata(L, 1, GAZETTEER_T);
  if (g->closed) luaL_error(L, "attempt to use a closed " GAZETTEER_T);
  return g;
}


/* A new, empty (closed-state) userdata; the caller fills it. */
static Gazetteer *newgaz(lua_State *L) {
  Gazetteer *g = (Gazetteer *)lua_newuserdatauv(L, sizeof(Gazetteer), 1);   /* 1: record strings */
  g->b = NULL; g->m = NULL; g->closed = 1; g->borrowed = 0; g->scanner = NULL; g->gen = 0;
  luaL_setmetatable(L, GAZETTEER_T);
  return g;
}


/* A built-in profile name or a custom profile's spec (profile:spec()). */
static const char *checkprofile(lua_State *L, int arg) {
  return luaL_optstring(L, arg, "search");
}


static void newbuilder(lua_State *L, Gazetteer *g, const char *profile) {
  UErrorCode st = U_ZERO_ERROR;
  g->b = gl_builder_new(profile, &st);
  if (g->b == NULL && st == U_ILLEGAL_ARGUMENT_ERROR)
    luaL_error(L, "unknown fold profile '%s'", profile);
  if (g->b == NULL) lg_icuerror(L, "create the gazetteer builder", st);
  g->closed = 0;
}


static int add_profile(void *ud, InflProfile *p) {
  return gl_builder_add_inflection((MatcherBuilder *)ud, p);
}


/* Load the inflection profiles of directory dir (NULL: none) into g's
   builder; 0, or -1 with the errors in err. */
static int loadinfl(Gazetteer *g, const char *dir, GlBuf *err) {
  if (dir == NULL) return 0;
  return gl_infl_load_dir(dir, add_profile, g->b, err);
}


/* _gazetteer_new([profile [, inflection_dir]]) -> gazetteer */
static int lg__gazetteer_new(lua_State *L) {
  const char *profile = checkprofile(L, 1);
  const char *dir = luaL_optstring(L, 2, NULL);
  Gazetteer *g = newgaz(L);
  GlBuf err;
  newbuilder(L, g, profile);
  gl_buf_init(&err);
  if (loadinfl(g, dir, &err) != 0) {
    lua_pushlstring(L, err.p ? err.p : "", err.len);
    gl_buf_free(&err);
    return lua_error(L);
  }
  gl_buf_free(&err);
  return 1;
}


/* Push nil, the message in err (freed); returns 2. */
static int pusherr(lua_State *L, GlBuf *err) {
  lua_pushnil(L);
  lua_pushlstring(L, err->p ? err->p : "", err->len);
  gl_buf_free(err);
  return 2;
}


/* _gazetteer_load(path [, profile [, format [, inflection_dir]]])
   -> gazetteer | nil, "file:line: what" */
static int lg__gazetteer_load(lua_State *L) {
  static const char *const formats[] = {"tsv", "csv", NULL};
  const char *path = luaL_checkstring(L, 1);
  const char *profile = checkprofile(L, 2);
  int fmt = luaL_checkoption(L, 3, "tsv", formats);
  const char *dir = luaL_optstring(L, 4, NULL);
  GlBuf data, err;
  Gazetteer *g = newgaz(L);
  int rc;
  newbuilder(L, g, profile);
  gl_buf_init(&data);
  gl_buf_init(&err);
  if (loadinfl(g, dir, &err) != 0) return pusherr(L, &err);
  if (gl_gazfile_read(path, &data, &err) != 0) { gl_buf_free(&data); return pusherr(L, &err); }
  rc = gl_gazfile_parse(g->b, data.p ? data.p : "", data.len, path, (GazFormat)fmt, &err);
  gl_buf_free(&data);
  if (rc == -2) { gl_buf_free(&err); return luaL_error(L, "not enough memory"); }
  if (rc != 0) return pusherr(L, &err);
  gl_buf_free(&err);
  return 1;
}


/* _gazetteer_open(path) -> gazetteer | nil, "path: what" */
static int lg__gazetteer_open(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  Gazetteer *g = newgaz(L);
  GlBuf err;
  gl_buf_init(&err);
  g->m = gl_gazfile_open(path, &err);
  if (g->m == NULL) return pusherr(L, &err);
  gl_buf_free(&err);
  g->closed = 0;
  return 1;
}


/* _gazetteer_is_compiled(path) -> boolean */
static int lg__gazetteer_is_compiled(lua_State *L) {
  lua_pushboolean(L, gl_gazfile_is_compiled(luaL_checkstring(L, 1)));
  return 1;
}


/* Flag names in bit order: names[k] is flag 1 << k (matcher.h GL_FLAG_*). */
static const char *const flagnames[] = GL_FLAG_NAMES;
#define NFLAGS GL_NFLAGS


/* The flags named in the comma-separated list s (of argument arg). */
static unsigned parseflags(lua_State *L, int arg, const char *s) {
  unsigned flags = 0;
  while (*s) {
    size_t n = strcspn(s, ","), k;
    const char *a = s;
    while (n && *a == ' ') { a++; n--; }
    while (n && a[n - 1] == ' ') n--;
    if (n) {
      for (k = 0; k < NFLAGS; k++)
        if (strlen(flagnames[k]) == n && memcmp(flagnames[k], a, n) == 0) break;
      if (k == NFLAGS) {
        lua_pushlstring(L, a, n);
        luaL_argerror(L, arg, lua_pushfstring(L, "unknown flag '%s'", lua_tostring(L, -1)));
      }
      flags |= 1u << k;
    }
    s += strcspn(s, ",");
    if (*s == ',') s++;
  }
  return flags;
}


/* Flags at index arg: "case,prefix", an array { "case", "prefix" }, or none. */
static unsigned checkflags(lua_State *L, int arg) {
  unsigned flags = 0;
  lua_Integer i, n;
  if (lua_type(L, arg) != LUA_TTABLE) return parseflags(L, arg, luaL_optstring(L, arg, ""));
  n = luaL_len(L, arg);
  for (i = 1; i <= n; i++) {
    lua_geti(L, arg, i);
    if (!lua_isstring(L, -1))
      luaL_argerror(L, arg, lua_pushfstring(L, "flag %I is not a string", i));
    flags |= parseflags(L, arg, lua_tostring(L, -1));
    lua_pop(L, 1);
  }
  return flags;
}


/* gz:add(alias, id, type [, attrs [, flags]]) -> gz
   attrs: table of string keys to values, strings or numbers and booleans
   (written as tostring writes them); flags: "case,prefix" or an array */
static int gazetteer_add(lua_State *L) {
  Gazetteer *g = checkgaz(L);
  size_t alen, idlen, tlen, nattrs = 0, badpos = 0;
  const char *alias = luaL_checklstring(L, 2, &alen);
  const char *id = luaL_checklstring(L, 3, &idlen);
  const char *type = luaL_checklstring(L, 4, &tlen);
  unsigned flags = checkflags(L, 6);
  const char **attrs = NULL;
  size_t *lens = NULL;
  const char *err;
  if (!lua_isnoneornil(L, 5)) luaL_checktype(L, 5, LUA_TTABLE);
  if (g->b == NULL) return luaL_error(L, "cannot add to a gazetteer opened from a compiled file");
  lg_checkutf8(L, 2, alias, alen);
  lg_checkutf8(L, 3, id, idlen);
  lg_checkutf8(L, 4, type, tlen);
  luaL_argcheck(L, idlen > 0, 3, "empty id");
  luaL_argcheck(L, tlen > 0, 4, "empty type");
  luaL_argcheck(L, strlen(id) == idlen, 3, "id contains a NUL byte");
  luaL_argcheck(L, strlen(type) == tlen, 4, "type contains a NUL byte");
  if (lua_istable(L, 5)) {
    size_t k = 0;
    int conv;
    lua_pushnil(L);
    while (lua_next(L, 5)) { nattrs++; lua_pop(L, 1); }
    /* scratch arrays as userdata: the GC frees them if a check raises */
    attrs = (const char **)lua_newuserdatauv(L, (2 * nattrs + 1) * sizeof *attrs, 0);
    lens = (size_t *)lua_newuserdatauv(L, (2 * nattrs + 1) * sizeof *lens, 0);
    lua_newtable(L);   /* conv: keeps values converted to strings alive */
    conv = lua_gettop(L);
    lua_pushnil(L);
    while (lua_next(L, 5)) {   /* stack: ..., attrs ud, lens ud, conv, key, value */
      int vt = lua_type(L, -1);
      if (lua_type(L, -2) != LUA_TSTRING)
        luaL_argerror(L, 5, "attribute names must be strings");
      if (vt == LUA_TNUMBER || vt == LUA_TBOOLEAN) {
        luaL_tolstring(L, -1, NULL);   /* 3 -> "3", true -> "true" */
        lua_replace(L, -2);
        lua_pushvalue(L, -1);
        lua_rawseti(L, conv, (lua_Integer)k + 1);
      }
      else if (vt != LUA_TSTRING)
        luaL_argerror(L, 5, lua_pushfstring(L, "attribute '%s' is not a string", lua_tostring(L, -2)));
      attrs[2 * k] = lua_tolstring(L, -2, &lens[2 * k]);     /* alive in the table or conv */
      attrs[2 * k + 1] = lua_tolstring(L, -1, &lens[2 * k + 1]);
      if (strlen(attrs[2 * k]) != lens[2 * k] || strlen(attrs[2 * k + 1]) != lens[2 * k + 1] ||
          gl_utf8_check(attrs[2 * k], lens[2 * k]) != (size_t)-1 ||
          gl_utf8_check(attrs[2 * k + 1], lens[2 * k + 1]) != (size_t)-1)
        luaL_argerror(L, 5, lua_pushfstring(L, "attribute '%s' is not valid UTF-8 text", attrs[2 * k]));
      k++;
      lua_pop(L, 1);
    }
  }
  if (gl_builder_add(g->b, alias, alen, id, idlen, type, tlen, attrs, lens, nattrs, flags,
                     &err, &badpos) != 0) {
    if (strcmp(err, "out of memory") == 0) return luaL_error(L, "not enough memory");
    if (strcmp(err, "invalid UTF-8") == 0)
      return luaL_argerror(L, 2, lua_pushfstring(L, "invalid UTF-8 at byte %I", (lua_Integer)badpos + 1));
    return luaL_argerror(L, 2, err);
  }
  if (g->m) {
    gl_matcher_free(g->m);
    g->m = NULL;
    g->gen++;
    lua_pushnil(L);
    lua_setiuservalue(L, 1, 1);   /* the record strings of the old automaton */
  }
  lua_settop(L, 1);
  return 1;
}


static Matcher *compiled(lua_State *L, Gazetteer *g) {
  if (g->m == NULL) {
    UErrorCode st = U_ZERO_ERROR;
    g->m = gl_matcher_build(g->b, &st);
    if (g->m == NULL) lg_icuerror(L, "compile the gazetteer", st);
  }
  return g->m;
}


/* gz:compile() -> gz */
static int gazetteer_compile(lua_State *L) {
  compiled(L, checkgaz(L));
  lua_settop(L, 1);
  return 1;
}


/* Set id, type, alias and attrs of alias record r in the table on top. */
static void setrecfields(lua_State *L, const Matcher *m, const MatchRec *r) {
  uint32_t a = r->attrs, k;
  lua_pushstring(L, gl_matcher_str(m, r->id));
  lua_setfield(L, -2, "id");
  lua_pushstring(L, gl_matcher_str(m, r->type));
  lua_setfield(L, -2, "type");
  lua_pushstring(L, gl_matcher_str(m, r->alias));
  lua_setfield(L, -2, "alias");
  lua_createtable(L, 0, r->nattrs);
  for (k = 0; k < r->nattrs; k++) {
    const char *key, *val;
    if (!gl_matcher_attr(m, &a, &key, &val)) break;
    lua_pushstring(L, val);
    lua_setfield(L, -2, key);
  }
  lua_setfield(L, -2, "attrs");
}


/* The field names of a match table, the methods' upvalues (pushed once,
   not looked up in the string cache for every field of every match). */
static const char *const matchkeys[] = {"start", "stop", "id", "type", "alias", "attrs", "surface",
                                        "ambiguous"};
enum { KeyStart = 1, KeyStop, KeyId, KeyType, KeyAlias, KeyAttrs, KeySurface, KeyAmbiguous,
       NKEYS = KeyAmbiguous };


/* Push string j (0 id, 1 type, 2 alias) of record rec, from the cache
   table at index cache (3 * rec + j + 1) or made once and kept there: the
   same records match again and again, and a rawgeti costs less than
   measuring, hashing and interning the string each time. */
static void pushrecstr(lua_State *L, int cache, const Matcher *m, uint32_t rec, int j) {
  lua_Integer k = 3 * (lua_Integer)rec + j + 1;
  if (lua_rawgeti(L, cache, k) == LUA_TNIL) {
    const MatchRec *r = &m->rec[rec];
    lua_pop(L, 1);
    lua_pushstring(L, gl_matcher_str(m, j == 0 ? r->id : j == 1 ? r->type : r->alias));
    lua_pushvalue(L, -1);
    lua_rawseti(L, cache, k);
  }
}


/* Push the match as a table {start, stop, id, type, alias, surface, attrs,
   ambiguous [, inflection]}; cache: see pushrecstr. */
static void pushmatch(lua_State *L, int cache, const Matcher *m, const GlMatch *x, const char *s) {
  const MatchRec *r = &m->rec[x->rec];
  uint32_t a = r->attrs, k;
  lua_createtable(L, 0, r->form != GL_NONE ? 9 : 8);
  lua_pushvalue(L, lua_upvalueindex(KeyStart));
  lua_pushinteger(L, (lua_Integer)x->start + 1);
  lua_rawset(L, -3);
  lua_pushvalue(L, lua_upvalueindex(KeyStop));
  lua_pushinteger(L, (lua_Integer)x->end);
  lua_rawset(L, -3);
  lua_pushvalue(L, lua_upvalueindex(KeyId));
  pushrecstr(L, cache, m, x->rec, 0);
  lua_rawset(L, -3);
  lua_pushvalue(L, lua_upvalueindex(KeyType));
  pushrecstr(L, cache, m, x->rec, 1);
  lua_rawset(L, -3);
  lua_pushvalue(L, lua_upvalueindex(KeyAlias));
  pushrecstr(L, cache, m, x->rec, 2);
  lua_rawset(L, -3);
  lua_pushvalue(L, lua_upvalueindex(KeyAttrs));
  lua_createtable(L, 0, r->nattrs);
  for (k = 0; k < r->nattrs; k++) {
    const char *key, *val;
    if (!gl_matcher_attr(m, &a, &key, &val)) break;
    lua_pushstring(L, val);
    lua_setfield(L, -2, key);
  }
  lua_rawset(L, -3);
  lua_pushvalue(L, lua_upvalueindex(KeySurface));
  lua_pushlstring(L, s + x->start, x->end - x->start);
  lua_rawset(L, -3);
  lua_pushvalue(L, lua_upvalueindex(KeyAmbiguous));
  lua_pushboolean(L, x->ambiguous);
  lua_rawset(L, -3);
  if (r->form != GL_NONE) {   /* an inflected form: the profile it came from */
    lua_pushstring(L, gl_matcher_str(m, r->form));
    lua_setfield(L, -2, "inflection");
  }
}


/* The matches of one scan, in a userdata that frees them when collected:
   whatever raises while they are turned into Lua values, nothing leaks. */
#define MATCHLIST_T "glean.MatchList"

static int matchlist_gc(lua_State *L) {
  gl_matchlist_free((GlMatchList *)luaL_checkudata(L, 1, MATCHLIST_T));
  return 0;
}


/* Scan text (arg 2) with opts (arg 3); pushes the userdata holding the
   matches and returns them. */
static GlMatchList *scanlist(lua_State *L, Gazetteer *g) {
  size_t n, badpos = 0;
  const char *s = luaL_checklstring(L, 2, &n);
  int overlapping = 0, rc;
  GlInvalid inv = lg_optinvalid(L, 3);
  Matcher *m;
  GlMatchList *out;
  UErrorCode st = U_ZERO_ERROR;
  const char *lang = NULL;
  if (lua_istable(L, 3)) {
    lua_getfield(L, 3, "overlapping");
    overlapping = lua_toboolean(L, -1);
    lua_pop(L, 1);
    lua_getfield(L, 3, "lang");   /* the document's language (stays referenced by opts) */
    if (!lua_isnil(L, -1)) {
      if (lua_type(L, -1) != LUA_TSTRING) luaL_argerror(L, 3, "option 'lang' must be a string");
      lang = lua_tostring(L, -1);
    }
    lua_pop(L, 1);
  }
  luaL_argcheck(L, n <= GL_MAXINPUT, 2, "text too long");
  m = compiled(L, g);
  if (g->scanner == NULL && (g->scanner = gl_scanner_new()) == NULL) luaL_error(L, "not enough memory");
  out = (GlMatchList *)lua_newuserdatauv(L, sizeof(GlMatchList), 0);
  out->m = NULL; out->n = out->cap = 0;
  luaL_setmetatable(L, MATCHLIST_T);
  gl_scanner_set_lang(g->scanner, lang);
  rc = gl_matcher_scan_with(m, g->scanner, s, n, inv, overlapping, out, &badpos, &st);
  if (rc == -1) {
    lua_pushfstring(L, "invalid UTF-8 at byte %I", (lua_Integer)badpos + 1);
    luaL_argerror(L, 2, lua_tostring(L, -1));
  }
  if (rc != 0) lg_icuerror(L, "scan the text", st);
  return out;
}


/* Scan text (arg 2) with opts (arg 3); pushes the array of matches. */
static void scan(lua_State *L, Gazetteer *g) {
  const char *s = lua_tostring(L, 2);
  GlMatchList *out = scanlist(L, g);
  const Matcher *m = g->m;
  size_t i;
  int cache;
  luaL_checkstack(L, 8, NULL);
  if (lua_getiuservalue(L, 1, 1) != LUA_TTABLE) {
    lua_pop(L, 1);
    lua_newtable(L);
    lua_pushvalue(L, -1);
    lua_setiuservalue(L, 1, 1);
  }
  cache = lua_gettop(L);
  lua_createtable(L, out->n > 0x7FFFFFF ? 0x7FFFFFF : (int)out->n, 0);
  for (i = 0; i < out->n; i++) {
    pushmatch(L, cache, m, &out->m[i], s);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  lua_replace(L, -3);   /* over the list (freed by the collector) */
  lua_pop(L, 1);        /* the cache */
}


/*
** gz:find_flat(text [, opts [, into]]) -> n, into
** The n matches flat, four values each: into[4k-3], into[4k-2], into[4k-1],
** into[4k] = start, stop, record, ambiguous of match k (record: an index for
** gz:record).  into (a new table when absent) is reused by the caller from
** document to document; values after the last match are cleared.  No table
** or string per match: the C scan's speed from Lua (docs/gazetteers.md).
*/
static int gazetteer_find_flat(lua_State *L) {
  Gazetteer *g = checkgaz(L);
  GlMatchList *out;
  size_t i;
  lua_Integer k;
  int t;
  if (!lua_isnoneornil(L, 4)) luaL_checktype(L, 4, LUA_TTABLE);
  lua_settop(L, 4);
  out = scanlist(L, g);                                      /* 5 */
  luaL_argcheck(L, out->n <= (size_t)(LUA_MAXINTEGER / 4), 2, "too many matches");
  if (lua_isnil(L, 4)) lua_createtable(L, out->n > 0x1FFFFFF ? 0x7FFFFFF : (int)out->n * 4, 0);
  else lua_pushvalue(L, 4);                                  /* 6 */
  t = lua_gettop(L);
  for (i = 0, k = 1; i < out->n; i++, k += 4) {
    const GlMatch *x = &out->m[i];
    lua_pushinteger(L, (lua_Integer)x->start + 1);
    lua_rawseti(L, t, k);
    lua_pushinteger(L, (lua_Integer)x->end);
    lua_rawseti(L, t, k + 1);
    lua_pushinteger(L, (lua_Integer)x->rec + 1);
    lua_rawseti(L, t, k + 2);
    lua_pushboolean(L, x->ambiguous);
    lua_rawseti(L, t, k + 3);
  }
  while (lua_rawgeti(L, t, k) != LUA_TNIL) {   /* the rest of an earlier, longer result */
    lua_pop(L, 1);
    lua_pushnil(L);
    lua_rawseti(L, t, k++);
  }
  lua_pop(L, 1);
  lua_pushinteger(L, (lua_Integer)out->n);
  lua_insert(L, t);
  return 2;
}


/* ---- gz:write_matches: the lines of `glean match` ------------------- */

/* Append s[0..n) escaped as `glean match --format tsv` writes a field
   (tab, newline, carriage return and backslash as \t \n \r \\). */
static int addtsv(GlBuf *b, const char *s, size_t n) {
  char *o;
  size_t i;
  if (gl_buf_reserve(b, 2 * n) != 0) return -1;
  o = b->p + b->len;
  for (i = 0; i < n; i++) {
    char c = s[i];
    switch (c) {
      case '\t': *o++ = '\\'; *o++ = 't'; break;
      case '\n': *o++ = '\\'; *o++ = 'n'; break;
      case '\r': *o++ = '\\'; *o++ = 'r'; break;
      case '\\': *o++ = '\\'; *o++ = '\\'; break;
      default: *o++ = c;
    }
  }
  b->len = (size_t)(o - b->p);
  return 0;
}


/* Append s[0..n) as a JSON string: quote, backslash, \n \r \t, other
   control bytes (0-31, 127) as \u00XX; other bytes as they are. */
static int addjson(GlBuf *b, const char *s, size_t n) {
  static const char hex[] = "0123456789abcdef";
  char *o;
  size_t i;
  if (gl_buf_reserve(b, 6 * n + 2) != 0) return -1;
  o = b->p + b->len;
  *o++ = '"';
  for (i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 32 && c != 127 && c != '"' && c != '\\') { *o++ = (char)c; continue; }
    *o++ = '\\';
    switch (c) {
      case '"': *o++ = '"'; break;
      case '\\': *o++ = '\\'; break;
      case '\n': *o++ = 'n'; break;
      case '\r': *o++ = 'r'; break;
      case '\t': *o++ = 't'; break;
      default: *o++ = 'u'; *o++ = '0'; *o++ = '0'; *o++ = hex[c >> 4]; *o++ = hex[c & 15];
    }
  }
  *o++ = '"';
  b->len = (size_t)(o - b->p);
  return 0;
}


/* Append the decimal digits of v (as Lua's tostring writes an integer). */
static int addint(GlBuf *b, size_t v) {
  char d[24];
  int k = 0;
  do { d[k++] = (char)('0' + v % 10); v /= 10; } while (v);
  if (gl_buf_reserve(b, (size_t)k) != 0) return -1;
  while (k) b->p[b->len++] = d[--k];
  return 0;
}


#define ADDLIT(b, lit) gl_buf_add((b), (lit), sizeof(lit) - 1)

/* Append the line of match x to b as `glean match` writes it (format 0:
   jsonl, 1: tsv; edoc: the document's name already escaped for it); 0 or
   -1 out of memory.  jsonl's attrs are in byte order of their names (the
   order of Lua's sort), a name given twice keeping its last value (as a
   Lua table built from the record keeps it). */
static int addline(GlBuf *b, int tsv, const Matcher *m, const GlMatch *x, const char *text,
                   const char *edoc, size_t edoclen) {
  const MatchRec *r = &m->rec[x->rec];
  const char *id = gl_matcher_str(m, r->id), *type = gl_matcher_str(m, r->type);
  const char *alias = gl_matcher_str(m, r->alias);
  int e = 0;
  if (tsv) {
    e |= gl_buf_add(b, edoc, edoclen);
    e |= ADDLIT(b, "\t");
    e |= addint(b, x->start + 1);
    e |= ADDLIT(b, "\t");
    e |= addint(b, x->end);
    e |= ADDLIT(b, "\t");
    e |= addtsv(b, id, strlen(id));
    e |= ADDLIT(b, "\t");
    e |= addtsv(b, type, strlen(type));
    e |= ADDLIT(b, "\t");
    e |= addtsv(b, alias, strlen(alias));
    e |= ADDLIT(b, "\t");
    e |= addtsv(b, text + x->start, x->end - x->start);
    e |= ADDLIT(b, "\n");
    return e;
  }
  e |= ADDLIT(b, "{\"doc\":");
  e |= gl_buf_add(b, edoc, edoclen);
  e |= ADDLIT(b, ",\"start\":");
  e |= addint(b, x->start + 1);
  e |= ADDLIT(b, ",\"stop\":");
  e |= addint(b, x->end);
  e |= ADDLIT(b, ",\"id\":");
  e |= addjson(b, id, strlen(id));
  e |= ADDLIT(b, ",\"type\":");
  e |= addjson(b, type, strlen(type));
  e |= ADDLIT(b, ",\"alias\":");
  e |= addjson(b, alias, strlen(alias));
  e |= ADDLIT(b, ",\"surface\":");
  e |= addjson(b, text + x->start, x->end - x->start);
  if (x->ambiguous) e |= ADDLIT(b, ",\"ambiguous\":true");
  if (r->nattrs) {
    const char *last = NULL;
    int first = 1;
    e |= ADDLIT(b, ",\"attrs\":{");
    for (;;) {   /* the smallest name after last: few attributes, no sort array */
      const char *best = NULL, *bestval = NULL;
      uint32_t a = r->attrs, k;
      for (k = 0; k < r->nattrs; k++) {
        const char *key, *val;
        if (!gl_matcher_attr(m, &a, &key, &val)) break;
        if ((last == NULL || strcmp(key, last) > 0) && (best == NULL || strcmp(key, best) <= 0)) {
          best = key;
          bestval = val;
        }
      }
      if (best == NULL) break;
      if (!first) e |= ADDLIT(b, ",");
      e |= addjson(b, best, strlen(best));
      e |= ADDLIT(b, ":");
      e |= addjson(b, bestval, strlen(bestval));
      first = 0;
      last = best;
    }
    e |= ADDLIT(b, "}");
  }
  e |= ADDLIT(b, "}\n");
  return e;
}


#define WRITE_CHUNK ((size_t)64 << 10)

/* Call write (at index f) with b's bytes, then empty b; raise if the call
   changed or closed the gazetteer (its records are read after it). */
static void flushlines(lua_State *L, int f, GlBuf *b, const Gazetteer *g, unsigned gen) {
  lua_pushvalue(L, f);
  lua_pushlstring(L, b->p ? b->p : "", b->len);
  b->len = 0;
  lua_call(L, 1, 0);
  if (g->closed || g->gen != gen) luaL_error(L, "the gazetteer changed while its matches were written");
}


/*
** gz:write_matches(text, opts, format, doc, write) -> number of matches
** Scan text as gz:find_all(text, opts) does and hand every match, as the
** line `glean match --format FORMAT` writes for document name doc ("jsonl"
** or "tsv"), to write(chunk), in chunks of about 64 KiB: no Lua value per
** match.  Nothing is written when the scan fails (it raises first).
*/
static int gazetteer_write_matches(lua_State *L) {
  static const char *const formats[] = {"jsonl", "tsv", NULL};
  Gazetteer *g = checkgaz(L);
  const char *text = luaL_checkstring(L, 2);
  int tsv = luaL_checkoption(L, 4, NULL, formats);
  size_t doclen, i;
  const char *doc = luaL_checklstring(L, 5, &doclen);
  GlBuf *b, *edoc;
  GlMatchList *out;
  unsigned gen = g->gen;
  luaL_checktype(L, 6, LUA_TFUNCTION);
  lua_settop(L, 6);
  b = lg_newbuf(L);                 /* 7: the lines */
  edoc = lg_newbuf(L);              /* 8: the document's name, escaped */
  if ((tsv ? addtsv(edoc, doc, doclen) : addjson(edoc, doc, doclen)) != 0)
    return luaL_error(L, "not enough memory");
  out = scanlist(L, g);             /* 9 */
  for (i = 0; i < out->n; i++) {
    if (addline(b, tsv, g->m, &out->m[i], text, edoc->p, edoc->len) != 0)
      return luaL_error(L, "not enough memory");
    if (b->len >= WRITE_CHUNK) flushlines(L, 6, b, g, gen);
  }
  if (b->len) flushlines(L, 6, b, g, gen);
  lua_pushinteger(L, (lua_Integer)out->n);
  return 1;
}


/* gz:record(k) -> {id, type, alias, attrs [, inflection]}: the alias record
   of a gz:find_flat match (valid until the next gz:add) */
static int gazetteer_record(lua_State *L) {
  Gazetteer *g = checkgaz(L);
  const Matcher *m = compiled(L, g);
  lua_Integer k = luaL_checkinteger(L, 2);
  const MatchRec *r;
  luaL_argcheck(L, k >= 1 && (uint64_t)k <= m->nrec, 2, "no such record");
  r = &m->rec[k - 1];
  lua_createtable(L, 0, 5);
  setrecfields(L, m, r);
  if (r->form != GL_NONE) {
    lua_pushstring(L, gl_matcher_str(m, r->form));
    lua_setfield(L, -2, "inflection");
  }
  return 1;
}


/* gz:find_all(text [, opts]) -> array of matches */
static int gazetteer_find_all(lua_State *L) {
  Gazetteer *g = checkgaz(L);
  scan(L, g);
  return 1;
}


static int gmatch_aux(lua_State *L) {
  lua_Integer i = lua_tointeger(L, lua_upvalueindex(2)) + 1;
  lua_pushinteger(L, i);
  lua_replace(L, lua_upvalueindex(2));
  lua_rawgeti(L, lua_upvalueindex(1), i);
  return 1;
}


/* gz:gmatch(text [, opts]) -> iterator of matches */
static int gazetteer_gmatch(lua_State *L) {
  Gazetteer *g = checkgaz(L);
  scan(L, g);
  lua_pushinteger(L, 0);
  lua_pushcclosure(L, gmatch_aux, 2);
  return 1;
}


/* gz:aliases() -> array of {alias, id, type, flags, attrs}, one per alias
   the gazetteer holds (in the compiled order; not their inflected forms);
   flags: "case,prefix" or "" */
static int gazetteer_aliases(lua_State *L) {
  Gazetteer *g = checkgaz(L);
  const Matcher *m = g->b ? compiled(L, g) : g->m;
  uint32_t i, j = 0;
  unsigned k;
  lua_createtable(L, m->nrec <= INT_MAX ? (int)m->nrec : 0, 0);
  for (i = 0; i < m->nrec; i++) {
    const MatchRec *r = &m->rec[i];
    luaL_Buffer b;
    int sep = 0;
    if (r->flags & (GL_REC_FORM | GL_REC_LL)) continue;   /* not aliases of their own */
    lua_createtable(L, 0, 5);
    setrecfields(L, m, r);
    luaL_buffinit(L, &b);
    for (k = 0; k < NFLAGS; k++) {
      if (!(r->flags & (1u << k))) continue;
      if (sep) luaL_addchar(&b, ',');
      luaL_addstring(&b, flagnames[k]);
      sep = 1;
    }
    luaL_pushresult(&b);
    lua_setfield(L, -2, "flags");
    lua_rawseti(L, -2, (lua_Integer)++j);
  }
  return 1;
}


/* gz:type_conflict_rows() -> array of {id, type}, in the order of
   gz:aliases(), holding only the aliases whose id has aliases of more than
   one type: what glean.gazetteer.type_conflicts needs, without a table per
   alias (0.4 s for the 196k aliases of the default).  Ids are compared by
   their bytes (a hash table over the id strings), never by pool offset. */
static uint64_t strhash(const char *s) {
  uint64_t h = 0xCBF29CE484222325u;
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 0x100000001B3u;
  return h ^ (h >> 29);
}

typedef struct IdSlot { const char *id, *type; int multi; } IdSlot;

static IdSlot *idslot(IdSlot *tab, size_t mask, const char *id) {
  size_t i = (size_t)strhash(id) & mask;
  while (tab[i].id != NULL && strcmp(tab[i].id, id) != 0) i = (i + 1) & mask;
  return &tab[i];
}

static int gazetteer_type_conflict_rows(lua_State *L) {
  Gazetteer *g = checkgaz(L);
  const Matcher *m = g->b ? compiled(L, g) : g->m;
  size_t cap = 16, mask;
  uint32_t i;
  lua_Integer j = 0;
  IdSlot *tab;
  while (cap < 2 * (size_t)m->nrec + 2) cap *= 2;
  mask = cap - 1;
  tab = (IdSlot *)lua_newuserdatauv(L, cap * sizeof(IdSlot), 0);   /* freed by the GC, also on errors */
  memset(tab, 0, cap * sizeof(IdSlot));
  for (i = 0; i < m->nrec; i++) {
    const MatchRec *r = &m->rec[i];
    const char *id = gl_matcher_str(m, r->id), *type = gl_matcher_str(m, r->type);
    IdSlot *e;
    if (r->flags & (GL_REC_FORM | GL_REC_LL)) continue;   /* as gz:aliases() */
    e = idslot(tab, mask, id);
    if (e->id == NULL) { e->id = id; e->type = type; }
    else if (!e->multi && strcmp(e->type, type) != 0) e->multi = 1;
  }
  lua_newtable(L);
  for (i = 0; i < m->nrec; i++) {
    const MatchRec *r = &m->rec[i];
    if (r->flags & (GL_REC_FORM | GL_REC_LL)) continue;
    if (!idslot(tab, mask, gl_matcher_str(m, r->id))->multi) continue;
    lua_createtable(L, 0, 2);
    lua_pushstring(L, gl_matcher_str(m, r->id));
    lua_setfield(L, -2, "id");
    lua_pushstring(L, gl_matcher_str(m, r->type));
    lua_setfield(L, -2, "type");
    lua_rawseti(L, -2, ++j);
  }
  return 1;
}


/* gz:count() -> number of aliases, of entities, of inflected forms (after compiling) */
static int gazetteer_count(lua_State *L) {
  Gazetteer *g = checkgaz(L);
  Matcher *m = g->b ? compiled(L, g) : g->m;
  uint32_t forms;
  lua_pushinteger(L, (lua_Integer)gl_matcher_count(m, &forms));
  lua_pushinteger(L, (lua_Integer)m->nentities);
  lua_pushinteger(L, (lua_Integer)forms);
  return 3;
}


/* gz:profile() -> name of the fold profile */
static int gazetteer_profile(lua_State *L) {
  Gazetteer *g = checkgaz(L);
  lua_pushstring(L, g->m ? g->m->profile : gl_builder_profile(g->b));
  if (g->m) { lua_pushlstring(L, g->m->spec, g->m->speclen); return 2; }
  return 1;
}


/* gz:save(path) -> true | nil, "path: what" */
static int gazetteer_save(lua_State *L) {
  Gazetteer *g = checkgaz(L);
  const char *path = luaL_checkstring(L, 2);
  GlBuf err;
  gl_buf_init(&err);
  if (gl_gazfile_save(compiled(L, g), path, &err) != 0) return pusherr(L, &err);
  lua_pushboolean(L, 1);
  return 1;
}


/* __gc, __close and gz:close() */
static int gazetteer_gc(lua_State *L) {
  Gazetteer *g = (Gazetteer *)luaL_checkudata(L, 1, GAZETTEER_T);
  if (!g->borrowed) gl_matcher_free(g->m);
  gl_builder_free(g->b);
  gl_scanner_free(g->scanner);
  g->m = NULL; g->b = NULL; g->scanner = NULL;
  g->closed = 1;
  g->gen++;
  return 0;
}


static int gazetteer_tostring(lua_State *L) {
  Gazetteer *g = (Gazetteer *)luaL_checkudata(L, 1, GAZETTEER_T);
  if (g->closed) lua_pushliteral(L, GAZETTEER_T " (closed)");
  else if (g->m)
    lua_pushfstring(L, GAZETTEER_T " (%I aliases, %I entities)", (lua_Integer)gl_matcher_count(g->m, NULL),
                    (lua_Integer)g->m->nentities);
  else
    lua_pushfstring(L, GAZETTEER_T " (%I aliases, not compiled)", (lua_Integer)gl_builder_count(g->b));
  return 1;
}


static const luaL_Reg gaz_funcs[] = {
  {"_gazetteer_new", lg__gazetteer_new},
  {"_gazetteer_load", lg__gazetteer_load},
  {"_gazetteer_open", lg__gazetteer_open},
  {"_gazetteer_is_compiled", lg__gazetteer_is_compiled},
  {NULL, NULL}
};

static const luaL_Reg gaz_methods[] = {
  {"add", gazetteer_add},
  {"compile", gazetteer_compile},
  {"find_all", gazetteer_find_all},
  {"gmatch", gazetteer_gmatch},
  {"find_flat", gazetteer_find_flat},
  {"record", gazetteer_record},
  {"write_matches", gazetteer_write_matches},
  {"count", gazetteer_count},
  {"aliases", gazetteer_aliases},
  {"type_conflict_rows", gazetteer_type_conflict_rows},
  {"profile", gazetteer_profile},
  {"save", gazetteer_save},
  {"close", gazetteer_gc},
  {NULL, NULL}
};

static const luaL_Reg gaz_meta[] = {
  {"__index", NULL},   /* placeholder */
  {"__gc", gazetteer_gc},
  {"__close", gazetteer_gc},
  {"__tostring", gazetteer_tostring},
  {NULL, NULL}
};


/*
** For C hosts (csrc/glean_embed.h): push a glean.Gazetteer that borrows the
** compiled matcher m (from gl_gazfile_open or gl_matcher_build).  The
** userdata never frees m, so one Matcher can back a gazetteer in several
** Lua states, one per thread; the host frees it after closing them all.
** Needs the metatable, i.e. glean.core already opened in L.
*/
void lg_pushgazetteer(lua_State *L, Matcher *m) {
  Gazetteer *g = newgaz(L);
  g->m = m;
  g->borrowed = 1;
  g->closed = 0;
}


void lgopen_matcher(lua_State *L) {   /* stack: module */
  luaL_newmetatable(L, MATCHLIST_T);
  lua_pushcfunction(L, matchlist_gc);
  lua_setfield(L, -2, "__gc");
  lua_pop(L, 1);
  luaL_newmetatable(L, GAZETTEER_T);   /* module, mt */
  luaL_setfuncs(L, gaz_meta, 0);
  luaL_checkversion(L);
  lua_createtable(L, 0, (int)(sizeof gaz_methods / sizeof gaz_methods[0]) - 1);   /* module, mt, methods */
  {
    int k;
    for (k = 0; k < NKEYS; k++) lua_pushstring(L, matchkeys[k]);
    luaL_setfuncs(L, gaz_methods, NKEYS);   /* every method shares the key upvalues */
  }
  lua_setfield(L, -2, "__index");      /* mt.__index = methods */
  lua_pop(L, 1);                       /* module */
  luaL_setfuncs(L, gaz_funcs, 0);
}
