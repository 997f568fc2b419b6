//! Integration tests: the real binary, in a temp folder, with clock, zone, colour and paths
//! pinned. One module per subcommand.

mod acceptance;
mod architecture;
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
mod readme;
mod report;
mod serve;
mod servers;
mod shared;
mod slo;
mod sources;
mod store;

/// Says, past the test harness's capture, which backends the suite ran on; in CI, fails
/// unless PostgreSQL was there.
#[test]
fn backends_tested() {
    use std::io::Write;
    if common::postgres_server().is_none() {
        common::skipped(
            "the PostgreSQL half of every integration test",
            "PostgreSQL (MINDOPS_TEST_POSTGRES, see scripts/pg.sh)",
        );
        return;
    }
    let line =
        "mindops: integration tests ran on SQLite and on PostgreSQL (MINDOPS_TEST_POSTGRES)\n";
    let _ = std::io::stderr().write_all(line.as_bytes());
}

/// Says, past the capture, whether the Prometheus tests ran; in CI, fails unless they did.
#[test]
fn prometheus_tested() {
    use std::io::Write;
    if servers::prometheus().is_none() {
        common::skipped(
            "the Prometheus tests",
            "Debian's prometheus and prometheus-node-exporter",
        );
        return;
    }
    let line = "mindops: Prometheus tests ran against Debian's prometheus and node_exporter\n";
    let _ = std::io::stderr().write_all(line.as_bytes());
}
