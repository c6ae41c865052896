-- rockspec/glean-scm-1.rockspec: its C sources match the Makefile, it lists
-- every Lua module, and it builds with luarocks into a scratch tree from
-- which `require "glean"` works (so the rock cannot silently rot).
local lfs = require "lfs"

local home = glean_spec.home
local ROCKSPEC = "rockspec/glean-scm-1.rockspec"

local function read(path) return glean_spec.read(home .. "/" .. path) end

local function load_rockspec()
  local env = {}
  local chunk = assert(load(read(ROCKSPEC), "@" .. ROCKSPEC, "t", env))
  chunk()
  return env
end

-- Words of a Makefile variable assignment (VAR = a b \ c), continuation lines included.
local function make_var(text, name)
  local value = text:gsub("\\\n", " "):match("\n" .. name .. "%s*[:?+]?=%s*([^\n]*)")
  assert(value, "Makefile has no " .. name)
  local words = {}
  for w in value:gmatch("%S+") do words[#words + 1] = w end
  return words
end

-- Differences of two lists as "missing from a: x, y; missing from b: z".
local function diff(a, an, b, bn)
  local inA, inB, out = {}, {}, {}
  for _, x in ipairs(a) do inA[x] = true end
  for _, x in ipairs(b) do inB[x] = true end
  local onlyA, onlyB = {}, {}
  for _, x in ipairs(a) do if not inB[x] then onlyA[#onlyA + 1] = x end end
  for _, x in ipairs(b) do if not inA[x] then onlyB[#onlyB + 1] = x end end
  if #onlyA > 0 then out[#out + 1] = "in " .. an .. " only: " .. table.concat(onlyA, ", ") end
  if #onlyB > 0 then out[#out + 1] = "in " .. bn .. " only: " .. table.concat(onlyB, ", ") end
  return table.concat(out, "; ")
end

local function sh(cmd)
  local p = assert(io.popen(cmd .. " 2>&1"))
  local out = p:read("a")
  local ok, _, code = p:close()
  return ok, out, code
end

describe("rockspec/glean-scm-1.rockspec", function()
  local spec = load_rockspec()

  it("declares format 3.0, Lua 5.4 and the external libraries", function()
    assert.are.equal("3.0", spec.rockspec_format)
    assert.are.equal("glean", spec.package)
    assert.are.equal("builtin", spec.build.type)
    assert.are.equal("lua >= 5.4, < 5.5", spec.dependencies[1])
    assert.are.same({ header = "unicode/utypes.h", library = "icuuc" }, spec.external_dependencies.ICU)
    assert.are.same({ header = "libexttextcat/textcat.h", library = "exttextcat-2.0" },
      spec.external_dependencies.EXTTEXTCAT)
    assert.are.same({ glean = "bin/glean" }, spec.build.install.bin)
  end)

  it("compiles exactly the Makefile's CORE_SRCS and BIND_SRCS", function()
    local mk = read("Makefile")
    local srcs = make_var(mk, "CORE_SRCS")
    for _, s in ipairs(make_var(mk, "BIND_SRCS")) do srcs[#srcs + 1] = s end
    local d = diff(spec.build.modules["glean.core"].sources, "the rockspec", srcs, "the Makefile")
    assert(d == "", "glean.core sources differ (" .. d .. "): update " .. ROCKSPEC)
  end)

  it("lists every lua/glean module and only existing ones", function()
    -- every .lua file under lua/glean, at any depth (cmd/, importers/, entities/ ...)
    local files, listed = {}, {}
    local function walk(sub)
      for f in lfs.dir(home .. "/" .. sub) do
        local path = sub .. "/" .. f
        if f:match("%.lua$") then files[#files + 1] = path
        elseif f ~= "." and f ~= ".." and lfs.attributes(home .. "/" .. path, "mode") == "directory" then
          walk(path)
        end
      end
    end
    walk("lua/glean")
    for name, src in pairs(spec.build.modules) do
      if type(src) == "string" then
        listed[#listed + 1] = src
        local want = src:gsub("^lua/", ""):gsub("/init%.lua$", ""):gsub("%.lua$", ""):gsub("/", ".")
        assert.are.equal(want, name, "module name does not match its file " .. src)
      end
    end
    local d = diff(listed, "the rockspec", files, "lua/glean")
    assert(d == "", "Lua modules differ (" .. d .. "): update " .. ROCKSPEC)
  end)

  it("copies only directories that exist", function()
    for _, d in ipairs(spec.build.copy_directories or {}) do
      assert.are.equal("directory", lfs.attributes(home .. "/" .. d, "mode"), d .. " is listed but missing")
    end
  end)

  it("builds with luarocks into a scratch tree that require 'glean' can use", function()
    local tree = os.tmpname()
    os.remove(tree)
    -- exactly the README's install command: no variables (Debian keeps
    -- textcat.h in include/libexttextcat/, which the rockspec names itself)
    local ok, out = sh(string.format("cd %q && luarocks --lua-version 5.4 make --deps-mode=none --tree %q %s",
      home, tree, ROCKSPEC))
    assert(ok, "luarocks make failed:\n" .. out)
    local lpath = tree .. "/share/lua/5.4/?.lua;" .. tree .. "/share/lua/5.4/?/init.lua;;"
    local cpath = tree .. "/lib/lua/5.4/?.so;;"
    local probe = [[
      local g, tree = require "glean", os.getenv("GLEAN_TREE")
      assert(package.searchpath("glean.core", package.cpath):sub(1, #tree) == tree, "core not from the tree")
      assert(package.searchpath("glean", package.path):sub(1, #tree) == tree, "glean not from the tree")
      io.write(g.normalize("e\204\129", "NFC"), " ", g.scripts("abc")[1].script)
    ]]
    local ok2, res = sh(string.format("cd %q && GLEAN_TREE=%q LUA_PATH=%q LUA_CPATH=%q lua5.4 -e %q",
      tree, tree, lpath, cpath, probe))
    -- the installed CLI wrapper, with the tree on the paths as `luarocks path` sets them
    local ok3, ver = sh(string.format("cd %q && GLEAN_NO_LOCAL=1 LUA_PATH=%q LUA_CPATH=%q %q/bin/glean --version",
      tree, lpath, cpath, tree))
    -- the installed CLI finds its rules, templates and default gazetteer in the
    -- rock tree (no GLEAN_HOME, run from elsewhere)
    local sample = home .. "/samples/2024-12-03-en-summit.txt"
    local ok4, jsonl = sh(string.format("cd /tmp && env -u GLEAN_HOME GLEAN_NO_LOCAL=1 LUA_PATH=%q LUA_CPATH=%q "
      .. "%q/bin/glean analyze --quiet --format jsonl %q", lpath, cpath, tree, sample))
    sh("rm -rf " .. string.format("%q", tree))
    assert(ok4, "the installed glean analyze failed:\n" .. jsonl)
    assert.matches('"status":"ok"', jsonl)
    assert.matches('"id":"place:city:New_Delhi"', jsonl, 1, true)
    assert(ok2, "require 'glean' from the rock tree failed:\n" .. res)
    assert.are.equal("\195\169 Latn", res)
    assert(ok3, "the installed bin/glean failed:\n" .. ver)
    assert.matches("^glean %d+%.%d+", ver)
  end)
end)
