//! `mindops incident`: each severity through its life, with the clock pinned.

use crate::common::{json, lines, Env};

fn open(env: &Env, sev: &str, extra: &[&str]) -> serde_json::Value {
    let mut args = vec![
        "incident",
        "open",
        "--sev",
        sev,
        "--title",
        "Checkout errors",
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    json(&env.ok(&args))
}

fn paged(record: &serde_json::Value) -> Vec<String> {
    record["paged"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            format!(
                "{} {}",
                p["role"].as_str().unwrap(),
                p["person"].as_str().unwrap()
            )
        })
        .collect()
}

fn show(env: &Env, id: &str) -> serde_json::Value {
    json(&env.ok(&["incident", "show", id, "--format", "json"]))
}

#[test]
fn each_severity_pages_the_seed_roles_with_the_seed_limits() {
    // Week 2: Primary Felix, Secondary Iris, On-Call Tilda, Backup Milo.
    let cases = [
        (
            "P0",
            "2024-08-07T10:05:00Z",
            "2024-08-07T11:00:00Z",
            vec![
                "Primary Felix",
                "Secondary Iris",
                "On-Call Tilda",
                "Backup Milo",
            ],
        ),
        (
            "P1",
            "2024-08-07T10:15:00Z",
            "2024-08-07T14:00:00Z",
            vec!["Primary Felix", "Secondary Iris"],
        ),
        (
            "P2",
            "2024-08-07T10:30:00Z",
            "2024-08-07T18:00:00Z",
            vec!["Primary Felix"],
        ),
        (
            "P3",
            "2024-08-07T12:00:00Z",
            "2024-08-08T10:00:00Z",
            vec!["Primary Felix"],
        ),
    ];
    let env = Env::new();
    for (sev, ack_due, resolve_due, people) in cases {
        let record = open(&env, sev, &[]);
        assert_eq!(record["severity"], sev);
        assert_eq!(record["status"], "open");
        assert_eq!(record["phase"], "detection");
        assert_eq!(record["opened_at"], "2024-08-07T10:00:00Z");
        assert_eq!(record["acked_at"], serde_json::Value::Null);
        assert_eq!(record["closed_at"], serde_json::Value::Null);
        assert_eq!(record["ack_due"], ack_due, "{sev}");
        assert_eq!(record["resolve_due"], resolve_due, "{sev}");
        assert_eq!(record["escalation_level"], 0);
        assert_eq!(record["dedup_key"], serde_json::Value::Null);
        assert_eq!(paged(&record), people, "{sev}");
    }
}

#[test]
fn open_prints_id_pages_and_due_times() {
    let env = Env::new();
    let out = env.ok(&[
        "incident",
        "open",
        "--sev",
        "p1",
        "--title",
        "Checkout errors",
    ]);
    assert_eq!(
        lines(&out),
        [
            "incident 1 opened: P1 High · Checkout errors",
            "paged: Felix (Primary), Iris (Secondary)",
            "acknowledge by 2024-08-07 10:15 UTC (15m) · resolve by 2024-08-07 14:00 UTC (4h)",
        ]
    );
    let id = env.ok(&[
        "incident",
        "open",
        "--sev",
        "P3",
        "--title",
        "Slow page",
        "--format",
        "plain",
    ]);
    assert_eq!(id, "2\n");
}

#[test]
fn paging_follows_overrides() {
    let env = Env::new();
    env.ok(&[
        "oncall",
        "override",
        "add",
        "--role",
        "Primary",
        "--person",
        "Tilda",
        "--from",
        "2024-08-07",
        "--to",
        "2024-08-08",
        "--force",
    ]);
    assert_eq!(paged(&open(&env, "P2", &[])), ["Primary Tilda"]);
}

#[test]
fn ack_on_time_late_and_twice() {
    let env = Env::new();
    open(&env, "P1", &[]);
    let (code, out, _) = env.at(
        "2024-08-07T10:07:00Z",
        &["incident", "ack", "1", "--by", "felix"],
    );
    assert_eq!(
        (code, out.as_str()),
        (0, "incident 1: acknowledged (2024-08-07 10:07 UTC)\n")
    );
    let (code, out, err) = env.at("2024-08-07T10:09:00Z", &["incident", "ack", "1"]);
    assert_eq!((code, out.as_str()), (0, ""));
    assert_eq!(
        err,
        "incident 1 was already acknowledged at 2024-08-07T10:07:00Z; nothing changed\n"
    );
    let record = show(&env, "1");
    assert_eq!(record["acked_at"], "2024-08-07T10:07:00Z");
    assert_eq!(record["status"], "acknowledged");

    open(&env, "P1", &[]);
    let (code, out, _) = env.at("2024-08-07T10:20:00Z", &["incident", "ack", "2"]);
    assert_eq!(code, 0);
    assert_eq!(
        lines(&out),
        [
            "incident 2: acknowledgement overdue (was due 2024-08-07 10:15 UTC) (2024-08-07 10:20 UTC)",
            "incident 2: acknowledged (2024-08-07 10:20 UTC)",
        ]
    );
}

