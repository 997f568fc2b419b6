#!/usr/bin/env bash
# Soak test of the store: many writers at once, then writers killed mid-write.
#   1. 20 processes x 50 mixed writes (incidents, acks, notes, checklist ticks, handover
#      notes, metric checks, overrides) against one database.
#   2. 1,000 incident opens, every other one killed with kill -9 at a random moment.
# Prints ops, failures, lost and corrupt for each phase; exits 1 unless all but ops are 0.
# "lost" is a write that reported success and is not in the store; "corrupt" is a failed
# PRAGMA integrity_check.
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
status=$((failures + lost + corrupt))

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
[[ $status == 0 ]]
