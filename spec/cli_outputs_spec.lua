-- What glean writes and what it reads, as a careless user or a full disk
-- meets it (issue 17 "CLI behaviour", issue 18 items 2, 3, 4 and 9): paths
-- that do not exist, empty folders, globs that match nothing, outputs
-- written through a temporary file and rename(2), every write checked,
-- Ctrl-C, symbolic-link loops, the report inside the folder it reports on.
local H = glean_spec

local function q(s) return "'" .. s:gsub("'", "'\\''") .. "'" end

-- glean(args, opts) -> exit status, stdout, stderr; opts.prefix goes before
-- the command (env, runuser), opts.stdout redirects standard output
local function glean(args, opts)
  opts = opts or {}
  local parts = {}
  for i, a in ipairs(args) do parts[i] = q(a) end
  local errf = os.tmpname()
  local cmd = (opts.prefix or "") .. "lua5.4 " .. q(H.home .. "/bin/glean") .. " " .. table.concat(parts, " ")
    .. " </dev/null 2>" .. q(errf) .. (opts.stdout and (" >" .. q(opts.stdout)) or "")
  local p = assert(io.popen(cmd, "r"))
  local out = p:read("a")
  local _, _, code = p:close()
  local err = H.read(errf)
  os.remove(errf)
  return code, out, err
end

local function exists(p)
  local f = io.open(p, "rb")
  if f then f:close() end
  return f ~= nil
end

local function listing(dir)
  local p = assert(io.popen("ls -A " .. q(dir)))
  local s = p:read("a")
  p:close()
  return s
end

