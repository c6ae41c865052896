/*
** fuzz_entities.c -- libFuzzer harness for the cue and name lists and the
** entities stage (lua/glean/entities.lua) in an embedded Lua state.
**
** Input: byte 0 picks the mode (bits 0-1) and a language (bits 2-4); the
** rest is
**  - mode 0: an analyst's cue list (`glean analyze --cues FILE`), written to
**    a file named after the language and loaded by entities.load over a
**    small data directory;
**  - mode 1: a name list (data/names/LANG.tsv of that directory);
**  - modes 2, 3: a text, recognised with the shipped lists (loaded once).
** A list must give a kb or nil and one line "FILE:LINE: what" naming the
** file -- raising is a bug.  A kb's examples are checked (entities.test) and
** a few fixed texts recognised with it.  A text that is not valid UTF-8 is
** skipped (analyze rejects it before the stage).  Every result must be
** mentions of a known type whose surface is text:sub(start, stop), starting
** and ending on character boundaries, sorted and apart.  The stage must be
** linear: the instruction backstop (fuzz_lua.h) is 20 M + 3,000 per byte of
** the input, ~15x what the stage takes on news (90-190 per byte); reaching
** it is a finding.
*/
#include <stdint.h>
#include "fuzz_lua.h"

static const char DRIVER[] =
  "local entities = require 'glean.entities'\n"
  "local LANGS = { 'en', 'de', 'ru', 'ar', 'zh', 'ja', 'ko', 'xx' }\n"
  "local TYPES = { person = true, org = true, place = true }\n"
  "local TEXTS = { 'Minister Ana Lima said on Monday that Acme Ltd (AL) met Ana Lima. Lima said.',\n"
  "  '外交部发言人王建华表示，中共青山市委。 قال الرئيس محمد بن سلمان', 'ООО «Ромашка» и Министерство финансов', '' }\n"
  "local dir = os.tmpname()\n"
  "os.remove(dir)\n"
  "assert(os.execute('mkdir -p ' .. dir .. '/data/cues ' .. dir .. '/data/names'))\n"
  "local function put(path, s)\n"
  "  local f = assert(io.open(path, 'wb')); f:write(s); f:close()\n"
  "end\n"
  "put(dir .. '/data/stopwords.tsv', 'lang\\tword\\nen\\tthe\\nde\\tder\\nzh\\t的\\nar\\tفي\\n')\n"
  "put(dir .. '/data/cues/en.tsv', 'title\\tMinister\\nsay\\tsaid\\norg_designator\\tLtd\\n'\n"
  "  .. 'org_head\\tMinisterstvo\\twords=2\\nexample\\tMinister [PER Ana Lima] said\\n')\n"
  "put(dir .. '/data/cues/zh.tsv', 'title\\t发言人\\norg_tail\\t市委\\nstop\\t的\\n')\n"
  "local names_en = dir .. '/data/names/en.tsv'\n"
  "put(names_en, 'given\\tAna\\nsurname\\tLima\\n')\n"
  "local full = assert(entities.load())\n"
  "local function check(text, found, what)\n"
  "  local last = 0\n"
  "  for i, m in ipairs(found) do\n"
  "    local where = string.format('%s: mention %d %s..%s', what, i, tostring(m.start), tostring(m.stop))\n"
  "    if not TYPES[m.type] then error(where .. ': type ' .. tostring(m.type), 0) end\n"
  "    if math.type(m.start) ~= 'integer' or math.type(m.stop) ~= 'integer' or m.start < 1\n"
  "       or m.stop < m.start or m.stop > #text then error(where .. ': outside the text', 0) end\n"
  "    if text:sub(m.start, m.stop) ~= m.surface then error(where .. ': surface ' .. tostring(m.surface), 0) end\n"
  "    local b, a = text:byte(m.start), text:byte(m.stop + 1)\n"
  "    if b >= 0x80 and b < 0xC0 or a and a >= 0x80 and a < 0xC0 then\n"
  "      error(where .. ': not on character boundaries', 0)\n"
  "    end\n"
  "    if m.start <= last then error(where .. ': unsorted or overlapping', 0) end\n"
  "    last = m.stop\n"
  "  end\n"
  "  entities.identify(found)\n"
  "end\n"
  "return function(input, mode, li)\n"
  "  local lang = LANGS[li + 1]\n"
  "  if mode >= 2 then\n"
  "    if not utf8.len(input) then return end\n"
  "    check(input, entities.recognise(full, input, { lang = lang }), 'text')\n"
  "    return\n"
  "  end\n"
  "  local path, opts\n"
  "  if mode == 0 then\n"
  "    path = dir .. '/' .. lang .. '.tsv'\n"
  "    opts = { data = dir .. '/data', extra = { path } }\n"
  "  else\n"
  "    path = names_en\n"
  "    opts = { data = dir .. '/data' }\n"
  "  end\n"
  "  put(path, input)\n"
  "  local ok, kb, err = pcall(entities.load, opts)\n"
  "  if mode == 1 then put(names_en, 'given\\tAna\\nsurname\\tLima\\n') end\n"
  "  if not ok then error('load raised: ' .. tostring(kb), 0) end\n"
  "  if not kb then\n"
  "    if type(err) ~= 'string' or err:find('\\n') or err:sub(1, #path + 1) ~= path .. ':'\n"
  "       or not err:find('^:%d+: %S', #path + 1) then\n"
  "      error('bad list error: ' .. tostring(err), 0)\n"
  "    end\n"
  "    return\n"
  "  end\n"
  "  for _, r in ipairs(entities.test(kb)) do\n"
  "    if type(r.passed) ~= 'boolean' then error('test gave no verdict', 0) end\n"
  "  end\n"
  "  for _, text in ipairs(TEXTS) do\n"
  "    check(text, entities.recognise(kb, text, { lang = lang }), 'list')\n"
  "  end\n"
  "end\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  lua_State *L;
  if (size < 1) return 0;
  L = fuzz_lua_begin(DRIVER, sizeof DRIVER - 1, "=fuzz_entities");
  lua_pushlstring(L, (const char *)data + 1, size - 1);
  lua_pushinteger(L, data[0] & 3);
  lua_pushinteger(L, (data[0] >> 2) & 7);
  fuzz_lua_call(L, 3, 20000000L + 3000L * (long)size, "entities");
  return 0;
}
