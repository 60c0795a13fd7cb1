#!/usr/bin/env bash
# Runs CityMgmt on an embedded SQLite database with the demo county (示范县) at http://127.0.0.1:5000.
# Fresh Debian/Ubuntu: needs the .NET 10 SDK; everything else is restored here.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "需要 .NET SDK 10 (dotnet)。 .NET 10 SDK is required: https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2
  exit 1
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null
dotnet build CityMgmt.Web -c Release -nologo -v q

# Demo mode seeds the fictional county and the demo accounts (see README) on first start.
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"
export Seed__Demo="${Seed__Demo:-true}"
export Seed__Profile="${Seed__Profile:-Full}"
exec dotnet run --project CityMgmt.Web -c Release --no-build --no-launch-profile --urls "${CITYMGMT_URLS:-http://127.0.0.1:5000}"
