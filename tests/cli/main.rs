//! Integration tests: the real binary, in a temp folder, with clock, zone, colour and paths
//! pinned. One module per subcommand.

mod checklist;
mod common;
mod completions;
mod config;
mod hostile;
mod incident;
mod metrics;
mod oncall;
mod overrides;
mod report;
mod store;
