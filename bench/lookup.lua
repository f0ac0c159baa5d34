-- wrk script: looks up a random one of the shipments listed in $NUMBERS (one tracking number a line), as the
-- public does (no API key), through GET /api/v1/shipments/{tracking_number}.
local numbers = {}
for line in io.lines(os.getenv("NUMBERS")) do
  numbers[#numbers + 1] = line
end

request = function()
  return wrk.format("GET", "/api/v1/shipments/" .. numbers[math.random(#numbers)])
end
