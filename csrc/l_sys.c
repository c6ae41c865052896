/*
** l_sys.c: what the command line needs from the process that Lua does not
** give: on Ctrl-C (SIGINT) or SIGTERM, remove the output file being
** written (a temporary file, renamed over the real one only when complete)
** and exit with one line on standard error instead of a traceback.
**
**   core.on_interrupt()          install the handlers (once, from bin/glean)
**   core.interrupt_cleanup(path) the file to remove on interrupt (nil: none)
**   core.realpath(path)          the canonical absolute path (symbolic links,
**                                . and .. resolved) | nil, "path: reason"
**   core.digest(s ...)           128-bit digest (32 hex digits) of the strings
**                                (each with its length, so "ab","c" ~= "a","bc")
**   core.digest_file(path)       the digest of a file's bytes | nil, "path: reason"
**   core.module_file()           the file this core was loaded from (core.so,
**                                or the program glean is linked into) | nil
**   core.unpack_table(bytes)     the tables glean.cache.pack_table wrote | nil
**                                (damaged bytes)
**   core.unpack_table_file(path, magic, key)  the same from a glean.cache
**                                entry's file | nil (missing, other key, damaged)
**
** The handler only calls async-signal-safe functions (unlink, write, _exit)
** on a path copied into a static buffer beforehand.
*/
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700   /* realpath(3) */
#endif
#ifndef _GNU_SOURCE
#define _GNU_SOURCE         /* dladdr(3) */
#endif
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <lua.h>
#include <lauxlib.h>

#include "lglean.h"

#define CLEANUP_MAX 4096

static char cleanup_path[CLEANUP_MAX];
static volatile sig_atomic_t have_cleanup = 0;


static void on_signal(int sig) {
  static const char msg[] = "glean: interrupted\n";
  if (have_cleanup) unlink(cleanup_path);
  if (write(STDERR_FILENO, msg, sizeof msg - 1) < 0) { /* nothing more to do */ }
  _exit(128 + sig);
}


/* core.on_interrupt() -> true */
static int l_on_interrupt(lua_State *L) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  if (sigaction(SIGINT, &sa, NULL) != 0 || sigaction(SIGTERM, &sa, NULL) != 0)
    return luaL_error(L, "cannot install the interrupt handler");
  lua_pushboolean(L, 1);
  return 1;
}


/* core.interrupt_cleanup(path | nil) -> true */
static int l_interrupt_cleanup(lua_State *L) {
  size_t n = 0;
  const char *p = luaL_optlstring(L, 1, NULL, &n);
  have_cleanup = 0;
  if (p != NULL) {
    luaL_argcheck(L, n < CLEANUP_MAX && strlen(p) == n, 1, "path too long or holds a NUL");
    memcpy(cleanup_path, p, n + 1);
    have_cleanup = 1;
  }
  lua_pushboolean(L, 1);
  return 1;
}


/* core.realpath(path) -> resolved | nil, "path: reason" */
static int l_realpath(lua_State *L) {
  const char *p = luaL_checkstring(L, 1);
  char *r = realpath(p, NULL);
  if (r == NULL) {
    int e = errno;
    lua_pushnil(L);
    lua_pushfstring(L, "%s: %s", p, strerror(e));
    return 2;
  }
  lua_pushstring(L, r);
  free(r);
  return 1;
}


/* The digest of glean's caches (glean.cache): two 64-bit lanes, each
   over every 8-byte word with its own multiply and shift, finished with
   MurmurHash3's fmix64.  Not cryptographic: it tells apart contents that
   differ by accident (an edited rule pack, another build of the core);
   ~3 GB/s, so the 17 MB default gazetteer costs a few milliseconds. */
typedef struct Digest { uint64_t a, b, n; unsigned char tail[8]; size_t ntail; } Digest;

static void digest_init(Digest *d) {
  d->a = 0x9E3779B97F4A7C15u; d->b = 0xC2B2AE3D27D4EB4Fu; d->n = 0; d->ntail = 0;
}

static void digest_word(Digest *d, uint64_t w) {
  d->a = (d->a ^ w) * 0x100000001B3u; d->a ^= d->a >> 29;
  d->b = (d->b + w) * 0xFF51AFD7ED558CCDu; d->b ^= d->b >> 31; d->b += d->a;
}

