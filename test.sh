#!/usr/bin/env bash
# Runs every test (domain, SQLite persistence, bUnit, Playwright + Debian Chromium) and prints
# "N passed, N failed, N skipped" computed from the test results. Fresh Debian/Ubuntu: installs
# Chromium, the CJK font, poppler-utils and python3-openpyxl when missing (needs root or sudo), then restores and builds.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DEBIAN_FRONTEND=noninteractive

missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
fc-list 2>/dev/null | grep -qi "WenQuanYi Micro Hei" || missing+=(fonts-wqy-microhei)
# Independent readers of the exported reports: pdftotext/pdfinfo and openpyxl.
command -v pdftotext >/dev/null || missing+=(poppler-utils)
/usr/bin/python3 -c "import openpyxl" 2>/dev/null || missing+=(python3-openpyxl)
if (( ${#missing[@]} )); then
  sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
  echo "Installing ${missing[*]} ..."
  $sudo apt-get update -qq && $sudo apt-get install -y -qq "${missing[@]}" >/dev/null || { echo "apt-get install ${missing[*]} failed" >&2; exit 1; }
fi

dotnet tool restore >/dev/null || exit 1
dotnet build CityMgmt.sln -nologo -v q || { echo "0 passed, 1 failed"; exit 1; }

results=TestResults
rm -rf "$results"
dotnet test CityMgmt.sln --no-build --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" "$@"
status=$?

passed=0; failed=0; total=0; executed=0
for trx in "$results"/*.trx; do
  [[ -f "$trx" ]] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  total=$((total + $(get total))); executed=$((executed + $(get executed)))
  passed=$((passed + $(get passed))); failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
done
skipped=$((total - executed))
echo "$passed passed, $failed failed, $skipped skipped"
if (( failed > 0 || passed == 0 || status != 0 )); then
  exit 1
fi
