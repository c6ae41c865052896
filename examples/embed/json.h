/*
** json.h -- the host's JSON Lines codec between Lua values and bytes.
** Both functions raise Lua errors (call them under lua_pcall); memory they
** use belongs to Lua, so an error never leaks.
*/
#ifndef EMBED_JSON_H
#define EMBED_JSON_H

#include <stddef.h>
#include <lua.h>

#define JSON_MAXDEPTH 200   /* nesting limit of both directions */

/*
** Decode s[0..n) (one JSON value, whitespace around it allowed) and push it.
** Objects and arrays become tables, null becomes nil (an object key with
** null is absent).  Raises "invalid JSON at byte N: what" (N 1-based).
*/
void json_decode(lua_State *L, const char *s, size_t n);

/*
** Append the value at index idx as one line of JSON (no newline) to the
** buffer userdata `jsonbuf_new` pushed.  Tables with keys 1..n are arrays,
** an empty table is [], other tables are objects with their keys sorted
** (byte order) so output does not depend on table traversal.  Raises
** "cannot encode <what> at <path>" for functions, NaN, invalid UTF-8, cycles.
*/
typedef struct JsonBuf {
  char *p;
  size_t len, cap;
} JsonBuf;

JsonBuf *jsonbuf_new(lua_State *L);
void jsonbuf_add(lua_State *L, JsonBuf *b, const char *s, size_t n);
void json_encode(lua_State *L, int idx, JsonBuf *b);

#endif
