-- web.lua: URLs, e-mail addresses, @handles, #hashtags and image file names.
--   "https://example.org/a/b.html" -> the URL   "IMG_6694.jpg" -> {file="IMG_6694.jpg", ext="jpg"}
-- URLs follow RFC 3986 characters loosely (any non-space), minus trailing
-- sentence punctuation; e-mail addresses the RFC 5322 dot-atom form.
local P, R, S, C = lpeg.P, lpeg.R, lpeg.S, lpeg.C

local space = S(" \t\r\n") + V.nbsp
local stop = S("<>\"'`") + "«" + "»" + "“" + "”" + "،"
local trail = S(".,;:!?)]}") + "।" + "؟" + "،"
local urlchar = V.utf8char - space - stop
-- trailing punctuation belongs to the URL only when more URL follows
local body = ((trail ^ 1 * #(urlchar - trail)) + (urlchar - trail)) ^ 1

local alnum = R("az", "AZ", "09")
local atom = (alnum + S("!#$%&*+/=?^_`{|}~-")) ^ 1
local label = alnum * (alnum + "-") ^ 0
local domain = label * ("." * label) ^ 1

local image_ext = P"jpeg" + "jpg" + "png" + "gif" + "webp" + "heic" + "tiff" + "tif" + "bmp"
local image_ext_any = image_ext + "JPEG" + "JPG" + "PNG" + "GIF" + "WEBP" + "HEIC" + "TIFF" + "TIF" + "BMP"

return {
  rule "url" {
    kind = "url",
    description = "http(s) and www. URLs",
    pattern = C((P"https://" + "http://" + "www." + "ftp://") * body),
    examples = {
      ["https://songv.example.gov.vn/tin-tuc/doan.html"] = "https://songv.example.gov.vn/tin-tuc/doan.html",
      ["www.example.org/a?b=1&c=2"] = "www.example.org/a?b=1&c=2",
    },
    counter_examples = { "https://example.org.", "http://" },
  },

  rule "email" {
    kind = "email",
    description = "e-mail addresses (dot-atom local part)",
    pattern = C(atom * ("." * atom) ^ 0 * "@" * domain) * V.nw,
    examples = { ["press.office@example.org"] = "press.office@example.org" },
  },

  rule "handle" {
    kind = "handle",
    description = "@handles of social networks (letters, digits, '_', '.')",
    pattern = #P"@" * -V.wb * "@" * C((alnum + "_") * (alnum + S("_.") * #(alnum + "_")) ^ 0) * V.nw,
    examples = { ["@glean_news"] = "glean_news" },
    counter_examples = { "@" },
  },

  rule "hashtag" {
    kind = "hashtag",
    description = "#hashtags in any script (#Lạng_Sơn, #ایران)",
    pattern = #P"#" * -V.wb * "#" * C(V.word),
    examples = { ["#ایران"] = "ایران", ["#Lạng_Sơn"] = "Lạng_Sơn" },
  },

  rule "image_file" {
    kind = "image_file",
    description = "image file names left in article text (IMG_6694.jpg)",
    -- tried only on lines holding a '.' and an extension's first letters
    -- (every image_ext_any starts with one of these), not at every word
    within = "%.[JjPpGgWwHhTtBb][A-Za-z][A-Za-z]",
    -- the lookahead is a cheap necessary condition (word characters are ASCII letters, digits, '_' or
    -- non-ASCII), so most words fail it in one byte span instead of a word-boundary call
    pattern = #((R("az", "AZ", "09") + S("-_") + R("\128\255")) ^ 1 * "." * image_ext_any)
      * C((V.word + S("-_")) ^ 1 * "." * C(image_ext_any)) * V.nw,
    value = function(file, ext) return { file = file, ext = ext:lower() } end,
    examples = {
      ["IMG_6694.jpg"] = { file = "IMG_6694.jpg", ext = "jpg" },
      ["DSC-001.JPEG"] = { file = "DSC-001.JPEG", ext = "jpeg" },
    },
    counter_examples = { "report.pdf" },
  },
}
