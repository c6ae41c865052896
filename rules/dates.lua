-- dates.lua: dates, date ranges and times in English, German, Russian,
-- Hindi, Urdu, Persian, Arabic, Spanish, French, Italian, Portuguese,
-- Turkish, Vietnamese, Chinese, Japanese and Korean, in any script's digits.
--   "15 से 18 मई, 2025" -> {from="2025-05-15", to="2025-05-18"}
--   "جمعه ۱۴ آذر ۱۴۰۳"  -> "2024-12-04" (Solar Hijri, converted by ICU)
-- Values follow ISO 8601 (calendar dates YYYY-MM-DD, times THH:MM).  Dates
-- without a year give { month =, day = } (year = nil) in their own calendar,
-- for the report to resolve from the document date.  Month and weekday
-- names come from ICU's CLDR date symbols (V.month / V.weekday).
local P, S, C, Cc, Cg, Ct = lpeg.P, lpeg.S, lpeg.C, lpeg.Cc, lpeg.Cg, lpeg.Ct
local sp0, sp1, nw = V.sp0, V.sp1, V.nw

local day = V.int_in(1, 2, 1, 31)
local month_num = V.int_in(1, 2, 1, 12)
local year = V.int_in(4, 4, 1000, 2999)
local day_suffix = (P"." + "st" + "nd" + "rd" + "th" + "er" + "º" + "°" + "-го" + "-е") * nw
local year_suffix = sp0 * (P"г." + "года" + "году" + "г" * nw + "ء" + "هـ" + "ه‍" + "م" * nw + "AD" + "CE")

-- month names with the calendar they belong to
-- Gregorian month names; for es fr it pt tr vi only those longer than three
-- letters or written with their dot: bare abbreviations there are everyday
-- words of other languages ("3 out of 5" is not Portuguese "out." October)
local gregorian_months = {}
for _, k in ipairs { "en", "de", "ru", "hi", "ur", "ar", "fa" } do
  for name, m in pairs(V.month_names(k)) do gregorian_months[name] = gregorian_months[name] or m end
end
for _, k in ipairs { "es", "fr", "it", "pt", "tr", "vi" } do
  for name, m in pairs(V.month_names(k)) do
    if utf8.len(name) > 3 or name:find("%.$") then gregorian_months[name] = gregorian_months[name] or m end
  end
end
local month = Cg(V.keywords(gregorian_months), "m") * Cg(Cc("gregorian"), "cal")
  + Cg(V.month("fa_persian"), "m") * Cg(Cc("persian"), "cal")
  + Cg(V.month("ar_islamic", "ur_islamic", "fa_islamic"), "m") * Cg(Cc("islamic-umalqura"), "cal")
local weekday = V.weekday("en", "de", "ru", "hi", "ur", "ar", "fa_persian", "es", "fr", "it", "pt", "tr", "vi")
  * sp0 * S(",،") ^ -1 * sp0

-- times: 16:25, 4:25 pm, 16.25 Uhr, 16 Uhr
local ampm = Cg(V.keywords({ am = "am", pm = "pm", ["a.m."] = "am", ["p.m."] = "pm", AM = "am", PM = "pm",
  ["ق.ظ"] = "am", ["ب.ظ"] = "pm", ["قبل‌ازظهر"] = "am", ["بعدازظهر"] = "pm", ["ص"] = "am", ["م"] = "pm" }), "ap")
local hour, minute = V.int_in(1, 2, 0, 23), V.int_in(2, 2, 0, 59)
local time = Cg(hour, "H") * ":" * Cg(minute, "M") * (sp0 * ampm) ^ -1 * (sp1 * "Uhr") ^ -1
  + Cg(hour, "H") * "." * Cg(minute, "M") * sp1 * "Uhr"
  + Cg(hour, "H") * sp1 * "Uhr"
-- before a time: a comma or a dash (Dec 3, 2024 - 16:25), then a word for "at"
local at = sp0 * (S(",،") + V.dash) ^ -1 * sp0
  * ((P"um" + "at" + "в" + "ساعت" + "الساعة" + "बजे" + "à" + "às" + "a las" + "alle" + "saat" + "lúc") * sp1) ^ -1
local with_time = (at * time) ^ -1

local function hm(t)
  local h = t.H
  if h and t.ap == "pm" and h < 12 then h = h + 12 elseif h and t.ap == "am" and h == 12 then h = 0 end
  return h, t.M
end
local function value_of(t)
  local h, m = hm(t)
  return V.date(t.cal or "gregorian", t.y, t.m, t.d, h, m)
end

