//! `mindops oncall`: the seed's four weeks, the repeat, instants, formats and errors.

use crate::common::{json, lines, Env, NOW};

/// The seed's sheet, week by week: Primary, Secondary, On-Call, Backup.
const SEED_WEEKS: [(&str, [&str; 4]); 4] = [
    ("2024-07-29", ["Milo", "Felix", "Iris", "Tilda"]),
    ("2024-08-05", ["Felix", "Iris", "Tilda", "Milo"]),
    ("2024-08-12", ["Iris", "Tilda", "Milo", "Felix"]),
    ("2024-08-19", ["Tilda", "Milo", "Felix", "Iris"]),
];

#[test]
fn each_seed_week_on_every_day_of_it() {
    let env = Env::new();
    for (week, (monday, people)) in SEED_WEEKS.iter().enumerate() {
        let monday = chrono::NaiveDate::parse_from_str(monday, "%Y-%m-%d").unwrap();
        for offset in [0, 3, 6] {
            let day = (monday + chrono::Duration::days(offset)).to_string();
            let out = env.ok(&["oncall", "--date", &day, "--format", "plain"]);
            assert_eq!(lines(&out), people, "week {} on {day}", week + 1);
        }
    }
}

#[test]
fn week_five_repeats_week_one() {
    let env = Env::new();
    let out = json(&env.ok(&["oncall", "--date", "2024-08-28", "--format", "json"]));
    assert_eq!(out["shift"]["number"], 5);
    let people: Vec<&str> = out["assignments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["person"].as_str().unwrap())
        .collect();
    assert_eq!(people, SEED_WEEKS[0].1);
}

#[test]
fn the_issue_example_prints_felix() {
    let env = Env::new();
    let out = env.ok(&[
        "oncall",
        "--date",
        "2024-08-07",
        "--role",
        "Primary",
        "--format",
        "plain",
    ]);
    assert_eq!(out, "Felix\n");
}

#[test]
fn json_has_the_documented_fields() {
    let env = Env::new();
    let out = json(&env.ok(&["oncall", "--format", "json"]));
    assert_eq!(out["at"], "2024-08-07T10:00:00Z");
    assert_eq!(out["shift"]["number"], 2);
    assert_eq!(out["shift"]["start"], "2024-08-05T00:00:00Z");
    assert_eq!(out["shift"]["end"], "2024-08-12T00:00:00Z");
    let first = &out["assignments"][0];
    assert_eq!(first["role"], "Primary");
    assert_eq!(first["person"], "Felix");
    assert_eq!(first["area"], "Frontend");
    assert_eq!(first["override"], false);
    assert_eq!(first["from"], "2024-08-05T00:00:00Z");
    assert_eq!(first["until"], "2024-08-12T00:00:00Z");
}

#[test]
fn an_instant_just_before_and_at_a_handoff() {
    let env = Env::new();
    let before = env.ok(&[
        "oncall",
        "--at",
        "2024-08-11T23:59:59Z",
        "--role",
        "primary",
        "--format",
        "plain",
    ]);
    let after = env.ok(&[
        "oncall",
        "--at",
        "2024-08-12T00:00:00Z",
        "--role",
        "primary",
        "--format",
        "plain",
    ]);
    assert_eq!((before.as_str(), after.as_str()), ("Felix\n", "Iris\n"));
}

#[test]
fn the_table_names_the_shift_and_every_role() {
    let env = Env::new();
    let out = env.ok(&["oncall"]);
    assert!(
        out.starts_with("Shift 2 · 2024-08-05 00:00 UTC → 2024-08-12 00:00 UTC\n"),
        "{out}"
    );
    for (role, person, area) in [
        ("Primary", "Felix", "Frontend"),
        ("Secondary", "Iris", "Infrastructure"),
        ("On-Call", "Tilda", "Testing"),
        ("Backup", "Milo", "AI Integration"),
    ] {
        let row = out
            .lines()
            .find(|l| l.trim_start().starts_with(role))
            .unwrap_or_else(|| panic!("{role}: {out}"));
        assert!(row.contains(person) && row.contains(area), "{row}");
    }
    assert!(!out.contains('\x1b'), "colour with NO_COLOR: {out:?}");
}

#[test]
fn csv_has_a_header_and_a_row_per_role() {
    let env = Env::new();
    let out = env.ok(&["oncall", "--format", "csv"]);
    let rows = lines(&out);
    assert_eq!(rows[0], "role,person,area,override,from,until");
    assert_eq!(
        rows[1],
        "Primary,Felix,Frontend,false,2024-08-05T00:00:00Z,2024-08-12T00:00:00Z"
    );
    assert_eq!(rows.len(), 5);
}

#[test]
fn color_always_colours_and_tz_changes_only_the_display() {
    let env = Env::new();
    let out = env.ok(&["oncall", "--color", "always"]);
    assert!(
        out.contains("\x1b["),
        "no colour with --color always: {out:?}"
    );
    let out = env.ok(&["oncall", "--tz", "Asia/Tokyo"]);
    assert!(out.contains("2024-08-05 09:00 JST"), "{out}");
}

#[test]
fn a_date_before_the_rotation_says_when_it_starts() {
    let env = Env::new();
    let err = env.fails(&["oncall", "--date", "2024-07-28"], 2);
    assert_eq!(
        err,
        "mindops: error: no shift covers 2024-07-28: the rotation starts at 2024-07-29T00:00:00Z; \
         nobody is on call before it\n"
    );
}

#[test]
fn bad_input_exits_2_with_what_to_write() {
    let env = Env::new();
    let cases: [(&[&str], &str); 6] = [
        (&["oncall", "--date", "07/08/2024"], "is not a date; write YYYY-MM-DD"),
        (&["oncall", "--at", "tomorrow"], "is not a time; write now, RFC 3339"),
        (&["oncall", "--role", "Primry"], "unknown role \"Primry\" (did you mean \"Primary\"?); known roles: Primary, Secondary, On-Call, Backup"),
        (&["oncall", "--tz", "Mars/Olympus"], "unknown time zone \"Mars/Olympus\""),
        (&["oncall", "schedule", "--person", "Bob"], "unknown person \"Bob\"; members: Milo, Felix, Iris, Tilda"),
        (&["oncall", "schedule", "--from", "2024-08-10", "--to", "2024-08-01"], "--to 2024-08-01 is before --from 2024-08-10"),
    ];
    for (args, message) in cases {
        let err = env.fails(args, 2);
        assert!(
            err.starts_with("mindops: error: ") && err.contains(message),
            "{args:?}: {err}"
        );
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
    }
    let err = env.fails(&["oncall", "--bogus"], 2);
    assert!(err.contains("unexpected argument '--bogus'"), "{err}");
    let err = env.fails(
        &[
            "oncall",
            "--date",
            "2024-08-07",
            "--at",
            "2024-08-07T10:00:00Z",
        ],
        2,
    );
    assert!(err.contains("cannot be used with"), "{err}");
}

#[test]
fn a_bad_pinned_clock_is_an_error_not_a_panic() {
    let env = Env::new();
    let (code, _, err) =
        crate::common::run(env.cmd().env("MINDOPS_NOW", "yesterday").arg("oncall"));
    assert_eq!(code, 2);
    assert!(
        err.contains("MINDOPS_NOW=\"yesterday\" is not an RFC 3339 time"),
        "{err}"
    );
}

#[test]
fn schedule_lists_the_coming_shifts() {
    let env = Env::new();
    let out = env.ok(&[
        "oncall",
        "schedule",
        "--from",
        "2024-07-29",
        "--weeks",
        "5",
        "--format",
        "csv",
    ]);
    let rows = lines(&out);
    assert_eq!(rows[0], "shift,role,person,area,override,from,until");
    assert_eq!(rows.len(), 1 + 5 * 4);
    assert_eq!(
        rows[1],
        "1,Primary,Milo,AI Integration,false,2024-07-29T00:00:00Z,2024-08-05T00:00:00Z"
    );
    assert_eq!(
        rows[17],
        "5,Primary,Milo,AI Integration,false,2024-08-26T00:00:00Z,2024-09-02T00:00:00Z"
    );

    let table = env.ok(&[
        "oncall",
        "schedule",
        "--from",
        "2024-08-05",
        "--to",
        "2024-08-18",
    ]);
    let shift_rows: Vec<&str> = table
        .lines()
        .filter(|l| l.trim_start().starts_with(['2', '3']))
        .collect();
    assert_eq!(shift_rows.len(), 2, "{table}");
    assert!(
        shift_rows[0].contains("Felix") && shift_rows[1].contains("Iris"),
        "{table}"
    );
}

#[test]
fn schedule_for_one_person_shows_their_roles() {
    let env = Env::new();
    let out = env.ok(&[
        "oncall",
        "schedule",
        "--person",
        "iris",
        "--from",
        "2024-07-29",
        "--weeks",
        "4",
        "--format",
        "plain",
    ]);
    assert_eq!(
        lines(&out),
        [
            "1\t2024-07-29T00:00:00Z\tOn-Call\tIris",
            "2\t2024-08-05T00:00:00Z\tSecondary\tIris",
            "3\t2024-08-12T00:00:00Z\tPrimary\tIris",
            "4\t2024-08-19T00:00:00Z\tBackup\tIris",
        ]
    );
}

/// The property of the rule, over a year of the sample rotation: every shift has every role
/// held, and by four different people.
#[test]
fn property_a_year_of_shifts_each_role_held_once() {
    let env = Env::new();
    let out = json(&env.ok(&[
        "oncall",
        "schedule",
        "--from",
        "2024-07-29",
        "--weeks",
        "52",
        "--format",
        "json",
    ]));
    let shifts = out["shifts"].as_array().unwrap();
    assert_eq!(shifts.len(), 52);
    for shift in shifts {
        let assignments = shift["assignments"].as_array().unwrap();
        let mut roles: Vec<&str> = assignments
            .iter()
            .map(|a| a["role"].as_str().unwrap())
            .collect();
        let mut people: Vec<&str> = assignments
            .iter()
            .map(|a| a["person"].as_str().unwrap())
            .collect();
        roles.sort();
        people.sort();
        people.dedup();
        assert_eq!(
            roles,
            ["Backup", "On-Call", "Primary", "Secondary"],
            "{shift}"
        );
        assert_eq!(people.len(), 4, "{shift}");
    }
}

#[test]
fn dst_handoffs_keep_the_wall_clock_time() {
    let env = Env::new();
    env.edit("rotation.yaml", "timezone: UTC", "timezone: Europe/Berlin");
    env.edit("rotation.yaml", "time: \"00:00\"", "time: \"09:00\"");
    // 2024-10-27 ends summer time: the shift of 21-28 October lasts 169 hours.
    let autumn = json(&env.ok(&["oncall", "--date", "2024-10-23", "--format", "json"]));
    assert_eq!(autumn["shift"]["start"], "2024-10-21T07:00:00Z");
    assert_eq!(autumn["shift"]["end"], "2024-10-28T08:00:00Z");
    // 2025-03-30 starts it again: that shift lasts 167 hours.
    let spring = json(&env.ok(&["oncall", "--date", "2025-03-26", "--format", "json"]));
    assert_eq!(spring["shift"]["start"], "2025-03-24T08:00:00Z");
    assert_eq!(spring["shift"]["end"], "2025-03-31T07:00:00Z");
    let table = env.ok(&["oncall", "--date", "2024-10-23"]);
    assert!(
        table.contains("2024-10-21 09:00 CEST") && table.contains("2024-10-28 09:00 CET"),
        "{table}"
    );
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let env = Env::new();
    let result = env
        .shell("set -o pipefail; \"$MINDOPS\" oncall schedule --weeks 520 --format csv | head -1");
    assert_eq!(
        result,
        (
            0,
            "shift,role,person,area,override,from,until\n".into(),
            String::new()
        )
    );
}

#[test]
fn export_is_an_rfc5545_calendar() {
    let env = Env::new();
    let ics = env.ok(&[
        "oncall",
        "export",
        "--ics",
        "--from",
        "2024-07-29",
        "--weeks",
        "4",
    ]);
    assert!(
        ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"),
        "{ics}"
    );
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(
        !ics.replace("\r\n", "").contains('\n'),
        "bare LF in calendar"
    );
    assert!(ics.split("\r\n").all(|l| l.len() <= 75), "unfolded line");
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 16);
    assert!(ics.contains("SUMMARY:Primary on-call: Felix\r\n"));
    assert!(ics.contains("UID:shift-2-primary@mindops\r\nDTSTAMP:20240807T100000Z\r\nDTSTART:20240805T000000Z\r\nDTEND:20240812T000000Z\r\n"), "{ics}");
    let again = env.ok(&["oncall", "export", "--from", "2024-07-29", "--weeks", "4"]);
    assert_eq!(ics, again, "UIDs and content must be stable across exports");

    let mine = env.ok(&[
        "oncall",
        "export",
        "--from",
        "2024-07-29",
        "--weeks",
        "4",
        "--person",
        "Tilda",
    ]);
    assert_eq!(mine.matches("BEGIN:VEVENT").count(), 4);
    assert!(mine.contains("X-WR-CALNAME:On-call: Tilda"));
}

