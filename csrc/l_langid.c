/*
** l_langid.c -- Lua binding of langid.c: glean.language.
**
** The textcat models take long to load, so each Lua state opens them once,
** on first use, into a "glean.LangId" userdata kept in the registry
** (lg_stateobject); its __gc closes them.  A Lua state is single-threaded,
** so the handle (not thread-safe: textcat and GlLangId keep per-call state)
** is never used by two threads at once; separate states (e.g. one per
** thread) get separate handles.
*/
#include <stdlib.h>

#include <lua.h>
#include <lauxlib.h>

#include "langid.h"
#include "lgaux.h"
#include "lglean.h"

#define LANGID_T "glean.LangId"

typedef struct LangIdBox {
  GlLangId *li;
} LangIdBox;


static int langid_gc(lua_State *L) {
  LangIdBox *box = (LangIdBox *)luaL_checkudata(L, 1, LANGID_T);
  gl_langid_close(box->li);
  box->li = NULL;
  return 0;
}


static void initlangid(void *p) {
  ((LangIdBox *)p)->li = NULL;            /* closed until the models load */
}


static const char LANGID_KEY = 0;   /* its address: the registry key of the state's box */


/*
** Push nothing; return the state's GlLangId, opening it on first use.
** On failure push nil, message, ICU code name and return NULL.
*/
static GlLangId *getlangid(lua_State *L) {
  LangIdBox *box = (LangIdBox *)lg_stateobject(L, &LANGID_KEY, LANGID_T, sizeof(LangIdBox),
                                               initlangid, langid_gc);
  UErrorCode status = U_ZERO_ERROR;
  const char *dir = getenv("GLEAN_TEXTCAT_DIR");
  if (box->li) return box->li;
  box->li = gl_langid_open(dir, &status);  /* a failure is retried next call */
  if (box->li == NULL) {
    luaL_pushfail(L);
    lua_pushfstring(L, "cannot load language models from '%s' (%s)",
                    dir && *dir ? dir : GL_TEXTCAT_DIR, u_errorName(status));
    lua_pushstring(L, u_errorName(status));
  }
  return box->li;
}


/* language(s [, opts]) -> lang, confidence [, close] | nil, "unknown" | nil, msg, code
   close: the runner-up when it came within half of what full evidence of a
   language weighs (a close call: es with ca, nb with da);
   opts.min_letters: fewest letters to guess from (default 20);
   opts.prefer: space-separated codes of preferred languages (langid.h) */
static int lg_language(lua_State *L) {
  size_t n;
  const char *s = luaL_checklstring(L, 1, &n);
  lua_Integer min_letters = GL_LANGID_MINLETTERS;
  const char *prefer = NULL;
  GlLangId *li;
  GlLangGuess g;
  UErrorCode status = U_ZERO_ERROR;
  if (!lua_isnoneornil(L, 2)) {
    luaL_checktype(L, 2, LUA_TTABLE);
    if (lua_getfield(L, 2, "min_letters") != LUA_TNIL) {
      int isnum;
      min_letters = lua_tointegerx(L, -1, &isnum);
      luaL_argcheck(L, isnum && min_letters >= 1 && min_letters <= 0x7FFFFFFF, 2,
                    "'min_letters' must be a positive integer");
    }
    lua_pop(L, 1);
    if (lua_getfield(L, 2, "prefer") != LUA_TNIL) {   /* left on the stack: it lives until we return */
      luaL_argcheck(L, lua_type(L, -1) == LUA_TSTRING, 2, "'prefer' must be a string of language codes");
      prefer = lua_tostring(L, -1);
    }
  }
  lg_checkutf8(L, 1, s, n);
  li = getlangid(L);
  if (li == NULL) return 3;
  if (gl_langid_guess(li, s, n, (int32_t)min_letters, prefer, &g, &status) < 0)
    return lg_icuerror(L, "identify language", status);
  if (g.why != GlLangKnown) {
    luaL_pushfail(L);
    lua_pushliteral(L, "unknown");
    return 2;
  }
  lua_pushstring(L, g.lang);
  lua_pushnumber(L, (lua_Number)g.confidence);
  if (g.second[0] == '\0' || g.gap >= GL_LANGID_CLOSE) return 2;
  lua_pushstring(L, g.second);
  return 3;
}


static const luaL_Reg langid_funcs[] = {
  {"language", lg_language},
  {NULL, NULL}
};


void lgopen_langid(lua_State *L) {
  luaL_setfuncs(L, langid_funcs, 0);
}
