-- The embedding example: libglean.a, glean.pc, the C host examples/embed/
-- glean-embed (built here with `make embed`) and the analyst scripts
-- examples/meetings.lua and examples/watchlist.lua run through it.
local cjson = require "cjson"
local glean = require "glean"

local home, build = glean_spec.home, glean_spec.build
local host = build .. "/embed/glean-embed"

local function sh(cmd)
  local p = io.popen(cmd .. " 2>&1; echo \"rc=$?\"")
  local out = p:read("a")
  p:close()
  local body, rc = out:match("^(.-)rc=(%d+)\n$")
  return body, tonumber(rc)
end

local tmpdir = os.tmpname()
os.remove(tmpdir)
assert(os.execute("mkdir -p " .. tmpdir))

local function write(name, s)
  local path = tmpdir .. "/" .. name
  local f = assert(io.open(path, "wb"))
  f:write(s)
  f:close()
  return path
end

-- run(args, input) -> stdout, stderr, exit code
local function run(args, input)
  local inp = write("in", input)
  local out, err = tmpdir .. "/out", tmpdir .. "/err"
  local ok, _, code = os.execute(string.format("cd %s && %s %s < %s > %s 2> %s", home, host, args, inp, out, err))
  code = ok and 0 or code
  return glean_spec.read(out), glean_spec.read(err), code
end

local function jsonl(docs)
  local t = {}
  for i, d in ipairs(docs) do t[i] = cjson.encode(d) end
  return table.concat(t, "\n") .. "\n"
end

