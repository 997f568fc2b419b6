# Sourced by bench.sh and soak.sh from the project root: a release build as $bin, and a
# scratch folder $work holding the sample config, removed on exit, made the current one.
cargo build --release --quiet
bin=$PWD/target/release/mindops
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp rotation.yaml thresholds.yaml "$work/"
cd "$work"
