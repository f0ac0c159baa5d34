-- wrk script: records one tracking event a request through POST /api/v1/shipments/{number}/events (the key in
-- $API_KEY) on the shipments listed in $NUMBERS (one tracking number a line), in turn, so that no two requests in
-- flight touch one shipment. In transit and out for delivery alternate on each shipment, each event after the last,
-- so that every event changes the status (the seeded history ends out for delivery): event i (from $EVENTS_OFFSET,
-- which the caller advances past the requests of the run before) is at 2026-11-20T00:00:00Z plus i seconds, with the
-- id bench-i.
local numbers = {}
for line in io.lines(os.getenv("NUMBERS")) do
  numbers[#numbers + 1] = line
end
local headers = { ["Authorization"] = "Bearer " .. os.getenv("API_KEY"), ["Content-Type"] = "application/json" }
local start = 1795132800 -- 2026-11-20T00:00:00Z
local i = tonumber(os.getenv("EVENTS_OFFSET") or "0")

request = function()
  local count = #numbers
  local status = math.floor(i / count) % 2 == 0 and "in_transit" or "out_for_delivery"
  local body = string.format(
    '{"event_id":"bench-%d","time":"%s","status":"%s","location":{"city":"台北市","country":"TW"}}',
    i, os.date("!%Y-%m-%dT%H:%M:%SZ", start + i), status)
  local path = "/api/v1/shipments/" .. numbers[i % count + 1] .. "/events"
  i = i + 1
  return wrk.format("POST", path, headers, body)
end
