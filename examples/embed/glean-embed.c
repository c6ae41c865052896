/*
** glean-embed.c -- a C host program that embeds Lua 5.4 and glean.
**
**   glean-embed [-j THREADS] [-g GAZETTEER] [-0] [--stats] SCRIPT.lua [ARGS...] < docs > out.jsonl
**
** Reads documents on standard input -- JSON Lines, one object with a string
** field "text" per line (other fields are passed through), or with -0
** NUL-separated raw texts ({id = record number, text = record}) -- runs the
** analyst's SCRIPT on each and writes what it returns to standard output:
** a table as one line of JSON, a string as a raw line (e.g. CSV).
**
** SCRIPT is a Lua chunk, called with ARGS, that returns a function
** document(doc) or a table { document = f, finish = f, header = "..." }.
** `require "glean.host"` gives it { gazetteer = <-g, shared>, worker = i,
** workers = n, script = path }.
**
** Threads (-j N): N workers, each with its own lua_State, take documents of
** a batch in turn; output stays in input order.  The gazetteer (-g) is
** opened once -- memory-mapped when compiled -- and the one immutable
** Matcher is lent to every state (lg_pushgazetteer).  finish() runs once per
** state, in worker order, after the input ends.
**
** Exit status: 0, 1 when some documents failed (each reported on stderr as
** "stdin:LINE: what"), 2 on a usage, script or gazetteer error.
*/
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>

#include "glean_embed.h"
#include "json.h"

#ifndef GLEAN_HOME_DEFAULT
#define GLEAN_HOME_DEFAULT "."
#endif

#define BATCH 256          /* documents read ahead and shared among workers */
#define MAXTHREADS 64

typedef struct Input {     /* one document as read */
  char *data;
  size_t len;
  long lineno;             /* line (JSON Lines) or record number (-0) */
} Input;

typedef struct Output {    /* what the script made of it */
  char *p;                 /* malloc'd lines, each ending in '\n' */
  size_t len;
  char *err;               /* malloc'd message, or NULL */
} Output;

typedef struct Worker {
  lua_State *L;
  int ref;                 /* registry ref of the handler table */
  int index;
  pthread_t tid;
} Worker;

static struct {
  int raw0;                /* -0: NUL-separated texts */
  int nworkers;
  Worker w[MAXTHREADS];
  Input in[BATCH];
  Output out[BATCH];
  int nin;
  int next;                /* next batch slot to process */
  pthread_mutex_t lock;
} H;


static void die(const char *fmt, ...) {
  va_list ap;
  fprintf(stderr, "glean-embed: ");
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
  exit(2);
}


static char *xstrdup(const char *s, size_t n) {
  char *p = (char *)malloc(n + 1);
  if (p == NULL) die("not enough memory");
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}


/* ------------------------------------------------------------------ */
/* Lua side: everything that can raise runs under lua_pcall            */

/* Append the results on the stack from index first as output lines. */
static void emit(lua_State *L, int first, JsonBuf *b) {
  int i, top = lua_gettop(L);
  for (i = first; i <= top; i++) {
    if (lua_isnil(L, i)) continue;
    if (lua_type(L, i) == LUA_TSTRING) {
      size_t n;
      const char *s = lua_tolstring(L, i, &n);
      jsonbuf_add(L, b, s, n);
      if (n == 0 || s[n - 1] != '\n') jsonbuf_add(L, b, "\n", 1);
    }
    else if (lua_type(L, i) == LUA_TTABLE) {
      json_encode(L, i, b);
      jsonbuf_add(L, b, "\n", 1);
    }
    else
      luaL_error(L, "result %d is a %s (a table or a string expected)", i - first + 1,
                 luaL_typename(L, i));
  }
}


/* run_doc(handler, input) -> output string; raises with the reason */
static int run_doc(lua_State *L) {
  const Input *in = (const Input *)lua_touserdata(L, 2);
  JsonBuf *b;
  int base;
  lua_settop(L, 2);
  b = jsonbuf_new(L);                        /* 3 */
  lua_getfield(L, 1, "document");            /* 4 */
  if (H.raw0) {
    lua_createtable(L, 0, 2);
    lua_pushinteger(L, in->lineno);
    lua_setfield(L, -2, "id");
    lua_pushlstring(L, in->data, in->len);
    lua_setfield(L, -2, "text");
  }
  else {
    json_decode(L, in->data, in->len);
    if (lua_type(L, -1) != LUA_TTABLE) luaL_error(L, "a JSON object expected");
    lua_getfield(L, -1, "text");
    if (lua_type(L, -1) != LUA_TSTRING) luaL_error(L, "field 'text' must be a string");
    lua_pop(L, 1);
  }
  base = lua_gettop(L) - 1;                  /* the function */
  lua_call(L, 1, LUA_MULTRET);
  emit(L, base, b);
  lua_pushlstring(L, b->p ? b->p : "", b->len);
  return 1;
}