#[test]
fn check_passes_on_the_seed_rotation_and_reports_the_load() {
    let env = Env::new();
    let out = env.ok(&["oncall", "check", "--weeks", "4"]);
    assert!(
        out.contains("every role held by one person at every moment"),
        "{out}"
    );
    let report = json(&env.ok(&["oncall", "check", "--weeks", "4", "--format", "json"]));
    assert_eq!(report["ok"], true);
    assert_eq!(report["problems"].as_array().unwrap().len(), 0);
    assert_eq!(report["load"][0]["person"], "Milo");
    assert_eq!(report["load"][0]["hours"], 672.0);
}

/// The handover notes under `oncall` wrap between words to the screen, indented under their
/// author.
#[test]
fn handover_notes_wrap_to_the_screen() {
    let env = Env::new();
    let note = "The disk on db-2 fills by Friday; the cleanup job is in cron but not yet \
                verified, please check it after the morning checklist";
    env.did(NOW, &["handover", "add", note, "--by", "Iris"]);
    let (code, out, err) = env.shell(&format!("MINDOPS_NOW={NOW} COLUMNS=60 $MINDOPS oncall"));
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    assert!(out.lines().all(|l| l.chars().count() <= 60), "{out}");
    let shown = out.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(shown.contains(note), "{out}");
    assert!(
        out.contains("\n    "),
        "continuation lines are indented:\n{out}"
    );
}

