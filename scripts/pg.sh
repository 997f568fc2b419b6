#!/usr/bin/env bash
# A throwaway PostgreSQL for the tests and benchmarks: initdb into a temporary folder, listening
# on a Unix socket only, fsync off (its data is thrown away), trust for local connections.
#
#   eval "$(scripts/pg.sh start)"   # exports MINDOPS_TEST_POSTGRES (a URL) and MINDOPS_PG_DIR
#   scripts/pg.sh stop              # stops it and removes the folder
#
# Run as root it runs the server as the `postgres` user (initdb refuses root). Installs nothing:
# .ci/run installs the Debian package first.
set -euo pipefail

bindir() {
    local dir
    if command -v initdb >/dev/null 2>&1; then
        dirname "$(readlink -f "$(command -v initdb)")"
        return
    fi
    for dir in /usr/lib/postgresql/*/bin; do
        [ -x "$dir/initdb" ] && { echo "$dir"; return; }
    done
    echo "no PostgreSQL found: install it (Debian: apt-get install postgresql)" >&2
    exit 1
}

as_server() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

case "${1:-}" in
start)
    bin=$(bindir)
    dir=$(mktemp -d /tmp/mindops-pg.XXXXXX)
    chmod 755 "$dir"
    mkdir "$dir/data" "$dir/socket"
    [ "$(id -u)" = 0 ] && chown postgres "$dir/data" "$dir/socket"
    as_server "$bin/initdb" --pgdata="$dir/data" --username=postgres --auth=trust \
        --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
        { cat "$dir/initdb.log" >&2; exit 1; }
    as_server "$bin/pg_ctl" --pgdata="$dir/data" --log="$dir/data/server.log" --wait \
        --options="-c listen_addresses='' -c unix_socket_directories='$dir/socket' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >/dev/null || { cat "$dir/data/server.log" >&2; exit 1; }
    echo "export MINDOPS_PG_DIR='$dir'"
    echo "export MINDOPS_TEST_POSTGRES='postgres://postgres@${dir//\//%2F}%2Fsocket/postgres'"
    ;;
stop)
    dir=${MINDOPS_PG_DIR:?set by scripts/pg.sh start}
    as_server "$(bindir)/pg_ctl" --pgdata="$dir/data" --mode=fast stop >/dev/null || true
    rm -rf "$dir"
    ;;
*)
    echo "usage: scripts/pg.sh start|stop" >&2
    exit 2
    ;;
esac
