-- glean.sandbox: what keeps one rule pack from harming glean or the other
-- packs.  A pack sees the shared tables (lpeg, re, V, glean.calendar)
-- through read-only views, and its code runs under an instruction budget
-- and a memory budget, counted by a debug count hook:
--
--   local view = sandbox.readonly(V)            -- V.choice = nil raises
--   local ok, a, b = sandbox.run(limits, fn, ...)
--
-- limits = { instructions =, memory = (bytes of Lua heap growth), sources =
-- { ["@path"] = true } (the packs' chunk names), charge = "stack" | "all" }.
-- With charge = "all" (loading one pack) every instruction counts against
-- it; with "stack" (a scan) an instruction counts against the pack whose
-- code is innermost on the stack, each pack with its own budget, and the
-- engine's own work is free.  Past a budget the hook raises
-- "pack.lua:LINE: rule exceeded its time budget (N instructions)" (or
-- memory budget), at the pack's innermost line; sandbox.run returns false
-- and that message, with the pack's chunk name as a third value.
local debug, setmetatable, getmetatable, next, pairs, type, tostring, error, pcall, collectgarbage =
  debug, setmetatable, getmetatable, next, pairs, type, tostring, error, pcall, collectgarbage
local string, table = string, table

local sandbox = {}

-- Budgets, wide multiples of what the shipped packs use (measured, README
-- "Limits"): the largest, dates.lua, loads in ~25 million instructions; in a
-- scan the packs' own code runs ~0.02 instructions per byte of text.
-- sandbox.last_used is the most instructions one pack used in the last run.
sandbox.LOAD_INSTRUCTIONS = 400000000     -- one pack's load: its chunk, its examples
sandbox.LOAD_MEMORY = 512 * 1024 * 1024    -- live Lua heap growth while one pack loads
sandbox.SCAN_INSTRUCTIONS = 20000000      -- per pack per document, plus...
sandbox.SCAN_INSTRUCTIONS_PER_BYTE = 100  -- ...this many per byte of text
sandbox.SCAN_MEMORY = 256 * 1024 * 1024   -- live heap growth during a scan, plus...
sandbox.SCAN_MEMORY_PER_BYTE = 64         -- ...this many per byte of text
sandbox.STEP = 1000                       -- instructions between two checks
sandbox.last_used = 0

-- ---------------------------------------------------------------------
-- read-only views

local views = setmetatable({}, { __mode = "k" })

-- readonly(t) -> a view of t (tables inside it are views too) that reads
-- like t (indexing, pairs, #, ipairs) and raises on assignment; other
-- values are returned as they are, and so are tables whose metatable says
-- `__immutable = true` (values that guard themselves: a pattern of
-- glean.rules_pattern, whose operators a view would hide).  One view per
-- table, shared by every pack (a view cannot be changed, so sharing it is safe).
function sandbox.readonly(t)
  if type(t) ~= "table" then return t end
  local mt = getmetatable(t)
  if type(mt) == "table" and mt.__immutable == true then return t end
  local v = views[t]
  if v then return v end
  v = setmetatable({}, {
    __index = function(_, k) return sandbox.readonly(t[k]) end,
    __newindex = function(_, k)
      error(string.format("attempt to change field '%s' of a shared read-only table", tostring(k)), 2)
    end,
    __pairs = function()
      return function(_, k)
        local nk, nv = next(t, k)
        if nk ~= nil then return nk, sandbox.readonly(nv) end
      end, v, nil
    end,
    __len = function() return #t end,
    __metatable = "read-only",
  })
  views[t] = v
  return v
end

-- ---------------------------------------------------------------------
-- budgets

local active = nil   -- the limits of the sandbox.run in progress

local function where(source, level)
  for l = level, 200 do
    local info = debug.getinfo(l, "Sl")
    if not info then break end
    if info.source == source and info.currentline > 0 then
      return info.short_src .. ":" .. info.currentline .. ": "
    end
  end
  return (source:gsub("^@", "")) .. ": "
end

-- the chunk name of the innermost pack frame on the stack (from level 3:
-- the hook is 1, the function it interrupted 2), or nil
local function innermost_pack(sources)
  for l = 2, 60 do
    local info = debug.getinfo(l + 1, "S")
    if not info then return nil end
    if sources[info.source] then return info.source end
  end
  return nil
end

local function trip(st, source, what, amount)
  st.tripped = source
  st.message = where(source, 3) .. string.format("rule exceeded its %s budget (%s)", what, amount)
  error(st.message, 0)
end

local function hook(event, line)
  local st = active
  if not st then return end
  if event ~= "count" then
    if st.prev_hook then st.prev_hook(event, line) end
    -- Lua counts the instructions of a hook function too and drops a
    -- count event that falls due while one runs: with a line hook chained
    -- (a fuzzer's coverage, a debugger) every count event of a loop whose
    -- period divides STEP can be lost, and `local x = 0 while true do x =
    -- x + 1 end` ran on.  Each line event is at least one instruction:
    -- STEP of them are charged as STEP instructions (so at most twice)
    if event ~= "line" then return end
    st.lines = st.lines + 1
    if st.lines < sandbox.STEP then return end
    st.lines = 0
  end
  if st.tripped then error(st.message, 0) end   -- a pack's own pcall caught it: raise again
  local source
  if st.charge == "all" then source = st.owner
  else source = innermost_pack(st.sources) end
  if not source then return end
  local used = (st.used[source] or 0) + sandbox.STEP
  st.used[source] = used
  if used > st.instructions then
    trip(st, source, "time", string.format("%d instructions", st.instructions))
  end
  local grown = collectgarbage("count") * 1024 - st.heap0
  if grown > st.memory then
    collectgarbage("collect")
    grown = collectgarbage("count") * 1024 - st.heap0
    if grown > st.memory then
      trip(st, source, "memory", string.format("%d MB", st.memory // (1024 * 1024)))
    end
  end
end

-- run(limits, fn, ...) -> true, results... | false, message, source.
-- Nested runs share the outer budget (fn is simply called).
function sandbox.run(limits, fn, ...)
  if active then return pcall(fn, ...) end
  local prev_hook, prev_mask, prev_count = debug.gethook()
  -- a hook set from C (an embedding host's) cannot be restored from Lua:
  -- leave it in place, and the host's own limits apply
  if prev_hook ~= nil and type(prev_hook) ~= "function" then return pcall(fn, ...) end
  local st = {
    instructions = limits.instructions, memory = limits.memory, sources = limits.sources or {},
    charge = limits.charge or "all", owner = limits.owner, used = {}, lines = 0,
    heap0 = collectgarbage("count") * 1024,
    prev_hook = prev_hook,
  }
  active = st
  -- a line or call hook already set (coverage, a debugger) keeps running
  debug.sethook(hook, (prev_mask or ""):gsub("[^crl]", ""), sandbox.STEP)
  local res = table.pack(pcall(fn, ...))
  active = nil
  debug.sethook(prev_hook, prev_mask or "", prev_count or 0)
  local most = 0
  for _, n in pairs(st.used) do if n > most then most = n end end
  sandbox.last_used = most
  -- tripped: even when code in between caught the error and went on
  if st.tripped then return false, st.message, st.tripped end
  return table.unpack(res, 1, res.n)
end

-- pcall for a pack's environment: like pcall, but a budget error goes on up
function sandbox.pcall(f, ...)
  local res = table.pack(pcall(f, ...))
  if not res[1] and active and active.tripped then error(active.message, 0) end
  return table.unpack(res, 1, res.n)
end

return sandbox
