-- wrk script: every request comes from one of $CLIENTS client addresses (10.0.0.0 up), named in X-Forwarded-For as
-- a proxy in front of Waybill would name them, so that each has a rate-limit bucket of its own. With $NUMBERS set
-- (one tracking number a line), it looks up a random one of those shipments as the public does; else it requests
-- the path of wrk's URL.
local clients = tonumber(os.getenv("CLIENTS") or "10000")
local numbers = nil
if os.getenv("NUMBERS") and os.getenv("NUMBERS") ~= "" then
  numbers = {}
  for line in io.lines(os.getenv("NUMBERS")) do
    numbers[#numbers + 1] = line
  end
end

request = function()
  local n = math.random(clients) - 1
  local address = string.format("10.%d.%d.%d", math.floor(n / 65536) % 256, math.floor(n / 256) % 256, n % 256)
  local path = wrk.path
  if numbers then
    path = "/api/v1/shipments/" .. numbers[math.random(#numbers)]
  end
  return wrk.format("GET", path, { ["X-Forwarded-For"] = address })
end
