#!/usr/bin/env bash
# Functions that create, start and stop a private PostgreSQL cluster from the installed server binaries
# (initdb, pg_ctl, postgres). Sourced by run.sh, test.sh and scripts/db.sh.
#
# A cluster "home" folder holds everything of one cluster and belongs to the user the server runs as:
#   data/        the cluster (PGDATA)
#   password     the password of the database role "enrolment"
#   port         the TCP port it listens on (127.0.0.1 only)
#   server.log   the server's log
# PostgreSQL refuses to run as root, so when the scripts run as root the server runs as a dedicated user.

PG_DATABASE=enrolment
PG_ROLE=enrolment
PG_SERVICE_USER=${ENROLMENT_PG_USER:-enrolment-pg}

pg_log() { echo "[db] $*" >&2; }

# Runs a command as the user that owns the server (the current user unless we are root).
pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    # From / so that the server's user never starts in a folder it cannot enter (such as /root).
    (cd / && runuser -u "$PG_SERVICE_USER" -- "$@")
  else
    "$@"
  fi
}

pg_ensure_service_user() {
  [ "$(id -u)" -eq 0 ] || return 0
  if ! id -u "$PG_SERVICE_USER" >/dev/null 2>&1; then
    pg_log "creating system user $PG_SERVICE_USER to run PostgreSQL"
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$PG_SERVICE_USER"
  fi
}

pg_check_binaries() {
  local bin
  for bin in initdb pg_ctl postgres psql; do
    command -v "$bin" >/dev/null 2>&1 || { pg_log "missing '$bin' on PATH (PostgreSQL 15 server binaries)"; return 1; }
  done
}

# Gives the home folder to the server's user (created first when missing), or fails when that user cannot reach it.
pg_own_home() {
  local home=$1
  pg_ensure_service_user
  mkdir -p "$home"
  if [ "$(id -u)" -eq 0 ]; then
    chown "$PG_SERVICE_USER" "$home"
  fi
  chmod 700 "$home"
  pg_as_owner test -w "$home" 2>/dev/null
}

pg_port_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

pg_free_port() {
  local port tries=0 first=20000 span=30000 ephemeral
  # Below the kernel's ephemeral range when there is room: a port picked inside it can be taken, before the server
  # binds it, by the local end of some outgoing connection (a pool opening to the database, say).
  ephemeral=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 0)
  if [ "$ephemeral" -gt $((first + 2000)) ]; then span=$((ephemeral - first)); fi
  while [ $tries -lt 200 ]; do
    port=$((first + RANDOM % span))
    if pg_port_free "$port"; then echo "$port"; return 0; fi
    tries=$((tries + 1))
  done
  pg_log "no free port found"
  return 1
}

# pg_init HOME PORT [throwaway]: creates the cluster once; later calls leave it as it is.
pg_init() {
  local home=$1 port=$2 throwaway=${3:-}
  pg_check_binaries
  pg_ensure_service_user
  if [ -f "$home/data/PG_VERSION" ]; then
    return 0
  fi
  pg_own_home "$home" || { pg_log "user $PG_SERVICE_USER cannot write to $home"; return 1; }
  local password
  password=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
  pg_as_owner sh -c "umask 077; printf '%s' '$password' > '$home/password'; printf '%s' '$port' > '$home/port'"
  pg_log "creating a PostgreSQL cluster in $home"
  pg_as_owner sh -c "umask 077; printf '%s\n' '$password' > '$home/.pwfile'"
  pg_as_owner initdb --pgdata="$home/data" --username="$PG_ROLE" --pwfile="$home/.pwfile" \
    --auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$home/initdb.log" 2>&1 \
    || { cat "$home/initdb.log" >&2; return 1; }
  rm -f "$home/.pwfile"
  # Only loopback clients, by password; nothing else is accepted.
  pg_as_owner sh -c "cat > '$home/data/pg_hba.conf'" <<HBA
local   all   all                  trust
host    all   all   127.0.0.1/32   scram-sha-256
HBA
  {
    echo "listen_addresses = '127.0.0.1'"
    echo "port = $port"
    echo "unix_socket_directories = '$home'"
    echo "max_connections = 500"   # several silos and gateways, each with its pools
    echo "log_min_messages = warning"
    if [ -n "$throwaway" ]; then
      # A throwaway cluster trades durability for speed: it is removed after the tests anyway.
      echo "fsync = off"
      echo "synchronous_commit = off"
      echo "full_page_writes = off"
    fi
  } | pg_as_owner sh -c "cat >> '$home/data/postgresql.conf'"
}

pg_port() { cat "$1/port"; }
pg_password() { cat "$1/password"; }

pg_is_running() {
  pg_as_owner pg_ctl --pgdata="$1/data" status >/dev/null 2>&1
}

# pg_start HOME: starts the server (when not running) and creates the database once.
pg_start() {
  local home=$1
  if ! pg_is_running "$home"; then
    # In a session of its own: a Ctrl-C in the terminal must not stop the database before the silos leave.
    pg_as_owner setsid pg_ctl --pgdata="$home/data" --log="$home/server.log" --wait --timeout=60 --silent start >/dev/null \
      || { tail -n 20 "$home/server.log" >&2; return 1; }
  fi
  local port
  port=$(pg_port "$home")
  if [ "$(PGPASSWORD=$(pg_password "$home") psql -h 127.0.0.1 -p "$port" -U "$PG_ROLE" -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = '$PG_DATABASE'")" != "1" ]; then
    PGPASSWORD=$(pg_password "$home") psql -q -h 127.0.0.1 -p "$port" -U "$PG_ROLE" -d postgres \
      -c "CREATE DATABASE $PG_DATABASE" >/dev/null
  fi
  pg_log "PostgreSQL ready on 127.0.0.1:$port (database $PG_DATABASE)"
}

pg_stop() {
  local home=$1
  if [ -f "$home/data/PG_VERSION" ] && pg_is_running "$home"; then
    pg_as_owner pg_ctl --pgdata="$home/data" --mode=fast --wait --silent stop >/dev/null || true
  fi
}

# The Npgsql connection string of the cluster in HOME.
pg_connection_string() {
  local home=$1
  echo "Host=127.0.0.1;Port=$(pg_port "$home");Username=$PG_ROLE;Password=$(pg_password "$home");Database=$PG_DATABASE;Maximum Pool Size=50"
}

# A new, empty home for a throwaway cluster, owned by the server's user (works when the repository
# sits in a folder that user cannot enter, such as /root).
pg_new_throwaway_home() {
  pg_ensure_service_user
  local home
  home=$(mktemp -d "${TMPDIR:-/tmp}/enrolment-pg.XXXXXX")
  pg_own_home "$home" || { pg_log "user $PG_SERVICE_USER cannot write to $home"; return 1; }
  touch "$home/throwaway" 2>/dev/null || pg_as_owner touch "$home/throwaway"
  echo "$home"
}

pg_remove_home() {
  local home=$1
  pg_stop "$home"
  if [ -f "$home/throwaway" ]; then
    rm -rf "$home"
  fi
}
