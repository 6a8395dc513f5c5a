#!/usr/bin/env bash
# Imports the insurer's member file into the member directory (format: docs/import.md).
#
#   scripts/import-members.sh FILE [--full]
#
#   --full   the file lists every member: those it no longer lists are marked departed (the identity search no
#            longer finds them; their accounts keep working)
#
# The whole file is checked first: any problem is printed as "line N: column: problem" and nothing is loaded
# (exit 1). A good file is applied in one transaction and the command prints
# "added N, updated N, unchanged N, departed N".
#
# Database: ENROLMENT_DB (a PostgreSQL connection string) when set, else ./run.sh's private one in .data/postgres,
# started for the import when it is not running and stopped again afterwards.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
# shellcheck source=scripts/postgres.sh
source "$root/scripts/postgres.sh"

usage() { awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0" >&2; exit 2; }
file="" full=()
for argument in "$@"; do
  case "$argument" in
    --full) full=(--full) ;;
    -h|--help) usage ;;
    -*) echo "unknown option: $argument" >&2; usage ;;
    *) [ -z "$file" ] || usage; file=$argument ;;
  esac
done
[ -n "$file" ] || usage
[ -r "$file" ] || { echo "cannot read $file" >&2; exit 2; }
file=$(cd "$(dirname "$file")" && pwd)/$(basename "$file")

started_db=""
if [ -z "${ENROLMENT_DB:-}" ]; then
  home=$root/.data/postgres
  [ -L "$home" ] && home=$(readlink -f "$home")
  [ -f "$home/data/PG_VERSION" ] || { echo "no database: set ENROLMENT_DB, or run ./run.sh once to create its own" >&2; exit 2; }
  if ! pg_is_running "$home"; then
    pg_start "$home"
    started_db=$home
    trap 'pg_stop "$started_db"' EXIT
  fi
  ENROLMENT_DB=$(pg_connection_string "$home")
fi
export ConnectionStrings__Enrolment="$ENROLMENT_DB"

dotnet build "$root/Silo/Silo.csproj" -c Release --nologo -v quiet -clp:ErrorsOnly --disable-build-servers >&2
# Warnings only in the log: the command's own lines are what the operator reads.
cd "$root/Silo"
Serilog__MinimumLevel__Default=Warning dotnet bin/Release/net10.0/Enrolment.Silo.dll import "$file" "${full[@]}"
