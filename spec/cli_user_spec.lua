-- What a new user meets first: the output format check, the closing summary
-- line, `glean match` with the default gazetteer, `glean env` and the
-- default gazetteer from any directory.
local H = glean_spec

local GLEAN = "GLEAN_NO_LOCAL=1 lua5.4 " .. H.home .. "/bin/glean"
local sh = H.sh
local EN = H.home .. "/samples/2024-12-03-en-summit.txt"

describe("glean analyze -o", function()
  local dir = H.tmpdir()

  it("refuses an output extension that names no format, and writes nothing", function()
    local _, code = sh(GLEAN .. " analyze " .. EN .. " -o " .. dir .. "/report.pdf 2>" .. dir .. "/err")
    assert.equal(2, code)
    assert.equal("glean analyze: " .. dir .. "/report.pdf: cannot write '.pdf' files: the output formats are "
      .. "html, md, csv and jsonl (.html .htm .md .markdown .csv .jsonl .json), or choose one with --format\n",
      H.read(dir .. "/err"))
    assert.is_nil(io.open(dir .. "/report.pdf", "rb"))
    -- --format says what to write there
    _, code = sh(GLEAN .. " analyze -q --format md " .. EN .. " -o " .. dir .. "/report.txt")
    assert.equal(0, code)
    assert.truthy(H.read(dir .. "/report.txt"):find("^# glean report"))
  end)

  it("ends with a one-line summary on stderr, a terminal or not, with correct plurals; -q drops it", function()
    local _, code = sh(GLEAN .. " analyze " .. EN .. " -o " .. dir .. "/r.html 2>" .. dir .. "/err")
    assert.equal(0, code)
    local err = H.read(dir .. "/err")
    assert.truthy(err:find("^glean: 1 document, 0 failed, %d+ mentions, [%d.]+ MB/s %-> " .. dir:gsub("%p", "%%%0")
      .. "/r%.html\n$"), err)
    _, code = sh(GLEAN .. " analyze " .. H.home .. "/samples --glob '*.txt' 2>" .. dir .. "/err >/dev/null")
    assert.equal(0, code)
    -- 390: with the inflected names of the Russian sample (Москвы, Пекина, ...), the
    -- Arabic names after proclitics (وطهران, بموسكو, ...), without French 'indien' and
    -- 'la réunion' (issue 14)
    assert.truthy(H.read(dir .. "/err"):find("^glean: 13 documents, 0 failed, 390 mentions, [%d.]+ MB/s\n$"),
      H.read(dir .. "/err"))
    _, code = sh(GLEAN .. " analyze -q " .. EN .. " -o " .. dir .. "/r.html 2>" .. dir .. "/err")
    assert.equal(0, code)
    assert.equal("", H.read(dir .. "/err"))
  end)

  it("counts plurals", function()
    local cli = require "glean.cli"
    assert.equal("1 document", cli.plural(1, "document"))
    assert.equal("0 documents", cli.plural(0, "document"))
    assert.equal("1,234 mentions", cli.plural(1234, "mention"))
    assert.equal("1 document, 1 failed, 1 mention, 2.0 MB/s", cli.summary(1, 1, 1, 2e6, 1))
  end)
end)

describe("glean match without -g", function()
  it("uses the default gazetteer, as analyze does", function()
    local out, code = sh("echo 'Talks in New Delhi and Paris.' | " .. GLEAN .. " match --format tsv")
    assert.equal(0, code)
    assert.equal("-\t10\t18\tplace:city:New_Delhi\tplace\tNew Delhi\tNew Delhi\n"
      .. "-\t24\t28\tplace:city:Europe/Paris\tplace\tParis\tParis\n", out)
  end)
end)

describe("using glean from a checkout", function()
  it("glean env prints exports that make require 'glean' and the default gazetteer work anywhere", function()
    local dir = H.tmpdir()
    local env, code = sh("GLEAN_HOME= GLEAN_BUILD_DIR=" .. H.build .. " lua5.4 " .. H.home .. "/bin/glean env")
    assert.equal(0, code)
    assert.truthy(env:find("export LUA_PATH='" .. H.home:gsub("%p", "%%%0") .. "/lua/%?%.lua;"))
    local script = dir .. "/t.lua"
    H.write(script, 'local glean = require "glean"\n'
      .. 'local gz = assert(glean.gazetteer.default())\n'
      .. 'local m = gz:find_all("in Paris")[1]\n'
      .. 'print(m.id, glean.gazetteer.default_path())\n')
    local out
    out, code = sh("cd " .. dir .. " && unset LUA_PATH LUA_CPATH GLEAN_HOME; " .. env
      .. " lua5.4 t.lua && glean --version")
    assert.equal(0, code, out)
    assert.truthy(out:find("^place:city:Europe/Paris\t" .. H.home:gsub("%p", "%%%0") .. "/data/gazetteer%.tsv\nglean "),
      out)
  end)
end)
