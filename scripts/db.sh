#!/usr/bin/env bash
# A private PostgreSQL for development and tests.
#
#   eval "$(scripts/db.sh start)"     throwaway cluster on a free port; exports ENROLMENT_DB and ENROLMENT_DB_HOME
#   scripts/db.sh stop                stops it and removes it (uses $ENROLMENT_DB_HOME)
#   scripts/db.sh start DIR [PORT]    a cluster kept in DIR (created the first time, default port 55432)
#   scripts/db.sh stop DIR            stops the cluster in DIR (a kept cluster is not removed)
#   scripts/db.sh down [DIR]          stops the server, data kept (fault tests); "up" starts it again
#   scripts/db.sh restart [DIR]       down then up
#   scripts/db.sh env [DIR]           prints the export lines for a running cluster
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=scripts/postgres.sh
source "$here/postgres.sh"

print_env() {
  printf "export ENROLMENT_DB='%s'\n" "$(pg_connection_string "$1")"
  printf "export ENROLMENT_DB_HOME='%s'\n" "$1"
}

command=${1:-}
case "$command" in
  start)
    if [ -n "${2:-}" ]; then
      home=$(mkdir -p "$2" && cd "$2" && pwd)
      pg_init "$home" "${3:-55432}"
    else
      home=$(pg_new_throwaway_home)
      pg_init "$home" "$(pg_free_port)" throwaway
    fi
    pg_start "$home"
    print_env "$home"
    ;;
  stop)
    home=${2:-${ENROLMENT_DB_HOME:-}}
    [ -n "$home" ] || { echo "usage: scripts/db.sh stop DIR (or set ENROLMENT_DB_HOME)" >&2; exit 2; }
    pg_remove_home "$home"
    ;;
  down|up|restart)
    home=${2:-${ENROLMENT_DB_HOME:-}}
    [ -n "$home" ] || { echo "usage: scripts/db.sh $command DIR (or set ENROLMENT_DB_HOME)" >&2; exit 2; }
    if [ "$command" != up ]; then pg_stop "$home"; fi
    if [ "$command" != down ]; then pg_start "$home"; fi
    ;;
  env)
    home=${2:-${ENROLMENT_DB_HOME:-}}
    [ -n "$home" ] || { echo "usage: scripts/db.sh env DIR (or set ENROLMENT_DB_HOME)" >&2; exit 2; }
    print_env "$home"
    ;;
  *)
    sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
    ;;
esac
