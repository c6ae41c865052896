-- glean env: print the shell commands that let lua5.4 find glean's modules
-- (LUA_PATH), its compiled core (LUA_CPATH) and the glean command (PATH)
-- from this checkout, so `eval "$(bin/glean env)"` makes `require "glean"`
-- work in any directory.  An installed rock needs none of this.
local paths = require "glean.paths"

local io, os, string = io, os, string

local cmd = {}

cmd.describe = "Print LUA_PATH/LUA_CPATH/PATH exports for using this checkout: eval \"$(bin/glean env)\"."

function cmd.configure(p)
  p:option("--build", "Build directory of the compiled core (default: $GLEAN_BUILD_DIR, else build).")
    :argname("<dir>")
end

-- a POSIX shell single-quoted word
local function quote(s) return "'" .. s:gsub("'", "'\\''") .. "'" end

local function absolute(path)
  if path:sub(1, 1) == "/" then return path end
  local pwd = os.getenv("PWD")
  if not pwd or pwd == "" then
    local p = io.popen("pwd")
    pwd = p and p:read("l") or "."
    if p then p:close() end
  end
  return (pwd .. "/" .. path):gsub("/%./", "/"):gsub("/%.$", "")
end

function cmd.run(args)
  local root = absolute(paths.home())
  local init = io.open(root .. "/lua/glean/init.lua", "rb")
  if not init then
    io.stderr:write("glean env: ", root, " is not a glean checkout; an installed rock needs no variables\n")
    return 2
  end
  init:close()
  local build = args.build or os.getenv("GLEAN_BUILD_DIR") or "build"
  if build:sub(1, 1) ~= "/" then build = root .. "/" .. build end
  local so = io.open(build .. "/glean/core.so", "rb")
  if so then so:close() else
    io.stderr:write("glean env: ", build, "/glean/core.so is not built yet (run make)\n")
  end
  local lua_path = root .. "/lua/?.lua;" .. root .. "/lua/?/init.lua;"
  local lua_cpath = build .. "/?.so;"
  io.stdout:write(string.format('export LUA_PATH=%s"${LUA_PATH:-;}"\n', quote(lua_path)))
  io.stdout:write(string.format('export LUA_CPATH=%s"${LUA_CPATH:-;}"\n', quote(lua_cpath)))
  io.stdout:write(string.format('export PATH=%s:"$PATH"\n', quote(root .. "/bin")))
  return 0
end

return cmd
