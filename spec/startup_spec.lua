-- What makes `glean analyze` start faster must not change a result:
-- gz:type_conflict_rows (the C side of gazetteer.type_conflicts) against the
-- same computation over gz:aliases(), and V.keywords (a grammar calling V.nw
-- instead of a copy of it per word) against the inline trie it replaced.
-- Speed itself is measured in bench/ (make bench-startup), never here.
local glean = require "glean"
local gazetteer = glean.gazetteer

-- type_conflicts as it was computed before: the same grouping over every
-- alias, not only the rows the C core picks
local function conflicts_from_aliases(gz) return gazetteer.type_conflicts_of(gz:aliases()) end

-- a cache directory of its own for each case (glean.cache), and its removal
local function use_temp_cache()
  local dir = os.tmpname()
  os.remove(dir)
  require("glean.cache").set_dir(dir)
  return dir
end
local function drop_temp_cache(dir)
  require("glean.cache").set_dir(nil)
  os.execute("rm -rf '" .. dir .. "'")
end

describe("gazetteer.type_conflicts", function()
  it("gives what a walk over gz:aliases() gives, ids in first-alias order", function()
    local entries = {}
    -- ids with one type, two, three; interleaved; types repeated
    for i = 1, 300 do
      local id = "Q" .. (i % 37)
      local typ = ({ "place", "org", "person", "place" })[(i % 4) + 1]
      if i % 37 >= 20 then typ = "place" end       -- these ids keep one type
      entries[#entries + 1] = { id = id, type = typ, alias = "Name" .. i }
    end
    local gz = gazetteer.new(entries)
    local want = conflicts_from_aliases(gz)
    assert.is_true(#want > 5)
    assert.same(want, gazetteer.type_conflicts(gz))
  end)

  it("gives none for the default gazetteer, as a walk over every alias does", function()
    local gz = assert(gazetteer.default())
    assert.same(conflicts_from_aliases(gz), gazetteer.type_conflicts(gz))
  end)

  it("reads a compiled gazetteer the same way", function()
    local gz = gazetteer.new({
      { id = "Q1", type = "place", alias = "Berlin" },
      { id = "Q2", type = "place", alias = "Paris" },
      { id = "Q1", type = "org", alias = "Berlin AG" },
      { id = "Q2", type = "place", alias = "Paname" },
    })
    local path = os.tmpname()
    assert(gz:save(path))
    local opened = assert(gazetteer.open(path))
    os.remove(path)
    assert.same({ "id 'Q1' has 2 types (org, place)" }, gazetteer.type_conflicts(opened))
    assert.same(conflicts_from_aliases(opened), gazetteer.type_conflicts(opened))
  end)
end)

describe("V.keywords", function()
  local first = require "glean.rules_first"
  local pattern = require "glean.rules_pattern"
  local lpeg = pattern.lpeg   -- V's patterns are glean patterns
  local V = require "glean.rules_vocab"

  -- the trie as V.keywords built it before: V.nw copied at each word end
  local function inline_keywords(map)
    local words = {}
    for w, v in pairs(map) do
      for _, f in ipairs({ w, V.upper_first(w), V.lower_first(w) }) do
        if words[f] == nil then words[f] = v end
      end
    end
    local root = {}
    for w in pairs(words) do
      local node = root
      for k = 1, #w do
        local b = w:sub(k, k)
        node[b] = node[b] or {}
        node = node[b]
      end
      node[true] = words[w]
    end
    local function compile(node)
      local bytes, alts = {}, {}
      for b in pairs(node) do if b ~= true then bytes[#bytes + 1] = b end end
      table.sort(bytes)
      for _, b in ipairs(bytes) do alts[#alts + 1] = lpeg.P(b) * compile(node[b]) end
      if node[true] ~= nil then alts[#alts + 1] = V.nw * lpeg.Cc(node[true]) end
      return V.choice(alts)
    end
    return compile(root)
  end

  local map = { Sept = 9, ["Sept."] = 9, September = 9, Mai = 5, ["März"] = 3, ["дек."] = 12,
                ["декабря"] = 12, ["آذر"] = 9, am = "am", ["a.m."] = "am" }
  local texts = { "Sept", "Sept.", "Sept.x", "Septx", "September", "Septembers", "Mai ", "Maiz", "mai,",
                  "März.", "Märzen", "дек.", "дек.x", "декабря", "Декабря!", "آذر ", "آذرماه", "am", "a.m.",
                  "a.m.x", "AM", "", "x", "Sep", "sept.\u{A0}", "Mai\u{200C}", "Mai\u{0301}" }

  it("matches and captures what the inline trie did", function()
    local new, old = V.keywords(map), inline_keywords(map)
    for _, t in ipairs(texts) do
      for i = 1, #t + 1 do
        assert.same({ lpeg.match(lpeg.Ct(old) * lpeg.Cp(), t, i) }, { lpeg.match(lpeg.Ct(new) * lpeg.Cp(), t, i) })
      end
    end
  end)

  it("has the inline trie's prefixes and required bytes", function()
    local new, old = V.keywords(map), inline_keywords(map)
    local function sorted(l) if l then table.sort(l) end return l end
    old, new = pattern.recipe(old), pattern.recipe(new)
    assert.same(sorted(first.prefixes(old)), sorted(first.prefixes(new)))
    assert.same(first.required(old), first.required(new))
    assert.is_not_nil(first.prefixes(new))
  end)
end)

describe("glean.cache", function()
  local cache = require "glean.cache"
  local dir
  before_each(function()
    dir = use_temp_cache()
  end)
  after_each(function()
    drop_temp_cache(dir)
  end)

  it("gives an entry back only for the key it was put with", function()
    assert.is_nil(cache.get("x/entry", "k1"))
    assert.is_true(cache.put("x/entry", "k1", "bytes\0here"))
    assert.equal("bytes\0here", cache.get("x/entry", "k1"))
    assert.is_nil(cache.get("x/entry", "k2"))
    assert.is_true(cache.put("x/entry", "k2", "other"))
    assert.is_nil(cache.get("x/entry", "k1"))
    assert.equal("other", cache.get("x/entry", "k2"))
  end)

  it("ignores a damaged entry", function()
    assert.is_true(cache.put("e", "k", string.rep("y", 100)))
    local s = glean_spec.read(dir .. "/e")
    glean_spec.write(dir .. "/e", s:sub(1, -2))                 -- truncated
    assert.is_nil(cache.get("e", "k"))
    glean_spec.write(dir .. "/e", s .. "z")                     -- trailing bytes
    assert.is_nil(cache.get("e", "k"))
    glean_spec.write(dir .. "/e", "garbage")
    assert.is_nil(cache.get("e", "k"))
  end)

  it("is off with set_dir(false): nothing is kept", function()
    cache.set_dir(false)
    assert.is_nil(cache.put("e", "k", "v"))
    assert.is_nil(cache.get("e", "k"))
  end)

  it("reads a table entry from its file only for its key, and nothing from a damaged one", function()
    local t = { "a", { x = 1.5 }, name = "entry" }
    assert.is_nil(cache.get_table("t/entry", "k"))                          -- missing
    assert.is_true(cache.put("t/entry", "k", cache.pack_table(t)))
    assert.same(t, cache.get_table("t/entry", "k"))
    assert.is_nil(cache.get_table("t/entry", "k2"))                         -- another key
    assert.is_nil(cache.get_table("t/entry", ""))
    local s = glean_spec.read(dir .. "/t/entry")
    for len = 0, #s - 1 do                                                  -- every truncation
      glean_spec.write(dir .. "/t/entry", s:sub(1, len))
      assert.is_nil(cache.get_table("t/entry", "k"))
    end
    glean_spec.write(dir .. "/t/entry", s .. "z")                           -- trailing bytes
    assert.is_nil(cache.get_table("t/entry", "k"))
    local at = 8 + 4 + 1 + 4                                               -- magic, key "k", length: the table count
    glean_spec.write(dir .. "/t/entry", s:sub(1, at) .. string.pack("I4", 99) .. s:sub(at + 5))   -- damaged table bytes
    assert.is_nil(cache.get_table("t/entry", "k"))
    assert.is_true(cache.put("t/entry", "k", "not a packed table"))
    assert.is_nil(cache.get_table("t/entry", "k"))
    os.execute("mkdir -p '" .. dir .. "/t/dir'")                            -- no regular file
    assert.is_nil(cache.get_table("t/dir", "k"))
    -- the collector stopped while the table is made, as it was after
    assert.is_true(cache.put("t/entry", "k", cache.pack_table(t)))
    assert.is_true(collectgarbage("isrunning"))
    assert.same(t, cache.get_table("t/entry", "k"))
    assert.is_true(collectgarbage("isrunning"))
    collectgarbage("stop")
    assert.same(t, cache.get_table("t/entry", "k"))
    assert.is_false(collectgarbage("isrunning"))
    collectgarbage("restart")
    cache.set_dir(false)
    assert.is_nil(cache.get_table("t/entry", "k"))
  end)

  it("digests strings with their lengths", function()
    assert.not_equal(cache.digest("ab", "c"), cache.digest("a", "bc"))
    assert.equal(32, #cache.digest(""))
    local path = os.tmpname()
    glean_spec.write(path, "some bytes")
    assert.equal(cache.digest("some bytes"), cache.digest_file(path))
    os.remove(path)
  end)
end)

describe("rule prefixes from the derivation cache", function()
  local cache = require "glean.cache"
  local rules = require "glean.rules"
  local first = require "glean.rules_cache"
  local dir

  local function pack_src(word)
    return ([[
return {
  rule "ticket" { pattern = lpeg.P"%s" * V.sp1 * V.int(1, 4), kind = "ticket",
                  examples = { ["%s 12"] = "12" } },
  rule "tag" { pattern = lpeg.P"#" * lpeg.R("az") ^ 1, examples = { ["#abc"] = "#abc" } },
  rule "month" { pattern = V.month("en", "de"), kind = "month" },
}]]):format(word, word)
  end

  -- name -> sorted prefixes and required bytes
  local function derived(pack)
    local out = {}
    for _, r in ipairs(pack.rules) do
      local p = r.prefixes and { table.unpack(r.prefixes) }
      if p then table.sort(p) end
      out[r.name] = { prefixes = p, required = r.required }
    end
    return out
  end

  local function compile(src, name)
    return assert(rules.compile(src, "@" .. dir .. "/" .. (name or "pack.lua")))
  end

  local function uncached(src)
    cache.set_dir(false)
    local p = compile(src)
    cache.set_dir(dir)
    return derived(p)
  end

  before_each(function()
    dir = use_temp_cache()
  end)
  after_each(function()
    drop_temp_cache(dir)
  end)

  it("gives a pack loaded a second time the prefixes it derived the first", function()
    local src = pack_src("TICKET")
    local kept, hits = first.cache_stats.kept, first.cache_stats.hits
    local a = derived(compile(src))
    assert.equal(kept + 1, first.cache_stats.kept)
    local b = derived(compile(src))
    assert.equal(hits + 1, first.cache_stats.hits)
    assert.same(a, b)
    assert.same(uncached(src), b)
    assert.same({ "TICKET" }, b.ticket.prefixes)
  end)

  it("runs a kept pack's patterns on its examples only when it is not taken from the cache", function()
    -- the checks that run a pattern (the empty string, the examples and
    -- their value function) are left out for a source the cache kept: its
    -- value function calls glean.date_symbols, counted here
    local core = require "glean.core"
    local calls, real = 0, core.date_symbols
    core.date_symbols = function(loc, ...)
      if loc == "tlh" then calls = calls + 1 end
      return real(loc, ...)
    end
    local src = [[
return {
  rule "num" { pattern = lpeg.R"09" ^ 1, examples = { ["42"] = "42" },
               value = function(s) glean.date_symbols("tlh", "gregorian"); return s end },
}]]
    local ok, err = pcall(function()
      compile(src)                                    -- derived and kept: the example ran
      assert.equal(1, calls)
      local hits = first.cache_stats.hits
      local again = compile(src)                      -- from the cache: not run
      assert.equal(hits + 1, first.cache_stats.hits)
      assert.equal(1, calls)
      assert.same({ "0", "1", "2", "3", "4", "5", "6", "7", "8", "9" }, derived(again).num.prefixes)
      uncached(src)
      assert.equal(2, calls)
      -- an entry for this source that does not name its rules: every rule
      -- compiled again with the checks, the prefixes derived
      local engine = debug.getinfo(rules.load, "S").source:match("^@(.+)")
      local key = cache.digest(first.fingerprint(engine), src)
      assert.is_true(cache.put("rule-prefixes/" .. cache.digest("@" .. dir .. "/pack.lua"), key,
                               cache.pack_table({ n = 2, by_name = { other = { prefixes = { "x" } } } })))
      local redone = compile(src)
      assert.equal(3, calls)
      assert.same(uncached(src), derived(redone))
    end)
    core.date_symbols = real
    assert(ok, err)
  end)

  it("derives a changed pack again, never using what the old one gave", function()
    compile(pack_src("TICKET"))
    local hits, kept = first.cache_stats.hits, first.cache_stats.kept
    local changed = derived(compile(pack_src("REPORT")))        -- same file, new source
    assert.equal(hits, first.cache_stats.hits)
    assert.equal(kept + 1, first.cache_stats.kept)
    assert.same({ "REPORT" }, changed.ticket.prefixes)
    assert.same(uncached(pack_src("REPORT")), changed)
    -- and back: the entry now holds ISSUE's, so TICKET is derived again too
    local back = derived(compile(pack_src("TICKET")))
    assert.same({ "TICKET" }, back.ticket.prefixes)
  end)

  it("derives again when the entry is damaged", function()
    local src = pack_src("TICKET")
    compile(src)
    local files = {}
    for f in io.popen("find '" .. dir .. "' -type f"):lines() do files[#files + 1] = f end
    assert.equal(1, #files)
    local s = glean_spec.read(files[1])
    glean_spec.write(files[1], s:sub(1, #s - 7))
    local hits = first.cache_stats.hits
    assert.same(uncached(src), derived(compile(src)))
    assert.equal(hits, first.cache_stats.hits)
  end)

  it("keeps no pack that failed to load", function()
    local kept = first.cache_stats.kept
    local bad = pack_src("TICKET"):gsub('rule "tag" { pattern = ', 'rule "tag" { nonsense = 1, pattern = ')
    local pack, errs = rules.compile(bad, "@" .. dir .. "/bad.lua", { keep_going = true })
    assert.is_table(pack)
    assert.is_table(errs)
    assert.equal(kept, first.cache_stats.kept)
  end)

  it("gives the shipped packs, from the cache, what deriving them gives", function()
    for _, f in ipairs({ "dates.lua", "numbers.lua", "web.lua", "boilerplate.lua" }) do
      local path = rules.default_dir() .. "/" .. f
      local src = glean_spec.read(path)
      cache.set_dir(false)
      local want = derived(assert(rules.compile(src, "@" .. path)))
      cache.set_dir(dir)
      assert(rules.compile(src, "@" .. path))                    -- derived and kept
      local hits = first.cache_stats.hits
      assert.same(want, derived(assert(rules.compile(src, "@" .. path))))
      assert.equal(hits + 1, first.cache_stats.hits)
    end
  end)
end)

describe("the compiled form of a large gazetteer from glean.cache", function()
  local cache = require "glean.cache"
  local dir, tsv, min0

  local TEXT = "Berlin und Paris; Neu-Delhi, Tokyo, Sankt Petersburg, Frankfurt am Main, BRICS und die UNO."
  local function write_tsv(path, extra)
    local rows = { "id\ttype\talias\tflags\tlang\tlabel" }
    for i = 1, 400 do rows[#rows + 1] = ("place:x%d\tplace\tOrt%d\t\tde\tOrt %d"):format(i, i, i) end
    rows[#rows + 1] = "place:Berlin\tplace\tBerlin\t\tde,en\tBerlin"
    rows[#rows + 1] = "place:Paris\tplace\tParis\t\tde,en\tParis"
    rows[#rows + 1] = "org:BRICS\torg\tBRICS\tcase\t\tBRICS"
    if extra then rows[#rows + 1] = extra end
    glean_spec.write(path, table.concat(rows, "\n") .. "\n")
  end
  local function glz_files()
    local out = {}
    for f in io.popen("find '" .. dir .. "' -name '*.glz' 2>/dev/null"):lines() do out[#out + 1] = f end
    return out
  end
  local function matches(gz)
    local out = {}
    for _, m in ipairs(gz:find_all(TEXT, { lang = "de" })) do
      out[#out + 1] = { m.start, m.stop, m.id, m.type, m.alias, m.attrs, m.ambiguous }
    end
    return out
  end

  before_each(function()
    dir = use_temp_cache()
    tsv = os.tmpname() .. ".tsv"
    min0 = gazetteer.CACHE_MIN
    gazetteer.CACHE_MIN = 1000          -- the spec's gazetteer is small
  end)
  after_each(function()
    gazetteer.CACHE_MIN = min0
    drop_temp_cache(dir)
    os.remove(tsv)
  end)

  it("opens the compiled form the second time, with the same matches, aliases and conflicts", function()
    write_tsv(tsv)
    local plain = assert(gazetteer.load(tsv))
    local first_load = assert(gazetteer.load(tsv, { cache = true }))
    assert.equal(1, #glz_files())
    local second = assert(gazetteer.load(tsv, { cache = true }))
    assert.matches("aliases, %d+ entities", tostring(second))      -- opened, compiled
    assert.has_error(function() second:add("Rom", "place:Rom", "place") end)
    assert.same(matches(plain), matches(first_load))
    assert.same(matches(plain), matches(second))
    assert.is_true(#matches(second) >= 3)
    assert.same(plain:aliases(), second:aliases())
    assert.same(gazetteer.labels(plain), gazetteer.labels(second))
    assert.same(gazetteer.type_conflicts(plain), gazetteer.type_conflicts(second))
  end)

  it("keeps the subdivisions' labels of a compile, so a state's code needs no full label table", function()
    write_tsv(tsv, "place:region:BR-SP\tplace\tSão Paulo\t\tpt\tSão Paulo (state)")
    local want = { ["place:region:BR-SP"] = "São Paulo (state)" }
    assert.same(want, gazetteer.region_labels(assert(gazetteer.load(tsv, { cache = true }))))   -- compiles
    -- opened from the compile: derived once, then kept
    assert.same(want, gazetteer.region_labels(assert(gazetteer.load(tsv, { cache = true }))))
    local kept = io.popen("find '" .. dir .. "' -path '*gazetteer-regions*' -type f 2>/dev/null"):read("a")
    assert.truthy(kept:find("gazetteer%-regions"))
    local third = assert(gazetteer.load(tsv, { cache = true }))
    local labels0 = gazetteer.labels
    gazetteer.labels = function() error("the full label table was built") end
    local ok, got = pcall(gazetteer.region_labels, third)
    gazetteer.labels = labels0
    assert.is_true(ok, got)
    assert.same(want, got)
  end)

  it("compiles a changed file again and drops the old compile", function()
    write_tsv(tsv)
    assert(gazetteer.load(tsv, { cache = true }))
    local before = glz_files()
    local stale = before[1] .. ".dead.tmp"                     -- left by a killed writer
    glean_spec.write(stale, "half a compile")
    write_tsv(tsv, "place:Rom\tplace\tRom\t\tde\tRom")
    local gz = assert(gazetteer.load(tsv, { cache = true }))
    assert.same(matches(assert(gazetteer.load(tsv))), matches(gz))
    local ids = {}
    for _, m in ipairs(gz:find_all("Rom und Berlin")) do ids[#ids + 1] = m.id end
    assert.same({ "place:Rom", "place:Berlin" }, ids)
    local after = glz_files()
    assert.equal(1, #after)
    assert.not_equal(before[1], after[1])
    assert.is_nil(io.open(stale, "rb"))
    -- opened from the new compile too
    local again = assert(gazetteer.load(tsv, { cache = true }))
    assert.same(matches(gz), matches(again))
  end)

  it("compiles again when the inflection profiles change", function()
    write_tsv(tsv)
    local infl = os.tmpname()
    os.remove(infl)
    os.execute("mkdir -p '" .. infl .. "' && cp '" .. glean_spec.home .. "/data/inflection/de.tsv' '" .. infl .. "/'")
    assert(gazetteer.load(tsv, { cache = true, inflection = infl }))
    local before = glz_files()
    local f = assert(io.open(infl .. "/de.tsv", "ab"))
    f:write("\n")
    f:close()
    assert(gazetteer.load(tsv, { cache = true, inflection = infl }))
    local after = glz_files()
    assert.equal(1, #after)
    assert.not_equal(before[1], after[1])
    os.execute("rm -rf '" .. infl .. "'")
  end)

  it("leaves a small file, a layered load and caching turned off alone", function()
    write_tsv(tsv)
    gazetteer.CACHE_MIN = 10 ^ 9
    assert(gazetteer.load(tsv, { cache = true }))
    assert.same({}, glz_files())
    gazetteer.CACHE_MIN = 1000
    local extra = os.tmpname() .. ".tsv"
    glean_spec.write(extra, "id\ttype\talias\nplace:Rom\tplace\tRom\n")
    local layered = assert(gazetteer.load({ tsv, extra }, { cache = true }))
    assert.equal(1, #layered:find_all("Rom"))
    assert.same({}, glz_files())
    os.remove(extra)
    cache.set_dir(false)
    assert(gazetteer.load(tsv, { cache = true }))
    cache.set_dir(dir)
    assert.same({}, glz_files())
  end)

  it("ignores a damaged compile", function()
    write_tsv(tsv)
    assert(gazetteer.load(tsv, { cache = true }))
    local glz = glz_files()[1]
    local s = glean_spec.read(glz)
    glean_spec.write(glz, s:sub(1, #s // 2))
    local gz = assert(gazetteer.load(tsv, { cache = true }))
    assert.same(matches(assert(gazetteer.load(tsv))), matches(gz))
  end)

  it("keeps a compile's type conflicts, and never gives a changed file the old ones", function()
    local function conflict_entries()
      local out = {}
      for f in io.popen("find '" .. dir .. "/gazetteer-conflicts' -type f 2>/dev/null"):lines() do out[#out + 1] = f end
      return out
    end
    write_tsv(tsv, "place:Berlin\torg\tBerlin AG\t\t\tBerlin AG")
    local want = gazetteer.type_conflicts(assert(gazetteer.load(tsv)))
    assert.same({ "id 'place:Berlin' has 2 types (org, place)" }, want)
    assert(gazetteer.load(tsv, { cache = true }))                       -- compiles: nothing kept yet
    assert.same({}, conflict_entries())
    local opened = assert(gazetteer.load(tsv, { cache = true }))        -- opened from the cache
    assert.same(want, gazetteer.type_conflicts(opened))                 -- computed, then kept
    local kept = conflict_entries()
    assert.equal(1, #kept)
    local again = assert(gazetteer.load(tsv, { cache = true }))
    local methods = getmetatable(again).__index
    local rows = methods.type_conflict_rows
    methods.type_conflict_rows = function() error("walked the aliases again") end
    local ok, got = pcall(gazetteer.type_conflicts, again)            -- from the entry
    methods.type_conflict_rows = rows
    assert.is_true(ok, got)
    assert.same(want, got)
    local bytes = glean_spec.read(kept[1])
    assert.truthy(bytes:find("has 2 types", 1, true))
    -- a damaged entry is ignored, and written again
    glean_spec.write(kept[1], bytes:sub(1, #bytes - 3))
    assert.same(want, gazetteer.type_conflicts(assert(gazetteer.load(tsv, { cache = true }))))
    assert.equal(bytes, glean_spec.read(kept[1]))
    -- the file changes: its conflicts are computed again, never the old ones
    write_tsv(tsv, "place:Paris\tperson\tParis Hilton\t\t\tParis Hilton")
    assert(gazetteer.load(tsv, { cache = true }))
    local changed = assert(gazetteer.load(tsv, { cache = true }))
    assert.same({ "id 'place:Paris' has 2 types (person, place)" }, gazetteer.type_conflicts(changed))
    assert.same({ "id 'place:Paris' has 2 types (person, place)" },
      gazetteer.type_conflicts(assert(gazetteer.load(tsv, { cache = true }))))
  end)
end)

describe("the entities knowledge base from glean.cache", function()
  local cache = require "glean.cache"
  local kb_cache = require "glean.kb_cache"
  local entities = require "glean.entities"
  local dir, extra

  local TEXTS = {
    { "en", "Chancellor Olaf Scholz met Frau Dr. Angela Merkel in Berlin. Zorblat Quenn, the mayor, spoke." },
    { "de", "Bundeskanzler Olaf Scholz traf die Ministerin Annalena Baerbock." },
    { "ru", "Министр иностранных дел Сергей Лавров заявил журналистам." },
    { "ar", "قال وزير الخارجية الإيراني عباس عراقجي إن" },
    { "zh", "外交部发言人毛宁表示，" },
  }
  local function found(kb)
    local out = {}
    for _, t in ipairs(TEXTS) do
      for _, m in ipairs(entities.recognise(kb, t[2], { lang = t[1] })) do
        out[#out + 1] = { m.start, m.stop, m.type, m.rule, m.source }
      end
    end
    return out
  end

  before_each(function()
    dir = use_temp_cache()
    extra = os.tmpname() .. ".tsv"
    glean_spec.write(extra, "title\tmayor\n")
  end)
  after_each(function()
    drop_temp_cache(dir)
    os.remove(extra)
  end)

  it("loads the second time from the cache what the lists give", function()
    cache.set_dir(false)
    local fresh = assert(entities.load({ extra = { extra } }))
    cache.set_dir(dir)
    local kept, hits = kb_cache.stats.kept, kb_cache.stats.hits
    local first = assert(entities.load({ extra = { extra } }))
    assert.equal(kept + 1, kb_cache.stats.kept)
    local second = assert(entities.load({ extra = { extra } }))
    assert.equal(hits + 1, kb_cache.stats.hits)
    assert.same(fresh, second)
    assert.same(found(fresh), found(second))
    assert.same(found(first), found(second))
    assert.is_true(#found(second) > 3)
  end)

  it("reads the lists again when one of them changed", function()
    assert(entities.load({ extra = { extra } }))
    glean_spec.write(extra, "title\tmayor\ntitle\tbürgermeisterin\n")
    local hits = kb_cache.stats.hits
    local changed = assert(entities.load({ extra = { extra } }))
    assert.equal(hits, kb_cache.stats.hits)
    cache.set_dir(false)
    local fresh = assert(entities.load({ extra = { extra } }))
    assert.same(fresh, changed)
    assert.same(found(fresh), found(changed))
  end)

  it("keys the knowledge base by the stage's modules too (glean/entities/*.lua)", function()
    -- a load function in a scratch entities.lua, with a module beside it
    local root = os.tmpname()
    os.remove(root)
    os.execute("mkdir -p '" .. root .. "/entities'")
    glean_spec.write(root .. "/entities.lua", "return function() end\n")
    glean_spec.write(root .. "/entities/kb.lua", "return 1\n")
    local load = assert(loadfile(root .. "/entities.lua"))()
    local data = glean_spec.home .. "/data"
    local name, key = kb_cache.key(data, nil, {}, load)
    assert.is_string(key)
    assert.same({ name, key }, { kb_cache.key(data, nil, {}, load) })
    glean_spec.write(root .. "/entities/kb.lua", "return 2\n")
    local name2, key2 = kb_cache.key(data, nil, {}, load)
    assert.equal(name, name2)
    assert.not_equal(key, key2)
    os.execute("rm -rf '" .. root .. "'")
  end)

  it("keeps tables that several fields share shared", function()
    local shared = { x = 1 }
    local t = cache.unpack_table(cache.pack_table({ a = shared, b = { shared }, n = 2, f = 2.5, yes = true,
                                                    no = false }))
    assert.equal(t.a, t.b[1])
    assert.equal("integer", math.type(t.n))
    assert.equal("float", math.type(t.f))
    assert.is_false(t.no)
    assert.is_nil(cache.pack_table({ f = print }))
    assert.is_nil(cache.pack_table(setmetatable({}, {})))
    assert.is_nil(cache.unpack_table(cache.pack_table({ 1, 2, 3 }):sub(1, -2)))
  end)

  it("reads back arrays, mixed keys, tables as keys and cycles, and nothing from damaged bytes", function()
    local key = { k = "key table" }
    local root = { "a", "b", "c", [5] = "gap", [-1] = "neg", [0] = 0, [2.5] = "half", x = { 1, 2, { "deep" } },
                   [key] = "by table", key = key, empty = {}, long = string.rep("ä", 300), big = math.maxinteger }
    root.self = root
    local bytes = cache.pack_table(root)
    local t = cache.unpack_table(bytes)
    assert.same({ "a", "b", "c" }, { t[1], t[2], t[3] })
    assert.is_true(#t == 3 or #t == 5)   -- either is a border of this table for Lua
    assert.same({ "gap", "neg", 0, "half" }, { t[5], t[-1], t[0], t[2.5] })
    assert.same({ 1, 2, { "deep" } }, t.x)
    assert.equal("by table", t[t.key])
    assert.equal(t, t.self)
    assert.same({}, t.empty)
    assert.equal(string.rep("ä", 300), t.long)
    assert.equal(math.maxinteger, t.big)
    assert.equal("integer", math.type(t.big))
    -- every truncation and every flipped byte: a table or nil, never an error
    for len = 0, #bytes - 1 do
      assert.is_nil(cache.unpack_table(bytes:sub(1, len)))
    end
    for off = 1, #bytes do
      for _, x in ipairs { 0x01, 0x80, 0xFF } do
        local b = bytes:sub(1, off - 1) .. string.char(bytes:byte(off) ~ x) .. bytes:sub(off + 1)
        local ok, r = pcall(cache.unpack_table, b)
        assert.is_true(ok, r)
        assert.is_true(r == nil or type(r) == "table")
      end
    end
    assert.is_nil(cache.unpack_table(bytes .. "\0"))
    assert.is_nil(cache.unpack_table(""))
    assert.is_nil(cache.unpack_table(nil))
    -- a float key that is NaN (Lua refuses it as a key), a reference past the last table
    assert.is_nil(cache.unpack_table(string.pack("I4I4BnBj", 1, 1, 3, 0 / 0, 2, 1)))
    assert.same({ [1.5] = 1 }, cache.unpack_table(string.pack("I4I4BnBj", 1, 1, 3, 1.5, 2, 1)))
    assert.is_nil(cache.unpack_table(string.pack("I4I4BjBI4", 1, 1, 2, 1, 6, 2)))
    assert.is_nil(cache.unpack_table(string.pack("I4I4BjBI4", 1, 1, 2, 1, 6, 0)))
    assert.is_nil(cache.unpack_table(string.pack("I4I4", 0xFFFFFFFF, 0)))
  end)
end)
