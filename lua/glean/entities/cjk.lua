-- glean.entities.cjk: Han and kana, written without spaces or case: the
-- runs of Han/kana characters, their cues (a title before or after the
-- name, an organisation's tail), surnames, stop characters, Japanese
-- particles and katakana names joined by an interpunct.
-- cjk(kb, text, out, word_ends, lang, title_at, orgs) adds what it finds.
local base = require "glean.entities.base"

local ipairs, pairs, table, utf8, setmetatable = ipairs, pairs, table, utf8, setmetatable
local add, is_nospace_cp, blank_before = base.add, base.is_nospace_cp, base.blank_before

local M = {}

-- cp_set(s) -> the set of the code points of s (cp_set "县市" [0x53BF] == true)
local function cp_set(s)
  local set = {}
  for _, c in utf8.codes(s) do set[c] = true end
  return set
end

local function cp_class(c)
  if c == 0xB7 or c == 0x30FB or c == 0xFF65 then return "dot" end
  if (c >= 0x30A0 and c < 0x3100) or (c >= 0x31F0 and c < 0x3200) or c == 0x30FC then return "kata" end
  if c >= 0x3040 and c < 0x30A0 then return "hira" end
  return "han"
end

-- true when the bytes from p to the line's end are all white space (%s;
-- base.blank_before looks before p): a look at the line alone, never a copy
-- of the text after p (that made the stage quadratic)
local function blank_after(text, p)
  local z = text:find("[^ \t\v\f\r]", p)
  return not z or text:byte(z) == 10
end

-- the runs of Han/kana characters: { {cps}, {byte starts}, {byte ends} }
-- a Han/kana character's first byte: E3-E9 (U+3000-U+9FFF), EF A4-AB
-- (compatibility ideographs), EF BD/BE (half-width katakana), F0 A0-B2
-- (supplementary ideographs)
local CJK_LEAD = "[\227-\233\239\240]"
local function cjk_at(text, p)
  local b = text:byte(p)
  if b >= 0xE3 and b <= 0xE9 then return true end
  local b2 = text:byte(p + 1) or 0
  if b == 0xEF then return (b2 >= 0xA4 and b2 <= 0xAB) or b2 == 0xBD or b2 == 0xBE end
  return b == 0xF0 and b2 >= 0xA0 and b2 <= 0xB2
end
local function has_cjk(text)
  local p = text:find(CJK_LEAD)
  while p do
    if cjk_at(text, p) then return true end
    p = text:find(CJK_LEAD, p + 1)
  end
  return false
end

