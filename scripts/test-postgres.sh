#!/usr/bin/env bash
# Run a command (the test suite) with a throwaway PostgreSQL cluster on 127.0.0.1.
#
#   scripts/test-postgres.sh .venv/bin/python -m pytest -q
#
# Installs Debian's `postgresql` when no server binaries are found (apt-get, non-interactive, as root),
# creates a cluster under a temporary folder owned by an unprivileged user (`postgres` when we are root),
# starts it on a free port, exports EVENTWIRE_TEST_PG_URL for the command, and stops and removes the
# cluster afterwards, whatever the command's outcome. Where PostgreSQL cannot be installed or started,
# the command still runs, without the variable, and the PostgreSQL tests skip saying why.
set -uo pipefail

say() { echo "test-postgres: $*" >&2; }

find_bindir() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
  done
  if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
    dirname "$(command -v initdb)"; return 0
  fi
  return 1
}

run_without() {
  say "$1; the PostgreSQL tests will skip"
  exec "${@:2}"
}

if [ -n "${EVENTWIRE_TEST_PG_URL:-}" ]; then
  say "using the given EVENTWIRE_TEST_PG_URL"
  exec "$@"
fi

bindir=$(find_bindir)
if [ -z "$bindir" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing Debian's postgresql (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends postgresql >/dev/null; } \
      || say "apt-get install postgresql failed"
    bindir=$(find_bindir)
  fi
fi
[ -n "$bindir" ] || run_without "no PostgreSQL server binaries (initdb, pg_ctl) and cannot install them" "$@"

as_user=()
owner=$(id -un)
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres 2>/dev/null
  owner=postgres
  if command -v runuser >/dev/null; then as_user=(runuser -u postgres --); else as_user=(su postgres -s /bin/sh -c); fi
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/eventwire-pg.XXXXXX")
chmod 755 "$tmp"
chown "$owner" "$tmp"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')

pg() { "${as_user[@]}" "$@"; }

stop() {
  pg "$bindir/pg_ctl" -D "$tmp/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$tmp"
}

if ! pg "$bindir/initdb" -D "$tmp/data" -U postgres --auth=trust --encoding=UTF8 --no-locale >"$tmp/initdb.log" 2>&1; then
  cat "$tmp/initdb.log" >&2; rm -rf "$tmp"
  run_without "initdb failed" "$@"
fi
if ! pg "$bindir/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w -t 60 \
    -o "-p $port -k $tmp -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >/dev/null; then
  cat "$tmp/server.log" >&2; stop
  run_without "the PostgreSQL server did not start" "$@"
fi
trap stop EXIT INT TERM
if ! pg "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres eventwire_test; then
  stop; trap - EXIT INT TERM
  run_without "createdb failed" "$@"
fi

export EVENTWIRE_TEST_PG_URL="postgresql://postgres@127.0.0.1:$port/eventwire_test"
say "$("$bindir/pg_ctl" --version) on 127.0.0.1:$port (EVENTWIRE_TEST_PG_URL)"
"$@"
