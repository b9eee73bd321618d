#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests' second database pass: a temporary directory, a
# free loopback port, a random password, durability off for speed, a `memorial_test` database.
# The same cluster for CI (.ci/run sources this file) and for a developer (npm run pg:throwaway).
#
#   npm run pg:throwaway -- npm test      start it, run the command with TEST_DATABASE_URL set, stop it
#   eval "$(npm run -s pg:throwaway)"     start it and export TEST_DATABASE_URL in this shell; it keeps
#                                         running (the line on stderr says how to stop it)
#   npm run pg:throwaway -- stop DIR      stop one started that way and remove its directory
#
# Needs the `postgresql` package (any major; the newest under /usr/lib/postgresql is used, or
# PGBIN). As root the cluster runs as the `postgres` user. Sourced, it only defines
# throwaway_pg_start (sets TEST_DATABASE_URL, THROWAWAY_PG_DIR) and throwaway_pg_stop.

# Full paths: /usr/local/bin/pg_ctl on some machines is another program.
throwaway_pg_bin() {
  local dir=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
  if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
    echo "PostgreSQL is not installed (no ${dir:-/usr/lib/postgresql/<major>/bin}/initdb): apt-get install -y postgresql" >&2
    return 1
  fi
  printf '%s\n' "$dir"
}

throwaway_pg_as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Starts the cluster; on success TEST_DATABASE_URL and THROWAWAY_PG_DIR are set (not exported).
throwaway_pg_start() {
  local bin dir port password
  bin=$(throwaway_pg_bin) || return 1
  dir=$(mktemp -d "${TMPDIR:-/tmp}/memorial-pg.XXXXXX")
  THROWAWAY_PG_DIR=$dir
  printf '%s\n' "$bin" >"$dir/bin"
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$dir"; fi
  chmod 700 "$dir"
  # a free loopback port, chosen by the kernel
  port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  password=$(node -e "console.log(require('crypto').randomBytes(12).toString('hex'))")
  echo "PostgreSQL $("$bin/pg_ctl" --version | awk '{print $3}') on 127.0.0.1:$port ($dir)" >&2
  (umask 077 && printf '%s\n' "$password" >"$dir/pwfile")
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$dir/pwfile"; fi
  throwaway_pg_as_owner "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/pwfile" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    return 1
  }
  rm -f "$dir/pwfile"
  # throwaway cluster: durability off for speed; unix socket inside the temp dir
  throwaway_pg_as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" \
    start >/dev/null || {
    cat "$dir/postgres.log" >&2
    return 1
  }
  PGPASSWORD="$password" "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qc 'CREATE DATABASE memorial_test' || return 1
  TEST_DATABASE_URL="postgres://postgres:${password}@127.0.0.1:${port}/memorial_test"
}

# Stops the cluster in $1 (default: the one this shell started) and removes its directory.
throwaway_pg_stop() {
  local dir=${1:-${THROWAWAY_PG_DIR:-}}
  [ -n "$dir" ] && [ -d "$dir" ] || return 0
  case $(basename "$dir") in memorial-pg.*) ;; *)
    echo "not a throwaway cluster directory: $dir" >&2
    return 1
    ;;
  esac
  if [ -f "$dir/data/postmaster.pid" ]; then
    throwaway_pg_as_owner "$(cat "$dir/bin")/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  if [ "${1:-}" = stop ]; then
    throwaway_pg_stop "${2:?usage: throwaway-pg.sh stop DIR}"
    exit 0
  fi
  trap 'throwaway_pg_stop' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  throwaway_pg_start
  if [ $# -gt 0 ]; then
    export TEST_DATABASE_URL
    "$@"
    exit $?
  fi
  trap - EXIT INT TERM
  printf "export TEST_DATABASE_URL='%s'\n" "$TEST_DATABASE_URL"
  echo "stop it with: npm run pg:throwaway -- stop $THROWAWAY_PG_DIR" >&2
fi
