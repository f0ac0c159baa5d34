-- wrk script for deploy/local-cluster.sh: requests wrk's URL (or, with $NUMBERS set, looks up a random one of those
-- shipments as the public does), and with $ANSWERED set appends every tracking number answered with 200 to that file,
-- one a line, so that duplicates among the answered numbers can be counted. Without $ANSWERED wrk reads no bodies.
local numbers = nil
if os.getenv("NUMBERS") and os.getenv("NUMBERS") ~= "" then
  numbers = {}
  for line in io.lines(os.getenv("NUMBERS")) do
    numbers[#numbers + 1] = line
  end
end

request = function()
  if numbers then
    return wrk.format("GET", "/api/v1/shipments/" .. numbers[math.random(#numbers)])
  end
  return wrk.format("GET", wrk.path)
end

local path = os.getenv("ANSWERED")
if path and path ~= "" then
  local answered = nil
  response = function(status, headers, body)
    if status == 200 then
      local number = string.match(body, '"tracking_number":"([^"]+)"')
      if number then
        answered = answered or io.open(path, "a")
        answered:write(number, "\n")
        answered:flush()
      end
    end
  end
end
