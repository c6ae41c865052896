-- UAX #29 conformance: every line of Unicode 15.0's GraphemeBreakTest.txt,
-- WordBreakTest.txt and SentenceBreakTest.txt (Debian's unicode-data, the
-- version ICU 72 implements) run through the bulk segmenter glean.segment.
--
-- One documented difference: ICU's root word rules follow CLDR's root
-- tailoring, which removes the colons U+003A, U+FE55, U+FF1A from MidLetter
-- (so "a:b" is three words).  ICU's Swedish/Finnish rules keep the plain
-- UAX #29 MidLetter, so the word test runs under locale "sv" for the 100 %
-- check, and under root it checks that colons explain every difference.
--
-- LineBreakTest.txt (UAX #14) is checked too, with ICU as the authority: the
-- lines where ICU 72 differs are each explained by one of ICU's documented
-- tailorings of its root line rules (icu4c/source/data/brkitr/rules/line.txt):
--   * rule 20.9, named in that file's header as its one modification of
--     UAX #14: no break between a hyphen and a following letter when there is
--     a break before the hyphen ("-#", "-ก" at the start of text).  UAX #14
--     adopted it as LB20a in Unicode 15.1 (UTC-179-C32).
--   * its LB25 numbers rule, `(PR|PO)? (OP|HY)? IS? NU (NU|SY|IS)* ...`, lets
--     a number start with a decimal point (".35", "a.2"), where the test file
--     follows the LB25 regex of UAX #14 example 7, which must start with NU.
--     So ICU keeps "IS NU" together and breaks after a space before ".35"
--     (UAX #14 15.1 LB15c: SP ÷ IS NU).
local glean = require "glean"

local DIR = (os.getenv("UNICODE_DIR") or "/usr/share/unicode") .. "/auxiliary/"
local COLONS = { [0x3A] = true, [0xFE55] = true, [0xFF1A] = true }

-- Parse one test line into the test string, the expected boundary list (byte
-- offsets, 0 and the end included) and the code points.
local function parse(line)
  local body = line:gsub("#.*", "")
  if not body:find("%S") then return nil end
  local parts, bounds, cps, pos = {}, {}, {}, 0
  for tok in body:gmatch("%S+") do
    if tok == "÷" then
      bounds[#bounds + 1] = pos
    elseif tok ~= "×" then
      local cp = assert(tonumber(tok, 16), "bad code point '" .. tok .. "'")
      local c = utf8.char(cp)
      parts[#parts + 1] = c
      cps[#cps + 1] = cp
      pos = pos + #c
    end
  end
  return table.concat(parts), table.concat(bounds, " "), cps
end

local function boundaries(s, kind, locale)
  local t = glean.segment(s, kind, locale)
  local b = { 0 }
  for i = 2, #t, 2 do b[#b + 1] = t[i] end
  return table.concat(b, " ")
end

-- Runs the file; returns lines checked and the list of failing lines (number, text).
local function run(file, kind, locale)
  local checked, failed, n = 0, {}, 0
  for line in io.lines(DIR .. file) do
    n = n + 1
    local s, want, cps = parse(line)
    if s then
      checked = checked + 1
      if boundaries(s, kind, locale) ~= want then
        failed[#failed + 1] = { n = n, line = line, cps = cps }
      end
    end
  end
  return checked, failed
end

local function report(file, locale, checked, failed)
  print(string.format("\n%s%s: %d lines checked, %d passed, %d failed", file,
    locale and (" (locale " .. locale .. ")") or "", checked, checked - #failed, #failed))
end

local function first_failures(failed)
  local out = {}
  for i = 1, math.min(#failed, 5) do out[i] = failed[i].n .. ": " .. failed[i].line end
  return table.concat(out, "\n")
end

describe("UAX #29 conformance (Unicode 15.0 test files)", function()
  local present = io.open(DIR .. "WordBreakTest.txt")
  if not present then
    it("needs the unicode-data package", function() pending(DIR .. " not found (apt-get install unicode-data)") end)
    return
  end
  present:close()

  it("passes every line of GraphemeBreakTest.txt", function()
    local checked, failed = run("GraphemeBreakTest.txt", "grapheme")
    report("GraphemeBreakTest.txt", nil, checked, failed)
    assert.is_true(checked > 600)
    assert.are.equal("", first_failures(failed))
  end)

  it("passes every line of SentenceBreakTest.txt", function()
    local checked, failed = run("SentenceBreakTest.txt", "sentence")
    report("SentenceBreakTest.txt", nil, checked, failed)
    assert.is_true(checked > 500)
    assert.are.equal("", first_failures(failed))
  end)

  it("passes every line of WordBreakTest.txt with the untailored MidLetter (locale sv)", function()
    local checked, failed = run("WordBreakTest.txt", "word", "sv")
    report("WordBreakTest.txt", "sv", checked, failed)
    assert.is_true(checked > 1800)
    assert.are.equal("", first_failures(failed))
  end)

  it("differs from WordBreakTest.txt under root only where CLDR drops the colon from MidLetter", function()
    local checked, failed = run("WordBreakTest.txt", "word")
    report("WordBreakTest.txt", "root", checked, failed)
    local unexplained = {}
    for _, f in ipairs(failed) do
      local has_colon = false
      for _, cp in ipairs(f.cps) do has_colon = has_colon or COLONS[cp] ~= nil end
      if not has_colon then unexplained[#unexplained + 1] = f end
    end
    assert.are.equal("", first_failures(unexplained))
    -- the tailoring is real: "a:b" splits under root, stays one word under sv
    assert.are.equal("0 1 2 3", boundaries("a:b", "word"))
    assert.are.equal("0 3", boundaries("a:b", "word", "sv"))
    assert.is_true(#failed > 0)
  end)
end)


-- Line-break classes of a LineBreakTest.txt line, from its comment: "NAME (CLS) ×"
-- for each code point; "AI_AL", "CM1_CM" name the class the rules resolve to.
local function lb_classes(line)
  local out = {}
  for cls in (line:match("#(.*)") or ""):gmatch("%(([%w_]+)%)%s*[×÷]") do
    out[#out + 1] = cls:match("_(%u+)$") or (cls:match("^%u+$") and cls) or "XX"
  end
  return out
end

describe("UAX #14 conformance (Unicode 15.0 LineBreakTest.txt, ICU 72 tailorings)", function()
  local present = io.open(DIR .. "LineBreakTest.txt")
  if not present then
    it("needs the unicode-data package", function() pending(DIR .. " not found (apt-get install unicode-data)") end)
    return
  end
  present:close()

  -- Why ICU differs at boundary index k (between code points k and k+1), or nil.
  local function explain(cls, k, icu_breaks)
    local prev = k  -- the class before the boundary, skipping combining marks (LB9)
    while prev > 1 and cls[prev] == "CM" do prev = prev - 1 end
    local before, after = cls[prev], cls[k + 1]
    if not icu_breaks then
      if before == "HY" and prev == 1 and after == "AL" then return "ICU rule 20.9: sot HY × AL" end
      if before == "IS" and after == "NU" then return "ICU LB25: number may start with IS" end
    else
      if before == "SP" and after == "IS" and cls[k + 2] == "NU" then return "ICU LB25: SP ÷ IS NU" end
    end
    return nil
  end

  it("passes every line except those ICU's documented tailorings explain", function()
    local checked, differing, why, unexplained, n = 0, 0, {}, {}, 0
    for line in io.lines(DIR .. "LineBreakTest.txt") do
      n = n + 1
      local s, want, cps = parse(line)
      if s then
        checked = checked + 1
        -- the test marks sot with ×, so its boundary list has no 0; ICU's neither
        local got = boundaries(s, "line"):gsub("^0 ?", "")
        if got ~= want then
          differing = differing + 1
          local cls = lb_classes(line)
          assert.are.equal(#cps, #cls, "cannot read the classes of line " .. n)
          -- boundary sets by code point index
          local pos, at = 0, {}
          for i, cp in ipairs(cps) do pos = pos + #utf8.char(cp); at[pos] = i end
          local w, g = {}, {}
          for b in want:gmatch("%d+") do w[at[tonumber(b)]] = true end
          for b in got:gmatch("%d+") do g[at[tonumber(b)]] = true end
          for k = 1, #cps do
            if (w[k] or false) ~= (g[k] or false) then
              local reason = explain(cls, k, g[k] == true)
              if reason then why[reason] = (why[reason] or 0) + 1
              else unexplained[#unexplained + 1] = { n = n, line = line } end
            end
          end
        end
      end
    end
    local parts = {}
    for reason, count in pairs(why) do parts[#parts + 1] = string.format("%s: %d", reason, count) end
    table.sort(parts)
    print(string.format("\nLineBreakTest.txt: %d lines checked, %d passed, %d differ, all by ICU tailorings (%s)",
      checked, checked - differing, differing, table.concat(parts, "; ")))
    assert.is_true(checked > 7000)
    assert.are.equal("", first_failures(unexplained))
    assert.is_true(differing > 0 and differing < checked / 100)
  end)

  it("shows each tailoring on a plain example", function()
    assert.are.equal("0 2", boundaries("-a", "line"))       -- rule 20.9 (UAX #29-style list from 0)
    assert.are.equal("0 2 4", boundaries("a -b", "line"))   -- after a space too
    assert.are.equal("0 4", boundaries("a.25", "line"))     -- IS NU kept together
    assert.are.equal("0 2 5", boundaries("x .25", "line"))  -- break before a leading decimal point
  end)
end)
