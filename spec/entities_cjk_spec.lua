-- glean.entities on Chinese, Japanese and Korean: cue lists written here (the
-- shipped data/cues/{zh,ja,ko}.tsv are checked by their examples), for what
-- the engine does with scripts without spaces or case.
local helper = glean_spec or require "spec.helper"
local entities = require "glean.entities"

local datadir = helper.cue_dir

local CUES = {
  ["cues/zh.tsv"] = table.concat({
    "title\t总统", "title\t发言人", "title\t记者", "title\t法官", "title\t秘书长", "title\t被告", "title\t外长",
    "title\t队长", "title\t市长", "org_tail\t议会\tchars=6",
    "title\t防长", "title\t顾问", "title_after\t外长\tsurname", "stop\t已经", "stop\t消息", "stop\t与",
    "title_after\t先生", "say\t表示", "say\t说",
    "org_head\t中共\tchars=10", "org_tail\t部\tchars=6", "org_tail\t市委\tchars=6", "org_tail\t公司\tchars=8",
    "stop\t的", "stop\t在", "stop\t和", "stop\t后", "stop\t即", "stop\t全部", "stop\t这家", "" }, "\n"),
  ["cues/ja.tsv"] = table.concat({
    "title_after\t首相\tchars=6", "title_after\t大統領\tchars=6", "title_after\tロシア大統領\tchars=6",
    "title_after\t氏\tchars=6", "title_after\t社長\tchars=6",
    "title_after\t市長\tchars=6", "say\tによると", "org_tail\t省\tchars=5",
    "stop\t同", "title\t代打", "title\t先発", "title_after\t外野手\tchars=6", "" }, "\n"),
  ["cues/en.tsv"] = "title\tGK\n",
  ["cues/ko.tsv"] = table.concat({
    "title_after\t대통령", "title_after\t씨", "org_tail\t부", "org_tail\t대학교", "org_tail\t전자", "" }, "\n"),
  ["names/zh.tsv"] = "surname\t王\nsurname\t李\nsurname\t欧阳\nsurname\t古\nsurname\t白\n" ..
    "surname\t高\nsurname\t张\nsurname\t罗\n",
  ["names/ja.tsv"] = "surname\t田中\nsurname\t林\nsurname\t石川\nsurname\t前川\nsurname\t長谷川\nsurname\t谷川\n",
  ["names/ko.tsv"] = "surname\t김\nsurname\t박\n",
}

local function found(kb, text, lang) return helper.recognised(kb, text, lang, { propagate = false }) end