/* run_finish(handler) -> output string */
static int run_finish(lua_State *L) {
  JsonBuf *b;
  lua_settop(L, 1);
  b = jsonbuf_new(L);                        /* 2 */
  lua_getfield(L, 1, "finish");              /* 3 */
  if (!lua_isnil(L, 3)) {
    lua_call(L, 0, LUA_MULTRET);
    emit(L, 3, b);
  }
  lua_pushlstring(L, b->p ? b->p : "", b->len);
  return 1;
}


/* Call f (run_doc or run_finish) protected; fill o. */
static void call(Worker *w, lua_CFunction f, Input *in, Output *o) {
  lua_State *L = w->L;
  size_t n;
  const char *s;
  lua_pushcfunction(L, f);
  lua_rawgeti(L, LUA_REGISTRYINDEX, w->ref);
  lua_pushlightuserdata(L, in);
  o->p = NULL; o->len = 0; o->err = NULL;
  if (lua_pcall(L, 2, 1, 0) != LUA_OK) {
    s = lua_tolstring(L, -1, &n);
    o->err = s ? xstrdup(s, n) : xstrdup("(error object is not a string)", 30);
  }
  else {
    s = lua_tolstring(L, -1, &n);
    o->p = xstrdup(s, n);
    o->len = n;
  }
  lua_settop(L, 0);
}


/* setup(script, args...) on a fresh state: returns the handler table */
static int setup(lua_State *L) {
  const char *script = luaL_checkstring(L, 1);
  int nargs = lua_gettop(L) - 1;
  if (luaL_loadfilex(L, script, "t") != LUA_OK) return lua_error(L);
  lua_insert(L, 2);                          /* script, chunk, args... */
  lua_call(L, nargs, 1);
  if (lua_type(L, -1) == LUA_TFUNCTION) {    /* a bare function is document() */
    lua_createtable(L, 0, 1);
    lua_insert(L, -2);
    lua_setfield(L, -2, "document");
  }
  if (lua_type(L, -1) != LUA_TTABLE)
    return luaL_error(L, "%s: must return a function or a table with 'document' (got %s)",
                      script, luaL_typename(L, -1));
  lua_getfield(L, -1, "document");
  if (lua_type(L, -1) != LUA_TFUNCTION)
    return luaL_error(L, "%s: 'document' must be a function (got %s)", script, luaL_typename(L, -1));
  lua_pop(L, 1);
  lua_getfield(L, -1, "finish");
  if (!lua_isnil(L, -1) && lua_type(L, -1) != LUA_TFUNCTION)
    return luaL_error(L, "%s: 'finish' must be a function (got %s)", script, luaL_typename(L, -1));
  lua_pop(L, 1);
  lua_getfield(L, -1, "header");
  if (!lua_isnil(L, -1) && lua_type(L, -1) != LUA_TSTRING)
    return luaL_error(L, "%s: 'header' must be a string (got %s)", script, luaL_typename(L, -1));
  lua_pop(L, 1);
  return 1;
}


/* One state per worker: standard libraries, glean (preloaded), glean.host. */
static void open_state(Worker *w, Matcher *gaz, char **argv, int argc) {
  lua_State *L = luaL_newstate();
  int i;
  if (L == NULL) die("cannot create a Lua state (not enough memory)");
  luaL_openlibs(L);
  lg_openlibs(L);
  luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
  lua_createtable(L, 0, 4);
  if (gaz) {
    lg_pushgazetteer(L, gaz);
    lua_setfield(L, -2, "gazetteer");
  }
  lua_pushinteger(L, w->index + 1);
  lua_setfield(L, -2, "worker");
  lua_pushinteger(L, H.nworkers);
  lua_setfield(L, -2, "workers");
  lua_pushstring(L, argv[0]);
  lua_setfield(L, -2, "script");
  lua_setfield(L, -2, "glean.host");
  lua_pop(L, 1);
  lua_pushcfunction(L, setup);
  for (i = 0; i < argc; i++) lua_pushstring(L, argv[i]);
  if (lua_pcall(L, argc, 1, 0) != LUA_OK) die("%s", lua_tostring(L, -1));
  w->ref = luaL_ref(L, LUA_REGISTRYINDEX);
  w->L = L;
}