/// Time off in rotation.yaml and from `oncall off`: the cover rule fills the role (the seed's
/// order: those below move up, the lowest stays empty), everyone it moves is told once, pages
/// go to whoever holds the roles then, and an empty step is skipped.
#[test]
fn time_off_is_covered_told_and_paged_around() {
    let env = Env::new();
    // Felix holds On-Call in the week of 19 August; written in the file, his time off moves
    // Iris up from Backup and leaves Backup empty.
    let text = env.read("work/rotation.yaml");
    env.write(
        "work/rotation.yaml",
        &format!(
            "{text}\ntime_off:\n  - {{person: Felix, from: 2024-08-19, to: 2024-08-23, reason: conference}}\n\
             notify:\n  channels:\n    sms:\n      type: command\n      \
             command: 'm=$(cat); printf \"%s\\n\" \"$m\" >> personal.jsonl'\n"
        ),
    );
    let (code, _, err) = env.run(&["config", "check"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(
            "warning: Backup has nobody from 2024-08-19 00:00 UTC to 2024-08-24 00:00 UTC"
        ),
        "{err}"
    );
    let shown = json(&env.ok(&["oncall", "--date", "2024-08-21", "--format", "json"]));
    assert_eq!(shown["gaps"], serde_json::json!(["Backup"]));

    let told = || -> Vec<String> {
        let text = std::fs::read_to_string(env.path("work/personal.jsonl")).unwrap_or_default();
        let _ = std::fs::remove_file(env.path("work/personal.jsonl"));
        let mut lines: Vec<String> = text
            .lines()
            .map(json)
            .filter(|m| m["event"] == "rota_change")
            .map(|m| m["summary"].as_str().unwrap_or_default().to_string())
            .collect();
        lines.sort();
        lines
    };
    env.each_backend(|on| {
        told();
        // Iris, Primary in the week of 12 August, is off Tuesday and Wednesday: Tilda, Milo
        // and Felix move up a role, Backup is empty; each person moved hears once.
        let (code, out, err) = on.at(
            "2024-08-07T10:00:00Z",
            &["oncall", "off", "Iris", "--from", "2024-08-13", "--to", "2024-08-14", "--reason", "dentist", "--by", "Ana"],
        );
        assert_eq!(code, 0, "{err}");
        assert!(out.starts_with("time off "), "{out}");
        assert!(err.contains("warning: Backup has nobody"), "{err}");
        let span = "from 2024-08-13 00:00 UTC until 2024-08-15 00:00 UTC";
        let messages = told();
        assert_eq!(messages.len(), 4, "{messages:?}");
        assert!(messages.iter().any(|m| m.starts_with(&format!("Felix: you hold On-Call {span}, in place of Milo; you do not hold Backup {span}, and nobody does"))), "{messages:?}");
        assert!(
            messages.iter().any(|m| m.starts_with(&format!("Iris: Tilda holds Primary {span}, in your place (time off"))),
            "{messages:?}"
        );
        assert!(messages.iter().all(|m| m.ends_with("by Ana: dentist)")), "{messages:?}");
        assert!(messages.iter().any(|m| m.starts_with(&format!("Tilda: you hold Primary {span}, in place of Iris; Milo holds Secondary {span}, in your place"))), "{messages:?}");

        let (code, out, _) = on.at("2024-08-13T10:00:00Z", &["oncall", "--format", "json"]);
        assert_eq!(code, 0);
        let now = json(&out);
        let holders: Vec<(&str, &str)> = now["assignments"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| (a["role"].as_str().unwrap(), a["person"].as_str().unwrap()))
            .collect();
        assert_eq!(holders, [("Primary", "Tilda"), ("Secondary", "Milo"), ("On-Call", "Felix")]);
        assert_eq!(now["assignments"][0]["cover"], "Iris is off (dentist)");
        // The time off written in the file is told once too, by the next cron run.
        told();
        let (code, _, err) = on.at("2024-08-13T10:00:00Z", &["notify", "flush"]);
        assert_eq!(code, 0, "{err}");
        let week = "from 2024-08-19 00:00 UTC until 2024-08-24 00:00 UTC";
        assert_eq!(
            told(),
            [
                format!("Felix: Iris holds On-Call {week}, in your place (time off in rotation.yaml: conference)"),
                format!(
                    "Iris: you hold On-Call {week}, in place of Felix; you do not hold Backup \
                     {week}, and nobody does (time off in rotation.yaml: conference)"
                ),
            ]
        );
        let (code, _, _) = on.at("2024-08-13T10:05:00Z", &["notify", "flush"]);
        assert_eq!(code, 0);
        assert!(told().is_empty(), "once");
        let (_, out, _) = on.at("2024-08-13T10:00:00Z", &["status", "--format", "json"]);
        assert_eq!(json(&out)["gaps"], serde_json::json!(["Backup"]));
        let (_, out, _) = on.at(
            "2024-08-13T10:00:00Z",
            &["oncall", "schedule", "--from", "2024-08-12", "--weeks", "1"],
        );
        assert!(out.contains("nobody 08-13 00:00–08-15"), "{out}");
        assert!(out.contains("~ covering for someone off"), "{out}");

        // A P2 pages Tilda; its escalations go down the chain as it stands and end where
        // Backup is empty, without waiting it out.
        let (code, out, err) = on.at(
            "2024-08-13T10:00:00Z",
            &["incident", "open", "--sev", "P2", "--title", "slow", "--format", "json"],
        );
        assert_eq!(code, 0, "{err}");
        let opened = json(&out);
        let paged: Vec<&str> = opened["paged"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["person"].as_str().unwrap())
            .collect();
        assert_eq!(paged, ["Tilda"]);
        for minute in ["10:30", "11:00", "11:30"] {
            let (code, _, err) = on.at(&format!("2024-08-13T{minute}:00Z"), &["incident", "check"]);
            assert!(code <= 1, "{err}");
        }
        let (_, out, _) = on.at("2024-08-13T11:30:00Z", &["incident", "show", "1", "--format", "json"]);
        let pages: Vec<String> = json(&out)["timeline"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["kind"] == "paged")
            .map(|e| format!("{} {}", e["new_value"].as_str().unwrap(), e["text"].as_str().unwrap()))
            .collect();
        assert_eq!(pages, ["Tilda Primary", "Milo Secondary", "Felix On-Call"]);
        // The week's report counts Iris's two days off, and Felix's week in the file.
        let (_, out, _) = on.at(
            "2024-09-02T10:00:00Z",
            &["report", "weekly", "--period", "2024-W33", "--format", "json"],
        );
        let report = json(&out);
        let iris = report["team"]["shifts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["person"] == "Iris")
            .cloned()
            .unwrap();
        assert_eq!(iris["days_off"], 2.0, "{iris}");
        told();
    });
}

/// A swap: two overrides made and told as one, each person hearing once.
#[test]
fn a_swap_trades_two_roles_for_one_shift_and_tells_each_once() {
    let env = Env::new();
    let text = env.read("work/rotation.yaml");
    env.write(
        "work/rotation.yaml",
        &format!(
            "{text}\nnotify:\n  channels:\n    sms:\n      type: command\n      \
             command: 'm=$(cat); printf \"%s\\n\" \"$m\" >> personal.jsonl'\n"
        ),
    );
    env.each_backend(|on| {
        let _ = std::fs::remove_file(env.path("work/personal.jsonl"));
        // The week of 12 August: Iris is Primary, Felix Backup.
        let (code, out, err) = on.at(
            "2024-08-07T10:00:00Z",
            &["oncall", "swap", "Felix", "Iris", "--week", "2024-08-14", "--by", "Ana"],
        );
        assert_eq!((code, err.as_str()), (0, ""), "{out}");
        assert!(out.contains("Felix holds Primary and Iris holds Backup"), "{out}");
        let (_, out, _) = on.at("2024-08-13T10:00:00Z", &["oncall", "--format", "plain"]);
        assert_eq!(out, "Felix\nTilda\nMilo\nIris\n");
        let text = std::fs::read_to_string(env.path("work/personal.jsonl")).unwrap_or_default();
        let mut told: Vec<String> = text
            .lines()
            .map(json)
            .map(|m| m["summary"].as_str().unwrap_or_default().to_string())
            .collect();
        told.sort();
        let span = "from 2024-08-12 00:00 UTC until 2024-08-19 00:00 UTC";
        assert_eq!(
            told,
            [
                format!("Felix: you hold Primary {span}, in place of Iris; Iris holds Backup {span}, in your place (swap 1 and 2 by Ana: swap of Felix and Iris)"),
                format!("Iris: Felix holds Primary {span}, in your place; you hold Backup {span}, in place of Felix (swap 1 and 2 by Ana: swap of Felix and Iris)"),
            ]
        );
        let (code, _, err) = on.at(
            "2024-08-07T10:00:00Z",
            &["oncall", "swap", "Felix", "felix", "--week", "3"],
        );
        assert_eq!(code, 2);
        assert!(err.contains("needs two people"), "{err}");
        // Someone off when the shift starts has no role to trade, and time off ends after its
        // start.
        let (code, _, err) = on.at(
            "2024-08-07T10:00:00Z",
            &["oncall", "off", "Milo", "--from", "2024-08-19", "--to", "2024-08-18"],
        );
        assert_eq!(code, 2);
        assert!(err.contains("--to (2024-08-18) is before --from (2024-08-19)"), "{err}");
        let (code, _, err) = on.at(
            "2024-08-07T10:00:00Z",
            &["oncall", "off", "Milo", "--from", "2024-08-19", "--to", "2024-08-20"],
        );
        assert_eq!(code, 0, "{err}");
        let (code, _, err) = on.at(
            "2024-08-07T10:00:00Z",
            &["oncall", "swap", "Milo", "Iris", "--week", "4"],
        );
        assert_eq!(code, 2);
        assert!(err.contains("Milo holds no role when shift 4 starts"), "{err}");
    });
}

/// `oncall plan --against DIR`: only the stretches that change, hours before and after, and
/// exit 1 when the other config leaves a role empty, for a pull request's CI job.
#[test]
fn plan_shows_only_what_a_branch_changes_and_fails_on_a_gap() {
    let env = Env::new();
    std::fs::create_dir_all(env.path("work/branch")).unwrap();
    let text = env.read("work/rotation.yaml");
    env.write("work/branch/rotation.yaml", &text);
    let (code, out, err) = env.run(&["oncall", "plan", "--against", "branch"]);
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    assert!(out.contains("no one's shifts change"), "{out}");

    // Felix (On-Call in the week of 19 August) off that week: Iris moves up, Backup is empty.
    env.write(
        "work/branch/rotation.yaml",
        &format!("{text}\ntime_off:\n  - {{person: Felix, from: 2024-08-19, to: 2024-08-23}}\n"),
    );
    let (code, out, _) = env.run(&["oncall", "plan", "--against", "branch", "--format", "json"]);
    assert_eq!(code, 1, "{out}");
    let plan = json(&out);
    assert_eq!(plan["ok"], false);
    let changes: Vec<String> = plan["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            format!(
                "{} {}..{} {} -> {}",
                c["role"].as_str().unwrap(),
                c["from"].as_str().unwrap(),
                c["until"].as_str().unwrap(),
                c["now"].as_str().unwrap_or("nobody"),
                c["then"].as_str().unwrap_or("nobody")
            )
        })
        .collect();
    assert_eq!(
        changes,
        [
            "Backup 2024-08-19T00:00:00Z..2024-08-24T00:00:00Z Iris -> nobody",
            "On-Call 2024-08-19T00:00:00Z..2024-08-24T00:00:00Z Felix -> Iris",
        ]
    );
    assert_eq!(plan["problems"][0]["kind"], "gap");
    let felix = plan["hours"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["person"] == "Felix")
        .unwrap();
    assert_eq!(
        felix["now"].as_f64().unwrap() - felix["then"].as_f64().unwrap(),
        120.0
    );
    let (code, md, _) = env.run(&[
        "oncall",
        "plan",
        "--against",
        "branch",
        "--format",
        "markdown",
    ]);
    assert_eq!(code, 1);
    assert!(
        md.contains("| Backup | 2024-08-19 00:00 UTC | 2024-08-24 00:00 UTC | Iris | *nobody* |"),
        "{md}"
    );
    assert!(md.contains("**Problems:**"), "{md}");
}

