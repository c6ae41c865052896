-- The bad-input matrix of the library (issue 6): empty input, one huge line,
-- invalid UTF-8 of every kind, NUL, BOM, CRLF, hostile gazetteers, broken rule
-- files and templates.  Each case gets a clear error naming what and where,
-- or the deliberate behaviour README "Limits and hostile input" documents.
--
-- Sizes: the huge line is 64 MiB by default, 256 MiB with GLEAN_BIG_INPUT=1,
-- 4 MiB under the sanitizers (GLEAN_SANITIZED, set by make test-asan and
-- test-valgrind) where everything runs 10-50 times slower.
local glean = require "glean"
local template = require "glean.template"
local rules = require "glean.rules"

local sanitized = os.getenv("GLEAN_SANITIZED")
local MiB = 1024 * 1024
local BIG = sanitized and 4 * MiB or (os.getenv("GLEAN_BIG_INPUT") == "1" and 256 * MiB or 64 * MiB)
local MANY = sanitized and 10000 or 1000000

local function peak_kb()
  for l in io.lines("/proc/self/status") do
    local v = l:match("^VmHWM:%s+(%d+)")
    if v then return tonumber(v) end
  end
end

local function tmpfile(content)
  local path = os.tmpname()
  local f = assert(io.open(path, "wb"))
  f:write(content)
  f:close()
  return path
end

-- Invalid UTF-8, each with the 1-based byte the error must name.
local INVALID = {
  { "overlong '/'", "ab\xC0\xAF", 3 },
  { "overlong 3-byte", "ab\xE0\x80\xAF", 3 },
  { "surrogate D800", "ab\xED\xA0\x80", 3 },
  { "truncated 3-byte", "ab\xE2\x82", 3 },
  { "truncated at the end of a word", "Berlin\xE2\x82 x", 7 },
  { "C1 lead byte", "a\xC1\x81", 2 },
  { "F5", "abc\xF5\x80\x80\x80", 4 },
  { "FF", "\xFF", 1 },
  { "FE", "x\xFE", 2 },
  { "lone continuation", "a\x80", 2 },
  { "above U+10FFFF", "a\xF4\x90\x80\x80", 2 },
}

