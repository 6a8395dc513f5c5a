#!/usr/bin/env bash
# Runs Enrolment on this machine: PostgreSQL (a private cluster under .data/, kept across runs, unless
# ENROLMENT_DB points to a server), the schema, the member directory (loaded on the first run), silos and
# gateways in the Development environment. Ctrl-C or SIGTERM stops everything.
#
#   ./run.sh [--silos N] [--gateways N] [--members N] [--port P] [--franceconnect]
#
#   --silos N      silos to run (default 1); silo i listens on 11111+i and 30000+i (i from 0), and serves
#                  /metrics and the Orleans dashboard on 127.0.0.1:9090+i
#   --gateways N   gateways to run (default 1), on consecutive ports from --port (default 5080); gateway i
#                  serves /metrics on 127.0.0.1:9190+i
#   --members N    members in the directory when it is first loaded (default 10000)
#   --port P       first gateway's HTTP port (default 5080)
#   --franceconnect  also runs the local provider set up like FranceConnect (tests/franceconnect/provider.mjs,
#                  Node.js; its packages installed with npm ci when missing) on ENROLMENT_FC_PORT (5090), and
#                  registers the gateways with it: « S'identifier avec FranceConnect » then works locally
#
# Environment: ENROLMENT_DB (a PostgreSQL connection string: use that server instead of the private one),
# ENROLMENT_PG_USER (the system user that runs the private server when run as root, default enrolment-pg,
# created when missing), ENROLMENT_DB_PORT (55432), ENROLMENT_HTTP_PORT (5080), ENROLMENT_SILO_PORT (11111),
# ENROLMENT_GATEWAY_PORT (30000), ENROLMENT_MANAGEMENT_PORT (9090: silos from there, gateways from 100 above),
# OTEL_EXPORTER_OTLP_ENDPOINT (also export metrics and traces over OTLP there).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
root=$(pwd)
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
# shellcheck source=scripts/postgres.sh
source scripts/postgres.sh

silos=1 gateways=1 members=10000 http_port=${ENROLMENT_HTTP_PORT:-5080}
silo_port=${ENROLMENT_SILO_PORT:-11111} gateway_port=${ENROLMENT_GATEWAY_PORT:-30000}
management_port=${ENROLMENT_MANAGEMENT_PORT:-9090}
db_port=${ENROLMENT_DB_PORT:-55432}
franceconnect=0 fc_port=${ENROLMENT_FC_PORT:-5090}
while [ $# -gt 0 ]; do
  case "$1" in
    --silos) silos=$2; shift 2 ;;
    --gateways) gateways=$2; shift 2 ;;
    --members) members=$2; shift 2 ;;
    --port) http_port=$2; shift 2 ;;
    --franceconnect) franceconnect=1; shift ;;
    -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (see ./run.sh --help)" >&2; exit 2 ;;
  esac
done

say() { echo "[run] $*" >&2; }
started=$(date +%s)

for ((i = 0; i < gateways; i++)); do
  pg_port_free $((http_port + i)) || { say "port $((http_port + i)) is in use (another ./run.sh?); try --port"; exit 1; }
  pg_port_free $((management_port + 100 + i)) || { say "port $((management_port + 100 + i)) is in use (another ./run.sh?)"; exit 1; }
done
if [ "$franceconnect" = 1 ]; then
  pg_port_free "$fc_port" || { say "port $fc_port is in use; set ENROLMENT_FC_PORT"; exit 1; }
  command -v node >/dev/null || { say "--franceconnect needs Node.js (apt-get install nodejs npm)"; exit 1; }
fi
for ((i = 0; i < silos; i++)); do
  for port in $((silo_port + i)) $((gateway_port + i)) $((management_port + i)); do
    pg_port_free "$port" || { say "port $port is in use (another ./run.sh?)"; exit 1; }
  done
done

