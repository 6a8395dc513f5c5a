#!/usr/bin/env bash
# One benchmark of the whole product on this machine, in one run. Starts its own stack (a throwaway PostgreSQL,
# made durable for the run; the member directory; one silo and one gateway built Release by ./run.sh; the load
# profile of docs/benchmarks.md), measures, prints a table, and stops everything it started, also on Ctrl-C or failure.
#
#   scripts/bench.sh [--quick] [--timing] [--json FILE]
#
#   --quick      shorter phases: done within 4 minutes once the builds are up to date
#   --timing     instead of the phases below: enrols 200 members, then times sign-in and lost password for them,
#                for directory members without an account and for unknown numbers (docs/reliability.md)
#   --json FILE  also write the figures as JSON (fields described in docs/benchmarks.md)
#
# Measured, in this order: PostgreSQL's durable-upsert ceiling (pgbench), the Argon2id ceiling (the load generator's
# hash-benchmark), a warm-up, persisted steps/s without hashing with CPU per step of each process and PostgreSQL
# transactions per step, full-mix journeys/s with hashes per journey, latency at an open rate of half the steps/s
# measured without hashing. On a shared machine every figure moves with the other load: read them as lower bounds.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
cd "$root"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
# shellcheck source=scripts/postgres.sh
source "$here/postgres.sh"

quick="" timing="" json_file=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1; shift ;;
    --timing) timing=200; shift ;;
    --json) json_file=$2; shift 2 ;;
    -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (see scripts/bench.sh --help)" >&2; exit 2 ;;
  esac
done
if [ -n "$json_file" ]; then json_file=$(realpath -m "$json_file"); fi

# Seconds of each phase. The warm-up lets the request path reach its last JIT tier before anything is measured
# (docs/benchmarks.md, "On-CPU profile"). ENROLMENT_BENCH_SECONDS (undocumented on purpose) shortens every phase
# to that, for the test that checks the script itself.
if [ -n "$quick" ]; then
  pg_secs=10 hash_secs=10 warm_secs=20 ramp_secs=3 run_secs=20 members=100000
else
  pg_secs=15 hash_secs=15 warm_secs=30 ramp_secs=5 run_secs=30 members=300000
fi
if [ -n "${ENROLMENT_BENCH_SECONDS:-}" ]; then
  pg_secs=$ENROLMENT_BENCH_SECONDS hash_secs=$ENROLMENT_BENCH_SECONDS warm_secs=$ENROLMENT_BENCH_SECONDS
  run_secs=$ENROLMENT_BENCH_SECONDS ramp_secs=0 members=50000
fi
users=64
if [ -n "$timing" ]; then members=10000; fi

say() { echo "[bench] $*" >&2; }
began=$(date +%s)
work=$(mktemp -d "${TMPDIR:-/tmp}/enrolment-bench.XXXXXX")
stack_pid="" load_pid="" silo_pid="" gateway_pid="" db_home=""