local function lines(s)
  local t = {}
  for l in s:gmatch("[^\n]+") do t[#t + 1] = l end
  return t
end

-- news-like sentences written for this spec
local DOCS = {
  { id = "en-1", text = "GENEVA, 4 March 2025. The foreign minister of India met the WHO chief in Geneva. "
    .. "Later the prime minister flew to Mumbai." },
  { id = "de-1", date = "2025-04-10", text = "Die Außenministerin traf in Genf Vertreter des IWF. "
    .. "Am 2. Mai 2025 sprach der Finanzminister in Mumbai mit der Weltgesundheitsorganisation." },
  { id = "fa-1", text = "وزیر امور خارجه روز ۱۴ آذر ۱۴۰۳ در ژنو با نمایندگان سازمان بهداشت جهانی دیدار کرد." },
  { id = "ru-1", text = "Министр иностранных дел 3 декабря 2024 года прибыл в Женеву на переговоры с МВФ." },
  { id = "zh-1", text = "外交部长在日内瓦会见了世界卫生组织官员。" },
}

describe("make embed", function()
  local body, rc
  setup(function() body, rc = sh("cd " .. home .. " && make -s embed BUILD=" .. build) end)

  it("builds libglean.a, glean.pc and the host", function()
    assert.are.equal(0, rc, body)
    local nm = sh("nm -g --defined-only " .. build .. "/libglean.a")
    for _, sym in ipairs { "luaopen_glean_core", "lg_preload", "lg_openlibs", "lg_pushgazetteer",
                           "gl_gazfile_open", "gl_matcher_scan" } do
      assert.truthy(nm:find(" T " .. sym .. "\n", 1, true), sym .. " not defined in libglean.a")
    end
  end)

  it("writes a glean.pc that names Lua, ICU and exttextcat", function()
    local pc = glean_spec.read(build .. "/glean.pc")
    assert.truthy(pc:find("\nRequires: lua5.4\n", 1, true))
    assert.truthy(pc:find("\nRequires.private: icu-uc icu-i18n libexttextcat\n", 1, true))
    assert.truthy(pc:find("\nLibs: -L${libdir} -lglean\n", 1, true))
    local flags, code = sh("PKG_CONFIG_PATH=" .. build .. " pkg-config --cflags --libs --static glean")
    assert.are.equal(0, code, flags)
    for _, f in ipairs { "-I" .. home .. "/csrc", "-L" .. build, "-lglean", "-llua5.4", "-licuuc", "-lexttextcat" } do
      assert.truthy((" " .. flags):find(" " .. f, 1, true), f .. " missing in: " .. flags)
    end
  end)
end)

describe("glean-embed", function()
  it("passes documents to the script and writes its tables as sorted JSON Lines", function()
    local script = write("echo.lua", [[
      local glean = require "glean"
      return function(doc)
        return { id = doc.id, chars = utf8.len(doc.text), extra = doc.extra, version = glean.version(),
                 words = #glean.segment(doc.text, "word") // 2 }
      end]])
    local out, err, code = run(script,
      '{"id":7,"text":"Grüße aus Genf","extra":[1,2.5,{"k":"\\u00e9\\ud83d\\ude00"}]}\n'
      .. "\n" .. '{"id":"b","text":"x\\ty\\"z"}\n')
    assert.are.equal("", err)
    assert.are.equal(0, code)
    assert.are.same({
      '{"chars":14,"extra":[1,2.5,{"k":"é😀"}],"id":7,"version":"' .. glean.version() .. '","words":5}',
      '{"chars":5,"id":"b","version":"' .. glean.version() .. '","words":5}',
    }, lines(out))
  end)

  it("reports bad documents with their line and keeps going, exit status 1", function()
    local script = write("id.lua", [[
      return function(doc)
        if doc.id == "boom" then error("cannot handle this one") end
        return { id = doc.id }, "raw line"
      end]])
    local out, err, code = run(script, '{"id":1,"text":"a"}\nnot json\n{"id":2}\n'
      .. '{"id":"boom","text":"b"}\n{"id":3,"text":"\\ud800"}\n{"id":4,"text":"c"}\n')
    assert.are.equal(1, code)
    assert.are.equal('{"id":1}\nraw line\n{"id":4}\nraw line\n', out)
    assert.are.same({
      "stdin:2: invalid JSON at byte 1: unexpected character",
      "stdin:3: field 'text' must be a string",
      "stdin:4: " .. script .. ":2: cannot handle this one",
      "stdin:5: invalid JSON at byte 17: lone high surrogate",
    }, lines(err))
  end)

  it("refuses results it cannot write and names where", function()
    local script = write("bad.lua", [[
      return function(doc)
        if doc.id == 1 then return 42 end
        return { nested = { f = print } }
      end]])
    local out, err, code = run(script, '{"id":1,"text":"a"}\n{"id":2,"text":"b"}\n')
    assert.are.equal(1, code)
    assert.are.equal("", out)
    assert.are.same({
      "stdin:1: result 1 is a number (a table or a string expected)",
      "stdin:2: cannot encode a function at $.nested.f",
    }, lines(err))
  end)

  it("stops with status 2 when the script does not load or has no document function", function()
    local _, err, code = run(write("syntax.lua", "return function( end"), "")
    assert.are.equal(2, code)
    assert.truthy(err:find("^glean%-embed: .*syntax%.lua:1: "), err)
    _, err, code = run(write("table.lua", "return { finish = function() end }"), "")
    assert.are.equal(2, code)
    assert.truthy(err:find("table.lua: 'document' must be a function (got nil)", 1, true), err)
    _, err, code = run("-g /nonexistent.tsv " .. write("ok.lua", "return print"), "")
    assert.are.equal(2, code)
    assert.truthy(err:find("^glean%-embed: /nonexistent%.tsv: "), err)
  end)

  it("reads NUL-separated texts with -0, numbering them", function()
    local script = write("len.lua", "return function(d) return { id = d.id, len = #d.text } end")
    local out, err, code = run("-0 " .. script, "one\0two two\0\0three")
    assert.are.equal("", err)
    assert.are.equal(0, code)
    assert.are.equal('{"id":1,"len":3}\n{"id":2,"len":7}\n{"id":3,"len":0}\n{"id":4,"len":5}\n', out)
  end)
end)

describe("two threads sharing one compiled gazetteer", function()
  local gaz = tmpdir .. "/default.gaz"
  local input
  setup(function()
    assert(assert(glean.gazetteer.load(home .. "/data/gazetteer.tsv")):save(gaz))
    local docs = {}
    for i = 1, 300 do   -- more than one batch (256), so workers are restarted
      local d = DOCS[(i - 1) % #DOCS + 1]
      docs[i] = { id = d.id .. "#" .. i, text = d.text }
    end
    input = jsonl(docs)
  end)

  it("gives the same output, in input order, as one thread", function()
    local script = home .. "/examples/watchlist.lua"
    local one, err1, c1 = run("-j 1 -g " .. gaz .. " " .. script, input)
    local two, err2, c2 = run("-j 2 -g " .. gaz .. " " .. script, input)
    assert.are.equal("", err1 .. err2)
    assert.are.equal(0, c1 + c2)
    local rows = lines(one)
    assert.are.equal("doc,lang,id,label,surface,start,stop,script", rows[1])
    assert.truthy(#rows > 300, #rows)
    assert.are.equal(one, two)
    -- the label: the gazetteer's `label` attribute, which a compiled file keeps
    assert.are.equal("en-1#1,en,place:city:Geneva,Geneva,GENEVA,1,6,Latn", rows[2])
    assert.truthy(one:find("\nzh-1#300,", 1, true))
  end)

  it("lends each state the one Matcher, which closing in a state does not free", function()
    local script = write("workers.lua", [[
      local host = require "glean.host"
      local gz = host.gazetteer
      local n = 0
      return { document = function(doc) n = n + #gz:find_all(doc.text) end,
               finish = function()
                 local before = tostring(gz)
                 gz:close()
                 return { worker = host.worker, workers = host.workers, before = before,
                          after = tostring(gz), found = n > 0 or nil }
               end }]])
    local out, err, code = run("-j 2 -g " .. gaz .. " " .. script, input)
    assert.are.equal("", err)
    assert.are.equal(0, code)
    local recs = lines(out)
    assert.are.equal(2, #recs)
    local a, b = cjson.decode(recs[1]), cjson.decode(recs[2])
    assert.are.same({ 1, 2, 2, 2 }, { a.worker, b.worker, a.workers, b.workers })
    local aliases, entities = assert(glean.gazetteer.open(gaz)):count()
    local shown = string.format("glean.Gazetteer (%d aliases, %d entities)", aliases, entities)
    assert.are.same({ shown, shown }, { a.before, b.before })
    assert.are.same({ "glean.Gazetteer (closed)", "glean.Gazetteer (closed)" }, { a.after, b.after })
  end)
end)

describe("examples/meetings.lua", function()
  it("counts offices met with people, places and organisations per month", function()
    local out, err, code = run("-g data/gazetteer.tsv examples/meetings.lua", jsonl(DOCS))
    assert.are.equal("", err)
    assert.are.equal(0, code)
    local got = {}
    for _, l in ipairs(lines(out)) do
      local r = cjson.decode(l)
      got[#got + 1] = string.format("%s %s %s %d %s", r.month, r.official_id, r.with_id, r.sentences,
                                    table.concat(r.documents, "+"))
    end
    assert.are.same({
      "2024-12 office:foreign_minister org:IMF 1 ru-1",                -- 3 декабря 2024 года
      "2024-12 office:foreign_minister place:city:Geneva 2 fa-1+ru-1", -- ۱۴ آذر ۱۴۰۳; в Женеву (inflected)
      "2025-03 office:foreign_minister org:WHO 1 en-1",                -- the dateline's date
      "2025-03 office:foreign_minister place:city:Geneva 1 en-1",
      "2025-03 office:foreign_minister place:country:IN 1 en-1",
      "2025-03 office:prime_minister place:city:Mumbai 1 en-1",
      "2025-04 office:foreign_minister org:IMF 1 de-1",                -- the document's date field
      "2025-04 office:foreign_minister place:city:Geneva 1 de-1",
      "2025-05 office:finance_minister org:WHO 1 de-1",                -- Am 2. Mai 2025, same sentence
      "2025-05 office:finance_minister place:city:Mumbai 1 de-1",
      "unknown office:foreign_minister org:WHO 1 zh-1",
      "unknown office:foreign_minister place:city:Geneva 1 zh-1",
    }, got)
  end)

  it("gives the same answer with the gazetteer compiled and memory-mapped", function()
    local gaz = tmpdir .. "/meet.gaz"
    assert(assert(glean.gazetteer.load(home .. "/data/gazetteer.tsv")):save(gaz))
    local a = run("-g data/gazetteer.tsv examples/meetings.lua", jsonl(DOCS))
    local b = run("-g " .. gaz .. " examples/meetings.lua", jsonl(DOCS))
    assert.are.equal(a, b)
  end)
end)

describe("examples/watchlist.lua", function()
  it("writes one CSV row per watch-list mention, offsets slicing the text", function()
    local out, err, code = run("examples/watchlist.lua", jsonl(DOCS))
    assert.are.equal("", err)
    assert.are.equal(0, code)
    local rows = lines(out)
    assert.are.equal("doc,lang,id,label,surface,start,stop,script", rows[1])
    local text, seen = {}, {}
    for _, d in ipairs(DOCS) do text[d.id] = d.text end
    for i = 2, #rows do
      local doc, _, id, _, surface, a, b, script =
        rows[i]:match("^([^,]*),([^,]*),([^,]*),([^,]*),([^,]*),(%d+),(%d+),(%a+)$")
      assert.truthy(doc, rows[i])
      assert.are.equal(surface, text[doc]:sub(tonumber(a), tonumber(b)))
      seen[#seen + 1] = doc .. ":" .. id .. ":" .. script
    end
    assert.are.same({
      "en-1:watch:geneva:Latn", "en-1:watch:who:Latn", "en-1:watch:geneva:Latn", "en-1:watch:mumbai:Latn",
      "de-1:watch:geneva:Latn", "de-1:watch:imf:Latn", "de-1:watch:mumbai:Latn", "de-1:watch:who:Latn",
      "fa-1:watch:geneva:Arab", "fa-1:watch:who:Arab",
      "ru-1:watch:geneva:Cyrl", "ru-1:watch:imf:Cyrl",
      "zh-1:watch:geneva:Hani", "zh-1:watch:who:Hani",
    }, seen)
  end)

  it("quotes cells and defuses formulas (CSV injection)", function()
    local out = run("examples/watchlist.lua", jsonl { { id = '=HYPERLINK("x"), Geneva', text = "In Geneva." } })
    assert.are.equal('"\'=HYPERLINK(""x""), Geneva",und,watch:geneva,Geneva,Geneva,4,9,Latn', lines(out)[2])
  end)
end)
