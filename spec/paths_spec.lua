-- glean.paths.list_dir and is_dir: the one directory listing of the loaders
-- (rules/, cues/ and names/, personal gazetteers, inflection profiles, the
-- cache).  With luafilesystem and without it (`ls -1A`) they give the same.
local H = glean_spec
local paths = require "glean.paths"

-- calls f with require "lfs" failing, then puts lfs back
local function without_lfs(f)
  local loaded, preload = package.loaded.lfs, package.preload.lfs
  package.loaded.lfs = nil
  package.preload.lfs = function() error("no lfs here") end
  local ok, a, b = pcall(f)
  package.loaded.lfs, package.preload.lfs = loaded, preload
  assert(ok, a)
  return a, b
end

describe("glean.paths.list_dir", function()
  local dir
  setup(function()
    dir = H.tmpdir()
    for _, n in ipairs { "b.tsv", "a.tsv", ".hidden.tsv", "c.lua", "it's here.tsv", "A.TSV" } do
      H.write(dir .. "/" .. n, "x\n")
    end
    assert(os.execute("mkdir '" .. dir .. "/sub.tsv'"))
  end)
  teardown(function() os.execute("rm -rf '" .. dir .. "'") end)

  it("gives the sorted names, hidden ones too, matching the pattern", function()
    assert.are.same({ ".hidden.tsv", "a.tsv", "b.tsv", "it's here.tsv", "sub.tsv" }, paths.list_dir(dir, "%.tsv$"))
    assert.are.same({ ".hidden.tsv", "A.TSV", "a.tsv", "b.tsv", "c.lua", "it's here.tsv", "sub.tsv" },
      paths.list_dir(dir))
  end)

  it("gives the same names without luafilesystem", function()
    assert.are.same(paths.list_dir(dir, "%.tsv$"), without_lfs(function() return paths.list_dir(dir, "%.tsv$") end))
    assert.are.same(paths.list_dir(dir), without_lfs(function() return paths.list_dir(dir) end))
  end)

  it("says why a missing directory or a file cannot be listed", function()
    for _, p in ipairs { dir .. "/missing", dir .. "/a.tsv" } do
      local names, err = paths.list_dir(p)
      assert.is_nil(names)
      assert.is_string(err)
      names, err = without_lfs(function() return paths.list_dir(p) end)
      assert.is_nil(names)
      assert.matches(p, err, 1, true)
    end
  end)

  it("tells a directory from a file or nothing", function()
    for _, f in ipairs { paths.is_dir, function(p) return without_lfs(function() return paths.is_dir(p) end) end } do
      assert.is_true(f(dir))
      assert.is_true(f(dir .. "/sub.tsv"))
      assert.is_false(f(dir .. "/a.tsv"))
      assert.is_false(f(dir .. "/missing"))
    end
  end)
end)