static void digest_add(Digest *d, const unsigned char *p, size_t n) {
  uint64_t w;
  d->n += n;
  while (d->ntail > 0 && d->ntail < 8 && n > 0) { d->tail[d->ntail++] = *p++; n--; }
  if (d->ntail == 8) { memcpy(&w, d->tail, 8); digest_word(d, w); d->ntail = 0; }
  for (; n >= 8; p += 8, n -= 8) { memcpy(&w, p, 8); digest_word(d, w); }
  while (n > 0) { d->tail[d->ntail++] = *p++; n--; }
}

static uint64_t fmix64(uint64_t h) {
  h ^= h >> 33; h *= 0xFF51AFD7ED558CCDu; h ^= h >> 33; h *= 0xC4CEB9FE1A85EC53u; h ^= h >> 33;
  return h;
}

static void digest_push(lua_State *L, Digest *d) {
  char hex[33];
  uint64_t w = 0;
  memcpy(&w, d->tail, d->ntail);
  digest_word(d, w ^ ((uint64_t)d->ntail << 56));
  digest_word(d, d->n);
  snprintf(hex, sizeof hex, "%016llx%016llx", (unsigned long long)fmix64(d->a ^ (d->b >> 1)),
           (unsigned long long)fmix64(d->b + 0x9E3779B97F4A7C15u * d->a));
  lua_pushlstring(L, hex, 32);
}

/* core.digest(s, ...) -> 32 hex digits */
static int l_digest(lua_State *L) {
  int i, n = lua_gettop(L);
  Digest d;
  digest_init(&d);
  for (i = 1; i <= n; i++) {
    size_t len;
    const char *s = luaL_checklstring(L, i, &len);
    uint64_t l64 = (uint64_t)len;
    digest_add(&d, (const unsigned char *)&l64, 8);
    digest_add(&d, (const unsigned char *)s, len);
  }
  digest_push(L, &d);
  return 1;
}

/* core.digest_file(path) -> 32 hex digits | nil, "path: reason" (the
   digest of the file's bytes as one string: core.digest(contents)) */
static int l_digest_file(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  FILE *f = fopen(path, "rb");
  unsigned char *buf;
  size_t got;
  long size;
  uint64_t l64;
  Digest d;
  if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
    int e = errno;
    if (f) fclose(f);
    lua_pushnil(L);
    lua_pushfstring(L, "%s: %s", path, strerror(e));
    return 2;
  }
  buf = (unsigned char *)malloc(1 << 16);
  if (buf == NULL) { fclose(f); return luaL_error(L, "not enough memory"); }
  digest_init(&d);
  l64 = (uint64_t)size;
  digest_add(&d, (const unsigned char *)&l64, 8);
  while ((got = fread(buf, 1, 1 << 16, f)) > 0) digest_add(&d, buf, got);
  if (ferror(f) || d.n != 8 + (uint64_t)size) {   /* unreadable, or changed while read */
    int e = ferror(f) ? errno : EAGAIN;
    free(buf);
    fclose(f);
    lua_pushnil(L);
    lua_pushfstring(L, "%s: %s", path, strerror(e));
    return 2;
  }
  free(buf);
  fclose(f);
  digest_push(L, &d);
  return 1;
}


/* core.unpack_table(bytes) -> t | nil: glean.cache.pack_table's format
   read back (the entities knowledge base: 8 MB, 200k tables, at every
   start).  Native byte order as string.pack writes it:
     I4 ntables, then per table: I4 nentries, then nentries x (key, value),
     each a tag byte and its payload: 1 string (I4 length, bytes), 2 integer
     (8 bytes), 3 float (8 bytes), 4 true, 5 false, 6 table (I4 number,
     1-based, in the order written; the first is the root).
   A first pass checks every tag, length and table number and counts each
   table's keys 1..n (its array part), so each table is made at its final
   size once; any fault gives nil, never an error.  A float key that is NaN
   is a fault (Lua refuses it as a key). */
enum { T_STR = 1, T_INT, T_FLT, T_TRUE, T_FALSE, T_TAB };

static uint32_t rd32(const unsigned char *p) { uint32_t v; memcpy(&v, p, 4); return v; }