#[test]
fn check_escalates_at_each_response_limit_until_the_chain_ends() {
    let env = Env::new();
    open(&env, "P2", &[]);
    // P2: respond within 30 minutes; the chain after Primary is Secondary, On-Call, Backup.
    let steps: [(&str, i32, &[&str]); 7] = [
        ("2024-08-07T10:29:59Z", 0, &[]),
        (
            "2024-08-07T10:30:00Z",
            1,
            &[
                "incident 1: acknowledgement overdue (was due 2024-08-07 10:30 UTC)",
                "incident 1: escalated to level 1: not acknowledged in time",
                "incident 1: paged Iris (Secondary)",
            ],
        ),
        ("2024-08-07T10:30:30Z", 1, &[]),
        ("2024-08-07T10:59:00Z", 1, &[]),
        (
            "2024-08-07T11:00:00Z",
            1,
            &[
                "incident 1: escalated to level 2: not acknowledged in time",
                "incident 1: paged Tilda (On-Call)",
            ],
        ),
        (
            "2024-08-07T11:30:00Z",
            1,
            &[
                "incident 1: escalated to level 3: not acknowledged in time",
                "incident 1: paged Milo (Backup)",
            ],
        ),
        ("2024-08-07T12:00:00Z", 1, &[]),
    ];
    for (now, code, expected) in steps {
        let (got, out, err) = env.at(now, &["incident", "check", "--format", "plain"]);
        assert_eq!(got, code, "{now}: {err}");
        assert_eq!(lines(&out), expected, "{now}");
    }
    let record = show(&env, "1");
    assert_eq!(record["escalation_level"], 3);
    let timeouts = record["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "timeout_escalated")
        .count();
    assert_eq!(timeouts, 3);
    assert!(record["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["kind"] != "timeout_escalated" || e["actor"] == "mindops"));

    // Acknowledged and then resolved in time: no breach any more, exit 0.
    env.did("2024-08-07T12:01:00Z", &["incident", "ack", "1"]);
    env.did(
        "2024-08-07T12:02:00Z",
        &["incident", "close", "1", "--resolution", "restarted"],
    );
    let (code, _, err) = env.at("2024-08-07T12:03:00Z", &["incident", "check"]);
    assert_eq!(code, 0);
    assert_eq!(err, "0 open incident(s), 0 in breach\n");
}

#[test]
fn a_check_that_catches_up_escalates_for_every_limit_missed() {
    let env = Env::new();
    open(&env, "P1", &[]);
    let (code, out, _) = env.at(
        "2024-08-07T10:31:00Z",
        &["incident", "check", "--format", "plain"],
    );
    assert_eq!(code, 1);
    assert_eq!(out.matches("escalated to level").count(), 2, "{out}");
    assert!(
        out.contains("paged Tilda (On-Call)") && out.contains("paged Milo (Backup)"),
        "{out}"
    );
}

#[test]
fn manual_escalation_walks_the_chain_then_says_it_has_ended() {
    let env = Env::new();
    open(&env, "P1", &[]);
    let (code, out, _) = env.run(&["incident", "escalate", "1", "--reason", "no answer"]);
    assert_eq!(code, 0);
    assert_eq!(
        lines(&out),
        [
            "incident 1: escalated to level 1: no answer (2024-08-07 10:00 UTC)",
            "incident 1: paged Tilda (On-Call) (2024-08-07 10:00 UTC)",
        ]
    );
    env.ok(&["incident", "escalate", "1"]);
    let err = env.fails(&["incident", "escalate", "1"], 2);
    assert_eq!(
        err,
        "mindops: error: incident 1 has paged every role of the chain (Primary, Secondary, On-Call, Backup); there is no one left to escalate to\n"
    );
    assert_eq!(show(&env, "1")["escalation_level"], 2);
}

#[test]
fn raising_and_lowering_severity_recompute_due_times_from_the_open_time() {
    let env = Env::new();
    open(&env, "P2", &[]);
    let (code, out, _) = env.at(
        "2024-08-07T10:20:00Z",
        &[
            "incident",
            "escalate",
            "1",
            "--sev",
            "P0",
            "--reason",
            "all payments failing",
        ],
    );
    assert_eq!(code, 0);
    assert!(
        out.contains("severity P2 → P0: all payments failing"),
        "{out}"
    );
    assert!(
        out.contains("paged Iris (Secondary)") && out.contains("paged Milo (Backup)"),
        "{out}"
    );
    let record = show(&env, "1");
    assert_eq!(record["severity"], "P0");
    assert_eq!(record["ack_due"], "2024-08-07T10:05:00Z");
    assert_eq!(record["resolve_due"], "2024-08-07T11:00:00Z");
    assert_eq!(record["opened_at"], "2024-08-07T10:00:00Z");

    let err = env.fails(&["incident", "escalate", "1", "--sev", "P3"], 2);
    assert!(err.contains("P3 is not more severe than P0"), "{err}");
    env.ok(&[
        "incident",
        "update",
        "1",
        "--sev",
        "P3",
        "--reason",
        "contained",
    ]);
    let record = show(&env, "1");
    assert_eq!(record["severity"], "P3");
    assert_eq!(record["ack_due"], "2024-08-07T12:00:00Z");
    let kinds: Vec<&str> = record["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds.iter().filter(|k| **k == "severity_changed").count(),
        2
    );
}

#[test]
fn dedup_joins_an_open_incident_and_not_a_closed_one() {
    let env = Env::new();
    let first = open(&env, "P1", &["--dedup-key", "metric:error_rate"]);
    let (code, out, err) = env.run(&[
        "incident",
        "open",
        "--sev",
        "P1",
        "--title",
        "again",
        "--dedup-key",
        "metric:error_rate",
        "--format",
        "plain",
    ]);
    assert_eq!((code, out.as_str()), (0, "1\n"));
    assert!(
        err.contains("recorded as triggered again (2 times in all)"),
        "{err}"
    );
    let out = env.ok(&[
        "incident",
        "open",
        "--sev",
        "P1",
        "--title",
        "again",
        "--dedup-key",
        "metric:error_rate",
    ]);
    assert_eq!(
        out,
        "incident 1 is open with dedup key \"metric:error_rate\": recorded as triggered again \
         (3 times in all); nothing new was opened and nobody was paged again\n"
    );
    let record = show(&env, "1");
    let again: Vec<&serde_json::Value> = record["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "triggered_again")
        .collect();
    assert_eq!(again.len(), 2);
    assert_eq!(again[1]["new_value"], "3");
    assert_eq!(first["dedup_key"], "metric:error_rate");

    env.ok(&["incident", "close", "1", "--resolution", "fixed"]);
    let reopened = open(&env, "P1", &["--dedup-key", "metric:error_rate"]);
    assert_eq!(reopened["id"], 2);
}

#[test]
fn close_needs_a_resolution_and_only_once() {
    let env = Env::new();
    open(&env, "P3", &[]);
    let err = env.fails(&["incident", "close", "1"], 2);
    assert!(err.contains("--resolution <TEXT>"), "{err}");
    let err = env.fails(&["incident", "close", "1", "--resolution", "  "], 2);
    assert!(err.contains("a resolution is required"), "{err}");
    env.did(
        "2024-08-07T11:00:00Z",
        &["incident", "close", "1", "--resolution", "cache flushed"],
    );
    let before = show(&env, "1");
    let err = env.fails(&["incident", "close", "1", "--resolution", "again"], 2);
    assert!(
        err.contains("incident 1 is closed; cannot close it"),
        "{err}"
    );
    assert_eq!(
        show(&env, "1"),
        before,
        "a refused close changed the record"
    );
    assert_eq!(before["closed_at"], "2024-08-07T11:00:00Z");
    assert_eq!(before["sla"], "resolved in 1h (met)");

    env.ok(&["incident", "reopen", "1", "--reason", "came back"]);
    let record = show(&env, "1");
    assert_eq!(record["status"], "open");
    assert_eq!(record["closed_at"], serde_json::Value::Null);
}

#[test]
fn list_is_newest_first_with_sla_state_and_filters() {
    let env = Env::new();
    env.did(
        "2024-08-07T09:00:00Z",
        &["incident", "open", "--sev", "P1", "--title", "old"],
    );
    env.did(
        "2024-08-07T09:58:00Z",
        &["incident", "open", "--sev", "P2", "--title", "new"],
    );
    env.did(
        "2024-08-06T09:00:00Z",
        &["incident", "open", "--sev", "P3", "--title", "older"],
    );
    env.did("2024-08-07T09:10:00Z", &["incident", "ack", "3"]);
    let out = env.ok(&["incident", "list", "--format", "csv"]);
    assert_eq!(
        lines(&out),
        [
            "id,severity,status,phase,opened_at,title,sla",
            "2,P2,open,detection,2024-08-07T09:58:00Z,new,ack due in 28m",
            "1,P1,open,detection,2024-08-07T09:00:00Z,old,ack BREACHED 45m ago",
            "3,P3,acknowledged,detection,2024-08-06T09:00:00Z,older,resolve BREACHED 1h ago",
        ]
    );
    assert_eq!(
        env.ok(&["incident", "list", "--breaching", "--format", "plain"]),
        "1\n3\n"
    );
    assert_eq!(
        env.ok(&["incident", "list", "--sev", "p2", "--format", "plain"]),
        "2\n"
    );
    assert_eq!(
        env.ok(&[
            "incident",
            "list",
            "--since",
            "2024-08-07",
            "--format",
            "plain"
        ]),
        "2\n1\n"
    );
    env.ok(&["incident", "close", "2", "--resolution", "ok"]);
    assert_eq!(env.ok(&["incident", "list", "--format", "plain"]), "1\n3\n");
    assert_eq!(
        env.ok(&["incident", "list", "--all", "--format", "plain"]),
        "2\n1\n3\n"
    );
    let table = env.ok(&["incident", "list"]);
    assert!(table.contains("ack BREACHED 45m ago"), "{table}");
}

#[test]
fn phases_and_steps_make_a_checklist_on_the_incident() {
    let env = Env::new();
    open(&env, "P2", &[]);
    env.ok(&[
        "incident",
        "step",
        "1",
        "verify-incident",
        "--note",
        "500s on /checkout",
    ]);
    env.ok(&["incident", "step", "1", "log"]);
    let err = env.fails(&["incident", "step", "1", "verify"], 2);
    assert!(err.contains("\"verify\" matches several steps: detection.verify-incident, resolution.verify-solution"), "{err}");
    let err = env.fails(&["incident", "step", "1", "dance"], 2);
    assert!(
        err.contains("unknown step \"dance\"; steps: detection.monitor-alerts"),
        "{err}"
    );
    env.ok(&["incident", "phase", "1", "assessment"]);
    env.ok(&["incident", "phase", "1", "resolution"]);
    let err = env.fails(&["incident", "phase", "1", "detection"], 2);
    assert!(
        err.contains("phases only move forward (detection → assessment → resolution → review)"),
        "{err}"
    );
    let err = env.fails(&["incident", "phase", "1", "party"], 2);
    assert!(
        err.contains("unknown phase \"party\"; phases: detection, assessment, resolution, review"),
        "{err}"
    );
    let record = show(&env, "1");
    assert_eq!(record["phase"], "resolution");
    let done: Vec<&str> = record["steps"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["done"] == true)
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(done, ["detection.verify-incident", "detection.log-details"]);
    assert_eq!(record["steps"][1]["note"], "500s on /checkout");
    let table = env.ok(&["incident", "show", "1"]);
    assert!(
        table.contains("detection   [ ] Monitor alerts  [x] Verify incident  [x] Log details"),
        "{table}"
    );
}

#[test]
fn show_lists_every_event_in_order() {
    let env = Env::new();
    open(&env, "P1", &[]);
    env.did(
        "2024-08-07T10:05:00Z",
        &["incident", "note", "1", "looking at the load balancer"],
    );
    env.did(
        "2024-08-07T10:06:00Z",
        &["incident", "ack", "1", "--by", "felix"],
    );
    env.did(
        "2024-08-07T10:40:00Z",
        &[
            "incident",
            "close",
            "1",
            "--resolution",
            "rolled back",
            "--by",
            "felix",
        ],
    );
    let out = env.ok(&["incident", "show", "1"]);
    let timeline: Vec<&str> = out
        .lines()
        .skip_while(|l| *l != "Timeline:")
        .skip(1)
        .collect();
    assert_eq!(
        timeline,
        [
            "  2024-08-07 10:00 UTC  tester     opened as P1: Checkout errors",
            "  2024-08-07 10:00 UTC  tester     paged Felix (Primary)",
            "  2024-08-07 10:00 UTC  tester     paged Iris (Secondary)",
            "  2024-08-07 10:05 UTC  tester     note: looking at the load balancer",
            "  2024-08-07 10:06 UTC  felix      acknowledged",
            "  2024-08-07 10:40 UTC  felix      closed: rolled back",
        ]
    );
}

#[test]
fn review_is_markdown_filled_from_the_record() {
    let env = Env::new();
    open(&env, "P1", &[]);
    env.did("2024-08-07T10:20:00Z", &["incident", "ack", "1"]);
    env.did(
        "2024-08-07T11:00:00Z",
        &[
            "incident",
            "step",
            "1",
            "analyze-cause",
            "--note",
            "a bad deploy",
        ],
    );
    env.did(
        "2024-08-07T11:30:00Z",
        &["incident", "close", "1", "--resolution", "rolled back"],
    );
    let (code, out, _) = env.at(
        "2024-08-07T12:00:00Z",
        &[
            "incident",
            "action",
            "add",
            "1",
            "Add a canary",
            "--owner",
            "Iris",
        ],
    );
    assert_eq!(
        (code, out.as_str()),
        (
            0,
            "action 1 on incident 1: Add a canary (owner Iris, due 2024-08-14)\n"
        )
    );
    let md = env.ok(&["incident", "review", "1"]);
    assert!(
        md.starts_with("# Incident 1: Checkout errors\n\n## Summary\n"),
        "{md}"
    );
    assert!(
        md.contains("| Time to acknowledge | 15m | 20m | missed |"),
        "{md}"
    );
    assert!(
        md.contains("| Time to resolve | 4h | 1h30m | met |"),
        "{md}"
    );
    assert!(
        md.contains("- **Paged:** Felix (Primary), Iris (Secondary)"),
        "{md}"
    );
    assert!(md.contains("## Cause\n\na bad deploy\n"), "{md}");
    assert!(
        md.contains("## Procedures to update\n\n_To be written._"),
        "{md}"
    );
    assert!(
        md.contains("| 1 | Add a canary | Iris | 2024-08-14 | open |"),
        "{md}"
    );

    env.ok(&["incident", "action", "done", "1"]);
    let (code, _, err) = env.run(&["incident", "action", "done", "1"]);
    assert_eq!(code, 0);
    assert!(err.contains("already done"), "{err}");
    assert!(env.ok(&["incident", "review", "1"]).contains(
        "| 1 | Add a canary | Iris | 2024-08-14 | done 2024-08-07 10:00 UTC by tester |"
    ));
}

#[test]
fn bad_input_exits_2_and_writes_nothing() {
    let env = Env::new();
    let err = env.fails(&["incident", "open", "--sev", "P7", "--title", "x"], 2);
    assert!(err.contains("unknown severity \"P7\"; valid severities: P0 (Critical), P1 (High), P2 (Medium), P3 (Low)"), "{err}");
    let err = env.fails(&["incident", "open", "--sev", "P1", "--title", " "], 2);
    assert!(err.contains("an incident needs a title"), "{err}");
    assert!(
        !env.sqlite_file().exists()
            || env
                .ok(&["incident", "list", "--all", "--format", "plain"])
                .is_empty()
    );
    for args in [
        &["incident", "ack", "9"][..],
        &["incident", "show", "9"],
        &["incident", "review", "9"],
        &["incident", "close", "9", "--resolution", "x"],
    ] {
        let err = env.fails(args, 2);
        assert!(
            err.contains("no incident 9; `mindops incident list --all` shows them all"),
            "{args:?}: {err}"
        );
    }
    let err = env.fails(&["incident", "action", "done", "7"], 2);
    assert!(
        err.contains("no action 7; `mindops incident show ID` lists an incident's actions"),
        "{err}"
    );
    let err = env.fails(&["incident", "ack", "abc"], 2);
    assert!(err.contains("invalid value 'abc'"), "{err}");
}

#[test]
fn twenty_parallel_opens_all_succeed() {
    let env = Env::new();
    // No store yet: the racers also race to create it.
    let runs: Vec<Vec<String>> = (1..=20)
        .map(|i| {
            [
                "incident", "open", "--sev", "P2", "--format", "plain", "--title",
            ]
            .iter()
            .map(|s| s.to_string())
            .chain([format!("race {i}")])
            .collect()
        })
        .collect();
    let runs: Vec<Vec<&str>> = runs
        .iter()
        .map(|r| r.iter().map(String::as_str).collect())
        .collect();
    env.race(&runs, |results, on| {
        let mut ids: Vec<i64> = results
            .iter()
            .map(|(code, out, err)| {
                assert_eq!((*code, err.as_str()), (0, ""), "{out}");
                out.trim().parse().expect("an id")
            })
            .collect();
        ids.sort();
        assert_eq!(ids, (1..=20).collect::<Vec<i64>>());
        let listed = on.ok(&["incident", "list", "--format", "plain"]);
        assert_eq!(listed.lines().count(), 20);
    });
}

#[test]
fn twenty_parallel_opens_with_one_key_make_one_incident() {
    let env = Env::new();
    let runs: Vec<Vec<&str>> = (0..20)
        .map(|_| {
            vec![
                "incident",
                "open",
                "--sev",
                "P1",
                "--title",
                "same",
                "--dedup-key",
                "k",
                "--format",
                "plain",
            ]
        })
        .collect();
    env.race(&runs, |results, on| {
        for (code, out, _) in results {
            assert_eq!(
                (*code, out.as_str()),
                (0, "1\n"),
                "every opener gets incident 1"
            );
        }
        let record = json(&on.ok(&["incident", "show", "1", "--format", "json"]));
        let again = record["timeline"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["kind"] == "triggered_again")
            .count();
        assert_eq!(again, 19);
        assert_eq!(
            on.ok(&["incident", "list", "--format", "plain"])
                .lines()
                .count(),
            1
        );
    });
}

#[test]
fn twenty_cron_hosts_checking_at_once_escalate_each_step_once() {
    let env = Env::new();
    open(&env, "P1", &[]);
    let runs: Vec<Vec<&str>> = (0..20)
        .map(|_| vec!["incident", "check", "--format", "plain"])
        .collect();
    // Two response limits missed by 10:31: two timeout steps owed, each to be taken once.
    env.race_at("2024-08-07T10:31:00Z", &runs, |results, on| {
        let mut said = 0;
        for (code, out, err) in results {
            assert_eq!(*code, 1, "{out}{err}");
            said += out.matches("escalated to level").count();
        }
        assert_eq!(said, 2, "{results:?}");
        let record = json(&on.ok(&["incident", "show", "1", "--format", "json"]));
        assert_eq!(record["escalation_level"], 2);
        let timeouts = record["timeline"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["kind"] == "timeout_escalated")
            .count();
        assert_eq!(timeouts, 2);
    });
}

#[test]
fn two_simultaneous_acks_record_one() {
    let env = Env::new();
    open(&env, "P1", &[]);
    let acks: Vec<Vec<&str>> = ["a", "b"]
        .iter()
        .map(|by| vec!["incident", "ack", "1", "--by", by])
        .collect();
    env.race(&acks, |results, on| {
        // One acknowledges; the other is told it already was, and both exit 0.
        let acked = results
            .iter()
            .filter(|(code, out, _)| *code == 0 && out.contains("acknowledged"))
            .count();
        assert!(results.iter().all(|(code, _, _)| *code == 0), "{results:?}");
        assert_eq!(acked, 1, "{results:?}");
        let record = json(&on.ok(&["incident", "show", "1", "--format", "json"]));
        let acks = record["timeline"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["kind"] == "acknowledged")
            .count();
        assert_eq!(acks, 1);
    });
}

#[test]
fn list_shows_a_page_unless_told_and_streams_everything_with_all() {
    let env = Env::new();
    let script = r#"for i in $(seq 1 55); do "$MINDOPS" incident open --sev P3 --title "n $i" --format plain || exit 1; done > /dev/null"#;
    assert_eq!(env.shell(script), (0, String::new(), String::new()));
    let (code, out, err) = env.run(&["incident", "list"]);
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 2 + 50, "{out}");
    assert_eq!(
        err,
        "showing the 50 newest; --limit N or --all shows more\n"
    );
    let ids = env.ok(&["incident", "list", "--format", "plain", "--limit", "3"]);
    assert_eq!(ids, "55\n54\n53\n");
    let all = json(&env.ok(&["incident", "list", "--all", "--format", "json"]));
    let all = all.as_array().unwrap();
    assert_eq!(all.len(), 55);
    assert_eq!(all[0]["id"], 55);
    assert_eq!(all[54]["id"], 1);
    assert_eq!(all[54]["paged"][0]["role"], "Primary");
    let csv = env.ok(&["incident", "list", "--all", "--format", "csv"]);
    assert_eq!(csv.lines().count(), 56);
    assert!(csv.starts_with("id,severity,status,phase,opened_at,title,sla\n"));
    assert_eq!(
        env.ok(&["incident", "list", "--sev", "P1", "--format", "json"]),
        "[]\n"
    );
    assert_eq!(
        env.ok(&["incident", "list", "--sev", "P1", "--format", "csv"]),
        "id,severity,status,phase,opened_at,title,sla\n"
    );
}

/// The seed's "< 15 minutes": an acknowledgement or closing at the due instant is late, and
/// the timeline, the review and the weekly report all say so.
#[test]
fn the_due_instant_itself_is_late_everywhere() {
    let env = Env::new();
    let at = |now: &str, args: &[&str]| {
        let (code, out, err) = env.at(now, args);
        assert_eq!((code, err.as_str()), (0, ""), "{args:?}");
        out
    };
    at(
        "2024-08-07T10:00:00Z",
        &["incident", "open", "--sev", "P1", "--title", "on the edge"],
    );
    at("2024-08-07T10:15:00Z", &["incident", "ack", "1"]);
    at(
        "2024-08-07T14:00:00Z",
        &["incident", "close", "1", "--resolution", "fixed"],
    );
    let record = show(&env, "1");
    let kinds: Vec<&str> = record["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"ack_breached"), "{kinds:?}");
    assert!(kinds.contains(&"resolve_breached"), "{kinds:?}");
    let review = at("2024-08-07T15:00:00Z", &["incident", "review", "1"]);
    assert_eq!(review.matches("| missed |").count(), 2, "{review}");
    let report = json(&at(
        "2024-08-12T09:00:00Z",
        &["report", "weekly", "--format", "json"],
    ));
    let p1 = &report["incidents"]["by_severity"][1];
    assert_eq!(p1["severity"], "P1");
    assert_eq!(
        (p1["ack_sla_pct"].as_f64(), p1["resolve_sla_pct"].as_f64()),
        (Some(0.0), Some(0.0))
    );
    assert_eq!(report["incidents"]["breaches_total"], 2);
}

#[test]
fn an_ack_or_close_before_the_latest_event_is_refused() {
    let env = Env::new();
    open(&env, "P2", &[]);
    env.did(
        "2024-08-07T11:00:00Z",
        &["incident", "note", "1", "looking"],
    );
    for args in [
        &["incident", "ack", "1"][..],
        &["incident", "close", "1", "--resolution", "x"],
    ] {
        let (code, _, err) = env.at("2024-08-07T10:30:00Z", args);
        assert_eq!(code, 2, "{args:?}");
        assert!(err.contains("time does not run backwards"), "{err}");
    }
    env.did(
        "2024-08-07T11:05:00Z",
        &["incident", "close", "1", "--resolution", "x"],
    );
    env.did("2024-08-07T11:10:00Z", &["incident", "reopen", "1"]);
    assert_eq!(show(&env, "1")["resolution"], serde_json::Value::Null);
}

/// A reader that stops early (`| head`) is the reader's choice: the streaming listing stops
/// quietly, whichever of its two threads meets the closed pipe.
#[test]
fn a_listing_cut_short_by_its_reader_exits_quietly() {
    let env = Env::new();
    open(&env, "P3", &[]);
    {
        // Enough incidents that the JSON outgrows the pipe's buffer.
        let conn = rusqlite::Connection::open(env.sqlite_file()).unwrap();
        conn.execute_batch(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
             INSERT INTO incidents (title, severity, status, phase, opened_at, opened_by,
                                    ack_due, resolve_due)
             SELECT 'copy ' || i, severity, status, phase, opened_at - i, opened_by, ack_due,
                    resolve_due FROM incidents, n WHERE incidents.id = 1;",
        )
        .unwrap();
    }
    let (code, out, err) = env.shell(
        r#""$MINDOPS" incident list --all --format json 2> err | head -c 20; echo " ${PIPESTATUS[0]}"; cat err"#,
    );
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(out.ends_with(" 0\n"), "{out}");
}

/// `incident simulate` says what `incident check`, run every minute, then really does: the
/// same pages to the same people at the same minutes, the same escalations and breaches, with
/// nothing stored by the simulation itself.
#[test]
fn simulate_matches_what_check_then_does_minute_by_minute() {
    use chrono::{DateTime, Duration, Utc};
    let env = Env::new();
    let at: DateTime<Utc> = "2024-08-07T10:00:00Z".parse().unwrap();
    let stamp =
        |m: i64| (at + Duration::minutes(m)).to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let ok_at = |now: &str, args: &[&str]| {
        let (code, out, err) = env.at(now, args);
        assert_eq!((code, err.as_str()), (0, ""), "{args:?}");
        out
    };
    // (severity, acknowledged after, the minutes cron runs, the window compared). P3's day is
    // checked at each of its limits and the minutes either side of them.
    let edges =
        |limits: &[i64]| -> Vec<i64> { limits.iter().flat_map(|m| [m - 1, *m, m + 1]).collect() };
    let cases: [(&str, Option<i64>, Vec<i64>, i64); 4] = [
        (
            "P1",
            Some(40),
            (1..=45).chain([239, 240, 241]).collect(),
            241,
        ),
        ("P0", None, (1..=35).collect(), 35),
        ("P2", None, (1..=95).collect(), 95),
        ("P3", None, edges(&[120, 240, 360, 1440]), 1441),
    ];
    for (number, (sev, acked, minutes, window)) in cases.into_iter().enumerate() {
        let mut args = vec!["incident", "simulate", "--sev", sev, "--format", "json"];
        let after = acked.map(|m| format!("{m}m"));
        if let Some(after) = &after {
            args.extend(["--acked-after", after.as_str()]);
        }
        let planned: Vec<(String, String, String)> = json(&ok_at(&stamp(0), &args))
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["after_minutes"].as_i64().unwrap() <= window)
            .map(|s| {
                let kind = match s["event"].as_str().unwrap() {
                    "page" => "paged",
                    "escalated" => "timeout_escalated",
                    "acknowledgement_overdue" => "ack_breached",
                    "resolution_overdue" => "resolve_breached",
                    other => other,
                };
                let who = s["person"].as_str().unwrap_or_default().to_string();
                (s["at"].as_str().unwrap().to_string(), kind.to_string(), who)
            })
            .collect();
        assert!(planned
            .iter()
            .any(|p| p.1 == "timeout_escalated" || p.1 == "paged"));
        let id = (number + 1).to_string();
        env.did(
            &stamp(0),
            &["incident", "open", "--sev", sev, "--title", "for real"],
        );
        for m in minutes {
            if Some(m) == acked {
                env.did(&stamp(m), &["incident", "ack", &id]);
            }
            env.did(&stamp(m), &["incident", "check"]);
        }
        let shown = json(&ok_at(
            &stamp(window),
            &["incident", "show", &id, "--format", "json"],
        ));
        let happened: Vec<(String, String, String)> = shown["timeline"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| {
                [
                    "opened",
                    "paged",
                    "timeout_escalated",
                    "acknowledged",
                    "ack_breached",
                    "resolve_breached",
                ]
                .contains(&e["kind"].as_str().unwrap())
            })
            .map(|e| {
                let kind = e["kind"].as_str().unwrap();
                let who = if kind == "paged" {
                    e["new_value"].as_str().unwrap_or_default()
                } else {
                    ""
                };
                (
                    e["at"].as_str().unwrap().to_string(),
                    kind.to_string(),
                    who.to_string(),
                )
            })
            .collect();
        assert_eq!(planned, happened, "{sev}");
    }
}

/// A severity with `hours: business` opened on a Saturday night pages nobody until Monday
/// 09:00, its limits counting from there; `simulate` says the same.
#[test]
fn a_severity_with_hours_waits_for_them() {
    let env = Env::new();
    env.edit(
        "thresholds.yaml",
        "    resolution: 24h\n    page: [Primary]\n",
        "    resolution: 24h\n    page: [Primary]\n    hours: business\n",
    );
    let saturday = "2024-08-10T03:00:00Z";
    let (code, out, err) = env.at(
        saturday,
        &[
            "incident",
            "open",
            "--sev",
            "P3",
            "--title",
            "slow export",
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let opened = json(&out);
    assert_eq!(opened["paged"], serde_json::json!([]), "{out}");
    assert_eq!(opened["ack_due"], "2024-08-12T11:00:00Z");
    assert_eq!(opened["resolve_due"], "2024-08-13T09:00:00Z");
    for at in ["2024-08-10T12:00:00Z", "2024-08-11T23:59:00Z"] {
        let (code, out, _) = env.at(at, &["incident", "check", "--format", "json"]);
        assert_eq!(code, 0);
        assert_eq!(json(&out)["done"], serde_json::json!([]), "{at}");
    }
    let (_, out, _) = env.at(
        "2024-08-12T09:00:00Z",
        &["incident", "check", "--format", "json"],
    );
    let done = json(&out)["done"].clone();
    assert_eq!(done[0]["kind"], "paged", "{done}");
    assert!(done[0]["what"].as_str().unwrap().contains("Iris"), "{done}");
    let (_, shown, _) = env.at("2024-08-12T09:00:00Z", &["incident", "show", "1"]);
    assert!(
        shown.contains("P3 pages in its hours: paging starts 2024-08-12 09:00 UTC"),
        "{shown}"
    );

    let (code, out, _) = env.at(
        saturday,
        &["incident", "simulate", "--sev", "P3", "--format", "json"],
    );
    assert_eq!(code, 0);
    let steps = json(&out);
    let first_page = steps
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["event"] == "page")
        .unwrap();
    assert_eq!(first_page["at"], "2024-08-12T09:00:00Z");
    assert_eq!(first_page["person"], "Iris");
    // P1 has no hours: it pages at once, whatever the hour.
    let (_, out, _) = env.at(
        saturday,
        &[
            "incident", "open", "--sev", "P1", "--title", "down", "--format", "json",
        ],
    );
    assert_eq!(json(&out)["paged"].as_array().unwrap().len(), 2);
}
