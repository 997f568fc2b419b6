#!/usr/bin/env bash
# Regenerates the committed shell completions from the current clap definition.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet
bin=target/debug/mindops
"$bin" completions bash > completions/mindops.bash
"$bin" completions zsh > completions/_mindops
"$bin" completions fish > completions/mindops.fish
"$bin" completions elvish > completions/mindops.elv
"$bin" completions powershell > completions/_mindops.ps1
echo "completions/ regenerated"
