-- glean.entities.spans: a set of byte spans with an overlap test, for the
-- resolution (pick) and the propagation (the bytes already in a mention).

local M = {}

-- A set of byte spans with an overlap test whose cost does not grow with
-- the number of spans: each span is listed (start, stop, item, flat) in
-- every 64-byte bucket it touches; spans kept apart leave few per bucket.
-- One table per bucket, not one entry per byte (a byte table per pick and
-- per propagation held ~50 MB for a 1 MB text of news).
local SPAN_BUCKET = 64
local function spans_add(set, a, b, item)
  for k = a // SPAN_BUCKET, b // SPAN_BUCKET do
    local l = set[k]
    if not l then l = {}; set[k] = l end
    local n = #l
    l[n + 1], l[n + 2], l[n + 3] = a, b, item or true
  end
end
-- spans_conflict(set, a, b [, ok, arg]) -> the item of a span that a..b
-- meets and for which ok(item, arg) is not true, or nil
local function spans_conflict(set, a, b, ok, arg)
  for k = a // SPAN_BUCKET, b // SPAN_BUCKET do
    local l = set[k]
    if l then
      for x = 1, #l, 3 do
        if a <= l[x + 1] and l[x] <= b and not (ok and ok(l[x + 2], arg)) then return l[x + 2] end
      end
    end
  end
  return nil
end

M.add, M.conflict = spans_add, spans_conflict
return M
