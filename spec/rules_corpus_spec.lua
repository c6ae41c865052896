-- The default packs over the real articles in ../shared/corpus: the dates,
-- numbers, URL, image files, photo-credit and source lines that are there,
-- by exact span and value.  Spans are located with string.find on text
-- fragments so the expectations read as text, then compared exactly.
local rules = require "glean.rules"
local H = glean_spec

local engine = assert(rules.load(H.home .. "/rules"))

local function find_all(anns, rule)
  local out = {}
  for _, a in ipairs(anns) do
    if a.rule == rule then out[#out + 1] = a end
  end
  return out
end

local function span_of(text, s, init)
  local i, j = text:find(s, init or 1, true)
  assert(i, "fragment not in corpus: " .. s)
  return i, j
end

local function corpus_case(name, body)
  local text = H.corpus(name)
  if not text then
    it(name, function() pending("../shared not found") end)
    return
  end
  body(text, engine:scan(text))
end

describe("rules over hi.txt", function()
  corpus_case("hi.txt", function(text, anns)
    it("finds the year-less date range opening the article", function()
      local r = find_all(anns, "date_range")[1]
      local i, j = span_of(text, "26-30 सितंबर")
      assert.same({ i, j }, { r.start, r.stop })
      assert.same({ from = { month = 9, day = 26 }, to = { month = 9, day = 30 } }, r.value)
    end)

    it("finds every image file line and every photo credit", function()
      local imgs, credits = find_all(anns, "image_file"), find_all(anns, "photo_credit")
      local n, pos = 0, 1
      for file in text:gmatch("IMG_%d+%.jpg") do
        n = n + 1
        local i, j = span_of(text, file, pos)
        pos = j + 1
        assert.same({ i, j, file }, { imgs[n].start, imgs[n].stop, imgs[n].value.file })
      end
      assert.equal(n, #imgs)
      assert.is_true(n >= 5)
      local c, cpos = 0, 1
      while true do
        local i = text:find("फोटो: पीवी", cpos, true)
        if not i then break end
        c = c + 1
        assert.same({ i, i + #"फोटो: पीवी" - 1, "पीवी" },
          { credits[c].start, credits[c].stop, credits[c].value.credit })
        cpos = i + 1
      end
      assert.equal(c, #credits)
      assert.is_true(c >= 5)
    end)
  end)
end)

describe("rules over de.txt", function()
  corpus_case("de.txt", function(text, anns)
    it("finds the photo credits, the source line with its URL and the comment counter", function()
      local credits = find_all(anns, "photo_credit")
      assert.equal(select(2, text:gsub("Foto: Khong Nghia", "")), #credits)
      for _, c in ipairs(credits) do
        assert.equal("Foto: Khong Nghia", text:sub(c.start, c.stop))
        assert.same({ credit = "Khong Nghia" }, c.value)
      end
      local src = find_all(anns, "source_line")[1]
      local url = text:match("Quelle: (https://%S+)")
      local i, j = span_of(text, "Quelle: " .. url)
      assert.same({ i, j, url }, { src.start, src.stop, src.value.source })
      local u = find_all(anns, "url")[1]
      assert.same({ i + 8, j, url }, { u.start, u.stop, u.value })
      local k = find_all(anns, "comment_counter")[1]
      i, j = span_of(text, "Kommentar (0)")
      assert.same({ i, j, 0 }, { k.start, k.stop, k.value })
    end)
  end)
end)

describe("rules over fa.txt", function()
  corpus_case("fa.txt", function(text, anns)
    it("reads the Solar Hijri date without a year", function()
      local d = find_all(anns, "written_date")[1]
      local i, j = span_of(text, "جمعه ۱۴ آذر")
      assert.same({ i, j }, { d.start, d.stop })
      assert.same({ calendar = "persian", month = 9, day = 14 }, d.value)
    end)

    it("reads Persian digits and number words", function()
      local i, j = span_of(text, "۲۰ تفاهم")
      local found
      for _, a in ipairs(find_all(anns, "cardinal")) do
        if a.start == i then found = a end
      end
      assert.same({ i, j - #" تفاهم", 20 }, { found.start, found.stop, found.value })
      local wi = span_of(text, " پنج قرارداد") + 1
      local w
      for _, a in ipairs(find_all(anns, "number_word")) do
        if a.start == wi then w = a end
      end
      assert.same({ wi + #"پنج" - 1, 5 }, { w.stop, w.value })
      -- "پنجمین" (fifth) is not the number word five
      local fifth = span_of(text, "پنجمین")
      for _, a in ipairs(anns) do assert.is_not.equal(fifth, a.start) end
    end)
  end)
end)
