-- glean.rules: load rule packs (rules/*.lua, or an analyst's directory) and
-- run them over text.  A pack is a Lua file returning a list of rules made
-- with `rule "name" { pattern = ..., kind = ..., value = ..., examples = ... }`;
-- it runs in a sandbox holding lpeg, re, the vocabulary V (glean.rules_vocab)
-- and glean helpers, so analysts change rules without touching C.
--
-- Scanning: one LPeg pattern per rule set walks the text once, stopping at
-- each word start and each non-space non-word character; there it tries
-- the rules as alternatives wrapped in a match-time capture that records
-- the match and fails, so every rule is tried and only matches cost Lua work.
-- A prefilter keeps this from growing with the number of rules: each rule's
-- possible first bytes (up to six, glean.rules_first derives them from the
-- recipe of its glean pattern, glean.rules_pattern) become a byte trie
-- guarding it, and the rules are bucketed by first byte, so at a position
-- LPeg's first-byte tests pick the bucket and the tries reject the rules
-- that cannot start there.
-- Overlaps resolve by longest span, then pack order (rules marked
-- `overlay = true`, e.g. boilerplate, compete only among themselves).
local lpeg = require "lpeg"
local pattern = require "glean.rules_pattern"
local first = require "glean.rules_first"
local derivations = require "glean.rules_cache"
local core = require "glean.core"
local V = require "glean.rules_vocab"
local re = pattern.load_re()   -- a copy building glean patterns
local sandbox = require "glean.sandbox"

local P, R, S, Cp, Cmt, Ct = lpeg.P, lpeg.R, lpeg.S, lpeg.Cp, lpeg.Cmt, lpeg.Ct
local choice = first.choice   -- a balanced p1 + p2 + ... of LPeg patterns
local pairs, ipairs, type, tostring, pcall, select, setmetatable, load, error =
  pairs, ipairs, type, tostring, pcall, select, setmetatable, load, error
local string, table, io, debug, math, utf8, tonumber, assert =
  string, table, io, debug, math, utf8, tonumber, assert

-- this file, part of what the derivation cache's key digests (nil: not
-- loaded from a file, no caching)
local ENGINE = debug.getinfo(1, "S").source:match("^@(.+)")

local rules = {}

local FIELDS = {
  pattern = true, value = true, kind = true, languages = true, scripts = true,
  description = true, examples = true, counter_examples = true, overlay = true, within = true,
  entity = true,
}
-- `entity`: the rule names an entity of this type; its hits become mentions
-- (glean.entities, docs/recognition.md)
local ENTITY_TYPES = { person = true, org = true, place = true }

-- ---------------------------------------------------------------------
-- sandbox

-- re definitions: every pattern in V is usable as %name in re strings
local re_defs = {}
for k, v in pairs(V) do
  if pattern.is(v) then re_defs[k] = v end
end

-- string, table, math and utf8 are the process's own tables: a rule file
-- that assigned into them (string.format = nil) would change them for
-- every later pack and for glean itself, so each environment gets copies
local function copy(t)
  local c = {}
  for k, v in pairs(t) do c[k] = v end
  return c
end

local function make_env(collected, chunkname)
  -- the tables every pack shares (lpeg, re, V, glean's calendar) are
  -- read-only views: one pack replacing V.choice would silence the others,
  -- one replacing glean.calendar.to_gregorian would change glean's dates.
  -- `lpeg` is glean.rules_pattern's: its patterns are glean patterns, so
  -- LPeg's own (and its metatable, shared by the whole process) are left
  -- as they are.  pcall is the sandbox's, which lets a budget error through.
  local ro = sandbox.readonly
  local env = {
    lpeg = ro(pattern.lpeg), re = ro(re), V = ro(V),
    glean = ro({ calendar = core.calendar, date_symbols = core.date_symbols,
                 is_word_char = core.is_word_char, word_boundary = core.word_boundary }),
    string = copy(string), table = copy(table), math = copy(math), utf8 = copy(utf8),
    pairs = pairs, ipairs = ipairs, tonumber = tonumber, tostring = tostring, type = type,
    select = select, error = error, assert = assert, pcall = sandbox.pcall,
  }
  -- rule "name" { ... }: records the line of the rule for error messages
  env.rule = function(name)
    local line = debug.getinfo(2, "l").currentline
    if type(name) ~= "string" then
      error(string.format("%s:%d: rule name must be a string, got %s", chunkname, line, type(name)), 0)
    end
    return function(def)
      if type(def) ~= "table" then
        error(string.format("%s:%d: rule '%s': definition must be a table, got %s",
          chunkname, line, name, type(def)), 0)
      end
      local r = { name = name, line = line, def = def }
      collected[#collected + 1] = r
      return r
    end
  end
  return env
end

-- ---------------------------------------------------------------------
-- compiling one rule

local function rule_error(r, fmt, ...)
  return string.format("%s:%d: rule '%s': " .. fmt, r.file, r.line, r.name, ...)
end

-- compile_rule(r, trusted): trusted (the derivation cache holds this very
-- pack's source, kept when it loaded without errors with this engine,
-- vocabulary, core and ICU data) leaves out the checks that run the
-- pattern: on the empty string and on the examples (with the value
-- function).  Their outcome is the same as when the pack was kept, and the
-- first match compiles each rule's pattern (LPeg compiles a pattern at its
-- first match): 0.03-0.04 s of the four packs' 0.08 s load.
local function compile_rule(r, trusted)
  local def = r.def
  for k in pairs(def) do
    if type(k) ~= "string" or not FIELDS[k] then
      return nil, rule_error(r, "unknown field '%s'", tostring(k))
    end
  end
  local p = def.pattern
  if type(p) == "string" then
    local ok, res = pcall(re.compile, p, re_defs)
    if not ok then return nil, rule_error(r, "bad re pattern: %s", tostring(res):gsub("\n", " ")) end
    p = res
  elseif not pattern.is(p) and lpeg.type(p) ~= "pattern" then
    return nil, rule_error(r, "pattern is not an LPeg pattern or re string (got %s)", type(p))
  end
  -- the rule's LPeg pattern, and how it was built (nil: not by the pack's
  -- lpeg, so it may start anywhere) for the prefixes (derive below)
  r.recipe = pattern.recipe(p)
  p = pattern.real(p)
  -- match-time captures (Cmt) run analyst code: an error in them is a
  -- loading error of this rule, never one raised out of compile
  local okm, empty = true, false
  if not trusted then okm, empty = pcall(lpeg.match, p, "") end
  if not okm then
    return nil, rule_error(r, "pattern failed on the empty string: %s", tostring(empty))
  end
  if empty then
    return nil, rule_error(r, "pattern matches the empty string")
  end
  if def.value ~= nil and type(def.value) ~= "function" then
    return nil, rule_error(r, "value must be a function, got %s", type(def.value))
  end
  if def.kind ~= nil and type(def.kind) ~= "string" then
    return nil, rule_error(r, "kind must be a string, got %s", type(def.kind))
  end
  if def.entity ~= nil and not ENTITY_TYPES[def.entity] then
    return nil, rule_error(r, "entity must be \"person\", \"org\" or \"place\", got %s", tostring(def.entity))
  end
  for _, f in ipairs({ "languages", "scripts" }) do
    if def[f] ~= nil and type(def[f]) ~= "table" then
      return nil, rule_error(r, "%s must be a list of strings, got %s", f, type(def[f]))
    end
  end
  if def.within ~= nil and (type(def.within) ~= "string" or not pcall(string.find, "", def.within)) then
    return nil, rule_error(r, "within must be a Lua string pattern, got %s", tostring(def.within))
  end
  for text in pairs(type(def.examples) == "table" and def.examples or {}) do
    if def.within and type(text) == "string" and (not text:find(def.within) or text:find("\n")) then
      return nil, rule_error(r, "example '%s' is not one line holding a match of within '%s'", text, def.within)
    end
  end
  if def.examples ~= nil and type(def.examples) ~= "table" then
    return nil, rule_error(r, "examples must be a table, got %s", type(def.examples))
  end
  r.pattern = p
  r.kind = def.kind or def.entity or r.name
  r.entity = def.entity
  r.value = def.value
  r.languages = def.languages
  r.scripts = def.scripts
  r.overlay = def.overlay and true or false
  r.within = def.within
  r.description = def.description or ""
  r.examples = def.examples or {}
  r.counter_examples = def.counter_examples or {}
  if trusted then return r end   -- its examples ran when the cache kept it
  -- a value function that throws on its own examples is a loading error
  local ct = Ct(p)
  for text in pairs(r.examples) do
    if type(text) == "string" then
      local okc, caps = pcall(lpeg.match, ct, text)
      if not okc then
        return nil, rule_error(r, "pattern failed on example '%s': %s", text, tostring(caps))
      end
      if caps and r.value then
        local ok, err = pcall(r.value, table.unpack(#caps > 0 and caps or { text }))
        if not ok then
          return nil, rule_error(r, "value failed on example '%s': %s", text, tostring(err))
        end
      end
    end
  end
  return r
end

-- ---------------------------------------------------------------------
-- loading packs

-- An error raised inside a C function a rule file called (ipairs(nil),
-- lpeg on a bad value) carries no position: prefix the rule file's
-- innermost line (found by fuzz_rules: "attempt to index a nil value")
local function with_line(msg, chunkname)
  local file = chunkname:gsub("^@", "")
  if type(msg) ~= "string" or msg:sub(1, #file + 1) == file .. ":" then return msg end
  for level = 2, 200 do
    local info = debug.getinfo(level, "Sl")
    if not info then break end
    if info.source == chunkname and info.currentline > 0 then
      return file .. ":" .. info.currentline .. ": " .. msg
    end
  end
  return msg
end

-- each rule's prefixes and required bytes: from the derivation cache's
-- entries when they name exactly the pack's rules (true), else derived
-- from the rules' recipes (false).  The recipes go either way, and with
-- them what was derived.
local function derive(pack, cached)
  local hit = cached and derivations.apply(cached, pack) or false
  local memo = first.memo()
  for _, r in ipairs(pack.rules) do
    if not hit then
      r.prefixes = first.prefixes(r.recipe, memo)   -- nil: may start anywhere
      r.required = first.required(r.recipe, memo)   -- bytes a text must hold for a match (nil: none known)
    end
    r.recipe, r.def = nil, nil   -- (the definition holds the glean pattern, and so its recipe)
  end
  return hit
end

-- compile(src, chunkname, opts, cached) -> pack, or nil and a list of
-- errors; with opts.keep_going the good rules of a pack with bad ones are
-- kept (pack, errors).  chunkname is "@path" as for load; cached: the
-- derivation cache's entries for this source (taken when the pack loads
-- without errors).  A third value is true when the prefixes were derived.
local function compile_pack(src, chunkname, opts, cached)
  opts = opts or {}
  local file = chunkname:gsub("^@", "")
  local collected = {}
  local env = make_env(collected, file)
  local fn, err = load(src, chunkname, "t", env)
  if not fn then return nil, { err } end
  local ok, res = xpcall(fn, function(e) return with_line(e, chunkname) end)
  if not ok then return nil, { tostring(res) } end
  if type(res) ~= "table" then
    return nil, { string.format("%s: pack must return a table of rules, got %s", file, type(res)) }
  end
  local pack, errors
  local function compile_rules(trusted)
    pack, errors = { file = file, rules = {} }, {}
    local seen = {}
    for i, r in ipairs(res) do
      if type(r) ~= "table" or not r.def then
        errors[#errors + 1] = string.format("%s: entry %d is not a rule (use rule \"name\" { ... })", file, i)
      else
        r.file = file
        local c, cerr = compile_rule(r, trusted)
        if c and seen[c.name] then
          c, cerr = nil, rule_error(r, "duplicate rule name (first at line %d)", seen[c.name].line)
        end
        if c then
          seen[c.name] = c
          pack.rules[#pack.rules + 1] = c
        else
          errors[#errors + 1] = cerr
        end
      end
    end
  end
  -- with the cache's entries for this source the checks that run the
  -- patterns are left out, unless the entries do not fit what the pack
  -- gave this time: then every rule is compiled again with them
  compile_rules(cached ~= nil)
  if cached and (#errors > 0 or not derivations.fits(cached, pack)) then
    cached = nil
    compile_rules(false)
  end
  for k in pairs(res) do
    if type(k) ~= "number" then
      errors[#errors + 1] = string.format("%s: key '%s' is not a rule (return a list of rules)", file, tostring(k))
    end
  end
  if #errors > 0 and not opts.keep_going then return nil, errors end
  local hit = derive(pack, #errors == 0 and cached)
  return pack, (#errors > 0) and errors or nil, not hit
end

-- A pack loads under the load budgets (glean.sandbox): past them it is
-- "file:line: rule exceeded its time budget (...)" and is left out.
local function load_limits(chunkname)
  return { instructions = sandbox.LOAD_INSTRUCTIONS, memory = sandbox.LOAD_MEMORY, owner = chunkname,
           sources = { [chunkname] = true } }
end

function rules.compile(src, chunkname, opts)
  -- prefixes derived before from this very source (glean.rules_cache) are
  -- taken as they are; derived ones are kept for the next process
  local cached = derivations.cached(src, chunkname, ENGINE)
  local ok, pack, errors, derived = sandbox.run(load_limits(chunkname), compile_pack, src, chunkname, opts, cached)
  if not ok then return nil, { tostring(pack) } end
  if pack and errors == nil and derived then derivations.keep(src, chunkname, pack, ENGINE) end
  return pack, errors
end

local function read_file(path)
  local f, err = io.open(path, "rb")
  if not f then return nil, err end
  local s = f:read("a")
  f:close()
  return s
end

-- default directory of the shipped packs
function rules.default_dir()
  return require("glean.paths").home() .. "/rules"
end

-- load(dirs_or_files, opts) -> Engine, errors.  Without keep_going any error
-- returns nil, errors.  Packs load in order: dates, numbers, web, boilerplate
-- first (pack order breaks ties), then other files alphabetically.  The
-- examples of a user's pack are run as it loads (opts.check_examples =
-- false skips that, as `glean rules --test` does to report them itself).
local PACK_ORDER = { ["dates.lua"] = 1, ["numbers.lua"] = 2, ["web.lua"] = 3, ["boilerplate.lua"] = 4 }

-- the shipped packs (rules/ of the checkout or rock): their examples are
-- run by the test suite, not at every load
local function shipped(file)
  local dir = rules.default_dir()
  return file:sub(1, #dir + 1) == dir .. "/"
end

-- check_examples(pack, errors) -> pack with the rules whose examples pass:
-- what `glean rules --test` checks, run when a user's pack loads, so a rule
-- whose pattern or value does not give its own examples (a value function
-- reading the wrong capture returns nil and silently rejects every match)
-- is an error at file:line instead of a rule that finds nothing
local function check_examples(pack, errors)
  local by_name, keep = {}, {}
  for _, res in ipairs(rules.new({ pack }):test()) do by_name[res.rule] = res end
  for _, r in ipairs(pack.rules) do
    local res = by_name[r.name]
    if res and not res.passed and res.failures[1] ~= "no examples" then
      for _, f in ipairs(res.failures) do
        errors[#errors + 1] = rule_error(r, "example %s", f)
      end
    else
      keep[#keep + 1] = r
    end
  end
  pack.rules = keep
  for i, r in ipairs(keep) do r.order, r.pack_index, r.rule_index = nil, nil, i end
  return pack
end

function rules.load(paths, opts)
  opts = opts or {}
  if type(paths) == "string" then paths = { paths } end
  local files, errors = {}, {}
  for _, p in ipairs(paths) do
    if p:match("%.lua$") then
      files[#files + 1] = p
    else
      local names, err = require("glean.paths").list_dir(p, "%.lua$")
      if not names then
        errors[#errors + 1] = string.format("%s: cannot read rule directory (%s)", p, err)
      else
        table.sort(names, function(a, b)
          local oa, ob = PACK_ORDER[a] or 99, PACK_ORDER[b] or 99
          if oa ~= ob then return oa < ob end
          return a < b
        end)
        if #names == 0 then errors[#errors + 1] = string.format("%s: no rule files (*.lua)", p) end
        for _, n in ipairs(names) do files[#files + 1] = p .. "/" .. n end
      end
    end
  end
  local packs = {}
  for _, f in ipairs(files) do
    local src, err = read_file(f)
    if not src then
      errors[#errors + 1] = string.format("%s: cannot read (%s)", f, err)
    else
      local pack, perrs = rules.compile(src, "@" .. f, opts)
      for _, e in ipairs(perrs or {}) do errors[#errors + 1] = e end
      if pack and opts.check_examples ~= false and not shipped(f) then
        local ok, checked = sandbox.run(load_limits("@" .. f), check_examples, pack, errors)
        if ok then pack = checked else pack = nil; errors[#errors + 1] = tostring(checked) end
      end
      if pack then packs[#packs + 1] = pack end
    end
  end
  if #errors > 0 and not opts.keep_going then return nil, errors end
  return rules.new(packs), (#errors > 0) and errors or nil
end

-- ---------------------------------------------------------------------
-- the engine

local Engine = {}
Engine.__index = Engine
Engine.__name = "glean.Rules"

function rules.new(packs)
  local self = setmetatable({ packs = packs, list = {}, scanners = {} }, Engine)
  for pi, pack in ipairs(packs) do
    for ri, r in ipairs(pack.rules) do
      r.order = #self.list + 1
      r.pack_index, r.rule_index = pi, ri
      self.list[#self.list + 1] = r
    end
  end
  return self
end

function Engine:__tostring()
  return string.format("glean.Rules (%d rules in %d packs)", #self.list, #self.packs)
end

local function applies(r, langs)
  if not langs or not r.languages then return true end
  for _, l in ipairs(r.languages) do
    if langs[l] then return true end
  end
  return false
end

-- non-word characters that can start nothing: skipped in one LPeg span
local SPACE = S(" \t\r\n\f\v")
local ASCII_WORD = R("az", "AZ", "09", "__")
local NONASCII = R("\128\255")

-- one character of a script written without spaces between words (Han,
-- kana, Thai, Lao, Khmer, Myanmar), by its UTF-8 bytes: in such text a
-- rule may start at any character ("据新华社2024年12月3日电"), so the walk
-- steps one character at a time there instead of skipping the whole run
local NOSPACE = P"\227" * R("\129\131", "\144\191") * R("\128\191")      -- U+3040-30FF, U+3400-3FFF
  + R("\228\233") * R("\128\191") * R("\128\191")                         -- U+4000-9FFF
  + P"\239" * R("\164\171") * R("\128\191")                               -- U+F900-FAFF
  + P"\240" * R("\160\191") * R("\128\191") * R("\128\191")              -- U+20000-3FFFF
  + P"\224" * R("\184\187") * R("\128\191")                               -- U+0E00-0EFF
  + P"\225" * (R("\158\159") * R("\128\191") + R("\128\129") * R("\128\191") + P"\130" * R("\128\159"))
rules.NOSPACE = NOSPACE

-- advance past the word (or the one character) at a candidate position
local UTF8CHAR, WORD = pattern.real(V.utf8char), pattern.real(V.word)
local ADVANCE = #NOSPACE * UTF8CHAR
  + ASCII_WORD ^ 1 * (-NOSPACE * #NONASCII * WORD) ^ -1
  + #NONASCII * WORD + UTF8CHAR + 1

local GUARD_KEY = "\0rule"

-- the prefilter: rules bucketed by first byte; bytes whose rules and
-- guards are the same share a bucket.  In a bucket a rule is guarded by the
-- trie of the rest of its prefixes (none when the first byte is all that is
-- known), and several guarded rules by the trie of all their prefixes first.
-- Rules that may start anywhere are tried everywhere.
local function prefilter(list, call)
  local by_byte, always = {}, {}
  for k, r in ipairs(list) do
    if r.prefixes then
      for _, w in ipairs(r.prefixes) do
        local b = w:byte(1)
        by_byte[b] = by_byte[b] or {}
        local e = by_byte[b][k] or {}
        by_byte[b][k] = e
        e[#e + 1] = w:sub(2)
      end
    else
      always[#always + 1] = call(k)
    end
  end
  local buckets, order = {}, {}
  for b = 0, 255 do
    local entries = by_byte[b]
    if entries then
      local ks, sig = {}, {}
      for k in pairs(entries) do ks[#ks + 1] = k end
      table.sort(ks)
      for i, k in ipairs(ks) do
        local sufs = entries[k]
        table.sort(sufs)
        if sufs[1] == "" then sufs = { "" } end    -- the first byte is all that is known
        entries[k] = sufs
        sig[i] = k .. "=" .. table.concat(sufs, "\1")
      end
      sig = table.concat(sig, "\2")
      if not buckets[sig] then
        buckets[sig] = { bytes = {}, ks = ks, entries = entries }
        order[#order + 1] = sig
      end
      local bytes = buckets[sig].bytes
      bytes[#bytes + 1] = string.char(b)
    end
  end
  local alts, starts = {}, {}
  for _, sig in ipairs(order) do
    local bk = buckets[sig]
    local guarded, unguarded, all = {}, {}, {}
    for _, k in ipairs(bk.ks) do
      local sufs = bk.entries[k]
      if sufs[1] == "" then
        unguarded[#unguarded + 1] = call(k)
      else
        guarded[#guarded + 1] = #(1 * first.trie(sufs)) * call(k)
        for _, w in ipairs(sufs) do all[#all + 1] = w end
      end
    end
    local parts = {}
    if #guarded > 1 then
      parts[1] = #(1 * first.trie(all)) * choice(guarded)
    elseif #guarded == 1 then
      parts[1] = guarded[1]
    end
    for _, u in ipairs(unguarded) do parts[#parts + 1] = u end
    alts[#alts + 1] = #S(table.concat(bk.bytes)) * choice(parts)
    starts[#starts + 1] = table.concat(bk.bytes)
  end
  -- buckets have disjoint first bytes: a balanced tree of byte-set tests
  -- enters at most one (the tests are explicit: LPeg's own first-set
  -- analysis gives up on patterns with match-time functions), and a byte
  -- no rule starts with skips them all in one test
  local function tree(lo, hi)
    if lo == hi then return alts[lo], starts[lo] end
    local mid = (lo + hi) // 2
    local left, lb = tree(lo, mid)
    local right, rb = tree(mid + 1, hi)
    return #S(lb) * left + #S(rb) * right, lb .. rb
  end
  if #alts == 0 then return choice(always) + P(true) end
  local dispatch, bytes = tree(1, #alts)
  return (#S(bytes) * dispatch) ^ -1 * (choice(always) + P(true))
end

-- scanner for a language set: hits accumulate into the `sink` upvalue;
-- filtered: through the prefilter (else every rule is tried everywhere).
-- A rule needing bytes (r.required) is guarded by a flag the scan sets
-- for each text (`off[r]`: the text lacks one of them), so one compiled
-- scanner serves every text: compiling one costs ~0.4 s, a guard one call
-- where the rule's prefix matches.
local function build_scanner(list, filtered, line)
  local sink, off
  local alts = {}
  for k, r in ipairs(list) do  -- tried in pack order
    -- `/ 0` drops the rule's captures unevaluated: the scan records only
    -- spans, and captures (numbers parsed, months looked up) are made
    -- later for the hits that win (captures_of)
    local p = Cmt(Cp() * (r.pattern / 0), function(_, e, start)
      local n = sink.n + 1
      sink.n = n
      sink[n] = { start, e - 1, r }
      return false  -- fail, so the next rule is tried too
    end)
    if filtered and r.required and #r.required > 0 and not r.broad then
      p = Cmt(P(true), function() return not off[r] end) * p
    end
    alts[k] = p
  end
  local scan
  if filtered then
    -- a grammar, so a rule in several buckets is one call, not a copy
    local g = { "scan" }
    for k, a in ipairs(alts) do g[GUARD_KEY .. k] = a end
    local space, go = SPACE, P(true)
    if line then space, go = S(" \t\r\f\v"), -P"\n" end  -- one line: stop at its end
    g.scan = (space ^ 1 + go * prefilter(list, function(k) return lpeg.V(GUARD_KEY .. k) end) * ADVANCE) ^ 0
    scan = P(g)
  else
    scan = (SPACE ^ 1 + (choice(alts) + P(true)) * ADVANCE) ^ 0
  end
  return function(text, init, hits, skip)
    sink, off = hits or { n = 0 }, skip or {}
    lpeg.match(scan, text, init)
    hits = sink
    sink, off = nil, nil
    return hits
  end
end

-- resolve overlaps: longest span, then pack order; overlay rules separately.
-- Hits that do not overlap any other are winners outright; only clusters of
-- overlapping hits (transitively) are ranked, each on its own, with a dense
-- byte map local to the cluster: a decision depends only on hits that
-- overlap it, all of which are in its cluster.
local function by_rank(a, b)
  local la, lb = a[2] - a[1], b[2] - b[1]
  if la ~= lb then return la > lb end
  if a[3].order ~= b[3].order then return a[3].order < b[3].order end
  return a[1] < b[1]
end

local function by_start(a, b)
  if a[1] ~= b[1] then return a[1] < b[1] end
  if a[2] ~= b[2] then return a[2] < b[2] end
  return a[3].order < b[3].order
end

local function resolve_cluster(g, lo, hi, winners)
  if lo == hi then
    winners[#winners + 1] = g[lo]
    return
  end
  local c, base = {}, g[lo][1] - 1
  for i = lo, hi do c[#c + 1] = g[i] end
  table.sort(c, by_rank)
  local taken, won = {}, {}
  for _, h in ipairs(c) do
    local s, e = h[1] - base, h[2] - base
    local free = true
    for k = s, e do
      if taken[k] then free = false break end
    end
    if free then
      for k = s, e do taken[k] = true end
      won[#won + 1] = h
    end
  end
  table.sort(won, by_start)
  for _, h in ipairs(won) do winners[#winners + 1] = h end
end

-- the two groups' winners, each in start order, merged
local function merge(a, b)
  local out, i, j = {}, 1, 1
  while a[i] and b[j] do
    local x, y = a[i], b[j]
    if x[1] < y[1] or (x[1] == y[1] and x[3].order < y[3].order) then
      out[#out + 1] = x
      i = i + 1
    else
      out[#out + 1] = y
      j = j + 1
    end
  end
  for k = i, #a do out[#out + 1] = a[k] end
  for k = j, #b do out[#out + 1] = b[k] end
  return out
end

-- two hit lists in start order -> one (the scan's list and a line scanner's)
local function merge_hits(a, b)
  local out, i, j, n = {}, 1, 1, 0
  while i <= a.n or j <= b.n do
    n = n + 1
    if j > b.n or (i <= a.n and a[i][1] <= b[j][1]) then
      out[n], i = a[i], i + 1
    else
      out[n], j = b[j], j + 1
    end
  end
  out.n = n
  return out
end

local function resolve(hits)
  local groups = { [false] = {}, [true] = {} }
  local sorted = true     -- the scan moves forward, so hits come in start order
  for i = 1, hits.n do
    local h = hits[i]
    local g = groups[h[3].overlay]
    if i > 1 and h[1] < hits[i - 1][1] then sorted = false end
    g[#g + 1] = h
  end
  local won = {}
  for overlay, g in pairs(groups) do
    local winners = {}
    won[overlay] = winners
    if not sorted then table.sort(g, by_start) end
    local lo, reach = 1, g[1] and g[1][2]
    for i = 2, #g do
      local h = g[i]
      if h[1] > reach then
        resolve_cluster(g, lo, i - 1, winners)
        lo, reach = i, h[2]
      elseif h[2] > reach then
        reach = h[2]
      end
    end
    if #g > 0 then resolve_cluster(g, lo, #g, winners) end
  end
  return merge(won[false], won[true])
end

-- the captures of a winning hit: its rule matched again where it started
-- (LPeg is deterministic, so it ends where the scan saw it end)
local function captures_of(r, text, h)
  r.anchored = r.anchored or Ct(r.pattern) * Cp()
  local caps, e = lpeg.match(r.anchored, text, h[1])
  if e ~= h[2] + 1 then
    error(string.format("rematch at byte %d ended at %s, not %d", h[1], tostring(e), h[2] + 1))
  end
  return #caps > 0 and caps or nil
end

-- value(captures...), or value(matched text) when the pattern captures
-- nothing (an re string without { })
local function value_of(r, caps, surface)
  if r.value then
    if caps and #caps > 0 then return r.value(table.unpack(caps)) end
    return r.value(surface)
  end
  if caps and #caps == 1 then return caps[1] end
  return surface
end

-- engine:scan(text [, opts]) -> list of annotations
-- { start, stop, rule, kind, surface, value, file } (1-based inclusive
-- bytes), errors (value functions that failed, "file:line: rule 'x': ...
-- at byte N").  opts.languages = {"de", ...} keeps rules made for those
-- languages (and rules without `languages`).  opts.prefilter = false tries
-- every rule at every position (the reference the prefilter must agree with).
function Engine:scan(text, opts)
  opts = opts or {}
  local key, langs = "*", nil
  if opts.languages then
    langs = {}
    for _, l in ipairs(opts.languages) do langs[l] = true end
    key = table.concat(opts.languages, ",")
  end
  local filtered = opts.prefilter ~= false
  -- rules needing a byte this text lacks (an e-mail address needs '@')
  -- are switched off for this text: one memchr-like search per distinct
  -- required byte
  local off = {}
  if filtered then
    if not self.required then
      local seen, list = {}, {}
      for _, r in ipairs(self.list) do
        for _, b in ipairs(r.required or {}) do
          if not seen[b] then seen[b] = {} list[#list + 1] = b end
          table.insert(seen[b], r)
        end
      end
      table.sort(list)
      -- a rule that may start at most words (email: any ASCII word) would
      -- pay the guard's call at each of them: the texts lacking its bytes
      -- get a scanner without it instead (a few variants, each compiled once)
      local broad = {}
      for _, r in ipairs(self.list) do
        if r.required and r.broad == nil then   -- more than 32 first bytes (or unknown ones)
          local firsts = {}
          for _, w in ipairs(r.prefixes or {}) do firsts[w:byte(1)] = true end
          local n = 0
          for _ in pairs(firsts) do n = n + 1 end
          r.broad = not r.within and (r.prefixes == nil or n > 32)   -- (a `within` rule runs on few lines)
        end
        if r.broad then broad[#broad + 1] = r end
      end
      self.required, self.needing, self.broad = list, seen, broad
    end
    for _, b in ipairs(self.required) do
      if not string.find(text, b, 1, true) then
        for _, r in ipairs(self.needing[b]) do off[r] = true end
      end
    end
    -- the broad rules switched off: each variant its own scanner
    for _, r in ipairs(self.broad) do
      if off[r] then key = key .. "|-" .. r.order end
    end
  else
    key = key .. "|all"
  end
  local scanner = self.scanners[key]
  if not scanner then
    -- rules with `within` (a Lua pattern every match holds, on one line)
    -- are left to line scanners run only on the lines holding that pattern
    local list, gated = {}, {}
    for _, r in ipairs(self.list) do
      local ok = applies(r, langs) and not (filtered and r.broad and off[r])
      if ok and filtered and r.within then
        gated[r.within] = gated[r.within] or {}
        table.insert(gated[r.within], r)
      elseif ok then
        list[#list + 1] = r
      end
    end
    local main, lines = build_scanner(list, filtered), {}
    for within, rs in pairs(gated) do lines[#lines + 1] = { within, build_scanner(rs, true, true) } end
    table.sort(lines, function(a, b) return a[1] < b[1] end)
    scanner = function(s, skip)
      local hits = main(s, nil, nil, skip)
      for _, l in ipairs(lines) do
        local more, pos, ls = { n = 0 }, 1, 1
        local lead = l[1]:match("^%%(%p)") or l[1]:match("^[^%^%$%*%+%-%?%(%)%[%]%%%.]")
        local follow = l[1]:find("^[%*%+%-%?]", lead and #lead + (l[1]:byte() == 37 and 2 or 1)) == nil
        local anchored = "^" .. l[1]
        while true do
          local i, j
          if lead and follow then   -- a literal first byte: memchr-like search, then the pattern there
            local k = pos
            while true do
              k = string.find(s, lead, k, true)
              if not k then break end
              i, j = string.find(s, anchored, k)
              if i then break end
              k = k + 1
            end
          else
            i, j = string.find(s, l[1], pos)
          end
          if not i then break end
          while true do       -- ls: start of the line holding i
            local nl = string.find(s, "\n", ls, true)
            if not nl or nl >= i then break end
            ls = nl + 1
          end
          more = l[2](s, ls, more, skip)
          pos = (string.find(s, "\n", math.max(j, i), true) or #s) + 1
        end
        if more.n > 0 then hits = merge_hits(hits, more) end
      end
      return hits
    end
    self.scanners[key] = scanner
  end
  local out, errors = {}, {}
  -- the packs' code (match-time captures, value functions) runs under the
  -- scan budgets, each pack its own; a pack past them is dropped from this
  -- engine and the text scanned again without it
  local sources = {}
  for _, r in ipairs(self.list) do sources["@" .. r.file] = true end
  local limits = { charge = "stack", sources = sources,
                   instructions = sandbox.SCAN_INSTRUCTIONS + sandbox.SCAN_INSTRUCTIONS_PER_BYTE * #text,
                   memory = sandbox.SCAN_MEMORY + sandbox.SCAN_MEMORY_PER_BYTE * #text }
  local ok, res, source = sandbox.run(limits, self.collect, self, scanner, text, out, errors, off)
  if not ok then
    if not source then error(res, 0) end
    self:drop_pack(source:gsub("^@", ""))
    local again, aerrs = self:scan(text, opts)
    local all = { tostring(res) }
    for _, e in ipairs(aerrs or {}) do all[#all + 1] = e end
    return again, all
  end
  return out, (#errors > 0) and errors or nil
end

-- engine:drop_pack(file): the rules of that pack file go (scanners rebuilt)
function Engine:drop_pack(file)
  local keep = {}
  for _, r in ipairs(self.list) do
    if r.file ~= file then keep[#keep + 1] = r; r.order = #keep end
  end
  self.list, self.scanners, self.required = keep, {}, nil
end

-- engine:collect(scanner, text, out, errors, off): the scan's winning hits
-- and their values into out (errors of value functions into errors); off:
-- the rules switched off for this text
function Engine.collect(_, scanner, text, out, errors, off)
  for _, h in ipairs(resolve(scanner(text, off))) do
    local r = h[3]
    local surface = text:sub(h[1], h[2])
    local ok, v = pcall(captures_of, r, text, h)
    if ok then ok, v = pcall(value_of, r, v, surface) end
    if ok and v == nil then  -- luacheck: ignore 542
      -- a value function returning nil rejects the match (e.g. 30 February)
    elseif ok then
      out[#out + 1] = { start = h[1], stop = h[2], rule = r.name, kind = r.kind, surface = surface,
                        value = v, file = r.file, entity = r.entity }
    else
      errors[#errors + 1] = rule_error(r, "value failed at byte %d: %s", h[1], tostring(v))
    end
  end
end

-- deep equality for example values (numbers compare by value)
local function same(a, b)
  if type(a) ~= type(b) then return false end
  if type(a) ~= "table" then return a == b end
  for k, v in pairs(a) do if not same(v, b[k]) then return false end end
  for k in pairs(b) do if a[k] == nil then return false end end
  return true
end
rules.same = same

local function show(v)
  if type(v) == "string" then return string.format("%q", v) end
  if type(v) ~= "table" then return tostring(v) end
  local keys = {}
  for k in pairs(v) do keys[#keys + 1] = k end
  table.sort(keys, function(x, y) return tostring(x) < tostring(y) end)
  local parts = {}
  for _, k in ipairs(keys) do parts[#parts + 1] = tostring(k) .. "=" .. show(v[k]) end
  return "{" .. table.concat(parts, ", ") .. "}"
end
rules.show = show

-- engine:test() -> list of { rule, file, line, passed, failures = {msg...} }:
-- each example must be matched whole (from its first byte to its last) by
-- its rule with exactly the given value (`true` accepts any value); each
-- counter-example must not be matched whole.
function Engine:test()
  local results = {}
  for _, r in ipairs(self.list) do
    local res = { rule = r.name, file = r.file, line = r.line, failures = {}, count = 0 }
    local texts = {}
    for text in pairs(r.examples) do texts[#texts + 1] = text end
    table.sort(texts)
    local anchored = Ct(r.pattern) * Cp()
    for _, text in ipairs(texts) do
      res.count = res.count + 1
      local want = r.examples[text]
      local caps, e = lpeg.match(anchored, text)
      if not caps or e ~= #text + 1 then
        res.failures[#res.failures + 1] = string.format("%q: %s", text,
          caps and string.format("matched only %q", text:sub(1, e - 1)) or "no match")
      elseif want ~= true then
        local ok, got = pcall(value_of, r, caps, text)
        if not ok then
          res.failures[#res.failures + 1] = string.format("%q: value failed: %s", text, tostring(got))
        elseif not same(got, want) then
          res.failures[#res.failures + 1] = string.format("%q: value %s, expected %s", text, show(got), show(want))
        end
      end
    end
    for _, text in ipairs(r.counter_examples) do
      res.count = res.count + 1
      local _, e = lpeg.match(anchored, text)
      if e == #text + 1 then
        res.failures[#res.failures + 1] = string.format("%q: matched, but is a counter-example", text)
      end
    end
    if res.count == 0 then res.failures[1] = "no examples" end
    res.passed = #res.failures == 0
    results[#results + 1] = res
  end
  return results
end

rules.Engine = Engine
rules.vocab = V
return rules
