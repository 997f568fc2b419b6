//! Input a careless or hostile user could give: none of it may hang, crash or run without
//! bound. Each case once hung, exited 101 or grew without limit.

use std::time::{Duration, Instant};

use crate::common::{json, Env};

/// Runs `mindops ARGS` with a deadline: a hang fails the test instead of stalling the suite.
fn bounded(env: &Env, args: &[&str]) -> (i32, String, String) {
    let output = env
        .cmd()
        .args(args)
        .timeout(Duration::from_secs(20))
        .output()
        .expect("run mindops");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn dates_at_the_edge_of_the_calendar_are_refused_not_looped_on() {
    let env = Env::new();
    let far = "outside the years mindops works with (1970 to 9999)";
    for args in [
        &["oncall", "--date", "+262142-12-31"][..],
        &["oncall", "--at", "+262142-12-31"],
        &["checklist", "--date", "+262142-12-31"],
        &[
            "oncall",
            "schedule",
            "--from",
            "+262142-12-01",
            "--weeks",
            "10",
        ],
        &[
            "oncall",
            "export",
            "--from",
            "+262142-12-01",
            "--weeks",
            "10",
        ],
        &["checklist", "history", "--to=-262143-01-03"],
        &["oncall", "--date", "1969-12-31"],
        &[
            "oncall",
            "override",
            "add",
            "--role",
            "Backup",
            "--person",
            "Felix",
            "--from",
            "+262142-12-30",
            "--to",
            "+262142-12-31",
        ],
    ] {
        let (code, out, err) = bounded(&env, args);
        assert_eq!((code, out.as_str()), (2, ""), "{args:?}: {err}");
        assert!(err.contains(far), "{args:?}: {err}");
    }
    let (code, _, err) = bounded(
        &env,
        &[
            "oncall",
            "schedule",
            "--from",
            "9999-12-01",
            "--weeks",
            "10",
        ],
    );
    assert_eq!(code, 2);
    assert!(err.contains("runs past the end of 9999"), "{err}");
    let (code, _, err) = bounded(&env, &["oncall", "export", "--to", "9999-12-31"]);
    assert_eq!(code, 2);
    assert!(err.contains("is more than 520 weeks"), "{err}");
}

#[test]
fn a_pinned_clock_outside_the_calendar_is_refused() {
    let env = Env::new();
    let (code, _, err) = env.at("+262142-12-31T00:00:00Z", &["oncall"]);
    assert_eq!(code, 2);
    assert!(err.contains("MINDOPS_NOW"), "{err}");
}

#[test]
fn a_configured_duration_longer_than_a_year_is_a_config_error() {
    let env = Env::new();
    env.edit(
        "thresholds.yaml",
        "    resolution: 4h",
        "    resolution: 100000000d",
    );
    let err = env.fails(&["config", "check"], 2);
    assert!(
        err.contains(
            "severities.P1.resolution: \"100000000d\" is longer than mindops takes; write at most 366d"
        ),
        "{err}"
    );
    env.fails(&["incident", "open", "--sev", "P1", "--title", "t"], 2);
}

#[test]
fn arguments_that_are_not_utf8_are_usage_errors() {
    use std::os::unix::ffi::OsStrExt;
    let env = Env::new();
    let bad = std::ffi::OsStr::from_bytes(b"\xff");
    let run = |args: &[&std::ffi::OsStr]| crate::common::run(env.cmd().args(args));
    let (code, out, _) = run(&[bad]);
    assert_eq!((code, out.as_str()), (2, ""));
    let (code, _, err) = run(&["oncall".as_ref(), "--tz".as_ref(), bad]);
    assert_eq!(code, 2);
    assert!(err.contains("invalid UTF-8"), "{err}");
    let (code, out, _) = run(&[
        "metrics".as_ref(),
        "check".as_ref(),
        "--format".as_ref(),
        "nagios".as_ref(),
        bad,
    ]);
    assert_eq!(code, 3);
    assert_eq!(
        out,
        "METRICS UNKNOWN - invalid UTF-8 was detected in one or more arguments\n"
    );
}

#[test]
fn a_usage_error_under_nagios_is_one_unknown_line() {
    let env = Env::new();
    for args in [
        &["metrics", "check", "--format", "nagios", "--bogus"][..],
        &["metrics", "check", "--bogus", "--format", "nagios"],
        &[
            "--db",
            "x.db",
            "metrics",
            "check",
            "--format=nagios",
            "--bogus",
        ],
    ] {
        let (code, out, err) = env.run(args);
        assert_eq!(code, 3, "{args:?}: {err}");
        assert_eq!(
            out, "METRICS UNKNOWN - unexpected argument '--bogus' found\n",
            "{args:?}"
        );
    }
    let (code, out, _) = env.run(&["metrics", "check", "--bogus"]);
    assert_eq!((code, out.as_str()), (3, ""));
    let (code, out, _) = env.run(&[
        "--tz",
        "Mars/Base",
        "metrics",
        "check",
        "--format",
        "nagios",
    ]);
    assert_eq!(code, 3);
    assert!(
        out.starts_with("METRICS UNKNOWN - unknown time zone \"Mars/Base\""),
        "{out}"
    );
}

#[test]
fn escalation_stops_at_the_end_of_the_chain_when_nobody_can_be_paged() {
    let env = Env::new();
    // The rotation starts long after the incident: nobody holds any role.
    env.edit("rotation.yaml", "start: 2024-07-29", "start: 2030-07-29");
    let (code, _, err) = env.at(
        "2024-08-07T10:00:00Z",
        &[
            "incident",
            "open",
            "--sev",
            "P1",
            "--title",
            "before anyone",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let start = Instant::now();
    let (code, out, err) = env.at(
        "2028-08-07T10:00:00Z",
        &["incident", "check", "--format", "json"],
    );
    assert!(
        start.elapsed() < Duration::from_secs(15),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(code, 1, "{err}");
    let done = json(&out)["done"].as_array().unwrap().clone();
    let escalations = done
        .iter()
        .filter(|d| d["kind"] == "timeout_escalated")
        .count();
    // Every step of the chain is empty, and an empty step is skipped at once: the chain is
    // over without an escalation that pages nobody; the breach is on record.
    assert_eq!(escalations, 0, "{done:?}");
    assert!(done.iter().any(|d| d["kind"] == "ack_breached"), "{done:?}");
    // Again later: nothing more is owed.
    let (_, out, _) = env.at(
        "2028-09-07T10:00:00Z",
        &["incident", "check", "--format", "json"],
    );
    assert_eq!(json(&out)["done"], serde_json::json!([]));
    let (code, _, err) = env.at("2028-09-07T10:00:00Z", &["incident", "escalate", "1"]);
    assert_eq!(code, 2);
    assert!(err.contains("there is no one left to escalate to"), "{err}");
}

#[test]
fn an_endless_input_is_cut_off_with_a_reason() {
    let env = Env::new();
    let (code, out, _) = env.run(&[
        "metrics",
        "check",
        "--input",
        "/dev/zero",
        "--input-format",
        "kv",
        "--max-input-mib",
        "1",
        "--format",
        "nagios",
        "--no-record",
    ]);
    assert_eq!(code, 3);
    assert_eq!(
        out,
        "METRICS UNKNOWN - cannot read /dev/zero: the input is larger than 1 MiB; a check reads at most that much (--max-input-mib)\n"
    );
}

#[test]
fn a_command_that_floods_or_leaves_a_child_behind_keeps_its_timeout() {
    let env = Env::new();
    env.drop_sources();
    env.edit(
        "thresholds.yaml",
        "    unit: MB\n",
        "    unit: MB\n    command: yes 45MB\n    timeout: 5s\n",
    );
    env.edit(
        "thresholds.yaml",
        "    unit: \"%\"\n    target: \"< 70\"",
        "    unit: \"%\"\n    command: echo 25%; sleep 25 &\n    timeout: 1s\n    target: \"< 70\"",
    );
    let start = Instant::now();
    let (code, out, err) = bounded(
        &env,
        &[
            "metrics",
            "check",
            "response_time=1s",
            "--max-input-mib",
            "1",
            "--format",
            "json",
            "--no-record",
        ],
    );
    assert!(
        start.elapsed() < Duration::from_secs(20),
        "took {:?}",
        start.elapsed()
    );
    assert_eq!(code, 3, "{err}");
    let report = json(&out);
    let metric = |name: &str| {
        report["metrics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["name"] == name)
            .unwrap()
            .clone()
    };
    assert_eq!(metric("load")["value"], 25.0);
    assert_eq!(metric("memory")["state"], "UNKNOWN");
    assert!(
        metric("memory")["reason"]
            .as_str()
            .unwrap()
            .contains("printed more than 1048576 bytes"),
        "{:?}",
        metric("memory")
    );
}

#[test]
fn values_that_must_not_be_believed_are_unknown_and_not_recorded() {
    let env = Env::new();
    for (given, reason) in [
        ("response_time=inf", "\"inf\" is not a finite number"),
        ("response_time=-inf", "\"-inf\" is not a finite number"),
        ("response_time=1e400", "\"1e400\" is not a finite number"),
        (
            "response_time=-1s",
            "-1s is below 0s, the least response_time can be",
        ),
        ("uptime=101%", "101% is above 100%, the most uptime can be"),
        (
            "user_satisfaction=6/5",
            "6/5 is above 5/5, the most user_satisfaction can be",
        ),
        (
            "response_time=1,2s",
            "\"1,2s\" has a comma that is not a thousands separator",
        ),
        (
            "active_users=25,00",
            "\"25,00\" has a comma that is not a thousands separator",
        ),
    ] {
        let (code, out, err) = env.run(&[
            "metrics",
            "check",
            given,
            "--only-given",
            "--format",
            "json",
        ]);
        assert_eq!(code, 3, "{given}: {err}");
        let metric = &json(&out)["metrics"][0];
        assert_eq!(metric["state"], "UNKNOWN", "{given}");
        assert_eq!(metric["value"], serde_json::Value::Null, "{given}");
        assert!(
            metric["reason"].as_str().unwrap().contains(reason),
            "{given}: {}",
            metric["reason"]
        );
    }
    // A growth rate declares its own range: shrinking is a value, not an error.
    let (code, out, _) = env.run(&[
        "metrics",
        "check",
        "growth_rate=-3%",
        "--only-given",
        "--format",
        "json",
    ]);
    assert_eq!(
        (code, json(&out)["metrics"][0]["state"].as_str()),
        (2, Some("CRITICAL"))
    );
    let history = json(&env.ok(&["metrics", "history", "response_time", "--format", "json"]));
    assert!(
        history
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["value"].is_null()),
        "{history}"
    );
}

#[test]
fn files_for_others_keep_their_mode_and_private_config_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    let mode = |rel: &str| {
        std::fs::metadata(env.path(rel))
            .unwrap()
            .permissions()
            .mode()
            & 0o777
    };
    env.write("work/kept.prom", "old\n");
    std::fs::set_permissions(
        env.path("work/kept.prom"),
        std::fs::Permissions::from_mode(0o640),
    )
    .unwrap();
    // A new file gets 0644; one that was there keeps its mode.
    for (file, expected) in [("new.prom", 0o644), ("kept.prom", 0o640)] {
        let (code, _, err) = env.run(&[
            "metrics",
            "check",
            "response_time=1s",
            "--only-given",
            "--prom-out",
            file,
        ]);
        assert_eq!(code, 0, "{err}");
        assert_eq!(mode(&format!("work/{file}")), expected, "{file}");
    }
    assert!(env.read("work/kept.prom").contains("mindops_metric_value"));
    let (code, _, err) = env.run(&["report", "weekly", "--out", "week.md"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(mode("work/week.md"), 0o644);
    let leftovers: Vec<String> = std::fs::read_dir(env.work())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert_eq!(leftovers, Vec::<String>::new());

    let (code, _, err) = env.run(&["init", "fresh"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(mode("work/fresh/rotation.yaml"), 0o600, "phones and emails");
}

#[test]
fn config_that_another_user_controls_is_not_used() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    let rotation = env.path("work/rotation.yaml");
    std::fs::set_permissions(&rotation, std::fs::Permissions::from_mode(0o666)).unwrap();
    let err = env.fails(&["oncall"], 2);
    assert!(
        err.contains("rotation.yaml is writable by every user"),
        "{err}"
    );
    assert!(err.contains("chmod o-w"), "{err}");
    std::fs::set_permissions(&rotation, std::fs::Permissions::from_mode(0o644)).unwrap();
    env.ok(&["oncall"]);
    // Someone else's checkout: only root can hand a file to another user, so the rest of
    // this case runs where the tests run as root (as CI does).
    let thresholds = env.path("work/thresholds.yaml");
    if std::os::unix::fs::chown(&thresholds, Some(65534), None).is_ok() {
        let err = env.fails(&["metrics", "check", "--only-given", "response_time=1s"], 3);
        assert!(err.contains("belongs to another user (uid 65534)"), "{err}");
        // Named on purpose, it is the user's call.
        let dir = env.work();
        let (code, _, err) = env.run(&[
            "--config-dir",
            dir.to_str().unwrap(),
            "metrics",
            "check",
            "--only-given",
            "response_time=1s",
        ]);
        assert_eq!(code, 0, "{err}");
    }
}

#[test]
fn control_characters_from_data_are_shown_escaped() {
    let env = Env::new();
    let title = "boom\u{1b}[2J\u{7}\u{9b}";
    env.ok(&["incident", "open", "--sev", "P3", "--title", title]);
    env.ok(&["handover", "add", "note\u{1b}]0;owned\u{7}"]);
    for args in [
        &["incident", "list"][..],
        &["incident", "list", "--format", "csv"],
        &["incident", "show", "1"],
        &["handover", "list"],
        &["handover", "list", "--format", "plain"],
        &["handover", "list", "--format", "csv"],
        &["oncall"],
    ] {
        let (code, out, err) = env.run(args);
        assert_eq!(code, 0, "{args:?}: {err}");
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{7}') && !out.contains('\u{9b}'),
            "{args:?}: {out:?}"
        );
        assert!(out.contains("\\x1b"), "{args:?}: {out}");
    }
    // JSON keeps the text as it is, escaped by JSON itself.
    let json = env.ok(&["incident", "show", "1", "--format", "json"]);
    assert!(json.contains("boom\\u001b[2J"), "{json}");
}

#[test]
fn deep_or_huge_config_is_refused_before_parsing() {
    let env = Env::new();
    let deep = format!("roles: {}{}\n", "[".repeat(40_000), "]".repeat(40_000));
    env.write("work/rotation.yaml", &deep);
    let start = Instant::now();
    let err = env.fails(&["config", "check"], 2);
    assert!(
        start.elapsed() < Duration::from_secs(10),
        "{:?}",
        start.elapsed()
    );
    assert!(
        err.contains("rotation.yaml:1:40: nested more than 32 levels deep"),
        "{err}"
    );
    env.write("work/rotation.yaml", &"# padding\n".repeat(200_000));
    let err = env.fails(&["config", "check"], 2);
    assert!(err.contains("is larger than 1024 KiB"), "{err}");
}

#[test]
fn a_long_checklist_is_checked_in_linear_time() {
    let env = Env::new();
    let sample = include_str!("../../rotation.yaml");
    let at = sample.find("checklist:").unwrap();
    let mut text = sample[..at].to_string();
    text.push_str("checklist:\n  - slot: morning\n    due: \"12:00\"\n    items:\n");
    for i in 0..20_000 {
        text.push_str(&format!("      - Item number {i}\n"));
    }
    env.write("work/rotation.yaml", &text);
    let start = Instant::now();
    let (code, _, err) = env.run(&["config", "check"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        start.elapsed() < Duration::from_secs(15),
        "{:?}",
        start.elapsed()
    );
}