/// Tilda leaves on 1 October and Ana joins: a dated version of the team. Everything about the
/// time before stays byte for byte as it was; the plan of the change shows only the time
/// after; a version that would rewrite recorded pages is refused unless asked for.
#[test]
fn a_new_version_of_the_team_keeps_the_history() {
    let env = Env::new();
    for (at, sev) in [
        ("2024-08-14T10:00:00Z", "P1"),
        ("2024-09-20T03:00:00Z", "P2"),
    ] {
        env.did(at, &["incident", "open", "--sev", sev, "--title", "before"]);
        env.did(at, &["incident", "check"]);
    }
    let later = "2024-10-20T10:00:00Z";
    let views: [&[&str]; 5] = [
        &["oncall", "--date", "2024-09-25", "--format", "json"],
        &[
            "oncall",
            "schedule",
            "--from",
            "2024-07-29",
            "--to",
            "2024-09-29",
            "--format",
            "csv",
        ],
        &[
            "report",
            "quarterly",
            "--period",
            "2024-Q3",
            "--format",
            "json",
        ],
        &[
            "report", "monthly", "--period", "2024-09", "--format", "markdown",
        ],
        &["oncall", "check", "--weeks", "4", "--format", "json"],
    ];
    let look = |args: &[&str]| {
        let (code, out, err) = env.at(later, args);
        assert!(code <= 1, "{args:?}: {err}");
        out
    };
    let before: Vec<String> = views[..4].iter().map(|v| look(v)).collect();

    let text = env.read("work/rotation.yaml");
    let version = "rotation:\n  - from: 2024-10-01\n    members:\n      - name: Milo\n        \
                   area: AI Integration\n      - name: Felix\n        area: Frontend\n      \
                   - name: Iris\n        area: Infrastructure\n      - name: Ana\n        \
                   area: Testing\n";
    std::fs::create_dir_all(env.path("work/branch")).unwrap();
    env.write("work/branch/rotation.yaml", &format!("{text}\n{version}"));
    let (code, out, _) = env.at(
        "2024-09-25T10:00:00Z",
        &["oncall", "plan", "--against", "branch", "--format", "json"],
    );
    assert_eq!(code, 0, "{out}");
    let plan = json(&out);
    let changes = plan["changes"].as_array().unwrap();
    assert!(!changes.is_empty());
    assert!(
        changes
            .iter()
            .all(|c| c["from"].as_str().unwrap() >= "2024-10-01T00:00:00Z"),
        "{changes:?}"
    );
    assert!(
        changes
            .iter()
            .all(|c| c["now"] == "Tilda" && c["then"] == "Ana"),
        "{changes:?}"
    );

    env.write("work/rotation.yaml", &format!("{text}\n{version}"));
    let after: Vec<String> = views[..4].iter().map(|v| look(v)).collect();
    for (i, (b, a)) in before.iter().zip(&after).enumerate() {
        assert_eq!(b, a, "{:?} changed", views[i]);
    }
    // From 1 October Ana holds what Tilda would have.
    let (code, out, _) = env.at(
        later,
        &["oncall", "--date", "2024-10-02", "--format", "plain"],
    );
    assert_eq!(code, 0);
    assert!(out.contains("Ana") && !out.contains("Tilda"), "{out}");
    assert_eq!(look(views[4]).matches("unknown_person").count(), 0);

    // A page recorded on 5 October: a version from 1 October would now rewrite it.
    env.did(
        "2024-10-05T10:00:00Z",
        &["incident", "open", "--sev", "P3", "--title", "after"],
    );
    let (code, _, err) = env.at(later, &["config", "check"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("starts before the last recorded page"),
        "{err}"
    );
    let (code, _, err) = env.at(later, &["config", "check", "--rewrite-history"]);
    assert_eq!(code, 0, "{err}");
}

/// `oncall load` and the reports count the pages that woke people, each on their own clock.
#[test]
fn pages_at_night_are_counted_in_each_persons_zone() {
    let env = Env::new();
    env.edit(
        "rotation.yaml",
        "  - name: Iris\n    area: Infrastructure\n",
        "  - name: Iris\n    area: Infrastructure\n    zone: Asia/Tokyo\n",
    );
    // Week 2 (5 August): Felix Primary, Iris Secondary.
    for (at, sev) in [
        ("2024-08-07T23:30:00Z", "P2"), // Felix asleep
        ("2024-08-08T10:00:00Z", "P2"), // Felix awake
        ("2024-08-08T14:00:00Z", "P1"), // Felix awake; 23:00 in Tokyo for Iris
    ] {
        env.did(at, &["incident", "open", "--sev", sev, "--title", "t"]);
    }
    let (code, out, err) = env.at(
        "2024-08-20T10:00:00Z",
        &["oncall", "load", "--period", "2024-W32", "--format", "json"],
    );
    assert_eq!(code, 0, "{err}");
    let load = json(&out);
    let person = |name: &str| {
        load["people"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["person"] == name)
            .cloned()
            .unwrap()
    };
    assert_eq!(
        (
            person("Felix")["pages"].as_u64(),
            person("Felix")["pages_at_night"].as_u64()
        ),
        (Some(3), Some(1))
    );
    assert_eq!(
        (
            person("Iris")["pages"].as_u64(),
            person("Iris")["pages_at_night"].as_u64()
        ),
        (Some(1), Some(1))
    );
    assert_eq!(person("Milo")["hours"], 168.0);
    assert_eq!(load["fairness"], 1.0);
    let (_, report, _) = env.at(
        "2024-08-20T10:00:00Z",
        &[
            "report", "weekly", "--period", "2024-W32", "--format", "markdown",
        ],
    );
    assert!(report.contains("| Felix | 3 | 1 | 0 |"), "{report}");
    assert!(report.contains("| Iris | 1 | 1 | 0 |"), "{report}");
}
