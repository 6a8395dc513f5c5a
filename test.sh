#!/usr/bin/env bash
# Runs the whole test suite: every project under tests/, against a throwaway PostgreSQL (or the server that
# ENROLMENT_DB points to), with Debian's Chromium for the browser tests, then dotnet format's check of the C# code,
# then the browser code's ESLint and node --test unit tests (npm ci from package-lock.json, run first: the gateway
# tests also start a local OpenID Connect provider from it). The last line sums
# every project:
# "N passed, N failed[, N skipped]". Exits non-zero when a test failed or a project did not build or run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
# shellcheck source=scripts/postgres.sh
source scripts/postgres.sh

say() { echo "[test] $*" >&2; }

install_chromium() {
  [ -x /usr/bin/chromium ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    say "/usr/bin/chromium is missing; install the Debian package 'chromium' (browser tests need it)"
    return 0
  fi
  say "installing Chromium from Debian packages (browser tests)"
  export DEBIAN_FRONTEND=noninteractive
  # A failed install is reported here and by the browser tests themselves, which then fail (never skip).
  # The fonts are named so that pages measure the same on every machine (the 360 px checks depend on them).
  { apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core fonts-liberation; } >/dev/null \
    || say "could not install chromium"
}

if compgen -G "tests/Browser.Tests/*.csproj" >/dev/null; then
  install_chromium
fi

# The browser code's lint and unit tests run on Node.js; a failed install makes them fail, never skip.
if { ! command -v node || ! command -v npm; } >/dev/null && [ "$(id -u)" -eq 0 ]; then
  say "installing Node.js and npm from Debian packages (browser code lint and unit tests)"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm; } >/dev/null \
    || say "could not install nodejs and npm"
fi

# The deployment tests check the systemd units with systemd-analyze; a failed install makes them fail, never skip.
if [ ! -x /usr/bin/systemd-analyze ] && [ "$(id -u)" -eq 0 ]; then
  say "installing systemd-analyze from Debian packages (deployment tests)"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends systemd; } >/dev/null \
    || say "could not install systemd"
fi

db_home=""
cleanup() {
  if [ -n "$db_home" ]; then pg_remove_home "$db_home"; fi
  if [ -n "${results:-}" ]; then rm -rf "$results"; fi
}
trap cleanup EXIT
if [ -z "${ENROLMENT_DB:-}" ]; then
  db_home=$(pg_new_throwaway_home)
  pg_init "$db_home" "$(pg_free_port)" throwaway
  pg_start "$db_home"
  ENROLMENT_DB=$(pg_connection_string "$db_home")
  # Fault tests restart this server with scripts/db.sh restart (it reads ENROLMENT_DB_HOME).
  export ENROLMENT_DB ENROLMENT_DB_HOME=$db_home
fi
export ConnectionStrings__Enrolment="$ENROLMENT_DB"

results=$(mktemp -d)
passed=0 failed=0 skipped=0

say "building the solution"
if ! dotnet build Enrolment.Orleans.sln --nologo -v quiet -clp:ErrorsOnly; then
  say "the solution did not build"
  echo "0 passed, 1 failed"
  exit 1
fi

# The Node.js packages, before any test: the browser code's lint and unit tests need them, and so do the gateway
# tests, which start the local FranceConnect provider (oidc-provider) from node_modules.
say "installing the Node.js packages (npm ci)"
npm_ready=1
if ! npm ci --no-audit --no-fund --loglevel=error >&2; then
  say "npm ci failed (are node and npm installed?)"
  npm_ready=0
fi

