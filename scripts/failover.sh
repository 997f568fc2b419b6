#!/usr/bin/env bash
# A primary fails and its standby takes over, with mindops writing all the while.
#
# Starts a PostgreSQL primary and a streaming standby made by `pg_basebackup -R` (synchronous,
# so a commit the primary acknowledges is on the standby too), points mindops at both with
# libpq's multi-host URL (`target_session_attrs=read-write`), runs writers that open incidents
# without pause, stops the primary hard, promotes the standby, and checks that the writers go
# on against the same URL, that every incident mindops said it opened is there, and that none
# is there twice. Prints the seconds no write succeeded. Exits 1 when anything was lost.
#
#   scripts/failover.sh [path/to/mindops]      (default: target/debug/mindops)
#
# Run as root it runs the servers as the `postgres` user. Installs nothing: .ci/run installs
# Debian's PostgreSQL first.
set -euo pipefail
cd "$(dirname "$0")/.."
mindops=$(readlink -f "${1:-target/debug/mindops}")
writers=4

bin=
for dir in /usr/lib/postgresql/*/bin; do [ -x "$dir/initdb" ] && bin=$dir; done
[ -n "$bin" ] || { echo "no PostgreSQL found: install it (Debian: apt-get install postgresql)" >&2; exit 1; }
as_server() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

work=$(mktemp -d /tmp/mindops-failover.XXXXXX)
chmod 755 "$work"
[ "$(id -u)" = 0 ] && chown postgres "$work"
primary_port=$(free_port)
standby_port=$(free_port)
cleanup() {
    kill "${pids[@]:-}" 2>/dev/null || true
    for node in primary standby; do
        [ -d "$work/$node" ] && as_server "$bin/pg_ctl" -D "$work/$node" -m immediate stop >/dev/null 2>&1 || true
    done
    rm -rf "$work"
}
pids=()
trap cleanup EXIT

start() { # NODE PORT
    as_server "$bin/pg_ctl" -D "$work/$1" -l "$work/$1.log" -w \
        -o "-c listen_addresses=127.0.0.1 -c port=$2 -c unix_socket_directories=$work" start >/dev/null
}

as_server "$bin/initdb" -D "$work/primary" -U postgres --auth=trust --encoding=UTF8 \
    --locale=C.UTF-8 >/dev/null
cat >> "$work/primary/postgresql.conf" <<CONF
wal_level = replica
max_wal_senders = 4
synchronous_standby_names = '*'
fsync = off
CONF
echo "host replication postgres 127.0.0.1/32 trust" >> "$work/primary/pg_hba.conf"
start primary "$primary_port"
as_server "$bin/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U postgres -D "$work/standby" -R \
    -X stream >/dev/null
# Once promoted the standby has no standby of its own to wait for, as a failover tool would set.
echo "synchronous_standby_names = ''" >> "$work/standby/postgresql.conf"
start standby "$standby_port"
as_server "$bin/psql" -q -h 127.0.0.1 -p "$primary_port" -U postgres -c "CREATE DATABASE mindops"

url="postgres://postgres@127.0.0.1:$primary_port,127.0.0.1:$standby_port/mindops?target_session_attrs=read-write&sslmode=disable&connect_timeout=2"
export MINDOPS_DB=$url MINDOPS_USER=failover NO_COLOR=1
mkdir -p "$work/config"
cp rotation.yaml thresholds.yaml "$work/config/"
export MINDOPS_CONFIG_DIR=$work/config
"$mindops" incident open --sev P3 --title "before" --format plain >/dev/null

# Each writer opens incidents one after another; a line per attempt: when, title, exit code.
for w in $(seq 1 $writers); do
    (
        trap - EXIT # the cleanup is the script's, not each writer's
        n=0
        while [ ! -e "$work/stop" ]; do
            n=$((n + 1))
            title="w$w-$n"
            code=0
            "$mindops" incident open --sev P3 --title "$title" --format plain \
                >/dev/null 2>>"$work/errors.$w" || code=$?
            echo "$(date +%s.%N) $title $code" >> "$work/log.$w"
        done
    ) &
    pids+=($!)
done

sleep 3
echo "failover: stopping the primary (immediate) and promoting the standby"
failed_at=$(date +%s.%N)
as_server "$bin/pg_ctl" -D "$work/primary" -m immediate stop >/dev/null
sleep 1
as_server "$bin/pg_ctl" -D "$work/standby" -w promote >/dev/null
sleep 4
touch "$work/stop"
wait "${pids[@]}" || true
pids=()

cat "$work"/log.* | sort -n > "$work/log"
sort "$work"/errors.* | uniq -c | sort -rn | head -5 | sed "s/^/failover: refused: /"
python3 - "$work/log" "$failed_at" "$url" "$standby_port" <<'PY'
import subprocess, sys
log, failed_at, url, standby_port = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4]
attempts = [line.split() for line in open(log)]
acked = {title for _, title, code in attempts if code == "0"}
successes = sorted(float(t) for t, _, code in attempts if code == "0")
after = [t for t in successes if t >= failed_at]
stored = subprocess.run(
    ["psql", "-At", "-h", "127.0.0.1", "-p", standby_port, "-U", "postgres", "-d", "mindops",
     "-c", "SELECT title FROM mindops.incidents"],
    check=True, capture_output=True, text=True).stdout.split()
lost = sorted(acked - set(stored))
doubled = sorted({t for t in stored if stored.count(t) > 1})
print(f"failover: {len(attempts)} attempts, {len(acked)} acknowledged, "
      f"{len([a for a in attempts if a[2] != '0'])} refused while no primary answered")
if not after:
    print("failover: no write succeeded after the failover"); sys.exit(1)
# Writes are logged as they finish: the longest wait between two is how long no write could
# be made, whatever was in flight when the primary went.
gap = max(b - a for a, b in zip(successes, successes[1:]))
print(f"failover: {gap:.2f} s without a successful write (the primary stopped, then 1 s to "
      f"promote the standby)")
print(f"failover: lost {len(lost)} {lost[:5]}, doubled {len(doubled)} {doubled[:5]}")
sys.exit(1 if lost or doubled else 0)
PY
