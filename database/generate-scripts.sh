#!/usr/bin/env bash
# Regenerates the DBA scripts from the migrations:
#   database/sqlserver/citymgmt-idempotent.sql  (safe to run on any version of the schema)
#   database/sqlite/citymgmt.sql                (from an empty database; SQLite cannot make idempotent scripts)
# Usage: database/generate-scripts.sh           write the scripts
#        database/generate-scripts.sh --check   fail when the committed scripts are stale (CI)
set -euo pipefail
cd "$(dirname "$0")/.."

out=database
if [[ "${1:-}" == "--check" ]]; then
  out=$(mktemp -d)
  mkdir -p "$out/sqlserver" "$out/sqlite"
fi
mkdir -p "$out/sqlserver" "$out/sqlite"

dotnet tool restore >/dev/null
dotnet build CityMgmt.Infrastructure -c Debug -v q -nologo >/dev/null
ef() { dotnet ef migrations script --no-build -p CityMgmt.Infrastructure -s CityMgmt.Infrastructure "$@"; }
ef --idempotent -c SqlServerCityDbContext -o "$out/sqlserver/citymgmt-idempotent.sql" >/dev/null
ef -c SqliteCityDbContext -o "$out/sqlite/citymgmt.sql" >/dev/null
# Line endings and the BOM vary by platform; compare and store them normalised.
for f in "$out/sqlserver/citymgmt-idempotent.sql" "$out/sqlite/citymgmt.sql"; do
  sed -i '1s/^\xEF\xBB\xBF//; s/\r$//' "$f"
done

if [[ "${1:-}" == "--check" ]]; then
  status=0
  for f in sqlserver/citymgmt-idempotent.sql sqlite/citymgmt.sql; do
    if ! diff -q "database/$f" "$out/$f" >/dev/null 2>&1; then
      echo "database/$f is stale: run database/generate-scripts.sh and commit the result" >&2
      status=1
    fi
  done
  rm -rf "$out"
  exit $status
fi
echo "Scripts written to database/sqlserver and database/sqlite"
