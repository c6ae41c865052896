-- bin/glean analyze and bin/glean report, run as a user would.
local analyze = require "glean.analyze"
local H = glean_spec

-- GLEAN_NO_LOCAL: use the module paths of the test run (LUA_PATH/LUA_CPATH)
local GLEAN = "GLEAN_NO_LOCAL=1 lua5.4 " .. H.home .. "/bin/glean"

local sh = H.sh

local tmpdir = H.tmpdir

local write = H.write

-- A broken input line is named by its line number within the chunk a
-- process read, which differs between a single run and chunks.
local function same_but_line_numbers(s)
  return (s:gsub("stdin:%d+", "stdin:N"))
end

local function lines_of(s)
  local t = {}
  for l in s:gmatch("[^\n]+") do t[#t + 1] = l end
  return t
end

-- JSON Lines input made from the samples, plus a broken line
local function jsonl_input(dir)
  local path = dir .. "/in.jsonl"
  local f = assert(io.open(path, "wb"))
  local n = 0
  for _, e in ipairs(analyze.expand({ H.home .. "/samples" }, "*.txt")) do
    n = n + 1
    f:write(analyze.encode_value({ id = e.path:match("[^/]+$"), text = H.read(e.path), source = "samples" }), "\n")
  end
  f:write("{broken\n")
  f:write(analyze.encode_value({ id = "late", text = "Berlin and Paris.", date = "2024-12-05" }), "\n")
  f:close()
  return path, n + 2
end

describe("glean analyze (command line)", function()
  local dir = tmpdir()
  local input, ndocs = jsonl_input(dir)

  it("is a streaming filter: one result line per input line, in order, exit 1 on a bad document", function()
    local out, code = sh(GLEAN .. " analyze --format jsonl - < " .. input .. " 2>" .. dir .. "/err")
    assert.equal(1, code)
    local ls = lines_of(out)
    assert.equal(ndocs, #ls)
    local want = lines_of(H.read(input))
    for i, l in ipairs(ls) do
      local rec = assert(analyze.decode(l))
      if want[i] == "{broken" then
        assert.equal("stdin:" .. i, rec.id)
        assert.equal("error", rec.status)
      else
        assert.equal(require("cjson").decode(want[i]).id, rec.id)
        assert.equal("ok", rec.status)
      end
    end
    -- no progress line when stderr is no terminal, only the closing summary
    local err = H.read(dir .. "/err")
    assert.truthy(err:find("^glean: " .. ndocs .. " documents, 1 failed, %d+ mentions, [%d.]+ MB/s\n$"), err)
  end)

  it("writes an HTML report to -o with every document once, the failed one with its error", function()
    write(dir .. "/bad.txt", "Berlin \xff")
    local _, code = sh(GLEAN .. " analyze " .. H.home .. "/samples " .. dir .. "/bad.txt --glob '*.txt' -o "
      .. dir .. "/r.html 2>/dev/null")
    assert.equal(1, code)
    local html = H.read(dir .. "/r.html")
    for _, e in ipairs(analyze.expand({ H.home .. "/samples" }, "*.txt")) do
      local _, n = html:gsub("<h3>" .. e.path:gsub("%p", "%%%0") .. "</h3>", "")
      assert.equal(1, n, e.path)
    end
    assert.truthy(html:find("bad.txt: invalid UTF-8 at byte 8", 1, true))
    assert.is_nil(html:find('src="http', 1, true))        -- self-contained
    assert.is_nil(html:find('<link rel="stylesheet"', 1, true))
  end)

  it("says how many documents the report leaves out", function()
    local out, code = sh(GLEAN .. " analyze --max-docs-in-report 2 --glob '*.txt' " .. H.home .. "/samples")
    assert.equal(0, code)
    local shown = select(2, out:gsub('<article class="doc"', ""))
    assert.equal(2, shown)
    assert.truthy(out:find("the first 2 documents", 1, true))
  end)

  it("picks the format from -o and exits 2 on usage errors", function()
    local _, code = sh(GLEAN .. " analyze " .. H.home .. "/samples/2024-12-03-en-summit.txt -o " .. dir .. "/r.md")
    assert.equal(0, code)
    assert.truthy(H.read(dir .. "/r.md"):find("^# glean report"))
    local err
    _, code = sh(GLEAN .. " analyze --template " .. dir .. "/none.html x 2>" .. dir .. "/err")
    assert.equal(2, code)
    err = H.read(dir .. "/err")
    assert.truthy(err:find("none.html", 1, true))
    _, code = sh(GLEAN .. " analyze --gazetteer " .. dir .. "/none.tsv " .. H.home .. "/samples 2>" .. dir .. "/err")
    assert.equal(2, code)
    assert.truthy(H.read(dir .. "/err"):find("^glean analyze: cannot load gazetteer"))
  end)

  it("glean report rebuilds the report of a single run from per-chunk results", function()
    local single = sh(GLEAN .. " analyze --format md - < " .. input .. " 2>/dev/null")
    sh("split -l 3 " .. input .. " " .. dir .. "/chunk-")
    sh("for c in " .. dir .. "/chunk-*; do " .. GLEAN .. " analyze --format jsonl - < $c > $c.out 2>/dev/null; done")
    local merged, code = sh(GLEAN .. " report --format md " .. dir .. "/chunk-*.out")
    assert.equal(1, code)   -- the broken line is a failed document
    assert.equal(same_but_line_numbers(single), same_but_line_numbers(merged))
  end)

  it("runs under GNU parallel --pipe -j2 --keep-order with the same report as one process", function()
    local _, has = sh("command -v parallel >/dev/null")
    if has ~= 0 then return pending("GNU parallel not installed (make deps)") end
    local single = sh(GLEAN .. " analyze --format csv - < " .. input .. " 2>/dev/null")
    local _, code = sh("parallel --will-cite --pipe -N3 -j2 --keep-order " .. GLEAN
      .. " analyze --format jsonl - < " .. input .. " > " .. dir .. "/par.jsonl 2>/dev/null")
    assert.equal(1, code)   -- parallel passes the failed chunk's status on
    assert.equal(ndocs, #lines_of(H.read(dir .. "/par.jsonl")))
    local merged = sh(GLEAN .. " report --format csv " .. dir .. "/par.jsonl")
    assert.equal(single, merged)   -- no failed document rows in mentions.csv
    local html_single = sh(GLEAN .. " analyze - < " .. input .. " 2>/dev/null")
    local html_merged = sh(GLEAN .. " report " .. dir .. "/par.jsonl")
    assert.equal(same_but_line_numbers(html_single), same_but_line_numbers(html_merged))
  end)
end)