/* Skip the item at *pos (checked against n, ntab); its integer value in
   *iv when it is an integer.  0 ok, -1 damaged. */
static int skip_item(const unsigned char *s, size_t n, size_t *pos, uint32_t ntab, int *tag,
                     lua_Integer *iv, int key) {
  size_t p = *pos;
  if (p >= n) return -1;
  *tag = s[p++];
  switch (*tag) {
    case T_STR: {
      uint32_t len;
      if (n - p < 4) return -1;
      len = rd32(s + p);
      p += 4;
      if (n - p < len) return -1;
      p += len;
      break;
    }
    case T_INT:
      if (n - p < 8) return -1;
      memcpy(iv, s + p, 8);
      p += 8;
      break;
    case T_FLT: {
      lua_Number f;
      if (n - p < 8) return -1;
      memcpy(&f, s + p, 8);
      if (key && f != f) return -1;   /* NaN */
      p += 8;
      break;
    }
    case T_TRUE: case T_FALSE: break;
    case T_TAB: {
      uint32_t id;
      if (n - p < 4) return -1;
      id = rd32(s + p);
      if (id < 1 || id > ntab) return -1;
      p += 4;
      break;
    }
    default: return -1;
  }
  *pos = p;
  return 0;
}

static void push_item(lua_State *L, const unsigned char *s, size_t *pos, int tabs) {
  size_t p = *pos;
  int tag = s[p++];
  switch (tag) {
    case T_STR: {
      uint32_t len = rd32(s + p);
      lua_pushlstring(L, (const char *)s + p + 4, len);
      p += 4 + (size_t)len;
      break;
    }
    case T_INT: { lua_Integer v; memcpy(&v, s + p, 8); lua_pushinteger(L, v); p += 8; break; }
    case T_FLT: { lua_Number v; memcpy(&v, s + p, 8); lua_pushnumber(L, v); p += 8; break; }
    case T_TRUE: lua_pushboolean(L, 1); break;
    case T_FALSE: lua_pushboolean(L, 0); break;
    default: lua_rawgeti(L, tabs, (lua_Integer)rd32(s + p)); p += 4; break;   /* T_TAB */
  }
  *pos = p;
}

typedef struct TabInfo { size_t off; uint32_t nk, narr; } TabInfo;   /* a table's entries */

/* Push the root table of s[0..n) (pack_table's format), or nil. */
static void unpack_from(lua_State *L, const unsigned char *s, size_t n) {
  size_t pos = 4;
  uint32_t ntab, i, k;
  TabInfo *info;
  int tabs, top = lua_gettop(L);
  if (n < 4) goto damaged;
  ntab = rd32(s);
  if (ntab == 0 || ntab > (n - 4) / 4 || ntab > INT_MAX) goto damaged;   /* 4 bytes a table at least */
  info = (TabInfo *)lua_newuserdatauv(L, (size_t)ntab * sizeof *info, 0);   /* freed by the GC */
  for (i = 0; i < ntab; i++) {   /* pass 1: check everything, count the array parts */
    uint32_t nk;
    if (n - pos < 4) goto damaged;
    nk = rd32(s + pos);
    pos += 4;
    if (nk > (n - pos) / 2 || nk > INT_MAX) goto damaged;   /* 2 bytes an entry at least */
    info[i].off = pos;
    info[i].nk = nk;
    info[i].narr = 0;
    for (k = 0; k < nk; k++) {
      int tag;
      lua_Integer iv = 0;
      if (skip_item(s, n, &pos, ntab, &tag, &iv, 1) != 0) goto damaged;
      if (tag == T_INT && iv >= 1 && iv <= (lua_Integer)nk) info[i].narr++;
      if (skip_item(s, n, &pos, ntab, &tag, &iv, 0) != 0) goto damaged;
    }
  }
  if (pos != n) goto damaged;   /* trailing bytes */
  lua_createtable(L, (int)ntab, 0);   /* the tables by number, each made at its size */
  tabs = lua_gettop(L);
  for (i = 0; i < ntab; i++) {
    lua_createtable(L, (int)info[i].narr, (int)(info[i].nk - info[i].narr));
    lua_rawseti(L, tabs, (lua_Integer)i + 1);
  }
  for (i = 0; i < ntab; i++) {   /* pass 2: fill them */
    pos = info[i].off;
    lua_rawgeti(L, tabs, (lua_Integer)i + 1);
    for (k = 0; k < info[i].nk; k++) {
      push_item(L, s, &pos, tabs);
      push_item(L, s, &pos, tabs);
      lua_rawset(L, -3);
    }
    lua_pop(L, 1);
  }
  lua_rawgeti(L, tabs, 1);
  lua_replace(L, top + 1);
  lua_settop(L, top + 1);
  return;
damaged:
  lua_settop(L, top);
  lua_pushnil(L);
}