# Gateway, then ./run.sh (which stops its silo and gateway gracefully), then the database.
stop_all() {
  trap - INT TERM EXIT
  if [ -n "$load_pid" ]; then kill -TERM "$load_pid" 2>/dev/null || true; fi
  if [ -n "$stack_pid" ] && kill -0 "$stack_pid" 2>/dev/null; then
    say "stopping the stack"
    kill -TERM "$stack_pid" 2>/dev/null || true
    for _ in $(seq 1 600); do kill -0 "$stack_pid" 2>/dev/null || break; sleep 0.1; done
  fi
  local pid
  for pid in $stack_pid $silo_pid $gateway_pid $load_pid; do kill -KILL "$pid" 2>/dev/null || true; done
  if [ -n "$db_home" ]; then "$here/db.sh" stop "$db_home" || true; say "PostgreSQL stopped and removed"; fi
  rm -rf "$work"
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap 'stop_all' EXIT

say "building the load generator (Release)"
dotnet build LoadTest/LoadTest.csproj -c Release --nologo -v quiet -clp:ErrorsOnly --disable-build-servers >&2
load_dll=$root/LoadTest/bin/Release/net10.0/Enrolment.LoadTest.dll

# The database: a throwaway cluster, but with the durability the product runs with (db.sh turns it off for tests).
eval "$("$here/db.sh" start)"
db_home=$ENROLMENT_DB_HOME
export PGHOST=127.0.0.1 PGPORT PGUSER=$PG_ROLE PGDATABASE=$PG_DATABASE PGPASSWORD
PGPORT=$(pg_port "$db_home") PGPASSWORD=$(pg_password "$db_home")
for setting in "fsync = on" "synchronous_commit = on" "full_page_writes = on"; do
  psql -qX -v ON_ERROR_STOP=1 -c "ALTER SYSTEM SET $setting" >/dev/null
done
psql -qX -tA -c "SELECT pg_reload_conf()" >/dev/null

# The stack, with the load profile of docs/benchmarks.md, on ports nobody uses.
export RateLimits__IdentitySearchPerMinute=1000000 RateLimits__CodeResendPerMinute=1000000 \
  RateLimits__SignInPerMinute=1000000 RateLimits__PasswordResetPerMinute=1000000 Delivery__Sms__MaxPerHour=100000000 Delivery__Sms__MaxPerPhone=100000000
http_port=$(pg_free_port)
ENROLMENT_SILO_PORT=$(pg_free_port) ENROLMENT_GATEWAY_PORT=$(pg_free_port)
export ENROLMENT_SILO_PORT ENROLMENT_GATEWAY_PORT
# The silo's management listener, and the gateway's 100 above it (run.sh's scheme), both free: a ./run.sh already
# running on the default ports is no obstacle.
management_port=$(pg_free_port)
while ! pg_port_free $((management_port + 100)); do management_port=$(pg_free_port); done
export ENROLMENT_MANAGEMENT_PORT=$management_port
target=http://127.0.0.1:$http_port
say "starting the stack (build, $members members, one silo, one gateway): log in $work/stack.log"
"$root/run.sh" --members "$members" --port "$http_port" >"$work/stack.log" 2>&1 &
stack_pid=$!
until curl -fsS -o /dev/null --max-time 5 "$target/health/ready" 2>/dev/null; do
  if ! kill -0 "$stack_pid" 2>/dev/null || [ $(($(date +%s) - began)) -gt 600 ]; then
    tail -n 30 "$work/stack.log" >&2
    say "the stack did not get ready"
    exit 1
  fi
  sleep 1
done

descendants() { local child; for child in $(pgrep -P "$1"); do echo "$child"; descendants "$child"; done; }
program_pid() {
  local pid
  for pid in $(descendants "$stack_pid"); do
    if tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "$1"; then echo "$pid"; return; fi
  done
}
silo_pid=$(program_pid Enrolment.Silo.dll)
gateway_pid=$(program_pid Enrolment.Gateway.dll)
postmaster_pid=$(head -n 1 "$db_home/data/postmaster.pid")
[ -n "$silo_pid" ] && [ -n "$gateway_pid" ] || { say "silo or gateway process not found"; exit 1; }

# CPU time of processes, in clock ticks (utime + stime of /proc/PID/stat; the name field may hold spaces).
ticks() {
  local pid own total=0
  for pid in "$@"; do
    own=$(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null | awk '{ print $12 + $13 }') || true
    total=$((total + ${own:-0}))
  done
  echo "$total"
}
postgres_ticks() { ticks "$postmaster_pid" $(pgrep -P "$postmaster_pid"); }
clock_ticks=$(getconf CLK_TCK)
commits() { psql -qX -tA -c "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()"; }

# load NAME ARGS...: one run of the load generator, its report in $work/NAME.json; its exit status is kept.
failures=0
load() {
  local name=$1
  shift
  dotnet "$load_dll" --target "$target" --directory-size "$members" --cursor "$work/cursor" --no-progress \
    --json "$work/$name.json" "$@" >"$work/$name.log" 2>&1 &
  load_pid=$!
  if ! wait "$load_pid"; then
    failures=$((failures + 1))
    say "$name: the load generator reported unexpected answers or failed (last lines below)"
    tail -n 15 "$work/$name.log" >&2
  fi
  load_pid=""
  [ -f "$work/$name.json" ] || { say "$name wrote no report"; exit 1; }
}

# measured NAME ARGS...: a load run with the CPU of silo, gateway and PostgreSQL and the commits around it.
measured() {
  local name=$1 silo0 gateway0 pg0 commits0 silo1 gateway1 pg1
  shift
  silo0=$(ticks "$silo_pid") gateway0=$(ticks "$gateway_pid") pg0=$(postgres_ticks) commits0=$(commits)
  load "$name" "$@"
  silo1=$(ticks "$silo_pid") gateway1=$(ticks "$gateway_pid") pg1=$(postgres_ticks)
  sleep 2 # PostgreSQL publishes a backend's counters up to a second after it goes idle
  jq -n --argjson silo $((silo1 - silo0)) --argjson gateway $((gateway1 - gateway0)) \
    --argjson postgres $((pg1 - pg0)) --argjson commits $(($(commits) - commits0)) \
    --argjson hz "$clock_ticks" \
    '{silo: ($silo * 1000 / $hz), gateway: ($gateway * 1000 / $hz), postgres: ($postgres * 1000 / $hz), commits: $commits}' \
    >"$work/$name.server.json"
}

if [ -n "$timing" ]; then
  say "timing: enrolling $timing members (SMS to the phone on file), then $timing answers of each kind, one at a time"
  load enrol --users 8 --journeys "$timing" --mix 100,0,0 --sign-ins 0
  dotnet "$load_dll" timing --target "$target" --directory-size "$members" --enrolled-from 0 --count "$timing" \
    ${json_file:+--json "$json_file"}
  exit
fi

load_before=$(cut -d ' ' -f 1 /proc/loadavg)

say "PostgreSQL durable-upsert ceiling (${pg_secs} s)"
psql -qX -v ON_ERROR_STOP=1 -c "SET client_min_messages = warning; DROP TABLE IF EXISTS ceiling_probe;
  CREATE TABLE ceiling_probe (id bigint PRIMARY KEY, version int NOT NULL, payload bytea NOT NULL)" >/dev/null
cat >"$work/upsert.sql" <<'SQL'
\set k random(1, 100000)
INSERT INTO ceiling_probe (id, version, payload) VALUES (:k, 1, decode(repeat('ab', 400), 'hex'))
ON CONFLICT (id) DO UPDATE SET payload = EXCLUDED.payload, version = ceiling_probe.version + 1;
SQL
pg_ceiling=$(pgbench -n -f "$work/upsert.sql" -c 32 -j 2 -T "$pg_secs" 2>/dev/null | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
psql -qX -c "DROP TABLE ceiling_probe" >/dev/null
[ -n "$pg_ceiling" ] || { say "pgbench gave no figure"; exit 1; }

say "Argon2id ceiling (${hash_secs} s)"
dotnet "$load_dll" hash-benchmark --duration "${hash_secs}s" --json "$work/hash.json" >"$work/hash.log" 2>&1
hash_ceiling=$(jq '.hashesPerSecond' "$work/hash.json")

say "warm-up (${warm_secs} s, not measured)"
load warm-up --users "$users" --duration "${warm_secs}s" --stop-after member-number --mix 100,0,0

say "persisted steps without hashing, $users members, closed model (${ramp_secs} + ${run_secs} s)"
measured steps --users "$users" --ramp-up "${ramp_secs}s" --duration "${run_secs}s" --stop-after member-number --mix 100,0,0

say "full mix without sign-in, $users members, closed model (${ramp_secs} + ${run_secs} s)"
measured mix --users "$users" --ramp-up "${ramp_secs}s" --duration "${run_secs}s" --sign-ins 0

# Half the capacity measured without hashing, as journeys started per second (each stops after member-number).
open_rate=$(jq '[.throughput.persistedStepsPerSecond / 2, (.throughput.persistedSteps / ([.journeys.completed, 1] | max))]
  | (.[0] / .[1] * 100 | round) / 100' "$work/steps.json")
say "open model at half that capacity: $open_rate journeys/s (${ramp_secs} + ${run_secs} s)"
load open --rate "$open_rate" --ramp-up "${ramp_secs}s" --duration "${run_secs}s" --stop-after member-number --mix 100,0,0

load_after=$(cut -d ' ' -f 1 /proc/loadavg)
figures=$(jq -n \
  --argjson pg "$pg_ceiling" --argjson hash "$hash_ceiling" \
  --slurpfile steps "$work/steps.json" --slurpfile stepsServer "$work/steps.server.json" \
  --slurpfile mix "$work/mix.json" --slurpfile mixServer "$work/mix.server.json" --slurpfile open "$work/open.json" \
  --argjson openRate "$open_rate" --argjson seconds $(($(date +%s) - began)) --arg quick "$quick" \
  --arg loadBefore "$load_before" --arg loadAfter "$load_after" --argjson failures "$failures" \
  --argjson pids "[$silo_pid, $gateway_pid, $postmaster_pid]" --argjson ports "[$http_port, $PGPORT]" '
  def r(n): (. * n | round) / n;
  def perRequest(run; server): (run.throughput.requests | if . == 0 then 1 else . end) as $n
    | {silo: (server.silo / $n | r(1000)), gateway: (server.gateway / $n | r(1000)),
       postgres: (server.postgres / $n | r(1000)), loadGenerator: (run.processCpuMs / $n | r(1000))};
  def hashingSteps: ["password", "member-number-letter", "first-login", "sign-in"];
  ($steps[0]) as $s | ($mix[0]) as $m | ($open[0]) as $o
  | ([$m.steps[] | select(.name as $n | hashingSteps | index($n)) | .count] | add // 0) as $hashes
  | ($hashes / ([$m.journeys.completed, 1] | max) | r(100)) as $perJourney
  | ([$o.steps[] | select(.count > 0)]) as $openSteps
  # Hashing journeys outlast a very short window: then the whole run is the measure.
  | ($m.throughput.completedJourneysPerSecond | if . > 0 then . else ($m.journeys.completed / $m.elapsedSeconds | r(100)) end) as $journeys
  | {
      formatVersion: 1,
      quick: ($quick != ""),
      seconds: $seconds,
      loadAverage: {before: ($loadBefore | tonumber), after: ($loadAfter | tonumber)},
      pgCeilingPerSecond: ($pg | r(10)),
      hashCeilingPerSecond: ($hash | r(100)),
      persistedStepsPerSecond: $s.throughput.persistedStepsPerSecond,
      stepsToPgCeiling: ($s.throughput.persistedStepsPerSecond / $pg | r(1000)),
      cpuMsPerStep: perRequest($s; $stepsServer[0]),
      pgTransactionsPerStep: ($stepsServer[0].commits / ([$s.throughput.persistedSteps, 1] | max) | r(100)),
      journeysPerSecond: $journeys,
      hashesPerJourney: $perJourney,
      journeysToHashCeiling: (if $perJourney > 0 then $journeys / ($hash / $perJourney) | r(1000) else 0 end),
      fullMixCpuMsPerRequest: perRequest($m; $mixServer[0]),
      openRate: {
        rate: ($openRate * $s.throughput.persistedSteps / ([$s.journeys.completed, 1] | max) | r(10)),
        journeysPerSecond: $openRate,
        stepsPerSecond: $o.throughput.persistedStepsPerSecond,
        p50Ms: ([$openSteps[].p50Ms] | max // 0),
        p99Ms: ([$openSteps[].p99Ms] | max // 0),
        dropped: $o.journeys.dropped
      },
      unexpectedAnswers: ($s.errors.total + $m.errors.total + $o.errors.total),
      failedRuns: $failures,
      stack: {pids: $pids, ports: $ports}
    }')
if [ -n "$json_file" ]; then echo "$figures" >"$json_file"; fi

echo "$figures" | cores=$(nproc) jq -r '
  def pct: . * 100 | tostring | .[0:5] + " %";
  "",
  "Benchmark (\(if .quick then "--quick" else "full" end), \(.seconds) s, load average \(.loadAverage.before) → \(.loadAverage.after) on \($ENV.cores) cores; a shared machine makes every figure noisy)",
  "",
  "| figure | value |",
  "|---|---|",
  "| PostgreSQL durable-upsert ceiling | \(.pgCeilingPerSecond) /s |",
  "| Argon2id ceiling | \(.hashCeilingPerSecond) hashes/s |",
  "| persisted steps/s without hashing | \(.persistedStepsPerSecond) /s = \(.stepsToPgCeiling | pct) of the PostgreSQL ceiling |",
  "| CPU ms per step: silo / gateway / PostgreSQL / load generator | \(.cpuMsPerStep.silo) / \(.cpuMsPerStep.gateway) / \(.cpuMsPerStep.postgres) / \(.cpuMsPerStep.loadGenerator) (server \(.cpuMsPerStep.silo + .cpuMsPerStep.gateway + .cpuMsPerStep.postgres | . * 1000 | round / 1000)) |",
  "| PostgreSQL transactions per step | \(.pgTransactionsPerStep) |",
  "| full-mix journeys/s (no sign-in) | \(.journeysPerSecond) /s, \(.hashesPerJourney) hashes a journey = \(.journeysToHashCeiling | pct) of the hash ceiling |",
  "| CPU ms per request, full mix: silo / gateway / PostgreSQL / load generator | \(.fullMixCpuMsPerRequest.silo) / \(.fullMixCpuMsPerRequest.gateway) / \(.fullMixCpuMsPerRequest.postgres) / \(.fullMixCpuMsPerRequest.loadGenerator) |",
  "| open model at half capacity: \(.openRate.rate) steps/s (\(.openRate.journeysPerSecond) journeys/s) | p50 \(.openRate.p50Ms) ms, p99 \(.openRate.p99Ms) ms (worst step), \(.openRate.dropped) dropped |",
  "| unexpected answers | \(.unexpectedAnswers) |",
  ""'

if [ "$failures" -gt 0 ]; then say "$failures load run(s) failed: figures written, but check them"; exit 1; fi
