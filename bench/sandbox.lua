-- wrk script: replays pre-signed bodies, one per line of the file named by $BODIES, in order.
-- Run with one thread (-t1) so every remittance body, and so every requestId, is sent once.
-- Used by bench/run.ps1; see bench/README.md.
local bodies = {}
local index = 0

function init(args)
  for line in io.lines(os.getenv("BODIES")) do
    bodies[#bodies + 1] = line
  end
end

function request()
  index = index + 1
  local body = bodies[((index - 1) % #bodies) + 1]
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, body)
end