describe("bad input:", function()
  describe("empty input", function()
    it("gives empty results everywhere", function()
      assert.are.equal("", glean.normalize(""))
      assert.are.equal("", (glean.fold("")))
      local n = 0
      for _ in glean.words("") do n = n + 1 end
      assert.are.equal(0, n)
      local gz = glean.gazetteer.new({ { alias = "Berlin", id = "Q1", type = "LOC" } })
      assert.are.same({}, gz:find_all(""))
      assert.are.equal("", template.compile("", "t.html"):render({}))
      local pack, errs = rules.compile("", "@empty.lua")
      assert.is_nil(pack)
      assert.are.equal("empty.lua: pack must return a table of rules, got nil", errs[1])
    end)

    it("rejects an empty gazetteer file with its name and line", function()
      local path = tmpfile("")
      local gz, err = glean.gazetteer.load(path)
      os.remove(path)
      assert.is_nil(gz)
      assert.are.equal(path .. ":1: missing header line (id, type, alias)", err)
    end)
  end)

  describe(("one line of %d MiB"):format(BIG // MiB), function()
    local big = string.rep("Angela Merkel traf in Berlin ein. ", BIG // 34)

    it("folds, normalizes and splits into words with memory bounded by the input", function()
      local before = peak_kb()
      do
        local folded, map = glean.fold(big)
        assert.are.equal(#big, #folded)
        assert.are.same({ #big - 4, #big - 4 }, { map:source(#folded - 4) })
      end
      collectgarbage()
      assert.are.equal(big, glean.normalize(big))
      local n, last = 0, 0
      for _, j in glean.words(big) do n, last = n + 1, j end
      assert.are.equal(#big, last)
      assert.are.equal(13 * (BIG // 34), n)   -- 6 words, 6 spaces, '.'
      -- fold output + its map + the words: a few times the input, never more
      local grown = (peak_kb() - before) * 1024
      assert.is_true(grown < 12 * #big, ("peak grew by %d bytes for %d input bytes"):format(grown, #big))
    end)

    it("is scanned by the gazetteer with every match inside it", function()
      local gz = glean.gazetteer.new({ { alias = "Berlin", id = "Q1", type = "LOC" } })
      local count, last = 0, nil
      for m in gz:gmatch(big) do count, last = count + 1, m end
      assert.are.equal(BIG // 34, count)
      assert.are.equal("Berlin", big:sub(last.start, last.stop))
    end)
  end)

  describe("invalid UTF-8", function()
    for _, c in ipairs(INVALID) do
      it(("names the byte of %s in text, in every function"):format(c[1]), function()
        local want = ("invalid UTF-8 at byte %d"):format(c[3])
        for name, f in pairs({ normalize = glean.normalize, fold = glean.fold, words = glean.words }) do
          local ok, err = pcall(f, c[2])
          assert.is_false(ok, name)
          assert.matches(want, err, 1, true)
        end
        local gz = glean.gazetteer.new({ { alias = "ab", id = "Q1", type = "LOC" } })
        local ok, err = pcall(gz.find_all, gz, c[2])
        assert.is_false(ok)
        assert.matches(want, err, 1, true)
        -- replace mode: one U+FFFD per maximal subpart, offsets stay true
        local out = glean.normalize(c[2], "NFC", { invalid = "replace" })
        assert.is_truthy(utf8.len(out))
        assert.is_truthy(out:find("\u{FFFD}", 1, true))
      end)

      it(("names the file and line of %s in a gazetteer"):format(c[1]), function()
        local path = tmpfile("id\ttype\talias\nQ1\tLOC\tok\nQ2\tLOC\t" .. c[2] .. "\n")
        local gz, err = glean.gazetteer.load(path)
        os.remove(path)
        assert.is_nil(gz)
        assert.are.equal(("%s:3: invalid UTF-8 at byte %d of the line"):format(path, 7 + c[3]), err)
      end)
    end

    it("passes template bytes through unchanged (deliberate: a template is the analyst's own file)", function()
      local t = assert(template.compile("a\xFF{{x}}\xC0\xAF", "t.html"))
      assert.are.equal("a\xFF&lt;\xC0\xAF", t:render({ x = "<" }))
    end)
  end)

  describe("NUL, BOM and CRLF", function()
    it("keeps NUL an ordinary character in text, with true offsets after it", function()
      local text = "a\0\0Berlin\0"
      local gz = glean.gazetteer.new({ { alias = "Berlin", id = "Q1", type = "LOC" } })
      local m = gz:find_all(text)
      assert.are.equal(1, #m)
      assert.are.same({ 4, 9 }, { m[1].start, m[1].stop })
      assert.are.equal(text, glean.normalize(text))
    end)

    it("rejects a NUL inside an alias with the line", function()
      local path = tmpfile("id\ttype\talias\nQ1\tLOC\tBer\0lin\n")
      local gz, err = glean.gazetteer.load(path)
      os.remove(path)
      assert.is_nil(gz)
      assert.are.equal(path .. ":2: NUL byte in alias", err)
    end)

    it("skips a BOM at the start of a gazetteer and reads CRLF lines", function()
      local path = tmpfile("\xEF\xBB\xBFid\ttype\talias\r\nQ1\tLOC\tBerlin\r\nQ2\tLOC\tNew Delhi\r\n")
      local gz = assert(glean.gazetteer.load(path))
      os.remove(path)
      local text = "\u{FEFF}Berlin\r\nNew Delhi\r\n"
      local m = gz:find_all(text)
      assert.are.equal(2, #m)
      assert.are.equal("Berlin", text:sub(m[1].start, m[1].stop))
      assert.are.equal("New Delhi", text:sub(m[2].start, m[2].stop))
      assert.are.equal("Q1", m[1].id)
    end)

    it("keeps CRLF in templates", function()
      assert.are.equal("a\r\nb\r\n", template.render("{{#x}}\r\na\r\n{{/x}}\r\nb\r\n", { x = true }))
    end)
  end)

  describe("hostile gazetteers", function()
    it("rejects a 10 MiB alias, an alias folding to nothing, and reports each line", function()
      local path = tmpfile("id\ttype\talias\nQ1\tPER\t" .. string.rep("a", 10 * MiB) ..
        "\nQ2\tPER\t\u{200B}\nQ3\tPER\tok\n")
      local gz, err = glean.gazetteer.load(path)
      os.remove(path)
      assert.is_nil(gz)
      assert.are.equal(path .. ":2: alias too long\n" .. path .. ":3: alias '\u{200B}' folds to nothing", err)
    end)

    it("reports one match per entity for duplicate aliases", function()
      local gz = glean.gazetteer.new({
        { alias = "Berlin", id = "Q1", type = "LOC" }, { alias = "Berlin", id = "Q1", type = "LOC" },
        { alias = "BERLIN", id = "Q1", type = "LOC" }, { alias = "Berlin", id = "Q2", type = "ORG" },
      })
      local m = gz:find_all("in Berlin.")
      assert.are.equal(2, #m)
      assert.are.same({ "Q1", "Q2" }, { m[1].id, m[2].id })
      assert.is_true(m[1].ambiguous and m[2].ambiguous)
    end)

    it(("loads %d entities sharing one alias"):format(MANY), function()
      local parts = { "id\ttype\talias\n" }
      for i = 1, MANY do parts[#parts + 1] = "Q" .. i .. "\tPER\tJohn Smith\n" end
      local path = tmpfile(table.concat(parts))
      local gz = assert(glean.gazetteer.load(path))
      os.remove(path)
      assert.are.equal(MANY, gz:count())
      -- scanning emits one match per entity, all on the same span, ambiguous
      -- (the per-span de-duplication sorts, so this stays O(n log n))
      local m = gz:find_all("Mr John Smith said")
      assert.are.equal(MANY, #m)
      assert.are.same({ 4, 13, true }, { m[1].start, m[MANY].stop, m[MANY].ambiguous })
    end)
  end)

  describe("broken rule files", function()
    local function errors(src)
      local pack, errs = rules.compile(src, "@r.lua")
      assert.is_nil(pack)
      return errs
    end

    it("gives the file and line of a syntax error", function()
      assert.matches("^r%.lua:2: ", errors("return {\n rule 'x' { = }\n}")[1])
    end)

    it("rejects values that are not patterns, naming the rule", function()
      assert.are.equal("r.lua:1: rule 'x': pattern is not an LPeg pattern or re string (got number)",
        errors('return { rule "x" { pattern = 3 } }')[1])
    end)

    it("surfaces LPeg's own limits as a clean error: empty loops, left recursion", function()
      assert.matches("^r%.lua:1: loop body may accept empty string",
        errors('return { rule "x" { pattern = lpeg.P(true)^0 } }')[1])
      assert.matches("^r%.lua:1: rule 'x': bad re pattern: .*rule 'p' may be left recursive",
        errors('return { rule "x" { pattern = "p <- p %a / %a" } }')[1])
    end)

    it("raises LPeg's backtrack limit from scan as an error, and the state stays usable", function()
      local pack = assert(rules.compile([[return { rule "x" { pattern = "p <- '(' p ')' / 'x'" } }]], "@r.lua"))
      local eng = rules.new({ pack })
      local deep = string.rep("(", 100000) .. "x" .. string.rep(")", 100000)
      local ok, err = pcall(eng.scan, eng, deep)
      assert.is_false(ok)
      assert.matches("backtrack stack overflow", err, 1, true)
      assert.are.equal(1, #eng:scan("(x)"))
    end)

    it("keeps a rule file's writes to string, table, math and utf8 inside its own sandbox", function()
      local upper, insert, floor, char = string.upper, table.insert, math.floor, utf8.char
      local pack = assert(rules.compile([[
        string.upper = nil; table.insert = nil; math.floor = nil; utf8.char = nil
        string.evil = true
        return { rule "x" { pattern = lpeg.P "x", examples = { "x" } } }]], "@r.lua"))
      assert.are.equal(upper, string.upper)
      assert.are.equal(insert, table.insert)
      assert.are.equal(floor, math.floor)
      assert.are.equal(char, utf8.char)
      assert.is_nil(rawget(string, "evil"))
      assert.are.equal("X", ("x"):upper())
      -- a second pack still sees the real functions
      assert(rules.compile([[
        assert(string.upper and table.insert and math.floor and utf8.char and not string.evil)
        return { rule "y" { pattern = lpeg.P "y" } }]], "@s.lua"))
      assert.are.equal(1, #rules.new({ pack }):scan("a x"))
    end)
  end)

  describe("broken templates", function()
    it("names the line and column of an unclosed section", function()
      local t, err = template.compile("ok\n  {{#items}}{{name}}", "report.html")
      assert.is_nil(t)
      assert.are.equal("report.html:2:3: section 'items' is not closed", err)
    end)

    it("stops recursive partials at the depth limit, not a stack overflow", function()
      local ok, err = pcall(template.render, "{{>p}}", {}, { p = "x{{>p}}" })
      assert.is_false(ok)
      assert.are.equal("p:1:2: partial depth limit (100) exceeded at 'p'", err)
      local deep = string.rep("{{#a}}", 101) .. string.rep("{{/a}}", 101)
      local t, err2 = template.compile(deep, "t.html")
      assert.is_nil(t)
      assert.matches("^t%.html:1:601: section nesting limit %(100%) exceeded", err2)
    end)
  end)
end)
