//! `mindops checklist` and `mindops handover`, with the clock pinned.

use crate::common::{json, lines, Env};

fn ticked(env: &Env, now: &str, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["checklist"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let (code, out, err) = env.at(now, &all);
    assert_eq!(code, 0, "{err}");
    json(&out)
}

fn done_by(day: &serde_json::Value) -> Vec<(String, String)> {
    day["slots"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["items"].as_array().unwrap().clone())
        .filter(|i| i["done"] == true)
        .map(|i| {
            (
                i["id"].as_str().unwrap().to_string(),
                i["by"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn a_full_day_ticked_by_hand_and_by_evidence() {
    let env = Env::new();
    let morning = "2024-08-07T08:00:00Z";
    // Before anything happens, what mindops can prove already: a rotation without problems.
    // A quiet night proves nothing about alerts; a person reviews them.
    let day = ticked(&env, morning, &[]);
    assert_eq!(day["responsible"]["person"], "Felix");
    assert_eq!(day["responsible"]["role"], "Primary");
    assert_eq!(
        done_by(&day),
        [("evening.update-rotation".into(), "mindops".into())]
    );

    env.did(
        "2024-08-07T08:05:00Z",
        &[
            "metrics",
            "check",
            "backup_status=ok",
            "response_time=1s",
            "--only-given",
        ],
    );
    env.did(
        "2024-08-07T18:00:00Z",
        &[
            "handover",
            "add",
            "Quiet day; DB drill tomorrow",
            "--by",
            "felix",
        ],
    );
    let (code, out, _) = env.at(
        "2024-08-07T18:05:00Z",
        &[
            "checklist",
            "done",
            "review-alerts",
            "update-status",
            "5",
            "review-tickets",
            "update documentation",
            "Plan",
            "final",
            "Prepare",
            "--by",
            "felix",
        ],
    );
    assert_eq!(code, 0);
    assert_eq!(lines(&out).len(), 8);
    let day = ticked(&env, "2024-08-07T18:10:00Z", &[]);
    assert_eq!(day["done"], 12);
    let by_evidence: Vec<String> = done_by(&day)
        .into_iter()
        .filter(|(_, by)| by == "mindops")
        .map(|(id, _)| id)
        .collect();
    assert_eq!(
        by_evidence,
        [
            "morning.check-metrics",
            "morning.verify-backups",
            "evening.update-rotation",
            "evening.handover-notes"
        ]
    );
    let items: Vec<serde_json::Value> = day["slots"][0]["items"].as_array().unwrap().clone();
    assert_eq!(items[1]["evidence"], "metrics checked at 08:05");
    assert_eq!(items[2]["evidence"], "backup_status recorded ok at 08:05");
    let (code, _, err) = env.at("2024-08-07T23:00:00Z", &["checklist", "status"]);
    assert_eq!(code, 0);
    assert_eq!(err, "2024-08-07: nothing overdue\n");
}

#[test]
fn an_open_unacknowledged_incident_unticks_review_alerts() {
    let env = Env::new();
    env.did(
        "2024-08-07T08:00:00Z",
        &["incident", "open", "--sev", "P2", "--title", "slow"],
    );
    let day = ticked(&env, "2024-08-07T09:00:00Z", &[]);
    assert!(!done_by(&day)
        .iter()
        .any(|(id, _)| id == "morning.review-alerts"));
    env.did("2024-08-07T09:10:00Z", &["incident", "ack", "1"]);
    let day = ticked(&env, "2024-08-07T09:20:00Z", &[]);
    assert!(done_by(&day)
        .iter()
        .any(|(id, by)| id == "morning.review-alerts" && by == "mindops"));
    let items = day["slots"][0]["items"].as_array().unwrap();
    assert_eq!(
        items[0]["evidence"],
        "all 1 page of the day answered by 09:10"
    );
    // The day before had no pages: nothing proves its alerts were reviewed.
    let before = ticked(&env, "2024-08-07T09:20:00Z", &["--date", "2024-08-06"]);
    assert_eq!(
        done_by(&before),
        [("evening.update-rotation".into(), "mindops".into())]
    );
    // Nor does anything before the rotation starts.
    let early = ticked(&env, "2024-08-07T09:20:00Z", &["--date", "2024-07-20"]);
    assert_eq!(done_by(&early), []);
}

#[test]
fn overdue_items_per_slot_at_the_right_minute() {
    let env = Env::new();
    env.did(
        "2024-08-07T09:00:00Z",
        &["checklist", "done", "update-status"],
    );
    let (code, out, _) = env.at("2024-08-07T11:59:59Z", &["checklist", "status"]);
    assert_eq!((code, out.as_str()), (0, ""));
    let (code, out, _) = env.at("2024-08-07T12:00:00Z", &["checklist", "status"]);
    assert_eq!(code, 1);
    assert_eq!(
        lines(&out),
        [
            "overdue: morning.review-alerts (Review alerts) was due 2024-08-07 12:00 UTC",
            "overdue: morning.check-metrics (Check metrics) was due 2024-08-07 12:00 UTC",
            "overdue: morning.verify-backups (Verify backups) was due 2024-08-07 12:00 UTC",
        ]
    );
    let (code, out, _) = env.at(
        "2024-08-07T17:00:00Z",
        &["checklist", "status", "--format", "json"],
    );
    assert_eq!(code, 1);
    let report = json(&out);
    let overdue: Vec<&str> = report["overdue"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_str().unwrap())
        .collect();
    assert_eq!(overdue.len(), 7, "{overdue:?}");
    assert!(overdue.contains(&"afternoon.plan-improvements"));
    let table = env
        .at(
            "2024-08-07T17:00:00Z",
            &["checklist", "--slot", "afternoon"],
        )
        .1;
    assert_eq!(table.matches("OVERDUE").count(), 4, "{table}");
}

#[test]
fn ambiguous_or_unknown_items_write_nothing() {
    let env = Env::new();
    let err = env.fails(&["checklist", "done", "final", "update"], 2);
    assert_eq!(
        err,
        "mindops: error: \"update\" matches several items: morning.update-status (Update status), \
         afternoon.update-documentation (Update documentation), evening.update-rotation (Update rotation); give more of it\n"
    );
    let err = env.fails(&["checklist", "done", "dance"], 2);
    assert!(
        err.contains("no checklist item \"dance\"; items: morning.review-alerts (Review alerts)"),
        "{err}"
    );
    let err = env.fails(&["checklist", "done", "13"], 2);
    assert!(
        err.contains("there is no item 13; the day has items 1 to 12"),
        "{err}"
    );
    assert!(!env
        .ok(&["checklist", "--format", "plain"])
        .contains("x\tevening.final-status-check"));
    let err = env.fails(&["checklist", "--slot", "night"], 2);
    assert!(
        err.contains("unknown slot \"night\"; slots: morning, afternoon, evening"),
        "{err}"
    );
    let err = env.fails(&["checklist", "--date", "tomorrow"], 2);
    assert!(err.contains("is not a date"), "{err}");
    let err = env.fails(&["checklist", "done", "1", "--date", "2024-08-08"], 2);
    assert!(err.contains("2024-08-08 has not come yet"), "{err}");
}

#[test]
fn ticking_twice_is_a_no_op_and_undo_unticks() {
    let env = Env::new();
    env.ok(&[
        "checklist",
        "done",
        "final-status-check",
        "--note",
        "all green",
    ]);
    let (code, out, err) = env.run(&["checklist", "done", "evening.final-status-check"]);
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (
            0,
            "",
            "evening.final-status-check is already done; nothing changed\n"
        )
    );
    let day = ticked(&env, crate::common::NOW, &[]);
    assert_eq!(day["slots"][2]["items"][0]["note"], "all green");
    assert_eq!(day["slots"][2]["items"][0]["by"], "tester");
    let (code, out, _) = env.run(&["checklist", "undo", "9"]);
    assert_eq!(
        (code, out.as_str()),
        (
            0,
            "undone: evening.final-status-check by tester (2024-08-07)\n"
        )
    );
    // An undo also stands against evidence.
    env.ok(&["checklist", "undo", "update rotation"]);
    let day = ticked(&env, crate::common::NOW, &[]);
    assert!(!done_by(&day)
        .iter()
        .any(|(id, _)| id == "evening.final-status-check" || id == "evening.update-rotation"));
}

#[test]
fn a_changed_config_does_not_rewrite_yesterday() {
    let env = Env::new();
    env.did(
        "2024-08-06T10:00:00Z",
        &["checklist", "done", "plan-improvements"],
    );
    env.edit(
        "rotation.yaml",
        "      - Plan improvements",
        "      - Plan the next sprint",
    );
    let yesterday = env.ok(&["checklist", "--date", "2024-08-06", "--format", "plain"]);
    assert!(
        yesterday.contains("x\tafternoon.plan-improvements\tPlan improvements"),
        "{yesterday}"
    );
    let today = env.ok(&["checklist", "--format", "plain"]);
    assert!(
        today.contains(" \tafternoon.plan-the-next-sprint\tPlan the next sprint"),
        "{today}"
    );
}

#[test]
fn history_counts_per_day_and_person() {
    let env = Env::new();
    env.did(
        "2024-08-06T10:00:00Z",
        &["checklist", "done", "1", "2", "3", "--by", "felix"],
    );
    env.did(
        "2024-08-07T09:00:00Z",
        &["checklist", "done", "4", "--by", "iris"],
    );
    let report = json(&env.ok(&[
        "checklist",
        "history",
        "--from",
        "2024-08-06",
        "--format",
        "json",
    ]));
    assert_eq!(report["from"], "2024-08-06");
    assert_eq!(report["to"], "2024-08-07");
    let days: Vec<(i64, i64)> = report["days"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["done"].as_i64().unwrap(), d["total"].as_i64().unwrap()))
        .collect();
    // Each day also has what mindops proved from its records: the rotation.
    assert_eq!(days, [(4, 12), (2, 12)]);
    let people: Vec<(String, i64)> = report["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["person"].as_str().unwrap().to_string(),
                p["items"].as_i64().unwrap(),
            )
        })
        .collect();
    // Evidence is counted apart from people.
    assert_eq!(people, [("felix".to_string(), 3), ("iris".to_string(), 1)]);
    assert_eq!(report["by_evidence"], 2);
    assert_eq!(report["rate"], 25.0);
}

#[test]
fn handover_notes_show_in_oncall_since_the_previous_handoff() {
    let env = Env::new();
    env.did(
        "2024-07-28T20:00:00Z",
        &["handover", "add", "before the rotation began"],
    );
    // Written at the end of the shift before (Sunday night, handoff Monday 00:00): for the
    // person taking over.
    env.did(
        "2024-08-04T21:30:00Z",
        &["handover", "add", "watch the nightly import"],
    );
    env.did(
        "2024-08-06T17:00:00Z",
        &[
            "handover",
            "add",
            "DB failover drill tomorrow",
            "--by",
            "iris",
        ],
    );
    let table = env.ok(&["oncall"]);
    assert!(
        table.ends_with(
            "Handover notes since the previous handoff (2024-07-29 00:00 UTC):\n  \
             2024-08-04 21:30 UTC  tester: watch the nightly import\n  \
             2024-08-06 17:00 UTC  iris: DB failover drill tomorrow\n"
        ),
        "{table}"
    );
    let record = json(&env.ok(&["oncall", "--format", "json"]));
    assert_eq!(record["handover"].as_array().unwrap().len(), 2);
    assert_eq!(record["handover"][1]["author"], "iris");
    // A week on, the Sunday note has had its shift.
    let (_, later, _) = env.at("2024-08-13T10:00:00Z", &["oncall", "--format", "json"]);
    assert_eq!(json(&later)["handover"].as_array().unwrap().len(), 1);
    assert_eq!(
        env.ok(&["oncall", "--format", "plain"]),
        "Felix\nIris\nTilda\nMilo\n"
    );
    let list = env.ok(&[
        "handover",
        "list",
        "--since",
        "2024-08-01",
        "--format",
        "csv",
    ]);
    assert_eq!(lines(&list).len(), 3);
    let err = env.fails(&["handover", "add", " "], 2);
    assert!(err.contains("a handover note needs text"), "{err}");
}

#[test]
fn twenty_people_ticking_one_item_at_once_store_one_tick() {
    let env = Env::new();
    env.ok(&["handover", "add", "the store exists; the race is the tick"]);
    let runs: Vec<Vec<&str>> = (0..20).map(|_| vec!["checklist", "done", "4"]).collect();
    env.race(&runs, |results, _| {
        let mut ticked = 0;
        for (code, out, err) in results {
            assert_eq!(*code, 0, "{out}{err}");
            if out.starts_with("done: ") {
                ticked += 1;
                assert_eq!(err, "");
            } else {
                assert_eq!(out, "");
                assert!(err.contains("is already done; nothing changed"), "{err}");
            }
        }
        assert_eq!(ticked, 1, "{results:?}");
    });
    assert!(env.rows("checklist_ticks").iter().all(|&n| n == 1));
}

#[test]
fn every_format_means_the_same_thing() {
    let env = Env::new();
    env.ok(&["checklist", "done", "1", "2"]);
    let plain = env.ok(&[
        "checklist",
        "history",
        "--from",
        "2024-08-06",
        "--format",
        "plain",
    ]);
    assert_eq!(plain, "2024-08-06\t1\t12\t8.3\n2024-08-07\t3\t12\t25\n");
    let csv = env.ok(&[
        "checklist",
        "history",
        "--from",
        "2024-08-06",
        "--format",
        "csv",
    ]);
    assert!(csv.starts_with("date,done,total,rate\n"), "{csv}");
    // A dashboard is no list: status takes table or json, and says so.
    let err = env.fails(&["status", "--format", "csv"], 2);
    assert!(err.contains("invalid value 'csv'"), "{err}");
    let err = env.fails(&["status", "--format", "plain"], 2);
    assert!(err.contains("[possible values: table, json]"), "{err}");
}

#[test]
fn ids_stay_whole_in_a_narrow_table() {
    let env = Env::new();
    let (code, out, err) = crate::common::run(env.cmd().env("COLUMNS", "100").arg("checklist"));
    assert_eq!((code, err.as_str()), (0, ""));
    for id in [
        "afternoon.monitor-performance",
        "evening.final-status-check",
        "morning.verify-backups",
    ] {
        assert!(out.contains(id), "{id} is broken:\n{out}");
    }
    assert!(out.lines().all(|l| l.chars().count() <= 100), "{out}");
}

/// Under a pseudo-terminal that reports no size (as `script` makes one), tables take 80
/// columns, not one.
#[test]
fn a_terminal_without_a_size_gets_80_columns() {
    let env = Env::new();
    let (code, out, err) = env.shell(
        r#"command -v script > /dev/null || exit 77; unset COLUMNS; script -qec "$MINDOPS checklist" /dev/null"#,
    );
    if code == 77 {
        // No `script` on this machine: nothing to run the test under.
        return crate::common::skipped("the size-less terminal", "util-linux's script");
    }
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().map(|l| l.trim_end_matches('\r')).collect();
    let widest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!((60..=80).contains(&widest), "{widest} columns:\n{out}");
    assert!(out.contains("performance"), "{out}");
}

/// At 80 columns, tables wrap between words: every word of every cell comes out whole, and
/// the id column, a second handle beside the number, gives way when it would cost that.
#[test]
fn tables_wrap_between_words_at_80_columns() {
    let env = Env::new();
    let at = "2024-08-07T10:00:00Z";
    env.did(
        at,
        &[
            "checklist",
            "done",
            "2",
            "--note",
            "metrics checked at 09:55 by hand",
        ],
    );
    env.did(
        at,
        &[
            "incident",
            "open",
            "--sev",
            "P2",
            "--title",
            "Certificate expires in seven days",
        ],
    );
    env.did(
        at,
        &[
            "incident",
            "open",
            "--sev",
            "P3",
            "--title",
            "Push notifications delayed",
        ],
    );
    env.did(at, &["incident", "ack", "1"]);
    let shown = |columns: u16, command: &str| -> String {
        let (code, out, err) = env.shell(&format!(
            "MINDOPS_NOW={at} COLUMNS={columns} $MINDOPS {command}"
        ));
        assert_eq!((code, err.as_str()), (0, ""), "{command}: {out}");
        assert!(
            out.lines()
                .all(|l| l.chars().count() <= usize::from(columns)),
            "{out}"
        );
        out
    };
    let words = |out: &str| -> Vec<String> { out.split_whitespace().map(str::to_string).collect() };
    let out = shown(80, "checklist");
    let seen = words(&out);
    for word in [
        "Morning",
        "Afternoon",
        "performance",
        "documentation",
        "metrics",
        "checked",
        "09:55",
    ] {
        assert!(seen.iter().any(|w| w == word), "{word} is broken:\n{out}");
    }
    let out = shown(80, "incident list");
    let seen = words(&out);
    for word in ["acknowledged", "Certificate", "notifications", "Detection"] {
        assert!(seen.iter().any(|w| w == word), "{word} is broken:\n{out}");
    }
    // With room, the ids come back whole.
    let wide = shown(140, "checklist");
    assert!(wide.contains("afternoon.update-documentation"), "{wide}");
}
