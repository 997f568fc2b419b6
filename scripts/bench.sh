#!/usr/bin/env bash
# Whole-process timings of the release build, against the budgets the issues set.
# Usage: scripts/bench.sh            all benchmarks
#        scripts/bench.sh oncall     the ones whose name contains "oncall"
# Needs hyperfine (Debian package; installed here when missing). Exits 1 when a median is over
# its budget.
set -euo pipefail
cd "$(dirname "$0")/.."
filter=${1:-}

if ! command -v hyperfine >/dev/null; then
  echo "installing hyperfine..." >&2
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq hyperfine >/dev/null; fi
fi

cargo build --release --quiet
bin=$PWD/target/release/mindops
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp rotation.yaml thresholds.yaml "$work/"
cd "$work"
export MINDOPS_DB=$work/bench.db MINDOPS_NOW=2024-08-07T10:00:00Z MINDOPS_USER=bench NO_COLOR=1

# A store that exists and holds overrides, so `oncall` opens it and reads them.
for i in $(seq 1 50); do
  day=$(date -u -d "2024-08-05 + $((i * 3)) days" +%F)
  "$bin" oncall override add --role Backup --person Felix --from "$day" --to "$day"T12:00 --force >/dev/null
done

failed=0
# bench NAME BUDGET_MS COMMAND...
bench() {
  local name=$1 budget=$2; shift 2
  [[ -n $filter && $name != *$filter* ]] && return 0
  hyperfine --shell=none --warmup 10 --runs 200 --export-json "$work/$name.json" "$*" >/dev/null
  local median
  median=$(python3 -c "import json,sys; print(round(json.load(open(sys.argv[1]))['results'][0]['median']*1000, 2))" "$work/$name.json")
  local verdict=ok
  if python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) <= float(sys.argv[2]) else 1)" "$median" "$budget"; then :; else verdict=OVER; failed=1; fi
  printf '%-32s median %8s ms   budget %6s ms   %s\n' "$name" "$median" "$budget" "$verdict"
}

bench oncall-date 5 "$bin oncall --date 2024-08-07"
bench oncall-json 5 "$bin oncall --format json"
bench oncall-schedule-52w 20 "$bin oncall schedule --from 2024-07-29 --weeks 52"

exit $failed