describe("glean.entities on Chinese, Japanese and Korean", function()
  local kb
  it("ends a name before a dictionary word its third character opens, and no name after a number", function()
    local k = assert(entities.load { data = datadir(CUES) })
    assert.same({ "person 王毅" }, found(k, "应外长王毅邀请来访", "zh"))
    assert.same({ "org 外交部" }, found(k, "5月20日外交部宣布", "zh"))
  end)

  setup(function()
    kb = assert(entities.load { data = datadir(CUES) })
  end)

  it("uses a language's own Han/kana cues and stop characters on its texts", function()
    -- 记者 is a Chinese title before a name; in Japanese 記者会見 is a press conference
    assert.same({ "person 王小明" }, found(kb, "记者王小明报道", "zh"))
    assert.same({}, found(kb, "记者会见が開かれた", "ja"))
    -- 和 ends a Chinese name; in a Japanese name (和田) it does not
    assert.same({ "person 和田一郎" }, found(kb, "和田一郎首相が語った", "ja"))
  end)

  it("covers stop phrases: no tail inside them, no name across them", function()
    assert.same({}, found(kb, "这家公司的全部员工", "zh"))
    assert.same({ "org 外交部" }, found(kb, "外交部的官员", "zh"))
  end)

  it("opens a Chinese interpunct name after the dictionary words before it", function()
    assert.same({ "person 卡罗琳·迪恩" }, found(kb, "英国植物分子生物学家卡罗琳·迪恩的研究。", "zh"))
    assert.same({ "person 艾米·奥斯汀" }, found(kb, "阿根廷生态科学家艾米·奥斯汀的研究。", "zh"))
    assert.same({ "person 珍妮特·罗桑" }, found(kb, "加拿大发育生物学家珍妮特·罗桑的研究。", "zh"))
  end)

  it("takes a Chinese name of a known surname that ICU leaves in pieces, written three times", function()
    assert.same({ "person 张辉", "person 张辉", "person 张辉" },
      found(kb, "张辉外出办事。张辉发现情况可疑。后来张辉报了警。", "zh"))
    -- twice is not enough; a numeral or measure character is no given name
    assert.same({}, found(kb, "张辉外出办事。张辉发现情况可疑。", "zh"))
    assert.same({}, found(kb, "花了高万元，又花高万元，再花高万元。", "zh"))
    -- (nor right after a place the gazetteer knows: a club's name, opts.cities)
    assert.same({}, helper.recognised(kb, "青山张辉赢了。青山张辉输了。青山张辉平了。", "zh",
      { propagate = false, cities = { [1] = 6, [22] = 27, [43] = 48 } }))
  end)

  it("bounds a Chinese name by its surname; a reporting verb needs one", function()
    assert.same({ "person 王建华" }, found(kb, "会上王建华表示", "zh"))
    assert.same({ "person 欧阳明" }, found(kb, "欧阳明先生", "zh"))
    assert.same({}, found(kb, "在会上表示", "zh"))
    assert.same({}, found(kb, "白宫表示", "zh"))
    assert.same({ "person 拜登" }, found(kb, "总统拜登表示", "zh"))
    -- an adverb the second given character would open ends the name (李明|随即)
    assert.same({ "person 李明" }, found(kb, "市长李明随即前往现场", "zh"))
    -- a dictionary word and a position before a reporting verb is no name (高层|中)
    assert.same({}, found(kb, "他在高层中表示", "zh"))
  end)

  it("takes no dictionary word for a name after a title, and a transliterated name whole", function()
    assert.same({}, found(kb, "法官认定被告有罪", "zh"))
    -- a run bounded by a stop character opens with a surname or a
    -- transliteration character: 当 and 现 open none
    assert.same({}, found(kb, "将被告当场抓获；", "zh"))
    assert.same({}, found(kb, "被告现正在扣留", "zh"))
    -- (a character of another kind before two transliteration characters or more: 淡|马|亚)
    assert.same({ "person 淡马亚" }, found(kb, "秘书长淡马亚表示", "zh"))
    assert.same({ "person 古特雷斯" }, found(kb, "秘书长古特雷斯表示", "zh"))
    -- longer than a surname and two characters only in transliteration
    -- characters: 赛 opens 赛后, 王 and 大 are no such characters
    assert.same({ "person 王大雷" }, found(kb, "队长王大雷赛后落泪", "zh"))
    -- transliteration characters that ICU makes a word of, or words of
    assert.same({ "person 奥斯汀" }, found(kb, "防长奥斯汀已经抵达", "zh"))
    assert.same({ "person 阿列斯托维奇" }, found(kb, "顾问阿列斯托维奇消息", "zh"))
    -- no name from inside a word before a title after a name (俄|罗斯外长)
    assert.same({ "person 拉夫罗夫" }, found(kb, "俄罗斯外长拉夫罗夫与美方通话", "zh"))
  end)

  it("takes a name coordinated with a person found for a person (王建国与李立新, 张立新、王建国)", function()
    local function all(text, lang) return helper.recognised(kb, text, lang) end
    assert.same({ "person 王建国", "person 李立新" }, all("秘书长王建国与李立新会谈", "zh"))
    assert.same({ "person 张立新", "person 王建国" }, all("张立新、王建国先生出席", "zh"))
    assert.same({ "person 白立群", "person 张立新", "person 王建国" }, all("白立群、张立新、王建国先生出席", "zh"))
    -- a dictionary word opening with a surname is none (高层)
    assert.same({ "person 王建国" }, all("秘书长王建国与高层会谈", "zh"))
    assert.same({ "person 田中一郎", "person 林次郎" }, all("田中一郎氏と林次郎が語った", "ja"))
  end)

  it("takes two names side by side in a Chinese list for persons, and their later mentions", function()
    local function all(text, lang) return helper.recognised(kb, text, lang) end
    assert.same({ "person 王建洋", "person 张文能", "person 李立宇", "person 李立宇" },
                all("名单中，王建洋、张文能和李立宇三人入围，李立宇是老将", "zh"))
    -- a surname and a dictionary word on both sides: words, no names
    assert.same({}, all("坚持高质量、高效率发展", "zh"))
    -- a name ending in an administrative unit's character is a county (連江縣、金門縣)
    assert.same({}, all("停班地區：李江縣、王門縣，其餘照常", "zh"))
  end)

  it("starts an organisation's tail at a gazetteer place right before it (印度尼西亚|队)", function()
    local text = "战胜印度尼西亚队"
    local at = text:find("印度尼西亚", 1, true)
    local k = assert(entities.load { data = datadir { ["cues/zh.tsv"] = "org_tail\t队\tchars=4\n" } })
    local got = entities.recognise(k, text, { lang = "zh", propagate = false,
                                              cities = { [at] = at + #"印度尼西亚" - 1 } })
    assert.same({ "印度尼西亚队" }, { got[1] and got[1].surface })
  end)

  it("opens a Chinese organisation with the gazetteer's places written right before it", function()
    local text = "记者从河北省水利厅获悉"
    local at = text:find("河北省", 1, true)
    local k = assert(entities.load { data = datadir { ["cues/zh.tsv"] = "org_tail\t厅\tchars=2\n" } })
    local got = entities.recognise(k, text, { lang = "zh", propagate = false,
                                              cities = { [at] = at + #"河北省" - 1 } })
    local s = {}
    for _, m in ipairs(got) do s[#s + 1] = m.type .. " " .. m.surface end
    assert.same({ "org 河北省水利厅" }, s)
  end)

  it("keeps a family name of three characters opening a run of five before a title (長谷川貴彦)", function()
    assert.same({ "person 長谷川貴彦" }, found(kb, "同社の長谷川貴彦社長は語った", "ja"))
  end)

  it("makes no place of a known city and 市 before 中心 (the city's centre)", function()
    local k = assert(entities.load { data = datadir { ["cues/zh.tsv"] = "place_tail\t市\tmin=2\nstop\t已经\n" } })
    local function places_in(text)
      local at = text:find("开罗", 1, true)
      local got = entities.recognise(k, text, { lang = "zh", propagate = false,
                                                cities = { [at] = at + #"开罗" - 1 } })
      local s = {}
      for _, m in ipairs(got) do s[#s + 1] = m.type .. " " .. m.surface end
      return s
    end
    assert.same({}, places_in("记者来到开罗市中心的广场"))
    assert.same({ "place 开罗市" }, places_in("记者来到开罗市政府大楼"))
  end)

  it("reads a venue after a known place, its own name between (name=N), and that name alone later", function()
    local k = assert(entities.load { data = datadir { ["cues/zh.tsv"] = table.concat({
      "place_tail\t州\tchars=0", "place_tail\t体育场\tchars=0 name=4", "place_tail\t国际机场\tchars=0 name=4",
      "place_tail\t机场\tchars=0 name=4", "stop\t在", "stop\t的", "stop\t已经", "" }, "\n") } })
    -- invented places: 青州 and 白城 stand for cities the gazetteer knows
    local function places_in(text)
      local cities = {}
      for _, c in ipairs { "青州", "白城" } do
        local p = 1
        while true do
          local a, b = text:find(c, p, true)
          if not a then break end
          cities[a] = b
          p = b + 1
        end
      end
      local s = {}
      for _, m in ipairs(entities.recognise(k, text, { lang = "zh", propagate = false, cities = cities })) do
        s[#s + 1] = m.type .. " " .. m.surface .. " " .. m.source
      end
      return s
    end
    -- right after the place, a place ending in a tail of its own too (青州|体育场)
    assert.same({ "place 青州体育场 cue" }, places_in("比赛在青州体育场举行"))
    -- the venue's own name between, the longest tail (白城|山前|国际机场)
    assert.same({ "place 白城山前国际机场 cue" }, places_in("航班降落在白城山前国际机场"))
    -- the own name alone later is the venue again
    assert.same({ "place 青州河湾体育场 cue", "place 河湾体育场 propagated" },
      places_in("青州河湾体育场开放。河湾体育场很大"))
    -- no word that counts, points or ranks first, no stop character, no other known place between
    assert.same({}, places_in("青州最大体育场"))
    assert.same({}, places_in("青州新建体育场"))
    assert.same({}, places_in("青州的体育场"))
    assert.same({ "place 白城体育场 cue" }, places_in("青州白城体育场"))
    -- a ballpark of the shipped list (data/cues/zh.tsv), after a city, its own name between
    local shipped = assert(entities.load())
    local got = {}
    local text = "比赛改在青州棒球场举行，白城河湾球场暂停使用。"
    local cities = { [text:find("青州", 1, true)] = text:find("青州", 1, true) + 5,
                     [text:find("白城", 1, true)] = text:find("白城", 1, true) + 5 }
    for _, m in ipairs(entities.recognise(shipped, text, { lang = "zh", propagate = false, cities = cities })) do
      if m.type == "place" then got[#got + 1] = m.surface end
    end
    assert.same({ "青州棒球场", "白城河湾球场" }, got)
  end)

  it("reads a Japanese venue named in katakana before a katakana tail marked alone, not a kind", function()
    local k = assert(entities.load { data = datadir {
      ["cues/ja.tsv"] = "place_tail\tスタジアム\tchars=0 alone\nstop\tこれ\n" } })
    local function places_in(text, city)
      local cities = {}
      local a = city and text:find(city, 1, true)
      if a then cities[a] = a + #city - 1 end
      local s = {}
      for _, m in ipairs(entities.recognise(k, text, { lang = "ja", propagate = false, cities = cities })) do
        s[#s + 1] = m.type .. " " .. m.surface
      end
      return s
    end
    assert.same({ "place ミナトデンキスタジアム" }, places_in("試合はミナトデンキスタジアムで行われた"))
    assert.same({ "place ミナトデンキスタジアム青浜" }, places_in("試合はミナトデンキスタジアム青浜で行われた", "青浜"))
    assert.same({}, places_in("ホームスタジアムとサッカースタジアムの違い"))
    -- a year written onto the venue's tail is its name's; not a date's year, nor five digits
    assert.same({ "place ミナトデンキスタジアム2002" }, places_in("試合はミナトデンキスタジアム2002で行われた"))
    assert.same({ "place ミナトデンキスタジアム" }, places_in("ミナトデンキスタジアム2002年の改修"))
    assert.same({ "place ミナトデンキスタジアム" }, places_in("ミナトデンキスタジアム20021人"))
  end)

  it("reads a Japanese station of its own before 駅 marked alone, not a kind of station", function()
    local k = assert(entities.load { data = datadir {
      ["cues/ja.tsv"] = "place_tail\t駅\tchars=4 alone\nplace_tail\t町\nplace_tail\t市\nstop\tこれ\n" } })
    local function places_in(text)
      local s = {}
      for _, m in ipairs(entities.recognise(k, text, { lang = "ja", propagate = false, cities = {} })) do
        s[#s + 1] = m.type .. " " .. m.surface
      end
      return s
    end
    assert.same({ "place 青浜駅" }, places_in("地下鉄の青浜駅から歩く"))
    assert.same({ "place 泉中原駅" }, places_in("電車で泉中原駅に着いた"))
    assert.same({}, places_in("最寄の鉄道駅から歩く"))
    assert.same({}, places_in("青浜駅伝が始まった"))
    -- a town's tail inside the station's name (田町駅), not first
    assert.same({ "place 森町駅" }, places_in("電車で森町駅に着いた"))
    assert.same({}, places_in("電車で町駅に着いた"))
  end)

  it("reads a county, town or village of its own at a boundary before a tail marked alone (松溪县|青石镇)", function()
    local k = assert(entities.load { data = datadir { ["cues/zh.tsv"] = table.concat({
      "place_tail\t县\tmin=2 alone", "place_tail\t镇\tmin=2 alone", "place_tail\t乡\tmin=2 alone",
      "place_tail\t村\tmin=2 alone", "place_tail\t区\tmin=2", "stop\t在", "stop\t的", "title\t县长", "" }, "\n") } })
    local function places_in(text)
      local s = {}
      for _, m in ipairs(entities.recognise(k, text, { lang = "zh", propagate = false, cities = {} })) do
        s[#s + 1] = m.type .. " " .. m.surface
      end
      return s
    end
    -- at the run's start, after a stop character, and down the chain after it
    assert.same({ "place 松溪县", "place 青石镇", "place 柳湾村" }, places_in("松溪县青石镇柳湾村昨夜降雨"))
    assert.same({ "place 何家坳镇" }, places_in("干部在何家坳镇巡查"))
    -- 'the local county' is none (当地县、乡、村)
    assert.same({}, places_in("当地县、乡、村开展救灾"))
    assert.same({ "place 三家坪乡" }, places_in("三家坪乡发布通知"))
    -- no boundary before it, a determiner, a kind, a tail before the tail
    assert.same({}, places_in("昨夜松溪县降雨"))
    assert.same({}, places_in("全县共有各乡镇干部"))
    assert.same({}, places_in("两个县的贫困县名单"))
    assert.same({}, places_in("打造特色小镇"))
    -- a verb's last character before the unit it reaches (上报|镇, 回到|村)
    assert.same({}, places_in("上报镇政府处理"))
    assert.same({}, places_in("回到村里"))
    assert.same({}, places_in("美丽村庄建设"))
    assert.same({}, places_in("我国农村要完善乡村治理，提升村容"))
    -- a village before its own villagers
    assert.same({ "place 柳湾村" }, places_in("柳湾村村民撤离"))
    -- not a tail without the option (区: 开发区, 示范区 are kinds)
    assert.same({}, places_in("松溪区发布通知"))
  end)

  it("reads a subdistrict (街道) alone, a town that organises (组织) no organisation, 长 after a county", function()
    local k = assert(entities.load { data = datadir { ["cues/zh.tsv"] = table.concat({
      "place_tail\t县\tmin=2 alone", "place_tail\t镇\tmin=2 alone", "place_tail\t村\tmin=2 alone",
      "place_tail\t鎮\tmin=2 alone", "place_tail\t乡\tmin=2 alone", "place_tail\t街道\tmin=2 alone",
      "org_tail\t组织\tchars=8",
      "org_tail\t組織\tchars=8", "title\t县长", "title\t縣長", "stop\t在", "stop\t的", "" }, "\n") } })
    local function found_in(text, known)
      local cities = {}
      for _, w in ipairs(known or {}) do
        local at = text:find(w, 1, true)
        cities[at] = at + #w - 1
      end
      local s = {}
      for _, m in ipairs(entities.recognise(k, text, { lang = "zh", propagate = false, cities = cities })) do
        s[#s + 1] = m.type .. " " .. m.surface
      end
      return s
    end
    -- a subdistrict with its two-character tail; a kind of street is none
    assert.same({ "place 南湖街道" }, found_in("南湖街道发布通知"))
    assert.same({}, found_in("城市街道积水"))
    -- the town acts: 组织 is the verb; an organisation's own name keeps its tail
    assert.same({ "place 青石镇" }, found_in("青石镇组织干部巡查"))
    assert.same({ "place 东湖街道" }, found_in("东湖街道組織人員撤離"))
    assert.same({ "org 海洋合作组织" }, found_in("海洋合作组织发布报告"))
    -- 长 opens the town after a known county (松溪县|长坪镇), not the county head's title
    assert.same({ "place 长坪镇" }, found_in("松溪县长坪镇降雨", { "松溪县" }))
    assert.same({ "place 長嶺村" }, found_in("松溪縣長嶺村降雨", { "松溪縣" }))
    -- a determiner opens no place down the chain (各街乡 'its subdistricts and townships')
    assert.same({}, found_in("松溪县各街乡都有积水", { "松溪县" }))
  end)

  it("reads roads and streets listed with 、 (青柳道、石溪路、东风大道和南湾街), three or more", function()
    local k = assert(entities.load { data = datadir { ["cues/zh.tsv"] = table.concat({
      "place_tail\t镇\tmin=2 alone", "stop\t在", "stop\t的", "stop\t等", "stop\t包括", "" }, "\n") } })
    local function places_in(text)
      local s = {}
      for _, m in ipairs(entities.recognise(k, text, { lang = "zh", propagate = false, cities = {} })) do
        if m.type == "place" then s[#s + 1] = m.surface end
      end
      return s
    end
    assert.same({ "青柳道", "石溪路", "东风大道", "南湾街" }, places_in("封闭路段：青柳道、石溪路、东风大道和南湾街等。"))
    -- two are too few; words of a road's tail are none (频道, 渠道, 逛街)
    assert.same({}, places_in("封闭路段：青柳道、石溪路。"))
    assert.same({}, places_in("新闻频道、体育频道、电影频道都在播。"))
    assert.same({}, places_in("销售渠道、物流渠道、供应渠道都很重要。"))
  end)

  it("reads places listed with a place's tail (水口镇、南埕镇; 士林區、北投區), not a tail that makes a word", function()
    local k = assert(entities.load { data = datadir { ["cues/zh.tsv"] = table.concat({
      "place_tail\t县\tmin=2 alone", "place_tail\t镇\tmin=2 alone", "place_tail\t鄉\tmin=2 alone",
      "place_tail\t鎮\tmin=2 alone", "place_tail\t区\tmin=2", "place_tail\t區\tmin=2", "place_tail\t市\tmin=2",
      "stop\t在", "stop\t的", "stop\t和", "stop\t已经", "" }, "\n") } })
    local function places_in(text, known)
      local cities = {}
      for _, w in ipairs(known or {}) do
        local at = text:find(w, 1, true)
        cities[at] = at + #w - 1
      end
      local s = {}
      for _, m in ipairs(entities.recognise(k, text, { lang = "zh", propagate = false, cities = cities,
                                                       places = cities })) do
        if m.type == "place" then s[#s + 1] = m.surface end
      end
      table.sort(s)
      return s
    end
    -- after a known place and along the list, with 、 and a connector
    assert.same({ "东侨区", "福安区", "蕉城区" }, places_in("宁德市东侨区、蕉城区和福安区受灾", { "宁德市" }))
    -- before a known one (the gazetteer's, not listed here), up to punctuation
    assert.same({ "士林區" }, places_in("台北市：士林區、北投區停課", { "北投區" }))
    -- not a word the tail makes with the character after it (鄉鎮, 市区), nor one character
    assert.same({}, places_in("桃園市濱海鄉鎮停課", { "桃園市" }))
    assert.same({}, places_in("福州市区积水", { "福州" }))
    assert.same({}, places_in("东侨区、城区受灾", { "东侨区" }))
  end)

  it("reads a Japanese city before the next unit of its address (甲賀市|甲賀町), not a kind of city", function()
    local k = assert(entities.load { data = datadir { ["cues/ja.tsv"] = table.concat({
      "place_tail\t市", "place_tail\t区", "place_tail\t町", "place_tail\t郡", "place_tail\t県\tchars=0",
      "org_tail\t署\tchars=4", "stop\t同", "" }, "\n") } })
    local function places_in(text)
      local s = {}
      for _, m in ipairs(entities.recognise(k, text, { lang = "ja", propagate = false, cities = {} })) do
        if m.type == "place" then s[#s + 1] = m.surface end
      end
      return s
    end
    -- (and the district after it, before a particle: 岩室)
    assert.same({ "甲賀市", "甲賀町", "岩室" }, places_in("28日、甲賀市甲賀町岩室の発電所で"))
    assert.same({ "上川郡", "東川町" }, places_in("上川郡東川町で"))
    -- a city alone, or a kind of city, is none without the gazetteer
    assert.same({}, places_in("甲賀市の発電所で"))
    assert.same({}, places_in("政令市中央区の人口"))
  end)

  it("reads a Japanese address's district after its municipality (岩美町|浦富), its block (本町2丁目)", function()
    local k = assert(entities.load { data = datadir { ["cues/ja.tsv"] = table.concat({
      "place_tail\t市", "place_tail\t区", "place_tail\t町", "place_tail\t郡", "place_tail\t県\tchars=0",
      "org_tail\t消防局\tchars=4", "stop\t同", "" }, "\n") } })
    local function places_in(text, known)
      local cities = {}
      for _, w in ipairs(known or {}) do
        local at = text:find(w, 1, true)
        cities[at] = at + #w - 1
      end
      local s = {}
      for _, m in ipairs(entities.recognise(k, text, { lang = "ja", propagate = false, cities = cities })) do
        if m.type == "place" then s[#s + 1] = m.surface end
      end
      return s
    end
    -- (the known places are the caller's, not reported here)
    -- before a particle, at the run's end, past 大字, with ケ inside, with its block in digits and 丁目
    assert.same({ "森川市", "浦田" }, places_in("森川県森川市浦田の住宅で", { "森川県" }))
    -- (ケ inside a municipality's name down the chain)
    assert.same({ "袖ケ原市" }, places_in("森川県袖ケ原市の県道で", { "森川県" }))
    assert.same({ "篠ケ原" }, places_in("森川市篠ケ原で火災", { "森川市" }))
    assert.same({ "川原" }, places_in("森川市大字川原（バス停付近）", { "森川市" }))
    assert.same({ "上野台3丁目" }, places_in("森川市上野台3丁目で", { "森川市" }))
    assert.same({ "上野台１２丁目" }, places_in("森川市上野台１２丁目で", { "森川市" }))
    -- a municipality and its district after a city and an interpunct
    assert.same({ "南区", "浦田" }, places_in("東都・南区浦田の住宅で", { "東都" }))
    -- what follows a city in prose is no district; nor digits without 丁目, nor a body
    assert.same({}, places_in("森川市在住の男性", { "森川市" }))
    assert.same({}, places_in("森川市中心部で", { "森川市" }))
    assert.same({}, places_in("森川市上野台3人", { "森川市" }))
    assert.same({}, places_in("森川市消防局によると", { "森川市" }))
    assert.same({}, places_in("森川市広域公園総合球技場で", { "森川市" }))
  end)

  it("reads a Japanese name before the gazetteer's place before a title (山本一郎|横浜|市長)", function()
    local text = "当日は山本一郎横浜市長が挨拶した。"
    local at = text:find("横浜", 1, true)
    local got = entities.recognise(kb, text, { lang = "ja", propagate = false,
                                               cities = { [at] = at + #"横浜" - 1 } })
    local s = {}
    for _, m in ipairs(got) do s[#s + 1] = m.type .. " " .. m.surface end
    assert.same({ "person 山本一郎" }, s)
  end)

  it("ends an organisation's tail at a person a title found before it", function()
    assert.same({ "person 李明远", "org 市议会" }, found(kb, "市长李明远市议会备询", "zh"))
  end)

  it("joins an organisation's head and tail, one-character tails need two before", function()
    assert.same({ "org 中共青山市委" }, found(kb, "中共青山市委的会议", "zh"))
    assert.same({}, found(kb, "在全部", "zh"))
  end)

  it("reads Japanese names before an honorific, the interpunct outside", function()
    assert.same({ "person プーチン" }, found(kb, "プーチン・ロシア大統領は", "ja"))
    assert.same({ "person 田中一郎" }, found(kb, "田中一郎首相は", "ja"))
    assert.same({ "person 林" }, found(kb, "林氏は", "ja"))
    assert.same({}, found(kb, "同氏は", "ja"))
    assert.same({ "org 外務省" }, found(kb, "外務省によると", "ja"))
    assert.same({}, found(kb, "関係者によると", "ja"))
  end)

  it("takes no gazetteer organisation before a title for a person (国連事務総長)", function()
    local text = "国連社長は語った"
    local got = entities.recognise(kb, text, { lang = "ja", propagate = false, orgs = { [1] = 6 } })
    assert.same({}, got)
    assert.same({ "person 国連" }, found(kb, text, "ja"))
  end)

  it("reads a Japanese name from its family name between kana, and after a Latin position", function()
    assert.same({ "person 田中一郎" }, found(kb, "後半、田中一郎が決めた", "ja"))
    assert.same({}, found(kb, "田中一郎記念館が開いた", "ja"))
    assert.same({ "person 田中一郎" }, found(kb, "相手GK田中一郎のセーブ", "ja"))
    assert.same({}, found(kb, "東京・大阪で", "ja"))
    -- a role and an interpunct before a name; the role alone names no one
    assert.same({ "person 岸本" }, found(kb, "延長10回には代打・岸本がソロ", "ja"))
    assert.same({}, found(kb, "先発メンバーが発表された", "ja"))
    -- a reporter after the city and ＝ in a dateline's brackets; a news agency there is no reporter but
    -- the agency (共同, 時事)
    assert.same({ "person 青木健太" }, found(kb, "【ワシントン＝青木健太】米国", "ja"))
    assert.same({ "org 共同" }, found(kb, "【北京＝共同】会談", "ja"))
    assert.same({ "org 時事" }, found(kb, "写真(時事)。両国は共同声明を出した", "ja"))
    -- a team before a known family name and a title after the name
    assert.same({ "person 前川右京" }, found(kb, "、阪神前川右京外野手が", "ja"))
    -- a prefecture or city word right after the family name: a place
    assert.same({}, found(kb, "、石川県内の企業", "ja"))
    assert.same({ "person 石川一郎" }, found(kb, "、石川一郎が語った", "ja"))
  end)

  it("reads Korean titles and organisations with their case particles", function()
    assert.same({ "person 김민준" }, found(kb, "김민준 대통령은 말했다", "ko"))
    assert.same({ "person 박서연" }, found(kb, "박서연 씨는 말했다", "ko"))
    -- the particle written onto the name is inside the span (inflected word
    -- forms are whole, as the gazetteer's Korean profile has them); the name
    -- without it is m.name, the label
    assert.same({ "org 한빛전자는" }, found(kb, "한빛전자는 밝혔다", "ko"))
    assert.same({ "org 국방부가" }, found(kb, "국방부가 밝혔다", "ko"))
    local m = entities.recognise(kb, "국방부가 밝혔다", { lang = "ko", propagate = false })[1]
    assert.same({ 1, #"국방부가", "국방부" }, { m.start, m.stop, m.name })
    assert.equal("국방부", entities.identify({ m })[1].label)
    assert.same({}, found(kb, "정부는 밝혔다", "ko"))
    assert.same({}, found(kb, "미국의 대통령은 말했다", "ko"))
  end)

  it("takes one Korean name word, past an organisation or a country before the title", function()
    assert.same({ "org 한빛전자", "person 김민준" }, found(kb, "한빛전자 김민준 대통령은", "ko"))
    assert.same({ "person 김민준", "org 국방부" }, found(kb, "김민준 국방부 대통령은", "ko"))
    local text = "조 바이든 미국 대통령은"
    local at = text:find("미국", 1, true)
    local got = entities.recognise(kb, text, { lang = "ko", propagate = false, places = { [at] = at + 5 } })
    assert.equal("조 바이든", got[1] and got[1].surface)
  end)
end)
