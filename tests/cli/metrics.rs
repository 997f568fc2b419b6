//! `mindops metrics check`: states, exit codes, value syntax, inputs, `for`, incidents, outputs.

use std::time::{Duration, Instant};

use crate::common::{json, lines, Env};

/// The seed's current values, in the seed's own notation.
const SEED_VALUES: [&str; 21] = [
    "response_time=1.2s",
    "error_rate=0.01%",
    "user_satisfaction=4.8/5",
    "uptime=100%",
    "load=25%",
    "memory=45MB",
    "network=1.5MB/min",
    "db_response_time=0.8s",
    "db_connection_pool=85%",
    "backup_status=ok",
    "replication=ok",
    "active_users=25,000",
    "growth_rate=5%",
    "sessions_per_day=50000",
    "avg_session_duration=15min",
    "retention=88%",
    "feature_usage_core=95%",
    "feature_usage_advanced=75%",
    "feature_usage_new=60%",
    "support_tickets=50",
    "ticket_resolution_time=2h",
];

fn check(env: &Env, values: &[&str], extra: &[&str]) -> (i32, String, String) {
    let mut args = vec!["metrics", "check"];
    args.extend_from_slice(values);
    args.extend_from_slice(extra);
    env.run(&args)
}

fn states(report: &serde_json::Value) -> Vec<(String, String)> {
    report["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["name"].as_str().unwrap().to_string(),
                m["state"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn the_seed_values_are_ok_but_the_connection_pool_warns() {
    let env = Env::new();
    let (code, out, _) = check(&env, &SEED_VALUES, &["--format", "json"]);
    assert_eq!(code, 1);
    let report = json(&out);
    assert_eq!(report["state"], "WARNING");
    let not_ok: Vec<(String, String)> = states(&report)
        .into_iter()
        .filter(|(_, s)| s != "OK")
        .collect();
    assert_eq!(
        not_ok,
        [("db_connection_pool".to_string(), "WARNING".to_string())]
    );
    assert_eq!(states(&report).len(), 21);
}

#[test]
fn each_state_has_its_nagios_exit_code() {
    let env = Env::new();
    let cases = [
        (
            "response_time=1.2s",
            0,
            "METRICS OK - 1 metric within target | 'response_time'=1.2s;~:2;~:3;0",
        ),
        (
            "response_time=2.5s",
            1,
            "METRICS WARNING - 1 warning | 'response_time'=2.5s;~:2;~:3;0",
        ),
        (
            "response_time=3.4s",
            2,
            "METRICS CRITICAL - response_time 3.4s, alert > 3s | 'response_time'=3.4s;~:2;~:3;0",
        ),
        // A "< 2s" target does not call 2s fine.
        (
            "response_time=2s",
            1,
            "METRICS WARNING - 1 warning | 'response_time'=2s;~:2;~:3;0",
        ),
        (
            "response_time=fast",
            3,
            "METRICS UNKNOWN - response_time: \"fast\" is not a number; write e.g. 1.2s",
        ),
        // Hours are not a Nagios unit: the value and its thresholds go in seconds.
        (
            "ticket_resolution_time=2h",
            0,
            "METRICS OK - 1 metric within target | 'ticket_resolution_time'=7200s;~:14400;~:86400;0",
        ),
    ];
    for (value, code, line) in cases {
        let (got, out, err) = check(&env, &[value], &["--only-given", "--format", "nagios"]);
        assert_eq!(
            (got, out.as_str()),
            (code, format!("{line}\n").as_str()),
            "{value}: {err}"
        );
    }
}

#[test]
fn metrics_without_a_value_are_unknown_and_the_worst_state_wins() {
    let env = Env::new();
    let (code, out, _) = check(&env, &["response_time=3.4s"], &["--format", "nagios"]);
    assert_eq!(code, 2, "CRITICAL outranks UNKNOWN");
    assert!(
        out.starts_with(
            "METRICS CRITICAL - response_time 3.4s, alert > 3s; \
             error_rate, user_satisfaction, db_response_time and 13 more: no value; \
             uptime, load, memory and 1 more: Prometheus: 127.0.0.1:9 refused the connection \
             (is it running, is the port right?); SLO latency: budget 98% left (page) | "
        ),
        "{out}"
    );
    // On a history of its own: the 3.4s above burns the latency SLO's budget for a while.
    let (code, _, _) = check(&Env::new(), &["response_time=1.2s"], &[]);
    assert_eq!(code, 3);
}

#[test]
fn values_convert_and_a_foreign_unit_is_named() {
    let env = Env::new();
    let (code, out, _) = check(
        &env,
        &[
            "response_time=1200ms",
            "ticket_resolution_time=90min",
            "network=25KB/s",
            "active_users=25,000 users",
            "user_satisfaction=96/100",
            "backup_status=true",
        ],
        &["--only-given", "--format", "json"],
    );
    assert_eq!(code, 0, "{out}");
    let report = json(&out);
    let shown: Vec<&str> = report["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["shown"].as_str().unwrap())
        .collect();
    assert_eq!(
        shown,
        ["1.2s", "4.8/5", "1.5MB/min", "ok", "25000 users", "1.5h"]
    );

    let (code, out, _) = check(
        &env,
        &["error_rate=3ms"],
        &["--only-given", "--format", "json"],
    );
    assert_eq!(code, 3);
    assert_eq!(
        json(&out)["metrics"][0]["reason"],
        "\"3ms\" is in ms, which does not convert to %, the unit of this metric"
    );
}

#[test]
fn nagios_ranges_in_thresholds() {
    let env = Env::new();
    // network: target 0.5:5 (WARNING outside), alert 0.1:20 (CRITICAL outside), endpoints inside.
    for (value, state) in [
        ("1.5", "OK"),
        ("5", "OK"),
        ("6", "WARNING"),
        ("20", "WARNING"),
        ("20.1", "CRITICAL"),
        ("0.1", "WARNING"),
        ("0.05", "CRITICAL"),
    ] {
        let (_, out, _) = check(
            &env,
            &[&format!("network={value}")],
            &["--only-given", "--format", "json", "--no-record"],
        );
        assert_eq!(json(&out)["metrics"][0]["state"], state, "network={value}");
    }
    // An inverted range: alert inside 10..20.
    env.edit(
        "thresholds.yaml",
        "    alert: \"> 90\"           # past this",
        "    alert: \"@10:20\"         # past this",
    );
    for (value, state) in [
        ("9", "OK"),
        ("10", "CRITICAL"),
        ("20", "CRITICAL"),
        ("21", "OK"),
    ] {
        let (_, out, _) = check(
            &env,
            &[&format!("load={value}")],
            &["--only-given", "--format", "json", "--no-record"],
        );
        assert_eq!(json(&out)["metrics"][0]["state"], state, "load={value}");
    }
}

#[test]
fn a_reversed_range_is_a_config_error_with_exit_3() {
    let env = Env::new();
    env.edit(
        "thresholds.yaml",
        "    alert: \"0.1:20\"",
        "    alert: \"20:0.1\"",
    );
    let (code, out, err) = check(&env, &["network=1"], &["--format", "nagios"]);
    assert_eq!(code, 3);
    assert!(
        out.starts_with("METRICS UNKNOWN - thresholds.yaml:"),
        "{out}"
    );
    assert!(err.contains("metrics.network.alert: \"20:0.1\" is not a threshold: its start is greater than its end"), "{err}");
    let (code, _, _) = env.run(&["metrics", "check", "--no-such-flag"]);
    assert_eq!(code, 3, "usage errors are UNKNOWN for a plugin");
    let (code, _, err) = check(&Env::new(), &["respons_time=1"], &[]);
    assert_eq!(code, 3);
    assert!(
        err.contains("unknown metric \"respons_time\" (did you mean \"response_time\"?)"),
        "{err}"
    );
}

#[test]
fn every_input_format() {
    let env = Env::new();
    env.write(
        "work/values.txt",
        "# from a script\nresponse_time=3.4s\nerror_rate = 0.2%\n",
    );
    env.write(
        "work/values.json",
        r#"{"response_time": 1.2, "backup_status": "failed"}"#,
    );
    env.write("work/values.yaml", "response_time: 2.5s\nretention: 88\n");
    env.write(
        "work/scrape",
        "# HELP http_request_duration_seconds Latency.\n# TYPE http_request_duration_seconds summary\n\
         http_request_duration_seconds{quantile=\"0.5\"} 0.3\n\
         http_request_duration_seconds{quantile=\"0.99\"} 3.5e0 1712345678000\n\
         node_memory_Active_bytes 1.5e+08\nerror_rate NaN\n",
    );
    env.edit(
        "thresholds.yaml",
        "    description: Median API response time as users see it.",
        "    selector: 'http_request_duration_seconds{quantile=\"0.99\"}'\n    description: Median API response time as users see it.",
    );
    env.edit(
        "thresholds.yaml",
        "    unit: MB\n",
        "    unit: MB\n    selector: node_memory_Active_bytes\n",
    );
    let run = |input: &str, format: &str| {
        let (code, out, err) = check(
            &env,
            &[],
            &[
                "--input",
                input,
                "--input-format",
                format,
                "--only-given",
                "--format",
                "csv",
                "--no-record",
            ],
        );
        assert!(err.is_empty() || !err.contains("error"), "{err}");
        (code, out)
    };
    let (code, out) = run("values.txt", "auto");
    assert_eq!(code, 2);
    assert_eq!(
        lines(&out)[1..],
        [
            "response_time,performance,3.4,s,CRITICAL,< 2s,> 3s",
            "error_rate,performance,0.2,%,WARNING,< 0.1%,> 0.5%"
        ]
    );
    let (code, out) = run("values.json", "auto");
    assert_eq!(code, 2);
    assert!(
        out.contains("backup_status,database,0,ok/failed,CRITICAL"),
        "{out}"
    );
    let (_, out) = run("values.yaml", "yaml");
    assert!(
        out.contains("response_time,performance,2.5,s,WARNING")
            && out.contains("retention,growth,88,%,OK"),
        "{out}"
    );
    let (code, out) = run("scrape", "auto");
    assert_eq!(code, 2, "CRITICAL outranks the UNKNOWN of NaN:\n{out}");
    assert!(
        out.contains("response_time,performance,3.5,s,CRITICAL"),
        "{out}"
    );
    assert!(
        out.contains("memory,system,150,MB,WARNING"),
        "bytes become MB: {out}"
    );
    assert!(
        out.contains("error_rate,performance,,%,UNKNOWN"),
        "NaN is no value: {out}"
    );

    // Standard input.
    let (code, out, _) = crate::common::run(
        env.cmd()
            .args([
                "metrics",
                "check",
                "--input",
                "-",
                "--only-given",
                "--format",
                "nagios",
            ])
            .write_stdin("{\"load\": 95}"),
    );
    assert_eq!(
        (code, out.as_str()),
        (
            2,
            "METRICS CRITICAL - load 95%, alert > 90% | 'load'=95%;~:70;~:90;0\n"
        )
    );
}

#[test]
fn a_breach_held_with_for_is_pending_until_it_has_lasted() {
    let env = Env::new();
    env.edit(
        "thresholds.yaml",
        "    alert: \"> 3s\"\n",
        "    alert: \"> 3s\"\n    for: 5m\n",
    );
    let steps = [
        ("2024-08-07T10:00:00Z", "3.4s", 1, "WARNING", true),
        ("2024-08-07T10:03:00Z", "3.5s", 1, "WARNING", true),
        ("2024-08-07T10:05:00Z", "3.6s", 2, "CRITICAL", false),
        ("2024-08-07T10:06:00Z", "1.0s", 0, "OK", false),
        ("2024-08-07T10:07:00Z", "3.4s", 1, "WARNING", true),
    ];
    for (now, value, code, state, pending) in steps {
        let (got, out, _) = env.at(
            now,
            &[
                "metrics",
                "check",
                &format!("response_time={value}"),
                "--only-given",
                "--format",
                "json",
            ],
        );
        let report = json(&out);
        assert_eq!(
            (
                got,
                report["metrics"][0]["state"].as_str().unwrap(),
                report["metrics"][0]["pending"].as_bool().unwrap()
            ),
            (code, state, pending),
            "{now}"
        );
    }
    let table = env
        .at(
            "2024-08-07T10:08:00Z",
            &["metrics", "check", "response_time=3.4s", "--only-given"],
        )
        .1;
    assert!(table.contains("PENDING"), "{table}");
}

#[test]
fn incidents_open_once_per_breach_and_note_the_recovery() {
    let env = Env::new();
    for minute in ["10:00", "10:01", "10:02"] {
        let (code, _, err) = env.at(
            &format!("2024-08-07T{minute}:00Z"),
            &[
                "metrics",
                "check",
                "error_rate=0.9%",
                "--only-given",
                "--open-incidents",
            ],
        );
        assert_eq!(code, 2, "{err}");
    }
    let list = json(&env.ok(&["incident", "list", "--format", "json"]));
    assert_eq!(
        list.as_array().unwrap().len(),
        1,
        "one incident, not one a minute"
    );
    assert_eq!(list[0]["dedup_key"], "metric:error_rate");
    assert_eq!(list[0]["severity"], "P1");
    assert_eq!(
        list[0]["title"],
        "Error rate CRITICAL: error_rate 0.9%, alert > 0.5%"
    );
    let show = json(&env.ok(&["incident", "show", "1", "--format", "json"]));
    let again = show["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "triggered_again")
        .count();
    assert_eq!(again, 2);

    env.did(
        "2024-08-07T10:03:00Z",
        &[
            "metrics",
            "check",
            "error_rate=0.01%",
            "--only-given",
            "--open-incidents",
        ],
    );
    env.did(
        "2024-08-07T10:04:00Z",
        &[
            "metrics",
            "check",
            "error_rate=0.01%",
            "--only-given",
            "--open-incidents",
        ],
    );
    let show = json(&env.ok(&["incident", "show", "1", "--format", "json"]));
    let notes: Vec<&str> = show["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "note")
        .map(|e| e["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        notes,
        ["error_rate back within target: 0.01%"],
        "one note on recovery, not one a minute"
    );
    assert_eq!(show["status"], "open");
}

#[test]
fn auto_resolve_closes_the_incident_on_recovery() {
    let env = Env::new();
    env.edit("thresholds.yaml", "incidents: false", "incidents: true");
    env.edit(
        "thresholds.yaml",
        "    description: Share of requests that fail.",
        "    description: Share of requests that fail.\n    auto_resolve: true",
    );
    env.did(
        "2024-08-07T10:00:00Z",
        &["metrics", "check", "error_rate=0.9%", "--only-given"],
    );
    env.did(
        "2024-08-07T10:05:00Z",
        &["metrics", "check", "error_rate=0.05%", "--only-given"],
    );
    let show = json(&env.ok(&["incident", "show", "1", "--format", "json"]));
    assert_eq!(show["status"], "closed");
    assert_eq!(
        show["resolution"],
        "resolved automatically: error_rate back within target: 0.05%"
    );
    assert_eq!(show["closed_at"], "2024-08-07T10:05:00Z");
}

#[test]
fn prom_out_is_written_whole() {
    let env = Env::new();
    let (code, _, _) = check(
        &env,
        &["response_time=3.4s", "backup_status=ok"],
        &["--only-given", "--prom-out", "textfile/mindops.prom"],
    );
    assert_eq!(code, 3, "the folder does not exist yet: the write fails");
    // ... and the failed check was not recorded, so cron's retry does not count it twice.
    assert!(
        !env.sqlite_file().exists()
            || rusqlite::Connection::open(env.sqlite_file())
                .unwrap()
                .query_row("SELECT count(*) FROM metric_checks", [], |r| r
                    .get::<_, i64>(0))
                .unwrap()
                == 0
    );
    std::fs::create_dir_all(env.path("work/textfile")).unwrap();
    let (code, _, _) = check(
        &env,
        &["response_time=3.4s", "backup_status=ok"],
        &["--only-given", "--prom-out", "textfile/mindops.prom"],
    );
    assert_eq!(code, 2);
    assert_eq!(
        env.read("work/textfile/mindops.prom"),
        "# HELP mindops_metric_value Latest value checked by mindops, in the metric's unit.\n\
         # TYPE mindops_metric_value gauge\n\
         mindops_metric_value{metric=\"response_time\",unit=\"s\",group=\"performance\"} 3.4\n\
         mindops_metric_value{metric=\"backup_status\",unit=\"ok/failed\",group=\"database\"} 1\n\
         # HELP mindops_metric_state State of the latest check: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.\n\
         # TYPE mindops_metric_state gauge\n\
         mindops_metric_state{metric=\"response_time\"} 2\n\
         mindops_metric_state{metric=\"backup_status\"} 0\n"
    );
    let leftovers: Vec<_> = std::fs::read_dir(env.path("work/textfile"))
        .unwrap()
        .collect();
    assert_eq!(leftovers.len(), 1, "no temp file left behind");
}

#[test]
fn a_hung_command_is_unknown_not_a_hang() {
    let env = Env::new();
    env.drop_sources();
    env.edit(
        "thresholds.yaml",
        "    unit: MB\n",
        "    unit: MB\n    command: sleep 30; echo 45MB\n    timeout: 1s\n",
    );
    env.edit(
        "thresholds.yaml",
        "    unit: \"%\"\n    target: \"< 70\"",
        "    unit: \"%\"\n    command: echo 25%\n    target: \"< 70\"",
    );
    let start = Instant::now();
    let (code, out, _) = check(
        &env,
        &["response_time=1s"],
        &["--format", "json", "--no-record"],
    );
    assert!(
        start.elapsed() < Duration::from_secs(20),
        "took {:?}",
        start.elapsed()
    );
    assert_eq!(code, 3);
    let report = json(&out);
    let by_name = |n: &str| {
        report["metrics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["name"] == n)
            .unwrap()
            .clone()
    };
    assert_eq!(
        by_name("memory")["reason"],
        "the command did not finish within 1s"
    );
    assert_eq!(by_name("load")["shown"], "25%");
    assert_eq!(by_name("load")["state"], "OK");
    // --only-given runs no commands.
    let (code, _, _) = check(
        &env,
        &["response_time=1s"],
        &["--only-given", "--no-record"],
    );
    assert_eq!(code, 0);
}

#[test]
fn history_and_list() {
    let env = Env::new();
    for (now, v) in [
        ("2024-08-07T09:00:00Z", "1.0s"),
        ("2024-08-07T09:30:00Z", "3.5s"),
        ("2024-08-07T10:00:00Z", "2.1s"),
    ] {
        env.did(
            now,
            &[
                "metrics",
                "check",
                &format!("response_time={v}"),
                "--only-given",
            ],
        );
    }
    env.did(
        "2024-08-07T10:01:00Z",
        &[
            "metrics",
            "check",
            "response_time=9s",
            "--only-given",
            "--no-record",
        ],
    );
    let out = env.ok(&["metrics", "history", "response_time", "--format", "csv"]);
    assert_eq!(
        lines(&out),
        [
            "at,value,state",
            "2024-08-07T09:00:00Z,1,OK",
            "2024-08-07T09:30:00Z,3.5,CRITICAL",
            "2024-08-07T10:00:00Z,2.1,WARNING"
        ]
    );
    let table = env.ok(&["metrics", "history", "response_time"]);
    assert!(table.starts_with("Response time (s) ▁█▄\n"), "{table}");
    let err = env.fails(&["metrics", "history", "latency"], 2);
    assert!(err.contains("unknown metric \"latency\""), "{err}");

    let list = json(&env.ok(&["metrics", "list", "--format", "json"]));
    assert_eq!(list.as_array().unwrap().len(), 21);
    assert_eq!(list[0]["name"], "response_time");
    assert_eq!(list[0]["target"], "< 2s");
    assert_eq!(list[0]["alert"], "> 3s");
    assert_eq!(list[6]["target"], "0.5:5");
}

#[test]
fn the_table_groups_metrics_as_the_sheet_does() {
    let env = Env::new();
    let (_, out, _) = check(&env, &SEED_VALUES, &[]);
    let groups: Vec<&str> = out
        .lines()
        .skip(2)
        .filter_map(|l| l.split_whitespace().next())
        .filter(|w| ["performance", "system", "database", "growth", "quality"].contains(w))
        .collect();
    assert_eq!(
        groups,
        ["performance", "system", "database", "growth", "quality"]
    );
    assert!(out.contains("METRICS WARNING - 1 warning"), "{out}");
}

/// Two cron hosts (or serve replicas) checking the same sources record one check an
/// interval between them, whatever their clocks say within a few seconds; values given by
/// hand are recorded every time.
#[test]
fn a_check_from_the_sources_is_recorded_once_an_interval_whoever_ran_it() {
    let env = Env::new();
    let sample = env.read("work/thresholds.yaml");
    let head = &sample[..sample.find("\nmetrics:").unwrap()];
    env.write(
        "work/thresholds.yaml",
        &format!(
            "{head}\nmetrics:\n  load:\n    label: Load\n    group: Technical\n    unit: \"%\"\n    alert: \"> 90%\"\n    command: echo 42\n"
        ),
    );
    env.edit(
        "thresholds.yaml",
        "check_interval: 1m",
        "check_interval: 5m",
    );
    let check = |now: &str| {
        let (code, out, err) = env.at(now, &["metrics", "check", "--format", "nagios"]);
        assert_eq!((code, err.as_str()), (0, ""), "{now}");
        assert!(out.starts_with("METRICS OK"), "{out}");
    };
    // One host at :00 and a minute on, the other three seconds behind: one interval.
    for now in [
        "2024-08-07T10:00:00Z",
        "2024-08-07T09:59:57Z",
        "2024-08-07T10:01:00Z",
        "2024-08-07T10:02:00Z",
    ] {
        check(now);
    }
    assert_eq!(
        env.rows("metric_checks"),
        vec![1; env.rows("metric_checks").len()]
    );
    check("2024-08-07T10:05:00Z");
    check("2024-08-07T10:05:02Z");
    assert_eq!(env.rows("metric_checks")[0], 2);
    // Given by hand: recorded every time.
    env.ok(&["metrics", "check", "load=50%", "--only-given"]);
    env.ok(&["metrics", "check", "load=51%", "--only-given"]);
    assert_eq!(
        env.rows("metric_checks"),
        vec![4; env.rows("metric_checks").len()]
    );
}

/// Into a pipe, with no COLUMNS, a table is 80 columns wide, as for a terminal of no size.
#[test]
fn a_table_into_a_pipe_is_80_columns_unless_columns_says() {
    let env = Env::new();
    let (code, out, err) =
        crate::common::run(env.cmd().env_remove("COLUMNS").args(["metrics", "list"]));
    assert_eq!((code, err.as_str()), (0, ""));
    let widest = out.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!((60..=80).contains(&widest), "{widest} columns:\n{out}");
    let (_, wide, _) =
        crate::common::run(env.cmd().env("COLUMNS", "150").args(["metrics", "list"]));
    assert!(wide.lines().any(|l| l.chars().count() > 80), "{wide}");
}