/* ------------------------------------------------------------------ */
/* workers                                                             */

static void *work(void *arg) {
  Worker *w = (Worker *)arg;
  for (;;) {
    int i;
    pthread_mutex_lock(&H.lock);
    i = H.next < H.nin ? H.next++ : -1;
    pthread_mutex_unlock(&H.lock);
    if (i < 0) return NULL;
    call(w, run_doc, &H.in[i], &H.out[i]);
  }
}


static void run_batch(void) {
  int k, rc;
  H.next = 0;
  if (H.nworkers == 1) { work(&H.w[0]); return; }
  for (k = 0; k < H.nworkers; k++)
    if ((rc = pthread_create(&H.w[k].tid, NULL, work, &H.w[k])) != 0)
      die("cannot start a thread (%s)", strerror(rc));
  for (k = 0; k < H.nworkers; k++) pthread_join(H.w[k].tid, NULL);
}


/* Read the next document into in; 0 at end of input. */
static int read_doc(Input *in, long *lineno) {
  char *line = NULL;
  size_t cap = 0;
  ssize_t n;
  for (;;) {
    n = getdelim(&line, &cap, H.raw0 ? '\0' : '\n', stdin);
    if (n < 0) {
      free(line);
      if (ferror(stdin)) die("cannot read standard input (%s)", strerror(errno));
      return 0;
    }
    ++*lineno;
    if (n > 0 && line[n - 1] == (H.raw0 ? '\0' : '\n')) n--;
    if (!H.raw0) {                  /* blank lines between JSON Lines are allowed */
      ssize_t k = 0;
      while (k < n && (line[k] == ' ' || line[k] == '\t' || line[k] == '\r')) k++;
      if (k == n) continue;
    }
    in->data = line;
    in->len = (size_t)n;
    in->lineno = *lineno;
    return 1;
  }
}


static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}


static void usage(void) {
  fputs("usage: glean-embed [-j THREADS] [-g GAZETTEER] [-0] [--stats] SCRIPT.lua [ARGS...]\n"
        "  reads JSON Lines {\"id\":..,\"text\":..} (or with -0 NUL-separated texts) on stdin,\n"
        "  runs SCRIPT on each document, writes its results as JSON Lines on stdout\n", stderr);
  exit(2);
}


static int add_profile(void *ud, InflProfile *p) {
  return gl_builder_add_inflection((MatcherBuilder *)ud, p);
}


