#!/usr/bin/env bash
# Registers COUNT shipments (BENCH0000001, ...) through POST /api/v1/shipments, each with a receiver, two articles
# and four tracking events, and writes their numbers to FILE, one a line.
#
#   bash bench/seed.sh BASE_URL API_KEY COUNT FILE
set -euo pipefail
base=$1 key=$2 count=$3 file=$4
config=$(mktemp)
trap 'rm -f "$config"' EXIT
: >"$file"
for i in $(seq 1 "$count"); do
  number=$(printf 'BENCH%07d' "$i")
  echo "$number" >>"$file"
  body='{"tracking_number":"'$number'","carrier":"DHL","origin_country":"DE","destination_country":"TW",'
  body+='"weight_kg":1.25,"receiver":{"name":"賴小賴","address":{"street":"仁愛路二段99號","zip":"100",'
  body+='"city":"台北市","country":"TW"},"phone":"091234567"},"sender":{"name":"RedBox Logistics",'
  body+='"address":{"street":"Street 1","zip":"10115","city":"Berlin","country":"DE"}},'
  body+='"articles":[{"name":"Laptop","quantity":1,"price":800,"sku":"LP123"},'
  body+='{"name":"Mouse","quantity":2,"price":25,"sku":"MO456"}],"events":['
  body+='{"time":"2026-11-16T09:00:00+01:00","status":"created","location":{"id":"B1","title":"Berlin Hub","address":{"city":"Berlin","country":"DE"}}},'
  body+='{"time":"2026-11-16T15:00:00+01:00","carrier_status":"inbound-scan","location":{"id":"B1","title":"Berlin Hub","address":{"city":"Berlin","country":"DE"}}},'
  body+='{"time":"2026-11-18T08:00:00+08:00","carrier_status":"in_transit","location":{"id":"7","title":"台北物流中心","address":{"city":"台北市","country":"TW"}}},'
  body+='{"time":"2026-11-19T08:30:00+08:00","status":"out_for_delivery","location":{"city":"台北市","zip":"100","country":"TW"}}]}'
  [ "$i" -gt 1 ] && echo next >>"$config"
  printf 'url = "%s/api/v1/shipments"\nheader = "Authorization: Bearer %s"\nheader = "Content-Type: application/json"\ndata = %s\noutput = /dev/null\nwrite-out = "%%{http_code}\\n"\n' \
    "$base" "$key" "$(printf '%s' "$body" | sed 's/\\/\\\\/g; s/"/\\"/g; s/^/"/; s/$/"/')" >>"$config"
done
codes=$(curl -sS -K "$config" | sort | uniq -c)
if ! grep -q "^ *$count 201$" <<<"$codes"; then
  echo "seeding failed; answers: $codes" >&2
  exit 1
fi
