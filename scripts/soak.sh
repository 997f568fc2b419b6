#!/usr/bin/env bash
# Soak test of the store and the outbox: many writers at once, writers killed mid-write,
# senders killed mid-flush, and a flush longer than a claim's lapse.
#   1. 20 processes x 50 mixed writes (incidents, acks, notes, checklist ticks, handover
#      notes, metric checks, overrides) against one database.
#   2. 1,000 incident opens, every other one killed with kill -9 at a random moment.
#   3. 512 queued messages, flushed by senders each killed with kill -9 after a moment, until
#      every message is sent: how many reached the receiver twice (at most the 8 a sender has
#      in flight, per kill).
#   4. 600 messages to a receiver that takes 1 s each, flushed with --budget 5m by one sender
#      and, 65 s later (past a claim's 62 s lapse), by a second one: none sent twice.
# Prints ops, failures, lost and corrupt for each phase (duplicates for 3 and 4); exits 1
# unless all but ops are 0 and phase 3 stays within its bound. "lost" is a write that
# reported success and is not in the store; "corrupt" is a failed PRAGMA integrity_check.
# Phase 4 runs on the real clock and takes about 80 s; SOAK_QUICK=1 skips it, and
# SOAK_ONLY=outbox runs phases 3 and 4 alone.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/scratch.sh
export MINDOPS_DB=$work/soak.db MINDOPS_USER=soak NO_COLOR=1
export MINDOPS_NOW=2024-08-07T10:00:00Z
"$bin" incident open --sev P3 --title "seed" --format plain > /dev/null

integrity() {
  python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("PRAGMA integrity_check").fetchone()[0])' "$MINDOPS_DB"
}
count() {
  python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' "$MINDOPS_DB" "$1"
}

status=0
if [[ ${SOAK_ONLY:-} != outbox ]]; then
# --- 1: twenty writers at once -------------------------------------------------------------
worker() {
  set +e # a failed write is counted, not the end of the worker
  local w=$1 i out rc
  for i in $(seq 1 50); do
    case $((i % 7)) in
      0) out=$("$bin" incident open --sev P2 --title "w$w-$i" --format plain 2>/dev/null); rc=$?
         [[ $rc == 0 ]] && echo "incident $out" ;;
      1) out=$("$bin" incident open --sev P1 --title "dup" --dedup-key "k$((i % 3))" --format plain 2>/dev/null); rc=$?
         [[ $rc == 0 ]] && echo "dedup $out" ;;
      2) "$bin" incident note 1 "w$w-$i" > /dev/null 2>&1; rc=$?
         [[ $rc == 0 ]] && echo "note w$w-$i" ;;
      3) "$bin" checklist done $((i % 12 + 1)) --by "w$w" > /dev/null 2>&1; rc=$? ;;
      4) out=$("$bin" handover add "w$w-$i" 2>/dev/null); rc=$?
         [[ $rc == 0 ]] && echo "handover ${out#handover note }" ;;
      5) "$bin" metrics check response_time=1s --only-given > /dev/null 2>&1; rc=$?
         [[ $rc == 0 ]] && echo "check" ;;
      6) "$bin" oncall override add --role Backup --person Felix --from 2024-09-0$((i % 9 + 1)) \
           --to 2024-09-0$((i % 9 + 1))T06:00 --force > /dev/null 2>&1; rc=$?
         [[ $rc == 0 ]] && echo "override" ;;
    esac
    if [[ $rc != 0 ]]; then echo "FAIL $i"; fi
  done
}
for w in $(seq 1 20); do worker "$w" > "log.$w" & done
wait
cat log.* > all.log
ops=1000
failures=$(grep -c '^FAIL' all.log || true)
lost=0
present=$("$bin" incident list --all --format plain)
while read -r _ id; do
  grep -qx "$id" <<< "$present" || lost=$((lost + 1))
done < <(grep -E '^(incident|dedup) ' all.log)
notes=$(count "SELECT count(*) FROM incident_events WHERE kind = 'note'")
[[ $notes == $(grep -c '^note ' all.log || true) ]] || lost=$((lost + 1))
handovers=$(count "SELECT count(*) FROM handover_notes")
[[ $handovers == $(grep -c '^handover ' all.log || true) ]] || lost=$((lost + 1))
checks=$(count "SELECT count(*) FROM metric_checks")
[[ $checks == $(grep -c '^check$' all.log || true) ]] || lost=$((lost + 1))
# One unclosed incident per dedup key, however many opened it at once.
keys=$(count "SELECT count(*) FROM (SELECT dedup_key FROM incidents WHERE status <> 'closed' AND dedup_key IS NOT NULL GROUP BY dedup_key HAVING count(*) > 1)")
lost=$((lost + keys))
# A checklist item is ticked once however many tick it together.
doubled=$(count "SELECT count(*) FROM (SELECT day, item FROM checklist_ticks GROUP BY day, item HAVING count(*) > 1)")
lost=$((lost + doubled))
corrupt=0; [[ $(integrity) == ok ]] || corrupt=1
printf 'parallel writers   ops %5d   failures %d   lost %d   corrupt %d\n' "$ops" "$failures" "$lost" "$corrupt"
status=$((status + failures + lost + corrupt))

# --- 2: writers killed mid-write -----------------------------------------------------------
: > acked
failures=0
for i in $(seq 1 1000); do
  "$bin" incident open --sev P3 --title "kill $i" --format plain > "out" 2>/dev/null &
  pid=$!
  if (( i % 2 == 0 )); then
    sleep "0.00$((RANDOM % 6))"
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  else
    wait "$pid" || failures=$((failures + 1))
  fi
  # Whatever printed an id committed it, killed or not.
  if [[ -s out ]]; then cat out >> acked; fi
