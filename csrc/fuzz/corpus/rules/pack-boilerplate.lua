-- boilerplate.lua: the furniture of news pages, marked so reports can drop
-- it: photo credits, source lines, comment counters, reaction widgets.
--   "Foto: Khong Nghia" -> {credit="Khong Nghia"}   "Kommentar (0)" -> 0
-- These rules are overlays: they do not compete with dates, numbers or URLs
-- inside them (a source line keeps its URL annotation).
local P, S, C, Ct = lpeg.P, lpeg.S, lpeg.C, lpeg.Ct
local sp0 = V.sp0
local colon = sp0 * (P":" + "：") * sp0

-- label: rest of the line, without trailing spaces
local function labelled(words)
  local label = P(false)
  for _, w in ipairs(words) do label = label + P(w) + V.upper_first(w) end
  return label * colon * C((V.utf8char - V.nl - (V.sp ^ 1 * V.eol)) ^ 1)
end

local reaction_heading = P"What's Your Reaction?" + "What’s Your Reaction?" + "Wie ist Ihre Reaktion?"
  + "آپ کا ردعمل کیا ہے؟" + "واکنش شما چیست؟" + "आपकी प्रतिक्रिया क्या है?"
local reaction = V.keywords({ Like = "Like", Dislike = "Dislike", Love = "Love", Funny = "Funny", Angry = "Angry",
  Sad = "Sad", Wow = "Wow", Haha = "Haha" })

return {
  rule "photo_credit" {
    kind = "boilerplate",
    overlay = true,
    description = "photo credit lines (Foto:, फोटो:, تصویر:, Photo:, عکس:, Фото:, صورة:)",
    pattern = labelled({ "foto", "photo", "bild", "फोटो", "फ़ोटो", "तस्वीर", "تصویر", "عکس", "فوٹو", "фото",
      "صورة", "الصورة", "ảnh" }),
    value = function(credit) return { credit = credit } end,
    examples = {
      ["Foto: Khong Nghia"] = { credit = "Khong Nghia" },
      ["फोटो: पीवी"] = { credit = "पीवी" },
      ["عکس: ایرنا"] = { credit = "ایرنا" },
      ["Photo : AFP"] = { credit = "AFP" },
    },
  },

  rule "source_line" {
    kind = "boilerplate",
    overlay = true,
    description = "source lines (Quelle:, ماخذ:, Source:, منبع:, Источник:, स्रोत:, المصدر:)",
    pattern = labelled({ "quelle", "source", "ماخذ", "منبع", "источник", "स्रोत", "المصدر", "nguồn" }),
    value = function(source) return { source = source } end,
    examples = {
      ["Quelle: https://example.gov.vn/a.html"] = { source = "https://example.gov.vn/a.html" },
      ["منبع: خبرگزاری مهر"] = { source = "خبرگزاری مهر" },
      ["Источник: ТАСС"] = { source = "ТАСС" },
    },
  },

  rule "comment_counter" {
    kind = "boilerplate",
    overlay = true,
    description = "comment counters (Kommentar (0), تبصرہ (0), Comments (3), टिप्पणियाँ (2))",
    pattern = V.keywords({ Kommentar = true, Kommentare = true, Comment = true, Comments = true,
      ["تبصرہ"] = true, ["تبصرے"] = true, ["نظر"] = true, ["نظرات"] = true, ["دیدگاه"] = true,
      ["تعليق"] = true, ["تعليقات"] = true, ["टिप्पणी"] = true, ["टिप्पणियाँ"] = true, ["Комментарии"] = true,
      ["Комментариев"] = true, ["Bình luận"] = true }) / 0 * sp0 * "(" * sp0 * V.int(1, 9) * sp0 * ")",
    examples = { ["Kommentar (0)"] = 0, ["تبصرہ (0)"] = 0, ["Comments (12)"] = 12, ["Комментарии (۳)"] = 3 },
  },

  rule "reaction_widget" {
    kind = "boilerplate",
    overlay = true,
    description = "'What's Your Reaction?' blocks with the reaction labels and counts under them",
    pattern = Ct(reaction_heading * (S(" \t\r\n") ^ 0 * reaction * (S(" \t\r\n") ^ 0 * V.int(1, 9) / 0) ^ -1) ^ 0),
    value = function(labels) return { widget = "reactions", reactions = labels } end,
    examples = {
      ["What's Your Reaction?\nLike\n0\nDislike\n0\nLove\n2"] = { widget = "reactions",
        reactions = { "Like", "Dislike", "Love" } },
      ["What's Your Reaction?"] = { widget = "reactions", reactions = {} },
    },
  },
}
