-- POST /api/v1/lessons/{id}/progress as a signed-in learner (the session cookie is
-- given with -H): a few seconds watched at a moving position, as the player reports.
-- Args (after --): the lesson's duration in seconds.
function init(args)
  -- Added to the headers given with -H (a headers table would replace them).
  wrk.headers["Content-Type"] = "application/json"
  duration = tonumber(args[1]) or 60
  at = 0
end

request = function()
  local from = at % duration
  local to = math.min(from + 5, duration)
  at = at + 5
  local body = string.format('{"watched":[[%d,%d]],"position_s":%d}', from, to, to)
  return wrk.format("POST", nil, nil, body)
end
