//! Where values come from: Prometheus queries against a real Prometheus scraping a real
//! node_exporter, HTTP(S) probes of a local server, and freshness of recorded values. Runs that
//! measure live values (times, load) go on SQLite only: two runs never measure the same.

use std::time::{Duration, Instant};

use serde_json::Value;

use crate::common::{json, run, Env, NOW};
use crate::servers::{self, Answer, Http};

/// `metrics check ARGS --format json --no-record` on SQLite, with extra environment.
fn check(env: &Env, vars: &[(&str, &str)], args: &[&str]) -> (i32, Value, String) {
    let mut cmd = env.cmd();
    cmd.args(["metrics", "check", "--format", "json"])
        .args(args);
    for (k, v) in vars {
        cmd.env(k, v);
    }
    let (code, out, err) = run(&mut cmd);
    (code, json(&out), err)
}

fn metric<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["name"] == name)
        .unwrap_or_else(|| panic!("no {name} in {report}"))
}

/// A thresholds.yaml with the given metrics (YAML under `metrics:`), pointed at `prometheus`.
fn config(env: &Env, prometheus: &str, metrics: &str) {
    let sample = env.read("work/thresholds.yaml");
    let head = &sample[..sample.find("\nmetrics:").unwrap()];
    let head: Vec<String> = head
        .lines()
        .map(|line| match line.starts_with("  url: ") {
            true => format!("  url: \"{prometheus}\""),
            false => line.to_string(),
        })
        .collect();
    env.write(
        "work/thresholds.yaml",
        &format!("{}\nmetrics:\n{metrics}", head.join("\n")),
    );
}

fn skip(what: &str) {
    crate::common::skipped(what, "Debian's prometheus and prometheus-node-exporter");
}

#[test]
fn the_sample_config_works_out_of_the_box_against_prometheus_and_the_service() {
    let Some(prom) = servers::prometheus() else {
        return skip("the sample config check");
    };
    let env = Env::new();
    // The daily business job, as the README's cron example has it.
    env.ok(&[
        "metrics",
        "record",
        "error_rate=0.05%",
        "user_satisfaction=4.8",
        "db_response_time=0.8s",
        "db_connection_pool=60%",
        "backup_status=ok",
        "replication=ok",
        "active_users=26000",
        "growth_rate=5%",
        "sessions_per_day=52000",
        "avg_session_duration=16min",
        "retention=88%",
        "feature_usage_core=92%",
        "feature_usage_advanced=72%",
        "feature_usage_new=60%",
        "support_tickets=40",
        "ticket_resolution_time=3h",
    ]);
    let vars = [
        ("PROMETHEUS_URL", prom.url.as_str()),
        ("SERVICE_URL", prom.exporter.as_str()),
    ];
    // This machine's own load and traffic during a test run are not ours to pin: those two are
    // given, and their queries are checked for giving a number below.
    let (code, report, err) = check(&env, &vars, &["load=25%", "network=1.5MB/min"]);
    assert_eq!((code, err.as_str()), (0, ""), "{report:#}");
    assert_eq!(report["state"], "OK");
    assert_eq!(metric(&report, "uptime")["value"], 100.0);
    let memory = metric(&report, "memory")["value"].as_f64().unwrap();
    assert!(
        memory > 1.0 && memory < 100.0,
        "node_exporter's memory in MB: {memory}"
    );
    let rt = metric(&report, "response_time")["value"].as_f64().unwrap();
    assert!(rt > 0.0 && rt < 2.0, "{rt}");
    assert!(metric(&report, "active_users")["as_of"].is_string());

    let (_, report, _) = check(&env, &vars, &[]);
    for name in ["load", "network"] {
        let m = metric(&report, name);
        assert!(m["value"].is_f64() && m["reason"].is_null(), "{m}");
    }
}

