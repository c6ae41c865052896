-- glean: find people, places and organisations in multilingual text, with
-- exact byte offsets.  `require "glean"` gives the public API: the C core's
-- functions (glean.core) plus the Lua modules, loaded on first use.
local core = require "glean.core"

local glean = {}

-- Re-export the core, except private helpers (leading underscore).
for k, v in pairs(core) do
  if type(k) == "string" and k:sub(1, 1) ~= "_" then glean[k] = v end
end

glean._NAME = "glean"
glean._VERSION = "glean " .. core.version()

-- Submodules (lua/glean/<name>.lua) load on first access: glean.gazetteer,
-- glean.rules, glean.template, glean.analyze, ...
local submodules = {
  gazetteer = true, rules = true, template = true, analyze = true,
  record = true, inputs = true, aggregate = true, report = true,
}

return setmetatable(glean, {
  __index = function(t, k)
    if submodules[k] then
      local m = require("glean." .. k)
      rawset(t, k, m)
      return m
    end
    return nil
  end,
})
