-- scripts/requires.lua: the require graph of lua/glean, checked.
--
--   lua5.4 scripts/requires.lua [DIR]     (DIR: lua/glean by default)
--
-- Prints each module with the modules it requires ("(lazy)": the require
-- sits inside a function or block, so it runs on first use, not at load).
-- Exits 1 when a module requires the top-level `glean` (which only
-- re-exports) or when modules require each other in a circle at load time;
-- a circle closed only by a lazy require is listed as such. A require
-- names its module with a literal string; a computed name is not seen.
-- (farm-studio draws the C include graph; it reads no Lua requires.)
local lfs = require "lfs"

local root = arg[1] or "lua/glean"
local files = {}   -- module name -> path

local function scan(dir, prefix)
  for f in lfs.dir(dir) do
    local p = dir .. "/" .. f
    if f:match("%.lua$") then
      local name = (prefix .. f:gsub("%.lua$", "")):gsub("%.init$", "")
      files[name] = p
    elseif f ~= "." and f ~= ".." and lfs.attributes(p, "mode") == "directory" then
      scan(p, prefix .. f .. ".")
    end
  end
end
scan(root, "glean.")

local deps = {}   -- name -> list of { name =, lazy = }
for name, path in pairs(files) do
  local list, seen = {}, {}
  for line in io.lines(path) do
    local code = line:gsub("%-%-.*$", "")
    for q in code:gmatch("require%s*%(?%s*[\"']([%w%._]+)[\"']") do
      local lazy = code:match("^%s") ~= nil
      local key = q .. (lazy and "?" or "")
      if q:sub(-1) ~= "." and not seen[key] then   -- "glean." .. name is computed: not seen
        seen[key] = true
        list[#list + 1] = { name = q, lazy = lazy }
      end
    end
  end
  table.sort(list, function(a, b) return a.name < b.name end)
  deps[name] = list
end

local names = {}
for n in pairs(files) do names[#names + 1] = n end
table.sort(names)

local failed = false
for _, n in ipairs(names) do
  local out = {}
  for _, d in ipairs(deps[n]) do
    out[#out + 1] = d.name .. (d.lazy and " (lazy)" or "")
    if d.name == "glean" and n ~= "glean" then
      io.stderr:write(n, " requires the top-level glean\n")
      failed = true
    end
  end
  print(n .. " -> " .. (#out > 0 and table.concat(out, ", ") or "(nothing)"))
end

-- circles: depth-first search, once over load-time requires only, once
-- over all requires
local function circles(with_lazy)
  local state, stack, found = {}, {}, {}
  local function visit(n)
    state[n] = 1
    stack[#stack + 1] = n
    for _, d in ipairs(deps[n] or {}) do
      if files[d.name] and d.name ~= n and (with_lazy or not d.lazy) then
        if state[d.name] == 1 then
          local c, on = {}, false
          for _, s in ipairs(stack) do
            if s == d.name then on = true end
            if on then c[#c + 1] = s end
          end
          c[#c + 1] = d.name
          found[#found + 1] = table.concat(c, " -> ")
        elseif not state[d.name] then
          visit(d.name)
        end
      end
    end
    stack[#stack] = nil
    state[n] = 2
  end
  for _, n in ipairs(names) do if not state[n] then visit(n) end end
  return found
end

local at_load = circles(false)
for _, c in ipairs(at_load) do
  io.stderr:write("circle at load time: ", c, "\n")
  failed = true
end
if #at_load == 0 then
  for _, c in ipairs(circles(true)) do print("circle through a lazy require: " .. c) end
end
os.exit(failed and 1 or 0)
