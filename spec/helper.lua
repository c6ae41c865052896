-- Loaded by busted before the specs (see .busted).  Gives specs the paths of
-- the checkout, the build and ../shared, and a way to skip plainly.
local helper = {}

helper.home = os.getenv("GLEAN_HOME") or "."
helper.build = os.getenv("GLEAN_BUILD") or (helper.home .. "/build")
helper.shared = os.getenv("GLEAN_SHARED")
if not helper.shared then   -- a developer running busted by hand from the checkout
  local f = io.open(helper.home .. "/../shared/corpus/README.md", "r")
  if f then f:close(); helper.shared = helper.home .. "/../shared" end
end

function helper.read(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

-- corpus("fa.txt") -> text, or nil when ../shared is absent (the spec then
-- registers a pending test saying so).
function helper.corpus(name)
  if not helper.shared then return nil end
  return helper.read(helper.shared .. "/corpus/" .. name)
end

_G.glean_spec = helper
return helper