describe("glean analyze inputs", function()
  local dir
  before_each(function()
    dir = H.tmpdir()
    assert(os.execute("mkdir -p " .. q(dir .. "/news") .. " " .. q(dir .. "/empty")))
    H.write(dir .. "/news/a.txt", "Angela Merkel traf in Berlin ein.\n")
  end)
  after_each(function() os.execute("rm -rf " .. q(dir)) end)

  it("refuses a path that does not exist, names it, writes no report", function()
    local code, _, err = glean({ "analyze", dir .. "/nope/", "-o", dir .. "/r.html" })
    assert.equal(2, code)
    assert.equal("glean: " .. dir .. "/nope/: No such file or directory\n", err)
    assert.is_false(exists(dir .. "/r.html"))
  end)

  it("refuses a path that does not exist beside one that does (no partial report)", function()
    local code, _, err = glean({ "analyze", dir .. "/news", dir .. "/nope.txt", "-o", dir .. "/r.html" })
    assert.equal(2, code)
    assert.equal("glean: " .. dir .. "/nope.txt: No such file or directory\n", err)
    assert.is_false(exists(dir .. "/r.html"))
  end)

  it("refuses an empty folder with a clear message and status 2", function()
    local code, out, err = glean({ "analyze", dir .. "/empty" })
    assert.equal(2, code)
    assert.equal("", out)
    assert.equal("glean: no files in " .. dir .. "/empty: no report written\n", err)
  end)

  it("refuses a --glob that matches nothing", function()
    local code, _, err = glean({ "analyze", dir .. "/news", "--glob", "*.md", "-o", dir .. "/r.html" })
    assert.equal(2, code)
    assert.equal("glean: no file in " .. dir .. "/news matches --glob '*.md': no report written\n", err)
    assert.is_false(exists(dir .. "/r.html"))
  end)

  it("reads --glob '[]' as a POSIX class, never a traceback", function()
    local inputs = require "glean.inputs"
    assert.truthy(("]"):match(inputs.glob_pattern("[]]")))
    assert.truthy(("a.txt"):match(inputs.glob_pattern("[!]b].txt")))
    assert.truthy(("%.txt"):match(inputs.glob_pattern("[%]*")))
    assert.truthy(("[]"):match(inputs.glob_pattern("[]")))
    local code, _, err = glean({ "analyze", dir .. "/news", "--glob", "[]" })
    assert.equal(2, code)
    assert.equal("glean: no file in " .. dir .. "/news matches --glob '[]': no report written\n", err)
    code, _, err = glean({ "analyze", dir .. "/news", "--glob", "[a-]*.txt", "--format", "jsonl", "-q" })
    assert.equal(0, code, err)
  end)

  it("walks a directory reached again through a symbolic link once, and says so once", function()
    assert(os.execute("ln -s .. " .. q(dir .. "/news/up") .. " && ln -s . " .. q(dir .. "/news/self")))
    local code, out, err = glean({ "analyze", dir .. "/news", "--format", "jsonl", "-q" })
    assert.equal(0, code, err)
    local n = 0
    for line in out:gmatch("[^\n]+") do
      n = n + 1
      assert.equal(dir .. "/news/a.txt", require("cjson").decode(line).path)
    end
    assert.equal(1, n)
    -- each link that leads back is named once ("up" leads to dir, whose
    -- "news" is the folder again)
    local again = ": directory loop (the same directory as " .. dir .. "/news), not walked again\n"
    assert.equal("glean: " .. dir .. "/news/self" .. again .. "glean: " .. dir .. "/news/up/news" .. again, err)
  end)

  it("does not read its own report (-o inside the input folder) on the next run", function()
    local code = glean({ "analyze", dir .. "/news", "-o", dir .. "/news/report.html", "-q" })
    assert.equal(0, code)
    local code2, _, err = glean({ "analyze", dir .. "/news", "-o", dir .. "/news/report.html", "-q" })
    assert.equal(0, code2)
    assert.equal("glean: " .. dir .. "/news/report.html: skipped: it is this run's output file\n", err)
    assert.truthy(H.read(dir .. "/news/report.html"):find("1 document", 1, true))
  end)

  it("names a file it cannot read, exit 2 (run as nobody: root reads everything)", function()
    if not os.execute("runuser -u nobody -- true >/dev/null 2>&1") then
      pending("runuser -u nobody is not available here")
      return
    end
    local why = H.nobody_cannot_run_lua()
    if why then pending(why) return end
    -- nobody runs a readable copy of the program (the checkout may sit in a
    -- private directory)
    local home = dir .. "/glean"
    assert(os.execute("mkdir -p " .. q(home .. "/build/glean") .. " && cp -R " .. q(H.home .. "/bin") .. " "
      .. q(H.home .. "/lua") .. " " .. q(H.home .. "/data") .. " " .. q(H.home .. "/rules") .. " "
      .. q(H.home .. "/templates") .. " " .. q(home) .. " && cp " .. q(H.build .. "/glean/core.so") .. " "
      .. q(home .. "/build/glean/") .. " && chmod -R a+rX " .. q(dir) .. " && chmod 711 " .. q(dir)
      .. " && chmod 000 " .. q(dir .. "/news/a.txt")))
    H.write(dir .. "/news/b.txt", "Paris.\n")
    assert(os.execute("chmod 644 " .. q(dir .. "/news/b.txt")))
    local errf = dir .. "/err"
    local p = assert(io.popen("runuser -u nobody -- env GLEAN_NO_LOCAL=1 LUA_PATH="
      .. q(home .. "/lua/?.lua;" .. home .. "/lua/?/init.lua;;") .. " LUA_CPATH=" .. q(home .. "/build/?.so;;")
      .. " GLEAN_HOME=" .. q(home) .. " lua5.4 " .. q(home .. "/bin/glean") .. " analyze -q --format jsonl "
      .. q(dir .. "/news") .. " 2>" .. q(errf)))
    local out = p:read("a")
    local _, _, code = p:close()
    assert.equal(2, code)
    assert.equal("glean: " .. dir .. "/news/a.txt: Permission denied\n", H.read(errf))
    local ids = {}
    for line in out:gmatch("[^\n]+") do ids[#ids + 1] = require("cjson").decode(line).id end
    assert.same({ dir .. "/news/a.txt", dir .. "/news/b.txt" }, ids)   -- the failure, and b analysed
  end)
end)

describe("glean outputs", function()
  local dir
  before_each(function()
    dir = H.tmpdir()
    assert(os.execute("mkdir -p " .. q(dir .. "/news")))
    H.write(dir .. "/news/a.txt", "Angela Merkel traf in Berlin ein.\n")
  end)
  after_each(function() os.execute("rm -rf " .. q(dir)) end)

  it("reports a full disk on -o, standard output and --save, with a non-zero status", function()
    local code, _, err = glean({ "analyze", dir .. "/news", "-o", "/dev/full", "-q" })
    assert.equal(2, code)
    assert.equal("glean: /dev/full: No space left on device\n", err)
    code, _, err = glean({ "analyze", dir .. "/news", "--format", "jsonl", "-q" }, { stdout = "/dev/full" })
    assert.equal(2, code)
    assert.equal("glean: standard output: No space left on device\n", err)
    local g = dir .. "/g.tsv"
    H.write(g, "id\ttype\talias\nQ1\tLOC\tBerlin\n")
    code, _, err = glean({ "match", "-g", g, dir .. "/news/a.txt" }, { stdout = "/dev/full" })
    assert.equal(2, code)
    assert.equal("glean: standard output: No space left on device\n", err)
    code, _, err = glean({ "match", "-g", g, "--save", "/dev/full", dir .. "/news/a.txt" })
    assert.equal(1, code)
    assert.truthy(err:find("glean: /dev/full: No space left on device\n", 1, true), err)
    code, _, err = glean({ "report", "-o", "/dev/full", "-" })
    assert.equal(2, code)
    assert.equal("glean: /dev/full: No space left on device\n", err)
  end)

  it("keeps the previous report when a rerun fails, and leaves no temporary file", function()
    local r = dir .. "/r.html"
    H.write(r, "previous report")
    H.write(dir .. "/loop.mustache", "{{> loop}}")   -- renders past the partial depth limit
    local code, _, err = glean({ "analyze", dir .. "/news", "--template", dir .. "/loop.mustache", "-o", r, "-q" })
    assert.equal(2, code)
    assert.truthy(err:find("partial depth limit", 1, true), err)
    assert.equal("previous report", H.read(r))
    assert.equal("loop.mustache\nnews\nr.html\n", listing(dir))
  end)

  it("replaces a report by rename, with the usual permissions", function()
    local r = dir .. "/r.md"
    H.write(r, "old")
    local ino0 = require("lfs").attributes(r, "ino")
    local code = glean({ "analyze", dir .. "/news", "-o", r, "-q" }, { prefix = "umask 022; " })
    assert.equal(0, code)
    assert.truthy(H.read(r):find("Berlin", 1, true))
    assert.not_equal(ino0, require("lfs").attributes(r, "ino"))   -- a new file, not the old one rewritten
    assert.equal("rw-r--r--", require("lfs").attributes(r, "permissions"):sub(1, 9))
  end)

  it("on Ctrl-C exits 130 with one line, the previous report intact", function()
    local big = dir .. "/big.txt"
    local f = assert(io.open(big, "wb"))
    for _ = 1, 20000 do f:write("Angela Merkel traf am 3. Mai 2024 in Berlin Emmanuel Macron. ") end
    f:close()
    local r = dir .. "/r.html"
    H.write(r, "previous report")
    local errf = dir .. "/err"
    -- SIGINT once the output file is open (its temporary file exists)
    local script = "lua5.4 " .. q(H.home .. "/bin/glean") .. " analyze -q " .. q(big) .. " -o " .. q(r)
      .. " 2>" .. q(errf) .. " & pid=$!; i=0; while [ $i -lt 600 ]; do "
      .. "ls -A " .. q(dir) .. " | grep -q '^\\.r\\.html\\.tmp-' && break; sleep 0.1; i=$((i+1)); done; "
      .. "kill -INT $pid; wait $pid; echo $?"
    local p = assert(io.popen("sh -c " .. q(script)))
    local out = p:read("a")
    p:close()
    assert.equal("130\n", out)
    assert.equal("glean: interrupted\n", H.read(errf))
    assert.equal("previous report", H.read(r))
    assert.equal("big.txt\nerr\nnews\nr.html\n", listing(dir))
  end)

  it("rewrites a compiled gazetteer that a reader has mapped without crashing the reader", function()
    local g1, g2, out = dir .. "/a.tsv", dir .. "/b.tsv", dir .. "/g.glz"
    H.write(g1, "id\ttype\talias\nQ1\tLOC\tBerlin\n")
    local rows = { "id\ttype\talias" }
    for i = 1, 2000 do rows[#rows + 1] = "Q" .. i .. "\tLOC\tPlace" .. i end
    H.write(g2, table.concat(rows, "\n") .. "\n")
    local prog = [[
      local gazetteer = require "glean.gazetteer"
      local a = assert(gazetteer.load(arg[1])); assert(a:save(arg[3]))
      local big = assert(gazetteer.load(arg[2])); assert(big:save(arg[3]))
      local m = assert(gazetteer.load(arg[3]))          -- mapped
      local small = assert(gazetteer.load(arg[1])); assert(small:save(arg[3]))  -- rewritten, shorter
      io.write(#m:find_all("Place1999 in Berlin"), " ", m:find_all("Place1999")[1].id)
    ]]
    H.write(dir .. "/prog.lua", prog)
    local stdout, code = H.sh("lua5.4 " .. q(dir .. "/prog.lua") .. " " .. q(g1) .. " " .. q(g2) .. " " .. q(out)
      .. " 2>&1")
    assert.equal(0, code, stdout)
    assert.equal("1 Q1999", stdout)
  end)
end)
