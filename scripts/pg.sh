#!/usr/bin/env bash
# A throwaway PostgreSQL for the tests and benchmarks: initdb into a temporary folder, listening
# on a Unix socket only, fsync off (its data is thrown away), trust for local connections.
#
#   eval "$(scripts/pg.sh start)"   # exports MINDOPS_TEST_POSTGRES (a URL) and MINDOPS_PG_DIR
#   eval "$(scripts/pg.sh pooler)"  # PgBouncer in transaction mode in front of it: exports
#                                   # MINDOPS_TEST_POOLER (a URL without the database)
#   scripts/pg.sh stop              # stops both and removes the folder
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
        # From /: the server's user may not enter the caller's folder (a root-only scratch).
        (cd / && runuser -u postgres -- "$@")
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
pooler)
    # Transaction pooling, as a team puts it in front of a shared server. It refuses the
    # startup `options` mindops sets search_path and its timeouts in unless told to ignore
    # them; the test harness then sets them on each database (ARCHITECTURE.md).
    dir=${MINDOPS_PG_DIR:?set by scripts/pg.sh start}
    command -v pgbouncer >/dev/null || [ -x /usr/sbin/pgbouncer ] ||
        { echo "no pgbouncer: install it (Debian: apt-get install pgbouncer)" >&2; exit 1; }
    mkdir -p "$dir/pooler"
    cat > "$dir/pooler/pgbouncer.ini" <<INI
[databases]
* = host=$dir/socket port=5432
[pgbouncer]
listen_addr =
listen_port = 6432
unix_socket_dir = $dir/pooler
auth_type = trust
auth_file = $dir/pooler/users.txt
pool_mode = transaction
max_client_conn = 1000
default_pool_size = 40
ignore_startup_parameters = options,extra_float_digits
logfile = $dir/pooler/pgbouncer.log
pidfile = $dir/pooler/pgbouncer.pid
INI
    echo '"postgres" ""' > "$dir/pooler/users.txt"
    [ "$(id -u)" = 0 ] && chown -R postgres "$dir/pooler"
    as_server "$(command -v pgbouncer || echo /usr/sbin/pgbouncer)" -d "$dir/pooler/pgbouncer.ini" ||
        { cat "$dir/pooler/pgbouncer.log" >&2; exit 1; }
    echo "export MINDOPS_TEST_POOLER='postgres://postgres@${dir//\//%2F}%2Fpooler:6432'"
    ;;
stop)
    dir=${MINDOPS_PG_DIR:?set by scripts/pg.sh start}
    if [ -f "$dir/pooler/pgbouncer.pid" ]; then
        kill "$(cat "$dir/pooler/pgbouncer.pid")" 2>/dev/null || true
    fi
    as_server "$(bindir)/pg_ctl" --pgdata="$dir/data" --mode=fast stop >/dev/null || true
    rm -rf "$dir"
    ;;
*)
    echo "usage: scripts/pg.sh start|pooler|stop" >&2
    exit 2
    ;;
esac
