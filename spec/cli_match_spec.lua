-- `glean match`: output formats, standard input, exit statuses and the
-- messages of failing inputs, run as a separate process.
local H = glean_spec

local function sh_quote(s) return "'" .. s:gsub("'", "'\\''") .. "'" end

local tmpfile = glean_spec.tmpfile

-- run({args...}, stdin) -> exit status, stdout, stderr
local function run(args, stdin)
  local q = {}
  for i, a in ipairs(args) do q[i] = sh_quote(a) end
  local errf, inf = os.tmpname(), tmpfile(stdin or "")
  -- GLEAN_NO_LOCAL: use the LUA_PATH/LUA_CPATH of this test run (its build dir)
  local cmd = "GLEAN_NO_LOCAL=1 lua5.4 " .. sh_quote(H.home .. "/bin/glean") .. " match " ..
              table.concat(q, " ") .. " <" .. sh_quote(inf) .. " 2>" .. sh_quote(errf)
  local p = assert(io.popen(cmd, "r"))
  local out = p:read("a")
  local _, _, code = p:close()
  local err = H.read(errf)
  os.remove(errf); os.remove(inf)
  return code, out, err
end

describe("glean match", function()
  local gaz, text
  setup(function()
    gaz = tmpfile("id\ttype\talias\tflags\tlang\n" ..
                  "Q159\tplace\tRussia\t\ten\nQ159\tplace\tRussland\tprefix\tde\n" ..
                  "P1\tplace\tParis\t\t\nP2\tperson\tParis\t\t\nN\tperson\tNguyễn Văn An\t\t\n")
    text = tmpfile("Russia, Russlands \"und\" Paris. Nguyen Van An\n")
  end)
  teardown(function() os.remove(gaz); os.remove(text) end)

  it("prints one JSON object per match with doc, offsets, entity and surface", function()
    local code, out, err = run { "--gazetteer", gaz, text }
    assert.are.equal(0, code)
    assert.are.equal("", err)
    local d = '{"doc":' .. string.format("%q", text)
    assert.are.equal(
      d .. ',"start":1,"stop":6,"id":"Q159","type":"place","alias":"Russia","surface":"Russia",' ..
           '"attrs":{"lang":"en"}}\n' ..
      d .. ',"start":9,"stop":17,"id":"Q159","type":"place","alias":"Russland","surface":"Russlands",' ..
           '"attrs":{"lang":"de"}}\n' ..
      d .. ',"start":25,"stop":29,"id":"P1","type":"place","alias":"Paris","surface":"Paris","ambiguous":true}\n' ..
      d .. ',"start":25,"stop":29,"id":"P2","type":"person","alias":"Paris","surface":"Paris","ambiguous":true}\n' ..
      d .. ',"start":32,"stop":44,"id":"N","type":"person","alias":"Nguyễn Văn An","surface":"Nguyen Van An"}\n',
      out)
  end)

  it("offsets in the output address the input bytes", function()
    local content = H.read(text)
    local _, out = run { "-g", gaz, "--format", "tsv", text }
    local n = 0
    for line in out:gmatch("[^\n]+") do
      local _, start, stop, _, _, _, surface = line:match("^(.-)\t(%d+)\t(%d+)\t(.-)\t(.-)\t(.-)\t(.*)$")
      assert.are.equal(surface, content:sub(tonumber(start), tonumber(stop)))
      n = n + 1
    end
    assert.are.equal(5, n)
  end)

  it("reads standard input for - and when no file is given", function()
    local code, out = run({ "-g", gaz, "--format", "tsv" }, "Paris")
    assert.are.equal(0, code)
    assert.are.equal("-\t1\t5\tP1\tplace\tParis\tParis\n-\t1\t5\tP2\tperson\tParis\tParis\n", out)
    local code2, out2 = run({ "-g", gaz, "--format", "tsv", "-" }, "Paris")
    assert.are.equal(0, code2)
    assert.are.equal(out, out2)
  end)

  it("exits 0 when nothing matches", function()
    local code, out, err = run({ "-g", gaz }, "nothing here")
    assert.are.equal(0, code)
    assert.are.equal("", out)
    assert.are.equal("", err)
  end)

  it("reports every match with --overlapping", function()
    local g = tmpfile("id\ttype\talias\nA\tx\tNew York\nB\tx\tYork\n")
    local _, plain = run({ "-g", g, "--format", "tsv" }, "New York")
    local _, over = run({ "-g", g, "--format", "tsv", "--overlapping" }, "New York")
    os.remove(g)
    assert.are.equal("-\t1\t8\tA\tx\tNew York\tNew York\n", plain)
    assert.are.equal("-\t1\t8\tA\tx\tNew York\tNew York\n-\t5\t8\tB\tx\tYork\tYork\n", over)
  end)

  it("exits 1 when an input fails, still processes the others and names the failure", function()
    local bad = tmpfile("Paris \xff")
    local code, out, err = run { "-g", gaz, "--format", "tsv", "/nonexistent/x.txt", bad, text }
    os.remove(bad)
    assert.are.equal(1, code)
    assert.are.equal("glean: /nonexistent/x.txt: No such file or directory\n" ..
                     "glean: " .. bad .. ": invalid UTF-8 at byte 7\n", err)
    assert.are.equal(5, select(2, out:gsub("\n", "")))
  end)

  it("replaces invalid UTF-8 with --invalid replace", function()
    local code, out = run({ "-g", gaz, "--format", "tsv", "--invalid", "replace" }, "Paris \xff")
    assert.are.equal(0, code)
    assert.are.equal(2, select(2, out:gsub("\n", "")))
  end)

  it("exits 2 on usage errors and on a gazetteer with errors", function()
    local code, _, err = run({ "-g", gaz, "--format", "xml" }, "")
    assert.are.equal(2, code)
    assert.truthy(err:find("argument for option '--format' must be one of 'jsonl', 'tsv'", 1, true))
    local g = tmpfile("id\ttype\talias\nQ\tx\t\nQ\tx\ty\tz\n")
    code, _, err = run({ "-g", g }, "")
    os.remove(g)
    assert.are.equal(2, code)
    assert.are.equal("glean: " .. g .. ":2: empty alias\nglean: " .. g ..
                     ":3: too many columns (4 columns, header has 3)\n", err)
  end)

  it("accepts a compiled gazetteer written with --save", function()
    local glz = os.tmpname()
    local code, out = run { "-g", gaz, "--save", glz, text }
    assert.are.equal(0, code)
    local code2, out2 = run { "-g", glz, text }
    os.remove(glz)
    assert.are.equal(0, code2)
    assert.are.equal(out, out2)
  end)

  it("--lang (or auto): forms of lang-less aliases need the language; --inflection none drops forms", function()
    local g = tmpfile("id\ttype\talias\tlang\nMOW\tplace\tМосква\t\nBJS\tplace\tПекин\tru\n")
    local t = tmpfile("Министры прибыли в Москве и Пекине, заседание прошло в Москве.\n")
    local function surfaces(args)
      local code, out = run(args)
      assert.are.equal(0, code)
      local list = {}
      for s in out:gmatch('"surface":"([^"]*)"') do list[#list + 1] = s end
      return table.concat(list, " ")
    end
    assert.are.equal("Пекине", surfaces { "-g", g, t })
    assert.are.equal("Москве Пекине Москве", surfaces { "-g", g, "--lang", "ru", t })
    assert.are.equal("Москве Пекине Москве", surfaces { "-g", g, "--lang", "auto", t })
    assert.are.equal("", surfaces { "-g", g, "--lang", "ru", "--inflection", "none", t })
    os.remove(g); os.remove(t)
  end)
end)
