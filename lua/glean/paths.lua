-- glean.paths: where glean's analyst-editable resources (rules/, templates/,
-- data/, samples/) live.  In order:
--   1. $GLEAN_HOME, when set (a user's own copy of the resources);
--   2. the checkout this module was loaded from (<root>/lua/glean/paths.lua);
--   3. the installed rock: LuaRocks puts modules in <tree>/share/lua/5.4/ and
--      copy_directories in <tree>/lib/luarocks/rocks-5.4/glean/<version>/.
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

return paths
