-- POST /api/v1/sessions/{id}/registrations, a unique address per request.
-- Args (after --): a prefix unique to this run and round.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

function init(args)
  -- Added to the headers given with -H (a headers table would replace them).
  wrk.headers["Content-Type"] = "application/json"
  prefix = args[1] or "bench"
  counter = 0
end

request = function()
  counter = counter + 1
  local body = string.format(
    '{"full_name":"Bench Official %d","email":"%s-%d-%d@bench.example",' ..
    '"organisation":"Ville de Montpellier","function":"civil_servant",' ..
    '"territory":"Hérault","country":"FR","locale":"fr",' ..
    '"timezone":"Europe/Paris","consent":true}',
    counter, prefix, tid, counter, counter)
  return wrk.format("POST", nil, nil, body)
end
