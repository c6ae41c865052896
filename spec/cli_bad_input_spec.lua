-- The bad-input matrix through the CLI (issue 6), run as separate processes:
-- every document streamed into `glean analyze` comes out exactly once (ok or
-- with its error), and unreadable, permission-denied and directory paths
-- give "glean: path: reason" with exit status 2.
--
-- Sizes: 2000 streamed documents by default; GLEAN_BIG_INPUT=1 streams the
-- issue's 1 million (analysis costs ~4 ms a document on one core).
local H = glean_spec

local N = os.getenv("GLEAN_BIG_INPUT") == "1" and 1000000 or 2000

local function sh_quote(s) return "'" .. s:gsub("'", "'\\''") .. "'" end

-- run(prefix, {args...}, stdin_path [, home]) -> exit status, stdout, stderr
-- home: a checkout-like tree (bin/, lua/, build/glean/core.so) to run
-- instead of this checkout; its modules are then the only ones on the paths.
local function run(prefix, args, inpath, home)
  local q = {}
  for i, a in ipairs(args) do q[i] = sh_quote(a) end
  local errf = os.tmpname()
  local lua_path, lua_cpath = os.getenv("LUA_PATH") or "", os.getenv("LUA_CPATH") or ""
  if home then
    lua_path = home .. "/lua/?.lua;" .. home .. "/lua/?/init.lua;;"
    lua_cpath = home .. "/build/?.so;;"
  end
  home = home or H.home
  local cmd = prefix .. "env GLEAN_NO_LOCAL=1 LUA_PATH=" .. sh_quote(lua_path) ..
    " LUA_CPATH=" .. sh_quote(lua_cpath) .. " GLEAN_HOME=" .. sh_quote(home) ..
    " lua5.4 " .. sh_quote(home .. "/bin/glean") .. " " .. table.concat(q, " ") ..
    " <" .. sh_quote(inpath or "/dev/null") .. " 2>" .. sh_quote(errf)
  local p = assert(io.popen(cmd, "r"))
  local out = p:read("a")
  local _, _, code = p:close()
  local err = H.read(errf)
  os.remove(errf)
  return code, out, err
end

