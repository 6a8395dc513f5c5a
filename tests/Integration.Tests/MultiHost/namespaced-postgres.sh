#!/usr/bin/env bash
# Run inside the database host's network namespace (ip netns exec): a throwaway PostgreSQL cluster made with
# scripts/postgres.sh that also listens on that host's address and lets the private subnet in by password.
#
#   namespaced-postgres.sh start ADDRESS SUBNET   prints the cluster's home folder, then its password
#   namespaced-postgres.sh stop HOME              stops the server and removes the cluster
set -euo pipefail
# shellcheck source=scripts/postgres.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../../scripts/postgres.sh"

case "${1:-}" in
  start)
    address=$2 subnet=$3
    home=$(pg_new_throwaway_home)
    # The namespace is the host's alone, so PostgreSQL's usual port is free there.
    pg_init "$home" 5432 throwaway
    echo "listen_addresses = '127.0.0.1,$address'" | pg_as_owner sh -c "cat >> '$home/data/postgresql.conf'"
    echo "host    all   all   $subnet   scram-sha-256" | pg_as_owner sh -c "cat >> '$home/data/pg_hba.conf'"
    pg_start "$home"
    echo "$home"
    pg_password "$home"
    ;;
  stop)
    pg_remove_home "$2"
    ;;
  *)
    sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
    ;;
esac
