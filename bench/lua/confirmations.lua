-- POST /api/v1/registrations/confirm with the tokens of pending registrations.
-- Args (after --): the file of tokens (one a line), the number of wrk threads. Each
-- thread takes every n-th token, so no two requests confirm the same registration
-- until the file is used up (then it starts over: idempotent re-confirmations).
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

function init(args)
  -- Added to the headers given with -H (a headers table would replace them).
  wrk.headers["Content-Type"] = "application/json"
  local n = tonumber(args[2])
  mine = {}
  local i = 0
  for line in io.lines(args[1]) do
    if i % n == tid - 1 then
      table.insert(mine, line)
    end
    i = i + 1
  end
  next_token = 0
end

request = function()
  next_token = next_token % #mine + 1
  local body = '{"token":"' .. mine[next_token] .. '"}'
  return wrk.format("POST", nil, nil, body)
end