static int l_unpack_table(lua_State *L) {
  size_t n;
  const unsigned char *s = (const unsigned char *)luaL_checklstring(L, 1, &n);
  unpack_from(L, s, n);
  return 1;
}


/* unpack_from under lua_pcall: (lightuserdata bytes, length) -> t | nil */
static int unpack_protected(lua_State *L) {
  const unsigned char *p = (const unsigned char *)lua_touserdata(L, 1);
  size_t n = (size_t)lua_tointeger(L, 2);
  unpack_from(L, p, n);
  return 1;
}


/* core.unpack_table_file(path, magic, key) -> t | nil: the table of a
   glean.cache entry (magic, then key and bytes each as string.pack "s4"
   writes them, nothing after), read from the file's mapping without a Lua
   string of its 8 MB (glean.cache.get_table); nil when the file is missing,
   is no such entry, holds another key or its bytes are damaged. */
static int l_unpack_table_file(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  size_t nmagic, nkey, size;
  const char *magic = luaL_checklstring(L, 2, &nmagic);
  const char *key = luaL_checklstring(L, 3, &nkey);
  unsigned char *mem;
  struct stat st;
  int fd = open(path, O_RDONLY);
  lua_settop(L, 3);
  if (fd < 0) { lua_pushnil(L); return 1; }
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < 1) { close(fd); lua_pushnil(L); return 1; }
  size = (size_t)st.st_size;
  mem = (unsigned char *)mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
  close(fd);
  if (mem == MAP_FAILED) { lua_pushnil(L); return 1; }
  {
    size_t pos = nmagic;
    uint32_t klen, blen;
    int ok = size >= nmagic + 4 && memcmp(mem, magic, nmagic) == 0;
    if (ok) { klen = rd32(mem + pos); pos += 4; ok = klen == nkey && size - pos >= (size_t)klen + 4; }
    if (ok) { ok = memcmp(mem + pos, key, nkey) == 0; pos += nkey; }
    if (ok) { blen = rd32(mem + pos); pos += 4; ok = size - pos == blen; }
    /* an error (out of memory) would leave the mapping: none is raised
       while it is held but by lua_createtable and friends, so catch it */
    if (ok) {
      lua_pushcfunction(L, unpack_protected);
      lua_pushlightuserdata(L, (void *)(mem + pos));
      lua_pushinteger(L, (lua_Integer)blen);
      if (lua_pcall(L, 2, 1, 0) != LUA_OK) {
        munmap(mem, size);
        return lua_error(L);
      }
    }
    else lua_pushnil(L);
  }
  munmap(mem, size);
  return 1;
}


/* core.module_file() -> path of the shared object or program holding this
   code (dladdr), | nil: what a cache key names as "this build of the core" */
static const char module_anchor = 0;   /* an object of this code's image, for dladdr */

static int l_module_file(lua_State *L) {
  Dl_info info;
  if (dladdr(&module_anchor, &info) == 0 || info.dli_fname == NULL || info.dli_fname[0] == '\0')
    lua_pushnil(L);
  else
    lua_pushstring(L, info.dli_fname);
  return 1;
}


static const luaL_Reg sys_funcs[] = {
  {"realpath", l_realpath},
  {"digest", l_digest},
  {"digest_file", l_digest_file},
  {"module_file", l_module_file},
  {"unpack_table", l_unpack_table},
  {"unpack_table_file", l_unpack_table_file},
  {"on_interrupt", l_on_interrupt},
  {"interrupt_cleanup", l_interrupt_cleanup},
  {NULL, NULL}
};

void lgopen_sys(lua_State *L) {
  luaL_setfuncs(L, sys_funcs, 0);
}
