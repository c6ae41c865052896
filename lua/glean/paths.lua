-- glean.paths: where glean's analyst-editable resources (rules/, templates/,
-- data/, samples/) live.  In order:
--   1. $GLEAN_HOME, when set (a user's own copy of the resources);
--   2. the checkout this module was loaded from (<root>/lua/glean/paths.lua);
--   3. the installed rock: LuaRocks puts modules in <tree>/share/lua/5.4/ and
--      copy_directories in <tree>/lib/luarocks/rocks-5.4/glean/<version>/.
-- And the two questions every loader asks of such a directory: paths.list_dir
-- and paths.is_dir.
local paths = {}

local function exists(path)
  local f = io.open(path, "rb")
  if f then f:close() return true end
  return false
end

local cached

function paths.home()
  local env = os.getenv("GLEAN_HOME")
  if env and env ~= "" then return env end
  if cached then return cached end
  local src = debug.getinfo(1, "S").source:match("^@(.*)$") or ""
  local root = src:match("^(.*)/lua/glean/paths%.lua$")
  if root and exists(root .. "/rules/dates.lua") then
    cached = root
    return root
  end
  local tree = src:match("^(.*)/share/lua/[%d.]+/glean/paths%.lua$")
  if tree then
    local ok, lfs = pcall(require, "lfs")
    for _, rocks in ipairs { "/lib/luarocks/rocks-5.4", "/lib/luarocks/rocks" } do
      local base = tree .. rocks .. "/glean"
      if ok and lfs.attributes(base, "mode") == "directory" then
        for v in lfs.dir(base) do
          if v ~= "." and v ~= ".." and exists(base .. "/" .. v .. "/rules/dates.lua") then
            cached = base .. "/" .. v
            return cached
          end
        end
      end
    end
  end
  cached = root or "."
  return cached
end

-- list_dir(dir [, pattern]) -> the sorted names of dir's entries (hidden ones
-- too, not "." and "..") that match the Lua pattern when one is given, or
-- nil, why when dir cannot be read (missing, no directory, no permission).
-- luafilesystem when it is there, else `ls -1A`: the same names either way.
function paths.list_dir(dir, pattern)
  local names = {}
  local ok, lfs = pcall(require, "lfs")
  if ok then
    local dok, iter, st = pcall(lfs.dir, dir)
    if not dok then return nil, tostring(iter) end
    for name in iter, st do
      if name ~= "." and name ~= ".." and (not pattern or name:match(pattern)) then names[#names + 1] = name end
    end
  else
    local q = "'" .. dir:gsub("'", "'\\''") .. "'"
    local p = io.popen("test -d " .. q .. " && ls -1A " .. q .. " 2>/dev/null")
    if not p then return nil, "cannot open " .. dir end
    for name in p:lines() do
      if not pattern or name:match(pattern) then names[#names + 1] = name end
    end
    if not p:close() then return nil, "cannot open " .. dir end
  end
  table.sort(names)
  return names
end

-- is_dir(path) -> whether path is a directory (or a link to one)
function paths.is_dir(path)
  local ok, lfs = pcall(require, "lfs")
  if ok then return lfs.attributes(path, "mode") == "directory" end
  return os.execute("test -d '" .. path:gsub("'", "'\\''") .. "'") == true
end

return paths
