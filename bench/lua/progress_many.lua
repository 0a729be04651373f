-- POST /api/v1/lessons/{id}/progress from many signed-in learners: each request carries
-- the next learner's session cookie, so the reports land on different progress rows.
-- Args (after --): the file of cookies (one learner a line), the lesson's duration (s).
function init(args)
  cookies = {}
  for line in io.lines(args[1]) do
    table.insert(cookies, line)
  end
  duration = tonumber(args[2]) or 60
  next_learner = math.random(#cookies)
  at = 0
end

request = function()
  next_learner = next_learner % #cookies + 1
  if next_learner == 1 then
    at = at + 5
  end
  local from = at % duration
  local to = math.min(from + 5, duration)
  local body = string.format('{"watched":[[%d,%d]],"position_s":%d}', from, to, to)
  -- A headers table replaces wrk.headers, so it carries the content type too.
  local headers = {["Content-Type"] = "application/json", ["Cookie"] = cookies[next_learner]}
  return wrk.format("POST", nil, headers, body)
end