#[test]
fn promql_single_rate_and_several_series() {
    let Some(prom) = servers::prometheus() else {
        return skip("PromQL queries");
    };
    let env = Env::new();
    config(
        &env,
        &prom.url,
        r#"  load1:
    label: Load
    group: system
    unit: load
    target: "< 1000"
    prometheus: node_load1{job="node"}
  cpu_seconds:
    label: CPU time per second
    group: system
    unit: s
    target: "< 1000"
    prometheus: sum(rate(node_cpu_seconds_total[1m]))
  up_any:
    label: Up
    group: system
    unit: load
    target: ">= 1"
    prometheus: up
  up_reduced:
    label: Up
    group: system
    unit: load
    target: ">= 1"
    prometheus: up
    reduce: min
  exporter_memory:
    label: Memory
    group: system
    unit: MB
    target: "< 1000"
    prometheus: process_resident_memory_bytes{job="node"}
"#,
    );
    let (code, report, err) = check(&env, &[], &[]);
    assert_eq!(code, 3, "{err}{report:#}");
    assert!(
        metric(&report, "load1")["value"]
            .as_f64()
            .is_some_and(|v| v >= 0.0),
        "{report:#}"
    );
    let cpu = metric(&report, "cpu_seconds")["value"].as_f64().unwrap();
    assert!(cpu > 0.0, "{cpu}");
    let why = metric(&report, "up_any")["reason"].as_str().unwrap();
    assert!(
        why.starts_with("the query gives 2 series (")
            && why.contains("job=\"node\"")
            && why.contains("job=\"service\"")
            && why.ends_with("add reduce: max, min, avg or sum, or narrow the query"),
        "{why}"
    );
    assert_eq!(metric(&report, "up_reduced")["value"], 1.0);
    assert_eq!(metric(&report, "up_reduced")["state"], "OK");
    // _bytes in the series name: read as bytes, shown in the metric's MB.
    let mb = metric(&report, "exporter_memory")["value"]
        .as_f64()
        .unwrap();
    assert!(mb > 1.0 && mb < 200.0, "{mb}");
}

#[test]
fn prometheus_down_slow_wrong_or_nan_is_unknown_with_the_reason() {
    let Some(prom) = servers::prometheus() else {
        return skip("Prometheus failures");
    };
    let one = |query: &str| {
        format!(
            "  q:\n    label: Q\n    group: g\n    unit: load\n    target: \"< 1\"\n    \
             timeout: 1s\n    prometheus: '{query}'\n"
        )
    };
    let env = Env::new();
    let reason = |url: &str, query: &str| {
        config(&env, url, &one(query));
        let started = Instant::now();
        let (code, report, err) = check(&env, &[], &[]);
        assert_eq!((code, err.as_str()), (3, ""), "{report:#}");
        (
            metric(&report, "q")["reason"].as_str().unwrap().to_string(),
            started.elapsed(),
        )
    };
    let (why, _) = reason(&prom.url, "rate(node_load1[");
    assert!(
        why.starts_with("Prometheus: ") && why.contains("(bad_data)"),
        "{why}"
    );
    let (why, _) = reason(&prom.url, "0/0");
    assert!(why.contains("the query gives NaN"), "{why}");
    let (why, _) = reason(&prom.url, "node_load1[1m]");
    assert!(why.contains("avg_over_time"), "{why}");
    let (why, _) = reason(&prom.url, "no_such_series_anywhere");
    assert!(why.starts_with("the query matched no series"), "{why}");
    let (why, _) = reason("http://127.0.0.1:9", "up");
    assert_eq!(
        why,
        "Prometheus: 127.0.0.1:9 refused the connection (is it running, is the port right?)"
    );
    let silent = format!("http://127.0.0.1:{}", servers::silent_port());
    let (why, took) = reason(&silent, "up");
    assert!(why.ends_with("did not answer within 1s"), "{why}");
    assert!(
        took < Duration::from_secs(15),
        "a hung server held the check {took:?}"
    );
}

fn probe_config(env: &Env, probes: &str) {
    config(env, "http://127.0.0.1:9", probes);
}