# Reads one counter (passed, failed, ...) from the Counters element of a trx file.
counter() { grep -o "<Counters [^>]*" "$1" | grep -o " $2=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }

# Names each failed test of a trx file with the first lines of its message, so that the end of a long log says what
# failed even when only its tail is read.
failures() {
  awk -v project="$2" '
    function text(s) {
      gsub(/&quot;/, "\"", s); gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&apos;/, "\047", s); gsub(/&amp;/, "\\&", s)
      return s
    }
    /<UnitTestResult / {
      failed = ($0 ~ /outcome="Failed"/); shown = 0; in_message = 0
      if (failed && match($0, /testName="[^"]*"/)) print "[test] FAILED " project ": " text(substr($0, RSTART + 10, RLENGTH - 11))
    }
    failed && /<Message>/ { in_message = 1; sub(/.*<Message>/, "") }
    failed && in_message && shown < 8 { line = $0; sub(/<\/Message>.*/, "", line); print "[test]     " text(line); shown++ }
    failed && /<\/Message>/ { in_message = 0 }
    /<\/UnitTestResult>/ { failed = 0 }
  ' "$1"
}

for project in tests/*/*.csproj; do
  # tests/TestKit is what the test projects share, not a test project.
  grep -q '<IsTestProject>true</IsTestProject>' "$project" || continue
  name=$(basename "$project" .csproj)
  say "running $name"
  set +e
  dotnet test "$project" --no-build --nologo -v quiet --blame-hang-timeout 10m \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" --results-directory "$results/$name"
  status=$?
  set -e
  trx=$(find "$results/$name" -name "$name.trx" 2>/dev/null | head -n 1)
  if [ -z "$trx" ]; then
    say "$name did not run (exit $status)"
    echo "[test] $name did not run (exit $status)" >>"$results/recap"
    failed=$((failed + 1))
    continue
  fi
  p=$(counter "$trx" passed)
  f=$(( $(counter "$trx" failed) + $(counter "$trx" error) + $(counter "$trx" timeout) + $(counter "$trx" aborted) ))
  s=$(counter "$trx" notExecuted)
  if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
    say "$name exited with $status"
    f=1
  fi
  say "$name: $p passed, $f failed, $s skipped"
  echo "[test] $name: $p passed, $f failed, $s skipped" >>"$results/recap"
  failures "$trx" "$name" >>"$results/recap"
  passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
done

# The C# code's layout and imports as .editorconfig sets them; counts as one test.
say "checking the C# code's format (dotnet format --verify-no-changes)"
if dotnet format Enrolment.Orleans.sln --verify-no-changes --no-restore >&2; then
  echo "[test] dotnet format: 1 passed, 0 failed" >>"$results/recap"
  passed=$((passed + 1))
else
  echo "[test] FAILED dotnet format (the files are named above; \`dotnet format Enrolment.Orleans.sln\` fixes them)" >>"$results/recap"
  failed=$((failed + 1))
fi

# The browser code: ESLint counts as one test, then each `node --test` test, read from its TAP summary.
say "running the browser code's lint and unit tests"
if [ "$npm_ready" -ne 1 ]; then
  echo "[test] npm ci failed: lint and JavaScript tests did not run" >>"$results/recap"
  failed=$((failed + 1))
else
  if npx --no-install eslint >&2; then
    echo "[test] ESLint: 1 passed, 0 failed" >>"$results/recap"
    passed=$((passed + 1))
  else
    echo "[test] FAILED ESLint (its messages are above)" >>"$results/recap"
    failed=$((failed + 1))
  fi
  set +e
  node --test --test-reporter=tap tests/js/*.test.mjs >"$results/node-test.tap" 2>&1
  status=$?
  set -e
  cat "$results/node-test.tap" >&2
  tap() { grep -o "^# $1 [0-9]*" "$results/node-test.tap" | grep -o '[0-9]*$' || echo 0; }
  p=$(tap pass)
  f=$(( $(tap fail) + $(tap cancelled) ))
  if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  echo "[test] node --test: $p passed, $f failed" >>"$results/recap"
  grep -E "^ *not ok" "$results/node-test.tap" | sed 's/^/[test] FAILED node --test: /' >>"$results/recap" || true
  passed=$((passed + p)) failed=$((failed + f))
fi

# The recap repeats each project's counts and every failure just above the last line.
if [ -f "$results/recap" ]; then cat "$results/recap" >&2; fi
summary="$passed passed, $failed failed"
if [ "$skipped" -gt 0 ]; then summary="$summary, $skipped skipped"; fi
echo "$summary"
[ "$failed" -eq 0 ]
