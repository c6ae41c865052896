-- glean.rules_vocab: the shared LPeg vocabulary of rule packs (the `V` table
-- inside rules/*.lua).  Digits come from Unicode data (every gc=Nd set, via
-- glean.core.decimal_digits), month and weekday names from ICU's date
-- symbols (glean.core.date_symbols) extended by the tables below, word
-- boundaries from the core's UAX #29 word-character predicate.
local pattern = require "glean.rules_pattern"
local lpeg = pattern.lpeg       -- glean patterns: they keep how they were built (their recipe)
local core = require "glean.core"

local P, R, S, C, Cc, Cmt = lpeg.P, lpeg.R, lpeg.S, lpeg.C, lpeg.Cc, lpeg.Cmt
local utf8, string, table, pairs, ipairs, tonumber, type, error, math =
  utf8, string, table, pairs, ipairs, tonumber, type, error, math

local V = {}

-- ---------------------------------------------------------------------
-- characters, spaces, word boundaries

V.utf8char = R("\0\127") + R("\194\223") * R("\128\191") + R("\224\239") * R("\128\191") ^ 2
  + R("\240\244") * R("\128\191") ^ 3
V.nbsp = P("\u{A0}") + "\u{202F}" + "\u{2009}" + "\u{2007}"           -- no-break, thin spaces
V.sp = S(" \t") + V.nbsp                                              -- one space within a line
V.sp0, V.sp1 = V.sp ^ 0, V.sp ^ 1
V.nl = P("\r\n") + S("\n\r") + "\u{2028}"
V.eol = V.nl + P(-1)                                                  -- line end, not consumed by callers
V.line_rest = (V.utf8char - V.nl) ^ 0                                 -- rest of the current line
V.dash = P("-") + "\u{2010}" + "\u{2011}" + "\u{2012}" + "\u{2013}" + "\u{2014}" + "\u{2212}"
-- one word character (letters, marks, digits, ZWNJ/ZWJ of any script; UAX #29)
-- (match-time captures over one character, so LPeg knows they consume input)
-- (ASCII word characters are exactly [0-9A-Za-z_]; they skip the call)
-- Characters below U+1000 (Latin-1 to Arabic, Devanagari to Thai) are
-- tested by a byte table built from that same predicate when this module
-- loads, so they cost no call; the rest still ask the core.
local function byte_ranges(bytes)          -- sorted byte list -> R(...) + R(...)
  local p, lo = P(false), nil
  for k, b in ipairs(bytes) do
    lo = lo or b
    if bytes[k + 1] ~= b + 1 then p = p + R(string.char(lo, b)) lo = nil end
  end
  return p
end
-- a balanced tree of byte-set tests over alternatives with disjoint first
-- bytes: a character passes about log2(n) tests instead of n
local function set_tree(alts, sets, lo, hi)
  if lo == hi then return alts[lo], sets[lo] end
  local mid = (lo + hi) // 2
  local l, ls = set_tree(alts, sets, lo, mid)
  local r, rs = set_tree(alts, sets, mid + 1, hi)
  return #S(ls) * l + #S(rs) * r, ls .. rs
end
-- prefixes (all but the last byte) -> their last bytes: a trie dispatched
-- on the byte at `depth`; bytes leading to the same last bytes share a set
local function dispatch(tails, depth)
  local groups, order = {}, {}
  for pre, last in pairs(tails) do
    local b = pre:sub(depth, depth)
    if not groups[b] then groups[b] = {} order[#order + 1] = b end
    groups[b][pre] = last
  end
  table.sort(order)
  local by_sig, alts, sets = {}, {}, {}
  for _, b in ipairs(order) do
    local sub = groups[b]
    local pre, last = next(sub)
    local p, sig
    if #pre == depth then                 -- a leaf: the last byte follows
      p, sig = byte_ranges(last), string.char(table.unpack(last))
    else
      p = dispatch(sub, depth + 1)
    end
    if sig and by_sig[sig] then
      sets[by_sig[sig]] = sets[by_sig[sig]] .. b
    else
      alts[#alts + 1], sets[#sets + 1] = p, b
      if sig then by_sig[sig] = #alts end
    end
  end
  for k, a in ipairs(alts) do alts[k] = S(sets[k]) * a end
  return (set_tree(alts, sets, 1, #alts))
end
local function word_table()
  local tails = {}                          -- prefix bytes -> sorted last bytes of word chars
  for c = 0x80, 0xFFF do
    local ch = utf8.char(c)
    if core.is_word_char(ch, 1) then
      local pre = ch:sub(1, -2)
      tails[pre] = tails[pre] or {}
      table.insert(tails[pre], ch:byte(-1))
    end
  end
  return dispatch(tails, 1)
end
-- byte sequences of U+0080..U+0FFF: the table decides them exactly
local TABLED = R("\194\223") * R("\128\191") + P("\224") * R("\160\191") * R("\128\191")
V.wordchar_table = word_table()
V.wordchar = R("09", "AZ", "az", "__") + V.wordchar_table
  + #(R("\128\255") - TABLED) * Cmt(lpeg.Cp() * V.utf8char, function(s, e, i)
  return core.is_word_char(s, i) and e
end)
V.word = Cmt(lpeg.Cp() * V.utf8char, function(s, _, i) return core.word_end(s, i) end)  -- a run of word chars
V.wb = P(core.word_boundary)                                          -- at a word boundary
V.nw = -V.wordchar                                                    -- not followed by a word char
V.punct = S(".,;:!?") + "\u{060C}" + "\u{061B}" + "\u{061F}" + "\u{0964}" + "\u{06D4}"

-- ---------------------------------------------------------------------
-- digits of every script, with their values

local digit_value = {}                 -- UTF-8 digit -> 0..9
local zeros = core.decimal_digits()
for _, z in ipairs(zeros) do
  for v = 0, 9 do
    local ch = utf8.char(z + v)
    digit_value[ch] = v
  end
end
-- a byte trie over the digits' UTF-8 (leaves: ranges of last bytes), so a
-- non-digit fails after one or two byte tests whatever the script
local function digit_trie(strs)
  local root = {}
  for _, ch in ipairs(strs) do
    local node = root
    for k = 1, #ch - 1 do
      local b = ch:sub(k, k)
      node[b] = node[b] or {}
      node = node[b]
    end
    node.last = node.last or {}
    node.last[#node.last + 1] = ch:byte(-1)
  end
  local function compile(node)
    local alts = {}
    if node.last then
      table.sort(node.last)
      local lo = node.last[1]
      for k = 1, #node.last do
        local b, nextb = node.last[k], node.last[k + 1]
        if nextb ~= b + 1 then
          alts[#alts + 1] = R(string.char(lo, b))
          lo = nextb
        end
      end
    end
    local bytes = {}
    for b in pairs(node) do if b ~= "last" then bytes[#bytes + 1] = b end end
    table.sort(bytes)
    for _, b in ipairs(bytes) do alts[#alts + 1] = P(b) * compile(node[b]) end
    local p = P(false)
    for k = #alts, 1, -1 do p = alts[k] + p end
    return p
  end
  return compile(root)
end
local nonascii_list = {}
for ch in pairs(digit_value) do if #ch > 1 then nonascii_list[#nonascii_list + 1] = ch end end
local nonascii = digit_trie(nonascii_list)

V.digit_sets = #zeros                                 -- how many scripts' digit sets
V.D = R("09") + nonascii                              -- one decimal digit, any script
V.digit_value = digit_value

-- ascii(s): the digits of any script in s replaced by ASCII digits
function V.ascii(s)
  return (s:gsub("[\194-\244][\128-\191]*", function(ch)
    local v = digit_value[ch]
    return v and tostring(v) or ch
  end))
end

-- int(min, max): C(min to max digits) / integer value
function V.int(min, max)
  local p = V.D ^ min
  if max and max > min then p = p * V.D ^ -(max - min) end
  if max then p = p * -V.D end
  return C(p) / function(s) return math.tointeger(tonumber(V.ascii(s))) end
end

-- digits of one value in any script
local of_value = {}
for ch, v in pairs(digit_value) do
  of_value[v] = of_value[v] or {}
  of_value[v][#of_value[v] + 1] = ch
end
local digit_of = {}
for v = 0, 9 do digit_of[v] = digit_trie(of_value[v]) end

local function digits_exactly(n)
  local p = P(true)
  for _ = 1, n do p = p * V.D end
  return p
end

-- int_in(min, max, lo, hi): what V.int(min, max) reads (a run of at least
-- min digits: its max does not bound the run, since V.D ^ min means "at
-- least"), restricted to values lo..hi (lo >= 0) and checked by the
-- pattern itself, so scanning makes no call: leading zeros, then the
-- digit strings whose value can fall in the range, as a trie over digit values
function V.int_in(min, max, lo, hi)
  local _ = max
  local function node(value, left)          -- value so far, digits left
    if left == 0 then return (value >= lo and value <= hi) and P(true) or P(false) end
    local span = 10 ^ (left - 1)
    local whole, alts = {}, {}
    for d = (value == 0) and 1 or 0, 9 do   -- no zero leads the significant digits
      local from = (value * 10 + d) * span
      local to = from + span - 1
      if from >= lo and to <= hi then
        whole[#whole + 1] = d
      elseif to >= lo and from <= hi then
        alts[#alts + 1] = digit_of[d] * node(value * 10 + d, left - 1)
      end
    end
    if #whole > 0 then
      local cls = P(false)
      for _, d in ipairs(whole) do cls = cls + digit_of[d] end
      table.insert(alts, 1, cls * digits_exactly(left - 1))
    end
    return V.choice(alts)
  end
  local alts = {}
  for n = #tostring(math.tointeger(hi)), 1, -1 do alts[#alts + 1] = node(0, n) end
  local p = digit_of[0] ^ 0 * V.choice(alts)
  if lo <= 0 then p = p + digit_of[0] ^ 1 end
  return C(#(V.D ^ min) * p * -V.D) / function(s) return math.tointeger(tonumber(V.ascii(s))) end
end

-- ---------------------------------------------------------------------
-- keyword tables -> patterns

local function upper_first(w)
  local c = utf8.codepoint(w, 1)
  local u
  if c >= 0x61 and c <= 0x7A then u = c - 32
  elseif (c >= 0xE0 and c <= 0xFE and c ~= 0xF7) then u = c - 32       -- Latin-1
  elseif c >= 0x430 and c <= 0x44F then u = c - 32                    -- Cyrillic а-я
  elseif c >= 0x450 and c <= 0x45F then u = c - 80                    -- ѐ-џ
  else return w end
  return utf8.char(u) .. w:sub(utf8.offset(w, 2))
end

local function lower_first(w)
  local c = utf8.codepoint(w, 1)
  local l
  if c >= 0x41 and c <= 0x5A then l = c + 32
  elseif c >= 0xC0 and c <= 0xDE and c ~= 0xD7 then l = c + 32
  elseif c >= 0x410 and c <= 0x42F then l = c + 32
  elseif c >= 0x400 and c <= 0x40F then l = c + 80
  else return w end
  return utf8.char(l) .. w:sub(utf8.offset(w, 2))
end
-- Words from rule files are checked before use, so a bad one is an error at
-- the rule file's line rather than inside utf8.codepoint here (fuzz_rules).
local function check_word(w, fname)
  local ok, bad = type(w) == "string" and w ~= "", nil
  if ok then ok, bad = utf8.len(w) end
  if not ok then
    error(bad and ("bad argument #1 to '" .. fname .. "' (word not valid UTF-8 at byte " .. bad .. ")")
      or ("bad argument #1 to '" .. fname .. "' (non-empty string expected)"), 3)
  end
end
function V.upper_first(w) check_word(w, "upper_first"); return upper_first(w) end
function V.lower_first(w) check_word(w, "lower_first"); return lower_first(w) end

-- choice{p1, p2, ...} -> p1 + p2 + ..., built as a balanced tree: LPeg
-- copies operand trees, so a long chain built one by one costs O(n^2)
function V.choice(list, lo, hi)
  lo, hi = lo or 1, hi or #list
  if lo > hi then return P(false) end
  if lo == hi then return list[lo] end
  local mid = (lo + hi) // 2
  return V.choice(list, lo, mid) + V.choice(list, mid + 1, hi)
end

-- keywords{ [word] = value, ... } -> pattern matching any word (either case
-- of its first letter, longest first, whole words only) capturing its value.
-- The trie is the first rule of a grammar whose other rule is V.nw, and each
-- word's end calls that rule: LPeg copies a pattern into every pattern built
-- from it, and V.nw (the word-character table, ~1400 tree nodes) copied to
-- each of several hundred month and weekday names made those patterns 3-4 MB
-- each, copied again into every rule using them (130 MB of rule patterns,
-- most of the packs' load time).  The grammar matches the same strings with
-- the same captures, and carries the inline trie's recipe (the reference
-- stands for V.nw, which consumes nothing), so prefixes are the same.
local NW_KEY = "\0nw"
local NW_REF = pattern.same_as(lpeg.V(NW_KEY), V.nw)
function V.keywords(map)
  local words = {}
  for w, v in pairs(map) do
    check_word(w, "keywords")
    for _, f in ipairs({ w, upper_first(w), lower_first(w) }) do
      if words[f] == nil then words[f] = v end
    end
  end
  local list = {}
  for w in pairs(words) do list[#list + 1] = w end
  table.sort(list, function(a, b) if #a ~= #b then return #a > #b end return a < b end)
  -- a byte trie: alternatives at each node start with distinct bytes, so
  -- LPeg dispatches on one byte test instead of trying every word
  local root = {}
  for _, w in ipairs(list) do
    local node = root
    for k = 1, #w do
      local b = w:sub(k, k)
      node[b] = node[b] or {}
      node = node[b]
    end
    node[true] = words[w]
  end
  local function compile(node)
    local bytes, alts = {}, {}
    for b in pairs(node) do if b ~= true then bytes[#bytes + 1] = b end end
    table.sort(bytes)
    for _, b in ipairs(bytes) do alts[#alts + 1] = P(b) * compile(node[b]) end
    if node[true] ~= nil then alts[#alts + 1] = NW_REF * Cc(node[true]) end  -- longer words first
    return V.choice(alts)
  end
  local trie = compile(root)
  return pattern.same_as(P({ trie, [NW_KEY] = V.nw }), trie)
end

-- ---------------------------------------------------------------------
-- month and weekday names: ICU's date symbols plus the spellings ICU lacks

-- locale, calendar for each language the default packs cover
V.date_locales = {
  en = { "en", "gregorian" }, de = { "de", "gregorian" }, ru = { "ru", "gregorian" }, hi = { "hi", "gregorian" },
  ur = { "ur", "gregorian" }, ar = { "ar", "gregorian" },
  fa = { "fa", "gregorian" },  -- CLDR default for fa is persian
  fa_persian = { "fa", "persian" }, ar_islamic = { "ar", "islamic" }, ur_islamic = { "ur", "islamic" },
  fa_islamic = { "fa", "islamic" },
  es = { "es", "gregorian" }, fr = { "fr", "gregorian" }, it = { "it", "gregorian" }, pt = { "pt", "gregorian" },
  tr = { "tr", "gregorian" }, vi = { "vi", "gregorian" }, zh = { "zh", "gregorian" }, ja = { "ja", "gregorian" },
  ko = { "ko", "gregorian" },
}

-- Spellings in everyday news use that ICU's CLDR data lacks: abbreviation
-- without the final dot, older Hindi and Urdu spellings, Levantine Arabic
-- month names, Persian transliterations of Gregorian months.
V.extra_months = {
  en = { Sept = 9 },
  de = { ["Jänner"] = 1, Sept = 9 },
  ru = {},
  hi = { ["सितम्बर"] = 9, ["अक्टूबर"] = 10, ["नवम्बर"] = 11, ["दिसम्बर"] = 12, ["फरवरी"] = 2 },
  ur = {},
  ar = { ["كانون الثاني"] = 1, ["شباط"] = 2, ["آذار"] = 3, ["نيسان"] = 4, ["أيار"] = 5, ["حزيران"] = 6,
         ["تموز"] = 7, ["آب"] = 8, ["أيلول"] = 9, ["تشرين الأول"] = 10, ["تشرين الثاني"] = 11,
         ["كانون الأول"] = 12, ["يناير"] = 1, ["مايو"] = 5 },
  fa = { ["ژانویه"] = 1, ["فوریه"] = 2, ["مارس"] = 3, ["آوریل"] = 4, ["مه"] = 5, ["ژوئن"] = 6, ["ژوئیه"] = 7,
         ["اوت"] = 8, ["سپتامبر"] = 9, ["اکتبر"] = 10, ["نوامبر"] = 11, ["دسامبر"] = 12 },
  fa_persian = {},
  ar_islamic = { ["جمادى الثانية"] = 6, ["ربيع الثاني"] = 4 },
  ur_islamic = {}, fa_islamic = {},
  es = { setiembre = 9 },                       -- the Latin American spelling
  fr = { ["févr"] = 2, juil = 7 },
  it = {}, pt = {}, tr = {}, ja = {}, ko = {},
  vi = { ["tháng Một"] = 1, ["tháng Hai"] = 2, ["tháng Ba"] = 3, ["tháng Tư"] = 4, ["tháng Năm"] = 5,
         ["tháng Sáu"] = 6, ["tháng Bảy"] = 7, ["tháng Tám"] = 8, ["tháng Chín"] = 9, ["tháng Mười"] = 10,
         ["tháng Mười Một"] = 11, ["tháng Mười Hai"] = 12 },
  zh = {},
}

local symbols_cache = {}
local function symbols(key)
  if not symbols_cache[key] then
    local l = V.date_locales[key] or error("no date locale '" .. tostring(key) .. "'", 3)
    symbols_cache[key] = core.date_symbols(l[1], l[2])
  end
  return symbols_cache[key]
end
V.date_symbols = symbols

-- month_names(key) -> { [name] = month number } for a date_locales key;
-- abbreviations are taken with and without their final dot
function V.month_names(key)
  local t = {}
  local sy = symbols(key)
  for _, list in ipairs({ sy.months, sy.standalone_months, sy.short_months, sy.standalone_short_months }) do
    for m, name in ipairs(list) do
      t[name] = t[name] or m
      local bare = name:gsub("%.$", ""):gsub("॰$", "")
      if bare ~= name and utf8.len(bare) >= 3 then t[bare] = t[bare] or m end
    end
  end
  for name, m in pairs(V.extra_months[key] or {}) do t[name] = m end
  return t
end

-- weekday_names(key) -> { [name] = ISO weekday (Monday 1 .. Sunday 7) }
function V.weekday_names(key)
  local t = {}
  local sy = symbols(key)
  for _, list in ipairs({ sy.weekdays, sy.standalone_weekdays, sy.short_weekdays }) do
    for i, name in ipairs(list) do            -- ICU lists Sunday first
      local iso = i == 1 and 7 or i - 1
      t[name] = t[name] or iso
      local bare = name:gsub("%.$", "")
      if bare ~= name then t[bare] = t[bare] or iso end
    end
  end
  return t
end

-- month(keys...) -> pattern capturing the month number, for the union of
-- the given date_locales keys
function V.month(...)
  local t = {}
  for _, k in ipairs({ ... }) do
    for name, m in pairs(V.month_names(k)) do t[name] = t[name] or m end
  end
  return V.keywords(t)
end

function V.weekday(...)
  local t = {}
  for _, k in ipairs({ ... }) do
    for name, d in pairs(V.weekday_names(k)) do t[name] = t[name] or d end
  end
  return V.keywords(t)
end

-- ---------------------------------------------------------------------
-- numbers with local separators

local group_sep = P(",") + "." + "\u{066C}" + "'" + "\u{2019}" + V.nbsp   -- ٬ Arabic thousands
local dec_sep = P(",") + "." + "\u{066B}"                                  -- ٫ Arabic decimal

-- number: digits with grouping (1,250 / 1.250.000 / 1 250 / ١٬٢٥٠ / 1,25,000)
-- and a decimal part; captures the number.  One group separator per number;
-- the decimal separator is the other one.  A single separator followed by
-- exactly three digits ("1.250") is read as grouping when it is "," and as
-- decimal when it is "." only if no other group follows (English style);
-- German "1.250" thus reads 1250 only when followed by ",".
local function parse_number(s)
  s = V.ascii(s):gsub("\u{066C}", ","):gsub("\u{066B}", "."):gsub("\u{A0}", " ")
    :gsub("\u{202F}", " "):gsub("\u{2009}", " "):gsub("\u{2007}", " "):gsub("\u{2019}", "'")
  local seps = {}
  for sep in s:gmatch("[^%d]") do seps[#seps + 1] = sep end
  local int, frac = s, nil
  if #seps > 0 then
    local last = seps[#seps]
    local first = seps[1]
    local tail = s:match("[^%d](%d+)$")
    local distinct = last ~= first
    if distinct or (#seps == 1 and (last == "." or #tail ~= 3)) then
      int, frac = s:match("^(.*)[^%d](%d+)$")
    end
  end
  int = int:gsub("[^%d]", "")
  local v = tonumber(int .. (frac and ("." .. frac) or ""))
  return math.tointeger(v) or v
end
V.parse_number = parse_number

local grouped = V.D ^ -3 * (group_sep * #V.D * V.D * V.D * (V.D * -V.D + -V.D)) ^ 1
local plain = V.D ^ 1
V.number = C((grouped + plain) * (dec_sep * V.D ^ 1) ^ -1) * -V.wordchar / parse_number

-- scale words: "2 Millionen" -> 2000000
V.scales = {
  en = { thousand = 1e3, million = 1e6, billion = 1e9, mn = 1e6, bn = 1e9, crore = 1e7, lakh = 1e5 },
  de = { Tausend = 1e3, Million = 1e6, Millionen = 1e6, Milliarde = 1e9, Milliarden = 1e9, Mio = 1e6,
         Mrd = 1e9 },
  ru = { ["тысяча"] = 1e3, ["тысячи"] = 1e3, ["тысяч"] = 1e3, ["тыс"] = 1e3, ["миллион"] = 1e6,
         ["миллиона"] = 1e6, ["миллионов"] = 1e6, ["млн"] = 1e6, ["миллиард"] = 1e9, ["миллиарда"] = 1e9,
         ["миллиардов"] = 1e9, ["млрд"] = 1e9 },
  hi = { ["हज़ार"] = 1e3, ["हजार"] = 1e3, ["लाख"] = 1e5, ["करोड़"] = 1e7, ["करोड"] = 1e7, ["अरब"] = 1e9 },
  ur = { ["ہزار"] = 1e3, ["لاکھ"] = 1e5, ["کروڑ"] = 1e7, ["ارب"] = 1e9 },
  fa = { ["هزار"] = 1e3, ["میلیون"] = 1e6, ["میلیارد"] = 1e9 },
  ar = { ["ألف"] = 1e3, ["آلاف"] = 1e3, ["مليون"] = 1e6, ["ملايين"] = 1e6, ["مليار"] = 1e9 },
}
do
  local all = {}
  for _, t in pairs(V.scales) do for w, v in pairs(t) do all[w] = v end end
  V.scale = V.keywords(all)
end

-- small number words (2..12; 1 is left out: in these languages it doubles as
-- the indefinite article: "ein", "एक", "یک", "one")
V.number_words = {
  en = { "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve" },
  de = { "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf" },
  ru = { "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять", "десять", "одиннадцать",
         "двенадцать" },
  hi = { "दो", "तीन", "चार", "पाँच", "छह", "सात", "आठ", "नौ", "दस", "ग्यारह", "बारह", pa = "पांच", chha = "छः" },
  ur = { "دو", "تین", "چار", "پانچ", "چھ", "سات", "آٹھ", "نو", "دس", "گیارہ", "بارہ" },
  fa = { "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه", "ده", "یازده", "دوازده" },
  ar = { "اثنان", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة", "أحد عشر", "اثنا عشر" },
}
-- spelling variants listed under keys: value is the number they spell
local variant_values = { pa = 5, chha = 6 }

function V.number_word(...)
  local t = {}
  for _, lang in ipairs({ ... }) do
    for k, w in pairs(V.number_words[lang] or error("no number words for '" .. tostring(lang) .. "'", 2)) do
      t[w] = type(k) == "number" and k + 1 or variant_values[k]
    end
  end
  return V.keywords(t)
end

-- ---------------------------------------------------------------------
-- values

-- iso(y, m, d [, hh, mm]) -> "YYYY-MM-DD[THH:MM]", or when y is nil a table
-- { month = m, day = d [, time = "HH:MM"] } (year = nil: the report resolves
-- it from the document date)
function V.iso(y, m, d, hh, mm)
  local time = hh and string.format("%02d:%02d", hh, mm or 0)
  if y == nil then
    return { month = m, day = d, time = time }
  end
  if d == nil then return string.format("%04d-%02d", y, m) end
  return string.format("%04d-%02d-%02d", y, m, d) .. (time and ("T" .. time) or "")
end

-- date(cal, y, m, d [, hh, mm]) -> ISO Gregorian value of a date in calendar
-- cal, or nil when that day does not exist (a rule's value then drops the
-- match); without a year, the fields stay in cal: { calendar = cal, month = m, day = d }
function V.date(cal, y, m, d, hh, mm)
  if y == nil then
    local t = V.iso(nil, m, d, hh, mm)
    if cal ~= "gregorian" then t.calendar = cal end
    return t
  end
  local ok, gy, gm, gd = pcall(core.calendar.to_gregorian, cal, y, m, d)
  if not ok then return nil end  -- no such day in that calendar: not a date
  return V.iso(gy, gm, gd, hh, mm)
end

return V