-- "3 de diciembre de 2024", "ngày 3 tháng 12 năm 2024": the words that join
-- day, month and year in Spanish, Portuguese and Vietnamese
local day_of = sp1 * (P"de" + "del") * sp1 + sp0
local year_of = sp1 * (P"de" + "del" + "năm") * sp1 + sp0 * S(",،") ^ -1 * sp0
local dm = (P"ngày" * sp1) ^ -1 * Cg(day, "d") * day_suffix ^ -1 * day_of * month
local dmy = dm * (year_of * Cg(year, "y") * year_suffix ^ -1) ^ -1
local range_conn = sp0 * (V.dash + P"से" + "سے" + "تا" + "bis" + "по" + "to" + "until" + "إلى" + "حتى") * sp0
local from_prefix = ((P"vom" + "von" + "с" + "from" + "از" + "من") * sp1) ^ -1

return {
  rule "written_date" {
    kind = "date",
    description = "day, month name, optional year and time (3 December 2024, 3. Dezember, ۱۴ آذر ۱۴۰۳)",
    pattern = Ct(weekday ^ -1 * dmy * with_time),
    value = value_of,
    examples = {
      ["3 December 2024"] = "2024-12-03",
      ["Dienstag, 3. Dezember 2024 um 16:25 Uhr"] = "2024-12-03T16:25",
      ["3 декабря 2024 г."] = "2024-12-03",
      ["१५ मई, २०२५"] = "2025-05-15",
      ["14 دسمبر 2024ء"] = "2024-12-14",
      ["جمعه ۱۴ آذر ۱۴۰۳"] = "2024-12-04",
      ["جمعه ۱۴ آذر"] = { calendar = "persian", month = 9, day = 14 },
      ["5 جمادى الآخرة 1446 هـ"] = "2024-12-06",
      ["3 ديسمبر 2024"] = "2024-12-03",
      ["3rd December, 4:25 pm"] = { month = 12, day = 3, time = "16:25" },
      ["3 de diciembre de 2024"] = "2024-12-03",
      ["martes, 3 de diciembre de 2024 a las 16:25"] = "2024-12-03T16:25",
      ["3 de dezembro de 2024"] = "2024-12-03",
      ["mardi 3 décembre 2024 à 16:25"] = "2024-12-03T16:25",
      ["1er décembre 2024"] = "2024-12-01",
      ["3 dicembre 2024"] = "2024-12-03",
      ["3 Aralık 2024"] = "2024-12-03",
      ["ngày 3 tháng 12 năm 2024"] = "2024-12-03",
      ["3 tháng Mười Hai"] = { month = 12, day = 3 },
    },
    counter_examples = { "3 Mainz", "32 December 2024", "3 out", "4 set" },
  },

  rule "written_date_mdy" {
    kind = "date",
    languages = { "en" },
    description = "English month-first dates (December 3, 2024; Dec. 3)",
    pattern = Ct(weekday ^ -1 * month * P"." ^ -1 * sp1 * Cg(day, "d") * day_suffix ^ -1 * nw
      * (sp0 * P"," ^ -1 * sp0 * Cg(year, "y")) ^ -1 * with_time),
    value = value_of,
    examples = {
      ["December 3, 2024"] = "2024-12-03",
      ["Tuesday, Dec. 3, 2024 at 4:25 pm"] = "2024-12-03T16:25",
      ["May 15"] = { month = 5, day = 15 },
      ["Dec 3, 2024 - 16:25"] = "2024-12-03T16:25",
      ["Dec\u{A0}3,\u{A0}2024\u{A0}-\u{A0}16:25"] = "2024-12-03T16:25",
    },
  },

  rule "date_range" {
    kind = "date_range",
    description = "day ranges within one month or across two (15 से 18 मई, 2025; 26-30 सितंबर; 30 Sept. – 2 Okt.)",
    pattern = Ct(from_prefix * (Cg(Ct(dm), "a") + Cg(day, "d1") * day_suffix ^ -1) * range_conn * dm
      * (sp0 * S(",،") ^ -1 * sp0 * Cg(year, "y") * year_suffix ^ -1) ^ -1),
    value = function(t)
      local a = t.a or { cal = t.cal, m = t.m, d = t.d1 }
      local from, to = V.date(a.cal, t.y, a.m, a.d), V.date(t.cal, t.y, t.m, t.d)
      if from and to then return { from = from, to = to } end
    end,
    examples = {
      ["15 से 18 मई, 2025"] = { from = "2025-05-15", to = "2025-05-18" },
      ["26-30 सितंबर"] = { from = { month = 9, day = 26 }, to = { month = 9, day = 30 } },
      ["vom 15. bis 18. Mai 2025"] = { from = "2025-05-15", to = "2025-05-18" },
      ["с 15 по 18 мая 2025 года"] = { from = "2025-05-15", to = "2025-05-18" },
      ["30 September – 2 October 2024"] = { from = "2024-09-30", to = "2024-10-02" },
      ["۱۴ تا ۱۶ آذر ۱۴۰۳"] = { from = "2024-12-04", to = "2024-12-06" },
    },
  },

  rule "cjk_date" {
    kind = "date",
    languages = { "zh", "ja", "ko" },
    description = "Chinese, Japanese and Korean dates written with year, month and day signs "
      .. "(2024年12月3日, 12月3日, 2024년 12월 3일)",
    pattern = Ct((Cg(year, "y") * sp0 * (P"年" + "년") * sp0) ^ -1
      * Cg(month_num, "m") * sp0 * (P"月" + "월") * sp0 * Cg(day, "d") * sp0 * (P"日" + "号" + "일")
      * (sp0 * (P"（" + "(") * (1 - S"）)") ^ -6 * (P"）" + ")")) ^ -1   -- (火), (星期二)
      * (sp0 * Cg(hour, "H") * (P":" + "時" + "时" + "시") * sp0 * Cg(minute, "M") * (P"分" + "분") ^ -1) ^ -1),
    value = value_of,
    examples = {
      ["2024年12月3日"] = "2024-12-03",
      ["２０２４年１２月３日"] = "2024-12-03",
      ["12月3日"] = { month = 12, day = 3 },
      ["2024年12月3日（火）16時25分"] = "2024-12-03T16:25",
      ["2024년 12월 3일"] = "2024-12-03",
      ["12月3号"] = { month = 12, day = 3 },
    },
    counter_examples = { "2024年13月3日", "12月" },
  },

  rule "month_year" {
    kind = "date",
    description = "month name and year (Dezember 2024 -> 2024-12; آذر ۱۴۰۳ -> Solar Hijri year and month)",
    pattern = Ct(month * sp0 * S(",،") ^ -1 * sp0 * Cg(year, "y") * year_suffix ^ -1),
    value = function(t)
      if t.cal == "gregorian" then return V.iso(t.y, t.m) end
      return { calendar = t.cal, year = t.y, month = t.m }
    end,
    examples = {
      ["Dezember 2024"] = "2024-12",
      ["آذر ۱۴۰۳"] = { calendar = "persian", year = 1403, month = 9 },
    },
  },

  rule "numeric_ymd" {
    kind = "date",
    description = "year-month-day (2024-12-03, 2024/12/03 16:25; ۱۴۰۳/۰۹/۱۴ is Solar Hijri, ١٤٤٦/٠٦/٠٥ Hijri)",
    pattern = Ct(Cg(C(V.D * V.D * V.D * V.D) * -V.D, "ys") * Cg(S("-/."), "sep") * Cg(month_num, "m")
      * S("-/.") * Cg(day, "d") * -V.D * ((P"T" + sp1) * time) ^ -1 * nw),
    value = function(t)
      local y = math.tointeger(tonumber(V.ascii(t.ys)))
      local cal = "gregorian"
      if y < 1600 then  -- pre-1600 years are Hijri years, told apart by the digits
        if t.ys:byte() < 128 then return nil end  -- ASCII digits: no calendar to tell; not a date
        cal = t.ys:find("\219[\176-\185]") and "persian" or "islamic-umalqura"
      end
      local h, m = hm(t)
      return V.date(cal, y, t.m, t.d, h, m)
    end,
    examples = {
      ["2024-12-03"] = "2024-12-03",
      ["2024-12-03T16:25"] = "2024-12-03T16:25",
      ["۱۴۰۳/۰۹/۱۴"] = "2024-12-04",
    },
    counter_examples = { "2024-13-03", "20241-12-03" },
  },

  rule "numeric_dmy" {
    kind = "date",
    description = "day.month.year (03.12.2024, 3/12/2024, 03-12-2024 16:25); '/' dates read month first when "
      .. "only that reading is valid (12/25/2024)",
    pattern = Ct(Cg(day, "d") * Cg(S("./-"), "sep") * Cg(V.int_in(1, 2, 1, 31), "m") * S("./-")
      * Cg(year, "y") * nw * ((sp0 * S(",،") * sp0 + sp1 + P"T") * time) ^ -1),
    value = function(t)
      if t.m > 12 then t.d, t.m = t.m, t.d end
      if t.m > 12 then return nil end  -- neither reading has a month
      local h, m = hm(t)
      return V.date("gregorian", t.y, t.m, t.d, h, m)
    end,
    examples = {
      ["03.12.2024"] = "2024-12-03",
      ["3/12/2024 16:25"] = "2024-12-03T16:25",
      ["12/25/2024"] = "2024-12-25",
      ["०३-१२-२०२४"] = "2024-12-03",
    },
  },

  rule "time" {
    kind = "time",
    description = "clock times (16:25, 4:25 pm, 16.25 Uhr, 16 Uhr) as HH:MM",
    pattern = Ct(time * nw),
    value = function(t)
      local h, m = hm(t)
      return string.format("%02d:%02d", h, m or 0)
    end,
    examples = { ["16:25"] = "16:25", ["4:25 pm"] = "16:25", ["16.25 Uhr"] = "16:25", ["۱۶:۲۵"] = "16:25" },
    counter_examples = { "24:00", "16:5" },
  },
}
