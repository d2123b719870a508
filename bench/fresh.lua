-- wrk script for bench/run's fresh-render section: every request carries a query string no other request has,
-- so the page cache (which keys on the query string) misses every time and the page is rendered fresh.
-- The pages ignore the parameter.
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

local sent = 0

function request()
  sent = sent + 1
  local separator = string.find(wrk.path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, wrk.path .. separator .. "fresh=" .. thread_id .. "-" .. sent)
end