int main(int argc, char **argv) {
  const char *gazpath = NULL;
  Matcher *gaz = NULL;
  int i, k, stats = 0, failed = 0, header_done = 0;
  long lineno = 0, ndocs = 0;
  size_t nbytes = 0;
  double t0;

  H.nworkers = 1;
  for (i = 1; i < argc && argv[i][0] == '-'; i++) {
    if (strcmp(argv[i], "-j") == 0 && i + 1 < argc) {
      char *end;
      long j = strtol(argv[++i], &end, 10);
      if (*end || j < 1 || j > MAXTHREADS) die("-j: '%s' is not a thread count from 1 to %d", argv[i], MAXTHREADS);
      H.nworkers = (int)j;
    }
    else if (strcmp(argv[i], "-g") == 0 && i + 1 < argc) gazpath = argv[++i];
    else if (strcmp(argv[i], "-0") == 0) H.raw0 = 1;
    else if (strcmp(argv[i], "--stats") == 0) stats = 1;
    else if (strcmp(argv[i], "--") == 0) { i++; break; }
    else usage();
  }
  if (i >= argc) usage();

  /* rules/, data/ and templates/ are found through GLEAN_HOME (the Lua
     modules are compiled in and cannot locate them from their own path);
     set it before any thread starts: setenv is not thread-safe */
  if (getenv("GLEAN_HOME") == NULL) setenv("GLEAN_HOME", GLEAN_HOME_DEFAULT, 1);

  if (gazpath) {   /* one Matcher for the whole process, shared read-only */
    GlBuf err;
    gl_buf_init(&err);
    if (gl_gazfile_is_compiled(gazpath))
      gaz = gl_gazfile_open(gazpath, &err);          /* mmap, validated */
    else {
      UErrorCode st = U_ZERO_ERROR;
      GlBuf data;
      size_t plen = strlen(gazpath);
      int csv = plen > 4 && strcmp(gazpath + plen - 4, ".csv") == 0;
      MatcherBuilder *b = gl_builder_new("search", &st);
      char idir[4096];
      if (b == NULL) die("cannot create the gazetteer builder (%s)", u_errorName(st));
      /* the shipped inflection profiles, as glean.gazetteer.load reads them */
      snprintf(idir, sizeof idir, "%s/data/inflection", getenv("GLEAN_HOME"));
      if (gl_infl_load_dir(idir, add_profile, b, &err) != 0) {
        gl_buf_add(&err, "", 1);
        die("%s", err.p);
      }
      gl_buf_init(&data);
      if (gl_gazfile_read(gazpath, &data, &err) == 0 &&
          gl_gazfile_parse(b, data.p ? data.p : "", data.len, gazpath, csv ? GazCSV : GazTSV, &err) == 0) {
        gaz = gl_matcher_build(b, &st);
        if (gaz == NULL) die("cannot compile the gazetteer (%s)", u_errorName(st));
      }
      gl_buf_free(&data);
      gl_builder_free(b);
    }
    if (gaz == NULL) {
      gl_buf_add(&err, "", 1);
      die("%s", err.p ? err.p : gazpath);
    }
    gl_buf_free(&err);
  }

  pthread_mutex_init(&H.lock, NULL);
  for (k = 0; k < H.nworkers; k++) {
    H.w[k].index = k;
    open_state(&H.w[k], gaz, argv + i, argc - i);
  }

  t0 = now();
  for (;;) {
    H.nin = 0;
    while (H.nin < BATCH && read_doc(&H.in[H.nin], &lineno)) {
      nbytes += H.in[H.nin].len;
      H.nin++;
    }
    if (!header_done) {   /* the header once, before any other output */
      lua_State *L = H.w[0].L;
      lua_rawgeti(L, LUA_REGISTRYINDEX, H.w[0].ref);
      lua_getfield(L, -1, "header");
      if (lua_isstring(L, -1)) {
        size_t n;
        const char *s = lua_tolstring(L, -1, &n);
        fwrite(s, 1, n, stdout);
        if (n > 0 && s[n - 1] != '\n') fputc('\n', stdout);
      }
      lua_settop(L, 0);
      header_done = 1;
    }
    if (H.nin == 0) break;
    run_batch();
    for (k = 0; k < H.nin; k++) {   /* in input order */
      Output *o = &H.out[k];
      if (o->err) {
        fprintf(stderr, "stdin:%ld: %s\n", H.in[k].lineno, o->err);
        failed++;
      }
      else fwrite(o->p, 1, o->len, stdout);
      free(o->p); free(o->err);
      free(H.in[k].data);
    }
    ndocs += H.nin;
  }
  for (k = 0; k < H.nworkers; k++) {
    Output o;
    call(&H.w[k], run_finish, NULL, &o);
    if (o.err) { fprintf(stderr, "glean-embed: finish: %s\n", o.err); failed++; }
    else fwrite(o.p, 1, o.len, stdout);
    free(o.p); free(o.err);
    lua_close(H.w[k].L);   /* closes the borrowed gazetteers: gaz stays */
  }
  gl_matcher_free(gaz);
  pthread_mutex_destroy(&H.lock);
  if (stats) {
    double dt = now() - t0;
    fprintf(stderr, "glean-embed: %ld documents, %zu bytes in %.3f s (%.1f docs/s, %.2f MB/s), %d thread%s\n",
            ndocs, nbytes, dt, dt > 0 ? ndocs / dt : 0.0, dt > 0 ? nbytes / dt / 1e6 : 0.0,
            H.nworkers, H.nworkers > 1 ? "s" : "");
  }
  if (fflush(stdout) != 0) die("cannot write standard output (%s)", strerror(errno));
  return failed ? 1 : 0;
}