describe("glean CLI on bad input:", function()
  it(("analyze --format jsonl puts each of %d streamed documents out exactly once"):format(N + 4), function()
    local path = os.tmpname()
    local f = assert(io.open(path, "wb"))
    for i = 1, N do
      f:write('{"id":"d', i, '","text":"Angela Merkel traf in Berlin ein ', i, '."}\n')
    end
    f:write('{"id":"nul","text":"a\\u0000b"}\n')       -- NUL in the text
    f:write('{"id":"x","text":7}\n')                     -- not a string
    f:write('not json\n')                                -- not JSON
    f:write('{"id":"bom","text":"\xEF\xBB\xBFBerlin\\r\\n"}\n')
    f:close()
    local code, out = run("", { "analyze", "-q", "--format", "jsonl", "-" }, path)
    os.remove(path)
    assert.are.equal(1, code)   -- some documents failed
    local cjson = require "cjson"
    local seen, ok, failed = {}, 0, {}
    for line in out:gmatch("[^\n]+") do
      local doc = cjson.decode(line)
      assert.is_nil(seen[doc.id], "document out twice: " .. tostring(doc.id))
      seen[doc.id] = true
      if doc.status == "ok" then ok = ok + 1 else failed[doc.id] = doc.error end
    end
    assert.are.equal(N + 2, ok)
    assert.are.same({
      x = "stdin:" .. (N + 2) .. ": field 'text' missing or not a string",
      ["stdin:" .. (N + 3)] = "stdin:" .. (N + 3) ..
        ": invalid JSON (Expected value but found invalid token at character 1)",
    }, failed)
  end)

  describe("paths", function()
    local dir, gaz, text
    setup(function()
      dir = os.tmpname()
      os.remove(dir)
      assert(os.execute("mkdir -m 755 " .. sh_quote(dir)))
      gaz = dir .. "/g.tsv"
      text = dir .. "/t.txt"
      local f = assert(io.open(gaz, "wb")); f:write("id\ttype\talias\nQ1\tLOC\tBerlin\n"); f:close()
      f = assert(io.open(text, "wb")); f:write("in Berlin\n"); f:close()
      assert(os.execute("chmod 600 " .. sh_quote(gaz) .. " " .. sh_quote(text)))
    end)
    teardown(function() os.execute("rm -rf " .. sh_quote(dir)) end)

    it("names a directory given as the gazetteer", function()
      local code, out, err = run("", { "match", "-g", dir, text })
      assert.are.equal(2, code)
      assert.are.equal("", out)
      assert.are.equal("glean: " .. dir .. ": Is a directory\n", err)
    end)

    it("names a gazetteer that does not exist", function()
      local code, _, err = run("", { "match", "-g", dir .. "/none.tsv", text })
      assert.are.equal(2, code)
      assert.are.equal("glean: " .. dir .. "/none.tsv: No such file or directory\n", err)
    end)

    it("names a file without read permission (run as nobody: root reads everything)", function()
      if not os.execute("command -v runuser >/dev/null 2>&1") or
         not os.execute("runuser -u nobody -- true >/dev/null 2>&1") then
        pending("runuser -u nobody is not available here")
        return
      end
      local why = H.nobody_cannot_run_lua()
      if why then pending(why) return end
      -- A clone in a private directory (mktemp -d is 0700) cannot be entered
      -- by nobody: then run a copy of the program from a readable directory.
      local home
      if not os.execute("runuser -u nobody -- test -r " .. sh_quote(H.home .. "/bin/glean") ..
                        " 2>/dev/null") then
        home = dir .. "/glean"
        local build = H.build
        assert(os.execute("mkdir -p " .. sh_quote(home .. "/build/glean") .. " && cp -R " ..
          sh_quote(H.home .. "/bin") .. " " .. sh_quote(H.home .. "/lua") .. " " .. sh_quote(H.home .. "/data") ..
          " " .. sh_quote(home) ..
          " && cp " .. sh_quote(build .. "/glean/core.so") .. " " .. sh_quote(home .. "/build/glean/") ..
          " && chmod -R a+rX " .. sh_quote(home)))
      end
      local code, out, err = run("runuser -u nobody -- ", { "match", "-g", gaz, text }, nil, home)
      assert.are.equal(2, code)
      assert.are.equal("", out)
      assert.are.equal("glean: " .. gaz .. ": Permission denied\n", err)
    end)

    -- A FIFO is read like a pipe (glean match -g <(zcat g.tsv.gz) <(zcat t.gz)
    -- works); with no writer, open(2) waits for one, as `cat fifo` would.
    it("reads a gazetteer and a text from FIFOs that have a writer", function()
      local gfifo, tfifo = dir .. "/g.fifo", dir .. "/t.fifo"
      assert(os.execute("mkfifo " .. sh_quote(gfifo) .. " " .. sh_quote(tfifo)))
      -- writers under timeout, so a failed open cannot leave them blocked
      local function writer(from, to)
        return "timeout 30 sh -c " .. sh_quote("exec cat " .. sh_quote(from) .. " >" .. sh_quote(to)) .. " & "
      end
      local code, out, err = run(writer(gaz, gfifo) .. writer(text, tfifo) .. "timeout 60 ",
        { "match", "-g", gfifo, tfifo })
      assert.are.equal("", err)
      assert.are.equal(0, code)
      assert.are.equal('{"doc":"' .. tfifo .. '","start":4,"stop":9,"id":"Q1","type":"LOC",' ..
        '"alias":"Berlin","surface":"Berlin"}\n', out)
      os.remove(gfifo); os.remove(tfifo)
    end)

    it("waits for a writer on a FIFO that has none, as cat would", function()
      local fifo = dir .. "/none.fifo"
      assert(os.execute("mkfifo " .. sh_quote(fifo)))
      local code, out = run("timeout 2 ", { "match", "-g", gaz, fifo })
      os.remove(fifo)
      assert.are.equal(124, code)   -- timeout(1): still waiting when killed
      assert.are.equal("", out)
    end)
  end)
end)
