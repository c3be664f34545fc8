#!/usr/bin/env bash
# The one test command: installs what the tests need when it is missing (PostgreSQL, Chromium,
# Japanese fonts, poppler's pdftotext for reading printed PDFs, Node for the Trino grammar check and the
# SMTP server), starts a PostgreSQL cluster and an SMTP server of its own on loopback (own ports and
# folders, stopped and removed at the end), then runs the format check, the build with warnings as
# errors, and every test on SQLite, PostgreSQL and in headless Chromium. The last line is "N passed, N failed, N skipped"; a test project
# that ends without a summary (crashed, timed out) counts as failed there, by name.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
# The first port from $1 that nothing on 127.0.0.1 listens on.
free_port() {
  local candidate
  for candidate in $(seq "$1" $(( $1 + 100 ))); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then echo "$candidate"; return; fi
  done
  echo "no free port from $1" >&2; exit 1
}
# dpkg's own answer, read whole (a pipe into `grep -q` can die of SIGPIPE under pipefail).
installed() { [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" = "install ok installed" ]; }

# Programs are looked for by what they are (Node may come from elsewhere than Debian); the fonts by package.
missing=()
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
installed fonts-noto-cjk || missing+=(fonts-noto-cjk)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> Installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  # Debian's package starts a cluster of its own on 5432; the tests use theirs, so that one is stopped again.
  if [[ " ${missing[*]} " == *" postgresql "* ]]; then
    while read -r version cluster _; do
      as_root pg_ctlcluster "$version" "$cluster" stop 2>/dev/null || true
    done < <(pg_lsclusters -h 2>/dev/null || true)
  fi
  # Likewise the nginx Debian starts on port 80: the tests start one of their own.
  if [[ " ${missing[*]} " == *" nginx "* ]]; then
    as_root service nginx stop >/dev/null 2>&1 || true
  fi
fi

echo "==> Starting a PostgreSQL cluster of the tests' own on 127.0.0.1"
pg_version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
pg_bin=/usr/lib/postgresql/$pg_version/bin
pg_home=$(mktemp -d "${TMPDIR:-/tmp}/mamori-pg.XXXXXX")
pg_password=${MAMORI_TEST_PG_PASSWORD:-mamori-test}
# The first free port from 55432: a developer's own PostgreSQL on 5432 is left alone.
pg_port=${MAMORI_TEST_PG_PORT:-$(free_port 55432)}
# PostgreSQL refuses to run as root: as root the cluster belongs to the postgres account.
if [ "$(id -u)" -eq 0 ]; then
  chown postgres: "$pg_home"
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi
stop_postgres() {
  as_pg "$pg_bin/pg_ctl" -D "$pg_home/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_home"
}
trap stop_postgres EXIT
printf '%s\n' "$pg_password" > "$pg_home/password"
[ "$(id -u)" -eq 0 ] && chown postgres: "$pg_home/password"
as_pg "$pg_bin/initdb" -D "$pg_home/data" -U postgres --auth=scram-sha-256 --pwfile="$pg_home/password" -E UTF8 --no-locale >"$pg_home/initdb.log" 2>&1 \
  || { cat "$pg_home/initdb.log"; exit 1; }
# fsync off: the cluster is thrown away at the end, durability buys nothing here.
as_pg "$pg_bin/pg_ctl" -D "$pg_home/data" -l "$pg_home/postgres.log" -w -t 120 \
  -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_home -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null \
  || { cat "$pg_home/postgres.log"; exit 1; }
echo "    port $pg_port, data $pg_home/data"
export MAMORI_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=$pg_password"
export MAMORI_REQUIRE_POSTGRES=1
export MAMORI_REQUIRE_BROWSER=1

echo "==> Trino grammar for the compiled access-monitoring rules (tools/trino-parse)"
if [ ! -d tools/trino-parse/node_modules/dt-sql-parser ]; then
  (cd tools/trino-parse && npm ci --no-audit --no-fund --silent)
fi
export MAMORI_REQUIRE_TRINO_PARSER=1

echo "==> An SMTP server of the tests' own on 127.0.0.1 (tools/smtp-sink: accepted mail lands as .eml files)"
if [ ! -d tools/smtp-sink/node_modules/smtp-server ]; then
  (cd tools/smtp-sink && npm ci --no-audit --no-fund --silent)
fi
smtp_port=${MAMORI_TEST_SMTP_PORT:-$(free_port 52525)}
smtp_dir=$(mktemp -d "${TMPDIR:-/tmp}/mamori-smtp.XXXXXX")
node tools/smtp-sink/server.js --port="$smtp_port" --dir="$smtp_dir/mail" >"$smtp_dir/server.log" 2>&1 &
smtp_pid=$!
stop_services() {
  kill "$smtp_pid" 2>/dev/null || true
  [ -n "${oidc_pid:-}" ] && { kill "$oidc_pid" 2>/dev/null || true; rm -f "$oidc_log"; }
  rm -rf "$smtp_dir"
  [ -n "${proxy_dir:-}" ] && { kill "$(cat "$proxy_dir/nginx.pid" 2>/dev/null)" 2>/dev/null || true; rm -rf "$proxy_dir"; }
  stop_postgres
}
trap stop_services EXIT
for _ in $(seq 1 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$smtp_port") 2>/dev/null && break
  kill -0 "$smtp_pid" 2>/dev/null || { cat "$smtp_dir/server.log"; exit 1; }
  sleep 0.2
done
echo "    port $smtp_port, mail in $smtp_dir/mail"
export MAMORI_TEST_SMTP="127.0.0.1:$smtp_port" MAMORI_TEST_SMTP_DIR="$smtp_dir/mail" MAMORI_REQUIRE_SMTP=1

echo "==> An OpenID provider of the tests' own on 127.0.0.1 (tools/oidc-idp: the certified oidc-provider package)"
if [ ! -d tools/oidc-idp/node_modules/oidc-provider ]; then
  (cd tools/oidc-idp && npm ci --no-audit --no-fund --silent)
fi
oidc_port=${MAMORI_TEST_OIDC_PORT:-$(free_port 54000)}
oidc_log=$(mktemp "${TMPDIR:-/tmp}/mamori-oidc.XXXXXX")
node tools/oidc-idp/server.mjs --port="$oidc_port" >"$oidc_log" 2>&1 &
oidc_pid=$!
for _ in $(seq 1 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$oidc_port") 2>/dev/null && break
  kill -0 "$oidc_pid" 2>/dev/null || { cat "$oidc_log"; exit 1; }
  sleep 0.2
done
echo "    issuer http://127.0.0.1:$oidc_port"
export MAMORI_TEST_OIDC="http://127.0.0.1:$oidc_port" MAMORI_REQUIRE_OIDC=1

echo "==> A reverse proxy (nginx) on 127.0.0.1 in front of two app instances' ports (the cluster test starts the instances)"
proxy_port=$(free_port 58080)
instance_a=$(free_port 58200)
instance_b=$(free_port $(( instance_a + 1 )))
proxy_dir=$(mktemp -d "${TMPDIR:-/tmp}/mamori-proxy.XXXXXX")
mkdir -p "$proxy_dir/temp"
# As root nginx's workers run as nobody: they need to reach the temp folders.
chmod 755 "$proxy_dir"; chmod 777 "$proxy_dir/temp"
sed -e "s|@DIR@|$proxy_dir|g" -e "s|@LISTEN@|127.0.0.1:$proxy_port|g" \
  -e "s|@A@|127.0.0.1:$instance_a|g" -e "s|@B@|127.0.0.1:$instance_b|g" docs/deploy/nginx.conf >"$proxy_dir/nginx.conf"
/usr/sbin/nginx -t -q -c "$proxy_dir/nginx.conf" -p "$proxy_dir" -g "pid $proxy_dir/nginx.pid; error_log $proxy_dir/error.log;" \
  || { cat "$proxy_dir/error.log" 2>/dev/null; exit 1; }
/usr/sbin/nginx -c "$proxy_dir/nginx.conf" -p "$proxy_dir" -g "pid $proxy_dir/nginx.pid; error_log $proxy_dir/error.log;"
for _ in $(seq 1 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$proxy_port") 2>/dev/null && break
  sleep 0.2
done
echo "    proxy on port $proxy_port, instances on $instance_a and $instance_b"
export MAMORI_TEST_PROXY="http://127.0.0.1:$proxy_port" MAMORI_TEST_PROXY_INSTANCES="$instance_a,$instance_b" MAMORI_REQUIRE_PROXY=1

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "==> dotnet format --verify-no-changes"
started=$SECONDS
dotnet format Mamori.slnx --verify-no-changes
echo "    format: $((SECONDS - started)) s"

echo "==> Build (warnings are errors)"
started=$SECONDS
dotnet build Mamori.slnx -c Release -warnaserror -nologo -v quiet
echo "    build: $((SECONDS - started)) s"

# A busy machine can be several times slower than an idle one: the limit only stops a hung run.
project_timeout=${MAMORI_TEST_PROJECT_TIMEOUT:-2700}
echo "==> Tests"
status=0
results=$(mktemp -d)
for project in tests/Mamori.Core.Tests tests/Mamori.AccessMonitoring.Tests tests/Mamori.Tests tests/Mamori.BrowserTests; do
  name=$(basename "$project")
  echo "--> $name"
  started=$SECONDS
  if ! timeout "$project_timeout" dotnet test "$project" -c Release --no-build --nologo 2>&1 | tee "$results/$name.log"; then
    status=1
  fi
  echo "    $name: $((SECONDS - started)) s"
done

passed=0; failed=0; skipped=0; unfinished=()
for project in tests/Mamori.Core.Tests tests/Mamori.AccessMonitoring.Tests tests/Mamori.Tests tests/Mamori.BrowserTests; do
  name=$(basename "$project")
  # VSTest's summary: "Passed!  - Failed:     0, Passed:    79, Skipped:     0, Total:    79"
  summary=$(grep -Eo "Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+" "$results/$name.log" | tail -n 1 || true)
  if [ -z "$summary" ]; then
    unfinished+=("$name")
    failed=$((failed + 1))
    status=1
    continue
  fi
  f=$(sed -E 's/Failed: +([0-9]+).*/\1/' <<<"$summary")
  p=$(sed -E 's/.*Passed: +([0-9]+).*/\1/' <<<"$summary")
  s=$(sed -E 's/.*Skipped: +([0-9]+).*/\1/' <<<"$summary")
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
done
rm -rf "$results"
for name in "${unfinished[@]}"; do
  echo "$name did not finish (no test summary: crashed or stopped after ${project_timeout} s); counted as 1 failed."
done
echo "    whole run: $SECONDS s"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