children=()
db_home=""
stop_all() {
  trap - INT TERM EXIT
  say "stopping"
  local pid
  # Gateways first, then silos (each leaves the cluster gracefully), then the database.
  for pid in "${children[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${children[@]}"; do
    for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  if [ -n "$db_home" ]; then pg_stop "$db_home"; say "PostgreSQL stopped (data kept in $db_home)"; fi
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap 'stop_all' EXIT

say "building"
# Without build servers: nothing of the build keeps running after Ctrl-C.
for project in Silo/Silo.csproj Gateway/Gateway.csproj; do
  dotnet build "$project" -c Release --nologo -v quiet -clp:ErrorsOnly --disable-build-servers >&2
done

# The cluster's data folder must be one the server's user can enter; when the checkout sits in a folder it
# cannot (such as /root), the data lives in /var/tmp and .data/postgres points to it.
database_home() {
  local home=$root/.data/postgres
  if [ -L "$home" ]; then readlink -f "$home"; return; fi
  if [ -f "$home/data/PG_VERSION" ]; then echo "$home"; return; fi
  mkdir -p "$root/.data"
  if pg_own_home "$home"; then echo "$home"; return; fi
  rmdir "$home" 2>/dev/null || true
  local elsewhere
  elsewhere=/var/tmp/enrolment-pg-$(echo "$root" | md5sum | cut -c1-12)
  pg_own_home "$elsewhere" || { say "cannot create $elsewhere"; exit 1; }
  ln -s "$elsewhere" "$home"
  echo "$elsewhere"
}

if [ -z "${ENROLMENT_DB:-}" ]; then
  db_home=$(database_home)
  pg_init "$db_home" "$db_port"
  pg_start "$db_home"
  ENROLMENT_DB=$(pg_connection_string "$db_home")
  export ENROLMENT_DB
fi
export ConnectionStrings__Enrolment="$ENROLMENT_DB"
export DOTNET_ENVIRONMENT=Development ASPNETCORE_ENVIRONMENT=Development

# Migrates the schema, and loads the directory when it holds fewer members than asked (the first run).
say "preparing the database"
(cd Silo && dotnet bin/Release/net10.0/Enrolment.Silo.dll seed --members "$members")

# start NAME DIR COMMAND...: runs a child with its output prefixed by its name.
start() {
  local name=$1 dir=$2
  shift 2
  # The prefixer ignores Ctrl-C so that the children's last words (graceful shutdown) still show.
  (cd "$dir" && exec "$@") > >(trap '' INT; exec sed -u "s/^/[$name] /") 2>&1 &
  children=("$!" "${children[@]}")
}

for ((i = 0; i < silos; i++)); do
  start "silo-$i" Silo env Orleans__SiloPort=$((silo_port + i)) Orleans__GatewayPort=$((gateway_port + i)) \
    Management__Urls="http://127.0.0.1:$((management_port + i))" dotnet bin/Release/net10.0/Enrolment.Silo.dll
done
fc_message=""
if [ "$franceconnect" = 1 ]; then
  [ -d node_modules/oidc-provider ] || { say "installing the Node.js packages (npm ci)"; npm ci --no-audit --no-fund --loglevel=error >&2; }
  callbacks="" logouts=""
  for ((i = 0; i < gateways; i++)); do
    callbacks+="${callbacks:+,}http://127.0.0.1:$((http_port + i))/franceconnect/callback"
    logouts+="${logouts:+,}http://127.0.0.1:$((http_port + i))/franceconnect/logged-out"
  done
  start franceconnect . env PORT="$fc_port" FC_REDIRECT_URIS="$callbacks" FC_POST_LOGOUT_URIS="$logouts" \
    FC_CLIENT_SECRET=secret-de-test-franceconnect-0123456789 node tests/franceconnect/provider.mjs
  # The gateways read these (the Development environment only: the provider is a test double).
  export FranceConnect__Authority="http://127.0.0.1:$fc_port/api/v2" FranceConnect__ClientId=franceconnect-test \
    FranceConnect__ClientSecret=secret-de-test-franceconnect-0123456789
  until curl -fsS -o /dev/null --max-time 5 "$FranceConnect__Authority/.well-known/openid-configuration" 2>/dev/null; do
    if [ $(($(date +%s) - started)) -gt 300 ]; then say "the local FranceConnect is not ready after 5 minutes"; exit 1; fi
    sleep 0.5
  done
  fc_message="  franceconnect $FranceConnect__Authority   (local provider: pick a test identity, e.g. paul-comet)"
fi

for ((i = 0; i < gateways; i++)); do
  start "gateway-$i" Gateway env Management__Urls="http://127.0.0.1:$((management_port + 100 + i))" dotnet bin/Release/net10.0/Enrolment.Gateway.dll --urls "http://127.0.0.1:$((http_port + i))"
done

for ((i = 0; i < gateways; i++)); do
  url="http://127.0.0.1:$((http_port + i))/health/ready"
  until curl -fsS -o /dev/null --max-time 5 "$url" 2>/dev/null; do
    if [ $(($(date +%s) - started)) -gt 300 ]; then say "not ready after 5 minutes: $url"; exit 1; fi
    for pid in "${children[@]}"; do kill -0 "$pid" 2>/dev/null || { say "a process exited during start-up"; exit 1; }; done
    sleep 1
  done
done

base="http://127.0.0.1:$http_port"
cat >&2 <<MSG

Enrolment is ready ($(($(date +%s) - started)) s): $silos silo(s), $gateways gateway(s)
  wizard      $base/
  dev inbox   $base/dev-inbox.html   (API: $base/dev/outbox/sms?to=0639983708)
  health      $base/health/ready
$(for ((i = 0; i < silos; i++)); do
  printf '  silo-%s      http://127.0.0.1:%s/metrics   dashboard http://127.0.0.1:%s/dashboard/\n' "$i" $((management_port + i)) $((management_port + i))
done)
$(for ((i = 0; i < gateways; i++)); do
  printf '  gateway-%s   http://127.0.0.1:%s/metrics\n' "$i" $((management_port + 100 + i))
done)
${fc_message}${fc_message:+
}Ctrl-C stops everything.

MSG
wait
