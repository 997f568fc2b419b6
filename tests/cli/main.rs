//! Integration tests: the real binary, in a temp folder, with clock, zone, colour and paths
//! pinned. One module per subcommand.

mod acceptance;
mod checklist;
mod common;
mod completions;
mod config;
mod hostile;
mod incident;
mod metrics;
mod notify;
mod oncall;
mod overrides;
mod report;
mod serve;
mod servers;
mod shared;
mod sources;
mod store;

/// Says, past the test harness's capture, which backends the suite ran on.
#[test]
fn backends_tested() {
    use std::io::Write;
    let line = match common::postgres_server() {
        Some(_) => "mindops: integration tests ran on SQLite and on PostgreSQL (MINDOPS_TEST_POSTGRES)\n",
        None => "mindops: integration tests ran on SQLite only: set MINDOPS_TEST_POSTGRES (see scripts/pg.sh) to run them on PostgreSQL too\n",
    };
    let _ = std::io::stderr().write_all(line.as_bytes());
}

/// Says, past the capture, whether the Prometheus tests ran.
#[test]
fn prometheus_tested() {
    use std::io::Write;
    let line = match servers::prometheus() {
        Some(_) => "mindops: Prometheus tests ran against Debian's prometheus and node_exporter\n",
        None => "mindops: Prometheus tests skipped: install Debian's prometheus and prometheus-node-exporter\n",
    };
    let _ = std::io::stderr().write_all(line.as_bytes());
}