#[test]
fn probes_time_status_body_and_a_certificate() {
    let env = Env::new();
    let server = Http::start(Answer::ok("all good"));
    let tmp = tempfile::tempdir().unwrap();
    let (cert, key) = servers::self_signed(tmp.path(), 30);
    let tls = Http::start_tls(Answer::ok("secure"), &cert, &key);
    let https = format!("https://127.0.0.1:{}/", tls.port);
    probe_config(
        &env,
        &format!(
            r#"  rt:
    label: Response time
    group: web
    unit: ms
    target: "< 1000"
    probe: {plain}
  up:
    label: Up
    group: web
    unit: ok/failed
    target: ok
    alert: failed
    probe:
      url: {plain}
      body: all good
  tls_rt:
    label: TLS response time
    group: web
    unit: s
    target: "< 1"
    probe:
      url: {https}
      ca_file: {cert}
  untrusted:
    label: Untrusted
    group: web
    unit: s
    target: "< 1"
    probe: {https}
  cert:
    label: Certificate
    group: web
    unit: d
    target: "> 14"
    alert: "< 7"
    probe:
      url: {https}
      measure: cert_expiry
"#,
            plain = server.url("/health"),
            cert = cert.display(),
        ),
    );
    let now = chrono::Utc::now().to_rfc3339();
    let vars = [("MINDOPS_NOW", now.as_str())];
    let (code, report, err) = check(&env, &vars, &[]);
    assert_eq!((code, err.as_str()), (3, ""), "{report:#}");
    let rt = metric(&report, "rt")["value"].as_f64().unwrap();
    assert!(rt > 0.0 && rt < 1000.0, "{rt}");
    assert_eq!(metric(&report, "up")["state"], "OK", "{report:#}");
    assert_eq!(metric(&report, "tls_rt")["state"], "OK", "{report:#}");
    let why = metric(&report, "untrusted")["reason"].as_str().unwrap();
    assert!(why.contains("TLS") && why.contains("127.0.0.1"), "{why}");
    let days = metric(&report, "cert")["value"].as_f64().unwrap();
    assert!((29.9..=30.1).contains(&days), "{days}");
    assert_eq!(metric(&report, "cert")["state"], "OK");

    // Seen from 25 days on: five days left is past the alert line.
    let later = (chrono::Utc::now() + chrono::Duration::days(25)).to_rfc3339();
    let (_, report, _) = check(&env, &[("MINDOPS_NOW", later.as_str())], &[]);
    assert_eq!(metric(&report, "cert")["state"], "CRITICAL");

    server.set(Answer {
        status: 503,
        ..Answer::ok("all good")
    });
    let (code, report, _) = check(&env, &vars, &[]);
    assert_eq!(code, 2);
    assert_eq!(
        (
            &metric(&report, "up")["state"],
            &metric(&report, "up")["reason"]
        ),
        (
            &Value::from("CRITICAL"),
            &Value::from("HTTP 503 (expected 2xx)")
        )
    );
    assert_eq!(metric(&report, "rt")["reason"], "HTTP 503 (expected 2xx)");
    server.set(Answer::ok("maintenance"));
    let (_, report, _) = check(&env, &vars, &[]);
    assert_eq!(
        metric(&report, "up")["reason"],
        "the answer does not contain \"all good\""
    );
    let nagios = run(env.cmd().args(["metrics", "check", "--format", "nagios"]));
    assert!(
        nagios
            .1
            .contains("up failed, alert failed (the answer does not contain \"all good\")"),
        "{}",
        nagios.1
    );
}

#[test]
fn twenty_slow_probes_take_about_as_long_as_one() {
    let env = Env::new();
    let server = Http::start(Answer {
        delay: Duration::from_millis(400),
        ..Answer::ok("ok")
    });
    let probes: String = (0..20)
        .map(|i| {
            format!(
                "  p{i}:\n    label: P\n    group: web\n    unit: s\n    target: \"< 5\"\n    \
                 probe: {}\n",
                server.url(&format!("/{i}"))
            )
        })
        .collect();
    probe_config(&env, &probes);
    let started = Instant::now();
    let (code, report, err) = check(&env, &[], &[]);
    let took = started.elapsed();
    assert_eq!((code, err.as_str()), (0, ""), "{report:#}");
    let mut seen = server.seen.lock().unwrap().clone();
    seen.sort_by_key(|s| s.path.trim_start_matches('/').parse::<u32>().unwrap());
    let paths: Vec<String> = seen.iter().map(|s| s.path.clone()).collect();
    assert_eq!(paths, (0..20).map(|i| format!("/{i}")).collect::<Vec<_>>());
    assert!(seen.iter().all(|s| s.body.is_empty()
        && s.headers
            .iter()
            .any(|(k, v)| k == "user-agent" && v.starts_with("mindops/"))));
    // One after another they would take 8 s; at 16 at a time, two rounds of 0.4 s.
    assert!(took < Duration::from_secs(4), "took {took:?}");
}