done
present=$("$bin" incident list --all --format plain)
lost=0
while read -r id; do
  grep -qx "$id" <<< "$present" || lost=$((lost + 1))
done < acked
corrupt=0; [[ $(integrity) == ok ]] || corrupt=1
printf 'kill -9 loop       ops %5d   failures %d   lost %d   corrupt %d   (%d acknowledged)\n' \
  1000 "$failures" "$lost" "$corrupt" "$(wc -l < acked)"
status=$((status + failures + lost + corrupt))
fi

# --- a receiver that logs each message's idempotency key --------------------------------------
start_receiver() { # start_receiver DELAY_SECONDS LOGFILE: sets $port and $receiver_pid
  local portfile=$work/port.$RANDOM
  python3 - "$1" "$2" "$portfile" <<'PY' &
import http.server, os, socketserver, sys, threading, time
delay, log = float(sys.argv[1]), open(sys.argv[2], "a", buffering=1)
lock = threading.Lock()
class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("content-length", 0)))
        time.sleep(delay)
        with lock:
            log.write(self.headers.get("idempotency-key", "?") + "\n")
        self.send_response(200); self.send_header("content-length", "2"); self.end_headers()
        self.wfile.write(b"ok")
    def log_message(self, *a): pass
class S(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    def handle_error(self, *a): pass  # a sender killed mid-request is the point
s = S(("127.0.0.1", 0), H)
with open(sys.argv[3] + ".tmp", "w") as f:
    f.write(str(s.server_address[1]))
os.rename(sys.argv[3] + ".tmp", sys.argv[3])
s.serve_forever()
PY
  receiver_pid=$!
  for _ in $(seq 1 100); do [[ -s $portfile ]] && break; sleep 0.05; done
  port=$(cat "$portfile")
}
queue() { # queue N DB CONFIG_DIR: N incidents, each a page queued for the webhook
  for i in $(seq 1 "$1"); do
    MINDOPS_DB=$2 "$bin" --config-dir "$3" incident open --sev P3 --title "q$i" --format plain >/dev/null
  done
}
flush_config() { # flush_config DIR PORT: the sample config with one webhook and budget 0
  mkdir -p "$1"
  cp "$work/thresholds.yaml" "$1/"
  { cat "$work/rotation.yaml"
    printf '\nnotify:\n  budget: 0s\n  channels:\n    hook:\n      type: webhook\n'
    printf '      url: http://127.0.0.1:%s/hook\n      timeout: 2s\n' "$2"; } > "$1/rotation.yaml"
}
doubles() { sort "$1" | uniq -d -c | awk '{n += $1 - 1} END {print n + 0}'; }

# --- 3: senders killed mid-flush -----------------------------------------------------------
: > keys3
start_receiver 0.02 "$work/keys3"
flush_config "$work/f3" "$port"
queue 512 "$work/f3.db" "$work/f3"
kills=0; round=0
while :; do
  round=$((round + 1))
  # Each round two minutes on, so the claims a killed sender left have lapsed.
  at=$(python3 -c "import datetime,sys; print((datetime.datetime(2024,8,7,10,0,tzinfo=datetime.timezone.utc)+datetime.timedelta(minutes=2*int(sys.argv[1]))).isoformat())" "$round")
  left=$(MINDOPS_DB=$work/f3.db MINDOPS_NOW=$at "$bin" --config-dir "$work/f3" notify list --limit 1000 --format csv | grep -c ',sending,\|,queued,' || true)
  [[ $left == 0 ]] && break
  MINDOPS_DB=$work/f3.db MINDOPS_NOW=$at "$bin" --config-dir "$work/f3" notify flush >/dev/null 2>&1 &
  pid=$!
  sleep "0.$((RANDOM % 4 + 1))"
  if kill -9 "$pid" 2>/dev/null; then kills=$((kills + 1)); fi
  wait "$pid" 2>/dev/null || true
  (( round < 500 )) || break
done
kill "$receiver_pid" 2>/dev/null || true
received=$(wc -l < "$work/keys3"); unique=$(sort -u "$work/keys3" | wc -l); dup3=$(doubles "$work/keys3")
printf 'kill -9 mid-flush  messages %d   received %d   kills %d   duplicates %d (bound %d: 8 a kill)   lost %d\n' \
  512 "$received" "$kills" "$dup3" $((8 * kills)) $((512 - unique))
(( dup3 <= 8 * kills )) || status=$((status + 1))
status=$((status + 512 - unique))

# --- 4: a flush longer than a claim's lapse, and the next cron run beside it ----------------
if [[ -z ${SOAK_QUICK:-} ]]; then
  : > keys4
  start_receiver 1 "$work/keys4"
  flush_config "$work/f4" "$port"
  unset MINDOPS_NOW
  queue 600 "$work/f4.db" "$work/f4"
  MINDOPS_DB=$work/f4.db "$bin" --config-dir "$work/f4" notify flush --budget 5m >/dev/null 2>&1 &
  first=$!
  sleep 65
  MINDOPS_DB=$work/f4.db "$bin" --config-dir "$work/f4" notify flush --budget 5m >/dev/null 2>&1 || true
  wait "$first" || true
  kill "$receiver_pid" 2>/dev/null || true
  received=$(wc -l < "$work/keys4"); unique=$(sort -u "$work/keys4" | wc -l)
  dup4=$(doubles "$work/keys4")
  printf 'long flush + next   messages %d   received %d   duplicates %d   lost %d\n' \
    600 "$received" "$dup4" $((600 - unique))
  status=$((status + dup4 + 600 - unique))
fi
[[ $status == 0 ]]
