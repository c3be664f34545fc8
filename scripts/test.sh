#!/usr/bin/env bash
# The one test command: installs what the tests need when it is missing (PostgreSQL, Chromium,
# Japanese fonts, poppler's pdftotext for reading printed PDFs, Node for the Trino grammar check), starts PostgreSQL on loopback, then runs the format check, the build with
# warnings as errors, and every test on SQLite, PostgreSQL and in headless Chromium.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing+=(fonts-noto-cjk)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> Installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

echo "==> Starting PostgreSQL on 127.0.0.1"
pg_version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h 2>/dev/null | grep -q .; then
  as_root pg_createcluster "$pg_version" main >/dev/null
fi
cluster=$(pg_lsclusters -h | head -n 1 | awk '{print $1" "$2}')
port=$(pg_lsclusters -h | head -n 1 | awk '{print $3}')
as_root pg_ctlcluster $cluster start 2>/dev/null || true
for _ in $(seq 1 30); do
  pg_isready -h 127.0.0.1 -p "$port" -q && break
  sleep 1
done
pg_isready -h 127.0.0.1 -p "$port" -q || { echo "PostgreSQL did not start"; exit 1; }
pg_password=${MAMORI_TEST_PG_PASSWORD:-mamori-test}
as_root su postgres -c "psql -q -p $port -c \"ALTER USER postgres PASSWORD '$pg_password';\"" >/dev/null
export MAMORI_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Password=$pg_password"
export MAMORI_REQUIRE_POSTGRES=1
export MAMORI_REQUIRE_BROWSER=1

echo "==> Trino grammar for the compiled access-monitoring rules (tools/trino-parse)"
if [ ! -d tools/trino-parse/node_modules/dt-sql-parser ]; then
  (cd tools/trino-parse && npm ci --no-audit --no-fund --silent)
fi
export MAMORI_REQUIRE_TRINO_PARSER=1

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "==> dotnet format --verify-no-changes"
dotnet format Mamori.slnx --verify-no-changes

echo "==> Build (warnings are errors)"
dotnet build Mamori.slnx -c Release -warnaserror -nologo -v quiet

echo "==> Tests"
status=0
results=$(mktemp -d)
for project in tests/Mamori.Core.Tests tests/Mamori.AccessMonitoring.Tests tests/Mamori.Tests tests/Mamori.BrowserTests; do
  name=$(basename "$project")
  echo "--> $name"
  if ! timeout 1200 dotnet test "$project" -c Release --no-build --nologo 2>&1 | tee "$results/$name.log"; then
    status=1
  fi
done

passed=0; failed=0; skipped=0
for log in "$results"/*.log; do
  # VSTest's summary: "Passed!  - Failed:     0, Passed:    79, Skipped:     0, Total:    79"
  summary=$(grep -Eo "Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+" "$log" | tail -n 1 || true)
  if [ -z "$summary" ]; then
    echo "No test summary in $(basename "$log" .log): the test run did not complete."
    status=1
    continue
  fi
  f=$(echo "$summary" | sed -E 's/Failed: +([0-9]+).*/\1/')
  p=$(echo "$summary" | sed -E 's/.*Passed: +([0-9]+).*/\1/')
  s=$(echo "$summary" | sed -E 's/.*Skipped: +([0-9]+).*/\1/')
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
done
rm -rf "$results"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