#[test]
fn a_recorded_value_stands_until_its_max_age_then_is_stale() {
    let env = Env::new();
    env.drop_sources();
    env.did(
        NOW,
        &[
            "metrics",
            "record",
            "active_users=26000",
            "response_time=1.2s",
        ],
    );
    let (_, out, _) = env.at(
        "2024-08-07T10:00:30Z",
        &["metrics", "check", "--format", "json", "--no-record"],
    );
    let report = json(&out);
    let users = metric(&report, "active_users");
    assert_eq!(
        (&users["state"], &users["value"], &users["as_of"]),
        (
            &Value::from("OK"),
            &Value::from(26000.0),
            &Value::from("2024-08-07T10:00:00Z")
        )
    );
    assert_eq!(metric(&report, "response_time")["state"], "OK");
    assert_eq!(metric(&report, "error_rate")["reason"], "no value");

    // Two days on, both are past the 36h a value given by hand stands for.
    let (code, out, _) = env.at(
        "2024-08-09T10:00:00Z",
        &["metrics", "check", "--format", "json"],
    );
    assert_eq!(code, 3);
    let report = json(&out);
    assert_eq!(
        metric(&report, "active_users")["reason"],
        "stale: last value 2d ago (max_age 1d12h)"
    );
    assert_eq!(
        metric(&report, "response_time")["reason"],
        "stale: last value 2d ago (max_age 1d12h)"
    );
    // Nothing was recorded for them: the last value is still the one of two days ago.
    let (_, out, _) = env.at("2024-08-09T10:00:00Z", &["status", "--format", "json"]);
    let status = json(&out);
    let users = metric(&status, "active_users");
    assert_eq!(
        (&users["state"], &users["stale"], &users["age_seconds"]),
        (
            &Value::from("UNKNOWN"),
            &Value::from(true),
            &Value::from(172_800)
        )
    );
    let (_, table, _) = env.at("2024-08-09T10:00:00Z", &["status"]);
    assert!(table.contains("STALE"), "{table}");
    // The week still running (2024-08-09 is in 2024-W32) tells the truth about it too.
    let (_, report, _) = env.at(
        "2024-08-09T10:00:00Z",
        &[
            "report", "weekly", "--period", "2024-W32", "--format", "json",
        ],
    );
    let row = json(&report)["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["name"] == "active_users")
        .cloned()
        .unwrap();
    assert_eq!(row["stale"], true);
}

#[test]
fn record_refuses_a_bad_value_and_records_nothing() {
    let env = Env::new();
    let err = env.fails(
        &["metrics", "record", "active_users=26000", "retention=lots"],
        2,
    );
    assert!(err.contains("retention: "), "{err}");
    assert!(err.contains("nothing was recorded"), "{err}");
    let err = env.fails(&["metrics", "record"], 2);
    assert!(err.contains("nothing to record"), "{err}");
    let out = env.ok(&[
        "metrics",
        "record",
        "backup_status=ok",
        "active_users=26,000",
    ]);
    assert_eq!(
        out,
        "recorded backup_status ok (OK)\nrecorded active_users 26000 users (OK)\n"
    );
    let history = env.ok(&["metrics", "history", "active_users", "--format", "csv"]);
    assert_eq!(history.lines().count(), 2, "{history}");
}

#[test]
fn source_config_errors_name_the_key() {
    let env = Env::new();
    env.edit(
        "thresholds.yaml",
        "    reduce: min             # the worst instance",
        "    reduce: median",
    );
    let err = env.fails(&["config", "check"], 2);
    assert!(
        err.contains("metrics.uptime.reduce: unknown variant `median`"),
        "{err}"
    );
    let env = Env::new();
    env.edit(
        "thresholds.yaml",
        "    timeout: 5s\n",
        "    timeout: 5s\n    command: echo 1\n    measure: up\n",
    );
    let err = env.fails(&["config", "check"], 2);
    assert!(err.contains("unknown field `measure`"), "{err}");
    let env = Env::new();
    env.edit(
        "thresholds.yaml",
        "    timeout: 5s\n",
        "    timeout: 5s\n    command: echo 1\n",
    );
    let err = env.fails(&["config", "check"], 2);
    assert!(
        err.contains("metrics.response_time: a metric takes its value from one source; this one has command and probe"),
        "{err}"
    );
    let env = Env::new();
    env.edit(
        "thresholds.yaml",
        "  url: \"${PROMETHEUS_URL:-http://127.0.0.1:9090}\"",
        "  url: \"${PROMETHEUS_URL\"",
    );
    let err = env.fails(&["config", "check"], 2);
    assert!(
        err.contains("prometheus.url: \"${PROMETHEUS_URL\": ${ is not closed by }"),
        "{err}"
    );
}

#[test]
fn the_prometheus_token_is_sent_and_an_unreadable_one_is_the_reason() {
    let env = Env::new();
    // A stand-in for Prometheus that answers every query with one sample.
    let server = Http::start(Answer::ok(
        r#"{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"0.5"]}]}}"#,
    ));
    config(
        &env,
        &server.url(""),
        "  q:\n    label: Q\n    group: g\n    unit: load\n    target: \"< 1\"\n    prometheus: up\n",
    );
    env.edit(
        "thresholds.yaml",
        "  timeout: 5s\n",
        "  timeout: 5s\n  token_file: prom.token\n",
    );
    env.write("work/prom.token", "s3cret\n");
    let (code, report, err) = check(&env, &[], &[]);
    assert_eq!((code, err.as_str()), (0, ""), "{report:#}");
    assert_eq!(metric(&report, "q")["value"], 0.5);
    let seen = server.take();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].path, "/api/v1/query?query=up");
    assert!(
        seen[0]
            .headers
            .iter()
            .any(|(k, v)| k == "authorization" && v == "Bearer s3cret"),
        "{:?}",
        seen[0].headers
    );

    std::fs::remove_file(env.path("work/prom.token")).unwrap();
    let (code, report, _) = check(&env, &[], &[]);
    assert_eq!(code, 3);
    let why = metric(&report, "q")["reason"].as_str().unwrap();
    assert!(
        why.starts_with("the Prometheus token: cannot read prom.token"),
        "{why}"
    );
    assert!(
        server.take().is_empty(),
        "nothing is asked without the token"
    );
}
