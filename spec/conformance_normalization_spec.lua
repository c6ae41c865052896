-- Conformance of glean.normalize / glean.is_normalized with the Unicode
-- normalization test suite (NormalizationTest.txt of Debian's unicode-data,
-- the Unicode version ICU implements).  Every line, all five columns, the
-- four forms, with the invariants exactly as the file header states them.
local glean = require "glean"

local FILE = "/usr/share/unicode/NormalizationTest.txt.bz2"
local FORMS = { "NFC", "NFD", "NFKC", "NFKD" }
local MAXSHOW = 8

local function have_file()
  local f = io.open(FILE, "rb")
  if f then f:close() end
  return f ~= nil
end

-- Reads the file once: parts[name] = { {lineno=, c = {c1..c5}, src=line}, ... }
local parts, order
local function load()
  if parts then return end
  parts, order = {}, {}
  local p = assert(io.popen("bzcat " .. FILE))
  local cur, lineno = "", 0
  for line in p:lines() do
    lineno = lineno + 1
    local part = line:match("^@(Part%d+)")
    if part then
      cur = part
      parts[part] = {}
      order[#order + 1] = part
    elseif line ~= "" and line:sub(1, 1) ~= "#" then
      local cols = {}
      for field in (line:match("^([^#]*)")):gmatch("([^;]*);") do
        local cps = {}
        for hex in field:gmatch("%x+") do cps[#cps + 1] = tonumber(hex, 16) end
        cols[#cols + 1] = utf8.char(table.unpack(cps))
      end
      assert(#cols == 5, "NormalizationTest.txt:" .. lineno .. ": expected 5 columns")
      local rows = parts[cur]
      rows[#rows + 1] = { lineno = lineno, c = cols, src = line }
    end
  end
  assert(p:close())
end

local function hex(s)
  local t = {}
  for _, cp in utf8.codes(s) do t[#t + 1] = string.format("%04X", cp) end
  return table.concat(t, " ")
end

-- The invariants of the file header: for each form, the expected column and
-- the columns that must normalize to it.
local INVARIANTS = {
  NFC = { { 2, { 1, 2, 3 } }, { 4, { 4, 5 } } },
  NFD = { { 3, { 1, 2, 3 } }, { 5, { 4, 5 } } },
  NFKC = { { 4, { 1, 2, 3, 4, 5 } } },
  NFKD = { { 5, { 1, 2, 3, 4, 5 } } },
}

-- Runs every check on one part; returns lines, checks, failures (messages).
local function verify(rows)
  local checks, fails = 0, {}
  local function fail(row, msg)
    if #fails < MAXSHOW then
      fails[#fails + 1] = string.format("line %d: %s\n    %s", row.lineno, msg, row.src)
    else
      fails.more = (fails.more or 0) + 1
    end
  end
  for _, row in ipairs(rows) do
    local c = row.c
    for form, invs in pairs(INVARIANTS) do
      for _, inv in ipairs(invs) do
        local want = c[inv[1]]
        for _, k in ipairs(inv[2]) do
          local got = glean.normalize(c[k], form)
          checks = checks + 1
          if got ~= want then
            fail(row, string.format("c%d == to%s(c%d) failed: got %s", inv[1], form, k, hex(got)))
          end
          -- the same text inside ASCII context goes through the segment path
          local ctx = glean.normalize("prefix: " .. c[k] .. " :suffix", form)
          checks = checks + 1
          if ctx ~= "prefix: " .. want .. " :suffix" then
            fail(row, string.format("to%s(c%d) inside ASCII context: got %s", form, k, hex(ctx)))
          end
        end
      end
    end
    for _, form in ipairs(FORMS) do
      for k = 1, 5 do
        local isn = glean.is_normalized(c[k], form)
        checks = checks + 1
        if isn ~= (glean.normalize(c[k], form) == c[k]) then
          fail(row, string.format("is_normalized(c%d, %s) = %s disagrees with normalize", k, form, tostring(isn)))
        end
      end
    end
  end
  return #rows, checks, fails
end

local function report(part, lines, checks, fails)
  print(string.format("\n%s: %d lines, %d checks verified, %d failed", part, lines, checks,
    #fails + (fails.more or 0)))
  if #fails > 0 then
    local msg = table.concat(fails, "\n")
    if fails.more then msg = msg .. string.format("\n... and %d more", fails.more) end
    error(part .. " failures:\n" .. msg, 0)
  end
end

describe("NormalizationTest.txt", function()
  if not have_file() then
    it("needs " .. FILE .. " (Debian package unicode-data)", function()
      pending(FILE .. " not found")
    end)
    return
  end

  for _, part in ipairs({ "Part0", "Part1", "Part2", "Part3" }) do
    it("holds every invariant of " .. part .. " for NFC, NFD, NFKC and NFKD", function()
      load()
      assert.is_table(parts[part], part .. " missing from the file")
      assert.is_true(#parts[part] > 0)
      report(part, verify(parts[part]))
    end)
  end

  it("leaves every code point not listed in Part1 unchanged in all four forms", function()
    load()
    local listed = {}
    for _, row in ipairs(parts.Part1) do listed[utf8.codepoint(row.c[1])] = true end
    local checks, fails = 0, {}
    for cp = 0, 0x10FFFF do
      if not listed[cp] and (cp < 0xD800 or cp > 0xDFFF) then
        local x = utf8.char(cp)
        for _, form in ipairs(FORMS) do
          checks = checks + 1
          if glean.normalize(x, form) ~= x and #fails < MAXSHOW then
            fails[#fails + 1] = string.format("U+%04X changes under %s", cp, form)
          end
        end
      end
    end
    print(string.format("\nPart1 complement: %d checks verified, %d failed", checks, #fails))
    assert(#fails == 0, table.concat(fails, "\n"))
  end)
end)