-- the runs of Han/kana characters: { cp = {...}, s = {...}, e = {...} };
-- jumps from one candidate lead byte to the next (most of a mixed text is
-- never decoded)
local function cjk_runs(text)
  local runs, pos, len = {}, 1, #text
  while true do
    local p = text:find(CJK_LEAD, pos)
    if not p then break end
    local cur
    while p <= len do
      local c = utf8.codepoint(text, p)
      local w = c < 0x80 and 1 or c < 0x800 and 2 or c < 0x10000 and 3 or 4
      if c >= 0x3000 and is_nospace_cp(c) or c == 0xB7 and cur then
        if not cur then cur = { cp = {}, s = {}, e = {} }; runs[#runs + 1] = cur end
        local n = #cur.cp + 1
        cur.cp[n], cur.s[n], cur.e[n] = c, p, p + w - 1
        p = p + w
      else
        p = p + w
        break
      end
    end
    pos = p
  end
  return runs
end

local function sub_of(text, r, a, b) return text:sub(r.s[a], r.e[b]) end

-- the particles after a Japanese name (は が を に の と も へ で や)
local JA_PARTICLE = { ["は"] = true, ["が"] = true, ["を"] = true, ["に"] = true, ["の"] = true, ["と"] = true,
  ["も"] = true, ["へ"] = true, ["で"] = true, ["や"] = true }

-- one-character words that follow a subject, never the last character of
-- a transliterated name (胡衡华|以数据, 王毅|曾): 以 曾 同 称 说 向 为 已 亦 仍
local AFTER_NAME = cp_set "以曾同称说向为已亦仍稱說為"

-- the characters of transliterated foreign names (the common ones of the
-- Xinhua tables, simplified and traditional): a name that opens with a
-- surname is read as transliterated and longer only when all its characters
-- are such (古特雷斯), not a Chinese name and the words after it (王大雷|赛后,
-- 李慧芝|受訪)
local TRANSLIT = {}
for _, c in utf8.codes(
  "阿埃艾爱安昂奥巴拜班邦保鲍贝本比彼毕宾波伯博布查达戴丹道德登迪蒂丁东杜顿多厄恩尔法范菲费芬丰冯弗福富"
  .. "盖甘冈戈格贡古瓜圭哈海汉豪赫亨洪胡华霍基吉加贾杰捷金卡凯坎康考柯科克肯孔库夸奎昆拉莱赖兰朗劳勒雷蕾"
  .. "黎里利莉丽连列林琳隆卢鲁路伦罗洛吕马玛迈麦曼芒梅门蒙米敏明莫默姆穆纳娜奈南内尼涅宁纽努诺欧帕潘庞佩"
  .. "彭皮珀普齐奇恰乔切钦琼丘让热茹瑞若萨塞赛桑森瑟沙莎尚舍申施什史舒斯松苏索塔泰坦汤唐特滕提图托瓦万旺"
  .. "威韦维温文沃乌伍武西希锡夏谢辛欣休雅亚扬耶叶伊因英尤约扎泽詹朱兹佐"
  .. "愛鮑貝畢賓達頓爾費豐馮蓋岡貢華賈傑凱庫誇萊賴蘭勞裏裡麗連倫羅呂馬瑪邁麥門納內紐諾歐龐齊喬欽瓊薩賽"
  .. "蘇湯騰圖韋維溫烏錫謝亞揚葉約澤茲"
  .. "夫汀娃娅妮丝芙朵黛琪茨斐薇赞崔洁萝缇廷季凡絲蘿緹珍") do
  TRANSLIT[c] = true
end

-- age_after(text, p): an age in brackets starts at byte p: (41), （41）,
-- （４１）: one to three digits, ASCII or full-width
local function age_after(text, p)
  local inner = text:match("^%((%d%d?%d?)%)", p) or text:match("^\239\188\136(.-)\239\188\137", p)
  if not inner or #inner > 9 then return false end
  return inner:find("^%d%d?%d?$") ~= nil or inner:gsub("\239\188[\144-\153]", "") == ""
end

-- title_at: { [byte] = opts } of Han/kana runs right after a title in
-- another script (GK西川, FW 鈴木: a position written in Latin letters)
-- orgs: { [start] = stop } of the gazetteer's organisations: one right
-- before a title is the title's organisation, no person (国連事務総長);
-- places: those of its places (a place before an interpunct names no one)
local NO_LENS = {}
local OUTER = setmetatable({}, { __mode = "k" })
local PTAIL_MAX = setmetatable({}, { __mode = "k" })
-- the place words that open no Japanese given name: a family name of the
-- list right before one is a place (石川|県内, 吉田|市長)
local PLACE_AFTER_SURNAME = cp_set "県府都市区郡"
local TAIL_NOT_BEFORE = cp_set "場域間"
-- words of position after a noun (賀電|中, 会|上): a dictionary word and one
-- of them before a reporting verb is no name
local POSITION = cp_set "中上下里裡内內外"
-- the last characters of adverbs of time that a name's second given
-- character would open (随即, 随后, 立刻): stop characters that cut no word
local ADVERB_END = cp_set "即后後便刻"
-- numerals and measure characters, no given name's characters after a
-- surname a story repeats (万|元, 周|年 are counts and dates)
local NOT_GIVEN = cp_set "一二三四五六七八九十百千万萬亿億零两兩元角人个個名次年月日号號岁歲位件项項条條米吨噸天时時分秒点點度倍"
-- the one-character tails of a district, town or township whose name alone
-- names it again (狮山镇 … 狮山; a county's, 郸城县 … 郸城, is the
-- gazetteer's, data/SOURCES.md: the alone rule's misreadings such as
-- 扩权县 are not repeated)
local SHORT_TAIL = cp_set "区區镇鎮乡鄉"
-- a place of its own before a tail marked `alone` (石门县, 何家洞镇): not
-- when its first character counts or points (该县, 各乡镇, 两个县, 全镇; a
-- numeral opens names: 三家馆乡, 四都坪乡), when
-- the character before the tail makes a kind (产粮大县, 特色小镇, 历史名镇),
-- when a word of a kind or place opens it (当地|县、乡、村 'the local county'), ends
-- with the tail or opens with the tail (贫困县, 示范村, 行政村, 我国|农村, 完善|乡村, 提升|村容), nor before a
-- character that makes the tail a word of its own (村庄, 县区, 镇域, 村民; Japanese
-- 駅伝, the relay race)
local ALONE_NOT_FIRST = cp_set "该該各全本我每这這那此多几幾数數某其个個两兩"
-- the determiners that open no place down an address's chain either (怀柔区|各街乡 'its
-- subdistricts and townships', 该镇, 每村)
local CHAIN_NOT_FIRST = cp_set "该該各每这這那此某几幾数數"
-- (and a verb's last character before the unit it reaches: 上报|镇, 回到|村, 走进|村)
local ALONE_NOT_LAST = cp_set "大强強小古名重个個报報到进進"
local ALONE_NOT_AFTER = cp_set "庄莊区區域场場间間伝民"
local JA_ADDR_HEAD, JA_ADDR_NEXT = cp_set "市郡", cp_set "町村区"
-- the tails of a municipality a district follows in an address (渋谷区|上原)
local JA_ADDR_TAIL = cp_set "市区町村郡"
-- words that follow a city in prose, no district of it (横浜市|在住, 大阪市|内,
-- 札幌市|中心部, 千葉市|出身, 仙台市|全域); the first one to three characters
local JA_DISTRICT_NOT = {}
for w in ("内 在 沖 側 境 長 民 立 営 出身 周辺 近郊 全域 全体 全国 一帯 中心 北部 南部 東部 西部 中部 方面 付近"
  .. " 郊外 役所 役場 議会 議員 職員 当局 以外 以上 以下 以内 以降 選出 選挙 主催 提供 所在 周囲 近く 各地 同市"
  .. " 当時 区域 地域 地区 地内 上空 沿岸 沖合 近海 寄り 在住 出張 管内 圏内 全て 全部 南東 南西 北東 北西"):gmatch("%S+") do
  JA_DISTRICT_NOT[w] = true
end
-- (kinds of city: 政令市 中核市 特例市)
local JA_ADDR_KIND = { ["政令市"] = true, ["中核市"] = true, ["特例市"] = true }
local ALONE_NOT_WORD = {}
for w in ("贫困 貧困 示范 示範 重点 重點 试点 試點 特色 行政 自然 城中 度假 农村 農村 乡村 鄉村 美丽 美麗 样板 樣板"
  .. " 文明 中心 边境 邊境 民族 直辖 直轄 乡镇 鄉鎮 镇村 鎮村 村镇 村鎮 村容 当地 當地 外地 异地 異地"
  -- (kinds of street, not a subdistrict's name: 城市街道, 附近街道, 主要街道)
  .. " 城市 附近 周边 周邊 主要 两旁 兩旁 狭窄 狹窄 繁华 繁華 老城 社区 社區 镇街 鎮街 各条 各條 这条 這條"
  -- (Japanese stations: kinds of station, not their names: 鉄道駅, 最寄駅, 地下鉄駅, 始発駅, 無人駅)
  .. " 鉄道 最寄 地下 新幹 主要 始発 終着 無人 乗換 停車 通過 起点 終点 私鉄 特急 快速 急行 高架 途中 近隣 周辺"
  .. " 各停 貨物 拠点 中間 隣接"):gmatch("%S+") do
  ALONE_NOT_WORD[w] = true
end
-- katakana words before a venue's katakana word that name a kind, no venue
-- (ホームスタジアム, サッカースタジアム, メインアリーナ, プライベートビーチ)
local KANA_VENUE_NOT = {}
for w in ("ホーム サッカー メイン ラグビー フットボール ベースボール マルチ ニュー ビッグ オリンピック ナショナル"
  .. " スポーツ バスケット バスケットボール テニス アイス アウェー アウェイ サブ ドーム オープン プロ スーパー"
  .. " プライベート パブリック"):gmatch("%S+") do
  KANA_VENUE_NOT[w] = true
end

-- the tails of venues that take a year written onto them (埼玉スタジアム2002)
local VENUE_YEAR_TAIL = { "スタジアム", "ドーム", "アリーナ", "競技場", "球場", "体育场", "體育場", "体育馆", "體育館" }

-- the characters that open no venue's own name between a place and its
-- tail: words that count, point or rank (中国|最大|体育场, 北京|新建|体育场,
-- 上海|两座|体育场, 该, 各)
local VENUE_NOT_FIRST = cp_set "新最各该這这那一两兩二三四五六七八九十百几幾多全首主本此其每第座家个個"

-- the characters of an administrative unit that open an organisation of
-- their own before a tail of two (市议会, 省政府, 县委 'the city's council')
local ADMIN_CHAR = cp_set "市省县区州镇乡村縣區鎮鄉"

-- organisation tails that are verbs too (组织 'to organise'), and the
-- subdistrict's tail (街道), both for the acting place of a report
-- (太平街道|组织人员转移)
local VERB_TAIL = { ["组织"] = true, ["組織"] = true }
local STREET = { ["街道"] = true }

-- the Japanese characters of a unit of government (and 私 'private') that
-- own a body of a kind, no name (市美術館, 県立博物館, 国立大学, 私立高校)
local JA_OWNER_CHAR = cp_set "市県町村区都府道国私"

-- the tails of a unit of a body, whose name runs through the body's
-- (公安局余杭分局, 中联办经济部, 市公安局交警支队)
local UNIT_TAIL = {}
for _, t in ipairs { "部", "局", "厅", "處", "处", "支队", "支隊", "分局", "大队", "大隊" } do UNIT_TAIL[t] = true end

-- coordinate(text, out, places, ptails, stops): places listed with the same
-- administrative tail.  A place the gazetteer or a tail found (a known
-- place or 水口镇) that ends in a tail of COORD_TAIL, then `、` or a
-- connector (和 及 与 或), then two or three Han characters and the same
-- tail make a place too (德化县水口镇、[南埕镇]; 瑞芳區、[平溪區]、[雙溪區]),
-- the fewest characters first, not before a character that makes the tail
-- a word (濱海鄉|鎮, 市|区); and so does such a name right before it (士林區
-- of 士林區、北投區 when 北投區 is known), from punctuation, a stop
-- character, a connector or another place; along the list.  The
-- characters are no stop character, connector or tail
local COORD_TAIL = cp_set "市区町村郡县镇乡旗縣區鎮鄉"
local COORD_SEP = cp_set "、和及与與或"
local function coordinate(text, out, places, ptails, stops)
  local starts, ends, queue = {}, {}, {}
  local function note(a, b)
    if starts[a] then return false end
    starts[a], ends[b] = b, a
    queue[#queue + 1] = { a, b }
    return true
  end
  local list = {}
  for a, b in pairs(places or {}) do list[#list + 1] = { a, b } end
  for _, m in ipairs(out) do if m.type == "place" then list[#list + 1] = { m.start, m.stop } end end
  table.sort(list, function(x, y) return x[1] < y[1] or (x[1] == y[1] and x[2] < y[2]) end)
  for _, x in ipairs(list) do note(x[1], x[2]) end
  local function cp_at(p) return p >= 1 and p <= #text and utf8.codepoint(text, p) or nil end
  local function before(p) return utf8.offset(text, 0, p) end   -- the first byte of the character at byte p
  local function name_char(c)
    return c and c >= 0x3400 and c <= 0x9FFF and cp_class(c) == "han" and not stops[utf8.char(c)]
      and not ptails[utf8.char(c)] and not COORD_SEP[c]
  end
  -- a boundary at the character starting at byte p (after a name) or ending
  -- at byte p (before one)
  local function edge(c, p, tail, after)
    if after then return not (c and (ALONE_NOT_AFTER[c] or ALONE_NOT_WORD[utf8.char(tail, c)])) end
    if not c or c < 0x3400 or c > 0x9FFF or cp_class(c) ~= "han" then return true end
    return stops[utf8.char(c)] or COORD_SEP[c] or ends[p] ~= nil
  end
  local i = 1
  while i <= #queue do
    local a, b = queue[i][1], queue[i][2]
    i = i + 1
    local tcp = cp_at(before(b))
    local o = tcp and COORD_TAIL[tcp] and ptails[utf8.char(tcp)]
    if o and (o.chars or 4) > 0 then
      local mn, mx = math.max(o.min or 1, 2), math.min(o.chars or 4, 3)
      -- after the place: separator, k characters, the tail
      local sep = cp_at(b + 1)
      if sep and COORD_SEP[sep] then
        local q = b + 1 + #utf8.char(sep)
        local x = q
        for k = 1, mx do
          local c = cp_at(x)
          if not name_char(c) then break end
          x = x + #utf8.char(c)
          if k >= mn and cp_at(x) == tcp then
            local z = x + #utf8.char(tcp)
            if edge(cp_at(z), z, tcp, true) and note(q, z - 1) then
              add(out, text, q, z - 1, "place", "cue:place_tail")
            end
            break
          end
        end
      end
      -- before the place: k characters, the tail, separator
      local sp = a > 1 and before(a - 1)
      local s2 = sp and cp_at(sp)
      if s2 and COORD_SEP[s2] and sp > 1 and cp_at(before(sp - 1)) == tcp then
        local te = sp - 1
        local x = before(te)
        for k = 1, mx do
          if x <= 1 then break end
          local y = before(x - 1)
          local c = cp_at(y)
          if not name_char(c) then break end
          x = y
          if k >= mn and edge(x > 1 and cp_at(before(x - 1)) or nil, x - 1, tcp, false) then
            if note(x, te) then add(out, text, x, te, "place", "cue:place_tail") end
            break
          end
        end
      end
    end
  end
end

-- Japanese: the news agencies 共同 and 時事 credited by their short name in
-- a dateline or a photo credit: right before 】 or a closing bracket, and
-- right after ＝, ・, an opening bracket, a closing one or a place of the
-- gazetteer (【ワシントン共同】, 【北京＝共同】, (トヨタ提供・共同),
-- 【リバティー(米ノースカロライナ州)共同】); not the word 共同 'joint' (共同声明)
local AGENCY = { "\229\133\177\229\144\140", "\230\153\130\228\186\139" }   -- 共同 時事
local AGENCY_BEFORE = { ["\239\188\157"] = true, ["="] = true, ["\227\131\187"] = true, ["\227\128\144"] = true,
  ["\239\188\136"] = true, ["("] = true, ["\239\188\137"] = true, [")"] = true }   -- ＝ = ・ 【 （ ( ） )
local AGENCY_AFTER = { ["\227\128\145"] = true, ["\239\188\137"] = true, [")"] = true }   -- 】 ） )
local function agency_credits(text, out, places, cities)
  for _, a in ipairs(AGENCY) do
    local p = text:find(a, 1, true)
    while p do
      local e = p + #a - 1
      local after = text:sub(e + 1, e + 1) == ")" and ")" or text:sub(e + 1, e + 3)
      local b1 = text:sub(p - 1, p - 1)
      local before = (b1 == "=" or b1 == "(" or b1 == ")") and b1 or (p > 3 and text:sub(p - 3, p - 1))
      local placed = false
      -- (the places are read only for a name right before a closing bracket)
      local look = AGENCY_AFTER[after] and not (before and AGENCY_BEFORE[before])
      for _, m in ipairs(look and { places or {}, cities or {} } or {}) do
        for st, en in pairs(m) do
          if en == p - 1 and st < p then placed = true; break end
        end
        if placed then break end
      end
      if AGENCY_AFTER[after] and ((before and AGENCY_BEFORE[before]) or placed) then
        add(out, text, p, e, "org", "cue:byline")
      end
      p = text:find(a, e + 1, true)
    end
  end
end

-- road_list(text, out, stops, word_ends): streets and roads listed with 、
-- (彌敦道、長沙灣道、荔枝角道、青山道和元洲街): three names or more, each two
-- to four Han characters and a road's tail (路 道 街 大道 公路 大街), those
-- between two separators whole, the first from a word's start (ICU's
-- dictionary) right before the first 、, the last after 和, 及 or 與 up to
-- a stop character or punctuation; no name a word of the tail (频道, 渠道,
-- 道路, 思路, 逛街: ROAD_WORD), none with a stop character
local ROAD_TAILS = { "公路", "大道", "大街", "路", "道", "街" }
local ROAD_WORD = {}
for w in ("频道 頻道 渠道 轨道 軌道 通道 隧道 跑道 赛道 賽道 车道 車道 坡道 航道 河道 管道 知道 报道 報道 步道 栈道"
  .. " 棧道 赤道 古道 正道 公道 味道 门道 門道 难道 難道 霸道 地道 铁道 鐵道 国道 國道 省道 县道 縣道 街道 人道 王道"
  .. " 马路 馬路 铁路 鐵路 线路 線路 网路 網路 思路 出路 一路 沿路 半路 陆路 陸路 水路 电路 電路 去路 来路 來路 小路"
  .. " 大路 老路 套路 歧路 道路 上街 逛街 老街 小街 大街 公路 大道"):gmatch("%S+") do
  ROAD_WORD[w] = true
end
local function road_list(text, out, stops, word_ends)
  if not text:find("\227\128\129", 1, true) then return end
  local cps, ss, es = {}, {}, {}
  for p, c in utf8.codes(text) do
    cps[#cps + 1], ss[#ss + 1], es[#es + 1] = c, p, p + #utf8.char(c) - 1
  end
  local function han(i) return cps[i] and cps[i] >= 0x3400 and cps[i] <= 0x9FFF and not stops[utf8.char(cps[i])] end
  local function seq(a, b)
    local t = {}
    for i = a, b do t[#t + 1] = utf8.char(cps[i]) end
    return table.concat(t)
  end
  -- road(a, b): characters a..b are a road's name and tail, or nil
  local function road(a, b)
    for i = a, b do if not han(i) then return false end end
    for _, t in ipairs(ROAD_TAILS) do
      local tl = utf8.len(t)
      local nl = b - a + 1 - tl
      if nl >= 2 and nl <= 4 and seq(b - tl + 1, b) == t then
        return not ROAD_WORD[seq(b - tl, b)] and not ALONE_NOT_FIRST[cps[a]]
      end
    end
    return false
  end
  local n, i = #cps, 1
  while i <= n do
    if cps[i] == 0x3001 then
      -- the first item: the shortest name from a word's start before the separator
      local items, first = {}, nil
      for a = i - 3, math.max(1, i - 6), -1 do
        if road(a, i - 1) and (a == 1 or not han(a - 1) or word_ends[es[a - 1]]) then first = a; break end
      end
      if first then
        items[1] = { first, i - 1 }
        local j = i
        while cps[j] == 0x3001 do
          local z = j + 1
          while z <= n and han(z) and cps[z] ~= 0x3001 and z - j <= 7 do z = z + 1 end
          if cps[z] == 0x3001 and road(j + 1, z - 1) then
            items[#items + 1] = { j + 1, z - 1 }
            j = z
          else
            -- the last item: after 和 及 與 与 inside the stretch, or the stretch up to a stop or punctuation
            local a = j + 1
            if cps[a] == 0x548C or cps[a] == 0x53CA or cps[a] == 0x8207 or cps[a] == 0x4E0E then a = a + 1 end
            for b = a + 2, math.min(n, a + 5) do
              if road(a, b) and (not han(b + 1) or COORD_SEP[cps[b + 1]]) then items[#items + 1] = { a, b }; break end
            end
            break
          end
        end
        -- (an item ending in 和 and the last after it: 青山道和元洲街)
        local last = items[#items]
        if #items >= 2 then
          local c = last[2] + 1
          if cps[c] == 0x548C or cps[c] == 0x53CA or cps[c] == 0x8207 or cps[c] == 0x4E0E then
            for b = c + 3, math.min(n, c + 6) do
              if road(c + 1, b) and not han(b + 1) then items[#items + 1] = { c + 1, b }; break end
            end
          end
        end
        if #items >= 3 then
          for _, it in ipairs(items) do add(out, text, ss[it[1]], es[it[2]], "place", "cue:place_tail") end
        end
        i = math.max(i + 1, items[#items][2] + 1)
      else
        i = i + 1
      end
    else
      i = i + 1
    end
  end
end

local function cjk(kb, text, out, word_ends, lang, title_at, orgs, places, cities)
  if kb.cjk_max == 0 then return end
  local first_out = #out + 1
  -- the text's language's own cues, stop characters and surnames when it has
  -- Han/kana cues of its own; else those of every language
  local own = kb.cjk_lang[lang]
  local phrases, stops, surnames, smax = kb.cjk, kb.stop_cjk, kb.cjk_surname, kb.cjk_surname_max
  if own and own.cues then phrases, stops = own.phrases, own.stop end
  if own and own.surname_max > 0 then surnames, smax = own.surname, own.surname_max end
  local ptails = own and own.place_tail
  -- the longest place tail's characters (made once per tail table)
  local ptail_max = ptails and PTAIL_MAX[ptails]
  if ptails and not ptail_max then
    ptail_max = 0
    for p in pairs(ptails) do ptail_max = math.max(ptail_max, utf8.len(p)) end
    PTAIL_MAX[ptails] = ptail_max
  end
  -- inside_gaz(pos) -> the last and first bytes of a gazetteer organisation
  -- (before a large place) that starts before byte pos and covers it, or
  -- nil; of several, the one ending last, then starting first (the outermost:
  -- not whichever pairs() meets first)
  -- (each table is read once into its starts in order and, for each prefix
  -- of them, that choice among the prefix: a binary search then answers,
  -- where a walk over every match per call made the stage quadratic)
  local gaz_index
  -- org_starts: { [stop] = { start, ... } } of orgs, made at its first use
  local org_starts
  local function index_of(m)
    local starts = {}
    for st in pairs(m) do starts[#starts + 1] = st end
    table.sort(starts)
    local be, bs = {}, {}
    for i, st in ipairs(starts) do
      local e = m[st]
      if i > 1 and be[i - 1] >= e then be[i], bs[i] = be[i - 1], bs[i - 1] else be[i], bs[i] = e, st end
    end
    return { starts = starts, be = be, bs = bs }
  end
  local function inside_gaz(pos)
    if not gaz_index then gaz_index = { index_of(orgs or {}), index_of(cities or {}) } end
    for _, ix in ipairs(gaz_index) do
      -- k: the number of matches starting before pos
      local starts, lo, hi = ix.starts, 0, #ix.starts
      while lo < hi do
        local mid = (lo + hi + 1) // 2
        if starts[mid] < pos then lo = mid else hi = mid - 1 end
      end
      if lo > 0 and ix.be[lo] >= pos then return ix.be[lo], ix.bs[lo] end
    end
    return nil
  end
  local ja = lang == "ja"
  -- first character -> the lengths of the phrases beginning with it, longest first
  local first_lens = base.first_lens(phrases)
  -- designators that open with a character no run holds ((株), ㈱), longest first
  local outer = OUTER[phrases]
  if not outer then
    outer = {}
    for p, e in pairs(phrases) do
      if e.org_designator and not is_nospace_cp(utf8.codepoint(p, 1)) then
        outer[#outer + 1] = { p, e.org_designator }
      end
    end
    table.sort(outer, function(x, y) return #x[1] > #y[1] or (#x[1] == #y[1] and x[1] < y[1]) end)
    OUTER[phrases] = outer
  end
  -- the run before: its last byte, and whether it ended in a title or a
  -- byline cue or was a byline's name itself (记者 陈婷婷 许云峰)
  local prev_e, prev_lead, prev_whole, pending = 0, false, false, {}
  local runs = cjk_runs(text)
  -- a venue named after its place (广州|天河体育场): its own name alone
  local venue_names = {}
  for ri, r in ipairs(runs) do
    local n = #r.cp
    -- cues, longest first, left to right
    local cue, k = {}, 1      -- cue[k] = { last index, classes }
    local covered = {}
    local named = {}          -- the characters of persons a title found in this run
    local cue_from = {}       -- last index -> first index of the cue ending there
    -- a run right after a number opens with its counter or unit (20日, 3月,
    -- 5年, 10人): no name or organisation starts or runs through it
    local before = r.s[1] > 1 and text:byte(r.s[1] - 1) or 0
    if (before >= 48 and before <= 57) or (before >= 0x90 and before <= 0x99 and r.s[1] > 3
        and text:byte(r.s[1] - 3) == 0xEF and text:byte(r.s[1] - 2) == 0xBC) then
      covered[1] = true
    end
    while k <= n do
      local found
      -- only the lengths of the phrases that begin with this character
      for _, len in ipairs(first_lens[r.cp[k]] or NO_LENS) do
        if len <= n - k + 1 then
          local e = phrases[sub_of(text, r, k, k + len - 1)]
          if e then found = { k + len - 1, e }; break end
        end
      end
      -- a title after a name that a family name ending in its first
      -- character overlaps (藤|村長|官: 藤村 + 長官, not 藤 + 村長): the
      -- later title, when a family name of the list ends at k and a
      -- title_after starts at k + 1 and ends after this one
      if found and found[2].title_after and k > 1 and found[1] > k then
        local later
        for _, len in ipairs(first_lens[r.cp[k + 1]] or NO_LENS) do
          if k + len <= n and k + len > found[1] then
            local e = phrases[sub_of(text, r, k + 1, k + len)]
            if e and e.title_after then later = true; break end
          end
        end
        if later then
          for sl = math.min(smax, k), 2, -1 do
            if surnames[sub_of(text, r, k - sl + 1, k)] then found = nil; break end
          end
        end
      end
      -- Chinese: a head's title of a unit (县长, 镇长) whose 长 opens the
      -- next place of an address (五华县|长布镇, 五華縣|長安村): one or two Han
      -- characters after 长, then a tail marked `alone`, is a place, no title
      if found and found[2].title and not ja and found[1] == k + 1 and k > 1 and ptails
        and ADMIN_CHAR[r.cp[k]] and (r.cp[k + 1] == 0x957F or r.cp[k + 1] == 0x9577) then
        for q = k + 3, math.min(n, k + 4) do
          local o = ptails[utf8.char(r.cp[q])]
          if cp_class(r.cp[q - 1]) ~= "han" then break end
          if o and o.alone then found = nil; break end
        end
      end
      if found then
        cue[k] = found
        cue_from[found[1]] = k
        for q = k, found[1] do covered[q] = true end
        k = found[1] + 1
      else
        k = k + 1
      end
    end
    -- after_det(a): a stop phrase with `det` ends right before character a
    -- (一家|科技公司, 这所|大学): a kind of organisation, no name
    local function after_det(a)
      local st = a > 1 and cue_from[a - 1] and cue[cue_from[a - 1]][2].stop
      return st and st.det or false
    end
    -- with_org_before(a) -> a, or the first character of a gazetteer
    -- organisation ending right before it in this run (华为|技术有限公司:
    -- 为 is a stop character, the gazetteer's 华为 is the name's start)
    -- (the organisations ending at each byte are read once per text, in
    -- pairs() order as before: a walk over every organisation per call made
    -- the stage quadratic)
    local function with_org_before(a)
      if not orgs or a <= 1 then return a end
      if not org_starts then
        org_starts = {}
        for st, e in pairs(orgs) do
          local l = org_starts[e]
          if l then l[#l + 1] = st else org_starts[e] = { st } end
        end
      end
      for _, st in ipairs(org_starts[r.s[a] - 1] or {}) do
        if st >= r.s[1] then
          local x = a - 1
          while x > 1 and r.s[x] > st do x = x - 1 end
          if r.s[x] == st then return x end
        end
      end
      return a
    end
    local function stopc(q)
      if q < 1 or q > n or covered[q] then return true end
      local ch = utf8.char(r.cp[q])
      return stops[ch] or cp_class(r.cp[q]) == "hira"
    end
    -- through_org(a, q, max) -> the start of the organisation a Chinese
    -- name at characters a..q-1 continues: when an org_tail cue ends right
    -- before a (or a is q), the characters before that cue up to a stop
    -- character, at most max before the tail; else a
    local function through_org(a, q, max)
      local cf = a > 1 and cue_from[a - 1]
      local c = cf and cue[cf][2]
      if not (c and c.org_tail) or named[a - 1] then return a end
      local x = cf
      while x > 1 and q - x < max + 4 and not stopc(x - 1) and not named[x - 1] do x = x - 1 end
      -- (two characters before the inner tail at least, or an administrative
      -- unit's one: 余名|集团公司 after a number is none, 市|公安局分局 one)
      if cf - x < 2 and not (cf - x == 1 and ADMIN_CHAR[r.cp[x]]) then return a end
      return x
    end
    -- surname(s): length of the (longest) surname starting at s, ending
    -- before position lim (exclusive), or nil
    local function surname(s, lim)
      for sl = math.min(smax, lim - s), 1, -1 do
        if surnames[sub_of(text, r, s, s + sl - 1)] then return sl end
      end
      return nil
    end
    -- places_before(a) -> the first character of the places written right
    -- before character a, a Chinese organisation's name opening with the
    -- places it belongs to (湖北省|防汛抗旱指挥部, 重庆市秀山县|公安局): places the
    -- gazetteer knows, and two to four Han characters and a place tail
    -- (秀山县, chars=N and min=N of the tail) starting a dictionary word; a
    -- (or a itself when none)
    local function places_before(a)
      -- (a window that cut a place before its tail starts after the tail:
      -- 桃源|县农业农村局 is read from 农)
      if a < n and a > 1 and ptails and ptails[utf8.char(r.cp[a])] and not stopc(a) then
        local b = places_before(a + 1)
        if b < a then return b end
      end
      while a > 1 do
        -- (the run's characters are looked up, not every place of the
        -- document; of several, the one starting first)
        local to, pe = nil, r.s[a] - 1
        for x = 1, a - 1 do
          if (places and places[r.s[x]] == pe) or (cities and cities[r.s[x]] == pe) then to = x; break end
        end
        local o = not to and ptails and ptails[utf8.char(r.cp[a - 1])]
        if o and (o.chars or 4) > 0 then
          for len = math.max(o.min or 1, 2), o.chars or 4 do
            local s = a - 1 - len
            if s < 1 or stopc(s) then break end
            local ok = s == 1 or word_ends[r.e[s - 1]]
            -- (not a person a title found: 市長[PER 蔣萬安]|市議會 is no 萬安市)
            for x = s, a - 2 do ok = ok and cp_class(r.cp[x]) == "han" and not stopc(x) and not named[x] end
            if ok then to = s; break end
          end
        end
        if not to then break end
        a = to
      end
      return a
    end
    -- one_word(a, b): characters a..b are one word of ICU's dictionary
    local function one_word(a, b)
      if b <= a or cp_class(r.cp[a]) ~= "han" then return false end
      if a > 1 and not word_ends[r.e[a - 1]] then return false end
      if not word_ends[r.e[b]] then return false end
      for x = a, b - 1 do if word_ends[r.e[x]] then return false end end
      return true
    end
    -- translit_end(q): the end of a transliterated name at q: four to six
    -- Han characters that ICU leaves one by one (古|特|雷|斯), then a cue, a
    -- stop character or the run's end
    local function translit_end(q)
      local b = q - 1
      while b < n and b - q < 5 and not stopc(b + 1) and cp_class(r.cp[b + 1]) == "han"
        and word_ends[r.e[b + 1]] and (b + 1 == 1 or word_ends[r.e[b]]) do
        b = b + 1
      end
      if b - q >= 3 and (b == n or stopc(b + 1)) and not AFTER_NAME[r.cp[b]] then return b end
      return nil
    end
    -- all_translit(a, b): characters a..b are all transliteration characters
    local function all_translit(a, b)
      for x = a, b do
        if not TRANSLIT[r.cp[x]] then return false end
      end
      return true
    end
    -- a name after position q: surname + one or two characters, a
    -- katakana run, or a bounded run up to a cue or stop character
    local function name_after(q, max)
      if q > n or stopc(q) then return nil end
      local cls = cp_class(r.cp[q])
      if cls == "kata" then
        local b = q
        while b < n and (cp_class(r.cp[b + 1]) == "kata" or cp_class(r.cp[b + 1]) == "dot") and not covered[b + 1] do
          b = b + 1
        end
        if cp_class(r.cp[b]) == "dot" then b = b - 1 end
        return b
      end
      if cls ~= "han" then return nil end
      local tb = translit_end(q)
      for sl = math.min(smax, 2), 1, -1 do
        if q + sl - 1 <= n and surnames[sub_of(text, r, q, q + sl - 1)] then
          local b = q + sl - 1
          local g = 0
          while g < 2 and b + 1 <= n and not stopc(b + 1) and cp_class(r.cp[b + 1]) == "han" do
            -- the second given character opens no dictionary word of its
            -- own (王毅|邀请, 耿爽|主持): a word boundary before it and none
            -- after it
            -- (unless a stop character cuts that word: 赖晓明|和, not 赖晓|明和;
            -- but the end of an adverb is no such cut: 陈菊|随即, 李明|随后)
            if g == 1 and word_ends[r.s[b + 1] - 1] and not word_ends[r.e[b + 1]]
              and (not stopc(b + 2) or (b + 2 <= n and ADVERB_END[r.cp[b + 2]])) then
              break
            end
            b = b + 1; g = g + 1
          end
          -- a transliterated name that opens like a surname (古特雷斯): all
          -- its characters transliteration characters
          -- (or four characters or more after a one-character surname, all but
          -- the surname transliteration characters: 杜加里克; a Chinese name has
          -- at most three)
          if tb and tb > b and (all_translit(q, tb) or (sl == 1 and tb - q >= 3 and all_translit(q + 1, tb))) then
            return tb
          end
          if g >= 1 then return b end
        end
      end
      -- (Chinese: opening with a transliteration character; 喊|緊|盯|傅|崐|萁
      -- after 律師 is a verb and its object)
      if tb and (ja or TRANSLIT[r.cp[q]]) then return tb end
      -- three to eight transliteration characters, whatever words ICU makes
      -- of them (阿|列|斯托|维|奇), then a cue, a stop character or the run's end
      local z = q
      while z < n and z - q < 7 and TRANSLIT[r.cp[z + 1]] and not stopc(z + 1) do z = z + 1 end
      if z - q >= 2 and TRANSLIT[r.cp[q]] and (z == n or stopc(z + 1)) then return z end
      -- bounded: up to max characters, then a cue, a stop character or the run's end
      -- (Chinese: a run that opens with a known surname or a transliteration
      -- character; 案|發, 当场|抓获, 名叫|张某 after a title are the sentence's
      -- words, not a name)
      -- (or a character of another kind before two or more of them: 淡|马|亚)
      if not ja and cls == "han" and not TRANSLIT[r.cp[q]] and not surnames[sub_of(text, r, q, q)]
        and not (q < n and surnames[sub_of(text, r, q, q + 1)]) then
        local t = q
        while t < n and t - q < max - 1 and TRANSLIT[r.cp[t + 1]] and not stopc(t + 1) do t = t + 1 end
        if not (t - q >= 2 and (t == n or stopc(t + 1)) and word_ends[r.e[q]] and not one_word(q + 1, t)) then
          return nil
        end
      end
      local b = q
      while b - q + 1 < max and b + 1 <= n and not stopc(b + 1) do b = b + 1 end
      if b + 1 > n or stopc(b + 1) or cp_class(r.cp[b + 1]) == "dot" then
        while b + 1 <= n and cp_class(r.cp[b + 1]) == "dot" and b + 2 <= n and not stopc(b + 2) do
          b = b + 2
          while b + 1 <= n and not stopc(b + 1) and cp_class(r.cp[b + 1]) ~= "dot" and b - q < 12 do b = b + 1 end
        end
        -- one Han character is no name, nor one dictionary word (中场休息,
        -- 法官认定): ICU leaves a transliterated name in pieces (拜|登), or
        -- knows it as a word of transliteration characters (奥斯汀)
        local tw = b > q and all_translit(q, b)
        if (b + 1 > n or stopc(b + 1)) and (b > q or cp_class(r.cp[q]) ~= "han") and (tw or not one_word(q, b)) then
          return b
        end
      end
      return nil
    end
    -- a name before position q (exclusive): first and last index, or nil.
    -- need: the name must start with a known surname (or be katakana), as
    -- beside a reporting verb, which does not bound a name the way an
    -- honorific does
    local function name_before(q, max, need)
      local e = q - 1
      if e >= 1 and cp_class(r.cp[e]) == "dot" then e = e - 1 end   -- プーチン・ロシア大統領
      if e < 1 or stopc(e) then return nil end
      local cls = cp_class(r.cp[e])
      if cls == "kata" then
        local a = e
        while a > 1 and not stopc(a - 1) and (cp_class(r.cp[a - 1]) == "kata" or cp_class(r.cp[a - 1]) == "dot") do
          a = a - 1
        end
        if cp_class(r.cp[a]) == "dot" then a = a + 1 end
        return a, e
      end
      if cls ~= "han" then return nil end
      local a = e
      while a > 1 and e - a + 1 < max and not stopc(a - 1) and cp_class(r.cp[a - 1]) == "han" do a = a - 1 end
      -- (Japanese: an interpunct bounds it too, 社長・河嶋明宏さん)
      local bounded = a == 1 or stopc(a - 1) or (ja and cp_class(r.cp[a - 1]) == "dot")
      local len = e - a + 1
      if ja then
        -- Japanese: the kanji run between particles is the name; a run
        -- not bounded, or beside a reporting phrase, starts with a surname
        -- (a run of five or more: a team or company before a known family
        -- name and one or two characters, 阪神|前川右京外野手)
        -- (unless a family name of three characters or more opens the whole
        -- run with one or two after it: 長谷川貴彦, not 長|谷川貴彦)
        local whole_sl = len >= 5 and surname(a, e + 1)
        if bounded and not need and len >= 5 and not (whole_sl and whole_sl >= 3 and len - whole_sl <= 2) then
          for l = 4, 3, -1 do
            local sl = surname(e - l + 1, e + 1)
            if sl and sl >= 2 and l - sl <= 2 then return e - l + 1, e end
          end
        end
        if bounded and not need and (len >= 2 or surname(a, e + 1)) then return a, e end
        for l = math.min(len, 4), 1, -1 do
          local s = e - l + 1
          local sl = surname(s, e + 1)
          if sl and (l > sl or (bounded and s == a)) then return s, e end
        end
        return nil
      end
      -- Chinese: a surname and one or two characters, the most usual
      -- lengths first; else, beside an honorific, a bounded run of two to
      -- four characters (拜登先生)
      for _, l in ipairs { 3, 2, 4 } do
        if l <= len then
          local s = e - l + 1
          local sl = surname(s, e + 1)
          -- beside a reporting verb, no two-character dictionary word that
          -- opens with a surname (白宫表示, 高层表示), nor a name that starts
          -- inside a word (俄|罗斯外长: a country's end)
          local inside = need and s > a and not word_ends[r.e[s - 1]]
          -- (nor a dictionary word and a position after it: 在|賀電|中指出)
          local where = need and l == 3 and sl == 1 and POSITION[r.cp[e]] and one_word(s, e - 1)
          if sl and l - sl >= 1 and l - sl <= 2 and not (need and l == 2 and one_word(s, e)) and not inside
            and not where then
            return s, e
          end
        end
      end
      if bounded and not need and len >= 2 and len <= 4 and not one_word(a, e) then return a, e end
      return nil
    end
    -- Japanese: a kanji word of a known family name (two characters or
    -- more) and one or two characters, between kana or punctuation and a
    -- particle (鈴木優磨に, 、金子拓郎も)
    if ja then
      local q = 1
      while q <= n do
        if not stopc(q) and cp_class(r.cp[q]) == "han" and (q == 1 or stopc(q - 1) or cp_class(r.cp[q - 1]) ~= "han")
          and (q == 1 or cp_class(r.cp[q - 1]) ~= "kata") then
          local b = q
          while b < n and not stopc(b + 1) and cp_class(r.cp[b + 1]) == "han" do b = b + 1 end
          local len = b - q + 1
          local sl = surname(q, b + 1)
          local nxt = b < n and r.cp[b + 1]
          -- (not a municipality named like a family: 吉田町, 山田村)
          local pt = ptails and ptails[utf8.char(r.cp[b])]
          -- (nor a place named like one, its tail right after: 石川|県内の)
          local pt2 = sl and q + sl <= b and PLACE_AFTER_SURNAME[r.cp[q + sl]]
          if sl and sl >= 2 and len - sl >= 1 and len - sl <= 2 and not (pt and (pt.chars or 4) > 0) and not pt2
            and (not nxt or (cp_class(nxt) == "hira" and JA_PARTICLE[utf8.char(nxt)])) then
            add(out, text, r.s[q], r.e[b], "person", "names:surname")
          end
          q = b + 1
        else
          q = q + 1
        end
      end
    end
    -- Chinese bylines and photo credits: names of two to four characters,
    -- each a run of its own opening with a known surname, separated by
    -- spaces, after 记者 or 编辑 (with a colon) or before 摄
    -- (中新社记者 陈婷婷 许云峰, 责任编辑:周冬 赵舒文, 张浩 摄)
    local lead = false
    local sl = n >= 2 and n <= 4 and cp_class(r.cp[1]) == "han" and surname(1, n + 1)
    local whole = sl and n - sl >= 1 and n - sl <= 2
    for x = 1, n do if whole and (stopc(x) or cp_class(r.cp[x]) ~= "han") then whole = false end end
    -- the text between the run before and this one
    local between = text:sub(prev_e + 1, r.s[1] - 1)
    if not ja then
      if whole then
        local after = text:sub(r.e[n] + 1, r.e[n] + 8)
        if (prev_lead and (between:find("^[ \t]+$") or between:find("^ ?[:\239][\188]?[\154]? ?$")))
          or after:find("^ +\230\145\132") or after:find("^ +\230\148\157") then
          add(out, text, r.s[1], r.e[n], "person", "cue:byline", { strong = true })
          lead = true
        end
      end
      -- names apart before the byline's cue (李明 王芳 记者 张华): kept
      -- until a run opening with a title or byline cue follows
      local spaced = between:find("^[ \t]+$") ~= nil
      local c1 = cue[1] and cue[1][2]
      if spaced and c1 and (c1.title or c1.byline) then
        for _, p in ipairs(pending) do add(out, text, p[1], p[2], "person", "cue:byline", { strong = true }) end
      end
      if whole and not lead then
        if not spaced then pending = {} end
        pending[#pending + 1] = { r.s[1], r.e[n] }
      else
        pending = {}
      end
      local lc = cue_from[n] and cue[cue_from[n]][2]
      if lc and (lc.title or lc.byline) then lead = true end
    end
    -- the run before, a whole name apart before a title opening this run
    -- (風間八宏 監督記者会見): the gap a space
    local apart = prev_whole and (between == " " or between == "\227\128\128") and prev_whole
    prev_e, prev_lead, prev_whole = r.e[n], lead, whole and { r.s[1], r.e[n] }
    -- Japanese: a kanji name right before the age in brackets, between kana,
    -- punctuation or a stop word and the bracket (無職山田太郎(41), 、佐藤花子(34)=)
    if ja and n >= 2 and cp_class(r.cp[n]) == "han" and not stopc(n) then
      if age_after(text, r.e[n] + 1) then
        local a = n
        while a > 1 and n - a < 4 and not stopc(a - 1) and cp_class(r.cp[a - 1]) == "han" do a = a - 1 end
        if n - a >= 1 and (a == 1 or stopc(a - 1) or cp_class(r.cp[a - 1]) ~= "han") then
          add(out, text, r.s[a], r.e[n], "person", "shape:age")
        end
      end
    end
    -- a designator written with brackets or as one symbol right after the
    -- run (大同精工(株), 北陸精工（株）, 東邦化成㈱): brackets end a run, so
    -- the cue is looked for after it; the name is the run's end
    if n >= 2 and not stopc(n) then
      for _, d in ipairs(outer) do
        -- (a designator in Latin letters is no word's start: オンワードHD, not HDMI)
        if text:sub(r.e[n] + 1, r.e[n] + #d[1]) == d[1]
          and not (d[1]:find("^%a") and text:find("^%w", r.e[n] + #d[1] + 1)) then
          local a = n
          while a > 1 and n - a + 1 < (d[2].chars or 8) and not stopc(a - 1) and cp_class(r.cp[a - 1]) ~= "dot" do
            a = a - 1
          end
          if a < n then add(out, text, r.s[a], r.e[n] + #d[1], "org", "cue:org_designator") end
          break
        end
      end
    end
    -- Japanese: a company named only by what follows it in brackets, its
    -- officer (「ブランディア」(鈴木幹也社長), ニッコー(佐藤一郎代表取締役)) or its
    -- address (セイホー(東浅川町), 造研(堀之内2), そろはむ(八王子市並木町)): a
    -- municipality's tail, a number or 丁目 ends the address's first part,
    -- which is no country; the name is a quoted run, or the katakana and
    -- kanji at the run's end (up to hiragana), or a run of hiragana alone
    -- after punctuation; not an interpunct's katakana (a foreign person),
    -- nor kanji opening with a family name (a person's home town), nor a run
    -- ending in a place tail or a cue; an address opens with a kanji or kana
    if ja and n >= 2 then
      local q1 = text:sub(r.e[n] + 1, r.e[n] + 3) == "\227\128\141" and r.e[n] + 4 or r.e[n] + 1
      local quoted = q1 > r.e[n] + 1 and r.s[1] > 3 and text:sub(r.s[1] - 3, r.s[1] - 1) == "\227\128\140"
      local open = text:sub(q1, q1) == "(" and 1 or text:sub(q1, q1 + 2) == "\239\188\136" and 3
      -- (within 100 bytes: the rest of the text is never searched)
      local win = open and text:sub(q1 + open, q1 + open + 99)
      local close = win and (win:find("[)\n]") or #win + 1)
      local close2 = win and win:find("\239\188\137", 1, true)
      if close2 and close2 < close then close = close2 end
      local inner = win and close <= #win and win:sub(1, close - 1)
      local kind
      if inner and inner ~= "" and utf8.len(inner) and utf8.len(inner) <= 24 and not inner:find("\n") then
        -- the officer: a company title_after at the content's end
        local cps = {}
        for _, c in utf8.codes(inner) do cps[#cps + 1] = c end
        for l = math.min(#cps - 1, 7), 2, -1 do
          local t = {}
          for x = #cps - l + 1, #cps do t[#t + 1] = utf8.char(cps[x]) end
          local e = phrases[table.concat(t)]
          if e and e.title_after and e.title_after.company then kind = "officer"; break end
        end
        -- the address: its first part up to an interpunct or a comma
        local first = inner:match("^(.-)\227\131\187") or inner:match("^(.-)\227\128\129") or inner
        local last = first:match("[%z\1-\127\194-\244][\128-\191]*$")
        if not kind then
          local digits = first:find("[0-9]$") or first:find("\239\188[\144-\153]$")
          local tailc = last == "\229\184\130" or last == "\229\140\186" or last == "\231\148\186"
            or last == "\230\157\145" or first:find("\228\184\129\231\155\174$")
          local country = places and places[q1 + open] == q1 + open + #first - 1
          -- (opening with a kanji or kana: a match's result after its
          -- opponent, 湘南戦(○3-2), is no address)
          if (digits or tailc) and #first > 3 and not country and cjk_at(first, 1) then kind = "address" end
        end
      end
      if kind then
        local a = quoted and 1 or n
        if not quoted then
          -- (over the characters of the last one's kind, kana or not: a
          -- one-character stop word may be inside a company's name, 夢現舎)
          local hn = cp_class(r.cp[n]) == "hira"
          while a > 1 and n - a < 11 and not covered[a - 1] and cp_class(r.cp[a - 1]) ~= "dot"
            and (cp_class(r.cp[a - 1]) == "hira") == hn do
            a = a - 1
          end
        end
        local ok = quoted or n - a >= 1
        local hira = false
        for x = a, n do
          local c = cp_class(r.cp[x])
          ok = ok and not covered[x] and c ~= "dot"
          hira = hira or c == "hira"
        end
        -- (hiragana: a run of hiragana alone)
        if hira and not quoted then
          for x = a, n do ok = ok and cp_class(r.cp[x]) == "hira" end
          ok = ok and (a == 1 or cp_class(r.cp[a - 1]) ~= "hira")
        end
        if ok and not quoted and cp_class(r.cp[a]) == "han" then
          if surname(a, n + 1) and n - a + 1 <= 4 then ok = false end
          if ptails and ptails[utf8.char(r.cp[n])] then ok = false end
        end
        if ok then add(out, text, r.s[a], r.e[n], "org", "shape:bracket") end
      end
    end
    -- Japanese addresses: after a prefecture, a large city or a country the
    -- gazetteer knows, a Han word ending in a `place_tail` of the cue list
    -- (at most its chars=N characters before the tail) is a place of its
    -- own (東京都|港区, 群馬県|安中市, 大阪市|中央区), and so on down the
    -- chain; a place followed right away by such a tail is the longer name
    -- (浜松|町 -> 浜松町) unless it ends in a tail itself (東京都|市場).
    -- Not before 場, 域 or 間 (市場, 区域, 区間)
    -- Chinese: a county, town or village named with no place the
    -- gazetteer knows before it (石门县白云镇, 在何家洞镇): two or three Han
    -- characters before a place tail marked `alone` that stand at a
    -- boundary (the run's start, a stop character such as 在 or 和, a name
    -- found before), none of them a stop character or a tail (乡|镇); the
    -- chain below then reads the places after it (石门县|白云镇|鹤山村)
    -- Japanese: a city or district written before the next unit of its
    -- address (甲賀市|甲賀町|岩室, 北海道|上川郡|東川町) is a place of its own
    -- in the same way: two or three kanji and 市 or 郡 at a boundary, then
    -- one to three kanji and 町, 村 or 区 (not a kind of city: 政令市中央区)
    local function ja_address(q)
      if not ja or not JA_ADDR_HEAD[r.cp[q]] or JA_ADDR_KIND[sub_of(text, r, q - 2, q)] then return false end
      for z = q + 2, math.min(n, q + 4) do
        local c = r.cp[z - 1]
        if cp_class(c) ~= "han" or stopc(z - 1) or ptails[utf8.char(c)] then return false end
        if JA_ADDR_NEXT[r.cp[z]] then return true end
      end
      return false
    end
    -- ja_district(y) -> a, b, e: the district named right after a
    -- municipality whose tail (市 区 町 村 郡) is character y: two to four
    -- kanji (ケ, ヶ inside: 篠ケ瀬町), past 大字 or 字 before them, that end
    -- the run or stand before a particle (の で に へ と や), and no word
    -- that follows a city in prose (在住, 出身, 内, 周辺, 中心部:
    -- JA_DISTRICT_NOT); at the run's end a block in digits and 丁目 is the
    -- district's (本町2丁目); e the last byte, b the last character
    local function chome_after(p)
      local after = text:sub(p + 1, p + 16)
      local digits = after:match("^%d+") or after:match("^\239\188[\144-\153]")
      if not digits then return nil end
      while after:find("^\239\188[\144-\153]", #digits + 1) do digits = after:sub(1, #digits + 3) end
      if after:sub(#digits + 1, #digits + 6) ~= "\228\184\129\231\155\174" then return nil end
      return p + #digits + 6
    end
    local function ja_district(y)
      if y >= n or not JA_ADDR_TAIL[r.cp[y]] then return nil end
      local a = y + 1
      if sub_of(text, r, a, math.min(n, a + 1)) == "大字" then a = a + 2
      elseif r.cp[a] == 0x5B57 then a = a + 1 end
      local b = a - 1
      while b < n and b - a < 3 and not stopc(b + 1) and not cue[b + 1]
        and (cp_class(r.cp[b + 1]) == "han" or (b >= a and (r.cp[b + 1] == 0x30B1 or r.cp[b + 1] == 0x30F6))) do
        b = b + 1
      end
      if b - a < 1 or cp_class(r.cp[b]) ~= "han" then return nil end
      for l = 1, math.min(3, b - a + 1) do
        if JA_DISTRICT_NOT[sub_of(text, r, a, a + l - 1)] then return nil end
      end
      if b < n then
        return JA_PARTICLE[utf8.char(r.cp[b + 1])] and a or nil, b, r.e[b]
      end
      local after = text:sub(r.e[b] + 1, r.e[b] + 16)
      if after:find("^%d") or after:find("^\239\188[\144-\153]") then
        local cho = chome_after(r.e[b])
        if not cho then return nil end
        return a, b, cho
      end
      return a, b, r.e[b]
    end
    local known = cities
    if ptails and cities then
      for q = 3, n do
        -- (t: the tail's first character; a tail of two marked alone, 街道, too)
        local o, t = ptails[utf8.char(r.cp[q])], q
        if not (o and o.alone) and q >= 4 then
          local o2 = ptails[sub_of(text, r, q - 1, q)]
          if o2 and o2.alone then o, t = o2, q - 1 end
        end
        if o and (o.alone or ja_address(q)) and not ALONE_NOT_AFTER[r.cp[q + 1] or 0]
          and not ALONE_NOT_LAST[r.cp[t - 1]] then
          for a = t - 2, math.max(1, t - 3), -1 do
            local ok = stopc(a - 1) and not ALONE_NOT_FIRST[r.cp[a]]
              and not ALONE_NOT_WORD[sub_of(text, r, a, a + 1)] and not ALONE_NOT_WORD[sub_of(text, r, t - 1, t)]
              and not ALONE_NOT_WORD[sub_of(text, r, a, t - 1)]
              and not (q < n and ALONE_NOT_WORD[sub_of(text, r, q, q + 1)])
              and not cities[r.s[a]]
            for j = a, t - 1 do
              if not ok then break end
              -- (a town's tail inside a station's name: 田町|駅, 浜松町|駅)
              ok = cp_class(r.cp[j]) == "han" and not stopc(j)
                and (not ptails[utf8.char(r.cp[j])] or (ja and r.cp[t] == 0x99C5 and JA_ADDR_TAIL[r.cp[j]] and j > a))
            end
            if ok then
              add(out, text, r.s[a], r.e[q], "place", "cue:place_tail")
              if known == cities then known = setmetatable({}, { __index = cities }) end
              known[r.s[a]] = r.e[q]
              break
            end
          end
        end
      end
    end
    if ptails and known then
      -- tail(q) -> the most and the fewest characters before the tail at q
      -- (chars=N, min=N: Chinese counties have two or more, 北京|城区 is none)
      local function tail(q)
        local o = q <= n and ptails[utf8.char(r.cp[q])]
        if o then return o.chars or 4, o.min or 1 end
        return nil
      end
      -- not_before(q): no tail right before character q: 場 域 間 (市場,
      -- 区域, 区間), 中心 (大马士革|市中心 is the city's centre), nor a
      -- character that makes the tail a word of its own (福州|市区 is the
      -- city's area, 桃園市|濱海|鄉鎮 its coastal townships, 村庄)
      local function not_before(q)
        local c = r.cp[q] or 0
        return TAIL_NOT_BEFORE[c] or (c == 0x4E2D and r.cp[q + 1] == 0x5FC3) or ALONE_NOT_AFTER[c]
          or (q > 1 and q <= n and ALONE_NOT_WORD[sub_of(text, r, q - 1, q)]) or false
      end
      local x = 1
      while x <= n do
        local stop = known[r.s[x]]
        local y = stop and x
        while y and y <= n and r.e[y] < stop do y = y + 1 end
        if y and y <= n and r.e[y] == stop then
          -- a city and an interpunct before a district (東京・霞が関、,
          -- 大阪・梅田・難波で): Han and katakana, a kana between kanji, then
          -- the run's end, an interpunct or a particle; not after a country
          -- (中国・習近平), not katakana alone (ロシア・ワールドカップ)
          if y + 2 <= n and cp_class(r.cp[y + 1]) == "dot" and not (places and places[r.s[x]] == stop) then
            -- (the longest such end: 東京・霞が関|で開かれた, 大阪・梅田|で会った)
            local best, han = nil, false
            for q = y + 2, math.min(n, y + 7) do
              local c = cp_class(r.cp[q])
              if c == "dot" or covered[q] then break end
              if c == "hira" then
                if not (q > y + 2 and q < n and cp_class(r.cp[q - 1]) == "han" and cp_class(r.cp[q + 1]) == "han") then
                  break
                end
              else
                han = han or c == "han"
                local after = q < n and r.cp[q + 1]
                if han and q >= y + 3 and (not after or cp_class(after) == "dot" or JA_PARTICLE[utf8.char(after)]) then
                  best = q
                end
              end
            end
            -- (a municipality and its district: 東京・渋谷区|上原の, 静岡・沼津市|原の)
            local cut
            for q = y + 3, (ja and best or y + 2) - 1 do
              if JA_ADDR_TAIL[r.cp[q]] then cut = q; break end
            end
            if cut then
              add(out, text, r.s[y + 2], r.e[cut], "place", "cue:place_tail")
              local a, _, e = ja_district(cut)
              if a and e <= r.e[best] then add(out, text, r.s[a], e, "place", "cue:place_tail") end
            elseif best then
              add(out, text, r.s[y + 2], r.e[best], "place", "cue:place_tail")
            end
          end
          -- (a tail of several characters, a venue's: 東京|駅, 成田|空港, 横浜|スタジアム)
          local long, venue
          for l = math.min(ptail_max, n - y), 2, -1 do
            local o = ptails[sub_of(text, r, y + 1, y + l)]
            if o then long, venue = y + l, o.name; break end
          end
          -- (a venue's own name between the place and a tail of several
          -- characters marked name=N, at most N Han characters, no stop
          -- character and no word that counts or points first: 广州|天河|体育场,
          -- 香港|启德|体育园, not 中国|最大|体育场; the name without the place is
          -- the venue again later in the text, venue_names)
          -- (a place ending in a tail of its own takes a venue's too: 杭州|体育场)
          local own_name
          if not long then
            for q = y + 1, math.min(n - 2, y + 8) do
              if cp_class(r.cp[q]) ~= "han" or stopc(q) or (q == y + 1 and VENUE_NOT_FIRST[r.cp[q]])
                or tail(q) or known[r.s[q]] then
                break
              end
              for l = math.min(ptail_max, n - q), 2, -1 do
                local o = ptails[sub_of(text, r, q + 1, q + l)]
                if o and o.name and q - y <= o.name then long, own_name, venue = q + l, y + 1, true; break end
              end
              if long then break end
            end
          end
          if own_name and long - own_name >= 3 then venue_names[sub_of(text, r, own_name, long)] = true end
          if long and (venue or not tail(y)) then
            add(out, text, r.s[x], r.e[long], "place", "cue:place_tail")
            y = long
          elseif (tail(y + 1) or 0) > 0 and not tail(y) and not not_before(y + 2) then
            add(out, text, r.s[x], r.e[y + 1], "place", "cue:place_tail")
            y = y + 1
          end
          while true do
            local z = y + 1
            -- (not through another place the gazetteer knows: 上田|文雄|札幌市 makes
            -- no 文雄札幌市)
            -- (Japanese: ケ or ヶ inside a municipality's name, 袖ケ浦|市, 関ケ原|町)
            while z <= n and z - y <= 4 and not tail(z + 1) and not (z > y + 1 and known[r.s[z]])
              and ((cp_class(r.cp[z]) == "han" and not stopc(z))
                or (ja and z > y + 1 and (r.cp[z] == 0x30B1 or r.cp[z] == 0x30F6))) do
              z = z + 1
            end
            local t, tmin
            if z <= n and cp_class(r.cp[z]) == "han" and not stopc(z) then t, tmin = tail(z + 1) end
            if t and z - y <= t and z - y >= tmin and not not_before(z + 2) and not CHAIN_NOT_FIRST[r.cp[y + 1]] then
              add(out, text, r.s[y + 1], r.e[z + 1], "place", "cue:place_tail")
              y = z + 1
            else
              break
            end
          end
          -- Japanese: the district of an address after its municipality
          -- (岩美町|浦富の, 渋谷区|上原の, 富士市|増川で, 豊浦町|大字|川棚)
          if ja then
            local a, b, e = ja_district(y)
            if a then
              add(out, text, r.s[a], e, "place", "cue:place_tail"); y = b
            elseif y == n and y > x and out[#out] and out[#out].stop == r.e[n] then
              -- (a district the chain read by its tail, and its block: 焼津市|本町|2丁目)
              local cho = chome_after(r.e[n])
              if cho then out[#out].stop = cho; out[#out].surface = text:sub(out[#out].start, cho) end
            end
          end
          x = y + 1
        else
          x = x + 1
        end
      end
    end
    -- Japanese: a venue named by a sponsor in katakana before a katakana
    -- tail marked `alone` (ユアテックスタジアム, エディオンアリーナ): three
    -- katakana or more that open no katakana word before them and are no
    -- generic word (ホームスタジアム, サッカースタジアム); a place the
    -- gazetteer knows right after the tail is the name's too
    -- (ユアテックスタジアム仙台)
    if ja and ptails then
      local q = 1
      while q <= n do
        if cp_class(r.cp[q]) == "kata" and (q == 1 or cp_class(r.cp[q - 1]) ~= "kata") and not covered[q] then
          local z = q
          while z < n and cp_class(r.cp[z + 1]) == "kata" do z = z + 1 end
          for l = math.min(ptail_max, z - q + 1 - 3), 2, -1 do
            local o = ptails[sub_of(text, r, z - l + 1, z)]
            local kname = sub_of(text, r, q, z - l)
            if o and o.alone and not KANA_VENUE_NOT[kname] then
              local e = z
              local stop = known and z < n and known[r.s[z + 1]]
              if stop then
                local y = z + 1
                while y < n and r.e[y] < stop do y = y + 1 end
                if r.e[y] == stop then e = y end
              end
              add(out, text, r.s[q], r.e[e], "place", "cue:place_tail")
              break
            end
          end
          q = z + 1
        else
          q = q + 1
        end
      end
    end
    -- Japanese: a reporter's name after the city and ＝ in a dateline's
    -- brackets (【ワシントン＝淵上隆悠】, 【ワシントン＝中村亮、モスクワ＝石川陽平】):
    -- three to five kanji up to 】 or 、 (two are a news agency: 【北京＝共同】)
    if ja and n >= 3 and n <= 5 and r.s[1] > 3 then
      local pre = text:sub(r.s[1] - 3, r.s[1] - 1)
      local post = text:sub(r.e[n] + 1, r.e[n] + 3)
      local han = true
      for x = 1, n do han = han and cp_class(r.cp[x]) == "han" and not stopc(x) end
      if han and (pre == "\239\188\157" or pre:sub(3) == "=")
        and (post == "\227\128\145" or post == "\227\128\129") then
        add(out, text, r.s[1], r.e[n], "person", "cue:byline", { strong = true })
      end
    end
    -- Japanese: a line holding a family name of the list, a space and one
    -- to three kanji alone is a name (a byline: 山田 太郎)
    local nx = runs[ri + 1]
    if ja and nx and n <= 3 and #nx.cp <= 3 and blank_before(text, r.s[1])
      and blank_after(text, nx.e[#nx.cp] + 1) and surname(1, n + 1) == n then
      local gap = text:sub(r.e[n] + 1, nx.s[1] - 1)
      local han = true
      for x = 1, n do han = han and cp_class(r.cp[x]) == "han" and not stopc(x) end
      for x = 1, #nx.cp do han = han and cp_class(nx.cp[x]) == "han" end
      if han and (gap == " " or gap == "\227\128\128") then
        add(out, text, r.s[1], nx.e[#nx.cp], "person", "cue:byline", { strong = true })
      end
    end
    -- a kind of organisation right before a name in brackets (精密機器
    -- メーカー「X」, 運営会社「X」): the bracketed name, up to 20 characters
    local oc = cue_from[n] and cue[cue_from[n]][2].org_title
    if oc and text:sub(r.e[n] + 1, r.e[n] + 3) == "\227\128\140" then
      local a = r.e[n] + 4
      local z = text:find("\227\128\141", a, true)
      local inner = z and text:sub(a, z - 1)
      if inner and inner ~= "" and not inner:find("[\n\r]") and utf8.len(inner) and utf8.len(inner) <= 20
        and not inner:find("\227\128[\129\130\140]") then
        add(out, text, a, z - 1, "org", "cue:org_title")
      end
    end
    -- a source credit (来源：新浪体育, with an org_title of `source` words
    -- such as 来源): the run after the colon, ending its line or before a
    -- space, of two to twelve characters, is the organisation
    if oc and oc.source and nx and #nx.cp >= 2 and #nx.cp <= 12 then
      local gap = text:sub(r.e[n] + 1, nx.s[1] - 1)
      local after = text:sub(nx.e[#nx.cp] + 1, nx.e[#nx.cp] + 1)
      if (gap == ":" or gap == "\239\188\154" or gap == ": " or gap == "\239\188\154 ")
        and (after == "" or after:find("^%s")) then
        add(out, text, nx.s[1], nx.e[#nx.cp], "org", "cue:org_title", { strong = true })
      end
    end
    local lt = title_at and title_at[r.s[1]]
    if lt then
      local b = name_after(1, lt.chars or 4)
      if b then add(out, text, r.s[1], r.e[b], "person", "cue:title", { strong = true }) end
    end
    for q = 1, n do
      local c = cue[q]
      if c then
        local last, cl = c[1], c[2]
        local named_before = false
        if cl.title_after or cl.say then
          local o = cl.title_after or cl.say
          -- (option surname: a Han name there opens with a known surname, as
          -- beside a reporting verb: 同蒙外长 is no name)
          -- Japanese: a place the gazetteer knows right before the title, or
          -- through its first character, is the title's (初宿和夫|八王子|市長,
          -- 荻原健司 |長野市|長): the name is before the place
          local tq = q
          -- (the run's characters are looked up, not every place of the
          -- document: that made the stage quadratic; of several, the one
          -- starting first)
          if ja and cl.title_after and cities then
            for x = 1, q - 1 do
              local e = cities[r.s[x]]
              if e and e >= r.s[q] - 1 and e <= r.e[q] then tq = x; break end
            end
          end
          local a, e = name_before(tq, o.chars or 5, cl.title_after == nil or o.surname == true)
          if a and orgs and orgs[r.s[a]] == r.e[e] then a = nil end
          -- a country before a head of state's title (蒙古国总统, 该国外长);
          -- not before an honorific, where 国 ends a given name (王建国先生)
          if a and cl.title_after and o.surname == true and (r.cp[e] == 0x56FD or r.cp[e] == 0x570B) then
            a = nil
          end
          -- a title, の and a name (オリンパス元社長の菊川, 日本代表の三笘): the
          -- words before the title are its company or team, the person follows:
          -- a Han run with a known surname, or with a title or an honorific of
          -- its own.  Not after an honorific (河嶋さんの態度, 田中氏の発言), nor
          -- when a word follows (岸田首相の発言)
          if a and cl.title_after and last + 2 <= n and r.cp[last + 1] == 0x306E
            and cp_class(r.cp[last + 2]) == "han" and not (last == q or cp_class(r.cp[q]) == "hira") then
            local z = last + 2
            while z < n and z - last < 6 and cp_class(r.cp[z + 1]) == "han" and not cue[z + 1] do z = z + 1 end
            local c2 = cue[z + 1]
            if surname(last + 2, z + 1) or (c2 and c2[2].title_after) then a = nil end
          end
          if a then
            add(out, text, r.s[a], r.e[e], "person", cl.title_after and "cue:title_after" or "cue:say",
                { strong = cl.title_after ~= nil, weak_cjk = cl.title_after == nil })
            named_before = cl.title_after ~= nil
            if named_before then for x = a, e do named[x] = true end end
            -- a company's title (option company): a katakana word and の right
            -- before the name are the person's company (シャープの高橋一郎社長)
            if cl.title_after and cl.title_after.company and a > 2 and r.cp[a - 1] == 0x306E
              and cp_class(r.cp[a - 2]) == "kata" and not covered[a - 2] then
              local z = a - 2
              while z > 1 and (cp_class(r.cp[z - 1]) == "kata" or cp_class(r.cp[z - 1]) == "dot")
                and not covered[z - 1] do
                z = z - 1
              end
              if cp_class(r.cp[z]) == "dot" then z = z + 1 end
              -- (not a country the gazetteer knows: ロシアの)
              if a - 2 > z and not (places and places[r.s[z]] == r.e[a - 2]) then
                add(out, text, r.s[z], r.e[a - 2], "org", "cue:title_after")
              end
            end
          elseif tq == 1 and apart and cl.title_after then
            add(out, text, apart[1], apart[2], "person", "cue:title_after", { strong = true })
            named_before = true
          end
        end
        -- Japanese: a position or role written before a name (代打・岸田が,
        -- 先発・戸郷が) names the kanji run after an interpunct only, of two to
        -- five characters up to kana or punctuation (先発メンバー is none)
        if cl.title and ja then
          local z = last + 2
          if z <= n and cp_class(r.cp[last + 1]) == "dot" then
            while z <= n and z - last - 1 <= 5 and cp_class(r.cp[z]) == "han" and not stopc(z) do z = z + 1 end
            if z - last - 2 >= 2 and (z > n or cp_class(r.cp[z]) ~= "han") then
              add(out, text, r.s[last + 2], r.e[z - 1], "person", "cue:title", { strong = true })
              for x = last + 2, z - 1 do named[x] = true end
            end
          end
        -- a title written after a name (习近平主席) names no one after it
        elseif cl.title and not named_before then
          local b = name_after(last + 1, cl.title.chars or 4)
          if b then
            add(out, text, r.s[last + 1], r.e[b], "person", "cue:title", { strong = true })
            for x = last + 1, b do named[x] = true end
          end
        end
        if cl.org_tail and word_ends[r.e[last]] then
          local max = cl.org_tail.chars or 8
          local a = q
          -- (Japanese: not back across an interpunct after kanji, which
          -- parts a name from its newspaper: 川口雅浩・毎日新聞; nor across
          -- a person a title found: 市長[PER 蔣萬安]|市議會)
          while a > 1 and q - a < max and not stopc(a - 1) and not named[a - 1]
            and not (ja and cp_class(r.cp[a - 1]) == "dot" and a > 2 and cp_class(r.cp[a - 2]) ~= "kata") do
            a = a - 1
          end
          -- Chinese: a unit's tail (部 局 厅 支队, 分局 of 局) goes through the
          -- organisation whose tail ends right before (杭州市公安局|余杭分局,
          -- 中联办|经济部): one name; a party or company does not (日本社|民党)
          if not ja and UNIT_TAIL[sub_of(text, r, q, last)] then a = through_org(a, q, max) end
          -- Japanese: a police station goes through its prefecture's police
          -- written right before it (兵庫県警|西宮署, 大阪府警|浪速署): one name
          if ja and r.cp[last] == 0x7F72 and a > 2 and r.cp[a - 1] == 0x8B66
            and (r.cp[a - 2] == 0x770C or r.cp[a - 2] == 0x5E9C or r.cp[a - 2] == 0x9053) then
            a = through_org(a, q, max)
          end
          -- through an organisation head just before (中共...市委)
          if a > 1 and cue_from[a - 1] and cue[cue_from[a - 1]][2].org_head then a = cue_from[a - 1] end
          -- not from inside a name the gazetteer matched before it: after it
          -- (中国证监会|浙江监管局, not 中国证|监会浙江监管局)
          -- (but a name the gazetteer knows right before the tail is the
          -- name's start: 印度尼西亚|队, 沙特阿拉伯|队)
          local ge, gs = inside_gaz(r.s[a])
          if ge and ge == r.s[q] - 1 and gs >= r.s[1] then
            while a > 1 and r.s[a] > gs do a = a - 1 end
          else
            while ge and a <= q and r.s[a] <= ge do a = a + 1 end
          end
          -- Chinese: the name starts where a word of ICU's dictionary starts,
          -- not inside a verb before it (引|述|法新社 -> 法新社, 逆|转|广州队 ->
          -- 广州队, 公|安|消防大队): a word ends right before its first character
          if not ja then
            while a < q and a > 1 and not word_ends[r.e[a - 1]] do a = a + 1 end
            a = places_before(a)
          end
          -- a one-character tail needs two before it (外交部, not 全部), and so
          -- does a Chinese one of two after a word of one character (一行|来|集团,
          -- 本报告|期|公司: a verb, a measure word), but for an administrative
          -- unit's (市议会, 省政府); a word that goes on into the tail is the
          -- name's (立|法院 of 立法院)
          local one = not ja and q - a == 1 and word_ends[r.e[a]] and not ADMIN_CHAR[r.cp[a]]
          local need = (last == q or one) and 2 or 1
          -- a Latin name written onto the run's first character is the name's
          -- start (TBS|ホールディングス, SBI|証券): letters, digits and &
          -- (13 bytes before the run are enough to see a name of at most 12:
          -- the text before them is never copied)
          local lat = a == 1 and text:sub(math.max(1, r.s[1] - 13), r.s[1] - 1):match("[%w&]*%u[%w&]*$")
          -- Japanese: a family name of the list (two characters or more)
          -- before the organisation, and a title after it, one or two kanji
          -- of a unit between (大島|自民党県連|会長): the family name is the
          -- person, the unit the organisation's
          local b = last
          if ja and not lat and a < q then
            local fl = surname(a, q)
            local z = last
            while z < n and z - last < 2 and cp_class(r.cp[z + 1]) == "han" and not cue[z + 1] do z = z + 1 end
            local tc = z < n and cue[z + 1] and cue[z + 1][2].title_after
            if fl and fl >= 2 and q - (a + fl) >= 2 and tc
              and (a == 1 or stopc(a - 1) or cp_class(r.cp[a - 1]) ~= "han") then
              add(out, text, r.s[a], r.e[a + fl - 1], "person", "cue:title_after", { strong = true })
              for x = a, a + fl - 1 do named[x] = true end
              a, b = a + fl, z
            end
          end
          -- Japanese: a kind of body owned by a unit of government is
          -- generic (市美術館, 県立博物館, 市議会 'the city's ...'): one
          -- administrative character, or one and 立, before the tail
          local generic = ja and (q - a == 1 or (q - a == 2 and r.cp[a + 1] == 0x7ACB))
            and JA_OWNER_CHAR[r.cp[a]]
          -- Chinese: 组织 'organisation' is the verb 'to organise' right after a
          -- town, district or subdistrict (官塘镇|组织人员, 太平街道|組織): the
          -- place acts, no organisation is named (世界卫生组织 has no such tail)
          local acts = not ja and VERB_TAIL[sub_of(text, r, q, last)] and q > 1
            and (ADMIN_CHAR[r.cp[q - 1]] or (q > 2 and STREET[sub_of(text, r, q - 2, q - 1)]))
          if acts then -- luacheck: ignore 542
          elseif lat and #lat <= 12 then
            add(out, text, r.s[1] - #lat, r.e[last], "org", "cue:org_tail")
          elseif q - a >= need and not after_det(a) and not generic then
            add(out, text, r.s[a], r.e[b], "org", "cue:org_tail")
          end
        end
        if cl.org_head then
          local b = last
          local max = cl.org_head.chars or 6
          while b < n and b - last < max and not stopc(b + 1) do b = b + 1 end
          -- through an organisation tail just after
          if b < n and cue[b + 1] and cue[b + 1][2].org_tail then b = cue[b + 1][1] end
          if b > last then add(out, text, r.s[q], r.e[b], "org", "cue:org_head")
          -- (a name in Latin letters written right after a head that ends the
          -- run: 株式会社Cygames; 20 bytes are enough to see it)
          elseif last == n then
            local lat = text:sub(r.e[n] + 1, r.e[n] + 20):match("^%a[%w&]*")
            if lat and #lat >= 2 and #lat < 20 then
              local e = r.e[n] + #lat
              -- (and katakana written right after the letters: 株式会社ABCマート)
              local nr = runs[ri + 1]
              if nr and nr.s[1] == e + 1 then
                local z = 0
                while z < #nr.cp and cp_class(nr.cp[z + 1]) == "kata" do z = z + 1 end
                if z > 0 then e = nr.e[z] end
              end
              add(out, text, r.s[q], e, "org", "cue:org_head")
            end
          end
        end
        if cl.org_designator then
          local a = q
          while a > 1 and q - a < (cl.org_designator.chars or 8) and not stopc(a - 1) do a = a - 1 end
          -- (through a name ending in an organisation's tail: 长园集团|股份有限公司)
          if not ja then a = through_org(a, q, cl.org_designator.chars or 8) end
          a = with_org_before(a)
          if a < q and not after_det(a) then add(out, text, r.s[a], r.e[last], "org", "cue:org_designator") end
        end
      end
      -- transliterated foreign names: characters joined by the interpunct
      -- (in Japanese only between katakana: 東京・霞が関 is a list)
      if cp_class(r.cp[q]) == "dot" and q > 1 and q < n and not covered[q - 1] and not covered[q + 1]
        and not (ja and (cp_class(r.cp[q - 1]) ~= "kata" or cp_class(r.cp[q + 1]) ~= "kata")) then
        local a, b = q - 1, q + 1
        while a > 1 and q - a < 6 and not stopc(a - 1) do a = a - 1 end
        -- (Chinese: the name opens with a transliteration character, after
        -- the dictionary words before it that are not all such characters:
        -- 生物学家|卡罗琳·迪恩, 生态|科学|家|艾米·奥斯汀; 珍妮|特·罗桑 stays whole)
        while not ja and a < q - 1 do
          local x = a
          while x < q - 1 and not word_ends[r.e[x]] do x = x + 1 end
          if x > a and x < q - 1 and not all_translit(a, x) then a = x + 1
          elseif not TRANSLIT[r.cp[a]] then a = a + 1
          else break end
        end
        while b < n and b - q < 8 and not stopc(b + 1) do b = b + 1 end
        -- (not after a place the gazetteer knows: ロシア・ワールドカップ)
        if not (places and places[r.s[a]] == r.e[q - 1]) then
          add(out, text, r.s[a], r.e[b], "person", "shape:interpunct")
        end
      end
    end
  end
  -- a venue found after its place (香港|启德体育园) named again without
  -- the place (启德体育园占地): the same place, every later or earlier
  -- mention not inside the first (a longer span wins it)
  local PROPAGATED = { source = "propagated" }
  for name in pairs(venue_names) do
    local p = 1
    while true do
      local a, b = text:find(name, p, true)
      if not a then break end
      add(out, text, a, b, "place", "propagated", PROPAGATED)
      p = b + 1
    end
  end
  -- Chinese: a district, town or township found by its tail (狮山镇,
  -- 大渡口镇; alone or inside an organisation's name, 大渡口镇|派出所) is the
  -- same place named again without the tail (来到狮山, 大渡口民警): the name
  -- before the tail, two to four characters, where ICU starts and ends a
  -- word and makes no single word of it (南海, 和平, 开发 of 南海区, 和平区,
  -- 开发区 are words of their own); not Japanese
  if not ja and own and own.place_tail then
    local stems = {}
    for _, m in ipairs(out) do
      if (m.type == "place" and m.rule == "cue:place_tail") or m.type == "org" then
        local cps = {}
        for _, c in utf8.codes(m.surface) do cps[#cps + 1] = c end
        for l = 2, math.min(4, #cps - 1) do
          local c = cps[l + 1]
          if SHORT_TAIL[c] and (m.type == "place" and l + 1 == #cps or m.type == "org" and l + 1 < #cps) then
            local ok = true
            for x = 1, l do ok = ok and cp_class(cps[x]) == "han" and not SHORT_TAIL[cps[x]] end
            if ok then stems[m.surface:sub(1, utf8.offset(m.surface, l + 1) - 1)] = true end
            break
          end
        end
      end
    end
    for stem in pairs(stems) do
      local p = 1
      while true do
        local a, b = text:find(stem, p, true)
        if not a then break end
        local inner = false
        for x = a, b - 1 do inner = inner or word_ends[x] or false end
        local pa = a > 1 and utf8.offset(text, -1, a)
        if (not pa or word_ends[a - 1] or not is_nospace_cp(utf8.codepoint(text, pa))) and word_ends[b] and inner
          and not (b < #text and SHORT_TAIL[utf8.codepoint(text, b + 1)]) then
          add(out, text, a, b, "place", "propagated", PROPAGATED)
        end
        p = b + 1
      end
    end
  end
  -- Chinese: a name of a known surname and one or two characters that ICU
  -- leaves one by one (郭|辉, 傅|崐|萁), written three times or more where
  -- nothing was found: a story names the person it follows again and again,
  -- often with no title (郭辉发现, 郭辉没有); the given characters no stop
  -- character, no one-character cue (说, 部, 县) and no numeral or measure
  -- character (万|元), the name after no digit nor right after a place the
  -- gazetteer knows (成都|荣成, a club); three characters before two
  -- (郭辉 inside 郭辉明 is not counted); not Japanese
  if not ja then
    local taken = {}             -- first bytes of the characters of what was found
    local function take_span(a, b)
      local p = a
      while p <= b do taken[p] = true; p = p + 1 end
    end
    for _, m in ipairs(out) do take_span(m.start, m.stop) end
    for _, t in ipairs { orgs or {}, places or {}, cities or {} } do
      for a, b in pairs(t) do take_span(a, b) end
    end
    -- (nor right after a place the gazetteer knows: 成都|荣成 is a club's name)
    local place_end = {}
    for _, t in ipairs { places or {}, cities or {} } do
      for _, b in pairs(t) do place_end[b] = true end
    end
    local occ = {}               -- name -> { { start, stop }, ... }
    for _, r in ipairs(runs) do
      local n = #r.cp
      local function single(q)
        return (q == 1 or word_ends[r.e[q - 1]] or false) and (word_ends[r.e[q]] or false)
      end
      local function given(q)
        local ch = utf8.char(r.cp[q])
        return single(q) and not stops[ch] and not phrases[ch] and not NOT_GIVEN[r.cp[q]]
          and not (ptails and ptails[ch])
          and cp_class(r.cp[q]) == "han"
      end
      for q = 1, n - 1 do
        if surnames[utf8.char(r.cp[q])] and single(q)
          and not (q == 1 and text:sub(r.s[1] - 1, r.s[1] - 1):find("%d")) then
          for len = 1, 2 do
            local z = q + len
            if z > n then break end
            local ok = true
            for x = q + 1, z do ok = ok and given(x) end
            if not ok then break end
            local free = not place_end[r.s[q] - 1]
            for x = q, z do free = free and not taken[r.s[x]] end
            if free then
              local name = sub_of(text, r, q, z)
              occ[name] = occ[name] or {}
              local o = occ[name]
              o[#o + 1] = { r.s[q], r.e[z] }
            end
          end
        end
      end
    end
    -- (not a piece of a name found: 苏亚雷 of 苏亚雷斯, 连斯基 of 泽连斯基)
    local function piece(name)
      for _, m in ipairs(out) do
        if #m.surface > #name and m.surface:find(name, 1, true) then return true end
      end
      return false
    end
    local names3, names2 = {}, {}
    for name, o in pairs(occ) do
      if #o >= 3 and not piece(name) then
        if utf8.len(name) == 3 then names3[#names3 + 1] = name else names2[#names2 + 1] = name end
      end
    end
    table.sort(names3)
    table.sort(names2)
    local inside3 = {}
    for _, name in ipairs(names3) do
      for _, o in ipairs(occ[name]) do
        add(out, text, o[1], o[2], "person", "shape:repeat")
        inside3[o[1]] = true
      end
    end
    for _, name in ipairs(names2) do
      local free = {}
      for _, o in ipairs(occ[name]) do if not inside3[o[1]] then free[#free + 1] = o end end
      if #free >= 3 then
        for _, o in ipairs(free) do add(out, text, o[1], o[2], "person", "shape:repeat") end
      end
    end
  end
  if own and own.place_tail then coordinate(text, out, places, own.place_tail, stops) end
  if not ja and own and own.place_tail then road_list(text, out, stops, word_ends) end
  if ja then agency_credits(text, out, places, cities) end
  -- a venue named with its year written onto its tail (埼玉スタジアム2002):
  -- four digits right after a venue's tail, no fifth and no 年 after them
  for i = first_out, #out do
    local m = out[i]
    if m.type == "place" then
      local after = text:sub(m.stop + 1, m.stop + 8)
      local year = after:match("^%d%d%d%d")
      if year and not after:find("^%d", 5) and after:sub(5, 7) ~= "\229\185\180" then
        for _, t in ipairs(VENUE_YEAR_TAIL) do
          if m.surface:sub(-#t) == t then
            m.stop = m.stop + 4
            m.surface = text:sub(m.start, m.stop)
            break
          end
        end
      end
    end
  end
end

M.cjk, M.has_cjk, M.cp_class = cjk, has_cjk, cp_class
return M
