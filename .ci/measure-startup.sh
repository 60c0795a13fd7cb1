#!/usr/bin/env bash
# Measures, on this machine, the demo seeding time (full 示范县) and the cold start time (process start
# to the login page answering 200), first on an empty database, then on the seeded one.
# Usage: .ci/measure-startup.sh   (prints the figures quoted in README.md)
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build CityMgmt.Web -c Release -nologo -v q >/dev/null
data=$(mktemp -d)
port=5099

measure() {
  local log=$1 start end
  start=$(date +%s.%N)
  (cd CityMgmt.Web && ASPNETCORE_ENVIRONMENT=Production Seed__Demo=true Database__DataFolder="$data" \
    exec dotnet bin/Release/net10.0/CityMgmt.Web.dll --urls "http://127.0.0.1:$port" >"$log" 2>&1) &
  local pid=$!
  until curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/account/login" 2>/dev/null | grep -q 200; do
    sleep 0.1
    kill -0 $pid 2>/dev/null || { cat "$log"; exit 1; }
  done
  end=$(date +%s.%N)
  kill $pid; wait $pid 2>/dev/null || true
  echo "$end - $start" | bc
}

first=$(measure "$data/first.log")
seeding=$(grep -oE 'Demo county seeded in [0-9.]+ s' "$data/first.log" | grep -oE '[0-9.]+' || echo "?")
second=$(measure "$data/second.log")
python3 - "$data/citymgmt.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print("grids=%d components=%d cases=%d users=%d" % tuple(c.execute(q).fetchone()[0] for q in
      ["select count(*) from Grids", "select count(*) from Components", "select count(*) from Cases", "select count(*) from AspNetUsers"]))
PY
printf 'demo seeding: %s s\ncold start, empty database (migrate + seed + start): %.1f s\ncold start, seeded database: %.1f s\n' "$seeding" "$first" "$second"
rm -rf "$data"
